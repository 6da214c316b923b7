//! Dependency manifests: which third-party SDKs a project ships.
//!
//! Reads package.json, requirements*.txt, pyproject.toml, Pipfile, pom.xml,
//! build.gradle(.kts), go.mod, Cargo.toml, composer.json, Gemfile, and .NET's
//! `*.csproj`, packages.config and Directory.Packages.props, and
//! matches each declared package against the recipients catalog. The result
//! is an inventory of third parties even where no data flow to them is seen.

use std::collections::HashMap;
use std::path::Path;

use crate::language::Language;
use crate::model::{Ecosystem, Notice, NoticeKind, SdkUse};
use crate::rules::Rules;
use crate::text::{MAX_NESTING, brackets_too_deep, toml_openers_exceed};

/// A dependency declared in a manifest file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dependency {
    pub ecosystem: Ecosystem,
    pub name: String,
    /// 1-based line of the declaration.
    pub line: u32,
}

/// Whether `file_name` is a dependency manifest this module reads.
pub fn is_dependency_manifest(file_name: &str) -> bool {
    matches!(
        file_name,
        "package.json"
            | "pyproject.toml"
            | "Pipfile"
            | "pom.xml"
            | "build.gradle"
            | "build.gradle.kts"
            | "go.mod"
            | "Cargo.toml"
            | "composer.json"
            | "Gemfile"
            | "packages.config"
            | "Directory.Packages.props"
    ) || (file_name.starts_with("requirements") && file_name.ends_with(".txt"))
        || file_name.ends_with(".csproj")
        || file_name.ends_with(".versions.toml")
}

/// The dependencies `text` declares, judged by the file's name. Unreadable
/// content gives none: a broken manifest never stops a scan.
pub fn parse(file_name: &str, text: &str) -> Vec<Dependency> {
    parse_checked(file_name, text).unwrap_or_default()
}

/// [`parse`], or why a JSON or TOML manifest could not be read at all (the
/// other formats are read line by line, and a bad line costs only itself).
pub fn parse_checked(file_name: &str, text: &str) -> Result<Vec<Dependency>, String> {
    let mut out = match file_name {
        "package.json" => json_keys(
            text,
            &["dependencies", "optionalDependencies", "peerDependencies"],
            Ecosystem::Npm,
        )?,
        "composer.json" => json_keys(text, &["require"], Ecosystem::Packagist)?,
        "pyproject.toml" => pyproject(text)?,
        "Pipfile" => toml_keys(text, &["packages"], Ecosystem::Pypi)?,
        "Cargo.toml" => toml_keys(
            text,
            &["dependencies", "build-dependencies"],
            Ecosystem::Crates,
        )?,
        "pom.xml" => pom(text),
        "build.gradle" | "build.gradle.kts" => gradle(text),
        "go.mod" => go_mod(text),
        "Gemfile" => gemfile(text),
        "packages.config" | "Directory.Packages.props" => nuget(text),
        _ if file_name.ends_with(".csproj") => nuget(text),
        _ if file_name.ends_with(".versions.toml") => version_catalog(text)?,
        _ if file_name.starts_with("requirements") => requirements(text),
        _ => Vec::new(),
    };
    out.sort();
    out.dedup();
    Ok(out)
}

/// Where the names of a manifest first appear, found in one pass over its
/// text: a manifest can declare tens of thousands of packages, and looking
/// for each in the whole text took time quadratic in its size.
struct Lines<'t> {
    /// The first line of each word: a run of characters that can make a
    /// package name, and each part of it between dots
    /// (`[dependencies.serde]`).
    words: HashMap<&'t str, u32>,
}

