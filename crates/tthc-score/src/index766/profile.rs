//! Ratio-index profiles as data (Decision 766/QĐ-TTg and a province's corrections): groups
//! of indicators, each with its maximum, its conversion from ratio to points, its
//! zero-denominator treatment and its provenance. Checked once
//! ([`IndexProfile::check`]) into a [`CheckedIndexProfile`], which is what scoring takes.

use super::number;
use crate::base::rounding::{Rounding, MAX_DECIMALS};
use crate::base::{Localized, ParseNameError};
use crate::calendar::CalendarDate;
use crate::error::{Code, Problem};
use crate::input::UnitLevel;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;

/// The largest maximum, weight or cap a profile may use (keeps every product exact).
pub const MAX_POINTS: u32 = 1000;

/// Which scoring model a profile belongs to; a ratio-index profile says `ratioIndex`, so
/// that a front end can tell it from a 9-indicator profile (which has no `model`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Model {
    /// Indicators that are ratios numerator ÷ denominator, converted to points (Decision 766).
    RatioIndex,
}

/// How an indicator whose denominator is zero (nothing to measure) is scored. Named and
/// switchable: the texts say only that such a score "shows as 0 or N/A" (index-766.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum ZeroDenominator {
    /// Not applicable: the indicator is excluded and the maximum reduced by its points.
    NotApplicable,
    /// Zero points, maximum unchanged.
    Zero,
    /// Full points (the portal's rule for feedback: no feedback at all gives 6 points each
    /// to 5.2 and 5.3, index-766.md, October 2026 update).
    Full,
}

impl ZeroDenominator {
    /// The name in profiles and in `--set zeroDenominator=…`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ZeroDenominator::NotApplicable => "notApplicable",
            ZeroDenominator::Zero => "zero",
            ZeroDenominator::Full => "full",
        }
    }
}

impl std::str::FromStr for ZeroDenominator {
    type Err = ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "notApplicable" => Ok(ZeroDenominator::NotApplicable),
            "zero" => Ok(ZeroDenominator::Zero),
            "full" => Ok(ZeroDenominator::Full),
            _ => Err(ParseNameError::new(
                "zeroDenominator",
                s,
                ["notApplicable", "zero", "full"],
            )),
        }
    }
}

/// How the parts of a weighted sum (the online payment, 3.6 = 6A + min(2, 2.5B) + 2.5C)
/// are rounded. Named and switchable: the October 2026 update rounds "each indicator" to 2
/// decimals and writes the payment as one formula, while the structure table lists its parts
/// (3.5, 3.5b, 3.6) as indicators of their own (index-766.md). They differ by 0.01 at most.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum PartRounding {
    /// Default: the parts added exactly, the sum rounded once (the formula is one indicator).
    #[default]
    Once,
    /// Each part rounded as an indicator, then added (the table's three indicators).
    EachPart,
}

impl PartRounding {
    /// The name in profiles and in `--set partRounding=…`.
    pub const fn as_str(self) -> &'static str {
        match self {
            PartRounding::Once => "once",
            PartRounding::EachPart => "eachPart",
        }
    }

    fn is_once(&self) -> bool {
        *self == PartRounding::Once
    }
}

impl std::str::FromStr for PartRounding {
    type Err = ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "once" => Ok(PartRounding::Once),
            "eachPart" => Ok(PartRounding::EachPart),
            _ => Err(ParseNameError::new("partRounding", s, ["once", "eachPart"])),
        }
    }
}

/// How sure a figure is (index-766.md, "Confidence").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase")]
pub enum Confidence {
    /// Low.
    Low,
    /// Between low and medium ("medium-low", "low-medium").
    MediumLow,
    /// Medium.
    Medium,
    /// High.
    High,
}

impl Confidence {
    /// The word in both languages.
    pub const fn label(self) -> Localized {
        match self {
            Confidence::Low => Localized::fixed("thấp", "low"),
            Confidence::MediumLow => Localized::fixed("trung bình–thấp", "medium-low"),
            Confidence::Medium => Localized::fixed("trung bình", "medium"),
            Confidence::High => Localized::fixed("cao", "high"),
        }
    }
}

