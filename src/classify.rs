//! Names to data categories: identifier normalisation and the classifier.
//!
//! An identifier is split into lower-case tokens (camelCase, snake_case,
//! kebab-case, dots, digits; a run of CJK characters is one token). A
//! category pattern matches a window of tokens joined without separators.
//! The longest match wins; it is then rejected when the surrounding words
//! say the name is metadata (`email_count`), protected (`password_hash`) or
//! lacks the person context an ambiguous word needs (`product.name`).

use crate::hash::{Map, Set};
use crate::memo::Memo;

use crate::model::CategoryId;
use crate::rules::Rules;

/// Longest window of tokens a pattern may span.
const MAX_WINDOW: usize = 6;

/// A name as compared across spellings: `idNumber`, `id_number`, `IdNumber`
/// (and `setIdNumber`'s field) are one.
pub fn normalized_name(name: &str) -> String {
    // An ASCII name's tokens are its letters and digits, lower-cased: no
    // need to find where each starts.
    if name.is_ascii() {
        return name
            .bytes()
            .filter(u8::is_ascii_alphanumeric)
            .map(|b| char::from(b.to_ascii_lowercase()))
            .collect();
    }
    char_tokens(name).concat()
}

/// Splits an identifier into normalized tokens.
pub fn tokens(ident: &str) -> Vec<String> {
    if ident.is_ascii() {
        ascii_tokens(ident)
    } else {
        char_tokens(ident)
    }
}

/// [`tokens`] of any identifier, read character by character.
fn char_tokens(ident: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = ident.chars().collect();
    let flush = |current: &mut String, out: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(std::mem::take(current).to_lowercase());
        }
    };
    for (i, &c) in chars.iter().enumerate() {
        let prev = if i > 0 { Some(chars[i - 1]) } else { None };
        let next = chars.get(i + 1).copied();
        if is_cjk(c) {
            if prev.is_some_and(|p| !is_cjk(p)) {
                flush(&mut current, &mut out);
            }
            current.push(c);
            continue;
        }
        if !c.is_alphanumeric() {
            flush(&mut current, &mut out);
            continue;
        }
        if let Some(p) = prev {
            let boundary = is_cjk(p)
                || (c.is_ascii_digit() != p.is_ascii_digit() && p.is_alphanumeric())
                || (c.is_uppercase() && p.is_lowercase())
                // `IDCard` -> `ID`, `Card`: an upper-case run ends before the
                // last capital that starts a lower-case word.
                || (c.is_uppercase() && p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()));
            if boundary {
                flush(&mut current, &mut out);
            }
        }
        current.push(c);
    }
    flush(&mut current, &mut out);
    out
}

/// [`tokens`] of an ASCII identifier, the same boundaries found on bytes:
/// each token is a run of the identifier, copied once.
fn ascii_tokens(ident: &str) -> Vec<String> {
    let bytes = ident.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &c) in bytes.iter().enumerate() {
        if !c.is_ascii_alphanumeric() {
            if let Some(s) = start.take() {
                out.push(ident[s..i].to_ascii_lowercase());
            }
            continue;
        }
        let Some(s) = start else {
            start = Some(i);
            continue;
        };
        // The token so far ends with `p`, a letter or a digit.
        let p = bytes[i - 1];
        let boundary = c.is_ascii_digit() != p.is_ascii_digit()
            || (c.is_ascii_uppercase() && p.is_ascii_lowercase())
            || (c.is_ascii_uppercase()
                && p.is_ascii_uppercase()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase));
        if boundary {
            out.push(ident[s..i].to_ascii_lowercase());
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(ident[s..].to_ascii_lowercase());
    }
    out
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

/// True for constant-style names (`EMAIL_REGEX`, `PHONE_FIELD`): they name
/// configuration, never a person's data.
pub fn is_constant_name(ident: &str) -> bool {
    let mut letters = ident.bytes().filter(u8::is_ascii_alphabetic);
    ident.is_ascii() && letters.clone().nth(1).is_some() && letters.all(|b| b.is_ascii_uppercase())
}

/// Why a name did or did not get a category, for `candor classify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Category {
        id: CategoryId,
        pattern: String,
    },
    NoMatch,
    /// An upper-case constant (decided by the flow engine, not here).
    Constant,
    Rejected {
        id: CategoryId,
        pattern: String,
        reason: RejectReason,
    },
}

