//! Imports: `use` trees and `extern crate` bind names to dotted paths, and
//! an imported name the file invokes as a macro imports the macro too.

use syn::UseTree;

use crate::frontend::tree::Ctx;
use crate::ir::{Expr, ExprKind, FileIr, Import, Stmt, Target};

/// `use a::b::{c, d as e, f::*};` binds `c -> a.b.c` and `e -> a.b.d`;
/// globs bind nothing nameable.
pub(super) fn use_tree(cx: &mut Ctx, tree: &UseTree, prefix: &mut Vec<String>) {
    if !cx.enter() {
        return;
    }
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            use_tree(cx, &p.tree, prefix);
            prefix.pop();
        }
        UseTree::Name(n) => {
            let name = n.ident.to_string();
            if name == "self" {
                if let Some(last) = prefix.last().cloned() {
                    add_import(cx, last, prefix.join("."));
                }
            } else {
                let path = joined(prefix, &name);
                add_import(cx, name, path);
            }
        }
        UseTree::Rename(r) => {
            let local = r.rename.to_string();
            let name = r.ident.to_string();
            let path = if name == "self" {
                prefix.join(".")
            } else {
                joined(prefix, &name)
            };
            if local != "_" && !path.is_empty() {
                add_import(cx, local, path);
            }
        }
        UseTree::Glob(_) => {}
        UseTree::Group(g) => {
            for t in &g.items {
                use_tree(cx, t, prefix);
            }
        }
    }
    cx.leave();
}

/// `extern crate serde_json as json;` binds `json -> serde_json`.
pub(super) fn extern_crate(cx: &mut Ctx, e: &syn::ItemExternCrate) {
    let path = e.ident.to_string();
    if path == "self" {
        return;
    }
    let local = e
        .rename
        .as_ref()
        .map(|(_, r)| r.to_string())
        .unwrap_or_else(|| path.clone());
    if local != "_" {
        add_import(cx, local, path);
    }
}

fn joined(prefix: &[String], name: &str) -> String {
    if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{}.{name}", prefix.join("."))
    }
}

fn add_import(cx: &mut Ctx, local: String, path: String) {
    cx.ir.imports.push(Import { local, path });
}

/// `use log::info;` also imports the macro `info!`: adds `info! -> log.info!`
/// for every imported name the file invokes as a macro.
pub(super) fn add_macro_imports(ir: &mut FileIr) {
    let mut invoked = Vec::new();
    let mut stack: Vec<&Expr> = Vec::new();
    let mut stmts: Vec<&Stmt> = ir.module.iter().collect();
    stmts.extend(ir.functions.iter().flat_map(|f| f.body.iter()));
    for s in stmts {
        match s {
            Stmt::Assign { target, value, .. } => {
                if let Target::Place(p) = target {
                    stack.push(p);
                }
                stack.extend(value.iter());
            }
            Stmt::Expr(e) => stack.push(e),
            Stmt::Return(v, _) => stack.extend(v.iter()),
        }
    }
    while let Some(e) = stack.pop() {
        match &e.kind {
            ExprKind::Call { callee, args, .. } => {
                if let ExprKind::Name(n) = &callee.kind
                    && n.ends_with('!')
                    && !invoked.contains(n)
                {
                    invoked.push(n.clone());
                }
                stack.push(callee);
                stack.extend(args.iter().map(|a| &a.value));
            }
            ExprKind::Member { object, .. } => stack.push(object),
            ExprKind::Index { object, index } => {
                stack.push(object);
                stack.push(index);
            }
            ExprKind::Format(items)
            | ExprKind::Array(items)
            | ExprKind::Either(items)
            | ExprKind::Opaque(items) => stack.extend(items.iter()),
            ExprKind::Object(entries) => stack.extend(entries.iter().map(|(_, v)| v)),
            ExprKind::Range { start, end } => stack.extend(start.iter().chain(end).map(|b| &**b)),
            ExprKind::Name(_)
            | ExprKind::Str(_)
            | ExprKind::Literal
            | ExprKind::Int(_)
            | ExprKind::Function(_) => {}
        }
    }
    let twins: Vec<Import> = ir
        .imports
        .iter()
        .filter(|i| {
            invoked
                .iter()
                .any(|m| m.strip_suffix('!') == Some(i.local.as_str()))
        })
        .map(|i| Import {
            local: format!("{}!", i.local),
            path: format!("{}!", i.path),
        })
        .collect();
    ir.imports.extend(twins);
}
