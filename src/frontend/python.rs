//! Python front-end (tree-sitter-python).

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
    let module = block(&mut cx, root);
    cx.ir.module = module;
    cx.ir
}

fn block(cx: &mut Ctx, node: Node) -> Vec<Stmt> {
    let mut out = Vec::new();
    for child in named_children(node) {
        statement(cx, child, &mut out);
    }
    out
}

fn statement(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    if !cx.enter() {
        return;
    }
    match node.kind() {
        "expression_statement" => {
            for child in named_children(node) {
                match child.kind() {
                    "assignment" | "augmented_assignment" => assignment(cx, child, out),
                    _ => out.push(Stmt::Expr(expr(cx, child))),
                }
            }
        }
        "return_statement" => {
            let value = named_children(node).first().map(|c| expr(cx, *c));
            out.push(Stmt::Return(value, span(node)));
        }
        "import_statement" => import(cx, node),
        "import_from_statement" => import_from(cx, node),
        "function_definition" => {
            function(cx, node, Vec::new());
        }
        "decorated_definition" => decorated(cx, node),
        "class_definition" => class(cx, node, Vec::new()),
        "for_statement" => {
            if let (Some(left), Some(right)) = (node.field("left"), node.field("right")) {
                let value = expr(cx, right);
                bind(cx, left, value, node, out);
            }
            for field in ["body", "alternative"] {
                if let Some(b) = node.field(field) {
                    statement(cx, b, out);
                }
            }
        }
        "with_statement" => {
            for child in named_children(node) {
                if child.kind() == "with_clause" {
                    for item in named_children(child) {
                        with_item(cx, item, out);
                    }
                } else {
                    statement(cx, child, out);
                }
            }
        }
        "if_statement" | "elif_clause" | "while_statement" => {
            if let Some(c) = node.field("condition") {
                out.push(Stmt::Expr(expr(cx, c)));
            }
            for child in named_children(node) {
                if Some(child) != node.field("condition") {
                    statement(cx, child, out);
                }
            }
        }
        "block" | "else_clause" | "try_statement" | "except_clause" | "finally_clause"
        | "module" | "match_statement" | "case_clause" => {
            for child in named_children(node) {
                statement(cx, child, out);
            }
        }
        "raise_statement" | "assert_statement" | "delete_statement" | "print_statement" => {
            let children = named_children(node)
                .into_iter()
                .map(|c| expr(cx, c))
                .collect();
            out.push(Stmt::Expr(Expr::opaque(children, span(node))));
        }
        _ => {}
    }
    cx.leave();
}

fn with_item(cx: &mut Ctx, item: Node, out: &mut Vec<Stmt>) {
    let Some(value) = item.field("value") else {
        return;
    };
    if value.kind() == "as_pattern" {
        let children = named_children(value);
        if let (Some(v), Some(alias)) = (children.first(), value.field("alias")) {
            let v = expr(cx, *v);
            let target = named_children(alias).first().copied().unwrap_or(alias);
            bind(cx, target, v, item, out);
        }
    } else {
        out.push(Stmt::Expr(expr(cx, value)));
    }
}

fn assignment(cx: &mut Ctx, node: Node, out: &mut Vec<Stmt>) {
    let Some(left) = node.field("left") else {
        return;
    };
    let ty = node.field("type").map(|t| base_type(cx.text(t)));
    let right = node.field("right");
    if let Some(r) = right
        && r.kind() == "assignment"
    {
        // a = b = value
        assignment(cx, r, out);
        if let Some(inner_left) = r.field("left") {
            let v = expr(cx, inner_left);
            bind(cx, left, v, node, out);
        }
        return;
    }
    let value = right.map(|r| {
        let v = expr(cx, r);
        if node.kind() == "augmented_assignment" {
            // x += y keeps what x had and adds y.
            let old = expr(cx, left);
            Expr::new(ExprKind::Format(vec![old, v]), span(node))
        } else {
            v
        }
    });
    match value {
        Some(v) => bind(cx, left, v, node, out),
        None => {
            if let Some(target) = place(cx, left) {
                out.push(Stmt::Assign {
                    target: Target::Place(target),
                    ty,
                    value: None,
                    span: span(node),
                });
            }
        }
    }
}

