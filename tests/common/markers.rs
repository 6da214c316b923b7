//! Inline expectation markers shared by the fixture and project tests.
//!
//! A marker is a comment at the end of the line where a finding starts:
//! `# expect: logged user.contact.email` or, for several,
//! `// expect: collected user.contact.phone_number; shared user.contact.phone_number -> twilio`.
//! Lines without a marker must produce no finding. A known gap is written
//! `missed: <kind> <category>` with the reason after `--`; closing the gap
//! fails the test until the marker becomes an `expect:`. A finding in code
//! that is not production is marked with its role, `expect(test): ...`:
//! it is expected only where such findings are reported.

use std::collections::BTreeSet;

use candor::model::Role;

/// (line, kind, category, recipient, role)
pub type Expectation = (u32, String, String, Option<String>, Role);

/// The markers written `tag`, each expecting a finding of `role`.
pub fn markers(text: &str, tag: &str, role: Role) -> BTreeSet<Expectation> {
    let mut out = BTreeSet::new();
    for (i, line) in text.lines().enumerate() {
        let Some(pos) = line.find(tag) else {
            continue;
        };
        let rest = &line[pos + tag.len()..];
        let rest = rest.split(" -- ").next().unwrap_or(rest);
        for item in rest.split(';') {
            let item = item
                .trim()
                .trim_end_matches("*/")
                .trim_end_matches("-->")
                .trim();
            if item.is_empty() {
                continue;
            }
            let (main, recipient) = match item.split_once("->") {
                Some((m, r)) => (m.trim(), Some(r.trim().to_string())),
                None => (item, None),
            };
            let mut words = main.split_whitespace();
            let (Some(kind), Some(category)) = (words.next(), words.next()) else {
                panic!("line {}: malformed marker `{item}`", i + 1);
            };
            out.insert((
                i as u32 + 1,
                kind.to_string(),
                category.to_string(),
                recipient,
                role,
            ));
        }
    }
    out
}

fn recipient(r: &Option<String>) -> String {
    r.as_ref().map(|r| format!(" -> {r}")).unwrap_or_default()
}

fn role(role: &Role) -> String {
    if role.is_production() {
        String::new()
    } else {
        format!(" in {} code", role.name())
    }
}

/// Compares one file's findings with its markers (`marked`: the text
/// holding them, the file itself or its `.expect` sidecar);
/// `non_production`: the findings include those in code that is not
/// production.
pub fn compare(
    shown: &str,
    marked: &str,
    findings: &[candor::model::Finding],
    non_production: bool,
    failures: &mut Vec<String>,
) {
    // A finding of several categories meets a marker for each.
    let actual: BTreeSet<Expectation> = findings
        .iter()
        .flat_map(|f| {
            f.categories().map(|category| {
                (
                    f.location.start_line,
                    f.flow_kind.name().to_string(),
                    category.to_string(),
                    f.recipient.clone(),
                    f.role,
                )
            })
        })
        .collect();
    let mut expected = markers(marked, "expect:", Role::Production);
    if non_production {
        for role in Role::ALL.into_iter().filter(|r| !r.is_production()) {
            expected.extend(markers(marked, &format!("expect({}):", role.name()), role));
        }
    }
    for gap in markers(marked, "missed:", Role::Production).intersection(&actual) {
        failures.push(format!(
            "{shown}:{}: {} {} is marked missed but is now found: make it `expect:`",
            gap.0, gap.1, gap.2
        ));
    }
    for missing in expected.difference(&actual) {
        failures.push(format!(
            "{shown}:{}: expected {} {}{}{} but it was not found",
            missing.0,
            missing.1,
            missing.2,
            recipient(&missing.3),
            role(&missing.4)
        ));
    }
    for extra in actual.difference(&expected) {
        failures.push(format!(
            "{shown}:{}: unexpected {} {}{}{}",
            extra.0,
            extra.1,
            extra.2,
            recipient(&extra.3),
            role(&extra.4)
        ));
    }
}
