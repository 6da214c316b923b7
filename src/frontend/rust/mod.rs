//! Rust front-end (`syn`): items, functions, statements and expressions.
//!
//! `syn` parses recursively and keeps no depth limit of its own, so two
//! guards come before it: [`nesting::check_nesting`] scans the raw text and
//! refuses files whose nesting could exhaust the stack, and the parse, the
//! lowering and the dropping of the syntax tree run on a thread of their own
//! with a known, generous stack (which also frees `proc-macro2`'s
//! per-thread source map when the file is done). The lowering itself goes
//! through the usual [`Ctx::enter`] guard.
//!
//! Macros are lowered from their tokens ([`macros`]); `use` trees become
//! imports ([`imports`]); types are read for their base names ([`types`]).

mod columns;
mod imports;
mod macros;
mod nesting;
mod types;

use std::thread;

use proc_macro2::Ident;
use syn::spanned::Spanned;
use syn::{BinOp, FnArg, ImplItem, Item, Lit, Pat, TraitItem, Type, UnOp};

use super::FrontendError;
use super::tree::{Ctx, difference, negated, nested};
use crate::ir::{
    Anonymous, Arg, Class, Expr, ExprKind, Field, FileIr, Function, FunctionName, Param, ParamName,
    Span, Stmt, Target,
};
use imports::{add_macro_imports, extern_crate, use_tree};
use macros::macro_expr;
use nesting::{MAX_ESTIMATE, check_nesting};
use types::{last_segment, path_dotted, type_argument, type_base, unwraps};

/// Stack of the parsing thread. Measured: `syn` spends up to about 8 KiB of
/// stack per nesting level (nested generics), so 32 KiB per level of the
/// estimate holds the deepest input [`check_nesting`] lets through four
/// times over. The memory is only reserved; pages are touched as the parser
/// descends.
const STACK_SIZE: usize = MAX_ESTIMATE * (32 << 10);

pub fn lower(source: &str) -> Result<FileIr, FrontendError> {
    check_nesting(source)?;
    thread::scope(|scope| {
        let handle = thread::Builder::new()
            .name("rust-frontend".into())
            .stack_size(STACK_SIZE)
            .spawn_scoped(scope, || {
                columns::with_source(source, || lower_here(source))
            })
            .map_err(|e| FrontendError::Parse(format!("could not start the parser: {e}")))?;
        handle
            .join()
            .unwrap_or_else(|_| Err(FrontendError::Parse("the parser failed".into())))
    })
}

/// Parses `source` on a thread like [`lower`]'s and visits every item,
/// statement and expression of the tree, without lowering it (see
/// `frontend::parse_and_walk`); returns how many it visited.
pub fn parse_and_walk(source: &str) -> Option<usize> {
    struct Count(usize);
    impl<'a> syn::visit::Visit<'a> for Count {
        fn visit_item(&mut self, item: &'a Item) {
            self.0 += 1;
            syn::visit::visit_item(self, item);
        }
        fn visit_stmt(&mut self, stmt: &'a syn::Stmt) {
            self.0 += 1;
            syn::visit::visit_stmt(self, stmt);
        }
        fn visit_expr(&mut self, expr: &'a syn::Expr) {
            self.0 += 1;
            syn::visit::visit_expr(self, expr);
        }
    }
    check_nesting(source).ok()?;
    thread::scope(|scope| {
        thread::Builder::new()
            .stack_size(STACK_SIZE)
            .spawn_scoped(scope, || {
                let file = syn::parse_file(source).ok()?;
                let mut count = Count(0);
                syn::visit::Visit::visit_file(&mut count, &file);
                Some(count.0)
            })
            .ok()?
            .join()
            .ok()?
    })
}

fn lower_here(source: &str) -> Result<FileIr, FrontendError> {
    let file = syn::parse_file(source).map_err(|e| {
        let at = e.span().start();
        let mut message = e.to_string();
        if message == "cannot parse string into token stream" {
            // proc-macro2's lexer error, which says no more than this.
            message = "unbalanced brackets or an unterminated literal".into();
        }
        if at.line == 0 {
            FrontendError::Parse(format!("at end of file: {message}"))
        } else {
            FrontendError::Parse(format!("{}:{}: {message}", at.line, at.column + 1))
        }
    })?;
    let mut cx = Ctx::new(source);
    for it in &file.items {
        item(&mut cx, it);
    }
    let mut module = Vec::new();
    cx.flush(&mut module);
    cx.ir.module = module;
    add_macro_imports(&mut cx.ir);
    Ok(cx.ir)
}

// ---------------------------------------------------------------------------
// Spans

