//! What one file tells the project-level join about its functions.
//!
//! While the flow engine walks a function it also tracks *symbols*: the
//! value of each parameter and the result of each call it cannot see into.
//! Wherever a symbol (or a data category) reaches a sink, a `return`, or an
//! argument of such a call, the engine records an [`Edge`]. Joined across
//! files, these edges connect a caller's data to the sinks of its callees
//! (see `crate::project`).

use crate::ir::Span;
use crate::model::{CategoryId, Flow, Step};
use crate::packed::{Packed, Packer};

/// The summary of one file, indices local to the file.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// One per IR function, same order.
    pub functions: Vec<Signature>,
    pub calls: Vec<CallSite>,
    /// Where each call is, in the order of `calls`: a call is located once,
    /// when the summary is, and the join needs no span.
    pub call_spans: Vec<Span>,
    /// Sink calls reached by a symbol; `category` is unused (0) until the
    /// join knows what data reaches them.
    pub sinks: Vec<Flow>,
    pub symbols: Vec<Symbol>,
    pub edges: Vec<Edge>,
    /// Module-level names and what made them (`accounts` ->
    /// `service.AccountService()`), so that other files' calls on them
    /// resolve.
    pub globals: Vec<(String, String)>,
    /// The personal fields of the classes, interfaces and DTOs declared
    /// here, classified: (class, [(field, category)]).
    pub classes: Vec<(String, Vec<(String, CategoryId)>)>,
    /// Parameters bound to a request body of a declared type, which may be
    /// declared in another file.
    pub bodies: Vec<Body>,
    /// Variables of a declared type that reach a sink whole.
    pub objects: Vec<TypedObject>,
    /// Classes that derive from others, with their personal fields: the
    /// join reports these as collected when a base, in any file, is a
    /// declared request input (`graphene.InputObjectType`, `forms.Form`).
    pub inputs: Vec<DeclaredInput>,
    /// Interfaces given a host where they are made: (interface, recipient)
    /// for `Retrofit.Builder().baseUrl(url)...create(Api::class.java)`.
    pub services: Vec<(String, String)>,
    /// Declared sinks (see `flow::declared`) and the interface declaring
    /// each: (sink, interface).
    pub service_sinks: Vec<(u32, String)>,
}

/// `class AddressInput(BaseInput): phone = graphene.String()`: a class
/// that may be a declared request input, depending on its bases.
#[derive(Debug, Clone)]
pub struct DeclaredInput {
    pub class: String,
    /// The base classes, resolved through the file's imports.
    pub bases: Vec<String>,
    /// A collection for each personal field the class declares with a
    /// field constructor or lists by name (`via` is set by the join, from
    /// the source whose input class it derives from).
    pub fields: Vec<Flow>,
}

/// `owners.save(owner)` with `owner: Owner`: a variable of a declared type
/// reaching sink `sink` whole. The join sends every personal field the type
/// declares there, wherever it is declared.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct TypedObject {
    pub sink: u32,
    /// The type, resolved through the imports.
    pub ty: String,
    /// The variable as written, for the trail.
    pub name: String,
    pub span: Span,
    /// The fields the write names (`save(update_fields=[..])`), normalized;
    /// `None` for all of them.
    pub only: Option<Vec<String>>,
}

/// `create(@Body() dto: CreateUserDto)`: the request body arrives in
/// parameter `slot`; every personal field of its type is collected there.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Body {
    pub function: u32,
    pub slot: Slot,
    /// The type resolved through imports (`./dto/create-user.dto.CreateUserDto`).
    pub ty: String,
    /// The collection to report for each field (`category` unused).
    pub flow: Flow,
    /// The file declares the type and reports its fields itself.
    pub announced: bool,
    /// The body is a URL path (`Path<T>`): its fields are followed but not
    /// reported as collected.
    pub addresses: bool,
    /// The type is a lookup (`ListPosts`): its fields other than
    /// credentials are followed but not reported as collected.
    pub lookup: bool,
    /// Fields the function reads from the body (normalized name, flow),
    /// collected where read unless the join finds them in the type (then
    /// they are collected at the parameter).
    pub reads: Vec<(String, Flow)>,
}

/// What a caller needs to know to bind its arguments to a function.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Signature {
    /// The name, the class, then each parameter's name, in order: a
    /// tree's summaries hold tens of thousands of functions.
    names: Packed,
    /// The first parameter is the receiver (`self`, a Go or Rust receiver).
    pub receiver_param: bool,
    /// A test in a file that is not one (Rust's `#[cfg(test)]` modules):
    /// data it passes is made up.
    pub test: bool,
    /// The parameter that takes extra keyword arguments (`**fields`).
    pub rest_keywords: Option<u16>,
    /// The parameter that keyword arguments no parameter is named for
    /// fill as one hash, where there is no `**fields` (Ruby's last
    /// positional parameter: `f(email: e)` of `def f(attrs)`).
    pub keywords_hash: Option<u16>,
    /// The parameter that takes extra positional arguments (`*args`,
    /// Go's `kv ...any`).
    pub rest_positional: Option<u16>,
}

