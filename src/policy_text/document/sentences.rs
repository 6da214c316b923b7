//! Sentences: split at Chinese and Western sentence ends, not after an
//! abbreviation, and never longer than a bound.

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 12] = [
    "e.g", "i.e", "etc", "mr", "mrs", "dr", "no", "inc", "ltd", "co", "vs", "u.s",
];

/// Splits at `。！？；` and at `. ! ? ;` followed by a space.
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let end = at + c.len_utf8();
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let splits = match c {
            '。' | '！' | '？' | '；' => true,
            '.' | '!' | '?' | ';' => {
                next.is_some_and(char::is_whitespace)
                    && !(c == '.' && ends_with_abbreviation(&text[start..at]))
            }
            _ => false,
        };
        if splits {
            push_sentence(&mut sentences, &text[start..end]);
            start = end;
        }
    }
    push_sentence(&mut sentences, &text[start..]);
    sentences
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    ABBREVIATIONS.contains(&word.as_str())
}

fn push_sentence(sentences: &mut Vec<String>, text: &str) {
    let mut text = text.trim();
    while text.len() > MAX_SENTENCE {
        let mut cut = MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        // Cut at a space if there is one near the end of the piece.
        let cut = text[..cut]
            .rfind(' ')
            .filter(|at| *at > MAX_SENTENCE / 2)
            .unwrap_or(cut);
        push_sentence(sentences, &text[..cut]);
        text = text[cut..].trim_start();
    }
    if text.chars().any(char::is_alphanumeric) {
        sentences.push(text.to_string());
    }
}

/// Longest sentence read whole, in bytes: a longer one is read in pieces,
/// so that no sentence costs more than its share.
const MAX_SENTENCE: usize = 2000;
