//! The analysis cache: what a scan learned from each source file, kept
//! between scans so that an unchanged file is not parsed again.
//!
//! The cache lives in `.candor_cache/` at the repository root (or where
//! `--cache-dir` / `CANDOR_CACHE_DIR` say), with a `.gitignore` that keeps
//! it out of commits. Below it, one directory per *configuration*: the
//! candor build, the rules, the options that shape the analysis and the
//! scanned directory. There each scan that analysed files adds one pack of
//! their entries (see [`pack`]); an entry is found by a hash of the file's
//! path and used only when it was computed from the same content, path and
//! role (see [`entry`]). The join across files and the policy check run on
//! every scan, so a warm scan reports exactly what a cold one does.
//!
//! Packs are written under a temporary name and renamed into place, so
//! scans running side by side never see half a pack. A scan of the whole
//! tree folds the packs into one when they pile up or hold many entries of
//! files that are gone or changed. A scanned repository is not trusted: a
//! cache or configuration directory that is a link is refused, a pack that
//! is not a plain file is not read, and a cache that git tracks (one
//! committed to the repository rather than made here) is not used.

pub mod entry;
pub mod pack;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use sha2::{Digest, Sha256};

pub use entry::{ContentHash, Identity, content_hash};
use pack::{NameHash, Pack, PackWriter, Record, name_hash};

use crate::file_result::{FileResult, PackedSummary};
use crate::hash::{Map, Set};
pub use crate::model::CacheStats;
use crate::project::Linked;

/// The directory name of the cache at the repository root.
pub const DIR_NAME: &str = ".candor_cache";

/// The environment variable that moves the cache.
pub const DIR_VARIABLE: &str = "CANDOR_CACHE_DIR";

/// Entries larger than this are not read (no file's result comes near).
const MAX_ENTRY: u32 = 64 << 20;

/// A scan of the whole tree folds the packs into one past this many.
const MAX_PACKS: usize = 8;

/// Any scan folds the packs into one past this many (scans of staged or
/// changed files only add packs).
const MAX_PACKS_PARTIAL: usize = 32;

/// A configuration directory unused this long is removed by a full scan.
const STALE_AFTER: Duration = Duration::from_secs(30 * 24 * 3600);

/// Temporary files older than this were left by a scan that stopped.
const ABANDONED_AFTER: Duration = Duration::from_secs(3600);

/// The file whose time says when a configuration was last used.
const STAMP: &str = "last-used";

const GITIGNORE: &str = "# Written by candor: its analysis cache, safe to delete.\n*\n";

#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("{}: {}", .path.display(), crate::text::io_reason(.error))]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{}: a link; the cache is only kept in a directory of its own", .0.display())]
    Link(PathBuf),
    #[error("{}: not a directory", .0.display())]
    NotADirectory(PathBuf),
    #[error(
        "{}: git tracks files in it, so it may not have been written by candor on this machine; \
         remove them from the repository, or scan with --no-cache",
        .0.display()
    )]
    Tracked(PathBuf),
    #[error(
        "{}: cannot tell whether git tracks it ({reason}); scan with --no-cache or --cache-dir",
        .path.display()
    )]
    Unverified { path: PathBuf, reason: String },
}

/// An open cache, for one configuration.
#[derive(Debug)]
pub struct Cache {
    /// The configuration's directory.
    dir: PathBuf,
    /// The cache's top directory.
    root: PathBuf,
    packs: Vec<Pack>,
    /// Each file's entries: (pack, record), by the hash of its path.
    index: Map<NameHash, Vec<(usize, Record)>>,
    /// This scan's pack, made when the first result is kept.
    writer: Mutex<Option<PackWriter>>,
    /// The entries this scan read or wrote: what a full scan keeps.
    used: Mutex<Vec<(NameHash, ContentHash)>>,
    hits: AtomicUsize,
    misses: AtomicUsize,
    /// The number of data categories of the rules (see
    /// `FileSummary::indices_valid`).
    categories: usize,
}

