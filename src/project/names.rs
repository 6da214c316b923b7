//! Tables of names. A file calls the same methods through the same paths
//! again and again, and its functions take parameters of the same names,
//! so the names of its calls and functions are kept once each, and a call
//! or a function is a run of indices into them (see `super::site`,
//! `super::callee`). Files repeat one another's names too (`get`, `save`,
//! `request`, `user`): each file's table gives way to one for the tree
//! ([`NamePool`]) before the join, which keeps about half the text on real
//! code, and a smaller share of it as a tree grows.

use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use crate::packed::{Distinct, Packed};

/// Builds a file's table of names, each distinct name once.
#[derive(Default)]
pub(super) struct NameTable {
    names: Distinct,
    ids: Vec<u32>,
}

impl NameTable {
    /// Adds a run of `names`; returns where it starts in the indices, and
    /// how long it is.
    pub fn add<'s>(&mut self, names: impl IntoIterator<Item = &'s str>) -> (u32, u32) {
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

/// The table a file's name indices point into.
#[derive(Debug, Clone)]
pub(super) enum Names {
    /// The file's own, as analysis made it or the cache kept it.
    Own(Packed),
    /// The scan's pool's, which is still being filled (see [`NamePool`]).
    Pooled,
    /// The tree's, made from the pool and shared by every file of the join.
    Shared(Arc<Packed>),
}

impl Default for Names {
    fn default() -> Names {
        Names::Own(Packed::default())
    }
}

/// What a file's names read as while the pool holds them: none.
static NO_NAMES: LazyLock<Packed> = LazyLock::new(Packed::default);

impl Names {
    pub fn table(&self) -> &Packed {
        match self {
            Names::Own(table) => table,
            Names::Pooled => &NO_NAMES,
            Names::Shared(table) => table,
        }
    }
}

impl serde::Serialize for Names {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Names::Own(table) => table.serialize(serializer),
            // A summary is kept in the cache before its names are pooled.
            Names::Pooled | Names::Shared(_) => Err(serde::ser::Error::custom(
                "a file's names are in the tree's table",
            )),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Names {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Names, D::Error> {
        Packed::deserialize(deserializer).map(Names::Own)
    }
}

/// The scan's pool of names: each file gives its names to it as soon as
/// it is analysed or read from the cache (one pool a scan: the ids a file
/// gets index this pool's table only), while analysis is still making
/// and freeing memory that can take the place of the file's table. (Freed
/// all at once before the join, the tables would leave holes the join's
/// larger tables do not fill.)
#[derive(Default)]
pub struct NamePool {
    names: Mutex<Distinct>,
}

impl NamePool {
    /// Adds the names of `table` and rewrites `ids`, indices into it, to
    /// index the pool instead. (An index `table` does not hold stays one
    /// the pool does not hold: it reads as the empty name.)
    pub(super) fn take(&self, table: &Names, ids: &mut [u32]) {
        // A thread that panicked while adding a name left it whole or not
        // added: the table is sound either way.
        let mut names = self.names.lock().unwrap_or_else(PoisonError::into_inner);
        let table = match table {
            Names::Own(table) => {
                let pool_ids: Vec<u32> = (0..table.len()).map(|i| names.id(table.get(i))).collect();
                for id in ids {
                    *id = pool_ids.get(*id as usize).copied().unwrap_or(u32::MAX);
                }
                return;
            }
            Names::Pooled => return,
            // A table another join shared: name by name.
            Names::Shared(table) => table,
        };
        for id in ids {
            *id = match (*id as usize) < table.len() {
                true => names.id(table.get(*id as usize)),
                false => u32::MAX,
            };
        }
    }

    /// The tree's table of names.
    pub(super) fn finish(self) -> Arc<Packed> {
        let names = self
            .names
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        Arc::new(names.finish())
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
