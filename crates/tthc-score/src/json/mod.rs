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
pub fn parse_json<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, Problem> {
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

/// A JSON array of dossier records (dossiers.md §7, camelCase fields) into `tally`, the
/// records numbered from `first_row`. A record that does not parse is rejected, with the
/// field in its message; the others are counted.
///
/// # Errors
/// When the text is not a JSON array (nothing is counted).
pub fn add_records_json(
    tally: &mut crate::tally::Tally,
    json: &str,
    first_row: u64,
) -> Result<(), Problem> {
    // Each record is kept as its raw text and parsed on its own, so that one bad record
    // is rejected with the path of its field while the others count.
    let records: Vec<&serde_json::value::RawValue> = parse_json(json)?;
    for (i, raw) in records.into_iter().enumerate() {
        let row = first_row + i as u64;
        match parse_json::<crate::input::Dossier>(raw.get()) {
            Ok(d) => tally.add_record(row, &d),
            Err(p) => {
                #[derive(Deserialize)]
                struct Id<'a> {
                    #[serde(borrow)]
                    id: Option<&'a str>,
                }
                let id = serde_json::from_str::<Id>(raw.get())
                    .ok()
                    .and_then(|x| x.id);
                let field = |m: &str| {
                    if p.path.is_empty() {
                        m.to_string()
                    } else {
                        format!("{}: {m}", p.path)
                    }
                };
                let fault = (p.code, field(&p.message.vi), field(&p.message.en));
                tally.reject(row, id, fault);
            }
        }
    }
    Ok(())
}
