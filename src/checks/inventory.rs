//! Inventory rules: every flow that no risk rule claims, at `note` level, so
//! that reviewers see the whole map of personal data.

use crate::model::{Level, Rule};

const INVENTORY_HELP: &str = r#"
**Why it matters.** A privacy review starts from an inventory: which personal data the
code collects, where it stores it, what it logs and whom it shares it with. These notes
are that inventory; they are not violations. With a privacy manifest, flows the policy
does not allow become violations.

**How to fix.** Nothing to fix by itself. Check that the privacy policy declares this
data and purpose; suppress the note if the flow is expected.
"#;

pub const COLLECTED: Rule = Rule {
    id: "collected-personal-data",
    name: "CollectedPersonalData",
    short_description: "Personal data is collected from a request",
    full_description: "A request field, form field or typed request body of a personal data category is read.",
    help: INVENTORY_HELP,
    level: Level::Note,
    cwe: &[],
    security_severity: None,
    precision: "high",
    tags: &["privacy", "inventory"],
};

pub const STORED: Rule = Rule {
    id: "stored-personal-data",
    name: "StoredPersonalData",
    short_description: "Personal data is stored",
    full_description: "A value of a personal data category is written to a database, file, cookie, cache or browser storage.",
    help: INVENTORY_HELP,
    level: Level::Note,
    cwe: &[],
    security_severity: None,
    precision: "high",
    tags: &["privacy", "inventory"],
};

pub const LOGGED: Rule = Rule {
    id: "logged-personal-data",
    name: "LoggedPersonalData",
    short_description: "Personal data is written to a log",
    full_description: "A value of a (non-sensitive) personal data category reaches a logger, console or print statement.",
    help: INVENTORY_HELP,
    level: Level::Note,
    cwe: &[],
    security_severity: None,
    precision: "high",
    tags: &["privacy", "inventory"],
};

pub const SHARED: Rule = Rule {
    id: "shared-personal-data",
    name: "SharedPersonalData",
    short_description: "Personal data is sent over HTTP to a host that could not be resolved",
    full_description: "A value of a personal data category is sent by an HTTP client whose URL is not a constant, so the recipient is unknown.",
    help: INVENTORY_HELP,
    level: Level::Note,
    cwe: &[],
    security_severity: None,
    precision: "medium",
    tags: &["privacy", "inventory"],
};
