//! Positions in a file's text as users see them: 1-based lines and columns
//! counted in characters, whatever the byte offsets the parsers give; and
//! the error that points at one.

use crate::ir::Span;
use crate::model::{Location, Snippet};

/// The longest snippet a finding shows, in characters: a longer line is cut
/// to a window around the finding, so that a file of a few very long lines
/// cannot make every finding on them carry the whole line.
pub const MAX_SNIPPET: usize = 1000;

/// Characters of a long line kept before the finding's column.
const SNIPPET_LEAD: usize = 200;

/// `line` as a finding at 1-based character `column` shows it.
pub fn snippet(line: &str, column: u32) -> Snippet {
    let length = line.chars().count();
    if length <= MAX_SNIPPET {
        return Snippet {
            text: line.to_string(),
            offset: 0,
        };
    }
    let start = (column as usize)
        .saturating_sub(1 + SNIPPET_LEAD)
        .min(length - MAX_SNIPPET);
    let mut text = String::new();
    if start > 0 {
        text.push('…');
    }
    text.extend(line.chars().skip(start).take(MAX_SNIPPET));
    if start + MAX_SNIPPET < length {
        text.push('…');
    }
    Snippet {
        text,
        offset: start as u32,
    }
}

/// What [`escape_controls`] leaves as it is: tabs always, line breaks
/// where the text's own layout needs them, and colour sequences on a
/// terminal that shows colour.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keep {
    /// `\n` stays a line break.
    pub newline: bool,
    /// Select Graphic Rendition sequences (`ESC [ 1;31 m`) stay: they can
    /// change colours only. Only for text whose every such sequence is
    /// candor's own.
    pub colour: bool,
}

/// `n` and the noun, in the plural unless `n` is 1 (`1 warning`,
/// `2 warnings`).
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Whether `c` must not reach a reader as it is when a scanned repository
/// put it in a file name or code: a control character (C0, DEL, C1: a
/// terminal takes `ESC` and `CSI` for commands), a bidirectional override,
/// embedding, isolate or mark (U+202E shows `txt.exe` for `exe.txt`, and
/// reorders the text after it), or a line or paragraph separator (a line
/// break that is not `\n`).
pub fn is_hidden_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// `text`, which holds what a scanned repository wrote, as every output
/// meant for people shows it: each [`is_hidden_control`] character written
/// as `\u{1b}`, except a tab, and what `keep` keeps. Every renderer of
/// untrusted text (terminal, Markdown, CSV, HTML) goes through this one
/// function, so that all of them neutralise the same characters.
pub fn escape_controls(text: &str, keep: Keep) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices();
    while let Some((at, c)) = chars.next() {
        if !is_hidden_control(c) || c == '\t' || (c == '\n' && keep.newline) {
            out.push(c);
            continue;
        }
        if keep.colour && c == '\u{1b}' {
            let rest = &text[at + 1..];
            let sgr = rest.strip_prefix('[').and_then(|r| {
                let len = r.find(|ch: char| !(ch.is_ascii_digit() || ch == ';'))?;
                r[len..].starts_with('m').then_some(len + 2)
            });
            if let Some(len) = sgr {
                out.push_str(&text[at..at + 1 + len]);
                for _ in 0..len {
                    chars.next();
                }
                continue;
            }
        }
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    }
    out
}

/// A problem at a place in a file the user wrote (a privacy manifest, a rule
/// file, `candor.toml`, a baseline), shown as `file:line:column: message`
/// with a hint on what to do on the next line when there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}{}", position(*line, *column), help.as_ref().map(|h| format!("\n  help: {h}")).unwrap_or_default())]
pub struct LocatedError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

/// `:line:column`, or nothing for an error about the whole file (line 0).
fn position(line: usize, column: usize) -> String {
    if line == 0 {
        String::new()
    } else {
        format!(":{line}:{column}")
    }
}

