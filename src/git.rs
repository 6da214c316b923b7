//! What git knows: the staged content of files and the files changed since a
//! reference, for `candor scan --staged` and `--changed-since`.

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
