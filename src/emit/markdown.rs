//! A Markdown summary for `$GITHUB_STEP_SUMMARY` and pull-request comments:
//! counts by rule, data category and recipient, then the top findings with
//! links to the code.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::code_span;
use super::sarif::percent_encode;
use crate::checks;
use crate::model::{Finding, Level, NoticeKind, ScanReport};
use crate::text::{Keep, escape_controls};

/// How many findings are listed in full.
const TOP: usize = 25;

/// Where links point: a GitHub blob URL prefix (from the Actions
/// environment), else none and locations are plain text.
pub struct Links {
    pub blob_prefix: Option<String>,
}

impl Links {
    /// Links for the current GitHub Actions run, if this is one.
    pub fn from_env() -> Links {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let blob_prefix = match (
            var("GITHUB_SERVER_URL"),
            var("GITHUB_REPOSITORY"),
            var("GITHUB_SHA"),
        ) {
            (Some(server), Some(repo), Some(sha)) => Some(format!("{server}/{repo}/blob/{sha}/")),
            _ => None,
        };
        Links { blob_prefix }
    }

    fn location(&self, f: &Finding) -> String {
        // In a table cell: a `|` in a file name would end the cell.
        let text = code_span(&format!("{}:{}", f.location.path, f.location.start_line))
            .replace('|', "\\|");
        match &self.blob_prefix {
            Some(prefix) => {
                let path: Vec<String> = f.location.path.split('/').map(percent_encode).collect();
                format!(
                    "[{text}]({prefix}{}#L{})",
                    path.join("/"),
                    f.location.start_line
                )
            }
            None => text,
        }
    }
}

/// Text for a table cell: no `|` to end the cell, no line break, no raw
/// HTML (`<` is written `&lt;`), no control character or bidirectional
/// override (see [`escape_controls`]).
fn escape(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    escape_controls(&s, Keep::default())
        .replace('|', "\\|")
        .replace('<', "&lt;")
}

pub fn render(report: &ScanReport, links: &Links) -> String {
    let shown: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .collect();
    let count = |l: Level| shown.iter().filter(|f| f.level == l).count();
    let mut out = String::from("## candor privacy scan\n\n");
    use crate::text::counted;
    let findings = counted(shown.len(), "finding");
    let (number, noun) = findings.split_once(' ').unwrap_or((&findings, ""));
    let _ = writeln!(
        out,
        "**{number}** {noun}: {}, {}, {} ({} suppressed). Scanned {}, {} lines.\n",
        counted(count(Level::Error), "error"),
        counted(count(Level::Warning), "warning"),
        counted(count(Level::Note), "note"),
        report.findings.len() - shown.len(),
        counted(report.stats.files_scanned, "file"),
        report.stats.lines_scanned
    );
    // What the findings were judged against and the settings that shaped
    // the scan.
    let inputs: Vec<String> = [
        report
            .policy
            .as_ref()
            .map(|p| ("Manifest", p.path.as_str())),
        report.config.as_deref().map(|c| ("Settings", c)),
    ]
    .into_iter()
    .flatten()
    .map(|(what, path)| format!("{what}: {}.", code_span(path)))
    .collect();
    if !inputs.is_empty() {
        let _ = writeln!(out, "{}\n", inputs.join(" "));
    }
    if let Some(note) = report.stats.left_out_note() {
        let _ = writeln!(out, "{}.\n", note.replace("; ", ". "));
    }
    for n in report
        .notices
        .iter()
        .filter(|n| n.kind == NoticeKind::NotAnalysed)
    {
        let _ = writeln!(out, "> **Not analysed:** {}\n", escape(&n.message));
    }
    if shown.is_empty() {
        out.push_str("No personal data flows found.\n");
        return out;
    }
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_category: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_recipient: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &shown {
        *by_rule.entry(f.rule_id).or_default() += 1;
        for category in f.categories().filter(|c| !c.is_empty()) {
            *by_category.entry(category).or_default() += 1;
        }
        if let Some(r) = &f.recipient {
            *by_recipient.entry(r).or_default() += 1;
        }
    }
    out.push_str("| rule | level | findings |\n|---|---|---|\n");
    for (rule, n) in &by_rule {
        let level = checks::by_id(rule).map_or("", |r| r.level.name());
        let _ = writeln!(out, "| `{rule}` | {level} | {n} |");
    }
    out.push_str("\n| data category | findings |\n|---|---|\n");
    for (c, n) in &by_category {
        let _ = writeln!(out, "| `{c}` | {n} |");
    }
    if !by_recipient.is_empty() {
        out.push_str("\n| recipient | findings |\n|---|---|\n");
        for (r, n) in &by_recipient {
            let _ = writeln!(out, "| {} | {n} |", code_span(r).replace('|', "\\|"));
        }
    }
    let mut top: Vec<&&Finding> = shown.iter().collect();
    // Most severe first; the report order (path, line) within a level.
    top.sort_by_key(|f| std::cmp::Reverse(f.level));
    let _ = writeln!(
        out,
        "\n### Top findings\n\n| level | rule | where | what |\n|---|---|---|---|"
    );
    for f in top.iter().take(TOP) {
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} |",
            f.level.name(),
            f.rule_id,
            links.location(f),
            escape(&f.message)
        );
    }
    if shown.len() > TOP {
        let _ = writeln!(
            out,
            "\n…and {} more; see the SARIF or JSON report for all of them.",
            shown.len() - TOP
        );
    }
    out
}
