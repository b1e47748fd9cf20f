//! What a tally read, rejected and noted, in words for people and numbers for machines.

use super::{Sample, Tally, UnitFacts};
use crate::base::number::count;
use crate::base::plural;
use crate::base::{Lang, Localized, Severity};
use crate::classify::Reappointment;
use crate::error::Code;
use crate::input::Period;
use serde::{Deserialize, Serialize};

crate::base::codes::stable_codes! {
    /// Stable codes of the notes of a tally (warnings: the rows are still counted).
    pub enum TallyCode {
        /// A given due date differs from the one its time limit gives (the given one counts).
        DueDateMismatch = "DUE_DATE_MISMATCH",
        /// A given due date on a day that is not a working day (used as given).
        DueDateOnRestDay = "DUE_DATE_ON_REST_DAY",
        /// Dossiers whose due date (computed, or given and checked) used days off computed
        /// by rule, outside the official data.
        ProvisionalCalendar = "PROVISIONAL_CALENDAR",
        /// Rows that repeat an id seen before (every row counts).
        DuplicateId = "DUPLICATE_ID",
        /// Columns the tally does not read.
        UnknownColumn = "UNKNOWN_COLUMN",
        /// Entries of the per-unit facts for units without dossiers.
        UnitFactsUnused = "UNIT_FACTS_UNUSED",
    }
}

/// One note: its code, how many rows, the first rows (and their ids), names, and a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TallyNote {
    /// Stable code.
    pub code: TallyCode,
    /// Always `warning`: the rows still count.
    pub severity: Severity,
    /// How many rows (or names).
    pub count: u64,
    /// The first rows, by row number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<u64>,
    /// Column or unit names, for the notes about names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// The message.
    pub message: Localized,
}

/// A rejected row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct RejectedRow {
    /// The row number (in a CSV file, the row a spreadsheet shows; the header is row 1).
    pub row: u64,
    /// The dossier's id, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Stable code.
    pub code: Code,
    /// The message.
    pub message: Localized,
}

/// What a tally read, rejected and noted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TallySummary {
    /// The period.
    pub period: Period,
    /// Rows read (rejected ones included).
    pub rows: u64,
    /// Rows that count in the period.
    pub counted: u64,
    /// Rows that touch the period in none of the ways that count.
    pub outside_period: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// Rows rejected, by code.
    pub rejected_by_code: Vec<(Code, u64)>,
    /// The first rejected rows (at most 1,000), by row number.
    pub rejected_rows: Vec<RejectedRow>,
    /// Units with dossiers in the period.
    pub units: u64,
    /// Notes (warnings).
    pub notes: Vec<TallyNote>,
}

/// The rows of a sample: "5 (H001), 9, 12, …" (row numbers as a spreadsheet shows them).
fn rows_text(s: &Sample<Option<String>>) -> String {
    let mut parts: Vec<String> = s
        .first
        .iter()
        .map(|(r, id)| match id {
            Some(id) => format!("{r} ({})", super::shown_id(id)),
            None => r.to_string(),
        })
        .collect();
    if s.count > s.first.len() as u64 {
        parts.push("…".into());
    }
    parts.join(", ")
}

fn row_note(code: TallyCode, s: &Sample<Option<String>>, vi: &str, en: &str) -> Option<TallyNote> {
    (s.count > 0).then(|| TallyNote {
        code,
        severity: Severity::Warning,
        count: s.count,
        rows: s.first.iter().map(|r| r.0).collect(),
        names: Vec::new(),
        message: Localized::new(
            format!("{} {vi} (dòng {})", count(s.count, Lang::Vi), rows_text(s)),
            // English inflects: "Dossiers …: 1 (row 4 (R3))", never "1 dossiers have".
            format!(
                "{en}: {} ({} {})",
                count(s.count, Lang::En),
                plural(s.count, "row", "rows"),
                rows_text(s)
            ),
        ),
    })
}

fn name_note(code: TallyCode, names: Vec<String>, vi: &str, en: &str) -> Option<TallyNote> {
    (!names.is_empty()).then(|| {
        let list = names.join(", ");
        TallyNote {
            code,
            severity: Severity::Warning,
            count: names.len() as u64,
            rows: Vec::new(),
            message: Localized::new(format!("{vi}: {list}"), format!("{en}: {list}")),
            names,
        }
    })
}

