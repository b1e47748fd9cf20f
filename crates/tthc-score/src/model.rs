//! The input: one quarterly (monthly, yearly) report of one unit, as counts and facts.
//!
//! Field names are camelCase in JSON and every input struct denies unknown fields, so a
//! typo such as `carriedOvr` is an error rather than a silent default.

use crate::error::{tagged, Code};
use crate::indicator::IndicatorId;
use rust_decimal::Decimal;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// The largest count accepted: 2^53 − 1, the largest integer that JavaScript
/// represents exactly, so that the browser and the back end agree on every input.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// A number of dossiers (or of procedures, feedback items): a non-negative whole number
/// not above [`MAX_COUNT`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Count(u64);

impl Count {
    /// Zero.
    pub const ZERO: Count = Count(0);

    /// A count, or `None` above [`MAX_COUNT`].
    pub const fn new(n: u64) -> Option<Count> {
        if n <= MAX_COUNT {
            Some(Count(n))
        } else {
            None
        }
    }

    /// The value.
    pub const fn get(self) -> u64 {
        self.0
    }
}

impl From<u32> for Count {
    fn from(n: u32) -> Self {
        Count(u64::from(n))
    }
}

impl Serialize for Count {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.0)
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a non-negative whole number")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Count::new(v).ok_or_else(|| too_large(&v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) => Err(E::custom(tagged(
                        Code::CountNegative,
                        &format!("Số lượng không được âm (giá trị: {v})"),
                        &format!("count must not be negative, got {v}"),
                    ))),
                }
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<Count, E> {
                u64::try_from(v)
                    .map_err(|_| too_large(&v.to_string()))
                    .and_then(|u| self.visit_u64(u))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<Count, E> {
                match u64::try_from(v) {
                    Ok(u) => self.visit_u64(u),
                    Err(_) if v < 0 => self.visit_i64(-1),
                    Err(_) => Err(too_large(&v.to_string())),
                }
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                if !v.is_finite() {
                    Err(E::custom(tagged(
                        Code::NotFinite,
                        &format!("Số lượng phải là số hữu hạn, không phải {v}"),
                        &format!("count must be a finite number, got {v}"),
                    )))
                } else if v < 0.0 {
                    Err(E::custom(tagged(
                        Code::CountNegative,
                        &format!("Số lượng không được âm (giá trị: {v})"),
                        &format!("count must not be negative, got {v}"),
                    )))
                } else if v.fract() != 0.0 {
                    Err(E::custom(tagged(
                        Code::CountFractional,
                        &format!("Số lượng phải là số nguyên (giá trị: {v})"),
                        &format!("count must be a whole number, got {v}"),
                    )))
                } else if v > MAX_COUNT as f64 {
                    Err(too_large(&v.to_string()))
                } else {
                    // Exact: v is a whole number below 2^53.
                    Ok(Count(v as u64))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                if let Some(f) = non_finite(v) {
                    return self.visit_f64(f);
                }
                Err(E::custom(tagged(
                    Code::CountNotANumber,
                    &format!("Số lượng phải là một số, không phải chuỗi ký tự {v:?}"),
                    &format!("count must be a number, not the string {v:?}"),
                )))
            }
        }
        d.deserialize_any(V)
    }
}

