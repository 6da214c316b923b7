//! The command line's flags and subcommands, and how the scan flags become
//! the pipeline's options. `src/main.rs` runs the commands.

use std::io::IsTerminal;
use std::path::PathBuf;

use thiserror::Error;

use clap::{Parser, Subcommand, ValueEnum};

use crate::config;
use crate::emit::Format;
use crate::model::{Level, Role};
use crate::pipeline::{self, CacheChoice, Files, PolicyChoice};
use crate::scan::{DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_SCHEMA_SIZE};

#[derive(Parser)]
#[command(name = "candor", version, about = "Checks that a codebase does what its privacy policy says", long_about = None)]
pub struct Cli {
    /// Add the rule files of this directory to the built-in ones (a file
    /// at a built-in file's path replaces it); repeatable.
    #[arg(long, global = true, value_name = "DIR")]
    pub rules: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Find personal data collected, stored, logged and shared.
    Scan(ScanArgs),
    /// Explain which data category names get, and why.
    Classify {
        /// Identifiers to classify (`shoujiHao`, `user_email`, `email_template_id`).
        #[arg(required = true)]
        names: Vec<String>,
        /// The object or class the names belong to (`user`, `product`).
        #[arg(long)]
        owner: Option<String>,
    },
    /// Draft a privacy manifest to review from what the code does: risky
    /// flows are TODO comments, never promises.
    Init {
        /// The directory to scan.
        #[arg(default_value = ".")]
        path: PathBuf,
        /// Where to write the draft (default: `privacy.yml` in PATH).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
    },
    /// Accept today's findings in a baseline file, or drop its stale entries.
    Baseline {
        #[arg(value_enum)]
        action: BaselineAction,
        /// The baseline file (default: `candor-baseline.yml` in the scanned
        /// directory); `-o`/`--output` name it too.
        #[arg(long, short = 'o', visible_alias = "output")]
        file: Option<PathBuf>,
        /// With `create`: replace an existing baseline, accepting every
        /// finding of today (reviewers' reasons are reset).
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        target: Target,
    },
    /// Reports for privacy officers, from a scan.
    Report {
        #[command(subcommand)]
        kind: ReportKind,
    },
    /// Validate a privacy manifest without scanning, and report its
    /// contradictions (exit code 1 when it has any).
    CheckManifest {
        /// The manifest (`privacy.yml`).
        file: PathBuf,
    },
    /// Print the JSON Schema of the privacy manifest format.
    ManifestSchema,
    /// Read a privacy policy text: draft a manifest from it, or compare it
    /// with what the code does.
    Policy {
        #[command(subcommand)]
        action: PolicyAction,
    },
    /// List the checks, data categories, sinks, sources and recipients.
    Rules {
        /// Print the checks' reference as Markdown (docs/rules.md).
        #[arg(long)]
        markdown: bool,
        /// List data categories.
        #[arg(long)]
        categories: bool,
        /// List sinks and sources.
        #[arg(long)]
        sinks: bool,
        /// List third-party recipients.
        #[arg(long)]
        recipients: bool,
        /// Everything, as JSON.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
    },
    /// Explain a check: what it finds, why it matters, how to fix it.
    Explain {
        /// The check (`candor rules` lists them).
        rule: String,
    },
    /// Print a shell completion script (`candor completions bash >
    /// /etc/bash_completion.d/candor`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page, in roff (`candor man | man -l -`).
    Man,
}