/// A span with byte columns (`proc-macro2` counts characters).
fn span_from(s: proc_macro2::Span) -> Span {
    let a = s.start();
    let b = s.end();
    Span {
        start_line: to_u32(a.line),
        start_col: to_u32(columns::byte_column(a.line, a.column)),
        end_line: to_u32(b.line),
        end_col: to_u32(columns::byte_column(b.line, b.column)),
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The span of a syntax node. This prints the node's tokens, so the lowering
/// prefers [`join`] of already known child spans where it has them.
fn span_of<T: Spanned>(node: &T) -> Span {
    span_from(node.span())
}

fn join(a: Span, b: Span) -> Span {
    Span {
        start_line: a.start_line,
        start_col: a.start_col,
        end_line: b.end_line,
        end_col: b.end_col,
    }
}

// ---------------------------------------------------------------------------
// Items

fn item(cx: &mut Ctx, it: &Item) {
    if !cx.enter() {
        return;
    }
    if is_test(it) {
        cx.ir.tests.push(span_of(it));
    }
    match it {
        Item::Use(u) => use_tree(cx, &u.tree, &mut Vec::new()),
        Item::ExternCrate(e) => extern_crate(cx, e),
        Item::Fn(f) => {
            function(cx, &f.attrs, &f.sig, &f.block, span_of(f));
        }
        Item::Impl(im) => {
            let class = type_base(&im.self_ty).map(|t| last_segment(&t).to_string());
            let outer = std::mem::replace(&mut cx.class, class);
            for ii in &im.items {
                match ii {
                    ImplItem::Fn(f) => {
                        function(cx, &f.attrs, &f.sig, &f.block, span_of(f));
                    }
                    ImplItem::Const(c) => {
                        constant(cx, &c.ident, &c.ty, &c.expr, span_of(c));
                    }
                    _ => {}
                }
            }
            cx.class = outer;
        }
        Item::Trait(t) => {
            let outer = cx.class.replace(t.ident.to_string());
            for ti in &t.items {
                if let TraitItem::Fn(f) = ti
                    && let Some(body) = &f.default
                {
                    function(cx, &f.attrs, &f.sig, body, span_of(f));
                }
            }
            cx.class = outer;
        }
        Item::Struct(s) => {
            let fields = s
                .fields
                .iter()
                .enumerate()
                .map(|(n, f)| Field {
                    unserialized: false,
                    name: f
                        .ident
                        .as_ref()
                        .map(|i| i.to_string())
                        .unwrap_or_else(|| n.to_string()),
                    ty: type_base(&f.ty),
                    made_by: None,
                    span: span_of(f),
                })
                .collect();
            cx.ir.classes.push(Class {
                bases: Vec::new(),
                listed_fields: Vec::new(),
                name: s.ident.to_string(),
                fields,
                span: span_of(s),
            });
        }
        Item::Const(c) => constant(cx, &c.ident, &c.ty, &c.expr, span_of(c)),
        Item::Static(s) => constant(cx, &s.ident, &s.ty, &s.expr, span_of(s)),
        Item::Mod(m) => {
            if let Some((_, items)) = &m.content {
                for i in items {
                    item(cx, i);
                }
            }
        }
        _ => {}
    }
    cx.leave();
}

/// A `#[cfg(test)]` item, or a function marked as a test (`#[test]`,
/// `#[tokio::test]`).
fn is_test(it: &Item) -> bool {
    let (attrs, function) = match it {
        Item::Mod(m) => (&m.attrs, false),
        Item::Impl(i) => (&i.attrs, false),
        Item::Fn(f) => (&f.attrs, true),
        _ => return false,
    };
    attrs.iter().any(|a| {
        let path = a.path();
        let cfg_test = path.is_ident("cfg")
            && matches!(&a.meta, syn::Meta::List(l) if l.tokens.to_string() == "test");
        cfg_test || function && path.segments.last().is_some_and(|s| s.ident == "test")
    })
}

fn constant(cx: &mut Ctx, ident: &Ident, ty: &Type, value: &syn::Expr, sp: Span) {
    let v = expr(cx, value);
    cx.emit(Stmt::Assign {
        target: Target::Place(Expr::new(
            ExprKind::Name(ident.to_string()),
            span_from(ident.span()),
        )),
        ty: type_base(ty),
        value: Some(v),
        span: sp,
    });
}

fn function(
    cx: &mut Ctx,
    attrs: &[syn::Attribute],
    sig: &syn::Signature,
    blk: &syn::Block,
    sp: Span,
) -> Expr {
    let (params, body) = nested(cx, |cx| {
        let mut params = Vec::new();
        for input in &sig.inputs {
            match input {
                // `self` is of the impl's type, so `self.field` resolves
                // through the struct's declared fields.
                FnArg::Receiver(r) => params.push(Param::named(
                    "self".into(),
                    cx.class.clone(),
                    attr_names(&r.attrs),
                    span_from(r.self_token.span),
                )),
                FnArg::Typed(pt) => typed_param(cx, pt, &mut params),
            }
        }
        if let Some(tail) = block(cx, blk) {
            emit_return(cx, tail);
        }
        let mut body = Vec::new();
        cx.flush(&mut body);
        (params, body)
    });
    cx.hoist(Function {
        name: FunctionName::Named(sig.ident.to_string()),
        class: cx.class.clone(),
        params,
        decorators: attr_names(attrs),
        body,
        span: sp,
    })
}

/// `email: String` is one parameter; a pattern binds one parameter per name,
/// all of the declared type. A pattern that takes struct fields apart
/// (`Json(Form { email, .. })`) is one parameter without a name
/// ([`ParamName::Pattern`]), destructured by the body's first statement.
///
/// The first type argument of a generic type is the type of the data the
/// parameter holds (`form: web::Json<SignupForm>` is `form: web.Json`
/// holding `SignupForm`). A wrapper taken apart by its own pattern
/// (`Json(form): Json<SignupForm>`, `State(state): State<AppState>`) binds
/// the value inside: `form` is a `SignupForm`, and the wrapper it came out
/// of is an annotation (`Json`), as `@RequestBody` is on a Java parameter.
fn typed_param(cx: &mut Ctx, pt: &syn::PatType, params: &mut Vec<Param>) {
    let mut ty = type_base(&pt.ty);
    let mut annotations = attr_names(&pt.attrs);
    let mut holds = None;
    if let Some(inner) = type_argument(&pt.ty) {
        match ty.take() {
            Some(wrapper) if unwraps(&pt.pat, &wrapper) => {
                annotations.push(wrapper);
                ty = Some(inner);
            }
            outer => {
                holds = Some(inner);
                ty = outer;
            }
        }
    }
    let sp = span_of(&*pt.pat);
    let mut names = Vec::new();
    bindings(cx, &pt.pat, None, &mut names);
    let param_names = if names.iter().any(|(key, _)| key.is_some()) {
        let name = ParamName::Pattern(params.len());
        cx.emit(Stmt::Assign {
            target: Target::Destructure(names),
            ty: None,
            value: Some(Expr::new(ExprKind::Name(name.variable().into_owned()), sp)),
            span: sp,
        });
        vec![name]
    } else if names.is_empty() {
        vec![ParamName::Named("_".to_string())]
    } else {
        names
            .into_iter()
            .map(|(_, name)| ParamName::Named(name))
            .collect()
    };
    for name in param_names {
        params.push(Param {
            name,
            ty: ty.clone(),
            annotations: annotations.clone(),
            rest: None,
            holds: holds.clone(),
            keyword: None,
            span: sp,
        });
    }
}

/// Attribute paths, dotted, without doc comments (`post`, `tracing.instrument`).
fn attr_names(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter(|a| !a.path().is_ident("doc"))
        .map(|a| path_dotted(a.path()))
        .collect()
}

// ---------------------------------------------------------------------------
// Statements

/// Lowers a block's statements, handing them to [`Ctx::emit`], and returns
/// the value of its tail expression, if it has one.
fn block(cx: &mut Ctx, blk: &syn::Block) -> Option<Expr> {
    let count = blk.stmts.len();
    let mut tail = None;
    for (n, s) in blk.stmts.iter().enumerate() {
        if n + 1 == count {
            match s {
                syn::Stmt::Expr(e, None) => {
                    tail = Some(expr(cx, e));
                    continue;
                }
                syn::Stmt::Macro(m) if m.semi_token.is_none() => {
                    tail = Some(macro_expr(cx, &m.mac));
                    continue;
                }
                _ => {}
            }
        }
        statement(cx, s);
    }
    tail.filter(|t| !is_nothing(t))
}

fn statement(cx: &mut Ctx, s: &syn::Stmt) {
    if !cx.enter() {
        return;
    }
    match s {
        syn::Stmt::Local(l) => local(cx, l),
        syn::Stmt::Item(it) => item(cx, it),
        syn::Stmt::Expr(e, _) => {
            let v = expr(cx, e);
            emit_effect(cx, v);
        }
        syn::Stmt::Macro(m) => {
            let v = macro_expr(cx, &m.mac);
            emit_effect(cx, v);
        }
    }
    cx.leave();
}

/// A value that says nothing and contains no call.
fn is_nothing(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Literal | ExprKind::Int(_) => true,
        ExprKind::Opaque(children) => children.is_empty(),
        _ => false,
    }
}

/// Hands over an expression evaluated for its effects, unless it has none.
fn emit_effect(cx: &mut Ctx, e: Expr) {
    if !is_nothing(&e) {
        cx.emit(Stmt::Expr(e));
    }
}

fn emit_return(cx: &mut Ctx, e: Expr) {
    let sp = e.span;
    cx.emit(Stmt::Return(Some(e), sp));
}

fn local(cx: &mut Ctx, l: &syn::Local) {
    let (pat, ty) = match &l.pat {
        Pat::Type(pt) => (&*pt.pat, type_base(&pt.ty)),
        p => (p, None),
    };
    let sp = span_of(l);
    match &l.init {
        Some(init) => {
            let v = expr(cx, &init.expr);
            bind(cx, pat, v, ty, sp);
            if let Some((_, diverge)) = &init.diverge {
                let d = expr(cx, diverge);
                emit_effect(cx, d);
            }
        }
        None => {
            let mut names = Vec::new();
            bindings(cx, pat, None, &mut names);
            for (_, name) in names {
                cx.emit(Stmt::Assign {
                    target: Target::Place(Expr::new(ExprKind::Name(name), sp)),
                    ty: ty.clone(),
                    value: None,
                    span: sp,
                });
            }
        }
    }
}

/// Binds `value` to a pattern: one plain name (also through wrappers such as
/// `Json(payload)` or `Some(x)`) is an assignment to that name; several
/// names or struct fields destructure.
fn bind(cx: &mut Ctx, pat: &Pat, value: Expr, ty: Option<String>, sp: Span) {
    let mut names = Vec::new();
    bindings(cx, pat, None, &mut names);
    let target = match names.as_slice() {
        [] => {
            emit_effect(cx, value);
            return;
        }
        [(None, name)] => Target::Place(Expr::new(ExprKind::Name(name.clone()), sp)),
        _ => Target::Destructure(names),
    };
    cx.emit(Stmt::Assign {
        target,
        ty,
        value: Some(value),
        span: sp,
    });
}

/// The names a pattern binds, with the struct field each one comes from.
fn bindings(cx: &mut Ctx, pat: &Pat, key: Option<&str>, names: &mut Vec<(Option<String>, String)>) {
    if !cx.enter() {
        return;
    }
    match pat {
        Pat::Ident(pi) => {
            let name = pi.ident.to_string();
            // `None`, `MAX`: upper-case names in patterns are variants and
            // constants by convention, not new bindings.
            let binds = pi.by_ref.is_some()
                || pi.mutability.is_some()
                || pi.subpat.is_some()
                || !name.starts_with(|c: char| c.is_ascii_uppercase());
            if binds && !names.iter().any(|(_, n)| *n == name) {
                names.push((key.map(String::from), name));
            }
            if let Some((_, sub)) = &pi.subpat {
                bindings(cx, sub, key, names);
            }
        }
        Pat::Struct(ps) => {
            for fp in &ps.fields {
                let k = member_name(&fp.member);
                bindings(cx, &fp.pat, Some(&k), names);
            }
        }
        Pat::TupleStruct(pt) => {
            let inner_key = if pt.elems.len() == 1 { key } else { None };
            for e in &pt.elems {
                bindings(cx, e, inner_key, names);
            }
        }
        Pat::Tuple(pt) => {
            for e in &pt.elems {
                bindings(cx, e, None, names);
            }
        }
        Pat::Slice(ps) => {
            for e in &ps.elems {
                bindings(cx, e, None, names);
            }
        }
        Pat::Or(po) => {
            for case in &po.cases {
                bindings(cx, case, key, names);
            }
        }
        Pat::Reference(r) => bindings(cx, &r.pat, key, names),
        Pat::Paren(p) => bindings(cx, &p.pat, key, names),
        Pat::Type(t) => bindings(cx, &t.pat, key, names),
        _ => {}
    }
    cx.leave();
}

fn member_name(m: &syn::Member) -> String {
    match m {
        syn::Member::Named(i) => i.to_string(),
        syn::Member::Unnamed(i) => i.index.to_string(),
    }
}

/// `left = value` (also `left += value`, whose value keeps what `left` had).
fn assign(cx: &mut Ctx, left: &syn::Expr, value: Expr, sp: Span) {
    let target = match strip_transparent(left) {
        syn::Expr::Tuple(t) => {
            let names = t
                .elems
                .iter()
                .filter_map(|e| match strip_transparent(e) {
                    syn::Expr::Path(p) => p.path.get_ident().map(|i| (None, i.to_string())),
                    _ => None,
                })
                .collect();
            Target::Destructure(names)
        }
        syn::Expr::Infer(_) => {
            emit_effect(cx, value);
            return;
        }
        other => {
            let place = expr(cx, other);
            match place.kind {
                ExprKind::Name(_) | ExprKind::Member { .. } | ExprKind::Index { .. } => {
                    Target::Place(place)
                }
                _ => {
                    emit_effect(cx, place);
                    emit_effect(cx, value);
                    return;
                }
            }
        }
    };
    cx.emit(Stmt::Assign {
        target,
        ty: None,
        value: Some(value),
        span: sp,
    });
}

/// Removes what does not change a place or value: parentheses, `&`, `*`.
fn strip_transparent(mut e: &syn::Expr) -> &syn::Expr {
    loop {
        e = match e {
            syn::Expr::Paren(p) => &p.expr,
            syn::Expr::Group(g) => &g.expr,
            syn::Expr::Reference(r) => &r.expr,
            syn::Expr::Unary(u) if matches!(u.op, UnOp::Deref(_)) => &u.expr,
            _ => return e,
        };
    }
}

// ---------------------------------------------------------------------------
// Expressions

fn expr(cx: &mut Ctx, e: &syn::Expr) -> Expr {
    if !cx.enter() {
        return Expr::opaque(Vec::new(), span_of(e));
    }
    let lowered = expr_inner(cx, e);
    cx.leave();
    lowered
}

fn exprs<'a>(cx: &mut Ctx, items: impl IntoIterator<Item = &'a syn::Expr>) -> Vec<Expr> {
    items.into_iter().map(|e| expr(cx, e)).collect()
}

