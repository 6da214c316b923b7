//! Checks on candor's own inputs rather than on code: suppression comments
//! and baseline entries that need attention. `crate::suppress` and
//! `crate::baseline` raise them.

use crate::model::{Level, Rule};

pub const SUPPRESSION_WITHOUT_REASON: Rule = Rule {
    id: "suppression-without-reason",
    name: "SuppressionWithoutReason",
    short_description: "A `candor:ignore` comment gives no reason",
    full_description: "A suppression must say why the finding is acceptable, after ` -- `, so that reviewers can judge it later.",
    help: "**Why it matters.** An unexplained suppression hides a privacy finding from everyone who comes later.\n\n**Example.** `logger.info(email)  # candor:ignore logged-personal-data -- support needs the address in the audit log`\n\n**How to fix.** Add ` -- <reason>` to the comment.",
    level: Level::Warning,
    cwe: &[],
    security_severity: None,
    precision: "high",
    tags: &["privacy", "suppression"],
};

pub const UNUSED_SUPPRESSION: Rule = Rule {
    id: "unused-suppression",
    name: "UnusedSuppression",
    short_description: "A `candor:ignore` comment suppresses nothing",
    full_description: "No finding on this line or the next matches the suppression's rule or category; the code it excused has changed.",
    help: "**Why it matters.** Stale suppressions accumulate and later hide new findings.\n\n**How to fix.** Remove the comment, or correct its rule or category.",
    level: Level::Note,
    cwe: &[],
    security_severity: None,
    precision: "high",
    tags: &["privacy", "suppression"],
};

pub const STALE_BASELINE_ENTRY: Rule = Rule {
    id: "stale-baseline-entry",
    name: "StaleBaselineEntry",
    short_description: "A baseline entry matches no finding any more",
    full_description: "The finding this baseline entry accepted is gone (fixed, or the code changed). Remove the entry with `candor baseline update` so that it cannot hide a new finding.",
    help: "**Why it matters.** A baseline should only shrink; stale entries are noise in reviews.\n\n**How to fix.** Run `candor baseline update` and commit the smaller baseline.",
    level: Level::Note,
    cwe: &[],
    security_severity: None,
    precision: "high",
    tags: &["baseline"],
};
