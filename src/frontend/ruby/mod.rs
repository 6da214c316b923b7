//! Ruby front-end (tree-sitter-ruby): Rails and Sinatra code.
//!
//! `self` is `this` and an instance variable `@user` is `this.user` (a
//! class variable `@@count` too); `::`, `.` and `&.` are member access, so
//! `Rails.logger.info(x)` is a call of `Rails.logger.info` and
//! `Stripe::Customer.create(..)` one of `Stripe.Customer.create`.
//!
//! Ruby calls a method without parentheses, and an attribute is a method:
//! `user.email` is a member read, and `user.email()` or `user.save` (a
//! statement, a name ending in `!` or `?`, or one of Ruby's and Rails' own
//! methods such as `downcase` or `save`) is a call. A bare name is a local
//! variable where the method has assigned it or takes it as a parameter, and
//! otherwise a call of a method of `self` (`params`, `current_user`,
//! `user_params`), as Ruby reads it. `X.new(..)` builds an `X`.
//!
//! Keyword arguments (`User.create!(email: e, name: n)`, also written
//! `"email" => e` without braces) are named arguments; a hash in braces
//! is an object with those keys; a symbol `:email` is the string `email`. `raise ArgumentError, msg` raises
//! `ArgumentError.new(msg)`, and `raise msg` a `RuntimeError`.
//!
//! Classes and modules become [`Class`]es: the superclass and `include`d
//! modules are bases, `attr_accessor :email` declares fields, and a string
//! constant (`API_URL = "https://.."`) is lowered as the string where the
//! class (or the file, for top-level constants) names it, and a constant
//! list of strings or symbols (`PERMITTED = %i[email name].freeze`) as the
//! list. Other class-level
//! calls (`has_secure_password`, `validates`, `before_action`) are kept as
//! calls, in the class's field initializers. `def self.find(..)` and the
//! methods of `class << self` belong to the class.
//!
//! A block given to an iterator (`users.each do |u|`, `map`, `select`, ..)
//! is lowered in place with its parameters bound to the collection, as a
//! `foreach` is; any other block (`post "/x" do`, `lambda { }`,
//! `transaction do`) is hoisted as a closure and passed as the call's last
//! argument. A method, lambda or block returns its last expression.
//! `require`/`require_relative` are imports bound to `require:<path>`, a
//! name no identifier can spell.
//!
//! This module lowers declarations and statements; [`expressions`] lowers
//! expressions.
//!
//! [`Class`]: crate::ir::Class

mod expressions;

use crate::frontend::fields::Fields;
use std::collections::{HashMap, HashSet};

use tree_sitter::{Node, Tree};

use super::tree::{Ctx, dotted_path, named_children, span};
use crate::ir::{
    Anonymous, Class, Expr, ExprKind, Field, FileIr, Function, FunctionName, Import, Param, Rest,
    Stmt, Target,
};

pub fn lower(tree: &Tree, source: &str) -> FileIr {
    let root = tree.root_node();
    let mut lw = Lower {
        cx: Ctx::new(source),
        constants: vec![Vec::new()],
        classes: Vec::new(),
        locals: vec![HashSet::new()],
        heredocs: heredoc_bodies(root),
    };
    lw.cx.note_syntax_errors(root);
    lw.collect_constants(root);
    let mut top = Vec::new();
    lw.statements(root, &mut top);
    lw.cx.flush(&mut top);
    lw.cx.ir.module = top;
    lw.cx.ir
}

struct Lower<'s, 't> {
    cx: Ctx<'s>,
    /// String constants (and lists of strings and symbols) of the file
    /// (first) and of the classes being lowered, innermost last: each a
    /// `Str` or an `Array` of them.
    constants: Vec<Vec<(String, ExprKind)>>,
    /// Names of the classes and modules being lowered, innermost last.
    classes: Vec<String>,
    /// Local variables of the scopes being lowered, innermost last: a method
    /// starts a new one, a block sees its method's.
    locals: Vec<HashSet<String>>,
    /// The body of each heredoc, by the start byte of the `<<~X` that
    /// begins it (the body follows the line, outside the expression).
    heredocs: HashMap<usize, Node<'t>>,
}

impl<'s> AsMut<Ctx<'s>> for Lower<'s, '_> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        &mut self.cx
    }
}

