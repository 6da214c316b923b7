//! Personal data written to a log, without a manifest that allows it.

use crate::model::{Flow, FlowKind, Level, Rule};
use crate::rules::CategorySpec;

/// Logging is no inventory entry like the others: personal data in logs is
/// copied, kept and read far beyond its purpose, so it is a warning that a
/// pre-commit hook with `--fail-on warning` stops. A manifest that allows
/// logging a category (`log: true`) turns it back into an inventory note.
pub const RULE: Rule = Rule {
    id: "personal-data-logged",
    name: "PersonalDataLogged",
    short_description: "Personal data is written to a log",
    full_description: "A value of a personal data category that is neither sensitive nor a credential (an email address, phone number, name, IP address, ...) reaches a logger, console or print statement.",
    help: r#"
**Why it matters.** Logs are shipped to log stores and support tools, kept longer than
the data itself and read by people who have no need for it (CWE-532). Personal data in
them must be declared and minimised like any other use (GDPR art. 5(1)(c), PIPL art. 6).

**Example.**
```python
logger.info("login %s", user.email)    # flagged
logger.info("login %s", user.id)       # fine: an opaque identifier
```

**How to fix.** Log an opaque identifier instead of the value, or mask it. If the logging
is intended, declare it in the privacy manifest (`log: true` on the category).
"#,
    level: Level::Warning,
    cwe: &[532],
    security_severity: Some("4.0"),
    precision: "high",
    tags: &["privacy", "logging"],
};

pub fn applies(flow: &Flow, category: &CategorySpec) -> bool {
    flow.kind == FlowKind::Logged && !category.sensitive && !category.secret
}
