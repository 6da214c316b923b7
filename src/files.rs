//! Reading the scanned tree as untrusted input: only regular files are
//! read, never more than a bound, and a symbolic link is followed only to a
//! regular file inside the scanned tree.
//!
//! A FIFO named `x.py` would block `open()` forever and a link to
//! `/dev/zero` would never end, so the type of a file is checked before it
//! is opened, and what is read is bounded by what is read, not by the size
//! the file system reports.

use std::fs::File;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest settings or rule file read (`privacy.yml`, `candor.toml`,
/// baselines, rule files).
pub const MAX_SETTINGS_FILE: u64 = 16 << 20;

/// What a path in the scanned tree is, as far as reading it goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Entry {
    /// A regular file, or a link to one inside the tree.
    File,
    Directory,
    /// Not read, with the reason.
    Refused(&'static str),
}

/// What `path` is; `root` bounds where a symbolic link may lead (`None`
/// for no bound).
pub fn entry(path: &Path, root: Option<&Path>) -> Entry {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Entry::Refused("cannot be read");
    };
    let kind = meta.file_type();
    if kind.is_dir() {
        return Entry::Directory;
    }
    if kind.is_file() {
        return Entry::File;
    }
    if !kind.is_symlink() {
        return Entry::Refused("not a regular file (a FIFO, socket or device); not read");
    }
    let Ok(target) = std::fs::canonicalize(path) else {
        return Entry::Refused("a symbolic link to nothing; not followed");
    };
    if let Some(root) = root
        && !canonical(root).is_some_and(|r| target.starts_with(r))
    {
        return Entry::Refused("a symbolic link out of the scanned tree; not followed");
    }
    match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => Entry::File,
        Ok(m) if m.is_dir() => Entry::Refused("a symbolic link to a directory; not followed"),
        _ => Entry::Refused("a symbolic link to a special file; not followed"),
    }
}

/// `path` absolute with its directories resolved (links, `.`, `..`) but
/// not its last component, which may be a link judged by [`entry`]: two
/// names of one file in one directory compare equal, and a file under a
/// linked directory shows where it really is. Directories that do not
/// exist (a file deleted in the working tree but still staged) are kept
/// by name below the deepest one that does.
pub fn resolve_directories(path: &Path) -> PathBuf {
    let Some(name) = path.file_name() else {
        return canonical(path).unwrap_or_else(|| path.to_path_buf());
    };
    let mut missing = Vec::new();
    let mut dir = path.parent().unwrap_or(Path::new(""));
    loop {
        if let Some(mut resolved) = canonical(dir) {
            resolved.extend(missing.iter().rev());
            resolved.push(name);
            return resolved;
        }
        match (dir.file_name(), dir.parent()) {
            (Some(part), Some(parent)) => {
                missing.push(part);
                dir = parent;
            }
            _ => return path.to_path_buf(),
        }
    }
}

fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    })
    .ok()
}

/// The first `limit + 1` bytes of the regular file at `path` (one more
/// than the limit, so that a caller can tell a file over it). Anything but a
/// regular file, or a link to one, is an error, without being opened.
pub fn read_bounded(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    let file = File::open(path)?;
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The text of a settings file (see [`MAX_SETTINGS_FILE`]); a larger
/// file, or one that is not UTF-8, is an error.
pub fn read_settings(path: &Path) -> io::Result<String> {
    settings_text(read_bounded(path, MAX_SETTINGS_FILE)?)
}

/// The text of a settings file from its first [`MAX_SETTINGS_FILE`] + 1
/// bytes (see [`read_bounded`]), as [`read_settings`] gives it.
pub fn settings_text(bytes: Vec<u8>) -> io::Result<String> {
    if bytes.len() as u64 > MAX_SETTINGS_FILE {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("larger than {} MiB", MAX_SETTINGS_FILE >> 20),
        ));
    }
    String::from_utf8(bytes).map_err(|_| io::Error::new(io::ErrorKind::InvalidData, "not UTF-8"))
}

/// An output path that passes through a directory link of a scanned
/// repository leading out of it.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}: not written: {} is a symbolic link inside {} that leads out of it, to {}; give \
     `-o` a path outside {}, or remove the link",
    .path.display(), .link.display(), .root.display(), .target.display(), .root.display()
)]
pub struct LinkOutOfRepository {
    pub path: PathBuf,
    pub link: PathBuf,
    pub root: PathBuf,
    pub target: PathBuf,
}

