//! Intra-procedural data-flow over the IR: where personal data is read,
//! how it moves, and which sink it reaches.
//!
//! Each function is walked once in source order. Every value carries a set
//! of taints (a data category, the field it sits in, and the trail it took).
//! Names and fields are classified on use; request containers produce
//! `collected` flows; sanitizers return clean values; sink calls turn the
//! taints of their arguments into flows.

mod paths;
mod scope;
mod sql;
pub mod summary;
mod trail;
pub mod url;
mod value;

use std::cell::RefCell;
use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::classify::{Classifier, Verdict, is_constant_name, tokens};
use crate::ir::{Arg, Expr, ExprKind, FileIr, Function, Language, Rest, Span, Stmt, Target};
use crate::rules::{ArgSelector, CategoryId, FlowKind, LanguageRules, Rules, StoreKind};
use paths::{
    container_owner, field_of, getter_field, holder_of, is_self, on_builder, owner_name, owner_of,
    written,
};
use scope::{Scope, Var};
use summary::{
    ArgSlot, Body, CallSite, Edge, From, Node, Origin, Signature, Slot, Summary, Symbol,
};
pub use trail::{Step, Trail};
use value::{Label, State, Taint, Value};

/// One movement of one category of personal data into a sink (or in from a
/// person, for `collected`).
#[derive(Debug, Clone)]
pub struct Flow {
    pub kind: FlowKind,
    pub category: CategoryId,
    /// The sink call, or the read of the request field.
    pub span: Span,
    /// The sink or source id from the rules.
    pub via: String,
    pub recipient: Option<String>,
    pub store: Option<StoreKind>,
    /// The cookie or storage key written, when it is a literal
    /// (`set_cookie("remember_email", ..)`).
    pub store_key: Option<String>,
    /// The country the data goes to, when the code names the service's
    /// region (`region_name="eu-west-1"`, an `oss-cn-hangzhou` endpoint).
    pub region: Option<String>,
    /// The callee as written, or the request expression.
    pub target: String,
    /// The steps before the sink, first to last.
    pub trail: Vec<Step>,
}

/// What a callee's last name says about the call.
#[derive(Debug, Clone)]
struct MethodInfo {
    /// `hash_password`, `maskPhone`: the result is clean.
    sanitizer: bool,
    /// `setEmail` sets field `email`.
    setter: Option<String>,
    /// `getEmail` reads field `email`.
    getter: Option<String>,
}

/// Options that change what counts as a flow.
#[derive(Debug, Clone, Default)]
pub struct FlowOptions {
    /// Hosts (and their subdomains) that are part of the system, not third
    /// parties.
    pub internal_domains: Vec<String>,
    /// Follow data only within each function: no summaries, no flows
    /// through calls (faster, fewer findings).
    pub local_only: bool,
}

/// What the engine finds in one file.
#[derive(Debug, Default)]
pub struct Analysis {
    /// Flows seen within single functions.
    pub flows: Vec<Flow>,
    /// How data moves through this file's functions, for the project-level
    /// join (`None` with `FlowOptions::local_only`).
    pub summary: Option<Summary>,
}

/// Finds every flow in one file, and summarizes its functions.
pub fn analyze(
    ir: &FileIr,
    language: Language,
    rules: &Rules,
    classifier: &Classifier,
    options: &FlowOptions,
) -> Analysis {
    let mut cx = FileCx::new(ir, language, rules, classifier, options);
    if !options.local_only {
        cx.summary = Some(Summary {
            functions: ir
                .functions
                .iter()
                .map(|f| signature(f, language))
                .collect(),
            classes: ir
                .classes
                .iter()
                .filter_map(|c| {
                    let fields: Vec<(String, CategoryId)> = c
                        .fields
                        .iter()
                        .filter_map(|f| match cx.classify(&f.name, Some(&c.name)) {
                            Verdict::Category { id, .. } => Some((f.name.clone(), id)),
                            _ => None,
                        })
                        .collect();
                    (!fields.is_empty()).then(|| (c.name.clone(), fields))
                })
                .collect(),
            ..Summary::default()
        });
    }
    let mut module = Scope::default();
    for stmt in &ir.module {
        cx.stmt(stmt, &mut module);
    }
    if let Some(summary) = cx.summary.as_mut() {
        let mut globals: Vec<(String, String)> = module
            .vars
            .iter()
            .filter_map(|(name, var)| Some((name.clone(), var.origin.clone()?)))
            .collect();
        globals.sort();
        summary.globals = globals;
    }
    let base = module.for_functions();
    for (i, f) in ir.functions.iter().enumerate() {
        cx.current = Some(i as u32);
        cx.function(f, &base);
    }
    let summary = cx.summary.take();
    let mut flows = cx.flows;
    flows.sort_by(|a, b| {
        (a.span, a.kind, a.category, &a.via).cmp(&(b.span, b.kind, b.category, &b.via))
    });
    flows.dedup_by(|a, b| {
        a.span == b.span && a.kind == b.kind && a.category == b.category && a.via == b.via
    });
    Analysis { flows, summary }
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

/// A string literal of three or more `*` and nothing else: the mask in a
/// masked value.
fn is_mask(e: &Expr) -> bool {
    e.as_str()
        .is_some_and(|t| t.len() >= 3 && t.chars().all(|c| c == '*'))
}

/// How callers bind arguments to `f`.
fn signature(f: &Function, language: Language) -> Signature {
    let first = f.params.first().map(|p| p.name.variable());
    let first = first.as_deref();
    let receiver_param = f.class.is_some()
        && match language {
            Language::Python => matches!(first, Some("self" | "cls")),
            Language::Rust => first == Some("self"),
            // Go methods declare their receiver first; plain functions have
            // no class.
            Language::Go => first.is_some(),
            _ => false,
        };
    Signature {
        name: f.name.to_string(),
        class: f.class.clone(),
        params: f.params.iter().map(|p| p.name.variable().into()).collect(),
        receiver_param,
        rest_keywords: f.params.iter().position(|p| p.rest == Some(Rest::Keywords)),
        rest_positional: f
            .params
            .iter()
            .position(|p| p.rest == Some(Rest::Positional)),
    }
}

struct FileCx<'a> {
    rules: &'a Rules,
    lang: &'a LanguageRules,
    language: Language,
    /// Field names of the classes, structs and DTOs declared in this file.
    class_fields: HashMap<String, Vec<String>>,
    /// Fields already collected from a request variable in this function:
    /// (variable, normalized field) -> its taint. Data is collected once,
    /// where it enters, however often it is read.
    collected: HashMap<(String, String), Taint>,
    /// Request bodies of the current function whose type another file
    /// declares: parameter name -> index in `Summary::bodies`. Their reads
    /// are left to the join, which knows the type's fields.
    deferred: HashMap<String, usize>,
    /// Bind calls of this file given a body slot so far.
    bound: u16,
    /// (class, method) of the methods declared in this file.
    own_methods: std::collections::HashSet<(String, String)>,
    classifier: &'a Classifier,
    options: &'a FlowOptions,
    imports: HashMap<&'a str, &'a str>,
    /// (class, field) -> resolved type or origin.
    fields: HashMap<(String, String), String>,
    /// Verdicts by `owner \u{1} name`; looked up without allocating.
    verdicts: RefCell<FxHashMap<String, Verdict>>,
    key_buffer: RefCell<String>,
    /// What a method name means, by name: sanitizer, setter, getter.
    methods: RefCell<FxHashMap<String, MethodInfo>>,
    flows: Vec<Flow>,
    /// The cross-function summary being built, unless local-only.
    summary: Option<Summary>,
    /// The function being walked (`None` for module-level code).
    current: Option<u32>,
    /// Symbols and sink sites already numbered.
    symbol_ids: HashMap<Symbol, u32>,
    sink_ids: HashMap<(Span, String), u32>,
}

