//! The shapes of the files under `rules/`, as deserialized.
//!
//! These types are the schema of the rule files; `docs/rules.md` documents
//! them. Unknown keys are rejected so that a typo in a rule file is an error,
//! not a silently ignored line.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

use crate::model::{Ecosystem, FlowKind, StoreKind};

/// `rules/categories/*.yml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryFile {
    pub categories: Vec<CategorySpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategorySpec {
    /// fideslang v3 data-category key, or an extension below `user.`.
    pub key: String,
    pub name: String,
    pub description: String,
    /// True when the key is not part of fideslang.
    #[serde(default)]
    pub extension: bool,
    /// Sensitive personal information (PIPL art. 28, GDPR art. 9/10).
    #[serde(default)]
    pub sensitive: bool,
    /// A credential: must never be logged or stored in clear.
    #[serde(default)]
    pub secret: bool,
    /// Where the sensitivity comes from, e.g. `PIPL art. 28`.
    #[serde(default)]
    pub regulations: Vec<String>,
    /// Words that name this category. Each is matched against a window of
    /// an identifier's normalized tokens joined without separators, so
    /// `phone number` (written `phonenumber` or `phone number`) matches
    /// `phoneNumber`, `phone_number` and `PHONENUMBER`.
    pub patterns: Vec<String>,
    /// Patterns that match only with a person context: `name` names a person
    /// in `user.name` or `customer_name`, not in `product.name`.
    #[serde(default)]
    pub ambiguous: Vec<String>,
    /// Words that, anywhere in the identifier, mean it is not this category.
    #[serde(default)]
    pub exclude: Vec<String>,
}

/// `rules/classify.yml`: the language-independent word lists of the
/// classifier.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassifyFile {
    /// Words after a match that turn the identifier into metadata about the
    /// data (`email_count`, `phone_verified`, `ip_whitelist`).
    pub non_data_suffixes: Vec<String>,
    /// Words before a match that do the same (`is_email`, `has_phone`).
    pub non_data_prefixes: Vec<String>,
    /// Words anywhere that mean the value was made safe (`password_hash`,
    /// `masked_phone`).
    pub protected_words: Vec<String>,
    /// Words after a protected word that make the pair a data structure
    /// (`HashMap`).
    pub protected_word_exceptions: Vec<String>,
    /// How the stored forms of password hashes start (`$2a$` of bcrypt): a
    /// value written so is a hash, not a password.
    pub hashed_value_prefixes: Vec<String>,
    /// Words before an ambiguous match, or in its owner, that name a person
    /// (`user`, `customer`).
    pub person_contexts: Vec<String>,
    /// Head nouns of owners that are things, never people (`product`, `tag`).
    pub non_person_owners: Vec<String>,
    /// Words that name an owner's container rather than what it describes
    /// (`form`, `dto`): skipped when looking for the owner's head noun.
    pub owner_wrappers: Vec<String>,
    /// Method-name prefixes that read a field (`getEmail`).
    pub getter_prefixes: Vec<String>,
    /// Words that make a request type a lookup (`ListPosts`, `UserFilter`).
    #[serde(default)]
    pub lookup_words: Vec<String>,
    /// Verbs that make a request type a lookup before a plural noun
    /// (`GetPosts`).
    #[serde(default)]
    pub plural_lookup_verbs: Vec<String>,
    /// Keys of browser storage and cookies that alone say what they keep,
    /// by category (`token` keeps the signed-in person's session token).
    #[serde(default)]
    pub storage_keys: std::collections::BTreeMap<String, Vec<String>>,
    /// Fields that hold what their owner is (`PrivateMessage.content`),
    /// and the category prefixes whose owners lend them their category.
    #[serde(default)]
    pub content_fields: Vec<String>,
    #[serde(default)]
    pub content_categories: Vec<String>,
}

