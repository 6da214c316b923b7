//! Loads, validates and compiles the knowledge under `rules/`.
//!
//! Rule files are embedded in the binary at build time; `--rules DIR` loads
//! a directory instead. Every file is validated at load: a bad file is an
//! error naming the file, line and column.

pub mod glob;
mod matchers;
pub mod model;
mod validate;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::files;
use crate::language::{Conventions, FileRoles, Language};
use crate::model::CategoryId;
use crate::model::Role;
use crate::text::LocatedError;
pub use matchers::LanguageRules;
pub use model::{ArgSelector, CategorySpec, HttpSpec, RecipientSpec, SinkSpec, SourceSpec};
pub use model::{BuilderSpec, FormatterSpec, MaskerSpec, ModelHookSpec, TruncationSpec};
use model::{
    CategoryFile, ClassifyFile, FlowFile, PurposeFile, RecipientFile, RegionFile, SinkFile,
};
pub use model::{CookieFile, CookieSpec, ObligationsFile, name_matches};
pub use model::{LifetimeArg, LifetimeSpec, LifetimeUnit, Without};
pub use model::{NotAnalysedFile, PurposeSpec, RegionGroup};
pub use model::{PhraseSet, PolicyPattern, PolicyTextFile};

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
    #[error("cannot read rules directory {path}: {}", crate::text::io_reason(.error))]
    Io {
        path: PathBuf,
        /// Not the error's `source`: its reason is in the message.
        error: std::io::Error,
    },
}

impl RulesError {
    fn missing(file: &str) -> RulesError {
        RulesError::Invalid {
            file: file.into(),
            message: "required rule file is missing".into(),
        }
    }
}

/// The whole compiled knowledge base.
#[derive(Debug)]
pub struct Rules {
    pub categories: Vec<CategorySpec>,
    pub classify: ClassifyFile,
    pub recipients: Vec<RecipientSpec>,
    /// Data uses a manifest can declare.
    pub purposes: Vec<PurposeSpec>,
    /// Groups of countries a residency may name (`EU`).
    pub region_groups: Vec<RegionGroup>,
    pub sinks: Vec<Sink>,
    pub sources: Vec<SourceSpec>,
    pub propagators: HashSet<String>,
    pub selectors: HashSet<String>,
    pub mutators: HashSet<String>,
    pub mutator_key_parameters: HashSet<String>,
    pub setter_prefixes: Vec<String>,
    pub key_readers: HashSet<String>,
    pub field_pickers: HashSet<String>,
    pub nested_readers: HashSet<String>,
    pub string_wrappers: HashSet<String>,
    pub sanitizer_words: Vec<String>,
    pub formatters: FormatterSpec,
    pub builders: BuilderSpec,
    pub model_hooks: ModelHookSpec,
    pub maskers: MaskerSpec,
    pub truncation: TruncationSpec,
    pub mapping_types: HashSet<String>,
    pub serializers: HashSet<String>,
    pub field_list_keywords: HashSet<String>,
    pub relation_fields: HashSet<String>,
    /// Resolved callee path -> (from, to) argument positions.
    pub copiers: HashMap<String, (usize, usize)>,
    /// The names a method's receiver goes by in any language (`self`,
    /// `cls`, `this`).
    pub receiver_names: HashSet<String>,
    languages: HashMap<Language, LanguageRules>,
    /// The roles of files by their path, in any language
    /// (`rules/file-roles.yml`); each language's conventions add theirs.
    file_roles: FileRoles,
    /// Where each category was defined, for `candor rules`.
    pub category_files: Vec<String>,
    /// Languages not analysed yet (`rules/not-analysed.yml`).
    pub not_analysed: NotAnalysedFile,
    /// The phrases of privacy policies (`rules/policy-text/`), merged.
    pub policy_text: PolicyTextFile,
    /// Cookies known by name (`rules/cookies.yml`).
    pub cookies: CookieFile,
    /// Consent guards, age checks and lifetimes (`rules/obligations.yml`).
    pub obligations: ObligationsFile,
    /// A hash of every rule file read, names and contents: results computed
    /// with other rules are not reused (see `crate::cache`).
    pub fingerprint: String,
}

