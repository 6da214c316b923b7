//! `candor policy draft`: a `privacy.yml` to review, written from what a
//! policy text states.
//!
//! Every declaration carries the sentence it was read from, as a comment,
//! and its clause. What the text leaves open is a gap, listed at the end:
//! a purpose the text does not give is the placeholder `choose-purposes`,
//! which fails validation until a person chooses; the other gaps are TODO
//! comments for the reviewer.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;

use super::reading::{CONSENT_PROMISE, Evidence, Reading, Sharing, Statement};
use crate::manifest::draft::{PURPOSE_PLACEHOLDER, comment_safe, yaml_scalar};
use crate::model::manifest::covers;
use crate::rules::Rules;

/// Something the text does not decide, for the reviewer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Gap {
    /// The manifest section it is about (`data`, `recipients`, ...).
    pub section: &'static str,
    pub message: String,
}

/// The gaps of a reading, in manifest order.
pub fn gaps(reading: &Reading) -> Vec<Gap> {
    let mut gaps = Vec::new();
    let mut gap = |section, message: String| gaps.push(Gap { section, message });
    if reading.categories.is_empty() {
        gap(
            "data",
            "the text names no kind of personal data: declare what the service collects".into(),
        );
    }
    for c in &reading.categories {
        if purposes_of(reading, &c.value).is_empty() {
            gap(
                "data",
                format!(
                    "`{}`: the text states no purpose in the section that names it (line {}); choose its purposes",
                    c.value, c.evidence.line
                ),
            );
        }
    }
    match reading.sharing.as_ref().map(|s| s.value) {
        None if reading.recipients.is_empty() => gap(
            "recipients",
            "the text does not say whether personal data goes to third parties: declare the recipients, or `recipients: []`".into(),
        ),
        Some(Sharing::Some) if reading.recipients.is_empty() => gap(
            "recipients",
            format!(
                "the text shares data with third parties it does not name (line {}): declare each one with its domains",
                reading.sharing.as_ref().map_or(0, |s| s.evidence.line)
            ),
        ),
        _ => {}
    }
    for r in &reading.recipients {
        gap(
            "recipients",
            format!(
                "`{}`: list the data it receives and why (line {})",
                r.value, r.evidence.line
            ),
        );
    }
    if reading.residency.is_empty() {
        gap(
            "residency",
            "the text does not say where data is stored: declare `residency` if the policy limits it".into(),
        );
    }
    if reading.retention.len() > 1 {
        gap(
            "data",
            format!(
                "the text states {} retention periods: set `retention` on the categories each applies to",
                reading.retention.len()
            ),
        );
    }
    if reading.mentions_cookies.is_some() && reading.cookie_kinds.is_empty() {
        gap(
            "tracking",
            "the text speaks of cookies but not of their kinds: declare each kind it uses".into(),
        );
    }
    gaps
}

/// The purposes stated where `category` is named, the most specific of
/// each line of uses.
fn purposes_of(reading: &Reading, category: &str) -> Vec<String> {
    let all: BTreeSet<&String> = reading
        .category_purposes
        .get(category)
        .into_iter()
        .flatten()
        .collect();
    all.iter()
        .filter(|p| !all.iter().any(|q| q != *p && covers(p, q)))
        .map(|p| p.to_string())
        .collect()
}

/// The draft manifest for `reading`, read from `source`.
pub fn manifest(reading: &Reading, source: &str, rules: &Rules) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "# Draft written by `candor policy draft` from {} ({}).\n\
         # Every declaration cites the sentence it was read from: check each against\n\
         # the text and keep only what the policy promises. Then decide the gaps\n\
         # listed at the end and the TODOs: `candor check-manifest` fails while a\n\
         # `choose-purposes` placeholder is left.\n\
         version: 1\n",
        comment_safe(source),
        reading.language
    );
    if let Some(title) = &reading.title {
        let _ = writeln!(out, "policy:\n  name: {}", yaml_scalar(title));
    }
    write_clauses(&mut out, reading);
    write_data(&mut out, reading, rules);
    write_recipients(&mut out, reading);
    write_residency(&mut out, reading);
    write_tracking(&mut out, reading);
    write_subjects(&mut out, reading);
    write_consent(&mut out, reading);
    write_gaps(&mut out, reading);
    out
}

