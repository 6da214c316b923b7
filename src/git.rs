//! What git knows: the staged content of files and the files changed since a
//! reference, for `candor scan --staged` and `--changed-since`, and the
//! commit a report is of.
//!
//! The scanned repository is untrusted, and so is its `.git/config`: it can
//! name commands for git to run (`core.fsmonitor`, filter drivers, diff
//! drivers, hooks, an SSH command for a lazy fetch) and point the work tree
//! elsewhere (`core.worktree`). Every git command candor runs goes through
//! [`Repo::run`], which switches those off (see `docs/security.md`, `## git`):
//!
//! - settings on the command line, which win over every configuration file,
//!   also one the repository includes: no file system monitor, no hooks, no
//!   pager, no credential helper, no SSH command, no transport;
//! - every filter driver any configuration defines, emptied (through
//!   `GIT_CONFIG_COUNT`, which takes any driver name) so that no `clean`,
//!   `smudge` or `process` command runs;
//! - diffs with `--no-ext-diff --no-textconv`, and staged content read by
//!   object id with `git cat-file --batch`, which applies no filter and no
//!   textconv;
//! - no lazy fetch of missing objects, no prompt, no optional locks;
//! - a time limit, after which git is stopped (a FIFO as `.gitignore`
//!   blocks git's `open()` for ever).
//!
//! The system and global configuration are kept: they are the machine's
//! and the user's, not the repository's, and hold `safe.directory`, without
//! which git refuses a checkout another user owns (as in CI containers).
//!
//! File names are bytes, not text: a name that is not UTF-8 is read as it
//! is on Unix and reported elsewhere, and one file git names never fails the
//! whole scan.

use std::collections::{BTreeSet, HashMap};
use std::ffi::{OsStr, OsString};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

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
    #[error(
        "git {args} did not finish within {seconds} s and was stopped (a FIFO or a very slow \
         file system in the repository?); {TIMEOUT_VARIABLE} sets the limit in seconds"
    )]
    TimedOut { args: String, seconds: u64 },
    #[error(
        "{} is in a repository whose work tree git says is {} (its `core.worktree` setting \
         or GIT_WORK_TREE): --staged and --changed-since only scan the repository the scanned \
         path is in, from its own directory",
        .start.display(),
        .top.display()
    )]
    WorkTreeElsewhere { start: PathBuf, top: PathBuf },
}

/// The variable that sets the time limit of one git command, in seconds.
pub const TIMEOUT_VARIABLE: &str = "CANDOR_GIT_TIMEOUT";

/// The time limit of one git command unless [`TIMEOUT_VARIABLE`] says
/// otherwise: far above what listing the changes of a large repository
/// takes, far below a CI job's limit.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// Global options given to every git command. Settings given with `-c`
/// win over the repository's configuration files, also over a file its
/// `include.path` names.
const HARDENING: &[&str] = &[
    "--no-pager",
    "--no-optional-locks",
    "--literal-pathspecs",
    // The file system monitor is a command (or a daemon) git starts when
    // it reads the index.
    "-c",
    "core.fsmonitor=false",
    "-c",
    "core.untrackedCache=false",
    // No hook (`post-index-change`, ...) is found under a file.
    "-c",
    "core.hooksPath=/dev/null",
    "-c",
    "core.pager=cat",
    // Nothing is fetched (see also GIT_ALLOW_PROTOCOL and
    // GIT_NO_LAZY_FETCH), so no SSH command, proxy or credential helper
    // is needed.
    "-c",
    "core.sshCommand=false",
    "-c",
    "core.askPass=",
    "-c",
    "credential.helper=",
    "-c",
    "protocol.allow=never",
    "-c",
    "log.showSignature=false",
    "-c",
    "gc.auto=0",
    "-c",
    "maintenance.auto=false",
];

