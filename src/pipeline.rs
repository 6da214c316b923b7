//! The whole scan as one library call.
//!
//! [`run`] takes the scan from the files to the report a user sees:
//! discover and analyse every file, join flows across functions and files
//! ([`crate::scan`]); judge them against the privacy manifest
//! ([`crate::policy`]); apply inline suppressions ([`crate::suppress`]), merge
//! the findings of one flow of several categories ([`model::merge`]), apply the
//! project's filters (`candor.toml`); give every finding its fingerprint,
//! apply the baseline ([`crate::baseline`]), and put the findings in their
//! one deterministic order. The command line only parses flags and renders
//! what this returns.

use std::path::{Path, PathBuf};

use crate::baseline::{Baseline, BaselineError};
use crate::config;
use crate::git::{self, GitError};
use crate::manifest;
use crate::model::{self, Role, ScanReport};
use crate::policy::Policy;
use crate::rules::Rules;
use crate::scan::{self, ScanOptions, Selection};
use crate::suppress;
use crate::text::LocatedError;
use crate::workspace::{settings_dir, settings_file, shown_from};

/// Which files of the tree to scan.
#[derive(Debug, Clone, Default)]
pub enum Files {
    /// Every file under the roots.
    #[default]
    All,
    /// The files staged for commit, as staged.
    Staged,
    /// The files changed since the merge base with a git reference, and the
    /// uncommitted ones: what a pull request changes.
    ChangedSince(String),
}

/// Which privacy manifest the flows are judged against.
#[derive(Debug, Clone, Default)]
pub enum PolicyChoice {
    /// The project's `policy` setting, else `privacy.yml` in the scanned
    /// directory or the nearest parent up to the repository root (outside
    /// a repository, in the scanned directory only).
    #[default]
    Nearest,
    /// This manifest.
    File(PathBuf),
    /// No manifest, unless the project's `policy` setting names one.
    Off,
}

/// Where the analysis cache is kept (see [`crate::cache`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum CacheChoice {
    /// No cache: every file is analysed afresh.
    #[default]
    Off,
    /// `.candor_cache` at the root of the repository the scanned directory
    /// is in (outside a repository, in the scanned directory).
    Repository,
    /// This directory.
    Dir(PathBuf),
}

/// Everything a scan needs besides the rules.
#[derive(Debug, Clone)]
pub struct Options {
    pub scan: ScanOptions,
    pub files: Files,
    pub policy: PolicyChoice,
    /// Apply inline `candor:ignore` comments (a draft manifest lists every
    /// flow, suppressed or not).
    pub suppressions: bool,
    /// The project's settings: policy, filters and internal domains.
    pub config: config::Loaded,
    /// Findings accepted in this baseline file are suppressed.
    pub baseline: Option<PathBuf>,
    /// Roles besides production whose findings are reported, with those
    /// the project's settings name (`[scan] include`).
    pub include: Vec<Role>,
    pub cache: CacheChoice,
}

