//! Functions and classes: function values named after where they are
//! written, parameters with their defaults and decorators, class fields,
//! initializers and methods, and the fields interfaces and object type
//! aliases declare.

use tree_sitter::Node;

use crate::frontend::tree::{base_type, named_children, nested, span, unquote};
use crate::ir::{
    Anonymous, Class, Expr, ExprKind, Field, Function, FunctionName, Param, Stmt, Target,
};

use super::expressions::expr;
use super::{Lower, field, name_expr, named, statement};

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
/// A property name as written: identifiers, string and number keys, and
/// computed keys that are plain strings; other computed keys are unknown
/// (empty).
pub(super) fn property_key(lx: &Lower, node: Node) -> String {
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