fn literal(sp: Span) -> Expr {
    Expr::new(ExprKind::Literal, sp)
}

/// The value of branches: nothing, the one value, or either of them.
fn either(mut values: Vec<Expr>, sp: Span) -> Expr {
    values.retain(|v| !is_nothing(v));
    match values.len() {
        0 => literal(sp),
        1 => values.pop().unwrap_or_else(|| literal(sp)),
        _ => Expr::new(ExprKind::Either(values), sp),
    }
}

fn expr_inner(cx: &mut Ctx, e: &syn::Expr) -> Expr {
    use syn::Expr as E;
    match e {
        E::Paren(p) => expr(cx, &p.expr),
        E::Group(g) => expr(cx, &g.expr),
        E::Reference(r) => expr(cx, &r.expr),
        E::RawAddr(r) => expr(cx, &r.expr),
        E::Await(a) => expr(cx, &a.base),
        E::Try(t) => expr(cx, &t.expr),
        E::Cast(c) => expr(cx, &c.expr),
        E::Unary(u) => {
            let inner = expr(cx, &u.expr);
            let sp = join(span_from(u.op.span()), inner.span);
            match u.op {
                UnOp::Deref(_) => inner,
                UnOp::Neg(_) => negated(inner, sp),
                _ => Expr::opaque(vec![inner], sp),
            }
        }
        E::Lit(l) => lit(&l.lit),
        // `None` is no data, whatever the field it is put in is named.
        E::Path(p) if p.path.is_ident("None") || is_unit_variant(&p.path) => literal(span_of(p)),
        E::Path(p) => path_expr(cx, &p.path),
        E::Field(f) => {
            let object = expr(cx, &f.base);
            let sp = join(object.span, span_from(f.member.span()));
            Expr::new(
                ExprKind::Member {
                    object: Box::new(object),
                    property: member_name(&f.member),
                },
                sp,
            )
        }
        E::Index(ix) => {
            let object = expr(cx, &ix.expr);
            let index = expr(cx, &ix.index);
            let sp = join(object.span, span_from(ix.bracket_token.span.close()));
            Expr::new(
                ExprKind::Index {
                    object: Box::new(object),
                    index: Box::new(index),
                },
                sp,
            )
        }
        // `Some(x)` and `Ok(x)` are `x`: a wrapper must not hide the name
        // that says what `x` is (`Some(keys.encrypted_private_key)`).
        E::Call(c) if c.args.len() == 1 && is_transparent_variant(&c.func) => expr(cx, &c.args[0]),
        // An empty value is no data, whatever the field it is put in is named.
        E::Call(c) if c.args.is_empty() && is_empty_value(&c.func) => literal(span_of(c)),
        E::Call(c) => {
            // A callee path names a function or variant, never a value.
            let callee = match &*c.func {
                syn::Expr::Path(p) => path_expr(cx, &p.path),
                other => expr(cx, other),
            };
            let args = exprs(cx, &c.args)
                .into_iter()
                .map(Arg::positional)
                .collect();
            let sp = join(callee.span, span_from(c.paren_token.span.close()));
            call(callee, args, false, sp)
        }
        E::MethodCall(m) => {
            let object = expr(cx, &m.receiver);
            let member_sp = join(object.span, span_from(m.method.span()));
            let callee = Expr::new(
                ExprKind::Member {
                    object: Box::new(object),
                    property: m.method.to_string(),
                },
                member_sp,
            );
            let args = exprs(cx, &m.args)
                .into_iter()
                .map(Arg::positional)
                .collect();
            let sp = join(member_sp, span_from(m.paren_token.span.close()));
            call(callee, args, false, sp)
        }
        E::Struct(s) => {
            let callee = path_expr(cx, &s.path);
            let mut entries = Vec::new();
            for fv in &s.fields {
                let v = expr(cx, &fv.expr);
                entries.push((Some(member_name(&fv.member)), v));
            }
            if let Some(rest) = &s.rest {
                entries.push((None, expr(cx, rest)));
            }
            let sp = join(callee.span, span_from(s.brace_token.span.close()));
            let object = Expr::new(ExprKind::Object(entries), sp);
            call(callee, vec![Arg::positional(object)], true, sp)
        }
        E::Macro(m) => macro_expr(cx, &m.mac),
        E::Array(a) => {
            let items = exprs(cx, &a.elems);
            Expr::new(
                ExprKind::Array(items),
                span_from(a.bracket_token.span.join()),
            )
        }
        E::Tuple(t) => {
            let sp = span_from(t.paren_token.span.join());
            if t.elems.is_empty() {
                literal(sp)
            } else {
                Expr::new(ExprKind::Array(exprs(cx, &t.elems)), sp)
            }
        }
        E::Repeat(r) => {
            let item = expr(cx, &r.expr);
            let len = expr(cx, &r.len);
            emit_effect(cx, len);
            let sp = span_from(r.bracket_token.span.join());
            Expr::new(ExprKind::Array(vec![item]), sp)
        }
        E::Binary(b) => binary(cx, b),
        E::Assign(a) => {
            let value = expr(cx, &a.right);
            let sp = span_of(a);
            assign(cx, &a.left, value, sp);
            literal(sp)
        }
        E::Range(r) => {
            let start = r.start.as_deref().map(|s| Box::new(expr(cx, s)));
            let end = r.end.as_deref().map(|e| {
                let end = expr(cx, e);
                // `..=3` ends after 3.
                match (end.kind, &r.limits) {
                    (ExprKind::Int(n), syn::RangeLimits::Closed(_)) => {
                        Box::new(Expr::new(ExprKind::Int(n.saturating_add(1)), end.span))
                    }
                    (kind, _) => Box::new(Expr::new(kind, end.span)),
                }
            });
            Expr::new(ExprKind::Range { start, end }, span_of(r))
        }
        E::Let(l) => {
            let value = expr(cx, &l.expr);
            let sp = span_of(l);
            bind(cx, &l.pat, value, None, sp);
            literal(sp)
        }
        E::Closure(c) => closure(cx, c),
        E::Block(syn::ExprBlock { block: b, .. })
        | E::Unsafe(syn::ExprUnsafe { block: b, .. })
        | E::Async(syn::ExprAsync { block: b, .. })
        | E::Const(syn::ExprConst { block: b, .. })
        | E::TryBlock(syn::ExprTryBlock { block: b, .. }) => {
            // A block's value is its tail expression, else nothing.
            let sp = span_from(b.brace_token.span.join());
            block(cx, b).unwrap_or_else(|| literal(sp))
        }
        E::If(i) => if_chain(cx, i),
        E::Match(m) => match_expr(cx, m),
        E::ForLoop(f) => {
            let iterable = expr(cx, &f.expr);
            bind(cx, &f.pat, iterable, None, span_of(&*f.pat));
            if let Some(v) = block(cx, &f.body) {
                emit_effect(cx, v);
            }
            literal(span_from(f.for_token.span))
        }
        E::While(w) => {
            let cond = expr(cx, &w.cond);
            emit_effect(cx, cond);
            if let Some(v) = block(cx, &w.body) {
                emit_effect(cx, v);
            }
            literal(span_from(w.while_token.span))
        }
        E::Loop(l) => {
            if let Some(v) = block(cx, &l.body) {
                emit_effect(cx, v);
            }
            literal(span_from(l.loop_token.span))
        }
        E::Return(r) => {
            let sp = span_of(r);
            let value = r.expr.as_ref().map(|v| expr(cx, v));
            cx.emit(Stmt::Return(value, sp));
            literal(sp)
        }
        E::Break(b) => {
            if let Some(v) = &b.expr {
                let v = expr(cx, v);
                emit_effect(cx, v);
            }
            literal(span_from(b.break_token.span))
        }
        E::Yield(y) => {
            if let Some(v) = &y.expr {
                let v = expr(cx, v);
                emit_effect(cx, v);
            }
            literal(span_from(y.yield_token.span))
        }
        E::Continue(c) => literal(span_from(c.continue_token.span)),
        E::Infer(i) => literal(span_from(i.underscore_token.span)),
        other => Expr::opaque(Vec::new(), span_of(other)),
    }
}

