//! The civil-date arithmetic of the calendar checked against an independent library (jiff)
//! over every day of 2019–2030: day numbers, weekdays, parsing and formatting.

use jiff::civil::{Date, Weekday as J};
use tthc_score::calendar::{parse_date, CalendarDate, Weekday};

#[test]
fn every_day_2019_2030_agrees_with_jiff() {
    let epoch = Date::constant(1970, 1, 1);
    let mut d = Date::constant(2019, 1, 1);
    let end = Date::constant(2030, 12, 31);
    let mut days = 0;
    while d <= end {
        let ours = CalendarDate::new(d.year() as u16, d.month() as u8, d.day() as u8).unwrap();
        let n = (d - epoch).get_days();
        assert_eq!(ours.to_days(), n, "{d}");
        assert_eq!(CalendarDate::from_days(n), Some(ours), "{d}");
        let w = match d.weekday() {
            J::Monday => Weekday::Monday,
            J::Tuesday => Weekday::Tuesday,
            J::Wednesday => Weekday::Wednesday,
            J::Thursday => Weekday::Thursday,
            J::Friday => Weekday::Friday,
            J::Saturday => Weekday::Saturday,
            J::Sunday => Weekday::Sunday,
        };
        assert_eq!(ours.weekday(), w, "{d}");
        assert_eq!(ours.to_string(), d.to_string());
        assert_eq!(parse_date(&d.to_string()), Ok(ours));
        days += 1;
        d = d.tomorrow().unwrap();
    }
    assert_eq!(days, 4383);
}
