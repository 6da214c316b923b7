//! JavaScript and TypeScript front-end (tree-sitter-javascript for `.js`,
//! `.jsx`, `.mjs`, `.cjs`; tree-sitter-typescript for `.ts`, `.mts`, `.cts`
//! and `.tsx`).
//!
//! The grammars share their node kinds, so one lowering serves all dialects;
//! where they differ (class fields are `field_definition` with a `property`
//! in JavaScript and `public_field_definition` with a `name` in TypeScript),
//! both spellings are accepted. Types only matter where they name the type
//! of a parameter, field or variable; everywhere else they are skipped.
//!
//! Choices the IR leaves open:
//! - `require('m')` bound to a name (or destructured) is an import; used in
//!   place (`require('stripe')(key)`) it is the name `require:m`, imported
//!   from `m`, which no identifier can shadow. `node:fs` imports as `fs`.
//! - Class field initializers and static blocks become one function of the
//!   class, [`FunctionName::FieldInitializers`], lowered before the methods,
//!   so that `this.logger = pino()` gives the field its origin for every
//!   method.
//! - A tagged template is a call of its tag with the literal parts as one
//!   string followed by each substituted value, as at run time.
//! - Template literals keep their literal parts as `Str` (hosts, SQL verbs).
//! - `for (k in o)` binds property names, which carry no data; `for (x of
//!   xs)` binds the values.
//! - JSX elements are opaque; the expressions inside them are lowered.

use std::path::Path;

use tree_sitter::Node;

use super::FrontendError;
use super::tree::{Ctx, base_type, named_children, nested, parse, span, unquote};
use crate::ir::{
    Anonymous, Arg, Class, Expr, ExprKind, Field, FileIr, Function, FunctionName, Import, Language,
    Param, Span, Stmt, Target,
};

pub fn lower(language: Language, path: &Path, source: &str) -> Result<FileIr, FrontendError> {
    let tree = parse(grammar(language, path), source)?;
    let root = tree.root_node();
    let mut lx = Lower {
        cx: Ctx::new(source),
        param_fields: Vec::new(),
        temps: 0,
    };
    lx.cx.note_syntax_errors(root);
    let mut module = Vec::new();
    statement(&mut lx, root, &mut module);
    lx.cx.ir.module = module;
    Ok(lx.cx.ir)
}

/// The grammar for a file: by extension first, since `.tsx` and `.ts` need
/// different TypeScript grammars; by language when the extension is unusual.
fn grammar(language: Language, path: &Path) -> tree_sitter::Language {
    match path.extension().and_then(|e| e.to_str()) {
        Some("tsx") => tree_sitter_typescript::LANGUAGE_TSX.into(),
        Some("ts" | "mts" | "cts") => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
        Some("js" | "jsx" | "mjs" | "cjs") => tree_sitter_javascript::LANGUAGE.into(),
        _ if language == Language::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
        _ => tree_sitter_javascript::LANGUAGE.into(),
    }
}

/// Lowering state on top of the shared [`Ctx`].
struct Lower<'s> {
    cx: Ctx<'s>,
    /// Constructor parameter properties (`private readonly log: Logger`)
    /// seen in the class being lowered.
    param_fields: Vec<Field>,
    /// Counter for the names of temporaries that hold a destructured value.
    temps: usize,
}

impl Lower<'_> {
    fn text(&self, node: Node) -> String {
        self.cx.text(node).to_string()
    }
}

impl<'s> AsMut<Ctx<'s>> for Lower<'s> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        &mut self.cx
    }
}

fn field<'t>(node: Node<'t>, name: &str) -> Option<Node<'t>> {
    node.child_by_field_name(name)
}

fn name_expr(name: &str, sp: Span) -> Expr {
    Expr::new(ExprKind::Name(name.to_string()), sp)
}

fn named(name: &str) -> FunctionName {
    FunctionName::Named(name.to_string())
}

// ---------------------------------------------------------------------------
// Statements

fn statement(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    if !lx.cx.enter() {
        return;
    }
    statement_inner(lx, node, out);
    lx.cx.flush(out);
    lx.cx.leave();
}

fn statements(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    for child in named_children(node) {
        statement(lx, child, out);
    }
}

/// Dispatches on the statement kind. The arms call out to small functions
/// so that this frame, which is on the stack once per nesting level, stays
/// small.
fn statement_inner(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "program" | "statement_block" | "else_clause" | "finally_clause" | "switch_body" => {
            statements(lx, node, out)
        }
        "ERROR" => recovered(lx, node, out),
        "expression_statement" => {
            for child in named_children(node) {
                expression_statement(lx, child, out);
            }
        }
        "lexical_declaration" | "variable_declaration" | "using_declaration" => {
            for d in named_children(node) {
                if d.kind() == "variable_declarator" {
                    declarator(lx, d, out);
                }
            }
        }
        "return_statement" => return_statement(lx, node, out),
        "throw_statement" => {
            let children = children_exprs(lx, node);
            lx.cx
                .push(out, Stmt::Expr(Expr::opaque(children, span(node))));
        }
        "if_statement" => if_chain(lx, node, out),
        "while_statement" | "do_statement" | "with_statement" => {
            parts(lx, node, &["condition", "object"], &["body"], out)
        }
        "try_statement" => parts(lx, node, &[], &["body", "handler", "finalizer"], out),
        "catch_clause" | "labeled_statement" | "class_static_block" | "internal_module"
        | "module" => parts(lx, node, &[], &["body"], out),
        "for_statement" => for_statement(lx, node, out),
        "for_in_statement" => for_in(lx, node, out),
        "switch_statement" => switch_statement(lx, node, out),
        "function_declaration" | "generator_function_declaration" => {
            let name = field(node, "name")
                .map(|n| lx.text(n))
                .unwrap_or_else(|| "default".into());
            function(lx, node, FunctionName::Named(name), Vec::new());
        }
        "class_declaration" | "abstract_class_declaration" => class(lx, node, None),
        "interface_declaration" | "type_alias_declaration" => type_declaration(lx, node),
        "import_statement" => import(lx, node),
        "export_statement" => export(lx, node, out),
        _ => {}
    }
}

/// Tree-sitter's recovery: keep whatever statements and expressions it
/// could still recognise.
fn recovered(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    for child in named_children(node) {
        if is_statement(child) || child.kind() == "ERROR" {
            statement(lx, child, out);
        } else {
            expression_statement(lx, child, out);
        }
    }
}

fn return_statement(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let value = named_children(node).first().map(|c| expr(lx, *c));
    lx.cx.push(out, Stmt::Return(value, span(node)));
}

/// Lowers the expression fields of `node` as evaluated expressions, then
/// its statement fields.
fn parts(lx: &mut Lower, node: Node, exprs: &[&str], stmts: &[&str], out: &mut Vec<Stmt>) {
    for name in exprs {
        if let Some(c) = field(node, name) {
            let e = expr(lx, c);
            lx.cx.push(out, Stmt::Expr(e));
        }
    }
    for name in stmts {
        if let Some(b) = field(node, name) {
            statement(lx, b, out);
        }
    }
}

/// `if` with its `else if` chain, which can be long: walked in a loop.
fn if_chain(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let mut cur = node;
    loop {
        parts(lx, cur, &["condition"], &["consequence"], out);
        let Some(alt) = field(cur, "alternative") else {
            break;
        };
        match named_children(alt).as_slice() {
            [next] if next.kind() == "if_statement" => cur = *next,
            _ => {
                statement(lx, alt, out);
                break;
            }
        }
    }
}

