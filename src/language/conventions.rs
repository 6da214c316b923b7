//! A language's conventions as `rules/languages/<name>.yml` writes them, and
//! what follows from them: how a method receives its object, which calls
//! build objects, what a bare call reaches, the names a file is imported
//! by, and which files are generated. The flow engine and the
//! project join ask these questions instead of naming languages.

use serde::Deserialize;

use super::FileRoles;
use crate::model::Role;

/// `rules/languages/<name>.yml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conventions {
    /// The language's name (`python`, `go`).
    pub language: String,
    pub receiver: Receiver,
    pub constructors: Constructors,
    pub calls: Calls,
    pub modules: Modules,
    /// Roles of files beyond `rules/file-roles.yml`'s; after loading, both
    /// together.
    #[serde(default)]
    pub file_roles: FileRoles,
    /// File-name endings of generated code (`_pb2.py`, `.min.js`), which is
    /// not analysed.
    #[serde(default)]
    pub generated_files: Vec<String>,
    /// Printing or logging an object shows its fields (`console.log(user)`,
    /// Go's `%v`), so a whole object logged logs its personal fields. Where
    /// it shows a class name unless the class says otherwise (Python,
    /// Java), only stores and third parties get the whole object.
    #[serde(default)]
    pub printing_shows_fields: bool,
}

/// How a method receives the object it is called on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Receiver {
    pub style: ReceiverStyle,
    /// The names the receiver goes by (`self`, `cls`; `this`). For a
    /// declared receiver an empty list means any name (Go's `func (s *Store)`).
    #[serde(default)]
    pub names: Vec<String>,
    /// A bare name in a method may be a field of its class (Java).
    #[serde(default)]
    pub bare_fields: bool,
    /// The receiver's fields are where a method keeps what other languages
    /// keep in locals (Ruby's `@user = User.new(..)`, then `@user.save`):
    /// a field of the receiver given to a store as the receiver of its
    /// call carries its data in, as a local variable does.
    pub fields_as_variables: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReceiverStyle {
    /// Declared as the method's first parameter (Python, Go, Rust).
    Parameter,
    /// Not declared: the keyword in `names` (`this`).
    Implicit,
}

/// Which calls build an object out of their arguments.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Constructors {
    /// A call of a capitalized name (`User(email=x)`, `Foo { .. }`).
    #[serde(default)]
    pub capitalized: bool,
    /// Functions whose name is one of these prefixes and the type they build
    /// (`NewRepo` builds a `Repo`).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Associated functions of a capitalized type that build a value of it
    /// out of their arguments (Rust's `Mailbox::new(..)`,
    /// `Address::from_str(..)`).
    #[serde(default)]
    pub associated: Vec<String>,
    /// Functions that return an instance of the type they are given, as
    /// resolved paths (Angular's `@angular/core.inject` of
    /// `inject(HttpClient)`): the value is of that type.
    #[serde(default)]
    pub injectors: Vec<String>,
}

/// How the project join resolves calls.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calls {
    /// What a call by bare name (`f()`) reaches.
    pub bare: BareCalls,
    /// Modules export functions and instances by name and by default, and
    /// a module called like a function calls its default export.
    #[serde(default)]
    pub exports: bool,
    /// Keyword arguments that no parameter is named for fill the last
    /// positional parameter as one hash (Ruby: `create(email: e)` of
    /// `def create(attrs)`), where no parameter gathers keywords.
    #[serde(default)]
    pub keywords_fill_last_parameter: bool,
    /// Methods of one name are told apart by their number of parameters.
    #[serde(default)]
    pub overloads_by_arity: bool,
    /// An interface's implementations are named after it with these
    /// suffixes and prefixes (`UserServiceImpl`, `DefaultUserService`).
    #[serde(default)]
    pub implementation_suffixes: Vec<String>,
    #[serde(default)]
    pub implementation_prefixes: Vec<String>,
    /// Types are named by the path of their package
    /// (`example.com/app/sms.Client`; a bare `Client` is the caller's
    /// package's).
    #[serde(default)]
    pub package_types: bool,
    /// A type of the project without methods is an interface, and its calls
    /// reach the project's methods of that name and arity.
    #[serde(default)]
    pub structural_interfaces: bool,
    /// Methods named like collection mutators (`WriteString`, `Add`) may be
    /// the project's own.
    #[serde(default)]
    pub mutators_may_be_methods: bool,
    /// Application state is reached through library wrappers
    /// (`web::Data<AppState>`), so a call on a value of another package's
    /// type may still reach the project's methods.
    #[serde(default)]
    pub wrapped_state: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BareCalls {
    /// A function of the same file.
    File,
    /// A method of the caller's class (the implicit `this`).
    Class,
    /// A function of the same package (directory).
    Package,
    /// A function declared outside any class, in any file of the project
    /// (PHP's functions, which every file can call once loaded).
    Project,
}

