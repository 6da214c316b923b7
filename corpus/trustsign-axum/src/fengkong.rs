//! 注册风控：同一访客 Cookie 短时间内反复注册时拒绝请求。

use axum::extract::State;
use axum::http::StatusCode;
use axum_extra::extract::cookie::CookieJar;

use crate::AppState;

const VISITOR_COOKIE: &str = "ts_vid";

/// 每个访客 Cookie 每小时最多尝试注册的次数。
const MAX_ATTEMPTS_PER_HOUR: i32 = 5;

pub async fn signup_precheck(State(state): State<AppState>, jar: CookieJar) -> StatusCode {
    let Some(cookie_id) = jar.get(VISITOR_COOKIE).map(|c| c.value().to_owned()) else {
        return StatusCode::NO_CONTENT;
    };

    // 按小时计数：同一小时内的尝试累加到同一行。
    let attempts: i32 = match sqlx::query_scalar(
        "INSERT INTO signup_attempts (cookie_id, hour, attempts) VALUES ($1, date_trunc('hour', now()), 1) \
         ON CONFLICT (cookie_id, hour) DO UPDATE SET attempts = signup_attempts.attempts + 1 RETURNING attempts",
    )
    .bind(&cookie_id)
    .fetch_one(&state.db)
    .await
    {
        Ok(n) => n,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR,
    };
    if attempts > MAX_ATTEMPTS_PER_HOUR {
        tracing::warn!(attempts, "signup rate limited");
        return StatusCode::TOO_MANY_REQUESTS;
    }
    StatusCode::NO_CONTENT
}
