//! A check's identity, level and documentation. The checks themselves (and
//! their conditions) live in `crate::checks`; findings name them by id.

use serde::Serialize;

/// How serious a finding is; ordered from least to most.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Note,
    Warning,
    Error,
}

impl Rule {
    /// The CWE ids it maps to, written `CWE-532`.
    pub fn cwe_names(&self) -> Vec<String> {
        self.cwe.iter().map(|c| format!("CWE-{c}")).collect()
    }
}

impl Level {
    pub fn name(self) -> &'static str {
        match self {
            Level::Note => "note",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A check's identity and documentation; the SARIF rule and the docs are
/// generated from it.
#[derive(Debug)]
pub struct Rule {
    pub id: &'static str,
    pub name: &'static str,
    pub short_description: &'static str,
    pub full_description: &'static str,
    /// Markdown: why it matters, an example, how to fix.
    pub help: &'static str,
    pub level: Level,
    pub cwe: &'static [u32],
    /// CVSS-like score GitHub uses to rank security alerts; `None` for
    /// inventory rules, which are not security alerts.
    pub security_severity: Option<&'static str>,
    pub precision: &'static str,
    pub tags: &'static [&'static str],
}
