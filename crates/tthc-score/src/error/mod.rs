//! Hard errors: inputs from which no correct score can be computed.
//!
//! Every problem carries a stable [`Code`], the path of the offending field
//! (dot/bracket notation, e.g. `perDossier.contacts.two` or `officials[1].attitude`)
//! and a message in Vietnamese and English.
//!
//! **Two types, one story.** A [`Problem`] is one error (`std::error::Error`); it is what a
//! step that stops at its first difficulty returns: parsing one value, finding a profile,
//! rendering. [`Errors`] is the non-empty list of every problem of one input, for the
//! calls that check a whole report and report all it finds (`score`, `validate`,
//! `score_report`); `From<Problem>` makes a single problem a list, so `?` works from
//! either kind of call into the other. Rows of a dossier file are not errors of the
//! call: the tally rejects them one by one and counts them (`tally::TallySummary`).

use crate::base::Localized;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt;

mod from_serde;
pub use from_serde::problem_from_serde;
pub(crate) use from_serde::{checked_within, tagged, tagged_at_parent};

crate::base::codes::stable_codes! {
    /// Stable machine-readable codes of hard errors. The string form never changes once
    /// released; new codes may be added.
    pub enum Code {
        /// The text is not well-formed JSON.
        InvalidJson = "INVALID_JSON",
        /// A field name that the schema does not know (often a typo).
        UnknownField = "UNKNOWN_FIELD",
        /// A required field is absent.
        MissingField = "MISSING_FIELD",
        /// A field appears twice.
        DuplicateField = "DUPLICATE_FIELD",
        /// A value of the wrong JSON type (e.g. an object where a number belongs).
        WrongType = "WRONG_TYPE",
        /// A value outside its enumeration (e.g. an unknown unit level).
        InvalidValue = "INVALID_VALUE",
        /// A count below zero.
        CountNegative = "COUNT_NEGATIVE",
        /// A count with a fractional part.
        CountFractional = "COUNT_FRACTIONAL",
        /// A count above 2^53 − 1 (the largest integer JavaScript represents exactly).
        CountTooLarge = "COUNT_TOO_LARGE",
        /// NaN or an infinity where a number belongs.
        NotFinite = "NOT_FINITE",
        /// A string where a count belongs.
        CountNotANumber = "COUNT_NOT_A_NUMBER",
        /// A percentage that is not a decimal number.
        PercentNotANumber = "PERCENT_NOT_A_NUMBER",
        /// A percentage outside 0–100.
        PercentOutOfRange = "PERCENT_OUT_OF_RANGE",
        /// A level other than 0, 1 or 2.
        LevelOutOfRange = "LEVEL_OUT_OF_RANGE",
        /// A declared score that is not a decimal number in 0–18.
        ScoreInvalid = "SCORE_INVALID",
        /// A period with an impossible year, quarter or month.
        PeriodInvalid = "PERIOD_INVALID",
        /// The declared number of resolved dossiers differs from early + on time + late.
        ResolvedTotalMismatch = "RESOLVED_TOTAL_MISMATCH",
        /// The counts of a per-dossier indicator do not sum to the resolved dossiers.
        IndicatorCountsMismatch = "INDICATOR_COUNTS_MISMATCH",
        /// The five per-dossier counts of one official do not sum to one same number.
        OfficialCountsMismatch = "OFFICIAL_COUNTS_MISMATCH",
        /// A per-unit indicator gives neither a level, nor facts, nor `notApplicable`.
        UnitIndicatorEmpty = "UNIT_INDICATOR_EMPTY",
        /// A per-unit indicator is marked not applicable and also given a level or facts.
        UnitIndicatorConflict = "UNIT_INDICATOR_CONFLICT",
        /// More feedback handled on time than feedback received.
        FeedbackExceedsTotal = "FEEDBACK_EXCEEDS_TOTAL",
        /// No built-in profile has this identifier.
        UnknownProfile = "UNKNOWN_PROFILE",
        /// An interpretation name or value that does not exist.
        UnknownInterpretation = "UNKNOWN_INTERPRETATION",
        /// A computation exceeded the range of exact decimals (should not happen within the count limits).
        ArithmeticOverflow = "ARITHMETIC_OVERFLOW",
        /// A dossier: a date or date-time that is malformed or does not exist.
        DateTimeInvalid = "DATE_TIME_INVALID",
        /// A dossier: a time zone other than Vietnam's (+07:00).
        TimeZoneNotVietnam = "TIME_ZONE_NOT_VIETNAM",
        /// A dossier: resolved before it was received.
        ResolvedBeforeReceived = "RESOLVED_BEFORE_RECEIVED",
        /// A dossier: a given due date before the day it was received.
        DueDateBeforeReceived = "DUE_DATE_BEFORE_RECEIVED",
        /// A dossier: restarted before it was received or after it was resolved.
        RestartOutOfOrder = "RESTART_OUT_OF_ORDER",
        /// A dossier: a time limit that is negative, or not a multiple of 0.5 working day.
        TimeLimitInvalid = "TIME_LIMIT_INVALID",
        /// A dossier: neither a time limit nor a due date.
        DueDateMissing = "DUE_DATE_MISSING",
        /// A dossier: a value outside its list (channel, complaint, agencies contacted, agency grade).
        ValueUnknown = "VALUE_UNKNOWN",
        /// A dossier: a required value is empty (unit, channel, received_at).
        ValueMissing = "VALUE_MISSING",
        /// A dossier: its due date needs a day the calendar does not cover.
        CalendarOutOfRange = "CALENDAR_OUT_OF_RANGE",
        /// A dossier: a unit or official code with no name in the batch's table (columnar input).
        CodeUnknown = "CODE_UNKNOWN",
        /// Columnar input: columns of different lengths.
        ColumnLengthsDiffer = "COLUMN_LENGTHS_DIFFER",
        /// CSV: a row with the wrong number of fields.
        FieldCount = "FIELD_COUNT",
        /// CSV: malformed (e.g. an unbalanced quote).
        CsvMalformed = "CSV_MALFORMED",
        /// CSV: a required column is missing (the file is refused).
        ColumnMissing = "COLUMN_MISSING",
        /// CSV: a column appears twice (the file is refused).
        ColumnDuplicate = "COLUMN_DUPLICATE",
        /// The file is not UTF-8.
        NotUtf8 = "NOT_UTF8",
        /// A scorecard rendered with a profile other than the one it was scored with.
        ProfileMismatch = "PROFILE_MISMATCH",
        /// A ratio-index profile (Decision 766): a group's maximum differs from the sum of
        /// its indicators' maxima, or the profile's maximum from the sum of its groups'.
        MaximaMismatch = "MAXIMA_MISMATCH",
        /// A ratio-index profile: a group or indicator id (or a part of an indicator) appears twice.
        IdRepeated = "ID_REPEATED",
        /// A ratio-index profile: a conversion that cannot be applied (a threshold outside
        /// 0–100 %, a weighted sum without parts or whose parts cannot reach the maximum,
        /// points on a shown-only indicator).
        ConversionInvalid = "CONVERSION_INVALID",
        /// A ratio-index profile: bands that do not descend strictly, do not end at 0, or
        /// exceed the maximum.
        BandsInvalid = "BANDS_INVALID",
        /// A ratio-index input: a numerator above its denominator where the indicator does
        /// not allow it.
        NumeratorExceedsDenominator = "NUMERATOR_EXCEEDS_DENOMINATOR",
        /// A ratio-index input: an indicator (or a part of one) that the profile does not have.
        IndicatorUnknown = "INDICATOR_UNKNOWN",
        /// A ratio-index input: a unit of a level the profile does not cover.
        UnitLevelNotCovered = "UNIT_LEVEL_NOT_COVERED",
        /// Never raised by the core: the JavaScript package reports with it a call that
        /// stopped inside the WebAssembly module (a panic, which aborts there, or memory
        /// exhausted) — a defect, not a property of the input — after which it
        /// re-initialised the module; also a `Tally` lost in that re-initialisation.
        InternalError = "INTERNAL_ERROR",
    }
}

