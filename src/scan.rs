//! The scan: discover the files, analyse each source and schema file in
//! parallel (front-end, flows, findings, summary), read the dependency
//! manifests for third-party SDKs, and join the files' summaries into the
//! flows that cross functions and files. The pipeline takes it from there.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::budget::{self, Steps};
use crate::cache::{self, Cache, CacheStats, Identity};
use crate::checks;
use crate::classify::{Classifier, normalized_name};
use crate::contain;
use crate::dependencies;
use crate::discover::{self, Candidate};
pub use crate::file_result::FileResult;
use crate::file_result::PackedSummary;
use crate::files;
use crate::flow::{self, FlowOptions};
use crate::frontend;
use crate::language::{Language, RoleOverrides};
use crate::model::{Finding, Notice, NoticeKind, Role, ScanReport};
use crate::project::{self, FileSummary, NamePool, Shelf};
use crate::rules::Rules;
use crate::schemas::{self, SchemaKind};
use crate::suppress;
use crate::workspace::{base_dir, relative};

/// Stack size of analysis threads: generous, because front-ends and the
/// flow engine recurse (with a depth limit) over deeply nested code.
pub const STACK_SIZE: usize = 32 * 1024 * 1024;

/// Runs `test` on a thread with the stack a scan gives each file: an
/// unoptimized build's frames are larger than a test thread's default stack
/// allows on deeply nested input.
#[cfg(test)]
pub(crate) fn on_scan_stack(test: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(STACK_SIZE)
        .spawn(test)
        .expect("thread starts")
        .join()
        .expect("no overflow");
}

#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub roots: Vec<PathBuf>,
    pub threads: usize,
    pub max_file_size: u64,
    /// The size limit of schema files (SQL, GraphQL, OpenAPI, ...), which
    /// are read by lighter readers and are often larger.
    pub max_schema_size: u64,
    pub flow: FlowOptions,
    /// Restricts the scan to some files and can supply their content.
    pub selection: Selection,
    /// Show a progress line on standard error (the caller checks it is a
    /// terminal).
    pub progress: bool,
    /// Roles the project's settings give paths (`[roles]`).
    pub roles: RoleOverrides,
    /// The roles whose files are read and analysed. A file of another role
    /// (a test the report would leave out) is only counted: no trail starts
    /// in such code, and its findings would not be reported.
    pub analysed_roles: Vec<Role>,
    /// Globs over paths from the scanned directory: files that match one
    /// are not read (`--exclude`, candor.toml's `exclude`).
    pub exclude: Vec<String>,
    /// When not empty, only files that match one of these globs are read
    /// (`--include`).
    pub include: Vec<String>,
    /// The analysis cache's directory (see [`crate::cache`]); `None` to
    /// analyse every file afresh.
    pub cache: Option<PathBuf>,
}

impl ScanOptions {
    /// The role of the file shown as `path`: the project's settings, else
    /// the conventions of its language.
    pub fn role_of(&self, path: &str, rules: &Rules) -> Role {
        self.roles
            .role_of(path)
            .unwrap_or_else(|| rules.role_of(path))
    }

    /// Whether files of `role` are read and analysed.
    pub fn analyses(&self, role: Role) -> bool {
        self.analysed_roles.contains(&role)
    }
}

/// Files larger than this many bytes are skipped unless the options say
/// otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 1 << 20;

/// Schema files larger than this many bytes are skipped unless the options
/// say otherwise.
pub const DEFAULT_MAX_SCHEMA_SIZE: u64 = 8 << 20;

impl ScanOptions {
    /// Options to scan `roots` on every core, skipping files over
    /// [`DEFAULT_MAX_FILE_SIZE`], following data across functions and
    /// files, with no progress line.
    pub fn new(roots: Vec<PathBuf>) -> ScanOptions {
        ScanOptions {
            roots,
            threads: std::thread::available_parallelism().map_or(1, |n| n.get()),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
            max_schema_size: DEFAULT_MAX_SCHEMA_SIZE,
            flow: FlowOptions::default(),
            selection: Selection::default(),
            progress: false,
            roles: RoleOverrides::default(),
            analysed_roles: Role::ALL.to_vec(),
            exclude: Vec::new(),
            include: Vec::new(),
            cache: None,
        }
    }
}

