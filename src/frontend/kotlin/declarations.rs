//! Declarations: classes, objects and companions with their fields (the
//! primary constructor's `val`/`var` parameters and the properties), the
//! string constants among them, the primary constructor and the field
//! initializers, functions with their parameters and the annotations that
//! mark them, and properties.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use super::{Lower, type_child, type_name};
use crate::frontend::tree::{Ctx, named_children, nested, span};
use crate::ir::{Class, Expr, ExprKind, Field, Function, FunctionName, Param, Span, Stmt, Target};

/// A parameter as written, and the request key an annotation gives it.
pub(super) struct KParam {
    pub name: String,
    pub ty: Option<String>,
    pub annotations: Vec<String>,
    pub span: Span,
    pub key: Option<String>,
    /// A primary constructor's `val`/`var` parameter: a field too.
    pub field: bool,
}

/// The names of the functions declared among `members`.
pub(super) fn function_names(cx: &Ctx, members: &[Node]) -> Vec<String> {
    members
        .iter()
        .filter(|m| m.kind() == "function_declaration")
        .filter_map(|m| m.field("name"))
        .map(|n| cx.text(n).to_string())
        .collect()
}

/// The members of a class body, with those of its companion object.
fn class_members(body: Node) -> Vec<Node> {
    let mut out = Vec::new();
    for m in named_children(body) {
        match m.kind() {
            "companion_object" => {
                if let Some(b) = named_children(m)
                    .into_iter()
                    .find(|c| c.kind() == "class_body")
                {
                    out.extend(named_children(b));
                }
            }
            "class_member_declaration" => out.extend(named_children(m)),
            _ => out.push(m),
        }
    }
    out
}

/// Whether a declaration's `modifiers` hold the keyword `word`.
fn has_modifier(cx: &Ctx, node: Node, word: &str) -> bool {
    named_children(node)
        .into_iter()
        .filter(|c| c.kind() == "modifiers")
        .flat_map(named_children)
        .any(|m| cx.text(m) == word)
}

