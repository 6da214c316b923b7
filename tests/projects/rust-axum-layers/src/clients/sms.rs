//! Text messages through the SMS vendor's REST API.
use reqwest::Client;

pub struct SmsClient {
    http: Client,
    account_sid: String,
    auth_token: String,
}

impl SmsClient {
    pub fn new(account_sid: String, auth_token: String) -> Self {
        Self {
            http: Client::new(),
            account_sid,
            auth_token,
        }
    }

    pub async fn send(&self, to: &str, text: &str) -> reqwest::Result<()> {
        let url = format!(
            "https://api.twilio.com/2010-04-01/Accounts/{}/Messages.json",
            self.account_sid
        );
        let params = [("To", to), ("From", "+15005550006"), ("Body", text)];
        self.http  // reported where callers pass their data in
            .post(url)
            .basic_auth(&self.account_sid, Some(&self.auth_token))
            .form(&params)
            .send()
            .await?
            .error_for_status()?;
        Ok(())
    }
}
