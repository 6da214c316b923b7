//! `candor.toml`: found upward from the scanned directory up to the
//! repository root, overridden by flags, and validated with located errors.

mod common;
use common::run::candor_in;

fn rules_of(out: &std::process::Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{}",
                f["location"]["path"].as_str().unwrap(),
                f["rule_id"].as_str().unwrap()
            )
        })
        .collect()
}

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("src")).unwrap();
    std::fs::create_dir_all(d.join("tools")).unwrap();
    std::fs::write(d.join("src/app.py"), "import logging\nimport requests\ndef f(email, id_number):\n    logging.info(email)\n    requests.post('https://api.corp.example/x', json={'email': email})\n").unwrap();
    std::fs::write(
        d.join("tools/export.py"),
        "import logging\ndef f(id_number):\n    logging.info(id_number)\n",
    )
    .unwrap();
    dir
}

#[test]
fn settings_apply_and_flags_override_them() {
    let dir = project();
    let d = dir.path();
    let all = candor_in(d, &["scan", ".", "--format", "json", "--fail-on", "never"]);
    let all = rules_of(&all);
    assert!(
        all.contains(&"tools/export.py:sensitive-data-logged".to_string()),
        "{all:?}"
    );
    assert!(
        all.contains(&"src/app.py:personal-data-to-third-party".to_string()),
        "{all:?}"
    );

    std::fs::write(
        d.join("candor.toml"),
        "exclude = [\"tools/**\"]\ninternal_domains = [\"corp.example\"]\nfail_on = \"note\"\n\n[rules]\ndisable = [\"collected-personal-data\"]\n",
    )
    .unwrap();
    let out = candor_in(d, &["scan", ".", "--format", "json"]);
    assert_eq!(
        rules_of(&out),
        ["src/app.py:personal-data-logged"],
        "tests excluded, corp.example internal"
    );
    assert_eq!(out.status.code(), Some(1), "fail_on = note from the file");
    assert_eq!(
        candor_in(d, &["scan", ".", "--fail-on", "never"])
            .status
            .code(),
        Some(0),
        "the flag overrides the file"
    );
    // Outside a repository, only in the scanned directory.
    let sub = candor_in(&d.join("src"), &["scan", ".", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&sub.stdout).unwrap();
    assert_eq!(v["config"], serde_json::Value::Null);
    // Found from a subdirectory of a repository.
    std::fs::create_dir(d.join(".git")).unwrap();
    assert_eq!(
        candor_in(&d.join("src"), &["scan", "."]).status.code(),
        Some(1)
    );
}

#[test]
fn unknown_keys_are_errors_with_their_location() {
    let dir = project();
    std::fs::write(
        dir.path().join("candor.toml"),
        "exclude = []\nfail_level = \"error\"\n",
    )
    .unwrap();
    let out = candor_in(dir.path(), &["scan", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("candor.toml:2:1: unknown field, expected one of `policy`"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("candor.toml"),
        "[rules]\ndisable = [\"no-such-check\"]\n",
    )
    .unwrap();
    let err = String::from_utf8_lossy(&candor_in(dir.path(), &["scan", "."]).stderr).to_string();
    assert!(
        err.contains("candor.toml:2:13: [rules] disable names an unknown check"),
        "{err}"
    );
}

#[test]
fn extra_rule_directories_extend_the_built_in_rules() {
    let dir = project();
    let d = dir.path();
    std::fs::create_dir_all(d.join("privacy-rules/sinks")).unwrap();
    std::fs::write(
        d.join("privacy-rules/sinks/python-audit.yml"),
        "language: python\nsinks:\n  - id: python-audit-log\n    name: in-house audit log\n    kind: logged\n    calls: [\"audit.write\"]\n",
    )
    .unwrap();
    std::fs::write(
        d.join("src/audit_use.py"),
        "import audit\ndef g(email):\n    audit.write(email)\n",
    )
    .unwrap();
    std::fs::write(d.join("candor.toml"), "rule_dirs = [\"privacy-rules\"]\n").unwrap();
    let out = candor_in(d, &["scan", ".", "--format", "json", "--fail-on", "never"]);
    assert!(
        rules_of(&out).contains(&"src/audit_use.py:personal-data-logged".to_string()),
        "{:?}",
        rules_of(&out)
    );
}

#[test]
fn enabled_checks_limit_the_report() {
    let dir = project();
    std::fs::write(
        dir.path().join("candor.toml"),
        "[rules]\nenable = [\"sensitive-data-logged\"]\n",
    )
    .unwrap();
    let out = candor_in(
        dir.path(),
        &["scan", ".", "--format", "json", "--fail-on", "never"],
    );
    assert_eq!(rules_of(&out), ["tools/export.py:sensitive-data-logged"]);
}

/// Findings in tests, examples and seed scripts are left out unless asked
/// for; `[roles]` gives paths their role whatever their names say.
#[test]
fn code_that_is_not_production_is_left_out_unless_included() {
    let dir = project();
    let d = dir.path();
    std::fs::create_dir_all(d.join("tests")).unwrap();
    std::fs::write(
        d.join("tests/test_signup.py"),
        "import logging\ndef test_signup(id_number):\n    logging.info(id_number)\n",
    )
    .unwrap();
    // A test fixture's dependencies are not the product's.
    std::fs::write(
        d.join("tests/package.json"),
        r#"{"dependencies": {"stripe": "14.0.0"}}"#,
    )
    .unwrap();
    let sdks = |extra: &[&str]| {
        let mut args = vec!["scan", ".", "--format", "json", "--fail-on", "never"];
        args.extend(extra);
        let v: serde_json::Value = serde_json::from_slice(&candor_in(d, &args).stdout).unwrap();
        v["sdks"].as_array().map_or(0, Vec::len)
    };
    assert_eq!(sdks(&[]), 0);
    assert_eq!(sdks(&["--include-tests"]), 1);
    let scan = |extra: &[&str]| {
        let mut args = vec!["scan", ".", "--format", "json", "--fail-on", "never"];
        args.extend(extra);
        let out = candor_in(d, &args);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        (rules_of(&out), v["stats"]["files_left_out"].clone())
    };
    let test_finding = "tests/test_signup.py:sensitive-data-logged".to_string();

    let (found, left_out) = scan(&[]);
    assert!(!found.contains(&test_finding), "{found:?}");
    assert_eq!(left_out, serde_json::json!({"test": 2}));
    let text = candor_in(d, &["scan", ".", "--fail-on", "never"]);
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains(
            "2 files in code that is not production (test 2) not analysed; `--include-tests`"
        ),
        "{text}"
    );

    let (found, left_out) = scan(&["--include-tests"]);
    assert!(found.contains(&test_finding), "{found:?}");
    assert!(left_out.is_null(), "{left_out}");

    std::fs::write(d.join("candor.toml"), "[scan]\ninclude = [\"test\"]\n").unwrap();
    assert!(scan(&[]).0.contains(&test_finding));

    // `tools/` is production by its name; the settings make it an example,
    // and the tests production.
    std::fs::write(
        d.join("candor.toml"),
        "[roles]\nexample = [\"tools/**\"]\nproduction = [\"tests/**\"]\n",
    )
    .unwrap();
    let (found, left_out) = scan(&[]);
    assert!(found.contains(&test_finding), "{found:?}");
    assert!(!found.iter().any(|f| f.starts_with("tools/")), "{found:?}");
    assert_eq!(left_out, serde_json::json!({"example": 1}));

    std::fs::write(d.join("candor.toml"), "[roles]\ntest = [\"a/[\"]\n").unwrap();
    let out = candor_in(d, &["scan", "."]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("candor.toml:2:10: [roles] test: not a glob: unclosed"),
        "{err}"
    );
    std::fs::write(d.join("candor.toml"), "[scan]\ninclude = [\"tests\"]\n").unwrap();
    let err = String::from_utf8(candor_in(d, &["scan", "."]).stderr).unwrap();
    assert!(
        err.contains("candor.toml:2:")
            && err.contains("unknown variant, expected one of `production`"),
        "{err}"
    );
}
