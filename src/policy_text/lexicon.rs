//! The phrases of `rules/policy-text/`, ready to search sentences with.
//!
//! Matching is case-insensitive. An English phrase matches whole words
//! only (a trailing `s` or `es` is allowed, so `email address` finds
//! `email addresses`); a Chinese phrase matches anywhere, as Chinese has
//! no spaces between words.

use std::collections::HashMap;

use regex::Regex;

use crate::rules::{PhraseSet, Rules};

/// One phrase, lowercased.
#[derive(Debug, Clone)]
pub struct Phrase {
    text: String,
    /// Whether it must start and end at word boundaries (ASCII edges).
    word_start: bool,
    word_end: bool,
}

impl Phrase {
    pub fn new(phrase: &str) -> Phrase {
        let text = phrase.to_ascii_lowercase();
        Phrase {
            word_start: text.starts_with(|c: char| c.is_ascii_alphanumeric()),
            word_end: text.ends_with(|c: char| c.is_ascii_alphanumeric()),
            text,
        }
    }

    /// The byte ranges where it occurs in `lowered` (a sentence passed
    /// through `to_ascii_lowercase`, so offsets are the sentence's own).
    pub fn find_all(&self, lowered: &str) -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(at) = lowered[from..].find(&self.text) {
            let start = from + at;
            let mut end = start + self.text.len();
            let before_ok = !self.word_start || !is_word_byte_before(lowered, start);
            let after_ok = !self.word_end || {
                for suffix in ["es", "s"] {
                    if lowered[end..].starts_with(suffix)
                        && !is_word_byte_at(lowered, end + suffix.len())
                    {
                        end += suffix.len();
                        break;
                    }
                }
                !is_word_byte_at(lowered, end)
            };
            if before_ok && after_ok {
                found.push((start, end));
            }
            from = start + self.text.len().max(1);
            // Stay on a character boundary.
            while from < lowered.len() && !lowered.is_char_boundary(from) {
                from += 1;
            }
        }
        found
    }
}

fn is_word_byte_at(text: &str, at: usize) -> bool {
    text.as_bytes()
        .get(at)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

fn is_word_byte_before(text: &str, at: usize) -> bool {
    at > 0 && is_word_byte_at(text, at - 1)
}

/// The phrases of one key.
#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub phrases: Vec<Phrase>,
}

impl Entry {
    fn from_set(set: &PhraseSet) -> Entry {
        Entry {
            key: set.key.clone(),
            phrases: set
                .en
                .iter()
                .chain(&set.zh)
                .map(|p| Phrase::new(p))
                .collect(),
        }
    }

    /// The first match in `lowered`.
    pub fn first_match(&self, lowered: &str) -> Option<(usize, usize)> {
        self.phrases.iter().flat_map(|p| p.find_all(lowered)).min()
    }

    /// Every match in `lowered`.
    pub fn matches(&self, lowered: &str) -> Vec<(usize, usize)> {
        let mut all: Vec<_> = self
            .phrases
            .iter()
            .flat_map(|p| p.find_all(lowered))
            .collect();
        all.sort_unstable();
        all
    }
}

/// A pattern for a number the text writes.
#[derive(Debug)]
pub struct ValuePattern {
    pub regex: Regex,
    /// The value of every match, for a pattern without a number.
    pub value: Option<u32>,
}

/// The whole lexicon, compiled.
#[derive(Debug)]
pub struct Lexicon {
    pub categories: Vec<Entry>,
    pub purposes: Vec<Entry>,
    pub sharing: Vec<Entry>,
    pub recipients: Vec<Entry>,
    pub residency: Vec<Entry>,
    pub retention: Vec<Entry>,
    pub cookie_kinds: Vec<Entry>,
    pub promises: Vec<Entry>,
    /// By the section they apply to.
    negations: HashMap<String, Entry>,
    contexts: HashMap<String, Entry>,
    pub age_patterns: Vec<ValuePattern>,
    pub retention_patterns: Vec<ValuePattern>,
}

impl Lexicon {
    /// The lexicon of `rules`; its patterns were compiled once already
    /// when the rules were validated.
    pub fn new(rules: &Rules) -> Lexicon {
        let text = &rules.policy_text;
        let entries = |sets: &[PhraseSet]| sets.iter().map(Entry::from_set).collect::<Vec<_>>();
        let by_section = |sets: &[PhraseSet]| {
            let mut map: HashMap<String, Entry> = HashMap::new();
            for set in sets {
                let entry = map.entry(set.key.clone()).or_insert_with(|| Entry {
                    key: set.key.clone(),
                    phrases: Vec::new(),
                });
                entry.phrases.extend(Entry::from_set(set).phrases);
            }
            map
        };
        let patterns = |field: &str| {
            text.patterns
                .iter()
                .filter(|p| p.field == field)
                .filter_map(|p| {
                    let regex = Regex::new(&format!("(?i){}", p.pattern)).ok()?;
                    Some(ValuePattern {
                        regex,
                        value: p.value,
                    })
                })
                .collect()
        };
        Lexicon {
            categories: entries(&text.categories),
            purposes: entries(&text.purposes),
            sharing: entries(&text.sharing),
            recipients: entries(&text.recipients),
            residency: entries(&text.residency),
            retention: entries(&text.retention),
            cookie_kinds: entries(&text.cookie_kinds),
            promises: entries(&text.promises),
            negations: by_section(&text.negations),
            contexts: by_section(&text.contexts),
            age_patterns: patterns("minimum_age"),
            retention_patterns: patterns("retention"),
        }
    }

    /// Whether a mention at `start` of `lowered` is negated for `section`:
    /// a negation of the section stands before it in the same sentence,
    /// and no break ("but", 但) between them ends its reach.
    pub fn negated(&self, section: &str, lowered: &str, start: usize) -> bool {
        let Some(last) = self
            .negations
            .get(section)
            .and_then(|n| n.matches(&lowered[..start]).into_iter().map(|m| m.1).max())
        else {
            return false;
        };
        let between = &lowered[last.min(start)..start];
        self.negations
            .get("breaks")
            .is_none_or(|b| b.first_match(between).is_none())
    }

    /// Whether `lowered` is a sentence where mentions of `section` count:
    /// always, unless the section has contexts.
    pub fn in_context(&self, section: &str, lowered: &str) -> bool {
        self.contexts
            .get(section)
            .is_none_or(|c| c.first_match(lowered).is_some())
    }

    /// Whether `lowered` holds one of the contexts of `section` (none when
    /// it has none).
    pub fn has_context(&self, section: &str, lowered: &str) -> bool {
        self.contexts
            .get(section)
            .is_some_and(|c| c.first_match(lowered).is_some())
    }

    /// Whether `lowered` holds an exception that cancels the mentions of
    /// `section` in it wherever they stand (`sharing_exceptions`).
    pub fn excepted(&self, section: &str, lowered: &str) -> bool {
        self.negations
            .get(&format!("{section}_exceptions"))
            .is_some_and(|n| n.first_match(lowered).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::Phrase;

    #[test]
    fn english_phrases_match_whole_words_and_plurals() {
        let p = Phrase::new("Email Address");
        assert_eq!(p.find_all("your email addresses."), vec![(5, 20)]);
        assert!(p.find_all("youremail address").is_empty());
        assert!(p.find_all("email addressed").is_empty());
        let ip = Phrase::new("IP address");
        assert_eq!(ip.find_all("ip addresses and ip address").len(), 2);
    }

    #[test]
    fn chinese_phrases_match_anywhere() {
        let p = Phrase::new("手机号码");
        assert_eq!(p.find_all("您的手机号码和手机号码").len(), 2);
    }
}
