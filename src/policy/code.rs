//! The code around a finding, read again when a promise needs more than the
//! flow says: the functions a finding sits in (for consent guards and age
//! checks) and the call at its place (for the lifetime it gives).
//!
//! A file is read and lowered into the IR the first time a check asks about
//! it, and kept for the rest of the judging; only findings of categories a
//! manifest puts such promises on ever cause it. A file that cannot be read
//! or lowered again gives no answer, and the check then judges nothing.

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use crate::ir::{Expr, ExprKind, FileIr, Function, Span, Stmt, Target};
use crate::language::Language;
use crate::model::Location;

/// A source file and its IR.
pub struct Code {
    pub text: String,
    pub ir: FileIr,
    /// Where each line starts: a file with many findings is not walked
    /// from its start for each.
    line_starts: Vec<usize>,
}

/// Files read for judging, by path.
#[derive(Default)]
pub struct CodeReader {
    files: RefCell<HashMap<String, Option<Rc<Code>>>>,
}

/// A place in a file as the IR counts it: 1-based line, byte column.
pub(super) type Position = (u32, u32);

impl CodeReader {
    /// The file at `path` under `root`, read and lowered once.
    pub fn code(&self, root: &Path, path: &str) -> Option<Rc<Code>> {
        self.files
            .borrow_mut()
            .entry(path.to_string())
            .or_insert_with(|| {
                let language = Language::for_path(Path::new(path))?;
                let text = crate::files::read_settings(&root.join(path)).ok()?;
                let ir = crate::frontend::lower(language, Path::new(path), &text).ok()?;
                let line_starts = std::iter::once(0)
                    .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                    .collect();
                Some(Rc::new(Code {
                    text,
                    ir,
                    line_starts,
                }))
            })
            .clone()
    }
}

impl Code {
    /// Whether the file still shows `snippet` (a finding's source line, cut
    /// with `…` when long) at `location`: a file edited since it was scanned
    /// (`--staged` scans what is staged, not what is on disk) is not read
    /// for it.
    pub fn shows(&self, location: &Location, snippet: &str) -> bool {
        let shown = snippet.trim_matches('…').trim();
        self.line(location.start_line)
            .is_some_and(|line| line.contains(shown))
    }

    /// Where `location` starts, in the IR's terms.
    pub fn position(&self, location: &Location) -> Position {
        let line = self.line(location.start_line).unwrap_or("");
        let column = line
            .char_indices()
            .nth(location.start_column.saturating_sub(1) as usize)
            .map_or(line.len(), |(byte, _)| byte);
        (location.start_line, column as u32)
    }

