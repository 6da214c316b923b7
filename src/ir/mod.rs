//! The language-neutral intermediate representation.
//!
//! Front-ends lower syntax trees into these types and nothing else; every
//! detection (classification, flow tracking, sinks) works on the IR only, so
//! it is written once for all languages. The IR keeps just what data-flow
//! needs: names, member and index access, calls with their arguments,
//! literals, string building, object literals, assignments and returns.
//! Control flow is flattened into source order. [`print`](mod@print) renders it as
//! text for review.

pub mod print;

use std::fmt;

/// A source range: 1-based lines, 0-based byte columns within the line.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start_line: u32,
    pub start_col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

/// Everything a front-end extracts from one file.
#[derive(Debug, Default)]
pub struct FileIr {
    /// `local name -> imported path`, e.g. `logger -> loguru.logger`.
    pub imports: Vec<Import>,
    /// Packages imported whole (Java `import javax.servlet.http.*;`): a
    /// class name no import binds may come from any of them.
    pub wildcard_imports: Vec<String>,
    /// Classes, structs and interfaces with their typed fields.
    pub classes: Vec<Class>,
    /// Top-level statements, run once before the functions.
    pub module: Vec<Stmt>,
    /// Every function, method and closure body, hoisted.
    pub functions: Vec<Function>,
    /// Constructs the front-end gave up on (too deep, unsupported).
    pub notices: Vec<String>,
    /// Parts of the file that are tests, in a file that is not one (Rust's
    /// `#[cfg(test)]` modules and `#[test]` functions).
    pub tests: Vec<Span>,
}

impl Span {
    /// Whether `inner` lies within this span.
    pub fn contains(&self, inner: &Span) -> bool {
        (self.start_line, self.start_col) <= (inner.start_line, inner.start_col)
            && (inner.end_line, inner.end_col) <= (self.end_line, self.end_col)
    }
}

#[derive(Debug, Clone)]
pub struct Import {
    /// The name bound in this file. A module that JavaScript requires in
    /// place (`require('stripe')(key)`) is bound to `require:stripe`, a name
    /// no identifier can spell or shadow, which its uses refer to. Nothing
    /// matches on that form: the flow engine resolves it through the
    /// imports like any other name.
    pub local: String,
    /// The dotted path it stands for (`flask.request`, `org.slf4j.Logger`,
    /// `github.com/gin-gonic/gin`, `axum.Json`).
    pub path: String,
}

#[derive(Debug, Clone)]
pub struct Class {
    pub name: String,
    /// The base classes as written (`forms.ModelForm`, `AccountBaseInput`).
    pub bases: Vec<String>,
    pub fields: Vec<Field>,
    /// Fields named by a string in a nested declaration rather than
    /// declared (`class Meta: fields = ["email", "phone"]` of a Django
    /// model form), each spanning its string.
    pub listed_fields: Vec<Field>,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    /// The declared type as written, without generics (`Logger`, `zap.Logger`).
    pub ty: Option<String>,
    /// The call that makes the field where the class body assigns it one
    /// (`models.ForeignKey` of `owner = models.ForeignKey(User, ..)`).
    pub made_by: Option<String>,
    /// Never read from or written to the wire whatever it holds (Go's
    /// `json:"-"` tag): a request bound into the class does not fill it.
    pub unserialized: bool,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Function {
    pub name: FunctionName,
    /// The enclosing class, struct or impl type, if any.
    pub class: Option<String>,
    pub params: Vec<Param>,
    /// Decorators or annotations on the function itself, as written without
    /// `@` and arguments (`app.route`, `PostMapping`).
    pub decorators: Vec<String>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// What a function is called.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FunctionName {
    /// Declared with this name, or (JavaScript) named after the variable,
    /// property or field it is assigned to (`const handler = () => ..`).
    Named(String),
    /// The initializers of the fields of [`Function::class`] and its
    /// initializer blocks (Java, JavaScript, TypeScript), run before its
    /// methods so that what they assign to `this.<field>` is known there.
    FieldInitializers,
    /// A function written without a name.
    Anonymous(Anonymous),
}

/// The syntax a nameless function was written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anonymous {
    /// A Python or Java lambda.
    Lambda,
    /// A Rust closure.
    Closure,
    /// A JavaScript arrow function.
    Arrow,
    /// A JavaScript `function` expression.
    Expression,
    /// A Go function literal.
    Literal,
    /// A JavaScript function written as a parameter's default value.
    Default,
}

/// The name messages and the project join know a function by. A nameless
/// function's (`<fields>`, `<lambda>`, `<closure>`, `<arrow>`,
/// `<anonymous>`, `<func>`, `<default>`) only shows in messages: no call
/// can spell it, so it never matches a callee.
impl fmt::Display for FunctionName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FunctionName::Named(name) => name,
            FunctionName::FieldInitializers => "<fields>",
            FunctionName::Anonymous(Anonymous::Lambda) => "<lambda>",
            FunctionName::Anonymous(Anonymous::Closure) => "<closure>",
            FunctionName::Anonymous(Anonymous::Arrow) => "<arrow>",
            FunctionName::Anonymous(Anonymous::Expression) => "<anonymous>",
            FunctionName::Anonymous(Anonymous::Literal) => "<func>",
            FunctionName::Anonymous(Anonymous::Default) => "<default>",
        })
    }
}

