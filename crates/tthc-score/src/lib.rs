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
//! let table = render(&card, profile::find("dien-bien-2019").unwrap(), Format::Table, Lang::Vi);
//! assert!(table.contains("\tTỔNG ĐIỂM\t18,0\t\t16,74\t"));
//! ```
//!
//! Where to find a rule: indicators and their form labels in [`indicator`]; the level
//! rules of the per-unit indicators and the online share in [`rules`]; averaging and
//! totals in [`mod@score`]; rating bands, rounding policy, validity and the interpretations
//! we chose in [`profile`]; hard errors in [`error`] and `validate`; soft findings in [`audit`].

#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod audit;
pub mod error;
pub mod format;
pub mod indicator;
pub mod model;
pub mod profile;
pub mod render;
pub mod rounding;
pub mod rules;
pub mod score;
mod validate;

// The README's Rust example runs as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;

pub use audit::{Finding, FindingCode, Severity};
pub use error::{Code, Errors, Localized, Problem};
pub use format::Lang;
pub use indicator::{IndicatorId, IndicatorKind};
pub use model::Report;
pub use profile::{InterpretationOverrides, Interpretations, Profile};
pub use render::{render, Format};
pub use score::{score, score_with, Scorecard};
pub use validate::validate;

use serde::{Deserialize, Serialize};

/// Options of a scoring call: which profile, and which interpretations to override.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
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
    pub fn resolve(&self) -> Result<(&'static Profile, Interpretations), Problem> {
        let p = profile::find(self.profile.as_deref().unwrap_or(profile::DEFAULT_PROFILE))?;
        let i = self
            .interpretations
            .unwrap_or_default()
            .apply(p.interpretations);
        Ok((p, i))
    }
}

/// Scores `report` with `options` (profile and interpretation overrides).
pub fn score_report(report: &Report, options: &Options) -> Result<Scorecard, Errors> {
    let (p, i) = options.resolve()?;
    score_with(report, p, &i)
}

/// Deserializes a `T` from any serde deserializer, mapping the first error to a
/// [`Problem`] with the field path (e.g. `perDossier.contacts.two`).
pub fn deserialize_with_path<'de, T: Deserialize<'de>, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<T, Problem> {
    serde_path_to_error::deserialize(d).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        error::problem_from_serde(&path, &e.inner().to_string())
    })
}

/// Parses a report from JSON text. Errors carry the field path.
#[cfg(feature = "json")]
pub fn parse_report(json: &str) -> Result<Report, Errors> {
    parse_json(json).map_err(Errors::one)
}

/// Parses any input type from JSON text. Errors carry the field path.
#[cfg(feature = "json")]
pub fn parse_json<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_str(json);
    let v = deserialize_with_path(&mut de)?;
    de.end()
        .map_err(|e| error::problem_from_serde("", &e.to_string()))?;
    Ok(v)
}

/// Every problem in a JSON report: the parse error, or all semantic problems.
#[cfg(feature = "json")]
pub fn check_json(json: &str) -> Vec<Problem> {
    match parse_report(json) {
        Ok(r) => validate(&r),
        Err(e) => e.0,
    }
}

/// The outcome of scoring one input: what the fixtures in `tests/fixtures/` expect and
/// what every front end (CLI, wasm) returns. JSON: `{"scorecard": …}` or `{"errors": […]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
