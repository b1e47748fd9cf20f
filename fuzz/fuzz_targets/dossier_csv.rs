//! Bytes → `dossier_csv::read_csv` into a tally → reports and summary.
//!
//! Input: two selector bytes, then the CSV. Byte 0: the period (bits 0–2) and the size of
//! the reads of a second pass (bits 3–7: 1–32 bytes at a time). Byte 1: the cut-off
//! (bits 0–1), the re-appointment rule (2), late attitude (3), the calendar (4–5: official,
//! a province's swap, provisional, official without the id check), assumed values (6),
//! the example's unit facts (7).
//!
//! Invariants: the same tally whatever the size of the reads; every row read is counted,
//! outside the period or rejected, and the rows read are the file's non-blank records;
//! every dossier counted is received in the period or carried over, and is resolved in the
//! period or pending at its end; rejected rows are numbered within the file; every report
//! reads back from its JSON and scores.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::collections::BTreeSet;
use std::io::Read;
use std::sync::{Arc, LazyLock};
use tthc_score::calendar::{Calendar, CalendarBuilder, CalendarDate, Cutoff};
use tthc_score::classify::{CalendarMode, Policy, Reappointment};
use tthc_score::dossier_csv::read_csv;
use tthc_score::input::{AgenciesContacted, Complaint};
use tthc_score::profile::LateAttitude;
use tthc_score::tally::{Tally, TallyOptions, UnitFacts};
use tthc_score::{parse_json, parse_report, score_report, Code, Options};
use tthc_score_fuzz::{check_card, check_problem};

const PERIODS: [&str; 8] = [
    "2021-Q2", "2021-06", "2021", "2019-Q1", "2026-Q4", "2030-Q1", "2021-Q1", "2024-Q2",
];

static PROVISIONAL: LazyLock<Arc<Calendar>> =
    LazyLock::new(|| Arc::new(CalendarBuilder::new().provisional(2000, 2100).build()));

static FACTS: LazyLock<UnitFacts> = LazyLock::new(|| {
    parse_json(include_str!("../../examples/unit-facts-2021-q2.json")).expect("the example")
});

/// A reader that hands over `n` bytes at a time.
struct Chunks<'a>(&'a [u8], usize);

impl Read for Chunks<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.1.min(buf.len()).min(self.0.len());
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fn tally(options: &TallyOptions, provisional: bool) -> Tally {
    if provisional {
        Tally::new(options.period, options.policy, PROVISIONAL.clone()).expect("a period")
    } else {
        Tally::with_options(options).expect("a period")
    }
}

/// The rows a spreadsheet shows where records begin (a line break inside a quoted cell
/// stays in its row; LF, CRLF and a lone CR each end a row), and whether the text ends
/// inside a quoted cell — by RFC 4180 as csv-core reads it: a quote opens a quoted cell
/// only at the start of a cell (elsewhere it is a character), and inside one a doubled
/// quote is a quote.
fn spreadsheet_rows(csv: &[u8]) -> (BTreeSet<u64>, bool) {
    #[derive(Clone, Copy, PartialEq)]
    enum S {
        CellStart,
        Plain,
        Quoted,
        QuoteInQuoted,
    }
    let csv = csv.strip_prefix(b"\xef\xbb\xbf").unwrap_or(csv);
    let mut starts = BTreeSet::new();
    let (mut row, mut s, mut record_start) = (1u64, S::CellStart, true);
    for (i, &b) in csv.iter().enumerate() {
        let line_break = s != S::Quoted && matches!(b, b'\n' | b'\r');
        if line_break {
            if !(b == b'\n' && i > 0 && csv[i - 1] == b'\r') {
                row += 1;
            }
            record_start = true;
        } else if std::mem::take(&mut record_start) {
            starts.insert(row);
        }
        s = match (s, b) {
            (S::Quoted, b'"') => S::QuoteInQuoted,
            (S::Quoted, _) => S::Quoted,
            (S::QuoteInQuoted, b'"') => S::Quoted,
            (_, b',' | b'\n' | b'\r') => S::CellStart,
            (S::CellStart, b'"') => S::Quoted,
            _ => S::Plain,
        };
    }
    (starts, s == S::Quoted)
}

