//! Personal data declared in schema files: SQL DDL, Prisma schemas, GraphQL
//! input types, protobuf request messages, HTML forms, OpenAPI (3.x and
//! Swagger 2.0) documents and JSON Schemas.
//!
//! A column or model field of a personal-data category is data the system
//! stores; a form input, GraphQL input field or request-message field is data
//! it collects. Each becomes a flow at its line, classified with the table,
//! model or type name as the owner (so `users.name` is a person's name).
//!
//! An OpenAPI document says what its API receives: the properties of request
//! bodies (and of the component schemas they reference) and the query, path,
//! header, cookie and form parameters are collected, each at the line of its
//! key. Schemas used only in responses are not reported: an API that returns
//! an email address does not collect it. A standalone JSON Schema describes
//! the shape of data a system accepts, so each of its properties is
//! collected too. `openapi.rs` has the details.
//!
//! Most formats are known by the file name ([`SchemaKind::for_path`]); YAML
//! and JSON documents by the first few KiB of their content
//! ([`SchemaKind::for_content`]), so that configuration (compose files, CI
//! workflows, Kubernetes manifests, `privacy.yml`) is not read as a schema.

mod blocks;
mod html;
mod keylines;
mod openapi;
mod sql;

use crate::files;
use std::path::Path;

use crate::classify::Classifier;
use crate::ir::Span;
use crate::model::{Flow, FlowKind, StoreKind};

/// The schema formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SchemaKind {
    SqlDdl,
    Prisma,
    GraphQl,
    Protobuf,
    HtmlForm,
    OpenApi,
    JsonSchema,
}

/// How much of a YAML or JSON file is read to tell whether it is an OpenAPI
/// document or a JSON Schema.
const SNIFF_BYTES: usize = 4096;

impl SchemaKind {
    /// The format of a file judged by its name alone; YAML and JSON files
    /// need their content ([`SchemaKind::for_content`]).
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

    /// True for the YAML and JSON files whose format depends on content.
    pub fn is_document(path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "yaml" | "yml" | "json"))
    }

    /// The format of a file judged by its name and, for YAML and JSON, by the
    /// start of its content: a top-level `openapi` or `swagger` key makes an
    /// OpenAPI document; a name like `*.schema.json` or a top-level
    /// `$schema` naming json-schema.org makes a JSON Schema. Whether the
    /// document really is one is checked again when it is parsed.
    pub fn for_content(path: &Path, content: &[u8]) -> Option<SchemaKind> {
        if !Self::is_document(path) {
            return Self::for_path(path);
        }
        let head = String::from_utf8_lossy(&content[..content.len().min(SNIFF_BYTES)]);
        let head = head.trim_start_matches('\u{feff}');
        if openapi::looks_like_openapi(head) {
            return Some(SchemaKind::OpenApi);
        }
        if openapi::is_schema_name(path) || openapi::looks_like_json_schema(head) {
            return Some(SchemaKind::JsonSchema);
        }
        None
    }

    /// [`SchemaKind::for_content`] of a file on disk, reading no more than
    /// the start of YAML and JSON files; `None` too for one whose start
    /// cannot be read.
    pub fn for_file(path: &Path) -> Option<SchemaKind> {
        Self::for_file_checked(path).ok().flatten()
    }

    /// [`SchemaKind::for_file`], or why the start of a YAML or JSON file
    /// cannot tell: it cannot be read, or is binary (a NUL byte). The file
    /// is then neither known to be a schema nor known not to be one.
    pub fn for_file_checked(path: &Path) -> Result<Option<SchemaKind>, String> {
        if !Self::is_document(path) {
            return Ok(Self::for_path(path));
        }
        let head = files::read_bounded(path, SNIFF_BYTES as u64 - 1)
            .map_err(|e| format!("cannot read: {}", crate::text::io_reason(&e)))?;
        if memchr::memchr(0, &head).is_some() {
            return Err("binary file".to_string());
        }
        Ok(Self::for_content(path, &head))
    }

    /// What findings from this format name as their `via`.
    pub fn via(self) -> &'static str {
        match self {
            SchemaKind::SqlDdl => "sql-ddl",
            SchemaKind::Prisma => "prisma-schema",
            SchemaKind::GraphQl => "graphql-input",
            SchemaKind::Protobuf => "protobuf-request",
            SchemaKind::HtmlForm => "html-form",
            SchemaKind::OpenApi => "openapi-request",
            SchemaKind::JsonSchema => "json-schema",
        }
    }
}

