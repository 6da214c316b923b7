//! The small closed vocabularies: flow kinds, kinds of store and the index
//! of a data category.

use serde::{Deserialize, Serialize};

/// Index of a data category in the loaded rules (`Rules::categories`).
pub type CategoryId = u16;

/// What happens to personal data at a place in the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FlowKind {
    /// It enters from a person: request fields, typed bodies, forms.
    Collected,
    /// It is persisted: databases, files, cookies, caches, browser storage.
    Stored,
    /// It is written to a log, console or print.
    Logged,
    /// It is sent to a third party.
    Shared,
}

impl FlowKind {
    pub fn name(self) -> &'static str {
        match self {
            FlowKind::Collected => "collected",
            FlowKind::Stored => "stored",
            FlowKind::Logged => "logged",
            FlowKind::Shared => "shared",
        }
    }
}

/// Where stored data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StoreKind {
    Database,
    File,
    Cookie,
    BrowserStorage,
    Cache,
    /// A bucket of a cloud object store (S3, OSS, COS, GCS).
    ObjectStorage,
}
