//! PHP expressions: variables, member and scoped access, calls, `new`,
//! arrays, strings with interpolation, `.` concatenation, `??` and `?:`,
//! closures and arrow functions.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use super::Lower;
use crate::frontend::tree::{
    Ctx, difference, dotted, dotted_path, named_children, negated, number, operator_chain, span,
    unescape,
};
use crate::ir::{Arg, Expr, ExprKind, Span};

/// A variable's name without its `$`: `$email` is `email`, `$this` `this`.
pub(super) fn variable(cx: &Ctx, node: Node) -> String {
    cx.text(node).trim_start_matches('$').to_string()
}

/// The text of a key written as a literal (`'email'`, `"email"`, `email`).
pub(super) fn key_text(cx: &Ctx, node: Node) -> String {
    match literal_string(cx, node) {
        ExprKind::Str(s) => s,
        _ => cx.text(node).to_string(),
    }
}

/// A string literal's content, or a plain literal when it interpolates.
pub(super) fn literal_string(cx: &Ctx, node: Node) -> ExprKind {
    match node.kind() {
        "string" | "encapsed_string" | "nowdoc" | "heredoc" => {
            let mut text = String::new();
            for part in string_parts(node) {
                match part.kind() {
                    "string_content" | "nowdoc_string" | "string_value" => {
                        text.push_str(cx.text(part))
                    }
                    "escape_sequence" => text.push_str(&unescape(cx.text(part), '$')),
                    _ => return ExprKind::Literal,
                }
            }
            ExprKind::Str(text)
        }
        _ => ExprKind::Literal,
    }
}

/// The parts of a string literal: its content, escapes and interpolations
/// (a heredoc's are inside its body).
fn string_parts(node: Node) -> Vec<Node> {
    named_children(node)
        .into_iter()
        .flat_map(|c| match c.kind() {
            "heredoc_body" | "nowdoc_body" => named_children(c),
            "heredoc_start" | "heredoc_end" => Vec::new(),
            _ => vec![c],
        })
        .collect()
}

