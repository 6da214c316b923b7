//! The recipients catalog against the sink rules: a recipient that ships an
//! SDK for a language candor reads must have call sinks in that language,
//! or its SDK would be recognised in a dependency manifest while every call
//! handing it data went unreported.

use std::collections::HashSet;

use candor::model::Ecosystem;
use candor::rules::Rules;

#[test]
fn every_catalogued_sdk_has_call_sinks_in_its_language() {
    let rules = Rules::embedded().expect("built-in rules load");
    let covered: HashSet<(candor::language::Language, &str)> = rules
        .sinks
        .iter()
        .filter_map(|s| Some((s.language, s.spec.recipient.as_deref()?)))
        .collect();
    let mut missing = Vec::new();
    for recipient in &rules.recipients {
        for ecosystem in Ecosystem::ALL {
            let Some(language) = candor::dependencies::language_of(ecosystem) else {
                continue;
            };
            let packages = recipient.packages.of(ecosystem);
            if !packages.is_empty()
                && !recipient.receive_only.contains(&ecosystem)
                && !covered.contains(&(language, recipient.id.as_str()))
            {
                missing.push(format!(
                    "{} ({}): {}",
                    recipient.id,
                    language.name(),
                    packages.join(", ")
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "{} catalogued SDKs have no call sink in their language \
         (add sinks under rules/sinks/catalog/<language>/):\n  {}",
        missing.len(),
        missing.join("\n  ")
    );
}