/// Pairs each `heredoc_beginning` with its `heredoc_body`, in file order.
fn heredoc_bodies(root: Node) -> HashMap<usize, Node> {
    let mut beginnings = Vec::new();
    let mut bodies = Vec::new();
    let mut stack = vec![root];
    let mut cursor = root.walk();
    while let Some(node) = stack.pop() {
        match node.kind() {
            "heredoc_beginning" => beginnings.push(node),
            "heredoc_body" => bodies.push(node),
            _ => {
                let children: Vec<Node> = node.children(&mut cursor).collect();
                stack.extend(children.into_iter().rev());
            }
        }
    }
    beginnings.sort_by_key(|n| n.start_byte());
    bodies.sort_by_key(|n| n.start_byte());
    beginnings
        .into_iter()
        .zip(bodies)
        .map(|(b, body)| (b.start_byte(), body))
        .collect()
}

/// Statement kinds whose value is no data worth returning.
fn is_statement_only(kind: &str) -> bool {
    matches!(
        kind,
        "while"
            | "until"
            | "for"
            | "while_modifier"
            | "until_modifier"
            | "return"
            | "method"
            | "singleton_method"
            | "class"
            | "module"
            | "singleton_class"
            | "heredoc_body"
            | "alias"
            | "undef"
            | "next"
            | "break"
            | "redo"
            | "retry"
            | "empty_statement"
            | "begin_block"
            | "end_block"
    )
}

impl<'s, 't> Lower<'s, 't> {
    fn statements(&mut self, node: Node<'t>, out: &mut Vec<Stmt>) {
        for child in named_children(node) {
            self.statement(child, out);
        }
    }

    /// The statements of a body whose last expression is its value: all
    /// but the last are lowered as statements, the last as an expression
    /// (`None` when the body is empty or ends in a statement without value).
    fn body_value(&mut self, node: Node<'t>, out: &mut Vec<Stmt>) -> Option<Expr> {
        let children = named_children(node);
        let (last, rest) = children.split_last()?;
        for child in rest {
            self.statement(*child, out);
        }
        self.value_statement(*last, out)
    }

    /// A statement whose value is wanted (the last of a body): lowered, and
    /// its value returned.
    fn value_statement(&mut self, node: Node<'t>, out: &mut Vec<Stmt>) -> Option<Expr> {
        let kind = node.kind();
        if is_statement_only(kind) || kind == "rescue" || kind == "ensure" {
            self.statement(node, out);
            return None;
        }
        match kind {
            "assignment" | "operator_assignment" => {
                self.statement(node, out);
                let left = node.field("left")?;
                (left.kind() != "left_assignment_list").then(|| self.expr(left))
            }
            "body_statement" | "then" | "else" | "block_body" | "do" => self.body_value(node, out),
            _ => {
                let e = self.value(node);
                self.cx.flush(out);
                Some(e)
            }
        }
    }

    /// A body lowered as a function's: its last expression is returned.
    fn returning_body(&mut self, node: Node<'t>, out: &mut Vec<Stmt>) {
        let value = if node.kind() == "body_statement" || node.kind() == "block_body" {
            self.body_value(node, out)
        } else {
            self.value_statement(node, out)
        };
        if let Some(v) = value {
            let sp = v.span;
            self.cx.push(out, Stmt::Return(Some(v), sp));
        }
        self.cx.flush(out);
    }