/// The names a file is imported by, and how imports name files.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Modules {
    pub unit: ModuleUnit,
    /// Joins the parts of a module name (`.` in `app.services`, `/` in
    /// paths).
    #[serde(default)]
    pub separator: String,
    /// A module is also known by every tail of its name (`services.user`,
    /// `user`); otherwise by its whole path only.
    #[serde(default)]
    pub by_tail: bool,
    /// Directories where module names start (a crate's `src`): they and
    /// what is above them are no part of the name.
    #[serde(default)]
    pub source_roots: Vec<String>,
    /// File stems that name their directory instead of themselves
    /// (`__init__`, `mod`).
    #[serde(default)]
    pub package_files: Vec<String>,
    /// File stems that can also be imported by their directory's name
    /// (`index`).
    #[serde(default)]
    pub index_files: Vec<String>,
    /// The name of the root module (`crate`), under which every module is
    /// also known.
    #[serde(default)]
    pub root_name: Option<String>,
    /// Extensions an import may write that are no part of the module's name
    /// (`./user.js` for `user.ts`).
    #[serde(default)]
    pub specifier_extensions: Vec<String>,
    /// Imports starting with `.` name a path relative to the importing file.
    #[serde(default)]
    pub relative_specifiers: bool,
    /// An import may name a module by any tail of its path (`@/services/user`,
    /// `example.com/app/service`); parts starting with `@` are aliases.
    #[serde(default)]
    pub specifier_tails: bool,
    /// Separators imports write instead of `separator` (`::`).
    #[serde(default)]
    pub written_separators: Vec<String>,
    /// Leading parts of an import that mean "relative to here" (`self`,
    /// `super`), dropped.
    #[serde(default)]
    pub relative_prefixes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ModuleUnit {
    /// Each file is a module.
    File,
    /// Each directory is a module (a Go package).
    Directory,
    /// Calls resolve through classes, not modules (Java).
    None,
}

impl Conventions {
    /// Whether a method's first parameter, named `first`, is its receiver.
    pub fn is_receiver_parameter(&self, first: &str) -> bool {
        self.receiver.style == ReceiverStyle::Parameter
            && (self.receiver.names.is_empty() || self.receiver.names.iter().any(|n| n == first))
    }

    /// The name a method's undeclared receiver goes by (`this`).
    pub fn implicit_receiver(&self) -> Option<&str> {
        match self.receiver.style {
            ReceiverStyle::Implicit => self.receiver.names.first().map(String::as_str),
            ReceiverStyle::Parameter => None,
        }
    }

    /// Whether a call of `callee` (its last name) builds an object.
    /// Whether `function`, called on the type `ty`, builds a value of it
    /// (`Mailbox::new`).
    pub fn builds_on_type(&self, ty: &str, function: &str) -> bool {
        ty.chars().next().is_some_and(char::is_uppercase)
            && self.constructors.associated.iter().any(|a| a == function)
    }

    /// Whether a call of the resolved path `callee` returns an instance of
    /// its first argument (see [`Constructors::injectors`]).
    pub fn injects(&self, callee: &str) -> bool {
        self.constructors.injectors.iter().any(|i| i == callee)
    }

    pub fn builds_object(&self, callee: &str) -> bool {
        let capitalized = callee.chars().next().is_some_and(char::is_uppercase);
        (self.constructors.capitalized && capitalized)
            || self
                .constructors
                .prefixes
                .iter()
                .any(|p| callee.starts_with(p.as_str()))
    }

