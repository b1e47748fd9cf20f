//! The base layer: the output language and the one bilingual text type, number
//! formatting, the one rounding helper, and the macro of stable codes. It imports nothing
//! of the crate.

pub(crate) mod codes;
#[cfg(feature = "csv")]
pub(crate) mod csv;
pub mod number;
mod objects;
mod parse;
pub mod rounding;
mod text;
mod upper;

pub(crate) use objects::{objects_only, MapOnly};
pub use parse::ParseNameError;
pub(crate) use text::{bounded, cut, hidden, QUOTED_CHARS};
pub use text::{plural, Lang, Localized, NOT_APPLICABLE};
pub use upper::upper;

use serde::{Deserialize, Serialize};

/// The version of this library, written into every scorecard (`libraryVersion`).
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// How serious a finding is. `audit` exits non-zero on `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// For information.
    Info,
    /// Suspicious, possibly legitimate.
    Warning,
    /// The published figures are wrong.
    Error,
}
