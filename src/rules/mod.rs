//! Loads, validates and compiles the knowledge under `rules/`.
//!
//! Rule files are embedded in the binary at build time; `--rules DIR` loads
//! a directory instead. Every file is validated at load: a bad file is an
//! error naming the file, line and column.

pub mod glob;
pub mod model;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use regex::RegexSet;

use crate::language::{Conventions, Language, ModuleUnit, ReceiverStyle};
use crate::model::{CategoryId, FlowKind};
use crate::text::LocatedError;
pub use model::PurposeSpec;
pub use model::{ArgSelector, CategorySpec, HttpSpec, RecipientSpec, SinkSpec, SourceSpec};
pub use model::{BuilderSpec, FormatterSpec};
use model::{CategoryFile, ClassifyFile, FlowFile, PurposeFile, RecipientFile, SinkFile};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// An error in a rule file.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error(transparent)]
    Syntax(LocatedError),
    #[error("{file}: {message}")]
    Invalid { file: String, message: String },
    #[error("cannot read rules directory {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The whole compiled knowledge base.
#[derive(Debug)]
pub struct Rules {
    pub categories: Vec<CategorySpec>,
    pub classify: ClassifyFile,
    pub recipients: Vec<RecipientSpec>,
    /// Data uses a manifest can declare.
    pub purposes: Vec<PurposeSpec>,
    pub sinks: Vec<Sink>,
    pub sources: Vec<SourceSpec>,
    pub propagators: HashSet<String>,
    pub mutators: HashSet<String>,
    pub setter_prefixes: Vec<String>,
    pub key_readers: HashSet<String>,
    pub string_wrappers: HashSet<String>,
    pub sanitizer_words: Vec<String>,
    pub formatters: FormatterSpec,
    pub builders: BuilderSpec,
    /// The names a method's receiver goes by in any language (`self`,
    /// `cls`, `this`).
    pub receiver_names: HashSet<String>,
    languages: HashMap<Language, LanguageRules>,
    /// Where each category was defined, for `candor rules`.
    pub category_files: Vec<String>,
}

/// A sink together with the language it belongs to.
#[derive(Debug, Clone)]
pub struct Sink {
    pub language: Language,
    pub spec: SinkSpec,
}

/// Per-language compiled matchers.
#[derive(Debug)]
pub struct LanguageRules {
    sinks: RegexSet,
    sink_of_pattern: Vec<usize>,
    containers: RegexSet,
    container_source: Vec<usize>,
    keyed_calls: RegexSet,
    keyed_source: Vec<usize>,
    bind_calls: RegexSet,
    bind_source: Vec<usize>,
    route_decorators: RegexSet,
    route_source: Vec<usize>,
    sanitizers: RegexSet,
    /// Parameter annotation -> source: the parameter is a collected field.
    pub field_params: HashMap<String, usize>,
    /// Parameter annotation or type -> source: the parameter is a container.
    pub container_params: HashMap<String, usize>,
    /// How the language is written (`rules/languages/<name>.yml`).
    pub conventions: Conventions,
}

impl LanguageRules {
    /// The first sink (in rule-file order) matching any of the paths.
    pub fn sink_for(&self, paths: &[&str]) -> Option<usize> {
        paths
            .iter()
            .filter_map(|p| first_match(&self.sinks, p))
            .map(|i| self.sink_of_pattern[i])
            .min()
    }

    /// The source whose container pattern matches `path`.
    pub fn container(&self, path: &str) -> Option<usize> {
        first_match(&self.containers, path).map(|i| self.container_source[i])
    }

    /// The source whose handler-decorator pattern matches `path`.
    pub fn route_decorator(&self, path: &str) -> Option<usize> {
        first_match(&self.route_decorators, path).map(|i| self.route_source[i])
    }

    /// The source whose bind-call pattern matches `path`.
    pub fn bind_call(&self, path: &str) -> Option<usize> {
        first_match(&self.bind_calls, path).map(|i| self.bind_source[i])
    }

    /// The source whose keyed-call pattern matches `path`.
    pub fn keyed_call(&self, path: &str) -> Option<usize> {
        first_match(&self.keyed_calls, path).map(|i| self.keyed_source[i])
    }

