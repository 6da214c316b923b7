//! `candor.toml`: found upward from the scanned directory, overridden by
//! flags, and validated with located errors.

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
    std::fs::create_dir_all(d.join("tests")).unwrap();
    std::fs::write(d.join("src/app.py"), "import logging\nimport requests\ndef f(email, id_number):\n    logging.info(email)\n    requests.post('https://api.corp.example/x', json={'email': email})\n").unwrap();
    std::fs::write(
        d.join("tests/test_app.py"),
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
        all.contains(&"tests/test_app.py:sensitive-data-logged".to_string()),
        "{all:?}"
    );
    assert!(
        all.contains(&"src/app.py:personal-data-to-third-party".to_string()),
        "{all:?}"
    );

    std::fs::write(
        d.join("candor.toml"),
        "exclude = [\"tests/**\"]\ninternal_domains = [\"corp.example\"]\nfail_on = \"note\"\n\n[rules]\ndisable = [\"collected-personal-data\"]\n",
    )
    .unwrap();
    let out = candor_in(d, &["scan", ".", "--format", "json"]);
    assert_eq!(
        rules_of(&out),
        ["src/app.py:logged-personal-data"],
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
    // Found from a subdirectory too.
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
        err.contains("candor.toml:2:1") && err.contains("unknown field `fail_level`"),
        "{err}"
    );
    std::fs::write(
        dir.path().join("candor.toml"),
        "[rules]\ndisable = [\"no-such-check\"]\n",
    )
    .unwrap();
    let err = String::from_utf8_lossy(&candor_in(dir.path(), &["scan", "."]).stderr).to_string();
    assert!(
        err.contains("candor.toml:2:") && err.contains("unknown check `no-such-check`"),
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
        rules_of(&out).contains(&"src/audit_use.py:logged-personal-data".to_string()),
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
    assert_eq!(rules_of(&out), ["tests/test_app.py:sensitive-data-logged"]);
}
