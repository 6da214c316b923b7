//! Columns of SQL DDL: `CREATE TABLE` and `ALTER TABLE ... ADD`.

use super::{Field, word_at};

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
