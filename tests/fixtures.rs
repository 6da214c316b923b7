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

use std::path::{Path, PathBuf};

use candor::classify::Classifier;
use candor::flow::FlowOptions;
use candor::frontend::language_for_path;
use candor::project;
use candor::rules::Rules;
use candor::scan::{analyze_schema, analyze_source};
use candor::schemas::SchemaKind;

mod common;
use common::markers::compare;

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
            } else if language_for_path(&p).is_some() || SchemaKind::for_path(&p).is_some() {
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
        if let Some(kind) = SchemaKind::for_path(file) {
            let findings = analyze_schema(&shown, kind, &text, &rules, &classifier);
            compare(&shown, &text, &findings, &mut failures);
            continue;
        }
        let language = language_for_path(file).expect("fixture language");
        let analyzed = match analyze_source(
            &shown,
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
        compare(&shown, &text, &findings, &mut failures);
    }
    assert!(
        failures.is_empty(),
        "{} fixture mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