/// The records after the header (the first record that is not blank): how many are not
/// blank (one cell, empty once trimmed), how many in all, and whether the last one is
/// blank. An independent reading with csv-core, the whole text at once.
fn records(csv: &[u8]) -> (u64, u64, bool) {
    let mut rdr = csv_core::Reader::new();
    let (mut input, mut out, mut ends) =
        (csv, vec![0u8; csv.len() + 1], vec![0usize; csv.len() + 2]);
    let (mut n, mut all) = (0u64, 0u64);
    let mut first = true;
    let mut last_blank = false;
    let (mut read, mut start) = (0, 0);
    loop {
        let (res, nin, _, nend) = rdr.read_record(input, &mut out, &mut ends);
        input = &input[nin..];
        read += nin;
        match res {
            csv_core::ReadRecordResult::Record => {
                // Blank: one cell of nothing but spaces (a row of empty cells is a row; the
                // raw text tells, as csv_core gives a last "," at the end of input as one
                // empty field).
                let raw = &csv[start..read];
                start = read;
                let blank = nend == 1
                    && !raw.contains(&b',')
                    && std::str::from_utf8(&out[..ends[0]]).is_ok_and(|s| s.trim().is_empty());
                // The header is the first record that is not blank.
                if first {
                    first = blank;
                } else {
                    n += u64::from(!blank);
                    all += 1;
                    last_blank = blank;
                }
            }
            csv_core::ReadRecordResult::End => return (n, all, last_blank),
            csv_core::ReadRecordResult::InputEmpty => {}
            r => unreachable!("{r:?} with buffers as large as the input"),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let [s0, s1, csv @ ..] = data else {
        return;
    };
    let mut policy = Policy {
        cutoff: [Cutoff::SameDay, Cutoff::All, Cutoff::None, Cutoff::SameDay][usize::from(s1 & 3)],
        ..Policy::default()
    };
    if s1 & 4 != 0 {
        policy.reappointment = Reappointment::New;
    }
    if s1 & 8 != 0 {
        policy.late_attitude = LateAttitude::One;
    }
    let which_calendar = (s1 >> 4) & 3;
    if which_calendar == 2 {
        policy.calendar = CalendarMode::Provisional;
    }
    if s1 & 64 != 0 {
        policy.assume.contacts = Some(0);
        policy.assume.agencies = Some(AgenciesContacted::None);
        policy.assume.complaint = Some(Complaint::None);
    }
    let mut options = TallyOptions {
        period: PERIODS[usize::from(s0 & 7)].parse().expect("a period"),
        policy,
        calendar: Default::default(),
        check_ids: which_calendar != 3,
    };
    if which_calendar == 1 {
        options.calendar.days_off = vec![CalendarDate::new(2021, 6, 7).unwrap()];
        options.calendar.working_days = vec![CalendarDate::new(2021, 6, 12).unwrap()];
    }
    let facts = if s1 & 128 != 0 {
        FACTS.clone()
    } else {
        UnitFacts::default()
    };

    let provisional = which_calendar == 2;
    let mut whole = tally(&options, provisional);
    let mut read_whole = 0;
    let r1 = read_csv(&mut whole, csv, &mut |n| read_whole = n);
    let mut parts = tally(&options, provisional);
    let mut read_parts = 0;
    let chunk = usize::from(s0 >> 3) + 1;
    let r2 = read_csv(&mut parts, Chunks(csv, chunk), &mut |n| read_parts = n);
    assert_eq!(r1, r2, "reads of {chunk} bytes");
    if let Err(p) = r1 {
        check_problem(&p);
        assert!(
            matches!(
                p.code,
                Code::ColumnMissing | Code::ColumnDuplicate | Code::InvalidValue | Code::NotUtf8
            ),
            "{p:?}"
        );
        return;
    }
    assert_eq!(read_whole, read_parts);
    let outcome = whole.outcome(&facts);
    assert_eq!(outcome, parts.outcome(&facts), "reads of {chunk} bytes");

    let s = whole.summary(&facts);
    assert_eq!(s.counted + s.outside_period + s.rejected, s.rows);
    assert_eq!(
        s.rejected_by_code.iter().map(|c| c.1).sum::<u64>(),
        s.rejected
    );
    // Every non-blank record is a row; so is the last record when the file ends inside
    // its quoted cell (refused as CSV_MALFORMED, and only then).
    let (non_blank, all, last_blank) = records(csv);
    let (starts, ends_quoted) = spreadsheet_rows(csv);
    let unclosed = all > 0 && ends_quoted;
    assert_eq!(
        s.rows,
        non_blank + u64::from(unclosed && last_blank),
        "rows read, of {non_blank} non-blank records"
    );
    let malformed = s
        .rejected_by_code
        .iter()
        .find(|c| c.0 == Code::CsvMalformed);
    assert_eq!(
        malformed.map_or(0, |c| c.1),
        u64::from(unclosed),
        "CSV_MALFORMED when and only when the file ends inside a quoted cell"
    );
    // Rows are numbered as a spreadsheet shows them, the header being row 1.
    let row_of_a_record = |row: u64| row >= 2 && starts.contains(&row);
    assert!(s.rejected_rows.len() as u64 <= s.rejected.min(1000));
    assert!(s.rejected_rows.windows(2).all(|w| w[0].row <= w[1].row));
    for r in &s.rejected_rows {
        assert!(
            row_of_a_record(r.row),
            "rejected row {} (records at {starts:?})",
            r.row
        );
        assert!(!r.message.vi.is_empty() && !r.message.en.is_empty());
    }
    for n in &s.notes {
        for &row in &n.rows {
            assert!(
                row_of_a_record(row),
                "{:?}: row {row} (records at {starts:?})",
                n.code
            );
        }
    }

    let reports = match outcome {
        Ok(o) => o.reports,
        Err(p) => {
            check_problem(&p);
            assert_eq!(p.code, Code::CountTooLarge);
            return;
        }
    };
    assert_eq!(reports.len() as u64, s.units);
    let mut counted = 0u64;
    for r in &reports {
        let d = &r.dossiers;
        let received =
            d.received.online.get() + d.received.direct.get() + d.received.carried_over.get();
        let settled = d.resolved.early.get()
            + d.resolved.on_time.get()
            + d.resolved.late.get()
            + d.pending.within_deadline.get()
            + d.pending.overdue.get();
        assert_eq!(
            received, settled,
            "{}: received ≠ resolved + pending",
            r.unit.name
        );
        counted += received;
        // What the CLI prints reads back as the same report, and scores.
        let json = serde_json::to_string(r).expect("a report serializes");
        assert_eq!(
            &parse_report(&json).expect("a tallied report reads back"),
            r
        );
        let options = Options::default();
        match score_report(r, &options) {
            // (The renderings are score_json's: here they would cost more than the tally.)
            Ok(card) => check_card(&card, &options.resolve().unwrap().0),
            Err(e) => panic!("a tallied report does not score: {:?}", e.0),
        }
    }
    assert_eq!(
        counted, s.counted,
        "counted dossiers are received in the period or carried over"
    );
});