/// Scans smaller than this finish before a progress line would help.
const PROGRESS_MIN_FILES: usize = 500;

/// Redraws `done/total` on standard error until `finished`, then clears it.
fn progress(
    done: &std::sync::atomic::AtomicUsize,
    total: usize,
    finished: &std::sync::atomic::AtomicBool,
) {
    use std::io::Write;
    use std::sync::atomic::Ordering;
    let mut err = std::io::stderr();
    while !finished.load(Ordering::Relaxed) {
        let n = done.load(Ordering::Relaxed);
        let _ = write!(
            err,
            "\rscanning: {n}/{total} files ({}%)",
            n * 100 / total.max(1)
        );
        let _ = err.flush();
        std::thread::sleep(std::time::Duration::from_millis(120));
    }
    let _ = write!(err, "\r\x1b[2K");
    let _ = err.flush();
}

/// Which files a scan looks at, and where their content comes from.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Only these files (absolute paths, directories resolved: see
    /// [`files::resolve_directories`]); `None` for every file found.
    pub only: Option<std::collections::HashSet<PathBuf>>,
    /// The repository root the `only` files belong to.
    pub root: Option<PathBuf>,
    /// Content to use instead of the working tree's (paths as in `only`):
    /// the staged blobs for `--staged`.
    pub contents: std::collections::HashMap<PathBuf, Vec<u8>>,
    /// Files named for the scan but not read, with the reason (a staged
    /// symbolic link, a name this system cannot open, ...).
    pub refused: Vec<(PathBuf, String)>,
}

impl Selection {
    fn absolute(path: &Path) -> PathBuf {
        files::resolve_directories(path)
    }

    fn includes(&self, path: &Path) -> bool {
        self.only
            .as_ref()
            .is_none_or(|only| only.contains(&Self::absolute(path)))
    }

    /// The content of `path`, at most `limit + 1` bytes of it (see
    /// [`files::read_bounded`]).
    pub fn read(&self, path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        // Resolving the path costs a system call per directory: only a scan
        // of staged content, which supplies its own, needs it.
        if self.contents.is_empty() {
            return files::read_bounded(path, limit);
        }
        match self.contents.get(&Self::absolute(path)) {
            Some(bytes) => {
                let end = bytes.len().min(
                    usize::try_from(limit)
                        .unwrap_or(usize::MAX)
                        .saturating_add(1),
                );
                Ok(bytes[..end].to_vec())
            }
            None => files::read_bounded(path, limit),
        }
    }
}

