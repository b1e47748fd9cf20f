//! Working days, half days, and the due date of a dossier (dossiers.md §1–2).
//!
//! A **working day** is Monday–Friday that is not an official day off, or a Saturday
//! declared a make-up working day (Labour Code 2019 Art. 111–112). Each working day has a
//! morning (before 12:00) and an afternoon (from 12:00); the office closes at 17:00 \[D\].
//!
//! The **receipt point** is the working half-day in which a dossier counts as received:
//! that half of the day when it arrives on a working day before the close; otherwise the
//! next working day's morning. The **15:00 cut-off** \[D\] (Decree 23/2015 Art. 21) moves a
//! dossier received at or after 15:00 to the next working day's morning — by default only
//! for procedures with time limit 0 ([`Cutoff`]).
//!
//! The **due point** is the receipt point advanced by 2 × limit working half-days; the due
//! date is its day. The receipt day is not counted (Civil Code Art. 147): Monday 09:00 + 1
//! day is due Tuesday. Every step is an index lookup: the calendar stores, for each day,
//! how many working days came before it, and the list of working days.

use super::date::{CalendarDate, DayNumber, Weekday};
use super::datetime::DateTime;
use super::holidays;
use std::sync::LazyLock;

/// Which procedures the 15:00 cut-off applies to \[D\].
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Cutoff {
    /// Default: procedures with time limit 0 (same-day procedures), as Decree 23/2015
    /// Art. 21 says for certification; the one-stop systems we read apply no cut-off to
    /// others.
    #[default]
    #[serde(alias = "same-day")]
    SameDay,
    /// Every procedure.
    All,
    /// None.
    None,
}

impl Cutoff {
    /// Whether the cut-off applies to a procedure with `limit_halves` half-days.
    #[inline]
    pub const fn applies(self, limit_halves: u32) -> bool {
        // Selects, not a match: the classification runs it on blocks of dossiers.
        matches!(self, Cutoff::All) | (matches!(self, Cutoff::SameDay) & (limit_halves == 0))
    }
}

/// The times of the office day, in seconds since midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OfficeHours {
    /// Start of the afternoon half-day: 12:00.
    pub noon: u32,
    /// The cut-off: 15:00.
    pub cutoff: u32,
    /// The close \[D\]: 17:00. From then on a dossier counts from the next working day.
    pub close: u32,
}

impl Default for OfficeHours {
    fn default() -> Self {
        OfficeHours {
            noon: DateTime::clock(12, 0, 0),
            cutoff: DateTime::clock(15, 0, 0),
            close: DateTime::clock(17, 0, 0),
        }
    }
}

/// A day the calendar does not cover: the computation needed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange {
    /// The day that was needed (for a due date: the day after the last covered one).
    pub needed: DayNumber,
    /// The first and last day the calendar covers.
    pub covered: (DayNumber, DayNumber),
}

/// A working-day calendar over a range of days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    first: DayNumber,
    /// Per day from `first`: the working days before it, shifted left once, with bit 0
    /// set on a working day — one lookup gives both.
    days: Vec<u32>,
    /// The working days, ascending.
    working: Vec<DayNumber>,
    /// The days whose status comes from official data or from the caller; outside it,
    /// from the statutory rule (provisional).
    official: (DayNumber, DayNumber),
    hours: OfficeHours,
}

fn day(y: u16, m: u8, d: u8) -> DayNumber {
    // The vendored table holds valid dates (checked by a test).
    CalendarDate::new(y, m, d).map_or(0, CalendarDate::to_days)
}

fn official_range() -> (DayNumber, DayNumber) {
    (
        day(holidays::FIRST_YEAR, 1, 1),
        day(holidays::LAST_YEAR, 12, 31),
    )
}