/// Binds `value` to a target pattern (name, attribute, subscript, tuple).
fn bind(cx: &mut Ctx, target: Node, value: Expr, stmt: Node, out: &mut Vec<Stmt>) {
    let ty = stmt.field("type").map(|t| base_type(cx.text(t)));
    match target.kind() {
        "pattern_list" | "tuple_pattern" | "list_pattern" | "tuple" | "list" => {
            let names = named_children(target)
                .into_iter()
                .filter(|c| c.kind() == "identifier")
                .map(|c| (None, cx.text(c).to_string()))
                .collect();
            out.push(Stmt::Assign {
                target: Target::Destructure(names),
                ty,
                value: Some(value),
                span: span(stmt),
            });
        }
        _ => {
            if let Some(p) = place(cx, target) {
                out.push(Stmt::Assign {
                    target: Target::Place(p),
                    ty,
                    value: Some(value),
                    span: span(stmt),
                });
            }
        }
    }
}

fn place(cx: &mut Ctx, node: Node) -> Option<Expr> {
    match node.kind() {
        "identifier" | "attribute" | "subscript" => Some(expr(cx, node)),
        _ => None,
    }
}

fn import(cx: &mut Ctx, node: Node) {
    for child in named_children(node) {
        match child.kind() {
            "dotted_name" => {
                let path = cx.text(child).to_string();
                // `import a.b` binds `a`, but the full path resolves `a.b.x` anyway.
                let local = path.split('.').next().unwrap_or(&path).to_string();
                cx.ir.imports.push(Import {
                    local: local.clone(),
                    path: local,
                });
            }
            "aliased_import" => {
                if let (Some(n), Some(a)) = (child.field("name"), child.field("alias")) {
                    cx.ir.imports.push(Import {
                        local: cx.text(a).to_string(),
                        path: cx.text(n).to_string(),
                    });
                }
            }
            _ => {}
        }
    }
}

fn import_from(cx: &mut Ctx, node: Node) {
    let Some(module) = node.field("module_name") else {
        return;
    };
    let module = cx.text(module).trim_start_matches('.').to_string();
    let mut cursor = node.walk();
    for name in node.children_by_field_name("name", &mut cursor) {
        let (path, local) = match name.kind() {
            "aliased_import" => match (name.field("name"), name.field("alias")) {
                (Some(n), Some(a)) => (cx.text(n).to_string(), cx.text(a).to_string()),
                _ => continue,
            },
            _ => (cx.text(name).to_string(), cx.text(name).to_string()),
        };
        let full = if module.is_empty() {
            path
        } else {
            format!("{module}.{path}")
        };
        cx.ir.imports.push(Import { local, path: full });
    }
}

fn decorated(cx: &mut Ctx, node: Node) {
    let mut decorators = Vec::new();
    for child in named_children(node) {
        if child.kind() == "decorator"
            && let Some(e) = named_children(child).first()
        {
            let target = if e.kind() == "call" {
                e.field("function").unwrap_or(*e)
            } else {
                *e
            };
            decorators.push(cx.text(target).to_string());
        }
    }
    if let Some(def) = node.field("definition") {
        match def.kind() {
            "function_definition" => {
                function(cx, def, decorators);
            }
            "class_definition" => class(cx, def, decorators),
            _ => {}
        }
    }
}

fn function(cx: &mut Ctx, node: Node, decorators: Vec<String>) -> Expr {
    let name = node
        .field("name")
        .map(|n| cx.text(n).to_string())
        .unwrap_or_default();
    let params = node
        .field("parameters")
        .map(|p| parameters(cx, p))
        .unwrap_or_default();
    let body = match node.field("body") {
        Some(b) if b.kind() == "block" => block(cx, b),
        Some(b) => vec![Stmt::Return(Some(expr(cx, b)), span(b))],
        None => Vec::new(),
    };
    cx.hoist(Function {
        name: FunctionName::Named(name),
        class: cx.class.clone(),
        params,
        decorators,
        body,
        span: span(node),
    })
}

