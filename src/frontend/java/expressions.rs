//! Expressions: names (locals, fields of the class and its string constants
//! resolved), member access, calls and `new`, string building, lambdas and
//! anonymous classes, and `switch` used as a value.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use crate::frontend::tree::{
    difference, dotted, named_children, negated, nested, number, plus_chain, span,
};
use crate::ir::{Anonymous, Arg, Expr, ExprKind, Function, FunctionName, Span, Stmt, Target};

use super::{JParam, Lower, class_members, string_content, type_name};

impl Lower<'_> {
    pub(super) fn explicit_constructor(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let callee = node
            .field("constructor")
            .map(|c| self.cx.text(c).to_string())
            .unwrap_or_else(|| "super".into());
        let args = node
            .field("arguments")
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
                let object = node.field("array").map(|o| self.expr(o));
                let index = node.field("index").map(|i| self.expr(i));
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
                    .field("template_argument")
                    .map(|t| vec![Expr::new(self.string(t), span(t))])
                    .unwrap_or_default();
                ExprKind::Format(parts)
            }
            "binary_expression" => return self.binary(node),
            "ternary_expression" => {
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
            "array_creation_expression" => match node.field("value") {
                Some(v) => return self.expr(v),
                None => ExprKind::Opaque(Vec::new()),
            },
            "array_initializer" | "element_value_array_initializer" => {
                ExprKind::Array(self.children_exprs(node))
            }
            "switch_expression" => return self.switch_value(node),
            "instanceof_expression" => {
                let left = node.field("left").map(|l| self.expr(l));
                // `o instanceof User u` binds u to o.
                if let (Some(l), Some(n)) = (&left, node.field("name")) {
                    let name = self.cx.text(n).to_string();
                    let ty = node.field("right").and_then(|t| type_name(&self.cx, t));
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
            "decimal_integer_literal" => number(self.cx.text(node)),
            "unary_expression" if node.field("operator").is_some_and(|o| o.kind() == "-") => {
                let operand = node.field("operand").map(|o| self.expr(o));
                return negated(operand.unwrap_or(Expr::opaque(Vec::new(), sp)), sp);
            }
            // `Api.class`: the class, named (a service made of an
            // interface names it so).
            "class_literal" => match node.named_child(0) {
                Some(ty) => ExprKind::Member {
                    object: Box::new(dotted(self.cx.text(ty), span(ty))),
                    property: "class".to_string(),
                },
                None => ExprKind::Literal,
            },
            "true"
            | "false"
            | "null_literal"
            | "character_literal"
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
        let field = node.field("field");
        // `Outer.this` is this object.
        if field.is_some_and(|f| f.kind() == "this") {
            return Expr::new(ExprKind::Name("this".into()), sp);
        }
        // `this.URL`, `SmsClient.URL`: a constant of this or an enclosing class.
        if let (Some(o), Some(f)) = (node.field("object"), field) {
            let owner = self.cx.text(o);
            let own = owner == "this"
                || (o.kind() == "identifier"
                    && !self.locals.iter().any(|l| l == owner)
                    && self.classes.iter().any(|c| c == owner));
            if own && let Some(text) = self.constant(self.cx.text(f)) {
                return Expr::new(ExprKind::Str(text.to_string()), sp);
            }
        }
        let object = node.field("object").map(|o| self.expr(o));
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
            .field("name")
            .map(|n| self.cx.text(n).to_string())
            .unwrap_or_default();
        let callee = match node.field("object") {
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

    /// `new Foo(a)` constructs `Foo`; an anonymous class body's methods are
    /// hoisted as methods of `Foo`.
    fn creation(&mut self, node: Node) -> Expr {
        let sp = span(node);
        let ty = node
            .field("type")
            .and_then(|t| type_name(&self.cx, t))
            .unwrap_or_default();
        let args = node
            .field("arguments")
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
        let params = match node.field("parameters") {
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
            match node.field("body") {
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
        let cond = node.field("condition").map(|c| self.expr(c));
        if let Some(body) = node.field("body") {
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
        match plus_chain(node, self.cx.src) {
            Some(operands) => {
                let parts = operands.into_iter().map(|o| self.expr(o)).collect();
                Expr::new(ExprKind::Format(parts), sp)
            }
            None => {
                let parts = self.children_exprs(node);
                let op = node.field("operator").map(|o| o.kind());
                if op == Some("-") {
                    return difference(parts, sp);
                }
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
