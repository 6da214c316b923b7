//! OpenAPI documents (3.x and Swagger 2.0) and standalone JSON Schemas.
//!
//! In an OpenAPI document, what an API *receives* is collected:
//!
//! - the properties of request bodies: `requestBody.content.*.schema`
//!   (OpenAPI 3) and `in: body` parameters (Swagger 2), inline or through a
//!   local `$ref` to `components.schemas` / `definitions` (the finding is then
//!   at the property's line in the component);
//! - parameters `in: query | path | header | cookie | formData`, by name, and
//!   the properties of object-valued parameters.
//!
//! Schemas are followed through local `$ref`s (`#/...`), `allOf`, `oneOf`,
//! `anyOf`, nested `properties` and `items`, each reference once per request
//! body or parameter (so cycles end) and no deeper than [`MAX_DEPTH`] levels,
//! with a budget of [`MAX_STEPS`] schema objects per document. Properties
//! marked `readOnly` are skipped: the server sets them, the client does not
//! send them. Responses, and schemas only responses use, are not reported: an
//! API that returns an email address does not collect it. Neither are
//! `callbacks` and `webhooks`, whose requests the API sends rather than
//! receives. References to other files are not followed.
//!
//! The owner a property is classified with is its schema's name: the
//! component name of a `$ref`, else the schema's `title`, the operation's
//! `operationId` or the path; a nested object adds the property name
//! (`RegisterRequest.address`). So `name` in `RegisterRequest` is a person's
//! name, and in `Product` it is not.
//!
//! A standalone JSON Schema (`*.schema.json`, or a YAML or JSON document
//! whose top-level `$schema` names json-schema.org) describes the shape of
//! data a system accepts, so every property of its root schema and of its
//! `definitions` / `$defs` is collected, with the schema's `title` (or the
//! file name) as the owner. A JSON Schema of a file format or configuration
//! reports the personal-data names it declares too (`fullName` in the SARIF
//! schema); `exclude` in `candor.toml` or `.candorignore` leaves such files
//! out.
//!
//! serde values keep no positions: the parsed value decides what is
//! reported, and [`KeyLines`] places each property key.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use serde_json::Value;

use super::keylines::{KeyLines, Seg};
use super::{Field, SchemaError, SchemaKind};
use crate::text::{MAX_NESTING, brackets_too_deep};

/// How deep schemas are followed through references and nesting.
const MAX_DEPTH: usize = 64;

/// How many schema objects one document may visit (summed over its
/// operations) before the rest is left out with a note.
const MAX_STEPS: usize = 500_000;

const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// True when the start of a document has a top-level `openapi` or
/// `swagger` key.
pub(super) fn looks_like_openapi(head: &str) -> bool {
    if head.trim_start().starts_with('{') {
        return ["\"openapi\"", "\"swagger\""]
            .iter()
            .any(|k| json_key_value(head, k).is_some());
    }
    head.lines().any(|l| {
        ["openapi", "swagger"].iter().any(|k| {
            [format!("{k}:"), format!("\"{k}\":"), format!("'{k}':")]
                .iter()
                .any(|p| l.starts_with(p.as_str()))
        })
    })
}

/// True when the start of a document has a `$schema` naming json-schema.org
/// (at the top level, for YAML).
pub(super) fn looks_like_json_schema(head: &str) -> bool {
    if head.trim_start().starts_with('{') {
        return json_key_value(head, "\"$schema\"").is_some_and(|v| v.contains("json-schema.org"));
    }
    head.lines().any(|l| {
        ["$schema:", "\"$schema\":", "'$schema':"]
            .iter()
            .any(|p| l.starts_with(p))
            && l.contains("json-schema.org")
    })
}

/// The text after `"key":` up to the next `,` or `}`, if `key` is followed
/// by a colon somewhere in `text`.
fn json_key_value<'t>(text: &'t str, key: &str) -> Option<&'t str> {
    text.match_indices(key).find_map(|(i, _)| {
        let rest = text[i + key.len()..].trim_start().strip_prefix(':')?;
        Some(rest.split([',', '}']).next().unwrap_or(rest))
    })
}

/// `*.schema.json` (or `.yaml`, `.yml`).
pub(super) fn is_schema_name(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    [".schema.json", ".schema.yaml", ".schema.yml"]
        .iter()
        .any(|s| name.ends_with(s))
}

/// What one document yields.
pub(super) struct Found {
    /// What the document turned out to be: [`SchemaKind::OpenApi`] or
    /// [`SchemaKind::JsonSchema`].
    pub kind: SchemaKind,
    pub fields: Vec<Field>,
    pub notes: Vec<String>,
}

