//! The tally: counts, reports, notes, merging.

use super::*;
use crate::input::Dossier;

fn q2() -> Tally {
    Tally::vietnam("2021-Q2".parse().unwrap()).unwrap()
}

fn record(json: &str) -> Dossier {
    serde_json::from_str(json).unwrap()
}

#[test]
fn counts_become_a_report() {
    let mut t = q2();
    let rows = [
        r#"{"id":"1","unit":"Xã A","official":"Lan","channel":"online","receivedAt":"2021-06-07T09:00","timeLimitDays":1,"resolvedAt":"2021-06-07T16:00","contacts":0,"agenciesContacted":"none","complaint":"none"}"#,
        r#"{"id":"2","unit":"Xã A","official":"Lan","channel":"direct","receivedAt":"2021-06-07T09:00","timeLimitDays":1,"resolvedAt":"2021-06-08","contacts":1,"agenciesContacted":"desk","complaint":"none"}"#,
        r#"{"id":"3","unit":" Xã A ","channel":"post","receivedAt":"2021-06-07T09:00","timeLimitDays":1,"resolvedAt":"2021-06-09","contacts":2,"agenciesContacted":"several","complaint":"upheld"}"#,
        r#"{"id":"4","unit":"Xã A","channel":"online","receivedAt":"2021-06-28T09:00","timeLimitDays":1}"#,
        r#"{"id":"5","unit":"Xã A","channel":"direct","receivedAt":"2021-03-31T09:00","timeLimitDays":10,"resolvedAt":"2021-04-02"}"#,
        r#"{"id":"6","unit":"Xã B","channel":"direct","receivedAt":"2021-01-04T09:00","timeLimitDays":1,"resolvedAt":"2021-01-05"}"#,
        r#"{"id":"6","unit":"Xã B","channel":"direct","receivedAt":"2021-06-07T09:00","timeLimitDays":1,"resolvedAt":"2021-06-06"}"#,
    ];
    for (i, j) in rows.iter().enumerate() {
        t.add_record(i as u64 + 2, &record(j));
    }
    let reports = t.reports(&UnitFacts::default()).unwrap();
    assert_eq!(reports.len(), 1, "Xã B has no dossier that counts");
    let a = &reports[0];
    assert_eq!(a.unit.name, "Xã A");
    let d = &a.dossiers;
    assert_eq!(
        (
            d.received.online.get(),
            d.received.direct.get(),
            d.received.carried_over.get()
        ),
        (2, 2, 1)
    );
    assert_eq!(
        (
            d.resolved.early.get(),
            d.resolved.on_time.get(),
            d.resolved.late.get()
        ),
        (2, 1, 1)
    );
    assert_eq!(
        (d.pending.within_deadline.get(), d.pending.overdue.get()),
        (0, 1)
    );
    // Contacts: 0 → 2, 1 → 1, 2 → 0, and dossier 5 has none (unknown).
    let c = a.per_dossier.contacts;
    assert_eq!(
        (c.two.get(), c.one.get(), c.zero.get(), c.unknown.get()),
        (1, 1, 1, 1)
    );
    let online = a.per_unit.online_services.facts.unwrap();
    assert_eq!(
        online.online_unresolved_or_late.unwrap().get(),
        1,
        "the pending online dossier 4 is overdue"
    );
    assert_eq!(a.officials.len(), 1);
    assert_eq!(a.officials[0].total_time.dossiers(), 2);

    let s = t.summary(&UnitFacts::default());
    assert_eq!(
        (s.rows, s.counted, s.outside_period, s.rejected),
        (7, 5, 1, 1)
    );
    assert_eq!(s.rejected_rows[0].row, 8);
    assert_eq!(s.rejected_rows[0].code, Code::ResolvedBeforeReceived);
    assert_eq!(
        s.notes
            .iter()
            .find(|n| n.code == TallyCode::DuplicateId)
            .unwrap()
            .count,
        1
    );
}

