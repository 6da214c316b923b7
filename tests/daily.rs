//! The daily loop in the terminal and in CI: what the text output lists and
//! in which order, colour, and SARIF paths GitHub can link.

use std::path::Path;

mod common;
use common::run::{candor, git, root, stdout, temp_tree};

fn text(args: &[&str]) -> String {
    let mut all = vec!["scan", "--fail-on", "never", "--color", "never"];
    all.extend_from_slice(args);
    stdout(&candor(&all))
}

fn levels(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter_map(|l| l.split_once('[').map(|(level, _)| level))
        .filter(|l| ["error", "warning", "note"].contains(l))
        .collect()
}

#[test]
fn the_terminal_lists_errors_first_and_counts_the_notes() {
    let app = root().join("corpus/facecheck-fastapi");
    let app = app.to_str().unwrap();
    let default = text(&[app]);
    let listed = levels(&default);
    assert!(!listed.is_empty());
    assert_eq!(listed[0], "error", "{default}");
    assert!(!listed.contains(&"note"), "notes are counted, not listed");
    let notes_line = default
        .lines()
        .find(|l| l.contains("not listed"))
        .expect("a line says what is not listed");
    assert!(notes_line.contains("notes") && notes_line.contains("--min-level note"));

    let all_text = text(&[app, "--min-level", "note"]);
    let everything = levels(&all_text);
    assert!(everything.contains(&"note"));
    let mut sorted = everything.clone();
    let rank = |l: &&str| ["error", "warning", "note"].iter().position(|x| x == l);
    sorted.sort_by_key(rank);
    assert_eq!(everything, sorted, "most severe first");

    let errors_text = text(&[app, "--min-level", "error"]);
    let errors = levels(&errors_text);
    assert!(errors.iter().all(|l| *l == "error"));
    // JSON keeps everything whatever the display level.
    let json: serde_json::Value = serde_json::from_str(&stdout(&candor(&[
        "scan",
        app,
        "--format",
        "json",
        "--fail-on",
        "never",
        "--min-level",
        "error",
    ])))
    .unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), everything.len());
}

#[test]
fn the_summary_table_counts_flows_only() {
    // A suppression comment without a reason is a finding with no category,
    // and a declaration no code exercises is not data collected.
    let tree = temp_tree(&[
        (
            "app.py",
            b"import logging\ndef f(request):\n    email = request.form[\"email\"]\n    logging.info(email)  # candor:ignore personal-data-logged\n",
        ),
        (
            "privacy.yml",
            b"version: 1\ndata:\n  - category: user.contact.email\n    purposes: [essential.service]\n  - category: user.name\n    purposes: [essential.service]\n",
        ),
    ]);
    let out = text(&[tree.path().to_str().unwrap(), "--min-level", "note"]);
    assert!(out.contains("suppression-without-reason"), "{out}");
    assert!(out.contains("unexercised-declaration"), "{out}");
    let table: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.trim_start().starts_with("category"))
        .skip(1)
        .collect();
    assert_eq!(table.len(), 1, "one row, for the email: {out}");
    assert!(table[0].trim_start().starts_with("user.contact.email"));
}

#[test]
fn each_sdk_is_named_once() {
    let package = br#"{"dependencies": {"@segment/analytics-node": "1"}}"#;
    let tree = temp_tree(&[
        ("web/package.json", package),
        ("admin/package.json", package),
        ("worker/package.json", package),
    ]);
    let out = text(&[tree.path().to_str().unwrap()]);
    let line = out
        .lines()
        .find(|l| l.contains("third-party SDKs shipped"))
        .expect("the SDK line");
    assert_eq!(line.matches("segment (").count(), 1, "{line}");
    assert!(line.contains("+2 more"), "{line}");
}

fn sarif_of(dir: &Path) -> serde_json::Value {
    serde_json::from_str(&stdout(&candor(&[
        "scan",
        dir.to_str().unwrap(),
        "--format",
        "sarif",
        "--fail-on",
        "never",
    ])))
    .unwrap()
}

fn file_uri(dir: &Path) -> String {
    let path = std::fs::canonicalize(dir).unwrap();
    format!("file://{}/", path.display())
}