    fn statement(&mut self, node: Node<'t>, out: &mut Vec<Stmt>) {
        if !self.cx.enter() {
            return;
        }
        match node.kind() {
            "class" | "module" => self.class(node),
            "singleton_class" => {
                if let Some(b) = node.field("body") {
                    self.statements(b, out);
                }
            }
            "method" | "singleton_method" => {
                self.function(node);
            }
            "assignment" | "operator_assignment" => {
                for stmt in self.assignment(node) {
                    self.cx.push(out, stmt);
                }
            }
            "return" => {
                let value = named_children(node)
                    .first()
                    .map(|a| self.arguments_value(*a));
                let stmt = Stmt::Return(value, span(node));
                self.cx.push(out, stmt);
            }
            "if" | "unless" | "elsif" | "while" | "until" | "if_modifier" | "unless_modifier"
            | "while_modifier" | "until_modifier" => {
                let condition = node.field("condition");
                if let Some(c) = condition {
                    // A condition's value is a boolean; its calls still run
                    // (`if @user.save`).
                    let e = self.statement_expr(c);
                    self.cx.push(out, Stmt::Expr(e));
                }
                for child in named_children(node) {
                    if Some(child) != condition {
                        self.statement(child, out);
                    }
                }
            }
            "case" | "case_match" => {
                if let Some(v) = node.field("value") {
                    let e = self.expr(v);
                    self.cx.push(out, Stmt::Expr(e));
                }
                let value = node.field("value");
                for child in named_children(node) {
                    if Some(child) != value {
                        self.statement(child, out);
                    }
                }
            }
            "when" | "in_clause" => {
                for child in named_children(node) {
                    match child.kind() {
                        "pattern" => {
                            let e = self.statement_expr(child);
                            self.cx.push(out, Stmt::Expr(e));
                        }
                        _ => self.statement(child, out),
                    }
                }
            }
            "for" => {
                let pattern = node.field("pattern");
                let collection = node
                    .field("value")
                    .and_then(|v| named_children(v).first().copied());
                if let (Some(p), Some(c)) = (pattern, collection) {
                    let value = self.expr(c);
                    let sp = span(node);
                    let targets = self.bind_targets(p);
                    for target in targets {
                        self.cx.push(
                            out,
                            Stmt::Assign {
                                target: Target::Place(target),
                                ty: None,
                                value: Some(value.clone()),
                                span: sp,
                            },
                        );
                    }
                }
                if let Some(b) = node.field("body") {
                    self.statement(b, out);
                }
            }
            "rescue" => {
                // `rescue StandardError => e`: the exception is no data of
                // the request; only the handler's body is lowered.
                if let Some(v) = node
                    .field("variable")
                    .and_then(|v| named_children(v).first().copied())
                {
                    self.declare(v);
                }
                if let Some(b) = node.field("body") {
                    self.statement(b, out);
                }
            }
            "rescue_modifier" => {
                for child in named_children(node) {
                    self.statement(child, out);
                }
            }
            "program"
            | "body_statement"
            | "begin"
            | "then"
            | "else"
            | "ensure"
            | "do"
            | "block_body"
            | "parenthesized_statements"
            | "begin_block"
            | "end_block" => self.statements(node, out),
            "heredoc_body" | "comment" | "alias" | "undef" | "empty_statement"
            | "uninterpreted" => {}
            _ => {
                let e = self.statement_expr(node);
                // `require "json"` and other literals do nothing.
                if matches!(e.kind, ExprKind::Literal) {
                    self.cx.flush(out);
                } else {
                    self.cx.push(out, Stmt::Expr(e));
                }
            }
        }
        self.cx.leave();
    }

    /// The places a `for` or block parameter binds.
    fn bind_targets(&mut self, pattern: Node<'t>) -> Vec<Expr> {
        match pattern.kind() {
            "identifier" => {
                self.declare(pattern);
                vec![self.expr(pattern)]
            }
            "left_assignment_list" | "destructured_left_assignment" | "destructured_parameter" => {
                named_children(pattern)
                    .into_iter()
                    .flat_map(|p| self.bind_targets(p))
                    .collect()
            }
            "splat_parameter" | "rest_assignment" => pattern
                .field("name")
                .or_else(|| named_children(pattern).first().copied())
                .map(|n| self.bind_targets(n))
                .unwrap_or_default(),
            "instance_variable" | "class_variable" | "global_variable" => vec![self.expr(pattern)],
            _ => Vec::new(),
        }
    }

    /// Records a local variable of the innermost scope.
    fn declare(&mut self, name: Node) {
        if name.kind() == "identifier" {
            let text = self.cx.text(name).to_string();
            if let Some(scope) = self.locals.last_mut() {
                scope.insert(text);
            }
        }
    }

    fn is_local(&self, name: &str) -> bool {
        self.locals.last().is_some_and(|s| s.contains(name))
    }

    /// `a = v`, `@a = v`, `user.email = v`, `h[:k] = v`, `a, b = x, y`,
    /// `a ||= v` (either), `s += t` (the two joined).
    fn assignment(&mut self, node: Node<'t>) -> Vec<Stmt> {
        let Some(left) = node.field("left") else {
            return Vec::new();
        };
        let right = node.field("right");
        let sp = span(node);
        if left.kind() == "left_assignment_list" {
            return self.multiple_assignment(left, right, sp);
        }
        let mut value = right.map(|r| self.value(r));
        if node.kind() == "operator_assignment" {
            let operator = node
                .field("operator")
                .map(|o| self.cx.text(o))
                .unwrap_or("");
            // `a ||= v` declares `a` before it reads it.
            self.declare(left);
            let old = self.expr(left);
            value = value.map(|v| match operator {
                "||=" => Expr::new(ExprKind::Either(vec![old, v]), sp),
                "+=" | "<<=" => Expr::new(ExprKind::Format(vec![old, v]), sp),
                _ => Expr::opaque(vec![old, v], sp),
            });
        }
        self.declare(left);
        let target = self.place(left);
        vec![Stmt::Assign {
            target: Target::Place(target),
            ty: None,
            value,
            span: sp,
        }]
    }

