//! Checking findings against the privacy manifest.
//!
//! Each flow is judged against the declaration of its data category (the
//! nearest declared ancestor key) and, for shared data, of its recipient.
//! A flow the manifest allows becomes an inventory note; one it does not
//! allow takes the rule of the first promise it breaks, citing the manifest
//! line and the policy clause. Declarations no flow exercises are reported
//! as notes at their line in the manifest.

mod annotations;
mod code;
mod consent;
mod lifetime;
mod minimum_age;
mod promises;
mod retention;
mod storage_purpose;

pub use code::CodeReader;

use std::cell::RefCell;
use std::collections::HashMap;
use std::path::Path;

use crate::checks::{self, policy_rules as pr};
use crate::manifest::model::covers;
use crate::manifest::{DataDeclaration, Manifest, RecipientDeclaration, locate};
use crate::model::{Finding, FlowKind, Location, PolicyRef, Rule, StoreKind};
use crate::rules::Rules;
use crate::text::SourceLines;

/// A loaded manifest with what is needed to cite it.
pub struct Policy<'a> {
    pub manifest: &'a Manifest,
    /// The manifest's text, to locate declarations.
    pub text: &'a str,
    /// Its path as shown in findings (relative to the scan's base).
    pub path: &'a str,
    pub rules: &'a Rules,
    /// The scanned directory, to read inline purpose annotations; `None`
    /// ignores them.
    pub root: Option<&'a Path>,
    /// Source files read for annotations, by path.
    pub sources: RefCell<HashMap<String, String>>,
    /// Source files read and lowered again for the checks that look at the
    /// code around a finding (consent, minimum age, retention).
    pub code: CodeReader,
    /// Only some files were scanned (`--staged`, `--changed-since`): a
    /// declaration no scanned code exercises may be exercised elsewhere, so
    /// none is reported unexercised.
    pub partial: bool,
}

