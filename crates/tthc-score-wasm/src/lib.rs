//! A thin wasm-bindgen shell over `tthc-score`, with no scoring logic of its own.
//!
//! Inputs arrive as JSON text (the npm facade calls `JSON.stringify`) and are parsed by the
//! very code the back end uses, so unknown fields are rejected and every error is the same
//! as natively; serde-wasm-bindgen's struct reader would skip unknown fields silently.
//! Outputs leave as plain JS objects through one serde-wasm-bindgen serializer. Input
//! errors come back as data (`{ errors: Problem[] }`); the facade throws `TthcScoreError`.

use serde::de::DeserializeOwned;
use serde::Serialize;
use tthc_score::{
    check_json, parse_json, parse_report, profile, render_report, score_report, Errors, Options,
    Outcome, Problem, RenderOptions,
};
use wasm_bindgen::prelude::*;

/// The one serializer configuration: plain objects (never `Map`), `undefined` for absent
/// optional fields (they are skipped before they get here).
const SERIALIZER: serde_wasm_bindgen::Serializer =
    serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, JsError> {
    // Every u64 we emit is below 2^53 (the core's count limits), so this cannot fail;
    // if it ever did, JS gets a real Error, not a string.
    v.serialize(&SERIALIZER)
        .map_err(|e| JsError::new(&format!("internal serialization error: {e}")))
}

/// Parses options (absent: defaults); paths of problems start with `options`.
fn options<T: DeserializeOwned + Default>(json: Option<String>) -> Result<T, Problem> {
    match json {
        None => Ok(T::default()),
        Some(text) => parse_json(&text).map_err(|mut p: Problem| {
            p.path = if p.path.is_empty() {
                "options".into()
            } else {
                format!("options.{}", p.path)
            };
            p
        }),
    }
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

/// The version of the scoring core.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
