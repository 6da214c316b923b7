//! `candor classify`: which data category a name gets, and why.

use crate::classify::{Classifier, Verdict, is_constant_name, tokens};
use crate::rules::Rules;

/// The verdict on `name` (owned by `owner`, as in `user.name`): the category
/// and the pattern that matched, or why the name is not personal data.
pub fn explain(rules: &Rules, classifier: &Classifier, name: &str, owner: Option<&str>) -> String {
    let toks = tokens(name);
    let shown = match owner {
        Some(o) => format!("{o}.{name}"),
        None => name.to_string(),
    };
    let mut verdict = classifier.classify(name, owner);
    let mut via_getter = false;
    if verdict == Verdict::NoMatch {
        let g = classifier.classify_getter(name, owner);
        if g != Verdict::NoMatch {
            verdict = g;
            via_getter = true;
        }
    }
    let getter = if via_getter {
        " (read by a getter)"
    } else {
        ""
    };
    let body = match verdict {
        Verdict::Category { id, pattern } => {
            let c = rules.category(id);
            let sens = if c.sensitive {
                format!(" — sensitive ({})", c.regulations.join(", "))
            } else {
                String::new()
            };
            format!(
                "{}{sens}\n  {}: matched pattern `{pattern}`{getter}",
                c.key, c.name
            )
        }
        Verdict::Rejected {
            id,
            pattern,
            reason,
        } => {
            format!(
                "not personal data\n  matched `{pattern}` ({}){getter}, but {reason}",
                rules.category(id).key
            )
        }
        Verdict::Constant => {
            "not personal data\n  an upper-case constant names configuration, not data".to_string()
        }
        Verdict::NoMatch => "not personal data\n  no category pattern matches".to_string(),
    };
    let constant = if is_constant_name(name) {
        "\n  note: as a variable or field, an upper-case name is a constant and never data"
    } else {
        ""
    };
    format!(
        "{shown}: {body}\n  tokens: [{}]{constant}\n",
        toks.join(", ")
    )
}