/// Checks that writing `path` does not pass through a directory link that
/// lies inside one of `repositories` and leads out of it.
///
/// The README's CI commands write reports into the checkout
/// (`-o candor.sarif`), so a repository that commits `out -> /elsewhere`
/// would otherwise choose where `-o out/report.sarif` lands. Links outside
/// the repositories are the machine's and are followed, and so are links
/// within one; a path outside every repository is the user's. Each
/// directory of the path is resolved in turn, as the system will, so that
/// `a/../out` is judged by where `out` leads. A directory that does not
/// exist ends the check: the write fails on its own.
pub fn check_output_path(path: &Path, repositories: &[PathBuf]) -> Result<(), LinkOutOfRepository> {
    use std::path::Component;
    let roots: Vec<PathBuf> = repositories.iter().filter_map(|r| canonical(r)).collect();
    let Some(dir) = path.parent() else {
        return Ok(());
    };
    let mut real = if dir.is_absolute() {
        PathBuf::new()
    } else {
        match canonical(Path::new(".")) {
            Some(cwd) => cwd,
            None => return Ok(()),
        }
    };
    for part in dir.components() {
        let name = match part {
            Component::Prefix(_) | Component::RootDir => {
                real.push(part);
                continue;
            }
            Component::CurDir => continue,
            // `real` holds no link, so its parent is where `..` leads.
            Component::ParentDir => {
                real.pop();
                continue;
            }
            Component::Normal(name) => name,
        };
        let next = real.join(name);
        let Ok(meta) = std::fs::symlink_metadata(&next) else {
            return Ok(());
        };
        if !meta.file_type().is_symlink() {
            real = next;
            continue;
        }
        let Ok(target) = std::fs::canonicalize(&next) else {
            return Ok(());
        };
        if let Some(root) = roots
            .iter()
            .find(|r| real.starts_with(r) && !target.starts_with(r))
        {
            return Err(LinkOutOfRepository {
                path: path.to_path_buf(),
                link: next,
                root: root.clone(),
                target,
            });
        }
        real = target;
    }
    Ok(())
}

/// Writes `bytes` to `path` through a new temporary file beside it, renamed
/// over `path` when complete: an interrupted run leaves the old file or the
/// new one, never half of one.
///
/// The temporary file is created only if nothing (a file, a link) has its
/// name, and the name holds 16 random characters: a scanned repository
/// can neither redirect the write through a link planted beside the target
/// nor use up the names in advance (they once held the process id and a
/// counter), and two runs writing one target never share one. A link at
/// `path` itself is replaced, not followed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomically_with(path, |out| out.write_all(bytes))
}

/// [`write_atomically`], with the content written by `fill` as it is made
/// (a large report need not be held whole in memory first).
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
) -> io::Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?
        .to_string_lossy();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".candor-tmp").rand_bytes(16);
    // The file gets the mode any new file would (0666 less the umask), not
    // the temporary file's private 0600.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder.tempfile_in(dir)?;
    let mut out = io::BufWriter::new(file.as_file_mut());
    fill(&mut out)?;
    out.flush()?;
    drop(out);
    file.as_file().sync_all()?;
    // On failure the temporary file is removed as it is dropped.
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn only_regular_files_inside_the_tree_are_read() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.txt");
        std::fs::write(&secret, "secret").unwrap();
        let tree = tempfile::tempdir().unwrap();
        let root = tree.path();
        std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
        symlink(root.join("a.py"), root.join("alias.py")).unwrap();
        symlink(&secret, root.join("leak.py")).unwrap();
        symlink("/dev/zero", root.join("zero.py")).unwrap();
        symlink(root.join("missing"), root.join("dangling.py")).unwrap();
        std::fs::create_dir(root.join("sub")).unwrap();
        symlink(root.join("sub"), root.join("dirlink.py")).unwrap();
        let fifo = std::process::Command::new("mkfifo")
            .arg(root.join("pipe.py"))
            .status()
            .is_ok_and(|s| s.success());

        assert_eq!(entry(&root.join("a.py"), Some(root)), Entry::File);
        assert_eq!(entry(&root.join("alias.py"), Some(root)), Entry::File);
        assert_eq!(entry(&root.join("sub"), Some(root)), Entry::Directory);
        for refused in ["leak.py", "zero.py", "dangling.py", "dirlink.py"] {
            assert!(
                matches!(entry(&root.join(refused), Some(root)), Entry::Refused(_)),
                "{refused}"
            );
        }
        if fifo {
            assert!(matches!(
                entry(&root.join("pipe.py"), Some(root)),
                Entry::Refused(_)
            ));
            assert!(
                read_bounded(&root.join("pipe.py"), 10).is_err(),
                "not opened"
            );
        }
        assert!(read_bounded(&root.join("zero.py"), 10).is_err());
        assert_eq!(read_bounded(&root.join("a.py"), 3).unwrap(), b"x = ");
        assert_eq!(read_bounded(&root.join("a.py"), 100).unwrap(), b"x = 1\n");
    }

    #[test]
    fn writes_replace_the_target_and_follow_no_link() {
        let outside = tempfile::tempdir().unwrap();
        let victim = outside.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.sarif");
        // Links at the names an earlier version used, and at the target.
        symlink(&victim, dir.path().join(".out.sarif.candor-tmp")).unwrap();
        symlink(&victim, &target).unwrap();
        write_atomically(&target, b"report").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "report");
        assert!(!std::fs::symlink_metadata(&target).unwrap().is_symlink());
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with("candor-tmp"))
            .filter(|e| !e.path().is_symlink())
            .collect();
        assert!(leftovers.is_empty());
    }
}
