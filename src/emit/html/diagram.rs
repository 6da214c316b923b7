//! "Where personal data goes": a three-column flow diagram in inline SVG,
//! from where data enters (request sources) through its data categories to
//! where it ends (stores, logs, third parties). Band widths are finding
//! counts; sensitive categories are marked.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::escape;
use crate::model::{Finding, FlowKind, ScanReport};
use crate::rules::Rules;

/// How many nodes a column shows before the rest are grouped as "other".
const SOURCES: usize = 8;
const CATEGORIES: usize = 14;
const DESTINATIONS: usize = 12;

const WIDTH: f64 = 1000.0;
const NODE_WIDTH: f64 = 12.0;
const GAP: f64 = 10.0;
const COLUMNS: [f64; 3] = [215.0, 495.0, 775.0];

/// A node of one column, before layout.
#[derive(Clone)]
struct Node {
    label: String,
    /// The flow kind of a destination, which colours its bands.
    kind: Option<FlowKind>,
    sensitive: bool,
}

/// Weighted edges between the columns, by node key.
#[derive(Default)]
struct Graph {
    sources: BTreeMap<String, Node>,
    categories: BTreeMap<String, Node>,
    destinations: BTreeMap<String, Node>,
    /// (source key, category key) → count.
    inflow: BTreeMap<(String, String), usize>,
    /// (category key, destination key) → count.
    outflow: BTreeMap<(String, String), usize>,
}

fn destination(f: &Finding, rules: &Rules) -> (String, String) {
    match f.flow_kind {
        FlowKind::Shared => {
            let id = f.recipient.as_deref().unwrap_or("unknown");
            let label = rules
                .recipient(id)
                .map(|r| r.name.clone())
                .or_else(|| id.strip_prefix("unknown:").map(str::to_string))
                .unwrap_or_else(|| id.to_string());
            (format!("shared:{id}"), label)
        }
        FlowKind::Stored => {
            let store = f.store.map_or("store", |s| s.name());
            (format!("stored:{store}"), format!("stored: {store}"))
        }
        _ => ("logged".to_string(), "logs".to_string()),
    }
}

fn graph(report: &ScanReport, rules: &Rules) -> Graph {
    let mut g = Graph::default();
    for f in report.reported_flows() {
        for (key, name, sensitive) in f.named_categories() {
            let category = g.categories.entry(key.clone()).or_insert(Node {
                label: name.clone(),
                kind: None,
                sensitive,
            });
            category.sensitive |= sensitive;
            if f.flow_kind == FlowKind::Collected {
                let label = rules
                    .sources
                    .iter()
                    .find(|s| s.id == f.via)
                    .map_or_else(|| f.via.clone(), |s| s.name.clone());
                g.sources.entry(f.via.clone()).or_insert(Node {
                    label,
                    kind: None,
                    sensitive: false,
                });
                *g.inflow.entry((f.via.clone(), key.clone())).or_default() += 1;
            } else {
                let (dest, label) = destination(f, rules);
                g.destinations.entry(dest.clone()).or_insert(Node {
                    label,
                    kind: Some(f.flow_kind),
                    sensitive: false,
                });
                *g.outflow.entry((key.clone(), dest)).or_default() += 1;
            }
        }
    }
    g
}

/// Keeps the `keep` heaviest keys of a column and maps the rest to one
/// "other" key.
fn top(
    nodes: &BTreeMap<String, Node>,
    weight: impl Fn(&str) -> usize,
    keep: usize,
    other: &str,
) -> (Vec<(String, Node)>, BTreeMap<String, String>) {
    let mut ranked: Vec<(&String, &Node)> = nodes.iter().collect();
    ranked.sort_by(|a, b| weight(b.0).cmp(&weight(a.0)).then_with(|| a.0.cmp(b.0)));
    let mut kept = Vec::new();
    let mut rename = BTreeMap::new();
    let overflow = ranked.len() > keep.max(1);
    // The "other" node takes the last place.
    let shown = if overflow { keep.max(1) - 1 } else { keep };
    for (i, (key, node)) in ranked.iter().enumerate() {
        if i < shown {
            kept.push(((*key).clone(), (*node).clone()));
            rename.insert((*key).clone(), (*key).clone());
        } else {
            rename.insert((*key).clone(), format!("~{other}"));
        }
    }
    if overflow {
        let rest = ranked.len() - shown;
        let kind = ranked[shown..]
            .iter()
            .map(|(_, n)| n.kind)
            .reduce(|a, b| if a == b { a } else { None })
            .flatten();
        kept.push((
            format!("~{other}"),
            Node {
                label: format!("{rest} other {other}"),
                kind,
                sensitive: ranked[shown..].iter().any(|(_, n)| n.sensitive),
            },
        ));
    }
    (kept, rename)
}

