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

use super::callee::Callee;
use super::site::Site;
use super::summary::FileSummary;
use crate::classify::{normalized_name, tokens};
use crate::flow::summary::{ArgSlot, Slot};
use crate::hash::{Map, Set};
use crate::language::{BareCalls, Conventions, Language, ModuleUnit, directory};
use crate::model::CategoryId;
use crate::rules::Rules;

/// A function: (file, index in the file's summary).
pub type FnRef = (u32, u32);

/// More candidates than this means the call is too ambiguous to follow.
const MAX_TARGETS: usize = 4;

/// Functions of the project by name, and files by the module names they
/// can be imported as.
pub struct Index<'a> {
    files: &'a [FileSummary],
    /// Each file's language conventions.
    conventions: Vec<&'a Conventions>,
    /// Functions by language family and name.
    by_name: Map<(Language, &'a str), Candidates>,
    /// Each function's class, normalized (`UserService` -> `userservice`),
    /// and where the language names implementations after their interface
    /// (`UserServiceImpl`, `DefaultUserService`) the interface's; computed
    /// once, as calls compare them often.
    class_norms: Vec<Vec<(Option<u32>, Option<u32>)>>,
    /// The normalized class and interface names, numbered: a large
    /// project has tens of thousands of methods in far fewer classes.
    owners: Map<String, u32>,
    /// Files by directory.
    by_dir: Map<&'a str, Vec<u32>>,
    /// (directory, class) of every class with methods: a Go type without
    /// any is an interface.
    typed_dirs: Set<(&'a str, &'a str)>,
    /// Each file's directory, and whether it is production code (not a
    /// test, example, seed, ...).
    dirs: Vec<&'a str>,
    production: Vec<bool>,
    /// Module key -> files, by each language's conventions (dotted for
    /// Python and Rust, `/`-separated paths without extension for
    /// JavaScript and Go directories).
    modules: Map<String, Vec<u32>>,
    /// Names of the project's classes.
    classes: Set<&'a str>,
    /// Classes with personal fields by name: (file, index in its `classes`).
    declared: Map<&'a str, Vec<(u32, u32)>>,
}

/// The project's functions of one name, in file order, and the same
/// functions by what a qualified call can name them by: a call compares its
/// qualifier with each of them, and a common name (`get`, `save`) has
/// hundreds in a large project.
#[derive(Default)]
struct Candidates {
    all: Vec<FnRef>,
    /// By normalized class and interface (see `Index::class_norms`).
    by_owner: Map<u32, Vec<FnRef>>,
    /// Those outside any class, by file.
    by_file: Map<u32, Vec<FnRef>>,
}

impl Candidates {
    fn new(all: Vec<FnRef>, class_norms: &[Vec<(Option<u32>, Option<u32>)>]) -> Candidates {
        let mut by_owner: Map<u32, Vec<FnRef>> = Map::default();
        let mut by_file: Map<u32, Vec<FnRef>> = Map::default();
        for &(f, i) in &all {
            let (class, interface) = class_norms[f as usize][i as usize];
            match class {
                Some(class) => by_owner.entry(class).or_default().push((f, i)),
                None => by_file.entry(f).or_default().push((f, i)),
            }
            if let Some(interface) = interface.filter(|i| Some(*i) != class) {
                by_owner.entry(interface).or_default().push((f, i));
            }
        }
        Candidates {
            all,
            by_owner,
            by_file,
        }
    }

    /// Those of class or interface `owner` (its number in
    /// `Index::owners`), in file order.
    fn of_owner(&self, owner: u32) -> &[FnRef] {
        self.by_owner.get(&owner).map_or(&[], Vec::as_slice)
    }