/// JSON has no NaN or infinities; the JavaScript package sends them as these strings so
/// that they get their own error code (`NOT_FINITE`) rather than a type error.
fn non_finite(v: &str) -> Option<f64> {
    match v {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

fn too_large<E: de::Error>(v: &str) -> E {
    E::custom(tagged(
        Code::CountTooLarge,
        &format!("Số lượng không được vượt quá 9.007.199.254.740.991 (giá trị: {v})"),
        &format!("count must not exceed {MAX_COUNT}, got {v}"),
    ))
}

/// A range check run inside the visitor, so that serde_json reports the error at the
/// value itself (and the error path names the field).
type Check = fn(Decimal) -> Result<Decimal, (Code, String, String)>;

/// Reads a decimal from any JSON number or decimal string and checks it; NaN and
/// infinities are refused. `what` names the kind of value; `bad` is the code of a non-number.
fn decimal_from<'de, D: Deserializer<'de>>(
    d: D,
    bad: Code,
    what: (&'static str, &'static str),
    check: Check,
) -> Result<Decimal, D::Error> {
    struct V(Code, (&'static str, &'static str), Check);
    impl V {
        fn checked<E: de::Error>(&self, v: Decimal) -> Result<Decimal, E> {
            (self.2)(v).map_err(|(code, vi, en)| E::custom(tagged(code, &vi, &en)))
        }
    }
    impl Visitor<'_> for V {
        type Value = Decimal;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a {} as a number or decimal string", self.1 .1)
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
            self.checked(Decimal::from(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
            self.checked(Decimal::from(v))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
            if !v.is_finite() {
                return Err(E::custom(tagged(
                    Code::NotFinite,
                    &format!("{} phải là số hữu hạn, không phải {v}", self.1 .0),
                    &format!("{} must be a finite number, got {v}", self.1 .1),
                )));
            }
            // The shortest round-trip text of the float is what the user typed.
            match Decimal::from_str(&v.to_string()) {
                Ok(d) => self.checked(d),
                Err(_) => Err(E::custom(tagged(
                    self.0,
                    &format!("{} vượt ngoài phạm vi: {v}", self.1 .0),
                    &format!("{} out of range: {v}", self.1 .1),
                ))),
            }
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
            if let Some(f) = non_finite(v) {
                return self.visit_f64(f);
            }
            let plain = !v.is_empty()
                && v.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
                && v.bytes().filter(|&b| b == b'.').count() <= 1;
            match (plain, Decimal::from_str_exact(v)) {
                (true, Ok(d)) => self.checked(d),
                _ => Err(E::custom(tagged(
                    self.0,
                    &format!(
                        "{} phải là số thập phân như \"12.5\" (giá trị: {v:?})",
                        self.1 .0
                    ),
                    &format!(
                        "{} must be a decimal number such as \"12.5\", got {v:?}",
                        self.1 .1
                    ),
                ))),
            }
        }
    }
    d.deserialize_any(V(bad, what, check))
}

/// A percentage in 0–100 (e.g. the share of procedures received at the one-stop desk).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(Decimal);

impl Percent {
    /// A percentage, or `None` outside 0–100.
    pub fn new(d: Decimal) -> Option<Percent> {
        (Decimal::ZERO..=Decimal::ONE_HUNDRED)
            .contains(&d)
            .then_some(Percent(d))
    }

    /// The value in percent.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl Serialize for Percent {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal_from(
            d,
            Code::PercentNotANumber,
            ("Tỷ lệ phần trăm", "percentage"),
            |v| {
                Percent::new(v).map(Percent::get).ok_or_else(|| {
                    (
                        Code::PercentOutOfRange,
                        format!("Tỷ lệ phần trăm phải trong khoảng 0–100 (giá trị: {v})"),
                        format!("percentage must be within 0–100, got {v}"),
                    )
                })
            },
        )
        .map(Percent)
    }
}

/// A score as declared in a published report (0–18), kept as the decimal it was written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DeclaredScore(Decimal);

impl DeclaredScore {
    /// A declared score, or `None` outside 0–18.
    pub fn new(d: Decimal) -> Option<Self> {
        (Decimal::ZERO..=Decimal::from(18))
            .contains(&d)
            .then_some(DeclaredScore(d))
    }

    /// The value.
    pub fn get(self) -> Decimal {
        self.0
    }
}

impl Serialize for DeclaredScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        Serialize::serialize(&self.0, s)
    }
}

impl<'de> Deserialize<'de> for DeclaredScore {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        decimal_from(
            d,
            Code::ScoreInvalid,
            ("Điểm công bố", "score"),
            |v| {
                DeclaredScore::new(v)
                    .map(DeclaredScore::get)
                    .ok_or_else(|| {
                        (
                            Code::ScoreInvalid,
                            format!("Điểm công bố phải trong khoảng 0–18 (giá trị: {v})"),
                            format!("a declared score must be within 0–18, got {v}"),
                        )
                    })
            },
        )
        .map(DeclaredScore)
    }
}

