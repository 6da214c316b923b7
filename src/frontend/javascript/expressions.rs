//! Expressions: names, members, calls, string building, objects, arrays,
//! alternatives, the expressions inside JSX, and the functions and classes
//! written as values (function values are named after where they are
//! written); with them the parameters with their defaults and decorators,
//! class fields, initializers and methods, and the fields interfaces and
//! object type aliases declare.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use crate::frontend::tree::{
    base_type, difference, named_children, negated, nested, number, plus_chain, span, unquote,
};
use crate::ir::{
    Anonymous, Arg, Class, Expr, ExprKind, Field, Function, FunctionName, Param, Stmt, Target,
};

use super::modules::{module_name, required_module};
use super::{Lower, assign, field, name_expr, named, property_key, statement};

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
        "number" => number(lx.cx.text(node)),
        "unary_expression" if node.field("operator").is_some_and(|o| o.kind() == "-") => {
            let operand = node.field("argument").map(|a| expr(lx, a));
            return negated(
                operand.unwrap_or(Expr::opaque(Vec::new(), span(node))),
                span(node),
            );
        }
        "true" | "false" | "null" | "undefined" | "regex" => ExprKind::Literal,
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
/// An assignment used as a value (`f(x = y)`, `a = b = c`): the assignment
/// runs before the statement, and its value is the place assigned, lowered
/// once (lowering it again would repeat the assignments inside it, once more
/// for every level of nesting).
fn assignment_value(lx: &mut Lower, node: Node) -> Expr {
    let mut stmts = Vec::new();
    let place = assign(lx, node, &mut stmts);
    for stmt in stmts {
        lx.cx.emit(stmt);
    }
    match field(node, "left") {
        Some(l) if matches!(l.kind(), "identifier" | "member_expression") => {
            place.unwrap_or_else(|| expr(lx, l))
        }
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
        "-" => difference(left.into_iter().chain(right).collect(), span(node)).kind,
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

/// Interfaces and object type aliases declare typed fields.
pub(super) fn type_declaration(lx: &mut Lower, node: Node) {
    let name = field(node, "name");
    let body = field(node, "body").or_else(|| field(node, "value"));
    if let (Some(name), Some(body)) = (name, body)
        && matches!(body.kind(), "interface_body" | "object_type")
    {
        type_fields(lx, name, body, node);
    }
}

/// Lowers a value, naming a function written there after `hint`
/// (`const handler = (req, res) => ...` is the function `handler`), and a
/// class written there after the hint as displayed.
pub(super) fn value_expr(lx: &mut Lower, node: Node, hint: FunctionName) -> Expr {
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

pub(super) fn function(
    lx: &mut Lower,
    node: Node,
    name: FunctionName,
    decorators: Vec<String>,
) -> Expr {
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
                    unserialized: false,
                    name: lx.text(p),
                    ty: ty.clone(),
                    made_by: None,
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
    // `({ body, query }: Request) =>`: one parameter of that type, whose
    // members the pattern names, as `const { body, query } = req` would.
    if pattern.kind() == "object_pattern"
        && let Some(ty) = ty.clone()
    {
        lx.temps += 1;
        let name = format!("<parameter {}>", lx.temps);
        params.push(Param::named(name.clone(), Some(ty), annotations, sp));
        super::destructure(lx, pattern, super::name_expr(&name, sp), sp, body);
        return;
    }
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
pub(super) fn class(lx: &mut Lower, node: Node, hint: Option<&str>) {
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
        bases: Vec::new(),
        listed_fields: Vec::new(),
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
    lx.cx.hoist_field_initializers(class, inits, span(node));
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
        unserialized: false,
        name: fname.clone(),
        ty: ty.clone(),
        made_by: None,
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
                unserialized: false,
                name: property_key(lx, n),
                ty: field(m, "type").and_then(|t| type_name(lx, t)),
                made_by: None,
                span: span(m),
            })
        })
        .collect();
    lx.cx.ir.classes.push(Class {
        bases: Vec::new(),
        listed_fields: Vec::new(),
        name: lx.text(name),
        fields,
        span: span(decl),
    });
}

/// The base type of a `: Type` annotation, if it names one.
pub(super) fn type_name(lx: &Lower, node: Node) -> Option<String> {
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
