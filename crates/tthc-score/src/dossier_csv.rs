//! The CSV of dossier records (dossiers.md §7), read row by row into a [`Tally`] (feature
//! `csv`): UTF-8 (a leading byte-order mark is skipped), comma-separated, RFC 4180 quoting,
//! LF or CRLF, one header row. Columns in any order; an unknown column is noted, a missing
//! required or a duplicated column refuses the file. A bad row is rejected with its row
//! number, id and code, and counted; the rest is tallied. Nothing is held but the current
//! row.
//!
//! The parsing is csv-core's, the engine of the csv crate; this module feeds it the bytes
//! itself so that every row number is the one a spreadsheet shows (the csv crate's record
//! positions lag behind blank lines and CRLF line ends).

use crate::base::csv::{Fields, Quoting, Records};
use crate::classify::{Fault, Row, NONE};
use crate::error::{Code, Problem};
use crate::input::{
    count_from_text, AgenciesContacted, At, Channel, Complaint, Day, DayOrAt, TimeLimit, Timeliness,
};
use crate::tally::{Tally, NO_OFFICIAL};
use std::io::Read;

/// The columns, in the order of dossiers.md §7.
const COLUMNS: [&str; 14] = [
    "id",
    "unit",
    "official",
    "channel",
    "received_at",
    "time_limit_days",
    "due_date",
    "original_due_date",
    "restarted_at",
    "resolved_at",
    "agency_grade",
    "contacts",
    "agencies_contacted",
    "complaint",
];

#[derive(Clone, Copy)]
enum Col {
    Id,
    Unit,
    Official,
    Channel,
    ReceivedAt,
    TimeLimit,
    DueDate,
    OriginalDueDate,
    RestartedAt,
    ResolvedAt,
    AgencyGrade,
    Contacts,
    Agencies,
    Complaint,
}

fn file_error(code: Code, vi: String, en: String) -> Problem {
    Problem::new(code, "csv", vi, en)
}

/// Where each known column is in the file.
struct Layout {
    at: [Option<usize>; 14],
    width: usize,
}