    pub fn is_sanitizer_call(&self, path: &str) -> bool {
        self.sanitizers.is_match(path)
    }
}

/// The first pattern of `set` matching `path`. Most paths match nothing, and
/// `is_match` answers that much faster than the overlapping search `matches`
/// needs.
fn first_match(set: &RegexSet, path: &str) -> Option<usize> {
    if !set.is_match(path) {
        return None;
    }
    set.matches(path).iter().next()
}

impl Rules {
    /// The rules built into the binary.
    pub fn embedded() -> Result<Rules, RulesError> {
        Rules::from_files(
            embedded::EMBEDDED_RULES
                .iter()
                .map(|(p, c)| (p.to_string(), c.to_string()))
                .collect(),
        )
    }

    /// The built-in rules with the files of `dirs` merged over them: a file
    /// with the same path below the directory replaces the built-in one, a
    /// new file adds to them.
    pub fn embedded_with(dirs: &[PathBuf]) -> Result<Rules, RulesError> {
        let mut files: std::collections::BTreeMap<String, String> = embedded::EMBEDDED_RULES
            .iter()
            .map(|(p, c)| (p.to_string(), c.to_string()))
            .collect();
        for dir in dirs {
            let mut extra = Vec::new();
            read_dir_rec(dir, dir, &mut extra)?;
            files.extend(extra);
        }
        Rules::from_files(files.into_iter().collect())
    }

    /// Rules read from a directory laid out like `rules/`.
    pub fn from_dir(dir: &Path) -> Result<Rules, RulesError> {
        let mut files = Vec::new();
        read_dir_rec(dir, dir, &mut files)?;
        files.sort();
        Rules::from_files(files)
    }

