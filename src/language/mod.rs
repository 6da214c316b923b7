//! The languages candor reads, one table row each: the name, the file names
//! that select it, the grammar that parses it and the family it calls into.
//!
//! What the flow engine and the project join must know of a language's
//! conventions (receivers, constructors, modules, file roles, ...) is data:
//! `rules/languages/<name>.yml`, loaded as [`Conventions`] with the other
//! rule files. Adding a language is a row here, a front-end in
//! `src/frontend/`, a conventions file and a sinks file (see
//! `docs/adding-a-language.md`).

mod conventions;
mod roles;

use std::fmt;
use std::path::Path;

pub use conventions::{
    BareCalls, Calls, Constructors, Conventions, ModuleUnit, Modules, Receiver, ReceiverStyle,
    directory,
};
pub use roles::{FileRoles, RoleOverrides, RolePatterns};

/// A language the scanner understands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Language {
    Python,
    JavaScript,
    TypeScript,
    Java,
    Go,
    Rust,
    Php,
    Ruby,
    Kotlin,
    CSharp,
}

/// One row of the table.
struct Row {
    language: Language,
    /// The lower-case name used in rule files and output.
    name: &'static str,
    /// File extensions, without the dot.
    extensions: &'static [&'static str],
    /// File-name endings of files with those extensions that are not this
    /// language's code (TypeScript declaration files).
    not_code: &'static [&'static str],
    /// The language whose functions its files call, and whose rule files
    /// also apply to it (TypeScript imports JavaScript).
    family: Language,
    /// Characters a file may hold in lines made only of operators
    /// (`/*/*/*`, outside comments) before it is refused unparsed, where the
    /// grammar's error recovery on such lines takes time and memory
    /// quadratic in them, in steps too large to interrupt. Real files hold
    /// a few hundred at most.
    operator_lines_limit: Option<usize>,
}

const TABLE: [Row; 10] = [
    Row {
        language: Language::Python,
        name: "python",
        extensions: &["py", "pyi"],
        not_code: &[],
        family: Language::Python,
        operator_lines_limit: Some(2_048),
    },
    Row {
        language: Language::JavaScript,
        name: "javascript",
        extensions: &["js", "jsx", "mjs", "cjs"],
        not_code: &[],
        family: Language::JavaScript,
        operator_lines_limit: None,
    },
    Row {
        language: Language::TypeScript,
        name: "typescript",
        extensions: &["ts", "tsx", "mts", "cts"],
        not_code: &[".d.ts"],
        family: Language::JavaScript,
        operator_lines_limit: None,
    },
    Row {
        language: Language::Java,
        name: "java",
        extensions: &["java"],
        not_code: &[],
        family: Language::Java,
        operator_lines_limit: None,
    },
    Row {
        language: Language::Go,
        name: "go",
        extensions: &["go"],
        not_code: &[],
        family: Language::Go,
        operator_lines_limit: None,
    },
    Row {
        language: Language::Rust,
        name: "rust",
        extensions: &["rs"],
        not_code: &[],
        family: Language::Rust,
        operator_lines_limit: None,
    },
    Row {
        language: Language::Php,
        name: "php",
        extensions: &["php", "phtml", "php3", "php4", "php5", "php7", "phps"],
        // Laravel's Blade templates are HTML with `{{ }}` holes, not PHP.
        not_code: &[".blade.php"],
        family: Language::Php,
        operator_lines_limit: None,
    },
    Row {
        language: Language::Ruby,
        name: "ruby",
        // `Rakefile`, `Gemfile` and `config.ru`'s siblings without an
        // extension are build and dependency files, not read as code;
        // templates (`.erb`, `.haml`) are markup.
        extensions: &["rb", "rake", "gemspec", "ru"],
        not_code: &[],
        family: Language::Ruby,
        operator_lines_limit: None,
    },
    Row {
        language: Language::Kotlin,
        name: "kotlin",
        // Gradle's Kotlin scripts (`build.gradle.kts`) are dependency
        // manifests, read as such; other scripts (`.kts`) are code.
        extensions: &["kt", "kts"],
        not_code: &[".gradle.kts"],
        // Kotlin and Java call each other in one project, and the Android
        // and JVM libraries are called the same way from both.
        family: Language::Java,
        operator_lines_limit: None,
    },
    Row {
        language: Language::CSharp,
        name: "csharp",
        // Razor views (`.cshtml`, `.razor`) are markup with C# holes.
        extensions: &["cs"],
        not_code: &[],
        family: Language::CSharp,
        operator_lines_limit: None,
    },
];

