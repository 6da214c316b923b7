//! Request bodies typed by a class declared in another file.
//!
//! `@RequestBody SignupForm form` with `SignupForm` declared elsewhere: the
//! file's own analysis could only report each field of the body where it
//! was read. With the project's classes known, the body is collected at the
//! parameter with every personal field of its type, as when the type is
//! declared in the same file, and the per-read reports are withdrawn.

use std::collections::HashSet;

use super::summary::{FileSummary, Region};
use crate::classify::{Classifier, Verdict};
use crate::finding::{self, Finding};
use crate::ir::Language;
use crate::rules::Rules;

/// A collected finding to withdraw: (path, where, source id).
pub type Withdrawn = HashSet<(String, Region, String)>;

fn family(language: Language) -> Language {
    match language {
        Language::TypeScript => Language::JavaScript,
        l => l,
    }
}

/// The fields of class `ty` as seen from file `from`: the declaration in
/// the nearest directory when several files declare it.
fn fields_of<'a>(files: &'a [FileSummary], from: usize, ty: &str) -> Option<&'a [String]> {
    let dir = |p: &str| p.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let here = dir(&files[from].path);
    let shared = |p: &str| {
        here.split('/')
            .zip(dir(p).split('/'))
            .take_while(|(a, b)| a == b)
            .count()
    };
    files
        .iter()
        .filter(|f| family(f.language) == family(files[from].language))
        .flat_map(|f| {
            f.classes
                .iter()
                .filter(|(name, _)| name == ty)
                .map(move |(_, fields)| (shared(&f.path), fields))
        })
        // Nearest first; among equals, the first file in path order.
        .min_by_key(|(shared, _)| std::cmp::Reverse(*shared))
        .map(|(_, fields)| fields.as_slice())
}

/// Findings at the parameters of bodies whose type the project declares,
/// and the per-read findings they replace.
pub fn collect(
    files: &[FileSummary],
    rules: &Rules,
    classifier: &Classifier,
) -> (Vec<Finding>, Withdrawn) {
    let mut found = Vec::new();
    let mut withdrawn = Withdrawn::new();
    for (fi, file) in files.iter().enumerate() {
        for body in &file.bodies {
            let Some(fields) = fields_of(files, fi, &body.ty) else {
                continue;
            };
            let mut seen = HashSet::new();
            for field in fields {
                let Verdict::Category { id, .. } = classifier.classify(field, Some(&body.ty))
                else {
                    continue;
                };
                if !seen.insert(id) {
                    continue;
                }
                let mut flow = body.flow.clone();
                flow.category = id;
                found.push(finding::make(
                    &flow,
                    rules,
                    body.region.in_file(&file.path),
                    body.snippet.clone(),
                    Vec::new(),
                ));
            }
            for read in &body.reads {
                withdrawn.insert((file.path.clone(), *read, body.flow.via.clone()));
            }
        }
    }
    (found, withdrawn)
}
