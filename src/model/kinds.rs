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
    /// The payload of a signed token (a JWT): signed, not encrypted, so
    /// anyone who holds the token reads it.
    Token,
}

impl StoreKind {
    pub const ALL: [StoreKind; 7] = [
        StoreKind::Database,
        StoreKind::File,
        StoreKind::Cookie,
        StoreKind::BrowserStorage,
        StoreKind::Cache,
        StoreKind::ObjectStorage,
        StoreKind::Token,
    ];

    /// The name reports give it, as JSON and SARIF spell it
    /// (`object-storage`).
    pub fn name(self) -> &'static str {
        match self {
            StoreKind::Database => "database",
            StoreKind::File => "file",
            StoreKind::Cookie => "cookie",
            StoreKind::BrowserStorage => "browser-storage",
            StoreKind::Cache => "cache",
            StoreKind::ObjectStorage => "object-storage",
            StoreKind::Token => "token",
        }
    }
}

/// What code a file (or a part of one) holds. Only production code runs
/// for the people whose data the product handles: the other roles use
/// made-up people, or never run, so their findings are left out unless
/// asked for.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    #[default]
    Production,
    /// Tests, fixtures, mocks, factories.
    Test,
    /// Samples, snippets, demos and documentation code.
    Example,
    /// Sample-data generators and scripts that populate a database.
    Seed,
    /// Database migrations.
    Migration,
    /// Benchmarks.
    Benchmark,
}

impl Role {
    /// Every role, production first: the order role patterns are tried in.
    pub const ALL: [Role; 6] = [
        Role::Production,
        Role::Test,
        Role::Example,
        Role::Seed,
        Role::Migration,
        Role::Benchmark,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Production => "production",
            Role::Test => "test",
            Role::Example => "example",
            Role::Seed => "seed",
            Role::Migration => "migration",
            Role::Benchmark => "benchmark",
        }
    }

    pub fn by_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    pub fn is_production(self) -> bool {
        self == Role::Production
    }
}

#[cfg(test)]
mod tests {
    use super::StoreKind;

    #[test]
    fn stores_are_named_as_json_names_them() {
        for store in StoreKind::ALL {
            assert_eq!(serde_json::to_value(store).unwrap(), store.name());
        }
    }
}
