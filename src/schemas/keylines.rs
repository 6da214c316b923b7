//! Where the keys of a YAML or JSON document are.
//!
//! serde values keep no positions, so the OpenAPI reader walks the parsed
//! value to decide what to report and asks this index for the line and
//! column of each key by its path from the root (`paths` / `/users` /
//! `post` / ... / `email`). The index is built by one pass over the text: a
//! small tokenizer for JSON and an indentation tracker for block-style YAML.
//! What it cannot place exactly (a key inside a YAML flow mapping such as
//! `{email: {type: string}}`) is placed at its nearest enclosing key.

use std::collections::HashMap;

/// One step of a path: a mapping key or a sequence index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Positions of the keys (and sequence entries) of one document, as a tree:
/// node 0 is the root.
#[derive(Debug)]
pub struct KeyLines {
    children: HashMap<(u32, Seg), u32>,
    /// (1-based line, byte column) of each node.
    pos: Vec<(u32, u32)>,
}

impl KeyLines {
    fn new() -> KeyLines {
        KeyLines {
            children: HashMap::new(),
            pos: vec![(1, 0)],
        }
    }

    /// The node for `seg` under `parent`; the first position seen wins.
    fn child(&mut self, parent: u32, seg: Seg, line: u32, col: usize) -> u32 {
        let next = self.pos.len() as u32;
        let node = *self.children.entry((parent, seg)).or_insert(next);
        if node == next {
            self.pos.push((line, col as u32));
        }
        node
    }

    /// The (line, byte column) of the key at `path`, or of its deepest
    /// ancestor that was found.
    pub fn find(&self, path: &[Seg]) -> (u32, u32) {
        let mut node = 0u32;
        for seg in path {
            match self.children.get(&(node, seg.clone())) {
                Some(&n) => node = n,
                None => break,
            }
        }
        self.pos[node as usize]
    }

