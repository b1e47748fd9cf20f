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