fn call(callee: Expr, args: Vec<Arg>, construct: bool, sp: Span) -> Expr {
    Expr::new(
        ExprKind::Call {
            callee: Box::new(callee),
            args,
            construct,
        },
        sp,
    )
}

fn lit(l: &Lit) -> Expr {
    let sp = span_from(l.span());
    let kind = match l {
        Lit::Str(s) => ExprKind::Str(s.value()),
        Lit::ByteStr(s) => ExprKind::Str(String::from_utf8_lossy(&s.value()).into_owned()),
        Lit::CStr(s) => ExprKind::Str(String::from_utf8_lossy(s.value().as_bytes()).into_owned()),
        Lit::Int(i) => i
            .base10_parse::<i64>()
            .map_or(ExprKind::Literal, ExprKind::Int),
        _ => ExprKind::Literal,
    };
    Expr::new(kind, sp)
}

/// `a::b::c` -> `Member(Member(Name(a), b), c)`; `Self` is the impl type.
/// `NotificationType::PrivateMessage`: a type's variant or constant,
/// named in `CamelCase` after a `CamelCase` type, is no one's data.
fn is_unit_variant(path: &syn::Path) -> bool {
    let capitalized = |s: &syn::PathSegment| {
        s.ident
            .to_string()
            .starts_with(|c: char| c.is_ascii_uppercase())
    };
    let mut last_two = path.segments.iter().rev().take(2);
    matches!(
        (last_two.next(), last_two.next()),
        (Some(variant), Some(ty)) if capitalized(variant) && capitalized(ty)
    )
}

