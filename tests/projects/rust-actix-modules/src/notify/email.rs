//! Transactional e-mail through the vendor's v3 API.
use std::collections::HashMap;

use serde_json::json;

const SEND_URL: &str = "https://api.sendgrid.com/v3/mail/send";

pub struct Mailer {
    pub http: reqwest::Client,
    pub api_key: String,
}

impl Mailer {
    pub fn from_env() -> Mailer {
        Mailer {
            http: reqwest::Client::new(),
            api_key: std::env::var("SENDGRID_API_KEY").unwrap_or_default(),
        }
    }
}

pub async fn send_receipt(mailer: &Mailer, to: &str, vars: &HashMap<&str, String>) {
    let message = json!({
        "personalizations": [{ "to": [{ "email": to }], "dynamic_template_data": vars }],
        "from": { "email": "orders@shop.example" },
        "template_id": "d-receipt",
    });
    let sent = mailer // expect: shared user.contact.email -> sendgrid
        .http
        .post(SEND_URL)
        .bearer_auth(&mailer.api_key)
        .json(&message)
        .send()
        .await;
    if let Err(err) = sent {
        log::warn!("receipt not sent: {err}");
    }
}
