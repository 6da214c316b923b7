//! Expressions: names (locals, fields of the class, string constants and
//! the members of a receiver lambda's object), navigation with `.` and
//! `?.`, calls with named arguments and lambdas lowered in place, string
//! templates, `+` and `?:`, `if`/`when`/`try` as values, map literals of
//! `to` pairs, anonymous functions and objects.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use super::declarations::this_member;
use super::{Lower, operator};
use crate::frontend::tree::{
    difference, dotted, named_children, negated, nested, number, span, unescape,
};
use crate::ir::{Anonymous, Arg, Expr, ExprKind, FunctionName, Span, Stmt, Target};

/// Scope functions whose lambda gets the object as its parameter (`it`),
/// and whether the call's value is the object (`also`) or the lambda's
/// (`let`).
const IT_SCOPES: &[(&str, bool)] = &[
    ("let", false),
    ("also", true),
    ("takeIf", true),
    ("takeUnless", true),
    ("use", false),
];

/// Functions whose lambda has the object as its receiver (`this`), and
/// whether the call's value is the object (`apply`) or the lambda's
/// (`run`). `edit { putString(..) }` is the preferences editor's (Android
/// KTX), whose lambda's receiver is the editor the call opens.
const RECEIVER_SCOPES: &[(&str, bool)] = &[("apply", true), ("run", false), ("edit", false)];

/// Top-level functions of the standard library, which a bare call in a
/// receiver lambda reaches rather than the receiver.
const TOP_LEVEL: &[&str] = &[
    "println",
    "print",
    "listOf",
    "mutableListOf",
    "setOf",
    "mutableSetOf",
    "mapOf",
    "mutableMapOf",
    "hashMapOf",
    "arrayOf",
    "emptyList",
    "emptyMap",
    "require",
    "requireNotNull",
    "check",
    "checkNotNull",
    "error",
    "TODO",
    "repeat",
    "lazy",
    "maxOf",
    "minOf",
    "with",
    "run",
    "buildString",
    "buildList",
    "buildMap",
    "bundleOf",
    "launch",
    "async",
    "withContext",
];

