//! Helpers shared by the front-ends: parsing, spans, text and a depth
//! guard for the tree-sitter ones, plus what every front-end needs (the
//! Rust one included): function hoisting, and statements met inside
//! expressions.
//!
//! Some expressions hold statements: an assignment used as a value
//! (`f(x = y)`), a Java `instanceof` pattern, a Rust block, `if` or `match`
//! (Go's expressions hold none; Python's `:=` is not lowered yet).
//! The IR has no statements inside expressions, so the lowering of such an
//! expression hands them to [`Ctx::emit`], and the statement that holds the
//! expression is added to its body with [`Ctx::push`], which puts them
//! first: they run before it. A function or class written inside an
//! expression has statements of its own, lowered inside [`nested`] so that
//! they do not mix with those of the statement around it.

use crate::frontend::fields::Fields;
use cpu_time::ThreadTime;
use tree_sitter::{Node, ParseOptions, Parser, Tree};

use super::{FrontendError, MAX_DEPTH};
use crate::budget::{self, Steps};
use crate::ir::{Expr, ExprKind, FileIr, Function, FunctionName, Span, Stmt};

/// Parses `source` with `language`, within the parse budget: tree-sitter
/// asks every hundred operations whether to go on, and is stopped once the
/// thread has spent more CPU time on it than [`budget::parse_time`] allows,
/// or the process has grown by more than [`budget::parse_memory`] (checked
/// every 64th time: error recovery on a hostile file can allocate
/// gigabytes in little CPU time).
pub fn parse(language: tree_sitter::Language, source: &str) -> Result<Tree, FrontendError> {
    let mut parser = Parser::new();
    parser
        .set_language(&language)
        .map_err(|e| FrontendError::Parse(e.to_string()))?;
    match bracket_depths(source, budget::MAX_BRACKET_DEPTH) {
        Brackets::TooDeep => {
            return Err(FrontendError::Budget(format!(
                "brackets nest deeper than {}; no real code does, and the parser's \
                 error recovery on such a file can take gigabytes",
                budget::MAX_BRACKET_DEPTH
            )));
        }
        Brackets::Open(open) if open > budget::MAX_UNCLOSED_BRACKETS => {
            return Err(FrontendError::Budget(format!(
                "{open} brackets are left open at the end of the file; no real code leaves \
                 more than a few, and the parser's error recovery on them can take minutes"
            )));
        }
        Brackets::Open(_) => {}
    }
    let limit = budget::parse_time(source.len());
    let start = ThreadTime::try_now().ok();
    let memory_limit = budget::parse_memory(source.len());
    // Read on the first memory check, not before the parse: most files are
    // parsed before it, and reading the process's memory is a file read.
    let mut start_memory: Option<Option<u64>> = None;
    let mut checks: u32 = 0;
    let mut over_budget = None;
    // The parser calls back every hundred or so operations; the clock and
    // the memory are read on some calls only, as each read is a system call.
    let mut check = |_: &tree_sitter::ParseState| {
        checks = checks.wrapping_add(1);
        if checks.is_multiple_of(TIME_CHECK_EVERY)
            && start
                .as_ref()
                .and_then(|s| s.try_elapsed().ok())
                .is_some_and(|spent| spent > limit)
        {
            over_budget = Some(format!(
                "parsing took more than {:.1} s of CPU",
                limit.as_secs_f64()
            ));
        } else if checks.is_multiple_of(MEMORY_CHECK_EVERY) {
            let now = budget::resident_bytes();
            match start_memory {
                None => start_memory = Some(now),
                Some(before) => {
                    if let (Some(before), Some(now)) = (before, now)
                        && now.saturating_sub(before) > memory_limit
                    {
                        over_budget = Some(format!(
                            "parsing took more than {} MiB of memory",
                            memory_limit >> 20
                        ));
                    }
                }
            }
        }
        over_budget.is_some()
    };
    let bytes = source.as_bytes();
    let tree = parser.parse_with_options(
        &mut |i, _| bytes.get(i..).unwrap_or_default(),
        None,
        Some(ParseOptions::new().progress_callback(&mut check)),
    );
    match tree {
        Some(tree) => Ok(tree),
        None => Err(match over_budget {
            Some(what) => FrontendError::Budget(what),
            None => FrontendError::Parse("the parser gave up".into()),
        }),
    }
}

/// Parser callbacks between two reads of the thread's CPU time.
const TIME_CHECK_EVERY: u32 = 8;
/// Parser callbacks between two reads of the process's memory.
const MEMORY_CHECK_EVERY: u32 = 64;

