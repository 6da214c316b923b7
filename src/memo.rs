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

impl<V> Memo<V> {
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
    pub fn get_or(&self, name: &str, work_out: impl FnOnce() -> V) -> V
    where
        V: Clone,
    {
        self.answer(
            name,
            |kept| Some(kept.clone()),
            work_out,
            |answers, answer| {
                answers.insert(name.into(), answer);
            },
        )
    }

    /// One part of the answer for `name`, for answers whose parts are
    /// worked out one at a time (which sink, which container... a callee
    /// path is): `read` finds the part in the answer kept; else `work_out`
    /// works it out and `keep` writes it into the answer (a new one starts
    /// from `V::default()`, while there is room).
    pub fn part_or<T: Clone>(
        &self,
        name: &str,
        read: impl Fn(&V) -> Option<T>,
        work_out: impl FnOnce() -> T,
        keep: impl FnOnce(&mut V, T),
    ) -> T
    where
        V: Default,
    {
        self.answer(name, read, work_out, |answers, part| {
            match answers.get_mut(name) {
                Some(kept) => keep(kept, part),
                None => keep(answers.entry(name.into()).or_default(), part),
            }
        })
    }

    /// What `read` finds in the answer kept for `name`, else `work_out`'s
    /// result, which `keep` writes into the answers when the name has one
    /// or there is room for one more.
    fn answer<T: Clone>(
        &self,
        name: &str,
        read: impl Fn(&V) -> Option<T>,
        work_out: impl FnOnce() -> T,
        keep: impl FnOnce(&mut Map<Box<str>, V>, T),
    ) -> T {
        if name.len() > self.max_name {
            return work_out();
        }
        // A poisoned lock holds answers all the same: each was whole when
        // it was written.
        let full = {
            let answers = self.answers.read().unwrap_or_else(|e| e.into_inner());
            let kept = answers.get(name);
            if let Some(found) = kept.and_then(&read) {
                return found;
            }
            kept.is_none() && answers.len() >= self.max_entries
        };
        let found = work_out();
        if !full {
            let mut answers = self.answers.write().unwrap_or_else(|e| e.into_inner());
            if answers.contains_key(name) || answers.len() < self.max_entries {
                keep(&mut answers, found.clone());
            }
        }
        found
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

    #[test]
    fn parts_of_an_answer_are_kept_together() {
        let memo: Memo<[Option<u32>; 2]> = Memo::new(1, 8);
        let worked = Cell::new(0);
        let part = |name: &str, i: usize, v: u32| {
            memo.part_or(
                name,
                |kept| kept[i],
                || {
                    worked.set(worked.get() + 1);
                    v
                },
                |kept, v| kept[i] = Some(v),
            )
        };
        assert_eq!(part("email", 0, 1), 1);
        assert_eq!(part("email", 0, 9), 1, "kept");
        // The memo is full, but a part of an answer it holds is kept.
        assert_eq!(part("email", 1, 2), 2);
        assert_eq!(part("email", 1, 9), 2, "kept");
        assert_eq!(worked.get(), 2);
        // A new name finds no room.
        assert_eq!(part("phone", 0, 3), 3);
        assert_eq!(part("phone", 0, 4), 4);
        assert_eq!(worked.get(), 4);
    }
}
