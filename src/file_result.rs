//! What the scan learns from one source file: its own findings and
//! notices, and the summary of its functions that the join across files
//! needs. The analysis makes it, the cache keeps it (see `crate::cache`).

use crate::language::Language;
use crate::model::{Finding, Notice, Role};
use crate::project::FileSummary;

/// What the scan learns from one source file.
#[derive(Debug, Default)]
pub struct FileResult {
    /// Flows within the file's functions.
    pub findings: Vec<Finding>,
    /// For the project-level join.
    pub summary: Option<FileSummary>,
    /// Where the cache keeps the summary of a result read from it: it is
    /// read and decoded only when the join runs (see [`crate::cache`]).
    pub summary_packed: Option<PackedSummary>,
    /// The file's path, role and content in one hash, when the cache saw
    /// it (see `cache::Identity::key`).
    pub key: Option<[u8; 32]>,
    /// Fields the file's model hooks store hashed (see
    /// `flow::Analysis::protected_fields`), with the file's language
    /// family: a model protects the writes of its own language only.
    pub protected_fields: Vec<(Language, String)>,
    pub notices: Vec<Notice>,
    pub bytes: u64,
    pub lines: u64,
    /// Read and analysed (not skipped).
    pub scanned: bool,
    /// Its text holds a `candor:ignore` comment: the suppression pass
    /// reads only such files again (see `crate::suppress`).
    pub suppression_comments: bool,
    /// Not read: code of this role is not analysed (see
    /// `ScanOptions::analysed_roles`).
    pub left_out: Option<Role>,
}

impl FileResult {
    /// The result for a file of a role the scan does not analyse.
    pub fn left_out(role: Role) -> FileResult {
        FileResult {
            left_out: Some(role),
            ..FileResult::default()
        }
    }
}

/// A summary in the cache: its bytes in one of the packs the scan opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackedSummary {
    pub pack: usize,
    pub offset: u64,
    pub len: u32,
}
