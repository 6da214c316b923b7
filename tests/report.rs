//! The reports for reviewers: the HTML report (snapshot, determinism, and
//! rendered in a real headless browser), several formats from one scan, and
//! the record of processing checked against the corpus manifests.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::csv::parse_csv;
use common::run::{candor, command, json, root, stdout};

/// A fixed report date, so that reports compare byte for byte.
const EPOCH: &str = "1796601599";

fn app(name: &str) -> PathBuf {
    root().join("corpus").join(name)
}

/// `candor ARGS` with the fixed date; it must not fail on a bug.
fn run(args: &[&str]) -> std::process::Output {
    let out = command(args)
        .env("SOURCE_DATE_EPOCH", EPOCH)
        .output()
        .expect("run candor");
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "candor {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn html_of(app_name: &str, threads: &str) -> String {
    let dir = app(app_name);
    stdout(&run(&[
        "scan",
        dir.to_str().unwrap(),
        "--format",
        "html",
        "-j",
        threads,
    ]))
}

/// A declared recipient outside the catalog, reached by its host, is one
/// row of the third-parties table, not one for the host and one for the
/// declaration.
#[test]
fn a_declared_custom_recipient_is_one_row() {
    let html = html_of("realname-gin", "2");
    let start = html
        .find("<table class=\"third-parties\">")
        .expect("the table");
    let table = &html[start..start + html[start..].find("</table>").unwrap()];
    let rows = table.matches("ID authentication supplier").count();
    assert_eq!(rows, 1, "{table}");
}

/// The page's own sections, as written (not the stylesheet, the script or
/// the findings' JSON, which the JSON report's tests cover), with the commit
/// of this checkout replaced.
fn sections(html: &str) -> String {
    let start = html.find("<header>").expect("a header");
    let end = html
        .find("<script type=\"application/json\"")
        .expect("the findings' data");
    let commit = regex_free_commit(html);
    let mut s = html[start..end].to_string();
    if let Some(commit) = commit {
        s = s
            .replace(&commit, "COMMIT")
            .replace(&commit[..12], "COMMIT");
    }
    s.replace('>', ">\n")
}

/// The commit the header names, if any.
fn regex_free_commit(html: &str) -> Option<String> {
    let at = html.find("<code title=\"")? + "<code title=\"".len();
    Some(html[at..at + 40].to_string())
}

#[test]
fn html_report_of_a_corpus_app() {
    let html = html_of("certshop-express", "2");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<h1>certshop-express</h1>"));
    assert!(
        html.contains("<dd>2026-12-06</dd>"),
        "the date SOURCE_DATE_EPOCH gives"
    );
    // Self-contained: nothing is loaded from anywhere.
    for needle in ["src=\"http", "href=\"http", "@import", "url(http"] {
        assert!(!html.contains(needle), "the page loads {needle}");
    }
    assert!(html.contains("default-src 'none'"));
    insta::assert_snapshot!(sections(&html));
}

#[test]
fn html_report_is_the_same_at_any_thread_count() {
    for app_name in ["certshop-express", "realname-gin"] {
        assert_eq!(html_of(app_name, "1"), html_of(app_name, "8"), "{app_name}");
    }
}

#[test]
fn html_data_cannot_end_its_script_element() {
    let tree = common::run::temp_tree(&[(
        "app.py",
        b"import logging\n\ndef signup(request):\n    # </script><script>alert(1)</script>\n    logging.info(\"</script><b>%s\", request.form[\"email\"])\n",
    )]);
    let out = run(&["scan", tree.path().to_str().unwrap(), "--format", "html"]);
    let html = stdout(&out);
    let data_start = html.find("id=\"candor-data\">").unwrap();
    let data_end = data_start + html[data_start..].find("</script>").unwrap();
    let data = &html[data_start + "id=\"candor-data\">".len()..data_end];
    let parsed: serde_json::Value = serde_json::from_str(data).expect("the data is JSON");
    assert_eq!(parsed["findings"].as_array().unwrap().len(), 1);
    assert!(
        parsed["findings"][0]["x"]
            .as_str()
            .unwrap()
            .contains("</script><b>"),
        "the snippet survives, escaped"
    );
}

/// Debian's Chromium, when installed (`.ci/run` installs it and sets
/// `CANDOR_REQUIRE_BROWSER`, so that CI cannot skip the browser tests).
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|name| Path::new("/usr/bin").join(name))
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CANDOR_REQUIRE_BROWSER").is_none(),
            "CANDOR_REQUIRE_BROWSER is set but no Chromium is installed"
        );
        eprintln!("skipped: no Chromium in /usr/bin");
    }
    found
}

/// What a page became in the browser: its DOM after the scripts ran, what
/// it printed to the console, and the network requests it made.
struct Rendered {
    dom: String,
    console: Vec<String>,
    requests: Vec<String>,
}

