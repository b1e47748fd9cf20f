//! Combining scorecards: units into a group (the seed's "UBND cấp xã" section is all the
//! communes together) or the periods of one unit into a year. How they combine is always
//! an explicit choice, written into the result.

use crate::base::rounding::Exact;
use crate::base::Localized;
use crate::error::{Code, Errors, Problem};
use crate::indicator::{IndicatorId, IndicatorKind};
use crate::input::{Count, Grades, Period};
use crate::profile::{CheckedProfile, Interpretations};
use crate::scoring::{counted_part, part_of, per_dossier, total, Scorecard, Total};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// How the parts combine \[D\]: the texts say results are consolidated, not how.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RollupMethod {
    /// Default: the per-dossier indicators from the pooled dossiers (dossier-weighted: a
    /// unit with 1.000 dossiers weighs 100 times one with 10), as one report of all the
    /// parts would give; the per-unit indicators, which have no dossiers to pool, as the
    /// mean of the parts' levels.
    #[default]
    Pooled,
    /// Every indicator as the mean of the parts' scores (unit- or period-weighted).
    Mean,
}

/// One indicator of a consolidated result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ConsolidatedIndicator {
    /// Which indicator.
    pub id: IndicatorId,
    /// Row number on the form, in the profile's order.
    pub position: u8,
    /// Per dossier or per unit.
    pub kind: IndicatorKind,
    /// The parts in which it applies (and so enters the combination).
    pub parts: u32,
    /// Pooled per-dossier indicators: the dossiers at 2, 1 and 0 points of all parts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grades: Option<Grades>,
    /// The score at full precision; absent when it applies in no part.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exact: Option<Decimal>,
    /// The score as printed, at the profile's indicator scale (a mean of levels may fall
    /// between them: 1,5 or 1,33 are legitimate in a year table).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
}

/// The result of combining several scorecards of one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Consolidated {
    /// The profile of every part.
    pub profile: Cow<'static, str>,
    /// How the parts were combined.
    pub method: RollupMethod,
    /// The units combined (one, for a year of one unit).
    pub units: Vec<String>,
    /// The periods combined (one, for a group of units).
    pub periods: Vec<Period>,
    /// A year: the quarters (or months) of it that have no scorecard.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing_periods: Vec<Period>,
    /// The nine indicators, in the profile's order.
    pub indicators: Vec<ConsolidatedIndicator>,
    /// The total and the rating (bands of the profile, as for one unit).
    pub total: Total,
    /// What the result depends on, in words.
    pub note: Localized,
}

fn mismatch(i: usize, what: &str, vi: String, en: String) -> Problem {
    Problem::new(Code::InvalidValue, format!("[{i}].{what}"), vi, en)
}

/// The periods of `year` of the same kind as `p` (quarters or months); none for a year.
fn periods_of(year: u16, p: &Period) -> Vec<Period> {
    let at = |quarter, month| Period {
        year,
        quarter,
        month,
    };
    match (p.quarter, p.month) {
        (Some(_), _) => (1..=4).map(|q| at(Some(q), None)).collect(),
        (_, Some(_)) => (1..=12).map(|m| at(None, Some(m))).collect(),
        _ => vec![],
    }
}

fn add(a: Grades, b: &Grades) -> Option<Grades> {
    let c = |x: Count, y: Count| Count::new(x.get().checked_add(y.get())?);
    Some(Grades {
        two: c(a.two, b.two)?,
        one: c(a.one, b.one)?,
        zero: c(a.zero, b.zero)?,
        unknown: c(a.unknown, b.unknown)?,
    })
}

