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
#[serde(rename = "IndicatorScore", rename_all = "camelCase")]
#[doc(hidden)]
pub struct IndicatorScoreJson<'a> {
    id: IndicatorId,
    position: u8,
    kind: IndicatorKind,
    maximum: u8,
    applicable: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    marked_not_applicable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    grades: &'a Option<Grades>,
    #[serde(skip_serializing_if = "Option::is_none")]
    numerator: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    denominator: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level_origin: Option<LevelOrigin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declared_level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    possible_levels: Option<LevelSet>,
    #[serde(skip_serializing_if = "Option::is_none")]
    online_share: Option<Share>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rounded: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<Decimal>,
    display: Localized,
    derivation: Localized,
}

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
#[doc(hidden)]
pub struct TotalJson<'a> {
    exact: Decimal,
    value: Decimal,
    display: Localized,
    maximum: Decimal,
    maximum_display: Localized,
    applicable: u8,
    rating_basis: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
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
#[doc(hidden)]
pub struct OfficialScoreJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: &'a Option<String>,
    dossiers: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Decimal>,
    display: Localized,
    maximum: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
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