/// Where a figure comes from and how sure it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Provenance {
    /// Source keys (see [`IndexProfile::sources`]), e.g. `["F", "M"]`.
    #[serde(default)]
    pub sources: Vec<Cow<'static, str>>,
    /// How sure the figure is.
    pub confidence: Confidence,
    /// The figure is our inference, not read in a source.
    #[serde(default)]
    pub inferred: bool,
    /// A remark (what exactly is inferred, which sources disagree).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<LocalizedSchema>"))]
    pub note: Option<Localized>,
}

/// A source key and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct SourceKey {
    /// The key, e.g. `F`.
    pub key: Cow<'static, str>,
    /// What it is.
    pub description: Cow<'static, str>,
}

/// How a ratio becomes points. R is the ratio in percent (numerator ÷ denominator × 100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "kind", rename_all = "camelCase", deny_unknown_fields)]
pub enum Conversion {
    /// R × max / 100.
    Linear,
    /// Max if R ≥ T, else R × max / T (T in percent).
    #[serde(rename_all = "camelCase")]
    Saturating {
        /// The threshold T in percent, above 0 and at most 100.
        #[serde(with = "number")]
        #[cfg_attr(feature = "schema", schemars(with = "number::DecimalText"))]
        threshold: Decimal,
    },
    /// The ratio counts what is wrong: points from 100 % − R (at least 0), linear, or
    /// saturating at `threshold` when one is given.
    #[serde(rename_all = "camelCase")]
    Complement {
        /// The threshold T in percent for 100 % − R, if any.
        #[serde(
            default,
            with = "number::option",
            skip_serializing_if = "Option::is_none"
        )]
        #[cfg_attr(feature = "schema", schemars(with = "Option<number::DecimalText>"))]
        threshold: Option<Decimal>,
    },
    /// Σ min(cap, weight × ratio) over named parts, each a ratio 0–1 of its own, capped
    /// at the indicator's maximum (the payment formula 6A + min(2, 2.5B) + 2.5C).
    #[serde(rename_all = "camelCase")]
    WeightedSum {
        /// The parts.
        parts: Vec<WeightedPart>,
    },
    /// Shown only, 0 points (e.g. the average resolution time).
    ShownOnly,
}

impl Conversion {
    /// The conversion's name in both languages.
    pub fn label(&self) -> Localized {
        match self {
            Conversion::Linear => Localized::fixed("tuyến tính", "linear"),
            Conversion::Saturating { threshold } => Localized::each(|l| match l {
                crate::base::Lang::Vi => format!(
                    "bão hòa ở {} %",
                    crate::base::number::decimal(*threshold, l)
                ),
                crate::base::Lang::En => format!(
                    "saturating at {} %",
                    crate::base::number::decimal(*threshold, l)
                ),
            }),
            Conversion::Complement { .. } => {
                Localized::fixed("phần bù 100 % − R", "complement 100 % − R")
            }
            Conversion::WeightedSum { .. } => Localized::fixed("tổng có trọng số", "weighted sum"),
            Conversion::ShownOnly => Localized::fixed("chỉ hiển thị", "shown only"),
        }
    }
}

/// One part of a weighted sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct WeightedPart {
    /// The part's id in the input (`a`, `b`, `c`).
    pub id: Cow<'static, str>,
    /// What the ratio counts.
    #[cfg_attr(feature = "schema", schemars(with = "LocalizedSchema"))]
    pub name: Localized,
    /// Points for a ratio of 1.
    #[serde(with = "number")]
    #[cfg_attr(feature = "schema", schemars(with = "number::DecimalText"))]
    pub weight: Decimal,
    /// The most points the part gives, if less than its weight.
    #[serde(
        default,
        with = "number::option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "Option<number::DecimalText>"))]
    pub cap: Option<Decimal>,
}

