//! Personal data sent to a third party.

use crate::model::{Flow, FlowKind, Level, Rule};
use crate::rules::CategorySpec;

pub const RULE: Rule = Rule {
    id: "personal-data-to-third-party",
    name: "PersonalDataToThirdParty",
    short_description: "Personal data is sent to a third party",
    full_description: "A value of a personal data category is passed to a third-party SDK or sent over HTTP to an external host.",
    help: r#"
**Why it matters.** Every third party that receives personal data must be disclosed in
the privacy policy, bound by contract and, for transfers abroad, covered by a transfer
mechanism (PIPL art. 23 and 38, GDPR art. 28 and 44). Data sent to an analytics or
error-tracking SDK is easy to forget (CWE-359, CWE-201).

**Example.**
```typescript
analytics.track({ userId, event: "signup", properties: { email } });  // flagged
analytics.track({ userId, event: "signup" });                         // fine
```

**How to fix.** Send only what the recipient needs (an opaque id instead of the email),
or declare the recipient and its purpose in the privacy manifest.
"#,
    level: Level::Warning,
    cwe: &[359, 201],
    security_severity: Some("5.0"),
    precision: "high",
    tags: &["privacy", "third-party"],
};

pub fn applies(flow: &Flow, _category: &CategorySpec) -> bool {
    flow.kind == FlowKind::Shared && flow.recipient.as_deref().is_some_and(|r| r != "unknown")
}
