//! "Did you mean": the closest known key to a misspelt one.

/// The candidate closest to `word` by edit distance, if it is close enough
/// to be a plausible typo; a candidate whose last segment equals the word's
/// (`email` for `user.contact.email`) also counts.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let last = word.rsplit('.').next().unwrap_or(word);
    let mut best: Option<(usize, &str)> = None;
    for &c in candidates {
        let d = if c.rsplit('.').next() == Some(last) && c != word {
            1
        } else {
            distance(word, c)
        };
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (word.chars().count() / 3).max(2);
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
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
    }
}