impl Policy<'_> {
    /// Judges every finding, then adds the unexercised declarations.
    pub fn apply(&self, findings: Vec<Finding>) -> Vec<Finding> {
        let mut out: Vec<Finding> = findings.into_iter().map(|f| self.judge(f)).collect();
        if !self.partial {
            out.extend(self.unexercised(&out));
        }
        out
    }

    /// The code of the file a finding is in, read again, if it still is
    /// what was scanned.
    fn code_of(&self, f: &Finding) -> Option<std::rc::Rc<code::Code>> {
        let code = self.code.code(self.root?, &f.location.path)?;
        code.shows(&f.location, &f.snippet).then_some(code)
    }

    fn data_decl(&self, category: &str) -> Option<&DataDeclaration> {
        self.manifest.declaration(category)
    }

    fn recipient_decl(&self, recipient: &str) -> Option<&RecipientDeclaration> {
        self.manifest.recipient_for(recipient)
    }

    /// A reference to the `nth` occurrence of `needle` in the manifest, or
    /// to the section it names (`recipients:`), citing `clause`.
    fn at(&self, needle: &str, nth: usize, clause: Option<&String>) -> PolicyRef {
        let (line, column) =
            section_line(self.text, needle).unwrap_or_else(|| locate(self.text, needle, nth));
        let (line, column) = (line as u32, column as u32);
        PolicyRef {
            location: Location {
                path: self.path.to_string(),
                start_line: line,
                start_column: column,
                end_line: line,
                end_column: column + needle.chars().count() as u32,
            },
            clause: clause.cloned(),
            subject: needle.to_string(),
        }
    }

    fn sensitive(&self, decl: Option<&DataDeclaration>, f: &Finding) -> bool {
        decl.and_then(|d| d.sensitive).unwrap_or(f.sensitive)
    }

    fn secret(&self, category: &str) -> bool {
        self.rules
            .categories
            .iter()
            .any(|c| c.key == category && c.secret)
    }

    fn judge(&self, mut f: Finding) -> Finding {
        let decl = self.data_decl(&f.category);
        let mut reference = Some(match decl {
            Some(d) => self.at(&d.category, 1, d.clause.as_ref()),
            None => self.at("data", 1, self.manifest.section_clause(|c| c.data.as_ref())),
        });
        let children = self.judge_children(&f, &mut reference);
        let verdict: Option<(&'static Rule, String)> = match decl {
            _ if children.is_some() => children,
            None => Some((
                &pr::UNDECLARED_CATEGORY,
                format!("the manifest does not declare {}", f.category),
            )),
            Some(d) => match f.flow_kind {
                FlowKind::Logged if d.log != Some(true) || self.sensitive(decl, &f) => Some((
                    &pr::LOGGING_NOT_ALLOWED,
                    "the manifest does not allow logging it".to_string(),
                )),
                FlowKind::Stored if d.never_stored() => Some((
                    &pr::STORED_NOT_ALLOWED,
                    "the manifest says it is not stored (`store: false`)".to_string(),
                )),
                FlowKind::Stored => self.outside_storage_purpose(&f, d).or_else(|| {
                    let secret = self.secret(&f.category);
                    let mut abroad_at = None;
                    let abroad = self.judge_residency(&f, &mut abroad_at);
                    let session_cookie = f.store == Some(StoreKind::Cookie)
                        && secret
                        && !f.category.ends_with("password");
                    let must_encrypt = d
                        .encrypt_at_rest
                        .unwrap_or(self.sensitive(decl, &f) || secret);
                    (must_encrypt && !session_cookie && !f.encrypted)
                        .then(|| {
                            (
                                &pr::UNENCRYPTED_STORAGE,
                                "the manifest requires it to be encrypted at rest".to_string(),
                            )
                        })
                        .or_else(|| {
                            reference = abroad_at.or(reference.take());
                            abroad
                        })
                }),
                FlowKind::Shared => self.judge_shared(&f, d, &mut reference),
                FlowKind::Collected => self.judge_minimum_age(&f, &mut reference),
                _ => None,
            }
            .or_else(|| self.judge_retention(&f, d))
            .or_else(|| self.judge_path_purpose(&f, d))
            .or_else(|| self.judge_tracking(&f, &mut reference))
            .or_else(|| self.judge_consent(&f, d, &mut reference)),
        };
        let (rule, why) = match verdict {
            Some(v) => v,
            None => (checks::inventory_rule(f.flow_kind), String::new()),
        };
        if !why.is_empty() {
            let cite = reference.as_ref().map_or(String::new(), |r| {
                let clause = r
                    .clause
                    .as_ref()
                    .map(|c| format!(", clause {c}"))
                    .unwrap_or_default();
                format!(" ({}:{}{clause})", r.location.path, r.location.start_line)
            });
            f.message = format!("{}, but {why}{cite}", f.message);
        }
        f.rule_id = rule.id;
        f.level = rule.level;
        f.policy = reference;
        f
    }

    fn judge_shared(
        &self,
        f: &Finding,
        d: &DataDeclaration,
        reference: &mut Option<PolicyRef>,
    ) -> Option<(&'static Rule, String)> {
        let recipient = f.recipient.as_deref()?;
        if recipient == "unknown" {
            return None;
        }
        let catalog = self.rules.recipient(recipient);
        let declared = self.recipient_decl(recipient);
        if self.manifest.recipients.is_some() {
            let Some(r) = declared else {
                if let Some(list) = &self.manifest.recipients {
                    let clause = self.manifest.section_clause(|c| c.recipients.as_ref());
                    *reference = Some(self.at("recipients", 1, clause));
                    let why = if list.is_empty() {
                        "the manifest says personal data is shared with no one".to_string()
                    } else {
                        format!("{recipient} is not a declared recipient")
                    };
                    return Some((&pr::UNDECLARED_RECIPIENT, why));
                }
                return None;
            };
            *reference = Some(self.at(&r.id, 1, r.clause.as_ref()));
            if !r.categories.iter().any(|c| covers(c, &f.category)) {
                return Some((
                    &pr::RECIPIENT_CATEGORY,
                    format!("{} is not declared as receiving {}", r.id, f.category),
                ));
            }
            // The code's declared purpose wins over the recipient's default.
            let code_purposes = self.code_purposes(f);
            let inferred: Vec<&str> = if code_purposes.is_empty() {
                catalog.map(|c| c.purpose.as_str()).into_iter().collect()
            } else {
                code_purposes.iter().map(String::as_str).collect()
            };
            for purpose in inferred {
                let allowed = r
                    .purposes
                    .iter()
                    .chain(&d.purposes)
                    .any(|p| covers(p, purpose));
                if !allowed {
                    return Some((
                        &pr::UNDECLARED_PURPOSE,
                        format!("its use by {} ({purpose}) is not a declared purpose", r.id),
                    ));
                }
            }
        }
        self.judge_residency(f, reference)
    }

    /// Data sent to or stored with a service outside the declared regions.
    /// The region named in the code wins over the declared recipient's,
    /// which wins over the catalog's.
    fn judge_residency(
        &self,
        f: &Finding,
        reference: &mut Option<PolicyRef>,
    ) -> Option<(&'static Rule, String)> {
        let res = self.manifest.residency.as_ref()?;
        let recipient = f.recipient.as_deref()?;
        let region = Manifest::region_of(
            Some(self.manifest),
            recipient,
            f.region.as_deref(),
            self.rules,
        )?;
        if !self.manifest.outside_residency(region, self.rules) {
            return None;
        }
        *reference = Some(self.at("residency", 1, res.clause.as_ref()));
        Some((
            &pr::CROSS_BORDER,
            format!(
                "{recipient} is in {region}, outside the declared residency ({})",
                res.regions.join(", ")
            ),
        ))
    }

    /// Cookies and browser storage must be among the declared tracking;
    /// analytics and advertising services need their kind of tracking
    /// declared.
    fn judge_tracking(
        &self,
        f: &Finding,
        reference: &mut Option<PolicyRef>,
    ) -> Option<(&'static Rule, String)> {
        let tracking = self.manifest.tracking.as_ref()?;
        let verdict = match (f.flow_kind, f.store) {
            (FlowKind::Stored, Some(StoreKind::Cookie | StoreKind::BrowserStorage)) => {
                let names: Vec<&str> = tracking.iter().filter_map(|t| t.name.as_deref()).collect();
                // An entry without a name (`kind: functional`) declares cookies
                // of that kind whatever their names: names are compared only
                // when every entry gives one.
                let all_named = tracking
                    .iter()
                    .all(|t| t.name.is_some() || t.recipient.is_some());
                let key = f.store_key.as_deref();
                if tracking.is_empty() {
                    Some("the manifest declares no cookies or tracking".to_string())
                } else {
                    key.filter(|k| all_named && !names.is_empty() && !names.contains(k))
                        .map(|k| {
                            format!(
                                "`{k}` is not among the declared cookies ({})",
                                names.join(", ")
                            )
                        })
                        .or_else(|| self.undeclared_cookie_kind(key?))
                }
            }
            (FlowKind::Shared, _) => {
                let id = f.recipient.as_deref()?;
                let kind = self.tracking_kind_of(id)?;
                let declared = tracking
                    .iter()
                    .any(|t| t.kind == kind && t.recipient.as_deref().is_none_or(|r| r == id));
                (!declared)
                    .then(|| format!("tracking by {id} ({kind:?}) is not declared", kind = kind))
            }
            _ => None,
        }?;
        *reference = Some(self.at("tracking", 1, self.tracking_clause()));
        Some((&pr::UNDECLARED_TRACKING, verdict))
    }

    /// Why the known cookie `name` (`rules/cookies.yml`) is not declared:
    /// no entry names it, and none declares its kind for every cookie (or
    /// for the cookie's service).
    fn undeclared_cookie_kind(&self, name: &str) -> Option<String> {
        let cookie = self.rules.cookie(name)?;
        let tracking = self.manifest.tracking.as_ref()?;
        let declared = tracking.iter().any(|t| {
            t.name.as_deref() == Some(name)
                || (t.name.is_none()
                    && t.kind.name() == cookie.kind
                    && t.recipient
                        .as_deref()
                        .is_none_or(|r| cookie.recipient.as_deref() == Some(r)))
        });
        if declared {
            return None;
        }
        let of = cookie
            .recipient
            .as_deref()
            .and_then(|r| self.rules.recipient(r))
            .map_or(String::new(), |r| format!(" of {}", r.name));
        let kind = &cookie.kind;
        let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        Some(format!(
            "`{name}` is {article} {kind} cookie{of}; the manifest declares no such {kind} tracking"
        ))
    }

    /// The clause of the manifest's tracking section, else of its first
    /// entry.
    fn tracking_clause(&self) -> Option<&String> {
        self.manifest
            .section_clause(|c| c.tracking.as_ref())
            .or_else(|| self.manifest.tracking.as_ref()?.first()?.clause.as_ref())
    }

    /// The purposes the code of a finding declares: `purposes[]` globs
    /// matching its path, and inline `candor: purpose=...` annotations.
    fn code_purposes(&self, f: &Finding) -> Vec<String> {
        self.purposes_at(&f.location)
    }

    /// The purposes the code at `location` declares.
    fn purposes_at(&self, location: &Location) -> Vec<String> {
        let path = location.path.as_str();
        let mut out: Vec<String> = self
            .manifest
            .purposes
            .iter()
            .filter(|pp| {
                pp.paths.iter().any(|g| {
                    globset::Glob::new(g).is_ok_and(|g| g.compile_matcher().is_match(path))
                })
            })
            .flat_map(|pp| pp.uses.iter().cloned())
            .collect();
        if let Some(root) = self.root {
            let mut sources = self.sources.borrow_mut();
            let text = sources.entry(path.to_string()).or_insert_with(|| {
                crate::files::read_settings(&root.join(path)).unwrap_or_default()
            });
            out.extend(annotations::purposes_at(text, location.start_line));
        }
        out
    }

    /// Code whose declared purpose (`purposes[]`) the data's declaration
    /// does not list uses the data for an undeclared purpose.
    fn judge_path_purpose(
        &self,
        f: &Finding,
        d: &DataDeclaration,
    ) -> Option<(&'static Rule, String)> {
        if f.flow_kind == FlowKind::Shared {
            return None; // judged with the recipient
        }
        let purpose = self
            .code_purposes(f)
            .into_iter()
            .find(|u| !d.purposes.iter().any(|p| covers(p, u)))?;
        Some((
            &pr::UNDECLARED_PURPOSE,
            format!(
                "this code serves {purpose}, which is not a declared purpose of {}",
                f.category
            ),
        ))
    }

    fn unexercised(&self, findings: &[Finding]) -> Vec<Finding> {
        let mut out = Vec::new();
        for d in &self.manifest.data {
            if !findings.iter().any(|f| covers(&d.category, &f.category)) {
                let message = format!(
                    "The manifest declares {} but no scanned code collects, stores, logs or shares it",
                    d.category
                );
                out.push(self.note(&d.category, &d.category, None, d.clause.as_ref(), message));
            }
        }
        for r in self.manifest.recipients.iter().flatten() {
            let used = findings.iter().any(|f| {
                f.recipient
                    .as_deref()
                    .is_some_and(|rec| self.recipient_decl(rec).is_some_and(|x| x.id == r.id))
            });
            if !used {
                let message = format!(
                    "The manifest declares recipient {} but no scanned code sends it personal data",
                    r.id
                );
                let category = r.categories.first().map_or("user", String::as_str);
                out.push(self.note(&r.id, category, Some(&r.id), r.clause.as_ref(), message));
            }
        }
        out
    }

    /// An unexercised declaration, located at `needle` in the manifest.
    fn note(
        &self,
        needle: &str,
        category: &str,
        recipient: Option<&String>,
        clause: Option<&String>,
        message: String,
    ) -> Finding {
        let reference = self.at(needle, 1, clause);
        let line = SourceLines::new(self.text).snippet(
            reference.location.start_line,
            reference.location.start_column,
        );
        Finding {
            category: category.to_string(),
            category_name: category.to_string(),
            flow_kind: if recipient.is_some() {
                FlowKind::Shared
            } else {
                FlowKind::Collected
            },
            recipient: recipient.cloned(),
            policy: Some(reference.clone()),
            ..Finding::meta(
                &pr::UNEXERCISED,
                "manifest",
                message,
                reference.location,
                line,
                "declared here",
            )
        }
    }
}

/// A few name patterns as a message shows them: without `*`, the first
/// three, `…` for the rest (`verify_age, age_verif, check_age, …`).
fn names_for_message(patterns: &[String]) -> String {
    let mut shown: Vec<String> = patterns
        .iter()
        .take(3)
        .map(|p| format!("`{}`", p.trim_matches('*')))
        .collect();
    if patterns.len() > 3 {
        shown.push("…".to_string());
    }
    shown.join(", ")
}

/// Line and column of section `key` (`recipients:` at the start of a line):
/// the place a promise of the whole section is cited.
fn section_line(text: &str, key: &str) -> Option<(usize, usize)> {
    text.lines()
        .position(|line| {
            line.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|i| (i + 1, 1))
}