/// One indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndexIndicator {
    /// Id, unique in the profile (`1.1`); the key of its counts in the input.
    pub id: Cow<'static, str>,
    /// Name.
    #[cfg_attr(feature = "schema", schemars(with = "LocalizedSchema"))]
    pub name: Localized,
    /// Maximum points (0 for a shown-only indicator).
    #[serde(with = "number")]
    #[cfg_attr(feature = "schema", schemars(with = "number::DecimalText"))]
    pub maximum: Decimal,
    /// Ratio to points.
    pub conversion: Conversion,
    /// Its own zero-denominator treatment, which the profile's default (and its override)
    /// does not change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_denominator: Option<ZeroDenominator>,
    /// Whether last year's total stands in for a zero denominator: ÷ 12 for a month, ÷ 4
    /// for a quarter, ÷ 1 for a year (1.4, index-766.md; the year's ÷ 1 is inferred). The
    /// input then may give `lastYearTotal`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub last_year_fallback: bool,
    /// Whether the numerator may exceed the denominator: a sum of two rates (5.4, a
    /// complement), or a total over a count (2.2, an average time); never over a zero one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numerator_may_exceed: bool,
    /// Where the maximum and the conversion come from.
    pub provenance: Provenance,
}

/// A group of indicators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Group {
    /// Id (`1` … `5`).
    pub id: Cow<'static, str>,
    /// Name.
    #[cfg_attr(feature = "schema", schemars(with = "LocalizedSchema"))]
    pub name: Localized,
    /// Maximum points: the sum of its indicators' maxima.
    #[serde(with = "number")]
    #[cfg_attr(feature = "schema", schemars(with = "number::DecimalText"))]
    pub maximum: Decimal,
    /// Where the group's maximum comes from.
    pub provenance: Provenance,
    /// The indicators.
    pub indicators: Vec<IndexIndicator>,
}

/// A band: totals at or above `min` (and below the next band's) get it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndexBand {
    /// Inclusive lower bound.
    #[serde(with = "number")]
    #[cfg_attr(feature = "schema", schemars(with = "number::DecimalText"))]
    pub min: Decimal,
    /// Stable code, e.g. `excellent`.
    pub code: Cow<'static, str>,
    /// Label.
    #[cfg_attr(feature = "schema", schemars(with = "LocalizedSchema"))]
    pub label: Localized,
}

/// A ratio-index profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndexProfile {
    /// Identifier, e.g. `vn-766`.
    pub id: Cow<'static, str>,
    /// Always `ratioIndex`.
    pub model: Model,
    /// Name.
    #[cfg_attr(feature = "schema", schemars(with = "LocalizedSchema"))]
    pub name: Localized,
    /// The text it follows.
    pub source: Cow<'static, str>,
    /// The source keys used in provenances.
    #[serde(default)]
    pub sources: Vec<SourceKey>,
    /// First day of the periods it governs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub valid_from: Option<CalendarDate>,
    /// Last day of the periods it governs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub valid_until: Option<CalendarDate>,
    /// The unit levels it is for.
    pub unit_levels: Vec<UnitLevel>,
    /// Maximum points: the sum of the groups' maxima.
    #[serde(with = "number")]
    #[cfg_attr(feature = "schema", schemars(with = "number::DecimalText"))]
    pub maximum: Decimal,
    /// Decimals of each indicator's points (groups and total add the rounded points).
    pub decimals: u32,
    /// Rounding of halves.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub rounding: Rounding,
    /// The default zero-denominator treatment.
    pub zero_denominator: ZeroDenominator,
    /// How the parts of a weighted sum are rounded (default `once`).
    #[serde(default, skip_serializing_if = "PartRounding::is_once")]
    pub part_rounding: PartRounding,
    /// Bands by descending lower bound, ending at 0; none when the profile has none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<IndexBand>,
    /// Where the bands come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bands_provenance: Option<Provenance>,
    /// The groups.
    pub groups: Vec<Group>,
}

/// JSON Schema of a [`Localized`] text.
#[cfg(feature = "schema")]
#[derive(schemars::JsonSchema)]
#[allow(dead_code)]
struct LocalizedSchema {
    vi: String,
    en: String,
}

