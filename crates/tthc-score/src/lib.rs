//! # tthc-score
//!
//! Scores how a Vietnamese one-stop desk (Bộ phận Một cửa) handled its administrative
//! procedure dossiers (thủ tục hành chính, TTHC) in a period: the nine indicators of
//! Circular 01/2018/TT-VPCP (0–2 points each, maximum 18), the unit's rating, the
//! officials' evaluation, soft findings on the published figures, and the official
//! annex table.
//!
//! The crate does no I/O and reads no clock. Every figure is an exact decimal
//! (`rust_decimal`); rounding goes only through [`rounding::round`], half-up.
//!
//! ```
//! use tthc_score::{parse_report, profile, render, score, Format, Lang};
//!
//! let json = r#"{
//!   "period": { "year": 2021, "quarter": 2 },
//!   "unit": { "name": "UBND cấp huyện", "level": "district" },
//!   "dossiers": {
//!     "received": { "online": 99, "direct": 1047, "carriedOver": 1, "total": 1147 },
//!     "resolved": { "early": 1033, "onTime": 99, "late": 0 },
//!     "pending": { "withinDeadline": 15, "overdue": 0 }
//!   },
//!   "perDossier": {
//!     "agencyTime": { "two": 1033, "one": 99, "zero": 0 },
//!     "contacts":   { "two": 1132, "one": 0,  "zero": 0 },
//!     "agencies":   { "two": 1132, "one": 0,  "zero": 0 },
//!     "attitude":   { "two": 1033, "one": 99, "zero": 0 }
//!   },
//!   "perUnit": {
//!     "oneStop": { "level": 2 }, "publicity": { "level": 2 },
//!     "feedback": { "level": 2 }, "onlineServices": { "level": 1 }
//!   }
//! }"#;
//! let report = parse_report(json).expect("a valid report");
//! let card = score(&report, profile::find("dien-bien-2019").unwrap()).unwrap();
//! assert_eq!(card.indicators[0].exact.unwrap().to_string(), "1.9125441696113074204946996");
//! assert_eq!(card.total.display().vi, "16,74");
//! assert_eq!(card.total.rating.as_ref().unwrap().label.vi, "Xuất sắc");
//! // The district declared level 1 for online services; its online share is 8,63 %.
//! assert_eq!(card.findings[0].code.as_str(), "DECLARED_LEVEL_CONTRADICTED");
//!
//! let national = score(&report, profile::find("tt01-2018").unwrap()).unwrap();
//! assert_eq!(national.total.display().vi, "16,7");
//!
//! let table = render(&card, profile::find("dien-bien-2019").unwrap(), Format::Table, Lang::Vi).unwrap();
//! assert!(table.contains("\tTỔNG ĐIỂM\t18,0\t\t16,74\t"));
//! ```
//!
//! Where to find a rule (ARCHITECTURE.md has the map): the nine indicators and their form
//! labels in [`indicator`]; the per-unit level rules and the online share in [`rules`];
//! averaging, totals, rating and officials in [`scoring`]; bands, rounding policy,
//! validity and the interpretations we chose in [`profile`]; hard errors in [`error`] and
//! [`input::validate`]; soft findings in [`finding`] (what they are) and [`audit`] (the
//! checks); the annex table in [`mod@render`]; rounding in [`rounding`]. Dossier records:
//! the working-day calendar in [`calendar`], one dossier's grades in [`classify`], the
//! counts of many in [`tally`].
//!
//! ## Features
//!
//! | feature | default | what it adds |
//! |---|---|---|
//! | `json` | yes | JSON text in with field paths: `parse_report`, `parse_json`, `check_json`, `add_records_json` (serde_json with exact numbers) |
//! | `csv` | yes | the CSV of dossier records: `dossier_csv::read_csv` (csv-core) |
//! | `nfc` | yes | unit and official names compared in Unicode NFC |
//! | `ts` | no | TypeScript declarations of the types (tsify), for the wasm package |
//! | `testing` | no | proptest strategies and dossier generators shared by tests, parity and benchmarks |
//!
//! Without default features the crate scores already-parsed values ([`Report`] built in
//! Rust or deserialized by any serde format) and renders tables.
//!
//! Errors: a [`Problem`] is one error, [`Errors`] all the errors of one input (see
//! [`error`]).

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![warn(missing_debug_implementations)]
#![warn(clippy::missing_errors_doc, clippy::missing_panics_doc)]

// The layers, lowest first: a module imports only modules above it in this list
// (ARCHITECTURE.md; `tests/layers.rs` enforces it). `calendar` imports nothing of the crate.
pub mod base;
pub mod error;
pub mod calendar;
pub mod indicator;
pub mod input;
pub mod profile;
pub mod rules;
pub mod classify;
pub mod tally;
pub mod finding;
pub mod scoring;
pub mod audit;
pub mod province;
pub mod render;
#[cfg(feature = "json")]
mod json;
#[cfg(feature = "csv")]
pub mod dossier_csv;
#[cfg(feature = "testing")]
pub mod testing;

// The README's Rust example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub use base::{number as format, rounding, Lang, Localized, ParseNameError, VERSION};
pub use error::{Code, Errors, Problem};
pub use finding::{Finding, FindingCode, Severity};
pub use indicator::{IndicatorId, IndicatorKind};
pub use input::{validate, Report};
#[cfg(feature = "json")]
pub use json::{add_records_json, check_json, parse_json, parse_report};
pub use profile::{CheckedProfile, InterpretationOverrides, Interpretations, Profile};
pub use render::{render, Format};
pub use scoring::Scorecard;

use serde::{Deserialize, Serialize};

