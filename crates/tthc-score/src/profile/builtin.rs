//! The built-in profiles: `dien-bien-2019` (default; what the seed report shows) and
//! `tt01-2018` (Circular 01/2018/TT-VPCP as written).

use super::{Band, CheckedProfile, Interpretations, OneStopRule, Profile, RoundingPolicy};
use crate::base::rounding::Rounding;
use crate::base::Localized;
use crate::calendar::CalendarDate;
use crate::error::{Code, Problem};
use crate::indicator::IndicatorId;
use rust_decimal::Decimal;
use std::sync::LazyLock;

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
pub static DIEN_BIEN_2019: LazyLock<CheckedProfile> =
    LazyLock::new(|| CheckedProfile::trusted(dien_bien_2019()));

fn dien_bien_2019() -> Profile {
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
}

/// The national profile: Circular 01/2018/TT-VPCP as written. One-stop is 5th, attitude
/// 7th; each averaged indicator is rounded to 1 decimal and the total is the sum of the
/// rounded indicators (Art. 15). Applies to periods from 06/01/2019 (entry into force) to
/// 30/06/2025 (Decree 118/2025 replaced Decree 61/2018 from 01/07/2025).
pub static TT01_2018: LazyLock<CheckedProfile> =
    LazyLock::new(|| CheckedProfile::trusted(tt01_2018()));

fn tt01_2018() -> Profile {
    Profile {
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
    }
}

/// The identifier of the default profile.
pub const DEFAULT_PROFILE: &str = "dien-bien-2019";

/// The built-in profiles, the default first.
pub fn builtin() -> [&'static CheckedProfile; 2] {
    [&DIEN_BIEN_2019, &TT01_2018]
}

/// A built-in profile by identifier.
///
/// # Errors
/// `UNKNOWN_PROFILE` for an identifier that names no built-in profile.
pub fn find(id: &str) -> Result<&'static CheckedProfile, Problem> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::band_of;

    /// Built-in profiles skip the check at run time; this test is their check.
    #[test]
    fn builtins_pass_the_check() {
        for (raw, checked) in [
            (dien_bien_2019(), &*DIEN_BIEN_2019),
            (tt01_2018(), &*TT01_2018),
        ] {
            assert_eq!(&raw.clone().check().unwrap(), checked);
        }
        assert_eq!(builtin()[0].id, DEFAULT_PROFILE);
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
}
