//! Language front-ends: each lowers one file's syntax into the IR.
//!
//! Front-ends know syntax and nothing about personal data. Tree-sitter
//! languages share the helpers in [`tree`]; Rust is parsed with `syn`.

mod go;
mod java;
mod javascript;
mod python;
mod rust;
pub mod tree;

use std::path::Path;

use crate::ir::FileIr;
use crate::language::{Grammar, Language};

/// Deepest expression or statement nesting a front-end lowers; deeper code
/// is skipped with a notice so that no input can exhaust the stack.
pub const MAX_DEPTH: usize = 200;

#[derive(Debug, thiserror::Error)]
pub enum FrontendError {
    #[error("could not parse: {0}")]
    Parse(String),
    #[error("nesting deeper than {MAX_DEPTH} levels; file skipped")]
    TooDeep,
}

/// The outcome of lowering one file.
pub struct Lowered {
    pub ir: FileIr,
}

/// Lowers `source` written in `language` into the IR. `path` selects the
/// dialect where one language has several (TSX, JSX).
pub fn lower(language: Language, path: &Path, source: &str) -> Result<FileIr, FrontendError> {
    match language {
        Language::Python => python::lower(source),
        Language::JavaScript | Language::TypeScript => javascript::lower(language, path, source),
        Language::Java => java::lower(source),
        Language::Go => go::lower(source),
        Language::Rust => rust::lower(source),
    }
}

/// Parses `source` without lowering it: the baseline the benchmark compares
/// the whole scan against. Returns whether the parser produced a tree.
pub fn parse_only(language: Language, path: &Path, source: &str) -> bool {
    match language.grammar(path) {
        Grammar::TreeSitter(grammar) => tree::parse(grammar, source).is_ok(),
        Grammar::Syn => syn::parse_file(source).is_ok(),
    }
}