fn bad(code: Code, path: String, vi: String, en: String) -> Problem {
    Problem::new(code, path, vi, en)
}

fn check_conversion(i: &IndexIndicator, at: &str) -> Result<(), Problem> {
    let conv = |vi: &str, en: &str| {
        Err(bad(
            Code::ConversionInvalid,
            format!("{at}.conversion"),
            format!("Chỉ số {}: {vi}", i.id),
            format!("indicator {}: {en}", i.id),
        ))
    };
    let threshold_ok = |t: Decimal| t > Decimal::ZERO && t <= Decimal::ONE_HUNDRED;
    match &i.conversion {
        Conversion::ShownOnly if !i.maximum.is_zero() => {
            return conv(
                "chỉ số chỉ hiển thị phải có điểm tối đa 0",
                "a shown-only indicator has maximum 0",
            )
        }
        Conversion::ShownOnly => {}
        _ if i.maximum.is_zero() => {
            return conv(
                "điểm tối đa phải lớn hơn 0 (hoặc dùng shownOnly)",
                "the maximum must be above 0 (or use shownOnly)",
            )
        }
        Conversion::Saturating { threshold }
        | Conversion::Complement {
            threshold: Some(threshold),
        } if !threshold_ok(*threshold) => {
            return conv(
                "ngưỡng phải lớn hơn 0 % và không quá 100 %",
                "the threshold must be above 0 % and at most 100 %",
            )
        }
        Conversion::WeightedSum { parts } => {
            if parts.is_empty() {
                return conv(
                    "tổng có trọng số cần ít nhất một phần",
                    "a weighted sum needs parts",
                );
            }
            let mut ids = BTreeSet::new();
            let mut reach = Decimal::ZERO;
            for (k, p) in parts.iter().enumerate() {
                if !ids.insert(p.id.as_ref()) {
                    return Err(bad(
                        Code::IdRepeated,
                        format!("{at}.conversion.parts[{k}].id"),
                        format!("Phần {:?} bị lặp", p.id),
                        format!("part {:?} appears twice", p.id),
                    ));
                }
                let limit = Decimal::from(MAX_POINTS);
                if p.weight.is_zero()
                    || p.weight > limit
                    || p.cap.is_some_and(|c| c.is_zero() || c > limit)
                {
                    return conv(
                        "trọng số và mức trần phải lớn hơn 0 và không quá 1000",
                        "weights and caps must be above 0 and at most 1000",
                    );
                }
                reach += p.cap.map_or(p.weight, |c| c.min(p.weight));
            }
            if reach < i.maximum {
                return conv(
                    "các phần không thể đạt điểm tối đa",
                    "the parts cannot reach the maximum",
                );
            }
        }
        _ => {}
    }
    // The flags name one kind of indicator each: a stand-in denominator is a ratio's
    // (1.4); a numerator above its denominator is two rates' (a complement, 5.4) or a total
    // over a count (shown only, 2.2). Elsewhere they would give numbers that mean nothing.
    let flag = |name: &str, vi: &str, en: &str| {
        Err(bad(
            Code::ConversionInvalid,
            format!("{at}.{name}"),
            format!("Chỉ số {}: {vi}", i.id),
            format!("indicator {}: {en}", i.id),
        ))
    };
    let ratio = matches!(
        i.conversion,
        Conversion::Linear | Conversion::Saturating { .. }
    );
    if i.last_year_fallback && !ratio {
        return flag(
            "lastYearFallback",
            "chỉ chỉ số tỷ lệ tuyến tính hoặc bão hòa mới dùng tổng năm trước thay mẫu số 0",
            "only a linear or saturating ratio takes last year's total for a zero denominator",
        );
    }
    let may_exceed = matches!(
        i.conversion,
        Conversion::Complement { .. } | Conversion::ShownOnly
    );
    if i.numerator_may_exceed && !may_exceed {
        return flag(
            "numeratorMayExceed",
            "chỉ chỉ số phần bù hoặc chỉ hiển thị mới có tử số lớn hơn mẫu số",
            "only a complement or a shown-only indicator may have a numerator above its denominator",
        );
    }
    Ok(())
}

