//! Scoring a ratio-index input: per indicator the ratio, the points and their derivation
//! in words; per group the sum of the rounded points; the total, the band, and a note on
//! every assumption the result depends on.

use super::convert;
use super::input::{validate_index, IndexInput, IndicatorCounts};
use super::profile::{
    CheckedIndexProfile, Confidence, Conversion, IndexIndicator, Model, PartRounding,
    ZeroDenominator,
};
use crate::base::number::{count, decimal};
use crate::base::rounding::{round, EXACT_SCALE};
use crate::base::{Lang, Localized};
use crate::error::Errors;
use crate::input::{Period, Unit};
use crate::profile::Rating;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Options of a ratio-index scoring: the interpretations a caller may switch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IndexOptions {
    /// Replaces the profile's default zero-denominator treatment (indicators with their
    /// own, such as feedback's 0/0 = full points, keep theirs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zero_denominator: Option<ZeroDenominator>,
    /// Replaces the profile's rounding of a weighted sum's parts (the online payment):
    /// `once` (the sum) or `eachPart`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_rounding: Option<PartRounding>,
}

impl IndexOptions {
    /// Sets an option by name, as `--set NAME=VALUE` does: `zeroDenominator`,
    /// `partRounding`.
    ///
    /// # Errors
    /// `UNKNOWN_INTERPRETATION` for an unknown name or value.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), crate::error::Problem> {
        let unknown = || {
            crate::error::Problem::new(
                crate::error::Code::UnknownInterpretation,
                name.to_string(),
                format!("Lựa chọn không hợp lệ cho chỉ số 766: {name}={value} (có: zeroDenominator=notApplicable|zero|full, partRounding=once|eachPart)"),
                format!("no such option for the 766 index: {name}={value} (known: zeroDenominator=notApplicable|zero|full, partRounding=once|eachPart)"),
            )
        };
        match name {
            "zeroDenominator" => {
                self.zero_denominator = Some(value.parse().map_err(|_| unknown())?);
                Ok(())
            }
            "partRounding" => {
                self.part_rounding = Some(value.parse().map_err(|_| unknown())?);
                Ok(())
            }
            _ => Err(unknown()),
        }
    }
}

/// What happened to an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum IndicatorStatus {
    /// Scored from its ratio.
    Scored,
    /// Its denominator is zero: scored by the treatment (`zero`, `full`) or not counted.
    ZeroDenominator,
    /// Shown only: 0 points, not counted in the maximum.
    ShownOnly,
    /// A shown-only indicator without counts in the input.
    NotGiven,
}

/// One part of a weighted sum, scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct PartScore {
    /// Part id.
    pub id: Cow<'static, str>,
    /// Numerator.
    pub numerator: u64,
    /// Denominator.
    pub denominator: u64,
    /// The ratio in percent, to 25 places (none for a zero denominator).
    pub ratio: Option<Decimal>,
    /// min(cap, weight × ratio), exact.
    pub points_exact: Decimal,
}

/// One indicator, scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IndexIndicatorScore {
    /// Id (`1.1`).
    pub id: Cow<'static, str>,
    /// The group's id.
    pub group: Cow<'static, str>,
    /// Name.
    pub name: Localized,
    /// Maximum points.
    pub maximum: Decimal,
    /// The conversion's name.
    pub conversion: Localized,
    /// Numerator (none for a weighted sum or a shown-only indicator not given).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub numerator: Option<u64>,
    /// Denominator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub denominator: Option<u64>,
    /// The parts of a weighted sum.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartScore>,
    /// The ratio exactly (to 25 places, half-up): in percent, or for a shown-only
    /// indicator numerator ÷ denominator as is (e.g. an average time).
    pub ratio: Option<Decimal>,
    /// The ratio to 2 decimals, half-up.
    pub ratio_rounded: Option<Decimal>,
    /// What happened.
    pub status: IndicatorStatus,
    /// Whether the indicator is in the total and its maximum (false: not applicable, or
    /// shown only).
    pub counted: bool,
    /// Points before rounding.
    pub points_exact: Option<Decimal>,
    /// Points rounded to the profile's decimals (what groups and the total add).
    pub points: Option<Decimal>,
    /// How the points were found, in words.
    pub derivation: Localized,
    /// How sure the indicator's maximum and conversion are.
    pub confidence: Confidence,
    /// Whether its maximum or conversion is inferred.
    pub inferred: bool,
}