/// A sink together with the language it belongs to.
#[derive(Debug, Clone)]
pub struct Sink {
    pub language: Language,
    pub spec: SinkSpec,
    /// [`SinkSpec::encrypted_if_made_by`], compiled.
    pub encrypting_makers: Option<regex::RegexSet>,
}

impl Rules {
    /// Whether class field `f` holds a reference to another record, not
    /// its data (see `relation_fields` in `rules/flow.yml`).
    pub fn is_relation(&self, f: &crate::ir::Field) -> bool {
        f.made_by.as_deref().is_some_and(|call| {
            let last = call.rsplit(['.', ':']).next().unwrap_or(call);
            self.relation_fields.contains(last)
        })
    }

    /// The rules built into the binary.
    pub fn embedded() -> Result<Rules, RulesError> {
        Rules::from_files_with(
            built_in().collect(),
            embedded::EMBEDDED_FINGERPRINT.to_string(),
        )
    }

    /// The built-in rules with the files of `dirs` merged over them: a file
    /// with the same path below the directory replaces the built-in one, a
    /// new file adds to them.
    pub fn embedded_with(dirs: &[PathBuf]) -> Result<Rules, RulesError> {
        let mut files: std::collections::BTreeMap<String, RuleText> = built_in().collect();
        for dir in dirs {
            let mut extra = Vec::new();
            read_dir_rec(dir, dir, &mut extra)?;
            files.extend(
                extra
                    .into_iter()
                    .map(|(path, text)| (path, RuleText::yaml(text))),
            );
        }
        let rules = Rules::from_files(files.into_iter().collect())?;
        if !dirs.is_empty() {
            rules.check_compiled()?;
        }
        Ok(rules)
    }

    /// Compiles every language's patterns now rather than when a scan
    /// first meets the language, so that a rule file's error is reported
    /// at load.
    pub fn check_compiled(&self) -> Result<(), RulesError> {
        Language::ALL
            .iter()
            .filter_map(|l| self.languages.get(l))
            .try_for_each(|l| l.check())
    }

    /// Rules read from a directory laid out like `rules/`.
    pub fn from_dir(dir: &Path) -> Result<Rules, RulesError> {
        let mut files = Vec::new();
        read_dir_rec(dir, dir, &mut files)?;
        files.sort();
        let files = files
            .into_iter()
            .map(|(path, text)| (path, RuleText::yaml(text)))
            .collect();
        let rules = Rules::from_files(files)?;
        rules.check_compiled()?;
        Ok(rules)
    }

    fn from_files(files: Vec<(String, RuleText)>) -> Result<Rules, RulesError> {
        let fingerprint = fingerprint(&files);
        Rules::from_files_with(files, fingerprint)
    }

