//! Clients of third-party APIs.
mod metrics;
mod sms;

pub use metrics::MetricsClient;
pub use sms::SmsClient;
