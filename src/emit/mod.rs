//! Renderers: a scan report as terminal text, JSON, SARIF, Markdown, CSV or
//! HTML, and the output of `candor rules` and `candor classify`.

pub mod catalog;
pub mod csv;
pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod ropa;
pub mod sarif;
pub mod text;

/// The output formats `--format` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Sarif,
    /// A summary for `$GITHUB_STEP_SUMMARY` and pull-request comments.
    Markdown,
    /// One row per finding, for spreadsheets.
    Csv,
    /// A self-contained report for reviewers and auditors.
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Json,
        Format::Sarif,
        Format::Markdown,
        Format::Csv,
        Format::Html,
    ];

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Sarif => "sarif",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Html => "html",
        }
    }

    /// The format a report file's name asks for: `candor.sarif`,
    /// `report.html`, `findings.csv`, `summary.md`, `out.json`, `out.txt`.
    pub fn from_file_name(name: &str) -> Option<Format> {
        let lower = name.to_ascii_lowercase();
        let (_, extension) = lower.rsplit_once('.')?;
        Some(match extension {
            "txt" | "text" | "log" => Format::Text,
            "json" if lower.ends_with(".sarif.json") => Format::Sarif,
            "json" => Format::Json,
            "sarif" => Format::Sarif,
            "md" | "markdown" => Format::Markdown,
            "csv" => Format::Csv,
            "html" | "htm" => Format::Html,
            _ => return None,
        })
    }
}

/// Text as a Markdown code span: fenced by more backticks than it holds
/// in a row, so that no text can end the span early; line breaks become
/// spaces, and control characters and bidirectional overrides are shown
/// as `\u{..}` (see [`crate::text::escape_controls`]). (Not for table
/// cells, where a `|` would end the cell.)
pub(crate) fn code_span(s: &str) -> String {
    let s =
        crate::text::escape_controls(&s.replace(['\n', '\r'], " "), crate::text::Keep::default());
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if s.starts_with('`') || s.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{s}{pad}{fence}")
}

/// The version of the tool, as shown in JSON and SARIF.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod tests {
    use super::code_span;

    #[test]
    fn code_spans_hold_any_text() {
        assert_eq!(code_span("src/app.py:3"), "`src/app.py:3`");
        assert_eq!(code_span("a`b.js"), "``a`b.js``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
        assert_eq!(code_span("a<b>\nc"), "`a<b> c`");
        assert_eq!(
            code_span("esc\u{1b}[31m\u{9b}\u{202e}.py"),
            "`esc\\u{1b}[31m\\u{9b}\\u{202e}.py`"
        );
    }
}
