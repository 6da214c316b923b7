//! Loading and validating the privacy manifest.
//!
//! Every error names the file, line and column and says what to do; an
//! unknown key comes with the closest known one.

pub mod contradictions;
pub mod draft;
/// The format's types live with the vocabulary every stage shares.
pub use crate::model::manifest as model;

use std::path::Path;

pub use model::{DataDeclaration, Manifest, RecipientDeclaration, TrackingKind};

use crate::rules::Rules;
use crate::suggest;
use crate::text::{LocatedError, char_column};

/// Reads and validates the manifest at `path`.
pub fn load(path: &Path, rules: &Rules) -> Result<Manifest, LocatedError> {
    let file = path.display().to_string();
    let text = crate::files::read_settings(path).map_err(|e| {
        LocatedError::whole_file(
            file.clone(),
            format!("cannot read the manifest: {}", crate::text::io_reason(&e)),
        )
    })?;
    parse(&file, &text, rules)
}

impl Manifest {
    /// The declared recipient a finding's recipient is: by catalog id, or
    /// for an uncatalogued host (`unknown:api.example.com`) by its domains.
    pub fn recipient_for(&self, recipient: &str) -> Option<&RecipientDeclaration> {
        let declared = self.recipients.as_ref()?;
        if let Some(host) = recipient.strip_prefix("unknown:") {
            return declared.iter().find(|r| {
                r.domains
                    .iter()
                    .any(|d| host == d || host.ends_with(&format!(".{d}")))
            });
        }
        declared.iter().find(|r| r.id == recipient)
    }

    /// Where `recipient` processes data: the region the code names, else
    /// the declared recipient's, else the catalog's.
    pub fn region_of<'a>(
        manifest: Option<&'a Manifest>,
        recipient: &str,
        named_in_code: Option<&'a str>,
        rules: &'a Rules,
    ) -> Option<&'a str> {
        named_in_code
            .or_else(|| manifest?.recipient_for(recipient)?.region.as_deref())
            .or_else(|| Some(rules.recipient(recipient)?.region.as_str()))
    }

    /// Whether data in `region` leaves the declared residency (a `global`
    /// service is not placed anywhere; a group such as `EU` holds its
    /// members, see `rules/regions.yml`); `false` without a residency.
    pub fn outside_residency(&self, region: &str, rules: &Rules) -> bool {
        let inside = |declared: &String| {
            declared == region
                || rules
                    .region_groups
                    .iter()
                    .any(|g| &g.code == declared && g.members.iter().any(|m| m == region))
        };
        self.residency
            .as_ref()
            .is_some_and(|r| region != "global" && !r.regions.iter().any(inside))
    }
}

/// Parses and validates manifest `text`; `file` names it in errors.
pub fn parse(file: &str, text: &str, rules: &Rules) -> Result<Manifest, LocatedError> {
    if let Some(e) = LocatedError::nesting(file, text) {
        return Err(e);
    }
    // A draft's placeholder kind is no kind the format knows; say so
    // before the parser reports an unknown variant.
    if let Some(at) = find(text, draft::KIND_PLACEHOLDER, 1) {
        return Err(LocatedError {
            help: Some(
                "write the kind the policy gives this cookie: `strictly-necessary`, `functional`, `analytics` or `marketing`"
                    .into(),
            ),
            ..LocatedError::new(file, at, "tracking kind not chosen yet".to_string())
        });
    }
    let manifest: Manifest = serde_norway::from_str(text).map_err(|e| {
        let LocatedError {
            line,
            column,
            message,
            ..
        } = LocatedError::yaml(file, &e);
        // serde appends " at line L column C"; the location is already in front.
        let message = message.split(" at line ").next().unwrap_or(&message).to_string();
        let help = if message.contains("unknown field") {
            Some("see docs/manifest.md for the fields each section accepts".to_string())
        } else if message.contains("invalid type") {
            Some("check the value's type against docs/manifest.md (a list is written `[a, b]` or one `- item` per line)".to_string())
        } else {
            None
        };
        LocatedError { file: file.to_string(), line, column, message, help }
    })?;
    Validator { file, text, rules }.validate(&manifest)?;
    Ok(manifest)
}

struct Validator<'a> {
    file: &'a str,
    text: &'a str,
    rules: &'a Rules,
}

