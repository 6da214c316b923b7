//! Go front-end (tree-sitter-go).
//!
//! Functions and methods are hoisted; a method's receiver is its first
//! parameter and its base type is the function's class. Struct type
//! declarations become [`Class`]es (tags are ignored, an embedded field is
//! named after its type). Composite literals `T{K: v}` and `&T{...}` are
//! construct calls of `T` with one object argument; slice and map literals
//! are arrays and objects. `&x`, `*x`, parentheses, type assertions and
//! conversions are transparent. The builtin `append` is the slice with its new
//! elements; a variadic parameter (`kv ...any`) gathers the rest of the
//! positional arguments, like Python's `*args`.

use crate::frontend::fields::Fields;
use tree_sitter::{Node, Tree};

use super::tree::{Ctx, base_type, difference, named_children, negated, number, span, unquote};
use crate::ir::{
    Anonymous, Arg, Class, Expr, ExprKind, Field, FileIr, Function, FunctionName, Import, Param,
    Rest, Stmt, Target,
};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
    let root = tree.root_node();
    let mut cx = Ctx::new(source);
    cx.note_syntax_errors(root);
    let mut module = Vec::new();
    for child in named_children(root) {
        statement(&mut cx, child, &mut module);
    }
    cx.ir.module = module;
    cx.ir
}

/// The base type of a type node, or `None` where the type has no name
/// worth resolving (`map[..]..`, `func(..)`, `interface{}`, anonymous structs).
fn type_name(cx: &Ctx, node: Node) -> Option<String> {
    let text: String = cx.text(node).split_whitespace().collect();
    let text = text.trim_start_matches("...");
    let t = base_type(text);
    let unnamed = t.is_empty()
        || matches!(t.as_str(), "map" | "func" | "chan" | "interface" | "struct")
        || t.starts_with("chan<-")
        || t.starts_with("<-");
    (!unnamed).then_some(t)
}

/// The name a Go import binds by default: the last path element, skipping a
/// `/vN` major version and dropping `go-` prefixes, `-...` suffixes and
/// `.vN` (gopkg.in) suffixes, which package names cannot contain.
fn default_import_name(path: &str) -> String {
    let is_version = |s: &str| {
        s.strip_prefix('v')
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    };
    let mut elems = path.rsplit('/');
    let mut last = elems.next().unwrap_or(path);
    if is_version(last)
        && let Some(prev) = elems.next()
    {
        last = prev;
    }
    if let Some((name, v)) = last.rsplit_once('.')
        && is_version(v)
    {
        last = name;
    }
    let last = last.strip_prefix("go-").unwrap_or(last);
    let last = last.split('-').next().unwrap_or(last);
    last.to_string()
}

fn import_spec(cx: &mut Ctx, spec: Node) {
    let Some(path) = spec.field("path") else {
        return;
    };
    let path = unquote(cx.text(path));
    let local = match spec.field("name") {
        // `_` imports bind nothing; `.` imports merge names we cannot list.
        Some(n) if n.kind() != "package_identifier" => return,
        Some(n) => cx.text(n).to_string(),
        None => default_import_name(&path),
    };
    if local.is_empty() {
        return;
    }
    cx.ir.imports.push(Import { local, path });
}

fn statements(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    for child in named_children(node) {
        statement(cx, child, out);
    }
}

fn statement(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    if !cx.enter() {
        return;
    }
    statement_inner(cx, node, out);
    cx.leave();
}

