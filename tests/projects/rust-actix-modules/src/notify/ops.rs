//! Pages the on-call channel.
use serde_json::json;

const WEBHOOK: &str = "https://hooks.slack.com/services/T000/B000/XXXX";

pub async fn page(text: &str) {
    let client = reqwest::Client::new();
    let _ = client.post(WEBHOOK).json(&json!({ "text": text })).send().await;
}
