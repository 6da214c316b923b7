//! Java front-end (tree-sitter-java).
//!
//! Classes, interfaces, records and enums become [`Class`]es with typed
//! fields; field initializers and initializer blocks form one function of
//! the class, [`FunctionName::FieldInitializers`], that assigns
//! `this.<field>`. Methods, constructors and lambdas are hoisted with their
//! parameter annotations (`RequestBody`, `RequestParam`) and method
//! annotations (`PostMapping`) as written, without `@` and arguments. A
//! parameter whose annotation names a request key
//! (`@RequestParam("phone") String p`) is named by the key, and its body
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
//!
//! This module lowers statements; [`classes`] lowers declarations and their
//! members, [`expressions`] expressions.
//!
//! [`Class`]: crate::ir::Class
//! [`FunctionName::FieldInitializers`]: crate::ir::FunctionName::FieldInitializers

mod classes;
mod expressions;

use crate::frontend::fields::Fields;
use tree_sitter::{Node, Tree};

use super::tree::{Ctx, base_type, named_children, span, unquote};
use crate::ir::{Expr, ExprKind, FileIr, Import, Span, Stmt, Target};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
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
    lw.cx.ir
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

impl<'s> Lower<'s> {
    /// Adds the expression `node` to `out` as a statement.
    fn push_expr(&mut self, out: &mut Vec<Stmt>, node: Node) {
        let e = self.expr(node);
        self.cx.push(out, Stmt::Expr(e));
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
                if let Some(c) = node.field("condition") {
                    self.push_expr(out, c);
                }
                for field in ["consequence", "alternative"] {
                    if let Some(b) = node.field(field) {
                        self.scoped(b, out);
                    }
                }
            }
            "while_statement" | "do_statement" => {
                if let Some(c) = node.field("condition") {
                    self.push_expr(out, c);
                }
                if let Some(b) = node.field("body") {
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
                if let Some(c) = node.field("condition") {
                    self.push_expr(out, c);
                }
                if let Some(b) = node.field("body") {
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
                let value = node.field("value").map(|v| self.expr(v));
                if let Some(n) = node.field("name") {
                    let name = self.cx.text(n).to_string();
                    let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
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
                if let Some(b) = node.field("body") {
                    self.scoped(b, out);
                }
                self.locals.truncate(mark);
            }
            "try_statement" | "try_with_resources_statement" => {
                let mark = self.locals.len();
                if let Some(r) = node.field("resources") {
                    for res in named_children(r) {
                        self.resource(res, out);
                    }
                }
                if let Some(b) = node.field("body") {
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
                if let Some(c) = node.field("condition") {
                    self.push_expr(out, c);
                }
                if let Some(body) = node.field("body") {
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
                    if let Some(n) = child.field("name") {
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
        match (node.field("name"), node.field("value")) {
            (Some(n), value) => {
                let value = value.map(|v| self.expr(v));
                let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
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
        let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
        let mut cursor = node.walk();
        let declarators: Vec<Node> = node
            .children_by_field_name("declarator", &mut cursor)
            .collect();
        for d in declarators {
            let Some(n) = d.field("name") else {
                continue;
            };
            let value = d.field("value").map(|v| self.expr(v));
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
        let left = node.field("left")?;
        let op = node
            .field("operator")
            .map(|o| self.cx.text(o))
            .unwrap_or("=");
        let value = node.field("right").map(|r| self.expr(r));
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
        let Some(path) = children
            .iter()
            .find(|c| matches!(c.kind(), "scoped_identifier" | "identifier"))
        else {
            return;
        };
        let path: String = self.cx.text(*path).split_whitespace().collect();
        if children.iter().any(|c| c.kind() == "asterisk") {
            // `import static a.B.*` brings in members, not classes.
            if !children.iter().any(|c| c.kind() == "static") {
                self.cx.ir.wildcard_imports.push(path);
            }
            return;
        }
        let local = path.rsplit('.').next().unwrap_or(&path).to_string();
        self.cx.ir.imports.push(Import { local, path });
    }
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FrontendError, lower};
    use crate::ir::FileIr;
    use crate::language::Language;

    fn lower_java(src: &str) -> Result<FileIr, FrontendError> {
        lower(Language::Java, std::path::Path::new("X.java"), src)
    }

    fn ir(src: &str) -> FileIr {
        lower_java(src).expect("java lowers")
    }

    #[test]
    fn deep_nesting_is_cut_with_a_notice() {
        // Deeper than lowering goes, shallower than the parse guard.
        let depth = 900;
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
            let _ = lower_java(junk).expect("never fails on junk");
        }
    }
}