/// `rules/flow.yml`: sanitizers and propagators shared by every language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowFile {
    pub sanitizers: SanitizerSpec,
    /// Calls whose result carries the data of their arguments and receiver
    /// (`str`, `format`, `toLowerCase`, `JSON.stringify`): matched on the
    /// last segment of the callee.
    pub propagators: Vec<String>,
    /// Calls whose result is a part of their receiver that their arguments
    /// choose (`objects.filter(email=e)`, `users.filter(fn)`): it carries
    /// the receiver's data, not the arguments'.
    #[serde(default)]
    pub selectors: Vec<String>,
    /// Methods that store their arguments into the receiver.
    pub mutators: Vec<String>,
    /// The names of a mutator's key parameter where arguments are named.
    #[serde(default)]
    pub mutator_key_parameters: Vec<String>,
    /// Setter and builder prefixes: `setEmail(x)` gives the receiver an
    /// `email` field.
    pub setter_prefixes: Vec<String>,
    /// Methods that read one named field out of a request container.
    pub key_readers: Vec<String>,
    /// Methods of a request container that pick several named fields at
    /// once (`params.permit(:email, :name)`): each key argument is a field
    /// read, and the result holds those fields.
    #[serde(default)]
    pub field_pickers: Vec<String>,
    /// Methods of a request container that read a nested part of it by
    /// its key, never a single value (`params.require(:user)`): the result
    /// is request data whose fields are read next, whatever the key says.
    #[serde(default)]
    pub nested_readers: Vec<String>,
    /// Calls that wrap a string without changing it (`text("INSERT ..")`),
    /// so that the SQL or URL inside is still read.
    #[serde(default)]
    pub string_wrappers: Vec<String>,
    pub formatters: FormatterSpec,
    pub builders: BuilderSpec,
    pub model_hooks: ModelHookSpec,
    pub maskers: MaskerSpec,
    #[serde(default)]
    pub truncation: TruncationSpec,
    /// Declared types of mappings (`dict`, `Map`): an argument of such a type
    /// given to a model write by keyword is stored whole, not as a reference.
    #[serde(default)]
    pub mapping_types: HashSet<String>,
    /// Calls that write an object out field by field (`JSON.stringify(u)`,
    /// `asdict(u)`, `u.model_dump()`): a whole object through one shows its
    /// fields in any language.
    #[serde(default)]
    pub serializers: HashSet<String>,
    /// Calls that copy one object's fields into another.
    #[serde(default)]
    pub copiers: Vec<CopierSpec>,
    /// Calls that declare a field holding a reference to another record
    /// (`models.ForeignKey`, `relationship`), matched on their last name.
    #[serde(default)]
    pub relation_fields: HashSet<String>,
    /// Keywords of a model write that list the fields it writes
    /// (`save(update_fields=[..])`).
    #[serde(default)]
    pub field_list_keywords: HashSet<String>,
}

/// `BeanUtils.copyProperties(source, target)`: the data of argument `from`
/// ends up in the object given as argument `to`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CopierSpec {
    /// Resolved callee paths, exact: the same name in another library may
    /// take its arguments the other way round.
    pub calls: Vec<String>,
    pub from: usize,
    pub to: usize,
}

/// Substrings that keep too little to identify anyone (`card[-4:]`,
/// `phone.substring(0, 3)`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TruncationSpec {
    /// The most characters a part may keep and still be protection.
    pub max_kept: u64,
    /// Methods taking `(start, end)` like a slice (`substring`, `slice`).
    #[serde(default)]
    pub range_methods: HashSet<String>,
    /// Methods taking `(start, count)`, or `(start)` alone (`substr`).
    #[serde(default)]
    pub start_count_methods: HashSet<String>,
    /// Methods taking the count kept (`take`, `takeLast`, `left`).
    #[serde(default)]
    pub count_methods: HashSet<String>,
}

/// Replacements that mask: a call of one of `methods` given a replacement
/// made of `characters` (group references aside) returns masked data.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaskerSpec {
    pub methods: HashSet<String>,
    pub characters: String,
}

/// Model code that runs before an object is written: what it hashes there
/// is stored hashed wherever the object is saved through the model.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelHookSpec {
    /// Decorators and annotations of such methods (`BeforeInsert`,
    /// `PrePersist`).
    pub decorators: HashSet<String>,
    /// Names of such methods or hook functions (Django's `save`,
    /// Sequelize's `beforeCreate`).
    pub methods: HashSet<String>,
    /// Calls that register their function arguments as such hooks
    /// (Mongoose's `schema.pre("save", fn)`, Sequelize's `addHook`).
    pub registrations: HashSet<String>,
    /// Calls that write the field their first argument names on their
    /// receiver (Sequelize's `this.setDataValue('password', hash(p))` in an
    /// attribute's `set`).
    #[serde(default)]
    pub field_writers: HashSet<String>,
    /// Declarations in a model's class body that make the model store a
    /// field only hashed, by the field they protect (Rails'
    /// `has_secure_password` keeps `password` as a digest). A string
    /// argument names another field in place of the first word's
    /// (`has_secure_password :recovery_password`).
    #[serde(default)]
    pub protecting_calls: std::collections::HashMap<String, Vec<String>>,
    /// Maps of a model class from field to storage kind, and the kinds that
    /// store the field protected (Eloquent's `$casts`, `hashed`).
    #[serde(default)]
    pub protection_maps: ProtectionMapSpec,
}

