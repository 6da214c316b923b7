//! End-to-end tests of the `candor` binary: output formats, SARIF schema
//! validity, determinism, exit codes and robustness on hostile input.

use std::path::{Path, PathBuf};

mod common;
use common::csv::parse_csv;
use common::run::{candor, command, copy_dir, root, stdout, temp_tree};

fn corpus_apps() -> Vec<PathBuf> {
    let mut apps: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus dir")
        .flatten()
        .map(|e| e.path())
        // An app has its manifest; `corpus/policies` holds the seed texts.
        .filter(|p| p.join("privacy.yml").is_file())
        .collect();
    apps.sort();
    apps
}

#[test]
fn sarif_of_every_corpus_app_is_valid() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("data/sarif-schema-2.1.0.json")).expect("schema parses");
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    for app in corpus_apps() {
        let out = candor(&[
            "scan",
            app.to_str().unwrap(),
            "--format",
            "sarif",
            "--fail-on",
            "never",
        ]);
        assert!(
            out.status.success(),
            "{}: {}",
            app.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let sarif: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("SARIF is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&sarif)
            .map(|e| format!("{e} at {}", e.instance_path))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: SARIF schema errors:\n{}",
            app.display(),
            errors.join("\n")
        );
        let results = sarif["runs"][0]["results"].as_array().expect("results");
        assert!(!results.is_empty(), "{}: no results", app.display());
        for r in results {
            let p = &r["properties"];
            assert!(
                p["dataCategory"].is_string(),
                "result without dataCategory: {r}"
            );
            let kind = p["flowKind"].as_str().expect("flowKind");
            if kind == "shared" {
                assert!(
                    p["recipient"].is_string(),
                    "shared result without recipient: {r}"
                );
            }
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(!uri.starts_with('/'), "absolute uri {uri}");
            assert!(r["partialFingerprints"]["primaryLocationLineHash"].is_string());
            assert!(
                !r["codeFlows"][0]["threadFlows"][0]["locations"]
                    .as_array()
                    .unwrap()
                    .is_empty()
            );
        }
        for rule in sarif["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .unwrap()
        {
            assert!(rule["fullDescription"]["text"].is_string());
            assert!(rule["help"]["markdown"].is_string());
            if let Some(sev) = rule["properties"]["security-severity"].as_str() {
                let v: f64 = sev.parse().expect("security-severity is a number");
                assert!((0.0..=10.0).contains(&v));
            }
        }
    }
}

#[test]
fn output_is_identical_for_any_thread_count() {
    let corpus = root().join("corpus");
    let one = candor(&[
        "scan",
        corpus.to_str().unwrap(),
        "--format",
        "json",
        "--threads",
        "1",
        "--fail-on",
        "never",
    ]);
    let many = candor(&[
        "scan",
        corpus.to_str().unwrap(),
        "--format",
        "json",
        "--threads",
        "8",
        "--fail-on",
        "never",
    ]);
    assert!(one.status.success());
    assert_eq!(stdout(&one), stdout(&many));
    let sarif1 = candor(&[
        "scan",
        corpus.to_str().unwrap(),
        "--format",
        "sarif",
        "-j",
        "1",
        "--fail-on",
        "never",
    ]);
    let sarif8 = candor(&[
        "scan",
        corpus.to_str().unwrap(),
        "--format",
        "sarif",
        "-j",
        "8",
        "--fail-on",
        "never",
    ]);
    assert_eq!(stdout(&sarif1), stdout(&sarif8));
}

#[test]
fn exit_codes() {
    let clean = temp_tree(&[("ok.py", b"def add(a, b):\n    return a + b\n")]);
    let out = candor(&["scan", clean.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "clean tree");

    let risky = temp_tree(&[(
        "bad.py",
        b"import logging\ndef f(id_number):\n    logging.info(id_number)\n",
    )]);
    let out = candor(&["scan", risky.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "error-level finding");
    let out = candor(&["scan", risky.path().to_str().unwrap(), "--fail-on", "never"]);
    assert_eq!(out.status.code(), Some(0));

    let notes = temp_tree(&[(
        "n.py",
        b"import logging\ndef f(email):\n    logging.info(email)\n",
    )]);
    assert_eq!(
        candor(&["scan", notes.path().to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        candor(&["scan", notes.path().to_str().unwrap(), "--fail-on", "note"])
            .status
            .code(),
        Some(1)
    );

    let missing = candor(&["scan", "/definitely/not/here"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no such file"));
}

#[test]
fn output_file_is_written_whole() {
    let tree = temp_tree(&[(
        "a.py",
        b"import logging\ndef f(email):\n    logging.info(email)\n",
    )]);
    let out_path = tree.path().join("report.sarif");
    let out = candor(&[
        "scan",
        tree.path().join("a.py").to_str().unwrap(),
        "--format",
        "sarif",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let text = std::fs::read_to_string(&out_path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v["runs"][0]["results"][0]["properties"]["dataCategory"],
        "user.contact.email"
    );
    // Nothing else was left behind.
    let leftovers: Vec<_> = std::fs::read_dir(tree.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn hostile_input_degrades_to_notices() {
    let deep_py = format!("x = {}1{}\n", "[".repeat(100_000), "]".repeat(100_000));
    let deep_js = format!(
        "const x = {}1{};\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let deep_rs = format!(
        "fn f() {{ let x = {}1{}; }}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let huge = "a = 1\n".repeat(400_000);
    let tree = temp_tree(&[
        ("deep.py", deep_py.as_bytes()),
        ("deep.js", deep_js.as_bytes()),
        ("deep.rs", deep_rs.as_bytes()),
        ("binary.py", b"\x00\x01\x02import os\n"),
        (
            "latin1.py",
            b"# caf\xe9\nimport logging\ndef f(email):\n    logging.info(email)\n",
        ),
        ("broken.py", b"def f(:\n    logging.info(email\n"),
        (
            "broken.java",
            b"class { void m( { System.out.println(email) }",
        ),
        ("broken.go", b"package x\nfunc f( {\n"),
        ("huge.py", huge.as_bytes()),
        ("empty.ts", b""),
        ("node_modules/lib/index.js", b"console.log(user.email)\n"),
        ("app.min.js", b"console.log(user.email)\n"),
    ]);
    let out = candor(&[
        "scan",
        tree.path().to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]);
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let notices = v["notices"].as_array().unwrap();
    let notice_for = |path: &str| {
        notices
            .iter()
            .find(|n| n["path"] == path)
            .map(|n| n["message"].as_str().unwrap().to_string())
    };
    assert!(notice_for("binary.py").unwrap().contains("binary"));
    assert!(notice_for("huge.py").unwrap().contains("larger than"));
    assert!(notice_for("node_modules").is_some());
    assert!(notice_for("app.min.js").is_some());
    assert!(notice_for("latin1.py").unwrap().contains("UTF-8"));
    assert!(
        notice_for("deep.py").is_some(),
        "deep nesting gives a notice"
    );
    assert!(
        notice_for("deep.rs").is_some(),
        "deep nesting gives a notice"
    );
    // The lossily decoded file is still analysed.
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["location"]["path"] == "latin1.py")
    );
    assert!(!findings.iter().any(|f| {
        f["location"]["path"]
            .as_str()
            .unwrap()
            .contains("node_modules")
    }));
}

#[test]
fn gitignore_and_candorignore_are_respected_outside_git() {
    let tree = temp_tree(&[
        (".gitignore", b"ignored/\n"),
        (".candorignore", b"also_ignored.py\n"),
        (
            "ignored/a.py",
            b"import logging\ndef f(email):\n    logging.info(email)\n",
        ),
        (
            "also_ignored.py",
            b"import logging\ndef f(email):\n    logging.info(email)\n",
        ),
        (
            "kept.py",
            b"import logging\ndef f(email):\n    logging.info(email)\n",
        ),
    ]);
    let out = candor(&["scan", tree.path().to_str().unwrap(), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let paths = crate::common::run::finding_paths(&v);
    assert_eq!(paths, ["kept.py"]);
}

#[test]
fn classify_explains_its_verdicts() {
    let out = candor(&[
        "classify",
        "shoujiHao",
        "email_template_id",
        "sfzh",
        "product_name",
    ]);
    let text = stdout(&out);
    insta::assert_snapshot!(text);
}

#[test]
fn rules_reference_in_docs_is_current() {
    let out = candor(&["rules", "--markdown"]);
    let generated = stdout(&out);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: run `cargo run -- rules --markdown > docs/rules.md`"
    );
}

#[test]
fn bad_rules_directory_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("rules");
    copy_dir(&src, dir.path());
    std::fs::write(
        dir.path().join("categories/contact.yml"),
        "categories:\n  - key: user.contact.email\n    name: [oops\n",
    )
    .unwrap();
    let out = candor(&["--rules", dir.path().to_str().unwrap(), "classify", "email"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("rules/categories/contact.yml:3:"), "{err}");
}

#[test]
fn fingerprints_survive_unrelated_edits() {
    let before = b"import logging\n\ndef f(email, phone):\n    logging.info(email)\n    logging.info(phone)\n";
    let after = b"import logging\n# a new comment\n\n\ndef helper():\n    return 1\n\ndef f(email,   phone):\n    logging.info(email)\n    logging.info(phone)\n";
    let fingerprints = |content: &[u8]| {
        let tree = temp_tree(&[("a.py", content)]);
        let out = candor(&["scan", tree.path().to_str().unwrap(), "--format", "sarif"]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        v["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                    r["partialFingerprints"]["primaryLocationLineHash"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect::<Vec<_>>()
    };
    let a = fingerprints(before);
    let b = fingerprints(after);
    assert_eq!(a.len(), 2);
    assert_ne!(a[0].0, b[0].0, "the lines moved");
    let hashes = |v: &[(u64, String)]| v.iter().map(|(_, h)| h.clone()).collect::<Vec<_>>();
    assert_eq!(hashes(&a), hashes(&b));
    assert_ne!(a[0].1, a[1].1);
}

#[test]
fn dependency_manifests_list_the_sdks_a_project_ships() {
    let tree = temp_tree(&[
        ("package.json", b"{\n  \"dependencies\": {\n    \"@segment/analytics-node\": \"^2\",\n    \"left-pad\": \"1\"\n  },\n  \"devDependencies\": { \"@sentry/node\": \"7\" }\n}\n"),
        ("api/requirements.txt", b"flask==3\nsentry-sdk[flask]>=1.40\n"),
        ("svc/go.mod", b"module x\n\nrequire (\n\tgithub.com/stripe/stripe-go/v76 v76.0.0\n)\n"),
        ("broken/package.json", b"{ not json"),
    ]);
    let out = candor(&["scan", tree.path().to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let sdks: Vec<String> = v["sdks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{} {}:{}",
                s["recipient"].as_str().unwrap(),
                s["path"].as_str().unwrap(),
                s["line"]
            )
        })
        .collect();
    assert_eq!(
        sdks,
        [
            "segment package.json:3",
            "sentry api/requirements.txt:2",
            "stripe svc/go.mod:4"
        ]
    );
}

#[test]
fn openapi_documents_are_read_and_configuration_is_not() {
    let look_alikes = root().join("tests/fixtures/schemas/not-schemas");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&look_alikes)
        .expect("look-alikes")
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (format!("config/{name}"), std::fs::read(e.path()).unwrap())
        })
        .collect();
    files.push((
        "api/openapi.yaml".into(),
        b"openapi: 3.1.0\npaths:\n  /signup:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema:\n              properties:\n                email: {type: string}\n      responses:\n        '200':\n          content:\n            application/json:\n              schema:\n                properties:\n                  phone: {type: string}\n".to_vec(),
    ));
    files.push((
        "broken/openapi.yaml".into(),
        b"openapi: 3.0.0\npaths:\n  /a: [\n    email\n".to_vec(),
    ));
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, c)| (n.as_str(), c.as_slice()))
        .collect();
    let tree = temp_tree(&refs);
    let out = candor(&["scan", tree.path().to_str().unwrap(), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings: Vec<String> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} {} {}",
                f["location"]["path"].as_str().unwrap(),
                f["location"]["start_line"],
                f["flow_kind"].as_str().unwrap(),
                f["category"].as_str().unwrap(),
                f["via"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        findings,
        ["api/openapi.yaml:10 collected user.contact.email openapi-request"]
    );
    let notices: Vec<String> = v["notices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| {
            format!(
                "{} {}",
                n["path"].as_str().unwrap(),
                n["kind"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(notices, ["broken/openapi.yaml error"]);
    assert!(
        v["notices"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("not valid YAML"),
        "{}",
        v["notices"][0]
    );
}

#[test]
fn recipients_catalog_is_validated_at_load() {
    let cases: [(&str, &str); 4] = [
        ("service: telepathy", "unknown service `telepathy`"),
        (
            "purpose: world.domination",
            "unknown purpose `world.domination`",
        ),
        ("region: Mars", "region `Mars`"),
        ("domains: [\"https://x.example/\"]", "invalid domain"),
    ];
    for (field, expected) in cases {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("rules"), dir.path());
        let mut entry = String::from(
            "recipients:\n  - id: zz-test\n    name: Test\n    service: analytics\n    purpose: analytics.reporting\n    region: US\n",
        );
        let key = field.split(':').next().unwrap();
        entry = entry
            .lines()
            .filter(|l| !l.trim_start().starts_with(&format!("{key}:")))
            .collect::<Vec<_>>()
            .join("\n");
        entry.push_str(&format!("\n    {field}\n"));
        std::fs::create_dir_all(dir.path().join("recipients")).unwrap();
        std::fs::write(dir.path().join("recipients/zz-test.yml"), entry).unwrap();
        let out = candor(&[
            "--rules",
            dir.path().to_str().unwrap(),
            "rules",
            "--recipients",
        ]);
        assert_eq!(out.status.code(), Some(2), "{field}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("rules/recipients/zz-test.yml") && err.contains(expected),
            "{field}: {err}"
        );
    }
    let out = candor(&["rules", "--recipients"]);
    assert!(
        stdout(&out).lines().count() > 80,
        "the catalog lists at least 80 recipients"
    );
}

#[test]
fn markdown_summary_for_github() {
    let tree = temp_tree(&[("app.py", b"import logging\nimport analytics\ndef f(email, id_number):\n    logging.info(id_number)\n    analytics.track('u', 'signup', {'email': email})\n")]);
    let run = |env: &[(&str, &str)]| {
        let mut cmd = command(&[
            "scan",
            tree.path().to_str().unwrap(),
            "--format",
            "markdown",
            "--fail-on",
            "never",
        ]);
        for k in ["GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA"] {
            cmd.env_remove(k);
        }
        cmd.envs(env.iter().copied());
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    };
    let plain = run(&[]);
    insta::assert_snapshot!(plain);
    let linked = run(&[
        ("GITHUB_SERVER_URL", "https://github.com"),
        ("GITHUB_REPOSITORY", "acme/shop"),
        ("GITHUB_SHA", "abc123"),
    ]);
    assert!(
        linked.contains("[`app.py:4`](https://github.com/acme/shop/blob/abc123/app.py#L4)"),
        "{linked}"
    );
}

#[test]
fn sarif_keeps_at_most_25000_results_and_says_so() {
    let mut body =
        String::from("import logging\ndef f(email, id_number):\n    logging.info(id_number)\n");
    for _ in 0..25_010 {
        body.push_str("    logging.info(email)\n");
    }
    let tree = temp_tree(&[("many.py", body.as_bytes())]);
    let out = candor(&[
        "scan",
        tree.path().to_str().unwrap(),
        "--format",
        "sarif",
        "--fail-on",
        "never",
    ]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let results = v["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 25_000);
    assert!(
        results
            .iter()
            .any(|r| r["ruleId"] == "sensitive-data-logged"),
        "the most severe are kept"
    );
    let notes = v["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(
        notes.iter().any(|n| n["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("11 results were left out")),
        "{notes:?}"
    );
}

/// The full scan follows data across files; `--local-only` keeps every
/// trail inside one file and finds less.
#[test]
fn local_only_keeps_flows_inside_functions() {
    let project =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/projects/python-layers");
    let findings = |extra: &[&str]| -> Vec<serde_json::Value> {
        let mut args = vec![
            "scan",
            project.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
        ];
        args.extend_from_slice(extra);
        let out = candor(&args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
        v["findings"].as_array().expect("findings").clone()
    };
    let files_in_trail = |f: &serde_json::Value| -> std::collections::BTreeSet<String> {
        f["trail"]
            .as_array()
            .expect("trail")
            .iter()
            .map(|s| {
                s["location"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect()
    };
    let full = findings(&[]);
    let local = findings(&["--local-only"]);
    assert!(
        full.len() > local.len(),
        "{} vs {}",
        full.len(),
        local.len()
    );
    assert!(full.iter().any(|f| files_in_trail(f).len() >= 3));
    assert!(local.iter().all(|f| files_in_trail(f).len() == 1));
}

#[test]
// The fault is injected only by debug builds.
#[cfg_attr(not(debug_assertions), ignore)]
fn a_file_whose_analysis_fails_costs_only_itself() {
    let tree = temp_tree(&[
        (
            "a.py",
            b"import logging\ndef f(id_number):\n    logging.info(id_number)\n",
        ),
        (
            "b.py",
            b"import logging\ndef g(email):\n    logging.info(email)\n",
        ),
    ]);
    let out = command(&["scan", tree.path().to_str().unwrap(), "--format", "json"])
        .env("CANDOR_TEST_PANIC", "a.py")
        .output()
        .expect("run candor");
    assert_eq!(out.status.code(), Some(2), "an incomplete report fails");
    assert!(String::from_utf8_lossy(&out.stderr).contains("report is incomplete"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the report is written");
    let notice = &v["notices"][0];
    assert_eq!(notice["kind"], "internal-error");
    assert_eq!(notice["path"], "a.py");
    assert!(notice["message"].as_str().unwrap().contains("injected"));
    let paths = crate::common::run::finding_paths(&v);
    assert!(
        paths.contains(&"b.py") && !paths.contains(&"a.py"),
        "{paths:?}"
    );
}

#[test]
fn a_field_read_again_in_a_callback_is_one_collection_listing_every_read() {
    let tree = temp_tree(&[(
        "login.js",
        b"function check(req) {\n  solveIf(() => req.body.email === 'a@x.io');\n  solveIf(() => req.body.email === 'b@x.io');\n  solveIf(() => req.body.email === 'c@x.io');\n}\nmodule.exports = { check };\n",
    )]);
    let out = command(&["scan", tree.path().to_str().unwrap(), "--format", "json"])
        .output()
        .expect("run candor");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let collected: Vec<&serde_json::Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["flow_kind"] == "collected")
        .collect();
    assert_eq!(collected.len(), 1, "{collected:?}");
    assert_eq!(collected[0]["location"]["start_line"], 2);
    let again: Vec<u64> = collected[0]["trail"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["message"].as_str().unwrap().starts_with("read again"))
        .map(|s| s["location"]["start_line"].as_u64().unwrap())
        .collect();
    assert_eq!(again, [3, 4]);
}

#[test]
fn a_storage_key_of_an_unknown_category_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("rules"), dir.path());
    let builtin = std::fs::read_to_string(dir.path().join("classify.yml")).unwrap();
    let start = builtin
        .find("storage_keys:")
        .expect("classify.yml has storage_keys");
    let broken = format!(
        "{}storage_keys:\n  user.authorisation.credentials: [token]\n",
        &builtin[..start]
    );
    std::fs::write(dir.path().join("classify.yml"), broken).unwrap();
    let out = candor(&["--rules", dir.path().to_str().unwrap(), "classify", "token"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rules/classify.yml") && err.contains("`user.authorisation.credentials`"),
        "{err}"
    );
}

#[test]
fn csv_has_one_row_per_finding() {
    let tree = temp_tree(&[
        (
            "audit.py",
            b"import logging\n\ndef audit(event, value):\n    logging.info(\"%s, %s\", event, value)\n",
        ),
        (
            "=views.py",
            b"from audit import audit\n\ndef signup(request):\n    audit(\"signup\", request.form[\"email\"])\n",
        ),
    ]);
    let dir = tree.path().to_str().unwrap();
    let json: serde_json::Value = serde_json::from_str(&stdout(&candor(&[
        "scan",
        dir,
        "--format",
        "json",
        "--fail-on",
        "never",
    ])))
    .unwrap();
    let text = stdout(&candor(&[
        "scan",
        dir,
        "--format",
        "csv",
        "--fail-on",
        "never",
    ]));
    let rows = parse_csv(&text);
    let header = &rows[0];
    assert_eq!(header[0], "rule");
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(rows.len() - 1, findings.len(), "{text}");
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (row, f) in rows[1..].iter().zip(findings) {
        assert_eq!(row.len(), header.len());
        assert_eq!(row[col("rule")], f["rule_id"].as_str().unwrap());
        assert_eq!(row[col("message")], f["message"].as_str().unwrap());
        assert_eq!(row[col("fingerprint")], f["fingerprint"].as_str().unwrap());
    }
    let logged = rows[1..]
        .iter()
        .find(|r| r[col("flow_kind")] == "logged")
        .expect("the logged flow");
    assert_eq!(
        logged[col("path")],
        "'=views.py",
        "a formula is written as text"
    );
    assert_eq!(logged[col("sink_path")], "audit.py");
    assert_eq!(logged[col("sink_line")], "4");
}