/// What an I/O error says, without the `(os error N)` the system adds:
/// `no such file or directory`.
pub fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let text = match text.rfind(" (os error ") {
        Some(at) if text.ends_with(')') => text[..at].to_string(),
        _ => text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

impl LocatedError {
    /// An error about a whole file (it cannot be read), with no position.
    pub fn whole_file(file: impl Into<String>, message: String) -> Self {
        LocatedError::new(file, (0, 0), message)
    }

    pub fn new(file: impl Into<String>, (line, column): (usize, usize), message: String) -> Self {
        LocatedError {
            file: file.into(),
            line,
            column,
            message,
            help: None,
        }
    }

    /// The error for a YAML or TOML settings file that nests `[`/`{` more
    /// than [`MAX_NESTING`] deep, if `text` does; checked before parsing.
    pub fn nesting(file: impl Into<String>, text: &str) -> Option<Self> {
        let at = brackets_too_deep(text, MAX_NESTING)?;
        Some(LocatedError {
            help: Some(
                "write nested lists and maps as indented blocks or tables; no settings file needs this depth"
                    .to_string(),
            ),
            ..LocatedError::new(
                file,
                at,
                format!("`[` and `{{` nest more than {MAX_NESTING} deep here"),
            )
        })
    }

    /// A YAML syntax or shape error, at the place the parser names. The
    /// value found is never quoted: a settings path pointed at a key file
    /// must not print the key.
    pub fn yaml(file: impl Into<String>, e: &serde_norway::Error) -> Self {
        let at = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        LocatedError::new(file, at, without_values(&e.to_string()))
    }
}

/// A parser's message with what it quotes of the file left out: values
/// (`invalid type: string "…"`, `` integer `…` ``) and names the file chose
/// (`` unknown field `…` ``, `` unknown variant `…` ``, `` duplicate key `…` ``).
/// What was expected stays, for it comes from candor's own settings
/// (`` expected one of `error`, `warning` ``). A settings path pointed at a
/// key file must not print the key, nor its first line as a field name.
pub fn without_values(message: &str) -> String {
    /// Words after which serde and the parsers quote the file in backticks.
    const NAMED: [&str; 8] = [
        "unknown field ",
        "unknown variant ",
        "duplicate key ",
        "duplicate field ",
        "integer ",
        "floating point ",
        "character ",
        "boolean ",
    ];
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    loop {
        let quoted = rest.find(" \"").map(|at| (at, at + 2, '"'));
        let named = NAMED
            .iter()
            .filter_map(|w| {
                let at = rest.find(&format!("{w}`"))?;
                Some((at + w.len() - 1, at + w.len() + 1, '`'))
            })
            .min();
        let next = match (quoted, named) {
            (Some(q), Some(n)) => Some(q.min(n)),
            (q, n) => q.or(n),
        };
        let Some((keep, open, close)) = next else {
            break;
        };
        out.push_str(&rest[..keep]);
        let after = &rest[open..];
        let end = if close == '"' {
            closing_quote(after)
        } else {
            // A name is not escaped: it ends where the parser's own words
            // resume, sought from the end so that a backtick in the name
            // cannot end it early.
            [", expected", ", there are no", " at line "]
                .iter()
                .find_map(|words| after.rfind(&format!("`{words}")))
                .or_else(|| after.rfind('`'))
        };
        rest = end.map_or("", |i| &after[i + 1..]);
    }
    out.push_str(rest);
    out
}

/// The byte index of the `"` that ends a string whose text starts `text`,
/// with `\` escapes.
fn closing_quote(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices() {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

/// How deep `[..]`/`{..}` may nest in a YAML or TOML file candor reads (a
/// manifest, rule file, baseline, `candor.toml`, dependency manifest): no
/// such file needs more, the YAML scanner's time grows with the square of
/// the depth (a 1 MiB file of nested `[a: [a: ..` took half a minute) and
/// the TOML parser recurses once per level (a 1 MB `Cargo.toml` overflowed
/// the stack).
pub const MAX_NESTING: usize = 64;

/// How many `[` and `{` a TOML file candor parses may hold in all, strings
/// and comments included. The TOML parser recurses once per open inline
/// table or array, and on broken input its error recovery can keep them
/// open across lines where no bracket count can follow it (a fuzzed 72 KB
/// `Cargo.toml` of `x={a]g={}` overflowed the stack); its depth never
/// exceeds the number of openers. A large workspace manifest holds a few
/// hundred.
pub const MAX_TOML_OPENERS: usize = 4096;

/// Whether TOML `text` holds more `[` and `{` than [`MAX_TOML_OPENERS`].
pub fn toml_openers_exceed(text: &str) -> bool {
    text.bytes().filter(|b| matches!(b, b'[' | b'{')).count() > MAX_TOML_OPENERS
}

/// The 1-based line and column where `text` (YAML or TOML) first nests
/// `[`/`{` deeper than `max`, outside strings and `#` comments.
///
/// Strings are read as TOML writes them, which YAML's quoting agrees with
/// on one line: `\` escapes inside `"..."`, none inside `'...'`, and
/// `"""`/`'''` strings span lines. A bracket inside a string the parser
/// sees must not be taken for structure, or the count would fall behind
/// the parser's depth.
pub fn brackets_too_deep(text: &str, max: usize) -> Option<(usize, usize)> {
    #[derive(Clone, Copy, PartialEq)]
    enum In {
        Code,
        Quoted(char),
        Multiline(char),
    }
    let mut depth = 0usize;
    let mut state = In::Code;
    for (index, line) in text.split('\n').enumerate() {
        if let In::Quoted(_) = state {
            state = In::Code;
        }
        let mut previous = ' ';
        let mut chars = line.char_indices().peekable();
        while let Some((byte, ch)) = chars.next() {
            let tripled = |q: char| line[byte..].starts_with(&q.to_string().repeat(3));
            match (state, ch) {
                (In::Quoted('"') | In::Multiline('"'), '\\') => {
                    chars.next();
                }
                (In::Quoted(q), c) if c == q => state = In::Code,
                (In::Multiline(q), c) if c == q && tripled(q) => {
                    chars.next();
                    chars.next();
                    state = In::Code;
                }
                (In::Quoted(_) | In::Multiline(_), _) => {}
                (In::Code, '\'' | '"') if tripled(ch) => {
                    chars.next();
                    chars.next();
                    state = In::Multiline(ch);
                }
                (In::Code, '\'' | '"') => state = In::Quoted(ch),
                (In::Code, '#') if previous.is_whitespace() => break,
                (In::Code, '[' | '{') => {
                    depth += 1;
                    if depth > max {
                        return Some((index + 1, char_column(line, byte)));
                    }
                }
                (In::Code, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = ch;
        }
    }
    None
}

/// The 1-based character column of byte `byte` of `line` (a byte inside a
/// character counts as that character).
pub fn char_column(line: &str, byte: usize) -> usize {
    let mut byte = byte.min(line.len());
    while !line.is_char_boundary(byte) {
        byte -= 1;
    }
    line[..byte].chars().count() + 1
}

/// The 1-based line and character column of byte `offset` of `text`.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, char_column(&text[line_start..], offset - line_start))
}

/// Line lookup over one file's text.
pub struct SourceLines<'s> {
    lines: Vec<&'s str>,
}

impl<'s> SourceLines<'s> {
    pub fn new(text: &'s str) -> SourceLines<'s> {
        SourceLines {
            lines: text.split('\n').collect(),
        }
    }

    /// Line `number` (1-based) without its line ending; empty past the end.
    pub fn line(&self, number: u32) -> &'s str {
        self.lines
            .get((number as usize).wrapping_sub(1))
            .map_or("", |l| l.trim_end_matches('\r'))
    }

    /// Line `number`, without trailing white space, as a finding at 1-based
    /// character `column` shows it.
    pub fn snippet(&self, number: u32, column: u32) -> Snippet {
        snippet(self.line(number).trim_end(), column)
    }

    /// `span` (byte columns) as a location in `path` (character columns).
    pub fn location(&self, path: &str, span: Span) -> Location {
        let column = |line: u32, byte: u32| char_column(self.line(line), byte as usize) as u32;
        Location {
            path: path.to_string(),
            start_line: span.start_line,
            start_column: column(span.start_line, span.start_col),
            end_line: span.end_line,
            end_column: column(span.end_line, span.end_col),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MAX_SNIPPET, char_column, line_col, snippet};

    #[test]
    fn columns_count_characters() {
        assert_eq!(char_column("手机 = x", 0), 1);
        assert_eq!(char_column("手机 = x", 6), 3);
        assert_eq!(char_column("手机 = x", 4), 2, "inside a character");
        assert_eq!(char_column("ab", 99), 3, "past the end");
        assert_eq!(line_col("a\nbé c", 5), (2, 3));
        assert_eq!(line_col("a\nb", 0), (1, 1));
        assert_eq!(line_col("a\n", 2), (2, 1));
    }

    #[test]
    fn long_lines_are_cut_around_the_finding() {
        let short = snippet("  x = email", 7);
        assert_eq!((short.text.as_str(), short.offset), ("  x = email", 0));
        let long = format!("{}email{}", "a".repeat(2000), "b".repeat(2000));
        let s = snippet(&long, 2001);
        assert_eq!(s.offset, 2001 - 1 - 200);
        assert!(s.text.starts_with('…') && s.text.ends_with('…'));
        assert_eq!(s.text.chars().count(), MAX_SNIPPET + 2);
        assert!(s.text.contains("email"));
        let head = snippet(&long, 3);
        assert_eq!(head.offset, 0);
        assert!(!head.text.starts_with('…'));
        let tail = snippet(&long, 4005);
        assert_eq!(tail.offset as usize, 4005 - MAX_SNIPPET);
        assert!(!tail.text.ends_with('…'));
    }
}

#[cfg(test)]
mod depth_tests {
    use super::brackets_too_deep;

    #[test]
    fn flow_nesting_beyond_the_limit_is_located() {
        assert_eq!(brackets_too_deep("a: [[1], {b: [2]}]\n", 3), None);
        assert_eq!(brackets_too_deep("a:\n  - [[[[x]]]]\n", 3), Some((2, 8)));
        // Brackets in quotes and comments do not nest.
        assert_eq!(brackets_too_deep("a: \"[[[[\" # [[[[\n", 3), None);
        // An escaped quote does not end a string, so the closers after it
        // are text, not structure that would hide the nesting that follows.
        assert_eq!(
            brackets_too_deep("a = [[[ \"\\\"]]]\" [[[1]]] ]]]\n", 5),
            Some((1, 19))
        );
        // A multi-line string runs until its closing triple quote.
        assert_eq!(
            brackets_too_deep("a = [[ \"\"\"\n]]\n\"\"\"\nb = [[1]]\n", 3),
            Some((4, 6))
        );
        assert_eq!(brackets_too_deep("a = '''\n[[[[\n'''\n", 3), None);
    }
}

#[cfg(test)]
mod escape_tests {
    use super::{Keep, escape_controls};

    #[test]
    fn controls_bidi_overrides_and_separators_are_shown_not_passed() {
        let hostile = "esc\u{1b}[31mred\u{1b}[0m\u{9b}2J\u{202e}txt.exe\u{2028}\u{2029}\r\n\tx";
        assert_eq!(
            escape_controls(hostile, Keep::default()),
            "esc\\u{1b}[31mred\\u{1b}[0m\\u{9b}2J\\u{202e}txt.exe\\u{2028}\\u{2029}\\u{d}\\u{a}\tx"
        );
        assert_eq!(
            escape_controls(
                hostile,
                Keep {
                    newline: true,
                    colour: true
                }
            ),
            "esc\u{1b}[31mred\u{1b}[0m\\u{9b}2J\\u{202e}txt.exe\\u{2028}\\u{2029}\\u{d}\n\tx"
        );
        assert_eq!(
            escape_controls("名前 = émail", Keep::default()),
            "名前 = émail"
        );
    }
}

#[cfg(test)]
mod value_tests {
    use super::without_values;

    #[test]
    fn parser_messages_never_quote_the_file() {
        assert_eq!(
            without_values(
                "invalid type: string \"-----BEGIN KEY-----\\n abc\", expected struct Manifest"
            ),
            "invalid type: string, expected struct Manifest"
        );
        assert_eq!(
            without_values("unknown field `TOPSECRETKEY`, expected one of `category`"),
            "unknown field, expected one of `category`"
        );
        assert_eq!(
            without_values("unknown variant `k3y`, expected `test` or `seed`"),
            "unknown variant, expected `test` or `seed`"
        );
        assert_eq!(
            without_values("invalid type: integer `12345678`, expected a string"),
            "invalid type: integer, expected a string"
        );
        assert_eq!(
            without_values("unknown field `a`, expected b`, expected `x` or `y`"),
            "unknown field, expected `x` or `y`",
            "a backtick in a name does not end it"
        );
        assert_eq!(
            without_values("duplicate key `k` and \"v\\\"w\" at line 2 column 1"),
            "duplicate key and at line 2 column 1"
        );
        assert_eq!(
            without_values("expected `.`, `=`"),
            "expected `.`, `=`",
            "what was expected stays"
        );
    }
}
