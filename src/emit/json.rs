//! JSON output, schema version 1 (documented in `docs/json.md`).

use std::io::{self, Write};

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

/// Writes the report to `out` as it is serialized, so that a report of a
/// large tree is never held whole in memory besides its findings.
pub fn write(report: &ScanReport, out: &mut dyn Write) -> io::Result<()> {
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
    // The serializer writes a few bytes at a time: into a buffer of a
    // known type, not through `out`'s dynamic calls, each.
    let mut buffered = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut buffered, &doc)?;
    buffered.write_all(b"\n")?;
    buffered.flush()
}

/// The report as one string (see [`write`]).
pub fn render(report: &ScanReport) -> String {
    let mut bytes = Vec::new();
    // Writing to memory fails only if serializing does, which these types
    // never do.
    let _ = write(report, &mut bytes);
    String::from_utf8(bytes).unwrap_or_default()
}