impl Lower<'_> {
    pub(super) fn expr(&mut self, node: Node) -> Expr {
        if !self.cx.enter() {
            return Expr::opaque(Vec::new(), span(node));
        }
        let e = self.expr_inner(node);
        self.cx.leave();
        e
    }

    fn expr_inner(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let kind = match node.kind() {
            "variable_name" => ExprKind::Name(variable(&self.cx, node)),
            "name" => ExprKind::Name(self.cx.text(node).to_string()),
            "qualified_name" | "namespace_name" => {
                return dotted(&dotted_path(self.cx.text(node), "\\"), sp);
            }
            "relative_scope" => ExprKind::Name("this".into()),
            "member_access_expression" | "nullsafe_member_access_expression" => {
                return self.member(node, sp);
            }
            "scoped_property_access_expression" => return self.member(node, sp),
            "class_constant_access_expression" => return self.class_constant(node, sp),
            "member_call_expression"
            | "nullsafe_member_call_expression"
            | "scoped_call_expression" => {
                let callee = self.member(node, sp);
                let args = self.arguments(node.field("arguments"));
                ExprKind::Call {
                    callee: Box::new(callee),
                    args,
                    construct: false,
                }
            }
            "function_call_expression" => return self.function_call(node, sp),
            "object_creation_expression" => {
                let parts = named_children(node);
                let class = parts
                    .iter()
                    .find(|c| matches!(c.kind(), "name" | "qualified_name" | "variable_name"));
                match class {
                    Some(c) => {
                        let callee = self.expr(*c);
                        let args =
                            self.arguments(parts.iter().find(|c| c.kind() == "arguments").copied());
                        ExprKind::Call {
                            callee: Box::new(callee),
                            args,
                            construct: true,
                        }
                    }
                    // `new class(...) { ... }`: an anonymous class.
                    None => ExprKind::Opaque(Vec::new()),
                }
            }
            "subscript_expression" => {
                let parts = named_children(node);
                let object = parts.first().map(|o| self.expr(*o));
                let index = parts.get(1).map(|i| self.expr(*i));
                match object {
                    Some(o) => ExprKind::Index {
                        object: Box::new(o),
                        index: Box::new(index.unwrap_or(Expr::new(ExprKind::Literal, sp))),
                    },
                    None => ExprKind::Opaque(Vec::new()),
                }
            }
            "assignment_expression"
            | "reference_assignment_expression"
            | "augmented_assignment_expression" => {
                // An assignment used as a value: the statement runs first,
                // and the value is what was assigned.
                if let Some(stmt) = self.assignment(node) {
                    self.cx.emit(stmt);
                }
                return match node.field("left") {
                    Some(l) if l.kind() == "variable_name" => self.expr(l),
                    _ => Expr::opaque(Vec::new(), sp),
                };
            }
            "string" | "encapsed_string" | "heredoc" | "nowdoc" => self.string(node),
            "binary_expression" => return self.binary(node, sp),
            "conditional_expression" => {
                let condition = node.field("condition").map(|c| self.expr(c));
                let body = node.field("body").map(|b| self.expr(b));
                let alternative = node.field("alternative").map(|a| self.expr(a));
                let mut parts = Vec::new();
                match body {
                    // `a ? b : c` is b or c, never a.
                    Some(b) => {
                        parts.push(b);
                        parts.extend(alternative);
                        parts.push(Expr::opaque(condition.into_iter().collect(), sp));
                    }
                    // `a ?: c` is a or c.
                    None => {
                        parts.extend(condition);
                        parts.extend(alternative);
                    }
                }
                ExprKind::Either(parts)
            }
            "match_expression" => {
                let mut parts = Vec::new();
                let mut tested = Vec::new();
                if let Some(c) = node.field("condition") {
                    tested.push(self.expr(c));
                }
                if let Some(block) = node.field("body") {
                    for arm in named_children(block) {
                        if let Some(r) = arm.field("return_expression") {
                            parts.push(self.expr(r));
                        }
                        if let Some(c) = arm.field("conditional_expressions") {
                            tested.extend(self.children(c));
                        }
                    }
                }
                parts.push(Expr::opaque(tested, sp));
                ExprKind::Either(parts)
            }
            "array_creation_expression" => self.array(node),
            "parenthesized_expression"
            | "cast_expression"
            | "error_suppression_expression"
            | "clone_expression"
            | "by_ref"
            | "variadic_unpacking" => {
                let cast_to_value = node
                    .field("type")
                    .map(|t| self.cx.text(t).to_ascii_lowercase())
                    .is_none_or(|t| matches!(t.as_str(), "string" | "array" | "object"));
                let inner = node
                    .field("value")
                    .or_else(|| named_children(node).last().copied());
                match inner {
                    Some(i) if cast_to_value => return self.expr(i),
                    Some(i) => ExprKind::Opaque(vec![self.expr(i)]),
                    None => ExprKind::Opaque(Vec::new()),
                }
            }
            "arrow_function" | "anonymous_function" => {
                return self.function(node, None);
            }
            "integer" => number(self.cx.text(node)),
            "unary_op_expression" if self.cx.text(node).trim_start().starts_with('-') => {
                let operand = node
                    .field("argument")
                    .or_else(|| named_children(node).last().copied())
                    .map(|a| self.expr(a));
                return negated(operand.unwrap_or(Expr::opaque(Vec::new(), sp)), sp);
            }
            "float" | "boolean" | "null" => ExprKind::Literal,
            "sequence_expression" => ExprKind::Array(self.children(node)),
            _ => ExprKind::Opaque(self.children(node)),
        };
        Expr::new(kind, sp)
    }

    /// `$a->b`, `$a?->b`, `A::$b`, and the callee of `$a->b()`, `A::b()`.
    fn member(&mut self, node: Node, sp: Span) -> Expr {
        let object = node.field("object").or_else(|| node.field("scope"));
        let name = node.field("name");
        let object = object.map(|o| self.expr(o));
        match (object, name) {
            (Some(o), Some(n)) if matches!(n.kind(), "name" | "variable_name") => {
                let property = if node.kind() == "scoped_property_access_expression" {
                    variable(&self.cx, n)
                } else {
                    self.cx.text(n).to_string()
                };
                Expr::new(
                    ExprKind::Member {
                        object: Box::new(o),
                        property,
                    },
                    sp,
                )
            }
            // `$a->$name`: a property chosen at run time.
            (Some(o), Some(n)) => {
                let index = self.expr(n);
                Expr::new(
                    ExprKind::Index {
                        object: Box::new(o),
                        index: Box::new(index),
                    },
                    sp,
                )
            }
            (Some(o), None) => o,
            (None, _) => Expr::opaque(Vec::new(), sp),
        }
    }

    /// `self::API` (a string constant of the class is the string),
    /// `User::class` (the class's name), `Status::Active`.
    fn class_constant(&mut self, node: Node, sp: Span) -> Expr {
        let parts = named_children(node);
        let [scope, name] = parts.as_slice() else {
            return Expr::opaque(Vec::new(), sp);
        };
        let constant = self.cx.text(*name);
        let scope_text = self.cx.text(*scope);
        if constant == "class" {
            return Expr::new(ExprKind::Str(dotted_path(scope_text, "\\")), sp);
        }
        let own = scope.kind() == "relative_scope"
            || self
                .classes
                .iter()
                .any(|c| c == scope_text.trim_start_matches('\\'));
        if own && let Some((_, value)) = self.constants.iter().rev().find(|(n, _)| n == constant) {
            return Expr::new(ExprKind::Str(value.clone()), sp);
        }
        // Another class's constant (`Request::HEADER_X_FORWARDED_FOR`) is a
        // value fixed in code: it names a setting, it reads no data.
        if constant.chars().any(|c| c.is_ascii_uppercase())
            && !constant.chars().any(|c| c.is_ascii_lowercase())
        {
            return Expr::new(ExprKind::Literal, sp);
        }
        let object = self.expr(*scope);
        Expr::new(
            ExprKind::Member {
                object: Box::new(object),
                property: constant.to_string(),
            },
            sp,
        )
    }

    /// `f(...)`; `compact('email', 'phone')` is the array of those
    /// variables.
    fn function_call(&mut self, node: Node, sp: Span) -> Expr {
        let function = node.field("function");
        if function.is_some_and(|f| self.cx.text(f).trim_start_matches('\\') == "compact") {
            let mut entries = Vec::new();
            for arg in node
                .field("arguments")
                .map(named_children)
                .unwrap_or_default()
            {
                if let Some(v) = named_children(arg).last()
                    && let ExprKind::Str(name) = literal_string(&self.cx, *v)
                {
                    let value = Expr::new(ExprKind::Name(name.clone()), span(*v));
                    entries.push((Some(name), value));
                }
            }
            return Expr::new(ExprKind::Object(entries), sp);
        }
        let callee = match function {
            Some(f) => self.expr(f),
            None => return Expr::opaque(Vec::new(), sp),
        };
        let args = self.arguments(node.field("arguments"));
        Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                construct: false,
            },
            sp,
        )
    }

    fn arguments(&mut self, node: Option<Node>) -> Vec<Arg> {
        let mut args = Vec::new();
        for arg in node.map(named_children).unwrap_or_default() {
            if arg.kind() != "argument" {
                continue;
            }
            let name = arg.field("name");
            let Some(value) = named_children(arg).into_iter().find(|c| Some(*c) != name) else {
                continue;
            };
            args.push(Arg {
                name: name.map(|n| self.cx.text(n).to_string()),
                value: self.expr(value),
            });
        }
        args
    }

    /// `.` joins strings; `??` is either side; `-` may count from the end of
    /// a string (`strlen($s) - 4`); anything else computes a value that
    /// carries no data.
    fn binary(&mut self, node: Node, sp: Span) -> Expr {
        let operator = node
            .field("operator")
            .map(|o| self.cx.text(o))
            .unwrap_or("");
        if operator == "." {
            // A long concatenation nests to the left; walked as a loop.
            let operands = operator_chain(node, self.cx.src, ".").unwrap_or_default();
            let parts = operands.into_iter().map(|n| self.expr(n)).collect();
            return Expr::new(ExprKind::Format(parts), sp);
        }
        let parts = self.children(node);
        match operator {
            "??" => Expr::new(ExprKind::Either(parts), sp),
            "-" => difference(parts, sp),
            _ => Expr::opaque(parts, sp),
        }
    }

    /// `['email' => $e, 'phone' => $p]` is an object with keys; `[$a, $b]`
    /// a list; `...$rest` spreads into either.
    fn array(&mut self, node: Node) -> ExprKind {
        let elements = named_children(node);
        let keyed = elements
            .iter()
            .any(|e| named_children(*e).len() == 2 && e.kind() == "array_element_initializer");
        let mut items = Vec::new();
        let mut entries = Vec::new();
        for element in elements {
            let parts = named_children(element);
            match parts.as_slice() {
                [key, value] => {
                    let key = match literal_string(&self.cx, *key) {
                        ExprKind::Str(s) => Some(s),
                        _ => Some(self.cx.text(*key).to_string()),
                    };
                    entries.push((key, self.expr(*value)));
                }
                [value] if value.kind() == "variadic_unpacking" => {
                    let v = self.expr(*value);
                    entries.push((None, v.clone()));
                    items.push(v);
                }
                [value] => {
                    let v = self.expr(*value);
                    if keyed {
                        entries.push((Some(entries.len().to_string()), v));
                    } else {
                        items.push(v);
                    }
                }
                _ => {}
            }
        }
        if keyed {
            ExprKind::Object(entries)
        } else {
            ExprKind::Array(items)
        }
    }

    /// A string literal, or the parts of one that interpolates
    /// (`"Hello {$user->name}"`, heredocs), with its literal text kept: it
    /// holds URL hosts and SQL verbs.
    fn string(&mut self, node: Node) -> ExprKind {
        if let ExprKind::Str(s) = literal_string(&self.cx, node) {
            return ExprKind::Str(s);
        }
        let mut parts = Vec::new();
        for part in string_parts(node) {
            match part.kind() {
                "string_content" | "string_value" | "escape_sequence" => parts.push(Expr::new(
                    ExprKind::Str(unescape(self.cx.text(part), '$')),
                    span(part),
                )),
                _ => parts.push(self.expr(part)),
            }
        }
        ExprKind::Format(parts)
    }
}
