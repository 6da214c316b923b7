//! Model hooks: code of a model that runs before its objects are written
//! (a `@BeforeInsert` method, Django's `save` override, a Mongoose
//! `pre('save')` function) or a setter that stores its field hashed. A
//! field such code sets to a hashed or encrypted value is stored protected
//! wherever an object is saved through the model; the file reports these
//! fields and the scan lets ORM writes of them go (see `crate::scan`). A
//! model can also declare such fields in a map of field to storage kind
//! (Eloquent's `$casts = ['id_number' => 'encrypted']`).

use super::FileCx;
use super::value::{State, Value};
use crate::classify::normalized_name;
use crate::ir::{Arg, Expr, ExprKind, FileIr, Function, FunctionName, Stmt, Target};

/// How the function being walked writes to the model.
#[derive(Debug, Clone)]
pub(super) enum ModelHook {
    /// Runs before a write; `object` is the hook's first parameter when it
    /// is no method (`beforeCreate: async (user) => ..`), else the
    /// receiver (`self`, `this`).
    BeforeWrite { object: Option<String> },
    /// `setPassword(p)` of a class: the setter of `field`.
    Setter { field: String },
}

impl FileCx<'_> {
    /// What kind of model hook `f` (function `index` of the file) is.
    pub(super) fn model_hook_of(&self, f: &Function, index: usize) -> Option<ModelHook> {
        let spec = &self.rules.model_hooks;
        let FunctionName::Named(name) = &f.name else {
            return self
                .hook_functions
                .contains(&index)
                .then(|| self.before_write(f));
        };
        let decorated = f.decorators.iter().any(|d| {
            let last = d.rsplit('.').next().unwrap_or(d);
            spec.decorators.contains(last)
        });
        if decorated || spec.methods.contains(name.as_str()) || self.hook_functions.contains(&index)
        {
            return Some(self.before_write(f));
        }
        let field = self.method_info(name).setter?;
        (f.class.is_some() && f.params.len() == 1).then_some(ModelHook::Setter { field })
    }

    fn before_write(&self, f: &Function) -> ModelHook {
        let object = match f.class {
            Some(_) => None,
            None => f.params.first().map(|p| p.name.variable().into_owned()),
        };
        ModelHook::BeforeWrite { object }
    }

    /// Functions passed to a hook registration (`schema.pre("save", fn)`)
    /// are hooks themselves.
    pub(super) fn note_hook_registration(&mut self, method: &str, args: &[Arg]) {
        if !self.rules.model_hooks.registrations.contains(method) {
            return;
        }
        for a in args {
            if let ExprKind::Function(index) = a.value.kind {
                self.hook_functions.insert(index);
            }
        }
    }

    /// `has_secure_password` in a class body: the model stores the fields
    /// it names only hashed. A call the rules give no fields protects those
    /// its arguments name (`encrypts :ssn, :phone, deterministic: true`).
    pub(super) fn note_protecting_call(&mut self, method: &str, args: &[Arg]) {
        let Some(fields) = self.rules.model_hooks.protecting_calls.get(method) else {
            return;
        };
        let Some(first) = fields.first() else {
            let named = args.iter().filter(|a| a.name.is_none());
            for field in named.filter_map(|a| a.value.as_str()) {
                self.protected_fields.insert(normalized_name(field));
            }
            return;
        };
        let named = args.first().and_then(|a| a.value.as_str());
        for field in fields {
            let field = match named {
                Some(n) => field.replacen(first.as_str(), n, 1),
                None => field.clone(),
            };
            self.protected_fields.insert(normalized_name(&field));
        }
    }

    /// `this.setDataValue('password', hash(p))`: a field writer of the
    /// rules writes the field its first argument names.
    pub(super) fn note_field_writer(
        &mut self,
        method: &str,
        receiver: Option<&str>,
        args: &[Arg],
        values: &[Value],
    ) {
        if !self.rules.model_hooks.field_writers.contains(method) {
            return;
        }
        let (Some(owner), Some(field), Some(v)) = (
            receiver,
            args.first().and_then(|a| a.value.as_str()),
            values.get(1),
        ) else {
            return;
        };
        self.note_protected_write(owner, field, v);
    }

    /// `owner.field = v` in the current function: a model hook that hashes
    /// the field protects it.
    pub(super) fn note_protected_write(&mut self, owner: &str, field: &str, v: &Value) {
        if v.state != State::Sanitized {
            return;
        }
        let protects = match &self.model_hook {
            Some(ModelHook::BeforeWrite { object }) => {
                self.is_self(owner) || object.as_deref() == Some(owner)
            }
            Some(ModelHook::Setter { field: set }) => {
                self.is_self(owner) && normalized_name(field) == normalized_name(set)
            }
            None => false,
        };
        if protects {
            self.protected_fields.insert(normalized_name(field));
        }
    }

    /// Fields a model class declares stored protected in a map of field to
    /// storage kind: Eloquent's `protected $casts = ['password' =>
    /// 'hashed', 'id_number' => 'encrypted']`, or the same array returned
    /// by its `casts()` method. The names of such maps and the kinds that
    /// protect are the rules' `model_hooks.protection_maps`.
    pub(super) fn note_declared_protection(&mut self, ir: &FileIr) {
        let maps = &self.rules.model_hooks.protection_maps;
        if maps.names.is_empty() {
            return;
        }
        let mut found = Vec::new();
        for f in ir.functions.iter().filter(|f| f.class.is_some()) {
            let returns_map = matches!(&f.name, FunctionName::Named(n) if maps.names.contains(n));
            for stmt in &f.body {
                let map = match stmt {
                    Stmt::Assign {
                        target: Target::Place(place),
                        value: Some(value),
                        ..
                    } if self.is_own_field(place, &maps.names) => value,
                    Stmt::Return(Some(value), _) if returns_map => value,
                    _ => continue,
                };
                found.extend(protected_entries(map, &maps.kinds));
            }
        }
        self.protected_fields.extend(found);
    }

    /// `this.casts` (or `self.casts`) for a name in `names`.
    fn is_own_field(&self, place: &Expr, names: &std::collections::HashSet<String>) -> bool {
        matches!(&place.kind, ExprKind::Member { object, property }
            if names.contains(property)
                && matches!(&object.kind, ExprKind::Name(r) if self.is_self(r)))
    }
}

/// The keys of a map literal whose value is a protecting kind (`encrypted`,
/// or `encrypted:array`: the part before `:`), as normalized names.
fn protected_entries<'e>(
    map: &'e Expr,
    kinds: &'e std::collections::HashSet<String>,
) -> impl Iterator<Item = String> + 'e {
    let entries = match &map.kind {
        ExprKind::Object(entries) => entries.as_slice(),
        _ => &[],
    };
    entries.iter().filter_map(|(key, kind)| {
        let (key, kind) = (key.as_deref()?, kind.as_str()?);
        let kind = kind.split(':').next().unwrap_or(kind);
        kinds.contains(kind).then(|| normalized_name(key))
    })
}
