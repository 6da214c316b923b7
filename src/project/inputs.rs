//! Declared request inputs: classes that derive, through the project's own
//! classes in any file, from a base the rules name as an input
//! (`class AddressInput(BaseInput)` where `BaseInput` derives from
//! `graphene.InputObjectType`). The client fills every field of such a
//! class, so each personal field is collected where it is declared.

use std::collections::HashMap;

use super::{FileSummary, finding_in};
use crate::model::Finding;
use crate::rules::Rules;

/// How many bases deep an input's ancestry is followed: far beyond any real
/// hierarchy, and a bound for cyclic or generated ones.
const MAX_DEPTH: u32 = 32;

/// (file, index in the file's `inputs`).
type InputRef = (u32, u32);

/// The collected findings of every declared input's personal fields.
pub(super) fn collected_inputs(files: &[FileSummary], rules: &Rules) -> Vec<Finding> {
    let mut by_name: HashMap<&str, Vec<InputRef>> = HashMap::new();
    for (fi, file) in files.iter().enumerate() {
        for (ii, input) in file.inputs.iter().enumerate() {
            by_name
                .entry(input.class.as_str())
                .or_default()
                .push((fi as u32, ii as u32));
        }
    }
    let mut ancestry = Ancestry {
        files,
        rules,
        by_name,
        known: HashMap::new(),
    };
    let mut out = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        for (ii, input) in file.inputs.iter().enumerate() {
            if input.fields.is_empty() {
                continue;
            }
            let Some(source) = ancestry.source_of((fi as u32, ii as u32), 0) else {
                continue;
            };
            for field in &input.fields {
                let mut flow = field.flow.clone();
                flow.via = rules.sources[source].id.clone();
                out.push(finding_in(
                    file,
                    &flow,
                    rules,
                    field.region,
                    &field.snippet,
                    Vec::new(),
                ));
            }
        }
    }
    out
}

/// Which input source, if any, a class derives from; memoized.
struct Ancestry<'a> {
    files: &'a [FileSummary],
    rules: &'a Rules,
    by_name: HashMap<&'a str, Vec<InputRef>>,
    known: HashMap<InputRef, Option<usize>>,
}

impl Ancestry<'_> {
    fn source_of(&mut self, at: InputRef, depth: u32) -> Option<usize> {
        if let Some(known) = self.known.get(&at) {
            return *known;
        }
        // Marked before the bases are followed, so a cycle ends here.
        self.known.insert(at, None);
        let file = &self.files[at.0 as usize];
        let language = self.rules.language(file.language);
        let input = &file.inputs[at.1 as usize];
        let mut found = None;
        for base in &input.bases {
            found = language.input_class(base);
            if found.is_none() && depth < MAX_DEPTH {
                found = self.project_base(at.0, base, depth);
            }
            if found.is_some() {
                break;
            }
        }
        self.known.insert(at, found);
        found
    }

    /// The source a base class of the project derives from: a class of
    /// that name in the same file, else in any file.
    fn project_base(&mut self, file: u32, base: &str, depth: u32) -> Option<usize> {
        let name = base.rsplit('.').next().unwrap_or(base);
        let mut candidates = self.by_name.get(name)?.clone();
        candidates.sort_by_key(|(f, _)| *f != file);
        candidates
            .into_iter()
            .find_map(|c| self.source_of(c, depth + 1))
    }
}
