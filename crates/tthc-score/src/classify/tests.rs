//! Hand-worked classifications (dossiers.md §2–4).

use super::*;
use crate::calendar::{parse_date, parse_datetime, Calendar, Cutoff};

fn day(s: &str) -> DayNumber {
    parse_date(s).unwrap().to_days()
}

/// A dossier received at `received` with `limit` days (×2 = half-days), resolved at
/// `resolved` ("" while pending).
fn row(received: &str, limit_halves: i32, resolved: &str) -> Row {
    let at = parse_datetime(received).unwrap();
    let mut r = Row::empty();
    r.channel = Row::DIRECT;
    r.received_day = at.day;
    r.received_second = at.second as i32;
    r.limit_halves = limit_halves;
    r.contacts = 0;
    r.agencies = Row::NONE_CONTACTED;
    r.complaint = Row::NO_COMPLAINT;
    if !resolved.is_empty() {
        let (d, s) = crate::calendar::parse_date_or_datetime(resolved).unwrap();
        r.resolved_day = d;
        r.resolved_second = s.map_or(-1, |s| s as i32);
    }
    r
}

fn q2_2021() -> (DayNumber, DayNumber) {
    (day("2021-04-01"), day("2021-06-30"))
}

fn run(r: &Row, period: (DayNumber, DayNumber), p: &Policy) -> Classified {
    classify(r, Calendar::vietnam(), period.0, period.1, p)
        .unwrap()
        .unwrap()
}

fn grades(r: &Row) -> Points {
    run(r, q2_2021(), &Policy::default()).resolved.unwrap()
}

#[test]
fn early_on_time_late_by_calendar_days() {
    // Monday 07/06/2021 09:00 + 1 day → due Tuesday 08/06.
    assert_eq!(
        grades(&row("2021-06-07T09:00", 2, "2021-06-07T16:00"))[0],
        Some(2)
    );
    assert_eq!(
        grades(&row("2021-06-07T09:00", 2, "2021-06-08")),
        [Some(1), Some(1), Some(2), Some(2), Some(1)]
    );
    assert_eq!(
        grades(&row("2021-06-07T09:00", 2, "2021-06-09T08:00")),
        [Some(0), Some(0), Some(2), Some(2), Some(0)]
    );
    // Resolved on Saturday 05/06 before a Monday due date: early.
    assert_eq!(
        grades(&row("2021-06-03T09:00", 4, "2021-06-05"))[0],
        Some(2)
    );
}

#[test]
fn half_day_procedures() {
    // 0.5 day received in the morning: due the same day; in the afternoon: the next day.
    let morning = row("2021-06-07T09:00", 1, "2021-06-07T16:00");
    assert_eq!(grades(&morning)[0], Some(1));
    let afternoon = row("2021-06-07T13:00", 1, "2021-06-07T16:00");
    assert_eq!(grades(&afternoon)[0], Some(2));
    assert_eq!(
        grades(&row("2021-06-07T13:00", 1, "2021-06-08"))[0],
        Some(1)
    );
}

#[test]
fn the_15_00_cut_off() {
    // A same-day procedure received at 15:30 on Monday is due Tuesday.
    let r = row("2021-06-07T15:30", 0, "2021-06-08T09:00");
    assert_eq!(grades(&r)[0], Some(1));
    let p = Policy {
        cutoff: Cutoff::None,
        ..Policy::default()
    };
    assert_eq!(run(&r, q2_2021(), &p).resolved.unwrap()[0], Some(0));
    // At 14:59:59 it is due the same day.
    let before = row("2021-06-07T14:59:59", 0, "2021-06-07T16:00");
    assert_eq!(grades(&before)[0], Some(1));
}

#[test]
fn around_tet_2021() {
    // Tuesday 09/02/2021 + 1 day: 10–16/02 are off, so due Wednesday 17/02.
    let r = row("2021-02-09T10:00", 2, "2021-02-17");
    let p = (day("2021-01-01"), day("2021-03-31"));
    assert_eq!(run(&r, p, &Policy::default()).resolved.unwrap()[0], Some(1));
    // Received during Tết (Friday 12/02): counts from Wednesday 17/02's morning.
    let r = row("2021-02-12T10:00", 1, "2021-02-17T16:00");
    assert_eq!(run(&r, p, &Policy::default()).resolved.unwrap()[0], Some(1));
}

