//! Validation of what rule files say beyond their shape: keys well formed
//! and unique, references that resolve, fields that agree with each other.
//! Every error names the file.

use std::collections::{HashMap, HashSet};

use super::RulesError;
use super::model::{
    self, CategorySpec, ClassifyFile, NotAnalysedFile, PurposeSpec, RecipientSpec, RegionGroup,
    SinkSpec, SourceSpec,
};
use crate::language::{Conventions, FileRoles, Language, ModuleUnit, ReceiverStyle};
use crate::model::{FlowKind, StoreKind};

/// The language a conventions file describes, once its fields agree with
/// one another.
pub(super) fn conventions(file: &str, c: &Conventions) -> Result<Language, RulesError> {
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
    file_roles(file, &c.file_roles)?;
    Ok(language)
}

/// `not-analysed.yml`: every extension lower case, listed once, and read
/// by no analysed language (those files are analysed, not counted).
pub(super) fn not_analysed(file: &str, f: &NotAnalysedFile) -> Result<(), RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: format!("rules/{file}"),
        message,
    };
    let mut seen = HashSet::new();
    for language in &f.languages {
        if language.extensions.is_empty() {
            return Err(invalid(format!("`{}` lists no extensions", language.name)));
        }
        for extension in &language.extensions {
            if extension.is_empty()
                || extension.starts_with('.')
                || *extension != extension.to_ascii_lowercase()
            {
                return Err(invalid(format!(
                    "`{}`: write extension `{extension}` in lower case, without the dot",
                    language.name
                )));
            }
            if !seen.insert(extension.as_str()) {
                return Err(invalid(format!("extension `{extension}` is listed twice")));
            }
            let probe = std::path::PathBuf::from(format!("file.{extension}"));
            if let Some(analysed) = Language::for_path(&probe) {
                return Err(invalid(format!(
                    "extension `{extension}` is read as {analysed}, which candor analyses"
                )));
            }
        }
    }
    Ok(())
}

/// `file-roles.yml`, or a language's `file_roles`.
pub(super) fn file_roles(file: &str, roles: &FileRoles) -> Result<(), RulesError> {
    match roles.problem() {
        Some(message) => Err(RulesError::Invalid {
            file: format!("rules/{file}"),
            message,
        }),
        None => Ok(()),
    }
}

pub(super) fn categories(categories: &[CategorySpec], files: &[String]) -> Result<(), RulesError> {
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

pub(super) fn purposes(purposes: &[PurposeSpec]) -> Result<(), RulesError> {
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

/// Region groups: codes unique and in capitals (`EU` is an exceptionally
/// reserved ISO 3166 code), members ISO 3166 alpha-2 codes.
pub(super) fn region_groups(groups: &[RegionGroup]) -> Result<(), RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: "rules/regions.yml".into(),
        message,
    };
    let country = |c: &str| c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase());
    let mut codes = HashSet::new();
    for g in groups {
        if !codes.insert(g.code.as_str()) {
            return Err(invalid(format!(
                "region group `{}` is defined twice",
                g.code
            )));
        }
        if g.code.is_empty() || !g.code.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(invalid(format!(
                "region group `{}` needs a code in capital letters (`EU`, `EEA`)",
                g.code
            )));
        }
        if let Some(bad) = g.members.iter().find(|m| !country(m)) {
            return Err(invalid(format!(
                "member `{bad}` of region group `{}` is not an ISO 3166 alpha-2 code",
                g.code
            )));
        }
    }
    Ok(())
}