#[test]
fn sarif_paths_are_from_the_repository_root() {
    let source: &[u8] =
        b"import logging\ndef f(request):\n    logging.info(request.form[\"email\"])\n";
    let repo = temp_tree(&[("services/api/app.py", source)]);
    git(repo.path(), &["init", "-q"]);
    let sarif = sarif_of(&repo.path().join("services/api"));
    let run = &sarif["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        file_uri(repo.path()),
        "an absolute file: URI of the repository's root"
    );
    let uri = &run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "services/api/app.py", "GitHub links it from the root");

    // Outside a repository, paths are from the scanned directory.
    let plain = temp_tree(&[("app.py", source)]);
    let sarif = sarif_of(plain.path());
    let run = &sarif["runs"][0];
    assert_eq!(
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
        file_uri(plain.path())
    );
    assert_eq!(
        run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "app.py"
    );
}

/// `candor ARGS` on a pseudo-terminal, with `TERM` and `NO_COLOR` as given,
/// through util-linux's `script`; `None` where there is no `script`.
fn on_a_terminal(args: &str, term: &str, no_color: Option<&str>) -> Option<String> {
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| Path::new(p).exists())?;
    let dir = tempfile::tempdir().unwrap();
    let typescript = dir.path().join("typescript");
    let mut command = std::process::Command::new(script);
    command
        .arg("-q")
        .arg("-e")
        .arg("-c")
        .arg(format!("{} {args}", env!("CARGO_BIN_EXE_candor")))
        .arg(&typescript)
        .env("TERM", term)
        .env_remove("NO_COLOR");
    if let Some(value) = no_color {
        command.env("NO_COLOR", value);
    }
    let out = command.output().expect("run script");
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn colour_only_on_a_terminal_that_has_it() {
    let app = root().join("corpus/certshop-express");
    let args = format!("scan {} --fail-on never", app.display());
    let Some(coloured) = on_a_terminal(&args, "xterm-256color", None) else {
        eprintln!("skipped: no util-linux `script` to make a terminal");
        return;
    };
    assert!(coloured.contains("\u{1b}["), "a real terminal gets colour");
    let dumb = on_a_terminal(&args, "dumb", None).unwrap();
    assert!(
        dumb.contains("summary:") && !dumb.contains("\u{1b}["),
        "{dumb}"
    );
    let no_color = on_a_terminal(&args, "xterm-256color", Some("1")).unwrap();
    assert!(no_color.contains("summary:") && !no_color.contains("\u{1b}["));
}

#[test]
fn the_readme_worked_example_is_what_the_scan_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("## A worked example")
        .nth(1)
        .expect("the README has a worked example");
    let example = section
        .split("```text\n")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .expect("the example's text block");
    let app = root().join("corpus/easylink-flask");
    let printed = text(&[app.to_str().unwrap()]);
    // Each part of the example (up to an elided `...`) is printed as is.
    for part in example.split("\n\n") {
        let shown = part.split("  ...").next().unwrap().trim_end();
        assert!(
            printed.contains(shown),
            "README.md's worked example is stale; the scan prints:\n{printed}\n\nnot:\n{shown}"
        );
    }
}

