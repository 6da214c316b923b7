//! A file's flow summary with its spans turned into character positions,
//! so that the join can report steps in any file after the file's text is
//! gone. Positions carry no path (the summary has it once), which keeps
//! summaries small on large trees.

use std::ops::Range;
use std::sync::Arc;

use super::callee::{Callee, LocatedFunction};
use super::details::{DetailsWriter, Region};
use super::names::{NamePool, NameTable, Names, Run};
use super::shelf::{Shelf, Stowed};
use super::site::Site;
use crate::classify::normalized_name;
use crate::flow::summary::{
    Body, Edge, From, Node, Origin, Summary, Symbol, TypedObject, read_verb,
};
use crate::hash::Set;
use crate::ir::Span;
use crate::language::Language;
use crate::model::{CategoryId, Flow, Role, Snippet};
use crate::packed::{Distinct, Packed, Packer};
use crate::text::SourceLines;

/// One file's summary, ready to be joined with the others.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct FileSummary {
    /// The path shown in output.
    pub path: String,
    pub language: Language,
    /// What code the file holds: only production code starts trails.
    pub role: Role,
    pub functions: Box<[LocatedFunction]>,
    pub calls: Box<[LocatedCall]>,
    pub sinks: Box<[LocatedSink]>,
    pub symbols: Box<[LocatedSymbol]>,
    /// The fields symbols take of what arrives (see
    /// [`LocatedSymbol::projection`]), each once.
    projections: Packed,
    pub edges: Box<[LocatedEdge]>,
    /// The edges' fields, edge after edge (see [`LocatedEdge::fields_end`]).
    edge_fields: Packed,
    /// The id of the first step of the edges' trails in the file's
    /// details: each edge's steps follow the one's before (see
    /// [`LocatedEdge::trail_end`]).
    first_edge_step: u32,
    /// Module-level names and their origins.
    pub globals: Box<[(String, String)]>,
    /// Personal fields of the classes declared in the file.
    pub classes: Box<[ClassFields]>,
    pub bodies: Box<[LocatedBody]>,
    pub objects: Box<[LocatedObject]>,
    pub inputs: Box<[LocatedInput]>,
    /// Interfaces given a host where they are made, and the declared sinks
    /// of interfaces (see `flow::summary::Summary`).
    pub services: Box<[(String, String)]>,
    pub service_sinks: Box<[(u32, String)]>,
    /// The names of the file's calls and functions, each once (in the
    /// file's table, or from the join on, the tree's), and each call's and
    /// function's run of indices into them (see `super::names`).
    names: Names,
    name_ids: Box<[u32]>,
    /// Its steps and call lines, which only findings read: with the
    /// summary, or on the scan's shelf (see `super::details`).
    details: Stowed,
}

/// A class declared in a file, and its personal fields.
pub type ClassFields = (String, Vec<(String, CategoryId)>);

/// A symbol the join follows from what arrives at its origin.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LocatedSymbol {
    pub origin: Origin,
    /// `user.email` of parameter `user`: only that field of what arrives,
    /// an index into [`FileSummary::projections`] (see
    /// [`FileSummary::projection`]), or [`WHOLE`]. (Not an `Option`: that
    /// would take a third more room, for a hundred thousand symbols.)
    projection: u32,
}

/// The projection of a symbol that stands for the whole value.
const WHOLE: u32 = u32::MAX;

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
    /// The step, an id in the file's details.
    pub step: u32,
}

/// A typed request body, with what a finding at it needs.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedBody {
    pub body: Body,
    pub region: Region,
    pub snippet: Snippet,
    /// The step "collected from parameter `dto`" that starts its trails,
    /// an id in the file's details.
    pub step: u32,
    /// Its reads with their normalized fields, located (`body.reads`
    /// moved here).
    pub reads: Vec<(String, LocatedSink)>,
}