    /// [`Rules::from_files`] with the files' [`fingerprint`] given.
    fn from_files_with(
        files: Vec<(String, RuleText)>,
        fingerprint: String,
    ) -> Result<Rules, RulesError> {
        let Parsed {
            categories,
            category_files,
            classify,
            flow,
            recipients,
            recipient_files,
            purposes,
            region_groups,
            mut conventions,
            file_roles,
            sink_files,
            not_analysed,
            policy_text,
            cookies,
            obligations,
        } = Parsed::read(&files)?;
        validate::categories(&categories, &category_files)?;
        validate::recipients(&recipients, &recipient_files, &purposes)?;
        validate::families(&conventions)?;
        let recipient_ids: HashSet<&str> = recipients.iter().map(|r| r.id.as_str()).collect();
        let category_keys: HashSet<&str> = categories.iter().map(|c| c.key.as_str()).collect();
        validate::storage_keys(&classify, &category_keys)?;
        let known = validate::Known {
            categories: &category_keys,
            purposes: &purposes,
            recipients: &recipient_ids,
            region_groups: &region_groups,
        };
        let policy_text = validate::policy_text(policy_text, &known)?;
        validate::cookies(&cookies, &recipient_ids, &category_keys)?;
        validate::obligations(&obligations, &category_keys)?;
        let sink_files = sink_files_by_language(sink_files, &recipient_ids, &category_keys)?;
        let receiver_names = conventions
            .values()
            .flat_map(|c| c.receiver.names.iter().cloned())
            .collect();
        let mut sinks = Vec::new();
        let mut sources = Vec::new();
        let mut languages = HashMap::new();
        for language in Language::ALL {
            let Some(mut conventions) = conventions.remove(&language) else {
                return Err(RulesError::missing(&format!("languages/{language}.yml")));
            };
            conventions.file_roles = file_roles.merged(&conventions.file_roles);
            let compiled = LanguageRules::compile(
                language,
                &sink_files,
                &flow.sanitizers.calls,
                conventions,
                &mut sinks,
                &mut sources,
            )?;
            languages.insert(language, compiled);
        }
        Ok(Rules {
            fingerprint,
            categories,
            classify,
            recipients,
            purposes,
            region_groups,
            sinks,
            sources,
            propagators: flow.propagators.into_iter().collect(),
            selectors: flow.selectors.into_iter().collect(),
            mutators: flow.mutators.into_iter().collect(),
            mutator_key_parameters: flow.mutator_key_parameters.into_iter().collect(),
            setter_prefixes: flow.setter_prefixes,
            key_readers: flow.key_readers.into_iter().collect(),
            field_pickers: flow.field_pickers.into_iter().collect(),
            nested_readers: flow.nested_readers.into_iter().collect(),
            string_wrappers: flow.string_wrappers.into_iter().collect(),
            sanitizer_words: flow.sanitizers.words,
            formatters: flow.formatters,
            builders: flow.builders,
            model_hooks: flow.model_hooks,
            maskers: flow.maskers,
            truncation: flow.truncation,
            mapping_types: flow.mapping_types,
            serializers: flow.serializers,
            field_list_keywords: flow.field_list_keywords,
            relation_fields: flow.relation_fields,
            copiers: flow
                .copiers
                .iter()
                .flat_map(|c| c.calls.iter().map(|call| (call.clone(), (c.from, c.to))))
                .collect(),
            receiver_names,
            languages,
            file_roles,
            category_files,
            not_analysed,
            policy_text,
            cookies,
            obligations,
        })
    }

    /// The sink whose id is `id`.
    pub fn sink_by_id(&self, id: &str) -> Option<&SinkSpec> {
        self.sinks.iter().map(|s| &s.spec).find(|s| s.id == id)
    }

    /// The known cookie `name` is, if any (see `rules/cookies.yml`).
    pub fn cookie(&self, name: &str) -> Option<&CookieSpec> {
        self.cookies.cookies.iter().find(|c| c.names_cookie(name))
    }

    /// The data category the cookie `name` is when it identifies a
    /// browser (an analytics or marketing cookie), with what it is.
    pub fn identifying_cookie(&self, name: &str) -> Option<(&str, &CookieSpec)> {
        let cookie = self.cookie(name)?;
        self.cookies
            .identifying_kinds
            .contains(&cookie.kind)
            .then_some((self.cookies.category.as_str(), cookie))
    }

    pub fn language(&self, language: Language) -> &LanguageRules {
        &self.languages[&language]
    }

    /// The role of the file at `path` (relative, `/`-separated), by the
    /// conventions of its language, or of every language for other files
    /// (schemas, templates).
    pub fn role_of(&self, path: &str) -> Role {
        match Language::for_path(Path::new(path)) {
            Some(language) => self.language(language).conventions.role_of(path),
            None => self.file_roles.role_of(path),
        }
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
            r.domains.iter().any(|d| {
                host.strip_suffix(d.as_str())
                    .is_some_and(|rest| rest.is_empty() || rest.ends_with('.'))
            })
        })
    }
}

