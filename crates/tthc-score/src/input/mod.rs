//! The input layer: what a report says (counts, facts, declared figures), one dossier as
//! a one-stop system records it, the scalar values with their own deserializers, and the
//! semantic checks that run before scoring.

mod dossier;
mod report;
mod scalar;
mod validate;

pub use dossier::{
    AgenciesContacted, AgencyStep, At, Channel, Complaint, Day, DayOrAt, Dossier, Timeliness,
};
pub use report::*;
#[cfg(feature = "csv")]
pub(crate) use scalar::count_from_text;
pub use scalar::{Count, DeclaredScore, Level, Percent, TimeLimit, MAX_COUNT, MAX_TIME_LIMIT_DAYS};
pub use validate::{validate, MAX_TOTAL};