/// A call the file's analysis could not resolve, with what the join needs
/// of it (see [`FileSummary::site`]).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct LocatedCall {
    /// The calling function (index into [`FileSummary::functions`]).
    pub function: u32,
    receiver: bool,
    /// How many of its names are paths.
    paths: u8,
    /// Its names: where they start in [`FileSummary::name_ids`], and how
    /// many there are.
    names: (u32, u32),
    /// The call's line, for a finding located at it: kept only for calls
    /// that data of the file reaches, as an id in the file's details. (Its
    /// step, "passed to `m()`", is the details' step of the call's index.)
    pub snippet: Option<u32>,
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
    /// The field the value arrives in, then the fields written over on
    /// the way (see [`Edge`]): they end where this says in the file's
    /// `edge_fields`, and start where the edge before's fields end, or at
    /// 0 for the first edge (none for most edges). Edges are many: an edge
    /// keeps one end of each run, not two.
    fields_end: u32,
    /// Its steps in the file's details likewise: they end before this id,
    /// and start where the edge before's steps end, or at the file's
    /// `first_edge_step` for the first edge.
    trail_end: u32,
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
    let mut details = DetailsWriter::default();
    // A flow that crosses functions is reported at the call it enters
    // them by (see `crate::project`): only a call some edge reaches can be
    // one, and only those keep their line.
    let entered: Set<u32> = summary
        .edges
        .iter()
        .filter_map(|e| match e.to {
            Node::Arg { call, .. } => Some(call),
            _ => None,
        })
        .collect();
    let mut table = NameTable::default();
    let functions = compact(
        summary
            .functions
            .iter()
            .map(|f| LocatedFunction::new(f, table.add(f.names()))),
    );
    let runs: Vec<(u32, u32)> = summary
        .calls
        .iter()
        .map(|site| table.add(site.names()))
        .collect();
    let (names, name_ids) = table.finish();
    let spans = summary.call_spans.into_iter();
    // The calls' steps come first, one a call (see `Details`).
    let calls = compact(summary.calls.iter().zip(spans).zip(runs).enumerate().map(
        |(i, ((site, span), names))| {
            let step = details.step(region(span), format!("passed to `{}()`", site.method()));
            debug_assert_eq!(step, i as u32);
            LocatedCall {
                function: site.function,
                receiver: site.receiver,
                paths: site.path_count(),
                names,
                snippet: entered
                    .contains(&(i as u32))
                    .then(|| details.line(snippet(span))),
            }
        },
    ));
    let bodies = compact(summary.bodies.into_iter().map(|mut body| {
        let at = region(body.flow.span);
        LocatedBody {
            region: at,
            snippet: snippet(body.flow.span),
            step: details.step(
                at,
                format!("{} {}", read_verb(body.addresses), body.flow.target),
            ),
            reads: std::mem::take(&mut body.reads)
                .into_iter()
                .map(|(field, flow)| (field, located(flow)))
                .collect(),
            body,
        }
    }));
    let objects = compact(summary.objects.into_iter().map(|object| {
        let message = format!("`{}` of type `{}`", object.name, short_type(&object.ty));
        LocatedObject {
            step: details.step(region(object.span), message),
            object,
        }
    }));
    let mut edges = summary.edges;
    let mut projections = Distinct::default();
    let symbols = compact(
        symbols_with_edges(summary.symbols, &mut edges)
            .into_iter()
            .map(|symbol| LocatedSymbol {
                origin: symbol.origin,
                projection: symbol
                    .projection
                    .map_or(WHOLE, |field| projections.id(&field)),
            }),
    );
    let mut fields = Packer::default();
    let first_edge_step = details.step_count();
    let edges = compact(edges.into_iter().map(|e: Edge| {
        for step in e.trail {
            details.step(region(step.span), step.note);
        }
        add_edge_fields(&mut fields, e.field.as_deref(), &e.overwritten);
        LocatedEdge {
            from: e.from,
            to: e.to,
            fields_end: fields.count(),
            trail_end: details.step_count(),
        }
    }));
    FileSummary {
        path: path.to_string(),
        language,
        role,
        functions,
        calls,
        names: Names::Own(names),
        name_ids,
        sinks: compact(summary.sinks.into_iter().map(located)),
        symbols,
        projections: projections.finish(),
        globals: compact(summary.globals),
        classes: compact(summary.classes),
        services: compact(summary.services),
        service_sinks: compact(summary.service_sinks),
        bodies,
        objects,
        inputs: compact(summary.inputs.into_iter().map(|input| LocatedInput {
            class: input.class,
            bases: input.bases,
            fields: input.fields.into_iter().map(located).collect(),
        })),
        edges,
        edge_fields: fields.finish(),
        first_edge_step,
        details: Stowed::Here(Box::new(details.finish())),
    }
}