/// The environment of every git command.
const ENVIRONMENT: &[(&str, &str)] = &[
    ("GIT_TERMINAL_PROMPT", "0"),
    ("GIT_OPTIONAL_LOCKS", "0"),
    // A partial clone fetches a missing object from its promisor remote,
    // with the repository's SSH command: never.
    ("GIT_NO_LAZY_FETCH", "1"),
    // Set and empty: no transport at all, whatever the configuration allows.
    ("GIT_ALLOW_PROTOCOL", ""),
    ("GIT_PAGER", "cat"),
];

/// Options of every `git diff`: names only, no command, no colour, no
/// submodule, paths from the top of the work tree.
const DIFF_OPTIONS: &[&str] = &[
    "--no-ext-diff",
    "--no-textconv",
    "--no-color",
    "--no-relative",
    "--ignore-submodules=all",
    "-z",
];

/// The most of git's standard error kept for a message.
const MAX_STDERR: u64 = 64 << 10;

/// The files git names, and what candor does with each.
#[derive(Debug, Default)]
pub struct Listed {
    /// Files to scan: absolute paths, their directories resolved (the file
    /// itself may be a link, judged when it is read).
    pub files: Vec<PathBuf>,
    /// Content to read instead of the working tree's, by path: the staged
    /// blobs, each cut at the limit given (plus one byte).
    pub contents: HashMap<PathBuf, Vec<u8>>,
    /// Files git names that are not read, with the reason.
    pub refused: Vec<(PathBuf, String)>,
}

/// A repository, as far as candor asks git about it.
#[derive(Debug)]
pub struct Repo {
    /// The top of the work tree, resolved.
    top: PathBuf,
    /// `GIT_CONFIG_COUNT`, `GIT_CONFIG_KEY_n` and `GIT_CONFIG_VALUE_n`
    /// emptying every filter driver.
    config: Vec<(OsString, OsString)>,
}

