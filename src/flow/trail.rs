//! The path data took: a shared, persistent list of steps.

use std::rc::Rc;

use crate::ir::Span;
use crate::model::Step;

/// Longest trail kept; later steps are dropped so that loops and long
/// functions cannot make trails grow without bound.
const MAX_STEPS: u16 = 16;

#[derive(Debug)]
struct Node {
    step: Step,
    prev: Option<Rc<Node>>,
    len: u16,
}

/// An immutable list of steps, cheap to clone and extend.
#[derive(Debug, Clone, Default)]
pub struct Trail(Option<Rc<Node>>);

impl Trail {
    pub fn start(span: Span, note: String) -> Trail {
        Trail::default().then(span, note)
    }

    pub fn len(&self) -> u16 {
        self.0.as_ref().map_or(0, |n| n.len)
    }

    /// This trail followed by one more step (unless it is already full or
    /// the step repeats the last one).
    pub fn then(&self, span: Span, note: String) -> Trail {
        if self.len() >= MAX_STEPS
            || self
                .0
                .as_ref()
                .is_some_and(|n| n.step.span == span && n.step.note == note)
        {
            return self.clone();
        }
        Trail(Some(Rc::new(Node {
            step: Step { span, note },
            prev: self.0.clone(),
            len: self.len() + 1,
        })))
    }

    /// The steps, first to last.
    pub fn steps(&self) -> Vec<Step> {
        let mut out = Vec::with_capacity(self.len() as usize);
        let mut cur = self.0.as_deref();
        while let Some(n) = cur {
            out.push(n.step.clone());
            cur = n.prev.as_deref();
        }
        out.reverse();
        out
    }
}