/// The rule files, parsed, each kind gathered; `*_files` say which file
/// each category and recipient came from.
struct Parsed {
    categories: Vec<CategorySpec>,
    category_files: Vec<String>,
    classify: ClassifyFile,
    flow: FlowFile,
    recipients: Vec<RecipientSpec>,
    recipient_files: Vec<String>,
    purposes: Vec<PurposeSpec>,
    region_groups: Vec<RegionGroup>,
    conventions: HashMap<Language, Conventions>,
    file_roles: FileRoles,
    sink_files: Vec<(String, SinkFile)>,
    not_analysed: NotAnalysedFile,
    /// `rules/policy-text/` files, each with its name.
    policy_text: Vec<(String, PolicyTextFile)>,
    cookies: CookieFile,
    obligations: ObligationsFile,
}

/// One rule file, parsed by the kind its path says it is.
#[derive(Debug)]
enum RuleFile {
    Categories(CategoryFile),
    Classify(ClassifyFile),
    Flow(Box<FlowFile>),
    Recipients(RecipientFile),
    Purposes(PurposeFile),
    Regions(RegionFile),
    Conventions(Conventions),
    FileRoles(FileRoles),
    NotAnalysed(NotAnalysedFile),
    Sinks(SinkFile),
    Cookies(CookieFile),
    Obligations(ObligationsFile),
    PolicyText(PolicyTextFile),
    /// A file whose path names no kind: not read.
    Other,
}

impl RuleFile {
    fn parse(name: &str, text: &RuleText) -> Result<RuleFile, RulesError> {
        Ok(if name.starts_with("categories/") {
            RuleFile::Categories(parse(name, text)?)
        } else if name == "classify.yml" {
            RuleFile::Classify(parse(name, text)?)
        } else if name == "flow.yml" {
            RuleFile::Flow(Box::new(parse(name, text)?))
        } else if name == "recipients.yml" || name.starts_with("recipients/") {
            RuleFile::Recipients(parse(name, text)?)
        } else if name == "purposes.yml" {
            RuleFile::Purposes(parse(name, text)?)
        } else if name == "regions.yml" {
            RuleFile::Regions(parse(name, text)?)
        } else if name.starts_with("languages/") {
            RuleFile::Conventions(parse(name, text)?)
        } else if name == "file-roles.yml" {
            RuleFile::FileRoles(parse(name, text)?)
        } else if name == "not-analysed.yml" {
            RuleFile::NotAnalysed(parse(name, text)?)
        } else if name.starts_with("sinks/") {
            RuleFile::Sinks(parse(name, text)?)
        } else if name == "cookies.yml" {
            RuleFile::Cookies(parse(name, text)?)
        } else if name == OBLIGATIONS_FILE {
            RuleFile::Obligations(parse(name, text)?)
        } else if name.starts_with(POLICY_TEXT_DIR) {
            RuleFile::PolicyText(parse(name, text)?)
        } else {
            RuleFile::Other
        })
    }
}

