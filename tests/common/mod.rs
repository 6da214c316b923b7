//! Helpers shared by the integration tests. Each test binary uses some of
//! them, so the others are dead code there.
#![allow(dead_code)]

pub mod csv;
pub mod markers;
pub mod run;
