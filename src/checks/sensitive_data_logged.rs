//! Sensitive personal data or credentials written to logs.

use crate::model::{Flow, FlowKind, Level, Rule};
use crate::rules::CategorySpec;

pub const RULE: Rule = Rule {
    id: "sensitive-data-logged",
    name: "SensitiveDataLogged",
    short_description: "Sensitive personal data or a credential is written to a log",
    full_description: "A value of a sensitive data category (national ID, biometrics, financial account, precise location, health, ...) or a credential reaches a logger, console or print statement.",
    help: r#"
**Why it matters.** Logs are copied to log shippers, search indexes, support tools and
backups, kept longer than the data itself and read by many people. Sensitive personal
information (PIPL art. 28, GDPR art. 9) and credentials in logs are a breach waiting to
happen (CWE-532).

**Example.**
```python
id_number = request.form["id_number"]
logger.info("verifying %s", id_number)      # flagged
logger.info("verifying %s", mask(id_number))  # fine: masked
```

**How to fix.** Log an opaque identifier (user id, request id) instead of the value, or
mask it (`mask_id(...)`, `redact(...)`) before logging.
"#,
    level: Level::Error,
    cwe: &[532],
    security_severity: Some("7.5"),
    precision: "high",
    tags: &["privacy", "security", "logging"],
};

pub fn applies(flow: &Flow, category: &CategorySpec) -> bool {
    flow.kind == FlowKind::Logged && (category.sensitive || category.secret)
}