impl Parsed {
    /// Parses every file by the kind its path says it is, then checks and
    /// gathers them in their order.
    fn read(files: &[(String, RuleText)]) -> Result<Parsed, RulesError> {
        let mut categories = Vec::new();
        let mut category_files = Vec::new();
        let mut classify = None;
        let mut flow = None;
        let mut recipients = Vec::new();
        let mut recipient_files = Vec::new();
        let mut purposes = Vec::new();
        let mut region_groups = None;
        let mut conventions = HashMap::new();
        let mut file_roles = None;
        let mut sink_files = Vec::new();
        let mut not_analysed = None;
        let mut policy_text = Vec::new();
        let mut cookies = None;
        let mut obligations = None;
        for (name, text) in files {
            match RuleFile::parse(name, text)? {
                RuleFile::Categories(file) => {
                    for c in file.categories {
                        category_files.push(name.clone());
                        categories.push(c);
                    }
                }
                RuleFile::Classify(file) => classify = Some(file),
                RuleFile::Flow(file) => flow = Some(*file),
                RuleFile::Recipients(file) => {
                    for r in file.recipients {
                        recipient_files.push(name.clone());
                        recipients.push(r);
                    }
                }
                RuleFile::Purposes(file) => {
                    purposes = file.purposes;
                    validate::purposes(&purposes)?;
                }
                RuleFile::Regions(file) => {
                    validate::region_groups(&file.groups)?;
                    region_groups = Some(file.groups);
                }
                RuleFile::Conventions(c) => {
                    let language = validate::conventions(name, &c)?;
                    if conventions.insert(language, c).is_some() {
                        return Err(RulesError::Invalid {
                            file: format!("rules/{name}"),
                            message: format!("the conventions of `{language}` are defined twice"),
                        });
                    }
                }
                RuleFile::FileRoles(roles) => {
                    validate::file_roles(name, &roles)?;
                    file_roles = Some(roles);
                }
                RuleFile::NotAnalysed(file) => {
                    validate::not_analysed(name, &file)?;
                    not_analysed = Some(file);
                }
                RuleFile::Sinks(file) => sink_files.push((name.clone(), file)),
                RuleFile::Cookies(file) => cookies = Some(file),
                RuleFile::Obligations(file) => obligations = Some(file),
                RuleFile::PolicyText(file) => policy_text.push((name.clone(), file)),
                RuleFile::Other => {}
            }
        }
        Ok(Parsed {
            categories,
            category_files,
            classify: classify.ok_or_else(|| RulesError::missing("classify.yml"))?,
            flow: flow.ok_or_else(|| RulesError::missing("flow.yml"))?,
            recipients,
            recipient_files,
            purposes,
            region_groups: region_groups.ok_or_else(|| RulesError::missing("regions.yml"))?,
            conventions,
            file_roles: file_roles.ok_or_else(|| RulesError::missing("file-roles.yml"))?,
            sink_files,
            not_analysed: not_analysed.ok_or_else(|| RulesError::missing("not-analysed.yml"))?,
            policy_text,
            cookies: cookies.ok_or_else(|| RulesError::missing("cookies.yml"))?,
            obligations: obligations.ok_or_else(|| RulesError::missing(OBLIGATIONS_FILE))?,
        })
    }
}

/// The sink files by the language they are for, their sinks validated and
/// their ids unique across all files.
fn sink_files_by_language(
    sink_files: Vec<(String, SinkFile)>,
    recipient_ids: &HashSet<&str>,
    category_keys: &HashSet<&str>,
) -> Result<HashMap<Language, Vec<(String, SinkFile)>>, RulesError> {
    let mut by_language: HashMap<Language, Vec<(String, SinkFile)>> = HashMap::new();
    let mut sink_ids = HashSet::new();
    for (file, sf) in sink_files {
        let language = Language::from_name(&sf.language).ok_or_else(|| RulesError::Invalid {
            file: file.clone(),
            message: format!(
                "unknown language `{}`; expected one of {}",
                sf.language,
                Language::ALL.map(Language::name).join(", ")
            ),
        })?;
        for s in &sf.sinks {
            validate::sink(&file, s, recipient_ids, category_keys)?;
            if !sink_ids.insert(s.id.clone()) {
                return Err(RulesError::Invalid {
                    file,
                    message: format!("sink id `{}` is defined twice", s.id),
                });
            }
        }
        for s in &sf.sources {
            validate::source(&file, s, category_keys)?;
        }
        by_language.entry(language).or_default().push((file, sf));
    }
    Ok(by_language)
}

fn parse<T: serde::de::DeserializeOwned>(file: &str, text: &RuleText) -> Result<T, RulesError> {
    if text.json {
        // A built-in file, whose YAML the build read (and the tests load).
        return serde_json::from_str(&text.text).map_err(|e| RulesError::Invalid {
            file: format!("rules/{file}"),
            message: format!("the built-in file does not load: {e}"),
        });
    }
    let text = &text.text;
    if let Some(e) = LocatedError::nesting(format!("rules/{file}"), text) {
        return Err(RulesError::Syntax(e));
    }
    serde_norway::from_str(text)
        .map_err(|e| RulesError::Syntax(LocatedError::yaml(format!("rules/{file}"), &e)))
}

