//! A compact text rendering of the IR, for reading what a front-end made of
//! a file: the fixture tests snapshot it, and a reviewer reads the diff.
//!
//! [`file()`] renders a whole [`FileIr`] section by section: imports,
//! classes with their fields, module-level statements, every function with
//! its parameters and body, and notices. Each statement is prefixed with its
//! line (`12 |`, or `12-14 |` when it spans several); byte columns are left
//! out. Expressions read like source:
//!
//! | IR                        | rendering                     |
//! |---------------------------|-------------------------------|
//! | `Name`, `Member`, `Index` | `user`, `user.email`, `row["email"]` |
//! | `Call`                    | `f(a, key=b)`, `new T(a)` when it constructs |
//! | `Str`                     | `"text"`, escaped like Rust's `{:?}` |
//! | `Format`                  | `fmt(a, b)`                   |
//! | `Object`                  | `{email: e, ..spread}`        |
//! | `Array`                   | `[a, b]`                      |
//! | `Either`                  | `either(a, b)`                |
//! | `Literal`                 | `lit`                         |
//! | `Function`                | `fn#3`, the index in the file's functions |
//! | `Opaque`                  | `opaque(a, b)`                |
//!
//! A destructuring target is `{email, phone: tel}` (key, then the local it
//! binds when they differ), or `(a, b)` when it binds by position only. A
//! parameter is `name: Type [Annotation, ..]`, `*args` or `**fields` when
//! it gathers the rest, `param#0 (pattern)` when it is a pattern, and
//! `(holds T)` when it holds data of type `T`. The output depends on
//! nothing but the IR, so it is deterministic.

use std::fmt::Write;

use super::{Class, Expr, ExprKind, FileIr, Function, Param, ParamName, Rest, Span, Stmt, Target};

/// Renders a whole file's IR, one fact per line.
pub fn file(ir: &FileIr) -> String {
    let mut blocks = Vec::new();
    let mut imports = String::new();
    for i in &ir.imports {
        let _ = writeln!(imports, "import {} -> {}", i.local, i.path);
    }
    for w in &ir.wildcard_imports {
        let _ = writeln!(imports, "import * -> {w}");
    }
    blocks.push(imports);
    blocks.extend(ir.classes.iter().map(class));
    if !ir.module.is_empty() {
        let mut module = String::from("module\n");
        body(&mut module, &ir.module);
        blocks.push(module);
    }
    blocks.extend(ir.functions.iter().enumerate().map(|(i, f)| function(i, f)));
    let mut notices = String::new();
    for n in &ir.notices {
        let _ = writeln!(notices, "notice: {n}");
    }
    blocks.push(notices);
    blocks.retain(|b| !b.is_empty());
    blocks.join("\n")
}

fn class(c: &Class) -> String {
    let mut out = format!("class {}, line {}", c.name, c.span.start_line);
    if !c.bases.is_empty() {
        let _ = write!(out, ", bases {}", c.bases.join(", "));
    }
    out.push('\n');
    for f in &c.fields {
        let unserialized = if f.unserialized {
            " (unserialized)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "  field {}{}{unserialized}",
            f.name,
            typed(f.ty.as_deref())
        );
    }
    for f in &c.listed_fields {
        let _ = writeln!(out, "  listed field {}, line {}", f.name, f.span.start_line);
    }
    out
}

fn function(index: usize, f: &Function) -> String {
    let mut out = format!("fn#{index} {}", f.name);
    if let Some(class) = &f.class {
        let _ = write!(out, ", class {class}");
    }
    let _ = writeln!(out, ", line {}", f.span.start_line);
    for d in &f.decorators {
        let _ = writeln!(out, "  @{d}");
    }
    for p in &f.params {
        let _ = writeln!(out, "  param {}", param(p));
    }
    body(&mut out, &f.body);
    out
}

/// `name: Type [Annotation, ..]`, with `*` or `**` before a rest
/// parameter's name, `(pattern)` after a pattern's, and `(holds T)` after
/// the type of a parameter that holds data of type `T`.
pub fn param(p: &Param) -> String {
    let rest = match p.rest {
        Some(Rest::Positional) => "*",
        Some(Rest::Keywords) => "**",
        None => "",
    };
    let pattern = match p.name {
        ParamName::Pattern(_) => " (pattern)",
        ParamName::Named(_) => "",
    };
    let mut out = format!(
        "{rest}{}{pattern}{}",
        p.name.variable(),
        typed(p.ty.as_deref())
    );
    if let Some(held) = &p.holds {
        let _ = write!(out, " (holds {held})");
    }
    if !p.annotations.is_empty() {
        let _ = write!(out, " [{}]", p.annotations.join(", "));
    }
    out
}

