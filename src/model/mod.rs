//! The vocabulary every stage of the scan shares, and nothing else: what a
//! flow of personal data is, what a finding is, the checks findings name,
//! and what a scan reports.
//!
//! These types sit on the ground floor: they import nothing of candor but
//! the IR's `Span`, so that the front-ends, the flow engine, the checks, the
//! policy and the emitters all speak of them without importing one another.

mod finding;
mod flow;
mod kinds;
mod report;
mod rule;

pub use finding::{
    Finding, Location, PolicyRef, Suppression, SuppressionKind, TrailStep, fingerprint, sort,
};
pub use flow::{Flow, Step};
pub use kinds::{CategoryId, FlowKind, StoreKind};
pub use report::{Ecosystem, Notice, NoticeKind, ScanReport, ScanStats, SdkUse};
pub use rule::{Level, Rule};
