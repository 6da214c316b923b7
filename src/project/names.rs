//! A file's table of names. A file calls the same methods through the same
//! paths again and again, and its functions take parameters of the same
//! names, so the names of its calls and functions are kept once each, and a
//! call or a function is a run of indices into them (see `super::site`,
//! `super::callee`).

use crate::hash::Map;
use crate::packed::{Packed, Packer};

/// Builds a file's table of names, each distinct name once.
#[derive(Default)]
pub(super) struct NameTable<'s> {
    names: Packer,
    ids: Vec<u32>,
    by_name: Map<&'s str, u32>,
}

impl<'s> NameTable<'s> {
    /// Adds a run of `names`; returns where it starts in the indices, and
    /// how long it is.
    pub fn add(&mut self, names: impl IntoIterator<Item = &'s str>) -> (u32, u32) {
        let start = self.ids.len();
        for name in names {
            let table = &mut self.names;
            let id = *self.by_name.entry(name).or_insert_with(|| table.push(name));
            self.ids.push(id);
        }
        (start as u32, (self.ids.len() - start) as u32)
    }

    /// The names, and the runs' indices into them.
    pub fn finish(self) -> (Packed, Box<[u32]>) {
        (self.names.finish(), self.ids.into_boxed_slice())
    }
}
