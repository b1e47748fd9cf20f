//! Text → the date and date-time parsers (dossiers.md §1), against an independent reading
//! with jiff; what parses prints back to text that parses to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc_score::calendar::{
    parse_date, parse_date_or_datetime, parse_datetime, CalendarDate, DateTimeError, DAY_SECONDS,
};
use tthc_score::input::{At, Day, DayOrAt};
use tthc_score::Code;

/// The day number of `YYYY-MM-DD` by jiff, when the layout is right (four, two and two
/// ASCII digits) and the date exists.
fn jiff_day(s: &str) -> Option<Result<i32, ()>> {
    let b = s.as_bytes();
    let layout = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && [0, 1, 2, 3, 5, 6, 8, 9]
            .iter()
            .all(|&i| b[i].is_ascii_digit());
    if !layout {
        return None;
    }
    let n = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap();
    let (y, m, d) = (n(0..4), n(5..7), n(8..10));
    Some(match jiff::civil::Date::new(y, m as i8, d as i8) {
        Ok(date) => {
            let epoch = jiff::civil::date(1970, 1, 1);
            Ok(epoch.until(date).unwrap().get_days())
        }
        Err(_) => Err(()),
    })
}

fn check_date(s: &str) {
    let ours = parse_date(s);
    match (jiff_day(s), ours) {
        (None, Err(DateTimeError::Layout)) => {}
        (Some(Err(())), Err(DateTimeError::Impossible)) => {}
        (Some(Ok(n)), Ok(d)) => {
            assert_eq!(d.to_days(), n, "{s:?}");
            assert_eq!(CalendarDate::from_days(n), Some(d));
            // The only layout prints back as itself.
            assert_eq!(d.to_string(), s);
        }
        (j, o) => panic!("{s:?}: jiff {j:?}, ours {o:?}"),
    }
    assert_eq!(Day::parse(s).ok().map(|d| d.0), ours.ok());
}

fn check_datetime(s: &str) {
    let t = match parse_datetime(s) {
        Ok(t) => t,
        Err(e) => {
            let (code, vi, en) = At::parse(s).expect_err("the same parser");
            let expected = match e {
                DateTimeError::Offset => Code::TimeZoneNotVietnam,
                _ => Code::DateTimeInvalid,
            };
            assert_eq!(code, expected);
            assert!(!vi.is_empty() && !en.is_empty());
            return;
        }
    };
    assert!(t.second < DAY_SECONDS);
    // The text is a date, a separator, a clock and maybe +07:00.
    let b = s.as_bytes();
    assert!(matches!(b[10], b'T' | b' '), "{s:?}");
    let date = parse_date(&s[..10]).expect("the date part parses alone");
    assert_eq!(date.to_days(), t.day);
    let clock = s[11..].strip_suffix("+07:00").unwrap_or(&s[11..]);
    assert!(matches!(clock.len(), 5 | 8), "{s:?}");
    let (h, m, sec) = (t.second / 3600, t.second / 60 % 60, t.second % 60);
    let printed = if clock.len() == 5 {
        assert_eq!(sec, 0);
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{sec:02}")
    };
    assert_eq!(clock, printed, "{s:?}");
    // Printing and reading back.
    let at = At::parse(s).expect("the same parser");
    assert_eq!(at.0, t);
    let text = at.to_string();
    assert_eq!(At::parse(&text).unwrap(), at, "{text:?}");
    let json = serde_json::to_string(&at).unwrap();
    assert_eq!(serde_json::from_str::<At>(&json).unwrap(), at, "{json}");
}

fn check_date_or_datetime(s: &str) {
    let r = parse_date_or_datetime(s);
    let expected = if s.len() == 10 {
        parse_date(s).map(|d| (d.to_days(), None))
    } else {
        parse_datetime(s).map(|t| (t.day, Some(t.second)))
    };
    assert_eq!(r, expected);
    if let Ok((day, second)) = r {
        let v = DayOrAt::parse(s).expect("the same parser");
        assert_eq!((v.day, v.second), (day, second));
        let text = v.to_string();
        assert_eq!(DayOrAt::parse(&text).unwrap(), v, "{text:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_date(s);
    check_datetime(s);
    check_date_or_datetime(s);
});