#[test]
fn may_2021_and_the_2024_swap() {
    // Thursday 29/04/2021 + 1 day: 30/04 and 03/05 off (with the weekend): due 04/05.
    assert_eq!(
        grades(&row("2021-04-29T09:00", 2, "2021-05-04"))[0],
        Some(1)
    );
    assert_eq!(
        grades(&row("2021-04-29T09:00", 2, "2021-05-03"))[0],
        Some(2)
    );
    // Friday 03/05/2024 + 1 day: the make-up Saturday 04/05 is a working day.
    let p = (day("2024-04-01"), day("2024-06-30"));
    let r = row("2024-05-03T09:00", 2, "2024-05-06");
    assert_eq!(run(&r, p, &Policy::default()).resolved.unwrap()[0], Some(0));
    // Friday 26/04/2024 + 1 day: the swap makes 29/04 a day off; due Thursday 02/05.
    let r = row("2024-04-26T09:00", 2, "2024-05-02");
    assert_eq!(run(&r, p, &Policy::default()).resolved.unwrap()[0], Some(1));
}

#[test]
fn restart_after_supplements() {
    // 2 days from 07/06 would be due 09/06; restarted 10/06 09:00: due 14/06.
    let mut r = row("2021-06-07T09:00", 4, "2021-06-14");
    r.restart_day = day("2021-06-10");
    r.restart_second = 9 * 3600;
    assert_eq!(grades(&r)[0], Some(1));
    r.restart_day = day("2021-06-06");
    let e = classify(
        &r,
        Calendar::vietnam(),
        q2_2021().0,
        q2_2021().1,
        &Policy::default(),
    )
    .unwrap_err();
    assert_eq!(e.0, Code::RestartOutOfOrder);
}

#[test]
fn reappointed_and_given_due_dates() {
    // Given 10/06 (the system's appointment), re-appointed from 08/06, resolved 09/06.
    let mut r = row("2021-06-07T09:00", 2, "2021-06-09");
    r.due_day = day("2021-06-10");
    r.original_due_day = day("2021-06-08");
    let c = run(&r, q2_2021(), &Policy::default());
    assert_eq!(c.resolved.unwrap()[0], Some(0)); // late against the original 08/06
                                                 // The original appointment is what 1 day from 07/06 09:00 gives: no mismatch.
    assert!(!c.due_date_mismatch);
    r.original_due_day = NONE;
    assert!(run(&r, q2_2021(), &Policy::default()).due_date_mismatch); // 10/06 ≠ 08/06
    r.original_due_day = day("2021-06-08");
    let p = Policy {
        reappointment: Reappointment::New,
        ..Policy::default()
    };
    assert_eq!(run(&r, q2_2021(), &p).resolved.unwrap()[0], Some(2));
    // A first appointment alone: `original` judges by it, `new` by the computed date, which
    // then needs the calendar (review: it fell back to the first appointment).
    let mut r = row("2026-12-18T09:00", 40, "");
    r.original_due_day = day("2026-12-22");
    let december = (day("2026-12-01"), day("2026-12-31"));
    let c = run(&r, december, &Policy::default());
    assert_eq!(c.pending_overdue, Some(true));
    let e = classify(&r, Calendar::vietnam(), december.0, december.1, &p).unwrap_err();
    assert_eq!(e.0, Code::CalendarOutOfRange);
    // In the calendar, `new` judges by the computed date (05/07), not the first (09/06).
    let mut r = row("2021-06-07T09:00", 40, "2021-06-30");
    r.original_due_day = day("2021-06-09");
    assert_eq!(
        run(&r, q2_2021(), &Policy::default()).resolved.unwrap()[0],
        Some(0)
    );
    assert_eq!(run(&r, q2_2021(), &p).resolved.unwrap()[0], Some(2));
    // A given due date on a Sunday is used as given, with a warning.
    let mut r = row("2021-06-07T09:00", -1, "2021-06-13");
    r.due_day = day("2021-06-13");
    let c = run(&r, q2_2021(), &Policy::default());
    assert_eq!(
        (
            c.resolved.unwrap()[0],
            c.due_date_on_rest_day,
            c.due_date_mismatch
        ),
        (Some(1), true, false)
    );
}

