//! Spreadsheet export (.xlsx) of tthc-score's sheets ([`tthc_score::render::Sheet`]): the
//! annex table, the province table, a consolidated result, the audit of a published table.
//!
//! Numbers are written as numbers with a number format of their decimals ("0.00"); a
//! spreadsheet shows them with the reader's own decimal mark, so a Vietnamese Excel or
//! LibreOffice shows "1,91" and sums them. Text is written as text, never as a formula.
//! The workbook is built in memory (no file I/O): the CLI writes it to a file, a browser
//! offers it as a download.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, FormatBorder, Workbook, XlsxError};
use tthc_score::render::{Cell, Sheet};

/// Sheet names may not hold these characters, and have at most 31 of them.
fn sheet_name(name: &str, taken: &[String]) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
        .take(31)
        .collect();
    let mut out = clean.clone();
    let mut n = 2;
    while taken.contains(&out) {
        out = format!("{} ({n})", clean.chars().take(26).collect::<String>());
        n += 1;
    }
    out
}

/// The number format of a value shown with `decimals` places.
fn number_format(decimals: u32) -> Format {
    let code = if decimals == 0 {
        "#,##0".to_string()
    } else {
        format!("#,##0.{}", "0".repeat(decimals as usize))
    };
    Format::new().set_num_format(code)
}

/// A workbook with one worksheet per sheet, as the bytes of an .xlsx file.
///
/// # Errors
/// The spreadsheet writer's error (none is expected for tthc-score's sheets: the names are
/// cleaned, every cell is within Excel's limits).
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin);
    let mut names = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &names);
        names.push(name.clone());
        let ws = book.add_worksheet();
        ws.set_name(&name)?;
        let mut row = 0u32;
        for (i, t) in sheet.title.iter().enumerate() {
            if i == 0 {
                ws.write_string_with_format(row, 0, t, &bold)?;
            } else {
                ws.write_string(row, 0, t)?;
            }
            row += 1;
        }
        for (k, v) in &sheet.lines {
            ws.write_string(row, 0, k)?;
            write_cell(ws, row, 1, v)?;
            row += 1;
        }
        row += 1;
        for (c, h) in sheet.head.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, h, &head)?;
        }
        row += 1;
        for r in &sheet.rows {
            for (c, cell) in r.iter().enumerate() {
                write_cell(ws, row, c as u16, cell)?;
            }
            row += 1;
        }
        for n in &sheet.notes {
            row += 1;
            ws.write_string(row, 0, n)?;
        }
        ws.autofit();
    }
    book.save_to_buffer()
}

fn write_cell(
    ws: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
) -> Result<(), XlsxError> {
    match cell.number.and_then(|(v, d)| v.to_f64().map(|f| (f, d))) {
        // A spreadsheet holds binary floats: the value is the nearest one to the exact
        // decimal, shown at its decimals; the exact figure stays in the JSON.
        Some((value, decimals)) => {
            ws.write_number_with_format(row, col, value, &number_format(decimals))?;
        }
        None if cell.text.is_empty() => {}
        None => {
            ws.write_string(row, col, &cell.text)?;
        }
    }
    Ok(())
}
