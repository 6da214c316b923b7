//! Fixture tests: one test per file under `tests/fixtures/<language>/`, in
//! a module per language (`cargo test --test fixtures python::` runs one
//! language's). Each file is scanned and its findings must equal its inline
//! expectation markers exactly; a source file's IR is also snapshot
//! (`snapshots/fixtures__ir_<language>_<test>.snap`), so that a change in
//! what a front-end makes of it shows up as a reviewed diff.
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
//!
//! Every fixture is listed below; [`every_fixture_is_listed`] fails when a
//! file on disk is not.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use candor::classify::Classifier;
use candor::flow::FlowOptions;
use candor::frontend::lower;
use candor::ir::print;
use candor::language::Language;
use candor::model::Role;
use candor::project;
use candor::rules::Rules;
use candor::scan::{analyze_schema, analyze_source};
use candor::schemas::SchemaKind;

mod common;
use common::markers::compare;

/// Declares one test per fixture, in a module per directory of
/// `tests/fixtures/`, and [`LISTED`], the path of every fixture declared.
/// `source` directories hold code, whose tests also snapshot the IR;
/// `schema` directories hold schema documents.
macro_rules! fixtures {
    ($($check:ident $dir:ident { $($test:ident: $file:literal,)* })*) => {
        $(mod $dir {
            $(#[test]
            fn $test() {
                super::$check(concat!(stringify!($dir), "/", $file));
            })*
        })*

        /// Every fixture declared, relative to `tests/fixtures/`.
        const LISTED: &[&str] = &[$($(concat!(stringify!($dir), "/", $file),)*)*];
    };
}