    /// Those outside any class in any of `files`, in file order.
    fn outside_classes_in(&self, files: &[u32]) -> Vec<FnRef> {
        let mut out: Vec<FnRef> = files
            .iter()
            .filter_map(|f| self.by_file.get(f))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
fn same_class(written: &str, class: &str) -> bool {
    normalized_name(written) == normalized_name(class)
}

impl<'a> Index<'a> {
    pub fn new(files: &'a [FileSummary], rules: &'a Rules) -> Index<'a> {
        let conventions: Vec<&Conventions> = files
            .iter()
            .map(|f| &rules.language(f.language).conventions)
            .collect();
        let mut by_name: Map<(Language, &str), Vec<FnRef>> = Map::default();
        let mut class_norms = Vec::with_capacity(files.len());
        let mut owners: Map<String, u32> = Map::default();
        let mut owner = |name: String| {
            let next = owners.len() as u32;
            *owners.entry(name).or_insert(next)
        };
        let mut by_dir: Map<&str, Vec<u32>> = Map::default();
        let mut modules: Map<String, Vec<u32>> = Map::default();
        let mut classes = Set::default();
        let mut declared: Map<&str, Vec<(u32, u32)>> = Map::default();
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
            for (i, f) in file.callees().enumerate() {
                classes.extend(f.class());
                by_name
                    .entry((file.language.family(), f.name()))
                    .or_default()
                    .push((fi as u32, i as u32));
                norms.push(match f.class() {
                    Some(c) => (
                        Some(owner(normalized_name(c))),
                        conventions[fi]
                            .interface_of(c)
                            .map(|i| owner(normalized_name(i))),
                    ),
                    None => (None, None),
                });
            }
            class_norms.push(norms);
            for key in conventions[fi].module_keys(&file.path) {
                modules.entry(key).or_default().push(fi as u32);
            }
        }
        let by_name = by_name
            .into_iter()
            .map(|(key, all)| (key, Candidates::new(all, &class_norms)))
            .collect();
        Index {
            files,
            production: files.iter().map(|f| f.role.is_production()).collect(),
            conventions,
            by_name,
            class_norms,
            owners,
            by_dir,
            typed_dirs: files
                .iter()
                .flat_map(|f| {
                    let dir = directory(&f.path);
                    f.callees().filter_map(move |s| Some((dir, s.class()?)))
                })
                .collect(),
            dirs: files.iter().map(|f| directory(&f.path)).collect(),
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
        // project's classes, whatever their names (where imports name
        // modules at all).
        if self.conventions[file as usize].modules.unit != ModuleUnit::None
            && module.is_some_and(|m| !m.starts_with('.'))
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

    /// The library paths a call takes through a module-level instance of
    /// another file: `HTTPClient.send_request(..)`, imported from a module
    /// that sets `HTTPClient = requests_hardened.Manager(..)`, is
    /// `requests_hardened.Manager().send_request`.
    pub fn through_global(&self, file: u32, site: Site<'_>) -> Vec<String> {
        let mut out = Vec::new();
        for path in site.paths() {
            let Some((module, name)) = path
                .strip_suffix(site.method())
                .and_then(|q| q.strip_suffix(['.', ':']))
                .and_then(|q| q.rsplit_once(['.', ':']))
            else {
                continue;
            };
            for f in self.modules_named(file, module.trim_end_matches(':')) {
                let globals = &self.files[f as usize].globals;
                if let Ok(i) = globals.binary_search_by(|(n, _)| n.as_str().cmp(name)) {
                    out.push(format!("{}.{}", globals[i].1, site.method()));
                }
            }
        }
        out
    }

    /// Whether file `file` is production code.
    pub fn is_production(&self, file: u32) -> bool {
        self.production[file as usize]
    }

    pub fn signature(&self, (file, function): FnRef) -> Callee<'a> {
        self.files[file as usize].callee(function)
    }

    /// The functions call `call` of file `file` may reach.
    pub fn resolve(&self, file: u32, call: Site<'_>) -> Vec<FnRef> {
        let caller_file = &self.files[file as usize];
        let language = caller_file.language.family();
        let calls = &self.conventions[file as usize].calls;
        let Some(candidates) = self.by_name.get(&(language, call.method())) else {
            return Vec::new();
        };
        let all = candidates.all.as_slice();
        // A callee rooted in another package's import or type
        // (`crm_sdk.Customer.modify`, `new LRUCache()`) is none of the
        // project's functions, whatever its name, unless state is reached
        // through library wrappers (Rust's `web::Data<AppState>`): there
        // the fields decide.
        if !calls.wrapped_state
            && call
                .root()
                .is_some_and(|root| !self.is_project_path(file, root))
        {
            return Vec::new();
        }
        let caller = caller_file.callee(call.function);
        let mut out = Vec::new();
        for path in call.paths() {
            let qualifier = match path.strip_suffix(call.method()) {
                Some("") => None,
                Some(q) => match q.strip_suffix('.') {
                    Some(q) => Some(q),
                    None => continue,
                },
                None => continue,
            };
            out = match qualifier {
                None => self.unqualified(file, caller, all),
                Some(q) => self.qualified(file, q, candidates, 0),
            };
            if out.is_empty()
                && calls.structural_interfaces
                && let Some(q) = qualifier
            {
                out = self.structural_implementations(file, q, call, all);
            }
            if !out.is_empty() {
                break;
            }
            // A Go value typed by another module (`client *twilio.Client`)
            // is none of the project's, whatever its variable is called.
            if calls.package_types
                && qualifier.is_some_and(|q| {
                    self.package_type_files(file, q)
                        .is_some_and(|f| f.is_empty())
                })
            {
                return Vec::new();
            }
        }
        // JavaScript: `const sendSms = require('./sms'); sendSms(phone)`
        // calls the module's default export, a function of that name.
        if out.is_empty()
            && !call.receiver
            && calls.exports
            && let Some(module) = call.paths().next().filter(|p| p.starts_with('.'))
        {
            out = candidates.outside_classes_in(&self.modules_named(file, module));
        }
        if out.is_empty() && call.receiver {
            out = self.by_distinct_name(file, call, all);
        }
        // Java overloads share a name: of those reached, the ones taking as
        // many arguments as the call passes (if none does, a varargs method).
        if calls.overloads_by_arity {
            let arity = |&r: &FnRef| self.signature(r).param_count() == call.arg_count();
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
        if out.iter().any(|&(f, _)| self.production[f as usize]) {
            out.retain(|&(f, _)| self.production[f as usize]);
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
    /// caller's class (Java's implicit `this`), of the same Go package, or
    /// of the whole project (PHP).
    fn unqualified(&self, file: u32, caller: Callee<'_>, candidates: &[FnRef]) -> Vec<FnRef> {
        let bare = self.conventions[file as usize].calls.bare;
        let dir = self.dirs[file as usize];
        candidates
            .iter()
            .copied()
            .filter(|&(f, i)| {
                let callee = self.signature((f, i));
                let same_file = f == file;
                match bare {
                    BareCalls::Class => same_file && callee.class() == caller.class(),
                    BareCalls::Package => callee.class().is_none() && self.dirs[f as usize] == dir,
                    BareCalls::File => same_file && callee.class().is_none(),
                    BareCalls::Project => callee.class().is_none(),
                }
            })
            .collect()
    }

    /// `q.name(..)`: `q` names a class (by type, constructor or receiver
    /// name) or a module.
    fn qualified(&self, file: u32, q: &str, candidates: &Candidates, depth: u8) -> Vec<FnRef> {
        // `Client()` is an instance of `Client`; `crate::a::B` is `B`.
        let made = q.ends_with("()");
        let q = q.trim_end_matches("()");
        let conventions = self.conventions[file as usize];
        let mut last = q.rsplit(['.', '/', ':']).next().unwrap_or(q);
        // Go: `store.NewRepo()` makes a `Repo`.
        if made && let Some(ty) = conventions.constructed_type(last) {
            last = ty;
        }
        let in_package = if conventions.calls.package_types {
            self.package_type_files(file, q)
        } else {
            None
        };
        let by_class: Vec<FnRef> = self
            .owners
            .get(&normalized_name(last))
            .map_or(&[][..], |&owner| candidates.of_owner(owner))
            .iter()
            .copied()
            .filter(|(f, _)| in_package.as_ref().is_none_or(|fs| fs.contains(f)))
            .collect();
        if !by_class.is_empty() {
            return by_class;
        }
        let modules = self.modules_named(file, q);
        let functions = candidates.outside_classes_in(&modules);
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
        if out.is_empty() && conventions.calls.exports {
            out = self.exported_by(&modules, candidates, depth);
        }
        out
    }

    /// JavaScript modules that re-export (`export { auditLog } from
    /// './audit'`, `export * from './audit'`, as in `index` barrels) or
    /// whose default export is an instance (`module.exports = new
    /// Mailer()`): the functions named by what they export.
    fn exported_by(&self, modules: &[u32], candidates: &Candidates, depth: u8) -> Vec<FnRef> {
        let Some(&first) = candidates.all.first() else {
            return Vec::new();
        };
        let method = self.signature(first).name();
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

    /// Where types are named by their package (Go):
    /// `example.com/app/pkg/sms.Client` is the `Client` of the files in
    /// `pkg/sms` (none, for a package outside the project), a bare `Client`
    /// the one of the caller's package. `None` where `q` is no type path
    /// (`s.repo`, a receiver's name).
    fn package_type_files(&self, file: u32, q: &str) -> Option<Vec<u32>> {
        match q.rsplit_once('.') {
            Some((package, _)) if package.contains('/') => Some(self.modules_named(file, package)),
            None if q.starts_with(|c: char| c.is_ascii_uppercase()) => {
                let dir = directory(&self.files[file as usize].path);
                Some(self.by_dir.get(dir).cloned().unwrap_or_default())
            }
            _ => None,
        }
    }

    /// Where interfaces are structural (Go), a type of the project with no
    /// methods of its own is an interface (`store Store`, `mail
    /// mailer.Sender`): its calls reach the project's methods of that name
    /// that take as many arguments.
    fn structural_implementations(
        &self,
        file: u32,
        q: &str,
        call: Site<'_>,
        candidates: &[FnRef],
    ) -> Vec<FnRef> {
        let Some(files) = self.package_type_files(file, q).filter(|f| !f.is_empty()) else {
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
                s.class().is_some()
                    && s.receiver_param()
                    && (s.param_count() == call.arg_count() + 1 || s.rest_positional().is_some())
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
    fn by_distinct_name(&self, file: u32, call: Site<'_>, candidates: &[FnRef]) -> Vec<FnRef> {
        // Cheapest test first: most names have several methods, or none.
        let mut methods = candidates
            .iter()
            .copied()
            .filter(|&r| self.signature(r).class().is_some());
        let (Some(only), None) = (methods.next(), methods.next()) else {
            return Vec::new();
        };
        if tokens(call.method()).len() < 2
            || call
                .root()
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
        self.conventions[file as usize]
            .import_keys(&from.path, q)
            .iter()
            .find_map(|k| self.modules.get(k))
            .cloned()
            .unwrap_or_default()
    }
}

/// The parameter an argument binds to, and the field it lands in (extra
/// keywords gathered by `**fields` land in the field of their keyword).
pub fn bind(call: Site<'_>, callee: Callee<'_>, slot: ArgSlot) -> Option<(Slot, Option<String>)> {
    match slot {
        ArgSlot::Receiver if callee.receiver_param() => Some((Slot::Param(0), None)),
        ArgSlot::Receiver if callee.class().is_some() => Some((Slot::This, None)),
        ArgSlot::Receiver => None,
        ArgSlot::Index(i) => match call.keyword(i as usize)? {
            Some(keyword) => match callee.params().position(|p| p == keyword) {
                Some(p) => Some((Slot::Param(p as u16), None)),
                None => callee
                    .rest_keywords()
                    .or(callee.keywords_hash())
                    .map(|p| (Slot::Param(p as u16), Some(keyword.to_string()))),
            },
            None => {
                let p = i as usize + usize::from(callee.receiver_param());
                // Extra positional arguments land in `*args` / `kv ...any`.
                let p = match callee.rest_positional() {
                    Some(rest) if p >= rest => rest,
                    _ => p,
                };
                let p = (p < callee.param_count()).then_some(p)?;
                // Positional arguments never fill `**fields`.
                (Some(p) != callee.rest_keywords()).then_some((Slot::Param(p as u16), None))
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_found_by_owner_and_by_file_in_file_order() {
        // Owners 0 `userserviceimpl`, 1 `userservice`, 2 `orders`.
        let class_norms = vec![
            vec![(Some(0), Some(1)), (None, None)],
            vec![(Some(1), Some(1)), (None, None)],
        ];
        let candidates = Candidates::new(vec![(0, 0), (0, 1), (1, 0), (1, 1)], &class_norms);
        assert_eq!(candidates.of_owner(1), [(0, 0), (1, 0)]);
        assert_eq!(candidates.of_owner(0), [(0, 0)]);
        assert!(candidates.of_owner(2).is_empty());
        assert_eq!(candidates.outside_classes_in(&[1, 0, 1]), [(0, 1), (1, 1)]);
        assert!(candidates.outside_classes_in(&[7]).is_empty());
    }

    #[test]
    fn extra_positional_arguments_fill_the_variadic_parameter() {
        let signature = crate::flow::summary::Signature::new("Log", None, ["event", "kv"])
            .with_rests(None, None, Some(1));
        // `Log(..)` with three positional arguments: the method, no root,
        // no path, no keywords.
        use super::super::names::{NameTable, Run};
        let mut table = NameTable::default();
        let function = table.add(signature.names());
        let site = table.add(["Log", "", "", "", ""]);
        let (names, ids) = table.finish();
        let run = |(start, len): (u32, u32)| &ids[start as usize..(start + len) as usize];
        let located = super::super::callee::LocatedFunction::new(&signature, function);
        let callee = Callee::new(&located, Run::new(run(function), &names));
        let call = Site::new(0, false, 0, Run::new(run(site), &names));
        let at = |i| bind(call, callee, ArgSlot::Index(i)).map(|(s, _)| s);
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
}
