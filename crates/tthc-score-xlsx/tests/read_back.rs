//! The workbook read back by an independent reader (calamine): sheet names, numbers as
//! numbers, text as text (a name that looks like a formula stays text).

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use std::io::Cursor;
use tthc_score::province::{province_table, RankOptions};
use tthc_score::render::{annex_sheet, province_sheet};
use tthc_score::{parse_report, profile, score, Lang};

const DISTRICT: &str = include_str!("../../../examples/dien-bien-2021-q2-district.json");
const COMMUNE: &str = include_str!("../../../examples/dien-bien-2021-q2-commune.json");

fn find(rows: &[Vec<Data>], text: &str) -> (usize, usize) {
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if matches!(cell, Data::String(s) if s == text) {
                return (r, c);
            }
        }
    }
    panic!("{text} not found");
}

#[test]
fn the_annex_and_the_province_table_read_back() {
    let p = profile::find("dien-bien-2019").unwrap();
    let district = score(&parse_report(DISTRICT).unwrap(), p).unwrap();
    let mut hostile = parse_report(COMMUNE).unwrap();
    hostile.unit.name = "=HYPERLINK(\"http://x\")".into();
    let commune = score(&hostile, p).unwrap();
    let table = province_table(&[district.clone(), commune], p, RankOptions::default()).unwrap();
    let sheets = [
        annex_sheet(&district, p, Lang::Vi).unwrap(),
        province_sheet(&table, p, Some(&district.period), Lang::Vi),
    ];
    let bytes = tthc_score_xlsx::workbook(&sheets).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip file");
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    assert_eq!(book.sheet_names(), ["Biểu mẫu chi tiết", "Bảng tổng hợp"]);

    let annex: Vec<Vec<Data>> = book
        .worksheet_range("Biểu mẫu chi tiết")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    assert_eq!(
        annex[0][0],
        Data::String("ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH".into())
    );
    // The total row: maximum 18 and total 16,74 as numbers.
    let (r, c) = find(&annex, "TỔNG ĐIỂM");
    assert_eq!(annex[r][c + 1], Data::Float(18.0));
    assert_eq!(annex[r][c + 3], Data::Float(16.74));
    // The first indicator: 1.132 resolved dossiers and 1,91.
    assert_eq!(annex[r + 1][c + 2], Data::Float(1132.0));
    assert_eq!(annex[r + 1][c + 3], Data::Float(1.91));
    // Received 1.147 as printed in the header lines.
    let (r, c) = find(&annex, "Tổng số hồ sơ đã tiếp nhận trong kỳ");
    assert_eq!(annex[r][c + 1], Data::String("1.147".into()));

    let ranked: Vec<Vec<Data>> = book
        .worksheet_range("Bảng tổng hợp")
        .unwrap()
        .rows()
        .map(<[Data]>::to_vec)
        .collect();
    let (r, c) = find(&ranked, "UBND cấp huyện");
    assert_eq!(ranked[r][c - 1], Data::Float(1.0)); // rank
    assert_eq!(ranked[r][c + 3], Data::Float(1.91)); // C1
    let (r2, _) = find(&ranked, "=HYPERLINK(\"http://x\")"); // text, not a formula
    assert_eq!(r2, r + 1);
}

/// A name longer than a cell holds is the caller's error (INVALID_VALUE, naming the sheet),
/// not the writer's; at the limit it is written whole.
#[test]
fn a_text_longer_than_a_cell_is_refused() {
    let p = profile::find("dien-bien-2019").unwrap();
    let mut report = parse_report(COMMUNE).unwrap();
    let max = tthc_score_xlsx::MAX_CELL_CHARS;
    // Excel counts UTF-16 units: "ạ" is one, an emoji two.
    for (name, n, refused) in [
        ("ạ".repeat(max), max, false),
        ("ạ".repeat(max + 1), max + 1, true),
        ("😀".repeat(max / 2), max - 1, false),
        ("😀".repeat(max / 2 + 1), max + 1, true),
    ] {
        report.unit.name = name;
        let card = score(&report, p).unwrap();
        let sheets = [annex_sheet(&card, p, Lang::Vi).unwrap()];
        match tthc_score_xlsx::workbook(&sheets) {
            Err(e) => {
                assert!(refused, "{n} characters refused");
                assert_eq!(e.code, tthc_score::Code::InvalidValue);
                assert!(
                    e.message.en.contains("32768 characters"),
                    "{}",
                    e.message.en
                );
                assert!(
                    e.message.vi.contains("Biểu mẫu chi tiết"),
                    "{}",
                    e.message.vi
                );
            }
            Ok(bytes) => assert!(
                !refused && bytes.starts_with(b"PK"),
                "{n} characters written"
            ),
        }
    }
}
