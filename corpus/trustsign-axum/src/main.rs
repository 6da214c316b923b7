//! TrustSign 账户服务：注册、客服咨询和合作伙伴推广回调。

mod fengkong;
mod partner;
mod signup;
mod support;

use std::net::SocketAddr;

use axum::routing::{get, post};
use axum::Router;
use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;

#[derive(Clone)]
pub struct AppState {
    pub db: sqlx::PgPool,
    pub http: reqwest::Client,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .json()
        .init();

    let db = PgPoolOptions::new()
        .max_connections(16)
        .connect(&std::env::var("DATABASE_URL")?)
        .await?;
    let http = reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()?;
    let state = AppState { db, http };

    let app = Router::new()
        .route("/api/signup", post(signup::signup))
        .route("/api/signup/precheck", post(fengkong::signup_precheck))
        .route("/api/support/zixun", post(support::submit_zixun))
        .route("/api/support/zixun/qudao", post(support::submit_zixun_qudao))
        .route("/api/reseller/baojia", post(support::qingqiu_baojia))
        .route("/api/promo/landing", get(partner::landing))
        .with_state(state);

    let addr = SocketAddr::from(([0, 0, 0, 0], 8080));
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "trustsign account service listening");
    axum::serve(listener, app).await?;
    Ok(())
}
