//! Scoring: the nine indicators, the total and rating, and the officials' evaluation, into
//! a [`Scorecard`]. It reads the report, the rules and the profile; it never calls the audit.

mod card;
mod compute;
mod json;
mod text;

pub use card::{
    DossierFigures, IndicatorScore, LevelOrigin, OfficialScore, Officials, Scorecard, Total,
};
pub use compute::{average, compute};
pub(crate) use compute::{counted_part, part_of, per_dossier, total};
#[doc(hidden)]
pub use json::{IndicatorScoreJson, OfficialScoreJson, TotalJson};