/// Maps in which a model declares how each field is stored.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProtectionMapSpec {
    /// The class field or method that holds (or returns) the map.
    pub names: HashSet<String>,
    /// Storage kinds that hash or encrypt the field (the part of a value
    /// before `:`, so `encrypted` covers `encrypted:array`).
    pub kinds: HashSet<String>,
}

/// Calls that fill in a string template.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormatterSpec {
    /// Methods of a string literal (`"..{}".format(a)`).
    pub methods: HashSet<String>,
    /// Functions whose first argument is the template (`Sprintf`).
    pub functions: HashSet<String>,
}

/// What starts or makes a builder chain.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BuilderSpec {
    /// Methods that start one (`builder`, `newBuilder`, `toBuilder`).
    pub methods: Vec<String>,
    /// Endings of constructed classes that are builders (`Builder`).
    pub class_suffixes: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SanitizerSpec {
    /// A callee whose last segment contains one of these words is a
    /// sanitizer (`hash_password`, `maskPhone`, `encrypt`).
    pub words: Vec<String>,
    /// Callee globs that are sanitizers even without such a word
    /// (`bcrypt.hashpw`, `**.passwordEncoder.encode`).
    #[serde(default)]
    pub calls: Vec<String>,
}

/// `rules/sinks/<language>.yml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkFile {
    pub language: String,
    #[serde(default)]
    pub sinks: Vec<SinkSpec>,
    #[serde(default)]
    pub sources: Vec<SourceSpec>,
    /// Language-specific sanitizer globs.
    #[serde(default)]
    pub sanitizers: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SinkSpec {
    /// Unique id, `<language>-<library>[-<what>]`.
    pub id: String,
    pub name: String,
    pub kind: FlowKind,
    /// Callee globs over the resolved or the written callee path.
    pub calls: Vec<String>,
    /// Which arguments carry the data: positions (0-based) or keyword
    /// names. Empty means every argument and the receiver's data fields.
    #[serde(default)]
    pub args: Vec<ArgSelector>,
    /// `shared`: the recipient id from `rules/recipients/`.
    #[serde(default)]
    pub recipient: Option<String>,
    /// `shared`: an HTTP client; the recipient is the host of the URL
    /// argument.
    #[serde(default)]
    pub http: Option<HttpSpec>,
    /// `stored`: what kind of store.
    #[serde(default)]
    pub store: Option<StoreKind>,
    /// `stored`: the call writes only when its SQL argument is a write
    /// statement (`INSERT`, `UPDATE`, ...): position of that argument.
    #[serde(default)]
    pub sql_arg: Option<usize>,
    /// What the call does with the data, in the finding's message, when the
    /// kind's own wording would mislead (an exception message is not yet a
    /// log line): "put in the message of exception `{callee}`".
    #[serde(default)]
    pub says: Option<String>,
    /// Categories the call writes by itself, whatever its arguments: an
    /// access logger put in front of every route logs each request's
    /// client IP address and user agent.
    #[serde(default)]
    pub implies: Vec<String>,
    /// `implies` holds only when this argument is one of these literals
    /// (`morgan('combined')` logs the client's address, `morgan('dev')`
    /// does not); a call without the argument uses the library's default.
    #[serde(default)]
    pub implies_when: Option<ArgIsOneOf>,
    /// The records passed are sent by id and loaded again from the
    /// database before use (Rails' mailer and job arguments): a field the
    /// model keeps only hashed never arrives in clear.
    #[serde(default)]
    pub reloads_records: bool,
    /// A model write that stores the attributes it is given and what was
    /// set on the record in the same function (`user.update(name: n)`),
    /// not the whole record a caller handed over, which whoever filled it
    /// saved.
    #[serde(default)]
    pub writes_given: bool,
    /// `stored`: the store encrypts what it keeps when the object written
    /// through was made by a call matching one of these globs
    /// (`EncryptedSharedPreferences.create(..)` of a `SharedPreferences`).
    #[serde(default)]
    pub encrypted_if_made_by: Vec<String>,
    /// `stored` in a cookie or cache: where the call gives the lifetime of
    /// what it writes, for the manifest's `retention`.
    #[serde(default)]
    pub lifetime: Option<LifetimeSpec>,
}

