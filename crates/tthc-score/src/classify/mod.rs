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

use crate::calendar::{pick, Calendar, Cutoff, DateTime, DayNumber};
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
    /// Pending at the end of the period and due on its last day: overdue here (dossiers.md
    /// §4), within the deadline for the 766 index (index-766.md 2.1: an unfinished dossier
    /// is measured at the period's end, and the end is not after its appointment).
    pub pending_due_on_last_day: bool,
    /// An online dossier resolved late in the period or pending overdue at its end.
    pub online_unresolved_or_late: bool,
    /// A given due date that differs from the one the time limit gives.
    pub due_date_mismatch: bool,
    /// A given due date on a day that is not a working day.
    pub due_date_on_rest_day: bool,
    /// A due date used days computed by rule, outside the official data (the computed one,
    /// deciding or checked against the given one, or a given one found a rest day).
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
    OriginalDueBeforeReceived,
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
            Reject::OriginalDueBeforeReceived => faults::original_due_before_received(r),
            Reject::RestartOutOfOrder => faults::restart_out_of_order(r),
            Reject::DueDateMissing => faults::due_date_missing(),
            Reject::OutOfRange(needed) => faults::out_of_range(crate::calendar::OutOfRange {
                needed,
                covered: cal.covered(),
            }),
        }
    }
}

/// The ways a dossier's dates can be out of order (dossiers.md §2.3–2.4, §4), each a
/// bit, computed without branches: the columnar path tests the whole mask of a block of
/// dossiers at once, the row path names the first.
#[inline(always)]
pub(crate) fn order_faults(r: &Row) -> u32 {
    let resolved = r.resolved_day != NONE;
    let known_second = r.resolved_second >= 0;
    let resolved_before = resolved
        & ((r.resolved_day < r.received_day)
            | ((r.resolved_day == r.received_day)
                & known_second
                & (r.resolved_second < r.received_second)));
    let due_before = (r.due_day != NONE) & (r.due_day < r.received_day);
    // A first appointment is a given due date too (§2.3, §2.5).
    let original_before = (r.original_due_day != NONE) & (r.original_due_day < r.received_day);
    let restarted = r.restart_day != NONE;
    let restart_before = (r.restart_day < r.received_day)
        | ((r.restart_day == r.received_day) & (r.restart_second < r.received_second));
    let restart_after = resolved
        & ((r.restart_day > r.resolved_day)
            | ((r.restart_day == r.resolved_day)
                & known_second
                & (r.restart_second > r.resolved_second)));
    let restart_out = restarted & (restart_before | restart_after);
    let no_due = (r.limit_halves < 0) & (r.due_day == NONE);
    u32::from(resolved_before)
        | u32::from(due_before) << 1
        | u32::from(original_before) << 2
        | u32::from(restart_out) << 3
        | u32::from(no_due) << 4
}

/// Checks that a dossier's dates are in order: the first of its [`order_faults`].
#[inline]
fn check_order(r: &Row) -> Result<(), Reject> {
    const ORDER: [Reject; 5] = [
        Reject::ResolvedBeforeReceived,
        Reject::DueBeforeReceived,
        Reject::OriginalDueBeforeReceived,
        Reject::RestartOutOfOrder,
        Reject::DueDateMissing,
    ];
    match order_faults(r) {
        0 => Ok(()),
        f => Err(ORDER[f.trailing_zeros() as usize]),
    }
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
    classify_class(r, cal, &Rules::new(start, end, policy))
        .map(|c| c.map(Class::classified))
        .map_err(|e| e.fault(r, cal))
}

/// The period and the policy in the form the classification reads them: plain numbers
/// and flags, the same for every dossier of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Rules {
    pub start: DayNumber,
    pub end: DayNumber,
    pub cutoff: Cutoff,
    /// [`Reappointment::Original`]: a re-appointed dossier is judged by its first due date.
    pub original_first: bool,
    /// The attitude slot of a late dossier without complaint ([`LateAttitude`]).
    pub late_attitude: u32,
    /// Contacts assumed when unknown, or −1.
    pub contacts: i32,
    /// The agencies and complaint codes assumed when unknown, or [`Row::UNKNOWN`].
    pub agencies: u8,
    pub complaint: u8,
}