fn statement_inner(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    match node.kind() {
        "expression_statement" | "defer_statement" | "go_statement" => {
            for child in named_children(node) {
                let e = expr(cx, child);
                out.push(Stmt::Expr(e));
            }
        }
        "short_var_declaration" | "assignment_statement" => {
            let op = node.field("operator").map(|o| cx.text(o)).unwrap_or("=");
            let left = node.field("left").map(named_children).unwrap_or_default();
            let right = node.field("right").map(named_children).unwrap_or_default();
            assign(cx, node, &left, &right, op, None, out);
        }
        "var_declaration" | "const_declaration" | "var_spec_list" => {
            for spec in named_children(node) {
                statement(cx, spec, out);
            }
        }
        "var_spec" | "const_spec" => {
            let mut cursor = node.walk();
            let names: Vec<Node> = node.children_by_field_name("name", &mut cursor).collect();
            let ty = node.field("type").and_then(|t| type_name(cx, t));
            let values = node.field("value").map(named_children).unwrap_or_default();
            assign(cx, node, &names, &values, "=", ty, out);
        }
        "type_declaration" => {
            for spec in named_children(node) {
                if spec.kind() == "type_spec" {
                    type_spec(cx, spec);
                }
            }
        }
        "return_statement" => {
            let values: Vec<Expr> = named_children(node)
                .into_iter()
                .flat_map(named_children)
                .map(|v| expr(cx, v))
                .collect();
            let value = match values.len() {
                0 => None,
                1 => values.into_iter().next(),
                // `return user, nil`: the values, positionally.
                _ => Some(Expr::new(ExprKind::Array(values), span(node))),
            };
            out.push(Stmt::Return(value, span(node)));
        }
        "if_statement" => {
            if let Some(i) = node.field("initializer") {
                statement(cx, i, out);
            }
            if let Some(c) = node.field("condition") {
                let e = expr(cx, c);
                out.push(Stmt::Expr(e));
            }
            for field in ["consequence", "alternative"] {
                if let Some(b) = node.field(field) {
                    statement(cx, b, out);
                }
            }
        }
        "for_statement" => for_statement(cx, node, out),
        "expression_switch_statement" | "type_switch_statement" => {
            if let Some(i) = node.field("initializer") {
                statement(cx, i, out);
            }
            let value = node.field("value").map(|v| expr(cx, v));
            let alias = node.field("alias").map(named_children).unwrap_or_default();
            match (value, alias.first()) {
                // `switch u := v.(type)` binds u to v in every case.
                (Some(v), Some(a)) => out.push(Stmt::Assign {
                    target: Target::Place(expr(cx, *a)),
                    ty: None,
                    value: Some(v),
                    span: span(node),
                }),
                (Some(v), None) => out.push(Stmt::Expr(v)),
                (None, _) => {}
            }
            for case in named_children(node) {
                if matches!(
                    case.kind(),
                    "expression_case" | "type_case" | "default_case"
                ) {
                    case_clause(cx, case, out);
                }
            }
        }
        "select_statement" => {
            for case in named_children(node) {
                case_clause(cx, case, out);
            }
        }
        "receive_statement" => {
            let right = node.field("right");
            let left = node.field("left").map(named_children).unwrap_or_default();
            match right {
                Some(r) if !left.is_empty() => assign(cx, node, &left, &[r], "=", None, out),
                Some(r) => {
                    let e = expr(cx, r);
                    out.push(Stmt::Expr(e));
                }
                None => {}
            }
        }
        "send_statement" => {
            let parts = named_children(node)
                .into_iter()
                .map(|c| expr(cx, c))
                .collect();
            out.push(Stmt::Expr(Expr::opaque(parts, span(node))));
        }
        "block" | "statement_list" | "labeled_statement" | "source_file" => {
            statements(cx, node, out);
        }
        "function_declaration" | "method_declaration" => {
            function(cx, node);
        }
        "import_declaration" | "import_spec_list" => {
            for spec in named_children(node) {
                match spec.kind() {
                    "import_spec" => import_spec(cx, spec),
                    "import_spec_list" => statement(cx, spec, out),
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

fn case_clause(cx: &mut Ctx, case: Node, out: &mut Vec<Stmt>) {
    let value = case.field("value");
    let communication = case.field("communication");
    for child in named_children(case) {
        if Some(child) == value {
            // Case values are compared, not bound; only their calls matter.
            let parts = named_children(child)
                .into_iter()
                .map(|c| expr(cx, c))
                .collect();
            out.push(Stmt::Expr(Expr::opaque(parts, span(child))));
        } else if Some(child) == communication || child.kind() == "statement_list" {
            statement(cx, child, out);
        }
    }
}

fn for_statement(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    for child in named_children(node) {
        match child.kind() {
            "for_clause" => {
                if let Some(i) = child.field("initializer") {
                    statement(cx, i, out);
                }
                if let Some(c) = child.field("condition") {
                    let e = expr(cx, c);
                    out.push(Stmt::Expr(e));
                }
                if let Some(u) = child.field("update") {
                    statement(cx, u, out);
                }
            }
            "range_clause" => range_clause(cx, child, out),
            "block" => statement(cx, child, out),
            // `for cond { ... }`
            _ => {
                let e = expr(cx, child);
                out.push(Stmt::Expr(e));
            }
        }
    }
}

/// `for k, v := range xs` binds v to the elements of xs. The first variable
/// is an index or a map key, which is not treated as the element's data.
fn range_clause(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    let Some(right) = node.field("right") else {
        return;
    };
    let value = expr(cx, right);
    let left = node.field("left").map(named_children).unwrap_or_default();
    let sp = span(node);
    match left.as_slice() {
        [] => out.push(Stmt::Expr(value)),
        [k] => {
            let target = expr(cx, *k);
            out.push(Stmt::Assign {
                target: Target::Place(target),
                ty: None,
                value: Some(Expr::opaque(vec![value], sp)),
                span: sp,
            });
        }
        [k, v, ..] => {
            let key = expr(cx, *k);
            out.push(Stmt::Assign {
                target: Target::Place(key),
                ty: None,
                value: Some(Expr::opaque(Vec::new(), sp)),
                span: sp,
            });
            let target = expr(cx, *v);
            out.push(Stmt::Assign {
                target: Target::Place(target),
                ty: None,
                value: Some(value),
                span: sp,
            });
        }
    }
}

/// `a, b := x, y` assigns pairwise; `a, err := f()` destructures the one
/// value positionally, with a trailing `err` or `ok` bound to no data;
/// `var x T` declares x with no value.
fn assign(
    cx: &mut Ctx,
    node: Node,
    left: &[Node],
    right: &[Node],
    op: &str,
    ty: Option<String>,
    out: &mut Vec<Stmt>,
) {
    let sp = span(node);
    if left.len() > 1 && right.len() == 1 {
        let mut names: Vec<(Option<String>, String)> = left
            .iter()
            .map(|l| {
                let name = if l.kind() == "identifier" {
                    cx.text(*l)
                } else {
                    "_"
                };
                (None, name.to_string())
            })
            .collect();
        // `body, err := json.Marshal(p)`, `v, ok := m[k]`: the trailing
        // error or flag says whether the call worked, it carries none of
        // the data. It is bound separately, to a value with no data.
        let status = names
            .last_mut()
            .filter(|(_, n)| matches!(n.as_str(), "err" | "ok"))
            .map(|(_, n)| std::mem::replace(n, "_".to_string()));
        let value = right.first().map(|r| expr(cx, *r));
        out.push(Stmt::Assign {
            target: Target::Destructure(names),
            ty,
            value,
            span: sp,
        });
        if let (Some(name), Some(l)) = (status, left.last()) {
            out.push(Stmt::Assign {
                target: Target::Place(Expr::new(ExprKind::Name(name), span(*l))),
                ty: None,
                value: Some(Expr::opaque(Vec::new(), span(*l))),
                span: sp,
            });
        }
        return;
    }
    let values: Vec<Option<Expr>> = right.iter().map(|r| Some(expr(cx, *r))).collect();
    let mut values = values.into_iter();
    for l in left {
        let value = values.next().flatten();
        if cx.text(*l) == "_" {
            if let Some(v) = value {
                out.push(Stmt::Expr(v));
            }
            continue;
        }
        let target = expr(cx, *l);
        let value = match (op, value) {
            ("=" | ":=", v) => v,
            // `s += x` keeps what s had and appends x.
            ("+=", Some(v)) => Some(Expr::new(ExprKind::Format(vec![target.clone(), v]), sp)),
            (_, Some(v)) => Some(Expr::opaque(vec![target.clone(), v], sp)),
            (_, None) => None,
        };
        out.push(Stmt::Assign {
            target: Target::Place(target),
            ty: ty.clone(),
            value,
            span: sp,
        });
    }
    // More values than targets only happens in broken code; keep their calls.
    for v in values.flatten() {
        out.push(Stmt::Expr(v));
    }
}

/// `type User struct { ... }` is a class with the struct's fields.
fn type_spec(cx: &mut Ctx, spec: Node) {
    let Some(ty) = spec.field("type") else {
        return;
    };
    if ty.kind() != "struct_type" {
        return;
    }
    let name = spec
        .field("name")
        .map(|n| cx.text(n).to_string())
        .unwrap_or_default();
    struct_class(cx, name, ty, span(spec), 0);
}

/// Whether a struct tag keeps the field out of JSON and out of every other
/// way gin binds a request (`form`, `query`, `uri`, `header`, ...):
/// `json:"-"` alone, or with the others `-` too.
fn unserialized(tag: &str) -> bool {
    let tag = tag.trim_matches('`');
    let binds = |key: &str| {
        tag.split_whitespace()
            .filter_map(|part| part.strip_prefix(key))
            .filter_map(|rest| rest.strip_prefix(":\""))
            .any(|value| !value.starts_with('-'))
    };
    tag.contains("json:\"-\"")
        && !["form", "query", "uri", "header", "xml", "yaml", "toml"]
            .iter()
            .any(|k| binds(k))
}

/// Deepest anonymous struct nesting lowered as classes.
const MAX_NESTED_STRUCTS: usize = 8;

/// The class of struct type `ty` named `name`. A field of an anonymous
/// struct type (`User struct { Email string }` inside a request type) is
/// a class of its own, named after the outer type and the field
/// (`LoginValidatorUser`), so that a body bound into the outer type has its
/// fields too. A field tagged `json:"-"` is marked unserialized.
fn struct_class(cx: &mut Ctx, name: String, ty: Node, sp: crate::ir::Span, depth: usize) {
    let mut fields = Vec::new();
    for list in named_children(ty) {
        for decl in named_children(list) {
            if decl.kind() != "field_declaration" {
                continue;
            }
            let unserialized = decl.field("tag").is_some_and(|t| unserialized(cx.text(t)));
            let type_node = decl.field("type");
            let mut cursor = decl.walk();
            let names: Vec<Node> = decl.children_by_field_name("name", &mut cursor).collect();
            let field_ty = match type_node {
                Some(t) if t.kind() == "struct_type" && depth < MAX_NESTED_STRUCTS => {
                    let Some(first) = names.first() else {
                        continue;
                    };
                    let nested = format!("{name}{}", cx.text(*first));
                    struct_class(cx, nested.clone(), t, span(t), depth + 1);
                    Some(nested)
                }
                Some(t) => type_name(cx, t),
                None => None,
            };
            if names.is_empty() {
                // An embedded field is named after its type: `zap.Logger` -> `Logger`.
                if let Some(t) = &field_ty {
                    let short = t.rsplit('.').next().unwrap_or(t);
                    fields.push(Field {
                        name: short.to_string(),
                        ty: Some(t.clone()),
                        made_by: None,
                        unserialized,
                        span: span(decl),
                    });
                }
            }
            for n in names {
                fields.push(Field {
                    name: cx.text(n).to_string(),
                    ty: field_ty.clone(),
                    made_by: None,
                    unserialized,
                    span: span(n),
                });
            }
        }
    }
    cx.ir.classes.push(Class {
        bases: Vec::new(),
        listed_fields: Vec::new(),
        name,
        fields,
        span: sp,
    });
}

fn parameters(cx: &mut Ctx, list: Node) -> Vec<Param> {
    let mut params = Vec::new();
    for p in named_children(list) {
        if !matches!(
            p.kind(),
            "parameter_declaration" | "variadic_parameter_declaration"
        ) {
            continue;
        }
        let ty = p.field("type").and_then(|t| type_name(cx, t));
        // `kv ...any` gathers the extra positional arguments, like `*args`.
        let rest = (p.kind() == "variadic_parameter_declaration").then_some(Rest::Positional);
        let mut cursor = p.walk();
        let names: Vec<Node> = p.children_by_field_name("name", &mut cursor).collect();
        for n in names {
            let mut param = Param::named(cx.text(n).to_string(), ty.clone(), Vec::new(), span(p));
            param.rest = rest;
            params.push(param);
        }
    }
    params
}

/// Hoists a function, method or function literal.
fn function(cx: &mut Ctx, node: Node) -> Expr {
    let name = node
        .field("name")
        .map(|n| FunctionName::Named(cx.text(n).to_string()))
        .unwrap_or(FunctionName::Anonymous(Anonymous::Literal));
    let mut params = Vec::new();
    let mut class = cx.class.clone();
    if let Some(r) = node.field("receiver") {
        let receiver = named_children(r)
            .into_iter()
            .find(|p| p.kind() == "parameter_declaration");
        if let Some(p) = receiver {
            let ty = p.field("type").and_then(|t| type_name(cx, t));
            let name = p
                .field("name")
                .map(|n| cx.text(n).to_string())
                .unwrap_or_else(|| "_".into());
            class = ty.clone();
            params.push(Param::named(name, ty, Vec::new(), span(p)));
        }
    }
    if let Some(ps) = node.field("parameters") {
        params.extend(parameters(cx, ps));
    }
    let outer = std::mem::replace(&mut cx.class, class.clone());
    let mut body = Vec::new();
    if let Some(b) = node.field("body") {
        statement(cx, b, &mut body);
    }
    cx.class = outer;
    cx.hoist(Function {
        name,
        class,
        params,
        decorators: Vec::new(),
        body,
        span: span(node),
    })
}

fn expr(cx: &mut Ctx, node: Node) -> Expr {
    cx.guarded(node, |cx| expr_inner(cx, node))
}

fn children_exprs(cx: &mut Ctx, node: Node) -> Vec<Expr> {
    named_children(node)
        .into_iter()
        .map(|c| expr(cx, c))
        .collect()
}

/// The one named child of a wrapper node, lowered.
fn inner(cx: &mut Ctx, node: Node, field: Option<&str>) -> Expr {
    let child = match field {
        Some(f) => node.field(f),
        None => named_children(node).first().copied(),
    };
    match child {
        Some(c) => expr(cx, c),
        None => Expr::opaque(Vec::new(), span(node)),
    }
}

fn expr_inner(cx: &mut Ctx, node: Node) -> Expr {
    let sp = span(node);
    let kind = match node.kind() {
        "identifier" | "field_identifier" | "type_identifier" | "package_identifier" => {
            ExprKind::Name(cx.text(node).to_string())
        }
        "selector_expression" => {
            let operand = node.field("operand").map(|o| expr(cx, o));
            let field = node.field("field").map(|f| cx.text(f).to_string());
            match (operand, field) {
                (Some(o), Some(f)) => ExprKind::Member {
                    object: Box::new(o),
                    property: f,
                },
                (o, _) => ExprKind::Opaque(o.into_iter().collect()),
            }
        }
        "qualified_type" => {
            let pkg = node
                .field("package")
                .map(|p| cx.text(p).to_string())
                .unwrap_or_default();
            let name = node
                .field("name")
                .map(|n| cx.text(n).to_string())
                .unwrap_or_default();
            ExprKind::Member {
                object: Box::new(Expr::new(ExprKind::Name(pkg), sp)),
                property: name,
            }
        }
        "call_expression" if conversion_operand(cx, node).is_some() => {
            return match conversion_operand(cx, node) {
                Some(operand) => expr(cx, operand),
                None => Expr::opaque(Vec::new(), sp),
            };
        }
        // The builtin `append(xs, a, b)` is the slice with more elements.
        "call_expression"
            if node
                .field("function")
                .is_some_and(|f| f.kind() == "identifier" && cx.text(f) == "append") =>
        {
            let items = node
                .field("arguments")
                .map(|a| children_exprs(cx, a))
                .unwrap_or_default();
            ExprKind::Array(items)
        }
        "call_expression" => {
            let callee = node.field("function").map(|f| expr(cx, f));
            let args = node
                .field("arguments")
                .map(|a| {
                    named_children(a)
                        .into_iter()
                        .map(|c| Arg::positional(expr(cx, c)))
                        .collect()
                })
                .unwrap_or_default();
            match callee {
                Some(c) => ExprKind::Call {
                    callee: Box::new(c),
                    args,
                    construct: false,
                },
                None => ExprKind::Opaque(args.into_iter().map(|a| a.value).collect()),
            }
        }
        "composite_literal" => return composite(cx, node),
        "func_literal" => return function(cx, node),
        "index_expression" => {
            let object = node.field("operand").map(|o| expr(cx, o));
            let index = node.field("index").map(|i| expr(cx, i));
            match (object, index) {
                (Some(o), Some(i)) => ExprKind::Index {
                    object: Box::new(o),
                    index: Box::new(i),
                },
                (o, i) => ExprKind::Opaque(o.into_iter().chain(i).collect()),
            }
        }
        "slice_expression" => {
            // `s[1:n]` is part of s; the bounds carry no data.
            let operand = node.field("operand");
            let value = operand.map(|o| expr(cx, o));
            let mut bound = |field| node.field(field).map(|b| Box::new(expr(cx, b)));
            let (start, end) = (bound("start"), bound("end"));
            let capacity = bound("capacity").map(|c| *c);
            let index = Expr::new(ExprKind::Range { start, end }, sp);
            match value {
                Some(object) if capacity.is_none() => ExprKind::Index {
                    object: Box::new(object),
                    index: Box::new(index),
                },
                value => ExprKind::Either(
                    value
                        .into_iter()
                        .chain([Expr::opaque(
                            vec![index].into_iter().chain(capacity).collect(),
                            sp,
                        )])
                        .collect(),
                ),
            }
        }
        "type_assertion_expression" | "type_conversion_expression" => {
            return inner(cx, node, Some("operand"));
        }
        "parenthesized_expression" | "variadic_argument" | "literal_element" => {
            return inner(cx, node, None);
        }
        "unary_expression" => {
            let op = node.field("operator").map(|o| o.kind()).unwrap_or("");
            if matches!(op, "&" | "*") {
                return inner(cx, node, Some("operand"));
            }
            if op == "-" {
                let operand = node.field("operand").map(|o| expr(cx, o));
                return negated(operand.unwrap_or(Expr::opaque(Vec::new(), sp)), sp);
            }
            ExprKind::Opaque(children_exprs(cx, node))
        }
        "binary_expression" => return binary(cx, node),
        "interpreted_string_literal" | "raw_string_literal" => {
            ExprKind::Str(unquote(cx.text(node)))
        }
        "literal_value" => return elided_literal(cx, node),
        "int_literal" => number(cx.text(node)),
        "float_literal" | "imaginary_literal" | "rune_literal" | "true" | "false" | "nil"
        | "iota" => ExprKind::Literal,
        _ => ExprKind::Opaque(children_exprs(cx, node)),
    };
    Expr::new(kind, sp)
}

/// The operand of a conversion to a predeclared type written like a call
/// (`string(b)`, `int64(n)`): the parser cannot tell it from a call, but a
/// conversion keeps its operand's value.
fn conversion_operand<'t>(cx: &Ctx, node: Node<'t>) -> Option<Node<'t>> {
    const PREDECLARED: &[&str] = &[
        "string",
        "byte",
        "rune",
        "bool",
        "int",
        "int8",
        "int16",
        "int32",
        "int64",
        "uint",
        "uint8",
        "uint16",
        "uint32",
        "uint64",
        "uintptr",
        "float32",
        "float64",
        "complex64",
        "complex128",
        "any",
    ];
    let function = node.field("function")?;
    if function.kind() != "identifier" || !PREDECLARED.contains(&cx.text(function)) {
        return None;
    }
    match named_children(node.field("arguments")?).as_slice() {
        [operand] => Some(*operand),
        _ => None,
    }
}

/// `a + b + c` is one string-building expression; the chain is walked
/// without recursion so long concatenations cost no stack.
fn binary(cx: &mut Ctx, node: Node) -> Expr {
    let sp = span(node);
    match super::tree::plus_chain(node, cx.src) {
        Some(operands) => {
            let parts = operands.into_iter().map(|o| expr(cx, o)).collect();
            Expr::new(ExprKind::Format(parts), sp)
        }
        None => {
            let parts = children_exprs(cx, node);
            let op = node.field("operator").map(|o| o.kind());
            if op == Some("-") {
                return difference(parts, sp);
            }
            Expr::opaque(parts, sp)
        }
    }
}

/// The type a composite literal constructs, as an expression, or `None`
/// for slices, arrays, maps and anonymous structs.
fn literal_type(cx: &mut Ctx, ty: Node) -> Option<Expr> {
    match ty.kind() {
        "type_identifier" | "qualified_type" => Some(expr(cx, ty)),
        "generic_type" => ty.field("type").map(|t| expr(cx, t)),
        _ => None,
    }
}

/// `T{K: v}` constructs T from an object; `[]T{a, b}` is an array;
/// `map[string]any{"email": e}` is an object.
fn composite(cx: &mut Ctx, node: Node) -> Expr {
    let sp = span(node);
    let ty = node.field("type");
    let Some(body) = node.field("body") else {
        return Expr::opaque(Vec::new(), sp);
    };
    let kind = ty.map(|t| t.kind()).unwrap_or("");
    let is_map = kind == "map_type";
    let entries = literal_entries(cx, body, is_map);
    if matches!(
        kind,
        "slice_type" | "array_type" | "implicit_length_array_type"
    ) {
        let items = entries.into_iter().map(|(_, v)| v).collect();
        return Expr::new(ExprKind::Array(items), sp);
    }
    let object = Expr::new(ExprKind::Object(entries), span(body));
    match ty.and_then(|t| literal_type(cx, t)) {
        Some(callee) => Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args: vec![Arg::positional(object)],
                construct: true,
            },
            sp,
        ),
        None => object,
    }
}

/// A literal whose type is elided inside an outer literal: `{Email: e}` in
/// `[]User{{Email: e}}`.
fn elided_literal(cx: &mut Ctx, node: Node) -> Expr {
    let sp = span(node);
    let keyed = named_children(node)
        .iter()
        .any(|c| c.kind() == "keyed_element");
    let entries = literal_entries(cx, node, false);
    if keyed {
        Expr::new(ExprKind::Object(entries), sp)
    } else {
        Expr::new(
            ExprKind::Array(entries.into_iter().map(|(_, v)| v).collect()),
            sp,
        )
    }
}

/// The entries of a `literal_value`. Struct keys are field names; map keys
/// are kept only when they are string literals (other keys are variables).
fn literal_entries(cx: &mut Ctx, body: Node, is_map: bool) -> Vec<(Option<String>, Expr)> {
    let mut entries = Vec::new();
    for el in named_children(body) {
        match el.kind() {
            "keyed_element" => {
                let key_node = el
                    .field("key")
                    .and_then(|k| named_children(k).first().copied());
                let key = key_node.and_then(|k| match k.kind() {
                    "interpreted_string_literal" | "raw_string_literal" => {
                        Some(unquote(cx.text(k)))
                    }
                    "identifier" | "field_identifier" if !is_map => Some(cx.text(k).to_string()),
                    _ => None,
                });
                let value = match el.field("value") {
                    Some(v) => expr(cx, v),
                    None => Expr::opaque(Vec::new(), span(el)),
                };
                entries.push((key, value));
            }
            "literal_element" => entries.push((None, expr(cx, el))),
            _ => {}
        }
    }
    entries
}

#[cfg(test)]
mod tests {
    use super::default_import_name;
    use crate::frontend::{FrontendError, lower};
    use crate::ir::{ExprKind, FileIr, Stmt};
    use crate::language::Language;

    fn lower_go(src: &str) -> Result<FileIr, FrontendError> {
        lower(Language::Go, std::path::Path::new("x.go"), src)
    }

    fn ir(src: &str) -> FileIr {
        lower_go(src).expect("go lowers")
    }

    #[test]
    fn default_import_names_drop_versions_and_affixes() {
        assert_eq!(
            default_import_name("github.com/alibabacloud-go/dysmsapi-20170525"),
            "dysmsapi"
        );
        assert_eq!(
            default_import_name("github.com/go-sql-driver/mysql"),
            "mysql"
        );
        assert_eq!(default_import_name("v2"), "v2");
    }

    #[test]
    fn deep_nesting_is_cut_with_a_notice() {
        // Deeper than lowering goes, shallower than the parse guard.
        let depth = 900;
        let parens = format!(
            "package m\nfunc f() {{ x := {}y{} }}",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        assert!(ir(&parens).notices.iter().any(|n| n.contains("nesting")));
        let blocks = format!(
            "package m\nfunc f() {{ {} log.Println(x) {} }}",
            "{".repeat(depth),
            "}".repeat(depth)
        );
        assert!(!ir(&blocks).notices.is_empty());
        let closures = format!(
            "package m\nfunc f() {{ {} {} }}",
            "go func() {".repeat(depth),
            "}()".repeat(depth)
        );
        assert!(!ir(&closures).notices.is_empty());
        // A long concatenation is one flat string building, not a nesting.
        let concat = format!("package m\nfunc f() {{ x := a{} }}", " + a".repeat(depth));
        let ir = ir(&concat);
        let Some(Stmt::Assign {
            value: Some(value), ..
        }) = ir.functions[0].body.first()
        else {
            panic!("the concatenation is assigned");
        };
        assert!(matches!(&value.kind, ExprKind::Format(p) if p.len() == depth + 1));
    }

    #[test]
    fn syntax_errors_are_noticed_not_fatal() {
        let ir = ir("package m\nfunc f( { log.Println(email) }\ntype = struct {");
        assert!(ir.notices.iter().any(|n| n.contains("syntax error")));
        for junk in [
            "",
            "}}}}",
            "package",
            "func (",
            "\u{0}\u{1}\u{fffd}",
            "import \"",
        ] {
            let _ = lower_go(junk).expect("never fails on junk");
        }
    }
}
