//! Hash maps and sets for the scan's hot paths: the merges of findings,
//! the join's visited sets and the cache's index hash millions of keys on
//! a large tree, where the standard library's SipHash costs several per
//! cent of a scan. `foldhash` is several times faster and still seeded at
//! random per process, so a hostile repository cannot choose colliding
//! names in advance. Iteration order is random either way, as with the
//! standard hasher: output must not depend on it.

/// A hash map with a fast, randomly seeded hasher.
pub type Map<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with a fast, randomly seeded hasher.
pub type Set<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