/// How the brackets of a source file nest, counted without regard to
/// strings and comments (a real file's strings do not leave many open).
#[derive(Debug, PartialEq, Eq)]
enum Brackets {
    /// Deeper than the limit somewhere.
    TooDeep,
    /// Within the limit, with this many left open at the end.
    Open(usize),
}

fn bracket_depths(source: &str, limit: usize) -> Brackets {
    let mut depth = 0usize;
    for b in source.bytes() {
        match b {
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Brackets::TooDeep;
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Brackets::Open(depth)
}

/// Visits every node of `tree` in document order, as a front-end's walk
/// does at least; returns how many there are.
pub fn walk(tree: &Tree) -> usize {
    let mut cursor = tree.walk();
    let mut nodes = 1;
    loop {
        if cursor.goto_first_child() {
            nodes += 1;
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                nodes += 1;
                break;
            }
            if !cursor.goto_parent() {
                return nodes;
            }
        }
    }
}

/// Characters of `source` in lines made only of operator characters, with
/// at least two different ones (`/*/*/*`): no statement of a real file, and
/// not a banner (`=====`) or a comment (`# ---`).
pub fn operator_lines(source: &str) -> usize {
    const OPERATORS: &[u8] = b"+-*/%&|^~<>=!@.,:;?\\$";
    source
        .lines()
        .map(|line| {
            let mut chars = line.bytes().filter(|b| !b.is_ascii_whitespace());
            let Some(first) = chars.next() else { return 0 };
            let mut count = 1;
            let mut mixed = false;
            for b in chars {
                if !OPERATORS.contains(&b) {
                    return 0;
                }
                mixed |= b != first;
                count += 1;
            }
            if OPERATORS.contains(&first) && mixed {
                count
            } else {
                0
            }
        })
        .sum()
}

/// The state of one file's lowering.
pub struct Ctx<'s> {
    pub src: &'s str,
    pub ir: FileIr,
    depth: usize,
    too_deep: bool,
    /// Lowering steps left (see `crate::budget`), and whether they ran out.
    steps: Steps,
    over_budget: bool,
    /// The class, struct or impl whose body is being lowered.
    pub class: Option<String>,
    /// Statements met inside the expressions of the statement being
    /// lowered, in order; they go before it.
    pending: Vec<Stmt>,
}

impl<'s> Ctx<'s> {
    pub fn new(src: &'s str) -> Ctx<'s> {
        Ctx {
            src,
            ir: FileIr::default(),
            depth: 0,
            too_deep: false,
            steps: Steps::scaled(budget::LOWERING_BASE, budget::LOWERING_PER_BYTE, src.len()),
            over_budget: false,
            class: None,
            pending: Vec::new(),
        }
    }

    /// Hands over a statement met inside an expression: it runs before the
    /// statement that holds the expression.
    pub fn emit(&mut self, stmt: Stmt) {
        self.pending.push(stmt);
    }

    /// Adds `stmt` to `body`, after the statements its expressions held.
    pub fn push(&mut self, body: &mut Vec<Stmt>, stmt: Stmt) {
        self.flush(body);
        body.push(stmt);
    }

    /// Adds the statements met so far to `body`.
    pub fn flush(&mut self, body: &mut Vec<Stmt>) {
        body.append(&mut self.pending);
    }

    pub fn text(&self, node: Node) -> &'s str {
        self.src.get(node.byte_range()).unwrap_or("")
    }

    /// Enters one nesting level; `false` when the file is too deep or its
    /// lowering budget is spent, in which case the caller lowers the node
    /// as opaque and does not recurse.
    pub fn enter(&mut self) -> bool {
        if !self.steps.take() {
            if !self.over_budget {
                self.over_budget = true;
                self.ir.notices.push(
                    "analysis budget exceeded while lowering; the rest of the file was not analysed"
                        .into(),
                );
            }
            return false;
        }
        if self.depth >= MAX_DEPTH {
            if !self.too_deep {
                self.too_deep = true;
                self.ir.notices.push(format!(
                    "nesting deeper than {MAX_DEPTH} levels was not analysed"
                ));
            }
            return false;
        }
        self.depth += 1;
        true
    }

    pub fn leave(&mut self) {
        self.depth -= 1;
    }

    /// Lowers one nested expression with `lower` inside the depth guard;
    /// beyond the limit the node becomes an opaque expression.
    pub fn guarded(&mut self, node: Node, lower: impl FnOnce(&mut Self) -> Expr) -> Expr {
        if !self.enter() {
            return Expr::opaque(Vec::new(), span(node));
        }
        let e = lower(self);
        self.leave();
        e
    }

