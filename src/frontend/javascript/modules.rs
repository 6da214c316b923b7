//! Imports and exports: `import` declarations, `require('m')` bound to a name,
//! destructured or used in place, re-exports, and the module's default
//! export.

use tree_sitter::Node;

use crate::frontend::tree::{named_children, span, unquote};
use crate::ir::{Expr, ExprKind, Import, Span, Stmt, Target};

use super::{Lower, field, name_expr, property_key};

/// `export default value` and `module.exports = value` bind the module's
/// default export, a module-level name `default` other files' calls on the
/// module resolve through (`export default new Mailer()`).
pub(super) fn default_export(value: Expr, sp: Span, out: &mut Vec<Stmt>) {
    out.push(Stmt::Assign {
        target: Target::Place(name_expr("default", sp)),
        ty: None,
        value: Some(value),
        span: sp,
    });
}

/// `export { a, b as c } from './x'` imports and re-exports `a` and `c`;
/// `export * from './x'` re-exports all of `./x` under a name no identifier
/// can shadow, `*./x`. Each becomes a module-level name whose origin is
/// the path it re-exports, so that calls through an `index` barrel reach
/// the module that defines them.
pub(super) fn re_export(lx: &mut Lower, node: Node, source: String, out: &mut Vec<Stmt>) {
    let sp = span(node);
    let mut names = Vec::new();
    for part in named_children(node) {
        match part.kind() {
            "export_clause" => {
                for spec in named_children(part) {
                    let Some(name) = field(spec, "name") else {
                        continue;
                    };
                    let local = property_key(lx, field(spec, "alias").unwrap_or(name));
                    let imported = property_key(lx, name);
                    names.push((local, format!("{source}.{imported}")));
                }
            }
            // `export * as ns from './x'`
            "namespace_export" => {
                if let Some(local) = named_children(part).first() {
                    names.push((property_key(lx, *local), source.clone()));
                }
            }
            _ => {}
        }
    }
    if names.is_empty() && lx.cx.text(node).contains('*') {
        names.push((format!("*{source}"), source));
    }
    for (local, path) in names {
        add_import(lx, local.clone(), path);
        out.push(Stmt::Assign {
            target: Target::Place(name_expr(&local, sp)),
            ty: None,
            value: Some(name_expr(&local, sp)),
            span: sp,
        });
    }
}

pub(super) fn import(lx: &mut Lower, node: Node) {
    let Some(source) = field(node, "source").map(|s| unquote(lx.cx.text(s))) else {
        // `import x = require('m')`
        for child in named_children(node) {
            if child.kind() == "import_require_clause" {
                let local = named_children(child)
                    .into_iter()
                    .find(|c| c.kind() == "identifier");
                if let (Some(local), Some(s)) = (local, field(child, "source")) {
                    let path = unquote(lx.cx.text(s));
                    add_import(lx, lx.text(local), path);
                }
            }
        }
        return;
    };
    for clause in named_children(node) {
        if clause.kind() != "import_clause" {
            continue;
        }
        for part in named_children(clause) {
            match part.kind() {
                // `import x from 'm'`
                "identifier" => add_import(lx, lx.text(part), source.clone()),
                // `import * as ns from 'm'`
                "namespace_import" => {
                    if let Some(local) = named_children(part).first() {
                        add_import(lx, lx.text(*local), source.clone());
                    }
                }
                // `import { a, b as c } from 'm'`
                "named_imports" => {
                    for spec in named_children(part) {
                        let Some(name) = field(spec, "name") else {
                            continue;
                        };
                        let local = field(spec, "alias").unwrap_or(name);
                        let imported = property_key(lx, name);
                        add_import(lx, lx.text(local), format!("{source}.{imported}"));
                    }
                }
                _ => {}
            }
        }
    }
}

fn add_import(lx: &mut Lower, local: String, path: String) {
    // `node:fs` is another spelling of the built-in module `fs`.
    let path = match path.strip_prefix("node:") {
        Some(builtin) => builtin.to_string(),
        None => path,
    };
    lx.cx.ir.imports.push(Import { local, path });
}

/// The module specifier of `require('m')` or `import('m')`.
pub(super) fn required_module(lx: &Lower, node: Node) -> Option<String> {
    if node.kind() != "call_expression" {
        return None;
    }
    let callee = field(node, "function")?;
    if !(callee.kind() == "import" || lx.cx.text(callee) == "require") {
        return None;
    }
    let args = named_children(field(node, "arguments")?);
    match args.as_slice() {
        [spec] if spec.kind() == "string" => Some(unquote(lx.cx.text(*spec))),
        _ => None,
    }
}

/// `const x = require('m')`, `const { a, b: c } = require('m')`,
/// `const y = require('m').z` become imports. Returns whether it did.
pub(super) fn require_import(lx: &mut Lower, target: Node, value: Node) -> bool {
    // Peel `await`, parentheses and member accesses without recursion.
    let mut members = Vec::new();
    let mut cur = value;
    let module = loop {
        match cur.kind() {
            "await_expression"
            | "parenthesized_expression"
            | "non_null_expression"
            | "as_expression" => match named_children(cur).first() {
                Some(inner) => cur = *inner,
                None => return false,
            },
            "member_expression" => {
                let (Some(object), Some(property)) = (field(cur, "object"), field(cur, "property"))
                else {
                    return false;
                };
                members.push(lx.text(property));
                cur = object;
            }
            _ => match required_module(lx, cur) {
                Some(m) => break m,
                None => return false,
            },
        }
    };
    members.reverse();
    let path = std::iter::once(module)
        .chain(members)
        .collect::<Vec<_>>()
        .join(".");
    match target.kind() {
        "identifier" => {
            add_import(lx, lx.text(target), path);
            true
        }
        "object_pattern" => {
            for child in named_children(target) {
                let (key, local) = match child.kind() {
                    "shorthand_property_identifier_pattern" => (lx.text(child), lx.text(child)),
                    "object_assignment_pattern" => match field(child, "left") {
                        Some(l) => (lx.text(l), lx.text(l)),
                        None => continue,
                    },
                    "pair_pattern" => match (field(child, "key"), field(child, "value")) {
                        (Some(k), Some(v)) if v.kind() == "identifier" => {
                            (property_key(lx, k), lx.text(v))
                        }
                        _ => continue,
                    },
                    _ => continue,
                };
                add_import(lx, local, format!("{path}.{key}"));
            }
            true
        }
        _ => false,
    }
}

/// A module used in place (`require('stripe')(key)`): a name no identifier
/// can shadow, imported from the module.
pub(super) fn module_name(lx: &mut Lower, module: String) -> ExprKind {
    let local = format!("require:{module}");
    if !lx.cx.ir.imports.iter().any(|i| i.local == local) {
        add_import(lx, local.clone(), module);
    }
    ExprKind::Name(local)
}
