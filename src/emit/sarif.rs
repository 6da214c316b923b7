//! SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
//!
//! One run; rules carry descriptions, help markdown, CWE tags,
//! `security-severity` and `precision`; results carry a relative URI under
//! `%SRCROOT%`, the full region, a line-hash fingerprint that survives
//! unrelated edits, the source-to-sink path as a `codeFlow`, and the data
//! category, flow kind and recipient as properties.

use serde_json::{Value, json};

use super::TOOL_VERSION;
use crate::checks;
use crate::model::{Finding, Location, NoticeKind, Rule, ScanReport};

/// The most results GitHub code scanning accepts in one run.
pub const MAX_RESULTS: usize = 25_000;

pub fn render(report: &ScanReport) -> String {
    let root = SourceRoot::of(report);
    let rules: Vec<Value> = checks::ALL.iter().map(|r| rule(r)).collect();
    // GitHub code scanning ingests at most 25,000 results a run: keep the
    // most severe, in report order, and say what was left out.
    let mut kept: Vec<&Finding> = report.findings.iter().collect();
    let omitted = kept.len().saturating_sub(MAX_RESULTS);
    if omitted > 0 {
        kept.sort_by_key(|f| std::cmp::Reverse(f.level));
        kept.truncate(MAX_RESULTS);
        kept.sort_by(|a, b| {
            (&a.location, a.rule_id, &a.category).cmp(&(&b.location, b.rule_id, &b.category))
        });
    }
    let results = kept;
    let mut notifications: Vec<Value> = report
        .notices
        .iter()
        .map(|n| {
            json!({
                "level": match n.kind {
                    NoticeKind::Error | NoticeKind::InternalError => "error",
                    NoticeKind::Skipped => "note",
                    _ => "warning",
                },
                "message": { "text": n.message },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": root.uri(&n.path), "uriBaseId": "%SRCROOT%" } } }],
            })
        })
        .collect();
    if omitted > 0 {
        notifications.push(json!({
            "level": "warning",
            "message": { "text": format!("{omitted} results were left out: GitHub code scanning accepts at most {MAX_RESULTS} per run; the JSON report has all of them") },
        }));
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "candor",
                    "semanticVersion": TOOL_VERSION,
                    "informationUri": "https://github.com/candor-privacy/candor",
                    "rules": rules,
                }
            },
            "automationDetails": { "id": "candor/" },
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": { "%SRCROOT%": { "uri": root.base } },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": notifications,
            }],
            "results": RESULTS_MARKER,
            "properties": run_properties(report),
        }]
    });
    // Results are written one at a time, each as one line, so that memory
    // stays near the size of the output however many there are.
    let skeleton = serde_json::to_string_pretty(&doc).unwrap_or_default();
    let marker = format!("\"{RESULTS_MARKER}\"");
    let (before, after) = skeleton.split_once(&marker).unwrap_or((&skeleton, ""));
    let mut out = String::with_capacity(skeleton.len() + results.len() * 2048);
    out.push_str(before);
    out.push('[');
    for (i, f) in results.into_iter().enumerate() {
        out.push_str(if i == 0 { "\n        " } else { ",\n        " });
        out.push_str(&serde_json::to_string(&result(f, &root)).unwrap_or_default());
    }
    out.push_str("\n      ]");
    out.push_str(after);
    out.push('\n');
    out
}

/// Stands for the results array in the document skeleton.
const RESULTS_MARKER: &str = "@@candor-results@@";

/// What result paths are relative to: the repository's root when the
/// scanned directory is in one (so that GitHub links a scan of a
/// subdirectory to the right files), else the scanned directory. SARIF
/// wants it as an absolute `file:` URI ending in `/`.
struct SourceRoot {
    base: String,
    /// The root, resolved.
    root: std::path::PathBuf,
    /// The scanned directory relative to the root (`services/api/`), put
    /// before every path of the report.
    prefix: String,
}

