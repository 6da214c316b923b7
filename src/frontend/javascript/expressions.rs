//! Expressions: names, members, calls, string building, objects, arrays,
//! alternatives, and the expressions inside JSX.

use tree_sitter::Node;

use crate::frontend::tree::{named_children, plus_chain, span, unquote};
use crate::ir::{Anonymous, Arg, Expr, ExprKind, FunctionName};

use super::functions::{class, function, property_key, value_expr};
use super::modules::{module_name, required_module};
use super::{Lower, assign, field, name_expr, named};

pub(super) fn expr(lx: &mut Lower, node: Node) -> Expr {
    if !lx.cx.enter() {
        return Expr::opaque(Vec::new(), span(node));
    }
    let e = expr_inner(lx, node);
    lx.cx.leave();
    e
}
pub(super) fn children_exprs(lx: &mut Lower, node: Node) -> Vec<Expr> {
    named_children(node)
        .into_iter()
        .map(|c| expr(lx, c))
        .collect()
}
/// Dispatches on the expression kind; like [`statement_inner`](super::statement_inner), the arms
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
    if let Some(operands) = plus_chain(node, lx.cx.src) {
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