fn parameters(cx: &mut Ctx, node: Node) -> Vec<Param> {
    let mut params = Vec::new();
    for p in named_children(node) {
        let (name, ty, default) = match p.kind() {
            "identifier" => (Some(p), None, None),
            // `email: str`, and `**fields: Any` (the splat marked below).
            "typed_parameter" => (
                named_children(p).into_iter().find_map(|c| match c.kind() {
                    "identifier" => Some(c),
                    "list_splat_pattern" | "dictionary_splat_pattern" => {
                        named_children(c).into_iter().next()
                    }
                    _ => None,
                }),
                p.field("type"),
                None,
            ),
            "default_parameter" => (p.field("name"), None, p.field("value")),
            "typed_default_parameter" => (p.field("name"), p.field("type"), p.field("value")),
            // `*args` and `**fields` gather the rest (see below).
            "list_splat_pattern" | "dictionary_splat_pattern" => {
                (named_children(p).into_iter().next(), None, None)
            }
            _ => (None, None, None),
        };
        let Some(name) = name else { continue };
        let mut annotations = Vec::new();
        // `current: Annotated[User, Depends(get_user)]`: calls in the type's
        // metadata mark the parameter like a default call does.
        if let Some(t) = ty {
            type_calls(cx, t, &mut annotations);
        }
        let splat = match p.kind() {
            "typed_parameter" => named_children(p).first().map(|c| c.kind()),
            kind => Some(kind),
        };
        let rest = match splat {
            Some("list_splat_pattern") => Some(Rest::Positional),
            Some("dictionary_splat_pattern") => Some(Rest::Keywords),
            _ => None,
        };
        // FastAPI: `email: str = Form(...)` marks the parameter as form data.
        if let Some(d) = default.filter(|d| d.kind() == "call")
            && let Some(f) = d.field("function")
        {
            annotations.push(cx.text(f).to_string());
        }
        let mut param = Param::named(
            cx.text(name).to_string(),
            ty.map(|t| base_type(cx.text(t))),
            annotations,
            span(p),
        );
        param.rest = rest;
        params.push(param);
    }
    params
}

fn class(cx: &mut Ctx, node: Node, _decorators: Vec<String>) {
    let name = node
        .field("name")
        .map(|n| cx.text(n).to_string())
        .unwrap_or_default();
    let mut fields = Vec::new();
    let mut listed_fields = Vec::new();
    let bases = node
        .field("superclasses")
        .map(|list| {
            named_children(list)
                .into_iter()
                .filter(|b| matches!(b.kind(), "identifier" | "attribute"))
                .map(|b| cx.text(b).to_string())
                .collect()
        })
        .unwrap_or_default();
    let outer = cx.class.replace(name.clone());
    if let Some(body) = node.field("body") {
        for child in named_children(body) {
            if child.kind() == "class_definition" {
                listed_fields.extend(meta_fields(cx, child));
            }
            // Class attributes: `email: str`, `email = Column(String)`.
            if child.kind() == "expression_statement" {
                for a in named_children(child) {
                    if a.kind() == "assignment"
                        && let Some(l) = a.field("left").filter(|l| l.kind() == "identifier")
                    {
                        let made_by = a
                            .field("right")
                            .filter(|r| r.kind() == "call")
                            .and_then(|r| r.field("function"))
                            .map(|f| cx.text(f).to_string());
                        fields.push(Field {
                            unserialized: false,
                            name: cx.text(l).to_string(),
                            ty: a.field("type").map(|t| base_type(cx.text(t))),
                            made_by,
                            span: span(a),
                        });
                    }
                }
                continue;
            }
            let mut ignored = Vec::new();
            statement(cx, child, &mut ignored);
        }
    }
    cx.class = outer;
    cx.ir.classes.push(Class {
        name,
        bases,
        fields,
        listed_fields,
        span: span(node),
    });
}

/// The fields a nested `class Meta` lists by name (`fields = ["email"]`,
/// also inside a call: `fields = extra(["email"])`), as Django builds a
/// form or serializer from a model's fields.
fn meta_fields(cx: &Ctx, nested: Node) -> Vec<Field> {
    let is_meta = nested.field("name").is_some_and(|n| cx.text(n) == "Meta");
    let Some(body) = nested.field("body").filter(|_| is_meta) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for statement in named_children(body) {
        for a in named_children(statement) {
            let listed =
                a.kind() == "assignment" && a.field("left").is_some_and(|l| cx.text(l) == "fields");
            let Some(right) = a.field("right").filter(|_| listed) else {
                continue;
            };
            // Strings of the list, in it or one call deep, depth-bounded.
            let mut stack = vec![(right, 0u8)];
            while let Some((n, depth)) = stack.pop() {
                if n.kind() == "string" {
                    out.push(Field {
                        unserialized: false,
                        name: string_content(cx, n),
                        ty: None,
                        made_by: None,
                        span: span(n),
                    });
                } else if depth < 4 {
                    stack.extend(named_children(n).into_iter().map(|c| (c, depth + 1)));
                }
            }
        }
    }
    out.sort_by_key(|f| (f.span.start_line, f.span.start_col));
    out
}

