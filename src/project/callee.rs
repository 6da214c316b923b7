//! A function of the project as the join reads it: what a caller needs to
//! bind its arguments, its names a run of indices into its file's table of
//! names (see `super::names`): the name, the class, then each parameter's.

use super::names::Run;
use crate::flow::summary::Signature;

/// Where a function's names are in its run.
const NAME: usize = 0;
const CLASS: usize = 1;
const FIRST_PARAM: usize = 2;

/// A function as its file's summary keeps it (see
/// `super::FileSummary::callee`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedFunction {
    /// Its names: where they start in the file's indices, and how many.
    pub(super) names: (u32, u32),
    receiver_param: bool,
    test: bool,
    rest_keywords: Option<u16>,
    keywords_hash: Option<u16>,
    rest_positional: Option<u16>,
}

impl LocatedFunction {
    /// `signature`, its names being the run `names`.
    pub(super) fn new(signature: &Signature, names: (u32, u32)) -> LocatedFunction {
        LocatedFunction {
            names,
            receiver_param: signature.receiver_param,
            test: signature.test,
            rest_keywords: signature.rest_keywords,
            keywords_hash: signature.keywords_hash,
            rest_positional: signature.rest_positional,
        }
    }
}

/// A function of a file, as calls reach it.
#[derive(Debug, Clone, Copy)]
pub struct Callee<'a> {
    function: &'a LocatedFunction,
    names: Run<'a>,
}

impl<'a> Callee<'a> {
    pub(super) fn new(function: &'a LocatedFunction, names: Run<'a>) -> Callee<'a> {
        Callee { function, names }
    }

    pub fn name(&self) -> &'a str {
        self.names.get(NAME)
    }

    pub fn class(&self) -> Option<&'a str> {
        self.names.optional(CLASS)
    }

    /// The parameters' names, in order.
    pub fn params(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let names = self.names;
        (FIRST_PARAM..names.len()).map(move |i| names.get(i))
    }

    pub fn param_count(&self) -> usize {
        self.names.len().saturating_sub(FIRST_PARAM)
    }

    /// The first parameter is the receiver (`self`, a Go or Rust receiver).
    pub fn receiver_param(&self) -> bool {
        self.function.receiver_param
    }

    /// A test in a file that is not one (Rust's `#[cfg(test)]` modules):
    /// data it passes is made up.
    pub fn test(&self) -> bool {
        self.function.test
    }

    /// The parameter that takes extra keyword arguments (`**fields`).
    pub fn rest_keywords(&self) -> Option<usize> {
        self.function.rest_keywords.map(usize::from)
    }

    /// The parameter that keyword arguments no parameter is named for
    /// fill as one hash, where there is no `**fields` (Ruby's last
    /// positional parameter: `f(email: e)` of `def f(attrs)`).
    pub fn keywords_hash(&self) -> Option<usize> {
        self.function.keywords_hash.map(usize::from)
    }

    /// The parameter that takes extra positional arguments (`*args`,
    /// Go's `kv ...any`).
    pub fn rest_positional(&self) -> Option<usize> {
        self.function.rest_positional.map(usize::from)
    }
}
