//! The audit of a table as a province published it (CSV: `unit`, `c1` … `c9` in the
//! profile's order, `total`, `rating`, optional `level`): each row's total against the sum
//! of its scores, its rating against the bands, scores out of range or off the 0/1/2 grid,
//! units listed twice, cells that cannot be read. Published tables do contain such errors:
//! a printed total off by exactly 1.000 from its nine scores, a rating that does not match
//! its total.

use crate::base::csv::Records;
use crate::base::number::decimal;
use crate::base::rounding::round;
use crate::base::{Lang, Localized, Severity};
use crate::error::{Code, Problem};
use crate::indicator::IndicatorKind;
use crate::input::Period;
use crate::profile::{band_of, Band, CheckedProfile};
use rust_decimal::Decimal;
use serde::Serialize;
use std::borrow::Cow;

crate::base::codes::stable_codes! {
    /// Stable codes of the audit of a published table.
    pub enum TableCode {
        /// (error) The printed total is not the sum of the row's scores (beyond rounding).
        TotalMismatch = "TABLE_TOTAL_MISMATCH",
        /// (error) The printed rating is not the band of the printed total, or the band of
        /// the recomputed total differs.
        RatingMismatch = "TABLE_RATING_MISMATCH",
        /// (error) A score outside 0–2, or a total outside 0–18.
        ScoreOutOfRange = "TABLE_SCORE_OUT_OF_RANGE",
        /// (error) A per-unit indicator other than 0, 1 or 2 in a quarterly or monthly table.
        OffGrid = "TABLE_OFF_GRID",
        /// (warning) A unit listed twice.
        DuplicateUnit = "TABLE_DUPLICATE_UNIT",
        /// (error) A cell that cannot be read (a number, or a rating of the profile), or
        /// an empty total.
        CellUnreadable = "TABLE_CELL_UNREADABLE",
        /// (error) A row whose number of cells is not the header's (a missing or extra
        /// cell, a quote that does not close): not checked further.
        RowMalformed = "TABLE_ROW_MALFORMED",
    }
}

impl TableCode {
    /// How serious a finding of this code is.
    pub const fn severity(self) -> Severity {
        match self {
            TableCode::DuplicateUnit => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// The numbers behind a finding; the keys present follow from the code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TableFacts {
    /// The column concerned (`c3`, `total`, `rating`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// The cell as written, when it could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The printed figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed: Option<Decimal>,
    /// The sum of the printed scores.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recomputed: Option<Decimal>,
    /// Printed minus recomputed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub difference: Option<Decimal>,
    /// The rating printed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed_rating: Option<Cow<'static, str>>,
    /// The band of the printed total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_of_printed_total: Option<Cow<'static, str>>,
    /// The band of the recomputed total.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating_of_recomputed_total: Option<Cow<'static, str>>,
    /// The row where the unit first appears.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_row: Option<u64>,
}

/// One finding on a row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TableFinding {
    /// The unit of the row.
    pub unit: String,
    /// The row as a spreadsheet numbers it (the header is row 1).
    pub row: u64,
    /// Stable code.
    pub code: TableCode,
    /// Error or warning.
    pub severity: Severity,
    /// The numbers behind it.
    pub facts: TableFacts,
    /// In words.
    pub message: Localized,
}

/// The audit of one published table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TableAudit {
    /// The profile the table was checked against.
    pub profile: Cow<'static, str>,
    /// Rows read (blank lines aside).
    pub rows: u64,
    /// Whether per-unit indicators were checked against the 0/1/2 grid (a quarterly or
    /// monthly table; a yearly table may hold means such as 1,5).
    pub grid_checked: bool,
    /// The findings, by row.
    pub findings: Vec<TableFinding>,
}

impl TableAudit {
    /// Whether a finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// A score as printed: `1,91`, `1.91`, `2`; `None` for an empty or not-applicable cell.
fn number(cell: &str) -> Result<Option<Decimal>, ()> {
    let t = cell.trim();
    if t.is_empty() || matches!(t, "-" | "–" | "N/A" | "n/a" | "KAD" | "Không áp dụng") {
        return Ok(None);
    }
    let t = t.replacen(',', ".", 1);
    let digits = t
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && t.bytes().filter(|&b| b == b'.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    if !digits {
        return Err(());
    }
    t.parse::<Decimal>().map(Some).map_err(|_| ())
}

/// The band a rating cell names: its code, or its label in either language.
fn rating_named<'p>(bands: &'p [Band], cell: &str) -> Option<&'p Band> {
    let t = cell.trim();
    bands.iter().find(|b| {
        b.code.eq_ignore_ascii_case(t) || b.label.vi == t || b.label.en.eq_ignore_ascii_case(t)
    })
}

