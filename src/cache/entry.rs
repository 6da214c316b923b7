//! One cached file result on disk: what a scan learned from one source
//! file, checked before it is believed.
//!
//! An entry is `MAGIC`, a checksum of the payload, then the payload: the
//! file's path as shown, its role, the SHA-256 of its content and its
//! [`FileResult`], encoded compactly. A read entry is used only when the
//! magic, the checksum, the decoding and all three identities agree; any
//! other entry (truncated, corrupt, from another file or another format)
//! is a miss, and the scan's own result replaces it.

use std::borrow::Cow;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::checks;
use crate::file_result::FileResult;
use crate::language::Language;
use crate::model::{Finding, FlowKind, Level, Location, Notice, Role, StoreKind, TrailStep};
use crate::project::FileSummary;

/// The first bytes of every entry; a new layout gets a new magic.
const MAGIC: &[u8; 8] = b"candor\x11\n";

/// The SHA-256 of a file's content.
pub type ContentHash = [u8; 32];

pub fn content_hash(bytes: &[u8]) -> ContentHash {
    Sha256::digest(bytes).into()
}

/// Which file an entry speaks for: a result is reused only for the same
/// path, role and content.
#[derive(Debug, Clone, Copy)]
pub struct Identity<'a> {
    pub path: &'a str,
    pub role: Role,
    pub content: &'a ContentHash,
}

impl Identity<'_> {
    /// The identity in one hash: the join's input is named by these (see
    /// `super::link_key`).
    pub fn key(&self) -> ContentHash {
        let mut hasher = Sha256::new();
        hasher.update((self.path.len() as u64).to_le_bytes());
        hasher.update(self.path.as_bytes());
        hasher.update(self.role.name().as_bytes());
        hasher.update([0]);
        hasher.update(self.content);
        hasher.finalize().into()
    }
}

#[derive(Serialize, Deserialize)]
struct Entry<'a> {
    path: Cow<'a, str>,
    role: Role,
    content: ContentHash,
    findings: Vec<CachedFinding>,
    /// The summary, encoded on its own: a scan whose join is cached never
    /// decodes it (see [`unpack_summary`]).
    summary: Option<&'a [u8]>,
    protected_fields: Cow<'a, [(Language, String)]>,
    notices: Cow<'a, [Notice]>,
    bytes: u64,
    lines: u64,
    scanned: bool,
    suppression_comments: bool,
}

/// A finding as the analysis of one file or the join makes it. The fields
/// the pipeline fills later (fingerprint, policy, suppression, merged
/// categories) are not kept: a result that has them is not cached.
#[derive(Serialize, Deserialize)]
pub struct CachedFinding {
    rule_id: String,
    level: Level,
    category: String,
    category_name: String,
    sensitive: bool,
    flow_kind: FlowKind,
    recipient: Option<String>,
    store: Option<StoreKind>,
    store_key: Option<String>,
    encrypted: bool,
    region: Option<String>,
    via: String,
    role: Role,
    message: String,
    location: Location,
    snippet: String,
    snippet_offset: u32,
    trail: Vec<TrailStep>,
    model_field: Option<String>,
}

/// The findings in cacheable form, or `None` if one cannot be cached.
pub fn cached_findings(findings: &[Finding]) -> Option<Vec<CachedFinding>> {
    findings.iter().map(CachedFinding::of).collect()
}

/// The findings back, or `None` if one names a rule this build lacks.
pub fn findings_back(cached: Vec<CachedFinding>) -> Option<Vec<Finding>> {
    cached
        .into_iter()
        .map(CachedFinding::into_finding)
        .collect()
}

impl CachedFinding {
    fn of(f: &Finding) -> Option<CachedFinding> {
        let filled_later = !f.fingerprint.is_empty()
            || f.policy.is_some()
            || f.suppression.is_some()
            || !f.other_categories.is_empty();
        (!filled_later).then(|| CachedFinding {
            rule_id: f.rule_id.to_string(),
            level: f.level,
            category: f.category.clone(),
            category_name: f.category_name.clone(),
            sensitive: f.sensitive,
            flow_kind: f.flow_kind,
            recipient: f.recipient.clone(),
            store: f.store,
            store_key: f.store_key.clone(),
            encrypted: f.encrypted,
            region: f.region.clone(),
            via: f.via.clone(),
            role: f.role,
            message: f.message.clone(),
            location: f.location.clone(),
            snippet: f.snippet.clone(),
            snippet_offset: f.snippet_offset,
            trail: f.trail.clone(),
            model_field: f.model_field.clone(),
        })
    }

    /// The finding, if its rule is one this build knows.
    fn into_finding(self) -> Option<Finding> {
        let rule = checks::by_id(&self.rule_id)?;
        Some(Finding {
            rule_id: rule.id,
            level: self.level,
            category: self.category,
            category_name: self.category_name,
            sensitive: self.sensitive,
            flow_kind: self.flow_kind,
            recipient: self.recipient,
            store: self.store,
            store_key: self.store_key,
            encrypted: self.encrypted,
            region: self.region,
            via: self.via,
            role: self.role,
            message: self.message,
            location: self.location,
            snippet: self.snippet,
            snippet_offset: self.snippet_offset,
            trail: self.trail,
            fingerprint: String::new(),
            policy: None,
            suppression: None,
            other_categories: Vec::new(),
            model_field: self.model_field,
        })
    }
}

