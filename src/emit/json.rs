//! JSON output, schema version 1 (documented in `docs/json.md`).

use serde::Serialize;

use super::TOOL_VERSION;
use crate::model::{Finding, Notice, ScanReport, ScanStats, SdkUse};

/// Bumped on any incompatible change to the JSON output.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    schema_version: u32,
    tool: Tool,
    /// The manifest the findings were judged against, as shown in findings;
    /// `null` without one.
    manifest: Option<&'a str>,
    /// The settings file (`candor.toml`) the scan used, as shown in
    /// findings; `null` without one.
    config: Option<&'a str>,
    findings: &'a [Finding],
    /// Third-party SDKs the dependency manifests declare.
    sdks: &'a [SdkUse],
    notices: &'a [Notice],
    stats: &'a ScanStats,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

pub fn render(report: &ScanReport) -> String {
    let doc = Document {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "candor",
            version: TOOL_VERSION,
        },
        manifest: report.policy.as_ref().map(|p| p.path.as_str()),
        config: report.config.as_deref(),
        findings: &report.findings,
        sdks: &report.sdks,
        notices: &report.notices,
        stats: &report.stats,
    };
    let mut s =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    s
}
