//! Civil dates: the proleptic Gregorian calendar, day numbers, weekdays, the days of a
//! reporting period.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A calendar date (no time, no zone), "YYYY-MM-DD" in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    /// Year.
    pub year: u16,
    /// Month 1–12.
    pub month: u8,
    /// Day 1–31.
    pub day: u8,
}

/// A day as a number: days since 1970-01-01 (negative before). Day numbers make date
/// arithmetic and comparisons plain integer operations.
pub type DayNumber = i32;

impl CalendarDate {
    /// A date, or `None` if it does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<CalendarDate> {
        (1..=12)
            .contains(&month)
            .then(|| days_in_month(year, month))
            .filter(|&n| (1..=n).contains(&day))
            .map(|_| CalendarDate { year, month, day })
    }

    /// Its day number (days since 1970-01-01), by Howard Hinnant's `days_from_civil`.
    pub const fn to_days(self) -> DayNumber {
        let (m, d) = (self.month as i32, self.day as i32);
        let y = self.year as i32 - if m <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date of a day number; `None` outside the years 0–65535.
    pub const fn from_days(n: DayNumber) -> Option<CalendarDate> {
        let z = n as i64 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + if month <= 2 { 1 } else { 0 };
        if year < 0 || year > u16::MAX as i64 {
            return None;
        }
        Some(CalendarDate {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The day of the week.
    pub const fn weekday(self) -> Weekday {
        weekday_of(self.to_days())
    }
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// Thứ Hai.
    Monday,
    /// Thứ Ba.
    Tuesday,
    /// Thứ Tư.
    Wednesday,
    /// Thứ Năm.
    Thursday,
    /// Thứ Sáu.
    Friday,
    /// Thứ Bảy.
    Saturday,
    /// Chủ Nhật.
    Sunday,
}

/// The weekday of a day number (1970-01-01 was a Thursday).
pub const fn weekday_of(n: DayNumber) -> Weekday {
    match (n as i64 + 3).rem_euclid(7) {
        0 => Weekday::Monday,
        1 => Weekday::Tuesday,
        2 => Weekday::Wednesday,
        3 => Weekday::Thursday,
        4 => Weekday::Friday,
        5 => Weekday::Saturday,
        _ => Weekday::Sunday,
    }
}

/// Days in a month of the Gregorian calendar.
pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for CalendarDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CalendarDate".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A calendar date YYYY-MM-DD (it must exist: 2025-02-29 is refused).",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        })
    }
}

impl Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Parsed inside the visitor, so that an error is placed at the value (its path
        // names the field or the element, even the last one).
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = CalendarDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date YYYY-MM-DD")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<CalendarDate, E> {
                super::datetime::parse_date(s).map_err(|_| {
                    E::custom(format!(
                        "invalid value: expected a date YYYY-MM-DD, got {s:?}"
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// The first and last day of a reporting period: a quarter, a month, or (neither given)
/// the whole year. `None` for a month or quarter that does not exist.
pub fn period_bounds(
    year: u16,
    quarter: Option<u8>,
    month: Option<u8>,
) -> Option<(CalendarDate, CalendarDate)> {
    let (m1, m2) = match (quarter, month) {
        (Some(q), None) => (3u8.checked_mul(q)?.checked_sub(2)?, 3 * q),
        (None, Some(m)) => (m, m),
        _ => (1, 12),
    };
    Some((
        CalendarDate::new(year, m1, 1)?,
        CalendarDate::new(year, m2, days_in_month(year, m2))?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(CalendarDate::new(2024, 2, 29).is_some());
        assert!(CalendarDate::new(2023, 2, 29).is_none());
        let d: CalendarDate = serde_json::from_str("\"2019-01-06\"").unwrap();
        assert_eq!(d.to_string(), "2019-01-06");
        assert!(serde_json::from_str::<CalendarDate>("\"2019-1-6\"").is_err());
    }

    #[test]
    fn day_numbers() {
        let d = |y, m, d| CalendarDate::new(y, m, d).unwrap();
        assert_eq!(d(1970, 1, 1).to_days(), 0);
        assert_eq!(d(2021, 2, 12).to_days(), 18_670);
        assert_eq!(CalendarDate::from_days(18_670), Some(d(2021, 2, 12)));
        assert_eq!(d(2024, 4, 29).weekday(), Weekday::Monday);
        assert_eq!(d(2024, 5, 4).weekday(), Weekday::Saturday);
        assert_eq!(d(1969, 12, 31).to_days(), -1);
        for n in -719_000..800_000 {
            assert_eq!(
                CalendarDate::from_days(n).map(CalendarDate::to_days),
                Some(n)
            );
        }
    }

    #[test]
    fn periods() {
        let b = |q, m| period_bounds(2024, q, m).map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(
            b(Some(1), None).unwrap(),
            ("2024-01-01".into(), "2024-03-31".into())
        );
        assert_eq!(
            b(None, Some(2)).unwrap(),
            ("2024-02-01".into(), "2024-02-29".into())
        );
        assert_eq!(
            b(None, None).unwrap(),
            ("2024-01-01".into(), "2024-12-31".into())
        );
        assert_eq!(b(Some(5), None), None);
        assert_eq!(b(Some(0), None), None);
    }
}