impl IndexProfile {
    /// Checks a profile once: unique ids, each group's maximum the sum of its
    /// indicators', the profile's the sum of its groups', conversions that apply
    /// (thresholds in (0, 100] %), bands descending to 0, at most [`MAX_DECIMALS`]
    /// decimals, at least one unit level.
    ///
    /// # Errors
    /// The first problem found, with its path under `profile`.
    pub fn check(self) -> Result<CheckedIndexProfile, Problem> {
        let limit = Decimal::from(MAX_POINTS);
        if self.maximum > limit {
            return Err(bad(
                Code::InvalidValue,
                "profile.maximum".into(),
                format!("Điểm tối đa không quá {MAX_POINTS}"),
                format!("the maximum is at most {MAX_POINTS}"),
            ));
        }
        if self.decimals > MAX_DECIMALS {
            return Err(bad(
                Code::InvalidValue,
                "profile.decimals".into(),
                format!("Số chữ số thập phân tối đa là {MAX_DECIMALS}"),
                format!("at most {MAX_DECIMALS} decimals (rounding stays exact up to there)"),
            ));
        }
        if let (Some(from), Some(until)) = (self.valid_from, self.valid_until) {
            if until < from {
                return Err(bad(
                    Code::InvalidValue,
                    "profile.validUntil".into(),
                    "Ngày hết hiệu lực trước ngày bắt đầu".into(),
                    "validUntil is before validFrom".into(),
                ));
            }
        }
        if self.unit_levels.is_empty() {
            return Err(bad(
                Code::InvalidValue,
                "profile.unitLevels".into(),
                "Cần ít nhất một cấp đơn vị".into(),
                "at least one unit level".into(),
            ));
        }
        self.decimals_fit()?;
        let mut groups = BTreeSet::new();
        let mut indicators = BTreeSet::new();
        let mut sum = Decimal::ZERO;
        for (g, group) in self.groups.iter().enumerate() {
            let gat = format!("profile.groups[{g}]");
            if !groups.insert(group.id.as_ref()) {
                return Err(bad(
                    Code::IdRepeated,
                    format!("{gat}.id"),
                    format!("Nhóm {:?} bị lặp", group.id),
                    format!("group {:?} appears twice", group.id),
                ));
            }
            let mut gsum = Decimal::ZERO;
            for (k, i) in group.indicators.iter().enumerate() {
                let at = format!("{gat}.indicators[{k}]");
                if !indicators.insert(i.id.as_ref()) {
                    return Err(bad(
                        Code::IdRepeated,
                        format!("{at}.id"),
                        format!("Chỉ số {:?} bị lặp", i.id),
                        format!("indicator {:?} appears twice", i.id),
                    ));
                }
                if i.maximum > limit {
                    return Err(bad(
                        Code::InvalidValue,
                        format!("{at}.maximum"),
                        format!("Điểm tối đa không quá {MAX_POINTS}"),
                        format!("the maximum is at most {MAX_POINTS}"),
                    ));
                }
                check_conversion(i, &at)?;
                gsum += i.maximum;
            }
            if gsum != group.maximum {
                return Err(bad(
                    Code::MaximaMismatch,
                    format!("{gat}.maximum"),
                    format!(
                        "Nhóm {}: điểm tối đa {} khác tổng điểm tối đa các chỉ số {}",
                        group.id,
                        group.maximum.normalize(),
                        gsum.normalize()
                    ),
                    format!(
                        "group {}: maximum {} differs from the sum of its indicators' maxima {}",
                        group.id,
                        group.maximum.normalize(),
                        gsum.normalize()
                    ),
                ));
            }
            sum += group.maximum;
        }
        if sum != self.maximum {
            return Err(bad(
                Code::MaximaMismatch,
                "profile.maximum".into(),
                format!(
                    "Điểm tối đa {} khác tổng điểm tối đa các nhóm {}",
                    self.maximum.normalize(),
                    sum.normalize()
                ),
                format!(
                    "maximum {} differs from the sum of the groups' maxima {}",
                    self.maximum.normalize(),
                    sum.normalize()
                ),
            ));
        }
        if !self.bands.is_empty() {
            let descending = self.bands.windows(2).all(|w| w[0].min > w[1].min);
            let ends = self.bands.last().map(|b| b.min) == Some(Decimal::ZERO);
            let within = self.bands[0].min <= self.maximum;
            if !descending || !ends || !within {
                return Err(bad(
                    Code::BandsInvalid,
                    "profile.bands".into(),
                    "Các khung xếp loại phải giảm dần, không vượt điểm tối đa và kết thúc ở 0"
                        .into(),
                    "bands must descend, stay within the maximum and end at 0".into(),
                ));
            }
        }
        Ok(CheckedIndexProfile(self))
    }

