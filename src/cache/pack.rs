//! Pack files: many cache entries in one file, so that a scan writes one
//! file rather than one per source file (creating thousands of small files
//! costs more than the analysis they save on some file systems).
//!
//! A pack is the entries one after the other, then an index of them, then
//! the index's length and checksum:
//!
//! ```text
//! MAGIC | entry ... | index record ... | index length (u64 LE) | SHA-256 of the index
//! ```
//!
//! An index record names an entry's file (a hash of its path), the hash of
//! the content it was computed from, and where its bytes are. A scan writes
//! its new entries to a pack of its own under a temporary name and renames
//! it into place when done, so a reader only ever sees whole packs. A pack
//! whose tail does not check out is not read at all; an entry that does
//! not is a miss (see `super::entry`).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::entry::ContentHash;

/// The first bytes of every pack.
const MAGIC: &[u8; 8] = b"cndrpk1\n";

/// The name a pack file ends with.
pub const EXTENSION: &str = "pack";

/// The bytes of one index record.
const RECORD: usize = 16 + 32 + 8 + 4;

/// Files of more index records than this are not packs of ours.
const MAX_RECORDS: u64 = 16 << 20;

/// Names the file an entry is for: a hash of its path as shown.
pub type NameHash = [u8; 16];

pub fn name_hash(path: &str) -> NameHash {
    let digest = Sha256::digest(path.as_bytes());
    let mut out = [0; 16];
    out.copy_from_slice(&digest[..16]);
    out
}

/// Where an entry is in its pack, and what it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Record {
    pub name: NameHash,
    pub content: ContentHash,
    pub offset: u64,
    pub len: u32,
}

impl Record {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.name);
        out.extend_from_slice(&self.content);
        out.extend_from_slice(&self.offset.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
    }

    fn read(bytes: &[u8]) -> Record {
        let mut name = [0; 16];
        name.copy_from_slice(&bytes[..16]);
        let mut content = [0; 32];
        content.copy_from_slice(&bytes[16..48]);
        let offset = u64::from_le_bytes(bytes[48..56].try_into().unwrap_or_default());
        let len = u32::from_le_bytes(bytes[56..60].try_into().unwrap_or_default());
        Record {
            name,
            content,
            offset,
            len,
        }
    }
}

/// An open pack: its file and its index.
#[derive(Debug)]
pub struct Pack {
    pub path: PathBuf,
    file: File,
    pub records: Vec<Record>,
}

impl Pack {
    /// Opens the pack at `path`, or `None` when it is not a sound pack (a
    /// link, truncated, damaged, another kind of file).
    pub fn open(path: &Path) -> Option<Pack> {
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !meta.is_file() {
            return None;
        }
        let file = File::open(path).ok()?;
        let size = file.metadata().ok()?.len();
        let tail = 8 + 32;
        let mut magic = [0; 8];
        read_exact_at(&file, &mut magic, 0).ok()?;
        if &magic != MAGIC || size < (MAGIC.len() + tail) as u64 {
            return None;
        }
        let mut end = [0; 8 + 32];
        read_exact_at(&file, &mut end, size - tail as u64).ok()?;
        let index_len = u64::from_le_bytes(end[..8].try_into().ok()?);
        let body = size - tail as u64 - MAGIC.len() as u64;
        if index_len > body
            || index_len % RECORD as u64 != 0
            || index_len / RECORD as u64 > MAX_RECORDS
        {
            return None;
        }
        let index_start = size - tail as u64 - index_len;
        let mut index = vec![0; usize::try_from(index_len).ok()?];
        read_exact_at(&file, &mut index, index_start).ok()?;
        if Sha256::digest(&index).as_slice() != &end[8..] {
            return None;
        }
        let records = index
            .chunks_exact(RECORD)
            .map(Record::read)
            .filter(|r| {
                r.offset >= MAGIC.len() as u64
                    && r.offset
                        .checked_add(u64::from(r.len))
                        .is_some_and(|e| e <= index_start)
            })
            .collect();
        Some(Pack {
            path: path.to_path_buf(),
            file,
            records,
        })
    }

    /// The bytes of the entry `record` locates.
    pub fn read(&self, record: &Record) -> Option<Vec<u8>> {
        self.read_at(record.offset, record.len)
    }

