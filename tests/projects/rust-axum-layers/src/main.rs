//! HTTP entry point: shared state and routes.
mod audit;
mod clients;
mod forms;
mod routes;
mod service;
mod store;
mod util;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;
use sqlx::postgres::PgPoolOptions;

use crate::clients::{MetricsClient, SmsClient};
use crate::service::AccountService;
use crate::store::UserStore;

#[derive(Clone)]
pub struct AppState {
    pub accounts: Arc<AccountService>,
    pub metrics: Arc<MetricsClient>,
    pub pool: sqlx::PgPool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let pool = PgPoolOptions::new()
        .max_connections(5)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let sms = SmsClient::new(std::env::var("SMS_ACCOUNT")?, std::env::var("SMS_TOKEN")?);
    let accounts = AccountService::new(UserStore::new(pool.clone()), sms);
    let state = AppState {
        accounts: Arc::new(accounts),
        metrics: Arc::new(MetricsClient::default()),
        pool,
    };
    let app = Router::new()
        .route("/signup", post(routes::signup::signup))
        .route("/invites/accept", post(routes::signup::accept_invite))
        .route("/users/:id/contact", post(routes::profile::update_contact))
        .route("/users/:id/welcome", get(routes::profile::welcome))
        .with_state(state);
    let listener = tokio::net::TcpListener::bind("0.0.0.0:3000").await?;
    tracing::info!("listening on {}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}