impl Rules {
    #[inline]
    pub fn new(start: DayNumber, end: DayNumber, policy: &Policy) -> Rules {
        Rules {
            start,
            end,
            cutoff: policy.cutoff,
            original_first: policy.reappointment == Reappointment::Original,
            late_attitude: match policy.late_attitude {
                LateAttitude::Zero => 2,
                LateAttitude::One => 1,
            },
            // Beyond i32::MAX: still more than one.
            contacts: policy
                .assume
                .contacts
                .map_or(-1, |a| a.min(i32::MAX as u32) as i32),
            agencies: policy.assume.agencies_code().unwrap_or(Row::UNKNOWN),
            complaint: policy.assume.complaint_code().unwrap_or(Row::UNKNOWN),
        }
    }

    /// Whether the dossier touches the period in one of the ways that count: its
    /// [`Class`] status flags, with the resolved-in-the-period flag.
    #[inline(always)]
    pub(crate) fn period(&self, r: &Row) -> u32 {
        let (start, end) = (self.start, self.end);
        let resolved = r.resolved_day != NONE;
        let received_in = (start <= r.received_day) & (r.received_day <= end);
        let carried_over = (r.received_day < start) & (!resolved | (r.resolved_day >= start));
        let resolved_in = resolved & (start <= r.resolved_day) & (r.resolved_day <= end);
        let pending_at_end = (r.received_day <= end) & (!resolved | (r.resolved_day > end));
        let flag = |b: bool, bit: u32| u32::from(b) * bit;
        flag(resolved_in, Class::RESOLVED_IN)
            | flag(received_in, Class::RECEIVED_IN)
            | flag(carried_over, Class::CARRIED_OVER)
            | flag(pending_at_end, Class::PENDING)
    }
}

/// [`classify`] in the tally's form, a [`Class`]. A rejection comes back as a [`Reject`]
/// (two words, in registers), its message written off the hot path.
#[inline(always)]
pub(crate) fn classify_class(r: &Row, cal: &Calendar, k: &Rules) -> Result<Option<Class>, Reject> {
    check_order(r)?;
    let period = k.period(r);
    if period == 0 {
        return Ok(None);
    }
    // The due date the time limit gives, from the receipt or the restart (Decree 61 Art. 19.4).
    let at = anchor(r);
    let computed = if r.limit_halves >= 0 {
        match cal.due_day(at, r.limit_halves as u32, k.cutoff) {
            Ok(d) => d,
            // A given due date classifies the dossier without the calendar; the computed one
            // is needed when it is the date that judges (no due date given, and no first
            // appointment that `reappointment = original` puts first).
            Err(e) if r.due_day == NONE && (r.original_due_day == NONE || !k.original_first) => {
                return Err(Reject::OutOfRange(e.needed))
            }
            Err(_) => NONE,
        }
    } else {
        NONE
    };
    let rest_day = (r.due_day != NONE) & cal.is_rest_day(r.due_day);
    let provisional = used_rule_days(cal, r, computed != NONE, at.day, computed, rest_day);
    Ok(Some(Class(class_bits(
        r,
        period,
        computed,
        provisional,
        rest_day,
        k,
    ))))
}

/// The moment the time limit runs from: the restart after supplements, else the receipt
/// (Decree 61 Art. 19.4).
#[inline(always)]
pub(crate) fn anchor(r: &Row) -> DateTime {
    let restarted = r.restart_day != NONE;
    DateTime {
        day: pick(restarted, r.restart_day, r.received_day),
        second: pick(restarted, r.restart_second, r.received_second).max(0) as u32,
    }
}

/// Whether a result of the row used days computed by rule (dossiers.md §1: "every result
/// that used them marked provisional"): its computed due date (`computed`, from `from` to
/// `due`), which decides the grade or is checked against a given one, or its given due
/// date found a rest day. The row and block paths both ask it; no branch.
#[inline(always)]
pub(crate) fn used_rule_days(
    cal: &Calendar,
    r: &Row,
    computed: bool,
    from: DayNumber,
    due: DayNumber,
    rest_day: bool,
) -> bool {
    (computed & (cal.is_provisional(from) | cal.is_provisional(due)))
        | (rest_day & cal.is_provisional(r.due_day))
}