#[test]
fn unit_facts_complete_the_report() {
    let mut t = q2();
    t.add_record(2, &record(r#"{"unit":"Xã A","channel":"online","receivedAt":"2021-06-07T09:00","timeLimitDays":1,"resolvedAt":"2021-06-07T16:00","contacts":0,"agenciesContacted":"none","complaint":"none"}"#));
    let facts: UnitFacts = serde_json::from_str(
        r#"{"default":{"level":"commune","perUnit":{"publicity":{"level":2}}},
            "units":{"Xã A":{"organization":"UBND xã A","perUnit":{"oneStop":{"level":2},"feedback":{"facts":{"received":0}},"onlineServices":{"facts":{"deployedPercent":25}}}},
                     "Xã Z":{"level":"commune"}}}"#,
    )
    .unwrap();
    facts.check().unwrap();
    let r = &t.reports(&facts).unwrap()[0];
    assert_eq!(r.unit.level, Some(crate::input::UnitLevel::Commune));
    assert_eq!(r.unit.organization.as_deref(), Some("UBND xã A"));
    assert_eq!(r.per_unit.publicity.level.map(|l| l.points()), Some(2));
    assert_eq!(r.per_unit.one_stop.level.map(|l| l.points()), Some(2));
    let s = t.summary(&facts);
    assert_eq!(s.notes.last().unwrap().names, vec!["Xã Z".to_string()]);
    let bad: UnitFacts = serde_json::from_str(
        r#"{"default":{"perUnit":{"onlineServices":{"facts":{"onlineUnresolvedOrLate":3}}}}}"#,
    )
    .unwrap();
    assert_eq!(bad.check().unwrap_err().code, Code::InvalidValue);
}

#[test]
fn merging_parts_equals_the_whole() {
    let recs: Vec<Dossier> = (0..40)
        .map(|i| {
            record(&format!(
                r#"{{"id":"{}","unit":"Xã {}","official":"O{}","channel":"{}","receivedAt":"2021-0{}-{:02}T{:02}:00","timeLimitDays":{}{}}}"#,
                i % 37,
                i % 3,
                i % 4,
                ["online", "direct", "post"][i % 3],
                3 + i % 4,
                1 + i % 28,
                7 + i % 10,
                i % 5,
                if i % 6 == 0 { String::new() } else { format!(r#","resolvedAt":"2021-06-{:02}","contacts":{}"#, 1 + (i * 7) % 30, i % 3) }
            ))
        })
        .collect();
    let mut whole = q2();
    for (i, r) in recs.iter().enumerate() {
        whole.add_record(i as u64 + 2, r);
    }
    let (mut a, mut b) = (q2(), q2());
    for (i, r) in recs.iter().enumerate() {
        if i % 3 == 1 { &mut a } else { &mut b }.add_record(i as u64 + 2, r);
    }
    let f = UnitFacts::default();
    let mut ab = a.clone();
    ab.merge(&b).unwrap();
    let mut ba = b.clone();
    ba.merge(&a).unwrap();
    for m in [&ab, &ba] {
        assert_eq!(m.reports(&f).unwrap(), whole.reports(&f).unwrap());
        assert_eq!(m.summary(&f), whole.summary(&f));
    }
}

#[test]
fn a_tally_can_be_shared_and_sent_between_threads() {
    // A caller's id store (RunStore: Send + Sync) keeps it so.
    fn both<T: Send + Sync>() {}
    both::<Tally>();
}

/// The block path of the columnar API against the row path, dossier by dossier, on
/// columns with edited values: out of range, out of order, beyond the calendar, unknown
/// codes, absent columns — under several policies and calendars.
#[cfg(feature = "testing")]
mod blocks {
    use super::*;
    use crate::calendar::CalendarBuilder;
    use crate::classify::{Assumptions, Reappointment, NONE};
    use crate::input::{AgenciesContacted, Complaint};
    use crate::profile::LateAttitude;
    use proptest::prelude::*;

    const UNITS: [&str; 3] = ["UBND xã A", "UBND xã B", "UBND xã C"];

    fn policy(k: u8) -> Policy {
        let mut p = Policy::default();
        match k % 5 {
            1 => p.cutoff = crate::calendar::Cutoff::All,
            2 => {
                p.cutoff = crate::calendar::Cutoff::None;
                p.reappointment = Reappointment::New;
            }
            3 => {
                p.assume = Assumptions {
                    contacts: Some(1),
                    agencies: Some(AgenciesContacted::Desk),
                    complaint: Some(Complaint::None),
                }
            }
            4 => p.late_attitude = LateAttitude::One,
            _ => {}
        }
        p
    }

    /// Columns of `n` generated dossiers about `period` with `edits` applied.
    fn columns(
        n: usize,
        seed: u64,
        period: Period,
        edits: &[(usize, u8, u8, i32)],
    ) -> OwnedColumns {
        let (s, e) = period.bounds().unwrap();
        let (s, e) = (s.to_days(), e.to_days());
        let cal = Calendar::vietnam();
        let mut c = OwnedColumns::default();
        // Plausible dossiers around the period (the module of generated records sits above
        // the tally): most go the block path.
        let mut x = seed | 1;
        let mut rand = |m: u32| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % u64::from(m)) as i32
        };
        for _ in 0..n {
            let mut r = Row::empty();
            r.channel = rand(3) as u8;
            r.received_day = s - 20 + rand((e - s + 40) as u32);
            r.received_second = rand(86_400);
            r.limit_halves = [-1, 0, 1, 2, 4, 10, 20, 30, 60][rand(9) as usize];
            let at = crate::calendar::DateTime {
                day: r.received_day,
                second: r.received_second as u32,
            };
            let computed = cal
                .due_day(
                    at,
                    r.limit_halves.max(0) as u32,
                    crate::calendar::Cutoff::SameDay,
                )
                .unwrap_or(r.received_day + 3);
            r.due_day = match rand(100) {
                _ if r.limit_halves < 0 => r.received_day + rand(10),
                0..=29 => computed,
                30 => computed + 1,
                _ => NONE,
            };
            if rand(200) == 0 {
                r.original_due_day = computed;
            }
            if rand(10) > 0 {
                r.resolved_day = (computed - 2 + rand(6)).max(r.received_day + 1);
                r.resolved_second = [-1, 30_000, 60_000][rand(3) as usize];
                if rand(20) == 0 && r.resolved_day > r.received_day + 1 {
                    (r.restart_day, r.restart_second) = (r.received_day + 1, 32_400);
                }
            }
            r.agency_grade = rand(4) as u8;
            r.contacts = rand(5) - 1;
            r.agencies = rand(4) as u8;
            r.complaint = rand(4) as u8;
            let official = ["Lan", "Minh", "Hoa"].get(rand(4) as usize).copied();
            c.push(UNITS[rand(3) as usize], official, &r);
        }
        let rows = c.unit.len();
        for &(i, column, kind, delta) in edits {
            if rows == 0 {
                break;
            }
            let i = i % rows;
            let base = c.received_day[i];
            let (first, last) = cal.covered();
            // Values at the edges of what is valid, or near the dossier's own dates.
            let day = match kind % 8 {
                0 => NONE,
                1 => base.wrapping_add(delta % 4),
                2 => [first - 1, first, last, last + 1][delta.rem_euclid(4) as usize],
                3 => [-719_001, -719_000, 3_000_000, 3_000_001][delta.rem_euclid(4) as usize],
                4 => i32::MAX - delta.rem_euclid(3),
                _ => base.wrapping_add(delta % 30),
            };
            let second = [
                -2,
                -1,
                0,
                1,
                43_199,
                43_200,
                53_999,
                54_000,
                61_199,
                61_200,
                86_399,
                86_400,
                i32::MIN,
            ][(kind as usize + delta.unsigned_abs() as usize) % 13];
            let code = (delta.unsigned_abs() % 6) as u8;
            match column % 16 {
                0 => c.unit[i] = delta.unsigned_abs() % 5,
                1 => {
                    c.official[i] =
                        [NO_OFFICIAL, 0, 5, 6, 7, 100][(delta.unsigned_abs() % 6) as usize]
                }
                2 => c.channel[i] = code,
                3 => c.received_day[i] = day,
                4 => c.received_second[i] = second,
                5 => {
                    c.limit_halves[i] = [
                        -2,
                        -1,
                        0,
                        1,
                        2,
                        3,
                        60,
                        2 * crate::input::MAX_TIME_LIMIT_DAYS as i32,
                        2 * crate::input::MAX_TIME_LIMIT_DAYS as i32 + 1,
                        i32::MAX,
                    ][(delta.unsigned_abs() % 10) as usize]
                }
                6 => c.due_day[i] = day,
                7 => c.original_due_day[i] = day,
                8 => c.restart_day[i] = day,
                9 => c.restart_second[i] = second,
                10 => c.resolved_day[i] = day,
                11 => c.resolved_second[i] = second,
                12 => c.agency_grade[i] = code,
                13 => {
                    c.contacts[i] =
                        [-3, -2, -1, 0, 1, 2, 3, i32::MAX][(delta.unsigned_abs() % 8) as usize]
                }
                14 => c.agencies[i] = code,
                _ => c.complaint[i] = code,
            }
        }
        c
    }

    /// The columns with the optional ones of `absent` (a bit each) left out.
    fn lend(c: &OwnedColumns, absent: u16) -> Columns<'_> {
        fn leave<T>(column: &mut Option<&[T]>, bit: u32, absent: u16) {
            if absent & (1 << bit) != 0 {
                *column = None;
            }
        }
        let mut c = c.as_columns();
        leave(&mut c.official, 0, absent);
        leave(&mut c.limit_halves, 1, absent);
        leave(&mut c.due_day, 2, absent);
        leave(&mut c.original_due_day, 3, absent);
        leave(&mut c.restart_day, 4, absent);
        leave(&mut c.restart_second, 4, absent);
        leave(&mut c.resolved_day, 5, absent);
        leave(&mut c.resolved_second, 5, absent);
        leave(&mut c.agency_grade, 6, absent);
        leave(&mut c.contacts, 7, absent);
        leave(&mut c.agencies, 8, absent);
        leave(&mut c.complaint, 9, absent);
        c
    }

    fn both(c: &Columns<'_>, period: Period, policy: Policy, provisional: bool) -> TallySummary {
        let cal = if provisional {
            CalendarBuilder::new().provisional(2017, 2030).build()
        } else {
            Calendar::vietnam().clone()
        };
        let cal = Arc::new(cal);
        let mut blocks = Tally::new(period, policy, Arc::clone(&cal)).unwrap();
        let mut rows = Tally::new(period, policy, cal).unwrap();
        blocks.add_columns(1, c).unwrap();
        rows.add_columns_row_by_row(1, c);
        let f = UnitFacts::default();
        assert_eq!(blocks.outcome(&f), rows.outcome(&f));
        blocks.summary(&f)
    }

    /// More than a few block lengths of dossiers, and edits of every column.
    #[test]
    fn every_kind_of_edit_in_a_long_call() {
        let edits: Vec<(usize, u8, u8, i32)> = (0..20_000u32)
            .map(|k| {
                (
                    k as usize * 7919,
                    (k % 16) as u8,
                    (k / 16 % 8) as u8,
                    (k.wrapping_mul(2_654_435_761) >> 20) as i32 - 2048,
                )
            })
            .collect();
        for (period, provisional) in [("2021-Q2", false), ("2026-Q4", false), ("2026-Q4", true)] {
            let period: Period = period.parse().unwrap();
            // 70,000 dossiers: past the histograms' threshold.
            let c = columns(70_000, 11, period, &edits);
            for k in 0..5 {
                let s = both(&lend(&c, 0), period, policy(k), provisional);
                // The edits reach both paths: rows rejected, counted and outside the period.
                let seen = (s.rejected, s.counted, s.outside_period);
                assert!(
                    seen.0 > 1_000 && seen.1 > 40_000 && seen.2 > 1_000,
                    "{seen:?}"
                );
            }
            both(
                &lend(&c, 0b11_1111_1111),
                period,
                Policy::default(),
                provisional,
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// The block path and the row path give the same tally, whatever the values.
        #[test]
        fn blocks_equal_rows(
            seed in any::<u64>(),
            n in 0usize..1500,
            edits in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<u8>(), -60i32..60), 0..80),
            absent in any::<u16>(),
            k in any::<u8>(),
            late in any::<bool>(),
            provisional in any::<bool>(),
        ) {
            let period: Period = if late { "2026-Q4" } else { "2021-Q2" }.parse().unwrap();
            let c = columns(n, seed, period, &edits);
            let _ = both(&lend(&c, absent), period, policy(k), provisional);
        }
    }
}
