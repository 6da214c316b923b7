//! What the fuzzer feeds mutants to, one input kind at a time, and the real
//! files each kind starts from: source files of every language (lowered,
//! analysed and joined), multi-file projects (one file mutated, all joined),
//! schema files, dependency manifests, privacy manifests, `candor.toml` and
//! baselines.

use std::path::{Path, PathBuf};

use candor::baseline::Baseline;
use candor::classify::Classifier;
use candor::dependencies;
use candor::discover;
use candor::language::Language;
use candor::manifest;
use candor::model::Role;
use candor::project;
use candor::rules::Rules;
use candor::scan::{DEFAULT_MAX_FILE_SIZE, ScanOptions, analyze_content, analyze_schema};
use candor::schemas::SchemaKind;

/// An input kind: its name, the files it starts from, and how one input is
/// analysed.
pub struct Kind {
    pub name: &'static str,
    /// Where the seeds come from, and which files there are seeds.
    seeds: fn(&Path) -> bool,
    run: fn(&Env, &Path, &[u8]),
}

/// What the analyses need, made once.
pub struct Env {
    pub rules: Rules,
    pub classifier: Classifier,
    pub root: PathBuf,
}

impl Env {
    pub fn new(root: PathBuf) -> Env {
        let rules = Rules::embedded().expect("the built-in rules load");
        let classifier = Classifier::new(&rules);
        Env {
            rules,
            classifier,
            root,
        }
    }
}

/// A seed: a file's path (relative, which names its kind for the analysis)
/// and content.
pub struct Seed {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl Kind {
    /// The seeds of this kind under the project's corpus, fixtures and test
    /// projects.
    pub fn seeds(&self, env: &Env) -> Vec<Seed> {
        let mut out = Vec::new();
        for dir in ["corpus", "tests/fixtures", "tests/projects", "tests/fuzz"] {
            collect(&env.root, &env.root.join(dir), self.seeds, &mut out);
        }
        out.sort_by(|a, b| a.path.cmp(&b.path));
        out
    }

    /// Analyses one input as a file at `path` would be.
    pub fn run(&self, env: &Env, path: &Path, bytes: &[u8]) {
        (self.run)(env, path, bytes)
    }
}

fn collect(root: &Path, dir: &Path, wanted: fn(&Path) -> bool, out: &mut Vec<Seed>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_dir() {
            collect(root, &p, wanted, out);
        } else if wanted(&p)
            && let Ok(bytes) = std::fs::read(&p)
        {
            let path = p.strip_prefix(root).unwrap_or(&p).to_path_buf();
            out.push(Seed { path, bytes });
        }
    }
}

/// One source file as the scan analyses it, then joined with itself.
fn source(env: &Env, path: &Path, bytes: &[u8]) {
    let Some(language) = Language::for_path(path) else {
        return;
    };
    let options = ScanOptions::new(Vec::new());
    let analyzed = analyze_content(
        &path.to_string_lossy(),
        language,
        Role::Production,
        bytes.to_vec(),
        &env.rules,
        &env.classifier,
        &options,
    );
    let summaries: Vec<_> = analyzed.summary.into_iter().collect();
    joined(summaries, &env.rules);
}

/// One schema file as the scan analyses it.
fn schema(env: &Env, path: &Path, bytes: &[u8]) {
    let Some(kind) = SchemaKind::for_content(path, bytes) else {
        return;
    };
    if discover::content_skip_reason(
        path,
        bytes,
        (DEFAULT_MAX_FILE_SIZE, "--max-file-size"),
        None,
    )
    .is_some()
    {
        return;
    }
    let text = String::from_utf8_lossy(bytes);
    let _ = analyze_schema(
        &path.to_string_lossy(),
        kind,
        &text,
        &env.rules,
        &env.classifier,
    );
}

fn dependency_manifest(env: &Env, path: &Path, bytes: &[u8]) {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let text = String::from_utf8_lossy(bytes);
    for d in dependencies::parse(name, &text) {
        dependencies::recipient_of(&d, &env.rules);
    }
}

fn privacy_manifest(env: &Env, _path: &Path, bytes: &[u8]) {
    let _ = manifest::parse("privacy.yml", &String::from_utf8_lossy(bytes), &env.rules);
}

fn config(_env: &Env, _path: &Path, bytes: &[u8]) {
    let _ = candor::config::parse("candor.toml", &String::from_utf8_lossy(bytes));
}

