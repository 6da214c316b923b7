//! A scanned repository is untrusted input: special files, links out of the
//! tree and settings that point elsewhere must not make the scan block,
//! grow without end, or read what lies outside the repository.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::run::{bounded, command, temp_tree};

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

const APP: &[u8] = b"import logging\ndef f(email):\n    logging.info(email)\n";

#[test]
fn special_files_are_reported_not_read() {
    let tree = temp_tree(&[("app.py", APP), ("sub/ok.py", APP)]);
    let root = tree.path();
    let names = [
        "x.py",
        "x.sql",
        "package.json",
        "api.yaml",
        "sub/.gitignore",
    ];
    if !names.iter().all(|n| mkfifo(&root.join(n))) {
        eprintln!("mkfifo is not available; skipped");
        return;
    }
    symlink("/dev/zero", root.join("zero.py")).unwrap();
    symlink("/dev/zero", root.join("zero.graphql")).unwrap();
    let out = bounded(
        root,
        &["scan", ".", "--format", "json", "--fail-on", "never"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let notice = |path: &str| {
        v["notices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["path"] == path)
            .map(|n| n["message"].as_str().unwrap().to_string())
    };
    for special in ["x.py", "x.sql", "package.json", "api.yaml"] {
        assert!(
            notice(special).is_some_and(|m| m.contains("not a regular file")),
            "{special}: {:?}",
            notice(special)
        );
    }
    assert!(notice("sub").is_some_and(|m| m.contains("`.gitignore` is not a regular file")));
    assert!(notice("zero.py").is_some_and(|m| m.contains("not followed")));
    assert!(notice("zero.graphql").is_some());
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["location"]["path"] == "app.py"));
}

#[test]
fn a_fifo_ignore_file_at_the_root_does_not_block_the_scan() {
    let tree = temp_tree(&[("app.py", APP)]);
    if !mkfifo(&tree.path().join(".gitignore")) {
        return;
    }
    let out = bounded(
        tree.path(),
        &["scan", ".", "--format", "json", "--fail-on", "never"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["findings"][0]["location"]["path"], "app.py");
}

#[test]
fn a_fifo_ignore_file_does_not_block_git() {
    // git opens every `.gitignore` it meets listing new files, and a FIFO's
    // `open()` waits for a writer for ever: git is stopped at its limit.
    let tree = temp_tree(&[("app.py", APP), ("sub/new.py", APP)]);
    let root = tree.path();
    common::run::git(root, &["init", "-q"]);
    common::run::git(root, &["add", "app.py"]);
    common::run::git(root, &["commit", "-q", "-m", "init"]);
    if !mkfifo(&root.join("sub/.gitignore")) {
        return;
    }
    let mut scan = command(&["scan", "--changed-since", "main"]);
    scan.current_dir(root).env("CANDOR_GIT_TIMEOUT", "2");
    let out = common::run::bounded_command(scan);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("did not finish within 2 s") && err.contains("CANDOR_GIT_TIMEOUT"),
        "{err}"
    );
}

#[test]
fn links_out_of_the_tree_are_not_followed() {
    let outside = temp_tree(&[(
        "secret.py",
        b"import logging\ndef leak(password):\n    logging.info(password)  # TOP-SECRET-LINE\n",
    )]);
    let tree = temp_tree(&[("app.py", APP), ("inside/real.py", APP)]);
    let root = tree.path();
    symlink(outside.path().join("secret.py"), root.join("link.py")).unwrap();
    symlink(root.join("inside/real.py"), root.join("alias.py")).unwrap();
    for format in ["sarif", "json", "text"] {
        let out = bounded(
            root,
            &["scan", ".", "--format", format, "--fail-on", "never"],
        );
        assert!(out.status.success());
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(
            !report.contains("TOP-SECRET-LINE"),
            "{format}: a file out of the tree was read"
        );
        assert!(
            report.contains("alias.py"),
            "{format}: a link inside the tree is followed"
        );
    }
    let out = bounded(
        root,
        &["scan", ".", "--format", "json", "--fail-on", "never"],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("out of the scanned tree"));
}

#[test]
fn settings_cannot_point_out_of_the_repository() {
    let outside = temp_tree(&[("secret.yml", b"token: TOP-SECRET-VALUE\n")]);
    let secret = outside.path().join("secret.yml");
    let tree = temp_tree(&[("app.py", APP)]);
    let root = tree.path();
    std::fs::create_dir(root.join(".git")).unwrap();

    symlink(&secret, root.join("privacy.yml")).unwrap();
    let out = bounded(root, &["scan", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("privacy.yml") && err.contains("out of the scanned tree"),
        "{err}"
    );
    assert!(!err.contains("TOP-SECRET-VALUE"));
    std::fs::remove_file(root.join("privacy.yml")).unwrap();

    let policy = format!("policy = {:?}\n", secret.to_str().unwrap());
    std::fs::write(root.join("candor.toml"), policy).unwrap();
    let out = bounded(root, &["scan", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("`policy`") && err.contains("outside the repository"),
        "{err}"
    );
    assert!(!err.contains("TOP-SECRET-VALUE"));
    // Named on the command line, it is the user's choice.
    let out = bounded(root, &["scan", ".", "--policy", secret.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("secret.yml"));

    std::fs::write(root.join("candor.toml"), "rule_dirs = [\"../..\"]\n").unwrap();
    let out = bounded(root, &["scan", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("`rule_dirs`"), "{err}");
}

#[test]
fn rule_directories_linked_to_themselves_end() {
    let tree = temp_tree(&[("app.py", APP), ("privacy-rules/sinks/.keep", b"")]);
    let root = tree.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    symlink(".", root.join("privacy-rules/loop-a")).unwrap();
    symlink("..", root.join("privacy-rules/sinks/loop-b")).unwrap();
    std::fs::write(
        root.join("candor.toml"),
        "rule_dirs = [\"privacy-rules\"]\n",
    )
    .unwrap();
    let out = bounded(root, &["scan", ".", "--fail-on", "never"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_very_long_line_does_not_multiply_into_every_finding() {
    // 4,000 columns on one 70 KB line: every finding carried the whole line
    // (280 MB here; 23 GB for a real file of 40,000 columns).
    let columns: Vec<String> = (0..4_000).map(|i| format!("email{i} TEXT")).collect();
    let padding: String = (0..300).map(|i| format!("-- line {i}\n")).collect();
    let sql = format!("{padding}CREATE TABLE users ({});\n", columns.join(", "));
    let tree = temp_tree(&[("dump.sql", sql.as_bytes())]);
    let out = bounded(
        tree.path(),
        &["scan", ".", "--format", "json", "--fail-on", "never"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() < 20 << 20, "{} bytes", out.stdout.len());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 4_000);
    let last = &findings[3_999];
    let snippet = last["snippet"].as_str().unwrap();
    assert!(
        snippet.starts_with('…') && snippet.contains("email3999"),
        "{snippet}"
    );
    assert!(last["snippet_offset"].as_u64().unwrap() > 0);
}

#[test]
fn a_report_is_whole_or_absent_when_the_run_is_killed() {
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("candor.sarif");
    let corpus = common::run::root().join("corpus");
    for delay_ms in [0, 20, 60, 150, 400, 1000] {
        let _ = std::fs::remove_file(&target);
        let mut child = command(&[
            "scan",
            corpus.to_str().unwrap(),
            "--format",
            "sarif",
            "--fail-on",
            "never",
            "-o",
            target.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("run candor");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
        if let Ok(text) = std::fs::read_to_string(&target) {
            let parsed: Result<serde_json::Value, _> = serde_json::from_str(&text);
            assert!(
                parsed.is_ok(),
                "killed after {delay_ms} ms: a half-written report"
            );
        }
    }
}

/// Fails unless `candor ARGS` on `large`, an input four times `small`,
/// takes less than eight times as long: linear work takes at most four
/// times as long (less, with the start-up), quadratic work sixteen. The
/// shortest of a few runs is compared, so that a busy machine does not
/// fail it.
fn assert_linear(small: &Path, large: &Path, args: &[&str]) {
    let time = |dir: &Path| {
        let start = Instant::now();
        let out = bounded(dir, args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        start.elapsed()
    };
    let small_time = (0..3).map(|_| time(small)).min().unwrap();
    let mut tries = Vec::new();
    for _ in 0..3 {
        let t = time(large);
        tries.push(t);
        if t < small_time * 8 || t > small_time * 12 {
            break;
        }
    }
    let best = *tries.iter().min().unwrap();
    assert!(
        best < small_time * 8,
        "four times the input took {best:?} (tries: {tries:?}) against {small_time:?}: \
         more than linear"
    );
}

/// A package.json declaring `n` packages, the last of them `stripe`, on
/// line `n + 3`.
fn package_json(n: usize) -> String {
    let mut text = String::from("{\n  \"name\": \"x\",\n  \"dependencies\": {\n");
    for i in 0..n - 1 {
        text.push_str(&format!("    \"package-number-{i:06}\": \"^1.0.0\",\n"));
    }
    text.push_str("    \"stripe\": \"^14\"\n  }\n}\n");
    text
}

#[test]
fn dependency_manifests_take_time_linear_in_their_size() {
    // 4,000 and 16,000 packages (160 and 630 KB): each package's line was
    // looked for in the whole text, 1.4 s and 20 s (debug build).
    let (n, large_n) = (4_000, 16_000);
    let small = temp_tree(&[("package.json", package_json(n).as_bytes())]);
    let large = temp_tree(&[("package.json", package_json(large_n).as_bytes())]);
    let args = ["scan", ".", "--format", "json", "--fail-on", "never"];
    let v: serde_json::Value =
        serde_json::from_slice(&bounded(large.path(), &args).stdout).unwrap();
    assert_eq!(v["sdks"][0]["package"], "stripe");
    assert_eq!(v["sdks"][0]["line"], large_n + 3);
    assert_linear(small.path(), large.path(), &args);

    // And a manifest has the budget of a source file.
    let out = bounded(
        large.path(),
        &[&args[..], &["--max-file-size", "100000"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sdks"], serde_json::json!([]));
    assert_eq!(v["notices"][0]["path"], "package.json");
    assert_eq!(v["notices"][0]["kind"], "skipped");
    let message = v["notices"][0]["message"].as_str().unwrap();
    assert!(message.contains("--max-file-size"), "{message}");
}

/// A tree with one clean file and a baseline of `n` entries that match
/// nothing; entry `i`'s fingerprint is on line `5 + 4 i`.
fn stale_baseline(n: usize) -> tempfile::TempDir {
    let mut text = String::from("version: 1\nfindings:\n");
    for i in 0..n {
        text.push_str(&format!(
            "- path: src/module_{i}.py\n  rule: sensitive-data-logged\n  \
             fingerprint: {i:016x}:1\n  reason: Entry number {i} accepted\n"
        ));
    }
    temp_tree(&[
        ("app.py", b"x = 1\n"),
        ("candor-baseline.yml", text.as_bytes()),
    ])
}

#[test]
fn stale_baselines_take_time_linear_in_their_size() {
    // 2,000 and 8,000 stale entries: each was looked for in the whole
    // baseline's text, 2 s and 35 s (debug build).
    let (n, large_n) = (2_000, 8_000);
    let small = stale_baseline(n);
    let large = stale_baseline(large_n);
    let args = [
        "scan",
        ".",
        "--baseline",
        "candor-baseline.yml",
        "--format",
        "json",
        "--fail-on",
        "never",
    ];
    let v: serde_json::Value =
        serde_json::from_slice(&bounded(large.path(), &args).stdout).unwrap();
    let stale: Vec<u64> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "stale-baseline-entry")
        .map(|f| f["location"]["start_line"].as_u64().unwrap())
        .collect();
    assert_eq!(stale.len(), large_n);
    assert!(stale.contains(&(5 + 4 * (large_n as u64 - 1))));
    assert_linear(small.path(), large.path(), &args);
}