/// The calls that make an empty value: `String::new()`, `Vec::new()`,
/// `Default::default()`. (A named type's `default()` may be a builder or a
/// middleware the rules know, such as `Logger::default()`.)
fn is_empty_value(func: &syn::Expr) -> bool {
    let syn::Expr::Path(p) = func else {
        return false;
    };
    let names: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    matches!(
        names
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["Default", "default"] | ["String" | "Vec", "new"]
    )
}

/// The variants that only wrap a value: `Some(x)` and `Ok(x)` hold `x`.
fn is_transparent_variant(func: &syn::Expr) -> bool {
    matches!(func, syn::Expr::Path(p) if p.path.is_ident("Some") || p.path.is_ident("Ok"))
}

fn path_expr(cx: &Ctx, path: &syn::Path) -> Expr {
    let mut segments = path.segments.iter();
    let Some(first) = segments.next() else {
        return Expr::opaque(Vec::new(), span_of(path));
    };
    let mut name = first.ident.to_string();
    if name == "Self"
        && let Some(class) = &cx.class
    {
        name = class.clone();
    }
    let first_sp = span_from(first.ident.span());
    let mut e = Expr::new(ExprKind::Name(name), first_sp);
    for seg in segments {
        let sp = join(first_sp, span_from(seg.ident.span()));
        e = Expr::new(
            ExprKind::Member {
                object: Box::new(e),
                property: seg.ident.to_string(),
            },
            sp,
        );
    }
    e
}

