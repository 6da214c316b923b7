//! PHP front-end (tree-sitter-php).
//!
//! Variables lose their `$` (`$email` is `email`, `$this` is `this`); `->`,
//! `?->` and `::` are member access, so `Log::info($x)` is a call of
//! `Log.info` and `$this->users->find($id)` one of `this.users.find`.
//! `self::`, `static::` and `parent::` name the object's own class and are
//! lowered as `this`. Names written with namespaces (`\Stripe\Customer`)
//! are dotted paths (`Stripe.Customer`), and `use App\Models\User;` is the
//! import of `App.Models.User` as `User`.
//!
//! Classes, interfaces, traits and enums become [`Class`]es whose fields are
//! the declared properties and the constructor's promoted parameters; a
//! promoted parameter is also assigned to `this.<name>` where the
//! constructor starts. A class constant written as a string literal
//! (`const API = 'https://...'`) is lowered as the string where the class
//! names it (`self::API`, `static::API`, `Client::API`), so that URLs kept
//! in constants are known at the call that uses them. `compact('email')`
//! builds the array of the variables it names.
//!
//! Attributes (`#[Route('/x')]`) are the decorators of a function and the
//! annotations of a parameter, as written without `#[` and arguments.
//!
//! This module lowers declarations and statements; [`expressions`] lowers
//! expressions.
//!
//! [`Class`]: crate::ir::Class

mod expressions;

use crate::frontend::fields::Fields;
use tree_sitter::{Node, Tree};

use super::tree::{Ctx, dotted_path, named_children, span};
use crate::ir::{
    Class, Expr, ExprKind, Field, FileIr, Function, FunctionName, Import, Param, Rest, Stmt, Target,
};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
    let root = tree.root_node();
    let mut lw = Lower {
        cx: Ctx::new(source),
        constants: Vec::new(),
        classes: Vec::new(),
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
    /// String constants of the classes being lowered, innermost last.
    constants: Vec<(String, String)>,
    /// Names of the classes being lowered, innermost last.
    classes: Vec<String>,
}

impl<'s> AsMut<Ctx<'s>> for Lower<'s> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        &mut self.cx
    }
}

/// The class a type names, as a dotted path: `?Request` and
/// `Request|null` are `Request`; `string`, `array` and the other
/// built-in types keep their names.
fn type_name(cx: &Ctx, node: Node) -> Option<String> {
    match node.kind() {
        "named_type" | "primitive_type" | "name" | "qualified_name" => {
            Some(dotted_path(cx.text(node), "\\"))
        }
        "optional_type"
        | "union_type"
        | "intersection_type"
        | "type_list"
        | "disjunctive_normal_form_type" => {
            let parts = named_children(node);
            // A class of the union before a built-in type (`Request|null`).
            parts
                .iter()
                .find(|p| p.kind() != "primitive_type")
                .or(parts.first())
                .and_then(|p| type_name(cx, *p))
        }
        _ => None,
    }
}

/// The names of the attributes in an `attributes` list, as written.
fn attribute_names(cx: &Ctx, node: Option<Node>) -> Vec<String> {
    let mut out = Vec::new();
    let Some(list) = node else { return out };
    for group in named_children(list) {
        for attribute in named_children(group) {
            if let Some(name) = named_children(attribute).first() {
                out.push(dotted_path(cx.text(*name), "\\"));
            }
        }
    }
    out
}

impl<'s> Lower<'s> {
    fn statements(&mut self, node: Node, out: &mut Vec<Stmt>) {
        for child in named_children(node) {
            self.statement(child, out);
        }
    }

    fn statement(&mut self, node: Node, out: &mut Vec<Stmt>) {
        if !self.cx.enter() {
            return;
        }
        match node.kind() {
            "expression_statement" => {
                for child in named_children(node) {
                    self.expression_statement(child, out);
                }
            }
            "return_statement" => {
                let value = named_children(node).first().map(|c| self.expr(*c));
                let stmt = Stmt::Return(value, span(node));
                self.cx.push(out, stmt);
            }
            "echo_statement" | "unset_statement" | "global_declaration" | "exit_statement" => {
                let children = self.children(node);
                let stmt = Stmt::Expr(Expr::opaque(children, span(node)));
                self.cx.push(out, stmt);
            }
            "namespace_use_declaration" => self.use_declaration(node),
            "function_definition" => {
                self.function(node, None);
            }
            "class_declaration"
            | "interface_declaration"
            | "trait_declaration"
            | "enum_declaration" => self.class(node),
            "foreach_statement" => self.foreach(node, out),
            "if_statement" | "else_if_clause" | "while_statement" | "do_statement"
            | "switch_statement" => {
                if let Some(c) = node.field("condition") {
                    let e = self.expr(c);
                    self.cx.push(out, Stmt::Expr(e));
                }
                let condition = node.field("condition");
                for child in named_children(node) {
                    if Some(child) != condition {
                        self.statement(child, out);
                    }
                }
            }
            "for_statement" => {
                for child in named_children(node) {
                    if child.kind().ends_with("statement") {
                        self.statement(child, out);
                    } else {
                        self.expression_statement(child, out);
                    }
                }
            }
            "case_statement" => {
                let value = node.field("value");
                for child in named_children(node) {
                    if Some(child) == value {
                        self.expression_statement(child, out);
                    } else {
                        self.statement(child, out);
                    }
                }
            }
            "compound_statement"
            | "else_clause"
            | "try_statement"
            | "catch_clause"
            | "finally_clause"
            | "switch_block"
            | "default_statement"
            | "program"
            | "namespace_definition"
            | "colon_block"
            | "declare_statement" => self.statements(node, out),
            _ => {}
        }
        self.cx.leave();
    }