/// The collected fields of `text`, an OpenAPI document or a JSON Schema by
/// its top-level keys (or a JSON Schema by its file name); `None` when it is
/// neither.
pub(super) fn fields(path: &Path, text: &str) -> Result<Option<Found>, SchemaError> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let json_file = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    let doc: Value = if json_file {
        serde_json::from_str(body).map_err(|e| SchemaError(format!("not valid JSON: {e}")))?
    } else {
        // The YAML scanner's time grows with the square of the flow-collection
        // depth: a hostile document is refused before it is parsed.
        if let Some((line, column)) = brackets_too_deep(body, MAX_NESTING) {
            return Err(SchemaError(format!(
                "`[` and `{{` nest more than {MAX_NESTING} deep at line {line} column {column}; not read"
            )));
        }
        serde_norway::from_str(body).map_err(|e| SchemaError(format!("not valid YAML: {e}")))?
    };
    let Some(top) = doc.as_object() else {
        return Ok(None);
    };
    let version = |k: &str| top.get(k).is_some_and(|v| v.is_string() || v.is_number());
    let kind = if version("openapi") || version("swagger") {
        SchemaKind::OpenApi
    } else if is_schema_name(path)
        || top
            .get("$schema")
            .and_then(Value::as_str)
            .is_some_and(|s| s.contains("json-schema.org"))
    {
        SchemaKind::JsonSchema
    } else {
        return Ok(None);
    };
    let keys = if body.trim_start().starts_with('{') {
        KeyLines::json(text)
    } else {
        KeyLines::yaml(text)
    };
    let mut w = Walker {
        doc: &doc,
        keys,
        lines: text.lines().collect(),
        hits: BTreeMap::new(),
        steps: 0,
        cut: false,
        root: None,
    };
    let what = if kind == SchemaKind::OpenApi {
        w.openapi();
        "OpenAPI document"
    } else {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let stem = [".json", ".yaml", ".yml"]
            .iter()
            .find_map(|e| name.strip_suffix(e))
            .unwrap_or(name);
        let stem = stem.strip_suffix(".schema").unwrap_or(stem);
        let root = title(&doc).unwrap_or(stem).to_string();
        w.json_schema(&root);
        "JSON Schema"
    };
    let mut notes = Vec::new();
    if w.cut {
        notes.push(format!(
            "{what} too large or too deeply nested (over {MAX_STEPS} schema steps or \
             {MAX_DEPTH} levels); analysed in part"
        ));
    }
    Ok(Some(Found {
        kind,
        fields: w.finish(),
        notes,
    }))
}

/// A property or parameter to report, with every place it is received.
struct Hit {
    name: String,
    owner: String,
    /// `query parameter`, `header`, ... for a parameter; `None` for a
    /// schema property.
    parameter: Option<&'static str>,
    places: BTreeSet<String>,
}

struct Walker<'d> {
    doc: &'d Value,
    keys: KeyLines,
    lines: Vec<&'d str>,
    /// By (line, byte column) of the name.
    hits: BTreeMap<(u32, u32), Hit>,
    steps: usize,
    /// The step budget or the depth bound was reached.
    cut: bool,
    /// The root schema's name, for a JSON Schema.
    root: Option<String>,
}

fn join<const N: usize>(path: &[Seg], more: [Seg; N]) -> Vec<Seg> {
    let mut out = Vec::with_capacity(path.len() + N);
    out.extend_from_slice(path);
    out.extend(more);
    out
}

fn key(k: &str) -> Seg {
    Seg::Key(k.to_string())
}

impl<'d> Walker<'d> {
    fn openapi(&mut self) {
        let Some(paths) = self.doc.get("paths").and_then(Value::as_object) else {
            return;
        };
        for (p, item) in paths {
            let base = [key("paths"), key(p)];
            if let Some(params) = item.get("parameters") {
                let at = join(&base, [key("parameters")]);
                self.parameters(params, &at, &format!("`{p}`"), p);
            }
            for m in METHODS {
                let Some(op) = item.get(m) else { continue };
                let op_path = join(&base, [key(m)]);
                let label = format!("`{} {p}`", m.to_ascii_uppercase());
                let owner = op.get("operationId").and_then(Value::as_str).unwrap_or(p);
                if let Some(params) = op.get("parameters") {
                    let at = join(&op_path, [key("parameters")]);
                    self.parameters(params, &at, &label, owner);
                }
                let Some(body) = op.get("requestBody") else {
                    continue;
                };
                // A shared request body is named after its component.
                let shared = body.get("$ref").and_then(Value::as_str).and_then(ref_name);
                let owner = shared.as_deref().unwrap_or(owner);
                let (body, body_path) = self.deref(body, join(&op_path, [key("requestBody")]));
                let Some(content) = body.get("content").and_then(Value::as_object) else {
                    continue;
                };
                let place = format!("the request body of {label}");
                let mut done = HashSet::new();
                for (media, m) in content {
                    if let Some(s) = m.get("schema") {
                        let at = join(&body_path, [key("content"), key(media), key("schema")]);
                        self.schema(s, &at, title(s).unwrap_or(owner), &place, 0, &mut done);
                    }
                }
            }
        }
    }