    /// The type a constructor function builds, named by the rest of its name
    /// (`NewRepo` -> `Repo`); `None` for other functions.
    pub fn constructed_type<'n>(&self, function: &'n str) -> Option<&'n str> {
        self.constructors
            .prefixes
            .iter()
            .find_map(|p| function.strip_prefix(p.as_str()))
            .filter(|rest| !rest.is_empty())
    }

    /// The interface a class is named as implementing (`UserServiceImpl`,
    /// `DefaultUserService` -> `UserService`), if the language names them so.
    pub fn interface_of<'c>(&self, class: &'c str) -> Option<&'c str> {
        let calls = &self.calls;
        calls
            .implementation_suffixes
            .iter()
            .find_map(|s| class.strip_suffix(s.as_str()))
            .or_else(|| {
                calls
                    .implementation_prefixes
                    .iter()
                    .find_map(|p| class.strip_prefix(p.as_str()))
            })
            .filter(|b| !b.is_empty())
    }

    /// The role of the file at `path` (relative, `/`-separated).
    pub fn role_of(&self, path: &str) -> Role {
        self.file_roles.role_of(path)
    }

    /// Whether a file called `name` is generated code.
    pub fn is_generated(&self, name: &str) -> bool {
        self.generated_files
            .iter()
            .any(|s| name.ends_with(s.as_str()))
    }

    /// The names the file at `path` (relative, `/`-separated) can be imported
    /// by.
    pub fn module_keys(&self, path: &str) -> Vec<String> {
        let m = &self.modules;
        let mut parts: Vec<&str> = match m.unit {
            ModuleUnit::None => return Vec::new(),
            ModuleUnit::File => stem(path).split('/').collect(),
            ModuleUnit::Directory => directory(path).split('/').collect(),
        };
        if let Some(root) = parts
            .iter()
            .position(|p| m.source_roots.iter().any(|r| r == p))
        {
            parts.drain(..=root);
        }
        if parts
            .last()
            .is_some_and(|l| m.package_files.iter().any(|f| f == l))
        {
            parts.pop();
        }
        let mut keys = if m.by_tail {
            suffixes(&parts, &m.separator)
        } else {
            vec![parts.join(&m.separator)]
        };
        if let Some((index, dir)) = parts.split_last()
            && !dir.is_empty()
            && m.index_files.iter().any(|f| f == index)
        {
            keys.push(dir.join(&m.separator));
        }
        if let Some(root) = &m.root_name {
            keys.push(
                std::iter::once(root.as_str())
                    .chain(parts.iter().copied())
                    .collect::<Vec<_>>()
                    .join(&m.separator),
            );
        }
        keys
    }

    /// The module names an import `q` written in the file at `path` may
    /// mean, most specific first.
    pub fn import_keys(&self, path: &str, q: &str) -> Vec<String> {
        let m = &self.modules;
        let q = m
            .specifier_extensions
            .iter()
            .find_map(|e| q.strip_suffix(e.as_str()))
            .filter(|rest| !rest.is_empty() && !rest.ends_with('/'))
            .unwrap_or(q);
        if m.relative_specifiers && q.starts_with('.') {
            return vec![normalize(&format!("{}/{q}", directory(path)))];
        }
        if m.specifier_tails {
            let parts: Vec<&str> = q.split('/').filter(|p| !p.starts_with('@')).collect();
            return suffixes(&parts, "/");
        }
        let mut q = q.to_string();
        for written in &m.written_separators {
            q = q.replace(written.as_str(), &m.separator);
        }
        for prefix in &m.relative_prefixes {
            q = q
                .trim_start_matches(&format!("{prefix}{}", m.separator))
                .to_string();
        }
        vec![q]
    }
}

/// The directory part of a `/`-separated path.
pub fn directory(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// The path without the extension of its file (`user.service.ts` is
/// imported as `./user.service`).
fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    let start = path.len() - file.len();
    match file.split_once('.') {
        Some(_) => &path[..start + file.rfind('.').unwrap_or(file.len())],
        None => path,
    }
}

/// Every suffix of `parts` joined by `sep`, longest first.
fn suffixes(parts: &[&str], sep: &str) -> Vec<String> {
    (0..parts.len()).map(|i| parts[i..].join(sep)).collect()
}

/// `a/b/../c/./d` as `a/c/d`.
fn normalize(path: &str) -> String {
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop();
            }
            p => out.push(p),
        }
    }
    out.join("/")
}

#[cfg(test)]
mod tests {
    use super::normalize;
    use crate::language::{Conventions, Language};
    use crate::model::Role;
    use crate::rules::Rules;

    fn with(language: Language, check: impl FnOnce(&Conventions)) {
        let rules = Rules::embedded().expect("embedded rules load");
        check(&rules.language(language).conventions);
    }

