//! The join's adjacency, built once before the walk: each file's symbols
//! by origin, its edges by symbol, each call's targets and each function's
//! callers.
//!
//! Tables are flat and sorted rather than maps of small vectors: a tree's
//! summaries hold hundreds of thousands of symbols and calls, and a map
//! entry with its own vector costs several times the pair it holds. The
//! orders hold ids alone, and the searches read each id's key in the
//! summary.

use std::cmp::Ordering;

use rayon::prelude::*;

use super::CallRef;
use super::resolve::{FnRef, Index};
use super::summary::FileSummary;
use crate::flow::summary::{From, Origin};

pub(super) struct Graph<'a> {
    files: &'a [FileSummary],
    /// Per file: its symbols, by origin.
    symbols: Vec<Box<[u32]>>,
    /// Per file: its edges from a symbol, by symbol.
    edges: Vec<Box<[u32]>>,
    /// Per file, per call: the project's functions it may reach.
    targets: Vec<Runs<FnRef>>,
    /// Per file, per function: the calls that may reach it.
    callers: Vec<Runs<CallRef>>,
}

impl<'a> Graph<'a> {
    /// Resolves every call (in parallel, as resolution only reads the
    /// index): a function's callers are needed to return data to them.
    pub fn new(files: &'a [FileSummary], index: &Index<'_>) -> Graph<'a> {
        let symbols = files
            .iter()
            .map(|file| {
                let mut order: Box<[u32]> = (0..file.symbols.len() as u32).collect();
                // Stable: a symbol's peers of one origin stay in id order.
                order.sort_by_key(|&s| file.symbols[s as usize].origin);
                order
            })
            .collect();
        let edges = files
            .iter()
            .map(|file| {
                let mut order: Box<[u32]> = (0..file.edges.len() as u32)
                    .filter(|&e| matches!(file.edges[e as usize].from, From::Symbol(_)))
                    .collect();
                order.sort_by_key(|&e| edge_symbol(file, e));
                order
            })
            .collect();
        let targets: Vec<Runs<FnRef>> = files
            .par_iter()
            .enumerate()
            .map(|(f, file)| {
                let mut targets = Runs::builder();
                for call in file.calls.iter() {
                    targets.extend(index.resolve(f as u32, file.site(call)));
                    targets.end_run();
                }
                targets.finish()
            })
            .collect();
        let callers = callers_of(files, &targets);
        Graph {
            files,
            symbols,
            edges,
            targets,
            callers,
        }
    }

    /// The symbols of `file` that stand for what arrives at `origin`.
    pub fn symbols(&self, file: u32, origin: Origin) -> impl Iterator<Item = u32> + '_ {
        let summary = &self.files[file as usize];
        run(&self.symbols[file as usize], |&s| {
            summary.symbols[s as usize].origin.cmp(&origin)
        })
        .iter()
        .copied()
    }

    /// The edges of `file` from `symbol`.
    pub fn edges_from(&self, file: u32, symbol: u32) -> impl Iterator<Item = u32> + '_ {
        let summary = &self.files[file as usize];
        run(&self.edges[file as usize], |&e| {
            edge_symbol(summary, e).cmp(&symbol)
        })
        .iter()
        .copied()
    }

    /// The functions call `call` of `file` may reach.
    pub fn targets(&self, file: u32, call: u32) -> &[FnRef] {
        self.targets[file as usize].get(call as usize)
    }

    /// The calls that may reach `function`.
    pub fn callers(&self, (file, function): FnRef) -> &[CallRef] {
        self.callers[file as usize].get(function as usize)
    }

    pub fn is_called(&self, function: FnRef) -> bool {
        !self.callers(function).is_empty()
    }
}