    /// Every figure of the profile (maxima, thresholds, weights, caps, band bounds) has at
    /// most [`MAX_DECIMALS`] decimals, so that every product stays exact.
    fn decimals_fit(&self) -> Result<(), Problem> {
        let mut figures = vec![("maximum".to_string(), self.maximum)];
        for (k, b) in self.bands.iter().enumerate() {
            figures.push((format!("bands[{k}].min"), b.min));
        }
        for (g, group) in self.groups.iter().enumerate() {
            figures.push((format!("groups[{g}].maximum"), group.maximum));
            for (k, i) in group.indicators.iter().enumerate() {
                let at = format!("groups[{g}].indicators[{k}]");
                figures.push((format!("{at}.maximum"), i.maximum));
                match &i.conversion {
                    Conversion::Saturating { threshold }
                    | Conversion::Complement {
                        threshold: Some(threshold),
                    } => figures.push((format!("{at}.conversion.threshold"), *threshold)),
                    Conversion::WeightedSum { parts } => {
                        for (j, p) in parts.iter().enumerate() {
                            figures.push((format!("{at}.conversion.parts[{j}].weight"), p.weight));
                            if let Some(c) = p.cap {
                                figures.push((format!("{at}.conversion.parts[{j}].cap"), c));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        match figures
            .into_iter()
            .find(|(_, d)| d.normalize().scale() > MAX_DECIMALS)
        {
            Some((path, _)) => Err(bad(
                Code::InvalidValue,
                format!("profile.{path}"),
                format!("Tối đa {MAX_DECIMALS} chữ số thập phân"),
                format!("at most {MAX_DECIMALS} decimal places"),
            )),
            None => Ok(()),
        }
    }

    /// Every indicator with its group, in order.
    pub fn indicators(&self) -> impl Iterator<Item = (&Group, &IndexIndicator)> {
        self.groups
            .iter()
            .flat_map(|g| g.indicators.iter().map(move |i| (g, i)))
    }
}

/// A profile that passed [`IndexProfile::check`]: the only kind scoring accepts. It reads
/// as an [`IndexProfile`] (`Deref`) and serializes as one; deserializing one runs the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct CheckedIndexProfile(IndexProfile);

impl CheckedIndexProfile {
    /// A built-in profile, checked by a test rather than at run time.
    pub(crate) const fn trusted(p: IndexProfile) -> Self {
        CheckedIndexProfile(p)
    }

    /// The profile's data.
    pub fn into_inner(self) -> IndexProfile {
        self.0
    }
}

impl std::ops::Deref for CheckedIndexProfile {
    type Target = IndexProfile;
    fn deref(&self) -> &IndexProfile {
        &self.0
    }
}

impl TryFrom<IndexProfile> for CheckedIndexProfile {
    type Error = Problem;
    fn try_from(p: IndexProfile) -> Result<Self, Problem> {
        p.check()
    }
}

impl<'de> Deserialize<'de> for CheckedIndexProfile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        <IndexProfile as Deserialize>::deserialize(d)?
            .check()
            .map_err(|p| crate::error::checked_within(p, "profile"))
    }
}

crate::base::objects_only!(
    Provenance,
    SourceKey,
    WeightedPart,
    IndexIndicator,
    Group,
    IndexBand,
    IndexProfile
);