    #[test]
    fn module_keys_per_language() {
        with(Language::Python, |c| {
            assert_eq!(
                c.module_keys("app/services/user.py"),
                ["app.services.user", "services.user", "user"]
            );
            assert_eq!(
                c.module_keys("app/clients/__init__.py"),
                ["app.clients", "clients"]
            );
        });
        with(Language::Rust, |c| {
            assert_eq!(c.module_keys("src/audit/mod.rs"), ["audit", "crate.audit"]);
            assert_eq!(c.module_keys("src/lib.rs"), ["crate"]);
        });
        with(Language::TypeScript, |c| {
            assert_eq!(c.module_keys("src/user.service.ts"), ["src/user.service"]);
            assert_eq!(c.module_keys("index.ts"), ["index"]);
        });
        with(Language::JavaScript, |c| {
            assert_eq!(
                c.module_keys("src/clients/index.js"),
                ["src/clients/index", "src/clients"]
            );
        });
        with(Language::Go, |c| {
            assert_eq!(
                c.module_keys("internal/service/user.go"),
                ["internal/service", "service"]
            );
        });
        with(Language::Java, |c| {
            assert!(c.module_keys("src/main/java/a/B.java").is_empty());
        });
    }

    #[test]
    fn imports_name_modules_per_language() {
        with(Language::TypeScript, |c| {
            let from = "src/api/routes.ts";
            assert_eq!(
                c.import_keys(from, "../lib/request.js"),
                ["src/lib/request"]
            );
            assert_eq!(
                c.import_keys(from, "./user.service.js"),
                ["src/api/user.service"]
            );
            assert_eq!(
                c.import_keys(from, "./user.service"),
                ["src/api/user.service"]
            );
            assert_eq!(c.import_keys(from, "./.js"), ["src/api/.js"]);
            assert_eq!(
                c.import_keys(from, "@/services/user"),
                ["services/user", "user"]
            );
        });
        with(Language::Go, |c| {
            assert_eq!(
                c.import_keys("main.go", "example.com/app/service"),
                ["example.com/app/service", "app/service", "service"]
            );
        });
        with(Language::Rust, |c| {
            assert_eq!(
                c.import_keys("src/main.rs", "crate::audit"),
                ["crate.audit"]
            );
            assert_eq!(
                c.import_keys("src/a/b.rs", "super::audit::log"),
                ["audit.log"]
            );
            assert_eq!(c.import_keys("src/a/b.rs", "self::audit"), ["audit"]);
        });
        with(Language::Python, |c| {
            assert_eq!(
                c.import_keys("app/x.py", "app.clients.sms"),
                ["app.clients.sms"]
            );
        });
    }

    #[test]
    fn normalizes_relative_paths() {
        assert_eq!(normalize("src/api/../clients/./sms"), "src/clients/sms");
    }

    #[test]
    fn implementations_by_name() {
        with(Language::Java, |c| {
            assert_eq!(c.interface_of("UserServiceImpl"), Some("UserService"));
            assert_eq!(c.interface_of("DefaultUserService"), Some("UserService"));
            assert_eq!(c.interface_of("UserService"), None);
            assert_eq!(c.interface_of("Impl"), None);
        });
        with(Language::Go, |c| {
            assert_eq!(c.interface_of("UserServiceImpl"), None)
        });
    }

    #[test]
    fn receivers_constructors_and_file_roles() {
        with(Language::Python, |c| {
            assert!(c.is_receiver_parameter("self") && c.is_receiver_parameter("cls"));
            assert!(!c.is_receiver_parameter("request"));
            assert_eq!(c.implicit_receiver(), None);
            assert!(c.builds_object("User") && !c.builds_object("save"));
            assert_eq!(c.role_of("app/test_users.py"), Role::Test);
            assert_eq!(c.role_of("tests/x.py"), Role::Test);
            assert_eq!(c.role_of("app/contest.py"), Role::Production);
            assert_eq!(c.role_of("shop/migrations/0002_data.py"), Role::Migration);
        });
        with(Language::Go, |c| {
            assert!(c.is_receiver_parameter("s"));
            assert!(c.builds_object("NewRepo") && !c.builds_object("Save"));
            assert_eq!(c.constructed_type("NewRepo"), Some("Repo"));
            assert_eq!(c.constructed_type("New"), None);
            assert_eq!(c.role_of("store/store_test.go"), Role::Test);
            assert!(c.is_generated("api.pb.go"));
        });
        with(Language::Java, |c| {
            assert_eq!(c.implicit_receiver(), Some("this"));
            assert!(!c.is_receiver_parameter("this"));
            assert_eq!(c.role_of("src/test/java/UserService.java"), Role::Test);
            assert_eq!(c.role_of("app/UserServiceTest.java"), Role::Test);
            assert_eq!(
                c.role_of("src/main/java/org/acme/samples/Owner.java"),
                Role::Production
            );
        });
    }
}
