//! The corpus apps' findings, snapshot-tested: one line per finding with
//! location, rule, flow kind, category and recipient. A change in what the
//! scanner finds on realistic code shows up as a reviewed snapshot diff.

use std::path::PathBuf;

use candor::flow::FlowOptions;
use candor::rules::Rules;
use candor::scan::{ScanOptions, scan};

fn summary(app: &str) -> String {
    let rules = Rules::embedded().expect("embedded rules load");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(app);
    let options = ScanOptions {
        roots: vec![root],
        threads: 2,
        max_file_size: 1 << 20,
        flow: FlowOptions::default(),
    };
    let report = scan(&options, &rules).expect("scan runs");
    let mut out = String::new();
    for f in &report.findings {
        let recipient = f
            .recipient
            .as_deref()
            .map(|r| format!(" -> {r}"))
            .unwrap_or_default();
        out.push_str(&format!(
            "{}:{} {} {} {}{recipient}\n",
            f.location.path,
            f.location.start_line,
            f.rule_id,
            f.flow_kind.name(),
            f.category
        ));
    }
    for n in &report.notices {
        out.push_str(&format!("notice {}: {}\n", n.path, n.message));
    }
    out
}

macro_rules! corpus_snapshot {
    ($test:ident, $app:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(summary($app));
        }
    };
}

corpus_snapshot!(easylink_flask, "easylink-flask");
corpus_snapshot!(certshop_express, "certshop-express");
corpus_snapshot!(bestcert_spring, "bestcert-spring");
corpus_snapshot!(realname_gin, "realname-gin");
corpus_snapshot!(trustsign_axum, "trustsign-axum");