/// Why a name that matched a category's pattern is not that category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RejectReason {
    /// A word says the value was made safe: hashed, masked or encrypted
    /// (`password_hash`, `masked_phone`).
    Protected(String),
    /// A word after the match makes it metadata about the data
    /// (`email_count`, `phone_verified`).
    MetadataAfter(String),
    /// A word before the match does the same (`is_email`, `has_phone`).
    MetadataBefore(String),
    /// The category's own exclude pattern matches.
    Excluded(String),
    /// The matched word is ambiguous and nothing names a person
    /// (`product.name`).
    NeedsPersonContext(String),
    /// The owner, or the word right before the match, is a thing, not a
    /// person (`Pet.birth_date`, `product.name`, `community_name`), and the
    /// name itself has no person word.
    OwnerIsAThing(String),
}

impl std::fmt::Display for RejectReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RejectReason::Protected(w) => write!(
                f,
                "`{w}` says the value is protected (hashed, masked or encrypted)"
            ),
            RejectReason::MetadataAfter(w) => write!(
                f,
                "`{w}` after the match makes it metadata about the data, not the data"
            ),
            RejectReason::MetadataBefore(w) => write!(
                f,
                "`{w}` before the match makes it metadata about the data, not the data"
            ),
            RejectReason::Excluded(e) => write!(f, "excluded by the category's `{e}` pattern"),
            RejectReason::NeedsPersonContext(p) => write!(
                f,
                "`{p}` is ambiguous and needs a person context (e.g. `user.{p}`)"
            ),
            RejectReason::OwnerIsAThing(t) => write!(
                f,
                "it belongs to a `{t}`, a thing rather than a person, and the name has no person word"
            ),
        }
    }
}

