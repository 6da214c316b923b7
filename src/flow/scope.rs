//! Variables in scope while a function is walked.

use super::value::{State, Value};
use crate::hash::Map;

#[derive(Debug, Clone, Default)]
pub(super) struct Var {
    pub(super) value: Value,
    /// Resolved path of the type or the call that produced it.
    pub(super) origin: Option<String>,
    /// Declared type as written, used as the owner of its fields.
    pub(super) ty: Option<String>,
    /// Constant string value, for URLs and SQL.
    pub(super) text: Option<String>,
    /// A function parameter not reassigned since.
    pub(super) param: bool,
    /// Made empty here (`new Order()`, Go's `var o Order`): it holds only
    /// what the code puts in it, not every field its type declares.
    pub(super) fresh: bool,
    /// Filled by a copier (`BeanUtils.copyProperties(param, member)`) with
    /// data of another object, whose fields its type names.
    pub(super) copied: bool,
    /// The constant strings of the call that made it (endpoints, region
    /// names), to place a cloud client's data.
    pub(super) hints: Option<std::rc::Rc<str>>,
    /// The resolved call that made it, where its declared type is its
    /// origin (`EncryptedSharedPreferences.create(..)` of a
    /// `SharedPreferences`): what kind of store it is.
    pub(super) made_by: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub(super) struct Scope {
    pub(super) vars: Map<String, Var>,
    pub(super) class: Option<String>,
}

impl Scope {
    /// What functions inherit from the module: origins and constants, not
    /// data.
    pub(super) fn for_functions(&self) -> Scope {
        let vars = self
            .vars
            .iter()
            .map(|(k, v)| {
                let value = match v.value.state {
                    State::Container(_) | State::Literal => Value {
                        taints: Vec::new(),
                        state: v.value.state,
                    },
                    _ => Value::default(),
                };
                (k.clone(), Var { value, ..v.clone() })
            })
            .collect();
        Scope { vars, class: None }
    }
}