/// Each file's functions' callers, from the calls' targets: each
/// function's in (file, call) order.
fn callers_of(files: &[FileSummary], targets: &[Runs<FnRef>]) -> Vec<Runs<CallRef>> {
    let mut calls: Vec<(FnRef, CallRef)> = targets
        .iter()
        .enumerate()
        .flat_map(|(f, calls)| {
            calls.iter().enumerate().flat_map(move |(c, targets)| {
                targets.iter().map(move |&t| (t, (f as u32, c as u32)))
            })
        })
        .collect();
    calls.sort_unstable();
    let mut calls = calls.into_iter().peekable();
    files
        .iter()
        .enumerate()
        .map(|(f, file)| {
            let mut callers = Runs::builder();
            for function in 0..file.functions.len() as u32 {
                let callee = (f as u32, function);
                // (Resolution names only functions files have: none is
                // passed over.)
                while calls.next_if(|&(t, _)| t < callee).is_some() {}
                while let Some((_, call)) = calls.next_if(|&(t, _)| t == callee) {
                    callers.extend([call]);
                }
                callers.end_run();
            }
            callers.finish()
        })
        .collect()
}

/// The symbol edge `e` of `file` leaves from (none for data, which no
/// symbol order holds).
fn edge_symbol(file: &FileSummary, e: u32) -> u32 {
    match file.edges[e as usize].from {
        From::Symbol(s) => s,
        From::Data(_) => u32::MAX,
    }
}

/// The run of a sorted table whose items `key` finds equal.
fn run<T>(table: &[T], key: impl Fn(&T) -> Ordering) -> &[T] {
    let start = table.partition_point(|item| key(item) == Ordering::Less);
    let len = table[start..].partition_point(|item| key(item) == Ordering::Equal);
    &table[start..start + len]
}

/// Runs of items one after another, one run an index: the targets of a
/// file's calls without a vector for each call.
struct Runs<T> {
    /// Where each run ends in `items`.
    ends: Box<[u32]>,
    items: Box<[T]>,
}

impl<T> Runs<T> {
    fn builder() -> RunsBuilder<T> {
        RunsBuilder {
            ends: Vec::new(),
            items: Vec::new(),
        }
    }

    /// Run `i` (empty past the last).
    fn get(&self, i: usize) -> &[T] {
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).map_or(0, |&end| end as usize),
        };
        let end = self.ends.get(i).map_or(start, |&end| end as usize);
        &self.items[start..end]
    }

    fn iter(&self) -> impl Iterator<Item = &[T]> {
        (0..self.ends.len()).map(|i| self.get(i))
    }
}

/// Builds [`Runs`], an item at a time.
struct RunsBuilder<T> {
    ends: Vec<u32>,
    items: Vec<T>,
}

impl<T> RunsBuilder<T> {
    /// Adds `items` to the run being built.
    fn extend(&mut self, items: impl IntoIterator<Item = T>) {
        self.items.extend(items);
    }

    /// Ends the run being built.
    fn end_run(&mut self) {
        self.ends.push(self.items.len() as u32);
    }

    fn finish(self) -> Runs<T> {
        Runs {
            ends: self.ends.into_boxed_slice(),
            items: self.items.into_boxed_slice(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Runs, run};

    #[test]
    fn runs_read_back_by_index_and_empty_past_the_last() {
        let mut runs = Runs::builder();
        for run in [vec![1, 2], vec![], vec![3]] {
            runs.extend(run);
            runs.end_run();
        }
        let runs = runs.finish();
        assert_eq!(runs.get(0), [1, 2]);
        assert_eq!(runs.get(1), [] as [i32; 0]);
        assert_eq!(runs.get(2), [3]);
        assert_eq!(runs.get(3), [] as [i32; 0]);
        assert_eq!(runs.iter().count(), 3);
    }

    #[test]
    fn a_run_is_every_item_of_the_key_in_order() {
        // Ids ordered by the key each stands for, as the graph keeps them.
        let keys = [7, 3, 7, 1, 3, 7];
        let mut order: Vec<usize> = (0..keys.len()).collect();
        order.sort_by_key(|&i| keys[i]);
        let of = |key: i32| run(&order, |&i| keys[i].cmp(&key)).to_vec();
        assert_eq!(of(7), [0, 2, 5], "stable: ids in order");
        assert_eq!(of(3), [1, 4]);
        assert_eq!(of(1), [3]);
        assert!(of(2).is_empty());
        assert!(of(9).is_empty());
    }
}
