//! Classes, interfaces, records and enums: their fields, the string
//! constants among them, their field initializers, methods and
//! constructors, and the parameters with the annotations that mark them.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use crate::frontend::tree::{Ctx, named_children, nested, plus_chain, span, unquote};
use crate::ir::{Class, Expr, ExprKind, Field, Function, FunctionName, Param, Stmt, Target};

use super::{JParam, Lower, class_members, string_content, type_name};

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
        // Record components are the record's fields.
        let components = node
            .field("parameters")
            .filter(|_| node.kind() == "record_declaration");
        if let Some(ps) = components {
            for JParam { name, ty, span, .. } in self.parameters(ps) {
                fields.push(Field {
                    unserialized: false,
                    name,
                    ty,
                    made_by: None,
                    span,
                });
            }
        }
        let members = node.field("body").map(class_members).unwrap_or_default();
        let mut constants = self.constants.clone();
        for m in &members {
            if matches!(m.kind(), "field_declaration" | "constant_declaration") {
                let ty = m.field("type").and_then(|t| type_name(&self.cx, t));
                // Interface fields are implicitly final.
                let is_final = m.kind() == "constant_declaration"
                    || named_children(*m)
                        .iter()
                        .filter(|c| c.kind() == "modifiers")
                        .any(|c| {
                            let mut cursor = c.walk();
                            c.children(&mut cursor).any(|k| k.kind() == "final")
                        });
                let mut cursor = m.walk();
                for d in m.children_by_field_name("declarator", &mut cursor) {
                    if let Some(n) = d.field("name") {
                        let field = self.cx.text(n).to_string();
                        if is_final
                            && let Some(text) = d
                                .field("value")
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
            }
        }
        let names = fields.iter().map(|f| f.name.clone()).collect();
        // Members see the class's fields, not the locals around a local class.
        let outer_locals = std::mem::take(&mut self.locals);
        let outer_constants = std::mem::replace(&mut self.constants, constants);
        self.classes.push(name.clone());
        self.class_body(&name, &members, names, components);
        self.classes.pop();
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

    /// Lowers the members of a class (or anonymous class) body: its field
    /// initializers first, so that what they assign to `this.<field>` is
    /// known to the methods, then its methods and nested classes.
    pub(super) fn class_body(
        &mut self,
        name: &str,
        members: &[Node],
        field_names: Vec<String>,
        components: Option<Node>,
    ) {
        let outer_fields = std::mem::replace(&mut self.fields, field_names);
        let outer_class = self.cx.class.replace(name.to_string());
        nested(self, |lw| {
            lw.field_initializers(name, members);
            lw.member_functions(name, members, components);
        });
        self.cx.class = outer_class;
        self.fields = outer_fields;
    }

    /// Field initializers and initializer blocks become one function of the
    /// class, [`FunctionName::FieldInitializers`].
    fn field_initializers(&mut self, class: &str, members: &[Node]) {
        let mut inits = Vec::new();
        for m in members {
            match m.kind() {
                "field_declaration" | "constant_declaration" => self.field_inits(*m, &mut inits),
                "block" | "static_initializer" => {
                    self.statement(*m, &mut inits);
                    self.cx.flush(&mut inits);
                }
                _ => {}
            }
        }
        let at = members.first().map(|m| span(*m)).unwrap_or_default();
        self.cx.hoist_field_initializers(class, inits, at);
    }

    /// Methods, constructors, enum constant bodies and nested classes.
    /// `components` are a record's, the parameters of its compact
    /// constructor.
    fn member_functions(&mut self, class: &str, members: &[Node], components: Option<Node>) {
        for m in members {
            match m.kind() {
                "method_declaration" | "constructor_declaration" => {
                    self.function(*m, None);
                }
                "compact_constructor_declaration" => {
                    self.function(*m, components);
                }
                "enum_constant" => {
                    if let Some(body) = m.field("body") {
                        let inner = class_members(body);
                        let names = self.fields.clone();
                        self.class_body(class, &inner, names, None);
                    }
                }
                "class_declaration"
                | "interface_declaration"
                | "enum_declaration"
                | "record_declaration"
                | "annotation_type_declaration" => self.class(*m),
                _ => {}
            }
        }
    }

    /// `private Logger log = LoggerFactory.getLogger(X.class);` assigns
    /// `this.log`.
    fn field_inits(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            let (Some(n), Some(v)) = (d.field("name"), d.field("value")) else {
                continue;
            };
            let value = self.expr(v);
            let target = Expr::new(
                ExprKind::Member {
                    object: Box::new(Expr::new(ExprKind::Name("this".into()), span(n))),
                    property: self.cx.text(n).to_string(),
                },
                span(n),
            );
            self.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Place(target),
                    ty: ty.clone(),
                    value: Some(value),
                    span: span(d),
                },
            );
        }
    }

    /// Hoists a method or constructor. `components` are a record's
    /// components, the parameters of its compact constructor.
    pub(super) fn function(&mut self, node: Node, components: Option<Node>) -> Expr {
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let name = FunctionName::Named(name);
        let decorators = self
            .annotation_names(node)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let mut params = components.map(|c| self.parameters(c)).unwrap_or_default();
        if let Some(ps) = node.field("parameters") {
            params.extend(self.parameters(ps));
        }
        let mark = self.locals.len();
        let (params, body) = nested(self, |lw| {
            let mut body = Vec::new();
            let params = lw.bind_params(params, &mut body);
            if let Some(b) = node.field("body") {
                lw.statement(b, &mut body);
            }
            lw.cx.flush(&mut body);
            (params, body)
        });
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
    /// names a request key (`@RequestParam("phone") String p`) is named by
    /// that key, and the body starts with `p = phone` so both names carry it.
    pub(super) fn bind_params(&mut self, params: Vec<JParam>, body: &mut Vec<Stmt>) -> Vec<Param> {
        let mut out = Vec::with_capacity(params.len());
        for JParam {
            mut name,
            ty,
            annotations,
            span,
            key,
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
            out.push(Param::named(name, ty, annotations, span));
        }
        out
    }

    /// Formal parameters, each with the request key its annotation names.
    pub(super) fn parameters(&mut self, node: Node) -> Vec<JParam> {
        let mut params = Vec::new();
        for p in named_children(node) {
            let (name, ty) = match p.kind() {
                "formal_parameter" => (p.field("name"), p.field("type")),
                "spread_parameter" => {
                    let children = named_children(p);
                    let ty = children
                        .iter()
                        .find(|c| !matches!(c.kind(), "modifiers" | "variable_declarator"))
                        .copied();
                    let name = children
                        .iter()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.field("name"));
                    (name, ty)
                }
                "identifier" => (Some(p), None),
                _ => (None, None),
            };
            let Some(name) = name else { continue };
            let mut annotations = Vec::new();
            let mut key = None;
            for (a, node) in self.annotation_names(p) {
                if key.is_none() {
                    key = annotation_key(&self.cx, node);
                }
                annotations.push(a);
            }
            params.push(JParam {
                name: self.cx.text(name).to_string(),
                ty: ty.and_then(|t| type_name(&self.cx, t)),
                annotations,
                span: span(p),
                key,
            });
        }
        params
    }

    /// The annotation names on a declaration (from its `modifiers` child).
    fn annotation_names<'t>(&self, owner: Node<'t>) -> Vec<(String, Node<'t>)> {
        let mut out = Vec::new();
        for m in named_children(owner) {
            if m.kind() != "modifiers" {
                continue;
            }
            for a in named_children(m) {
                if matches!(a.kind(), "annotation" | "marker_annotation")
                    && let Some(n) = a.field("name")
                {
                    let name: String = self.cx.text(n).split_whitespace().collect();
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
            "string_literal"
                if named_children(node)
                    .iter()
                    .all(|c| c.kind() != "string_interpolation") =>
            {
                Some(string_content(self.cx.text(node)))
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

/// A request key given as an annotation's only string argument, or as its
/// `value`/`name` element: `@RequestParam("phone")`, `@RequestParam(name = "phone")`.
fn annotation_key(cx: &Ctx, annotation: Node) -> Option<String> {
    let args = annotation.field("arguments")?;
    let mut key = None;
    for a in named_children(args) {
        let literal = match a.kind() {
            "string_literal" => Some(a),
            "element_value_pair" => a
                .field("key")
                .filter(|k| matches!(cx.text(*k), "value" | "name"))
                .and_then(|_| a.field("value"))
                .filter(|v| v.kind() == "string_literal"),
            _ => None,
        };
        if let Some(l) = literal {
            key = Some(unquote(cx.text(l)));
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