    /// The index of a JSON text.
    pub fn json(text: &str) -> KeyLines {
        enum Frame {
            Object { node: u32, expect_key: bool },
            Array { node: u32, next: usize },
        }
        let mut k = KeyLines::new();
        let b = text.as_bytes();
        let mut stack: Vec<Frame> = Vec::new();
        // The node the next value belongs to, when it is not an array entry.
        let mut pending: Option<u32> = Some(0);
        let (mut line, mut line_start) = (1u32, 0usize);
        let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
        while i < b.len() {
            let c = b[i];
            match c {
                b'\n' => {
                    line += 1;
                    line_start = i + 1;
                    i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\r' | b':' => {
                    i += 1;
                    continue;
                }
                b',' => {
                    if let Some(Frame::Object { expect_key, .. }) = stack.last_mut() {
                        *expect_key = true;
                    }
                    i += 1;
                    continue;
                }
                b'}' | b']' => {
                    stack.pop();
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if c == b'"'
                && let Some(Frame::Object { node, expect_key }) = stack.last_mut()
                && *expect_key
            {
                let end = string_end(b, i);
                let raw = &text[i..end];
                let key = serde_json::from_str::<String>(raw)
                    .unwrap_or_else(|_| raw.trim_matches('"').to_string());
                *expect_key = false;
                let parent = *node;
                pending = Some(k.child(parent, Seg::Key(key), line, i + 1 - line_start));
                i = end;
                continue;
            }
            // A value starts here.
            let node = match stack.last_mut() {
                Some(Frame::Array { node, next }) => {
                    let (parent, index) = (*node, *next);
                    *next += 1;
                    k.child(parent, Seg::Index(index), line, i - line_start)
                }
                _ => pending.take().unwrap_or(0),
            };
            match c {
                b'{' => {
                    stack.push(Frame::Object {
                        node,
                        expect_key: true,
                    });
                    i += 1;
                }
                b'[' => {
                    stack.push(Frame::Array { node, next: 0 });
                    i += 1;
                }
                b'"' => i = string_end(b, i),
                _ => {
                    while i < b.len() && !matches!(b[i], b',' | b'}' | b']' | b'\n' | b' ' | b'\t')
                    {
                        i += 1;
                    }
                }
            }
        }
        k
    }

    /// The index of a block-style YAML text.
    pub fn yaml(text: &str) -> KeyLines {
        struct Frame {
            indent: isize,
            node: u32,
            /// A sequence entry (`- `), rather than a mapping key.
            entry: bool,
            next_index: usize,
        }
        let mut k = KeyLines::new();
        let mut stack = vec![Frame {
            indent: -1,
            node: 0,
            entry: false,
            next_index: 0,
        }];
        // Lines indented more than this belong to a block scalar (`|`, `>`).
        let mut block_scalar: Option<usize> = None;
        // Open brackets of a flow collection spanning lines.
        let mut flow_depth = 0i32;
        // The quote of a quoted scalar spanning lines.
        let mut open_quote: Option<char> = None;
        for (i, raw) in text.lines().enumerate() {
            let line_no = i as u32 + 1;
            let (line, bom) = match raw.strip_prefix('\u{feff}') {
                Some(rest) if i == 0 => (rest, 3),
                _ => (raw, 0),
            };
            let line = line.trim_end_matches('\r');
            if let Some(q) = open_quote {
                if closing_quote(line, q).is_some() {
                    open_quote = None;
                }
                continue;
            }
            if flow_depth > 0 {
                flow_depth += bracket_balance(line);
                continue;
            }
            let body = line.trim_start_matches(' ');
            let indent = line.len() - body.len();
            if body.is_empty() || body.starts_with('#') {
                continue;
            }
            if let Some(d) = block_scalar {
                if indent > d {
                    continue;
                }
                block_scalar = None;
            }
            if indent == 0 && (body.starts_with("---") || body.starts_with("...")) {
                continue;
            }
            let mut col = indent;
            let mut rest = body;
            // Sequence entries, several on one line in `- - a`.
            while rest == "-" || rest.starts_with("- ") {
                while stack.len() > 1
                    && stack.last().is_some_and(|t| {
                        t.indent > col as isize || (t.indent == col as isize && t.entry)
                    })
                {
                    stack.pop();
                }
                let Some(parent) = stack.last_mut() else {
                    break;
                };
                let index = parent.next_index;
                parent.next_index += 1;
                let parent = parent.node;
                let node = k.child(parent, Seg::Index(index), line_no, col + bom);
                stack.push(Frame {
                    indent: col as isize,
                    node,
                    entry: true,
                    next_index: 0,
                });
                let after = &rest[1..];
                let trimmed = after.trim_start_matches(' ');
                col += 1 + after.len() - trimmed.len();
                rest = trimmed;
            }
            if rest.is_empty() || rest.starts_with('#') {
                continue;
            }
            let Some((key, key_offset, value)) = split_key(rest) else {
                // A scalar or flow collection on its own.
                if rest.starts_with(['{', '[']) {
                    flow_depth = bracket_balance(rest).max(0);
                } else if let Some(q) = unclosed_quote(rest) {
                    open_quote = Some(q);
                }
                continue;
            };
            while stack.len() > 1 && stack.last().is_some_and(|t| t.indent >= col as isize) {
                stack.pop();
            }
            let parent = stack.last().map_or(0, |t| t.node);
            let node = k.child(parent, Seg::Key(key), line_no, col + key_offset + bom);
            let value = without_properties(value.trim());
            if value.is_empty() || value.starts_with('#') {
                stack.push(Frame {
                    indent: col as isize,
                    node,
                    entry: false,
                    next_index: 0,
                });
            } else if value.starts_with(['|', '>']) {
                block_scalar = Some(col);
            } else if value.starts_with(['{', '[']) {
                flow_depth = bracket_balance(value).max(0);
            } else if let Some(q) = unclosed_quote(value) {
                open_quote = Some(q);
            }
        }
        k
    }
}

/// The index just past the JSON string starting at `start`.
fn string_end(b: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// A YAML mapping key at the start of `rest`: the key, its byte offset in
/// `rest` (1 when quoted) and the text after the colon.
fn split_key(rest: &str) -> Option<(String, usize, &str)> {
    let colon_after = |after: &str| -> bool {
        after.starts_with(':') && (after.len() == 1 || after[1..].starts_with([' ', '\t']))
    };
    if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = closing_quote(&rest[1..], q)? + 1;
        let inner = &rest[1..end];
        let after = rest[end + 1..].trim_start();
        if !colon_after(after) {
            return None;
        }
        let key = if q == '"' {
            serde_json::from_str::<String>(&rest[..=end]).unwrap_or_else(|_| inner.to_string())
        } else {
            inner.replace("''", "'")
        };
        let value = &after[1..];
        return Some((key, 1, value));
    }
    if rest.starts_with([
        '{', '[', '&', '*', '!', '|', '>', '%', '@', '`', '?', '#', ',',
    ]) {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b':' if i + 1 == bytes.len() || matches!(bytes[i + 1], b' ' | b'\t') => {
                let key = rest[..i].trim_end();
                return (!key.is_empty()).then(|| (key.to_string(), 0, &rest[i + 1..]));
            }
            b'#' if i > 0 && matches!(bytes[i - 1], b' ' | b'\t') => return None,
            _ => i += 1,
        }
    }
    None
}

/// The byte index of the quote closing a scalar whose text (after the
/// opening quote) starts `text`.
fn closing_quote(text: &str, q: char) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if q == '"' && c == b'\\' {
            i += 2;
            continue;
        }
        if c == q as u8 {
            if q == '\'' && b.get(i + 1) == Some(&b'\'') {
                i += 2;
                continue;
            }
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The quote of a quoted scalar `value` that does not close on its line.
fn unclosed_quote(value: &str) -> Option<char> {
    let q = value.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    closing_quote(&value[1..], q).is_none().then_some(q)
}

/// `value` without a leading anchor (`&name`) or tag (`!!map`).
fn without_properties(mut value: &str) -> &str {
    while value.starts_with(['&', '!']) {
        value = value
            .split_once([' ', '\t'])
            .map_or("", |(_, rest)| rest.trim_start());
    }
    value
}

/// Opening minus closing brackets outside quotes.
fn bracket_balance(text: &str) -> i32 {
    let mut depth = 0;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{' | '[') => depth += 1,
            (None, '}' | ']') => depth -= 1,
            (None, '#') => break,
            _ => {}
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::{KeyLines, Seg};

    fn path(parts: &[&str]) -> Vec<Seg> {
        parts
            .iter()
            .map(|p| match p.parse() {
                Ok(i) => Seg::Index(i),
                Err(_) => Seg::Key(p.to_string()),
            })
            .collect()
    }

    #[test]
    fn yaml_keys_sequences_and_scalars() {
        let text = "\
openapi: 3.0.3
info:
  description: |
    email: not a key
  title: 'Shop: API'
paths:
  /users/{id}:
    parameters:
    - name: id
      in: path
    - in: query
      name: email
    post:
      requestBody:
        content:
          \"application/json\":
            schema: {type: object, properties: {phone: {type: string}}}
components:
  schemas:
    User:
      properties:
        email: &e
          type: string
        name:
          type: string
";
        let k = KeyLines::yaml(text);
        assert_eq!(k.find(&path(&["info", "title"])), (5, 2));
        assert_eq!(k.find(&path(&["info", "description", "email"])), (3, 2));
        assert_eq!(
            k.find(&path(&["paths", "/users/{id}", "parameters", "0", "name"])),
            (9, 6)
        );
        assert_eq!(
            k.find(&path(&["paths", "/users/{id}", "parameters", "1", "name"])),
            (12, 6)
        );
        let schema = [
            "paths",
            "/users/{id}",
            "post",
            "requestBody",
            "content",
            "application/json",
            "schema",
        ];
        assert_eq!(k.find(&path(&schema)), (17, 12));
        let mut phone = schema.to_vec();
        phone.extend(["properties", "phone"]);
        assert_eq!(k.find(&path(&phone)), (17, 12), "flow mapping: its key");
        assert_eq!(
            k.find(&path(&[
                "components",
                "schemas",
                "User",
                "properties",
                "name"
            ])),
            (24, 8)
        );
    }

    #[test]
    fn json_keys_and_array_entries() {
        let text = "{\n  \"paths\": {\"/a\": {\"get\": {\"parameters\": [\n    {\"name\": \"email\", \"in\": \"query\"},\n    {\"in\": \"header\",\n     \"name\": \"x\\u002dphone\"}\n  ]}}},\n  \"b\": [1, \"x\"]\n}\n";
        let k = KeyLines::json(text);
        let p = ["paths", "/a", "get", "parameters"];
        let at = |extra: &[&str]| {
            let mut v = p.to_vec();
            v.extend(extra);
            k.find(&path(&v))
        };
        assert_eq!(at(&["0", "name"]), (3, 6));
        assert_eq!(at(&["1", "name"]), (5, 6));
        assert_eq!(at(&["1", "in"]), (4, 6));
        assert_eq!(k.find(&path(&["b", "1"])), (7, 11));
        assert_eq!(k.find(&path(&["nope"])), (1, 0));
    }
}