impl Cache {
    /// Opens the cache at `root` for scans of `base` with `options` and
    /// `rules`, making its directories as needed.
    pub fn open(
        root: &Path,
        base: &Path,
        options: &[String],
        rules: &crate::rules::Rules,
    ) -> Result<Cache, CacheError> {
        let existed = plain_dir(root)?;
        if !existed {
            make_dir(root)?;
            write_atomically(&root.join(".gitignore"), GITIGNORE.as_bytes())
                .map_err(|error| io_error(root, error))?;
        } else if let Some(top) = crate::workspace::repository_root(base) {
            refuse_tracked(root, &top)?;
        }
        let dir = root.join(configuration(base, options, rules));
        if !plain_dir(&dir)? {
            make_dir(&dir)?;
        }
        touch(&dir.join(STAMP));
        let packs = pack_paths(&dir)
            .iter()
            .filter_map(|p| Pack::open(p))
            .collect::<Vec<_>>();
        let mut index: Map<NameHash, Vec<(usize, Record)>> = Map::default();
        for (i, pack) in packs.iter().enumerate() {
            for record in &pack.records {
                index.entry(record.name).or_default().push((i, *record));
            }
        }
        Ok(Cache {
            dir,
            root: root.to_path_buf(),
            packs,
            index,
            writer: Mutex::new(None),
            used: Mutex::new(Vec::new()),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            categories: rules.categories.len(),
        })
    }

    /// The configuration's directory, which scans write to.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cached result of the file `identity` names, if there is a sound
    /// one.
    pub fn get(&self, identity: Identity) -> Option<FileResult> {
        let name = name_hash(identity.path);
        let found = self.index.get(&name).and_then(|records| {
            let (pack, record) = records
                .iter()
                .rev()
                .find(|(_, r)| r.content == *identity.content && r.len <= MAX_ENTRY)?;
            let bytes = self.packs[*pack].read(record)?;
            let (mut result, summary) = entry::decode(&bytes, identity)?;
            result.summary_packed = summary.map(|range| PackedSummary {
                pack: *pack,
                offset: record.offset + range.start as u64,
                len: range.len() as u32,
            });
            Some(result)
        });
        if found.is_some() {
            self.hits.fetch_add(1, Ordering::Relaxed);
            self.use_entry(name, *identity.content);
        } else {
            self.misses.fetch_add(1, Ordering::Relaxed);
        }
        found
    }

    /// Keeps `result` for the file `identity` names; a result that cannot
    /// be kept, or a write that fails, only costs the next scan the work.
    pub fn put(&self, identity: Identity, result: &FileResult) {
        let Some(bytes) = entry::encode(identity, result) else {
            return;
        };
        let name = name_hash(identity.path);
        let mut writer = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        if writer.is_none() {
            *writer = PackWriter::create(self.dir.join(temporary_name())).ok();
        }
        let Some(w) = writer.as_mut() else {
            return;
        };
        if w.add(name, *identity.content, &bytes).is_err() {
            if let Some(w) = writer.take() {
                w.abandon();
            }
            return;
        }
        drop(writer);
        self.use_entry(name, *identity.content);
    }

    /// The summary of a result read from the cache (see
    /// [`entry::unpack_summary`]).
    pub fn unpack_summary(&self, at: &PackedSummary) -> Option<crate::project::FileSummary> {
        let bytes = self.packs.get(at.pack)?.read_at(at.offset, at.len)?;
        entry::unpack_summary(&bytes, self.categories)
    }

    /// What the join found the last time its input was the files that
    /// `key` names (see [`link_key`]).
    pub fn linked(&self, key: &ContentHash) -> Option<Linked> {
        let path = self.dir.join(linked_name(key));
        let meta = std::fs::symlink_metadata(&path).ok()?;
        if !meta.is_file() || meta.len() > u64::from(MAX_ENTRY) {
            return None;
        }
        let bytes = std::fs::read(&path).ok()?;
        let payload = checked(&bytes, LINKED_MAGIC)?;
        let kept: KeptLink = postcard::from_bytes(payload).ok()?;
        (kept.key == *key).then_some(())?;
        Some(Linked {
            findings: entry::findings_back(kept.findings)?,
            over_budget: kept.over_budget,
        })
    }