/// Builds a calendar: the official Vietnamese days off, the caller's own changes, and
/// optionally the statutory days of other years (provisional).
#[derive(Debug, Clone, Default)]
pub struct CalendarBuilder {
    days_off: Vec<DayNumber>,
    working_days: Vec<DayNumber>,
    provisional: Option<(u16, u16)>,
    hours: OfficeHours,
}

impl CalendarBuilder {
    /// The official calendar, 2019–2026.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds days off (e.g. a province's own swap), within the days the calendar covers (the
    /// official years, and the provisional ones when asked): they do not widen it.
    #[must_use]
    pub fn days_off(mut self, days: impl IntoIterator<Item = CalendarDate>) -> Self {
        self.days_off
            .extend(days.into_iter().map(CalendarDate::to_days));
        self
    }

    /// Adds working days (e.g. a make-up Saturday), within the days the calendar covers.
    #[must_use]
    pub fn working_days(mut self, days: impl IntoIterator<Item = CalendarDate>) -> Self {
        self.working_days
            .extend(days.into_iter().map(CalendarDate::to_days));
        self
    }

    /// Covers the years `first..=last` beyond the official data with the days off the
    /// statutory rule gives (Labour Code 2019 Art. 112, the Vietnamese lunar calendar at
    /// UTC+7); every result that uses them is provisional.
    #[must_use]
    pub fn provisional(mut self, first: u16, last: u16) -> Self {
        self.provisional = Some((first, last));
        self
    }

    /// Sets the office hours.
    #[must_use]
    pub fn hours(mut self, hours: OfficeHours) -> Self {
        self.hours = hours;
        self
    }

    /// The calendar.
    pub fn build(self) -> Calendar {
        let official = official_range();
        let (mut first, mut last) = official;
        let mut provisional_off: Vec<DayNumber> = Vec::new();
        if let Some((y1, y2)) = self.provisional {
            first = first.min(day(y1, 1, 1));
            last = last.max(day(y2, 12, 31));
            for y in y1..=y2 {
                if !(holidays::FIRST_YEAR..=holidays::LAST_YEAR).contains(&y) {
                    let days = super::lunar::statutory_days_off(i32::from(y));
                    provisional_off.extend(days.into_iter().map(CalendarDate::to_days));
                }
            }
        }
        // The caller's days change the status of days the calendar covers; they never widen
        // it: a year the data does not hold would count every weekday as working (strict
        // mode rejects what needs it; provisional mode computes it by rule, and says so).
        // Monday–Friday, then each source in turn, the caller's changes last: they override
        // the data.
        let n = (last - first + 1) as usize;
        let mut status: Vec<bool> = (0..n)
            .map(|i| {
                !matches!(
                    super::date::weekday_of(first + i as DayNumber),
                    Weekday::Saturday | Weekday::Sunday
                )
            })
            .collect();
        let mut set = |d: DayNumber, working: bool| {
            if (first..=last).contains(&d) {
                status[(d - first) as usize] = working;
            }
        };
        let table = |t: &'static [(u16, u8, u8)]| t.iter().map(|&(y, m, d)| day(y, m, d));
        table(holidays::DAYS_OFF)
            .chain(provisional_off)
            .for_each(|d| set(d, false));
        table(holidays::MAKE_UP_DAYS).for_each(|d| set(d, true));
        self.days_off.iter().for_each(|&d| set(d, false));
        self.working_days.iter().for_each(|&d| set(d, true));

        let mut days = Vec::with_capacity(n);
        let mut working = Vec::with_capacity(n);
        for (i, &is_working) in status.iter().enumerate() {
            days.push((working.len() as u32) << 1 | u32::from(is_working));
            if is_working {
                working.push(first + i as DayNumber);
            }
        }
        Calendar {
            first,
            days,
            working,
            official,
            hours: self.hours,
        }
    }
}

static VIETNAM: LazyLock<Calendar> = LazyLock::new(|| CalendarBuilder::new().build());

