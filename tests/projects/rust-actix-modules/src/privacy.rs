//! Keeping raw identifiers out of logs and joins.
use sha2::{Digest, Sha256};

/// A stable key for an e-mail address: the same address always gives the
/// same key, and the key does not give the address back.
pub fn lookup_key(value: &str) -> String {
    let digest = Sha256::digest(value.trim().to_lowercase().as_bytes());
    hex::encode(digest)
}

/// `jane.doe@example.com` as `j***@example.com`.
pub fn redact_email(value: &str) -> String {
    match value.split_once('@') {
        Some((local, domain)) => format!("{}***@{}", &local[..1], domain),
        None => "***".to_string(),
    }
}
