//! candor: find personal data collected, stored, logged and shared in source
//! code, and check it against a privacy manifest.
//!
//! [`pipeline::run`] is the whole scan, in one direction: [`discover`] walks
//! the tree; each file is lowered by a [`frontend`] into the [`ir`];
//! [`classify`] names data categories and [`flow`] follows data from sources
//! to sinks within the file; [`project`] joins the files' summaries into
//! flows across functions and files; [`checks`] turn flows into findings;
//! [`policy`] judges them against the privacy [`manifest`]; [`suppress`]
//! and [`baseline`] mark the accepted ones; [`emit`] renders the report,
//! and [`ropa`] turns it into a record of processing for privacy officers.
//! The types every stage shares — flows, findings, the report — are the
//! [`model`]; the knowledge the stages apply is the [`rules`].

pub mod baseline;
pub mod budget;
pub mod cache;
pub mod checks;
pub mod classify;
pub mod cli;
pub mod config;
pub mod contain;
pub mod dependencies;
pub mod discover;
pub mod emit;
pub mod file_result;
pub mod files;
pub mod flow;
pub mod frontend;
pub mod git;
pub mod hash;
pub mod ir;
pub mod language;
pub mod manifest;
pub mod memo;
pub mod model;
pub mod packed;
pub mod pipeline;
pub mod policy;
pub mod policy_text;
pub mod project;
pub mod ropa;
pub mod rules;
pub mod scan;
pub mod schemas;
pub mod suggest;
pub mod suppress;
pub mod text;
pub mod workspace;
