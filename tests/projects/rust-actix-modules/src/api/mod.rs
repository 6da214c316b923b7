pub mod orders;
pub mod users;

use actix_web::web;

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(self::users::create_user)
        .service(self::orders::place_order)
        .service(self::orders::cancel_order);
}