/// Combines `cards`, all scored under `profile`: the units of one period (a group) or the
/// periods of one unit and one year (a year: quarters or months; a period without a
/// scorecard is listed in `missingPeriods` and left out of every mean).
///
/// # Errors
/// `PROFILE_MISMATCH` for a card of another profile; `INVALID_VALUE` for parts that are
/// neither one period of several units nor periods of one unit and year, or a period twice;
/// `ARITHMETIC_OVERFLOW` when pooled counts leave the exact range.
pub fn consolidate(
    cards: &[Scorecard],
    profile: &CheckedProfile,
    interp: &Interpretations,
    method: RollupMethod,
) -> Result<Consolidated, Errors> {
    let Some(first) = cards.first() else {
        return Err(Problem::new(
            Code::InvalidValue,
            "",
            "Cần ít nhất một bảng điểm để tổng hợp",
            "at least one scorecard is needed",
        )
        .into());
    };
    if let Some(i) = cards.iter().position(|c| c.profile != profile.id) {
        return Err(Problem::new(
            Code::ProfileMismatch,
            format!("[{i}].profile"),
            format!(
                "Bảng điểm {i} được chấm theo bộ quy tắc {}, không phải {}",
                cards[i].profile, profile.id
            ),
            format!(
                "scorecard {i} was scored under {}, not {}",
                cards[i].profile, profile.id
            ),
        )
        .into());
    }
    let one_unit = cards.iter().all(|c| c.unit.name == first.unit.name);
    let mut units: Vec<String> = Vec::new();
    let mut periods: Vec<Period> = Vec::new();
    let mut missing_periods = Vec::new();
    if one_unit && cards.len() > 1 {
        // A year of one unit.
        for (i, c) in cards.iter().enumerate() {
            let p = c.period;
            let same_kind = p.quarter.is_some() == first.period.quarter.is_some()
                && p.month.is_some() == first.period.month.is_some();
            if p.year != first.period.year
                || !same_kind
                || (p.quarter.is_none() && p.month.is_none())
            {
                return Err(mismatch(
                    i,
                    "period",
                    "Các kỳ tổng hợp phải là các quý (hoặc các tháng) của cùng một năm".into(),
                    "the periods combined must be quarters (or months) of one year".into(),
                )
                .into());
            }
            if periods.contains(&p) {
                return Err(mismatch(
                    i,
                    "period",
                    "Kỳ báo cáo bị lặp lại".into(),
                    "a period appears twice".into(),
                )
                .into());
            }
            periods.push(p);
        }
        periods.sort_by_key(|p| (p.quarter, p.month));
        missing_periods = periods_of(first.period.year, &first.period)
            .into_iter()
            .filter(|p| !periods.contains(p))
            .collect();
        units.push(first.unit.name.clone());
    } else {
        for (i, c) in cards.iter().enumerate() {
            if c.period != first.period {
                return Err(mismatch(
                    i,
                    "period",
                    "Các đơn vị tổng hợp phải cùng một kỳ báo cáo".into(),
                    "the units combined must share one period".into(),
                )
                .into());
            }
            units.push(c.unit.name.clone());
        }
        periods.push(first.period);
    }

    let overflow = || {
        Errors::from(Problem::new(
            Code::ArithmeticOverflow,
            "",
            "Số liệu tổng hợp vượt quá giới hạn tính chính xác",
            "the pooled figures leave the exact range",
        ))
    };
    let r = &profile.rounding;
    let mut indicators = Vec::with_capacity(9);
    let mut parts_for_total = Vec::with_capacity(9);
    for (position, &id) in (1u8..).zip(profile.order.iter()) {
        let scores: Vec<_> = cards.iter().filter_map(|c| c.indicator(id)).collect();
        let applied: Vec<Exact> = scores
            .iter()
            .filter(|s| s.applicable)
            .filter_map(|s| part_of(s).map(|(_, counted)| counted))
            .collect();
        let pooled = method == RollupMethod::Pooled && id.kind() == IndicatorKind::PerDossier;
        let (grades, part) = if pooled {
            let mut g = Grades::default();
            for s in &scores {
                if let Some(x) = &s.grades {
                    g = add(g, x).ok_or_else(overflow)?;
                }
            }
            let s = per_dossier(id, g, profile);
            (Some(g), part_of(&s))
        } else if applied.is_empty() {
            (None, None)
        } else {
            // The mean of the units' counted scores, exactly.
            let sum = applied.iter().fold(Exact::zero(), |a, b| a.add(b));
            let mean = sum.scale(1, applied.len() as u64).ok_or_else(overflow)?;
            (
                None,
                Some(counted_part(mean, profile).ok_or_else(overflow)?),
            )
        };
        let (exact, value) = match &part {
            Some((e, _)) => (
                Some(e.to_decimal().ok_or_else(overflow)?),
                Some(
                    e.round(r.indicator_decimals, r.strategy)
                        .ok_or_else(overflow)?,
                ),
            ),
            None => (None, None),
        };
        parts_for_total.extend(part);
        indicators.push(ConsolidatedIndicator {
            id,
            position,
            kind: id.kind(),
            parts: applied.len() as u32,
            grades,
            exact,
            value,
        });
    }
    let total = total(parts_for_total.into_iter(), profile, interp)?;

    let n = cards.len();
    let what = if one_unit && n > 1 {
        let missing = if missing_periods.is_empty() {
            (String::new(), String::new())
        } else {
            let list = |lang_vi: bool| {
                missing_periods
                    .iter()
                    .map(|p| match (p.quarter, p.month, lang_vi) {
                        (Some(q), _, true) => format!("quý {q}"),
                        (Some(q), _, false) => format!("Q{q}"),
                        (_, Some(m), true) => format!("tháng {m}"),
                        (_, Some(m), false) => format!("month {m}"),
                        _ => String::new(),
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            (
                format!(
                    "; không có số liệu: {} (không tính vào trung bình)",
                    list(true)
                ),
                format!("; no data for {} (left out of every mean)", list(false)),
            )
        };
        (
            format!("Tổng hợp năm {} từ {n} kỳ{}", first.period.year, missing.0),
            format!("year {} from {n} periods{}", first.period.year, missing.1),
        )
    } else {
        (
            format!("Tổng hợp {n} đơn vị"),
            format!("{n} units combined"),
        )
    };
    let how = match method {
        RollupMethod::Pooled => (
            "các chỉ số tính theo hồ sơ tính trên toàn bộ hồ sơ gộp lại (theo số hồ sơ); các chỉ số tính theo đơn vị là trung bình cộng các mức",
            "per-dossier indicators from all dossiers pooled (dossier-weighted); per-unit indicators as the mean of the levels",
        ),
        RollupMethod::Mean => (
            "mỗi chỉ số là trung bình cộng điểm của các phần (mỗi phần một trọng số)",
            "each indicator as the mean of the parts' scores (each part weighs the same)",
        ),
    };
    Ok(Consolidated {
        profile: profile.id.clone(),
        method,
        units,
        periods,
        missing_periods,
        indicators,
        total,
        note: Localized::new(
            format!("{}: {}", what.0, how.0),
            format!("{}: {}", what.1, how.1),
        ),
    })
}
