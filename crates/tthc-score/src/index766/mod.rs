//! The ratio-index model: the national 100-point index of Decision 766/QĐ-TTg (periods
//! from 01/07/2025, when Decree 118/2025 replaced the 9-indicator tool of Decree 61/2018
//! and Circular 01/2018), beside the 9-indicator model of the rest of the crate.
//!
//! A profile is data ([`IndexProfile`], checked once into a [`CheckedIndexProfile`]):
//! groups of indicators, each a ratio numerator ÷ denominator with a maximum, a
//! conversion to points ([`convert`]), a zero-denominator treatment and its provenance
//! (source keys, confidence, inferred). The built-in `vn-766` follows
//! `../shared/spec/index-766.md` and its October 2026 update; a province loads its own
//! corrected profile from JSON. An input ([`IndexInput`]) gives each indicator's counts;
//! [`score_index`] gives an [`IndexResult`]: per indicator the ratio, the points and
//! their derivation in words, per group the sum, the total, the band (if the profile has
//! bands), and a note on every assumption.
//!
//! ```
//! use tthc_score::index766::{find_index, score_index, IndexInput, IndexOptions};
//! use tthc_score::parse_json;
//!
//! let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/index-766-example.json")).unwrap();
//! let input: IndexInput = parse_json(&text).unwrap();
//! let result = score_index(&input, find_index("vn-766").unwrap(), &IndexOptions::default()).unwrap();
//! assert_eq!(result.total.maximum.to_string(), "100");
//! assert!(result.total.band.is_none()); // the portal has no official bands
//! ```

pub mod convert;
mod builtin;
mod from_tally;
mod input;
mod number;
mod options;
mod profile;
mod score;
mod text;

pub use builtin::{find_index, index_builtin, VN_766, VN_766_ID};
pub use from_tally::{
    dossier_indicators, index_input_from_report, merge_dossier_indicators, DossierIndicators,
    ONLINE_ID, ON_TIME_ID,
};
pub use input::{validate_index, IndexInput, IndicatorCounts, Ratio};
pub use options::{IndexProfileChoice, IndexRenderOptions, IndexScoreOptions};
pub use profile::{
    CheckedIndexProfile, Confidence, Conversion, Group, IndexBand, IndexIndicator, IndexProfile,
    Model, PartRounding, Provenance, SourceKey, WeightedPart, ZeroDenominator, MAX_POINTS,
};
pub use score::{
    score_index, GroupScore, IndexIndicatorScore, IndexOptions, IndexResult, IndexTotal,
    IndicatorStatus, Note, PartScore,
};
pub use text::render_index;

/// The JSON Schema (draft 2020-12) of a ratio-index input.
#[cfg(feature = "schema")]
pub fn index_input_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<IndexInput>()
}

/// The JSON Schema (draft 2020-12) of a ratio-index profile.
#[cfg(feature = "schema")]
pub fn index_profile_schema() -> schemars::Schema {
    schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<IndexProfile>()
}
