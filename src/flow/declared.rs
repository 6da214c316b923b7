//! Declared sinks: a function without a body (an interface method) whose
//! decorator is a sink sends its parameters there. A Retrofit service
//! (`@POST("profile") fun update(@Body p: Profile)`) is called by its type
//! wherever it is injected; its callers' arguments reach the sink through
//! the join, as they reach a sink inside any function they call.
//!
//! The host such a sink sends to is given where the interface is made
//! (`Retrofit.Builder().baseUrl(url)...create(Api::class.java)`): that call
//! binds the interface to the URL's recipient, and the join reports the
//! interface's sinks as sent there.

use super::FileCx;
use super::calls::Call;
use super::paths::{path_expr, written};
use super::scope::Scope;
use super::url;
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
            let (objects, sinks) = self
                .summary
                .as_ref()
                .map_or((0, 0), |s| (s.objects.len(), s.sinks.len()));
            self.eval(&call, sc);
            self.flows.truncate(flows);
            if let Some(summary) = self.summary.as_mut() {
                summary.objects.truncate(objects);
                if let Some(class) = &f.class {
                    let declared = sinks as u32..summary.sinks.len() as u32;
                    summary
                        .service_sinks
                        .extend(declared.map(|sink| (sink, class.clone())));
                }
            }
        }
    }
}

/// How many calls down a builder chain its base URL is looked for.
const MAX_CHAIN: usize = 16;

impl FileCx<'_> {
    /// Where `c` makes a service of an interface with a base URL
    /// (`Retrofit.Builder().baseUrl(url)...create(Api::class.java)`), binds
    /// the interface to the URL's recipient.
    pub(super) fn note_service_factory(&mut self, c: &Call, sc: &Scope) {
        if self.summary.is_none() || self.lang.service_factory(&c.paths()).is_none() {
            return;
        }
        let Some(interface) = c.args.iter().find_map(|a| class_literal(&a.value)) else {
            return;
        };
        // The builder's arguments, down the chain (`.baseUrl(url)`).
        let mut hints = String::new();
        let mut link = Some(c.expr);
        for _ in 0..MAX_CHAIN {
            let Some(Expr {
                kind: ExprKind::Call { callee, args, .. },
                ..
            }) = link
            else {
                break;
            };
            for a in args {
                self.hints(&a.value, sc, &mut hints, 0);
            }
            link = match &callee.kind {
                ExprKind::Member { object, .. } => Some(object),
                _ => None,
            };
        }
        let Some(host) = hints.split(' ').find_map(url::host_of) else {
            return;
        };
        let Some(recipient) = self.recipient_at(&host) else {
            return;
        };
        if let Some(summary) = self.summary.as_mut() {
            summary.services.push((interface.to_string(), recipient));
        }
    }
}

/// The class a class literal names: `Api` of `Api::class.java`,
/// `Api::class`, `Api.class`, `com.example.Api.class`.
fn class_literal(e: &Expr) -> Option<String> {
    let path = written(e)?;
    let path = path.strip_suffix(".java").unwrap_or(&path);
    let class = path.strip_suffix(".class")?;
    Some(class.rsplit('.').next().unwrap_or(class).to_string())
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
