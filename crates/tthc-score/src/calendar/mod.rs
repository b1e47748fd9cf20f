//! The calendar: civil dates, date-times at Vietnamese civil time, working days and half
//! days, the official days off, and the due date of a dossier.
//!
//! A leaf of the crate: it imports nothing of its siblings (so it could become a crate of
//! its own). All times are Vietnamese civil time (UTC+7), which has no daylight saving:
//! a date-time is a day number and a second of the day, nothing more.

mod date;
mod lunar;
mod datetime;
mod holidays;
mod working;

pub use date::{days_in_month, period_bounds, weekday_of, CalendarDate, DayNumber, Weekday};
pub use datetime::{
    parse_clock, parse_date, parse_date_or_datetime, parse_datetime, ClockTime, DateTime,
    DateTimeError, DAY_SECONDS,
};
pub use holidays::{FIRST_YEAR as OFFICIAL_FIRST_YEAR, LAST_YEAR as OFFICIAL_LAST_YEAR};
pub use lunar::{gio_to, lunar_to_solar, statutory_days_off, tet};
pub(crate) use working::{pick, Reach};
pub use working::{Calendar, CalendarBuilder, Cutoff, OfficeHours, OutOfRange};
