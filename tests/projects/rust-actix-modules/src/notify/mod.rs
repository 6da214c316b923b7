//! Outgoing notifications.
pub mod email;
pub mod ops;

pub use email::Mailer;
