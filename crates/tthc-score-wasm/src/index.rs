//! The ratio-index calls (the `tthc-score/province` module): an input of the 766 index
//! (Decision 766/QĐ-TTg) scored or rendered under `vn-766` or a province's own profile.

use crate::{options, options_error, to_js};
use serde::Serialize;
use tthc_score::index766::{
    render_index, score_index, IndexInput, IndexRenderOptions, IndexResult, IndexScoreOptions,
};
use tthc_score::{parse_json, Errors, Problem};
use wasm_bindgen::prelude::*;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum IndexOutcome {
    Index(Box<IndexResult>),
    Table(String),
    Errors(Vec<Problem>),
}

#[wasm_bindgen(typescript_custom_section)]
const TS_INDEX_RESULT: &'static str = r#"
export type ScoreIndexResult = { index: IndexResult } | { errors: Problem[] };
export type RenderIndexResult = { table: string } | { errors: Problem[] };
"#;

fn result(r: Result<IndexOutcome, Errors>) -> Result<JsValue, JsValue> {
    to_js(&r.unwrap_or_else(|e| IndexOutcome::Errors(e.0)))
}

/// Scores a ratio-index input given as JSON text: `{ index }` or `{ errors }`.
#[wasm_bindgen(js_name = scoreIndex, unchecked_return_type = "ScoreIndexResult")]
pub fn score_index_js(input: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    result(
        options::<IndexScoreOptions>(options_json)
            .map_err(Errors::one)
            .and_then(|o| {
                let (p, io) = o.resolve().map_err(options_error)?;
                let input: IndexInput = parse_json(input).map_err(Errors::one)?;
                score_index(&input, &p, &io).map(|r| IndexOutcome::Index(Box::new(r)))
            }),
    )
}

/// Renders the table of a ratio-index input given as JSON text: `{ table }` or `{ errors }`.
#[wasm_bindgen(js_name = renderIndex, unchecked_return_type = "RenderIndexResult")]
pub fn render_index_js(input: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    result(
        options::<IndexRenderOptions>(options_json)
            .map_err(Errors::one)
            .and_then(|o| {
                let (p, io) = o.resolve().map_err(options_error)?;
                let input: IndexInput = parse_json(input).map_err(Errors::one)?;
                let r = score_index(&input, &p, &io)?;
                let (format, lang) = (o.format.unwrap_or_default(), o.lang.unwrap_or_default());
                Ok(IndexOutcome::Table(render_index(&r, format, lang)))
            }),
    )
}
