//! Retention: how long a cookie or cache entry keeps a data category,
//! against the manifest's `retention` (a duration such as `30d`, or
//! `session`). The lifetime comes from the call's own arguments, as its
//! sink's `lifetime` in `rules/sinks/` says where to find it; a lifetime
//! the code computes elsewhere is not judged.

use super::Policy;
use std::borrow::Cow;

use super::code::{Code, Position, callee_name, each_expr, name_assignments, walk};
use super::lifetime::evaluate_with;
use crate::checks::policy_rules as pr;
use crate::ir::{Arg, Expr, ExprKind};
use crate::manifest::DataDeclaration;
use crate::model::{Finding, FlowKind, Location, Rule, StoreKind};
use crate::rules::{LifetimeArg, LifetimeSpec, Without};

/// What the manifest allows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Limit {
    /// Until the browser session ends: a cookie without a max age.
    Session,
    /// At most so many seconds.
    AtMost(f64),
}

/// A write at a finding's place: what made the entry, its arguments, and
/// the method called.
struct Write<'c> {
    made: &'c Expr,
    args: Cow<'c, [Arg]>,
    method: &'c str,
}

/// What the code keeps.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kept {
    Session,
    For(f64),
    Forever,
}

impl Policy<'_> {
    /// A cookie or cache entry of the category kept longer than its
    /// declared retention, or with no expiry where one is promised.
    pub(super) fn judge_retention(
        &self,
        f: &Finding,
        d: &DataDeclaration,
    ) -> Option<(&'static Rule, String)> {
        if f.flow_kind != FlowKind::Stored
            || !matches!(f.store, Some(StoreKind::Cookie | StoreKind::Cache))
        {
            return None;
        }
        let promised = d.retention.as_deref()?;
        let limit = self.limit(promised)?;
        let cookie = f.store == Some(StoreKind::Cookie);
        let why = match (self.kept(f)?, limit) {
            (Kept::Forever, _) => {
                format!("it is kept with no expiry, and the manifest's retention is {promised}")
            }
            (Kept::For(s), Limit::AtMost(max)) if s > max => format!(
                "it is kept for {}, longer than the manifest's retention of {promised}",
                human(s)
            ),
            (Kept::For(s), Limit::Session) if cookie => format!(
                "the cookie lasts {}, and the manifest keeps it for the session only",
                human(s)
            ),
            _ => return None,
        };
        Some((&pr::RETENTION_EXCEEDED, why))
    }

    /// The limit a retention states; `None` for words the code cannot be
    /// held to (`until-account-deletion`, `as long as necessary`).
    fn limit(&self, retention: &str) -> Option<Limit> {
        if retention.trim().eq_ignore_ascii_case("session") {
            return Some(Limit::Session);
        }
        self.rules
            .obligations
            .retention_seconds(retention)
            .map(Limit::AtMost)
    }

    /// How long the write at the finding keeps what it writes.
    /// A flow that crosses functions is reported where the data enters
    /// them; the write, and its lifetime, is the last step of its trail.
    fn kept(&self, f: &Finding) -> Option<Kept> {
        let spec = self.rules.sink_by_id(&f.via)?.lifetime.as_ref()?;
        self.code_of(f)?;
        let write = f
            .trail
            .last()
            .map(|s| &s.location)
            .filter(|l| l.path != f.location.path || l.start_line != f.location.start_line);
        match write {
            Some(w) => self
                .kept_at(spec, w)
                .or_else(|| self.kept_at(spec, &f.location)),
            None => self.kept_at(spec, &f.location),
        }
    }

    /// How long the write at `location` keeps what it writes.
    fn kept_at(&self, spec: &LifetimeSpec, location: &Location) -> Option<Kept> {
        let code = self.code.code(self.root?, &location.path)?;
        let at = code.position(location);
        // `cookies[:k] = {..}` is a write with the key and value as its
        // arguments; anything else is a call, or one of a chain.
        let writes: Vec<Write> = match code.assignment_at(at) {
            Some((target, value)) => {
                let mut args = Vec::new();
                if let ExprKind::Index { index, .. } = &target.kind {
                    args.push(Arg::positional((**index).clone()));
                }
                args.push(Arg::positional(value.clone()));
                vec![Write {
                    made: target,
                    args: args.into(),
                    method: "__setitem__",
                }]
            }
            None => code
                .calls_at(at)
                .into_iter()
                .filter_map(|call| match &call.kind {
                    ExprKind::Call { callee, args, .. } => Some(Write {
                        made: call,
                        args: with_locals(&code, at, args),
                        method: callee_name(callee).unwrap_or(""),
                    }),
                    _ => None,
                })
                .collect(),
        };
        if writes.is_empty() {
            return None;
        }
        for w in &writes {
            if spec.forever.iter().any(|m| m == w.method) {
                return Some(Kept::Forever);
            }
            let applies =
                |a: &&LifetimeArg| a.methods.is_empty() || a.methods.iter().any(|m| m == w.method);
            for a in spec.args.iter().filter(applies) {
                let given = match &a.setter {
                    Some(setter) => set_later(&code, w.made, setter)
                        .and_then(|set| set.get(a.position.unwrap_or(0)))
                        .map(|x| (&x.value, None)),
                    None => argument(&w.args, a).map(|v| {
                        let unit = a.unit_position.and_then(|p| positional(&w.args, p));
                        (v, unit)
                    }),
                };
                if let Some((value, unit)) = given {
                    return self.lifetime(&code, value, unit, a);
                }
            }
        }
        match spec.without {
            Without::Session => Some(Kept::Session),
            Without::Forever => Some(Kept::Forever),
            Without::Unknown => None,
        }
    }

    /// The lifetime an argument gives, if its text can be evaluated; `unit`
    /// is the argument that names its unit, if any.
    fn lifetime(
        &self,
        code: &Code,
        value: &Expr,
        unit: Option<&Expr>,
        a: &LifetimeArg,
    ) -> Option<Kept> {
        let words = &self.rules.obligations;
        let q = evaluate_with(code.text_of(&value.span)?, words, &|name| {
            code.constant(name)
        })?;
        if a.unit.is_date() && !q.from_now {
            return None; // a fixed date: how far off depends on today
        }
        let per_plain = match unit {
            Some(u) => {
                let text = code.text_of(&u.span)?;
                words.unit_seconds(text.rsplit(['.', ':']).next().unwrap_or(text))?
            }
            None => a.unit.seconds(),
        };
        let seconds = q.seconds + q.plain * per_plain;
        if seconds == 0.0 && a.zero_is_forever {
            return Some(Kept::Forever);
        }
        // Zero or less deletes the entry.
        (seconds > 0.0).then_some(Kept::For(seconds))
    }
}

