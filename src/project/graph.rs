//! The join's adjacency, built once before the walk: each file's symbols
//! by origin, its edges by symbol, each call's targets and each function's
//! callers.
//!
//! Tables are flat and sorted per file rather than maps of small vectors:
//! a tree's summaries hold hundreds of thousands of symbols and calls, and
//! a map entry with its own vector costs several times the pair it holds.

use rayon::prelude::*;

use super::CallRef;
use super::resolve::{FnRef, Index};
use super::summary::FileSummary;
use crate::flow::summary::{From, Origin};
use crate::hash::Map;

pub(super) struct Graph {
    /// Per file: (origin, symbol), sorted.
    symbols: Vec<Vec<(Origin, u32)>>,
    /// Per file: (symbol, edge) for the edges from a symbol, sorted.
    edges: Vec<Vec<(u32, u32)>>,
    /// Per file, per call: the project's functions it may reach.
    targets: Vec<Vec<Box<[FnRef]>>>,
    callers: Map<FnRef, Vec<CallRef>>,
}

impl Graph {
    /// Resolves every call (in parallel, as resolution only reads the
    /// index): a function's callers are needed to return data to them.
    pub fn new(files: &[FileSummary], index: &Index<'_>) -> Graph {
        let symbols = files
            .iter()
            .map(|file| {
                sorted(
                    file.symbols
                        .iter()
                        .enumerate()
                        .map(|(s, symbol)| (symbol.origin, s as u32)),
                )
            })
            .collect();
        let edges = files
            .iter()
            .map(|file| {
                sorted(
                    file.edges
                        .iter()
                        .enumerate()
                        .filter_map(|(e, edge)| match edge.from {
                            From::Symbol(s) => Some((s, e as u32)),
                            From::Data(_) => None,
                        }),
                )
            })
            .collect();
        let targets: Vec<Vec<Box<[FnRef]>>> = files
            .par_iter()
            .enumerate()
            .map(|(f, file)| {
                file.calls
                    .iter()
                    .map(|call| index.resolve(f as u32, file.site(call)).into_boxed_slice())
                    .collect()
            })
            .collect();
        let mut callers: Map<FnRef, Vec<CallRef>> = Map::default();
        for (f, calls) in targets.iter().enumerate() {
            for (c, targets) in calls.iter().enumerate() {
                for &target in targets.iter() {
                    callers
                        .entry(target)
                        .or_default()
                        .push((f as u32, c as u32));
                }
            }
        }
        Graph {
            symbols,
            edges,
            targets,
            callers,
        }
    }

    /// The symbols of `file` that stand for what arrives at `origin`.
    pub fn symbols(&self, file: u32, origin: Origin) -> impl Iterator<Item = u32> + '_ {
        range(&self.symbols[file as usize], origin)
            .iter()
            .map(|&(_, s)| s)
    }

    /// The edges of `file` from `symbol`.
    pub fn edges_from(&self, file: u32, symbol: u32) -> impl Iterator<Item = u32> + '_ {
        range(&self.edges[file as usize], symbol)
            .iter()
            .map(|&(_, e)| e)
    }

    /// The functions call `call` of `file` may reach.
    pub fn targets(&self, file: u32, call: u32) -> &[FnRef] {
        &self.targets[file as usize][call as usize]
    }

    /// The calls that may reach `function`.
    pub fn callers(&self, function: FnRef) -> &[CallRef] {
        self.callers.get(&function).map_or(&[], Vec::as_slice)
    }

    pub fn is_called(&self, function: FnRef) -> bool {
        self.callers.contains_key(&function)
    }
}

fn sorted<K: Ord + Copy>(pairs: impl Iterator<Item = (K, u32)>) -> Vec<(K, u32)> {
    let mut pairs: Vec<(K, u32)> = pairs.collect();
    pairs.sort_unstable();
    pairs.shrink_to_fit();
    pairs
}

/// The pairs of a sorted table whose key is `key`.
fn range<K: Ord + Copy>(table: &[(K, u32)], key: K) -> &[(K, u32)] {
    let start = table.partition_point(|(k, _)| *k < key);
    let len = table[start..].partition_point(|(k, _)| *k == key);
    &table[start..start + len]
}