impl<'t> Lines<'t> {
    fn of_words(text: &'t str) -> Lines<'t> {
        let mut words = HashMap::new();
        for (i, line) in text.lines().enumerate() {
            let line_number = i as u32 + 1;
            let is_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
            for word in line.split(|c: char| !is_word(c)).filter(|w| !w.is_empty()) {
                words.entry(word).or_insert(line_number);
                if word.contains('.') {
                    for part in word.split('.').filter(|p| !p.is_empty()) {
                        words.entry(part).or_insert(line_number);
                    }
                }
            }
        }
        Lines { words }
    }

    /// The first line of every JSON string in `text` (its raw content,
    /// between the quotes).
    fn of_json_strings(text: &'t str) -> Lines<'t> {
        let mut words = HashMap::new();
        let bytes = text.as_bytes();
        let (mut line, mut i) = (1u32, 0);
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => line += 1,
                b'"' => {
                    let start = i + 1;
                    let mut end = start;
                    while end < bytes.len() && bytes[end] != b'"' {
                        match bytes[end] {
                            b'\\' => end += 1,
                            b'\n' => line += 1,
                            _ => {}
                        }
                        end += 1;
                    }
                    if let Some(content) = text.get(start..end.min(bytes.len())) {
                        words.entry(content).or_insert(line);
                    }
                    i = end;
                }
                _ => {}
            }
            i += 1;
        }
        Lines { words }
    }

    /// The first line of `name` (1 when it is not found).
    fn of(&self, name: &str) -> u32 {
        self.words.get(name).copied().unwrap_or(1)
    }
}

/// The 1-based line of the byte `offset` of a text whose lines start at
/// `starts`.
fn line_at(starts: &[usize], offset: usize) -> u32 {
    starts.partition_point(|s| *s <= offset) as u32
}

fn dep(ecosystem: Ecosystem, name: &str, lines: &Lines) -> Dependency {
    Dependency {
        ecosystem,
        name: name.to_string(),
        line: lines.of(name),
    }
}

/// Why a manifest was not read: what is wrong and where, never what the
/// file holds there.
const UNREAD: &str = "its dependencies are not read";

fn json_keys(text: &str, sections: &[&str], eco: Ecosystem) -> Result<Vec<Dependency>, String> {
    let v = serde_json::from_str::<serde_json::Value>(text).map_err(|e| {
        format!(
            "not valid JSON (line {}, column {}); {UNREAD}",
            e.line(),
            e.column()
        )
    })?;
    let lines = Lines::of_json_strings(text);
    Ok(sections
        .iter()
        .filter_map(|s| v.get(s)?.as_object())
        .flat_map(|o| o.keys())
        .map(|k| dep(eco, k, &lines))
        .collect())
}

/// Parses a TOML manifest, unless it could nest too deep to parse safely
/// (see [`MAX_NESTING`] and [`crate::text::MAX_TOML_OPENERS`]).
fn toml_table(text: &str) -> Result<toml::Table, String> {
    if toml_openers_exceed(text) || brackets_too_deep(text, MAX_NESTING).is_some() {
        return Err(format!("nests `[` and `{{` too deep; {UNREAD}"));
    }
    text.parse::<toml::Table>().map_err(|e| {
        let (line, column) = e
            .span()
            .map_or((1, 1), |s| crate::text::line_col(text, s.start));
        format!("not valid TOML (line {line}, column {column}); {UNREAD}")
    })
}

fn toml_keys(text: &str, tables: &[&str], eco: Ecosystem) -> Result<Vec<Dependency>, String> {
    let v = toml_table(text)?;
    let lines = Lines::of_words(text);
    Ok(tables
        .iter()
        .filter_map(|t| v.get(*t)?.as_table())
        .flat_map(|t| t.keys())
        .map(|k| dep(eco, k, &lines))
        .collect())
}

/// The package name of a PEP 508 requirement (`sentry-sdk[flask]>=1.0`).
fn pep508_name(spec: &str) -> Option<&str> {
    let spec = spec.trim();
    let end = spec
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
        .unwrap_or(spec.len());
    let name = &spec[..end];
    (!name.is_empty()).then_some(name)
}

fn pyproject(text: &str) -> Result<Vec<Dependency>, String> {
    let v = toml_table(text)?;
    let lines = Lines::of_words(text);
    let mut out = Vec::new();
    if let Some(deps) = v
        .get("project")
        .and_then(|p| p.get("dependencies"))
        .and_then(|d| d.as_array())
    {
        for d in deps.iter().filter_map(|d| d.as_str()) {
            if let Some(name) = pep508_name(d) {
                out.push(dep(Ecosystem::Pypi, name, &lines));
            }
        }
    }
    let poetry = v
        .get("tool")
        .and_then(|t| t.get("poetry"))
        .and_then(|p| p.get("dependencies"))
        .and_then(|d| d.as_table());
    for k in poetry
        .into_iter()
        .flat_map(|t| t.keys())
        .filter(|k| *k != "python")
    {
        out.push(dep(Ecosystem::Pypi, k, &lines));
    }
    Ok(out)
}

