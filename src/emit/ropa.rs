//! `candor report ropa`: the record of processing as Markdown (a document
//! for the privacy officer) or CSV (one row per data category). Documented
//! in `docs/ropa.md`.

use std::fmt::Write as _;

use super::code_span;
use super::csv::push_row;
use super::html::Context;
use crate::ropa::{Entry, RecipientUse, Record};

/// The CSV columns, in order.
pub const COLUMNS: [&str; 15] = [
    "category",
    "name",
    "sensitive",
    "declared",
    "seen_as",
    "purposes",
    "recipients",
    "regions",
    "transfers_abroad",
    "storage",
    "retention",
    "protection",
    "logged",
    "violations",
    "evidence",
];

fn recipient(r: &RecipientUse) -> String {
    let mut s = r.name.clone();
    if let Some(region) = &r.region {
        let _ = write!(s, " ({region})");
    }
    s
}

fn storage(e: &Entry) -> String {
    match (e.never_stored, e.stores.is_empty()) {
        (true, true) => "not stored (store: false)".to_string(),
        (true, false) => format!(
            "{} — despite store: false",
            e.stores.iter().cloned().collect::<Vec<_>>().join(", ")
        ),
        (false, true) => "none found in code".to_string(),
        (false, false) => e.stores.iter().cloned().collect::<Vec<_>>().join(", "),
    }
}

fn protection(e: &Entry) -> &'static str {
    if !e.declared {
        "not declared in the manifest"
    } else if e.never_stored {
        "not kept"
    } else if e.encrypted_at_rest {
        "hashed or encrypted at rest"
    } else {
        "no encryption required by the manifest"
    }
}

fn retention(e: &Entry) -> String {
    e.retention
        .clone()
        .unwrap_or_else(|| "not stated in the manifest".to_string())
}

fn evidence(e: &Entry) -> Vec<String> {
    e.evidence
        .iter()
        .map(|(kind, path, line)| format!("{} {path}:{line}", kind.name()))
        .collect()
}

fn purposes(e: &Entry, with_manifest: bool) -> String {
    match (e.declared, with_manifest) {
        (true, _) => e.purposes.join(", "),
        (false, true) => "not declared in the manifest".to_string(),
        (false, false) => "no manifest".to_string(),
    }
}

pub fn csv(record: &Record) -> String {
    let mut out = String::new();
    push_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for e in &record.entries {
        let abroad: Vec<String> = e
            .recipients
            .iter()
            .filter(|r| r.abroad)
            .map(recipient)
            .collect();
        let regions: std::collections::BTreeSet<&str> = e
            .recipients
            .iter()
            .filter_map(|r| r.region.as_deref())
            .collect();
        let row = vec![
            e.category.clone(),
            e.name.clone(),
            e.sensitive.to_string(),
            e.declared.to_string(),
            e.seen_as.iter().cloned().collect::<Vec<_>>().join(" "),
            purposes(e, record.manifest.is_some()),
            e.recipients
                .iter()
                .map(recipient)
                .collect::<Vec<_>>()
                .join("; "),
            regions.into_iter().collect::<Vec<_>>().join(" "),
            abroad.join("; "),
            storage(e),
            retention(e),
            protection(e).to_string(),
            e.logged.to_string(),
            e.violations.to_string(),
            evidence(e).join("; "),
        ];
        push_row(&mut out, row.into_iter());
    }
    out
}

/// Text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
        .replace('<', "&lt;")
}

