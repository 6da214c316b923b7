//! C# front-end (tree-sitter-c-sharp): ASP.NET Core code.
//!
//! Classes, records, structs and interfaces become [`Class`]es whose fields
//! are the declared fields and properties (`public string Email { get; set; }`)
//! with their types, and a record's or class's primary-constructor
//! parameters (`record SignupDto(string Email)`, `class Svc(ILogger<Svc> log)`).
//! Field and property initializers form one function of the class,
//! [`FunctionName::FieldInitializers`], that assigns `this.<field>`.
//! Methods, constructors, local functions and lambdas are hoisted with the
//! attributes on them (`HttpPost`) and on their parameters (`FromBody`,
//! `FromQuery`) as decorators and annotations, named as written without
//! arguments; an attribute that names a request key
//! (`[FromQuery(Name = "ref")] string r`) names the parameter, whose body
//! starts with `r = ref`.
//!
//! As in Java, a bare name in a member may be a field or property of its
//! class and is lowered as `this.<field>`; locals and parameters shadow
//! fields. A `const` or `static readonly` string field initialized with a
//! literal is a constant, lowered as the string where its class names it.
//!
//! `using X.Y;` imports a namespace whole (a wildcard import), `using A =
//! X.Y;` binds `A`, and `using static` brings in members (not followed).
//! Namespaces (file-scoped too) only group declarations.
//!
//! `a?.b` is `a.b` and `a ?? b` either value; an object initializer (`new
//! User { Email = e }`) is an object argument of the construction, whose
//! keys are the type's fields; an anonymous object (`new { Email = e }`) an
//! object; interpolated strings (`$"..{e}"`) string building; a pattern's
//! bindings (`is User { Email: var e } u`) assignments of what they take
//! apart; a LINQ query the value it selects, with its range variables bound
//! to the elements of their sources.
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

use super::tree::{Ctx, base_type, named_children, span};
use crate::ir::{Expr, ExprKind, FileIr, Import, Span, Stmt, Target};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
    let root = tree.root_node();
    let mut lw = Lower {
        cx: Ctx::new(source),
        locals: Vec::new(),
        fields: Vec::new(),
        constants: Vec::new(),
        classes: Vec::new(),
        bindings: Vec::new(),
    };
    lw.cx.note_syntax_errors(root);
    let mut top = Vec::new();
    lw.statements(root, &mut top);
    lw.cx.flush(&mut top);
    lw.cx.ir.module = top;
    lw.cx.ir
}

struct Lower<'s> {
    cx: Ctx<'s>,
    /// Locals and parameters visible at this point, innermost last.
    locals: Vec<String>,
    /// Field and property names of the class whose body is being lowered.
    fields: Vec<String>,
    /// String constants visible in the class being lowered (its own and its
    /// enclosing classes'), innermost last.
    constants: Vec<(String, String)>,
    /// Names of the classes being lowered, innermost last.
    classes: Vec<String>,
    /// The objects of the `?.` accesses being lowered, innermost last: what
    /// `.b` of `a?.b` is a member of.
    bindings: Vec<Expr>,
}

impl<'s> AsMut<Ctx<'s>> for Lower<'s> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        &mut self.cx
    }
}

/// A parameter as written, and the request key an attribute gives it.
struct CsParam {
    name: String,
    ty: Option<String>,
    annotations: Vec<String>,
    span: Span,
    key: Option<String>,
    rest: bool,
}

/// The dotted type name a type node stands for, without generics, nullable
/// marks and array ranks, or `None` for `var` (inferred).
fn type_name(cx: &Ctx, node: Node) -> Option<String> {
    let node = match node.kind() {
        "nullable_type" | "ref_type" | "scoped_type" | "array_type" | "pointer_type" => node
            .field("type")
            .or_else(|| named_children(node).first().copied())
            .unwrap_or(node),
        _ => node,
    };
    if node.kind() == "implicit_type" {
        return None;
    }
    let text: String = cx.text(node).split_whitespace().collect();
    let text = text.strip_prefix("global::").unwrap_or(&text);
    let t = base_type(text.trim_end_matches('?'));
    (!t.is_empty() && t != "var").then_some(t)
}

