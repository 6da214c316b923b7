//! A call as the join reads it: a run of indices into its file's table of
//! names (see `super::names`), the method, the root, the paths, then each
//! argument's keyword.

use super::names::Run;

/// Where a call's names are in its run.
const METHOD: usize = 0;
const ROOT: usize = 1;
const FIRST_PATH: usize = 2;

/// A call of a file that its own analysis could not resolve: maybe a
/// function of the project.
#[derive(Debug, Clone, Copy)]
pub struct Site<'a> {
    /// The calling function (index into the file's functions).
    pub function: u32,
    /// Called on a receiver (`obj.method(..)`), not as a bare name.
    pub receiver: bool,
    /// How many of the names are paths.
    paths: u8,
    names: Run<'a>,
}

impl<'a> Site<'a> {
    pub(super) fn new(function: u32, receiver: bool, paths: u8, names: Run<'a>) -> Site<'a> {
        Site {
            function,
            receiver,
            paths,
            names,
        }
    }

    /// The callee's last name.
    pub fn method(&self) -> &'a str {
        self.names.get(METHOD)
    }

    /// What the callee's leftmost name stands for, if known: an import path
    /// or the call that made it. A call rooted in another package's import
    /// never reaches the project's functions by name alone.
    pub fn root(&self) -> Option<&'a str> {
        self.names.optional(ROOT)
    }

    /// The callee path resolved through imports and types, then as written.
    pub fn paths(&self) -> impl DoubleEndedIterator<Item = &'a str> + use<'a> {
        let names = self.names;
        (FIRST_PATH..self.first_keyword()).map(move |i| names.get(i))
    }

    /// How many arguments the call passes.
    pub fn arg_count(&self) -> usize {
        self.names.len().saturating_sub(self.first_keyword())
    }

    /// The keyword of argument `i` (`None` for a positional one), or
    /// nothing when the call passes no argument `i`.
    pub fn keyword(&self, i: usize) -> Option<Option<&'a str>> {
        (i < self.arg_count()).then(|| self.names.optional(self.first_keyword() + i))
    }

    fn first_keyword(&self) -> usize {
        FIRST_PATH + usize::from(self.paths)
    }
}

#[cfg(test)]
mod tests {
    use super::Site;
    use crate::flow::summary::CallSite;
    use crate::project::names::{NameTable, Run};

    fn call(root: Option<&str>, paths: &[&str], keywords: &[Option<&str>]) -> CallSite {
        let (paths, keywords) = (paths.iter().copied(), keywords.iter().copied());
        CallSite::new(3, true, "save", root, paths, keywords)
    }

    /// Reads `calls` back as the join does, from one table.
    fn read_back(calls: &[CallSite], check: impl Fn(&[Site<'_>])) {
        let mut table = NameTable::default();
        let runs: Vec<(u32, u32)> = calls.iter().map(|c| table.add(c.names())).collect();
        let (names, ids) = table.finish();
        let sites: Vec<Site<'_>> = calls
            .iter()
            .zip(runs)
            .map(|(c, (start, len))| {
                let run = &ids[start as usize..(start + len) as usize];
                Site::new(
                    c.function,
                    c.receiver,
                    c.path_count(),
                    Run::new(run, &names),
                )
            })
            .collect();
        check(&sites);
    }

    #[test]
    fn a_call_keeps_its_names() {
        let calls = [
            call(
                Some("app.repo"),
                &["app.repo.Repo.save", "repo.save"],
                &[None, Some("email"), Some("")],
            ),
            // A path the one before repeats is kept once; one further on is
            // kept again, so the first and the last are as given.
            call(None, &["a.save", "a.save", "save", "a.save"], &[None]),
            call(None, &[], &[]),
            // A name that starts with the presence mark keeps it.
            call(Some("\u{1}x"), &[], &[]),
        ];
        read_back(&calls, |sites| {
            let site = sites[0];
            assert_eq!((site.function, site.receiver), (3, true));
            assert_eq!(site.method(), "save");
            assert_eq!(site.root(), Some("app.repo"));
            let paths: Vec<&str> = site.paths().collect();
            assert_eq!(paths, ["app.repo.Repo.save", "repo.save"]);
            assert_eq!(site.paths().next_back(), Some("repo.save"));
            assert_eq!(site.arg_count(), 3);
            assert_eq!(site.keyword(0), Some(None));
            assert_eq!(site.keyword(1), Some(Some("email")));
            assert_eq!(site.keyword(2), Some(Some("")), "an empty keyword is one");
            assert_eq!(site.keyword(3), None);

            let repeated = sites[1];
            let paths: Vec<&str> = repeated.paths().collect();
            assert_eq!(paths, ["a.save", "save", "a.save"]);
            assert_eq!(repeated.arg_count(), 1);

            let bare = sites[2];
            assert_eq!((bare.method(), bare.root()), ("save", None));
            assert_eq!(bare.paths().count(), 0);
            assert_eq!((bare.arg_count(), bare.keyword(0)), (0, None));

            assert_eq!(sites[3].root(), Some("\u{1}x"));
        });
    }

    #[test]
    fn a_file_keeps_each_name_once() {
        let calls = [
            call(Some("app.repo"), &["app.repo.save"], &[None]),
            call(Some("app.repo"), &["app.repo.save"], &[Some("email")]),
        ];
        let mut table = NameTable::default();
        for c in &calls {
            table.add(c.names());
        }
        let (names, ids) = table.finish();
        // save, app.repo, app.repo.save, no keyword, `email`.
        assert_eq!(names.len(), 5);
        assert_eq!(ids.len(), 8);
    }

    #[test]
    fn a_run_past_the_table_reads_as_empty_names() {
        let names = crate::packed::Packed::default();
        let site = Site::new(0, false, 2, Run::new(&[7, 8, 9], &names));
        assert_eq!(site.method(), "");
        assert_eq!(site.root(), None);
        assert_eq!(site.paths().collect::<Vec<_>>(), ["", ""]);
        assert_eq!(site.arg_count(), 0);
    }
}