/// A rule file's text: YAML as written, or, for a built-in file, the JSON
/// the build made of its YAML (see `build.rs`), which reads many times
/// faster and holds the same values.
#[derive(Debug)]
struct RuleText {
    text: std::borrow::Cow<'static, str>,
    json: bool,
}

impl RuleText {
    fn yaml(text: String) -> RuleText {
        RuleText {
            text: text.into(),
            json: false,
        }
    }
}

/// The built-in rule files, by path below `rules/`.
fn built_in() -> impl Iterator<Item = (String, RuleText)> {
    embedded::EMBEDDED_RULES.iter().map(|&(path, json)| {
        let text = RuleText {
            text: json.into(),
            json: true,
        };
        (path.to_string(), text)
    })
}

fn read_dir_rec(
    root: &Path,
    dir: &Path,
    out: &mut Vec<(String, String)>,
) -> Result<(), RulesError> {
    let io = |error| RulesError::Io {
        path: dir.to_path_buf(),
        error,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let is_rule_file = path.extension().is_some_and(|e| e == "yml" || e == "yaml");
        // Directories are entered, never through a link (two links to `.`
        // would never end); a rule file must be a regular file of the tree.
        match files::entry(&path, Some(root)) {
            files::Entry::Directory => read_dir_rec(root, &path, out)?,
            files::Entry::File if is_rule_file => {
                let text = files::read_settings(&path).map_err(|error| RulesError::Io {
                    path: path.clone(),
                    error,
                })?;
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, text));
            }
            files::Entry::Refused(reason) if is_rule_file => {
                return Err(RulesError::Invalid {
                    file: path.display().to_string(),
                    message: reason.into(),
                });
            }
            _ => {}
        }
    }
    Ok(())
}

/// Where the phrases of policy texts live: read by `candor policy`, never
/// by a scan's analysis, so they are left out of the [`Rules::fingerprint`].
const POLICY_TEXT_DIR: &str = "policy-text/";

/// Consent guards, age checks and lifetimes: read when findings are judged
/// against a manifest, which every scan does again, so they are left out of
/// the [`Rules::fingerprint`] too.
const OBLIGATIONS_FILE: &str = "obligations.yml";

/// The hex SHA-256 of the rule files the analysis reads, each name and
/// content delimited.
fn fingerprint(files: &[(String, RuleText)]) -> String {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for (path, content) in files
        .iter()
        .filter(|(p, _)| !p.starts_with(POLICY_TEXT_DIR) && p != OBLIGATIONS_FILE)
    {
        for part in [path.as_str(), &content.text] {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
    }
    format!("{:x}", hasher.finalize())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_fingerprint_is_the_fingerprint_of_the_built_in_files() {
        let files: Vec<_> = super::built_in().collect();
        assert_eq!(
            super::fingerprint(&files),
            super::embedded::EMBEDDED_FINGERPRINT
        );
    }

    /// The build embeds each rule file as the JSON of its YAML: the same
    /// values, read into the same rules.
    #[test]
    fn built_in_files_read_as_their_yaml_does() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
        assert!(!super::embedded::EMBEDDED_RULES.is_empty());
        for (path, text) in super::built_in() {
            let yaml = std::fs::read_to_string(dir.join(&path)).expect("the rule file");
            let value: serde_json::Value = serde_norway::from_str(&yaml).expect("YAML");
            let embedded: serde_json::Value = serde_json::from_str(&text.text).expect("JSON");
            assert_eq!(value, embedded, "{path}");
            // Sets print in no fixed order: their lines are compared sorted.
            let lines = |text: &super::RuleText| {
                let parsed = super::RuleFile::parse(&path, text).expect("loads");
                let mut lines: Vec<String> =
                    format!("{parsed:#?}").lines().map(str::to_string).collect();
                lines.sort();
                lines
            };
            assert_eq!(
                lines(&text),
                lines(&super::RuleText::yaml(yaml.clone())),
                "{path}"
            );
        }
    }

    #[test]
    fn every_built_in_pattern_set_compiles() {
        let rules = super::Rules::embedded().expect("rules load");
        rules.check_compiled().expect("every set compiles");
    }
}
