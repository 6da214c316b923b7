//! Many short strings kept as one: their text one after another, and where
//! each ends. A tree's flow summaries hold hundreds of thousands of names
//! and notes, and a string apiece costs more than its text: a pointer, a
//! length, a capacity and the allocator's own bookkeeping.

/// Strings by index, in one text. An index it does not hold, or a table a
/// damaged cache entry made up, reads as the empty string.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Packed {
    text: Box<str>,
    /// Where each string ends in `text`; it starts where the one before
    /// ends.
    ends: Box<[u32]>,
}

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

    pub fn finish(self) -> Packed {
        Packed {
            text: self.text.into_boxed_str(),
            ends: self.ends.into_boxed_slice(),
        }
    }
}

impl Packed {
    /// How many strings it holds.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// String `i`.
    pub fn get(&self, i: usize) -> &str {
        let start = match i {
            0 => 0,
            _ => self.ends.get(i - 1).copied().unwrap_or(u32::MAX),
        };
        let end = self.ends.get(i).copied().unwrap_or(0);
        self.text
            .get(start as usize..end as usize)
            .unwrap_or_default()
    }

    /// String `i`, added with [`Packer::push_optional`].
    pub fn optional(&self, i: usize) -> Option<&str> {
        self.get(i).strip_prefix(PRESENT)
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
        // "saveé": byte 5 is inside the é.
        let packed = Packed {
            text: "saveé".into(),
            ends: vec![5, 5, 2, u32::MAX].into_boxed_slice(),
        };
        for i in 0..6 {
            assert_eq!(packed.get(i), "", "string {i}");
            assert_eq!(packed.optional(i), None);
        }
    }
}
