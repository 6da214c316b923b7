//! Expressions: the value each kind of expression has, as the taints it
//! carries and its state (plain, literal, sanitized, request data).

use super::FileCx;
use super::paths::{container_owner, holder_of, written};
use super::scope::Scope;
use super::sources::Read;
use super::trail::Trail;
use super::truncation::{names_a_collection, slice_length};
use super::value::{State, Taint, Value};
use crate::classify::{RejectReason, Verdict};
use crate::ir::{Expr, ExprKind, Span};

/// A string literal of three or more `*` and nothing else: the mask in a
/// masked value.
fn is_mask(e: &Expr) -> bool {
    e.as_str()
        .is_some_and(|t| t.len() >= 3 && t.chars().all(|c| c == '*'))
}

impl FileCx<'_> {
    pub(super) fn eval(&mut self, e: &Expr, sc: &mut Scope) -> Value {
        if !self.steps.take() {
            return Value::default();
        }
        match &e.kind {
            ExprKind::Name(name) => self.name(name, e.span, sc),
            ExprKind::Member { object, property } => {
                if let Some(source) = self.container_at(e, sc) {
                    return Value::container(source);
                }
                let obj = self.eval(object, sc);
                let mut out = self.member(obj, object, property, false, e.span, sc);
                // A record held in a field and written in this method
                // (`this.contact.last_name = v`).
                if matches!(&object.kind, ExprKind::Name(r) if self.is_self(r))
                    && let Some(held) = sc
                        .vars
                        .get(&super::paths::held_field_variable(object, property))
                {
                    out.merge(held.value.clone());
                }
                out
            }
            ExprKind::Index { object, index } => {
                let obj = self.eval(object, sc);
                self.eval(index, sc);
                // A slice that keeps a few characters identifies no one
                // (`card[-4:]`, `&phone[..3]`).
                if let ExprKind::Range { start, end } = &index.kind
                    && !names_a_collection(object)
                    && self.keeps_little(slice_length(start.as_deref(), end.as_deref()))
                {
                    return Value::sanitized();
                }
                match index.as_str() {
                    Some(key) => self.member(obj, object, key, true, e.span, sc),
                    None if matches!(obj.state, State::Container(_)) => Value::default(),
                    None => obj.flattened(),
                }
            }
            ExprKind::Call { .. } => self.call(e, sc),
            ExprKind::Str(_) | ExprKind::Literal | ExprKind::Int(_) => Value::literal(),
            ExprKind::Range { start, end } => {
                for bound in [start, end].into_iter().flatten() {
                    self.eval(bound, sc);
                }
                Value::default()
            }
            ExprKind::Format(parts) => {
                // `phone[..3] + "****" + phone[7..]` is a masked value: what
                // is left of the data identifies no one.
                if parts.iter().any(is_mask) {
                    for p in parts {
                        self.eval(p, sc);
                    }
                    return Value::sanitized();
                }
                let mut out = Value::default();
                let mut all_literal = true;
                for p in parts {
                    let v = self.eval(p, sc);
                    all_literal &= v.state == State::Literal;
                    out.merge(v.flattened());
                }
                if all_literal {
                    out.state = State::Literal;
                }
                out
            }
            ExprKind::Object(entries) => self.object(entries, None, sc),
            ExprKind::Array(items) => {
                let mut out = Value::default();
                for item in items {
                    let v = self.eval(item, sc);
                    out.merge(v);
                }
                out
            }
            ExprKind::Either(items) => {
                let mut out = Value::default();
                let mut states = Vec::new();
                let mut valued = Vec::new();
                for item in items {
                    let v = self.eval(item, sc);
                    states.push(v.state);
                    // A literal branch (`null`) or a condition kept beside
                    // the branches leaves the others' state as it is:
                    // `isset($p) ? Hash::make($p) : null` is a hash.
                    if v.state != State::Literal && !matches!(item.kind, ExprKind::Opaque(_)) {
                        valued.push(v.state);
                    }
                    out.merge(v);
                }
                if let Some(first) = states.first().filter(|s| states.iter().all(|x| x == *s)) {
                    out.state = *first;
                } else if let Some(first) =
                    valued.first().filter(|s| valued.iter().all(|x| x == *s))
                {
                    out.state = *first;
                } else if let Some(c) = states.iter().find(|s| matches!(s, State::Container(_)))
                    && !out.has_data()
                {
                    // `request.get_json() or {}` is still the request.
                    out.state = *c;
                }
                out
            }
            ExprKind::Function(_) => Value::default(),
            ExprKind::Opaque(children) => {
                for c in children {
                    self.eval(c, sc);
                }
                Value::default()
            }
        }
    }

    fn name(&mut self, name: &str, span: Span, sc: &mut Scope) -> Value {
        let mut value = match sc.vars.get(name) {
            // A parameter named like a request (`req` in Express) is one.
            Some(var) if var.param && var.value.state == State::Plain && !var.value.has_data() => {
                if let Some(source) = self.container_at_path(name, sc) {
                    return Value::container(source);
                }
                var.value.clone()
            }
            Some(var) => var.value.clone(),
            None => {
                if let Some(source) = self.container_at_path(name, sc) {
                    return Value::container(source);
                }
                Value::default()
            }
        };
        // A parameter's name is true of this function's use of it, but no
        // fact about what its callers pass.
        let weak = sc.vars.get(name).is_some_and(|v| v.param);
        if value.state == State::Plain {
            value = self.named(value, name, None, weak, || {
                Trail::start(span, format!("`{name}`"))
            });
        } else if value.state == State::Literal
            && let Some(text) = sc.vars.get(name).and_then(|v| v.text.as_deref())
            && looks_like_a_secret_value(text)
            && let Verdict::Category { id, .. } = self.classify(name, None)
            && self.rules.category(id).secret
        {
            // A hard-coded password or token is no person's data, but
            // whoever reads the log can use it all the same.
            let mut secret = Value::default();
            secret.add(Taint::data(
                id,
                Trail::start(span, format!("`{name}`, a hard-coded secret")),
            ));
            return secret;
        }
        value
    }

    fn member(
        &mut self,
        obj: Value,
        object: &Expr,
        property: &str,
        indexed: bool,
        span: Span,
        sc: &mut Scope,
    ) -> Value {
        if let State::Container(source) = obj.state {
            if self.rules.sources[source]
                .nested_containers
                .iter()
                .any(|n| n == property)
            {
                return Value::container(source);
            }
            let owner = container_owner(object, sc);
            let mut out = Value::default();
            let base = written(object).unwrap_or_default();
            let text = if indexed {
                format!("`{base}[\"{property}\"]`")
            } else {
                format!("`{base}.{property}`")
            };
            // A field read again from the same container (`req.body.email`
            // twice in one handler) is the same collection.
            let holder = holder_of(object).or((!base.is_empty()).then_some(base.as_str()));
            match self.collect(Read {
                field: property,
                owner: owner.as_deref(),
                source,
                span,
                shown: &text,
                holder,
            }) {
                Some(t) => out.add(t),
                None if matches!(self.classify(property, owner.as_deref()), Verdict::NoMatch) => {
                    self.silent_read = Some((source, span));
                    // `params[:user]`: the fields under it are read next.
                    if self.rules.sources[source].nested_keys {
                        return Value::container(source);
                    }
                }
                None => {}
            }
            return out;
        }
        if obj.state == State::Sanitized {
            return Value::sanitized();
        }
        let shown =
            written(object).map_or_else(|| property.to_string(), |o| format!("{o}.{property}"));
        let out = self.project(&obj, property, span, &shown);
        let owner = self.owner_of(object, sc);
        self.named(out, property, owner.as_deref(), false, || {
            Trail::start(span, format!("`{shown}`"))
        })
    }

    /// `value` with what the name of the variable or field holding it says
    /// (owned by `owner`): a data category, read as `read` says (`weak` when
    /// only a parameter's name says so), a constant, or a protected (hashed,
    /// masked, encrypted) value.
    fn named(
        &self,
        mut value: Value,
        name: &str,
        owner: Option<&str>,
        weak: bool,
        read: impl FnOnce() -> Trail,
    ) -> Value {
        match self.classify(name, owner) {
            Verdict::Category { id, .. } if !value.has(id) => {
                let mut t = Taint::data(id, read());
                t.weak = weak;
                value.add(t);
            }
            Verdict::Constant => value.state = State::Literal,
            Verdict::Rejected {
                reason: RejectReason::Protected(_),
                ..
            } => return Value::sanitized(),
            _ => {}
        }
        value
    }

    /// An object literal's value; `owner` is the type a struct literal
    /// builds (`CommunityTagUpdateForm { display_name: .. }`), which gives
    /// its keys their context.
    pub(super) fn object(
        &mut self,
        entries: &[(Option<String>, Expr)],
        owner: Option<&str>,
        sc: &mut Scope,
    ) -> Value {
        let mut out = Value::default();
        for (key, value) in entries {
            let v = self.eval(value, sc);
            match key {
                Some(key) => out.merge(self.keyed_in(key, owner, v, value)),
                None => out.merge(v),
            }
        }
        out
    }

    /// A value put under `key` in an object, struct, keyword argument or
    /// setter: it carries its own data, and the key names its category
    /// when the value is unknown. A literal or a masked value
    /// (`{ phone: maskPhone(p) }`) carries nothing, whatever its key says.
    pub(super) fn keyed(&self, key: &str, v: Value, value: &Expr) -> Value {
        self.keyed_in(key, None, v, value)
    }

    /// [`Self::keyed`] for a key of an object of type `owner`: a tag's
    /// `display_name` is not a person's name.
    pub(super) fn keyed_in(&self, key: &str, owner: Option<&str>, v: Value, value: &Expr) -> Value {
        let plain = v.state == State::Plain;
        let mut v = v.flattened();
        if plain
            && !v.has_data()
            && !matches!(value.kind, ExprKind::Function(_))
            && !self.named_not_personal(value)
            && let Verdict::Category { id, .. } = self.classifier.classify(key, owner)
        {
            v.add(Taint::data(
                id,
                Trail::start(value.span, format!("`{key}`")),
            ));
        }
        v.into_field(key)
    }

    /// Whether the value's own name already says it is not personal data,
    /// so that the key it is put under cannot make it so:
    /// `EmailBackend(password=config.password)` passes a setting, not a
    /// person's password; `"Bearer " + api_key` the application's key.
    fn named_not_personal(&self, value: &Expr) -> bool {
        let (name, owner) = match &value.kind {
            ExprKind::Format(parts) => {
                let mut named = parts
                    .iter()
                    .filter(|p| !matches!(p.kind, ExprKind::Str(_) | ExprKind::Literal));
                let first = named.next();
                return first.is_some_and(|p| self.named_not_personal(p))
                    && named.all(|p| self.named_not_personal(p));
            }
            ExprKind::Name(n) => (n, None),
            ExprKind::Member { object, property } => {
                let owner = match &object.kind {
                    ExprKind::Name(n) if !self.is_self(n) => Some(n.as_str()),
                    ExprKind::Member { property, .. } => Some(property.as_str()),
                    _ => None,
                };
                (property, owner)
            }
            _ => return false,
        };
        matches!(
            self.classifier.classify(name, owner),
            Verdict::Rejected { .. }
        )
    }
}

/// Whether a literal could be a working secret rather than a placeholder,
/// a template or a key name: at least 4 characters, no spaces or template
/// marks, not all one character (`"****"`), and not a plain lower-case word
/// (`"password"` is the name of a field, `"changeme"` a placeholder).
fn looks_like_a_secret_value(text: &str) -> bool {
    let mut chars = text.chars();
    let first = chars.next();
    text.chars().count() >= 4
        && !text
            .contains(|c: char| c.is_whitespace() || matches!(c, '{' | '}' | '%' | '$' | '<' | '>'))
        && chars.any(|c| Some(c) != first)
        && !text
            .chars()
            .all(|c| c.is_ascii_lowercase() || matches!(c, '_' | '-' | '.'))
}
