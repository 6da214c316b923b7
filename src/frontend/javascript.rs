//! JavaScript/TypeScript front-end: not written yet.

use std::path::Path;

use super::FrontendError;
use crate::ir::{FileIr, Language};

pub fn lower(_language: Language, _path: &Path, _source: &str) -> Result<FileIr, FrontendError> {
    Err(FrontendError::Parse(
        "javascript front-end not written yet".into(),
    ))
}
