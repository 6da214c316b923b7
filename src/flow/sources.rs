//! Sources: where personal data enters from a person.
//!
//! Request data arrives in request containers (`request.form`, `req.body`),
//! in parameters marked as request data (`@RequestBody`, `Json<T>`, a
//! FastAPI handler's model), through keyed reads (`c.PostForm("phone")`)
//! and bind calls (`c.ShouldBindJSON(&req)`). A field read from one is
//! *collected*: a flow at the read, once per variable and field. A body whose
//! type another file declares is left to the project join, which knows the
//! type's fields.

use super::FileCx;
use super::calls::Call;
use super::paths::{container_owner, holder_of, written};
use super::scope::{Scope, Var};
use super::summary::{Body, DeclaredInput, Slot, read_verb};
use super::trail::Trail;
use super::value::{State, Taint, Value};
use crate::classify::{Verdict, normalized_name, tokens};
use crate::hash::Set;
use crate::ir::{Arg, Class, Expr, ExprKind, Function, Param, Span};
use crate::model::{CategoryId, Flow, FlowKind};

/// A read of one field of request data.
pub(super) struct Read<'r> {
    /// The field's name, classified with `owner` (the container's type).
    pub(super) field: &'r str,
    pub(super) owner: Option<&'r str>,
    /// The source in the rules.
    pub(super) source: usize,
    pub(super) span: Span,
    /// The read as shown in trails (`` `request.form["email"]` ``).
    pub(super) shown: &'r str,
    /// The variable holding the request data, if it is one: its fields are
    /// collected once.
    pub(super) holder: Option<&'r str>,
}

/// A request body of a declared type, arriving in a parameter or in a
/// variable a bind call fills.
struct TypedBody {
    slot: Slot,
    /// The type, resolved through the imports.
    ty: String,
    source: usize,
    span: Span,
    shown: String,
    /// The file declares the type and collects its fields itself.
    announced: bool,
}