    /// An expression used as a statement: an assignment binds its target,
    /// anything else is evaluated for its calls.
    fn expression_statement(&mut self, node: Node, out: &mut Vec<Stmt>) {
        match node.kind() {
            "assignment_expression"
            | "reference_assignment_expression"
            | "augmented_assignment_expression" => {
                if let Some(stmt) = self.assignment(node) {
                    self.cx.push(out, stmt);
                }
            }
            "sequence_expression" => {
                for child in named_children(node) {
                    self.expression_statement(child, out);
                }
            }
            _ => {
                let e = self.expr(node);
                self.cx.push(out, Stmt::Expr(e));
            }
        }
    }

    /// `$a = v`, `$a .= v` (keeps `$a` and adds `v`), `$a ??= v`,
    /// `[$a, 'k' => $b] = v` and `list($a, $b) = v`.
    fn assignment(&mut self, node: Node) -> Option<Stmt> {
        let left = node.field("left")?;
        let right = node.field("right");
        let sp = span(node);
        let mut value = right.map(|r| self.expr(r));
        if node.kind() == "augmented_assignment_expression" {
            let operator = node
                .field("operator")
                .map(|o| self.cx.text(o))
                .unwrap_or("");
            let old = self.expr(left);
            value = value.map(|v| match operator {
                ".=" => Expr::new(ExprKind::Format(vec![old, v]), sp),
                "??=" => Expr::new(ExprKind::Either(vec![old, v]), sp),
                _ => Expr::opaque(vec![old, v], sp),
            });
        }
        let target = match left.kind() {
            "list_literal" | "array_creation_expression" => {
                Target::Destructure(self.destructured(left))
            }
            _ => Target::Place(self.expr(left)),
        };
        Some(Stmt::Assign {
            target,
            ty: None,
            value,
            span: sp,
        })
    }

    /// The `(key, variable)` pairs of a destructuring pattern: positional
    /// ones without a key.
    fn destructured(&self, pattern: Node) -> Vec<(Option<String>, String)> {
        let mut out = Vec::new();
        let mut key = None;
        for child in named_children(pattern) {
            let element = if child.kind() == "array_element_initializer" {
                let parts = named_children(child);
                if parts.len() == 2 {
                    key = Some(expressions::key_text(&self.cx, parts[0]));
                }
                parts.last().copied()
            } else {
                Some(child)
            };
            match element {
                Some(e) if e.kind() == "variable_name" => {
                    out.push((key.take(), expressions::variable(&self.cx, e)));
                }
                // `list('k' => $v)` writes the key and the variable side by side.
                Some(e) if matches!(e.kind(), "string" | "encapsed_string") => {
                    key = Some(expressions::key_text(&self.cx, e));
                }
                _ => key = None,
            }
        }
        out
    }

    /// `foreach ($users as $user)` and `foreach ($rows as $key => $row)`:
    /// the value variable holds what the collection holds.
    fn foreach(&mut self, node: Node, out: &mut Vec<Stmt>) {
        let body = node.field("body");
        let parts: Vec<Node> = named_children(node)
            .into_iter()
            .filter(|c| Some(*c) != body)
            .collect();
        if let [collection, binding, ..] = parts.as_slice() {
            let value = self.expr(*collection);
            let target = match binding.kind() {
                "pair" => named_children(*binding).last().copied(),
                _ => Some(*binding),
            };
            let target = target.map(|t| {
                // `foreach ($rows as &$row)` binds by reference.
                if t.kind() == "by_ref" {
                    named_children(t).first().copied().unwrap_or(t)
                } else {
                    t
                }
            });
            if let Some(t) = target {
                let stmt = match t.kind() {
                    "list_literal" | "array_creation_expression" => Stmt::Assign {
                        target: Target::Destructure(self.destructured(t)),
                        ty: None,
                        value: Some(value),
                        span: span(node),
                    },
                    _ => Stmt::Assign {
                        target: Target::Place(self.expr(t)),
                        ty: None,
                        value: Some(value),
                        span: span(node),
                    },
                };
                self.cx.push(out, stmt);
            }
        }
        if let Some(b) = body {
            self.statement(b, out);
        }
    }

