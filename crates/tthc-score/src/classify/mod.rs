//! One dossier against the calendar: its due date, its five grades and its place in the
//! period (dossiers.md §2–4; TT01/2018 Art. 13 for the grades).
//!
//! A dossier is first reduced to numbers ([`Row`]: day numbers, seconds, small codes), the
//! form the columnar API takes and the record and CSV paths produce; [`classify`] then does
//! a handful of comparisons and calendar lookups, with no allocation.
//!
//! The interpretations of dossiers.md marked \[D\] are named, documented and switchable in
//! [`Policy`] (`--set NAME=VALUE` in the CLI, `policy` in the JSON options).

mod faults;
mod policy;
mod row;
mod steps;

pub use policy::{AgencyStepRule, Assumptions, CalendarMode, Policy, Reappointment};
pub use row::{Row, NONE};
pub use steps::agency_grade;

use crate::calendar::{Calendar, DateTime, DayNumber};
use crate::error::Code;
use crate::profile::LateAttitude;

/// The five per-dossier indicators of a resolved dossier, in the order of
/// [`crate::indicator::PER_DOSSIER`] (total time, agency time, contacts, agencies,
/// attitude): the points, or `None` when the data does not say.
pub type Points = [Option<u8>; 5];

/// Where a dossier stands in the period (dossiers.md §4), and its grades when resolved in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Classified {
    /// Received in the period (by its channel).
    pub received_in: bool,
    /// Received before the period and not resolved before it.
    pub carried_over: bool,
    /// Resolved in the period: its grades.
    pub resolved: Option<Points>,
    /// Pending at the end of the period: whether it is overdue.
    pub pending_overdue: Option<bool>,
    /// An online dossier resolved late in the period or pending overdue at its end.
    pub online_unresolved_or_late: bool,
    /// A given due date that differs from the one the time limit gives.
    pub due_date_mismatch: bool,
    /// A given due date on a day that is not a working day.
    pub due_date_on_rest_day: bool,
    /// The due date used days computed by rule, outside the official data.
    pub provisional: bool,
}

/// Why a dossier was rejected: a code and a message in both languages.
pub type Fault = (Code, String, String);

fn day_text(d: DayNumber) -> String {
    crate::calendar::CalendarDate::from_days(d).map_or_else(|| d.to_string(), |c| c.to_string())
}

/// Why a dossier is rejected, before its message is written: small enough to come back in
/// registers from the hot path ([`Reject::fault`] writes the message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reject {
    ResolvedBeforeReceived,
    DueBeforeReceived,
    RestartOutOfOrder,
    DueDateMissing,
    /// The day the due date needed beyond the calendar.
    OutOfRange(DayNumber),
}

impl Reject {
    /// The code and message of the rejection of `r`.
    #[cold]
    #[inline(never)]
    pub(crate) fn fault(self, r: &Row, cal: &Calendar) -> Fault {
        match self {
            Reject::ResolvedBeforeReceived => faults::resolved_before_received(r),
            Reject::DueBeforeReceived => faults::due_before_received(r),
            Reject::RestartOutOfOrder => faults::restart_out_of_order(r),
            Reject::DueDateMissing => faults::due_date_missing(),
            Reject::OutOfRange(needed) => faults::out_of_range(crate::calendar::OutOfRange {
                needed,
                covered: cal.covered(),
            }),
        }
    }
}

/// Checks that a dossier's dates are in order (dossiers.md §2.3–2.4, §4).
#[inline]
fn check_order(r: &Row) -> Result<(), Reject> {
    let received = (r.received_day, r.received_second);
    let resolved = r.resolved_day != NONE;
    if resolved
        && (r.resolved_day < r.received_day
            || (r.resolved_day == r.received_day
                && r.resolved_second >= 0
                && r.resolved_second < r.received_second))
    {
        return Err(Reject::ResolvedBeforeReceived);
    }
    if r.due_day != NONE && r.due_day < r.received_day {
        return Err(Reject::DueBeforeReceived);
    }
    if r.restart_day != NONE {
        let restart = (r.restart_day, r.restart_second);
        let after_resolved = resolved
            && (r.restart_day > r.resolved_day
                || (r.restart_day == r.resolved_day
                    && r.resolved_second >= 0
                    && r.restart_second > r.resolved_second));
        if restart < received || after_resolved {
            return Err(Reject::RestartOutOfOrder);
        }
    }
    if r.limit_halves < 0 && r.due_day == NONE {
        return Err(Reject::DueDateMissing);
    }
    Ok(())
}