    fn from_files(files: Vec<(String, String)>) -> Result<Rules, RulesError> {
        let mut categories = Vec::new();
        let mut category_files = Vec::new();
        let mut classify = None;
        let mut flow = None;
        let mut recipients = Vec::new();
        let mut recipient_files = Vec::new();
        let mut purposes = Vec::new();
        let mut sink_files = Vec::new();
        let mut conventions: HashMap<Language, Conventions> = HashMap::new();
        for (name, text) in &files {
            if name.starts_with("categories/") {
                let f: CategoryFile = parse(name, text)?;
                for c in f.categories {
                    category_files.push(name.clone());
                    categories.push(c);
                }
            } else if name == "classify.yml" {
                classify = Some(parse::<ClassifyFile>(name, text)?);
            } else if name == "flow.yml" {
                flow = Some(parse::<FlowFile>(name, text)?);
            } else if name == "recipients.yml" || name.starts_with("recipients/") {
                for r in parse::<RecipientFile>(name, text)?.recipients {
                    recipient_files.push(name.clone());
                    recipients.push(r);
                }
            } else if name == "purposes.yml" {
                purposes = parse::<PurposeFile>(name, text)?.purposes;
                validate_purposes(&purposes)?;
            } else if name.starts_with("languages/") {
                let c = parse::<Conventions>(name, text)?;
                let language = validate_conventions(name, &c)?;
                if conventions.insert(language, c).is_some() {
                    return Err(RulesError::Invalid {
                        file: format!("rules/{name}"),
                        message: format!("the conventions of `{language}` are defined twice"),
                    });
                }
            } else if name.starts_with("sinks/") {
                sink_files.push((name.clone(), parse::<SinkFile>(name, text)?));
            }
        }
        let missing = |f: &str| RulesError::Invalid {
            file: f.into(),
            message: "required rule file is missing".into(),
        };
        let classify = classify.ok_or_else(|| missing("classify.yml"))?;
        if let Some(language) = Language::ALL
            .into_iter()
            .find(|l| !conventions.contains_key(l))
        {
            return Err(missing(&format!("languages/{language}.yml")));
        }
        let flow = flow.ok_or_else(|| missing("flow.yml"))?;
        validate_categories(&categories, &category_files)?;
        validate_recipients(&recipients, &recipient_files, &purposes)?;

        let recipient_ids: HashSet<&str> = recipients.iter().map(|r| r.id.as_str()).collect();
        let mut sinks = Vec::new();
        let mut sources = Vec::new();
        let mut per_language: HashMap<Language, Vec<(String, SinkFile)>> = HashMap::new();
        let mut sink_ids = HashSet::new();
        for (file, sf) in sink_files {
            let language =
                Language::from_name(&sf.language).ok_or_else(|| RulesError::Invalid {
                    file: file.clone(),
                    message: format!(
                        "unknown language `{}`; expected one of {}",
                        sf.language,
                        Language::ALL.map(Language::name).join(", ")
                    ),
                })?;
            for s in &sf.sinks {
                validate_sink(&file, s, &recipient_ids)?;
                if !sink_ids.insert(s.id.clone()) {
                    return Err(RulesError::Invalid {
                        file,
                        message: format!("sink id `{}` is defined twice", s.id),
                    });
                }
            }
            per_language.entry(language).or_default().push((file, sf));
        }
        let receiver_names = conventions
            .values()
            .flat_map(|c| c.receiver.names.iter().cloned())
            .collect();
        let mut languages = HashMap::new();
        for language in Language::ALL {
            let mut sink_patterns = Vec::new();
            let mut sink_of_pattern = Vec::new();
            let mut containers = Vec::new();
            let mut container_source = Vec::new();
            let mut keyed = Vec::new();
            let mut keyed_source = Vec::new();
            let mut binds = Vec::new();
            let mut bind_source = Vec::new();
            let mut routes = Vec::new();
            let mut route_source = Vec::new();
            let mut sanitizers: Vec<String> = Vec::new();
            let mut field_params = HashMap::new();
            let mut container_params = HashMap::new();
            for family in Language::ALL
                .into_iter()
                .filter(|f| language.uses_rules_of(*f))
            {
                for (file, sf) in per_language.get(&family).into_iter().flatten() {
                    for s in &sf.sinks {
                        let index = match sinks.iter().position(|k: &Sink| k.spec.id == s.id) {
                            Some(i) => i,
                            None => {
                                sinks.push(Sink {
                                    language: family,
                                    spec: s.clone(),
                                });
                                sinks.len() - 1
                            }
                        };
                        for g in &s.calls {
                            sink_patterns.push(compile(file, g)?);
                            sink_of_pattern.push(index);
                        }
                    }
                    for src in &sf.sources {
                        let index = match sources.iter().position(|k: &SourceSpec| k.id == src.id) {
                            Some(i) => i,
                            None => {
                                sources.push(src.clone());
                                sources.len() - 1
                            }
                        };
                        for g in &src.containers {
                            containers.push(compile(file, g)?);
                            container_source.push(index);
                        }
                        for g in &src.bind_calls {
                            binds.push(compile(file, g)?);
                            bind_source.push(index);
                        }
                        for g in &src.route_decorators {
                            routes.push(compile(file, g)?);
                            route_source.push(index);
                        }
                        for g in &src.keyed_calls {
                            keyed.push(compile(file, g)?);
                            keyed_source.push(index);
                        }
                        field_params.extend(src.field_params.iter().map(|p| (p.clone(), index)));
                        container_params
                            .extend(src.container_params.iter().map(|p| (p.clone(), index)));
                    }
                    for g in &sf.sanitizers {
                        sanitizers.push(compile(file, g)?);
                    }
                }
            }
            for g in &flow.sanitizers.calls {
                sanitizers.push(compile("flow.yml", g)?);
            }
            let set = |file: &str, pats: &[String]| {
                RegexSet::new(pats).map_err(|e| RulesError::Invalid {
                    file: file.into(),
                    message: e.to_string(),
                })
            };
            languages.insert(
                language,
                LanguageRules {
                    sinks: set("sinks", &sink_patterns)?,
                    sink_of_pattern,
                    containers: set("sinks", &containers)?,
                    container_source,
                    keyed_calls: set("sinks", &keyed)?,
                    keyed_source,
                    bind_calls: set("sinks", &binds)?,
                    bind_source,
                    route_decorators: set("sinks", &routes)?,
                    route_source,
                    sanitizers: set("sinks", &sanitizers)?,
                    field_params,
                    container_params,
                    conventions: conventions.remove(&language).expect("checked above"),
                },
            );
        }
        Ok(Rules {
            categories,
            classify,
            recipients,
            purposes,
            sinks,
            sources,
            propagators: flow.propagators.into_iter().collect(),
            mutators: flow.mutators.into_iter().collect(),
            setter_prefixes: flow.setter_prefixes,
            key_readers: flow.key_readers.into_iter().collect(),
            string_wrappers: flow.string_wrappers.into_iter().collect(),
            sanitizer_words: flow.sanitizers.words,
            formatters: flow.formatters,
            builders: flow.builders,
            receiver_names,
            languages,
            category_files,
        })
    }