#[derive(Debug, Clone)]
pub struct Param {
    pub name: ParamName,
    /// Declared type without generics and pointers (`gin.Context`, `Json`).
    pub ty: Option<String>,
    /// Annotations on the parameter (`RequestBody`, `RequestParam`), or the
    /// call in a default value that marks it (`Form`, `Body` in FastAPI).
    /// Rust's `Json(form): Json<SignupForm>` is `form: SignupForm`
    /// annotated with its wrapper `Json`.
    pub annotations: Vec<String>,
    /// The parameter gathers the arguments no other parameter takes.
    pub rest: Option<Rest>,
    /// The type of the data a generic parameter holds: `SignupForm` of
    /// Rust's `form: web::Json<SignupForm>`.
    pub holds: Option<String>,
    /// The name callers pass it by, when not [`Param::name`]: Kotlin's
    /// `@Field("display_name") displayName` is `display_name` in the body
    /// (the request field it names) and `displayName = ..` to callers.
    pub keyword: Option<String>,
    pub span: Span,
}

impl Param {
    /// A parameter with a name, type and annotations, and nothing else.
    pub fn named(name: String, ty: Option<String>, annotations: Vec<String>, span: Span) -> Param {
        Param {
            name: ParamName::Named(name),
            ty,
            annotations,
            rest: None,
            holds: None,
            keyword: None,
            span,
        }
    }
}

/// What a parameter binds in the function's body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParamName {
    Named(String),
    /// A pattern that takes the argument apart (Rust's
    /// `Json(Form { email, .. }): Json<Form>`), the parameter at this
    /// position: the argument has no name of its own, and the body starts
    /// by destructuring [`ParamName::variable`].
    Pattern(usize),
}

impl ParamName {
    /// The variable that holds the argument in the body: the name, or
    /// `param#N` for a pattern, which no identifier can spell. Messages
    /// refer to the parameter by it.
    pub fn variable(&self) -> std::borrow::Cow<'_, str> {
        match self {
            ParamName::Named(name) => name.into(),
            ParamName::Pattern(position) => format!("param#{position}").into(),
        }
    }
}

/// Which extra arguments a rest parameter gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rest {
    /// Positional: Python's `*args`, Go's `kv ...any`.
    Positional,
    /// Keyword: Python's `**fields`.
    Keywords,
}

#[derive(Debug, Clone)]
pub enum Stmt {
    /// `target = value`; `ty` is a declared type (`Logger log = ...`).
    Assign {
        target: Target,
        ty: Option<String>,
        value: Option<Expr>,
        span: Span,
    },
    /// An expression evaluated for its effects (calls).
    Expr(Expr),
    Return(Option<Expr>, Span),
}

#[derive(Debug, Clone)]
pub enum Target {
    /// A name, a member (`user.email`) or an index (`row["email"]`).
    Place(Expr),
    /// Destructuring: `{ email, phone: tel } = req.body` binds
    /// `(key, local)` pairs; positional patterns use `None` keys.
    Destructure(Vec<(Option<String>, String)>),
}

#[derive(Debug, Clone)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub enum ExprKind {
    Name(String),
    Member {
        object: Box<Expr>,
        property: String,
    },
    Index {
        object: Box<Expr>,
        index: Box<Expr>,
    },
    Call {
        callee: Box<Expr>,
        args: Vec<Arg>,
        /// `new Foo(...)`, struct literal `Foo { .. }` and the like.
        construct: bool,
    },
    /// A string literal's content.
    Str(String),
    /// String building: f-strings, template literals, `+`, `%`, `concat`.
    Format(Vec<Expr>),
    /// Object, dict, map and struct literals; `None` keys are spreads.
    Object(Vec<(Option<String>, Expr)>),
    /// Array, list, tuple and set literals.
    Array(Vec<Expr>),
    /// Either of the values: `a or b`, `a ?? b`, `c ? a : b`.
    Either(Vec<Expr>),
    /// A number, boolean, null or other literal that carries no data.
    Literal,
    /// An integer literal, kept for the length it gives a slice or a
    /// substring (`phone[-4:]`, `card.substring(0, 4)`); negative when
    /// written with a minus.
    Int(i64),
    /// The bounds of a slice, as the index of an `Index` (`s[-4:]`,
    /// `s[..3]`, Go's `s[:3]`).
    Range {
        start: Option<Box<Expr>>,
        end: Option<Box<Expr>>,
    },
    /// A function or closure, hoisted into `FileIr::functions` at this index.
    Function(usize),
    /// Something whose value carries no personal data (comparisons,
    /// arithmetic, `len(x)`) but whose children may still contain calls.
    Opaque(Vec<Expr>),
}

#[derive(Debug, Clone)]
pub struct Arg {
    /// The keyword, for `f(email=x)` or Go/Rust/Java named forms.
    pub name: Option<String>,
    pub value: Expr,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    pub fn opaque(children: Vec<Expr>, span: Span) -> Expr {
        Expr::new(ExprKind::Opaque(children), span)
    }

    /// The literal string value, if this is a plain string.
    /// The integer a literal gives (`4`, `-4`).
    pub fn as_int(&self) -> Option<i64> {
        match self.kind {
            ExprKind::Int(n) => Some(n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            ExprKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The key a read names: a string literal, or a constant written in
    /// upper case (`USER_AGENT`, `header::AUTHORIZATION`,
    /// `HttpHeaders.AUTHORIZATION`), which names a header or field as a
    /// literal would.
    pub fn as_key(&self) -> Option<&str> {
        let constant = |n: &str| {
            n.len() > 1
                && n.chars().any(|c| c.is_ascii_uppercase())
                && n.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        };
        match &self.kind {
            ExprKind::Str(s) => Some(s),
            ExprKind::Name(n) | ExprKind::Member { property: n, .. } if constant(n) => Some(n),
            _ => None,
        }
    }
}

impl Arg {
    pub fn positional(value: Expr) -> Arg {
        Arg { name: None, value }
    }
}
