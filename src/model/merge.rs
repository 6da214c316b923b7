//! One finding per sink call and rule.
//!
//! A typed request body with seven personal fields, or a user object logged
//! whole, reaches one sink in one call: a reviewer judges it once, so it is
//! reported once. Findings merge when they differ only in their data
//! category and trail — same place, rule, level, sink, recipient, store,
//! policy reference and suppression, and the same text after the category.
//! Categories that get different rules or levels stay apart. The most
//! sensitive category leads; the others follow in
//! [`Finding::other_categories`], each with its own trail.
//!
//! The unit is the call, not the argument: the flow engine joins what a
//! call's arguments carry, and an object filled field by field
//! (`user.email = e; user.name = n; repo.save(user)`) shows no shared step
//! before the call that would name the argument.

use std::hash::{Hash, Hasher};

use super::finding::{Finding, OtherCategory};
use crate::hash::Map;

/// How a message names its data: the category's name, or, for sensitive
/// data, `Sensitive personal data (name)`.
pub fn subject(name: &str, sensitive: bool) -> String {
    if sensitive {
        format!("Sensitive personal data ({name})")
    } else {
        name.to_string()
    }
}

/// How a merged message names its data. "Personal data" takes a singular
/// verb, so the rest of the message reads unchanged.
fn merged_subject(categories: &[(&str, bool)]) -> String {
    let names: Vec<String> = categories.iter().map(|(n, _)| in_sentence(n)).collect();
    let sensitive = categories.iter().filter(|(_, s)| *s).count();
    let kind = if sensitive == categories.len() {
        "Sensitive personal data"
    } else if sensitive > 0 {
        "Sensitive and other personal data"
    } else {
        "Personal data"
    };
    format!("{kind} ({})", names.join(", "))
}

/// Merges findings that report one flow of several categories; the others
/// keep their place and order.
pub fn merge(findings: Vec<Finding>) -> Vec<Finding> {
    // Each finding's group, by the first finding of it; then the findings
    // move into their groups.
    let mut group_of: Vec<usize> = Vec::with_capacity(findings.len());
    let mut index: Map<MergeKey<'_>, usize> =
        Map::with_capacity_and_hasher(findings.len(), Default::default());
    for (i, f) in findings.iter().enumerate() {
        let first = match MergeKey::of(f) {
            Some(key) => *index.entry(key).or_insert(i),
            None => i,
        };
        group_of.push(first);
    }
    drop(index);
    let mut groups: Vec<Vec<Finding>> = Vec::with_capacity(findings.len());
    let mut slot: Vec<usize> = vec![usize::MAX; findings.len()];
    for (f, first) in findings.into_iter().zip(group_of) {
        if slot[first] == usize::MAX {
            slot[first] = groups.len();
            groups.push(Vec::with_capacity(1));
        }
        groups[slot[first]].push(f);
    }
    groups.into_iter().map(combine).collect()
}

/// What must be equal for two findings to be one: everything but the
/// category and the trail, and the message after its subject.
struct MergeKey<'f> {
    finding: &'f Finding,
    predicate: &'f str,
}

impl<'f> MergeKey<'f> {
    fn of(f: &'f Finding) -> Option<MergeKey<'f>> {
        if f.category.is_empty() {
            return None;
        }
        let subject = subject(&f.category_name, f.sensitive);
        let predicate = f.message.strip_prefix(subject.as_str())?;
        Some(MergeKey {
            finding: f,
            predicate,
        })
    }

    /// The sink a flow reported where it enters a helper names last.
    fn sink(&self) -> Option<&'f crate::model::Location> {
        self.finding.trail.last().map(|s| &s.location)
    }
}

impl PartialEq for MergeKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.finding, other.finding);
        self.predicate == other.predicate
            && a.rule_id == b.rule_id
            && a.level == b.level
            && a.flow_kind == b.flow_kind
            && a.location == b.location
            && self.sink() == other.sink()
            && a.recipient == b.recipient
            && a.store == b.store
            && a.store_key == b.store_key
            && a.region == b.region
            && a.via == b.via
            && a.role == b.role
            && a.policy == b.policy
            && a.suppression == b.suppression
    }
}

impl Eq for MergeKey<'_> {}

impl Hash for MergeKey<'_> {
    // A part of what `eq` compares: equal keys hash equal.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.finding.rule_id.hash(state);
        self.finding.location.hash(state);
        self.predicate.hash(state);
    }
}