impl Repo {
    /// The repository `start` (a directory) is in. Its work tree must hold
    /// `start` and be where the repository's `.git` is: a `core.worktree`
    /// that points elsewhere is refused.
    pub fn open(start: &Path) -> Result<Repo, GitError> {
        let mut repo = Repo {
            top: PathBuf::new(),
            config: Vec::new(),
        };
        let out = repo
            .output_in(start, &["rev-parse", "--show-toplevel"])
            .map_err(|e| match e {
                GitError::Failed { stderr, .. } if stderr.contains("not a git repository") => {
                    GitError::NotARepository(start.to_path_buf())
                }
                other => other,
            })?;
        let line = out.strip_suffix(b"\n").unwrap_or(&out);
        let top = path_from_bytes(line)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from(String::from_utf8_lossy(line).as_ref()));
        let top = std::fs::canonicalize(&top).unwrap_or(top);
        let start_resolved = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
        let nearest = crate::workspace::repository_root(start);
        if !start_resolved.starts_with(&top) || nearest.is_some_and(|r| r != top) {
            return Err(GitError::WorkTreeElsewhere {
                start: start_resolved,
                top,
            });
        }
        repo.top = top;
        repo.config = repo.emptied_filters()?;
        Ok(repo)
    }

    /// The top directory of the work tree.
    pub fn top(&self) -> &Path {
        &self.top
    }

    /// Whether git tracks any file at or below `path` (resolved, inside the
    /// work tree).
    pub fn tracks_any(&self, path: &Path) -> Result<bool, GitError> {
        let relative = path.strip_prefix(&self.top).unwrap_or(path);
        let relative = relative.to_string_lossy();
        let out = self.output(&["ls-files", "-z", "--", &relative])?;
        Ok(!out.is_empty())
    }

    /// `GIT_CONFIG_*` variables that empty every filter driver a
    /// configuration defines: `process` set and empty also keeps `clean`
    /// and `smudge` from running, and a driver that is `required` would
    /// fail without them.
    fn emptied_filters(&self) -> Result<Vec<(OsString, OsString)>, GitError> {
        let args = ["config", "--null", "--get-regexp", r"^filter\."];
        let ran = self.run_in(&self.top, &args, None, read_all)?;
        // 1: no such setting.
        if !ran.status.success() && ran.status.code() != Some(1) {
            return Err(ran.failure(&args));
        }
        let drivers: BTreeSet<&[u8]> = ran
            .out
            .split(|b| *b == 0)
            .filter_map(|record| {
                let key = record.split(|b| *b == b'\n').next()?;
                let rest = key.strip_prefix(b"filter.")?;
                let dot = rest.iter().rposition(|b| *b == b'.')?;
                Some(&rest[..dot])
            })
            .collect();
        let first = std::env::var("GIT_CONFIG_COUNT")
            .ok()
            .and_then(|n| n.trim().parse::<usize>().ok())
            .unwrap_or(0);
        let mut config = Vec::new();
        let mut n = first;
        for driver in drivers {
            let driver = os_string(driver);
            for (variable, value) in [
                ("process", ""),
                ("clean", ""),
                ("smudge", ""),
                ("required", "false"),
            ] {
                let mut key = OsString::from("filter.");
                key.push(&driver);
                key.push(".");
                key.push(variable);
                config.push((OsString::from(format!("GIT_CONFIG_KEY_{n}")), key));
                config.push((
                    OsString::from(format!("GIT_CONFIG_VALUE_{n}")),
                    OsString::from(value),
                ));
                n += 1;
            }
        }
        if n > first {
            config.push(("GIT_CONFIG_COUNT".into(), n.to_string().into()));
        }
        Ok(config)
    }

    /// Files staged for commit (added, copied, modified, or changed in type)
    /// with their staged content, at most `limit_of(path) + 1` bytes of each: the
    /// index, not the working tree. Blobs are read by object id, so no
    /// name is ever read as one of git's revision expressions (`:/text`,
    /// `:0:name`). A staged symbolic link is reported, not followed.
    pub fn staged(&self, limit_of: &dyn Fn(&Path) -> u64) -> Result<Listed, GitError> {
        let raw = self.output(
            &[
                &["diff", "--cached", "--raw", "--no-abbrev", "--no-renames"],
                DIFF_OPTIONS,
                &["--diff-filter=ACMT"],
            ]
            .concat(),
        )?;
        let mut listed = Listed::default();
        let mut wanted: Vec<(PathBuf, String, u64)> = Vec::new();
        let mut fields = raw.split(|b| *b == 0);
        while let Some(meta) = fields.next() {
            if meta.is_empty() {
                continue;
            }
            let Some(name) = fields.next() else {
                break;
            };
            // `:100644 100644 <old id> <new id> M`
            let meta = String::from_utf8_lossy(meta);
            let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
            let [_, mode, _, id, _] = parts[..] else {
                continue;
            };
            let Some(path) = self.path(name, &mut listed) else {
                continue;
            };
            match mode {
                "100644" | "100755" if id.bytes().any(|b| b != b'0') => {
                    let limit = limit_of(&path);
                    wanted.push((path, id.to_string(), limit));
                }
                "120000" => listed
                    .refused
                    .push((path, "a staged symbolic link; not followed".into())),
                _ => {}
            }
        }
        let input: String = wanted.iter().map(|(_, id, _)| format!("{id}\n")).collect();
        let limits: Vec<u64> = wanted.iter().map(|(_, _, limit)| *limit).collect();
        let args = ["cat-file", "--batch"];
        let ran = self.run_in(&self.top, &args, Some(input.into_bytes()), move |out| {
            read_batch(out, &limits)
        })?;
        if !ran.status.success() {
            return Err(ran.failure(&args));
        }
        let mut blobs = ran.out.into_iter();
        for (path, _, _) in wanted {
            match blobs.next().flatten() {
                Some(bytes) => {
                    listed.files.push(path.clone());
                    listed.contents.insert(path, bytes);
                }
                None => listed.refused.push((
                    path,
                    "its staged content is not among the repository's objects; not read".into(),
                )),
            }
        }
        listed.files.sort();
        listed.files.dedup();
        Ok(listed)
    }

    /// Files changed between the merge base of `reference` and `HEAD`, and
    /// in the working tree since, and new files git does not ignore: what a
    /// pull request changes.
    pub fn changed_since(&self, reference: &str) -> Result<Listed, GitError> {
        // A value that git would read as an option (`--output=FILE`) is refused.
        if reference.starts_with('-') {
            return Err(GitError::NotAReference(reference.to_string()));
        }
        let commit = format!("{reference}^{{commit}}");
        self.output(&[
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &commit,
        ])
        .map_err(|e| match e {
            GitError::Failed { .. } => GitError::UnknownReference(reference.to_string()),
            other => other,
        })?;
        let range = format!("{reference}...HEAD");
        let diff = |against: &str| {
            self.output(
                &[
                    &["diff", "--name-only", "--diff-filter=ACMR"],
                    DIFF_OPTIONS,
                    &[against],
                ]
                .concat(),
            )
        };
        let mut names = diff(&range)?;
        names.push(0);
        names.extend(diff("HEAD")?);
        names.push(0);
        names.extend(self.output(&["ls-files", "--others", "--exclude-standard", "-z"])?);
        let mut listed = Listed::default();
        for name in names.split(|b| *b == 0).filter(|n| !n.is_empty()) {
            if let Some(path) = self.path(name, &mut listed) {
                listed.files.push(path);
            }
        }
        listed.files.sort();
        listed.files.dedup();
        listed.refused.sort();
        listed.refused.dedup();
        Ok(listed)
    }

    /// The absolute path of a name git gives (relative to the top of the
    /// work tree), its directories resolved; `None`, with the reason in
    /// `listed`, for a name that cannot be a path here or that leads out of
    /// the work tree through a linked directory.
    fn path(&self, name: &[u8], listed: &mut Listed) -> Option<PathBuf> {
        let Some(relative) = path_from_bytes(name) else {
            let shown = self.top.join(String::from_utf8_lossy(name).as_ref());
            listed.refused.push((
                shown,
                "a file name that is not UTF-8, which this system cannot open; not read".into(),
            ));
            return None;
        };
        let relative = Path::new(relative);
        if !relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        {
            listed.refused.push((
                self.top.join(relative),
                "not a path inside the repository; not read".into(),
            ));
            return None;
        }
        let path = crate::files::resolve_directories(&self.top.join(relative));
        if !path.starts_with(&self.top) {
            listed.refused.push((
                self.top.join(relative),
                "in a directory linked out of the repository; not read".into(),
            ));
            return None;
        }
        Some(path)
    }

    /// What `git ARGS` printed, run at the top of the work tree; failing
    /// unless it succeeded.
    fn output(&self, args: &[&str]) -> Result<Vec<u8>, GitError> {
        self.output_in(&self.top, args)
    }

    fn output_in(&self, dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
        let ran = self.run_in(dir, args, None, read_all)?;
        if !ran.status.success() {
            return Err(ran.failure(args));
        }
        Ok(ran.out)
    }

    /// Runs `git ARGS` in `dir`, hardened (see the module's documentation),
    /// with `input` on its standard input and `read` reading its standard
    /// output; stopped after the time limit.
    fn run_in<T: Send>(
        &self,
        dir: &Path,
        args: &[&str],
        input: Option<Vec<u8>>,
        read: impl FnOnce(&mut dyn Read) -> io::Result<T> + Send,
    ) -> Result<Ran<T>, GitError> {
        let mut command = Command::new("git");
        command
            .args(HARDENING)
            .args(args)
            .current_dir(dir)
            .envs(ENVIRONMENT.iter().copied())
            .envs(
                self.config
                    .iter()
                    .map(|(k, v)| (k.as_os_str(), v.as_os_str())),
            )
            .stdin(if input.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = command.spawn()?;
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let limit = timeout();
        std::thread::scope(|scope| {
            scope.spawn(move || {
                if let (Some(mut pipe), Some(bytes)) = (stdin, input) {
                    let _ = pipe.write_all(&bytes);
                }
            });
            let reader = scope.spawn(move || -> io::Result<T> {
                let mut pipe = stdout.take().ok_or_else(|| io::Error::other("no output"))?;
                let read = read(&mut pipe);
                // Whatever is left, so that git never waits on a full pipe.
                let _ = io::copy(&mut pipe, &mut io::sink());
                read
            });
            let errors = scope.spawn(move || {
                let mut kept = Vec::new();
                if let Some(mut pipe) = stderr.take() {
                    let _ = (&mut pipe).take(MAX_STDERR).read_to_end(&mut kept);
                    let _ = io::copy(&mut pipe, &mut io::sink());
                }
                kept
            });
            let start = Instant::now();
            let mut pause = Duration::from_millis(1);
            let status = loop {
                if let Some(status) = child.try_wait()? {
                    break status;
                }
                if start.elapsed() > limit {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(GitError::TimedOut {
                        args: args.join(" "),
                        seconds: limit.as_secs(),
                    });
                }
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(50));
            };
            let stderr = errors.join().unwrap_or_default();
            let stderr = String::from_utf8_lossy(&stderr).trim().to_string();
            let read = reader
                .join()
                .map_err(|_| io::Error::other("reading git's output failed"))?;
            match read {
                Ok(out) => Ok(Ran {
                    status,
                    out,
                    stderr,
                }),
                Err(_) if !status.success() => Err(GitError::Failed {
                    args: args.join(" "),
                    stderr,
                }),
                Err(e) => Err(GitError::Spawn(e)),
            }
        })
    }
}