pub fn scan(
    options: &ScanOptions,
    rules: &Rules,
) -> Result<ScanReport, rayon::ThreadPoolBuildError> {
    let classifier = Classifier::new(rules);
    let base = base_dir(&options.roots);
    let discovery = discover_selected(options, &base, rules);
    let (cache, cache_problem) = match &options.cache {
        Some(dir) => match Cache::open(dir, &base, &analysis_options(options), rules) {
            Ok(cache) => (Some(cache), None),
            Err(e) => (None, Some(e.to_string())),
        },
        None => (None, None),
    };
    // Files' details wait on a shelf until the join's findings need them:
    // beside the cache's packs, or in the system's temporary directory.
    let shelf = Shelf::scratch(cache.as_ref().map(|c| c.dir().to_path_buf()));
    // And their names go to one table for the tree.
    let names = NamePool::default();
    let analysis = Analysis {
        base: &base,
        rules,
        classifier: &classifier,
        options,
        cache: cache.as_ref(),
        shelf: &shelf,
        names: &names,
    };
    let results = analysis.all(&discovery.files)?;
    let mut report = ScanReport {
        base: base.clone(),
        ..ScanReport::default()
    };
    if cache.is_none() {
        report.cache = cache_problem.map(|problem| CacheStats {
            problem: Some(problem),
            ..CacheStats::default()
        });
    }
    for m in &discovery.manifests {
        let shown = relative(m, &base);
        // An example's or a test fixture's dependencies are not the product's.
        let role = options.role_of(&shown, rules);
        if !options.analyses(role) {
            *report.stats.files_left_out.entry(role).or_default() += 1;
            continue;
        }
        let Some(bytes) = read_manifest(&mut report, m, &shown, options) else {
            continue;
        };
        match contain::catching(|| dependencies::sdks_in(m, &bytes, &shown, rules)) {
            Ok((sdks, notices)) => {
                report.sdks.extend(sdks);
                report.notices.extend(notices);
            }
            Err(message) => report.notices.push(internal_error(&shown, &message)),
        }
    }
    report.sdks.sort();
    let schemas = analysis.schemas(&discovery.schemas)?;
    for (r, (path, _)) in schemas.into_iter().zip(&discovery.schemas) {
        note_suppressions(&mut report, &r, path, &base);
        if let Some(role) = r.left_out {
            *report.stats.files_left_out.entry(role).or_default() += 1;
        }
        report.findings.extend(r.findings);
        report.notices.extend(r.notices);
        report.stats.bytes_scanned += r.bytes;
        report.stats.lines_scanned += r.lines;
        if r.scanned {
            report.stats.files_scanned += 1;
        }
    }
    // By language: how many files, and the first in path order.
    let mut not_analysed: BTreeMap<&str, (usize, &PathBuf)> = BTreeMap::new();
    for (path, language) in &discovery.not_analysed {
        // A test in a language candor does not read hides no product flow.
        if options.analyses(options.role_of(&relative(path, &base), rules)) {
            not_analysed.entry(language).or_insert((0, path)).0 += 1;
        }
    }
    for (language, (count, first)) in &not_analysed {
        let (files, them) = if *count == 1 {
            ("file", "it")
        } else {
            ("files", "them")
        };
        report.notices.push(Notice {
            path: relative(first, &base),
            kind: NoticeKind::NotAnalysed,
            message: format!(
                "{count} {language} {files} not analysed: candor does not read {language} yet; \
                 findings in {them} are missing from this report"
            ),
        });
    }
    for s in discovery.skipped {
        report.notices.push(Notice {
            path: relative(&s.path, &base),
            kind: NoticeKind::Skipped,
            message: s.reason,
        });
    }
    for s in discovery.unreadable {
        report.notices.push(Notice {
            path: relative(&s.path, &base),
            kind: NoticeKind::Error,
            message: s.reason,
        });
    }
    // A file left out is no input of the join; the set of files that are
    // is in the key all the same.
    let link_key = cache.as_ref().and_then(|_| {
        cache::link_key(
            results
                .iter()
                .filter(|r| r.left_out.is_none())
                .map(|r| r.key.as_ref()),
        )
    });
    let mut summaries = Vec::new();
    let mut protected_fields = BTreeSet::new();
    // The findings of every file stay until the report is written: room
    // for exactly them (and the join's, see `project::merge`), not for up
    // to twice as many.
    report
        .findings
        .reserve_exact(results.iter().map(|r| r.findings.len()).sum());
    for (r, candidate) in results.into_iter().zip(&discovery.files) {
        note_suppressions(&mut report, &r, &candidate.path, &base);
        if let Some(role) = r.left_out {
            *report.stats.files_left_out.entry(role).or_default() += 1;
        }
        report.findings.extend(r.findings);
        protected_fields.extend(r.protected_fields);
        match (r.summary, r.summary_packed) {
            (Some(summary), _) => summaries.push(Summary::Ready(Box::new(summary))),
            (None, Some(packed)) => summaries.push(Summary::Packed(packed)),
            (None, None) => {}
        }
        report.notices.extend(r.notices);
        report.stats.bytes_scanned += r.bytes;
        report.stats.lines_scanned += r.lines;
        if r.scanned {
            report.stats.files_scanned += 1;
        }
    }
    // The join is the scan's peak of memory: the files discovery found are
    // not needed there.
    drop(discovery.files);
    drop(discovery.not_analysed);
    report.stats.files_skipped = report
        .notices
        .iter()
        .filter(|n| n.kind == NoticeKind::Skipped)
        .count();
    let kept = cache
        .as_ref()
        .zip(link_key.as_ref())
        .and_then(|(cache, key)| cache.linked(key));
    let join_kept = kept.is_some();
    let linked = match kept {
        Some(linked) => linked,
        None => {
            let linked = link(summaries, names, cache.as_ref(), &shelf, rules, &mut report);
            if let (Some(cache), Some(key)) = (&cache, &link_key) {
                cache.keep_linked(key, &linked);
            }
            linked
        }
    };
    if let Some(cache) = cache {
        // Only a scan of the whole tree knows which files are gone.
        let whole = options.selection.only.is_none() && options.include.is_empty();
        report.cache = Some(CacheStats {
            join_kept,
            ..cache.finish(whole)
        });
    }
    if linked.over_budget {
        report.notices.push(Notice {
            path: ".".into(),
            kind: NoticeKind::Partial,
            message: "analysis budget exceeded while following data across files; \
                      some cross-file flows may be missing"
                .into(),
        });
    }
    project::merge(&mut report.findings, linked.findings);
    leave_out_model_protected(&mut report.findings, &protected_fields);
    report.notices.sort();
    Ok(report)
}

