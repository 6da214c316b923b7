//! The corpus apps' findings, snapshot-tested: one line per finding with
//! location, rule, flow kind, categories and recipient. A change in what the
//! scanner finds on realistic code shows up as a reviewed snapshot diff.

use std::path::PathBuf;

use candor::model::Level;
use candor::pipeline::{self, Options, PolicyChoice};
use candor::rules::Rules;

/// One line per finding; with `policy`, only the violations of the app's
/// seed manifest (`privacy.yml`) and its unexercised declarations.
fn summary(app: &str, policy: bool) -> String {
    let rules = Rules::embedded().expect("embedded rules load");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("corpus")
        .join(app);
    let mut options = Options::new(vec![root.clone()]);
    options.scan.threads = 2;
    options.policy = if policy {
        PolicyChoice::File(root.join("privacy.yml"))
    } else {
        PolicyChoice::Off
    };
    let report = pipeline::run(&options, &rules).unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::new();
    for f in report
        .findings
        .iter()
        .filter(|f| !policy || f.level != Level::Note || f.rule_id == "unexercised-declaration")
    {
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
            f.categories().collect::<Vec<_>>().join(",")
        ));
    }
    for n in &report.notices {
        out.push_str(&format!("notice {}: {}\n", n.path, n.message));
    }
    out
}

macro_rules! corpus_snapshot {
    ($test:ident, $policy_test:ident, $app:literal) => {
        #[test]
        fn $test() {
            insta::assert_snapshot!(summary($app, false));
        }

        /// The violations of the app's seed manifest (see its VIOLATIONS.md).
        #[test]
        fn $policy_test() {
            insta::assert_snapshot!(summary($app, true));
        }
    };
}

corpus_snapshot!(easylink_flask, easylink_flask_policy, "easylink-flask");
corpus_snapshot!(
    certshop_express,
    certshop_express_policy,
    "certshop-express"
);
corpus_snapshot!(bestcert_spring, bestcert_spring_policy, "bestcert-spring");
corpus_snapshot!(
    bestcert_laravel,
    bestcert_laravel_policy,
    "bestcert-laravel"
);
corpus_snapshot!(realname_gin, realname_gin_policy, "realname-gin");
corpus_snapshot!(trustsign_axum, trustsign_axum_policy, "trustsign-axum");
corpus_snapshot!(trustsign_rails, trustsign_rails_policy, "trustsign-rails");
corpus_snapshot!(
    bestcert_android,
    bestcert_android_policy,
    "bestcert-android"
);
corpus_snapshot!(certone_aspnet, certone_aspnet_policy, "certone-aspnet");
corpus_snapshot!(
    facecheck_fastapi,
    facecheck_fastapi_policy,
    "facecheck-fastapi"
);
