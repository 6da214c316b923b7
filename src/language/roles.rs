//! Which role a file plays (production, test, example, seed, migration,
//! benchmark), told by its path: `rules/file-roles.yml` for every language,
//! each language's `file_roles` on top, and `[roles]` of `candor.toml` over
//! both.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::Role;

/// The path patterns of one role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolePatterns {
    /// Directory names (any case); `a/b` names consecutive directories.
    #[serde(default)]
    pub directories: Vec<String>,
    /// Whole file names (`conftest.py`).
    #[serde(default)]
    pub names: Vec<String>,
    /// File-name beginnings, endings and inner parts.
    #[serde(default)]
    pub prefixes: Vec<String>,
    #[serde(default)]
    pub suffixes: Vec<String>,
    #[serde(default)]
    pub infixes: Vec<String>,
}

impl RolePatterns {
    fn extend(&mut self, other: &RolePatterns) {
        self.directories.extend(other.directories.iter().cloned());
        self.names.extend(other.names.iter().cloned());
        self.prefixes.extend(other.prefixes.iter().cloned());
        self.suffixes.extend(other.suffixes.iter().cloned());
        self.infixes.extend(other.infixes.iter().cloned());
    }

    /// Whether a directory pattern matches the directories from `dirs[0]` on.
    fn matches_directories(&self, dirs: &[&str]) -> bool {
        self.directories.iter().any(|pattern| {
            let mut parts = pattern.split('/');
            let mut at = dirs.iter();
            parts.all(|p| at.next().is_some_and(|d| d.eq_ignore_ascii_case(p)))
        })
    }

    fn matches_name(&self, file: &str) -> bool {
        self.names.iter().any(|n| file == n)
            || self.prefixes.iter().any(|p| file.starts_with(p.as_str()))
            || self.suffixes.iter().any(|s| file.ends_with(s.as_str()))
            || self.infixes.iter().any(|i| file.contains(i.as_str()))
    }

    /// What is wrong with the patterns, if anything.
    fn problem(&self) -> Option<String> {
        if let Some(d) = self
            .directories
            .iter()
            .find(|d| d.is_empty() || d.split('/').any(str::is_empty))
        {
            return Some(format!(
                "directory `{d}` is empty or starts, ends or doubles `/`"
            ));
        }
        let file_parts = self.names.iter().chain(&self.prefixes);
        let file_parts = file_parts.chain(&self.suffixes).chain(&self.infixes);
        file_parts
            .clone()
            .find(|p| p.is_empty() || p.contains('/'))
            .map(|p| format!("file-name pattern `{p}` is empty or holds `/`"))
    }
}

/// The patterns of every role: `rules/file-roles.yml`, or a language's
/// `file_roles`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct FileRoles {
    roles: BTreeMap<Role, RolePatterns>,
}

impl FileRoles {
    /// These patterns with `other`'s added.
    pub fn merged(&self, other: &FileRoles) -> FileRoles {
        let mut merged = self.clone();
        for (role, patterns) in &other.roles {
            merged.roles.entry(*role).or_default().extend(patterns);
        }
        merged
    }

    /// What is wrong with the patterns, if anything.
    pub fn problem(&self) -> Option<String> {
        if let Some(p) = self.roles.get(&Role::Production)
            && p != &(RolePatterns {
                directories: p.directories.clone(),
                ..RolePatterns::default()
            })
        {
            return Some("production is told by directories only".into());
        }
        self.roles.iter().find_map(|(role, patterns)| {
            patterns
                .problem()
                .map(|problem| format!("{}: {problem}", role.name()))
        })
    }

    /// The role of the file at `path` (relative, `/`-separated): the first
    /// directory from the start that a role names decides; else the file
    /// name; else production.
    pub fn role_of(&self, path: &str) -> Role {
        let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let file = parts.pop().unwrap_or_default();
        for start in 0..parts.len() {
            let dirs = &parts[start..];
            if let Some((role, _)) = self
                .roles
                .iter()
                .find(|(_, patterns)| patterns.matches_directories(dirs))
            {
                return *role;
            }
        }
        self.roles
            .iter()
            .find(|(_, patterns)| patterns.matches_name(file))
            .map_or(Role::Production, |(role, _)| *role)
    }
}

