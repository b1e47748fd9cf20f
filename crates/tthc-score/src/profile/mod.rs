//! Rule profiles as data: what differs between provinces and the national tool — the
//! order of the indicators, the one-stop rule, rounding, bands, validity and the
//! interpretations. A profile is checked once ([`Profile::check`]) and becomes a
//! [`CheckedProfile`]; scoring takes only checked profiles.

mod band;
mod builtin;
mod choice;
mod interpretations;
#[cfg(feature = "schema")]
mod schema;

pub use band::{band_of, Band, Rating};
pub use builtin::{builtin, find, DEFAULT_PROFILE, DIEN_BIEN_2019, TT01_2018};
pub use choice::ProfileChoice;
pub(crate) use interpretations::parse_choice;
pub use interpretations::*;
#[cfg(feature = "schema")]
pub use schema::profile_schema;

use crate::base::rounding::{Rounding, MAX_DECIMALS};
use crate::base::Localized;
use crate::calendar::CalendarDate;
use crate::error::{Code, Problem};
use crate::indicator::IndicatorId;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How indicator scores and totals are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct RoundingPolicy {
    /// Rounding of halves (always half-up in the built-in profiles).
    pub strategy: Rounding,
    /// Decimals of an averaged (per-dossier) indicator.
    pub indicator_decimals: u32,
    /// Whether the total sums the rounded indicators (TT01) or the exact ones (Điện Biên).
    pub total_of_rounded_indicators: bool,
    /// Decimals of the total and of the officials' score.
    pub total_decimals: u32,
    /// Decimals of the maximum in the total row ("18,0").
    pub maximum_decimals: u32,
}

/// The one-stop desk rule: where the two profiles differ most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OneStopRule {
    /// Điện Biên (seed report \[R\]): 2 if 100 % of procedures are received and returned at the
    /// desk, 1 from 90 % to under 100 %, 0 under 90 %.
    DienBienShareAtDesk,
    /// TT01 Art. 13.5: 2 if the desk itself receives, appraises and approves at least 20 %
    /// (ministry, province, department), 50 % (district) or 100 % (commune) of the procedures;
    /// 1 if 100 % of non-exempt procedures are received and returned at the desk; 0 otherwise.
    Tt01ApprovedAtDesk,
}

/// A complete rule profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Profile {
    /// Identifier, e.g. `dien-bien-2019`.
    pub id: Cow<'static, str>,
    /// Name.
    pub name: Localized,
    /// The legal text it follows.
    pub source: String,
    /// The nine indicators in the order of the form (STT 1–9).
    pub order: [IndicatorId; 9],
    /// The one-stop desk rule.
    pub one_stop_rule: OneStopRule,
    /// Rounding.
    pub rounding: RoundingPolicy,
    /// Unit rating bands on the 18-point scale, by descending lower bound.
    #[cfg_attr(feature = "ts", tsify(type = "Band<RatingCode>[]"))]
    pub unit_bands: Vec<Band>,
    /// Officials' bands on the 10-point scale, by descending lower bound.
    #[cfg_attr(feature = "ts", tsify(type = "Band<OfficialBandCode>[]"))]
    pub official_bands: Vec<Band>,
    /// First day of the periods the profile governs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<CalendarDate>,
    /// Last day of the periods the profile governs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<CalendarDate>,
    /// Interpretations where the texts are silent.
    pub interpretations: Interpretations,
}