fn typed(ty: Option<&str>) -> String {
    ty.map(|t| format!(": {t}")).unwrap_or_default()
}

fn body(out: &mut String, stmts: &[Stmt]) {
    for s in stmts {
        let _ = writeln!(out, "  {} | {}", lines(stmt_span(s)), stmt(s));
    }
}

fn stmt_span(s: &Stmt) -> Span {
    match s {
        Stmt::Assign { span, .. } | Stmt::Return(_, span) => *span,
        Stmt::Expr(e) => e.span,
    }
}

/// `12`, or `12-14` for a span over several lines.
fn lines(span: Span) -> String {
    if span.end_line > span.start_line {
        format!("{}-{}", span.start_line, span.end_line)
    } else {
        span.start_line.to_string()
    }
}

/// One statement: `target: Type = value`, an expression, or `return value`.
pub fn stmt(s: &Stmt) -> String {
    match s {
        Stmt::Assign {
            target, ty, value, ..
        } => {
            let target = match target {
                Target::Place(p) => expr(p),
                Target::Destructure(pairs) => destructure(pairs),
            };
            let value = value
                .as_ref()
                .map(|v| format!(" = {}", expr(v)))
                .unwrap_or_default();
            format!("{target}{}{value}", typed(ty.as_deref()))
        }
        Stmt::Expr(e) => expr(e),
        Stmt::Return(Some(e), _) => format!("return {}", expr(e)),
        Stmt::Return(None, _) => "return".to_string(),
    }
}

fn destructure(pairs: &[(Option<String>, String)]) -> String {
    if pairs.iter().all(|(key, _)| key.is_none()) {
        let locals: Vec<&str> = pairs.iter().map(|(_, local)| local.as_str()).collect();
        return format!("({})", locals.join(", "));
    }
    let entries: Vec<String> = pairs
        .iter()
        .map(|(key, local)| match key {
            Some(k) if k == local => local.clone(),
            Some(k) => format!("{}: {local}", key_text(k)),
            None => format!("_: {local}"),
        })
        .collect();
    format!("{{{}}}", entries.join(", "))
}

/// An object or destructuring key: as written when it is a plain word
/// (`email`, `x-name`, `user.phone`), quoted otherwise (`""`, `"a b"`).
fn key_text(key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '$' | '-' | '.' | '#' | '@'));
    if plain {
        key.to_string()
    } else {
        format!("{key:?}")
    }
}

/// One expression, as in the table of the module documentation.
pub fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Member { object, property } => format!("{}.{property}", expr(object)),
        ExprKind::Index { object, index } => format!("{}[{}]", expr(object), expr(index)),
        ExprKind::Call {
            callee,
            args,
            construct,
        } => {
            let args: Vec<String> = args
                .iter()
                .map(|a| match &a.name {
                    Some(n) => format!("{n}={}", expr(&a.value)),
                    None => expr(&a.value),
                })
                .collect();
            let new = if *construct { "new " } else { "" };
            format!("{new}{}({})", expr(callee), args.join(", "))
        }
        ExprKind::Str(s) => format!("{s:?}"),
        ExprKind::Format(parts) => format!("fmt({})", list(parts)),
        ExprKind::Object(entries) => {
            let entries: Vec<String> = entries
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}: {}", key_text(k), expr(v)),
                    None => format!("..{}", expr(v)),
                })
                .collect();
            format!("{{{}}}", entries.join(", "))
        }
        ExprKind::Array(items) => format!("[{}]", list(items)),
        ExprKind::Either(items) => format!("either({})", list(items)),
        ExprKind::Literal => "lit".to_string(),
        ExprKind::Int(n) => n.to_string(),
        ExprKind::Range { start, end } => {
            let bound = |b: &Option<Box<Expr>>| b.as_deref().map(expr).unwrap_or_default();
            format!("{}..{}", bound(start), bound(end))
        }
        ExprKind::Function(i) => format!("fn#{i}"),
        ExprKind::Opaque(items) => format!("opaque({})", list(items)),
    }
}

fn list(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(", ")
}
