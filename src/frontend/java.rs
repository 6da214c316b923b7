//! Java front-end (tree-sitter-java).
//!
//! Classes, interfaces, records and enums become [`Class`]es with typed
//! fields; field initializers and initializer blocks form one function of
//! the class, [`FunctionName::FieldInitializers`], that assigns
//! `this.<field>`. Methods, constructors
//! and lambdas are hoisted with their parameter annotations (`RequestBody`,
//! `RequestParam`) and method annotations (`PostMapping`) as written,
//! without `@` and arguments. A parameter whose annotation names a request
//! key (`@RequestParam("phone") String p`) is named by the key, and its body
//! starts with `p = phone`.
//!
//! Java lets a method name a field of its class without `this.`; such bare
//! names are lowered as `this.<field>` so that they resolve through the
//! class field like explicit `this.<field>` does. Locals and parameters
//! shadow fields, as in Java.
//!
//! A `final` field initialized with a string literal (or literals joined by
//! `+`) is a constant: where the class or a class nested in it names it
//! (`MESSAGES_URL`, `this.MESSAGES_URL`, `SmsClient.MESSAGES_URL`), it is
//! lowered as the string, so that URLs, SQL and keys kept in constants are
//! known at the call that uses them.

use tree_sitter::Node;

use super::FrontendError;
use super::tree::{Ctx, base_type, named_children, nested, parse, span, unquote};
use crate::ir::{
    Anonymous, Arg, Class, Expr, ExprKind, Field, FileIr, Function, FunctionName, Import, Param,
    Span, Stmt, Target,
};

pub fn lower(source: &str) -> Result<FileIr, FrontendError> {
    let tree = parse(tree_sitter_java::LANGUAGE.into(), source)?;
    let root = tree.root_node();
    let mut lw = Lower {
        cx: Ctx::new(source),
        locals: Vec::new(),
        fields: Vec::new(),
        constants: Vec::new(),
        classes: Vec::new(),
    };
    lw.cx.note_syntax_errors(root);
    let mut top = Vec::new();
    for child in named_children(root) {
        lw.statement(child, &mut top);
    }
    lw.cx.flush(&mut top);
    lw.cx.ir.module = top;
    Ok(lw.cx.ir)
}

struct Lower<'s> {
    cx: Ctx<'s>,
    /// Locals and parameters visible at this point, innermost last.
    locals: Vec<String>,
    /// Field names of the class whose body is being lowered.
    fields: Vec<String>,
    /// String constants visible in the class being lowered (its own and its
    /// enclosing classes'), innermost last.
    constants: Vec<(String, String)>,
    /// Names of the classes being lowered, innermost last.
    classes: Vec<String>,
}

impl<'s> AsMut<Ctx<'s>> for Lower<'s> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        &mut self.cx
    }
}

/// A parameter as written, and the request key an annotation gives it.
struct JParam {
    name: String,
    ty: Option<String>,
    annotations: Vec<String>,
    span: Span,
    key: Option<String>,
}

/// The dotted type name a declaration's type node stands for, or `None`
/// for `var` (inferred).
fn type_name(cx: &Ctx, node: Node) -> Option<String> {
    let node = match node.kind() {
        // `@NonNull String` is a `String`.
        "annotated_type" => named_children(node)
            .into_iter()
            .rfind(|c| !c.kind().ends_with("annotation"))
            .unwrap_or(node),
        _ => node,
    };
    let text: String = cx.text(node).split_whitespace().collect();
    let t = base_type(&text);
    (!t.is_empty() && t != "var").then_some(t)
}

/// Builds `Name(a)`, `Member(Name(a), b)`, ... from a dotted name.
fn dotted(path: &str, sp: Span) -> Expr {
    let mut parts = path.split('.').filter(|p| !p.is_empty());
    let first = parts.next().unwrap_or("");
    let mut e = Expr::new(ExprKind::Name(first.to_string()), sp);
    for p in parts {
        e = Expr::new(
            ExprKind::Member {
                object: Box::new(e),
                property: p.to_string(),
            },
            sp,
        );
    }
    e
}

