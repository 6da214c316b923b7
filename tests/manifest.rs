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

#[test]
fn documented_example_is_valid() {
    let doc = include_str!("../docs/manifest.md");
    let start = doc.find("```yaml\n").expect("an example") + "```yaml\n".len();
    let end = start + doc[start..].find("```").expect("closed block");
    let m = check(&doc[start..end]).unwrap_or_else(|e| panic!("docs/manifest.md example: {e}"));
    assert_eq!(m.recipients.map(|r| r.len()), Some(2));
    assert!(m.data.iter().any(|d| d.store == Some(false)));
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