impl<'a> FileCx<'a> {
    fn new(
        ir: &'a FileIr,
        language: Language,
        rules: &'a Rules,
        classifier: &'a Classifier,
        options: &'a FlowOptions,
    ) -> FileCx<'a> {
        let imports = ir
            .imports
            .iter()
            .map(|i| (i.local.as_str(), i.path.as_str()))
            .collect();
        let mut cx = FileCx {
            rules,
            lang: rules.language(language),
            language,
            class_fields: ir
                .classes
                .iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        c.fields.iter().map(|f| f.name.clone()).collect(),
                    )
                })
                .collect(),
            collected: HashMap::new(),
            deferred: HashMap::new(),
            bound: 0,
            own_methods: ir
                .functions
                .iter()
                .filter_map(|f| Some((f.class.clone()?, f.name.to_string())))
                .collect(),
            classifier,
            options,
            imports,
            fields: HashMap::new(),
            verdicts: RefCell::new(FxHashMap::default()),
            key_buffer: RefCell::new(String::new()),
            methods: RefCell::new(FxHashMap::default()),
            flows: Vec::new(),
            summary: None,
            current: None,
            symbol_ids: HashMap::new(),
            sink_ids: HashMap::new(),
        };
        for class in &ir.classes {
            for field in &class.fields {
                if let Some(ty) = &field.ty {
                    let resolved = cx.resolve_type(ty);
                    cx.fields
                        .insert((class.name.clone(), field.name.clone()), resolved);
                }
            }
        }
        cx
    }

    /// Classifies a name used as a variable or field; upper-case constants
    /// name configuration, never a person's data.
    fn classify(&self, name: &str, owner: Option<&str>) -> Verdict {
        if is_constant_name(name) {
            return Verdict::Constant;
        }
        let mut key = self.key_buffer.borrow_mut();
        key.clear();
        key.push_str(owner.unwrap_or(""));
        key.push('\u{1}');
        key.push_str(name);
        if let Some(v) = self.verdicts.borrow().get(key.as_str()) {
            return v.clone();
        }
        let v = self.classifier.classify(name, owner);
        self.verdicts.borrow_mut().insert(key.clone(), v.clone());
        v
    }

    /// What `method` means as a callee name, computed once per name.
    fn method_info(&self, method: &str) -> MethodInfo {
        if let Some(info) = self.methods.borrow().get(method) {
            return info.clone();
        }
        let toks = tokens(method);
        let joined: String = toks.concat();
        let sanitizer = self.rules.sanitizer_words.iter().any(|w| {
            toks.iter().any(|t| t == w) || (w.len() > 4 && joined.starts_with(w.as_str()))
        });
        let setter = match toks.split_first() {
            Some((first, rest))
                if !rest.is_empty() && self.rules.setter_prefixes.iter().any(|p| p == first) =>
            {
                Some(rest.join("_"))
            }
            _ => None,
        };
        let info = MethodInfo {
            sanitizer,
            setter,
            getter: getter_field(self.classifier, method),
        };
        self.methods
            .borrow_mut()
            .insert(method.to_string(), info.clone());
        info
    }

    fn resolve_type(&self, ty: &str) -> String {
        let (head, rest) = ty.split_once('.').map_or((ty, None), |(h, r)| (h, Some(r)));
        match (self.imports.get(head), rest) {
            (Some(path), Some(rest)) => format!("{path}.{rest}"),
            (Some(path), None) => path.to_string(),
            _ => ty.to_string(),
        }
    }

    // ----- functions and statements --------------------------------------

    fn function(&mut self, f: &Function, base: &Scope) {
        let mut scope = base.clone();
        scope.class = f.class.clone();
        self.collected.clear();
        self.deferred.clear();
        // A function decorated as a request handler (`@router.post(..)`).
        let route = f.decorators.iter().find_map(|d| {
            let (head, rest) = d.split_once('.').unwrap_or((d.as_str(), ""));
            let resolved = self.resolve_name(head, base);
            let resolved = if rest.is_empty() {
                resolved
            } else {
                format!("{resolved}.{rest}")
            };
            self.lang
                .route_decorator(&resolved)
                .or_else(|| self.lang.route_decorator(d))
        });
        for (index, p) in f.params.iter().enumerate() {
            let name = p.name.variable();
            // A receiver named `self` stands for the enclosing class.
            let origin = match (&f.class, p.ty.as_deref()) {
                (Some(class), None) if index == 0 && is_self(&name) => Some(class.clone()),
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
            let resolved: Vec<String> =
                p.annotations.iter().map(|a| self.resolve_type(a)).collect();
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
            let unmarked = p.annotations.is_empty() && p.rest.is_none() && p.holds.is_none();
            let handler_param = route.filter(|_| unmarked && !(index == 0 && is_self(&name)));
            let (body_param, field_param) = match (handler_param, p.ty.as_deref()) {
                (Some(src), Some(t)) if t.starts_with(|c: char| c.is_ascii_uppercase()) => {
                    (Some(src), None)
                }
                (Some(src), _) => (None, Some(src)),
                _ => (None, None),
            };
            if let Some(source) = marks
                .iter()
                .find_map(|m| self.lang.container_params.get(*m))
                .copied()
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
                        Slot::Param(index as u16),
                        ty,
                        source,
                        p.span,
                        shown,
                        here,
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
                && let Some(t) = self.collect(
                    &name,
                    None,
                    source,
                    p.span,
                    &format!("parameter `{name}`"),
                    None,
                )
            {
                var.value.add(t);
            }
            if var.value.state == State::Plain {
                let trail = Trail::start(p.span, format!("parameter `{name}` of `{}`", f.name));
                self.seed(&mut var.value, Slot::Param(index as u16), trail);
            }
            scope.vars.insert(name.into_owned(), var);
        }
        // `this` of a Java or JavaScript method is no declared parameter.
        if let Some(class) = &f.class
            && matches!(
                self.language,
                Language::Java | Language::JavaScript | Language::TypeScript
            )
        {
            let mut value = Value::default();
            self.seed(&mut value, Slot::This, Trail::default());
            scope.vars.insert(
                "this".to_string(),
                Var {
                    value,
                    origin: Some(class.clone()),
                    ..Var::default()
                },
            );
        }
        for stmt in &f.body {
            self.stmt(stmt, &mut scope);
        }
    }

    /// Records a parameter (or a variable a bind call fills) of the current
    /// function as a request body of type `ty` (`announced` when this file
    /// declares the type), and gives it its symbol so that the join can
    /// follow it into the calls it is passed to. Returns its index in the
    /// summary.
    #[allow(clippy::too_many_arguments)]
    fn body(
        &mut self,
        slot: Slot,
        ty: String,
        source: usize,
        span: Span,
        shown: String,
        announced: bool,
        value: &mut Value,
    ) -> Option<usize> {
        let function = self.current?;
        self.seed(value, slot, Trail::default());
        let via = self.rules.sources[source].id.clone();
        let summary = self.summary.as_mut()?;
        summary.bodies.push(Body {
            function,
            slot,
            ty,
            flow: Flow {
                kind: FlowKind::Collected,
                category: 0,
                span,
                via,
                recipient: None,
                store: None,
                store_key: None,
                region: None,
                target: shown,
                trail: Vec::new(),
            },
            announced,
            reads: Vec::new(),
        });
        Some(summary.bodies.len() - 1)
    }

    fn stmt(&mut self, stmt: &Stmt, sc: &mut Scope) {
        match stmt {
            Stmt::Expr(e) => {
                self.eval(e, sc);
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
        let v = value.map(|e| self.eval(e, sc)).unwrap_or_default();
        match target {
            Target::Place(place) => match &place.kind {
                ExprKind::Name(name) => {
                    let origin = ty
                        .map(|t| self.resolve_type(t))
                        .or_else(|| value.and_then(|e| self.origin_of(e, sc)));
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
                            hints,
                        },
                    );
                }
                ExprKind::Member { object, property } => {
                    self.assign_field(object, property, v, value, span, sc)
                }
                ExprKind::Index { object, index } => {
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
                // `a, b = x.email, x.phone` pairs up by position.
                if let Some(ExprKind::Array(items)) = value.map(|e| &e.kind)
                    && items.len() == pairs.len()
                    && pairs.iter().all(|(k, _)| k.is_none())
                {
                    for ((_, local), item) in pairs.iter().zip(items.iter()) {
                        let lv = self
                            .eval(item, sc)
                            .then(span, || format!("assigned to `{local}`"));
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
                        (State::Container(source), _) => {
                            let field = key.as_deref().unwrap_or(local);
                            let mut lv = Value::default();
                            if let Some(t) = self.collect(
                                field,
                                None,
                                source,
                                span,
                                &format!("`{field}` destructured from the request"),
                                holder,
                            ) {
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
        let ExprKind::Name(owner) = &object.kind else {
            self.eval(object, sc);
            return;
        };
        // `self.client = client` with an untyped parameter says nothing
        // about the field's type.
        let untyped_local = matches!(
            value.map(|e| &e.kind),
            Some(ExprKind::Name(n)) if sc.vars.get(n).is_some_and(|v| v.origin.is_none())
        );
        if is_self(owner)
            && !untyped_local
            && let (Some(class), Some(origin)) =
                (sc.class.clone(), value.and_then(|e| self.origin_of(e, sc)))
        {
            self.fields
                .entry((class, field.to_string()))
                .or_insert(origin);
        }
        let mut v = v;
        if v.state == State::Plain
            && value.is_some()
            && let Verdict::Category { id, .. } = self.classify(field, Some(owner_name(owner, sc)))
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
        let var = self.var_mut(owner, sc);
        var.value
            .taints
            .retain(|t| t.field.as_deref() != Some(field));
        var.value.merge(v);
    }

    // ----- expressions -----------------------------------------------------

    fn eval(&mut self, e: &Expr, sc: &mut Scope) -> Value {
        match &e.kind {
            ExprKind::Name(name) => self.name(name, e.span, sc),
            ExprKind::Member { object, property } => {
                if let Some(source) = self.container_at(e, sc) {
                    return Value::container(source);
                }
                let obj = self.eval(object, sc);
                self.member(obj, object, property, false, e.span, sc)
            }
            ExprKind::Index { object, index } => {
                let obj = self.eval(object, sc);
                self.eval(index, sc);
                match index.as_str() {
                    Some(key) => self.member(obj, object, key, true, e.span, sc),
                    None if matches!(obj.state, State::Container(_)) => Value::default(),
                    None => obj.flattened(),
                }
            }
            ExprKind::Call { .. } => self.call(e, sc),
            ExprKind::Str(_) | ExprKind::Literal => Value::literal(),
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
            ExprKind::Object(entries) => self.object(entries, sc),
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
                for item in items {
                    let v = self.eval(item, sc);
                    states.push(v.state);
                    out.merge(v);
                }
                if let Some(first) = states.first().filter(|s| states.iter().all(|x| x == *s)) {
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
        let param = sc.vars.get(name).is_some_and(|v| v.param);
        if value.state == State::Plain {
            match self.classify(name, None) {
                Verdict::Category { id, .. } if !value.has(id) => {
                    let mut t = Taint::data(id, Trail::start(span, format!("`{name}`")));
                    t.weak = param;
                    value.add(t);
                }
                Verdict::Constant => value.state = State::Literal,
                Verdict::Rejected { reason, .. } if reason.contains("protected") => {
                    return Value::sanitized();
                }
                _ => {}
            }
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
            let owner = container_owner(object, sc);
            let mut out = Value::default();
            let base = written(object).unwrap_or_default();
            let text = if indexed {
                format!("`{base}[\"{property}\"]`")
            } else {
                format!("`{base}.{property}`")
            };
            let holder = holder_of(object);
            if let Some(t) = self.collect(property, owner.as_deref(), source, span, &text, holder) {
                out.add(t);
            }
            return out;
        }
        if obj.state == State::Sanitized {
            return Value::sanitized();
        }
        let shown =
            written(object).map_or_else(|| property.to_string(), |o| format!("{o}.{property}"));
        let mut out = self.project(&obj, property, span, &shown);
        let owner = owner_of(object, sc);
        match self.classify(property, owner.as_deref()) {
            Verdict::Category { id, .. } if !out.has(id) => {
                out.add(Taint::data(id, Trail::start(span, format!("`{shown}`"))));
            }
            Verdict::Constant => out.state = State::Literal,
            Verdict::Rejected { reason, .. } if reason.contains("protected") => {
                return Value::sanitized();
            }
            _ => {}
        }
        out
    }

    fn object(&mut self, entries: &[(Option<String>, Expr)], sc: &mut Scope) -> Value {
        let mut out = Value::default();
        for (key, value) in entries {
            let v = self.eval(value, sc);
            match key {
                Some(key) => out.merge(self.keyed(key, v, value)),
                None => out.merge(v),
            }
        }
        out
    }

    /// A value put under `key` in an object, struct, keyword argument or
    /// setter: it carries its own data, and the key names its category
    /// when the value is unknown. A literal or a masked value
    /// (`{ phone: maskPhone(p) }`) carries nothing, whatever its key says.
    fn keyed(&self, key: &str, v: Value, value: &Expr) -> Value {
        let plain = v.state == State::Plain;
        let mut v = v.flattened();
        if plain
            && !v.has_data()
            && !matches!(value.kind, ExprKind::Function(_))
            && let Verdict::Category { id, .. } = self.classifier.classify(key, None)
        {
            v.add(Taint::data(
                id,
                Trail::start(value.span, format!("`{key}`")),
            ));
        }
        v.into_field(key)
    }

    fn call(&mut self, e: &Expr, sc: &mut Scope) -> Value {
        let ExprKind::Call {
            callee,
            args,
            construct,
        } = &e.kind
        else {
            return Value::default();
        };
        if let Some(source) = self.container_at(e, sc) {
            for a in args {
                self.eval(&a.value, sc);
            }
            return Value::container(source);
        }
        let (receiver, method) = match &callee.kind {
            ExprKind::Member { object, property } => (
                Some((self.eval(object, sc), object.as_ref())),
                Some(property.as_str()),
            ),
            ExprKind::Name(n) => (None, Some(n.as_str())),
            _ => {
                self.eval(callee, sc);
                (None, None)
            }
        };
        let values: Vec<Value> = args.iter().map(|a| self.eval(&a.value, sc)).collect();
        let written_path = written(callee);
        let resolved_path = self.resolved(callee, sc);
        let paths: Vec<&str> = [resolved_path.as_deref(), written_path.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let method = method.unwrap_or("");

        if self.is_sanitizer(method, &paths) || self.in_sanitizer_module(callee, sc) {
            return Value::sanitized();
        }
        if let Some(source) = paths.iter().find_map(|p| self.lang.keyed_call(p))
            && let Some(key) = args.first().and_then(|a| a.value.as_str())
        {
            let mut out = Value::default();
            let shown = format!("{}(\"{key}\")", written_path.as_deref().unwrap_or(method));
            if let Some(t) = self.collect(key, None, source, e.span, &format!("`{shown}`"), None) {
                out.add(t);
            }
            return out;
        }
        let bound = paths
            .iter()
            .find_map(|p| self.lang.bind_call(p))
            .or_else(|| {
                let p = self.path_with_argument(callee, sc)?;
                self.lang.bind_call(&p)
            });
        if let Some(source) = bound {
            if let Some(ExprKind::Name(n)) = args.first().map(|a| &a.value.kind) {
                self.var_mut(n, sc).value = Value::container(source);
                let ty = sc.vars.get(n).and_then(|v| v.ty.clone());
                let shown = format!("`{}(&{n})`", written_path.as_deref().unwrap_or(method));
                let here = self.announce(n, ty.as_deref(), source, e.span, &shown);
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
                    if let Some(body) =
                        self.body(slot, ty, source, e.span, shown, false, &mut value)
                    {
                        self.var_mut(n, sc).value = value;
                        self.deferred.insert(n.clone(), body);
                    }
                }
            }
            return Value::default();
        }
        // `this.usersService.create(dto)`, a method of a class declared in
        // this file, is no library's sink whatever its name.
        let own_method = resolved_path
            .as_deref()
            .and_then(|p| p.rsplit_once('.'))
            .is_some_and(|(class, m)| {
                self.own_methods
                    .contains(&(class.to_string(), m.to_string()))
            });
        if !own_method && let Some(sink) = self.lang.sink_for(&paths) {
            // A variable receiver (`user.save()`) carries its data into a
            // store, and a builder chain (`logger.bind(ip=ip).info(..)`,
            // `client.post(url).json(&body).send()`) into any sink; a plain
            // chain such as `prisma.verificationEmail` does not.
            let recv = receiver.as_ref().and_then(|(v, o)| {
                match (&o.kind, self.rules.sinks[sink].spec.kind) {
                    (ExprKind::Name(_), FlowKind::Stored) | (ExprKind::Call { .. }, _) => Some(v),
                    _ => None,
                }
            });
            self.sink(
                sink,
                e,
                args,
                &values,
                recv,
                written_path.as_deref().unwrap_or(method),
                sc,
            );
            // The data is gone into the sink: the client object holds none of
            // it. A vendor request object built here (`SendSmsRequest(..)`)
            // still carries it to the call that sends it.
            if !self.builds_object(*construct, method, args) {
                return Value::default();
            }
            return self.object_of_args(args, values);
        }

        if let Some((recv, object)) = &receiver
            && let State::Container(source) = recv.state
        {
            let owner = container_owner(object, sc);
            let field = if self.rules.key_readers.contains(method) {
                args.first()
                    .and_then(|a| a.value.as_str())
                    .map(str::to_string)
            } else {
                // `dto.getPhone()`, or a method named after the field:
                // `c.ClientIP()`, record accessors `body.phone()`.
                self.method_info(method)
                    .getter
                    .or_else(|| Some(method.to_string()))
            };
            let mut out = Value::default();
            if let Some(field) = field {
                let shown = match args.first().and_then(|a| a.value.as_str()) {
                    Some(key) => format!(
                        "`{}.{method}(\"{key}\")`",
                        written(object).unwrap_or_default()
                    ),
                    None => format!("`{}.{method}()`", written(object).unwrap_or_default()),
                };
                if let Some(t) = self.collect(
                    &field,
                    owner.as_deref(),
                    source,
                    e.span,
                    &shown,
                    holder_of(object),
                ) {
                    out.add(t);
                }
            }
            return out;
        }
        let recv_name = receiver.as_ref().and_then(|(_, o)| match &o.kind {
            ExprKind::Name(n) => Some(n.clone()),
            _ => None,
        });
        // Setters and builders: `req.setCertNo(x)`, `builder.setEmail(x)`,
        // and on a builder chain (`User.builder().email(x)`, Lombok's
        // `@Builder`) any one-argument call, named after its field.
        let setter = self.method_info(method).setter.or_else(|| {
            (args.len() == 1
                && receiver.as_ref().is_some_and(|(_, o)| on_builder(o))
                && !self.rules.propagators.contains(method)
                && !self.rules.mutators.contains(method))
            .then(|| tokens(method).join("_"))
        });
        if let Some(field) = setter
            && let (Some(v), Some(a)) = (values.first(), args.first())
        {
            let labelled = self
                .keyed(&field, v.clone(), &a.value)
                .then(e.span, || format!("set as `{field}`"));
            if let Some(n) = &recv_name {
                self.var_mut(n, sc).value.merge(labelled.clone());
            }
            let mut out = receiver.map(|(v, _)| v).unwrap_or_default();
            out.state = State::Plain;
            out.merge(labelled);
            return out;
        }
        // Mutators: `items.append(email)`, `params.put("phone", phone)`. On
        // anything but a local collection (`self.store.insert(&user)`) the
        // name says too little: that is an ordinary call, maybe to the
        // project's own method.
        if self.rules.mutators.contains(method) && recv_name.is_some() {
            if let Some(n) = &recv_name {
                let added = match (
                    args.first().and_then(|a| a.value.as_str()),
                    values.get(1),
                    args.get(1),
                ) {
                    (Some(key), Some(v), Some(a)) => self.keyed(key, v.clone(), &a.value),
                    _ => values.iter().cloned().fold(Value::default(), |mut acc, v| {
                        acc.merge(v);
                        acc
                    }),
                };
                let added = added.then(e.span, || format!("added to `{n}`"));
                self.var_mut(n, sc).value.merge(added);
            }
            // Go types of the project define methods of these names too
            // (`s.trail.WriteString(line)` on an audit file): the call may
            // still reach one of them.
            if self.language == Language::Go {
                let recv = receiver.as_ref().map(|(v, _)| v);
                self.call_site(e, sc, method, &paths, args, &values, recv);
            }
            return Value::default();
        }
        // Getters: `user.getEmail()`, `u.GetPhone()`.
        if let Some(field) = self.method_info(method).getter {
            let owner = receiver.as_ref().and_then(|(_, o)| owner_of(o, sc));
            let shown = written(callee).unwrap_or_else(|| method.to_string());
            let mut out = match &receiver {
                Some((v, _)) => self.project(v, &field, e.span, &format!("{shown}()")),
                None => Value::default(),
            };
            if let Verdict::Category { id, .. } = self.classify(&field, owner.as_deref())
                && !out.has(id)
            {
                out.add(Taint::data(
                    id,
                    Trail::start(e.span, format!("`{shown}()`")),
                ));
            }
            return out;
        }
        // Propagators carry their receiver and arguments into the result.
        if self.rules.propagators.contains(method) {
            let mut out = receiver.map(|(v, _)| v).unwrap_or_default();
            if out.state == State::Literal || matches!(out.state, State::Container(_)) {
                out.state = State::Plain;
            }
            let mut all_literal = out.taints.is_empty();
            for v in values {
                all_literal &= v.state == State::Literal;
                out.merge(v);
            }
            if all_literal && !args.is_empty() {
                out.state = State::Literal;
            }
            return out;
        }
        // Constructors and keyword calls build objects: `User(email=x)`,
        // `new Cookie("phone", p)`, `Foo { phone: x }`.
        let recv = receiver.as_ref().map(|(v, _)| v);
        if self.builds_object(*construct, method, args) {
            // Only its keywords make `audit(email=x)` look like a
            // constructor: it may as well be a function of the project.
            let mut out = if !*construct && !self.builds_object(false, method, &[]) {
                self.call_site(e, sc, method, &paths, args, &values, recv)
            } else {
                Value::default()
            };
            out.merge(self.object_of_args(args, values));
            return out;
        }
        self.call_site(e, sc, method, &paths, args, &values, recv)
    }

    /// Where the leftmost name of a callee comes from: an import, or the
    /// call or type a variable was made from (`boto3.client()`).
    fn root_origin(&self, call: &Expr, sc: &Scope) -> Option<String> {
        let mut e = call;
        loop {
            e = match &e.kind {
                ExprKind::Call { callee, .. } => callee,
                ExprKind::Member { object, .. } | ExprKind::Index { object, .. } => object,
                ExprKind::Name(n) => {
                    return match sc.vars.get(n) {
                        Some(var) => var.origin.clone(),
                        None => self.imports.get(n.as_str()).map(|p| p.to_string()),
                    };
                }
                _ => return None,
            };
        }
    }

    /// Whether a call builds an object from its arguments: `new`, struct
    /// and composite literals, keyword calls, and (where classes are called
    /// like functions) a capitalized callee. In Go every exported function is
    /// capitalized, so there only literals and `New*` constructors count.
    fn builds_object(&self, construct: bool, method: &str, args: &[Arg]) -> bool {
        let capitalized = method.chars().next().is_some_and(char::is_uppercase);
        construct
            || match self.language {
                Language::Go => method.starts_with("New"),
                _ => capitalized,
            }
            || args.iter().any(|a| a.name.is_some())
    }

    /// The object a constructor or keyword call builds from its arguments.
    fn object_of_args(&self, args: &[Arg], values: Vec<Value>) -> Value {
        let mut out = Value::default();
        for (a, v) in args.iter().zip(values) {
            match &a.name {
                Some(name) => out.merge(self.keyed(name, v, &a.value)),
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

    fn is_sanitizer(&self, method: &str, paths: &[&str]) -> bool {
        self.method_info(method).sanitizer || paths.iter().any(|p| self.lang.is_sanitizer_call(p))
    }

    #[allow(clippy::too_many_arguments)]
    fn sink(
        &mut self,
        index: usize,
        call: &Expr,
        args: &[Arg],
        values: &[Value],
        receiver: Option<&Value>,
        target: &str,
        sc: &mut Scope,
    ) {
        let rules = self.rules;
        let spec = &rules.sinks[index].spec;
        let mut columns = Vec::new();
        if let Some(i) = spec.sql_arg {
            let Some(sql) = args.get(i).and_then(|a| self.const_string(&a.value, sc)) else {
                return;
            };
            if !sql::is_write(&sql) {
                return;
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
                Some(Some(host)) => {
                    if url::is_internal(&host, &self.options.internal_domains) {
                        return;
                    }
                    match self.rules.recipient_for_host(&host) {
                        Some(r) => r.id.clone(),
                        None => format!("unknown:{host}"),
                    }
                }
                // A relative URL stays on the same origin.
                Some(None) if url.as_deref().is_some_and(|u| u.starts_with('/')) => return,
                _ => "unknown".to_string(),
            });
        }
        let mut carried = Value::default();
        for (i, (a, v)) in args.iter().zip(values).enumerate() {
            let selected = spec.args.is_empty()
                || spec.args.iter().any(|s| match s {
                    ArgSelector::Position(p) => *p == i && a.name.is_none(),
                    ArgSelector::Keyword(k) => a.name.as_deref() == Some(k.as_str()),
                });
            if !selected {
                continue;
            }
            // Placeholders of an INSERT line up with its columns, passed one
            // by one or as one tuple (`execute(sql, (email, phone))`).
            if spec.sql_arg == Some(0)
                && args.len() == 2
                && let ExprKind::Array(items) = &a.value.kind
                && items.len() == columns.len()
                && !columns.is_empty()
            {
                for (c, item) in columns.iter().zip(items) {
                    let iv = self.eval(item, sc);
                    if iv.state == State::Plain {
                        carried.merge(self.keyed(c, iv, item));
                    }
                }
                continue;
            }
            let column = columns
                .get(i.wrapping_sub(1))
                .filter(|_| spec.sql_arg == Some(0) && columns.len() + 1 == args.len());
            match column {
                Some(c) if v.state == State::Plain => {
                    carried.merge(self.keyed(c, v.clone(), &a.value))
                }
                _ => carried.merge(v.clone()),
            }
        }
        if spec.args.is_empty()
            && let Some(r) = receiver
        {
            carried.merge(r.clone());
        }
        let store_key = match spec.store {
            Some(StoreKind::Cookie | StoreKind::BrowserStorage) => {
                args.first().and_then(|a| self.const_string(&a.value, sc))
            }
            _ => None,
        };
        let region = recipient
            .as_deref()
            .and_then(|r| rules.recipient(r))
            .filter(|r| !r.regions.is_empty())
            .and_then(|r| {
                let mut hints = String::new();
                self.hints(call, sc, &mut hints, 0);
                url::region_in(&hints, &r.regions)
            });
        // The flow this sink makes, but for its category and trail.
        let template = Flow {
            kind: spec.kind,
            category: 0,
            span: call.span,
            via: spec.id.clone(),
            recipient,
            store: spec.store,
            store_key,
            region,
            target: target.to_string(),
            trail: Vec::new(),
        };
        let mut site = None;
        for t in carried.taints {
            match t.label {
                Label::Data(category) => self.flows.push(Flow {
                    category,
                    trail: t.trail.steps(),
                    ..template.clone()
                }),
                Label::Symbol(_) => {
                    let sink = *site.get_or_insert_with(|| self.sink_site(template.clone()));
                    if let Some(sink) = sink {
                        self.edge(&t, Node::Sink { sink });
                    }
                }
            }
        }
    }

    /// Records a collected field and returns its taint.
    #[allow(clippy::too_many_arguments)]
    fn collect(
        &mut self,
        field: &str,
        owner: Option<&str>,
        source: usize,
        span: Span,
        shown: &str,
        holder: Option<&str>,
    ) -> Option<Taint> {
        let key = holder.map(|h| (h.to_string(), tokens(field).concat()));
        if let Some(t) = key.as_ref().and_then(|k| self.collected.get(k)) {
            return Some(t.clone());
        }
        let Verdict::Category { id, .. } = self.classify(field, owner) else {
            return None;
        };
        let trail = Trail::start(span, format!("collected from {shown}"));
        if let Some(k) = key.clone() {
            self.collected.insert(k, Taint::data(id, trail.clone()));
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
                self.collect(&f, Some(&base), source, span, shown, Some(holder));
                if let Some(t) = self.fields.get(&(base.clone(), f)) {
                    pending.push(t.rsplit('.').next().unwrap_or(t).to_string());
                }
            }
            seen.push(base);
        }
        true
    }

    // ----- summary --------------------------------------------------------

    /// Numbers a symbol of the current file.
    fn symbol(&mut self, symbol: Symbol) -> Option<u32> {
        let summary = self.summary.as_mut()?;
        if let Some(&id) = self.symbol_ids.get(&symbol) {
            return Some(id);
        }
        let id = summary.symbols.len() as u32;
        summary.symbols.push(symbol.clone());
        self.symbol_ids.insert(symbol, id);
        Some(id)
    }

    /// Adds the symbol of a parameter slot of the current function.
    fn seed(&mut self, value: &mut Value, slot: Slot, trail: Trail) {
        let Some(function) = self.current else { return };
        if let Some(id) = self.symbol(Symbol {
            origin: Origin::Param { function, slot },
            projection: None,
        }) {
            value.add(Taint {
                label: Label::Symbol(id),
                field: None,
                trail,
                weak: false,
            });
        }
    }

    /// Numbers a sink call reached by a symbol.
    fn sink_site(&mut self, template: Flow) -> Option<u32> {
        let summary = self.summary.as_mut()?;
        let key = (template.span, template.via.clone());
        if let Some(&id) = self.sink_ids.get(&key) {
            return Some(id);
        }
        let id = summary.sinks.len() as u32;
        summary.sinks.push(template);
        self.sink_ids.insert(key, id);
        Some(id)
    }

    /// Records that taint `t` reaches `to`.
    fn edge(&mut self, t: &Taint, to: Node) {
        let Some(summary) = self.summary.as_mut() else {
            return;
        };
        if t.weak && matches!(to, Node::Return { .. }) {
            return;
        }
        let from = match t.label {
            Label::Data(c) => From::Data(c),
            Label::Symbol(s) => From::Symbol(s),
        };
        summary.edges.push(Edge {
            from,
            to,
            field: t.field.as_deref().map(str::to_string),
            trail: t.trail.steps(),
        });
    }

    /// Records every taint of `v` reaching `to`.
    fn edges(&mut self, v: &Value, to: Node) {
        for t in &v.taints {
            self.edge(t, to);
        }
    }

    /// Records a call the file cannot see into, with the values passed to
    /// it; returns its result as a symbol.
    #[allow(clippy::too_many_arguments)]
    fn call_site(
        &mut self,
        e: &Expr,
        sc: &Scope,
        method: &str,
        paths: &[&str],
        args: &[Arg],
        values: &[Value],
        receiver: Option<&Value>,
    ) -> Value {
        let (Some(function), Some(summary)) = (self.current, self.summary.as_mut()) else {
            return Value::default();
        };
        if method.is_empty() {
            return Value::default();
        }
        let call = summary.calls.len() as u32;
        let root = self.root_origin(e, sc);
        let summary = self.summary.as_mut().expect("checked above");
        summary.calls.push(CallSite {
            function,
            root,
            method: method.to_string(),
            paths: paths.iter().map(|p| p.to_string()).collect(),
            args: args.iter().map(|a| a.name.clone()).collect(),
            receiver: receiver.is_some(),
            span: e.span,
        });
        if let Some(r) = receiver {
            self.edges(
                r,
                Node::Arg {
                    call,
                    slot: ArgSlot::Receiver,
                },
            );
        }
        for (i, v) in values.iter().enumerate().take(u16::MAX as usize) {
            self.edges(
                v,
                Node::Arg {
                    call,
                    slot: ArgSlot::Index(i as u16),
                },
            );
        }
        let mut out = Value::default();
        if let Some(id) = self.symbol(Symbol {
            origin: Origin::Result { call },
            projection: None,
        }) {
            out.add(Taint {
                label: Label::Symbol(id),
                field: None,
                trail: Trail::start(e.span, format!("returned by `{method}()`")),
                weak: false,
            });
        }
        out
    }

    /// Field `field` of `v`: the taints stored in it, and for a symbol
    /// taken whole, the symbol of that field.
    fn project(&mut self, v: &Value, field: &str, span: Span, shown: &str) -> Value {
        let mut out = field_of(v, field);
        if self.summary.is_none() {
            return out;
        }
        for t in &v.taints {
            let Label::Symbol(id) = t.label else { continue };
            if t.field.is_some() {
                continue;
            }
            let symbol = &self.summary.as_ref().expect("checked above").symbols[id as usize];
            if symbol.projection.is_some() {
                continue;
            }
            let projected = Symbol {
                origin: symbol.origin,
                projection: Some(field.to_string()),
            };
            if let Some(pid) = self.symbol(projected) {
                out.add(Taint {
                    label: Label::Symbol(pid),
                    field: None,
                    trail: t.trail.then(span, format!("`{shown}`")),
                    weak: false,
                });
            }
        }
        out
    }

    // ----- paths -------------------------------------------------------------

    fn container_at(&self, e: &Expr, sc: &Scope) -> Option<usize> {
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
    fn container_at_path(&self, name: &str, sc: &Scope) -> Option<usize> {
        let resolved = self.resolve_name(name, sc);
        let written = (!self.imports.contains_key(name)).then(|| name.to_string());
        [Some(resolved), written]
            .into_iter()
            .flatten()
            .find_map(|p| self.lang.container(&p))
    }

    /// The variable `name`, created on first write with the origin the name
    /// had (an import such as `Sentry` keeps resolving after `Sentry.setUser(..)`).
    fn var_mut<'s>(&self, name: &str, sc: &'s mut Scope) -> &'s mut Var {
        if !sc.vars.contains_key(name) {
            let origin = Some(self.resolve_name(name, sc));
            sc.vars.insert(
                name.to_string(),
                Var {
                    origin,
                    ..Var::default()
                },
            );
        }
        sc.vars.get_mut(name).expect("inserted above")
    }

    fn resolve_name(&self, name: &str, sc: &Scope) -> String {
        if let Some(var) = sc.vars.get(name) {
            return var.origin.clone().unwrap_or_else(|| name.to_string());
        }
        if is_self(name)
            && let Some(class) = &sc.class
        {
            return class.clone();
        }
        // Only Java reads its fields by bare name; elsewhere a bare name
        // that matches a field (`http` in a Go method of a struct with an
        // `http *http.Client` field) is an import or a local.
        if self.language == Language::Java
            && let Some(class) = &sc.class
            && let Some(t) = self.fields.get(&(class.clone(), name.to_string()))
        {
            return t.clone();
        }
        if let Some(path) = self.imports.get(name) {
            return path.to_string();
        }
        name.to_string()
    }

    /// `json.NewDecoder(r.Body).Decode` with the first argument of the
    /// inner call resolved too (`encoding/json.NewDecoder(net/http.Request.Body).Decode`):
    /// what is decoded decides whether it comes from the request.
    fn path_with_argument(&self, callee: &Expr, sc: &Scope) -> Option<String> {
        let ExprKind::Member { object, property } = &callee.kind else {
            return None;
        };
        let ExprKind::Call {
            callee: inner,
            args,
            ..
        } = &object.kind
        else {
            return None;
        };
        let arg = self.resolved(&args.first()?.value, sc)?;
        Some(format!("{}({arg}).{property}", self.resolved(inner, sc)?))
    }

    /// The callee path with names replaced by their imports, origins and
    /// declared types.
    fn resolved(&self, e: &Expr, sc: &Scope) -> Option<String> {
        match &e.kind {
            ExprKind::Name(n) => Some(self.resolve_name(n, sc)),
            ExprKind::Member { object, property } => {
                let base = self.resolved(object, sc)?;
                if let Some(t) = self.fields.get(&(base.clone(), property.clone())) {
                    return Some(t.clone());
                }
                Some(format!("{base}.{property}"))
            }
            ExprKind::Call { callee, .. } => Some(format!("{}()", self.resolved(callee, sc)?)),
            ExprKind::Index { object, .. } => Some(format!("{}[]", self.resolved(object, sc)?)),
            _ => Some("?".to_string()),
        }
    }

    /// The resolved path a value expression gives a variable it is assigned
    /// to: a call's result, an alias of another name or member.
    fn origin_of(&self, e: &Expr, sc: &Scope) -> Option<String> {
        match &e.kind {
            ExprKind::Call { .. } | ExprKind::Name(_) | ExprKind::Member { .. } => {
                self.resolved(e, sc)
            }
            _ => None,
        }
    }

    /// Appends the constant strings an expression is built from (a call's
    /// arguments and its receivers', object literal values, variables made
    /// by such calls): where a cloud client points.
    fn hints(&self, e: &Expr, sc: &Scope, out: &mut String, depth: u8) {
        const MAX_DEPTH: u8 = 4;
        const MAX_LEN: usize = 1024;
        if depth > MAX_DEPTH || out.len() > MAX_LEN {
            return;
        }
        let mut push = |s: &str| {
            out.push_str(s);
            out.push(' ');
        };
        match &e.kind {
            ExprKind::Str(s) => push(s),
            ExprKind::Name(n) => {
                if let Some(var) = sc.vars.get(n) {
                    if let Some(t) = &var.text {
                        push(t);
                    }
                    if let Some(h) = &var.hints {
                        push(h);
                    }
                }
            }
            ExprKind::Member { object, .. } | ExprKind::Index { object, .. } => {
                self.hints(object, sc, out, depth + 1)
            }
            ExprKind::Call { callee, args, .. } => {
                self.hints(callee, sc, out, depth + 1);
                for a in args {
                    self.hints(&a.value, sc, out, depth + 1);
                }
            }
            ExprKind::Object(entries) => {
                for (_, v) in entries {
                    self.hints(v, sc, out, depth + 1);
                }
            }
            ExprKind::Array(items) | ExprKind::Either(items) => {
                for v in items {
                    self.hints(v, sc, out, depth + 1);
                }
            }
            ExprKind::Format(_) => {
                if let Some(s) = self.const_string(e, sc) {
                    push(&s);
                }
            }
            _ => {}
        }
    }

    /// The constant string an expression evaluates to, as far as it is
    /// known: literals, constants, and the literal prefix of string building.
    fn const_string(&self, e: &Expr, sc: &Scope) -> Option<String> {
        match &e.kind {
            ExprKind::Str(s) => Some(s.clone()),
            ExprKind::Name(n) => sc.vars.get(n).and_then(|v| v.text.clone()),
            ExprKind::Format(parts) => {
                let mut out = String::new();
                for p in parts {
                    match self.const_string(p, sc) {
                        Some(s) => out.push_str(&s),
                        None => {
                            // Keep the known prefix: enough for a host or a verb.
                            out.push_str("{}");
                            break;
                        }
                    }
                }
                (!out.starts_with("{}")).then_some(out)
            }
            // `"https://x/{}".format(a)`, `fmt.Sprintf("https://x/%s", a)`,
            // `String.format(...)`, `format!(...)`: the template up to its
            // first placeholder.
            ExprKind::Call { callee, args, .. } => {
                let wrapper = match &callee.kind {
                    ExprKind::Name(m) | ExprKind::Member { property: m, .. } => {
                        self.rules.string_wrappers.contains(m.as_str())
                    }
                    _ => false,
                };
                if wrapper && args.len() == 1 {
                    return self.const_string(&args[0].value, sc);
                }
                let template = match &callee.kind {
                    ExprKind::Member { object, property }
                        if property == "format" && object.as_str().is_some() =>
                    {
                        self.const_string(object, sc)
                    }
                    ExprKind::Member { property: m, .. } | ExprKind::Name(m)
                        if matches!(m.as_str(), "Sprintf" | "format" | "format!" | "formatted") =>
                    {
                        args.first().and_then(|a| self.const_string(&a.value, sc))
                    }
                    _ => None,
                }?;
                let end = template.find(['{', '%']).unwrap_or(template.len());
                (end > 0).then(|| format!("{}{{}}", &template[..end]))
            }
            _ => None,
        }
    }
}
