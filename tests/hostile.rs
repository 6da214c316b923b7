//! A scanned repository is untrusted input: special files, links out of the
//! tree and settings that point elsewhere must not make the scan block,
//! grow without end, or read what lies outside the repository.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

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
