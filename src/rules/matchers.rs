//! What the flow engine asks of a language's rules, compiled once: which
//! sink, request container, keyed read, bind call or handler decorator a
//! callee path is, and whether it is a sanitizer. Each kind of pattern is one
//! regex set over the callee globs of the language's sink files (and of its
//! family's: TypeScript uses JavaScript's). What each path asked about is,
//! kind by kind, is remembered once per path and language (see `Answers`).

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
}

impl Matchers {
    fn new(patterns: Vec<(String, usize)>) -> Matchers {
        let (patterns, target): (Vec<String>, Vec<usize>) = patterns.into_iter().unzip();
        Matchers {
            set: LazySet::new(patterns),
            target,
        }
    }

    /// The target of the first pattern matching `path`, from the regex
    /// set. Most paths match nothing, and `is_match` answers that much
    /// faster than the overlapping search `matches` needs.
    fn search(&self, path: &str) -> Option<usize> {
        let set = self.set.get();
        if !set.is_match(path) {
            return None;
        }
        set.matches(path).iter().next().map(|i| self.target[i])
    }
}

/// The kinds of callee pattern a language's rules hold; each indexes
/// [`LanguageRules::patterns`] and a path's [`Answers`].
#[derive(Debug, Clone, Copy)]
enum Kind {
    Sink,
    ServiceFactory,
    Container,
    RouteDecorator,
    InputClass,
    BindCall,
    KeyedCall,
}

impl Kind {
    const COUNT: usize = 7;
}

/// What a callee path is, kind by kind, as far as the scan has asked.
#[derive(Debug, Clone, Copy)]
struct Answers([Answer; Kind::COUNT]);

impl Default for Answers {
    fn default() -> Answers {
        Answers([Answer::UNKNOWN; Kind::COUNT])
    }
}

/// The target of the first pattern of a kind that matches a path, no
/// target, or not asked yet, in four bytes: a project's memo holds tens of
/// thousands of paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Answer(u32);

impl Answer {
    const UNKNOWN: Answer = Answer(u32::MAX);
    const NO_TARGET: Answer = Answer(u32::MAX - 1);

    /// The answer for `target`; one too large to hold (no rules have that
    /// many sinks) stays unknown, and is worked out again when asked.
    fn of(target: Option<usize>) -> Answer {
        match target {
            None => Answer::NO_TARGET,
            Some(t) => match u32::try_from(t) {
                Ok(t) if t < Answer::NO_TARGET.0 => Answer(t),
                _ => Answer::UNKNOWN,
            },
        }
    }

    /// The target, if the answer is known.
    fn known(self) -> Option<Option<usize>> {
        match self {
            Answer::UNKNOWN => None,
            Answer::NO_TARGET => Some(None),
            Answer(t) => Some(Some(t as usize)),
        }
    }
}

