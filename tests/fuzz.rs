//! What the fuzzer found stays fixed, and a short run of it finds nothing
//! new: every file under `tests/fuzz/regressions/<kind>/` goes through the
//! analysis of its input kind, then a few hundred mutants of the project's own
//! files do (deterministic seed), each within a time bound and without a panic.
//! `cargo run --release --example fuzz` runs the fuzzer for as long as asked.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../examples/fuzz/mutate.rs"]
#[allow(dead_code)]
mod mutate;
#[path = "../examples/fuzz/targets.rs"]
#[allow(dead_code)]
mod targets;

use candor::budget;
use targets::{Env, Kind, kinds};

fn env() -> Env {
    Env::new(PathBuf::from(env!("CARGO_MANIFEST_DIR")))
}

/// How long one input may take here: twice the parse budget of its size,
/// and time for the rest of an unoptimized test build.
fn bound(bytes: usize) -> Duration {
    budget::parse_time(bytes) * 2 + Duration::from_secs(20)
}

/// How much the process's peak memory may grow while one input runs here
/// (other tests run beside it): a hostile input once took 3.9 GB in the
/// parser.
const MEMORY_BOUND: u64 = 1 << 30;

/// Runs one input; a panic or an overrun of time or memory is a failure
/// message. The input runs on a thread with the stack the scan's threads
/// have.
fn check(kind: &Kind, env: &Env, path: &Path, input: &[u8]) -> Option<String> {
    let start = Instant::now();
    let memory_before = budget::peak_resident_bytes();
    let outcome = std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(candor::scan::STACK_SIZE)
            .spawn_scoped(s, || {
                catch_unwind(AssertUnwindSafe(|| kind.run(env, path, input))).is_ok()
            })
            .expect("spawn a thread")
            .join()
            .unwrap_or(false)
    });
    let took = start.elapsed();
    if !outcome {
        return Some(format!("{}: {} panicked", kind.name, path.display()));
    }
    if let (Some(before), Some(after)) = (memory_before, budget::peak_resident_bytes())
        && after.saturating_sub(before) > MEMORY_BOUND
    {
        return Some(format!(
            "{}: {} grew the process by {} MiB",
            kind.name,
            path.display(),
            (after - before) >> 20
        ));
    }
    (took > bound(input.len())).then(|| {
        format!(
            "{}: {} took {took:?} for {} bytes",
            kind.name,
            path.display(),
            input.len()
        )
    })
}

#[test]
fn regressions_stay_fixed() {
    let env = env();
    let root = env.root.join("tests/fuzz/regressions");
    let mut failures = Vec::new();
    let mut count = 0;
    for dir in std::fs::read_dir(&root).expect("the regressions").flatten() {
        let name = dir.file_name().to_string_lossy().to_string();
        let kind = kinds()
            .into_iter()
            .find(|k| k.name == name)
            .unwrap_or_else(|| panic!("tests/fuzz/regressions/{name}: no input kind of that name"));
        // A kind that reads a file's name (`Cargo.toml`) keeps several
        // inputs in one directory each.
        let mut files: Vec<PathBuf> = Vec::new();
        let mut dirs = vec![dir.path()];
        while let Some(d) = dirs.pop() {
            for entry in std::fs::read_dir(&d)
                .expect("a kind's regressions")
                .flatten()
            {
                let path = entry.path();
                if path.is_dir() {
                    dirs.push(path);
                } else {
                    files.push(path);
                }
            }
        }
        files.sort();
        for path in files {
            let input = std::fs::read(&path).expect("read a regression");
            let shown = path.strip_prefix(&env.root).unwrap_or(&path);
            failures.extend(check(&kind, &env, shown, &input));
            count += 1;
        }
    }
    assert!(count > 0, "no regressions found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_short_run_finds_nothing() {
    let env = env();
    let mut failures = Vec::new();
    for kind in kinds() {
        let seeds = kind.seeds(&env);
        assert!(!seeds.is_empty(), "{}: no seeds", kind.name);
        let all: Vec<&[u8]> = seeds.iter().map(|s| &s.bytes[..]).collect();
        let mut rng = mutate::Rng::new(1);
        for _ in 0..24 {
            let seed = &seeds[rng.below(seeds.len())];
            let input = mutate::mutate(&mut rng, &seed.bytes, &all);
            failures.extend(check(&kind, &env, &seed.path, &input));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
