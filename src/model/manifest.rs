//! The privacy manifest (`privacy.yml`, version 1): what a privacy policy
//! promises, in a form the scanner can check code against.
//!
//! These types are the format: they deserialize the file, and the JSON Schema
//! for editors (`docs/privacy-manifest.schema.json`) is generated from them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A privacy manifest.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Format version; must be `1`.
    pub version: u32,
    /// The policy this manifest encodes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<PolicyInfo>,
    /// The personal data the service processes, one entry per data category.
    #[serde(default)]
    pub data: Vec<DataDeclaration>,
    /// Third parties that receive personal data. Leave out to skip recipient
    /// checks; an empty list means "we share personal data with no one".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<Vec<RecipientDeclaration>>,
    /// Which code serves which purpose: path globs to data uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<PathPurposes>,
    /// Where personal data may be stored and processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residency: Option<Residency>,
    /// Cookies and tracking technologies the policy discloses. Leave out to
    /// skip tracking checks; an empty list means "no tracking".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<Vec<TrackingDeclaration>>,
    /// Who the service is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subjects: Option<Subjects>,
    /// Where the policy text makes the promises of whole sections: what it
    /// collects (`data`), whom it shares with or that it shares with no one
    /// (`recipients`), which cookies it sets or that it sets none
    /// (`tracking`). Violations of a section cite its clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clauses: Option<SectionClauses>,
    /// What counts as the person's consent in the code: the guards under
    /// which data and tracking declared `consent: required` may be used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentGuards>,
}

/// The `consent` section.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentGuards {
    /// Names of the functions, flags or decorators that check consent
    /// (`has_consent`, `cookieConsent.analytics`, `consent_required`; `*`
    /// matches any part of a name, case and `_` are ignored). Empty: the
    /// built-in names of `rules/obligations.yml`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guards: Vec<String>,
    /// Where the policy asks for consent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// The clauses of the manifest's sections (see [`Manifest::clauses`]).
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SectionClauses {
    /// The policy's account of the data it collects: an undeclared data
    /// category breaks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Its account of sharing ("we do not share your personal data"): an
    /// undeclared recipient breaks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<String>,
    /// Its account of cookies and tracking: an undeclared cookie breaks it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PolicyInfo {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Version or effective date of the policy text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

/// One data category the policy says the service processes.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DataDeclaration {
    /// A data-category key (`user.contact.email`); a parent key
    /// (`user.contact`) covers its children.
    pub category: String,
    /// Data-use keys the data is processed for
    /// (`essential.service.authentication`).
    pub purposes: Vec<String>,
    /// Overrides the taxonomy's sensitivity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    /// May the data be persisted? `false` for "used only to verify, never
    /// kept"; `{only_for: [purpose]}` for "kept only for this purpose".
    /// Default `true`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<Storage>,
    /// May the data appear in logs? Default `false`; sensitive data never may.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub log: Option<bool>,
    /// Must the data be hashed or encrypted when stored? Default `true` for
    /// sensitive data and credentials.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypt_at_rest: Option<bool>,
    /// How long the data is kept, as the policy states it (`30d`,
    /// `session`, `until-account-deletion`, or the policy's words). A
    /// duration or `session` is checked against the lifetimes the code gives
    /// cookies and cache entries; every value is shown in the record of
    /// processing (`candor report ropa`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<String>,
    /// `required`: the data may be collected, stored or shared only after
    /// the person consents, under one of the guards of the manifest's
    /// `consent` section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// Where the policy text says so (`"2.1.3"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// Whether data may be persisted (see [`DataDeclaration::store`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum Storage {
    /// `true`, or `false`: "used only to verify, never kept".
    Allowed(bool),
    /// Kept only by code that serves one of these purposes.
    Limited(StorageLimit),
}

/// `store: {only_for: [purpose]}`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StorageLimit {
    /// Data-use keys; code mapped to another purpose (`purposes[]`, inline
    /// annotations) may not persist the data.
    pub only_for: Vec<String>,
}

