//! rustc-style diagnostics with the code line, then a summary table by data
//! category and flow kind.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{Finding, FlowKind, Level, NoticeKind, ScanReport, TrailStep};

/// Terminal styling; plain when colour is off.
struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    fn level(&self, level: Level) -> String {
        let code = match level {
            Level::Error => "1;31",
            Level::Warning => "1;33",
            Level::Note => "1;36",
        };
        self.paint(code, level.name())
    }
}

/// Only the findings, for `--quiet`.
pub fn render_findings(report: &ScanReport, color: bool) -> String {
    let style = Style { color };
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppression.is_none()) {
        finding(&mut out, f, &style);
    }
    out
}

pub fn render(report: &ScanReport, color: bool) -> String {
    let style = Style { color };
    let mut out = String::new();
    for f in report.findings.iter().filter(|f| f.suppression.is_none()) {
        finding(&mut out, f, &style);
    }
    let skipped: Vec<_> = report
        .notices
        .iter()
        .filter(|n| n.kind != NoticeKind::Skipped)
        .collect();
    for n in skipped {
        let _ = writeln!(
            out,
            "{}: {}: {}",
            style.paint("1;35", "notice"),
            n.path,
            n.message
        );
    }
    summary(&mut out, report, &style);
    out
}

fn finding(out: &mut String, f: &Finding, style: &Style) {
    let loc = &f.location;
    let _ = writeln!(
        out,
        "{}{}: {}",
        style.level(f.level),
        style.paint("1", &format!("[{}]", f.rule_id)),
        style.paint("1", &f.message)
    );
    let gutter = loc.start_line.to_string().len();
    let pad = " ".repeat(gutter);
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        style.paint("1;34", "-->"),
        loc.path,
        loc.start_line,
        loc.start_column
    );
    let _ = writeln!(out, "{pad} {}", style.paint("1;34", "|"));
    let _ = writeln!(
        out,
        "{} {} {}",
        style.paint("1;34", &loc.start_line.to_string()),
        style.paint("1;34", "|"),
        f.snippet
    );
    let width = if loc.end_line == loc.start_line {
        loc.end_column.saturating_sub(loc.start_column).max(1)
    } else {
        1
    };
    // A snippet cut from a long line starts `snippet_offset` characters into
    // it, after a `…`.
    let cut = usize::from(f.snippet_offset > 0);
    let indent = (loc.start_column as usize)
        .saturating_sub(1 + f.snippet_offset as usize)
        .saturating_add(cut);
    let width = (width as usize).min(f.snippet.chars().count().saturating_sub(indent).max(1));
    let _ = writeln!(
        out,
        "{pad} {} {}{}",
        style.paint("1;34", "|"),
        " ".repeat(indent),
        style.paint("1;31", &"^".repeat(width))
    );
    let sensitivity = |sensitive: bool| if sensitive { " (sensitive)" } else { "" };
    let mut categories = vec![format!("{}{}", f.category, sensitivity(f.sensitive))];
    categories.extend(
        f.other_categories
            .iter()
            .map(|o| format!("{}{}", o.category, sensitivity(o.sensitive))),
    );
    let label = if categories.len() > 1 {
        "categories"
    } else {
        "category"
    };
    let _ = writeln!(out, "{pad} = {label}: {}", categories.join(", "));
    if let Some(r) = &f.recipient {
        let in_region = f
            .region
            .as_deref()
            .map(|region| format!(" (region {region})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{pad} = recipient: {r}{in_region}");
    }
    if f.trail.len() > 1 {
        let _ = writeln!(out, "{pad} = flow: {}", flow(&f.trail, &loc.path));
    }
    // The other categories' trails, where they came another way.
    for other in &f.other_categories {
        if other.trail.len() > 1 && other.trail != f.trail {
            let _ = writeln!(
                out,
                "{pad} = flow of {}: {}",
                other.category,
                flow(&other.trail, &loc.path)
            );
        }
    }
    out.push('\n');
}

/// A trail as one line, steps in `path` by line number, others by file too.
fn flow(trail: &[TrailStep], path: &str) -> String {
    let steps: Vec<String> = trail
        .iter()
        .map(|s| {
            let place = if s.location.path == path {
                format!("{}", s.location.start_line)
            } else {
                format!("{}:{}", s.location.path, s.location.start_line)
            };
            format!("{} (line {place})", s.message)
        })
        .collect();
    steps.join(" -> ")
}

/// The totals line: findings by level, files, and what was scanned.
pub fn totals(report: &ScanReport) -> String {
    let shown: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .collect();
    let suppressed = report.findings.len() - shown.len();
    let count = |l: Level| shown.iter().filter(|f| f.level == l).count();
    let files: std::collections::BTreeSet<&str> =
        shown.iter().map(|f| f.location.path.as_str()).collect();
    let suppressed = if suppressed > 0 {
        format!(", {suppressed} suppressed")
    } else {
        String::new()
    };
    format!(
        "{} findings ({} errors, {} warnings, {} notes{suppressed}) in {} files; scanned {} files ({} lines), skipped {}",
        shown.len(),
        count(Level::Error),
        count(Level::Warning),
        count(Level::Note),
        files.len(),
        report.stats.files_scanned,
        report.stats.lines_scanned,
        report.stats.files_skipped,
    )
}

fn summary(out: &mut String, report: &ScanReport, style: &Style) {
    let shown: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_none())
        .collect();
    let _ = writeln!(out, "{}: {}", style.paint("1", "summary"), totals(report));
    if let Some(note) = report.stats.left_out_note() {
        let _ = writeln!(out, "  {note}");
    }
    if !report.sdks.is_empty() {
        let sdks: Vec<String> = report
            .sdks
            .iter()
            .map(|s| format!("{} ({}:{})", s.recipient, s.path, s.line))
            .collect();
        let _ = writeln!(out, "  third-party SDKs shipped: {}", sdks.join(", "));
    }
    if report.findings.is_empty() {
        return;
    }
    let kinds = [
        FlowKind::Collected,
        FlowKind::Stored,
        FlowKind::Logged,
        FlowKind::Shared,
    ];
    let mut table: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    for f in &shown {
        for category in f.categories() {
            let row = table.entry(category).or_default();
            if let Some(i) = kinds.iter().position(|k| *k == f.flow_kind) {
                row[i] += 1;
            }
        }
    }
    let width = table.keys().map(|k| k.len()).max().unwrap_or(8).max(8);
    let _ = writeln!(
        out,
        "  {:width$}  collected  stored  logged  shared",
        "category"
    );
    for (cat, row) in table {
        let _ = writeln!(
            out,
            "  {cat:width$}  {:>9}  {:>6}  {:>6}  {:>6}",
            row[0], row[1], row[2], row[3]
        );
    }
}