impl Calendar {
    /// The official Vietnamese calendar, 2019–2026.
    pub fn vietnam() -> &'static Calendar {
        &VIETNAM
    }

    /// The first and last day covered.
    pub fn covered(&self) -> (DayNumber, DayNumber) {
        (self.first, self.first + self.days.len() as DayNumber - 1)
    }

    /// The days whose status is official data (or the caller's); outside it, provisional.
    pub fn official(&self) -> (DayNumber, DayNumber) {
        self.official
    }

    /// Whether `d` is outside the official data (its status computed by rule).
    #[inline]
    pub fn is_provisional(&self, d: DayNumber) -> bool {
        d < self.official.0 || d > self.official.1
    }

    /// The office hours.
    pub fn hours(&self) -> OfficeHours {
        self.hours
    }

    #[inline]
    fn index(&self, d: DayNumber) -> Option<usize> {
        let i = d.checked_sub(self.first)?;
        (i >= 0 && (i as usize) < self.days.len()).then_some(i as usize)
    }

    fn out_of_range(&self, needed: DayNumber) -> OutOfRange {
        OutOfRange {
            needed,
            covered: self.covered(),
        }
    }

    /// Whether `d` is a working day; `None` outside the calendar.
    #[inline]
    pub fn is_working(&self, d: DayNumber) -> Option<bool> {
        let i = self.index(d)?;
        Some(self.days[i] & 1 == 1)
    }

    /// The table's entry for `d` (another day's when outside), and whether `d` is in the
    /// calendar — without a branch on `d`.
    #[inline(always)]
    fn day_info(&self, d: DayNumber) -> (u32, bool) {
        // A day before `first` wraps to an index beyond the table, which is never empty
        // (the official years are always in it).
        let i = d.wrapping_sub(self.first) as u32 as usize;
        (self.days[i.min(self.days.len() - 1)], i < self.days.len())
    }

    /// Whether `d` is a day of the calendar that is not a working day, without a branch on
    /// `d` (given due dates come and go at random in a file of dossiers).
    #[inline(always)]
    pub(crate) fn is_rest_day(&self, d: DayNumber) -> bool {
        let (info, inside) = self.day_info(d);
        inside & (info & 1 == 0)
    }

    /// The working half-day in which a dossier received at `at` counts as received, as
    /// `2 × (working days before its day) + (0 morning | 1 afternoon)`.
    ///
    /// # Errors
    /// [`OutOfRange`] when the day, or the next working day, is beyond the calendar.
    #[inline]
    pub fn receipt_half(&self, at: DateTime, cutoff_applies: bool) -> Result<u32, OutOfRange> {
        let (half, inside) = self.receipt_point(at, cutoff_applies);
        if !inside {
            Err(self.out_of_range(at.day))
        } else if (half / 2) as usize >= self.working.len() {
            Err(self.out_of_range(self.covered().1 + 1))
        } else {
            Ok(half)
        }
    }

    /// The receipt half-day, and whether the day is in the calendar (the half-day may
    /// still be beyond its last working day). No branch on the dossier: the columnar path
    /// runs it over blocks of dossiers.
    #[inline(always)]
    fn receipt_point(&self, at: DateTime, cutoff_applies: bool) -> (u32, bool) {
        let (info, inside) = self.day_info(at.day);
        let (before, working) = (info >> 1, info & 1);
        let h = &self.hours;
        let same_day =
            (working == 1) & (at.second < h.close) & !(cutoff_applies & (at.second >= h.cutoff));
        let (same, afternoon) = (u32::from(same_day), u32::from(at.second >= h.noon));
        // The same half of the day (only on a working day), or the next working day's
        // morning (the working days up to and including this day) — as arithmetic: a branch
        // on the hour would be as random as the dossiers.
        let half = 2 * (before + working - same) + (same & afternoon);
        (half, inside)
    }

    /// The working day of a half-day index, if the calendar has it.
    #[inline(always)]
    fn day_of_half(&self, half: u32) -> Option<DayNumber> {
        self.working.get((half / 2) as usize).copied()
    }

    /// The day of a half-day index.
    ///
    /// # Errors
    /// [`OutOfRange`] when the index is beyond the calendar's last working day.
    #[inline]
    pub fn half_day(&self, half: u32) -> Result<DayNumber, OutOfRange> {
        self.day_of_half(half)
            .ok_or_else(|| self.out_of_range(self.covered().1 + 1))
    }

    /// The due date of a dossier received (or restarted) at `at` with a time limit of
    /// `limit_halves` working half-days, under the cut-off policy.
    ///
    /// # Errors
    /// [`OutOfRange`] when the receipt or the due date falls beyond the calendar.
    #[inline(always)]
    pub fn due_day(
        &self,
        at: DateTime,
        limit_halves: u32,
        cutoff: Cutoff,
    ) -> Result<DayNumber, OutOfRange> {
        match self.due_lookup(at, limit_halves, cutoff) {
            (d, Reach::Inside) => Ok(d),
            (_, Reach::DayOutside) => Err(self.out_of_range(at.day)),
            (_, Reach::Beyond) => Err(self.out_of_range(self.covered().1 + 1)),
        }
    }

    /// [`Calendar::due_day`] without branches on the dossier: the due date when the
    /// calendar reaches it, and how far it reached.
    #[inline(always)]
    pub(crate) fn due_lookup(
        &self,
        at: DateTime,
        limit_halves: u32,
        cutoff: Cutoff,
    ) -> (DayNumber, Reach) {
        let (start, inside) = self.receipt_point(at, cutoff.applies(limit_halves));
        let due = self.day_of_half(start.saturating_add(limit_halves));
        let reach = match (inside, due) {
            (false, _) => Reach::DayOutside,
            (true, None) => Reach::Beyond,
            (true, Some(_)) => Reach::Inside,
        };
        (due.unwrap_or(0), reach)
    }
}