/// Puts the names of every file's calls and functions in one table for
/// the tree, `pool`'s: files repeat one another's names, and the join holds
/// every file's summary at once. Most files gave their names to the pool as
/// they were analysed (see [`FileSummary::pool_names`]); the rest give
/// them now.
pub(super) fn share_names(files: &mut [FileSummary], pool: NamePool) {
    for file in files.iter_mut() {
        file.pool_names(&pool);
    }
    let shared = pool.finish();
    for file in files {
        file.names = Names::Shared(Arc::clone(&shared));
    }
}

/// The items without spare room, and without a capacity to remember:
/// summaries of every file stay in memory until the join, and a vector
/// grown by pushing (or collected in place from a larger one) keeps up to
/// half its room unused.
fn compact<T>(items: impl IntoIterator<Item = T>) -> Box<[T]> {
    items.into_iter().collect::<Vec<T>>().into_boxed_slice()
}

/// Adds an edge's fields to the file's `table`: none for most edges, which
/// name no field.
fn add_edge_fields(table: &mut Packer, field: Option<&str>, overwritten: &[String]) {
    if field.is_none() && overwritten.is_empty() {
        return;
    }
    table.push_optional(field);
    for name in overwritten {
        table.push(name);
    }
}

/// An edge's fields, read from its file's table.
pub struct EdgeFields<'a> {
    table: &'a Packed,
    /// Where they start in `table`, and how many there are.
    run: (u32, u32),
}

impl<'a> EdgeFields<'a> {
    /// The field the value sits in when it arrives (`{"email": x}`).
    pub fn field(&self) -> Option<&'a str> {
        let (start, len) = self.run;
        if len == 0 {
            return None;
        }
        self.table.optional(start as usize)
    }

    /// Fields of the symbol written over on the way (normalized names).
    pub fn overwritten(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        let (start, len) = self.run;
        let table = self.table;
        (start.saturating_add(1)..start.saturating_add(len)).map(move |i| table.get(i as usize))
    }

    /// Whether data arriving in `field` was written over on the way, and
    /// so does not take this edge. (Most edges write over nothing: the
    /// field is normalized only for those that do.)
    pub fn overwrites(&self, field: &str) -> bool {
        let mut overwritten = self.overwritten().peekable();
        if overwritten.peek().is_none() {
            return false;
        }
        let field = normalized_name(field);
        overwritten.any(|o| o == field)
    }
}

/// The symbols some edge leaves from, in their order, with the edges
/// renumbered to match: the join follows a symbol only along its edges,
/// and most symbols (the result of every call the file makes) have none.
fn symbols_with_edges(symbols: Vec<Symbol>, edges: &mut [Edge]) -> Vec<Symbol> {
    const DROPPED: u32 = u32::MAX;
    let mut new_id = vec![DROPPED; symbols.len()];
    for e in edges.iter() {
        if let From::Symbol(s) = e.from
            && let Some(id) = new_id.get_mut(s as usize)
        {
            *id = 0;
        }
    }
    let mut kept = Vec::new();
    for (symbol, id) in symbols.into_iter().zip(&mut new_id) {
        if *id != DROPPED {
            *id = kept.len() as u32;
            kept.push(symbol);
        }
    }
    for e in edges.iter_mut() {
        if let From::Symbol(s) = &mut e.from {
            *s = new_id.get(*s as usize).copied().unwrap_or(DROPPED);
        }
    }
    kept
}