impl Profile {
    /// Checks a profile (built in, or loaded from a file) once: the order is a permutation
    /// of the nine indicators, the bands descend and end at zero, rounding keeps at most
    /// [`MAX_DECIMALS`] decimals. The checked profile is what scoring takes.
    ///
    /// # Errors
    /// The first problem found, with its path under `profile`.
    pub fn check(self) -> Result<CheckedProfile, Problem> {
        let mut seen = [false; 9];
        for id in self.order {
            let i = IndicatorId::ALL.iter().position(|x| *x == id).unwrap_or(0);
            if std::mem::replace(&mut seen[i], true) {
                return Err(Problem::new(
                    Code::InvalidValue,
                    "profile.order",
                    "Thứ tự chỉ số bị lặp",
                    "an indicator appears twice in the order",
                ));
            }
        }
        for (name, bands) in [
            ("unitBands", &self.unit_bands),
            ("officialBands", &self.official_bands),
        ] {
            let descending = bands.windows(2).all(|w| w[0].min > w[1].min);
            if !descending || bands.last().map(|b| b.min) != Some(Decimal::ZERO) {
                return Err(Problem::new(
                    Code::InvalidValue,
                    format!("profile.{name}"),
                    "Các khung xếp loại phải giảm dần và kết thúc ở 0",
                    "bands must descend and end at 0",
                ));
            }
        }
        let r = &self.rounding;
        let too_many = [
            ("indicatorDecimals", r.indicator_decimals),
            ("totalDecimals", r.total_decimals),
            ("maximumDecimals", r.maximum_decimals),
        ]
        .into_iter()
        .find(|(_, d)| *d > MAX_DECIMALS);
        if let Some((field, _)) = too_many {
            return Err(Problem::new(
                Code::InvalidValue,
                format!("profile.rounding.{field}"),
                format!("Số chữ số thập phân tối đa là {MAX_DECIMALS}"),
                format!("at most {MAX_DECIMALS} decimals (rounding stays exact up to there)"),
            ));
        }
        Ok(CheckedProfile(self))
    }
}

/// A profile that passed [`Profile::check`]: the only kind scoring accepts. It reads as a
/// [`Profile`] (`Deref`) and serializes as one; deserializing one runs the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CheckedProfile(Profile);

impl CheckedProfile {
    /// A built-in profile, checked by a test rather than at run time.
    pub(crate) const fn trusted(p: Profile) -> Self {
        CheckedProfile(p)
    }

    /// The profile's data.
    pub fn into_inner(self) -> Profile {
        self.0
    }
}

impl std::ops::Deref for CheckedProfile {
    type Target = Profile;
    fn deref(&self) -> &Profile {
        &self.0
    }
}

impl TryFrom<Profile> for CheckedProfile {
    type Error = Problem;
    fn try_from(p: Profile) -> Result<Self, Problem> {
        p.check()
    }
}

impl<'de> Deserialize<'de> for CheckedProfile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The check runs once the whole profile is read: its problem names the field
        // relative to the profile (`order`, `rounding.totalDecimals`).
        <Profile as Deserialize>::deserialize(d)?
            .check()
            .map_err(|p| crate::error::checked_within(p, "profile"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_by_name() {
        let mut o = InterpretationOverrides::default();
        o.set("levelSource", "facts").unwrap();
        assert_eq!(
            o.apply(Interpretations::default()).level_source,
            LevelSource::Facts
        );
        assert_eq!(
            o.set("levelSource", "x").unwrap_err().code,
            Code::UnknownInterpretation
        );
        assert_eq!(
            o.set("nope", "x").unwrap_err().code,
            Code::UnknownInterpretation
        );
    }

    #[test]
    fn a_bad_profile_is_refused_once_and_for_all() {
        let mut p = find("tt01-2018").unwrap().clone().into_inner();
        p.order[1] = p.order[0];
        assert_eq!(p.clone().check().unwrap_err().path, "profile.order");
        let json = serde_json::to_string(&p).unwrap();
        assert!(serde_json::from_str::<CheckedProfile>(&json).is_err());
        let good = serde_json::to_string(find("tt01-2018").unwrap()).unwrap();
        let back: CheckedProfile = serde_json::from_str(&good).unwrap();
        assert_eq!(&back, find("tt01-2018").unwrap());
    }
}

crate::base::objects_only!(RoundingPolicy, Profile);