#[test]
fn files_candor_cannot_read_are_named_not_passed_over() {
    let big_schema = format!("type User {{\n{}}}\n", "  email: String\n".repeat(200_000));
    let tree = temp_tree(&[
        ("ios/Login.swift", b"print(email)\n" as &[u8]),
        ("ios/Models/User.swift", b"struct User {}\n"),
        // Tests are not analysed in any language: not counted as missing.
        ("ios/Tests/LoginTests.swift", b"print(email)\n"),
        ("app/lib/mailer.dart", b"print(email);\n"),
        ("api/schema.graphql", big_schema.as_bytes()),
        (
            "gen/a.go",
            b"// Code generated by protoc. DO NOT EDIT.\npackage gen\n",
        ),
        (
            "gen/b.go",
            b"// Code generated by protoc. DO NOT EDIT.\npackage gen\n",
        ),
    ]);
    let dir = tree.path().to_str().unwrap();
    let out = text(&[dir]);
    assert!(
        out.contains("notice: ios/Login.swift: 2 Swift files not analysed"),
        "{out}"
    );
    assert!(out.contains("1 Dart file not analysed"), "{out}");
    assert!(
        out.contains("skipped 2 paths, generated file (the first: gen/a.go)"),
        "{out}"
    );
    // A schema over the source limit is still read: schemas have their own.
    assert!(
        big_schema.len() > 1 << 20,
        "larger than the 1 MiB source limit"
    );
    assert!(!out.contains("api/schema.graphql"), "{out}");
    let small = text(&[dir, "--max-schema-size", "1000"]);
    assert!(
        small.contains("api/schema.graphql: skipped: larger than 0 KiB; `--max-schema-size BYTES`"),
        "{small}"
    );
    // Every format carries the notice.
    let json: serde_json::Value = serde_json::from_str(&stdout(&candor(&[
        "scan",
        dir,
        "--format",
        "json",
        "--fail-on",
        "never",
    ])))
    .unwrap();
    let kinds: Vec<&str> = json["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["kind"].as_str())
        .collect();
    assert_eq!(kinds.iter().filter(|k| **k == "not-analysed").count(), 2);
    let sarif: serde_json::Value = serde_json::from_str(&stdout(&candor(&[
        "scan",
        dir,
        "--format",
        "sarif",
        "--fail-on",
        "never",
    ])))
    .unwrap();
    let said = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"].to_string();
    assert!(said.contains("Swift files not analysed"), "{said}");
    assert!(said.contains("generated file"), "skipped files too: {said}");
    let markdown = stdout(&candor(&[
        "scan",
        dir,
        "--format",
        "markdown",
        "--fail-on",
        "never",
    ]));
    assert!(
        markdown.contains("**Not analysed:** 2 Swift files"),
        "{markdown}"
    );
}

/// A repository holding the FaceCheck corpus app, committed.
fn facecheck_repository() -> tempfile::TempDir {
    let repo = tempfile::tempdir().unwrap();
    common::run::copy_dir(&root().join("corpus/facecheck-fastapi"), repo.path());
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "app"]);
    repo
}

fn scan_in(dir: &Path, args: &[&str]) -> String {
    let mut all = vec![
        "scan",
        "--fail-on",
        "never",
        "--color",
        "never",
        "--min-level",
        "note",
    ];
    all.extend_from_slice(args);
    stdout(&common::run::candor_in(dir, &all))
}

#[test]
fn a_hook_on_a_few_files_names_its_manifest_and_reports_no_unexercised_declaration() {
    let repo = facecheck_repository();
    let whole = scan_in(repo.path(), &["."]);
    assert!(whole.contains("unexercised-declaration"), "{whole}");
    assert!(
        whole.contains("judged against the manifest privacy.yml ("),
        "{whole}"
    );
    let hook = scan_in(repo.path(), &["app/util.py", "app/cache.py"]);
    assert!(!hook.contains("unexercised-declaration"), "{hook}");
    assert!(
        hook.contains("judged against the manifest privacy.yml"),
        "{hook}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&common::run::candor_in(
        repo.path(),
        &[
            "scan",
            "app/util.py",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    )))
    .unwrap();
    assert_eq!(json["manifest"], "privacy.yml");
    let none: serde_json::Value = serde_json::from_str(&stdout(&common::run::candor_in(
        repo.path(),
        &[
            "scan",
            "app/util.py",
            "--format",
            "json",
            "--fail-on",
            "never",
            "--no-policy",
        ],
    )))
    .unwrap();
    assert!(none["manifest"].is_null());
}

#[test]
fn a_commit_that_changes_the_manifest_checks_the_whole_project() {
    let repo = facecheck_repository();
    // The hook gets only the manifest: the code it judges is everywhere.
    let out = scan_in(repo.path(), &["privacy.yml"]);
    assert!(out.contains("logging-not-allowed"), "{out}");
    assert!(out.contains("app/"), "{out}");
    let whole = scan_in(repo.path(), &["."]);
    let summary = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("summary:"))
            .map(str::to_string)
    };
    assert_eq!(summary(&out), summary(&whole));
}