/// `+` builds strings (`Format`); other operators compute values that carry
/// no data (`Opaque`). Chains of one kind are flattened so that a long
/// `a + b + c + ..` does not nest; compound assignments assign.
fn binary(cx: &mut Ctx, b: &syn::ExprBinary) -> Expr {
    if is_compound_assign(&b.op) {
        let old = expr(cx, &b.left);
        let add = expr(cx, &b.right);
        let sp = join(old.span, add.span);
        let value = if matches!(b.op, BinOp::AddAssign(_)) {
            Expr::new(ExprKind::Format(vec![old, add]), sp)
        } else {
            Expr::opaque(vec![old, add], sp)
        };
        assign(cx, &b.left, value, sp);
        return literal(sp);
    }
    let is_add = matches!(b.op, BinOp::Add(_));
    let same_kind = |op: &BinOp| matches!(op, BinOp::Add(_)) == is_add && !is_compound_assign(op);
    let mut operands = vec![&*b.right];
    let mut left = &*b.left;
    while let syn::Expr::Binary(inner) = left {
        if !same_kind(&inner.op) {
            break;
        }
        operands.push(&inner.right);
        left = &inner.left;
    }
    operands.push(left);
    operands.reverse();
    let parts = exprs(cx, operands);
    let sp = match (parts.first(), parts.last()) {
        (Some(a), Some(z)) => join(a.span, z.span),
        _ => span_of(b),
    };
    if is_add {
        Expr::new(ExprKind::Format(parts), sp)
    } else if matches!(b.op, BinOp::Sub(_)) {
        difference(parts, sp)
    } else {
        Expr::opaque(parts, sp)
    }
}

fn is_compound_assign(op: &BinOp) -> bool {
    matches!(
        op,
        BinOp::AddAssign(_)
            | BinOp::SubAssign(_)
            | BinOp::MulAssign(_)
            | BinOp::DivAssign(_)
            | BinOp::RemAssign(_)
            | BinOp::BitXorAssign(_)
            | BinOp::BitAndAssign(_)
            | BinOp::BitOrAssign(_)
            | BinOp::ShlAssign(_)
            | BinOp::ShrAssign(_)
    )
}

/// `if`/`else if`/`else`, walked as a loop so that long chains do not nest.
fn if_chain(cx: &mut Ctx, first: &syn::ExprIf) -> Expr {
    let sp = span_from(first.if_token.span);
    let mut values = Vec::new();
    let mut current = first;
    loop {
        let cond = expr(cx, &current.cond);
        emit_effect(cx, cond);
        if let Some(v) = block(cx, &current.then_branch) {
            values.push(v);
        }
        match current.else_branch.as_ref().map(|(_, e)| &**e) {
            Some(syn::Expr::If(next)) => current = next,
            Some(other) => {
                values.push(expr(cx, other));
                break;
            }
            None => break,
        }
    }
    either(values, sp)
}