/// Notes a file read without a suppression comment (see
/// [`ScanReport::without_suppressions`]).
fn note_suppressions(report: &mut ScanReport, result: &FileResult, path: &Path, base: &Path) {
    if result.scanned && !result.suppression_comments {
        report.without_suppressions.insert(relative(path, base));
    }
}

/// The options that shape what the analysis of a file gives, as text: a
/// cache keeps results apart by them.
fn analysis_options(options: &ScanOptions) -> Vec<String> {
    let mut internal = options.flow.internal_domains.clone();
    internal.sort();
    vec![
        format!("local-only={}", options.flow.local_only),
        format!("internal-domains={}", internal.join(",")),
        format!("max-file-size={}", options.max_file_size),
    ]
}

/// A file's summary as the scan has it: made by this scan, or read from
/// the cache and not decoded yet.
enum Summary {
    Ready(Box<FileSummary>),
    Packed(PackedSummary),
}

/// Joins the files' summaries (decoding those read from the cache); a
/// failure of the join is a notice, and no cross-file flow.
fn link(
    summaries: Vec<Summary>,
    names: NamePool,
    cache: Option<&Cache>,
    shelf: &Shelf,
    rules: &Rules,
    report: &mut ScanReport,
) -> project::Linked {
    let mut summaries: Vec<FileSummary> = summaries
        .into_par_iter()
        .filter_map(|s| match s {
            Summary::Ready(summary) => Some(*summary),
            Summary::Packed(at) => {
                let mut summary = cache?.unpack_summary(&at)?;
                summary.stow(shelf);
                summary.pool_names(&names);
                Some(summary)
            }
        })
        .collect();
    let linked = contain::catching(|| project::link(&mut summaries, names, shelf, rules));
    // Freeing every file's summary takes a while; the report does not wait.
    // (Where no thread can be started, the closure and the summaries are
    // dropped here.)
    let _ = std::thread::Builder::new().spawn(move || drop(summaries));
    match linked {
        Ok(Ok(linked)) => linked,
        // The scan's own scratch file failed it: no file is to blame.
        Ok(Err(e)) => {
            report.notices.push(Notice {
                path: ".".to_string(),
                kind: NoticeKind::Error,
                message: format!("{e}; flows that cross functions are missing from this report"),
            });
            project::Linked::default()
        }
        Err(message) => {
            report.notices.push(internal_error(".", &message));
            project::Linked::default()
        }
    }
}

