//! The analysis cache: what a scan learned from each source file, kept
//! between scans so that an unchanged file is not parsed again.
//!
//! The cache lives in `.candor_cache/` at the repository root (or where
//! `--cache-dir` / `CANDOR_CACHE_DIR` say), with a `.gitignore` that keeps
//! it out of commits. Below it, one directory per *configuration*: the
//! candor build, the rules, the options that shape the analysis and the
//! scanned directory; below that, one entry per source file, named by a
//! hash of its path and checked against the file's content when read (see
//! [`entry`]). The join across files and the policy check run on every
//! scan, so a warm scan reports exactly what a cold one does.
//!
//! Writes are atomic (a new file renamed over the old), so scans running
//! side by side never see half an entry. A scanned repository is not
//! trusted: a cache directory, configuration directory or shard that is a
//! link is refused, an entry that is not a plain file is a miss, and a
//! cache that git tracks (one committed to the repository rather than
//! made here) is not used.

pub mod entry;

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

pub use entry::{ContentHash, Identity, content_hash};

use crate::scan::{FileResult, ScanOptions};

/// The directory name of the cache at the repository root.
pub const DIR_NAME: &str = ".candor_cache";

/// The environment variable that moves the cache.
pub const DIR_VARIABLE: &str = "CANDOR_CACHE_DIR";

/// Entries larger than this are not read (no file's result comes near).
const MAX_ENTRY: u64 = 64 << 20;

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

/// How a scan used the cache.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct CacheStats {
    /// Files whose result was read from the cache.
    pub hits: usize,
    /// Files analysed, and how many of their results were written.
    pub misses: usize,
    pub written: usize,
    /// Entries of files no longer in the tree, removed.
    pub pruned: usize,
    /// Why the cache was not used, or not wholly.
    pub problem: Option<String>,
}

/// An open cache, for one configuration.
#[derive(Debug)]
pub struct Cache {
    /// The configuration's directory.
    dir: PathBuf,
    /// The cache's top directory.
    root: PathBuf,
    /// Distinguishes this scan's temporary files.
    writes: AtomicUsize,
    hits: AtomicUsize,
    misses: AtomicUsize,
    written: AtomicUsize,
    /// The number of data categories of the rules (see
    /// `FileSummary::categories_below`).
    categories: usize,
}

impl Cache {
    /// Opens the cache at `root` for scans of `base` with `options` and
    /// `rules`, making its directories as needed.
    pub fn open(
        root: &Path,
        base: &Path,
        options: &ScanOptions,
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
        for shard in 0..=255u8 {
            let shard = dir.join(format!("{shard:02x}"));
            if !plain_dir(&shard)? {
                make_dir(&shard)?;
            }
        }
        let stamp = dir.join(STAMP);
        let _ = std::fs::File::create(&stamp).and_then(|f| f.set_modified(SystemTime::now()));
        Ok(Cache {
            dir,
            root: root.to_path_buf(),
            writes: AtomicUsize::new(0),
            hits: AtomicUsize::new(0),
            misses: AtomicUsize::new(0),
            written: AtomicUsize::new(0),
            categories: rules.categories.len(),
        })
    }

    /// Where the entry of the file shown as `path` is kept.
    fn entry_path(&self, path: &str) -> PathBuf {
        let name = hex(&Sha256::digest(path.as_bytes())[..16]);
        self.dir.join(&name[..2]).join(&name[2..])
    }

    /// The cached result of the file `identity` names, if there is a sound
    /// one.
    pub fn get(&self, identity: Identity) -> Option<FileResult> {
        let path = self.entry_path(identity.path);
        let found = std::fs::symlink_metadata(&path)
            .ok()
            .filter(|m| m.is_file() && m.len() <= MAX_ENTRY)
            .and_then(|_| std::fs::read(&path).ok())
            .and_then(|bytes| entry::decode(&bytes, identity, self.categories));
        let counter = if found.is_some() {
            &self.hits
        } else {
            &self.misses
        };
        counter.fetch_add(1, Ordering::Relaxed);
        found
    }

    /// Keeps `result` for the file `identity` names; a result that cannot
    /// be kept, or a write that fails, only costs the next scan the work.
    pub fn put(&self, identity: Identity, result: &FileResult) {
        let Some(bytes) = entry::encode(identity, result) else {
            return;
        };
        let path = self.entry_path(identity.path);
        let n = self.writes.fetch_add(1, Ordering::Relaxed);
        let temporary = path.with_file_name(format!(".tmp-{}-{n}", std::process::id()));
        if write_new(&temporary, &bytes).is_ok() {
            if std::fs::rename(&temporary, &path).is_ok() {
                self.written.fetch_add(1, Ordering::Relaxed);
            } else {
                let _ = std::fs::remove_file(&temporary);
            }
        }
    }

    /// After a scan of the whole tree: removes the entries of files not
    /// among `scanned` (paths as shown), temporary files a stopped scan
    /// left, and configurations not used for a month. Returns how many
    /// entries went.
    pub fn prune(&self, scanned: &[&str]) -> usize {
        let kept: HashSet<PathBuf> = scanned.iter().map(|p| self.entry_path(p)).collect();
        let mut pruned = 0;
        for shard in 0..=255u8 {
            let Ok(entries) = std::fs::read_dir(self.dir.join(format!("{shard:02x}"))) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let temporary = entry.file_name().to_string_lossy().starts_with(".tmp-");
                let remove = if temporary {
                    older_than(&path, ABANDONED_AFTER)
                } else {
                    !kept.contains(&path)
                };
                if remove && std::fs::remove_file(&path).is_ok() && !temporary {
                    pruned += 1;
                }
            }
        }
        self.remove_stale_configurations();
        pruned
    }

    fn remove_stale_configurations(&self) {
        let Ok(entries) = std::fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
            if is_dir && path != self.dir && older_than(&path.join(STAMP), STALE_AFTER) {
                let _ = std::fs::remove_dir_all(&path);
            }
        }
    }

    /// How the scan used the cache so far.
    pub fn stats(&self) -> CacheStats {
        CacheStats {
            hits: self.hits.load(Ordering::Relaxed),
            misses: self.misses.load(Ordering::Relaxed),
            written: self.written.load(Ordering::Relaxed),
            ..CacheStats::default()
        }
    }
}

/// The directory of a configuration: a hash of the build, the rules, the
/// options that shape what a file's analysis gives, and the directory
/// scanned (paths are shown relative to it).
fn configuration(base: &Path, options: &ScanOptions, rules: &crate::rules::Rules) -> String {
    let mut hasher = Sha256::new();
    let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    let mut internal = options.flow.internal_domains.clone();
    internal.sort();
    let parts = [
        env!("CARGO_PKG_VERSION").to_string(),
        env!("CANDOR_BUILD_ID").to_string(),
        rules.fingerprint.clone(),
        base.to_string_lossy().into_owned(),
        options.flow.local_only.to_string(),
        internal.join("\n"),
        options.max_file_size.to_string(),
    ];
    for part in parts {
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
    let mut file = std::fs::File::create_new(path)?;
    file.write_all(bytes)
}

/// Writes `path` whole or not at all.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let temporary = path.with_file_name(format!(".tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&temporary);
    write_new(&temporary, bytes)?;
    std::fs::rename(&temporary, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&temporary);
    })
}

fn older_than(path: &Path, age: Duration) -> bool {
    std::fs::symlink_metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|elapsed| elapsed > age)
}
