//! Each manifest check, positive and negative: one small app, and manifests
//! that allow everything it does except the one promise under test, judged
//! through the library; the last tests run the binary as users do.

use std::collections::BTreeSet;

use candor::model::{Finding, Level};
use candor::pipeline::{self, Options, PolicyChoice};
use candor::rules::Rules;

mod common;
use common::run::{candor, candor_in, git, root, temp_tree};

const APP: &str = r#"import logging
import requests
import analytics
from flask import request

logger = logging.getLogger(__name__)

def signup():
    email = request.form["email"]
    phone = request.form["phone"]
    logger.info("signup %s", email)
    analytics.track("u1", "signup", {"email": email})
    cursor.execute("INSERT INTO users (email, phone) VALUES (%s, %s)", (email, phone))
    requests.post("https://api.us-crm.example.com/leads", json={"email": email})
    resp.set_cookie("remember_email", email)
"#;

/// A manifest that allows everything APP does; `edit` changes one promise.
fn manifest(edit: impl Fn(&mut serde_json::Value)) -> String {
    let mut m = serde_json::json!({
        "version": 1,
        "data": [
            { "category": "user.contact.email", "purposes": ["essential.service.authentication"], "log": true, "clause": "2.1" },
            { "category": "user.contact.phone_number", "purposes": ["essential.service.authentication"], "clause": "2.2" }
        ],
        "recipients": [
            { "id": "segment", "categories": ["user.contact.email"], "purposes": ["analytics"], "clause": "4.1" },
            { "id": "us-crm", "name": "US CRM", "region": "US", "domains": ["api.us-crm.example.com"],
              "categories": ["user.contact"], "purposes": ["sales"], "clause": "4.2" }
        ]
    });
    edit(&mut m);
    // JSON is YAML.
    serde_json::to_string_pretty(&m).unwrap()
}

/// (line, rule) of every finding that is not an inventory note.
fn violations(manifest_text: &str) -> BTreeSet<(u64, String)> {
    violations_in(APP, manifest_text)
}

/// The findings of `app` judged against `manifest_text`.
fn judged(app: &str, manifest_text: &str) -> Vec<Finding> {
    let dir = temp_tree(&[
        ("app.py", app.as_bytes()),
        ("privacy.yml", manifest_text.as_bytes()),
    ]);
    let rules = Rules::embedded().expect("embedded rules load");
    let mut options = Options::new(vec![dir.path().to_path_buf()]);
    options.policy = PolicyChoice::File(dir.path().join("privacy.yml"));
    let report = pipeline::run(&options, &rules).unwrap_or_else(|e| panic!("{e}"));
    report.findings
}

fn violations_in(app: &str, manifest_text: &str) -> BTreeSet<(u64, String)> {
    judged(app, manifest_text)
        .iter()
        .filter(|f| f.level != Level::Note || f.rule_id == "unexercised-declaration")
        .map(|f| (u64::from(f.location.start_line), f.rule_id.to_string()))
        .collect()
}

fn set(items: &[(u64, &str)]) -> BTreeSet<(u64, String)> {
    items.iter().map(|(l, r)| (*l, r.to_string())).collect()
}

#[test]
fn a_manifest_that_declares_everything_gives_no_violation() {
    assert_eq!(violations(&manifest(|_| {})), set(&[]));
}

#[test]
fn undeclared_data_category() {
    let m = manifest(|m| {
        m["data"].as_array_mut().unwrap().remove(1);
    });
    assert_eq!(
        violations(&m),
        set(&[
            (10, "undeclared-data-category"),
            (13, "undeclared-data-category")
        ])
    );
}

/// (rule, manifest line, clause) of every violation.
fn citations(manifest_text: &str) -> BTreeSet<(String, u32, Option<String>)> {
    judged(APP, manifest_text)
        .iter()
        .filter(|f| f.level != Level::Note)
        .map(|f| {
            let policy = f.policy.as_ref().expect("a violation cites the manifest");
            (
                f.rule_id.to_string(),
                policy.location.start_line,
                policy.clause.clone(),
            )
        })
        .collect()
}

