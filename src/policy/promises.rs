//! The manifest's promises in words, each located where the policy check
//! cites it, for the reports that show which promises the code keeps.

use super::Policy;
use crate::manifest::model::Consent;
use crate::manifest::{DataDeclaration, RecipientDeclaration};
use crate::model::{Promise, PromiseKind};

impl Policy<'_> {
    /// Every promise the manifest makes, in the manifest's order by kind.
    pub fn promises(&self) -> Vec<Promise> {
        let m = self.manifest;
        let mut out = vec![self.promise(
            PromiseKind::Inventory,
            "data",
            "every category of personal data the code processes is declared".to_string(),
            m.section_clause(|c| c.data.as_ref()),
        )];
        out.extend(m.data.iter().map(|d| {
            self.promise(
                PromiseKind::Data,
                &d.category,
                self.data_statement(d),
                d.clause.as_ref(),
            )
        }));
        if let Some(recipients) = &m.recipients {
            let statement = if recipients.is_empty() {
                "personal data is shared with no one".to_string()
            } else {
                "personal data goes only to the declared recipients".to_string()
            };
            let clause = m.section_clause(|c| c.recipients.as_ref());
            out.push(self.promise(PromiseKind::Recipients, "recipients", statement, clause));
            out.extend(recipients.iter().map(|r| {
                self.promise(
                    PromiseKind::Recipient,
                    &r.id,
                    self.recipient_statement(r),
                    r.clause.as_ref(),
                )
            }));
        }
        if let Some(residency) = &m.residency {
            out.push(self.promise(
                PromiseKind::Residency,
                "residency",
                format!(
                    "personal data is stored and processed only in {}",
                    residency.regions.join(", ")
                ),
                residency.clause.as_ref(),
            ));
        }
        if let Some(tracking) = &m.tracking {
            let statement = if tracking.is_empty() {
                "no cookies or tracking".to_string()
            } else {
                let listed: Vec<String> = tracking
                    .iter()
                    .map(|t| {
                        let what = t.name.as_deref().or(t.recipient.as_deref());
                        let kind = t.kind.name();
                        match what {
                            Some(w) => format!("{w} ({kind})"),
                            None => kind.to_string(),
                        }
                    })
                    .collect();
                format!(
                    "only the declared cookies and trackers: {}",
                    listed.join(", ")
                )
            };
            let clause = self.tracking_clause();
            out.push(self.promise(PromiseKind::Tracking, "tracking", statement, clause));
        }
        if let Some(subjects) = &m.subjects
            && let Some(age) = subjects.minimum_age
        {
            let p = self.promise(
                PromiseKind::Subjects,
                "minimum_age",
                format!("the service is not for people younger than {age}"),
                subjects.clause.as_ref(),
            );
            out.push(p);
        }
        out
    }

    /// A promise about `subject`, located where the policy check cites it
    /// (findings cite it by the same subject).
    fn promise(
        &self,
        kind: PromiseKind,
        subject: &str,
        statement: String,
        clause: Option<&String>,
    ) -> Promise {
        Promise {
            kind,
            subject: subject.to_string(),
            statement,
            clause: clause.cloned(),
            location: self.at(subject, 1, None).location,
            checked: true,
        }
    }

    fn data_statement(&self, d: &DataDeclaration) -> String {
        let mut parts = vec![format!("used for {}", d.purposes.join(", "))];
        let secret = self.secret(&d.category);
        let sensitive = d.sensitive.unwrap_or_else(|| {
            self.rules
                .categories
                .iter()
                .any(|c| c.key == d.category && c.sensitive)
        });
        parts.push(match d.stored_only_for() {
            _ if d.never_stored() => "never stored".to_string(),
            Some(purposes) => format!("stored only for {}", purposes.join(", ")),
            None if d.encrypt_at_rest.unwrap_or(sensitive || secret) => {
                "stored only hashed or encrypted".to_string()
            }
            None => "may be stored".to_string(),
        });
        parts.push(if d.log == Some(true) && !sensitive {
            "may be logged".to_string()
        } else {
            "never logged".to_string()
        });
        if let Some(retention) = &d.retention {
            parts.push(format!("retention: {retention}"));
        }
        if d.consent == Some(Consent::Required) {
            parts.push("only with the person's consent".to_string());
        }
        parts.join("; ")
    }

    fn recipient_statement(&self, r: &RecipientDeclaration) -> String {
        let catalog = self.rules.recipient(&r.id);
        let name = r
            .name
            .as_deref()
            .or(catalog.map(|c| c.name.as_str()))
            .unwrap_or(&r.id);
        let mut s = format!("{name} receives {}", r.categories.join(", "));
        if !r.purposes.is_empty() {
            s.push_str(&format!(" for {}", r.purposes.join(", ")));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::policy_rules as pr;
    use crate::model::promise;

    #[test]
    fn promises_name_the_rules_of_the_policy_check() {
        assert_eq!(promise::UNDECLARED_CATEGORY, pr::UNDECLARED_CATEGORY.id);
        assert_eq!(promise::UNEXERCISED, pr::UNEXERCISED.id);
    }
}
