//! What a policy text states, found sentence by sentence with the lexicon,
//! each statement with the sentence that shows it.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::document::{Document, truncate};
use super::lexicon::{Entry, Lexicon};

/// Longest quote, in characters; a longer sentence is quoted around the
/// phrase that matched.
const QUOTE_CHARS: usize = 160;

/// Where a statement was read: the sentence (or the part of it around
/// the phrase), its line and its clause.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Evidence {
    pub quote: String,
    pub line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

/// The promise key (`rules/policy-text/statements.yml`) of asking for
/// consent, which a manifest states with `consent: required` and a
/// `consent` section; the other promises it cannot state.
pub const CONSENT_PROMISE: &str = "consent";

/// One thing the text states, with its first evidence and how often the
/// text says it.
#[derive(Debug, Clone, Serialize)]
pub struct Statement<T> {
    pub value: T,
    pub evidence: Evidence,
    pub mentions: usize,
}

/// Whether the text says personal data goes to third parties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sharing {
    /// It says it is not shared (consent and the law aside).
    None,
    /// It says it is shared with third parties, named or not.
    Some,
}

/// Everything read from one policy.
#[derive(Debug, Serialize)]
pub struct Reading {
    pub title: Option<String>,
    /// `en`, `zh` or `zh+en`.
    pub language: &'static str,
    pub categories: Vec<Statement<String>>,
    pub purposes: Vec<Statement<String>>,
    /// The purposes stated in the clauses where each category is.
    pub category_purposes: BTreeMap<String, BTreeSet<String>>,
    pub sharing: Option<Statement<Sharing>>,
    pub recipients: Vec<Statement<String>>,
    pub residency: Vec<Statement<String>>,
    pub minimum_age: Option<Statement<u32>>,
    pub retention: Vec<Statement<String>>,
    pub cookie_kinds: Vec<Statement<String>>,
    /// Whether the text speaks of cookies or similar technologies at all.
    pub mentions_cookies: Option<Evidence>,
    /// Promises a manifest cannot check yet, by topic.
    pub promises: Vec<Statement<String>>,
}

/// Statements found so far, by value, in the order of the text.
struct Collected<T: Ord> {
    found: BTreeMap<T, Statement<T>>,
}

impl<T: Ord + Clone> Collected<T> {
    fn new() -> Self {
        Collected {
            found: BTreeMap::new(),
        }
    }

    fn add(&mut self, value: T, evidence: impl FnOnce() -> Evidence) {
        match self.found.get_mut(&value) {
            Some(s) => s.mentions += 1,
            None => {
                self.found.insert(
                    value.clone(),
                    Statement {
                        value,
                        evidence: evidence(),
                        mentions: 1,
                    },
                );
            }
        }
    }

    /// By value, so that the output does not depend on how the text
    /// orders its sections.
    fn into_vec(self) -> Vec<Statement<T>> {
        self.found.into_values().collect()
    }
}

