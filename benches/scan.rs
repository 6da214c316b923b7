//! Scan throughput against a bare parse of the same files, cold and warm.
//!
//! `cargo bench --bench scan [-- --copies N --threads N --tree DIR --runs N
//! --no-semgrep]`
//! generates a deterministic multi-language tree from the corpus apps (each
//! copy in its own directory, with its own identifiers; or scans `--tree`,
//! a directory of your own), then runs, each in a fresh process so that
//! peak memory is its own, best of three runs (`--runs`):
//!   - `parse`:   read every source file, parse it (tree-sitter, or syn
//!     for Rust) and visit every node of its tree: the floor the scan is
//!     measured against, since analysing a file takes at least that;
//!   - `prodpars`: the same for production files only, the ones a scan
//!     analyses by default (tests, examples, seeds, ... are not read);
//!   - `local`:   the pipeline with flows followed only within each function
//!     (`--local-only`), no cache;
//!   - `nocache`: the full pipeline (discovery, lowering, classification,
//!     flows within functions and across functions and files, findings,
//!     suppressions, fingerprints), without a manifest, no cache;
//!   - `alltests`: the same with `--include-tests`, analysing every file;
//!   - `cold`:    the full pipeline with an empty cache, which it fills;
//!   - `warm`:    again, with nothing changed;
//!   - `changed`: again, with one file changed;
//!   - `precommit`: a pre-commit hook's scan (`--staged`) of five files
//!     changed and staged, their new content in no cache and the rest of
//!     the cache warm; on the generated tree only, which is made a git
//!     repository of its own for it (a `--tree` is never touched);
//!   - `semgrep`: when `semgrep` is installed (and not `--no-semgrep`), its
//!     taint mode with the comparable rules of `bench/semgrep/` over the
//!     same tree, once.
//!
//! It prints seconds, files/s, MB/s, peak resident memory and the ratio of
//! each time to the parse of every file's and to the parse of the production
//! files'.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use candor::discover::{content_skip_reason, discover};
use candor::frontend::parse_and_walk;
use candor::model::Role;
use candor::pipeline::{self, CacheChoice, Files, Options, PolicyChoice};
use candor::rules::Rules;
use candor::scan::DEFAULT_MAX_FILE_SIZE;
use candor::workspace::relative;
use rayon::prelude::*;

fn arg(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let threads: usize = arg(&args, "--threads")
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if let Some(phase) = arg(&args, "--phase") {
        let tree = PathBuf::from(arg(&args, "--tree").expect("--tree"));
        let cache = PathBuf::from(arg(&args, "--cache").expect("--cache"));
        run_phase(&phase, &tree, &cache, threads);
        return;
    }
    let copies: usize = arg(&args, "--copies")
        .and_then(|s| s.parse().ok())
        .unwrap_or(300);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let generated = arg(&args, "--tree").is_none();
    let tree = match arg(&args, "--tree") {
        Some(dir) => {
            let tree = PathBuf::from(dir);
            let (files, bytes) = measure(&tree);
            println!(
                "tree: {} ({files} files, {:.1} MB), {threads} threads",
                tree.display(),
                bytes as f64 / 1e6
            );
            tree
        }
        None => {
            let tree = root.join("target/bench-tree");
            let (files, lines, bytes) = generate(&root.join("corpus"), &tree, copies);
            println!(
                "tree: {files} files, {lines} lines, {:.1} MB ({copies} copies of the corpus), {threads} threads",
                bytes as f64 / 1e6
            );
            tree
        }
    };
    let cache = root.join("target/bench-cache");
    println!(
        "{:<9} {:>9} {:>10} {:>9} {:>10} {:>9} {:>8} {:>8}",
        "phase", "seconds", "files/s", "MB/s", "peak MiB", "findings", "x parse", "x prod"
    );
    let exe = std::env::current_exe().expect("current exe");
    let sources = first_sources(&tree, 5);
    let changed = sources[0].clone();
    let original = std::fs::read(&changed).expect("read the file to change");
    let staged: Vec<(PathBuf, Vec<u8>)> = sources
        .iter()
        .map(|p| (p.clone(), std::fs::read(p).expect("read a file to stage")))
        .collect();
    let runs: usize = arg(&args, "--runs")
        .and_then(|s| s.parse().ok())
        .unwrap_or(3);
    let compare = !args.iter().any(|a| a == "--no-semgrep");
    let (mut parse_secs, mut prod_secs) = (None, None);
    for phase in [
        "parse",
        "prodpars",
        "local",
        "nocache",
        "alltests",
        "cold",
        "warm",
        "changed",
        "precommit",
        "semgrep",
    ] {
        if phase == "precommit" && !generated {
            println!("precommit (not run: only on the generated tree)");
            continue;
        }
        if phase == "precommit" && !installed("git") {
            println!("precommit (not run: needs git)");
            continue;
        }
        if phase == "precommit" {
            git(&tree, &["init", "-q"]);
            git(&tree, &["add", "-A"]);
            git(
                &tree,
                &[
                    "-c",
                    "user.name=bench",
                    "-c",
                    "user.email=bench@localhost",
                    "commit",
                    "-q",
                    "--no-verify",
                    "--no-gpg-sign",
                    "-m",
                    "tree",
                ],
            );
        }
        if phase == "semgrep" && !(compare && installed("semgrep")) {
            println!(
                "semgrep   (not run: install it with `pip install semgrep`; --no-semgrep skips it)"
            );
            continue;
        }
        let mut best: Option<Measured> = None;
        // Best of `runs`, as the machine's noise is one-sided; Semgrep,
        // which takes minutes, once.
        let runs = if phase == "semgrep" { 1 } else { runs.max(1) };
        for run in 0..runs {
            match phase {
                "cold" => {
                    let _ = std::fs::remove_dir_all(&cache);
                }
                "changed" => {
                    let mut text = original.clone();
                    text.extend_from_slice(format!("\n// changed {run}\n").as_bytes());
                    std::fs::write(&changed, text).expect("change a file");
                }
                "precommit" => stage_changes(&tree, &staged, Some(run)),
                _ => {}
            }
            let measured = if phase == "semgrep" {
                semgrep(&root, &tree, threads)
            } else {
                in_process(&exe, phase, &tree, &cache, threads)
            };
            if best.as_ref().is_none_or(|b| measured.secs < b.secs) {
                best = Some(measured);
            }
        }
        std::fs::write(&changed, &original).expect("restore the changed file");
        if phase == "precommit" {
            stage_changes(&tree, &staged, None);
        }
        let best = best.expect("at least one run");
        match phase {
            "parse" => parse_secs = Some(best.secs),
            "prodpars" => prod_secs = Some(best.secs),
            _ => {}
        }
        let ratio = |floor: Option<f64>| floor.map_or(f64::NAN, |p| best.secs / p);
        println!(
            "{:<9} {:>9.3} {:>10.0} {:>9.1} {:>10.1} {:>9} {:>8.2} {:>8.2}",
            phase,
            best.secs,
            best.files as f64 / best.secs,
            best.bytes as f64 / 1e6 / best.secs,
            best.peak_mib,
            best.findings,
            ratio(parse_secs),
            ratio(prod_secs)
        );
    }
}