    /// The place an assignment writes: `user.email = v` sets the member.
    fn place(&mut self, left: Node<'t>) -> Expr {
        match left.kind() {
            "call" if left.field("arguments").is_none() => {
                let sp = span(left);
                let object = left.field("receiver").map(|r| self.expr(r));
                let property = left
                    .field("method")
                    .map(|m| self.cx.text(m).to_string())
                    .unwrap_or_default();
                match object {
                    Some(o) => Expr::new(
                        ExprKind::Member {
                            object: Box::new(o),
                            property,
                        },
                        sp,
                    ),
                    None => Expr::new(ExprKind::Name(property), sp),
                }
            }
            "constant" | "identifier" => {
                Expr::new(ExprKind::Name(self.cx.text(left).to_string()), span(left))
            }
            _ => self.expr(left),
        }
    }

    /// `a, b = x, y` pairs the two lists; `a, b = pair` takes the value
    /// apart by position.
    fn multiple_assignment(
        &mut self,
        left: Node<'t>,
        right: Option<Node<'t>>,
        sp: crate::ir::Span,
    ) -> Vec<Stmt> {
        let targets = named_children(left);
        let mut out = Vec::new();
        if let Some(r) = right.filter(|r| r.kind() == "right_assignment_list") {
            let values = named_children(r);
            if values.len() == targets.len() {
                let values: Vec<Expr> = values.into_iter().map(|v| self.value(v)).collect();
                for (t, v) in targets.into_iter().zip(values) {
                    self.declare(t);
                    let target = self.place(t);
                    out.push(Stmt::Assign {
                        target: Target::Place(target),
                        ty: None,
                        value: Some(v),
                        span: sp,
                    });
                }
                return out;
            }
        }
        let value = match right {
            Some(r) if r.kind() == "right_assignment_list" => {
                Expr::new(ExprKind::Array(self.children(r)), span(r))
            }
            Some(r) => self.value(r),
            None => return out,
        };
        if targets.iter().all(|t| t.kind() == "identifier") {
            let names = targets
                .iter()
                .map(|t| {
                    self.declare(*t);
                    (None, self.cx.text(*t).to_string())
                })
                .collect();
            out.push(Stmt::Assign {
                target: Target::Destructure(names),
                ty: None,
                value: Some(value),
                span: sp,
            });
            return out;
        }
        for (i, t) in targets.into_iter().enumerate() {
            let t = if t.kind() == "rest_assignment" {
                match named_children(t).first() {
                    Some(n) => *n,
                    None => continue,
                }
            } else {
                t
            };
            self.declare(t);
            let target = self.place(t);
            let index = Expr::new(ExprKind::Int(i as i64), sp);
            out.push(Stmt::Assign {
                target: Target::Place(target),
                ty: None,
                value: Some(Expr::new(
                    ExprKind::Index {
                        object: Box::new(value.clone()),
                        index: Box::new(index),
                    },
                    sp,
                )),
                span: sp,
            });
        }
        out
    }

    /// Top-level string constants (`API_URL = "https://.."`), known in the
    /// whole file.
    fn collect_constants(&mut self, root: Node) {
        let found = self.string_constants(root);
        self.constants[0].extend(found);
    }

