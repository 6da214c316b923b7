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
    // The FIFO is not applied, and its directory is scanned all the same.
    assert!(
        notice("sub/.gitignore")
            .is_some_and(|m| m.contains("not applied") && m.contains("not a regular file")),
        "{:?}",
        notice("sub/.gitignore")
    );
    assert!(notice("zero.py").is_some_and(|m| m.contains("not followed")));
    assert!(notice("zero.graphql").is_some());
    let findings = v["findings"].as_array().unwrap();
    assert!(findings.iter().any(|f| f["location"]["path"] == "app.py"));
    assert!(
        findings
            .iter()
            .any(|f| f["location"]["path"] == "sub/ok.py")
    );
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

#[test]
fn settings_that_fail_to_parse_never_print_what_they_hold() {
    // Files a fork's links could lead to: each is read because the command
    // line names it, and must fail without its content in the CI log.
    let secrets: [&[u8]; 10] = [
        b"TOPSECRETKEY = \"TOPSECRETVALUE123\"\n",
        b"fail_on = \"TOPSECRETVALUE123\"\n",
        b"exclude = \"TOPSECRETVALUE123\"\n",
        b"fail_on = 12345678\n",
        b"[rules]\nenable = [\"TOPSECRETVALUE123\"]\n",
        b"exclude = [\"TOPSECRETVALUE123{\"]\n",
        b"[roles]\nTOPSECRETKEY = [\"x\"]\n",
        b"[roles]\ntest = [\"TOPSECRETVALUE123[\"]\n",
        b"TOPSECRETKEY: TOPSECRETVALUE123\n",
        b"findings: \"TOPSECRETVALUE123\"\n",
    ];
    let tree = temp_tree(&[("app.py", APP)]);
    let root = tree.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    for (i, secret) in secrets.iter().enumerate() {
        let outside = temp_tree(&[("secret", secret)]);
        let link = root.join(format!("settings-{i}"));
        symlink(outside.path().join("secret"), &link).unwrap();
        let name = format!("settings-{i}");
        for flag in ["--config", "--baseline", "--policy"] {
            let out = bounded(root, &["scan", ".", flag, &name]);
            let err = String::from_utf8_lossy(&out.stderr);
            if out.status.code() != Some(2) {
                // Not every file fails as every kind of settings.
                continue;
            }
            assert!(
                !err.contains("TOPSECRET") && !err.contains("12345678"),
                "{flag} {}: {err}",
                String::from_utf8_lossy(secret)
            );
            assert!(err.contains(&format!("{name}:")), "{flag}: {err}");
        }
    }
    // What is wrong and where is still said.
    std::fs::write(
        root.join("candor.toml"),
        "fail_on = \"TOPSECRETVALUE123\"\n",
    )
    .unwrap();
    let out = bounded(root, &["scan", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("candor.toml:1:1: fail_on must be error, warning, note or never"),
        "{err}"
    );
}

#[test]
fn settings_above_a_tree_outside_a_repository_are_not_read() {
    // A `candor.toml` in a home directory or a CI workspace, above a tree
    // that is no git repository, once emptied the scan without a word.
    let top = temp_tree(&[
        ("candor.toml", b"exclude = [\"**\"]\n"),
        ("privacy.yml", b"version: 1\ndata: []\n"),
        ("child/app.py", APP),
    ]);
    let dir = top.path();
    let scan = |extra: &[&str], format: &str| {
        let mut args = vec!["scan", "child", "--fail-on", "never", "--format", format];
        args.extend_from_slice(extra);
        let out = bounded(dir, &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let v: serde_json::Value = serde_json::from_str(&scan(&[], "json")).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["location"]["path"] == "app.py"),
        "{v}"
    );
    assert_eq!(v["config"], serde_json::Value::Null);
    assert_eq!(v["manifest"], serde_json::Value::Null);
    for format in ["text", "markdown", "html", "sarif"] {
        assert!(!scan(&[], format).contains("candor.toml"), "{format}");
    }
    // Named on the command line, the file is used, and every report names
    // it.
    for format in ["text", "json", "sarif", "markdown", "html"] {
        let report = scan(&["--config", "candor.toml"], format);
        assert!(!report.contains("logging.info"), "{format}: excluded");
        assert!(report.contains("candor.toml"), "{format}: {report}");
    }
    // Inside a repository, the settings at its root are found from a
    // subdirectory, and named.
    std::fs::create_dir(dir.join(".git")).unwrap();
    for format in ["text", "json", "sarif", "markdown", "html"] {
        let report = scan(&[], format);
        assert!(report.contains("candor.toml"), "{format}: {report}");
    }
    let v: serde_json::Value = serde_json::from_str(&scan(&[], "json")).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 0, "{v}");
    assert!(v["config"].as_str().unwrap().ends_with("candor.toml"));
}

