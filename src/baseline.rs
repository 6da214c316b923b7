//! Baselines: accept today's findings, be held to no new ones.
//!
//! A baseline is a reviewed, diff-friendly YAML file: one entry per finding,
//! sorted, keyed by the line-independent fingerprint, rule and path, with the
//! message as a short reason. `candor scan --baseline FILE` marks matching
//! findings as suppressed (SARIF kind `external`) and reports entries that no
//! longer match as stale, so that the baseline shrinks.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::checks::meta::STALE_BASELINE_ENTRY;
use crate::model::{Finding, Location, Suppression, SuppressionKind};
use crate::text::{self, LocatedError};

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub path: String,
    pub rule: String,
    pub fingerprint: String,
    /// What was accepted, for reviewers; not part of the key.
    pub reason: String,
}

impl Entry {
    /// What a finding is matched by: fingerprint, rule and path.
    fn key(&self) -> (&str, &str, &str) {
        (&self.fingerprint, &self.rule, &self.path)
    }
}

/// A baseline brought up to date (see [`Baseline::updated`]).
#[derive(Debug)]
pub struct Updated {
    pub baseline: Baseline,
    /// Entries dropped: they matched no finding (or repeated one).
    pub dropped: usize,
    /// Findings no entry matches, left unaccepted.
    pub not_accepted: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("{file}: cannot read the baseline: {}", crate::text::io_reason(.error))]
    Io {
        file: String,
        /// Not the error's `source`: its reason is in the message.
        error: std::io::Error,
    },
    #[error(transparent)]
    Syntax(LocatedError),
}

impl Baseline {
    /// A baseline accepting every (unsuppressed) finding.
    pub fn from_findings(findings: &[Finding]) -> Baseline {
        let entries: BTreeSet<Entry> = findings
            .iter()
            .filter(|f| f.suppression.is_none() && f.rule_id != STALE_BASELINE_ENTRY.id)
            .map(|f| Entry {
                path: f.location.path.clone(),
                rule: f.rule_id.to_string(),
                fingerprint: f.fingerprint.clone(),
                reason: f.message.clone(),
            })
            .collect();
        Baseline {
            version: 1,
            findings: entries.into_iter().collect(),
        }
    }

    /// This baseline with the entries that match none of `findings`
    /// dropped, the others kept as they are (a reviewer's reason too):
    /// `candor baseline update`. Nothing new is accepted; findings that no
    /// entry matches are counted, for the user to review.
    pub fn updated(&self, findings: &[Finding]) -> Updated {
        let today = Baseline::from_findings(findings);
        let current: HashSet<_> = today.findings.iter().map(Entry::key).collect();
        let mut seen = HashSet::new();
        let kept: Vec<Entry> = self
            .findings
            .iter()
            .filter(|e| current.contains(&e.key()) && seen.insert(e.key()))
            .cloned()
            .collect();
        let known: HashSet<_> = self.findings.iter().map(Entry::key).collect();
        let not_accepted = current.iter().filter(|k| !known.contains(*k)).count();
        Updated {
            dropped: self.findings.len() - kept.len(),
            not_accepted,
            baseline: Baseline {
                version: self.version,
                findings: kept,
            },
        }
    }

    pub fn to_yaml(&self) -> String {
        let mut out = String::from(
            "# candor baseline: findings accepted as they are. Review changes to this file like\n# code; `candor baseline update` drops entries that no longer match.\n",
        );
        out.push_str(&serde_norway::to_string(self).unwrap_or_default());
        out
    }

    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let file = path.display().to_string();
        let text = crate::files::read_settings(path).map_err(|error| BaselineError::Io {
            file: file.clone(),
            error,
        })?;
        Baseline::parse(&file, &text)
    }

    /// Parses the text of a baseline file; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Baseline, BaselineError> {
        if let Some(e) = LocatedError::nesting(file, text) {
            return Err(BaselineError::Syntax(e));
        }
        serde_norway::from_str(text)
            .map_err(|e| BaselineError::Syntax(LocatedError::yaml(file, &e)))
    }

    /// Marks baselined findings suppressed and adds a note for each stale
    /// entry, located at its line in the baseline file (`shown` path).
    ///
    /// Findings are matched through a map of the entries and stale entries
    /// located through a map of the file's words, each built once: a
    /// baseline of tens of thousands of entries took minutes when each
    /// finding searched every entry and each stale entry the whole text.
    pub fn apply(&self, findings: &mut Vec<Finding>, shown: &str, text: &str) {
        let mut first: HashMap<(&str, &str, &str), usize> = HashMap::new();
        for (i, e) in self.findings.iter().enumerate() {
            first
                .entry((e.fingerprint.as_str(), e.rule.as_str(), e.path.as_str()))
                .or_insert(i);
        }
        let mut used = vec![false; self.findings.len()];
        for f in findings.iter_mut().filter(|f| f.suppression.is_none()) {
            let key = (f.fingerprint.as_str(), f.rule_id, f.location.path.as_str());
            if let Some(&i) = first.get(&key) {
                used[i] = true;
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::External,
                    justification: Some(format!("accepted in the baseline {shown}")),
                });
            }
        }
        if used.iter().all(|u| *u) {
            return;
        }
        // The first line holding each word (a fingerprint is one word of
        // `fingerprint: 0123abcd:1`, quoted or not).
        let lines: Vec<&str> = text.lines().collect();
        let mut words: HashMap<&str, usize> = HashMap::new();
        for (i, line) in lines.iter().enumerate() {
            let separators = |c: char| {
                c.is_whitespace() || matches!(c, '"' | '\'' | ',' | '{' | '}' | '[' | ']')
            };
            for word in line.split(separators).filter(|w| !w.is_empty()) {
                words.entry(word).or_insert(i);
            }
        }
        for (e, _) in self.findings.iter().zip(&used).filter(|(_, u)| !**u) {
            let index = words.get(e.fingerprint.as_str()).copied().unwrap_or(0);
            let line = index as u32 + 1;
            let location = Location {
                path: shown.to_string(),
                start_line: line,
                start_column: 1,
                end_line: line,
                end_column: 1,
            };
            let snippet = text::snippet(lines.get(index).copied().unwrap_or(""), 1);
            findings.push(Finding::meta(
                &STALE_BASELINE_ENTRY,
                "baseline",
                format!(
                    "Stale baseline entry for {} in {}: {}",
                    e.rule, e.path, e.reason
                ),
                location,
                snippet,
                "the entry",
            ));
        }
    }
}
