//! The nesting pre-scan: `syn` parses recursively and keeps no depth limit
//! of its own, so before a file is parsed its raw text is scanned for
//! nesting that could exhaust the parser's stack ([`check_nesting`]). The
//! scan lexes approximately, byte by byte: brackets, operators and keywords
//! count; strings, raw strings, chars and comments are skipped.

use crate::frontend::{FrontendError, MAX_DEPTH};

/// Largest nesting estimate [`check_nesting`] accepts (see there).
pub(super) const MAX_ESTIMATE: usize = MAX_DEPTH * 10;

/// Per bracket level: tokens since the level's expression started that can
/// make `syn` recurse without opening a bracket.
#[derive(Default)]
struct Level {
    /// Operators, keywords (`!`, `&`, `=`, `.`, `as`, `return`, `if`, ...)
    /// and closed `()`/`[]` (`f()()`, `a[0][0]`): an expression never
    /// continues past `,` or `;` at its level, nor past a block followed by
    /// a new statement.
    run: usize,
    /// `|` (closure parameters) and `<` (generics): these nest across `,`
    /// (`|a, b| |c, d| ..`, `A<B, C<D, ..>>`), so only `;` or a new
    /// statement ends them. `>` closes one `<`.
    bars: usize,
    angles: usize,
}

impl Level {
    fn weight(&self) -> usize {
        1 + self.run + self.bars + self.angles
    }
}

/// Refuses input whose nesting could overflow the parser's stack: bracket
/// depth beyond [`MAX_DEPTH`], or a nesting estimate beyond
/// [`MAX_ESTIMATE`]. The estimate adds, over the open brackets, the
/// operators and keywords seen in each since its current expression began;
/// it bounds how deep `syn` can recurse (`!!!!x`, `a = b = c`, `|| || x`,
/// `Vec<Vec<..>>`, `return return x`) and how deep its tree is. The lexing
/// is approximate: strings, raw strings, chars and comments are skipped.
pub(super) fn check_nesting(source: &str) -> Result<(), FrontendError> {
    let b = source.as_bytes();
    let mut levels = vec![Level::default()];
    let mut total = 1usize;
    let mut i = 0usize;
    // Set when a `}` closed: the next token says whether the expression
    // before it continues (`{..} + x`, `{..} else`) or a new one starts.
    let mut after_brace = false;
    let mut prev = 0u8;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let next = b.get(i + 1).copied().unwrap_or(0);
        if c == b'/' && next == b'/' {
            while b.get(i).is_some_and(|&x| x != b'\n') {
                i += 1;
            }
            continue;
        }
        if c == b'/' && next == b'*' {
            i = skip_block_comment(b, i);
            continue;
        }
        let starts_operand = c == b'"'
            || c == b'\''
            || c == b'#'
            || c == b'}'
            || c.is_ascii_alphanumeric()
            || c == b'_'
            || c >= 0x80;
        if after_brace {
            after_brace = false;
            let word = ident_at(b, i);
            if starts_operand
                && word != b"as"
                && word != b"else"
                && let Some(top) = levels.last_mut()
            {
                total = total.saturating_sub(top.run + top.bars + top.angles);
                top.run = 0;
                top.bars = 0;
                top.angles = 0;
            }
        }
        let mut counted = 0usize;
        match c {
            b'"' => i = skip_string(b, i + 1),
            b'\'' => i = skip_char_or_lifetime(b, i),
            b'(' | b'[' | b'{' => {
                levels.push(Level::default());
                total += 1;
                if levels.len() > MAX_DEPTH + 1 {
                    return Err(FrontendError::TooDeep);
                }
                i += 1;
            }
            b')' | b']' | b'}' => {
                if levels.len() > 1
                    && let Some(top) = levels.pop()
                {
                    total = total.saturating_sub(top.weight());
                }
                after_brace = c == b'}';
                // Calls and indexing chain like `.`: `f()()`, `a[0][0]`.
                if c != b'}'
                    && let Some(top) = levels.last_mut()
                {
                    top.run += 1;
                    counted = 1;
                }
                i += 1;
            }
            b',' | b';' => {
                if let Some(top) = levels.last_mut() {
                    total = total.saturating_sub(top.run);
                    top.run = 0;
                    if c == b';' {
                        total = total.saturating_sub(top.bars + top.angles);
                        top.bars = 0;
                        top.angles = 0;
                    }
                }
                i += 1;
            }
            b'|' | b'<' => {
                if let Some(top) = levels.last_mut() {
                    if c == b'|' {
                        top.bars += 1;
                    } else {
                        top.angles += 1;
                    }
                    counted = 1;
                }
                i += 1;
            }
            b'>' => {
                if prev != b'-' && prev != b'=' {
                    if let Some(top) = levels.last_mut()
                        && top.angles > 0
                    {
                        top.angles -= 1;
                        total = total.saturating_sub(1);
                    }
                } else if let Some(top) = levels.last_mut() {
                    // `->` nests return types (`impl Fn() -> impl Fn() -> ..`).
                    top.run += 1;
                    counted = 1;
                }
                i += 1;
            }
            b'!' | b'-' | b'+' | b'*' | b'/' | b'%' | b'^' | b'&' | b'=' | b'.' | b'?' | b'@'
            | b':' => {
                if let Some(top) = levels.last_mut() {
                    top.run += 1;
                    counted = 1;
                }
                i += 1;
            }
            _ if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 => {
                let word = ident_at(b, i);
                let end = i + word.len().max(1);
                if let Some(after) = raw_string_end(b, word, end) {
                    i = after;
                } else {
                    i = end;
                    if NESTING_KEYWORDS.contains(&word)
                        && let Some(top) = levels.last_mut()
                    {
                        top.run += 1;
                        counted = 1;
                    }
                }
            }
            _ => i += 1,
        }
        total += counted;
        if total > MAX_ESTIMATE {
            return Err(FrontendError::TooDeep);
        }
        prev = c;
    }
    Ok(())
}

