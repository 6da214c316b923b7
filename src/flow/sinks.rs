//! Sinks: a call that stores, logs or shares what it is given.
//!
//! [`FileCx::sink_site`] reads, from the call alone, where the data goes:
//! the recipient of an HTTP call by its URL's host, the columns an SQL
//! write sets, the cookie or storage key, and the region a cloud client
//! names. [`FileCx::sink`] then gathers what the selected arguments carry
//! and records a flow for each data category, or a summary edge for each
//! symbol (data another function passes in).

use super::calls::Call;
use super::scope::Scope;
use super::summary::Node;
use super::trail::Trail;
use super::value::{Label, State, Taint, Value};
use super::{FileCx, sql, url};
use crate::classify::{Verdict, normalized_name};
use crate::ir::{Arg, Expr, ExprKind, Span};
use crate::model::{Flow, FlowKind, StoreKind};
use crate::rules::{ArgSelector, SinkSpec};

/// Where a sink call sends its data, as far as its own code says.
struct Site {
    recipient: Option<String>,
    /// The columns an SQL write sets, in order.
    columns: Vec<String>,
    /// The cookie or storage key written, when it is a literal.
    store_key: Option<String>,
    /// The country the data goes to, when the code names the service's
    /// region.
    region: Option<String>,
}

/// Which of an object's fields a write stores.
enum WrittenFields {
    All,
    /// Those named (normalized), as `save(update_fields=[..])` lists them.
    Named(Vec<String>),
    /// A list the code builds: none can be told.
    Unknown,
}

/// A variable of a type this file does not declare reaching a sink whole;
/// the join knows the type's fields (see [`super::summary::TypedObject`]).
pub(super) struct Whole {
    pub(super) name: String,
    pub(super) ty: String,
    pub(super) span: Span,
    pub(super) only: Option<Vec<String>>,
}

/// The arguments of the nearest call down the receiver chain of `call` to
/// one of `methods`: `post(url)` of `client.post(url).bearer_auth(t).json(&b)`.
fn chain_call_args<'e>(call: &'e Expr, methods: &[String]) -> Option<&'e [Arg]> {
    let mut e = call;
    loop {
        let ExprKind::Call { callee, .. } = &e.kind else {
            return None;
        };
        let ExprKind::Member { object, .. } = &callee.kind else {
            return None;
        };
        if let ExprKind::Call {
            callee: inner,
            args,
            ..
        } = &object.kind
            && let ExprKind::Member { property, .. } = &inner.kind
            && methods.iter().any(|m| m == property)
        {
            return Some(args);
        }
        e = object;
    }
}

