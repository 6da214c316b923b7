//! A bounded memo shared by the threads of a scan: answers to a question
//! asked of a name (which sink a callee path is, what category a name
//! holds) that every file asks again. A project asks about the same few
//! thousand names over and over, and looking an answer up costs a fraction
//! of working it out.

use std::sync::RwLock;

use crate::hash::Map;

/// Answers by name, at most `max_entries` of them, each for a name of at
/// most `max_name` bytes, so that a memo stays within a few megabytes
/// however many distinct names a tree holds.
#[derive(Debug)]
pub struct Memo<V> {
    answers: RwLock<Map<Box<str>, V>>,
    max_entries: usize,
    max_name: usize,
}

impl<V: Clone> Memo<V> {
    /// An empty memo that keeps at most `max_entries` answers, each for a
    /// name of at most `max_name` bytes.
    pub fn new(max_entries: usize, max_name: usize) -> Memo<V> {
        Memo {
            answers: RwLock::default(),
            max_entries,
            max_name,
        }
    }

    /// The answer for `name`: the one kept, else `work_out`'s (kept while
    /// there is room).
    pub fn get_or(&self, name: &str, work_out: impl FnOnce() -> V) -> V {
        if name.len() > self.max_name {
            return work_out();
        }
        // A poisoned lock holds answers all the same: each was whole when
        // it was written.
        let full = {
            let answers = self.answers.read().unwrap_or_else(|e| e.into_inner());
            if let Some(answer) = answers.get(name) {
                return answer.clone();
            }
            answers.len() >= self.max_entries
        };
        let answer = work_out();
        if !full {
            let mut answers = self.answers.write().unwrap_or_else(|e| e.into_inner());
            if answers.len() < self.max_entries {
                answers.insert(name.into(), answer.clone());
            }
        }
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::Memo;
    use std::cell::Cell;

    #[test]
    fn answers_are_kept_within_the_bounds() {
        let memo = Memo::new(2, 8);
        let worked = Cell::new(0);
        let work = |v: u32| {
            worked.set(worked.get() + 1);
            v
        };
        assert_eq!(memo.get_or("email", || work(1)), 1);
        assert_eq!(memo.get_or("email", || work(9)), 1, "kept");
        assert_eq!(worked.get(), 1);
        assert_eq!(memo.get_or("phone", || work(2)), 2);
        // Full: a third name is worked out every time.
        assert_eq!(memo.get_or("name", || work(3)), 3);
        assert_eq!(memo.get_or("name", || work(4)), 4);
        // Too long to keep.
        assert_eq!(memo.get_or("a_long_name", || work(5)), 5);
        assert_eq!(memo.get_or("a_long_name", || work(6)), 6);
        assert_eq!(worked.get(), 6);
    }
}
