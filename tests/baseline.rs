//! Baselines: accepted findings stay accepted when lines move, new ones are
//! reported, and entries that no longer match are reported as stale.

use std::path::Path;

mod common;
use common::run::{candor_in, json};

/// (rule, line, suppressed) of each finding.
fn scan(dir: &Path) -> Vec<(String, u64, bool)> {
    let v = json(&candor_in(
        dir,
        &[
            "scan",
            ".",
            "--baseline",
            "candor-baseline.yml",
            "--format",
            "json",
            "--fail-on",
            "never",
        ],
    ));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["suppression"]["kind"] == "external",
            )
        })
        .collect()
}

#[test]
fn baseline_lifecycle() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let app = d.join("app.py");
    std::fs::write(
        &app,
        "import logging\n\ndef f(id_number):\n    logging.info(id_number)\n",
    )
    .unwrap();

    let out = candor_in(d, &["baseline", "create", "."]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(d.join("candor-baseline.yml")).unwrap();
    assert!(
        text.contains("rule: sensitive-data-logged") && text.contains("path: app.py"),
        "{text}"
    );
    let has_line_key = text
        .lines()
        .any(|l| l.trim_start().trim_start_matches("- ").starts_with("line"));
    assert!(
        !has_line_key && !text.contains("start_line"),
        "the key has no line numbers: {text}"
    );
    assert_eq!(
        candor_in(d, &["baseline", "create", "."]).status.code(),
        Some(2),
        "create never overwrites"
    );

    // Lines inserted above the accepted finding: still accepted.
    std::fs::write(&app, "import logging\n# a comment\n\n\ndef g():\n    return 1\n\ndef f(id_number):\n    logging.info(id_number)\n").unwrap();
    assert_eq!(scan(d), [("sensitive-data-logged".to_string(), 9, true)]);
    let gate = candor_in(d, &["scan", ".", "--baseline", "candor-baseline.yml"]);
    assert_eq!(
        gate.status.code(),
        Some(0),
        "accepted findings do not fail the run"
    );

    // A new finding is reported.
    std::fs::write(&app, "import logging\n\ndef f(id_number, passport_no):\n    logging.info(id_number)\n    logging.info(passport_no)\n").unwrap();
    let v = scan(d);
    assert!(
        v.contains(&("sensitive-data-logged".to_string(), 4, true)),
        "{v:?}"
    );
    assert!(
        v.contains(&("sensitive-data-logged".to_string(), 5, false)),
        "{v:?}"
    );
    assert_eq!(
        candor_in(d, &["scan", ".", "--baseline", "candor-baseline.yml"])
            .status
            .code(),
        Some(1)
    );

    // The accepted finding fixed: its entry is stale; update drops it.
    std::fs::write(
        &app,
        "import logging\n\ndef f(id_number):\n    logging.info('checked')\n",
    )
    .unwrap();
    assert_eq!(
        scan(d)
            .iter()
            .filter(|(r, _, _)| r == "stale-baseline-entry")
            .count(),
        1
    );
    assert!(candor_in(d, &["baseline", "update", "."]).status.success());
    assert!(scan(d).is_empty());
}

#[test]
fn update_drops_stale_entries_and_accepts_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let app = d.join("app.py");
    let write = |code: &str| std::fs::write(&app, format!("import logging\n\n{code}")).unwrap();
    write(
        "def f(id_number, phone_number):\n    logging.info(id_number)\n    logging.info(phone_number)\n",
    );
    assert!(candor_in(d, &["baseline", "create", "."]).status.success());
    let file = d.join("candor-baseline.yml");
    // A reviewer's reason for one entry.
    let text = std::fs::read_to_string(&file).unwrap();
    let reason = text
        .lines()
        .find(|l| l.contains("reason:") && l.contains("National identity"))
        .unwrap()
        .to_string();
    let indent = &reason[..reason.find("reason:").unwrap()];
    let text = text.replacen(
        &reason,
        &format!("{indent}reason: kept on purpose until ticket 42"),
        1,
    );
    std::fs::write(&file, text).unwrap();

    // One accepted finding fixed, one new finding added.
    write(
        "def f(id_number, phone_number, passport_no):\n    logging.info(id_number)\n    logging.info('checked')\n    logging.info(passport_no)\n",
    );
    let out = candor_in(d, &["baseline", "update", "."]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("dropped 1") && err.contains("1 finding not in it"),
        "{err}"
    );
    assert!(err.contains("baseline create --force"), "{err}");
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("rule:").count(), 1, "{text}");
    assert!(text.contains("kept on purpose until ticket 42"), "{text}");
    // The new finding still fails the run.
    let findings = scan(d);
    assert_eq!(
        findings.iter().filter(|(_, _, accepted)| !accepted).count(),
        1,
        "{findings:?}"
    );
    assert_eq!(
        candor_in(d, &["scan", ".", "--baseline", "candor-baseline.yml"])
            .status
            .code(),
        Some(1)
    );
    // Accepting it is a deliberate act.
    let out = candor_in(d, &["baseline", "create", ".", "--force"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(scan(d).iter().all(|(_, _, accepted)| *accepted));
    assert_eq!(
        candor_in(d, &["baseline", "update", ".", "--force"])
            .status
            .code(),
        Some(2),
        "--force is for create"
    );
}
