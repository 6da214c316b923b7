//! Promises of one manifest that cannot all hold, or that say nothing: a
//! declaration that has no effect, or that another declaration takes back.
//! A manifest with them is valid (the scan runs), but it does not say what
//! its author meant; `candor check-manifest` reports each and fails, and a
//! scan warns.

use super::find;
use super::model::{DataDeclaration, Manifest, covers};
use crate::rules::Rules;
use crate::text::LocatedError;

/// Every contradiction of `manifest` (whose text is `text`, shown as
/// `file`), in the order of the manifest.
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
        let entry = Entry::of(text, &d.category);
        let key = |key: &str| entry.find(key).unwrap_or_else(|| first(&d.category));
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
        if d.store == Some(false) && d.encrypt_at_rest == Some(true) {
            say(
                key("encrypt_at_rest"),
                format!(
                    "`encrypt_at_rest: true` on {} has no effect: `store: false` says it is never stored",
                    d.category
                ),
                "keep the one the policy states: `store: false` if the data is never kept, `encrypt_at_rest: true` if it is kept encrypted",
            );
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    for r in manifest.recipients.iter().flatten() {
        if seen.contains(&r.id.as_str()) {
            say(
                find(text, &r.id, 2).unwrap_or_else(|| first(&r.id)),
                format!(
                    "recipient `{}` is declared twice; only the first entry is used",
                    r.id
                ),
                "merge the two entries",
            );
            continue;
        }
        seen.push(&r.id);
        let entry = Entry::of(text, &r.id);
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
            && manifest.outside_residency(region)
        {
            let regions = manifest
                .residency
                .as_ref()
                .map(|res| res.regions.join(", "))
                .unwrap_or_default();
            say(
                first(&r.id),
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

/// The lines of the list entry that the first line naming a value starts
/// (`- category: user.name` and its keys, up to the next entry or a line
/// indented less).
struct Entry {
    text: String,
    /// Its first line in the manifest, 0-based.
    start: usize,
}

impl Entry {
    fn of(manifest: &str, value: &str) -> Entry {
        let lines: Vec<&str> = manifest.lines().collect();
        let start = find(manifest, value, 1).map_or(0, |(line, _)| line - 1);
        let indent = |l: &str| l.len() - l.trim_start().len();
        let own = lines.get(start).map_or(0, |l| indent(l));
        let end = (start + 1..lines.len())
            .find(|&i| {
                let t = lines[i].trim_start();
                !t.is_empty()
                    && !t.starts_with('#')
                    && (t.starts_with("- ") || indent(lines[i]) < own)
            })
            .unwrap_or(lines.len());
        Entry {
            text: lines[start.min(end)..end].join("\n"),
            start,
        }
    }

    /// Where `needle` first is in the entry, in manifest lines and columns.
    fn find(&self, needle: &str) -> Option<(usize, usize)> {
        find(&self.text, needle, 1).map(|(line, column)| (self.start + line, column))
    }
}