/// A level of a per-unit indicator: 0, 1 or 2 points (the row marked "x" on the form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Level(u8);

impl Level {
    /// 0 points.
    pub const ZERO: Level = Level(0);
    /// 1 point.
    pub const ONE: Level = Level(1);
    /// 2 points.
    pub const TWO: Level = Level(2);

    /// A level, or `None` above 2.
    pub const fn new(n: u8) -> Option<Level> {
        if n <= 2 {
            Some(Level(n))
        } else {
            None
        }
    }

    /// The points.
    pub const fn points(self) -> u8 {
        self.0
    }
}

impl Serialize for Level {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Level {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = decimal_from(d, Code::LevelOutOfRange, ("Mức", "level"), |n| {
            let whole = n.fract().is_zero() && n >= Decimal::ZERO && n <= Decimal::TWO;
            if whole {
                Ok(n)
            } else {
                Err((
                    Code::LevelOutOfRange,
                    format!("Mức chỉ được là 0, 1 hoặc 2 (giá trị: {n})"),
                    format!("level must be 0, 1 or 2, got {n}"),
                ))
            }
        })?;
        // Checked above: a whole number 0–2.
        Ok(Level(if n == Decimal::TWO {
            2
        } else if n == Decimal::ONE {
            1
        } else {
            0
        }))
    }
}

/// The reporting period: a quarter, a month or a whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Period {
    /// Calendar year, 2000–2100.
    pub year: u16,
    /// Quarter 1–4, for a quarterly report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter: Option<u8>,
    /// Month 1–12, for a monthly report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<u8>,
}

/// Administrative level of the evaluated unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum UnitLevel {
    /// Ministry or ministerial-level agency (bộ, cơ quan ngang bộ).
    Ministry,
    /// Provincial People's Committee (UBND cấp tỉnh).
    Province,
    /// Provincial department (sở, ban, ngành).
    Department,
    /// District People's Committee (UBND cấp huyện).
    District,
    /// Commune People's Committee (UBND cấp xã).
    Commune,
}

/// The evaluated unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Unit {
    /// Name as printed after "Đơn vị:" (e.g. "UBND cấp huyện").
    pub name: String,
    /// Administrative level.
    pub level: UnitLevel,
    /// The reporting body printed in the title (e.g. "UBND huyện Điện Biên, tỉnh Điện Biên").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
}

/// Dossiers received in the period, by channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Received {
    /// Received online (trực tuyến).
    pub online: Count,
    /// Received directly or by post (trực tiếp, dịch vụ bưu chính).
    pub direct: Count,
    /// Carried over from the previous period (từ kỳ trước).
    pub carried_over: Count,
    /// The total as declared; when absent, the sum of the three channels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Count>,
}

impl Received {
    /// Online + direct + carried over (cannot overflow: each count is below 2^53).
    pub fn sum_of_channels(&self) -> u64 {
        self.online.0 + self.direct.0 + self.carried_over.0
    }
}

/// Dossiers resolved in the period, by timeliness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Resolved {
    /// Resolved before the due date (trước hạn).
    pub early: Count,
    /// Resolved on the due date (đúng hạn).
    pub on_time: Count,
    /// Resolved after the due date (quá hạn).
    pub late: Count,
    /// The total as declared; must equal early + on time + late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Count>,
}

impl Resolved {
    /// Early + on time + late.
    pub fn sum_of_breakdown(&self) -> u64 {
        self.early.0 + self.on_time.0 + self.late.0
    }
}

/// Dossiers still being processed at the end of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Pending {
    /// Within the deadline (trong hạn).
    pub within_deadline: Count,
    /// Past the deadline (quá hạn).
    pub overdue: Count,
}