/// Reads `doc` with `lexicon`.
pub fn read(doc: &Document, lexicon: &Lexicon) -> Reading {
    let mut categories = Collected::new();
    let mut purposes = Collected::new();
    let mut sharing: Collected<Sharing> = Collected::new();
    let mut recipients = Collected::new();
    let mut residency = Collected::new();
    let mut ages = Collected::new();
    let mut retention = Collected::new();
    let mut cookie_kinds = Collected::new();
    let mut promises = Collected::new();
    let mut mentions_cookies = None;
    // Per clause (None: before any), the categories and purposes in it.
    let mut clause_categories: BTreeMap<Option<usize>, BTreeSet<String>> = BTreeMap::new();
    let mut clause_purposes: BTreeMap<Option<usize>, BTreeSet<String>> = BTreeMap::new();
    let contexts = ClauseContexts::of(doc, lexicon);
    // The sentences each category is named in.
    let mut category_sentences: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (index, sentence) in doc.sentences.iter().enumerate() {
        let lowered = sentence.text.to_ascii_lowercase();
        let in_context = |section| {
            lexicon.in_context(section, &lowered) || contexts.holds(section, sentence.clause)
        };
        let evidence = |(start, end): (usize, usize)| Evidence {
            quote: quote(&sentence.text, start, end),
            line: sentence.line,
            clause: doc.clause_of(sentence).map(|c| c.label()),
        };
        for (key, at) in mentioned(&lexicon.categories, &lowered, |at| {
            !lexicon.negated("categories", &lowered, at.0)
        }) {
            clause_categories
                .entry(sentence.clause)
                .or_default()
                .insert(key.clone());
            category_sentences
                .entry(key.clone())
                .or_default()
                .insert(index);
            categories.add(key, || evidence(at));
        }
        for (key, at) in mentioned(&lexicon.purposes, &lowered, |_| true) {
            clause_purposes
                .entry(sentence.clause)
                .or_default()
                .insert(key.clone());
            purposes.add(key, || evidence(at));
        }
        let excepted = lexicon.excepted("sharing", &lowered);
        for (key, at) in mentioned(&lexicon.sharing, &lowered, |at| {
            !lexicon.negated("sharing", &lowered, at.0)
        }) {
            // Sharing only with consent or as the law requires is the
            // exception a promise not to share allows.
            if key == "some" && excepted {
                continue;
            }
            let value = if key == "none" {
                Sharing::None
            } else {
                Sharing::Some
            };
            sharing.add(value, || evidence(at));
        }
        for (key, at) in mentioned(&lexicon.recipients, &lowered, |_| true) {
            recipients.add(key, || evidence(at));
        }
        if in_context("residency") {
            for (key, at) in mentioned(&lexicon.residency, &lowered, |_| true) {
                residency.add(key, || evidence(at));
            }
        }
        if in_context("minimum_age") {
            for (age, at) in values(&lexicon.age_patterns, &sentence.text, "age", parse_age) {
                ages.add(age, || evidence(at));
            }
        }
        if in_context("retention") {
            for (key, at) in mentioned(&lexicon.retention, &lowered, |_| true) {
                retention.add(key, || evidence(at));
            }
            for (days, at) in values(&lexicon.retention_patterns, &sentence.text, "n", |n| {
                Some(n)
            }) {
                retention.add(format!("{days}d"), || evidence(at));
            }
        }
        if in_context("cookie_kinds") {
            if mentions_cookies.is_none() {
                mentions_cookies = Some(evidence((0, sentence.text.len())));
            }
            for (key, at) in mentioned(&lexicon.cookie_kinds, &lowered, |_| true) {
                cookie_kinds.add(key, || evidence(at));
            }
        }
        for (key, at) in mentioned(&lexicon.promises, &lowered, |_| true) {
            promises.add(key, || evidence(at));
        }
    }
    let mut category_purposes: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (clause, keys) in &clause_categories {
        for key in keys {
            let entry = category_purposes.entry(key.clone()).or_default();
            entry.extend(clause_purposes.get(clause).into_iter().flatten().cloned());
        }
    }
    // The age the text states first: a later one is usually another
    // threshold (a child under 14 among minors under 18).
    let minimum_age = ages
        .into_vec()
        .into_iter()
        .min_by_key(|s| (s.evidence.line, s.value));
    // Sharing with third parties outweighs a promise not to share (a
    // policy that "does not sell" data may still share it); a named
    // recipient is sharing too.
    let mut sharing = sharing.into_vec();
    let sharing = match sharing.iter().position(|s| s.value == Sharing::Some) {
        Some(i) => Some(sharing.swap_remove(i)),
        None => sharing.pop(),
    };
    Reading {
        title: doc.title.clone(),
        language: language(doc),
        categories: only_named_alone(categories.into_vec(), &category_sentences),
        purposes: purposes.into_vec(),
        category_purposes,
        sharing,
        recipients: recipients.into_vec(),
        residency: residency.into_vec(),
        minimum_age,
        retention: retention.into_vec(),
        cookie_kinds: cookie_kinds.into_vec(),
        mentions_cookies,
        promises: promises.into_vec(),
    }
}

/// The categories without those the text names only together with a more
/// specific one ("biometric information of facial features" is face data,
/// not every kind of biometric data).
fn only_named_alone(
    categories: Vec<Statement<String>>,
    sentences: &BTreeMap<String, BTreeSet<usize>>,
) -> Vec<Statement<String>> {
    let named_in = |key: &str| sentences.get(key).cloned().unwrap_or_default();
    let alone = |key: &str| {
        let mine = named_in(key);
        let with_finer: BTreeSet<usize> = sentences
            .iter()
            .filter(|(other, _)| other.starts_with(&format!("{key}.")))
            .flat_map(|(_, s)| s.iter().copied())
            .collect();
        !mine.is_subset(&with_finer)
    };
    categories.into_iter().filter(|c| alone(&c.value)).collect()
}

