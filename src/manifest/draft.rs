//! `candor init`: a draft manifest from what the code does.
//!
//! The draft is a policy to review, not a confession of what the code
//! does: it lists every data category and recipient the scan saw, with
//! where it saw them, but never writes a promise that would turn a risky
//! flow into an allowed one. Logging, clear-text storage and sharing with an
//! unknown host are TODO comments for the reviewer, not `log: true` or
//! `encrypt_at_rest: false`. Purposes and the kinds of cookies are
//! placeholders that fail validation until a person fills them in.
//! Recipients come from flows and from SDKs in dependency manifests;
//! tracking from cookies and analytics or advertising services; residency
//! from the regions the code stores data in.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::model::{Finding, FlowKind, Level, SdkUse, StoreKind};
use crate::rules::Rules;

/// The purpose placeholder: not a data use, so the draft fails validation
/// until every one is replaced.
pub const PURPOSE_PLACEHOLDER: &str = "choose-purposes";

/// The tracking-kind placeholder, for a cookie whose kind the code does not
/// tell: it fails validation until a person chooses.
pub const KIND_PLACEHOLDER: &str = "choose-kind";

/// Places shown per line before "and N more".
const SHOWN_PLACES: usize = 3;

/// What the scan saw of one data category.
#[derive(Default)]
struct Seen {
    /// Where it was seen, by flow kind.
    by_kind: BTreeMap<FlowKind, Vec<String>>,
    /// Flows a reviewer must decide on: (rule, place).
    risky: BTreeSet<(&'static str, String)>,
}

/// What the scan saw of one recipient.
#[derive(Default)]
struct Recipient<'a> {
    categories: BTreeSet<&'a str>,
    /// Regions the code names for it (a bucket's region).
    regions: BTreeSet<&'a str>,
    /// Dependencies that are its SDK: (package, place).
    sdks: BTreeSet<(&'a str, String)>,
}

/// Renders a draft manifest for the findings and SDKs of a scan without a
/// manifest.
pub fn draft(findings: &[Finding], sdks: &[SdkUse], rules: &Rules) -> String {
    let mut categories: BTreeMap<&str, Seen> = BTreeMap::new();
    let mut recipients: BTreeMap<&str, Recipient> = BTreeMap::new();
    // Cookie and browser-storage names, with where they are set.
    let mut cookies: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    // Regions the code stores or sends data to, with where.
    let mut regions: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for f in findings {
        let place = format!(
            "{}:{}",
            comment_safe(&f.location.path),
            f.location.start_line
        );
        for category in f.categories() {
            let seen = categories.entry(category).or_default();
            let places = seen.by_kind.entry(f.flow_kind).or_default();
            if !places.contains(&place) {
                places.push(place.clone());
            }
            if f.level != Level::Note {
                seen.risky.insert((f.rule_id, place.clone()));
            }
            if let Some(r) = f.recipient.as_deref().filter(|r| *r != "unknown") {
                let recipient = recipients.entry(r).or_default();
                recipient.categories.insert(category);
                recipient.regions.extend(f.region.as_deref());
            }
        }
        if let (Some(StoreKind::Cookie | StoreKind::BrowserStorage), Some(key)) =
            (f.store, f.store_key.as_deref())
        {
            cookies.entry(key).or_default().insert(place.clone());
        }
        if let Some(region) = f.region.as_deref() {
            regions.entry(region).or_default().insert(place);
        }
    }
    for sdk in sdks {
        recipients.entry(&sdk.recipient).or_default().sdks.insert((
            &sdk.package,
            format!("{}:{}", comment_safe(&sdk.path), sdk.line),
        ));
    }
    let mut out = String::from(
        "# Draft written by `candor init` from what the code does. Review every entry:\n\
         # keep only what the privacy policy really promises, replace each\n\
         # `choose-purposes` with the data uses the policy states and each\n\
         # `choose-kind` with the kind of cookie the policy describes, and cite the\n\
         # policy's clauses. A TODO is a flow the policy may not allow: decide it in\n\
         # the code or in the policy, never by declaring it here unread.\n\
         # See docs/manifest.md; `candor manifest-schema` prints the JSON Schema.\n\
         version: 1\n",
    );
    write_data(&mut out, &categories, rules);
    write_recipients(&mut out, &recipients);
    write_tracking(&mut out, &cookies, &recipients, rules);
    write_residency(&mut out, &regions);
    out
}

fn write_data(out: &mut String, categories: &BTreeMap<&str, Seen>, rules: &Rules) {
    out.push_str("\ndata:\n");
    if categories.is_empty() {
        out.push_str("  []\n");
    }
    for (category, seen) in categories {
        let name = rules
            .categories
            .iter()
            .find(|c| c.key == *category)
            .map_or("", |c| c.name.as_str());
        let _ = writeln!(out, "  - category: {category}  # {name}");
        let _ = writeln!(out, "    purposes: [{PURPOSE_PLACEHOLDER}]");
        for (kind, places) in &seen.by_kind {
            let _ = writeln!(out, "    # {} at {}", kind.name(), places_text(places));
        }
        let mut by_rule: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (rule, place) in &seen.risky {
            by_rule.entry(rule).or_default().push(place.clone());
        }
        for (rule, places) in by_rule {
            let _ = writeln!(
                out,
                "    # TODO {rule} at {}: change the code, or declare the flow only if the policy allows it",
                places_text(&places)
            );
        }
    }
}

fn write_recipients(out: &mut String, recipients: &BTreeMap<&str, Recipient>) {
    out.push_str(
        "\n# Third parties that receive personal data; `recipients: []` means \"we share with no one\".\nrecipients:\n",
    );
    if recipients.is_empty() {
        out.push_str("  []\n");
    }
    for (id, recipient) in recipients {
        match id.strip_prefix("unknown:") {
            Some(host) => {
                let _ = writeln!(out, "  - id: {}", yaml_scalar(&host.replace('.', "-")));
                let _ = writeln!(
                    out,
                    "    name: {}  # TODO a host outside the recipients catalog: name the company",
                    yaml_scalar(host)
                );
                let _ = writeln!(out, "    domains: [{}]", yaml_scalar(host));
            }
            None => {
                let _ = writeln!(out, "  - id: {id}");
            }
        }
        // Where the code names one region for it, that is where it keeps the
        // data, whatever the catalog says of the company.
        if let [region] = recipient.regions.iter().collect::<Vec<_>>()[..] {
            let _ = writeln!(out, "    region: {region}");
        }
        for (package, place) in &recipient.sdks {
            let package = comment_safe(package);
            let _ = writeln!(out, "    # its SDK `{package}` is a dependency at {place}");
        }
        let cats: Vec<&str> = recipient.categories.iter().copied().collect();
        if cats.is_empty() {
            out.push_str(
                "    # TODO no flow to it was found: list what it receives (an SDK may collect data\n    # itself), or remove the entry if it receives no personal data\n",
            );
        }
        let _ = writeln!(out, "    categories: [{}]", cats.join(", "));
        let _ = writeln!(out, "    purposes: [{PURPOSE_PLACEHOLDER}]");
    }
}

fn write_tracking(
    out: &mut String,
    cookies: &BTreeMap<&str, BTreeSet<String>>,
    recipients: &BTreeMap<&str, Recipient>,
    rules: &Rules,
) {
    let trackers: Vec<(&str, &str)> = recipients
        .keys()
        .filter_map(|id| {
            let kind = match rules.recipient(id)?.service.as_str() {
                "analytics" | "session-replay" => "analytics",
                "advertising" => "marketing",
                _ => return None,
            };
            Some((*id, kind))
        })
        .collect();
    if cookies.is_empty() && trackers.is_empty() {
        out.push_str(
            "\n# No cookie or tracking service was seen. Declare the policy's cookies under\n\
             # `tracking:`; `tracking: []` promises none.\n",
        );
        return;
    }
    out.push_str("\n# Cookies, browser storage and tracking services the code uses.\ntracking:\n");
    for (name, places) in cookies {
        let places: Vec<String> = places.iter().cloned().collect();
        let _ = writeln!(
            out,
            "  - kind: {KIND_PLACEHOLDER}  # TODO set at {}: strictly-necessary, functional, analytics or marketing?",
            places_text(&places)
        );
        let _ = writeln!(out, "    name: {}", yaml_scalar(name));
    }
    for (id, kind) in trackers {
        let _ = writeln!(out, "  - kind: {kind}");
        let _ = writeln!(out, "    recipient: {id}");
    }
}

fn write_residency(out: &mut String, regions: &BTreeMap<&str, BTreeSet<String>>) {
    if regions.is_empty() {
        return;
    }
    let shown: Vec<String> = regions
        .iter()
        .map(|(region, places)| {
            let places: Vec<String> = places.iter().cloned().collect();
            format!("{region} at {}", places_text(&places))
        })
        .collect();
    let _ = writeln!(
        out,
        "\n# TODO the code stores or sends data in {}: keep the regions the policy promises.",
        shown.join("; ")
    );
    let codes: Vec<&str> = regions.keys().copied().collect();
    let _ = writeln!(out, "residency:\n  regions: [{}]", codes.join(", "));
}

/// Up to [`SHOWN_PLACES`] places, then how many more.
fn places_text(places: &[String]) -> String {
    let shown: Vec<&str> = places
        .iter()
        .take(SHOWN_PLACES)
        .map(String::as_str)
        .collect();
    let more = match places.len().saturating_sub(SHOWN_PLACES) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("{}{more}", shown.join(", "))
}

/// `text` (a path or a name from the scanned code) fit for a YAML comment:
/// a line break in it (YAML also breaks lines at U+2028 and U+2029) must
/// not start a line of the manifest.
pub(crate) fn comment_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if crate::text::is_hidden_control(c) {
                '?'
            } else {
                c
            }
        })
        .collect()
}

