//! The report's sections written as HTML: contents, data inventory,
//! third parties, policy check, the findings' controls, and coverage.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::escape;
use crate::emit::sarif::percent_encode;
use crate::manifest::Manifest;
use crate::model::{FlowKind, NoticeKind, PromiseStatus, ScanReport};
use crate::rules::Rules;

const KINDS: [FlowKind; 4] = [
    FlowKind::Collected,
    FlowKind::Stored,
    FlowKind::Logged,
    FlowKind::Shared,
];

/// A link that filters the findings list (`#findings?category=...`).
fn filter_link(filters: &[(&str, &str)], text: &str) -> String {
    let query: Vec<String> = filters
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    format!(
        "<a href=\"#findings?{}\">{}</a>",
        escape(&query.join("&")),
        text
    )
}

pub fn contents(out: &mut String, report: &ScanReport) {
    out.push_str("<nav class=\"contents\"><a href=\"#flows\">Where data goes</a><a href=\"#inventory\">Data inventory</a><a href=\"#third-parties\">Third parties</a>");
    if report.policy.is_some() {
        out.push_str("<a href=\"#policy\">Policy check</a>");
    }
    out.push_str("<a href=\"#findings\">Findings</a><a href=\"#coverage\">Coverage</a></nav>\n");
}

pub fn inventory(out: &mut String, report: &ScanReport) {
    let mut table: BTreeMap<&str, ([usize; 4], &str, bool)> = BTreeMap::new();
    for f in report.reported_flows() {
        for (key, name, sensitive) in f.named_categories() {
            let row = table
                .entry(key)
                .or_insert(([0; 4], name.as_str(), sensitive));
            row.2 |= sensitive;
            if let Some(i) = KINDS.iter().position(|k| *k == f.flow_kind) {
                row.0[i] += 1;
            }
        }
    }
    out.push_str("<section id=\"inventory\"><h2>Data inventory</h2>\n<p class=\"lead\">Each data category the code handles, and how often it is collected, stored, logged and shared. A number lists those findings.</p>\n");
    if table.is_empty() {
        out.push_str("<p class=\"empty\">No personal data flows found.</p></section>\n");
        return;
    }
    out.push_str("<table class=\"inventory\"><thead><tr><th>Data category</th>");
    for kind in KINDS {
        let _ = write!(out, "<th class=\"num\">{}</th>", kind.name());
    }
    out.push_str("</tr></thead><tbody>\n");
    for (key, (counts, name, sensitive)) in &table {
        let badge = if *sensitive {
            " <span class=\"badge sensitive\">sensitive</span>"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<tr><td><span class=\"cat-name\">{}</span>{badge}<br><code>{}</code></td>",
            escape(name),
            escape(key)
        );
        for (kind, n) in KINDS.iter().zip(counts) {
            if *n == 0 {
                out.push_str("<td class=\"num zero\">·</td>");
            } else {
                let link = filter_link(&[("category", key), ("kind", kind.name())], &n.to_string());
                let _ = write!(out, "<td class=\"num\">{link}</td>");
            }
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table></section>\n");
}

/// What the report knows of one recipient.
#[derive(Default)]
struct Recipient<'a> {
    categories: BTreeSet<&'a str>,
    /// Regions the code names for it.
    regions: BTreeSet<&'a str>,
    places: Vec<(&'a str, u32)>,
    findings: usize,
    sdks: Vec<String>,
}

pub fn third_parties(out: &mut String, report: &ScanReport, rules: &Rules) {
    let mut recipients: BTreeMap<&str, Recipient> = BTreeMap::new();
    for f in report
        .reported_flows()
        .filter(|f| f.flow_kind == FlowKind::Shared)
    {
        let Some(id) = f.recipient.as_deref() else {
            continue;
        };
        let r = recipients.entry(id).or_default();
        r.categories.extend(f.categories());
        r.regions.extend(f.region.as_deref());
        r.findings += 1;
        let place = (f.location.path.as_str(), f.location.start_line);
        if r.places.len() < 3 && !r.places.contains(&place) {
            r.places.push(place);
        }
    }
    for sdk in &report.sdks {
        recipients
            .entry(sdk.recipient.as_str())
            .or_default()
            .sdks
            .push(format!(
                "<code>{}</code> <span class=\"where\">{}:{}</span>",
                escape(&sdk.package),
                escape(&sdk.path),
                sdk.line
            ));
    }
    let declared = report
        .policy
        .as_ref()
        .and_then(|p| p.manifest.recipients.as_ref());
    // A declared recipient the code reached has its row already, under the
    // host the code sent to when it is not in the catalog.
    let manifest = report.policy.as_ref().map(|p| &p.manifest);
    for d in declared.into_iter().flatten() {
        let reached = recipients.keys().any(|k| {
            manifest
                .and_then(|m| m.recipient_for(k))
                .is_some_and(|r| r.id == d.id)
        });
        if !reached {
            recipients.entry(d.id.as_str()).or_default();
        }
    }
    out.push_str("<section id=\"third-parties\"><h2>Third parties</h2>\n<p class=\"lead\">Every service personal data is sent to, whose SDK the project ships, or that the manifest declares.</p>\n");
    if recipients.is_empty() {
        out.push_str("<p class=\"empty\">No third party receives personal data in the scanned code, and no SDK of a known service is shipped.</p></section>\n");
        return;
    }
    out.push_str("<table class=\"third-parties\"><thead><tr><th>Recipient</th><th>Service</th><th>Region</th><th>Receives</th><th>In code</th><th>SDK in dependencies</th><th>Declared</th></tr></thead><tbody>\n");
    for (id, r) in &recipients {
        let catalog = rules.recipient(id);
        let declaration = report
            .policy
            .as_ref()
            .and_then(|p| p.manifest.recipient_for(id));
        let host = id.strip_prefix("unknown:");
        let name = declaration
            .and_then(|d| d.name.as_deref())
            .or(catalog.map(|c| c.name.as_str()))
            .or(host)
            .unwrap_or(id);
        let service = declaration
            .and_then(|d| d.service.as_deref())
            .or(catalog.map(|c| c.service.as_str()))
            .unwrap_or("not in the catalog");
        let mut regions: Vec<String> = r.regions.iter().map(|s| s.to_string()).collect();
        let manifest = report.policy.as_ref().map(|p| &p.manifest);
        if regions.is_empty()
            && let Some(region) = Manifest::region_of(manifest, id, None, rules)
        {
            regions.push(region.to_string());
        }
        let receives: Vec<String> = r
            .categories
            .iter()
            // A key may break after its dots, not inside its words.
            .map(|c| format!("<code>{}</code>", escape(c).replace('.', ".<wbr>")))
            .collect();
        let places: Vec<String> = r
            .places
            .iter()
            .map(|(path, line)| format!("{}:{line}", escape(path)))
            .collect();
        let in_code = if r.findings == 0 {
            "<span class=\"muted\">no flow found</span>".to_string()
        } else {
            format!(
                "{}<br><span class=\"where\">{}</span>",
                filter_link(
                    &[("recipient", id)],
                    &format!(
                        "{} finding{}",
                        r.findings,
                        if r.findings == 1 { "" } else { "s" }
                    )
                ),
                places.join("<br>")
            )
        };
        let is_declared = match (&report.policy, declared, declaration) {
            (None, ..) => "<span class=\"muted\">no manifest</span>",
            (Some(_), None, _) => "<span class=\"muted\">recipients not declared</span>",
            (Some(_), Some(_), Some(_)) => "<span class=\"status kept\">declared</span>",
            (Some(_), Some(_), None) => "<span class=\"status broken\">not declared</span>",
        };
        let _ = writeln!(
            out,
            "<tr><td><strong>{}</strong>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{in_code}</td><td>{}</td><td>{is_declared}</td></tr>",
            escape(name),
            if host.is_some() || name != *id {
                format!("<br><code>{}</code>", escape(id))
            } else {
                String::new()
            },
            escape(service),
            escape(&regions.join(", ")),
            if receives.is_empty() {
                "<span class=\"muted\">—</span>".to_string()
            } else {
                receives.join("<br>")
            },
            if r.sdks.is_empty() {
                "<span class=\"muted\">—</span>".to_string()
            } else {
                r.sdks.join("<br>")
            },
        );
    }
    out.push_str("</tbody></table></section>\n");
}

pub fn policy(out: &mut String, report: &ScanReport) {
    let Some(check) = &report.policy else {
        return;
    };
    let statuses: Vec<PromiseStatus> = check
        .promises
        .iter()
        .map(|p| p.status(&report.findings))
        .collect();
    let count = |s: PromiseStatus| statuses.iter().filter(|x| **x == s).count();
    let _ = write!(
        out,
        "<section id=\"policy\"><h2>Policy check</h2>\n<p class=\"lead\">The promises of <code>{}</code>: {} kept, {} broken, {} not exercised by the scanned code{}.</p>\n",
        escape(&check.path),
        count(PromiseStatus::Kept),
        count(PromiseStatus::Broken) + count(PromiseStatus::Accepted),
        count(PromiseStatus::Unexercised),
        match count(PromiseStatus::NotChecked) {
            0 => String::new(),
            n => format!(", {n} not checked"),
        }
    );
    out.push_str("<table class=\"promises\"><thead><tr><th>Status</th><th>Promise</th><th>Clause</th><th>Manifest</th><th class=\"num\">Breaking findings</th></tr></thead><tbody>\n");
    for (i, (promise, status)) in check.promises.iter().zip(&statuses).enumerate() {
        // The findings the link lists: the reported ones, or the accepted
        // ones when only those break it.
        let accepted = *status == PromiseStatus::Accepted;
        let breaking = report
            .findings
            .iter()
            .filter(|f| promise.broken_by(f) && (accepted || f.suppression.is_none()))
            .count();
        let class = match status {
            PromiseStatus::Broken => "broken",
            PromiseStatus::Accepted => "accepted",
            PromiseStatus::Unexercised => "unexercised",
            PromiseStatus::Kept => "kept",
            PromiseStatus::NotChecked => "unchecked",
        };
        let breaking = if breaking == 0 {
            "<span class=\"muted\">·</span>".to_string()
        } else {
            let mut filters = vec![("promise", i.to_string())];
            if accepted {
                filters.push(("suppressed", "only".to_string()));
            }
            let filters: Vec<(&str, &str)> =
                filters.iter().map(|(k, v)| (*k, v.as_str())).collect();
            filter_link(&filters, &breaking.to_string())
        };
        let _ = writeln!(
            out,
            "<tr class=\"{class}\"><td><span class=\"status {class}\">{}</span></td><td><code>{}</code><br>{}</td><td>{}</td><td class=\"where\">{}:{}</td><td class=\"num\">{breaking}</td></tr>",
            status.name(),
            escape(&promise.subject),
            escape(&promise.statement),
            promise.clause.as_deref().map(escape).unwrap_or_default(),
            escape(&promise.location.path),
            promise.location.start_line,
        );
    }
    out.push_str("</tbody></table></section>\n");
}

/// The findings section: its controls; the page's script fills the list.
pub fn findings(out: &mut String, report: &ScanReport) {
    let suppressed = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_some())
        .count();
    out.push_str("<section id=\"findings\"><h2>Findings</h2>\n");
    if let Some(note) = report.stats.left_out_note() {
        let _ = writeln!(out, "<p class=\"lead\">{}.</p>", escape(&note));
    }
    out.push_str(
        "<form class=\"filters\" role=\"search\" onsubmit=\"return false\">\
<fieldset class=\"levels\"><legend>Level</legend>\
<label><input type=\"checkbox\" name=\"level\" value=\"error\" checked> errors</label>\
<label><input type=\"checkbox\" name=\"level\" value=\"warning\" checked> warnings</label>\
<label><input type=\"checkbox\" name=\"level\" value=\"note\" checked> notes</label></fieldset>\
<label>Flow <select name=\"kind\"><option value=\"\">all</option>\
<option>collected</option><option>stored</option><option>logged</option><option>shared</option></select></label>\
<label>Category <select name=\"category\"><option value=\"\">all</option></select></label>\
<label>Recipient <select name=\"recipient\"><option value=\"\">all</option></select></label>\
<label>Path <input type=\"text\" name=\"path\" placeholder=\"src/api/\" size=\"14\"></label>\
<label class=\"grow\">Search <input type=\"search\" name=\"q\" placeholder=\"message, code, rule\"></label>",
    );
    let _ = write!(
        out,
        "<label>Suppressed <select name=\"suppressed\"><option value=\"\">hidden</option><option value=\"only\">only ({suppressed})</option><option value=\"all\">shown too</option></select></label>"
    );
    out.push_str(
        "<input type=\"hidden\" name=\"promise\" value=\"\"></form>\n\
<p class=\"count\" id=\"count\" aria-live=\"polite\"></p>\n\
<div id=\"list\"><noscript><p>The findings list needs JavaScript; the JSON, SARIF and CSV reports hold the same findings.</p></noscript></div>\n\
<p><button type=\"button\" id=\"more\" hidden>Show more</button></p>\n</section>\n",
    );
}

pub fn coverage(out: &mut String, report: &ScanReport) {
    let _ = write!(
        out,
        "<section id=\"coverage\"><h2>Coverage</h2>\n<p class=\"lead\">What this report covers: {} files ({} lines, {} KB) analysed; {} skipped.</p>\n",
        report.stats.files_scanned,
        report.stats.lines_scanned,
        report.stats.bytes_scanned / 1024,
        report.stats.files_skipped
    );
    if report.notices.is_empty() {
        out.push_str("<p class=\"empty\">Every file found was analysed in full.</p></section>\n");
        return;
    }
    let groups = [
        (
            NoticeKind::InternalError,
            "Failed on a bug of candor's (the report is incomplete)",
        ),
        (
            NoticeKind::NotAnalysed,
            "Languages candor does not read yet",
        ),
        (NoticeKind::Error, "Could not be read or parsed"),
        (NoticeKind::Partial, "Analysed in part"),
        (NoticeKind::Skipped, "Skipped"),
    ];
    for (kind, title) in groups {
        let notices: Vec<_> = report.notices.iter().filter(|n| n.kind == kind).collect();
        if notices.is_empty() {
            continue;
        }
        let open = if kind == NoticeKind::Skipped {
            ""
        } else {
            " open"
        };
        let _ = write!(
            out,
            "<details{open}><summary>{title} ({})</summary><table class=\"notices\"><tbody>",
            notices.len()
        );
        for n in notices {
            let _ = write!(
                out,
                "<tr><td class=\"where\">{}</td><td>{}</td></tr>",
                escape(&n.path),
                escape(&n.message)
            );
        }
        out.push_str("</tbody></table></details>\n");
    }
    out.push_str("</section>\n");
}