fn file_error(vi: String, en: String) -> Problem {
    Problem::new(Code::ColumnMissing, "csv", vi, en)
}

/// Audits a published table, read from CSV `text` (comma- or semicolon-separated, as
/// spreadsheets of Vietnamese locale write it; decimals with `.` or `,`), against
/// `profile`. With `period` quarterly or monthly, per-unit indicators must be 0, 1 or 2.
///
/// # Errors
/// For the file as a whole: no header, or a missing column (`COLUMN_MISSING`).
pub fn audit_table(
    text: &str,
    profile: &CheckedProfile,
    period: Option<&Period>,
) -> Result<TableAudit, Problem> {
    let first_line = text.lines().next().unwrap_or("");
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut recs = Records::with_delimiter(text.as_bytes(), delimiter);
    let io = |_| file_error("Không đọc được bảng".into(), "cannot read the table".into());
    let Some((_, nout, nend)) = recs.next().map_err(io)? else {
        return Err(file_error("Bảng trống".into(), "the table is empty".into()));
    };
    let header: Vec<String> = recs
        .fields(nout, nend)
        .iter()
        .map(|f| String::from_utf8_lossy(f).trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name);
    let mut needed: Vec<String> = vec!["unit".into()];
    needed.extend((1..=9).map(|i| format!("c{i}")));
    needed.extend(["total".into(), "rating".into()]);
    let mut at = Vec::with_capacity(needed.len());
    for n in &needed {
        at.push(col(n).ok_or_else(|| {
            file_error(
                format!("Bảng thiếu cột {n} (cần: unit, c1…c9, total, rating)"),
                format!("the table has no column {n} (needed: unit, c1…c9, total, rating)"),
            )
        })?);
    }
    let r = &profile.rounding;
    let vi = |d: Decimal| decimal(d, Lang::Vi);
    let en = |d: Decimal| decimal(d, Lang::En);
    let half = |d: u32| Decimal::new(5, d + 1);
    let grid = period.is_some_and(|p| p.quarter.is_some() || p.month.is_some());
    let per_unit: Vec<bool> = profile
        .order
        .iter()
        .map(|i| i.kind() == IndicatorKind::PerUnit)
        .collect();
    let mut findings = Vec::new();
    let mut seen: Vec<(String, u64)> = Vec::new();
    let mut rows = 0;
    while let Some((line, nout, nend)) = recs.next().map_err(io)? {
        let cells: Vec<String> = recs
            .fields(nout, nend)
            .iter()
            .map(|f| String::from_utf8_lossy(f).trim().to_string())
            .collect();
        if cells.iter().all(String::is_empty) {
            continue;
        }
        rows += 1;
        let cell = |i: usize| cells.get(at[i]).map_or("", String::as_str);
        let unit = cell(0).to_string();
        let mut push = |code: TableCode, facts: TableFacts, vi: String, en: String| {
            findings.push(TableFinding {
                unit: unit.clone(),
                row: line,
                code,
                severity: code.severity(),
                facts,
                message: Localized::new(vi, en),
            })
        };
        let key = unit.to_lowercase();
        match seen.iter().find(|(k, _)| *k == key) {
            Some(&(_, first)) => push(
                TableCode::DuplicateUnit,
                TableFacts {
                    first_row: Some(first),
                    ..Default::default()
                },
                format!("Đơn vị \"{unit}\" đã có ở dòng {first}"),
                format!("unit \"{unit}\" is already listed on row {first}"),
            ),
            None => seen.push((key, line)),
        }
        if cells.len() != header.len() {
            let f = TableFacts {
                text: Some(cells.len().to_string()),
                ..Default::default()
            };
            let n = (cells.len(), header.len());
            push(
                TableCode::RowMalformed,
                f,
                format!("Dòng có {} ô, tiêu đề có {}", n.0, n.1),
                format!("the row has {} cells, the header {}", n.0, n.1),
            );
            continue;
        }
        let unreadable = |name: &str, text: &str| {
            (
                TableCode::CellUnreadable,
                TableFacts {
                    column: Some(name.into()),
                    text: Some(text.into()),
                    ..Default::default()
                },
                format!("Không đọc được ô {name}: \"{text}\""),
                format!("cannot read cell {name}: \"{text}\""),
            )
        };
        // The nine scores.
        let mut scores = Vec::with_capacity(9);
        // A cell that cannot be read, or a figure out of range, has its finding; the row's
        // sums are not checked further (a figure of 28 digits must not overflow them).
        let mut readable = true;
        for (k, is_unit) in per_unit.iter().enumerate() {
            let name = format!("c{}", k + 1);
            match number(cell(k + 1)) {
                Ok(v) => {
                    if let Some(x) = v {
                        let (x_vi, x_en) = (vi(x), en(x));
                        if x < Decimal::ZERO || x > Decimal::TWO {
                            readable = false;
                            let f = TableFacts {
                                column: Some(name.clone()),
                                printed: Some(x),
                                ..Default::default()
                            };
                            push(
                                TableCode::ScoreOutOfRange,
                                f,
                                format!("Điểm ô {name} là {x_vi}, ngoài khoảng 0–2"),
                                format!("score {name} is {x_en}, outside 0–2"),
                            );
                        } else if grid && *is_unit && x.fract() != Decimal::ZERO {
                            let f = TableFacts {
                                column: Some(name.clone()),
                                printed: Some(x),
                                ..Default::default()
                            };
                            push(TableCode::OffGrid, f, format!("Chỉ số đơn vị ở ô {name} phải là 0, 1 hoặc 2 trong bảng quý, tháng (giá trị: {x_vi})"), format!("per-unit indicator {name} must be 0, 1 or 2 in a quarterly or monthly table, got {x_en}"));
                        }
                    }
                    scores.push(v);
                }
                Err(()) => {
                    let (c, f, vi, en) = unreadable(&name, cell(k + 1));
                    push(c, f, vi, en);
                    readable = false;
                }
            }
        }
        let total = match number(cell(10)) {
            Ok(Some(t)) => Some(t),
            Err(()) | Ok(None) => {
                let (c, f, vi, en) = unreadable("total", cell(10));
                push(c, f, vi, en);
                None
            }
        };
        if let Some(t) = total.filter(|t| *t < Decimal::ZERO || *t > Decimal::from(18)) {
            readable = false;
            let (t_vi, t_en) = (vi(t), en(t));
            let f = TableFacts {
                column: Some("total".into()),
                printed: Some(t),
                ..Default::default()
            };
            push(
                TableCode::ScoreOutOfRange,
                f,
                format!("Tổng điểm {t_vi} ngoài khoảng 0–18"),
                format!("total {t_en} is outside 0–18"),
            );
        }
        let printed_rating = cell(11);
        let band = rating_named(&profile.unit_bands, printed_rating);
        if band.is_none() && !printed_rating.is_empty() {
            let (c, f, vi, en) = unreadable("rating", printed_rating);
            push(c, f, vi, en);
        }
        if !readable {
            continue;
        }
        let applied: Vec<Decimal> = scores.iter().flatten().copied().collect();
        let recomputed = applied.iter().sum::<Decimal>();
        // The rating, on total × 18 / maximum when indicators are not applicable.
        let maximum = Decimal::from(2 * applied.len() as u64);
        let basis = |t: Decimal| {
            if applied.is_empty() || applied.len() == 9 {
                t
            } else {
                t * Decimal::from(18) / maximum
            }
        };
        let of = |t: Decimal| band_of(&profile.unit_bands, round(basis(t), 8, r.strategy));
        let by_recomputed = of(recomputed);
        let label = |b: Option<&Band>, vi: bool| {
            b.map_or(String::new(), |b| {
                if vi {
                    b.label.vi.to_string()
                } else {
                    b.label.en.to_string()
                }
            })
        };
        let (recomputed_vi, recomputed_en) = (vi(recomputed), en(recomputed));
        let code = |b: Option<&Band>| b.map(|b| b.code.clone());
        // The totals the printed scores allow: some true scores, each within the rounding
        // of its printed cell (and within 0–2), add up to a sum that rounds to them. Rounded
        // cells: the averaged (per-dossier) scores and, in a year's table, a per-unit mean
        // that is not whole (3 × 5/3 + 2 = 7,00 from 1,67, 1,67, 1,67 and 2). Under TT01 the
        // total sums the printed scores: only the total's own rounding.
        let (low, high, closed) = if r.total_of_rounded_indicators {
            (recomputed, recomputed, true)
        } else {
            let h = half(r.indicator_decimals);
            let mut bounds = (Decimal::ZERO, Decimal::ZERO, true);
            for (s, u) in scores.iter().zip(&per_unit) {
                let Some(c) = *s else { continue };
                if *u && c.fract().is_zero() {
                    bounds.0 += c;
                    bounds.1 += c;
                } else {
                    // From c − h (at least 0) to below c + h (half-up) or to 2 inclusive.
                    let capped = c + h > Decimal::TWO;
                    bounds.0 += (c - h).max(Decimal::ZERO);
                    bounds.1 += if capped { Decimal::TWO } else { c + h };
                    bounds.2 &= capped;
                }
            }
            bounds
        };
        let (ht, ulp) = (half(r.total_decimals), Decimal::new(1, r.total_decimals));
        let least = round(low, r.total_decimals, r.strategy);
        let most = round(high, r.total_decimals, r.strategy);
        // An open upper bound on a midpoint rounds to a total it cannot reach.
        let most = if !closed && most - ht == high {
            most - ulp
        } else {
            most
        };
        // The bands those totals get (bands run from the highest bound down): a rating is
        // allowed when one of them has its code.
        let bands = &profile.unit_bands;
        let at = |b: Option<&Band>| b.and_then(|b| bands.iter().position(|x| std::ptr::eq(x, b)));
        let allowed = |b: Option<&Band>| match (b, at(of(most)), at(of(least))) {
            (Some(b), Some(top), Some(bottom)) => {
                bands[top..=bottom].iter().any(|x| x.code == b.code)
            }
            _ => true,
        };
        let by_printed = total.and_then(of);
        let facts = || TableFacts {
            column: Some("rating".into()),
            printed: total,
            recomputed: Some(recomputed),
            printed_rating: code(band),
            rating_of_printed_total: code(by_printed),
            rating_of_recomputed_total: code(by_recomputed),
            ..Default::default()
        };
        if let Some(total) = total {
            let difference = total - recomputed;
            let (total_vi, total_en) = (vi(total), en(total));
            let (difference_vi, difference_en) = (vi(difference), en(difference));
            if total < least || total > most {
                let f = TableFacts {
                    column: Some("total".into()),
                    printed: Some(total),
                    recomputed: Some(recomputed),
                    difference: Some(difference),
                    ..Default::default()
                };
                push(TableCode::TotalMismatch, f, format!("Tổng điểm in {total_vi} khác tổng các điểm {recomputed_vi} (chênh lệch {difference_vi})"), format!("the printed total {total_en} is not the sum of the scores, {recomputed_en} (difference {difference_en})"));
            }
            if band.is_some() && code(band) != code(by_printed) {
                push(TableCode::RatingMismatch, facts(), format!("Xếp loại in \"{printed_rating}\" không khớp tổng điểm in {total_vi} ({})", label(by_printed, true)), format!("the printed rating \"{printed_rating}\" does not match the printed total {total_en} ({})", label(by_printed, false)));
                continue;
            }
        }
        // The rating the row stands by — its printed total's, or with no total the printed
        // one — must be one the scores allow.
        let claimed = if total.is_some() { by_printed } else { band };
        if !allowed(claimed) {
            push(
                TableCode::RatingMismatch,
                facts(),
                format!(
                    "Theo tổng các điểm ({recomputed_vi}) đơn vị xếp loại {}, không phải {}",
                    label(by_recomputed, true),
                    label(claimed, true)
                ),
                format!(
                    "by the sum of its scores ({recomputed_en}) the unit rates {}, not {}",
                    label(by_recomputed, false),
                    label(claimed, false)
                ),
            );
        }
    }
    Ok(TableAudit {
        profile: profile.id.clone(),
        rows,
        grid_checked: grid,
        findings,
    })
}