/// The [`Class`] of a dossier in order, once the calendar has spoken: `period` is its
/// [`Rules::period`] flags (0: it does not count, and neither do the bits returned),
/// `computed` is the due date its time limit gives ([`NONE`] without a limit, or
/// when the calendar does not reach it and a due date is given), `provisional` whether
/// a result of the row used days computed by rule (the computed due date, which decides
/// the grade or is checked against the given one, or a given due date found a rest day),
/// `rest_day` whether the given due date is a rest day.
///
/// No branches: table lookups and selects, which compile to vector code over a block of
/// dossiers (jump tables and branches mispredict on dossiers in random order).
#[inline(always)]
pub(crate) fn class_bits(
    r: &Row,
    period: u32,
    computed: DayNumber,
    provisional: bool,
    rest_day: bool,
    k: &Rules,
) -> u32 {
    let pending_at_end = period & Class::PENDING != 0;
    let resolved_in = period & Class::RESOLVED_IN != 0;
    let given = r.due_day;
    let original = r.original_due_day;
    let latest = if given != NONE { given } else { computed };
    let either = |a: DayNumber, b: DayNumber| if a != NONE { a } else { b };
    // An order check guarantees a limit or a due date, and the calendar either gave the
    // computed date or a due date is given.
    let due = if k.original_first {
        either(original, latest)
    } else {
        either(latest, original)
    };
    // The first appointment is the one the time limit should give (a re-appointment moves
    // the later one on purpose).
    let first = either(original, given);
    let mismatch = (first != NONE) & (computed != NONE) & (first != computed);

    // Grade slots, the counters' order: 0 = 2 points, 1 = 1 point, 2 = 0 points, 3 = unknown.
    let total = u32::from(r.resolved_day >= due) + u32::from(r.resolved_day > due);
    // By code: unknown (→ the total time's grade), early, on time, late.
    let agency = if r.agency_grade.wrapping_sub(1) < 3 {
        u32::from(r.agency_grade) - 1
    } else {
        total
    };
    // Contacts as given, else as assumed, else unknown.
    let contacts = if r.contacts >= 0 {
        r.contacts
    } else {
        k.contacts
    };
    let contacts = if contacts < 0 {
        3
    } else {
        contacts.min(2) as u32
    };
    // By code: unknown, none, only the desk, several (any other code: several) → slots 3,
    // 0, 1, 2.
    let known = |v: u8, assumed: u8| if v != Row::UNKNOWN { v } else { assumed };
    let agencies = (u32::from(known(r.agencies, k.agencies).min(3)) + 3) & 3;
    let late = total == 2;
    let complaint = known(r.complaint, k.complaint);
    let attitude = if complaint == Row::UNKNOWN {
        3
    } else if complaint == Row::UPHELD {
        2
    } else if late {
        k.late_attitude
    } else {
        total
    };
    let online = r.channel == Row::ONLINE;
    let overdue = pending_at_end & (due <= k.end);
    let due_on_last_day = pending_at_end & (due == k.end);
    let flag = |b: bool, bit: u32| u32::from(b) * bit;
    total
        | agency << 2
        | contacts << 4
        | agencies << 6
        | attitude << 8
        | period
        | flag(online, Class::ONLINE)
        | flag(overdue, Class::OVERDUE)
        | flag(due_on_last_day, Class::DUE_ON_LAST_DAY)
        | flag(
            online & ((resolved_in & late) | overdue),
            Class::ONLINE_UNRESOLVED_OR_LATE,
        )
        | flag(mismatch, Class::DUE_DATE_MISMATCH)
        | flag(rest_day, Class::DUE_DATE_ON_REST_DAY)
        | flag(provisional, Class::PROVISIONAL)
}

/// A classified dossier in 32 bits, the form the tally counts: the five grade slots of a
/// dossier resolved in the period (2 bits each, in the order of [`Points`]; 0 = 2 points,
/// 1 = 1 point, 2 = 0 points, 3 = unknown), then where it stands, then its notes. The
/// tally counts dossiers by [`Class::status`] and [`Class::grades`], one counter each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Class(pub(crate) u32);

