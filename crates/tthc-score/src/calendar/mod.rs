//! Civil dates and the days of a reporting period.
//!
//! A leaf of the crate: it imports nothing of its siblings, so the working-day calendar
//! can grow here (and could become a crate of its own) without touching the rules.

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

impl CalendarDate {
    /// A date, or `None` if it does not exist.
    pub fn new(year: u16, month: u8, day: u8) -> Option<CalendarDate> {
        (1..=12)
            .contains(&month)
            .then(|| days_in_month(year, month))
            .filter(|&n| (1..=n).contains(&day))
            .map(|_| CalendarDate { year, month, day })
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

impl Serialize for CalendarDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CalendarDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        let mut it = s.split('-');
        let parsed = (|| {
            let y = it.next()?.parse().ok()?;
            let m = it.next()?.parse().ok()?;
            let day = it.next()?.parse().ok()?;
            if it.next().is_some() || s.len() != 10 {
                return None;
            }
            CalendarDate::new(y, m, day)
        })();
        parsed.ok_or_else(|| {
            serde::de::Error::custom(format!(
                "invalid value: expected a date YYYY-MM-DD, got {s:?}"
            ))
        })
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
