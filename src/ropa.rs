//! The record of processing activities (GDPR art. 30, PIPL art. 55): per
//! data category, what it is processed for, who receives it and where, where
//! it is kept and for how long, and the code that shows it, built from a
//! scan and its manifest. `emit::ropa` renders it as Markdown and CSV.
//!
//! Entries follow the manifest: a flow of `user.contact.email` is evidence
//! for the declaration of `user.contact` that covers it. Categories the code
//! handles but the manifest does not declare get entries of their own,
//! marked undeclared, so the record never hides what the code does.

use std::collections::{BTreeMap, BTreeSet};

use crate::manifest::Manifest;
use crate::model::{Finding, FlowKind, ScanReport};
use crate::rules::Rules;

/// How many places of each flow kind an entry cites.
const EVIDENCE_PER_KIND: usize = 3;

/// The record of one scan.
#[derive(Debug)]
pub struct Record {
    /// The scanned directory's name.
    pub project: String,
    pub commit: Option<String>,
    /// The manifest's path, and the policy it encodes.
    pub manifest: Option<String>,
    pub policy_name: Option<String>,
    pub policy_url: Option<String>,
    pub policy_version: Option<String>,
    /// Where data may be stored and processed, per the manifest.
    pub residency: Vec<String>,
    /// The minimum age of the people the service is for.
    pub minimum_age: Option<u32>,
    pub files_scanned: usize,
    pub entries: Vec<Entry>,
}

/// One data category of the record.
#[derive(Debug, Default)]
pub struct Entry {
    /// The declared key, or the key seen in code when undeclared.
    pub category: String,
    pub name: String,
    pub sensitive: bool,
    /// Declared in the manifest (false also when there is none).
    pub declared: bool,
    /// The keys seen in code this entry covers.
    pub seen_as: BTreeSet<String>,
    pub purposes: Vec<String>,
    pub recipients: Vec<RecipientUse>,
    /// Where the code keeps it (`database`, `cookie`, ...).
    pub stores: BTreeSet<String>,
    /// The manifest's `store: false`.
    pub never_stored: bool,
    /// Must be hashed or encrypted when stored.
    pub encrypted_at_rest: bool,
    pub retention: Option<String>,
    /// How many places log it.
    pub logged: usize,
    /// Findings that break the manifest's promises about it.
    pub violations: usize,
    pub clause: Option<String>,
    /// The first places per flow kind: kind, path, line.
    pub evidence: Vec<(FlowKind, String, u32)>,
}

/// A recipient of one category.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecipientUse {
    pub id: String,
    pub name: String,
    pub region: Option<String>,
    /// The manifest declares it as receiving the category.
    pub declared: bool,
    /// The code sends it the category.
    pub in_code: bool,
    /// Its region is outside the declared residency.
    pub abroad: bool,
}

