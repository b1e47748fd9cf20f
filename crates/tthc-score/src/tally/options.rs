//! The options of a tally, as the CLI and the JSON/WebAssembly APIs give them.

use super::Tally;
use crate::calendar::{CalendarBuilder, CalendarDate, ClockTime, OfficeHours};
use crate::classify::{CalendarMode, Policy};
use crate::error::Problem;
use crate::input::Period;
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// The years a provisional calendar covers: days off outside the official data are
/// computed by rule for these years.
pub const PROVISIONAL_YEARS: (u16, u16) = (2000, 2100);

/// Changes to the official calendar (a province's own swap).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(
    rename_all = "camelCase",
    default,
    deny_unknown_fields,
    remote = "Self"
)]
pub struct CalendarChanges {
    /// Extra days off ("YYYY-MM-DD").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub days_off: Vec<CalendarDate>,
    /// Extra working days, e.g. make-up Saturdays ("YYYY-MM-DD").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub working_days: Vec<CalendarDate>,
    /// The office's close \[D\] (dossiers.md §1), "HH:MM" after 12:00; default 17:00. A
    /// dossier received at or after it counts from the next working day.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "close_after_noon"
    )]
    #[cfg_attr(feature = "ts", tsify(optional, type = "ClockTime"))]
    pub close: Option<ClockTime>,
}

/// An office's close, `HH:MM` or `HH:MM:SS`, as the `close` of [`CalendarChanges`] (and the
/// CLI's `--close`) reads it. It must leave the afternoon half-day some time: a close at or
/// before 12:00 would make every afternoon a day of its own.
///
/// # Errors
/// `INVALID_VALUE` at `calendar.close` for another layout, a time that does not exist, or
/// a close at or before 12:00.
pub fn parse_close(s: &str) -> Result<ClockTime, Problem> {
    let bad = |vi: String, en: String| {
        Problem::new(crate::error::Code::InvalidValue, "calendar.close", vi, en)
    };
    let close: ClockTime = s.parse().map_err(|_| {
        bad(
            format!("Giờ đóng cửa phải có dạng HH:MM hoặc HH:MM:SS (00:00–23:59:59), nhưng nhận được {s:?}"),
            format!("the close must be a time HH:MM or HH:MM:SS (00:00–23:59:59), got {s:?}"),
        )
    })?;
    if close.second <= OfficeHours::default().noon {
        return Err(bad(
            format!("Giờ đóng cửa phải sau 12:00, nhưng nhận được {close}"),
            format!("the close must be after 12:00, got {close}"),
        ));
    }
    Ok(close)
}

fn close_after_noon<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<ClockTime>, D::Error> {
    // Checked inside the visitor, so that an error is placed at the value.
    struct V;
    impl serde::de::Visitor<'_> for V {
        type Value = ClockTime;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a time HH:MM or HH:MM:SS")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<ClockTime, E> {
            parse_close(s)
                .map_err(|p| E::custom(crate::error::tagged(p.code, &p.message.vi, &p.message.en)))
        }
    }
    d.deserialize_str(V).map(Some)
}

/// The options of a tally: the period, the classification policy, calendar changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct TallyOptions {
    /// The period: `{"year": 2021, "quarter": 2}`, or the text `"2021-Q2"`, `"2021-06"`,
    /// `"2021"`.
    #[serde(deserialize_with = "period_or_text")]
    #[cfg_attr(feature = "ts", tsify(type = "Period | string"))]
    pub period: Period,
    /// Interpretations and assumptions.
    #[serde(default)]
    pub policy: Policy,
    /// Changes to the official calendar.
    #[serde(default)]
    pub calendar: CalendarChanges,
    /// Whether to look for repeated ids (`DUPLICATE_ID`; default true). The check keeps
    /// a 64-bit fingerprint of every id: 8 bytes each, 80 MB for 10 million rows.
    #[serde(default = "yes", skip_serializing_if = "Clone::clone")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    pub check_ids: bool,
}

fn yes() -> bool {
    true
}

/// A period as an object or as its text form.
fn period_or_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Period, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Period;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a period such as \"2021-Q2\" or {\"year\": 2021, \"quarter\": 2}")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Period, E> {
            s.parse::<Period>()
                .map_err(|p| E::custom(crate::error::tagged(p.code, &p.message.vi, &p.message.en)))
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, m: A) -> Result<Period, A::Error> {
            Period::deserialize(serde::de::value::MapAccessDeserializer::new(m))
        }
    }
    d.deserialize_any(V)
}

impl Tally {
    /// A tally as `options` say; the calendar covers 2019–2026 from the official data, and
    /// 2000–2100 by rule with `policy.calendar = provisional`.
    ///
    /// # Errors
    /// `PERIOD_INVALID` for a period that does not exist; `INVALID_VALUE` for a day both in
    /// `calendar.daysOff` and in `calendar.workingDays`.
    pub fn with_options(options: &TallyOptions) -> Result<Tally, Problem> {
        let changes = &options.calendar;
        // A day both off and worked: which the caller meant is unknowable.
        if let Some((i, d)) =
            (changes.working_days.iter().enumerate()).find(|(_, d)| changes.days_off.contains(d))
        {
            return Err(Problem::new(
                crate::error::Code::InvalidValue,
                format!("calendar.workingDays[{i}]"),
                format!("Ngày {d} có trong cả daysOff và workingDays"),
                format!("{d} is in both daysOff and workingDays"),
            ));
        }
        let mut b = CalendarBuilder::new()
            .days_off(options.calendar.days_off.iter().copied())
            .working_days(options.calendar.working_days.iter().copied());
        if let Some(close) = options.calendar.close {
            b = b.hours(OfficeHours {
                close: close.second,
                ..OfficeHours::default()
            });
        }
        if options.policy.calendar == CalendarMode::Provisional {
            b = b.provisional(PROVISIONAL_YEARS.0, PROVISIONAL_YEARS.1);
        }
        let mut t = Tally::new(options.period, options.policy, Arc::new(b.build()))?;
        t.check_ids = options.check_ids;
        Ok(t)
    }
}

crate::base::objects_only!(CalendarChanges, TallyOptions);
