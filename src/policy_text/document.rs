//! A privacy policy's text as sentences, each with the line it starts on and
//! the clause (numbered section or heading) it belongs to.
//!
//! Plain text, Markdown and HTML are read into lines that keep the line
//! numbers of the file, so that a citation can be found in it. Numbered
//! lines (`3.1`, `二、`, `（一）`, `第三条`, `IV.`) and headings (`#`,
//! `<h2>`, or a short title line above a paragraph) open clauses; the
//! clause of a sentence is the innermost one open where it stands.

use std::sync::LazyLock;

use regex::Regex;

/// The largest policy file read: policies are tens of kilobytes.
pub const MAX_POLICY_FILE: u64 = 4 << 20;

/// Longest clause title kept, in characters.
const TITLE_CHARS: usize = 60;

/// A sentence of the policy.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub text: String,
    /// The line of the file it starts on (1-based).
    pub line: u32,
    /// Index into [`Document::clauses`].
    pub clause: Option<usize>,
}

/// A numbered section or a heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    /// The section number as the text writes it (`3.1`, `二`, `（一）`),
    /// with the numbers of the sections around it that it does not repeat.
    pub number: Option<String>,
    pub title: String,
}

impl Clause {
    /// How a manifest cites it: `3.1 With your explicit consent`.
    pub fn label(&self) -> String {
        match &self.number {
            Some(n) if self.title.is_empty() => n.clone(),
            Some(n) => format!("{n} {}", self.title),
            None => self.title.clone(),
        }
    }
}

/// The policy, read.
#[derive(Debug, Default)]
pub struct Document {
    /// The first heading, or the first line.
    pub title: Option<String>,
    pub clauses: Vec<Clause>,
    pub sentences: Vec<Sentence>,
}

impl Document {
    pub fn clause_of(&self, sentence: &Sentence) -> Option<&Clause> {
        sentence.clause.map(|i| &self.clauses[i])
    }
}

/// The format a policy file is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    /// By the file's extension, and by its first bytes for HTML saved
    /// under another name.
    pub fn guess(path: &std::path::Path, text: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let head = text
            .trim_start()
            .get(..15)
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_deref() {
            Some("html" | "htm" | "xhtml") => Format::Html,
            _ if head.starts_with("<!doctype html") || head.starts_with("<html") => Format::Html,
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Text,
        }
    }
}

/// A line of the policy's text, markup removed.
#[derive(Debug, Clone)]
struct Line {
    number: u32,
    text: String,
    /// A heading by its markup (`#`, `<h2>`), with its level.
    heading: Option<u8>,
    /// A list item by its markup (`- `, `<li>`).
    item: bool,
}

/// Reads `text` (the file's content) as a document.
pub fn read(text: &str, format: Format) -> Document {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // No-break, ideographic and other spaces read as spaces: phrases are
    // written with plain ones.
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_whitespace() && c != '\n' && c != '\r' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let text = spaced.as_str();
    let lines = match format {
        Format::Text => text_lines(text),
        Format::Markdown => markdown_lines(text),
        Format::Html => html_lines(text),
    };
    // Markup says which lines are headings; plain text leaves it to be
    // guessed from their shape.
    structure(&lines, format == Format::Text)
}

fn text_lines(text: &str) -> Vec<Line> {
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let trimmed = l.trim();
            let (item, rest) = strip_bullet(trimmed);
            Line {
                number: i as u32 + 1,
                text: rest.to_string(),
                heading: None,
                item,
            }
        })
        .collect()
}

/// A leading `- `, `* `, `+ ` or `• ` marks a list item.
fn strip_bullet(line: &str) -> (bool, &str) {
    for bullet in ["- ", "* ", "+ ", "• ", "· "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return (true, rest.trim_start());
        }
    }
    (false, line)
}

