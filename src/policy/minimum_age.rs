//! Minimum age: where a manifest says the service is not for people under
//! `subjects.minimum_age`, code that collects an age or a date of birth
//! must check it: compare it with the minimum or more (`age < 14`,
//! `today.year - dob.year >= 18`), or call an age check the manifest names
//! in `subjects.age_gate` (else the names of `rules/obligations.yml`), in
//! the function that collects it or one that function is written in.
//! Children's data is a breach of its own when the manifest does not
//! declare it.

use super::Policy;
use super::code::{Code, callee_name, each_expr, name_of, walk};
use crate::checks::policy_rules as pr;
use crate::ir::{Expr, ExprKind, Span};
use crate::manifest::model::covers;
use crate::model::{Finding, FlowKind, PolicyRef, Rule};
use crate::rules::name_matches;

/// What the code around a collection does about age.
enum AgeCheck {
    /// It calls an age check.
    Gate,
    /// It compares an age with these numbers (the youngest age each lets
    /// in).
    Bounds(Vec<u32>),
    /// It compares an age with a bound defined elsewhere.
    Unknown,
}

impl Policy<'_> {
    /// Children's data where the manifest excludes children and does not
    /// declare it.
    pub(super) fn judge_children(
        &self,
        f: &Finding,
        reference: &mut Option<PolicyRef>,
    ) -> Option<(&'static Rule, String)> {
        let minimum = self.minimum_age()?;
        let children = &self.rules.obligations.children_category;
        if !covers(children, &f.category)
            || self
                .data_decl(&f.category)
                .is_some_and(|d| covers(children, &d.category))
        {
            return None;
        }
        *reference = Some(self.minimum_age_cited());
        Some((
            &pr::MINIMUM_AGE,
            format!(
                "the manifest says the service is not for people under {minimum} (`subjects.minimum_age`) and declares no children's data"
            ),
        ))
    }

    /// An age or date of birth collected with no check against the
    /// minimum age, or checked against a lower one.
    pub(super) fn judge_minimum_age(
        &self,
        f: &Finding,
        reference: &mut Option<PolicyRef>,
    ) -> Option<(&'static Rule, String)> {
        let minimum = self.minimum_age()?;
        let words = &self.rules.obligations;
        if f.flow_kind != FlowKind::Collected
            || !words.age_categories.iter().any(|c| covers(c, &f.category))
        {
            return None;
        }
        let code = self.code_of(f)?;
        let why = match self.age_check(&code, f) {
            AgeCheck::Gate | AgeCheck::Unknown => return None,
            AgeCheck::Bounds(b) if b.iter().any(|n| *n >= minimum) => return None,
            AgeCheck::Bounds(b) if !b.is_empty() => format!(
                "the youngest age the code's comparison lets in is {}, below the minimum age of {minimum} (`subjects.minimum_age`)",
                b.iter().max().copied().unwrap_or_default()
            ),
            AgeCheck::Bounds(_) => format!(
                "nothing here checks it against the minimum age of {minimum} (`subjects.minimum_age`): no comparison and no age check such as {}",
                super::names_for_message(self.age_gates())
            ),
        };
        *reference = Some(self.minimum_age_cited());
        Some((&pr::MINIMUM_AGE, why))
    }

    /// The manifest's `subjects.minimum_age`.
    fn minimum_age(&self) -> Option<u32> {
        self.manifest.subjects.as_ref()?.minimum_age
    }

    /// Where the minimum age is declared, with its clause.
    fn minimum_age_cited(&self) -> PolicyRef {
        let clause = self
            .manifest
            .subjects
            .as_ref()
            .and_then(|s| s.clause.as_ref());
        self.at("minimum_age", 1, clause)
    }

    fn age_gates(&self) -> &[String] {
        match &self.manifest.subjects {
            Some(s) if !s.age_gate.is_empty() => &s.age_gate,
            _ => &self.rules.obligations.age_gates,
        }
    }

    fn age_check(&self, code: &Code, f: &Finding) -> AgeCheck {
        let words = &self.rules.obligations;
        let gates = self.age_gates();
        let is_age_name = |name: &str| {
            crate::classify::tokens(name)
                .iter()
                .any(|w| words.age_words.iter().any(|p| name_matches(p, w)))
        };
        let mut gate = false;
        let mut unknown = false;
        let mut bounds = Vec::new();
        for stmts in code.statements(code.position(&f.location)) {
            each_expr(stmts, &mut |e| match &e.kind {
                ExprKind::Call { callee, .. } => {
                    gate |= callee_name(callee)
                        .is_some_and(|n| gates.iter().any(|g| name_matches(g, n)));
                }
                ExprKind::Opaque(items) => {
                    let mut about_age = false;
                    walk(e, &mut |inner| {
                        about_age |= name_of(inner).is_some_and(is_age_name)
                            || matches!(&inner.kind, ExprKind::Call { callee, .. } if callee_name(callee).is_some_and(is_age_name));
                    });
                    if !about_age {
                        return;
                    }
                    for item in items {
                        let Some(operator) = comparison(code, e, item) else {
                            continue;
                        };
                        // A number, or a constant the file gives one
                        // (`age < minimumAge`); a bound from elsewhere
                        // (`settings.MINIMUM_AGE`) cannot be told.
                        let value = item.as_int().or_else(|| {
                            code.constant(name_of(item)?)?
                                .trim()
                                .trim_end_matches(';')
                                .parse()
                                .ok()
                        });
                        match value.and_then(|n| u32::try_from(n).ok()) {
                            Some(n) if (1..=words.max_age_bound).contains(&n) => {
                                bounds.push(n + u32::from(operator.admits_the_bound()));
                            }
                            Some(_) => {}
                            None => {
                                unknown |= name_of(item).is_some_and(|n| !is_age_name(n));
                            }
                        }
                    }
                }
                _ => {}
            });
        }
        if gate {
            AgeCheck::Gate
        } else if unknown && bounds.is_empty() {
            AgeCheck::Unknown
        } else {
            AgeCheck::Bounds(bounds)
        }
    }
}

