//! What a scan reports: its findings, the third-party SDKs the project
//! ships, notices about files it could not (fully) analyse, and counts.

use std::path::PathBuf;

use serde::Serialize;

use super::Finding;

#[derive(Debug, Default)]
pub struct ScanReport {
    pub findings: Vec<Finding>,
    /// Third-party SDKs the dependency manifests declare.
    pub sdks: Vec<SdkUse>,
    pub notices: Vec<Notice>,
    pub stats: ScanStats,
    /// The directory paths in findings are relative to.
    pub base: PathBuf,
}

impl ScanReport {
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Notice {
    pub path: String,
    pub kind: NoticeKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
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
}

#[derive(Debug, Default, Serialize)]
pub struct ScanStats {
    pub files_scanned: usize,
    pub files_skipped: usize,
    pub bytes_scanned: u64,
    pub lines_scanned: u64,
}

/// A package registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    Npm,
    Pypi,
    Maven,
    Go,
    Crates,
    Packagist,
    Rubygems,
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
