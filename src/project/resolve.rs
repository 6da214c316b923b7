//! Which function of the project a call reaches.
//!
//! A call is resolved by its callee's last name, then narrowed by what
//! qualifies it: the same file or package for a bare name; the module an
//! import names (`app.clients.sms.send_code`, `./services/user`,
//! `example.com/app/service`, `crate::audit`); or the class of the receiver
//! (`self.analytics.track_user` where `self.analytics = AnalyticsClient()`,
//! a field typed `UserService`, or a receiver named `userService`). A call
//! nothing narrows down is left unresolved: guessing would report flows
//! that do not exist.

use std::collections::HashMap;

use super::summary::FileSummary;
use crate::classify::tokens;
use crate::flow::summary::{ArgSlot, CallSite, Signature, Slot};
use crate::ir::Language;
use crate::model::CategoryId;

/// A function: (file, index in the file's summary).
pub type FnRef = (u32, u32);

/// More candidates than this means the call is too ambiguous to follow.
const MAX_TARGETS: usize = 4;

/// Functions of the project by name, and files by the module names they
/// can be imported as.
pub struct Index<'a> {
    files: &'a [FileSummary],
    /// Functions by language family and name.
    by_name: HashMap<(Language, &'a str), Vec<FnRef>>,
    /// Each function's class, normalized (`UserService` -> `userservice`),
    /// and for `UserServiceImpl`/`DefaultUserService` the interface's;
    /// computed once, as calls compare them often.
    class_norms: Vec<Vec<(Option<String>, Option<String>)>>,
    /// Files by directory.
    by_dir: HashMap<&'a str, Vec<u32>>,
    /// (directory, class) of every class with methods: a Go type without
    /// any is an interface.
    typed_dirs: std::collections::HashSet<(&'a str, &'a str)>,
    /// Each file's directory, and whether it is a test file.
    dirs: Vec<&'a str>,
    tests: Vec<bool>,
    /// Module key -> files (dotted for Python and Rust, `/`-separated paths
    /// without extension for JavaScript and Go directories).
    modules: HashMap<String, Vec<u32>>,
    /// Names of the project's classes.
    classes: std::collections::HashSet<&'a str>,
    /// Classes with personal fields by name: (file, index in its `classes`).
    declared: HashMap<&'a str, Vec<(u32, u32)>>,
}

fn directory(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    let start = path.len() - file.len();
    match file.split_once('.') {
        // `user.service.ts` is imported as `./user.service`.
        Some(_) => &path[..start + file.rfind('.').unwrap_or(file.len())],
        None => path,
    }
}

/// Every suffix of `parts` joined by `sep`, longest first.
fn suffixes(parts: &[&str], sep: &str) -> Vec<String> {
    (0..parts.len()).map(|i| parts[i..].join(sep)).collect()
}

/// The names a file can be imported by.
fn module_keys(path: &str, language: Language) -> Vec<String> {
    match language.family() {
        Language::Python => {
            let mut parts: Vec<&str> = stem(path).split('/').collect();
            if parts.last() == Some(&"__init__") {
                parts.pop();
            }
            suffixes(&parts, ".")
        }
        Language::Rust => {
            let mut parts: Vec<&str> = stem(path).split('/').collect();
            if let Some(src) = parts.iter().position(|p| *p == "src") {
                parts.drain(..=src);
            }
            if matches!(parts.last(), Some(&("mod" | "lib" | "main"))) {
                parts.pop();
            }
            let mut keys = suffixes(&parts, ".");
            keys.push(
                std::iter::once("crate")
                    .chain(parts.iter().copied())
                    .collect::<Vec<_>>()
                    .join("."),
            );
            keys
        }
        Language::Go => {
            let parts: Vec<&str> = directory(path).split('/').collect();
            suffixes(&parts, "/")
        }
        Language::JavaScript => {
            let stem = stem(path);
            let mut keys = vec![stem.to_string()];
            if let Some(dir) = stem.strip_suffix("/index") {
                keys.push(dir.to_string());
            }
            keys
        }
        // Java resolves through classes.
        _ => Vec::new(),
    }
}