#[test]
fn excluded_files_are_not_read_and_included_ones_are_the_only_ones() {
    let leak: &[u8] =
        b"import logging\ndef f(request):\n    logging.info(request.form[\"email\"])\n";
    let tree = temp_tree(&[
        ("app/views.py", leak),
        ("tests/test_views.py", leak),
        ("legacy/old.py", leak),
    ]);
    // A file that cannot be read is an error notice when read.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let locked = tree.path().join("legacy/old.py");
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let dir = tree.path().to_str().unwrap();
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "scan",
            dir,
            "--format",
            "json",
            "--fail-on",
            "never",
            "--include-tests",
        ];
        args.extend_from_slice(extra);
        serde_json::from_str(&stdout(&candor(&args))).unwrap()
    };
    let paths = |v: &serde_json::Value| -> Vec<String> {
        let mut p: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["location"]["path"].as_str().unwrap().to_string())
            .chain(
                v["notices"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n["path"].as_str().unwrap().to_string()),
            )
            .collect();
        p.sort();
        p.dedup();
        p
    };
    let excluded = json(&["--exclude", "legacy/", "--exclude", "tests/**"]);
    assert_eq!(paths(&excluded), ["app/views.py"], "{excluded:#}");
    assert_eq!(excluded["stats"]["files_scanned"], 1);
    let included = json(&["--include", "tests/**"]);
    assert_eq!(paths(&included), ["tests/test_views.py"]);
    let bad = candor(&["scan", dir, "--exclude", "a[b"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a glob"));
}

#[test]
fn checks_are_selected_and_ignored_on_the_command_line() {
    let app = root().join("corpus/certshop-express");
    let app = app.to_str().unwrap();
    let rules_of = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["scan", app, "--format", "json", "--fail-on", "never"];
        args.extend_from_slice(extra);
        let v: serde_json::Value = serde_json::from_str(&stdout(&candor(&args))).unwrap();
        let mut ids: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["rule_id"].as_str().unwrap().to_string())
            .collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let all = rules_of(&[]);
    assert!(all.len() > 2, "{all:?}");
    assert_eq!(rules_of(&["--select", &all[0]]), [all[0].clone()]);
    let ignored = rules_of(&["--ignore", &format!("{},{}", all[0], all[1])]);
    assert_eq!(ignored, all[2..].to_vec());
    let typo = candor(&["scan", app, "--select", "logging-not-alowed"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&typo.stderr).contains("did you mean `logging-not-allowed`"),
        "{}",
        String::from_utf8_lossy(&typo.stderr)
    );
}

#[test]
fn explain_rules_json_completions_and_man_page() {
    let explained = stdout(&candor(&["explain", "logging-not-allowed"]));
    assert!(
        explained.starts_with("logging-not-allowed (error, CWE-532)"),
        "{explained}"
    );
    let unknown = candor(&["explain", "loging-not-allowed"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("did you mean `logging-not-allowed`")
    );
    let catalog: serde_json::Value =
        serde_json::from_str(&stdout(&candor(&["rules", "--json"]))).unwrap();
    for section in ["checks", "categories", "sinks", "sources", "recipients"] {
        assert!(
            !catalog[section].as_array().unwrap().is_empty(),
            "{section}"
        );
    }
    assert!(
        catalog["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["id"] == "logging-not-allowed")
    );
    for shell in ["bash", "zsh", "fish"] {
        let script = stdout(&candor(&["completions", shell]));
        assert!(script.contains("min-level"), "{shell}");
    }
    let man = stdout(&candor(&["man"]));
    assert!(man.contains(".TH candor 1") && man.contains("completions"));
}

#[test]
fn a_settings_file_elsewhere_and_rules_added_to_the_built_in_ones() {
    let tree = temp_tree(&[
        (
            "app.py",
            b"import logging\ndef f(request):\n    logging.info(request.form[\"email\"])\n    logging.info(request.form[\"loyalty_code\"])\n",
        ),
        ("ci/candor.toml", b"[rules]\ndisable = [\"collected-personal-data\"]\n"),
        (
            "extra/categories/loyalty.yml",
            b"categories:\n  - key: user.loyalty\n    name: Loyalty code\n    description: A loyalty programme code.\n    extension: true\n    patterns: [loyalty code]\n",
        ),
    ]);
    let dir = tree.path();
    let v: serde_json::Value = serde_json::from_str(&stdout(&candor(&[
        "--rules",
        dir.join("extra").to_str().unwrap(),
        "scan",
        dir.to_str().unwrap(),
        "--config",
        dir.join("ci/candor.toml").to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ])))
    .unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .all(|f| f["rule_id"] != "collected-personal-data"),
        "{v:#}"
    );
    let categories: Vec<&str> = findings
        .iter()
        .filter_map(|f| f["category"].as_str())
        .collect();
    assert!(
        categories.contains(&"user.contact.email"),
        "built-in rules still apply: {categories:?}"
    );
    assert!(
        categories.contains(&"user.loyalty"),
        "added rules apply: {categories:?}"
    );
}

#[test]
fn errors_say_what_is_wrong_once_and_without_system_codes() {
    let app = root().join("corpus/certshop-express");
    let app = app.to_str().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let missing_dir = outside.path().join("no-such-dir/report.json");
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            vec![
                "scan".into(),
                app.into(),
                "-o".into(),
                missing_dir.display().to_string(),
            ],
            "does not exist",
        ),
        (
            vec![
                "scan".into(),
                app.into(),
                "--policy".into(),
                "/no/such/privacy.yml".into(),
            ],
            "/no/such/privacy.yml: cannot read the manifest: no such file or directory",
        ),
        (
            vec![
                "scan".into(),
                app.into(),
                "--baseline".into(),
                "/no/such/baseline.yml".into(),
            ],
            "cannot read the baseline: no such file or directory",
        ),
        (
            vec![
                "scan".into(),
                outside.path().display().to_string(),
                "--staged".into(),
            ],
            "need a git repository",
        ),
        (
            vec![
                "scan".into(),
                app.into(),
                "--changed-since".into(),
                "no-such-branch-xyz".into(),
            ],
            "no branch, tag or commit of that name",
        ),
        (
            vec![
                "scan".into(),
                app.into(),
                format!(
                    "--changed-since=--output={}",
                    outside.path().join("x").display()
                ),
            ],
            "a reference cannot start with `-`",
        ),
    ];
    for (args, expected) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = candor(&args);
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains(expected), "{args:?}: {said}");
        assert!(!said.contains("os error"), "{args:?}: {said}");
        assert!(!said.contains(":1:1:"), "{args:?}: {said}");
        assert_eq!(
            said.lines().filter(|l| l.starts_with("error")).count(),
            1,
            "{said}"
        );
    }
    assert!(
        !outside.path().join("x").exists(),
        "git never saw the value as an option"
    );
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    for args in [&["rules"][..], &["rules", "--sinks"], &["man"]] {
        let mut child = common::run::command(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Read one byte, then close the pipe, as `| head -c 1` does.
        let mut first = [0u8; 1];
        let mut stdout = child.stdout.take().unwrap();
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(!said.contains("panicked"), "{args:?}: {said}");
    }
}