/// At most this many paths' answers are kept per language, each for a
/// path of at most [`MAX_KEPT_PATH`] bytes (see [`Memo`]): about 1.5 MB.
/// The paths a project calls most are met early; keeping four times as
/// many saved 0.3% of the instructions of a scan of real applications, for
/// 8 MB more memory.
const MAX_PATHS: usize = 1 << 13;
const MAX_KEPT_PATH: usize = 96;

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
    /// The callee patterns, by [`Kind`].
    patterns: [Matchers; Kind::COUNT],
    /// What each callee path asked about is, by kind: a project calls the
    /// same few thousand paths (`logger.info`, `self.repo.save`) over and
    /// over, and asks of each what several kinds of pattern make of it;
    /// the path is kept once for all of them.
    answers: Memo<Answers>,
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
        paths.iter().filter_map(|p| self.first(Kind::Sink, p)).min()
    }

    /// The declared sink whose host a call to one of `paths` gives (see
    /// [`super::model::HttpSpec::base_url_from`]).
    pub fn service_factory(&self, paths: &[&str]) -> Option<usize> {
        paths
            .iter()
            .filter_map(|p| self.first(Kind::ServiceFactory, p))
            .min()
    }

    /// The source whose container pattern matches `path`.
    pub fn container(&self, path: &str) -> Option<usize> {
        self.first(Kind::Container, path)
    }

    /// The source whose handler-decorator pattern matches `path`.
    pub fn route_decorator(&self, path: &str) -> Option<usize> {
        self.first(Kind::RouteDecorator, path)
    }

    /// The source whose input-class pattern matches the base class `path`.
    pub fn input_class(&self, path: &str) -> Option<usize> {
        self.first(Kind::InputClass, path)
    }

    /// The source whose bind-call pattern matches `path`.
    pub fn bind_call(&self, path: &str) -> Option<usize> {
        self.first(Kind::BindCall, path)
    }

    /// The source whose keyed-call pattern matches `path`.
    pub fn keyed_call(&self, path: &str) -> Option<usize> {
        self.first(Kind::KeyedCall, path)
    }

    /// The target of the first pattern of `kind` matching `path`.
    fn first(&self, kind: Kind, path: &str) -> Option<usize> {
        let k = kind as usize;
        self.answers.part_or(
            path,
            |answers| answers.0[k].known(),
            || self.patterns[k].search(path),
            |answers, target| answers.0[k] = Answer::of(target),
        )
    }

    pub fn is_sanitizer_call(&self, path: &str) -> bool {
        self.sanitizers.get().is_match(path)
    }

    /// Compiles every regex set now (they are compiled when first used):
    /// rule files given on the command line are checked whole at load.
    pub fn check(&self) -> Result<(), RulesError> {
        for matchers in &self.patterns {
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
        // Each kind's patterns with their targets, by `Kind`.
        let mut patterns: [Vec<(String, usize)>; Kind::COUNT] = Default::default();
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
                        patterns[Kind::Sink as usize].push((compile(file, g)?, index));
                    }
                    for g in s.http.iter().flat_map(|h| &h.base_url_from) {
                        patterns[Kind::ServiceFactory as usize].push((compile(file, g)?, index));
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
                        (&src.containers, Kind::Container),
                        (&src.bind_calls, Kind::BindCall),
                        (&src.route_decorators, Kind::RouteDecorator),
                        (&src.keyed_calls, Kind::KeyedCall),
                        (&src.input_classes, Kind::InputClass),
                    ];
                    for (globs, kind) in kinds {
                        for g in globs {
                            patterns[kind as usize].push((compile(file, g)?, index));
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
            patterns: patterns.map(Matchers::new),
            answers: Memo::new(MAX_PATHS, MAX_KEPT_PATH),
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

#[cfg(test)]
mod tests {
    use super::{Answer, Kind};
    use crate::language::Language;
    use crate::rules::Rules;

    #[test]
    fn answers_hold_a_target_no_target_or_nothing_yet() {
        assert_eq!(Answer::of(Some(0)).known(), Some(Some(0)));
        assert_eq!(Answer::of(Some(41)).known(), Some(Some(41)));
        assert_eq!(Answer::of(None).known(), Some(None));
        assert_eq!(Answer::UNKNOWN.known(), None);
        // A target too large to hold is worked out again each time.
        assert_eq!(Answer::of(Some(u32::MAX as usize - 1)).known(), None);
        assert_eq!(Answer::of(Some(usize::MAX)).known(), None);
    }

    #[test]
    fn each_kind_answers_for_itself_for_one_path() {
        let rules = Rules::embedded().expect("rules load");
        let python = rules.language(Language::Python);
        for _ in 0..2 {
            assert!(python.sink_for(&["logging.info"]).is_some());
            assert_eq!(python.container("logging.info"), None);
            assert!(python.container("flask.request").is_some());
            assert_eq!(python.sink_for(&["flask.request"]), None);
            assert_eq!(python.first(Kind::KeyedCall, "flask.request"), None);
        }
    }
}