/// The argument `a` names: a keyword argument, a key of an object or struct
/// literal passed (`{maxAge: ..}`, `&http.Cookie{MaxAge: ..}`, `new
/// CookieOptions { MaxAge = .. }`), or a positional argument.
fn argument<'e>(args: &'e [Arg], a: &LifetimeArg) -> Option<&'e Expr> {
    match a.arg.as_deref() {
        Some(name) => keyed(args, name, 2).or_else(|| positional(args, a.position?)),
        None => positional(args, a.position?),
    }
}

/// The value given for `name` among `args`, as a keyword or a key of a
/// literal passed, `depth` constructions deep.
fn keyed<'e>(args: &'e [Arg], name: &str, depth: u32) -> Option<&'e Expr> {
    if let Some(k) = args.iter().find(|x| x.name.as_deref() == Some(name)) {
        return Some(&k.value);
    }
    args.iter().find_map(|x| match &x.value.kind {
        ExprKind::Object(entries) => entries
            .iter()
            .find(|(k, _)| k.as_deref() == Some(name))
            .map(|(_, v)| v),
        ExprKind::Call {
            args: inner,
            construct: true,
            ..
        } if depth > 0 => keyed(inner, name, depth - 1),
        _ => None,
    })
}

/// The arguments, a variable among them replaced by the value the function
/// gave it (`opts` of `res.cookie(n, v, opts)` after `const opts = {..}`).
fn with_locals<'c>(code: &'c Code, at: Position, args: &'c [Arg]) -> Cow<'c, [Arg]> {
    let local = |a: &Arg| match &a.value.kind {
        ExprKind::Name(n) => code.local_value(at, n),
        _ => None,
    };
    if !args.iter().any(|a| local(a).is_some()) {
        return Cow::Borrowed(args);
    }
    Cow::Owned(
        args.iter()
            .map(|a| match local(a) {
                Some(value) => Arg {
                    name: a.name.clone(),
                    value: value.clone(),
                },
                None => a.clone(),
            })
            .collect(),
    )
}

fn positional(args: &[Arg], position: usize) -> Option<&Expr> {
    args.iter()
        .filter(|x| x.name.is_none())
        .nth(position)
        .map(|x| &x.value)
}

/// The arguments of `setter` called later on what `made` made: on the
/// variable it is assigned to, or down the chain it starts.
fn set_later<'c>(code: &'c Code, made: &'c Expr, setter: &str) -> Option<&'c [Arg]> {
    let at = (made.span.start_line, made.span.start_col);
    let mut variable = None;
    let mut found = None;
    for stmts in code.statements(at) {
        if let Some((name, _, _)) = name_assignments(stmts)
            .filter(|(_, value, _)| value.span.contains(&made.span))
            .last()
        {
            variable = Some(name);
        }
        each_expr(stmts, &mut |e| {
            let ExprKind::Call { callee, args, .. } = &e.kind else {
                return;
            };
            let ExprKind::Member { object, property } = &callee.kind else {
                return;
            };
            if found.is_some() || property != setter {
                return;
            }
            let on_variable =
                matches!(&object.kind, ExprKind::Name(n) if Some(n.as_str()) == variable);
            let mut in_chain = false;
            walk(object, &mut |inner| in_chain |= inner.span == made.span);
            if on_variable || in_chain {
                found = Some(args.as_slice());
            }
        });
    }
    found
}

/// A lifetime in the largest unit that divides it: `365 days`, `2 hours`.
fn human(seconds: f64) -> String {
    let s = seconds.round() as u64;
    for (unit, name) in [(86400, "day"), (3600, "hour"), (60, "minute")] {
        if s >= unit && s.is_multiple_of(unit) {
            return crate::text::counted((s / unit) as usize, name);
        }
    }
    crate::text::counted(s as usize, "second")
}
