//! The input: one quarterly (monthly, yearly) report of one unit, as counts and facts.
//!
//! Field names are camelCase in JSON and every input struct denies unknown fields, so a
//! typo such as `carriedOvr` is an error rather than a silent default.

use super::scalar::{self, Count, DeclaredScore, Level, Percent};
use crate::base::Localized;
use crate::calendar::{period_bounds, CalendarDate};
use crate::indicator::IndicatorId;
use serde::{Deserialize, Serialize};

/// The reporting period: a quarter, a month or a whole year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Period {
    /// Calendar year, 2000–2100.
    #[serde(deserialize_with = "scalar::year")]
    #[cfg_attr(feature = "schema", schemars(range(min = 2000, max = 2100)))]
    pub year: u16,
    /// Quarter 1–4, for a quarterly report.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 4)))]
    #[serde(
        default,
        deserialize_with = "scalar::quarter",
        skip_serializing_if = "Option::is_none"
    )]
    pub quarter: Option<u8>,
    /// Month 1–12, for a monthly report.
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 12)))]
    #[serde(
        default,
        deserialize_with = "scalar::month",
        skip_serializing_if = "Option::is_none"
    )]
    pub month: Option<u8>,
}

/// As [`FromStr`](std::str::FromStr) reads it: `2021-Q2`, `2021-06` or `2021`.
impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.quarter, self.month) {
            (Some(q), _) => write!(f, "{}-Q{q}", self.year),
            (None, Some(m)) => write!(f, "{}-{m:02}", self.year),
            (None, None) => write!(f, "{}", self.year),
        }
    }
}

impl std::str::FromStr for Period {
    type Err = crate::error::Problem;

    /// `2021-Q2` (a quarter), `2021-06` (a month) or `2021` (a year).
    fn from_str(s: &str) -> Result<Period, Self::Err> {
        let bad = || {
            crate::error::Problem::new(
                crate::error::Code::PeriodInvalid,
                "period",
                format!("Kỳ báo cáo phải viết dạng 2021-Q2, 2021-06 hoặc 2021 (giá trị: {s:?})"),
                format!("a period is written 2021-Q2, 2021-06 or 2021, got {s:?}"),
            )
        };
        let (y, rest) = match s.split_once('-') {
            Some((y, r)) => (y, Some(r)),
            None => (s, None),
        };
        // Digits only: `parse` alone would take "+2021" or "2021-+6".
        let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        let quarter_or_month =
            rest.map_or(true, |r| digits(r.strip_prefix(['Q', 'q']).unwrap_or(r)));
        if !digits(y) || !quarter_or_month {
            return Err(bad());
        }
        let year: u16 = y
            .parse()
            .ok()
            .filter(|y| (2000..=2100).contains(y))
            .ok_or_else(bad)?;
        let (quarter, month) = match rest {
            None => (None, None),
            Some(q) if q.starts_with(['Q', 'q']) => (
                Some(
                    q[1..]
                        .parse()
                        .ok()
                        .filter(|q| (1..=4).contains(q))
                        .ok_or_else(bad)?,
                ),
                None,
            ),
            Some(m) if m.len() == 2 => (
                None,
                Some(
                    m.parse()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(bad)?,
                ),
            ),
            Some(_) => return Err(bad()),
        };
        Ok(Period {
            year,
            quarter,
            month,
        })
    }
}

impl Period {
    /// The first and last day of the period; `None` for a quarter or month that does not exist.
    pub fn bounds(&self) -> Option<(CalendarDate, CalendarDate)> {
        period_bounds(self.year, self.quarter, self.month)
    }
}

/// Administrative level of the evaluated unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl UnitLevel {
    /// Every level, from the ministry down to the commune.
    pub const ALL: [UnitLevel; 5] = [
        UnitLevel::Ministry,
        UnitLevel::Province,
        UnitLevel::Department,
        UnitLevel::District,
        UnitLevel::Commune,
    ];

    /// The level's name in both languages.
    pub const fn label(self) -> Localized {
        match self {
            UnitLevel::Ministry => Localized::fixed(
                "Bộ, cơ quan ngang bộ",
                "Ministry or ministerial-level agency",
            ),
            UnitLevel::Province => {
                Localized::fixed("UBND cấp tỉnh", "Provincial People's Committee")
            }
            UnitLevel::Department => {
                Localized::fixed("Sở, ban, ngành cấp tỉnh", "Provincial department")
            }
            UnitLevel::District => {
                Localized::fixed("UBND cấp huyện", "District People's Committee")
            }
            UnitLevel::Commune => Localized::fixed("UBND cấp xã", "Commune People's Committee"),
        }
    }
}

