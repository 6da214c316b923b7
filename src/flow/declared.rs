//! Declared sinks: a function without a body (an interface method) whose
//! decorator is a sink sends its parameters there. A Retrofit service
//! (`@POST("profile") fun update(@Body p: Profile)`) is called by its type
//! wherever it is injected; its callers' arguments reach the sink through
//! the join, as they reach a sink inside any function they call.

use super::FileCx;
use super::paths::path_expr;
use super::scope::Scope;
use crate::ir::{Arg, Expr, ExprKind, Function, Stmt, Target};

impl FileCx<'_> {
    /// Evaluates each sink decorator of the bodiless `f` as a call of the
    /// decorator with `f`'s parameters.
    pub(super) fn declared_sinks(&mut self, f: &Function, sc: &mut Scope) {
        if !bodiless(f) || f.params.is_empty() {
            return;
        }
        for d in &f.decorators {
            let resolved = self.resolve_dotted(d, sc);
            if self.lang.sink_for(&[&resolved, d]).is_none() {
                continue;
            }
            let callee = path_expr(&resolved, f.span);
            let args = f
                .params
                .iter()
                .map(|p| {
                    Arg::positional(Expr::new(ExprKind::Name(p.name.variable().into()), p.span))
                })
                .collect();
            let call = Expr::new(
                ExprKind::Call {
                    callee: Box::new(callee),
                    args,
                    construct: false,
                },
                f.span,
            );
            // The declaration sends nothing itself: what its parameters'
            // names or types say (`@Field("client_name") clientName`,
            // `@Body body: SignupBody`) is no data until a caller passes
            // some; only the edges to the sink stay.
            let flows = self.flows.len();
            let objects = self.summary.as_ref().map_or(0, |s| s.objects.len());
            self.eval(&call, sc);
            self.flows.truncate(flows);
            if let Some(summary) = self.summary.as_mut() {
                summary.objects.truncate(objects);
            }
        }
    }
}

/// Whether `f` has no statements but the aliases a front-end gives
/// parameters named by an annotation's key (`@Field("client_secret")
/// clientSecret` starts with `clientSecret = client_secret`).
fn bodiless(f: &Function) -> bool {
    f.body.iter().all(|stmt| {
        matches!(
            stmt,
            Stmt::Assign {
                target: Target::Place(Expr {
                    kind: ExprKind::Name(_),
                    ..
                }),
                value: Some(Expr {
                    kind: ExprKind::Name(_),
                    ..
                }),
                ..
            }
        )
    })
}