fn requirements(text: &str) -> Vec<Dependency> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let l = l.split('#').next()?.trim();
            if l.is_empty() || l.starts_with('-') {
                return None;
            }
            let name = pep508_name(l)?;
            Some(Dependency {
                ecosystem: Ecosystem::Pypi,
                name: name.to_string(),
                line: i as u32 + 1,
            })
        })
        .collect()
}

fn pom(text: &str) -> Vec<Dependency> {
    let tag = |block: &str, t: &str| -> Option<(usize, String)> {
        let open = format!("<{t}>");
        let start = block.find(&open)? + open.len();
        let end = block[start..].find(&format!("</{t}>"))? + start;
        Some((start, block[start..end].trim().to_string()))
    };
    // Each dependency's line is that of its `artifactId`, found in its own
    // block.
    let starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1))
        .collect();
    const OPEN: &str = "<dependency>";
    let opens: Vec<usize> = text.match_indices(OPEN).map(|(at, _)| at).collect();
    let ends = opens.iter().skip(1).copied().chain([text.len()]);
    opens
        .iter()
        .zip(ends)
        .filter_map(|(&at, next)| {
            // Up to the next `<dependency>`: no block is searched twice.
            let block_start = at + OPEN.len();
            let block = &text[block_start..next];
            let block = block.split("</dependency>").next()?;
            let (_, g) = tag(block, "groupId")?;
            let (offset, a) = tag(block, "artifactId")?;
            Some(Dependency {
                ecosystem: Ecosystem::Maven,
                name: format!("{g}:{a}"),
                line: line_at(&starts, block_start + offset),
            })
        })
        .collect()
}

fn gradle(text: &str) -> Vec<Dependency> {
    const CONFIGS: [&str; 5] = [
        "implementation",
        "api",
        "compile",
        "runtimeOnly",
        "compileOnly",
    ];
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let l = l.trim();
            CONFIGS.iter().find(|c| l.starts_with(**c))?;
            let quoted = l.split(['\'', '"']).nth(1)?;
            let mut parts = quoted.split(':');
            let (g, a) = (parts.next()?, parts.next()?);
            Some(Dependency {
                ecosystem: Ecosystem::Maven,
                name: format!("{g}:{a}"),
                line: i as u32 + 1,
            })
        })
        .collect()
}

/// A Gradle version catalog (`gradle/libs.versions.toml`), where Android
/// builds name their libraries for `implementation(libs.firebase.messaging)`:
/// each entry of `[libraries]` is `"group:name:version"`, or a table with
/// `module = "group:name"` or `group` and `name`. Located at its alias.
fn version_catalog(text: &str) -> Result<Vec<Dependency>, String> {
    let v = toml_table(text)?;
    let Some(libraries) = v.get("libraries").and_then(|l| l.as_table()) else {
        return Ok(Vec::new());
    };
    // An alias's line under `[libraries]` (the same word may name a
    // version above it).
    let start = text.find("[libraries]").unwrap_or(0);
    let line_of = |alias: &str| {
        let before = text[..start].lines().count() as u32;
        text[start..]
            .lines()
            .position(|l| {
                l.trim_start()
                    .strip_prefix(alias)
                    .is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(before + 1, |i| before + i as u32 + 1)
    };
    Ok(libraries
        .iter()
        .filter_map(|(alias, entry)| {
            let module = match entry {
                toml::Value::String(s) => {
                    let mut parts = s.splitn(3, ':');
                    format!("{}:{}", parts.next()?, parts.next()?)
                }
                toml::Value::Table(t) => match (t.get("module"), t.get("group"), t.get("name")) {
                    (Some(m), _, _) => m.as_str()?.to_string(),
                    (None, Some(g), Some(n)) => format!("{}:{}", g.as_str()?, n.as_str()?),
                    _ => return None,
                },
                _ => return None,
            };
            module.contains(':').then(|| Dependency {
                ecosystem: Ecosystem::Maven,
                name: module,
                line: line_of(alias),
            })
        })
        .collect())
}

fn go_mod(text: &str) -> Vec<Dependency> {
    let mut out = Vec::new();
    let mut in_block = false;
    for (i, l) in text.lines().enumerate() {
        let l = l.split("//").next().unwrap_or("").trim();
        let spec = if l.starts_with("require (") {
            in_block = true;
            continue;
        } else if in_block && l == ")" {
            in_block = false;
            continue;
        } else if in_block {
            l
        } else if let Some(rest) = l.strip_prefix("require ") {
            rest
        } else {
            continue;
        };
        if let Some(module) = spec.split_whitespace().next() {
            out.push(Dependency {
                ecosystem: Ecosystem::Go,
                name: module.to_string(),
                line: i as u32 + 1,
            });
        }
    }
    out
}

fn gemfile(text: &str) -> Vec<Dependency> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let rest = l.trim().strip_prefix("gem ")?;
            let name = rest.trim().split(['\'', '"']).nth(1)?;
            Some(Dependency {
                ecosystem: Ecosystem::Rubygems,
                name: name.to_string(),
                line: i as u32 + 1,
            })
        })
        .collect()
}

