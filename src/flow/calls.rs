//! Calls: what a call does with the data it is given.
//!
//! A call is, in this order: a request container called as a whole, a
//! sanitizer, a keyed read of request data, a bind of the request into a
//! variable, a sink, a read of a field of request data, a setter or builder
//! step, a collection mutator, a getter, a propagator, a constructor, or a
//! call into code the file cannot see, which the summary records for the
//! project join.

use super::FileCx;
use super::paths::{on_builder, written};
use super::scope::Scope;
use super::trail::Trail;
use super::truncation::{names_a_collection, slice_length};
use super::value::{State, Taint, Value};
use crate::classify::{Verdict, tokens};
use crate::ir::{Arg, Expr, ExprKind, Span};
use crate::model::FlowKind;

/// A call with its callee and arguments evaluated.
pub(super) struct Call<'e> {
    /// The whole call expression.
    pub(super) expr: &'e Expr,
    pub(super) callee: &'e Expr,
    pub(super) args: &'e [Arg],
    /// `new Foo(..)`, a struct or composite literal.
    pub(super) construct: bool,
    /// The value and expression of the object a method is called on.
    pub(super) receiver: Option<(Value, &'e Expr)>,
    /// The callee's last name; empty when the callee is no name.
    pub(super) method: &'e str,
    /// The arguments' values, in order.
    pub(super) values: Vec<Value>,
    /// The callee as written, and as resolved through imports, origins and
    /// declared types.
    pub(super) written: Option<String>,
    pub(super) resolved: Option<String>,
    /// How findings name the call when it is not written as one
    /// (`request.session[..]` for an item assignment).
    pub(super) shown_as: Option<String>,
}

impl Call<'_> {
    /// The callee paths sinks and sources are matched on, resolved first.
    pub(super) fn paths(&self) -> Vec<&str> {
        [self.resolved.as_deref(), self.written.as_deref()]
            .into_iter()
            .flatten()
            .collect()
    }

    /// The callee as shown in messages.
    pub(super) fn shown(&self) -> &str {
        self.shown_as
            .as_deref()
            .or(self.written.as_deref())
            .unwrap_or(self.method)
    }

    fn receiver_value(&self) -> Option<&Value> {
        self.receiver.as_ref().map(|(v, _)| v)
    }

    /// The receiver when it is a plain variable (`items` of `items.add(x)`).
    fn receiver_name(&self) -> Option<&str> {
        match &self.receiver.as_ref()?.1.kind {
            ExprKind::Name(n) => Some(n),
            _ => None,
        }
    }
}