    /// `len` bytes from `offset` (part of an entry: its summary).
    pub fn read_at(&self, offset: u64, len: u32) -> Option<Vec<u8>> {
        let mut bytes = vec![0; len as usize];
        read_exact_at(&self.file, &mut bytes, offset).ok()?;
        Some(bytes)
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

/// A pack being written under a temporary name.
#[derive(Debug)]
pub struct PackWriter {
    temporary: PathBuf,
    out: BufWriter<File>,
    offset: u64,
    records: Vec<Record>,
}

impl PackWriter {
    /// Starts a pack at `temporary`, a name no other writer uses (the file
    /// must not exist: never written through a link left in its place).
    pub fn create(temporary: PathBuf) -> std::io::Result<PackWriter> {
        let mut out = BufWriter::new(File::create_new(&temporary)?);
        out.write_all(MAGIC)?;
        Ok(PackWriter {
            temporary,
            out,
            offset: MAGIC.len() as u64,
            records: Vec::new(),
        })
    }

    /// Appends the entry `bytes` for the file named `name`, computed from
    /// `content`.
    pub fn add(
        &mut self,
        name: NameHash,
        content: ContentHash,
        bytes: &[u8],
    ) -> std::io::Result<()> {
        let len = u32::try_from(bytes.len()).map_err(std::io::Error::other)?;
        self.out.write_all(bytes)?;
        self.records.push(Record {
            name,
            content,
            offset: self.offset,
            len,
        });
        self.offset += u64::from(len);
        Ok(())
    }

    /// How many entries it holds.
    pub fn entries(&self) -> usize {
        self.records.len()
    }

    /// Writes the index and puts the pack in place at `path`; on failure
    /// nothing is left behind.
    pub fn finish(mut self, path: &Path) -> std::io::Result<()> {
        let written = (|| {
            let mut index = Vec::with_capacity(self.records.len() * RECORD);
            for r in &self.records {
                r.write(&mut index);
            }
            self.out.write_all(&index)?;
            self.out.write_all(&(index.len() as u64).to_le_bytes())?;
            self.out.write_all(&Sha256::digest(&index))?;
            self.out.flush()?;
            std::fs::rename(&self.temporary, path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&self.temporary);
        }
        written
    }

    /// Gives up the pack, removing its temporary file.
    pub fn abandon(self) {
        let _ = std::fs::remove_file(&self.temporary);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(dir: &Path, entries: &[(&str, &[u8])]) -> PathBuf {
        let mut w = PackWriter::create(dir.join("p.tmp")).expect("create");
        for (name, bytes) in entries {
            w.add(name_hash(name), [7; 32], bytes).expect("add");
        }
        let path = dir.join("p.pack");
        w.finish(&path).expect("finish");
        path
    }

    #[test]
    fn a_pack_reads_back_its_entries() {
        let dir = tempfile::tempdir().expect("dir");
        let path = written(dir.path(), &[("a.py", b"first"), ("b.py", b"second entry")]);
        assert!(!dir.path().join("p.tmp").exists());
        let pack = Pack::open(&path).expect("opens");
        assert_eq!(pack.records.len(), 2);
        assert_eq!(pack.records[1].name, name_hash("b.py"));
        assert_eq!(pack.read(&pack.records[0]).as_deref(), Some(&b"first"[..]));
        assert_eq!(
            pack.read(&pack.records[1]).as_deref(),
            Some(&b"second entry"[..])
        );
    }

    #[test]
    fn a_damaged_pack_is_not_read() {
        let dir = tempfile::tempdir().expect("dir");
        let path = written(dir.path(), &[("a.py", b"first"), ("b.py", b"second")]);
        let bytes = std::fs::read(&path).expect("read");
        for cut in 0..bytes.len() {
            std::fs::write(&path, &bytes[..cut]).expect("write");
            assert!(Pack::open(&path).is_none(), "cut at {cut}");
        }
        // A flipped byte in the index or its tail.
        let index_start = bytes.len() - 40 - 2 * RECORD;
        for i in index_start..bytes.len() {
            let mut b = bytes.clone();
            b[i] ^= 1;
            std::fs::write(&path, &b).expect("write");
            assert!(Pack::open(&path).is_none(), "byte {i} flipped");
        }
    }
}
