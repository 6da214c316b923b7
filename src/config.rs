//! `candor.toml`: project settings, found in the scanned directory or the
//! nearest parent up to the repository root (outside a repository, in the
//! scanned directory only). Command-line flags override it.
//!
//! ```toml
//! policy = "docs/privacy.yml"          # the manifest (default: privacy.yml)
//! exclude = ["tests/**", "examples/**"] # files not read (nor followed through)
//! internal_domains = ["corp.example"]   # hosts that are not third parties
//! fail_on = "warning"                   # error | warning | note | never
//! rule_dirs = ["privacy-rules"]         # extra rule files, merged over the built-in ones
//!
//! [rules]
//! enable = []                           # only these checks (all when empty)
//! disable = ["logged-personal-data"]    # checks not reported
//!
//! [scan]
//! include = ["test"]                    # also report findings in these roles
//!
//! [roles]                               # roles of paths, over the conventions
//! example = ["data/static/codefixes/**"]
//! production = ["scripts/**"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::language::RoleOverrides;
use crate::model::Role;
use crate::text::{LocatedError, MAX_TOML_OPENERS, line_col, toml_openers_exceed};
use crate::workspace;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub policy: Option<PathBuf>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub internal_domains: Vec<String>,
    pub fail_on: Option<String>,
    #[serde(default)]
    pub rule_dirs: Vec<PathBuf>,
    #[serde(default)]
    pub rules: RuleSettings,
    #[serde(default)]
    pub scan: ScanSettings,
    /// Globs of paths (relative to the scanned directory) by the role of
    /// their files, over the conventions of `rules/`.
    #[serde(default)]
    pub roles: BTreeMap<Role, Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSettings {
    /// Roles besides production whose findings are reported.
    #[serde(default)]
    pub include: Vec<Role>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSettings {
    /// Only these checks are reported (all when empty).
    #[serde(default)]
    pub enable: Vec<String>,
    /// Check ids not reported.
    #[serde(default)]
    pub disable: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{file}: cannot read: {}", crate::text::io_reason(.error))]
    Io {
        file: String,
        /// Not the error's `source`: its reason is in the message.
        error: std::io::Error,
    },
    #[error(transparent)]
    Invalid(LocatedError),
    #[error("{0}")]
    Refused(String),
}

/// A loaded configuration and the directory its relative paths start from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub dir: PathBuf,
    pub file: Option<PathBuf>,
}

/// `candor.toml` in `start` or the nearest parent up to the repository root
/// (outside a repository, in `start` only; see
/// [`workspace::settings_file`]).
pub fn find(start: &Path) -> Result<Option<PathBuf>, ConfigError> {
    workspace::settings_file(start, "candor.toml").map_err(ConfigError::Refused)
}

/// Reads and validates `path`.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let file = path.display().to_string();
    let text = crate::files::read_settings(path).map_err(|error| ConfigError::Io {
        file: file.clone(),
        error,
    })?;
    let config = parse(&file, &text)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Loaded {
        config,
        dir,
        file: Some(path.to_path_buf()),
    })
}

/// Parses and validates the text of a `candor.toml`; `file` names it in
/// errors. An error says what is wrong and where, never what the file holds
/// there: `--config` may name a link to a file that is no settings at all,
/// and its content must not reach a CI log.
pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
    // An error at the first occurrence of `needle`, or at the start.
    let at = |needle: &str, message: String| {
        let position = text.find(needle).map_or((1, 1), |at| line_col(text, at));
        ConfigError::Invalid(LocatedError::new(file, position, message))
    };
    if let Some(e) = LocatedError::nesting(file, text) {
        return Err(ConfigError::Invalid(e));
    }
    if toml_openers_exceed(text) {
        return Err(ConfigError::Invalid(LocatedError::new(
            file,
            (1, 1),
            format!(
                "more than {MAX_TOML_OPENERS} `[` and `{{` in all; write the settings flat, no `candor.toml` needs this many"
            ),
        )));
    }
    let config: Config = toml::from_str(text).map_err(|e| {
        let position = e.span().map_or((1, 1), |s| line_col(text, s.start));
        ConfigError::Invalid(LocatedError::new(
            file,
            position,
            crate::text::without_values(e.message()),
        ))
    })?;
    if let Some(level) = &config.fail_on
        && !matches!(level.as_str(), "error" | "warning" | "note" | "never")
    {
        return Err(at(
            "fail_on",
            "fail_on must be error, warning, note or never".to_string(),
        ));
    }
    for (i, g) in config.exclude.iter().enumerate() {
        if let Err(e) = globset::Glob::new(g) {
            return Err(at(g, format!("exclude[{i}]: not a glob: {}", e.kind())));
        }
    }
    for (role, globs) in &config.roles {
        for g in globs {
            if let Err(e) = globset::Glob::new(g) {
                return Err(at(
                    g,
                    format!("[roles] {}: not a glob: {}", role.name(), e.kind()),
                ));
            }
        }
    }
    if RoleOverrides::new(&config.roles).is_err() {
        return Err(at(
            "[roles]",
            "[roles]: the globs cannot be compiled".to_string(),
        ));
    }
    for (key, ids) in [
        ("enable", &config.rules.enable),
        ("disable", &config.rules.disable),
    ] {
        if let Some(id) = ids.iter().find(|id| crate::checks::by_id(id).is_none()) {
            return Err(at(
                id,
                format!("[rules] {key} names an unknown check; `candor rules` lists them"),
            ));
        }
    }
    Ok(config)
}

impl Loaded {
    /// The tree the paths of the settings may lead into: the repository of
    /// `candor.toml`, else its directory. A scanned repository's settings
    /// cannot point candor at another file of the machine.
    fn bound(&self) -> PathBuf {
        workspace::repository_root(&self.dir).unwrap_or_else(|| self.dir.clone())
    }

    /// `path`, a setting's value, resolved from the settings' directory;
    /// an error if it leads out of [`Loaded::bound`].
    fn confined(&self, key: &str, path: &Path) -> Result<PathBuf, ConfigError> {
        let resolved = self.dir.join(path);
        if workspace::within(&resolved, &self.bound()) {
            return Ok(resolved);
        }
        let file = self.file.as_deref().unwrap_or(Path::new("candor.toml"));
        Err(ConfigError::Refused(format!(
            "{}: `{key}` names {}, outside the repository; a repository's settings cannot \
             point candor at other files (name the file on the command line instead)",
            file.display(),
            path.display()
        )))
    }

    /// The manifest the `policy` setting names, if it does.
    pub fn policy(&self) -> Result<Option<PathBuf>, ConfigError> {
        self.config
            .policy
            .as_deref()
            .map(|p| self.confined("policy", p))
            .transpose()
    }

    /// The rule directories `rule_dirs` names.
    pub fn rule_dirs(&self) -> Result<Vec<PathBuf>, ConfigError> {
        self.config
            .rule_dirs
            .iter()
            .map(|d| self.confined("rule_dirs", d))
            .collect()
    }

    /// The roles `[roles]` gives paths (validated when parsed).
    pub fn role_overrides(&self) -> RoleOverrides {
        RoleOverrides::new(&self.config.roles).unwrap_or_default()
    }

    /// Whether `relative` (a path relative to the scanned directory) is excluded.
    pub fn excludes(&self, relative: &str) -> bool {
        self.config
            .exclude
            .iter()
            .filter_map(|g| globset::Glob::new(g).ok())
            .any(|g| g.compile_matcher().is_match(relative))
    }
}
