//! Where a flow that crosses functions is reported: at the call that enters
//! the functions leading to its sink, with the sink last in its trail (see
//! the module doc of `crate::project`). A path that is the tail of another
//! to the same sink, found by the join or by a function's own analysis, is
//! not reported again.

use std::collections::hash_map::Entry;

use super::shown::Shown;
use super::{CallRef, Reached, ReachedGlobal, finding_in};
use crate::hash::{Map, Set};
use crate::ir::Span;
use crate::model::{CategoryId, Finding, Flow, FlowKind, Location};
use crate::rules::Rules;

/// The finding for data reaching a library's sink through another file's
/// module-level instance (see [`ReachedGlobal`]), at that call. An HTTP
/// client's host is not known there.
pub(super) fn at_global_sink(shown: &Shown, rules: &Rules, r: &ReachedGlobal) -> Option<Finding> {
    let (file_index, call_index) = r.call;
    let file = &shown.files()[file_index as usize];
    let call = &file.calls[call_index as usize];
    let snippet = shown.call_snippet(r.call)?;
    let at = shown.call_step(r.call)?.region;
    let spec = &rules.sinks[r.sink].spec;
    let flow = Flow {
        kind: spec.kind,
        category: r.category,
        span: Span::default(),
        via: spec.id.clone(),
        recipient: spec
            .recipient
            .clone()
            .or_else(|| spec.http.as_ref().map(|_| "unknown".to_string())),
        store: spec.store,
        store_key: None,
        region: None,
        target: {
            let site = file.site(call);
            site.paths()
                .next_back()
                .unwrap_or(site.method())
                .to_string()
        },
        trail: Vec::new(),
        model_write: false,
        model_field: None,
        encrypted: false,
    };
    Some(finding_in(
        file,
        &flow,
        rules,
        at,
        &snippet,
        shown.trail(&r.trail),
    ))
}

/// `finding`, made at its sink, moved to the call `entry` it entered the
/// helpers by: that line and snippet, that file's role, and the helper
/// named in the message.
pub(super) fn at_entry(mut finding: Finding, shown: &Shown, entry: CallRef) -> Finding {
    let (file, call) = entry;
    let file = &shown.files()[file as usize];
    let call = &file.calls[call as usize];
    // Every call data enters keeps its line (see `summary::locate`).
    let (Some(snippet), Some(step)) = (shown.call_snippet(entry), shown.call_step(entry)) else {
        debug_assert!(false, "an entered call without its line");
        return finding;
    };
    finding.location = step.region.in_file(&file.path);
    finding.snippet = snippet.text;
    finding.snippet_offset = snippet.offset;
    finding.role = file.role;
    finding.message = format!(
        "{} through `{}()`",
        finding.message,
        file.site(call).method()
    );
    finding
}

/// The flows to report: of those reaching one sink with one category, a
/// flow entered at a call that another's path passed through is that one's
/// tail (a service's `email` parameter that the handler's request field
/// fills), and only the outer one is reported.
pub(super) fn outermost(reached: Vec<Reached>) -> Vec<Reached> {
    let mut passed: Map<(u32, u32, CategoryId), Set<CallRef>> = Map::default();
    for r in &reached {
        passed
            .entry((r.file, r.sink, r.category))
            .or_default()
            .extend(r.inner.iter().filter(|&&c| Some(c) != r.entry));
    }
    reached
        .into_iter()
        .filter(|r| {
            r.entry
                .is_none_or(|e| !passed[&(r.file, r.sink, r.category)].contains(&e))
        })
        .collect()
}

/// Adds cross-function findings to the per-file ones. Where a function's
/// own analysis already reports the same flow at the same sink, the longer
/// trail (the one showing where the data came from) is kept; where a flow
/// reported at a caller's entry call passes through the start of a
/// function's own finding to the same sink, that finding is its tail and is
/// dropped, so that one flow is one finding.
pub fn merge(findings: &mut Vec<Finding>, linked: Vec<Finding>) {
    // The steps of each relocated flow, by the sink it ends at.
    let mut entered: Map<EndKey<'_>, Set<&Location>> = Map::default();
    for f in &linked {
        if let Some(sink) = f.trail.last().filter(|s| s.location != f.location) {
            entered
                .entry((&sink.location, f.flow_kind, &f.category, &f.via))
                .or_default()
                .extend(f.trail.iter().map(|s| &s.location));
        }
    }
    let tails: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.trail.len() >= 2
                && f.trail.first().is_some_and(|first| {
                    entered
                        .get(&(&f.location, f.flow_kind, &f.category, &f.via))
                        .is_some_and(|steps| steps.contains(&first.location))
                })
        })
        .collect();
    drop(entered);
    let mut tails = tails.into_iter();
    findings.retain(|_| !tails.next().unwrap_or(false));
    // Where each linked finding goes: onto an own finding of the same flow,
    // onto an earlier linked one, or after the others.
    let mut at: Map<FlowKey<'_>, Place> =
        Map::with_capacity_and_hasher(findings.len() + linked.len(), Default::default());
    for (i, f) in findings.iter().enumerate() {
        at.entry(flow_key(f)).or_insert(Place::Own(i));
    }
    let places: Vec<Option<Place>> = linked
        .iter()
        .enumerate()
        .map(|(j, f)| match at.entry(flow_key(f)) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                e.insert(Place::Linked(j));
                None
            }
        })
        .collect();
    drop(at);
    let mut pushed_at = vec![usize::MAX; linked.len()];
    findings.reserve_exact(places.iter().filter(|p| p.is_none()).count());
    for (j, (f, place)) in linked.into_iter().zip(places).enumerate() {
        let i = match place {
            Some(Place::Own(i)) => i,
            Some(Place::Linked(first)) => pushed_at[first],
            None => {
                pushed_at[j] = findings.len();
                findings.push(f);
                continue;
            }
        };
        if f.trail.len() > findings[i].trail.len() {
            findings[i].trail = f.trail;
        }
    }
}

/// A flow's sink, kind, category and rule.
type EndKey<'f> = (&'f Location, FlowKind, &'f str, &'f str);

/// What makes two findings one flow: place, kind, category, rule and sink.
type FlowKey<'f> = (
    &'f Location,
    FlowKind,
    &'f str,
    &'f str,
    Option<&'f Location>,
);

fn flow_key(f: &Finding) -> FlowKey<'_> {
    (
        &f.location,
        f.flow_kind,
        &f.category,
        &f.via,
        f.trail.last().map(|s| &s.location),
    )
}

/// Where a linked finding's flow is already reported.
#[derive(Clone, Copy)]
enum Place {
    Own(usize),
    Linked(usize),
}
