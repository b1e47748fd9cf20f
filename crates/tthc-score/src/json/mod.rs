//! The JSON wire layer (feature `json`): text in, with the path of every error.

mod collect;
mod path;

pub use collect::check_json;

use crate::base::Localized;
use crate::error::{problem_from_serde, Code, Errors, Problem};
use crate::input::Report;
use serde::Deserialize;

/// Parses a report from JSON text.
///
/// # Errors
/// The problems of the text (malformed JSON, wrong types, unknown fields, bad values),
/// each with its code and the path of the field.
pub fn parse_report(json: &str) -> Result<Report, Errors> {
    parse_json(json).map_err(|p| Errors::one(named(p)))
}

/// Options read from JSON text (front ends' options objects), by a reader instantiated
/// in this crate: a front end's own `parse_json::<T>` would be another copy of the reader
/// in its wasm module — of the profile-object reader above all, which every options type
/// with a `profile` and every batch item with its own profile share (13 KB a copy).
pub trait FromJson: Sized {
    /// The options of `text`.
    ///
    /// # Errors
    /// The problems of the text, with their paths.
    fn from_json(text: &str) -> Result<Self, Problem>;
}

macro_rules! from_json {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::json::FromJson for $t {
            fn from_json(text: &str) -> Result<Self, $crate::error::Problem> {
                $crate::json::parse_json(text)
            }
        }
    )*};
}
pub(crate) use from_json;

from_json!(
    crate::province::BatchOptions,
    crate::province::ConsolidateOptions,
    crate::province::TableAuditOptions,
    crate::tally::TallyOptions,
    crate::index766::IndexScoreOptions,
    crate::index766::IndexRenderOptions,
);

/// Parses a unit of a batch: a bare report, or `{ "report": …, "profile": … }`, a report
/// with its own profile ([`BatchItem`](crate::province::BatchItem)).
///
/// # Errors
/// As [`parse_report`]; the problems of a unit with its own profile have paths under
/// `report.` or `profile.`.
pub fn parse_batch_item(
    json: &str,
) -> Result<(Report, Option<crate::profile::ProfileChoice>), Errors> {
    // The report is read by `parse_report` as a bare one is: one reader of reports in
    // the wasm modules; the profile shares its reader with the options' (see `FromJson`).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Wrapper<'a> {
        #[serde(borrow)]
        report: &'a serde_json::value::RawValue,
        #[serde(default)]
        profile: Option<crate::profile::ProfileChoice>,
    }
    let bare = match parse_report(json) {
        Ok(r) => return Ok((r, None)),
        Err(e) => e,
    };
    // A wrapper is an object (not an array, which serde would read by position) with the
    // key `report` or `profile`, neither of which a report has.
    let text = json.strip_prefix('\u{feff}').unwrap_or(json);
    let keys = serde_json::from_str::<std::collections::HashMap<String, serde::de::IgnoredAny>>;
    match keys(text) {
        Ok(k) if k.contains_key("report") || k.contains_key("profile") => {
            let w: Wrapper = parse_json(json).map_err(Errors::one)?;
            let r = parse_report(w.report.get())
                .map_err(|e| Errors(e.0.into_iter().map(|p| p.within("report")).collect()))?;
            Ok((r, w.profile))
        }
        _ => Err(bare),
    }
}

/// A problem of reading a report, its message led by the field's name as a clerk says
/// it ("Số hồ sơ tiếp nhận trực tiếp: …"); the path stays for machines. An unknown field
/// has no such name: its message quotes it.
pub(crate) fn named(mut p: Problem) -> Problem {
    let Some(name) = crate::input::field_name(&p.path) else {
        return p;
    };
    if p.code == Code::UnknownField {
        return p;
    }
    p.message = if p.code == Code::MissingField {
        Localized::new(
            format!("Thiếu {}: trường này bắt buộc", name.vi),
            format!("Missing: {} (required)", name.en),
        )
    } else {
        Localized::new(
            format!("{}: {}", capitalized(&name.vi), lowered(&p.message.vi)),
            format!("{}: {}", capitalized(&name.en), lowered(&p.message.en)),
        )
    };
    p
}

/// The first letter in upper case. The messages and names are ours: they begin with an
/// ASCII letter or "đ" (Unicode case tables would cost 10 KB of WebAssembly).
fn capitalized(s: &str) -> String {
    match s.strip_prefix('đ') {
        Some(rest) => format!("Đ{rest}"),
        None => {
            let mut out = s.to_string();
            if let Some(f) = out.get_mut(..1) {
                f.make_ascii_uppercase();
            }
            out
        }
    }
}

/// The first letter in lower case, unless the word is an acronym ("JSON").
fn lowered(s: &str) -> String {
    if s.chars().nth(1).is_some_and(|c| c.is_ascii_uppercase()) {
        return s.to_string();
    }
    match s.strip_prefix('Đ') {
        Some(rest) => format!("đ{rest}"),
        None => {
            let mut out = s.to_string();
            if let Some(f) = out.get_mut(..1) {
                f.make_ascii_lowercase();
            }
            out
        }
    }
}

/// Parses any input type from JSON text. Errors carry the field path. A leading UTF-8
/// byte-order mark (which spreadsheet exports write) is skipped.
///
/// A text that is not JSON at all is `INVALID_JSON`, wherever the first field it gets
/// wrong: the syntax is checked on its own (without a nesting limit) when the typed
/// reading fails, so that a valid input is read once.
///
/// # Errors
/// The first problem of the text, with its code and the path of the field.
pub fn parse_json<'a, T: Deserialize<'a>>(json: &'a str) -> Result<T, Problem> {
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut de = serde_json::Deserializer::from_str(json);
    // A syntax error is placed on the character at fault (say a closing bracket, which
    // must not close the path); any other error just after the value read.
    let path = |e: &serde_json::Error| {
        let column = e.column() - usize::from(e.is_syntax() && e.column() > 0);
        path::path_at(json, e.line(), column)
    };
    let problem = |e: &serde_json::Error| problem_from_serde(&path(e), &e.to_string());
    let e = match T::deserialize(&mut de).and_then(|v| de.end().map(|()| v)) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    // serde_json skips a value without recursion: any depth is checked.
    match serde_json::from_str::<serde::de::IgnoredAny>(json) {
        Err(s) => Err(problem(&s)),
        Ok(_) if e.is_syntax() && e.to_string().starts_with("expected value") => {
            // Well-formed text, yet "expected value": serde_json's word for a number, a
            // boolean, null, an array or an object where only a name (a string) belongs.
            Err(Problem::new(
                Code::WrongType,
                path(&e),
                "Sai kiểu dữ liệu: cần một chuỗi ký tự (một trong các giá trị cho phép)",
                "invalid type: expected a string (one of the allowed values)",
            ))
        }
        _ => Err(problem(&e)),
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