/// NuGet packages: `<PackageReference Include="Stripe.net" .. />` of a
/// project file, `<PackageVersion Include=".." />` of central package
/// management, `<package id=".." />` of packages.config. Read line by line:
/// each declaration is one element on one line.
fn nuget(text: &str) -> Vec<Dependency> {
    text.lines()
        .enumerate()
        .filter_map(|(i, l)| {
            let l = l.trim();
            let attribute =
                if l.starts_with("<PackageReference") || l.starts_with("<PackageVersion") {
                    "Include="
                } else if l.starts_with("<package ") {
                    "id="
                } else {
                    return None;
                };
            let rest = &l[l.find(attribute)? + attribute.len()..];
            let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            let name = rest[1..].split(quote).next()?.trim();
            (!name.is_empty()).then(|| Dependency {
                ecosystem: Ecosystem::Nuget,
                name: name.to_string(),
                line: i as u32 + 1,
            })
        })
        .collect()
}

/// The language whose code calls a registry's packages, when candor reads
/// that language (its sink rules are where the SDKs' calls go).
pub fn language_of(ecosystem: Ecosystem) -> Option<Language> {
    match ecosystem {
        Ecosystem::Npm => Some(Language::JavaScript),
        Ecosystem::Pypi => Some(Language::Python),
        Ecosystem::Maven => Some(Language::Java),
        Ecosystem::Go => Some(Language::Go),
        Ecosystem::Crates => Some(Language::Rust),
        Ecosystem::Packagist => Some(Language::Php),
        Ecosystem::Rubygems => Some(Language::Ruby),
        Ecosystem::Nuget => Some(Language::CSharp),
    }
}

/// The catalog recipient whose SDK `d` is. Go modules and Maven artifacts
/// match as prefixes (`github.com/stripe/stripe-go` covers `.../v76`).
pub fn recipient_of<'r>(d: &Dependency, rules: &'r Rules) -> Option<&'r str> {
    rules.recipients.iter().find_map(|r| {
        let names = r.packages.of(d.ecosystem);
        let normalize = |s: &str| s.to_ascii_lowercase().replace('_', "-");
        let hit = names.iter().any(|n| match d.ecosystem {
            Ecosystem::Go => d.name == *n || d.name.starts_with(&format!("{n}/")),
            Ecosystem::Pypi => normalize(n) == normalize(&d.name),
            // NuGet ids are compared without regard to case.
            Ecosystem::Nuget => n.eq_ignore_ascii_case(&d.name),
            _ => *n == d.name,
        });
        hit.then_some(r.id.as_str())
    })
}

/// The largest dependency manifest read.
pub const MAX_MANIFEST_FILE: u64 = crate::files::MAX_SETTINGS_FILE;