#[test]
fn period_edges() {
    let (start, end) = q2_2021();
    // Received 31/03, resolved 01/04: carried over and resolved in the period.
    let r = row("2021-03-31T09:00", 2, "2021-04-01");
    let c = run(&r, (start, end), &Policy::default());
    assert_eq!(
        (c.received_in, c.carried_over, c.resolved.is_some()),
        (false, true, true)
    );
    // Received 31/03, resolved 31/03: outside.
    let r = row("2021-03-31T09:00", 2, "2021-03-31T16:00");
    assert_eq!(
        classify(&r, Calendar::vietnam(), start, end, &Policy::default()).unwrap(),
        None
    );
    // Received 29/06 (Tuesday) + 1 day, pending: due 30/06 = the last day: overdue.
    let r = row("2021-06-29T09:00", 2, "");
    assert_eq!(
        run(&r, (start, end), &Policy::default()).pending_overdue,
        Some(true)
    );
    // Received 30/06 + 1 day, resolved 01/07: pending at the end, within the deadline.
    let r = row("2021-06-30T09:00", 2, "2021-07-01");
    let c = run(&r, (start, end), &Policy::default());
    assert_eq!(
        (c.received_in, c.resolved, c.pending_overdue),
        (true, None, Some(false))
    );
}

#[test]
fn unknown_values_stay_unknown_unless_assumed() {
    let mut r = row("2021-06-07T09:00", 2, "2021-06-08");
    r.contacts = -1;
    r.complaint = Row::UNKNOWN;
    let g = grades(&r);
    assert_eq!((g[2], g[4]), (None, None));
    let mut p = Policy::default();
    p.assume("contacts", "0").unwrap();
    p.assume("complaint", "none").unwrap();
    let g = run(&r, q2_2021(), &p).resolved.unwrap();
    assert_eq!((g[2], g[4]), (Some(2), Some(1)));
    r.complaint = Row::UPHELD;
    assert_eq!(grades(&r)[4], Some(0));
}

/// A row of numbers may hold any agencies code: beyond the known ones it means several
/// agencies (0 points), as it always did — never unknown, never one of the others.
#[test]
fn agencies_codes_beyond_the_known_are_several() {
    let mut r = row("2021-06-07T09:00", 2, "2021-06-08");
    let points = |code: u8, r: &mut Row| {
        r.agencies = code;
        grades(r)[3]
    };
    let got: Vec<_> = [0, 1, 2, 3, 4, 5, 7, 255]
        .iter()
        .map(|&c| points(c, &mut r))
        .collect();
    let want = [
        None,
        Some(2),
        Some(1),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
        Some(0),
    ];
    assert_eq!(got, want);
}

/// Found by an independent review: an assumed count beyond i32::MAX is still "more than
/// one" (0 points), never unknown.
#[test]
fn huge_assumed_contacts_are_more_than_one() {
    let mut r = row("2021-06-07T09:00", 2, "2021-06-08");
    r.contacts = -1;
    for n in [2, i32::MAX as u32, i32::MAX as u32 + 1, u32::MAX] {
        let mut p = Policy::default();
        p.assume.contacts = Some(n);
        assert_eq!(run(&r, q2_2021(), &p).resolved.unwrap()[2], Some(0), "{n}");
    }
}

#[test]
fn online_unresolved_or_late() {
    let mut r = row("2021-06-07T09:00", 2, "2021-06-10");
    r.channel = Row::ONLINE;
    assert!(run(&r, q2_2021(), &Policy::default()).online_unresolved_or_late);
    r.resolved_day = day("2021-06-08");
    assert!(!run(&r, q2_2021(), &Policy::default()).online_unresolved_or_late);
}

#[test]
fn rejections() {
    let (s, e) = q2_2021();
    let cal = Calendar::vietnam();
    let p = Policy::default();
    let r = row("2021-06-07T09:00", 2, "2021-06-06");
    assert_eq!(
        classify(&r, cal, s, e, &p).unwrap_err().0,
        Code::ResolvedBeforeReceived
    );
    let r = row("2021-06-07T09:00", 2, "2021-06-07T08:59");
    assert_eq!(
        classify(&r, cal, s, e, &p).unwrap_err().0,
        Code::ResolvedBeforeReceived
    );
    let r = row("2021-06-07T09:00", -1, "2021-06-08");
    assert_eq!(
        classify(&r, cal, s, e, &p).unwrap_err().0,
        Code::DueDateMissing
    );
    let mut r = row("2021-06-07T09:00", -1, "2021-06-08");
    r.due_day = day("2021-06-06");
    assert_eq!(
        classify(&r, cal, s, e, &p).unwrap_err().0,
        Code::DueDateBeforeReceived
    );
    let r = row("2026-12-31T09:00", 2, "");
    let q4 = (day("2026-10-01"), day("2026-12-31"));
    let f = classify(&r, cal, q4.0, q4.1, &p).unwrap_err();
    assert_eq!(f.0, Code::CalendarOutOfRange);
    assert!(f.2.contains("2027-01-01"), "{}", f.2);
}
