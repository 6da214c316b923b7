//! Inline `candor:ignore` suppressions in every supported language's comment
//! syntax: the finding stays in the output, marked suppressed, and no longer
//! fails the run; a suppression without a reason is a warning, an unused one
//! a note.

mod common;
use common::run::{candor, temp_tree};

const FILES: &[(&str, &str)] = &[
    (
        "app.py",
        "import logging\ndef f(id_number):\n    # candor:ignore sensitive-data-logged -- the fraud team's audit log\n    logging.info(id_number)\n",
    ),
    (
        "app.js",
        "function f(idNumber) {\n  console.log(idNumber); // candor:ignore user.government_id -- audit trail\n}\n",
    ),
    (
        "app.ts",
        "function f(idNumber: string) {\n  // candor:ignore all -- reviewed in PRIV-12\n  console.log(idNumber);\n}\n",
    ),
    (
        "App.java",
        "class App {\n  void f(String idNumber) {\n    System.out.println(idNumber); // candor:ignore sensitive-data-logged -- audit\n  }\n}\n",
    ),
    (
        "app.go",
        "package app\n\nimport \"log\"\n\nfunc f(idNumber string) {\n\t// candor:ignore sensitive-data-logged -- audit\n\tlog.Println(idNumber)\n}\n",
    ),
    (
        "app.rs",
        "fn f(id_number: &str) {\n    println!(\"{}\", id_number); // candor:ignore sensitive-data-logged -- audit\n}\n",
    ),
    (
        "schema.sql",
        "CREATE TABLE users (\n  id_card_no TEXT -- candor:ignore user.government_id -- encrypted by the column's pgcrypto default\n);\n",
    ),
    (
        "form.html",
        "<form>\n<input name=\"id_number\"> <!-- candor:ignore collected-personal-data -- needed for real-name checks -->\n</form>\n",
    ),
];

fn scan(files: &[(&str, &str)], format: &str) -> (Option<i32>, serde_json::Value) {
    let files: Vec<(&str, &[u8])> = files.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    let dir = temp_tree(&files);
    let out = candor(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--format",
        format,
        "--fail-on",
        "warning",
    ]);
    (
        out.status.code(),
        serde_json::from_slice(&out.stdout).unwrap(),
    )
}

#[test]
fn suppressions_work_in_every_language() {
    let (code, v) = scan(FILES, "json");
    let findings = v["findings"].as_array().unwrap();
    for (name, _) in FILES {
        let mine: Vec<&serde_json::Value> = findings
            .iter()
            .filter(|f| f["location"]["path"] == *name)
            .collect();
        assert!(!mine.is_empty(), "{name}: no finding");
        for f in mine {
            assert_eq!(f["suppression"]["kind"], "inSource", "{name}: {f}");
            assert!(f["suppression"]["justification"].is_string(), "{name}: {f}");
        }
    }
    assert_eq!(code, Some(0), "suppressed findings do not fail the run");
}

#[test]
fn sarif_keeps_suppressed_results() {
    let (_, v) = scan(&FILES[..1], "sarif");
    let result = &v["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "sensitive-data-logged");
    assert_eq!(result["suppressions"][0]["kind"], "inSource");
    assert_eq!(
        result["suppressions"][0]["justification"],
        "the fraud team's audit log"
    );
}

#[test]
fn a_suppression_needs_a_reason_and_a_finding() {
    let files = [(
        "app.py",
        "import logging\ndef f(id_number, x):\n    logging.info(id_number)  # candor:ignore sensitive-data-logged\n    logging.info(x)  # candor:ignore logged-personal-data -- nothing here\n",
    )];
    let (code, v) = scan(&files, "json");
    let rules: Vec<(&str, u64, bool)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["suppression"].is_object(),
            )
        })
        .collect();
    assert!(
        rules.contains(&("sensitive-data-logged", 3, true)),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("suppression-without-reason", 3, false)),
        "{rules:?}"
    );
    assert!(
        rules.contains(&("unused-suppression", 4, false)),
        "{rules:?}"
    );
    assert_eq!(code, Some(1), "the reasonless suppression is a warning");
}

