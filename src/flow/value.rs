//! Values as the flow engine sees them: the data categories they carry
//! (taints, each with its trail and the field it sits in) and their state.

use std::rc::Rc;

use super::trail::Trail;
use crate::classify::normalized_name;
use crate::ir::Span;
use crate::model::CategoryId;

/// What a taint stands for: a data category, or (for the cross-function
/// summary) a symbolic value such as a parameter or a call's result, whose
/// categories are only known once the project's calls are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Label {
    Data(CategoryId),
    Symbol(u32),
}

#[derive(Debug, Clone)]
pub(super) struct Taint {
    /// Inferred from the name of a parameter (`def f(phone)`): true of this
    /// function's use, but no fact about what its callers pass, so it is
    /// not returned to them.
    pub(super) weak: bool,
    pub(super) label: Label,
    /// The field of an object this taint sits in (`email` of `user`).
    pub(super) field: Option<Rc<str>>,
    /// For a symbol standing for a whole object: the fields written over
    /// since it arrived (`dto.setPassword(encode(..))`), as normalized
    /// names. What arrives in them later does not come out of this value.
    pub(super) overwritten: Vec<Rc<str>>,
    pub(super) trail: Trail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum State {
    #[default]
    Plain,
    /// A literal or constant: never a person's data.
    Literal,
    /// Hashed, masked or encrypted.
    Sanitized,
    /// Request data whose fields are collected on access (source index).
    Container(usize),
}

#[derive(Debug, Clone, Default)]
pub(super) struct Value {
    pub(super) taints: Vec<Taint>,
    pub(super) state: State,
}

impl Taint {
    pub(super) fn data(category: CategoryId, trail: Trail) -> Taint {
        Taint {
            label: Label::Data(category),
            field: None,
            overwritten: Vec::new(),
            trail,
            weak: false,
        }
    }
}

/// Symbols one value may carry: beyond this, generated code that folds many
/// call results into one value (`s = s + part(s)`, thousands of times) would
/// make the summary grow with the square of its length.
const MAX_SYMBOLS: usize = 8;

impl Value {
    pub(super) fn literal() -> Value {
        Value {
            taints: Vec::new(),
            state: State::Literal,
        }
    }

    pub(super) fn sanitized() -> Value {
        Value {
            taints: Vec::new(),
            state: State::Sanitized,
        }
    }

    pub(super) fn container(source: usize) -> Value {
        Value {
            taints: Vec::new(),
            state: State::Container(source),
        }
    }

    pub(super) fn has(&self, category: CategoryId) -> bool {
        self.taints.iter().any(|t| t.label == Label::Data(category))
    }

    /// Whether the value carries any data category (symbols do not count).
    pub(super) fn has_data(&self) -> bool {
        self.taints
            .iter()
            .any(|t| matches!(t.label, Label::Data(_)))
    }

    pub(super) fn add(&mut self, taint: Taint) {
        if let Some(existing) = self
            .taints
            .iter_mut()
            .find(|t| t.label == taint.label && t.field == taint.field)
        {
            if (existing.weak && !taint.weak) || taint.trail.len() > existing.trail.len() {
                *existing = taint;
            }
        } else if matches!(taint.label, Label::Data(_))
            || self
                .taints
                .iter()
                .filter(|t| matches!(t.label, Label::Symbol(_)))
                .count()
                < MAX_SYMBOLS
        {
            self.taints.push(taint);
        }
    }

    pub(super) fn merge(&mut self, other: Value) {
        for t in other.taints {
            self.add(t);
        }
    }

    /// The same data as a whole value, fields forgotten (string building).
    pub(super) fn flattened(self) -> Value {
        let mut out = Value::default();
        for mut t in self.taints {
            t.field = None;
            out.add(t);
        }
        out
    }

    /// Every taint labelled as field `field`.
    pub(super) fn into_field(self, field: &str) -> Value {
        let f: Rc<str> = Rc::from(field);
        let mut out = Value::default();
        for mut t in self.taints {
            t.field = Some(f.clone());
            out.add(t);
        }
        out
    }

    /// Taints that sit in no field yet now sit in `field`, as a value does
    /// once written to a model's column by keyword (`create!(password: p)`);
    /// those of a whole object's fields keep theirs.
    pub(super) fn in_field_unless_known(self, field: &str) -> Value {
        let f: Rc<str> = Rc::from(field);
        let mut out = Value::default();
        for mut t in self.taints {
            t.field.get_or_insert_with(|| f.clone());
            out.add(t);
        }
        out
    }

    /// Field `field` of this value now holds `new` alone, as after
    /// `user.password = hash(..)`: what it held before is gone, and a
    /// whole object arriving from elsewhere no longer brings that field.
    pub(super) fn overwrite_field(&mut self, field: &str, new: Value) {
        let name = normalized_name(field);
        self.taints.retain(|t| {
            t.field
                .as_deref()
                .is_none_or(|f| normalized_name(f) != name)
        });
        for t in &mut self.taints {
            if matches!(t.label, Label::Symbol(_))
                && t.field.is_none()
                && !t.overwritten.iter().any(|f| **f == *name)
            {
                t.overwritten.push(Rc::from(name.as_str()));
            }
        }
        self.merge(new);
    }

    pub(super) fn then(mut self, span: Span, note: impl Fn() -> String) -> Value {
        if !self.taints.is_empty() {
            let note = note();
            for t in &mut self.taints {
                t.trail = t.trail.then(span, note.clone());
            }
        }
        self
    }
}