fn for_statement(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    // The grammar puts `;` in the condition field when it is empty.
    for name in ["initializer", "condition", "increment"] {
        let mut cursor = node.walk();
        let parts: Vec<Node> = node
            .children_by_field_name(name, &mut cursor)
            .filter(|c| c.is_named())
            .collect();
        for part in parts {
            if is_statement(part) {
                statement(lx, part, out);
            } else {
                expression_statement(lx, part, out);
            }
        }
    }
    if let Some(b) = field(node, "body") {
        statement(lx, b, out);
    }
}

fn switch_statement(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    if let Some(v) = field(node, "value") {
        let e = expr(lx, v);
        lx.cx.push(out, Stmt::Expr(e));
    }
    let Some(body) = field(node, "body") else {
        return;
    };
    for case in named_children(body) {
        let value = field(case, "value");
        if let Some(v) = value {
            let e = expr(lx, v);
            lx.cx.push(out, Stmt::Expr(e));
        }
        for child in named_children(case) {
            if Some(child) != value {
                statement(lx, child, out);
            }
        }
    }
}

/// Interfaces and object type aliases declare typed fields.
fn type_declaration(lx: &mut Lower, node: Node) {
    let name = field(node, "name");
    let body = field(node, "body").or_else(|| field(node, "value"));
    if let (Some(name), Some(body)) = (name, body)
        && matches!(body.kind(), "interface_body" | "object_type")
    {
        type_fields(lx, name, body, node);
    }
}

fn export(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    if let Some(d) = field(node, "declaration") {
        statement(lx, d, out);
    }
    if let Some(v) = field(node, "value") {
        let e = value_expr(lx, v, named("default"));
        default_export(e, span(node), out);
    }
    if let Some(source) = field(node, "source").map(|s| unquote(lx.cx.text(s))) {
        re_export(lx, node, source, out);
    }
}

/// `export default value` and `module.exports = value` bind the module's
/// default export, a module-level name `default` other files' calls on the
/// module resolve through (`export default new Mailer()`).
fn default_export(value: Expr, sp: Span, out: &mut Vec<Stmt>) {
    out.push(Stmt::Assign {
        target: Target::Place(name_expr("default", sp)),
        ty: None,
        value: Some(value),
        span: sp,
    });
}

/// `export { a, b as c } from './x'` imports and re-exports `a` and `c`;
/// `export * from './x'` re-exports all of `./x` under a name no identifier
/// can shadow, `*./x`. Each becomes a module-level name whose origin is
/// the path it re-exports, so that calls through an `index` barrel reach
/// the module that defines them.
fn re_export(lx: &mut Lower, node: Node, source: String, out: &mut Vec<Stmt>) {
    let sp = span(node);
    let mut names = Vec::new();
    for part in named_children(node) {
        match part.kind() {
            "export_clause" => {
                for spec in named_children(part) {
                    let Some(name) = field(spec, "name") else {
                        continue;
                    };
                    let local = property_key(lx, field(spec, "alias").unwrap_or(name));
                    let imported = property_key(lx, name);
                    names.push((local, format!("{source}.{imported}")));
                }
            }
            // `export * as ns from './x'`
            "namespace_export" => {
                if let Some(local) = named_children(part).first() {
                    names.push((property_key(lx, *local), source.clone()));
                }
            }
            _ => {}
        }
    }
    if names.is_empty() && lx.cx.text(node).contains('*') {
        names.push((format!("*{source}"), source));
    }
    for (local, path) in names {
        add_import(lx, local.clone(), path);
        out.push(Stmt::Assign {
            target: Target::Place(name_expr(&local, sp)),
            ty: None,
            value: Some(name_expr(&local, sp)),
            span: sp,
        });
    }
}

/// Whether a `for (...;...;...)` part is a statement rather than an
/// expression (the grammars disagree on which they use).
fn is_statement(node: Node) -> bool {
    let kind = node.kind();
    kind.ends_with("_statement") || kind.ends_with("_declaration") || kind == "statement_block"
}

/// An expression evaluated for its effect; assignments become `Assign`.
fn expression_statement(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "assignment_expression" | "augmented_assignment_expression" => assign(lx, node, out),
        // TypeScript parses `namespace N { ... }` as an expression statement.
        "internal_module" | "module" => {
            if let Some(body) = field(node, "body") {
                statement(lx, body, out);
            }
        }
        "sequence_expression" => {
            for child in named_children(node) {
                if !lx.cx.enter() {
                    return;
                }
                expression_statement(lx, child, out);
                lx.cx.leave();
            }
        }
        "parenthesized_expression" if named_children(node).len() == 1 => {
            if let Some(inner) = named_children(node).first() {
                if !lx.cx.enter() {
                    return;
                }
                expression_statement(lx, *inner, out);
                lx.cx.leave();
            }
        }
        _ => {
            let e = expr(lx, node);
            lx.cx.push(out, Stmt::Expr(e));
        }
    }
}

/// `for (const x of xs)` binds `x` to the values of `xs`; `for (k in o)`
/// binds keys, which are property names and carry no data.
fn for_in(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    if let (Some(left), Some(right)) = (field(node, "left"), field(node, "right")) {
        let iterated = expr(lx, right);
        let of = field(node, "operator").is_some_and(|o| lx.cx.text(o) == "of");
        let value = if of {
            iterated
        } else {
            Expr::opaque(vec![iterated], span(right))
        };
        bind(lx, left, value, span(node), None, out);
    }
    if let Some(b) = field(node, "body") {
        statement(lx, b, out);
    }
}

fn declarator(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let Some(name) = field(node, "name") else {
        return;
    };
    let ty = field(node, "type").and_then(|t| type_name(lx, t));
    let value = field(node, "value");
    if let Some(v) = value
        && require_import(lx, name, v)
    {
        return;
    }
    match (name.kind(), value) {
        ("identifier", _) => {
            let local = lx.text(name);
            let value = value.map(|v| value_expr(lx, v, named(&local)));
            lx.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Place(name_expr(&local, span(name))),
                    ty,
                    value,
                    span: span(node),
                },
            );
        }
        (_, Some(v)) => {
            let value = expr(lx, v);
            bind(lx, name, value, span(node), ty, out);
        }
        _ => {}
    }
}

fn assign(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    let (Some(left), Some(right)) = (field(node, "left"), field(node, "right")) else {
        return;
    };
    let sp = span(node);
    let value = if node.kind() == "augmented_assignment_expression" {
        let op = field(node, "operator")
            .map(|o| lx.text(o))
            .unwrap_or_default();
        let old = expr(lx, left);
        let add = expr(lx, right);
        match op.as_str() {
            // `s += x` keeps what s had and appends x.
            "+=" => Expr::new(ExprKind::Format(vec![old, add]), sp),
            "||=" | "??=" | "&&=" => Expr::new(ExprKind::Either(vec![old, add]), sp),
            _ => Expr::opaque(vec![add], sp),
        }
    } else {
        if left.kind() == "identifier" && require_import(lx, left, right) {
            return;
        }
        if lx.cx.text(left) == "module.exports" {
            let value = value_expr(lx, right, named("default"));
            default_export(value, span(node), out);
            return;
        }
        let hint = match left.kind() {
            "member_expression" => field(left, "property").map(|p| lx.text(p)),
            _ => Some(lx.text(left)),
        };
        let hint = hint
            .map(FunctionName::Named)
            .unwrap_or(FunctionName::Anonymous(Anonymous::Expression));
        value_expr(lx, right, hint)
    };
    bind(lx, left, value, sp, None, out);
}