fn expr(cx: &mut Ctx, node: Node) -> Expr {
    cx.guarded(node, |cx| expr_inner(cx, node))
}

/// The callees of the calls inside a type annotation, depth-bounded.
fn type_calls(cx: &Ctx, node: Node, out: &mut Vec<String>) {
    let mut stack = vec![(node, 0u8)];
    while let Some((n, depth)) = stack.pop() {
        if n.kind() == "call"
            && let Some(f) = n.field("function")
        {
            out.push(cx.text(f).to_string());
        } else if depth < 8 {
            stack.extend(named_children(n).into_iter().map(|c| (c, depth + 1)));
        }
    }
}

fn children_exprs(cx: &mut Ctx, node: Node) -> Vec<Expr> {
    named_children(node)
        .into_iter()
        .map(|c| expr(cx, c))
        .collect()
}

fn expr_inner(cx: &mut Ctx, node: Node) -> Expr {
    let sp = span(node);
    let kind = match node.kind() {
        "identifier" => ExprKind::Name(cx.text(node).to_string()),
        "attribute" => {
            let object = node.field("object").map(|o| expr(cx, o));
            let property = node.field("attribute").map(|a| cx.text(a).to_string());
            match (object, property) {
                (Some(o), Some(p)) => ExprKind::Member {
                    object: Box::new(o),
                    property: p,
                },
                _ => ExprKind::Opaque(Vec::new()),
            }
        }
        "subscript" => {
            let object = node.field("value").map(|o| expr(cx, o));
            let index = node.field("subscript").map(|i| expr(cx, i));
            match (object, index) {
                (Some(o), Some(i)) => ExprKind::Index {
                    object: Box::new(o),
                    index: Box::new(i),
                },
                (Some(o), None) => ExprKind::Index {
                    object: Box::new(o),
                    index: Box::new(Expr::new(ExprKind::Literal, sp)),
                },
                _ => ExprKind::Opaque(Vec::new()),
            }
        }
        "call" => {
            let callee = node.field("function").map(|f| expr(cx, f));
            let args = node
                .field("arguments")
                .map(|a| arguments(cx, a))
                .unwrap_or_default();
            match callee {
                Some(c) => ExprKind::Call {
                    callee: Box::new(c),
                    args,
                    construct: false,
                },
                None => ExprKind::Opaque(Vec::new()),
            }
        }
        "string" => string(cx, node),
        "concatenated_string" => ExprKind::Format(children_exprs(cx, node)),
        "binary_operator" => {
            let op = node.field("operator").map(|o| cx.text(o)).unwrap_or("");
            let parts = children_exprs(cx, node);
            if op == "+" || op == "%" {
                ExprKind::Format(parts)
            } else if op == "-" {
                return difference(parts, sp);
            } else {
                ExprKind::Opaque(parts)
            }
        }
        "boolean_operator" => {
            let op = node.field("operator").map(|o| cx.text(o)).unwrap_or("");
            let parts = children_exprs(cx, node);
            if op == "or" {
                ExprKind::Either(parts)
            } else {
                ExprKind::Opaque(parts)
            }
        }
        "conditional_expression" => {
            let parts = children_exprs(cx, node);
            // `a if cond else b`: the value is a or b, never cond.
            match <[Expr; 3]>::try_from(parts) {
                Ok([a, cond, b]) => {
                    return Expr::new(
                        ExprKind::Either(vec![a, b, Expr::opaque(vec![cond], sp)]),
                        sp,
                    );
                }
                Err(parts) => ExprKind::Opaque(parts),
            }
        }
        "parenthesized_expression" | "await" | "expression_list"
            if named_children(node).len() == 1 =>
        {
            return expr(cx, named_children(node)[0]);
        }
        "dictionary" => {
            let mut entries = Vec::new();
            for child in named_children(node) {
                match child.kind() {
                    "pair" => {
                        let key = child.field("key");
                        let value = child.field("value").map(|v| expr(cx, v));
                        let key_text = key.map(|k| {
                            if k.kind() == "string" {
                                unquote(cx.text(k))
                            } else {
                                cx.text(k).to_string()
                            }
                        });
                        if let Some(v) = value {
                            entries.push((key_text, v));
                        }
                    }
                    "dictionary_splat" => {
                        if let Some(inner) = named_children(child).first() {
                            entries.push((None, expr(cx, *inner)));
                        }
                    }
                    _ => {}
                }
            }
            ExprKind::Object(entries)
        }
        "list" | "tuple" | "set" | "expression_list" => ExprKind::Array(children_exprs(cx, node)),
        "list_splat"
        | "dictionary_splat"
        | "parenthesized_expression"
        | "await"
        | "starred_expression" => ExprKind::Either(children_exprs(cx, node)),
        "list_comprehension"
        | "generator_expression"
        | "set_comprehension"
        | "dictionary_comprehension" => {
            // The element expression carries the data of the iterated values.
            let body = node.field("body").map(|b| expr(cx, b));
            let rest: Vec<Expr> = named_children(node)
                .into_iter()
                .filter(|c| Some(*c) != node.field("body"))
                .map(|c| expr(cx, c))
                .collect();
            let mut parts: Vec<Expr> = body.into_iter().collect();
            parts.push(Expr::opaque(rest, sp));
            ExprKind::Either(parts)
        }
        "lambda" => {
            let params = node
                .field("parameters")
                .map(|p| parameters(cx, p))
                .unwrap_or_default();
            let body = node.field("body").map(|b| expr(cx, b));
            let f = Function {
                name: FunctionName::Anonymous(Anonymous::Lambda),
                class: cx.class.clone(),
                params,
                decorators: Vec::new(),
                body: body
                    .map(|b| vec![Stmt::Return(Some(b), sp)])
                    .unwrap_or_default(),
                span: sp,
            };
            return cx.hoist(f);
        }
        "integer" => number(cx.text(node)),
        "unary_operator" if node.field("operator").is_some_and(|o| o.kind() == "-") => {
            let operand = node.field("argument").map(|a| expr(cx, a));
            return negated(operand.unwrap_or(Expr::opaque(Vec::new(), sp)), sp);
        }
        "slice" => slice(cx, node),
        "float" | "true" | "false" | "none" | "ellipsis" => ExprKind::Literal,
        "keyword_argument" => {
            return node
                .field("value")
                .map(|v| expr(cx, v))
                .unwrap_or(Expr::new(ExprKind::Literal, sp));
        }
        _ => ExprKind::Opaque(children_exprs(cx, node)),
    };
    Expr::new(kind, sp)
}

