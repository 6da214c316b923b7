//! The findings as the page's script reads them: compact JSON in the page,
//! every string safe inside a `<script>` element.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::model::{Finding, ScanReport, SuppressionKind, TrailStep};

#[derive(Serialize)]
struct Data<'a> {
    findings: Vec<Item<'a>>,
    /// Data-category names by key.
    categories: BTreeMap<&'a str, &'a str>,
    /// What each promise of the policy check is about, in its order.
    promises: Vec<&'a str>,
}

/// One finding, with short keys: a large report holds tens of thousands.
#[derive(Serialize)]
struct Item<'a> {
    /// Level.
    l: &'static str,
    /// Rule.
    r: &'static str,
    /// Data categories, the leading one first; empty for a finding about
    /// candor's own inputs.
    c: Vec<&'a str>,
    /// Sensitive.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    s: bool,
    /// Flow kind.
    k: &'static str,
    /// Recipient.
    #[serde(skip_serializing_if = "Option::is_none")]
    to: Option<&'a str>,
    /// Store kind.
    #[serde(skip_serializing_if = "Option::is_none")]
    st: Option<&'static str>,
    p: &'a str,
    n: u32,
    m: &'a str,
    /// The code line, and the column the window of it starts at.
    x: &'a str,
    #[serde(skip_serializing_if = "is_zero")]
    xo: u32,
    /// Trail: path, line, what happens there.
    t: Vec<(&'a str, u32, &'a str)>,
    /// Suppression: `source` or `baseline`, and the justification.
    #[serde(skip_serializing_if = "Option::is_none")]
    u: Option<(&'static str, Option<&'a str>)>,
    /// The manifest line and clause it is judged against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pol: Option<(u32, Option<&'a str>)>,
    /// The promises it breaks (indices into the policy check's list).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    b: Vec<usize>,
    /// Code that is not production (`test`, `example`, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

fn trail(steps: &[TrailStep]) -> Vec<(&str, u32, &str)> {
    steps
        .iter()
        .map(|s| {
            (
                s.location.path.as_str(),
                s.location.start_line,
                s.message.as_str(),
            )
        })
        .collect()
}

fn item<'a>(f: &'a Finding, report: &ScanReport) -> Item<'a> {
    let broken = report.policy.as_ref().map_or_else(Vec::new, |p| {
        p.promises
            .iter()
            .enumerate()
            .filter(|(_, promise)| promise.broken_by(f))
            .map(|(i, _)| i)
            .collect()
    });
    Item {
        l: f.level.name(),
        r: f.rule_id,
        c: f.categories().filter(|c| !c.is_empty()).collect(),
        s: f.sensitive || f.other_categories.iter().any(|o| o.sensitive),
        k: f.flow_kind.name(),
        to: f.recipient.as_deref(),
        st: f.store.map(|s| s.name()),
        p: &f.location.path,
        n: f.location.start_line,
        m: &f.message,
        x: &f.snippet,
        xo: f.snippet_offset,
        t: trail(&f.trail),
        u: f.suppression.as_ref().map(|s| {
            let kind = match s.kind {
                SuppressionKind::InSource => "source",
                SuppressionKind::External => "baseline",
            };
            (kind, s.justification.as_deref())
        }),
        pol: f
            .policy
            .as_ref()
            .map(|p| (p.location.start_line, p.clause.as_deref())),
        b: broken,
        role: (!f.role.is_production()).then(|| f.role.name()),
    }
}

/// The page's data: JSON in which `<` is written `\u003c`, so that no
/// string in it can end the `<script>` element that holds it, and control
/// characters and bidirectional overrides are escaped too (`\u202e`), so
/// that the page's source holds none raw; the script shows them as
/// `\u{202e}` when it renders them.
pub fn json(report: &ScanReport) -> String {
    let mut categories = BTreeMap::new();
    for f in &report.findings {
        categories.insert(f.category.as_str(), f.category_name.as_str());
        for o in &f.other_categories {
            categories.insert(o.category.as_str(), o.category_name.as_str());
        }
    }
    categories.remove("");
    let data = Data {
        findings: report.findings.iter().map(|f| item(f, report)).collect(),
        categories,
        promises: report.policy.as_ref().map_or_else(Vec::new, |p| {
            p.promises.iter().map(|p| p.subject.as_str()).collect()
        }),
    };
    let json = serde_json::to_string(&data)
        .unwrap_or_else(|_| "{\"findings\":[],\"categories\":{},\"promises\":[]}".to_string());
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        // Outside strings, compact JSON holds no such character.
        if c == '<' || crate::text::is_hidden_control(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}
