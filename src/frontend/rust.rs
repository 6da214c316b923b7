//! rust front-end: not written yet.

use super::FrontendError;
use crate::ir::FileIr;

pub fn lower(_source: &str) -> Result<FileIr, FrontendError> {
    Err(FrontendError::Parse(
        "rust front-end not written yet".into(),
    ))
}
