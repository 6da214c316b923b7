//! The analysis cache: a warm scan reports byte for byte what a cold one
//! does, at any thread count and after edits, renames and deletions; a
//! damaged or foreign entry is rewritten, never believed; scans side by
//! side do not corrupt it; a cache the repository itself brings is not
//! used.

use std::path::{Path, PathBuf};

use candor::cache::CacheStats;
use candor::pipeline::{self, CacheChoice, Options, PolicyChoice};
use candor::rules::Rules;

mod common;
use common::run::{bounded_command, command, copy_dir, git, root};

/// A tree of three corpus apps in three languages, with their manifests.
fn tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for app in [
        "certshop-express",
        "easylink-flask",
        "bestcert-spring",
        "trustsign-rails",
    ] {
        let to = dir.path().join(app);
        std::fs::create_dir_all(&to).expect("mkdir");
        copy_dir(&root().join("corpus").join(app), &to);
    }
    dir
}

/// The JSON report of `candor scan TREE`, with the cache in `cache` (or
/// none), on `threads` threads.
fn scan(tree: &Path, cache: Option<&Path>, threads: usize) -> String {
    let threads = threads.to_string();
    let mut args = vec![
        "scan",
        ".",
        "--format",
        "json",
        "--fail-on",
        "never",
        "-j",
        &threads,
    ];
    let dir;
    match cache {
        Some(path) => {
            dir = path.display().to_string();
            args.extend(["--cache-dir", &dir]);
        }
        None => args.push("--no-cache"),
    }
    let mut run = command(&args);
    run.current_dir(tree);
    let out = bounded_command(run);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// How a scan of `tree` with the cache in `cache` used it.
fn stats(tree: &Path, cache: &Path) -> CacheStats {
    let rules = Rules::embedded().expect("rules");
    let options = Options {
        policy: PolicyChoice::Off,
        cache: CacheChoice::Dir(cache.to_path_buf()),
        ..Options::new(vec![tree.to_path_buf()])
    };
    let report = pipeline::run(&options, &rules).expect("scan");
    report.cache.expect("the cache was asked for")
}

/// The packs of the cache at `dir`, in its one configuration directory.
fn packs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for config in std::fs::read_dir(dir).expect("read dir").flatten() {
        if !config.path().is_dir() {
            continue;
        }
        for e in std::fs::read_dir(config.path())
            .expect("read dir")
            .flatten()
        {
            if e.path().extension().is_some_and(|x| x == "pack") {
                out.push(e.path());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn warm_scans_report_what_cold_ones_do() {
    let tree = tree();
    // A suppression comment, which a warm scan must still see.
    std::fs::write(
        tree.path().join("easylink-flask/easylink/audit.py"),
        "import logging\n\ndef audit(id_number):\n    logging.info(id_number)  # candor:ignore sensitive-data-logged -- audit log\n",
    )
    .expect("write");
    let cache = tempfile::tempdir().expect("cache dir");
    let reference = scan(tree.path(), None, 1);
    assert!(reference.contains("\"findings\""), "{reference}");
    assert!(reference.contains("\"inSource\""), "{reference}");
    assert_eq!(scan(tree.path(), Some(cache.path()), 8), reference, "cold");
    assert_eq!(
        scan(tree.path(), Some(cache.path()), 1),
        reference,
        "warm, 1 thread"
    );
    assert_eq!(
        scan(tree.path(), Some(cache.path()), 8),
        reference,
        "warm, 8 threads"
    );
    let warm = stats(tree.path(), cache.path());
    assert_eq!(warm.misses, 0, "{warm:?}");
    assert!(warm.hits > 10, "{warm:?}");

    // An edit that adds a flow, a file moved, a file deleted.
    let app = tree.path().join("easylink-flask");
    let edited = app.join("easylink/support.py");
    let mut text = std::fs::read_to_string(&edited).expect("read");
    text.push_str("\n\ndef audit():\n    print(request.form[\"email\"])\n");
    std::fs::write(&edited, text).expect("write");
    let moved = tree.path().join("certshop-express/src/routes/orders.ts");
    std::fs::rename(&moved, moved.with_file_name("purchases.ts")).expect("rename");
    std::fs::remove_file(
        tree.path().join(
            "bestcert-spring/src/main/java/net/bestcert/console/CertificationController.java",
        ),
    )
    .expect("delete");
    let changed = scan(tree.path(), None, 1);
    assert_ne!(changed, reference, "the edits change the report");
    assert_eq!(
        scan(tree.path(), Some(cache.path()), 8),
        changed,
        "after edits, 8 threads"
    );
    assert_eq!(
        scan(tree.path(), Some(cache.path()), 1),
        changed,
        "after edits, 1 thread"
    );
    assert_eq!(stats(tree.path(), cache.path()).misses, 0, "all kept");
}

/// Test code is not analysed, and not part of what the join reads: a scan
/// where nothing changed keeps the join's findings, and one where a test
/// changed does too.
#[test]
fn the_join_is_kept_when_nothing_it_reads_changed() {
    let tree = tree();
    let test = tree.path().join("easylink-flask/tests/test_extra.py");
    std::fs::create_dir_all(test.parent().unwrap()).expect("mkdir");
    std::fs::write(&test, "def test_signup(email):\n    print(email)\n").expect("write");
    let cache = tempfile::tempdir().expect("cache dir");
    let cold = stats(tree.path(), cache.path());
    assert!(!cold.join_kept, "{cold:?}");
    let warm = stats(tree.path(), cache.path());
    assert!(warm.join_kept, "{warm:?}");
    std::fs::write(&test, "def test_signup(phone):\n    print(phone)\n").expect("write");
    assert!(stats(tree.path(), cache.path()).join_kept);
    let app = tree.path().join("easylink-flask/easylink/extra.py");
    std::fs::write(&app, "def log_it(email):\n    print(email)\n").expect("write");
    assert!(!stats(tree.path(), cache.path()).join_kept);
}

#[test]
fn only_changed_files_are_analysed_again() {
    let tree = tree();
    let cache = tempfile::tempdir().expect("cache dir");
    let cold = stats(tree.path(), cache.path());
    assert_eq!(cold.hits, 0, "{cold:?}");
    assert_eq!(cold.written, cold.misses, "{cold:?}");
    let file = tree.path().join("easylink-flask/easylink/support.py");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\n# edited\n")).expect("write");
    let moved = tree.path().join("certshop-express/src/routes/orders.ts");
    std::fs::rename(&moved, moved.with_file_name("purchases.ts")).expect("rename");
    let after = stats(tree.path(), cache.path());
    assert_eq!(after.misses, 2, "the edited and the moved file: {after:?}");
    assert_eq!(after.hits, cold.misses - 2, "{after:?}");
    assert_eq!((after.packs, after.written), (2, 2), "{after:?}");
}

#[test]
fn damaged_and_foreign_packs_and_joins_are_not_believed() {
    let tree = tree();
    let cache = tempfile::tempdir().expect("cache dir");
    let reference = scan(tree.path(), None, 2);
    let cold = stats(tree.path(), cache.path());
    let [pack] = packs(cache.path()).try_into().expect("one pack");
    let bytes = std::fs::read(&pack).expect("read");
    let tail = 40 + 60 * cold.written;

    // Bytes flipped inside five entries: those are analysed again.
    let mut flipped = bytes.clone();
    let body = 8..bytes.len() - tail;
    for k in 1..=5 {
        flipped[body.start + body.len() * k / 6] ^= 0x55;
    }
    std::fs::write(&pack, &flipped).expect("write");
    let read = stats(tree.path(), cache.path());
    assert!((1..=5).contains(&read.misses), "{read:?}");
    assert_eq!(read.written, read.misses, "{read:?}");
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), reference);

    // A truncated pack is not read at all; its files are analysed again.
    for pack in packs(cache.path()) {
        let bytes = std::fs::read(&pack).expect("read");
        std::fs::write(&pack, &bytes[..bytes.len() / 2]).expect("write");
    }
    let read = stats(tree.path(), cache.path());
    assert_eq!(read.hits, 0, "{read:?}");
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), reference);
    assert_eq!(stats(tree.path(), cache.path()).misses, 0, "rewritten");

    // Not packs, a link out of the cache, and another tree's pack: none
    // changes what is reported.
    let config = pack.parent().expect("config dir");
    std::fs::write(config.join("garbage.pack"), b"not a pack at all").expect("write");
    std::fs::create_dir(config.join("dir.pack")).expect("mkdir");
    #[cfg(unix)]
    {
        let outside = tempfile::tempdir().expect("dir");
        std::os::unix::fs::symlink(outside.path().join("x"), config.join("link.pack"))
            .expect("link");
    }
    let other_tree = tempfile::tempdir().expect("dir");
    copy_dir(&root().join("corpus/realname-gin"), other_tree.path());
    let other_cache = tempfile::tempdir().expect("dir");
    stats(other_tree.path(), other_cache.path());
    for (i, foreign) in packs(other_cache.path()).iter().enumerate() {
        std::fs::copy(foreign, config.join(format!("0000foreign{i}.pack"))).expect("copy");
    }
    let read = stats(tree.path(), cache.path());
    assert_eq!(read.misses, 0, "{read:?}");
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), reference);

    // The kept join: damaged, or another tree's under this one's name.
    let joins: Vec<PathBuf> = std::fs::read_dir(config)
        .expect("read dir")
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("linked-"))
        })
        .collect();
    assert!(!joins.is_empty(), "the join is kept");
    for join in &joins {
        let mut bytes = std::fs::read(join).expect("read");
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        std::fs::write(join, bytes).expect("write");
    }
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), reference);
    let other_config = packs(other_cache.path())[0]
        .parent()
        .expect("dir")
        .to_path_buf();
    for foreign in std::fs::read_dir(&other_config)
        .expect("read dir")
        .flatten()
    {
        if foreign.file_name().to_string_lossy().starts_with("linked-") {
            for join in &joins {
                std::fs::copy(foreign.path(), join).expect("copy");
            }
        }
    }
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), reference);
}

