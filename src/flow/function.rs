//! Walking one function: its parameters and receiver, then its statements
//! in source order, with what assignments do to values and variables.

use super::FileCx;
use super::scope::{Scope, Var};
use super::sources::Read;
use super::summary::{Node, Signature, Slot};
use super::trail::Trail;
use super::value::{State, Taint, Value};
use crate::classify::Verdict;
use crate::ir::{Expr, ExprKind, Function, Rest, Span, Stmt, Target};
use crate::language::Conventions;

/// How callers bind arguments to `f`; `tests` are the parts of the file
/// that are tests.
pub(super) fn signature(f: &Function, conventions: &Conventions, tests: &[Span]) -> Signature {
    // Methods that declare their receiver do so first; plain functions have
    // no class.
    let receiver_param = f.class.is_some()
        && f.params
            .first()
            .is_some_and(|p| conventions.is_receiver_parameter(&p.name.variable()));
    let mut signature = Signature::new(
        &f.name.to_string(),
        f.class.as_deref(),
        f.params.iter().map(|p| match &p.keyword {
            Some(keyword) => std::borrow::Cow::Borrowed(keyword.as_str()),
            None => p.name.variable(),
        }),
    )
    .with_rests(
        f.params.iter().position(|p| p.rest == Some(Rest::Keywords)),
        f.params
            .iter()
            .rposition(|p| p.rest.is_none())
            .filter(|&last| {
                conventions.calls.keywords_fill_last_parameter
                    && last + 1 == f.params.len()
                    && !(receiver_param && last == 0)
            }),
        f.params
            .iter()
            .position(|p| p.rest == Some(Rest::Positional)),
    );
    signature.receiver_param = receiver_param;
    signature.test = tests.iter().any(|t| t.contains(&f.span));
    signature
}

