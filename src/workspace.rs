//! Where a scan stands: the directory output paths are relative to, how a
//! path is shown, and the settings files found around the scanned paths.

use std::path::{Path, PathBuf};

use crate::files;

/// The directory that output paths are relative to.
pub fn base_dir(roots: &[PathBuf]) -> PathBuf {
    match roots {
        [one] if one.is_dir() => one.clone(),
        // A file named relative to the working directory (as a pre-commit hook
        // passes them) keeps its path; an absolute one is shown by name.
        [one] if one.is_relative() => PathBuf::from("."),
        [one] => one.parent().map(Path::to_path_buf).unwrap_or_default(),
        _ => PathBuf::from("."),
    }
}

/// Where the settings of a scan of `roots` are looked for (`privacy.yml`,
/// `candor.toml`): the directory scanned, the directory of a file scanned,
/// or the deepest directory that holds every root, so that a hook passing
/// a few files finds the project's settings from any working directory.
///
/// A file root is never followed through a link (a link to a file
/// elsewhere says nothing of where the project is), and the directory
/// found never lies above the first root's repository.
pub fn settings_dir(roots: &[PathBuf]) -> PathBuf {
    let dir_of = |p: &PathBuf| -> PathBuf {
        let is_dir = std::fs::symlink_metadata(p).is_ok_and(|m| m.is_dir());
        let dir = if is_dir {
            p.as_path()
        } else {
            p.parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
        };
        canonical(dir).unwrap_or_else(|| dir.to_path_buf())
    };
    let mut dirs = roots.iter().map(dir_of);
    let Some(first) = dirs.next() else {
        return PathBuf::from(".");
    };
    let bound = repository_root(&first);
    let common = dirs.fold(first.clone(), |common, d| {
        common
            .ancestors()
            .find(|a| d.starts_with(a))
            .map(Path::to_path_buf)
            .unwrap_or(common)
    });
    match bound {
        Some(repo) if !common.starts_with(&repo) => first,
        _ => common,
    }
}

/// `path` relative to `base`, with `/` separators, as shown in output.
pub fn relative(path: &Path, base: &Path) -> String {
    let rel = path.strip_prefix(base).unwrap_or(path);
    let s = rel.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// `path` as shown relative to `base` when both are resolved, so that a file
/// found in a parent directory is still named from the scanned one.
pub fn shown_from(path: &Path, base: &Path) -> String {
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    relative(&canonical(path), &canonical(base))
}

/// The settings file called `name` in `dir` or the nearest parent,
/// stopping at the repository root (a directory with `.git`), so that a hook
/// scanning a few files of a repository finds the repository's settings.
/// Outside a repository only `dir` itself is looked in: a `candor.toml` or
/// `privacy.yml` lying somewhere above a scanned tree (a home directory, a
/// CI workspace) is no part of it and must not change its scan; `--config`
/// and `--policy` name such a file.
///
/// It must be a regular file, or a link to one inside the repository (or,
/// outside a repository, inside the directory it was found in): a scanned
/// repository cannot point candor at another file of the machine. Anything
/// else is an error naming the file.
pub fn settings_file(dir: &Path, name: &str) -> Result<Option<PathBuf>, String> {
    let Some(absolute) = canonical(dir) else {
        return Ok(None);
    };
    let top = repository_root(&absolute).unwrap_or_else(|| absolute.clone());
    for d in absolute.ancestors() {
        let candidate = d.join(name);
        if std::fs::symlink_metadata(&candidate).is_ok() {
            let bound = repository_root(d).unwrap_or_else(|| d.to_path_buf());
            return match files::entry(&candidate, Some(&bound)) {
                files::Entry::File => Ok(Some(candidate)),
                files::Entry::Refused(reason) => Err(format!("{}: {reason}", candidate.display())),
                files::Entry::Directory => Err(format!("{}: a directory", candidate.display())),
            };
        }
        if d == top {
            break;
        }
    }
    Ok(None)
}

/// The trees a scan of `roots` run in the working directory treats as
/// untrusted when it writes its outputs: the repository of each scanned
/// path (the path itself outside a repository), and the repository the
/// working directory lies in. See [`files::check_output_path`].
pub fn untrusted_trees(roots: &[PathBuf]) -> Vec<PathBuf> {
    let mut trees: Vec<PathBuf> = roots
        .iter()
        .filter_map(|p| {
            let dir = if p.is_dir() {
                p.as_path()
            } else {
                p.parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(Path::new("."))
            };
            repository_root(dir).or_else(|| canonical(dir))
        })
        .collect();
    trees.extend(repository_root(Path::new(".")));
    trees.sort();
    trees.dedup();
    trees
}

/// The repository `dir` is in: its nearest ancestor with `.git`.
pub fn repository_root(dir: &Path) -> Option<PathBuf> {
    canonical(dir)?
        .ancestors()
        .find(|d| d.join(".git").exists())
        .map(Path::to_path_buf)
}

/// Whether `path` lies within `bound`, both resolved (a path that does not
/// exist yet is judged by its name, `..` resolved).
pub fn within(path: &Path, bound: &Path) -> bool {
    let resolve = |p: &Path| {
        canonical(p).unwrap_or_else(|| {
            let mut out = PathBuf::new();
            for part in p.components() {
                match part {
                    std::path::Component::ParentDir => {
                        out.pop();
                    }
                    std::path::Component::CurDir => {}
                    other => out.push(other),
                }
            }
            out
        })
    };
    resolve(path).starts_with(resolve(bound))
}

fn canonical(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(if path.as_os_str().is_empty() {
        Path::new(".")
    } else {
        path
    })
    .ok()
}
