//! Raw SQL in storage calls: is it a write, and which columns does it set.

/// True when the statement writes rows (`INSERT`, `UPDATE`, `REPLACE`,
/// `MERGE`, `UPSERT`), after leading comments and `WITH` clauses.
pub fn is_write(sql: &str) -> bool {
    let upper = sql.trim_start().to_ascii_uppercase();
    ["INSERT", "UPDATE", "REPLACE", "MERGE", "UPSERT"]
        .iter()
        .any(|k| upper.starts_with(k))
        || (upper.starts_with("WITH") && ["INSERT ", "UPDATE "].iter().any(|k| upper.contains(k)))
}

/// Column names set by an `INSERT INTO t (a, b)` or `UPDATE t SET a = ?, b = ?`.
pub fn columns(sql: &str) -> Vec<String> {
    let upper = sql.to_ascii_uppercase();
    let clean = |c: &str| c.trim().trim_matches(['`', '"', '[', ']']).to_string();
    if upper.trim_start().starts_with("INSERT") || upper.trim_start().starts_with("REPLACE") {
        let Some(open) = sql.find('(') else {
            return Vec::new();
        };
        let Some(close) = sql[open..].find(')') else {
            return Vec::new();
        };
        let before = &upper[..open];
        if before.contains("VALUES") || before.contains("SELECT") {
            return Vec::new();
        }
        return sql[open + 1..open + close]
            .split(',')
            .map(clean)
            .filter(|c| !c.is_empty())
            .collect();
    }
    if let Some(set) = upper.find(" SET ") {
        let from = set + " SET ".len();
        // `SET WHERE`: the space that ends ` SET ` starts ` WHERE `.
        let end = upper[set..]
            .find(" WHERE ")
            .map_or(sql.len(), |w| set + w)
            .max(from);
        return sql[from..end]
            .split(',')
            .filter_map(|a| a.split('=').next())
            .map(clean)
            .filter(|c| !c.is_empty())
            .collect();
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::{columns, is_write};

    #[test]
    fn writes_and_columns() {
        assert!(is_write("  insert into users (email) values (?)"));
        assert!(is_write("UPDATE users SET phone = $1 WHERE id = $2"));
        assert!(!is_write("SELECT email FROM users"));
        assert_eq!(
            columns("INSERT INTO users (email, `phone`) VALUES (?, ?)"),
            ["email", "phone"]
        );
        assert_eq!(
            columns("UPDATE users SET phone = ?, name=? WHERE id = ?"),
            ["phone", "name"]
        );
        assert!(columns("INSERT INTO users VALUES (?, ?)").is_empty());
        assert!(columns("UPDATE users SET WHERE id = ?").is_empty());
        assert!(columns("UPDATE t SET ").is_empty());
    }
}