#[test]
fn whole_section_promises_cite_their_clause() {
    let cited = citations(
        "version: 1
clauses:
  data: \"2\"
  recipients: \"3.1\"
  tracking: \"6\"
data:
  - category: user.contact.email
    purposes: [essential.service.authentication]
    log: true
    clause: \"2.1\"
recipients: []
tracking:
  - kind: strictly-necessary
    name: session_id
  - kind: analytics
    recipient: segment
",
    );
    let undeclared = |line| {
        (
            "undeclared-data-category".to_string(),
            line,
            Some("2".to_string()),
        )
    };
    let shared = (
        "undeclared-recipient".to_string(),
        11,
        Some("3.1".to_string()),
    );
    let cookie = ("undeclared-tracking".to_string(), 12, Some("6".to_string()));
    assert!(cited.contains(&undeclared(6)), "{cited:#?}");
    assert!(cited.contains(&shared), "{cited:#?}");
    assert!(cited.contains(&cookie), "{cited:#?}");
    // Without `clauses`, the sections are still cited, by their line.
    let bare = citations(
        "version: 1\ndata:\n  - category: user.contact.email\n    purposes: [essential.service.authentication]\n    log: true\nrecipients: []\n",
    );
    assert!(
        bare.contains(&("undeclared-data-category".to_string(), 2, None)),
        "{bare:#?}"
    );
    assert!(
        bare.contains(&("undeclared-recipient".to_string(), 6, None)),
        "{bare:#?}"
    );
}