#[test]
fn the_manifest_is_found_from_the_files_not_the_working_directory() {
    let repo = facecheck_repository();
    let elsewhere = tempfile::tempdir().unwrap();
    let file = |p: &str| repo.path().join(p).display().to_string();
    let out = scan_in(
        elsewhere.path(),
        &[&file("app/util.py"), &file("app/cache.py")],
    );
    assert!(out.contains("judged against the manifest"), "{out}");
}

/// The SARIF validator's rules for what GitHub reads, beyond the schema:
/// SARIF1004 (URI base ids: absolute, ending in `/`; result URIs relative to
/// them), SARIF1007 (regions: 1-based, end after start), SARIF1010 (rule
/// ids agree with the rule each result points at).
#[test]
fn sarif_follows_the_validator_rules_github_relies_on() {
    for app in ["certshop-express", "facecheck-fastapi", "trustsign-axum"] {
        let sarif = sarif_of(&root().join("corpus").join(app));
        let run = &sarif["runs"][0];
        for (id, base) in run["originalUriBaseIds"].as_object().unwrap() {
            let uri = base["uri"].as_str().unwrap();
            assert!(
                uri.starts_with("file:///") && uri.ends_with('/'),
                "{id}: {uri}"
            );
        }
        let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
        let mut locations = Vec::new();
        for result in run["results"].as_array().unwrap() {
            if let Some(index) = result["ruleIndex"].as_u64() {
                assert_eq!(result["ruleId"], rules[index as usize]["id"]);
            }
            locations.extend(result["locations"].as_array().unwrap().iter().cloned());
            for flow in result["codeFlows"].as_array().into_iter().flatten() {
                for thread in flow["threadFlows"].as_array().unwrap() {
                    for step in thread["locations"].as_array().unwrap() {
                        locations.push(step["location"].clone());
                    }
                }
            }
        }
        assert!(!locations.is_empty());
        for location in locations {
            let physical = &location["physicalLocation"];
            let artifact = &physical["artifactLocation"];
            let uri = artifact["uri"].as_str().unwrap();
            assert!(!uri.contains("://") && !uri.starts_with('/'), "{uri}");
            let base = artifact["uriBaseId"].as_str().unwrap();
            assert!(run["originalUriBaseIds"].get(base).is_some(), "{base}");
            let region = &physical["region"];
            let start = region["startLine"].as_u64().unwrap();
            assert!(start >= 1);
            if let Some(end) = region["endLine"].as_u64() {
                assert!(end >= start, "{region}");
            }
            if let Some(column) = region["startColumn"].as_u64() {
                assert!(column >= 1, "{region}");
            }
        }
    }
}