/// The text of the dependency manifest at `path` (shown as `shown`), from
/// the selection (the index, for `--staged`) or the working tree, within
/// [`dependencies::MAX_MANIFEST_FILE`]; else `None` and a notice of why not.
fn read_manifest(
    report: &mut ScanReport,
    path: &Path,
    shown: &str,
    options: &ScanOptions,
) -> Option<Vec<u8>> {
    let limit = dependencies::MAX_MANIFEST_FILE;
    let (kind, message) = match options.selection.read(path, limit) {
        Ok(bytes) if bytes.len() as u64 <= limit => return Some(bytes),
        Ok(_) => (
            NoticeKind::Skipped,
            format!(
                "larger than {} MiB; its dependencies are not read",
                limit >> 20
            ),
        ),
        Err(e) => (
            NoticeKind::Error,
            format!("cannot read: {}", crate::text::io_reason(&e)),
        ),
    };
    report.notices.push(Notice {
        path: shown.to_string(),
        kind,
        message,
    });
    None
}

/// Writes through the model of a field its hooks store hashed
/// (`@BeforeInsert` hashing `password`) keep the data protected: they are
/// no flow of the data itself.
fn leave_out_model_protected(
    findings: &mut Vec<Finding>,
    protected: &BTreeSet<(Language, String)>,
) {
    if protected.is_empty() {
        return;
    }
    findings.retain(|f| {
        let Some(field) = f.model_field.as_deref() else {
            return true;
        };
        let family = Language::for_path(Path::new(&f.location.path)).map(Language::family);
        family.is_none_or(|family| {
            !field
                .split(',')
                .all(|one| protected.contains(&(family, normalized_name(one))))
        })
    });
}

/// The files to scan: the tree under the roots, or the files git listed
/// (`Selection::only`), which need no walk.
fn discover_selected(options: &ScanOptions, base: &Path, rules: &Rules) -> discover::Discovery {
    let selection = &options.selection;
    // git gives absolute paths; show them relative to the scan's base like
    // a walked tree's.
    let canonical_base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    let from_base = |f: &PathBuf| {
        f.strip_prefix(&canonical_base)
            .map_or_else(|_| f.clone(), |rel| base.join(rel))
    };
    let mut discovery = match &selection.only {
        Some(only) => {
            let root = selection.root.clone().unwrap_or_else(|| base.to_path_buf());
            let files: Vec<PathBuf> = only.iter().map(from_base).collect();
            discover::discover_files(&files, &root, &rules.not_analysed)
        }
        None => discover::discover(
            &options.roots,
            options.threads.max(1),
            base,
            &rules.not_analysed,
        ),
    };
    let wanted = PathFilter::new(options, base);
    discovery
        .files
        .retain(|c| selection.includes(&c.path) && wanted.reads(&c.path));
    discovery
        .schemas
        .retain(|(p, _)| selection.includes(p) && wanted.reads(p));
    discovery
        .manifests
        .retain(|p| selection.includes(p) && wanted.reads(p));
    discovery
        .not_analysed
        .retain(|(p, _)| selection.includes(p) && wanted.reads(p));
    // Files git named but that are not read, reported as the walk reports
    // a refused file: when candor would read a file of that name.
    discovery.skipped.extend(
        selection
            .refused
            .iter()
            .map(|(path, reason)| (from_base(path), reason))
            .filter(|(p, _)| discover::read_by_name(p) && wanted.reads(p))
            .map(|(path, reason)| discover::Skipped {
                path,
                reason: reason.clone(),
            }),
    );
    discovery.skipped.sort();
    discovery
}

/// `--exclude` and `--include`: which discovered files are read at all.
struct PathFilter<'a> {
    exclude: globset::GlobSet,
    include: Option<globset::GlobSet>,
    base: &'a Path,
}

