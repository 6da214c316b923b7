//! Personal data declared in schema files: SQL DDL, Prisma schemas, GraphQL
//! input types, protobuf request messages and HTML forms.
//!
//! A column or model field of a personal-data category is data the system
//! stores; a form input, GraphQL input field or request-message field is data
//! it collects. Each becomes a flow at its line, classified with the table,
//! model or type name as the owner (so `users.name` is a person's name).

use std::path::Path;

use crate::classify::Classifier;
use crate::flow::Flow;
use crate::ir::Span;
use crate::rules::{FlowKind, StoreKind};

/// The schema formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaKind {
    SqlDdl,
    Prisma,
    GraphQl,
    Protobuf,
    HtmlForm,
}

impl SchemaKind {
    /// The format of a file, judged by its name.
    pub fn for_path(path: &Path) -> Option<SchemaKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "sql" => SchemaKind::SqlDdl,
            "prisma" => SchemaKind::Prisma,
            "graphql" | "gql" | "graphqls" => SchemaKind::GraphQl,
            "proto" => SchemaKind::Protobuf,
            "html" | "htm" | "jinja" | "jinja2" | "j2" | "hbs" | "ejs" | "vue" | "erb" => {
                SchemaKind::HtmlForm
            }
            _ => return None,
        })
    }

    fn via(self) -> &'static str {
        match self {
            SchemaKind::SqlDdl => "sql-ddl",
            SchemaKind::Prisma => "prisma-schema",
            SchemaKind::GraphQl => "graphql-input",
            SchemaKind::Protobuf => "protobuf-request",
            SchemaKind::HtmlForm => "html-form",
        }
    }
}

/// A named field found in a schema: (owner, field, 1-based line, byte column).
struct Field {
    owner: String,
    name: String,
    line: u32,
    col: u32,
}

/// The flows the schema `text` declares.
pub fn flows(kind: SchemaKind, text: &str, classifier: &Classifier) -> Vec<Flow> {
    let (fields, flow_kind, store) = match kind {
        SchemaKind::SqlDdl => (
            sql_columns(text),
            FlowKind::Stored,
            Some(StoreKind::Database),
        ),
        SchemaKind::Prisma => (
            blocks(text, &["model"], prisma_field),
            FlowKind::Stored,
            Some(StoreKind::Database),
        ),
        SchemaKind::GraphQl => (
            blocks(text, &["input"], graphql_field),
            FlowKind::Collected,
            None,
        ),
        SchemaKind::Protobuf => {
            let request = |owner: &str| {
                ["Request", "Input", "Form", "Command"]
                    .iter()
                    .any(|s| owner.ends_with(s))
            };
            let fields = blocks(text, &["message"], proto_field)
                .into_iter()
                .filter(|f| request(&f.owner))
                .collect();
            (fields, FlowKind::Collected, None)
        }
        SchemaKind::HtmlForm => (form_inputs(text), FlowKind::Collected, None),
    };
    let mut out = Vec::new();
    for f in fields {
        let crate::classify::Verdict::Category { id, .. } =
            classifier.classify(&f.name, Some(&f.owner))
        else {
            continue;
        };
        let span = Span {
            start_line: f.line,
            start_col: f.col,
            end_line: f.line,
            end_col: f.col + f.name.len() as u32,
        };
        let what = match kind {
            SchemaKind::SqlDdl => format!("column `{}` of table `{}`", f.name, f.owner),
            SchemaKind::Prisma => format!("field `{}` of model `{}`", f.name, f.owner),
            SchemaKind::GraphQl => format!("field `{}` of input `{}`", f.name, f.owner),
            SchemaKind::Protobuf => format!("field `{}` of message `{}`", f.name, f.owner),
            SchemaKind::HtmlForm => format!("form input `{}`", f.name),
        };
        out.push(Flow {
            kind: flow_kind,
            category: id,
            span,
            via: kind.via().to_string(),
            recipient: None,
            store,
            store_key: None,
            region: None,
            target: what,
            trail: Vec::new(),
        });
    }
    out
}

fn word_at(line: &str, from: usize) -> Option<(usize, &str)> {
    let rest = &line[from..];
    let start = rest.find(|c: char| c.is_alphanumeric() || c == '_')?;
    let word = &rest[start..];
    let end = word
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(word.len());
    Some((from + start, &word[..end]))
}

/// Columns of `CREATE TABLE t (...)` and `ALTER TABLE t ADD [COLUMN] c`.
fn sql_columns(text: &str) -> Vec<Field> {
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
            let starts_item = item[..col].trim().is_empty()
                || item[..col].trim_matches(['`', '"', '[']).is_empty();
            if starts_item && !skip.contains(&word.to_ascii_lowercase().as_str()) {
                out.push(Field {
                    owner: table.to_string(),
                    name: word.to_string(),
                    line: line as u32 + 1,
                    col: (offset + pos + col) as u32,
                });
            }
        }
        pos += item.len() + 1;
    }
}

/// Fields of `keyword Name { ... }` blocks, each line read by `field`.
fn blocks(text: &str, keywords: &[&str], field: fn(&str) -> Option<(usize, &str)>) -> Vec<Field> {
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
            });
        }
    }
    out
}

fn prisma_field(line: &str) -> Option<(usize, &str)> {
    let t = line.trim_start();
    if t.starts_with('@') || t.is_empty() {
        return None;
    }
    word_at(line, 0)
}

fn graphql_field(line: &str) -> Option<(usize, &str)> {
    let (col, name) = word_at(line, 0)?;
    line[col + name.len()..]
        .trim_start()
        .starts_with([':', '('])
        .then_some((col, name))
}

fn proto_field(line: &str) -> Option<(usize, &str)> {
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

/// `name` attributes of `<input>`, `<select>` and `<textarea>` elements.
fn form_inputs(text: &str) -> Vec<Field> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let lower = line.to_ascii_lowercase();
        for tag in ["<input", "<select", "<textarea"] {
            let mut from = 0;
            while let Some(p) = lower[from..].find(tag) {
                let start = from + p;
                let end = lower[start..].find('>').map_or(line.len(), |e| start + e);
                let element = &line[start..end];
                if let Some(n) = element.find("name=") {
                    let value = &element[n + 5..];
                    let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'');
                    let body = if quote.is_some() { &value[1..] } else { value };
                    let len = body
                        .find(|c: char| Some(c) == quote || c.is_whitespace() || c == '>')
                        .unwrap_or(body.len());
                    let name = &body[..len];
                    if !name.is_empty() {
                        let col = start + n + 5 + usize::from(quote.is_some());
                        out.push(Field {
                            owner: "form".into(),
                            name: name.to_string(),
                            line: i as u32 + 1,
                            col: col as u32,
                        });
                    }
                }
                from = end.max(start + 1);
            }
        }
    }
    out
}