    /// `use A\B;`, `use A\B as C;`, `use A\{B, C as D};`, `use function
    /// A\f;`: each name bound in the file and the dotted path it stands for.
    fn use_declaration(&mut self, node: Node) {
        let mut prefix = String::new();
        for child in named_children(node) {
            match child.kind() {
                "namespace_name" | "qualified_name" | "name" => {
                    prefix = dotted_path(self.cx.text(child), "\\");
                }
                "namespace_use_clause" => self.use_clause(child, ""),
                "namespace_use_group" => {
                    for clause in named_children(child) {
                        if clause.kind() == "namespace_use_clause" {
                            self.use_clause(clause, &prefix);
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn use_clause(&mut self, clause: Node, prefix: &str) {
        let alias = clause.field("alias");
        let Some(name) = named_children(clause)
            .into_iter()
            .find(|c| Some(*c) != alias && matches!(c.kind(), "name" | "qualified_name"))
        else {
            return;
        };
        let written = dotted_path(self.cx.text(name), "\\");
        let path = if prefix.is_empty() {
            written
        } else {
            format!("{prefix}.{written}")
        };
        let local = match alias {
            Some(a) => self.cx.text(a).to_string(),
            None => path.rsplit('.').next().unwrap_or(&path).to_string(),
        };
        self.cx.ir.imports.push(Import { local, path });
    }

    fn class(&mut self, node: Node) {
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let mut bases = Vec::new();
        for child in named_children(node) {
            if matches!(child.kind(), "base_clause" | "class_interface_clause") {
                for base in named_children(child) {
                    bases.push(dotted_path(self.cx.text(base), "\\"));
                }
            }
        }
        let body = node.field("body");
        let members = body.map(named_children).unwrap_or_default();
        // `use Audits;` in a class body brings a trait's properties and
        // methods in, as a base class would.
        for member in &members {
            if member.kind() == "use_declaration" {
                for used in named_children(*member) {
                    if matches!(used.kind(), "name" | "qualified_name") {
                        bases.push(dotted_path(self.cx.text(used), "\\"));
                    }
                }
            }
        }
        let outer_constants = self.constants.len();
        for member in &members {
            if member.kind() == "const_declaration" {
                self.class_constants(*member);
            }
        }
        let outer_class = self.cx.class.replace(name.clone());
        self.classes.push(name.clone());
        let mut fields = Vec::new();
        let mut inits = Vec::new();
        let listed_fields = members
            .iter()
            .find_map(|m| self.validation_rules(*m))
            .unwrap_or_default();
        for member in members {
            match member.kind() {
                "property_declaration" => self.properties(member, &mut fields, &mut inits),
                "method_declaration" => {
                    for p in member
                        .field("parameters")
                        .map(named_children)
                        .unwrap_or_default()
                    {
                        if p.kind() == "property_promotion_parameter"
                            && let Some(n) = p.field("name")
                        {
                            fields.push(Field {
                                name: expressions::variable(&self.cx, n),
                                ty: p.field("type").and_then(|t| type_name(&self.cx, t)),
                                made_by: None,
                                unserialized: false,
                                span: span(p),
                            });
                        }
                    }
                    self.function(member, Some(&name));
                }
                _ => {}
            }
        }
        self.cx.flush(&mut inits);
        self.cx.hoist_field_initializers(&name, inits, span(node));
        self.classes.pop();
        self.cx.class = outer_class;
        self.constants.truncate(outer_constants);
        self.cx.ir.classes.push(Class {
            name,
            bases,
            fields,
            listed_fields,
            span: span(node),
        });
    }

    /// The fields a Laravel form request validates, named by the keys of
    /// the array its `rules()` method returns (`'email' => 'required'`,
    /// `'address.city' => ..` as `city`): the fields its sender fills in,
    /// as Django's `Meta.fields` are a form's.
    fn validation_rules(&self, method: Node) -> Option<Vec<Field>> {
        let named_rules = method.kind() == "method_declaration"
            && method
                .field("name")
                .is_some_and(|n| self.cx.text(n) == "rules");
        let body = method.field("body").filter(|_| named_rules)?;
        let returned = named_children(body)
            .into_iter()
            .rev()
            .find(|s| s.kind() == "return_statement")
            .and_then(|r| named_children(r).first().copied())
            .filter(|v| v.kind() == "array_creation_expression")?;
        let mut out = Vec::new();
        for element in named_children(returned) {
            let parts = named_children(element);
            let [key, _] = parts.as_slice() else { continue };
            let ExprKind::Str(name) = expressions::literal_string(&self.cx, *key) else {
                continue;
            };
            // `contacts.*.email` and `address.city` name nested fields.
            let last = name.rsplit('.').next().unwrap_or(&name);
            if last.is_empty() || last == "*" {
                continue;
            }
            out.push(Field {
                name: last.to_string(),
                ty: None,
                made_by: None,
                unserialized: false,
                span: span(*key),
            });
        }
        Some(out)
    }

    /// `const API = 'https://...';`: string constants of the class.
    fn class_constants(&mut self, node: Node) {
        for element in named_children(node) {
            if element.kind() != "const_element" {
                continue;
            }
            let parts = named_children(element);
            if let [name, value] = parts.as_slice()
                && let ExprKind::Str(s) = expressions::literal_string(&self.cx, *value)
            {
                self.constants.push((self.cx.text(*name).to_string(), s));
            }
        }
    }

    /// `private ?LoggerInterface $logger = null;`: typed fields, and the
    /// initial values assigned to `this.<field>`.
    fn properties(&mut self, node: Node, fields: &mut Vec<Field>, inits: &mut Vec<Stmt>) {
        let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
        for element in named_children(node) {
            if element.kind() != "property_element" {
                continue;
            }
            let Some(n) = element.field("name") else {
                continue;
            };
            let name = expressions::variable(&self.cx, n);
            if let Some(v) = element.field("default_value") {
                let value = self.expr(v);
                let sp = span(element);
                let this = Expr::new(ExprKind::Name("this".into()), sp);
                let target = Expr::new(
                    ExprKind::Member {
                        object: Box::new(this),
                        property: name.clone(),
                    },
                    sp,
                );
                let stmt = Stmt::Assign {
                    target: Target::Place(target),
                    ty: ty.clone(),
                    value: Some(value),
                    span: sp,
                };
                self.cx.push(inits, stmt);
            }
            fields.push(Field {
                name,
                ty: ty.clone(),
                made_by: None,
                unserialized: false,
                span: span(element),
            });
        }
    }

    /// A function, method, closure or arrow function, hoisted.
    fn function(&mut self, node: Node, class: Option<&str>) -> Expr {
        super::tree::nested(self, |lw| lw.function_inner(node, class))
    }

    fn function_inner(&mut self, node: Node, class: Option<&str>) -> Expr {
        let name = match node.kind() {
            "arrow_function" => FunctionName::Anonymous(crate::ir::Anonymous::Arrow),
            "anonymous_function" => FunctionName::Anonymous(crate::ir::Anonymous::Closure),
            _ => FunctionName::Named(
                node.field("name")
                    .map(|n| self.cx.text(n).to_string())
                    .unwrap_or_default(),
            ),
        };
        let decorators = attribute_names(&self.cx, node.field("attributes"));
        let mut body = Vec::new();
        let mut params = Vec::new();
        for p in node
            .field("parameters")
            .map(named_children)
            .unwrap_or_default()
        {
            let Some(n) = p.field("name") else {
                continue;
            };
            let name = expressions::variable(&self.cx, n);
            let mut param = Param::named(
                name.clone(),
                p.field("type").and_then(|t| type_name(&self.cx, t)),
                attribute_names(&self.cx, p.field("attributes")),
                span(p),
            );
            if p.kind() == "variadic_parameter" {
                param.rest = Some(Rest::Positional);
            }
            if p.kind() == "property_promotion_parameter" {
                // `public function __construct(private Mailer $mailer)`.
                let sp = span(p);
                let this = Expr::new(ExprKind::Name("this".into()), sp);
                body.push(Stmt::Assign {
                    target: Target::Place(Expr::new(
                        ExprKind::Member {
                            object: Box::new(this),
                            property: name.clone(),
                        },
                        sp,
                    )),
                    ty: param.ty.clone(),
                    value: Some(Expr::new(ExprKind::Name(name), sp)),
                    span: sp,
                });
            }
            params.push(param);
        }
        match node.field("body") {
            Some(b) if b.kind() == "compound_statement" => self.statements(b, &mut body),
            Some(b) => {
                let value = self.expr(b);
                let stmt = Stmt::Return(Some(value), span(b));
                self.cx.push(&mut body, stmt);
            }
            None => {}
        }
        self.cx.flush(&mut body);
        self.cx.hoist(Function {
            name,
            class: class.map(str::to_string).or_else(|| {
                self.cx
                    .class
                    .clone()
                    .filter(|_| node.kind() != "function_definition")
            }),
            params,
            decorators,
            body,
            span: span(node),
        })
    }

    fn children(&mut self, node: Node) -> Vec<Expr> {
        named_children(node)
            .into_iter()
            .map(|c| self.expr(c))
            .collect()
    }
}