/// A type as a reader knows it: `Owner`, not the path it was imported by.
fn short_type(ty: &str) -> &str {
    ty.rsplit(['.', ':', '/']).next().unwrap_or(ty)
}

impl FileSummary {
    /// The fields of edge `e`: the field the value arrives in, and those
    /// written over on the way.
    pub fn fields(&self, e: usize) -> EdgeFields<'_> {
        let (start, end) = self.edge_run(e, 0, |edge| edge.fields_end);
        EdgeFields {
            table: &self.edge_fields,
            run: (start, end.saturating_sub(start)),
        }
    }

    /// The ids of the steps of edge `e` in the file's details, first to
    /// last.
    pub fn edge_steps(&self, e: usize) -> Range<u32> {
        let (start, end) = self.edge_run(e, self.first_edge_step, |edge| edge.trail_end);
        start..end
    }

    /// Where the run of edge `e` that `end` gives starts (where the edge
    /// before's ends, or at `first`) and ends.
    fn edge_run(&self, e: usize, first: u32, end: impl Fn(&LocatedEdge) -> u32) -> (u32, u32) {
        let start = match e {
            0 => first,
            _ => self.edges.get(e - 1).map_or(first, &end),
        };
        (start, self.edges.get(e).map_or(start, end))
    }

    /// Its steps and call lines, with it or on the scan's shelf.
    pub fn details(&self) -> &Stowed {
        &self.details
    }

    /// Puts its details on `shelf` until a finding needs them.
    pub fn stow(&mut self, shelf: &Shelf) {
        shelf.stow(&mut self.details);
    }

    /// Gives its names to `pool`, freeing its own table (see
    /// `super::names`).
    pub fn pool_names(&mut self, pool: &NamePool) {
        let names = std::mem::replace(&mut self.names, Names::Pooled);
        pool.take(&names, &mut self.name_ids);
    }

    /// The run of name indices `run` gives, if the file holds it whole.
    fn run(&self, (start, len): (u32, u32)) -> Option<&[u32]> {
        let start = start as usize;
        self.name_ids.get(start..start.checked_add(len as usize)?)
    }

    /// Whether `run` is within the file's table, holds at least `least`
    /// names, and each is one the table holds.
    fn run_valid(&self, run: (u32, u32), least: usize) -> bool {
        self.run(run).is_some_and(|ids| {
            ids.len() >= least
                && ids
                    .iter()
                    .all(|&id| (id as usize) < self.names.table().len())
        })
    }

    /// `call` of this file, as the join reads it (with no names, for a
    /// call of another file or one a damaged cache entry made up).
    pub fn site<'a>(&'a self, call: &LocatedCall) -> Site<'a> {
        let ids = self.run(call.names).unwrap_or_default();
        Site::new(
            call.function,
            call.receiver,
            call.paths,
            Run::new(ids, self.names.table()),
        )
    }

    /// Function `function` of this file, as calls reach it.
    pub fn callee(&self, function: u32) -> Callee<'_> {
        let located = &self.functions[function as usize];
        let ids = self.run(located.names).unwrap_or_default();
        Callee::new(located, Run::new(ids, self.names.table()))
    }

    /// This file's functions, in order.
    pub fn callees(&self) -> impl Iterator<Item = Callee<'_>> {
        (0..self.functions.len() as u32).map(|f| self.callee(f))
    }

    /// The field of what arrives that `symbol` takes, if it takes one.
    pub fn projection(&self, symbol: &LocatedSymbol) -> Option<&str> {
        (symbol.projection != WHOLE).then(|| self.projections.get(symbol.projection as usize))
    }

    /// Whether every data category it names is one of the first `count`
    /// (an index the rules have), and every step, line and name it names is
    /// one it holds, as a summary read back from the cache (its details
    /// with it) must be before the join indexes by them.
    pub fn indices_valid(&self, count: usize) -> bool {
        let Stowed::Here(details) = &self.details else {
            return false;
        };
        let known = |id: CategoryId| usize::from(id) < count;
        let noted = |step: u32| (step as usize) < details.step_count();
        let sinks_known = |sinks: &[LocatedSink]| sinks.iter().all(|s| known(s.flow.category));
        sinks_known(&self.sinks)
            && self.inputs.iter().all(|i| sinks_known(&i.fields))
            && self.bodies.iter().all(|b| {
                known(b.body.flow.category)
                    && noted(b.step)
                    && b.reads.iter().all(|(_, s)| known(s.flow.category))
            })
            && self
                .classes
                .iter()
                .all(|(_, fields)| fields.iter().all(|(_, id)| known(*id)))
            && details.valid()
            && self.calls.len() <= details.step_count()
            && self.edge_runs_whole(details.step_count())
            && self.edges.iter().all(|e| {
                let from = match e.from {
                    From::Data(id) => known(id),
                    From::Symbol(s) => (s as usize) < self.symbols.len(),
                };
                let to = match e.to {
                    Node::Arg { call, .. } => (call as usize) < self.calls.len(),
                    Node::Return { function } => (function as usize) < self.functions.len(),
                    Node::Sink { sink } => (sink as usize) < self.sinks.len(),
                };
                from && to
            })
            && self
                .symbols
                .iter()
                .all(|s| s.projection == WHOLE || (s.projection as usize) < self.projections.len())
            && self.functions.iter().all(|f| self.run_valid(f.names, 2))
            && self.calls.iter().all(|c| {
                (c.function as usize) < self.functions.len()
                    && self.run_valid(c.names, 2 + usize::from(c.paths))
                    && c.snippet
                        .is_none_or(|l| (l as usize) < details.call_line_count())
            })
            && self.objects.iter().all(|o| noted(o.step))
    }

    /// Whether each edge's fields and steps start where the edge before's
    /// end, and the last end within the tables of `steps` steps and of the
    /// fields.
    fn edge_runs_whole(&self, steps: usize) -> bool {
        let (mut step, mut field) = (self.first_edge_step, 0);
        let ordered = self.edges.iter().all(|e| {
            let whole = e.trail_end >= step && e.fields_end >= field;
            (step, field) = (e.trail_end, e.fields_end);
            whole
        });
        ordered && step as usize <= steps && field as usize <= self.edge_fields.len()
    }
}

