//! The input of a ratio index: per indicator its numerator and denominator (counts), the
//! period and the unit; and its checks against a profile (coded errors with field paths).

use super::profile::{CheckedIndexProfile, Conversion};
use crate::error::{Code, Problem};
use crate::input::{Count, Period, Unit};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One ratio: numerator ÷ denominator, both counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Ratio {
    /// What is counted (e.g. dossiers resolved on time).
    pub numerator: Count,
    /// What it is counted among (e.g. dossiers received).
    pub denominator: Count,
}

/// The counts of one indicator: a numerator and a denominator, or (a weighted sum such as
/// online payment) one ratio per part.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndicatorCounts {
    /// The numerator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<Count>,
    /// The denominator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<Count>,
    /// Last year's total, for an indicator whose zero denominator it stands in for (1.4:
    /// ÷ 12 for a month, ÷ 4 for a quarter); used only when the denominator is 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_year_total: Option<Count>,
    /// The parts of a weighted sum, by part id (`a`, `b`, `c`).
    #[serde(
        default,
        deserialize_with = "unique_parts",
        skip_serializing_if = "Option::is_none"
    )]
    // A plain object in JS, as the package reads it (tsify would say `Map`).
    #[cfg_attr(feature = "ts", tsify(type = "Record<string, Ratio>", optional))]
    pub parts: Option<BTreeMap<String, Ratio>>,
}

/// A ratio-index input: one unit in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct IndexInput {
    /// The period (a month, a quarter or a year).
    pub period: Period,
    /// The unit.
    pub unit: Unit,
    /// The counts of each indicator, by the profile's indicator id (`"1.1"`).
    #[serde(deserialize_with = "unique_keys")]
    #[cfg_attr(feature = "ts", tsify(type = "Record<string, IndicatorCounts>"))]
    pub indicators: BTreeMap<String, IndicatorCounts>,
}

crate::base::objects_only!(Ratio, IndicatorCounts, IndexInput);