impl Layout {
    /// The cell of column `c`; `None` when the file has no such column, or the record is
    /// too short to reach it (a row refused for its field count still names its id).
    fn cell<'r>(&self, rec: &'r [&'r str], c: Col) -> Option<&'r str> {
        self.at[c as usize].and_then(|i| rec.get(i).copied())
    }
}

fn header(names: &[String], tally: &mut Tally) -> Result<Layout, Problem> {
    let mut at = [None; 14];
    let mut unknown = Vec::new();
    for (i, raw) in names.iter().enumerate() {
        let name = raw.trim().trim_start_matches('\u{feff}').trim();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(k) if at[k].is_some() => {
                return Err(file_error(
                    Code::ColumnDuplicate,
                    format!("Cột {name:?} xuất hiện hai lần"),
                    format!("the column {name:?} appears twice"),
                ))
            }
            Some(k) => at[k] = Some(i),
            None => unknown.push(name.to_string()),
        }
    }
    let missing: Vec<&str> = [Col::Unit, Col::Channel, Col::ReceivedAt]
        .iter()
        .filter(|c| at[**c as usize].is_none())
        .map(|c| COLUMNS[*c as usize])
        .collect();
    let no_due = at[Col::TimeLimit as usize].is_none() && at[Col::DueDate as usize].is_none();
    if !missing.is_empty() || no_due {
        // "channel, received_at; time_limit_days or due_date": the alternative apart.
        let list = |or: &str| {
            let due = format!("time_limit_days {or} due_date");
            let groups = [missing.join(", "), if no_due { due } else { String::new() }];
            let groups: Vec<&String> = groups.iter().filter(|g| !g.is_empty()).collect();
            groups
                .iter()
                .map(|g| g.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        return Err(file_error(
            Code::ColumnMissing,
            format!("Thiếu cột bắt buộc: {}", list("hoặc")),
            format!("missing required column: {}", list("or")),
        ));
    }
    tally.note_unknown_columns(unknown);
    Ok(Layout {
        at,
        width: names.len(),
    })
}

/// A fault in a cell: its column named in the message.
fn in_column(c: Col, (code, vi, en): Fault) -> Fault {
    let name = COLUMNS[c as usize];
    (code, format!("Cột {name}: {vi}"), format!("{name}: {en}"))
}

fn required<'r>(l: &Layout, rec: &'r [&'r str], c: Col) -> Result<&'r str, Fault> {
    match l.cell(rec, c) {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err((
            Code::ValueMissing,
            format!("Cột {} không được để trống", COLUMNS[c as usize]),
            format!("{} must not be empty", COLUMNS[c as usize]),
        )),
    }
}

/// The non-empty value of an optional column, parsed.
fn optional<'r, T>(
    l: &Layout,
    rec: &'r [&'r str],
    c: Col,
    parse: impl Fn(&str) -> Result<T, Fault>,
) -> Result<Option<T>, Fault> {
    match l.cell(rec, c) {
        Some(v) if !v.is_empty() => parse(v).map(Some).map_err(|f| in_column(c, f)),
        _ => Ok(None),
    }
}

fn row(l: &Layout, rec: &[&str]) -> Result<Row, Fault> {
    let channel: Channel = required(l, rec, Col::Channel)?
        .parse()
        .map_err(|f| in_column(Col::Channel, f))?;
    let received =
        At::parse(required(l, rec, Col::ReceivedAt)?).map_err(|f| in_column(Col::ReceivedAt, f))?;
    let limit = optional(l, rec, Col::TimeLimit, TimeLimit::from_text)?;
    let due = optional(l, rec, Col::DueDate, Day::parse)?;
    let original = optional(l, rec, Col::OriginalDueDate, Day::parse)?;
    let restart = optional(l, rec, Col::RestartedAt, At::parse)?;
    let resolved = optional(l, rec, Col::ResolvedAt, DayOrAt::parse)?;
    let grade = optional(l, rec, Col::AgencyGrade, |s| s.parse::<Timeliness>())?;
    let contacts = optional(l, rec, Col::Contacts, count_from_text)?;
    let agencies = optional(l, rec, Col::Agencies, |s| s.parse::<AgenciesContacted>())?;
    // dossiers.md §6: an empty complaint cell is "none"; an absent column is unknown.
    let complaint = match l.cell(rec, Col::Complaint) {
        None => None,
        Some("") => Some(Complaint::None),
        Some(v) => Some(
            v.parse::<Complaint>()
                .map_err(|f| in_column(Col::Complaint, f))?,
        ),
    };
    Ok(Row {
        channel: Row::channel_code(channel),
        received_day: received.0.day,
        received_second: received.0.second as i32,
        limit_halves: limit.map_or(-1, |l| l.halves() as i32),
        due_day: due.map_or(NONE, |d| d.0.to_days()),
        original_due_day: original.map_or(NONE, |d| d.0.to_days()),
        restart_day: restart.map_or(NONE, |r| r.0.day),
        restart_second: restart.map_or(-1, |r| r.0.second as i32),
        resolved_day: resolved.map_or(NONE, |r| r.day),
        resolved_second: resolved.and_then(|r| r.second).map_or(-1, |s| s as i32),
        agency_grade: Row::timeliness_code(grade),
        contacts: contacts.map_or(-1, |c| c.min(i32::MAX as u64) as i32),
        agencies: Row::agencies_code(agencies),
        complaint: Row::complaint_code(complaint),
    })
}

/// Whether a record is a blank line (nothing, or spaces), which is skipped, before the
/// header too. A row of empty cells (",,,") is not blank: it is rejected for its field
/// count or its missing values (dossiers.md §7).
fn blank<S: AsRef<str>>(cells: &[S]) -> bool {
    matches!(cells, [one] if one.as_ref().trim().is_empty())
}

/// The id cell of a record, trimmed, when it is there, UTF-8 and not empty.
fn id_cell<'r>(l: &Layout, rec: &Fields<'r>) -> Option<&'r str> {
    l.at[Col::Id as usize]
        .and_then(|i| rec.iter().nth(i))
        .and_then(|f| std::str::from_utf8(f).ok())
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// One record: count it, or reject it.
fn record(tally: &mut Tally, l: &Layout, line: u64, rec: &Fields<'_>) {
    // The record is checked once; a field is UTF-8 when the whole is and the field starts
    // and ends on a character's boundary (`str::get`). Its cells go on the stack when they
    // are few (a heap allocation a row was a tenth of the CLI's time).
    let (mut stack, mut heap) = ([""; 32], Vec::new());
    let cells: &mut [&str] = match rec.ends.len() {
        n if n <= stack.len() => &mut stack[..n],
        n => {
            heap.resize(n, "");
            &mut heap
        }
    };
    let text = std::str::from_utf8(rec.out).ok();
    let utf8 = text.is_some_and(|text| {
        let mut from = 0;
        rec.ends.iter().zip(cells.iter_mut()).all(|(&end, cell)| {
            let field = text.get(std::mem::replace(&mut from, end)..end);
            *cell = field.map_or("", str::trim);
            field.is_some()
        })
    });
    if !utf8 {
        let fault = (
            Code::NotUtf8,
            "Dòng có ký tự không phải UTF-8 (hãy lưu tệp dạng CSV UTF-8)".into(),
            "the row is not UTF-8 (save the file as CSV UTF-8)".into(),
        );
        // Its id, when that cell is UTF-8: named, and in the check for repeated ids.
        let id = id_cell(l, rec);
        if let Some(id) = id {
            tally.note_id(id);
        }
        tally.reject(line, id, fault);
        return;
    }
    let cells: &[&str] = cells;
    if blank(cells) {
        return;
    }
    let id = l.cell(cells, Col::Id).filter(|s| !s.is_empty());
    // Every row whose id can be read takes part in the check for repeated ids, rejected or
    // not, as in the record API; a row with an unbalanced quote does not (its cells are
    // not to be trusted).
    if let Some(id) = id {
        tally.note_id(id);
    }
    if cells.len() != l.width {
        let fault = (
            Code::FieldCount,
            format!("Dòng có {} ô, tiêu đề có {}", cells.len(), l.width),
            format!("the row has {} fields, the header {}", cells.len(), l.width),
        );
        tally.reject(line, id, fault);
        return;
    }
    let unit = match required(l, cells, Col::Unit) {
        Ok(u) => u,
        Err(f) => return tally.reject(line, id, f),
    };
    match row(l, cells) {
        Ok(r) => {
            let u = tally.unit(unit);
            let o = match l.cell(cells, Col::Official) {
                Some(name) if !name.is_empty() => tally.official(u, name),
                _ => NO_OFFICIAL,
            };
            tally.add(line, id, u, o, &r);
        }
        Err(f) => tally.reject(line, id, f),
    }
}

