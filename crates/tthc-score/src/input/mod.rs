//! The input layer: what a report says (counts, facts, declared figures), one dossier as
//! a one-stop system records it, the scalar values with their own deserializers, and the
//! semantic checks that run before scoring.

mod dossier;
mod fields;
mod report;
pub(crate) mod scalar;
#[cfg(feature = "schema")]
mod schema;
mod validate;

pub use dossier::{
    AgenciesContacted, AgencyStep, At, Channel, Complaint, Day, DayOrAt, Dossier, Timeliness,
};
pub use fields::{field_name, field_or_path, indicator_name};
pub use report::*;
pub(crate) use scalar::{assumed_contacts, band_min, count_from_text};
pub use scalar::{Count, DeclaredScore, Level, Percent, TimeLimit, MAX_COUNT, MAX_TIME_LIMIT_DAYS};
#[cfg(feature = "schema")]
pub use schema::report_schema;
pub(crate) use validate::period as period_problems;
pub use validate::{validate, MAX_TOTAL};
