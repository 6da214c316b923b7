//! What git knows: the staged content of files and the files changed since a
//! reference, for `candor scan --staged` and `--changed-since`, and the
//! commit a report is of.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(#[from] std::io::Error),
    #[error("git {args} failed: {stderr}")]
    Failed { args: String, stderr: String },
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git").args(args).current_dir(dir).output()?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}

/// The top directory of the repository containing `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    let out = git(dir, &["rev-parse", "--show-toplevel"])?;
    let top = PathBuf::from(String::from_utf8_lossy(&out).trim());
    Ok(std::fs::canonicalize(&top).unwrap_or(top))
}

/// NUL-separated names relative to `top`, as absolute canonical paths.
fn names(out: &[u8], top: &Path) -> Vec<PathBuf> {
    out.split(|b| *b == 0)
        .filter(|n| !n.is_empty())
        .map(|n| top.join(String::from_utf8_lossy(n).as_ref()))
        .map(|p| std::fs::canonicalize(&p).unwrap_or(p))
        .collect()
}

/// Staged files (added, copied, modified, renamed) with their staged content,
/// keyed by absolute path: the index, not the working tree.
pub fn staged(top: &Path) -> Result<HashMap<PathBuf, Vec<u8>>, GitError> {
    let list = git(
        top,
        &[
            "diff",
            "--cached",
            "--name-only",
            "--diff-filter=ACMR",
            "-z",
        ],
    )?;
    let mut out = HashMap::new();
    for path in names(&list, top) {
        let rel = path
            .strip_prefix(top)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        out.insert(path, git(top, &["show", &format!(":{rel}")])?);
    }
    Ok(out)
}

/// Files changed between the merge base of `reference` and `HEAD`, and in
/// the working tree since: what a pull request changes.
pub fn changed_since(top: &Path, reference: &str) -> Result<Vec<PathBuf>, GitError> {
    let range = format!("{reference}...HEAD");
    let mut out = names(
        &git(
            top,
            &["diff", "--name-only", "--diff-filter=ACMR", "-z", &range],
        )?,
        top,
    );
    out.extend(names(
        &git(
            top,
            &["diff", "--name-only", "--diff-filter=ACMR", "-z", "HEAD"],
        )?,
        top,
    ));
    out.extend(names(
        &git(top, &["ls-files", "--others", "--exclude-standard", "-z"])?,
        top,
    ));
    out.sort();
    out.dedup();
    Ok(out)
}

/// The commit checked out in the repository `dir` is in, read from its
/// `.git` directory without running git (whose configuration a scanned
/// repository controls). `None` outside a repository, for a detached
/// worktree's `.git` file, or when the files are not as git writes them.
pub fn head_commit(dir: &Path) -> Option<String> {
    let git_dir = crate::workspace::repository_root(dir)?.join(".git");
    let read = |path: &Path| -> Option<String> {
        if crate::files::entry(path, Some(&git_dir)) != crate::files::Entry::File {
            return None;
        }
        let bytes = crate::files::read_bounded(path, 1 << 20).ok()?;
        String::from_utf8(bytes).ok()
    };
    let is_id = |s: &str| s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit());
    let head = read(&git_dir.join("HEAD"))?;
    let head = head.trim();
    if is_id(head) {
        return Some(head.to_ascii_lowercase());
    }
    let reference = head.strip_prefix("ref: ")?.trim();
    // A reference names a file under `.git/refs`; nothing may climb out.
    if !reference.starts_with("refs/") || reference.split('/').any(|p| p == ".." || p.is_empty()) {
        return None;
    }
    if let Some(loose) = read(&git_dir.join(reference)) {
        let id = loose.trim();
        return is_id(id).then(|| id.to_ascii_lowercase());
    }
    let packed = read(&git_dir.join("packed-refs"))?;
    packed.lines().find_map(|line| {
        let (id, name) = line.split_once(' ')?;
        (name.trim() == reference && is_id(id)).then(|| id.to_ascii_lowercase())
    })
}