/// Scores `report` under `profile` with the profile's own interpretations: the scorecard,
/// then the audit's findings on it.
///
/// # Errors
/// Every hard error of the report (see [`validate`]).
pub fn score(report: &Report, profile: &CheckedProfile) -> Result<Scorecard, Errors> {
    score_with(report, profile, &profile.interpretations)
}

/// Scores `report` under `profile` with the interpretations `interp`, then audits it.
///
/// # Errors
/// Every hard error of the report (see [`validate`]).
pub fn score_with(
    report: &Report,
    profile: &CheckedProfile,
    interp: &Interpretations,
) -> Result<Scorecard, Errors> {
    let mut card = scoring::compute(report, profile, interp)?;
    card.findings = audit::findings(report, profile, interp, &card);
    Ok(card)
}

/// Options of a scoring call: which profile, and which interpretations to override.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Options {
    /// Built-in profile identifier; the default is `dien-bien-2019`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Interpretation overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretations: Option<InterpretationOverrides>,
}

impl Options {
    /// The profile and the interpretations in force.
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` for a profile that is not built in.
    pub fn resolve(&self) -> Result<(&'static CheckedProfile, Interpretations), Problem> {
        let p = profile::find(self.profile.as_deref().unwrap_or(profile::DEFAULT_PROFILE))?;
        let i = self
            .interpretations
            .unwrap_or_default()
            .apply(p.interpretations);
        Ok((p, i))
    }
}

/// Options of a table rendering: the scoring options plus format and language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct RenderOptions {
    /// Output format; the default is the tab-separated table.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<Format>,
    /// Language; the default is Vietnamese.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    /// Built-in profile identifier; the default is `dien-bien-2019`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
    /// Interpretation overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretations: Option<InterpretationOverrides>,
}

/// Scores `report` and renders its annex table as `options` say.
///
/// # Errors
/// As [`score_report`].
pub fn render_report(report: &Report, options: &RenderOptions) -> Result<String, Errors> {
    let scoring = Options {
        profile: options.profile.clone(),
        interpretations: options.interpretations,
    };
    let (p, i) = scoring.resolve()?;
    let card = score_with(report, p, &i)?;
    // The card was scored with `p` just above: the profiles match.
    Ok(render(
        &card,
        p,
        options.format.unwrap_or_default(),
        options.lang.unwrap_or_default(),
    )?)
}

/// Scores `report` with `options` (profile and interpretation overrides).
///
/// # Errors
/// An unknown profile, a period outside the profile's validity, and every problem of the
/// report that prevents scoring (see [`validate`]).
pub fn score_report(report: &Report, options: &Options) -> Result<Scorecard, Errors> {
    let (p, i) = options.resolve()?;
    score_with(report, p, &i)
}

/// The outcome of scoring one input: what the fixtures in `tests/fixtures/` expect and
/// what every front end (CLI, wasm) returns. JSON: `{"scorecard": …}` or `{"errors": […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// The input was scored.
    Scorecard(Box<Scorecard>),
    /// The input has hard errors.
    Errors(Vec<Problem>),
}

impl From<Result<Scorecard, Errors>> for Outcome {
    fn from(r: Result<Scorecard, Errors>) -> Self {
        match r {
            Ok(c) => Outcome::Scorecard(Box::new(c)),
            Err(e) => Outcome::Errors(e.0),
        }
    }
}

/// Scores a JSON report with `options`; never panics, whatever the text.
#[cfg(feature = "json")]
pub fn evaluate_json(input: &str, options: &Options) -> Outcome {
    parse_report(input)
        .and_then(|r| score_report(&r, options))
        .into()
}

/// TypeScript names for the types that serialize as primitives (custom serde impls).
#[cfg(feature = "ts")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_PRIMITIVES: &'static str = r#"
/** A decimal number as a string in plain notation, e.g. "1.91" or "1.9125441696113074204946996". */
export type DecimalString = string;
/** Output decimals are always strings. */
export type Decimal = DecimalString;
/** A whole number of dossiers, 0 to 2^53 − 1. */
export type Count = number;
/** A percentage 0–100, as a number or a decimal string. */
export type Percent = number | DecimalString;
/** A score as declared in a published report, 0–18, as a number or a decimal string. */
export type DeclaredScore = number | DecimalString;
/** A level of a per-unit indicator. */
export type Level = 0 | 1 | 2;
/** The levels the known facts allow, ascending, e.g. [0, 2]. */
export type LevelSet = Level[];
/** A calendar date "YYYY-MM-DD". */
export type CalendarDate = string;
/** A date "YYYY-MM-DD". */
export type Day = string;
/** A date-time at Vietnamese civil time: "YYYY-MM-DDTHH:MM[:SS]" (a space for the T, and a
 * trailing "+07:00", are accepted). */
export type At = string;
/** A date "YYYY-MM-DD" or a date-time "YYYY-MM-DDTHH:MM[:SS]". */
export type DayOrAt = string;
/** Working days, a multiple of 0.5 (a number or a decimal string). */
export type TimeLimit = number | DecimalString;
/** How a dossier came in (case-insensitive on input). */
export type Channel = "online" | "direct" | "post";
/** Timeliness of a dossier or an agency's step. */
export type Timeliness = "early" | "on_time" | "late";
/** The agencies the applicant had to contact. */
export type AgenciesContacted = "none" | "desk" | "several";
/** A complaint about the officials. */
export type Complaint = "none" | "upheld" | "unfounded";
/** The score of one indicator. */
export type IndicatorScore = IndicatorScoreJson;
/** The total score and the unit's rating. */
export type Total = TotalJson;
/** The officials' evaluation of the unit or of one official (maximum 10). */
export type OfficialScore = OfficialScoreJson;
/** One soft finding: code, severity, path, the numbers behind it and its message. */
export type Finding = FindingJson;
"#;

crate::base::objects_only!(Options, RenderOptions);
