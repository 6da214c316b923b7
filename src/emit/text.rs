//! rustc-style diagnostics with the code line, then a summary table by data
//! category and flow kind.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::model::{Finding, FlowKind, Level, NoticeKind, ScanReport, TrailStep};
use crate::text::{Keep, escape_controls};

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

/// What the terminal shows.
pub struct Options {
    pub color: bool,
    /// Findings below this level are counted in the summary, not listed.
    pub min_level: Level,
    /// Only the findings: no notices or summary.
    pub quiet: bool,
}

/// The findings listed: reported ones at or above the display level, the
/// most severe first (errors, then warnings, then notes), each level in
/// the report's order, which keeps a file's findings together.
fn listed(report: &ScanReport, min_level: Level) -> Vec<&Finding> {
    let mut listed: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_none() && f.level >= min_level)
        .collect();
    listed.sort_by_key(|f| std::cmp::Reverse(f.level));
    listed
}

pub fn render(report: &ScanReport, options: &Options) -> String {
    let style = Style {
        color: options.color,
    };
    let mut out = String::new();
    for f in listed(report, options.min_level) {
        finding(&mut out, f, &style);
    }
    if !options.quiet {
        notices(&mut out, report, &style);
        summary(&mut out, report, &style, options.min_level);
    }
    terminal_safe(&out, options.color)
}

/// The text with every control character, bidirectional override and
/// line separator left in it shown as `\u{1b}`, not passed to the terminal
/// (where an escape sequence could move the cursor, retitle the window or
/// hide lines). With colour on, colour sequences (`ESC [ ... m`) are kept:
/// they are candor's own, for every value from a scanned repository was
/// escaped by [`shown`] when it was put in.
fn terminal_safe(text: &str, color: bool) -> String {
    escape_controls(
        text,
        Keep {
            newline: true,
            colour: color,
        },
    )
}

/// A value from a scanned repository (a file name, a code line, a name
/// from code in a message) as one line of the terminal shows it: no
/// control character, colour sequence or line break of its own.
fn shown(value: &str) -> String {
    escape_controls(value, Keep::default())
}

/// Every notice: one line each for files not (fully) analysed and
/// languages not read, and one line per reason for skipped files, with the
/// first of them.
fn notices(out: &mut String, report: &ScanReport, style: &Style) {
    let label = style.paint("1;35", "notice");
    let mut skipped: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for n in &report.notices {
        if n.kind == NoticeKind::Skipped {
            skipped.entry(&n.message).or_default().push(&n.path);
        } else {
            let _ = writeln!(out, "{label}: {}: {}", shown(&n.path), shown(&n.message));
        }
    }
    for (reason, paths) in skipped {
        let reason = shown(reason);
        match paths.as_slice() {
            [one] => {
                let _ = writeln!(out, "{label}: {}: skipped: {reason}", shown(one));
            }
            many => {
                let _ = writeln!(
                    out,
                    "{label}: skipped {} paths, {reason} (the first: {})",
                    many.len(),
                    shown(many[0])
                );
            }
        }
    }
}

fn finding(out: &mut String, f: &Finding, style: &Style) {
    let loc = &f.location;
    let _ = writeln!(
        out,
        "{}{}: {}",
        style.level(f.level),
        style.paint("1", &format!("[{}]", f.rule_id)),
        style.paint("1", &shown(&f.message))
    );
    let gutter = loc.start_line.to_string().len();
    let pad = " ".repeat(gutter);
    let _ = writeln!(
        out,
        "{pad}{} {}:{}:{}",
        style.paint("1;34", "-->"),
        shown(&loc.path),
        loc.start_line,
        loc.start_column
    );
    let _ = writeln!(out, "{pad} {}", style.paint("1;34", "|"));
    let _ = writeln!(
        out,
        "{} {} {}",
        style.paint("1;34", &loc.start_line.to_string()),
        style.paint("1;34", "|"),
        shown(&f.snippet)
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
    let mut categories = vec![format!(
        "{}{}",
        shown(&f.category),
        sensitivity(f.sensitive)
    )];
    categories.extend(
        f.other_categories
            .iter()
            .map(|o| format!("{}{}", shown(&o.category), sensitivity(o.sensitive))),
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
            .map(|region| format!(" (region {})", shown(region)))
            .unwrap_or_default();
        let _ = writeln!(out, "{pad} = recipient: {}{in_region}", shown(r));
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
                shown(&other.category),
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
                format!("{}:{}", shown(&s.location.path), s.location.start_line)
            };
            format!("{} (line {place})", shown(&s.message))
        })
        .collect();
    steps.join(" -> ")
}