/// One finding for a group: the most sensitive category first, then by key.
fn combine(mut group: Vec<Finding>) -> Finding {
    if group.len() == 1 {
        return group.pop().expect("a group has a finding");
    }
    group.sort_by(|a, b| {
        b.sensitive
            .cmp(&a.sensitive)
            .then(a.category.cmp(&b.category))
    });
    let mut members = group.into_iter();
    let mut lead = members.next().expect("a group has a finding");
    lead.other_categories = members
        .map(|f| OtherCategory {
            category: f.category,
            category_name: f.category_name,
            sensitive: f.sensitive,
            trail: f.trail,
        })
        .collect();
    let named: Vec<(&str, bool)> = std::iter::once((lead.category_name.as_str(), lead.sensitive))
        .chain(
            lead.other_categories
                .iter()
                .map(|o| (o.category_name.as_str(), o.sensitive)),
        )
        .collect();
    let lead_subject = subject(&lead.category_name, lead.sensitive);
    let predicate = lead.message[lead_subject.len()..].to_string();
    lead.message = format!("{}{predicate}", merged_subject(&named));
    lead
}

/// A category's name inside a sentence: `Email address` as `email address`,
/// but `IP address` as it is.
fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FlowKind, Location, Snippet, Suppression, SuppressionKind};

    const RULE: crate::model::Rule = crate::model::Rule {
        id: "logged-personal-data",
        name: "LoggedPersonalData",
        short_description: "",
        full_description: "",
        help: "",
        level: crate::model::Level::Note,
        cwe: &[],
        security_severity: None,
        precision: "high",
        tags: &[],
    };

    fn at(line: u32) -> Location {
        Location {
            path: "app.py".into(),
            start_line: line,
            start_column: 1,
            end_line: line,
            end_column: 9,
        }
    }

    /// A finding of `category` at `line`, its message as the checks write it.
    fn finding(category: &str, name: &str, sensitive: bool, line: u32) -> Finding {
        Finding {
            category: category.into(),
            category_name: name.into(),
            sensitive,
            flow_kind: FlowKind::Logged,
            ..Finding::meta(
                &RULE,
                "python-logging",
                format!(
                    "{} is written to a log by `log.info`",
                    subject(name, sensitive)
                ),
                at(line),
                Snippet::default(),
                "passed to `log.info`",
            )
        }
    }

    #[test]
    fn categories_of_one_call_become_one_finding_led_by_the_sensitive_one() {
        let merged = merge(vec![
            finding("user.contact.email", "Email address", false, 3),
            finding("user.government_id", "ID number", true, 3),
            finding("user.device.ip_address", "IP address", false, 3),
        ]);
        assert_eq!(merged.len(), 1);
        let f = &merged[0];
        assert_eq!(f.category, "user.government_id");
        assert_eq!(
            f.categories().collect::<Vec<_>>(),
            [
                "user.government_id",
                "user.contact.email",
                "user.device.ip_address"
            ]
        );
        assert_eq!(
            f.message,
            "Sensitive and other personal data (ID number, email address, IP address) is written to a log by `log.info`"
        );
        assert_eq!(f.other_categories[0].trail.len(), 1);
    }

    #[test]
    fn findings_at_other_places_or_under_other_rules_stay_apart() {
        let mut other_rule = finding("user.name", "Person name", false, 3);
        other_rule.rule_id = "personal-data-logged";
        let mut suppressed = finding("user.contact.phone_number", "Phone number", false, 3);
        suppressed.suppression = Some(Suppression {
            kind: SuppressionKind::InSource,
            justification: None,
        });
        let mut cited = finding("user.account.username", "Username", false, 3);
        cited
            .message
            .push_str(", but the manifest does not declare user.account.username");
        let merged = merge(vec![
            finding("user.contact.email", "Email address", false, 3),
            finding("user.contact.email", "Email address", false, 4),
            other_rule,
            suppressed,
            cited,
        ]);
        assert_eq!(merged.len(), 5);
        assert!(merged.iter().all(|f| f.other_categories.is_empty()));
    }

    #[test]
    fn findings_without_a_category_are_never_merged() {
        let meta = || Finding {
            category: String::new(),
            ..finding("x", "x", false, 1)
        };
        assert_eq!(merge(vec![meta(), meta()]).len(), 2);
    }

    #[test]
    fn all_sensitive_and_none_sensitive_read_plainly() {
        let sensitive = merge(vec![
            finding("user.biometric.face", "Face image", true, 1),
            finding("user.government_id", "ID number", true, 1),
        ]);
        assert!(
            sensitive[0]
                .message
                .starts_with("Sensitive personal data (face image, ID number) is")
        );
        let plain = merge(vec![
            finding("user.contact.email", "Email address", false, 1),
            finding("user.name", "Person name", false, 1),
        ]);
        assert!(
            plain[0]
                .message
                .starts_with("Personal data (email address, person name) is")
        );
    }
}