/// `./user.js` as `./user`: a JavaScript or TypeScript module specifier
/// without its script extension (`./user.service` keeps its last part).
fn without_script_extension(q: &str) -> &str {
    const EXTENSIONS: [&str; 8] = [".js", ".mjs", ".cjs", ".jsx", ".ts", ".mts", ".cts", ".tsx"];
    EXTENSIONS
        .iter()
        .find_map(|e| q.strip_suffix(e))
        .filter(|rest| !rest.is_empty() && !rest.ends_with('/'))
        .unwrap_or(q)
}

/// Whether a path is a test file by the conventions of its language.
fn is_test_file(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.ends_with("_test.go")
        || file.starts_with("test_")
        || file.ends_with("_test.py")
        || [".spec.", ".test."].iter().any(|m| file.contains(m))
        || file.ends_with("Test.java")
        || path
            .split('/')
            .any(|d| matches!(d, "tests" | "test" | "__tests__"))
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

/// A class name as compared: `UserService`, `userService` and
/// `user_service` name the same class.
fn normalized(name: &str) -> String {
    tokens(name).concat()
}

#[cfg(test)]
fn same_class(written: &str, class: &str) -> bool {
    normalized(written) == normalized(class)
}

/// The interface a Java class is named as implementing (`UserServiceImpl`,
/// `DefaultUserService` -> `UserService`): calls through the interface
/// reach it. Supertypes are not in the summaries; the naming convention is
/// what Spring code follows.
fn interface_of(class: &str) -> Option<&str> {
    class
        .strip_suffix("Impl")
        .or_else(|| class.strip_prefix("Default"))
        .filter(|b| !b.is_empty())
}

#[cfg(test)]
fn implementation_of(written: &str, class: &str) -> bool {
    interface_of(class).is_some_and(|b| same_class(written, b))
}

impl<'a> Index<'a> {
    pub fn new(files: &'a [FileSummary]) -> Index<'a> {
        let mut by_name: HashMap<(Language, &str), Vec<FnRef>> = HashMap::new();
        let mut class_norms = Vec::with_capacity(files.len());
        let mut by_dir: HashMap<&str, Vec<u32>> = HashMap::new();
        let mut modules: HashMap<String, Vec<u32>> = HashMap::new();
        let mut classes = std::collections::HashSet::new();
        let mut declared: HashMap<&str, Vec<(u32, u32)>> = HashMap::new();
        for (fi, file) in files.iter().enumerate() {
            for (ci, (name, _)) in file.classes.iter().enumerate() {
                declared
                    .entry(name.as_str())
                    .or_default()
                    .push((fi as u32, ci as u32));
            }
            by_dir
                .entry(directory(&file.path))
                .or_default()
                .push(fi as u32);
            let mut norms = Vec::with_capacity(file.functions.len());
            for (i, f) in file.functions.iter().enumerate() {
                classes.extend(f.class.as_deref());
                by_name
                    .entry((file.language.family(), f.name.as_str()))
                    .or_default()
                    .push((fi as u32, i as u32));
                norms.push(match f.class.as_deref() {
                    Some(c) => (Some(normalized(c)), interface_of(c).map(normalized)),
                    None => (None, None),
                });
            }
            class_norms.push(norms);
            for key in module_keys(&file.path, file.language) {
                modules.entry(key).or_default().push(fi as u32);
            }
        }
        Index {
            files,
            by_name,
            class_norms,
            by_dir,
            typed_dirs: files
                .iter()
                .flat_map(|f| {
                    let dir = directory(&f.path);
                    f.functions
                        .iter()
                        .filter_map(move |s| Some((dir, s.class.as_deref()?)))
                })
                .collect(),
            dirs: files.iter().map(|f| directory(&f.path)).collect(),
            tests: files.iter().map(|f| is_test_file(&f.path)).collect(),
            modules,
            classes,
            declared,
        }
    }

    /// The personal fields of type `ty` as a parameter of file `file`
    /// declares it: a class of the module it is imported from
    /// (`./dto/create-user.dto.CreateUserDto`), of the same file, or the
    /// project's only class of that name.
    pub fn class_fields(&self, file: u32, ty: &str) -> Option<&'a [(String, CategoryId)]> {
        let language = self.files[file as usize].language.family();
        let (module, name) = match ty.rsplit_once('.') {
            Some((m, n)) => (Some(m), n),
            None => (None, ty),
        };
        let found: Vec<(u32, u32)> = self
            .declared
            .get(name)?
            .iter()
            .copied()
            .filter(|&(f, _)| self.files[f as usize].language.family() == language)
            .collect();
        let in_module = module.map(|m| self.modules_named(file, m));
        // A type imported from a package (`express.Request`) is none of the
        // project's classes, whatever their names.
        if matches!(
            language,
            Language::JavaScript | Language::Python | Language::Go | Language::Rust
        ) && module.is_some_and(|m| !m.starts_with('.'))
            && in_module.as_ref().is_some_and(|ms| ms.is_empty())
        {
            return None;
        }
        let pick = found
            .iter()
            .find(|(f, _)| in_module.as_ref().is_some_and(|ms| ms.contains(f)))
            .or_else(|| found.iter().find(|(f, _)| *f == file))
            // The same package (Go, Java), then the only one of that name.
            .or_else(|| {
                found
                    .iter()
                    .find(|(f, _)| self.dirs[*f as usize] == self.dirs[file as usize])
            })
            .or_else(|| (found.len() == 1).then(|| &found[0]))?;
        let (f, c) = *pick;
        Some(&self.files[f as usize].classes[c as usize].1)
    }

    /// Whether file `file` is a test file.
    pub fn is_test(&self, file: u32) -> bool {
        self.tests[file as usize]
    }

    pub fn signature(&self, (file, function): FnRef) -> &'a Signature {
        &self.files[file as usize].functions[function as usize]
    }

    /// The functions call `call` of file `file` may reach.
    pub fn resolve(&self, file: u32, call: &CallSite) -> Vec<FnRef> {
        let caller_file = &self.files[file as usize];
        let language = caller_file.language.family();
        let Some(candidates) = self.by_name.get(&(language, call.method.as_str())) else {
            return Vec::new();
        };
        let candidates = candidates.as_slice();
        // A callee rooted in another package's import or type
        // (`crm_sdk.Customer.modify`, `new LRUCache()`) is none of the
        // project's functions, whatever its name. Rust state is reached
        // through library wrappers (`web::Data<AppState>`), so there the
        // fields decide.
        if language != Language::Rust
            && call
                .root
                .as_deref()
                .is_some_and(|root| !self.is_project_path(file, root))
        {
            return Vec::new();
        }
        let caller = &caller_file.functions[call.function as usize];
        let mut out = Vec::new();
        for path in &call.paths {
            let qualifier = match path.strip_suffix(call.method.as_str()) {
                Some("") => None,
                Some(q) => match q.strip_suffix('.') {
                    Some(q) => Some(q),
                    None => continue,
                },
                None => continue,
            };
            out = match qualifier {
                None => self.unqualified(file, caller, candidates),
                Some(q) => self.qualified(file, q, candidates, 0),
            };
            if out.is_empty()
                && language == Language::Go
                && let Some(q) = qualifier
            {
                out = self.go_implementations(file, q, call, candidates);
            }
            if !out.is_empty() {
                break;
            }
            // A Go value typed by another module (`client *twilio.Client`)
            // is none of the project's, whatever its variable is called.
            if language == Language::Go
                && qualifier
                    .is_some_and(|q| self.go_type_files(file, q).is_some_and(|f| f.is_empty()))
            {
                return Vec::new();
            }
        }
        // JavaScript: `const sendSms = require('./sms'); sendSms(phone)`
        // calls the module's default export, a function of that name.
        if out.is_empty()
            && !call.receiver
            && language == Language::JavaScript
            && let Some(module) = call.paths.first().filter(|p| p.starts_with('.'))
        {
            let modules = self.modules_named(file, module);
            out = candidates
                .iter()
                .copied()
                .filter(|&(f, i)| self.signature((f, i)).class.is_none() && modules.contains(&f))
                .collect();
        }
        if out.is_empty() && call.receiver {
            out = self.by_distinct_name(file, call, candidates);
        }
        // Java overloads share a name: of those reached, the ones taking as
        // many arguments as the call passes (if none does, a varargs method).
        if language == Language::Java {
            let arity = |&r: &FnRef| self.signature(r).params.len() == call.args.len();
            if out.iter().any(arity) {
                out.retain(arity);
            }
        }
        out.sort_unstable();
        out.dedup();
        self.keep_nearest(file, &mut out);
        if out.len() > MAX_TARGETS {
            return Vec::new();
        }
        out
    }

    /// Of several functions that fit, the ones nearest the caller in the
    /// directory tree: `from .utils import audit` means this package's
    /// `utils.py`, not another service's in the same repository.
    /// Test doubles (`service_test.go`, `test_*.py`, `*.spec.ts`) are left
    /// out when the code itself has a fitting function: production data does
    /// not flow into a fake. Different classes are different implementations
    /// (an interface's) and are all kept.
    fn keep_nearest(&self, file: u32, out: &mut Vec<FnRef>) {
        if out.len() < 2 {
            return;
        }
        if out.iter().any(|&(f, _)| !self.tests[f as usize]) {
            out.retain(|&(f, _)| !self.tests[f as usize]);
        }
        let class = |r: &FnRef| &self.class_norms[r.0 as usize][r.1 as usize].0;
        if out.iter().any(|r| class(r) != class(&out[0])) {
            return;
        }
        // The length of the directory path shared with the caller's, cut
        // back to a whole directory name.
        let from = self.dirs[file as usize].as_bytes();
        let shared = |f: u32| {
            let dir = self.dirs[f as usize].as_bytes();
            let common = from.iter().zip(dir).take_while(|(a, b)| a == b).count();
            let whole = |d: &[u8]| common == d.len() || d[common] == b'/';
            if whole(from) && whole(dir) {
                common
            } else {
                from[..common].iter().rposition(|&b| b == b'/').unwrap_or(0)
            }
        };
        let best = out.iter().map(|&(f, _)| shared(f)).max().unwrap_or(0);
        out.retain(|&(f, _)| shared(f) == best);
    }

    /// A bare `name(..)`: a function of the same file, a method of the
    /// caller's class (Java's implicit `this`), or of the same Go package.
    fn unqualified(&self, file: u32, caller: &Signature, candidates: &[FnRef]) -> Vec<FnRef> {
        let language = self.files[file as usize].language;
        let dir = directory(&self.files[file as usize].path);
        candidates
            .iter()
            .copied()
            .filter(|&(f, i)| {
                let callee = self.signature((f, i));
                let same_file = f == file;
                match language {
                    Language::Java => same_file && callee.class == caller.class,
                    Language::Go => {
                        callee.class.is_none() && directory(&self.files[f as usize].path) == dir
                    }
                    _ => same_file && callee.class.is_none(),
                }
            })
            .collect()
    }

    /// `q.name(..)`: `q` names a class (by type, constructor or receiver
    /// name) or a module.
    fn qualified(&self, file: u32, q: &str, candidates: &[FnRef], depth: u8) -> Vec<FnRef> {
        // `Client()` is an instance of `Client`; `crate::a::B` is `B`.
        let made = q.ends_with("()");
        let q = q.trim_end_matches("()");
        let mut last = q.rsplit(['.', '/', ':']).next().unwrap_or(q);
        let java = self.files[file as usize].language == Language::Java;
        let go = self.files[file as usize].language == Language::Go;
        // Go: `store.NewRepo()` makes a `Repo`.
        if go && made && last.len() > 3 && last.starts_with("New") {
            last = &last[3..];
        }
        let in_package = if go {
            self.go_type_files(file, q)
        } else {
            None
        };
        let last = normalized(last);
        let by_class: Vec<FnRef> = candidates
            .iter()
            .copied()
            .filter(|&(f, i)| {
                let (class, interface) = &self.class_norms[f as usize][i as usize];
                (class.as_deref() == Some(last.as_str())
                    || (java && interface.as_deref() == Some(last.as_str())))
                    && in_package.as_ref().is_none_or(|fs| fs.contains(&f))
            })
            .collect();
        if !by_class.is_empty() {
            return by_class;
        }
        let modules = self.modules_named(file, q);
        let functions: Vec<FnRef> = candidates
            .iter()
            .copied()
            .filter(|&(f, i)| self.signature((f, i)).class.is_none() && modules.contains(&f))
            .collect();
        if !functions.is_empty() || depth > 0 {
            return functions;
        }
        // `deps.accounts`: a module-level instance in another file.
        let mut out = Vec::new();
        if let Some((module, name)) = q.rsplit_once(['.', ':']) {
            for f in self.modules_named(file, module.trim_end_matches(':')) {
                let globals = &self.files[f as usize].globals;
                if let Ok(i) = globals.binary_search_by(|(n, _)| n.as_str().cmp(name)) {
                    out.extend(self.qualified(f, &globals[i].1, candidates, depth + 1));
                }
            }
        }
        if out.is_empty() && self.files[file as usize].language.family() == Language::JavaScript {
            out = self.exported_by(&modules, candidates, depth);
        }
        out
    }

    /// JavaScript modules that re-export (`export { auditLog } from
    /// './audit'`, `export * from './audit'`, as in `index` barrels) or
    /// whose default export is an instance (`module.exports = new
    /// Mailer()`): the functions named by what they export.
    fn exported_by(&self, modules: &[u32], candidates: &[FnRef], depth: u8) -> Vec<FnRef> {
        let Some(&first) = candidates.first() else {
            return Vec::new();
        };
        let method = self.signature(first).name.as_str();
        let mut out = Vec::new();
        for &f in modules {
            for (name, origin) in &self.files[f as usize].globals {
                let target = if name == method {
                    origin
                        .strip_suffix(method)
                        .and_then(|o| o.strip_suffix('.'))
                } else if name == "default" || name.starts_with('*') {
                    Some(origin.as_str())
                } else {
                    None
                };
                if let Some(target) = target {
                    out.extend(self.qualified(f, target, candidates, depth + 1));
                }
            }
        }
        out
    }

    /// Go names a type by its package: `example.com/app/pkg/sms.Client` is
    /// the `Client` of the files in `pkg/sms` (none, for a package outside
    /// the project), a bare `Client` the one of the caller's package.
    /// `None` where `q` is no type path (`s.repo`, a receiver's name).
    fn go_type_files(&self, file: u32, q: &str) -> Option<Vec<u32>> {
        match q.rsplit_once('.') {
            Some((package, _)) if package.contains('/') => Some(self.modules_named(file, package)),
            None if q.starts_with(|c: char| c.is_ascii_uppercase()) => {
                let dir = directory(&self.files[file as usize].path);
                Some(self.by_dir.get(dir).cloned().unwrap_or_default())
            }
            _ => None,
        }
    }

    /// A Go type of the project with no methods of its own is an interface
    /// (`store Store`, `mail mailer.Sender`): its calls reach the project's
    /// methods of that name that take as many arguments.
    fn go_implementations(
        &self,
        file: u32,
        q: &str,
        call: &CallSite,
        candidates: &[FnRef],
    ) -> Vec<FnRef> {
        let Some(files) = self.go_type_files(file, q).filter(|f| !f.is_empty()) else {
            return Vec::new();
        };
        let ty = q.rsplit('.').next().unwrap_or(q);
        // A package is one directory: look each up once.
        let mut dirs: Vec<&str> = files.iter().map(|&f| self.dirs[f as usize]).collect();
        dirs.dedup();
        let has_methods = dirs.iter().any(|d| self.typed_dirs.contains(&(*d, ty)));
        if has_methods {
            return Vec::new();
        }
        let out: Vec<FnRef> = candidates
            .iter()
            .copied()
            .filter(|&r| {
                let s = self.signature(r);
                s.class.is_some()
                    && s.receiver_param
                    && (s.params.len() == call.args.len() + 1 || s.rest_positional.is_some())
            })
            .collect();
        if out.len() > MAX_TARGETS {
            return Vec::new();
        }
        out
    }

    /// A method called on a receiver of unknown type (`self.analytics`
    /// injected through a constructor) reaches the project's only method
    /// of that name, if the name is distinctive (`identify_user`, not
    /// `save`) and the receiver does not come from another package.
    fn by_distinct_name(&self, file: u32, call: &CallSite, candidates: &[FnRef]) -> Vec<FnRef> {
        // Cheapest test first: most names have several methods, or none.
        let mut methods = candidates
            .iter()
            .copied()
            .filter(|&r| self.signature(r).class.is_some());
        let (Some(only), None) = (methods.next(), methods.next()) else {
            return Vec::new();
        };
        if tokens(&call.method).len() < 2
            || call
                .root
                .as_deref()
                .is_some_and(|root| !self.is_project_path(file, root))
        {
            return Vec::new();
        }
        vec![only]
    }

    /// Whether an import path or origin names something of the project: a
    /// module of it, or one of its classes.
    fn is_project_path(&self, file: u32, path: &str) -> bool {
        // What a project function made (`make_service()`).
        let language = self.files[file as usize].language.family();
        if let Some(made) = path.strip_suffix("()") {
            let last = made.rsplit(['.', '/', ':']).next().unwrap_or(made);
            if self.by_name.contains_key(&(language, last)) {
                return true;
            }
        }
        let path = path.replace("()", "");
        if path.starts_with('.') || !self.modules_named(file, &path).is_empty() {
            return true;
        }
        let parts: Vec<&str> = path.split('.').collect();
        (1..parts.len())
            .rev()
            .any(|n| !self.modules_named(file, &parts[..n].join(".")).is_empty())
            || parts.iter().any(|p| self.classes.contains(p))
    }

    /// The files a module qualifier names, seen from file `file`.
    fn modules_named(&self, file: u32, q: &str) -> Vec<u32> {
        let from = &self.files[file as usize];
        // JavaScript: ES modules name the file with its extension, and
        // TypeScript sources import `./user.js` for `user.ts`.
        let q = match from.language.family() {
            Language::JavaScript => without_script_extension(q),
            _ => q,
        };
        let keys: Vec<String> = match from.language.family() {
            Language::JavaScript if q.starts_with('.') => {
                vec![normalize(&format!("{}/{q}", directory(&from.path)))]
            }
            // `@/services/user`, `example.com/app/service`: the longest
            // known tail of the path.
            Language::JavaScript | Language::Go => {
                let parts: Vec<&str> = q.split('/').filter(|p| !p.starts_with('@')).collect();
                suffixes(&parts, "/")
            }
            Language::Rust => {
                let q = q.replace("::", ".");
                let q = q
                    .trim_start_matches("self.")
                    .trim_start_matches("super.")
                    .to_string();
                vec![q]
            }
            _ => vec![q.to_string()],
        };
        keys.iter()
            .find_map(|k| self.modules.get(k))
            .cloned()
            .unwrap_or_default()
    }
}