#[test]
fn check_manifest_fails_on_contradictions_and_a_scan_warns() {
    let dir = temp_tree(&[
        ("app.py", APP.as_bytes()),
        (
            "privacy.yml",
            b"version: 1\ndata:\n  - category: user.contact.email\n    purposes: [essential]\n  - category: user.government_id.national_identification_number\n    purposes: [essential.legal_obligation]\n    log: true\n",
        ),
    ]);
    let manifest = dir.path().join("privacy.yml");
    let check = candor(&["check-manifest", manifest.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&check.stderr);
    assert!(
        stderr.contains("privacy.yml:7:5: `log: true` on user.government_id.national_identification_number has no effect"),
        "{stderr}"
    );
    assert!(stderr.contains("help: remove `log: true`"), "{stderr}");
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 contradiction"));
    let scan = candor(&["scan", dir.path().to_str().unwrap(), "--no-cache"]);
    let stderr = String::from_utf8_lossy(&scan.stderr);
    assert!(
        stderr.contains("warning: privacy.yml:7:5: `log: true`"),
        "{stderr}"
    );
}

#[test]
fn logging_not_allowed() {
    let m = manifest(|m| m["data"][0]["log"] = serde_json::json!(false));
    assert_eq!(violations(&m), set(&[(11, "logging-not-allowed")]));
}

#[test]
fn stored_despite_store_false() {
    let m = manifest(|m| m["data"][0]["store"] = serde_json::json!(false));
    assert_eq!(
        violations(&m),
        set(&[
            (13, "stored-despite-store-false"),
            (15, "stored-despite-store-false")
        ])
    );
}

#[test]
fn unencrypted_storage() {
    let m = manifest(|m| m["data"][1]["encrypt_at_rest"] = serde_json::json!(true));
    assert_eq!(violations(&m), set(&[(13, "unencrypted-storage")]));
}

#[test]
fn shares_with_no_one() {
    let m = manifest(|m| m["recipients"] = serde_json::json!([]));
    assert_eq!(
        violations(&m),
        set(&[(12, "undeclared-recipient"), (14, "undeclared-recipient")])
    );
}

#[test]
fn recipient_category_not_declared() {
    let m = manifest(|m| {
        m["recipients"][0]["categories"] = serde_json::json!(["user.contact.phone_number"])
    });
    assert_eq!(
        violations(&m),
        set(&[(12, "recipient-category-not-declared")])
    );
}

#[test]
fn undeclared_purpose() {
    // Segment's use is analytics; neither the recipient nor the data declares it.
    let m = manifest(|m| {
        m["recipients"][0]["purposes"] = serde_json::json!(["essential.service.operations"])
    });
    assert_eq!(violations(&m), set(&[(12, "undeclared-purpose")]));
}

#[test]
fn cross_border_transfer() {
    let m = manifest(|m| m["residency"] = serde_json::json!({ "regions": ["CN"], "clause": "5" }));
    assert_eq!(
        violations(&m),
        set(&[(12, "cross-border-transfer"), (14, "cross-border-transfer")])
    );
    let inside = manifest(|m| m["residency"] = serde_json::json!({ "regions": ["US"] }));
    assert_eq!(violations(&inside), set(&[]));
    // A group of countries holds its members, and only them.
    let eu = |region: &str| {
        let region = region.to_string();
        manifest(move |m| {
            m["residency"] = serde_json::json!({ "regions": ["EU"] });
            m["recipients"][1]["region"] = serde_json::json!(region);
        })
    };
    assert_eq!(violations(&eu("DE")), set(&[(12, "cross-border-transfer")]));
    assert_eq!(
        violations(&eu("CH")),
        set(&[(12, "cross-border-transfer"), (14, "cross-border-transfer")])
    );
}

/// Object storage is judged by the region the code names, not the
/// provider's headquarters.
#[test]
fn object_storage_outside_the_declared_residency() {
    let app = r#"import boto3
import oss2

hangzhou = oss2.Bucket(oss2.Auth("k", "s"), "https://oss-cn-hangzhou.aliyuncs.com", "kyc")
hongkong = oss2.Bucket(oss2.Auth("k", "s"), "https://oss-cn-hongkong.aliyuncs.com", "kyc")
frankfurt = boto3.client("s3", region_name="eu-central-1")

def upload(email):
    hangzhou.put_object("a", email)
    hongkong.put_object("b", email)
    frankfurt.put_object(Bucket="c", Key="d", Body=email)
"#;
    let m = serde_json::json!({
        "version": 1,
        "data": [{ "category": "user.contact.email", "purposes": ["essential.service"], "encrypt_at_rest": false }],
        "residency": { "regions": ["CN"] }
    });
    assert_eq!(
        violations_in(app, &m.to_string()),
        set(&[(10, "cross-border-transfer"), (11, "cross-border-transfer")])
    );
}

#[test]
fn unexercised_declarations_are_notes_in_the_manifest() {
    let m = manifest(|m| {
        m["data"].as_array_mut().unwrap().push(serde_json::json!({ "category": "user.financial.bank_account", "purposes": ["essential.service.payment_processing"] }));
    });
    let v = violations(&m);
    assert_eq!(v.len(), 1);
    assert_eq!(v.iter().next().unwrap().1, "unexercised-declaration");
}

#[test]
fn violations_cite_the_manifest_and_clause_in_sarif() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("app.py"), APP).unwrap();
    std::fs::write(
        dir.path().join("privacy.yml"),
        manifest(|m| m["data"][0]["log"] = serde_json::json!(false)),
    )
    .unwrap();
    let out = candor(&[
        "scan",
        dir.path().to_str().unwrap(),
        "--format",
        "sarif",
        "--fail-on",
        "error",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an error-level violation fails the run"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = v["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "logging-not-allowed")
        .unwrap();
    assert_eq!(r["properties"]["clause"], "2.1");
    assert_eq!(
        r["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "privacy.yml"
    );
}

#[test]
fn a_bad_manifest_stops_the_scan_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("app.py"), APP).unwrap();
    std::fs::write(
        dir.path().join("privacy.yml"),
        "version: 1\ndata:\n  - category: user.contact.emial\n    purposes: [essential]\n",
    )
    .unwrap();
    let out = candor(&["scan", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("privacy.yml:3:15: unknown data category `user.contact.emial`"),
        "{err}"
    );
    assert!(err.contains("did you mean `user.contact.email`"), "{err}");
}

