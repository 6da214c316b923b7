//! Intra-procedural data-flow over the IR: where personal data is read,
//! how it moves, and which sink it reaches.
//!
//! Each function is walked once in source order (`function`). Every value
//! carries a set of taints (a data category, the field it sits in, and the
//! trail it took) and a state (`value`). Names and fields are classified on
//! use (`expr`); request data produces `collected` flows (`sources`);
//! sanitizers return clean values and calls move data (`calls`); sink calls
//! turn the taints of their arguments into flows (`sinks`). Where a value
//! comes from another function (a parameter, the result of a call the file
//! cannot see into) it is a symbol, and what reaches sinks, returns and
//! calls is recorded in the file's summary (`summarize`, [`summary`]) for
//! the project join.

mod calls;
mod captured;
mod constants;
mod declared;
mod expr;
mod function;
mod hooks;
mod names;
mod pair_map;
mod paths;
mod scope;
mod sinks;
mod sources;
mod sql;
mod summarize;
pub mod summary;
mod trail;
mod truncation;
mod url;
mod value;

use std::cell::RefCell;
use std::collections::BTreeSet;

use rustc_hash::FxHashMap;

use crate::budget::Steps;
use crate::classify::{Classifier, Verdict, is_constant_name, tokens};
use crate::hash::{Map, Set};
use crate::ir::{FileIr, Span};
use crate::language::Language;
use crate::model::{CategoryId, Flow};
use crate::rules::{LanguageRules, Rules};
use function::signature;
use pair_map::PairMap;
use paths::getter_field;
use scope::Scope;
use summary::{Summary, Symbol};
use value::Taint;

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
    /// The budget ran out: what was found before is kept.
    pub over_budget: bool,
    /// Fields the file's model hooks and setters store hashed (normalized
    /// names): writes of them through the model are protected.
    pub protected_fields: Vec<String>,
}

