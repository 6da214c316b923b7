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
//!
//! This module lowers statements (exports among them) and holds the helpers
//! its parts share; [`modules`] records imports, `require` and re-exports,
//! [`expressions`] lowers expressions, function and class values included.

mod expressions;
mod modules;

use crate::frontend::fields::Fields;
use tree_sitter::{Node, Tree};

use super::tree::{Ctx, named_children, span, unquote};
use crate::ir::{Anonymous, Expr, ExprKind, Field, FileIr, FunctionName, Span, Stmt, Target};
use expressions::{children_exprs, class, expr, function, type_declaration, type_name, value_expr};
use modules::{default_export, import, re_export, require_import};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
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
    lx.cx.ir
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
    node.field(name)
}

fn name_expr(name: &str, sp: Span) -> Expr {
    Expr::new(ExprKind::Name(name.to_string()), sp)
}

fn named(name: &str) -> FunctionName {
    FunctionName::Named(name.to_string())
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

/// Whether a `for (...;...;...)` part is a statement rather than an
/// expression (the grammars disagree on which they use).
fn is_statement(node: Node) -> bool {
    let kind = node.kind();
    kind.ends_with("_statement") || kind.ends_with("_declaration") || kind == "statement_block"
}

/// An expression evaluated for its effect; assignments become `Assign`.
fn expression_statement(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "assignment_expression" | "augmented_assignment_expression" => {
            assign(lx, node, out);
        }
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

/// Lowers an assignment into `out`; returns the place assigned to when it
/// is one name, member or index (the value of the assignment as an
/// expression).
fn assign(lx: &mut Lower, node: Node, out: &mut Vec<Stmt>) -> Option<Expr> {
    let (Some(left), Some(right)) = (field(node, "left"), field(node, "right")) else {
        return None;
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
            return None;
        }
        if lx.cx.text(left) == "module.exports" {
            let value = value_expr(lx, right, named("default"));
            default_export(value, span(node), out);
            return None;
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
    bind(lx, left, value, sp, None, out)
}

/// Binds `value` to an assignment target: a name, member, index or pattern.
/// Returns the place when the target is one.
fn bind(
    lx: &mut Lower,
    target: Node,
    value: Expr,
    sp: Span,
    ty: Option<String>,
    out: &mut Vec<Stmt>,
) -> Option<Expr> {
    match target.kind() {
        "object_pattern" | "array_pattern" => {
            destructure(lx, target, value, sp, out);
            None
        }
        "parenthesized_expression" | "non_null_expression" | "as_expression" => {
            match named_children(target).first() {
                Some(inner) if lx.cx.enter() => {
                    let place = bind(lx, *inner, value, sp, ty, out);
                    lx.cx.leave();
                    place
                }
                _ => None,
            }
        }
        "identifier" | "member_expression" | "subscript_expression" | "this" => {
            let place = expr(lx, target);
            lx.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Place(place.clone()),
                    ty,
                    value: Some(value),
                    span: sp,
                },
            );
            Some(place)
        }
        _ => {
            lx.cx.push(out, Stmt::Expr(value));
            None
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lower_as(file: &str, src: &str) -> FileIr {
        let path = std::path::Path::new(file);
        let language = crate::language::Language::for_path(path).expect("a script");
        match crate::frontend::lower(language, path, src) {
            Ok(ir) => ir,
            Err(e) => panic!("lowering failed: {e}"),
        }
    }

    fn stmts(body: &[Stmt]) -> Vec<String> {
        body.iter().map(crate::ir::print::stmt).collect()
    }

    #[test]
    fn deep_nesting_yields_a_notice_not_a_crash() {
        // Deeper than lowering goes, shallower than the parse guard.
        let depth = 450;
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
