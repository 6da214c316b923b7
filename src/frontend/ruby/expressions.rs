//! Ruby expressions: names, constants and instance variables, calls with
//! and without parentheses, blocks, `X.new`, element references, hashes and
//! arrays, strings, symbols and heredocs with interpolation, `+`/`<<`
//! concatenation, `||`, `&&`, `?:`, `rescue` modifiers and `if`/`case`
//! used as values. `h.dig(:a, :b)` is the index chain `h[:a][:b]` it
//! stands for.

use crate::frontend::fields::Fields;
use tree_sitter::Node;

use super::Lower;
use crate::frontend::tree::{
    Ctx, difference, dotted_path, named_children, negated, number, span, unescape,
};
use crate::ir::{Anonymous, Arg, Expr, ExprKind, Span, Stmt};

/// Methods called without parentheses that are Ruby's or Rails' own, not
/// attributes: `email.downcase` is a call of `downcase`, so that the flow
/// rules that name methods see it. Any other `a.b` is a member read.
const CALLED_METHODS: &[&str] = &[
    "to_s",
    "to_str",
    "to_sym",
    "to_i",
    "to_f",
    "to_json",
    "to_h",
    "to_hash",
    "to_a",
    "to_param",
    "to_query",
    "inspect",
    "downcase",
    "upcase",
    "capitalize",
    "swapcase",
    "strip",
    "lstrip",
    "rstrip",
    "chomp",
    "chop",
    "squish",
    "titleize",
    "humanize",
    "parameterize",
    "dup",
    "clone",
    "freeze",
    "compact",
    "flatten",
    "uniq",
    "size",
    "length",
    "count",
    "save",
    "destroy",
    "delete",
    "reload",
    "touch",
    "presence",
    "attributes",
    "as_json",
    "serializable_hash",
    "deliver",
    "deliver_now",
    "deliver_later",
    "new",
    "hexdigest",
    "digest",
    "base64digest",
];

/// Methods whose block runs over the elements of their receiver: the block
/// is lowered in place, its parameters bound to the receiver, as a `for`.
const ITERATORS: &[&str] = &[
    "each",
    "each_with_index",
    "each_with_object",
    "each_value",
    "map",
    "collect",
    "flat_map",
    "filter_map",
    "select",
    "filter",
    "reject",
    "find",
    "detect",
    "find_each",
    "find_in_batches",
    "each_slice",
    "group_by",
    "sort_by",
    "min_by",
    "max_by",
    "sum",
    "any?",
    "all?",
    "none?",
    "count",
    "partition",
    "tap",
    "then",
    "index_by",
];

/// The content of a string or symbol literal, or a plain literal when it
/// interpolates or is no string: `:email`, `"email"`, `email:` (a hash
/// key) are `email`.
pub(super) fn literal_string(cx: &Ctx, node: Node) -> ExprKind {
    match node.kind() {
        "simple_symbol" => ExprKind::Str(cx.text(node).trim_start_matches(':').to_string()),
        "hash_key_symbol" | "identifier" | "constant" => ExprKind::Str(cx.text(node).to_string()),
        "string" | "delimited_symbol" | "bare_string" | "bare_symbol" => {
            let mut text = String::new();
            for part in named_children(node) {
                match part.kind() {
                    "string_content" => text.push_str(cx.text(part)),
                    "escape_sequence" => text.push_str(&unescape(cx.text(part), '#')),
                    _ => return ExprKind::Literal,
                }
            }
            ExprKind::Str(text)
        }
        _ => ExprKind::Literal,
    }
}

/// Whether a constant's name is written in capitals (`API_URL`, `MAX`):
/// a value fixed in code, where `Stripe` or `Customer` names a class.
fn shouting(name: &str) -> bool {
    name.len() > 1
        && name.chars().any(|c| c.is_ascii_uppercase())
        && !name.chars().any(|c| c.is_ascii_lowercase())
}