/// How a comparison holds its bound, read from the text around it.
#[derive(Clone, Copy)]
struct Comparison {
    /// `age > 12` or `age <= 12` rejects up to 12: the minimum is 13.
    bound_is_allowed_below: bool,
}

impl Comparison {
    /// Whether the bound itself is still too young (`age > 12` lets 13
    /// in), so the minimum the code keeps is one more.
    fn admits_the_bound(self) -> bool {
        self.bound_is_allowed_below
    }
}

/// The comparison `item` is a side of in `whole` (`age < 14`, `14 > age`),
/// by the operator written next to it; `None` when it is no ordering
/// comparison (`len(dob) == 10`, `getMonth() + 1`).
fn comparison(code: &Code, whole: &Expr, item: &Expr) -> Option<Comparison> {
    let before = code.text_of(&Span {
        start_line: whole.span.start_line,
        start_col: whole.span.start_col,
        end_line: item.span.start_line,
        end_col: item.span.start_col,
    })?;
    let after = code.text_of(&Span {
        start_line: item.span.end_line,
        start_col: item.span.end_col,
        end_line: whole.span.end_line,
        end_col: whole.span.end_col,
    })?;
    let before = before.trim_end();
    let after = after.trim_start();
    // The bound on the right (`age OP n`): `>` and `<=` reject the bound
    // itself. On the left (`n OP age`): `<` and `>=` do.
    let on_right = ["<=", ">=", "<", ">"]
        .into_iter()
        .find(|op| before.ends_with(op));
    let on_left = ["<=", ">=", "<", ">"]
        .into_iter()
        .find(|op| after.starts_with(op));
    match (on_right, on_left) {
        (Some(op), _) => Some(Comparison {
            bound_is_allowed_below: matches!(op, ">" | "<="),
        }),
        (None, Some(op)) => Some(Comparison {
            bound_is_allowed_below: matches!(op, "<" | ">="),
        }),
        (None, None) => None,
    }
}
