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
use crate::input::Timeliness;
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

/// Checks that a dossier's dates are in order (dossiers.md §2.3–2.4, §4).
#[inline]
fn check_order(r: &Row) -> Result<(), Fault> {
    let received = (r.received_day, r.received_second);
    let resolved = r.resolved_day != NONE;
    if resolved
        && (r.resolved_day < r.received_day
            || (r.resolved_day == r.received_day
                && r.resolved_second >= 0
                && r.resolved_second < r.received_second))
    {
        return Err(faults::resolved_before_received(r));
    }
    if r.due_day != NONE && r.due_day < r.received_day {
        return Err(faults::due_before_received(r));
    }
    if r.restart_day != NONE {
        let restart = (r.restart_day, r.restart_second);
        let after_resolved = resolved
            && (r.restart_day > r.resolved_day
                || (r.restart_day == r.resolved_day
                    && r.resolved_second >= 0
                    && r.restart_second > r.resolved_second));
        if restart < received || after_resolved {
            return Err(faults::restart_out_of_order(r));
        }
    }
    if r.limit_halves < 0 && r.due_day == NONE {
        return Err(faults::due_date_missing());
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
    check_order(r)?;
    let resolved = r.resolved_day != NONE;
    let received_in = (start..=end).contains(&r.received_day);
    let carried_over = r.received_day < start && (!resolved || r.resolved_day >= start);
    let resolved_in = resolved && (start..=end).contains(&r.resolved_day);
    let pending_at_end = r.received_day <= end && (!resolved || r.resolved_day > end);
    if !(received_in || carried_over || resolved_in || pending_at_end) {
        return Ok(None);
    }

    // The due date the time limit gives, from the receipt or the restart (Decree 61 Art. 19.4).
    let computed = if r.limit_halves >= 0 {
        let (day, second) = if r.restart_day != NONE {
            (r.restart_day, r.restart_second)
        } else {
            (r.received_day, r.received_second)
        };
        let at = DateTime {
            day,
            second: second.max(0) as u32,
        };
        match cal.due_day(at, r.limit_halves as u32, policy.cutoff) {
            Ok(d) => Some((d, cal.is_provisional(at.day) || cal.is_provisional(d))),
            // A given due date classifies the dossier without the calendar.
            Err(e) if r.due_day == NONE && r.original_due_day == NONE => {
                return Err(faults::out_of_range(e))
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
        return Err(faults::due_date_missing());
    };
    let provisional = computed.is_some_and(|c| c.1 && Some(c.0) == judged);

    let online = r.channel == Row::ONLINE;
    let mut out = Classified {
        received_in,
        carried_over,
        resolved: None,
        pending_overdue: None,
        online_unresolved_or_late: false,
        // The first appointment is the one the time limit should give (a re-appointment
        // moves the later one on purpose).
        due_date_mismatch: matches!((original.or(given), computed), (Some(g), Some((c, _))) if g != c),
        due_date_on_rest_day: given.is_some_and(|g| cal.is_working(g) == Some(false)),
        provisional,
    };
    if resolved_in {
        let total = Timeliness::of(r.resolved_day, due);
        let agency = match r.agency_grade {
            Row::EARLY => Timeliness::Early,
            Row::ON_TIME => Timeliness::OnTime,
            Row::LATE => Timeliness::Late,
            _ => total,
        };
        let contacts = match (r.contacts, policy.assume.contacts) {
            (c, _) if c >= 0 => Some(c),
            (_, Some(a)) => Some(a as i32),
            _ => None,
        };
        let agencies = match (r.agencies, policy.assume.agencies_code()) {
            (a, _) if a != Row::UNKNOWN => Some(a),
            (_, a) => a,
        };
        let complaint = match (r.complaint, policy.assume.complaint_code()) {
            (c, _) if c != Row::UNKNOWN => Some(c),
            (_, c) => c,
        };
        let attitude = complaint.map(|c| match (c, total) {
            (Row::UPHELD, _) => 0,
            (_, Timeliness::Late) => match policy.late_attitude {
                LateAttitude::Zero => 0,
                LateAttitude::One => 1,
            },
            (_, t) => t.points(),
        });
        out.resolved = Some([
            Some(total.points()),
            Some(agency.points()),
            contacts.map(|c| match c {
                0 => 2,
                1 => 1,
                _ => 0,
            }),
            agencies.map(|a| match a {
                Row::NONE_CONTACTED => 2,
                Row::DESK => 1,
                _ => 0,
            }),
            attitude,
        ]);
        out.online_unresolved_or_late = online && total == Timeliness::Late;
    }
    if pending_at_end {
        let overdue = due <= end;
        out.pending_overdue = Some(overdue);
        out.online_unresolved_or_late |= online && overdue;
    }
    Ok(Some(out))
}

#[cfg(test)]
mod tests;