/// The evaluated unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Unit {
    /// Name as printed after "Đơn vị:" (e.g. "UBND cấp huyện").
    pub name: String,
    /// Administrative level; when unknown (e.g. a tally without the per-unit facts), a rule
    /// that depends on it allows every level's outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<UnitLevel>,
    /// The reporting body printed in the title (e.g. "UBND huyện Điện Biên, tỉnh Điện Biên").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
}

/// Dossiers received in the period, by channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
        self.online.get() + self.direct.get() + self.carried_over.get()
    }
}

/// Dossiers resolved in the period, by timeliness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
    /// The breakdown as grades: early → 2, on time → 1, late → 0 (TT01 Art. 13.1).
    pub fn as_grades(&self) -> Grades {
        Grades {
            two: self.early,
            one: self.on_time,
            zero: self.late,
            unknown: Count::ZERO,
        }
    }

    /// Early + on time + late.
    pub fn sum_of_breakdown(&self) -> u64 {
        self.early.get() + self.on_time.get() + self.late.get()
    }
}

/// Dossiers still being processed at the end of the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Pending {
    /// Within the deadline (trong hạn).
    pub within_deadline: Count,
    /// Past the deadline (quá hạn).
    pub overdue: Count,
}

impl Pending {
    /// Within the deadline + overdue.
    pub fn total(&self) -> u64 {
        self.within_deadline.get() + self.overdue.get()
    }
}

/// The dossier summary of the report header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Dossiers {
    /// Received.
    pub received: Received,
    /// Resolved.
    pub resolved: Resolved,
    /// Pending.
    pub pending: Pending,
}

/// How many resolved dossiers earned 2, 1 and 0 points on one per-dossier indicator, and
/// how many could not be graded for want of data (`unknown`, e.g. a tally of records
/// without a `contacts` column). An indicator with unknown dossiers is not counted
/// (TT01 Art. 15, missing data).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Grades {
    /// Dossiers at 2 points.
    pub two: Count,
    /// Dossiers at 1 point.
    pub one: Count,
    /// Dossiers at 0 points.
    pub zero: Count,
    /// Dossiers without the data to grade them.
    #[serde(default, skip_serializing_if = "Count::is_zero")]
    pub unknown: Count,
}

impl Grades {
    /// Builds grades from plain numbers, for tests and examples.
    ///
    /// # Panics
    /// When a number is above [`MAX_COUNT`](super::MAX_COUNT).
    pub fn of(two: u64, one: u64, zero: u64) -> Grades {
        let c = |n| Count::new(n).expect("count within MAX_COUNT");
        Grades {
            two: c(two),
            one: c(one),
            zero: c(zero),
            unknown: Count::ZERO,
        }
    }

    /// Number of dossiers, graded or not (cannot overflow: each count is below 2^53).
    pub fn dossiers(&self) -> u64 {
        self.two.get() + self.one.get() + self.zero.get() + self.unknown.get()
    }

    /// Sum of points: 2 × two + 1 × one.
    pub fn points(&self) -> u64 {
        2 * self.two.get() + self.one.get()
    }
}

/// The five per-dossier indicators (TT01 Art. 13.1–13.5 as numbered by the Điện Biên form).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct UnitIndicator<F> {
    /// The level the unit declares.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Facts.
    #[serde(
        default = "Option::<F>::default",
        skip_serializing_if = "Option::is_none"
    )]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
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
        self.per_dossier
            .total_time
            .unwrap_or(self.dossiers.resolved.as_grades())
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

crate::base::objects_only!(
    Period,
    Unit,
    Received,
    Resolved,
    Pending,
    Dossiers,
    Grades,
    PerDossier,
    OneStopFacts,
    PublicityFacts,
    FeedbackFacts,
    OnlineFacts,
    UnitIndicator<F>,
    PerUnit,
    Official,
    DeclaredScores,
    Declared,
    Report
);