fn render(browser: &Path, page: &Path, fragment: &str) -> Rendered {
    let profile = tempfile::tempdir().unwrap();
    let net_log = profile.path().join("net.json");
    let out = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}{fragment}", page.display()))
        .output()
        .expect("run chromium");
    let console = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    // Requests the page made (the browser's own background requests have no
    // page as their site).
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&net_log).unwrap_or_default())
            .unwrap_or_default();
    let mut requests: Vec<String> = log["events"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| {
            let params = &e["params"];
            let url = params["url"].as_str()?;
            let site = params["site_for_cookies"].as_str()?;
            (site.contains("file://") && !url.starts_with("file:")).then(|| url.to_string())
        })
        .collect();
    requests.sort();
    requests.dedup();
    Rendered {
        dom: String::from_utf8_lossy(&out.stdout).into_owned(),
        console,
        requests,
    }
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

/// Finding cards the page shows (the script's own text, which the DOM also
/// holds, writes them with a `'` after the class name).
fn cards(dom: &str) -> usize {
    regex::Regex::new(r#"<article class="finding (error|warning|note)"#)
        .unwrap()
        .find_iter(dom)
        .count()
}

/// Flow-kind labels of the cards shown, of any kind or of `kind`.
fn kind_labels(dom: &str, kind: &str) -> usize {
    regex::Regex::new(&format!(r#"<span class="kind ({kind})">"#))
        .unwrap()
        .find_iter(dom)
        .count()
}

#[test]
fn the_browser_checks_can_fail() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><title>t</title><img src=\"http://127.0.0.1:9/x.png\"><script>console.error('boom')</script>",
    )
    .unwrap();
    let rendered = render(&browser, &page, "");
    assert!(!rendered.console.is_empty(), "a console error is seen");
    assert!(
        rendered.requests.iter().any(|r| r.contains("127.0.0.1:9")),
        "a request is seen: {:?}",
        rendered.requests
    );
}

#[test]
fn html_report_renders_in_a_browser() {
    let Some(browser) = chromium() else { return };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let data = dir.path().join("report.json");
    let corpus_app = app("certshop-express");
    run(&[
        "scan",
        corpus_app.to_str().unwrap(),
        "-o",
        page.to_str().unwrap(),
        "-o",
        data.to_str().unwrap(),
    ]);
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&data).unwrap()).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let shown = findings
        .iter()
        .filter(|f| f.get("suppression").is_none())
        .count();

    let all = render(&browser, &page, "");
    assert!(all.console.is_empty(), "console: {:?}", all.console);
    assert!(all.requests.is_empty(), "requests: {:?}", all.requests);
    // The inventory table, the diagram and the findings list are there.
    assert!(all.dom.contains("<table class=\"inventory\">"));
    assert!(
        count(&all.dom, "<path class=\"band ") > 3,
        "the diagram's bands"
    );
    assert_eq!(
        cards(&all.dom),
        shown.min(100),
        "one card per finding, a page at a time"
    );
    assert!(
        all.dom
            .contains(&format!(">{shown} of {} findings<", findings.len()))
    );
    // The most severe come first.
    let first = all.dom.find("<article class=\"finding ").unwrap();
    assert!(all.dom[first..].starts_with("<article class=\"finding error"));
    // A flow reported where it enters a helper shows its trail step by step.
    let stepped = findings
        .iter()
        .find(|f| f["trail"].as_array().unwrap().len() > 1)
        .expect("a finding with a trail");
    let step = &stepped["trail"][0];
    let shown_step = format!(
        "<li><span class=\"where\">{}:{}</span>",
        step["location"]["path"].as_str().unwrap(),
        step["location"]["start_line"]
    );
    assert!(all.dom.contains(&shown_step), "{shown_step}");

    // A filter hides the other findings.
    let stored = findings
        .iter()
        .filter(|f| f["flow_kind"] == "stored" && f.get("suppression").is_none())
        .count();
    assert!(stored > 0 && stored < shown);
    let filtered = render(&browser, &page, "#findings?kind=stored");
    assert!(
        filtered.console.is_empty(),
        "console: {:?}",
        filtered.console
    );
    assert_eq!(cards(&filtered.dom), stored);
    assert_eq!(kind_labels(&filtered.dom, "[a-z]+"), stored);
    assert_eq!(kind_labels(&filtered.dom, "stored"), stored);
    assert!(
        filtered
            .dom
            .contains(&format!(">{stored} of {} findings<", findings.len()))
    );

    // A malformed link still opens the report, filtered by what it says.
    let malformed = render(&browser, &page, "#findings?q=%E0&kind=stored");
    assert!(
        malformed.console.is_empty(),
        "console: {:?}",
        malformed.console
    );
    assert!(
        malformed
            .dom
            .contains(&format!(" of {} findings<", findings.len()))
    );
}