impl<'t> Lower<'_, 't> {
    pub(super) fn expr(&mut self, node: Node<'t>) -> Expr {
        if !self.cx.enter() {
            return Expr::opaque(Vec::new(), span(node));
        }
        let e = self.expr_inner(node, false);
        self.cx.leave();
        e
    }

    /// An expression written as a statement: a method named without
    /// arguments (`user.save`, `mail.deliver_later`) is called.
    pub(super) fn statement_expr(&mut self, node: Node<'t>) -> Expr {
        if !self.cx.enter() {
            return Expr::opaque(Vec::new(), span(node));
        }
        let e = self.expr_inner(node, true);
        self.cx.leave();
        e
    }

    /// A value assigned or returned: `x rescue y` is either.
    pub(super) fn value(&mut self, node: Node<'t>) -> Expr {
        self.expr(node)
    }

    /// The value of `return a` (`a`) or `return a, b` (both, as an array).
    pub(super) fn arguments_value(&mut self, node: Node<'t>) -> Expr {
        if node.kind() != "argument_list" {
            return self.expr(node);
        }
        let items: Vec<Node> = named_children(node)
            .into_iter()
            .filter(|c| c.kind() != "heredoc_body")
            .collect();
        match items.as_slice() {
            [one] => self.expr(*one),
            _ => {
                let parts = items.into_iter().map(|i| self.expr(i)).collect();
                Expr::new(ExprKind::Array(parts), span(node))
            }
        }
    }

    fn expr_inner(&mut self, node: Node<'t>, statement: bool) -> Expr {
        let sp = span(node);
        let kind = match node.kind() {
            "identifier" => {
                let name = self.cx.text(node);
                if self.is_local(name) {
                    ExprKind::Name(name.to_string())
                } else {
                    // A bare name Ruby has seen no assignment of is a call
                    // of a method of `self` (`params`, `current_user`).
                    ExprKind::Call {
                        callee: Box::new(Expr::new(ExprKind::Name(name.to_string()), sp)),
                        args: Vec::new(),
                        construct: false,
                    }
                }
            }
            "self" => ExprKind::Name("this".into()),
            "instance_variable" | "class_variable" => ExprKind::Member {
                object: Box::new(Expr::new(ExprKind::Name("this".into()), sp)),
                property: self.cx.text(node).trim_start_matches('@').to_string(),
            },
            "global_variable" => {
                ExprKind::Name(self.cx.text(node).trim_start_matches('$').to_string())
            }
            "constant" => return self.constant(node, sp),
            "scope_resolution" => return self.scope_resolution(node, sp),
            "call" => return self.call(node, sp, statement),
            "element_reference" => {
                let object = node.field("object");
                let parts: Vec<Node> = named_children(node)
                    .into_iter()
                    .filter(|c| Some(*c) != object && !matches!(c.kind(), "block" | "do_block"))
                    .collect();
                let object = match object {
                    Some(o) => self.expr(o),
                    None => return Expr::opaque(Vec::new(), sp),
                };
                let index = match parts.first() {
                    Some(i) => self.expr(*i),
                    None => Expr::new(ExprKind::Literal, sp),
                };
                let mut rest: Vec<Expr> = parts.iter().skip(1).map(|p| self.expr(*p)).collect();
                let e = Expr::new(
                    ExprKind::Index {
                        object: Box::new(object),
                        index: Box::new(index),
                    },
                    sp,
                );
                if rest.is_empty() {
                    return e;
                }
                // `s[0, 4]`: a start and a length.
                rest.insert(0, e);
                ExprKind::Opaque(rest)
            }
            "string" | "delimited_symbol" | "bare_string" | "bare_symbol" => self.string(node),
            "simple_symbol" | "hash_key_symbol" => literal_string(&self.cx, node),
            "chained_string" => {
                let parts = named_children(node)
                    .into_iter()
                    .map(|p| self.expr(p))
                    .collect();
                ExprKind::Format(parts)
            }
            "heredoc_beginning" => match self.heredocs.get(&node.start_byte()).copied() {
                Some(body) => self.string(body),
                None => ExprKind::Literal,
            },
            "string_array" | "symbol_array" | "array" => {
                ExprKind::Array(self.items(named_children(node)))
            }
            "hash" => ExprKind::Object(self.pairs(named_children(node))),
            "pair" => ExprKind::Object(self.pairs(vec![node])),
            "binary" => return self.binary(node, sp),
            "conditional" => {
                let condition = node.field("condition").map(|c| self.expr(c));
                let mut parts = Vec::new();
                for field in ["consequence", "alternative"] {
                    if let Some(b) = node.field(field) {
                        parts.push(self.expr(b));
                    }
                }
                parts.push(Expr::opaque(condition.into_iter().collect(), sp));
                ExprKind::Either(parts)
            }
            "unary" => {
                let operator = node
                    .field("operator")
                    .map(|o| self.cx.text(o))
                    .unwrap_or("");
                let operand = node.field("operand").map(|o| self.expr(o));
                let operand = operand.unwrap_or(Expr::opaque(Vec::new(), sp));
                return match operator {
                    "-" => negated(operand, sp),
                    "+" => operand,
                    _ => Expr::opaque(vec![operand], sp),
                };
            }
            "rescue_modifier" => {
                let mut parts = Vec::new();
                for field in ["body", "handler"] {
                    if let Some(b) = node.field(field) {
                        parts.push(self.expr(b));
                    }
                }
                ExprKind::Either(parts)
            }
            "parenthesized_statements"
            | "begin"
            | "block_body"
            | "body_statement"
            | "then"
            | "else"
            | "do" => return self.block_value(node, sp),
            "if" | "unless" | "elsif" => return self.if_value(node, sp),
            "case" | "case_match" => return self.case_value(node, sp),
            "assignment" | "operator_assignment" => {
                // An assignment used as a value: it runs first, and the
                // value is what was assigned.
                for stmt in self.assignment(node) {
                    self.cx.emit(stmt);
                }
                return match node.field("left") {
                    Some(l) if l.kind() != "left_assignment_list" => self.expr(l),
                    _ => Expr::opaque(Vec::new(), sp),
                };
            }
            "splat_argument" | "hash_splat_argument" | "block_argument" => {
                match named_children(node).first() {
                    Some(inner) => return self.expr(*inner),
                    None => ExprKind::Opaque(Vec::new()),
                }
            }
            "lambda" => return self.closure(node, Anonymous::Lambda),
            "block" | "do_block" => return self.closure(node, Anonymous::Closure),
            "method" | "singleton_method" => return self.function(node),
            "class" | "module" => {
                crate::frontend::tree::nested(self, |lw| lw.class(node));
                ExprKind::Literal
            }
            "range" => {
                let start = node.field("begin").map(|b| self.expr(b));
                let end = node.field("end").map(|b| self.expr(b));
                let exclusive = node
                    .field("operator")
                    .is_some_and(|o| self.cx.text(o) == "...");
                // `s[0..3]` keeps four characters, `s[0...3]` three: the
                // IR's ranges end before their end.
                let end = end.map(|e| match (e.kind, exclusive) {
                    (ExprKind::Int(n), false) if n >= 0 => {
                        Expr::new(ExprKind::Int(n.saturating_add(1)), e.span)
                    }
                    (kind, _) => Expr::new(kind, e.span),
                });
                ExprKind::Range {
                    start: start.map(Box::new),
                    end: end.map(Box::new),
                }
            }
            "integer" => number(self.cx.text(node)),
            "float" | "true" | "false" | "nil" | "complex" | "rational" | "character" | "regex"
            | "encoding" | "file" | "line" | "heredoc_body" | "comment" => ExprKind::Literal,
            "return" | "next" | "break" | "yield" => {
                let value: Vec<Expr> = named_children(node)
                    .first()
                    .map(|a| self.arguments_value(*a))
                    .into_iter()
                    .collect();
                if node.kind() == "return" {
                    self.cx.emit(Stmt::Return(value.into_iter().next(), sp));
                    ExprKind::Opaque(Vec::new())
                } else {
                    ExprKind::Opaque(value)
                }
            }
            _ => ExprKind::Opaque(self.items(named_children(node))),
        };
        Expr::new(kind, sp)
    }

    fn items(&mut self, nodes: Vec<Node<'t>>) -> Vec<Expr> {
        nodes
            .into_iter()
            .filter(|n| n.kind() != "heredoc_body")
            .map(|n| self.expr(n))
            .collect()
    }

    /// `API_URL` (a string constant of the class or file is the string),
    /// `User`.
    fn constant(&mut self, node: Node<'t>, sp: Span) -> Expr {
        let name = self.cx.text(node);
        if let Some(value) = self
            .constants
            .iter()
            .rev()
            .flat_map(|scope| scope.iter().rev())
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
        {
            return Expr::new(value, sp);
        }
        Expr::new(ExprKind::Name(name.to_string()), sp)
    }

    /// `Stripe::Customer`; `Foo::API_URL` of the class being lowered is its
    /// string, another class's capitalized constant a value fixed in code.
    fn scope_resolution(&mut self, node: Node<'t>, sp: Span) -> Expr {
        let name = node.field("name").map(|n| self.cx.text(n)).unwrap_or("");
        let Some(scope) = node.field("scope") else {
            return self.constant_named(name, sp);
        };
        let scope_text = dotted_path(self.cx.text(scope), "::");
        // `Twilio::REST::Client`, `SendGrid::API.new`: a namespace or a
        // class, whatever its case, when something is looked up in it.
        let namespace = node.parent().is_some_and(|p| {
            (p.kind() == "scope_resolution" && p.field("scope") == Some(node))
                || (p.kind() == "call" && p.field("receiver") == Some(node))
        });
        if shouting(name) && !namespace {
            let own = self.classes.contains(&scope_text)
                || scope_text
                    .rsplit('.')
                    .next()
                    .is_some_and(|last| self.classes.last().is_some_and(|c| c == last));
            if own {
                return self.constant_named(name, sp);
            }
            return Expr::new(ExprKind::Literal, sp);
        }
        let object = self.expr(scope);
        Expr::new(
            ExprKind::Member {
                object: Box::new(object),
                property: name.to_string(),
            },
            sp,
        )
    }

    fn constant_named(&self, name: &str, sp: Span) -> Expr {
        match self
            .constants
            .iter()
            .rev()
            .flat_map(|scope| scope.iter())
            .find(|(n, _)| n == name)
        {
            Some((_, v)) => Expr::new(v.clone(), sp),
            None => Expr::new(ExprKind::Name(name.to_string()), sp),
        }
    }

    /// A call, or a member read where Ruby's syntax cannot tell them apart
    /// (`user.email`): see the module's documentation.
    fn call(&mut self, node: Node<'t>, sp: Span, statement: bool) -> Expr {
        let receiver = node.field("receiver");
        let method_node = node.field("method");
        let method = method_node.map(|m| self.cx.text(m)).unwrap_or("");
        let arguments = node.field("arguments");
        let block = node.field("block");
        if receiver.is_none() {
            match method {
                "require" | "require_relative" | "load" | "autoload" => {
                    let args = arguments.map(named_children).unwrap_or_default();
                    if let Some(ExprKind::Str(path)) =
                        args.last().map(|a| literal_string(&self.cx, *a))
                    {
                        let path = if method == "require_relative" && !path.starts_with('.') {
                            format!("./{path}")
                        } else {
                            path
                        };
                        self.import(&path);
                        return Expr::new(ExprKind::Literal, sp);
                    }
                }
                "raise" | "fail" => return self.raise(arguments, sp),
                "lambda" | "proc" if block.is_some() => {
                    if let Some(b) = block {
                        return self.closure(b, Anonymous::Lambda);
                    }
                }
                _ => {}
            }
        }
        let object = receiver.map(|r| self.expr(r));
        // `h.dig(:user, :email)` is `h[:user][:email]`.
        if method == "dig"
            && block.is_none()
            && let (Some(o), Some(args)) = (object.clone(), arguments)
        {
            let keys = named_children(args);
            if !keys.is_empty()
                && keys.iter().all(|k| {
                    !matches!(
                        k.kind(),
                        "pair" | "splat_argument" | "hash_splat_argument" | "block_argument"
                    )
                })
            {
                return keys.into_iter().fold(o, |object, key| {
                    let index = self.expr(key);
                    Expr::new(
                        ExprKind::Index {
                            object: Box::new(object),
                            index: Box::new(index),
                        },
                        sp,
                    )
                });
            }
        }
        let is_call = arguments.is_some()
            || block.is_some()
            || statement
            || receiver.is_none()
            || method.ends_with(['!', '?'])
            || CALLED_METHODS.contains(&method)
            || method_node.is_some_and(|m| m.kind() != "identifier");
        let callee = match object.clone() {
            Some(o) => Expr::new(
                ExprKind::Member {
                    object: Box::new(o),
                    property: method.to_string(),
                },
                sp,
            ),
            None => Expr::new(ExprKind::Name(method.to_string()), sp),
        };
        if !is_call {
            return callee;
        }
        let mut args = self.arguments(arguments);
        // `User.new(..)` builds a `User`; a bare `new(..)` in a class
        // method builds the class.
        let own_class = (method == "new" && object.is_none())
            .then(|| self.cx.class.clone())
            .flatten()
            .map(|c| Expr::new(ExprKind::Name(c), sp));
        let construct = method == "new" && (object.is_some() || own_class.is_some());
        let callee = match (construct, object.clone().or(own_class)) {
            (true, Some(o)) => o,
            _ => callee,
        };
        if let Some(b) = block {
            if let (true, Some(o)) = (ITERATORS.contains(&method), object) {
                let value = self.iterate(b, o);
                args.extend(value.map(Arg::positional));
            } else {
                let closure = self.closure(b, Anonymous::Closure);
                args.push(Arg::positional(closure));
            }
        }
        Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args,
                construct,
            },
            sp,
        )
    }

    /// A block over the elements of `collection`, lowered in place: its
    /// parameters hold the collection, its statements run here, and its
    /// value is returned.
    fn iterate(&mut self, block: Node<'t>, collection: Expr) -> Option<Expr> {
        if let Some(params) = block.field("parameters") {
            for p in named_children(params) {
                let name = match p.kind() {
                    "identifier" => Some(p),
                    "destructured_parameter" => None,
                    _ => p.field("name"),
                };
                let targets = match (name, p.kind()) {
                    (Some(n), _) => self.bind_targets(n),
                    (None, "destructured_parameter") => self.bind_targets(p),
                    _ => Vec::new(),
                };
                for target in targets {
                    self.cx.emit(Stmt::Assign {
                        target: crate::ir::Target::Place(target),
                        ty: None,
                        value: Some(collection.clone()),
                        span: span(p),
                    });
                }
            }
        }
        let body = block.field("body")?;
        let mut stmts = Vec::new();
        let value = self.body_value(body, &mut stmts);
        for s in stmts {
            self.cx.emit(s);
        }
        value
    }

    /// `raise ArgumentError, msg` raises `ArgumentError.new(msg)`; `raise
    /// msg` a `RuntimeError`; `raise error` an error made before.
    fn raise(&mut self, arguments: Option<Node<'t>>, sp: Span) -> Expr {
        let args: Vec<Node> = arguments.map(named_children).unwrap_or_default();
        match args.as_slice() {
            [] => Expr::opaque(Vec::new(), sp),
            [one]
                if matches!(
                    one.kind(),
                    "string" | "heredoc_beginning" | "chained_string"
                ) =>
            {
                let message = self.expr(*one);
                construct("RuntimeError", vec![Arg::positional(message)], sp)
            }
            [one] => {
                let e = self.expr(*one);
                Expr::opaque(vec![e], sp)
            }
            [class, rest @ ..] => {
                let class = self.expr(*class);
                let args = rest
                    .iter()
                    .map(|a| Arg::positional(self.expr(*a)))
                    .collect();
                Expr::new(
                    ExprKind::Call {
                        callee: Box::new(class),
                        args,
                        construct: true,
                    },
                    sp,
                )
            }
        }
    }

    /// Arguments in order: `email: e` and `"email" => e` written without
    /// braces are keyword arguments, as Ruby passes them; `**opts` and
    /// pairs whose key is computed are one object, the hash Ruby makes.
    fn arguments(&mut self, node: Option<Node<'t>>) -> Vec<Arg> {
        let mut args = Vec::new();
        let mut hash = Vec::new();
        let mut hash_at = None;
        for arg in node.map(named_children).unwrap_or_default() {
            match arg.kind() {
                "pair" => {
                    let key = arg.field("key");
                    let keyword = key.and_then(|k| match literal_string(&self.cx, k) {
                        ExprKind::Str(s) if !matches!(k.kind(), "identifier" | "constant") => {
                            Some(s)
                        }
                        _ => None,
                    });
                    match keyword {
                        Some(name) => {
                            let value = match arg.field("value") {
                                Some(v) => self.expr(v),
                                // `f(email:)`: the local or method `email`.
                                None => self.shorthand(&name, span(arg)),
                            };
                            args.push(Arg {
                                name: Some(name),
                                value,
                            });
                        }
                        None => {
                            hash_at.get_or_insert(args.len());
                            hash.push(arg);
                        }
                    }
                }
                "hash_splat_argument" => {
                    hash_at.get_or_insert(args.len());
                    hash.push(arg);
                }
                "heredoc_body" => {}
                _ => {
                    let value = self.expr(arg);
                    args.push(Arg::positional(value));
                }
            }
        }
        if let Some(at) = hash_at {
            let sp = span(hash[0]);
            let object = Expr::new(ExprKind::Object(self.pairs(hash)), sp);
            args.insert(at, Arg::positional(object));
        }
        args
    }

    /// The entries of a hash: `email: e`, `:email => e`, `"email" => e`;
    /// `**opts` is a spread.
    fn pairs(&mut self, nodes: Vec<Node<'t>>) -> Vec<(Option<String>, Expr)> {
        let mut out = Vec::new();
        for n in nodes {
            match n.kind() {
                "pair" => {
                    let key = n.field("key");
                    let value = n.field("value");
                    let key_name = key.and_then(|k| match literal_string(&self.cx, k) {
                        ExprKind::Str(s) if k.kind() != "identifier" && k.kind() != "constant" => {
                            Some(s)
                        }
                        _ => None,
                    });
                    let value = match value {
                        Some(v) => self.expr(v),
                        // `f(email:)`: the local of that name.
                        None => match &key_name {
                            Some(k) => self.shorthand(k, span(n)),
                            None => Expr::opaque(Vec::new(), span(n)),
                        },
                    };
                    match key_name {
                        Some(k) => out.push((Some(k), value)),
                        None => {
                            let k = key.map(|k| self.expr(k));
                            out.push((
                                None,
                                Expr::opaque(k.into_iter().chain([value]).collect(), span(n)),
                            ));
                        }
                    }
                }
                "hash_splat_argument" => {
                    if let Some(inner) = named_children(n).first() {
                        let v = self.expr(*inner);
                        out.push((None, v));
                    }
                }
                "heredoc_body" => {}
                _ => {
                    let v = self.expr(n);
                    out.push((None, v));
                }
            }
        }
        out
    }

    /// The value `email:` stands for in `f(email:)`: the local, or the
    /// method of that name.
    fn shorthand(&mut self, name: &str, sp: Span) -> Expr {
        let callee = Expr::new(ExprKind::Name(name.to_string()), sp);
        if self.is_local(name) {
            return callee;
        }
        Expr::new(
            ExprKind::Call {
                callee: Box::new(callee),
                args: Vec::new(),
                construct: false,
            },
            sp,
        )
    }

    /// A string, symbol or heredoc body: its text, or its literal parts
    /// and interpolated values.
    fn string(&mut self, node: Node<'t>) -> ExprKind {
        if let ExprKind::Str(s) = literal_string(&self.cx, node) {
            return ExprKind::Str(s);
        }
        let mut parts = Vec::new();
        for part in named_children(node) {
            match part.kind() {
                "string_content" | "heredoc_content" => {
                    parts.push(Expr::new(
                        ExprKind::Str(self.cx.text(part).to_string()),
                        span(part),
                    ));
                }
                "escape_sequence" => parts.push(Expr::new(
                    ExprKind::Str(unescape(self.cx.text(part), '#')),
                    span(part),
                )),
                "interpolation" => {
                    let inner = named_children(part);
                    let sp = span(part);
                    let value = match inner.as_slice() {
                        [one] => self.expr(*one),
                        _ => {
                            let mut stmts = Vec::new();
                            let v = self.body_value(part, &mut stmts);
                            for s in stmts {
                                self.cx.emit(s);
                            }
                            v.unwrap_or(Expr::opaque(Vec::new(), sp))
                        }
                    };
                    parts.push(value);
                }
                _ => {}
            }
        }
        if parts.iter().all(|p| p.as_str().is_some()) {
            let text: String = parts.iter().filter_map(|p| p.as_str()).collect();
            return ExprKind::Str(text);
        }
        ExprKind::Format(parts)
    }

    /// `+` and `<<` join strings, `"%s" % x` formats, `||` and `or` are
    /// either side, `a && b` is `b` (or a false `a`), `-` may count from the
    /// end (`s.length - 4`); anything else computes a value that carries no
    /// data.
    fn binary(&mut self, node: Node<'t>, sp: Span) -> Expr {
        let operator = node
            .field("operator")
            .map(|o| self.cx.text(o))
            .unwrap_or("");
        let left = node.field("left");
        let right = node.field("right");
        let string_left = left.is_some_and(|l| {
            matches!(
                l.kind(),
                "string" | "heredoc_beginning" | "chained_string" | "binary"
            )
        });
        let side = |lw: &mut Self, n: Option<Node<'t>>| match n {
            Some(n) => lw.expr(n),
            None => Expr::opaque(Vec::new(), sp),
        };
        match operator {
            "+" | "<<" => {
                // A long concatenation nests to the left; walk it as a
                // loop.
                let mut rights = Vec::new();
                let mut cur = node;
                while cur.kind() == "binary"
                    && cur
                        .field("operator")
                        .is_some_and(|o| self.cx.text(o) == operator)
                    && let Some(l) = cur.field("left")
                {
                    rights.push(cur.field("right"));
                    cur = l;
                }
                let mut parts = vec![self.expr(cur)];
                for r in rights.into_iter().rev() {
                    parts.push(side(self, r));
                }
                Expr::new(ExprKind::Format(parts), sp)
            }
            "%" if string_left => {
                let l = side(self, left);
                let r = side(self, right);
                Expr::new(ExprKind::Format(vec![l, r]), sp)
            }
            "||" | "or" => {
                let l = side(self, left);
                let r = side(self, right);
                Expr::new(ExprKind::Either(vec![l, r]), sp)
            }
            "&&" | "and" => {
                let l = side(self, left);
                let r = side(self, right);
                Expr::new(ExprKind::Either(vec![r, Expr::opaque(vec![l], sp)]), sp)
            }
            "-" => {
                let l = side(self, left);
                let r = side(self, right);
                difference(vec![l, r], sp)
            }
            _ => {
                let l = side(self, left);
                let r = side(self, right);
                Expr::opaque(vec![l, r], sp)
            }
        }
    }

    /// A body used as a value: its statements run here, its last
    /// expression is the value.
    fn block_value(&mut self, node: Node<'t>, sp: Span) -> Expr {
        let mut stmts = Vec::new();
        let value = self.body_value(node, &mut stmts);
        for s in stmts {
            self.cx.emit(s);
        }
        value.unwrap_or(Expr::opaque(Vec::new(), sp))
    }

    /// `x = if c then a else b end`: the condition runs, and the value is
    /// either branch's.
    fn if_value(&mut self, node: Node<'t>, sp: Span) -> Expr {
        let mut parts = Vec::new();
        if let Some(c) = node.field("condition") {
            let e = self.statement_expr(c);
            self.cx.emit(Stmt::Expr(e));
        }
        for field in ["consequence", "alternative"] {
            if let Some(b) = node.field(field) {
                parts.push(self.expr(b));
            }
        }
        Expr::new(ExprKind::Either(parts), sp)
    }

    /// `x = case v when .. then a else b end`: either branch's value.
    fn case_value(&mut self, node: Node<'t>, sp: Span) -> Expr {
        let value = node.field("value");
        if let Some(v) = value {
            let e = self.expr(v);
            self.cx.emit(Stmt::Expr(e));
        }
        let mut parts = Vec::new();
        for clause in named_children(node) {
            if Some(clause) == value {
                continue;
            }
            match clause.kind() {
                "when" | "in_clause" => {
                    for child in named_children(clause) {
                        match child.kind() {
                            "then" => parts.push(self.expr(child)),
                            _ => {
                                let e = self.statement_expr(child);
                                self.cx.emit(Stmt::Expr(e));
                            }
                        }
                    }
                }
                "else" => parts.push(self.expr(clause)),
                _ => {}
            }
        }
        Expr::new(ExprKind::Either(parts), sp)
    }
}

/// `Class.new(args)`.
fn construct(class: &str, args: Vec<Arg>, sp: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            callee: Box::new(Expr::new(ExprKind::Name(class.to_string()), sp)),
            args,
            construct: true,
        },
        sp,
    )
}
