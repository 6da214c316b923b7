//! The privacy manifest loader: every error class with its exact message,
//! the documented example, the seed manifests in the corpus, and the JSON
//! Schema kept in sync with the types.

use std::path::PathBuf;

use candor::manifest;
use candor::rules::Rules;

fn check(text: &str) -> Result<manifest::Manifest, String> {
    let rules = Rules::embedded().expect("embedded rules load");
    manifest::parse("privacy.yml", text, &rules).map_err(|e| e.to_string())
}

fn error(text: &str) -> String {
    check(text).expect_err("the manifest should be rejected")
}

#[test]
fn syntax_error() {
    insta::assert_snapshot!(error(
        "version: 1\ndata:\n  - category: user.contact.email\n    purposes: [essential.service.authentication\n"
    ));
}

#[test]
fn unknown_field() {
    insta::assert_snapshot!(error(
        "version: 1\ndata:\n  - category: user.contact.email\n    purpose: [essential.service.authentication]\n"
    ));
}

#[test]
fn unknown_category_with_suggestion() {
    insta::assert_snapshot!(error(
        "version: 1\ndata:\n  - category: user.contact.emial\n    purposes: [essential.service.authentication]\n"
    ));
}

#[test]
fn wrong_type() {
    insta::assert_snapshot!(error(
        "version: 1\ndata:\n  - category: user.contact.email\n    purposes: essential.service.authentication\n    store: sometimes\n"
    ));
}

#[test]
fn unknown_purpose_with_suggestion() {
    insta::assert_snapshot!(error(
        "version: 1\ndata:\n  - category: user.contact.email\n    purposes: [essential.service.authentification]\n"
    ));
}

#[test]
fn unknown_recipient() {
    insta::assert_snapshot!(error(
        "version: 1\nrecipients:\n  - id: alipy\n    categories: [user.name]\n"
    ));
}

#[test]
fn unsupported_version() {
    insta::assert_snapshot!(error("version: 2\n"));
}

#[test]
fn bad_region_and_duplicate_category() {
    insta::assert_snapshot!(error("version: 1\nresidency:\n  regions: [China]\n"));
    insta::assert_snapshot!(error(
        "version: 1\ndata:\n  - category: user.name\n    purposes: [essential]\n  - category: user.name\n    purposes: [marketing]\n"
    ));
}

#[test]
fn parent_keys_and_custom_recipients_are_accepted() {
    let m = check("version: 1\ndata:\n  - category: user.contact\n    purposes: [essential.service]\nrecipients:\n  - id: crm-cloud\n    name: CRM Cloud\n    domains: [api.crm-cloud.example]\n    categories: [user.contact]\n").unwrap();
    assert_eq!(m.recipients.unwrap()[0].id, "crm-cloud");
}

/// The documented example, valid, free of contradictions, and an excerpt
/// of the corpus manifest it says it is taken from: each of its
/// declarations is that manifest's, clause for clause.
#[test]
fn documented_example_is_a_true_excerpt() {
    let rules = Rules::embedded().expect("embedded rules load");
    let doc = include_str!("../docs/manifest.md");
    let start = doc.find("```yaml\n").expect("an example") + "```yaml\n".len();
    let end = start + doc[start..].find("```").expect("closed block");
    let text = &doc[start..end];
    let m = check(text).unwrap_or_else(|e| panic!("docs/manifest.md example: {e}"));
    assert!(
        manifest::contradictions::find_all("example", text, &m, &rules).is_empty(),
        "the documented example contradicts itself"
    );
    let source =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus/bestcert-spring/privacy.yml");
    let whole = manifest::load(&source, &rules).unwrap();
    assert_eq!(
        m.policy.as_ref().map(|p| &p.name),
        whole.policy.as_ref().map(|p| &p.name)
    );
    for d in &m.data {
        let original = whole.data.iter().find(|o| o.category == d.category);
        assert_eq!(original.map(yaml), Some(yaml(d)), "data {}", d.category);
    }
    for r in m.recipients.iter().flatten() {
        let original = whole.recipients.iter().flatten().find(|o| o.id == r.id);
        assert_eq!(original.map(yaml), Some(yaml(r)), "recipient {}", r.id);
    }
    for t in m.tracking.iter().flatten() {
        let text = yaml(t);
        assert!(
            whole.tracking.iter().flatten().any(|o| yaml(o) == text),
            "tracking {text}"
        );
    }
    assert_eq!(yaml(&m.residency), yaml(&whole.residency));
    assert_eq!(yaml(&m.clauses), yaml(&whole.clauses));
    assert_eq!(yaml(&m.consent), yaml(&whole.consent));
    assert_eq!(m.recipients.map(|r| r.len()), Some(3));
}

/// A declaration as YAML, to compare what two of them say.
fn yaml<T: serde::Serialize>(value: &T) -> String {
    serde_norway::to_string(value).expect("serializes")
}

