//! Privacy policy texts: what they state, read with the phrase lexicon of
//! `rules/policy-text/`, for `candor policy draft` (a manifest to review)
//! and `candor policy diff` (what the code does that the text never says).
//!
//! [`document`] turns a `.txt`, `.md` or `.html` policy into sentences with
//! their lines and clauses; [`lexicon`] compiles the phrases; [`reading`]
//! finds the statements, each with its evidence; [`draft`] writes the
//! manifest and lists its gaps; [`diff`] compares a reading with a scan.

pub mod diff;
pub mod document;
pub mod draft;
pub mod lexicon;
pub mod reading;

use std::path::Path;

pub use document::Document;
pub use lexicon::Lexicon;
pub use reading::Reading;

use crate::rules::Rules;

/// A policy file that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum PolicyTextError {
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{path}: larger than {} MiB; is it a privacy policy?", document::MAX_POLICY_FILE >> 20)]
    TooLarge { path: String },
    #[error("{path}: no text found (an empty file, or a page whose text is built by scripts?)")]
    Empty { path: String },
}

/// Reads the policy at `path` as sentences. Bytes that are not UTF-8 are
/// replaced, never a failure: the statements around them still count.
pub fn read_document(path: &Path) -> Result<Document, PolicyTextError> {
    let shown = path.display().to_string();
    let bytes = crate::files::read_bounded(path, document::MAX_POLICY_FILE).map_err(|e| {
        PolicyTextError::Unreadable {
            path: shown.clone(),
            reason: crate::text::io_reason(&e),
        }
    })?;
    if bytes.len() as u64 > document::MAX_POLICY_FILE {
        return Err(PolicyTextError::TooLarge { path: shown });
    }
    let text = String::from_utf8_lossy(&bytes);
    let doc = document::read(&text, document::Format::guess(path, &text));
    if doc.sentences.is_empty() {
        return Err(PolicyTextError::Empty { path: shown });
    }
    Ok(doc)
}

/// Reads the policy at `path` with the rules' lexicon.
pub fn read(path: &Path, rules: &Rules) -> Result<Reading, PolicyTextError> {
    let doc = read_document(path)?;
    Ok(reading::read(&doc, &Lexicon::new(rules)))
}
