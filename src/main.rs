//! The `candor` command line.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Result, bail};
use clap::Parser;

use candor::classify::Classifier;
use candor::cli::{
    BaselineAction, Cli, Color, Command, DiffFormat, DraftFormat, FailOn, MinLevel, PolicyAction,
    ReportKind, RopaFormat, ScanArgs, Target,
};
use candor::emit::{self, Format};
use candor::model::Level;
use candor::model::ScanReport;
use candor::pipeline::{self, PolicyChoice};
use candor::rules::Rules;
use candor::workspace::{base_dir, untrusted_trees};

fn main() -> ExitCode {
    candor::contain::install_hook();
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let cli_rules = cli.rules.clone();
    let rules = if cli.rules.is_empty() {
        Rules::embedded()?
    } else {
        Rules::embedded_with(&cli.rules)?
    };
    let outcome = match cli.command {
        Command::Scan(args) => scan_command(args, &rules, &cli_rules),
        Command::Classify { names, owner } => {
            let classifier = Classifier::new(&rules);
            for name in names {
                say(&emit::explain::explain(
                    &rules,
                    &classifier,
                    &name,
                    owner.as_deref(),
                ));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Init {
            path,
            output,
            force,
        } => {
            let target = output.unwrap_or_else(|| path.join("privacy.yml"));
            let trees = untrusted_trees(std::slice::from_ref(&path));
            candor::files::check_output_path(&target, &trees)?;
            if target.exists() && !force {
                bail!(
                    "{} already exists; pass --force to overwrite it",
                    target.display()
                );
            }
            if !path.is_dir() {
                bail!("{}: not a directory", path.display());
            }
            // The draft lists every flow the code has, suppressed or not.
            let options = pipeline::Options {
                policy: PolicyChoice::Off,
                suppressions: false,
                ..pipeline::Options::new(vec![path])
            };
            let report = pipeline::run(&options, &rules)?;
            let text = candor::manifest::draft::draft(&report.findings, &report.sdks, &rules);
            write(&target, text.as_bytes(), &trees)?;
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
            force,
            target,
        } => baseline_command(action, file, force, &target, &rules, &cli_rules),
        Command::Report {
            kind:
                ReportKind::Ropa {
                    target,
                    format,
                    output,
                },
        } => {
            let trees = untrusted_trees(&target.paths);
            if let Some(path) = &output {
                candor::files::check_output_path(path, &trees)?;
            }
            let config = load_config(&target)?;
            let extended = project_rules(&config, &cli_rules)?;
            let rules = extended.as_ref().unwrap_or(&rules);
            let report = run_scan(&target.pipeline_options(config, true), rules)?;
            let record = candor::ropa::Record::of(&report, rules);
            let text = match format {
                RopaFormat::Markdown => {
                    emit::ropa::markdown(&record, &emit::html::Context::from_env())
                }
                RopaFormat::Csv => emit::ropa::csv(&record),
            };
            match output {
                Some(path) => write(&path, text.as_bytes(), &trees)?,
                None => {
                    let _ = std::io::stdout().lock().write_all(text.as_bytes());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::CheckManifest { file } => {
            let m = candor::manifest::load(&file, &rules)?;
            let text = candor::files::read_settings(&file)?;
            let shown = file.display().to_string();
            let contradictions =
                candor::manifest::contradictions::find_all(&shown, &text, &m, &rules);
            if !contradictions.is_empty() {
                for contradiction in &contradictions {
                    eprintln!("error: {contradiction}");
                }
                let count = contradictions.len();
                let noun = if count == 1 {
                    "contradiction"
                } else {
                    "contradictions"
                };
                say(&format!(
                    "{shown}: the manifest is well formed but has {count} {noun}\n"
                ));
                return Ok(ExitCode::FAILURE);
            }
            let recipients = match &m.recipients {
                Some(r) if r.is_empty() => "shares with no one".to_string(),
                Some(r) => format!("{} recipients", r.len()),
                None => "recipients not declared".to_string(),
            };
            say(&(format!(
                "{}: valid manifest ({} data categories, {recipients})",
                file.display(),
                m.data.len()
            ) + "\n"));
            Ok(ExitCode::SUCCESS)
        }
        Command::Policy { action } => policy_command(action, &rules, &cli_rules),
        Command::ManifestSchema => {
            say(&candor::manifest::json_schema());
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            markdown,
            categories,
            sinks,
            recipients,
            json,
        } => {
            if json {
                say(&emit::catalog::json(&rules));
                return Ok(ExitCode::SUCCESS);
            }
            let sections = emit::catalog::Sections {
                markdown,
                categories,
                sinks,
                recipients,
            };
            say(&emit::catalog::render(&rules, sections));
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => match candor::checks::by_id(&rule) {
            Some(check) => {
                say(&emit::catalog::explain(check));
                Ok(ExitCode::SUCCESS)
            }
            None => bail!(
                "unknown check `{rule}`; {}",
                candor::checks::unknown_hint(&rule)
            ),
        },
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "candor", &mut script);
            say(&String::from_utf8_lossy(&script));
            Ok(ExitCode::SUCCESS)
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            let _ = std::io::stdout().lock().write_all(&page);
            Ok(ExitCode::SUCCESS)
        }
    };
    keep_until_exit(rules);
    outcome
}

/// `candor baseline create|update`: a new baseline accepting today's
/// findings, or an existing one with the entries that match no finding
/// dropped. Accepting findings is always `create`'s, never `update`'s: an
/// update run on a branch must not wave its new findings through.
fn baseline_command(
    action: BaselineAction,
    file: Option<PathBuf>,
    force: bool,
    args: &Target,
    rules: &Rules,
    cli_rules: &[PathBuf],
) -> Result<ExitCode> {
    let target = file.unwrap_or_else(|| base_dir(&args.paths).join("candor-baseline.yml"));
    let trees = untrusted_trees(&args.paths);
    candor::files::check_output_path(&target, &trees)?;
    let existing = match (action, target.exists()) {
        (BaselineAction::Update, _) if force => bail!(
            "--force is for `candor baseline create`; `candor baseline update` never accepts \
             new findings"
        ),
        (BaselineAction::Create, true) if !force => bail!(
            "{} already exists; `candor baseline update` drops its stale entries, and \
             `candor baseline create --force` replaces it, accepting every finding of today",
            target.display()
        ),
        (BaselineAction::Create, _) => None,
        (BaselineAction::Update, false) => bail!(
            "{} does not exist; use `candor baseline create`",
            target.display()
        ),
        (BaselineAction::Update, true) => Some(candor::baseline::Baseline::load(&target)?),
    };
    let config = load_config(args)?;
    let extended = project_rules(&config, cli_rules)?;
    let rules = extended.as_ref().unwrap_or(rules);
    let mut options = args.pipeline_options(config, true);
    // The baseline being updated must not hide the findings it is matched
    // against.
    if options
        .baseline
        .as_deref()
        .is_some_and(|b| same_file(b, &target))
    {
        options.baseline = None;
    }
    let report = run_scan(&options, rules)?;
    let Some(existing) = existing else {
        let baseline = candor::baseline::Baseline::from_findings(&report.findings);
        write(&target, baseline.to_yaml().as_bytes(), &trees)?;
        eprintln!(
            "wrote {} with {} accepted findings",
            target.display(),
            baseline.findings.len()
        );
        return Ok(ExitCode::SUCCESS);
    };
    let updated = existing.updated(&report.findings);
    write(&target, updated.baseline.to_yaml().as_bytes(), &trees)?;
    eprintln!(
        "wrote {}: kept {} of {} entries, dropped {} that match no finding",
        target.display(),
        updated.baseline.findings.len(),
        existing.findings.len(),
        updated.dropped
    );
    if updated.not_accepted > 0 {
        let n = updated.not_accepted;
        let (noun, verb, them) = if n == 1 {
            ("finding", "is", "it")
        } else {
            ("findings", "are", "them")
        };
        eprintln!(
            "{n} {noun} not in it {verb} not accepted: `candor scan --baseline {}` reports \
             {them}; `candor baseline create --force` rewrites the baseline accepting every \
             finding of today",
            target.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the pipeline, warning when the analysis cache could not be used.
/// `candor policy draft` and `candor policy diff`.
fn policy_command(action: PolicyAction, rules: &Rules, cli_rules: &[PathBuf]) -> Result<ExitCode> {
    use candor::policy_text;
    match action {
        PolicyAction::Draft {
            policy,
            output,
            force,
            format,
        } => {
            let reading = policy_text::read(&policy, rules)?;
            let shown = policy.display().to_string();
            let text = match format {
                DraftFormat::Yaml => policy_text::draft::manifest(&reading, &shown, rules),
                DraftFormat::Json => policy_text::draft::json(&reading, &shown),
            };
            match output {
                Some(path) => {
                    let trees = untrusted_trees(&[]);
                    if path.exists() && !force {
                        bail!(
                            "{} already exists; pass --force to overwrite it",
                            path.display()
                        );
                    }
                    write(&path, text.as_bytes(), &trees)?;
                    let gaps = policy_text::draft::gaps(&reading).len();
                    eprintln!(
                        "wrote {}: check each declaration against the text, fill the {gaps} gaps listed at its end, then run `candor check-manifest {}`",
                        path.display(),
                        path.display()
                    );
                }
                None => say(&text),
            }
            Ok(ExitCode::SUCCESS)
        }
        PolicyAction::Diff {
            policy,
            target,
            format,
        } => {
            let reading = policy_text::read(&policy, rules)?;
            let config = load_config(&target)?;
            let extended = project_rules(&config, cli_rules)?;
            let rules = extended.as_ref().unwrap_or(rules);
            // Every flow the code has, as `candor init` sees them.
            let options = pipeline::Options {
                policy: PolicyChoice::Off,
                suppressions: false,
                ..target.pipeline_options(config, true)
            };
            let report = run_scan(&options, rules)?;
            let diff = policy_text::diff::diff(&reading, &report.findings, &report.sdks, rules);
            let shown = policy.display().to_string();
            let text = match format {
                DiffFormat::Json => {
                    serde_json::to_string_pretty(&diff).expect("serializable") + "\n"
                }
                DiffFormat::Text => diff.text(&shown),
            };
            say(&text);
            Ok(if diff.unstated.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

fn run_scan(options: &pipeline::Options, rules: &Rules) -> Result<candor::model::ScanReport> {
    let report = pipeline::run(options, rules)?;
    if let Some(problem) = report.cache.as_ref().and_then(|c| c.problem.as_deref()) {
        eprintln!("warning: the analysis cache is not used: {problem}");
    }
    for contradiction in report.policy.iter().flat_map(|p| &p.contradictions) {
        eprintln!("warning: {contradiction}");
    }
    Ok(report)
}

/// Whether `a` and `b` name one file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// The project's candor.toml, if there is one.
fn load_config(args: &Target) -> Result<candor::config::Loaded> {
    if let Some(path) = &args.config {
        return Ok(candor::config::load(path)?);
    }
    Ok(
        match candor::config::find(&candor::workspace::settings_dir(&args.paths))? {
            Some(path) => candor::config::load(&path)?,
            None => candor::config::Loaded::default(),
        },
    )
}

/// The built-in rules with the project's `rule_dirs` merged over them, if
/// `candor.toml` names any: the scan and the baseline see the same rules.
fn project_rules(config: &candor::config::Loaded, cli: &[PathBuf]) -> Result<Option<Rules>> {
    let mut dirs = config.rule_dirs()?;
    if dirs.is_empty() {
        return Ok(None);
    }
    // The command line's directories come last: they win over the project's.
    dirs.extend(cli.iter().cloned());
    Ok(Some(Rules::embedded_with(&dirs)?))
}

fn scan_command(args: ScanArgs, rules: &Rules, cli_rules: &[PathBuf]) -> Result<ExitCode> {
    // Bad output flags fail before the scan, not after it.
    let trees = untrusted_trees(&args.target.paths);
    for output in args.outputs()? {
        if let Some(path) = &output.path {
            candor::files::check_output_path(path, &trees)?;
        }
    }
    let config = load_config(&args.target)?;
    let extended = project_rules(&config, cli_rules)?;
    let rules = extended.as_ref().unwrap_or(rules);
    let fail_on = args
        .fail_on
        .or_else(|| config.config.fail_on.as_deref().map(FailOn::from_setting))
        .unwrap_or(FailOn::Error);
    let report = run_scan(&args.target.pipeline_options(config, !args.quiet), rules)?;
    render(&args, &report, rules, fail_on, &trees)?;
    let failures = report.failures();
    let code = if failures > 0 {
        eprintln!(
            "error: candor failed on {failures} file(s) (see the internal-error notices); the \
             report is incomplete. Please report it at \
             https://github.com/candor-privacy/candor/issues"
        );
        ExitCode::from(2)
    } else if fail_on.threshold().is_some_and(|t| {
        report
            .findings
            .iter()
            .any(|f| f.level >= t && f.suppression.is_none())
    }) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    };
    keep_until_exit((report, extended));
    Ok(code)
}

/// Ends a command without freeing what it built: the process exits next,
/// and handing a large report's and the rules' memory back to the allocator
/// one allocation at a time costs more than the exit does.
fn keep_until_exit<T>(value: T) {
    std::mem::forget(value);
}

/// Writes the report in each chosen format, to its file or to standard
/// output; after writing files, says on standard error what was written.
fn render(
    args: &ScanArgs,
    report: &ScanReport,
    rules: &Rules,
    fail_on: FailOn,
    trees: &[PathBuf],
) -> Result<()> {
    let outputs = args.outputs()?;
    let color = match args.color {
        _ if args.no_color => false,
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            // NO_COLOR (no-color.org) and a dumb terminal turn colour off.
            args.output.is_empty()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    };
    let mut written = Vec::new();
    for output in &outputs {
        // JSON, which grows with the findings, is written as it is made;
        // the other formats are rendered first.
        let rendered = match output.format {
            Format::Text => Some(emit::text::render(
                report,
                &emit::text::Options {
                    color,
                    // Whatever fails the run is listed.
                    min_level: args.min_level.map_or_else(
                        || {
                            fail_on
                                .threshold()
                                .map_or(Level::Warning, |t| t.min(Level::Warning))
                        },
                        MinLevel::level,
                    ),
                    quiet: args.quiet,
                },
            )),
            Format::Json => None,
            Format::Sarif => Some(emit::sarif::render(report)),
            Format::Markdown => Some(emit::markdown::render(
                report,
                &emit::markdown::Links::from_env(),
            )),
            Format::Csv => Some(emit::csv::render(report)),
            Format::Html => Some(emit::html::render(
                report,
                rules,
                &emit::html::Context::from_env(),
            )),
        };
        let fill = |out: &mut dyn Write| match &rendered {
            Some(text) => out.write_all(text.as_bytes()),
            None => emit::json::write(report, out),
        };
        match &output.path {
            Some(path) => {
                write_with(path, trees, fill)?;
                written.push(path.display().to_string());
            }
            None => {
                let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
                // A closed pipe (`candor scan | head`) is not an error.
                let _ = fill(&mut stdout).and_then(|()| stdout.flush());
            }
        }
    }
    if !written.is_empty() && !args.quiet {
        eprintln!(
            "{}; wrote {}",
            emit::text::totals(report),
            written.join(", ")
        );
    }
    Ok(())
}

/// Prints `text` on standard output; a closed pipe (`candor rules | head`)
/// is not an error.
fn say(text: &str) {
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Writes a report or settings file atomically (see
/// [`candor::files::write_atomically`]), not through a link of the
/// untrusted `trees` that leads out of them (see
/// [`candor::files::check_output_path`]).
fn write(path: &Path, bytes: &[u8], trees: &[PathBuf]) -> Result<()> {
    write_with(path, trees, |out| out.write_all(bytes))
}

/// [`write`], with the content written by `fill` as it is made.
fn write_with(
    path: &Path,
    trees: &[PathBuf],
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    candor::files::check_output_path(path, trees)?;
    candor::files::write_atomically_with(path, fill).map_err(|e| {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty());
        let reason = match dir {
            Some(d) if !d.is_dir() => format!("the directory {} does not exist", d.display()),
            _ => candor::text::io_reason(&e),
        };
        anyhow::anyhow!("cannot write {}: {reason}", path.display())
    })
}
