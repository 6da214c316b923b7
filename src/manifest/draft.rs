//! `candor init`: a draft manifest from what the code does.
//!
//! The draft lists every data category and recipient the scan saw, with
//! where it saw them, so that a reviewer can keep what the policy really
//! promises. Purposes are left as a placeholder that fails validation until
//! a person fills them in.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{Finding, FlowKind};
use crate::rules::Rules;

/// The purpose placeholder: not a data use, so the draft fails validation
/// until every one is replaced.
pub const PURPOSE_PLACEHOLDER: &str = "choose-purposes";

/// Where a category was seen, by flow kind.
#[derive(Default)]
struct Seen {
    by_kind: BTreeMap<FlowKind, Vec<String>>,
}

/// Renders a draft manifest for `findings` (a scan without a manifest).
pub fn draft(findings: &[Finding], rules: &Rules) -> String {
    let mut categories: BTreeMap<&str, Seen> = BTreeMap::new();
    let mut recipients: BTreeMap<&str, BTreeMap<&str, ()>> = BTreeMap::new();
    for f in findings {
        for category in f.categories() {
            let seen = categories.entry(category).or_default();
            let places = seen.by_kind.entry(f.flow_kind).or_default();
            let place = format!("{}:{}", f.location.path, f.location.start_line);
            if !places.contains(&place) {
                places.push(place);
            }
            if let Some(r) = f.recipient.as_deref().filter(|r| *r != "unknown") {
                recipients.entry(r).or_default().insert(category, ());
            }
        }
    }
    let mut out = String::from(
        "# Draft written by `candor init` from what the code does. Review every entry:\n\
         # keep only what the privacy policy really promises, replace each\n\
         # `choose-purposes` with the data uses the policy states, and cite the\n\
         # policy's clauses. See docs/manifest.md; `candor manifest-schema` prints\n\
         # the JSON Schema for editors.\n\
         version: 1\n",
    );
    out.push_str("\ndata:\n");
    if categories.is_empty() {
        out.push_str("  []\n");
    }
    for (category, seen) in &categories {
        let name = rules
            .categories
            .iter()
            .find(|c| c.key == *category)
            .map_or("", |c| c.name.as_str());
        let _ = writeln!(out, "  - category: {category}  # {name}");
        let _ = writeln!(out, "    purposes: [{PURPOSE_PLACEHOLDER}]");
        for (kind, places) in &seen.by_kind {
            let shown: Vec<&str> = places.iter().take(3).map(String::as_str).collect();
            let more = if places.len() > 3 {
                format!(" and {} more", places.len() - 3)
            } else {
                String::new()
            };
            let _ = writeln!(out, "    # {} at {}{more}", kind.name(), shown.join(", "));
        }
        if seen.by_kind.contains_key(&FlowKind::Logged) {
            out.push_str(
                "    log: true  # the code logs it; keep only if the policy discloses that\n",
            );
        }
    }
    out.push_str("\n# Third parties that receive personal data; `recipients: []` means \"we share with no one\".\nrecipients:\n");
    if recipients.is_empty() {
        out.push_str("  []\n");
    }
    for (id, cats) in &recipients {
        let cats: Vec<&str> = cats.keys().copied().collect();
        match id.strip_prefix("unknown:") {
            Some(host) => {
                let _ = writeln!(out, "  - id: {}", host.replace('.', "-"));
                let _ = writeln!(
                    out,
                    "    name: {host}  # a host outside the recipients catalog: name the company"
                );
                let _ = writeln!(out, "    domains: [{host}]");
            }
            None => {
                let _ = writeln!(out, "  - id: {id}");
            }
        }
        let _ = writeln!(out, "    categories: [{}]", cats.join(", "));
        let _ = writeln!(out, "    purposes: [{PURPOSE_PLACEHOLDER}]");
    }
    out
}
