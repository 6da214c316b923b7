//! A map keyed by two names (a class and its field, a variable and the
//! field read from it), looked up with borrowed names. The flow engine
//! asks one on every member it resolves; a key of two owned strings cost
//! two allocations a question.

use crate::hash::Map;

#[derive(Debug)]
pub(super) struct PairMap<V>(Map<String, Map<String, V>>);

impl<V> Default for PairMap<V> {
    fn default() -> PairMap<V> {
        PairMap(Map::default())
    }
}

impl<V> PairMap<V> {
    pub(super) fn get(&self, first: &str, second: &str) -> Option<&V> {
        self.0.get(first)?.get(second)
    }

    pub(super) fn insert(&mut self, first: &str, second: &str, value: V) {
        self.inner(first).insert(second.to_string(), value);
    }

    /// Keeps `value()` unless the pair has a value already.
    pub(super) fn insert_if_absent(
        &mut self,
        first: &str,
        second: &str,
        value: impl FnOnce() -> V,
    ) {
        let inner = self.inner(first);
        if !inner.contains_key(second) {
            inner.insert(second.to_string(), value());
        }
    }

    pub(super) fn clear(&mut self) {
        self.0.clear();
    }

    fn inner(&mut self, first: &str) -> &mut Map<String, V> {
        if !self.0.contains_key(first) {
            self.0.insert(first.to_string(), Map::default());
        }
        self.0.get_mut(first).expect("inserted above")
    }
}

#[cfg(test)]
mod tests {
    use super::PairMap;

    #[test]
    fn values_are_found_by_both_names() {
        let mut map = PairMap::default();
        map.insert("User", "email", 1);
        map.insert("User", "phone", 2);
        map.insert("Order", "email", 3);
        assert_eq!(map.get("User", "email"), Some(&1));
        assert_eq!(map.get("Order", "email"), Some(&3));
        assert_eq!(map.get("Order", "phone"), None);
        assert_eq!(map.get("Email", "user"), None);
        map.insert_if_absent("User", "email", || 9);
        map.insert_if_absent("User", "name", || 4);
        assert_eq!(map.get("User", "email"), Some(&1), "kept");
        assert_eq!(map.get("User", "name"), Some(&4));
        map.clear();
        assert_eq!(map.get("User", "email"), None);
    }
}
