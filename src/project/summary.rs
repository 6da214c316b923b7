//! A file's flow summary with its spans turned into locations, so that the
//! join can report steps in any file after the file's text is gone.

use crate::finding::{Location, SourceLines, TrailStep};
use crate::flow::Flow;
use crate::flow::Step;
use crate::flow::summary::{Body, CallSite, Edge, From, Node, Signature, Summary, Symbol};
use crate::ir::Language;
use crate::rules::CategoryId;

/// One file's summary, ready to be joined with the others.
#[derive(Debug)]
pub struct FileSummary {
    /// The path shown in output.
    pub path: String,
    pub language: Language,
    pub functions: Vec<Signature>,
    pub calls: Vec<LocatedCall>,
    pub sinks: Vec<LocatedSink>,
    pub symbols: Vec<Symbol>,
    pub edges: Vec<LocatedEdge>,
    /// Module-level names and their origins.
    pub globals: Vec<(String, String)>,
    /// Personal fields of the classes declared in the file.
    pub classes: Vec<(String, Vec<(String, CategoryId)>)>,
    pub bodies: Vec<LocatedBody>,
}

/// A typed request body, with what a finding at it needs.
#[derive(Debug)]
pub struct LocatedBody {
    pub body: Body,
    pub location: Location,
    pub snippet: String,
    /// Its reads with their normalized fields, located (`body.reads`
    /// moved here).
    pub reads: Vec<(String, LocatedSink)>,
}

#[derive(Debug)]
pub struct LocatedCall {
    pub site: CallSite,
    pub location: Location,
}

/// A sink call, with what a finding at it needs.
#[derive(Debug)]
pub struct LocatedSink {
    /// The flow to report, but for its category.
    pub flow: Flow,
    pub location: Location,
    pub snippet: String,
}

#[derive(Debug)]
pub struct LocatedEdge {
    pub from: From,
    pub to: Node,
    pub field: Option<String>,
    pub trail: Vec<TrailStep>,
}

/// Locates every span of `summary` in the file's text.
pub fn locate(summary: Summary, path: &str, language: Language, text: &str) -> FileSummary {
    let lines = SourceLines::new(text);
    let steps = |trail: Vec<Step>| -> Vec<TrailStep> {
        trail
            .into_iter()
            .map(|s| TrailStep {
                location: lines.location(path, s.span),
                message: s.note,
            })
            .collect()
    };
    FileSummary {
        path: path.to_string(),
        language,
        functions: summary.functions,
        calls: summary
            .calls
            .into_iter()
            .map(|site| LocatedCall {
                location: lines.location(path, site.span),
                site,
            })
            .collect(),
        sinks: summary
            .sinks
            .into_iter()
            .map(|flow| LocatedSink {
                location: lines.location(path, flow.span),
                snippet: lines.line(flow.span.start_line).trim_end().to_string(),
                flow,
            })
            .collect(),
        symbols: summary.symbols,
        globals: summary.globals,
        classes: summary.classes,
        bodies: summary
            .bodies
            .into_iter()
            .map(|mut body| LocatedBody {
                location: lines.location(path, body.flow.span),
                snippet: lines.line(body.flow.span.start_line).trim_end().to_string(),
                reads: std::mem::take(&mut body.reads)
                    .into_iter()
                    .map(|(field, flow)| {
                        let read = LocatedSink {
                            location: lines.location(path, flow.span),
                            snippet: lines.line(flow.span.start_line).trim_end().to_string(),
                            flow,
                        };
                        (field, read)
                    })
                    .collect(),
                body,
            })
            .collect(),
        edges: summary
            .edges
            .into_iter()
            .map(|e: Edge| LocatedEdge {
                from: e.from,
                to: e.to,
                field: e.field,
                trail: steps(e.trail),
            })
            .collect(),
    }
}
