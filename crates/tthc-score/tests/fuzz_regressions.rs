//! Inputs the fuzz targets (`fuzz/`, `./scripts/fuzz.sh`) found, minimized, each fed
//! through the entry point that failed: a coded error or the right value, never a panic.

use std::io::Read;
use tthc_score::dossier_csv::read_csv;
use tthc_score::tally::{Tally, TallySummary, UnitFacts};
use tthc_score::{Code, Problem};

/// A reader that hands over the bytes in the pieces given, then the rest at once.
struct Pieces<'a> {
    data: &'a [u8],
    sizes: Vec<usize>,
}

impl Read for Pieces<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = if self.sizes.is_empty() {
            self.data.len()
        } else {
            self.sizes.remove(0)
        };
        let n = n.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

fn tally(input: impl Read) -> Result<TallySummary, Problem> {
    let mut t = Tally::vietnam("2021-Q2".parse().unwrap()).unwrap();
    read_csv(&mut t, input, &mut |_| {})?;
    Ok(t.summary(&UnitFacts::default()))
}

fn rejected(s: &TallySummary) -> Vec<(u64, &str)> {
    s.rejected_rows
        .iter()
        .map(|r| (r.row, r.code.as_str()))
        .collect()
}

/// dossier_csv: a row shorter than the header whose `id` column lies beyond its last
/// cell indexed past the row (a panic). It is refused for its field count.
#[test]
fn short_row_before_its_id_column() {
    let s = tally(&b"\0l,id,due_date,channel,received_at,unit\ng"[..]).unwrap();
    assert_eq!(rejected(&s), [(2, "FIELD_COUNT")]);
    assert_eq!(s.rejected_rows[0].id, None);
    // With the id within reach, the refused row still names it.
    let s = tally(&b"unit,id,channel,received_at,due_date\nX\xc3\xa3 A,A1,direct\n"[..]).unwrap();
    assert_eq!(rejected(&s), [(2, "FIELD_COUNT")]);
    assert_eq!(s.rejected_rows[0].id.as_deref(), Some("A1"));
}

const BOM_QUOTED: &[u8] =
    b"\xef\xbb\xbf\"unit\",\"channel\",\"received_at\",\"time_limit_days\"\r\n\
\"X\xc3\xa3 A\",\"direct\",\"2021-06-07T09:00\",\"1\"\r\n";

/// dossier_csv (reads of 1 and 2 bytes): a byte-order mark that the reader handed over in
/// pieces was not skipped, so the quoted first column was read as `"unit"`, quotes and
/// all, and the file refused for a missing column; handed over alone (3 bytes), it left
/// csv-core an empty first input, read as the end: "the CSV file is empty".
#[test]
fn byte_order_mark_in_pieces() {
    let whole = tally(BOM_QUOTED).unwrap();
    assert_eq!((whole.rows, whole.counted), (1, 1));
    for first in [1, 2, 3] {
        let s = tally(Pieces {
            data: BOM_QUOTED,
            sizes: vec![first, 1, 1, 1],
        })
        .unwrap_or_else(|p| panic!("first read of {first} bytes: {p:?}"));
        assert_eq!(s, whole, "first read of {first} bytes");
    }
    // A file of the mark alone is empty.
    assert_eq!(
        tally(&b"\xef\xbb\xbf"[..]).unwrap_err().code,
        Code::ColumnMissing
    );
}

/// dossier_csv: a lone CR ends a record for csv-core (and a row in a spreadsheet), but
/// rows were counted by LF only, so the record after it was numbered as the header's
/// row 1.
#[test]
fn lone_cr_ends_a_row() {
    let s = tally(&b"unit,channel,received_at,due_date\rX,fax,2021-06-07T09:00,2021-06-08\r\rY,fax,2021-06-07T09:00,2021-06-08\r\n"[..]).unwrap();
    assert_eq!(rejected(&s), [(2, "VALUE_UNKNOWN"), (4, "VALUE_UNKNOWN")]);
}

/// dossier_csv (invariant: CSV_MALFORMED exactly when the file ends inside a quoted cell):
/// the check counted the quotes of the whole file, so a quote inside an unquoted cell
/// (a character, as csv-core reads it) refused the valid last row.
#[test]
fn quote_inside_a_cell_is_a_character() {
    let csv = "id,unit,channel,received_at,time_limit_days\n\
               A1,Xã 5\" A,direct,2021-06-07T09:00,1\n\
               A2,Xã A,direct,2021-06-07T09:00,1\n";
    let s = tally(csv.as_bytes()).unwrap();
    assert_eq!((s.rows, s.counted, s.rejected), (2, 2, 0));
    // A file that does end inside a quoted cell still refuses its last row.
    let s = tally(&b"unit,channel,received_at,due_date\n\"X,fax\n"[..]).unwrap();
    assert_eq!(rejected(&s), [(2, "CSV_MALFORMED")]);
}

/// dossier_csv (review of the row numbers): a line break inside a quoted cell stays in its
/// spreadsheet row, so the rows after it are not shifted.
#[test]
fn line_break_inside_a_quoted_cell() {
    let csv = "unit,channel,received_at,due_date,note\n\
               Xã A,direct,2021-06-07T09:00,2021-06-08,\"two\nlines\"\n\
               Xã A,fax,2021-06-07T09:00,2021-06-08,\n";
    let s = tally(csv.as_bytes()).unwrap();
    assert_eq!(rejected(&s), [(3, "VALUE_UNKNOWN")]);
}

/// score_json (invariant: no name changes the structure of a rendering; found by review,
/// the invariant confirmed on the input below): an official's name starts its line in the
/// Markdown summary, so `- …` or `1. …` there opened a list.
#[test]
fn official_name_that_looks_like_a_list_item() {
    let fixture: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/officials.json")).unwrap();
    let mut input = fixture["input"].clone();
    input["officials"][0]["name"] = "- Nguyễn Văn A".into();
    input["officials"][1]["name"] = "1. Trần Thị B".into();
    let report = tthc_score::parse_report(&input.to_string()).unwrap();
    let options = tthc_score::RenderOptions {
        format: Some(tthc_score::Format::Markdown),
        ..Default::default()
    };
    let md = tthc_score::render_report(&report, &options).unwrap();
    let lines: Vec<&str> = md.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("\\- Nguyễn Văn A: ")),
        "{md}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("1\\. Trần Thị B: ")),
        "{md}"
    );
    assert!(
        !lines
            .iter()
            .any(|l| l.starts_with("- ") || l.starts_with("1. ")),
        "{md}"
    );
}

/// A key with brackets inside a count (`"two": {"n[]": 1}`): the path of its problem,
/// `perDossier.contacts.two.n[]`, read as steps, led `check_json`'s mending into a scalar,
/// where it read the same place forever and took memory without bound (score_json, an
/// out-of-memory in the smoke run). Now one problem, at once.
#[test]
fn a_key_with_brackets_inside_a_count() {
    let mut v: serde_json::Value = serde_json::from_str(include_str!(
        "../../../examples/dien-bien-2021-q2-district.json"
    ))
    .unwrap();
    v["perDossier"]["contacts"]["two"] = serde_json::json!({ "n[]": 1 });
    let problems = tthc_score::check_json(&v.to_string());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].code.as_str(), "WRONG_TYPE");
    // A path names keys as they are: `two.n` (of `n[]`) still leads to the count.
    assert!(
        problems[0].path.starts_with("perDossier.contacts.two"),
        "{}",
        problems[0].path
    );
}
