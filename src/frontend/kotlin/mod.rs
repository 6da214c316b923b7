//! Kotlin front-end (tree-sitter-kotlin-ng).
//!
//! Classes, interfaces, data classes, `object` singletons and enums become
//! [`Class`]es with typed fields: the primary constructor's `val`/`var`
//! parameters and the properties of the body. A companion object's members
//! are members of its class (`User.create()`, `TAG`). The primary
//! constructor is a function named after the class that sets its fields
//! from its parameters; property initializers and `init` blocks form one
//! function of the class, [`FunctionName::FieldInitializers`], as in Java.
//!
//! Kotlin lets a method name a property of its class without `this.`; such
//! bare names are lowered as `this.<field>`, and a `const val` or a `val`
//! holding a string literal is lowered as its text where the class, its
//! companion or the file names it (`TAG`, `BASE_URL`).
//!
//! Lambdas are lowered in place, where they are written, rather than
//! hoisted: the standard scope functions (`let`, `also`, `apply`, `run`,
//! `with`, ...) and most trailing lambdas (`forEach`, `launch`,
//! `withContext`) run their body right there, and it reads the enclosing
//! locals. A lambda's parameter (`it` when none is declared) holds the
//! object the call is made on. In a lambda whose receiver is an object
//! (`apply`, `run`, `with`, and the `edit { }` of preferences), bare calls
//! and names that are not the class's own are members of that object.
//!
//! This module lowers statements and imports; [`declarations`] lowers
//! classes, properties, functions and parameters, [`expressions`]
//! expressions.
//!
//! [`Class`]: crate::ir::Class
//! [`FunctionName::FieldInitializers`]: crate::ir::FunctionName::FieldInitializers

mod declarations;
mod expressions;

use crate::frontend::fields::Fields;
use tree_sitter::{Node, Tree};

use super::tree::{Ctx, base_type, named_children, span};
use crate::ir::{Expr, ExprKind, FileIr, Import, Stmt, Target};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
    let root = tree.root_node();
    let mut lw = Lower {
        cx: Ctx::new(source),
        locals: Vec::new(),
        fields: Vec::new(),
        constants: Vec::new(),
        classes: Vec::new(),
        methods: Vec::new(),
        receivers: Vec::new(),
        receiver_count: 0,
    };
    lw.cx.note_syntax_errors(root);
    // Top-level functions and constants are visible in the whole file.
    let top_level = named_children(root);
    lw.methods = declarations::function_names(&lw.cx, &top_level);
    lw.constants = lw.constants_of(&top_level, &[]);
    let mut top = Vec::new();
    for child in top_level {
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
    /// String constants visible here (the file's, the class's and its
    /// companion's), innermost last.
    constants: Vec<(String, String)>,
    /// Names of the classes being lowered, innermost last.
    classes: Vec<String>,
    /// Names of the functions of the class being lowered and of the file:
    /// a bare call of one of them in an `apply { }` block is the class's
    /// own, not the receiver's.
    methods: Vec<String>,
    /// The objects of the receiver lambdas (`apply`, `with`) being
    /// lowered, innermost last.
    receivers: Vec<Expr>,
    /// Receivers bound to a variable of their own so far, to name the next.
    receiver_count: usize,
}

impl<'s> AsMut<Ctx<'s>> for Lower<'s> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        &mut self.cx
    }
}

/// The dotted type name a type node stands for: `String?` is a `String`,
/// `List<User>` a `List`, `@Valid Form` a `Form`.
fn type_name(cx: &Ctx, node: Node) -> Option<String> {
    let node = match node.kind() {
        "nullable_type" | "non_nullable_type" | "parenthesized_type" => {
            return named_children(node)
                .into_iter()
                .find(|c| c.kind() != "type_modifiers")
                .and_then(|c| type_name(cx, c));
        }
        "user_type" | "identifier" | "qualified_identifier" => node,
        _ => return None,
    };
    let text: String = cx.text(node).split_whitespace().collect();
    let t = base_type(&text);
    (!t.is_empty()).then_some(t)
}

/// The first child of `node` that is a type.
fn type_child<'t>(node: Node<'t>) -> Option<Node<'t>> {
    named_children(node).into_iter().find(|c| {
        matches!(
            c.kind(),
            "user_type" | "nullable_type" | "non_nullable_type" | "parenthesized_type"
        )
    })
}

