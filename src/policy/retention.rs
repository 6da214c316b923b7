//! Retention: how long a cookie or cache entry keeps a data category,
//! against the manifest's `retention` (a duration such as `30d`, or
//! `session`). The lifetime comes from the call's own arguments, as its
//! sink's `lifetime` in `rules/sinks/` says where to find it; a lifetime
//! the code computes elsewhere is not judged.

use super::Policy;
use super::code::{Code, callee_name};
use super::lifetime::{duration_text, evaluate};
use crate::checks::policy_rules as pr;
use crate::ir::{Arg, Expr, ExprKind};
use crate::manifest::DataDeclaration;
use crate::model::{Finding, FlowKind, Rule, StoreKind};
use crate::rules::{LifetimeArg, Without};

/// What the manifest allows.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Limit {
    /// Until the browser session ends: a cookie without a max age.
    Session,
    /// At most so many seconds.
    AtMost(f64),
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
            (Kept::Forever, _) => format!(
                "it is kept with no expiry, and the manifest's retention is {promised}"
            ),
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
        let r = retention.trim();
        if r.eq_ignore_ascii_case("session") {
            return Some(Limit::Session);
        }
        let seconds = duration_text(r, &self.rules.obligations)?;
        // A bare number says no unit: not a limit one can check.
        (r.ends_with(char::is_alphabetic) && seconds > 0.0).then_some(Limit::AtMost(seconds))
    }

    /// How long the write at the finding keeps what it writes.
    fn kept(&self, f: &Finding) -> Option<Kept> {
        let spec = self.rules.sink_by_id(&f.via)?.lifetime.as_ref()?;
        let code = self.code.code(self.root?, &f.location.path)?;
        let call = code.call_at(code.position(&f.location))?;
        let ExprKind::Call { callee, args, .. } = &call.kind else {
            return None;
        };
        let method = callee_name(callee).unwrap_or("");
        if spec.forever.iter().any(|m| m == method) {
            return Some(Kept::Forever);
        }
        let applies = |a: &&LifetimeArg| a.methods.is_empty() || a.methods.iter().any(|m| m == method);
        for a in spec.args.iter().filter(applies) {
            if let Some(value) = argument(args, a) {
                return self.lifetime(&code, value, a);
            }
        }
        match spec.without {
            Without::Session => Some(Kept::Session),
            Without::Forever => Some(Kept::Forever),
            Without::Unknown => None,
        }
    }

    /// The lifetime an argument gives, if its text can be evaluated.
    fn lifetime(&self, code: &Code, value: &Expr, a: &LifetimeArg) -> Option<Kept> {
        let q = evaluate(code.text_of(&value.span)?, &self.rules.obligations)?;
        if a.unit.is_date() && !q.from_now {
            return None; // a fixed date: how far off depends on today
        }
        let seconds = q.seconds + q.plain * a.unit.seconds();
        if seconds == 0.0 && a.zero_is_forever {
            return Some(Kept::Forever);
        }
        // Zero or less deletes the entry.
        (seconds > 0.0).then_some(Kept::For(seconds))
    }
}

/// The argument `a` names: a keyword argument, a key of an object or struct
/// literal passed, or a positional argument.
fn argument<'e>(args: &'e [Arg], a: &LifetimeArg) -> Option<&'e Expr> {
    if let Some(name) = a.arg.as_deref() {
        if let Some(k) = args.iter().find(|x| x.name.as_deref() == Some(name)) {
            return Some(&k.value);
        }
        for x in args {
            match &x.value.kind {
                ExprKind::Object(entries) => {
                    if let Some((_, v)) = entries.iter().find(|(k, _)| k.as_deref() == Some(name)) {
                        return Some(v);
                    }
                }
                ExprKind::Call {
                    args: inner,
                    construct: true,
                    ..
                } => {
                    if let Some(k) = inner.iter().find(|y| y.name.as_deref() == Some(name)) {
                        return Some(&k.value);
                    }
                }
                _ => {}
            }
        }
    }
    let position = a.position?;
    args.iter().filter(|x| x.name.is_none()).nth(position).map(|x| &x.value)
}

/// A lifetime in the largest unit that divides it: `365 days`, `2 hours`.
fn human(seconds: f64) -> String {
    let s = seconds.round() as u64;
    for (unit, name) in [(86400, "day"), (3600, "hour"), (60, "minute")] {
        if s >= unit && s % unit == 0 {
            return crate::text::counted((s / unit) as usize, name);
        }
    }
    crate::text::counted(s as usize, "second")
}