/// `# "quote" (line N)`.
fn cite(out: &mut String, indent: &str, evidence: &Evidence) {
    let _ = writeln!(
        out,
        "{indent}# \"{}\" (line {})",
        comment_safe(&evidence.quote),
        evidence.line
    );
}

fn clause_line(out: &mut String, indent: &str, evidence: &Evidence) {
    if let Some(clause) = &evidence.clause {
        let _ = writeln!(out, "{indent}clause: {}", yaml_scalar(clause));
    }
}

/// The clause most of `evidence` is in, the first of equals.
fn busiest_clause<'a>(evidence: impl Iterator<Item = &'a Evidence>) -> Option<String> {
    let mut by_clause: std::collections::BTreeMap<&str, (usize, std::cmp::Reverse<u32>)> =
        std::collections::BTreeMap::new();
    for e in evidence {
        if let Some(clause) = e.clause.as_deref() {
            let entry = by_clause
                .entry(clause)
                .or_insert((0, std::cmp::Reverse(e.line)));
            entry.0 += 1;
            entry.1 = entry.1.max(std::cmp::Reverse(e.line));
        }
    }
    by_clause
        .into_iter()
        .max_by_key(|(_, rank)| *rank)
        .map(|(clause, _)| clause.to_string())
}

fn write_clauses(out: &mut String, reading: &Reading) {
    let data = busiest_clause(reading.categories.iter().map(|c| &c.evidence));
    let recipients = reading
        .sharing
        .as_ref()
        .and_then(|s| s.evidence.clause.clone());
    let tracking = busiest_clause(reading.cookie_kinds.iter().map(|k| &k.evidence)).or_else(|| {
        reading
            .mentions_cookies
            .as_ref()
            .and_then(|e| e.clause.clone())
    });
    if data.is_none() && recipients.is_none() && tracking.is_none() {
        return;
    }
    out.push_str("\n# The clauses whole sections of the manifest cite.\nclauses:\n");
    for (key, clause) in [
        ("data", data),
        ("recipients", recipients),
        ("tracking", tracking),
    ] {
        if let Some(clause) = clause {
            let _ = writeln!(out, "  {key}: {}", yaml_scalar(&clause));
        }
    }
}

fn write_data(out: &mut String, reading: &Reading, rules: &Rules) {
    out.push_str("\ndata:\n");
    if reading.categories.is_empty() {
        out.push_str("  []  # TODO the text names no kind of personal data\n");
        return;
    }
    let retention = match reading.retention.as_slice() {
        [one] => Some(one),
        _ => None,
    };
    for c in &reading.categories {
        let name = rules
            .categories
            .iter()
            .find(|spec| spec.key == c.value)
            .map_or("", |spec| spec.name.as_str());
        let _ = writeln!(out, "  - category: {}  # {name}", c.value);
        cite(out, "    ", &c.evidence);
        let purposes = purposes_of(reading, &c.value);
        if purposes.is_empty() {
            let _ = writeln!(
                out,
                "    purposes: [{PURPOSE_PLACEHOLDER}]  # TODO no purpose stated where the text names it"
            );
        } else {
            let _ = writeln!(out, "    purposes: [{}]", purposes.join(", "));
        }
        if let Some(r) = retention {
            let _ = writeln!(
                out,
                "    retention: {}  # line {}",
                yaml_scalar(&r.value),
                r.evidence.line
            );
        }
        clause_line(out, "    ", &c.evidence);
    }
}

fn write_recipients(out: &mut String, reading: &Reading) {
    let sharing = reading.sharing.as_ref();
    if reading.recipients.is_empty() {
        match sharing {
            Some(s) if s.value == Sharing::None => {
                out.push_str("\n# \"We share with no one\" (consent and the law aside):\n");
                cite(out, "", &s.evidence);
                out.push_str("recipients: []\n");
            }
            Some(s) => {
                out.push_str(
                    "\n# TODO the text shares data with third parties it does not name:\n",
                );
                cite(out, "", &s.evidence);
                out.push_str(
                    "# declare each as `recipients: [{id, name, domains, categories, purposes}]`.\n",
                );
            }
            None => out.push_str(
                "\n# TODO the text does not say whether data goes to third parties: declare\n\
                 # `recipients`, or `recipients: []` if the policy shares with no one.\n",
            ),
        }
        return;
    }
    out.push_str("\nrecipients:\n");
    for r in &reading.recipients {
        let _ = writeln!(out, "  - id: {}", r.value);
        cite(out, "    ", &r.evidence);
        out.push_str("    categories: []  # TODO the data it receives\n");
        let _ = writeln!(out, "    purposes: [{PURPOSE_PLACEHOLDER}]");
        clause_line(out, "    ", &r.evidence);
    }
}