    /// Line `n` (1-based), without its end.
    fn line(&self, n: u32) -> Option<&str> {
        let start = *self.line_starts.get((n as usize).checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(n as usize)
            .map_or(self.text.len(), |next| next - 1);
        self.text.get(start..end).map(|l| l.trim_end_matches('\r'))
    }

    /// The functions whose bodies hold `at`, outermost first (a closure's
    /// function comes after the one it is written in).
    pub fn enclosing(&self, at: Position) -> Vec<&Function> {
        let mut out: Vec<&Function> = self
            .ir
            .functions
            .iter()
            .filter(|f| holds(&f.span, at))
            .collect();
        out.sort_by_key(|f| std::cmp::Reverse(span_size(&f.span)));
        out
    }

    /// The statements `at` is judged among: those of every enclosing
    /// function, else the module's.
    pub fn statements(&self, at: Position) -> Vec<&[Stmt]> {
        let functions = self.enclosing(at);
        if functions.is_empty() {
            vec![self.ir.module.as_slice()]
        } else {
            functions.iter().map(|f| f.body.as_slice()).collect()
        }
    }

    /// The text of the value a file-level constant or a field initializer
    /// gives `name` (`COOKIE_AGE = 60 * 60 * 24`, `const minimumAge = 14`,
    /// `static final int MAX_AGE = ..`), if the file assigns it once.
    pub fn constant(&self, name: &str) -> Option<&str> {
        let name = name.rsplit(['.', ':']).next().unwrap_or(name);
        let initializers = self
            .ir
            .functions
            .iter()
            .filter(|f| f.name == crate::ir::FunctionName::FieldInitializers)
            .map(|f| f.body.as_slice());
        let mut values = std::iter::once(self.ir.module.as_slice())
            .chain(initializers)
            .flatten()
            .filter_map(|s| match s {
                Stmt::Assign {
                    target: Target::Place(place),
                    value: Some(value),
                    ..
                } => match &place.kind {
                    ExprKind::Name(n) | ExprKind::Member { property: n, .. } if n == name => {
                        Some(value)
                    }
                    _ => None,
                },
                _ => None,
            });
        let value = values.next()?;
        if values.next().is_some() {
            return None; // assigned twice: not a constant
        }
        self.text_of(&value.span)
    }

    /// The text an expression spans.
    pub fn text_of(&self, span: &Span) -> Option<&str> {
        let start = self.offset((span.start_line, span.start_col))?;
        let end = self.offset((span.end_line, span.end_col))?;
        self.text.get(start..end)
    }

    fn offset(&self, (line, column): Position) -> Option<usize> {
        let start = *self.line_starts.get((line as usize).checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.text.len());
        Some(start + (column as usize).min(end - start))
    }

    /// The value last assigned to the local `name` before `at` in the
    /// statements around it (`o` of `var o = new CookieOptions {..}`).
    pub fn local_value(&self, at: Position, name: &str) -> Option<&Expr> {
        self.statements(at)
            .into_iter()
            .flat_map(name_assignments)
            .filter(|(assigned, _, span)| {
                *assigned == name && (span.start_line, span.start_col) < at
            })
            .last()
            .map(|(_, value, _)| value)
    }

    /// The assignment whose target starts at `at` (`cookies[:k] = v`), as
    /// its target and value.
    pub fn assignment_at(&self, at: Position) -> Option<(&Expr, &Expr)> {
        self.statements(at)
            .into_iter()
            .flatten()
            .find_map(|s| match s {
                Stmt::Assign {
                    target: Target::Place(place),
                    value: Some(value),
                    ..
                } if (place.span.start_line, place.span.start_col) == at => Some((place, value)),
                _ => None,
            })
    }

    /// The calls that start at `at`, outermost first: a chain
    /// (`Cookie::build(..).max_age(..).build()`) starts where its first
    /// call does, and which of them is the sink depends on the sink. Else
    /// the innermost call around `at`.
    pub fn calls_at(&self, at: Position) -> Vec<&Expr> {
        let mut found = Vec::new();
        let mut around = None;
        for stmts in self.statements(at) {
            each_expr(stmts, &mut |e| {
                if matches!(e.kind, ExprKind::Call { .. }) {
                    if (e.span.start_line, e.span.start_col) == at {
                        found.push(e);
                    } else if holds(&e.span, at) {
                        around = Some(e);
                    }
                }
            });
        }
        if found.is_empty() {
            found.extend(around);
        }
        found
    }
}

fn holds(span: &Span, (line, column): Position) -> bool {
    (span.start_line, span.start_col) <= (line, column)
        && (line, column) <= (span.end_line, span.end_col)
}

fn span_size(span: &Span) -> (u32, u32) {
    (span.end_line.saturating_sub(span.start_line), span.end_col)
}

/// Whether `e` starts before `at`.
pub(super) fn before(e: &Expr, at: Position) -> bool {
    (e.span.start_line, e.span.start_col) < at
}

/// The assignments to a plain name among `stmts`, in order: the name, the
/// value and the statement's span.
pub(super) fn name_assignments(stmts: &[Stmt]) -> impl Iterator<Item = (&str, &Expr, &Span)> {
    stmts.iter().filter_map(|s| match s {
        Stmt::Assign {
            target: Target::Place(place),
            value: Some(value),
            span,
            ..
        } => match &place.kind {
            ExprKind::Name(name) => Some((name.as_str(), value, span)),
            _ => None,
        },
        _ => None,
    })
}

/// Calls `visit` on every expression of `stmts`, outer before inner, in
/// source order.
pub(super) fn each_expr<'a>(stmts: &'a [Stmt], visit: &mut impl FnMut(&'a Expr)) {
    for s in stmts {
        match s {
            Stmt::Assign { target, value, .. } => {
                if let Target::Place(place) = target {
                    walk(place, visit);
                }
                if let Some(v) = value {
                    walk(v, visit);
                }
            }
            Stmt::Expr(e) | Stmt::Return(Some(e), _) => walk(e, visit),
            Stmt::Return(None, _) => {}
        }
    }
}

/// Calls `visit` on `e` and everything in it. Deep expressions were cut by
/// the front-end's nesting limit, so the recursion is bounded.
pub(super) fn walk<'a>(e: &'a Expr, visit: &mut impl FnMut(&'a Expr)) {
    visit(e);
    match &e.kind {
        ExprKind::Member { object, .. } => walk(object, visit),
        ExprKind::Index { object, index } => {
            walk(object, visit);
            walk(index, visit);
        }
        ExprKind::Call { callee, args, .. } => {
            walk(callee, visit);
            for a in args {
                walk(&a.value, visit);
            }
        }
        ExprKind::Format(items)
        | ExprKind::Array(items)
        | ExprKind::Either(items)
        | ExprKind::Opaque(items) => {
            for i in items {
                walk(i, visit);
            }
        }
        ExprKind::Object(entries) => {
            for (_, v) in entries {
                walk(v, visit);
            }
        }
        ExprKind::Range { start, end } => {
            for b in [start, end].into_iter().flatten() {
                walk(b, visit);
            }
        }
        ExprKind::Name(_)
        | ExprKind::Str(_)
        | ExprKind::Literal
        | ExprKind::Int(_)
        | ExprKind::Function(_) => {}
    }
}

/// The names an expression is known by in a condition: a variable, the
/// member read (`user.consented` is `consented`), the function called, or
/// a string that names a field (`request.form["agree_privacy"]`).
pub(super) fn name_of(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Member { property, .. } => Some(property),
        ExprKind::Str(s) if is_identifier(s) => Some(s),
        _ => None,
    }
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '.')
}

/// The dotted path of a member read or a callee made of names only
/// (`cookieConsent.analytics`, `consent.has`), when it has a dot.
pub(super) fn path_of(e: &Expr) -> Option<String> {
    fn path(e: &Expr, depth: u32) -> Option<String> {
        match &e.kind {
            ExprKind::Name(n) => Some(n.clone()),
            ExprKind::Member { object, property } if depth < 8 => {
                Some(format!("{}.{property}", path(object, depth + 1)?))
            }
            ExprKind::Call { callee, .. } if depth < 8 => path(callee, depth + 1),
            _ => None,
        }
    }
    match &e.kind {
        ExprKind::Member { .. } => path(e, 0),
        _ => None,
    }
}

/// The name a callee is called by: its last part.
pub(super) fn callee_name(callee: &Expr) -> Option<&str> {
    match &callee.kind {
        ExprKind::Name(n) => Some(n.rsplit("::").next().unwrap_or(n)),
        ExprKind::Member { property, .. } => Some(property),
        _ => None,
    }
}