impl Options {
    /// A full scan of `roots` with the nearest manifest, suppressions on,
    /// no project settings and no baseline.
    pub fn new(roots: Vec<PathBuf>) -> Options {
        Options {
            scan: ScanOptions::new(roots),
            files: Files::All,
            policy: PolicyChoice::Nearest,
            suppressions: true,
            config: config::Loaded::default(),
            baseline: None,
            include: Vec::new(),
            cache: CacheChoice::Off,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    #[error("{}: no such file or directory", .0.display())]
    NoSuchPath(PathBuf),
    #[error("--threads must be at least 1")]
    NoThreads,
    #[error(transparent)]
    Git(#[from] GitError),
    #[error(transparent)]
    Manifest(#[from] LocatedError),
    #[error(transparent)]
    Baseline(#[from] BaselineError),
    #[error(transparent)]
    Config(#[from] config::ConfigError),
    #[error("{0}")]
    Refused(String),
    #[error("{}: {}", path.display(), crate::text::io_reason(.error))]
    Read {
        path: PathBuf,
        /// Not the error's `source`: its reason is in the message.
        error: std::io::Error,
    },
    #[error("cannot start the scan: {0}")]
    ThreadPool(rayon::ThreadPoolBuildError),
}

/// Runs the scan and every step after it; the findings come back
/// fingerprinted and in their deterministic order.
pub fn run(options: &Options, rules: &Rules) -> Result<ScanReport, PipelineError> {
    let roots = &options.scan.roots;
    if let Some(missing) = roots.iter().find(|p| !p.exists()) {
        return Err(PipelineError::NoSuchPath(missing.clone()));
    }
    if options.scan.threads == 0 {
        return Err(PipelineError::NoThreads);
    }
    let settings = &options.config;
    let mut scan_options = options.scan.clone();
    scan_options
        .flow
        .internal_domains
        .extend(settings.config.internal_domains.iter().cloned());
    scan_options.roles = settings.role_overrides();
    // Code whose findings would be left out is not analysed at all.
    scan_options.analysed_roles = Role::ALL
        .into_iter()
        .filter(|r| {
            r.is_production()
                || options.include.contains(r)
                || settings.config.scan.include.contains(r)
        })
        .collect();
    // candor.toml's `exclude` keeps files from being read at all, as
    // `--exclude` does; its findings filter below stays for files read
    // through other roots.
    scan_options
        .exclude
        .extend(settings.config.exclude.iter().cloned());
    let largest = scan_options.max_file_size.max(scan_options.max_schema_size);
    if let Some(selection) = select(&options.files, roots, largest)? {
        scan_options.selection = selection;
    }
    scan_options.cache = cache_dir(&options.cache, roots);
    // The manifest is validated before the scan so that a bad one fails fast.
    let manifest = match manifest_path(options)? {
        Some(path) => {
            let manifest = manifest::load(&path, rules)?;
            let text = read(&path)?;
            Some((path, manifest, text))
        }
        None => None,
    };
    let mut report = scan::scan(&scan_options, rules).map_err(PipelineError::ThreadPool)?;
    if let Some((path, manifest, text)) = &manifest {
        let shown = shown_from(path, &report.base);
        let policy = Policy {
            manifest,
            text,
            path: &shown,
            rules,
            root: Some(&report.base),
            sources: Default::default(),
            code: Default::default(),
            partial: !matches!(options.files, Files::All)
                || !options.scan.exclude.is_empty()
                || !options.scan.include.is_empty()
                || !covers_project(roots, &project_dir(options, path)),
        };
        report.findings = policy.apply(std::mem::take(&mut report.findings));
        report.policy = Some(model::PolicyCheck {
            promises: policy.promises(),
            contradictions: manifest::contradictions::find_all(&shown, text, manifest, rules)
                .iter()
                .map(ToString::to_string)
                .collect(),
            path: shown,
            manifest: manifest.clone(),
        });
    }
    if options.suppressions {
        let without = std::mem::take(&mut report.without_suppressions);
        let base = &report.base;
        let selection = &scan_options.selection;
        // The text the scan read (the staged one for `--staged`), of the
        // files whose text held a comment or that the scan did not read.
        suppress::apply(&mut report.findings, |path| {
            if without.contains(path) {
                return None;
            }
            let bytes = selection.read(&base.join(path), crate::files::MAX_SETTINGS_FILE);
            bytes.and_then(crate::files::settings_text).ok()
        });
    }
    report.findings = model::merge(std::mem::take(&mut report.findings));
    filter(&mut report, settings);
    leave_out_roles(&mut report, &options.include, &settings.config.scan.include);
    // In order first: fingerprints count identical findings in that order,
    // and on sorted findings both passes over the order are linear.
    model::sort(&mut report.findings);
    model::fingerprint(&mut report.findings);
    if let Some(path) = &options.baseline {
        let baseline = Baseline::load(path)?;
        let text = read(path)?;
        let before_stale = report.findings.len();
        baseline.apply(&mut report.findings, &shown_from(path, &report.base), &text);
        // Entries that match nothing are new findings of their own.
        model::fingerprint(&mut report.findings[before_stale..]);
    }
    model::sort(&mut report.findings);
    report.config = settings.file.as_ref().map(|f| shown_from(f, &report.base));
    report.commit = git::head_commit(&report.base);
    Ok(report)
}

/// The analysis cache's directory for a scan of `roots`, if any.
fn cache_dir(choice: &CacheChoice, roots: &[PathBuf]) -> Option<PathBuf> {
    match choice {
        CacheChoice::Off => None,
        CacheChoice::Dir(dir) => Some(dir.clone()),
        CacheChoice::Repository => {
            let base = crate::workspace::base_dir(roots);
            let top = crate::workspace::repository_root(&base).unwrap_or(base);
            Some(top.join(crate::cache::DIR_NAME))
        }
    }
}

/// The project a manifest speaks for: the directory of the `candor.toml`
/// that names it, else the manifest's own directory.
fn project_dir(options: &Options, manifest: &Path) -> PathBuf {
    let settings = &options.config;
    match (&settings.file, &settings.config.policy) {
        (Some(_), Some(_)) => settings.dir.clone(),
        _ => manifest
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
    }
}

/// Whether one of the scanned directories holds the whole project: then a
/// declaration no code exercises is worth a note.
fn covers_project(roots: &[PathBuf], project: &Path) -> bool {
    roots
        .iter()
        .any(|r| r.is_dir() && crate::workspace::within(project, r))
}

/// The files git names for `files` that lie in the scanned paths, with
/// their staged content for [`Files::Staged`] (at most `limit + 1` bytes of
/// each, [`crate::dependencies::MAX_MANIFEST_FILE`] of a dependency manifest);
/// `None` for every file under the roots.
fn select(files: &Files, roots: &[PathBuf], limit: u64) -> Result<Option<Selection>, GitError> {
    if let Files::All = files {
        return Ok(None);
    }
    let start = roots
        .first()
        .map(PathBuf::as_path)
        .unwrap_or(Path::new("."));
    let start = if start.is_dir() {
        start
    } else {
        start
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    let repo = git::Repo::open(start)?;
    let listed = match files {
        Files::ChangedSince(reference) => repo.changed_since(reference)?,
        _ => repo.staged(&|path: &Path| {
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if crate::dependencies::is_dependency_manifest(name) {
                crate::dependencies::MAX_MANIFEST_FILE
            } else {
                limit
            }
        })?,
    };
    // git names the files of the whole repository: only those in a scanned
    // directory, or a scanned file, are kept (resolved as git's are).
    let bounds: Vec<PathBuf> = roots
        .iter()
        .map(|r| {
            if r.is_dir() {
                std::fs::canonicalize(r).unwrap_or_else(|_| r.clone())
            } else {
                crate::files::resolve_directories(r)
            }
        })
        .collect();
    let inside = |p: &Path| bounds.iter().any(|b| p.starts_with(b));
    let mut contents = listed.contents;
    contents.retain(|p, _| inside(p));
    Ok(Some(Selection {
        only: Some(listed.files.into_iter().filter(|p| inside(p)).collect()),
        root: Some(repo.top().to_path_buf()),
        contents,
        refused: listed
            .refused
            .into_iter()
            .filter(|(p, _)| inside(p))
            .collect(),
    }))
}

/// The manifest to judge against, if any.
fn manifest_path(options: &Options) -> Result<Option<PathBuf>, PipelineError> {
    let configured = options.config.policy()?;
    Ok(match &options.policy {
        PolicyChoice::File(path) => Some(path.clone()),
        PolicyChoice::Off => configured,
        PolicyChoice::Nearest => match configured {
            Some(path) => Some(path),
            None => settings_file(&settings_dir(&options.scan.roots), "privacy.yml")
                .map_err(PipelineError::Refused)?,
        },
    })
}

/// Drops the findings and notices the project's settings leave out: checks
/// not enabled or disabled, and excluded paths.
fn filter(report: &mut ScanReport, settings: &config::Loaded) {
    let (enabled, disabled) = (
        &settings.config.rules.enable,
        &settings.config.rules.disable,
    );
    report.findings.retain(|f| {
        (enabled.is_empty() || enabled.iter().any(|e| e == f.rule_id))
            && !disabled.iter().any(|d| d == f.rule_id)
            && !settings.excludes(&f.location.path)
    });
    report.notices.retain(|n| !settings.excludes(&n.path));
}

/// Drops the findings in code that is not production (tests, examples,
/// seeds, ...) unless its role is included, and counts them by role.
fn leave_out_roles(report: &mut ScanReport, included: &[Role], configured: &[Role]) {
    let left_out = &mut report.stats.findings_left_out;
    report.findings.retain(|f| {
        let reported =
            f.role.is_production() || included.contains(&f.role) || configured.contains(&f.role);
        if !reported {
            *left_out.entry(f.role).or_default() += 1;
        }
        reported
    });
}

fn read(path: &Path) -> Result<String, PipelineError> {
    crate::files::read_settings(path).map_err(|error| PipelineError::Read {
        path: path.to_path_buf(),
        error,
    })
}