/// Binds `value` to an assignment target: a name, member, index or pattern.
fn bind(
    lx: &mut Lower,
    target: Node,
    value: Expr,
    sp: Span,
    ty: Option<String>,
    out: &mut Vec<Stmt>,
) {
    match target.kind() {
        "object_pattern" | "array_pattern" => destructure(lx, target, value, sp, out),
        "parenthesized_expression" | "non_null_expression" | "as_expression" => {
            match named_children(target).first() {
                Some(inner) if lx.cx.enter() => {
                    bind(lx, *inner, value, sp, ty, out);
                    lx.cx.leave();
                }
                _ => {}
            }
        }
        "identifier" | "member_expression" | "subscript_expression" | "this" => {
            let place = expr(lx, target);
            lx.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Place(place),
                    ty,
                    value: Some(value),
                    span: sp,
                },
            );
        }
        _ => lx.cx.push(out, Stmt::Expr(value)),
    }
}

/// A value that can be repeated without repeating calls.
fn is_path(e: &Expr) -> bool {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Name(_) => return true,
            ExprKind::Member { object, .. } => cur = object,
            ExprKind::Index { object, index } if index.as_str().is_some() => cur = object,
            _ => return false,
        }
    }
}

/// `const { email, phone: tel, ...rest } = value` and `[a, b] = value`.
/// Nested patterns destructure the member they name.
fn destructure(lx: &mut Lower, pattern: Node, value: Expr, sp: Span, out: &mut Vec<Stmt>) {
    if !lx.cx.enter() {
        return;
    }
    let mut pairs: Vec<(Option<String>, String)> = Vec::new();
    let mut nested: Vec<(Option<String>, Node)> = Vec::new();
    let mut rests: Vec<String> = Vec::new();
    let object = pattern.kind() == "object_pattern";
    for child in named_children(pattern) {
        match child.kind() {
            "shorthand_property_identifier_pattern" | "identifier" => {
                let name = lx.text(child);
                let key = object.then(|| name.clone());
                pairs.push((key, name));
            }
            "object_assignment_pattern" | "assignment_pattern" => {
                // `{ email = '' }`, `[a = 1]`: the default is a constant.
                if let Some(left) = field(child, "left") {
                    match left.kind() {
                        "shorthand_property_identifier_pattern" | "identifier" => {
                            let name = lx.text(left);
                            let key = object.then(|| name.clone());
                            pairs.push((key, name));
                        }
                        _ => nested.push((None, left)),
                    }
                }
            }
            "pair_pattern" => {
                let key = field(child, "key").map(|k| property_key(lx, k));
                let Some(mut v) = field(child, "value") else {
                    continue;
                };
                if v.kind() == "assignment_pattern" {
                    match field(v, "left") {
                        Some(l) => v = l,
                        None => continue,
                    }
                }
                if v.kind() == "identifier" {
                    pairs.push((key, lx.text(v)));
                } else {
                    nested.push((key, v));
                }
            }
            "rest_pattern" => {
                if let Some(inner) = named_children(child).first() {
                    if inner.kind() == "identifier" {
                        rests.push(lx.text(*inner));
                    } else {
                        nested.push((None, *inner));
                    }
                }
            }
            "object_pattern" | "array_pattern" => nested.push((None, child)),
            _ => {}
        }
    }
    // A value that is used more than once is held in a temporary so that
    // the calls in it are lowered once.
    let value =
        if (nested.len() + rests.len() + usize::from(!pairs.is_empty())) > 1 && !is_path(&value) {
            lx.temps += 1;
            let tmp = format!("<destructured {}>", lx.temps);
            lx.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Place(name_expr(&tmp, sp)),
                    ty: None,
                    value: Some(value),
                    span: sp,
                },
            );
            name_expr(&tmp, sp)
        } else {
            value
        };
    if !pairs.is_empty() {
        lx.cx.push(
            out,
            Stmt::Assign {
                target: Target::Destructure(pairs),
                ty: None,
                value: Some(value.clone()),
                span: sp,
            },
        );
    }
    // `...rest` keeps whatever the named keys did not take.
    for rest in rests {
        lx.cx.push(
            out,
            Stmt::Assign {
                target: Target::Place(name_expr(&rest, sp)),
                ty: None,
                value: Some(value.clone()),
                span: sp,
            },
        );
    }
    for (key, inner) in nested {
        let part = match key {
            Some(k) if !k.is_empty() => Expr::new(
                ExprKind::Member {
                    object: Box::new(value.clone()),
                    property: k,
                },
                sp,
            ),
            _ => value.clone(),
        };
        destructure(lx, inner, part, sp, out);
    }
    lx.cx.leave();
}

// ---------------------------------------------------------------------------
// Imports

fn import(lx: &mut Lower, node: Node) {
    let Some(source) = field(node, "source").map(|s| unquote(lx.cx.text(s))) else {
        // `import x = require('m')`
        for child in named_children(node) {
            if child.kind() == "import_require_clause" {
                let local = named_children(child)
                    .into_iter()
                    .find(|c| c.kind() == "identifier");
                if let (Some(local), Some(s)) = (local, field(child, "source")) {
                    let path = unquote(lx.cx.text(s));
                    add_import(lx, lx.text(local), path);
                }
            }
        }
        return;
    };
    for clause in named_children(node) {
        if clause.kind() != "import_clause" {
            continue;
        }
        for part in named_children(clause) {
            match part.kind() {
                // `import x from 'm'`
                "identifier" => add_import(lx, lx.text(part), source.clone()),
                // `import * as ns from 'm'`
                "namespace_import" => {
                    if let Some(local) = named_children(part).first() {
                        add_import(lx, lx.text(*local), source.clone());
                    }
                }
                // `import { a, b as c } from 'm'`
                "named_imports" => {
                    for spec in named_children(part) {
                        let Some(name) = field(spec, "name") else {
                            continue;
                        };
                        let local = field(spec, "alias").unwrap_or(name);
                        let imported = property_key(lx, name);
                        add_import(lx, lx.text(local), format!("{source}.{imported}"));
                    }
                }
                _ => {}
            }
        }
    }
}

fn add_import(lx: &mut Lower, local: String, path: String) {
    // `node:fs` is another spelling of the built-in module `fs`.
    let path = match path.strip_prefix("node:") {
        Some(builtin) => builtin.to_string(),
        None => path,
    };
    lx.cx.ir.imports.push(Import { local, path });
}

/// The module specifier of `require('m')` or `import('m')`.
fn required_module(lx: &Lower, node: Node) -> Option<String> {
    if node.kind() != "call_expression" {
        return None;
    }
    let callee = field(node, "function")?;
    if !(callee.kind() == "import" || lx.cx.text(callee) == "require") {
        return None;
    }
    let args = named_children(field(node, "arguments")?);
    match args.as_slice() {
        [spec] if spec.kind() == "string" => Some(unquote(lx.cx.text(*spec))),
        _ => None,
    }
}