#[test]
fn init_drafts_a_manifest_that_must_be_reviewed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("app.py"), APP).unwrap();
    let root = dir.path().to_str().unwrap();
    let manifest_path = dir.path().join("privacy.yml");

    assert!(candor(&["init", root]).status.success());
    let draft = std::fs::read_to_string(&manifest_path).unwrap();
    assert!(draft.contains("category: user.contact.email"));
    assert!(draft.contains("category: user.contact.phone_number"));
    assert!(draft.contains("- id: segment"));
    assert!(draft.contains("domains: [api.us-crm.example.com]"));
    // A draft is no confession: what the code does that the policy may not
    // allow is a TODO for the reviewer, never a promise.
    assert!(!draft.contains("log: true"), "{draft}");
    assert!(
        draft.contains("# TODO personal-data-logged at app.py:11"),
        "{draft}"
    );
    assert!(
        draft.contains("  - kind: choose-kind  # TODO set at app.py:15"),
        "{draft}"
    );
    assert!(draft.contains("    name: remember_email"), "{draft}");
    assert!(
        draft.contains("  - kind: analytics\n    recipient: segment"),
        "{draft}"
    );

    // Never overwritten without --force.
    let again = candor(&["init", root]);
    assert_eq!(again.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&manifest_path).unwrap(), draft);

    // The placeholders fail validation until a person fills them in.
    let check = candor(&["check-manifest", manifest_path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&check.stderr).contains("tracking kind not chosen yet"));
    let kinds_chosen = draft.replace("choose-kind", "functional");
    std::fs::write(&manifest_path, &kinds_chosen).unwrap();
    let check = candor(&["check-manifest", manifest_path.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&check.stderr).contains("purposes not filled in yet"));
    std::fs::write(
        &manifest_path,
        kinds_chosen.replace("choose-purposes", "essential.service"),
    )
    .unwrap();
    assert!(
        candor(&["check-manifest", manifest_path.to_str().unwrap()])
            .status
            .success()
    );
    assert!(candor(&["init", root, "--force"]).status.success());
}