/// Finds every flow in one file, and summarizes its functions, within
/// `budget` (a step per expression and statement walked).
pub fn analyze(
    ir: &FileIr,
    language: Language,
    rules: &Rules,
    classifier: &Classifier,
    options: &FlowOptions,
    budget: Steps,
) -> Analysis {
    let mut cx = FileCx::new(ir, language, rules, classifier, options, budget);
    if !options.local_only {
        cx.summary = Some(Summary {
            functions: ir
                .functions
                .iter()
                .map(|f| signature(f, &cx.lang.conventions, &ir.tests))
                .collect(),
            classes: ir
                .classes
                .iter()
                .filter_map(|c| {
                    let fields: Vec<(String, CategoryId)> = c
                        .fields
                        .iter()
                        .filter(|f| !rules.is_relation(f))
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
        let inputs = ir
            .classes
            .iter()
            .filter(|c| !c.bases.is_empty())
            .map(|c| cx.declared_input(c))
            .collect();
        if let Some(summary) = cx.summary.as_mut() {
            summary.inputs = inputs;
        }
    }
    cx.note_declared_protection(ir);
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
        cx.model_hook = cx.model_hook_of(f, i);
        cx.function(f, &base);
    }
    let summary = cx.summary.take();
    let over_budget = cx.steps.exceeded();
    let mut flows = cx.flows;
    flows.sort_by(|a, b| {
        (a.span, a.kind, a.category, &a.via).cmp(&(b.span, b.kind, b.category, &b.via))
    });
    flows.dedup_by(|a, b| {
        a.span == b.span && a.kind == b.kind && a.category == b.category && a.via == b.via
    });
    captured::collapse_captured_reads(&ir.functions, &mut flows);
    Analysis {
        flows,
        summary,
        over_budget,
        protected_fields: cx.protected_fields.into_iter().collect(),
    }
}

struct FileCx<'a> {
    rules: &'a Rules,
    lang: &'a LanguageRules,
    /// Field names of the classes, structs and DTOs declared in this file.
    class_fields: Map<String, Vec<String>>,
    /// (class, field) pairs a request bound into the class does not fill
    /// (Go's `json:"-"`).
    unbound_fields: Set<(String, String)>,
    /// Fields already collected from a request variable in this function:
    /// (variable, normalized field) -> its taint. Data is collected once,
    /// where it enters, however often it is read.
    collected: PairMap<Taint>,
    /// Request bodies of the current function whose type another file
    /// declares: parameter name -> index in `Summary::bodies`. Their reads
    /// are left to the join, which knows the type's fields.
    deferred: Map<String, usize>,
    /// Bind calls of this file given a body slot so far.
    bound: u16,
    /// (class, method) of the methods declared in this file.
    own_methods: Set<(String, String)>,
    classifier: &'a Classifier,
    options: &'a FlowOptions,
    imports: Map<&'a str, &'a str>,
    /// Packages imported whole, where an unbound class name may come from.
    wildcard_imports: &'a [String],
    /// (class, field) -> resolved type or origin.
    fields: PairMap<String>,
    /// (class, field) -> the resolved call that made the field's value,
    /// where the field also has a declared type (see `Var::made_by`).
    field_makers: PairMap<String>,
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
    symbol_ids: Map<Symbol, u32>,
    sink_ids: Map<(Span, String), u32>,
    /// Steps left to walk (see `crate::budget`).
    steps: Steps,
    /// Functions registered as model hooks (`schema.pre("save", fn)`).
    hook_functions: Set<usize>,
    /// What the current function is as model code, if anything.
    model_hook: Option<hooks::ModelHook>,
    /// Fields the file's model hooks store hashed (normalized names).
    protected_fields: BTreeSet<String>,
    /// The last read of request data whose key names nothing
    /// (`query.new`): its source and span, so that the variable it is
    /// read into can name it (`const newPassword = query.new`).
    silent_read: Option<(usize, Span)>,
    /// The expression of the statement being walked when its value is
    /// thrown away (`$this->validate($request, [..]);`).
    discarded: Option<Span>,
}

impl<'a> FileCx<'a> {
    fn new(
        ir: &'a FileIr,
        language: Language,
        rules: &'a Rules,
        classifier: &'a Classifier,
        options: &'a FlowOptions,
        steps: Steps,
    ) -> FileCx<'a> {
        let imports = ir
            .imports
            .iter()
            .map(|i| (i.local.as_str(), i.path.as_str()))
            .collect();
        let mut cx = FileCx {
            rules,
            lang: rules.language(language),
            class_fields: ir
                .classes
                .iter()
                .map(|c| {
                    (
                        c.name.clone(),
                        c.fields
                            .iter()
                            .filter(|f| !rules.is_relation(f))
                            .map(|f| f.name.clone())
                            .collect(),
                    )
                })
                .collect(),
            unbound_fields: ir
                .classes
                .iter()
                .flat_map(|c| {
                    c.fields
                        .iter()
                        .filter(|f| f.unserialized)
                        .map(|f| (c.name.clone(), f.name.clone()))
                })
                .collect(),
            collected: PairMap::default(),
            deferred: Map::default(),
            bound: 0,
            own_methods: ir
                .functions
                .iter()
                .filter_map(|f| Some((f.class.clone()?, f.name.to_string())))
                .collect(),
            classifier,
            options,
            imports,
            wildcard_imports: &ir.wildcard_imports,
            fields: PairMap::default(),
            field_makers: PairMap::default(),
            verdicts: RefCell::new(FxHashMap::default()),
            key_buffer: RefCell::new(String::new()),
            methods: RefCell::new(FxHashMap::default()),
            flows: Vec::new(),
            summary: None,
            current: None,
            symbol_ids: Map::default(),
            sink_ids: Map::default(),
            steps,
            hook_functions: Set::default(),
            model_hook: None,
            protected_fields: BTreeSet::new(),
            silent_read: None,
            discarded: None,
        };
        for class in &ir.classes {
            for field in &class.fields {
                if let Some(ty) = &field.ty {
                    let resolved = cx.resolve_type(ty);
                    cx.fields.insert(&class.name, &field.name, resolved);
                }
            }
        }
        cx
    }

    /// Classifies a name used as a variable or field; upper-case constants
    /// name configuration, never a person's data. The file keeps its own
    /// verdicts without a lock; the classifier keeps them across files.
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
}