impl Verdict {
    pub fn category(&self) -> Option<CategoryId> {
        match self {
            Verdict::Category { id, .. } => Some(*id),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
struct Pattern {
    category: CategoryId,
    text: String,
    ambiguous: bool,
}

/// The compiled classifier.
#[derive(Debug)]
pub struct Classifier {
    /// Quick whole-file test: can any name in this text classify at all?
    prefilter: Prefilter,
    /// Joined pattern text -> patterns.
    by_text: Map<String, Vec<Pattern>>,
    /// Patterns written in CJK characters, matched by containment.
    cjk: Vec<Pattern>,
    excludes: Vec<Vec<String>>,
    non_data_suffixes: Set<String>,
    non_data_prefixes: Set<String>,
    protected: Set<String>,
    protected_exceptions: Set<String>,
    hashed_value_prefixes: Vec<String>,
    person_contexts: Set<String>,
    non_person_owners: Set<String>,
    owner_wrappers: Set<String>,
    getter_prefixes: Vec<String>,
    lookup_words: Set<String>,
    plural_lookup_verbs: Set<String>,
    /// Normalized browser-storage and cookie keys -> the category they keep.
    storage_keys: Map<String, CategoryId>,
    content_fields: Set<String>,
    /// Categories whose owners lend them to their content fields.
    content_categories: Set<CategoryId>,
    /// Verdicts given so far, by owner and name: files of a project name
    /// the same fields and variables again and again.
    verdicts: Memo<Verdict>,
}

/// At most this many verdicts are kept, each for an owner and name of at
/// most [`MAX_KEPT_NAME`] bytes together (see [`Memo`]): about 1.5 MB.
/// Keeping four times as many saved 0.2% of the instructions of a scan of
/// a real application, for 7 MB more memory.
const MAX_VERDICTS: usize = 1 << 13;
const MAX_KEPT_NAME: usize = 96;

/// Aho-Corasick automata over a file's letters: the unambiguous patterns,
/// and the ambiguous ones, which also need a person-context word.
#[derive(Debug)]
struct Prefilter {
    plain: aho_corasick::AhoCorasick,
    ambiguous: aho_corasick::AhoCorasick,
    contexts: aho_corasick::AhoCorasick,
}

impl Prefilter {
    fn new(plain: Vec<String>, ambiguous: Vec<String>, contexts: Vec<String>) -> Prefilter {
        let build = |words: Vec<String>| {
            aho_corasick::AhoCorasick::new(words.iter().filter(|w| !w.is_empty())).unwrap_or_else(
                |_| aho_corasick::AhoCorasick::new(["\u{0}"]).expect("a one-word automaton builds"),
            )
        };
        Prefilter {
            plain: build(plain),
            ambiguous: build(ambiguous),
            contexts: build(contexts),
        }
    }

    fn may_match(&self, text: &str) -> bool {
        // Lower-case letters and digits, non-ASCII kept, punctuation dropped:
        // `phone_number`, `phoneNumber` and `"phone number"` all read `phonenumber`.
        let folded: Vec<u8> = text
            .bytes()
            .filter(|b| !b.is_ascii() || b.is_ascii_alphanumeric())
            .map(|b| b.to_ascii_lowercase())
            .collect();
        self.plain.is_match(&folded)
            || (self.ambiguous.is_match(&folded) && self.contexts.is_match(&folded))
    }
}

fn normalize(pattern: &str) -> String {
    pattern
        .split_whitespace()
        .collect::<String>()
        .to_lowercase()
}

impl Classifier {
    pub fn new(rules: &Rules) -> Classifier {
        let mut by_text: Map<String, Vec<Pattern>> = Map::default();
        let mut cjk = Vec::new();
        let mut excludes = Vec::new();
        for (i, c) in rules.categories.iter().enumerate() {
            let id = i as CategoryId;
            let all = c
                .patterns
                .iter()
                .map(|p| (p, false))
                .chain(c.ambiguous.iter().map(|p| (p, true)));
            for (p, ambiguous) in all {
                let text = normalize(p);
                let pattern = Pattern {
                    category: id,
                    text: text.clone(),
                    ambiguous,
                };
                if text.chars().any(is_cjk) {
                    cjk.push(pattern);
                } else {
                    by_text.entry(text).or_default().push(pattern);
                }
            }
            excludes.push(c.exclude.iter().map(|e| normalize(e)).collect());
        }
        let set = |v: &[String]| v.iter().map(|s| s.to_lowercase()).collect::<Set<_>>();
        let k = &rules.classify;
        let words = |ambiguous: bool| -> Vec<String> {
            by_text
                .values()
                .flatten()
                .chain(cjk.iter())
                .filter(|p| p.ambiguous == ambiguous)
                .map(|p| p.text.clone())
                .collect()
        };
        let prefilter = Prefilter::new(
            words(false),
            words(true),
            k.person_contexts.iter().map(|w| normalize(w)).collect(),
        );
        Classifier {
            prefilter,
            by_text,
            cjk,
            excludes,
            non_data_suffixes: set(&k.non_data_suffixes),
            non_data_prefixes: set(&k.non_data_prefixes),
            protected: set(&k.protected_words),
            protected_exceptions: set(&k.protected_word_exceptions),
            hashed_value_prefixes: k.hashed_value_prefixes.clone(),
            person_contexts: set(&k.person_contexts),
            non_person_owners: set(&k.non_person_owners),
            owner_wrappers: set(&k.owner_wrappers),
            getter_prefixes: k.getter_prefixes.iter().map(|s| s.to_lowercase()).collect(),
            lookup_words: set(&k.lookup_words),
            plural_lookup_verbs: set(&k.plural_lookup_verbs),
            storage_keys: k
                .storage_keys
                .iter()
                .filter_map(|(key, words)| {
                    let id = rules.categories.iter().position(|c| &c.key == key)?;
                    Some(words.iter().map(move |w| (normalize(w), id as CategoryId)))
                })
                .flatten()
                .collect(),
            content_fields: set(&k.content_fields),
            content_categories: rules
                .categories
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    k.content_categories
                        .iter()
                        .any(|p| c.key == *p || c.key.starts_with(&format!("{p}.")))
                })
                .map(|(i, _)| i as CategoryId)
                .collect(),
            verdicts: Memo::new(MAX_VERDICTS, MAX_KEPT_NAME),
        }
    }

    /// False when no identifier, key or string in `text` can be classified:
    /// the file cannot hold a finding and need not be parsed. Sound because
    /// every category comes from a pattern whose letters appear, in order and
    /// separated at most by punctuation, in the file.
    pub fn may_match_text(&self, text: &str) -> bool {
        self.prefilter.may_match(text)
    }

    /// Classifies a name. `owner` is the object, class or struct it belongs
    /// to (`user` in `user.name`), which can give an ambiguous word its
    /// person context.
    pub fn classify(&self, ident: &str, owner: Option<&str>) -> Verdict {
        // The owner's length first, so that no two pairs share a key.
        let owner_name = match owner {
            Some(owner) => format!("{}:{owner}{ident}", owner.len()),
            None => format!(":{ident}"),
        };
        self.verdicts
            .get_or(&owner_name, || self.classify_tokens(&tokens(ident), owner))
    }

    /// A content field of an owner named for user content is that content:
    /// `PrivateMessage.content`, `ChatRecord.text` (see `content_fields` of
    /// classify.yml). Any other owner's `content` says nothing.
    fn owner_content(&self, toks: &[String], owner: Option<&str>) -> Verdict {
        let (Some(owner), [field]) = (owner, toks) else {
            return Verdict::NoMatch;
        };
        if !self.content_fields.contains(field) {
            return Verdict::NoMatch;
        }
        match self.classify_tokens(&tokens(owner), None) {
            Verdict::Category { id, pattern } if self.content_categories.contains(&id) => {
                Verdict::Category { id, pattern }
            }
            _ => Verdict::NoMatch,
        }
    }

    /// Classifies the field a getter reads: `getEmail` -> `email`.
    /// The normalized name a getter reads (`getLine1Number` reads
    /// `line1number`); any other name, normalized.
    pub fn getter_read(&self, method: &str) -> String {
        let toks = tokens(method);
        match toks.split_first() {
            Some((first, rest)) if !rest.is_empty() && self.getter_prefixes.contains(first) => {
                rest.concat()
            }
            _ => toks.concat(),
        }
    }

    pub fn classify_getter(&self, method: &str, owner: Option<&str>) -> Verdict {
        let toks = tokens(method);
        match toks.split_first() {
            Some((first, rest)) if !rest.is_empty() && self.getter_prefixes.contains(first) => {
                self.classify_tokens(rest, owner)
            }
            _ => Verdict::NoMatch,
        }
    }

    fn classify_tokens(&self, toks: &[String], owner: Option<&str>) -> Verdict {
        let Some((start, end, pattern)) = self.best_match(toks) else {
            return self.owner_content(toks, owner);
        };
        let id = pattern.category;
        let reject = |reason: RejectReason| Verdict::Rejected {
            id,
            pattern: pattern.text.clone(),
            reason,
        };
        // An owner named for protection protects its fields too
        // (`CipherData.password_history`, `encrypted.email`).
        let owner_tokens = owner.map(tokens).unwrap_or_default();
        if let Some(t) = self
            .protection_word(toks)
            .or_else(|| self.protection_word(&owner_tokens))
        {
            return reject(RejectReason::Protected(t));
        }
        if pattern.text.chars().any(is_cjk) {
            // Inside one CJK token the qualifier is the text around the match.
            if let Some((before, after)) = toks[start].split_once(pattern.text.as_str()) {
                let cjk = |w: &&String| w.chars().any(is_cjk);
                if let Some(w) = self
                    .non_data_suffixes
                    .iter()
                    .filter(cjk)
                    .find(|w| after.starts_with(w.as_str()))
                {
                    return reject(RejectReason::MetadataAfter(w.clone()));
                }
                if let Some(w) = self
                    .non_data_prefixes
                    .iter()
                    .filter(cjk)
                    .find(|w| before.ends_with(w.as_str()))
                {
                    return reject(RejectReason::MetadataBefore(w.clone()));
                }
            }
        }
        if let Some(t) = toks[end..]
            .iter()
            .find(|t| self.non_data_suffixes.contains(*t))
        {
            return reject(RejectReason::MetadataAfter(t.clone()));
        }
        if let Some(t) = toks[..start]
            .iter()
            .find(|t| self.non_data_prefixes.contains(*t))
        {
            return reject(RejectReason::MetadataBefore(t.clone()));
        }
        if let Some(e) = self.excludes[id as usize]
            .iter()
            .find(|e| window_matches(toks, e))
        {
            return reject(RejectReason::Excluded(e.clone()));
        }
        let person_word_before = toks[..start]
            .iter()
            .any(|t| self.person_contexts.contains(t));
        // The thing is named right before the match (`community_name`,
        // `member_level_name`: the name is the level's, whoever it is for),
        // or in the owner (`Product.name`) unless a person word precedes.
        let qualifier = start.checked_sub(1).map(|i| &toks[i]);
        let owner_thing = self
            .head_noun(&owner_tokens)
            .filter(|_| !person_word_before);
        if let Some(thing) = [qualifier, owner_thing]
            .into_iter()
            .flatten()
            .find(|t| self.non_person_owners.contains(*t))
        {
            return reject(RejectReason::OwnerIsAThing(thing.clone()));
        }
        if pattern.ambiguous
            && !person_word_before
            && !owner_tokens
                .iter()
                .any(|t| self.person_contexts.contains(t))
        {
            return reject(RejectReason::NeedsPersonContext(pattern.text.clone()));
        }
        Verdict::Category {
            id,
            pattern: pattern.text.clone(),
        }
    }

    /// A protected word among `toks`, alone or joined with its successor
    /// (`sha256` is split into `sha`, `256`), unless a data-structure word
    /// follows it (`HashMap`).
    fn protection_word(&self, toks: &[String]) -> Option<String> {
        let next_is_structure = |i: usize| {
            toks.get(i + 1)
                .is_some_and(|n| self.protected_exceptions.contains(n))
        };
        let single = toks
            .iter()
            .enumerate()
            .find(|&(i, t)| self.protected.contains(t) && !next_is_structure(i))
            .map(|(_, t)| t.clone());
        single.or_else(|| {
            toks.windows(2)
                .map(|w| format!("{}{}", w[0], w[1]))
                .find(|t| self.protected.contains(t))
        })
    }

    /// The category a browser-storage or cookie key names on its own
    /// (`localStorage.setItem("token", t)`): words too vague anywhere else.
    pub fn stored_under(&self, key: &str) -> Option<CategoryId> {
        self.storage_keys.get(&normalized_name(key)).copied()
    }

    /// Whether a literal value is written as a password hash
    /// (`$2a$10$..`): seed data that shows a column stores hashes.
    pub fn is_hashed_value(&self, value: &str) -> bool {
        self.hashed_value_prefixes
            .iter()
            .any(|p| value.starts_with(p.as_str()))
    }

    /// Whether a request type is a lookup (`ListPosts`, `UserSearchParams`,
    /// `Query<PostFilter>`, `GetPosts`): its first word, head noun or last
    /// word is a `lookup_words` word, or it is a `plural_lookup_verbs` verb
    /// before a plural noun. Of a generic wrapper, the type argument counts.
    pub fn is_lookup_type(&self, ty: &str) -> bool {
        let name = ty
            .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
            .find(|s| !s.is_empty())
            .unwrap_or(ty);
        let toks = tokens(name);
        let named = [toks.first(), self.head_noun(&toks), toks.last()]
            .into_iter()
            .flatten()
            .any(|t| self.lookup_words.contains(t));
        let lists = toks.len() > 1
            && self.plural_lookup_verbs.contains(&toks[0])
            && toks.last().is_some_and(|t| is_plural(t));
        named || lists
    }

    /// The word an owner names: its last token that is not a container word
    /// (`CommunityTagInsertForm` -> `tag`, `user_data` -> `user`).
    fn head_noun<'t>(&self, owner: &'t [String]) -> Option<&'t String> {
        owner
            .iter()
            .rev()
            .find(|t| !self.owner_wrappers.contains(*t) && !t.chars().all(|c| c.is_ascii_digit()))
    }

    /// The longest pattern matching a window of `toks`: (start, end, pattern).
    fn best_match(&self, toks: &[String]) -> Option<(usize, usize, &Pattern)> {
        let mut best: Option<(usize, usize, &Pattern)> = None;
        for start in 0..toks.len() {
            let mut joined = String::new();
            for end in start + 1..=(start + MAX_WINDOW).min(toks.len()) {
                let tok = &toks[end - 1];
                // A number inside a name numbers it (`Email1Address`); at the
                // end it may be part of the word (`ipv4`).
                let numbered = end > start + 2 && toks[end - 2].bytes().all(|b| b.is_ascii_digit());
                if numbered {
                    joined.truncate(joined.len() - toks[end - 2].len());
                }
                let stem = joined.len();
                joined.push_str(tok);
                // A plural is the same data (`emails`, `phoneNumbers`,
                // `addresses`): its singular forms are tried too.
                let singulars = singulars(tok).map(|s| format!("{}{s}", &joined[..stem]));
                for text in std::iter::once(joined.clone()).chain(singulars) {
                    for p in self.by_text.get(&text).into_iter().flatten() {
                        consider(start, end, p, &mut best);
                    }
                }
            }
            if toks[start].chars().any(is_cjk) {
                for p in &self.cjk {
                    if toks[start].contains(&p.text) {
                        consider(start, start + 1, p, &mut best);
                    }
                }
            }
        }
        best
    }
}

