//! The project-level join: data that crosses functions and files.
//!
//! Each file's analysis leaves a summary (see `crate::flow::summary`): which
//! parameters, call results and data reach its sinks, returns and call
//! arguments. Here calls are resolved to the project's functions and data
//! is pushed along those edges, breadth first, from the caller's data to
//! the callee's sinks and from the callee's returns back to its callers.
//!
//! The walk is bounded: each (place, category, field, entry call, calling
//! context) is visited once, at most `MAX_ENTRIES` entry calls are followed
//! apart into one place, and a path crosses at most `MAX_CALLS` calls, so
//! the cost stays near-linear in the number of edges. A value returned from a
//! function goes back only to the call that passed it in, so a helper
//! called from many places does not mix up its callers' data.
//!
//! A flow that enters other functions before it reaches a sink is reported
//! at the call it entered them by, with the sink at the end of its trail:
//! `send_password_hint(&data.email, hint)` in a handler, not once for all
//! callers at the `send_email` helper's mailer call, whose one trail would
//! hide every other caller and what each of them sends.

mod callee;
mod details;
mod graph;
mod inputs;
mod names;
mod placement;
mod resolve;
mod shelf;
mod shown;
mod site;
mod summary;

use std::collections::VecDeque;

use crate::hash::{Map, Set};

use details::Region;
pub use names::NamePool;
pub use placement::merge;
pub use shelf::{Shelf, ShelfError};
use shown::Shown;
pub use summary::{FileSummary, locate};

use crate::budget::{self, Steps};
use crate::checks;
use crate::classify::{normalized_name, tokens};
use crate::flow::summary::{From, Node, Origin, Slot};
use crate::model::{CategoryId, Finding, Flow, FlowKind, Snippet, TrailStep};
use crate::rules::Rules;
use graph::Graph;
use resolve::{Index, bind};

/// Calls a path may cross before it is dropped.
const MAX_CALLS: usize = 8;
/// Entry calls followed apart into one place: past this many, a helper's
/// further callers share one walk and their flows are reported once at the
/// sink, so that a helper called from thousands of places costs what it
/// did before flows were reported per caller.
const MAX_ENTRIES: u32 = 32;
/// Trails longer than this are not extended further.
const MAX_TRAIL: usize = 64;

/// A place a value can be in: a parameter of a function, or the result of
/// a call, in some file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Place {
    Param {
        file: u32,
        function: u32,
        slot: Slot,
    },
    Result {
        file: u32,
        call: u32,
    },
}

/// A call in a file: (file, call).
type CallRef = (u32, u32);

/// Where a fact is: the place, what, in which field, returning to which
/// call.
type At = (Place, CategoryId, Option<String>, Option<CallRef>);

/// What makes a fact new: where it is and the call it entered by (the
/// findings' place).
type Visit = (At, Option<CallRef>);

/// A step of a trail: (file, step id in the file's details).
type StepRef = (u32, u32);

/// The steps data took. The join carries only their ids: what they say is
/// read back for the findings alone (see `shown`).
type Trail = Vec<StepRef>;

/// Data of one category at a place, with how it got there.
struct Fact {
    place: Place,
    category: CategoryId,
    field: Option<String>,
    trail: Trail,
    calls: Calls,
}

/// The calls a fact entered to get where it is.
#[derive(Debug, Clone, Default)]
struct Calls {
    /// Innermost last: a return goes back to the last one.
    stack: Vec<CallRef>,
    /// Past [`MAX_ENTRIES`]: the flow is reported at its sink.
    collapsed: bool,
}

impl Calls {
    /// The call the flow is reported at.
    fn entry(&self) -> Option<CallRef> {
        self.stack.first().copied().filter(|_| !self.collapsed)
    }
}

