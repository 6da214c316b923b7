//! Finding the files to scan.
//!
//! The `ignore` crate's parallel walker honours `.gitignore` (also outside a
//! git repository), `.ignore` and `.candorignore`, and is the fastest way to
//! list a large tree. Paths are collected and sorted so that the per-file
//! work, which runs on rayon, sees a deterministic order. Vendored and
//! generated directories are skipped by name and reported as skipped.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use ignore::{WalkBuilder, WalkState};

use crate::files;
use crate::language::{Conventions, Language};
use crate::rules::NotAnalysedFile;
use crate::schemas::SchemaKind;

/// Directories that hold vendored, installed or generated code.
const SKIPPED_DIRS: &[&str] = &[
    "node_modules",
    "bower_components",
    "jspm_packages",
    "vendor",
    "third_party",
    "target",
    "dist",
    "build",
    "out",
    ".next",
    ".nuxt",
    "__pycache__",
    ".venv",
    "venv",
    "site-packages",
    ".tox",
    ".mypy_cache",
    ".gradle",
    ".git",
];

/// A file to analyse.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Candidate {
    pub path: PathBuf,
    pub language: Language,
}

/// A directory or file passed over, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub files: Vec<Candidate>,
    /// Source files of languages candor does not analyse, with the
    /// language's name.
    pub not_analysed: Vec<(PathBuf, String)>,
    /// Dependency manifests (package.json, go.mod, ...).
    pub manifests: Vec<PathBuf>,
    /// Schema files: SQL, Prisma, GraphQL, protobuf, HTML templates,
    /// OpenAPI documents, JSON Schemas.
    pub schemas: Vec<(PathBuf, SchemaKind)>,
    pub skipped: Vec<Skipped>,
}

/// Whether a file's name makes it one candor would read: a refused one is
/// reported only then (a link named `README` is no concern).
pub fn read_by_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    crate::dependencies::is_dependency_manifest(name)
        || SchemaKind::for_path(path).is_some()
        || SchemaKind::is_document(path)
        || Language::for_path(path).is_some()
}

/// The list a file belongs in.
enum FileKind {
    Manifest,
    Schema(SchemaKind),
    Source(Language),
}

/// What a file is: dependency manifest, schema file or source file; `None`
/// for anything else, which is not scanned. YAML and JSON files are told
/// apart by their first few KiB (OpenAPI documents and JSON Schemas are
/// schemas; configuration is nothing).
fn file_kind(path: &Path) -> Option<FileKind> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if crate::dependencies::is_dependency_manifest(name) {
        Some(FileKind::Manifest)
    } else if let Some(kind) = SchemaKind::for_file(path) {
        Some(FileKind::Schema(kind))
    } else {
        Language::for_path(path).map(FileKind::Source)
    }
}

impl Discovery {
    /// Files a file to the list it belongs in.
    fn add_file(&mut self, path: &Path, kind: FileKind) {
        let path = path.to_path_buf();
        match kind {
            FileKind::Manifest => self.manifests.push(path),
            FileKind::Schema(kind) => self.schemas.push((path, kind)),
            FileKind::Source(language) => self.files.push(Candidate { path, language }),
        }
    }

    /// Counts a file of a language candor does not analyse.
    fn add_not_analysed(&mut self, path: &Path, language: &str) {
        self.not_analysed
            .push((path.to_path_buf(), language.to_string()));
    }

    /// Sorted and without duplicates, for a deterministic scan.
    fn normalize(&mut self) {
        self.files.sort();
        self.files.dedup();
        self.manifests.sort();
        self.manifests.dedup();
        self.schemas.sort();
        self.schemas.dedup();
        self.not_analysed.sort();
        self.not_analysed.dedup();
        self.skipped.sort();
    }
}

/// The given files, without walking: for `--staged` and `--changed-since`,
/// whose file lists come from git. Files under vendored or generated
/// directories are still skipped, and so is anything but a regular file (or
/// a link to one inside `root`).
pub fn discover_files(files: &[PathBuf], root: &Path, not_analysed: &NotAnalysedFile) -> Discovery {
    let mut d = Discovery::default();
    for f in files {
        if let files::Entry::Refused(reason) = files::entry(f, Some(root)) {
            // A file deleted in the working tree can still be staged.
            if f.exists() || f.is_symlink() {
                d.skipped.push(Skipped {
                    path: f.clone(),
                    reason: reason.into(),
                });
                continue;
            }
        }
        // Only directories below the repository count: a checkout may itself
        // live under a directory called `build`.
        let below = f.strip_prefix(root).unwrap_or(f);
        let vendored = below.parent().is_some_and(|p| {
            p.ancestors()
                .any(|a| a.file_name().is_some() && is_skipped_dir(a))
        });
        if vendored {
            d.skipped.push(Skipped {
                path: f.clone(),
                reason: "vendored or generated directory".into(),
            });
        } else if f.is_file() || !f.exists() {
            match file_kind(f) {
                Some(kind) => d.add_file(f, kind),
                None => {
                    if let Some(language) = not_analysed.language_of(f) {
                        d.add_not_analysed(f, language);
                    }
                }
            }
        }
    }
    d.normalize();
    d
}

/// The ignore files read in every directory walked.
const IGNORE_FILES: [&str; 3] = [".gitignore", ".ignore", ".candorignore"];

