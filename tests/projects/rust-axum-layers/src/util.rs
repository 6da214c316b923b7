//! Small helpers shared by the handlers and services.
use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
use argon2::Argon2;

pub fn normalize_phone(raw: &str) -> String {
    raw.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

/// `+4915112345678` as `+49******5678`.
pub fn mask_phone(value: &str) -> String {
    let keep = value.len().saturating_sub(4);
    format!("{}******{}", &value[..3], &value[keep..])
}

pub fn hash_password(secret: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
}
