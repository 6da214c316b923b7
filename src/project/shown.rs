//! The details of the files that a join's findings show (see
//! `super::details`): read back from the scan's shelf once a file, after
//! the join, so that the steps of every other file never come back into
//! memory.

use std::borrow::Cow;

use super::details::{Details, Spot};
use super::shelf::{Shelf, ShelfError};
use super::summary::FileSummary;
use super::{CallRef, StepRef};
use crate::hash::Map;
use crate::model::{Snippet, TrailStep};

/// The files' summaries, with the details of those findings show.
pub struct Shown<'a> {
    files: &'a [FileSummary],
    details: Map<u32, Cow<'a, Details>>,
}

impl<'a> Shown<'a> {
    /// Reads back the details of the files `shown` names (each as often
    /// as it likes) from `shelf`.
    pub fn open(
        files: &'a [FileSummary],
        shelf: &Shelf,
        shown: impl IntoIterator<Item = u32>,
    ) -> Result<Shown<'a>, ShelfError> {
        let mut details = Map::default();
        for file in shown {
            if details.contains_key(&file) {
                continue;
            }
            if let Some(summary) = files.get(file as usize) {
                details.insert(file, shelf.open(summary.details())?);
            }
        }
        Ok(Shown { files, details })
    }

    pub fn files(&self) -> &'a [FileSummary] {
        self.files
    }

    /// Step `step` of `file`, with its text, if the file's details were
    /// read back and hold it.
    fn step(&self, (file, step): StepRef) -> Option<(&Spot, &str)> {
        let details = self.details.get(&file)?;
        let spot = details.step(step)?;
        Some((spot, details.note(spot)))
    }

    /// A trail's steps with their files' paths.
    pub fn trail(&self, trail: &[StepRef]) -> Vec<TrailStep> {
        trail
            .iter()
            .filter_map(|&at| {
                let (spot, note) = self.step(at)?;
                Some(TrailStep {
                    location: spot.region.in_file(&self.files[at.0 as usize].path),
                    message: note.to_string(),
                })
            })
            .collect()
    }

    /// The step "passed to `m()`" of a call: the step of its index.
    pub fn call_step(&self, (file, call): CallRef) -> Option<&Spot> {
        self.step((file, call)).map(|(spot, _)| spot)
    }

    /// The line of a call, for a finding located at it, where the file
    /// keeps it: a call that data of the file reaches.
    pub fn call_snippet(&self, (file, call): CallRef) -> Option<Snippet> {
        let line = self
            .files
            .get(file as usize)?
            .calls
            .get(call as usize)?
            .snippet?;
        self.details.get(&file)?.call_line(line)
    }
}
