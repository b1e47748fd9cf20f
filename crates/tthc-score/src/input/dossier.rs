//! One dossier as a one-stop system records it (dossiers.md §7): the record of the JSON
//! API, and the values a CSV row holds. What the record does not say stays unknown: an
//! absent `contacts` is not 0 (dossiers.md §6).

use super::scalar::{Count, Fail, TimeLimit};
use crate::calendar::{
    parse_date, parse_date_or_datetime, parse_datetime, CalendarDate, DateTime, DateTimeError,
    DayNumber,
};
use crate::error::{tagged, Code};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Reads a value from its text inside the visitor, so that serde_json places an error at
/// the value and its path names the field, even the last field of an object (an error
/// raised after the string has been read surfaces past the object's closing brace).
fn from_text<'de, D: Deserializer<'de>, T>(
    d: D,
    parse: fn(&str) -> Result<T, Fail>,
    what: &'static str,
) -> Result<T, D::Error> {
    struct V<T> {
        parse: fn(&str) -> Result<T, Fail>,
        what: &'static str,
    }
    impl<T> serde::de::Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a {} (a string)", self.what)
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<T, E> {
            if s.trim().is_empty() {
                // A required value left empty, as an empty CSV cell is (an optional one
                // empty is what an empty cell is: `optional`).
                let vi = "Giá trị bắt buộc, không được để trống";
                return Err(E::custom(tagged(
                    Code::ValueMissing,
                    vi,
                    "must not be empty",
                )));
            }
            (self.parse)(s).map_err(|(c, vi, en)| E::custom(tagged(c, &vi, &en)))
        }
    }
    d.deserialize_str(V { parse, what })
}

/// A value of a record read from its text: a date, a date-time, a code, a name.
trait Text: Sized {
    /// What it takes, for the messages ("date YYYY-MM-DD").
    const WHAT: &'static str;
    fn parse_text(s: &str) -> Result<Self, Fail>;
    /// What an empty or blank string stands for in an optional field: no value, as an
    /// empty CSV cell (dossiers.md §6), unless the column says otherwise (`complaint`).
    fn blank() -> Option<Self> {
        None
    }
}

/// An optional text field of a record: absent or `null` is no value; an empty or blank
/// string is what an empty CSV cell is ([`Text::blank`]: dossiers.md §6, an empty cell never
/// rejects a row); anything else is read as the field's text.
fn optional<'de, D: Deserializer<'de>, T: Text>(d: D) -> Result<Option<T>, D::Error> {
    // One visitor for every field (each visitor adds its own copy of serde's methods to the
    // WebAssembly module). It checks the text, so that an error is raised at the value
    // (after the visitor, serde_json would place the last field's past the object's end);
    // the text is parsed again after it.
    struct V {
        what: &'static str,
        check: fn(&str) -> Option<Fail>,
    }
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<Option<String>>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "a {} (a string) or null", self.what)
        }
        fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_str(self)
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            if s.trim().is_empty() {
                return Ok(Some(None));
            }
            match (self.check)(s) {
                Some((c, vi, en)) => Err(E::custom(tagged(c, &vi, &en))),
                None => Ok(Some(Some(s.to_string()))),
            }
        }
    }
    let v = V {
        what: T::WHAT,
        check: |s| T::parse_text(s).err(),
    };
    match d.deserialize_option(v)? {
        None => Ok(None),
        Some(None) => Ok(T::blank()),
        Some(Some(s)) => T::parse_text(&s)
            .map(Some)
            .map_err(|(c, vi, en)| serde::de::Error::custom(tagged(c, &vi, &en))),
    }
}

/// Declares a small enumeration read case-insensitively from its text ("Online", "ONLINE"),
/// written in lower case; anything else is `VALUE_UNKNOWN`.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $what_vi:literal, $what_en:literal { $( $(#[$doc:meta])* $variant:ident = $text:literal, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$doc])* $variant, )*
        }

        impl $name {
            /// Every value, in order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The text form.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            fn unknown(s: &str) -> (Code, String, String) {
                let list = [$($text),*].join(", ");
                let s = crate::base::cut(s, crate::base::QUOTED_CHARS);
                (
                    Code::ValueUnknown,
                    format!("{} không hợp lệ: {s:?} (các giá trị: {list})", $what_vi),
                    format!("{} must be one of {list}, got {s:?}", $what_en),
                )
            }
        }

        impl FromStr for $name {
            type Err = (Code, String, String);
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                $( if s.eq_ignore_ascii_case($text) { return Ok($name::$variant); } )*
                Err(Self::unknown(s))
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                from_text(d, |s| s.parse(), $what_en)
            }
        }

        impl Text for $name {
            const WHAT: &'static str = $what_en;
            fn parse_text(s: &str) -> Result<Self, Fail> {
                s.parse()
            }
            fn blank() -> Option<Self> {
                $name::BLANK
            }
        }
    };
}