/// `const x = require('m')`, `const { a, b: c } = require('m')`,
/// `const y = require('m').z` become imports. Returns whether it did.
fn require_import(lx: &mut Lower, target: Node, value: Node) -> bool {
    // Peel `await`, parentheses and member accesses without recursion.
    let mut members = Vec::new();
    let mut cur = value;
    let module = loop {
        match cur.kind() {
            "await_expression"
            | "parenthesized_expression"
            | "non_null_expression"
            | "as_expression" => match named_children(cur).first() {
                Some(inner) => cur = *inner,
                None => return false,
            },
            "member_expression" => {
                let (Some(object), Some(property)) = (field(cur, "object"), field(cur, "property"))
                else {
                    return false;
                };
                members.push(lx.text(property));
                cur = object;
            }
            _ => match required_module(lx, cur) {
                Some(m) => break m,
                None => return false,
            },
        }
    };
    members.reverse();
    let path = std::iter::once(module)
        .chain(members)
        .collect::<Vec<_>>()
        .join(".");
    match target.kind() {
        "identifier" => {
            add_import(lx, lx.text(target), path);
            true
        }
        "object_pattern" => {
            for child in named_children(target) {
                let (key, local) = match child.kind() {
                    "shorthand_property_identifier_pattern" => (lx.text(child), lx.text(child)),
                    "object_assignment_pattern" => match field(child, "left") {
                        Some(l) => (lx.text(l), lx.text(l)),
                        None => continue,
                    },
                    "pair_pattern" => match (field(child, "key"), field(child, "value")) {
                        (Some(k), Some(v)) if v.kind() == "identifier" => {
                            (property_key(lx, k), lx.text(v))
                        }
                        _ => continue,
                    },
                    _ => continue,
                };
                add_import(lx, local, format!("{path}.{key}"));
            }
            true
        }
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Functions and classes

/// Lowers a value, naming a function written there after `hint`
/// (`const handler = (req, res) => ...` is the function `handler`), and a
/// class written there after the hint as displayed.
fn value_expr(lx: &mut Lower, node: Node, hint: FunctionName) -> Expr {
    match node.kind() {
        "arrow_function" | "function_expression" | "function" | "generator_function" => {
            let name = field(node, "name")
                .map(|n| FunctionName::Named(lx.text(n)))
                .unwrap_or(hint);
            if !lx.cx.enter() {
                return Expr::opaque(Vec::new(), span(node));
            }
            let f = function(lx, node, name, Vec::new());
            lx.cx.leave();
            f
        }
        "class" => {
            if !lx.cx.enter() {
                return Expr::opaque(Vec::new(), span(node));
            }
            class(lx, node, Some(&hint.to_string()));
            lx.cx.leave();
            Expr::opaque(Vec::new(), span(node))
        }
        _ => expr(lx, node),
    }
}

fn function(lx: &mut Lower, node: Node, name: FunctionName, decorators: Vec<String>) -> Expr {
    let (params, body) = nested(lx, |lx| {
        let mut params = Vec::new();
        let mut body = Vec::new();
        if let Some(p) = field(node, "parameters") {
            for param in named_children(p) {
                parameter(lx, param, &mut params, &mut body);
            }
        } else if let Some(p) = field(node, "parameter") {
            parameter(lx, p, &mut params, &mut body);
        }
        match field(node, "body") {
            Some(b) if b.kind() == "statement_block" => statement(lx, b, &mut body),
            Some(b) => {
                let value = expr(lx, b);
                lx.cx.push(&mut body, Stmt::Return(Some(value), span(b)));
            }
            None => {}
        }
        lx.cx.flush(&mut body);
        (params, body)
    });
    let class = lx.cx.class.clone();
    lx.cx.hoist(Function {
        name,
        class,
        params,
        decorators,
        body,
        span: span(node),
    })
}

/// One formal parameter; defaults become `p = p ?? default` at the start
/// of the body.
fn parameter(lx: &mut Lower, node: Node, params: &mut Vec<Param>, body: &mut Vec<Stmt>) {
    let sp = span(node);
    let (pattern, ty, default, annotations) = match node.kind() {
        "required_parameter" | "optional_parameter" => {
            let annotations = named_children(node)
                .into_iter()
                .filter(|c| c.kind() == "decorator")
                .filter_map(|d| decorator_name(lx, d))
                .collect();
            let ty = field(node, "type").and_then(|t| type_name(lx, t));
            let pattern = field(node, "pattern").or_else(|| field(node, "name"));
            // `constructor(private readonly log: Logger)` declares a field.
            let mut cursor = node.walk();
            let property = node.children(&mut cursor).any(|c| {
                matches!(
                    c.kind(),
                    "accessibility_modifier" | "readonly" | "override_modifier"
                )
            });
            if let (true, Some(p)) = (property, pattern.filter(|p| p.kind() == "identifier")) {
                lx.param_fields.push(Field {
                    name: lx.text(p),
                    ty: ty.clone(),
                    span: sp,
                });
            }
            (pattern, ty, field(node, "value"), annotations)
        }
        "assignment_pattern" => (field(node, "left"), None, field(node, "right"), Vec::new()),
        _ => (Some(node), None, None, Vec::new()),
    };
    let Some(pattern) = pattern else {
        return;
    };
    let mut names = Vec::new();
    bound_names(lx, pattern, &mut names);
    let single = match names.as_slice() {
        [one] if pattern.kind() != "object_pattern" && pattern.kind() != "array_pattern" => {
            Some(one.clone())
        }
        _ => None,
    };
    for name in names {
        let ty = if single.is_some() { ty.clone() } else { None };
        params.push(Param::named(name, ty, annotations.clone(), sp));
    }
    // A constant default adds nothing to what the caller passes.
    if let Some(d) = default.filter(|d| !is_constant(*d)) {
        let value = value_expr(lx, d, FunctionName::Anonymous(Anonymous::Default));
        let stmt = match single {
            Some(name) => Stmt::Assign {
                target: Target::Place(name_expr(&name, sp)),
                ty: None,
                value: Some(Expr::new(
                    ExprKind::Either(vec![name_expr(&name, sp), value]),
                    sp,
                )),
                span: sp,
            },
            None => Stmt::Expr(value),
        };
        lx.cx.push(body, stmt);
    }
}

/// Literals and empty objects or arrays.
fn is_constant(node: Node) -> bool {
    match node.kind() {
        "number" | "true" | "false" | "null" | "undefined" | "string" => true,
        "template_string" => !named_children(node)
            .iter()
            .any(|c| c.kind() == "template_substitution"),
        "object" | "array" => named_children(node).is_empty(),
        _ => false,
    }
}

/// Every name a parameter pattern binds, in order.
fn bound_names(lx: &mut Lower, pattern: Node, names: &mut Vec<String>) {
    if !lx.cx.enter() {
        return;
    }
    match pattern.kind() {
        "identifier" | "shorthand_property_identifier_pattern" => names.push(lx.text(pattern)),
        "rest_pattern" | "object_pattern" | "array_pattern" => {
            for child in named_children(pattern) {
                bound_names(lx, child, names);
            }
        }
        "pair_pattern" => {
            if let Some(v) = field(pattern, "value") {
                bound_names(lx, v, names);
            }
        }
        "assignment_pattern" | "object_assignment_pattern" => {
            if let Some(l) = field(pattern, "left") {
                bound_names(lx, l, names);
            }
        }
        _ => {}
    }
    lx.cx.leave();
}

/// The name of a decorator as written, without `@` and arguments.
fn decorator_name(lx: &Lower, node: Node) -> Option<String> {
    let inner = named_children(node).into_iter().next()?;
    let target = match inner.kind() {
        "call_expression" => field(inner, "function")?,
        _ => inner,
    };
    let text: String = lx
        .cx
        .text(target)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(text)
}

/// A class: its fields become `Class` fields, its field initializers and
/// static blocks one function ([`FunctionName::FieldInitializers`], lowered
/// before the methods so that the origins it gives `this.x` are known to
/// them), its methods functions of the class. A class without a name is
/// named after `hint`, or `<anonymous>`; all such classes of a file share
/// their name, as their fields do.
fn class(lx: &mut Lower, node: Node, hint: Option<&str>) {
    let name = field(node, "name")
        .map(|n| lx.text(n))
        .or_else(|| hint.map(str::to_string))
        .unwrap_or_else(|| "<anonymous>".into());
    let outer_class = lx.cx.class.replace(name.clone());
    let outer_params = std::mem::take(&mut lx.param_fields);
    let members = field(node, "body").map(named_children).unwrap_or_default();
    let mut fields = nested(lx, |lx| {
        let fields = field_initializers(lx, &name, node, &members);
        methods(lx, members);
        fields
    });
    fields.append(&mut lx.param_fields);
    lx.param_fields = outer_params;
    lx.cx.class = outer_class;
    lx.cx.ir.classes.push(Class {
        name,
        fields,
        span: span(node),
    });
}

/// The fields a class body declares; their initializers and the static
/// blocks become one function of the class (`node`),
/// [`FunctionName::FieldInitializers`].
fn field_initializers(lx: &mut Lower, class: &str, node: Node, members: &[Node]) -> Vec<Field> {
    let mut fields = Vec::new();
    let mut inits = Vec::new();
    for member in members {
        match member.kind() {
            "field_definition" | "public_field_definition" => {
                class_field(lx, *member, &mut fields, &mut inits)
            }
            "class_static_block" => statement(lx, *member, &mut inits),
            _ => {}
        }
    }
    if !inits.is_empty() {
        lx.cx.hoist(Function {
            name: FunctionName::FieldInitializers,
            class: Some(class.to_string()),
            params: Vec::new(),
            decorators: Vec::new(),
            body: inits,
            span: span(node),
        });
    }
    fields
}

/// A field declaration, and its initializer as `this.field = value`.
fn class_field(lx: &mut Lower, member: Node, fields: &mut Vec<Field>, inits: &mut Vec<Stmt>) {
    let Some(n) = field(member, "property").or_else(|| field(member, "name")) else {
        return;
    };
    let fname = property_key(lx, n);
    let ty = field(member, "type").and_then(|t| type_name(lx, t));
    fields.push(Field {
        name: fname.clone(),
        ty: ty.clone(),
        span: span(member),
    });
    let Some(v) = field(member, "value") else {
        return;
    };
    let value = value_expr(lx, v, named(&fname));
    let target = Expr::new(
        ExprKind::Member {
            object: Box::new(name_expr("this", span(n))),
            property: fname,
        },
        span(n),
    );
    lx.cx.push(
        inits,
        Stmt::Assign {
            target: Target::Place(target),
            ty,
            value: Some(value),
            span: span(member),
        },
    );
}

/// The methods of a class body with their decorators.
fn methods(lx: &mut Lower, members: Vec<Node>) {
    let mut decorators = Vec::new();
    for member in members {
        match member.kind() {
            // TypeScript puts method decorators before the method.
            "decorator" => decorators.extend(decorator_name(lx, member)),
            "method_definition" => {
                let mut own: Vec<String> = std::mem::take(&mut decorators);
                let mut cursor = member.walk();
                let inline: Vec<Node> = member
                    .children_by_field_name("decorator", &mut cursor)
                    .collect();
                own.extend(inline.into_iter().filter_map(|d| decorator_name(lx, d)));
                let method = field(member, "name")
                    .map(|n| property_key(lx, n))
                    .unwrap_or_default();
                function(lx, member, FunctionName::Named(method), own);
            }
            _ => decorators.clear(),
        }
    }
}

/// Interfaces and object type aliases: their property signatures are fields.
fn type_fields(lx: &mut Lower, name: Node, body: Node, decl: Node) {
    let fields = named_children(body)
        .into_iter()
        .filter(|m| m.kind() == "property_signature")
        .filter_map(|m| {
            let n = field(m, "name")?;
            Some(Field {
                name: property_key(lx, n),
                ty: field(m, "type").and_then(|t| type_name(lx, t)),
                span: span(m),
            })
        })
        .collect();
    lx.cx.ir.classes.push(Class {
        name: lx.text(name),
        fields,
        span: span(decl),
    });
}

/// The base type of a `: Type` annotation, if it names one.
fn type_name(lx: &Lower, node: Node) -> Option<String> {
    let ty = if node.kind() == "type_annotation" {
        named_children(node).into_iter().next()?
    } else {
        node
    };
    let base = base_type(lx.cx.text(ty));
    let named = base
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$');
    named.then_some(base)
}

/// A property name as written: identifiers, string and number keys, and
/// computed keys that are plain strings; other computed keys are unknown
/// (empty).
fn property_key(lx: &Lower, node: Node) -> String {
    match node.kind() {
        "string" => unquote(lx.cx.text(node)),
        "computed_property_name" => match named_children(node).as_slice() {
            [inner] if inner.kind() == "string" => unquote(lx.cx.text(*inner)),
            [inner] if inner.kind() == "template_string" && named_children(*inner).len() <= 1 => {
                unquote(lx.cx.text(*inner))
            }
            _ => String::new(),
        },
        _ => lx.text(node),
    }
}

// ---------------------------------------------------------------------------
// Expressions

fn expr(lx: &mut Lower, node: Node) -> Expr {
    if !lx.cx.enter() {
        return Expr::opaque(Vec::new(), span(node));
    }
    let e = expr_inner(lx, node);
    lx.cx.leave();
    e
}

fn children_exprs(lx: &mut Lower, node: Node) -> Vec<Expr> {
    named_children(node)
        .into_iter()
        .map(|c| expr(lx, c))
        .collect()
}

/// Dispatches on the expression kind; like [`statement_inner`], the arms
/// call out so that the per-level frame stays small.
fn expr_inner(lx: &mut Lower, node: Node) -> Expr {
    let kind = match node.kind() {
        "identifier" | "shorthand_property_identifier" | "this" | "super" => {
            ExprKind::Name(lx.text(node))
        }
        "number" | "true" | "false" | "null" | "undefined" | "regex" => ExprKind::Literal,
        "string" => ExprKind::Str(unquote(lx.cx.text(node))),
        "template_string" => template(lx, node),
        "member_expression" => member(lx, node),
        "subscript_expression" => index(lx, node),
        "call_expression" => call(lx, node, false),
        "new_expression" => call(lx, node, true),
        // Wrappers whose value is their operand.
        "await_expression"
        | "parenthesized_expression"
        | "non_null_expression"
        | "as_expression"
        | "satisfies_expression"
        | "type_assertion"
        | "spread_element"
        | "jsx_expression"
        | "instantiation_expression" => return operand(lx, node),
        "sequence_expression" => sequence(lx, node),
        "binary_expression" => binary(lx, node),
        "ternary_expression" => ternary(lx, node),
        "assignment_expression" | "augmented_assignment_expression" => {
            return assignment_value(lx, node);
        }
        "arrow_function" => {
            return value_expr(lx, node, FunctionName::Anonymous(Anonymous::Arrow));
        }
        "function_expression" | "function" | "generator_function" => {
            return value_expr(lx, node, FunctionName::Anonymous(Anonymous::Expression));
        }
        "class" => {
            class(lx, node, None);
            ExprKind::Opaque(Vec::new())
        }
        "object" => object(lx, node),
        "array" => ExprKind::Array(children_exprs(lx, node)),
        "jsx_element" | "jsx_self_closing_element" => ExprKind::Opaque(jsx(lx, node)),
        "import" => ExprKind::Name("import".into()),
        _ => ExprKind::Opaque(children_exprs(lx, node)),
    };
    Expr::new(kind, span(node))
}

/// The operand of a wrapper that does not change the value (`await`,
/// parentheses, `as`, `!`, spreads, JSX containers, `f<T>`).
fn operand(lx: &mut Lower, node: Node) -> Expr {
    let inner = field(node, "function").or_else(|| {
        named_children(node)
            .into_iter()
            .find(|c| !matches!(c.kind(), "type_arguments" | "type_annotation"))
    });
    match inner {
        Some(i) => expr(lx, i),
        None => Expr::new(ExprKind::Literal, span(node)),
    }
}

/// `(a, b)`: the value is the last expression; the others run first.
fn sequence(lx: &mut Lower, node: Node) -> ExprKind {
    let mut parts = children_exprs(lx, node);
    match parts.pop() {
        Some(last) => ExprKind::Either(vec![last, Expr::opaque(parts, span(node))]),
        None => ExprKind::Literal,
    }
}

/// `c ? a : b` is a or b, never c.
fn ternary(lx: &mut Lower, node: Node) -> ExprKind {
    let cond = field(node, "condition").map(|c| expr(lx, c));
    let mut parts: Vec<Expr> = ["consequence", "alternative"]
        .into_iter()
        .filter_map(|f| field(node, f))
        .map(|b| expr(lx, b))
        .collect();
    parts.push(Expr::opaque(cond.into_iter().collect(), span(node)));
    ExprKind::Either(parts)
}

/// An assignment inside an expression runs before the statement that holds
/// it; its value is then the target's.
fn assignment_value(lx: &mut Lower, node: Node) -> Expr {
    let mut stmts = Vec::new();
    assign(lx, node, &mut stmts);
    for stmt in stmts {
        lx.cx.emit(stmt);
    }
    match field(node, "left") {
        Some(l) if matches!(l.kind(), "identifier" | "member_expression") => expr(lx, l),
        _ => Expr::opaque(Vec::new(), span(node)),
    }
}

fn template(lx: &mut Lower, node: Node) -> ExprKind {
    let children = named_children(node);
    if !children.iter().any(|c| c.kind() == "template_substitution") {
        return ExprKind::Str(unquote(lx.cx.text(node)));
    }
    // Literal parts stay: they hold URLs and SQL verbs.
    let parts = children
        .into_iter()
        .filter_map(|c| match c.kind() {
            "template_substitution" => named_children(c).first().map(|e| expr(lx, *e)),
            _ => Some(Expr::new(ExprKind::Str(lx.text(c)), span(c))),
        })
        .collect();
    ExprKind::Format(parts)
}

fn member(lx: &mut Lower, node: Node) -> ExprKind {
    match (field(node, "object"), field(node, "property")) {
        (Some(o), Some(p)) => ExprKind::Member {
            object: Box::new(expr(lx, o)),
            property: lx.text(p),
        },
        _ => ExprKind::Opaque(children_exprs(lx, node)),
    }
}

fn index(lx: &mut Lower, node: Node) -> ExprKind {
    match (field(node, "object"), field(node, "index")) {
        (Some(o), Some(i)) => ExprKind::Index {
            object: Box::new(expr(lx, o)),
            index: Box::new(expr(lx, i)),
        },
        _ => ExprKind::Opaque(children_exprs(lx, node)),
    }
}

fn call(lx: &mut Lower, node: Node, construct: bool) -> ExprKind {
    if let Some(module) = required_module(lx, node) {
        return module_name(lx, module);
    }
    let callee = field(node, "function").or_else(|| field(node, "constructor"));
    let Some(callee) = callee else {
        return ExprKind::Opaque(children_exprs(lx, node));
    };
    let callee = Box::new(expr(lx, callee));
    let args = field(node, "arguments")
        .map(|a| arguments(lx, a))
        .unwrap_or_default();
    ExprKind::Call {
        callee,
        args,
        construct,
    }
}

/// A module used in place (`require('stripe')(key)`): a name no identifier
/// can shadow, imported from the module.
fn module_name(lx: &mut Lower, module: String) -> ExprKind {
    let local = format!("require:{module}");
    if !lx.cx.ir.imports.iter().any(|i| i.local == local) {
        add_import(lx, local.clone(), module);
    }
    ExprKind::Name(local)
}

fn arguments(lx: &mut Lower, node: Node) -> Vec<Arg> {
    if node.kind() == "template_string" {
        return tagged_template(lx, node);
    }
    named_children(node)
        .into_iter()
        .map(|c| Arg::positional(expr(lx, c)))
        .collect()
}

/// A tagged template calls its tag with the literal parts and then each
/// substituted value (`` sql`INSERT ... (${email})` `` is
/// `sql(strings, email)`); the literal parts are passed as one string so
/// that the statement they spell stays visible.
fn tagged_template(lx: &mut Lower, node: Node) -> Vec<Arg> {
    let mut strings = String::new();
    let mut args = vec![Arg::positional(Expr::new(ExprKind::Literal, span(node)))];
    for child in named_children(node) {
        match child.kind() {
            "template_substitution" => {
                if let Some(e) = named_children(child).first() {
                    args.push(Arg::positional(expr(lx, *e)));
                }
            }
            _ => strings.push_str(lx.cx.text(child)),
        }
    }
    if let Some(first) = args.first_mut() {
        first.value = Expr::new(ExprKind::Str(strings), span(node));
    }
    args
}

fn binary(lx: &mut Lower, node: Node) -> ExprKind {
    let op = field(node, "operator")
        .map(|o| lx.text(o))
        .unwrap_or_default();
    if let Some(operands) = super::tree::plus_chain(node, lx.cx.src) {
        return ExprKind::Format(operands.into_iter().map(|o| expr(lx, o)).collect());
    }
    let left = field(node, "left").map(|l| expr(lx, l));
    let right = field(node, "right").map(|r| expr(lx, r));
    match op.as_str() {
        "||" | "??" => ExprKind::Either(left.into_iter().chain(right).collect()),
        // `a && b` is b, or a when a is falsy (and then carries nothing).
        "&&" => {
            let mut parts: Vec<Expr> = right.into_iter().collect();
            parts.push(Expr::opaque(left.into_iter().collect(), span(node)));
            ExprKind::Either(parts)
        }
        _ => ExprKind::Opaque(left.into_iter().chain(right).collect()),
    }
}

fn object(lx: &mut Lower, node: Node) -> ExprKind {
    let mut entries = Vec::new();
    for child in named_children(node) {
        if let Some(entry) = object_entry(lx, child) {
            entries.push(entry);
        }
    }
    ExprKind::Object(entries)
}

/// One entry of an object literal: `key: value`, shorthand `{ email }`,
/// spread `...rest` (no key) or a method.
fn object_entry(lx: &mut Lower, node: Node) -> Option<(Option<String>, Expr)> {
    match node.kind() {
        "pair" => {
            let key = field(node, "key")
                .map(|k| property_key(lx, k))
                .unwrap_or_default();
            let value = value_expr(lx, field(node, "value")?, named(&key));
            Some((Some(key), value))
        }
        "shorthand_property_identifier" => {
            let name = lx.text(node);
            let value = name_expr(&name, span(node));
            Some((Some(name), value))
        }
        "spread_element" => {
            let inner = named_children(node).into_iter().next()?;
            Some((None, expr(lx, inner)))
        }
        "method_definition" => {
            let name = field(node, "name")
                .map(|n| property_key(lx, n))
                .unwrap_or_default();
            if !lx.cx.enter() {
                return None;
            }
            let f = function(lx, node, named(&name), Vec::new());
            lx.cx.leave();
            Some((Some(name), f))
        }
        _ => None,
    }
}

/// The expressions inside a JSX element: attribute values and children.
fn jsx(lx: &mut Lower, node: Node) -> Vec<Expr> {
    let mut out = Vec::new();
    for child in named_children(node) {
        match child.kind() {
            "jsx_opening_element" => out.extend(jsx(lx, child)),
            "jsx_attribute" => {
                // The first child is the attribute's name.
                for value in named_children(child).into_iter().skip(1) {
                    out.push(expr(lx, value));
                }
            }
            "jsx_expression" | "jsx_element" | "jsx_self_closing_element" => {
                out.push(expr(lx, child));
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::frontend::test_support::param_name;

    fn lower_as(file: &str, src: &str) -> FileIr {
        let path = Path::new(file);
        let language = if file.ends_with(".js") || file.ends_with(".jsx") {
            Language::JavaScript
        } else {
            Language::TypeScript
        };
        match lower(language, path, src) {
            Ok(ir) => ir,
            Err(e) => panic!("lowering failed: {e}"),
        }
    }

    fn stmts(body: &[Stmt]) -> Vec<String> {
        body.iter().map(crate::ir::print::stmt).collect()
    }

    fn imports(ir: &FileIr) -> Vec<String> {
        ir.imports
            .iter()
            .map(|i| format!("{} -> {}", i.local, i.path))
            .collect()
    }

    #[test]
    fn imports_and_requires() {
        let ir = lower_as(
            "a.ts",
            "import x from 'm';\n\
             import { a as b, c } from '@scope/pkg';\n\
             import * as ns from 'node:fs';\n\
             import type { T } from './types';\n\
             import y = require('yy');\n\
             const sg = require('@sendgrid/mail');\n\
             const { Client, Other: O } = require('@alicloud/dysmsapi20170525');\n\
             const Def = require('alipay-sdk').default;\n\
             import 'side-effect';\n",
        );
        assert_eq!(
            imports(&ir),
            [
                "x -> m",
                "b -> @scope/pkg.a",
                "c -> @scope/pkg.c",
                "ns -> fs",
                "T -> ./types.T",
                "y -> yy",
                "sg -> @sendgrid/mail",
                "Client -> @alicloud/dysmsapi20170525.Client",
                "O -> @alicloud/dysmsapi20170525.Other",
                "Def -> alipay-sdk.default",
            ]
        );
        assert!(ir.module.is_empty(), "{:?}", stmts(&ir.module));
    }

    #[test]
    fn require_in_place_is_an_import_no_name_can_shadow() {
        let ir = lower_as(
            "a.js",
            "const stripe = require('stripe')(key);\nconst log = require('debug')('app');",
        );
        assert_eq!(
            imports(&ir),
            ["require:stripe -> stripe", "require:debug -> debug"]
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "stripe = require:stripe(key)",
                "log = require:debug(\"app\")"
            ]
        );
    }

    #[test]
    fn destructuring() {
        let ir = lower_as(
            "a.js",
            "const { email, phone: tel, name = '', ...rest } = req.body;\n\
             let [first, , second] = pair;\n\
             const { user: { address: { city } }, id } = await load();\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "{email, phone: tel, name} = req.body",
                "rest = req.body",
                "(first, second) = pair",
                "<destructured 1> = load()",
                "{id} = <destructured 1>",
                "{city} = <destructured 1>.user.address",
            ]
        );
    }

    #[test]
    fn arrow_functions_are_hoisted_where_written() {
        let ir = lower_as(
            "a.js",
            "app.post('/signup', async (req, res) => { const { email } = req.body; \
             res.json({ email }); });\n\
             const handler = ({ body, query }) => body.phone;\n",
        );
        assert_eq!(
            stmts(&ir.module),
            ["app.post(\"/signup\", fn#0)", "handler = fn#1"]
        );
        let [route, handler] = ir.functions.as_slice() else {
            panic!("two functions expected");
        };
        assert_eq!(route.name, FunctionName::Anonymous(Anonymous::Arrow));
        let names: Vec<&str> = route.params.iter().map(param_name).collect();
        assert_eq!(names, ["req", "res"]);
        assert_eq!(
            stmts(&route.body),
            ["{email} = req.body", "res.json({email: email})"]
        );
        assert_eq!(handler.name.to_string(), "handler");
        let names: Vec<&str> = handler.params.iter().map(param_name).collect();
        assert_eq!(names, ["body", "query"]);
        assert_eq!(stmts(&handler.body), ["return body.phone"]);
    }

    #[test]
    fn template_strings_and_concatenation() {
        let ir = lower_as(
            "a.ts",
            "log(`user ${user.email} signed up`);\n\
             log('a' + b + c);\n\
             const plain = `no subs`;\n\
             db.query(sql`INSERT INTO t VALUES (${x})`);\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "log(fmt(\"user \", user.email, \" signed up\"))",
                "log(fmt(\"a\", b, c))",
                "plain = \"no subs\"",
                "db.query(sql(\"INSERT INTO t VALUES ()\", x))",
            ]
        );
    }

    #[test]
    fn optional_chaining_and_transparent_wrappers() {
        let ir = lower_as(
            "a.ts",
            "track(user?.profile?.email);\n\
             f(a?.[\"phone\"], b!.c, (d as any).e, <T>g, await h(), x satisfies Y);\n\
             obj?.method?.(arg);\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "track(user.profile.email)",
                "f(a[\"phone\"], b.c, d.e, g, h(), x)",
                "obj.method(arg)",
            ]
        );
    }

    #[test]
    fn either_objects_and_arrays() {
        let ir = lower_as(
            "a.js",
            "x = a || b ?? c;\n\
             y = ok ? email : phone;\n\
             z = { email, 'x-name': n, [\"k\"]: v, [dyn]: w, ...extra, m() { return 1 } };\n\
             w = [a, ...rest];\n\
             q = a && b.c;\n\
             n = count * 2;\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "x = either(either(a, b), c)",
                "y = either(email, phone, opaque(ok))",
                "z = {email: email, x-name: n, k: v, \"\": w, ..extra, m: fn#0}",
                "w = [a, rest]",
                "q = either(b.c, opaque(a))",
                "n = opaque(count, lit)",
            ]
        );
    }

    #[test]
    fn assignments() {
        let ir = lower_as(
            "a.js",
            "s += email;\nn -= 1;\nt ??= d;\na = b = req.body.phone;\nf(x = y);\nthis.log = pino();\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "s = fmt(s, email)",
                "n = opaque(lit)",
                "t = either(t, d)",
                "b = req.body.phone",
                "a = b",
                "x = y",
                "f(x)",
                "this.log = pino()",
            ]
        );
    }

    #[test]
    fn control_flow_is_flattened() {
        let ir = lower_as(
            "a.js",
            "if (ok(a)) { f(a) } else if (b) { g() } else { h() }\n\
             for (const u of users) { send(u.email) }\n\
             for (const k in obj) { use(k) }\n\
             for (let i = 0; i < n; i++) { step(i) }\n\
             while (more()) next();\n\
             switch (kind) { case 'a': one(); break; default: two() }\n\
             try { risky() } catch (e) { report(e) } finally { done() }\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "ok(a)",
                "f(a)",
                "b",
                "g()",
                "h()",
                "u = users",
                "send(u.email)",
                "k = opaque(obj)",
                "use(k)",
                "i = lit",
                "opaque(i, n)",
                "opaque(i)",
                "step(i)",
                "more()",
                "next()",
                "kind",
                "\"a\"",
                "one()",
                "two()",
                "risky()",
                "report(e)",
                "done()",
            ]
        );
    }

    #[test]
    fn classes_fields_and_decorators() {
        let ir = lower_as(
            "a.ts",
            "@Controller('users')\n\
             export class UsersController {\n\
               private readonly log = new Logger(UsersController.name);\n\
               email?: string;\n\
               constructor(private readonly logger: Logger, @InjectRepository(User) public repo: Repository<User>, plain: number) {}\n\
               @Post()\n\
               async create(@Body() dto: CreateUserDto, @Query('phone') phone: string, page = first(), size = 10, ...more: string[]) {\n\
                 return this.repo.save(dto);\n\
               }\n\
             }\n\
             interface UserDto { email: string; address?: Address<T>; greet(): void }\n\
             type Contact = { phone: string };\n\
             type Alias = string;\n",
        );
        let classes: Vec<String> = ir
            .classes
            .iter()
            .map(|c| {
                let fields: Vec<String> = c
                    .fields
                    .iter()
                    .map(|f| format!("{}:{}", f.name, f.ty.as_deref().unwrap_or("?")))
                    .collect();
                format!("{} {{{}}}", c.name, fields.join(", "))
            })
            .collect();
        assert_eq!(
            classes,
            [
                "UsersController {log:?, email:string, logger:Logger, repo:Repository}",
                "UserDto {email:string, address:Address}",
                "Contact {phone:string}",
            ]
        );
        assert!(ir.module.is_empty());
        let [fields, ctor, create] = ir.functions.as_slice() else {
            panic!("field initializers and two methods expected");
        };
        assert_eq!(fields.name, FunctionName::FieldInitializers);
        assert_eq!(fields.class.as_deref(), Some("UsersController"));
        assert_eq!(
            stmts(&fields.body),
            ["this.log = new Logger(UsersController.name)"]
        );
        assert_eq!(ctor.name.to_string(), "constructor");
        assert_eq!(ctor.class.as_deref(), Some("UsersController"));
        assert_eq!(create.decorators, ["Post"]);
        let params: Vec<String> = create
            .params
            .iter()
            .map(|p| {
                format!(
                    "{}:{}@{}",
                    param_name(p),
                    p.ty.as_deref().unwrap_or("?"),
                    p.annotations.join("+")
                )
            })
            .collect();
        assert_eq!(
            params,
            [
                "dto:CreateUserDto@Body",
                "phone:string@Query",
                "page:?@",
                "size:?@",
                "more:string@"
            ]
        );
        assert_eq!(
            stmts(&create.body),
            ["page = either(page, first())", "return this.repo.save(dto)"]
        );
    }

    #[test]
    fn javascript_class_fields_and_method_decorators() {
        let ir = lower_as(
            "a.js",
            "class Svc { #secret = 1; logger = pino(); @dec handle(x) { this.logger.info(x) } }",
        );
        assert_eq!(ir.classes.len(), 1);
        let fields: Vec<&str> = ir.classes[0]
            .fields
            .iter()
            .map(|f| f.name.as_str())
            .collect();
        assert_eq!(fields, ["#secret", "logger"]);
        assert_eq!(
            stmts(&ir.functions[0].body),
            ["this.#secret = lit", "this.logger = pino()"]
        );
        assert_eq!(ir.functions[1].decorators, ["dec"]);
        assert_eq!(stmts(&ir.functions[1].body), ["this.logger.info(x)"]);
    }

    #[test]
    fn jsx_keeps_the_expressions_inside() {
        let ir = lower_as(
            "a.jsx",
            "const el = <div title={user.name} {...props}>Hi {user.email} <B onClick={() => track(user.phone)} /></div>;",
        );
        assert_eq!(
            stmts(&ir.module),
            ["el = opaque(user.name, props, user.email, opaque(fn#0))"]
        );
        assert_eq!(stmts(&ir.functions[0].body), ["return track(user.phone)"]);
        let tsx = lower_as(
            "a.tsx",
            "const el = <Input value={form.email as string} />;",
        );
        assert_eq!(stmts(&tsx.module), ["el = opaque(form.email)"]);
    }

    #[test]
    fn exports_and_new() {
        let ir = lower_as(
            "a.ts",
            "export const client = new Twilio(sid, token);\n\
             export default function () { return 1 }\n\
             export function named() {}\n\
             export default router;\n\
             const req = new SendSmsRequest({ phoneNumbers: phone });\n\
             const bare = new Foo;\n",
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "client = new Twilio(sid, token)",
                "default = fn#0",
                "default = router",
                "req = new SendSmsRequest({phoneNumbers: phone})",
                "bare = new Foo()",
            ]
        );
        assert_eq!(ir.functions[0].name.to_string(), "default");
        assert_eq!(ir.functions[1].name.to_string(), "named");
    }

    #[test]
    fn re_exports_and_module_exports() {
        let ir = lower_as(
            "index.ts",
            "export { auditLog, mask as maskEmail } from './audit';
             export * from './privacy';
             export * as sms from './sms';
             module.exports = new Mailer(key);
             module.exports.helper = function () {};
",
        );
        assert_eq!(
            imports(&ir),
            [
                "auditLog -> ./audit.auditLog",
                "maskEmail -> ./audit.mask",
                "*./privacy -> ./privacy",
                "sms -> ./sms",
            ]
        );
        assert_eq!(
            stmts(&ir.module),
            [
                "auditLog = auditLog",
                "maskEmail = maskEmail",
                "*./privacy = *./privacy",
                "sms = sms",
                "default = new Mailer(key)",
                "module.exports.helper = fn#0",
            ]
        );
        assert_eq!(ir.functions[0].name.to_string(), "helper");
    }

    #[test]
    fn deep_nesting_yields_a_notice_not_a_crash() {
        let depth = 100_000;
        for (open, close) in [
            ("[", "]"),
            ("(", ")"),
            ("{a: ", "}"),
            ("f(", ")"),
            ("() => ", ""),
        ] {
            let src = format!("x = {}1{};", open.repeat(depth), close.repeat(depth));
            let ir = lower_as("deep.js", &src);
            assert!(
                ir.notices.iter().any(|n| n.contains("nesting")),
                "{open}: {:?}",
                ir.notices
            );
        }
        for (open, close) in [("{", "}"), ("if (a) ", "f();"), ("class A { m() {", "} }")] {
            let src = format!("{}{}", open.repeat(depth), close.repeat(depth));
            let ir = lower_as("deep.ts", &src);
            assert!(
                ir.notices.iter().any(|n| n.contains("nesting")),
                "{open}: {:?}",
                ir.notices
            );
        }
        let chain = format!(
            "if (a) f(0);{} else g();",
            " else if (a) f(1);".repeat(5000)
        );
        let ir = lower_as("chain.js", &chain);
        assert!(ir.notices.is_empty(), "{:?}", ir.notices);
        assert_eq!(ir.module.len(), 2 * 5001 + 1);
        let long = format!("x = a{};", " + a".repeat(depth));
        let ir = lower_as("long.ts", &long);
        assert!(ir.notices.is_empty(), "{:?}", ir.notices);
    }

    #[test]
    fn syntax_errors_give_a_notice_and_keep_the_rest() {
        let ir = lower_as("bad.ts", "const a = ;\nlog(user.email);\nfunction (");
        assert!(ir.notices.iter().any(|n| n.contains("syntax error")));
        assert!(
            stmts(&ir.module)
                .iter()
                .any(|s| s.contains("log(user.email)")),
            "{:?}",
            stmts(&ir.module)
        );
        for src in [
            "",
            "}}}",
            "<<<>>>",
            "`${",
            "class { @",
            "import {",
            "\u{0}\u{feff}",
        ] {
            let _ = lower_as("odd.tsx", src);
            let _ = lower_as("odd.js", src);
        }
    }
}