/// A boolean, or a map read as [`StorageLimit`]: an untagged enum would
/// only say that no variant matched.
impl<'de> Deserialize<'de> for Storage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Storage;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("`true`, `false` or `{only_for: [purposes]}`")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Storage, E> {
                Ok(Storage::Allowed(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Storage, A::Error> {
                StorageLimit::deserialize(serde::de::value::MapAccessDeserializer::new(map))
                    .map(Storage::Limited)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// Whether the person must consent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Consent {
    /// Only after consent, under a guard the `consent` section names.
    Required,
    /// The policy relies on another legal basis.
    NotRequired,
}

impl DataDeclaration {
    /// `store: false`: the data is never kept.
    pub fn never_stored(&self) -> bool {
        self.store == Some(Storage::Allowed(false))
    }

    /// `store: {only_for: [..]}`: the purposes it may be kept for.
    pub fn stored_only_for(&self) -> Option<&[String]> {
        match &self.store {
            Some(Storage::Limited(limit)) => Some(&limit.only_for),
            _ => None,
        }
    }
}

impl Manifest {
    /// The clause of a section (see [`SectionClauses`]), picked by `field`.
    pub fn section_clause(
        &self,
        field: impl Fn(&SectionClauses) -> Option<&String>,
    ) -> Option<&String> {
        self.clauses.as_ref().and_then(field)
    }

    /// The declaration that covers `category`: its own, else the nearest
    /// declared parent key.
    pub fn declaration(&self, category: &str) -> Option<&DataDeclaration> {
        self.data
            .iter()
            .filter(|d| covers(&d.category, category))
            .max_by_key(|d| d.category.len())
    }
}

/// `key` is `declared` or below it (`user.contact.email` under
/// `user.contact`); data uses nest the same way.
pub fn covers(declared: &str, key: &str) -> bool {
    key == declared
        || key
            .strip_prefix(declared)
            .is_some_and(|rest| rest.starts_with('.'))
}

/// A third party that receives personal data.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecipientDeclaration {
    /// A recipients-catalog id (`alipay`), or a new id for a custom entry,
    /// which then needs `name` and `domains`.
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Kind of service (`identity-verification`, `analytics`, `crm`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Where the recipient stores or processes the data (ISO 3166 code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// API hosts of a custom recipient; subdomains included.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domains: Vec<String>,
    /// Data categories it receives.
    pub categories: Vec<String>,
    /// Data uses it receives them for.
    #[serde(default)]
    pub purposes: Vec<String>,
    /// `required`: data goes to it only after the person consents ("we
    /// share with third parties only with your explicit consent"), under a
    /// guard of the manifest's `consent` section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// Code under these paths processes data for these purposes.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PathPurposes {
    /// Globs relative to the scanned directory (`src/marketing/**`).
    pub paths: Vec<String>,
    /// Data-use keys.
    pub uses: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Residency {
    /// ISO 3166 alpha-2 codes (`CN`, `DE`) or `EU`/`EEA`.
    pub regions: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// A cookie or tracking technology the policy discloses.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrackingDeclaration {
    pub kind: TrackingKind,
    /// Cookie name or technology (`_ga`, `web beacon`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Recipient id, for third-party cookies and pixels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// `required`: set or loaded only after the person consents, under a
    /// guard of the manifest's `consent` section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TrackingKind {
    StrictlyNecessary,
    Functional,
    Analytics,
    Marketing,
}

impl TrackingKind {
    pub const ALL: [TrackingKind; 4] = [
        TrackingKind::StrictlyNecessary,
        TrackingKind::Functional,
        TrackingKind::Analytics,
        TrackingKind::Marketing,
    ];

    /// The name the manifest writes (`strictly-necessary`).
    pub fn name(self) -> &'static str {
        match self {
            TrackingKind::StrictlyNecessary => "strictly-necessary",
            TrackingKind::Functional => "functional",
            TrackingKind::Analytics => "analytics",
            TrackingKind::Marketing => "marketing",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subjects {
    /// The service is not for people younger than this.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u32>,
    /// Functions that check a person's age (`verify_age`, `*AgeGate*`): a
    /// handler that collects age or date of birth and calls one keeps the
    /// minimum age. Empty: the built-in names of `rules/obligations.yml`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub age_gate: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::TrackingKind;

    #[test]
    fn tracking_kinds_are_named_as_the_manifest_writes_them() {
        for kind in TrackingKind::ALL {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.name());
        }
    }
}