text_enum! {
    /// How a dossier came in: `post` counts with direct, as the seed's "trực tiếp, bưu chính".
    Channel, "Hình thức nộp", "channel" {
        /// Online (trực tuyến).
        Online = "online",
        /// At the desk (trực tiếp).
        Direct = "direct",
        /// By post (dịch vụ bưu chính).
        Post = "post",
    }
}

text_enum! {
    /// Timeliness of a dossier or of one agency's step (TT01 Art. 13.1–13.2).
    Timeliness, "Mức độ đúng hạn", "timeliness" {
        /// Before the due date: 2 points.
        Early = "early",
        /// On the due date: 1 point.
        OnTime = "on_time",
        /// After the due date: 0 points.
        Late = "late",
    }
}

text_enum! {
    /// The agencies the applicant had to contact to complete the dossier (TT01 Art. 13.4).
    AgenciesContacted, "Cơ quan phải liên hệ", "agencies contacted" {
        /// None: 2 points.
        None = "none",
        /// Only the one-stop desk: 1 point.
        Desk = "desk",
        /// More than one agency: 0 points.
        Several = "several",
    }
}

text_enum! {
    /// A complaint about the officials' conduct (TT01 Art. 13.7).
    Complaint, "Phản ánh, kiến nghị", "complaint" {
        /// None.
        None = "none",
        /// Upheld: 0 points on attitude.
        Upheld = "upheld",
        /// Verified as unfounded: counts as none.
        Unfounded = "unfounded",
    }
}

// What an empty string of an optional field stands for: no value, except an empty
// complaint, which is none (dossiers.md §6).
impl Channel {
    const BLANK: Option<Self> = None;
}
impl Timeliness {
    const BLANK: Option<Self> = None;
}
impl AgenciesContacted {
    const BLANK: Option<Self> = None;
}
impl Complaint {
    const BLANK: Option<Self> = Some(Complaint::None);
}

impl Text for String {
    const WHAT: &'static str = "name";
    fn parse_text(s: &str) -> Result<Self, Fail> {
        Ok(s.to_string())
    }
}

impl Timeliness {
    /// The points: 2, 1 or 0.
    pub const fn points(self) -> u8 {
        match self {
            Timeliness::Early => 2,
            Timeliness::OnTime => 1,
            Timeliness::Late => 0,
        }
    }

    /// Resolved on `resolved` against the due date `due`, in calendar days (dossiers.md §3).
    #[inline]
    pub fn of(resolved: DayNumber, due: DayNumber) -> Timeliness {
        match resolved.cmp(&due) {
            std::cmp::Ordering::Less => Timeliness::Early,
            std::cmp::Ordering::Equal => Timeliness::OnTime,
            std::cmp::Ordering::Greater => Timeliness::Late,
        }
    }
}

/// A date-time field: `YYYY-MM-DDTHH:MM[:SS][+07:00]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At(pub DateTime);

/// A date or date-time field (`resolvedAt`): the day, and the second when a time is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayOrAt {
    /// The day.
    pub day: DayNumber,
    /// Seconds since midnight, when a time is given.
    pub second: Option<u32>,
}

/// A date field: `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub CalendarDate);

/// What a date or date-time field takes, for the hint of its layout error.
#[derive(Clone, Copy)]
enum Takes {
    DateTime,
    Date,
    Either,
}