    fn parameters(&mut self, list: &'d Value, path: &[Seg], op: &str, owner: &str) {
        let Some(list) = list.as_array() else { return };
        for (i, p) in list.iter().enumerate() {
            // A shared parameter is named after its component.
            let owner = match p.get("$ref").and_then(Value::as_str) {
                Some(r) => ref_name(r).unwrap_or_else(|| owner.to_string()),
                None => owner.to_string(),
            };
            let (p, at) = self.deref(p, join(path, [Seg::Index(i)]));
            let (Some(name), Some(location)) = (
                p.get("name").and_then(Value::as_str),
                p.get("in").and_then(Value::as_str),
            ) else {
                continue;
            };
            let mut done = HashSet::new();
            if location == "body" {
                if let Some(s) = p.get("schema") {
                    let place = format!("the request body of {op}");
                    let at = join(&at, [key("schema")]);
                    let owner = title(s).unwrap_or(&owner);
                    self.schema(s, &at, owner, &place, 0, &mut done);
                }
                continue;
            }
            let kind = match location {
                "query" => "query parameter",
                "path" => "path parameter",
                "header" => "header",
                "cookie" => "cookie",
                "formData" => "form field",
                _ => continue,
            };
            self.hit(&join(&at, [key("name")]), name, &owner, Some(kind), op);
            // An object-valued parameter (`style: deepObject`, JSON content).
            let place = format!("the {kind} `{name}` of {op}");
            if let Some(s) = p.get("schema") {
                self.schema(s, &join(&at, [key("schema")]), name, &place, 0, &mut done);
            }
            if let Some(content) = p.get("content").and_then(Value::as_object) {
                for (media, m) in content {
                    if let Some(s) = m.get("schema") {
                        let at = join(&at, [key("content"), key(media), key("schema")]);
                        self.schema(s, &at, name, &place, 0, &mut done);
                    }
                }
            }
        }
    }

    fn json_schema(&mut self, root: &str) {
        self.root = Some(root.to_string());
        let place = format!("JSON Schema `{root}`");
        let mut done = HashSet::new();
        self.schema(self.doc, &[], root, &place, 0, &mut done);
        for defs in ["definitions", "$defs"] {
            if let Some(map) = self.doc.get(defs).and_then(Value::as_object) {
                for name in map.keys() {
                    let escaped = name
                        .replace('%', "%25")
                        .replace('~', "~0")
                        .replace('/', "~1");
                    let r = format!("#/{defs}/{escaped}");
                    self.follow(&r, name, &place, 0, &mut done);
                }
            }
        }
    }

    /// Walks the schema `v` at `path`, recording its properties as `owner`'s.
    /// `done` holds the references already followed for this `place`.
    fn schema(
        &mut self,
        v: &'d Value,
        path: &[Seg],
        owner: &str,
        place: &str,
        depth: usize,
        done: &mut HashSet<String>,
    ) {
        self.steps += 1;
        if depth > MAX_DEPTH || self.steps > MAX_STEPS {
            self.cut = true;
            return;
        }
        let Some(obj) = v.as_object() else { return };
        if let Some(r) = obj.get("$ref").and_then(Value::as_str) {
            self.follow(r, owner, place, depth, done);
        }
        for combinator in ["allOf", "oneOf", "anyOf"] {
            if let Some(list) = obj.get(combinator).and_then(Value::as_array) {
                for (i, s) in list.iter().enumerate() {
                    let at = join(path, [key(combinator), Seg::Index(i)]);
                    self.schema(s, &at, owner, place, depth + 1, done);
                }
            }
        }
        match obj.get("items") {
            Some(Value::Array(list)) => {
                for (i, s) in list.iter().enumerate() {
                    let at = join(path, [key("items"), Seg::Index(i)]);
                    self.schema(s, &at, owner, place, depth + 1, done);
                }
            }
            Some(s) => self.schema(
                s,
                &join(path, [key("items")]),
                owner,
                place,
                depth + 1,
                done,
            ),
            None => {}
        }
        if let Some(props) = obj.get("properties").and_then(Value::as_object) {
            for (name, sub) in props {
                if sub.get("readOnly").and_then(Value::as_bool) == Some(true) {
                    continue;
                }
                let at = join(path, [key("properties"), key(name)]);
                self.hit(&at, name, owner, None, place);
                let nested = format!("{owner}.{name}");
                self.schema(sub, &at, &nested, place, depth + 1, done);
            }
        }
    }