impl FileCx<'_> {
    /// Records what sink `index` called as `c` receives: the data of its
    /// selected arguments, and of the receiver's (`receiver`) where the
    /// sink takes every argument.
    pub(super) fn sink(
        &mut self,
        index: usize,
        c: &Call,
        receiver: Option<&Value>,
        sc: &mut Scope,
    ) {
        let rules = self.rules;
        let spec = &rules.sinks[index].spec;
        let Some(site) = self.sink_site(spec, c.expr, c.args, sc) else {
            return;
        };
        let mut deferred = Vec::new();
        let mut carried = self.carried(spec, &site.columns, c, receiver, sc, &mut deferred);
        if let Some(key) = &site.store_key {
            self.kept_under(key, c, &mut carried);
        }
        // The flow this sink makes, but for its category and trail.
        let template = Flow {
            kind: spec.kind,
            category: 0,
            span: c.expr.span,
            via: spec.id.clone(),
            recipient: site.recipient,
            store: spec.store,
            store_key: site.store_key,
            region: site.region,
            target: c.shown().to_string(),
            trail: Vec::new(),
            model_write: spec.reloads_records
                || (spec.sql_arg.is_none() && spec.store == Some(StoreKind::Database)),
            model_field: None,
            encrypted: self.written_encrypted(index, c, sc),
        };
        let implied = match &spec.implies_when {
            None => true,
            Some(when) => match c.args.get(when.arg) {
                None => when.default,
                Some(a) => self.const_string(&a.value, sc).is_some_and(|v| {
                    when.one_of.contains(&v) || when.contains.iter().any(|c| v.contains(c))
                }),
            },
        };
        for key in spec.implies.iter().filter(|_| implied) {
            if let Some(category) = rules.categories.iter().position(|c| &c.key == key) {
                self.flows.push(Flow {
                    category: category as u16,
                    trail: Trail::start(c.expr.span, "read from every request".to_string()).steps(),
                    ..template.clone()
                });
            }
        }
        // A known analytics or marketing cookie identifies the browser
        // whatever value it is given.
        if let Some(name) = template.store_key.as_deref()
            && let Some((key, cookie)) = rules.identifying_cookie(name)
            && let Some(category) = rules.categories.iter().position(|c| c.key == key)
        {
            let of = cookie
                .recipient
                .as_deref()
                .and_then(|r| rules.recipient(r))
                .map_or(String::new(), |r| format!(" of {}", r.name));
            self.flows.push(Flow {
                category: category as u16,
                trail: Trail::start(
                    c.expr.span,
                    format!("`{name}` is a known {} cookie{of}", cookie.kind),
                )
                .steps(),
                ..template.clone()
            });
        }
        let mut number = None;
        for whole in deferred {
            let sink = *number.get_or_insert_with(|| self.number_sink(template.clone()));
            if let Some(sink) = sink {
                self.typed_object(sink, whole);
            }
        }
        for t in carried.taints {
            match t.label {
                Label::Data(category) => self.flows.push(Flow {
                    category,
                    trail: t.trail.steps(),
                    model_field: t
                        .field
                        .as_deref()
                        .filter(|_| template.model_write)
                        .map(str::to_string),
                    ..template.clone()
                }),
                Label::Symbol(_) => {
                    let sink = *number.get_or_insert_with(|| self.number_sink(template.clone()));
                    if let Some(sink) = sink {
                        self.edge(&t, Node::Sink { sink });
                    }
                }
            }
        }
    }

    /// Where sink `spec` called as `call` with `args` sends its data; `None`
    /// when it sends none: SQL that is no write (or cannot be read), or a
    /// URL on an internal host or the same origin.
    fn sink_site(&self, spec: &SinkSpec, call: &Expr, args: &[Arg], sc: &Scope) -> Option<Site> {
        let mut columns = Vec::new();
        if let Some(i) = spec.sql_arg {
            let sql = args.get(i).and_then(|a| self.const_string(&a.value, sc))?;
            if !sql::is_write(&sql) {
                return None;
            }
            columns = sql::columns(&sql);
            // Not skipped: a statement built with interpolation carries data.
        }
        let mut recipient = spec.recipient.clone();
        if let Some(http) = &spec.http {
            let url_index = http
                .url_keyword
                .as_deref()
                .and_then(|k| args.iter().position(|a| a.name.as_deref() == Some(k)))
                .unwrap_or(http.url_arg);
            let url_args = if http.url_call.is_empty() {
                Some(args)
            } else {
                chain_call_args(call, &http.url_call)
            };
            let url = url_args
                .and_then(|a| a.get(url_index))
                .and_then(|a| self.const_string(&a.value, sc))
                .filter(|u| url::host_of(u).is_some() || u.starts_with('/'))
                // Set on the request object or a client made with a base
                // URL: `HttpRequest.newBuilder().uri(URI.create(url))` then
                // `client.send(request, ..)`, `axios.create({ baseURL })`.
                .or_else(|| {
                    let mut hints = String::new();
                    self.hints(call, sc, &mut hints, 0);
                    hints
                        .split(' ')
                        .find(|s| url::host_of(s).is_some())
                        .map(str::to_string)
                });
            // The URL is not skipped: its interpolated parts (`?email=${email}`)
            // carry data too.
            recipient = Some(match url.as_deref().map(url::host_of) {
                Some(Some(host)) => self.recipient_at(&host)?,
                // A relative URL stays on the same origin.
                Some(None) if url.as_deref().is_some_and(|u| u.starts_with('/')) => return None,
                _ if http.page_client => return None,
                _ => "unknown".to_string(),
            });
        }
        let store_key = match spec.store {
            Some(StoreKind::Cookie | StoreKind::BrowserStorage) => {
                args.first().and_then(|a| self.const_string(&a.value, sc))
            }
            _ => None,
        };
        let region = recipient
            .as_deref()
            .and_then(|r| self.rules.recipient(r))
            .filter(|r| !r.regions.is_empty())
            .and_then(|r| {
                let mut hints = String::new();
                self.hints(call, sc, &mut hints, 0);
                url::region_in(&hints, &r.regions)
            });
        Some(Site {
            recipient,
            columns,
            store_key,
            region,
        })
    }

    /// Whether sink `index`, called as `c`, writes through an object made
    /// by a call its rule names as encrypting (`securePrefs.edit()
    /// .putString(..)` where `securePrefs = EncryptedSharedPreferences
    /// .create(..)`): the object down the receiver chain, a local or a
    /// field of this class.
    fn written_encrypted(&self, index: usize, c: &Call, sc: &Scope) -> bool {
        let Some(makers) = &self.rules.sinks[index].encrypting_makers else {
            return false;
        };
        self.root_maker(c.callee, sc)
            .is_some_and(|m| makers.is_match(m))
    }

    /// The call that made the object at the root of `e`'s receiver chain
    /// (`prefs` of `prefs.edit().putString`), where a local or a field of
    /// this class records one (see `Var::made_by`).
    pub(super) fn root_maker<'s>(&'s self, e: &Expr, sc: &'s Scope) -> Option<&'s String> {
        let field_maker = |field: &str| self.field_makers.get(sc.class.as_deref()?, field);
        let mut e = e;
        loop {
            e = match &e.kind {
                ExprKind::Call { callee, .. } => callee,
                ExprKind::Member { object, property } => match &object.kind {
                    ExprKind::Name(this) if self.is_self(this) => break field_maker(property),
                    _ => object,
                },
                // A name no local holds is a field of the class (Kotlin).
                ExprKind::Name(n) => {
                    break match sc.vars.get(n) {
                        Some(var) => var.made_by.as_ref(),
                        None => field_maker(n),
                    };
                }
                _ => break None,
            };
        }
    }

    /// Who receives what is sent to `host`: a catalogued recipient's id,
    /// else `unknown:<host>`; `None` for the project's own hosts.
    pub(super) fn recipient_at(&self, host: &str) -> Option<String> {
        if url::is_internal(host, &self.options.internal_domains) {
            return None;
        }
        Some(match self.rules.recipient_for_host(host) {
            Some(r) => r.id.clone(),
            None => format!("unknown:{host}"),
        })
    }

    /// What a model write stores of argument `a` with value `v`. An object
    /// that arrived from elsewhere, given by keyword
    /// (`OrderEvent.objects.create(order=order)`, `.update(used_by=user)`),
    /// is a related object stored as a reference, when neither the keyword
    /// nor the object's name names personal data and its declared type is
    /// no mapping (`parameters: dict` is stored whole, as JSON): its fields
    /// stay where the object itself is stored. Data built here (a dict of
    /// `defaults`) is stored.
    fn stored_by_keyword(&self, a: &Arg, v: &Value, sc: &Scope) -> Value {
        let names_data = |name: &str| self.classify(name, None).category().is_some();
        let (object, declared) = match &a.value.kind {
            ExprKind::Name(n) => (n.as_str(), sc.vars.get(n).and_then(|var| var.ty.as_deref())),
            ExprKind::Member { property, .. } => (property.as_str(), None),
            _ => return v.clone(),
        };
        let Some(keyword) = a.name.as_deref() else {
            return v.clone();
        };
        let mapping = declared.is_some_and(|ty| {
            let base = ty.rsplit('.').next().unwrap_or(ty);
            let base = base.split(['[', '<']).next().unwrap_or(base);
            self.rules.mapping_types.contains(base)
        });
        if mapping || names_data(keyword) || names_data(object) {
            return v.clone();
        }
        let whole_symbol = |id: u32| {
            self.summary
                .as_ref()
                .and_then(|s| s.symbols.get(id as usize))
                .is_some_and(|s| s.projection.is_none())
        };
        let mut stored = v.clone();
        stored.taints.retain(
            |t| !matches!(t.label, Label::Symbol(id) if t.field.is_none() && whole_symbol(id)),
        );
        stored
    }

    /// A value kept in browser storage or a cookie under a key that names
    /// it (`setItem("email", v)`, `cookie("token", v)`) is of that
    /// category when the value's own names say nothing.
    fn kept_under(&self, key: &str, c: &Call, carried: &mut Value) {
        let (Some(a), Some(v)) = (c.args.get(1), c.values.get(1)) else {
            return;
        };
        if v.has_data() || v.state != State::Plain {
            return;
        }
        let mut kept = self.keyed(key, v.clone(), &a.value);
        if !kept.has_data()
            && !matches!(a.value.kind, ExprKind::Str(_) | ExprKind::Literal)
            && let Some(id) = self.classifier.stored_under(key)
        {
            kept.add(Taint::data(
                id,
                Trail::start(a.value.span, format!("kept under `{key}`")),
            ));
        }
        carried.merge(kept);
    }

    /// What the arguments `spec` selects carry into the sink. An SQL write's
    /// placeholders take the names of its `columns`, passed one by one or
    /// as one tuple (`execute(sql, (email, phone))`).
    fn carried(
        &mut self,
        spec: &SinkSpec,
        columns: &[String],
        c: &Call,
        receiver: Option<&Value>,
        sc: &mut Scope,
        deferred: &mut Vec<Whole>,
    ) -> Value {
        let args = c.args;
        let written = self.written_fields(args);
        let mut carried = Value::default();
        for (i, (a, v)) in args.iter().zip(&c.values).enumerate() {
            let selected = spec.args.is_empty()
                || spec.args.iter().any(|s| match s {
                    ArgSelector::Position(p) => *p == i && a.name.is_none(),
                    ArgSelector::Keyword(k) => a.name.as_deref() == Some(k.as_str()),
                });
            if !selected {
                continue;
            }
            if spec.sql_arg == Some(0)
                && args.len() == 2
                && let ExprKind::Array(items) = &a.value.kind
                && items.len() == columns.len()
                && !columns.is_empty()
            {
                for (column, item) in columns.iter().zip(items) {
                    let iv = self.eval(item, sc);
                    if iv.state == State::Plain {
                        carried.merge(self.keyed(column, iv, item));
                    }
                }
                continue;
            }
            let column = columns
                .get(i.wrapping_sub(1))
                .filter(|_| spec.sql_arg == Some(0) && columns.len() + 1 == args.len());
            match column {
                Some(column) if v.state == State::Plain => {
                    carried.merge(self.keyed(column, v.clone(), &a.value))
                }
                _ if spec.store == Some(StoreKind::Database)
                    && spec.sql_arg.is_none()
                    && a.name.is_some() =>
                {
                    let keyword = a.name.as_deref().unwrap_or_default();
                    carried.merge(
                        self.stored_by_keyword(a, v, sc)
                            .in_field_unless_known(keyword),
                    )
                }
                _ if !v.has_data() && v.state == State::Plain => {
                    let mut v = v.clone();
                    self.whole_object(spec, &a.value, &mut v, sc, &written, deferred);
                    carried.merge(v)
                }
                _ => carried.merge(v.clone()),
            }
        }
        if spec.args.is_empty()
            && let Some(r) = receiver
        {
            let mut r = r.clone();
            // `instance.save()` with `instance: User`: the whole row.
            if let Some((_, object)) = &c.receiver
                && !r.has_data()
            {
                self.whole_object(spec, object, &mut r, sc, &written, deferred);
            }
            let written = match written {
                WrittenFields::All if spec.writes_given => WrittenFields::Unknown,
                other => other,
            };
            self.keep_written(&mut r, &written);
            carried.merge(r);
        }
        carried
    }

    /// A variable of a declared class, struct or interface that reaches a
    /// sink whole (`logger.info(user)`, `owners.save(owner)`,
    /// `localStorage.setItem("u", JSON.stringify(u))` with `u: User`) carries
    /// every personal field its type declares, unless it is logged in a
    /// language whose objects print as a class name. A stored object's
    /// password or token field is taken to hold a hash, as a model's does:
    /// where code sets it in clear, the value itself is followed. A type
    /// this file does not declare is left to the join (`deferred`), which
    /// knows them all.
    fn whole_object(
        &self,
        spec: &SinkSpec,
        arg: &Expr,
        v: &mut Value,
        sc: &Scope,
        written: &WrittenFields,
        deferred: &mut Vec<Whole>,
    ) {
        let only = match written {
            WrittenFields::All => None,
            WrittenFields::Named(fields) => Some(fields),
            WrittenFields::Unknown => return,
        };
        let (arg, serialized) = self.through_serializer(arg);
        if spec.kind == FlowKind::Logged
            && !serialized
            && !self.lang.conventions.printing_shows_fields
        {
            return;
        }
        let ExprKind::Name(name) = &arg.kind else {
            return;
        };
        // A record read from storage and written back stores what it held
        // already; what the code changes on it is followed as data. Only an
        // object that arrived (a parameter) or was filled from one is
        // stored whole.
        let whole = |var: &&super::scope::Var| match spec.kind {
            FlowKind::Stored => var.param || var.copied,
            _ => !var.fresh,
        };
        let Some(ty) = sc
            .vars
            .get(name)
            .filter(whole)
            .and_then(|var| var.ty.as_deref())
        else {
            return;
        };
        let Some((class, fields)) = self.declared_class(ty) else {
            deferred.push(Whole {
                name: name.clone(),
                ty: ty.to_string(),
                span: arg.span,
                only: only.cloned(),
            });
            return;
        };
        let named = |field: &str| only.is_none_or(|o| o.contains(&normalized_name(field)));
        for field in fields.iter().filter(|f| named(f)) {
            if let Verdict::Category { id, .. } = self.classify(field, Some(class))
                && !(spec.kind == FlowKind::Stored && self.rules.category(id).secret)
            {
                v.add(Taint::data(
                    id,
                    Trail::start(
                        arg.span,
                        format!("`{name}` of type `{class}` holds `{field}`"),
                    ),
                ));
            }
        }
    }

    /// Of an object stored with a list of the fields written, what those
    /// fields hold: not the object as it arrived (`order.save(update_fields=
    /// ["status"])` of a parameter `order`), nor fields left out.
    fn keep_written(&self, v: &mut Value, written: &WrittenFields) {
        let whole_symbol = |t: &Taint| {
            matches!(t.label, Label::Symbol(id) if t.field.is_none()
                && self.summary.as_ref().and_then(|s| s.symbols.get(id as usize))
                    .is_some_and(|s| s.projection.is_none()))
        };
        match written {
            WrittenFields::All => {}
            WrittenFields::Unknown => v.taints.retain(|t| !whole_symbol(t)),
            WrittenFields::Named(names) => v.taints.retain(|t| {
                !whole_symbol(t)
                    && t.field
                        .as_deref()
                        .is_none_or(|f| names.contains(&normalized_name(f)))
            }),
        }
    }

    /// The fields a model write names by a keyword such as
    /// `update_fields=["email", "updated_at"]`.
    fn written_fields(&self, args: &[Arg]) -> WrittenFields {
        let Some(list) = args.iter().find(|a| {
            a.name
                .as_deref()
                .is_some_and(|k| self.rules.field_list_keywords.contains(k))
        }) else {
            return WrittenFields::All;
        };
        let ExprKind::Array(items) = &list.value.kind else {
            return WrittenFields::Unknown;
        };
        let names: Option<Vec<String>> = items
            .iter()
            .map(|i| i.as_str().map(normalized_name))
            .collect();
        names.map_or(WrittenFields::Unknown, WrittenFields::Named)
    }

    /// The object serializer calls write out (`u` of `JSON.stringify(u)`,
    /// `u.model_dump()` or `json.dumps(asdict(u))`), and whether there was
    /// one.
    fn through_serializer<'e>(&self, arg: &'e Expr) -> (&'e Expr, bool) {
        let mut inner = arg;
        let mut serialized = false;
        for _ in 0..3 {
            let ExprKind::Call { callee, args, .. } = &inner.kind else {
                break;
            };
            let (method, receiver) = match &callee.kind {
                ExprKind::Member { object, property } => (property.as_str(), Some(&**object)),
                ExprKind::Name(n) => (n.as_str(), None),
                _ => break,
            };
            if !self.rules.serializers.contains(method) {
                break;
            }
            match (args.first(), receiver) {
                (Some(first), _) => inner = &first.value,
                (None, Some(receiver)) => inner = receiver,
                (None, None) => break,
            }
            serialized = true;
        }
        (inner, serialized)
    }
}