#[test]
fn packs_are_folded_into_one_when_they_pile_up() {
    let tree = tree();
    let cache = tempfile::tempdir().expect("cache dir");
    let cold = stats(tree.path(), cache.path());
    let file = tree.path().join("easylink-flask/easylink/support.py");
    let text = std::fs::read_to_string(&file).expect("read");
    for edit in 1..=8 {
        std::fs::write(&file, format!("{text}\n# edit {edit}\n")).expect("write");
        let after = stats(tree.path(), cache.path());
        assert_eq!(after.misses, 1, "{after:?}");
        if edit < 8 {
            assert_eq!(after.packs, edit + 1, "{after:?}");
        } else {
            // Nine packs: folded into one of the files there are.
            assert_eq!(after.packs, 1, "{after:?}");
            assert_eq!(after.entries, cold.written, "{after:?}");
            assert_eq!(after.pruned, 8, "{after:?}");
        }
    }
    assert_eq!(packs(cache.path()).len(), 1);
}

#[test]
fn scans_side_by_side_share_one_cache() {
    let tree = tree();
    let cache = tempfile::tempdir().expect("cache dir");
    let reference = scan(tree.path(), None, 2);
    let outputs: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = (0..4)
            .map(|_| s.spawn(|| scan(tree.path(), Some(cache.path()), 2)))
            .collect();
        runs.into_iter().map(|r| r.join().expect("scan")).collect()
    });
    for out in outputs {
        assert_eq!(out, reference);
    }
    let warm = stats(tree.path(), cache.path());
    assert_eq!(warm.misses, 0, "{warm:?}");
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), reference);
}