/// The SDKs declared by the manifest file at `path` (shown as `shown`),
/// whose content is `bytes` (read by the caller, at most
/// [`MAX_MANIFEST_FILE`] of them), and notices of what could not be read:
/// one that is no valid JSON or TOML, or not UTF-8 (decoded lossily, the
/// rest still read). A byte-order mark is no part of the text.
pub fn sdks_in(
    path: &Path,
    bytes: &[u8],
    shown: &str,
    rules: &Rules,
) -> (Vec<SdkUse>, Vec<Notice>) {
    let mut notices = Vec::new();
    let mut notice = |kind, message: String| {
        notices.push(Notice {
            path: shown.to_string(),
            kind,
            message,
        })
    };
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return (Vec::new(), notices);
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => std::borrow::Cow::Borrowed(text),
        Err(_) => {
            notice(
                NoticeKind::Partial,
                "not valid UTF-8; decoded lossily".to_string(),
            );
            String::from_utf8_lossy(bytes)
        }
    };
    let dependencies = match parse_checked(name, &text) {
        Ok(d) => d,
        Err(reason) => {
            notice(NoticeKind::Error, reason);
            Vec::new()
        }
    };
    let sdks = dependencies
        .into_iter()
        .filter_map(|d| {
            let recipient = recipient_of(&d, rules)?.to_string();
            Some(SdkUse {
                recipient,
                package: d.name,
                ecosystem: d.ecosystem,
                path: shown.to_string(),
                line: d.line,
            })
        })
        .collect();
    (sdks, notices)
}

#[cfg(test)]
mod tests {
    use super::{Ecosystem, parse};

    /// Deeply nested manifests are no crash, even on a thread's small stack.
    #[test]
    fn deep_nesting_parses_on_a_small_stack() {
        let deep =
            |open: &str, close: &str, n: usize| format!("{}1{}", open.repeat(n), close.repeat(n));
        let inputs = [
            (
                "package.json",
                format!("{{\"dependencies\": {}}}", deep("[", "]", 100_000)),
            ),
            (
                "Cargo.toml",
                format!("[dependencies]\nx = {}\n", deep("[", "]", 100_000)),
            ),
            (
                "Cargo.toml",
                format!("[dependencies]\nx = {}\n", deep("{a=", "}", 100_000)),
            ),
            (
                "pyproject.toml",
                format!("[project]\ndependencies = {}\n", deep("[", "]", 100_000)),
            ),
            (
                "Pipfile",
                format!("[packages]\nx = {}\n", deep("{a=", "}", 100_000)),
            ),
            (
                "Cargo.toml",
                format!("[dependencies]\n{}x = 1\n", "a.".repeat(100_000)),
            ),
            (
                "Cargo.toml",
                format!("[{}x]\ny = 1\n", "a.".repeat(100_000)),
            ),
        ];
        std::thread::Builder::new()
            .stack_size(512 * 1024)
            .spawn(move || {
                for (name, text) in &inputs {
                    parse(name, text);
                }
            })
            .unwrap()
            .join()
            .unwrap();
    }

    fn names(file: &str, text: &str) -> Vec<String> {
        parse(file, text)
            .into_iter()
            .map(|d| format!("{}@{}", d.name, d.line))
            .collect()
    }