fn markdown_lines(text: &str) -> Vec<Line> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("valid"));
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]*>").expect("valid"));
    let mut in_code = false;
    text.lines()
        .enumerate()
        .map(|(i, raw)| {
            let trimmed = raw.trim();
            let number = i as u32 + 1;
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_code = !in_code;
            }
            if in_code || trimmed.starts_with("```") {
                return Line {
                    number,
                    text: String::new(),
                    heading: None,
                    item: false,
                };
            }
            let hashes = trimmed.chars().take_while(|c| *c == '#').count();
            let (heading, rest) =
                if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with([' ', '\t']) {
                    (Some(hashes as u8), trimmed[hashes..].trim())
                } else {
                    (None, trimmed)
                };
            let rest = rest.trim_start_matches('>').trim();
            let (item, rest) = strip_bullet(rest);
            let text = LINK.replace_all(rest, "$1");
            let text = TAG.replace_all(&text, "");
            let text: String = text
                .replace("**", "")
                .replace("__", "")
                .replace('`', "")
                .replace('|', " ");
            Line {
                number,
                text: text.trim().to_string(),
                heading,
                item,
            }
        })
        .collect()
}

/// HTML as lines: block elements break lines, `<script>`, `<style>` and
/// comments are dropped, entities decoded. Each line keeps the file line
/// its text starts on.
fn html_lines(html: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current = Line {
        number: 1,
        text: String::new(),
        heading: None,
        item: false,
    };
    let mut file_line = 1u32;
    let mut rest = html;
    let flush = |current: &mut Line, next_number: u32, lines: &mut Vec<Line>| {
        let text = collapse_spaces(&decode_entities(&current.text));
        if !text.is_empty() {
            lines.push(Line {
                number: current.number,
                text,
                heading: current.heading,
                item: current.item,
            });
        }
        *current = Line {
            number: next_number,
            text: String::new(),
            heading: None,
            item: false,
        };
    };
    while !rest.is_empty() {
        let Some(open) = rest.find('<') else {
            push_html_text(&mut current, rest, &mut file_line);
            break;
        };
        push_html_text(&mut current, &rest[..open], &mut file_line);
        rest = &rest[open..];
        if let Some(body) = rest.strip_prefix("<!--") {
            let end = body.find("-->").map_or(body.len(), |e| e + 3);
            file_line += newlines(&body[..end]);
            rest = &body[end..];
            continue;
        }
        let Some(close) = rest.find('>') else {
            // A lone `<` in text.
            push_html_text(&mut current, "<", &mut file_line);
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..close];
        file_line += newlines(tag);
        rest = &rest[close + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if !closing && matches!(name.as_str(), "script" | "style" | "head" | "template") {
            // Skip to the element's end (`<head>` holds no policy text).
            let end_tag = format!("</{name}");
            let lower = rest.to_ascii_lowercase();
            let end = lower.find(&end_tag).unwrap_or(rest.len());
            file_line += newlines(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if is_block(&name) {
            flush(&mut current, file_line, &mut lines);
            if !closing {
                current.heading = heading_level(&name);
                current.item = name == "li";
            }
        } else if name == "td" || name == "th" {
            current.text.push(' ');
        }
    }
    flush(&mut current, file_line, &mut lines);
    lines
}

fn push_html_text(current: &mut Line, text: &str, file_line: &mut u32) {
    if current.text.trim().is_empty() {
        // The line starts where its first text does.
        let leading = text.len() - text.trim_start().len();
        *file_line += newlines(&text[..leading]);
        current.number = *file_line;
        current.text.clear();
        current.text.push_str(&text[leading..]);
        *file_line += newlines(&text[leading..]);
    } else {
        current.text.push_str(text);
        *file_line += newlines(text);
    }
}

fn newlines(text: &str) -> u32 {
    text.bytes().filter(|b| *b == b'\n').count() as u32
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "tr"
            | "table"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "blockquote"
            | "dt"
            | "dd"
            | "dl"
            | "hr"
            | "main"
            | "body"
            | "title"
    )
}

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The named entities policies use, and numeric ones.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|end| {
            let entity = &rest[1..end];
            let c = match entity {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" | "ensp" | "emsp" => Some(' '),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "rsquo" | "lsquo" => Some('\''),
                "rdquo" | "ldquo" => Some('"'),
                "middot" => Some('·'),
                _ => entity
                    .strip_prefix("#x")
                    .or_else(|| entity.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The numbering schemes of sections, most specific first. A number of
/// one scheme closes the open numbers of the same scheme.
static NUMBERED: LazyLock<Vec<(&'static str, Regex)>> = LazyLock::new(|| {
    [
        (
            "article",
            r"^(第[一二三四五六七八九十百零〇\d]+[条章节部分])[\s、.：:]*",
        ),
        ("cn-paren", r"^([（(][一二三四五六七八九十]+[)）])[\s、.]*"),
        ("cn", r"^([一二三四五六七八九十]+)[、.．]\s*"),
        ("paren", r"^([（(]\d{1,2}[)）])\s*"),
        ("dotted", r"^(\d{1,2}(?:\.\d{1,2})*)(?:[.、)．]\s*|\s+)"),
        ("roman", r"^((?:X{0,3})(?:IX|IV|V?I{0,3}))[.、)]\s+"),
        ("letter", r"^([a-z])[.)]\s+"),
    ]
    .into_iter()
    .map(|(scheme, pattern)| (scheme, Regex::new(pattern).expect("valid")))
    .collect()
});

/// The scheme and number a line starts with, and the rest of it.
fn numbering(line: &str) -> Option<(&'static str, String, &str)> {
    NUMBERED.iter().find_map(|(scheme, re)| {
        let caps = re.captures(line)?;
        let number = caps.get(1)?.as_str();
        if number.is_empty() {
            return None;
        }
        let rest = &line[caps.get(0)?.end()..];
        // A year or an amount opening a sentence is not a section number.
        if *scheme == "dotted" && (rest.is_empty() || number.parse::<u32>().is_ok_and(|n| n > 40)) {
            return None;
        }
        Some((*scheme, number.to_string(), rest))
    })
}

/// An open section: its numbering scheme (`title` for an unnumbered
/// title line), its heading level if markup made it a heading, and its
/// clause.
struct Open {
    scheme: &'static str,
    level: Option<u8>,
    number: Option<String>,
    clause: usize,
}

/// Lines into clauses and sentences.
fn structure(lines: &[Line], guess_titles: bool) -> Document {
    let mut doc = Document::default();
    let mut open: Vec<Open> = Vec::new();
    let mut paragraph: Vec<(u32, String)> = Vec::new();
    let significant: Vec<&Line> = lines.iter().filter(|l| !l.text.is_empty()).collect();
    for (i, line) in significant.iter().enumerate() {
        let next = significant.get(i + 1);
        let numbered = numbering(&line.text);
        let titled = line.heading.is_some()
            || (guess_titles
                && numbered.is_none()
                && !line.item
                && looks_like_title(&line.text, next.copied()));
        if doc.title.is_none() && (line.heading.is_some() || titled) {
            doc.title = Some(truncate(&line.text, 120));
        }
        if numbered.is_some() || titled {
            flush_paragraph(&mut doc, &mut paragraph, &open);
            let (scheme, number, title) = match &numbered {
                Some((scheme, number, rest)) => (*scheme, Some(number.clone()), *rest),
                None => ("title", None, line.text.as_str()),
            };
            close_sections(&mut open, scheme, line.heading);
            let number = number.map(|n| qualified_number(&open, scheme, n));
            // A numbered paragraph is cited by its number; a numbered
            // heading by its number and title.
            let heading_text = numbered.is_none() || is_heading_text(title);
            doc.clauses.push(Clause {
                number: number.clone(),
                title: if heading_text {
                    truncate(title.trim_end_matches([':', '：']), TITLE_CHARS)
                } else {
                    String::new()
                },
            });
            open.push(Open {
                scheme,
                level: line.heading,
                number,
                clause: doc.clauses.len() - 1,
            });
            // A numbered item's own text is a sentence of its clause.
            if numbered.is_some() && !title.is_empty() {
                paragraph.push((line.number, title.to_string()));
                flush_paragraph(&mut doc, &mut paragraph, &open);
            }
            continue;
        }
        if line.item {
            flush_paragraph(&mut doc, &mut paragraph, &open);
            paragraph.push((line.number, line.text.clone()));
            flush_paragraph(&mut doc, &mut paragraph, &open);
            continue;
        }
        paragraph.push((line.number, line.text.clone()));
        if ends_sentence(&line.text) {
            flush_paragraph(&mut doc, &mut paragraph, &open);
        }
    }
    flush_paragraph(&mut doc, &mut paragraph, &open);
    if doc.title.is_none() {
        doc.title = significant.first().map(|l| truncate(&l.text, 120));
    }
    drop_table_of_contents(&mut doc);
    doc
}

/// Drops the entries of a table of contents: short lines that name a
/// section further on. They state nothing, and their statements would be
/// cited at the contents instead of the section.
fn drop_table_of_contents(doc: &mut Document) {
    let titles: Vec<String> = doc.clauses.iter().map(|c| c.title.to_lowercase()).collect();
    let names_later_section = |s: &Sentence| {
        let text = s.text.to_lowercase();
        let text = text.trim_end_matches(['.', '。', ':', '：']);
        is_heading_text(text)
            && titles.iter().enumerate().any(|(i, title)| {
                s.clause.is_none_or(|own| i > own)
                    && !title.is_empty()
                    && (title.contains(text) || text.contains(title.as_str()))
            })
    };
    doc.sentences.retain(|s| !names_later_section(s));
}

/// Closes the sections a new one ends: a section of its own numbering
/// scheme, a heading of its level or deeper, and everything opened inside
/// them. An unnumbered title line of plain text closes all but the
/// headings of the markup.
fn close_sections(open: &mut Vec<Open>, scheme: &str, heading: Option<u8>) {
    if heading.is_none() && scheme == "title" {
        open.retain(|o| o.level.is_some());
        return;
    }
    let ends = |o: &Open| {
        (o.scheme == scheme && scheme != "title")
            || heading.is_some_and(|level| o.level.is_some_and(|l| l >= level))
    };
    if let Some(at) = open.iter().position(ends) {
        open.truncate(at);
    }
}

/// `（一）` under `二` is cited `二 （一）`; `3.1` under `3` is itself.
fn qualified_number(open: &[Open], scheme: &str, number: String) -> String {
    let parent = open.iter().rev().find_map(|o| o.number.as_deref());
    match parent {
        Some(p) if scheme == "dotted" && number.starts_with(&format!("{p}.")) => number,
        Some(p) if scheme != "article" => format!("{p} {number}"),
        _ => number,
    }
}

/// A short line above a longer paragraph, with no sentence punctuation at
/// its end, reads as a heading.
fn looks_like_title(text: &str, next: Option<&Line>) -> bool {
    let chars = text.chars().count();
    if !(2..=90).contains(&chars)
        || ends_sentence(text)
        || text.ends_with([',', '，', '、', ':', '：'])
    {
        return false;
    }
    if text.contains(['。', '；', ';']) || text.contains(". ") {
        return false;
    }
    next.is_some_and(|n| n.text.chars().count() > chars || n.item || numbering(&n.text).is_some())
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end().ends_with([
        '.', '。', '!', '！', '?', '？', ';', '；', ':', '：', '"', '”', ')', '）',
    ])
}

/// Short text that does not read as a sentence: a section's title. A
/// Chinese character counts as two, as it holds about a word.
fn is_heading_text(text: &str) -> bool {
    let text = text.trim_end_matches([':', '：']);
    let width: usize = text.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
    width <= TITLE_CHARS
        && !ends_sentence(text)
        && !text.contains(['。', '；', ';', '，'])
        && !text.contains(". ")
}

/// At most `max` characters, with an ellipsis when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn flush_paragraph(doc: &mut Document, paragraph: &mut Vec<(u32, String)>, open: &[Open]) {
    if paragraph.is_empty() {
        return;
    }
    let clause = open.last().map(|o| o.clause);
    // The paragraph's lines joined (a line wrapped inside a sentence is
    // one sentence), with the offset each line starts at.
    let mut joined = String::new();
    let mut starts: Vec<(usize, u32)> = Vec::new();
    for (line, text) in paragraph.drain(..) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        starts.push((joined.len(), line));
        joined.push_str(&text);
    }
    let mut from = 0;
    for sentence in split_sentences(&joined) {
        let at = joined[from..].find(&sentence).map_or(from, |i| from + i);
        from = at + sentence.len();
        let line = starts
            .iter()
            .take_while(|(start, _)| *start <= at)
            .last()
            .map_or(0, |(_, line)| *line);
        doc.sentences.push(Sentence {
            text: sentence,
            line,
            clause,
        });
    }
}

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
    let text = text.trim();
    if text.chars().any(char::is_alphanumeric) {
        sentences.push(text.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(doc: &Document) -> Vec<(String, Option<String>)> {
        doc.sentences
            .iter()
            .map(|s| (s.text.clone(), doc.clause_of(s).map(Clause::label)))
            .collect()
    }

    #[test]
    fn numbered_sections_and_items_open_clauses() {
        let doc = read(
            "Privacy Policy\n1. How We Collect Data\nWe collect your email address. We keep it.\n- 3.1 With your explicit consent\n",
            Format::Text,
        );
        assert_eq!(doc.title.as_deref(), Some("Privacy Policy"));
        let got = labels(&doc);
        assert_eq!(
            got[1],
            (
                "We collect your email address.".into(),
                Some("1 How We Collect Data".into())
            )
        );
        assert_eq!(got[2].0, "We keep it.");
        assert_eq!(
            got[3],
            (
                "With your explicit consent".into(),
                Some("3.1 With your explicit consent".into())
            )
        );
    }

    #[test]
    fn chinese_numbering_nests_under_its_section() {
        let doc = read(
            "二、我们如何使用信息\n（一）身份验证\n我们会收集您的身份证号码。用于实名认证；\n三、共享\n我们不会共享。",
            Format::Text,
        );
        let got = labels(&doc);
        assert_eq!(got[1].1.as_deref(), Some("二 （一） 身份验证"));
        assert_eq!(
            got[3],
            ("用于实名认证；".into(), Some("二 （一） 身份验证".into()))
        );
        assert_eq!(got.last().unwrap().1.as_deref(), Some("三 共享"));
    }

    #[test]
    fn html_keeps_file_lines_and_drops_scripts() {
        let html = "<html><head><title>x</title></head>\n<body>\n<h2>2. Cookies</h2>\n<p>We use\n  analytics cookies &amp; pixels.</p>\n<script>var email = 1;</script>\n<ul><li>Your phone number</li></ul></body></html>";
        let doc = read(html, Format::Html);
        let got: Vec<(String, u32)> = doc
            .sentences
            .iter()
            .map(|s| (s.text.clone(), s.line))
            .collect();
        assert_eq!(
            got,
            vec![
                ("Cookies".into(), 3),
                ("We use analytics cookies & pixels.".into(), 4),
                ("Your phone number".into(), 7)
            ]
        );
        assert_eq!(doc.clauses[0].label(), "2 Cookies");
    }

    #[test]
    fn markdown_headings_and_links() {
        let doc = read(
            "# Privacy\n\n## What we collect\n\nWe collect your **email** via [our form](https://x.example).\nIt is kept\nfor 30 days.\n",
            Format::Markdown,
        );
        let got = labels(&doc);
        assert_eq!(got[0].0, "We collect your email via our form.");
        assert_eq!(got[0].1.as_deref(), Some("What we collect"));
        assert_eq!(got[1].0, "It is kept for 30 days.");
        assert_eq!(doc.sentences[1].line, 6);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split_sentences("Data, e.g. your name, is kept. Then deleted."),
            vec!["Data, e.g. your name, is kept.", "Then deleted."]
        );
    }

    #[test]
    fn hostile_input_degrades() {
        for text in [
            "<",
            "<<<>>>",
            "&#xFFFFFFFF;",
            "&",
            "<!--",
            "<script>",
            "第",
            "（",
            "\u{feff}",
        ] {
            let _ = read(text, Format::Html);
            let _ = read(text, Format::Markdown);
            let _ = read(text, Format::Text);
        }
    }
}
