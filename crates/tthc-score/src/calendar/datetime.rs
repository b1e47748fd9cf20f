//! Date-times as one-stop systems write them, at Vietnamese civil time (UTC+7):
//! `YYYY-MM-DDTHH:MM`, `YYYY-MM-DDTHH:MM:SS`, the same with one space instead of `T`, and an
//! optional trailing `+07:00`. Any other offset (`Z`, `+08:00`) is refused: a time in
//! another zone would need converting, and a record that says so was written wrongly.
//! Other layouts (`07/06/2021`, `+0700`) and impossible dates or times are refused.

use super::date::{CalendarDate, DayNumber};

/// Seconds in a day.
pub const DAY_SECONDS: u32 = 86_400;

/// A moment at Vietnamese civil time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The day.
    pub day: DayNumber,
    /// Seconds since midnight, 0–86399.
    pub second: u32,
}

impl DateTime {
    /// `hh:mm:ss` as seconds since midnight.
    pub const fn clock(hour: u32, minute: u32, second: u32) -> u32 {
        hour * 3600 + minute * 60 + second
    }
}

/// Why a date or date-time was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTimeError {
    /// Not one of the accepted layouts.
    Layout,
    /// The layout is right but the date or time does not exist (2023-02-29, 24:00).
    Impossible,
    /// A time zone other than Vietnam's (+07:00).
    Offset,
}

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

/// `YYYY-MM-DD`.
///
/// # Errors
/// [`DateTimeError`] when the text is not of that form or names no real day.
pub fn parse_date(s: &str) -> Result<CalendarDate, DateTimeError> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return Err(DateTimeError::Layout);
    }
    let (y, m, d) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..]));
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(DateTimeError::Layout);
    };
    // y < 10000 and m, d < 100 by their digit counts.
    CalendarDate::new(y as u16, m as u8, d as u8).ok_or(DateTimeError::Impossible)
}

/// `YYYY-MM-DD[T ]HH:MM[:SS][+07:00]`.
///
/// # Errors
/// [`DateTimeError`] when the text is not of that form, names no real day or time, or
/// gives an offset other than +07:00.
pub fn parse_datetime(s: &str) -> Result<DateTime, DateTimeError> {
    let b = s.as_bytes();
    if b.len() < 16 || !matches!(b[10], b'T' | b' ') {
        return Err(DateTimeError::Layout);
    }
    let date = parse_date(&s[..10])?;
    let rest = &b[11..];
    let (clock, zone) = match rest.len() {
        5 | 8 => (rest, &[][..]),
        n if n > 8 && matches!(rest[8], b'+' | b'-' | b'Z') => rest.split_at(8),
        n if n > 5 && matches!(rest[5], b'+' | b'-' | b'Z') => rest.split_at(5),
        _ => return Err(DateTimeError::Layout),
    };
    let layout = clock_layout(clock)?;
    match zone {
        [] | b"+07:00" => {}
        [b'Z'] => return Err(DateTimeError::Offset),
        [b'+' | b'-', h1, h2, b':', m1, m2]
            if [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()) =>
        {
            return Err(DateTimeError::Offset)
        }
        _ => return Err(DateTimeError::Layout),
    }
    Ok(DateTime {
        day: date.to_days(),
        second: clock_value(layout)?,
    })
}

/// The hour, minute and second of `HH:MM` or `HH:MM:SS`, not yet checked as a time.
fn clock_layout(clock: &[u8]) -> Result<(u32, u32, u32), DateTimeError> {
    if !matches!(clock.len(), 5 | 8) || clock[2] != b':' || (clock.len() == 8 && clock[5] != b':') {
        return Err(DateTimeError::Layout);
    }
    let h = digits(&clock[..2]).ok_or(DateTimeError::Layout)?;
    let m = digits(&clock[3..5]).ok_or(DateTimeError::Layout)?;
    let sec = match clock.len() {
        8 => digits(&clock[6..8]).ok_or(DateTimeError::Layout)?,
        _ => 0,
    };
    Ok((h, m, sec))
}

/// Seconds since midnight of a time that exists (00:00:00–23:59:59).
fn clock_value((h, m, sec): (u32, u32, u32)) -> Result<u32, DateTimeError> {
    if h > 23 || m > 59 || sec > 59 {
        return Err(DateTimeError::Impossible);
    }
    Ok(DateTime::clock(h, m, sec))
}

