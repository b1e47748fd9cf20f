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
//! counts of many in [`tally`]. The second model, the 100-point index of Decision
//! 766/QĐ-TTg that governs periods from 01/07/2025 (ratios converted to points, profiles
//! as data with provenance), is [`index766`].
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
pub mod index766;
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
pub use json::{
    add_records_json, check_json, parse_batch_item, parse_json, parse_report, FromJson,
};
pub use profile::{
    CheckedProfile, InterpretationOverrides, Interpretations, Profile, ProfileChoice,
};
pub use province::{Batch, UnitResult};
pub use render::{render, Format};
pub use scoring::Scorecard;

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

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
    /// The profile: a built-in profile's identifier (the default is `dien-bien-2019`), or
    /// a caller's own profile object, checked as it is read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | Profile", optional))]
    pub profile: Option<ProfileChoice>,
    /// Interpretation overrides.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interpretations: Option<InterpretationOverrides>,
}

impl Options {
    /// The profile and the interpretations in force.
    ///
    /// # Errors
    /// `UNKNOWN_PROFILE` for an id that is not built in.
    pub fn resolve(&self) -> Result<(Cow<'_, CheckedProfile>, Interpretations), Problem> {
        let p = ProfileChoice::resolve(self.profile.as_ref())?;
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
    /// The profile, as in [`Options::profile`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | Profile", optional))]
    pub profile: Option<ProfileChoice>,
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
    let card = score_with(report, &p, &i)?;
    // The card was scored with `p` just above: the profiles match.
    Ok(render(
        &card,
        &p,
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
    score_with(report, &p, &i)
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

/// The reports of a JSON array, each read on its own so that one unit's errors leave the
/// others whole; the problems of the text itself (not an array, malformed) are `Err`.
#[cfg(feature = "json")]
fn reports_json(inputs: &str) -> Result<Vec<Result<Report, Errors>>, Errors> {
    items_json(inputs, |r: Report| r, parse_report)
}

/// The items of a JSON array read by `read`, as [`reports_json`] says; an array of
/// nothing but `F`s (bare reports) is read in one pass and each made a `T` by `from`.
#[cfg(feature = "json")]
fn items_json<F: serde::de::DeserializeOwned, T>(
    inputs: &str,
    from: impl Fn(F) -> T,
    read: impl Fn(&str) -> Result<T, Errors>,
) -> Result<Vec<Result<T, Errors>>, Errors> {
    // Every report good, the usual case: one pass over the text. Otherwise the items are
    // read again one by one, each error then placed on its own unit.
    if let Ok(all) = parse_json::<Vec<F>>(inputs) {
        return Ok(all.into_iter().map(|f| Ok(from(f))).collect());
    }
    let items: Vec<&serde_json::value::RawValue> = parse_json(inputs).map_err(Errors::one)?;
    Ok(items.into_iter().map(|raw| read(raw.get())).collect())
}

/// Scores every item of a JSON array — a report, under the options' profile, or a report
/// with its own profile (`{ "report": …, "profile": … }`, see [`province::BatchItem`]) —
/// and ranks those that score in one province table (see [`province::batch_mixed`]). The
/// options' interpretation overrides apply to every unit. Never panics, whatever the text.
///
/// # Errors
/// The text is not a JSON array, or the options name an unknown profile; a unit's own
/// errors (an unknown profile of its own among them) are its result instead.
#[cfg(feature = "json")]
pub fn batch_json(inputs: &str, options: &province::BatchOptions) -> Result<Batch, Errors> {
    let (p, _, rank) = options.resolve()?;
    let items = items_json(inputs, |r: Report| (r, None), parse_batch_item)?;
    Ok(province::batch_items(
        &items,
        &p,
        options.interpretations.unwrap_or_default(),
        rank,
        options.scorecards.unwrap_or(true),
    ))
}

/// Combines the reports of a JSON array (units into a group, or periods into a year)
/// into one result, as the options' method says.
///
/// # Errors
/// The text is not a JSON array; any part's problems, their paths led by its index
/// (`[2].dossiers…`); parts that cannot combine (see [`province::consolidate`]).
#[cfg(feature = "json")]
pub fn consolidate_json(
    inputs: &str,
    options: &province::ConsolidateOptions,
) -> Result<province::Consolidated, Errors> {
    let (p, i, method) = options.resolve()?;
    let mut cards = Vec::new();
    let mut problems = Vec::new();
    for (n, r) in reports_json(inputs)?.into_iter().enumerate() {
        match r.and_then(|r| score_with(&r, &p, &i)) {
            Ok(c) => cards.push(c),
            Err(e) => problems.extend(e.0.into_iter().map(|q| q.within(&format!("[{n}]")))),
        }
    }
    if !problems.is_empty() {
        return Err(Errors(problems));
    }
    province::consolidate(&cards, &p, &i, method)
}

/// TypeScript names for the types that serialize as primitives (custom serde impls).
#[cfg(feature = "ts")]
// Read by the custom section below (whose macro copies the text, so rustc sees no use)
// and by a test.
#[allow(dead_code)]
const TS_PRIMITIVES: &str = r#"
/** An exact decimal number as a string in plain notation: an optional "-", digits, and
 * an optional "." with more digits; no exponent, no grouping, e.g. "16.74" or
 * "1.9125441696113074204946996". Outputs carry every decimal this way so that nothing is
 * lost to binary floating point: compare and add them with a decimal library, or as
 * strings; `Number(x)` is fine for display and charts. (Inputs also accept numbers where
 * the type says `number | DecimalString`.) */
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
/** A time of day "HH:MM" or "HH:MM:SS". */
export type ClockTime = string;
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
/** Codes of the unit's ratings (TT01 Art. 15, on 18 points), best first: excellent (≥ 15),
 * good (≥ 12), fair (≥ 9), average (≥ 6), weak. */
export type RatingCode = "excellent" | "good" | "fair" | "average" | "weak";
/** Codes of the officials' bands (TT01 Art. 15, on 10 points), best first: completed100
 * (≥ 5), completed70 (≥ 3.5), below70. */
export type OfficialBandCode = "completed100" | "completed70" | "below70";
/** The code of a rating or of an officials' band. */
export type BandCode = RatingCode | OfficialBandCode;
"#;
#[cfg(feature = "ts")]
#[wasm_bindgen::prelude::wasm_bindgen(typescript_custom_section)]
const TS_PRIMITIVES_SECTION: &'static str = TS_PRIMITIVES;

crate::base::objects_only!(Options, RenderOptions);
#[cfg(feature = "json")]
json::from_json!(Options, RenderOptions);

#[cfg(all(test, feature = "ts"))]
mod ts_tests {
    /// The TypeScript unions of band codes are those of the built-in profiles.
    #[test]
    fn band_codes_are_the_builtin_ones() {
        let union = |name: &str| {
            let line = super::TS_PRIMITIVES
                .lines()
                .find(|l| l.starts_with(&format!("export type {name} = ")))
                .unwrap();
            let codes = line.split_once(" = ").unwrap().1.trim_end_matches(';');
            codes
                .split(" | ")
                .map(|c| c.trim_matches('"').to_string())
                .collect::<Vec<_>>()
        };
        for p in crate::profile::builtin() {
            let codes = |bands: &[crate::profile::Band]| {
                bands.iter().map(|b| b.code.to_string()).collect::<Vec<_>>()
            };
            assert_eq!(codes(&p.unit_bands), union("RatingCode"), "{}", p.id);
            assert_eq!(
                codes(&p.official_bands),
                union("OfficialBandCode"),
                "{}",
                p.id
            );
        }
    }
}

#[cfg(all(test, feature = "json"))]
mod profile_object_tests {
    use crate::Options;

    /// Without the feature, a profile object is a coded error at `profile`, not a panic
    /// or a silent default; with it, the profile is read and checked.
    #[test]
    fn a_profile_object_in_the_options() {
        let builtin = serde_json::to_string(&**crate::profile::find("tt01-2018").unwrap()).unwrap();
        let r = crate::parse_json::<Options>(&format!(r#"{{"profile": {builtin}}}"#));
        #[cfg(feature = "profile-objects")]
        assert_eq!(r.unwrap().resolve().unwrap().0.id, "tt01-2018");
        #[cfg(not(feature = "profile-objects"))]
        {
            let e = r.unwrap_err();
            assert_eq!(e.path, "profile", "{e:?}");
            assert!(e.message.en.contains("string"), "{e:?}");
        }
    }
}
