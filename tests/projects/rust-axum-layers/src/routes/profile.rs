//! Profile handlers.
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Form;

use crate::forms::ContactUpdate;
use crate::service::greeting;
use crate::store;
use crate::util::normalize_phone;
use crate::AppState;

pub async fn update_contact(
    State(state): State<AppState>,
    Path(user_id): Path<i64>,
    Form(update): Form<ContactUpdate>,  // expect: collected user.contact.phone_number
) -> StatusCode {
    let number = normalize_phone(&update.mobile);
    if store::update_phone(&state.pool, user_id, &number).await.is_err() {  // expect: stored user.contact.phone_number
        return StatusCode::NOT_FOUND;
    }
    if update.notify_by_sms {
        let _ = state.accounts.confirm_number(&number).await;  // expect: shared user.contact.phone_number -> twilio
    }
    tracing::info!(user_id, "contact updated");
    StatusCode::NO_CONTENT
}

pub async fn welcome(
    State(state): State<AppState>,
    Path(user_id): Path<i64>,
) -> Result<String, StatusCode> {
    let profile = store::find_profile(&state.pool, user_id)
        .await
        .map_err(|_| StatusCode::NOT_FOUND)?;
    let banner = greeting(&profile);
    tracing::debug!(%banner, "welcome page"); // expect: logged user.contact.email; logged user.name
    Ok(banner)
}