impl FileCx<'_> {
    pub(super) fn function(&mut self, f: &Function, base: &Scope) {
        let mut scope = base.clone();
        scope.class = f.class.clone();
        self.collected.clear();
        self.deferred.clear();
        let route = self.route_source(f, base);
        for (index, p) in f.params.iter().enumerate() {
            let var = self.parameter(f, index, p, route);
            scope.vars.insert(p.name.variable().into_owned(), var);
        }
        // `this` of a Java or JavaScript method is no declared parameter.
        if let Some(class) = &f.class
            && let Some(this) = self.lang.conventions.implicit_receiver()
        {
            let mut value = Value::default();
            self.seed(&mut value, Slot::This, Trail::default());
            scope.vars.insert(
                this.to_string(),
                Var {
                    value,
                    origin: Some(class.clone()),
                    ..Var::default()
                },
            );
        }
        self.declared_sinks(f, &mut scope);
        for stmt in &f.body {
            self.stmt(stmt, &mut scope);
        }
    }

    pub(super) fn stmt(&mut self, stmt: &Stmt, sc: &mut Scope) {
        if !self.steps.take() {
            return;
        }
        match stmt {
            Stmt::Expr(e) => {
                self.discarded = Some(e.span);
                self.eval(e, sc);
                self.discarded = None;
            }
            Stmt::Return(e, span) => {
                if let Some(e) = e {
                    let v = self.eval(e, sc);
                    if let Some(function) = self.current {
                        let v = v.then(*span, || "returned".to_string());
                        self.edges(&v, Node::Return { function });
                    }
                }
            }
            Stmt::Assign {
                target,
                ty,
                value,
                span,
            } => self.assign(target, ty.as_deref(), value.as_ref(), *span, sc),
        }
    }

    fn assign(
        &mut self,
        target: &Target,
        ty: Option<&str>,
        value: Option<&Expr>,
        span: Span,
        sc: &mut Scope,
    ) {
        self.silent_read = None;
        let mut v = value.map(|e| self.eval(e, sc)).unwrap_or_default();
        match target {
            Target::Place(place) => match &place.kind {
                ExprKind::Name(name) => {
                    // `const newPassword = query.new`: the key says nothing,
                    // the variable it is read into does.
                    if let (Some((source, at)), Some(e)) = (self.silent_read.take(), value)
                        && (e.span.start_line, e.span.start_col) == (at.start_line, at.start_col)
                        && let Some(t) = self.collect(Read {
                            field: name,
                            owner: None,
                            source,
                            span: at,
                            shown: &format!("`{name}`"),
                            holder: None,
                        })
                    {
                        v.add(t);
                    }
                    let declared = ty.map(|t| self.resolve_type(t));
                    // `TelephonyManager tm = (TelephonyManager) ..`: a local
                    // declared of a container's type is that container.
                    if v.state == State::Plain
                        && !v.has_data()
                        && let Some(source) =
                            declared.as_deref().and_then(|t| self.lang.container(t))
                    {
                        v = Value::container(source);
                    }
                    // What the value comes from was made by: `editor =
                    // prefs.edit()` by what made `prefs`.
                    let made_by = value
                        .filter(|e| matches!(e.kind, ExprKind::Call { .. }))
                        .and_then(|e| {
                            self.root_maker(e, sc)
                                .cloned()
                                .or_else(|| self.origin_of(e, sc))
                        });
                    let origin = declared.or_else(|| value.and_then(|e| self.origin_of(e, sc)));
                    let text = value.and_then(|e| self.const_string(e, sc));
                    let hints = match value {
                        Some(
                            e @ Expr {
                                kind: ExprKind::Call { .. },
                                ..
                            },
                        ) => {
                            let mut out = String::new();
                            self.hints(e, sc, &mut out, 0);
                            (!out.is_empty()).then(|| std::rc::Rc::from(out))
                        }
                        _ => None,
                    };
                    let fresh = match value.map(|e| &e.kind) {
                        None => true,
                        Some(ExprKind::Call {
                            construct, args, ..
                        }) => *construct && args.is_empty(),
                        Some(_) => false,
                    };
                    let value = v.then(span, || format!("assigned to `{name}`"));
                    let ty = ty.map(str::to_string);
                    sc.vars.insert(
                        name.clone(),
                        Var {
                            value,
                            origin,
                            ty,
                            text,
                            param: false,
                            fresh,
                            copied: false,
                            hints,
                            made_by,
                        },
                    );
                }
                ExprKind::Member { object, property } => {
                    self.assign_field(object, property, v, value, span, sc)
                }
                ExprKind::Index { object, index } => {
                    if self.item_store(object, index, &v, span, sc) {
                        return;
                    }
                    self.eval(index, sc);
                    match index.as_str() {
                        Some(key) => self.assign_field(object, key, v, value, span, sc),
                        None => {
                            // `items[i] = x`: the collection now holds x.
                            if let ExprKind::Name(n) = &object.kind {
                                let v = v.flattened().then(span, || format!("stored in `{n}`"));
                                self.var_mut(n, sc).value.merge(v);
                            }
                        }
                    }
                }
                _ => {
                    self.eval(place, sc);
                }
            },
            Target::Destructure(pairs) => {
                // `a, b = x.email, x.phone` pairs up by position, and so does
                // `let (user, device) = match .. { _ => (u, d) }` arm by arm.
                if pairs.iter().all(|(k, _)| k.is_none())
                    && let Some(positions) = value.and_then(|e| by_position(e, pairs.len()))
                {
                    let mut anywhere = Value::default();
                    for e in positions.anywhere {
                        anywhere.merge(self.eval(e, sc));
                    }
                    for ((_, local), items) in pairs.iter().zip(positions.slots) {
                        let mut lv = anywhere.clone();
                        for item in items {
                            lv.merge(self.eval(item, sc));
                        }
                        let lv = lv.then(span, || format!("assigned to `{local}`"));
                        sc.vars.insert(
                            local.clone(),
                            Var {
                                value: lv,
                                ..Var::default()
                            },
                        );
                    }
                    return;
                }
                // `logger, err := zap.NewProduction()`: the first result is
                // the value the call makes.
                let first_origin = match value.map(|e| &e.kind) {
                    Some(ExprKind::Call { .. }) if pairs.iter().all(|(k, _)| k.is_none()) => {
                        value.and_then(|e| self.origin_of(e, sc))
                    }
                    _ => None,
                };
                // A request variable destructured after its fields were
                // collected (`let Form { phone, .. } = form;`) is not
                // collected again.
                let holder = match value.map(|e| &e.kind) {
                    Some(ExprKind::Name(n)) => Some(n.as_str()),
                    _ => None,
                };
                for (index, (key, local)) in pairs.iter().enumerate() {
                    let lv = match (v.state, key) {
                        (State::Container(source), _)
                            if self.rules.sources[source]
                                .nested_containers
                                .iter()
                                .any(|n| Some(n) == key.as_ref()) =>
                        {
                            Value::container(source)
                        }
                        (State::Container(source), _) => {
                            let field = key.as_deref().unwrap_or(local);
                            let mut lv = Value::default();
                            if let Some(t) = self.collect(Read {
                                field,
                                owner: None,
                                source,
                                span,
                                shown: &format!("`{field}` destructured from the request"),
                                holder,
                            }) {
                                lv.add(t);
                            }
                            lv
                        }
                        (_, Some(key)) => self.project(&v, key, span, key),
                        (_, None) => v.clone(),
                    };
                    let lv = lv.then(span, || format!("assigned to `{local}`"));
                    let origin = if index == 0 {
                        first_origin.clone()
                    } else {
                        None
                    };
                    sc.vars.insert(
                        local.clone(),
                        Var {
                            value: lv,
                            origin,
                            ..Var::default()
                        },
                    );
                }
            }
        }
    }

    /// `object.field = value`: the object now carries the value as `field`.
    fn assign_field(
        &mut self,
        object: &Expr,
        field: &str,
        v: Value,
        value: Option<&Expr>,
        span: Span,
        sc: &mut Scope,
    ) {
        // `this.contact.last_name = v`: a record held in a field of the
        // object is followed as the variable `this.contact` for the rest
        // of the method, so that `this.contact.save()` stores what was set.
        let (owner, held_in) = match &object.kind {
            ExprKind::Name(owner) => (owner.clone(), None),
            ExprKind::Member {
                object: receiver,
                property,
            } if matches!(&receiver.kind, ExprKind::Name(r) if self.is_self(r)) => (
                super::paths::held_field_variable(receiver, property),
                Some(property.as_str()),
            ),
            _ => {
                self.eval(object, sc);
                return;
            }
        };
        let owner = owner.as_str();
        // `self.client = client` with an untyped parameter says nothing
        // about the field's type.
        let untyped_local = matches!(
            value.map(|e| &e.kind),
            Some(ExprKind::Name(n)) if sc.vars.get(n).is_some_and(|v| v.origin.is_none())
        );
        if held_in.is_none()
            && self.is_self(owner)
            && !untyped_local
            && let (Some(class), Some(origin)) =
                (sc.class.clone(), value.and_then(|e| self.origin_of(e, sc)))
        {
            if matches!(value.map(|e| &e.kind), Some(ExprKind::Call { .. })) {
                self.field_makers
                    .insert_if_absent(&class, field, || origin.clone());
            }
            self.fields.insert_if_absent(&class, field, || origin);
        }
        self.note_protected_write(owner, field, &v);
        let mut v = v;
        if v.state == State::Plain
            && value.is_some()
            && let Verdict::Category { id, .. } =
                self.classify(field, Some(held_in.unwrap_or(self.owner_name(owner, sc))))
            && !v.has(id)
        {
            v.add(Taint::data(
                id,
                Trail::start(span, format!("`{owner}.{field}`")),
            ));
        }
        let v = v
            .flattened()
            .then(span, || format!("stored in `{owner}.{field}`"))
            .into_field(field);
        self.var_mut(owner, sc).value.overwrite_field(field, v);
    }
}