/// Where a cookie or cache write gives its entry's lifetime.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimeSpec {
    /// The arguments that give it, the first present wins.
    pub args: Vec<LifetimeArg>,
    /// What a call without any of them keeps: `session` (a cookie without
    /// a max age), `forever` (a cache entry without expiry) or `unknown`
    /// (the store's configured default).
    pub without: Without,
    /// Methods that keep what they write with no expiry
    /// (`Cache::forever`).
    #[serde(default)]
    pub forever: Vec<String>,
}

/// An argument that gives a lifetime.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LifetimeArg {
    /// A keyword argument, or a key of an options object or struct literal
    /// passed (`{maxAge: ..}`, `http.Cookie{MaxAge: ..}`).
    #[serde(default)]
    pub arg: Option<String>,
    /// A positional argument (0-based).
    #[serde(default)]
    pub position: Option<usize>,
    /// The unit of a number written without one.
    #[serde(default)]
    pub unit: LifetimeUnit,
    /// Only for calls of these methods (`setex`); empty: any.
    #[serde(default)]
    pub methods: Vec<String>,
    /// A value of 0 keeps the entry with no expiry (go-redis), rather than
    /// not at all.
    #[serde(default)]
    pub zero_is_forever: bool,
    /// The lifetime is given later, by this method called on what the
    /// call made: on the variable it is assigned to (`c.setMaxAge(n)` after
    /// `Cookie c = new Cookie(..)`) or down its chain
    /// (`ResponseCookie.from(..).maxAge(d)`); `position` is then the
    /// setter's argument (default 0).
    #[serde(default)]
    pub setter: Option<String>,
    /// A positional argument that names the unit (`TimeUnit.DAYS` of
    /// `set(key, value, 30, TimeUnit.DAYS)`).
    #[serde(default)]
    pub unit_position: Option<usize>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LifetimeUnit {
    #[default]
    Seconds,
    Milliseconds,
    Minutes,
    Nanoseconds,
    /// A point in time, in seconds since the epoch (`time() + 3600`).
    DateSeconds,
    /// A point in time, in milliseconds (`Date.now() + 86400000`).
    DateMilliseconds,
}

impl LifetimeUnit {
    /// Seconds in one of the unit.
    pub fn seconds(self) -> f64 {
        match self {
            LifetimeUnit::Seconds | LifetimeUnit::DateSeconds => 1.0,
            LifetimeUnit::Milliseconds | LifetimeUnit::DateMilliseconds => 1e-3,
            LifetimeUnit::Minutes => 60.0,
            LifetimeUnit::Nanoseconds => 1e-9,
        }
    }