impl Record {
    pub fn of(report: &ScanReport, rules: &Rules) -> Record {
        let manifest = report.policy.as_ref().map(|p| &p.manifest);
        let info = manifest.and_then(|m| m.policy.as_ref());
        let residency: Vec<String> = manifest
            .and_then(|m| m.residency.as_ref())
            .map(|r| r.regions.clone())
            .unwrap_or_default();
        let abroad = |region: Option<&str>| {
            region.is_some_and(|r| manifest.is_some_and(|m| m.outside_residency(r, rules)))
        };
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        let category_spec = |key: &str| rules.categories.iter().find(|c| c.key == key);
        for d in manifest.map(|m| m.data.as_slice()).unwrap_or_default() {
            let spec = category_spec(&d.category);
            let sensitive = d.sensitive.unwrap_or(spec.is_some_and(|c| c.sensitive));
            let secret = spec.is_some_and(|c| c.secret);
            entries.insert(
                d.category.clone(),
                Entry {
                    category: d.category.clone(),
                    name: spec.map_or_else(|| d.category.clone(), |c| c.name.clone()),
                    sensitive,
                    declared: true,
                    purposes: d.purposes.clone(),
                    never_stored: d.never_stored(),
                    encrypted_at_rest: d.encrypt_at_rest.unwrap_or(sensitive || secret),
                    retention: d.retention.clone(),
                    clause: d.clause.clone(),
                    ..Entry::default()
                },
            );
        }
        for f in report.reported_flows() {
            for (key, name, sensitive) in f.named_categories() {
                let declared = manifest
                    .and_then(|m| m.declaration(key))
                    .map(|d| d.category.clone());
                let entry = entries
                    .entry(declared.unwrap_or_else(|| key.clone()))
                    .or_insert_with(|| Entry {
                        category: key.clone(),
                        name: name.clone(),
                        sensitive,
                        ..Entry::default()
                    });
                add_flow(entry, f, key, report, rules);
            }
        }
        // Declared recipients of each category, whether or not code sends it.
        let declared_recipients = manifest.and_then(|m| m.recipients.as_ref());
        for r in declared_recipients.into_iter().flatten() {
            for entry in entries.values_mut() {
                let receives = r.categories.iter().any(|c| {
                    crate::manifest::model::covers(c, &entry.category)
                        || crate::manifest::model::covers(&entry.category, c)
                });
                if !receives {
                    continue;
                }
                let region = Manifest::region_of(manifest, &r.id, None, rules);
                match entry.recipients.iter_mut().find(|u| u.id == r.id) {
                    Some(used) => used.declared = true,
                    None => entry.recipients.push(RecipientUse {
                        id: r.id.clone(),
                        name: r
                            .name
                            .clone()
                            .or_else(|| rules.recipient(&r.id).map(|c| c.name.clone()))
                            .unwrap_or_else(|| r.id.clone()),
                        abroad: abroad(region),
                        region: region.map(str::to_string),
                        declared: true,
                        in_code: false,
                    }),
                }
            }
        }
        let mut entries: Vec<Entry> = entries.into_values().collect();
        for entry in &mut entries {
            for r in entry.recipients.iter_mut().filter(|r| r.in_code) {
                r.abroad = abroad(r.region.as_deref());
            }
            entry.recipients.sort();
            entry.evidence.sort();
        }
        Record {
            project: report.project_name(),
            commit: report.commit.clone(),
            manifest: report.policy.as_ref().map(|p| p.path.clone()),
            policy_name: info.map(|i| i.name.clone()),
            policy_url: info.and_then(|i| i.url.clone()),
            policy_version: info.and_then(|i| i.version.clone()),
            residency,
            minimum_age: manifest
                .and_then(|m| m.subjects.as_ref())
                .and_then(|s| s.minimum_age),
            files_scanned: report.stats.files_scanned,
            entries,
        }
    }
}

/// Adds a reported flow of category `key` to its entry.
fn add_flow(entry: &mut Entry, f: &Finding, key: &str, report: &ScanReport, rules: &Rules) {
    if entry.category != key {
        entry.seen_as.insert(key.to_string());
    }
    // The policy judges a flow by its leading category: a violation counts
    // once, under that category.
    let breaks = report
        .policy
        .as_ref()
        .is_some_and(|p| p.promises.iter().any(|promise| promise.broken_by(f)));
    if breaks && key == f.category {
        entry.violations += 1;
    }
    match f.flow_kind {
        FlowKind::Stored => {
            entry
                .stores
                .insert(f.store.map_or("unknown store", |s| s.name()).to_string());
        }
        FlowKind::Logged => entry.logged += 1,
        FlowKind::Shared => {
            if let Some(id) = f.recipient.as_deref().filter(|r| *r != "unknown") {
                let manifest = report.policy.as_ref().map(|p| &p.manifest);
                let region = Manifest::region_of(manifest, id, f.region.as_deref(), rules);
                if !entry.recipients.iter().any(|u| u.id == id) {
                    entry.recipients.push(RecipientUse {
                        id: id.to_string(),
                        name: rules.recipient(id).map_or_else(
                            || id.strip_prefix("unknown:").unwrap_or(id).to_string(),
                            |c| c.name.clone(),
                        ),
                        // Set once every recipient is known.
                        abroad: false,
                        region: region.map(str::to_string),
                        declared: false,
                        in_code: true,
                    });
                }
            }
        }
        FlowKind::Collected => {}
    }
    let place = (f.flow_kind, f.location.path.clone(), f.location.start_line);
    let of_kind = entry
        .evidence
        .iter()
        .filter(|(k, ..)| *k == f.flow_kind)
        .count();
    if of_kind < EVIDENCE_PER_KIND && !entry.evidence.contains(&place) {
        entry.evidence.push(place);
    }
}
