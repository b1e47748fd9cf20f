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
        #[cfg_attr(feature = "ts", tsify(type = "Rating<RatingCode>", optional))]
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
// TypeScript: `Finding` is the union by `code` built on these fields (`TS_FINDING` below).
#[cfg_attr(feature = "ts", tsify(rename = "FindingFields"))]
#[serde(rename_all = "camelCase")]
#[doc(hidden)]
pub struct FindingJson<'a> {
    /// Stable code, e.g. `DECLARED_LEVEL_CONTRADICTED`.
    code: FindingCode,
    /// How serious: `error` (the report contradicts itself), `warning` or `info`; it
    /// follows from the code.
    severity: Severity,
    /// Path of the field concerned, e.g. `perUnit.onlineServices.level`.
    path: &'a str,
    /// The numbers behind the finding, under one key that follows from the code.
    facts: &'a FindingFacts,
    /// The message, in Vietnamese and English.
    message: Localized,
}

/// Each finding code with the key of its facts and its severity: the TypeScript `Finding`
/// narrows `facts` and `severity` by `code`. A test checks the table against
/// `FindingCode::ALL`, `FindingCode::severity` and the variants of `FindingFacts`.
#[cfg(feature = "ts")]
// Read by the custom section below (whose macro copies the text, so rustc sees no use)
// and by a test.
#[allow(dead_code)]
const TS_FINDING: &str = r#"
/** Each finding code: the key of its facts and its severity. */
export interface FindingKinds {
    RECEIVED_BREAKDOWN_MISMATCH: { facts: "receivedBreakdown"; severity: "error" };
    RECEIVED_NOT_RESOLVED_PLUS_PENDING: { facts: "receivedVsResolved"; severity: "warning" };
    TOTAL_TIME_DIFFERS_FROM_RESOLVED: { facts: "totalTimeVsResolved"; severity: "error" };
    ATTITUDE_EXCEEDS_TIMELINESS: { facts: "attitudeVsTimeliness"; severity: "warning" };
    DECLARED_LEVEL_CONTRADICTED: { facts: "levelContradicted"; severity: "error" };
    LEVEL_UNDETERMINED: { facts: "levelUndetermined"; severity: "warning" };
    DOSSIERS_UNDETERMINED: { facts: "dossiersUndetermined"; severity: "warning" };
    DECLARED_SCORE_MISMATCH: { facts: "declaredScore"; severity: "error" };
    DECLARED_TOTAL_MISMATCH: { facts: "declaredTotal"; severity: "error" };
    PERIOD_OUTSIDE_PROFILE: { facts: "periodOutsideProfile"; severity: "warning" };
    INDICATOR_NOT_APPLICABLE: { facts: "notApplicable"; severity: "info" };
    PENDING_OVERDUE: { facts: "pendingOverdue"; severity: "warning" };
}
/** A finding of code `C`: its `facts` and `severity` are those of the code. */
export interface FindingOf<C extends FindingCode> extends Omit<FindingFields, "code" | "severity" | "facts"> {
    /** Stable code. */
    code: C;
    /** How serious (it follows from the code). */
    severity: FindingKinds[C]["severity"];
    /** The numbers behind the finding, under the key of its code. */
    facts: Extract<FindingFacts, Record<FindingKinds[C]["facts"], unknown>>;
}
/** One soft finding (the score is still computed): code, severity, path, the numbers
 * behind it and its message. `code` narrows `facts`:
 * `if (f.code === "DECLARED_LEVEL_CONTRADICTED") f.facts.levelContradicted.possibleLevels`. */
export type Finding = { [C in FindingCode]: FindingOf<C> }[FindingCode];
"#;
#[cfg(feature = "ts")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_FINDING_SECTION: &'static str = TS_FINDING;

#[cfg(all(test, feature = "ts"))]
mod ts_tests {
    use crate::finding::{FindingCode, FindingFacts, TS_FINDING};
    use tsify::Tsify;

    /// The TypeScript table of findings has one row per code, with its severity, and uses
    /// each variant of the facts once.
    #[test]
    fn finding_kinds_match_the_codes() {
        let rows: Vec<(&str, &str, &str)> = TS_FINDING
            .lines()
            .filter_map(|l| {
                let (code, rest) = l.trim().split_once(": { facts: \"")?;
                let (facts, rest) = rest.split_once("\"; severity: \"")?;
                Some((code, facts, rest.split_once('"')?.0))
            })
            .collect();
        let codes: Vec<&str> = FindingCode::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), codes);
        for (row, code) in rows.iter().zip(FindingCode::ALL) {
            let severity = serde_json::to_value(code.severity()).unwrap();
            assert_eq!(row.2, severity.as_str().unwrap(), "{}", row.0);
        }
        // The variants' keys: `{ key: { …` (a field of a variant is `{ field: type`).
        let decl = FindingFacts::DECL;
        let mut keys: Vec<&str> = decl
            .match_indices("{ ")
            .filter_map(|(i, _)| {
                let (k, after) = decl[i + 2..].split_once(':')?;
                let ident = k.chars().all(|c| c.is_ascii_alphanumeric());
                (ident && after.starts_with(" {")).then_some(k)
            })
            .collect();
        let mut used: Vec<&str> = rows.iter().map(|r| r.1).collect();
        keys.sort_unstable();
        used.sort_unstable();
        assert_eq!(used, keys);
    }
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
