//! `--staged` and `--changed-since` against a real git repository.

use std::path::Path;

mod common;
use common::run::{candor_in, git, json};

/// The JSON findings of a scan run in `dir`.
fn scan_findings(dir: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let scan = ["scan", "--format", "json", "--fail-on", "never"];
    let v = json(&candor_in(dir, &[&scan[..], args].concat()));
    v["findings"].as_array().unwrap().clone()
}

/// Where a JSON finding is: (path, line).
fn place(f: &serde_json::Value) -> (String, u64) {
    (
        f["location"]["path"].as_str().unwrap().to_string(),
        f["location"]["start_line"].as_u64().unwrap(),
    )
}

/// (path, line) of every finding of a scan run in `dir`.
fn findings(dir: &Path, args: &[&str]) -> Vec<(String, u64)> {
    scan_findings(dir, args).iter().map(place).collect()
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

/// (path, line, suppressed) of every finding of a `--staged` scan in `dir`.
fn staged_suppressions(dir: &Path) -> Vec<(String, u64, bool)> {
    scan_findings(dir, &["--staged"])
        .iter()
        .map(|f| {
            let (path, line) = place(f);
            (path, line, f.get("suppression").is_some())
        })
        .collect()
}

#[test]
fn staged_scans_take_suppression_comments_from_the_index() {
    const IGNORED: &str = "import logging\n\ndef f(id_number):\n    logging.info(id_number)  # candor:ignore sensitive-data-logged -- audit log\n";
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    git(dir, &["init", "-q"]);
    std::fs::write(dir.join("app.py"), CLEAN).unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "init"]);

    // The comment is staged; the working tree has lost it.
    std::fs::write(dir.join("app.py"), IGNORED).unwrap();
    git(dir, &["add", "app.py"]);
    std::fs::write(dir.join("app.py"), LOGS).unwrap();
    assert_eq!(
        staged_suppressions(dir),
        [("app.py".to_string(), 4, true)],
        "the staged comment suppresses the staged line"
    );

    // The comment is only in the working tree: what is committed is not
    // suppressed.
    std::fs::write(dir.join("app.py"), LOGS).unwrap();
    git(dir, &["add", "app.py"]);
    std::fs::write(dir.join("app.py"), IGNORED).unwrap();
    assert_eq!(
        staged_suppressions(dir),
        [("app.py".to_string(), 4, false)],
        "an unstaged comment does not suppress the staged line"
    );
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

/// What a scanned repository can make git run: each setting names a
/// script that leaves a mark when it runs.
#[cfg(unix)]
mod hostile {
    use std::os::unix::fs::{PermissionsExt, symlink};
    use std::path::{Path, PathBuf};

    use super::{CLEAN, LOGS, findings};
    use crate::common::run::{bounded, git, json};

    /// A repository whose `feature` branch changes `app.py`, with
    /// `staged.py` staged, `other.py` touched (so that git must read it to
    /// tell whether it changed) and `evil.sh` beside it, which writes its
    /// first argument to `ran` when anything runs it.
    struct Hostile {
        dir: tempfile::TempDir,
    }

    impl Hostile {
        fn new() -> Hostile {
            let dir = tempfile::tempdir().unwrap();
            let repo = dir.path().join("repo");
            std::fs::create_dir(&repo).unwrap();
            let evil = dir.path().join("evil.sh");
            let ran = dir.path().join("ran");
            std::fs::write(
                &evil,
                format!("#!/bin/sh\necho \"$1\" >> '{}'\nexit 1\n", ran.display()),
            )
            .unwrap();
            std::fs::set_permissions(&evil, std::fs::Permissions::from_mode(0o755)).unwrap();
            git(&repo, &["init", "-q"]);
            std::fs::write(repo.join("app.py"), CLEAN).unwrap();
            std::fs::write(repo.join("other.py"), CLEAN).unwrap();
            git(&repo, &["add", "."]);
            git(&repo, &["commit", "-q", "-m", "init"]);
            git(&repo, &["checkout", "-q", "-b", "feature"]);
            std::fs::write(repo.join("app.py"), LOGS).unwrap();
            git(&repo, &["commit", "-q", "-am", "log it"]);
            std::fs::write(repo.join("staged.py"), LOGS).unwrap();
            git(&repo, &["add", "staged.py"]);
            Hostile { dir }
        }