    pub fn language(&self, language: Language) -> &LanguageRules {
        &self.languages[&language]
    }

    pub fn category(&self, id: CategoryId) -> &CategorySpec {
        &self.categories[id as usize]
    }

    pub fn recipient(&self, id: &str) -> Option<&RecipientSpec> {
        self.recipients.iter().find(|r| r.id == id)
    }

    /// The catalog recipient whose API domain serves `host`.
    pub fn recipient_for_host(&self, host: &str) -> Option<&RecipientSpec> {
        self.recipients.iter().find(|r| {
            r.domains
                .iter()
                .any(|d| host == d || host.ends_with(&format!(".{d}")))
        })
    }
}

fn compile(file: &str, glob: &str) -> Result<String, RulesError> {
    glob::to_regex(glob).map_err(|m| RulesError::Invalid {
        file: file.into(),
        message: format!("bad call pattern `{glob}`: {m}"),
    })
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, RulesError> {
    serde_norway::from_str(text)
        .map_err(|e| RulesError::Syntax(LocatedError::yaml(format!("rules/{file}"), &e)))
}

fn read_dir_rec(
    root: &Path,
    dir: &Path,
    out: &mut Vec<(String, String)>,
) -> Result<(), RulesError> {
    let io = |source| RulesError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_dir() {
            read_dir_rec(root, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "yml" || e == "yaml") {
            let text = std::fs::read_to_string(&path).map_err(|source| RulesError::Io {
                path: path.clone(),
                source,
            })?;
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            out.push((rel, text));
        }
    }
    Ok(())
}

fn validate_categories(categories: &[CategorySpec], files: &[String]) -> Result<(), RulesError> {
    let mut keys = HashSet::new();
    for (c, file) in categories.iter().zip(files) {
        let invalid = |message: String| RulesError::Invalid {
            file: format!("rules/{file}"),
            message,
        };
        let well_formed = c.key.starts_with("user.")
            && c.key.split('.').all(|s| {
                !s.is_empty()
                    && s.chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch == '_' || ch.is_ascii_digit())
            });
        if !well_formed {
            return Err(invalid(format!(
                "category key `{}` must be a dotted lower-case key below `user.`",
                c.key
            )));
        }
        if !keys.insert(c.key.as_str()) {
            return Err(invalid(format!("category `{}` is defined twice", c.key)));
        }
        if c.patterns.is_empty() && c.ambiguous.is_empty() {
            return Err(invalid(format!("category `{}` has no patterns", c.key)));
        }
        if c.sensitive && c.regulations.is_empty() {
            return Err(invalid(format!(
                "sensitive category `{}` must cite its regulations",
                c.key
            )));
        }
    }
    Ok(())
}

/// The language a conventions file describes, once its fields agree with
/// one another.
fn validate_conventions(file: &str, c: &Conventions) -> Result<Language, RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: format!("rules/{file}"),
        message,
    };
    let language = Language::from_name(&c.language).ok_or_else(|| {
        invalid(format!(
            "unknown language `{}`; expected one of {}",
            c.language,
            Language::ALL.map(Language::name).join(", ")
        ))
    })?;
    if c.receiver.style == ReceiverStyle::Implicit && c.receiver.names.len() != 1 {
        return Err(invalid(
            "an implicit receiver needs exactly one name (`names: [this]`)".into(),
        ));
    }
    if c.modules.unit != ModuleUnit::None && c.modules.separator.is_empty() {
        return Err(invalid(
            "modules need a `separator` (`.` or `/`) unless `unit: none`".into(),
        ));
    }
    Ok(language)
}

