//! The classifier against `tests/fixtures/classify/names.tsv`: one row per
//! identifier, with its owner (`-` for none) and the expected category
//! (`-` for "not personal data").

use candor::classify::Classifier;
use candor::rules::Rules;

#[test]
fn names_table() {
    let rules = Rules::embedded().expect("embedded rules load");
    let classifier = Classifier::new(&rules);
    let table = include_str!("fixtures/classify/names.tsv");
    let mut failures = Vec::new();
    let mut rows = 0;
    for (i, line) in table.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [name, owner, expected] = cols[..] else {
            panic!("names.tsv:{}: expected 3 tab-separated columns", i + 1);
        };
        rows += 1;
        let owner = (owner != "-").then_some(owner);
        let verdict = classifier.classify(name, owner);
        let actual = verdict
            .category()
            .map(|id| rules.category(id).key.as_str())
            .unwrap_or("-");
        if actual != expected {
            failures.push(format!("names.tsv:{}: {name} (owner {owner:?}): expected {expected}, got {actual} ({verdict:?})", i + 1));
        }
    }
    assert!(
        rows >= 150,
        "the table should have at least 150 rows, has {rows}"
    );
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_category_is_reachable_from_a_pattern() {
    let rules = Rules::embedded().expect("embedded rules load");
    let classifier = Classifier::new(&rules);
    for c in &rules.categories {
        let Some(p) = c.patterns.first() else {
            continue;
        };
        let ident = p.split_whitespace().collect::<Vec<_>>().join("_");
        let got = classifier
            .classify(&ident, Some("user"))
            .category()
            .map(|id| rules.category(id).key.clone());
        assert_eq!(
            got.as_deref(),
            Some(c.key.as_str()),
            "first pattern `{p}` of {} classifies elsewhere",
            c.key
        );
    }
}

#[test]
fn lookup_request_types() {
    let rules = Rules::embedded().expect("embedded rules load");
    let classifier = Classifier::new(&rules);
    for ty in [
        "ListPosts",
        "ListPersonContent",
        "UserSearchParams",
        "PostFilter",
        "web::Query<SearchQuery>",
        "GetPosts",
        "GetPersonDetails",
        "crate::api::CountUsers",
    ] {
        assert!(classifier.is_lookup_type(ty), "{ty} should be a lookup");
    }
    for ty in [
        "CreateUser",
        "GetToken",
        "SignupForm",
        "UpdateAddress",
        "GetStatus",
        "Json<Register>",
        "SaveUserSettings",
    ] {
        assert!(
            !classifier.is_lookup_type(ty),
            "{ty} should not be a lookup"
        );
    }
}