/// A map whose keys appear once: a repeated indicator or part is `DUPLICATE_FIELD`
/// (serde's own maps keep the last value silently).
fn unique_keys<'de, D, V>(d: D) -> Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Unique<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Unique<V> {
        type Value = BTreeMap<String, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut m: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(k) = m.next_key::<String>()? {
                let v = m.next_value::<V>()?;
                if out.contains_key(&k) {
                    return Err(serde::de::Error::custom(crate::error::tagged(
                        Code::DuplicateField,
                        &format!("{k:?} xuất hiện hai lần"),
                        &format!("{k:?} appears twice"),
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(Unique(std::marker::PhantomData))
}

fn unique_parts<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<BTreeMap<String, Ratio>>, D::Error> {
    unique_keys(d).map(Some)
}

fn exceeds(path: String, id: &str, n: Count, d: Count) -> Problem {
    Problem::new(
        Code::NumeratorExceedsDenominator,
        path,
        format!(
            "Chỉ số {id}: tử số {} lớn hơn mẫu số {}",
            crate::base::number::count(n.get(), crate::base::Lang::Vi),
            crate::base::number::count(d.get(), crate::base::Lang::Vi)
        ),
        format!(
            "indicator {id}: numerator {} above denominator {}",
            crate::base::number::count(n.get(), crate::base::Lang::En),
            crate::base::number::count(d.get(), crate::base::Lang::En)
        ),
    )
}

/// A numerator of two rates added (5.4) above twice its denominator, or above 0 over 0.
fn beyond_two_rates(path: String, id: &str, n: Count, d: Count) -> Problem {
    use crate::base::{number::count, Lang};
    Problem::new(
        Code::NumeratorExceedsDenominator,
        path,
        format!(
            "Chỉ số {id}: tử số {} (hai số hồ sơ cộng lại) vượt quá hai lần mẫu số {}",
            count(n.get(), Lang::Vi),
            count(d.get(), Lang::Vi)
        ),
        format!(
            "indicator {id}: numerator {} (two counts of dossiers added) above twice the denominator {}",
            count(n.get(), Lang::En),
            count(d.get(), Lang::En)
        ),
    )
}

fn missing(path: String, id: &str, what_vi: &str, what_en: &str) -> Problem {
    Problem::new(
        Code::MissingField,
        path,
        format!("Chỉ số {id}: thiếu {what_vi}"),
        format!("indicator {id}: missing {what_en}"),
    )
}

/// Every problem of `input` under `profile`: the period, the unit's level (one the profile
/// covers), an indicator the profile lacks (`INDICATOR_UNKNOWN`), a scored indicator
/// without its counts (`MISSING_FIELD`; shown-only ones may be left out), a numerator
/// above its denominator (`NUMERATOR_EXCEEDS_DENOMINATOR`, unless the indicator allows it).
///
/// Source: index-766.md (every indicator is a rate numerator ÷ denominator × 100 %).
pub fn validate_index(input: &IndexInput, profile: &CheckedIndexProfile) -> Vec<Problem> {
    let mut out = Vec::new();
    crate::input::period_problems(&input.period, &mut out);
    if let Some(level) = input.unit.level {
        if !profile.unit_levels.contains(&level) {
            let l = level.label();
            out.push(Problem::new(
                Code::UnitLevelNotCovered,
                "unit.level",
                format!("Bộ chỉ số {} không áp dụng cho cấp {}", profile.id, l.vi),
                format!("profile {} does not cover the level {}", profile.id, l.en),
            ));
        }
    }
    for key in input.indicators.keys() {
        if !profile.indicators().any(|(_, i)| i.id == key.as_str()) {
            out.push(Problem::new(
                Code::IndicatorUnknown,
                format!("indicators.{key}"),
                format!("Bộ chỉ số {} không có chỉ số {key:?}", profile.id),
                format!("profile {} has no indicator {key:?}", profile.id),
            ));
        }
    }
    for (_, ind) in profile.indicators() {
        let id = ind.id.as_ref();
        let at = format!("indicators.{id}");
        let Some(c) = input.indicators.get(id) else {
            match &ind.conversion {
                Conversion::ShownOnly => {}
                // An indicator of parts is given by its parts (3.6: a, b, c).
                Conversion::WeightedSum { parts } => {
                    let ids: Vec<&str> = parts.iter().map(|p| p.id.as_ref()).collect();
                    let ids = ids.join(", ");
                    out.push(missing(
                        at,
                        id,
                        &format!("các phần (parts: {ids})"),
                        &format!("its parts (parts: {ids})"),
                    ));
                }
                _ => out.push(missing(
                    at,
                    id,
                    "tử số và mẫu số",
                    "its numerator and denominator",
                )),
            }
            continue;
        };
        if c.last_year_total.is_some() && !ind.last_year_fallback {
            out.push(Problem::new(
                Code::UnknownField,
                format!("{at}.lastYearTotal"),
                format!("Chỉ số {id} không dùng tổng năm trước (lastYearTotal)"),
                format!("indicator {id} takes no last year's total (lastYearTotal)"),
            ));
        }
        if let Conversion::WeightedSum { parts } = &ind.conversion {
            if c.numerator.is_some() || c.denominator.is_some() {
                let field = if c.numerator.is_some() {
                    "numerator"
                } else {
                    "denominator"
                };
                out.push(Problem::new(
                    Code::UnknownField,
                    format!("{at}.{field}"),
                    format!("Chỉ số {id} nhập theo từng phần (parts), không có {field}"),
                    format!("indicator {id} takes its parts (parts), not a {field}"),
                ));
            }
            let given = c.parts.clone().unwrap_or_default();
            for key in given.keys() {
                if !parts.iter().any(|p| p.id == key.as_str()) {
                    out.push(Problem::new(
                        Code::IndicatorUnknown,
                        format!("{at}.parts.{key}"),
                        format!("Chỉ số {id} không có phần {key:?}"),
                        format!("indicator {id} has no part {key:?}"),
                    ));
                }
            }
            for p in parts {
                match given.get(p.id.as_ref()) {
                    None => out.push(missing(
                        format!("{at}.parts.{}", p.id),
                        id,
                        &format!("phần {}", p.id),
                        &format!("part {}", p.id),
                    )),
                    Some(r) if r.numerator > r.denominator => out.push(exceeds(
                        format!("{at}.parts.{}.numerator", p.id),
                        id,
                        r.numerator,
                        r.denominator,
                    )),
                    Some(_) => {}
                }
            }
            continue;
        }
        if c.parts.is_some() {
            out.push(Problem::new(
                Code::UnknownField,
                format!("{at}.parts"),
                format!("Chỉ số {id} nhập tử số và mẫu số, không có các phần"),
                format!("indicator {id} takes a numerator and a denominator, not parts"),
            ));
        }
        match (c.numerator, c.denominator) {
            (None, _) => out.push(missing(
                format!("{at}.numerator"),
                id,
                "tử số",
                "its numerator",
            )),
            (_, None) => out.push(missing(
                format!("{at}.denominator"),
                id,
                "mẫu số",
                "its denominator",
            )),
            (Some(n), Some(d)) => {
                let two_rates = ind.numerator_may_exceed
                    && matches!(ind.conversion, Conversion::Complement { .. });
                if two_rates
                    && (n.get() > d.get().saturating_mul(2) || (d.get() == 0 && n.get() > 0))
                {
                    // 5.4's numerator adds two counts of the same dossiers (overdue, and with
                    // feedback or a "dislike"): each at most the denominator.
                    out.push(beyond_two_rates(format!("{at}.numerator"), id, n, d));
                } else if n > d && (!ind.numerator_may_exceed || d.get() == 0) {
                    // A share (5.1: feedback of a class ÷ all feedback) never exceeds its
                    // whole; a total over a count (2.2: time ÷ resolved dossiers) may, but
                    // not over none.
                    out.push(exceeds(format!("{at}.numerator"), id, n, d));
                }
            }
        }
    }
    out
}