/// A placed node: its column's key order, top and height.
struct Placed {
    y: f64,
    height: f64,
    value: usize,
}

pub fn section(out: &mut String, report: &ScanReport, rules: &Rules) {
    out.push_str("<section id=\"flows\"><h2>Where personal data goes</h2>\n");
    let g = graph(report, rules);
    if g.categories.is_empty() {
        out.push_str("<p class=\"empty\">No personal data flows found.</p></section>\n");
        return;
    }
    out.push_str("<p class=\"lead\">From where data enters, through its categories, to where it ends. Band widths count findings; <span class=\"swatch sensitive\"></span> marks sensitive categories.</p>\n");
    let sum_by = |edges: &BTreeMap<(String, String), usize>, first: bool, key: &str| -> usize {
        edges
            .iter()
            .filter(|((a, b), _)| if first { a == key } else { b == key })
            .map(|(_, n)| n)
            .sum()
    };
    let category_weight = |k: &str| sum_by(&g.inflow, false, k).max(sum_by(&g.outflow, true, k));
    let (sources, source_of) = top(
        &g.sources,
        |k| sum_by(&g.inflow, true, k),
        SOURCES,
        "sources",
    );
    let (categories, category_of) = top(&g.categories, category_weight, CATEGORIES, "categories");
    let (destinations, destination_of) = top(
        &g.destinations,
        |k| sum_by(&g.outflow, false, k),
        DESTINATIONS,
        "destinations",
    );
    // Edges between the shown nodes, "other" groups merged.
    let mut inflow: BTreeMap<(String, String), usize> = BTreeMap::new();
    for ((s, c), n) in &g.inflow {
        *inflow
            .entry((source_of[s].clone(), category_of[c].clone()))
            .or_default() += n;
    }
    let mut outflow: BTreeMap<(String, String), usize> = BTreeMap::new();
    for ((c, d), n) in &g.outflow {
        *outflow
            .entry((category_of[c].clone(), destination_of[d].clone()))
            .or_default() += n;
    }
    let value = |key: &str, column: usize| -> usize {
        match column {
            0 => sum_by(&inflow, true, key),
            2 => sum_by(&outflow, false, key),
            _ => sum_by(&inflow, false, key).max(sum_by(&outflow, true, key)),
        }
    };
    let columns = [&sources, &categories, &destinations];
    let most_nodes = columns.iter().map(|c| c.len()).max().unwrap_or(1);
    let height = (most_nodes as f64 * 34.0).clamp(240.0, 760.0);
    let totals: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| c.iter().map(|(k, _)| value(k, i)).sum())
        .collect();
    let scale = columns
        .iter()
        .zip(&totals)
        .filter(|(_, t)| **t > 0)
        .map(|(c, t)| (height - GAP * (c.len() as f64 - 1.0)) / *t as f64)
        .fold(f64::INFINITY, f64::min);
    let scale = if scale.is_finite() { scale } else { 1.0 };
    let mut placed: Vec<BTreeMap<&str, Placed>> = Vec::new();
    for (i, column) in columns.iter().enumerate() {
        let mut y = 0.0;
        let mut map = BTreeMap::new();
        for (key, _) in column.iter() {
            let v = value(key, i);
            let h = (v as f64 * scale).max(2.0);
            map.insert(
                key.as_str(),
                Placed {
                    y,
                    height: h,
                    value: v,
                },
            );
            y += h + GAP;
        }
        placed.push(map);
    }
    let _ = writeln!(
        out,
        "<figure class=\"diagram\"><svg viewBox=\"0 0 {WIDTH} {:.0}\" role=\"img\" aria-label=\"Flows of personal data from sources through data categories to stores, logs and third parties\" xmlns=\"http://www.w3.org/2000/svg\">",
        height + 30.0
    );
    let _ = write!(
        out,
        "<g class=\"heads\"><text x=\"{}\" y=\"12\" text-anchor=\"end\">Collected from</text><text x=\"{}\" y=\"12\">Data category</text><text x=\"{}\" y=\"12\">Stored, logged, shared</text></g>\n<g transform=\"translate(0 24)\">\n",
        COLUMNS[0] + NODE_WIDTH,
        COLUMNS[1],
        COLUMNS[2]
    );
    bands(
        out,
        &inflow,
        (&placed[0], &placed[1]),
        (0, 1),
        &|_| "collected",
    );
    let kinds: BTreeMap<&str, &'static str> = destinations
        .iter()
        .map(|(k, n)| (k.as_str(), n.kind.map_or("mixed", FlowKind::name)))
        .collect();
    bands(out, &outflow, (&placed[1], &placed[2]), (1, 2), &|d| {
        kinds.get(d).copied().unwrap_or("mixed")
    });
    for (i, column) in columns.iter().enumerate() {
        for (key, node) in column.iter() {
            let p = &placed[i][key.as_str()];
            let class = if node.sensitive {
                "node sensitive"
            } else {
                "node"
            };
            let (x, anchor) = match i {
                0 => (COLUMNS[0] - 6.0, "end"),
                _ => (COLUMNS[i] + NODE_WIDTH + 6.0, "start"),
            };
            let label = shorten(&node.label, if i == 0 { 28 } else { 30 });
            let title = if i == 1 && !key.starts_with('~') {
                format!("{} ({key})", node.label)
            } else {
                node.label.clone()
            };
            let _ = writeln!(
                out,
                "<g class=\"{class}\"><title>{}: {}</title><rect x=\"{}\" y=\"{:.1}\" width=\"{NODE_WIDTH}\" height=\"{:.1}\" rx=\"2\"/><text x=\"{x}\" y=\"{:.1}\" text-anchor=\"{anchor}\">{}<tspan class=\"n\"> {}</tspan></text></g>",
                escape(&title),
                p.value,
                COLUMNS[i],
                p.y,
                p.height,
                p.y + p.height / 2.0 + 4.0,
                escape(&label),
                p.value
            );
        }
    }
    out.push_str("</g></svg>\n<figcaption><span class=\"swatch collected\"></span>collected <span class=\"swatch stored\"></span>stored <span class=\"swatch logged\"></span>logged <span class=\"swatch shared\"></span>shared</figcaption></figure></section>\n");
}

