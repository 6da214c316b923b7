//! Finding the files to scan.
//!
//! The `ignore` crate's parallel walker lists the tree, the fastest way to
//! list a large one; `.gitignore` (also outside a git repository), `.ignore`
//! and `.candorignore` are read here as the untrusted input they are (see
//! [`IgnoreFiles`]) and applied as the walk goes. Paths are collected and
//! sorted so that the per-file work, which runs on rayon, sees a
//! deterministic order. Vendored and generated directories are skipped by
//! name and reported as skipped; a directory that cannot be listed is
//! reported as unreadable.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

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
    /// Directories and files that could not be read, with the reason.
    pub unreadable: Vec<Skipped>,
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

/// Why a file candor might read was not: it could not be read, or was
/// passed over.
enum NotRead {
    Unreadable(String),
    Skipped(String),
}

/// What a file is: dependency manifest, schema file or source file; `None`
/// for anything else, which is not scanned. YAML and JSON files are told
/// apart by their first few KiB (OpenAPI documents and JSON Schemas are
/// schemas; configuration is nothing); one whose start cannot be read, or
/// is binary, is reported rather than taken for configuration.
fn file_kind(path: &Path) -> Result<Option<FileKind>, NotRead> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if crate::dependencies::is_dependency_manifest(name) {
        return Ok(Some(FileKind::Manifest));
    }
    match SchemaKind::for_file_checked(path) {
        Ok(Some(kind)) => Ok(Some(FileKind::Schema(kind))),
        Ok(None) => Ok(Language::for_path(path).map(FileKind::Source)),
        Err(reason) if reason.starts_with("cannot read") => Err(NotRead::Unreadable(reason)),
        Err(reason) => Err(NotRead::Skipped(reason)),
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

    /// Reports a file that was not read.
    fn add_not_read(&mut self, path: &Path, why: NotRead) {
        let (list, reason) = match why {
            NotRead::Unreadable(reason) => (&mut self.unreadable, reason),
            NotRead::Skipped(reason) => (&mut self.skipped, reason),
        };
        list.push(Skipped {
            path: path.to_path_buf(),
            reason,
        });
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
        // Two threads may both have read an ignore file.
        self.skipped.sort();
        self.skipped.dedup();
        self.unreadable.sort();
        self.unreadable.dedup();
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
                Ok(Some(kind)) => d.add_file(f, kind),
                // A file deleted in the working tree can still be staged.
                Err(why) if f.exists() => d.add_not_read(f, why),
                Ok(None) | Err(_) => {
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

/// The ignore files read in every directory walked, in increasing
/// precedence (a later file's rule wins over an earlier one's).
const IGNORE_FILES: [&str; 3] = [".gitignore", ".ignore", ".candorignore"];

/// The largest ignore file read; a larger one is not applied.
const MAX_IGNORE_FILE: u64 = 1 << 20;

/// The rules of the ignore files of one directory, and those of the
/// directories above it.
///
/// A path is matched relative to the directory whose files gave the
/// rules: the walked path with `anchor` taken off and `prefix` put before
/// it (an ancestor of a walked root is matched through the root's path).
struct IgnoreLevel {
    rules: ignore::gitignore::Gitignore,
    anchor: PathBuf,
    prefix: PathBuf,
    parent: Option<Arc<IgnoreLevel>>,
}

/// What holds for a walked directory: the rules that apply in it, and the
/// tree a link among its ignore files may lead into.
#[derive(Clone)]
struct DirRules {
    levels: Option<Arc<IgnoreLevel>>,
    bound: Arc<PathBuf>,
}

impl DirRules {
    /// Whether the rules ignore `path`: the nearest directory whose rules
    /// match it decides, as in git.
    fn ignores(&self, path: &Path, is_dir: bool) -> bool {
        let mut level = self.levels.as_deref();
        while let Some(l) = level {
            if let Ok(rest) = path.strip_prefix(&l.anchor) {
                let relative = l.prefix.join(rest);
                let matched = l.rules.matched(&relative, is_dir);
                if matched.is_ignore() {
                    return true;
                }
                if matched.is_whitelist() {
                    return false;
                }
            }
            level = l.parent.as_deref();
        }
        false
    }
}

/// The ignore files of a walk, read as untrusted input: only regular files
/// (or links to one inside the repository or scanned tree), never more
/// than [`MAX_IGNORE_FILE`], and only in the walked directories and those
/// between a walked root and its repository's root. An ignore file above
/// the repository (or, outside one, above the scanned directory) is no
/// part of the tree and applies nothing; one that cannot be read is not
/// applied and is reported, never taken to hide its directory.
struct IgnoreFiles {
    /// The walked roots, as given.
    roots: Vec<PathBuf>,
    /// The rules of each directory walked, by its walked path.
    dirs: Mutex<std::collections::HashMap<PathBuf, DirRules>>,
    /// Ignore files passed over, and those that could not be read.
    skipped: Mutex<Vec<Skipped>>,
    unreadable: Mutex<Vec<Skipped>>,
}

impl IgnoreFiles {
    fn new(roots: &[PathBuf]) -> IgnoreFiles {
        IgnoreFiles {
            roots: roots.to_vec(),
            dirs: Mutex::default(),
            skipped: Mutex::default(),
            unreadable: Mutex::default(),
        }
    }

    /// Whether the walked entry `path` is left out by the ignore files of
    /// the directories above it.
    fn ignores(&self, path: &Path, is_dir: bool) -> bool {
        match path.parent() {
            Some(dir) => self.rules_of(dir).ignores(path, is_dir),
            None => false,
        }
    }

    /// The rules that apply in the walked directory `dir`.
    fn rules_of(&self, dir: &Path) -> DirRules {
        if let Some(known) = self.dirs.lock().ok().and_then(|d| d.get(dir).cloned()) {
            return known;
        }
        let rules = if self.roots.iter().any(|r| r == dir) {
            self.root_rules(dir)
        } else {
            match dir.parent() {
                Some(parent) => {
                    let above = self.rules_of(parent);
                    DirRules {
                        levels: self.level(dir, dir, Path::new(""), &above),
                        bound: above.bound,
                    }
                }
                None => self.root_rules(dir),
            }
        };
        if let Ok(mut dirs) = self.dirs.lock() {
            dirs.insert(dir.to_path_buf(), rules.clone());
        }
        rules
    }

    /// The rules of a walked root: its own ignore files' and those of the
    /// directories between it and its repository's root, if it is in one.
    fn root_rules(&self, root: &Path) -> DirRules {
        let Ok(absolute) = std::fs::canonicalize(root) else {
            return DirRules {
                levels: None,
                bound: Arc::new(root.to_path_buf()),
            };
        };
        let repository = crate::workspace::repository_root(&absolute);
        let mut rules = DirRules {
            levels: None,
            bound: Arc::new(repository.clone().unwrap_or_else(|| absolute.clone())),
        };
        if let Some(repository) = &repository {
            // From the repository's root down, so that nearer rules come
            // first.
            let mut above: Vec<&Path> = absolute
                .ancestors()
                .skip(1)
                .take_while(|a| a.starts_with(repository))
                .collect();
            above.reverse();
            for dir in above {
                let prefix = absolute.strip_prefix(dir).unwrap_or(Path::new(""));
                // Named from the walked root, as `sub/../.gitignore`.
                let shown: PathBuf = prefix.components().map(|_| "..").collect();
                rules.levels = self.level_at(dir, &root.join(shown), root, prefix, &rules);
            }
        }
        rules.levels = self.level(root, root, Path::new(""), &rules);
        rules
    }

    /// The level of `dir`'s ignore files over `above`'s, or `above`'s
    /// levels when it has none.
    fn level(
        &self,
        dir: &Path,
        anchor: &Path,
        prefix: &Path,
        above: &DirRules,
    ) -> Option<Arc<IgnoreLevel>> {
        self.level_at(dir, dir, anchor, prefix, above)
    }

    /// [`IgnoreFiles::level`] of the directory read at `dir` and named
    /// `shown` in notices.
    fn level_at(
        &self,
        dir: &Path,
        shown: &Path,
        anchor: &Path,
        prefix: &Path,
        above: &DirRules,
    ) -> Option<Arc<IgnoreLevel>> {
        match self.read(dir, shown, &above.bound) {
            Some(rules) => Some(Arc::new(IgnoreLevel {
                rules,
                anchor: anchor.to_path_buf(),
                prefix: prefix.to_path_buf(),
                parent: above.levels.clone(),
            })),
            None => above.levels.clone(),
        }
    }

    /// The rules of the ignore files of `dir` (a repository's root adds
    /// its `.git/info/exclude`, with the least precedence), if it has any.
    fn read(&self, dir: &Path, shown: &Path, bound: &Path) -> Option<ignore::gitignore::Gitignore> {
        let mut builder = ignore::gitignore::GitignoreBuilder::new(".");
        let mut any = false;
        let exclude = Path::new(".git/info/exclude");
        let names = std::iter::once(exclude)
            .filter(|_| std::fs::symlink_metadata(dir.join(".git")).is_ok_and(|m| m.is_dir()))
            .chain(IGNORE_FILES.iter().map(Path::new));
        for name in names {
            let path = dir.join(name);
            let shown = shown.join(name);
            if std::fs::symlink_metadata(&path).is_err() {
                continue;
            }
            let note = |list: &Mutex<Vec<Skipped>>, reason: String| {
                if let Ok(mut l) = list.lock() {
                    l.push(Skipped {
                        path: shown.clone(),
                        reason,
                    });
                }
            };
            match files::entry(&path, Some(bound)) {
                files::Entry::File => {}
                // Git reads no directory as an ignore file; the walk goes
                // into it.
                files::Entry::Directory => continue,
                files::Entry::Refused(reason) => {
                    note(&self.skipped, format!("ignore file not applied: {reason}"));
                    continue;
                }
            }
            match files::read_bounded(&path, MAX_IGNORE_FILE) {
                Ok(bytes) if bytes.len() as u64 > MAX_IGNORE_FILE => note(
                    &self.skipped,
                    format!(
                        "ignore file not applied: larger than {} KiB",
                        MAX_IGNORE_FILE >> 10
                    ),
                ),
                Ok(bytes) => {
                    let text = String::from_utf8_lossy(&bytes);
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    for line in text.lines() {
                        // A line git could not read either is passed over.
                        let _ = builder.add_line(Some(shown.clone()), line);
                    }
                    any = true;
                }
                Err(e) => note(
                    &self.unreadable,
                    format!(
                        "cannot read: {}; ignore file not applied",
                        crate::text::io_reason(&e)
                    ),
                ),
            }
        }
        if !any {
            return None;
        }
        builder.build().ok().filter(|g| !g.is_empty())
    }
}

/// The path and reason of an error of the walk (a directory that cannot be
/// listed).
fn walk_error(e: &ignore::Error) -> (Option<PathBuf>, String) {
    fn path_of(e: &ignore::Error) -> Option<PathBuf> {
        match e {
            ignore::Error::WithPath { path, .. } => Some(path.clone()),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                path_of(err)
            }
            ignore::Error::Partial(errors) => errors.iter().find_map(path_of),
            _ => None,
        }
    }
    let reason = match e.io_error() {
        Some(io) => crate::text::io_reason(io),
        None => "the walk failed".to_string(),
    };
    (path_of(e), format!("cannot read: {reason}; not scanned"))
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
    // The ignore files are read here, not by the walker: it would read
    // those of every directory up to `/`, open a FIFO, follow a link out of
    // the tree, and take an unreadable one for none.
    let ignore_files = Arc::new(IgnoreFiles::new(roots));
    let ignoring = ignore_files.clone();
    builder
        .threads(threads)
        .standard_filters(false)
        .filter_entry(move |e| {
            if e.depth() == 0 {
                return true;
            }
            let is_dir = e.file_type().is_some_and(|t| t.is_dir());
            if is_dir && e.file_name().to_str().is_some_and(|n| n == ".git") {
                return false;
            }
            !ignoring.ignores(e.path(), is_dir)
        });
    builder.build_parallel().run(|| {
        let found = &found;
        Box::new(move |entry| {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    // A directory that cannot be listed loses every file in
                    // it: said, not dropped.
                    let (path, reason) = walk_error(&e);
                    if let Ok(mut f) = found.lock() {
                        f.unreadable.push(Skipped {
                            path: path.unwrap_or_else(|| PathBuf::from(".")),
                            reason,
                        });
                    }
                    return WalkState::Continue;
                }
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
                Ok(Some(kind)) => {
                    if let Ok(mut f) = found.lock() {
                        f.add_file(path, kind);
                    }
                }
                Err(why) => {
                    if let Ok(mut f) = found.lock() {
                        f.add_not_read(path, why);
                    }
                }
                Ok(None) => {
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
    for (list, into) in [
        (&ignore_files.skipped, &mut d.skipped),
        (&ignore_files.unreadable, &mut d.unreadable),
    ] {
        if let Ok(mut l) = list.lock() {
            into.append(&mut l);
        }
    }
    d.normalize();
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
    if bytes.len() > 4096 && LineShape::of(bytes).is_minified() {
        return Some(format!(
            "minified file (most of its bytes in lines longer than {LONG_LINE} bytes)"
        ));
    }
    None
}

/// A line longer than this many bytes (blanks at its ends not counted) is
/// one no person wrote by hand as code: minifiers join statements into
/// lines of thousands of bytes, or break them at about 500.
const LONG_LINE: usize = 400;

/// How many short non-blank lines a minified file may still have: a
/// licence banner, `"use strict";`, a source-map comment.
const MINIFIED_SHORT_LINES: usize = 10;

/// How a file's bytes fall into lines, blank lines left out: padding a
/// bundle with empty lines changes none of it.
#[derive(Debug, Default, PartialEq, Eq)]
struct LineShape {
    /// Bytes in non-blank lines, and in the long ones among them.
    bytes: usize,
    long_bytes: usize,
    /// Non-blank lines, short and long.
    short_lines: usize,
    long_lines: usize,
}

impl LineShape {
    fn of(bytes: &[u8]) -> Self {
        let mut shape = Self::default();
        for line in bytes.split(|&b| b == b'\n') {
            let len = line.trim_ascii().len();
            if len == 0 {
                continue;
            }
            shape.bytes += len;
            if len > LONG_LINE {
                shape.long_bytes += len;
                shape.long_lines += 1;
            } else {
                shape.short_lines += 1;
            }
        }
        shape
    }

    /// Minified: most of the text sits in long lines, and short lines are
    /// no more than a banner or as many as the long ones. One long line (a
    /// data URI, a long string) in a file a person wrote leaves it
    /// scanned, and the code around it with it: a file is never dropped for
    /// what one line holds.
    fn is_minified(&self) -> bool {
        self.long_bytes * 2 > self.bytes
            && self.short_lines <= MINIFIED_SHORT_LINES.max(self.long_lines)
    }
}