    /// Walks the target of the local reference `r`, named after its last
    /// segment (`#/components/schemas/User` -> `User`).
    fn follow(
        &mut self,
        r: &str,
        owner: &str,
        place: &str,
        depth: usize,
        done: &mut HashSet<String>,
    ) {
        if !done.insert(r.to_string()) {
            return;
        }
        let Some((target, path)) = self.resolve(r) else {
            return;
        };
        let name = ref_name(r).unwrap_or_else(|| owner.to_string());
        self.schema(target, &path, &name, place, depth + 1, done);
    }

    /// The value a local reference points to, and its path.
    fn resolve(&self, r: &str) -> Option<(&'d Value, Vec<Seg>)> {
        let pointer = r.strip_prefix('#')?;
        let mut v = self.doc;
        let mut path = Vec::new();
        if pointer.is_empty() {
            return Some((v, path));
        }
        for raw in pointer.strip_prefix('/')?.split('/') {
            let seg = unescape(raw);
            match v {
                Value::Object(m) => {
                    v = m.get(&seg)?;
                    path.push(Seg::Key(seg));
                }
                Value::Array(a) => {
                    let i: usize = seg.parse().ok()?;
                    v = a.get(i)?;
                    path.push(Seg::Index(i));
                }
                _ => return None,
            }
        }
        Some((v, path))
    }

    /// `v`, or what its `$ref` points to (through a few chained references).
    fn deref(&self, mut v: &'d Value, mut path: Vec<Seg>) -> (&'d Value, Vec<Seg>) {
        for _ in 0..8 {
            let Some((target, at)) = v
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| self.resolve(r))
            else {
                break;
            };
            (v, path) = (target, at);
        }
        (v, path)
    }

    fn hit(
        &mut self,
        path: &[Seg],
        name: &str,
        owner: &str,
        parameter: Option<&'static str>,
        place: &str,
    ) {
        let (line, col) = self.keys.find(path);
        // The key itself; for a parameter, its name after `name:`; inside a
        // flow mapping placed at its enclosing key, the name on that line.
        let col = self
            .lines
            .get((line as usize).wrapping_sub(1))
            .and_then(|l| l.get(col as usize..))
            .and_then(|rest| {
                let skip = match parameter {
                    Some(_) => rest.find("name").map_or(0, |p| p + "name".len()),
                    None => 0,
                };
                rest[skip..].find(name).map(|p| skip + p)
            })
            .map_or(col, |p| col + p as u32);
        self.hits
            .entry((line, col))
            .or_insert_with(|| Hit {
                name: name.to_string(),
                owner: owner.to_string(),
                parameter,
                places: BTreeSet::new(),
            })
            .places
            .insert(place.to_string());
    }

    fn finish(self) -> Vec<Field> {
        let root = self.root;
        self.hits
            .into_iter()
            .map(|((line, col), hit)| {
                let mut places = hit.places.iter();
                let first = places.next().map_or("", String::as_str);
                let more = match places.len() {
                    0 => String::new(),
                    n => format!(" (and {n} more)"),
                };
                let what = match hit.parameter {
                    Some(kind) => format!("{kind} `{}` of {first}{more}", hit.name),
                    None if root.as_deref() == Some(hit.owner.as_str()) => {
                        format!("property `{}` of {first}{more}", hit.name)
                    }
                    None => format!(
                        "property `{}` of `{}` in {first}{more}",
                        hit.name, hit.owner
                    ),
                };
                Field {
                    owner: hit.owner,
                    name: hit.name,
                    line,
                    col,
                    what: Some(what),
                }
            })
            .collect()
    }
}

/// A schema's non-empty `title`.
fn title(schema: &Value) -> Option<&str> {
    schema
        .get("title")
        .and_then(Value::as_str)
        .filter(|t| !t.trim().is_empty())
}

/// The last segment of a local reference.
fn ref_name(r: &str) -> Option<String> {
    let last = r.strip_prefix('#')?.rsplit('/').next()?;
    (!last.is_empty()).then(|| unescape(last))
}

