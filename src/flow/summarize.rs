//! The summary of a file's functions for the project join (see
//! [`super::summary`]): symbols for the values a function cannot know
//! (its parameters, the results of calls it cannot see into), and edges
//! from them, or from data, to sinks, returns and call arguments.

use super::FileCx;
use super::calls::Call;
use super::paths::field_of;
use super::scope::Scope;
use super::sinks::Whole;
use super::summary::{ArgSlot, CallSite, Edge, From, Node, Origin, Slot, Symbol, TypedObject};
use super::trail::Trail;
use super::value::{Label, Taint, Value};
use crate::ir::Span;
use crate::model::Flow;

impl FileCx<'_> {
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
    pub(super) fn seed(&mut self, value: &mut Value, slot: Slot, trail: Trail) {
        let Some(function) = self.current else { return };
        if let Some(id) = self.symbol(Symbol {
            origin: Origin::Param { function, slot },
            projection: None,
        }) {
            value.add(Taint {
                label: Label::Symbol(id),
                field: None,
                overwritten: Vec::new(),
                trail,
                weak: false,
            });
        }
    }

    /// Numbers a sink call reached by a symbol (its flow but for the
    /// category), once per call and sink.
    pub(super) fn number_sink(&mut self, template: Flow) -> Option<u32> {
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
    pub(super) fn edge(&mut self, t: &Taint, to: Node) {
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
            overwritten: t.overwritten.iter().map(|f| f.to_string()).collect(),
            trail: t.trail.steps(),
        });
    }

    /// Records every taint of `v` reaching `to`.
    pub(super) fn edges(&mut self, v: &Value, to: Node) {
        for t in &v.taints {
            self.edge(t, to);
        }
    }

    /// Records a call the file cannot see into, with the values passed to
    /// it; returns its result as a symbol.
    pub(super) fn call_site(&mut self, c: &Call, sc: &Scope) -> Value {
        let (e, method) = (c.expr, c.method);
        let (Some(function), Some(summary)) = (self.current, self.summary.as_mut()) else {
            return Value::default();
        };
        if method.is_empty() {
            return Value::default();
        }
        let call = summary.calls.len() as u32;
        let root = self.root_origin(e, sc);
        let summary = self.summary.as_mut().expect("checked above");
        summary.call_spans.push(e.span);
        summary.calls.push(CallSite::new(
            function,
            c.receiver.is_some(),
            method,
            root.as_deref(),
            c.paths(),
            c.args.iter().map(|a| a.name.as_deref()),
        ));
        if let Some((r, _)) = &c.receiver {
            self.edges(
                r,
                Node::Arg {
                    call,
                    slot: ArgSlot::Receiver,
                },
            );
        }
        for (i, v) in c.values.iter().enumerate().take(u16::MAX as usize) {
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
                overwritten: Vec::new(),
                trail: Trail::start(e.span, format!("returned by `{method}()`")),
                weak: false,
            });
        }
        out
    }

    /// Records that a variable reaches sink `sink` whole (see
    /// [`TypedObject`]). Only a named type can declare personal fields:
    /// `str`, `int` or `List<User>` cannot.
    pub(super) fn typed_object(&mut self, sink: u32, whole: Whole) {
        let Whole {
            name,
            ty,
            span,
            only,
        } = whole;
        let ty = ty.trim_start_matches(['*', '&']).trim_start_matches("mut ");
        let last = ty.rsplit(['.', ':']).next().unwrap_or(ty);
        if !last.starts_with(|c: char| c.is_ascii_uppercase())
            || !last.chars().all(|c| c.is_alphanumeric() || c == '_')
        {
            return;
        }
        let ty = self.resolve_type(ty);
        if let Some(summary) = self.summary.as_mut() {
            summary.objects.push(TypedObject {
                sink,
                ty,
                name,
                span,
                only,
            });
        }
    }

    /// Field `field` of `v`: the taints stored in it, and for a symbol
    /// taken whole, the symbol of that field.
    pub(super) fn project(&mut self, v: &Value, field: &str, span: Span, shown: &str) -> Value {
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
                    overwritten: Vec::new(),
                    trail: t.trail.then(span, format!("`{shown}`")),
                    weak: false,
                });
            }
        }
        out
    }
}
