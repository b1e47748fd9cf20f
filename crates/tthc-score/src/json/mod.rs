//! The JSON wire layer (feature `json`): text in, with the path of every error.

mod path;

use crate::error::{problem_from_serde, Errors, Problem};
use crate::input::{validate, Report};
use serde::Deserialize;

/// Parses a report from JSON text. Errors carry the field path.
pub fn parse_report(json: &str) -> Result<Report, Errors> {
    parse_json(json).map_err(Errors::one)
}

/// Parses any input type from JSON text. Errors carry the field path. A leading UTF-8
/// byte-order mark (which spreadsheet exports write) is skipped.
pub fn parse_json<T: for<'de> Deserialize<'de>>(json: &str) -> Result<T, Problem> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut de = serde_json::Deserializer::from_str(json);
    let problem = |e: serde_json::Error| {
        let path = path::path_at(json, e.line(), e.column());
        problem_from_serde(&path, &e.to_string())
    };
    let v = T::deserialize(&mut de).map_err(problem)?;
    de.end().map_err(problem)?;
    Ok(v)
}

/// Every problem in a JSON report: the parse error, or all semantic problems.
pub fn check_json(json: &str) -> Vec<Problem> {
    match parse_report(json) {
        Ok(r) => validate(&r),
        Err(e) => e.0,
    }
}