/// Reads a CSV of dossiers from `input` into `tally`, calling `progress(rows)` every
/// 100,000 rows.
///
/// # Errors
/// For the file as a whole: a missing required or duplicated column (`COLUMN_MISSING`,
/// `COLUMN_DUPLICATE`), an empty file (`COLUMN_MISSING`), a header that is not UTF-8
/// (`NOT_UTF8`), or a read error (`INVALID_VALUE`). Bad rows are rejected in the tally, not
/// here.
pub fn read_csv<R: Read>(
    tally: &mut Tally,
    input: R,
    progress: &mut dyn FnMut(u64),
) -> Result<(), Problem> {
    let io = |e: std::io::Error| {
        file_error(
            Code::InvalidValue,
            format!("Không đọc được tệp CSV: {e}"),
            format!("cannot read the CSV: {e}"),
        )
    };
    let mut recs = Records::new(input);
    // The header is the first line that is not blank (dossiers.md §7: blank lines are
    // skipped, before the header too), and must be UTF-8: a column name read lossily would
    // be a missing column, or an unknown one that is not in the file.
    let names = loop {
        let Some((line, nout, nend)) = recs.next().map_err(io)? else {
            return Err(file_error(
                Code::ColumnMissing,
                "Tệp CSV trống (không có dòng tiêu đề)".into(),
                "the CSV file is empty (no header row)".into(),
            ));
        };
        let names: Result<Vec<String>, _> = recs
            .fields(nout, nend)
            .iter()
            .map(|f| std::str::from_utf8(f).map(str::to_string))
            .collect();
        let Ok(names) = names else {
            return Err(file_error(
                Code::NotUtf8,
                format!("Dòng tiêu đề (dòng {line}) có ký tự không phải UTF-8 (hãy lưu tệp dạng CSV UTF-8)"),
                format!("the header (row {line}) is not UTF-8 (save the file as CSV UTF-8)"),
            ));
        };
        if !blank(&names) {
            break names;
        }
    };
    let layout = header(&names, tally)?;
    // Each record waits for the next, so that the last one can be refused when the file
    // ends inside a quoted cell.
    let mut pending: Option<(u64, Vec<u8>, Vec<usize>)> = None;
    let mut rows = 0u64;
    loop {
        let next = recs.next().map_err(io)?;
        if let Some((line, out, ends)) = pending.take() {
            let fields = Fields {
                out: &out,
                ends: &ends,
            };
            if next.is_none() && recs.lines.quoting == Quoting::Quoted {
                let fault = (
                    Code::CsvMalformed,
                    "Dấu ngoặc kép không được đóng (từ dòng này đến hết tệp)".into(),
                    "an unbalanced quote (from this row to the end of the file)".into(),
                );
                // Its id cell may run to the end of the file: its first line names it.
                let id = id_cell(&layout, &fields).and_then(|id| id.split(['\r', '\n']).next());
                tally.reject(line, id, fault);
            } else {
                record(tally, &layout, line, &fields);
            }
            rows += 1;
            if rows % 100_000 == 0 {
                progress(rows);
            }
            // Reuse the buffers of the record just handled.
            pending = next.map(|(l, o, e)| {
                let (mut out, mut ends) = (out, ends);
                out.clear();
                out.extend_from_slice(&recs.out[..o]);
                ends.clear();
                ends.extend_from_slice(&recs.ends[..e]);
                (l, out, ends)
            });
        } else {
            pending = next.map(|(l, o, e)| (l, recs.out[..o].to_vec(), recs.ends[..e].to_vec()));
        }
        if pending.is_none() {
            break;
        }
    }
    progress(rows);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;
    use crate::classify::Policy;
    use crate::tally::{TallyCode, UnitFacts};
    use std::sync::Arc;

    fn tally(csv: &str) -> Result<Tally, Problem> {
        tally_of(csv.as_bytes())
    }

    fn tally_of(bytes: &[u8]) -> Result<Tally, Problem> {
        let mut t = Tally::new(
            "2021-Q2".parse().unwrap(),
            Policy::default(),
            Arc::new(Calendar::vietnam().clone()),
        )?;
        read_csv(&mut t, bytes, &mut |_| {})?;
        Ok(t)
    }

    const HEAD: &str =
        "id,unit,channel,received_at,time_limit_days,resolved_at,contacts,complaint\n";

    #[test]
    fn reads_rows_and_rejects_bad_ones() {
        let csv = format!(
            "\u{feff}{HEAD}A1,Xã A,Online,2021-06-07 09:00,1,2021-06-07 16:00,0,\r\n\
             A2,Xã A,direct,2021-06-07T09:00,1.5,2021-06-09,1,upheld\n\
             \n\
             A3,Xã A,fax,2021-06-07T09:00,1,,,\n\
             A4,Xã A,direct,2021-06-07T09:00Z,1,,,\n\
             A5,Xã A,direct,2021-06-07T09:00,1.25,,,\n\
             A6,Xã A,direct,2021-06-07T09:00,1\n\
             A7,,direct,2021-06-07T09:00,1,,,\n\
             A8,\"Xã A\",post,2021-06-07T09:00,,,,\n"
        );
        let t = tally(&csv).unwrap();
        let s = t.summary(&UnitFacts::default());
        let rejected: Vec<(u64, &str)> = s
            .rejected_rows
            .iter()
            .map(|r| (r.row, r.code.as_str()))
            .collect();
        assert_eq!(
            rejected,
            [
                (5, "VALUE_UNKNOWN"),
                (6, "TIME_ZONE_NOT_VIETNAM"),
                (7, "TIME_LIMIT_INVALID"),
                (8, "FIELD_COUNT"),
                (9, "VALUE_MISSING"),
                (10, "DUE_DATE_MISSING"),
            ]
        );
        assert_eq!(s.rejected_rows[0].id.as_deref(), Some("A3"));
        assert!(
            s.rejected_rows[0].message.en.starts_with("channel: "),
            "{}",
            s.rejected_rows[0].message.en
        );
        assert_eq!((s.rows, s.counted), (8, 2));
        let r = &t.reports(&UnitFacts::default()).unwrap()[0];
        // Row 2: the empty complaint cell is "none": attitude 2 (early).
        assert_eq!(r.per_dossier.attitude.two.get(), 1);
        assert_eq!(r.per_dossier.attitude.zero.get(), 1);
    }

    #[test]
    fn file_errors_and_notes() {
        assert_eq!(
            tally("unit,channel,received_at\n").unwrap_err().code,
            Code::ColumnMissing
        );
        assert_eq!(
            tally("unit,unit,channel,received_at,due_date\n")
                .unwrap_err()
                .code,
            Code::ColumnDuplicate
        );
        assert_eq!(tally("").unwrap_err().code, Code::ColumnMissing);
        let t = tally(
            "unit,channel,received_at,due_date,note\nXã A,direct,2021-06-07T09:00,2021-06-08,x\n",
        )
        .unwrap();
        let s = t.summary(&UnitFacts::default());
        assert_eq!(s.notes[0].code, TallyCode::UnknownColumn);
        assert_eq!(s.notes[0].names, ["note"]);
    }

    /// A reader that hands over a few bytes at a time: every record and field crosses a
    /// buffer boundary somewhere.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1 = self.1 % 13 + 1;
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn records_across_reads_and_buffers() {
        let mut csv = String::from(HEAD);
        for i in 0..2000 {
            csv.push_str(&format!(
                "A{i},\"Xã {}\",direct,2021-06-07T09:00,1,2021-06-0{},{},\r\n",
                i % 3,
                7 + i % 3,
                i % 2
            ));
        }
        let whole = tally(&csv).unwrap();
        let mut t = Tally::new(
            "2021-Q2".parse().unwrap(),
            Policy::default(),
            Arc::new(Calendar::vietnam().clone()),
        )
        .unwrap();
        read_csv(&mut t, Trickle(csv.as_bytes(), 0), &mut |_| {}).unwrap();
        let f = UnitFacts::default();
        assert_eq!(t.outcome(&f).unwrap(), whole.outcome(&f).unwrap());
        let s = whole.summary(&f);
        assert_eq!((s.rows, s.counted, s.rejected), (2000, 2000, 0));
        assert_eq!(whole.reports(&f).unwrap().len(), 3);
    }

    #[test]
    fn malformed_csv() {
        let t = tally(&format!("{HEAD}A1,Xã A,direct,2021-06-07T09:00,1,,,\nA2,\"Xã A,direct,2021-06-07T09:00,1,,,\nA3,Xã A,direct,2021-06-07T09:00,1,,,\n")).unwrap();
        let s = t.summary(&UnitFacts::default());
        assert_eq!(s.rejected_rows[0].code, Code::CsvMalformed);
        assert_eq!(s.rejected_rows[0].row, 3);
        let not_utf8 = |row: &[u8]| {
            let t = tally_of(&[HEAD.as_bytes(), row].concat()).unwrap();
            let s = t.summary(&UnitFacts::default());
            (s.rejected_rows[0].row, s.rejected_rows[0].code)
        };
        assert_eq!(
            not_utf8(b"A1,X\xe3 A,direct,2021-06-07T09:00,1,,,\n"),
            (2, Code::NotUtf8)
        );
        // Two cells that are UTF-8 only together ("á" cut by the comma) are not.
        assert_eq!(
            not_utf8(b"A1,X\xc3,\xa1,direct,2021-06-07T09:00,1,,\n"),
            (2, Code::NotUtf8)
        );
    }

    /// What an independent check of §7 found: a blank line before the header, a header
    /// that is not UTF-8, the id of a row that is not, rows of a wrong width in the check
    /// for repeated ids, and ids that run on (an unbalanced quote) or hold line breaks.
    #[test]
    fn header_ids_and_repeats() {
        let t = tally(&format!(" \n{HEAD}A1,Xã A,direct,2021-06-07T09:00,1,,,\n")).unwrap();
        let s = t.summary(&UnitFacts::default());
        assert_eq!((s.rows, s.counted), (1, 1));
        let e = tally_of(b"id,unit,channel,received_at,due_date,n\xffote\n").unwrap_err();
        assert_eq!((e.code, e.path.as_str()), (Code::NotUtf8, "csv"));
        assert!(e.message.en.contains("(row 1)"), "{}", e.message.en);
        let rows = [
            HEAD.as_bytes(),
            b"A1,X\xff,direct,2021-06-07T09:00,1,,,\n",
            b"A1,Xa,direct\n",
            b"\"A\nB\",Xa,direct\n",
            b"A1,Xa,direct,2021-06-07T09:00,1,,,\n",
            b"\"Z9\nrejected[FAKE] row 99,Xa,direct,2021-06-07T09:00,1,,,\n",
        ]
        .concat();
        let s = tally_of(&rows).unwrap().summary(&UnitFacts::default());
        let listed: Vec<(u64, Code, Option<&str>)> = s
            .rejected_rows
            .iter()
            .map(|r| (r.row, r.code, r.id.as_deref()))
            .collect();
        assert_eq!(
            listed,
            [
                (2, Code::NotUtf8, Some("A1")),
                (3, Code::FieldCount, Some("A1")),
                (4, Code::FieldCount, Some("A\nB")),
                (6, Code::CsvMalformed, Some("Z9")),
            ]
        );
        // Rows 2, 3 and 5 share A1: two repeats.
        let repeats = s.notes.iter().find(|n| n.code == TallyCode::DuplicateId);
        assert_eq!(repeats.map(|n| n.count), Some(2));
        // Lines that end with a CR alone: the id is still the cell's first line.
        let cr = b"id,unit,channel,received_at,time_limit_days\r\"Z9\rB2,Xa,direct\r";
        let s = tally_of(cr).unwrap().summary(&UnitFacts::default());
        assert_eq!(s.rejected_rows[0].id.as_deref(), Some("Z9"));
        // As a line of text shows ids: escaped, a backslash too; a long id is cut.
        assert_eq!(
            crate::tally::shown_id("A\nB\\n\u{202e}"),
            "A\\nB\\\\n\\u{202e}"
        );
        let long = format!("{HEAD}{},Xa,direct\n", "x".repeat(150));
        let s = tally(&long).unwrap().summary(&UnitFacts::default());
        let id = s.rejected_rows[0].id.as_deref().unwrap();
        assert_eq!((id.chars().count(), id.ends_with("x…")), (101, true));
    }

    /// More cells than the reader keeps on the stack (32): the same reading.
    #[test]
    fn many_columns() {
        let extra: String = (0..30).map(|i| format!(",extra{i}")).collect();
        let cells: String = (0..30).map(|i| format!(",{i}")).collect();
        let csv = format!(
            "{}{extra}\nA1,Xã A,direct,2021-06-07T09:00,1,2021-06-08,0,{cells}\nA2,Xã A,direct{cells}\n",
            HEAD.trim_end()
        );
        let s = tally(&csv).unwrap().summary(&UnitFacts::default());
        assert_eq!((s.rows, s.counted, s.rejected), (2, 1, 1));
        assert_eq!(s.rejected_rows[0].code, Code::FieldCount);
    }
}
