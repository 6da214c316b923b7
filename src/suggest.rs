//! "Did you mean": the closest known key to a misspelt one.

/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a plausible typo; a candidate whose last segment equals the word's
/// (`email` for `user.contact.email`) also counts.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let length = word.chars().count();
    // No key is this long: a longer word is no typo of one, and its
    // distance to every key would cost its length times theirs.
    if length > MAX_WORD {
        return None;
    }
    let limit = (length / 3).max(2);
    let last = word.rsplit('.').next().unwrap_or(word);
    let mut best: Option<(usize, &str)> = None;
    for &c in candidates {
        let d = if c.rsplit('.').next() == Some(last) && c != word {
            1
        } else if length.abs_diff(c.chars().count()) > limit {
            continue;
        } else {
            distance(word, c)
        };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

/// Words longer than this get no suggestion.
const MAX_WORD: usize = 128;

/// Levenshtein distance over characters, two rows at a time.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = Vec::with_capacity(b.len() + 1);
    for (i, ca) in a.chars().enumerate() {
        cur.clear();
        cur.push(i + 1);
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggestions() {
        let keys = [
            "user.contact.email",
            "user.contact.phone_number",
            "user.name",
        ];
        assert_eq!(
            closest("user.contact.emial", &keys),
            Some("user.contact.email")
        );
        assert_eq!(closest("user.email", &keys), Some("user.contact.email"));
        assert_eq!(closest("user.shoe_size", &keys), None);
        // A mangled value far longer than any key suggests nothing.
        assert_eq!(
            closest(&format!("user.name{}", "(".repeat(200)), &keys),
            None
        );
        assert_eq!(closest(&"(".repeat(1_000_000), &keys), None);
    }
}
