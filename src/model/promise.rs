//! What a privacy manifest promises, as the reports list it: each
//! declaration with its place in the manifest, and whether the scanned code
//! keeps it.
//!
//! The policy module writes the promises (it knows where each declaration
//! is cited from); a promise's status is read off the findings, so that
//! suppressions and baselines count the same in every report.

use serde::Serialize;

use super::manifest::Manifest;
use super::{Finding, Level, Location};

/// The manifest a scan was judged against.
#[derive(Debug, Clone)]
pub struct PolicyCheck {
    /// Its path as shown in findings.
    pub path: String,
    pub manifest: Manifest,
    pub promises: Vec<Promise>,
    /// Its declarations that cannot all hold, each located and explained
    /// (see `manifest::contradictions`): the scan runs, and warns of them.
    pub contradictions: Vec<String>,
}

/// What a promise is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PromiseKind {
    /// Every data category processed is declared.
    Inventory,
    /// How one declared data category is used, kept and logged.
    Data,
    /// Personal data goes only to the declared recipients.
    Recipients,
    /// What one declared recipient receives, and why.
    Recipient,
    /// Where data is stored and processed.
    Residency,
    /// The cookies and trackers the policy discloses.
    Tracking,
    /// Who the service is for.
    Subjects,
}

/// One promise of the manifest.
#[derive(Debug, Clone, Serialize)]
pub struct Promise {
    pub kind: PromiseKind,
    /// A data category, a recipient id, or the manifest key.
    pub subject: String,
    /// The promise in words.
    pub statement: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// Where the manifest makes it; findings that break it cite this line.
    pub location: Location,
    /// False for a promise no check reads yet.
    pub checked: bool,
}

/// Whether the scanned code keeps a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PromiseStatus {
    /// A reported finding breaks it.
    Broken,
    /// Only suppressed or baselined findings break it.
    Accepted,
    /// No scanned code does what it declares.
    Unexercised,
    /// Code does what it declares, within it.
    Kept,
    /// No check reads it: the report cannot tell.
    NotChecked,
}

impl PromiseStatus {
    pub fn name(self) -> &'static str {
        match self {
            PromiseStatus::Broken => "broken",
            PromiseStatus::Accepted => "broken, accepted",
            PromiseStatus::Unexercised => "not exercised",
            PromiseStatus::Kept => "kept",
            PromiseStatus::NotChecked => "not checked",
        }
    }
}

/// The rule of findings whose category the manifest does not declare: they
/// cite no line, so they break the inventory promise by their rule.
pub const UNDECLARED_CATEGORY: &str = "undeclared-data-category";
/// The rule of declarations no flow exercises.
pub const UNEXERCISED: &str = "unexercised-declaration";

impl Promise {
    /// Whether `f` is a violation of this promise.
    pub fn broken_by(&self, f: &Finding) -> bool {
        if f.level == Level::Note {
            return false;
        }
        if self.kind == PromiseKind::Inventory {
            return f.rule_id == UNDECLARED_CATEGORY;
        }
        self.cited_by(f)
    }

    /// Whether `f` cites this promise's declaration: by what it is about,
    /// not by its line (several declarations can share one line).
    fn cited_by(&self, f: &Finding) -> bool {
        f.policy.as_ref().is_some_and(|p| p.subject == self.subject)
    }

    fn unexercised_by(&self, f: &Finding) -> bool {
        f.rule_id == UNEXERCISED && self.cited_by(f)
    }

    pub fn status(&self, findings: &[Finding]) -> PromiseStatus {
        if !self.checked {
            return PromiseStatus::NotChecked;
        }
        let mut accepted = false;
        for f in findings.iter().filter(|f| self.broken_by(f)) {
            if f.suppression.is_none() {
                return PromiseStatus::Broken;
            }
            accepted = true;
        }
        if accepted {
            PromiseStatus::Accepted
        } else if findings.iter().any(|f| self.unexercised_by(f)) {
            PromiseStatus::Unexercised
        } else {
            PromiseStatus::Kept
        }
    }
}