pub(super) fn summary(t: &Tally, facts: &UnitFacts) -> TallySummary {
    let rejected: u64 = t.rejected_by_code.values().sum();
    let codes: Vec<&str> = t.rejected_by_code.keys().map(|c| c.as_str()).collect();
    let counts: Vec<(Code, u64)> = t.rejected_by_code.iter().map(|(c, n)| (*c, *n)).collect();
    let by_code: Vec<(Code, u64)> = super::by_name(&codes)
        .into_iter()
        .map(|i| counts[i])
        .collect();
    let duplicate_ids = t.ids.repeats();
    let counted: Vec<&str> = t.counted_units().map(|u| u.name.as_str()).collect();
    let unused: Vec<String> = facts
        .units
        .keys()
        .filter(|k| !counted.contains(&super::normalize_name(k).as_ref()))
        .cloned()
        .collect();
    // Under reappointment = new, a first appointment alone leaves the computed date to
    // judge: the note says so only then.
    let (mismatch_vi, mismatch_en) = match t.policy.reappointment {
        Reappointment::Original => (
            "hồ sơ có ngày hẹn trả khác ngày tính theo thời hạn giải quyết; ngày hẹn đã cho được dùng",
            "Dossiers whose due date differs from the one their time limit gives (the given date counts)",
        ),
        Reappointment::New => (
            "hồ sơ có ngày hẹn trả khác ngày tính theo thời hạn giải quyết; ngày hẹn đã cho được dùng, hoặc ngày tính khi chỉ có ngày hẹn đầu (reappointment=new)",
            "Dossiers whose due date differs from the one their time limit gives (the given date counts; with only a first appointment, the computed one, as reappointment=new says)",
        ),
    };
    let notes = [
        row_note(
            TallyCode::DueDateMismatch,
            &t.mismatch,
            mismatch_vi,
            mismatch_en,
        ),
        row_note(
            TallyCode::DueDateOnRestDay,
            &t.rest_day,
            "hồ sơ có ngày hẹn trả vào ngày nghỉ; ngày hẹn được dùng như đã cho",
            "Dossiers with a due date on a day off (used as given)",
        ),
        row_note(
            TallyCode::ProvisionalCalendar,
            &t.provisional,
            "hồ sơ có ngày hẹn trả tính hoặc đối chiếu theo lịch nghỉ tạm tính (ngoài dữ liệu chính thức)",
            "Dossiers with a due date computed or checked with provisional days off (outside the official data)",
        ),
        (duplicate_ids > 0).then(|| TallyNote {
            code: TallyCode::DuplicateId,
            severity: Severity::Warning,
            count: duplicate_ids,
            rows: Vec::new(),
            names: Vec::new(),
            message: Localized::new(
                format!("{} dòng lặp lại mã hồ sơ của một dòng trước; mỗi dòng vẫn được tính hoặc bị loại như bình thường", count(duplicate_ids, Lang::Vi)),
                format!(
                    "Rows that repeat the id of an earlier row (each is still counted or rejected on its own): {}",
                    count(duplicate_ids, Lang::En)
                ),
            ),
        }),
        name_note(
            TallyCode::UnknownColumn,
            t.unknown_columns.clone(),
            "Các cột không được đọc",
            "Columns not read",
        ),
        name_note(
            TallyCode::UnitFactsUnused,
            unused,
            "Số liệu đơn vị cho các đơn vị không có hồ sơ trong kỳ",
            "Unit facts for units without dossiers in the period",
        ),
    ]
    .into_iter()
    .flatten()
    .collect();
    TallySummary {
        period: t.period,
        rows: t.rows,
        counted: t.rows - t.outside - rejected,
        outside_period: t.outside,
        rejected,
        rejected_by_code: by_code,
        rejected_rows: t
            .rejected
            .first
            .iter()
            .map(|(row, (id, code, vi, en))| RejectedRow {
                row: *row,
                id: id.clone(),
                code: *code,
                message: Localized::new(vi.clone(), en.clone()),
            })
            .collect(),
        units: counted.len() as u64,
        notes,
    }
}
