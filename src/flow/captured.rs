//! Reads of a captured request: a closure that reads the request of the
//! function it is written in (`() => req.body.email === ..` passed as a
//! callback) reads that function's request, so a field it collects is the
//! function's collection, reported once with the function's own reads of it.

use std::collections::hash_map::Entry;

use crate::hash::Map;
use crate::ir::{Function, FunctionName, Span};
use crate::model::{CategoryId, Flow, FlowKind, Step};

/// Folds the `collected` flows that repeat, in the same function or in a
/// closure of it reading the function's request, a field already collected
/// there (same category, same read as written) into the first one, whose
/// trail then lists every read. `flows` is in source order.
pub(super) fn collapse_captured_reads(functions: &[Function], flows: &mut Vec<Flow>) {
    if !flows.iter().any(|f| f.kind == FlowKind::Collected) {
        return;
    }
    let nesting = Nesting::new(functions);
    let mut first: Map<(usize, CategoryId, String), usize> = Map::default();
    let mut repeats: Vec<(usize, usize)> = Vec::new();
    let mut open = Vec::new();
    let mut next = 0;
    for (index, flow) in flows.iter().enumerate() {
        if flow.kind != FlowKind::Collected {
            continue;
        }
        // Flows come in source order: the functions open around this one
        // are those started before it and not yet ended.
        while let Some(&i) = nesting.by_start.get(next)
            && start(&functions[i].span) <= start(&flow.span)
        {
            open.retain(|&o: &usize| functions[o].span.contains(&functions[i].span));
            open.push(i);
            next += 1;
        }
        open.retain(|&o| functions[o].span.contains(&flow.span));
        let Some(&innermost) = open.last() else {
            continue;
        };
        let Some(holder) = read_variable(&flow.target) else {
            continue;
        };
        let owner = nesting.declaring(functions, innermost, holder);
        match first.entry((owner, flow.category, flow.target.clone())) {
            Entry::Occupied(kept) => repeats.push((*kept.get(), index)),
            Entry::Vacant(slot) => {
                slot.insert(index);
            }
        }
    }
    if repeats.is_empty() {
        return;
    }
    let mut dropped = vec![false; flows.len()];
    for (kept, repeat) in repeats {
        dropped[repeat] = true;
        let again = Step {
            span: flows[repeat].span,
            note: format!("read again: {}", flows[repeat].target),
        };
        let flow = &mut flows[kept];
        if flow.trail.is_empty() {
            flow.trail.push(Step {
                span: flow.span,
                note: flow.target.clone(),
            });
        }
        flow.trail.push(again);
    }
    let mut index = 0;
    flows.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
}

/// Which function each function is written in.
struct Nesting {
    /// Function indexes by start, the outer first where two start together.
    by_start: Vec<usize>,
    parent: Vec<Option<usize>>,
}

impl Nesting {
    fn new(functions: &[Function]) -> Nesting {
        let mut by_start: Vec<usize> = (0..functions.len()).collect();
        by_start.sort_by_key(|&i| {
            let s = functions[i].span;
            (start(&s), std::cmp::Reverse((s.end_line, s.end_col)))
        });
        let mut parent = vec![None; functions.len()];
        let mut open: Vec<usize> = Vec::new();
        for &i in &by_start {
            while let Some(&o) = open.last()
                && !functions[o].span.contains(&functions[i].span)
            {
                open.pop();
            }
            parent[i] = open.last().copied();
            open.push(i);
        }
        Nesting { by_start, parent }
    }

    /// The function whose variable `holder` a read in function `at` reads:
    /// `at` itself, unless it is a closure that does not declare `holder`;
    /// then the nearest function around it that does, or is named.
    fn declaring(&self, functions: &[Function], mut at: usize, holder: &str) -> usize {
        loop {
            let f = &functions[at];
            let declares = f.params.iter().any(|p| p.name.variable() == holder);
            match self.parent[at] {
                Some(up) if !declares && matches!(f.name, FunctionName::Anonymous(_)) => at = up,
                _ => return at,
            }
        }
    }
}

fn start(span: &Span) -> (u32, u32) {
    (span.start_line, span.start_col)
}

/// The variable a read starts from: `req` of "`req.body.email`".
fn read_variable(target: &str) -> Option<&str> {
    let written = target.strip_prefix('`')?;
    let end = written
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(written.len());
    (end > 0).then(|| &written[..end])
}
