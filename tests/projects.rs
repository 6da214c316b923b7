//! Multi-file projects: data that crosses functions, classes and files.
//!
//! Each directory under `tests/projects/` is scanned as one project, and
//! the findings of each of its files must equal that file's inline
//! `expect:` markers (see `common/markers.rs`); a finding that crosses
//! files is reported at its sink. The SARIF `codeFlows` of each project are
//! snapshot-tested, so every step of every cross-file path is reviewed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use candor::emit::sarif;
use candor::language::Language;
use candor::model::{Role, ScanReport};
use candor::pipeline::{self, Options};
use candor::rules::Rules;

mod common;
use common::markers::compare;

fn project_root(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/projects")
        .join(name)
}

fn scan_project(name: &str) -> ScanReport {
    scan_project_with(name, Vec::new())
}

/// Scans `name`, reporting findings in the `include`d roles of code that is
/// not production too.
fn scan_project_with(name: &str, include: Vec<Role>) -> ScanReport {
    let rules = Rules::embedded().expect("embedded rules load");
    let mut options = Options::new(vec![project_root(name)]);
    options.scan.threads = 2;
    options.include = include;
    pipeline::run(&options, &rules).expect("scan runs")
}

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read project dir").flatten() {
        let p = entry.path();
        if p.is_dir() {
            source_files(&p, out);
        } else if Language::for_path(&p).is_some() {
            out.push(p);
        }
    }
}

/// Every file's findings equal its markers; `non_production`: findings
/// in code that is not production are reported.
fn check_markers(name: &str, report: &ScanReport, non_production: bool) {
    let root = project_root(name);
    let mut files = Vec::new();
    source_files(&root, &mut files);
    files.sort();
    assert!(!files.is_empty(), "{name}: no source files");
    let mut failures = Vec::new();
    for file in files {
        let shown = file
            .strip_prefix(&root)
            .expect("under the root")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&file).expect("UTF-8 source");
        let findings: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.location.path == shown)
            .cloned()
            .collect();
        compare(
            &format!("{name}/{shown}"),
            &text,
            &findings,
            non_production,
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The SARIF results with their code flows, one line per step.
/// The SARIF results with their code flows, paths shown from the project
/// (SARIF's are from the root of this repository, which holds the project).
fn code_flows(report: &ScanReport) -> String {
    let rendered = sarif::render(report);
    let within = regex::Regex::new(r#""uri":"tests/projects/[^/"]+/"#).unwrap();
    let rendered = within.replace_all(&rendered, r#""uri":""#);
    let sarif: serde_json::Value = serde_json::from_str(&rendered).expect("SARIF is JSON");
    let mut out = String::new();
    for result in sarif["runs"][0]["results"].as_array().expect("results") {
        let location = &result["locations"][0]["physicalLocation"];
        out.push_str(&format!(
            "{} {}:{} {}\n",
            result["ruleId"].as_str().unwrap_or_default(),
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap_or_default(),
            location["region"]["startLine"],
            result["message"]["text"].as_str().unwrap_or_default(),
        ));
        // A finding of several categories has a code flow for each.
        let flows = result["codeFlows"].as_array().cloned().unwrap_or_default();
        let steps = flows.iter().enumerate().flat_map(|(i, flow)| {
            let steps = flow["threadFlows"][0]["locations"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let separator = (i > 0).then(|| serde_json::json!({ "next": true }));
            separator.into_iter().chain(steps)
        });
        for step in steps {
            if step.get("next").is_some() {
                out.push_str("    --\n");
                continue;
            }
            let l = &step["location"];
            let p = &l["physicalLocation"];
            out.push_str(&format!(
                "    {}:{} {}\n",
                p["artifactLocation"]["uri"].as_str().unwrap_or_default(),
                p["region"]["startLine"],
                l["message"]["text"].as_str().unwrap_or_default(),
            ));
        }
    }
    out
}

macro_rules! project {
    ($test:ident, $dir:literal) => {
        #[test]
        fn $test() {
            let report = scan_project($dir);
            check_markers($dir, &report, false);
            insta::assert_snapshot!(code_flows(&report));
        }
    };
}

project!(python_layers, "python-layers");
project!(ts_nest_layers, "ts-nest-layers");
project!(js_express_modules, "js-express-modules");
project!(rust_axum_layers, "rust-axum-layers");
project!(rust_actix_modules, "rust-actix-modules");
project!(java_spring_layers, "java-spring-layers");
project!(java_kyc_impl, "java-kyc-impl");
project!(go_gin_layers, "go-gin-layers");
project!(go_nethttp_interfaces, "go-nethttp-interfaces");
project!(php_laravel_layers, "php-laravel-layers");
project!(whole_objects, "whole-objects");
project!(declared_inputs, "declared-inputs");
project!(module_instances, "module-instances");

/// Tests, fixtures, examples, seeds, migrations and benchmarks, in every
/// language, by directory, file name and (Rust) test module: their files are
/// not analysed by default and counted (a test module's findings are left
/// out and counted), reported with their role when included, and data passed
/// from them starts no trail.
#[test]
fn file_roles() {
    let name = "file-roles";
    let report = scan_project(name);
    check_markers(name, &report, false);
    // Files of those roles are not analysed; the tests inside a production
    // file (a Rust test module) are, and their findings left out.
    assert_eq!(
        report.stats.findings_left_out,
        BTreeMap::from([(Role::Test, 2)])
    );
    assert_eq!(
        report.stats.files_left_out,
        BTreeMap::from([
            (Role::Test, 7),
            (Role::Example, 2),
            (Role::Seed, 2),
            (Role::Migration, 1),
            (Role::Benchmark, 1)
        ])
    );
    let report = scan_project_with(name, Role::ALL.to_vec());
    check_markers(name, &report, true);
    assert!(report.stats.findings_left_out.is_empty());
    assert!(report.stats.files_left_out.is_empty());
}

/// Protection in the model: a password a TypeORM `@BeforeInsert` hook
/// hashes is not stored in clear text by the services that save the
/// entity, and a setter given the hash overwrites the clear text; the same
/// field saved unhashed in another language's model is still flagged.
#[test]
fn model_hooks() {
    let name = "model-hooks";
    check_markers(name, &scan_project(name), false);
}
project!(ruby_rails_layers, "ruby-rails-layers");
project!(kotlin_android_layers, "kotlin-android-layers");
project!(csharp_aspnet_layers, "csharp-aspnet-layers");
