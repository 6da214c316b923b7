use axum::extract::{Query, State};
use axum::response::Redirect;
use axum_extra::extract::cookie::{Cookie, CookieJar};
use serde::{Deserialize, Serialize};

use crate::AppState;

const VISITOR_COOKIE: &str = "ts_vid";

#[derive(Debug, Deserialize)]
pub struct LandingQuery {
    pub campaign: String,
    #[serde(default)]
    pub click_id: Option<String>,
}

#[derive(Serialize)]
struct Conversion<'a> {
    cookie_id: &'a str,
    campaign: &'a str,
    click_id: Option<&'a str>,
}

/// 推广落地页：为访客分配 Cookie 标识，并在访客与合作伙伴的推广服务互动时，
/// 把该标识发送到合作伙伴的服务器（见隐私政策第 2 节）。
pub async fn landing(
    State(state): State<AppState>,
    jar: CookieJar,
    Query(query): Query<LandingQuery>,
) -> (CookieJar, Redirect) {
    let cookie_id = jar
        .get(VISITOR_COOKIE)
        .map(|c| c.value().to_owned())
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());

    let conversion = Conversion {
        cookie_id: &cookie_id,
        campaign: &query.campaign,
        click_id: query.click_id.as_deref(),
    };
    let delivered = state
        .http
        .post("https://track.adpartner-leads.com/v2/conversions")
        .json(&conversion)
        .send()
        .await;
    if let Err(err) = delivered {
        tracing::warn!(error = %err, campaign = %query.campaign, "conversion callback failed");
    }

    let jar = jar.add(
        Cookie::build((VISITOR_COOKIE, cookie_id.clone()))
            .path("/")
            .http_only(true),
    );
    (jar, Redirect::to("/"))
}