/// One group, scored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GroupScore {
    /// Id.
    pub id: Cow<'static, str>,
    /// Name.
    pub name: Localized,
    /// Maximum points.
    pub maximum: Decimal,
    /// Maximum of its counted indicators.
    pub applicable_maximum: Decimal,
    /// Sum of its indicators' rounded points.
    pub points: Decimal,
}

/// The total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IndexTotal {
    /// Sum of the groups.
    pub points: Decimal,
    /// The profile's maximum (100).
    pub maximum: Decimal,
    /// The maximum of the counted indicators.
    pub applicable_maximum: Decimal,
    /// The figure the bands apply to: the total, or total × maximum ÷ applicable
    /// maximum when indicators were not counted.
    pub band_basis: Decimal,
    /// The band, when the profile has bands.
    pub band: Option<Rating>,
    /// The total as each language writes it ("87,35").
    pub display: Localized,
}

/// An assumption the result depends on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Stable code: `rounding`, `zeroDenominator`, `inferred`, `lowConfidence`, `bands`,
    /// `noBands`, `reducedMaximum`, `cappedAtMaximum`, `roundedOnce`, `roundedEachPart`,
    /// `lastYearStandIn`, `numeratorAboveDenominator`, `periodOutsideProfile`,
    /// `unitLevelNotGiven`.
    pub code: Cow<'static, str>,
    /// The indicator it concerns, if one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator: Option<Cow<'static, str>>,
    /// The assumption in words.
    pub text: Localized,
}

/// The result of a ratio index for one unit and period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IndexResult {
    /// The library's version.
    pub library_version: Cow<'static, str>,
    /// Always `ratioIndex`.
    pub model: Model,
    /// The profile's id.
    pub profile: Cow<'static, str>,
    /// The period.
    pub period: Period,
    /// The unit.
    pub unit: Unit,
    /// The indicators in the profile's order.
    pub indicators: Vec<IndexIndicatorScore>,
    /// The groups.
    pub groups: Vec<GroupScore>,
    /// The total.
    pub total: IndexTotal,
    /// Every assumption the result depends on.
    pub notes: Vec<Note>,
}

fn note(code: &'static str, indicator: Option<&Cow<'static, str>>, text: Localized) -> Note {
    Note {
        code: code.into(),
        indicator: indicator.cloned(),
        text,
    }
}

/// A decimal in `lang` after rounding to 2 places (for derivations).
fn two(v: Decimal, lang: Lang) -> String {
    decimal(round(v, 2, crate::base::rounding::Rounding::HalfUp), lang)
}

fn plain(v: Decimal, lang: Lang) -> String {
    decimal(v.normalize(), lang)
}

/// What one indicator gives: exact points (none: not counted), the derivation in words,
/// the status.
struct Outcome {
    exact: Option<Decimal>,
    status: IndicatorStatus,
    words: Localized,
    parts: Vec<PartScore>,
}

/// A zero denominator under `z`.
///
/// Source: index-766.md ("a zero denominator shows as 0 or N/A"; feedback 0/0 = full
/// points in the October 2026 update). Which one applies elsewhere is ours, switchable.
fn zero_denominator(z: ZeroDenominator, max: Decimal) -> Outcome {
    let (exact, words) = match z {
        ZeroDenominator::NotApplicable => (
            None,
            Localized::each(|l| match l {
                Lang::Vi => format!(
                    "mẫu số 0: không áp dụng (điểm tối đa giảm {})",
                    plain(max, l)
                ),
                Lang::En => format!(
                    "denominator 0: not applicable (maximum reduced by {})",
                    plain(max, l)
                ),
            }),
        ),
        ZeroDenominator::Zero => (
            Some(Decimal::ZERO),
            Localized::fixed("mẫu số 0 → 0 điểm", "denominator 0 → 0 points"),
        ),
        ZeroDenominator::Full => (
            Some(max),
            Localized::each(|l| match l {
                Lang::Vi => format!("mẫu số 0 (0/0) → đủ {} điểm", plain(max, l)),
                Lang::En => format!("denominator 0 (0/0) → full {} points", plain(max, l)),
            }),
        ),
    };
    Outcome {
        exact,
        status: IndicatorStatus::ZeroDenominator,
        words,
        parts: Vec::new(),
    }
}

