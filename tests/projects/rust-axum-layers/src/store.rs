//! Persistence of accounts.
use sqlx::PgPool;

#[derive(Debug)]
pub struct NewUser {
    pub email: String,
    pub phone: String,
    pub display_name: String,
    pub password_hash: String,
}

#[derive(sqlx::FromRow)]
pub struct Profile {
    pub email: String,
    pub display_name: String,
}

pub struct UserStore {
    pool: PgPool,
}

impl UserStore {
    pub fn new(pool: PgPool) -> Self {
        Self { pool }
    }

    pub async fn insert(&self, user: &NewUser) -> sqlx::Result<i64> {
        let mut tx = self.pool.begin().await?;
        let id: i64 = sqlx::query_scalar(  // reported where callers pass their data in
            "INSERT INTO users (email, phone, display_name, password_hash) \
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(&user.email)
        .bind(&user.phone)
        .bind(&user.display_name)
        .bind(&user.password_hash)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(id)
    }
}

pub async fn insert_invited(pool: &PgPool, invitee: &str) -> sqlx::Result<i64> {
    sqlx::query_scalar("INSERT INTO users (email, invited) VALUES ($1, TRUE) RETURNING id")  // reported where callers pass their data in
        .bind(invitee)
        .fetch_one(pool)
        .await
}

pub async fn consume_invite(pool: &PgPool, token: &str) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM invites WHERE token = $1")
        .bind(token)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn update_phone(pool: &PgPool, user_id: i64, number: &str) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET phone = $1 WHERE id = $2")  // reported where callers pass their data in
        .bind(number)
        .bind(user_id)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn find_profile(pool: &PgPool, user_id: i64) -> sqlx::Result<Profile> {
    sqlx::query_as("SELECT email, display_name FROM users WHERE id = $1")
        .bind(user_id)
        .fetch_one(pool)
        .await
}