impl<'a> PathFilter<'a> {
    fn new(options: &ScanOptions, base: &'a Path) -> PathFilter<'a> {
        // The globs were checked when the flags and settings were read; a
        // glob ending in `/` names a directory and all below it.
        let set = |globs: &[String]| {
            let mut builder = globset::GlobSetBuilder::new();
            for g in globs {
                let g = match g.strip_suffix('/') {
                    Some(dir) => format!("{dir}/**"),
                    None => g.clone(),
                };
                if let Ok(glob) = globset::Glob::new(&g) {
                    builder.add(glob);
                }
            }
            builder
                .build()
                .unwrap_or_else(|_| globset::GlobSet::empty())
        };
        PathFilter {
            exclude: set(&options.exclude),
            include: (!options.include.is_empty()).then(|| set(&options.include)),
            base,
        }
    }

    fn reads(&self, path: &Path) -> bool {
        let shown = relative(path, self.base);
        !self.exclude.is_match(&shown) && self.include.as_ref().is_none_or(|i| i.is_match(&shown))
    }
}

/// What the analysis of each source file needs.
struct Analysis<'a> {
    base: &'a Path,
    rules: &'a Rules,
    classifier: &'a Classifier,
    options: &'a ScanOptions,
    cache: Option<&'a Cache>,
    shelf: &'a Shelf,
    names: &'a NamePool,
}

impl Analysis<'_> {
    /// Analyses the source files in parallel on a pool of
    /// `options.threads`, in discovery order, with a progress line for
    /// long scans.
    fn all(&self, files: &[Candidate]) -> Result<Vec<FileResult>, rayon::ThreadPoolBuildError> {
        let one = |c: &Candidate| {
            let mut result = self.one(c);
            if let Some(summary) = &mut result.summary {
                summary.stow(self.shelf);
                summary.pool_names(self.names);
            }
            result
        };
        self.each(files, |c| &c.path, one, self.options.progress)
    }

    /// Analyses the schema files in parallel, in discovery order.
    fn schemas(
        &self,
        schemas: &[(PathBuf, SchemaKind)],
    ) -> Result<Vec<FileResult>, rayon::ThreadPoolBuildError> {
        self.each(schemas, |(p, _)| p, |(p, k)| self.schema(p, *k), false)
    }

    /// `analyse` of every item on a pool of `options.threads`, each failure
    /// contained to its file (named by `path`), in order.
    fn each<T: Sync>(
        &self,
        items: &[T],
        path: impl Fn(&T) -> &PathBuf + Sync,
        analyse: impl Fn(&T) -> FileResult + Sync,
        show_progress: bool,
    ) -> Result<Vec<FileResult>, rayon::ThreadPoolBuildError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(self.options.threads.max(1))
            .stack_size(STACK_SIZE)
            .build()?;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let total = items.len();
        let finished = std::sync::atomic::AtomicBool::new(false);
        Ok(std::thread::scope(|scope| {
            if show_progress && total >= PROGRESS_MIN_FILES {
                scope.spawn(|| progress(&done, total, &finished));
            }
            let results = pool.install(|| {
                items
                    .par_iter()
                    .map(|item| {
                        let r = contain::catching(|| analyse(item)).unwrap_or_else(|message| {
                            FileResult {
                                notices: vec![internal_error(
                                    &relative(path(item), self.base),
                                    &message,
                                )],
                                ..FileResult::default()
                            }
                        });
                        done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        r
                    })
                    .collect()
            });
            finished.store(true, std::sync::atomic::Ordering::Relaxed);
            results
        }))
    }

    /// One schema file's result, from the cache when it holds one.
    fn schema(&self, path: &Path, kind: SchemaKind) -> FileResult {
        let shown = relative(path, self.base);
        let options = self.options;
        let role = options.role_of(&shown, self.rules);
        if !options.analyses(role) {
            return FileResult::left_out(role);
        }
        let Ok(bytes) = options.selection.read(path, options.max_schema_size) else {
            return FileResult {
                notices: vec![Notice {
                    path: shown,
                    kind: NoticeKind::Error,
                    message: "cannot read".into(),
                }],
                ..FileResult::default()
            };
        };
        let analyse = |bytes: &[u8]| {
            schema_content(
                &shown,
                kind,
                role,
                bytes,
                options,
                self.rules,
                self.classifier,
            )
        };
        self.cached(&shown, role, bytes, |bytes| analyse(&bytes))
    }

    /// One file's result: from the cache when it holds one for this
    /// content, else analysed (and kept in the cache).
    fn one(&self, c: &Candidate) -> FileResult {
        let path = relative(&c.path, self.base);
        let options = self.options;
        let role = options.role_of(&path, self.rules);
        if !options.analyses(role) {
            return FileResult::left_out(role);
        }
        let bytes = match options.selection.read(&c.path, options.max_file_size) {
            Ok(bytes) => bytes,
            Err(e) => {
                return FileResult {
                    notices: vec![Notice {
                        path,
                        kind: NoticeKind::Error,
                        message: format!("cannot read: {e}"),
                    }],
                    ..FileResult::default()
                };
            }
        };
        self.cached(&path, role, bytes, |bytes| {
            analyze_content(
                &path,
                c.language,
                role,
                bytes,
                self.rules,
                self.classifier,
                options,
            )
        })
    }

    /// The result for the file shown as `path` with content `bytes`: the
    /// cache's when it holds one for them, else `analyse`'s, then kept.
    fn cached(
        &self,
        path: &str,
        role: Role,
        bytes: Vec<u8>,
        analyse: impl FnOnce(Vec<u8>) -> FileResult,
    ) -> FileResult {
        let Some(cache) = self.cache else {
            return analyse(bytes);
        };
        let content = cache::content_hash(&bytes);
        let identity = Identity {
            path,
            role,
            content: &content,
        };
        if let Some(cached) = cache.get(identity) {
            return cached;
        }
        let mut result = analyse(bytes);
        cache.put(identity, &result);
        result.key = Some(identity.key());
        result
    }
}

