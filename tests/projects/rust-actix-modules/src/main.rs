mod api;
mod db;
mod notify;
mod privacy;

use actix_web::{web, App, HttpServer};

pub struct AppState {
    pub db: db::Db,
    pub mailer: notify::Mailer,
}

#[actix_web::main]
async fn main() -> std::io::Result<()> {
    env_logger::init();
    let db = db::Db::connect(&std::env::var("DATABASE_URL").unwrap_or_default())
        .await
        .expect("database");
    let state = web::Data::new(AppState {
        db,
        mailer: notify::Mailer::from_env(),
    });
    HttpServer::new(move || App::new().app_data(state.clone()).configure(api::routes))
        .bind(("0.0.0.0", 8080))?
        .run()
        .await
}