    /// A point in time rather than a duration.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            LifetimeUnit::DateSeconds | LifetimeUnit::DateMilliseconds
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Without {
    Session,
    Forever,
    Unknown,
}

/// A literal argument a sink's behaviour depends on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArgIsOneOf {
    pub arg: usize,
    #[serde(default)]
    pub one_of: Vec<String>,
    /// Or holds one of these (`"%a"` in an access log's format string).
    #[serde(default)]
    pub contains: Vec<String>,
    /// Whether a call without the argument counts as one of them.
    #[serde(default)]
    pub default: bool,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum ArgSelector {
    Position(usize),
    Keyword(String),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HttpSpec {
    /// Position of the URL argument.
    #[serde(default)]
    pub url_arg: usize,
    /// Keyword that can hold the URL instead (`url=`).
    #[serde(default)]
    pub url_keyword: Option<String>,
    /// The URL is argument `url_arg` of the nearest call down the receiver
    /// chain to one of these methods, not of the sink call itself
    /// (`client.post(url).json(&body)`: the body sink is `json`).
    #[serde(default)]
    pub url_call: Vec<String>,
    /// A client of the browser page: a URL whose host the code does not
    /// spell out (`this.hostServer + '/rest/user'`) goes to the page's own
    /// server, as a relative one does.
    #[serde(default)]
    pub page_client: bool,
    /// A declared sink's host (see `flow::declared`): the base URL given
    /// in the chain of a call matching one of these globs whose class
    /// argument names the interface that declares the sink
    /// (`Retrofit.Builder().baseUrl(url)...create(Api::class.java)`).
    #[serde(default)]
    pub base_url_from: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceSpec {
    pub id: String,
    pub name: String,
    /// Paths of request-data containers: a field, index or `.get("k")` on
    /// one of these is data collected under the key's name.
    #[serde(default)]
    pub containers: Vec<String>,
    /// Calls whose first string argument names the collected field
    /// (`r.FormValue("email")`, `c.PostForm("phone")`).
    #[serde(default)]
    pub keyed_calls: Vec<String>,
    /// Position of the argument that names the field in `keyed_calls`
    /// (`Settings.Secure.getString(resolver, ANDROID_ID)`: 1).
    #[serde(default)]
    pub key_arg: usize,
    /// What each member of a container reads, by the member's name, for a
    /// device API whose own type would hide it or whose names say nothing
    /// alone (`TelephonyManager.line1Number` is the phone number). When
    /// given, only the listed members are collected.
    #[serde(default)]
    pub members: BTreeMap<String, String>,
    /// Parameter annotations that make the parameter itself a collected
    /// field named after the parameter (`RequestParam`, `Form`).
    #[serde(default)]
    pub field_params: Vec<String>,
    /// Parameter annotations or types that make the parameter a container
    /// (`RequestBody`, `axum.Json`, `web.Json`).
    #[serde(default)]
    pub container_params: Vec<String>,
    /// Methods the platform calls with what it collected
    /// (`onLocationChanged(location: Location)`): their parameters are
    /// containers.
    #[serde(default)]
    pub callbacks: Vec<String>,
    /// Calls that decode the request into their first argument
    /// (`c.ShouldBindJSON(&req)`, `json.NewDecoder(r.Body).Decode(&body)`):
    /// the argument becomes a container.
    #[serde(default)]
    pub bind_calls: Vec<String>,
    /// Types of a parameter that make its function an API resolver
    /// (GraphQL's `info: ResolveInfo`): the function's other parameters are
    /// request data, as a decorated handler's are.
    #[serde(default)]
    pub resolver_params: Vec<String>,
    /// Decorators of request handlers (`app.post`, `router.get`) whose
    /// parameters typed by a class are the request body (FastAPI with a
    /// Pydantic model), unless given a default call (`= Depends(..)`).
    #[serde(default)]
    pub route_decorators: Vec<String>,
    /// Members of a container that are containers themselves (`body` and
    /// `query` of `req: Request`, whatever the parameter is called).
    #[serde(default)]
    pub nested_containers: Vec<String>,
    /// A key of the container that names no personal data is a nested
    /// part of it, read further (`params[:user][:email]`, where the form's
    /// fields sit under the model's name).
    #[serde(default)]
    pub nested_keys: bool,
    /// Annotations that only validate a handler's parameter (`Valid`): one
    /// that has no others is as unmarked as one without annotations.
    #[serde(default)]
    pub neutral_annotations: Vec<String>,
    /// Types of a handler's parameters that the framework fills itself
    /// (`Model`, `BindingResult`, `Principal`): neither body nor field.
    #[serde(default)]
    pub injected_types: Vec<String>,
    /// Types of a handler's parameters that hold one value (`String`,
    /// `Long`): a request field named after the parameter, not a body.
    #[serde(default)]
    pub value_types: Vec<String>,
    /// Base classes of declared request inputs (`graphene.InputObjectType`,
    /// `django.forms.Form`): a class deriving from one, directly or through
    /// the project's own classes in any file, is filled by the client; each
    /// personal field it declares, or lists in `Meta.fields`, is collected
    /// where it is declared.
    #[serde(default)]
    pub input_classes: Vec<String>,
    /// The values address a resource (URL path segments: `c.Param("id")`,
    /// `@PathVariable`, `req.params`): they are request data for the flows
    /// they take, but reading them is not collecting data from a person.
    #[serde(default)]
    pub addresses: bool,
}

/// `rules/recipients/*.yml`
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientFile {
    pub recipients: Vec<RecipientSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipientSpec {
    pub id: String,
    pub name: String,
    /// The kind of service; one of [`SERVICE_KINDS`].
    pub service: String,
    /// Default fideslang data use.
    pub purpose: String,
    /// Headquarters or default data region (ISO country or `global`).
    pub region: String,
    /// API hosts; subdomains included.
    #[serde(default)]
    pub domains: Vec<String>,
    /// SDK package names per ecosystem.
    #[serde(default)]
    pub packages: Packages,
    /// The service's own region ids and the country each is in
    /// (`cn-hangzhou: CN`, `eu-west-1: IE`), so that a region named in code
    /// places the data.
    #[serde(default)]
    pub regions: std::collections::BTreeMap<String, String>,
    /// Registries whose SDK of this service only receives (a sign-in
    /// button that gets the person's identity from the provider): no call
    /// of it hands the service data, so it needs no call sink.
    #[serde(default)]
    pub receive_only: Vec<Ecosystem>,
}

/// The kinds of service a recipient can be.
pub const SERVICE_KINDS: &[&str] = &[
    "analytics",
    "advertising",
    "error-tracking",
    "monitoring",
    "customer-support",
    "crm",
    "email",
    "sms",
    "push",
    "payments",
    "identity-verification",
    "cloud-storage",
    "cloud",
    "ai",
    "maps",
    "social-login",
    "marketing-automation",
    "search",
    "communications",
    "feature-flags",
    "session-replay",
];

/// SDK package names of a recipient, per package registry.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Packages {
    #[serde(default)]
    pub pypi: Vec<String>,
    #[serde(default)]
    pub npm: Vec<String>,
    /// `group:artifact`.
    #[serde(default)]
    pub maven: Vec<String>,
    /// Go module paths.
    #[serde(default)]
    pub go: Vec<String>,
    #[serde(default)]
    pub crates: Vec<String>,
    #[serde(default)]
    pub packagist: Vec<String>,
    #[serde(default)]
    pub rubygems: Vec<String>,
    /// NuGet package ids (`Stripe.net`, `AWSSDK.S3`).
    #[serde(default)]
    pub nuget: Vec<String>,
}

impl Packages {
    /// The package names in one registry.
    pub fn of(&self, ecosystem: Ecosystem) -> &[String] {
        match ecosystem {
            Ecosystem::Npm => &self.npm,
            Ecosystem::Pypi => &self.pypi,
            Ecosystem::Maven => &self.maven,
            Ecosystem::Go => &self.go,
            Ecosystem::Crates => &self.crates,
            Ecosystem::Packagist => &self.packagist,
            Ecosystem::Rubygems => &self.rubygems,
            Ecosystem::Nuget => &self.nuget,
        }
    }
}

/// `rules/regions.yml`: groups of countries a residency may name.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionFile {
    pub groups: Vec<RegionGroup>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegionGroup {
    /// What a manifest writes (`EU`).
    pub code: String,
    pub name: String,
    /// ISO 3166 alpha-2 codes of the member countries.
    pub members: Vec<String>,
}

/// `rules/policy-text/*.yml`: the phrases privacy policies state their
/// practices in, English and Chinese, read by `candor policy draft`. Every
/// file may hold any of the sections; they are merged.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyTextFile {
    /// Key: a data category.
    #[serde(default)]
    pub categories: Vec<PhraseSet>,
    /// Key: a data use (`rules/purposes.yml`).
    #[serde(default)]
    pub purposes: Vec<PhraseSet>,
    /// Key: `none` (no sharing) or `some`.
    #[serde(default)]
    pub sharing: Vec<PhraseSet>,
    /// Key: a catalog recipient id; names beyond the catalog's own.
    #[serde(default)]
    pub recipients: Vec<PhraseSet>,
    /// Key: an ISO 3166 alpha-2 code or a region group.
    #[serde(default)]
    pub residency: Vec<PhraseSet>,
    /// Key: a retention period (`session`, `as-long-as-necessary`, ...).
    #[serde(default)]
    pub retention: Vec<PhraseSet>,
    /// Key: a tracking kind (`analytics`).
    #[serde(default)]
    pub cookie_kinds: Vec<PhraseSet>,
    /// Key: a promise a manifest cannot check yet (`consent`, ...).
    #[serde(default)]
    pub promises: Vec<PhraseSet>,
    /// Key: the section whose mentions they cancel (`categories`,
    /// `sharing`): a mention after one in the same sentence does not count;
    /// `sharing_exceptions` cancel the sharing mentions of their sentence
    /// wherever they stand (sharing only as the law requires); `breaks`
    /// end the reach of a negation ("but").
    #[serde(default)]
    pub negations: Vec<PhraseSet>,
    /// Key: the section (`retention`, `cookie_kinds`, `minimum_age`) whose
    /// mentions count only in a sentence holding one of these.
    #[serde(default)]
    pub contexts: Vec<PhraseSet>,
    /// Regular expressions for values the text writes as numbers.
    #[serde(default)]
    pub patterns: Vec<PolicyPattern>,
}

/// Phrases, in each language, that mean one key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseSet {
    pub key: String,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub zh: Vec<String>,
}

/// A regular expression for a value: `minimum_age` captures `age`;
/// `retention` captures `n` and `unit`; or the pattern gives `value`
/// (years of age, days of retention) whole (`aimed at adults`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyPattern {
    pub field: String,
    pub pattern: String,
    #[serde(default)]
    pub value: Option<u32>,
}

