//! Where files' details (see `super::details`) wait while the join runs.
//!
//! Details are about a third of what a tree's summaries hold, and the join
//! reads those of only the files its findings show. So a scan puts each
//! file's details, encoded, in a scratch file of its own as soon as the
//! file is analysed, and keeps only a ticket. The scratch file is made
//! with no name (the system removes it when the scan ends, however it
//! ends) in the cache's directory, or without a cache in the system's
//! temporary directory, never elsewhere in the scanned tree; only this
//! scan reads it. Where it cannot be made or written, details stay in
//! memory, as they do on a shelf made [`Shelf::in_memory`].

use std::borrow::Cow;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::sync::Mutex;

use super::details::Details;

/// A file's details: with its summary, or on the shelf.
#[derive(Debug, Clone)]
pub enum Stowed {
    Here(Box<Details>),
    Away(Ticket),
}

/// Where a file's encoded details are in the scratch file.
#[derive(Debug, Clone, Copy)]
pub struct Ticket {
    offset: u64,
    len: u32,
}

impl serde::Serialize for Stowed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Stowed::Here(details) => details.serialize(serializer),
            // A summary is kept in the cache before its details are stowed.
            Stowed::Away(_) => Err(serde::ser::Error::custom(
                "a file's details are on the shelf",
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Stowed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Stowed, D::Error> {
        Details::deserialize(deserializer).map(|details| Stowed::Here(Box::new(details)))
    }
}

/// Details that could not be read back.
#[derive(Debug, thiserror::Error)]
pub enum ShelfError {
    #[error("cannot read back the steps of a file's trails: {0}")]
    Read(#[from] std::io::Error),
    #[error("the steps of a file's trails read back damaged")]
    Damaged,
}

/// Keeps files' details until findings need them (see the module doc).
pub struct Shelf {
    /// None: details stay in memory.
    scratch: Option<Mutex<Scratch>>,
}

impl Shelf {
    /// A shelf that keeps details where they are.
    pub fn in_memory() -> Shelf {
        Shelf { scratch: None }
    }

    /// A shelf on a scratch file made in `dir` (the system's temporary
    /// directory when none) when the first details are stowed.
    pub fn scratch(dir: Option<PathBuf>) -> Shelf {
        Shelf {
            scratch: Some(Mutex::new(Scratch {
                dir,
                ..Scratch::default()
            })),
        }
    }

    /// Puts `details` on the shelf, leaving its ticket; details the shelf
    /// cannot take stay where they are.
    pub fn stow(&self, details: &mut Stowed) {
        let (Stowed::Here(here), Some(scratch)) = (&*details, &self.scratch) else {
            return;
        };
        let Ok(bytes) = postcard::to_allocvec(here.as_ref()) else {
            return;
        };
        let Ok(len) = u32::try_from(bytes.len()) else {
            return;
        };
        let offset = lock(scratch).append(&bytes);
        if let Some(offset) = offset {
            *details = Stowed::Away(Ticket { offset, len });
        }
    }

    /// The details `stowed` holds or has the ticket of.
    pub fn open<'a>(&self, stowed: &'a Stowed) -> Result<Cow<'a, Details>, ShelfError> {
        match stowed {
            Stowed::Here(details) => Ok(Cow::Borrowed(details)),
            Stowed::Away(ticket) => {
                // A ticket of another shelf reads as damaged.
                let scratch = self.scratch.as_ref().ok_or(ShelfError::Damaged)?;
                let bytes = lock(scratch).read(*ticket)?;
                let details: Details =
                    postcard::from_bytes(&bytes).map_err(|_| ShelfError::Damaged)?;
                Ok(Cow::Owned(details))
            }
        }
    }
}

fn lock(scratch: &Mutex<Scratch>) -> std::sync::MutexGuard<'_, Scratch> {
    // Appends and reads leave the file whole between calls, even where one
    // panicked: each says where it reads or writes.
    scratch.lock().unwrap_or_else(|e| e.into_inner())
}

