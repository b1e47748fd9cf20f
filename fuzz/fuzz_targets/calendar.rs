//! `Calendar::due_day` (dossiers.md §2) against a slow reference that walks the half-days
//! one by one with `is_working`, including what happens beyond the calendar's range: a
//! moment received on any day of 2018–2031, at any second, with any time limit up to the
//! longest accepted, under each cut-off policy, on the official calendar, the provisional
//! one, or one with the caller's own days off, working days and office hours.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;
use tthc_score::calendar::{
    Calendar, CalendarBuilder, CalendarDate, Cutoff, DateTime, DayNumber, OfficeHours, DAY_SECONDS,
};
use tthc_score::input::MAX_TIME_LIMIT_DAYS;

/// 2018-01-01 and 2031-12-31.
const FIRST: DayNumber = 17_532;
const LAST: DayNumber = 22_644;
/// Where the caller's own days fall: 2018-06-01 to 2027-06-30.
const OWN_FIRST: DayNumber = 17_683;
const OWN_LAST: DayNumber = 20_999;

static PROVISIONAL: LazyLock<Calendar> =
    LazyLock::new(|| CalendarBuilder::new().provisional(2000, 2100).build());

#[derive(Arbitrary, Debug)]
struct Input {
    day: u16,
    second: u32,
    limit: u16,
    cutoff: u8,
    calendar: u8,
    days_off: Vec<u16>,
    working_days: Vec<u16>,
    hours: Option<(u32, u32, u32)>,
}

fn own_day(n: u16) -> CalendarDate {
    let d = OWN_FIRST + DayNumber::from(n) % (OWN_LAST - OWN_FIRST + 1);
    CalendarDate::from_days(d).unwrap()
}

/// The due day by the rule, one half-day at a time; `Err(needed)` when a day beyond the
/// calendar is needed.
fn reference(
    cal: &Calendar,
    at: DateTime,
    limit: u32,
    cutoff: Cutoff,
) -> Result<DayNumber, DayNumber> {
    let h = cal.hours();
    let last = cal.covered().1;
    let next_working = |mut d: DayNumber| loop {
        d += 1;
        match cal.is_working(d) {
            Some(true) => return Ok(d),
            Some(false) => {}
            None => return Err(last + 1),
        }
    };
    let working = cal.is_working(at.day).ok_or(at.day)?;
    let same_day =
        working && at.second < h.close && !(cutoff.applies(limit) && at.second >= h.cutoff);
    let (mut day, mut afternoon) = if same_day {
        (at.day, at.second >= h.noon)
    } else {
        (next_working(at.day)?, false)
    };
    for _ in 0..limit {
        if afternoon {
            day = next_working(day)?;
        }
        afternoon = !afternoon;
    }
    Ok(day)
}

fuzz_target!(|input: Input| {
    let own;
    let cal: &Calendar = match input.calendar % 4 {
        0 => Calendar::vietnam(),
        1 => &PROVISIONAL,
        _ => {
            let mut b = CalendarBuilder::new()
                .days_off(input.days_off.iter().take(8).map(|&n| own_day(n)))
                .working_days(input.working_days.iter().take(8).map(|&n| own_day(n)));
            if let (Some((noon, cut, close)), 3) = (input.hours, input.calendar % 4) {
                b = b.hours(OfficeHours {
                    noon: noon % DAY_SECONDS,
                    cutoff: cut % DAY_SECONDS,
                    close: close % (DAY_SECONDS + 1),
                });
            }
            own = b.build();
            &own
        }
    };
    let at = DateTime {
        day: FIRST + DayNumber::from(input.day) % (LAST - FIRST + 1),
        second: input.second % DAY_SECONDS,
    };
    let limit = u32::from(input.limit) % (2 * MAX_TIME_LIMIT_DAYS + 1);
    let cutoff = [Cutoff::SameDay, Cutoff::All, Cutoff::None][usize::from(input.cutoff % 3)];
    let expected = reference(cal, at, limit, cutoff);
    match (cal.due_day(at, limit, cutoff), expected) {
        (Ok(d), Ok(e)) => {
            assert_eq!(d, e, "{at:?} + {limit} half-days ({cutoff:?})");
            assert_eq!(cal.is_working(d), Some(true), "due on a rest day");
            assert!(d >= at.day);
        }
        (Err(e), Err(needed)) => {
            assert_eq!(e.needed, needed, "{at:?} + {limit} half-days ({cutoff:?})");
            assert_eq!(e.covered, cal.covered());
        }
        (got, want) => {
            panic!("{at:?} + {limit} half-days ({cutoff:?}): {got:?}, expected {want:?}")
        }
    }
});