#[test]
fn one_scan_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let corpus_app = app("realname-gin");
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let summary = format!("markdown:{}", at("summary"));
    let out = run(&[
        "scan",
        corpus_app.to_str().unwrap(),
        "-o",
        &at("candor.sarif"),
        "-o",
        &at("report.html"),
        "-o",
        &at("findings.csv"),
        "-o",
        &at("findings.json"),
        "-o",
        &summary,
    ]);
    assert!(out.stdout.is_empty(), "reports go to their files only");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("findings (") && said.contains("report.html"),
        "{said}"
    );
    let separately = json(&candor(&[
        "scan",
        corpus_app.to_str().unwrap(),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]));
    let together: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(at("findings.json")).unwrap()).unwrap();
    assert_eq!(
        together, separately,
        "one scan gives what separate scans give"
    );
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(at("candor.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let rows = parse_csv(&std::fs::read_to_string(at("findings.csv")).unwrap());
    assert_eq!(
        rows.len() - 1,
        separately["findings"].as_array().unwrap().len()
    );
    assert!(
        std::fs::read_to_string(at("report.html"))
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    assert!(
        std::fs::read_to_string(at("summary"))
            .unwrap()
            .starts_with("## candor privacy scan")
    );
}

#[test]
fn output_flags_that_cannot_work_fail_before_the_scan() {
    let corpus_app = app("realname-gin");
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    let cases: [(Vec<String>, &str); 5] = [
        (
            vec!["-o".into(), at("a.sarif"), "-o".into(), at("report.out")],
            "cannot tell the format",
        ),
        (
            vec![
                "--format".into(),
                "json".into(),
                "-o".into(),
                at("a.json"),
                "-o".into(),
                at("b.csv"),
            ],
            "--format applies to one report",
        ),
        (
            vec![
                "-o".into(),
                at("a.json"),
                "-o".into(),
                format!("json:{}", at("a.json")),
            ],
            "given twice",
        ),
        (
            vec![
                "-o".into(),
                at("a.json"),
                "-o".into(),
                format!("{}/./a.json", dir.path().display()),
            ],
            "given twice",
        ),
        (
            vec![
                "--format".into(),
                "sarif".into(),
                "-o".into(),
                format!("json:{}", at("a.json")),
            ],
            "give one of them",
        ),
    ];
    for (flags, expected) in cases {
        let mut args = vec!["scan", corpus_app.to_str().unwrap()];
        args.extend(flags.iter().map(String::as_str));
        let out = candor(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(expected), "{args:?}: {said}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "nothing written"
        );
    }
    // One file of no known kind is text, as it always was.
    let out = run(&[
        "scan",
        corpus_app.to_str().unwrap(),
        "-o",
        &at("report.out"),
    ]);
    assert!(out.status.code().is_some());
    assert!(
        std::fs::read_to_string(at("report.out"))
            .unwrap()
            .contains("summary: ")
    );
}

#[test]
fn record_of_processing_follows_the_corpus_manifests() {
    let rules = candor::rules::Rules::embedded().unwrap();
    for entry in std::fs::read_dir(root().join("corpus")).unwrap().flatten() {
        let manifest_path = entry.path().join("privacy.yml");
        if !manifest_path.exists() {
            continue;
        }
        let manifest = candor::manifest::load(&manifest_path, &rules).unwrap();
        let text = stdout(&run(&[
            "report",
            "ropa",
            entry.path().to_str().unwrap(),
            "--format",
            "csv",
        ]));
        let rows = parse_csv(&text);
        let header = &rows[0];
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        for d in &manifest.data {
            let row = rows
                .iter()
                .find(|r| r[col("category")] == d.category)
                .unwrap_or_else(|| panic!("{}: no row for {}", entry.path().display(), d.category));
            assert_eq!(row[col("declared")], "true");
            assert_eq!(row[col("purposes")], d.purposes.join(", "));
            if let Some(retention) = &d.retention {
                assert_eq!(&row[col("retention")], retention);
            }
            if d.never_stored() && row[col("storage")].contains("despite") {
                assert_ne!(row[col("violations")], "0", "{}", d.category);
            }
            for r in manifest.recipients.iter().flatten() {
                if r.categories.contains(&d.category) {
                    let name = rules
                        .recipient(&r.id)
                        .map_or(r.name.clone().unwrap_or_default(), |c| c.name.clone());
                    assert!(
                        row[col("recipients")].contains(&name),
                        "{}: {} should list {name}",
                        entry.path().display(),
                        d.category
                    );
                }
            }
        }
        // Every category the code handles has a row.
        let report = json(
            &command(&[
                "scan",
                entry.path().to_str().unwrap(),
                "--format",
                "json",
                "--fail-on",
                "never",
                "--no-policy",
            ])
            .output()
            .unwrap(),
        );
        for f in report["findings"].as_array().unwrap() {
            let category = f["category"].as_str().unwrap();
            let covered = rows.iter().any(|r| {
                let key = &r[col("category")];
                category == key || category.starts_with(&format!("{key}."))
            });
            assert!(
                covered,
                "{}: no row covers {category}",
                entry.path().display()
            );
        }
    }
}

#[test]
fn record_of_processing_as_markdown() {
    let text = stdout(&run(&[
        "report",
        "ropa",
        app("facecheck-fastapi").to_str().unwrap(),
    ]));
    let commit = text
        .split('`')
        .nth(1)
        .filter(|c| c.len() == 12 && c.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(str::to_string);
    let text = match commit {
        Some(c) => text.replace(&c, "COMMIT"),
        None => text,
    };
    insta::assert_snapshot!(text);
}
