//! Columns of SQL DDL: `CREATE TABLE` and `ALTER TABLE ... ADD`, and the
//! columns its seed rows show to hold password hashes.

use std::collections::{HashMap, HashSet};

use super::{Field, word_at};
use crate::classify::Classifier;

/// Columns of `CREATE TABLE t (...)` and `ALTER TABLE t ADD [COLUMN] c`.
pub(super) fn sql_columns(text: &str) -> Vec<Field> {
    const NOT_COLUMNS: [&str; 8] = [
        "primary",
        "foreign",
        "unique",
        "constraint",
        "key",
        "index",
        "check",
        "exclude",
    ];
    let mut out = Vec::new();
    let mut table: Option<String> = None;
    let mut depth = 0i32;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split("--").next().unwrap_or("");
        let upper = line.to_ascii_uppercase();
        if let Some(pos) = upper.find("CREATE TABLE") {
            let after = &line[pos + "CREATE TABLE".len()..];
            let after = after
                .trim_start()
                .trim_start_matches("IF NOT EXISTS")
                .trim_start_matches("if not exists");
            let name = after
                .split(|c: char| c == '(' || c.is_whitespace())
                .find(|s| !s.is_empty())
                .unwrap_or("");
            table = Some(
                name.trim_matches(['`', '"', '[', ']'])
                    .rsplit('.')
                    .next()
                    .unwrap_or(name)
                    .to_string(),
            );
            depth = 0;
            if let Some(open) = line.find('(') {
                depth = 1;
                push_columns(
                    &line[open + 1..],
                    line.len() - line[open + 1..].len(),
                    i,
                    table.as_deref(),
                    &NOT_COLUMNS,
                    &mut out,
                );
                depth += line[open + 1..].matches('(').count() as i32
                    - line[open + 1..].matches(')').count() as i32;
            }
            continue;
        }
        if let Some(pos) = upper.find("ALTER TABLE") {
            if let Some(add) = upper.find(" ADD ") {
                let t = line[pos + "ALTER TABLE".len()..]
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .trim_matches(['`', '"'])
                    .to_string();
                let from = add + " ADD ".len();
                let from = if upper[from..].trim_start().starts_with("COLUMN") {
                    from + upper[from..].find("COLUMN").unwrap_or(0) + 6
                } else {
                    from
                };
                if let Some((col, name)) = word_at(line, from) {
                    out.push(Field {
                        owner: t,
                        name: name.to_string(),
                        line: i as u32 + 1,
                        col: col as u32,
                        what: None,
                    });
                }
            }
            continue;
        }
        if depth > 0 {
            if depth == 1 {
                push_columns(line, 0, i, table.as_deref(), &NOT_COLUMNS, &mut out);
            }
            depth += line.matches('(').count() as i32 - line.matches(')').count() as i32;
            if depth <= 0 {
                table = None;
            }
        }
    }
    out
}

fn push_columns(
    segment: &str,
    offset: usize,
    line: usize,
    table: Option<&str>,
    skip: &[&str],
    out: &mut Vec<Field>,
) {
    let Some(table) = table else { return };
    // A table constraint (`UNIQUE (email, phone)`) names columns, it does not add them.
    if word_at(segment, 0).is_some_and(|(_, w)| skip.contains(&w.to_ascii_lowercase().as_str())) {
        return;
    }
    let mut pos = 0;
    for item in segment.split(',') {
        if let Some((col, word)) = word_at(item, 0) {
            // The name may be quoted (`email`, "email", [email]).
            let starts_item = item[..col]
                .trim()
                .trim_matches(['`', '"', '['])
                .trim()
                .is_empty();
            if starts_item && !skip.contains(&word.to_ascii_lowercase().as_str()) {
                out.push(Field {
                    owner: table.to_string(),
                    name: word.to_string(),
                    line: line as u32 + 1,
                    col: (offset + pos + col) as u32,
                    what: None,
                });
            }
        }
        pos += item.len() + 1;
    }
}

/// Rows one `INSERT` line may show before the rest is ignored.
const MAX_ROWS_PER_INSERT: usize = 64;

/// The (table, column) pairs whose rows in the file's `INSERT INTO t
/// [(cols)] VALUES (..)` statements hold password hashes (`'$2a$10$..'`):
/// seed data that shows the column stores a hash, not the password.
pub(super) fn hashed_columns(
    text: &str,
    columns: &[Field],
    classifier: &Classifier,
) -> HashSet<(String, String)> {
    let mut by_table: HashMap<&str, Vec<&str>> = HashMap::new();
    for c in columns {
        by_table
            .entry(c.owner.as_str())
            .or_default()
            .push(c.name.as_str());
    }
    let mut out = HashSet::new();
    for line in text.lines() {
        let upper = line.to_ascii_uppercase();
        let (Some(into), Some(values)) = (upper.find("INSERT INTO"), upper.find("VALUES")) else {
            continue;
        };
        if values < into {
            continue;
        }
        let head = &line[into + "INSERT INTO".len()..values];
        let table = head
            .split(|c: char| c == '(' || c.is_whitespace())
            .find(|s| !s.is_empty())
            .unwrap_or("")
            .trim_matches(['`', '"', '[', ']']);
        let table = table
            .rsplit('.')
            .next()
            .unwrap_or(table)
            .trim_matches(['`', '"']);
        let named: Vec<&str> = match head.find('(') {
            Some(open) => head[open + 1..]
                .trim_end()
                .trim_end_matches(')')
                .split(',')
                .map(|c| c.trim().trim_matches(['`', '"', '[', ']']))
                .collect(),
            None => match by_table.get(table) {
                Some(cols) => cols.clone(),
                None => continue,
            },
        };
        for row in rows(&line[values + "VALUES".len()..]).take(MAX_ROWS_PER_INSERT) {
            for (value, column) in row.iter().zip(&named) {
                if classifier.is_hashed_value(value) {
                    out.insert((table.to_string(), column.to_string()));
                }
            }
        }
    }
    out
}

/// The rows of a `VALUES (..), (..)` list, each as its values with quotes
/// removed (escapes kept as written: only prefixes are compared).
fn rows(list: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    let mut chars = list.chars().peekable();
    std::iter::from_fn(move || {
        // To the next row's opening parenthesis.
        chars.by_ref().find(|&c| c == '(')?;
        let mut row = Vec::new();
        let mut value = String::new();
        let mut quote: Option<char> = None;
        while let Some(c) = chars.next() {
            match (quote, c) {
                (Some(q), '\\') if q != '`' => {
                    value.push(c);
                    if let Some(n) = chars.next() {
                        value.push(n);
                    }
                }
                (Some(q), c) if c == q => {
                    if chars.peek() == Some(&q) {
                        value.push(q);
                        chars.next();
                    } else {
                        quote = None;
                    }
                }
                (Some(_), c) => value.push(c),
                (None, '\'' | '"') => quote = Some(c),
                (None, ',') => row.push(std::mem::take(&mut value).trim().to_string()),
                (None, ')') => {
                    row.push(value.trim().to_string());
                    return Some(row);
                }
                (None, c) => value.push(c),
            }
        }
        None
    })
}
