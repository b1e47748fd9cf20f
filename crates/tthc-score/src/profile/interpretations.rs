//! The interpretations we chose where the texts are silent (rules.md \[D\]): each a named
//! policy with a documented default, switchable per profile and per call.

use crate::error::{Code, Problem};
use serde::{Deserialize, Serialize};

/// Which level counts when a per-unit indicator has both a declared level and facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelSource {
    /// \[D\] default: the declared level (the form is a self-assessment, "điểm tự đánh giá");
    /// facts that contradict it raise a finding with the corrected total.
    Declared,
    /// The level the facts determine; the declared level only where the facts do not.
    Facts,
}

/// How the 1-point band of online services treats ≥ 30 % online with < 20 % deployed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OnlineHighShareLowDeployment {
    /// \[D\] default: 1 point (the "under 30 %" only separates band 1 from band 2).
    LevelOne,
    /// 0 points (the 1-point band read literally, 15 % to under 30 %).
    LevelZero,
}

/// What happens when an indicator is not applicable (TT01 Art. 15: not counted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum NotApplicablePolicy {
    /// \[D\] default: the total is over the applicable indicators with a reduced maximum, and
    /// the rating uses total × 18 / reduced maximum.
    ScaleToMaximum,
    /// The total and the rating use the applicable indicators only, without scaling.
    Unscaled,
}

/// Which figure the rating bands are applied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RatingBasis {
    /// \[D\] default: the total as reported, after the profile's rounding.
    ReportedTotal,
    /// The exact total, before rounding.
    ExactTotal,
}

/// How a late dossier without a complaint is graded on attitude (used by the consistency check).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LateAttitude {
    /// \[D\] default: 0 points (2 needs "early", 1 needs "on time").
    #[default]
    Zero,
    /// 1 point.
    One,
}

/// The interpretations we chose where the texts are silent, each switchable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Interpretations {
    /// `levelSource`: declared level or facts.
    pub level_source: LevelSource,
    /// `onlineShareBase`: the denominator of the online share.
    pub online_share_base: OnlineShareBase,
    /// `onlineHighShareLowDeployment`.
    pub online_high_share_low_deployment: OnlineHighShareLowDeployment,
    /// `notApplicable`: the missing-data policy.
    pub not_applicable: NotApplicablePolicy,
    /// `ratingBasis`.
    pub rating_basis: RatingBasis,
    /// `lateAttitude`.
    pub late_attitude: LateAttitude,
}

impl Default for Interpretations {
    fn default() -> Self {
        Interpretations {
            level_source: LevelSource::Declared,
            online_share_base: OnlineShareBase::AllReceived,
            online_high_share_low_deployment: OnlineHighShareLowDeployment::LevelOne,
            not_applicable: NotApplicablePolicy::ScaleToMaximum,
            rating_basis: RatingBasis::ReportedTotal,
            late_attitude: LateAttitude::Zero,
        }
    }
}

/// Overrides of some interpretations (absent fields keep the profile's choice).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct InterpretationOverrides {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_source: Option<LevelSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_share_base: Option<OnlineShareBase>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_high_share_low_deployment: Option<OnlineHighShareLowDeployment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<NotApplicablePolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating_basis: Option<RatingBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_attitude: Option<LateAttitude>,
}

/// One choice of a named policy from its text, e.g. `("interpretations.levelSource",
/// "facts")`: the value as serde names it; `UNKNOWN_INTERPRETATION` at `path` otherwise.
pub(crate) fn parse_choice<T: for<'de> Deserialize<'de>>(
    path: &str,
    value: &str,
) -> Result<T, Problem> {
    use serde::de::value::{Error, StrDeserializer};
    let name = path.rsplit('.').next().unwrap_or(path);
    T::deserialize(StrDeserializer::<Error>::new(value)).map_err(|e| {
        Problem::new(
            Code::UnknownInterpretation,
            path,
            format!("Giá trị không hợp lệ cho cách hiểu {name}: {value:?} ({e})"),
            format!("invalid value for interpretation {name}: {value:?} ({e})"),
        )
    })
}

impl InterpretationOverrides {
    /// Sets one override from its camelCase name and value, e.g. `("levelSource", "facts")`.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Problem> {
        let path = format!("interpretations.{name}");
        match name {
            "levelSource" => self.level_source = Some(parse_choice(&path, value)?),
            "onlineShareBase" => self.online_share_base = Some(parse_choice(&path, value)?),
            "onlineHighShareLowDeployment" => {
                self.online_high_share_low_deployment = Some(parse_choice(&path, value)?)
            }
            "notApplicable" => self.not_applicable = Some(parse_choice(&path, value)?),
            "ratingBasis" => self.rating_basis = Some(parse_choice(&path, value)?),
            "lateAttitude" => self.late_attitude = Some(parse_choice(&path, value)?),
            _ => {
                return Err(Problem::new(
                    Code::UnknownInterpretation,
                    format!("interpretations.{name}"),
                    format!("Không có cách hiểu tên {name:?}"),
                    format!("no interpretation is named {name:?}"),
                ))
            }
        }
        Ok(())
    }

    /// Applies the overrides to `base`.
    pub fn apply(&self, base: Interpretations) -> Interpretations {
        Interpretations {
            level_source: self.level_source.unwrap_or(base.level_source),
            online_share_base: self.online_share_base.unwrap_or(base.online_share_base),
            online_high_share_low_deployment: self
                .online_high_share_low_deployment
                .unwrap_or(base.online_high_share_low_deployment),
            not_applicable: self.not_applicable.unwrap_or(base.not_applicable),
            rating_basis: self.rating_basis.unwrap_or(base.rating_basis),
            late_attitude: self.late_attitude.unwrap_or(base.late_attitude),
        }
    }
}

/// What the online share is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OnlineShareBase {
    /// \[D\] default: received online / all dossiers received in the period (carried over included).
    AllReceived,
    /// Received online / (online + direct), leaving out dossiers carried over.
    NewlyReceived,
}
