//! A policy file's markup removed: plain text, Markdown and HTML as
//! lines that keep the file's line numbers, each marked as a heading or a
//! list item when the markup says so.

use std::sync::LazyLock;

use regex::Regex;

use super::Line;

pub(super) fn text_lines(text: &str) -> Vec<Line> {
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

pub(super) fn markdown_lines(text: &str) -> Vec<Line> {
    static LINK: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"!?\[([^\]]*)\]\([^)]*\)").expect("valid"));
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"</?[a-zA-Z][^>]*>").expect("valid"));
    static ORDERED_ITEM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d{1,3}[.)]\s+").expect("valid"));
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
            // An ordered list item (`1. `) is an item, not a section:
            // Markdown numbers sections with headings.
            let (item, rest) = match ORDERED_ITEM.find(rest) {
                Some(m) if !item && heading.is_none() => (true, &rest[m.end()..]),
                _ => (item, rest),
            };
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
pub(super) fn html_lines(html: &str) -> Vec<Line> {
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
            // No tag closes any more: the rest is text.
            push_html_text(&mut current, rest, &mut file_line);
            break;
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
            let end = find_ascii_case_insensitive(rest, &format!("</{name}")).unwrap_or(rest.len());
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

/// Where `needle` (ASCII) first occurs in `haystack`, ignoring ASCII case.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let first = needle.first()?.to_ascii_lowercase();
    (0..hay.len().saturating_sub(needle.len() - 1)).find(|&i| {
        hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
    })
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
        // An entity is short: look for its `;` among the next few bytes.
        let end = rest.bytes().take(12).position(|b| b == b';');
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