/// Whether a finding's `via` is a schema's: a declaration of what a store
/// or request holds, not code that writes it.
pub fn is_schema_via(via: &str) -> bool {
    [
        SchemaKind::SqlDdl,
        SchemaKind::Prisma,
        SchemaKind::GraphQl,
        SchemaKind::Protobuf,
        SchemaKind::HtmlForm,
        SchemaKind::OpenApi,
        SchemaKind::JsonSchema,
    ]
    .iter()
    .any(|k| k.via() == via)
}

/// A schema file that could not be read as its format.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct SchemaError(pub String);

/// A named field found in a schema: (owner, field, 1-based line, byte column).
struct Field {
    owner: String,
    name: String,
    line: u32,
    col: u32,
    /// How findings name the field, when the format says more than its
    /// owner and name (the API operations of an OpenAPI property).
    what: Option<String>,
}

/// The flows the schema `text` of the file at `path` declares, and notes on
/// what could not be analysed.
pub fn flows(
    mut kind: SchemaKind,
    path: &Path,
    text: &str,
    classifier: &Classifier,
) -> Result<(Vec<Flow>, Vec<String>), SchemaError> {
    let mut notes = Vec::new();
    let (fields, flow_kind, store) = match kind {
        SchemaKind::SqlDdl => {
            let columns = sql::sql_columns(text);
            // A column whose seed rows hold password hashes stores hashes.
            let hashed = sql::hashed_columns(text, &columns, classifier);
            let columns = columns
                .into_iter()
                .filter(|c| !hashed.contains(&(c.owner.clone(), c.name.clone())))
                .collect();
            (columns, FlowKind::Stored, Some(StoreKind::Database))
        }
        SchemaKind::Prisma => (
            blocks::blocks(text, &["model"], blocks::prisma_field),
            FlowKind::Stored,
            Some(StoreKind::Database),
        ),
        SchemaKind::GraphQl => (
            blocks::blocks(text, &["input"], blocks::graphql_field),
            FlowKind::Collected,
            None,
        ),
        SchemaKind::Protobuf => {
            let request = |owner: &str| {
                ["Request", "Input", "Form", "Command"]
                    .iter()
                    .any(|s| owner.ends_with(s))
            };
            let fields = blocks::blocks(text, &["message"], blocks::proto_field)
                .into_iter()
                .filter(|f| request(&f.owner))
                .collect();
            (fields, FlowKind::Collected, None)
        }
        SchemaKind::HtmlForm => (html::form_inputs(text), FlowKind::Collected, None),
        SchemaKind::OpenApi | SchemaKind::JsonSchema => match openapi::fields(path, text)? {
            Some(found) => {
                // The content decides, whatever the start of the file suggested.
                kind = found.kind;
                notes = found.notes;
                (found.fields, FlowKind::Collected, None)
            }
            None => return Ok((Vec::new(), Vec::new())),
        },
    };
    let mut out = Vec::new();
    for f in fields {
        // A lookup input type (`CustomerWhereInput`, `UserSearchRequest`)
        // names whom to find: the person asking gives none of their own data.
        let input_type = matches!(kind, SchemaKind::GraphQl | SchemaKind::Protobuf);
        if input_type && classifier.is_lookup_type(&f.owner) {
            continue;
        }
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
        let what = match (kind, f.what) {
            (_, Some(what)) => what,
            (SchemaKind::SqlDdl, _) => format!("column `{}` of table `{}`", f.name, f.owner),
            (SchemaKind::Prisma, _) => format!("field `{}` of model `{}`", f.name, f.owner),
            (SchemaKind::GraphQl, _) => format!("field `{}` of input `{}`", f.name, f.owner),
            (SchemaKind::Protobuf, _) => format!("field `{}` of message `{}`", f.name, f.owner),
            (SchemaKind::HtmlForm, _) => format!("form input `{}`", f.name),
            (SchemaKind::OpenApi | SchemaKind::JsonSchema, _) => {
                format!("property `{}` of `{}`", f.name, f.owner)
            }
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
            model_write: false,
            model_field: None,
            encrypted: false,
        });
    }
    Ok((out, notes))
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
