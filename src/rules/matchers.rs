//! What the flow engine asks of a language's rules, compiled once: which
//! sink, request container, keyed read, bind call or handler decorator a
//! callee path is, and whether it is a sanitizer. Each kind of pattern is one
//! regex set over the callee globs of the language's sink files (and of its
//! family's: TypeScript uses JavaScript's).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::RegexSet;

use super::model::{SinkFile, SourceSpec};
use super::{RulesError, Sink, glob};
use crate::hash::{Map, Set};
use crate::language::{Conventions, Language};
use crate::memo::Memo;

/// A regex set compiled when first asked for: a scan compiles only the
/// sets of the languages it meets, and compiling every language's would be
/// most of the time of a scan of a few files (a pre-commit hook's).
#[derive(Debug)]
struct LazySet {
    patterns: Vec<String>,
    set: OnceLock<RegexSet>,
}

impl LazySet {
    fn new(patterns: Vec<String>) -> LazySet {
        LazySet {
            patterns,
            set: OnceLock::new(),
        }
    }

    /// The set; one that cannot be compiled matches nothing, which
    /// [`LazySet::check`] rules out for every set of the rules loaded.
    fn get(&self) -> &RegexSet {
        self.set
            .get_or_init(|| RegexSet::new(&self.patterns).unwrap_or_else(|_| RegexSet::empty()))
    }

    /// Compiles the set now, or says why it cannot be.
    fn check(&self) -> Result<(), RulesError> {
        if self.set.get().is_none() {
            let _ = self.set.set(regex_set(&self.patterns)?);
        }
        Ok(())
    }
}

/// Callee patterns of one kind, each standing for a sink or source.
#[derive(Debug)]
struct Matchers {
    set: LazySet,
    /// The sink or source (index in `Rules`) of each pattern.
    target: Vec<usize>,
    /// Answers given so far, by path: a project calls the same few thousand
    /// paths (`logger.info`, `self.repo.save`) over and over.
    answers: Memo<Option<usize>>,
}

/// At most this many answers are kept per kind of pattern, each for a path
/// of at most [`MAX_KEPT_PATH`] bytes (see [`Memo`]).
const MAX_ANSWERS: usize = 1 << 15;
const MAX_KEPT_PATH: usize = 96;

impl Matchers {
    fn new(patterns: Vec<(String, usize)>) -> Result<Matchers, RulesError> {
        let (patterns, target): (Vec<String>, Vec<usize>) = patterns.into_iter().unzip();
        Ok(Matchers {
            set: LazySet::new(patterns),
            target,
            answers: Memo::new(MAX_ANSWERS, MAX_KEPT_PATH),
        })
    }

    /// The target of the first pattern matching `path`.
    fn first(&self, path: &str) -> Option<usize> {
        self.answers.get_or(path, || self.search(path))
    }

    /// What [`Matchers::first`] answers, from the regex set. Most paths
    /// match nothing, and `is_match` answers that much faster than the
    /// overlapping search `matches` needs.
    fn search(&self, path: &str) -> Option<usize> {
        let set = self.set.get();
        if !set.is_match(path) {
            return None;
        }
        set.matches(path).iter().next().map(|i| self.target[i])
    }
}

fn regex_set(patterns: &[String]) -> Result<RegexSet, RulesError> {
    RegexSet::new(patterns).map_err(|e| RulesError::Invalid {
        file: "sinks".into(),
        message: e.to_string(),
    })
}

/// A callee glob as a regex.
fn compile(file: &str, glob: &str) -> Result<String, RulesError> {
    glob::to_regex(glob).map_err(|m| RulesError::Invalid {
        file: file.into(),
        message: format!("bad call pattern `{glob}`: {m}"),
    })
}

/// One language's compiled rules.
#[derive(Debug)]
pub struct LanguageRules {
    sinks: Matchers,
    containers: Matchers,
    keyed_calls: Matchers,
    bind_calls: Matchers,
    route_decorators: Matchers,
    input_classes: Matchers,
    service_factories: Matchers,
    sanitizers: LazySet,
    /// Parameter annotation -> source: the parameter is a collected field.
    pub field_params: Map<String, usize>,
    /// Parameter annotation or type -> source: the parameter is a container.
    pub container_params: Map<String, usize>,
    /// Method name -> source: the platform calls it with data it
    /// collected, in its parameters.
    pub callbacks: Map<String, usize>,
    /// Parameter type -> source: the function is a resolver whose other
    /// parameters are request data.
    pub resolver_params: Map<String, usize>,
    /// Of request handlers' parameters: annotations that only validate,
    /// types the framework fills, and types of one value (see
    /// [`SourceSpec`]).
    pub neutral_annotations: Set<String>,
    pub injected_types: Set<String>,
    pub value_types: Set<String>,
    /// How the language is written (`rules/languages/<name>.yml`).
    pub conventions: Conventions,
}

impl LanguageRules {
    /// The first sink (in rule-file order) matching any of the paths.
    pub fn sink_for(&self, paths: &[&str]) -> Option<usize> {
        paths.iter().filter_map(|p| self.sinks.first(p)).min()
    }

    /// The declared sink whose host a call to one of `paths` gives (see
    /// [`super::model::HttpSpec::base_url_from`]).
    pub fn service_factory(&self, paths: &[&str]) -> Option<usize> {
        paths
            .iter()
            .filter_map(|p| self.service_factories.first(p))
            .min()
    }

    /// The source whose container pattern matches `path`.
    pub fn container(&self, path: &str) -> Option<usize> {
        self.containers.first(path)
    }

