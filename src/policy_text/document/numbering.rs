//! Section numbers: the schemes policies number their sections with
//! (`3.1`, `二、`, `（一）`, `第三条`, `IV.`).

use std::sync::LazyLock;

use regex::Regex;

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
pub(super) fn numbering(line: &str) -> Option<(&'static str, String, &str)> {
    NUMBERED.iter().find_map(|(scheme, re)| {
        let caps = re.captures(line)?;
        let number = caps.get(1)?.as_str();
        if number.is_empty() {
            return None;
        }
        let whole = caps.get(0)?;
        let rest = &line[whole.end()..];
        // A year or an amount opening a sentence is not a section number,
        // nor is a bare number the text goes on from ("under\n13 may
        // not"): a number without punctuation opens a section only before
        // a capital or a Chinese character.
        if *scheme == "dotted" {
            let punctuated = !whole.as_str()[number.len()..].trim().is_empty();
            let starts_title = rest
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || !c.is_ascii());
            if rest.is_empty()
                || number.parse::<u32>().is_ok_and(|n| n > 40)
                || !(punctuated || number.contains('.') || starts_title)
            {
                return None;
            }
        }
        Some((*scheme, number.to_string(), rest))
    })
}