pub(super) fn recipients(
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

pub(super) fn sink(
    file: &str,
    s: &SinkSpec,
    recipients: &HashSet<&str>,
    categories: &HashSet<&str>,
) -> Result<(), RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: format!("rules/{file}"),
        message,
    };
    if s.calls.is_empty() {
        return Err(invalid(format!("sink `{}` has no calls", s.id)));
    }
    if let Some(key) = s.implies.iter().find(|k| !categories.contains(k.as_str())) {
        return Err(invalid(format!(
            "sink `{}` implies unknown category `{key}`; see `candor rules --categories`",
            s.id
        )));
    }
    if s.says
        .as_deref()
        .is_some_and(|says| !says.contains("{callee}"))
    {
        return Err(invalid(format!(
            "sink `{}`: `says` must name the call with `{{callee}}`",
            s.id
        )));
    }
    if let Some(lifetime) = &s.lifetime {
        if !matches!(s.store, Some(StoreKind::Cookie | StoreKind::Cache)) {
            return Err(invalid(format!(
                "sink `{}`: a `lifetime` is read for cookies and caches only",
                s.id
            )));
        }
        if let Some(arg) = lifetime
            .args
            .iter()
            .find(|a| a.arg.is_none() && a.position.is_none() && a.setter.is_none())
        {
            return Err(invalid(format!(
                "sink `{}`: a lifetime argument needs `arg`, `position` or `setter` (methods {:?})",
                s.id, arg.methods
            )));
        }
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

/// A source's `members` name categories that exist.
pub(super) fn source(
    file: &str,
    s: &SourceSpec,
    categories: &HashSet<&str>,
) -> Result<(), RulesError> {
    match s
        .members
        .iter()
        .find(|(_, c)| !categories.contains(c.as_str()))
    {
        Some((member, category)) => Err(RulesError::Invalid {
            file: format!("rules/{file}"),
            message: format!(
                "source `{}`: member `{member}` reads unknown category `{category}`; see `candor rules --categories`",
                s.id
            ),
        }),
        None => Ok(()),
    }
}

/// Languages of one family call each other's functions, resolved with the
/// caller's conventions: they must agree on calls and modules.
pub(super) fn families(conventions: &HashMap<Language, Conventions>) -> Result<(), RulesError> {
    for (language, c) in conventions {
        let family = language.family();
        let Some(f) = conventions.get(&family).filter(|_| family != *language) else {
            continue;
        };
        if c.calls != f.calls || c.modules != f.modules {
            return Err(RulesError::Invalid {
                file: format!("rules/languages/{language}.yml"),
                message: format!(
                    "`calls` and `modules` must be those of {family}, whose functions {language} calls"
                ),
            });
        }
    }
    Ok(())
}

/// The categories `storage_keys` of classify.yml keep must exist.
pub fn storage_keys(classify: &ClassifyFile, categories: &HashSet<&str>) -> Result<(), RulesError> {
    match classify
        .storage_keys
        .keys()
        .find(|k| !categories.contains(k.as_str()))
    {
        Some(key) => Err(RulesError::Invalid {
            file: "rules/classify.yml".to_string(),
            message: format!(
                "`storage_keys` names unknown category `{key}`; see `candor rules --categories`"
            ),
        }),
        None => Ok(()),
    }
}

/// Known cookies: a tracking kind, a catalog recipient, names that are not
/// empty and hold at most one `*`, no name twice.
pub(super) fn cookies(
    file: &model::CookieFile,
    recipients: &HashSet<&str>,
    categories: &HashSet<&str>,
) -> Result<(), RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: "rules/cookies.yml".into(),
        message,
    };
    let is_kind = |k: &str| {
        crate::model::manifest::TrackingKind::ALL
            .iter()
            .any(|t| t.name() == k)
    };
    if !categories.contains(file.category.as_str()) {
        return Err(invalid(format!(
            "unknown data category `{}`",
            file.category
        )));
    }
    if let Some(k) = file.identifying_kinds.iter().find(|k| !is_kind(k)) {
        return Err(invalid(format!(
            "identifying_kinds: `{k}` is not a tracking kind"
        )));
    }
    let mut seen = HashSet::new();
    for c in &file.cookies {
        if !is_kind(&c.kind) {
            return Err(invalid(format!(
                "`{}` is not a tracking kind (strictly-necessary, functional, analytics, marketing)",
                c.kind
            )));
        }
        if let Some(r) = c.recipient.as_deref().filter(|r| !recipients.contains(r)) {
            return Err(invalid(format!("unknown recipient `{r}`")));
        }
        for name in &c.names {
            if name.is_empty() || name == "*" || name.matches('*').count() > 1 {
                return Err(invalid(format!(
                    "cookie name {name:?}: give a name, with at most one `*`"
                )));
            }
            if !seen.insert(name.as_str()) {
                return Err(invalid(format!("cookie `{name}` is listed twice")));
            }
        }
    }
    Ok(())
}

