//! The Vietnamese lunar calendar (âm lịch) at UTC+7, and the statutory days off computed
//! by rule for the years the official data does not cover (a provisional calendar).
//!
//! The lunar calendar follows Hồ Ngọc Đức, "Thuật toán tính âm lịch"
//! (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html>; the functions
//! `jdFromDate`, `NewMoon`, `SunLongitude`, `getNewMoonDay`, `getSunLongitude`,
//! `getLunarMonth11`, `getLeapMonthOffset` and `convertLunar2Solar` of his `amlich.js`), the
//! algorithm used for the Vietnamese calendar. Its rules:
//!
//! 1. a lunar month begins on the day (at UTC+7, meridian 105° E) that contains the new
//!    moon;
//! 2. the winter solstice always falls in month 11;
//! 3. a year from one month 11 to the next with 13 months has a leap month: the first month
//!    after month 11 that contains no major solar term (trung khí).
//!
//! The astronomy is the low-precision series of Jean Meeus, *Astronomical Algorithms*
//! (1998), in `f64`, exactly as Hồ Ngọc Đức published it. It is meant for years near the
//! present: far from it (centuries) the series drift and a month may start a day off.
//! Because the day boundary is taken at UTC+7, the Vietnamese calendar differs from the
//! Chinese one (UTC+8) whenever a new moon falls between 23:00 and 24:00 Vietnamese time:
//! Tết 2030 is Saturday 2030-02-02 in Vietnam and 2030-02-03 in China.
//!
//! Deviations from the published code (none changes the date of an existing lunar date
//! after 1582):
//! dates are proleptic Gregorian throughout (like [`CalendarDate`]; the published
//! `jdFromDate` switches to the Julian calendar before 1582-10-15); a leap month 12 is
//! numbered 12 (the published `convertLunar2Solar` computes it as 0); a leap month the year
//! does not have, or a day 30 of a 29-day month, gives `None` instead of some other date.

use super::date::{weekday_of, CalendarDate, DayNumber, Weekday};
use std::collections::BTreeSet;
use std::f64::consts::PI;

/// Vietnamese civil time, hours east of Greenwich.
const TIME_ZONE: f64 = 7.0;

/// The Julian day number of 1970-01-01 (day number 0).
const JD_OF_DAY_ZERO: i64 = 2_440_588;

/// The mean synodic month in days, as in the published algorithm.
const SYNODIC_MONTH: f64 = 29.530588853;

/// The lunar years served. Outside them the answer is `None` (the astronomy would be
/// meaningless long before, and the Gregorian years must fit a `CalendarDate`).
const LUNAR_YEARS: std::ops::RangeInclusive<i32> = 1..=9998;

/// The Julian day number of a Gregorian date (`jdFromDate`, proleptic Gregorian).
fn jd_from_date(date: CalendarDate) -> i64 {
    i64::from(date.to_days()) + JD_OF_DAY_ZERO
}

/// The Julian date (UT) of new moon number `k` after the one of 1900-01-01 (`NewMoon`;
/// Meeus, *Astronomical Algorithms*, ch. 49, low precision).
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85; // Julian centuries from 1900-01-00.5
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin(); // mean new moon
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // Sun's mean anomaly
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // Moon's mean anomaly
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // Moon's argument of latitude
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - delta_t
}

