//! Expressions: names (locals, fields of the class and its string constants
//! resolved), member access and `?.`, calls, `new` with its initializers,
//! anonymous objects, string building, lambdas, patterns, `switch`
//! expressions and LINQ queries.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use crate::frontend::tree::{
    difference, dotted, named_children, negated, number, plus_chain, span,
};
use crate::ir::{Anonymous, Arg, Expr, ExprKind, FunctionName, Span, Stmt, Target};

use super::{CsParam, Lower, string_content, type_name};

impl Lower<'_> {
    pub(super) fn expr(&mut self, node: Node) -> Expr {
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

    /// A bare name: a local, a field or property of this class
    /// (`this.<name>`), a constant, or something outside (a class, an
    /// inherited member such as a controller's `Request`).
    fn name_ref(&self, name: &str, sp: Span) -> Expr {
        let is_local = self.locals.iter().any(|l| l == name);
        if !is_local && let Some(text) = self.constant(name) {
            return Expr::new(ExprKind::Str(text.to_string()), sp);
        }
        let n = Expr::new(ExprKind::Name(name.to_string()), sp);
        if !is_local && self.fields.iter().any(|f| f == name) {
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

    /// The identifier of a simple or generic name (`Set` of `Set<User>`).
    fn simple_name(&self, node: Node) -> String {
        match node.kind() {
            "generic_name" => named_children(node)
                .first()
                .map(|n| self.cx.text(*n).to_string())
                .unwrap_or_default(),
            _ => self.cx.text(node).to_string(),
        }
    }

    fn expr_inner(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let kind = match node.kind() {
            "identifier" => return self.name_ref(self.cx.text(node), sp),
            "generic_name" => return self.name_ref(&self.simple_name(node), sp),
            "this" => ExprKind::Name("this".into()),
            "base" => ExprKind::Name("super".into()),
            "predefined_type" | "qualified_name" | "alias_qualified_name" => {
                let text: String = self.cx.text(node).split_whitespace().collect();
                let text = text.strip_prefix("global::").unwrap_or(&text);
                return dotted(&super::base_type(text), sp);
            }
            "member_access_expression" => return self.member_access(node),
            "member_binding_expression" => {
                let object = self
                    .bindings
                    .last()
                    .cloned()
                    .unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                let name = node
                    .field("name")
                    .map(|n| self.simple_name(n))
                    .unwrap_or_default();
                ExprKind::Member {
                    object: Box::new(object),
                    property: name,
                }
            }
            "element_binding_expression" => {
                let object = self
                    .bindings
                    .last()
                    .cloned()
                    .unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                return self.indexed(object, node, sp);
            }
            "conditional_access_expression" => {
                // `a?.b.c`: `.b` is a member of `a`.
                let Some(cond) = node.field("condition") else {
                    return Expr::opaque(Vec::new(), sp);
                };
                let object = self.expr(cond);
                let rest = named_children(node).into_iter().find(|c| *c != cond);
                return match rest {
                    Some(r) => {
                        self.bindings.push(object);
                        let e = self.expr(r);
                        self.bindings.pop();
                        e
                    }
                    None => object,
                };
            }
            "invocation_expression" => return self.invocation(node),
            "constructor_initializer" => {
                let args = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "argument_list")
                    .map(|a| self.arguments(a))
                    .unwrap_or_default();
                ExprKind::Call {
                    callee: Box::new(Expr::new(ExprKind::Name("super".into()), sp)),
                    args,
                    construct: false,
                }
            }
            "object_creation_expression" | "implicit_object_creation_expression" => {
                return self.creation(node);
            }
            "anonymous_object_creation_expression" => ExprKind::Object(self.anonymous(node)),
            "element_access_expression" => {
                let object = match node.field("expression") {
                    Some(o) => self.expr(o),
                    None => Expr::opaque(Vec::new(), sp),
                };
                return self.indexed(object, node, sp);
            }
            "string_literal" | "verbatim_string_literal" | "raw_string_literal" => {
                ExprKind::Str(string_content(&self.cx, node))
            }
            "interpolated_string_expression" => self.interpolated(node),
            "binary_expression" => return self.binary(node),
            "conditional_expression" => {
                let cond = node.field("condition").map(|c| self.expr(c));
                let mut parts = Vec::new();
                for field in ["consequence", "alternative"] {
                    if let Some(b) = node.field(field) {
                        parts.push(self.expr(b));
                    }
                }
                // The value is one of the branches, never the condition.
                parts.push(Expr::opaque(cond.into_iter().collect(), sp));
                ExprKind::Either(parts)
            }
            "cast_expression" => {
                return match node.field("value") {
                    Some(v) => self.expr(v),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "as_expression" => {
                return match node.field("left") {
                    Some(v) => self.expr(v),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "parenthesized_expression"
            | "await_expression"
            | "checked_expression"
            | "ref_expression"
            | "argument"
            | "expression_element"
            | "collection_element" => {
                return match named_children(node).last() {
                    Some(inner) => self.expr(*inner),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            // `x!` asserts x is not null; `x++` is a number.
            "postfix_unary_expression" => {
                let children = named_children(node);
                let bang = self.cx.text(node).ends_with('!');
                return match children.first() {
                    Some(inner) if bang => self.expr(*inner),
                    _ => Expr::opaque(self.children_exprs(node), sp),
                };
            }
            "prefix_unary_expression" if self.cx.text(node).starts_with('-') => {
                let operand = named_children(node).first().map(|o| self.expr(*o));
                return negated(operand.unwrap_or(Expr::opaque(Vec::new(), sp)), sp);
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
            "lambda_expression" | "anonymous_method_expression" => return self.lambda(node),
            "declaration_expression" => {
                // `out var user`: a new local, assigned by the call.
                return match node.field("name") {
                    Some(n) => {
                        let name = self.cx.text(n).to_string();
                        self.locals.push(name.clone());
                        Expr::new(ExprKind::Name(name), span(n))
                    }
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "array_creation_expression"
            | "implicit_array_creation_expression"
            | "stackalloc_expression"
            | "implicit_stackalloc_expression" => {
                match named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "initializer_expression")
                {
                    Some(i) => return self.expr(i),
                    None => ExprKind::Opaque(Vec::new()),
                }
            }
            "initializer_expression" => return self.initializer(node),
            "collection_expression" | "tuple_expression" => {
                ExprKind::Array(self.children_exprs(node))
            }
            "switch_expression" => return self.switch_value(node),
            "is_pattern_expression" => {
                let value = node.field("expression").map(|e| self.expr(e));
                if let (Some(v), Some(p)) = (&value, node.field("pattern")) {
                    self.pattern(p, v.clone());
                }
                ExprKind::Opaque(value.into_iter().collect())
            }
            "with_expression" => {
                // `u with { Email = e }`: u's fields, some replaced.
                let mut parts = Vec::new();
                let mut entries = Vec::new();
                for c in named_children(node) {
                    if c.kind() == "with_initializer" {
                        let children = named_children(c);
                        if let (Some(k), Some(v)) = (children.first(), children.last())
                            && children.len() == 2
                        {
                            let key = self.cx.text(*k).to_string();
                            entries.push((Some(key), self.expr(*v)));
                        }
                    } else {
                        parts.push(self.expr(c));
                    }
                }
                parts.push(Expr::new(ExprKind::Object(entries), sp));
                ExprKind::Either(parts)
            }
            "query_expression" => return self.query(node),
            "throw_expression" => ExprKind::Opaque(self.children_exprs(node)),
            "integer_literal" => number(self.cx.text(node)),
            "typeof_expression" | "sizeof_expression" | "default_expression"
            | "boolean_literal" | "null_literal" | "character_literal" | "real_literal"
            | "discard" => ExprKind::Literal,
            _ => ExprKind::Opaque(self.children_exprs(node)),
        };
        Expr::new(kind, sp)
    }

    /// `object[args]`: an index by the first argument.
    fn indexed(&mut self, object: Expr, node: Node, sp: Span) -> Expr {
        let args: Vec<Node> = node
            .field("subscript")
            .or_else(|| {
                named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "bracketed_argument_list")
            })
            .map(named_children)
            .unwrap_or_default();
        let mut indexes: Vec<Expr> = args.into_iter().map(|a| self.expr(a)).collect();
        match indexes.len() {
            1 => Expr::new(
                ExprKind::Index {
                    object: Box::new(object),
                    index: Box::new(indexes.remove(0)),
                },
                sp,
            ),
            _ => {
                indexes.insert(0, object);
                Expr::opaque(indexes, sp)
            }
        }
    }

    fn member_access(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let name = node
            .field("name")
            .map(|n| self.simple_name(n))
            .unwrap_or_default();
        let object = node.field("expression");
        // `this.Url`, `SmsClient.Url`: a constant of this or an enclosing class.
        if let Some(o) = object {
            let owner = self.cx.text(o);
            let own = owner == "this"
                || (o.kind() == "identifier"
                    && !self.locals.iter().any(|l| l == owner)
                    && self.classes.iter().any(|c| c == owner));
            if own && let Some(text) = self.constant(&name) {
                return Expr::new(ExprKind::Str(text.to_string()), sp);
            }
        }
        let object = match object {
            Some(o) => self.expr(o),
            None => Expr::opaque(Vec::new(), sp),
        };
        Expr::new(
            ExprKind::Member {
                object: Box::new(object),
                property: name,
            },
            sp,
        )
    }

    pub(super) fn arguments(&mut self, node: Node) -> Vec<Arg> {
        named_children(node)
            .into_iter()
            .map(|a| {
                let name = a.field("name").map(|n| self.cx.text(n).to_string());
                Arg {
                    name,
                    value: self.expr(a),
                }
            })
            .collect()
    }

    fn invocation(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let function = node.field("function");
        // `nameof(user.Email)` is the text `Email`, a name and no data.
        if function.is_some_and(|f| self.cx.text(f) == "nameof") {
            return Expr::new(ExprKind::Literal, sp);
        }
        let callee = match function {
            Some(f) => self.expr(f),
            None => Expr::opaque(Vec::new(), sp),
        };
        let args = node
            .field("arguments")
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

    /// `new Foo(a) { Email = e }` constructs `Foo` from `a` and an object of
    /// the initialized fields; `new() { .. }` constructs the declared type,
    /// which is not known here (`new`).
    fn creation(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let ty = node
            .field("type")
            .and_then(|t| type_name(&self.cx, t))
            .unwrap_or_else(|| "new".into());
        let mut args = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "argument_list")
            .map(|a| self.arguments(a))
            .unwrap_or_default();
        if let Some(init) = node.field("initializer").or_else(|| {
            named_children(node)
                .into_iter()
                .find(|c| c.kind() == "initializer_expression")
        }) {
            args.push(Arg::positional(self.initializer(init)));
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

    /// `{ Email = e, Name = n }` is an object of those keys; `{ a, b }` a
    /// list; `{ ["email"] = e }` and `{ { "email", e } }` a dictionary.
    fn initializer(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let items = named_children(node);
        let keyed = items.iter().all(|i| {
            i.kind() == "assignment_expression"
                || (i.kind() == "initializer_expression" && named_children(*i).len() == 2)
        });
        if !keyed || items.is_empty() {
            let values = items.into_iter().map(|i| self.expr(i)).collect();
            return Expr::new(ExprKind::Array(values), sp);
        }
        let mut entries = Vec::new();
        for i in items {
            let (k, v) = match i.kind() {
                "assignment_expression" => (i.field("left"), i.field("right")),
                _ => {
                    let pair = named_children(i);
                    (pair.first().copied(), pair.get(1).copied())
                }
            };
            let (Some(k), Some(v)) = (k, v) else { continue };
            let key = match k.kind() {
                "identifier" => Some(self.cx.text(k).to_string()),
                // `["email"] = e`: an implicit element access.
                _ => {
                    let key = self.expr(k);
                    key_of(&key)
                }
            };
            let value = self.expr(v);
            entries.push((key.or_else(|| Some(String::new())), value));
        }
        Expr::new(ExprKind::Object(entries), sp)
    }

    /// `new { Email = e, u.Phone }`: an object with keys `Email` and `Phone`.
    fn anonymous(&mut self, node: Node) -> Vec<(Option<String>, Expr)> {
        let mut entries = Vec::new();
        let mut key: Option<String> = None;
        let mut cursor = node.walk();
        let children: Vec<Node> = node.children(&mut cursor).collect();
        for (i, c) in children.iter().enumerate() {
            if !c.is_named() || c.kind().contains("comment") {
                continue;
            }
            let assigns = children.get(i + 1).is_some_and(|n| n.kind() == "=");
            if assigns && c.kind() == "identifier" {
                key = Some(self.cx.text(*c).to_string());
                continue;
            }
            let value = self.expr(*c);
            // A projection is named by its last member (`u.Phone` -> Phone).
            let name = key.take().or_else(|| match &value.kind {
                ExprKind::Name(n) | ExprKind::Member { property: n, .. } => Some(n.clone()),
                _ => None,
            });
            entries.push((name, value));
        }
        entries
    }

    fn lambda(&mut self, node: Node) -> Expr {
        let params = match node.field("parameters") {
            Some(p) if p.kind() == "implicit_parameter" || p.kind() == "identifier" => {
                vec![CsParam {
                    name: self.cx.text(p).to_string(),
                    ty: None,
                    annotations: Vec::new(),
                    span: span(p),
                    key: None,
                    rest: false,
                }]
            }
            Some(p) => self.parameters(p),
            None => named_children(node)
                .into_iter()
                .find(|c| c.kind() == "parameter_list")
                .map(|p| self.parameters(p))
                .unwrap_or_default(),
        };
        let body = node.field("body").or_else(|| {
            named_children(node)
                .into_iter()
                .rfind(|c| c.kind() == "block")
        });
        let decorators = self
            .attribute_names(node)
            .into_iter()
            .map(|(n, _)| n)
            .collect();
        self.hoist_body(
            FunctionName::Anonymous(Anonymous::Lambda),
            params,
            None,
            body,
            node,
            decorators,
        )
    }

    /// Binds the names a pattern declares to the parts of `value` they take:
    /// `User u` to value, `{ Email: var e }` e to `value.Email`.
    fn pattern(&mut self, node: Node, value: Expr) {
        if !self.cx.enter() {
            return;
        }
        let sp = span(node);
        match node.kind() {
            "declaration_pattern" | "var_pattern" | "recursive_pattern" => {
                if let Some(n) = node.field("name").filter(|n| n.kind() == "identifier") {
                    let ty = node.field("type").and_then(|t| type_name(&self.cx, t));
                    let stmt = self.bind(n, ty, Some(value.clone()), sp);
                    self.cx.emit(stmt);
                }
                for c in named_children(node) {
                    if c.kind() == "property_pattern_clause" {
                        for sub in named_children(c) {
                            let parts = named_children(sub);
                            let (Some(k), Some(p)) = (parts.first(), parts.last()) else {
                                continue;
                            };
                            if parts.len() != 2 {
                                continue;
                            }
                            let member = Expr::new(
                                ExprKind::Member {
                                    object: Box::new(value.clone()),
                                    property: self.cx.text(*k).to_string(),
                                },
                                span(*k),
                            );
                            self.pattern(*p, member);
                        }
                    }
                }
            }
            "parenthesized_pattern" | "and_pattern" | "or_pattern" => {
                for c in named_children(node) {
                    self.pattern(c, value.clone());
                }
            }
            _ => {}
        }
        self.cx.leave();
    }

    /// `switch` used as a value: one of the arms' values, with the arms'
    /// patterns bound before the enclosing statement.
    fn switch_value(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let mut children = named_children(node).into_iter();
        let subject = children.next().map(|s| self.expr(s));
        let mut parts = Vec::new();
        for arm in children {
            if arm.kind() != "switch_expression_arm" {
                continue;
            }
            let items = named_children(arm);
            let Some((result, rest)) = items.split_last() else {
                continue;
            };
            for p in rest {
                match (p.kind(), &subject) {
                    ("when_clause", _) => {
                        let e = self.expr(*p);
                        parts.push(Expr::opaque(vec![e], span(*p)));
                    }
                    (_, Some(s)) => self.pattern(*p, s.clone()),
                    _ => {}
                }
            }
            parts.push(self.expr(*result));
        }
        parts.push(Expr::opaque(subject.into_iter().collect(), sp));
        Expr::new(ExprKind::Either(parts), sp)
    }

    /// `from u in users where .. select u.Email`: the selected value, with
    /// each range variable bound to the elements of its source.
    fn query(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let mut others = Vec::new();
        let mut selected = Vec::new();
        self.query_clauses(node, &mut selected, &mut others);
        selected.push(Expr::opaque(others, sp));
        Expr::new(ExprKind::Either(selected), sp)
    }

    fn query_clauses(&mut self, node: Node, selected: &mut Vec<Expr>, others: &mut Vec<Expr>) {
        for clause in named_children(node) {
            match clause.kind() {
                "from_clause" | "join_clause" | "let_clause" => {
                    let name = clause.field("name").or_else(|| {
                        named_children(clause)
                            .into_iter()
                            .find(|c| c.kind() == "identifier")
                    });
                    let source: Vec<Node> = named_children(clause)
                        .into_iter()
                        .filter(|c| Some(*c) != name && c.kind() != "identifier")
                        .collect();
                    let value = source.first().map(|s| self.expr(*s));
                    for s in source.iter().skip(1) {
                        let e = self.expr(*s);
                        others.push(e);
                    }
                    if let Some(n) = name {
                        let stmt = self.bind(n, None, value, span(clause));
                        self.cx.emit(stmt);
                    }
                }
                "select_clause" => {
                    if let Some(e) = named_children(clause).first() {
                        let e = self.expr(*e);
                        selected.push(e);
                    }
                }
                "query_continuation" => self.query_clauses(clause, selected, others),
                _ => {
                    let e = self.children_exprs(clause);
                    others.extend(e);
                }
            }
        }
    }

    /// `a + b + c` is one string-building expression; the chain is walked
    /// without recursion so long concatenations cost no stack. `a ?? b` is
    /// either value.
    fn binary(&mut self, node: Node) -> Expr {
        let sp = span(node);
        if let Some(operands) = plus_chain(node, self.cx.src) {
            let parts = operands.into_iter().map(|o| self.expr(o)).collect();
            return Expr::new(ExprKind::Format(parts), sp);
        }
        let op = node
            .field("operator")
            .map(|o| self.cx.text(o))
            .unwrap_or("");
        let parts = ["left", "right"]
            .into_iter()
            .filter_map(|f| node.field(f))
            .map(|c| self.expr(c))
            .collect();
        match op {
            "??" => Expr::new(ExprKind::Either(parts), sp),
            "-" => difference(parts, sp),
            _ => Expr::opaque(parts, sp),
        }
    }

    /// `$"Hi {user.Name}"`: string building of its text and holes.
    fn interpolated(&mut self, node: Node) -> ExprKind {
        let mut parts = Vec::new();
        for c in named_children(node) {
            match c.kind() {
                "interpolation" => {
                    if let Some(e) = named_children(c).into_iter().find(|e| {
                        !matches!(
                            e.kind(),
                            "interpolation_brace"
                                | "interpolation_alignment_clause"
                                | "interpolation_format_clause"
                        )
                    }) {
                        parts.push(self.expr(e));
                    }
                }
                "string_content" | "raw_string_content" | "escape_sequence" => parts.push(
                    Expr::new(ExprKind::Str(self.cx.text(c).to_string()), span(c)),
                ),
                _ => {}
            }
        }
        ExprKind::Format(parts)
    }
}

/// The key a dictionary initializer's `["email"]` names.
fn key_of(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Array(items) if items.len() == 1 => items[0].as_key().map(str::to_string),
        ExprKind::Opaque(items) if items.len() == 1 => key_of(&items[0]),
        _ => e.as_key().map(str::to_string),
    }
}