/// The bands between two columns, each leaving and entering its nodes in
/// the order of the nodes at its other end, so that bands do not cross
/// within a node.
fn bands(
    out: &mut String,
    edges: &BTreeMap<(String, String), usize>,
    (left, right): (&BTreeMap<&str, Placed>, &BTreeMap<&str, Placed>),
    (from, to): (usize, usize),
    class_of: &dyn Fn(&str) -> &'static str,
) {
    let mut ordered: Vec<(&(String, String), &usize)> = edges.iter().collect();
    ordered.sort_by(|a, b| {
        let ya = (left[a.0.0.as_str()].y, right[a.0.1.as_str()].y);
        let yb = (left[b.0.0.as_str()].y, right[b.0.1.as_str()].y);
        ya.partial_cmp(&yb).unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut left_used: BTreeMap<&str, f64> = BTreeMap::new();
    let mut right_used: BTreeMap<&str, f64> = BTreeMap::new();
    // Bands enter a node in the order of their sources.
    let mut entering: Vec<(&(String, String), &usize)> = ordered.clone();
    entering.sort_by(|a, b| {
        let ya = (right[a.0.1.as_str()].y, left[a.0.0.as_str()].y);
        let yb = (right[b.0.1.as_str()].y, left[b.0.0.as_str()].y);
        ya.partial_cmp(&yb).unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut entry_y: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    for ((a, b), n) in &entering {
        let node = &right[b.as_str()];
        let thickness = band(node, **n);
        let used = right_used.entry(b.as_str()).or_default();
        entry_y.insert((a.as_str(), b.as_str()), node.y + *used + thickness / 2.0);
        *used += thickness;
    }
    let x1 = COLUMNS[from] + NODE_WIDTH;
    let x2 = COLUMNS[to];
    let mid = (x1 + x2) / 2.0;
    for ((a, b), n) in ordered {
        let node = &left[a.as_str()];
        let thickness = band(node, *n);
        let used = left_used.entry(a.as_str()).or_default();
        let y1 = node.y + *used + thickness / 2.0;
        *used += thickness;
        let y2 = entry_y[&(a.as_str(), b.as_str())];
        let _ = writeln!(
            out,
            "<path class=\"band {}\" d=\"M{x1} {y1:.1}C{mid} {y1:.1} {mid} {y2:.1} {x2} {y2:.1}\" stroke-width=\"{:.1}\"><title>{n}</title></path>",
            class_of(b),
            thickness.max(1.0)
        );
    }
}

/// A band's thickness within its node: its share of the node's height.
fn band(node: &Placed, n: usize) -> f64 {
    if node.value == 0 {
        return 0.0;
    }
    node.height * n as f64 / node.value as f64
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max - 1).collect();
    format!("{cut}…")
}
