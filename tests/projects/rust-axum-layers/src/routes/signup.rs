//! Sign-up handlers: read the request, hand the work to the service layer.
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use serde_json::{json, Value};

use crate::forms::{InviteAccept, SignupForm};
use crate::service::register_invited;
use crate::{audit, AppState};

pub async fn signup(
    State(state): State<AppState>,
    Json(form): Json<SignupForm>,  // expect: collected user.contact.email; collected user.authorization.password; collected user.contact.phone_number; collected user.name -- every personal field of `SignupForm` (declared in forms.rs), at the extractor
) -> Result<Json<Value>, StatusCode> {
    if form.email.is_empty() || form.password.len() < 12 {
        return Err(StatusCode::UNPROCESSABLE_ENTITY);
    }
    let referral = form.referral_code.clone();
    let id = state
        .accounts
        .register(form)
        .await
        .map_err(|_| StatusCode::CONFLICT)?;
    state.metrics.record_event("signup", &id.to_string()).await;
    if let Some(code) = referral {
        audit::record_event("referral.used", &code);
    }
    Ok(Json(json!({ "id": id })))
}

pub async fn accept_invite(
    State(state): State<AppState>,
    Json(invite): Json<InviteAccept>,  // expect: collected user.contact.email
) -> StatusCode {
    let user_id = match register_invited(&state.pool, &invite.token, &invite.email).await {  // expect: stored user.contact.email
        Ok(id) => id,
        Err(_) => return StatusCode::GONE,
    };
    audit::record_event("invite.accepted", &invite.email);  // expect: logged user.contact.email
    state.metrics.record_event("invite", &user_id.to_string()).await;
    StatusCode::OK
}
