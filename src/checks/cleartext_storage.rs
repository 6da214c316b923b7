//! Sensitive personal data or credentials stored without hashing or
//! encryption.

use crate::model::{Flow, FlowKind, Level, Rule, StoreKind};
use crate::rules::CategorySpec;

pub const RULE: Rule = Rule {
    id: "cleartext-sensitive-storage",
    name: "CleartextSensitiveStorage",
    short_description: "A password or sensitive personal data is stored in clear text",
    full_description: "A credential or a value of a sensitive data category is written to a database, file, cookie, cache or browser storage without passing through a hashing, encryption or masking function.",
    help: r#"
**Why it matters.** Passwords must be stored as salted, slow hashes; sensitive personal
information must be protected by encryption or similar measures (PIPL art. 51, GDPR
art. 32). Clear-text storage turns any database leak into a disclosure (CWE-312).

**Example.**
```java
user.setPassword(form.getPassword());                   // flagged when saved
user.setPassword(passwordEncoder.encode(form.getPassword()));  // fine
```

**How to fix.** Hash passwords with bcrypt, scrypt or argon2; encrypt sensitive fields
(`encrypt(...)`, column encryption) or do not keep them at all.
"#,
    level: Level::Error,
    cwe: &[312],
    security_severity: Some("7.0"),
    precision: "medium",
    tags: &["privacy", "security", "storage"],
};

pub fn applies(flow: &Flow, category: &CategorySpec) -> bool {
    // A session or access token lives in a cookie by design; a password or
    // sensitive data in one does not.
    let session_cookie = flow.store == Some(StoreKind::Cookie)
        && category.secret
        && !category.key.ends_with("password");
    flow.kind == FlowKind::Stored
        && (category.sensitive || category.secret)
        && !session_cookie
        && !flow.encrypted
}