/// The Sun's true longitude in radians, in [0, 2π), at Julian date `jdn` (`SunLongitude`;
/// Meeus, *Astronomical Algorithms*, ch. 25, low precision).
fn sun_longitude(jdn: f64) -> f64 {
    let t = (jdn - 2451545.0) / 36525.0; // Julian centuries from 2000-01-01 12:00 UT
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2; // mean anomaly
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2; // mean longitude
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// The first day (Julian day number) of the lunar month that contains new moon `k`, at
/// `time_zone` hours east of Greenwich (`getNewMoonDay`).
fn new_moon_day(k: i64, time_zone: f64) -> i64 {
    (new_moon(k) + 0.5 + time_zone / 24.0).floor() as i64
}

/// The 30° sector (0–11, 0 = from the spring equinox) of the Sun's longitude at the start
/// of local day `day` (`getSunLongitude`). Sectors 9, 10, 11 begin at the winter solstice,
/// Đại hàn and Vũ thủy.
fn sun_sector(day: i64, time_zone: f64) -> i64 {
    (sun_longitude(day as f64 - 0.5 - time_zone / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 of `year`, the month containing the winter solstice
/// (`getLunarMonth11`).
fn lunar_month_11(year: i32, time_zone: f64) -> Option<i64> {
    let dec31 = CalendarDate::new(u16::try_from(year).ok()?, 12, 31)?;
    let off = jd_from_date(dec31) - 2415021;
    let k = (off as f64 / SYNODIC_MONTH).floor() as i64;
    let nm = new_moon_day(k, time_zone);
    // The new moon on or before 31/12 may already be past the solstice: take the one before.
    Some(if sun_sector(nm, time_zone) >= 9 {
        new_moon_day(k - 1, time_zone)
    } else {
        nm
    })
}

/// In a 13-month span starting with month 11 on day `a11`, the offset (1–13) of the leap
/// month: the first month whose start has the Sun in the same sector as the next month's
/// start, i.e. that contains no major term (`getLeapMonthOffset`).
fn leap_month_offset(a11: i64, time_zone: f64) -> i64 {
    let k = ((a11 as f64 - 2415021.076998695) / SYNODIC_MONTH + 0.5).floor() as i64;
    let mut i = 1; // the month after month 11
    let mut arc = sun_sector(new_moon_day(k + i, time_zone), time_zone);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, time_zone), time_zone);
        if arc == last || i >= 14 {
            return i - 1;
        }
    }
}

/// The Julian day number of a lunar date at `time_zone` (`convertLunar2Solar`), or `None`
/// if the date does not exist.
fn lunar_to_jd(year: i32, month: u8, day: u8, leap: bool, time_zone: f64) -> Option<i64> {
    if !LUNAR_YEARS.contains(&year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    // Months 11 and 12 of `year` start its 11-to-11 span; months 1–10 end the previous one.
    let first = if month < 11 { year - 1 } else { year };
    let a11 = lunar_month_11(first, time_zone)?;
    let b11 = lunar_month_11(first + 1, time_zone)?;
    let k = (0.5 + (a11 as f64 - 2415021.076998695) / SYNODIC_MONTH).floor() as i64;
    let mut off = (i64::from(month) + 1) % 12; // 11 → 0, 12 → 1, 1 → 2, …, 10 → 11
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11, time_zone);
        // The leap month repeats the number of the month before it (offset leap_off − 1).
        let leap_month = (leap_off + 9) % 12 + 1;
        if leap && i64::from(month) != leap_month {
            return None;
        }
        if leap || off >= leap_off {
            off += 1;
        }
    } else if leap {
        return None;
    }
    let start = new_moon_day(k + off, time_zone);
    let length = new_moon_day(k + off + 1, time_zone) - start;
    (i64::from(day) <= length).then_some(start + i64::from(day) - 1)
}

/// A Julian day number as a date.
fn jd_to_date(jd: i64) -> Option<CalendarDate> {
    CalendarDate::from_days(DayNumber::try_from(jd - JD_OF_DAY_ZERO).ok()?)
}

