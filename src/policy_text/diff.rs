//! `candor policy diff`: what the code does that the policy text never
//! says, and what the text promises that a manifest cannot check yet.
//!
//! The code's side is a scan without a manifest (every flow, as `candor
//! init` sees it); the text's side is a [`Reading`]. A category the text
//! names covers the code's categories below and above it (`contact
//! details` covers an email address).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Serialize;

use super::reading::{CONSENT_PROMISE, Reading, Sharing, Statement};
use crate::model::manifest::covers;
use crate::model::{Finding, SdkUse, StoreKind};
use crate::rules::Rules;

/// Places shown per difference.
const SHOWN_PLACES: usize = 3;

/// Something the code does that the text does not say.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Difference {
    /// `data`, `recipient` or `cookie`.
    pub kind: &'static str,
    /// The category key, recipient id or cookie name.
    pub subject: String,
    pub message: String,
    /// `path:line`, the first few.
    pub places: Vec<String>,
    /// How many places in all.
    pub count: usize,
}

/// The comparison.
#[derive(Debug, Serialize)]
pub struct PolicyDiff {
    /// What the code does that the text never mentions.
    pub unstated: Vec<Difference>,
    /// What the text states that a manifest cannot state or candor cannot
    /// check yet.
    pub unchecked: Vec<Statement<String>>,
}

/// Where the code does something, deduplicated, in report order.
#[derive(Default)]
struct Places(Vec<String>);

impl Places {
    fn add(&mut self, place: String) {
        if !self.0.contains(&place) {
            self.0.push(place);
        }
    }
}

/// Compares a policy text with what a scan found.
pub fn diff(reading: &Reading, findings: &[Finding], sdks: &[SdkUse], rules: &Rules) -> PolicyDiff {
    let mut categories: BTreeMap<&str, (String, Places)> = BTreeMap::new();
    let mut recipients: BTreeMap<&str, (BTreeSet<&str>, Places)> = BTreeMap::new();
    let mut cookies: BTreeMap<&str, Places> = BTreeMap::new();
    for f in findings {
        let place = format!("{}:{}", f.location.path, f.location.start_line);
        for (key, name, _) in f.named_categories() {
            categories
                .entry(key)
                .or_insert_with(|| (name.clone(), Places::default()))
                .1
                .add(place.clone());
        }
        if let Some(r) = f.recipient.as_deref().filter(|r| *r != "unknown") {
            let entry = recipients.entry(r).or_default();
            entry.0.extend(f.categories());
            entry.1.add(place.clone());
        }
        if let (Some(StoreKind::Cookie), Some(key)) = (f.store, f.store_key.as_deref()) {
            cookies.entry(key).or_default().add(place);
        }
    }
    for sdk in sdks {
        recipients
            .entry(&sdk.recipient)
            .or_default()
            .1
            .add(format!("{}:{} (SDK {})", sdk.path, sdk.line, sdk.package));
    }
    let mut unstated = Vec::new();
    let stated = |key: &str| {
        reading
            .categories
            .iter()
            .any(|c| covers(&c.value, key) || covers(key, &c.value))
    };
    for (key, (name, places)) in categories {
        if !stated(key) {
            unstated.push(difference(
                "data",
                key,
                format!("the code handles {name}; the text never names it"),
                places,
            ));
        }
    }
    let shares_with_no_one = reading
        .sharing
        .as_ref()
        .filter(|s| s.value == Sharing::None && reading.recipients.is_empty());
    for (id, (received, places)) in recipients {
        if reading.recipients.iter().any(|r| r.value == id) {
            continue;
        }
        let name = match id.strip_prefix("unknown:") {
            Some(host) => format!("{host} (not in the recipients catalog)"),
            None => id.to_string(),
        };
        let what = if received.is_empty() {
            // Only a dependency: its SDK may collect data itself.
            format!("the SDK of {name} is a dependency and may collect data itself")
        } else {
            let received: Vec<&str> = received.into_iter().collect();
            format!("{name} receives {}", received.join(", "))
        };
        let message = match shares_with_no_one {
            Some(s) => format!(
                "{what}; the text says it shares with no one (line {})",
                s.evidence.line
            ),
            None => format!("{what}; the text does not name it"),
        };
        unstated.push(difference("recipient", id, message, places));
    }
    if reading.mentions_cookies.is_none() {
        for (name, places) in cookies {
            unstated.push(difference(
                "cookie",
                name,
                format!("the code sets the cookie `{name}`; the text never speaks of cookies"),
                places,
            ));
        }
    }
    PolicyDiff {
        unstated,
        unchecked: unchecked(reading, rules),
    }
}

fn difference(kind: &'static str, subject: &str, message: String, places: Places) -> Difference {
    Difference {
        kind,
        subject: subject.to_string(),
        message,
        count: places.0.len(),
        places: places.0.into_iter().take(SHOWN_PLACES).collect(),
    }
}

/// The text's promises that no check covers yet: a retention in words (a
/// duration or the session is checked against cookie and cache
/// lifetimes), and the topics the lexicon lists as promises, but consent
/// (checked where the manifest asks for it; the minimum age is checked
/// too).
fn unchecked(reading: &Reading, rules: &Rules) -> Vec<Statement<String>> {
    let mut out: Vec<Statement<String>> = reading
        .retention
        .iter()
        .filter(|r| r.value != "session" && rules.obligations.retention_seconds(&r.value).is_none())
        .map(|r| Statement {
            value: format!("retention {}", r.value),
            evidence: r.evidence.clone(),
            mentions: r.mentions,
        })
        .collect();
    out.extend(
        reading
            .promises
            .iter()
            .filter(|p| p.value != CONSENT_PROMISE)
            .cloned(),
    );
    out
}

impl PolicyDiff {
    /// The terminal's rendering; what the policy and the code wrote is
    /// shown with its control characters escaped.
    pub fn text(&self, policy: &str) -> String {
        crate::text::escape_controls(
            &self.unescaped_text(policy),
            crate::text::Keep {
                newline: true,
                colour: false,
            },
        )
    }

    fn unescaped_text(&self, policy: &str) -> String {
        let mut out = String::new();
        if self.unstated.is_empty() {
            let _ = writeln!(
                out,
                "The code does nothing with personal data that {policy} does not mention."
            );
        } else {
            let _ = writeln!(
                out,
                "What the code does that {policy} never mentions ({}):",
                self.unstated.len()
            );
            for d in &self.unstated {
                let more = match d.count.saturating_sub(d.places.len()) {
                    0 => String::new(),
                    n => format!(" and {n} more"),
                };
                let _ = writeln!(out, "  {} `{}`: {}", d.kind, d.subject, d.message);
                let _ = writeln!(out, "      at {}{more}", d.places.join(", "));
            }
        }
        if !self.unchecked.is_empty() {
            let _ = writeln!(
                out,
                "\nWhat the text promises that the manifest cannot check yet ({}):",
                self.unchecked.len()
            );
            for s in &self.unchecked {
                let clause = s
                    .evidence
                    .clause
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  {}: \"{}\"", s.value, s.evidence.quote);
                let _ = writeln!(out, "      line {}{clause}", s.evidence.line);
            }
        }
        out
    }
}