/// `name` as a YAML scalar: quoted unless it is plainly a word.
pub(crate) fn yaml_scalar(name: &str) -> String {
    let plain = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && name.chars().next().is_some_and(char::is_alphabetic)
        // Words YAML reads as booleans or null.
        && !matches!(
            name.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "y" | "n"
        );
    if plain {
        return name.to_string();
    }
    // A JSON string is a YAML double-quoted scalar; YAML also refuses the
    // C1 controls JSON leaves as they are, and a bidirectional override
    // must not reorder what a reviewer reads.
    let quoted = serde_json::to_string(name).unwrap_or_default();
    quoted
        .chars()
        .map(|c| {
            if crate::text::is_hidden_control(c) {
                format!("\\u{:04X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{comment_safe, yaml_scalar};

    #[test]
    fn names_from_the_code_cannot_add_lines_to_the_draft() {
        for evil in ["a\n    log: true", "a\u{2028}    log: true", "a\r\u{85}b"] {
            let safe = comment_safe(evil);
            assert!(
                !safe.contains(['\n', '\r', '\u{85}', '\u{2028}']),
                "{safe:?}"
            );
            let scalar = yaml_scalar(evil);
            assert!(
                scalar.starts_with('"') && !scalar.contains('\n'),
                "{scalar}"
            );
        }
        // C1 controls and bidirectional overrides are escaped, and read back
        // as they were.
        for evil in ["a\u{9b}b", "\u{202e}txt.exe", "a\u{2028}b"] {
            let scalar = yaml_scalar(evil);
            assert!(
                !scalar.chars().any(crate::text::is_hidden_control),
                "{scalar}"
            );
            let back: String = serde_norway::from_str(&scalar).expect("a YAML scalar");
            assert_eq!(back, evil);
            assert!(
                !comment_safe(evil)
                    .chars()
                    .any(crate::text::is_hidden_control)
            );
        }
        assert_eq!(yaml_scalar("el_session"), "el_session");
        assert_eq!(yaml_scalar("_ga"), "\"_ga\"");
        assert_eq!(yaml_scalar("no"), "\"no\"");
    }
}