/// Debug builds panic on the file whose path ends with
/// `CANDOR_TEST_PANIC`, so that the tests can show that a failing file
/// costs only itself.
#[cfg(debug_assertions)]
fn injected_fault(path: &str) {
    if std::env::var("CANDOR_TEST_PANIC").is_ok_and(|f| !f.is_empty() && path.ends_with(&f)) {
        panic!("fault injected by CANDOR_TEST_PANIC");
    }
}

/// The notice for the analysis of `path` failing on a bug (a contained
/// panic).
fn internal_error(path: &str, message: &str) -> Notice {
    Notice {
        path: path.to_string(),
        kind: NoticeKind::InternalError,
        message: format!(
            "internal error: {message}; not analysed (please report this with the file, or a \
             part of it that shows the error)"
        ),
    }
}

/// What the schema file shown as `shown` declares, or a notice of why it
/// could not be analysed.
fn schema_content(
    shown: &str,
    kind: SchemaKind,
    role: Role,
    bytes: &[u8],
    options: &ScanOptions,
    rules: &Rules,
    classifier: &Classifier,
) -> FileResult {
    let notice = |kind, message| Notice {
        path: shown.to_string(),
        kind,
        message,
    };
    let mut out = FileResult::default();
    let limit = (options.max_schema_size, "--max-schema-size");
    if let Some(reason) = discover::content_skip_reason(Path::new(shown), bytes, limit, None) {
        out.notices.push(notice(NoticeKind::Skipped, reason));
        return out;
    }
    let text = String::from_utf8_lossy(bytes);
    out.scanned = true;
    out.suppression_comments = suppress::mentioned_in(&text);
    out.bytes = bytes.len() as u64;
    out.lines = text.lines().count() as u64;
    // A panic is contained by the caller (see `Analysis::each`).
    match analyze_schema(shown, kind, &text, rules, classifier) {
        Ok((mut findings, notes)) => {
            findings.iter_mut().for_each(|f| f.role = role);
            out.findings = findings;
            let partial = notes.into_iter().map(|n| notice(NoticeKind::Partial, n));
            out.notices.extend(partial);
        }
        Err(e) => out.notices.push(notice(NoticeKind::Error, e.to_string())),
    }
    out
}