/// The operator of a binary-like node: its first unnamed child that is not
/// punctuation around the operands.
fn operator<'t>(node: Node<'t>) -> Option<&'static str> {
    let mut cursor = node.walk();
    node.children(&mut cursor)
        .find(|c| !c.is_named())
        .map(|c| c.kind())
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
            "import" => self.import(node),
            "package_header" | "file_annotation" | "shebang" | "type_alias" | "label" => {}
            "class_declaration" | "object_declaration" => self.class(node),
            "function_declaration" => {
                self.function(node);
            }
            "property_declaration" => self.property(node, out),
            "assignment" => {
                if let Some(stmt) = self.assignment_stmt(node) {
                    self.cx.push(out, stmt);
                }
            }
            "block" | "statements" => {
                let mark = self.locals.len();
                self.statements(node, out);
                self.locals.truncate(mark);
            }
            "for_statement" => self.for_statement(node, out),
            "while_statement" | "do_while_statement" => {
                for child in named_children(node) {
                    if child.kind() == "block" {
                        self.scoped(child, out);
                    } else {
                        self.statement(child, out);
                    }
                }
            }
            "return_expression" => {
                let label = node.field("label");
                let value = named_children(node)
                    .into_iter()
                    .find(|c| label != Some(*c))
                    .map(|c| self.expr(c));
                match (label, value) {
                    // `return@let x` leaves a lambda lowered in place, not
                    // the function.
                    (Some(_), Some(v)) => self.cx.push(out, Stmt::Expr(v)),
                    (Some(_), None) => {}
                    (None, value) => self.cx.push(out, Stmt::Return(value, span(node))),
                }
            }
            // `if`, `when` and `try` as statements: their branches' statements
            // run in place.
            "if_expression" | "when_expression" | "try_expression" => {
                let mut parts = Vec::new();
                self.branches(node, out, &mut parts);
                for part in parts {
                    self.cx.push(out, Stmt::Expr(part));
                }
            }
            _ => self.push_expr(out, node),
        }
    }

    /// Lowers the branches of an `if`, `when` or `try`: the statements of
    /// each branch go to `out`, and the value of each (its last
    /// expression) to `values`.
    fn branches(&mut self, node: Node, out: &mut Vec<Stmt>, values: &mut Vec<Expr>) {
        for child in named_children(node) {
            match child.kind() {
                "block" | "finally_block" => {
                    let mark = self.locals.len();
                    if let Some(v) = self.block_value(child, out) {
                        values.push(v);
                    }
                    self.locals.truncate(mark);
                }
                "when_subject" => {
                    for c in named_children(child) {
                        if c.kind() == "variable_declaration" {
                            continue;
                        }
                        self.push_expr(out, c);
                    }
                }
                "when_entry" => self.branches(child, out, values),
                "catch_block" => {
                    let mark = self.locals.len();
                    let children = named_children(child);
                    if let Some(n) = children.iter().find(|c| c.kind() == "identifier") {
                        let name = self.cx.text(*n).to_string();
                        let ty = type_child(child).and_then(|t| type_name(&self.cx, t));
                        self.locals.push(name.clone());
                        self.cx.push(
                            out,
                            Stmt::Assign {
                                target: Target::Place(Expr::new(ExprKind::Name(name), span(*n))),
                                ty,
                                value: None,
                                span: span(child),
                            },
                        );
                    }
                    if let Some(b) = children.iter().find(|c| c.kind() == "block") {
                        self.block_value(*b, out);
                    }
                    self.locals.truncate(mark);
                }
                _ if node.field("condition") == Some(child)
                    || child.kind() == "range_test"
                    || child.kind() == "type_test" =>
                {
                    // Conditions carry no data into the value; their calls run.
                    let e = self.expr(child);
                    self.cx
                        .push(out, Stmt::Expr(Expr::opaque(vec![e], span(child))));
                }
                _ => values.push(self.expr(child)),
            }
        }
    }

    /// Lowers a block's statements into `out` and returns the value of its
    /// last one when it is an expression (a lambda's or a branch's value).
    fn block_value(&mut self, node: Node, out: &mut Vec<Stmt>) -> Option<Expr> {
        let children: Vec<Node> = named_children(node)
            .into_iter()
            .filter(|c| !matches!(c.kind(), "lambda_parameters" | "label"))
            .collect();
        let (last, rest) = children.split_last()?;
        for child in rest {
            self.statement(*child, out);
        }
        match last.kind() {
            "property_declaration"
            | "assignment"
            | "for_statement"
            | "while_statement"
            | "do_while_statement"
            | "class_declaration"
            | "object_declaration"
            | "function_declaration"
            | "return_expression" => {
                self.statement(*last, out);
                None
            }
            _ => {
                let e = self.expr(*last);
                self.cx.flush(out);
                Some(e)
            }
        }
    }

    /// `for (u in users)` binds u to the elements of users;
    /// `for ((k, v) in map)` binds both.
    fn for_statement(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let mark = self.locals.len();
        let children = named_children(node);
        let value = children
            .iter()
            .find(|c| {
                !matches!(
                    c.kind(),
                    "variable_declaration" | "multi_variable_declaration" | "block"
                )
            })
            .map(|v| self.expr(*v));
        for c in &children {
            match c.kind() {
                "variable_declaration" => {
                    if let Some((name, ty)) = self.variable(*c) {
                        self.locals.push(name.clone());
                        let target = Target::Place(Expr::new(ExprKind::Name(name), span(*c)));
                        self.cx.push(
                            out,
                            Stmt::Assign {
                                target,
                                ty,
                                value: value.clone(),
                                span: span(node),
                            },
                        );
                    }
                }
                "multi_variable_declaration" => {
                    let names = self.destructured(*c);
                    self.cx.push(
                        out,
                        Stmt::Assign {
                            target: Target::Destructure(names),
                            ty: None,
                            value: value.clone(),
                            span: span(node),
                        },
                    );
                }
                _ => {}
            }
        }
        if let Some(b) = children.iter().find(|c| c.kind() == "block") {
            self.scoped(*b, out);
        } else if let Some(last) = children.last().filter(|_| children.len() > 2) {
            // `for (u in users) log(u)` without braces.
            self.statement(*last, out);
        }
        self.locals.truncate(mark);
    }

    /// The name and declared type of a `variable_declaration`.
    fn variable(&self, node: Node) -> Option<(String, Option<String>)> {
        let name = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "identifier")?;
        let ty = type_child(node).and_then(|t| type_name(&self.cx, t));
        Some((self.cx.text(name).to_string(), ty))
    }

    /// `val (a, b) = pair`: positional names, `_` skipped; each becomes a
    /// local.
    fn destructured(&mut self, node: Node) -> Vec<(Option<String>, String)> {
        let mut names = Vec::new();
        for v in named_children(node) {
            if let Some((name, _)) = self.variable(v) {
                if name != "_" {
                    self.locals.push(name.clone());
                }
                names.push((None, name));
            }
        }
        names
    }

    /// An assignment: `a = b`, `a += b`.
    fn assignment_stmt(&mut self, node: Node) -> Option<Stmt> {
        let left = node.field("left")?;
        let op = operator(node).unwrap_or("=");
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

    /// `import a.b.C`, `import a.b.C as D`, `import a.b.*`.
    fn import(&mut self, node: Node) {
        let children = named_children(node);
        let Some(path) = children
            .iter()
            .find(|c| matches!(c.kind(), "qualified_identifier" | "identifier"))
        else {
            return;
        };
        let path: String = self.cx.text(*path).split_whitespace().collect();
        let mut cursor = node.walk();
        if node.children(&mut cursor).any(|c| c.kind() == "*") {
            self.cx.ir.wildcard_imports.push(path);
            return;
        }
        let alias = children
            .iter()
            .skip(1)
            .find(|c| c.kind() == "identifier")
            .map(|a| self.cx.text(*a).to_string());
        let local = alias.unwrap_or_else(|| path.rsplit('.').next().unwrap_or(&path).to_string());
        self.cx.ir.imports.push(Import { local, path });
    }
}