        fn repo(&self) -> PathBuf {
            self.dir.path().join("repo")
        }

        /// `evil.sh NAME`, a command for a setting.
        fn command(&self, name: &str) -> String {
            format!("{} {name}", self.dir.path().join("evil.sh").display())
        }

        /// Appends to `.git/config`, and makes `other.py` look changed to
        /// git without changing its size, so that it hashes the file again
        /// (through any filter).
        fn configure(&self, config: &str) {
            let path = self.repo().join(".git/config");
            let mut text = std::fs::read_to_string(&path).unwrap();
            text.push_str(config);
            std::fs::write(&path, text).unwrap();
            let later = std::time::SystemTime::now() + std::time::Duration::from_secs(3600);
            std::fs::File::options()
                .write(true)
                .open(self.repo().join("other.py"))
                .unwrap()
                .set_modified(later)
                .unwrap();
        }

        /// Runs both scans and fails if anything left its mark.
        fn check(&self, what: &str) {
            let repo = self.repo();
            for args in [&["--staged"][..], &["--changed-since", "main"]] {
                let scan = ["scan", "--format", "json", "--fail-on", "never"];
                let out = bounded(&repo, &[&scan[..], args].concat());
                let ran = std::fs::read_to_string(self.dir.path().join("ran"));
                assert!(ran.is_err(), "{what}, {args:?}: git ran {ran:?}");
                let v = json(&out);
                let paths = crate::common::run::finding_paths(&v);
                let expected: &[&str] = if args[0] == "--staged" {
                    &["staged.py"]
                } else {
                    &["app.py", "staged.py"]
                };
                assert_eq!(paths, expected, "{what}, {args:?}");
            }
        }
    }

    fn attributes(repo: &Path, text: &str) {
        std::fs::write(repo.join(".gitattributes"), text).unwrap();
    }

    #[test]
    fn the_repository_configuration_runs_no_command() {
        let h = Hostile::new();
        h.configure(&format!(
            "[core]\n\tfsmonitor = {}\n",
            h.command("fsmonitor")
        ));
        h.check("core.fsmonitor");

        // A file the configuration includes cannot be switched off; the
        // setting on git's command line still wins over it.
        let h = Hostile::new();
        let included = h.dir.path().join("included.cfg");
        std::fs::write(
            &included,
            format!("[core]\n\tfsmonitor = {}\n", h.command("included")),
        )
        .unwrap();
        h.configure(&format!(
            "[include]\n\tpath = {0}\n[includeIf \"gitdir:/\"]\n\tpath = {0}\n",
            included.display()
        ));
        h.check("include.path with core.fsmonitor");

        let h = Hostile::new();
        attributes(&h.repo(), "*.py filter=x\n");
        h.configure(&format!(
            "[filter \"x\"]\n\tclean = {}\n\tsmudge = {}\n\trequired = true\n",
            h.command("clean"),
            h.command("smudge")
        ));
        h.check("filter clean and smudge");

        let h = Hostile::new();
        attributes(&h.repo(), "*.py filter=y.z=w\n");
        h.configure(&format!(
            "[filter \"y.z=w\"]\n\tprocess = {}\n",
            h.command("process")
        ));
        h.check("filter process");

        let h = Hostile::new();
        attributes(&h.repo(), "*.py diff=x\n");
        h.configure(&format!(
            "[diff \"x\"]\n\ttextconv = {}\n\tcommand = {}\n[diff]\n\texternal = {}\n\
             [core]\n\tpager = {}\n[pager]\n\tshow = {}\n\tdiff = {}\n",
            h.command("textconv"),
            h.command("diff-command"),
            h.command("external"),
            h.command("pager"),
            h.command("pager-show"),
            h.command("pager-diff"),
        ));
        h.check("diff drivers and pagers");

        // A partial clone fetches a missing object from its promisor
        // remote, over SSH, with the repository's SSH command.
        let h = Hostile::new();
        let repo = h.repo();
        git(
            &repo,
            &[
                "update-index",
                "--add",
                "--cacheinfo",
                "100644,1234567890123456789012345678901234567890,ghost.py",
            ],
        );
        let config = std::fs::read_to_string(repo.join(".git/config"))
            .unwrap()
            .replace("repositoryformatversion = 0", "repositoryformatversion = 1");
        std::fs::write(repo.join(".git/config"), config).unwrap();
        h.configure(&format!(
            "[core]\n\tsshCommand = {}\n[extensions]\n\tpartialClone = origin\n\
             [remote \"origin\"]\n\turl = ssh://example.invalid/x\n\tpromisor = true\n",
            h.command("ssh")
        ));
        h.check("core.sshCommand of a promisor remote");

        let h = Hostile::new();
        let hooks = h.dir.path().join("hooks");
        std::fs::create_dir(&hooks).unwrap();
        for dir in [hooks.clone(), h.repo().join(".git/hooks")] {
            for hook in [
                "post-index-change",
                "pre-commit",
                "post-checkout",
                "reference-transaction",
                "fsmonitor-watchman",
                "pre-auto-gc",
            ] {
                std::fs::write(
                    dir.join(hook),
                    format!("#!/bin/sh\n{} {hook}\n", h.command("")),
                )
                .unwrap();
                std::fs::set_permissions(dir.join(hook), std::fs::Permissions::from_mode(0o755))
                    .unwrap();
            }
        }
        h.configure(&format!("[core]\n\thooksPath = {}\n", hooks.display()));
        h.check("hooks");
    }