/// One ratio indicator (linear, saturating, complement) with a non-zero denominator.
///
/// Source: the conversions of [`convert`] (Decision 766, index-766.md).
fn ratio_points(ind: &IndexIndicator, n: u64, d: u64) -> (Decimal, Localized) {
    ratio_points_over(ind, n, d, &|l| count(d, l))
}

/// [`ratio_points`] with the denominator written as `den` says (a stand-in's division).
fn ratio_points_over(
    ind: &IndexIndicator,
    n: u64,
    d: u64,
    den: &dyn Fn(Lang) -> String,
) -> (Decimal, Localized) {
    let max = ind.maximum;
    let r = convert::percent(n, d).unwrap_or_default();
    let head = |l: Lang| format!("R = {} / {} = {} %", count(n, l), den(l), two(r, l));
    match &ind.conversion {
        Conversion::Saturating { threshold: t } => {
            let p = convert::saturating(n, d, max, *t);
            let words = Localized::each(|l| {
                if p == max {
                    match l {
                        Lang::Vi => format!(
                            "{} ≥ {} % → đủ {} điểm",
                            head(l),
                            plain(*t, l),
                            plain(max, l)
                        ),
                        Lang::En => format!(
                            "{} ≥ {} % → full {} points",
                            head(l),
                            plain(*t, l),
                            plain(max, l)
                        ),
                    }
                } else {
                    let pts = if l == Lang::Vi { "điểm" } else { "points" };
                    format!(
                        "{} < {} %; {pts} = R × {} / {} = {}",
                        head(l),
                        plain(*t, l),
                        plain(max, l),
                        plain(*t, l),
                        two(p, l)
                    )
                }
            });
            (p, words)
        }
        Conversion::Complement { threshold } => {
            let p = convert::complement(n, d, max, *threshold);
            let t = threshold.unwrap_or(Decimal::ONE_HUNDRED);
            let c = convert::percent(d - n.min(d), d).unwrap_or_default();
            // Rates adding up beyond 100 %: the complement is negative, counted as 0 %.
            let below = convert::percent(n.saturating_sub(d), d).unwrap_or_default();
            let words = Localized::each(|l| {
                let pts = if l == Lang::Vi { "điểm" } else { "points" };
                let base = if n > d {
                    format!("{}; 100 % − R = −{} % → 0 %", head(l), two(below, l))
                } else {
                    format!("{}; 100 % − R = {} %", head(l), two(c, l))
                };
                if p == max {
                    match l {
                        Lang::Vi => {
                            format!("{base} ≥ {} % → đủ {} điểm", plain(t, l), plain(max, l))
                        }
                        Lang::En => {
                            format!("{base} ≥ {} % → full {} points", plain(t, l), plain(max, l))
                        }
                    }
                } else {
                    format!(
                        "{base}; {pts} = (100 % − R) × {} / {} = {}",
                        plain(max, l),
                        plain(t, l),
                        two(p, l)
                    )
                }
            });
            (p, words)
        }
        _ => {
            let p = convert::linear(n, d, max);
            let words = Localized::each(|l| {
                let pts = if l == Lang::Vi { "điểm" } else { "points" };
                format!(
                    "{}; {pts} = R × {} / 100 = {}",
                    head(l),
                    plain(max, l),
                    two(p, l)
                )
            });
            (p, words)
        }
    }
}

