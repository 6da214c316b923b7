//! Language front-ends: each lowers one file's syntax into the IR.
//!
//! Front-ends know syntax and nothing about personal data. [`lower`] parses
//! a file with the grammar of the language table and hands the tree to its
//! front-end; Rust's front-end parses with `syn` itself. All of them share
//! the lowering context and helpers in `tree`.

mod csharp;
mod fields;
mod go;
mod java;
mod javascript;
mod kotlin;
mod php;
mod python;
mod ruby;
mod rust;
mod tree;

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
    #[error("analysis budget exceeded: {0}; file not analysed")]
    Budget(String),
}

/// Lowers `source` written in `language` into the IR. `path` selects the
/// dialect where one language has several (TSX). The tree-sitter front-ends
/// lower a tree parsed here with the language's grammar; Rust's parses with
/// `syn` itself.
pub fn lower(language: Language, path: &Path, source: &str) -> Result<FileIr, FrontendError> {
    let lower_tree: fn(&tree_sitter::Tree, &str) -> FileIr = match language {
        Language::Python => python::lower,
        Language::JavaScript | Language::TypeScript => javascript::lower,
        Language::Java => java::lower,
        Language::Go => go::lower,
        Language::Php => php::lower,
        Language::Ruby => ruby::lower,
        Language::Kotlin => kotlin::lower,
        Language::CSharp => csharp::lower,
        Language::Rust => return rust::lower(source),
    };
    refuse_operator_lines(language, source)?;
    match language.grammar(path) {
        Grammar::TreeSitter(grammar) => Ok(lower_tree(&tree::parse(grammar, source)?, source)),
        Grammar::Syn => Err(FrontendError::Parse(format!(
            "{language} has no tree-sitter grammar"
        ))),
    }
}

/// Parses `source` and visits every node of its tree, without lowering
/// it: the floor the benchmark compares the whole scan against, since any
/// analysis of a file parses it and walks its tree at least once. Returns
/// how many nodes it visited, or `None` when the parser made no tree.
pub fn parse_and_walk(language: Language, path: &Path, source: &str) -> Option<usize> {
    refuse_operator_lines(language, source).ok()?;
    match language.grammar(path) {
        Grammar::TreeSitter(grammar) => tree::parse(grammar, source).ok().map(|t| tree::walk(&t)),
        Grammar::Syn => rust::parse_and_walk(source),
    }
}

/// Refuses a file with more operator-only lines than its grammar parses in
/// bounded memory (see `Language::operator_lines_limit`).
fn refuse_operator_lines(language: Language, source: &str) -> Result<(), FrontendError> {
    match language.operator_lines_limit() {
        Some(limit) if tree::operator_lines(source) > limit => Err(FrontendError::Budget(format!(
            "more than {limit} characters of lines made only of operators; no real code \
             has them, and the parser's error recovery on them takes gigabytes"
        ))),
        _ => Ok(()),
    }
}