/// Classifies one dossier for the period `start..=end` (day numbers): `Ok(None)` when it
/// touches the period in none of the ways that count (dossiers.md §4).
///
/// # Errors
/// A [`Fault`] when the dossier must be rejected: dates out of order, no due date, or a due
/// date that needs a day the calendar does not cover.
#[inline]
pub fn classify(
    r: &Row,
    cal: &Calendar,
    start: DayNumber,
    end: DayNumber,
    policy: &Policy,
) -> Result<Option<Classified>, Fault> {
    classify_class(r, cal, start, end, policy)
        .map(|c| c.map(Class::classified))
        .map_err(|e| e.fault(r, cal))
}

/// [`classify`] in the tally's form, a [`Class`]: the one implementation of the
/// classification. A rejection comes back as a [`Reject`] (two words, in registers), its
/// message written off the hot path; the grades are table lookups and selects rather than
/// matches, whose jump tables mispredict on dossiers in random order.
#[inline(always)]
pub(crate) fn classify_class(
    r: &Row,
    cal: &Calendar,
    start: DayNumber,
    end: DayNumber,
    policy: &Policy,
) -> Result<Option<Class>, Reject> {
    check_order(r)?;
    let resolved = r.resolved_day != NONE;
    let received_in = (start <= r.received_day) & (r.received_day <= end);
    let carried_over = (r.received_day < start) & (!resolved | (r.resolved_day >= start));
    let resolved_in = resolved & (start <= r.resolved_day) & (r.resolved_day <= end);
    let pending_at_end = (r.received_day <= end) & (!resolved | (r.resolved_day > end));
    if !(received_in | carried_over | resolved_in | pending_at_end) {
        return Ok(None);
    }

    // The due date the time limit gives, from the receipt or the restart (Decree 61 Art. 19.4).
    let computed = if r.limit_halves >= 0 {
        let restarted = r.restart_day != NONE;
        let at = DateTime {
            day: if restarted {
                r.restart_day
            } else {
                r.received_day
            },
            second: if restarted {
                r.restart_second
            } else {
                r.received_second
            }
            .max(0) as u32,
        };
        match cal.due_day(at, r.limit_halves as u32, policy.cutoff) {
            Ok(d) => Some((d, cal.is_provisional(at.day) | cal.is_provisional(d))),
            // A given due date classifies the dossier without the calendar.
            Err(e) if r.due_day == NONE && r.original_due_day == NONE => {
                return Err(Reject::OutOfRange(e.needed))
            }
            Err(_) => None,
        }
    } else {
        None
    };
    let given = (r.due_day != NONE).then_some(r.due_day);
    let original = (r.original_due_day != NONE).then_some(r.original_due_day);
    let latest = given.or(computed.map(|c| c.0));
    let judged = match policy.reappointment {
        Reappointment::Original => original.or(latest),
        Reappointment::New => latest.or(original),
    };
    // check_order guarantees a limit or a due date; the calendar error returned above.
    let Some(due) = judged else {
        return Err(Reject::DueDateMissing);
    };
    let provisional = computed.is_some_and(|c| c.1 && Some(c.0) == judged);
    // The first appointment is the one the time limit should give (a re-appointment moves
    // the later one on purpose).
    let mismatch = matches!((original.or(given), computed), (Some(g), Some((c, _))) if g != c);
    let rest_day = given.is_some_and(|g| cal.is_working(g) == Some(false));

    // Grade slots, the counters' order: 0 = 2 points, 1 = 1 point, 2 = 0 points, 3 = unknown.
    // Table lookups and selects, not matches: jump tables mispredict on random dossiers.
    let total = u32::from(r.resolved_day >= due) + u32::from(r.resolved_day > due);
    // By code: unknown (→ the total time's grade), early, on time, late.
    let agency = match r.agency_grade {
        g @ 1..=3 => u32::from(g) - 1,
        _ => total,
    };
    // Contacts as given, else as assumed (beyond i32::MAX: still more than one), else unknown.
    let assumed = policy
        .assume
        .contacts
        .map_or(-1, |a| a.min(i32::MAX as u32) as i32);
    let contacts = if r.contacts >= 0 { r.contacts } else { assumed };
    let contacts = if contacts < 0 {
        3
    } else {
        contacts.min(2) as u32
    };
    let known = |v: u8, assumed: Option<u8>| {
        if v != Row::UNKNOWN {
            v
        } else {
            assumed.unwrap_or(Row::UNKNOWN)
        }
    };
    // By code: unknown, none, only the desk, several (any other code: several).
    const AGENCIES: [u32; 4] = [3, 0, 1, 2];
    let agencies = AGENCIES[usize::from(known(r.agencies, policy.assume.agencies_code()).min(3))];
    let late = total == 2;
    let complaint = known(r.complaint, policy.assume.complaint_code());
    let late_attitude = match policy.late_attitude {
        LateAttitude::Zero => 2,
        LateAttitude::One => 1,
    };
    let attitude = if complaint == Row::UNKNOWN {
        3
    } else if complaint == Row::UPHELD {
        2
    } else if late {
        late_attitude
    } else {
        total
    };
    let online = r.channel == Row::ONLINE;
    let overdue = pending_at_end & (due <= end);
    let flag = |b: bool, bit: u32| u32::from(b) * bit;
    Ok(Some(Class(
        total
            | agency << 2
            | contacts << 4
            | agencies << 6
            | attitude << 8
            | flag(resolved_in, Class::RESOLVED_IN)
            | flag(received_in, Class::RECEIVED_IN)
            | flag(online, Class::ONLINE)
            | flag(carried_over, Class::CARRIED_OVER)
            | flag(pending_at_end, Class::PENDING)
            | flag(overdue, Class::OVERDUE)
            | flag(
                online & ((resolved_in & late) | overdue),
                Class::ONLINE_UNRESOLVED_OR_LATE,
            )
            | flag(mismatch, Class::DUE_DATE_MISMATCH)
            | flag(rest_day, Class::DUE_DATE_ON_REST_DAY)
            | flag(provisional, Class::PROVISIONAL),
    )))
}

