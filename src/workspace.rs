//! Where a scan stands: the directory output paths are relative to, how a
//! path is shown, and the settings files found around the scanned paths.

use std::path::{Path, PathBuf};

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

/// The file called `name` in `dir` or the nearest parent, stopping at the
/// repository root (a directory with `.git`), so that a hook scanning a few
/// files of a repository finds the repository's settings.
pub fn nearest(dir: &Path, name: &str) -> Option<PathBuf> {
    let start = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let absolute = std::fs::canonicalize(start).ok()?;
    for d in absolute.ancestors() {
        let candidate = d.join(name);
        if candidate.is_file() {
            return Some(candidate);
        }
        if d.join(".git").exists() {
            return None;
        }
    }
    None
}