#[cfg(test)]
mod tests {
    use super::{EdgeFields, Names, add_edge_fields, locate, share_names, symbols_with_edges};
    use crate::flow::summary::{
        ArgSlot, CallSite, Edge, From, Node, Origin, Signature, Summary, Symbol,
    };
    use crate::ir::Span;
    use crate::language::Language;
    use crate::model::{Role, Step};
    use crate::packed::Packer;
    use crate::project::NamePool;

    /// A file that defines `name(email)` and calls `send` on `root`.
    fn file_calling(name: &str, root: &str) -> super::FileSummary {
        let summary = Summary {
            functions: vec![Signature::new(name, None, ["email"])],
            calls: vec![CallSite::new(
                0,
                false,
                "send",
                Some(root),
                [format!("{root}.send").as_str()],
                [None],
            )],
            call_spans: vec![Span::default()],
            ..Summary::default()
        };
        locate(
            summary,
            "app.py",
            Language::Python,
            Role::Production,
            "send(email)\n",
        )
    }

    /// What the join reads of a file's names.
    fn names_of(file: &super::FileSummary) -> Vec<String> {
        let site = file.site(&file.calls[0]);
        let callee = file.callee(0);
        let mut names = vec![site.method().to_string(), site.root().unwrap_or("").into()];
        names.extend(callee.params().map(String::from));
        names.push(callee.name().to_string());
        names
    }