    #[test]
    fn every_format() {
        assert_eq!(
            names(
                "package.json",
                "{\n \"dependencies\": {\n  \"stripe\": \"^14\"\n },\n \"devDependencies\": {\"jest\": \"1\"}\n}"
            ),
            ["stripe@3"]
        );
        assert_eq!(
            names(
                "requirements.txt",
                "# comment\nsentry-sdk[flask]>=1.0\n-r base.txt\nrequests==2\n"
            ),
            ["requests@4", "sentry-sdk@2"]
        );
        assert_eq!(names("requirements-prod.txt", "twilio\n"), ["twilio@1"]);
        assert_eq!(
            names(
                "pyproject.toml",
                "[project]\ndependencies = [\"mixpanel>=4\"]\n[tool.poetry.dependencies]\npython = \"^3.11\"\nstripe = \"*\"\n"
            ),
            ["mixpanel@2", "stripe@5"]
        );
        assert_eq!(
            names("Pipfile", "[packages]\nsendgrid = \"*\"\n"),
            ["sendgrid@2"]
        );
        assert_eq!(
            names(
                "Cargo.toml",
                "[dependencies]\nsentry = \"0.34\"\n[dev-dependencies]\ninsta = \"1\"\n"
            ),
            ["sentry@2"]
        );
        assert_eq!(
            names(
                "pom.xml",
                "<project>\n<dependency>\n<groupId>io.sentry</groupId>\n<artifactId>sentry</artifactId>\n</dependency>\n</project>"
            ),
            ["io.sentry:sentry@4"]
        );
        assert_eq!(
            names(
                "build.gradle.kts",
                "dependencies {\n    implementation(\"com.stripe:stripe-java:24.0.0\")\n    testImplementation(\"junit:junit:4\")\n}"
            ),
            ["com.stripe:stripe-java@2"]
        );
        assert_eq!(
            names(
                "libs.versions.toml",
                "[versions]\nokhttp = \"4.12.0\"\n[libraries]\nfirebase-messaging = { module = \"com.google.firebase:firebase-messaging-ktx\" }\nokhttp = { group = \"com.squareup.okhttp3\", name = \"okhttp\", version.ref = \"okhttp\" }\nsentry = \"io.sentry:sentry-android:7.0.0\"\nbroken = { version = \"1\" }\n[plugins]\nkotlin = { id = \"org.jetbrains.kotlin.android\" }\n"
            ),
            [
                "com.google.firebase:firebase-messaging-ktx@4",
                "com.squareup.okhttp3:okhttp@5",
                "io.sentry:sentry-android@6"
            ]
        );
        assert_eq!(
            names(
                "go.mod",
                "module x\nrequire github.com/a/b v1\nrequire (\n\tgithub.com/getsentry/sentry-go v0.27.0 // indirect\n)\n"
            ),
            ["github.com/a/b@2", "github.com/getsentry/sentry-go@4"]
        );
        assert_eq!(
            names(
                "composer.json",
                "{\"require\": {\"stripe/stripe-php\": \"^10\"}}"
            ),
            ["stripe/stripe-php@1"]
        );
        assert_eq!(
            names("Gemfile", "source 'x'\ngem 'stripe', '~> 10'\n"),
            ["stripe@2"]
        );
        assert_eq!(
            names(
                "Shop.Web.csproj",
                "<Project Sdk=\"Microsoft.NET.Sdk.Web\">\n  <ItemGroup>\n    \
                 <PackageReference Include=\"Stripe.net\" Version=\"45.0.0\" />\n    \
                 <ProjectReference Include=\"../Shop.Core/Shop.Core.csproj\" />\n  </ItemGroup>\n</Project>"
            ),
            ["Stripe.net@3"]
        );
        assert_eq!(
            names(
                "packages.config",
                "<packages>\n  <package id='Sentry' version='4.0.0' />\n</packages>"
            ),
            ["Sentry@2"]
        );
        assert!(super::is_dependency_manifest("Shop.Web.csproj"));
        assert!(parse("package.json", "{ not json").is_empty());
        // A name is found as a whole word, also as a dotted table's part.
        assert_eq!(
            names(
                "Cargo.toml",
                "[package]\nname = \"sentry-example\"\n[dependencies]\nsentry = \"0.34\"\n\
                 [dependencies.serde]\nversion = \"1\"\n"
            ),
            ["sentry@4", "serde@5"]
        );
        // Each artifact in its own block, also an unclosed one.
        assert_eq!(
            names(
                "pom.xml",
                "<dependency><groupId>g</groupId><artifactId>a</artifactId></dependency>\n\
                 <dependency>\n<groupId>g</groupId>\n<artifactId>a</artifactId>\n\
                 <dependency><groupId>h</groupId>\n<artifactId>b</artifactId>"
            ),
            ["g:a@1", "g:a@4", "h:b@6"]
        );
        assert!(parse("Cargo.toml", "[dependencies\n").is_empty());
        assert_eq!(
            parse("go.mod", "require github.com/x/y v1\n")[0].ecosystem,
            Ecosystem::Go
        );
    }
}
