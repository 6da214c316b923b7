//! Promises of one manifest that cannot all hold, or that say nothing: a
//! declaration that has no effect, or that another declaration takes back.
//! A manifest with them is valid (the scan runs), but it does not say what
//! its author meant; `candor check-manifest` reports each and fails, and a
//! scan warns.

use super::find;
use super::model::{DataDeclaration, Manifest, covers};
use crate::rules::Rules;
use crate::text::LocatedError;
use crate::text::char_column;

/// Every contradiction of `manifest` (whose text is `text`, shown as
/// `file`): those of its data first, then of its recipients, then of its
/// tracking, each section in its order.
pub fn find_all(file: &str, text: &str, manifest: &Manifest, rules: &Rules) -> Vec<LocatedError> {
    let mut out = Vec::new();
    let mut say = |at: (usize, usize), message: String, help: &str| {
        out.push(LocatedError {
            help: Some(help.to_string()),
            ..LocatedError::new(file, at, message)
        });
    };
    let first = |needle: &str| find(text, needle, 1).unwrap_or((1, 1));
    for d in &manifest.data {
        let entry = Entry::of(text, "category", &d.category);
        let key = |key: &str| entry.key(key).unwrap_or_else(|| first(&d.category));
        if d.log == Some(true) && always_sensitive(d, rules) {
            say(
                key("log"),
                format!(
                    "`log: true` on {} has no effect: it is sensitive data, which may never be logged",
                    d.category
                ),
                "remove `log: true`; if the policy treats this data as ordinary, say so with `sensitive: false`",
            );
        }
        if d.never_stored() && d.encrypt_at_rest == Some(true) {
            say(
                key("encrypt_at_rest"),
                format!(
                    "`encrypt_at_rest: true` on {} has no effect: `store: false` says it is never stored",
                    d.category
                ),
                "keep the one the policy states: `store: false` if the data is never kept, `encrypt_at_rest: true` if it is kept encrypted",
            );
        }
        for p in d.stored_only_for().unwrap_or_default() {
            if !d.purposes.iter().any(|declared| covers(declared, p)) {
                say(
                    entry.find(p).unwrap_or_else(|| key("store")),
                    format!(
                        "`store: {{only_for: [{p}]}}` on {} names a purpose the entry does not declare: the data would be kept for a use it is not collected for",
                        d.category
                    ),
                    "add the purpose to `purposes`, or keep only declared purposes under `only_for`",
                );
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for r in manifest.recipients.iter().flatten() {
        let repeats = seen.iter().filter(|id| **id == r.id).count();
        seen.push(&r.id);
        if repeats > 0 {
            say(
                key_line(text, "id", &r.id, repeats + 1).unwrap_or_else(|| first(&r.id)),
                format!(
                    "recipient `{}` is declared twice; only the first entry is used",
                    r.id
                ),
                "merge the two entries",
            );
            continue;
        }
        let entry = Entry::of(text, "id", &r.id);
        for c in &r.categories {
            if manifest.declaration(c).is_none() && !declares_below(manifest, c) {
                say(
                    entry.find(c).unwrap_or_else(|| first(c)),
                    format!(
                        "recipient `{}` receives {c}, which `data` does not declare: the policy would share data it does not say it collects",
                        r.id
                    ),
                    "declare the category under `data` with the purposes the policy gives, or remove it from the recipient",
                );
            }
        }
        if let Some(region) = Manifest::region_of(Some(manifest), &r.id, None, rules)
            && manifest.outside_residency(region, rules)
        {
            let regions = manifest
                .residency
                .as_ref()
                .map(|res| res.regions.join(", "))
                .unwrap_or_default();
            say(
                key_line(text, "id", &r.id, 1).unwrap_or_else(|| first(&r.id)),
                format!(
                    "recipient `{}` processes data in {region}, outside the declared residency ({regions}): every transfer to it will be reported",
                    r.id
                ),
                "if the policy allows this transfer, add the region to `residency.regions`; if not, the recipient should not be declared",
            );
        }
    }
    if manifest.recipients.as_ref().is_some_and(Vec::is_empty) {
        for r in manifest
            .tracking
            .iter()
            .flatten()
            .filter_map(|t| t.recipient.as_ref())
        {
            say(
                first(r),
                format!(
                    "tracking by `{r}` shares data with a third party, but `recipients: []` says personal data is shared with no one"
                ),
                "declare the recipient under `recipients`, or remove the tracking entry if the policy does not disclose it",
            );
        }
    }
    out
}

/// Whether every category `d` covers is sensitive (by its own `sensitive`,
/// else by the taxonomy), so that allowing it in logs allows nothing.
fn always_sensitive(d: &DataDeclaration, rules: &Rules) -> bool {
    if let Some(sensitive) = d.sensitive {
        return sensitive;
    }
    let mut covered = rules
        .categories
        .iter()
        .filter(|c| covers(&d.category, &c.key))
        .peekable();
    covered.peek().is_some() && covered.all(|c| c.sensitive)
}

/// Whether `data` declares a category below `key` (a recipient of
/// `user.contact` receives declared data when `user.contact.email` is).
fn declares_below(manifest: &Manifest, key: &str) -> bool {
    manifest.data.iter().any(|d| covers(key, &d.category))
}

/// The lines of the list entry whose `key` is `value` (`- category:
/// user.name` and its keys, up to the next entry of its list or a line
/// indented less), or of the first line naming `value` when no line has it
/// as that key.
struct Entry {
    lines: Vec<String>,
    /// Its first line in the manifest, 0-based.
    start: usize,
}

impl Entry {
    fn of(manifest: &str, key: &str, value: &str) -> Entry {
        let lines: Vec<&str> = manifest.lines().collect();
        let start = lines
            .iter()
            .position(|l| key_value(l).is_some_and(|(k, v)| k == key && v == value))
            .or_else(|| find(manifest, value, 1).map(|(line, _)| line - 1))
            .unwrap_or(0);
        let indent = |l: &str| l.len() - l.trim_start().len();
        let own = lines.get(start).map_or(0, |l| indent(l));
        let end = (start + 1..lines.len())
            .find(|&i| {
                let t = lines[i].trim_start();
                let at = indent(lines[i]);
                !t.is_empty()
                    && !t.starts_with('#')
                    && (at < own || at == own && t.starts_with("- "))
            })
            .unwrap_or(lines.len());
        Entry {
            lines: lines[start.min(end)..end]
                .iter()
                .map(|l| l.to_string())
                .collect(),
            start,
        }
    }

    /// Where key `key` of the entry is, in manifest lines and columns.
    fn key(&self, key: &str) -> Option<(usize, usize)> {
        self.lines.iter().enumerate().find_map(|(i, line)| {
            let (k, _) = key_value(line)?;
            let at = line.find(key).filter(|_| k == key)?;
            Some((self.start + i + 1, char_column(line, at)))
        })
    }

    /// Where `value` first is in the entry, in manifest lines and columns.
    fn find(&self, value: &str) -> Option<(usize, usize)> {
        find(&self.lines.join("\n"), value, 1).map(|(line, column)| (self.start + line, column))
    }
}

/// Line and column of the `nth` line whose `key` is `value`.
fn key_line(text: &str, key: &str, value: &str, nth: usize) -> Option<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| key_value(l).is_some_and(|(k, v)| k == key && v == value))
        .nth(nth - 1)
        .and_then(|(i, l)| Some((i + 1, char_column(l, l.find(value)?))))
}

/// A line's key and plain value (`- category: user.name  # ...` gives
/// (`category`, `user.name`)), quotes and comment left out.
fn key_value(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start();
    let line = line.strip_prefix("- ").unwrap_or(line).trim_start();
    let (key, rest) = line.split_once(':')?;
    let value = rest.split(" #").next().unwrap_or(rest).trim();
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    (!key.is_empty() && !key.contains(' ')).then_some((key, value))
}
