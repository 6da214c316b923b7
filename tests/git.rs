//! `--staged` and `--changed-since` against a real git repository.

use std::path::Path;

mod common;
use common::run::{candor_in, git, json};

/// (path, line) of every finding of a scan run in `dir`.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, u64)> {
    let scan = ["scan", "--format", "json", "--fail-on", "never"];
    let v = json(&candor_in(dir, &[&scan[..], args].concat()));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
            )
        })
        .collect()
}

const CLEAN: &str = "import logging\n\ndef f(id_number):\n    return len(id_number)\n";
const LOGS: &str = "import logging\n\ndef f(id_number):\n    logging.info(id_number)\n";

#[test]
fn staged_scans_see_the_index_not_the_working_tree() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    std::fs::write(dir.join("app.py"), CLEAN).unwrap();
    std::fs::write(dir.join("other.py"), LOGS).unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "init"]);

    // Staged: the logging line. Working tree: clean again.
    std::fs::write(dir.join("app.py"), LOGS).unwrap();
    git(dir, &["add", "app.py"]);
    std::fs::write(dir.join("app.py"), CLEAN).unwrap();
    assert_eq!(
        findings(dir, &["--staged"]),
        [("app.py".to_string(), 4)],
        "staged content, and only staged files"
    );
    assert_eq!(
        findings(dir, &["."]),
        [("other.py".to_string(), 4)],
        "the working tree"
    );

    // An unstaged edit is not seen by --staged.
    git(dir, &["reset", "-q"]);
    std::fs::write(dir.join("app.py"), LOGS).unwrap();
    assert!(findings(dir, &["--staged"]).is_empty());
}

#[test]
fn changed_since_reports_only_changed_files() {
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    std::fs::write(dir.join("old.py"), LOGS).unwrap();
    std::fs::write(dir.join("new.py"), CLEAN).unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "init"]);
    git(dir, &["checkout", "-q", "-b", "feature"]);
    std::fs::write(dir.join("new.py"), LOGS).unwrap();
    git(dir, &["commit", "-q", "-am", "log it"]);
    assert_eq!(
        findings(dir, &["--changed-since", "main"]),
        [("new.py".to_string(), 4)]
    );
    assert_eq!(findings(dir, &["."]).len(), 2);
}

#[test]
fn outside_a_repository_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = candor_in(dir.path(), &["scan", "--staged"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("git"));
}
