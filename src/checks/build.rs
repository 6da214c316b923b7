//! Turning flows into findings: the check each flow falls under, its
//! message, and its trail located in the file.

use super::rule_for;
use crate::model::{
    Finding, Flow, FlowKind, Location, Role, Snippet, StoreKind, TrailStep, subject,
};
use crate::rules::Rules;
use crate::text::SourceLines;

/// Turns one file's flows into findings.
pub fn findings(flows: &[Flow], rules: &Rules, path: &str, text: &str) -> Vec<Finding> {
    let lines = SourceLines::new(text);
    flows
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
            let location = lines.location(path, flow.span);
            let snippet = lines.snippet(location.start_line, location.start_column);
            finding(flow, rules, location, snippet, trail)
        })
        .collect()
}

/// The finding for `flow` at `location`, after the steps of `trail` (the
/// sink step is added here). Its fingerprint is assigned at the end of the
/// pipeline.
pub fn finding(
    flow: &Flow,
    rules: &Rules,
    location: Location,
    snippet: Snippet,
    mut trail: Vec<TrailStep>,
) -> Finding {
    let category = rules.category(flow.category);
    let rule = rule_for(flow, category);
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
        encrypted: flow.encrypted,
        region: flow.region.clone(),
        via: flow.via.clone(),
        role: Role::Production,
        message: message(flow, &category.name, category.sensitive, rules),
        snippet: snippet.text,
        snippet_offset: snippet.offset,
        location,
        trail,
        fingerprint: String::new(),
        policy: None,
        suppression: None,
        other_categories: Vec::new(),
        model_field: flow.model_field.clone(),
    }
}

fn sink_step(flow: &Flow) -> String {
    match flow.kind {
        FlowKind::Collected => format!("collected from {}", flow.target),
        _ => format!("passed to `{}`", flow.target),
    }
}

fn message(flow: &Flow, name: &str, sensitive: bool, rules: &Rules) -> String {
    let what = subject(name, sensitive);
    let says = rules
        .sinks
        .iter()
        .find(|s| s.spec.id == flow.via)
        .and_then(|s| s.spec.says.as_deref());
    if let Some(says) = says {
        return format!("{what} is {}", says.replace("{callee}", &flow.target));
    }
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
                Some(StoreKind::Token) => "a signed token (readable by its holder)",
                None => "storage",
            };
            let store = if flow.encrypted {
                format!("{store} that encrypts what it keeps")
            } else {
                store.to_string()
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