/// The error of a date or date-time field, with the field's name in both languages.
fn date_time_error(e: DateTimeError, text: &str, takes: Takes) -> (Code, String, String) {
    let text = crate::base::cut(text, crate::base::QUOTED_CHARS);
    match e {
        DateTimeError::Offset => (
            Code::TimeZoneNotVietnam,
            format!("Thời điểm phải theo giờ Việt Nam (+07:00) (giá trị: {text:?})"),
            format!("times must be Vietnamese civil time (+07:00), got {text:?}"),
        ),
        DateTimeError::Impossible => (
            Code::DateTimeInvalid,
            format!("Ngày giờ không tồn tại: {text:?}"),
            format!("no such date or time: {text:?}"),
        ),
        DateTimeError::Layout => {
            let (vi, en) = match takes {
                Takes::DateTime => (
                    "Ngày giờ phải viết dạng 2021-06-07T08:30, có cả giờ",
                    "date-times must be written 2021-06-07T08:30, with the time",
                ),
                Takes::Date => (
                    "Ngày phải viết dạng 2021-06-07",
                    "dates must be written 2021-06-07",
                ),
                Takes::Either => (
                    "Ngày giờ phải viết dạng 2021-06-07T08:30 (hoặc 2021-06-07 cho ngày)",
                    "dates must be written 2021-06-07T08:30 (or 2021-06-07 for a date)",
                ),
            };
            (
                Code::DateTimeInvalid,
                format!("{vi} (giá trị: {text:?})"),
                format!("{en}, got {text:?}"),
            )
        }
    }
}

impl At {
    /// Parses `text`.
    ///
    /// # Errors
    /// `DATE_TIME_INVALID` or `TIME_ZONE_NOT_VIETNAM`, with messages in both languages.
    pub fn parse(text: &str) -> Result<At, (Code, String, String)> {
        parse_datetime(text)
            .map(At)
            .map_err(|e| date_time_error(e, text, Takes::DateTime))
    }
}

impl DayOrAt {
    /// Parses `text`.
    ///
    /// # Errors
    /// `DATE_TIME_INVALID` or `TIME_ZONE_NOT_VIETNAM`, with messages in both languages.
    pub fn parse(text: &str) -> Result<DayOrAt, (Code, String, String)> {
        parse_date_or_datetime(text)
            .map(|(day, second)| DayOrAt { day, second })
            .map_err(|e| date_time_error(e, text, Takes::Either))
    }
}

impl Day {
    /// Parses `text`.
    ///
    /// # Errors
    /// `DATE_TIME_INVALID`, with messages in both languages.
    pub fn parse(text: &str) -> Result<Day, (Code, String, String)> {
        parse_date(text)
            .map(Day)
            .map_err(|e| date_time_error(e, text, Takes::Date))
    }
}

fn clock(f: &mut fmt::Formatter<'_>, second: u32) -> fmt::Result {
    write!(
        f,
        "T{:02}:{:02}:{:02}",
        second / 3600,
        second / 60 % 60,
        second % 60
    )
}

impl fmt::Display for At {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = CalendarDate::from_days(self.0.day).ok_or(fmt::Error)?;
        write!(f, "{d}")?;
        clock(f, self.0.second)
    }
}

impl fmt::Display for DayOrAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = CalendarDate::from_days(self.day).ok_or(fmt::Error)?;
        write!(f, "{d}")?;
        match self.second {
            Some(s) => clock(f, s),
            None => Ok(()),
        }
    }
}

macro_rules! text_serde {
    ($t:ty, $what:literal) => {
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                from_text(d, <$t>::parse, $what)
            }
        }
        impl Text for $t {
            const WHAT: &'static str = $what;
            fn parse_text(s: &str) -> Result<Self, Fail> {
                <$t>::parse(s)
            }
        }
    };
}
text_serde!(At, "date-time YYYY-MM-DDTHH:MM");
text_serde!(DayOrAt, "date or date-time");

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
text_serde!(Day, "date YYYY-MM-DD");

/// One agency's step in handling a dossier (JSON records only): graded against its own
/// due date like the dossier (TT01 Art. 13.2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct AgencyStep {
    /// The agency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// When the agency received the dossier.
    pub received_at: At,
    /// The agency's own time limit, in working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_days: Option<TimeLimit>,
    /// The agency's due date, when given.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<Day>,
    /// When the agency finished its step.
    pub resolved_at: DayOrAt,
    /// The agency that decides the dossier (for `agencyStep = deciding`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub deciding: bool,
}

