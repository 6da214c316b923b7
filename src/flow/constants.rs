//! Constant strings: the text an expression is known to hold (URLs, SQL,
//! cookie names), and the constants a client was made with (endpoints,
//! region names), which say where data goes.

use super::FileCx;
use super::scope::Scope;
use crate::ir::{Expr, ExprKind};

impl FileCx<'_> {
    /// Appends the constant strings an expression is built from (a call's
    /// arguments and its receivers', object literal values, variables made
    /// by such calls): where a cloud client points.
    pub(super) fn hints(&self, e: &Expr, sc: &Scope, out: &mut String, depth: u8) {
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
    pub(super) fn const_string(&self, e: &Expr, sc: &Scope) -> Option<String> {
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
            // `String.format(...)`, `format!(...)` (the formatters of
            // rules/flow.yml): the template up to its first placeholder.
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
                        if self.rules.formatters.methods.contains(property)
                            && object.as_str().is_some() =>
                    {
                        self.const_string(object, sc)
                    }
                    ExprKind::Member { property: m, .. } | ExprKind::Name(m)
                        if self.rules.formatters.functions.contains(m) =>
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
