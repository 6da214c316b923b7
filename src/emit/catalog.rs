//! `candor rules`: the checks, data categories, sinks, sources and
//! recipients candor knows, as a listing or as the Markdown reference.

use crate::checks;
use crate::rules::Rules;

/// What to list; everything but the Markdown reference when nothing is
/// asked for.
#[derive(Debug, Clone, Copy, Default)]
pub struct Sections {
    pub markdown: bool,
    pub categories: bool,
    pub sinks: bool,
    pub recipients: bool,
}

pub fn render(rules: &Rules, sections: Sections) -> String {
    let Sections {
        markdown,
        categories,
        sinks,
        recipients,
    } = sections;
    let all = !(markdown || categories || sinks || recipients);
    let mut out = String::new();
    if markdown {
        out.push_str(&checks::reference_markdown());
    }
    if all {
        out.push_str("checks:\n");
        let rows: Vec<Vec<String>> = checks::ALL
            .iter()
            .map(|r| {
                vec![
                    r.id.to_string(),
                    r.level.name().to_string(),
                    r.short_description.to_string(),
                ]
            })
            .collect();
        out.push_str(&columns(&rows));
    }
    if categories || all {
        out.push_str(&format!("categories ({}):\n", rules.categories.len()));
        let rows: Vec<Vec<String>> = rules
            .categories
            .iter()
            .map(|c| {
                let flags = [
                    (c.sensitive, "sensitive"),
                    (c.secret, "secret"),
                    (c.extension, "extension"),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(",");
                vec![c.key.clone(), flags, c.name.clone()]
            })
            .collect();
        out.push_str(&columns(&rows));
    }
    if sinks || all {
        out.push_str(&format!("sinks ({}):\n", rules.sinks.len()));
        let rows: Vec<Vec<String>> = rules
            .sinks
            .iter()
            .map(|s| {
                let to = s
                    .spec
                    .recipient
                    .clone()
                    .or(s.spec.http.as_ref().map(|_| "http".into()))
                    .unwrap_or_default();
                vec![
                    s.spec.id.clone(),
                    s.language.name().to_string(),
                    s.spec.kind.name().to_string(),
                    to,
                    s.spec.name.clone(),
                ]
            })
            .collect();
        out.push_str(&columns(&rows));
        out.push_str(&format!("sources ({}):\n", rules.sources.len()));
        let rows: Vec<Vec<String>> = rules
            .sources
            .iter()
            .map(|s| vec![s.id.clone(), s.name.clone()])
            .collect();
        out.push_str(&columns(&rows));
    }
    if recipients || all {
        out.push_str(&format!("recipients ({}):\n", rules.recipients.len()));
        let rows: Vec<Vec<String>> = rules
            .recipients
            .iter()
            .map(|r| {
                vec![
                    r.id.clone(),
                    r.service.clone(),
                    r.region.clone(),
                    r.name.clone(),
                ]
            })
            .collect();
        out.push_str(&columns(&rows));
    }
    out
}

/// Rows as indented columns, each as wide as its widest cell (the last
/// column is not padded).
fn columns(rows: &[Vec<String>]) -> String {
    let count = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..count)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::from(" ");
        for (i, cell) in row.iter().enumerate() {
            line.push(' ');
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i].saturating_sub(cell.chars().count());
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `candor explain RULE`: a check's reference, as the terminal shows it.
pub fn explain(r: &crate::model::Rule) -> String {
    let cwe = r.cwe_names().join(", ");
    let mut out = format!("{} ({}", r.id, r.level.name());
    if !cwe.is_empty() {
        out.push_str(&format!(", {cwe}"));
    }
    out.push_str(&format!(
        ")\n\n{}\n\n{}\n",
        r.full_description,
        r.help.trim()
    ));
    out
}

/// `candor rules --json`: the checks and the whole catalog, for tools.
pub fn json(rules: &Rules) -> String {
    let checks: Vec<serde_json::Value> = checks::ALL
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "level": r.level.name(),
                "cwe": r.cwe,
                "summary": r.short_description,
            })
        })
        .collect();
    let categories: Vec<serde_json::Value> = rules
        .categories
        .iter()
        .map(|c| {
            serde_json::json!({
                "key": c.key,
                "name": c.name,
                "sensitive": c.sensitive,
                "secret": c.secret,
                "extension": c.extension,
            })
        })
        .collect();
    let sinks: Vec<serde_json::Value> = rules
        .sinks
        .iter()
        .map(|s| {
            serde_json::json!({
                "id": s.spec.id,
                "name": s.spec.name,
                "language": s.language.name(),
                "kind": s.spec.kind.name(),
                "recipient": s.spec.recipient,
                "store": s.spec.store.map(|k| k.name()),
            })
        })
        .collect();
    let sources: Vec<serde_json::Value> = rules
        .sources
        .iter()
        .map(|s| serde_json::json!({ "id": s.id, "name": s.name }))
        .collect();
    let recipients: Vec<serde_json::Value> = rules
        .recipients
        .iter()
        .map(|r| {
            serde_json::json!({
                "id": r.id,
                "name": r.name,
                "service": r.service,
                "region": r.region,
                "purpose": r.purpose,
                "domains": r.domains,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "checks": checks,
        "categories": categories,
        "sinks": sinks,
        "sources": sources,
        "recipients": recipients,
    });
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}
