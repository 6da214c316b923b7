//! The one finding model every emitter renders.
//!
//! A finding is built once, with everything an emitter needs (message,
//! snippet, locations in characters, trail, fingerprint), so that emitters
//! never re-derive facts. Their fingerprints ([`fingerprint`]) and their
//! order ([`sort`]) are given once, by the pipeline.

use std::fmt::Write;

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{FlowKind, Level, Role, Rule, StoreKind};
use crate::hash::Map;

/// A location in a file: 1-based lines and columns, columns counted in
/// Unicode code points, end column exclusive.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub struct Location {
    pub path: String,
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct TrailStep {
    pub location: Location,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub rule_id: &'static str,
    pub level: Level,
    /// fideslang data-category key.
    pub category: String,
    pub category_name: String,
    pub sensitive: bool,
    pub flow_kind: FlowKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store: Option<StoreKind>,
    /// The cookie or storage key written, when the code names it literally.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub store_key: Option<String>,
    /// The store encrypts what it keeps (`EncryptedSharedPreferences`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub encrypted: bool,
    /// The country the data goes to, when the code names the region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The sink or source rule that matched.
    pub via: String,
    /// What code the finding is in; only production code's findings are
    /// reported unless others are asked for.
    #[serde(skip_serializing_if = "is_production")]
    pub role: Role,
    pub message: String,
    pub location: Location,
    /// The source line of the location; a long line is cut to a window
    /// around the location, marked with `…` where it is cut.
    pub snippet: String,
    /// Characters of the line before the window (0: from its start).
    #[serde(skip_serializing_if = "is_zero")]
    pub snippet_offset: u32,
    /// Where the data came from, first step first; the last step is the
    /// location itself.
    pub trail: Vec<TrailStep>,
    /// Stable across unrelated edits: rule, category, path and the text of
    /// the line, plus an occurrence counter.
    pub fingerprint: String,
    /// With a manifest: the declaration this finding is judged against, and
    /// the policy clause it cites.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyRef>,
    /// Set when a `candor:ignore` comment or a baseline suppresses the
    /// finding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suppression: Option<Suppression>,
    /// The categories besides [`Finding::category`] that reach the same
    /// place through the same argument under the same rule, each with its
    /// own trail (see `model::merge`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub other_categories: Vec<OtherCategory>,
    /// The field of an object written through a model that the data sat
    /// in (see `Flow::model_field`); not part of the report.
    #[serde(skip)]
    pub model_field: Option<String>,
}

/// A category a merged finding reports besides its leading one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OtherCategory {
    pub category: String,
    pub category_name: String,
    pub sensitive: bool,
    pub trail: Vec<TrailStep>,
}

/// A place in the privacy manifest and the policy clause it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyRef {
    pub location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// What the cited declaration is about (a data category, a recipient
    /// id, `recipients`, `residency`, `tracking`): the promise's
    /// [`subject`](super::Promise::subject). Not part of the report.
    #[serde(skip)]
    pub subject: String,
}

/// Why a finding is suppressed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    pub kind: SuppressionKind,
    pub justification: Option<String>,
}

/// Where a suppression comes from, named as SARIF names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SuppressionKind {
    /// A `candor:ignore` comment in the code.
    #[serde(rename = "inSource")]
    InSource,
    /// An entry of a baseline file.
    #[serde(rename = "external")]
    External,
}

