//! A file's table of names. A file calls the same methods through the same
//! paths again and again, and its functions take parameters of the same
//! names, so the names of its calls and functions are kept once each, and a
//! call or a function is a run of indices into them (see `super::site`,
//! `super::callee`).

use crate::packed::{Distinct, Packed};

/// Builds a file's table of names, each distinct name once.
#[derive(Default)]
pub(super) struct NameTable<'s> {
    names: Distinct<'s>,
    ids: Vec<u32>,
}

impl<'s> NameTable<'s> {
    /// Adds a run of `names`; returns where it starts in the indices, and
    /// how long it is.
    pub fn add(&mut self, names: impl IntoIterator<Item = &'s str>) -> (u32, u32) {
        let start = self.ids.len();
        for name in names {
            let id = self.names.id(name);
            self.ids.push(id);
        }
        (start as u32, (self.ids.len() - start) as u32)
    }

    /// The names, and the runs' indices into them.
    pub fn finish(self) -> (Packed, Box<[u32]>) {
        (self.names.finish(), self.ids.into_boxed_slice())
    }
}

/// A run of a file's names, as a call or a function reads them.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    ids: &'a [u32],
    names: &'a Packed,
}

impl<'a> Run<'a> {
    pub(super) fn new(ids: &'a [u32], names: &'a Packed) -> Run<'a> {
        Run { ids, names }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Name `i` of the run (empty where the run has none).
    pub fn get(&self, i: usize) -> &'a str {
        let names = self.names;
        self.ids.get(i).map_or("", |&id| names.get(id as usize))
    }

    /// Name `i`, one that may be absent (see [`Packed::optional`]).
    pub fn optional(&self, i: usize) -> Option<&'a str> {
        let names = self.names;
        self.ids.get(i).and_then(|&id| names.optional(id as usize))
    }
}