/// A cross-function flow found at a sink.
struct Reached {
    file: u32,
    sink: u32,
    category: CategoryId,
    trail: Trail,
    /// The field the data sat in on every path that reached the sink (the
    /// fields, `,`-separated, when paths brought it from several).
    field: Option<String>,
    /// The first call the data entered on its way, where the flow is
    /// reported; none when it reached the sink in the function it arose in.
    entry: Option<CallRef>,
    /// The calls entered after the entry, on any path.
    inner: Set<CallRef>,
}

/// Data reaching a library's sink called through a module-level instance
/// of another file (`HTTPClient.send_request(..)`).
struct ReachedGlobal {
    call: CallRef,
    /// The sink rule, an index into [`Rules::sinks`].
    sink: usize,
    category: CategoryId,
    trail: Trail,
    entry: Option<CallRef>,
}

/// What the join finds.
#[derive(Default)]
pub struct Linked {
    /// Findings for the flows that cross functions and for request bodies
    /// typed in other files, to add to the per-file ones (see [`merge`]).
    pub findings: Vec<Finding>,
    /// The join's budget ran out: some cross-function flows may be missing.
    pub over_budget: bool,
}

/// Joins the files' summaries (see [`Linked`]), reading the details of
/// those its findings show back from `shelf`. First, files not yet pooled
/// give their names to `names`, and every file then reads the tree's one
/// table of names: the summaries can no longer be kept in the cache.
/// Files pooled before must have been pooled in `names`.
pub fn link(
    files: &mut [FileSummary],
    names: NamePool,
    shelf: &Shelf,
    rules: &Rules,
) -> Result<Linked, ShelfError> {
    summary::share_names(files, names);
    let files = &*files;
    let index = Index::new(files, rules);
    let graph = Graph::new(files, &index);
    let mut join = Join::new(files, &index, &graph, rules);
    join.run();
    let over_budget = join.steps.exceeded();
    let reached = placement::outermost(join.reached);
    let shown = Shown::open(files, shelf, files_shown(&reached, &join.reached_globals))?;
    let mut out = collected_bodies(files, &index, rules);
    out.extend(inputs::collected_inputs(files, rules));
    let services = services(files);
    out.extend(reached.into_iter().map(|r| {
        let sink = &files[r.file as usize].sinks[r.sink as usize];
        let mut flow = sink.flow.clone();
        flow.category = r.category;
        if let Some(recipient) = bound_recipient(&services, &files[r.file as usize], r.sink) {
            flow.recipient = Some(recipient.to_string());
        }
        flow.model_field = r.field.filter(|_| flow.model_write);
        let trail = shown.trail(&r.trail);
        let file = &files[r.file as usize];
        let finding = finding_in(file, &flow, rules, sink.region, &sink.snippet, trail);
        match r.entry {
            Some(entry) => placement::at_entry(finding, &shown, entry),
            None => finding,
        }
    }));
    out.extend(join.reached_globals.iter().filter_map(|r| {
        let finding = placement::at_global_sink(&shown, rules, r)?;
        Some(match r.entry {
            Some(entry) => placement::at_entry(finding, &shown, entry),
            None => finding,
        })
    }));
    Ok(Linked {
        findings: out,
        over_budget,
    })
}

/// The files whose steps or call lines the findings of `reached` and
/// `globals` show: those of their trails, of the calls they are reported
/// at, and of the calls global sinks are reached by.
fn files_shown<'r>(
    reached: &'r [Reached],
    globals: &'r [ReachedGlobal],
) -> impl Iterator<Item = u32> + 'r {
    let entry = |e: &Option<CallRef>| e.map(|(file, _)| file);
    let reached = reached
        .iter()
        .flat_map(move |r| r.trail.iter().map(|&(file, _)| file).chain(entry(&r.entry)));
    let globals = globals.iter().flat_map(move |r| {
        let trail = r.trail.iter().map(|&(file, _)| file);
        trail.chain([r.call.0]).chain(entry(&r.entry))
    });
    reached.chain(globals)
}

/// Each interface's recipient, where a file makes it with a base URL (see
/// `flow::declared`): the first such file's, in path order.
fn services(files: &[FileSummary]) -> Map<&str, &str> {
    let mut bound = Map::default();
    for file in files {
        for (interface, recipient) in &file.services {
            bound
                .entry(interface.as_str())
                .or_insert(recipient.as_str());
        }
    }
    bound
}