#[test]
fn the_default_cache_is_at_the_repository_root_and_ignored_by_git() {
    let tree = tree();
    git(tree.path(), &["init", "-q"]);
    let app = tree.path().join("easylink-flask");
    let mut run = command(&["scan", ".", "--format", "json", "--fail-on", "never"]);
    run.current_dir(&app).env_remove("CANDOR_CACHE_DIR");
    let out = bounded_command(run);
    assert!(out.status.success());
    let cache = tree.path().join(".candor_cache");
    assert!(cache.join(".gitignore").is_file(), "made at the top");
    assert!(!app.join(".candor_cache").exists());
    let mut status = std::process::Command::new("git");
    status
        .args(["status", "--porcelain", "--untracked-files=all"])
        .current_dir(tree.path());
    let listed = String::from_utf8(status.output().expect("git").stdout).expect("UTF-8");
    assert!(!listed.contains(".candor_cache"), "{listed}");

    let mut off = command(&["scan", ".", "--no-cache", "--fail-on", "never"]);
    let fresh = tempfile::tempdir().expect("dir");
    copy_dir(&root().join("corpus/easylink-flask"), fresh.path());
    off.current_dir(fresh.path());
    assert!(bounded_command(off).status.success());
    assert!(
        !fresh.path().join(".candor_cache").exists(),
        "--no-cache writes nothing"
    );
}