/// Analyses the content of the source file shown as `path` as the scan
/// does: skipped when too large, binary, generated or minified; decoded
/// leniently; not parsed at all with `--local-only` when no name in it
/// could be personal data. `role` says what code the file holds.
pub fn analyze_content(
    path: &str,
    language: Language,
    role: Role,
    bytes: Vec<u8>,
    rules: &Rules,
    classifier: &Classifier,
    options: &ScanOptions,
) -> FileResult {
    #[cfg(debug_assertions)]
    injected_fault(path);
    let mut out = FileResult::default();
    let notice = |kind, message: String| Notice {
        path: path.to_string(),
        kind,
        message,
    };
    let conventions = &rules.language(language).conventions;
    if let Some(reason) = discover::content_skip_reason(
        Path::new(path),
        &bytes,
        (options.max_file_size, "--max-file-size"),
        Some(conventions),
    ) {
        out.notices.push(notice(NoticeKind::Skipped, reason));
        return out;
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            out.notices.push(notice(
                NoticeKind::Partial,
                "not valid UTF-8; decoded lossily".into(),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    out.bytes = text.len() as u64;
    out.lines = text.lines().count() as u64;
    out.scanned = true;
    out.suppression_comments = suppress::mentioned_in(&text);
    // A file that names no personal data has no flow of its own, but its
    // functions may still carry other files' data to a sink.
    if options.flow.local_only && !classifier.may_match_text(&text) {
        return out;
    }
    match analyze_source(
        path,
        language,
        role,
        &text,
        rules,
        classifier,
        &options.flow,
    ) {
        Ok(analyzed) => {
            out.findings = analyzed.findings;
            out.summary = analyzed.summary;
            out.protected_fields = analyzed
                .protected_fields
                .into_iter()
                .map(|field| (language.family(), field))
                .collect();
            let notes = analyzed.notices;
            out.notices
                .extend(notes.into_iter().map(|n| notice(NoticeKind::Partial, n)));
        }
        Err(e) => out.notices.push(notice(NoticeKind::Error, e.to_string())),
    }
    out
}

/// The findings a schema file declares (SQL DDL, Prisma, GraphQL, protobuf,
/// HTML forms, OpenAPI, JSON Schema), and notes on what could not be
/// analysed. `path` is the path shown in findings.
pub fn analyze_schema(
    path: &str,
    kind: SchemaKind,
    text: &str,
    rules: &Rules,
    classifier: &Classifier,
) -> Result<(Vec<Finding>, Vec<String>), schemas::SchemaError> {
    if !classifier.may_match_text(text) {
        return Ok((Vec::new(), Vec::new()));
    }
    let (flows, notes) = schemas::flows(kind, Path::new(path), text, classifier)?;
    Ok((checks::findings(&flows, rules, path, text), notes))
}

/// What the analysis of one source file gives.
#[derive(Debug)]
pub struct SourceAnalysis {
    /// Flows within single functions.
    pub findings: Vec<Finding>,
    /// For the project-level join (none when local-only).
    pub summary: Option<FileSummary>,
    /// Fields the file's model hooks store hashed.
    pub protected_fields: Vec<String>,
    /// What could not be analysed.
    pub notices: Vec<String>,
}

/// Analyses one file's text. `path` is the path shown in findings; `role`
/// says what code the file holds (parts of it may be tests all the same).
pub fn analyze_source(
    path: &str,
    language: Language,
    role: Role,
    text: &str,
    rules: &Rules,
    classifier: &Classifier,
    options: &FlowOptions,
) -> Result<SourceAnalysis, frontend::FrontendError> {
    let ir = frontend::lower(language, Path::new(path), text)?;
    let budget = Steps::scaled(budget::FLOW_BASE, budget::FLOW_PER_BYTE, text.len());
    let analysis = flow::analyze(&ir, language, rules, classifier, options, budget);
    let mut notices = ir.notices;
    if analysis.over_budget {
        notices.push("analysis budget exceeded while following data; partial results".to_string());
    }
    let mut findings = if analysis.flows.is_empty() {
        Vec::new()
    } else {
        checks::findings(&analysis.flows, rules, path, text)
    };
    for f in &mut findings {
        let in_test = ir
            .tests
            .iter()
            .any(|t| (t.start_line..=t.end_line).contains(&f.location.start_line));
        f.role = if in_test { Role::Test } else { role };
    }
    Ok(SourceAnalysis {
        protected_fields: analysis.protected_fields,
        findings,
        summary: analysis
            .summary
            .map(|s| project::locate(s, path, language, role, text)),
        notices,
    })
}