fn baseline(_env: &Env, _path: &Path, bytes: &[u8]) {
    let _ = Baseline::parse("candor-baseline.yml", &String::from_utf8_lossy(bytes));
}

/// A project of `tests/projects/` with one file replaced by the mutant: every
/// file analysed, then joined.
fn project(env: &Env, path: &Path, bytes: &[u8]) {
    let Some(project_dir) = path
        .ancestors()
        .find(|a| a.parent().is_some_and(|p| p.ends_with("tests/projects")))
    else {
        return;
    };
    let mut files = Vec::new();
    collect(
        &env.root,
        &env.root.join(project_dir),
        is_source,
        &mut files,
    );
    let options = ScanOptions::new(Vec::new());
    let mut summaries = Vec::new();
    for file in files {
        let content = if file.path == path {
            bytes
        } else {
            &file.bytes[..]
        };
        let Some(language) = Language::for_path(&file.path) else {
            continue;
        };
        let analyzed = analyze_content(
            &file.path.to_string_lossy(),
            language,
            Role::Production,
            content.to_vec(),
            &env.rules,
            &env.classifier,
            &options,
        );
        summaries.extend(analyzed.summary);
    }
    joined(summaries, &env.rules);
}

/// Joins `summaries` as a scan does, their details read back from a shelf.
fn joined(mut summaries: Vec<project::FileSummary>, rules: &Rules) {
    let shelf = project::Shelf::scratch(None);
    for summary in &mut summaries {
        summary.stow(&shelf);
    }
    let _ = project::link(&mut summaries, project::NamePool::default(), &shelf, rules);
}

fn is_source(p: &Path) -> bool {
    Language::for_path(p).is_some()
}

fn language(name: &'static str) -> fn(&Path) -> bool {
    match name {
        "python" => |p| Language::for_path(p) == Some(Language::Python),
        "javascript" => |p| Language::for_path(p) == Some(Language::JavaScript),
        "typescript" => |p| Language::for_path(p) == Some(Language::TypeScript),
        "java" => |p| Language::for_path(p) == Some(Language::Java),
        "go" => |p| Language::for_path(p) == Some(Language::Go),
        "php" => |p| Language::for_path(p) == Some(Language::Php),
        "ruby" => |p| Language::for_path(p) == Some(Language::Ruby),
        "kotlin" => |p| Language::for_path(p) == Some(Language::Kotlin),
        "csharp" => |p| Language::for_path(p) == Some(Language::CSharp),
        _ => |p| Language::for_path(p) == Some(Language::Rust),
    }
}

fn has_extension(p: &Path, extensions: &[&str]) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}

/// Every input kind.
pub fn kinds() -> Vec<Kind> {
    let mut kinds: Vec<Kind> = [
        "python",
        "javascript",
        "typescript",
        "java",
        "go",
        "rust",
        "php",
        "ruby",
        "kotlin",
        "csharp",
    ]
    .into_iter()
    .map(|name| Kind {
        name,
        seeds: language(name),
        run: source,
    })
    .collect();
    kinds.extend([
        Kind {
            name: "project",
            seeds: |p| is_source(p) && p.ancestors().any(|a| a.ends_with("tests/projects")),
            run: project,
        },
        Kind {
            name: "sql",
            seeds: |p| has_extension(p, &["sql", "prisma"]),
            run: schema,
        },
        Kind {
            name: "graphql-proto",
            seeds: |p| has_extension(p, &["graphql", "gql", "proto"]),
            run: schema,
        },
        Kind {
            name: "html",
            seeds: |p| has_extension(p, &["html", "htm", "jinja", "vue", "erb", "ejs", "hbs"]),
            run: schema,
        },
        Kind {
            name: "openapi",
            seeds: |p| {
                has_extension(p, &["yaml", "yml", "json"]) && SchemaKind::for_file(p).is_some()
            },
            run: schema,
        },
        Kind {
            name: "dependencies",
            seeds: |p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(dependencies::is_dependency_manifest)
            },
            run: dependency_manifest,
        },
        Kind {
            name: "manifest",
            seeds: |p| p.file_name().is_some_and(|n| n == "privacy.yml"),
            run: privacy_manifest,
        },
        Kind {
            name: "config",
            seeds: |p| p.file_name().is_some_and(|n| n == "candor.toml"),
            run: config,
        },
        Kind {
            name: "baseline",
            seeds: |p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.contains("baseline") && n.ends_with(".yml"))
            },
            run: baseline,
        },
    ]);
    kinds
}
