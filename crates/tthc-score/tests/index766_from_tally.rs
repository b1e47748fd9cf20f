//! The 766 index from dossier records: 2.1 and 3.3 counted by hand from a small set of
//! records tallied with the public API, merged with the other indicators and scored.

use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use tthc_score::calendar::CalendarDate;
use tthc_score::index766::{
    dossier_indicators, find_index, index_input_from_report, merge_dossier_indicators, score_index,
    IndexInput, IndexOptions, IndicatorCounts,
};
use tthc_score::input::{Count, Report};
use tthc_score::tally::{Tally, UnitFacts};
use tthc_score::testing::dossiers::generate;
use tthc_score::{add_records_json, parse_json};

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The tally of `records` (a JSON array) over 2026-Q3 (1 July – 30 September).
fn tally_of(records: &str) -> Tally {
    let mut t = Tally::vietnam("2026-Q3".parse().unwrap()).unwrap();
    add_records_json(&mut t, records, 2).unwrap();
    assert_eq!(t.summary(&UnitFacts::default()).rejected, 0);
    t
}

/// The reports of `records` tallied over 2026-Q3.
fn tally_q3(records: &str) -> Vec<Report> {
    tally_of(records).reports(&UnitFacts::default()).unwrap()
}

/// Seven dossiers of one commune (2026: 6 July and 3 August are Mondays).
const RECORDS: &str = r#"[
  {"id": "1", "unit": "UBND xã A", "channel": "online", "receivedAt": "2026-07-06T09:00",
   "dueDate": "2026-07-15", "resolvedAt": "2026-07-10"},
  {"id": "2", "unit": "UBND xã A", "channel": "direct", "receivedAt": "2026-07-06T09:00",
   "dueDate": "2026-07-15", "resolvedAt": "2026-07-15"},
  {"id": "3", "unit": "UBND xã A", "channel": "post", "receivedAt": "2026-07-06T09:00",
   "dueDate": "2026-07-15", "resolvedAt": "2026-07-20"},
  {"id": "4", "unit": "UBND xã A", "channel": "online", "receivedAt": "2026-09-21T09:00",
   "dueDate": "2026-10-15"},
  {"id": "5", "unit": "UBND xã A", "channel": "direct", "receivedAt": "2026-08-03T09:00",
   "dueDate": "2026-08-10"},
  {"id": "6", "unit": "UBND xã A", "channel": "direct", "receivedAt": "2026-06-10T09:00",
   "dueDate": "2026-07-15", "resolvedAt": "2026-07-03"},
  {"id": "7", "unit": "UBND xã A", "channel": "online", "receivedAt": "2026-05-04T09:00",
   "dueDate": "2026-05-20", "resolvedAt": "2026-05-20"}
]"#;

/// The other indicators of the example input (everything but 2.1 and 3.3).
fn others() -> BTreeMap<String, IndicatorCounts> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/index-766-example.json"
    ))
    .unwrap();
    let mut input: IndexInput = parse_json(&text).unwrap();
    input.indicators.remove("2.1");
    input.indicators.remove("3.3");
    input.indicators
}

fn c(n: u64) -> Count {
    Count::new(n).unwrap()
}

/// 1 early online, 2 on time direct, 3 late by post, 4 pending online within the deadline,
/// 5 pending direct overdue, 6 carried over and resolved early, 7 outside the period.
#[test]
fn counts_by_hand() {
    let reports = tally_q3(RECORDS);
    assert_eq!(reports.len(), 1);
    let x = dossier_indicators(&reports[0].dossiers, 0).unwrap();
    // 2.1: early (1, 6) + on time (2) + pending within the deadline (4) = 4, over
    // resolved (1, 2, 3, 6) + pending (4, 5) = 6. The carried-over 6 was processed.
    assert_eq!((x.on_time.numerator, x.on_time.denominator), (c(4), c(6)));
    // 3.3: online (1, 4) = 2 over received in the period (1–5; post is not online) = 5.
    // The carried-over 6 was not received in the period.
    assert_eq!((x.online.numerator, x.online.denominator), (c(2), c(5)));
}

#[test]
fn scored_end_to_end() {
    let reports = tally_q3(RECORDS);
    let input = index_input_from_report(&reports[0], 0, others()).unwrap();
    assert_eq!(input.period, "2026-Q3".parse().unwrap());
    assert_eq!(input.unit.name, "UBND xã A");
    let r = score_index(
        &input,
        find_index("vn-766").unwrap(),
        &IndexOptions::default(),
    )
    .unwrap();
    let points = |id: &str| r.indicators.iter().find(|i| i.id == id).unwrap().points;
    // 2.1, linear: 20 × 4 ÷ 6 = 13.333… → 13.33.
    assert_eq!(points("2.1"), Some(d("13.33")));
    // 3.3, saturating at 50 %: 40 % → 6 × 40 ÷ 50 = 4.80.
    assert_eq!(points("3.3"), Some(d("4.80")));
}

