//! A file's flow summary with its spans turned into character positions,
//! so that the join can report steps in any file after the file's text is
//! gone. Positions carry no path (the summary has it once), which keeps
//! summaries small on large trees.

use crate::flow::summary::{
    Body, CallSite, Edge, From, Node, Signature, Summary, Symbol, TypedObject, read_verb,
};
use crate::ir::Span;
use crate::language::Language;
use crate::model::{CategoryId, Flow, Location, Role, Snippet, Step};
use crate::text::SourceLines;

/// One file's summary, ready to be joined with the others.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FileSummary {
    /// The path shown in output.
    pub path: String,
    pub language: Language,
    /// What code the file holds: only production code starts trails.
    pub role: Role,
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
    pub objects: Vec<LocatedObject>,
    pub inputs: Vec<LocatedInput>,
    /// Interfaces given a host where they are made, and the declared sinks
    /// of interfaces (see `flow::summary::Summary`).
    pub services: Vec<(String, String)>,
    pub service_sinks: Vec<(u32, String)>,
}

/// A class that may be a declared request input, its fields located.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedInput {
    pub class: String,
    pub bases: Vec<String>,
    pub fields: Vec<LocatedSink>,
}

/// A typed variable reaching a sink or a call whole, with the step that
/// starts its trails ("`owner` of type `Owner`").
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedObject {
    pub object: TypedObject,
    pub step: Spot,
}

/// A typed request body, with what a finding at it needs.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedBody {
    pub body: Body,
    pub region: Region,
    pub snippet: Snippet,
    /// The step "collected from parameter `dto`" that starts its trails.
    pub step: Spot,
    /// Its reads with their normalized fields, located (`body.reads`
    /// moved here).
    pub reads: Vec<(String, LocatedSink)>,
}

/// A place in the summary's file: 1-based lines and character columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Region {
    pub fn of(location: &Location) -> Region {
        Region {
            start_line: location.start_line,
            start_column: location.start_column,
            end_line: location.end_line,
            end_column: location.end_column,
        }
    }

    pub fn in_file(&self, path: &str) -> Location {
        Location {
            path: path.to_string(),
            start_line: self.start_line,
            start_column: self.start_column,
            end_line: self.end_line,
            end_column: self.end_column,
        }
    }
}

/// One step of a trail in the summary's file.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Spot {
    pub region: Region,
    pub message: String,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedCall {
    pub site: CallSite,
    /// The step "passed to `m()`" at the call.
    pub step: Spot,
    /// The call's line, for a finding located at it: kept only for calls
    /// that data of the file reaches (see [`FileSummary::calls`]).
    pub snippet: Option<Snippet>,
}

/// A sink call, with what a finding at it needs.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedSink {
    /// The flow to report, but for its category.
    pub flow: Flow,
    pub region: Region,
    pub snippet: Snippet,
}

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedEdge {
    pub from: From,
    pub to: Node,
    pub field: Option<String>,
    pub overwritten: Vec<String>,
    pub trail: Vec<Spot>,
}

/// Locates every span of `summary` in the file's text.
pub fn locate(
    summary: Summary,
    path: &str,
    language: Language,
    role: Role,
    text: &str,
) -> FileSummary {
    let lines = SourceLines::new(text);
    let region = |span| Region::of(&lines.location("", span));
    let snippet = |span: Span| {
        let at = region(span);
        lines.snippet(at.start_line, at.start_column)
    };
    let located = |flow: Flow| LocatedSink {
        region: region(flow.span),
        snippet: snippet(flow.span),
        flow,
    };
    // A flow that crosses functions is reported at the call it enters
    // them by (see `crate::project`): only a call some edge reaches can be
    // one, and only those keep their line.
    let entered: std::collections::HashSet<u32> = summary
        .edges
        .iter()
        .filter_map(|e| match e.to {
            Node::Arg { call, .. } => Some(call),
            _ => None,
        })
        .collect();
    let steps = |trail: Vec<Step>| -> Vec<Spot> {
        trail
            .into_iter()
            .map(|s| Spot {
                region: region(s.span),
                message: s.note,
            })
            .collect()
    };
    FileSummary {
        path: path.to_string(),
        language,
        role,
        functions: summary.functions,
        calls: summary
            .calls
            .into_iter()
            .enumerate()
            .map(|(i, site)| LocatedCall {
                step: Spot {
                    region: region(site.span),
                    message: format!("passed to `{}()`", site.method),
                },
                snippet: entered.contains(&(i as u32)).then(|| snippet(site.span)),
                site,
            })
            .collect(),
        sinks: summary.sinks.into_iter().map(located).collect(),
        symbols: summary.symbols,
        globals: summary.globals,
        classes: summary.classes,
        services: summary.services,
        service_sinks: summary.service_sinks,
        bodies: summary
            .bodies
            .into_iter()
            .map(|mut body| LocatedBody {
                region: region(body.flow.span),
                snippet: snippet(body.flow.span),
                step: Spot {
                    region: region(body.flow.span),
                    message: format!("{} {}", read_verb(body.addresses), body.flow.target),
                },
                reads: std::mem::take(&mut body.reads)
                    .into_iter()
                    .map(|(field, flow)| (field, located(flow)))
                    .collect(),
                body,
            })
            .collect(),
        objects: summary
            .objects
            .into_iter()
            .map(|object| LocatedObject {
                step: Spot {
                    region: region(object.span),
                    message: format!("`{}` of type `{}`", object.name, short_type(&object.ty)),
                },
                object,
            })
            .collect(),
        inputs: summary
            .inputs
            .into_iter()
            .map(|input| LocatedInput {
                class: input.class,
                bases: input.bases,
                fields: input.fields.into_iter().map(located).collect(),
            })
            .collect(),
        edges: summary
            .edges
            .into_iter()
            .map(|e: Edge| LocatedEdge {
                from: e.from,
                to: e.to,
                field: e.field,
                overwritten: e.overwritten,
                trail: steps(e.trail),
            })
            .collect(),
    }
}

/// A type as a reader knows it: `Owner`, not the path it was imported by.
fn short_type(ty: &str) -> &str {
    ty.rsplit(['.', ':', '/']).next().unwrap_or(ty)
}

impl FileSummary {
    /// Whether every data category it names is one of the first `count`
    /// (an index the rules have), as a summary read back from the cache
    /// must be before the join indexes by it.
    pub fn categories_below(&self, count: usize) -> bool {
        let known = |id: CategoryId| usize::from(id) < count;
        let sinks_known = |sinks: &[LocatedSink]| sinks.iter().all(|s| known(s.flow.category));
        sinks_known(&self.sinks)
            && self.inputs.iter().all(|i| sinks_known(&i.fields))
            && self.bodies.iter().all(|b| {
                known(b.body.flow.category) && b.reads.iter().all(|(_, s)| known(s.flow.category))
            })
            && self
                .classes
                .iter()
                .all(|(_, fields)| fields.iter().all(|(_, id)| known(*id)))
            && self.edges.iter().all(|e| match e.from {
                From::Data(id) => known(id),
                From::Symbol(_) => true,
            })
    }
}
