//! Soft findings: inconsistencies that still allow scoring, such as the two defects of the
//! seed report (a received breakdown that does not add up; a declared level the facts
//! contradict). This layer holds what a finding is — its code, severity, facts and
//! message — so that the scorecard can carry findings; the checks that produce them are in
//! `audit`, which reads a finished scorecard.

mod message;

use crate::base::Localized;
pub use crate::base::Severity;
use crate::calendar::CalendarDate;
use crate::indicator::IndicatorId;
use crate::input::{Grades, Level};
use crate::profile::Rating;
use crate::rules::{LevelSet, Share};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

crate::base::codes::stable_codes! {
    /// Stable codes of soft findings.
    pub enum FindingCode {
        /// (error) received ≠ online + direct + carried over.
        ReceivedBreakdownMismatch = "RECEIVED_BREAKDOWN_MISMATCH",
        /// (warning) received ≠ resolved + pending.
        ReceivedNotResolvedPlusPending = "RECEIVED_NOT_RESOLVED_PLUS_PENDING",
        /// (error) the total-time counts differ from the resolved breakdown (early / on time / late).
        TotalTimeDiffersFromResolved = "TOTAL_TIME_DIFFERS_FROM_RESOLVED",
        /// (warning) more dossiers at 2 (1) points on attitude than resolved early (early or on time).
        AttitudeExceedsTimeliness = "ATTITUDE_EXCEEDS_TIMELINESS",
        /// (error) a declared per-unit level that the facts contradict.
        DeclaredLevelContradicted = "DECLARED_LEVEL_CONTRADICTED",
        /// (warning) a per-unit indicator whose facts do not determine a level, and no level declared.
        LevelUndetermined = "LEVEL_UNDETERMINED",
        /// (warning) a per-dossier indicator with dossiers that could not be graded for want of data.
        DossiersUndetermined = "DOSSIERS_UNDETERMINED",
        /// (error) a declared indicator score that differs from the computed one.
        DeclaredScoreMismatch = "DECLARED_SCORE_MISMATCH",
        /// (error) a declared total that differs from the computed one.
        DeclaredTotalMismatch = "DECLARED_TOTAL_MISMATCH",
        /// (warning) the period is not (wholly) within the profile's validity.
        PeriodOutsideProfile = "PERIOD_OUTSIDE_PROFILE",
        /// (info) an indicator is not counted; the total has a reduced maximum.
        IndicatorNotApplicable = "INDICATOR_NOT_APPLICABLE",
        /// (warning) dossiers still pending past their deadline.
        PendingOverdue = "PENDING_OVERDUE",
    }
}

impl FindingCode {
    /// The severity a finding of this code has.
    pub const fn severity(self) -> Severity {
        match self {
            FindingCode::ReceivedBreakdownMismatch
            | FindingCode::TotalTimeDiffersFromResolved
            | FindingCode::DeclaredLevelContradicted
            | FindingCode::DeclaredScoreMismatch
            | FindingCode::DeclaredTotalMismatch => Severity::Error,
            FindingCode::IndicatorNotApplicable => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// What a finding found, as data: the numbers its message is made of. Portals can use them
/// directly (e.g. `expectedDirect` to correct a field, `correctedTotal` to show the effect).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
#[allow(missing_docs)]
pub enum FindingFacts {
    /// Received total vs its channels; `expectedDirect` makes them add up.
    ReceivedBreakdown {
        total: u64,
        online: u64,
        direct: u64,
        carried_over: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expected_direct: Option<u64>,
    },
    /// Received vs resolved + pending.
    ReceivedVsResolved {
        received: u64,
        resolved: u64,
        pending: u64,
    },
    /// Pending past the deadline.
    PendingOverdue { overdue: u64 },
    /// Total-time counts vs the resolved breakdown (as 2/1/0-point counts).
    TotalTimeVsResolved {
        total_time: Grades,
        resolved: Grades,
    },
    /// Attitude counts vs the dossiers resolved early and on time.
    /// `earlyOrOnTime` is what 2 and 1 points together may reach: early + on time, or all
    /// resolved dossiers under `lateAttitude = one`.
    AttitudeVsTimeliness {
        attitude: Grades,
        early: u64,
        early_or_on_time: u64,
    },
    /// A declared level outside the range the facts allow; the total with the facts' levels.
    LevelContradicted {
        indicator: IndicatorId,
        declared: Level,
        possible_levels: LevelSet,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        online_share: Option<Share>,
        total: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corrected_total: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corrected_rating: Option<Rating>,
    },
    /// Facts that leave a range of levels, and no declared level.
    LevelUndetermined {
        indicator: IndicatorId,
        possible_levels: LevelSet,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        online_share: Option<Share>,
    },
    /// Dossiers without the data to grade them on an indicator.
    DossiersUndetermined {
        indicator: IndicatorId,
        unknown: u64,
        dossiers: u64,
    },
    /// An indicator not counted; the reduced maximum.
    NotApplicable {
        indicator: IndicatorId,
        position: u8,
        maximum: Decimal,
    },
    /// A declared indicator score vs the computed one (absent when not applicable).
    DeclaredScore {
        indicator: IndicatorId,
        position: u8,
        declared: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        computed: Option<Decimal>,
    },
    /// A declared total vs the computed one.
    DeclaredTotal {
        declared: Decimal,
        computed: Decimal,
    },
    /// The period and the time the profile governs.
    PeriodOutsideProfile {
        start: CalendarDate,
        end: CalendarDate,
        profile: std::borrow::Cow<'static, str>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<CalendarDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<CalendarDate>,
    },
}

/// One soft finding. Its message is derived from its facts on demand
/// ([`Finding::message`]) and written into the JSON form, so scoring formats no text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// Severity.
    pub severity: Severity,
    /// Path of the field concerned.
    pub path: String,
    /// The numbers behind the finding.
    pub facts: FindingFacts,
}

/// The JSON form of [Finding] (with its derived message).
#[derive(Debug, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[doc(hidden)]
pub struct FindingJson<'a> {
    code: FindingCode,
    severity: Severity,
    path: &'a str,
    facts: &'a FindingFacts,
    message: Localized,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FindingJson {
            code: self.code,
            severity: self.severity,
            path: &self.path,
            facts: &self.facts,
            message: self.message(),
        }
        .serialize(s)
    }
}

impl Finding {
    /// A finding of `code` (its severity follows from the code) at `path`.
    pub fn new(code: FindingCode, path: impl Into<String>, facts: FindingFacts) -> Finding {
        Finding {
            code,
            severity: code.severity(),
            path: path.into(),
            facts,
        }
    }
}