/// A JSON Pointer segment of a URI fragment: percent-decoded, then `~1` and
/// `~0` unescaped.
fn unescape(raw: &str) -> String {
    let b = raw.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).and_then(|c| hex(*c)),
                b.get(i + 2).and_then(|c| hex(*c)),
            )
        {
            bytes.push((h * 16 + l) as u8);
            i += 3;
        } else {
            bytes.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&bytes)
        .replace("~1", "/")
        .replace("~0", "~")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(file: &str, text: &str) -> Vec<(u32, String, String)> {
        fields(Path::new(file), text)
            .expect("parses")
            .map(|found| found.fields)
            .unwrap_or_default()
            .into_iter()
            .map(|f| (f.line, f.owner, f.what.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn sniffs_top_level_keys_only() {
        assert!(looks_like_openapi("openapi: 3.0.0\ninfo: {}\n"));
        assert!(looks_like_openapi("# API\nswagger: '2.0'\n"));
        assert!(looks_like_openapi("{\n  \"openapi\" : \"3.1.0\"}"));
        assert!(!looks_like_openapi("service:\n  openapi: ./api.yaml\n"));
        assert!(!looks_like_openapi("{\"docs\": \"openapi\"}"));
        assert!(looks_like_json_schema(
            "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}"
        ));
        assert!(!looks_like_json_schema(
            "{\"$schema\": \"https://json.schemastore.org/tsconfig\", \"x\": \"json-schema.org\"}"
        ));
        assert!(looks_like_json_schema(
            "$schema: https://json-schema.org/draft/2020-12/schema\n"
        ));
    }

    #[test]
    fn follows_refs_once_and_ends_cycles() {
        let text = "\
openapi: 3.0.0
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/User'
components:
  schemas:
    User:
      properties:
        email:
          type: string
        friends:
          type: array
          items:
            $ref: '#/components/schemas/User'
        manager:
          $ref: '#/components/schemas/User'
";
        let found = names("api.yaml", text);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[0].0, 14);
        assert_eq!(found[0].1, "User");
        assert_eq!(
            found[0].2,
            "property `email` of `User` in the request body of `POST /users`"
        );
    }

    #[test]
    fn a_document_that_is_not_openapi_yields_nothing() {
        let text = "{\"tools\": {\"openapi\": \"3.0\"}, \"properties\": {\"email\": {}}}";
        assert!(names("x.json", text).is_empty());
        // By its name, the same file is a JSON Schema.
        let found = names("x.schema.json", text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].2, "property `email` of JSON Schema `x`");
    }

    #[test]
    fn broken_documents_are_errors_not_panics() {
        let yaml = "openapi: 3.0.0\npaths:\n  /a: [\n";
        assert!(fields(Path::new("a.yaml"), yaml).is_err());
        assert!(fields(Path::new("a.json"), "{\"openapi\": ").is_err());
        let deep = format!(
            "openapi: 3.0.0\nx: {}1{}\n",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(fields(Path::new("a.yaml"), &deep).is_err());
        // Refused before the YAML scanner, whose time grows with the square
        // of this depth (a 240 KB document of `[a: [a: ..` took 1.8 s).
        let flow_mappings = format!("openapi: 3.0.0\nx: {}\n", "[a: ".repeat(100));
        let refused = fields(Path::new("a.yaml"), &flow_mappings).err();
        assert!(refused.is_some_and(|e| e.0.contains("nest more than 64 deep at line 2")));
        let laughs = "openapi: 3.0.0\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n";
        assert!(fields(Path::new("a.yaml"), laughs).is_err());
    }

    #[test]
    fn reference_chains_deeper_than_the_bound_are_cut_with_a_note() {
        let mut text = String::from(
            "openapi: 3.0.0\npaths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json:\n            schema: {$ref: '#/components/schemas/C0'}\ncomponents:\n  schemas:\n",
        );
        for i in 0..40 {
            text.push_str(&format!(
                "    C{i}:\n      properties:\n        next: {{$ref: '#/components/schemas/C{}'}}\n",
                i + 1
            ));
        }
        text.push_str("    C40:\n      properties:\n        user_email: {type: string}\n");
        let found = fields(Path::new("a.yaml"), &text)
            .expect("parses")
            .expect("an OpenAPI document");
        assert_eq!(found.notes.len(), 1, "{:?}", found.notes);
        assert!(found.fields.iter().all(|f| f.name == "next"));
    }

    #[test]
    fn response_codes_as_integer_keys_parse() {
        let text = "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      parameters:\n        - {name: email, in: query}\n      responses:\n        200:\n          description: ok\n";
        let found = names("a.yaml", text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, 6);
        assert_eq!(found[0].2, "query parameter `email` of `GET /a`");
    }
}