/// `[roles]` of `candor.toml`: globs over paths relative to the scanned
/// directory that give their files a role whatever the conventions say.
#[derive(Debug, Clone, Default)]
pub struct RoleOverrides {
    globs: Vec<(Role, globset::GlobSet)>,
}

impl RoleOverrides {
    /// Compiles the globs of each role; the error names the glob.
    pub fn new(settings: &BTreeMap<Role, Vec<String>>) -> Result<RoleOverrides, String> {
        let mut globs = Vec::new();
        for (role, patterns) in settings {
            let mut set = globset::GlobSetBuilder::new();
            for p in patterns {
                set.add(globset::Glob::new(p).map_err(|e| format!("`{p}`: {}", e.kind()))?);
            }
            let set = set.build().map_err(|e| e.to_string())?;
            globs.push((*role, set));
        }
        Ok(RoleOverrides { globs })
    }

    /// The role the settings give `path`, if any; production first, so
    /// that `production = ["scripts/**"]` wins over a broader glob.
    pub fn role_of(&self, path: &str) -> Option<Role> {
        self.globs
            .iter()
            .find(|(_, set)| set.is_match(path))
            .map(|(role, _)| *role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(yaml: &str) -> FileRoles {
        serde_norway::from_str(yaml).unwrap()
    }

    #[test]
    fn the_outermost_directory_decides_then_the_file_name() {
        let r = roles(
            "production: {directories: [src/main]}\n\
             test: {directories: [tests, src/test], prefixes: [test_], suffixes: [Test.java]}\n\
             example: {directories: [examples, samples]}\n",
        );
        assert_eq!(r.role_of("app/users.py"), Role::Production);
        assert_eq!(r.role_of("tests/examples/x.py"), Role::Test);
        assert_eq!(r.role_of("examples/app/tests/x.py"), Role::Example);
        assert_eq!(r.role_of("Tests/x.py"), Role::Test);
        assert_eq!(r.role_of("app/test_users.py"), Role::Test);
        assert_eq!(r.role_of("app/contest.py"), Role::Production);
        // A package named `samples` under Maven's main source set is code
        // of the product.
        assert_eq!(
            r.role_of("src/main/java/org/acme/samples/Owner.java"),
            Role::Production
        );
        assert_eq!(r.role_of("src/test/java/org/acme/Owner.java"), Role::Test);
        assert_eq!(r.role_of("mod/src/test/java/Owner.java"), Role::Test);
        // A directory pattern of two names needs both, in order.
        assert_eq!(r.role_of("src/other/test_x/y.java"), Role::Production);
        assert_eq!(r.role_of("src/UserTest.java"), Role::Test);
    }

    #[test]
    fn merged_patterns_add_up() {
        let common = roles("test: {directories: [tests]}\n");
        let language = roles("test: {suffixes: [_test.go]}\nseed: {prefixes: [populate]}\n");
        let both = common.merged(&language);
        assert_eq!(both.role_of("tests/a.go"), Role::Test);
        assert_eq!(both.role_of("store/store_test.go"), Role::Test);
        assert_eq!(both.role_of("cmd/populatedb.go"), Role::Seed);
    }

    #[test]
    fn overrides_by_glob_production_first() {
        let settings = BTreeMap::from([
            (Role::Example, vec!["data/static/**".to_string()]),
            (Role::Production, vec!["data/static/live/**".to_string()]),
        ]);
        let overrides = RoleOverrides::new(&settings).unwrap();
        assert_eq!(
            overrides.role_of("data/static/fix_1.ts"),
            Some(Role::Example)
        );
        assert_eq!(
            overrides.role_of("data/static/live/a.ts"),
            Some(Role::Production)
        );
        assert_eq!(overrides.role_of("routes/login.ts"), None);
        let bad = BTreeMap::from([(Role::Test, vec!["a/[".to_string()])]);
        assert!(RoleOverrides::new(&bad).unwrap_err().contains("`a/[`"));
    }

    #[test]
    fn bad_patterns_are_named() {
        let problem = |yaml| roles(yaml).problem().unwrap_or_default();
        assert!(problem("test: {directories: [/tests]}").contains("`/tests`"));
        assert!(problem("test: {suffixes: [a/b]}").contains("`a/b`"));
        assert!(problem("production: {prefixes: [x]}").contains("directories only"));
        assert!(problem("test: {directories: [a/b], names: [x.py]}").is_empty());
        assert!(serde_norway::from_str::<FileRoles>("tests: {}").is_err());
    }
}
