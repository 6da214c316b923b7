//! Request bodies, deserialized by the extractors of the handlers.
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct SignupForm {
    pub email: String,
    pub phone: String,
    pub display_name: String,
    pub password: String,
    pub referral_code: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct InviteAccept {
    pub token: String,
    pub email: String,
}

#[derive(Debug, Deserialize)]
pub struct ContactUpdate {
    pub mobile: String,
    pub notify_by_sms: bool,
}
