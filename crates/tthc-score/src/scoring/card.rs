//! The scorecard: what scoring produces for one report.

use crate::finding::{Finding, Severity};
use crate::indicator::{IndicatorId, IndicatorKind};
use crate::input::{Grades, Level, Period, Unit};
use crate::profile::{Interpretations, Rating};
use crate::rules::{LevelSet, Share};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Where a per-unit level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelOrigin {
    /// The level the unit declared.
    Declared,
    /// The level derived from the facts.
    Facts,
}

/// The score of one indicator. The display text and the derivation in words are derived
/// on demand ([`IndicatorScore::display`], [`IndicatorScore::derivation`]) and written
/// into the JSON form, so scoring itself formats nothing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorScore {
    /// Which indicator.
    pub id: IndicatorId,
    /// Row number (STT) on the form, 1–9, in the profile's order.
    pub position: u8,
    /// Per dossier or per unit.
    pub kind: IndicatorKind,
    /// Maximum points (2).
    pub maximum: u8,
    /// False when the indicator is not counted (missing data, TT01 Art. 15).
    pub applicable: bool,
    /// Per-unit: marked not applicable in the input.
    #[serde(default)]
    pub marked_not_applicable: bool,
    /// Per-dossier: dossiers at 2, 1 and 0 points.
    #[serde(default)]
    pub grades: Option<Grades>,
    /// Per-dossier: sum of points.
    #[serde(default)]
    pub numerator: Option<u64>,
    /// Per-dossier: resolved dossiers.
    #[serde(default)]
    pub denominator: Option<u64>,
    /// Per-unit: the level that counts.
    #[serde(default)]
    pub level: Option<Level>,
    /// Per-unit: where the level came from.
    #[serde(default)]
    pub level_origin: Option<LevelOrigin>,
    /// Per-unit: the level declared by the unit.
    #[serde(default)]
    pub declared_level: Option<Level>,
    /// Per-unit: the levels the known facts allow.
    #[serde(default)]
    pub possible_levels: Option<LevelSet>,
    /// Online services: the online share the level rests on.
    #[serde(default)]
    pub online_share: Option<Share>,
    /// The score at full precision.
    #[serde(default)]
    pub exact: Option<Decimal>,
    /// The score rounded for display, at the profile's fixed scale.
    #[serde(default)]
    pub rounded: Option<Decimal>,
    /// What enters the total: exact (Điện Biên) or rounded (TT01).
    #[serde(default)]
    pub counted: Option<Decimal>,
}

/// The total score and the unit's rating.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Total {
    /// Sum of the exact indicator scores.
    pub exact: Decimal,
    /// The total as the profile reports it.
    pub value: Decimal,
    /// Maximum over the applicable indicators (18 when all apply).
    pub maximum: Decimal,
    /// Number of applicable indicators.
    pub applicable: u8,
    /// The figure the rating bands are applied to (see `notApplicable` and `ratingBasis`).
    pub rating_basis: Decimal,
    /// The rating; absent when no indicator applies.
    #[serde(default)]
    pub rating: Option<Rating>,
}

/// The officials' evaluation on the five per-dossier indicators (maximum 10).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfficialScore {
    /// The official's name; absent for the unit as a whole.
    #[serde(default)]
    pub name: Option<String>,
    /// Dossiers evaluated.
    pub dossiers: u64,
    /// Sum of the exact scores.
    #[serde(default)]
    pub exact: Option<Decimal>,
    /// The score as the profile reports it.
    #[serde(default)]
    pub value: Option<Decimal>,
    /// 10.
    pub maximum: u8,
    /// The band; absent without dossiers.
    #[serde(default)]
    pub band: Option<Rating>,
}

/// The officials' evaluation: the unit as a whole and each official given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Officials {
    /// All the unit's resolved dossiers.
    pub unit: OfficialScore,
    /// Each official, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub individuals: Vec<OfficialScore>,
}

/// The dossier figures of the report header, with totals resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct DossierFigures {
    pub received: u64,
    pub received_online: u64,
    pub received_direct: u64,
    pub carried_over: u64,
    pub resolved: u64,
    pub early: u64,
    pub on_time: u64,
    pub late: u64,
    pub pending_within_deadline: u64,
    pub pending_overdue: u64,
}

/// The whole scorecard of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// The version of tthc-score that computed it ([`crate::VERSION`]).
    pub library_version: Cow<'static, str>,
    /// Profile identifier.
    pub profile: Cow<'static, str>,
    /// The interpretations in force.
    pub interpretations: Interpretations,
    /// Period.
    pub period: Period,
    /// Unit.
    pub unit: Unit,
    /// Dossier figures.
    pub dossiers: DossierFigures,
    /// The nine indicators in the profile's order.
    pub indicators: Vec<IndicatorScore>,
    /// Total and rating.
    pub total: Total,
    /// Officials' evaluation.
    pub officials: Officials,
    /// Soft findings (inconsistencies that still allow scoring).
    pub findings: Vec<Finding>,
}

impl Scorecard {
    /// The score of one indicator.
    pub fn indicator(&self, id: IndicatorId) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|s| s.id == id)
    }

    /// Whether a finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}
