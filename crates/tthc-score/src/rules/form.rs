//! The rows of the annex form whose wording depends on the profile: the one-stop rule.

use super::unit::approved_threshold;
use crate::base::Localized;
use crate::indicator::{sub_rows, IndicatorId, IndicatorKind};
use crate::input::UnitLevel;
use crate::profile::{Band, OneStopRule, Profile};
use serde::Serialize;
use std::borrow::Cow;

const fn l(vi: &'static str, en: &'static str) -> Localized {
    Localized::fixed(vi, en)
}

// `#[inline(never)]` on this and `form_rows`: the module of "tthc-score/dossiers" compiles
// the core for speed (opt-level 3), where `labels` inlined them into a loop nine times
// over (about 12 KB of WebAssembly); out of line, `labels` and `render` share one copy.
/// The row title of indicator `id` on the annex form under the one-stop `rule`: the
/// Điện Biên form (seed \[R\]) calls the desk "Bộ phận Tiếp nhận và Trả kết quả", TT01
/// "Bộ phận Một cửa".
#[inline(never)]
pub fn form_title(id: IndicatorId, rule: OneStopRule) -> Localized {
    match (id, rule) {
        (IndicatorId::OneStop, OneStopRule::DienBienShareAtDesk) => l(
            "Tổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả",
            "Receiving, resolving and returning results at the one-stop desk",
        ),
        _ => id.title(),
    }
}

/// The three sub-rows (2, 1 and 0 points) of indicator `id` on the annex form of a unit at
/// `unit` level under the one-stop `rule`.
#[inline(never)]
pub fn form_rows(id: IndicatorId, rule: OneStopRule, unit: Option<UnitLevel>) -> [Localized; 3] {
    sub_rows(id).unwrap_or_else(|| one_stop_rows(rule, unit))
}

/// The one-stop rows of the annex form (2, 1 and 0 points) under `rule`; for TT01 the
/// threshold of `unit` is named where known.
pub fn one_stop_rows(rule: OneStopRule, unit: Option<UnitLevel>) -> [Localized; 3] {
    match rule {
            OneStopRule::DienBienShareAtDesk => [
                l("100% TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả", "100% of procedures received and returned at the one-stop desk"),
                l("Từ 90 % đến dưới 100% TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả", "From 90% to under 100% of procedures received and returned at the one-stop desk"),
                l("Dưới 90% TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả", "Under 90% of procedures received and returned at the one-stop desk"),
            ],
            OneStopRule::Tt01ApprovedAtDesk => [
                match unit.map(approved_threshold) {
                    Some(20) => l("Tối thiểu 20% TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa", "At least 20% of procedures received, appraised and approved at the one-stop desk"),
                    Some(50) => l("Tối thiểu 50% TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa", "At least 50% of procedures received, appraised and approved at the one-stop desk"),
                    Some(_) => l("100% TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa", "100% of procedures received, appraised and approved at the one-stop desk"),
                    None => l("Tối thiểu 20% (cấp tỉnh, bộ), 50% (cấp huyện), 100% (cấp xã) TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa", "At least 20% (province, ministry), 50% (district) or 100% (commune) of procedures received, appraised and approved at the one-stop desk"),
                },
                l("100% TTHC không thuộc trường hợp loại trừ được tiếp nhận, trả kết quả tại Bộ phận Một cửa", "100% of non-exempt procedures received and returned at the one-stop desk"),
                l("Không đáp ứng các yêu cầu trên", "Neither of the above"),
            ],
        }
}

/// The words of the annex form under one profile, for a portal that lays out its own
/// table: the indicators in the profile's order with their rows, the rating bands and the
/// names of the unit levels. The same words the rendered tables use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Labels {
    /// The profile's identifier.
    pub profile: Cow<'static, str>,
    /// The nine indicators, in the profile's order.
    pub indicators: Vec<IndicatorLabels>,
    /// The unit's rating bands on the 18-point scale, by descending lower bound.
    #[cfg_attr(feature = "ts", tsify(type = "Band<RatingCode>[]"))]
    pub unit_bands: Vec<Band>,
    /// The officials' bands on the 10-point scale, by descending lower bound.
    #[cfg_attr(feature = "ts", tsify(type = "Band<OfficialBandCode>[]"))]
    pub official_bands: Vec<Band>,
    /// The names of the unit levels.
    pub unit_levels: Vec<UnitLevelLabel>,
}

/// The words of one indicator on the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct IndicatorLabels {
    /// Which indicator.
    pub id: IndicatorId,
    /// Row number (STT) on the form, 1–9.
    pub position: u8,
    /// Per dossier or per unit.
    pub kind: IndicatorKind,
    /// The row title.
    pub title: Localized,
    /// The sub-rows at 2, 1 and 0 points.
    pub levels: [Localized; 3],
}

/// The name of one unit level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct UnitLevelLabel {
    /// The level.
    pub level: UnitLevel,
    /// Its name.
    pub label: Localized,
}

/// The words of the form under `profile`, for a unit at `unit` level (which names the
/// one-stop threshold of TT01 where known).
pub fn labels(profile: &Profile, unit: Option<UnitLevel>) -> Labels {
    Labels {
        profile: profile.id.clone(),
        indicators: profile
            .order
            .iter()
            .zip(1u8..)
            .map(|(&id, position)| IndicatorLabels {
                id,
                position,
                kind: id.kind(),
                title: form_title(id, profile.one_stop_rule),
                levels: form_rows(id, profile.one_stop_rule, unit),
            })
            .collect(),
        unit_bands: profile.unit_bands.clone(),
        official_bands: profile.official_bands.clone(),
        unit_levels: UnitLevel::ALL
            .into_iter()
            .map(|level| UnitLevelLabel {
                level,
                label: level.label(),
            })
            .collect(),
    }
}
