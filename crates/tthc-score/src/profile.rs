//! Rule profiles as data: what differs between provinces and the national tool.
//!
//! Two are built in: `dien-bien-2019` (default; what the seed report shows) and
//! `tt01-2018` (Circular 01/2018/TT-VPCP as written). A profile can be listed, inspected,
//! serialized, and loaded from JSON, so a province can bring its own.

use crate::error::{Code, Localized, Problem};
use crate::indicator::IndicatorId;
use crate::rounding::Rounding;
use crate::rules::{OneStopRule, OnlineShareBase};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

/// A calendar date (no time, no zone), "YYYY-MM-DD" in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

impl CalendarDate {
    /// A date, or `None` if it does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<CalendarDate> {
        (1..=12)
            .contains(&month)
            .then(|| days_in_month(year, month))
            .filter(|&n| (1..=n).contains(&day))
            .map(|_| CalendarDate { year, month, day })
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let mut it = s.split('-');
        let parsed = (|| {
            let y = it.next()?.parse().ok()?;
            let m = it.next()?.parse().ok()?;
            let day = it.next()?.parse().ok()?;
            if it.next().is_some() || s.len() != 10 {
                return None;
            }
            CalendarDate::new(y, m, day)
        })();
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid value: expected a date YYYY-MM-DD, got {s:?}"
            ))
        })
    }
}

/// A rating band: values at or above `min` (and below the next band's `min`) get `code`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Band {
    /// Inclusive lower bound.
    pub min: Decimal,
    /// Stable code (e.g. `excellent`).
    pub code: Cow<'static, str>,
    /// Label.
    pub label: Localized,
}

/// Picks the band of `value` from bands sorted by descending `min`. Lower bounds are
/// inclusive: a total of exactly 15 is "Xuất sắc" (TT01 Art. 15).
pub fn band_of(bands: &[Band], value: Decimal) -> Option<&Band> {
    bands.iter().find(|b| value >= b.min)
}

/// How indicator scores and totals are rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LateAttitude {
    /// \[D\] default: 0 points (2 needs "early", 1 needs "on time").
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

fn parse_choice<T: for<'de> Deserialize<'de>>(name: &str, value: &str) -> Result<T, Problem> {
    use serde::de::value::{Error, StrDeserializer};
    T::deserialize(StrDeserializer::<Error>::new(value)).map_err(|e| {
        Problem::new(
            Code::UnknownInterpretation,
            format!("interpretations.{name}"),
            format!("Giá trị không hợp lệ cho cách hiểu {name}: {value:?} ({e})"),
            format!("invalid value for interpretation {name}: {value:?} ({e})"),
        )
    })
}