/// One indicator's outcome under the zero-denominator treatment `z`: shown only, a
/// weighted sum of parts, or a ratio.
///
/// Source: index-766.md (structure table, October 2026 update); see [`convert`].
///
/// `each_part` is `Some((decimals, rounding))` when a weighted sum's parts are each rounded
/// as an indicator before they are added ([`PartRounding::EachPart`]).
/// `stand_in` is the ratio [`last_year_stand_in`] gives, and `per_year` the periods in a
/// year (12, 4 or 1) it divided last year's total by.
fn indicator(
    ind: &IndexIndicator,
    counts: Option<&IndicatorCounts>,
    z: ZeroDenominator,
    each_part: Option<(u32, crate::base::rounding::Rounding)>,
    (stand_in, per_year): (Option<(u64, u64)>, u64),
) -> Outcome {
    let scored = |exact, words| Outcome {
        exact: Some(exact),
        status: IndicatorStatus::Scored,
        words,
        parts: Vec::new(),
    };
    match (&ind.conversion, counts) {
        (Conversion::ShownOnly, None) => Outcome {
            exact: None,
            status: IndicatorStatus::NotGiven,
            words: Localized::fixed("chỉ hiển thị; không có số liệu", "shown only; not given"),
            parts: Vec::new(),
        },
        (Conversion::ShownOnly, Some(c)) => {
            let (n, d) = (
                c.numerator.map_or(0, |x| x.get()),
                c.denominator.map_or(0, |x| x.get()),
            );
            let words = Localized::each(|l| {
                let v = crate::base::rounding::quotient(n, d)
                    .map_or_else(|| "—".to_string(), |q| two(q, l));
                match l {
                    Lang::Vi => format!(
                        "{} / {} = {v}; chỉ hiển thị, 0 điểm",
                        count(n, l),
                        count(d, l)
                    ),
                    Lang::En => format!(
                        "{} / {} = {v}; shown only, 0 points",
                        count(n, l),
                        count(d, l)
                    ),
                }
            });
            Outcome {
                exact: None,
                status: IndicatorStatus::ShownOnly,
                words,
                parts: Vec::new(),
            }
        }
        (Conversion::WeightedSum { parts }, c) => {
            let given = c.and_then(|c| c.parts.as_ref());
            let mut out = Vec::new();
            let mut texts: Vec<Localized> = Vec::new();
            for p in parts {
                let r = given.and_then(|g| g.get(p.id.as_ref()));
                let (n, d) = r.map_or((0, 0), |r| (r.numerator.get(), r.denominator.get()));
                let v = if d == 0 {
                    match z {
                        ZeroDenominator::Full => p.cap.map_or(p.weight, |c| c.min(p.weight)),
                        _ => Decimal::ZERO,
                    }
                } else {
                    convert::weighted_part(n, d, p.weight, p.cap)
                };
                let v = each_part.map_or(v, |(dec, how)| round(v, dec, how));
                texts.push(Localized::each(|l| {
                    let ratio = if d == 0 {
                        format!("{} / {}", count(n, l), count(d, l))
                    } else {
                        format!(
                            "{} / {} = {}",
                            count(n, l),
                            count(d, l),
                            decimal(
                                round(
                                    Decimal::from(n) / Decimal::from(d),
                                    4,
                                    crate::base::rounding::Rounding::HalfUp
                                )
                                .normalize(),
                                l
                            )
                        )
                    };
                    let term = match p.cap {
                        Some(c) => {
                            format!("min({}; {} × {})", plain(c, l), plain(p.weight, l), p.id)
                        }
                        None => format!("{} × {}", plain(p.weight, l), p.id),
                    };
                    format!("{} = {ratio}: {term} = {}", p.id, two(v, l))
                }));
                out.push(PartScore {
                    id: p.id.clone(),
                    numerator: n,
                    denominator: d,
                    ratio: convert::percent(n, d),
                    points_exact: round(v, EXACT_SCALE, crate::base::rounding::Rounding::HalfUp)
                        .normalize(),
                });
            }
            let all_zero = out.iter().all(|p| p.denominator == 0);
            if all_zero && z == ZeroDenominator::NotApplicable {
                let mut o = zero_denominator(z, ind.maximum);
                o.parts = out;
                return o;
            }
            let sum = convert::weighted_sum(out.iter().map(|p| p.points_exact), ind.maximum);
            let raw: Decimal = out.iter().map(|p| p.points_exact).sum();
            let words = Localized::each(|l| {
                let parts: Vec<&str> = texts.iter().map(|t| t.get(l)).collect();
                // Added exactly, the parts' two-decimal forms need not add up: say how.
                let sum_of = match (l, each_part.is_some()) {
                    (Lang::Vi, false) => "tổng (cộng chính xác)",
                    (Lang::Vi, true) => "tổng (các phần đã làm tròn)",
                    (Lang::En, false) => "sum (added exactly)",
                    (Lang::En, true) => "sum (of the rounded parts)",
                };
                match (l, raw > ind.maximum) {
                    (Lang::Vi, false) => format!(
                        "{}; {sum_of} = {} (tối đa {})",
                        parts.join("; "),
                        two(sum, l),
                        plain(ind.maximum, l)
                    ),
                    (Lang::Vi, true) => format!(
                        "{}; {sum_of} = {}, vượt tối đa: tính {}",
                        parts.join("; "),
                        two(raw, l),
                        plain(ind.maximum, l)
                    ),
                    (Lang::En, false) => format!(
                        "{}; {sum_of} = {} (at most {})",
                        parts.join("; "),
                        two(sum, l),
                        plain(ind.maximum, l)
                    ),
                    (Lang::En, true) => format!(
                        "{}; {sum_of} = {}, above the maximum: {} counted",
                        parts.join("; "),
                        two(raw, l),
                        plain(ind.maximum, l)
                    ),
                }
            });
            Outcome {
                exact: Some(sum),
                status: if all_zero {
                    IndicatorStatus::ZeroDenominator
                } else {
                    IndicatorStatus::Scored
                },
                words,
                parts: out,
            }
        }
        (_, c) => {
            let (n, d) = c.map_or((0, 0), |c| {
                (
                    c.numerator.map_or(0, |x| x.get()),
                    c.denominator.map_or(0, |x| x.get()),
                )
            });
            if let Some((nk, total)) = stand_in {
                let den = |l: Lang| {
                    let share = round(
                        Decimal::from(total) / Decimal::from(per_year),
                        2,
                        crate::base::rounding::Rounding::HalfUp,
                    );
                    format!("({} ÷ {per_year} = {})", count(total, l), two(share, l))
                };
                // R = n ÷ (total ÷ k) = n·k ÷ total, exactly; the words show the division.
                let (p, words) = ratio_points_over(ind, nk, total, &|l| den(l));
                let words = Localized::each(|l| match l {
                    Lang::Vi => format!(
                        "mẫu số 0: dùng tổng năm trước ÷ {per_year}; {}",
                        words.get(l)
                    ),
                    Lang::En => format!(
                        "zero denominator: last year's total ÷ {per_year} stands in; {}",
                        words.get(l)
                    ),
                });
                return scored(p, words);
            }
            if d == 0 {
                return zero_denominator(z, ind.maximum);
            }
            let (p, words) = ratio_points(ind, n, d);
            scored(p, words)
        }
    }
}

