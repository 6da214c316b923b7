//! CSV output for spreadsheets: one row per finding (RFC 4180: comma
//! separated, CRLF line ends, fields quoted where they hold a comma, a quote
//! or a line break, quotes doubled). Documented in `docs/csv.md`.
//!
//! A field that a spreadsheet would run as a formula (it starts with `=`,
//! `+`, `-`, `@`, a tab or a carriage return: a file named `=cmd.py`) is
//! written with a leading `'`, so that opening the report runs nothing.

use crate::model::{Finding, ScanReport, SuppressionKind};

/// The columns, in order.
pub const COLUMNS: [&str; 20] = [
    "rule",
    "level",
    "category",
    "other_categories",
    "sensitive",
    "flow_kind",
    "recipient",
    "region",
    "store",
    "path",
    "line",
    "column",
    "sink_path",
    "sink_line",
    "role",
    "message",
    "suppressed",
    "justification",
    "policy_clause",
    "fingerprint",
];

pub fn render(report: &ScanReport) -> String {
    let mut out = String::new();
    push_row(&mut out, COLUMNS.iter().map(|c| c.to_string()));
    for f in &report.findings {
        push_row(&mut out, row(f).into_iter());
    }
    out
}

/// A finding's fields, in [`COLUMNS`] order.
fn row(f: &Finding) -> Vec<String> {
    // A flow reported where it enters a helper ends at a sink elsewhere.
    let sink = f
        .trail
        .last()
        .map(|s| &s.location)
        .filter(|sink| **sink != f.location);
    let suppressed = f.suppression.as_ref().map(|s| match s.kind {
        SuppressionKind::InSource => "in-source",
        SuppressionKind::External => "baseline",
    });
    vec![
        f.rule_id.to_string(),
        f.level.name().to_string(),
        f.category.clone(),
        f.other_categories
            .iter()
            .map(|o| o.category.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        f.sensitive.to_string(),
        f.flow_kind.name().to_string(),
        f.recipient.clone().unwrap_or_default(),
        f.region.clone().unwrap_or_default(),
        f.store.map(|s| s.name().to_string()).unwrap_or_default(),
        f.location.path.clone(),
        f.location.start_line.to_string(),
        f.location.start_column.to_string(),
        sink.map(|s| s.path.clone()).unwrap_or_default(),
        sink.map(|s| s.start_line.to_string()).unwrap_or_default(),
        f.role.name().to_string(),
        f.message.clone(),
        suppressed.unwrap_or_default().to_string(),
        f.suppression
            .as_ref()
            .and_then(|s| s.justification.clone())
            .unwrap_or_default(),
        f.policy
            .as_ref()
            .and_then(|p| p.clause.clone())
            .unwrap_or_default(),
        f.fingerprint.clone(),
    ]
}

/// Appends one row: fields quoted where they must be, CRLF at the end.
pub(crate) fn push_row(out: &mut String, fields: impl Iterator<Item = String>) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, &field);
    }
    out.push_str("\r\n");
}

/// Appends one field. Control characters and bidirectional overrides from
/// a scanned repository are written as `\u{..}` (see
/// [`crate::text::escape_controls`]); a line break stays, quoted.
fn push_field(out: &mut String, field: &str) {
    let field = &crate::text::escape_controls(
        field,
        crate::text::Keep {
            newline: true,
            colour: false,
        },
    );
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = formula || field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    out.push_str(&field.replace('"', "\"\""));
    if quoted {
        out.push('"');
    }
}

#[cfg(test)]
mod tests {
    use super::push_field;

    fn field(s: &str) -> String {
        let mut out = String::new();
        push_field(&mut out, s);
        out
    }

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(
            field("esc\u{1b}[31m\u{202e}\u{2028}.py"),
            "esc\\u{1b}[31m\\u{202e}\\u{2028}.py"
        );
    }

    #[test]
    fn a_formula_is_written_as_text() {
        assert_eq!(field("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
        assert_eq!(field("-1"), "\"'-1\"");
        assert_eq!(field("@SUM(A1)"), "\"'@SUM(A1)\"");
    }
}
