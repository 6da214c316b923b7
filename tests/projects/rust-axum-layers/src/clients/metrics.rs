//! Product metrics, sent to the analytics vendor's HTTP API.
use serde_json::json;

#[derive(Default)]
pub struct MetricsClient {
    http: reqwest::Client,
}

impl MetricsClient {
    /// Counts an event; `value` is an opaque identifier.
    pub async fn record_event(&self, name: &str, value: &str) {
        let body = json!({ "event": name, "userId": value });
        let _ = self
            .http
            .post("https://api.segment.io/v1/track")
            .json(&body)
            .send()
            .await;
    }
}
