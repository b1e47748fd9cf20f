//! A dossier reduced to numbers: the columnar form.

use crate::calendar::DayNumber;
use crate::input::{AgenciesContacted, Channel, Complaint, Timeliness};

/// "No value" in the day and second columns.
pub const NONE: i32 = i32::MIN;

/// One dossier as numbers. Days are day numbers (days since 1970-01-01), seconds are
/// seconds since midnight (Vietnamese civil time); [`NONE`] (or −1 for seconds, limits and
/// contacts) marks a value the record does not give; small codes are the `Row::…` constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Row {
    /// [`Row::ONLINE`], [`Row::DIRECT`] or [`Row::POST`].
    pub channel: u8,
    /// The day it was received.
    pub received_day: DayNumber,
    /// The second it was received.
    pub received_second: i32,
    /// The time limit in half-days, or −1.
    pub limit_halves: i32,
    /// The given due date, or [`NONE`].
    pub due_day: DayNumber,
    /// The original due date of a re-appointed dossier, or [`NONE`].
    pub original_due_day: DayNumber,
    /// The restart after supplements: day, or [`NONE`].
    pub restart_day: DayNumber,
    /// The restart's second, or −1.
    pub restart_second: i32,
    /// The day it was resolved, or [`NONE`] while pending.
    pub resolved_day: DayNumber,
    /// The second it was resolved, or −1 when only the date is known.
    pub resolved_second: i32,
    /// [`Row::EARLY`], [`Row::ON_TIME`], [`Row::LATE`], or [`Row::UNKNOWN`] (then the total-time grade).
    pub agency_grade: u8,
    /// Contacts, or −1 when unknown.
    pub contacts: i32,
    /// [`Row::NONE_CONTACTED`], [`Row::DESK`], [`Row::SEVERAL`] or [`Row::UNKNOWN`].
    pub agencies: u8,
    /// [`Row::NO_COMPLAINT`], [`Row::UPHELD`], [`Row::UNFOUNDED`] or [`Row::UNKNOWN`].
    pub complaint: u8,
}

impl Row {
    /// Not known (agency grade, agencies contacted, complaint).
    pub const UNKNOWN: u8 = 0;
    /// Channel: online.
    pub const ONLINE: u8 = 0;
    /// Channel: direct.
    pub const DIRECT: u8 = 1;
    /// Channel: post.
    pub const POST: u8 = 2;
    /// Agency grade: early.
    pub const EARLY: u8 = 1;
    /// Agency grade: on time.
    pub const ON_TIME: u8 = 2;
    /// Agency grade: late.
    pub const LATE: u8 = 3;
    /// Agencies contacted: none.
    pub const NONE_CONTACTED: u8 = 1;
    /// Agencies contacted: only the desk.
    pub const DESK: u8 = 2;
    /// Agencies contacted: several.
    pub const SEVERAL: u8 = 3;
    /// Complaint: none.
    pub const NO_COMPLAINT: u8 = 1;
    /// Complaint: upheld.
    pub const UPHELD: u8 = 2;
    /// Complaint: unfounded.
    pub const UNFOUNDED: u8 = 3;

    /// A pending dossier received online at `day` 00:00 with no limit: the base to fill in.
    pub const fn empty() -> Row {
        Row {
            channel: Row::ONLINE,
            received_day: 0,
            received_second: 0,
            limit_halves: -1,
            due_day: NONE,
            original_due_day: NONE,
            restart_day: NONE,
            restart_second: -1,
            resolved_day: NONE,
            resolved_second: -1,
            agency_grade: Row::UNKNOWN,
            contacts: -1,
            agencies: Row::UNKNOWN,
            complaint: Row::UNKNOWN,
        }
    }

    /// The code of a channel.
    pub const fn channel_code(c: Channel) -> u8 {
        match c {
            Channel::Online => Row::ONLINE,
            Channel::Direct => Row::DIRECT,
            Channel::Post => Row::POST,
        }
    }

    /// The code of a timeliness grade.
    pub const fn timeliness_code(t: Option<Timeliness>) -> u8 {
        match t {
            Some(Timeliness::Early) => Row::EARLY,
            Some(Timeliness::OnTime) => Row::ON_TIME,
            Some(Timeliness::Late) => Row::LATE,
            None => Row::UNKNOWN,
        }
    }

    /// The code of the agencies contacted.
    pub const fn agencies_code(a: Option<AgenciesContacted>) -> u8 {
        match a {
            Some(AgenciesContacted::None) => Row::NONE_CONTACTED,
            Some(AgenciesContacted::Desk) => Row::DESK,
            Some(AgenciesContacted::Several) => Row::SEVERAL,
            None => Row::UNKNOWN,
        }
    }

    /// The code of a complaint.
    pub const fn complaint_code(c: Option<Complaint>) -> u8 {
        match c {
            Some(Complaint::None) => Row::NO_COMPLAINT,
            Some(Complaint::Upheld) => Row::UPHELD,
            Some(Complaint::Unfounded) => Row::UNFOUNDED,
            None => Row::UNKNOWN,
        }
    }
}
