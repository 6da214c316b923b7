//! What names and paths stand for: a variable's origin, an import, the
//! class a receiver names, a field's declared type. Callees and request
//! containers are matched on these resolved paths as well as as written.

use super::FileCx;
use super::paths::MAX_PATH_SEGMENTS;
use super::scope::{Scope, Var};
use crate::ir::{Expr, ExprKind};

impl FileCx<'_> {
    /// Whether `name` stands for the enclosing object in a method (`self`,
    /// `this`, `cls`: a receiver name of any language).
    pub(super) fn is_self(&self, name: &str) -> bool {
        self.rules.receiver_names.contains(name)
    }

    /// The name that owns a field: `user` in `user.name`, the class for
    /// `self.name`, the declared type of a variable.
    pub(super) fn owner_of(&self, object: &Expr, sc: &Scope) -> Option<String> {
        match &object.kind {
            ExprKind::Name(n) if self.is_self(n) => sc.class.clone(),
            ExprKind::Name(n) => Some(
                sc.vars
                    .get(n)
                    .and_then(|v| v.ty.clone())
                    .map_or_else(|| n.clone(), |t| format!("{n} {t}")),
            ),
            ExprKind::Member { property, .. } => Some(property.clone()),
            ExprKind::Call { callee, .. } => match &callee.kind {
                ExprKind::Member { property, .. } | ExprKind::Name(property) => {
                    Some(property.clone())
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// The owner a field of variable `owner` is classified with: the class
    /// for `self`.
    pub(super) fn owner_name<'s>(&self, owner: &'s str, sc: &'s Scope) -> &'s str {
        if self.is_self(owner) {
            sc.class.as_deref().unwrap_or(owner)
        } else {
            owner
        }
    }

    /// The class, struct or interface a declared type names, when this
    /// file declares it (`models.Member` -> `Member`), and its fields.
    pub(super) fn declared_class<'t>(&self, ty: &'t str) -> Option<(&'t str, &[String])> {
        let class = ty.rsplit(['.', ':']).next().unwrap_or(ty);
        self.class_fields.get(class).map(|f| (class, f.as_slice()))
    }

    pub(super) fn resolve_type(&self, ty: &str) -> String {
        let (head, rest) = ty.split_once('.').map_or((ty, None), |(h, r)| (h, Some(r)));
        match (self.imports.get(head), rest) {
            (Some(path), Some(rest)) => format!("{path}.{rest}"),
            (Some(path), None) => path.to_string(),
            _ => ty.to_string(),
        }
    }

    /// The variable `name`, created on first write with the origin the name
    /// had (an import such as `Sentry` keeps resolving after `Sentry.setUser(..)`).
    pub(super) fn var_mut<'s>(&self, name: &str, sc: &'s mut Scope) -> &'s mut Var {
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

    /// A dotted name as written (a decorator: `router.post`), its first
    /// part resolved.
    pub(super) fn resolve_dotted(&self, dotted: &str, sc: &Scope) -> String {
        let (head, rest) = dotted.split_once('.').unwrap_or((dotted, ""));
        let resolved = self.resolve_name(head, sc);
        if rest.is_empty() {
            resolved
        } else {
            format!("{resolved}.{rest}")
        }
    }

    pub(super) fn resolve_name(&self, name: &str, sc: &Scope) -> String {
        if let Some(var) = sc.vars.get(name) {
            return var.origin.clone().unwrap_or_else(|| name.to_string());
        }
        if self.is_self(name)
            && let Some(class) = &sc.class
        {
            return class.clone();
        }
        // Only where methods read fields by bare name (Java); elsewhere a
        // bare name that matches a field (`http` in a Go method of a struct
        // with an `http *http.Client` field) is an import or a local.
        if self.lang.conventions.receiver.bare_fields
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
    pub(super) fn path_with_argument(&self, callee: &Expr, sc: &Scope) -> Option<String> {
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
    pub(super) fn resolved(&self, e: &Expr, sc: &Scope) -> Option<String> {
        self.resolved_within(e, sc, MAX_PATH_SEGMENTS)
    }

    fn resolved_within(&self, e: &Expr, sc: &Scope, segments: usize) -> Option<String> {
        let inner = |e: &Expr| {
            segments
                .checked_sub(1)
                .and_then(|s| self.resolved_within(e, sc, s))
        };
        match &e.kind {
            ExprKind::Name(n) => Some(self.resolve_name(n, sc)),
            ExprKind::Member { object, property } => {
                let base = inner(object)?;
                if let Some(t) = self.fields.get(&(base.clone(), property.clone())) {
                    return Some(t.clone());
                }
                Some(format!("{base}.{property}"))
            }
            ExprKind::Call { callee, args, .. } => {
                let function = inner(callee)?;
                // `inject(HttpClient)` is an `HttpClient`.
                if self.lang.conventions.injects(&function)
                    && let Some(ty) = args.first().and_then(|a| inner(&a.value))
                {
                    return Some(ty);
                }
                Some(format!("{function}()"))
            }
            ExprKind::Index { object, .. } => Some(format!("{}[]", inner(object)?)),
            _ => Some("?".to_string()),
        }
    }

    /// The resolved path a value expression gives a variable it is assigned
    /// to: a call's result, an alias of another name or member.
    pub(super) fn origin_of(&self, e: &Expr, sc: &Scope) -> Option<String> {
        match &e.kind {
            ExprKind::Call { .. } | ExprKind::Name(_) | ExprKind::Member { .. } => {
                self.resolved(e, sc)
            }
            _ => None,
        }
    }

    /// Where the leftmost name of a callee comes from: an import, or the
    /// call or type a variable was made from (`boto3.client()`).
    pub(super) fn root_origin(&self, call: &Expr, sc: &Scope) -> Option<String> {
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
}