fn consider<'a>(
    start: usize,
    end: usize,
    p: &'a Pattern,
    best: &mut Option<(usize, usize, &'a Pattern)>,
) {
    let better = match best {
        None => true,
        Some((_, _, b)) => p.text.chars().count() > b.text.chars().count(),
    };
    if better {
        *best = Some((start, end, p));
    }
}

/// True when some window of `toks` joins to `joined`.
fn window_matches(toks: &[String], joined: &str) -> bool {
    (0..toks.len()).any(|start| {
        let mut acc = String::new();
        for t in &toks[start..(start + MAX_WINDOW).min(toks.len())] {
            acc.push_str(t);
            if acc == joined {
                return true;
            }
            if acc.len() >= joined.len() {
                break;
            }
        }
        false
    })
}

/// The singular forms an English plural may have (`emails` -> `email`,
/// `addresses` -> `address`, `identities` -> `identity`); none for a word
/// that does not read as a plural.
fn singulars(word: &str) -> impl Iterator<Item = String> + '_ {
    let plural = is_plural(word);
    let without_s = word.strip_suffix('s').filter(|_| plural);
    let without_es = word.strip_suffix("es").filter(|_| plural);
    let ies_to_y = word
        .strip_suffix("ies")
        .filter(|_| plural)
        .map(|stem| format!("{stem}y"));
    without_s
        .into_iter()
        .chain(without_es)
        .map(str::to_string)
        .chain(ies_to_y)
}