/// When an indicator's denominator is 0 and last year's total stands in for it (1.4,
/// index-766.md: "if both are 0 it is last year's total ÷12 (month) or ÷4 (quarter)"; ÷ 1
/// for a year is inferred), the ratio n ÷ (total ÷ k) as whole numbers: `(n·k, total)`.
fn last_year_stand_in(
    ind: &IndexIndicator,
    counts: Option<&IndicatorCounts>,
    per_year: u64,
) -> Option<(u64, u64)> {
    let c = counts?;
    let total = c.last_year_total?.get();
    let zero = c.denominator.map_or(0, |d| d.get()) == 0;
    let n = c.numerator.map_or(0, |x| x.get());
    (ind.last_year_fallback && zero && total > 0).then(|| (n.saturating_mul(per_year), total))
}

/// Scores `input` under `profile` with `options`.
///
/// Source: Decision 766/QĐ-TTg as index-766.md describes it: each indicator converted,
/// rounded to the profile's decimals (2, half-up), groups the sums of their rounded
/// indicators, the total the sum of the groups (October 2026 update).
///
/// # Errors
/// Every problem of the input (see [`validate_index`]).
pub fn score_index(
    input: &IndexInput,
    profile: &CheckedIndexProfile,
    options: &IndexOptions,
) -> Result<IndexResult, Errors> {
    let problems = validate_index(input, profile);
    if !problems.is_empty() {
        return Err(Errors(problems));
    }
    let default_z = options.zero_denominator.unwrap_or(profile.zero_denominator);
    let dec = profile.decimals;
    let part_rounding = options.part_rounding.unwrap_or(profile.part_rounding);
    let per_year = match (input.period.month, input.period.quarter) {
        (Some(_), _) => 12,
        (None, Some(_)) => 4,
        (None, None) => 1,
    };
    let each_part = (part_rounding == PartRounding::EachPart).then_some((dec, profile.rounding));
    let mut notes = vec![note(
        "rounding",
        None,
        Localized::each(|l| {
            match l {
            Lang::Vi => format!("Điểm mỗi chỉ số làm tròn {dec} chữ số thập phân (làm tròn lên từ 5); điểm nhóm và tổng điểm cộng các điểm đã làm tròn"),
            Lang::En => format!("Each indicator's points are rounded to {dec} decimals (half-up); groups and the total add the rounded points"),
        }
        }),
    )];
    let mut indicators = Vec::new();
    let mut groups = Vec::new();
    for group in &profile.groups {
        let mut g_points = Decimal::ZERO;
        let mut g_applicable = Decimal::ZERO;
        for ind in &group.indicators {
            let counts = input.indicators.get(ind.id.as_ref());
            let z = ind.zero_denominator.unwrap_or(default_z);
            let stand_in = last_year_stand_in(ind, counts, per_year);
            let o = indicator(ind, counts, z, each_part, (stand_in, per_year));
            let points = o.exact.map(|p| round(p, dec, profile.rounding));
            let shown = matches!(ind.conversion, Conversion::ShownOnly);
            let counted = points.is_some() && !shown;
            if counted {
                g_applicable += ind.maximum;
                g_points += points.unwrap_or_default();
            }
            let (numerator, denominator) = match counts {
                Some(c) if c.parts.is_none() => {
                    (c.numerator.map(|x| x.get()), c.denominator.map(|x| x.get()))
                }
                _ => (None, None),
            };
            let ratio = match (&ind.conversion, numerator, denominator) {
                _ if stand_in.is_some() => stand_in.and_then(|(n, d)| convert::percent(n, d)),
                (Conversion::WeightedSum { .. }, _, _) => None,
                (Conversion::ShownOnly, Some(n), Some(d)) => crate::base::rounding::quotient(n, d),
                (_, Some(n), Some(d)) => convert::percent(n, d),
                _ => None,
            };
            // Notes on this indicator's assumptions.
            if o.status == IndicatorStatus::Scored {
                for part in o.parts.iter().filter(|p| p.denominator == 0) {
                    let full = z == ZeroDenominator::Full;
                    notes.push(note(
                        "zeroDenominator",
                        Some(&ind.id),
                        Localized::each(|l| match (l, full) {
                            (Lang::Vi, false) => format!("Chỉ số {}, phần {}: mẫu số 0, phần này được 0 điểm", ind.id, part.id),
                            (Lang::Vi, true) => format!("Chỉ số {}, phần {}: mẫu số 0, phần này được đủ điểm", ind.id, part.id),
                            (Lang::En, false) => format!("Indicator {}, part {}: zero denominator, the part gives 0 points", ind.id, part.id),
                            (Lang::En, true) => format!("Indicator {}, part {}: zero denominator, the part gives its full points", ind.id, part.id),
                        }),
                    ));
                }
            }
            if o.status == IndicatorStatus::ZeroDenominator {
                notes.push(note(
                    "zeroDenominator",
                    Some(&ind.id),
                    Localized::each(|l| {
                        let own = ind.zero_denominator.is_some();
                        match l {
                            Lang::Vi => format!(
                                "Chỉ số {}: mẫu số 0, xử lý theo \"{}\"{}",
                                ind.id,
                                z.as_str(),
                                if own {
                                    " (quy định của chỉ số)"
                                } else {
                                    " (mặc định của bộ chỉ số hoặc lựa chọn zeroDenominator)"
                                }
                            ),
                            Lang::En => format!(
                                "Indicator {}: zero denominator, treated as \"{}\"{}",
                                ind.id,
                                z.as_str(),
                                if own {
                                    " (the indicator's own rule)"
                                } else {
                                    " (the profile's default or the zeroDenominator option)"
                                }
                            ),
                        }
                    }),
                ));
            }
            if counted && ind.provenance.inferred {
                let remark = ind.provenance.note.clone();
                let remark = |l| {
                    remark
                        .as_ref()
                        .map_or(String::new(), |r: &Localized| format!(" ({})", r.get(l)))
                };
                notes.push(note(
                    "inferred",
                    Some(&ind.id),
                    Localized::each(|l| match l {
                        Lang::Vi => format!(
                            "Chỉ số {}: một phần quy tắc là suy luận, không có trong nguồn{}",
                            ind.id,
                            remark(l)
                        ),
                        Lang::En => format!(
                            "Indicator {}: part of its rule is inferred, not read in a source{}",
                            ind.id,
                            remark(l)
                        ),
                    }),
                ));
            }
            if counted && ind.provenance.confidence <= Confidence::MediumLow {
                let c = ind.provenance.confidence.label();
                notes.push(note(
                    "lowConfidence",
                    Some(&ind.id),
                    Localized::each(|l| match l {
                        Lang::Vi => format!(
                            "Chỉ số {}: độ tin cậy của điểm tối đa và cách quy đổi: {}",
                            ind.id, c.vi
                        ),
                        Lang::En => format!(
                            "Indicator {}: confidence in its maximum and conversion: {}",
                            ind.id, c.en
                        ),
                    }),
                ));
            }
            if let (Some(c), true) = (counts, stand_in.is_some()) {
                let total = c.last_year_total.map_or(0, |t| t.get());
                let year = if per_year == 1 {
                    Localized::fixed(
                        " (÷ 1 cho cả năm là suy luận)",
                        " (÷ 1 for a year is inferred)",
                    )
                } else {
                    Localized::fixed("", "")
                };
                notes.push(note(
                    "lastYearStandIn",
                    Some(&ind.id),
                    Localized::each(|l| match l {
                        Lang::Vi => format!("Chỉ số {}: mẫu số 0, dùng tổng năm trước {} ÷ {per_year}{}", ind.id, count(total, l), year.get(l)),
                        Lang::En => format!("Indicator {}: zero denominator; last year's total {} ÷ {per_year} stands in{}", ind.id, count(total, l), year.get(l)),
                    }),
                ));
            }
            let complement = matches!(ind.conversion, Conversion::Complement { .. });
            if let (Some(n), Some(d), true) = (
                numerator,
                denominator,
                ind.numerator_may_exceed && complement,
            ) {
                if n > d {
                    notes.push(note(
                        "numeratorAboveDenominator",
                        Some(&ind.id),
                        Localized::each(|l| match l {
                            Lang::Vi => format!("Chỉ số {}: tử số lớn hơn mẫu số; tỷ lệ phần bù tính là 0 %", ind.id),
                            Lang::En => format!("Indicator {}: numerator above denominator; the complement counts as 0 %", ind.id),
                        }),
                    ));
                }
            }
            // The rounding of parts is said only where it made the points.
            if let (Conversion::WeightedSum { .. }, true) = (&ind.conversion, counted) {
                notes.push(match part_rounding {
                    PartRounding::Once => note(
                        "roundedOnce",
                        Some(&ind.id),
                        Localized::each(|l| match l {
                            Lang::Vi => format!("Chỉ số {}: các phần được cộng chính xác rồi làm tròn một lần đến {dec} chữ số thập phân (giả định: công thức của Cổng là một chỉ số; làm tròn từng phần trước, partRounding=eachPart, có thể lệch 0,01)", ind.id),
                            Lang::En => format!("Indicator {}: the parts are added exactly and the sum rounded once to {dec} decimals (assumed: the portal's formula is one indicator; rounding each part first, partRounding=eachPart, can differ by 0.01)", ind.id),
                        }),
                    ),
                    PartRounding::EachPart => note(
                        "roundedEachPart",
                        Some(&ind.id),
                        Localized::each(|l| match l {
                            Lang::Vi => format!("Chỉ số {}: mỗi phần được làm tròn đến {dec} chữ số thập phân như một chỉ số (3.5, 3.5b, 3.6 của bảng cấu trúc) rồi cộng lại (partRounding=eachPart)", ind.id),
                            Lang::En => format!("Indicator {}: each part is rounded to {dec} decimals as an indicator (the structure table's 3.5, 3.5b, 3.6), then added (partRounding=eachPart)", ind.id),
                        }),
                    ),
                });
                let raw: Decimal = o.parts.iter().map(|p| p.points_exact).sum();
                if raw > ind.maximum {
                    notes.push(note(
                        "cappedAtMaximum",
                        Some(&ind.id),
                        Localized::each(|l| match l {
                            Lang::Vi => format!("Chỉ số {}: tổng các phần {} vượt điểm tối đa, tính {}", ind.id, two(raw, l), plain(ind.maximum, l)),
                            Lang::En => format!("Indicator {}: the parts add up to {}, above the maximum; {} counted", ind.id, two(raw, l), plain(ind.maximum, l)),
                        }),
                    ));
                }
            }
            indicators.push(IndexIndicatorScore {
                id: ind.id.clone(),
                group: group.id.clone(),
                name: ind.name.clone(),
                maximum: ind.maximum,
                conversion: ind.conversion.label(),
                numerator,
                denominator,
                parts: o.parts,
                ratio,
                ratio_rounded: ratio.map(|r| round(r, 2, profile.rounding)),
                status: if shown && counts.is_some() {
                    IndicatorStatus::ShownOnly
                } else {
                    o.status
                },
                counted,
                points_exact: o
                    .exact
                    .map(|p| round(p, EXACT_SCALE, profile.rounding).normalize()),
                points: if shown {
                    counts.map(|_| round(Decimal::ZERO, dec, profile.rounding))
                } else {
                    points
                },
                derivation: o.words,
                confidence: ind.provenance.confidence,
                inferred: ind.provenance.inferred,
            });
        }
        groups.push(GroupScore {
            id: group.id.clone(),
            name: group.name.clone(),
            maximum: group.maximum,
            applicable_maximum: g_applicable,
            points: round(g_points, dec, profile.rounding),
        });
    }
    let points: Decimal = groups.iter().map(|g| g.points).sum();
    let applicable: Decimal = groups.iter().map(|g| g.applicable_maximum).sum();
    let band_basis = if applicable == profile.maximum || applicable.is_zero() {
        points
    } else {
        notes.push(note(
            "reducedMaximum",
            None,
            Localized::each(|l| match l {
                Lang::Vi => format!("Tổng điểm tối đa giảm còn {} vì có chỉ số không áp dụng; khung xếp loại áp dụng cho tổng × {} / {}", plain(applicable, l), plain(profile.maximum, l), plain(applicable, l)),
                Lang::En => format!("The maximum is reduced to {} by indicators not applicable; bands apply to total × {} / {}", plain(applicable, l), plain(profile.maximum, l), plain(applicable, l)),
            }),
        ));
        round(points * profile.maximum / applicable, dec, profile.rounding)
    };
    let band = profile
        .bands
        .iter()
        .find(|b| band_basis >= b.min)
        .map(|b| Rating {
            code: b.code.clone(),
            label: b.label.clone(),
        });
    if profile.bands.is_empty() {
        notes.push(note(
            "noBands",
            None,
            Localized::fixed(
                "Bộ chỉ số không có khung xếp loại: Cổng DVCQG không công bố khung chính thức",
                "The profile has no bands: the national portal publishes no official bands",
            ),
        ));
    } else if let Some(p) = &profile.bands_provenance {
        let remark = |l| {
            p.note
                .as_ref()
                .map_or(String::new(), |r: &Localized| format!(": {}", r.get(l)))
        };
        notes.push(note(
            "bands",
            None,
            Localized::each(|l| match l {
                Lang::Vi => format!(
                    "Khung xếp loại theo bộ chỉ số (độ tin cậy {}{}){}",
                    p.confidence.label().vi,
                    if p.inferred { ", suy luận" } else { "" },
                    remark(l)
                ),
                Lang::En => format!(
                    "Bands as the profile gives them (confidence {}{}){}",
                    p.confidence.label().en,
                    if p.inferred { ", inferred" } else { "" },
                    remark(l)
                ),
            }),
        ));
    }
    if let Some((first, last)) = input.period.bounds() {
        let before = profile.valid_from.is_some_and(|f| first < f);
        let after = profile.valid_until.is_some_and(|u| last > u);
        if before || after {
            notes.push(note(
                "periodOutsideProfile",
                None,
                Localized::each(|l| match l {
                    Lang::Vi => format!(
                        "Kỳ báo cáo không nằm trọn trong thời gian áp dụng của bộ chỉ số {}",
                        profile.id
                    ),
                    Lang::En => format!(
                        "The period is not wholly within the time of profile {}",
                        profile.id
                    ),
                }),
            ));
        }
    }
    if input.unit.level.is_none() {
        notes.push(note(
            "unitLevelNotGiven",
            None,
            Localized::fixed(
                "Không nêu cấp đơn vị: không kiểm tra bộ chỉ số có áp dụng cho cấp này",
                "No unit level given: not checked that the profile covers it",
            ),
        ));
    }
    Ok(IndexResult {
        library_version: crate::base::VERSION.into(),
        model: Model::RatioIndex,
        profile: profile.id.clone(),
        period: input.period,
        unit: input.unit.clone(),
        indicators,
        groups,
        total: IndexTotal {
            points,
            maximum: profile.maximum,
            applicable_maximum: applicable,
            band_basis,
            band,
            display: Localized::decimal(points),
        },
        notes,
    })
}