    /// The string constants assigned directly in a body, and the lists of
    /// literal strings and symbols (`PERMITTED = %i[email name]`, which
    /// strong parameters are often given).
    fn string_constants(&self, body: Node) -> Vec<(String, ExprKind)> {
        let mut out = Vec::new();
        for child in named_children(body) {
            if child.kind() != "assignment" {
                continue;
            }
            let (Some(l), Some(r)) = (child.field("left"), child.field("right")) else {
                continue;
            };
            if l.kind() != "constant" {
                continue;
            }
            // `%i[..].freeze` is the list.
            let r = match r.kind() {
                "call"
                    if r.field("method")
                        .is_some_and(|m| self.cx.text(m) == "freeze") =>
                {
                    match r.field("receiver") {
                        Some(inner) => inner,
                        None => continue,
                    }
                }
                _ => r,
            };
            let value = match r.kind() {
                "array" | "string_array" | "symbol_array" => {
                    let items: Option<Vec<Expr>> = named_children(r)
                        .into_iter()
                        .map(|item| match expressions::literal_string(&self.cx, item) {
                            ExprKind::Str(s) if item.kind() != "identifier" => {
                                Some(Expr::new(ExprKind::Str(s), span(item)))
                            }
                            _ => None,
                        })
                        .collect();
                    match items {
                        Some(items) if !items.is_empty() => ExprKind::Array(items),
                        _ => continue,
                    }
                }
                _ => match expressions::literal_string(&self.cx, r) {
                    ExprKind::Str(s) => ExprKind::Str(s),
                    _ => continue,
                },
            };
            out.push((self.cx.text(l).to_string(), value));
        }
        out
    }

    fn class(&mut self, node: Node<'t>) {
        let written = node
            .field("name")
            .map(|n| dotted_path(self.cx.text(n), "::"))
            .unwrap_or_default();
        let name = written.rsplit('.').next().unwrap_or(&written).to_string();
        let mut bases = Vec::new();
        if let Some(s) = node.field("superclass")
            && let Some(b) = named_children(s).first()
        {
            let text = dotted_path(self.cx.text(*b), "::");
            let end = text.find(['(', ' ']).unwrap_or(text.len());
            bases.push(text[..end].to_string());
        }
        let body = node.field("body");
        let members = body.map(named_children).unwrap_or_default();
        let mut fields = Vec::new();
        for member in &members {
            if member.kind() != "call" || member.field("receiver").is_some() {
                continue;
            }
            let method = member
                .field("method")
                .map(|m| self.cx.text(m))
                .unwrap_or("");
            let args = member
                .field("arguments")
                .map(named_children)
                .unwrap_or_default();
            match method {
                // `include Auditable`: the module's methods are the class's.
                "include" | "extend" | "prepend" => {
                    for a in args {
                        if matches!(a.kind(), "constant" | "scope_resolution") {
                            bases.push(dotted_path(self.cx.text(a), "::"));
                        }
                    }
                }
                "attr_accessor" | "attr_reader" | "attr_writer" | "attribute" => {
                    for a in args {
                        if let ExprKind::Str(field) = expressions::literal_string(&self.cx, a) {
                            fields.push(Field {
                                name: field,
                                ty: None,
                                made_by: None,
                                unserialized: false,
                                span: span(a),
                            });
                        }
                    }
                }
                _ => {}
            }
        }
        let own_constants = body.map(|b| self.string_constants(b)).unwrap_or_default();
        self.constants.push(own_constants);
        let outer_class = self.cx.class.replace(name.clone());
        self.classes.push(name.clone());
        self.locals.push(HashSet::new());
        let mut inits = Vec::new();
        for member in members {
            match member.kind() {
                "method" | "singleton_method" => {
                    self.function(member);
                }
                "class" | "module" => self.class(member),
                _ => self.statement(member, &mut inits),
            }
        }
        self.cx.flush(&mut inits);
        self.cx.hoist_field_initializers(&name, inits, span(node));
        self.locals.pop();
        self.classes.pop();
        self.cx.class = outer_class;
        self.constants.pop();
        self.cx.ir.classes.push(Class {
            name,
            bases,
            fields,
            listed_fields: Vec::new(),
            span: span(node),
        });
    }

    /// A method, hoisted; `def self.find` and `def Klass.find` belong to
    /// the class.
    fn function(&mut self, node: Node<'t>) -> Expr {
        super::tree::nested(self, |lw| lw.function_inner(node))
    }

    fn function_inner(&mut self, node: Node<'t>) -> Expr {
        let name = node
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        self.locals.push(HashSet::new());
        let params = self.parameters(node.field("parameters"));
        let mut body = Vec::new();
        if let Some(b) = node.field("body") {
            self.returning_body(b, &mut body);
        }
        self.locals.pop();
        self.cx.hoist(Function {
            name: FunctionName::Named(name),
            class: self.cx.class.clone(),
            params,
            decorators: Vec::new(),
            body,
            span: span(node),
        })
    }

