//! Running the `candor` binary as a user does, on trees made for a test.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The crate's root directory (the corpus, the rules, the fixtures).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A `candor ARGS` command, not started, for tests that set its directory
/// or environment.
pub fn command(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_candor"));
    command.args(args);
    command
}

/// Runs `candor ARGS` in the test's working directory.
pub fn candor(args: &[&str]) -> Output {
    command(args).output().expect("run candor")
}

/// Runs `candor ARGS` in `dir`.
pub fn candor_in(dir: &Path, args: &[&str]) -> Output {
    command(args).current_dir(dir).output().expect("run candor")
}

/// Runs `candor ARGS` in `dir`, killing it (and failing) if it takes more
/// than a minute.
pub fn bounded(dir: &Path, args: &[&str]) -> Output {
    let mut command = command(args);
    command.current_dir(dir);
    bounded_command(command)
}

/// Runs `command`, killing it (and failing) if it takes more than a
/// minute. Its output is read as it comes, so that a large report cannot
/// block it on a full pipe.
pub fn bounded_command(mut command: Command) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run candor");
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{command:?} ran for more than a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: stdout.join().expect("stdout"),
        stderr: stderr.join().expect("stderr"),
    }
}

/// Runs `git ARGS` in `dir` as a developer with a name, an email and a
/// `main` branch; it must succeed.
pub fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.email=dev@example.com",
            "-c",
            "user.name=Dev",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// What a run wrote to standard output.
pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

/// The JSON a run printed, which must have succeeded.
pub fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "candor failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the output is JSON")
}

/// The path of each finding of a JSON report, in report order.
pub fn finding_paths(v: &serde_json::Value) -> Vec<&str> {
    v["findings"]
        .as_array()
        .expect("a findings array")
        .iter()
        .map(|f| f["location"]["path"].as_str().expect("a path"))
        .collect()
}

/// A temporary directory holding `files` (paths relative to it).
pub fn temp_tree(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, content) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().expect("a file has a parent")).expect("mkdir");
        std::fs::write(p, content).expect("write");
    }
    dir
}

/// Copies the tree at `from` into the directory `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).expect("copy");
        }
    }
}