/// A dossier pending at the end and due on the period's last day: overdue in the tally's
/// report (dossiers.md §4), within the deadline for 2.1 (index-766.md 2.1: the period's
/// end is not after its appointment). One due the day before is overdue for both.
#[test]
fn pending_due_on_the_last_day() {
    let t = tally_of(
        r#"[{"unit": "UBND xã B", "channel": "online", "receivedAt": "2026-09-25T09:00",
             "dueDate": "2026-09-30"},
            {"unit": "UBND xã B", "channel": "direct", "receivedAt": "2026-09-25T09:00",
             "dueDate": "2026-10-01"},
            {"unit": "UBND xã B", "channel": "direct", "receivedAt": "2026-09-24T09:00",
             "dueDate": "2026-09-29"}]"#,
    );
    let reports = t.reports(&UnitFacts::default()).unwrap();
    let p = &reports[0].dossiers.pending;
    assert_eq!((p.within_deadline, p.overdue), (c(1), c(2)));
    let last_day = t.pending_due_on_last_day("UBND xã B");
    assert_eq!((last_day, t.pending_due_on_last_day("UBND xã C")), (1, 0));
    let x = dossier_indicators(&reports[0].dossiers, last_day).unwrap();
    assert_eq!((x.on_time.numerator, x.on_time.denominator), (c(2), c(3)));
    assert_eq!((x.online.numerator, x.online.denominator), (c(1), c(3)));
    // Scored: 20 × 2 ÷ 3 = 13.33 points, where counting it overdue would give 6.67.
    let input = index_input_from_report(&reports[0], last_day, others()).unwrap();
    let r = score_index(
        &input,
        find_index("vn-766").unwrap(),
        &IndexOptions::default(),
    )
    .unwrap();
    let points = r.indicators.iter().find(|i| i.id == "2.1").unwrap().points;
    assert_eq!(points, Some(d("13.33")));
}

#[test]
fn the_callers_figures_are_never_overwritten() {
    let reports = tally_q3(RECORDS);
    let mut given = others();
    given.insert(
        "3.3".into(),
        IndicatorCounts {
            numerator: Some(c(1)),
            denominator: Some(c(1)),
            ..IndicatorCounts::default()
        },
    );
    let e = index_input_from_report(&reports[0], 0, given.clone()).unwrap_err();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].code.as_str(), "DUPLICATE_FIELD");
    assert_eq!(e[0].path, "indicators.3.3");

    let mut input = IndexInput {
        period: reports[0].period,
        unit: reports[0].unit.clone(),
        indicators: given,
    };
    let before = input.clone();
    let x = dossier_indicators(&reports[0].dossiers, 0).unwrap();
    assert!(merge_dossier_indicators(&mut input, &x).is_err());
    assert_eq!(input, before, "nothing merged on a clash");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// From generated records, every numerator is at most its denominator.
    #[test]
    fn numerator_within_denominator_from_records(seed in any::<u64>(), n in 0usize..300) {
        let units = ["UBND xã A", "UBND xã B"];
        let (s, e) = (CalendarDate::new(2026, 7, 1).unwrap(), CalendarDate::new(2026, 9, 30).unwrap());
        let mut t = Tally::vietnam("2026-Q3".parse().unwrap()).unwrap();
        for (i, r) in generate(n, seed, &units, s, e).iter().enumerate() {
            t.add_record(i as u64 + 2, r);
        }
        for r in t.reports(&UnitFacts::default()).unwrap() {
            let last_day = t.pending_due_on_last_day(&r.unit.name);
            prop_assert!(last_day <= r.dossiers.pending.overdue.get());
            let x = dossier_indicators(&r.dossiers, last_day).unwrap();
            prop_assert!(x.on_time.numerator <= x.on_time.denominator);
            prop_assert!(x.online.numerator <= x.online.denominator);
        }
    }

    /// From any dossier figures, every numerator is at most its denominator.
    #[test]
    fn numerator_within_denominator_from_counts(v in proptest::collection::vec(0u64..(1 << 50), 9)) {
        let json = format!(
            r#"{{"received": {{"online": {}, "direct": {}, "carriedOver": {}}},
                 "resolved": {{"early": {}, "onTime": {}, "late": {}}},
                 "pending": {{"withinDeadline": {}, "overdue": {}}}}}"#,
            v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
        );
        let dossiers: tthc_score::input::Dossiers = parse_json(&json).unwrap();
        let x = dossier_indicators(&dossiers, v[8]).unwrap();
        prop_assert!(x.on_time.numerator <= x.on_time.denominator);
        prop_assert!(x.online.numerator <= x.online.denominator);
    }
}