/// Each arm's pattern binds from the scrutinee. A scrutinee that is not a
/// plain place is evaluated once into a temporary so that its calls are not
/// repeated per arm.
fn match_expr(cx: &mut Ctx, m: &syn::ExprMatch) -> Expr {
    let sp = span_from(m.match_token.span);
    let mut scrutinee = expr(cx, &m.expr);
    let binds_any = m.arms.iter().any(|arm| {
        let mut names = Vec::new();
        bindings(cx, &arm.pat, None, &mut names);
        !names.is_empty()
    });
    if !binds_any {
        emit_effect(cx, scrutinee.clone());
    } else if !is_place(&scrutinee) {
        let temp = Expr::new(
            ExprKind::Name(format!("match@{}:{}", sp.start_line, sp.start_col)),
            scrutinee.span,
        );
        cx.emit(Stmt::Assign {
            target: Target::Place(temp.clone()),
            ty: None,
            value: Some(scrutinee),
            span: sp,
        });
        scrutinee = temp;
    }
    let mut values = Vec::new();
    for arm in &m.arms {
        let mut names = Vec::new();
        bindings(cx, &arm.pat, None, &mut names);
        if !names.is_empty() {
            // `Err(e)`: the error of a failed call, not the value it would
            // have returned (`match get_token() { Err(e) => debug!("{e}") }`).
            let value = if is_err_pattern(&arm.pat) {
                Expr::new(ExprKind::Literal, scrutinee.span)
            } else {
                scrutinee.clone()
            };
            bind(cx, &arm.pat, value, None, span_of(&arm.pat));
        }
        if let Some((_, guard)) = &arm.guard {
            let g = expr(cx, guard);
            emit_effect(cx, g);
        }
        values.push(expr(cx, &arm.body));
    }
    either(values, sp)
}

/// `Err(..)`, the failure arm of a `Result`.
fn is_err_pattern(pat: &Pat) -> bool {
    matches!(pat, Pat::TupleStruct(pt) if pt.path.segments.last().is_some_and(|s| s.ident == "Err"))
}

fn is_place(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Name(_) => true,
        ExprKind::Member { object, .. } => is_place(object),
        ExprKind::Index { object, index } => {
            is_place(object) && !matches!(index.kind, ExprKind::Call { .. })
        }
        _ => false,
    }
}

