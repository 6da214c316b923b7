//! Helpers the front-ends' unit tests share to look into the IR they lower.

use crate::ir::{Expr, ExprKind, FileIr, Function, Param, ParamName, Stmt, Target};

/// The hoisted function called `name`.
pub fn func<'a>(ir: &'a FileIr, name: &str) -> &'a Function {
    ir.functions
        .iter()
        .find(|f| f.name.to_string() == name)
        .unwrap_or_else(|| panic!("no function {name}"))
}

/// The name of a parameter that is not a pattern.
pub fn param_name(p: &Param) -> &str {
    match &p.name {
        ParamName::Named(name) => name,
        ParamName::Pattern(position) => panic!("parameter {position} is a pattern"),
    }
}

/// A name, member or call chain as a dotted path (`a.b().c`).
pub fn path(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Member { object, property } => format!("{}.{property}", path(object)),
        ExprKind::Call { callee, .. } => format!("{}()", path(callee)),
        other => format!("<{other:?}>"),
    }
}

/// An assignment's target path, declared type and value.
pub fn assigned(stmt: &Stmt) -> (String, Option<&str>, Option<&Expr>) {
    match stmt {
        Stmt::Assign {
            target: Target::Place(t),
            ty,
            value,
            ..
        } => (path(t), ty.as_deref(), value.as_ref()),
        other => panic!("not an assignment: {other:?}"),
    }
}
