//! The scoring entry: score, audit, validate, render, profiles.

use crate::{parse_options, to_js};
use serde::de::DeserializeOwned;
use serde::Serialize;
use tthc_score::{
    check_json, parse_report, profile, render_report, score_report, Errors, Options, Outcome,
    Problem, RenderOptions,
};
use wasm_bindgen::prelude::*;

/// Parses options (absent: defaults).
fn options<T: DeserializeOwned + Default>(json: Option<String>) -> Result<T, Problem> {
    json.map_or_else(|| Ok(T::default()), |t| parse_options(&t))
}

/// Scores a report given as JSON text: `{ scorecard }` or `{ errors }`. Never throws for
/// bad input.
#[wasm_bindgen(unchecked_return_type = "Outcome")]
pub fn evaluate(input: &str, options_json: Option<String>) -> Result<JsValue, JsError> {
    let outcome: Outcome = options::<Options>(options_json)
        .map_err(Errors::one)
        .and_then(|o| score_report(&parse_report(input)?, &o))
        .into();
    to_js(&outcome)
}

/// Every problem in a report given as JSON text (empty when it can be scored).
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(input: &str) -> Result<JsValue, JsError> {
    to_js(&check_json(input))
}

/// Renders the annex table of a report given as JSON text: `{ table }` or `{ errors }`.
#[wasm_bindgen(js_name = renderTable, unchecked_return_type = "RenderOutcome")]
pub fn render_table(input: &str, options_json: Option<String>) -> Result<JsValue, JsError> {
    let result = options::<RenderOptions>(options_json)
        .map_err(Errors::one)
        .and_then(|o| render_report(&parse_report(input)?, &o));
    to_js(&match result {
        Ok(table) => RenderOutcome::Table(table),
        Err(e) => RenderOutcome::Errors(e.0),
    })
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum RenderOutcome {
    Table(String),
    Errors(Vec<Problem>),
}

#[wasm_bindgen(typescript_custom_section)]
const TS_RENDER_OUTCOME: &'static str =
    "export type RenderOutcome = { table: string } | { errors: Problem[] };";

/// The built-in rule profiles, the default first.
#[wasm_bindgen(unchecked_return_type = "Profile[]")]
pub fn profiles() -> Result<JsValue, JsError> {
    to_js(&profile::builtin())
}
