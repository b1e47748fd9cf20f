//! The dossier entry: the tally of dossier records (columns, records, CSV).

use crate::{parse_json, parse_options, problem_error, to_js};
use serde::Serialize;
use tthc_score::tally::{Columns, Tally, TallyOptions, UnitFacts};
use tthc_score::{add_records_json, Problem};
use wasm_bindgen::prelude::*;

/// A tally's outcome, or the problems that stopped it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum TallyResult {
    Tally(tthc_score::tally::TallyOutcome),
    Errors(Vec<Problem>),
}

#[wasm_bindgen(typescript_custom_section)]
const TS_TALLY_RESULT: &'static str =
    "export type TallyResult = { tally: TallyOutcome } | { errors: Problem[] };";

fn tally_result(r: Result<tthc_score::tally::TallyOutcome, Problem>) -> Result<JsValue, JsValue> {
    to_js(&match r {
        Ok(t) => TallyResult::Tally(t),
        Err(p) => TallyResult::Errors(vec![p]),
    })
}

fn facts(json: Option<String>) -> Result<UnitFacts, Problem> {
    let f: UnitFacts = match json {
        None => UnitFacts::default(),
        Some(t) => parse_json(&t).map_err(|p| p.within("unitFacts"))?,
    };
    f.check().map_err(|p| p.within("unitFacts"))?;
    Ok(f)
}

/// A tally of dossiers fed batch by batch: columns (typed arrays), records or CSV text.
#[wasm_bindgen(js_name = TallyHandle)]
pub struct TallyHandle(Tally);

#[wasm_bindgen(js_class = TallyHandle)]
impl TallyHandle {
    /// A tally with options given as JSON text; throws a JS `Error` carrying the problems.
    #[wasm_bindgen(constructor)]
    pub fn new(options_json: &str) -> Result<TallyHandle, JsValue> {
        parse_options::<TallyOptions>(options_json)
            .and_then(|o| Tally::with_options(&o).map_err(|p| p.within("options")))
            .map(TallyHandle)
            .map_err(problem_error)
    }

    /// Adds a batch of columns; the rows are numbered from `first_row`.
    #[allow(clippy::too_many_arguments)]
    #[wasm_bindgen(js_name = addColumns)]
    pub fn add_columns(
        &mut self,
        first_row: f64,
        units: Vec<String>,
        unit: &[u32],
        officials: Vec<String>,
        official: Option<Vec<u32>>,
        channel: &[u8],
        received_day: &[i32],
        received_second: &[i32],
        limit_halves: Option<Vec<i32>>,
        due_day: Option<Vec<i32>>,
        original_due_day: Option<Vec<i32>>,
        restart_day: Option<Vec<i32>>,
        restart_second: Option<Vec<i32>>,
        resolved_day: Option<Vec<i32>>,
        resolved_second: Option<Vec<i32>>,
        agency_grade: Option<Vec<u8>>,
        contacts: Option<Vec<i32>>,
        agencies: Option<Vec<u8>>,
        complaint: Option<Vec<u8>>,
    ) -> Result<(), JsValue> {
        let c = Columns {
            units: &units,
            unit,
            officials: &officials,
            official: official.as_deref(),
            channel,
            received_day,
            received_second,
            limit_halves: limit_halves.as_deref(),
            due_day: due_day.as_deref(),
            original_due_day: original_due_day.as_deref(),
            restart_day: restart_day.as_deref(),
            restart_second: restart_second.as_deref(),
            resolved_day: resolved_day.as_deref(),
            resolved_second: resolved_second.as_deref(),
            agency_grade: agency_grade.as_deref(),
            contacts: contacts.as_deref(),
            agencies: agencies.as_deref(),
            complaint: complaint.as_deref(),
        };
        // The facade passes whole numbers ≥ 1 below 2^53.
        self.0
            .add_columns(first_row as u64, &c)
            .map_err(problem_error)
    }

    /// Adds records given as a JSON array, numbered from `first_row`.
    #[wasm_bindgen(js_name = addRecords)]
    pub fn add_records(&mut self, first_row: f64, records_json: &str) -> Result<(), JsValue> {
        add_records_json(&mut self.0, records_json, first_row as u64).map_err(problem_error)
    }

    /// Adds the rows of a CSV text (with its header row).
    #[wasm_bindgen(js_name = addCsv)]
    pub fn add_csv(&mut self, text: &str) -> Result<(), JsValue> {
        tthc_score::dossier_csv::read_csv(&mut self.0, text.as_bytes(), &mut |_| {})
            .map_err(problem_error)
    }

    /// Adds another tally of the same period, policy and calendar.
    pub fn merge(&mut self, other: &TallyHandle) -> Result<(), JsValue> {
        self.0.merge(&other.0).map_err(problem_error)
    }

    /// The reports and the summary, completed by unit facts given as JSON text.
    #[wasm_bindgen(unchecked_return_type = "TallyResult")]
    pub fn finish(&self, facts_json: Option<String>) -> Result<JsValue, JsValue> {
        tally_result(facts(facts_json).and_then(|f| self.0.outcome(&f)))
    }
}
