//! The `candor` command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};

use candor::checks::{self, Level};
use candor::classify::{Classifier, Verdict, tokens};
use candor::emit::{self, Format};
use candor::flow::FlowOptions;
use candor::rules::Rules;
use candor::scan::{self, ScanOptions};

#[derive(Parser)]
#[command(name = "candor", version, about = "Checks that a codebase does what its privacy policy says", long_about = None)]
struct Cli {
    /// Load rules from this directory instead of the built-in ones.
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
    /// Draft a privacy manifest from what the code does.
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
    /// Accept today's findings: write or refresh a baseline file.
    Baseline {
        #[arg(value_enum)]
        action: BaselineAction,
        /// The baseline file (default: `candor-baseline.yml` in the scanned directory).
        #[arg(long)]
        file: Option<PathBuf>,
        #[command(flatten)]
        scan: ScanArgs,
    },
    /// Validate a privacy manifest without scanning.
    CheckManifest {
        /// The manifest (`privacy.yml`).
        file: PathBuf,
    },
    /// Print the JSON Schema of the privacy manifest format.
    ManifestSchema,
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
    },
}

#[derive(clap::Args)]
struct ScanArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, short, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    threads: Option<usize>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    max_file_size: u64,
    /// A domain that belongs to the system, not a third party (repeatable).
    #[arg(long = "internal-domain", value_name = "DOMAIN")]
    internal_domains: Vec<String>,
    /// Follow data only within each function, not through calls to the
    /// project's other functions and files (faster, finds less).
    #[arg(long)]
    local_only: bool,
    /// The privacy manifest to check flows against (default: `privacy.yml`
    /// in the scanned directory, if there is one).
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
    /// Scan only the files staged for commit, as staged (not as in the
    /// working tree).
    #[arg(long, conflicts_with = "changed_since")]
    staged: bool,
    /// Scan only the files changed since the merge base with this git
    /// reference (and uncommitted ones): what a pull request changes.
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
    /// Report only findings not accepted in this baseline file.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Scan without a manifest even if `privacy.yml` exists.
    #[arg(long, conflicts_with = "policy")]
    no_policy: bool,
    /// Exit with 1 when a finding is at or above this level (default:
    /// `fail_on` in candor.toml, else error).
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    #[arg(long, value_enum, default_value = "auto")]
    color: Color,
    /// Same as `--color never`.
    #[arg(long)]
    no_color: bool,
    /// Text output: only the findings, no notices or summary; no progress.
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum BaselineAction {
    /// Write a new baseline (refuses to overwrite one).
    Create,
    /// Rewrite an existing baseline from today's findings, dropping stale entries.
    Update,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Note,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_rules(dir: Option<&Path>) -> Result<Rules> {
    Ok(match dir {
        Some(d) => Rules::from_dir(d)?,
        None => Rules::embedded()?,
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    let rules = load_rules(cli.rules.as_deref())?;
    match cli.command {
        Command::Scan(args) => scan_command(args, &rules),
        Command::Classify { names, owner } => {
            let classifier = Classifier::new(&rules);
            let mut out = String::new();
            for name in names {
                out.push_str(&explain(&rules, &classifier, &name, owner.as_deref()));
            }
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Init {
            path,
            output,
            force,
        } => {
            let target = output.unwrap_or_else(|| path.join("privacy.yml"));
            if target.exists() && !force {
                bail!(
                    "{} already exists; pass --force to overwrite it",
                    target.display()
                );
            }
            if !path.is_dir() {
                bail!("{}: not a directory", path.display());
            }
            let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
            let options = ScanOptions {
                roots: vec![path.clone()],
                threads,
                max_file_size: 1 << 20,
                flow: FlowOptions::default(),
                selection: Default::default(),
                progress: false,
            };
            let report = scan::scan(&options, &rules).context("cannot start the scan")?;
            let text = candor::manifest::draft::draft(&report.findings, &rules);
            write_atomically(&target, text.as_bytes())?;
            eprintln!(
                "wrote {}: review it, fill in the purposes, then run `candor check-manifest {}`",
                target.display(),
                target.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Baseline {
            action,
            file,
            scan: args,
        } => {
            let target =
                file.unwrap_or_else(|| scan::base_dir(&args.paths).join("candor-baseline.yml"));
            match (action, target.exists()) {
                (BaselineAction::Create, true) => bail!(
                    "{} already exists; use `candor baseline update` to refresh it",
                    target.display()
                ),
                (BaselineAction::Update, false) => bail!(
                    "{} does not exist; use `candor baseline create`",
                    target.display()
                ),
                _ => {}
            }
            let config = load_config(&args)?;
            let report = collect(&args, &rules, &config)?;
            let baseline = candor::baseline::Baseline::from_findings(&report.findings);
            write_atomically(&target, baseline.to_yaml().as_bytes())?;
            eprintln!(
                "wrote {} with {} accepted findings",
                target.display(),
                baseline.findings.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckManifest { file } => {
            let m = candor::manifest::load(&file, &rules)?;
            let recipients = match &m.recipients {
                Some(r) if r.is_empty() => "shares with no one".to_string(),
                Some(r) => format!("{} recipients", r.len()),
                None => "recipients not declared".to_string(),
            };
            println!(
                "{}: valid manifest ({} data categories, {recipients})",
                file.display(),
                m.data.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::ManifestSchema => {
            print!("{}", candor::manifest::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            markdown,
            categories,
            sinks,
            recipients,
        } => {
            let all = !(markdown || categories || sinks || recipients);
            let mut out = String::new();
            if markdown {
                out.push_str(&checks::reference_markdown());
            }
            if all {
                out.push_str("checks:\n");
                for r in checks::ALL {
                    out.push_str(&format!(
                        "  {:30} {:7} {}\n",
                        r.id,
                        r.level.name(),
                        r.short_description
                    ));
                }
            }
            if categories || all {
                out.push_str(&format!("categories ({}):\n", rules.categories.len()));
                for c in &rules.categories {
                    let flags = [
                        (c.sensitive, "sensitive"),
                        (c.secret, "secret"),
                        (c.extension, "extension"),
                    ]
                    .iter()
                    .filter(|(on, _)| *on)
                    .map(|(_, n)| *n)
                    .collect::<Vec<_>>()
                    .join(",");
                    out.push_str(&format!("  {:55} {:22} {}\n", c.key, flags, c.name));
                }
            }
            if sinks || all {
                out.push_str(&format!("sinks ({}):\n", rules.sinks.len()));
                for s in &rules.sinks {
                    let to = s
                        .spec
                        .recipient
                        .clone()
                        .or(s.spec.http.as_ref().map(|_| "http".into()))
                        .unwrap_or_default();
                    out.push_str(&format!(
                        "  {:32} {:10} {:9} {:14} {}\n",
                        s.spec.id,
                        s.language.name(),
                        s.spec.kind.name(),
                        to,
                        s.spec.name
                    ));
                }
                out.push_str(&format!("sources ({}):\n", rules.sources.len()));
                for s in &rules.sources {
                    out.push_str(&format!("  {:32} {}\n", s.id, s.name));
                }
            }
            if recipients || all {
                out.push_str(&format!("recipients ({}):\n", rules.recipients.len()));
                for r in &rules.recipients {
                    out.push_str(&format!(
                        "  {:20} {:16} {:4} {}\n",
                        r.id, r.service, r.region, r.name
                    ));
                }
            }
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn explain(rules: &Rules, classifier: &Classifier, name: &str, owner: Option<&str>) -> String {
    let toks = tokens(name);
    let shown = match owner {
        Some(o) => format!("{o}.{name}"),
        None => name.to_string(),
    };
    let mut verdict = classifier.classify(name, owner);
    let mut via_getter = false;
    if verdict == Verdict::NoMatch {
        let g = classifier.classify_getter(name, owner);
        if g != Verdict::NoMatch {
            verdict = g;
            via_getter = true;
        }
    }
    let getter = if via_getter {
        " (read by a getter)"
    } else {
        ""
    };
    let body = match verdict {
        Verdict::Category { id, pattern } => {
            let c = rules.category(id);
            let sens = if c.sensitive {
                format!(" — sensitive ({})", c.regulations.join(", "))
            } else {
                String::new()
            };
            format!(
                "{}{sens}\n  {}: matched pattern `{pattern}`{getter}",
                c.key, c.name
            )
        }
        Verdict::Rejected {
            id,
            pattern,
            reason,
        } => {
            format!(
                "not personal data\n  matched `{pattern}` ({}){getter}, but {reason}",
                rules.category(id).key
            )
        }
        Verdict::Constant => {
            "not personal data\n  an upper-case constant names configuration, not data".to_string()
        }
        Verdict::NoMatch => "not personal data\n  no category pattern matches".to_string(),
    };
    let constant = if candor::classify::is_constant_name(name) {
        "\n  note: as a variable or field, an upper-case name is a constant and never data"
    } else {
        ""
    };
    format!(
        "{shown}: {body}\n  tokens: [{}]{constant}\n",
        toks.join(", ")
    )
}

/// The project's candor.toml, if there is one.
fn load_config(args: &ScanArgs) -> Result<candor::config::Loaded> {
    Ok(match candor::config::find(&scan::base_dir(&args.paths)) {
        Some(path) => candor::config::load(&path)?,
        None => candor::config::Loaded::default(),
    })
}

fn scan_command(args: ScanArgs, rules: &Rules) -> Result<ExitCode> {
    let config = load_config(&args)?;
    let extended;
    let rules = if config.config.rule_dirs.is_empty() {
        rules
    } else {
        let dirs: Vec<PathBuf> = config
            .config
            .rule_dirs
            .iter()
            .map(|d| config.dir.join(d))
            .collect();
        extended = Rules::embedded_with(&dirs)?;
        &extended
    };
    let mut report = collect(&args, rules, &config)?;
    if let Some(path) = &args.baseline {
        let baseline = candor::baseline::Baseline::load(path)?;
        let text = std::fs::read_to_string(path)?;
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let shown = scan::relative(&canonical(path), &canonical(&report.base));
        baseline.apply(&mut report.findings, &shown, &text);
    }
    let fail_on = args.fail_on.or(match config.config.fail_on.as_deref() {
        Some("warning") => Some(FailOn::Warning),
        Some("note") => Some(FailOn::Note),
        Some("never") => Some(FailOn::Never),
        Some(_) => Some(FailOn::Error),
        None => None,
    });
    render(&args, &report, fail_on.unwrap_or(FailOn::Error))
}

/// Scans, judges against the manifest and applies inline suppressions.
fn collect(
    args: &ScanArgs,
    rules: &Rules,
    config: &candor::config::Loaded,
) -> Result<scan::ScanReport> {
    for p in &args.paths {
        if !p.exists() {
            bail!("{}: no such file or directory", p.display());
        }
    }
    let threads = args
        .threads
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if threads == 0 {
        bail!("--threads must be at least 1");
    }
    let mut options = ScanOptions {
        roots: args.paths.clone(),
        threads,
        max_file_size: args.max_file_size,
        flow: FlowOptions {
            internal_domains: args
                .internal_domains
                .iter()
                .chain(&config.config.internal_domains)
                .cloned()
                .collect(),
            local_only: args.local_only,
        },
        selection: Default::default(),
        progress: !args.quiet && std::io::stderr().is_terminal(),
    };
    if args.staged || args.changed_since.is_some() {
        let start = args
            .paths
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
        let top = candor::git::toplevel(start)?;
        let files: Vec<PathBuf> = if args.staged {
            let staged = candor::git::staged(&top)?;
            let files = staged.keys().cloned().collect();
            options.selection.contents = staged;
            files
        } else {
            candor::git::changed_since(&top, args.changed_since.as_deref().unwrap_or("HEAD"))?
        };
        options.selection.only = Some(files.into_iter().collect());
        options.selection.root = Some(top);
    }
    let policy = args
        .policy
        .clone()
        .or_else(|| config.config.policy.as_ref().map(|p| config.dir.join(p)));
    let policy_path = match (&policy, args.no_policy) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => find_manifest(&scan::base_dir(&args.paths)),
    };
    // The manifest is validated before the scan so that a bad one fails fast.
    let manifest = match &policy_path {
        Some(p) => Some((
            candor::manifest::load(p, rules)?,
            std::fs::read_to_string(p)?,
        )),
        None => None,
    };
    let mut report = scan::scan(&options, rules).context("cannot start the scan")?;
    if let (Some((manifest, text)), Some(path)) = (&manifest, &policy_path) {
        // Both absolute, so that a manifest found in a parent directory is shown
        // relative to the scanned one where it can be.
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let shown = scan::relative(&canonical(path), &canonical(&report.base));
        let policy = candor::policy::Policy {
            manifest,
            text,
            path: &shown,
            rules,
            root: Some(&report.base),
            sources: Default::default(),
        };
        report.findings = policy.apply(std::mem::take(&mut report.findings));
    }
    candor::suppress::apply(&mut report.findings, &report.base);
    let (enabled, disabled) = (&config.config.rules.enable, &config.config.rules.disable);
    report.findings.retain(|f| {
        (enabled.is_empty() || enabled.iter().any(|e| e == f.rule_id))
            && !disabled.iter().any(|d| d == f.rule_id)
            && !config.excludes(&f.location.path)
    });
    report.notices.retain(|n| !config.excludes(&n.path));
    Ok(report)
}

fn render(args: &ScanArgs, report: &scan::ScanReport, fail_on: FailOn) -> Result<ExitCode> {
    let color = match args.color {
        _ if args.no_color => false,
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let rendered = match args.format {
        Format::Text if args.quiet => emit::text::render_findings(report, color),
        Format::Text => emit::text::render(report, color),
        Format::Json => emit::json::render(report),
        Format::Sarif => emit::sarif::render(report),
        Format::Markdown => emit::markdown::render(report, &emit::markdown::Links::from_env()),
    };
    match &args.output {
        Some(path) => write_atomically(path, rendered.as_bytes())?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`candor scan | head`) is not an error.
            let _ = stdout.write_all(rendered.as_bytes());
        }
    }
    let threshold = match fail_on {
        FailOn::Error => Some(Level::Error),
        FailOn::Warning => Some(Level::Warning),
        FailOn::Note => Some(Level::Note),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| {
        report
            .findings
            .iter()
            .any(|f| f.level >= t && f.suppression.is_none())
    });
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `privacy.yml` in `dir` or the nearest parent, stopping at the repository
/// root (a directory with `.git`), so that a hook scanning a few files of a
/// repository finds the repository's manifest.
fn find_manifest(dir: &Path) -> Option<PathBuf> {
    let start = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let absolute = std::fs::canonicalize(start).ok()?;
    for d in absolute.ancestors() {
        let candidate = d.join("privacy.yml");
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
    }
    None
}

/// Writes through a temporary file in the same directory, so that an
/// interrupted run never leaves a half-written report.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .context("the output path has no file name")?;
    let tmp = dir.join(format!(".{}.candor-tmp", name.to_string_lossy()));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}