/// Map builders whose arguments are `key to value` pairs.
const MAP_BUILDERS: &[&str] = &[
    "mapOf",
    "mutableMapOf",
    "hashMapOf",
    "linkedMapOf",
    "sortedMapOf",
    "bundleOf",
];

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

    fn constant(&self, name: &str) -> Option<&str> {
        self.constants
            .iter()
            .rfind(|(n, _)| n == name)
            .map(|(_, t)| t.as_str())
    }

    /// A bare name: a local, a string constant, a field of this class
    /// (`this.<name>`), a member of a receiver lambda's object, or
    /// something outside (a class, a top-level property).
    fn name_ref(&self, name: &str, sp: Span) -> Expr {
        let is_local = self.locals.iter().any(|l| l == name);
        if is_local {
            return Expr::new(ExprKind::Name(name.to_string()), sp);
        }
        if matches!(name, "null" | "true" | "false") {
            return Expr::new(ExprKind::Literal, sp);
        }
        if let Some(text) = self.constant(name) {
            return Expr::new(ExprKind::Str(text.to_string()), sp);
        }
        if self.fields.iter().any(|f| f == name) {
            return this_member(name, sp);
        }
        if let Some(receiver) = self.receivers.last()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && name != "it"
        {
            return member(receiver.clone(), name, sp);
        }
        Expr::new(ExprKind::Name(name.to_string()), sp)
    }

    fn expr_inner(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let kind = match node.kind() {
            "identifier" => return self.name_ref(self.cx.text(node), sp),
            "this_expression" => {
                let labeled = self.cx.text(node).contains('@');
                match self.receivers.last() {
                    Some(r) if !labeled => return r.clone(),
                    _ => ExprKind::Name("this".into()),
                }
            }
            "super_expression" => ExprKind::Name("super".into()),
            "navigation_expression" => return self.navigation(node),
            "call_expression" => return self.call(node),
            "constructor_invocation" | "constructor_delegation_call" => {
                let callee = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "user_type")
                    .map(|t| dotted(self.cx.text(t), span(t)))
                    .unwrap_or_else(|| Expr::new(ExprKind::Name("this".into()), sp));
                let args = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "value_arguments")
                    .map(|a| self.arguments(a))
                    .unwrap_or_default();
                ExprKind::Call {
                    callee: Box::new(callee),
                    args,
                    construct: false,
                }
            }
            "index_expression" => {
                let mut parts = self.children_exprs(node);
                if parts.len() == 2 {
                    let index = parts.pop().unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                    let object = parts.pop().unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                    ExprKind::Index {
                        object: Box::new(object),
                        index: Box::new(index),
                    }
                } else {
                    ExprKind::Opaque(parts)
                }
            }
            "string_literal" | "multiline_string_literal" => self.string(node),
            "binary_expression" => return self.binary(node),
            "infix_expression" => {
                // `"email" to email` is a pair.
                let parts = self.children_exprs(node);
                let is_to = named_children(node)
                    .get(1)
                    .is_some_and(|op| self.cx.text(*op) == "to");
                match parts.len() {
                    3 if is_to => {
                        let mut parts = parts;
                        let value = parts.pop().unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                        parts.pop();
                        let key = parts.pop().unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                        ExprKind::Array(vec![key, value])
                    }
                    _ => ExprKind::Opaque(parts),
                }
            }
            "unary_expression" => {
                let argument = node.field("argument");
                let op = operator(node);
                let operand = argument
                    .map(|a| self.expr(a))
                    .unwrap_or_else(|| Expr::opaque(Vec::new(), sp));
                return match op {
                    // `user!!` is user.
                    Some("!!") => operand,
                    Some("-") => negated(operand, sp),
                    _ => Expr::opaque(vec![operand], sp),
                };
            }
            "as_expression" => {
                return match node.field("left") {
                    Some(l) => self.expr(l),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "parenthesized_expression" | "annotated_expression" | "labeled_expression" => {
                return match named_children(node)
                    .into_iter()
                    .rfind(|c| !matches!(c.kind(), "annotation" | "label"))
                {
                    Some(inner) => self.expr(inner),
                    None => Expr::opaque(Vec::new(), sp),
                };
            }
            "if_expression" | "when_expression" | "try_expression" => {
                let mut out = Vec::new();
                let mut values = Vec::new();
                nested(self, |lw| lw.branches(node, &mut out, &mut values));
                for stmt in out {
                    self.cx.emit(stmt);
                }
                values.push(Expr::opaque(Vec::new(), sp));
                ExprKind::Either(values)
            }
            "lambda_literal" => return self.inline_lambda(node, None),
            "anonymous_function" => {
                let params = named_children(node)
                    .into_iter()
                    .find(|c| c.kind() == "function_value_parameters")
                    .map(|ps| self.parameters(ps))
                    .unwrap_or_default();
                return self.hoist_function(
                    node,
                    FunctionName::Anonymous(Anonymous::Lambda),
                    params,
                );
            }
            "object_literal" => {
                self.anonymous_object(node);
                ExprKind::Opaque(Vec::new())
            }
            "collection_literal" => ExprKind::Array(self.children_exprs(node)),
            "callable_reference" => {
                let parts = named_children(node);
                match parts.as_slice() {
                    // `Api::class`: the class, named (a service made of an
                    // interface names it so).
                    [o] if self.cx.text(node).ends_with("::class") => ExprKind::Member {
                        object: Box::new(dotted(self.cx.text(*o), span(*o))),
                        property: "class".to_string(),
                    },
                    [m] => ExprKind::Name(self.cx.text(*m).to_string()),
                    [o, m] => ExprKind::Member {
                        object: Box::new(dotted(self.cx.text(*o), span(*o))),
                        property: self.cx.text(*m).to_string(),
                    },
                    _ => ExprKind::Opaque(Vec::new()),
                }
            }
            "spread_expression" | "return_expression" | "throw_expression" => {
                ExprKind::Opaque(self.children_exprs(node))
            }
            "number_literal" => number(self.cx.text(node).trim_end_matches(['u', 'U'])),
            "character_literal" | "float_literal" | "label" | "user_type" | "nullable_type" => {
                ExprKind::Literal
            }
            _ => ExprKind::Opaque(self.children_exprs(node)),
        };
        Expr::new(kind, sp)
    }

    /// `a.b`, `a?.b`; `Owner.TAG` of this class or its companion is the
    /// constant's text.
    fn navigation(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let children = named_children(node);
        let (Some(object), Some(last)) = (children.first(), children.last()) else {
            return Expr::opaque(Vec::new(), sp);
        };
        if children.len() < 2 || last.kind() != "identifier" {
            return Expr::opaque(self.children_exprs(node), sp);
        }
        let property = self.cx.text(*last).to_string();
        let owner = self.cx.text(*object);
        let own = matches!(object.kind(), "this_expression")
            || (object.kind() == "identifier"
                && !self.locals.iter().any(|l| l == owner)
                && (self.classes.iter().any(|c| c == owner) || owner == "Companion"));
        if own && let Some(text) = self.constant(&property) {
            return Expr::new(ExprKind::Str(text.to_string()), sp);
        }
        // A qualified name (`android.util.Log`) is written as one path.
        let object = self.expr(*object);
        member(object, &property, sp)
    }

    fn arguments(&mut self, node: Node) -> Vec<Arg> {
        let mut args = Vec::new();
        for a in named_children(node) {
            let parts = named_children(a);
            let mut cursor = a.walk();
            let named = a.children(&mut cursor).any(|c| c.kind() == "=");
            match parts.as_slice() {
                [k, v] if named && k.kind() == "identifier" => args.push(Arg {
                    name: Some(self.cx.text(*k).to_string()),
                    value: self.expr(*v),
                }),
                [.., v] => args.push(Arg::positional(self.expr(*v))),
                [] => {}
            }
        }
        args
    }

    /// A call: `f(a)`, `o.m(a)`, `o?.m(a) { .. }`, scope functions with
    /// their lambdas lowered in place.
    fn call(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let children = named_children(node);
        let Some(mut callee_node) = children.first().copied() else {
            return Expr::opaque(Vec::new(), sp);
        };
        let mut args_node = children
            .iter()
            .find(|c| c.kind() == "value_arguments")
            .copied();
        // `with(x) { .. }` and `o.m(a) { .. }` parse as the lambda given to
        // the call with arguments: one call.
        if args_node.is_none()
            && callee_node.kind() == "call_expression"
            && !named_children(callee_node)
                .iter()
                .any(|c| c.kind() == "annotated_lambda")
        {
            let inner = named_children(callee_node);
            if let (Some(c), Some(a)) = (
                inner.first().copied(),
                inner
                    .iter()
                    .find(|c| c.kind() == "value_arguments")
                    .copied(),
            ) {
                callee_node = c;
                args_node = Some(a);
            }
        }
        let lambda = children
            .iter()
            .find(|c| c.kind() == "annotated_lambda")
            .and_then(|l| {
                named_children(*l)
                    .into_iter()
                    .find(|c| matches!(c.kind(), "lambda_literal" | "labeled_expression"))
            })
            .map(|l| {
                if l.kind() == "labeled_expression" {
                    named_children(l)
                        .into_iter()
                        .find(|c| c.kind() == "lambda_literal")
                        .unwrap_or(l)
                } else {
                    l
                }
            });
        // The object and name of the called function.
        let (object_node, name) = match callee_node.kind() {
            "navigation_expression" => {
                let parts = named_children(callee_node);
                match (parts.first(), parts.last()) {
                    (Some(o), Some(n)) if parts.len() >= 2 && n.kind() == "identifier" => {
                        (Some(*o), self.cx.text(*n).to_string())
                    }
                    _ => (None, String::new()),
                }
            }
            "identifier" => (None, self.cx.text(callee_node).to_string()),
            _ => (None, String::new()),
        };
        if let Some(lambda) = lambda {
            // `x.let { }`, `x.apply { }`, `with(x) { }`.
            let object = match object_node {
                Some(o) => Some(self.expr(o)),
                None if name == "with" => args_node
                    .and_then(|a| named_children(a).into_iter().next())
                    .and_then(|a| named_children(a).into_iter().last())
                    .map(|a| self.expr(a)),
                None => None,
            };
            let scope = IT_SCOPES
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, object_value)| (false, *object_value))
                .or_else(|| {
                    RECEIVER_SCOPES
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, object_value)| (true, *object_value))
                })
                .or((name == "with").then_some((true, false)));
            if let (Some((with_receiver, object_value)), Some(object)) = (scope, object.clone()) {
                let object = self.bound(object);
                let receiver = if name == "edit" {
                    // The editor the call opens is the lambda's receiver.
                    let callee = member(object.clone(), "edit", sp);
                    self.bound(call_of(callee, Vec::new(), sp))
                } else {
                    object.clone()
                };
                let value = if with_receiver {
                    self.receivers.push(receiver);
                    let v = self.inline_lambda(lambda, None);
                    self.receivers.pop();
                    v
                } else {
                    self.inline_lambda(lambda, Some(receiver))
                };
                if object_value {
                    // The lambda's value is dropped; its calls still run.
                    self.cx.emit(Stmt::Expr(value));
                    return object;
                }
                return value;
            }
            if scope.is_some() && object_node.is_none() && name == "run" {
                return self.inline_lambda(lambda, None);
            }
            // Any other call with a trailing lambda: the call, with the
            // lambda's value as its last argument (`logger.info { "$email" }`,
            // `users.map { it.email }`); the lambda's parameter holds the
            // object.
            let object = object.map(|o| self.bound(o));
            let callee = match &object {
                Some(o) => member(o.clone(), &name, span(callee_node)),
                None => self.callee(callee_node, &name),
            };
            let mut args = args_node.map(|a| self.arguments(a)).unwrap_or_default();
            let value = self.inline_lambda(lambda, object);
            args.push(Arg::positional(value));
            return self.make_call(callee, &name, args, sp);
        }
        let callee = match object_node {
            Some(o) => {
                let object = self.expr(o);
                member(object, &name, span(callee_node))
            }
            None => self.callee(callee_node, &name),
        };
        let args = args_node.map(|a| self.arguments(a)).unwrap_or_default();
        if MAP_BUILDERS.contains(&name.as_str()) && object_node.is_none() {
            // `mapOf("email" to email)` is an object with keys.
            let pairs: Option<Vec<(Option<String>, Expr)>> = args
                .iter()
                .map(|a| match &a.value.kind {
                    ExprKind::Array(kv) if kv.len() == 2 => {
                        Some((kv[0].as_str().map(str::to_string), kv[1].clone()))
                    }
                    _ => None,
                })
                .collect();
            if let Some(pairs) = pairs.filter(|p| p.iter().all(|(k, _)| k.is_some())) {
                return Expr::new(ExprKind::Object(pairs), sp);
            }
        }
        self.make_call(callee, &name, args, sp)
    }

    /// The callee of a call without an object: a name, which in a receiver
    /// lambda is the receiver's method unless the class or the file
    /// declares it or the standard library's top level has it.
    fn callee(&mut self, node: Node, name: &str) -> Expr {
        let sp = span(node);
        if node.kind() != "identifier" {
            return self.expr(node);
        }
        if let Some(receiver) = self.receivers.last()
            && name.starts_with(|c: char| c.is_ascii_lowercase())
            && !self.methods.iter().any(|m| m == name)
            && !self.locals.iter().any(|l| l == name)
            && !TOP_LEVEL.contains(&name)
        {
            return member(receiver.clone(), name, sp);
        }
        Expr::new(ExprKind::Name(name.to_string()), sp)
    }

    /// A call of a capitalized name builds an object (`User(email = e)`).
    fn make_call(&self, callee: Expr, name: &str, args: Vec<Arg>, sp: Span) -> Expr {
        let construct = name.starts_with(|c: char| c.is_ascii_uppercase());
        Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                construct,
            },
            sp,
        )
    }

    /// `object`, itself when it is a name or a path of names; otherwise a
    /// variable that holds it, so that calls in it run once.
    fn bound(&mut self, object: Expr) -> Expr {
        if is_path(&object) {
            return object;
        }
        self.receiver_count += 1;
        let name = format!("this@{}", self.receiver_count);
        let sp = object.span;
        self.cx.emit(Stmt::Assign {
            target: Target::Place(Expr::new(ExprKind::Name(name.clone()), sp)),
            ty: None,
            value: Some(object),
            span: sp,
        });
        Expr::new(ExprKind::Name(name), sp)
    }

    /// Lowers a lambda in place: its parameter (`it` when none is declared)
    /// holds `param_value`, its statements run before the statement around
    /// it, and its value is that of its last expression.
    fn inline_lambda(&mut self, node: Node, param_value: Option<Expr>) -> Expr {
        let sp = span(node);
        let mark = self.locals.len();
        let mut out = Vec::new();
        let declared: Vec<(String, Span)> = named_children(node)
            .into_iter()
            .filter(|c| c.kind() == "lambda_parameters")
            .flat_map(named_children)
            .filter_map(|v| match v.kind() {
                "variable_declaration" => self.variable(v).map(|(n, _)| (n, span(v))),
                _ => None,
            })
            .collect();
        let params = if declared.is_empty() {
            vec![("it".to_string(), sp)]
        } else {
            declared
        };
        for (name, psp) in params {
            self.locals.push(name.clone());
            if let Some(v) = &param_value {
                out.push(Stmt::Assign {
                    target: Target::Place(Expr::new(ExprKind::Name(name), psp)),
                    ty: None,
                    value: Some(v.clone()),
                    span: psp,
                });
            }
        }
        let value = nested(self, |lw| lw.block_value(node, &mut out));
        self.locals.truncate(mark);
        for stmt in out {
            self.cx.emit(stmt);
        }
        value.unwrap_or_else(|| Expr::opaque(Vec::new(), sp))
    }

    /// `object : Callback { override fun onResponse(..) }`: its methods
    /// are lowered as methods of the type it implements.
    fn anonymous_object(&mut self, node: Node) {
        let name = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "delegation_specifiers")
            .and_then(|d| named_children(d).into_iter().next())
            .map(|d| {
                let t = self.cx.text(d);
                let t = t.split('(').next().unwrap_or(t);
                let t = t.split('<').next().unwrap_or(t).trim();
                t.rsplit('.').next().unwrap_or(t).to_string()
            })
            .unwrap_or_default();
        let Some(body) = named_children(node)
            .into_iter()
            .find(|c| c.kind() == "class_body")
        else {
            return;
        };
        let outer_class = self.cx.class.replace(name);
        let outer_receivers = std::mem::take(&mut self.receivers);
        nested(self, |lw| {
            for m in named_children(body) {
                if m.kind() == "function_declaration" {
                    lw.function(m);
                }
            }
        });
        self.receivers = outer_receivers;
        self.cx.class = outer_class;
    }

    /// `a + b + c` is one string-building expression, walked without
    /// recursion; `a ?: b` is either; other operators carry no data.
    fn binary(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let op = operator(node);
        match op {
            Some("+") | Some("?:") => {
                let mut rights = Vec::new();
                let mut cur = node;
                while cur.kind() == "binary_expression" && operator(cur) == op {
                    match (cur.field("left"), cur.field("right")) {
                        (Some(l), Some(r)) => {
                            rights.push(r);
                            cur = l;
                        }
                        _ => break,
                    }
                }
                let mut parts = vec![self.expr(cur)];
                for r in rights.into_iter().rev() {
                    parts.push(self.expr(r));
                }
                if op == Some("+") {
                    Expr::new(ExprKind::Format(parts), sp)
                } else {
                    Expr::new(ExprKind::Either(parts), sp)
                }
            }
            Some("-") => {
                let parts = self.children_exprs(node);
                difference(parts, sp)
            }
            _ => Expr::opaque(self.children_exprs(node), sp),
        }
    }

    /// A string with templates: `"$email"` and `"${user.phone}"` are
    /// parts of a `Format`; one without is a `Str`.
    fn string(&mut self, node: Node) -> ExprKind {
        let children = named_children(node);
        let mut parts: Vec<Expr> = Vec::new();
        let mut text = String::new();
        let mut templated = false;
        let mut i = 0;
        while i < children.len() {
            let c = children[i];
            let raw = self.cx.text(c);
            match c.kind() {
                "interpolation" => {
                    templated = true;
                    if !text.is_empty() {
                        parts.push(Expr::new(ExprKind::Str(std::mem::take(&mut text)), span(c)));
                    }
                    if let Some(e) = named_children(c).into_iter().next() {
                        parts.push(self.expr(e));
                    }
                }
                // The grammar leaves `$name` in a one-line string as a `$`
                // and the text after it: the name is the template.
                "string_content" if raw == "$" && i + 1 < children.len() => {
                    let next = self.cx.text(children[i + 1]);
                    let end = next
                        .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                        .unwrap_or(next.len());
                    let ident = &next[..end];
                    if children[i + 1].kind() == "string_content"
                        && ident.starts_with(|ch: char| ch.is_alphabetic() || ch == '_')
                    {
                        templated = true;
                        if !text.is_empty() {
                            parts
                                .push(Expr::new(ExprKind::Str(std::mem::take(&mut text)), span(c)));
                        }
                        parts.push(self.name_ref(ident, span(children[i + 1])));
                        text.push_str(&next[end..]);
                        i += 2;
                        continue;
                    }
                    text.push('$');
                }
                "escape_sequence" => text.push_str(&unescape(raw, '$')),
                _ => text.push_str(raw),
            }
            i += 1;
        }
        if !templated {
            return ExprKind::Str(text);
        }
        if !text.is_empty() {
            parts.push(Expr::new(ExprKind::Str(text), span(node)));
        }
        ExprKind::Format(parts)
    }

    /// The text of one part of a string without templates.
    pub(super) fn string_part(&self, node: Node) -> String {
        let raw = self.cx.text(node);
        match node.kind() {
            "escape_sequence" => unescape(raw, '$'),
            _ => raw.to_string(),
        }
    }
}

fn member(object: Expr, property: &str, sp: Span) -> Expr {
    Expr::new(
        ExprKind::Member {
            object: Box::new(object),
            property: property.to_string(),
        },
        sp,
    )
}

fn call_of(callee: Expr, args: Vec<Arg>, sp: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            callee: Box::new(callee),
            args,
            construct: false,
        },
        sp,
    )
}

/// A name or a chain of member accesses on one.
fn is_path(e: &Expr) -> bool {
    let mut cur = e;
    loop {
        match &cur.kind {
            ExprKind::Name(_) => return true,
            ExprKind::Member { object, .. } => cur = object,
            _ => return false,
        }
    }
}