impl SourceRoot {
    fn of(report: &ScanReport) -> SourceRoot {
        let scanned = std::fs::canonicalize(&report.base)
            .or_else(|_| std::path::absolute(&report.base))
            .unwrap_or_else(|_| report.base.clone());
        let root = crate::workspace::repository_root(&scanned).unwrap_or_else(|| scanned.clone());
        let prefix = match scanned.strip_prefix(&root) {
            Ok(rel) if !rel.as_os_str().is_empty() => {
                format!("{}/", rel.to_string_lossy().replace('\\', "/"))
            }
            _ => String::new(),
        };
        // A Windows verbatim path (`\\?\C:\...`) is a plain one in a URI.
        let shown = root.to_string_lossy();
        let shown = shown.strip_prefix(r"\\?\").unwrap_or(&shown);
        let mut path = shown.replace('\\', "/");
        if !path.starts_with('/') {
            path.insert(0, '/'); // a Windows drive: file:///C:/...
        }
        if !path.ends_with('/') {
            path.push('/');
        }
        SourceRoot {
            base: format!("file://{}", uri(&path)),
            prefix,
            root,
        }
    }

    /// A report path as a URI relative to the root. A path shown absolute
    /// (a manifest above the scanned directory) is made relative to the
    /// root when it lies inside it.
    fn uri(&self, path: &str) -> String {
        let absolute = std::path::Path::new(path);
        if absolute.is_absolute() {
            let resolved = std::fs::canonicalize(absolute).unwrap_or_else(|_| absolute.into());
            if let Ok(rel) = resolved.strip_prefix(&self.root) {
                return uri(&rel.to_string_lossy().replace('\\', "/"));
            }
        }
        uri(&format!("{}{path}", self.prefix))
    }
}

fn rule(r: &Rule) -> Value {
    let mut tags: Vec<String> = r.tags.iter().map(|t| t.to_string()).collect();
    tags.extend(r.cwe.iter().map(|c| format!("external/cwe/cwe-{c}")));
    let mut properties = json!({ "tags": tags, "precision": r.precision });
    if let Some(sev) = r.security_severity {
        properties["security-severity"] = json!(sev);
    }
    json!({
        "id": r.id,
        "name": r.name,
        "shortDescription": { "text": r.short_description },
        "fullDescription": { "text": r.full_description },
        "help": { "text": r.full_description, "markdown": r.help.trim() },
        "defaultConfiguration": { "level": r.level.name() },
        "properties": properties,
    })
}

fn uri(path: &str) -> String {
    path.split('/')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("/")
}

/// Percent-encodes one path segment (or a URL fragment's value) as RFC
/// 3986 requires: everything but its unreserved characters.
pub(crate) fn percent_encode(segment: &str) -> String {
    let mut out = String::new();
    for b in segment.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn physical(loc: &Location, snippet: Option<&str>, root: &SourceRoot) -> Value {
    let mut region = json!({
        "startLine": loc.start_line,
        "startColumn": loc.start_column,
        "endLine": loc.end_line,
        "endColumn": loc.end_column,
    });
    if let Some(s) = snippet {
        region["snippet"] = json!({ "text": s });
    }
    json!({ "physicalLocation": { "artifactLocation": { "uri": root.uri(&loc.path), "uriBaseId": "%SRCROOT%" }, "region": region } })
}

/// The SDKs the project ships, the files and findings left out as not in
/// production code, by role, and the manifest and settings file the scan used.
fn run_properties(report: &ScanReport) -> Value {
    let mut properties = json!({ "sdks": report.sdks });
    if !report.stats.findings_left_out.is_empty() {
        properties["findingsLeftOut"] = json!(report.stats.findings_left_out);
    }
    if !report.stats.files_left_out.is_empty() {
        properties["filesLeftOut"] = json!(report.stats.files_left_out);
    }
    if let Some(p) = &report.policy {
        properties["manifest"] = json!(p.path);
    }
    if let Some(config) = &report.config {
        properties["config"] = json!(config);
    }
    properties
}

fn result(f: &Finding, root: &SourceRoot) -> Value {
    let mut properties = json!({
        "dataCategory": f.category,
        "dataCategoryName": f.category_name,
        "flowKind": f.flow_kind.name(),
        "sensitive": f.sensitive,
        "via": f.via,
    });
    if let Some(r) = &f.region {
        properties["region"] = json!(r);
    }
    if let Some(r) = &f.recipient {
        properties["recipient"] = json!(r);
    }
    if !f.role.is_production() {
        properties["fileRole"] = json!(f.role);
    }
    if !f.other_categories.is_empty() {
        properties["dataCategories"] = json!(f.categories().collect::<Vec<_>>());
    }
    // One code flow per category: the trails of a merged finding differ
    // before the argument they share.
    let code_flows: Vec<Value> = std::iter::once(&f.trail)
        .chain(f.other_categories.iter().map(|o| &o.trail))
        .map(|trail| {
            let locations: Vec<Value> = trail
                .iter()
                .map(|s| json!({ "location": { "physicalLocation": physical(&s.location, None, root)["physicalLocation"], "message": { "text": s.message } } }))
                .collect();
            json!({ "threadFlows": [{ "locations": locations }] })
        })
        .collect();
    let rule_index = checks::ALL
        .iter()
        .position(|r| r.id == f.rule_id)
        .unwrap_or(0);
    let mut related = Vec::new();
    if let Some(p) = &f.policy {
        let mut loc = physical(&p.location, None, root);
        loc["id"] = json!(1);
        let clause = p
            .clause
            .as_ref()
            .map(|c| format!(" (policy clause {c})"))
            .unwrap_or_default();
        loc["message"] = json!({ "text": format!("declared in the privacy manifest{clause}") });
        related.push(loc);
        if let Some(c) = &p.clause {
            properties["clause"] = json!(c);
        }
    }
    let suppressions: Vec<Value> = f
        .suppression
        .iter()
        .map(|s| match &s.justification {
            Some(j) => json!({ "kind": s.kind, "justification": j }),
            None => json!({ "kind": s.kind }),
        })
        .collect();
    json!({
        "suppressions": suppressions,
        "ruleId": f.rule_id,
        "ruleIndex": rule_index,
        "level": f.level.name(),
        "message": { "text": f.message },
        "locations": [physical(&f.location, Some(&f.snippet), root)],
        "partialFingerprints": { "primaryLocationLineHash": f.fingerprint },
        "codeFlows": code_flows,
        "relatedLocations": related,
        "properties": properties,
    })
}
