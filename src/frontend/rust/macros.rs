//! Macros, lowered from their tokens: `format!`-like macros become
//! [`ExprKind::Format`], `vec!` an array, `json!` an object, and every other
//! macro a call whose callee keeps the `!` (`println!`, `tracing.info!`),
//! with arguments parsed as expressions, `name = value` fields (`%`/`?`
//! sigils dropped) and the identifiers captured inline by the format string
//! (`"{email}"`).

use proc_macro2::Ident;
use syn::ext::IdentExt;
use syn::parse::ParseStream;
use syn::{Lit, Token};

use super::{call, expr, exprs, join, literal, member_name, path_expr, span_from, span_of};
use crate::frontend::MAX_DEPTH;
use crate::frontend::tree::Ctx;
use crate::ir::{Arg, Expr, ExprKind, Span};

/// One argument of a macro, as parsed from its tokens.
struct MacroArg {
    /// `name = value` fields, `target:` metadata, `%x`/`?x`, bare `x`.
    name: Option<String>,
    /// Written `name = value`: a field or named format argument.
    assigned: bool,
    /// Positional (and not `%x`/`?x`/`target:`): may be the format string.
    positional: bool,
    expr: syn::Expr,
}

/// `json!` bodies: JSON with Rust expressions as values.
enum Json {
    Object(Vec<(Option<String>, Json)>, Span),
    Array(Vec<Json>, Span),
    Value(syn::Expr),
}

pub(super) fn macro_expr(cx: &mut Ctx, mac: &syn::Macro) -> Expr {
    let start = mac
        .path
        .segments
        .first()
        .map(|s| span_from(s.ident.span()))
        .unwrap_or_default();
    let sp = join(start, span_from(mac.delimiter.span().close()));
    let name = mac
        .path
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    match name.as_str() {
        "vec" => match mac.parse_body_with(parse_vec) {
            Ok(items) => Expr::new(ExprKind::Array(exprs(cx, &items)), sp),
            Err(_) => Expr::opaque(Vec::new(), sp),
        },
        "json" => match mac.parse_body_with(|input: ParseStream| parse_json(input, 0)) {
            Ok(j) => json_expr(cx, &j),
            Err(_) => Expr::opaque(Vec::new(), sp),
        },
        _ => {
            let Ok(raw) = mac.parse_body_with(parse_macro_args) else {
                return Expr::opaque(Vec::new(), sp);
            };
            let args = macro_args(cx, &raw);
            if matches!(name.as_str(), "format" | "format_args" | "concat") {
                let parts = args.into_iter().map(|a| a.value).collect();
                return Expr::new(ExprKind::Format(parts), sp);
            }
            let callee = macro_callee(cx, &mac.path, &name);
            call(callee, args, false, sp)
        }
    }
}

/// The macro's path with `!` on the last segment: `tracing.info!`.
fn macro_callee(cx: &Ctx, path: &syn::Path, name: &str) -> Expr {
    match path_expr(cx, path) {
        Expr {
            kind: ExprKind::Member { object, .. },
            span,
        } => Expr::new(
            ExprKind::Member {
                object,
                property: format!("{name}!"),
            },
            span,
        ),
        Expr { span, .. } => Expr::new(ExprKind::Name(format!("{name}!")), span),
    }
}

fn parse_vec(input: ParseStream) -> syn::Result<Vec<syn::Expr>> {
    if input.is_empty() {
        return Ok(Vec::new());
    }
    let first: syn::Expr = input.parse()?;
    if input.peek(Token![;]) {
        // `vec![x; n]`
        input.parse::<Token![;]>()?;
        input.parse::<syn::Expr>()?;
        return Ok(vec![first]);
    }
    let mut items = vec![first];
    while !input.is_empty() {
        input.parse::<Token![,]>()?;
        if input.is_empty() {
            break;
        }
        items.push(input.parse()?);
    }
    Ok(items)
}

