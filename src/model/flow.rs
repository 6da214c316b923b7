//! A flow: one movement of one category of personal data into a sink, or
//! in from a person. The flow engine and the schema readers produce flows;
//! the checks turn them into findings.

use super::{CategoryId, FlowKind, StoreKind};
use crate::ir::Span;

/// One step of the path data took, in the file being analysed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Step {
    pub span: Span,
    pub note: String,
}

/// One movement of one category of personal data into a sink (or in from a
/// person, for `collected`).
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Flow {
    pub kind: FlowKind,
    pub category: CategoryId,
    /// The sink call, or the read of the request field.
    pub span: Span,
    /// The sink or source id from the rules.
    pub via: String,
    pub recipient: Option<String>,
    pub store: Option<StoreKind>,
    /// The cookie or storage key written, when it is a literal
    /// (`set_cookie("remember_email", ..)`).
    pub store_key: Option<String>,
    /// The country the data goes to, when the code names the service's
    /// region (`region_name="eu-west-1"`, an `oss-cn-hangzhou` endpoint).
    pub region: Option<String>,
    /// The callee as written, or the request expression.
    pub target: String,
    /// The steps before the sink, first to last.
    pub trail: Vec<Step>,
    /// The sink writes objects through a model (an ORM save, not SQL
    /// text), so the model's own hooks run; or it sends records that are
    /// loaded again through the model (`reloads_records`), so it sends
    /// only what the model keeps.
    pub model_write: bool,
    /// The field of the object so written that the data sat in (several,
    /// `,`-separated, when it came from more than one): the model's hooks
    /// may protect it.
    pub model_field: Option<String>,
    /// `stored`: the store encrypts what it keeps (see
    /// `SinkSpec::encrypted_if_made_by`).
    pub encrypted: bool,
}