pub fn markdown(record: &Record, context: &Context) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Record of processing activities: {}\n",
        cell(&record.project)
    );
    let _ = writeln!(
        out,
        "Drawn from the code by candor on {}{}, scanning {} files.",
        context.date,
        record
            .commit
            .as_ref()
            .map(|c| format!(" at commit {}", code_span(c.get(..12).unwrap_or(c))))
            .unwrap_or_default(),
        record.files_scanned
    );
    match (&record.manifest, &record.policy_name) {
        (Some(path), Some(name)) => {
            let version = record
                .policy_version
                .as_ref()
                .map(|v| format!(", version {}", cell(v)))
                .unwrap_or_default();
            let url = record
                .policy_url
                .as_ref()
                .map(|u| format!(" ({})", cell(u)))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "Purposes, recipients and retention come from the manifest {}, which encodes *{}*{version}{url}.",
                code_span(path),
                cell(name)
            );
        }
        (Some(path), None) => {
            let _ = writeln!(
                out,
                "Purposes, recipients and retention come from the manifest {}.",
                code_span(path)
            );
        }
        (None, _) => out.push_str(
            "No manifest was found: purposes, declared recipients and retention are missing; \
             `candor init` drafts one.\n",
        ),
    }
    if !record.residency.is_empty() {
        let _ = writeln!(
            out,
            "Data is declared to stay in: {}.",
            record.residency.join(", ")
        );
    }
    if let Some(age) = record.minimum_age {
        let _ = writeln!(out, "The service is declared not for people under {age}.");
    }
    out.push_str(
        "\nThe code evidence shows where the code does what each row says; a reviewer \
         confirms the record against the processing the code does not show (manual \
         processes, vendors' own processing, backups).\n\n",
    );
    if record.entries.is_empty() {
        out.push_str("No personal data was found in the scanned code and none is declared.\n");
        return out;
    }
    out.push_str(
        "| Data category | Purposes | Recipients | Storage | Retention |\n|---|---|---|---|---|\n",
    );
    for e in &record.entries {
        let recipients: Vec<String> = e.recipients.iter().map(recipient).collect();
        let _ = writeln!(
            out,
            "| {}{} | {} | {} | {} | {} |",
            cell(&e.name),
            if e.sensitive { " (sensitive)" } else { "" },
            cell(&purposes(e, record.manifest.is_some())),
            if recipients.is_empty() {
                "none".to_string()
            } else {
                cell(&recipients.join(", "))
            },
            cell(&storage(e)),
            cell(&retention(e))
        );
    }
    for e in &record.entries {
        entry(&mut out, e, record.manifest.is_some());
    }
    out
}

fn entry(out: &mut String, e: &Entry, with_manifest: bool) {
    let _ = writeln!(
        out,
        "\n## {} ({}){}\n",
        cell(&e.name),
        code_span(&e.category),
        if e.sensitive { ", sensitive" } else { "" }
    );
    if !e.seen_as.is_empty() {
        let seen: Vec<String> = e.seen_as.iter().map(|s| code_span(s)).collect();
        let _ = writeln!(out, "- **Seen in code as:** {}", seen.join(", "));
    }
    let clause = e
        .clause
        .as_ref()
        .map(|c| format!(" (policy: {})", cell(c)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- **Purposes:** {}{clause}",
        cell(&purposes(e, with_manifest))
    );
    if e.recipients.is_empty() {
        out.push_str("- **Recipients:** none\n");
    } else {
        out.push_str("- **Recipients:**\n");
        for r in &e.recipients {
            let how = match (r.declared, r.in_code) {
                (true, true) => "declared; sent in code",
                (true, false) => "declared; not seen in code",
                (false, true) if with_manifest => "**not declared**; sent in code",
                (false, _) => "sent in code",
            };
            let _ = writeln!(
                out,
                "  - {}: {how}{}",
                cell(&recipient(r)),
                if r.abroad {
                    ", **outside the declared residency**"
                } else {
                    ""
                }
            );
        }
    }
    let _ = writeln!(out, "- **Storage:** {}", cell(&storage(e)));
    let _ = writeln!(out, "- **Protection:** {}", protection(e));
    let _ = writeln!(out, "- **Retention:** {}", cell(&retention(e)));
    if e.logged > 0 {
        let _ = writeln!(out, "- **Logged:** in {}", plural(e.logged, "place"));
    }
    if e.violations > 0 {
        let _ = writeln!(
            out,
            "- **Breaks the manifest:** {} (see `candor scan`)",
            plural(e.violations, "finding")
        );
    }
    if e.evidence.is_empty() {
        out.push_str("- **Code evidence:** none: no scanned code handles it\n");
    } else {
        out.push_str("- **Code evidence:**\n");
        for (kind, path, line) in &e.evidence {
            let _ = writeln!(
                out,
                "  - {} at {}",
                kind.name(),
                code_span(&format!("{path}:{line}"))
            );
        }
    }
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