fn is_production(role: &Role) -> bool {
    role.is_production()
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A line of a file as a finding shows it (see [`Finding::snippet`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct Snippet {
    pub text: String,
    /// Characters of the line before the text.
    pub offset: u32,
}

impl Finding {
    /// A finding about one of candor's own inputs (a suppression comment, a
    /// baseline entry, a manifest declaration) rather than a flow of data:
    /// no category, located at `location`, whose only trail step says what
    /// is there (`step`).
    pub fn meta(
        rule: &Rule,
        via: &str,
        message: String,
        location: Location,
        snippet: Snippet,
        step: &str,
    ) -> Finding {
        Finding {
            rule_id: rule.id,
            level: rule.level,
            category: String::new(),
            category_name: String::new(),
            sensitive: false,
            flow_kind: FlowKind::Collected,
            recipient: None,
            store: None,
            store_key: None,
            encrypted: false,
            region: None,
            via: via.to_string(),
            role: Role::Production,
            message,
            snippet: snippet.text,
            snippet_offset: snippet.offset,
            trail: vec![TrailStep {
                location: location.clone(),
                message: step.to_string(),
            }],
            location,
            fingerprint: String::new(),
            policy: None,
            suppression: None,
            other_categories: Vec::new(),
            model_field: None,
        }
    }

    /// Every data category the finding reports, the leading one first.
    pub fn categories(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.category.as_str())
            .chain(self.other_categories.iter().map(|o| o.category.as_str()))
    }

    /// Every data category the finding reports with its name and whether
    /// it is sensitive, the leading one first.
    pub fn named_categories(&self) -> impl Iterator<Item = (&String, &String, bool)> {
        std::iter::once((&self.category, &self.category_name, self.sensitive)).chain(
            self.other_categories
                .iter()
                .map(|o| (&o.category, &o.category_name, o.sensitive)),
        )
    }
}

/// What orders findings: file, position, then rule, category, flow kind,
/// recipient, sink and where the sink is (a flow reported at the call that
/// enters a helper ends at a sink elsewhere).
type SortKey<'f> = (
    &'f Location,
    &'static str,
    &'f str,
    FlowKind,
    &'f Option<String>,
    &'f str,
    Option<&'f Location>,
);

fn sort_key(f: &Finding) -> SortKey<'_> {
    (
        &f.location,
        f.rule_id,
        &f.category,
        f.flow_kind,
        &f.recipient,
        &f.via,
        f.trail.last().map(|s| &s.location),
    )
}

/// Puts findings in their deterministic order. The sort is stable, so
/// findings equal in every part of the key keep the order they were made in.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| sort_key(a).cmp(&sort_key(b)));
}

/// Gives each finding its fingerprint: a hash of what identifies it without
/// its line number (rule, categories, flow kind, path and the text of its
/// line), so that it survives lines moving, and a counter that tells
/// identical ones apart in the order [`sort`] gives them. The findings are
/// not moved.
pub fn fingerprint(findings: &mut [Finding]) {
    let digests: Vec<String> = findings.iter().map(content_digest).collect();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by(|&a, &b| sort_key(&findings[a]).cmp(&sort_key(&findings[b])));
    let mut seen: Map<&str, u32> =
        Map::with_capacity_and_hasher(findings.len(), Default::default());
    for i in order {
        let n = seen.entry(&digests[i]).or_insert(0);
        *n += 1;
        findings[i].fingerprint = format!("{}:{n}", digests[i]);
    }
}

/// The part of a fingerprint that does not count: a hash of the rule, the
/// categories, the flow kind, the path and the line's text with its spacing
/// normalized.
fn content_digest(f: &Finding) -> String {
    // The parts as bytes, each closed by a 0 byte no part contains.
    let mut h = Sha256::new();
    h.update(f.rule_id.as_bytes());
    h.update([0]);
    for (i, category) in f.categories().enumerate() {
        if i > 0 {
            h.update(b",");
        }
        h.update(category.as_bytes());
    }
    h.update([0]);
    for part in [f.flow_kind.name(), &f.location.path] {
        h.update(part.as_bytes());
        h.update([0]);
    }
    for (i, word) in f.snippet.split_whitespace().enumerate() {
        if i > 0 {
            h.update(b" ");
        }
        h.update(word.as_bytes());
    }
    h.update([0]);
    let digest = h.finalize();
    let mut hex = String::with_capacity(16);
    for b in &digest[..8] {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}