impl FileCx<'_> {
    /// The source of a function decorated as a request handler
    /// (`@router.post(..)`).
    pub(super) fn route_source(&self, f: &Function, base: &Scope) -> Option<usize> {
        if let Some((_, source)) = self.resolver_info(f) {
            return Some(source);
        }
        f.decorators.iter().find_map(|d| {
            self.lang
                .route_decorator(&self.resolve_dotted(d, base))
                .or_else(|| self.lang.route_decorator(d))
        })
    }

    /// The position of a resolver's `info` parameter (`info: ResolveInfo`)
    /// and its source, when `f` is an API resolver: only the parameters
    /// after it are what the client sent (`root` before it is the server's
    /// own object).
    fn resolver_info(&self, f: &Function) -> Option<(usize, usize)> {
        f.params.iter().enumerate().find_map(|(i, p)| {
            let ty = p.ty.as_deref()?;
            let resolved = self.resolve_type(ty);
            [resolved.as_str(), ty]
                .iter()
                .find_map(|t| self.lang.resolver_params.get(*t))
                .map(|source| (i, *source))
        })
    }

    /// The variable parameter `index` of `f` starts as: request data where
    /// its annotations, type or handler say so, else a symbol for what
    /// callers pass (`route`: the source of `f` as a request handler).
    pub(super) fn parameter(
        &mut self,
        f: &Function,
        index: usize,
        p: &Param,
        route: Option<usize>,
    ) -> Var {
        let name = p.name.variable();
        // A receiver named `self` stands for the enclosing class.
        let origin = match (&f.class, p.ty.as_deref()) {
            (Some(class), None) if index == 0 && self.is_self(&name) => Some(class.clone()),
            _ => p.ty.as_deref().map(|t| self.resolve_type(t)),
        };
        let mut var = Var {
            origin,
            ty: p.ty.clone(),
            param: true,
            ..Var::default()
        };
        // Annotations mark request data as resolved through the imports
        // (Rust's `Json` of `Json(form): Json<T>` is `axum.Json`), then as
        // written.
        let resolved: Vec<String> = p.annotations.iter().map(|a| self.resolve_type(a)).collect();
        let marks: Vec<&str> = resolved
            .iter()
            .chain(&p.annotations)
            .map(String::as_str)
            .chain(p.ty.as_deref())
            .chain(var.origin.as_deref())
            .collect();
        // A request handler's own parameters (FastAPI): one typed by a
        // class is the body, one of a plain type a query or path field;
        // one given a default call (`= Depends(..)`) is neither.
        // When a handler validates one parameter (`@Valid Pet pet`), that
        // one is the form it was sent; the others are the framework's.
        let validated = |q: &Param| {
            q.annotations
                .iter()
                .any(|a| self.lang.neutral_annotations.contains(a))
        };
        let unmarked = p
            .annotations
            .iter()
            .all(|a| self.lang.neutral_annotations.contains(a))
            && (validated(p) || !f.params.iter().any(validated))
            && p.rest.is_none()
            && p.holds.is_none();
        let declared = |types: &Set<String>| {
            p.ty.as_deref()
                .is_some_and(|t| types.contains(t) || types.contains(&self.resolve_type(t)))
        };
        let injected = declared(&self.lang.injected_types);
        let one_value = declared(&self.lang.value_types);
        let before_info = self.resolver_info(f).is_some_and(|(info, _)| index <= info);
        let route = route.filter(|_| !before_info);
        let handler_param =
            route.filter(|_| unmarked && !injected && !(index == 0 && self.is_self(&name)));
        // A handler's `**data` holds every argument it was given.
        let keywords = route.filter(|_| matches!(p.rest, Some(crate::ir::Rest::Keywords)));
        let (body_param, field_param) = match (handler_param.or(keywords), p.ty.as_deref()) {
            (Some(src), _) if keywords.is_some() => (Some(src), None),
            (Some(src), Some(t))
                if t.starts_with(|c: char| c.is_ascii_uppercase()) && !one_value =>
            {
                (Some(src), None)
            }
            (Some(src), _) => (None, Some(src)),
            _ => (None, None),
        };
        // `onLocationChanged(location: Location)`: the platform hands the
        // method what it collected.
        let callback = match &f.name {
            crate::ir::FunctionName::Named(method) => self.lang.callbacks.get(method).copied(),
            _ => None,
        };
        if let Some(source) = marks
            .iter()
            .find_map(|m| self.lang.container_params.get(*m))
            .copied()
            .or(callback)
            .or(body_param)
        {
            var.value = Value::container(source);
            let shown = format!("parameter `{name}`");
            // `Json<SignupForm>`: the body is the type argument.
            let held = p.holds.as_deref().or(p.ty.as_deref()).map(str::to_string);
            let here = self.announce(&name, held.as_deref(), source, p.span, &shown);
            // Its type may be declared in another file: the join
            // collects its fields here and follows them into callees.
            if let Some(ty) = held.map(|h| self.resolve_type(&h)).or(var.origin.clone())
                && let Some(body) = self.body(
                    TypedBody {
                        slot: Slot::Param(index as u16),
                        ty,
                        source,
                        span: p.span,
                        shown,
                        announced: here,
                    },
                    &mut var.value,
                )
                && !here
            {
                self.deferred.insert(name.to_string(), body);
            }
        } else if let Some(source) = marks
            .iter()
            .find_map(|m| self.lang.field_params.get(*m))
            .copied()
            .or(field_param)
            && let Some(t) = self.collect(Read {
                field: &name,
                owner: None,
                source,
                span: p.span,
                shown: &format!("parameter `{name}`"),
                holder: None,
            })
        {
            var.value.add(t);
        }
        if var.value.state == State::Plain {
            let trail = Trail::start(p.span, format!("parameter `{name}` of `{}`", f.name));
            self.seed(&mut var.value, Slot::Param(index as u16), trail);
        }
        var
    }

    /// Records a request body of a declared type (see [`TypedBody`]) and
    /// gives its variable its symbol, so that the join can follow it into
    /// the calls it is passed to. Returns its index in the summary.
    fn body(&mut self, b: TypedBody, value: &mut Value) -> Option<usize> {
        let function = self.current?;
        self.seed(value, b.slot, Trail::default());
        let via = self.rules.sources[b.source].id.clone();
        let lookup = self.classifier.is_lookup_type(&b.ty);
        let summary = self.summary.as_mut()?;
        summary.bodies.push(Body {
            function,
            slot: b.slot,
            ty: b.ty,
            flow: Flow {
                kind: FlowKind::Collected,
                category: 0,
                span: b.span,
                via,
                recipient: None,
                store: None,
                store_key: None,
                region: None,
                target: b.shown,
                trail: Vec::new(),
                model_write: false,
                model_field: None,
                encrypted: false,
            },
            announced: b.announced,
            addresses: self.rules.sources[b.source].addresses,
            lookup,
            reads: Vec::new(),
        });
        Some(summary.bodies.len() - 1)
    }

    /// `r.FormValue("email")`, `c.PostForm("phone")`: a call whose first
    /// argument (or the one the source names) names the field it reads.
    pub(super) fn keyed_read(&mut self, c: &Call) -> Option<Value> {
        let source = c.paths().iter().find_map(|p| self.lang.keyed_call(p))?;
        let arg = &c.args.get(self.rules.sources[source].key_arg)?.value;
        let (key, fallback) = match arg.as_key() {
            Some(key) => (key.to_string(), None),
            None => self.header_named(arg)?,
        };
        let mut out = Value::default();
        let shown = match arg.as_str() {
            Some(_) => format!("`{}(\"{key}\")`", c.shown()),
            None => format!("`{}({})`", c.shown(), written(arg).unwrap_or_default()),
        };
        let read = Read {
            field: &key,
            owner: None,
            source,
            span: c.expr.span,
            shown: &shown,
            holder: None,
        };
        if let Some(t) = self.collect_or(read, fallback) {
            out.add(t);
        }
        Some(out)
    }

    /// A header named by a setting rather than a literal
    /// (`request.getHeader(this.tokenHeader)`, `get_one(&CONFIG.ip_header())`):
    /// the words before `header` name what it carries, and, as a storage
    /// key would, `token` names the signed-in person's token.
    fn header_named(&self, arg: &Expr) -> Option<(String, Option<CategoryId>)> {
        let name = match &arg.kind {
            ExprKind::Name(n) | ExprKind::Member { property: n, .. } => n,
            ExprKind::Call { callee, args, .. } if args.is_empty() => match &callee.kind {
                ExprKind::Member { property, .. } => property,
                _ => return None,
            },
            _ => return None,
        };
        let words = tokens(name);
        let (last, rest) = words.split_last()?;
        if last != "header" || rest.is_empty() {
            return None;
        }
        let rest = rest.join("_");
        let fallback = self.classifier.stored_under(&rest);
        Some((rest, fallback))
    }

    /// `c.ShouldBindJSON(&req)`, `json.NewDecoder(r.Body).Decode(&body)`:
    /// the call fills its first argument with the request. A helper named
    /// as the request's own bind method and given the request
    /// (`common.Bind(c, obj)`) fills the other argument.
    pub(super) fn bind(&mut self, c: &Call, sc: &mut Scope) -> Option<Value> {
        let direct = c
            .paths()
            .iter()
            .find_map(|p| self.lang.bind_call(p))
            .or_else(|| {
                let p = self.path_with_argument(c.callee, sc)?;
                self.lang.bind_call(&p)
            });
        let helper = direct.is_none();
        let (source, target) = match direct {
            Some(source) => (source, c.args.first()),
            None => self.bind_helper(c, sc)?,
        };
        if let Some(ExprKind::Name(n)) = target.map(|a| &a.value.kind) {
            self.var_mut(n, sc).value = Value::container(source);
            let ty = sc.vars.get(n).and_then(|v| v.ty.clone());
            let shown = if helper {
                let args: Vec<String> = c.args.iter().filter_map(|a| written(&a.value)).collect();
                format!("`{}({})`", c.shown(), args.join(", "))
            } else {
                format!("`{}(&{n})`", c.shown())
            };
            let here = self.announce(n, ty.as_deref(), source, c.expr.span, &shown);
            // A struct of another file or package: like a typed body
            // parameter, the join collects its fields at the bind call
            // and follows them.
            if !here
                && self.bound < u16::MAX
                && let Some(ty) = ty.map(|t| self.resolve_type(&t))
            {
                let slot = Slot::Bound(self.bound);
                self.bound += 1;
                let mut value = Value::container(source);
                let body = TypedBody {
                    slot,
                    ty,
                    source,
                    span: c.expr.span,
                    shown,
                    announced: false,
                };
                if let Some(body) = self.body(body, &mut value) {
                    self.var_mut(n, sc).value = value;
                    self.deferred.insert(n.clone(), body);
                }
            }
        }
        Some(Value::default())
    }

    /// A call given the request context whose callee is named as one of
    /// the context's bind methods (`Bind(c, obj)` with `c *gin.Context`):
    /// the source, and the argument it fills (the first other one).
    fn bind_helper<'c>(&self, c: &Call<'c>, sc: &Scope) -> Option<(usize, Option<&'c Arg>)> {
        let (at, source) = c.args.iter().enumerate().find_map(|(i, a)| {
            self.container_at(&a.value, sc)?;
            let context = self.resolved(&a.value, sc)?;
            Some((i, self.lang.bind_call(&format!("{context}.{}", c.method))?))
        })?;
        // A method of the project called on its object (`v.Bind(c)`) fills
        // nothing here: its own analysis follows the context in.
        let target = c.args.iter().enumerate().find(|(i, _)| *i != at)?.1;
        Some((source, Some(target)))
    }

    /// A method called on request data reads a field: `form.get("email")`,
    /// `dto.getPhone()`, `c.ClientIP()`, a record accessor `body.phone()`.
    pub(super) fn container_read(&mut self, c: &Call, sc: &Scope) -> Option<Value> {
        let (recv, object) = c.receiver.as_ref()?;
        let State::Container(source) = recv.state else {
            return None;
        };
        let method = c.method;
        // `dto.setPassword(x)` writes the field; the setter step records it.
        if !c.args.is_empty() && self.method_info(method).setter.is_some() {
            return None;
        }
        let owner = container_owner(object, sc);
        if self.rules.nested_readers.contains(method) {
            return Some(Value::container(source));
        }
        if self.rules.field_pickers.contains(method) {
            return Some(self.pick_fields(c, source, object, owner.as_deref()));
        }
        let (field, fallback) = if self.rules.key_readers.contains(method) {
            match c.args.first().map(|a| &a.value) {
                Some(arg) => match arg.as_key() {
                    Some(key) => (Some(key.to_string()), None),
                    None => match self.header_named(arg) {
                        Some((key, fallback)) => (Some(key), fallback),
                        None => (None, None),
                    },
                },
                None => (None, None),
            }
        } else {
            let field = self.method_info(method).getter;
            (field.or_else(|| Some(method.to_string())), None)
        };
        let mut out = Value::default();
        // `params.require(:user)`: a key that names no personal data is a
        // nested part of the request where the source says so.
        if self.rules.key_readers.contains(method)
            && self.rules.sources[source].nested_keys
            && field
                .as_deref()
                .is_some_and(|f| matches!(self.classify(f, owner.as_deref()), Verdict::NoMatch))
        {
            return Some(Value::container(source));
        }
        if let Some(field) = field {
            let receiver = written(object).unwrap_or_default();
            let shown = match c.args.first().map(|a| &a.value) {
                Some(arg) if arg.as_str().is_some() => {
                    format!("`{receiver}.{method}(\"{field}\")`")
                }
                Some(arg) => match written(arg) {
                    Some(key) => format!("`{receiver}.{method}({key})`"),
                    None => format!("`{receiver}.{method}({field})`"),
                },
                None => format!("`{receiver}.{method}()`"),
            };
            let read = Read {
                field: &field,
                owner: owner.as_deref(),
                source,
                span: c.expr.span,
                shown: &shown,
                holder: holder_of(object),
            };
            if let Some(t) = self.collect_or(read, fallback) {
                out.add(t);
            }
        }
        Some(out)
    }

    /// `params.require(:user).permit(:email, :name, address: [:street])`:
    /// each key named is a field collected here, and the result holds
    /// them, each in its field.
    fn pick_fields(
        &mut self,
        c: &Call,
        source: usize,
        object: &Expr,
        owner: Option<&str>,
    ) -> Value {
        let mut keys = Vec::new();
        for a in c.args {
            // `permit(:email, address: [:street])`: a keyword names a field
            // too.
            if let Some(name) = &a.name {
                keys.push((name.clone(), a.value.span));
            }
            picked_keys(&a.value, &mut keys, 0);
        }
        let receiver = written(object).unwrap_or_default();
        let mut out = Value::default();
        for (key, span) in keys {
            let shown = format!("`{receiver}.{}(:{key})`", c.method);
            if let Some(mut t) = self.collect(Read {
                field: &key,
                owner,
                source,
                span,
                shown: &shown,
                holder: holder_of(object),
            }) {
                t.field = Some(normalized_name(&key).into());
                out.add(t);
            }
        }
        out
    }

    /// `$request->validate(['email' => 'required', ..])`,
    /// `$request->only(['email', 'phone'])`: a read of request data whose
    /// arguments list the fields it takes (the keys of a map literal, or a
    /// list of string literals) gives those fields, each collected here;
    /// `None` when no argument lists them. A dotted key (`address.city`)
    /// is its last part, owned by the part before.
    pub(super) fn listed_read(
        &mut self,
        source: usize,
        e: &Expr,
        callee: &Expr,
        args: &[Arg],
    ) -> Option<Value> {
        let fields = args.iter().find_map(|a| listed_fields(&a.value))?;
        let call = written(callee).unwrap_or_default();
        let mut out = Value::default();
        for key in fields {
            // `address.city`: field `city` of `address`.
            let (owner, field) = match key.rsplit_once('.') {
                Some((owner, field)) => (Some(owner.rsplit('.').next().unwrap_or(owner)), field),
                None => (None, key),
            };
            let shown = format!("`{call}()` (`{key}`)");
            let read = Read {
                field,
                owner,
                source,
                span: e.span,
                shown: &shown,
                holder: None,
            };
            if let Some(t) = self.collect(read) {
                let mut v = Value::default();
                v.add(t);
                out.merge(v.into_field(field));
            }
        }
        Some(out)
    }

    /// Records a collected field and returns its taint.
    pub(super) fn collect(&mut self, read: Read) -> Option<Taint> {
        self.collect_or(read, None)
    }

    /// [`Self::collect`], with the category of a field whose name alone
    /// says nothing but whose place does (`fallback`).
    fn collect_or(&mut self, read: Read, fallback: Option<CategoryId>) -> Option<Taint> {
        let Read {
            field,
            owner,
            source,
            span,
            shown,
            holder,
        } = read;
        let key = holder.map(|h| (h, normalized_name(field)));
        if let Some(t) = key.as_ref().and_then(|(h, f)| self.collected.get(h, f)) {
            return Some(t.clone());
        }
        // A key of request data is no constant, whatever its case
        // (`request.META["REMOTE_ADDR"]`). A device API says what each of
        // its members reads; its other members read nothing personal.
        let listed = self.member_category(source, field);
        let id = match listed {
            Some(listed) => listed.or(fallback)?,
            None => match self.classifier.classify(field, owner) {
                Verdict::Category { id, .. } => id,
                _ => fallback?,
            },
        };
        // A lookup request (`ListPosts.creator_username`) names whom to
        // find: like a path segment, its value is followed but reading it
        // collects nothing, unless it is a credential.
        let addresses = self.rules.sources[source].addresses
            || (owner.is_some_and(|o| self.classifier.is_lookup_type(o))
                && !self.rules.category(id).secret);
        let trail = Trail::start(span, format!("{} {shown}", read_verb(addresses)));
        if let Some((h, f)) = &key {
            self.collected.insert(h, f, Taint::data(id, trail.clone()));
        }
        // A path segment names the resource asked for (`/profiles/:username`):
        // its value is followed, but reading it collects nothing.
        if addresses {
            return Some(Taint::data(id, trail));
        }
        let flow = Flow {
            kind: FlowKind::Collected,
            category: id,
            span,
            via: self.rules.sources[source].id.clone(),
            recipient: None,
            store: None,
            store_key: None,
            region: None,
            target: shown.to_string(),
            trail: Vec::new(),
            model_write: false,
            model_field: None,
            encrypted: false,
        };
        // A read of a body typed in another file: the join reports it, at
        // the parameter when it finds the type.
        match (
            key,
            holder.and_then(|h| self.deferred.get(h)),
            self.summary.as_mut(),
        ) {
            (Some((_, field)), Some(&body), Some(summary)) => {
                summary.bodies[body].reads.push((field, flow))
            }
            _ => self.flows.push(flow),
        }
        Some(Taint::data(id, trail))
    }

    /// `None` when `source` lists no members; else the category member
    /// `field` reads, if it is listed (`getImei()` reads `imei`).
    fn member_category(&self, source: usize, field: &str) -> Option<Option<CategoryId>> {
        let members = &self.rules.sources[source].members;
        if members.is_empty() {
            return None;
        }
        let bare = self.classifier.getter_read(field);
        let key = members
            .iter()
            .find(|(member, _)| normalized_name(member) == bare)
            .map(|(_, key)| key);
        Some(key.and_then(|key| {
            let id = self.rules.categories.iter().position(|c| &c.key == key)?;
            Some(id as CategoryId)
        }))
    }

    /// A request body bound into variable `holder` of a type declared in this
    /// file is collected where it is bound, with every personal field of the
    /// type; later reads of those fields reuse that collection.
    /// Fields whose type is another struct of the file bring that struct's
    /// fields in too (`shipping: Address`). Returns whether the type is
    /// declared here.
    fn announce(
        &mut self,
        holder: &str,
        ty: Option<&str>,
        source: usize,
        span: Span,
        shown: &str,
    ) -> bool {
        let Some(ty) = ty else { return false };
        let first = ty.rsplit('.').next().unwrap_or(ty).to_string();
        if !self.class_fields.contains_key(&first) {
            return false;
        }
        let mut pending = vec![first];
        let mut seen = Vec::new();
        while let Some(base) = pending.pop() {
            if seen.contains(&base) || seen.len() >= 8 {
                continue;
            }
            let Some(fields) = self.class_fields.get(&base).cloned() else {
                continue;
            };
            for f in fields {
                if self.unbound_fields.contains(&(base.clone(), f.clone())) {
                    continue;
                }
                self.collect(Read {
                    field: &f,
                    owner: Some(&base),
                    source,
                    span,
                    shown,
                    holder: Some(holder),
                });
                if let Some(t) = self.fields.get(&base, &f) {
                    pending.push(t.rsplit('.').next().unwrap_or(t).to_string());
                }
            }
            seen.push(base);
        }
        true
    }

    /// The request container `e` is, by its resolved path or as written.
    pub(super) fn container_at(&self, e: &Expr, sc: &Scope) -> Option<usize> {
        let resolved = self.resolved(e, sc);
        let written = written(e);
        [resolved, written]
            .into_iter()
            .flatten()
            .find_map(|p| self.lang.container(&p))
    }

    /// The source a bare name is a request container of: by its resolved
    /// path (`from flask import request`), or as written unless it names an
    /// import (a module called `request` is no request).
    pub(super) fn container_at_path(&self, name: &str, sc: &Scope) -> Option<usize> {
        let resolved = self.resolve_name(name, sc);
        let written = (!self.imports.contains_key(name)).then(|| name.to_string());
        [Some(resolved), written]
            .into_iter()
            .flatten()
            .find_map(|p| self.lang.container(&p))
    }

    /// `c` as a class that may be a declared request input, or the base of
    /// one: its resolved bases and a collection for each personal field it
    /// declares with a constructor (`email = forms.EmailField()`) or lists
    /// by name.
    pub(super) fn declared_input(&self, c: &Class) -> DeclaredInput {
        let fields: Vec<Flow> = c
            .fields
            .iter()
            .filter(|f| f.made_by.is_some() && !self.rules.is_relation(f))
            .chain(&c.listed_fields)
            .filter_map(|f| match self.classify(&f.name, Some(&c.name)) {
                Verdict::Category { id, .. } => Some(Flow {
                    kind: FlowKind::Collected,
                    category: id,
                    span: f.span,
                    via: String::new(),
                    recipient: None,
                    store: None,
                    store_key: None,
                    region: None,
                    target: format!("`{}.{}`", c.name, f.name),
                    trail: Vec::new(),
                    model_write: false,
                    model_field: None,
                    encrypted: false,
                }),
                _ => None,
            })
            .collect();
        DeclaredInput {
            class: c.name.clone(),
            bases: c.bases.iter().map(|b| self.resolve_type(b)).collect(),
            fields,
        }
    }
}

/// The keys a field picker's argument names: `:email`, and the keys and
/// nested keys of `address: [:street, :city]`.
fn picked_keys(e: &Expr, out: &mut Vec<(String, Span)>, depth: usize) {
    if depth > 4 {
        return;
    }
    match &e.kind {
        ExprKind::Str(key) => out.push((key.clone(), e.span)),
        ExprKind::Array(items) => {
            for i in items {
                picked_keys(i, out, depth + 1);
            }
        }
        ExprKind::Object(entries) => {
            for (key, value) in entries {
                if let Some(k) = key {
                    out.push((k.clone(), value.span));
                }
                picked_keys(value, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// The field names a map literal's keys or a list of string literals give
/// (`['email' => 'required']`, `['email', 'phone']`); `None` for anything
/// else, or an empty one.
fn listed_fields(e: &Expr) -> Option<Vec<&str>> {
    let fields: Option<Vec<&str>> = match &e.kind {
        ExprKind::Object(entries) => entries.iter().map(|(k, _)| k.as_deref()).collect(),
        ExprKind::Array(items) => items.iter().map(Expr::as_str).collect(),
        _ => None,
    };
    fields.filter(|f| !f.is_empty())
}
