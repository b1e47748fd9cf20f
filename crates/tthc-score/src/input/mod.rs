//! The input layer: what a report says (counts, facts, declared figures), its scalar
//! values with their own deserializers, and the semantic checks that run before scoring.

mod report;
mod scalar;
mod validate;

pub use report::*;
pub use scalar::{Count, DeclaredScore, Level, Percent, MAX_COUNT};
pub use validate::{validate, MAX_TOTAL};