    #[test]
    fn staged_names_are_paths_not_revisions() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.py");
        std::fs::write(
            &secret,
            "import logging\ndef f(password):\n    logging.info(password)  # TOP-SECRET\n",
        )
        .unwrap();
        let h = Hostile::new();
        let repo = h.repo();
        // `git show :/<text>` shows the newest commit whose message holds
        // the text, through the repository's diff drivers.
        let canonical = std::fs::canonicalize(&secret).unwrap();
        let message = canonical
            .to_str()
            .unwrap()
            .trim_start_matches('/')
            .to_string();
        std::fs::write(repo.join("app.py"), CLEAN).unwrap();
        git(&repo, &["commit", "-q", "-am", &message]);
        symlink(&secret, repo.join("link.py")).unwrap();
        // `:0:app.py` is stage 0 of `app.py`.
        std::fs::write(repo.join("0:app.py"), LOGS).unwrap();
        git(&repo, &["add", "link.py", "0:app.py"]);
        attributes(&repo, "*.py diff=x\n");
        h.configure(&format!(
            "[diff \"x\"]\n\ttextconv = {}\n[diff]\n\texternal = {}\n",
            h.command("textconv"),
            h.command("external")
        ));
        let out = bounded(
            &repo,
            &["scan", "--staged", "--format", "json", "--fail-on", "never"],
        );
        let ran = std::fs::read_to_string(h.dir.path().join("ran"));
        assert!(ran.is_err(), "git ran {ran:?}");
        let report = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(!report.contains("TOP-SECRET"), "{report}");
        let v = json(&out);
        let paths = crate::common::run::finding_paths(&v);
        // (`staged.py` went into the commit.)
        assert_eq!(paths, ["0:app.py"]);
        let link = v["notices"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["path"] == "link.py")
            .map(|n| n["message"].as_str().unwrap().to_string());
        assert!(
            link.as_deref().is_some_and(|m| m.contains("symbolic link")),
            "{link:?}"
        );
    }

    #[test]
    fn git_names_no_file_outside_the_scanned_directory() {
        // `core.worktree` moves the work tree out of the repository.
        let h = Hostile::new();
        let elsewhere = h.dir.path().join("wt");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("secret.py"), LOGS).unwrap();
        h.configure(&format!("[core]\n\tworktree = {}\n", elsewhere.display()));
        for args in [&["--staged"][..], &["--changed-since", "main"]] {
            let out = bounded(&h.repo(), &[&["scan"][..], args].concat());
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
            assert!(err.contains("core.worktree"), "{err}");
            assert!(!String::from_utf8_lossy(&out.stdout).contains("secret.py"));
        }
        // ... or above it (relative to `.git`), where it would list the
        // files next to the repository.
        let h = Hostile::new();
        std::fs::write(h.dir.path().join("secret.py"), LOGS).unwrap();
        h.configure("[core]\n\tworktree = ../..\n");
        let out = bounded(&h.repo(), &["scan", "--changed-since", "main"]);
        assert_eq!(out.status.code(), Some(2));
        assert!(!String::from_utf8_lossy(&out.stdout).contains("secret.py"));

        // A scan of a directory reports that directory's files only.
        let h = Hostile::new();
        let repo = h.repo();
        std::fs::create_dir(repo.join("sub")).unwrap();
        std::fs::write(repo.join("sub/inner.py"), LOGS).unwrap();
        git(&repo, &["add", "sub"]);
        let staged = [
            "scan",
            "sub",
            "--staged",
            "--format",
            "json",
            "--fail-on",
            "never",
        ];
        let v = json(&bounded(&repo, &staged));
        assert_eq!(v["findings"].as_array().unwrap().len(), 1, "{v}");
        assert_eq!(v["findings"][0]["location"]["path"], "inner.py");
        assert_eq!(
            findings(&repo.join("sub"), &["--changed-since", "main"]),
            [("inner.py".to_string(), 4)]
        );
        let changed = [
            "scan",
            "sub",
            "--changed-since",
            "main",
            "--format",
            "json",
            "--fail-on",
            "never",
        ];
        let v = json(&bounded(&repo, &changed));
        assert_eq!(v["findings"].as_array().unwrap().len(), 1, "{v}");

        // A changed file under a directory the working tree links elsewhere.
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(
            outside.path().join("x.py"),
            "import logging\ndef f(password):\n    logging.info(password)  # TOP-SECRET\n",
        )
        .unwrap();
        std::fs::create_dir(repo.join("lib")).unwrap();
        std::fs::write(repo.join("lib/x.py"), LOGS).unwrap();
        git(&repo, &["add", "lib"]);
        git(&repo, &["commit", "-q", "-m", "lib"]);
        std::fs::remove_dir_all(repo.join("lib")).unwrap();
        symlink(outside.path(), repo.join("lib")).unwrap();
        let out = bounded(
            &repo,
            &[
                "scan",
                "--changed-since",
                "main",
                "--format",
                "json",
                "--fail-on",
                "never",
            ],
        );
        let report = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(!report.contains("TOP-SECRET"), "{report}");
        assert!(report.contains("linked out of the repository"), "{report}");
    }

    #[test]
    fn file_names_that_are_not_utf8_are_scanned() {
        use std::os::unix::ffi::OsStrExt;
        let h = Hostile::new();
        let repo = h.repo();
        let name = std::ffi::OsStr::from_bytes(b"bad\xff.py");
        if std::fs::write(repo.join(name), LOGS).is_err() {
            eprintln!("this file system takes UTF-8 names only; skipped");
            return;
        }
        git(&repo, &["add", "--", "."]);
        for args in [&["--staged"][..], &["--changed-since", "main"]] {
            let scan = ["scan", "--format", "json", "--fail-on", "never"];
            let v = json(&bounded(&repo, &[&scan[..], args].concat()));
            let paths = crate::common::run::finding_paths(&v);
            assert!(
                paths.contains(&"bad\u{fffd}.py") && paths.contains(&"staged.py"),
                "{args:?}: {paths:?}"
            );
        }
    }

    #[test]
    fn staged_dependency_manifests_are_read_from_the_index() {
        let h = Hostile::new();
        let repo = h.repo();
        let stripe = "{\"dependencies\": {\"stripe\": \"^14\"}}\n";
        let none = "{\"dependencies\": {\"left-pad\": \"^1\"}}\n";
        std::fs::write(repo.join("package.json"), stripe).unwrap();
        git(&repo, &["add", "package.json"]);
        std::fs::write(repo.join("package.json"), none).unwrap();
        let staged = ["scan", "--staged", "--format", "json", "--fail-on", "never"];
        let v = json(&bounded(&repo, &staged));
        assert_eq!(v["sdks"][0]["package"], "stripe", "{}", v["sdks"]);
        // And the other way round.
        std::fs::write(repo.join("package.json"), none).unwrap();
        git(&repo, &["add", "package.json"]);
        std::fs::write(repo.join("package.json"), stripe).unwrap();
        let v = json(&bounded(&repo, &staged));
        assert_eq!(v["sdks"], serde_json::json!([]));
    }
}