/// The recipient of `sink` of `file` that its interface was bound to,
/// where the sink itself names none.
fn bound_recipient<'a>(
    services: &Map<&str, &'a str>,
    file: &FileSummary,
    sink: u32,
) -> Option<&'a str> {
    if file.sinks[sink as usize].flow.recipient.as_deref() != Some("unknown") {
        return None;
    }
    let (_, class) = file.service_sinks.iter().find(|(s, _)| *s == sink)?;
    let class = class.rsplit('.').next().unwrap_or(class);
    services.get(class).copied()
}

/// The finding for `flow` at `region` of `file`, of the file's role.
fn finding_in(
    file: &FileSummary,
    flow: &Flow,
    rules: &Rules,
    region: Region,
    snippet: &Snippet,
    trail: Vec<TrailStep>,
) -> Finding {
    let location = region.in_file(&file.path);
    let mut finding = checks::finding(flow, rules, location, snippet.clone(), trail);
    finding.role = file.role;
    finding
}

/// A request body whose type another file declares is collected where it
/// is bound, with each personal field of the type, as when the type is
/// declared in the same file; reads of other fields, or of a body whose
/// type is not found, are collected where they are read.
fn collected_bodies(files: &[FileSummary], index: &Index, rules: &Rules) -> Vec<Finding> {
    let mut out = Vec::new();
    for (fi, file) in files.iter().enumerate() {
        for located in &file.bodies {
            let body = &located.body;
            if body.announced || body.addresses {
                continue;
            }
            let fields = index.class_fields(fi as u32, &body.ty).unwrap_or_default();
            // A lookup's fields name whom to find; only credentials are
            // collected from the person asking.
            let collected = |category: CategoryId| !body.lookup || rules.category(category).secret;
            for (_, category) in fields.iter().filter(|(_, c)| collected(*c)) {
                let mut flow = body.flow.clone();
                flow.category = *category;
                out.push(finding_in(
                    file,
                    &flow,
                    rules,
                    located.region,
                    &located.snippet,
                    Vec::new(),
                ));
            }
            let declared: Set<String> = fields.iter().map(|(f, _)| tokens(f).concat()).collect();
            for (field, read) in &located.reads {
                if declared.contains(field) || !collected(read.flow.category) {
                    continue;
                }
                out.push(finding_in(
                    file,
                    &read.flow,
                    rules,
                    read.region,
                    &read.snippet,
                    Vec::new(),
                ));
            }
        }
    }
    out
}

struct Join<'a> {
    files: &'a [FileSummary],
    index: &'a Index<'a>,
    graph: &'a Graph<'a>,
    rules: &'a Rules,
    visited: Set<Visit>,
    /// Entry calls followed apart into each place (see [`MAX_ENTRIES`]).
    entries: Map<At, u32>,
    queue: VecDeque<Fact>,
    /// Index in `reached` of each (file, sink, category, entry call).
    reached_at: Map<(u32, u32, CategoryId, Option<CallRef>), usize>,
    reached: Vec<Reached>,
    /// Sinks of libraries reached through another file's module-level
    /// instance (see [`Index::through_global`]), memoized by call.
    global_sinks: Map<CallRef, Option<usize>>,
    /// Index in `reached_globals` of each (call, category, entry call).
    reached_global_at: Map<(CallRef, CategoryId, Option<CallRef>), usize>,
    reached_globals: Vec<ReachedGlobal>,
    /// Deliveries left (see `crate::budget`).
    steps: Steps,
}