#[test]
fn a_suppression_for_another_rule_does_not_hide_a_finding() {
    let files = [(
        "app.py",
        "import logging\ndef f(id_number):\n    logging.info(id_number)  # candor:ignore user.contact -- only emails\n",
    )];
    let (code, v) = scan(&files, "json");
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "sensitive-data-logged")
        .unwrap();
    assert!(f["suppression"].is_null());
    assert_eq!(code, Some(1));
}

#[test]
fn a_suppression_at_a_helpers_sink_covers_every_caller() {
    let files = [
        (
            "audit.py",
            "import logging\n\ndef audit(event, value):\n    logging.info(\"%s %s\", event, value)  # candor:ignore user.contact -- the audit log is access-controlled\n",
        ),
        (
            "views.py",
            "from audit import audit\n\ndef signup(request):\n    audit(\"signup\", request.form[\"email\"])\n\ndef change(request):\n    audit(\"change\", request.form[\"email\"])\n",
        ),
    ];
    let (code, v) = scan(&files, "json");
    let logged: Vec<(String, u64, bool)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["flow_kind"] == "logged")
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["suppression"].is_object(),
            )
        })
        .collect();
    assert_eq!(
        logged,
        [
            ("views.py".to_string(), 4, true),
            ("views.py".to_string(), 7, true)
        ],
        "each caller's flow is reported at its call and suppressed at the sink"
    );
    assert_eq!(code, Some(0), "{v}");
}

#[test]
fn one_entry_into_two_sinks_is_two_findings_and_both_comments_are_used() {
    let files = [
        (
            "audit.py",
            "import logging\n\ndef audit(event, value):\n    logging.info(\"%s %s\", event, value)  # candor:ignore user.contact -- the audit log is access-controlled\n    logging.warning(\"%s\", value)\n",
        ),
        (
            "views.py",
            "from audit import audit\n\ndef signup(request):\n    audit(\"signup\", request.form[\"email\"])  # candor:ignore personal-data-logged -- reviewed\n",
        ),
    ];
    let (_, v) = scan(&files, "json");
    let findings = v["findings"].as_array().unwrap();
    let mut sinks: Vec<u64> = findings
        .iter()
        .filter(|f| f["flow_kind"] == "logged")
        .map(|f| {
            assert_eq!(f["location"]["path"], "views.py", "{f}");
            assert_eq!(
                f["suppression"]["justification"], "reviewed",
                "the comment on the finding's own line comes first: {f}"
            );
            f["trail"].as_array().unwrap().last().unwrap()["location"]["start_line"]
                .as_u64()
                .unwrap()
        })
        .collect();
    sinks.sort();
    assert_eq!(sinks, [4, 5], "one finding per sink the call reaches");
    assert!(
        !findings
            .iter()
            .any(|f| f["rule_id"] == "unused-suppression"),
        "a comment that matches is used even where another suppressed first: {v}"
    );
}

#[test]
fn a_comment_after_code_covers_its_own_line_only() {
    let (_, json) = scan(
        &[(
            "app.py",
            "import logging\ndef f(id_number, passport_no):\n    logging.info(id_number)  # candor:ignore sensitive-data-logged -- fraud audit log\n    logging.info(passport_no)\n",
        )],
        "json",
    );
    let findings = json["findings"].as_array().unwrap();
    let logged: Vec<(u64, bool)> = findings
        .iter()
        .filter(|f| f["rule_id"] == "sensitive-data-logged")
        .map(|f| {
            (
                f["location"]["start_line"].as_u64().unwrap(),
                f.get("suppression").is_some(),
            )
        })
        .collect();
    assert_eq!(logged, [(3, true), (4, false)], "{json:#}");
}
