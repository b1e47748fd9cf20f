//! The province calls (the `tthc-score/province` module): many units scored and ranked,
//! units or periods combined, a published table checked.

use crate::{options, options_error, to_js};
use serde::Serialize;
use tthc_score::province::{
    audit_table, BatchOptions, ConsolidateOptions, TableAudit, TableAuditOptions,
};
use tthc_score::{batch_json, consolidate_json, Batch, Errors, Problem};
use wasm_bindgen::prelude::*;

mod packed;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
enum ProvinceResult {
    Consolidated(Box<tthc_score::province::Consolidated>),
    Audit(TableAudit),
    Errors(Vec<Problem>),
}

#[wasm_bindgen(typescript_custom_section)]
const TS_PROVINCE_RESULT: &'static str = r#"
export type BatchResult =
  | { batch: Batch; rows?: { names: string; dict: string; ints: Uint8Array }; results?: Uint8Array }
  | { errors: Problem[] };
export type ConsolidateResult = { consolidated: Consolidated } | { errors: Problem[] };
export type AuditTableResult = { audit: TableAudit } | { errors: Problem[] };
"#;

fn result(r: Result<ProvinceResult, Errors>) -> Result<JsValue, JsValue> {
    to_js(&r.unwrap_or_else(|e| ProvinceResult::Errors(e.0)))
}

/// Scores every report of a JSON array and ranks them: `{ batch }` or `{ errors }`.
/// Without scorecards, the table's rows (and the results, when every unit has a row) leave
/// packed (`rows`, `results`: see `province/packed.rs`), and the facade builds the very
/// objects serde-wasm-bindgen would: a few values crossing instead of some twenty a unit,
/// which was most of the wasm cost of a province's batch.
#[wasm_bindgen(js_name = batch, unchecked_return_type = "BatchResult")]
pub fn batch(inputs: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Packed {
        batch: Batch,
        #[serde(skip_serializing_if = "Option::is_none")]
        rows: Option<packed::Rows>,
        #[serde(skip_serializing_if = "Option::is_none")]
        results: Option<packed::Ints>,
    }
    let outcome = options::<BatchOptions>(options_json)
        .map_err(Errors::one)
        .and_then(|o| {
            o.resolve().map_err(options_error)?;
            Ok((batch_json(inputs, &o)?, o.scorecards == Some(false)))
        });
    // With nothing packed (with scorecards, or a name holding the separator): `{ batch }`.
    match outcome {
        Ok((mut batch, lean)) => {
            let rows = lean.then(|| packed::pack_rows(&batch.table.rows)).flatten();
            if rows.is_some() {
                batch.table.rows = Vec::new();
            }
            let results = lean.then(|| packed::pack_results(&batch.results)).flatten();
            if results.is_some() {
                batch.results = Vec::new();
            }
            to_js(&Packed {
                batch,
                rows,
                results,
            })
        }
        Err(e) => result(Err(e)),
    }
}

/// Combines the reports of a JSON array into one result: `{ consolidated }` or `{ errors }`.
#[wasm_bindgen(js_name = consolidate, unchecked_return_type = "ConsolidateResult")]
pub fn consolidate(inputs: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    result(
        options::<ConsolidateOptions>(options_json)
            .map_err(Errors::one)
            .and_then(|o| {
                o.resolve().map_err(options_error)?;
                consolidate_json(inputs, &o).map(|c| ProvinceResult::Consolidated(Box::new(c)))
            }),
    )
}

/// Checks a published table (CSV text): `{ audit }` or `{ errors }`.
#[wasm_bindgen(js_name = auditTable, unchecked_return_type = "AuditTableResult")]
pub fn audit_table_js(csv: &str, options_json: Option<String>) -> Result<JsValue, JsValue> {
    result(
        options::<TableAuditOptions>(options_json)
            .map_err(Errors::one)
            .and_then(|o| {
                let p = o.resolve().map_err(options_error)?;
                audit_table(csv, &p, o.period.as_ref())
                    .map(ProvinceResult::Audit)
                    .map_err(Errors::one)
            }),
    )
}
