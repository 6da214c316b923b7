//! `candor.toml`: project settings, found in the scanned directory or the
//! nearest parent up to the repository root. Command-line flags override it.
//!
//! ```toml
//! policy = "docs/privacy.yml"          # the manifest (default: privacy.yml)
//! exclude = ["tests/**", "examples/**"] # paths not scanned (globs)
//! internal_domains = ["corp.example"]   # hosts that are not third parties
//! fail_on = "warning"                   # error | warning | note | never
//! rule_dirs = ["privacy-rules"]         # extra rule files, merged over the built-in ones
//!
//! [rules]
//! enable = []                           # only these checks (all when empty)
//! disable = ["logged-personal-data"]    # checks not reported
//! ```

use std::path::{Path, PathBuf};

use serde::Deserialize;

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
    #[error("{file}: cannot read: {source}")]
    Io {
        file: String,
        source: std::io::Error,
    },
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// A loaded configuration and the directory its relative paths start from.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub dir: PathBuf,
    pub file: Option<PathBuf>,
}

/// `candor.toml` in `start` or the nearest parent up to the repository root.
pub fn find(start: &Path) -> Option<PathBuf> {
    crate::workspace::nearest(start, "candor.toml")
}

/// Reads and validates `path`.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
        file: file.clone(),
        source,
    })?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        let (line, column) = e.span().map_or((1, 1), |s| line_col(&text, s.start));
        ConfigError::Invalid {
            file: file.clone(),
            line,
            column,
            message: e.message().to_string(),
        }
    })?;
    if let Some(level) = &config.fail_on
        && !matches!(level.as_str(), "error" | "warning" | "note" | "never")
    {
        let (line, column) = text
            .find("fail_on")
            .map_or((1, 1), |at| line_col(&text, at));
        return Err(ConfigError::Invalid {
            file,
            line,
            column,
            message: format!("fail_on must be error, warning, note or never, not `{level}`"),
        });
    }
    for (i, g) in config.exclude.iter().enumerate() {
        if let Err(e) = globset::Glob::new(g) {
            let (line, column) = text
                .find(g.as_str())
                .map_or((1, 1), |at| line_col(&text, at));
            return Err(ConfigError::Invalid {
                file,
                line,
                column,
                message: format!("exclude[{i}]: {e}"),
            });
        }
    }
    for id in config.rules.enable.iter().chain(&config.rules.disable) {
        if crate::checks::by_id(id).is_none() {
            let (line, column) = text
                .find(id.as_str())
                .map_or((1, 1), |at| line_col(&text, at));
            return Err(ConfigError::Invalid {
                file,
                line,
                column,
                message: format!("unknown check `{id}`; `candor rules` lists them"),
            });
        }
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(Loaded {
        config,
        dir,
        file: Some(path.to_path_buf()),
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

impl Loaded {
    /// Whether `relative` (a path relative to the scanned directory) is excluded.
    pub fn excludes(&self, relative: &str) -> bool {
        self.config
            .exclude
            .iter()
            .filter_map(|g| globset::Glob::new(g).ok())
            .any(|g| g.compile_matcher().is_match(relative))
    }
}
