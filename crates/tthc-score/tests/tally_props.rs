//! Laws of the dossier tally, over generated dossiers.

use proptest::prelude::*;
use tthc_score::calendar::{Calendar, CalendarDate};
use tthc_score::classify::{classify, Policy};
use tthc_score::input::Dossier;
use tthc_score::tally::{row_of, OwnedColumns, Tally, TallyCode, UnitFacts};
use tthc_score::testing::dossiers::generate;

const UNITS: [&str; 3] = ["UBND xã A", "UBND xã B", "UBND xã C"];

fn q2() -> (CalendarDate, CalendarDate) {
    (
        CalendarDate::new(2021, 4, 1).unwrap(),
        CalendarDate::new(2021, 6, 30).unwrap(),
    )
}

fn tally() -> Tally {
    Tally::vietnam("2021-Q2".parse().unwrap()).unwrap()
}

fn dossiers(n: usize, seed: u64) -> Vec<Dossier> {
    let (s, e) = q2();
    generate(n, seed, &UNITS, s, e)
}

/// The tally of `ds` by columns in one call equals their tally record by record (but for
/// ids, which columns lack).
fn columns_equal_records(ds: &[Dossier]) {
    let mut by_records = tally();
    let mut cols = OwnedColumns::default();
    for (i, d) in ds.iter().enumerate() {
        by_records.add_record(i as u64 + 1, d);
        let r = row_of(d, by_records.calendar(), by_records.policy()).unwrap();
        cols.push(&d.unit, d.official.as_deref(), &r);
    }
    let mut by_columns = tally();
    by_columns.add_columns(1, &cols.as_columns()).unwrap();
    let f = UnitFacts::default();
    let (mut a, b) = (
        by_records.outcome(&f).unwrap(),
        by_columns.outcome(&f).unwrap(),
    );
    // Ids travel only with records; drop what depends on them.
    a.summary.notes.retain(|n| n.code != TallyCode::DuplicateId);
    let strip =
        |n: &mut tthc_score::tally::TallyNote| n.message = tthc_score::Localized::fixed("", "");
    let (mut an, mut bn) = (a.summary.notes.clone(), b.summary.notes.clone());
    an.iter_mut().for_each(strip);
    bn.iter_mut().for_each(strip);
    assert_eq!(a.reports, b.reports);
    assert_eq!(an, bn);
    assert_eq!(a.summary.counted, b.summary.counted);
    assert_eq!(a.summary.outside_period, b.summary.outside_period);
    assert_eq!(a.summary.rejected, b.summary.rejected);
}

/// From 65,536 dossiers in one call the columns are counted in histograms (the first 512
/// (unit, official) groups; the others directly): the same tally as record by record, with
/// few groups and with more groups than histograms.
#[test]
fn large_batches_counted_in_histograms_equal_records() {
    let (s, e) = q2();
    columns_equal_records(&generate(70_000, 7, &UNITS, s, e));
    let names: Vec<String> = (0..150).map(|i| format!("UBND xã {i:03}")).collect();
    let units: Vec<&str> = names.iter().map(String::as_str).collect();
    // 150 units × 7 officials (or none): about 1,050 groups.
    let ds = generate(70_000, 8, &units, s, e);
    let groups: std::collections::HashSet<_> = ds.iter().map(|d| (&d.unit, &d.official)).collect();
    assert!(groups.len() > 600, "{}", groups.len());
    columns_equal_records(&ds);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Tallies of any split of the records, merged in any order, equal the tally of all.
    #[test]
    fn merging_parts_equals_the_whole(seed in any::<u64>(), n in 0usize..300, parts in 1usize..5, order in any::<u64>()) {
        let ds = dossiers(n, seed);
        let mut whole = tally();
        let mut split: Vec<Tally> = (0..parts).map(|_| tally()).collect();
        for (i, d) in ds.iter().enumerate() {
            whole.add_record(i as u64 + 2, d);
            let k = (seed.wrapping_mul(i as u64 + 1) >> 7) as usize % parts;
            split[k].add_record(i as u64 + 2, d);
        }
        // Merge in an order taken from `order`.
        let mut idx: Vec<usize> = (0..parts).collect();
        idx.rotate_left(order as usize % parts);
        if order % 2 == 1 { idx.reverse(); }
        let mut merged = tally();
        for i in idx { merged.merge(&split[i]).unwrap(); }
        let f = UnitFacts::default();
        prop_assert_eq!(merged.outcome(&f).unwrap(), whole.outcome(&f).unwrap());
    }

    /// The columnar API gives the record API's tally (but for ids, which columns lack).
    #[test]
    fn records_api_equals_columnar_api(seed in any::<u64>(), n in 0usize..300) {
        columns_equal_records(&dossiers(n, seed));
    }

    /// Resolving a dossier a day earlier never lowers any of its grades.
    #[test]
    fn a_day_earlier_never_lowers_a_grade(seed in any::<u64>(), n in 1usize..200) {
        let cal = Calendar::vietnam();
        let (s, e) = q2();
        let (s, e) = (s.to_days(), e.to_days());
        let p = Policy::default();
        for d in dossiers(n, seed) {
            let Ok(r) = row_of(&d, cal, &p) else { continue };
            let Ok(Some(before)) = classify(&r, cal, s, e, &p) else { continue };
            let Some(g0) = before.resolved else { continue };
            let mut earlier = r;
            earlier.resolved_day -= 1;
            let Ok(Some(after)) = classify(&earlier, cal, s, e, &p) else { continue };
            let Some(g1) = after.resolved else { continue };
            for (a, b) in g0.iter().zip(&g1) {
                prop_assert!(b >= a, "{:?} -> {:?}", g0, g1);
            }
        }
    }
}