/// A time of day, `HH:MM` or `HH:MM:SS`, as seconds since midnight.
///
/// # Errors
/// [`DateTimeError`] when the text is not of that form or names no real time (24:00).
pub fn parse_clock(s: &str) -> Result<u32, DateTimeError> {
    clock_value(clock_layout(s.as_bytes())?)
}

/// A time of day, "HH:MM" or "HH:MM:SS" as text (an office's close).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    /// Seconds since midnight, 0–86399.
    pub second: u32,
}

impl std::fmt::Display for ClockTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (h, m, s) = (self.second / 3600, self.second / 60 % 60, self.second % 60);
        write!(f, "{h:02}:{m:02}")?;
        if s != 0 {
            write!(f, ":{s:02}")?;
        }
        Ok(())
    }
}

impl std::str::FromStr for ClockTime {
    type Err = DateTimeError;
    fn from_str(s: &str) -> Result<Self, DateTimeError> {
        parse_clock(s).map(|second| ClockTime { second })
    }
}

impl serde::Serialize for ClockTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date alone (`YYYY-MM-DD`) or a date-time: the day, and the second when a time is given.
///
/// # Errors
/// As [`parse_date`] and [`parse_datetime`].
pub fn parse_date_or_datetime(s: &str) -> Result<(DayNumber, Option<u32>), DateTimeError> {
    if s.len() == 10 {
        return parse_date(s).map(|d| (d.to_days(), None));
    }
    parse_datetime(s).map(|t| (t.day, Some(t.second)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> (String, u32) {
        let t = parse_datetime(s).unwrap();
        (
            CalendarDate::from_days(t.day).unwrap().to_string(),
            t.second,
        )
    }

    #[test]
    fn layouts() {
        assert_eq!(
            at("2021-06-07T08:30"),
            ("2021-06-07".into(), 8 * 3600 + 30 * 60)
        );
        assert_eq!(
            at("2021-06-07 08:30:15"),
            ("2021-06-07".into(), 8 * 3600 + 30 * 60 + 15)
        );
        assert_eq!(
            at("2021-06-07T23:59:59+07:00"),
            ("2021-06-07".into(), 86_399)
        );
        assert_eq!(at("2021-06-07T00:00+07:00").1, 0);
        for (s, e) in [
            ("2021-06-07T08:30Z", DateTimeError::Offset),
            ("2021-06-07T08:30:00+08:00", DateTimeError::Offset),
            ("2021-06-07T08:30-05:00", DateTimeError::Offset),
            ("2021-06-07T08:30+0700", DateTimeError::Layout),
            ("07/06/2021 08:30", DateTimeError::Layout),
            ("2021-6-7T08:30", DateTimeError::Layout),
            ("2021-06-07", DateTimeError::Layout),
            ("2021-06-07T8:30", DateTimeError::Layout),
            ("2021-06-07T08:30:5", DateTimeError::Layout),
            ("2023-02-29T08:00", DateTimeError::Impossible),
            ("2021-06-07T24:00", DateTimeError::Impossible),
            ("2021-06-07T12:60", DateTimeError::Impossible),
            ("", DateTimeError::Layout),
        ] {
            assert_eq!(parse_datetime(s), Err(e), "{s}");
        }
    }

    #[test]
    fn clocks() {
        assert_eq!(parse_clock("17:00"), Ok(61_200));
        assert_eq!(parse_clock("17:30:15"), Ok(63_015));
        assert_eq!(parse_clock("00:00"), Ok(0));
        assert_eq!(parse_clock("23:59:59"), Ok(86_399));
        for (s, e) in [
            ("24:00", DateTimeError::Impossible),
            ("17:60", DateTimeError::Impossible),
            ("17:00:60", DateTimeError::Impossible),
            ("17h00", DateTimeError::Layout),
            ("7:00", DateTimeError::Layout),
            ("17:00:0", DateTimeError::Layout),
            ("17:00+07:00", DateTimeError::Layout),
            ("", DateTimeError::Layout),
        ] {
            assert_eq!(parse_clock(s), Err(e), "{s}");
        }
    }

    #[test]
    fn dates_alone() {
        assert_eq!(parse_date_or_datetime("2024-02-29").unwrap().1, None);
        assert_eq!(
            parse_date_or_datetime("2024-02-29 10:00").unwrap().1,
            Some(36_000)
        );
        assert_eq!(parse_date("2023-02-29"), Err(DateTimeError::Impossible));
        assert_eq!(parse_date("2023/02/28"), Err(DateTimeError::Layout));
    }
}
