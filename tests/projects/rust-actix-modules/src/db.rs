//! Database access.
use sqlx::PgPool;

use crate::api::orders::OrderRequest;

pub struct Db {
    pool: PgPool,
}

impl Db {
    pub async fn connect(url: &str) -> sqlx::Result<Db> {
        Ok(Db {
            pool: PgPool::connect(url).await?,
        })
    }

    pub async fn insert_user(&self, key: &str, login: &str, shown_as: &str) -> sqlx::Result<i64> {
        sqlx::query_scalar!( // expect: stored user.contact.email; stored user.name
            "INSERT INTO users (lookup_key, email, full_name) VALUES ($1, $2, $3) RETURNING id",
            key,
            login,
            shown_as
        )
        .fetch_one(&self.pool)
        .await
    }

    pub async fn email_of(&self, user_id: i64) -> sqlx::Result<String> {
        sqlx::query_scalar!("SELECT email FROM users WHERE id = $1", user_id)
            .fetch_one(&self.pool)
            .await
    }

    pub async fn save_order(&self, order: &OrderRequest) -> sqlx::Result<i64> {
        let line = &order.shipping;
        sqlx::query_scalar!( // expect: stored user.contact.address.postal_code; stored user.contact.address.street
            "INSERT INTO orders (user_id, ship_to, street, zip, sku, quantity) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            order.user_id,
            order.recipient_name,
            line.street,
            line.zip_code,
            order.sku,
            order.quantity as i32
        )
        .fetch_one(&self.pool)
        .await
    }

    pub async fn cancel(&self, order_id: i64) -> sqlx::Result<()> {
        sqlx::query!("UPDATE orders SET cancelled = TRUE WHERE id = $1", order_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