    /// Keeps what the join found for the files `key` names; the newest few
    /// joins are kept, so that scans of a part of the tree (pre-commit) do
    /// not push out the whole tree's.
    pub fn keep_linked(&self, key: &ContentHash, linked: &Linked) {
        let Some(findings) = entry::cached_findings(&linked.findings) else {
            return;
        };
        let kept = KeptLink {
            key: *key,
            findings,
            over_budget: linked.over_budget,
        };
        let Ok(payload) = postcard::to_stdvec(&kept) else {
            return;
        };
        let path = self.dir.join(linked_name(key));
        if write_atomically(&path, &with_checksum(LINKED_MAGIC, &payload)).is_err() {
            return;
        }
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let mut joins: Vec<(SystemTime, PathBuf)> = entries
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(LINKED_PREFIX))
            .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
            .collect();
        joins.sort();
        let excess = joins.len().saturating_sub(MAX_LINKED);
        for (_, old) in joins.into_iter().take(excess) {
            let _ = std::fs::remove_file(old);
        }
    }

    fn use_entry(&self, name: NameHash, content: ContentHash) {
        self.used
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((name, content));
    }

    /// Puts this scan's pack in place and, when the packs pile up, folds
    /// them into one: after a scan of the whole tree (`whole`) keeping only
    /// the entries it used, else the newest entry of each file.
    pub fn finish(self, whole: bool) -> CacheStats {
        let mut stats = CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            ..CacheStats::default()
        };
        let writer = self.writer.lock().unwrap_or_else(|e| e.into_inner()).take();
        let mut packs = self.packs;
        if let Some(w) = writer {
            let written = w.entries();
            let path = self.dir.join(pack_name());
            if w.finish(&path).is_ok() {
                stats.written = written;
                packs.extend(Pack::open(&path));
            }
        }
        let used = self.used.into_inner().unwrap_or_else(|e| e.into_inner());
        let records: usize = packs.iter().map(|p| p.records.len()).sum();
        let fold = if whole {
            packs.len() > MAX_PACKS || records > 2 * used.len() + 64
        } else {
            packs.len() > MAX_PACKS_PARTIAL
        };
        if fold {
            let keep: Option<Set<(NameHash, ContentHash)>> =
                whole.then(|| used.into_iter().collect());
            if let Some(kept) = fold_packs(&self.dir, &packs, keep.as_ref()) {
                stats.pruned = records - kept;
                for pack in &packs {
                    let _ = std::fs::remove_file(&pack.path);
                }
                packs = pack_paths(&self.dir)
                    .iter()
                    .filter_map(|p| Pack::open(p))
                    .collect();
            }
        }
        stats.packs = packs.len();
        stats.entries = packs.iter().map(|p| p.records.len()).sum();
        if whole {
            remove_abandoned(&self.dir);
            remove_stale_configurations(&self.root, &self.dir);
        }
        stats
    }
}

/// The join's input named in one hash: every file's path, role and
/// content, in the scan's order; `None` when a file has no such identity
/// (the cache did not see it).
pub fn link_key<'a>(
    identities: impl Iterator<Item = Option<&'a ContentHash>>,
) -> Option<ContentHash> {
    let mut hasher = Sha256::new();
    for identity in identities {
        hasher.update(identity?);
    }
    Some(hasher.finalize().into())
}

/// What a scan's join found, kept (see [`Cache::linked`]).
#[derive(serde::Serialize, serde::Deserialize)]
struct KeptLink {
    key: ContentHash,
    findings: Vec<entry::CachedFinding>,
    over_budget: bool,
}

const LINKED_MAGIC: &[u8; 8] = b"cndrln2\n";
const LINKED_PREFIX: &str = "linked-";

/// How many joins a configuration keeps.
const MAX_LINKED: usize = 2;

fn linked_name(key: &ContentHash) -> String {
    format!("{LINKED_PREFIX}{}", hex(&key[..12]))
}

/// `magic`, a checksum of `payload`, then `payload`. The checksum finds
/// damage, not tampering (see the module's documentation), so it is a fast
/// one: a warm scan checks every entry it reads.
fn with_checksum(magic: &[u8; 8], payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(magic.len() + 16 + payload.len());
    out.extend_from_slice(magic);
    out.extend_from_slice(&checksum(payload));
    out.extend_from_slice(payload);
    out
}

fn checksum(payload: &[u8]) -> [u8; 16] {
    xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes()
}

/// The payload of `bytes` written by [`with_checksum`] with `magic`, if
/// they check out.
fn checked<'a>(bytes: &'a [u8], magic: &[u8; 8]) -> Option<&'a [u8]> {
    let rest = bytes.strip_prefix(magic.as_slice())?;
    let (sum, payload) = rest.split_at_checked(16)?;
    (checksum(payload) == sum).then_some(payload)
}