#[test]
fn a_cache_the_repository_brings_is_not_used() {
    let tree = tree();
    git(tree.path(), &["init", "-q"]);
    let reference = scan(tree.path(), None, 2);
    let default_scan = || {
        let mut run = command(&["scan", ".", "--format", "json", "--fail-on", "never"]);
        run.current_dir(tree.path()).env_remove("CANDOR_CACHE_DIR");
        bounded_command(run)
    };
    assert!(default_scan().status.success());
    // Committed: its entries may say anything.
    git(tree.path(), &["add", "-f", ".candor_cache"]);
    let out = default_scan();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("git tracks files in it"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), reference);

    // A link to a directory outside the repository.
    let outside = tempfile::tempdir().expect("dir");
    let other = self::tree();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(outside.path(), other.path().join(".candor_cache"))
            .expect("link");
        let mut run = command(&["scan", ".", "--format", "json", "--fail-on", "never"]);
        run.current_dir(other.path()).env_remove("CANDOR_CACHE_DIR");
        let out = bounded_command(run);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("a link"), "{err}");
        let written = std::fs::read_dir(outside.path()).expect("read").count();
        assert_eq!(written, 0, "nothing written through the link");
    }
}

#[test]
#[cfg(unix)]
fn links_inside_the_cache_are_not_written_through() {
    let tree = tree();
    let cache = tempfile::tempdir().expect("cache dir");
    let reference = scan(tree.path(), None, 2);
    scan(tree.path(), Some(cache.path()), 2);
    let config = packs(cache.path())[0].parent().expect("dir").to_path_buf();
    let outside = tempfile::tempdir().expect("dir");
    let victim = outside.path().join("victim");
    std::fs::write(&victim, b"keep me").expect("write");
    // Every name the cache writes or touches, replaced by a link out.
    for name in ["last-used", "fake.pack"] {
        let path = config.join(name);
        let _ = std::fs::remove_file(&path);
        std::os::unix::fs::symlink(&victim, &path).expect("link");
    }
    for join in std::fs::read_dir(&config).expect("read dir").flatten() {
        if join.file_name().to_string_lossy().starts_with("linked-") {
            std::fs::remove_file(join.path()).expect("remove");
            std::os::unix::fs::symlink(&victim, join.path()).expect("link");
        }
    }
    let file = tree.path().join("easylink-flask/easylink/support.py");
    let text = std::fs::read_to_string(&file).expect("read");
    std::fs::write(&file, format!("{text}\n# edited\n")).expect("write");
    let edited = scan(tree.path(), None, 2);
    assert_eq!(scan(tree.path(), Some(cache.path()), 2), edited);
    assert_eq!(std::fs::read(&victim).expect("read"), b"keep me");
    assert_ne!(edited, reference);
}
