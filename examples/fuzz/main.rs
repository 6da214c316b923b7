//! A mutation fuzzer for everything candor reads, on stable Rust.
//!
//! ```sh
//! cargo run --release --example fuzz -- --minutes 60                # every kind, 60 min each
//! cargo run --release --example fuzz -- --kind python --minutes 10
//! cargo run --release --example fuzz -- --kind sql --execs 2000 --seed 7
//! cargo run --release --example fuzz -- --minimize fuzz-out/hang-java-....java --kind java
//! cargo run --release --example fuzz -- --run tests/fuzz/regressions/java/x.java --kind java
//! ```
//!
//! Each input kind (see `targets.rs`) starts from the real files of the
//! corpus, the fixtures and the test projects, and runs mutants of them
//! (`mutate.rs`) through the same analysis the scan does. A panic is caught
//! and its input saved, and so is one that takes more than twice its budget
//! (`over-budget-*`, see `candor::budget`) or more than `--slow-ms`, both in
//! CPU time of the fuzzing thread; an input that
//! runs longer than `--timeout` seconds or grows the process by more than
//! `--max-memory` MiB is saved by a watchdog, which then stops the run (a running analysis cannot be interrupted). Saved
//! inputs go to `--out` (default `fuzz-out/`); `--minimize` shrinks one while
//! it still fails, so that it can become a regression fixture under
//! `tests/fuzz/regressions/<kind>/`. A stack overflow aborts the process, so
//! its input (left in `running-<kind>.input`) is shrunk by running a build
//! without the fix on candidates instead.

mod mutate;
mod targets;

use std::io::Write;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use candor::budget;
use cpu_time::ThreadTime;
use mutate::{Rng, mutate};
use targets::{Env, Kind, kinds};

struct Args {
    kind: Option<String>,
    minutes: f64,
    execs: Option<u64>,
    seed: u64,
    timeout: u64,
    slow: u64,
    max_memory: u64,
    out: PathBuf,
    minimize: Option<PathBuf>,
    run: Option<PathBuf>,
}

const USAGE: &str =
    "usage: fuzz [--kind KIND] [--minutes M | --execs N] [--seed S] [--timeout SECS]
            [--slow-ms MS] [--max-memory MIB] [--out DIR]
       fuzz --kind KIND --minimize FILE [--out DIR]
       fuzz --kind KIND --run FILE
Without --kind, every kind runs for --minutes (default 1) each.";

const FLAGS: [&str; 10] = [
    "--kind",
    "--minutes",
    "--execs",
    "--seed",
    "--timeout",
    "--slow-ms",
    "--max-memory",
    "--out",
    "--minimize",
    "--run",
];

fn args() -> Args {
    let argv: Vec<String> = std::env::args().collect();
    if argv.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        std::process::exit(0);
    }
    // Every flag takes a value: flags sit at odd positions.
    for flag in argv.iter().skip(1).step_by(2) {
        if !FLAGS.contains(&flag.as_str()) {
            eprintln!("unknown argument `{flag}`\n{USAGE}");
            std::process::exit(2);
        }
    }
    let value = |name: &str| {
        argv.iter()
            .position(|a| a == name)
            .and_then(|i| argv.get(i + 1).cloned())
    };
    let number =
        |name: &str, default: f64| value(name).and_then(|v| v.parse().ok()).unwrap_or(default);
    Args {
        kind: value("--kind"),
        minutes: number("--minutes", 1.0),
        execs: value("--execs").and_then(|v| v.parse().ok()),
        seed: number("--seed", 1.0) as u64,
        timeout: number("--timeout", 10.0) as u64,
        slow: number("--slow-ms", 2000.0) as u64,
        max_memory: number("--max-memory", 2048.0) as u64,
        out: PathBuf::from(value("--out").unwrap_or_else(|| "fuzz-out".into())),
        minimize: value("--minimize").map(PathBuf::from),
        run: value("--run").map(PathBuf::from),
    }
}

/// What the watchdog needs to know about the input being analysed.
struct Current {
    /// Milliseconds since the run started when this input began; 0 when
    /// idle.
    started: AtomicU64,
    /// Resident memory when it began, in MiB.
    memory_at_start: AtomicU64,
    input: Mutex<(String, PathBuf, Vec<u8>)>,
}

/// Resident memory of this process, in MiB.
fn resident_mib() -> u64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: u64 = statm
        .split_whitespace()
        .nth(1)
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    pages * 4096 / (1 << 20)
}

fn save(out: &Path, what: &str, kind: &str, path: &Path, bytes: &[u8]) -> PathBuf {
    let _ = std::fs::create_dir_all(out);
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("txt");
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("input");
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h = (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
    }
    // Keep the file name for kinds that read it (`package.json`).
    let file = if name.contains('.') && !name.starts_with('.') && ext != name {
        format!("{what}-{kind}-{h:016x}-{name}")
    } else {
        format!("{what}-{kind}-{h:016x}.{ext}")
    };
    let target = out.join(file);
    let _ = std::fs::write(&target, bytes);
    target
}