/// `rules/cookies.yml`: cookies known by name, and the kind of tracking
/// each is.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieFile {
    /// The data category a cookie of an identifying kind is.
    pub category: String,
    /// The kinds whose cookies identify a browser (`analytics`).
    pub identifying_kinds: Vec<String>,
    pub cookies: Vec<CookieSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CookieSpec {
    /// A tracking kind of the manifest (`analytics`).
    pub kind: String,
    /// The catalog recipient whose cookies these are.
    #[serde(default)]
    pub recipient: Option<String>,
    /// Exact names, or names with a `*` standing for any text.
    pub names: Vec<String>,
}

impl CookieSpec {
    /// Whether `name` is one of these cookies.
    pub fn names_cookie(&self, name: &str) -> bool {
        self.names
            .iter()
            .any(|pattern| match pattern.split_once('*') {
                None => pattern == name,
                Some((head, tail)) => {
                    name.len() >= head.len() + tail.len()
                        && name.starts_with(head)
                        && name.ends_with(tail)
                }
            })
    }
}

/// `rules/obligations.yml`: what code that keeps a policy's obligations
/// looks like (consent guards, age checks, lifetimes).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObligationsFile {
    /// Names of consent checks, when the manifest names none.
    pub consent_guards: Vec<String>,
    /// Names of age-check functions, when the manifest names none.
    pub age_gates: Vec<String>,
    /// Categories whose collection needs the minimum-age check.
    pub age_categories: Vec<String>,
    /// The category of children's data, which a manifest with a minimum
    /// age must declare to collect.
    pub children_category: String,
    /// Words that make a comparison an age check.
    pub age_words: Vec<String>,
    /// The largest number an age bound can be.
    pub max_age_bound: u32,
    pub duration_units: Vec<DurationUnit>,
    /// Prefixes of duration functions (`of` of `ofDays`).
    pub duration_prefixes: Vec<String>,
    /// Prefixes of conversions of a duration to a number of units
    /// (`to` of `toSeconds`, `total` of `total_seconds`).
    pub conversion_prefixes: Vec<String>,
    /// Calls and names that stand for the present moment.
    pub now: Vec<String>,
    /// Calls that give back the time they are given (`new Date(ms)`,
    /// `ms("7d")`, `int(..)`): any other call gives no value.
    pub wrappers: Vec<String>,
}