impl FileCx<'_> {
    pub(super) fn call(&mut self, e: &Expr, sc: &mut Scope) -> Value {
        let ExprKind::Call {
            callee,
            args,
            construct,
        } = &e.kind
        else {
            return Value::default();
        };
        // `request()` is the request, `request('email')` one of its fields.
        let keyed = !args.is_empty()
            && [self.resolved(callee, sc), written(callee)]
                .into_iter()
                .flatten()
                .any(|p| self.lang.keyed_call(&p).is_some());
        if !keyed && let Some(source) = self.container_at(e, sc) {
            for a in args {
                self.eval(&a.value, sc);
            }
            // A read of request data that lists the fields it takes, whose
            // result is used: those fields, collected here.
            if self.discarded != Some(e.span)
                && let Some(fields) = self.listed_read(source, e, callee, args)
            {
                return fields;
            }
            return Value::container(source);
        }
        let mut c = self.evaluate(e, callee, args, *construct, sc);
        self.note_hook_registration(c.method, args);
        self.note_service_factory(&c, sc);
        if c.receiver.is_none() {
            self.note_protecting_call(c.method, args);
        }
        self.note_field_writer(c.method, c.receiver_name(), args, &c.values);
        if self.is_sanitizer(c.method, &c.paths())
            || self.in_sanitizer_module(callee, sc)
            || self.masks(&c)
            || self.truncates(&c)
        {
            return Value::sanitized();
        }
        if let Some(v) = self.keyed_read(&c) {
            return v;
        }
        if let Some(v) = self.bind(&c, sc) {
            return v;
        }
        if let Some(v) = self.sink_call(&mut c, sc) {
            return v;
        }
        if let Some(v) = self.copier(&c, sc) {
            return v;
        }
        if let Some(v) = self.container_read(&c, sc) {
            return v;
        }
        if let Some(v) = self.setter(&mut c, sc) {
            return v;
        }
        if let Some(v) = self.mutator(&c, sc) {
            return v;
        }
        if let Some(mut v) = self.getter(&c, sc) {
            // A getter given arguments may be the project's own method,
            // with more to do (`api.fetchOAuthToken(id, secret)` of a
            // service interface): its call is followed too.
            if !c.args.is_empty() {
                v.merge(self.call_site(&c, sc));
            }
            return v;
        }
        if let Some(v) = self.propagator(&mut c) {
            return v;
        }
        if let Some(v) = self.selector(&mut c) {
            return v;
        }
        // Constructors build objects: `User(email=x)`, `new Cookie("phone",
        // p)`, `Foo { phone: x }`. Any other call's result (an HTTP
        // response, an insert result) does not carry its arguments' data
        // unless the call is one of the project's own that returns it.
        if self.builds_object(&c) {
            // `Device::new(..)` may be the project's own, whose summary
            // knows what else it puts in the value (a generated token).
            let mut own = if self.built_by_type(&c) {
                self.call_site(&c, sc)
            } else {
                Value::default()
            };
            let values = std::mem::take(&mut c.values);
            own.merge(self.object_of_args(self.built_type(&c), c.args, values));
            return own;
        }
        self.call_site(&c, sc)
    }

    /// `request.session["email"] = v`: an item assignment into an object
    /// whose `__setitem__` is a sink (through any indexes:
    /// `session[KEY][ns][k] = v` stores into the session) is that call.
    /// Returns whether it was one.
    pub(super) fn item_store(
        &mut self,
        object: &Expr,
        index: &Expr,
        v: &Value,
        span: Span,
        sc: &mut Scope,
    ) -> bool {
        let mut store = object;
        while let ExprKind::Index { object, .. } = &store.kind {
            store = object;
        }
        let callee = Expr::new(
            ExprKind::Member {
                object: Box::new(store.clone()),
                property: "__setitem__".to_string(),
            },
            store.span,
        );
        let (written, resolved) = (written(&callee), self.resolved(&callee, sc));
        let paths: Vec<&str> = [resolved.as_deref(), written.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if self.lang.sink_for(&paths).is_none() {
            return false;
        }
        let args = [
            Arg {
                name: None,
                value: index.clone(),
            },
            Arg {
                name: None,
                value: Expr::new(ExprKind::Literal, span),
            },
        ];
        let call = Expr::new(ExprKind::Literal, span);
        let receiver = self.eval(store, sc);
        let mut c = Call {
            expr: &call,
            callee: &callee,
            args: &args,
            construct: false,
            receiver: Some((receiver, store)),
            method: "__setitem__",
            values: vec![self.eval(index, sc), v.clone()],
            shown_as: super::paths::written(store).map(|w| format!("{w}[..]")),
            written,
            resolved,
        };
        self.sink_call(&mut c, sc);
        true
    }

    /// Evaluates the receiver and the arguments of a call.
    fn evaluate<'e>(
        &mut self,
        e: &'e Expr,
        callee: &'e Expr,
        args: &'e [Arg],
        construct: bool,
        sc: &mut Scope,
    ) -> Call<'e> {
        let (receiver, method) = match &callee.kind {
            ExprKind::Member { object, property } => (
                Some((self.eval(object, sc), object.as_ref())),
                property.as_str(),
            ),
            ExprKind::Name(n) => (None, n.as_str()),
            _ => {
                self.eval(callee, sc);
                (None, "")
            }
        };
        // A struct literal's keys are fields of the type it builds.
        let owner = (construct && !method.is_empty()).then_some(method);
        let values = args
            .iter()
            .map(|a| match &a.value.kind {
                ExprKind::Object(entries) if owner.is_some() => self.object(entries, owner, sc),
                _ => self.eval(&a.value, sc),
            })
            .collect();
        Call {
            expr: e,
            callee,
            args,
            construct,
            receiver,
            method,
            values,
            written: written(callee),
            resolved: self.resolved(callee, sc),
            shown_as: None,
        }
    }

    /// The callee's paths as if its class came from each package imported
    /// whole: `new Cookie(..)` under `import javax.servlet.http.*;` is
    /// `javax.servlet.http.Cookie`. Only for a path that starts with a class
    /// name no import binds.
    fn through_wildcards(&self, c: &Call) -> Vec<String> {
        let Some(path) = c.resolved.as_deref().or(c.written.as_deref()) else {
            return Vec::new();
        };
        let head = path.split(['.', '(']).next().unwrap_or(path);
        if !head.starts_with(|ch: char| ch.is_ascii_uppercase()) || self.imports.contains_key(head)
        {
            return Vec::new();
        }
        self.wildcard_imports
            .iter()
            .map(|package| format!("{package}.{path}"))
            .collect()
    }

    /// A sink of the rules, unless the callee is a method of a class this
    /// file declares (`this.usersService.create(dto)` is no library's sink,
    /// whatever its name).
    fn sink_call(&mut self, c: &mut Call, sc: &mut Scope) -> Option<Value> {
        let own_method = c
            .resolved
            .as_deref()
            .and_then(|p| p.rsplit_once('.'))
            .is_some_and(|(class, m)| {
                self.own_methods
                    .contains(&(class.to_string(), m.to_string()))
            });
        if own_method {
            return None;
        }
        let sink = self.lang.sink_for(&c.paths()).or_else(|| {
            let candidates = self.through_wildcards(c);
            let candidates: Vec<&str> = candidates.iter().map(String::as_str).collect();
            self.lang.sink_for(&candidates)
        })?;
        // A variable receiver (`user.save()`) carries its data into a
        // store, and a builder chain (`logger.bind(ip=ip).info(..)`,
        // `client.post(url).json(&body).send()`) into any sink; a plain
        // chain such as `prisma.verificationEmail` does not.
        let kind = self.rules.sinks[sink].spec.kind;
        let receiver = c
            .receiver
            .as_ref()
            .and_then(|(v, o)| match (&o.kind, kind) {
                (ExprKind::Name(_), FlowKind::Stored) | (ExprKind::Call { .. }, _) => Some(v),
                // A field of the receiver holding a record written in this
                // method (`this.contact.last_name = v; this.contact.save()`),
                // or any, where fields are the language's variables (Ruby's
                // `@user.save`).
                (ExprKind::Member { object, property }, FlowKind::Stored)
                    if matches!(&object.kind, ExprKind::Name(r) if self.is_self(r))
                        && (self.lang.conventions.receiver.fields_as_variables
                            || sc.vars.contains_key(&super::paths::held_field_variable(
                                object, property,
                            ))) =>
                {
                    Some(v)
                }
                _ => None,
            });
        self.sink(sink, c, receiver, sc);
        // The data is gone into the sink: the client object holds none of
        // it. A vendor request object built here (`SendSmsRequest(..)`)
        // still carries it to the call that sends it.
        if !self.builds_object(c) {
            return Some(Value::default());
        }
        let values = std::mem::take(&mut c.values);
        Some(self.object_of_args(self.built_type(c), c.args, values))
    }

    /// Copiers: `BeanUtils.copyProperties(param, member)` puts the data of
    /// `param` in `member`. The call's value is the target's, as
    /// `Object.assign` returns.
    fn copier(&mut self, c: &Call, sc: &mut Scope) -> Option<Value> {
        let (from, to) = c
            .paths()
            .iter()
            .find_map(|p| self.rules.copiers.get(*p))
            .copied()?;
        let mut copied = Value::default();
        for v in c
            .values
            .iter()
            .skip(from)
            .take(if from < to { 1 } else { usize::MAX })
        {
            copied.merge(v.clone());
        }
        let mut target = c.values.get(to).cloned().unwrap_or_default();
        if let Some(ExprKind::Name(n)) = c.args.get(to).map(|a| &a.value.kind) {
            // A typed target takes only the properties its type has, each
            // the source's field of that name, so that a later setter
            // (`member.setPassword(encoded)`) replaces its own; one of a
            // type declared elsewhere, whose properties are unknown here,
            // takes nothing, since copying all would undo those setters, but
            // is no longer empty: it reaches a sink as a whole object of its
            // type. An untyped one (`const profile = {}`) takes whatever it
            // is given.
            let class = sc.vars.get(n).and_then(|v| v.ty.clone());
            let fields = match &class {
                Some(ty) => match self.declared_class(ty) {
                    Some((_, fields)) => Some(fields.to_vec()),
                    None => {
                        let var = self.var_mut(n, sc);
                        var.fresh = false;
                        var.copied = true;
                        return Some(target);
                    }
                },
                None => None,
            };
            if let Some(fields) = fields {
                let source = c.args.get(from).and_then(|a| written(&a.value));
                let source = source.as_deref().unwrap_or("source");
                let mut narrowed = Value::default();
                for f in &fields {
                    let shown = format!("{source}.{f}");
                    narrowed.merge(self.project(&copied, f, c.expr.span, &shown).into_field(f));
                }
                copied = narrowed;
            }
            let copied = copied.then(c.expr.span, || format!("copied into `{n}`"));
            self.var_mut(n, sc).value.merge(copied.clone());
            target.merge(copied);
        } else {
            target.merge(copied);
        }
        Some(target)
    }

    /// Setters and builders: `req.setCertNo(x)`, `builder.setEmail(x)`, and
    /// on a builder chain (`User.builder().email(x)`, Lombok's `@Builder`)
    /// any one-argument call, named after its field.
    fn setter(&mut self, c: &mut Call, sc: &mut Scope) -> Option<Value> {
        let method = c.method;
        let field = self.method_info(method).setter.or_else(|| {
            (c.args.len() == 1
                && c.receiver
                    .as_ref()
                    .is_some_and(|(_, o)| on_builder(o, self.rules))
                && !self.rules.propagators.contains(method)
                && !self.rules.mutators.contains(method))
            .then(|| tokens(method).join("_"))
        })?;
        let (Some(v), Some(a)) = (c.values.first(), c.args.first()) else {
            return None;
        };
        let labelled = self
            .keyed(&field, v.clone(), &a.value)
            .then(c.expr.span, || format!("set as `{field}`"));
        if let Some(n) = c.receiver_name() {
            self.var_mut(n, sc)
                .value
                .overwrite_field(&field, labelled.clone());
        }
        let mut out = c.receiver.take().map(|(v, _)| v).unwrap_or_default();
        out.state = State::Plain;
        out.overwrite_field(&field, labelled);
        Some(out)
    }

    /// Mutators: `items.append(email)`, `params.put("phone", phone)`. On
    /// anything but a local collection (`self.store.insert(&user)`) the
    /// name says too little: that is an ordinary call, maybe to the
    /// project's own method.
    fn mutator(&mut self, c: &Call, sc: &mut Scope) -> Option<Value> {
        let n = c.receiver_name()?;
        // A type or a module is no collection: `Person::update(pool, id,
        // &form)` is the project's method.
        let type_or_module = !sc.vars.contains_key(n)
            && (self.imports.contains_key(n) || n.starts_with(|ch: char| ch.is_ascii_uppercase()));
        if !self.rules.mutators.contains(c.method) || type_or_module {
            return None;
        }
        // `m.put("email", v)`, `map.put(key = "email", value = v)`: a first
        // literal given by position or as the key parameter keys the second.
        // Otherwise each argument is added, under its keyword if it has one
        // (`params.update(Type="normal", UserName=name)`).
        let key = c
            .args
            .first()
            .filter(|a| {
                a.name
                    .as_ref()
                    .is_none_or(|k| self.rules.mutator_key_parameters.contains(k))
            })
            .and_then(|a| a.value.as_str());
        let added = match (key, c.values.get(1), c.args.get(1)) {
            (Some(key), Some(v), Some(a)) => self.keyed(key, v.clone(), &a.value),
            _ => c
                .values
                .iter()
                .zip(c.args.iter())
                .map(|(v, a)| match &a.name {
                    Some(keyword) => self.keyed(keyword, v.clone(), &a.value),
                    None => v.clone(),
                })
                .fold(Value::default(), |mut acc, v| {
                    acc.merge(v);
                    acc
                }),
        };
        let added = added.then(c.expr.span, || format!("added to `{n}`"));
        self.var_mut(n, sc).value.merge(added);
        // Types of the project may define methods of these names too
        // (`s.trail.WriteString(line)` on a Go audit file): the call may
        // still reach one of them.
        if self.lang.conventions.calls.mutators_may_be_methods {
            self.call_site(c, sc);
        }
        Some(Value::default())
    }

    /// Getters: `user.getEmail()`, `u.GetPhone()`.
    fn getter(&mut self, c: &Call, sc: &Scope) -> Option<Value> {
        let field = self.method_info(c.method).getter?;
        let owner = c.receiver.as_ref().and_then(|(_, o)| self.owner_of(o, sc));
        let shown = c.written.clone().unwrap_or_else(|| c.method.to_string());
        let mut out = match c.receiver_value() {
            Some(v) => self.project(v, &field, c.expr.span, &format!("{shown}()")),
            None => Value::default(),
        };
        if let Verdict::Category { id, .. } = self.classify(&field, owner.as_deref())
            && !out.has(id)
        {
            out.add(Taint::data(
                id,
                Trail::start(c.expr.span, format!("`{shown}()`")),
            ));
        }
        Some(out)
    }

    /// Propagators carry their receiver and arguments into the result.
    fn propagator(&self, c: &mut Call) -> Option<Value> {
        if !self.rules.propagators.contains(c.method) {
            return None;
        }
        let mut out = c.receiver.take().map(|(v, _)| v).unwrap_or_default();
        if out.state == State::Literal || matches!(out.state, State::Container(_)) {
            out.state = State::Plain;
        }
        let mut all_literal = out.taints.is_empty();
        for v in std::mem::take(&mut c.values) {
            all_literal &= v.state == State::Literal;
            out.merge(v);
        }
        if all_literal && !c.args.is_empty() {
            out.state = State::Literal;
        }
        Some(out)
    }

    /// Selectors carry their receiver, not their arguments, into the result.
    fn selector(&self, c: &mut Call) -> Option<Value> {
        if !self.rules.selectors.contains(c.method) {
            return None;
        }
        c.receiver.take().map(|(v, _)| v)
    }

    /// Whether a call builds an object from its arguments: `new`, struct
    /// and composite literals, and a callee named as the language names
    /// constructors (capitalized where classes are called like functions;
    /// `New*` in Go, where every exported function is capitalized).
    pub(super) fn builds_object(&self, c: &Call) -> bool {
        c.construct || self.lang.conventions.builds_object(c.method) || self.built_by_type(c)
    }

    /// A type's own constructor function: `Mailbox::new(..)`.
    fn built_by_type(&self, c: &Call) -> bool {
        let ExprKind::Member { object, .. } = &c.callee.kind else {
            return false;
        };
        match &object.kind {
            ExprKind::Name(ty) | ExprKind::Member { property: ty, .. } => {
                self.lang.conventions.builds_on_type(ty, c.method)
            }
            _ => false,
        }
    }

    /// The type a constructor call names, whose fields its keywords are:
    /// `User` of `User(email=x)` and `new User(..)`.
    fn built_type<'c>(&self, c: &Call<'c>) -> Option<&'c str> {
        (c.construct || self.lang.conventions.builds_object(c.method)).then_some(c.method)
    }

    /// The object a constructor of `owner` builds from its arguments.
    fn object_of_args(&self, owner: Option<&str>, args: &[Arg], values: Vec<Value>) -> Value {
        let mut out = Value::default();
        for (a, v) in args.iter().zip(values) {
            match &a.name {
                Some(name) => out.merge(self.keyed_in(name, owner, v, &a.value)),
                None if matches!(a.value.kind, ExprKind::Object(_)) => out.merge(v),
                None => out.merge(v.flattened()),
            }
        }
        out
    }

    /// A function of an imported module named for what it does to data:
    /// `mask.Phone(p)`, `redact.Email(e)`.
    fn in_sanitizer_module(&self, callee: &Expr, sc: &Scope) -> bool {
        let ExprKind::Member { object, .. } = &callee.kind else {
            return false;
        };
        matches!(&object.kind, ExprKind::Name(n)
            if !sc.vars.contains_key(n)
                && self.imports.contains_key(n.as_str())
                && self.method_info(n).sanitizer)
    }

    /// A replacement by mask characters: `card.replace(/\d(?=\d{4})/g, "*")`.
    fn masks(&self, c: &Call) -> bool {
        let spec = &self.rules.maskers;
        spec.methods.contains(c.method)
            && c.args
                .iter()
                .filter_map(|a| a.value.as_str())
                .any(|s| is_mask(s, &spec.characters))
    }

    /// A substring that keeps a few characters: `card.substring(0, 4)`,
    /// `phone.slice(-4)`, `s.chars().take(3)`, C#'s `Substring(0, 4)`.
    fn truncates(&self, c: &Call) -> bool {
        let spec = &self.rules.truncation;
        if c.receiver
            .as_ref()
            .is_none_or(|(_, object)| names_a_collection(object))
        {
            return false;
        }
        let arg = |i: usize| c.args.get(i).map(|a| &a.value);
        let kept = if spec.range_methods.contains(c.method) {
            slice_length(arg(0), arg(1))
        } else if spec.start_count_methods.contains(c.method) && c.args.len() == 2 {
            arg(1)
                .and_then(Expr::as_int)
                .and_then(|n| u64::try_from(n).ok())
        } else if spec.start_count_methods.contains(c.method) {
            slice_length(arg(0), None)
        } else if spec.count_methods.contains(c.method) && c.args.len() == 1 {
            arg(0)
                .and_then(Expr::as_int)
                .and_then(|n| u64::try_from(n).ok())
        } else {
            None
        };
        self.keeps_little(kept)
    }

    fn is_sanitizer(&self, method: &str, paths: &[&str]) -> bool {
        self.method_info(method).sanitizer || paths.iter().any(|p| self.lang.is_sanitizer_call(p))
    }
}