/// The bytes of the entry for `result`, or `None` when it cannot be kept
/// (see [`CachedFinding`]).
pub fn encode(identity: Identity, result: &FileResult) -> Option<Vec<u8>> {
    let findings = cached_findings(&result.findings)?;
    let summary = match &result.summary {
        Some(summary) => Some(postcard::to_stdvec(summary).ok()?),
        None => None,
    };
    let entry = Entry {
        path: Cow::Borrowed(identity.path),
        role: identity.role,
        content: *identity.content,
        findings,
        summary: summary.as_deref(),
        protected_fields: Cow::Borrowed(&result.protected_fields),
        notices: Cow::Borrowed(&result.notices),
        bytes: result.bytes,
        lines: result.lines,
        scanned: result.scanned,
        suppression_comments: result.suppression_comments,
    };
    let payload = postcard::to_stdvec(&entry).ok()?;
    Some(super::with_checksum(MAGIC, &payload))
}

/// The result `bytes` hold for the file `identity` names, or `None` when
/// they are not a sound entry for it; with where in `bytes` its summary
/// lies, still encoded (see [`unpack_summary`]).
pub fn decode(bytes: &[u8], identity: Identity) -> Option<(FileResult, Option<Range<usize>>)> {
    let payload = super::checked(bytes, MAGIC)?;
    let entry: Entry = postcard::from_bytes(payload).ok()?;
    let same_file = entry.path == identity.path
        && entry.role == identity.role
        && entry.content == *identity.content;
    if !same_file {
        return None;
    }
    let summary = match entry.summary {
        Some(s) => Some(place_in(bytes, s)?),
        None => None,
    };
    let result = FileResult {
        findings: findings_back(entry.findings)?,
        summary: None,
        summary_packed: None,
        key: Some(identity.key()),
        protected_fields: entry.protected_fields.into_owned(),
        notices: entry.notices.into_owned(),
        bytes: entry.bytes,
        lines: entry.lines,
        scanned: entry.scanned,
        suppression_comments: entry.suppression_comments,
        left_out: None,
    };
    Some((result, summary))
}

/// Where `part`, a slice borrowed from `whole`, lies in it.
fn place_in(whole: &[u8], part: &[u8]) -> Option<Range<usize>> {
    let start = (part.as_ptr() as usize).checked_sub(whole.as_ptr() as usize)?;
    let end = start.checked_add(part.len())?;
    (end <= whole.len()).then_some(start..end)
}

/// The summary an entry kept encoded, if it decodes to one whose data
/// categories are among the first `categories` and whose notes are all
/// there (see `FileSummary::indices_valid`).
pub fn unpack_summary(bytes: &[u8], categories: usize) -> Option<FileSummary> {
    let summary: FileSummary = postcard::from_bytes(bytes).ok()?;
    summary.indices_valid(categories).then_some(summary)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NoticeKind;

    fn result() -> FileResult {
        FileResult {
            notices: vec![Notice {
                path: "app.py".into(),
                kind: NoticeKind::Partial,
                message: "not valid UTF-8; decoded lossily".into(),
            }],
            protected_fields: vec![(Language::Python, "password".into())],
            bytes: 12,
            lines: 3,
            scanned: true,
            ..FileResult::default()
        }
    }

    #[test]
    fn an_entry_reads_back_for_its_own_file_only() {
        let content = content_hash(b"print(email)");
        let id = Identity {
            path: "app.py",
            role: Role::Production,
            content: &content,
        };
        let bytes = encode(id, &result()).expect("encodes");
        let (back, summary) = decode(&bytes, id).expect("decodes");
        assert_eq!(summary, None, "no summary kept");
        assert_eq!(back.notices, result().notices);
        assert_eq!(back.protected_fields, result().protected_fields);
        assert_eq!((back.bytes, back.lines, back.scanned), (12, 3, true));

        let other = content_hash(b"print(name)");
        let changed = Identity {
            content: &other,
            ..id
        };
        assert!(decode(&bytes, changed).is_none(), "other content");
        let moved = Identity {
            path: "moved.py",
            ..id
        };
        assert!(decode(&bytes, moved).is_none(), "other path");
        let test = Identity {
            role: Role::Test,
            ..id
        };
        assert!(decode(&bytes, test).is_none(), "other role");
    }

    #[test]
    fn damaged_entries_are_misses() {
        let content = content_hash(b"x");
        let id = Identity {
            path: "a.py",
            role: Role::Production,
            content: &content,
        };
        let bytes = encode(id, &result()).expect("encodes");
        for cut in 0..bytes.len() {
            assert!(decode(&bytes[..cut], id).is_none(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[i] ^= 0x20;
            assert!(decode(&flipped, id).is_none(), "byte {i} flipped");
        }
        assert!(decode(b"", id).is_none());
        assert!(decode(b"not an entry at all", id).is_none());
    }
}