/// Words for one unit of time.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DurationUnit {
    pub seconds: f64,
    /// The unit's longest meaning (a month of 31 days), for reading a
    /// manifest's limit generously: `retention: 1 month` allows 31 days.
    #[serde(default)]
    pub longest: Option<f64>,
    pub words: Vec<String>,
}

impl ObligationsFile {
    /// The seconds `word` (`days`, `Hour`, `ofDays`, `from_secs`) stands
    /// for, if it is a unit.
    pub fn unit_seconds(&self, word: &str) -> Option<f64> {
        self.unit(word).map(|u| u.seconds)
    }

    /// The unit `word` names, itself or after a prefix of
    /// `duration_prefixes` (`ofDays`).
    fn unit(&self, word: &str) -> Option<&DurationUnit> {
        let word = word.to_ascii_lowercase().replace('_', "");
        self.bare_unit(&word).or_else(|| {
            self.duration_prefixes
                .iter()
                .filter_map(|p| word.strip_prefix(p.as_str()))
                .find_map(|rest| self.bare_unit(rest).filter(|_| rest.len() > 1))
        })
    }

    /// The unit a lower-case word is, without prefixes.
    fn bare_unit(&self, word: &str) -> Option<&DurationUnit> {
        self.duration_units
            .iter()
            .find(|u| u.words.iter().any(|x| x == word))
    }

