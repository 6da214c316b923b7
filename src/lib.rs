//! candor: find personal data collected, stored, logged and shared in source
//! code, and check it against a privacy manifest.
//!
//! The pipeline runs in one direction: [`discover`] walks the tree, each
//! file is lowered by a [`frontend`] into the [`ir`], [`classify`] names data
//! categories, [`flow`] tracks data from sources to sinks, [`checks`] turn
//! flows into [`finding`]s, and [`emit`] renders them.

pub mod baseline;
pub mod checks;
pub mod classify;
pub mod config;
pub mod dependencies;
pub mod discover;
pub mod emit;
pub mod finding;
pub mod flow;
pub mod frontend;
pub mod git;
pub mod ir;
pub mod manifest;
pub mod policy;
pub mod project;
pub mod rules;
pub mod scan;
pub mod schemas;
pub mod suppress;