/// One run of a phase.
struct Measured {
    secs: f64,
    files: usize,
    bytes: u64,
    peak_mib: f64,
    findings: usize,
}

/// Runs `phase` in a fresh process of this benchmark and reads its line.
fn in_process(exe: &Path, phase: &str, tree: &Path, cache: &Path, threads: usize) -> Measured {
    let out = Command::new(exe)
        .args(["--phase", phase, "--threads", &threads.to_string()])
        .arg("--tree")
        .arg(tree)
        .arg("--cache")
        .arg(cache)
        .output()
        .expect("run phase");
    let line = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let field = |i: usize| line.split_whitespace().nth(i).unwrap_or("0").to_string();
    Measured {
        secs: field(0).parse().unwrap_or(f64::MAX),
        files: field(1).parse().unwrap_or(0),
        bytes: field(2).parse().unwrap_or(0),
        peak_mib: field(3).parse().unwrap_or(0.0),
        findings: field(4).parse().unwrap_or(0),
    }
}

/// Whether `program` runs.
fn installed(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Semgrep's taint mode with `bench/semgrep/` over `tree`: wall time, and
/// peak memory as `/usr/bin/time` reports it (0 without it).
fn semgrep(root: &Path, tree: &Path, threads: usize) -> Measured {
    let (files, bytes) = measure(tree);
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%M", "semgrep"]);
        c
    } else {
        Command::new("semgrep")
    };
    command
        .args([
            "scan",
            "--metrics",
            "off",
            "--disable-version-check",
            "--quiet",
            "--json",
            // The generated tree is under `target/`, which git ignores.
            "--no-git-ignore",
        ])
        .args([
            "--jobs",
            &threads.to_string(),
            "--max-target-bytes",
            "1000000",
            "--config",
        ])
        .arg(root.join("bench/semgrep"))
        .arg(tree);
    let start = Instant::now();
    let out = command.output().expect("run semgrep");
    let secs = start.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_kb: f64 = stderr
        .lines()
        .last()
        .and_then(|l| l.trim().parse().ok())
        .filter(|_| timed)
        .unwrap_or(0.0);
    let findings = serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .ok()
        .and_then(|v| v["results"].as_array().map(Vec::len))
        .unwrap_or(0);
    Measured {
        secs,
        files,
        bytes,
        peak_mib: peak_kb / 1024.0,
        findings,
    }
}

/// The source files of `tree` candor reads, and their bytes.
fn measure(tree: &Path) -> (usize, u64) {
    let not_analysed = candor::rules::NotAnalysedFile::default();
    let d = discover(&[tree.to_path_buf()], 1, tree, &not_analysed);
    let bytes = d
        .files
        .iter()
        .filter_map(|c| std::fs::metadata(&c.path).ok())
        .map(|m| m.len())
        .sum();
    (d.files.len(), bytes)
}