impl Pending {
    /// Within the deadline + overdue.
    pub fn total(&self) -> u64 {
        self.within_deadline.0 + self.overdue.0
    }
}

/// The dossier summary of the report header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Dossiers {
    /// Received.
    pub received: Received,
    /// Resolved.
    pub resolved: Resolved,
    /// Pending.
    pub pending: Pending,
}

/// How many resolved dossiers earned 2, 1 and 0 points on one per-dossier indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grades {
    /// Dossiers at 2 points.
    pub two: Count,
    /// Dossiers at 1 point.
    pub one: Count,
    /// Dossiers at 0 points.
    pub zero: Count,
}

impl Grades {
    /// Builds grades from plain numbers (panics above [`MAX_COUNT`]; for tests and examples).
    pub fn of(two: u64, one: u64, zero: u64) -> Grades {
        let c = |n| Count::new(n).expect("count within MAX_COUNT");
        Grades {
            two: c(two),
            one: c(one),
            zero: c(zero),
        }
    }

    /// Number of dossiers graded (cannot overflow: each count is below 2^53).
    pub fn dossiers(&self) -> u64 {
        self.two.0 + self.one.0 + self.zero.0
    }

    /// Sum of points: 2 × two + 1 × one.
    pub fn points(&self) -> u64 {
        2 * self.two.0 + self.one.0
    }
}

/// The five per-dossier indicators (TT01 Art. 13.1–13.5 as numbered by the Điện Biên form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PerDossier {
    /// Total handling time; when absent, the resolved breakdown (early → 2, on time → 1, late → 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_time: Option<Grades>,
    /// Time of each participating agency.
    pub agency_time: Grades,
    /// Contacts needed to complete the dossier.
    pub contacts: Grades,
    /// Agencies contacted to complete the dossier.
    pub agencies: Grades,
    /// Attitude of officials.
    pub attitude: Grades,
}

/// Facts of the one-stop desk indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OneStopFacts {
    /// Share of (non-exempt) procedures received and returned at the desk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received_at_desk_percent: Option<Percent>,
    /// Share of procedures that the desk itself receives, appraises and approves (TT01 rule).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_at_desk_percent: Option<Percent>,
}

/// Facts of the publicity indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PublicityFacts {
    /// Published accurately, fully and on time by posting at the office (niêm yết).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posted: Option<bool>,
    /// Published accurately, fully and on time electronically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic: Option<bool>,
}

/// Facts of the feedback-handling indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FeedbackFacts {
    /// Feedback items and petitions received (phản ánh, kiến nghị).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub received: Option<Count>,
    /// Of which handled within the legal time limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handled_on_time: Option<Count>,
    /// Items that have become prolonged (kéo dài).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prolonged: Option<Count>,
}

/// Facts of the online public services indicator. The online share of dossiers is not a
/// fact here: it is derived from the dossier summary (interpretation `onlineShareBase`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OnlineFacts {
    /// Share of eligible procedures deployed as level 3–4 online services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployed_percent: Option<Percent>,
    /// Online dossiers unresolved or resolved late.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_unresolved_or_late: Option<Count>,
}

/// One per-unit indicator: a declared level (the "x"), facts from which the level is
/// derived, or both (then the audit checks that they agree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnitIndicator<F> {
    /// The level the unit declares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Facts.
    #[serde(default = "Option::default", skip_serializing_if = "Option::is_none")]
    pub facts: Option<F>,
    /// The indicator does not apply to the unit in this period (TT01 Art. 15, missing data).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub not_applicable: bool,
}

impl<F> UnitIndicator<F> {
    /// A declared level without facts.
    pub fn declared(level: Level) -> Self {
        Self {
            level: Some(level),
            facts: None,
            not_applicable: false,
        }
    }
}

/// The four per-unit indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PerUnit {
    /// Receiving and returning at the one-stop desk.
    pub one_stop: UnitIndicator<OneStopFacts>,
    /// Publicity of procedures.
    pub publicity: UnitIndicator<PublicityFacts>,
    /// Handling of feedback and petitions.
    pub feedback: UnitIndicator<FeedbackFacts>,
    /// Online public services.
    pub online_services: UnitIndicator<OnlineFacts>,
}

