//! The rules a privacy manifest enforces. Each names the promise a flow
//! breaks; findings cite the manifest line and the policy clause.

use crate::model::{Level, Rule};

macro_rules! policy_rule {
    ($name:ident, $id:literal, $rname:literal, $level:expr, $cwe:expr, $sev:expr, $short:literal, $full:literal, $example:literal) => {
        pub const $name: Rule = Rule {
            id: $id,
            name: $rname,
            short_description: $short,
            full_description: $full,
            help: concat!("**Why it matters.** ", $full, " A privacy policy is a legal promise: code that does more than it discloses breaks it.\n\n**Example.** ", $example, "\n\n**How to fix.** Either change the code so that it keeps the promise, or, if the policy really allows this, declare it in the manifest with the clause that says so."),
            level: $level,
            cwe: $cwe,
            security_severity: $sev,
            precision: "high",
            tags: &["privacy", "policy"],
        };
    };
}

policy_rule!(
    UNDECLARED_CATEGORY,
    "undeclared-data-category",
    "UndeclaredDataCategory",
    Level::Error,
    &[359],
    Some("6.0"),
    "Personal data of a category the privacy manifest does not declare",
    "The code collects, stores, logs or shares a data category that the manifest (and so the policy) does not say the service processes.",
    "The manifest declares email and password; the registration handler also reads `phone`."
);
policy_rule!(
    UNDECLARED_RECIPIENT,
    "undeclared-recipient",
    "UndeclaredRecipient",
    Level::Error,
    &[359, 201],
    Some("7.0"),
    "Personal data is sent to a third party the manifest does not declare",
    "Personal data reaches a third party that is not among the manifest's recipients; `recipients: []` means the policy promises to share with no one.",
    "The policy says \"we do not share it with any third parties\"; the code sends the email to Segment."
);
policy_rule!(
    RECIPIENT_CATEGORY,
    "recipient-category-not-declared",
    "RecipientCategoryNotDeclared",
    Level::Error,
    &[359, 201],
    Some("6.0"),
    "A declared recipient receives a data category not declared for it",
    "The recipient is disclosed, but not as receiving this category of personal data.",
    "Alipay is declared to receive name and ID number for real-name checks; the code also sends the phone number."
);
policy_rule!(
    UNDECLARED_PURPOSE,
    "undeclared-purpose",
    "UndeclaredPurpose",
    Level::Warning,
    &[359],
    Some("5.0"),
    "Personal data is used for a purpose not declared for it",
    "The purpose a flow serves (inferred from the recipient's kind of service or the code's declared purpose) is not among the purposes declared for the data category or the recipient.",
    "Email is declared for authentication only; the code sends it to an analytics SDK."
);
policy_rule!(
    LOGGING_NOT_ALLOWED,
    "logging-not-allowed",
    "LoggingNotAllowed",
    Level::Error,
    &[532],
    Some("6.5"),
    "Personal data is logged where the manifest does not allow it",
    "The data category reaches a log, and the manifest does not declare `log: true` for it (sensitive data may never be logged).",
    "`logger.info(\"login %s\", email)` while the manifest leaves `log` unset for email."
);
policy_rule!(
    STORED_NOT_ALLOWED,
    "stored-despite-store-false",
    "StoredDespiteStoreFalse",
    Level::Error,
    &[359],
    Some("7.0"),
    "Data the policy promises not to keep is persisted",
    "The manifest declares `store: false` for this category (\"used only to verify, not stored\"), and the code writes it to a database, file, cookie, cache or browser storage.",
    "The policy says face images are only used to verify identity and not stored; the code writes the image to disk."
);
policy_rule!(
    UNENCRYPTED_STORAGE,
    "unencrypted-storage",
    "UnencryptedStorage",
    Level::Error,
    &[312],
    Some("7.0"),
    "Data that must be encrypted at rest is stored in clear",
    "The manifest requires this category to be hashed or encrypted when stored (`encrypt_at_rest`, the default for sensitive data and credentials), and it reaches a store without a hashing or encryption step.",
    "An ID card number is written to the database as it was typed."
);
policy_rule!(
    CROSS_BORDER,
    "cross-border-transfer",
    "CrossBorderTransfer",
    Level::Error,
    &[359],
    Some("6.5"),
    "Personal data leaves the declared residency",
    "The data is sent to a recipient whose region is outside the regions the manifest declares for the data.",
    "The policy says data is stored in mainland China; the code sends phone numbers to a US service."
);
policy_rule!(
    UNDECLARED_TRACKING,
    "undeclared-tracking",
    "UndeclaredTracking",
    Level::Warning,
    &[359],
    Some("5.0"),
    "A cookie, browser-storage entry or tracking SDK the manifest does not disclose",
    "Personal data is put in a cookie or browser storage the manifest's `tracking` section does not list, a cookie known by name (`_ga`, `_fbp`; rules/cookies.yml) is set whose kind of tracking is not declared, or data is handed to an analytics or advertising service whose kind of tracking is not declared.",
    "The policy discloses only strictly necessary cookies; the code sends the email to an analytics SDK and keeps it in a `remember_email` cookie."
);
policy_rule!(
    STORAGE_OUTSIDE_PURPOSE,
    "storage-outside-purpose",
    "StorageOutsidePurpose",
    Level::Error,
    &[359],
    Some("6.5"),
    "Data the policy keeps only for one purpose is persisted by code serving another",
    "The manifest limits storage of this category to some purposes (`store: {only_for: [..]}`), and it is persisted by code that the manifest's `purposes` paths or an inline annotation map to another purpose, or to none.",
    "The policy keeps face images only to verify identity; the marketing module saves the selfie to the profile table."
);
policy_rule!(
    RETENTION_EXCEEDED,
    "retention-exceeded",
    "RetentionExceeded",
    Level::Error,
    &[359],
    Some("5.5"),
    "A cookie or cache entry keeps personal data longer than the policy's retention",
    "The manifest gives this category a `retention` (`30d`, `session`), and the code writes it to a cookie or cache entry whose lifetime, as the call states it, is longer, or that never expires.",
    "The policy keeps login email addresses for 30 days; the code sets a `remember_email` cookie with `max_age=60*60*24*365`."
);
policy_rule!(
    MINIMUM_AGE,
    "minimum-age-not-checked",
    "MinimumAgeNotChecked",
    Level::Error,
    &[359],
    Some("6.0"),
    "Age or date of birth is collected without a check against the policy's minimum age",
    "The manifest says the service is not for people under `subjects.minimum_age`, and the code that collects an age or a date of birth neither compares it with that age (or more) nor calls an age check (`subjects.age_gate`); or it collects children's data the manifest does not declare.",
    "The policy excludes users under 14; the sign-up handler reads `birthdate` and creates the account without comparing the age with 14."
);
policy_rule!(
    CONSENT_NOT_CHECKED,
    "consent-not-checked",
    "ConsentNotChecked",
    Level::Error,
    &[359],
    Some("6.5"),
    "Data or tracking that needs consent is used with no consent check before it",
    "The manifest declares `consent: required` for this data category or kind of tracking, and no consent guard (`consent.guards`) comes before the code that uses it, in its function, the functions around it or along the path the data took.",
    "The policy sets analytics cookies only after the visitor accepts them; the page handler sets `_ga` without looking at the consent flag."
);
policy_rule!(
    UNEXERCISED,
    "unexercised-declaration",
    "UnexercisedDeclaration",
    Level::Note,
    &[],
    None,
    "A manifest declaration the code never exercises",
    "The manifest declares a data category or recipient that no flow in the scanned code uses: the policy may over-promise collection, or the code that does it was not scanned.",
    "The manifest declares bank account data; no code reads or stores it."
);