/// The first `n` source files of `tree` in path order: the first is the
/// one `changed` changes, all are those `precommit` stages.
fn first_sources(tree: &Path, n: usize) -> Vec<PathBuf> {
    let not_analysed = candor::rules::NotAnalysedFile::default();
    let d = discover(&[tree.to_path_buf()], 1, tree, &not_analysed);
    let mut paths: Vec<PathBuf> = d.files.iter().map(|c| c.path.clone()).collect();
    paths.sort();
    paths.truncate(n);
    assert!(!paths.is_empty(), "a source file");
    paths
}

/// Writes each file with a comment of run `run` added and stages it, or,
/// with no run, writes and stages it as it was.
fn stage_changes(tree: &Path, files: &[(PathBuf, Vec<u8>)], run: Option<usize>) {
    for (path, original) in files {
        let mut text = original.clone();
        if let Some(run) = run {
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            let comment = if matches!(ext, "py" | "rb") {
                "#"
            } else {
                "//"
            };
            text.extend_from_slice(format!("\n{comment} staged {run}\n").as_bytes());
        }
        std::fs::write(path, text).expect("change a file to stage");
    }
    let mut args = vec!["add".to_string(), "--".to_string()];
    args.extend(files.iter().map(|(p, _)| p.display().to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    git(tree, &args);
}

/// Runs git in `tree`; the benchmark cannot go on without it.
fn git(tree: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(tree)
        .args(args)
        .status()
        .expect("run git");
    assert!(status.success(), "git {args:?} failed");
}

fn run_phase(phase: &str, tree: &Path, cache: &Path, threads: usize) {
    let start = Instant::now();
    let (files, bytes, findings) = match phase {
        "parse" | "prodpars" => {
            // The files the scan reads: those it skips (too large, minified,
            // generated, binary) are not parsed either.
            let rules = Rules::embedded().expect("rules");
            let production_only = phase == "prodpars";
            let d = discover(&[tree.to_path_buf()], threads, tree, &rules.not_analysed);
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .stack_size(32 << 20)
                .build()
                .unwrap();
            let (files, bytes) = pool.install(|| {
                d.files
                    .par_iter()
                    .map(|c| {
                        if production_only
                            && !rules.role_of(&relative(&c.path, tree)).is_production()
                        {
                            return (0, 0);
                        }
                        let bytes = std::fs::read(&c.path).unwrap_or_default();
                        let conventions = &rules.language(c.language).conventions;
                        let limit = (DEFAULT_MAX_FILE_SIZE, "--max-file-size");
                        if content_skip_reason(&c.path, &bytes, limit, Some(conventions)).is_some()
                        {
                            return (0, 0);
                        }
                        let text = String::from_utf8_lossy(&bytes);
                        parse_and_walk(c.language, &c.path, &text);
                        (1, text.len() as u64)
                    })
                    .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1))
            });
            (files, bytes, 0)
        }
        _ => {
            let rules = Rules::embedded().expect("rules");
            let mut options = Options::new(vec![tree.to_path_buf()]);
            options.scan.threads = threads;
            options.scan.flow.local_only = phase == "local";
            options.policy = PolicyChoice::Off;
            if phase == "alltests" {
                options.include = Role::ALL.to_vec();
            }
            if matches!(phase, "cold" | "warm" | "changed" | "precommit") {
                options.cache = CacheChoice::Dir(cache.to_path_buf());
            }
            if phase == "precommit" {
                options.files = Files::Staged;
            }
            let r = pipeline::run(&options, &rules).expect("scan");
            (
                r.stats.files_scanned,
                r.stats.bytes_scanned,
                r.findings.len(),
            )
        }
    };
    let secs = start.elapsed().as_secs_f64();
    println!("{secs} {files} {bytes} {} {findings}", peak_rss_mib());
}

/// Peak resident set size of this process, from /proc (Linux).
fn peak_rss_mib() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Writes `copies` copies of every corpus source file, each copy with its
/// identifiers suffixed by the copy number so that no two files are equal.
fn generate(corpus: &Path, tree: &Path, copies: usize) -> (usize, usize, u64) {
    let _ = std::fs::remove_dir_all(tree);
    let mut sources = Vec::new();
    collect(corpus, corpus, &mut sources);
    sources.sort();
    let (mut files, mut lines, mut bytes) = (0, 0, 0u64);
    for copy in 0..copies {
        for (rel, text) in &sources {
            let varied = text
                .replace("handler", &format!("handler{copy}"))
                .replace("service", &format!("service{copy}"));
            let path = tree.join(format!("app{copy:04}")).join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &varied).unwrap();
            files += 1;
            lines += varied.lines().count();
            bytes += varied.len() as u64;
        }
    }
    (files, lines, bytes)
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(root, &p, out);
        } else if candor::language::Language::for_path(&p).is_some() {
            out.push((
                p.strip_prefix(root).unwrap().to_path_buf(),
                std::fs::read_to_string(&p).unwrap_or_default(),
            ));
        }
    }
}
