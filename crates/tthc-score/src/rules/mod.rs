//! The scoring rules as small pure functions.
//!
//! Per-unit levels are derived from facts that may be partly unknown: each rule is a
//! function of complete facts, and the levels the known facts allow are those it gives for
//! some completion of them ([`LevelSet`]: "0 or 2" is a possible answer). A complete set of
//! facts gives a single level; the online share alone, always known from the dossier
//! summary, can already cap a level.
//!
//! Where each rule lives: the per-unit level rules in `unit.rs` (one-stop, publicity,
//! feedback, online services), the online share in `share.rs`, the rows of the form that
//! depend on the profile in `form.rs`.

mod form;
mod levels;
mod share;
mod unit;

pub use form::{
    form_rows, form_title, labels, one_stop_rows, IndicatorLabels, Labels, UnitLevelLabel,
};
pub use levels::{describe_levels, LevelSet};
pub use share::{describe_share, online_share, share_note, Share};
pub use unit::{
    approved_threshold, feedback, feedback_level, one_stop, one_stop_level, online, online_level,
    publicity, publicity_level,
};