    /// The seconds of the unit `word` names with no prefix (`Seconds`,
    /// `Hours`): called with no argument on a duration, it converts it.
    pub fn plain_unit_seconds(&self, word: &str) -> Option<f64> {
        let word = word.to_ascii_lowercase().replace('_', "");
        self.bare_unit(&word).map(|u| u.seconds)
    }

    /// Whether `path` (`new Date`, `ms`, `int`) gives back the time it is
    /// given.
    pub fn is_wrapper(&self, path: &str) -> bool {
        let last = path.rsplit(['.', ':']).next().unwrap_or(path);
        self.wrappers
            .iter()
            .any(|w| w == path || (!w.contains('.') && w == last))
    }

    /// The seconds of the unit a conversion (`toSeconds`, `getSeconds`,
    /// `total_seconds`, `TotalMinutes`, `toMillis`) gives a duration in.
    pub fn conversion(&self, name: &str) -> Option<f64> {
        let word = name.to_ascii_lowercase().replace('_', "");
        self.conversion_prefixes
            .iter()
            .filter_map(|p| word.strip_prefix(p.as_str()))
            .find_map(|rest| self.bare_unit(rest).filter(|_| rest.len() > 1))
            .map(|u| u.seconds)
    }

    /// A duration written as text, in seconds: `7d`, `+30 days`, `1 year`,
    /// `3600` (a bare number, in whatever unit it is given in).
    pub fn duration(&self, text: &str) -> Option<f64> {
        self.duration_as(text, |u| u.seconds)
    }

    fn duration_as(&self, text: &str, seconds: impl Fn(&DurationUnit) -> f64) -> Option<f64> {
        let t = text.trim().trim_start_matches('+').trim();
        let digits = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
        let n: f64 = t[..digits].parse().ok()?;
        let unit = t[digits..].trim();
        if unit.is_empty() {
            return Some(n);
        }
        Some(n * seconds(self.unit(unit)?))
    }

    /// The seconds a manifest's retention such as `30d` or `6 months`
    /// allows, each unit at its longest (`1 month`: 31 days); `None` for
    /// `session`, a bare number (no unit) and the policy's words.
    pub fn retention_seconds(&self, retention: &str) -> Option<f64> {
        let r = retention.trim();
        let seconds = self.duration_as(r, |u| u.longest.unwrap_or(u.seconds))?;
        (r.ends_with(char::is_alphabetic) && seconds > 0.0).then_some(seconds)
    }

    /// Whether the call or name `path` (`datetime.now`, `time`) stands for
    /// the present moment.
    pub fn is_now(&self, path: &str) -> bool {
        let last = path.rsplit(['.', ':']).next().unwrap_or(path);
        self.now
            .iter()
            .any(|n| n == path || (!n.contains('.') && n == last))
    }
}

/// Whether `name` matches `pattern` with case, `_` and `-` ignored and `*`
/// standing for any text (`*consent*` matches `hasConsent`).
pub fn name_matches(pattern: &str, name: &str) -> bool {
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| *c != '_' && *c != '-')
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (pattern, name) = (fold(pattern), fold(name));
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == name;
    };
    let Some(mut rest) = name.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

/// `rules/purposes.yml`: the data uses a manifest can declare.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurposeFile {
    pub purposes: Vec<PurposeSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurposeSpec {
    /// fideslang data-use key.
    pub key: String,
    pub name: String,
}

/// `rules/not-analysed.yml`: languages candor does not read yet, whose
/// files a scan counts and names.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotAnalysedFile {
    pub languages: Vec<NotAnalysedLanguage>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotAnalysedLanguage {
    /// As reports name it (`PHP`).
    pub name: String,
    /// File extensions, lower case, without the dot.
    pub extensions: Vec<String>,
}

impl NotAnalysedFile {
    /// The language of a file candor does not analyse, by its extension.
    pub fn language_of(&self, path: &std::path::Path) -> Option<&str> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        self.languages
            .iter()
            .find(|l| l.extensions.contains(&extension))
            .map(|l| l.name.as_str())
    }
}
