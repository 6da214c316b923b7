//! Reading expressions as paths and owners: `user.email` as written, the
//! name that owns a field, the field a getter reads.

use super::scope::Scope;
use super::value::{Taint, Value};
use crate::classify::{Classifier, Verdict, tokens};
use crate::ir::{Expr, ExprKind, Span};
use crate::rules::Rules;

/// Taints of `v` that sit in field `field`, as a whole value.
pub(super) fn field_of(v: &Value, field: &str) -> Value {
    let mut out = Value::default();
    for t in &v.taints {
        if t.field.as_deref() == Some(field) {
            out.add(Taint {
                field: None,
                ..t.clone()
            });
        }
    }
    out
}

/// The field a getter reads, if the method is a getter of a known category.
pub(super) fn getter_field(classifier: &Classifier, method: &str) -> Option<String> {
    if !matches!(
        classifier.classify_getter(method, Some("user")),
        Verdict::Category { .. } | Verdict::Rejected { .. }
    ) {
        return None;
    }
    let toks = tokens(method);
    Some(toks[1..].join("_"))
}

/// The expression as written, as a dotted path.
pub(super) fn written(e: &Expr) -> Option<String> {
    written_within(e, MAX_PATH_SEGMENTS)
}

/// A dotted path as an expression (`retrofit2.http.POST`): names and
/// members, the inverse of [`written`] for them.
pub(super) fn path_expr(path: &str, span: Span) -> Expr {
    let mut parts = path.split('.');
    let first = Expr::new(
        ExprKind::Name(parts.next().unwrap_or_default().into()),
        span,
    );
    parts.fold(first, |object, part| {
        let member = ExprKind::Member {
            object: Box::new(object),
            property: part.into(),
        };
        Expr::new(member, span)
    })
}

/// How many members, calls and indexes a path may chain. No rule needs
/// more, and every step of a chain builds and looks up its whole prefix: a
/// hostile chain of thousands (`a.b.b.b…`) would cost the cube of its
/// length.
pub(super) const MAX_PATH_SEGMENTS: usize = 64;

fn written_within(e: &Expr, segments: usize) -> Option<String> {
    let mut path = String::new();
    write_path(e, segments, &mut path)?;
    Some(path)
}

/// Appends `e` as a path to `out`, in one buffer where building each
/// prefix as a string of its own cost an allocation a segment.
fn write_path(e: &Expr, segments: usize, out: &mut String) -> Option<()> {
    let inner =
        |e: &Expr, out: &mut String| segments.checked_sub(1).and_then(|s| write_path(e, s, out));
    match &e.kind {
        ExprKind::Name(n) => out.push_str(n),
        ExprKind::Member { object, property } => {
            inner(object, out)?;
            out.push('.');
            out.push_str(property);
        }
        ExprKind::Call { callee, .. } => {
            inner(callee, out)?;
            out.push_str("()");
        }
        ExprKind::Index { object, .. } => {
            inner(object, out)?;
            out.push_str("[]");
        }
        // A receiver that is no path (`(dir / name).write_bytes(..)`) still
        // lets `**.write_bytes` match.
        _ => out.push('?'),
    }
    Some(())
}

/// The owner of a request container's fields: its declared type
/// (`RegisterRequest`), which can give `name` its person context.
pub(super) fn container_owner(object: &Expr, sc: &Scope) -> Option<String> {
    match &object.kind {
        ExprKind::Name(n) => sc.vars.get(n).and_then(|v| v.ty.clone()),
        _ => None,
    }
}

/// The variable holding a request container, when the object is one.
pub(super) fn holder_of(object: &Expr) -> Option<&str> {
    match &object.kind {
        ExprKind::Name(n) => Some(n),
        _ => None,
    }
}

/// Whether `object` is a builder chain (see `builders` in rules/flow.yml):
/// `User.builder()`, `Msg.newBuilder().setA(x)`, `new Request.Builder()`,
/// `u.toBuilder()`.
pub(super) fn on_builder(object: &Expr, rules: &Rules) -> bool {
    let builders = &rules.builders;
    let mut e = object;
    loop {
        let ExprKind::Call {
            callee, construct, ..
        } = &e.kind
        else {
            return false;
        };
        match &callee.kind {
            ExprKind::Member { property, .. } | ExprKind::Name(property) if *construct => {
                return builders
                    .class_suffixes
                    .iter()
                    .any(|s| property.ends_with(s.as_str()));
            }
            ExprKind::Member { object, property } => {
                if builders.methods.iter().any(|m| m == property) {
                    return true;
                }
                e = object;
            }
            _ => return false,
        }
    }
}

/// The variable that follows a record held in field `field` of the
/// object (`this.contact`): a name with a `.`, which no identifier spells.
pub(super) fn held_field_variable(receiver: &Expr, field: &str) -> String {
    match &receiver.kind {
        ExprKind::Name(r) => format!("{r}.{field}"),
        _ => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(members: usize) -> Expr {
        let span = Span::default();
        (0..members).fold(
            Expr {
                kind: ExprKind::Name("a".into()),
                span,
            },
            |object, _| Expr {
                kind: ExprKind::Member {
                    object: Box::new(object),
                    property: "b".into(),
                },
                span,
            },
        )
    }

    #[test]
    fn a_path_made_an_expression_is_written_back_as_itself() {
        let e = path_expr("retrofit2.http.POST", Span::default());
        assert_eq!(written(&e).as_deref(), Some("retrofit2.http.POST"));
        assert_eq!(
            written(&path_expr("POST", Span::default())).as_deref(),
            Some("POST")
        );
    }

    #[test]
    fn paths_longer_than_the_bound_are_no_paths() {
        assert_eq!(written(&chain(2)).as_deref(), Some("a.b.b"));
        assert!(written(&chain(MAX_PATH_SEGMENTS)).is_some());
        assert_eq!(written(&chain(MAX_PATH_SEGMENTS + 1)), None);
        assert_eq!(written(&chain(5_000)), None);
    }
}