/// A request key given as an annotation's only string argument, or as its
/// `value`/`name` element: `@RequestParam("phone")`, `@RequestParam(name = "phone")`.
fn annotation_key(cx: &Ctx, annotation: Node) -> Option<String> {
    let args = annotation.child_by_field_name("arguments")?;
    let mut key = None;
    for a in named_children(args) {
        let literal = match a.kind() {
            "string_literal" => Some(a),
            "element_value_pair" => a
                .child_by_field_name("key")
                .filter(|k| matches!(cx.text(*k), "value" | "name"))
                .and_then(|_| a.child_by_field_name("value"))
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

impl<'s> Lower<'s> {
    /// Adds the expression `node` to `out` as a statement.
    fn push_expr(&mut self, out: &mut Vec<Stmt>, node: Node) {
        let e = self.expr(node);
        self.cx.push(out, Stmt::Expr(e));
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
                    && let Some(n) = a.child_by_field_name("name")
                {
                    let name: String = self.cx.text(n).split_whitespace().collect();
                    out.push((name, a));
                }
            }
        }
        out
    }

    fn statements(&mut self, node: Node, out: &mut Vec<Stmt>) {
        for child in named_children(node) {
            self.statement(child, out);
        }
    }

    /// Lowers `node`'s statements in a scope of their own.
    fn scoped(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let mark = self.locals.len();
        self.statement(node, out);
        self.locals.truncate(mark);
    }

    fn statement(&mut self, node: Node, out: &mut Vec<Stmt>) {
        if !self.cx.enter() {
            return;
        }
        self.statement_inner(node, out);
        self.cx.leave();
    }

    fn statement_inner(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match node.kind() {
            "expression_statement" => {
                for child in named_children(node) {
                    if child.kind() == "assignment_expression" {
                        self.assignment(child, out);
                    } else {
                        self.push_expr(out, child);
                    }
                }
            }
            "local_variable_declaration" => self.declaration(node, out),
            "return_statement" => {
                let value = named_children(node).first().map(|c| self.expr(*c));
                self.cx.push(out, Stmt::Return(value, span(node)));
            }
            "throw_statement" | "assert_statement" | "yield_statement" => {
                let children = named_children(node)
                    .into_iter()
                    .map(|c| self.expr(c))
                    .collect();
                self.cx
                    .push(out, Stmt::Expr(Expr::opaque(children, span(node))));
            }
            "if_statement" => {
                if let Some(c) = node.child_by_field_name("condition") {
                    self.push_expr(out, c);
                }
                for field in ["consequence", "alternative"] {
                    if let Some(b) = node.child_by_field_name(field) {
                        self.scoped(b, out);
                    }
                }
            }
            "while_statement" | "do_statement" => {
                if let Some(c) = node.child_by_field_name("condition") {
                    self.push_expr(out, c);
                }
                if let Some(b) = node.child_by_field_name("body") {
                    self.scoped(b, out);
                }
            }
            "for_statement" => {
                let mark = self.locals.len();
                let mut cursor = node.walk();
                let inits: Vec<Node> = node.children_by_field_name("init", &mut cursor).collect();
                for init in inits {
                    if init.kind() == "local_variable_declaration" {
                        self.declaration(init, out);
                    } else if init.kind() == "assignment_expression" {
                        self.assignment(init, out);
                    } else {
                        self.push_expr(out, init);
                    }
                }
                if let Some(c) = node.child_by_field_name("condition") {
                    self.push_expr(out, c);
                }
                if let Some(b) = node.child_by_field_name("body") {
                    self.scoped(b, out);
                }
                let mut cursor = node.walk();
                let updates: Vec<Node> =
                    node.children_by_field_name("update", &mut cursor).collect();
                for u in updates {
                    if u.kind() == "assignment_expression" {
                        self.assignment(u, out);
                    } else {
                        self.push_expr(out, u);
                    }
                }
                self.locals.truncate(mark);
            }
            "enhanced_for_statement" => {
                let mark = self.locals.len();
                // `for (User u : users)` binds u to the elements of users.
                let value = node.child_by_field_name("value").map(|v| self.expr(v));
                if let Some(n) = node.child_by_field_name("name") {
                    let name = self.cx.text(n).to_string();
                    let ty = node
                        .child_by_field_name("type")
                        .and_then(|t| type_name(&self.cx, t));
                    self.locals.push(name.clone());
                    let target = Target::Place(Expr::new(ExprKind::Name(name), span(n)));
                    self.cx.push(
                        out,
                        Stmt::Assign {
                            target,
                            ty,
                            value,
                            span: span(node),
                        },
                    );
                }
                if let Some(b) = node.child_by_field_name("body") {
                    self.scoped(b, out);
                }
                self.locals.truncate(mark);
            }
            "try_statement" | "try_with_resources_statement" => {
                let mark = self.locals.len();
                if let Some(r) = node.child_by_field_name("resources") {
                    for res in named_children(r) {
                        self.resource(res, out);
                    }
                }
                if let Some(b) = node.child_by_field_name("body") {
                    self.scoped(b, out);
                }
                self.locals.truncate(mark);
                for child in named_children(node) {
                    match child.kind() {
                        "catch_clause" => self.catch_clause(child, out),
                        "finally_clause" => self.scoped(child, out),
                        _ => {}
                    }
                }
            }
            "switch_expression" => {
                if let Some(c) = node.child_by_field_name("condition") {
                    self.push_expr(out, c);
                }
                if let Some(body) = node.child_by_field_name("body") {
                    self.switch_body(body, out);
                }
            }
            "block" | "finally_clause" | "static_initializer" | "constructor_body" => {
                let mark = self.locals.len();
                self.statements(node, out);
                self.locals.truncate(mark);
            }
            "labeled_statement" | "synchronized_statement" | "program" => {
                self.statements(node, out);
            }
            "parenthesized_expression" => self.push_expr(out, node),
            "explicit_constructor_invocation" => {
                let e = self.explicit_constructor(node);
                self.cx.push(out, Stmt::Expr(e));
            }
            "class_declaration"
            | "interface_declaration"
            | "enum_declaration"
            | "record_declaration"
            | "annotation_type_declaration" => self.class(node),
            "method_declaration" | "constructor_declaration" => {
                self.function(node, None);
            }
            "import_declaration" => self.import(node),
            _ => {}
        }
    }

    fn switch_body(&mut self, body: Node, out: &mut Vec<Stmt>) {
        let mark = self.locals.len();
        for group in named_children(body) {
            for child in named_children(group) {
                if child.kind() == "switch_label" {
                    // Case constants carry no data; patterns bind nothing we track.
                    continue;
                }
                self.statement(child, out);
            }
        }
        self.locals.truncate(mark);
    }

    fn catch_clause(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let mark = self.locals.len();
        for child in named_children(node) {
            match child.kind() {
                "catch_formal_parameter" => {
                    if let Some(n) = child.child_by_field_name("name") {
                        let name = self.cx.text(n).to_string();
                        let ty = named_children(child)
                            .into_iter()
                            .find(|c| c.kind() == "catch_type")
                            .and_then(|t| named_children(t).first().copied())
                            .and_then(|t| type_name(&self.cx, t));
                        self.locals.push(name.clone());
                        out.push(Stmt::Assign {
                            target: Target::Place(Expr::new(ExprKind::Name(name), span(n))),
                            ty,
                            value: None,
                            span: span(child),
                        });
                    }
                }
                "block" => self.statement(child, out),
                _ => {}
            }
        }
        self.locals.truncate(mark);
    }

    fn resource(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match (
            node.child_by_field_name("name"),
            node.child_by_field_name("value"),
        ) {
            (Some(n), value) => {
                let value = value.map(|v| self.expr(v));
                let ty = node
                    .child_by_field_name("type")
                    .and_then(|t| type_name(&self.cx, t));
                let name = self.cx.text(n).to_string();
                self.locals.push(name.clone());
                self.cx.push(
                    out,
                    Stmt::Assign {
                        target: Target::Place(Expr::new(ExprKind::Name(name), span(n))),
                        ty,
                        value,
                        span: span(node),
                    },
                );
            }
            // `try (existing)`: a reference to a variable or field.
            (None, _) => {
                for c in named_children(node) {
                    self.push_expr(out, c);
                }
            }
        }
    }

    /// `Type a = x, b;` declares each name with the type.
    fn declaration(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let ty = node
            .child_by_field_name("type")
            .and_then(|t| type_name(&self.cx, t));
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            let Some(n) = d.child_by_field_name("name") else {
                continue;
            };
            let value = d.child_by_field_name("value").map(|v| self.expr(v));
            let name = self.cx.text(n).to_string();
            self.locals.push(name.clone());
            self.cx.push(
                out,
                Stmt::Assign {
                    target: Target::Place(Expr::new(ExprKind::Name(name), span(n))),
                    ty: ty.clone(),
                    value,
                    span: span(d),
                },
            );
        }
    }

    /// An assignment in statement position: `a = b`, `a += b`, `a = b = c`.
    fn assignment(&mut self, node: Node, out: &mut Vec<Stmt>) {
        if let Some(stmt) = self.assignment_stmt(node) {
            self.cx.push(out, stmt);
        }
    }

    fn assignment_stmt(&mut self, node: Node) -> Option<Stmt> {
        let left = node.child_by_field_name("left")?;
        let op = node
            .child_by_field_name("operator")
            .map(|o| self.cx.text(o))
            .unwrap_or("=");
        let value = node.child_by_field_name("right").map(|r| self.expr(r));
        let target = self.expr(left);
        let value = match (op, value) {
            ("=", v) => v,
            // `s += x` keeps what s had and appends x.
            ("+=", Some(v)) => Some(Expr::new(
                ExprKind::Format(vec![target.clone(), v]),
                span(node),
            )),
            (_, Some(v)) => Some(Expr::opaque(vec![target.clone(), v], span(node))),
            (_, None) => None,
        };
        Some(Stmt::Assign {
            target: Target::Place(target),
            ty: None,
            value,
            span: span(node),
        })
    }

    fn import(&mut self, node: Node) {
        let children = named_children(node);
        if children.iter().any(|c| c.kind() == "asterisk") {
            return;
        }
        let Some(path) = children
            .iter()
            .find(|c| matches!(c.kind(), "scoped_identifier" | "identifier"))
        else {
            return;
        };
        let path: String = self.cx.text(*path).split_whitespace().collect();
        let local = path.rsplit('.').next().unwrap_or(&path).to_string();
        self.cx.ir.imports.push(Import { local, path });
    }

    fn class(&mut self, node: Node) {
        if !self.cx.enter() {
            return;
        }
        let name = node
            .child_by_field_name("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let mut fields = Vec::new();
        // Record components are the record's fields.
        let components = node
            .child_by_field_name("parameters")
            .filter(|_| node.kind() == "record_declaration");
        if let Some(ps) = components {
            for JParam { name, ty, span, .. } in self.parameters(ps) {
                fields.push(Field { name, ty, span });
            }
        }
        let members = node
            .child_by_field_name("body")
            .map(class_members)
            .unwrap_or_default();
        let mut constants = self.constants.clone();
        for m in &members {
            if matches!(m.kind(), "field_declaration" | "constant_declaration") {
                let ty = m
                    .child_by_field_name("type")
                    .and_then(|t| type_name(&self.cx, t));
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
                    if let Some(n) = d.child_by_field_name("name") {
                        let field = self.cx.text(n).to_string();
                        if is_final
                            && let Some(text) = d
                                .child_by_field_name("value")
                                .and_then(|v| self.constant_text(v, &constants))
                        {
                            constants.push((field.clone(), text));
                        }
                        fields.push(Field {
                            name: field,
                            ty: ty.clone(),
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
            name,
            fields,
            span: span(node),
        });
        self.cx.leave();
    }

    /// Lowers the members of a class (or anonymous class) body: its field
    /// initializers first, so that what they assign to `this.<field>` is
    /// known to the methods, then its methods and nested classes.
    fn class_body(
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
        if !inits.is_empty() {
            self.cx.hoist(Function {
                name: FunctionName::FieldInitializers,
                class: Some(class.to_string()),
                params: Vec::new(),
                decorators: Vec::new(),
                body: inits,
                span: members.first().map(|m| span(*m)).unwrap_or_default(),
            });
        }
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
                    if let Some(body) = m.child_by_field_name("body") {
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
        let ty = node
            .child_by_field_name("type")
            .and_then(|t| type_name(&self.cx, t));
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            let (Some(n), Some(v)) = (
                d.child_by_field_name("name"),
                d.child_by_field_name("value"),
            ) else {
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
    fn function(&mut self, node: Node, components: Option<Node>) -> Expr {
        let name = node
            .child_by_field_name("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let name = FunctionName::Named(name);
        let decorators = self
            .annotation_names(node)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        let mut params = components.map(|c| self.parameters(c)).unwrap_or_default();
        if let Some(ps) = node.child_by_field_name("parameters") {
            params.extend(self.parameters(ps));
        }
        let mark = self.locals.len();
        let (params, body) = nested(self, |lw| {
            let mut body = Vec::new();
            let params = lw.bind_params(params, &mut body);
            if let Some(b) = node.child_by_field_name("body") {
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
    fn bind_params(&mut self, params: Vec<JParam>, body: &mut Vec<Stmt>) -> Vec<Param> {
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
    fn parameters(&mut self, node: Node) -> Vec<JParam> {
        let mut params = Vec::new();
        for p in named_children(node) {
            let (name, ty) = match p.kind() {
                "formal_parameter" => {
                    (p.child_by_field_name("name"), p.child_by_field_name("type"))
                }
                "spread_parameter" => {
                    let children = named_children(p);
                    let ty = children
                        .iter()
                        .find(|c| !matches!(c.kind(), "modifiers" | "variable_declarator"))
                        .copied();
                    let name = children
                        .iter()
                        .find(|c| c.kind() == "variable_declarator")
                        .and_then(|d| d.child_by_field_name("name"));
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

    fn explicit_constructor(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let callee = node
            .child_by_field_name("constructor")
            .map(|c| self.cx.text(c).to_string())
            .unwrap_or_else(|| "super".into());
        let args = node
            .child_by_field_name("arguments")
            .map(|a| self.arguments(a))
            .unwrap_or_default();
        Expr::new(
            ExprKind::Call {
                callee: Box::new(Expr::new(ExprKind::Name(callee), sp)),
                args,
                construct: false,
            },
            sp,
        )
    }

    fn arguments(&mut self, node: Node) -> Vec<Arg> {
        named_children(node)
            .into_iter()
            .map(|c| Arg::positional(self.expr(c)))
            .collect()
    }

    fn expr(&mut self, node: Node) -> Expr {
        if !self.cx.enter() {
            return Expr::opaque(Vec::new(), span(node));
        }
        let e = self.expr_inner(node);
        self.cx.leave();
        e
    }

    fn children_exprs(&mut self, node: Node) -> Vec<Expr> {
        named_children(node)
            .into_iter()
            .map(|c| self.expr(c))
            .collect()
    }

    /// The value of a string constant visible here.
    fn constant(&self, name: &str) -> Option<&str> {
        self.constants
            .iter()
            .rfind(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
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
                let operands = super::tree::plus_chain(node, self.cx.src)?;
                operands
                    .into_iter()
                    .map(|o| self.constant_text(o, known))
                    .collect()
            }
            _ => None,
        }
    }

    /// A bare name: a local, a field of this class (`this.<name>`), or
    /// something outside (a class, an inherited or Lombok-made field).
    fn name_ref(&self, name: &str, sp: Span) -> Expr {
        let is_local = self.locals.iter().any(|l| l == name);
        if !is_local && let Some(text) = self.constant(name) {
            return Expr::new(ExprKind::Str(text.to_string()), sp);
        }
        let is_field = !is_local && self.fields.iter().any(|f| f == name);
        let n = Expr::new(ExprKind::Name(name.to_string()), sp);
        if is_field {
            Expr::new(
                ExprKind::Member {
                    object: Box::new(Expr::new(ExprKind::Name("this".into()), sp)),
                    property: name.to_string(),
                },
                sp,
            )
        } else {
            n
        }
    }

    fn expr_inner(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let kind = match node.kind() {
            "identifier" => return self.name_ref(self.cx.text(node), sp),
            "this" | "super" => ExprKind::Name(node.kind().to_string()),
            "field_access" => return self.field_access(node),
            "method_invocation" => return self.invocation(node),
            "object_creation_expression" => return self.creation(node),
            "array_access" => {
                let object = node.child_by_field_name("array").map(|o| self.expr(o));
                let index = node.child_by_field_name("index").map(|i| self.expr(i));
                match (object, index) {
                    (Some(o), Some(i)) => ExprKind::Index {
                        object: Box::new(o),
                        index: Box::new(i),
                    },
                    (o, i) => ExprKind::Opaque(o.into_iter().chain(i).collect()),
                }
            }
            "string_literal" => self.string(node),
            "template_expression" => {
                let parts = node
                    .child_by_field_name("template_argument")
                    .map(|t| vec![Expr::new(self.string(t), span(t))])
                    .unwrap_or_default();
                ExprKind::Format(parts)
            }
            "binary_expression" => return self.binary(node),
            "ternary_expression" => {
                let cond = node.child_by_field_name("condition").map(|c| self.expr(c));
                let mut parts = Vec::new();
                for field in ["consequence", "alternative"] {
                    if let Some(b) = node.child_by_field_name(field) {
                        parts.push(self.expr(b));
                    }
                }
                // The value is one of the branches, never the condition.
                parts.push(Expr::opaque(cond.into_iter().collect(), sp));
                ExprKind::Either(parts)
            }
            "cast_expression" => {
                return match node.child_by_field_name("value") {
                    Some(v) => self.expr(v),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "parenthesized_expression" => {
                return match named_children(node).first() {
                    Some(inner) => self.expr(*inner),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "assignment_expression" => {
                // Used as a value: the assignment runs first, the value is the target.
                return match self.assignment_stmt(node) {
                    Some(stmt) => {
                        let value = match &stmt {
                            Stmt::Assign {
                                target: Target::Place(t),
                                ..
                            } => t.clone(),
                            _ => Expr::opaque(Vec::new(), sp),
                        };
                        self.cx.emit(stmt);
                        value
                    }
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "lambda_expression" => return self.lambda(node),
            "method_reference" => {
                // `System.out::println`: the method, as a member of its owner.
                let children = named_children(node);
                match (children.first(), children.last()) {
                    (Some(o), Some(m)) if children.len() >= 2 && m.kind() == "identifier" => {
                        let object = if o.kind() == "identifier" {
                            Expr::new(ExprKind::Name(self.cx.text(*o).to_string()), span(*o))
                        } else {
                            self.expr(*o)
                        };
                        ExprKind::Member {
                            object: Box::new(object),
                            property: self.cx.text(*m).to_string(),
                        }
                    }
                    _ => ExprKind::Opaque(Vec::new()),
                }
            }
            "array_creation_expression" => match node.child_by_field_name("value") {
                Some(v) => return self.expr(v),
                None => ExprKind::Opaque(Vec::new()),
            },
            "array_initializer" | "element_value_array_initializer" => {
                ExprKind::Array(self.children_exprs(node))
            }
            "switch_expression" => return self.switch_value(node),
            "instanceof_expression" => {
                let left = node.child_by_field_name("left").map(|l| self.expr(l));
                // `o instanceof User u` binds u to o.
                if let (Some(l), Some(n)) = (&left, node.child_by_field_name("name")) {
                    let name = self.cx.text(n).to_string();
                    let ty = node
                        .child_by_field_name("right")
                        .and_then(|t| type_name(&self.cx, t));
                    self.locals.push(name.clone());
                    self.cx.emit(Stmt::Assign {
                        target: Target::Place(Expr::new(ExprKind::Name(name), span(n))),
                        ty,
                        value: Some(l.clone()),
                        span: sp,
                    });
                }
                ExprKind::Opaque(left.into_iter().collect())
            }
            "class_literal"
            | "true"
            | "false"
            | "null_literal"
            | "character_literal"
            | "decimal_integer_literal"
            | "hex_integer_literal"
            | "octal_integer_literal"
            | "binary_integer_literal"
            | "decimal_floating_point_literal"
            | "hex_floating_point_literal" => ExprKind::Literal,
            _ => ExprKind::Opaque(self.children_exprs(node)),
        };
        Expr::new(kind, sp)
    }

    fn field_access(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let field = node.child_by_field_name("field");
        // `Outer.this` is this object.
        if field.is_some_and(|f| f.kind() == "this") {
            return Expr::new(ExprKind::Name("this".into()), sp);
        }
        // `this.URL`, `SmsClient.URL`: a constant of this or an enclosing class.
        if let (Some(o), Some(f)) = (node.child_by_field_name("object"), field) {
            let owner = self.cx.text(o);
            let own = owner == "this"
                || (o.kind() == "identifier"
                    && !self.locals.iter().any(|l| l == owner)
                    && self.classes.iter().any(|c| c == owner));
            if own && let Some(text) = self.constant(self.cx.text(f)) {
                return Expr::new(ExprKind::Str(text.to_string()), sp);
            }
        }
        let object = node.child_by_field_name("object").map(|o| self.expr(o));
        match (object, field) {
            (Some(o), Some(f)) => Expr::new(
                ExprKind::Member {
                    object: Box::new(o),
                    property: self.cx.text(f).to_string(),
                },
                sp,
            ),
            _ => Expr::opaque(Vec::new(), sp),
        }
    }

    fn invocation(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let name = node
            .child_by_field_name("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let callee = match node.child_by_field_name("object") {
            Some(o) => {
                let object = self.expr(o);
                Expr::new(
                    ExprKind::Member {
                        object: Box::new(object),
                        property: name,
                    },
                    sp,
                )
            }
            None => Expr::new(ExprKind::Name(name), sp),
        };
        let args = node
            .child_by_field_name("arguments")
            .map(|a| self.arguments(a))
            .unwrap_or_default();
        Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                construct: false,
            },
            sp,
        )
    }

    /// `new Foo(a)` constructs `Foo`; an anonymous class body's methods are
    /// hoisted as methods of `Foo`.
    fn creation(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let ty = node
            .child_by_field_name("type")
            .and_then(|t| type_name(&self.cx, t))
            .unwrap_or_default();
        let args = node
            .child_by_field_name("arguments")
            .map(|a| self.arguments(a))
            .unwrap_or_default();
        if let Some(body) = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "class_body")
        {
            let members = class_members(body);
            let short = ty.rsplit('.').next().unwrap_or(&ty).to_string();
            // An anonymous class sees the enclosing locals (captured) and,
            // for lack of its supertype's fields, the enclosing fields.
            let fields = self.fields.clone();
            let mark = self.locals.len();
            self.class_body(&short, &members, fields, None);
            self.locals.truncate(mark);
        }
        Expr::new(
            ExprKind::Call {
                callee: Box::new(dotted(&ty, sp)),
                args,
                construct: true,
            },
            sp,
        )
    }

    fn lambda(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let params = match node.child_by_field_name("parameters") {
            Some(p) if p.kind() == "identifier" => vec![JParam {
                name: self.cx.text(p).to_string(),
                ty: None,
                annotations: Vec::new(),
                span: span(p),
                key: None,
            }],
            Some(p) => self.parameters(p),
            None => Vec::new(),
        };
        let mark = self.locals.len();
        let (params, body) = nested(self, |lw| {
            let mut body = Vec::new();
            let params = lw.bind_params(params, &mut body);
            match node.child_by_field_name("body") {
                Some(b) if b.kind() == "block" => lw.statement(b, &mut body),
                Some(b) => {
                    let e = lw.expr(b);
                    lw.cx.push(&mut body, Stmt::Return(Some(e), span(b)));
                }
                None => {}
            }
            lw.cx.flush(&mut body);
            (params, body)
        });
        self.locals.truncate(mark);
        let class = self.cx.class.clone();
        self.cx.hoist(Function {
            name: FunctionName::Anonymous(Anonymous::Lambda),
            class,
            params,
            decorators: Vec::new(),
            body,
            span: sp,
        })
    }

    /// `switch` used as a value: one of the arms' values. Statements in
    /// arms run before the enclosing statement.
    fn switch_value(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let mut parts = Vec::new();
        let cond = node.child_by_field_name("condition").map(|c| self.expr(c));
        if let Some(body) = node.child_by_field_name("body") {
            for group in named_children(body) {
                for child in named_children(group) {
                    match child.kind() {
                        "switch_label" => {}
                        "expression_statement" => {
                            if let Some(e) = named_children(child).first() {
                                parts.push(self.expr(*e));
                            }
                        }
                        "yield_statement" => {
                            if let Some(e) = named_children(child).first() {
                                parts.push(self.expr(*e));
                            }
                        }
                        _ => {
                            let mut out = Vec::new();
                            self.statement(child, &mut out);
                            // Yields inside blocks were lowered as opaque
                            // statements; their calls still run.
                            for stmt in out {
                                self.cx.emit(stmt);
                            }
                        }
                    }
                }
            }
        }
        parts.push(Expr::opaque(cond.into_iter().collect(), sp));
        Expr::new(ExprKind::Either(parts), sp)
    }

    /// `a + b + c` is one string-building expression; the chain is walked
    /// without recursion so long concatenations cost no stack.
    fn binary(&mut self, node: Node) -> Expr {
        let sp = span(node);
        match super::tree::plus_chain(node, self.cx.src) {
            Some(operands) => {
                let parts = operands.into_iter().map(|o| self.expr(o)).collect();
                Expr::new(ExprKind::Format(parts), sp)
            }
            None => {
                let parts = self.children_exprs(node);
                Expr::opaque(parts, sp)
            }
        }
    }

    fn string(&mut self, node: Node) -> ExprKind {
        let interpolations: Vec<Node> = named_children(node)
            .into_iter()
            .filter(|c| c.kind() == "string_interpolation")
            .collect();
        if interpolations.is_empty() {
            return ExprKind::Str(string_content(self.cx.text(node)));
        }
        let mut parts = Vec::new();
        for c in named_children(node) {
            match c.kind() {
                "string_interpolation" => {
                    if let Some(e) = named_children(c).first() {
                        parts.push(self.expr(*e));
                    }
                }
                _ => parts.push(Expr::new(
                    ExprKind::Str(self.cx.text(c).to_string()),
                    span(c),
                )),
            }
        }
        ExprKind::Format(parts)
    }
}

/// The content of a string literal or text block, without the quotes.
fn string_content(literal: &str) -> String {
    if let Some(inner) = literal
        .strip_prefix("\"\"\"")
        .and_then(|r| r.strip_suffix("\"\"\""))
    {
        // A text block starts after the line break that follows `"""`.
        return inner
            .split_once('\n')
            .map(|(_, rest)| rest)
            .unwrap_or(inner)
            .to_string();
    }
    unquote(literal)
}

/// The member declarations of a class, interface, enum or record body.
fn class_members(body: Node) -> Vec<Node> {
    let mut out = Vec::new();
    for m in named_children(body) {
        if m.kind() == "enum_body_declarations" {
            out.extend(named_children(m));
        } else {
            out.push(m);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::lower;
    use crate::frontend::test_support::{assigned, func, param_name, path};
    use crate::ir::{Expr, ExprKind, FileIr, FunctionName, Stmt};

    fn ir(src: &str) -> FileIr {
        lower(src).expect("java lowers")
    }

    fn call_of(stmt: &Stmt) -> (&Expr, &[crate::ir::Arg], bool) {
        let e = match stmt {
            Stmt::Expr(e) | Stmt::Return(Some(e), _) => e,
            other => panic!("not an expression: {other:?}"),
        };
        match &e.kind {
            ExprKind::Call {
                callee,
                args,
                construct,
            } => (callee, args, *construct),
            other => panic!("not a call: {other:?}"),
        }
    }

    #[test]
    fn imports_keep_full_paths_and_skip_wildcards() {
        let ir =
            ir("import org.slf4j.Logger;\nimport static com.x.Util.mask;\nimport java.util.*;\n");
        let got: Vec<(&str, &str)> = ir
            .imports
            .iter()
            .map(|i| (i.local.as_str(), i.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [("Logger", "org.slf4j.Logger"), ("mask", "com.x.Util.mask")]
        );
    }

    #[test]
    fn fields_and_their_initializers() {
        let ir = ir(r#"
            class UserService {
                private static final Logger log = LoggerFactory.getLogger(UserService.class);
                private final Map<String, User> cache = new HashMap<>();
                int a, b = 2;
            }
            record Signup(String email, @NotNull String phone) {}
            enum Kind { A, B; private final String label = "x"; }
        "#);
        let service = ir.classes.iter().find(|c| c.name == "UserService").unwrap();
        let fields: Vec<(&str, Option<&str>)> = service
            .fields
            .iter()
            .map(|f| (f.name.as_str(), f.ty.as_deref()))
            .collect();
        assert_eq!(
            fields,
            [
                ("log", Some("Logger")),
                ("cache", Some("Map")),
                ("a", Some("int")),
                ("b", Some("int"))
            ]
        );
        let record = ir.classes.iter().find(|c| c.name == "Signup").unwrap();
        let names: Vec<&str> = record.fields.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["email", "phone"]);
        assert_eq!(record.fields[1].ty.as_deref(), Some("String"));
        assert!(ir.classes.iter().any(|c| c.name == "Kind"));

        // Initializers run in `<fields>` of the class, assigning `this.<field>`.
        assert!(ir.module.is_empty());
        let inits = ir
            .functions
            .iter()
            .find(|f| {
                f.name == FunctionName::FieldInitializers
                    && f.class.as_deref() == Some("UserService")
            })
            .unwrap();
        let (target, ty, value) = assigned(&inits.body[0]);
        assert_eq!(target, "this.log");
        assert_eq!(ty, Some("Logger"));
        assert_eq!(path(value.unwrap()), "LoggerFactory.getLogger()");
        let (target, _, value) = assigned(&inits.body[1]);
        assert_eq!(target, "this.cache");
        assert!(matches!(
            value.unwrap().kind,
            ExprKind::Call {
                construct: true,
                ..
            }
        ));
        assert_eq!(inits.body.len(), 3, "a has no initializer");
    }

    #[test]
    fn methods_params_annotations_and_decorators() {
        let ir = ir(r#"
            @RestController
            class C {
                @PostMapping("/x")
                @Transactional
                public R signup(@Valid @RequestBody SignupRequest req,
                                @RequestParam("phone") String p,
                                @RequestParam(name = "email", required = false) String e,
                                @RequestParam String name,
                                @PathVariable("id") Long id,
                                List<String>... rest) {
                    return null;
                }
                C(Logger log) { this.log = log; }
            }
        "#);
        let f = func(&ir, "signup");
        assert_eq!(f.class.as_deref(), Some("C"));
        assert_eq!(f.decorators, ["PostMapping", "Transactional"]);
        let params: Vec<(&str, Option<&str>, Vec<&str>)> = f
            .params
            .iter()
            .map(|p| {
                (
                    param_name(p),
                    p.ty.as_deref(),
                    p.annotations.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            params,
            [
                ("req", Some("SignupRequest"), vec!["Valid", "RequestBody"]),
                ("phone", Some("String"), vec!["RequestParam"]),
                ("email", Some("String"), vec!["RequestParam"]),
                ("name", Some("String"), vec!["RequestParam"]),
                ("id", Some("Long"), vec!["PathVariable"]),
                ("rest", Some("List"), vec![]),
            ]
        );
        // The Java names are bound to the request keys at the body start.
        let (target, ty, value) = assigned(&f.body[0]);
        assert_eq!((target.as_str(), ty), ("p", Some("String")));
        assert_eq!(path(value.unwrap()), "phone");
        let (target, _, value) = assigned(&f.body[1]);
        assert_eq!(target, "e");
        assert_eq!(path(value.unwrap()), "email");
        let ctor = func(&ir, "C");
        assert_eq!(ctor.params[0].ty.as_deref(), Some("Logger"));
        let (target, _, value) = assigned(&ctor.body[0]);
        assert_eq!(target, "this.log");
        assert_eq!(path(value.unwrap()), "log");
    }

    #[test]
    fn bare_fields_are_this_members_unless_shadowed() {
        let ir = ir(r#"
            class S {
                private Logger log;
                private UserRepository repo;
                void a(User u) { log.info(u.getEmail()); repo.save(u); }
                void b(Logger log) { log.info("x"); }
                void c() { Logger log = other(); log.info("y"); helper(); }
                void d() { for (String repo : list) { repo.trim(); } repo.flush(); }
            }
        "#);
        let a = func(&ir, "a");
        assert_eq!(path(call_of(&a.body[0]).0), "this.log.info");
        assert_eq!(path(call_of(&a.body[1]).0), "this.repo.save");
        let (callee, args, _) = call_of(&a.body[0]);
        assert_eq!(path(callee), "this.log.info");
        assert_eq!(path(&args[0].value), "u.getEmail()");
        let b = func(&ir, "b");
        assert_eq!(path(call_of(&b.body[0]).0), "log.info");
        let c = func(&ir, "c");
        assert_eq!(path(call_of(&c.body[1]).0), "log.info");
        assert_eq!(path(call_of(&c.body[2]).0), "helper");
        let d = func(&ir, "d");
        assert_eq!(path(call_of(&d.body[1]).0), "repo.trim");
        assert_eq!(path(call_of(&d.body[2]).0), "this.repo.flush");
    }

    #[test]
    fn typed_locals_loops_and_expression_assignments() {
        let ir = ir(r#"
            class S {
                void m(List<User> users, BufferedReader r) throws Exception {
                    Logger log = LoggerFactory.getLogger("x");
                    var client = new OkHttpClient.Builder().build();
                    HttpServletRequest req;
                    for (User u : users) { log.info(u.getEmail()); }
                    String line;
                    while ((line = r.readLine()) != null) { log.info(line); }
                    try (FileWriter fw = new FileWriter("f")) { fw.write(line); }
                    catch (IOException e) { log.error("x", e); }
                }
            }
        "#);
        let m = func(&ir, "m");
        let (t, ty, v) = assigned(&m.body[0]);
        assert_eq!((t.as_str(), ty), ("log", Some("Logger")));
        assert_eq!(path(v.unwrap()), "LoggerFactory.getLogger()");
        let (t, ty, v) = assigned(&m.body[1]);
        assert_eq!((t.as_str(), ty), ("client", None));
        assert_eq!(path(v.unwrap()), "OkHttpClient.Builder().build()");
        let (t, ty, v) = assigned(&m.body[2]);
        assert_eq!(
            (t.as_str(), ty, v.is_none()),
            ("req", Some("HttpServletRequest"), true)
        );
        let (t, ty, v) = assigned(&m.body[3]);
        assert_eq!((t.as_str(), ty), ("u", Some("User")));
        assert_eq!(path(v.unwrap()), "users");
        // `(line = r.readLine()) != null` assigns before the condition.
        let (t, _, v) = assigned(&m.body[6]);
        assert_eq!(t, "line");
        assert_eq!(path(v.unwrap()), "r.readLine()");
        assert!(matches!(m.body[7], Stmt::Expr(_)));
        let (t, ty, _) = assigned(&m.body[9]);
        assert_eq!((t.as_str(), ty), ("fw", Some("FileWriter")));
        let (t, ty, v) = assigned(&m.body[11]);
        assert_eq!(
            (t.as_str(), ty, v.is_none()),
            ("e", Some("IOException"), true)
        );
    }

    #[test]
    fn expressions() {
        let ir = ir(r#"
            class S {
                Object m(User u, boolean c, String[] xs) {
                    log.info("a " + u.getEmail() + " b" + 1);
                    Object o = c ? u.getPhone() : (String) xs[0];
                    Object n = new com.x.Foo<Bar>(u.email, this.name);
                    String t = """
                        hi
                        """;
                    return String.format("%s", u);
                }
            }
        "#);
        let m = func(&ir, "m");
        let (_, args, _) = call_of(&m.body[0]);
        let ExprKind::Format(parts) = &args[0].value.kind else {
            panic!("concatenation is a format");
        };
        assert_eq!(parts.len(), 4);
        assert_eq!(parts[0].as_str(), Some("a "));
        assert_eq!(path(&parts[1]), "u.getEmail()");
        let (_, _, v) = assigned(&m.body[1]);
        let ExprKind::Either(branches) = &v.unwrap().kind else {
            panic!("ternary is either");
        };
        assert_eq!(path(&branches[0]), "u.getPhone()");
        assert!(matches!(branches[1].kind, ExprKind::Index { .. }));
        let (_, _, v) = assigned(&m.body[2]);
        let ExprKind::Call {
            callee,
            args,
            construct,
        } = &v.unwrap().kind
        else {
            panic!("new is a call");
        };
        assert!(construct);
        assert_eq!(path(callee), "com.x.Foo");
        assert_eq!(path(&args[0].value), "u.email");
        assert_eq!(path(&args[1].value), "this.name");
        let (_, _, v) = assigned(&m.body[3]);
        assert_eq!(v.unwrap().as_str().map(str::trim), Some("hi"));
        assert_eq!(path(call_of(&m.body[4]).0), "String.format");
    }

    #[test]
    fn lambdas_and_anonymous_classes_are_hoisted() {
        let ir = ir(r#"
            class S {
                private Logger log;
                void m(List<User> users, String phone) {
                    users.forEach(u -> log.info(u.getEmail()));
                    users.forEach((User u) -> { log.info(phone); });
                    executor.submit(new Runnable() { public void run() { log.info(phone); } });
                }
            }
        "#);
        let m = func(&ir, "m");
        let (_, args, _) = call_of(&m.body[0]);
        let ExprKind::Function(i) = args[0].value.kind else {
            panic!("lambda is hoisted");
        };
        let lambda = &ir.functions[i];
        assert_eq!(lambda.class.as_deref(), Some("S"));
        assert_eq!(param_name(&lambda.params[0]), "u");
        assert_eq!(path(call_of(&lambda.body[0]).0), "this.log.info");
        let (_, args, _) = call_of(&m.body[1]);
        let ExprKind::Function(i) = args[0].value.kind else {
            panic!("lambda is hoisted");
        };
        assert_eq!(ir.functions[i].params[0].ty.as_deref(), Some("User"));
        // The anonymous class's method sees the captured parameter.
        let run = func(&ir, "run");
        assert_eq!(run.class.as_deref(), Some("Runnable"));
        let (callee, args, _) = call_of(&run.body[0]);
        assert_eq!(path(callee), "this.log.info");
        assert_eq!(path(&args[0].value), "phone");
    }

    #[test]
    fn string_constants_are_inlined_where_named() {
        let ir = ir(r#"
            class C {
                private static final String HOST = "https://api.example.com";
                static final String URL = HOST + "/v1/" + "send";
                private String mutable = "x";
                interface Keys { String PHONE = "phone"; }
                void m(String HOST) {
                    post(URL, this.URL, C.URL, HOST, mutable, Keys.PHONE);
                }
                class Inner { void n() { post(URL); } }
            }
        "#);
        let m = func(&ir, "m");
        let (_, args, _) = call_of(&m.body[0]);
        let strs: Vec<Option<&str>> = args.iter().map(|a| a.value.as_str()).collect();
        let url = Some("https://api.example.com/v1/send");
        // A parameter shadows the constant; a non-final field is no constant;
        // another class's constant is left to that class.
        assert_eq!(strs[..3], [url, url, url]);
        assert_eq!(path(&args[3].value), "HOST");
        assert_eq!(path(&args[4].value), "this.mutable");
        assert_eq!(path(&args[5].value), "Keys.PHONE");
        let n = func(&ir, "n");
        assert_eq!(call_of(&n.body[0]).1[0].value.as_str(), url);
    }

    #[test]
    fn deep_nesting_is_cut_with_a_notice() {
        let depth = 100_000;
        let src = format!(
            "class A {{ void m() {{ x = {}y{}; }} }}",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        let ir = ir(&src);
        assert!(ir.notices.iter().any(|n| n.contains("nesting")));
        let blocks = format!(
            "class A {{ void m() {{ {} log.info(x); {} }} }}",
            "{".repeat(depth),
            "}".repeat(depth)
        );
        assert!(!ir_notices(&blocks).is_empty());
        let classes = format!("{} {}", "class A {".repeat(depth), "}".repeat(depth));
        assert!(!ir_notices(&classes).is_empty());
        let lambdas = format!(
            "class A {{ void m() {{ f({}x{}); }} }}",
            "() -> g(".repeat(depth),
            ")".repeat(depth)
        );
        assert!(!ir_notices(&lambdas).is_empty());
    }

    fn ir_notices(src: &str) -> Vec<String> {
        ir(src).notices
    }

    #[test]
    fn syntax_errors_are_noticed_not_fatal() {
        let ir = ir("class A { void m( { log.info(email) ; } int = ; }");
        assert!(ir.notices.iter().any(|n| n.contains("syntax error")));
        for junk in [
            "",
            "}}}}",
            "class",
            "@@@ ((( \"unterminated",
            "\u{0}\u{1}\u{fffd}",
        ] {
            let _ = lower(junk).expect("never fails on junk");
        }
    }
}