/// Comma- (or, for `log`'s key-values, semicolon-) separated arguments.
fn parse_macro_args(input: ParseStream) -> syn::Result<Vec<MacroArg>> {
    let mut args = Vec::new();
    while !input.is_empty() {
        args.push(parse_macro_arg(input)?);
        if input.is_empty() {
            break;
        }
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        } else {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(args)
}

fn parse_macro_arg(input: ParseStream) -> syn::Result<MacroArg> {
    // `target: "x"`, `parent: &span` (log, tracing, slog metadata).
    if input.peek(Ident::peek_any) && input.peek2(Token![:]) && !input.peek2(Token![::]) {
        let name = input.call(Ident::parse_any)?.to_string();
        input.parse::<Token![:]>()?;
        let expr = input.parse()?;
        return Ok(MacroArg {
            name: Some(name),
            assigned: false,
            positional: false,
            expr,
        });
    }
    // `%user.email`, `?request` (tracing: recorded under the expression's name).
    if input.peek(Token![%]) || input.peek(Token![?]) {
        skip_sigil(input)?;
        let expr: syn::Expr = input.parse()?;
        return Ok(MacroArg {
            name: dotted_expr_name(&expr),
            assigned: false,
            positional: false,
            expr,
        });
    }
    // `user.email = %x`, `"user.email" = x`, `email = x`; slog's
    // `"email" => x`.
    let fork = input.fork();
    if let Ok(name) = field_name(&fork)
        && (fork.peek(Token![=>]) || (fork.peek(Token![=]) && !fork.peek(Token![==])))
    {
        use syn::parse::discouraged::Speculative;
        input.advance_to(&fork);
        if input.peek(Token![=>]) {
            input.parse::<Token![=>]>()?;
        } else {
            input.parse::<Token![=]>()?;
        }
        skip_sigil(input)?;
        let expr = input.parse()?;
        return Ok(MacroArg {
            name: Some(name),
            assigned: true,
            positional: false,
            expr,
        });
    }
    let expr: syn::Expr = input.parse()?;
    // A bare identifier is tracing's field shorthand (`info!(email, "..")`).
    let name = match &expr {
        syn::Expr::Path(p) if p.qself.is_none() => p.path.get_ident().map(|i| i.to_string()),
        _ => None,
    };
    Ok(MacroArg {
        name,
        assigned: false,
        positional: true,
        expr,
    })
}

fn skip_sigil(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![%]) {
        input.parse::<Token![%]>()?;
    } else if input.peek(Token![?]) {
        input.parse::<Token![?]>()?;
    }
    Ok(())
}

/// A tracing field name: `a.b.c` or `"a.b"`.
fn field_name(input: ParseStream) -> syn::Result<String> {
    if input.peek(syn::LitStr) {
        return Ok(input.parse::<syn::LitStr>()?.value());
    }
    let mut name = input.call(Ident::parse_any)?.to_string();
    while input.peek(Token![.]) && !input.peek(Token![..]) {
        input.parse::<Token![.]>()?;
        name.push('.');
        name.push_str(&input.call(Ident::parse_any)?.to_string());
    }
    Ok(name)
}

/// `user.email` for a chain of field accesses on a name.
fn dotted_expr_name(e: &syn::Expr) -> Option<String> {
    let mut parts = Vec::new();
    let mut cur = e;
    loop {
        match cur {
            syn::Expr::Field(f) => {
                parts.push(member_name(&f.member));
                cur = &f.base;
            }
            syn::Expr::Path(p) if p.qself.is_none() => {
                parts.push(p.path.get_ident()?.to_string());
                break;
            }
            _ => return None,
        }
    }
    parts.reverse();
    Some(parts.join("."))
}