impl Validator<'_> {
    fn error(&self, needle: &str, message: String, help: Option<String>) -> LocatedError {
        self.error_at(needle, 1, message, help)
    }

    /// An error at the `nth` (1-based) occurrence of `needle`.
    fn error_at(
        &self,
        needle: &str,
        nth: usize,
        message: String,
        help: Option<String>,
    ) -> LocatedError {
        let (line, column) = locate(self.text, needle, nth);
        LocatedError {
            file: self.file.to_string(),
            line,
            column,
            message,
            help,
        }
    }

    fn validate(&self, m: &Manifest) -> Result<(), LocatedError> {
        if m.version != 1 {
            return Err(self.error(
                "version",
                format!("unsupported manifest version {}", m.version),
                Some("this candor reads `version: 1`".into()),
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for d in &m.data {
            self.category(&d.category)?;
            if !seen.insert(d.category.as_str()) {
                let message = format!("data category `{}` is declared twice", d.category);
                return Err(self.error_at(
                    &d.category,
                    2,
                    message,
                    Some("merge the two entries".into()),
                ));
            }
            if d.purposes.is_empty() {
                return Err(self.error(&d.category, format!("data category `{}` declares no purpose", d.category), Some("list the data uses the policy gives for it, e.g. `purposes: [essential.service.authentication]`".into())));
            }
            for p in &d.purposes {
                self.purpose(p)?;
            }
            if let Some(only_for) = d.stored_only_for() {
                if only_for.is_empty() {
                    return Err(self.error(
                        "only_for",
                        format!("`store: {{only_for: []}}` on {} allows no purpose", d.category),
                        Some("write `store: false` if the data is never kept, or list the purposes it is kept for".into()),
                    ));
                }
                for p in only_for {
                    self.purpose(p)?;
                }
            }
            if let Some(retention) = &d.retention {
                self.retention(retention)?;
            }
        }
        if let Some(consent) = &m.consent {
            self.names("guards", &consent.guards)?;
        }
        if let Some(subjects) = &m.subjects {
            self.names("age_gate", &subjects.age_gate)?;
        }
        let mut recipient_ids = Vec::new();
        for r in m.recipients.iter().flatten() {
            let in_catalog = self.rules.recipient(&r.id).is_some();
            if !in_catalog && (r.name.is_none() || r.domains.is_empty()) {
                let ids: Vec<&str> = self
                    .rules
                    .recipients
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect();
                let help = match suggest::closest(&r.id, &ids) {
                    Some(s) => format!("did you mean `{s}`? A recipient outside the catalog needs `name` and `domains`"),
                    None => "a recipient outside the catalog (`candor rules --recipients`) needs `name` and `domains`".into(),
                };
                return Err(self.error(&r.id, format!("unknown recipient `{}`", r.id), Some(help)));
            }
            for d in &r.domains {
                let valid = d.contains('.')
                    && d.chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
                if !valid {
                    return Err(self.error(
                        d,
                        format!("`{d}` is not a domain name"),
                        Some(
                            "write the host only, without scheme or path: `api.example.com`".into(),
                        ),
                    ));
                }
            }
            for c in &r.categories {
                self.category(c)?;
            }
            for p in &r.purposes {
                self.purpose(p)?;
            }
            if let Some(region) = &r.region {
                self.region(region)?;
            }
            recipient_ids.push(r.id.as_str());
        }
        for pp in &m.purposes {
            for p in &pp.uses {
                self.purpose(p)?;
            }
            for g in &pp.paths {
                if let Err(e) = globset::Glob::new(g) {
                    return Err(self.error(g, format!("bad path glob `{g}`: {e}"), None));
                }
            }
        }
        if let Some(res) = &m.residency {
            for r in &res.regions {
                self.region(r)?;
            }
        }
        for t in m.tracking.iter().flatten() {
            if let Some(r) = &t.recipient
                && self.rules.recipient(r).is_none()
                && !recipient_ids.contains(&r.as_str())
            {
                return Err(self.error(
                    r,
                    format!("tracking names unknown recipient `{r}`"),
                    Some("use a catalog id or the id of an entry under `recipients`".into()),
                ));
            }
        }
        Ok(())
    }

    fn category(&self, key: &str) -> Result<(), LocatedError> {
        let known = self
            .rules
            .categories
            .iter()
            .any(|c| c.key == key || c.key.starts_with(&format!("{key}.")));
        if known {
            return Ok(());
        }
        let keys: Vec<&str> = self
            .rules
            .categories
            .iter()
            .map(|c| c.key.as_str())
            .collect();
        let help = match suggest::closest(key, &keys) {
            Some(s) => format!("did you mean `{s}`? `candor rules --categories` lists every key"),
            None => "`candor rules --categories` lists every key".into(),
        };
        Err(self.error(key, format!("unknown data category `{key}`"), Some(help)))
    }

    fn purpose(&self, key: &str) -> Result<(), LocatedError> {
        if self.rules.purposes.iter().any(|p| p.key == key) {
            return Ok(());
        }
        if key == draft::PURPOSE_PLACEHOLDER {
            let help = "replace it with the data uses the policy states, e.g. `[essential.service.authentication]`; rules/purposes.yml lists them".to_string();
            return Err(self.error(key, "purposes not filled in yet".to_string(), Some(help)));
        }
        let keys: Vec<&str> = self.rules.purposes.iter().map(|p| p.key.as_str()).collect();
        let help = match suggest::closest(key, &keys) {
            Some(s) => format!("did you mean `{s}`? rules/purposes.yml lists every data use"),
            None => "rules/purposes.yml lists every data use (`essential.service.authentication`, `marketing.advertising`, ...)".into(),
        };
        Err(self.error(key, format!("unknown purpose `{key}`"), Some(help)))
    }

    /// A retention that starts with a number must be a duration the check
    /// can read (`30d`, `6 months`); words are the policy's own.
    fn retention(&self, retention: &str) -> Result<(), LocatedError> {
        let starts_with_number = retention.trim().starts_with(|c: char| c.is_ascii_digit());
        if !starts_with_number
            || self
                .rules
                .obligations
                .retention_seconds(retention)
                .is_some()
        {
            return Ok(());
        }
        Err(self.error(
            retention,
            format!("`{retention}` is not a duration"),
            Some("write a number and a unit: `30d`, `24h`, `90min`, `2w`, `6 months`, `1y` (`m` alone is ambiguous); or `session`, or the policy's words".into()),
        ))
    }

    /// Names of guards or checks: something besides `*`, no spaces.
    fn names(&self, field: &str, names: &[String]) -> Result<(), LocatedError> {
        match names
            .iter()
            .find(|n| n.trim_matches('*').is_empty() || n.contains(char::is_whitespace))
        {
            Some(n) => Err(self.error(
                n,
                format!("`{n}` in `{field}` is not a name"),
                Some("write a function, flag or decorator name (`has_consent`), with `*` for any part (`*consent*`)".into()),
            )),
            None => Ok(()),
        }
    }

    fn region(&self, region: &str) -> Result<(), LocatedError> {
        let valid = self.rules.region_groups.iter().any(|g| g.code == region)
            || (region.len() == 2 && region.chars().all(|c| c.is_ascii_uppercase()));
        if valid {
            Ok(())
        } else {
            Err(self.error(
                region,
                format!("`{region}` is not a region code"),
                Some("use an ISO 3166 alpha-2 code such as `CN` or `DE`, or `EU` / `EEA`".into()),
            ))
        }
    }
}

/// Line and column (1-based) of the `nth` occurrence of `needle` as a whole
/// YAML scalar in `text`; (1, 1) when it cannot be found.
pub fn locate(text: &str, needle: &str, nth: usize) -> (usize, usize) {
    find(text, needle, nth).unwrap_or((1, 1))
}

/// Line and column (1-based) of the `nth` occurrence of `needle` as a whole
/// YAML scalar in `text`, outside comments.
pub fn find(text: &str, needle: &str, nth: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let mut seen = 0;
    let boundary = |c: Option<char>| {
        c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '.' || c == '-'))
    };
    for (i, line) in text.lines().enumerate() {
        // Comments are not values.
        let code = if line.trim_start().starts_with('#') {
            ""
        } else {
            line.split(" #").next().unwrap_or(line)
        };
        let mut start = 0;
        while let Some(pos) = code[start..].find(needle) {
            let at = start + pos;
            let before = code[..at].chars().next_back();
            let after = code[at + needle.len()..].chars().next();
            if boundary(before) && boundary(after) {
                seen += 1;
                if seen == nth {
                    return Some((i + 1, char_column(code, at)));
                }
            }
            start = at + needle.len().max(1);
        }
    }
    None
}

/// The JSON Schema of the manifest format, for editors.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Manifest);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
