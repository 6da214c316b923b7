//! Declarations: classes, records, structs and interfaces with their fields,
//! properties and string constants, their field initializers, methods,
//! constructors and accessors, and the parameters with the attributes that
//! mark them.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use crate::frontend::tree::{Ctx, named_children, nested, plus_chain, span};
use crate::ir::{Class, Expr, ExprKind, Field, Function, FunctionName, Param, Rest, Stmt, Target};

use super::{CsParam, Lower, string_content, type_name};

/// The kinds of nested type declarations.
const TYPE_DECLARATIONS: [&str; 5] = [
    "class_declaration",
    "struct_declaration",
    "interface_declaration",
    "record_declaration",
    "enum_declaration",
];

/// Whether a declaration has the modifier `word` (`const`, `static`).
fn has_modifier(cx: &Ctx, node: Node, word: &str) -> bool {
    named_children(node)
        .into_iter()
        .any(|c| c.kind() == "modifier" && cx.text(c) == word)
}

impl Lower<'_> {
    pub(super) fn class(&mut self, node: Node) {
        if !self.cx.enter() {
            return;
        }
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let mut fields = Vec::new();
        // A record's positional parameters and a class's primary
        // constructor parameters are fields of the type.
        let primary = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "parameter_list");
        if let Some(ps) = primary {
            for CsParam { name, ty, span, .. } in self.parameters(ps) {
                fields.push(Field {
                    unserialized: false,
                    name,
                    ty,
                    made_by: None,
                    span,
                });
            }
        }
        let bases = named_children(node)
            .into_iter()
            .filter(|c| c.kind() == "base_list")
            .flat_map(named_children)
            .filter_map(|b| {
                let b = match b.kind() {
                    "primary_constructor_base_type" => b.field("type")?,
                    _ => b,
                };
                type_name(&self.cx, b)
            })
            .collect();
        let members = node.field("body").map(named_children).unwrap_or_default();
        let mut constants = self.constants.clone();
        for m in &members {
            match m.kind() {
                "field_declaration" | "event_field_declaration" => {
                    let Some(decl) = named_children(*m)
                        .into_iter()
                        .find(|c| c.kind() == "variable_declaration")
                    else {
                        continue;
                    };
                    let ty = decl.field("type").and_then(|t| type_name(&self.cx, t));
                    let constant = has_modifier(&self.cx, *m, "const")
                        || (has_modifier(&self.cx, *m, "static")
                            && has_modifier(&self.cx, *m, "readonly"));
                    for d in named_children(decl) {
                        let Some(n) = d.field("name") else {
                            continue;
                        };
                        let field = self.cx.text(n).to_string();
                        if constant
                            && let Some(text) = named_children(d)
                                .into_iter()
                                .rfind(|c| *c != n)
                                .and_then(|v| self.constant_text(v, &constants))
                        {
                            constants.push((field.clone(), text));
                        }
                        fields.push(Field {
                            unserialized: false,
                            name: field,
                            ty: ty.clone(),
                            made_by: None,
                            span: span(d),
                        });
                    }
                }
                "property_declaration" => {
                    if let Some(n) = m.field("name") {
                        let ty = m.field("type").and_then(|t| type_name(&self.cx, t));
                        let field = self.cx.text(n).to_string();
                        if has_modifier(&self.cx, *m, "const")
                            || (has_modifier(&self.cx, *m, "static")
                                && m.field("value")
                                    .is_some_and(|v| v.kind() == "arrow_expression_clause"))
                        {
                            // `static string Url => "https://..";`
                            if let Some(text) = m
                                .field("value")
                                .and_then(|v| named_children(v).first().copied())
                                .and_then(|v| self.constant_text(v, &constants))
                            {
                                constants.push((field.clone(), text));
                            }
                        }
                        fields.push(Field {
                            unserialized: false,
                            name: field,
                            ty,
                            made_by: None,
                            span: span(*m),
                        });
                    }
                }
                _ => {}
            }
        }
        let names = fields.iter().map(|f| f.name.clone()).collect();
        // Members see the class's fields, not the locals around it.
        let outer_locals = std::mem::take(&mut self.locals);
        let outer_constants = std::mem::replace(&mut self.constants, constants);
        self.classes.push(name.clone());
        self.class_body(&name, &members, names);
        self.classes.pop();
        self.constants = outer_constants;
        self.locals = outer_locals;
        self.cx.ir.classes.push(Class {
            bases,
            listed_fields: Vec::new(),
            name,
            fields,
            span: span(node),
        });
        self.cx.leave();
    }

    /// Lowers the members of a class body: its field initializers first, so
    /// that what they assign to `this.<field>` is known to the methods, then
    /// its methods, accessors and nested types.
    fn class_body(&mut self, name: &str, members: &[Node], field_names: Vec<String>) {
        let outer_fields = std::mem::replace(&mut self.fields, field_names);
        let outer_class = self.cx.class.replace(name.to_string());
        nested(self, |lw| {
            lw.field_initializers(name, members);
            lw.member_functions(members);
        });
        self.cx.class = outer_class;
        self.fields = outer_fields;
    }

    /// Field and property initializers become one function of the class,
    /// [`FunctionName::FieldInitializers`].
    fn field_initializers(&mut self, class: &str, members: &[Node]) {
        let mut inits = Vec::new();
        for m in members {
            match m.kind() {
                "field_declaration" => {
                    let Some(decl) = named_children(*m)
                        .into_iter()
                        .find(|c| c.kind() == "variable_declaration")
                    else {
                        continue;
                    };
                    let ty = decl.field("type").and_then(|t| type_name(&self.cx, t));
                    for d in named_children(decl) {
                        let Some(n) = d.field("name") else {
                            continue;
                        };
                        let Some(v) = named_children(d).into_iter().rfind(|c| *c != n) else {
                            continue;
                        };
                        self.field_init(n, ty.clone(), v, span(d), &mut inits);
                    }
                }
                "property_declaration" => {
                    // `public string Email { get; set; } = "";`, not `=> x`.
                    if let (Some(n), Some(v)) = (m.field("name"), m.field("value"))
                        && v.kind() != "arrow_expression_clause"
                    {
                        let ty = m.field("type").and_then(|t| type_name(&self.cx, t));
                        self.field_init(n, ty, v, span(*m), &mut inits);
                    }
                }
                _ => {}
            }
        }
        let at = members.first().map(|m| span(*m)).unwrap_or_default();
        self.cx.hoist_field_initializers(class, inits, at);
    }

    fn field_init(
        &mut self,
        name: Node,
        ty: Option<String>,
        value: Node,
        sp: crate::ir::Span,
        out: &mut Vec<Stmt>,
    ) {
        let value = self.expr(value);
        let target = Expr::new(
            ExprKind::Member {
                object: Box::new(Expr::new(ExprKind::Name("this".into()), span(name))),
                property: self.cx.text(name).to_string(),
            },
            span(name),
        );
        self.cx.push(
            out,
            Stmt::Assign {
                target: Target::Place(target),
                ty,
                value: Some(value),
                span: sp,
            },
        );
    }

    /// Methods, constructors, property accessors and nested types.
    fn member_functions(&mut self, members: &[Node]) {
        for m in members {
            match m.kind() {
                "method_declaration"
                | "constructor_declaration"
                | "destructor_declaration"
                | "operator_declaration"
                | "conversion_operator_declaration" => {
                    self.function(*m);
                }
                "property_declaration" | "indexer_declaration" => self.accessors(*m),
                "preproc_if" | "preproc_elif" | "preproc_else" => {
                    let inner = named_children(*m);
                    self.member_functions(&inner);
                }
                kind if TYPE_DECLARATIONS.contains(&kind) => self.class(*m),
                _ => {}
            }
        }
    }

    /// A property's `get`/`set` bodies, or its `=> expr`, as methods named
    /// after the property.
    fn accessors(&mut self, node: Node) {
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_else(|| "this[]".into());
        let mut bodies = Vec::new();
        if let Some(v) = node
            .field("value")
            .filter(|v| v.kind() == "arrow_expression_clause")
        {
            bodies.push((v, false));
        }
        if let Some(list) = node.field("accessors") {
            for a in named_children(list) {
                let setter = a
                    .field("name")
                    .is_some_and(|n| matches!(self.cx.text(n), "set" | "init"));
                if let Some(b) = a.field("body") {
                    bodies.push((b, setter));
                }
            }
        }
        for (body, setter) in bodies {
            let params = if setter {
                vec![CsParam {
                    name: "value".into(),
                    ty: None,
                    annotations: Vec::new(),
                    span: span(body),
                    key: None,
                    rest: false,
                }]
            } else {
                Vec::new()
            };
            let name = FunctionName::Named(name.clone());
            self.hoist_body(name, params, None, Some(body), body, Vec::new());
        }
    }

    /// Hoists a method, constructor or local function.
    pub(super) fn function(&mut self, node: Node) -> Expr {
        let name = match node.kind() {
            "operator_declaration" | "conversion_operator_declaration" => "operator".to_string(),
            _ => node
                .field("name")
                .map(|n| self.cx.text(n).to_string())
                .unwrap_or_default(),
        };
        let decorators = self
            .attribute_names(node)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let params = node
            .field("parameters")
            .map(|ps| self.parameters(ps))
            .unwrap_or_default();
        let body = node.field("body");
        // `: this(..)` / `: base(..)` runs before the body.
        let init = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "constructor_initializer");
        self.hoist_body(
            FunctionName::Named(name),
            params,
            init,
            body,
            node,
            decorators,
        )
    }

    /// Hoists a function of `params` whose body is `body` (a block or
    /// `=> expr`), after a constructor's `: base(..)` call (`init`).
    pub(super) fn hoist_body(
        &mut self,
        name: FunctionName,
        params: Vec<CsParam>,
        init: Option<Node>,
        body: Option<Node>,
        node: Node,
        decorators: Vec<String>,
    ) -> Expr {
        let mark = self.locals.len();
        let (params, stmts) = nested(self, |lw| {
            let mut stmts = Vec::new();
            let params = lw.bind_params(params, &mut stmts);
            if let Some(i) = init {
                let e = lw.expr(i);
                lw.cx.push(&mut stmts, Stmt::Expr(e));
            }
            match body {
                Some(b) if b.kind() == "arrow_expression_clause" => {
                    if let Some(e) = named_children(b).first() {
                        let e = lw.expr(*e);
                        lw.cx.push(&mut stmts, Stmt::Return(Some(e), span(b)));
                    }
                }
                Some(b) if b.kind() == "block" => lw.statement(b, &mut stmts),
                Some(b) => {
                    let e = lw.expr(b);
                    lw.cx.push(&mut stmts, Stmt::Return(Some(e), span(b)));
                }
                None => {}
            }
            lw.cx.flush(&mut stmts);
            (params, stmts)
        });
        self.locals.truncate(mark);
        let class = self.cx.class.clone();
        self.cx.hoist(Function {
            name,
            class,
            params,
            decorators,
            body: stmts,
            span: span(node),
        })
    }

    /// Makes parameters visible as locals. A parameter whose attribute
    /// names a request key (`[FromQuery(Name = "ref")] string r`) is named
    /// by that key, and the body starts with `r = ref`.
    pub(super) fn bind_params(&mut self, params: Vec<CsParam>, body: &mut Vec<Stmt>) -> Vec<Param> {
        let mut out = Vec::with_capacity(params.len());
        for CsParam {
            mut name,
            ty,
            annotations,
            span,
            key,
            rest,
        } in params
        {
            self.locals.push(name.clone());
            if let Some(key) = key.filter(|k| *k != name) {
                body.push(Stmt::Assign {
                    target: Target::Place(Expr::new(ExprKind::Name(name), span)),
                    ty: ty.clone(),
                    value: Some(Expr::new(ExprKind::Name(key.clone()), span)),
                    span,
                });
                self.locals.push(key.clone());
                name = key;
            }
            let mut p = Param::named(name, ty, annotations, span);
            if rest {
                p.rest = Some(Rest::Positional);
            }
            out.push(p);
        }
        out
    }

    /// Formal parameters, each with the request key its attribute names.
    pub(super) fn parameters(&mut self, node: Node) -> Vec<CsParam> {
        let mut params = Vec::new();
        for p in named_children(node) {
            if p.kind() != "parameter" {
                continue;
            }
            let Some(name) = p.field("name") else {
                continue;
            };
            let mut annotations = Vec::new();
            let mut key = None;
            for (a, node) in self.attribute_names(p) {
                if key.is_none() {
                    key = attribute_key(&self.cx, node);
                }
                annotations.push(a);
            }
            let mut cursor = p.walk();
            let rest = p.children(&mut cursor).any(|c| c.kind() == "params");
            params.push(CsParam {
                name: self.cx.text(name).to_string(),
                ty: p.field("type").and_then(|t| type_name(&self.cx, t)),
                annotations,
                span: span(p),
                key,
                rest,
            });
        }
        params
    }

    /// The attribute names on a declaration (from its attribute lists),
    /// without the `Attribute` suffix C# lets code leave out.
    pub(super) fn attribute_names<'t>(&self, owner: Node<'t>) -> Vec<(String, Node<'t>)> {
        let mut out = Vec::new();
        for list in named_children(owner) {
            if list.kind() != "attribute_list" {
                continue;
            }
            for a in named_children(list) {
                if a.kind() == "attribute"
                    && let Some(n) = a.field("name")
                {
                    let name: String = self.cx.text(n).split_whitespace().collect();
                    let name = super::base_type(&name);
                    let name = name
                        .strip_suffix("Attribute")
                        .filter(|s| !s.is_empty() && !s.ends_with('.'))
                        .map(str::to_string)
                        .unwrap_or(name);
                    out.push((name, a));
                }
            }
        }
        out
    }

    /// The text of a constant initializer: a string literal, or literals and
    /// constants joined by `+`.
    fn constant_text(&self, node: Node, known: &[(String, String)]) -> Option<String> {
        match node.kind() {
            "string_literal" | "verbatim_string_literal" | "raw_string_literal" => {
                Some(string_content(&self.cx, node))
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
            "binary_expression" => {
                let operands = plus_chain(node, self.cx.src)?;
                operands
                    .into_iter()
                    .map(|o| self.constant_text(o, known))
                    .collect()
            }
            _ => None,
        }
    }
}

/// A request key given as an attribute's `Name` argument or only string
/// argument: `[FromQuery(Name = "ref")]`, `[FromHeader(Name = "X-Email")]`.
fn attribute_key(cx: &Ctx, attribute: Node) -> Option<String> {
    let args = named_children(attribute)
        .into_iter()
        .find(|c| c.kind() == "attribute_argument_list")?;
    let mut key = None;
    for a in named_children(args) {
        let named = a.field("name").map(|n| cx.text(n));
        if named.is_some_and(|n| n != "Name") {
            continue;
        }
        if let Some(l) = named_children(a)
            .into_iter()
            .find(|c| c.kind() == "string_literal")
        {
            key = Some(string_content(cx, l));
            break;
        }
    }
    key.filter(|k| {
        !k.is_empty()
            && k.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    })
}
