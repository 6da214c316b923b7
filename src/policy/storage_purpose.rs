//! Purpose-limited storage: `store: {only_for: [purpose]}` lets only code
//! that serves one of those purposes persist the data. The purpose of code
//! comes from the manifest's `purposes` paths and inline annotations at the
//! write, else at the nearest step of the data's path that has one. A
//! schema's column with no purpose of its own is not judged: the code that
//! writes it is.

use super::Policy;
use crate::checks::policy_rules as pr;
use crate::manifest::DataDeclaration;
use crate::manifest::model::covers;
use crate::model::{Finding, Rule};

impl Policy<'_> {
    /// Why a store of data kept only for some purposes breaks that limit.
    pub(super) fn outside_storage_purpose(
        &self,
        f: &Finding,
        d: &DataDeclaration,
    ) -> Option<(&'static Rule, String)> {
        let allowed = d.stored_only_for()?;
        let listed = allowed.join(", ");
        // The write's own purpose, else the nearest step's that has one.
        let purposes = std::iter::once(&f.location)
            .chain(f.trail.iter().rev().map(|s| &s.location))
            .map(|l| self.purposes_at(l))
            .find(|p| !p.is_empty())
            .unwrap_or_default();
        // A schema's column declares what a store holds; the code that
        // writes it has the purpose. Only a column annotated with a purpose
        // of its own is judged.
        if purposes.is_empty() && crate::schemas::is_schema_via(&f.via) {
            return None;
        }
        let why = if purposes.is_empty() {
            format!(
                "the manifest keeps it only for {listed} (`store: {{only_for}}`), and no `purposes` entry or annotation maps this code to one"
            )
        } else {
            let other = purposes
                .iter()
                .find(|p| !allowed.iter().any(|a| covers(a, p)))?;
            format!(
                "this code serves {other}, and the manifest keeps it only for {listed} (`store: {{only_for}}`)"
            )
        };
        Some((&pr::STORAGE_OUTSIDE_PURPOSE, why))
    }
}