#[test]
fn corpus_manifests_are_valid() {
    let rules = Rules::embedded().expect("embedded rules load");
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for app in std::fs::read_dir(corpus).unwrap().flatten() {
        let path = app.path().join("privacy.yml");
        if path.exists() {
            manifest::load(&path, &rules).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

#[test]
fn json_schema_is_current() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("docs/privacy-manifest.schema.json");
    let on_disk = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        on_disk == manifest::json_schema(),
        "docs/privacy-manifest.schema.json is stale: run `cargo run -- manifest-schema > docs/privacy-manifest.schema.json`"
    );
}

fn contradictions(text: &str) -> Vec<String> {
    let rules = Rules::embedded().expect("embedded rules load");
    let m = check(text).unwrap_or_else(|e| panic!("{e}"));
    manifest::contradictions::find_all("privacy.yml", text, &m, &rules)
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn contradictions_are_found_at_their_line_with_why_and_what_to_do() {
    insta::assert_snapshot!(
        contradictions(
            "version: 1
data:
  - category: user.contact.email
    purposes: [essential.service.authentication]
    log: true
  - category: user.government_id.national_identification_number
    purposes: [essential.legal_obligation]
    log: true
  - category: user.biometric
    purposes: [essential.legal_obligation]
    store: false
    encrypt_at_rest: true
  - category: user.name
    purposes: [essential.legal_obligation]
recipients:
  - id: alipay
    categories: [user.name, user.contact.phone_number]
    purposes: [essential.legal_obligation]
  - id: sendgrid
    categories: [user.contact.email]
    purposes: [essential.service.notifications.email]
  - id: alipay
    categories: [user.name]
    purposes: [essential.legal_obligation]
residency:
  regions: [CN]
"
        )
        .join("\n")
    );
    insta::assert_snapshot!(
        "tracking_under_no_sharing",
        contradictions(
            "version: 1
recipients: []
tracking:
  - kind: strictly-necessary
  - kind: analytics
    recipient: google-analytics
"
        )
        .join("\n")
    );
}

#[test]
fn declarations_that_agree_are_no_contradiction() {
    let found = contradictions(
        "version: 1
data:
  - category: user.contact.email      # not sensitive: may be logged
    purposes: [essential.service.authentication]
    log: true
  - category: user.government_id.national_identification_number
    purposes: [essential.legal_obligation]
    sensitive: false                  # the policy treats it as ordinary data
    log: true
  - category: user.biometric.face
    purposes: [essential.legal_obligation]
    store: false
  - category: user.device             # some of it sensitive, some not
    purposes: [essential.service.security]
    log: true
recipients:
  - id: alipay
    categories: [user.contact]        # covers the declared email
    purposes: [essential.legal_obligation]
  - id: google-analytics
    region: CN                        # its declared region wins over the catalog's
    categories: [user.device]
    purposes: [analytics.reporting]
residency:
  regions: [CN]
tracking:
  - kind: analytics
    recipient: google-analytics
",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn corpus_manifests_have_no_contradiction() {
    let rules = Rules::embedded().expect("embedded rules load");
    let corpus = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for app in std::fs::read_dir(corpus).unwrap().flatten() {
        let path = app.path().join("privacy.yml");
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let m = manifest::load(&path, &rules).unwrap_or_else(|e| panic!("{e}"));
        let found = manifest::contradictions::find_all("privacy.yml", &text, &m, &rules);
        assert!(found.is_empty(), "{}: {found:#?}", path.display());
    }
}

#[test]
fn a_region_group_holds_its_members() {
    let text = "version: 1
data:
  - category: user.contact.email
    purposes: [essential.service]
recipients:
  - id: mailer-de
    name: Mailer
    region: DE
    domains: [api.mailer.example]
    categories: [user.contact.email]
    purposes: [essential.service]
residency:
  regions: [EU]
";
    assert_eq!(contradictions(text), Vec::<String>::new());
    let outside = text.replace("region: DE", "region: CH");
    assert_eq!(
        contradictions(&outside).len(),
        1,
        "Switzerland is not in the EU"
    );
}

#[test]
fn contradictions_point_at_the_key_in_its_own_entry() {
    // A nested block list does not end the entry; a clause that says "log"
    // is not the `log` key; the third declaration of a recipient is
    // reported at its own line.
    let found = contradictions(
        "version: 1
data:
  - category: user.government_id.national_identification_number
    clause: \"2.3 log files\"
    purposes:
      - essential.legal_obligation
    log: true
recipients:
  - id: alipay
    categories: [user.government_id]
    purposes: [essential.legal_obligation]
  - id: alipay
    categories: [user.government_id]
    purposes: [essential.legal_obligation]
  - id: alipay
    categories: [user.government_id]
    purposes: [essential.legal_obligation]
",
    );
    assert!(
        found[0].starts_with("privacy.yml:7:5: `log: true`"),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("privacy.yml:12:9: recipient `alipay` is declared twice"),
        "{found:#?}"
    );
    assert!(
        found[2].starts_with("privacy.yml:15:9: recipient `alipay` is declared twice"),
        "{found:#?}"
    );
}

#[test]
fn an_empty_recipient_id_is_no_panic() {
    let found = contradictions(
        "---
version: 1
recipients:
  - id: \"\"
    name: x
    domains: [a.example.com]
    categories: [user.name]
",
    );
    assert!(
        found.iter().all(|c| c.contains("does not declare")),
        "{found:#?}"
    );
}