/// Whether `replacement`, but for group references (`$1`, `\\1`, `$<n>`,
/// `${n}`), is made of mask characters only, and has some.
fn is_mask(replacement: &str, characters: &str) -> bool {
    let mut chars = replacement.chars().peekable();
    let mut masked = false;
    while let Some(ch) = chars.next() {
        match ch {
            '$' | '\\'
                if chars
                    .peek()
                    .is_some_and(|n| n.is_ascii_digit() || "<{&".contains(*n)) =>
            {
                let close = match chars.next() {
                    Some('<') => Some('>'),
                    Some('{') => Some('}'),
                    _ => None,
                };
                match close {
                    Some(close) => {
                        for n in chars.by_ref() {
                            if n == close {
                                break;
                            }
                        }
                    }
                    None => {
                        while chars.peek().is_some_and(char::is_ascii_digit) {
                            chars.next();
                        }
                    }
                }
            }
            c if characters.contains(c) => masked = true,
            _ => return false,
        }
    }
    masked
}

#[cfg(test)]
mod tests {
    use super::is_mask;

    #[test]
    fn a_replacement_masks_when_only_mask_characters_remain() {
        let mask = "*•●#xX";
        assert!(is_mask("*", mask));
        assert!(is_mask("$1****$2", mask));
        assert!(is_mask("\\1***", mask));
        assert!(is_mask("${head}****${tail}", mask));
        assert!(!is_mask("", mask));
        assert!(!is_mask("$1$2", mask));
        assert!(!is_mask("-", mask));
        assert!(!is_mask("$1-$2", mask));
        assert!(!is_mask("[email]", mask));
    }
}