/// One official's five per-dossier counts (the dossiers that official handled).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Official {
    /// Name or identifier.
    pub name: String,
    /// Total handling time.
    pub total_time: Grades,
    /// Time of each participating agency.
    pub agency_time: Grades,
    /// Contacts.
    pub contacts: Grades,
    /// Agencies contacted.
    pub agencies: Grades,
    /// Attitude.
    pub attitude: Grades,
}

impl Official {
    /// The grades of one per-dossier indicator.
    pub fn grades(&self, id: IndicatorId) -> Option<&Grades> {
        Some(match id {
            IndicatorId::TotalTime => &self.total_time,
            IndicatorId::AgencyTime => &self.agency_time,
            IndicatorId::Contacts => &self.contacts,
            IndicatorId::Agencies => &self.agencies,
            IndicatorId::Attitude => &self.attitude,
            _ => return None,
        })
    }
}

/// Scores declared per indicator in a published report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct DeclaredScores {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_time: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency_time: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agencies: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attitude: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub one_stop: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicity: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback: Option<DeclaredScore>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online_services: Option<DeclaredScore>,
}

impl DeclaredScores {
    /// The declared score of one indicator.
    pub fn get(&self, id: IndicatorId) -> Option<DeclaredScore> {
        match id {
            IndicatorId::TotalTime => self.total_time,
            IndicatorId::AgencyTime => self.agency_time,
            IndicatorId::Contacts => self.contacts,
            IndicatorId::Agencies => self.agencies,
            IndicatorId::Attitude => self.attitude,
            IndicatorId::OneStop => self.one_stop,
            IndicatorId::Publicity => self.publicity,
            IndicatorId::Feedback => self.feedback,
            IndicatorId::OnlineServices => self.online_services,
        }
    }
}

/// What a published report declares, to be checked by the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Declared {
    /// Per-indicator scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<DeclaredScores>,
    /// The total ("Tổng điểm chung").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<DeclaredScore>,
}

/// One report: everything the annex table and the scorecard are computed from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Report {
    /// Reporting period.
    pub period: Period,
    /// Evaluated unit.
    pub unit: Unit,
    /// Dossier summary.
    pub dossiers: Dossiers,
    /// The five per-dossier indicators.
    pub per_dossier: PerDossier,
    /// The four per-unit indicators.
    pub per_unit: PerUnit,
    /// Officials who handled dossiers, for the officials' evaluation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub officials: Vec<Official>,
    /// Figures declared in a published report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared: Option<Declared>,
}

impl Report {
    /// Resolved dossiers: the declared total or, when absent, early + on time + late.
    pub fn resolved_total(&self) -> u64 {
        let r = &self.dossiers.resolved;
        r.total.map_or(r.sum_of_breakdown(), Count::get)
    }

    /// Received dossiers: the declared total or, when absent, the sum of the channels.
    pub fn received_total(&self) -> u64 {
        let r = &self.dossiers.received;
        r.total.map_or(r.sum_of_channels(), Count::get)
    }

    /// The grades of the total-time indicator (given, or derived from the resolved breakdown).
    pub fn total_time_grades(&self) -> Grades {
        self.per_dossier.total_time.unwrap_or(Grades {
            two: self.dossiers.resolved.early,
            one: self.dossiers.resolved.on_time,
            zero: self.dossiers.resolved.late,
        })
    }

    /// The grades of one per-dossier indicator.
    pub fn grades(&self, id: IndicatorId) -> Option<Grades> {
        let p = &self.per_dossier;
        Some(match id {
            IndicatorId::TotalTime => self.total_time_grades(),
            IndicatorId::AgencyTime => p.agency_time,
            IndicatorId::Contacts => p.contacts,
            IndicatorId::Agencies => p.agencies,
            IndicatorId::Attitude => p.attitude,
            _ => return None,
        })
    }
}
