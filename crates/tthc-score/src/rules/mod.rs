//! The scoring rules as small pure functions.
//!
//! Per-unit levels are derived from facts that may be partly unknown: each condition is
//! evaluated in three-valued logic ([`Tri`]), and a rule yields the range of levels the
//! known facts allow ([`LevelRange`]). A complete set of facts gives a single level; the
//! online share alone, always known from the dossier summary, can already cap a level.
//!
//! Where each rule lives: the per-unit level rules in `unit.rs` (one-stop, publicity,
//! feedback, online services), the online share in `share.rs`, the rows of the form that
//! depend on the profile in `form.rs`.

mod form;
mod levels;
mod share;
mod unit;

pub use form::{form_rows, one_stop_rows};
pub use levels::{describe_range, LevelRange, Tri};
pub use share::{describe_share, online_share, share_note, Share};
pub use unit::{approved_threshold, feedback, one_stop, online, publicity};