/// Writes one pack of the newest entry of each (file, content) among
/// `keep` (all files when `None`: the newest entry of each) and returns
/// how many it holds; `None` if it could not be written.
fn fold_packs(
    dir: &Path,
    packs: &[Pack],
    keep: Option<&Set<(NameHash, ContentHash)>>,
) -> Option<usize> {
    let mut newest: Map<NameHash, (usize, Record)> = Map::default();
    let mut order = Vec::new();
    for (i, pack) in packs.iter().enumerate() {
        for record in &pack.records {
            if keep.is_some_and(|k| !k.contains(&(record.name, record.content))) {
                continue;
            }
            if newest.insert(record.name, (i, *record)).is_none() {
                order.push(record.name);
            }
        }
    }
    let mut writer = PackWriter::create(dir.join(temporary_name())).ok()?;
    for name in &order {
        let (pack, record) = newest[name];
        let Some(bytes) = packs[pack].read(&record) else {
            continue;
        };
        if writer.add(record.name, record.content, &bytes).is_err() {
            writer.abandon();
            return None;
        }
    }
    let kept = writer.entries();
    writer.finish(&dir.join(pack_name())).ok()?;
    Some(kept)
}

/// The packs of a configuration directory, oldest first (their names
/// start with the time they were written).
fn pack_paths(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == pack::EXTENSION))
        .collect();
    paths.sort();
    paths
}

/// A name for a new pack, sorting after older ones.
fn pack_name() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    format!(
        "{:012x}{:08x}-{}.{}",
        now.as_secs(),
        now.subsec_nanos(),
        std::process::id(),
        pack::EXTENSION
    )
}

/// A name for a pack being written, unique to this process and moment.
fn temporary_name() -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(".tmp-{}-{n}-{}", std::process::id(), pack_name())
}

/// Removes temporary files a stopped scan left behind.
fn remove_abandoned(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let temporary = entry.file_name().to_string_lossy().starts_with(".tmp-");
        if temporary && older_than(&entry.path(), ABANDONED_AFTER) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Removes the configurations other than `current` not used for a month.
fn remove_stale_configurations(root: &Path, current: &Path) {
    let Ok(entries) = std::fs::read_dir(root) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && path != current && older_than(&path.join(STAMP), STALE_AFTER) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// The directory of a configuration: a hash of the build, the rules, the
/// options that shape what a file's analysis gives, and the directory
/// scanned (paths are shown relative to it).
fn configuration(base: &Path, options: &[String], rules: &crate::rules::Rules) -> String {
    let mut hasher = Sha256::new();
    let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    let fixed = [
        env!("CARGO_PKG_VERSION").to_string(),
        env!("CANDOR_BUILD_ID").to_string(),
        rules.fingerprint.clone(),
        base.to_string_lossy().into_owned(),
    ];
    for part in fixed.iter().chain(options) {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex(&hasher.finalize()[..12])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn io_error(path: &Path, error: std::io::Error) -> CacheError {
    CacheError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Whether `path` is a directory (and not a link to one); an error if it
/// is something else.
fn plain_dir(path: &Path) -> Result<bool, CacheError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(CacheError::Link(path.to_path_buf())),
        Ok(m) if m.is_dir() => Ok(true),
        Ok(_) => Err(CacheError::NotADirectory(path.to_path_buf())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(io_error(path, e)),
    }
}

fn make_dir(path: &Path) -> Result<(), CacheError> {
    match std::fs::create_dir(path) {
        Ok(()) => Ok(()),
        // Another scan made it first.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => plain_dir(path).map(|_| ()),
        Err(e) => Err(io_error(path, e)),
    }
}

/// Refuses a cache inside the repository at `top` that git tracks files
/// of: its entries may have been written by anyone.
fn refuse_tracked(root: &Path, top: &Path) -> Result<(), CacheError> {
    let resolved = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    if !resolved.starts_with(top) {
        return Ok(());
    }
    let repo = crate::git::Repo::open(top).map_err(|e| CacheError::Unverified {
        path: root.to_path_buf(),
        reason: e.to_string(),
    })?;
    match repo.tracks_any(&resolved) {
        Ok(false) => Ok(()),
        Ok(true) => Err(CacheError::Tracked(root.to_path_buf())),
        Err(e) => Err(CacheError::Unverified {
            path: root.to_path_buf(),
            reason: e.to_string(),
        }),
    }
}

/// Writes `bytes` to a file that must not exist yet (never through a link
/// left in its place).
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut file = std::fs::File::create_new(path)?;
    file.write_all(bytes)
}

/// Writes `path` whole or not at all.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_file_name(temporary_name());
    write_new(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

/// Sets the time of the plain file at `path` to now, making it if there
/// is none; a link or anything else in its place is left alone (never
/// written through).
fn touch(path: &Path) {
    let file = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => std::fs::OpenOptions::new().write(true).open(path),
        Ok(_) => return,
        Err(_) => std::fs::File::create_new(path),
    };
    let _ = file.and_then(|f| f.set_modified(SystemTime::now()));
}

fn older_than(path: &Path, age: Duration) -> bool {
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
}
