//! A privacy policy's text as sentences, each with the line it starts on and
//! the clause (numbered section or heading) it belongs to.
//!
//! Plain text, Markdown and HTML are read into lines that keep the line
//! numbers of the file, so that a citation can be found in it. Numbered
//! lines (`3.1`, `二、`, `（一）`, `第三条`, `IV.`) and headings (`#`,
//! `<h2>`, or a short title line above a paragraph) open clauses; the
//! clause of a sentence is the innermost one open where it stands.

mod markup;
mod numbering;
mod sentences;

use markup::{html_lines, markdown_lines, text_lines};
use numbering::numbering;
pub use sentences::split_sentences;

/// The largest policy file read: policies are tens of kilobytes.
pub const MAX_POLICY_FILE: u64 = 4 << 20;

/// The sentences a table of contents may span, at the start of a text.
const CONTENTS_LINES: usize = 60;

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
        // A line that goes on from a sentence left open is no section.
        let continues = i > 0 && !paragraph.is_empty();
        let numbered = numbering(&line.text).filter(|_| !continues);
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
            // A numbered paragraph's text is a sentence of its clause; a
            // numbered heading's title is not ("2. Cookies" says nothing
            // of cookies).
            if numbered.is_some() && !title.is_empty() && (!heading_text || line.item) {
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
    // Nearly the same words: one holds the other, which is most of it
    // ("如何使用Cookies" names "我们如何使用Cookies"; "Email" does not
    // name "Your email address").
    let names = |title: &str, text: &str| {
        let (short, long) = if title.len() < text.len() {
            (title, text)
        } else {
            (text, title)
        };
        !short.is_empty()
            && long.contains(short)
            && short.chars().count() * 4 >= long.chars().count() * 3
    };
    let names_later_section = |s: &Sentence| {
        let text = s.text.to_lowercase();
        let text = text.trim_end_matches(['.', '。', ':', '：']);
        is_heading_text(text)
            && titles
                .iter()
                .enumerate()
                .any(|(i, title)| s.clause.is_none_or(|own| i > own) && names(title, text))
    };
    // A table of contents comes first.
    let mut index = 0;
    doc.sentences.retain(|s| {
        index += 1;
        index > CONTENTS_LINES || !names_later_section(s)
    });
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
    // A next line that starts in lower case, or with a number that opens
    // no section, goes on from this one.
    let goes_on = |n: &Line| {
        numbering(&n.text).is_none()
            && n.text
                .chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
    };
    next.is_some_and(|n| {
        !goes_on(n) && (n.text.chars().count() > chars || n.item || numbering(&n.text).is_some())
    })
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
        // A numbered heading's title is no sentence; a numbered item's is.
        let got = labels(&doc);
        assert_eq!(
            got[0],
            (
                "We collect your email address.".into(),
                Some("1 How We Collect Data".into())
            )
        );
        assert_eq!(got[1].0, "We keep it.");
        assert_eq!(
            got[2],
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
        // The headings' titles are not sentences: they state nothing.
        let got = labels(&doc);
        assert_eq!(got[0].1.as_deref(), Some("二 （一） 身份验证"));
        assert_eq!(
            got[1],
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
            "<p>我们的R&D部门负责处理您的手机号码。</p>",
            "Q&A：联系我们&#",
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
