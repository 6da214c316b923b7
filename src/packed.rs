//! Many short strings kept as one: their text one after another, and where
//! each ends. A tree's flow summaries hold hundreds of thousands of names
//! and notes, and a string apiece costs more than its text: a pointer, a
//! length, a capacity and the allocator's own bookkeeping.

/// Strings by index, in one allocation: how many there are, where each
/// ends, then their text. An index it does not hold, or a table a damaged
/// cache entry made up, reads as the empty string.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Packed {
    /// The count (a little-endian `u32`), the end of each string in the
    /// text (one `u32` each; a string starts where the one before ends),
    /// then the text. Empty when it holds no string.
    bytes: Box<[u8]>,
}

use std::hash::BuildHasher;

use hashbrown::hash_table::{Entry, HashTable};

/// Bytes of each number in [`Packed::bytes`].
const WORD: usize = 4;

/// Marks a string that may be absent as present (see
/// [`Packer::push_optional`]).
const PRESENT: char = '\u{1}';

/// Builds a [`Packed`].
#[derive(Debug, Default)]
pub struct Packer {
    text: String,
    ends: Vec<u32>,
}

impl Packer {
    /// Adds `s`; returns its index.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.end()
    }

    /// Adds a string that may be absent, read back with
    /// [`Packed::optional`]; returns its index.
    pub fn push_optional(&mut self, s: Option<&str>) -> u32 {
        if let Some(s) = s {
            self.text.push(PRESENT);
            self.text.push_str(s);
        }
        self.end()
    }

    /// Ends the string being added. (A text past 4 GiB is cut short: what
    /// lies past it reads as empty.)
    fn end(&mut self) -> u32 {
        self.ends
            .push(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        self.ends.len() as u32 - 1
    }

    /// How many strings it holds.
    pub fn count(&self) -> u32 {
        self.ends.len() as u32
    }

    /// String `id`, as added (empty for an index it does not hold).
    fn get(&self, id: u32) -> &str {
        let id = id as usize;
        let start = match id {
            0 => 0,
            _ => self.ends.get(id - 1).copied().unwrap_or(0) as usize,
        };
        let end = self.ends.get(id).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or_default()
    }

    pub fn finish(self) -> Packed {
        if self.ends.is_empty() {
            return Packed::default();
        }
        let mut bytes = Vec::with_capacity(WORD * (1 + self.ends.len()) + self.text.len());
        bytes.extend_from_slice(&(self.ends.len() as u32).to_le_bytes());
        for end in &self.ends {
            bytes.extend_from_slice(&end.to_le_bytes());
        }
        bytes.extend_from_slice(self.text.as_bytes());
        Packed {
            bytes: bytes.into_boxed_slice(),
        }
    }
}

/// Builds a [`Packed`] that holds each distinct string once. It keeps no
/// copy of a key: the index holds ids alone and hashes the strings where
/// the packer holds them, so a table of tens of thousands of names costs
/// its text and about 10 to 20 bytes a name while it is built, not a
/// string apiece.
#[derive(Debug, Default)]
pub struct Distinct {
    packer: Packer,
    ids: HashTable<u32>,
    hasher: foldhash::fast::RandomState,
}

impl Distinct {
    /// The index of `s`, added if it is new.
    pub fn id(&mut self, s: &str) -> u32 {
        let Distinct {
            packer,
            ids,
            hasher,
        } = self;
        let hash = hasher.hash_one(s);
        match ids.entry(
            hash,
            |&id| packer.get(id) == s,
            |&id| hasher.hash_one(packer.get(id)),
        ) {
            Entry::Occupied(entry) => *entry.get(),
            Entry::Vacant(entry) => *entry.insert(packer.push(s)).get(),
        }
    }

    pub fn finish(self) -> Packed {
        self.packer.finish()
    }
}

impl Packed {
    /// How many strings it holds.
    pub fn len(&self) -> usize {
        let count = self.word(0).unwrap_or(0) as usize;
        // A damaged count claims no more ends than there is room for.
        count.min((self.bytes.len() / WORD).saturating_sub(1))
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th number of the table, if the bytes hold it.
    fn word(&self, i: usize) -> Option<u32> {
        let at = i.checked_mul(WORD)?;
        let bytes = self.bytes.get(at..at.checked_add(WORD)?)?;
        Some(u32::from_le_bytes(bytes.try_into().ok()?))
    }

    /// String `i`.
    pub fn get(&self, i: usize) -> &str {
        let count = self.len();
        if i >= count {
            return "";
        }
        let start = match i {
            0 => Some(0),
            _ => self.word(i),
        };
        let (Some(start), Some(end)) = (start, self.word(i + 1)) else {
            return "";
        };
        let text = WORD * (1 + count);
        let range = text.saturating_add(start as usize)..text.saturating_add(end as usize);
        self.bytes
            .get(range)
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }

    /// String `i`, added with [`Packer::push_optional`].
    pub fn optional(&self, i: usize) -> Option<&str> {
        self.get(i).strip_prefix(PRESENT)
    }
}

/// Kept as one byte string.
impl serde::Serialize for Packed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(&self.bytes)
    }
}