/// What to scan and how: the flags every command that scans shares.
#[derive(clap::Args)]
pub struct Target {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Skip source files larger than this many bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_FILE_SIZE, value_name = "BYTES")]
    pub max_file_size: u64,
    /// Skip schema files (SQL, GraphQL, OpenAPI, ...) larger than this many
    /// bytes.
    #[arg(long, default_value_t = DEFAULT_MAX_SCHEMA_SIZE, value_name = "BYTES")]
    pub max_schema_size: u64,
    /// A domain that belongs to the system, not a third party (repeatable).
    #[arg(long = "internal-domain", value_name = "DOMAIN")]
    pub internal_domains: Vec<String>,
    /// Follow data only within each function, not through calls to the
    /// project's other functions and files (faster, finds less).
    #[arg(long)]
    pub local_only: bool,
    /// The privacy manifest to check flows against (default: `privacy.yml`
    /// in the scanned directory or the nearest parent up to the repository
    /// root; outside a git repository, in the scanned directory only).
    #[arg(long, value_name = "FILE")]
    pub policy: Option<PathBuf>,
    /// Scan only the files staged for commit, as staged (not as in the
    /// working tree).
    #[arg(long, conflicts_with = "changed_since")]
    pub staged: bool,
    /// Scan only the files changed since the merge base with this git
    /// reference (and uncommitted ones): what a pull request changes.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Report only findings not accepted in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Scan without a manifest even if `privacy.yml` exists.
    #[arg(long, conflicts_with = "policy")]
    pub no_policy: bool,
    /// Also analyse and report code that is not production: tests,
    /// fixtures, examples, seed-data scripts, migrations and benchmarks
    /// (not analysed by default; see docs/file-roles.md).
    #[arg(long)]
    pub include_tests: bool,
    /// Do not read files whose path (from the scanned directory) matches
    /// this glob (`tests/**`, `*.min.js`); repeatable, added to
    /// candor.toml's `exclude`.
    #[arg(long, value_name = "GLOB", value_parser = glob)]
    pub exclude: Vec<String>,
    /// Keep the analysis cache in this directory (default: `.candor_cache`
    /// at the repository root, or the `CANDOR_CACHE_DIR` environment
    /// variable).
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache_dir: Option<PathBuf>,
    /// Analyse every file afresh, without reading or writing the cache.
    #[arg(long)]
    pub no_cache: bool,
    /// Read only files whose path matches one of these globs; repeatable.
    #[arg(long, value_name = "GLOB", value_parser = glob)]
    pub include: Vec<String>,
    /// Report only these checks (comma-separated or repeated).
    #[arg(long, value_name = "CHECK", value_delimiter = ',', value_parser = check)]
    pub select: Vec<String>,
    /// Do not report these checks (comma-separated or repeated).
    #[arg(long, value_name = "CHECK", value_delimiter = ',', value_parser = check)]
    pub ignore: Vec<String>,
    /// The project settings file (default: `candor.toml` in the scanned
    /// directory or the nearest parent up to the repository root; outside
    /// a git repository, in the scanned directory only).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

/// A glob flag, checked when the command line is read.
fn glob(value: &str) -> Result<String, String> {
    globset::Glob::new(value)
        .map(|_| value.to_string())
        .map_err(|e| format!("not a glob: {e}"))
}

/// A check flag: a known check id, or the closest one suggested.
fn check(value: &str) -> Result<String, String> {
    if crate::checks::by_id(value).is_some() {
        return Ok(value.to_string());
    }
    Err(format!(
        "unknown check; {}",
        crate::checks::unknown_hint(value)
    ))
}

#[derive(clap::Args)]
pub struct ScanArgs {
    #[command(flatten)]
    pub target: Target,
    /// The report's format (default: from the `-o` file's extension, else
    /// text).
    #[arg(long, short, value_enum)]
    pub format: Option<Format>,
    /// Write the report to this file instead of standard output. Repeat it
    /// for several formats from one scan; each file's format comes from its
    /// extension (`.sarif`, `.json`, `.html`, `.csv`, `.md`, `.txt`) or a
    /// `FORMAT:` prefix (`-o markdown:$GITHUB_STEP_SUMMARY`).
    #[arg(long, short, value_name = "FILE")]
    pub output: Vec<String>,
    /// Exit with 1 when a finding is at or above this level (default:
    /// `fail_on` in candor.toml, else error).
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value = "auto")]
    pub color: Color,
    /// Same as `--color never`.
    #[arg(long)]
    pub no_color: bool,
    /// Text output: only the findings, no notices or summary; no progress.
    #[arg(long, short)]
    pub quiet: bool,
    /// Text output: list findings at or above this level (default:
    /// warning; the summary counts the notes). Other formats keep every
    /// finding.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_level: Option<MinLevel>,
}

/// The least level the terminal lists.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinLevel {
    Error,
    Warning,
    Note,
}

impl MinLevel {
    pub fn level(self) -> Level {
        match self {
            MinLevel::Error => Level::Error,
            MinLevel::Warning => Level::Warning,
            MinLevel::Note => Level::Note,
        }
    }
}

/// `candor report ropa`'s formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RopaFormat {
    Markdown,
    Csv,
}