/// Obligations: patterns that are names, known age categories, units with
/// seconds and no word twice.
pub(super) fn obligations(
    file: &model::ObligationsFile,
    categories: &HashSet<&str>,
) -> Result<(), RulesError> {
    let invalid = |message: String| RulesError::Invalid {
        file: "rules/obligations.yml".into(),
        message,
    };
    let named = |what: &str, list: &[String]| match list
        .iter()
        .find(|p| p.trim_matches('*').is_empty() || p.contains(char::is_whitespace))
    {
        Some(p) => Err(invalid(format!(
            "{what}: {p:?} is not a name (letters, digits, `_`, with `*` for any part)"
        ))),
        None => Ok(()),
    };
    named("consent_guards", &file.consent_guards)?;
    named("age_gates", &file.age_gates)?;
    named("age_words", &file.age_words)?;
    named("now", &file.now)?;
    named("wrappers", &file.wrappers)?;
    if let Some(p) = file
        .duration_prefixes
        .iter()
        .chain(&file.conversion_prefixes)
        .find(|p| p.is_empty() || p.chars().any(|c| !c.is_ascii_lowercase()))
    {
        return Err(invalid(format!(
            "{p:?}: write duration and conversion prefixes in lower-case letters"
        )));
    }
    if let Some(c) = file
        .age_categories
        .iter()
        .chain(std::iter::once(&file.children_category))
        .find(|c| !categories.contains(c.as_str()))
    {
        return Err(invalid(format!(
            "age_categories: unknown data category `{c}`"
        )));
    }
    if !(1..=150).contains(&file.max_age_bound) {
        return Err(invalid(
            "max_age_bound: give an age in years, 1 to 150".into(),
        ));
    }
    let mut seen = HashSet::new();
    for unit in &file.duration_units {
        if !(unit.seconds > 0.0 && unit.seconds.is_finite())
            || unit
                .longest
                .is_some_and(|l| !(l >= unit.seconds && l.is_finite()))
        {
            return Err(invalid(format!(
                "duration_units {:?}: give the seconds of the unit (more than 0) and a `longest` no shorter",
                unit.words
            )));
        }
        for w in &unit.words {
            if w.is_empty() || w.chars().any(|c| !c.is_ascii_lowercase()) {
                return Err(invalid(format!(
                    "duration_units: {w:?}: write unit words in lower-case letters"
                )));
            }
            if !seen.insert(w.as_str()) {
                return Err(invalid(format!("duration_units: `{w}` is listed twice")));
            }
        }
    }
    Ok(())
}

/// What the phrase files of policy texts may refer to.
pub(super) struct Known<'a> {
    pub categories: &'a HashSet<&'a str>,
    pub purposes: &'a [PurposeSpec],
    pub recipients: &'a HashSet<&'a str>,
    pub region_groups: &'a [RegionGroup],
}

/// A section of a phrase file: its name, its phrase sets, what its keys
/// must be, and how to say so.
type Section<'a> = (
    &'a str,
    &'a [model::PhraseSet],
    &'a dyn Fn(&str) -> bool,
    &'a str,
);

/// Retention periods a phrase may mean; a pattern gives `<N>d`.
pub const RETENTION_PERIODS: [&str; 4] = [
    "session",
    "as-long-as-necessary",
    "as-required-by-law",
    "until-account-deletion",
];