/// Starts the watchdog: an input over its time or memory is saved, and the
/// run stops.
fn watchdog(current: Arc<Current>, clock: Instant, args: &Args) {
    let timeout = Duration::from_secs(args.timeout).as_millis() as u64;
    let max_memory = args.max_memory;
    let out = args.out.clone();
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(Duration::from_millis(50));
            let started = current.started.load(Ordering::SeqCst);
            if started == 0 {
                continue;
            }
            let now = clock.elapsed().as_millis() as u64;
            let memory = resident_mib();
            let grown = memory.saturating_sub(current.memory_at_start.load(Ordering::SeqCst));
            let what = if now.saturating_sub(started) > timeout {
                "hang"
            } else if grown > max_memory {
                "oom"
            } else {
                continue;
            };
            let (kind, path, bytes) = current.input.lock().map(|g| g.clone()).unwrap_or_default();
            let saved = save(&out, what, &kind, &path, &bytes);
            eprintln!(
                "\n{what}: {kind} input of {} bytes ({} ms, {memory} MiB) saved as {}",
                bytes.len(),
                now - started,
                saved.display()
            );
            std::process::exit(3);
        }
    });
}

/// Counts of one kind's run.
#[derive(Default)]
struct Stats {
    execs: u64,
    crashes: u64,
    slow: u64,
    over_budget: u64,
    /// The most any input took, as a share of its budget.
    worst_ratio: f64,
    slowest_ms: u128,
    slowest_len: usize,
}

fn fuzz_kind(kind: &Kind, env: &Env, args: &Args, current: &Current, clock: Instant) -> Stats {
    let seeds = kind.seeds(env);
    let mut stats = Stats::default();
    if seeds.is_empty() {
        eprintln!("{}: no seeds", kind.name);
        return stats;
    }
    let all: Vec<&[u8]> = seeds.iter().map(|s| &s.bytes[..]).collect();
    let mut rng = Rng::new(args.seed ^ kind.name.bytes().fold(0, |h, b| h * 31 + u64::from(b)));
    // Mutants that stay interesting are mutated further, so that damage
    // accumulates as it does in a broken tree.
    let mut pool: Vec<(usize, Vec<u8>)> = Vec::new();
    let deadline = Instant::now() + Duration::from_secs_f64(args.minutes * 60.0);
    while args
        .execs
        .map_or(Instant::now() < deadline, |n| stats.execs < n)
    {
        let (origin, base) = if !pool.is_empty() && rng.chance(2) {
            let (o, b) = &pool[rng.below(pool.len())];
            (*o, b.clone())
        } else {
            let i = rng.below(seeds.len());
            (i, seeds[i].bytes.clone())
        };
        let input = mutate(&mut rng, &base, &all);
        let path = &seeds[origin].path;
        if let Ok(mut g) = current.input.lock() {
            *g = (kind.name.to_string(), path.clone(), input.clone());
        }
        // A stack overflow aborts the process before anything can be
        // saved: the input under test is on disk beforehand.
        let _ = std::fs::create_dir_all(&args.out);
        let _ = std::fs::write(
            args.out.join(format!("running-{}.input", kind.name)),
            &input,
        );
        // CPU time of this thread: what other processes on the machine do
        // does not count against an input.
        let start = ThreadTime::try_now().ok();
        current
            .memory_at_start
            .store(resident_mib(), Ordering::SeqCst);
        current
            .started
            .store(clock.elapsed().as_millis() as u64 + 1, Ordering::SeqCst);
        let outcome = catch_unwind(AssertUnwindSafe(|| kind.run(env, path, &input)));
        current.started.store(0, Ordering::SeqCst);
        let took = start
            .and_then(|s| s.try_elapsed().ok())
            .map_or(0, |d| d.as_millis());
        stats.execs += 1;
        if took > stats.slowest_ms {
            stats.slowest_ms = took;
            stats.slowest_len = input.len();
        }
        // The file's budget: what its parse may take; the other phases count
        // steps sized to stay below it.
        let ratio = took as f64 / budget::parse_time(input.len()).as_millis() as f64;
        stats.worst_ratio = stats.worst_ratio.max(ratio);
        if ratio > 2.0 {
            stats.over_budget += 1;
            let saved = save(&args.out, "over-budget", kind.name, path, &input);
            eprintln!(
                "\nover budget: {} took {took} ms ({ratio:.1} times its budget), saved as {}",
                kind.name,
                saved.display()
            );
        } else if took > u128::from(args.slow) {
            // Slow but within budget: saved for a look, and counted.
            stats.slow += 1;
            let saved = save(&args.out, "slow", kind.name, path, &input);
            eprintln!(
                "\nslow: {} took {took} ms, saved as {}",
                kind.name,
                saved.display()
            );
        }
        if outcome.is_err() {
            stats.crashes += 1;
            let saved = save(&args.out, "crash", kind.name, path, &input);
            eprintln!("crash: {} saved as {}", kind.name, saved.display());
        }
        if pool.len() < 64 {
            pool.push((origin, input));
        } else if rng.chance(4) {
            let i = rng.below(pool.len());
            pool[i] = (origin, input);
        }
        if stats.execs % 500 == 0 {
            eprint!(
                "\r{}: {} execs, {} crashes, slowest {} ms",
                kind.name, stats.execs, stats.crashes, stats.slowest_ms
            );
            let _ = std::io::stderr().flush();
        }
    }
    // Finished without an abort: no input is left running.
    let _ = std::fs::remove_file(args.out.join(format!("running-{}.input", kind.name)));
    stats
}