#[derive(Subcommand)]
pub enum ReportKind {
    /// A record of processing activities (GDPR art. 30, PIPL): per data
    /// category, its purposes, recipients and regions, storage, retention
    /// and the code that shows it.
    Ropa {
        #[command(flatten)]
        target: Target,
        #[arg(long, short, value_enum, default_value = "markdown")]
        format: RopaFormat,
        /// Write the record to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
// A command line is parsed once; boxing `Target` would only obscure it.
#[allow(clippy::large_enum_variant)]
pub enum PolicyAction {
    /// Draft a `privacy.yml` from a policy text (`.txt`, `.md`, `.html`;
    /// English or Chinese): every declaration cites the sentence it comes
    /// from, and what the text leaves open is listed for the reviewer.
    Draft {
        /// The policy text.
        #[arg(id = "policy_text", value_name = "POLICY")]
        policy: PathBuf,
        /// Write the draft to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Overwrite an existing output file.
        #[arg(long)]
        force: bool,
        /// `yaml`: the manifest; `json`: every statement read, with its
        /// evidence, and the gaps.
        #[arg(long, short, value_enum, default_value = "yaml")]
        format: DraftFormat,
    },
    /// What the code does that the policy text never mentions, and what the
    /// text promises that the manifest cannot check yet (exit code 1 when
    /// the code does something the text does not mention).
    Diff {
        /// The policy text (its own argument: `--policy` names a manifest).
        #[arg(id = "policy_text", value_name = "POLICY")]
        policy: PathBuf,
        #[command(flatten)]
        target: Target,
        #[arg(long, short, value_enum, default_value = "text")]
        format: DiffFormat,
    },
}

/// `candor policy draft`'s formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DraftFormat {
    /// The draft manifest.
    Yaml,
    /// Every statement read, with its evidence, and the gaps.
    Json,
}

/// `candor policy diff`'s formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BaselineAction {
    /// Write a baseline accepting every finding of today (refuses to
    /// overwrite one without --force).
    Create,
    /// Drop the entries of an existing baseline that match no finding any
    /// more, keeping the others and their reasons; accepts nothing new.
    Update,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

impl FailOn {
    /// The least level that fails the run; `None` for `never`.
    pub fn threshold(self) -> Option<Level> {
        match self {
            FailOn::Error => Some(Level::Error),
            FailOn::Warning => Some(Level::Warning),
            FailOn::Note => Some(Level::Note),
            FailOn::Never => None,
        }
    }

    /// The `fail_on` setting of `candor.toml`, validated when it was loaded.
    pub fn from_setting(setting: &str) -> FailOn {
        match setting {
            "warning" => FailOn::Warning,
            "note" => FailOn::Note,
            "never" => FailOn::Never,
            _ => FailOn::Error,
        }
    }
}

/// Where one report goes, in which format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    pub format: Format,
    /// `None` for standard output.
    pub path: Option<PathBuf>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum OutputError {
    #[error(
        "-o {0}: cannot tell the format from the file name; name it `.sarif`, `.json`, \
         `.html`, `.csv`, `.md` or `.txt`, or write `FORMAT:{0}` (formats: {1})"
    )]
    UnknownFormat(String, String),
    #[error(
        "--format applies to one report; with several -o files, give each its format by \
         its extension or a `FORMAT:` prefix"
    )]
    FormatWithSeveral,
    #[error("-o {0} is given twice")]
    Duplicate(String),
    #[error("-o {0} names the format {1}, but --format says {2}; give one of them")]
    Conflict(String, &'static str, &'static str),
}

