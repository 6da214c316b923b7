//! Renderers: a scan report as terminal text, JSON, SARIF, Markdown or CSV, and
//! the output of `candor rules` and `candor classify`.

pub mod catalog;
pub mod csv;
pub mod explain;
pub mod json;
pub mod markdown;
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
}

/// The version of the tool, as shown in JSON and SARIF.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