/// Why the ignore files of `dir` cannot be read, if one is anything but a
/// regular file (a FIFO would block the walk; a link could lead out of the
/// tree).
fn unreadable_ignore_file(dir: &Path) -> Option<String> {
    IGNORE_FILES.iter().find_map(|name| {
        let meta = std::fs::symlink_metadata(dir.join(name)).ok()?;
        (!meta.file_type().is_file())
            .then(|| format!("`{name}` is not a regular file; directory not scanned"))
    })
}

/// Walks `roots` with `threads` threads. `bound` is the tree a symbolic
/// link may lead into.
pub fn discover(
    roots: &[PathBuf],
    threads: usize,
    bound: &Path,
    not_analysed: &NotAnalysedFile,
) -> Discovery {
    let Some((first, rest)) = roots.split_first() else {
        return Discovery::default();
    };
    let found = Mutex::new(Discovery::default());
    let mut builder = WalkBuilder::new(first);
    for r in rest {
        builder.add(r);
    }
    let unreadable_root = roots.iter().find_map(|r| unreadable_ignore_file(r));
    if let Some(reason) = &unreadable_root
        && let Ok(mut f) = found.lock()
    {
        // The roots are scanned, without ignore files.
        f.skipped.push(Skipped {
            path: first.join(".gitignore"),
            reason: reason.replace("directory not scanned", "ignore files not read"),
        });
    }
    let refused = std::sync::Arc::new(Mutex::new(Vec::new()));
    let refused_dirs = refused.clone();
    builder
        .threads(threads)
        .require_git(false)
        .add_custom_ignore_filename(".candorignore")
        .hidden(false)
        .git_ignore(unreadable_root.is_none())
        .git_exclude(unreadable_root.is_none())
        .ignore(unreadable_root.is_none())
        .filter_entry(move |e| {
            if !e.file_type().is_some_and(|t| t.is_dir()) || e.depth() == 0 {
                return true;
            }
            if e.file_name().to_str().is_some_and(|n| n == ".git") {
                return false;
            }
            match unreadable_ignore_file(e.path()) {
                Some(reason) => {
                    if let Ok(mut r) = refused_dirs.lock() {
                        r.push(Skipped {
                            path: e.path().to_path_buf(),
                            reason,
                        });
                    }
                    false
                }
                None => true,
            }
        });
    builder.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            let Ok(entry) = entry else {
                return WalkState::Continue;
            };
            let path = entry.path();
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            if is_dir {
                if entry.depth() > 0 && is_skipped_dir(path) {
                    if let Ok(mut f) = found.lock() {
                        f.skipped.push(Skipped {
                            path: path.to_path_buf(),
                            reason: "vendored or generated directory".into(),
                        });
                    }
                    return WalkState::Skip;
                }
                return WalkState::Continue;
            }
            // A FIFO, socket or device is never opened; a link is followed
            // only to a regular file inside the tree.
            let regular = entry.file_type().is_some_and(|t| t.is_file());
            if !regular && let files::Entry::Refused(reason) = files::entry(path, Some(bound)) {
                if read_by_name(path)
                    && let Ok(mut f) = found.lock()
                {
                    f.skipped.push(Skipped {
                        path: path.to_path_buf(),
                        reason: reason.into(),
                    });
                }
                return WalkState::Continue;
            }
            // Read outside the lock: telling YAML and JSON files apart reads
            // their start.
            match file_kind(path) {
                Some(kind) => {
                    if let Ok(mut f) = found.lock() {
                        f.add_file(path, kind);
                    }
                }
                None => {
                    if let Some(language) = not_analysed.language_of(path)
                        && let Ok(mut f) = found.lock()
                    {
                        f.add_not_analysed(path, language);
                    }
                }
            }
            WalkState::Continue
        })
    });
    let mut d = found.into_inner().unwrap_or_default();
    if let Ok(mut r) = refused.lock() {
        d.skipped.append(&mut r);
    }
    d.normalize();
    d.skipped.sort();
    d
}

fn is_skipped_dir(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if SKIPPED_DIRS.contains(&name) {
        return true;
    }
    // A `build` or `dist` next to sources is output; so is anything named
    // like a virtualenv.
    name.ends_with(".egg-info")
}

/// Why a file's content should not be analysed, if it should not. The
/// `conventions` of a source file's language name its generated files.
pub fn content_skip_reason(
    path: &Path,
    bytes: &[u8],
    (max_size, flag): (u64, &str),
    conventions: Option<&Conventions>,
) -> Option<String> {
    if bytes.len() as u64 > max_size {
        return Some(format!(
            "larger than {} KiB; `{flag} BYTES` raises the limit",
            max_size / 1024
        ));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Some("binary file".into());
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if conventions.is_some_and(|c| c.is_generated(name)) {
        return Some("generated or minified file".into());
    }
    let first_lines = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    if first_lines.lines().take(5).any(|l| {
        l.contains("Code generated") && l.contains("DO NOT EDIT") || l.contains("@generated")
    }) {
        return Some("generated file".into());
    }
    // Minified code: very long lines on average.
    let lines = memchr::memchr_iter(b'\n', bytes).count() + 1;
    if bytes.len() > 4096 && bytes.len() / lines > 400 {
        return Some("minified file (average line longer than 400 bytes)".into());
    }
    None
}