    /// Asserts that `file`, damaged by `damage`, is not believed as read
    /// back from the cache.
    fn refused(
        file: &super::FileSummary,
        damage: impl FnOnce(&mut super::FileSummary),
        what: &str,
    ) {
        let mut damaged = file.clone();
        damage(&mut damaged);
        assert!(!damaged.indices_valid(1), "{what}");
    }

    #[test]
    fn names_read_the_same_from_the_trees_table() {
        let mut files = [
            file_calling("signup", "app.mail"),
            file_calling("login", "app.mail"),
            file_calling("signup", "app.sms"),
        ];
        let before: Vec<_> = files.iter().map(names_of).collect();
        let pool = NamePool::default();
        // Two files give their names as analysis does; the join takes the
        // third's.
        files[0].pool_names(&pool);
        files[2].pool_names(&pool);
        assert!(
            postcard::to_stdvec(&files[0]).is_err(),
            "a pooled summary is not kept in the cache"
        );
        share_names(&mut files, pool);
        let after: Vec<_> = files.iter().map(names_of).collect();
        assert_eq!(after, before);
        let Names::Shared(tree) = &files[1].names else {
            panic!("the join shares one table");
        };
        // send, app.mail, app.sms, app.mail.send, app.sms.send, email,
        // signup, login, and the absent class of each function: each once.
        let mut texts: Vec<_> = (0..tree.len()).map(|i| tree.get(i)).collect();
        texts.sort_unstable();
        texts.dedup();
        assert_eq!(texts.len(), tree.len(), "no name twice");
        assert!(files.iter().all(|f| f.indices_valid(1)));
        // Shared again (a second join over the same files): still the same.
        share_names(&mut files, NamePool::default());
        assert_eq!(files.iter().map(names_of).collect::<Vec<_>>(), before);
    }

    #[test]
    fn a_summary_read_back_is_believed_only_with_its_tables_whole() {
        let file = file_calling("signup", "app.mail");
        assert!(file.indices_valid(1));
        assert_eq!(file.callee(0).name(), "signup");
        assert_eq!(file.callee(0).params().collect::<Vec<_>>(), ["email"]);
        assert_eq!(file.site(&file.calls[0]).method(), "send");

        refused(
            &file,
            |f| f.calls[0].function = 1,
            "a call of a function the file lacks",
        );
        refused(
            &file,
            |f| f.calls[0].names = (0, 99),
            "a call's names past the table",
        );
        refused(
            &file,
            |f| f.functions[0].names = (0, 1),
            "a function without its class slot",
        );
        refused(
            &file,
            |f| f.calls[0].snippet = Some(0),
            "a call line the file lacks",
        );
        refused(&file, |f| f.name_ids[0] = 99, "a name the table lacks");
    }

    #[test]
    fn an_edge_keeps_its_field_and_the_fields_written_over() {
        let mut table = Packer::default();
        let mut add = |field: Option<&str>, overwritten: &[&str]| {
            let overwritten: Vec<String> = overwritten.iter().map(|s| s.to_string()).collect();
            let start = table.count();
            add_edge_fields(&mut table, field, &overwritten);
            (start, table.count() - start)
        };
        let plain = add(None, &[]);
        let full = add(Some("email"), &["phone", "name"]);
        let written_over = add(None, &["email"]);
        let table = table.finish();
        assert_eq!(table.len(), 5, "nothing kept for the plain edge");
        let fields = |run| EdgeFields { table: &table, run };
        let (plain, full, written_over) = (fields(plain), fields(full), fields(written_over));
        assert_eq!(plain.field(), None);
        assert_eq!(plain.overwritten().count(), 0);
        assert_eq!(full.field(), Some("email"));
        assert_eq!(full.overwritten().collect::<Vec<_>>(), ["phone", "name"]);
        assert_eq!(written_over.field(), None);
        assert_eq!(written_over.overwritten().collect::<Vec<_>>(), ["email"]);
        // Data arriving in a field is matched by its normalized name.
        assert!(written_over.overwrites("email"));
        assert!(written_over.overwrites("Email"));
        assert!(!written_over.overwrites("phone"));
        assert!(!plain.overwrites("email"));
    }