/// `a:b` in `s[a:b]`: the bounds before and after the first `:` (a step
/// after a second one is evaluated but gives no bound).
fn slice(cx: &mut Ctx, node: Node) -> ExprKind {
    let mut bounds: [Option<Box<Expr>>; 2] = [None, None];
    let mut part = 0;
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        if child.kind() == ":" {
            part += 1;
        } else if child.is_named() && part < 2 {
            bounds[part] = Some(Box::new(expr(cx, child)));
        }
    }
    let [start, end] = bounds;
    ExprKind::Range { start, end }
}

/// The text of a string literal without interpolations, quotes removed.
fn string_content(cx: &Ctx, node: Node) -> String {
    named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "string_content")
        .map(|c| cx.text(c))
        .collect()
}

fn string(cx: &mut Ctx, node: Node) -> ExprKind {
    if !named_children(node)
        .iter()
        .any(|c| c.kind() == "interpolation")
    {
        return ExprKind::Str(string_content(cx, node));
    }
    // Keep the literal text between interpolations: it holds URL hosts and
    // SQL verbs.
    let mut parts = Vec::new();
    for c in named_children(node) {
        match c.kind() {
            "string_content" => {
                parts.push(Expr::new(ExprKind::Str(cx.text(c).to_string()), span(c)))
            }
            "interpolation" => {
                if let Some(e) = c
                    .field("expression")
                    .or_else(|| named_children(c).first().copied())
                {
                    parts.push(expr(cx, e));
                }
            }
            _ => {}
        }
    }
    ExprKind::Format(parts)
}

fn arguments(cx: &mut Ctx, node: Node) -> Vec<Arg> {
    let mut args = Vec::new();
    for child in named_children(node) {
        if child.kind() == "keyword_argument" {
            let name = child.field("name").map(|n| cx.text(n).to_string());
            if let Some(v) = child.field("value") {
                args.push(Arg {
                    name,
                    value: expr(cx, v),
                });
            }
        } else {
            args.push(Arg::positional(expr(cx, child)));
        }
    }
    args
}
