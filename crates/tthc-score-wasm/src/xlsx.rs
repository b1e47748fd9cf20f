//! The spreadsheet calls (the `tthc-score/xlsx` module, loaded only when a page offers a
//! download): the same inputs as the calls that compute, an .xlsx workbook out as bytes
//! (`Uint8Array`), built by `tthc-score-xlsx` from the core's typed sheets.

use crate::{options, options_error, to_js, ErrorsOnly};
use tthc_score::province::{audit_table, BatchOptions, ConsolidateOptions, TableAuditOptions};
use tthc_score::render::{
    annex_sheet, consolidated_sheet, province_sheet, table_audit_sheet, Sheet,
};
use tthc_score::{
    batch_json, consolidate_json, parse_report, score_with, Errors, Lang, Options, Problem,
    UnitResult,
};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_XLSX_RESULT: &'static str = "export type XlsxResult = Uint8Array | { errors: Problem[] };";

/// The workbook's bytes, or `{ errors }`.
fn workbook(sheets: Result<Vec<Sheet>, Errors>) -> Result<JsValue, JsValue> {
    let bytes = sheets.and_then(|s| tthc_score_xlsx::workbook(&s).map_err(Errors::one));
    match bytes {
        Ok(b) => Ok(js_sys::Uint8Array::from(b.as_slice()).into()),
        Err(e) => to_js(&ErrorsOnly { errors: e.0 }),
    }
}

/// The language of a sheet: `vi` (default) or `en`.
fn lang(l: Option<String>) -> Result<Lang, Errors> {
    l.map_or(Ok(Lang::Vi), |s| {
        s.parse::<Lang>().map_err(|e| {
            Errors::one(Problem::new(
                tthc_score::Code::InvalidValue,
                "lang",
                e.to_string(),
                e.to_string(),
            ))
        })
    })
}

/// The annex table of one report as a workbook.
#[wasm_bindgen(js_name = annexXlsx, unchecked_return_type = "XlsxResult")]
pub fn annex_xlsx(
    input: &str,
    options_json: Option<String>,
    lang_name: Option<String>,
) -> Result<JsValue, JsValue> {
    workbook((|| {
        let o: Options = options(options_json)?;
        let (p, i) = o.resolve().map_err(options_error)?;
        let l = lang(lang_name)?;
        let card = score_with(&parse_report(input)?, &p, &i)?;
        Ok(vec![annex_sheet(&card, &p, l)?])
    })())
}

/// The ranked province table of many reports as a workbook.
#[wasm_bindgen(js_name = provinceXlsx, unchecked_return_type = "XlsxResult")]
pub fn province_xlsx(
    inputs: &str,
    options_json: Option<String>,
    lang_name: Option<String>,
) -> Result<JsValue, JsValue> {
    workbook((|| {
        let mut o: BatchOptions = options(options_json)?;
        // The sheet's heading names the period: it is read from the scorecards.
        o.scorecards = Some(true);
        let (p, _, _) = o.resolve().map_err(options_error)?;
        let l = lang(lang_name)?;
        let b = batch_json(inputs, &o)?;
        // A published table without a unit would say nothing of it: the units that could
        // not be scored refuse the workbook, each error placed at its unit (`[1].…`).
        let errors: Vec<Problem> = (b.results.iter().enumerate())
            .filter_map(|(i, r)| match r {
                UnitResult::Errors(e) => Some((i, e)),
                _ => None,
            })
            .flat_map(|(i, e)| e.iter().map(move |p| p.clone().within(&format!("[{i}]"))))
            .collect();
        if !errors.is_empty() {
            return Err(Errors(errors));
        }
        let period = b.results.iter().find_map(|r| match r {
            UnitResult::Scorecard(c) => Some(c.period),
            _ => None,
        });
        Ok(vec![province_sheet(&b.table, &p, period.as_ref(), l)])
    })())
}

/// A consolidated result of many reports as a workbook.
#[wasm_bindgen(js_name = consolidatedXlsx, unchecked_return_type = "XlsxResult")]
pub fn consolidated_xlsx(
    inputs: &str,
    options_json: Option<String>,
    lang_name: Option<String>,
) -> Result<JsValue, JsValue> {
    workbook((|| {
        let o: ConsolidateOptions = options(options_json)?;
        let (p, _, _) = o.resolve().map_err(options_error)?;
        let l = lang(lang_name)?;
        let c = consolidate_json(inputs, &o)?;
        Ok(vec![consolidated_sheet(&c, &p, l)])
    })())
}

/// The audit of a published table (CSV text) as a workbook.
#[wasm_bindgen(js_name = auditTableXlsx, unchecked_return_type = "XlsxResult")]
pub fn audit_table_xlsx(
    csv: &str,
    options_json: Option<String>,
    lang_name: Option<String>,
) -> Result<JsValue, JsValue> {
    workbook((|| {
        let o: TableAuditOptions = options(options_json)?;
        let p = o.resolve().map_err(options_error)?;
        let l = lang(lang_name)?;
        let a = audit_table(csv, &p, o.period.as_ref()).map_err(Errors::one)?;
        Ok(vec![table_audit_sheet(&a, l)])
    })())
}