/// Which manifest the findings were judged against, if any.
fn manifest_line(report: &ScanReport) -> String {
    match &report.policy {
        Some(p) => {
            let name = p
                .manifest
                .policy
                .as_ref()
                .map(|i| format!(" ({})", shown(&i.name)))
                .unwrap_or_default();
            format!("judged against the manifest {}{name}", shown(&p.path))
        }
        None => {
            "no manifest: flows are listed, not judged against a policy; `candor init` drafts one"
                .to_string()
        }
    }
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
    use crate::text::counted;
    format!(
        "{} ({}, {}, {}{suppressed}) in {}; scanned {} ({} lines), skipped {}",
        counted(shown.len(), "finding"),
        counted(count(Level::Error), "error"),
        counted(count(Level::Warning), "warning"),
        counted(count(Level::Note), "note"),
        counted(files.len(), "file"),
        counted(report.stats.files_scanned, "file"),
        report.stats.lines_scanned,
        report.stats.files_skipped,
    )
}

fn summary(out: &mut String, report: &ScanReport, style: &Style, min_level: Level) {
    let _ = writeln!(out, "{}: {}", style.paint("1", "summary"), totals(report));
    let _ = writeln!(out, "  {}", manifest_line(report));
    if let Some(config) = &report.config {
        let _ = writeln!(out, "  settings from {}", shown(config));
    }
    let hidden: Vec<Level> = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_none() && f.level < min_level)
        .map(|f| f.level)
        .collect();
    if !hidden.is_empty() {
        let count = |l: Level| hidden.iter().filter(|h| **h == l).count();
        let parts: Vec<String> = [Level::Warning, Level::Note]
            .into_iter()
            .filter(|l| count(*l) > 0)
            .map(|l| format!("{} {}s", count(l), l.name()))
            .collect();
        let _ = writeln!(
            out,
            "  {} not listed; `--min-level {}` lists them",
            parts.join(" and "),
            hidden.iter().min().map_or("note", |l| l.name())
        );
    }
    if let Some(note) = report.stats.left_out_note() {
        let _ = writeln!(out, "  {note}");
    }
    if !report.sdks.is_empty() {
        // One entry per service: where it is first declared, and how many
        // more dependency manifests declare it.
        let mut by_recipient: BTreeMap<&str, Vec<&crate::model::SdkUse>> = BTreeMap::new();
        for sdk in &report.sdks {
            by_recipient.entry(&sdk.recipient).or_default().push(sdk);
        }
        let sdks: Vec<String> = by_recipient
            .iter()
            .map(|(recipient, uses)| {
                let first = uses[0];
                let more = match uses.len() - 1 {
                    0 => String::new(),
                    n => format!(", +{n} more"),
                };
                format!(
                    "{} ({}:{}{more})",
                    shown(recipient),
                    shown(&first.path),
                    first.line
                )
            })
            .collect();
        let _ = writeln!(out, "  third-party SDKs shipped: {}", sdks.join(", "));
    }
    if report.reported_flows().next().is_none() {
        return;
    }
    let kinds = [
        FlowKind::Collected,
        FlowKind::Stored,
        FlowKind::Logged,
        FlowKind::Shared,
    ];
    let mut table: BTreeMap<&str, [usize; 4]> = BTreeMap::new();
    // Only flows: a manifest declaration or a suppression comment is not
    // data collected.
    for f in report.reported_flows() {
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
        let cat = shown(cat);
        let _ = writeln!(
            out,
            "  {cat:width$}  {:>9}  {:>6}  {:>6}  {:>6}",
            row[0], row[1], row[2], row[3]
        );
    }
}

#[cfg(test)]
mod tests {
    use super::terminal_safe;

    #[test]
    fn control_characters_from_scanned_files_never_reach_the_terminal() {
        let hostile = "app\u{1b}]0;pwned\u{7}.py: \u{1b}[2J\u{1b}[31mred\u{1b}[0m\r\n";
        assert_eq!(
            terminal_safe(hostile, false),
            "app\\u{1b}]0;pwned\\u{7}.py: \\u{1b}[2J\\u{1b}[31mred\\u{1b}[0m\\u{d}\n"
        );
        assert_eq!(
            terminal_safe(hostile, true),
            "app\\u{1b}]0;pwned\\u{7}.py: \\u{1b}[2J\u{1b}[31mred\u{1b}[0m\\u{d}\n"
        );
    }
}
