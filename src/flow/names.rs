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
        self.resolved_name(name, sc).to_string()
    }

    /// What `name` stands for: a variable's origin, the class of `self`, a
    /// field's type, an import, or the name itself.
    fn resolved_name<'s>(&'s self, name: &'s str, sc: &'s Scope) -> &'s str {
        if let Some(var) = sc.vars.get(name) {
            return var.origin.as_deref().unwrap_or(name);
        }
        if self.is_self(name)
            && let Some(class) = &sc.class
        {
            return class;
        }
        // Only where methods read fields by bare name (Java); elsewhere a
        // bare name that matches a field (`http` in a Go method of a struct
        // with an `http *http.Client` field) is an import or a local.
        if self.lang.conventions.receiver.bare_fields
            && let Some(class) = &sc.class
            && let Some(t) = self.fields.get(class, name)
        {
            return t;
        }
        if let Some(path) = self.imports.get(name) {
            return path;
        }
        name
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
        let mut path = String::new();
        self.write_resolved(e, sc, segments, &mut path)?;
        Some(path)
    }

    /// Appends the resolved path of `e` to `out`, in one buffer where
    /// building each prefix as a string of its own cost an allocation a
    /// segment. On `None`, what was appended is to be dropped.
    fn write_resolved(
        &self,
        e: &Expr,
        sc: &Scope,
        segments: usize,
        out: &mut String,
    ) -> Option<()> {
        let inner = |e: &Expr, out: &mut String| {
            segments
                .checked_sub(1)
                .and_then(|s| self.write_resolved(e, sc, s, out))
        };
        let start = out.len();
        match &e.kind {
            ExprKind::Name(n) => out.push_str(self.resolved_name(n, sc)),
            ExprKind::Member { object, property } => {
                inner(object, out)?;
                if let Some(t) = self.fields.get(&out[start..], property) {
                    out.truncate(start);
                    out.push_str(t);
                } else {
                    out.push('.');
                    out.push_str(property);
                }
            }
            ExprKind::Call { callee, args, .. } => {
                inner(callee, out)?;
                let end = out.len();
                // `inject(HttpClient)` is an `HttpClient`.
                if self.lang.conventions.injects(&out[start..])
                    && let Some(a) = args.first()
                {
                    if inner(&a.value, out).is_some() {
                        out.replace_range(start..end, "");
                        return Some(());
                    }
                    out.truncate(end);
                }
                out.push_str("()");
            }
            ExprKind::Index { object, .. } => {
                inner(object, out)?;
                out.push_str("[]");
            }
            _ => out.push('?'),
        }
        Some(())
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