/// The parameter an argument binds to, and the field it lands in (extra
/// keywords gathered by `**fields` land in the field of their keyword).
pub fn bind(call: &CallSite, callee: &Signature, slot: ArgSlot) -> Option<(Slot, Option<String>)> {
    match slot {
        ArgSlot::Receiver if callee.receiver_param => Some((Slot::Param(0), None)),
        ArgSlot::Receiver if callee.class.is_some() => Some((Slot::This, None)),
        ArgSlot::Receiver => None,
        ArgSlot::Index(i) => match call.args.get(i as usize)? {
            Some(keyword) => match callee.params.iter().position(|p| p == keyword) {
                Some(p) => Some((Slot::Param(p as u16), None)),
                None => callee
                    .rest_keywords
                    .map(|p| (Slot::Param(p as u16), Some(keyword.clone()))),
            },
            None => {
                let p = i as usize + usize::from(callee.receiver_param);
                // Extra positional arguments land in `*args` / `kv ...any`.
                let p = match callee.rest_positional {
                    Some(rest) if p >= rest => rest,
                    _ => p,
                };
                let p = (p < callee.params.len()).then_some(p)?;
                // Positional arguments never fill `**fields`.
                (Some(p) != callee.rest_keywords).then_some((Slot::Param(p as u16), None))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_keys_per_language() {
        assert_eq!(
            module_keys("app/services/user.py", Language::Python),
            ["app.services.user", "services.user", "user"]
        );
        assert_eq!(
            module_keys("app/clients/__init__.py", Language::Python),
            ["app.clients", "clients"]
        );
        assert_eq!(
            module_keys("src/audit/mod.rs", Language::Rust),
            ["audit", "crate.audit"]
        );
        assert_eq!(
            module_keys("src/user.service.ts", Language::TypeScript),
            ["src/user.service"]
        );
        assert_eq!(
            module_keys("src/clients/index.js", Language::JavaScript),
            ["src/clients/index", "src/clients"]
        );
        assert_eq!(
            module_keys("internal/service/user.go", Language::Go),
            ["internal/service", "service"]
        );
    }

    #[test]
    fn script_extensions_are_dropped_from_specifiers() {
        assert_eq!(
            without_script_extension("../lib/request.js"),
            "../lib/request"
        );
        assert_eq!(
            without_script_extension("./user.service.js"),
            "./user.service"
        );
        assert_eq!(without_script_extension("./user.service"), "./user.service");
        assert_eq!(without_script_extension("./.js"), "./.js");
    }

    #[test]
    fn normalizes_relative_paths() {
        assert_eq!(normalize("src/api/../clients/./sms"), "src/clients/sms");
    }

    #[test]
    fn extra_positional_arguments_fill_the_variadic_parameter() {
        let callee = Signature {
            name: "Log".into(),
            class: None,
            params: vec!["event".into(), "kv".into()],
            receiver_param: false,
            rest_keywords: None,
            rest_positional: Some(1),
        };
        let call = CallSite {
            function: 0,
            root: None,
            method: "Log".into(),
            paths: Vec::new(),
            args: vec![None, None, None],
            receiver: false,
            span: crate::ir::Span::default(),
        };
        let at = |i| bind(&call, &callee, ArgSlot::Index(i)).map(|(s, _)| s);
        assert_eq!(at(0), Some(Slot::Param(0)));
        assert_eq!(at(1), Some(Slot::Param(1)));
        assert_eq!(at(2), Some(Slot::Param(1)));
    }

    #[test]
    fn class_names_match_receiver_names() {
        assert!(same_class("userService", "UserService"));
        assert!(same_class("user_service", "UserService"));
        assert!(!same_class("user", "UserService"));
    }

    #[test]
    fn implementations_by_name() {
        assert!(implementation_of("UserService", "UserServiceImpl"));
        assert!(implementation_of("userService", "DefaultUserService"));
        assert!(!implementation_of("UserService", "UserService"));
        assert!(!implementation_of("User", "UserServiceImpl"));
        assert!(!implementation_of("Service", "Impl"));
    }
}