/// What parses a language's files.
pub enum Grammar {
    TreeSitter(tree_sitter::Language),
    /// Rust is parsed with `syn`.
    Syn,
}

impl Language {
    pub const ALL: [Language; 10] = [
        Language::Python,
        Language::JavaScript,
        Language::TypeScript,
        Language::Java,
        Language::Go,
        Language::Rust,
        Language::Php,
        Language::Ruby,
        Language::Kotlin,
        Language::CSharp,
    ];

    fn row(self) -> &'static Row {
        &TABLE[self as usize]
    }

    /// The lower-case name used in rule files and output.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    pub fn from_name(name: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The language of a file, judged by its name; `None` for files candor
    /// does not analyse.
    pub fn for_path(path: &Path) -> Option<Language> {
        let ext = path.extension()?.to_str()?;
        let row = TABLE.iter().find(|r| r.extensions.contains(&ext))?;
        let name = path.to_str().unwrap_or("");
        if row.not_code.iter().any(|suffix| name.ends_with(suffix)) {
            return None;
        }
        Some(row.language)
    }

    /// The languages whose files can call each other's functions are one
    /// family (TypeScript imports JavaScript).
    pub fn family(self) -> Language {
        self.row().family
    }

    /// Rule files written for `family` also apply to this language
    /// (TypeScript shares JavaScript's sinks and sources).
    pub fn uses_rules_of(self, family: Language) -> bool {
        self == family || self.family() == family
    }

    /// The grammar of a file of this language; the extension picks the
    /// dialect where a language has several (TSX).
    /// See `Row::operator_lines_limit`.
    pub fn operator_lines_limit(self) -> Option<usize> {
        self.row().operator_lines_limit
    }

    pub fn grammar(self, path: &Path) -> Grammar {
        let tsx = path.extension().is_some_and(|e| e == "tsx");
        Grammar::TreeSitter(match self {
            Language::Python => tree_sitter_python::LANGUAGE.into(),
            Language::JavaScript => tree_sitter_javascript::LANGUAGE.into(),
            Language::TypeScript if tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
            Language::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Language::Java => tree_sitter_java::LANGUAGE.into(),
            Language::Go => tree_sitter_go::LANGUAGE.into(),
            // Files start in HTML until `<?php`.
            Language::Php => tree_sitter_php::LANGUAGE_PHP.into(),
            Language::Ruby => tree_sitter_ruby::LANGUAGE.into(),
            Language::Kotlin => tree_sitter_kotlin_ng::LANGUAGE.into(),
            Language::CSharp => tree_sitter_c_sharp::LANGUAGE.into(),
            Language::Rust => return Grammar::Syn,
        })
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_enum_order() {
        for (i, row) in TABLE.iter().enumerate() {
            assert_eq!(row.language as usize, i, "{}", row.name);
            assert_eq!(Language::ALL[i], row.language);
        }
    }

    #[test]
    fn files_by_name() {
        let at = |p: &str| Language::for_path(Path::new(p));
        assert_eq!(at("a/b.py"), Some(Language::Python));
        assert_eq!(at("x.mjs"), Some(Language::JavaScript));
        assert_eq!(at("x.tsx"), Some(Language::TypeScript));
        assert_eq!(at("types/index.d.ts"), None);
        assert_eq!(at("Main.java"), Some(Language::Java));
        assert_eq!(at("README.md"), None);
        assert_eq!(at("Makefile"), None);
        assert_eq!(at("app/models/user.rb"), Some(Language::Ruby));
        assert_eq!(at("lib/tasks/users.rake"), Some(Language::Ruby));
        assert_eq!(at("Gemfile"), None);
        assert_eq!(at("Rakefile"), None);
        assert_eq!(at("app/views/users/show.html.erb"), None);
        assert_eq!(at("app/src/main/java/Login.kt"), Some(Language::Kotlin));
        assert_eq!(at("build.gradle.kts"), None);
        assert!(Language::TypeScript.uses_rules_of(Language::JavaScript));
        assert!(Language::Kotlin.uses_rules_of(Language::Java));
        assert!(!Language::JavaScript.uses_rules_of(Language::TypeScript));
    }
}
