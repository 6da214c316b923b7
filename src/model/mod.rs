//! The vocabulary the stages of the scan share: what a flow of personal data
//! is, what a finding is (with its one order and its fingerprint), the
//! checks findings name, and what a scan reports.
//!
//! The privacy manifest's format ([`manifest`]) is vocabulary too: the
//! policy judges against it and the reports show it.
//!
//! These types sit on the ground floor: they import nothing of candor but
//! the IR's `Span`, so that the flow engine, the schema readers, the checks,
//! the policy, the pipeline and the emitters all speak of them without
//! importing one another.

mod finding;
mod flow;
mod kinds;
pub mod manifest;
mod merge;
pub(crate) mod promise;
mod report;
mod rule;

pub use finding::{
    Finding, Location, OtherCategory, PolicyRef, Snippet, Suppression, SuppressionKind, TrailStep,
    fingerprint, sort,
};
pub use flow::{Flow, Step};
pub use kinds::{CategoryId, FlowKind, Role, StoreKind};
pub use merge::{merge, subject};
pub use promise::{PolicyCheck, Promise, PromiseKind, PromiseStatus};
pub use report::{CacheStats, Ecosystem, Notice, NoticeKind, ScanReport, ScanStats, SdkUse};
pub use rule::{Level, Rule};
