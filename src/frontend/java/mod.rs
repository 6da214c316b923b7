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

use tree_sitter::Node;

use super::FrontendError;
use super::tree::{Ctx, base_type, named_children, parse, span};
use crate::ir::{Expr, ExprKind, FileIr, Import, Span, Stmt, Target};

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