    /// Hoists a class's field initializers and initializer blocks (`inits`),
    /// if it has any, as one function of the class,
    /// [`FunctionName::FieldInitializers`], at `span`.
    pub fn hoist_field_initializers(&mut self, class: &str, inits: Vec<Stmt>, span: Span) {
        if inits.is_empty() {
            return;
        }
        self.hoist(Function {
            name: FunctionName::FieldInitializers,
            class: Some(class.to_string()),
            params: Vec::new(),
            decorators: Vec::new(),
            body: inits,
            span,
        });
    }

    /// Adds a function to the file and returns the expression that refers
    /// to it where it was written.
    pub fn hoist(&mut self, function: Function) -> Expr {
        let span = function.span;
        self.ir.functions.push(function);
        Expr::new(ExprKind::Function(self.ir.functions.len() - 1), span)
    }

    /// Records where tree-sitter had to recover from syntax errors.
    pub fn note_syntax_errors(&mut self, root: Node) {
        if !root.has_error() {
            return;
        }
        let mut cursor = root.walk();
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            if node.is_error() || node.is_missing() {
                let p = node.start_position();
                self.ir.notices.push(format!(
                    "syntax error at {}:{}; analysed the parts that parsed",
                    p.row + 1,
                    p.column + 1
                ));
                return;
            }
            if node.has_error() {
                stack.extend(node.children(&mut cursor));
            }
        }
    }
}

impl<'s> AsMut<Ctx<'s>> for Ctx<'s> {
    fn as_mut(&mut self) -> &mut Ctx<'s> {
        self
    }
}

/// Lowers a function or class written inside an expression with `lower`:
/// the statements met so far belong to the statement around it and wait
/// until `lower` is done. `lower` flushes the statements it meets into the
/// bodies it builds.
pub fn nested<'s, L: AsMut<Ctx<'s>>, T>(lx: &mut L, lower: impl FnOnce(&mut L) -> T) -> T {
    let outer = std::mem::take(&mut lx.as_mut().pending);
    let lowered = lower(lx);
    lx.as_mut().pending = outer;
    lowered
}

pub fn span(node: Node) -> Span {
    let s = node.start_position();
    let e = node.end_position();
    Span {
        start_line: s.row as u32 + 1,
        start_col: s.column as u32,
        end_line: e.row as u32 + 1,
        end_col: e.column as u32,
    }
}

/// The named children of `node`, skipping comments.
pub fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    let mut out = Vec::with_capacity(node.named_child_count());
    // Every grammar read parses comments as extras: only an extra's kind
    // (a C string, checked as UTF-8 when read) needs looking at.
    out.extend(
        node.named_children(&mut cursor)
            .filter(|c| !(c.is_extra() && c.kind().contains("comment"))),
    );
    out
}

/// Removes generics, pointers, references and array brackets from a type as
/// written, keeping the dotted base name: `*gin.Context` -> `gin.Context`,
/// `List<String>` -> `List`, `&mut Json<T>` -> `Json`.
pub fn base_type(written: &str) -> String {
    let t = written.trim();
    let t = t.trim_start_matches(['*', '&', '[', ']']);
    let t = t.strip_prefix("mut ").unwrap_or(t).trim();
    let end = t.find(['<', '[', '(', ' ', '{']).unwrap_or(t.len());
    t[..end].replace("::", ".")
}

/// A number literal as written: an `Int` when it is a decimal integer
/// (`4`, `1_000`, Java's `4L`, Rust's `4usize`), any other number (`4.0`,
/// `1e3`, `0x1f`) a plain literal.
pub fn number(written: &str) -> ExprKind {
    let end = written
        .find(|c: char| !(c.is_ascii_digit() || c == '_'))
        .unwrap_or(written.len());
    let (digits, suffix) = written.split_at(end);
    let integer_suffix = matches!(suffix, "" | "L" | "l" | "n")
        || (suffix.starts_with(['u', 'i'])
            && suffix[1..].chars().all(|c| c.is_ascii_alphanumeric()));
    let digits: String = digits.chars().filter(|&c| c != '_').collect();
    match digits.parse::<i64>() {
        Ok(n) if integer_suffix && !digits.is_empty() => ExprKind::Int(n),
        _ => ExprKind::Literal,
    }
}

/// `-operand`: the negative of an integer literal, or an opaque value.
pub fn negated(operand: Expr, span: Span) -> Expr {
    match operand.kind {
        ExprKind::Int(n) => Expr::new(ExprKind::Int(n.saturating_neg()), span),
        _ => Expr::opaque(vec![operand], span),
    }
}