impl<'de> serde::Deserialize<'de> for Packed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Packed, D::Error> {
        struct Bytes;
        impl<'de> serde::de::Visitor<'de> for Bytes {
            type Value = Packed;

            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a packed string table as bytes")
            }

            fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Packed, E> {
                Ok(Packed {
                    bytes: bytes.into(),
                })
            }

            fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Packed, E> {
                Ok(Packed {
                    bytes: bytes.into_boxed_slice(),
                })
            }
        }
        deserializer.deserialize_bytes(Bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::{Packed, Packer};

    #[test]
    fn strings_read_back_by_index() {
        let mut packer = Packer::default();
        assert_eq!(packer.push("save"), 0);
        assert_eq!(packer.push_optional(None), 1);
        assert_eq!(packer.push_optional(Some("")), 2);
        assert_eq!(packer.push_optional(Some("\u{1}x")), 3);
        assert_eq!(packer.push("é"), 4);
        let packed = packer.finish();
        assert_eq!(packed.len(), 5);
        assert_eq!(packed.get(0), "save");
        assert_eq!(packed.optional(1), None);
        assert_eq!(packed.optional(2), Some(""), "present, and empty");
        assert_eq!(packed.optional(3), Some("\u{1}x"), "the mark is taken once");
        assert_eq!(packed.get(4), "é");
        assert_eq!(packed.get(5), "");
        assert_eq!(packed.get(usize::MAX), "");
    }

    #[test]
    fn a_damaged_table_reads_as_empty_strings() {
        let table = |count: u32, ends: &[u32], text: &[u8]| {
            let mut bytes = count.to_le_bytes().to_vec();
            for end in ends {
                bytes.extend_from_slice(&end.to_le_bytes());
            }
            bytes.extend_from_slice(text);
            Packed {
                bytes: bytes.into_boxed_slice(),
            }
        };
        // "saveé": byte 5 is inside the é; an end past the text; a string
        // ending before it starts.
        let packed = table(4, &[5, 5, 2, u32::MAX], "saveé".as_bytes());
        for i in 0..6 {
            assert_eq!(packed.get(i), "", "string {i}");
            assert_eq!(packed.optional(i), None);
        }
        // A count larger than the table holds, and a table cut short.
        let overcounted = table(u32::MAX, &[4], b"save");
        assert_eq!(overcounted.len(), 2, "no more ends than there is room for");
        assert_eq!(overcounted.get(0), "");
        assert_eq!(overcounted.get(usize::MAX), "");
        let cut = Packed {
            bytes: vec![3, 0].into_boxed_slice(),
        };
        assert_eq!(cut.len(), 0);
        assert_eq!(cut.get(0), "");
        // Text that is not UTF-8.
        let invalid = table(1, &[2], &[0xff, 0xfe]);
        assert_eq!(invalid.get(0), "");
    }

    #[test]
    fn distinct_strings_are_kept_once() {
        let mut distinct = super::Distinct::default();
        let save = distinct.id("save");
        assert_eq!(distinct.id("send"), 1);
        assert_eq!(distinct.id("save"), save);
        let packed = distinct.finish();
        assert_eq!(packed.len(), 2);
        assert_eq!((packed.get(0), packed.get(1)), ("save", "send"));
    }

    #[test]
    fn distinct_strings_keep_their_ids_as_the_index_grows() {
        let mut distinct = super::Distinct::default();
        let names: Vec<String> = (0..5000).map(|i| format!("name{i}")).collect();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(distinct.id(name), i as u32);
        }
        assert_eq!(distinct.id(""), 5000, "the empty string is a string");
        for (i, name) in names.iter().enumerate().rev() {
            assert_eq!(distinct.id(name), i as u32, "{name} again");
        }
        let packed = distinct.finish();
        assert_eq!(packed.len(), 5001);
        assert_eq!(packed.get(4321), "name4321");
    }

    #[test]
    fn a_table_reads_back_from_its_encoding() {
        let mut packer = Packer::default();
        packer.push("send_mail");
        packer.push_optional(Some("app.mail"));
        packer.push("手机");
        let packed = packer.finish();
        let bytes = postcard::to_allocvec(&packed).expect("encodes");
        let back: Packed = postcard::from_bytes(&bytes).expect("decodes");
        assert_eq!(back, packed);
        assert_eq!(back.get(2), "手机");
        let empty: Packed =
            postcard::from_bytes(&postcard::to_allocvec(&Packed::default()).expect("encodes"))
                .expect("decodes");
        assert!(empty.is_empty());
    }
}
