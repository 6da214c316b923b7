//! Fixture tests: every file under `tests/fixtures/<language>/` is scanned and
//! its findings must equal the inline expectation markers exactly.
//!
//! A marker is a comment at the end of the line where a finding starts:
//! `# expect: logged user.contact.email` or, for several,
//! `// expect: collected user.contact.phone_number; shared user.contact.phone_number -> twilio`.
//! Lines without a marker must produce no finding, so every fixture is both a
//! positive and a negative test.
//!
//! A known gap is written `missed: <kind> <category>` with the reason after
//! `--`: the test checks that the finding is indeed absent, so that closing
//! the gap forces the marker to become an `expect:`.
//!
//! A format without comments (JSON) keeps its markers in a sidecar file named
//! like the fixture plus `.expect` (`swagger2.json.expect`), one marker per
//! line prefixed with the line number it stands for:
//! `12: expect: collected user.contact.email`. Blank lines and lines starting
//! with `#` are ignored there. The fixture's own lines still count as
//! negatives wherever the sidecar has no marker.

use std::path::{Path, PathBuf};

use candor::classify::Classifier;
use candor::flow::FlowOptions;
use candor::language::Language;
use candor::project;
use candor::rules::Rules;
use candor::scan::{analyze_schema, analyze_source};
use candor::schemas::SchemaKind;

mod common;
use common::markers::compare;

/// The text markers are read from: the fixture's own, or its `.expect`
/// sidecar turned into marker lines at the line numbers it gives.
fn marker_text(file: &Path, text: &str) -> String {
    let mut sidecar = file.as_os_str().to_owned();
    sidecar.push(".expect");
    let Ok(lines) = std::fs::read_to_string(&sidecar) else {
        return text.to_string();
    };
    let mut out = vec![String::new(); text.lines().count()];
    for (i, entry) in lines.lines().enumerate() {
        let entry = entry.trim();
        if entry.is_empty() || entry.starts_with('#') {
            continue;
        }
        let (line, marker) = entry
            .split_once(':')
            .and_then(|(n, m)| Some((n.trim().parse::<usize>().ok()?, m)))
            .unwrap_or_else(|| panic!("{}:{}: expected `LINE: marker`", sidecar.display(), i + 1));
        let slot = out
            .get_mut(line.wrapping_sub(1))
            .unwrap_or_else(|| panic!("{}:{}: no line {line}", sidecar.display(), i + 1));
        slot.push_str(marker);
    }
    out.join("\n")
}

fn fixture_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("read fixtures dir")
            .flatten()
        {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if Language::for_path(&p).is_some() || SchemaKind::for_file(&p).is_some() {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

#[test]
fn fixtures_match_their_markers() {
    let rules = Rules::embedded().expect("embedded rules load");
    let classifier = Classifier::new(&rules);
    let files = fixture_files();
    assert!(!files.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("fixture is UTF-8");
        let shown = file
            .strip_prefix(env!("CARGO_MANIFEST_DIR"))
            .unwrap_or(file)
            .display()
            .to_string();
        let marked = marker_text(file, &text);
        if let Some(kind) = SchemaKind::for_file(file) {
            match analyze_schema(&shown, kind, &text, &rules, &classifier) {
                Ok((findings, _notes)) => compare(&shown, &marked, &findings, &mut failures),
                Err(e) => failures.push(format!("{shown}: {e}")),
            }
            continue;
        }
        let language = Language::for_path(file).expect("fixture language");
        // Analysed under a path outside `tests/`, which the join treats as
        // test code whose data is no flow of the product.
        let analyzed = match analyze_source(
            shown.trim_start_matches("tests/"),
            language,
            &text,
            &rules,
            &classifier,
            &FlowOptions::default(),
        ) {
            Ok(r) => r,
            Err(e) => {
                failures.push(format!("{shown}: {e}"));
                continue;
            }
        };
        // Calls between the file's own functions are followed too.
        let mut findings = analyzed.findings;
        let summaries: Vec<_> = analyzed.summary.into_iter().collect();
        project::merge(&mut findings, project::link(&summaries, &rules));
        // The whole-file prefilter (used with --local-only) must never skip
        // a file that has findings of its own.
        if !findings.is_empty() && !classifier.may_match_text(&text) {
            failures.push(format!(
                "{shown}: the prefilter would skip a file with findings"
            ));
        }
        compare(&shown, &marked, &findings, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} fixture mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Every schema fixture is read as a schema (else its markers would go
/// unchecked), and configuration that mentions OpenAPI, JSON Schema or
/// personal-data words (`tests/fixtures/schemas/not-schemas/`) is not.
#[test]
fn documents_are_told_apart_by_content() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schemas");
    let files = |d: &Path| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(d)
            .expect("read fixtures dir")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e != "expect"))
            .collect();
        v.sort();
        v
    };
    for p in files(&dir) {
        assert!(
            SchemaKind::for_file(&p).is_some(),
            "{} is not read",
            p.display()
        );
    }
    let look_alikes = files(&dir.join("not-schemas"));
    assert!(look_alikes.len() >= 5, "the look-alikes are there");
    for p in look_alikes {
        assert_eq!(SchemaKind::for_file(&p), None, "{}", p.display());
        assert_eq!(Language::for_path(&p), None, "{}", p.display());
    }
}
