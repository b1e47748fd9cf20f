//! The scoring entry: score, audit, validate, render, profiles.

use crate::{options, to_js};
use serde::Serialize;
use tthc_score::input::UnitLevel;
use tthc_score::{
    check_json, parse_report, profile, render_report, rules, score_report, Code, Errors, Options,
    Outcome, Problem, RenderOptions,
};
use wasm_bindgen::prelude::*;

/// The problems of a scoring call, those of the options led by `options.` like their
/// parse errors: an unknown profile, the one problem `Options::resolve` gives (a report
/// has no profile).
fn in_options(e: Errors) -> Errors {
    let lead = |p: Problem| match p.code {
        Code::UnknownProfile => p.within("options"),
        _ => p,
    };
    Errors(e.0.into_iter().map(lead).collect())
}

/// Scores a report given as JSON text: `{ scorecard }` or `{ errors }`. Never throws for
/// bad input.
#[wasm_bindgen(unchecked_return_type = "Outcome")]
pub fn evaluate(input: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    let outcome: Outcome = options::<Options>(options_json)
        .map_err(Errors::one)
        .and_then(|o| score_report(&parse_report(input)?, &o).map_err(in_options))
        .into();
    to_js(&outcome)
}

/// Every problem in a report given as JSON text (empty when it can be scored).
#[wasm_bindgen(unchecked_return_type = "Problem[]")]
pub fn validate(input: &str) -> Result<JsValue, JsValue> {
    to_js(&check_json(input))
}

/// Renders the annex table of a report given as JSON text: `{ table }` or `{ errors }`.
#[wasm_bindgen(js_name = renderTable, unchecked_return_type = "RenderOutcome")]
pub fn render_table(input: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    let result = options::<RenderOptions>(options_json)
        .map_err(Errors::one)
        .and_then(|o| render_report(&parse_report(input)?, &o).map_err(in_options));
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
pub fn profiles() -> Result<JsValue, JsValue> {
    to_js(&profile::builtin())
}

// The words of the annex form under the profile of scoring options given as JSON text, for
// a unit at the level of index `level` in `UnitLevel::ALL`: `[profileId, words]` or
// `{ errors }`. The words are, for each indicator in the profile's order, its title and
// its sub-rows at 2, 1 and 0 points (`rules::form_title`, `rules::form_rows`), then the
// names of the unit levels in the order of `UnitLevel::ALL`; the facade checks the level,
// and builds `Labels` from the words and the profile (ids, kinds, bands): only types the
// module serializes anyway (serializing `rules::Labels` itself cost about 2.5 KB of gzip
// in this module; this, about 1.5 KB). The options are read as scoring options, whose
// parser the module has anyway (interpretations are checked and change no word).
#[wasm_bindgen(unchecked_return_type = "[string, Localized[]] | { errors: Problem[] }")]
pub fn labels(options_json: Option<String>, level: Option<u8>) -> Result<JsValue, JsValue> {
    let result = options::<Options>(options_json).and_then(|o| {
        let (p, _) = o.resolve().map_err(|p| p.within("options"))?;
        let unit = level.and_then(|i| UnitLevel::ALL.get(usize::from(i)).copied());
        let mut words = Vec::with_capacity(p.order.len() * 4 + UnitLevel::ALL.len());
        for &id in &p.order {
            words.push(rules::form_title(id, p.one_stop_rule));
            words.extend(rules::form_rows(id, p.one_stop_rule, unit));
        }
        words.extend(UnitLevel::ALL.into_iter().map(UnitLevel::label));
        Ok((p.id.clone(), words))
    });
    match result {
        Ok(labels) => to_js(&labels),
        Err(p) => to_js(&RenderOutcome::Errors(vec![p])),
    }
}
