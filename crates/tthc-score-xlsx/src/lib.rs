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
use tthc_score::{Code, Problem};

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

/// The most characters a cell holds, in UTF-16 code units (Excel's limit, which the writer
/// enforces).
pub const MAX_CELL_CHARS: usize = 32_767;

/// A workbook with one worksheet per sheet, as the bytes of an .xlsx file.
///
/// # Errors
/// `INVALID_VALUE` for a text longer than a cell holds ([`MAX_CELL_CHARS`]: a unit's name,
/// say), naming the sheet and the cell; `INTERNAL_ERROR` for any other error of the
/// spreadsheet writer (none is expected: the sheet names are cleaned, numbers are finite).
pub fn workbook(sheets: &[Sheet]) -> Result<Vec<u8>, Problem> {
    check_lengths(sheets)?;
    build(sheets).map_err(|e| {
        Problem::new(
            Code::InternalError,
            "",
            format!("Không tạo được tệp xlsx: {e}"),
            format!("the xlsx file could not be written: {e}"),
        )
    })
}

/// Every text the workbook would hold fits a cell: checked before writing, so that a too
/// long name is the caller's error with its place, not the writer's.
fn check_lengths(sheets: &[Sheet]) -> Result<(), Problem> {
    for sheet in sheets {
        let cells = sheet
            .title
            .iter()
            .chain(sheet.lines.iter().flat_map(|(k, v)| [k, &v.text]))
            .chain(&sheet.head)
            .chain(sheet.rows.iter().flatten().map(|c| &c.text))
            .chain(&sheet.notes);
        for text in cells {
            // UTF-16 code units, as Excel (and the writer) count them: an emoji is two.
            let n = text.encode_utf16().count();
            if n > MAX_CELL_CHARS {
                let start: String = text.chars().take(40).collect();
                return Err(Problem::new(
                    Code::InvalidValue,
                    "",
                    format!(
                        "Một ô của bảng \"{}\" dài {n} ký tự, quá {MAX_CELL_CHARS} ký tự một ô bảng tính chứa được (bắt đầu bằng {start:?})",
                        sheet.name
                    ),
                    format!(
                        "a cell of the sheet \"{}\" holds {n} characters, more than the {MAX_CELL_CHARS} a spreadsheet cell can (it starts {start:?})",
                        sheet.name
                    ),
                ));
            }
        }
    }
    Ok(())
}

fn build(sheets: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
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