/// Whether `input` still fails the way it did: panics, or runs longer than
/// `slow`.
fn fails(kind: &Kind, env: &Env, path: &Path, input: &[u8], slow: Duration) -> bool {
    let start = Instant::now();
    let panicked = catch_unwind(AssertUnwindSafe(|| kind.run(env, path, input))).is_err();
    panicked || start.elapsed() > slow
}

/// Shrinks a failing input by deleting ever smaller chunks while it still
/// fails.
fn minimize(kind: &Kind, env: &Env, file: &Path, out: &Path) {
    let mut input = std::fs::read(file).expect("read the input to minimize");
    let start = Instant::now();
    let _ = catch_unwind(AssertUnwindSafe(|| kind.run(env, file, &input)));
    // A slow input must stay at least half as slow.
    let slow = start.elapsed() / 2;
    assert!(
        fails(kind, env, file, &input, slow),
        "the input does not fail"
    );
    let mut chunk = input.len() / 2;
    while chunk >= 1 {
        let mut at = 0;
        while at < input.len() {
            let mut candidate = input.clone();
            let end = (at + chunk).min(candidate.len());
            candidate.drain(at..end);
            if fails(kind, env, file, &candidate, slow) {
                input = candidate;
            } else {
                at += chunk;
            }
        }
        chunk /= 2;
    }
    let saved = save(out, "min", kind.name, file, &input);
    println!("{} bytes: {}", input.len(), saved.display());
}

/// Runs on a thread with the stack the scan's threads have, so that an input
/// overflows here exactly when it would in a scan.
fn main() {
    let fuzzer = std::thread::Builder::new()
        .stack_size(candor::scan::STACK_SIZE)
        .spawn(fuzz)
        .expect("spawn the fuzzing thread");
    if fuzzer.join().is_err() {
        std::process::exit(101);
    }
}

fn fuzz() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        eprintln!("\npanic: {}", message.lines().next().unwrap_or(""));
    }));
    let args = args();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let env = Env::new(root);
    let selected: Vec<Kind> = kinds()
        .into_iter()
        .filter(|k| args.kind.as_deref().is_none_or(|n| n == k.name))
        .collect();
    if selected.is_empty() {
        let names: Vec<&str> = kinds().iter().map(|k| k.name).collect();
        eprintln!("unknown --kind; one of: {}", names.join(", "));
        std::process::exit(2);
    }
    if let Some(file) = &args.run {
        let input = std::fs::read(file).expect("read the input");
        let start = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| selected[0].run(&env, file, &input)));
        let verdict = if outcome.is_err() { "panicked" } else { "ran" };
        println!("{verdict} in {} ms", start.elapsed().as_millis());
        return;
    }
    if let Some(file) = &args.minimize {
        minimize(&selected[0], &env, file, &args.out);
        return;
    }
    let current = Arc::new(Current {
        started: AtomicU64::new(0),
        memory_at_start: AtomicU64::new(0),
        input: Mutex::new(Default::default()),
    });
    let clock = Instant::now();
    watchdog(current.clone(), clock, &args);
    let mut failed = false;
    println!(
        "{:<14} {:>9} {:>8} {:>6} {:>12} {:>12} {:>12} {:>10}",
        "kind", "execs", "crashes", "slow", "over budget", "slowest ms", "its bytes", "x budget"
    );
    for kind in &selected {
        let stats = fuzz_kind(kind, &env, &args, &current, clock);
        eprint!("\r\x1b[2K");
        println!(
            "{:<14} {:>9} {:>8} {:>6} {:>12} {:>12} {:>12} {:>10.2}",
            kind.name,
            stats.execs,
            stats.crashes,
            stats.slow,
            stats.over_budget,
            stats.slowest_ms,
            stats.slowest_len,
            stats.worst_ratio
        );
        failed |= stats.crashes > 0 || stats.over_budget > 0;
    }
    if failed {
        std::process::exit(1);
    }
}
