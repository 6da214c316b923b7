//! java front-end: not written yet.

use super::FrontendError;
use crate::ir::FileIr;

pub fn lower(_source: &str) -> Result<FileIr, FrontendError> {
    Err(FrontendError::Parse(
        "java front-end not written yet".into(),
    ))
}
