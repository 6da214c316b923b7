//! A node's child by field name, looked up by id. tree-sitter finds a
//! field's id by comparing the name with each of the grammar's field names
//! in turn, and the front-ends ask for fields by name hundreds of thousands
//! of times a scan: each thread keeps every grammar's names in a map
//! instead, built the first time it meets the grammar.

use std::cell::RefCell;

use rustc_hash::FxHashMap;
use tree_sitter::{Language, Node};

thread_local! {
    /// Each grammar met on this thread, with its field ids by name.
    static FIELD_IDS: RefCell<Vec<(Language, FxHashMap<&'static str, u16>)>> =
        const { RefCell::new(Vec::new()) };
}

/// Looking a child up by the name of its field.
pub trait Fields<'tree> {
    /// The child in field `name`, as `child_by_field_name` gives it.
    fn field(&self, name: &str) -> Option<Node<'tree>>;
}

impl<'tree> Fields<'tree> for Node<'tree> {
    fn field(&self, name: &str) -> Option<Node<'tree>> {
        self.child_by_field_id(field_id(&self.language(), name)?)
    }
}

/// The id of field `name` in `language`, if it has one.
fn field_id(language: &Language, name: &str) -> Option<u16> {
    FIELD_IDS.with(|grammars| {
        let mut grammars = grammars.borrow_mut();
        let at = match grammars.iter().position(|(known, _)| known == language) {
            Some(at) => at,
            None => {
                grammars.push((language.clone(), ids_of(language)));
                grammars.len() - 1
            }
        };
        grammars[at].1.get(name).copied()
    })
}

/// Every field of `language` by name (ids start at 1).
fn ids_of(language: &Language) -> FxHashMap<&'static str, u16> {
    (1..=language.field_count())
        .filter_map(|id| {
            let id = u16::try_from(id).ok()?;
            Some((language.field_name_for_id(id)?, id))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Fields;

    #[test]
    fn fields_are_found_as_tree_sitter_finds_them() {
        let python: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
        let go: tree_sitter::Language = tree_sitter_go::LANGUAGE.into();
        for (language, source) in [
            (python, "def f(a):\n    return g(a, b=1)\n"),
            (go, "package p\nfunc f(a int) int { return g(a) }\n"),
        ] {
            let mut parser = tree_sitter::Parser::new();
            parser.set_language(&language).expect("grammar loads");
            let tree = parser.parse(source, None).expect("parses");
            let mut stack = vec![tree.root_node()];
            let mut seen = 0;
            while let Some(node) = stack.pop() {
                for name in [
                    "name",
                    "body",
                    "parameters",
                    "function",
                    "arguments",
                    "left",
                    "none",
                ] {
                    assert_eq!(node.field(name), node.child_by_field_name(name), "{name}");
                    seen += usize::from(node.field(name).is_some());
                }
                let mut cursor = node.walk();
                stack.extend(node.children(&mut cursor));
            }
            assert!(seen > 3, "fields were found: {seen}");
        }
    }
}