fn closure(cx: &mut Ctx, c: &syn::ExprClosure) -> Expr {
    let (params, body) = nested(cx, |cx| {
        let mut params = Vec::new();
        for input in &c.inputs {
            match input {
                Pat::Type(pt) => typed_param(cx, pt, &mut params),
                other => {
                    let mut names = Vec::new();
                    bindings(cx, other, None, &mut names);
                    for (_, name) in names {
                        params.push(Param::named(name, None, Vec::new(), span_of(other)));
                    }
                }
            }
        }
        let value = match &*c.body {
            syn::Expr::Block(b) => block(cx, &b.block),
            other => Some(expr(cx, other)).filter(|v| !is_nothing(v)),
        };
        if let Some(v) = value {
            emit_return(cx, v);
        }
        let mut body = Vec::new();
        cx.flush(&mut body);
        (params, body)
    });
    let sp = span_of(c);
    cx.hoist(Function {
        name: FunctionName::Anonymous(Anonymous::Closure),
        class: cx.class.clone(),
        params,
        decorators: Vec::new(),
        body,
        span: sp,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ir(src: &str) -> FileIr {
        match lower(src) {
            Ok(ir) => ir,
            Err(e) => panic!("{e}"),
        }
    }

    /// The lines of spans show in the fixtures' IR snapshots; this checks
    /// what they leave out: columns, and a callee that ends on a later line.
    #[test]
    fn spans_keep_columns_and_end_lines() {
        let ir = ir(
            "fn f() {\n    let c = reqwest::Client::new();\n    c.post(url)\n        .json(&body)\n        .send();\n}\n",
        );
        let f = &ir.functions[0];
        let Stmt::Assign { span, .. } = &f.body[0] else {
            panic!("expected an assignment");
        };
        assert_eq!((span.start_line, span.start_col), (2, 4));
        let Stmt::Expr(e) = &f.body[1] else {
            panic!("expected an expression statement");
        };
        let ExprKind::Call { callee, .. } = &e.kind else {
            panic!("expected a call");
        };
        assert_eq!((callee.span.start_col, callee.span.end_line), (4, 5));
    }

    /// Columns are bytes, as in every front-end: `proc-macro2`'s character
    /// columns are turned into them on lines with wide characters.
    #[test]
    fn spans_count_bytes_on_lines_with_wide_characters() {
        let ir = ir("fn f() {\n    let 名 = \"é\"; g(名);\n}\n");
        let f = &ir.functions[0];
        let Stmt::Expr(e) = &f.body[1] else {
            panic!("expected an expression statement, got {:?}", f.body);
        };
        let line = "    let 名 = \"é\"; g(名);";
        assert_eq!(e.span.start_col as usize, line.find("g(").expect("call"));
        // The call ends just before the line's last `;`.
        assert_eq!(e.span.end_col as usize, line.len() - 1);
    }

    #[test]
    fn invalid_rust_is_a_parse_error_with_a_position() {
        for (src, at) in [
            ("fn f() {\n    let x = ;\n}", "2:13"),
            ("fn f(", "1:5"),
            ("fn f() {", "1:"),
            ("fn", "1:1: unexpected end of input"),
            ("fn f() { \"unterminated }", "1:"),
            ("}", "1:1"),
            ("struct S { a: }", "1:"),
        ] {
            match lower(src) {
                Err(FrontendError::Parse(msg)) => assert!(msg.contains(at), "{src:?}: {msg}"),
                other => panic!("{src:?}: {:?}", other.map(|_| ())),
            }
        }
        assert!(lower("").is_ok());
        assert!(lower("#!/usr/bin/env run-cargo-script\nfn main() {}").is_ok());
        assert!(lower("\u{feff}fn main() {}").is_ok());
    }

    #[test]
    fn prescan_skips_literals_and_comments() {
        let open = "(".repeat(300);
        let src = format!(
            "// {open}\n/* {open} /* nested */ {open} */\nfn f() {{ let a = \"{open}\"; let b = r#\"{open}\"#; let c = '('; let d = b'['; }}\nfn g<'a>(x: &'a str) {{}}"
        );
        assert!(lower(&src).is_ok());
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow() {
        let n = 100_000;
        let src = format!("fn f() {{ let x = {}1{}; }}", "(".repeat(n), ")".repeat(n));
        assert!(matches!(lower(&src), Err(FrontendError::TooDeep)));
        for (name, src) in deep_shapes(n) {
            assert!(matches!(lower(&src), Err(FrontendError::TooDeep)), "{name}");
        }
    }

    fn deep_shapes(n: usize) -> Vec<(&'static str, String)> {
        let body = |e: String| format!("fn f() {{ let x = {e}; }}");
        vec![
            (
                "parens",
                body(format!("{}x{}", "(".repeat(n), ")".repeat(n))),
            ),
            (
                "blocks",
                body(format!("{}x{}", "{".repeat(n), "}".repeat(n))),
            ),
            (
                "arrays",
                body(format!("{}x{}", "[".repeat(n), "]".repeat(n))),
            ),
            (
                "calls",
                body(format!("{}x{}", "f(".repeat(n), ")".repeat(n))),
            ),
            ("not", body(format!("{}y", "!".repeat(n)))),
            ("neg", body(format!("{}y", "- ".repeat(n)))),
            ("refs", body(format!("{}y", "&".repeat(n)))),
            ("assign", format!("fn f() {{ {}y; }}", "a = ".repeat(n))),
            (
                "assign-blocks",
                format!("fn f() {{ a{}; }}", " = {1}".repeat(n)),
            ),
            ("plus", body(format!("y{}", " + a".repeat(n)))),
            ("minus-blocks", body(format!("y{}", " - {1}".repeat(n)))),
            ("fields", body(format!("y{}", ".a".repeat(n)))),
            ("methods", body(format!("y{}", ".a()".repeat(n)))),
            ("try", body(format!("y{}", "?".repeat(n)))),
            ("casts", body(format!("y{}", " as T".repeat(n)))),
            ("index", body(format!("y{}", "[0]".repeat(n)))),
            (
                "else-if",
                format!("fn f() {{ if a {{}} {} }}", "else if a {} ".repeat(n)),
            ),
            (
                "if-if",
                format!(
                    "fn f() {{ {}c{} }}",
                    "if ".repeat(n),
                    " {} else {}".repeat(n)
                ),
            ),
            ("closures", body(format!("{}y", "|| ".repeat(n)))),
            ("closures-params", body(format!("{}y", "|a, b| ".repeat(n)))),
            (
                "closure-blocks",
                body(format!("{}y", "|a| {1} + ".repeat(n))),
            ),
            ("returns", format!("fn f() {{ {}y; }}", "return ".repeat(n))),
            (
                "generics",
                format!("type T = {}u8{};", "Vec<".repeat(n), ">".repeat(n)),
            ),
            (
                "generics-commas",
                format!("type T = {}u8{};", "M<K, ".repeat(n), ">".repeat(n)),
            ),
            ("ref-types", format!("type T = {}u8;", "&".repeat(n))),
            ("fn-types", format!("type T = {}u8;", "fn() -> ".repeat(n))),
            (
                "impl-fn",
                format!("fn f() -> {}u8 {{}}", "impl Fn() -> ".repeat(n)),
            ),
            (
                "ref-pats",
                format!("fn f() {{ let {}x = y; }}", "&".repeat(n)),
            ),
            ("use-path", format!("use {}x;", "a::".repeat(n))),
            (
                "macro-args",
                format!("fn f() {{ info!(\"{{}}\", {}y); }}", "!".repeat(n)),
            ),
            (
                "vec-macro",
                body(format!("{}x{}", "vec![".repeat(n), "]".repeat(n))),
            ),
            (
                "json-macro",
                body(format!("json!({}1{})", "[".repeat(n), "]".repeat(n))),
            ),
            (
                "struct-lits",
                body(format!("{}x{}", "S { a: ".repeat(n), " }".repeat(n))),
            ),
            ("mods", format!("{}{}", "mod m { ".repeat(n), "}".repeat(n))),
            ("ranges", body(format!("{}y", "..".repeat(n)))),
        ]
    }

    /// Every shape just below, at and above the limits either lowers or is
    /// refused; none overflows the stack.
    #[test]
    fn nesting_near_the_limits_never_overflows() {
        for n in [150, 400, 1990, 2100] {
            for (_, src) in deep_shapes(n) {
                let _ = lower(&src);
            }
        }
    }

    #[test]
    fn large_ordinary_code_is_accepted() {
        let ifs = "if self.a.b > 0 && x.is_some() || !y { z.push(&w); }\n".repeat(600);
        let routes = ".route(\"/x\", get(h).post(p))\n".repeat(300);
        let arms = "(A, Some(b)) => { f(&b)?; }\n&C::D | &C::E => g(),\n".repeat(300);
        let items = "pub fn f<T: Into<Vec<u8>>>(a: &mut HashMap<K, Vec<T>>) -> Result<(), E> where T: Clone { Ok(()) }\n".repeat(500);
        let rows = "S { a: 1, b: \"x\".to_string(), c: &[1, 2] },\n".repeat(3000);
        let concat = " + &a.b()".repeat(150);
        let src = format!(
            "fn main() {{ {ifs} let app = Router::new(){routes}; match x {{ {arms} }} let s = String::new(){concat}; }}\n\
             {items}\nstatic ROWS: &[S] = &[{rows}];\n"
        );
        let ir = ir(&src);
        assert!(ir.functions.len() > 500);
    }
}