/// The scratch file, made on first use.
#[derive(Default)]
struct Scratch {
    /// Where to make it: none for the system's temporary directory.
    dir: Option<PathBuf>,
    file: Option<File>,
    /// Where the next details go.
    end: u64,
    /// The file could not be made, or a write failed: no more details go
    /// to it (those there stay readable).
    refused: bool,
}

impl Scratch {
    /// Appends `bytes`, giving where they start; none when they could not
    /// be written.
    fn append(&mut self, bytes: &[u8]) -> Option<u64> {
        if self.refused {
            return None;
        }
        if self.file.is_none() {
            let made = match &self.dir {
                Some(dir) => tempfile::tempfile_in(dir),
                None => tempfile::tempfile(),
            };
            match made {
                Ok(file) => self.file = Some(file),
                Err(_) => {
                    self.refused = true;
                    return None;
                }
            }
        }
        let file = self.file.as_mut()?;
        let offset = self.end;
        match file
            .seek(SeekFrom::Start(offset))
            .and_then(|_| file.write_all(bytes))
        {
            Ok(()) => {
                self.end += bytes.len() as u64;
                Some(offset)
            }
            Err(_) => {
                self.refused = true;
                None
            }
        }
    }

    fn read(&mut self, ticket: Ticket) -> std::io::Result<Vec<u8>> {
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no scratch file"))?;
        file.seek(SeekFrom::Start(ticket.offset))?;
        let mut bytes = vec![0; ticket.len as usize];
        file.read_exact(&mut bytes)?;
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::{Shelf, ShelfError, Stowed};
    use crate::project::details::{Details, DetailsWriter, Region};

    fn details(text: &str) -> Details {
        let mut writer = DetailsWriter::default();
        let at = Region {
            start_line: 3,
            start_column: 5,
            end_line: 3,
            end_column: 9,
        };
        writer.step(at, text.to_string());
        writer.finish()
    }

    #[test]
    fn stowed_details_read_back_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let shelf = Shelf::scratch(Some(dir.path().to_path_buf()));
        let mut first = Stowed::Here(Box::new(details("passed to `save()`")));
        let mut second = Stowed::Here(Box::new(details("`email` read")));
        shelf.stow(&mut first);
        shelf.stow(&mut second);
        assert!(matches!(first, Stowed::Away(_)));
        assert!(matches!(second, Stowed::Away(_)));
        // Read back out of order, and again.
        assert_eq!(*shelf.open(&second).unwrap(), details("`email` read"));
        assert_eq!(*shelf.open(&first).unwrap(), details("passed to `save()`"));
        assert_eq!(*shelf.open(&second).unwrap(), details("`email` read"));
        // The scratch file has no name: nothing is left in the directory.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // A summary with its details away is not one to keep.
        assert!(postcard::to_allocvec(&first).is_err());
    }

    #[test]
    fn details_stay_in_memory_where_no_scratch_file_can_be_made() {
        let dir = tempfile::tempdir().unwrap();
        let gone = dir.path().join("gone");
        let shelf = Shelf::scratch(Some(gone));
        let mut stowed = Stowed::Here(Box::new(details("passed to `save()`")));
        shelf.stow(&mut stowed);
        assert!(matches!(stowed, Stowed::Here(_)));
        assert_eq!(*shelf.open(&stowed).unwrap(), details("passed to `save()`"));

        let in_memory = Shelf::in_memory();
        in_memory.stow(&mut stowed);
        assert!(matches!(stowed, Stowed::Here(_)));
    }

    #[test]
    fn a_ticket_of_another_shelf_reads_as_damaged() {
        let shelf = Shelf::scratch(None);
        let mut stowed = Stowed::Here(Box::new(details("passed to `save()`")));
        shelf.stow(&mut stowed);
        assert!(matches!(stowed, Stowed::Away(_)));
        assert!(matches!(
            Shelf::in_memory().open(&stowed),
            Err(ShelfError::Damaged)
        ));
        let other = Shelf::scratch(None);
        assert!(other.open(&stowed).is_err());
    }
}