/// A tuple value taken apart by position: the expressions each of its
/// positions may hold, and the branches that give something else, whose
/// parts cannot be told apart and so may be in any position.
struct Positions<'a> {
    slots: Vec<Vec<&'a Expr>>,
    anywhere: Vec<&'a Expr>,
}

/// `value` by position, if it is a tuple literal of `n` items or branches
/// of which at least one is: `match .. { A => (u, d), B => err!(..) }`.
fn by_position(value: &Expr, n: usize) -> Option<Positions<'_>> {
    let mut positions = Positions {
        slots: vec![Vec::new(); n],
        anywhere: Vec::new(),
    };
    let tuples = collect_positions(value, n, &mut positions);
    (tuples > 0).then_some(positions)
}

/// Adds `value`'s items to `into`; returns how many tuples it held.
fn collect_positions<'a>(value: &'a Expr, n: usize, into: &mut Positions<'a>) -> usize {
    match &value.kind {
        ExprKind::Array(items) if items.len() == n => {
            for (slot, item) in into.slots.iter_mut().zip(items) {
                slot.push(item);
            }
            1
        }
        ExprKind::Either(branches) => branches.iter().map(|b| collect_positions(b, n, into)).sum(),
        ExprKind::Literal => 0,
        _ => {
            into.anywhere.push(value);
            0
        }
    }
}