/// The phrase files of policy texts, each checked and then merged: every
/// key resolves, every pattern compiles with the groups its field needs,
/// and no phrase means two keys of one section.
pub(super) fn policy_text(
    files: Vec<(String, model::PolicyTextFile)>,
    known: &Known,
) -> Result<model::PolicyTextFile, RulesError> {
    let mut merged = model::PolicyTextFile::default();
    for (name, file) in files {
        let invalid = |message: String| RulesError::Invalid {
            file: format!("rules/{name}"),
            message,
        };
        let purpose_keys: HashSet<&str> = known.purposes.iter().map(|p| p.key.as_str()).collect();
        let region = |k: &str| {
            (k.len() == 2 && k.chars().all(|c| c.is_ascii_uppercase()))
                || known.region_groups.iter().any(|g| g.code == k)
        };
        let kind = |k: &str| {
            crate::model::manifest::TrackingKind::ALL
                .iter()
                .any(|t| t.name() == k)
        };
        let kebab =
            |k: &str| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '-');
        let sections: [Section; 10] = [
            (
                "categories",
                &file.categories,
                &|k| known.categories.contains(k),
                "a data category key",
            ),
            (
                "purposes",
                &file.purposes,
                &|k| purpose_keys.contains(k),
                "a data use of rules/purposes.yml",
            ),
            (
                "sharing",
                &file.sharing,
                &|k| k == "none" || k == "some",
                "`none` or `some`",
            ),
            (
                "recipients",
                &file.recipients,
                &|k| known.recipients.contains(k),
                "a recipient id of rules/recipients/",
            ),
            (
                "residency",
                &file.residency,
                &region,
                "an ISO 3166 alpha-2 code or a region group",
            ),
            (
                "retention",
                &file.retention,
                &|k| RETENTION_PERIODS.contains(&k),
                "one of session, as-long-as-necessary, as-required-by-law, until-account-deletion",
            ),
            (
                "cookie_kinds",
                &file.cookie_kinds,
                &kind,
                "a tracking kind (strictly-necessary, functional, analytics, marketing)",
            ),
            (
                "promises",
                &file.promises,
                &kebab,
                "a topic in lowercase-with-hyphens",
            ),
            (
                "negations",
                &file.negations,
                &|k| {
                    matches!(
                        k,
                        "categories" | "sharing" | "sharing_exceptions" | "breaks"
                    )
                },
                "`categories`, `sharing`, `sharing_exceptions` or `breaks`",
            ),
            (
                "contexts",
                &file.contexts,
                &|k| {
                    matches!(
                        k,
                        "retention" | "cookie_kinds" | "minimum_age" | "residency"
                    )
                },
                "`retention`, `cookie_kinds`, `minimum_age` or `residency`",
            ),
        ];
        for (section, sets, valid, expected) in sections {
            for set in sets {
                if !valid(&set.key) {
                    return Err(invalid(format!(
                        "{section}: `{}` is not {expected}",
                        set.key
                    )));
                }
                if set.en.is_empty() && set.zh.is_empty() {
                    return Err(invalid(format!(
                        "{section}: `{}` has no phrase; give `en:` or `zh:` phrases",
                        set.key
                    )));
                }
                if let Some(p) = set
                    .en
                    .iter()
                    .chain(&set.zh)
                    .find(|p| p.trim().is_empty() || p.trim() != p.as_str())
                {
                    return Err(invalid(format!(
                        "{section}: `{}` has the phrase {p:?}, empty or with spaces around it",
                        set.key
                    )));
                }
            }
        }
        for p in &file.patterns {
            let groups: &[&str] = match p.field.as_str() {
                "minimum_age" => &["age"],
                "retention" => &["n", "unit"],
                other => {
                    return Err(invalid(format!(
                        "patterns: field `{other}` is not `minimum_age` or `retention`"
                    )));
                }
            };
            let re = regex::Regex::new(&p.pattern)
                .map_err(|e| invalid(format!("patterns: `{}` does not compile: {e}", p.pattern)))?;
            if let Some(missing) = groups
                .iter()
                .filter(|_| p.value.is_none())
                .find(|g| !re.capture_names().flatten().any(|n| n == **g))
            {
                return Err(invalid(format!(
                    "patterns: `{}` ({}) needs a group named `{missing}`",
                    p.pattern, p.field
                )));
            }
        }
        merged.categories.extend(file.categories);
        merged.purposes.extend(file.purposes);
        merged.sharing.extend(file.sharing);
        merged.recipients.extend(file.recipients);
        merged.residency.extend(file.residency);
        merged.retention.extend(file.retention);
        merged.cookie_kinds.extend(file.cookie_kinds);
        merged.promises.extend(file.promises);
        merged.negations.extend(file.negations);
        merged.contexts.extend(file.contexts);
        merged.patterns.extend(file.patterns);
    }
    for (section, sets) in [
        ("categories", &merged.categories),
        ("purposes", &merged.purposes),
        ("sharing", &merged.sharing),
        ("recipients", &merged.recipients),
        ("residency", &merged.residency),
        ("retention", &merged.retention),
        ("cookie_kinds", &merged.cookie_kinds),
        ("promises", &merged.promises),
    ] {
        let mut meaning: HashMap<String, &str> = HashMap::new();
        for set in sets {
            for phrase in set.en.iter().chain(&set.zh) {
                let folded = phrase.to_lowercase();
                if let Some(other) = meaning.insert(folded, &set.key)
                    && other != set.key
                {
                    return Err(RulesError::Invalid {
                        file: "rules/policy-text/".into(),
                        message: format!(
                            "{section}: the phrase {phrase:?} means both `{other}` and `{}`; keep it under one",
                            set.key
                        ),
                    });
                }
            }
        }
    }
    Ok(merged)
}

