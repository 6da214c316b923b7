//! Consent: data categories and tracking the manifest declares `consent:
//! required` may be used only after the person consents. The code shows
//! it with a guard: a condition, call or decorator that names one of the
//! manifest's `consent.guards` (else the names of `rules/obligations.yml`),
//! before the data's use in the function it is used in, in a function that
//! function is written in, or anywhere along the path the data took to get
//! there. A guard in another branch counts too: the check finds uses no
//! consent check comes near, not every path around one.

use super::Policy;
use super::code::{before, callee_name, each_expr, name_of, path_of};
use crate::checks::policy_rules as pr;
use crate::ir::ExprKind;
use crate::manifest::model::Consent;
use crate::manifest::{DataDeclaration, RecipientDeclaration, TrackingKind};
use crate::model::{Finding, FlowKind, Location, PolicyRef, Rule, StoreKind};
use crate::rules::name_matches;

impl Policy<'_> {
    /// A flow of data or tracking that needs consent, with no consent
    /// guard before it.
    pub(super) fn judge_consent(
        &self,
        f: &Finding,
        d: &DataDeclaration,
        reference: &mut Option<PolicyRef>,
    ) -> Option<(&'static Rule, String)> {
        let (what, cite) = if d.consent == Some(Consent::Required) {
            (
                format!(
                    "{} needs the person's consent (`consent: required`)",
                    f.category
                ),
                self.at(&d.category, 1, d.clause.as_ref()),
            )
        } else if let Some(r) = self.recipient_needing_consent(f) {
            (
                format!(
                    "sharing with {} needs the person's consent (`consent: required`)",
                    r.id
                ),
                self.at(&r.id, 1, r.clause.as_ref()),
            )
        } else {
            let (index, label) = self.tracking_needing_consent(f)?;
            let entry = &self.manifest.tracking.as_ref()?[index];
            (
                format!("{label} needs the person's consent (`consent: required`)"),
                self.at(
                    "tracking",
                    1,
                    entry.clause.as_ref().or(self.tracking_clause()),
                ),
            )
        };
        if self.arrived_as_an_argument(f) || self.guarded(f)? {
            return None;
        }
        // The clause that asks for consent, else the declaration's own.
        let clause = self
            .manifest
            .consent
            .as_ref()
            .and_then(|c| c.clause.as_ref());
        let guards = super::names_for_message(self.consent_guards());
        let mut cite = cite;
        if let Some(clause) = clause {
            cite.clause = Some(clause.clone());
        }
        *reference = Some(cite);
        Some((
            &pr::CONSENT_NOT_CHECKED,
            format!("{what}, and no consent check such as {guards} comes before it"),
        ))
    }

    /// The declared recipient of a shared flow, when it needs consent.
    fn recipient_needing_consent(&self, f: &Finding) -> Option<&RecipientDeclaration> {
        if f.flow_kind != FlowKind::Shared {
            return None;
        }
        self.recipient_decl(f.recipient.as_deref()?)
            .filter(|r| r.consent == Some(Consent::Required))
    }

    /// Whether the data came in as an argument of a helper: its trail
    /// starts at a plain parameter of the function it is used in
    /// (`` `id_number` ``, `` `person.id_number` ``, `parameter `x` of `f``).
    /// Whether the caller checked consent shows in the flows that run
    /// through the call, which are judged with the caller's steps.
    fn arrived_as_an_argument(&self, f: &Finding) -> bool {
        let Some(first) = f.trail.first() else {
            return false;
        };
        if first.message.starts_with("parameter `") && first.message.contains("` of `") {
            return true;
        }
        let Some(name) = first
            .message
            .strip_prefix('`')
            .and_then(|m| m.strip_suffix('`'))
        else {
            return false;
        };
        let root = name.split(['.', '[']).next().unwrap_or(name);
        let Some(code) = self
            .root
            .and_then(|r| self.code.code(r, &first.location.path))
        else {
            return false;
        };
        let at = code.position(&first.location);
        code.enclosing(at)
            .last()
            .is_some_and(|func| func.params.iter().any(|p| p.name.variable() == root))
    }

    /// The names that count as consent checks.
    fn consent_guards(&self) -> &[String] {
        match &self.manifest.consent {
            Some(c) if !c.guards.is_empty() => &c.guards,
            _ => &self.rules.obligations.consent_guards,
        }
    }

    /// The tracking entry that covers the flow and requires consent, with
    /// how messages name what it covers.
    fn tracking_needing_consent(&self, f: &Finding) -> Option<(usize, String)> {
        let tracking = self.manifest.tracking.as_ref()?;
        let needs = |i: &usize| tracking[*i].consent == Some(Consent::Required);
        match (f.flow_kind, f.store) {
            (FlowKind::Stored, Some(StoreKind::Cookie | StoreKind::BrowserStorage)) => {
                let key = f.store_key.as_deref();
                let label = key.map_or("this cookie".to_string(), |k| format!("cookie `{k}`"));
                if let Some(i) =
                    key.and_then(|k| tracking.iter().position(|t| t.name.as_deref() == Some(k)))
                {
                    return needs(&i).then_some((i, label));
                }
                if let Some(cookie) = key.and_then(|k| self.rules.cookie(k)) {
                    let i = tracking.iter().position(|t| {
                        t.name.is_none()
                            && t.kind.name() == cookie.kind
                            && t.recipient
                                .as_deref()
                                .is_none_or(|r| cookie.recipient.as_deref() == Some(r))
                    })?;
                    return needs(&i).then_some((i, label));
                }
                // A cookie of no known kind: consent is needed when every
                // entry that could cover it asks for it.
                let open: Vec<usize> = (0..tracking.len())
                    .filter(|i| tracking[*i].name.is_none() && tracking[*i].recipient.is_none())
                    .collect();
                (!open.is_empty() && open.iter().all(needs)).then(|| (open[0], label))
            }
            (FlowKind::Shared, _) => {
                let id = f.recipient.as_deref()?;
                let kind = self.tracking_kind_of(id)?;
                let i = (0..tracking.len()).filter(needs).find(|i| {
                    tracking[*i].kind == kind
                        && tracking[*i].recipient.as_deref().is_none_or(|r| r == id)
                })?;
                Some((i, format!("{} tracking by {id}", kind.name())))
            }
            _ => None,
        }
    }

    /// The kind of tracking a recipient does, by its kind of service.
    pub(super) fn tracking_kind_of(&self, recipient: &str) -> Option<TrackingKind> {
        match self.rules.recipient(recipient)?.service.as_str() {
            "analytics" | "session-replay" => Some(TrackingKind::Analytics),
            "advertising" => Some(TrackingKind::Marketing),
            _ => None,
        }
    }

    /// Whether a consent guard comes before the finding's place or any
    /// step of its trail; `None` when the code cannot be read again.
    fn guarded(&self, f: &Finding) -> Option<bool> {
        let root = self.root?;
        self.code_of(f)?;
        let guards = self.consent_guards();
        // Data a handler receives (a parameter, a request field) is taken
        // in before any check can run: the function's guard, wherever it
        // is, decides whether it is kept or used.
        let anywhere = f.flow_kind == FlowKind::Collected;
        let places = std::iter::once(&f.location).chain(f.trail.iter().map(|s| &s.location));
        let mut read_any = false;
        for place in places {
            let Some(code) = self.code.code(root, &place.path) else {
                continue;
            };
            read_any = true;
            if guard_near(&code, place, guards, anywhere) {
                return Some(true);
            }
        }
        read_any.then_some(false)
    }
}

/// A guard named before `place` (`anywhere`: at all) in the code around
/// it, or on a function it is in.
fn guard_near(
    code: &super::code::Code,
    place: &Location,
    guards: &[String],
    anywhere: bool,
) -> bool {
    let at = code.position(place);
    let is_guard = |name: &str| guards.iter().any(|g| name_matches(g, name));
    if code.enclosing(at).iter().any(|func| {
        func.decorators
            .iter()
            .any(|d| is_guard(d) || is_guard(d.rsplit('.').next().unwrap_or(d)))
    }) {
        return true;
    }
    let mut found = false;
    for stmts in code.statements(at) {
        each_expr(stmts, &mut |e| {
            if found || !(anywhere || before(e, at)) {
                return;
            }
            let name = match &e.kind {
                ExprKind::Call { callee, .. } => callee_name(callee),
                _ => name_of(e),
            };
            // A dotted guard (`cookieConsent.analytics`) matches the
            // whole member path.
            found = name.is_some_and(is_guard) || path_of(e).is_some_and(|p| is_guard(&p));
        });
    }
    found
}