impl Lower<'_> {
    /// String constants among `members`: `const val TAG = "x"`, and a `val`
    /// holding a string literal (or literals joined by `+`), which cannot
    /// change either.
    pub(super) fn constants_of(
        &self,
        members: &[Node],
        outer: &[(String, String)],
    ) -> Vec<(String, String)> {
        let mut constants = outer.to_vec();
        for m in members {
            if m.kind() != "property_declaration" || !self.is_val(*m) {
                continue;
            }
            let children = named_children(*m);
            let Some(name) = children
                .iter()
                .find(|c| c.kind() == "variable_declaration")
                .and_then(|v| self.variable(*v))
                .map(|(n, _)| n)
            else {
                continue;
            };
            if let Some(text) = children
                .iter()
                .find(|c| matches!(c.kind(), "string_literal" | "binary_expression"))
                .and_then(|v| self.constant_text(*v, &constants))
            {
                constants.push((name, text));
            }
        }
        constants
    }

    fn is_val(&self, node: Node) -> bool {
        let mut cursor = node.walk();
        node.children(&mut cursor).any(|c| c.kind() == "val")
    }

    /// The text of a constant initializer: a string without templates, or
    /// strings and constants joined by `+`.
    fn constant_text(&self, node: Node, known: &[(String, String)]) -> Option<String> {
        match node.kind() {
            "string_literal" => {
                let parts = named_children(node);
                if parts
                    .iter()
                    .any(|c| c.kind() == "interpolation" || self.cx.text(*c) == "$")
                {
                    return None;
                }
                Some(parts.iter().map(|c| self.string_part(*c)).collect())
            }
            "identifier" => {
                let name = self.cx.text(node);
                known
                    .iter()
                    .rfind(|(n, _)| n == name)
                    .map(|(_, t)| t.clone())
            }
            "parenthesized_expression" => named_children(node)
                .first()
                .and_then(|n| self.constant_text(*n, known)),
            "binary_expression" if super::operator(node) == Some("+") => {
                let left = node.field("left")?;
                let right = node.field("right")?;
                Some(self.constant_text(left, known)? + &self.constant_text(right, known)?)
            }
            _ => None,
        }
    }

    /// A class, interface, enum, `object` or companion: its fields, its
    /// primary constructor, field initializers, methods and nested classes.
    pub(super) fn class(&mut self, node: Node) {
        if !self.cx.enter() {
            return;
        }
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let children = named_children(node);
        let ctor_params = children
            .iter()
            .find(|c| c.kind() == "primary_constructor")
            .and_then(|p| {
                named_children(*p)
                    .into_iter()
                    .find(|c| c.kind() == "class_parameters")
            })
            .map(|ps| self.class_parameters(ps))
            .unwrap_or_default();
        let members = children
            .iter()
            .find(|c| matches!(c.kind(), "class_body" | "enum_class_body"))
            .map(|b| class_members(*b))
            .unwrap_or_default();
        let mut fields: Vec<Field> = ctor_params
            .iter()
            .filter(|p| p.field)
            .map(|p| Field {
                unserialized: false,
                name: p.name.clone(),
                ty: p.ty.clone(),
                made_by: None,
                span: p.span,
            })
            .collect();
        for m in &members {
            if m.kind() != "property_declaration" {
                continue;
            }
            for v in named_children(*m) {
                if v.kind() == "variable_declaration"
                    && let Some((field, ty)) = self.variable(v)
                {
                    fields.push(Field {
                        unserialized: has_modifier(&self.cx, *m, "@Transient"),
                        name: field,
                        ty,
                        made_by: None,
                        span: span(v),
                    });
                }
            }
        }
        let constants = self.constants_of(&members, &self.constants);
        let names: Vec<String> = fields.iter().map(|f| f.name.clone()).collect();
        let outer_locals = std::mem::take(&mut self.locals);
        let outer_constants = std::mem::replace(&mut self.constants, constants);
        let mut methods = function_names(&self.cx, &members);
        methods.extend(self.methods.iter().cloned());
        let outer_methods = std::mem::replace(&mut self.methods, methods);
        let outer_receivers = std::mem::take(&mut self.receivers);
        let outer_fields = std::mem::replace(&mut self.fields, names);
        let outer_class = self.cx.class.replace(name.clone());
        self.classes.push(name.clone());
        nested(self, |lw| {
            lw.initializers(&name, node, ctor_params, &members);
            lw.member_functions(&members);
        });
        self.classes.pop();
        self.cx.class = outer_class;
        self.fields = outer_fields;
        self.receivers = outer_receivers;
        self.methods = outer_methods;
        self.constants = outer_constants;
        self.locals = outer_locals;
        self.cx.ir.classes.push(Class {
            bases: Vec::new(),
            listed_fields: Vec::new(),
            name,
            fields,
            span: span(node),
        });
        self.cx.leave();
    }

    /// The primary constructor, a function named after the class that sets
    /// the fields of its `val`/`var` parameters; then the property
    /// initializers and `init` blocks, which see its parameters, as the
    /// class's field initializers.
    fn initializers(&mut self, class: &str, node: Node, params: Vec<KParam>, members: &[Node]) {
        let plain: Vec<(String, Option<String>, Span)> = params
            .iter()
            .filter(|p| !p.field)
            .map(|p| (p.name.clone(), p.ty.clone(), p.span))
            .collect();
        if !params.is_empty() {
            let mark = self.locals.len();
            let mut body = Vec::new();
            let fields: Vec<(String, Span)> = params
                .iter()
                .filter(|p| p.field)
                .map(|p| (p.name.clone(), p.span))
                .collect();
            let params = self.bind_params(params, &mut body);
            for (field, sp) in fields {
                body.push(Stmt::Assign {
                    target: Target::Place(this_member(&field, sp)),
                    ty: None,
                    value: Some(Expr::new(ExprKind::Name(field), sp)),
                    span: sp,
                });
            }
            self.locals.truncate(mark);
            self.cx.hoist(Function {
                name: FunctionName::Named(class.to_string()),
                class: Some(class.to_string()),
                params,
                decorators: Vec::new(),
                body,
                span: span(node),
            });
        }
        let mark = self.locals.len();
        let mut inits = Vec::new();
        // The plain constructor parameters are known, typed, to initializers.
        let mut declared = Vec::new();
        for (name, ty, sp) in plain {
            self.locals.push(name.clone());
            declared.push(Stmt::Assign {
                target: Target::Place(Expr::new(ExprKind::Name(name), sp)),
                ty,
                value: None,
                span: sp,
            });
        }
        for m in members {
            match m.kind() {
                "property_declaration" => self.field_init(*m, &mut inits),
                "anonymous_initializer" => {
                    for b in named_children(*m) {
                        self.statement(b, &mut inits);
                    }
                    self.cx.flush(&mut inits);
                }
                "enum_entry" => {
                    let e = self.expr(*m);
                    self.cx.push(&mut inits, Stmt::Expr(e));
                }
                _ => {}
            }
        }
        self.locals.truncate(mark);
        if !inits.is_empty() {
            declared.append(&mut inits);
        }
        if declared.iter().any(|s| {
            !matches!(
                s,
                Stmt::Assign {
                    value: None,
                    target: Target::Place(Expr {
                        kind: ExprKind::Name(_),
                        ..
                    }),
                    ..
                }
            )
        }) {
            let at = members.first().map(|m| span(*m)).unwrap_or(span(node));
            self.cx.hoist_field_initializers(class, declared, at);
        }
    }

    /// Methods, secondary constructors and nested classes.
    fn member_functions(&mut self, members: &[Node]) {
        for m in members {
            match m.kind() {
                "function_declaration" => {
                    self.function(*m);
                }
                "secondary_constructor" => self.secondary_constructor(*m),
                "class_declaration" | "object_declaration" => self.class(*m),
                _ => {}
            }
        }
    }

    /// `val log = LoggerFactory.getLogger(..)` in a class body assigns
    /// `this.log`; `by lazy { .. }` assigns the lambda's value.
    fn field_init(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let children = named_children(node);
        let Some((name, ty, sp)) = children
            .iter()
            .find(|c| c.kind() == "variable_declaration")
            .and_then(|v| self.variable(*v).map(|(n, t)| (n, t, span(*v))))
        else {
            return;
        };
        let Some(value) = self.property_value(&children) else {
            return;
        };
        self.cx.push(
            out,
            Stmt::Assign {
                target: Target::Place(this_member(&name, sp)),
                ty,
                value: Some(value),
                span: span(node),
            },
        );
    }

    /// The value a property is initialized with, or delegated to.
    fn property_value(&mut self, children: &[Node]) -> Option<Expr> {
        let value = children.iter().find(|c| {
            !matches!(
                c.kind(),
                "modifiers"
                    | "variable_declaration"
                    | "multi_variable_declaration"
                    | "getter"
                    | "setter"
                    | "type_parameters"
                    | "type_constraints"
                    | "user_type"
                    | "nullable_type"
            )
        })?;
        Some(match value.kind() {
            "property_delegate" => {
                let inner = named_children(*value).into_iter().next()?;
                self.expr(inner)
            }
            _ => self.expr(*value),
        })
    }

    /// A local `val`/`var`, or a top-level property (a module statement).
    pub(super) fn property(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let children = named_children(node);
        let value = self.property_value(&children);
        if let Some(multi) = children
            .iter()
            .find(|c| c.kind() == "multi_variable_declaration")
        {
            let names = self.destructured(*multi);
            self.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Destructure(names),
                    ty: None,
                    value,
                    span: span(node),
                },
            );
            return;
        }
        let Some((name, ty, sp)) = children
            .iter()
            .find(|c| c.kind() == "variable_declaration")
            .and_then(|v| self.variable(*v).map(|(n, t)| (n, t, span(*v))))
        else {
            return;
        };
        // `val tm = getSystemService(..) as TelephonyManager`: the cast
        // declares the type.
        let ty = ty.or_else(|| {
            let cast = children.iter().find(|c| c.kind() == "as_expression")?;
            type_name(&self.cx, cast.field("right")?)
        });
        self.locals.push(name.clone());
        self.cx.push(
            out,
            Stmt::Assign {
                target: Target::Place(Expr::new(ExprKind::Name(name), sp)),
                ty,
                value,
                span: span(node),
            },
        );
    }

    /// Hoists a function or method; `fun f() = expr` returns the expression.
    pub(super) fn function(&mut self, node: Node) -> Expr {
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let params = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "function_value_parameters")
            .map(|ps| self.parameters(ps))
            .unwrap_or_default();
        self.hoist_function(node, FunctionName::Named(name), params)
    }

    /// `constructor(x: Int) : this(..) { .. }`.
    fn secondary_constructor(&mut self, node: Node) {
        let class = self.cx.class.clone().unwrap_or_default();
        let params = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "function_value_parameters")
            .map(|ps| self.parameters(ps))
            .unwrap_or_default();
        self.hoist_function(node, FunctionName::Named(class), params);
    }

    /// Hoists `node`'s body (a `function_body`, a `block` or, for a
    /// constructor, the delegation call and block) as a function.
    pub(super) fn hoist_function(
        &mut self,
        node: Node,
        name: FunctionName,
        params: Vec<KParam>,
    ) -> Expr {
        let decorators = self.annotations(node).into_iter().map(|(n, _)| n).collect();
        let mark = self.locals.len();
        let outer_receivers = std::mem::take(&mut self.receivers);
        let (params, body) = nested(self, |lw| {
            let mut body = Vec::new();
            let params = lw.bind_params(params, &mut body);
            for child in named_children(node) {
                match child.kind() {
                    "function_body" => {
                        for b in named_children(child) {
                            if b.kind() == "block" {
                                lw.statement(b, &mut body);
                            } else {
                                let e = lw.expr(b);
                                lw.cx.push(&mut body, Stmt::Return(Some(e), span(b)));
                            }
                        }
                    }
                    "block" => lw.statement(child, &mut body),
                    "constructor_delegation_call" => {
                        let e = lw.expr(child);
                        lw.cx.push(&mut body, Stmt::Expr(e));
                    }
                    _ => {}
                }
            }
            lw.cx.flush(&mut body);
            (params, body)
        });
        self.receivers = outer_receivers;
        self.locals.truncate(mark);
        let class = self.cx.class.clone();
        self.cx.hoist(Function {
            name,
            class,
            params,
            decorators,
            body,
            span: span(node),
        })
    }

    /// Makes parameters visible as locals. A parameter whose annotation
    /// names a request key (`@RequestParam("phone") p: String`) is named by
    /// that key, and the body starts with `p = phone` so both names carry it.
    pub(super) fn bind_params(&mut self, params: Vec<KParam>, body: &mut Vec<Stmt>) -> Vec<Param> {
        let mut out = Vec::with_capacity(params.len());
        for KParam {
            mut name,
            ty,
            annotations,
            span,
            key,
            ..
        } in params
        {
            self.locals.push(name.clone());
            let mut keyword = None;
            if let Some(key) = key.filter(|k| *k != name) {
                body.push(Stmt::Assign {
                    target: Target::Place(Expr::new(ExprKind::Name(name.clone()), span)),
                    ty: ty.clone(),
                    value: Some(Expr::new(ExprKind::Name(key.clone()), span)),
                    span,
                });
                self.locals.push(key.clone());
                keyword = Some(std::mem::replace(&mut name, key));
            }
            out.push(Param {
                keyword,
                ..Param::named(name, ty, annotations, span)
            });
        }
        out
    }

    /// `function_value_parameters`: each `parameter` with the annotations of
    /// the `parameter_modifiers` before it.
    pub(super) fn parameters(&mut self, node: Node) -> Vec<KParam> {
        let mut params = Vec::new();
        let mut pending: Vec<(String, Option<String>)> = Vec::new();
        for p in named_children(node) {
            match p.kind() {
                "parameter_modifiers" => pending.extend(self.annotation_list(p)),
                "parameter" => {
                    let annotations = std::mem::take(&mut pending);
                    if let Some(param) = self.parameter(p, annotations, false) {
                        params.push(param);
                    }
                }
                _ => {}
            }
        }
        params
    }

    /// A primary constructor's parameters.
    fn class_parameters(&mut self, node: Node) -> Vec<KParam> {
        let mut params = Vec::new();
        for p in named_children(node) {
            if p.kind() != "class_parameter" {
                continue;
            }
            let mut cursor = p.walk();
            let field = p
                .children(&mut cursor)
                .any(|c| matches!(c.kind(), "val" | "var"));
            let annotations = self.annotations(p);
            if let Some(param) = self.parameter(p, annotations, field) {
                params.push(param);
            }
        }
        params
    }

    fn parameter(
        &mut self,
        p: Node,
        annotations: Vec<(String, Option<String>)>,
        field: bool,
    ) -> Option<KParam> {
        let name = named_children(p)
            .into_iter()
            .find(|c| c.kind() == "identifier")?;
        let key = annotations.iter().find_map(|(_, k)| k.clone());
        Some(KParam {
            name: self.cx.text(name).to_string(),
            ty: type_child(p).and_then(|t| type_name(&self.cx, t)),
            annotations: annotations.into_iter().map(|(n, _)| n).collect(),
            span: span(p),
            key,
            field,
        })
    }

    /// The annotations in a declaration's `modifiers` child: each name as
    /// written without `@` and arguments, and the request key its
    /// arguments name.
    pub(super) fn annotations(&self, owner: Node) -> Vec<(String, Option<String>)> {
        named_children(owner)
            .into_iter()
            .filter(|m| m.kind() == "modifiers")
            .flat_map(|m| self.annotation_list(m))
            .collect()
    }

    fn annotation_list(&self, modifiers: Node) -> Vec<(String, Option<String>)> {
        let mut out = Vec::new();
        for a in named_children(modifiers) {
            if a.kind() != "annotation" {
                continue;
            }
            for c in named_children(a) {
                let (ty, args) = match c.kind() {
                    "user_type" => (c, None),
                    "constructor_invocation" => (
                        match named_children(c)
                            .into_iter()
                            .find(|t| t.kind() == "user_type")
                        {
                            Some(t) => t,
                            None => continue,
                        },
                        named_children(c)
                            .into_iter()
                            .find(|t| t.kind() == "value_arguments"),
                    ),
                    _ => continue,
                };
                let name: String = self.cx.text(ty).split_whitespace().collect();
                let key = args.and_then(|a| self.annotation_key(a));
                out.push((name, key));
            }
        }
        out
    }

    /// A request key given as an annotation's only string argument, or as
    /// its `value`/`name` argument: `@RequestParam("phone")`,
    /// `@Query(value = "phone")`.
    fn annotation_key(&self, args: Node) -> Option<String> {
        let mut key = None;
        for a in named_children(args) {
            let parts = named_children(a);
            let literal = match parts.as_slice() {
                [v] if v.kind() == "string_literal" => Some(*v),
                [k, v]
                    if v.kind() == "string_literal"
                        && matches!(self.cx.text(*k), "value" | "name") =>
                {
                    Some(*v)
                }
                _ => None,
            };
            if let Some(l) = literal {
                key = Some(
                    named_children(l)
                        .iter()
                        .map(|c| self.cx.text(*c))
                        .collect::<String>(),
                );
                break;
            }
        }
        // Only identifier-like keys; `${app.name}` placeholders are not request keys.
        key.filter(|k| {
            !k.is_empty()
                && k.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        })
    }
}

/// `this.<name>`.
pub(super) fn this_member(name: &str, sp: Span) -> Expr {
    Expr::new(
        ExprKind::Member {
            object: Box::new(Expr::new(ExprKind::Name("this".into()), sp)),
            property: name.to_string(),
        },
        sp,
    )
}