#[test]
fn baseline_create_writes_where_it_is_told() {
    let tree = temp_tree(&[(
        "app.py",
        b"import logging\ndef f(request):\n    logging.info(request.form[\"email\"])\n",
    )]);
    let target = tree.path().join("accepted.yml");
    let out = candor(&[
        "baseline",
        "create",
        tree.path().to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(target.exists());
    assert!(!tree.path().join("candor-baseline.yml").exists());
}

/// Every `candor ...` command shown in the README and the docs parses: no
/// flag or subcommand there is stale.
#[test]
fn every_command_in_the_readme_and_docs_parses() {
    use clap::Parser;
    let mut documents = vec![root().join("README.md")];
    for entry in std::fs::read_dir(root().join("docs")).unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "md") {
            documents.push(entry.path());
        }
    }
    let mut checked = 0;
    for document in documents {
        let text = std::fs::read_to_string(&document).unwrap();
        let mut in_code = false;
        for line in text.lines() {
            if line.trim_start().starts_with("```") {
                in_code = !in_code;
                continue;
            }
            let line = line
                .trim_start()
                .trim_start_matches("- run: ")
                .trim_start_matches("run: ");
            if !in_code || !line.starts_with("candor ") {
                continue;
            }
            // The command, without its comment, pipes and redirections.
            let command = line.split(" #").next().unwrap();
            let command = command.split(['|', '>']).next().unwrap();
            let words: Vec<&str> = command
                .split_whitespace()
                .map(|w| w.trim_matches('"'))
                .collect();
            if let Err(e) = candor::cli::Cli::try_parse_from(&words) {
                panic!("{}: `{line}` does not parse:\n{e}", document.display());
            }
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} commands found");
}

#[test]
fn rules_listing_columns_line_up() {
    let listing = stdout(&candor(&["rules", "--sinks"]));
    let rows: Vec<&str> = listing
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .collect();
    assert!(rows.len() > 100);
    // The second column starts at one place in every row, however long the
    // longest id is.
    let second = |row: &str| {
        let id_end = 2 + row[2..].find(' ').unwrap();
        id_end + row[id_end..].find(|c: char| c != ' ').unwrap()
    };
    let starts: std::collections::BTreeSet<usize> = rows.iter().map(|r| second(r)).collect();
    assert_eq!(starts.len(), 1, "{listing}");
}

#[test]
fn review_cases_of_the_daily_loop() {
    // A manifest kept in docs/ and named by candor.toml: a commit that
    // changes it checks the project's code, and reports no declaration
    // unexercised that the code exercises.
    let repo = facecheck_repository();
    std::fs::create_dir_all(repo.path().join("docs")).unwrap();
    std::fs::rename(
        repo.path().join("privacy.yml"),
        repo.path().join("docs/privacy.yml"),
    )
    .unwrap();
    let manifest = std::fs::read_to_string(repo.path().join("docs/privacy.yml")).unwrap();
    std::fs::write(
        repo.path().join("docs/privacy.yml"),
        manifest.replace("../../docs/privacy-manifest.schema.json", "x.json"),
    )
    .unwrap();
    std::fs::write(
        repo.path().join("candor.toml"),
        "policy = \"docs/privacy.yml\"\n",
    )
    .unwrap();
    let hook = scan_in(repo.path(), &["docs/privacy.yml"]);
    let whole = scan_in(repo.path(), &["."]);
    let summary = |s: &str| {
        s.lines()
            .find(|l| l.starts_with("summary:"))
            .map(str::to_string)
    };
    assert_eq!(summary(&hook), summary(&whole), "{hook}\n{whole}");
    let docs_only = scan_in(repo.path(), &["docs"]);
    assert!(
        !docs_only.contains("unexercised-declaration"),
        "{docs_only}"
    );
    // The same root given twice is scanned once.
    let twice = scan_in(repo.path(), &[".", "candor.toml"]);
    assert_eq!(summary(&twice), summary(&whole));

    // A JSX comment on a line of its own still covers the next line.
    let jsx = temp_tree(&[(
        "Form.jsx",
        b"export function Form({ user }) {\n  return (<div>\n    {/* candor:ignore all -- the form shows the user's own email */}\n    {console.log(user.email)}\n  </div>);\n}\n" as &[u8],
    )]);
    let out = text(&[jsx.path().to_str().unwrap(), "--min-level", "note"]);
    assert!(!out.contains("unused-suppression"), "{out}");
    assert!(out.contains("1 suppressed"), "{out}");

    // What fails the run is listed even under --quiet.
    let app = root().join("corpus/certshop-express");
    let quiet = stdout(&candor(&[
        "scan",
        app.to_str().unwrap(),
        "-q",
        "--fail-on",
        "note",
        "--color",
        "never",
    ]));
    assert!(quiet.contains("note["), "{quiet}");

    // Excluded files of languages not read are not counted either.
    let mixed = temp_tree(&[
        ("legacy/a.swift", b"import UIKit\n" as &[u8]),
        ("app/b.swift", b"import UIKit\n"),
    ]);
    let out = text(&[mixed.path().to_str().unwrap(), "--exclude", "legacy/**"]);
    assert!(
        out.contains("1 Swift file not analysed") && out.contains("in it are"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn a_linked_file_does_not_choose_the_settings() {
    let elsewhere = temp_tree(&[
        (
            "x.py",
            b"import logging\ndef f(request):\n    logging.info(request.form[\"email\"])\n"
                as &[u8],
        ),
        ("candor.toml", b"exclude = [\"**\"]\n"),
    ]);
    let repo = temp_tree(&[("app.py", b"x = 1\n" as &[u8])]);
    git(repo.path(), &["init", "-q"]);
    std::os::unix::fs::symlink(elsewhere.path().join("x.py"), repo.path().join("evil.py")).unwrap();
    let out = scan_in(repo.path(), &["evil.py"]);
    assert!(
        !out.contains("summary: 0 findings"),
        "the outside candor.toml was not used: {out}"
    );
}

#[test]
fn sarif_names_a_manifest_above_the_scanned_directory_from_the_root() {
    let repo = facecheck_repository();
    let sarif = sarif_of(&repo.path().join("app"));
    let text = sarif.to_string();
    assert!(!text.contains("app//"), "{text}");
    let related: Vec<String> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            r["relatedLocations"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(related.iter().any(|u| u == "privacy.yml"), "{related:?}");
}

#[cfg(unix)]
#[test]
fn file_names_and_code_cannot_drive_the_terminal_or_the_markdown() {
    let name = "a\u{1b}]0;owned\u{7}|<img src=x onerror=alert(1)>`.py";
    let tree = temp_tree(&[(
        name,
        b"import logging\ndef f(request):\n    logging.info(request.form[\"email\"])  # \x1b[2J\n"
            as &[u8],
    )]);
    let dir = tree.path().to_str().unwrap();
    let text_out = stdout(&candor(&[
        "scan",
        dir,
        "--color",
        "always",
        "--fail-on",
        "never",
    ]));
    assert!(text_out.contains("personal-data-logged"), "{text_out}");
    assert!(
        !text_out.contains("\u{1b}]") && !text_out.contains("\u{7}"),
        "{text_out:?}"
    );
    assert!(!text_out.contains("\u{1b}[2J"), "{text_out:?}");
    let markdown = stdout(&candor(&[
        "scan",
        dir,
        "--format",
        "markdown",
        "--fail-on",
        "never",
    ]));
    let row = markdown
        .lines()
        .find(|l| l.contains("personal-data-logged") && l.contains(".py"))
        .expect("the finding's row");
    // The file name sits in a code span whose fence no backtick in it can
    // close; outside code spans there is no raw HTML.
    let span = row.split(" | ").nth(2).unwrap();
    assert!(span.starts_with("``") && span.ends_with("``"), "{row}");
    assert!(!markdown.replace(span, "").contains("<img"), "{markdown}");
    // The row keeps its four cells: every `|` of the file name is escaped.
    let cells = row.replace("\\|", "").matches('|').count();
    assert_eq!(cells, 5, "{row}");
}

#[test]
fn a_manifest_error_never_prints_the_file() {
    let key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----\n";
    let tree = temp_tree(&[("privacy.yml", key.as_bytes()), ("app.py", b"x = 1\n")]);
    let out = candor(&["scan", tree.path().to_str().unwrap()]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        said.contains("privacy.yml:1:1: invalid type: string, expected"),
        "{said}"
    );
    assert!(!said.contains("b3BlbnNzaC1rZXkt"), "{said}");
}