/// The clauses in which a section's context holds: a sentence of the
/// clause, or its title, holds one of the section's context phrases, so
/// that the items of a list under "We use cookies for:" count.
struct ClauseContexts {
    holding: BTreeSet<(&'static str, usize)>,
}

impl ClauseContexts {
    /// Retention and residency need the sentence itself: a clause that
    /// stores data may also speak of the law or of other countries.
    const SECTIONS: [&'static str; 2] = ["minimum_age", "cookie_kinds"];

    fn of(doc: &Document, lexicon: &Lexicon) -> ClauseContexts {
        let mut holding = BTreeSet::new();
        let titles = doc
            .clauses
            .iter()
            .enumerate()
            .map(|(i, c)| (Some(i), c.title.as_str()));
        let sentences = doc.sentences.iter().map(|s| (s.clause, s.text.as_str()));
        for (clause, text) in titles.chain(sentences) {
            let Some(clause) = clause else { continue };
            let lowered = text.to_ascii_lowercase();
            for section in Self::SECTIONS {
                if lexicon.has_context(section, &lowered) {
                    holding.insert((section, clause));
                }
            }
        }
        ClauseContexts { holding }
    }

    fn holds(&self, section: &'static str, clause: Option<usize>) -> bool {
        clause.is_some_and(|c| self.holding.contains(&(section, c)))
    }
}

/// Every key of `entries` some phrase of which occurs in `lowered` where
/// `counts` allows, with its first such match.
fn mentioned(
    entries: &[Entry],
    lowered: &str,
    counts: impl Fn((usize, usize)) -> bool,
) -> Vec<(String, (usize, usize))> {
    let mut found: Vec<(String, (usize, usize))> = Vec::new();
    // Longer phrases win over the shorter ones they contain ("IP address"
    // in "email address" would not, but "address" in "email address"
    // must not count as a postal address).
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut all: Vec<(&Entry, (usize, usize))> = entries
        .iter()
        .flat_map(|e| e.matches(lowered).into_iter().map(move |m| (e, m)))
        .collect();
    all.sort_by_key(|(_, (start, end))| (std::cmp::Reverse(end - start), *start));
    for (entry, at) in all {
        if taken.iter().any(|t| t.0 < at.1 && at.0 < t.1) {
            continue;
        }
        taken.push(at);
        if !counts(at) {
            continue;
        }
        match found.iter_mut().find(|(k, _)| *k == entry.key) {
            Some((_, first)) if at.0 < first.0 => *first = at,
            Some(_) => {}
            None => found.push((entry.key.clone(), at)),
        }
    }
    found
}

/// The values `patterns` find in `text`, with where.
fn values(
    patterns: &[super::lexicon::ValuePattern],
    text: &str,
    group: &str,
    parse: impl Fn(u32) -> Option<u32>,
) -> Vec<(u32, (usize, usize))> {
    let mut found = Vec::new();
    for p in patterns {
        for caps in p.regex.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            let value = match p.value {
                Some(v) => Some(v),
                None => caps
                    .name(group)
                    .and_then(|m| number(m.as_str()))
                    .map(|n| n * unit_days(caps.name("unit").map_or("", |u| u.as_str())))
                    .and_then(&parse),
            };
            if let Some(v) = value {
                found.push((v, (whole.start(), whole.end())));
            }
        }
    }
    found
}

/// Ages people give: a service's minimum lies between 6 and 21.
fn parse_age(age: u32) -> Option<u32> {
    (6..=21).contains(&age).then_some(age)
}

/// Days in a unit of time, English or Chinese; 1 for a day or no unit.
fn unit_days(unit: &str) -> u32 {
    let unit = unit.to_ascii_lowercase();
    if unit.starts_with("week") || unit.starts_with('周') || unit.starts_with('星') {
        7
    } else if unit.starts_with("month") || unit.contains('月') {
        30
    } else if unit.starts_with("year") || unit.starts_with('年') {
        365
    } else {
        1
    }
}

/// A number written in digits or in Chinese numerals up to 99 (`十四`,
/// `二十`).
pub fn number(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|d| d as u32)
    };
    let chars: Vec<char> = text.chars().filter(|c| *c != '两').collect();
    match chars.as_slice() {
        [c] => digit(*c).or((*c == '十').then_some(10)),
        ['十', c] => Some(10 + digit(*c)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', c] => Some(digit(*t)? * 10 + digit(*c)?),
        _ => None,
    }
}

/// `en`, `zh`, or `zh+en` when each script holds a fifth of the letters.
fn language(doc: &Document) -> &'static str {
    let (mut cjk, mut latin) = (0usize, 0usize);
    for s in &doc.sentences {
        for c in s.text.chars() {
            if ('\u{4e00}'..='\u{9fff}').contains(&c) {
                cjk += 1;
            } else if c.is_ascii_alphabetic() {
                // About five letters make a word, as one character does.
                latin += 1;
            }
        }
    }
    let latin = latin / 5;
    let total = (cjk + latin).max(1);
    match (cjk * 5 >= total, latin * 5 >= total) {
        (true, true) => "zh+en",
        (true, false) => "zh",
        _ => "en",
    }
}

/// The sentence, or the part of it around `start..end` when it is long.
fn quote(sentence: &str, start: usize, end: usize) -> String {
    if sentence.chars().count() <= QUOTE_CHARS {
        return sentence.to_string();
    }
    let before: Vec<char> = sentence[..start].chars().collect();
    let matched = &sentence[start..end];
    let after: Vec<char> = sentence[end..].chars().collect();
    let room = QUOTE_CHARS.saturating_sub(matched.chars().count());
    let take_before = (room / 3).min(before.len());
    let take_after = (room - take_before).min(after.len());
    let mut out = String::new();
    if take_before < before.len() {
        out.push('…');
    }
    out.extend(&before[before.len() - take_before..]);
    out.push_str(matched);
    out.extend(&after[..take_after]);
    if take_after < after.len() {
        out.push('…');
    }
    truncate(&out, QUOTE_CHARS + 2)
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn chinese_numerals() {
        assert_eq!(number("14"), Some(14));
        assert_eq!(number("十四"), Some(14));
        assert_eq!(number("十"), Some(10));
        assert_eq!(number("二十"), Some(20));
        assert_eq!(number("二十一"), Some(21));
        assert_eq!(number("百"), None);
    }
}