impl Class {
    const RESOLVED_IN: u32 = 1 << 10;
    const RECEIVED_IN: u32 = 1 << 11;
    const ONLINE: u32 = 1 << 12;
    const CARRIED_OVER: u32 = 1 << 13;
    const PENDING: u32 = 1 << 14;
    const OVERDUE: u32 = 1 << 15;
    const ONLINE_UNRESOLVED_OR_LATE: u32 = 1 << 16;
    const DUE_ON_LAST_DAY: u32 = 1 << 17;
    const DUE_DATE_MISMATCH: u32 = 1 << 18;
    const DUE_DATE_ON_REST_DAY: u32 = 1 << 19;
    const PROVISIONAL: u32 = 1 << 20;
    /// The flags of the ways a dossier touches the period: none, and it does not count.
    pub(crate) const PERIOD: u32 =
        Self::RESOLVED_IN | Self::RECEIVED_IN | Self::CARRIED_OVER | Self::PENDING;
    /// How many values [`Class::status`] takes.
    pub const STATUSES: usize = 128;

    /// Received in the period, online, carried over, pending at the end, overdue, online
    /// and unresolved or late, pending and due on the last day: bits 0–6 (see
    /// [`status_bits`]).
    #[inline]
    pub fn status(self) -> usize {
        ((self.0 >> 11) & 127) as usize
    }

    /// 0 when not resolved in the period, else 1 + the five slots (see [`slots_of`]).
    #[inline]
    pub fn grades(self) -> usize {
        (((self.0 & 1023) + 1) * ((self.0 >> 10) & 1)) as usize
    }

    /// 1 when resolved in the period, else 0.
    #[inline]
    pub fn resolved_in(self) -> u32 {
        (self.0 >> 10) & 1
    }

    /// The grade slots of the first three indicators, 2 bits each (see [`Points`]).
    #[inline]
    pub fn low_slots(self) -> usize {
        (self.0 & 63) as usize
    }

    /// The grade slots of the last two indicators, 2 bits each.
    #[inline]
    pub fn high_slots(self) -> usize {
        ((self.0 >> 6) & 15) as usize
    }

    /// Whether a note counts it (a given due date that disagrees or falls on a rest day,
    /// or a provisional due date).
    #[inline]
    pub fn noted(self) -> bool {
        self.0 >> 18 != 0
    }

    /// A given due date that differs from the one the time limit gives.
    pub fn due_date_mismatch(self) -> bool {
        self.0 & Self::DUE_DATE_MISMATCH != 0
    }

    /// A given due date on a day that is not a working day.
    pub fn due_date_on_rest_day(self) -> bool {
        self.0 & Self::DUE_DATE_ON_REST_DAY != 0
    }

    /// A due date used days computed by rule (see [`Classified::provisional`]).
    pub fn provisional(self) -> bool {
        self.0 & Self::PROVISIONAL != 0
    }

    fn classified(self) -> Classified {
        // The channel is the row's, not the classification's.
        let [received_in, _online, carried_over, pending, overdue, online_late, last_day] =
            status_bits(self.status());
        let points = |slot: usize| (slot < 3).then(|| 2 - slot as u8);
        Classified {
            received_in,
            carried_over,
            resolved: (self.grades() > 0).then(|| slots_of(self.grades()).map(points)),
            pending_overdue: pending.then_some(overdue),
            online_unresolved_or_late: online_late,
            pending_due_on_last_day: last_day,
            due_date_mismatch: self.due_date_mismatch(),
            due_date_on_rest_day: self.due_date_on_rest_day(),
            provisional: self.provisional(),
        }
    }
}

/// The bits of a [`Class::status`]: received in the period, online, carried over, pending at
/// the end, overdue, online and unresolved or late, pending and due on the last day.
#[inline]
pub(crate) fn status_bits(status: usize) -> [bool; 7] {
    std::array::from_fn(|b| (status >> b) & 1 == 1)
}

/// The five grade slots of a [`Class::grades`] above 0.
#[inline]
pub(crate) fn slots_of(grades: usize) -> [usize; 5] {
    std::array::from_fn(|i| ((grades - 1) >> (2 * i)) & 3)
}

#[cfg(test)]
mod tests;