#[cfg(test)]
mod tests {
    use crate::frontend::{FrontendError, lower};
    use crate::ir::FileIr;
    use crate::language::Language;
    use crate::scan::on_scan_stack;

    fn lower_kotlin(src: &str) -> Result<FileIr, FrontendError> {
        lower(Language::Kotlin, std::path::Path::new("X.kt"), src)
    }

    fn ir(src: &str) -> FileIr {
        lower_kotlin(src).expect("kotlin lowers")
    }

    #[test]
    fn deep_nesting_is_cut_with_a_notice() {
        on_scan_stack(|| {
            // Deeper than lowering goes, shallower than the parse guard.
            let depth = 900;
            let parens = format!(
                "fun m() {{ x = {}y{} }}",
                "(".repeat(depth),
                ")".repeat(depth)
            );
            assert!(ir(&parens).notices.iter().any(|n| n.contains("nesting")));
            // Nesting without brackets: `if` chains and lambdas.
            let ifs = format!("fun m() {{ val x = {} 1 }}", "if (a) 1 else ".repeat(depth));
            assert!(!ir(&ifs).notices.is_empty());
            let lets = format!(
                "fun m() {{ {} Log.d(T, email) {} }}",
                "user.let {".repeat(depth),
                "}".repeat(depth)
            );
            assert!(!ir(&lets).notices.is_empty());
            let classes = format!("{} {}", "class A {".repeat(depth), "}".repeat(depth));
            assert!(!ir(&classes).notices.is_empty());
            let elvis = format!("fun m() = a{}", " ?: a".repeat(20_000));
            let _ = ir(&elvis);
            let plus = format!("fun m() = \"a\"{}", " + email".repeat(20_000));
            let _ = ir(&plus);
        });
    }

    #[test]
    fn syntax_errors_are_noticed_not_fatal() {
        let ir = ir("class A { fun m( { Log.d(T, email) } val = ; }");
        assert!(ir.notices.iter().any(|n| n.contains("syntax error")));
        for junk in [
            "",
            "}}}}",
            "class",
            "@@@ ((( \"unterminated",
            "\"${",
            "\u{0}\u{1}\u{fffd}",
        ] {
            let _ = lower_kotlin(junk).expect("never fails on junk");
        }
    }
}