fixtures! {
    source python {
        known_cookies: "known_cookies.py",
        catalog_advertising: "catalog_advertising.py",
        catalog_analytics: "catalog_analytics.py",
        catalog_authentication: "catalog_authentication.py",
        catalog_china: "catalog_china.py",
        catalog_cloud: "catalog_cloud.py",
        catalog_communications: "catalog_communications.py",
        catalog_crm: "catalog_crm.py",
        catalog_customer_support: "catalog_customer_support.py",
        catalog_error_tracking: "catalog_error_tracking.py",
        catalog_feature_flags: "catalog_feature_flags.py",
        catalog_identity_verification: "catalog_identity_verification.py",
        catalog_maps: "catalog_maps.py",
        catalog_payments: "catalog_payments.py",
        catalog_telemetry_and_stores: "catalog_telemetry_and_stores.py",
        django_forms: "django_forms.py",
        fastapi_request: "fastapi_request.py",
        flows: "flows.py",
        graphql_resolvers: "graphql_resolvers.py",
        hardcoded_secrets: "hardcoded_secrets.py",
        http: "http.py",
        logging: "logging.py",
        messages_tokens_mail: "messages_tokens_mail.py",
        object_storage: "object_storage.py",
        pinyin: "pinyin.py",
        protection: "protection.py",
        sdks: "sdks.py",
        sources: "sources.py",
        sources_request_metadata: "sources_request_metadata.py",
        sessions: "sessions.py",
        storage: "storage.py",
        traps: "traps.py",
        whole_objects: "whole_objects.py",
    }
    source javascript {
        known_cookies: "known_cookies.js",
        access_log: "access_log.js",
        browser: "browser.mjs",
        catalog_advertising: "catalog_advertising.js",
        catalog_analytics: "catalog_analytics.js",
        catalog_authentication: "catalog_authentication.js",
        catalog_china: "catalog_china.js",
        catalog_cloud: "catalog_cloud.js",
        catalog_communications: "catalog_communications.js",
        catalog_crm: "catalog_crm.js",
        catalog_customer_support: "catalog_customer_support.js",
        catalog_error_tracking: "catalog_error_tracking.js",
        catalog_feature_flags: "catalog_feature_flags.js",
        catalog_identity_verification: "catalog_identity_verification.js",
        catalog_maps: "catalog_maps.js",
        catalog_payments: "catalog_payments.js",
        catalog_telemetry_and_stores: "catalog_telemetry_and_stores.js",
        copiers: "copiers.js",
        globals: "globals.js",
        http: "http.js",
        logging: "logging.js",
        lowering_classes: "lowering_classes.js",
        lowering_expressions: "lowering_expressions.js",
        lowering_jsx: "lowering_jsx.jsx",
        lowering_statements: "lowering_statements.js",
        messages_tokens_mail: "messages_tokens_mail.js",
        protection: "protection.js",
        sdks: "sdks.js",
        sources: "sources.js",
        sources_request_metadata: "sources_request_metadata.js",
        storage: "storage.js",
        traps: "traps.js",
        widget: "widget.jsx",
    }
    source typescript {
        angular_http: "angular_http.ts",
        component: "component.tsx",
        lowering_classes: "lowering_classes.ts",
        lowering_exports: "lowering_exports.ts",
        lowering_expressions: "lowering_expressions.ts",
        lowering_imports: "lowering_imports.ts",
        lowering_jsx: "lowering_jsx.tsx",
        nest_users: "nest_users.ts",
        protection: "protection.ts",
        sdks: "sdks.ts",
        sources_request_metadata: "sources_request_metadata.ts",
        sources_destructured: "sources_destructured.ts",
        storage: "storage.ts",
        whole_objects: "whole_objects.ts",
    }
    source kotlin {
        http: "http.kt",
        logging: "logging.kt",
        lowering_declarations: "lowering_declarations.kt",
        lowering_expressions: "lowering_expressions.kt",
        sdks: "sdks.kt",
        sources: "sources.kt",
        storage: "storage.kt",
        traps: "traps.kt",
    }
    source java {
        catalog_advertising: "catalog_advertising.java",
        catalog_analytics: "catalog_analytics.java",
        catalog_authentication: "catalog_authentication.java",
        catalog_china: "catalog_china.java",
        catalog_cloud: "catalog_cloud.java",
        catalog_communications: "catalog_communications.java",
        catalog_crm: "catalog_crm.java",
        catalog_customer_support: "catalog_customer_support.java",
        catalog_error_tracking: "catalog_error_tracking.java",
        catalog_feature_flags: "catalog_feature_flags.java",
        catalog_identity_verification: "catalog_identity_verification.java",
        catalog_maps: "catalog_maps.java",
        catalog_payments: "catalog_payments.java",
        catalog_telemetry_and_stores: "catalog_telemetry_and_stores.java",
        http: "http.java",
        logging: "logging.java",
        lowering_declarations: "lowering_declarations.java",
        lowering_expressions: "lowering_expressions.java",
        lowering_imports: "lowering_imports.java",
        lowering_names: "lowering_names.java",
        lowering_statements: "lowering_statements.java",
        messages_tokens_mail: "messages_tokens_mail.java",
        protection: "protection.java",
        sdks: "sdks.java",
        sources: "sources.java",
        sources_request_metadata: "sources_request_metadata.java",
        sources_form_binding: "sources_form_binding.java",
        sources_android: "sources_android.java",
        storage: "storage.java",
        traps: "traps.java",
        wildcard_imports: "wildcard_imports.java",
        wildcard_unrelated: "wildcard_unrelated.java",
    }
    source go {
        access_log: "access_log.go",
        bind_helpers: "bind_helpers.go",
        catalog_analytics: "catalog_analytics.go",
        catalog_authentication: "catalog_authentication.go",
        catalog_china: "catalog_china.go",
        catalog_cloud: "catalog_cloud.go",
        catalog_communications: "catalog_communications.go",
        catalog_customer_support: "catalog_customer_support.go",
        catalog_error_tracking: "catalog_error_tracking.go",
        catalog_feature_flags: "catalog_feature_flags.go",
        catalog_maps: "catalog_maps.go",
        catalog_payments: "catalog_payments.go",
        catalog_telemetry_and_stores: "catalog_telemetry_and_stores.go",
        flows: "flows.go",
        hardcoded_secrets: "hardcoded_secrets.go",
        http: "http.go",
        logging: "logging.go",
        lowering_declarations: "lowering_declarations.go",
        lowering_expressions: "lowering_expressions.go",
        lowering_imports: "lowering_imports.go",
        lowering_statements: "lowering_statements.go",
        messages_tokens_mail: "messages_tokens_mail.go",
        protection: "protection.go",
        sdks: "sdks.go",
        sources: "sources.go",
        sources_request_metadata: "sources_request_metadata.go",
        storage: "storage.go",
        traps: "traps.go",
        whole_objects: "whole_objects.go",
    }
    source rust {
        access_log: "access_log.rs",
        catalog_cloud: "catalog_cloud.rs",
        catalog_communications: "catalog_communications.rs",
        catalog_feature_flags: "catalog_feature_flags.rs",
        catalog_telemetry_and_stores: "catalog_telemetry_and_stores.rs",
        http: "http.rs",
        logging: "logging.rs",
        lowering_expressions: "lowering_expressions.rs",
        lowering_imports: "lowering_imports.rs",
        lowering_items: "lowering_items.rs",
        lowering_macros: "lowering_macros.rs",
        lowering_statements: "lowering_statements.rs",
        messages_tokens_mail: "messages_tokens_mail.rs",
        content_fields: "content_fields.rs",
        model_save: "model_save.rs",
        update_forms: "update_forms.rs",
        protection: "protection.rs",
        sdks: "sdks.rs",
        sources: "sources.rs",
        sources_request_metadata: "sources_request_metadata.rs",
        storage: "storage.rs",
        traps: "traps.rs",
    }
    source php {
        known_cookies: "known_cookies.php",
        catalog_advertising: "catalog_advertising.php",
        catalog_analytics: "catalog_analytics.php",
        catalog_authentication: "catalog_authentication.php",
        catalog_china: "catalog_china.php",
        catalog_cloud: "catalog_cloud.php",
        catalog_communications: "catalog_communications.php",
        catalog_crm: "catalog_crm.php",
        catalog_customer_support: "catalog_customer_support.php",
        catalog_error_tracking: "catalog_error_tracking.php",
        catalog_feature_flags: "catalog_feature_flags.php",
        catalog_identity_verification: "catalog_identity_verification.php",
        catalog_payments: "catalog_payments.php",
        http: "http.php",
        laravel_request: "laravel_request.php",
        logging: "logging.php",
        lowering_classes: "lowering_classes.php",
        lowering_expressions: "lowering_expressions.php",
        lowering_statements: "lowering_statements.php",
        messages_tokens_mail: "messages_tokens_mail.php",
        plain_php: "plain_php.php",
        protection: "protection.php",
        sessions_cookies_cache: "sessions_cookies_cache.php",
        storage: "storage.php",
        symfony: "symfony.php",
        traps: "traps.php",
    }
    source ruby {
        http: "http.rb",
        logging: "logging.rb",
        lowering_classes: "lowering_classes.rb",
        lowering_expressions: "lowering_expressions.rb",
        lowering_statements: "lowering_statements.rb",
        mailers: "mailers.rb",
        protection: "protection.rb",
        rails_params: "rails_params.rb",
        records: "records.rb",
        sdks: "sdks.rb",
        sessions_cookies: "sessions_cookies.rb",
        sinatra: "sinatra.rb",
        storage: "storage.rb",
        traps: "traps.rb",
    }
    source csharp {
        http: "http.cs",
        logging: "logging.cs",
        lowering_classes: "lowering_classes.cs",
        lowering_expressions: "lowering_expressions.cs",
        lowering_statements: "lowering_statements.cs",
        mail_tokens: "mail_tokens.cs",
        protection: "protection.cs",
        request: "request.cs",
        sdks: "sdks.cs",
        sessions_cookies: "sessions_cookies.cs",
        sources: "sources.cs",
        storage: "storage.cs",
        traps: "traps.cs",
    }
    schema schemas {
        account: "account.proto",
        customer: "customer.schema.json",
        openapi: "openapi.yaml",
        graphql: "schema.graphql",
        prisma: "schema.prisma",
        signup_form: "signup.html",
        swagger2: "swagger2.json",
        tools: "tools.json",
        users: "users.sql",
        seeded: "seeded.sql",
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The embedded rules and their classifier, loaded once for all tests.
fn rules() -> &'static (Rules, Classifier) {
    static RULES: OnceLock<(Rules, Classifier)> = OnceLock::new();
    RULES.get_or_init(|| {
        let rules = Rules::embedded().expect("embedded rules load");
        let classifier = Classifier::new(&rules);
        (rules, classifier)
    })
}

/// A fixture's file, its path as findings show it
/// (`tests/fixtures/python/flows.py`), and its text.
fn read(relative: &str) -> (PathBuf, String, String) {
    let file = fixtures_dir().join(relative);
    let text = std::fs::read_to_string(&file).expect("fixture is UTF-8");
    (file, format!("tests/fixtures/{relative}"), text)
}

/// The name of a source fixture's IR snapshot: `python/flows.py` is
/// `ir_python_flows`.
fn snapshot_name(relative: &str) -> String {
    let (dir, file) = relative
        .split_once('/')
        .expect("a fixture is in a directory");
    let stem = file.split('.').next().unwrap_or(file);
    format!("ir_{dir}_{stem}")
}

fn assert_matched(failures: &[String]) {
    assert!(
        failures.is_empty(),
        "{} fixture mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Source code: findings match the markers, and the IR matches its snapshot.
fn source(relative: &str) {
    let (rules, classifier) = rules();
    let (file, shown, text) = read(relative);
    let language = Language::for_path(&file).expect("fixture language");
    // Analysed under a path outside `tests/`, which the join treats as
    // test code whose data is no flow of the product.
    let analyzed_path = shown.trim_start_matches("tests/");
    let analyzed = analyze_source(
        analyzed_path,
        language,
        Role::Production,
        &text,
        rules,
        classifier,
        &FlowOptions::default(),
    )
    .unwrap_or_else(|e| panic!("{shown}: {e}"));
    // Calls between the file's own functions are followed too.
    let mut findings = analyzed.findings;
    // Details read back from a shelf, as a scan's are.
    let shelf = project::Shelf::scratch(None);
    let mut summaries: Vec<_> = analyzed.summary.into_iter().collect();
    for summary in &mut summaries {
        summary.stow(&shelf);
    }
    let linked = project::link(&mut summaries, project::NamePool::default(), &shelf, rules)
        .expect("details read back");
    project::merge(&mut findings, linked.findings);
    let mut failures = Vec::new();
    // The whole-file prefilter (used with --local-only) must never skip a
    // file that has findings of its own.
    if !findings.is_empty() && !classifier.may_match_text(&text) {
        failures.push(format!(
            "{shown}: the prefilter would skip a file with findings"
        ));
    }
    compare(
        &shown,
        &marker_text(&file, &text),
        &findings,
        true,
        &mut failures,
    );
    assert_matched(&failures);

    let ir =
        lower(language, Path::new(analyzed_path), &text).unwrap_or_else(|e| panic!("{shown}: {e}"));
    insta::assert_snapshot!(snapshot_name(relative), print::file(&ir));
}

/// A schema document: findings match the markers.
fn schema(relative: &str) {
    let (rules, classifier) = rules();
    let (file, shown, text) = read(relative);
    let kind = SchemaKind::for_file(&file).expect("fixture is read as a schema");
    let (findings, _notes) = analyze_schema(&shown, kind, &text, rules, classifier)
        .unwrap_or_else(|e| panic!("{shown}: {e}"));
    let mut failures = Vec::new();
    compare(
        &shown,
        &marker_text(&file, &text),
        &findings,
        true,
        &mut failures,
    );
    assert_matched(&failures);
}

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

/// Every file under `tests/fixtures/` that is scanned as source code or
/// read as a schema, relative to that directory.
fn fixtures_on_disk() -> Vec<String> {
    let root = fixtures_dir();
    let mut files = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)
            .expect("read fixtures dir")
            .flatten()
        {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if Language::for_path(&p).is_some() || SchemaKind::for_file(&p).is_some() {
                let relative = p.strip_prefix(&root).expect("under the fixtures dir");
                files.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

/// A fixture added to `tests/fixtures/` but not to the list above would
/// never be checked.
#[test]
fn every_fixture_is_listed() {
    let on_disk = fixtures_on_disk();
    let mut listed: Vec<String> = LISTED.iter().map(|p| p.to_string()).collect();
    listed.sort();
    let unlisted: Vec<&String> = on_disk.iter().filter(|f| !listed.contains(f)).collect();
    assert!(
        unlisted.is_empty(),
        "fixtures missing from the list in tests/fixtures.rs: {unlisted:?}"
    );
    assert_eq!(listed, on_disk, "listed fixtures that are not on disk");
    let sources: Vec<&String> = listed
        .iter()
        .filter(|p| Language::for_path(Path::new(p.as_str())).is_some())
        .collect();
    let mut snapshots: Vec<String> = sources.iter().map(|p| snapshot_name(p)).collect();
    snapshots.sort();
    snapshots.dedup();
    assert_eq!(
        snapshots.len(),
        sources.len(),
        "two fixtures share a snapshot name"
    );
}

/// Every schema fixture is read as a schema (else its markers would go
/// unchecked), and configuration that mentions OpenAPI, JSON Schema or
/// personal-data words (`tests/fixtures/schemas/not-schemas/`) is not.
#[test]
fn documents_are_told_apart_by_content() {
    let dir = fixtures_dir().join("schemas");
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

/// A store made by a call its rule names as encrypting
/// (`EncryptedSharedPreferences.create(..)`) keeps sensitive data stored, but
/// not in clear: those findings are marked encrypted and fall under the
/// inventory rule; the plain preferences' stay `cleartext-sensitive-storage`.
#[test]
fn encrypted_stores_are_told_apart() {
    let (rules, classifier) = rules();
    let (_, shown, text) = read("kotlin/storage.kt");
    let analyzed = analyze_source(
        shown.trim_start_matches("tests/"),
        Language::Kotlin,
        Role::Production,
        &text,
        rules,
        classifier,
        &FlowOptions::default(),
    )
    .expect("analysed");
    let line_of = |needle: &str| {
        text.lines()
            .position(|l| l.contains(needle))
            .map(|i| i as u32 + 1)
            .expect("fixture line")
    };
    let at = |line: u32| {
        analyzed
            .findings
            .iter()
            .find(|f| f.location.start_line == line)
            .unwrap_or_else(|| panic!("a finding at line {line}"))
    };
    for needle in [
        "secure.edit().putString",
        "secure.edit { putString",
        "local.edit().putString(\"id_number\"",
    ] {
        let f = at(line_of(needle));
        assert!(f.encrypted, "{needle}: encrypted");
        assert_eq!(f.rule_id, "stored-personal-data", "{needle}");
    }
    let plain = at(line_of("plain.edit().putString"));
    assert!(!plain.encrypted);
    assert_eq!(plain.rule_id, "cleartext-sensitive-storage");
}
