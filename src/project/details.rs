//! What only findings need of a file's summary: where each step of its
//! trails is and what it says, and the lines of the calls that flows are
//! reported at. The join never reads them; it carries steps by their ids,
//! so a file's details can wait outside memory while it runs (see
//! `super::shelf`) and are read back only for the files that findings
//! show (see `super::shown`).

use crate::hash::Map;
use crate::model::{Location, Snippet};
use crate::packed::{Distinct, Packed, Packer};

/// A place in the summary's file: 1-based lines and character columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Region {
    pub fn of(location: &Location) -> Region {
        Region {
            start_line: location.start_line,
            start_column: location.start_column,
            end_line: location.end_line,
            end_column: location.end_column,
        }
    }

    pub fn in_file(&self, path: &str) -> Location {
        Location {
            path: path.to_string(),
            start_line: self.start_line,
            start_column: self.start_column,
            end_line: self.end_line,
            end_column: self.end_column,
        }
    }
}

/// One step of a trail in the summary's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Spot {
    pub region: Region,
    /// Its text, an index into the file's notes.
    pub note: u32,
}

/// A file's steps and call lines (see the module doc).
///
/// The steps of the file's calls come first, one a call: call `i`'s step
/// ("passed to `m()`") is step `i`. Edges' trails and the steps that start
/// trails follow, each owner keeping its steps' ids.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Details {
    steps: Box<[Spot]>,
    /// The text of every step, each text once: a tree's summaries hold
    /// hundreds of thousands of steps.
    notes: Packed,
    /// The lines of the calls that keep theirs, each line once.
    call_lines: Packed,
    /// Where each of `call_lines` starts in its source line, in characters.
    call_line_offsets: Box<[u32]>,
}

impl Details {
    /// Step `id`, if the file has it.
    pub fn step(&self, id: u32) -> Option<&Spot> {
        self.steps.get(id as usize)
    }

    /// How many steps the file has.
    pub fn step_count(&self) -> usize {
        self.steps.len()
    }

    /// The text of `spot`, a step of this file.
    pub fn note(&self, spot: &Spot) -> &str {
        self.notes.get(spot.note as usize)
    }

    /// Call line `id` (see `LocatedCall::snippet`), if the file keeps it.
    pub fn call_line(&self, id: u32) -> Option<Snippet> {
        Some(Snippet {
            text: self.call_lines.get(id as usize).to_string(),
            offset: *self.call_line_offsets.get(id as usize)?,
        })
    }

    /// How many call lines the file keeps.
    pub fn call_line_count(&self) -> usize {
        self.call_lines.len()
    }

    /// Whether every step's note is one the file holds and every call line
    /// has its offset, as details read back from the cache must be.
    pub fn valid(&self) -> bool {
        self.steps
            .iter()
            .all(|spot| (spot.note as usize) < self.notes.len())
            && self.call_lines.len() == self.call_line_offsets.len()
    }
}

/// Builds a file's details, keeping each note and each call line once.
#[derive(Default)]
pub struct DetailsWriter {
    steps: Vec<Spot>,
    notes: Distinct,
    lines: Packer,
    offsets: Vec<u32>,
    line_ids: Map<(String, u32), u32>,
}

impl DetailsWriter {
    /// Adds the step at `region` saying `text`, and gives its id.
    pub fn step(&mut self, region: Region, text: String) -> u32 {
        let id = self.steps.len() as u32;
        let note = self.notes.id(&text);
        self.steps.push(Spot { region, note });
        id
    }

    /// How many steps have been added: the id of the next.
    pub fn step_count(&self) -> u32 {
        self.steps.len() as u32
    }

    /// Keeps the line of a call, and gives its id.
    pub fn line(&mut self, snippet: Snippet) -> u32 {
        let (lines, offsets) = (&mut self.lines, &mut self.offsets);
        *self
            .line_ids
            .entry((snippet.text, snippet.offset))
            .or_insert_with_key(|(text, offset)| {
                offsets.push(*offset);
                lines.push(text)
            })
    }

    pub fn finish(self) -> Details {
        Details {
            steps: self.steps.into_boxed_slice(),
            notes: self.notes.finish(),
            call_lines: self.lines.finish(),
            call_line_offsets: self.offsets.into_boxed_slice(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{DetailsWriter, Region};
    use crate::model::Snippet;

    const AT: Region = Region {
        start_line: 1,
        start_column: 1,
        end_line: 1,
        end_column: 2,
    };

    #[test]
    fn notes_and_lines_are_kept_once_and_read_back() {
        let mut writer = DetailsWriter::default();
        let first = writer.step(AT, "passed to `save()`".to_string());
        let second = writer.step(AT, "`email` read".to_string());
        let again = writer.step(AT, "passed to `save()`".to_string());
        let line = |text: &str| Snippet {
            text: text.to_string(),
            offset: 4,
        };
        let save = writer.line(line("    save(email)"));
        assert_eq!(writer.line(line("    save(email)")), save);
        let details = writer.finish();
        assert!(details.valid());
        assert_eq!((first, second, again), (0, 1, 2));
        let note = |id| details.note(details.step(id).unwrap());
        assert_eq!(note(first), "passed to `save()`");
        assert_eq!(note(second), "`email` read");
        assert_eq!(
            details.step(first).unwrap().note,
            details.step(again).unwrap().note
        );
        assert_eq!(details.call_line_count(), 1);
        assert_eq!(details.call_line(save), Some(line("    save(email)")));
        // Ids a damaged summary makes up read as nothing.
        assert_eq!(details.step(3), None);
        assert_eq!(details.call_line(1), None);
    }

    #[test]
    fn a_note_the_file_lacks_makes_its_details_invalid() {
        let mut writer = DetailsWriter::default();
        writer.step(AT, "passed to `save()`".to_string());
        let mut details = writer.finish();
        details.steps[0].note = 1;
        assert!(!details.valid());
    }
}