/// Lowers parsed macro arguments and appends the names the format string
/// captures inline (`"{email}"`), unless a later `email = ..` argument
/// names them.
fn macro_args(cx: &mut Ctx, raw: &[MacroArg]) -> Vec<Arg> {
    let mut args: Vec<Arg> = raw
        .iter()
        .map(|a| Arg {
            name: a.name.clone(),
            value: expr(cx, &a.expr),
        })
        .collect();
    let format = raw.iter().enumerate().find_map(|(n, a)| match &a.expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: Lit::Str(s), ..
        }) if a.positional => Some((n, s)),
        _ => None,
    });
    if let Some((n, fmt)) = format {
        let named_later: Vec<&str> = raw
            .iter()
            .skip(n + 1)
            .filter(|a| a.assigned)
            .filter_map(|a| a.name.as_deref())
            .collect();
        let sp = span_from(fmt.span());
        for name in inline_captures(&fmt.value()) {
            if !named_later.contains(&name.as_str()) {
                args.push(Arg {
                    name: Some(name.clone()),
                    value: Expr::new(ExprKind::Name(name), sp),
                });
            }
        }
    }
    args
}

/// Identifiers a format string captures: `{email}`, `{email:?}`; not
/// `{}`, `{0}` or `{{`.
fn inline_captures(fmt: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = fmt;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        if let Some(escaped) = after.strip_prefix('{') {
            rest = escaped;
            continue;
        }
        let Some(close) = after.find('}') else { break };
        let inner = after.get(..close).unwrap_or("");
        let name = inner.split(':').next().unwrap_or("").trim();
        let is_ident = name.starts_with(|c: char| c.is_alphabetic() || c == '_')
            && name != "_"
            && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if is_ident && !names.iter().any(|n| n == name) {
            names.push(name.to_string());
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    names
}

fn parse_json(input: ParseStream, depth: usize) -> syn::Result<Json> {
    if depth > MAX_DEPTH {
        return Err(input.error("nested too deeply"));
    }
    if input.peek(syn::token::Brace) {
        let content;
        let brace = syn::braced!(content in input);
        let mut entries = Vec::new();
        while !content.is_empty() {
            let key = if content.peek(syn::LitStr) {
                Some(content.parse::<syn::LitStr>()?.value())
            } else {
                match content.parse::<syn::Expr>()? {
                    syn::Expr::Path(p) => p.path.get_ident().map(|i| i.to_string()),
                    _ => None,
                }
            };
            content.parse::<Token![:]>()?;
            entries.push((key, parse_json(&content, depth + 1)?));
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        return Ok(Json::Object(entries, span_from(brace.span.join())));
    }
    if input.peek(syn::token::Bracket) {
        let content;
        let bracket = syn::bracketed!(content in input);
        let mut items = Vec::new();
        while !content.is_empty() {
            items.push(parse_json(&content, depth + 1)?);
            if content.is_empty() {
                break;
            }
            content.parse::<Token![,]>()?;
        }
        return Ok(Json::Array(items, span_from(bracket.span.join())));
    }
    Ok(Json::Value(input.parse()?))
}

fn json_expr(cx: &mut Ctx, j: &Json) -> Expr {
    match j {
        Json::Object(entries, sp) => {
            if !cx.enter() {
                return Expr::opaque(Vec::new(), *sp);
            }
            let lowered = entries
                .iter()
                .map(|(k, v)| (k.clone(), json_expr(cx, v)))
                .collect();
            cx.leave();
            Expr::new(ExprKind::Object(lowered), *sp)
        }
        Json::Array(items, sp) => {
            if !cx.enter() {
                return Expr::opaque(Vec::new(), *sp);
            }
            let lowered = items.iter().map(|v| json_expr(cx, v)).collect();
            cx.leave();
            Expr::new(ExprKind::Array(lowered), *sp)
        }
        Json::Value(syn::Expr::Path(p)) if p.path.is_ident("null") => literal(span_of(p)),
        Json::Value(e) => expr(cx, e),
    }
}

#[cfg(test)]
mod tests {
    use super::inline_captures;

    #[test]
    fn inline_capture_parsing() {
        assert_eq!(
            inline_captures("{} {a} {b:?} {{c}} {0} {d:>width$} {_} {é}"),
            ["a", "b", "d", "é"]
        );
        assert!(inline_captures("{unclosed").is_empty());
    }
}
