//! The JSON form of the scorecard's parts: the stored fields plus their derived words
//! (display, derivation), written at serialization time.

use super::card::{IndicatorScore, LevelOrigin, OfficialScore, Total};
use crate::base::Localized;
use crate::indicator::{IndicatorId, IndicatorKind};
use crate::input::{Grades, Level};
use crate::profile::Rating;
use crate::rules::{LevelSet, Share};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

/// The JSON form of [IndicatorScore] (with its derived display fields).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
// TypeScript: every field of both kinds; `IndicatorScore` is the union by `kind` built
// on it (`TS_INDICATOR_SCORE` below).
#[serde(rename = "IndicatorScore", rename_all = "camelCase")]
#[cfg_attr(feature = "ts", tsify(rename = "IndicatorScoreFields"))]
#[doc(hidden)]
pub struct IndicatorScoreJson<'a> {
    /// Which indicator.
    id: IndicatorId,
    /// Row number (STT) on the form, 1–9, in the profile's order.
    position: u8,
    /// Per dossier (`perDossier`, TT01 Art. 13.1–13.5) or per unit (`perUnit`).
    kind: IndicatorKind,
    /// Maximum points (2).
    maximum: u8,
    /// False when the indicator is not counted (missing data, TT01 Art. 15).
    applicable: bool,
    /// Per unit: marked not applicable in the input (absent: not marked).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    marked_not_applicable: bool,
    /// Per dossier: dossiers at 2, 1 and 0 points (and without the data to grade them).
    #[serde(skip_serializing_if = "Option::is_none")]
    grades: &'a Option<Grades>,
    /// Per dossier: the sum of the points (absent when no dossier was resolved).
    #[serde(skip_serializing_if = "Option::is_none")]
    numerator: Option<u64>,
    /// Per dossier: the resolved dossiers the points are averaged over.
    #[serde(skip_serializing_if = "Option::is_none")]
    denominator: Option<u64>,
    /// Per unit: the level that counts (absent when neither a declaration nor the facts give one).
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Level>,
    /// Per unit: where the level came from, the declaration or the facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    level_origin: Option<LevelOrigin>,
    /// Per unit: the level the unit declared.
    #[serde(skip_serializing_if = "Option::is_none")]
    declared_level: Option<Level>,
    /// Per unit: the levels the known facts allow, ascending.
    #[serde(skip_serializing_if = "Option::is_none")]
    possible_levels: Option<LevelSet>,
    /// Online services: the online share the level rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    online_share: Option<Share>,
    /// The score at full precision (absent when not applicable).
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<Decimal>,
    /// The score rounded for display, at the profile's fixed scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    rounded: Option<Decimal>,
    /// What enters the total: the exact score (Điện Biên) or the rounded one (TT01).
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<Decimal>,
    /// The score as printed in the table, e.g. "1,91" (vi) and "1.91" (en).
    display: Localized,
    /// How the score was obtained, in words.
    derivation: Localized,
}

#[cfg(feature = "ts")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_INDICATOR_SCORE: &'static str = r#"
/** The fields only a per-dossier indicator has. */
type PerDossierOnly = "grades" | "numerator" | "denominator";
/** The fields only a per-unit indicator has. */
type PerUnitOnly = "markedNotApplicable" | "level" | "levelOrigin" | "declaredLevel" | "possibleLevels" | "onlineShare";
/** The score of a per-dossier indicator (TT01 Art. 13.1–13.5): the average of the points of
 * the resolved dossiers (2, 1 or 0 each). */
export interface PerDossierScore extends Omit<IndicatorScoreFields, "kind" | PerUnitOnly> {
    /** Per dossier. */
    kind: "perDossier";
}
/** The score of a per-unit indicator (TT01 Art. 13.6–13.9): a level 0–2, declared by the
 * unit or derived from the facts. */
export interface PerUnitScore extends Omit<IndicatorScoreFields, "kind" | PerDossierOnly> {
    /** Per unit. */
    kind: "perUnit";
}
/** The score of one indicator; `kind` tells which fields it has. */
export type IndicatorScore = PerDossierScore | PerUnitScore;
"#;

impl Serialize for IndicatorScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        IndicatorScoreJson {
            id: self.id,
            position: self.position,
            kind: self.kind,
            maximum: self.maximum,
            applicable: self.applicable,
            marked_not_applicable: self.marked_not_applicable,
            grades: &self.grades,
            numerator: self.numerator,
            denominator: self.denominator,
            level: self.level,
            level_origin: self.level_origin,
            declared_level: self.declared_level,
            possible_levels: self.possible_levels,
            online_share: self.online_share,
            exact: self.exact,
            rounded: self.rounded,
            counted: self.counted,
            display: self.display(),
            derivation: self.derivation(),
        }
        .serialize(s)
    }
}

/// The JSON form of [Total] (with its derived display fields).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename = "Total", rename_all = "camelCase")]
#[cfg_attr(feature = "ts", tsify(rename = "Total"))]
#[doc(hidden)]
pub struct TotalJson<'a> {
    /// The sum of the exact indicator scores.
    exact: Decimal,
    /// The total as the profile reports it (e.g. "16.74").
    value: Decimal,
    /// The total as printed, e.g. "16,74" (vi) and "16.74" (en).
    display: Localized,
    /// The maximum over the applicable indicators (18 when all apply).
    maximum: Decimal,
    /// The maximum as printed, e.g. "18,0".
    maximum_display: Localized,
    /// The number of applicable indicators.
    applicable: u8,
    /// The figure the rating bands are applied to (see `notApplicable` and `ratingBasis`).
    rating_basis: Decimal,
    /// The unit's rating; absent when no indicator applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "Rating<RatingCode>", optional))]
    rating: &'a Option<Rating>,
}

impl Serialize for Total {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TotalJson {
            exact: self.exact,
            value: self.value,
            display: self.display(),
            maximum: self.maximum,
            maximum_display: self.maximum_display(),
            applicable: self.applicable,
            rating_basis: self.rating_basis,
            rating: &self.rating,
        }
        .serialize(s)
    }
}

/// The JSON form of [OfficialScore] (with its derived display fields).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename = "OfficialScore", rename_all = "camelCase")]
#[cfg_attr(feature = "ts", tsify(rename = "OfficialScore"))]
#[doc(hidden)]
pub struct OfficialScoreJson<'a> {
    /// The official's name; absent for the unit as a whole.
    #[serde(skip_serializing_if = "Option::is_none")]
    name: &'a Option<String>,
    /// The dossiers evaluated.
    dossiers: u64,
    /// The sum of the exact scores of the five per-dossier indicators.
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<Decimal>,
    /// The score as the profile reports it; absent without dossiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Decimal>,
    /// The score as printed (a decimal comma in Vietnamese, a point in English).
    display: Localized,
    /// The maximum (10).
    maximum: u8,
    /// The band; absent without dossiers.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "Rating<OfficialBandCode>", optional))]
    band: &'a Option<Rating>,
}

impl Serialize for OfficialScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        OfficialScoreJson {
            name: &self.name,
            dossiers: self.dossiers,
            exact: self.exact,
            value: self.value,
            display: self.display(),
            maximum: self.maximum,
            band: &self.band,
        }
        .serialize(s)
    }
}
