//! Inline suppressions: a comment `candor:ignore <rule-or-category> -- <reason>`
//! in any comment syntax, at the end of a finding's line or on a line of its
//! own just before it. A comment after code covers that line only, so that a
//! new leak on the next line is still reported.
//!
//! A flow reported at the call that enters a helper is also suppressed by
//! a comment at its sink, the trail's last step: one comment on the
//! helper's logger call covers every caller.
//!
//! Suppressed findings are kept (SARIF `suppressions` of kind `inSource`,
//! JSON `suppression`) but no longer fail the run. A suppression without a
//! reason is itself a warning; one that matches nothing is reported as unused.

use std::collections::BTreeMap;

use crate::checks::meta::{SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION};
use crate::model::{Finding, Location, Suppression, SuppressionKind};
use crate::text::{SourceLines, char_column};

/// One `candor:ignore` comment.
struct Directive {
    line: u32,
    column: u32,
    /// After code on its line: it covers that line, not the next.
    trailing: bool,
    targets: Vec<String>,
    reason: Option<String>,
    used: bool,
}

/// What every suppression comment holds.
const MARKER: &str = "candor:ignore";

/// Whether `text` may hold a suppression comment: the scan notes it for
/// each file it reads, so that [`apply`] reads only those files again.
pub fn mentioned_in(text: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), MARKER.as_bytes()).is_some()
}

fn parse(text: &str) -> Vec<Directive> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let Some(at) = line.find(MARKER) else {
            continue;
        };
        let rest = &line[at + MARKER.len()..];
        // What precedes the comment, its opener left out: `#`, `//`, `/*`,
        // `<!--`, `--`, `;`, and the braces of template and JSX comments
        // (`{/* */}`, `{# #}`, `{{!-- --}}`).
        let before = line[..at]
            .trim_end()
            .trim_end_matches(['#', '/', '*', '!', '-', '<', ';', '{', '%'])
            .trim();
        let (spec, reason) = match rest.split_once(" -- ") {
            Some((s, r)) => (
                s,
                Some(
                    r.trim()
                        .trim_end_matches("*/")
                        .trim_end_matches("-->")
                        .trim()
                        .to_string(),
                )
                .filter(|r| !r.is_empty()),
            ),
            None => (rest, None),
        };
        let targets = spec
            .split([',', ' '])
            .map(|t| t.trim().trim_end_matches("*/").trim_end_matches("-->"))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect();
        out.push(Directive {
            line: i as u32 + 1,
            column: char_column(line, at) as u32,
            trailing: !before.is_empty(),
            targets,
            reason,
            used: false,
        });
    }
    out
}

fn matches(target: &str, f: &Finding) -> bool {
    target == "all"
        || target == f.rule_id
        || f.category == target
        || f.category
            .strip_prefix(target)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// A file with `candor:ignore` comments: its path, text, comments, and the
/// (finding, line, the finding's own line) pairs that may match them.
type CommentedFile = (String, String, Vec<Directive>, Vec<(usize, u32, bool)>);

/// Marks suppressed findings and adds findings for suppressions without a
/// reason and unused ones. `text_of` gives the text of a file, by the path
/// findings show, when it may hold suppression comments (`None` when it
/// holds none or cannot be read).
pub fn apply(findings: &mut Vec<Finding>, text_of: impl Fn(&str) -> Option<String>) {
    // Each finding's lines a comment may sit at: its own first, then its
    // sink's, so that which comment suppresses a finding never depends on
    // the order of file names.
    let mut by_path: BTreeMap<String, Vec<(usize, u32, bool)>> = BTreeMap::new();
    for (i, f) in findings.iter().enumerate() {
        by_path
            .entry(f.location.path.clone())
            .or_default()
            .push((i, f.location.start_line, true));
        if let Some(sink) = f.trail.last().map(|s| &s.location)
            && (sink.path != f.location.path || sink.start_line != f.location.start_line)
        {
            by_path
                .entry(sink.path.clone())
                .or_default()
                .push((i, sink.start_line, false));
        }
    }
    let mut files: Vec<CommentedFile> = Vec::new();
    for (path, at) in by_path {
        let Some(text) = text_of(&path).filter(|text| mentioned_in(text)) else {
            continue;
        };
        let directives = parse(&text);
        files.push((path, text, directives, at));
    }
    for own in [true, false] {
        for (_, _, directives, at) in &mut files {
            for &(i, line, _) in at.iter().filter(|(_, _, o)| *o == own) {
                let f = &mut findings[i];
                let Some(d) = directives.iter_mut().find(|d| {
                    (d.line == line || (!d.trailing && d.line + 1 == line))
                        && d.targets.iter().any(|t| matches(t, f))
                }) else {
                    continue;
                };
                // A comment that matches is used, even where another one
                // already suppressed the finding.
                d.used = true;
                if f.suppression.is_none() {
                    f.suppression = Some(Suppression {
                        kind: SuppressionKind::InSource,
                        justification: d.reason.clone(),
                    });
                }
            }
        }
    }
    let mut extra = Vec::new();
    for (path, text, directives, _) in files {
        let lines = SourceLines::new(&text);
        for d in &directives {
            let (rule, message) = if d.reason.is_none() {
                (
                    &SUPPRESSION_WITHOUT_REASON,
                    "This suppression gives no reason: add ` -- <why the finding is acceptable>`"
                        .to_string(),
                )
            } else if !d.used {
                (
                    &UNUSED_SUPPRESSION,
                    format!(
                        "This suppression of `{}` matches no finding on {}",
                        d.targets.join(", "),
                        if d.trailing {
                            "its line"
                        } else {
                            "its line or the next"
                        }
                    ),
                )
            } else {
                continue;
            };
            let location = Location {
                path: path.clone(),
                start_line: d.line,
                start_column: d.column,
                end_line: d.line,
                end_column: d.column + 13,
            };
            let snippet = lines.snippet(d.line, d.column);
            extra.push(Finding::meta(
                rule,
                "suppression",
                message,
                location,
                snippet,
                "the suppression",
            ));
        }
    }
    findings.extend(extra);
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn directives() {
        let d = parse(
            "x = 1  # candor:ignore logged-personal-data, user.contact -- audit log needs it\n// candor:ignore all\n",
        );
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].targets, ["logged-personal-data", "user.contact"]);
        assert_eq!(d[0].reason.as_deref(), Some("audit log needs it"));
        assert_eq!(d[1].targets, ["all"]);
        assert!(d[1].reason.is_none());
        assert!(d[0].trailing, "after code");
        assert!(!d[1].trailing, "on a line of its own");
        for own_line in [
            "  {/* candor:ignore all -- ok */}",
            "{# candor:ignore all -- ok #}",
            "{{!-- candor:ignore all -- ok --}}",
        ] {
            assert!(!parse(own_line)[0].trailing, "{own_line}");
        }
        let html = parse(
            "<input name=\"email\"> <!-- candor:ignore user.contact.email -- newsletter form -->\n",
        );
        assert_eq!(html[0].reason.as_deref(), Some("newsletter form"));
    }
}