/// A JSON scan of `dir` run in `cwd`, which must succeed.
fn scan_json(cwd: &Path, dir: &str) -> serde_json::Value {
    let out = bounded(
        cwd,
        &["scan", dir, "--format", "json", "--fail-on", "never"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The paths of the findings of a JSON report.
fn finding_paths(v: &serde_json::Value) -> Vec<String> {
    let mut paths: Vec<String> = crate::common::run::finding_paths(v)
        .into_iter()
        .map(str::to_string)
        .collect();
    paths.dedup();
    paths
}

/// The message of the notice about `path`, if there is one.
fn notice_of(v: &serde_json::Value, path: &str) -> Option<String> {
    v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"] == path)
        .map(|n| n["message"].as_str().unwrap().to_string())
}

#[test]
fn ignore_files_above_the_repository_apply_nothing() {
    for name in [".gitignore", ".ignore", ".candorignore"] {
        let top = temp_tree(&[(name, b"*.py\n"), ("repo/app.py", APP)]);
        std::fs::create_dir(top.path().join("repo/.git")).unwrap();
        let v = scan_json(top.path(), "repo");
        assert_eq!(finding_paths(&v), ["app.py"], "{name}: {v}");
        assert_eq!(v["stats"]["files_scanned"], 1, "{name}");
        assert_eq!(v["notices"], serde_json::json!([]), "{name}");
        // Outside a repository, nothing above the scanned directory applies.
        std::fs::remove_dir(top.path().join("repo/.git")).unwrap();
        let v = scan_json(top.path(), "repo");
        assert_eq!(finding_paths(&v), ["app.py"], "{name}, no repository: {v}");
    }
    // Those between the repository's root and a scanned subdirectory apply,
    // from where they stand.
    let top = temp_tree(&[
        (".gitignore", b"*.py\n"),
        ("repo/.gitignore", b"/src/skip.py\n"),
        ("repo/src/.ignore", b"!keep.py\n"),
        ("repo/src/app.py", APP),
        ("repo/src/skip.py", APP),
        ("repo/src/keep.py", APP),
    ]);
    std::fs::create_dir(top.path().join("repo/.git")).unwrap();
    let v = scan_json(top.path(), "repo/src");
    assert_eq!(finding_paths(&v), ["app.py", "keep.py"], "{v}");
}

#[test]
fn ignore_files_that_cannot_be_read_are_not_applied_and_named() {
    let outside = temp_tree(&[("everything", b"*\n")]);
    let tree = temp_tree(&[("app.py", APP), ("sub/b.py", APP), ("deep/c.py", APP)]);
    let root = tree.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    symlink(
        outside.path().join("everything"),
        root.join(".candorignore"),
    )
    .unwrap();
    symlink("nowhere", root.join("sub/.gitignore")).unwrap();
    let v = scan_json(root, ".");
    assert_eq!(
        finding_paths(&v),
        ["app.py", "deep/c.py", "sub/b.py"],
        "{v}"
    );
    let candorignore = notice_of(&v, ".candorignore").unwrap_or_default();
    assert!(
        candorignore.contains("not applied") && candorignore.contains("out of the scanned tree"),
        "{v}"
    );
    assert!(
        notice_of(&v, "sub/.gitignore").is_some_and(|m| m.contains("not applied")),
        "{v}"
    );
    assert_eq!(notice_of(&v, ".gitignore"), None, "{v}");
    // One that cannot be read is not applied either, and said so.
    std::fs::write(root.join("deep/.gitignore"), "*.py\n").unwrap();
    if make_unreadable(&root.join("deep/.gitignore")) {
        let v = scan_json(root, ".");
        assert!(finding_paths(&v).contains(&"deep/c.py".to_string()), "{v}");
        assert!(
            notice_of(&v, "deep/.gitignore")
                .is_some_and(|m| m.contains("cannot read") && m.contains("not applied")),
            "{v}"
        );
    }
}

/// Takes every permission from `path`; false when it can still be read
/// (as root), for the tests of unreadable files to skip.
fn make_unreadable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = if path.is_dir() {
        std::fs::read_dir(path).is_ok()
    } else {
        std::fs::read(path).is_ok()
    };
    if readable {
        eprintln!("{}: still readable (run as root?); skipped", path.display());
    }
    !readable
}

/// The SDK packages a JSON report lists, as `path:package`.
fn sdk_packages(v: &serde_json::Value) -> Vec<String> {
    v["sdks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}:{}",
                s["path"].as_str().unwrap(),
                s["package"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn manifests_with_a_bom_or_a_bad_byte_are_still_read() {
    let tree = temp_tree(&[
        (
            "bom/package.json",
            b"\xef\xbb\xbf{\"dependencies\": {\"stripe\": \"1\"}}\n",
        ),
        (
            "bad/package.json",
            b"{\"description\": \"caf\xe9\",\n \"dependencies\": {\"stripe\": \"1\"}}\n",
        ),
        ("bom/requirements.txt", b"\xef\xbb\xbfsentry-sdk==1\n"),
        ("bad/requirements.txt", b"# caf\xe9\nsentry-sdk==1\n"),
        (
            "bad/go.mod",
            b"module x // caf\xe9\nrequire github.com/getsentry/sentry-go v0.27.0\n",
        ),
        (
            "bad/Cargo.toml",
            b"[package]\ndescription = \"caf\xe9\"\n[dependencies]\nsentry = \"0.34\"\n",
        ),
        ("app.py", APP),
    ]);
    let v = scan_json(tree.path(), ".");
    let sdks = sdk_packages(&v);
    for expected in [
        "bom/package.json:stripe",
        "bad/package.json:stripe",
        "bom/requirements.txt:sentry-sdk",
        "bad/requirements.txt:sentry-sdk",
        "bad/go.mod:github.com/getsentry/sentry-go",
        "bad/Cargo.toml:sentry",
    ] {
        assert!(sdks.contains(&expected.to_string()), "{expected}: {sdks:?}");
    }
    for lossy in [
        "bad/package.json",
        "bad/requirements.txt",
        "bad/go.mod",
        "bad/Cargo.toml",
    ] {
        assert!(
            notice_of(&v, lossy).is_some_and(|m| m.contains("decoded lossily")),
            "{lossy}: {v}"
        );
    }
    assert_eq!(notice_of(&v, "bom/package.json"), None);
}

#[test]
fn every_path_passed_over_is_reported() {
    let tree = temp_tree(&[
        ("app.py", APP),
        ("locked/secret.py", APP),
        (
            "api.yaml",
            b"openapi: 3.0.0\ninfo: {title: x, version: '1'}\npaths: {}\n",
        ),
        (
            "npm/package.json",
            b"{\"dependencies\": {\"stripe\": \"1\"}}\n",
        ),
        ("broken/package.json", b"{\"dependencies\": \n"),
    ]);
    let root = tree.path();
    // Too large to read, and a sparse one of 3 GB.
    let large = format!(
        "{{\"dependencies\": {{\"stripe\": \"1\"}}, \"padding\": \"{}\"}}\n",
        "x".repeat(17 << 20)
    );
    std::fs::create_dir_all(root.join("large")).unwrap();
    std::fs::write(root.join("large/package.json"), large).unwrap();
    std::fs::create_dir_all(root.join("sparse")).unwrap();
    let sparse = [
        "sparse/package.json",
        "sparse/api.yaml",
        "sparse/big.py",
        "sparse/big.sql",
    ];
    for name in sparse {
        let file = std::fs::File::create(root.join(name)).unwrap();
        file.set_len(3 << 30).unwrap();
    }
    // A path longer than the system takes (4096 bytes): 20 directories of
    // 250 bytes, made one `cd` at a time.
    let segment = "d".repeat(250);
    let script = format!(
        "for i in $(seq 20); do mkdir {segment} && cd -P {segment} || exit 1; done; printf 'x = 1\\n' > deep.py"
    );
    let deep = Command::new("sh")
        .args(["-c", &script])
        .current_dir(root)
        .status()
        .is_ok_and(|s| s.success());
    assert!(deep, "a path over 4096 bytes could not be made");
    let v = scan_json(root, ".");
    assert!(
        notice_of(&v, "large/package.json").is_some_and(|m| m.contains("larger than")),
        "{v}"
    );
    // Each is judged on what is read, never read whole.
    for name in ["sparse/package.json", "sparse/big.py", "sparse/big.sql"] {
        assert!(
            notice_of(&v, name).is_some_and(|m| m.contains("larger than")),
            "{name}: {v}"
        );
    }
    assert!(
        notice_of(&v, "sparse/api.yaml").is_some_and(|m| m.contains("binary")),
        "{v}"
    );
    assert!(
        notice_of(&v, "broken/package.json").is_some_and(|m| m.contains("not valid JSON")),
        "{v}"
    );
    let long = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["path"].as_str().unwrap().starts_with(segment.as_str()));
    assert!(
        long.is_some_and(|n| n["message"].as_str().unwrap().contains("cannot read")),
        "{v}"
    );
    // What cannot be read is said, whatever it is.
    let unreadable = ["locked", "api.yaml", "npm/package.json"];
    if unreadable.iter().all(|p| make_unreadable(&root.join(p))) {
        let v = scan_json(root, ".");
        for path in unreadable {
            assert!(
                notice_of(&v, path).is_some_and(|m| m.contains("cannot read")),
                "{path}: {v}"
            );
        }
        assert!(finding_paths(&v).contains(&"app.py".to_string()));
        assert!(!finding_paths(&v).contains(&"locked/secret.py".to_string()));
    }
    // Let the temporary directory be removed.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(root.join("locked"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn reports_for_people_show_control_and_bidi_characters_escaped() {
    // A file name with a colour sequence, a C1 CSI, a right-to-left
    // override and the line and paragraph separators, and code lines with
    // the same.
    let names = [
        "esc\u{1b}[31mred\u{1b}[0m.py",
        "c1\u{9b}2J.py",
        "bidi\u{202e}yp.txt.py",
        "sep\u{2028}par\u{2029}.py",
    ];
    let code = "import logging\ndef f(email):\n    logging.info(email)  # \u{1b}[32mgreen\u{1b}[0m \u{202e}evil\n";
    let files: Vec<(&str, &[u8])> = names.iter().map(|n| (*n, code.as_bytes())).collect();
    let tree = temp_tree(&files);
    let raw = ['\u{9b}', '\u{202e}', '\u{2028}', '\u{2029}'];
    let formats: [&[&str]; 5] = [
        &["--format", "text", "--color", "always"],
        &["--format", "text", "--color", "never"],
        &["--format", "markdown"],
        &["--format", "csv"],
        &["--format", "html"],
    ];
    for flags in formats {
        let mut args = vec!["scan", ".", "--fail-on", "never"];
        args.extend_from_slice(flags);
        let out = bounded(tree.path(), &args);
        assert!(out.status.success(), "{flags:?}");
        let report = String::from_utf8(out.stdout).unwrap();
        for c in raw {
            assert!(!report.contains(c), "{flags:?}: raw U+{:04X}", c as u32);
        }
        assert!(
            !report.contains("\u{1b}[31mred") && !report.contains("\u{1b}[32mgreen"),
            "{flags:?}: a colour sequence from the scanned tree"
        );
        if !flags.contains(&"always") {
            assert!(!report.contains('\u{1b}'), "{flags:?}: raw ESC");
        }
        if flags[1] != "html" {
            // Shown, not dropped.
            assert!(report.contains("\\u{202e}"), "{flags:?}: {report}");
            assert!(report.contains("\\u{1b}[31mred"), "{flags:?}: {report}");
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

    // `--max-file-size` is the budget of source files: a manifest is read
    // up to 16 MiB (`every_path_passed_over_is_reported` has one larger).
    let out = bounded(
        large.path(),
        &[&args[..], &["--max-file-size", "100000"]].concat(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["sdks"][0]["package"], "stripe");
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

#[test]
fn minified_files_are_judged_by_where_their_bytes_are() {
    // A bundle padded with blank lines once passed for hand-written (its
    // average line fell under the limit) ...
    let bundle = "var u=function(e){return fetch(e.email)};".repeat(1_200);
    let padded = format!("{bundle}\n{}", "\n".repeat(5_000));
    // ... and one long line (a data URI) dropped the code around it.
    let data_uri = format!(
        "LOGO = \"data:image/png;base64,{}\"\n",
        "QUFB".repeat(50_000)
    );
    let long_finding = format!(
        "def g(email):\n    logging.info(email); x = \"{}\"\n",
        "b".repeat(100_000)
    );
    let hand_written = format!(
        "import logging\n{}\n{data_uri}\ndef f(phone_number):\n    logging.info(phone_number)\n{long_finding}",
        (0..30).map(|i| format!("X{i} = {i}\n")).collect::<String>()
    );
    let tree = temp_tree(&[
        ("static/bundle.js", padded.as_bytes()),
        ("app.py", hand_written.as_bytes()),
    ]);
    let out = bounded(
        tree.path(),
        &["scan", ".", "--format", "json", "--fail-on", "never"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() < 64 << 10, "{} bytes", out.stdout.len());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        notice_of(&v, "static/bundle.js").is_some_and(|m| m.contains("minified")),
        "{v}"
    );
    assert_eq!(notice_of(&v, "app.py"), None, "{v}");
    let findings = v["findings"].as_array().unwrap();
    let lines: Vec<u64> = findings
        .iter()
        .filter(|f| f["location"]["path"] == "app.py")
        .map(|f| f["location"]["start_line"].as_u64().unwrap())
        .collect();
    assert!(lines.contains(&36) && lines.contains(&38), "{lines:?}");
    for f in findings {
        let snippet = f["snippet"].as_str().unwrap_or("");
        // A window of 1,000 characters, and an ellipsis at each cut end.
        assert!(snippet.chars().count() <= 1_002, "{}", snippet.len());
    }
}

/// The names of the entries of `dir`.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn outputs_do_not_follow_a_repository_link_out_of_it() {
    // The commands the README gives for CI write into the checkout: a
    // directory link committed there must not carry the write elsewhere.
    let outside = tempfile::tempdir().unwrap();
    let tree = temp_tree(&[("app.py", APP), ("sub/other.py", APP), ("real/.keep", b"")]);
    let root = tree.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    symlink(outside.path(), root.join("out")).unwrap();
    symlink("real", root.join("inner")).unwrap();
    let commands: [&[&str]; 6] = [
        &["scan", ".", "--fail-on", "never", "-o", "out/r.sarif"],
        &["scan", "sub", "--fail-on", "never", "-o", "out/r.sarif"],
        &[
            "scan",
            ".",
            "--fail-on",
            "never",
            "-o",
            "real/../out/r.sarif",
        ],
        &["baseline", "create", ".", "-o", "out/b.yml"],
        &["init", ".", "-o", "out/privacy.yml"],
        &["report", "ropa", ".", "-o", "out/ropa.md"],
    ];
    for args in commands {
        let out = bounded(root, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        let named = args.last().unwrap();
        assert!(
            err.contains(named) && err.contains("symbolic link") && err.contains("-o"),
            "{args:?}: {err}"
        );
        assert!(entries(outside.path()).is_empty(), "{args:?} wrote outside");
    }
    // Given as an absolute path through the checkout, it is refused too.
    let absolute = root.join("out/r.sarif");
    let out = bounded(
        root,
        &[
            "scan",
            ".",
            "--fail-on",
            "never",
            "-o",
            absolute.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(entries(outside.path()).is_empty());
    // A path outside the repository is the user's, and so is a link
    // within the repository.
    let chosen = outside.path().join("r.sarif");
    for target in [chosen.to_str().unwrap(), "inner/r.sarif", "real/r.sarif"] {
        let out = bounded(root, &["scan", ".", "--fail-on", "never", "-o", target]);
        assert!(
            out.status.success(),
            "{target}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(chosen.is_file() && root.join("real/r.sarif").is_file());
    // A real directory of that name is written to.
    std::fs::remove_file(root.join("out")).unwrap();
    std::fs::create_dir(root.join("out")).unwrap();
    let out = bounded(
        root,
        &["scan", ".", "--fail-on", "never", "-o", "out/r.sarif"],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(root.join("out/r.sarif").is_file());
}

#[test]
fn temporary_names_cannot_be_planted_in_advance() {
    // The temporary file's name once held the process id and a counter:
    // links planted at the names of the next process ids used them up.
    let victim_dir = tempfile::tempdir().unwrap();
    let victim = victim_dir.path().join("victim");
    std::fs::write(&victim, "keep").unwrap();
    let tree = temp_tree(&[("app.py", APP)]);
    let root = tree.path();
    let mut probe = Command::new("true").spawn().unwrap();
    let next = probe.id();
    let _ = probe.wait();
    let pids = next..next + 1_000;
    for pid in pids.clone() {
        for n in 0..100 {
            symlink(&victim, root.join(format!(".r.json.{pid}-{n}.candor-tmp"))).unwrap();
        }
    }
    // A link at the target itself is replaced, not followed.
    symlink(&victim, root.join("r.json")).unwrap();
    let mut scan = command(&["scan", ".", "--fail-on", "never", "-o", "r.json"]);
    scan.current_dir(root);
    let out = common::run::bounded_command(scan);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
    assert!(
        !std::fs::symlink_metadata(root.join("r.json"))
            .unwrap()
            .is_symlink()
    );
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(root.join("r.json")).unwrap()).unwrap();
    assert!(report["findings"].is_array());
    // So is one at a baseline's or a draft's.
    for (args, target) in [
        (
            &["baseline", "create", ".", "--force", "-o", "b.yml"][..],
            "b.yml",
        ),
        (&["init", ".", "--force", "-o", "p.yml"][..], "p.yml"),
    ] {
        symlink(&victim, root.join(target)).unwrap();
        let out = bounded(root, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert!(
            !std::fs::symlink_metadata(root.join(target))
                .unwrap()
                .is_symlink()
        );
    }
    // Nothing is left beside it but what was planted.
    let left = entries(root)
        .into_iter()
        .filter(|n| n.ends_with(".candor-tmp"))
        .filter(|n| {
            !std::fs::symlink_metadata(root.join(n))
                .unwrap()
                .is_symlink()
        })
        .count();
    assert_eq!(left, 0);
}

#[test]
fn concurrent_runs_with_one_output_all_succeed() {
    let tree = temp_tree(&[("app.py", APP), ("b.py", APP)]);
    let root = tree.path();
    let runs: Vec<_> = (0..4)
        .map(|_| {
            command(&["scan", ".", "--fail-on", "never", "-o", "same.sarif"])
                .current_dir(root)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let text = std::fs::read_to_string(root.join("same.sarif")).unwrap();
    let sarif: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(
        !entries(root).iter().any(|n| n.ends_with(".candor-tmp")),
        "{:?}",
        entries(root)
    );
}

#[test]
fn links_to_schemas_and_manifests_out_of_the_tree_are_not_read() {
    // Schema files and dependency manifests are read by their own paths,
    // not the source files': a link out of the tree is refused there too.
    let outside = temp_tree(&[(
        "shadow",
        b"root:TOP-SECRET-HASH:19000:0:99999:7:::\nCREATE TABLE t (email TEXT);\n",
    )]);
    let secret = outside.path().join("shadow");
    let tree = temp_tree(&[("app.py", APP)]);
    let root = tree.path();
    let links = [
        "shadow.sql",
        "package.json",
        "api.yaml",
        "schema.graphql",
        "requirements.txt",
    ];
    for name in links {
        symlink(&secret, root.join(name)).unwrap();
    }
    for format in ["sarif", "json", "text", "markdown", "html", "csv"] {
        let out = bounded(
            root,
            &["scan", ".", "--format", format, "--fail-on", "never"],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report = String::from_utf8_lossy(&out.stdout);
        assert!(!report.contains("TOP-SECRET"), "{format}: {report}");
    }
    let v = scan_json(root, ".");
    for name in links {
        assert!(
            notice_of(&v, name).is_some_and(|m| m.contains("out of the scanned tree")),
            "{name}: {v}"
        );
    }
}

#[test]
fn deeply_nested_settings_and_schemas_end_quickly() {
    // The YAML scanner's time grows with the square of the depth: 100,000
    // `[` took minutes before they were counted first.
    // One bracket a line: no line is long, so that the nesting, not the
    // minified-file check, is what stops them.
    let deep = format!("\n{}1\n{}", "[\n".repeat(100_000), "]\n".repeat(100_000));
    let tree = temp_tree(&[
        ("app.py", APP),
        (
            "api.yaml",
            format!("openapi: 3.0.0\ninfo: {{title: t, version: '1'}}\ncomponents:\n  schemas:\n    User:\n      properties:\n        email: {{type: string}}\nx: {deep}\n").as_bytes(),
        ),
        ("package.json", format!("{{\"dependencies\": {deep}}}").as_bytes()),
        ("deep-baseline.yml", format!("version: 1\nfindings: {deep}\n").as_bytes()),
        ("deep.toml", format!("x = {deep}\n").as_bytes()),
        ("deep-privacy.yml", format!("version: 1\ndata: {deep}\n").as_bytes()),
    ]);
    let root = tree.path();
    let timed = |args: &[&str]| {
        let start = Instant::now();
        let out = bounded(root, args);
        assert!(start.elapsed() < Duration::from_secs(20), "{args:?}");
        out
    };
    let out = timed(&["scan", ".", "--format", "json", "--fail-on", "never"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        notice_of(&v, "api.yaml").is_some_and(|m| m.contains("nest")),
        "{v}"
    );
    for flag in [
        ["--baseline", "deep-baseline.yml"],
        ["--config", "deep.toml"],
        ["--policy", "deep-privacy.yml"],
    ] {
        let out = timed(&["scan", ".", flag[0], flag[1]]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{flag:?}: {err}");
        assert!(
            err.contains(flag[1]) && err.contains("nest"),
            "{flag:?}: {err}"
        );
    }
}