impl ScanArgs {
    /// The reports to write: one per `-o` (its format from `--format` when
    /// there is one file, else from its prefix or extension), or one on
    /// standard output.
    pub fn outputs(&self) -> Result<Vec<Output>, OutputError> {
        let names = || {
            Format::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.output.is_empty() {
            return Ok(vec![Output {
                format: self.format.unwrap_or(Format::Text),
                path: None,
            }]);
        }
        if self.output.len() > 1 && self.format.is_some() {
            return Err(OutputError::FormatWithSeveral);
        }
        let mut out: Vec<Output> = Vec::new();
        for given in &self.output {
            let prefixed = given.split_once(':').and_then(|(prefix, path)| {
                let format = Format::ALL.into_iter().find(|f| f.name() == prefix)?;
                Some((format, path))
            });
            let (format, path) = match prefixed {
                Some((format, _)) if self.format.is_some_and(|f| f != format) => {
                    let given_format = self.format.map_or("", Format::name);
                    return Err(OutputError::Conflict(
                        given.clone(),
                        format.name(),
                        given_format,
                    ));
                }
                Some((format, path)) => (format, path),
                None => {
                    let format = self.format.or_else(|| Format::from_file_name(given));
                    let format = match format {
                        Some(f) => f,
                        // One file of no known kind: text, as before formats
                        // were read off names.
                        None if self.output.len() == 1 => Format::Text,
                        None => return Err(OutputError::UnknownFormat(given.clone(), names())),
                    };
                    (format, given.as_str())
                }
            };
            let path = PathBuf::from(path);
            let same = |other: &PathBuf| same_file_name(other, &path);
            if out.iter().any(|o| o.path.as_ref().is_some_and(same)) {
                return Err(OutputError::Duplicate(given.clone()));
            }
            out.push(Output {
                format,
                path: Some(path),
            });
        }
        Ok(out)
    }
}

/// Whether two paths name one file: compared absolute, with `.` and `..`
/// resolved (through what exists, so that a link to a directory counts).
fn same_file_name(a: &std::path::Path, b: &std::path::Path) -> bool {
    let resolve = |p: &std::path::Path| {
        let absolute = std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        match (absolute.parent(), absolute.file_name()) {
            (Some(dir), Some(name)) => std::fs::canonicalize(dir)
                .map(|d| d.join(name))
                .unwrap_or(absolute.clone()),
            _ => absolute,
        }
    };
    resolve(a) == resolve(b)
}

/// The settings files whose change changes the verdict on every file.
const SETTINGS_FILES: [&str; 2] = ["privacy.yml", "candor.toml"];

/// The paths to scan: as given, unless one is a project's manifest or
/// settings file (a hook passes the files a commit changes), whose change
/// is checked against the whole project: its directory.
fn widened(paths: &[PathBuf]) -> Vec<PathBuf> {
    let settings: Vec<PathBuf> = paths
        .iter()
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .is_some_and(|n| SETTINGS_FILES.iter().any(|s| n == *s))
        })
        .map(|p| {
            let dir = match p.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
                _ => PathBuf::from("."),
            };
            // The project is the repository: a manifest kept in `docs/`
            // judges the code beside it.
            crate::workspace::repository_root(&dir).unwrap_or(dir)
        })
        .collect();
    if settings.is_empty() {
        return paths.to_vec();
    }
    let mut roots: Vec<PathBuf> = paths
        .iter()
        .filter(|p| {
            !SETTINGS_FILES
                .iter()
                .any(|s| p.file_name().is_some_and(|n| n == *s))
        })
        .cloned()
        .chain(settings)
        .collect();
    roots.sort();
    roots.dedup();
    // A root inside another, or the same one written twice (`.` and its
    // absolute path), is scanned once.
    let resolved: Vec<PathBuf> = roots
        .iter()
        .map(|r| std::fs::canonicalize(r).unwrap_or_else(|_| r.clone()))
        .collect();
    let kept = (0..roots.len()).filter(|&i| {
        !resolved.iter().enumerate().any(|(j, other)| {
            j != i && resolved[i].starts_with(other) && (resolved[i] != *other || j < i)
        })
    });
    kept.map(|i| roots[i].clone()).collect()
}

impl Target {
    /// `--no-cache`, else `--cache-dir`, else `CANDOR_CACHE_DIR` (empty
    /// for none), else the repository's cache.
    fn cache_choice(&self) -> CacheChoice {
        if self.no_cache {
            return CacheChoice::Off;
        }
        if let Some(dir) = &self.cache_dir {
            return CacheChoice::Dir(dir.clone());
        }
        match std::env::var_os(crate::cache::DIR_VARIABLE) {
            Some(dir) if dir.is_empty() => CacheChoice::Off,
            Some(dir) => CacheChoice::Dir(PathBuf::from(dir)),
            None => CacheChoice::Repository,
        }
    }

    /// The pipeline's options from the scan flags and the project's
    /// settings; `progress` shows a progress line on a terminal.
    pub fn pipeline_options(&self, config: config::Loaded, progress: bool) -> pipeline::Options {
        let mut options = pipeline::Options::new(widened(&self.paths));
        let scan = &mut options.scan;
        if let Some(threads) = self.threads {
            scan.threads = threads;
        }
        scan.max_file_size = self.max_file_size;
        scan.max_schema_size = self.max_schema_size;
        scan.flow.internal_domains = self.internal_domains.clone();
        scan.flow.local_only = self.local_only;
        scan.progress = progress && std::io::stderr().is_terminal();
        options.files = match (&self.changed_since, self.staged) {
            (_, true) => Files::Staged,
            (Some(reference), false) => Files::ChangedSince(reference.clone()),
            (None, false) => Files::All,
        };
        options.policy = match (&self.policy, self.no_policy) {
            (Some(path), _) => PolicyChoice::File(path.clone()),
            (None, true) => PolicyChoice::Off,
            (None, false) => PolicyChoice::Nearest,
        };
        options.baseline = self.baseline.clone();
        options.cache = self.cache_choice();
        options.scan.exclude = self.exclude.clone();
        options.scan.include = self.include.clone();
        if self.include_tests {
            options.include = Role::ALL.to_vec();
        }
        options.config = config;
        // `--select` replaces candor.toml's `enable`; `--ignore` adds to
        // its `disable`.
        let rules = &mut options.config.config.rules;
        if !self.select.is_empty() {
            rules.enable = self.select.clone();
        }
        rules.disable.extend(self.ignore.iter().cloned());
        options
    }
}