/// The Gregorian date of a Vietnamese lunar date: day `lunar_day` of month `lunar_month`
/// (of the leap month of that number if `leap_month`) of the lunar year that begins in
/// Gregorian year `lunar_year`.
///
/// `None` if the date does not exist: a month outside 1–12, a day outside 1–30, a day 30
/// of a 29-day month, a leap month the year does not have, or a year outside 1–9998.
///
/// Source: Hồ Ngọc Đức, "Thuật toán tính âm lịch", `convertLunar2Solar` with time zone +7
/// (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html>); see the module
/// documentation for the few deviations.
pub fn lunar_to_solar(
    lunar_year: i32,
    lunar_month: u8,
    lunar_day: u8,
    leap_month: bool,
) -> Option<CalendarDate> {
    jd_to_date(lunar_to_jd(
        lunar_year,
        lunar_month,
        lunar_day,
        leap_month,
        TIME_ZONE,
    )?)
}

/// Tết Nguyên đán: lunar 1/1 of the lunar year that begins in Gregorian `year`, in the
/// Vietnamese calendar (UTC+7; it can differ from the Chinese New Year, e.g. 2030).
///
/// Source: Hồ Ngọc Đức, "Thuật toán tính âm lịch"
/// (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html>), via
/// [`lunar_to_solar`].
pub fn tet(year: i32) -> Option<CalendarDate> {
    lunar_to_solar(year, 1, 1, false)
}

/// Giỗ Tổ Hùng Vương: lunar 10/3 (of the ordinary month 3, never a leap 3) of the lunar
/// year that begins in Gregorian `year`; a paid holiday by Labour Code 2019 Art. 112.1.
///
/// Source: Hồ Ngọc Đức, "Thuật toán tính âm lịch"
/// (<https://www.informatik.uni-leipzig.de/~duc/amlich/calrules_vn.html>), via
/// [`lunar_to_solar`].
pub fn gio_to(year: i32) -> Option<CalendarDate> {
    lunar_to_solar(year, 3, 10, false)
}

/// The holidays of Gregorian `year` by rule (weekends included), as day numbers: 1/1; the
/// last day of the previous lunar year and lunar 1/1–4/1; lunar 10/3; 30/4; 1/5; 2/9, 3/9.
fn holidays(year: i32) -> Vec<DayNumber> {
    let Ok(y) = u16::try_from(year) else {
        return Vec::new();
    };
    let mut days: Vec<DayNumber> = [(1, 1), (4, 30), (5, 1), (9, 2), (9, 3)]
        .iter()
        .filter_map(|&(m, d)| CalendarDate::new(y, m, d))
        .map(CalendarDate::to_days)
        .collect();
    if let Some(t) = tet(year) {
        let t = t.to_days();
        days.extend(t - 1..=t + 3);
    }
    days.extend(gio_to(year).map(CalendarDate::to_days));
    days
}

/// Saturday or Sunday: the weekly rest days of state agencies.
fn is_weekend(day: DayNumber) -> bool {
    matches!(weekday_of(day), Weekday::Saturday | Weekday::Sunday)
}