fn validate_purposes(purposes: &[PurposeSpec]) -> Result<(), RulesError> {
    let mut keys = HashSet::new();
    for p in purposes {
        let invalid = |message: String| RulesError::Invalid {
            file: "rules/purposes.yml".into(),
            message,
        };
        if !keys.insert(p.key.as_str()) {
            return Err(invalid(format!("purpose `{}` is defined twice", p.key)));
        }
        if let Some((parent, _)) = p.key.rsplit_once('.')
            && !keys.contains(parent)
        {
            return Err(invalid(format!(
                "purpose `{}` comes before its parent `{parent}`",
                p.key
            )));
        }
    }
    Ok(())
}

fn validate_recipients(
    recipients: &[RecipientSpec],
    files: &[String],
    purposes: &[PurposeSpec],
) -> Result<(), RulesError> {
    let mut ids = HashSet::new();
    for (r, file) in recipients.iter().zip(files) {
        let invalid = |message: String| RulesError::Invalid {
            file: format!("rules/{file}"),
            message,
        };
        let well_formed = !r.id.is_empty()
            && r.id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !well_formed {
            return Err(invalid(format!(
                "recipient id `{}` must be lower-case letters, digits and `-`",
                r.id
            )));
        }
        if !ids.insert(r.id.as_str()) {
            return Err(invalid(format!("recipient `{}` is defined twice", r.id)));
        }
        if !model::SERVICE_KINDS.contains(&r.service.as_str()) {
            return Err(invalid(format!(
                "recipient `{}` has unknown service `{}`; expected one of {}",
                r.id,
                r.service,
                model::SERVICE_KINDS.join(", ")
            )));
        }
        if !purposes.iter().any(|p| p.key == r.purpose) {
            return Err(invalid(format!(
                "recipient `{}` has unknown purpose `{}` (see rules/purposes.yml)",
                r.id, r.purpose
            )));
        }
        let region_ok = |region: &str| {
            matches!(region, "global" | "EU")
                || (region.len() == 2 && region.chars().all(|c| c.is_ascii_uppercase()))
        };
        for region in std::iter::once(&r.region).chain(r.regions.values()) {
            if !region_ok(region) {
                return Err(invalid(format!(
                    "recipient `{}` has region `{region}`; use an ISO 3166 alpha-2 code, `EU` or `global`",
                    r.id
                )));
            }
        }
        if let Some(id) = r.regions.keys().find(|id| {
            id.len() < 4
                || !id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        }) {
            return Err(invalid(format!(
                "recipient `{}` has region id `{id}`; use the service's own lower-case id such as `eu-west-1`",
                r.id
            )));
        }
        for d in &r.domains {
            let valid = d.contains('.')
                && d.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
            if !valid {
                return Err(invalid(format!(
                    "recipient `{}` has an invalid domain `{d}`",
                    r.id
                )));
            }
        }
    }
    Ok(())
}

fn validate_sink(file: &str, s: &SinkSpec, recipients: &HashSet<&str>) -> Result<(), RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: format!("rules/{file}"),
        message,
    };
    if s.calls.is_empty() {
        return Err(invalid(format!("sink `{}` has no calls", s.id)));
    }
    match s.kind {
        FlowKind::Shared => match (&s.recipient, &s.http) {
            (Some(r), None) if !recipients.contains(r.as_str()) => Err(invalid(format!(
                "sink `{}` names unknown recipient `{r}`",
                s.id
            ))),
            (Some(_), None) | (None, Some(_)) => Ok(()),
            _ => Err(invalid(format!(
                "shared sink `{}` needs exactly one of `recipient` or `http`",
                s.id
            ))),
        },
        FlowKind::Stored if s.store.is_none() => {
            Err(invalid(format!("stored sink `{}` needs `store`", s.id)))
        }
        FlowKind::Collected => Err(invalid(format!(
            "sink `{}`: collection is declared under `sources`",
            s.id
        ))),
        _ => Ok(()),
    }
}