/// How a git command ended and what it printed.
struct Ran<T> {
    status: ExitStatus,
    out: T,
    /// Its standard error (the start of it), trimmed.
    stderr: String,
}

impl<T> Ran<T> {
    /// The error of `git ARGS` having failed so.
    fn failure(&self, args: &[&str]) -> GitError {
        GitError::Failed {
            args: args.join(" "),
            stderr: self.stderr.clone(),
        }
    }
}

/// The time limit of one git command: [`TIMEOUT_VARIABLE`] seconds, else
/// [`DEFAULT_TIMEOUT`].
fn timeout() -> Duration {
    std::env::var(TIMEOUT_VARIABLE)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .map_or(DEFAULT_TIMEOUT, Duration::from_secs)
}

fn read_all(out: &mut dyn Read) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    out.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// The answers of `git cat-file --batch` to `count` object ids: each
/// blob's first `limit + 1` bytes, `None` for an object that is missing or
/// not a blob.
fn read_batch(out: &mut dyn Read, limits: &[u64]) -> io::Result<Vec<Option<Vec<u8>>>> {
    let mut reader = BufReader::new(out);
    let mut found = Vec::with_capacity(limits.len());
    for &limit in limits {
        let mut header = Vec::new();
        if reader.read_until(b'\n', &mut header)? == 0 {
            break;
        }
        // `<id> <type> <size>`, or `<id> missing`.
        let header = String::from_utf8_lossy(&header);
        let mut parts = header.trim_end().split(' ').skip(1);
        let (kind, size) = (
            parts.next(),
            parts.next().and_then(|s| s.parse::<u64>().ok()),
        );
        let (Some(kind), Some(size)) = (kind, size) else {
            found.push(None);
            continue;
        };
        let mut bytes = Vec::new();
        (&mut reader)
            .take(size.min(limit.saturating_add(1)))
            .read_to_end(&mut bytes)?;
        let rest = size - bytes.len() as u64;
        io::copy(&mut (&mut reader).take(rest), &mut io::sink())?;
        let mut newline = [0u8; 1];
        reader.read_exact(&mut newline)?;
        found.push((kind == "blob").then_some(bytes));
    }
    Ok(found)
}

/// A name git printed, as a path: its bytes on Unix; elsewhere, where
/// names are Unicode, only a UTF-8 one.
#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> Option<&OsStr> {
    use std::os::unix::ffi::OsStrExt;
    Some(OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> Option<&OsStr> {
    std::str::from_utf8(bytes).ok().map(OsStr::new)
}

/// Bytes from git's output as an environment value.
fn os_string(bytes: &[u8]) -> OsString {
    path_from_bytes(bytes).map_or_else(
        || OsString::from(String::from_utf8_lossy(bytes).into_owned()),
        OsStr::to_os_string,
    )
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