/// A classified dossier in 32 bits, the form the tally counts: the five grade slots of a
/// dossier resolved in the period (2 bits each, in the order of [`Points`]; 0 = 2 points,
/// 1 = 1 point, 2 = 0 points, 3 = unknown), then where it stands, then its notes. The
/// tally counts dossiers by [`Class::status`] and [`Class::grades`], one counter each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Class(u32);

impl Class {
    const RESOLVED_IN: u32 = 1 << 10;
    const RECEIVED_IN: u32 = 1 << 11;
    const ONLINE: u32 = 1 << 12;
    const CARRIED_OVER: u32 = 1 << 13;
    const PENDING: u32 = 1 << 14;
    const OVERDUE: u32 = 1 << 15;
    const ONLINE_UNRESOLVED_OR_LATE: u32 = 1 << 16;
    const DUE_DATE_MISMATCH: u32 = 1 << 17;
    const DUE_DATE_ON_REST_DAY: u32 = 1 << 18;
    const PROVISIONAL: u32 = 1 << 19;
    /// How many values [`Class::status`] takes.
    pub const STATUSES: usize = 64;
    /// How many values [`Class::grades`] takes.
    pub const GRADES: usize = 1025;

    /// Received in the period, online, carried over, pending at the end, overdue, online
    /// and unresolved or late: bits 0–5 (see [`status_bits`]).
    #[inline]
    pub fn status(self) -> usize {
        ((self.0 >> 11) & 63) as usize
    }

    /// 0 when not resolved in the period, else 1 + the five slots (see [`slots_of`]).
    #[inline]
    pub fn grades(self) -> usize {
        (((self.0 & 1023) + 1) * ((self.0 >> 10) & 1)) as usize
    }

    /// Whether a note counts it (a given due date that disagrees or falls on a rest day,
    /// or a provisional due date).
    #[inline]
    pub fn noted(self) -> bool {
        self.0 >> 17 != 0
    }

    /// A given due date that differs from the one the time limit gives.
    pub fn due_date_mismatch(self) -> bool {
        self.0 & Self::DUE_DATE_MISMATCH != 0
    }

    /// A given due date on a day that is not a working day.
    pub fn due_date_on_rest_day(self) -> bool {
        self.0 & Self::DUE_DATE_ON_REST_DAY != 0
    }

    /// The due date used days computed by rule.
    pub fn provisional(self) -> bool {
        self.0 & Self::PROVISIONAL != 0
    }

    fn classified(self) -> Classified {
        // The channel is the row's, not the classification's.
        let [received_in, _online, carried_over, pending, overdue, online_late] =
            status_bits(self.status());
        let points = |slot: usize| (slot < 3).then(|| 2 - slot as u8);
        Classified {
            received_in,
            carried_over,
            resolved: (self.grades() > 0).then(|| slots_of(self.grades()).map(points)),
            pending_overdue: pending.then_some(overdue),
            online_unresolved_or_late: online_late,
            due_date_mismatch: self.due_date_mismatch(),
            due_date_on_rest_day: self.due_date_on_rest_day(),
            provisional: self.provisional(),
        }
    }
}

/// The bits of a [`Class::status`]: received in the period, online, carried over, pending at
/// the end, overdue, online and unresolved or late.
#[inline]
pub(crate) fn status_bits(status: usize) -> [bool; 6] {
    std::array::from_fn(|b| (status >> b) & 1 == 1)
}

/// The five grade slots of a [`Class::grades`] above 0.
#[inline]
pub(crate) fn slots_of(grades: usize) -> [usize; 5] {
    std::array::from_fn(|i| ((grades - 1) >> (2 * i)) & 3)
}

#[cfg(test)]
mod tests;