#[cfg(test)]
mod tests {
    use crate::rules::Rules;

    /// The built-in rules with `files` (path below `rules/`, text) over them.
    fn with(files: &[(&str, &str)]) -> String {
        let dir = tempfile::tempdir().expect("temp dir");
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().expect("a parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        }
        match Rules::embedded_with(&[dir.path().to_path_buf()]) {
            Ok(_) => String::new(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn a_family_agrees_on_calls_and_modules() {
        let ts = include_str!("../../rules/languages/typescript.yml");
        assert_eq!(with(&[("languages/typescript.yml", ts)]), "");
        let drifted = ts.replacen("bare: file", "bare: class", 1);
        assert_ne!(drifted, ts);
        let err = with(&[("languages/typescript.yml", &drifted)]);
        assert!(err.contains("must be those of javascript"), "{err}");
    }

    #[test]
    fn conventions_that_contradict_themselves_are_errors() {
        let java = include_str!("../../rules/languages/java.yml");
        let two_names = java.replacen("names: [this]", "names: [this, self]", 1);
        let err = with(&[("languages/java.yml", &two_names)]);
        assert!(err.contains("exactly one name"), "{err}");
        let go = include_str!("../../rules/languages/go.yml");
        let no_separator = go.replacen("  separator: \"/\"\n", "", 1);
        let err = with(&[("languages/go.yml", &no_separator)]);
        assert!(err.contains("separator"), "{err}");
        let unknown = go.replacen("language: go", "language: cobol", 1);
        let err = with(&[("languages/go.yml", &unknown)]);
        assert!(err.contains("unknown language `cobol`"), "{err}");
    }

    #[test]
    fn a_language_not_analysed_cannot_claim_an_analysed_extension() {
        let claim = with(&[(
            "not-analysed.yml",
            "languages:\n  - name: Python 2\n    extensions: [py]\n",
        )]);
        assert!(claim.contains("`py` is read as python"), "{claim}");
        let dotted = with(&[(
            "not-analysed.yml",
            "languages:\n  - name: Pike\n    extensions: [.pike]\n",
        )]);
        assert!(dotted.contains("without the dot"), "{dotted}");
        let twice = with(&[(
            "not-analysed.yml",
            "languages:\n  - name: Pike\n    extensions: [pike]\n  - name: Pike 7\n    extensions: [pike]\n",
        )]);
        assert!(twice.contains("listed twice"), "{twice}");
    }
}
