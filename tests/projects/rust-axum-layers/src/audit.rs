//! Audit trail of account events.
use std::collections::HashMap;

use crate::store::NewUser;

/// One line per account event, with the account as it was written.
pub fn log_event(event: &str, account: &NewUser) {
    tracing::info!(target: "audit", event, ?account, "account event");  // reported where callers pass their data in
}

/// One line per event; `subject` says what the event is about.
pub fn record_event(event: &str, subject: &str) {
    let mut fields = HashMap::new();
    fields.insert("event", event.to_string());
    fields.insert("subject", subject.to_string());
    tracing::info!(target: "audit", ?fields, "audit event");  // reported where callers pass their data in
}
