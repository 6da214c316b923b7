//! Audit trail of account events.
use std::collections::HashMap;

use crate::store::NewUser;

/// One line per account event, with the account as it was written.
pub fn log_event(event: &str, account: &NewUser) {
    tracing::info!(target: "audit", event, ?account, "account event"); // expect: logged user.contact.email; logged user.contact.phone_number; logged user.name
}

/// One line per event; `subject` says what the event is about.
pub fn record_event(event: &str, subject: &str) {
    let mut fields = HashMap::new();
    fields.insert("event", event.to_string());
    fields.insert("subject", subject.to_string());
    tracing::info!(target: "audit", ?fields, "audit event"); // expect: logged user.contact.email
}