    /// A block or lambda, hoisted as a closure that sees the locals of the
    /// code around it.
    pub(super) fn closure(&mut self, node: Node<'t>, anonymous: Anonymous) -> Expr {
        super::tree::nested(self, |lw| {
            let outer = lw.locals.last().cloned().unwrap_or_default();
            lw.locals.push(outer);
            let params = lw.parameters(node.field("parameters"));
            let mut body = Vec::new();
            let inner = match node.kind() {
                // `->(x) { x }`: the body is a block of its own.
                "lambda" => node.field("body").and_then(|b| b.field("body").or(Some(b))),
                _ => node.field("body"),
            };
            if let Some(b) = inner {
                lw.returning_body(b, &mut body);
            }
            lw.locals.pop();
            lw.cx.hoist(Function {
                name: FunctionName::Anonymous(anonymous),
                class: lw.cx.class.clone(),
                params,
                decorators: Vec::new(),
                body,
                span: span(node),
            })
        })
    }

    /// Method, block and lambda parameters: `*rest` gathers positional
    /// arguments, `**opts` keywords.
    fn parameters(&mut self, node: Option<Node<'t>>) -> Vec<Param> {
        let mut params = Vec::new();
        for p in node.map(named_children).unwrap_or_default() {
            let (name_node, rest) = match p.kind() {
                "identifier" => (Some(p), None),
                "optional_parameter" | "keyword_parameter" | "block_parameter" => {
                    (p.field("name"), None)
                }
                "splat_parameter" => (p.field("name"), Some(Rest::Positional)),
                "hash_splat_parameter" => (p.field("name"), Some(Rest::Keywords)),
                _ => (None, None),
            };
            let Some(n) = name_node else { continue };
            self.declare(n);
            let mut param = Param::named(self.cx.text(n).to_string(), None, Vec::new(), span(p));
            param.rest = rest;
            params.push(param);
        }
        params
    }

    /// A `require "x"` or `require_relative "../x"`: the file or library it
    /// loads, bound to a name no identifier can spell.
    fn import(&mut self, path: &str) {
        let dotted = path
            .trim_start_matches("./")
            .trim_start_matches("../")
            .trim_end_matches(".rb")
            .replace("../", "")
            .replace('/', ".");
        self.cx.ir.imports.push(Import {
            local: format!("require:{path}"),
            path: dotted,
        });
    }

    fn children(&mut self, node: Node<'t>) -> Vec<Expr> {
        named_children(node)
            .into_iter()
            .map(|c| self.expr(c))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::frontend::lower;
    use crate::language::Language;

    fn ir(source: &str) -> Result<crate::ir::FileIr, crate::frontend::FrontendError> {
        lower(Language::Ruby, Path::new("app.rb"), source)
    }

    #[test]
    fn a_syntax_error_gives_a_notice_and_the_rest_is_lowered() {
        let file = ir("def broken(\n  x = \nend\n\ndef ok(email)\n  puts email\nend\n").unwrap();
        assert!(
            file.notices.iter().any(|n| n.contains("syntax error")),
            "{:?}",
            file.notices
        );
        assert!(
            file.functions
                .iter()
                .any(|f| f.name.to_string() == "ok" && !f.body.is_empty())
        );
    }

    #[test]
    fn deep_nesting_gives_a_notice_not_an_overflow() {
        // Nesting without brackets, which the parser's bracket guard does
        // not see: blocks, conditionals and string interpolations.
        let blocks = format!(
            "def f(x)\n{}puts x\n{}end\n",
            "x.each do |y|\n".repeat(2_000),
            "end\n".repeat(2_000)
        );
        let ifs = format!(
            "{}puts 1\n{}",
            "if a\n".repeat(3_000),
            "end\n".repeat(3_000)
        );
        let strings = format!("x = {}1{}\n", "\"#{".repeat(500), "}\"".repeat(500));
        crate::scan::on_scan_stack(move || each_gives_a_notice([blocks, ifs, strings]));
    }

    fn each_gives_a_notice(sources: [String; 3]) {
        for source in sources {
            match ir(&source) {
                Ok(file) => assert!(
                    file.notices
                        .iter()
                        .any(|n| n.contains("nesting") || n.contains("budget")),
                    "{:?}",
                    file.notices
                ),
                Err(e) => {
                    assert!(e.to_string().contains("budget") || e.to_string().contains("deep"))
                }
            }
        }
    }
}