/// `if c { a } else { b }` as masks rather than a branch, for conditions as random as the
/// dossiers (a mispredicted branch costs more than both sides).
#[inline(always)]
pub(crate) fn pick(c: bool, a: i32, b: i32) -> i32 {
    let mask = 0i32.wrapping_sub(i32::from(c));
    (a & mask) | (b & !mask)
}

/// How far the calendar reached for a due date ([`Calendar::due_lookup`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach {
    /// The due date is in the calendar.
    Inside,
    /// The day of receipt is not.
    DayOutside,
    /// The due date is beyond its last working day.
    Beyond,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, dd: u8) -> DayNumber {
        CalendarDate::new(y, m, dd).unwrap().to_days()
    }
    fn at(y: u16, m: u8, dd: u8, h: u32, min: u32) -> DateTime {
        DateTime {
            day: d(y, m, dd),
            second: DateTime::clock(h, min, 0),
        }
    }
    fn date(n: DayNumber) -> String {
        CalendarDate::from_days(n).unwrap().to_string()
    }
    fn due(t: DateTime, limit_days_x2: u32) -> String {
        date(
            Calendar::vietnam()
                .due_day(t, limit_days_x2, Cutoff::SameDay)
                .unwrap(),
        )
    }

    /// The worked examples of dossiers.md §2.2 on Monday 07/06/2021.
    #[test]
    fn worked_examples() {
        assert_eq!(due(at(2021, 6, 7, 9, 0), 2), "2021-06-08"); // + 1 day → Tuesday morning
        assert_eq!(due(at(2021, 6, 7, 9, 0), 1), "2021-06-07"); // + 0.5 → Monday afternoon
        assert_eq!(due(at(2021, 6, 7, 13, 0), 1), "2021-06-08"); // 13:00 + 0.5 → Tuesday morning
        assert_eq!(due(at(2021, 6, 7, 16, 0), 2), "2021-06-08"); // 16:00 + 1 → Tuesday afternoon
        assert_eq!(due(at(2021, 6, 7, 15, 30), 0), "2021-06-08"); // cut-off
        assert_eq!(due(at(2021, 6, 7, 14, 0), 0), "2021-06-07");
        assert_eq!(due(at(2021, 6, 7, 17, 0), 0), "2021-06-08"); // the close
        assert_eq!(due(at(2021, 6, 7, 6, 0), 0), "2021-06-07"); // an online dossier at 06:00
    }

    /// Tết 2021: days off 10–12 and 15–16/02 (with the weekend 13–14).
    #[test]
    fn tet_2021() {
        let c = Calendar::vietnam();
        assert_eq!(c.is_working(d(2021, 2, 9)), Some(true));
        for dd in 10..=16 {
            assert_eq!(c.is_working(d(2021, 2, dd)), Some(false), "{dd}/02");
        }
        assert_eq!(due(at(2021, 2, 9, 10, 0), 2), "2021-02-17");
        assert_eq!(due(at(2021, 2, 12, 10, 0), 0), "2021-02-17");
        assert_eq!(due(at(2021, 2, 8, 10, 0), 6), "2021-02-18"); // 3 days: 09, 17, 18
    }

    /// 30/04–03/05/2021 and the swap of 29/04/2024 with the make-up Saturday 04/05/2024.
    #[test]
    fn may_holidays_and_swaps() {
        let c = Calendar::vietnam();
        assert_eq!(due(at(2021, 4, 29, 9, 0), 2), "2021-05-04");
        assert_eq!(c.is_working(d(2024, 4, 29)), Some(false));
        assert_eq!(c.is_working(d(2024, 5, 4)), Some(true));
        assert_eq!(c.is_working(d(2024, 5, 11)), Some(false));
        // Friday 26/04/2024 + 1 day: 29/04–01/05 are off, then Thursday 02/05.
        assert_eq!(due(at(2024, 4, 26, 9, 0), 2), "2024-05-02");
        // Friday 03/05/2024 + 1 day: the make-up Saturday 04/05.
        assert_eq!(due(at(2024, 5, 3, 9, 0), 2), "2024-05-04");
        // Received on the make-up Saturday itself counts that day.
        assert_eq!(due(at(2024, 5, 4, 9, 0), 0), "2024-05-04");
    }

    #[test]
    fn half_days_and_weekends() {
        // Friday 11/06/2021 afternoon + 0.5 → Monday morning.
        assert_eq!(due(at(2021, 6, 11, 14, 0), 1), "2021-06-14");
        // Saturday: counts from Monday morning.
        assert_eq!(due(at(2021, 6, 12, 9, 0), 0), "2021-06-14");
        assert_eq!(due(at(2021, 6, 12, 9, 0), 1), "2021-06-14");
        assert_eq!(due(at(2021, 6, 12, 9, 0), 2), "2021-06-15");
    }

    #[test]
    fn cutoff_policies() {
        let c = Calendar::vietnam();
        let t = at(2021, 6, 7, 15, 30);
        let due_with = |limit, p| date(c.due_day(t, limit, p).unwrap());
        assert_eq!(due_with(0, Cutoff::None), "2021-06-07");
        assert_eq!(due_with(1, Cutoff::SameDay), "2021-06-08"); // afternoon + 0.5
        assert_eq!(due_with(1, Cutoff::All), "2021-06-08"); // next morning + 0.5: Tuesday afternoon
        assert_eq!(due_with(2, Cutoff::All), "2021-06-09");
        assert_eq!(due_with(2, Cutoff::SameDay), "2021-06-08");
    }

    #[test]
    fn out_of_range() {
        let c = Calendar::vietnam();
        let e = c
            .due_day(at(2026, 12, 31, 9, 0), 2, Cutoff::SameDay)
            .unwrap_err();
        assert_eq!(date(e.needed), "2027-01-01");
        assert!(c
            .due_day(at(2018, 12, 31, 9, 0), 0, Cutoff::SameDay)
            .is_err());
        assert_eq!(date(c.covered().0), "2019-01-01");
        assert_eq!(date(c.covered().1), "2026-12-31");
    }

    #[test]
    fn a_province_swaps_a_day() {
        let c = CalendarBuilder::new()
            .days_off([CalendarDate::new(2021, 6, 7).unwrap()])
            .working_days([CalendarDate::new(2021, 6, 12).unwrap()])
            .build();
        assert_eq!(c.is_working(d(2021, 6, 7)), Some(false));
        assert_eq!(c.is_working(d(2021, 6, 12)), Some(true));
        assert_eq!(
            date(
                c.due_day(at(2021, 6, 11, 9, 0), 2, Cutoff::SameDay)
                    .unwrap()
            ),
            "2021-06-12"
        );
    }

    /// A caller's day beyond the data does not make the years between count as covered
    /// (they would have no holidays): strict still refuses them, provisional computes them
    /// by rule and marks them so; the caller's day applies where the calendar covers it.
    #[test]
    fn a_caller_day_beyond_the_data_does_not_widen_it() {
        let far = CalendarDate::new(2150, 1, 1).unwrap();
        let strict = CalendarBuilder::new().days_off([far]).build();
        assert_eq!(strict.covered(), official_range());
        assert!(strict
            .due_day(at(2030, 2, 1, 8, 0), 2, Cutoff::SameDay)
            .is_err());
        let swap = CalendarDate::new(2027, 3, 15).unwrap(); // a Monday
        let p = CalendarBuilder::new()
            .days_off([swap, far])
            .provisional(2000, 2100)
            .build();
        assert_eq!(p.official(), official_range());
        assert!(p.is_provisional(d(2027, 3, 15)) && p.is_provisional(d(2027, 2, 5)));
        assert_eq!(p.is_working(d(2027, 3, 15)), Some(false));
        // Tết 2027 (06/02, lunar 1/1): the statutory days, not working days.
        assert_eq!(p.is_working(d(2027, 2, 8)), Some(false));
        assert_eq!(p.covered().1, d(2100, 12, 31));
    }

    /// The vendored table agrees with the vendored JSON and, when present, the shared data.
    #[test]
    fn vendored_days_match_the_data_file() {
        let root = env!("CARGO_MANIFEST_DIR");
        let files = [
            format!("{root}/data/vn-holidays.json"),
            format!("{root}/../../../shared/data/vn-holidays.json"),
        ];
        let table = |t: &[(u16, u8, u8)]| -> Vec<String> {
            t.iter()
                .map(|&(y, m, dd)| CalendarDate::new(y, m, dd).unwrap().to_string())
                .collect()
        };
        let mut checked = 0;
        for f in files {
            let Ok(text) = std::fs::read_to_string(&f) else {
                eprintln!("{f} not present: skipped");
                continue;
            };
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            let list = |key: &str| -> Vec<String> {
                let mut out = Vec::new();
                for (_, y) in v["years"].as_object().unwrap() {
                    for e in y[key].as_array().unwrap() {
                        out.push(e["date"].as_str().unwrap().to_string());
                    }
                }
                out.sort();
                out
            };
            assert_eq!(table(holidays::DAYS_OFF), list("off"), "{f}");
            assert_eq!(
                table(holidays::MAKE_UP_DAYS),
                list("make_up_workdays"),
                "{f}"
            );
            for x in table(holidays::DAYS_OFF) {
                let w = CalendarDate::from_days(parse(&x)).unwrap().weekday();
                assert!(
                    !matches!(w, Weekday::Saturday | Weekday::Sunday),
                    "{x} is a weekend day"
                );
            }
            checked += 1;
        }
        assert!(checked >= 1, "the vendored file is part of the repository");
    }

    fn parse(s: &str) -> DayNumber {
        super::super::datetime::parse_date(s).unwrap().to_days()
    }
}