    #[test]
    fn edges_read_their_steps_and_fields_from_where_the_edge_before_ends() {
        let step = |note: &str| Step {
            span: Span::default(),
            note: note.to_string(),
        };
        let edge = |field: Option<&str>, overwritten: &[&str], trail: Vec<Step>| Edge {
            from: From::Data(0),
            to: Node::Return { function: 0 },
            field: field.map(String::from),
            overwritten: overwritten.iter().map(|s| s.to_string()).collect(),
            trail,
        };
        let summary = Summary {
            functions: vec![Signature::new("signup", None, ["email"])],
            calls: vec![CallSite::new(0, false, "send", None, [], [None])],
            call_spans: vec![Span::default()],
            edges: vec![
                edge(None, &[], vec![step("a"), step("b")]),
                edge(Some("email"), &["phone"], vec![]),
                edge(None, &[], vec![step("c")]),
            ],
            ..Summary::default()
        };
        let file = locate(summary, "app.py", Language::Python, Role::Production, "x\n");
        assert!(file.indices_valid(1));
        // Step 0 is the call's; the edges' follow it.
        let steps: Vec<Vec<u32>> = (0..4).map(|e| file.edge_steps(e).collect()).collect();
        assert_eq!(steps, [vec![1, 2], vec![], vec![3], vec![]]);
        assert_eq!(file.fields(0).field(), None);
        assert_eq!(file.fields(1).field(), Some("email"));
        assert_eq!(file.fields(1).overwritten().collect::<Vec<_>>(), ["phone"]);
        assert_eq!(file.fields(2).field(), None);
        assert_eq!(file.fields(2).overwritten().count(), 0);

        refused(
            &file,
            |f| f.edges[1].trail_end = 1,
            "steps that end before they start",
        );
        refused(
            &file,
            |f| f.edges[2].trail_end = 9,
            "steps past the details",
        );
        refused(
            &file,
            |f| f.edges[2].fields_end = 9,
            "fields past the table",
        );
        refused(
            &file,
            |f| f.first_edge_step = 9,
            "a first step past the details",
        );
        let into_call = Node::Arg {
            call: 1,
            slot: ArgSlot::Index(0),
        };
        refused(
            &file,
            |f| f.edges[0].to = into_call,
            "an edge into a call the file lacks",
        );
        refused(
            &file,
            |f| f.edges[0].to = Node::Return { function: 1 },
            "an edge into a function the file lacks",
        );
        refused(
            &file,
            |f| f.edges[0].to = Node::Sink { sink: 0 },
            "an edge into a sink the file lacks",
        );
        refused(
            &file,
            |f| f.edges[0].from = From::Symbol(0),
            "an edge from a symbol the file lacks",
        );
    }

    #[test]
    fn symbols_without_edges_are_dropped_and_edges_renumbered() {
        let symbol = |call| Symbol {
            origin: Origin::Result { call },
            projection: None,
        };
        let edge = |from| Edge {
            from,
            to: Node::Return { function: 0 },
            field: None,
            overwritten: Vec::new(),
            trail: Vec::new(),
        };
        let mut edges = vec![
            edge(From::Symbol(3)),
            edge(From::Data(0)),
            edge(From::Symbol(1)),
            edge(From::Symbol(3)),
        ];
        let kept = symbols_with_edges((0..5).map(symbol).collect(), &mut edges);
        assert_eq!(kept, [symbol(1), symbol(3)]);
        let froms: Vec<From> = edges.iter().map(|e| e.from).collect();
        assert_eq!(
            froms,
            [
                From::Symbol(1),
                From::Data(0),
                From::Symbol(0),
                From::Symbol(1)
            ]
        );
    }
}