/// The content of a string literal of any form, without quotes and
/// prefixes: `"a\n"`, `@"C:\x"`, `"""raw"""`, `u8` suffixes.
fn string_content(cx: &Ctx, node: Node) -> String {
    match node.kind() {
        "verbatim_string_literal" => {
            let t = cx.text(node);
            let t = t.strip_suffix("u8").unwrap_or(t);
            t.trim_start_matches('@')
                .trim_start_matches('"')
                .strip_suffix('"')
                .unwrap_or("")
                .replace("\"\"", "\"")
        }
        _ => {
            let mut out = String::new();
            for c in named_children(node) {
                match c.kind() {
                    "string_literal_content" | "raw_string_content" => out.push_str(cx.text(c)),
                    "escape_sequence" => out.push_str(&super::tree::unescape(cx.text(c), '{')),
                    _ => {}
                }
            }
            out
        }
    }
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

    /// Binds `name` (a new local) to `value`.
    fn bind(&mut self, name: Node, ty: Option<String>, value: Option<Expr>, sp: Span) -> Stmt {
        let local = self.cx.text(name).to_string();
        self.locals.push(local.clone());
        Stmt::Assign {
            target: Target::Place(Expr::new(ExprKind::Name(local), span(name))),
            ty,
            value,
            span: sp,
        }
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
            "local_declaration_statement" | "variable_declaration" => self.declaration(node, out),
            "return_statement" | "yield_statement" => {
                let value = named_children(node).first().map(|c| self.expr(*c));
                self.cx.push(out, Stmt::Return(value, span(node)));
            }
            "throw_statement" => {
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
                let inits: Vec<Node> = node
                    .children_by_field_name("initializer", &mut cursor)
                    .filter(|n| n.is_named())
                    .collect();
                for init in inits {
                    self.statement_part(init, out);
                }
                if let Some(c) = node.field("condition") {
                    self.push_expr(out, c);
                }
                if let Some(b) = node.field("body") {
                    self.scoped(b, out);
                }
                let mut cursor = node.walk();
                let updates: Vec<Node> = node
                    .children_by_field_name("update", &mut cursor)
                    .filter(|n| n.is_named())
                    .collect();
                for u in updates {
                    self.statement_part(u, out);
                }
                self.locals.truncate(mark);
            }
            "foreach_statement" => {
                let mark = self.locals.len();
                // `foreach (var u in users)` binds u to the elements of users.
                let value = node.field("right").map(|v| self.expr(v));
                let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
                match node.field("left") {
                    Some(l) if l.kind() == "identifier" => {
                        let stmt = self.bind(l, ty, value, span(node));
                        self.cx.push(out, stmt);
                    }
                    Some(l) => {
                        let names: Vec<Node> = named_children(l)
                            .into_iter()
                            .filter_map(|c| match c.kind() {
                                "identifier" => Some(c),
                                _ => c.field("name"),
                            })
                            .collect();
                        let locals = names
                            .iter()
                            .map(|n| (None, self.cx.text(*n).to_string()))
                            .collect::<Vec<_>>();
                        self.locals.extend(locals.iter().map(|(_, n)| n.clone()));
                        self.cx.push(
                            out,
                            Stmt::Assign {
                                target: Target::Destructure(locals),
                                ty: None,
                                value,
                                span: span(node),
                            },
                        );
                    }
                    None => {}
                }
                if let Some(b) = node.field("body") {
                    self.scoped(b, out);
                }
                self.locals.truncate(mark);
            }
            "try_statement" => {
                for child in named_children(node) {
                    match child.kind() {
                        "block" => self.scoped(child, out),
                        "catch_clause" => self.catch_clause(child, out),
                        "finally_clause" => self.scoped(child, out),
                        _ => {}
                    }
                }
            }
            "using_statement" | "fixed_statement" => {
                let mark = self.locals.len();
                for child in named_children(node) {
                    match child.kind() {
                        "variable_declaration" => self.declaration(child, out),
                        _ if Some(child) == node.field("body") => self.statement(child, out),
                        _ if child.kind().ends_with("statement") || child.kind() == "block" => {
                            self.statement(child, out)
                        }
                        _ => self.push_expr(out, child),
                    }
                }
                self.locals.truncate(mark);
            }
            "lock_statement" => {
                for child in named_children(node) {
                    if child.kind().ends_with("statement") || child.kind() == "block" {
                        self.scoped(child, out);
                    } else {
                        self.push_expr(out, child);
                    }
                }
            }
            "switch_statement" => {
                if let Some(v) = node.field("value") {
                    self.push_expr(out, v);
                }
                if let Some(body) = node.field("body") {
                    let mark = self.locals.len();
                    for section in named_children(body) {
                        for child in named_children(section) {
                            // Case labels and patterns carry no data.
                            if child.kind().ends_with("statement") || child.kind() == "block" {
                                self.statement(child, out);
                            }
                        }
                    }
                    self.locals.truncate(mark);
                }
            }
            "block" | "finally_clause" | "checked_statement" | "unsafe_statement" => {
                let mark = self.locals.len();
                self.statements(node, out);
                self.locals.truncate(mark);
            }
            "labeled_statement" | "global_statement" | "compilation_unit" | "declaration_list"
            | "preproc_if" | "preproc_elif" | "preproc_else" => self.statements(node, out),
            "namespace_declaration" => {
                if let Some(b) = node.field("body") {
                    self.statements(b, out);
                }
            }
            "local_function_statement" => {
                let f = self.function(node);
                if let Some(n) = node.field("name") {
                    let stmt = self.bind(n, None, Some(f), span(node));
                    self.cx.push(out, stmt);
                }
            }
            "class_declaration"
            | "struct_declaration"
            | "interface_declaration"
            | "record_declaration"
            | "enum_declaration" => self.class(node),
            "using_directive" => self.using(node),
            // Statements at the top of a file (top-level programs) run in
            // order; methods outside a class are not C#.
            _ => {}
        }
    }

    /// A `for` initializer or update: a declaration, an assignment or an
    /// expression.
    fn statement_part(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match node.kind() {
            "variable_declaration" => self.declaration(node, out),
            "assignment_expression" => self.assignment(node, out),
            _ => self.push_expr(out, node),
        }
    }

    fn catch_clause(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let mark = self.locals.len();
        for child in named_children(node) {
            match child.kind() {
                "catch_declaration" => {
                    if let Some(n) = child.field("name") {
                        let ty = child.field("type").and_then(|t| type_name(&self.cx, t));
                        let stmt = self.bind(n, ty, None, span(child));
                        out.push(stmt);
                    }
                }
                "catch_filter_clause" => self.push_expr(out, child),
                "block" => self.statement(child, out),
                _ => {}
            }
        }
        self.locals.truncate(mark);
    }

    /// `Type a = x, b;` declares each name with the type; `var (a, b) = t;`
    /// takes a tuple apart.
    fn declaration(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let decl = if node.kind() == "variable_declaration" {
            node
        } else {
            match named_children(node)
                .into_iter()
                .find(|c| c.kind() == "variable_declaration")
            {
                Some(d) => d,
                None => return,
            }
        };
        let ty = decl.field("type").and_then(|t| type_name(&self.cx, t));
        for d in named_children(decl) {
            if d.kind() != "variable_declarator" {
                continue;
            }
            let name = d.field("name");
            let value = named_children(d)
                .into_iter()
                .rfind(|c| Some(*c) != name && c.kind() != "bracketed_argument_list")
                .filter(|c| c.kind() != "tuple_pattern");
            let value = value.map(|v| self.expr(v));
            match name {
                Some(n) => {
                    let stmt = self.bind(n, ty.clone(), value, span(d));
                    self.cx.push(out, stmt);
                }
                None => {
                    // `var (email, phone) = pair;`
                    let names: Vec<String> = named_children(d)
                        .into_iter()
                        .filter(|c| c.kind() == "tuple_pattern")
                        .flat_map(named_children)
                        .filter(|c| c.kind() == "identifier")
                        .map(|c| self.cx.text(c).to_string())
                        .collect();
                    self.locals.extend(names.iter().cloned());
                    self.cx.push(
                        out,
                        Stmt::Assign {
                            target: Target::Destructure(
                                names.into_iter().map(|n| (None, n)).collect(),
                            ),
                            ty: None,
                            value,
                            span: span(d),
                        },
                    );
                }
            }
        }
    }

    /// An assignment in statement position: `a = b`, `a += b`, `a ??= b`.
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
        let sp = span(node);
        if left.kind() == "tuple_expression" {
            // `(a, b) = (x, y)`: each name from its position.
            let names: Vec<(Option<String>, String)> = named_children(left)
                .into_iter()
                .filter_map(|a| named_children(a).into_iter().next())
                .map(|n| match n.kind() {
                    "declaration_expression" => n.field("name").unwrap_or(n),
                    _ => n,
                })
                .filter(|n| n.kind() == "identifier")
                .map(|n| (None, self.cx.text(n).to_string()))
                .collect();
            return Some(Stmt::Assign {
                target: Target::Destructure(names),
                ty: None,
                value,
                span: sp,
            });
        }
        let target = self.expr(left);
        let value = match (op, value) {
            ("=", v) => v,
            // `s += x` keeps what s had and appends x.
            ("+=", Some(v)) => Some(Expr::new(ExprKind::Format(vec![target.clone(), v]), sp)),
            // `s ??= x` keeps s or takes x.
            ("??=", Some(v)) => Some(Expr::new(ExprKind::Either(vec![target.clone(), v]), sp)),
            (_, Some(v)) => Some(Expr::opaque(vec![target.clone(), v], sp)),
            (_, None) => None,
        };
        Some(Stmt::Assign {
            target: Target::Place(target),
            ty: None,
            value,
            span: sp,
        })
    }

    /// `using X.Y;` imports the namespace whole; `using A = X.Y;` binds A;
    /// `using static X.Y;` brings in members, which are not followed.
    fn using(&mut self, node: Node) {
        let mut cursor = node.walk();
        let is_static = node.children(&mut cursor).any(|c| c.kind() == "static");
        let alias = node.field("name");
        let Some(path) = named_children(node).into_iter().rfind(|c| {
            Some(*c) != alias
                && matches!(
                    c.kind(),
                    "identifier" | "qualified_name" | "alias_qualified_name" | "generic_name"
                )
        }) else {
            return;
        };
        let written: String = self.cx.text(path).split_whitespace().collect();
        let path = base_type(written.strip_prefix("global::").unwrap_or(&written));
        match alias {
            Some(a) => self.cx.ir.imports.push(Import {
                local: self.cx.text(a).to_string(),
                path,
            }),
            None if !is_static => self.cx.ir.wildcard_imports.push(path),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FrontendError, lower};
    use crate::ir::FileIr;
    use crate::language::Language;
    use crate::scan::on_scan_stack;

    fn lower_cs(src: &str) -> Result<FileIr, FrontendError> {
        lower(Language::CSharp, std::path::Path::new("X.cs"), src)
    }

    fn ir(src: &str) -> FileIr {
        lower_cs(src).expect("c# lowers")
    }

    #[test]
    fn deep_nesting_is_cut_with_a_notice() {
        on_scan_stack(|| {
            // Deeper than lowering goes, shallower than the parse guard.
            let depth = 900;
            let parens = format!(
                "class A {{ void M() {{ x = {}y{}; }} }}",
                "(".repeat(depth),
                ")".repeat(depth)
            );
            assert!(ir(&parens).notices.iter().any(|n| n.contains("nesting")));
            let blocks = format!(
                "class A {{ void M() {{ {} _log.LogInformation(x); {} }} }}",
                "{".repeat(depth),
                "}".repeat(depth)
            );
            assert!(!ir(&blocks).notices.is_empty());
            let classes = format!("{} {}", "class A {".repeat(depth), "}".repeat(depth));
            assert!(!ir(&classes).notices.is_empty());
            let lambdas = format!(
                "class A {{ void M() {{ F({}x{}); }} }}",
                "() => G(".repeat(depth),
                ")".repeat(depth)
            );
            assert!(!ir(&lambdas).notices.is_empty());
            // Nesting without brackets: `if` after `if`, and `?.` chains.
            let ifs = format!(
                "class A {{ void M() {{ {} F(x); }} }}",
                "if (a) ".repeat(depth)
            );
            assert!(!ir(&ifs).notices.is_empty());
            let chain = format!("class A {{ void M() {{ x{}; }} }}", "?.b".repeat(depth * 4));
            let _ = ir(&chain);
        });
    }

    #[test]
    fn syntax_errors_are_noticed_not_fatal() {
        let ir = ir("class A { void M( { _logger.LogInformation(email) ; } int = ; }");
        assert!(ir.notices.iter().any(|n| n.contains("syntax error")));
        for junk in [
            "",
            "}}}}",
            "class",
            "@@@ ((( \"unterminated",
            "$\"{{{",
            "\u{0}\u{1}\u{fffd}",
            "namespace;",
        ] {
            let _ = lower_cs(junk).expect("never fails on junk");
        }
    }
}