impl<'a> Join<'a> {
    fn new(
        files: &'a [FileSummary],
        index: &'a Index<'a>,
        graph: &'a Graph<'a>,
        rules: &'a Rules,
    ) -> Join<'a> {
        let size: usize = files.iter().map(|f| f.edges.len() + f.calls.len()).sum();
        Join {
            files,
            index,
            graph,
            rules,
            visited: Set::default(),
            entries: Map::default(),
            queue: VecDeque::new(),
            reached_at: Map::default(),
            reached: Vec::new(),
            global_sinks: Map::default(),
            reached_global_at: Map::default(),
            reached_globals: Vec::new(),
            steps: Steps::scaled(budget::JOIN_BASE, budget::JOIN_PER_EDGE, size),
        }
    }

    /// Pushes data from where it is read, upstream reads first so that a
    /// path shows where the data came from, not just a name it passed
    /// through: data that functions return to their callers
    /// (`client_ip()`), then reads in functions nobody in the project calls
    /// (handlers, entry points; a callee's parameter named `email` then
    /// shows the caller's request field as the origin), then the rest.
    fn run(&mut self) {
        for phase in 0..3 {
            for (fi, file) in self.files.iter().enumerate() {
                let fi = fi as u32;
                // Tests, examples and seeds call the code with made-up
                // people: their data is no flow of the product.
                if !self.index.is_production(fi) {
                    continue;
                }
                for (ei, e) in file.edges.iter().enumerate() {
                    let From::Data(category) = e.from else {
                        continue;
                    };
                    let function = match e.to {
                        Node::Arg { call, .. } => file.calls[call as usize].function,
                        Node::Return { function } => function,
                        Node::Sink { .. } => continue,
                    };
                    if self.index.signature((fi, function)).test() {
                        continue;
                    }
                    let edge_phase = if !self.graph.is_called((fi, function)) {
                        1
                    } else if matches!(e.to, Node::Return { .. }) {
                        0
                    } else {
                        2
                    };
                    if edge_phase != phase {
                        continue;
                    }
                    let trail = file.edge_steps(ei).map(|s| (fi, s)).collect();
                    self.deliver(
                        fi,
                        e.to,
                        category,
                        file.fields(ei).field().map(str::to_string),
                        trail,
                        &Calls::default(),
                    );
                }
            }
            // Request bodies enter where their handler is: entry points
            // with the other entry-point reads, the rest after.
            match phase {
                1 => self.seed_bodies(true),
                2 => {
                    self.seed_bodies(false);
                    self.seed_objects();
                }
                _ => {}
            }
            while let Some(fact) = self.queue.pop_front() {
                self.visit(fact);
            }
        }
    }

    /// The personal fields of typed variables that reach a sink whole (see
    /// [`crate::flow::summary::TypedObject`]), from production code.
    fn seed_objects(&mut self) {
        let files = self.files;
        for (fi, file) in files.iter().enumerate() {
            let fi = fi as u32;
            if !self.index.is_production(fi) {
                continue;
            }
            for located in &file.objects {
                let object = &located.object;
                let Some(fields) = self.index.class_fields(fi, &object.ty) else {
                    continue;
                };
                // A stored object's secret field holds a hash (see the flow
                // engine's whole objects).
                let stored = file.sinks[object.sink as usize].flow.kind == FlowKind::Stored;
                let named = |field: &str| {
                    object
                        .only
                        .as_ref()
                        .is_none_or(|o| o.contains(&normalized_name(field)))
                };
                for (field, category) in fields {
                    if stored && self.rules.category(*category).secret || !named(field) {
                        continue;
                    }
                    let step = (fi, located.step);
                    self.deliver(
                        fi,
                        Node::Sink { sink: object.sink },
                        *category,
                        Some(field.clone()),
                        vec![step],
                        &Calls::default(),
                    );
                }
            }
        }
    }

    /// The personal fields of typed request bodies (see
    /// [`collected_bodies`]), as data arriving in their parameters.
    fn seed_bodies(&mut self, entry_points: bool) {
        for (fi, file) in self.files.iter().enumerate() {
            let fi = fi as u32;
            for located in &file.bodies {
                let body = &located.body;
                if self.graph.is_called((fi, body.function)) == entry_points {
                    continue;
                }
                let Some(fields) = self.index.class_fields(fi, &body.ty) else {
                    continue;
                };
                for (field, category) in fields {
                    self.push(Fact {
                        place: Place::Param {
                            file: fi,
                            function: body.function,
                            slot: body.slot,
                        },
                        category: *category,
                        field: Some(field.clone()),
                        trail: vec![(fi, located.step)],
                        calls: Calls::default(),
                    });
                }
            }
        }
    }

    /// Data of `category` arriving at `to` in `file`.
    fn deliver(
        &mut self,
        file: u32,
        to: Node,
        category: CategoryId,
        field: Option<String>,
        trail: Trail,
        calls: &Calls,
    ) {
        if !self.steps.take() {
            self.queue.clear();
            return;
        }
        match to {
            // Of the paths to a sink, the longest shows best where the data
            // came from (a parameter's name may be classified on its own).
            Node::Sink { sink } => {
                match self.reached_at.get(&(file, sink, category, calls.entry())) {
                    Some(&i) => {
                        let reached = &mut self.reached[i];
                        // Data of one category from several fields
                        // (`password` and `password_confirmation`) keeps
                        // them all, `,`-separated; from a field and from no
                        // field, none.
                        reached.field = match (reached.field.take(), field) {
                            (Some(old), Some(new)) if old.split(',').any(|f| f == new) => Some(old),
                            (Some(old), Some(new)) => Some(format!("{old},{new}")),
                            _ => None,
                        };
                        reached.inner.extend(calls.stack.iter().skip(1));
                        if trail.len() > reached.trail.len() {
                            reached.trail = trail;
                        }
                    }
                    None => {
                        let entry = calls.entry();
                        self.reached_at
                            .insert((file, sink, category, entry), self.reached.len());
                        self.reached.push(Reached {
                            file,
                            sink,
                            category,
                            trail,
                            field,
                            entry,
                            inner: calls.stack.iter().skip(1).copied().collect(),
                        });
                    }
                }
            }
            Node::Arg { call, slot } => {
                if let Some(sink) = self.global_sink(file, call) {
                    self.reach_global(file, call, sink, category, trail, calls);
                    return;
                }
                if calls.stack.len() >= MAX_CALLS {
                    return;
                }
                // A call's step is the step of its index (see `Details`).
                let mut trail = trail;
                trail.push((file, call));
                for &target in self.graph.targets(file, call) {
                    let callee = self.index.signature(target);
                    let caller = &self.files[file as usize];
                    let site = caller.site(&caller.calls[call as usize]);
                    let Some((slot, keyword)) = bind(site, callee, slot) else {
                        continue;
                    };
                    let mut calls = calls.clone();
                    calls.stack.push((file, call));
                    self.push(Fact {
                        place: Place::Param {
                            file: target.0,
                            function: target.1,
                            slot,
                        },
                        category,
                        field: keyword.or_else(|| field.clone()),
                        trail: trail.clone(),
                        calls: calls.clone(),
                    });
                }
            }
            Node::Return { function } => {
                // Back to the call that passed the data in, or to every
                // caller when the data arose in this function.
                // Back where it arose, the flow is reported afresh.
                let callers = match calls.stack.split_last() {
                    Some((&entry, rest)) => vec![(
                        entry,
                        Calls {
                            stack: rest.to_vec(),
                            collapsed: calls.collapsed && !rest.is_empty(),
                        },
                    )],
                    None => self
                        .graph
                        .callers((file, function))
                        .iter()
                        .map(|&c| (c, Calls::default()))
                        .collect(),
                };
                for ((caller_file, call), calls) in callers {
                    self.push(Fact {
                        place: Place::Result {
                            file: caller_file,
                            call,
                        },
                        category,
                        field: field.clone(),
                        trail: trail.clone(),
                        calls,
                    });
                }
            }
        }
    }

    /// The library sink call `call` of `file` is, through a module-level
    /// instance another file makes. It wins over the project's methods of
    /// the same name, which a call on an instance of a library class does
    /// not reach.
    fn global_sink(&mut self, file: u32, call: u32) -> Option<usize> {
        if let Some(&s) = self.global_sinks.get(&(file, call)) {
            return s;
        }
        let caller = &self.files[file as usize];
        let site = caller.site(&caller.calls[call as usize]);
        let paths = self.index.through_global(file, site);
        let paths: Vec<&str> = paths.iter().map(String::as_str).collect();
        let sink = self
            .rules
            .language(self.files[file as usize].language)
            .sink_for(&paths);
        self.global_sinks.insert((file, call), sink);
        sink
    }

    /// Data of `category` passed to such a sink (see [`Self::global_sink`]).
    fn reach_global(
        &mut self,
        file: u32,
        call: u32,
        sink: usize,
        category: CategoryId,
        trail: Trail,
        calls: &Calls,
    ) {
        let key = ((file, call), category, calls.entry());
        match self.reached_global_at.get(&key) {
            Some(&i) => {
                let reached = &mut self.reached_globals[i];
                if trail.len() > reached.trail.len() {
                    reached.trail = trail;
                }
            }
            None => {
                self.reached_global_at
                    .insert(key, self.reached_globals.len());
                self.reached_globals.push(ReachedGlobal {
                    call: (file, call),
                    sink,
                    category,
                    trail,
                    entry: calls.entry(),
                });
            }
        }
    }

    /// Whether `place` is in the product's own code: data of the product
    /// passes neither through tests, examples and seeds nor through test
    /// functions (a test that feeds a function's result to another is no
    /// flow of the product).
    fn in_product(&self, place: Place) -> bool {
        let (file, function) = match place {
            Place::Param { file, function, .. } => (file, function),
            Place::Result { file, call } => (
                file,
                self.files[file as usize].calls[call as usize].function,
            ),
        };
        self.index.is_production(file) && !self.index.signature((file, function)).test()
    }

    /// Queues a fact unless an equal one was queued before: the queue is
    /// first in, first out, so the first one queued is the one that would
    /// be visited, and the queue never holds more than one fact per key.
    fn push(&mut self, mut fact: Fact) {
        if !self.in_product(fact.place) || fact.trail.len() > MAX_TRAIL {
            return;
        }
        let at = (
            fact.place,
            fact.category,
            fact.field.clone(),
            fact.calls.stack.last().copied(),
        );
        let entry = fact.calls.entry();
        if entry.is_some() && !self.visited.contains(&(at.clone(), entry)) {
            // A new entry into this place: followed apart while few are.
            let entries = self.entries.entry(at.clone()).or_default();
            if *entries >= MAX_ENTRIES {
                fact.calls.collapsed = true;
            } else {
                *entries += 1;
            }
        }
        if self.visited.insert((at, fact.calls.entry())) {
            self.queue.push_back(fact);
        }
    }

    fn visit(&mut self, fact: Fact) {
        let (file, origin) = match fact.place {
            Place::Param {
                file,
                function,
                slot,
            } => (file, Origin::Param { function, slot }),
            Place::Result { file, call } => (file, Origin::Result { call }),
        };
        let graph = self.graph;
        let files = self.files;
        let summary = &files[file as usize];
        for s in graph.symbols(file, origin) {
            // `user.email` of a parameter takes only what arrives as `email`.
            let field = match summary.projection(&summary.symbols[s as usize]) {
                Some(p) if fact.field.as_deref() == Some(p) => None,
                Some(_) => continue,
                None => fact.field.clone(),
            };
            for e in graph.edges_from(file, s) {
                let edge = &summary.edges[e as usize];
                let fields = summary.fields(e as usize);
                if field.as_deref().is_some_and(|f| fields.overwrites(f)) {
                    continue;
                }
                let mut trail = fact.trail.clone();
                trail.extend(summary.edge_steps(e as usize).map(|s| (file, s)));
                let field = fields.field().map(str::to_string).or_else(|| field.clone());
                self.deliver(file, edge.to, fact.category, field, trail, &fact.calls);
            }
        }
    }
}
