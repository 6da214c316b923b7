//! Orders: the customer and where to ship.
use std::collections::HashMap;

use actix_web::{delete, post, web, HttpResponse};
use serde::Deserialize;

use crate::notify::{email, ops};
use crate::AppState;

#[derive(Deserialize)]
pub struct Address {
    pub street: String,
    pub zip_code: String,
    pub city: String,
}

#[derive(Deserialize)]
pub struct OrderRequest {
    pub user_id: i64,
    pub recipient_name: String,
    pub shipping: Address,
    pub sku: String,
    pub quantity: u32,
}

#[post("/orders")]
pub async fn place_order(
    state: web::Data<AppState>,
    web::Json(order): web::Json<OrderRequest>, // expect: collected user.contact.address.postal_code; collected user.contact.address.street; collected user.name
) -> HttpResponse {
    let Some(to) = super::users::email_on_file(&state, order.user_id).await else {
        return HttpResponse::NotFound().finish();
    };
    let order_id = match state.db.save_order(&order).await {  // expect: stored user.name
        Ok(id) => id,
        Err(_) => {
            ops::page(&format!("order for user {} could not be saved", order.user_id)).await;
            return HttpResponse::InternalServerError().finish();
        }
    };
    let mut vars = HashMap::new();
    vars.insert("name", order.recipient_name.clone());
    vars.insert("street", order.shipping.street.clone());
    vars.insert("order", order_id.to_string());
    email::send_receipt(&state.mailer, &to, &vars).await;  // expect: shared user.contact.address.street -> sendgrid; shared user.name -> sendgrid
    HttpResponse::Created().finish()
}

#[delete("/orders/{id}")]
pub async fn cancel_order(state: web::Data<AppState>, path: web::Path<i64>) -> HttpResponse {
    let order_id = path.into_inner();
    if state.db.cancel(order_id).await.is_err() {
        ops::page(&format!("order {order_id} could not be cancelled")).await;
    }
    HttpResponse::NoContent().finish()
}