/// A draft names the region the code keeps a recipient's data in, so that
/// the residency drafted from the same code does not contradict it.
#[test]
fn init_drafts_the_regions_the_code_names() {
    let dir = temp_tree(&[(
        "app.py",
        b"import boto3\nfrankfurt = boto3.client(\"s3\", region_name=\"eu-central-1\")\n\ndef upload(email):\n    frankfurt.put_object(Bucket=\"c\", Key=\"d\", Body=email)\n",
    )]);
    let root = dir.path().to_str().unwrap();
    assert!(candor(&["init", root]).status.success());
    let path = dir.path().join("privacy.yml");
    let draft = std::fs::read_to_string(&path).unwrap();
    assert!(
        draft.contains("  - id: aws-s3\n    region: DE\n"),
        "{draft}"
    );
    assert!(draft.contains("residency:\n  regions: [DE]"), "{draft}");
    std::fs::write(&path, draft.replace("choose-purposes", "essential.service")).unwrap();
    let check = candor(&["check-manifest", path.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Every top-level data use: declaring them all allows any purpose.
const ALL_PURPOSES: &str = "analytics, collect, employment, essential, finance, functional, marketing, operations, personalize, sales, third_party_sharing, train_ai_system";

#[test]
fn corpus_apps_with_a_manifest_that_declares_everything_have_no_violation() {
    let corpus = root().join("corpus");
    for app in [
        "easylink-flask",
        "certshop-express",
        "bestcert-spring",
        "realname-gin",
        "trustsign-axum",
        "bestcert-android",
        "certone-aspnet",
    ] {
        let dir = tempfile::tempdir().unwrap();
        let draft_path = dir.path().join("everything.yml");
        let root = corpus.join(app);
        let out = candor(&[
            "init",
            root.to_str().unwrap(),
            "-o",
            draft_path.to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "{app}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        // Allow every purpose, logging, clear-text storage, every cookie and
        // every region: the code then does nothing the manifest does not
        // declare.
        let draft = std::fs::read_to_string(&draft_path).unwrap();
        let draft = draft.split("\nresidency:").next().unwrap();
        let (data, recipients) = draft
            .split_once("\nrecipients:")
            .expect("a recipients section");
        let data = data.replace("    purposes: [choose-purposes]", "    sensitive: false\n    log: true\n    encrypt_at_rest: false\n    purposes: [choose-purposes]");
        let everything = format!("{data}\nrecipients:{recipients}")
            .replace("choose-purposes", ALL_PURPOSES)
            .replace("choose-kind", "functional");
        std::fs::write(&draft_path, &everything).unwrap();
        let out = candor(&[
            "scan",
            root.to_str().unwrap(),
            "--policy",
            draft_path.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
        ]);
        assert!(
            out.status.success(),
            "{app}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let violations: Vec<String> = v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["level"] != "note")
            .map(|f| {
                format!(
                    "{}:{} {}",
                    f["location"]["path"], f["location"]["start_line"], f["message"]
                )
            })
            .collect();
        assert!(violations.is_empty(), "{app}:\n{}", violations.join("\n"));
    }
}

#[test]
fn path_purposes_decide_the_purpose_of_the_code() {
    let marketing = |m: &mut serde_json::Value| {
        m["purposes"] =
            serde_json::json!([{ "paths": ["app.py"], "uses": ["marketing.advertising"] }]);
    };
    let v = violations(&manifest(marketing));
    assert!(v.contains(&(9, "undeclared-purpose".to_string())), "{v:?}");
    assert!(v.contains(&(12, "undeclared-purpose".to_string())), "{v:?}");
    assert!(v.iter().all(|(_, r)| r == "undeclared-purpose"));
    let declared = manifest(|m| {
        marketing(m);
        for d in m["data"].as_array_mut().unwrap() {
            d["purposes"]
                .as_array_mut()
                .unwrap()
                .push(serde_json::json!("marketing"));
        }
    });
    assert_eq!(violations(&declared), set(&[]));
}

#[test]
fn undeclared_tracking() {
    let none = manifest(|m| m["tracking"] = serde_json::json!([]));
    assert_eq!(
        violations(&none),
        set(&[(12, "undeclared-tracking"), (15, "undeclared-tracking")])
    );
    let other = manifest(|m| {
        m["tracking"] = serde_json::json!([{ "kind": "strictly-necessary", "name": "session" }])
    });
    assert_eq!(
        violations(&other),
        set(&[(12, "undeclared-tracking"), (15, "undeclared-tracking")])
    );
    let declared = manifest(|m| {
        m["tracking"] = serde_json::json!([
            { "kind": "analytics", "recipient": "segment" },
            { "kind": "functional", "name": "remember_email" }
        ])
    });
    assert_eq!(violations(&declared), set(&[]));
    // An entry without a name declares cookies of its kind, whatever their names.
    let unnamed = manifest(|m| {
        m["tracking"] = serde_json::json!([
            { "kind": "analytics", "recipient": "segment" },
            { "kind": "marketing", "name": "pixel" },
            { "kind": "functional" }
        ])
    });
    assert_eq!(violations(&unnamed), set(&[]));
}

#[test]
fn inline_annotations_declare_the_purpose_of_the_code() {
    let annotated = APP.replace(
        "    logger.info(\"signup %s\", email)",
        "    logger.info(\"signup %s\", email)  # candor: purpose=marketing.advertising",
    );
    assert_ne!(annotated, APP);
    let v = violations_in(&annotated, &manifest(|_| {}));
    assert_eq!(
        v,
        set(&[(11, "undeclared-purpose"), (12, "undeclared-purpose")])
    );
    let declared = manifest(|m| {
        m["data"][0]["purposes"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!("marketing"));
        m["recipients"][0]["purposes"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!("marketing"));
    });
    assert_eq!(violations_in(&annotated, &declared), set(&[]));
}

#[test]
fn a_hook_scanning_files_of_a_repository_uses_its_manifest() {
    let repo = tempfile::tempdir().unwrap();
    git(repo.path(), &["init", "-q"]);
    std::fs::create_dir_all(repo.path().join("src/signup")).unwrap();
    std::fs::write(
        repo.path().join("src/signup/app.py"),
        "import analytics\ndef f(email):\n    analytics.track('u', 'signup', {'email': email})\n",
    )
    .unwrap();
    std::fs::write(repo.path().join("privacy.yml"), "version: 1\ndata:\n  - category: user.contact.email\n    purposes: [essential.service.authentication]\nrecipients: []\n").unwrap();
    // The hook's entry, as pre-commit runs it: from the repository root, with the files.
    let out = candor_in(
        repo.path(),
        &[
            "scan",
            "--color",
            "never",
            "--format",
            "json",
            "src/signup/app.py",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let f = &v["findings"][0];
    assert_eq!(f["rule_id"], "undeclared-recipient");
    assert_eq!(f["location"]["path"], "src/signup/app.py");
    assert_eq!(f["policy"]["location"]["path"], "privacy.yml");
    // From a subdirectory the manifest is still found, up to the repository root.
    let out = candor_in(
        &repo.path().join("src/signup"),
        &["scan", "--format", "json", "app.py"],
    );
    assert_eq!(out.status.code(), Some(1));
}

/// A cookie known by name (rules/cookies.yml) is the kind of tracking it
/// is, whatever it holds: its kind must be declared, for every cookie or
/// for its service, or the cookie named.
#[test]
fn known_cookies_need_their_kind_declared() {
    let app = "from flask import make_response\n\ndef landing():\n    resp = make_response('ok')\n    resp.set_cookie('_fbp', 'fb.1.1700000000.1')\n    resp.set_cookie('_ga', 'GA1.2.1.1')\n    resp.set_cookie('sessionid', 'abc')\n    return resp\n";
    let tracking = |entries: &str| {
        let manifest = format!(
            "version: 1\ndata:\n  - category: user.device.cookie_id\n    purposes: [analytics]\ntracking:\n{entries}"
        );
        let mut flagged: Vec<(u32, String)> = judged(app, &manifest)
            .into_iter()
            .filter(|f| f.rule_id == "undeclared-tracking")
            .map(|f| (f.location.start_line, f.message))
            .collect();
        flagged.sort();
        flagged
    };
    let analytics_only = tracking("  - kind: strictly-necessary\n  - kind: analytics\n");
    assert_eq!(analytics_only.len(), 1, "{analytics_only:#?}");
    assert_eq!(analytics_only[0].0, 5);
    assert!(
        analytics_only[0]
            .1
            .contains("`_fbp` is a marketing cookie of Meta"),
        "{}",
        analytics_only[0].1
    );
    // Marketing declared for every cookie, or the cookie named: none.
    assert!(tracking("  - kind: analytics\n  - kind: marketing\n").is_empty());
    assert!(tracking("  - kind: analytics\n  - kind: marketing\n    name: _fbp\n").is_empty());
    // Marketing declared only for another service: `_fbp` is Meta's.
    let other = tracking("  - kind: analytics\n  - kind: marketing\n    recipient: google-ads\n");
    assert_eq!(other.iter().map(|f| f.0).collect::<Vec<_>>(), [5]);
    // Nothing declared for analytics either: both.
    let necessary = tracking("  - kind: strictly-necessary\n");
    assert_eq!(necessary.iter().map(|f| f.0).collect::<Vec<_>>(), [5, 6]);
}