    /// The source whose handler-decorator pattern matches `path`.
    pub fn route_decorator(&self, path: &str) -> Option<usize> {
        self.route_decorators.first(path)
    }

    /// The source whose input-class pattern matches the base class `path`.
    pub fn input_class(&self, path: &str) -> Option<usize> {
        self.input_classes.first(path)
    }

    /// The source whose bind-call pattern matches `path`.
    pub fn bind_call(&self, path: &str) -> Option<usize> {
        self.bind_calls.first(path)
    }

    /// The source whose keyed-call pattern matches `path`.
    pub fn keyed_call(&self, path: &str) -> Option<usize> {
        self.keyed_calls.first(path)
    }

    pub fn is_sanitizer_call(&self, path: &str) -> bool {
        self.sanitizers.get().is_match(path)
    }

    /// Compiles every regex set now (they are compiled when first used):
    /// rule files given on the command line are checked whole at load.
    pub fn check(&self) -> Result<(), RulesError> {
        for matchers in [
            &self.sinks,
            &self.containers,
            &self.keyed_calls,
            &self.bind_calls,
            &self.route_decorators,
            &self.input_classes,
            &self.service_factories,
        ] {
            matchers.set.check()?;
        }
        self.sanitizers.check()
    }

    /// Compiles the sink files of `language` and of the languages whose rules
    /// it uses (`sink_files`, by language), adding the sinks and sources they
    /// define to `sinks` and `sources` (shared by all languages, each once),
    /// with the sanitizer globs every language shares.
    pub(super) fn compile(
        language: Language,
        sink_files: &HashMap<Language, Vec<(String, SinkFile)>>,
        shared_sanitizers: &[String],
        conventions: Conventions,
        sinks: &mut Vec<Sink>,
        sources: &mut Vec<SourceSpec>,
    ) -> Result<LanguageRules, RulesError> {
        let mut sink_patterns = Vec::new();
        let mut factories = Vec::new();
        let mut containers = Vec::new();
        let mut keyed = Vec::new();
        let mut binds = Vec::new();
        let mut routes = Vec::new();
        let mut inputs = Vec::new();
        let mut sanitizers: Vec<String> = Vec::new();
        let mut field_params = Map::default();
        let mut container_params = Map::default();
        let mut callbacks = Map::default();
        let mut resolver_params = Map::default();
        let mut neutral_annotations = Set::default();
        let mut injected_types = Set::default();
        let mut value_types = Set::default();
        for family in Language::ALL
            .into_iter()
            .filter(|f| language.uses_rules_of(*f))
        {
            for (file, sf) in sink_files.get(&family).into_iter().flatten() {
                for s in &sf.sinks {
                    let index = match sinks.iter().position(|k| k.spec.id == s.id) {
                        Some(i) => i,
                        None => {
                            let makers = s
                                .encrypted_if_made_by
                                .iter()
                                .map(|g| compile(file, g))
                                .collect::<Result<Vec<_>, _>>()?;
                            sinks.push(Sink {
                                language: family,
                                spec: s.clone(),
                                encrypting_makers: if makers.is_empty() {
                                    None
                                } else {
                                    Some(regex_set(&makers)?)
                                },
                            });
                            sinks.len() - 1
                        }
                    };
                    for g in &s.calls {
                        sink_patterns.push((compile(file, g)?, index));
                    }
                    for g in s.http.iter().flat_map(|h| &h.base_url_from) {
                        factories.push((compile(file, g)?, index));
                    }
                }
                for src in &sf.sources {
                    let index = match sources.iter().position(|k| k.id == src.id) {
                        Some(i) => i,
                        None => {
                            sources.push(src.clone());
                            sources.len() - 1
                        }
                    };
                    let kinds = [
                        (&src.containers, &mut containers),
                        (&src.bind_calls, &mut binds),
                        (&src.route_decorators, &mut routes),
                        (&src.keyed_calls, &mut keyed),
                        (&src.input_classes, &mut inputs),
                    ];
                    for (globs, patterns) in kinds {
                        for g in globs {
                            patterns.push((compile(file, g)?, index));
                        }
                    }
                    field_params.extend(src.field_params.iter().map(|p| (p.clone(), index)));
                    container_params
                        .extend(src.container_params.iter().map(|p| (p.clone(), index)));
                    callbacks.extend(src.callbacks.iter().map(|m| (m.clone(), index)));
                    resolver_params.extend(src.resolver_params.iter().map(|p| (p.clone(), index)));
                    neutral_annotations.extend(src.neutral_annotations.iter().cloned());
                    injected_types.extend(src.injected_types.iter().cloned());
                    value_types.extend(src.value_types.iter().cloned());
                }
                for g in &sf.sanitizers {
                    sanitizers.push(compile(file, g)?);
                }
            }
        }
        for g in shared_sanitizers {
            sanitizers.push(compile("flow.yml", g)?);
        }
        Ok(LanguageRules {
            sinks: Matchers::new(sink_patterns)?,
            containers: Matchers::new(containers)?,
            keyed_calls: Matchers::new(keyed)?,
            bind_calls: Matchers::new(binds)?,
            route_decorators: Matchers::new(routes)?,
            input_classes: Matchers::new(inputs)?,
            service_factories: Matchers::new(factories)?,
            sanitizers: LazySet::new(sanitizers),
            field_params,
            container_params,
            callbacks,
            resolver_params,
            neutral_annotations,
            injected_types,
            value_types,
            conventions,
        })
    }
}