fn write_residency(out: &mut String, reading: &Reading) {
    let Some(first) = reading.residency.iter().min_by_key(|r| r.evidence.line) else {
        return;
    };
    let regions: Vec<&str> = reading.residency.iter().map(|r| r.value.as_str()).collect();
    out.push('\n');
    cite(out, "", &first.evidence);
    let _ = writeln!(out, "residency:\n  regions: [{}]", regions.join(", "));
    clause_line(out, "  ", &first.evidence);
}

fn write_tracking(out: &mut String, reading: &Reading) {
    if reading.cookie_kinds.is_empty() {
        if let Some(e) = &reading.mentions_cookies {
            out.push_str("\n# TODO the text speaks of cookies without saying of which kinds:\n");
            cite(out, "", e);
        }
        return;
    }
    out.push_str("\ntracking:\n");
    for kind in &reading.cookie_kinds {
        let _ = writeln!(out, "  - kind: {}", kind.value);
        cite(out, "    ", &kind.evidence);
        clause_line(out, "    ", &kind.evidence);
    }
}

fn write_subjects(out: &mut String, reading: &Reading) {
    let Some(age) = &reading.minimum_age else {
        return;
    };
    out.push('\n');
    cite(out, "", &age.evidence);
    let _ = writeln!(out, "subjects:\n  minimum_age: {}", age.value);
    clause_line(out, "  ", &age.evidence);
}

/// Where the text asks for consent: a `consent` section citing it, with
/// what is left to the reviewer.
fn write_consent(out: &mut String, reading: &Reading) {
    let Some(asked) = reading.promises.iter().find(|p| p.value == CONSENT_PROMISE) else {
        return;
    };
    out.push('\n');
    cite(out, "", &asked.evidence);
    out.push_str(
        "# TODO set `consent: required` on the data, recipients or tracking the text asks\n\
         # consent for, and name in `guards` the functions or flags that check it in the code\n\
         # (without them, the built-in names such as `*consent*` apply).\n\
         consent:\n",
    );
    match &asked.evidence.clause {
        Some(clause) => {
            let _ = writeln!(out, "  clause: {}", yaml_scalar(clause));
        }
        None => out.push_str("  guards: []\n"),
    }
}

fn write_gaps(out: &mut String, reading: &Reading) {
    let gaps = gaps(reading);
    if !gaps.is_empty() {
        out.push_str("\n# Gaps: what the text leaves for the reviewer to decide.\n");
        for g in &gaps {
            let _ = writeln!(out, "# - {}: {}", g.section, comment_safe(&g.message));
        }
    }
    if reading.retention.len() > 1 {
        out.push_str("#\n# Retention the text states:\n");
        for r in &reading.retention {
            statement_line(out, r);
        }
    }
    let unstated: Vec<_> = reading
        .promises
        .iter()
        .filter(|p| p.value != CONSENT_PROMISE)
        .collect();
    if !unstated.is_empty() {
        out.push_str("#\n# Promises the text makes that a manifest cannot state or check yet:\n");
        for p in unstated {
            statement_line(out, p);
        }
    }
}

fn statement_line(out: &mut String, s: &Statement<String>) {
    let _ = writeln!(
        out,
        "# - {}: \"{}\" (line {})",
        s.value,
        comment_safe(&s.evidence.quote),
        s.evidence.line
    );
}

/// Everything read, with its evidence, and the gaps: for tools and for
/// measuring the reading against hand labels.
pub fn json(reading: &Reading, source: &str) -> String {
    #[derive(Serialize)]
    struct Out<'a> {
        source: &'a str,
        #[serde(flatten)]
        reading: &'a Reading,
        gaps: Vec<Gap>,
    }
    let out = Out {
        source,
        reading,
        gaps: gaps(reading),
    };
    serde_json::to_string_pretty(&out).expect("serializable") + "\n"
}