impl InterpretationOverrides {
    /// Sets one override from its camelCase name and value, e.g. `("levelSource", "facts")`.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), Problem> {
        match name {
            "levelSource" => self.level_source = Some(parse_choice(name, value)?),
            "onlineShareBase" => self.online_share_base = Some(parse_choice(name, value)?),
            "onlineHighShareLowDeployment" => {
                self.online_high_share_low_deployment = Some(parse_choice(name, value)?)
            }
            "notApplicable" => self.not_applicable = Some(parse_choice(name, value)?),
            "ratingBasis" => self.rating_basis = Some(parse_choice(name, value)?),
            "lateAttitude" => self.late_attitude = Some(parse_choice(name, value)?),
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

/// A complete rule profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    pub unit_bands: Vec<Band>,
    /// Officials' bands on the 10-point scale, by descending lower bound.
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

fn band(min: Decimal, code: &'static str, vi: &'static str, en: &'static str) -> Band {
    Band {
        min,
        code: code.into(),
        label: Localized::new(vi, en),
    }
}

/// TT01 Art. 15: ≥ 15 Xuất sắc; 12 to < 15 Tốt; 9 to < 12 Khá; 6 to < 9 Trung bình; < 6 Yếu.
fn unit_bands() -> Vec<Band> {
    vec![
        band(Decimal::from(15), "excellent", "Xuất sắc", "Excellent"),
        band(Decimal::from(12), "good", "Tốt", "Good"),
        band(Decimal::from(9), "fair", "Khá", "Fair"),
        band(Decimal::from(6), "average", "Trung bình", "Average"),
        band(Decimal::ZERO, "weak", "Yếu", "Weak"),
    ]
}

/// TT01 Art. 15 (officials, maximum 10): ≥ 5 completed 100 % of duties; 3.5 to < 5:
/// 70 % to under 100 %; < 3.5: under 70 %.
fn official_bands() -> Vec<Band> {
    vec![
        band(
            Decimal::from(5),
            "completed100",
            "Hoàn thành 100% nhiệm vụ",
            "Completed 100% of duties",
        ),
        band(
            Decimal::new(35, 1),
            "completed70",
            "Hoàn thành từ 70% đến dưới 100% nhiệm vụ",
            "Completed 70% to under 100% of duties",
        ),
        band(
            Decimal::ZERO,
            "below70",
            "Hoàn thành dưới 70% nhiệm vụ",
            "Completed under 70% of duties",
        ),
    ]
}

use IndicatorId::*;

/// The Điện Biên profile: what report 205/BC-UBND (Q2 2021) shows under Decision
/// 1187/QĐ-UBND of 13/11/2019. Attitude is 5th; indicator scores are kept exact and
/// shown with 2 decimals; the total is the exact sum rounded to 2 decimals ("16,74").
/// Validity \[D\]: from the decision (13/11/2019) until its basis, Decree 61/2018 and TT01,
/// was replaced by Decree 118/2025 (30/06/2025).
pub static DIEN_BIEN_2019: LazyLock<Profile> = LazyLock::new(|| {
    Profile {
    id: "dien-bien-2019".into(),
    name: Localized::new(
        "Điện Biên (Quyết định 1187/QĐ-UBND ngày 13/11/2019)",
        "Điện Biên (Decision 1187/QĐ-UBND of 13/11/2019)",
    ),
    source: "Decision 1187/QĐ-UBND of Điện Biên province (13/11/2019), as applied in report 205/BC-UBND (22/6/2021)".into(),
    order: [TotalTime, AgencyTime, Contacts, Agencies, Attitude, OneStop, Publicity, Feedback, OnlineServices],
    one_stop_rule: OneStopRule::DienBienShareAtDesk,
    rounding: RoundingPolicy {
        strategy: Rounding::HalfUp,
        indicator_decimals: 2,
        total_of_rounded_indicators: false,
        total_decimals: 2,
        maximum_decimals: 1,
    },
    unit_bands: unit_bands(),
    official_bands: official_bands(),
    valid_from: CalendarDate::new(2019, 11, 13),
    valid_until: CalendarDate::new(2025, 6, 30),
    interpretations: Interpretations::default(),
}
});

/// The national profile: Circular 01/2018/TT-VPCP as written. One-stop is 5th, attitude
/// 7th; each averaged indicator is rounded to 1 decimal and the total is the sum of the
/// rounded indicators (Art. 15). Applies to periods from 06/01/2019 (entry into force) to
/// 30/06/2025 (Decree 118/2025 replaced Decree 61/2018 from 01/07/2025).
pub static TT01_2018: LazyLock<Profile> = LazyLock::new(|| Profile {
    id: "tt01-2018".into(),
    name: Localized::new(
        "Toàn quốc (Thông tư 01/2018/TT-VPCP)",
        "National (Circular 01/2018/TT-VPCP)",
    ),
    source: "Circular 01/2018/TT-VPCP, Art. 13–15".into(),
    order: [
        TotalTime,
        AgencyTime,
        Contacts,
        Agencies,
        OneStop,
        Publicity,
        Attitude,
        Feedback,
        OnlineServices,
    ],
    one_stop_rule: OneStopRule::Tt01ApprovedAtDesk,
    rounding: RoundingPolicy {
        strategy: Rounding::HalfUp,
        indicator_decimals: 1,
        total_of_rounded_indicators: true,
        total_decimals: 1,
        maximum_decimals: 1,
    },
    unit_bands: unit_bands(),
    official_bands: official_bands(),
    valid_from: CalendarDate::new(2019, 1, 6),
    valid_until: CalendarDate::new(2025, 6, 30),
    interpretations: Interpretations::default(),
});

/// The identifier of the default profile.
pub const DEFAULT_PROFILE: &str = "dien-bien-2019";

/// The built-in profiles, the default first.
pub fn builtin() -> [&'static Profile; 2] {
    [&DIEN_BIEN_2019, &TT01_2018]
}

/// A built-in profile by identifier.
pub fn find(id: &str) -> Result<&'static Profile, Problem> {
    builtin().into_iter().find(|p| p.id == id).ok_or_else(|| {
        let known = builtin().map(|p| p.id.as_ref()).join(", ");
        Problem::new(
            Code::UnknownProfile,
            "profile",
            format!("Không có bộ quy tắc {id:?}; các bộ có sẵn: {known}"),
            format!("no profile {id:?}; built-in profiles: {known}"),
        )
    })
}

impl Profile {
    /// Checks a (loaded) profile: the order is a permutation of the nine indicators and the
    /// bands descend and end at zero.
    pub fn check(&self) -> Result<(), Problem> {
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
        if self.rounding.indicator_decimals > 10
            || self.rounding.total_decimals > 10
            || self.rounding.maximum_decimals > 10
        {
            return Err(Problem::new(
                Code::InvalidValue,
                "profile.rounding",
                "Số chữ số thập phân tối đa là 10",
                "at most 10 decimals",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtins_are_consistent() {
        for p in builtin() {
            p.check().unwrap();
        }
        assert_eq!(find("tt01-2018").unwrap().order[4], OneStop);
        assert_eq!(find("nope").unwrap_err().code, Code::UnknownProfile);
    }

    #[test]
    fn inclusive_lower_bounds() {
        let b = unit_bands();
        assert_eq!(band_of(&b, Decimal::from(15)).unwrap().code, "excellent");
        assert_eq!(band_of(&b, Decimal::new(1499, 2)).unwrap().code, "good");
        assert_eq!(band_of(&b, Decimal::ZERO).unwrap().code, "weak");
        let o = official_bands();
        assert_eq!(
            band_of(&o, Decimal::new(35, 1)).unwrap().code,
            "completed70"
        );
        assert_eq!(band_of(&o, Decimal::new(349, 2)).unwrap().code, "below70");
    }

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
    fn dates() {
        assert!(CalendarDate::new(2024, 2, 29).is_some());
        assert!(CalendarDate::new(2023, 2, 29).is_none());
        let d: CalendarDate = serde_json::from_str("\"2019-01-06\"").unwrap();
        assert_eq!(d.to_string(), "2019-01-06");
        assert!(serde_json::from_str::<CalendarDate>("\"2019-1-6\"").is_err());
    }
}
