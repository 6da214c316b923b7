//! Fields of brace-delimited declarations: Prisma models, GraphQL input
//! types and protobuf messages.

use super::{Field, word_at};

/// Fields of `keyword Name { ... }` blocks, each line read by `field`.
pub(super) fn blocks(
    text: &str,
    keywords: &[&str],
    field: fn(&str) -> Option<(usize, &str)>,
) -> Vec<Field> {
    let mut out = Vec::new();
    let mut owner: Option<String> = None;
    for (i, raw) in text.lines().enumerate() {
        let line = raw
            .split("//")
            .next()
            .unwrap_or("")
            .split('#')
            .next()
            .unwrap_or("");
        let trimmed = line.trim();
        if let Some(kw) = keywords
            .iter()
            .find(|k| trimmed.starts_with(&format!("{k} ")))
        {
            owner = trimmed[kw.len()..]
                .split(|c: char| c == '{' || c.is_whitespace())
                .find(|s| !s.is_empty())
                .map(str::to_string);
            continue;
        }
        if trimmed.starts_with('}') {
            owner = None;
            continue;
        }
        if let (Some(o), Some((col, name))) = (&owner, field(line)) {
            out.push(Field {
                owner: o.clone(),
                name: name.to_string(),
                line: i as u32 + 1,
                col: col as u32,
                what: None,
            });
        }
    }
    out
}

pub(super) fn prisma_field(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    if t.starts_with('@') || t.is_empty() {
        return None;
    }
    word_at(line, 0)
}

pub(super) fn graphql_field(line: &str) -> Option<(usize, &str)> {
    let (col, name) = word_at(line, 0)?;
    line[col + name.len()..]
        .trim_start()
        .starts_with([':', '('])
        .then_some((col, name))
}

pub(super) fn proto_field(line: &str) -> Option<(usize, &str)> {
    // `[repeated|optional] type name = 1;`
    let before_eq = line.split('=').next()?;
    let keyword = ["option", "reserved", "message", "enum", "oneof"]
        .iter()
        .any(|k| line.trim_start().starts_with(k));
    if !line.contains('=') || keyword {
        return None;
    }
    let name = before_eq.split_whitespace().last()?;
    let col = before_eq.rfind(name)?;
    Some((col, name))
}
