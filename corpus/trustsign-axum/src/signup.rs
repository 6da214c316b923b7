use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::AppState;

/// 注册表单。手机号用于登录和找回密码，身份证号在实名认证时另行采集。
#[derive(Debug, Deserialize)]
pub struct SignupForm {
    pub email: String,
    pub phone: String,
    pub password: String,
    #[serde(default)]
    pub marketing_opt_in: bool,
}

#[derive(Serialize)]
pub struct SignupResponse {
    pub id: i64,
}

#[derive(Serialize)]
struct PartnerLead<'a> {
    email: &'a str,
    phone: &'a str,
    source: &'static str,
}

const MIN_PASSWORD_LEN: usize = 8;

pub async fn signup(
    State(state): State<AppState>,
    Json(payload): Json<SignupForm>,
) -> Result<impl IntoResponse, StatusCode> {
    // 仅接受中国大陆 11 位手机号
    if payload.phone.len() != 11 || !payload.email.contains('@') {
        return Err(StatusCode::UNPROCESSABLE_ENTITY);
    }
    if payload.password.len() < MIN_PASSWORD_LEN {
        return Err(StatusCode::UNPROCESSABLE_ENTITY);
    }

    let password_hash = bcrypt::hash(&payload.password, bcrypt::DEFAULT_COST)
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let email_digest = hex::encode(Sha256::digest(payload.email.to_lowercase().as_bytes()));
    tracing::info!(email_digest = %email_digest, "signup dedupe check");

    let row = sqlx::query(
        "INSERT INTO accounts (email, phone, password_hash, email_digest) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&payload.email)
    .bind(&payload.phone)
    .bind(&password_hash)
    .bind(&email_digest)
    .fetch_one(&state.db)
    .await
    .map_err(|_| StatusCode::CONFLICT)?;
    let id: i64 = row.get("id");
    tracing::info!(email = %payload.email, account_id = id, "new signup");

    if payload.marketing_opt_in {
        let lead = PartnerLead {
            email: &payload.email,
            phone: &payload.phone,
            source: "signup",
        };
        let sent = reqwest::Client::new()
            .post("https://api.adpartner-leads.com/v1/leads")
            .json(&lead)
            .send()
            .await;
        if let Err(err) = sent {
            tracing::warn!(error = %err, account_id = id, "partner lead not delivered");
        }
    }

    let session = uuid::Uuid::new_v4().simple().to_string();
    sqlx::query("INSERT INTO sessions (token, account_id) VALUES ($1, $2)")
        .bind(&session)
        .bind(id)
        .execute(&state.db)
        .await
        .map_err(|_| StatusCode::INTERNAL_SERVER_ERROR)?;
    let cookie = format!("ts_session={session}; Path=/; HttpOnly; Secure; SameSite=Lax");
    Ok((
        StatusCode::CREATED,
        [(header::SET_COOKIE, cookie)],
        Json(SignupResponse { id }),
    ))
}