/// The weekdays (Monday–Friday) off in Gregorian `year` by the statutory rule, sorted,
/// without duplicates: a provisional calendar for the years the official data (which
/// also has the Prime Minister's choices and swaps) does not cover.
///
/// The holidays are 1/1; Tết = the last day of the lunar year (29 or 30 of month 12) and
/// lunar 1/1–4/1 (5 days); lunar 10/3; 30/4; 1/5; 2/9 and 3/9. Each that falls on a
/// Saturday or Sunday gives the next working day (Monday–Friday, not a holiday and not
/// already given) off, in date order, so several weekend holidays give several
/// consecutive days. Holidays of the neighbouring years are included, so a compensation
/// day spilling into `year` is counted.
///
/// Source: Labour Code 2019 (Bộ luật Lao động 45/2019/QH14) Art. 112.1 (the holidays) and
/// Art. 111.3 (the compensation day), as our spec states them. The law lets the Prime
/// Minister place the 5 Tết days and the second Quốc khánh day (Art. 112.3); the rule fixes
/// them as above, so an official year may differ (2021: 29 Chạp–mùng 3 instead of
/// 30 Chạp–mùng 4). Before 2021 the Labour Code 2012 (Art. 115) had Quốc khánh as 1 day;
/// the rule here does not model that.
pub fn statutory_days_off(year: i32) -> Vec<CalendarDate> {
    let mut all: Vec<DayNumber> = (year.saturating_sub(1)..=year.saturating_add(1))
        .flat_map(holidays)
        .collect();
    all.sort_unstable();
    all.dedup();
    let mut off: BTreeSet<DayNumber> = all.iter().copied().filter(|&d| !is_weekend(d)).collect();
    for &h in all.iter().filter(|&&h| is_weekend(h)) {
        let mut d = h + 1;
        while is_weekend(d) || off.contains(&d) {
            d += 1;
        }
        off.insert(d);
    }
    off.into_iter()
        .filter_map(CalendarDate::from_days)
        .filter(|d| i32::from(d.year) == year)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: u16, month: u8, day: u8) -> CalendarDate {
        CalendarDate::new(year, month, day).unwrap()
    }

    /// "MM-DD" strings of `year` as dates.
    fn dates(year: u16, days: &[&str]) -> Vec<CalendarDate> {
        days.iter()
            .map(|s| d(year, s[..2].parse().unwrap(), s[3..].parse().unwrap()))
            .collect()
    }

    /// Tết and Giỗ Tổ 2019–2030, from `shared/data/vn-holidays.json` ("lunar"): 2019–2027
    /// Tết and 2019–2026 Giỗ Tổ read in news sources, the rest computed there and checked
    /// against PyEphem new moons.
    const LUNAR: [(i32, &str, &str); 12] = [
        (2019, "2019-02-05", "2019-04-14"),
        (2020, "2020-01-25", "2020-04-02"),
        (2021, "2021-02-12", "2021-04-21"),
        (2022, "2022-02-01", "2022-04-10"),
        (2023, "2023-01-22", "2023-04-29"),
        (2024, "2024-02-10", "2024-04-18"),
        (2025, "2025-01-29", "2025-04-07"),
        (2026, "2026-02-17", "2026-04-26"),
        (2027, "2027-02-06", "2027-04-16"),
        (2028, "2028-01-26", "2028-04-04"),
        (2029, "2029-02-13", "2029-04-23"),
        (2030, "2030-02-02", "2030-04-12"),
    ];

    #[test]
    fn tet_and_gio_to_2019_2030() {
        for (year, t, g) in LUNAR {
            assert_eq!(tet(year).unwrap().to_string(), t, "Tết {year}");
            assert_eq!(gio_to(year).unwrap().to_string(), g, "Giỗ Tổ {year}");
        }
    }

    #[test]
    fn tet_and_gio_to_match_the_shared_data_file() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/vn-holidays.json"
        );
        let Ok(text) = std::fs::read_to_string(path) else {
            println!("note: {path} is absent; the lunar dates are checked by the constants only");
            return;
        };
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let lunar = json["lunar"].as_object().expect("a \"lunar\" section");
        for (year, entry) in lunar {
            let y: i32 = year.parse().unwrap();
            assert_eq!(
                tet(y).unwrap().to_string(),
                entry["tet"].as_str().unwrap(),
                "Tết {y}"
            );
            assert_eq!(
                gio_to(y).unwrap().to_string(),
                entry["gio_to"].as_str().unwrap(),
                "Giỗ Tổ {y}"
            );
        }
        assert!(lunar.len() >= 12, "{} years in the file", lunar.len());
    }

    #[test]
    fn tet_2030_is_saturday_at_utc7_not_sunday_at_utc8() {
        // The new moon is at 23:07 UTC+7 on 2030-02-02: the Vietnamese month starts that
        // day, the Chinese one (UTC+8, already 00:07 on 02-03) the next.
        let t = tet(2030).unwrap();
        assert_eq!((t, t.weekday()), (d(2030, 2, 2), Weekday::Saturday));
        let at_utc8 = lunar_to_jd(2030, 1, 1, false, 8.0).and_then(jd_to_date);
        assert_eq!(at_utc8, Some(d(2030, 2, 3)));
        // So month 12 of Kỷ Dậu has 29 days at UTC+7: the last day of the year is
        // 29 Chạp = Friday 2030-02-01.
        assert_eq!(lunar_to_solar(2029, 12, 29, false), Some(d(2030, 2, 1)));
        assert_eq!(lunar_to_solar(2029, 12, 30, false), None);
    }

    #[test]
    fn known_and_impossible_lunar_dates() {
        // 2021: 10/02 = 29 Chạp, 11/02 = 30 Chạp Canh Tý (a 30-day month).
        assert_eq!(lunar_to_solar(2020, 12, 29, false), Some(d(2021, 2, 10)));
        assert_eq!(lunar_to_solar(2020, 12, 30, false), Some(d(2021, 2, 11)));
        // 2022: 31/01 = 29 Chạp Tân Sửu, then Tết: no 30 Chạp.
        assert_eq!(lunar_to_solar(2021, 12, 29, false), Some(d(2022, 1, 31)));
        assert_eq!(lunar_to_solar(2021, 12, 30, false), None);
        // Leap months: 2 of Quý Mão 2023 (22/03–19/04), 4 of Canh Tý 2020 (23/05–20/06),
        // 6 of Ất Tỵ 2025 (25/07–22/08), 11 of Quý Sửu 2033.
        assert_eq!(lunar_to_solar(2023, 2, 1, true), Some(d(2023, 3, 22)));
        assert_eq!(lunar_to_solar(2023, 2, 29, true), Some(d(2023, 4, 19)));
        assert_eq!(lunar_to_solar(2023, 3, 1, false), Some(d(2023, 4, 20)));
        assert_eq!(lunar_to_solar(2020, 4, 1, true), Some(d(2020, 5, 23)));
        assert_eq!(lunar_to_solar(2020, 4, 29, true), Some(d(2020, 6, 20)));
        assert_eq!(lunar_to_solar(2025, 6, 1, true), Some(d(2025, 7, 25)));
        assert_eq!(lunar_to_solar(2025, 6, 29, true), Some(d(2025, 8, 22)));
        assert!(lunar_to_solar(2033, 11, 1, true).is_some());
        // Leap months a year does not have.
        assert_eq!(lunar_to_solar(2024, 2, 1, true), None); // 2024: no leap month
        assert_eq!(lunar_to_solar(2023, 3, 1, true), None); // 2023: leap 2, not 3
        assert_eq!(lunar_to_solar(2033, 10, 1, true), None);
        // Out of range.
        assert_eq!(lunar_to_solar(2024, 0, 1, false), None);
        assert_eq!(lunar_to_solar(2024, 13, 1, false), None);
        assert_eq!(lunar_to_solar(2024, 1, 0, false), None);
        assert_eq!(lunar_to_solar(2024, 1, 31, false), None);
        assert_eq!(lunar_to_solar(0, 1, 1, false), None);
        assert_eq!(tet(i32::MAX), None);
        assert!(statutory_days_off(i32::MIN).is_empty());
        // Years where Vietnam and China differ: Tết Ất Sửu 1985 a month earlier in
        // Vietnam (China: 1985-02-20); Tết Đinh Hợi 2007 a day earlier (China: 02-18).
        assert_eq!(tet(1985), Some(d(1985, 1, 21)));
        assert_eq!(tet(2007), Some(d(2007, 2, 17)));
    }

    /// Every lunar date of the lunar years `years`, in order, is the day after the one
    /// before: no gap, no overlap, 29- or 30-day months, 12 or 13 months a year.
    fn assert_contiguous(years: std::ops::RangeInclusive<i32>) {
        let mut next = tet(*years.start()).unwrap().to_days();
        for year in years {
            let months: Vec<(u8, bool)> = (1..=12u8)
                .flat_map(|m| [(m, false), (m, true)])
                .filter(|&(m, leap)| lunar_to_solar(year, m, 1, leap).is_some())
                .collect();
            assert!(matches!(months.len(), 12 | 13), "{year}: {months:?}");
            for (m, leap) in months {
                let days: Vec<DayNumber> = (1..=31u8)
                    .map_while(|day| lunar_to_solar(year, m, day, leap))
                    .map(CalendarDate::to_days)
                    .collect();
                assert!(matches!(days.len(), 29 | 30), "{year}/{m} {leap}: {days:?}");
                for day in days {
                    assert_eq!(day, next, "{year}/{m} leap {leap}");
                    next += 1;
                }
            }
            assert_eq!(tet(year + 1).unwrap().to_days(), next, "Tết {}", year + 1);
        }
    }

    #[test]
    fn lunar_days_are_contiguous() {
        // 2017–2035 has leap months 6, 4, 2, 6, 5, 3 and 11 (2033).
        assert_contiguous(2017..=2035);
        // A leap month 12 (lunar year 1498 by this algorithm; the astronomy is rough that
        // far back, but the numbering is what is checked): the published code numbers it 0
        // and would lose the month.
        assert_eq!(lunar_to_solar(1498, 12, 1, true), Some(d(1499, 1, 21)));
        assert_contiguous(1497..=1499);
    }

    #[test]
    fn statutory_days_off_2027() {
        let expected = dates(
            2027,
            &[
                "01-01", // 1/1: Friday
                // Tết Đinh Mùi = Sat 06/02; the 5 days are 05/02 Fri (29 Chạp, the last
                // day of Bính Ngọ), 06 Sat, 07 Sun, 08 Mon, 09 Tue (mùng 4).
                "02-05", // 29 Chạp (Fri)
                "02-08", // mùng 3 (Mon)
                "02-09", // mùng 4 (Tue)
                "02-10", // compensation for Sat 06/02: the next working day after Tue 09
                "02-11", // compensation for Sun 07/02
                "04-16", // Giỗ Tổ 10/3 Đinh Mùi: Friday
                "04-30", // 30/4: Friday
                "05-03", // 1/5 is a Saturday: compensation Monday 03/05
                "09-02", // 2/9: Thursday
                "09-03", // 3/9: Friday
            ],
        );
        assert_eq!(statutory_days_off(2027), expected);
    }

    #[test]
    fn statutory_days_off_2030() {
        let expected = dates(
            2030,
            &[
                "01-01", // 1/1: Tuesday
                // Tết Canh Tuất = Sat 02/02; the 5 days are 01/02 Fri (29 Chạp, the last
                // day of Kỷ Dậu), 02 Sat, 03 Sun, 04 Mon, 05 Tue (mùng 4).
                "02-01", // 29 Chạp (Fri)
                "02-04", // mùng 3 (Mon)
                "02-05", // mùng 4 (Tue)
                "02-06", // compensation for Sat 02/02: the next working day after Tue 05
                "02-07", // compensation for Sun 03/02
                "04-12", // Giỗ Tổ 10/3 Canh Tuất: Friday
                "04-30", // 30/4: Tuesday
                "05-01", // 1/5: Wednesday
                "09-02", // 2/9: Monday
                "09-03", // 3/9: Tuesday
            ],
        );
        assert_eq!(statutory_days_off(2030), expected);
    }

    #[test]
    fn statutory_days_off_are_sorted_weekdays_of_the_year() {
        for year in 1990..=2100 {
            let off = statutory_days_off(year);
            assert!(off.windows(2).all(|w| w[0] < w[1]), "{year}: {off:?}");
            assert!(off
                .iter()
                .all(|d| i32::from(d.year) == year && !is_weekend(d.to_days())));
            // 11 holidays (10 days, Giỗ Tổ may coincide with 30/4), each a weekday off of
            // its own or through a compensation day.
            assert!(matches!(off.len(), 10 | 11), "{year}: {off:?}");
        }
    }

    /// The rule against the official weekday offs (`vn-holidays.json`, "years") of years
    /// without swaps. The rule is not a subset of the official days: the Prime Minister
    /// places the 5 Tết days and the second Quốc khánh day (Labour Code 2019 Art. 112.3),
    /// and has often chosen differently from the rule.
    #[test]
    fn statutory_rule_against_official_years() {
        /// A year's official weekday offs, and the days only the rule has and only the
        /// official list has.
        struct Case(
            u16,
            &'static [&'static str],
            &'static [&'static str],
            &'static [&'static str],
        );
        let cases = [
            // 2021 (no swap): Tết Tân Sửu = Fri 12/02. The rule's 5 days are 11/02 Thu
            // (30 Chạp) … 15/02 Mon (mùng 4); Sat 13 and Sun 14 give Tue 16 and Wed 17.
            // The PM chose 10/02 (29 Chạp) … 14/02 (mùng 3) instead (Công văn
            // 9895/VPCP-KGVX), so compensation Mon 15 and Tue 16: the official days have
            // 10/02 and not 17/02 – the same count, one day earlier. The rest agrees:
            // 1/1 Fri, Giỗ Tổ Wed 21/04, 30/4 Fri, 1/5 Sat → Mon 03/05, 2–3/9 Thu–Fri.
            Case(
                2021,
                &[
                    "01-01", "02-10", "02-11", "02-12", "02-15", "02-16", "04-21", "04-30",
                    "05-03", "09-02", "09-03",
                ],
                &["02-17"],
                &["02-10"],
            ),
            // 2022 (no swap): Tết agrees (31/01 Mon = 29 Chạp … 04/02 Fri); 1/1 Sat → Mon
            // 03/01; Giỗ Tổ Sun 10/04 → Mon 11/04; 30/4 Sat, 1/5 Sun → Mon 02, Tue 03/05.
            // Quốc khánh: the PM chose 1/9 Thu; the rule's 3/9 is a Saturday → Mon 05/09.
            Case(
                2022,
                &[
                    "01-03", "01-31", "02-01", "02-02", "02-03", "02-04", "04-11", "05-02",
                    "05-03", "09-01", "09-02",
                ],
                &["09-05"],
                &["09-01"],
            ),
            // 2023 (no swap): 1/1 Sun → Mon 02/01; Giỗ Tổ Sat 29/04, 30/4 Sun, 1/5 Mon →
            // Tue 02 and Wed 03/05, as officially. Tết Quý Mão = Sun 22/01: the rule's days
            // 21/01 Sat (30 Chạp) … 25/01 Wed give 23–25 and compensation 26, 27/01; the PM
            // chose 20/01 (29 Chạp) … 24/01, so 20, 23, 24 and compensation 25, 26/01.
            // Quốc khánh: the PM chose 1/9 Fri (2/9 Sat → Mon 04/09); the rule's 2/9 Sat,
            // 3/9 Sun give Mon 04 and Tue 05/09.
            Case(
                2023,
                &[
                    "01-02", "01-20", "01-23", "01-24", "01-25", "01-26", "05-01", "05-02",
                    "05-03", "09-01", "09-04",
                ],
                &["01-27", "09-05"],
                &["01-20", "09-01"],
            ),
        ];
        for Case(year, official, rule_only, official_only) in cases {
            let official = dates(year, official);
            let rule = statutory_days_off(i32::from(year));
            let only_rule: Vec<_> = rule
                .iter()
                .filter(|d| !official.contains(d))
                .copied()
                .collect();
            let only_official: Vec<_> = official
                .iter()
                .filter(|d| !rule.contains(d))
                .copied()
                .collect();
            assert_eq!(only_rule, dates(year, rule_only), "{year}: only by rule");
            assert_eq!(
                only_official,
                dates(year, official_only),
                "{year}: only official"
            );
        }
    }
}
