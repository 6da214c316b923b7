//! What git knows: the staged content of files and the files changed since a
//! reference, for `candor scan --staged` and `--changed-since`, and the
//! commit a report is of.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git ({}): --staged and --changed-since need git installed", crate::text::io_reason(.0))]
    Spawn(#[from] std::io::Error),
    #[error("git {args} failed: {stderr}")]
    Failed { args: String, stderr: String },
    #[error("--staged and --changed-since need a git repository; {} is not in one", .0.display())]
    NotARepository(PathBuf),
    #[error(
        "--changed-since {0}: no branch, tag or commit of that name in this repository \
         (`git branch -a` lists the branches; in CI, fetch the base branch first)"
    )]
    UnknownReference(String),
    #[error("--changed-since {0}: a reference cannot start with `-`")]
    NotAReference(String),
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
    let out = git(dir, &["rev-parse", "--show-toplevel"]).map_err(|e| match e {
        GitError::Failed { stderr, .. } if stderr.contains("not a git repository") => {
            GitError::NotARepository(dir.to_path_buf())
        }
        other => other,
    })?;
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
    // A value that git would read as an option (`--output=FILE`) is refused.
    if reference.starts_with('-') {
        return Err(GitError::NotAReference(reference.to_string()));
    }
    let commit = format!("{reference}^{{commit}}");
    git(
        top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &commit,
        ],
    )
    .map_err(|_| GitError::UnknownReference(reference.to_string()))?;
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
/// repository controls). `None` outside a repository, for a worktree's
/// `.git` file, or when the files are not as git writes them.
///
/// Only regular files that really lie inside `.git` are read: a `.git`
/// that is a link, or a reference reached through a linked directory, is
/// refused, so a repository cannot make candor read a file elsewhere.
pub fn head_commit(dir: &Path) -> Option<String> {
    let git_dir = crate::workspace::repository_root(dir)?.join(".git");
    if !std::fs::symlink_metadata(&git_dir).is_ok_and(|m| m.is_dir()) {
        return None;
    }
    let inside = std::fs::canonicalize(&git_dir).ok()?;
    let read = |path: &Path| -> Option<String> {
        let real = std::fs::canonicalize(path).ok()?;
        let meta = std::fs::symlink_metadata(path).ok()?;
        if !real.starts_with(&inside) || !meta.is_file() {
            return None;
        }
        let bytes = crate::files::read_bounded(&real, 1 << 20).ok()?;
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

#[cfg(test)]
mod tests {
    use super::head_commit;

    const ID: &str = "0123456789abcdef0123456789abcdef01234567";

    fn repo(head: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join(".git/refs/heads")).unwrap();
        std::fs::write(dir.path().join(".git/HEAD"), head).unwrap();
        dir
    }

    #[test]
    fn the_commit_is_read_from_loose_and_packed_references() {
        let loose = repo("ref: refs/heads/main\n");
        std::fs::write(loose.path().join(".git/refs/heads/main"), format!("{ID}\n")).unwrap();
        assert_eq!(head_commit(loose.path()).as_deref(), Some(ID));
        let packed = repo("ref: refs/heads/main\n");
        std::fs::write(
            packed.path().join(".git/packed-refs"),
            format!("# pack-refs with: peeled\n{ID} refs/heads/main\n"),
        )
        .unwrap();
        assert_eq!(head_commit(packed.path()).as_deref(), Some(ID));
        let detached = repo(&format!("{ID}\n"));
        assert_eq!(head_commit(detached.path()).as_deref(), Some(ID));
    }

    #[cfg(unix)]
    #[test]
    fn nothing_outside_the_git_directory_is_read() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), format!("{ID}\n")).unwrap();
        std::fs::write(outside.path().join("HEAD"), format!("{ID}\n")).unwrap();
        // A linked directory of references.
        let linked_refs = repo("ref: refs/heads/secret\n");
        std::fs::remove_dir(linked_refs.path().join(".git/refs/heads")).unwrap();
        std::os::unix::fs::symlink(outside.path(), linked_refs.path().join(".git/refs/heads"))
            .unwrap();
        assert_eq!(head_commit(linked_refs.path()), None);
        // A linked reference file.
        let linked_file = repo("ref: refs/heads/main\n");
        std::os::unix::fs::symlink(
            outside.path().join("secret"),
            linked_file.path().join(".git/refs/heads/main"),
        )
        .unwrap();
        assert_eq!(head_commit(linked_file.path()), None);
        // A `.git` that is a link.
        let linked_git = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), linked_git.path().join(".git")).unwrap();
        assert_eq!(head_commit(linked_git.path()), None);
        // A reference that climbs out.
        let climbing = repo("ref: refs/../../../secret\n");
        assert_eq!(head_commit(climbing.path()), None);
    }
}