/// Whether an English word reads as a plural noun (`posts`, `details`), not
/// a singular ending in s (`status`, `address`, `analysis`).
pub fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::{ascii_tokens, char_tokens, is_constant_name, normalized_name, tokens};

    #[test]
    fn ascii_names_split_as_any_name_does() {
        let names = [
            "",
            "x",
            "X",
            "email",
            "userEmail",
            "user_email",
            "IDCard",
            "getHTTPResponse2",
            "a1b2",
            "9lives",
            "email2FA",
            "UPPER_CASE",
            "__init__",
            "ABC",
            "aB",
            "Ab1C",
            "phone-number",
            "SSN",
            "iOS14Device",
            "x.y.z",
            "$user",
            "HTMLParser",
        ];
        for name in names {
            assert_eq!(ascii_tokens(name), char_tokens(name), "{name}");
            assert_eq!(normalized_name(name), char_tokens(name).concat(), "{name}");
            let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
            let constant = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
            assert_eq!(is_constant_name(name), constant, "{name}");
        }
        assert_eq!(tokens("用户Email"), ["用户", "email"]);
        assert!(!is_constant_name("ÉMAIL"), "only ASCII names are constants");
    }

    #[test]
    fn splits_identifier_styles() {
        assert_eq!(tokens("shoujiHao"), ["shouji", "hao"]);
        assert_eq!(tokens("userEmail"), ["user", "email"]);
        assert_eq!(tokens("email_template_id"), ["email", "template", "id"]);
        assert_eq!(tokens("IDCardNo"), ["id", "card", "no"]);
        assert_eq!(tokens("phone2"), ["phone", "2"]);
        assert_eq!(tokens("e-mail"), ["e", "mail"]);
        assert_eq!(tokens("HTTPServer"), ["http", "server"]);
        assert_eq!(tokens("用户手机号"), ["用户手机号"]);
        assert_eq!(tokens("user手机号"), ["user", "手机号"]);
        assert_eq!(tokens("USER_EMAIL"), ["user", "email"]);
        assert_eq!(tokens(""), Vec::<String>::new());
    }
}