/// `a - b`: a position counted from the end (`len(s) - 4`,
/// `s.length() - 4`, `s.len() - 4`) is the negative integer a slice
/// would take (`-4`); any other difference an opaque value.
pub fn difference(parts: Vec<Expr>, span: Span) -> Expr {
    let reads_length = |e: &Expr| {
        let name = match &e.kind {
            ExprKind::Member { property, .. } => property.as_str(),
            ExprKind::Call { callee, .. } => match &callee.kind {
                ExprKind::Member { property, .. } => property.as_str(),
                ExprKind::Name(n) => n.as_str(),
                _ => "",
            },
            _ => "",
        };
        matches!(
            name,
            "len" | "length" | "size" | "count" | "Length" | "Count"
        )
    };
    match parts.as_slice() {
        [left, right] if reads_length(left) && right.as_int().is_some_and(|n| n > 0) => {
            let n = right.as_int().unwrap_or_default();
            Expr::new(ExprKind::Int(-n), span)
        }
        _ => Expr::opaque(parts, span),
    }
}

/// Strips the quotes and prefixes of a string literal written in source.
pub fn unquote(literal: &str) -> String {
    let t = literal.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    for q in ["\"\"\"", "'''", "\"", "'", "`"] {
        if let Some(inner) = t.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner.to_string();
        }
    }
    t.to_string()
}

/// The operands of a left-leaning `a + b + c` chain of `binary_expression`
/// nodes, left to right, or `None` when `node` is not a `+`.
pub fn plus_chain<'t>(node: Node<'t>, src: &str) -> Option<Vec<Node<'t>>> {
    operator_chain(node, src, "+")
}

/// The operands of a left-leaning chain of `binary_expression` nodes with
/// `operator` (`a + b + c`, PHP's `$a . $b . $c`), left to right, or
/// `None` when `node` is not one. Walked as a loop so that a long
/// concatenation costs no stack.
pub fn operator_chain<'t>(node: Node<'t>, src: &str, operator: &str) -> Option<Vec<Node<'t>>> {
    let is_link = |n: Node| {
        n.kind() == "binary_expression"
            && n.field("operator")
                .is_some_and(|o| src.get(o.byte_range()) == Some(operator))
    };
    if !is_link(node) {
        return None;
    }
    let mut rights = Vec::new();
    let mut cur = node;
    while is_link(cur) {
        match (cur.field("left"), cur.field("right")) {
            (Some(l), Some(r)) => {
                rights.push(r);
                cur = l;
            }
            _ => break,
        }
    }
    let mut operands = vec![cur];
    operands.extend(rights.into_iter().rev());
    Some(operands)
}

/// `A.B.C` as a chain of member accesses on the name `A`.
pub fn dotted(path: &str, sp: Span) -> Expr {
    let mut parts = path.split('.').filter(|p| !p.is_empty());
    let first = parts.next().unwrap_or("");
    let mut e = Expr::new(ExprKind::Name(first.to_string()), sp);
    for part in parts {
        e = Expr::new(
            ExprKind::Member {
                object: Box::new(e),
                property: part.to_string(),
            },
            sp,
        );
    }
    e
}

/// A qualified name written with `separator` (PHP's `\App\Models\User`,
/// Ruby's `Stripe::Customer`) as the dotted path rules use.
pub fn dotted_path(written: &str, separator: &str) -> String {
    written
        .split(separator)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(".")
}

/// The character an escape sequence of a string literal stands for
/// (`\n`, `\t`, `\\`, quotes), and `\` followed by the language's
/// interpolation sigil (`$` in PHP, `#` in Ruby) as that sigil; any other
/// sequence as written.
pub fn unescape(escape: &str, sigil: char) -> String {
    match escape {
        "\\n" => "\n".into(),
        "\\t" => "\t".into(),
        "\\\\" => "\\".into(),
        "\\\"" => "\"".into(),
        "\\'" => "'".into(),
        other
            if other
                .strip_prefix('\\')
                .is_some_and(|rest| rest.starts_with(sigil) && rest.len() == sigil.len_utf8()) =>
        {
            sigil.to_string()
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{Brackets, bracket_depths, operator_lines};

    #[test]
    fn bracket_depth_counts_open_brackets_of_every_kind() {
        assert_eq!(bracket_depths("f([{x}])", 3), Brackets::Open(0));
        assert_eq!(bracket_depths("f([{(x", 3), Brackets::TooDeep);
        assert_eq!(bracket_depths("f([x", 3), Brackets::Open(2));
        // Closers beyond the openers do not bank depth for later.
        assert_eq!(bracket_depths(")))))(((", 3), Brackets::Open(3));
    }

    #[test]
    fn operator_lines_count_mixed_operator_only_lines() {
        assert_eq!(operator_lines("/*/*/*\n  */* \n"), 9);
        // Banners, comments, code and closing brackets are not counted.
        assert_eq!(operator_lines("=====\n# -*- x -*-\na = b * c\n)),\n"), 0);
    }
}
