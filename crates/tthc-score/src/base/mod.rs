//! The base layer: the output language and the one bilingual text type, number
//! formatting, the one rounding helper, and the macro of stable codes. It imports nothing
//! of the crate.

pub(crate) mod codes;
pub mod number;
pub mod rounding;
mod text;

pub use text::{Lang, Localized, NOT_APPLICABLE};