impl Signature {
    /// Function `name` of `class` (none for a plain function) with
    /// parameters named `params`, none of them special; the parameters
    /// past the 65,535th cannot be bound to and are not kept.
    pub fn new<S: AsRef<str>>(
        name: &str,
        class: Option<&str>,
        params: impl IntoIterator<Item = S>,
    ) -> Signature {
        let mut names = Packer::default();
        names.push(name);
        names.push_optional(class);
        for param in params.into_iter().take(usize::from(u16::MAX)) {
            names.push(param.as_ref());
        }
        Signature {
            names: names.finish(),
            receiver_param: false,
            test: false,
            rest_keywords: None,
            keywords_hash: None,
            rest_positional: None,
        }
    }

    /// The same, with its special parameters (see the fields).
    pub fn with_rests(
        self,
        rest_keywords: Option<usize>,
        keywords_hash: Option<usize>,
        rest_positional: Option<usize>,
    ) -> Signature {
        let kept = |p: Option<usize>| p.and_then(|p| u16::try_from(p).ok());
        Signature {
            rest_keywords: kept(rest_keywords),
            keywords_hash: kept(keywords_hash),
            rest_positional: kept(rest_positional),
            ..self
        }
    }

    /// Its names in order, as kept (the class keeps its mark; see
    /// [`Packed::optional`]): the name, the class, then each parameter's.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        (0..self.names.len()).map(|i| self.names.get(i))
    }
}

/// A call the file's own analysis could not resolve: maybe a function of the
/// project.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct CallSite {
    /// The calling function (index into `Summary::functions`).
    pub function: u32,
    /// Called on a receiver (`obj.method(..)`), not as a bare name.
    pub receiver: bool,
    /// The method, the root, the paths, then each argument's keyword: a
    /// tree's summaries hold hundreds of thousands of calls.
    names: Packed,
    /// How many of the names are paths.
    paths: u8,
}

/// Where a call's method is in [`CallSite::names`].
const METHOD: usize = 0;

impl CallSite {
    /// A call of `function` to `method`, with the origin of its leftmost
    /// name (`root`), its callee paths (at most 255 are kept; a path the
    /// one before repeats is not) and the keyword of each argument, `None`
    /// for a positional one.
    pub fn new<'a>(
        function: u32,
        receiver: bool,
        method: &str,
        root: Option<&str>,
        paths: impl IntoIterator<Item = &'a str>,
        keywords: impl IntoIterator<Item = Option<&'a str>>,
    ) -> CallSite {
        let mut names = Packer::default();
        names.push(method);
        names.push_optional(root);
        let mut path_count = 0u8;
        let mut last = None;
        for path in paths {
            if path_count == u8::MAX {
                break;
            }
            if last != Some(path) {
                names.push(path);
                path_count += 1;
                last = Some(path);
            }
        }
        for keyword in keywords {
            names.push_optional(keyword);
        }
        CallSite {
            function,
            receiver,
            names: names.finish(),
            paths: path_count,
        }
    }

    /// The callee's last name.
    pub fn method(&self) -> &str {
        self.names.get(METHOD)
    }

    /// Its names in order, as kept (a name that may be absent keeps its
    /// mark; see [`Packed::optional`]): the method, the root, the paths,
    /// then each argument's keyword.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        (0..self.names.len()).map(|i| self.names.get(i))
    }

    /// How many of [`Self::names`] are paths (they follow the root).
    pub fn path_count(&self) -> u8 {
        self.paths
    }
}

/// A parameter slot of a function.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Slot {
    Param(u16),
    /// `this` in languages whose methods do not declare it.
    This,
    /// A variable a bind call fills with the request body
    /// (`c.ShouldBindJSON(&req)`), numbered in the file.
    Bound(u16),
}

/// Where a symbolic value comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Origin {
    Param { function: u32, slot: Slot },
    Result { call: u32 },
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Symbol {
    pub origin: Origin,
    /// `user.email` of parameter `user`: only that field of what arrives.
    pub projection: Option<String>,
}

/// An argument position of a call.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum ArgSlot {
    Receiver,
    Index(u16),
}

/// Where a value goes.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Node {
    Arg { call: u32, slot: ArgSlot },
    Return { function: u32 },
    Sink { sink: u32 },
}

/// What moves along an edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum From {
    Data(CategoryId),
    Symbol(u32),
}

/// A value moving from a symbol or a data read to a sink, a return or an
/// argument, with the steps it took in between.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Edge {
    pub from: From,
    pub to: Node,
    /// The field the value sits in when it arrives (`{"email": x}`).
    pub field: Option<String>,
    /// Fields of the symbol written over on the way (normalized names):
    /// data arriving in them does not take this edge.
    pub overwritten: Vec<String>,
    pub trail: Vec<Step>,
}

/// How a trail starts at request data: a URL path segment (a source that
/// `addresses` a resource) is read, anything else is collected.
pub fn read_verb(addresses: bool) -> &'static str {
    if addresses {
        "read from"
    } else {
        "collected from"
    }
}
