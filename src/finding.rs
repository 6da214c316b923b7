//! The one finding model every emitter renders.
//!
//! Findings are built from flows once, with everything an emitter needs
//! (message, snippet, locations in characters, fingerprint), so emitters
//! never re-derive facts.

use std::collections::HashMap;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::checks::{self, Level};
use crate::flow::Flow;
use crate::ir::Span;
use crate::rules::{FlowKind, Rules, StoreKind};

/// A location in a file: 1-based lines and columns, columns counted in
/// Unicode code points, end column exclusive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    pub path: String,
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrailStep {
    pub location: Location,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule_id: &'static str,
    pub level: Level,
    /// fideslang data-category key.
    pub category: String,
    pub category_name: String,
    pub sensitive: bool,
    pub flow_kind: FlowKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<StoreKind>,
    /// The cookie or storage key written, when the code names it literally.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_key: Option<String>,
    /// The country the data goes to, when the code names the region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The sink or source rule that matched.
    pub via: String,
    pub message: String,
    pub location: Location,
    /// The source line of the location.
    pub snippet: String,
    /// Where the data came from, first step first; the last step is the
    /// location itself.
    pub trail: Vec<TrailStep>,
    /// Stable across unrelated edits: rule, category, path and the text of
    /// the line, plus an occurrence counter.
    pub fingerprint: String,
    /// With a manifest: the declaration this finding is judged against, and
    /// the policy clause it cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyRef>,
    /// Set when a `candor:ignore` comment suppresses the finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<crate::suppress::Suppression>,
}

/// A place in the privacy manifest and the policy clause it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyRef {
    pub location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// Line lookup over one file's text.
pub struct SourceLines<'s> {
    lines: Vec<&'s str>,
}

impl<'s> SourceLines<'s> {
    pub fn new(text: &'s str) -> SourceLines<'s> {
        SourceLines {
            lines: text.split('\n').collect(),
        }
    }

    pub fn line(&self, number: u32) -> &'s str {
        self.lines
            .get((number as usize).wrapping_sub(1))
            .map_or("", |l| l.trim_end_matches('\r'))
    }

    /// Converts a byte column on `line` to a 1-based character column.
    fn column(&self, line: u32, byte_col: u32) -> u32 {
        let text = self.line(line);
        let mut byte = (byte_col as usize).min(text.len());
        while !text.is_char_boundary(byte) {
            byte -= 1;
        }
        text[..byte].chars().count() as u32 + 1
    }

    pub fn location(&self, path: &str, span: Span) -> Location {
        Location {
            path: path.to_string(),
            start_line: span.start_line,
            start_column: self.column(span.start_line, span.start_col),
            end_line: span.end_line,
            end_column: self.column(span.end_line, span.end_col),
        }
    }
}

/// Turns one file's flows into findings.
pub fn build(flows: &[Flow], rules: &Rules, path: &str, text: &str) -> Vec<Finding> {
    let lines = SourceLines::new(text);
    let mut findings: Vec<Finding> = flows
        .iter()
        .map(|flow| {
            let trail = flow
                .trail
                .iter()
                .map(|s| TrailStep {
                    location: lines.location(path, s.span),
                    message: s.note.clone(),
                })
                .collect();
            let snippet = lines.line(flow.span.start_line).trim_end().to_string();
            make(flow, rules, lines.location(path, flow.span), snippet, trail)
        })
        .collect();
    sort(&mut findings);
    assign_fingerprints(&mut findings);
    findings
}

/// The finding for `flow` at `location`, after the steps of `trail` (the
/// sink step is added here). Its fingerprint is assigned later, with the
/// other findings of its file.
pub fn make(
    flow: &Flow,
    rules: &Rules,
    location: Location,
    snippet: String,
    mut trail: Vec<TrailStep>,
) -> Finding {
    let category = rules.category(flow.category);
    let rule = checks::rule_for(flow, category);
    trail.push(TrailStep {
        location: location.clone(),
        message: sink_step(flow),
    });
    Finding {
        rule_id: rule.id,
        level: rule.level,
        category: category.key.clone(),
        category_name: category.name.clone(),
        sensitive: category.sensitive,
        flow_kind: flow.kind,
        recipient: flow.recipient.clone(),
        store: flow.store,
        store_key: flow.store_key.clone(),
        region: flow.region.clone(),
        via: flow.via.clone(),
        message: message(flow, &category.name, category.sensitive, rules),
        snippet,
        location,
        trail,
        fingerprint: String::new(),
        policy: None,
        suppression: None,
    }
}

fn sink_step(flow: &Flow) -> String {
    match flow.kind {
        FlowKind::Collected => format!("collected from {}", flow.target),
        _ => format!("passed to `{}`", flow.target),
    }
}

fn message(flow: &Flow, name: &str, sensitive: bool, rules: &Rules) -> String {
    let what = if sensitive {
        format!("Sensitive personal data ({name})")
    } else {
        name.to_string()
    };
    match flow.kind {
        FlowKind::Collected => format!("{what} is collected from {}", flow.target),
        FlowKind::Logged => format!("{what} is written to a log by `{}`", flow.target),
        FlowKind::Stored => {
            let store = match flow.store {
                Some(StoreKind::Database) => "a database",
                Some(StoreKind::File) => "a file",
                Some(StoreKind::Cookie) => "a cookie",
                Some(StoreKind::BrowserStorage) => "browser storage",
                Some(StoreKind::Cache) => "a cache",
                Some(StoreKind::ObjectStorage) => "object storage",
                None => "storage",
            };
            if flow.via.ends_with("-ddl") || flow.via.ends_with("-schema") {
                // A schema declares the store: say where, not by what call.
                format!("{what} is stored in {store}: {}", flow.target)
            } else {
                format!("{what} is stored in {store} by `{}`", flow.target)
            }
        }
        FlowKind::Shared => {
            let to = match flow.recipient.as_deref() {
                Some("unknown") | None => "a host that could not be resolved".to_string(),
                Some(r) => match rules.recipient(r) {
                    Some(spec) => format!("{} ({})", spec.name, spec.service),
                    None => format!("the external host {}", r.trim_start_matches("unknown:")),
                },
            };
            format!("{what} is sent to {to} by `{}`", flow.target)
        }
    }
}

/// The deterministic order of findings: by file, position, then rule and
/// category.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (
            &a.location,
            a.rule_id,
            &a.category,
            a.flow_kind,
            &a.recipient,
            &a.via,
        )
            .cmp(&(
                &b.location,
                b.rule_id,
                &b.category,
                b.flow_kind,
                &b.recipient,
                &b.via,
            ))
    });
}

/// Fingerprints hash what identifies a finding without its line number, so
/// that they survive lines moving; identical ones are told apart by order.
pub fn assign_fingerprints(findings: &mut [Finding]) {
    let mut seen: HashMap<String, u32> = HashMap::new();
    for f in findings.iter_mut() {
        let normalized: String = f.snippet.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut h = Sha256::new();
        for part in [
            f.rule_id,
            &f.category,
            f.flow_kind.name(),
            &f.location.path,
            &normalized,
        ] {
            h.update(part.as_bytes());
            h.update([0]);
        }
        let digest = h.finalize();
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let n = seen.entry(hex.clone()).or_insert(0);
        *n += 1;
        f.fingerprint = format!("{hex}:{n}");
    }
}