/// One hard error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    /// Stable code.
    pub code: Code,
    /// Path of the offending field; empty for the document as a whole.
    pub path: String,
    /// Human message.
    pub message: Localized,
}

impl Problem {
    /// Builds a problem.
    pub fn new(
        code: Code,
        path: impl Into<String>,
        vi: impl Into<Cow<'static, str>>,
        en: impl Into<Cow<'static, str>>,
    ) -> Self {
        // An input's name or value quoted by a message can be megabytes long or hold a
        // line break: a problem keeps one short line of each.
        let path: String = path.into();
        Self {
            code,
            path: crate::base::bounded(path.into()).into_owned(),
            message: Localized::new(
                crate::base::bounded(vi.into()),
                crate::base::bounded(en.into()),
            ),
        }
    }

    /// The problem of a part named `name` of a larger input: its path led by that name
    /// (`dossiers.received` within `report` is `report.dossiers.received`; the part itself
    /// is `report`).
    #[must_use]
    pub fn within(mut self, name: &str) -> Self {
        // An element's path keeps its brackets: `records[0].x`, never `records.[0].x`.
        self.path = if self.path.is_empty() {
            name.into()
        } else if self.path.starts_with('[') {
            format!("{name}{}", self.path)
        } else {
            format!("{name}.{}", self.path)
        };
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.code, self.message.en)
        } else {
            write!(f, "{} at {}: {}", self.code, self.path, self.message.en)
        }
    }
}

impl std::error::Error for Problem {}

/// All hard errors found in one input (at least one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(transparent)]
pub struct Errors(pub Vec<Problem>);

impl Errors {
    /// A single problem.
    pub fn one(p: Problem) -> Self {
        Errors(vec![p])
    }

    /// The problems.
    pub fn problems(&self) -> &[Problem] {
        &self.0
    }

    /// The first problem's code.
    pub fn first_code(&self) -> Option<Code> {
        self.0.first().map(|p| p.code)
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

impl From<Problem> for Errors {
    fn from(p: Problem) -> Self {
        Errors::one(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn within_joins_names_with_dots_and_elements_without() {
        let p = |path: &str| Problem::new(Code::WrongType, path, "x", "x");
        assert_eq!(p("").within("records").path, "records");
        assert_eq!(p("x.y").within("records").path, "records.x.y");
        assert_eq!(p("[0].x").within("records").path, "records[0].x");
        assert_eq!(p("x").within("[3]").within("units").path, "units[3].x");
    }
}
