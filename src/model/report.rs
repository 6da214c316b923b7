//! What a scan reports: its findings, the third-party SDKs the project
//! ships, notices about files it could not (fully) analyse, counts, and
//! what it was judged against.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;

use super::{Finding, PolicyCheck, Role};

#[derive(Debug, Default)]
pub struct ScanReport {
    pub findings: Vec<Finding>,
    /// Third-party SDKs the dependency manifests declare.
    pub sdks: Vec<SdkUse>,
    pub notices: Vec<Notice>,
    pub stats: ScanStats,
    /// The directory paths in findings are relative to.
    pub base: PathBuf,
    /// The manifest the findings were judged against, if any.
    pub policy: Option<PolicyCheck>,
    /// The settings file (`candor.toml`) the scan used, as paths in
    /// findings show it, if any: a report says what shaped it.
    pub config: Option<String>,
    /// The commit checked out in the scanned repository, if it is one.
    pub commit: Option<String>,
    /// How the scan used the analysis cache, when it was asked to (not part
    /// of any report: a warm scan reports what a cold one does).
    pub cache: Option<CacheStats>,
    /// The files the scan read that hold no `candor:ignore` comment, as
    /// findings show their paths: the suppression pass need not read them
    /// again (not part of any report).
    pub(crate) without_suppressions: crate::hash::Set<String>,
}

impl ScanReport {
    /// The project's name: the scanned directory's.
    pub fn project_name(&self) -> String {
        std::fs::canonicalize(&self.base)
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_else(|| self.base.display().to_string())
    }

    /// The reported findings about flows of personal data: not suppressed,
    /// and not about candor's own inputs (a manifest declaration, a
    /// suppression comment, a baseline entry).
    pub fn reported_flows(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.suppression.is_none() && !f.category.is_empty() && f.via != "manifest")
    }

    /// The files whose analysis failed on a bug of candor's: the report is
    /// incomplete.
    pub fn failures(&self) -> usize {
        self.notices
            .iter()
            .filter(|n| n.kind == NoticeKind::InternalError)
            .count()
    }
}

/// Something the user should know about a file that was not (fully)
/// analysed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
pub struct Notice {
    pub path: String,
    pub kind: NoticeKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NoticeKind {
    /// Not analysed at all: vendored, generated, binary, too large.
    Skipped,
    /// Could not be read or parsed.
    Error,
    /// Analysed in part: syntax errors, too deep, not UTF-8, over budget.
    Partial,
    /// The analysis failed on a bug of candor's; the report is incomplete.
    InternalError,
    /// Files of a language candor does not analyse yet, counted.
    NotAnalysed,
}

#[derive(Debug, Default, Serialize)]
pub struct ScanStats {
    pub files_scanned: usize,
    pub files_skipped: usize,
    pub bytes_scanned: u64,
    pub lines_scanned: u64,
    /// Findings in code that is not production, not reported, by role.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub findings_left_out: BTreeMap<Role, usize>,
    /// Files of code that is not production, not analysed, by role.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub files_left_out: BTreeMap<Role, usize>,
}

impl ScanStats {
    /// How many findings were left out as not in production code.
    pub fn left_out(&self) -> usize {
        self.findings_left_out.values().sum()
    }

    /// What a summary says of the code left out, if any: how many files
    /// were not analysed and how many findings not reported, in which
    /// code, and how to see them.
    pub fn left_out_note(&self) -> Option<String> {
        let files = count_by_role(&self.files_left_out, "file")
            .map(|files| format!("{files} not analysed"));
        let findings = count_by_role(&self.findings_left_out, "finding")
            .map(|findings| format!("{findings} left out"));
        let what = match (files, findings) {
            (None, None) => return None,
            (Some(one), None) | (None, Some(one)) => one,
            (Some(files), Some(findings)) => format!("{files}, and {findings}"),
        };
        Some(format!(
            "{what}; `--include-tests` or `[scan] include` in candor.toml reports them"
        ))
    }
}

/// "3 files in code that is not production (test 2, seed 1)", or `None` for
/// no count. The noun is spelled out here: the model stands below
/// `crate::text`.
fn count_by_role(counts: &BTreeMap<Role, usize>, noun: &str) -> Option<String> {
    let total: usize = counts.values().sum();
    if total == 0 {
        return None;
    }
    let roles: Vec<String> = counts
        .iter()
        .map(|(role, n)| format!("{} {n}", role.name()))
        .collect();
    let counted = if total == 1 {
        format!("1 {noun}")
    } else {
        format!("{total} {noun}s")
    };
    Some(format!(
        "{counted} in code that is not production ({})",
        roles.join(", ")
    ))
}

/// A package registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    Npm,
    Pypi,
    Maven,
    Go,
    Crates,
    Packagist,
    Rubygems,
    Nuget,
}

impl Ecosystem {
    pub const ALL: [Ecosystem; 8] = [
        Ecosystem::Npm,
        Ecosystem::Pypi,
        Ecosystem::Maven,
        Ecosystem::Go,
        Ecosystem::Crates,
        Ecosystem::Packagist,
        Ecosystem::Rubygems,
        Ecosystem::Nuget,
    ];
}

/// A dependency that is a catalog recipient's SDK.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct SdkUse {
    pub recipient: String,
    pub package: String,
    pub ecosystem: Ecosystem,
    /// The manifest file, relative to the scanned directory.
    pub path: String,
    pub line: u32,
}

/// How a scan used the analysis cache (see `crate::cache`).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose result was read from the cache.
    pub hits: usize,
    /// Files analysed, and how many of their results were written.
    pub misses: usize,
    pub written: usize,
    /// Entries dropped when the packs were folded into one: of files gone,
    /// changed since, or written twice.
    pub pruned: usize,
    /// Packs and entries in the configuration's directory after the scan.
    pub packs: usize,
    pub entries: usize,
    /// The join's findings were the ones kept by an earlier scan of the
    /// same files: it did not run again.
    pub join_kept: bool,
    /// Why the cache was not used, or not wholly.
    pub problem: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::{Role, ScanStats};

    #[test]
    fn the_left_out_note_counts_files_and_findings_by_role() {
        let mut stats = ScanStats::default();
        assert_eq!(stats.left_out_note(), None);
        stats.files_left_out.insert(Role::Test, 3);
        stats.files_left_out.insert(Role::Seed, 1);
        assert_eq!(
            stats.left_out_note().unwrap(),
            "4 files in code that is not production (test 3, seed 1) not analysed; \
             `--include-tests` or `[scan] include` in candor.toml reports them"
        );
        stats.findings_left_out.insert(Role::Test, 1);
        assert_eq!(
            stats.left_out_note().unwrap(),
            "4 files in code that is not production (test 3, seed 1) not analysed, and \
             1 finding in code that is not production (test 1) left out; \
             `--include-tests` or `[scan] include` in candor.toml reports them"
        );
    }
}
