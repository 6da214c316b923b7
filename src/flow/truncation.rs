//! Truncation as protection: a slice or substring that keeps a few
//! characters of a value (`card[-4:]`, `phone.substring(0, 3)`) identifies
//! no one. How long a part is, by its literal bounds, and whether a value
//! is a collection whose few items are whole data.

use super::FileCx;
use crate::classify::{is_plural, tokens};
use crate::ir::{Expr, ExprKind};

/// How many characters a slice `[start:end]` keeps, when its bounds say so
/// whatever the length of the value: `[-4:]` and `[:4]` keep 4, `[2:5]`
/// keeps 3; `[4:]` and `[:-4]` keep all but a few, so nothing is known.
pub(super) fn slice_length(start: Option<&Expr>, end: Option<&Expr>) -> Option<u64> {
    let bound = |b: Option<&Expr>| b.map(|e| e.as_int().ok_or(()));
    match (bound(start), bound(end)) {
        (None | Some(Ok(0)), Some(Ok(e))) if e >= 0 => Some(e.unsigned_abs()),
        (Some(Ok(s)), None) if s < 0 => Some(s.unsigned_abs()),
        (Some(Ok(s)), Some(Ok(e))) if (s >= 0) == (e >= 0) && e >= s => {
            Some((e - s).unsigned_abs())
        }
        _ => None,
    }
}

/// Whether `e` names a collection (`emails`, `users`, `self.rows`): a few
/// of its items are whole data, not a part of one value. The characters of
/// a string (`email.chars()`) are no such collection.
pub(super) fn names_a_collection(e: &Expr) -> bool {
    let name = match &e.kind {
        ExprKind::Name(n) => n.as_str(),
        ExprKind::Member { property, .. } => property.as_str(),
        ExprKind::Call { callee, .. } => match &callee.kind {
            ExprKind::Member { property, .. } => property.as_str(),
            ExprKind::Name(n) => n.as_str(),
            _ => return false,
        },
        _ => return false,
    };
    let string_parts = ["chars", "bytes", "graphemes", "runes", "codepoints"];
    tokens(name)
        .last()
        .is_some_and(|t| is_plural(t) && !string_parts.contains(&t.as_str()))
}

impl FileCx<'_> {
    /// Whether a part of `kept` characters is too little to identify anyone.
    pub(super) fn keeps_little(&self, kept: Option<u64>) -> bool {
        kept.is_some_and(|n| n <= self.rules.truncation.max_kept)
    }
}