/// One dossier (dossiers.md §7); JSON field names are camelCase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct Dossier {
    /// The dossier's code, used in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The unit that resolves it.
    pub unit: String,
    /// The official who handled it.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub official: Option<String>,
    /// How it came in.
    pub channel: Channel,
    /// When it was received.
    pub received_at: At,
    /// The procedure's time limit, in working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_limit_days: Option<TimeLimit>,
    /// The appointment the one-stop system gave.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub due_date: Option<Day>,
    /// The first appointment, when the dossier was re-appointed.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub original_due_date: Option<Day>,
    /// When the clock restarted after a request for supplements (Decree 61 Art. 19.4).
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub restarted_at: Option<At>,
    /// When it was resolved; absent while pending.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub resolved_at: Option<DayOrAt>,
    /// The worst agency step, as the one-stop system grades it.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub agency_grade: Option<Timeliness>,
    /// The agencies' steps, each with its own limit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agency_steps: Vec<AgencyStep>,
    /// Contacts needed to complete it, not counting the applicant's own fault; absent: unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<Count>,
    /// Agencies contacted to complete it; absent: unknown.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub agencies_contacted: Option<AgenciesContacted>,
    /// A complaint about the officials; absent: unknown.
    #[serde(
        default,
        deserialize_with = "optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub complaint: Option<Complaint>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enumerations_ignore_case() {
        assert_eq!("ONLINE".parse::<Channel>().unwrap(), Channel::Online);
        assert_eq!("On_Time".parse::<Timeliness>().unwrap(), Timeliness::OnTime);
        let e = "fax".parse::<Channel>().unwrap_err();
        assert_eq!(e.0, Code::ValueUnknown);
        assert!(e.2.contains("online, direct, post"), "{}", e.2);
    }

    #[test]
    fn empty_strings_are_empty_cells() {
        let d: Dossier = serde_json::from_str(
            r#"{"unit":"U","channel":"online","receivedAt":"2021-06-07T08:30","timeLimitDays":1,
               "dueDate":"","official":" ","complaint":"","agenciesContacted":null,"agencyGrade":""}"#,
        )
        .unwrap();
        assert_eq!((d.due_date, d.official, d.agency_grade), (None, None, None));
        // An empty complaint cell is `none` (dossiers.md §6), not unknown.
        assert_eq!(
            (d.complaint, d.agencies_contacted),
            (Some(Complaint::None), None)
        );
        let e = serde_json::from_str::<Dossier>(
            r#"{"unit":"U","channel":"online","receivedAt":"2021-06-07T08:30","dueDate":5}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains("expected a date YYYY-MM-DD (a string) or null"),
            "{e}"
        );
    }

    #[test]
    fn a_record_round_trips() {
        let json = r#"{"id":"H1","unit":"UBND xã A","channel":"online","receivedAt":"2021-06-07T08:30:00",
            "timeLimitDays":1.5,"resolvedAt":"2021-06-08","contacts":0,"complaint":"none"}"#;
        let d: Dossier = serde_json::from_str(json).unwrap();
        assert_eq!(d.time_limit_days.unwrap().halves(), 3);
        assert_eq!(d.resolved_at.unwrap().second, None);
        let back = serde_json::to_string(&d).unwrap();
        assert!(
            back.contains(r#""receivedAt":"2021-06-07T08:30:00""#),
            "{back}"
        );
        assert!(back.contains(r#""timeLimitDays":"1.5""#), "{back}");
        let again: Dossier = serde_json::from_str(&back).unwrap();
        assert_eq!(again, d);
        let base: serde_json::Value = serde_json::from_str(json).unwrap();
        for (field, value, code) in [
            (
                "timeLimitDays",
                serde_json::json!(1.25),
                "TIME_LIMIT_INVALID",
            ),
            ("timeLimitDays", serde_json::json!(-1), "TIME_LIMIT_INVALID"),
            (
                "timeLimitDays",
                serde_json::json!("1,5"),
                "TIME_LIMIT_INVALID",
            ),
            (
                "receivedAt",
                serde_json::json!("2021-06-07T08:30Z"),
                "TIME_ZONE_NOT_VIETNAM",
            ),
            (
                "receivedAt",
                serde_json::json!("2023-02-29T08:30"),
                "DATE_TIME_INVALID",
            ),
            ("channel", serde_json::json!("fax"), "VALUE_UNKNOWN"),
        ] {
            let mut v = base.clone();
            v[field] = value;
            let e = serde_json::from_value::<Dossier>(v)
                .unwrap_err()
                .to_string();
            assert!(e.contains(code), "{field}: {e}");
        }
    }
}

crate::base::objects_only!(AgencyStep, Dossier);