/// Keywords after which `syn` parses a nested expression or type.
const NESTING_KEYWORDS: &[&[u8]] = &[
    b"as", b"else", b"return", b"break", b"yield", b"become", b"if", b"while", b"match", b"for",
    b"in", b"loop", b"move", b"dyn", b"impl", b"box", b"let",
];

/// The identifier (or number) starting at `i`.
fn ident_at(b: &[u8], i: usize) -> &[u8] {
    let mut end = i;
    while b
        .get(end)
        .is_some_and(|&x| x.is_ascii_alphanumeric() || x == b'_' || x >= 0x80)
    {
        end += 1;
    }
    b.get(i..end).unwrap_or(&[])
}

/// After `r`, `br` or `cr` at `end`: the end of a raw string, if one starts.
fn raw_string_end(b: &[u8], word: &[u8], end: usize) -> Option<usize> {
    if !matches!(word, b"r" | b"br" | b"cr") {
        return None;
    }
    let mut j = end;
    while b.get(j) == Some(&b'#') {
        j += 1;
    }
    if b.get(j) != Some(&b'"') {
        return None;
    }
    let hashes = j - end;
    j += 1;
    while let Some(&x) = b.get(j) {
        j += 1;
        if x == b'"' && (0..hashes).all(|k| b.get(j + k) == Some(&b'#')) {
            return Some(j + hashes);
        }
    }
    Some(j)
}

fn skip_block_comment(b: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&x) = b.get(i) {
        let next = b.get(i + 1).copied().unwrap_or(0);
        if x == b'/' && next == b'*' {
            depth += 1;
            i += 2;
        } else if x == b'*' && next == b'/' {
            depth = depth.saturating_sub(1);
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    i
}

/// From just after an opening `"` to just after the closing one.
fn skip_string(b: &[u8], mut i: usize) -> usize {
    while let Some(&x) = b.get(i) {
        match x {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    i
}

/// A char literal (`'a'`, `'\n'`, `'\u{1F600}'`, `'é'`) or the quote of a
/// lifetime or label (`'a`).
fn skip_char_or_lifetime(b: &[u8], i: usize) -> usize {
    match b.get(i + 1) {
        Some(b'\\') => {
            // Escapes are at most `\u{10FFFF}`; stop looking after that.
            for j in i + 3..(i + 13).min(b.len()) {
                if b.get(j) == Some(&b'\'') {
                    return j + 1;
                }
            }
            i + 2
        }
        Some(&first) => {
            let width = match first {
                0xF0..=0xFF => 4,
                0xE0..=0xEF => 3,
                0xC0..=0xDF => 2,
                _ => 1,
            };
            if b.get(i + 1 + width) == Some(&b'\'') {
                i + 2 + width
            } else {
                i + 1
            }
        }
        None => i + 1,
    }
}
