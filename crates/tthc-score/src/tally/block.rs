//! The block path of the columnar API: dossiers a block at a time, column by column, in
//! passes that compile to tight loops — the calendar's lookups, then the checks and the
//! grades as vector code. A dossier a block cannot classify exactly as the row path would
//! (a value out of range, dates out of order, a calendar that does not reach) is left to
//! the row path ([`SLOW`]); the test `blocks_equal_rows` holds the two paths equal.

use super::columns::{in_range, Columns, NO_OFFICIAL};
use crate::calendar::{Calendar, DateTime, Reach};
use crate::classify::{anchor, class_bits, order_faults, Class, Row, Rules, NONE};

/// Dossiers per block: a block's columns and results (about 30 KB) stay in the first-level
/// cache between its passes (256 and 2,048 measured no better).
pub(super) const BLOCK: usize = 512;

/// A block's class of a dossier left to the row path.
pub(super) const SLOW: u32 = u32::MAX;

/// One block of dossiers, column by column (absent columns filled with their "unknown"),
/// and what its passes compute.
pub(super) struct Block {
    pub unit: [u32; BLOCK],
    pub official: [u32; BLOCK],
    channel: [u8; BLOCK],
    received_day: [i32; BLOCK],
    received_second: [i32; BLOCK],
    limit_halves: [i32; BLOCK],
    due_day: [i32; BLOCK],
    original_due_day: [i32; BLOCK],
    restart_day: [i32; BLOCK],
    restart_second: [i32; BLOCK],
    resolved_day: [i32; BLOCK],
    resolved_second: [i32; BLOCK],
    agency_grade: [u8; BLOCK],
    contacts: [i32; BLOCK],
    agencies: [u8; BLOCK],
    complaint: [u8; BLOCK],
    /// The day and second the time limit runs from ([`anchor`]).
    anchor_day: [i32; BLOCK],
    anchor_second: [u32; BLOCK],
    /// The due date the time limit gives, or [`NONE`].
    computed: [i32; BLOCK],
    /// Bit 0: the calendar reached what the row needs; 1: provisional; 2: a given due date on
    /// a rest day.
    calendar: [u8; BLOCK],
    /// Each dossier's [`Class`], 0 outside the period, or [`SLOW`].
    pub class: [u32; BLOCK],
    len: usize,
}

impl Default for Block {
    /// An empty block: `load` writes every value a pass reads.
    fn default() -> Self {
        Block {
            unit: [0; BLOCK],
            official: [0; BLOCK],
            channel: [0; BLOCK],
            received_day: [0; BLOCK],
            received_second: [0; BLOCK],
            limit_halves: [0; BLOCK],
            due_day: [0; BLOCK],
            original_due_day: [0; BLOCK],
            restart_day: [0; BLOCK],
            restart_second: [0; BLOCK],
            resolved_day: [0; BLOCK],
            resolved_second: [0; BLOCK],
            agency_grade: [0; BLOCK],
            contacts: [0; BLOCK],
            agencies: [0; BLOCK],
            complaint: [0; BLOCK],
            anchor_day: [0; BLOCK],
            anchor_second: [0; BLOCK],
            computed: [0; BLOCK],
            calendar: [0; BLOCK],
            class: [0; BLOCK],
            len: 0,
        }
    }
}

/// Copies `rows` of a column into a block's, or its "unknown" when the column is absent.
#[inline(always)]
fn fill<T: Copy>(
    to: &mut [T; BLOCK],
    from: Option<&[T]>,
    rows: &std::ops::Range<usize>,
    absent: T,
) {
    let n = rows.len();
    match from {
        Some(c) => to[..n].copy_from_slice(&c[rows.clone()]),
        None => to[..n].fill(absent),
    }
}

impl Block {
    /// Copies `rows` of the columns; an absent column gives each dossier its value of
    /// [`Row::empty`] (unknown).
    pub fn load(&mut self, c: &Columns<'_>, rows: std::ops::Range<usize>) {
        const E: Row = Row::empty();
        let r = &rows;
        self.len = rows.len();
        fill(&mut self.unit, Some(c.unit), r, 0);
        fill(&mut self.official, c.official, r, NO_OFFICIAL);
        fill(&mut self.channel, Some(c.channel), r, 0);
        fill(&mut self.received_day, Some(c.received_day), r, 0);
        fill(&mut self.received_second, Some(c.received_second), r, 0);
        fill(&mut self.limit_halves, c.limit_halves, r, E.limit_halves);
        fill(&mut self.due_day, c.due_day, r, E.due_day);
        fill(
            &mut self.original_due_day,
            c.original_due_day,
            r,
            E.original_due_day,
        );
        fill(&mut self.restart_day, c.restart_day, r, E.restart_day);
        fill(
            &mut self.restart_second,
            c.restart_second,
            r,
            E.restart_second,
        );
        fill(&mut self.resolved_day, c.resolved_day, r, E.resolved_day);
        fill(
            &mut self.resolved_second,
            c.resolved_second,
            r,
            E.resolved_second,
        );
        fill(&mut self.agency_grade, c.agency_grade, r, E.agency_grade);
        fill(&mut self.contacts, c.contacts, r, E.contacts);
        fill(&mut self.agencies, c.agencies, r, E.agencies);
        fill(&mut self.complaint, c.complaint, r, E.complaint);
    }

    /// The `j`th dossier as a [`Row`].
    #[inline(always)]
    pub fn row(&self, j: usize) -> Row {
        Row {
            channel: self.channel[j],
            received_day: self.received_day[j],
            received_second: self.received_second[j],
            limit_halves: self.limit_halves[j],
            due_day: self.due_day[j],
            original_due_day: self.original_due_day[j],
            restart_day: self.restart_day[j],
            restart_second: self.restart_second[j],
            resolved_day: self.resolved_day[j],
            resolved_second: self.resolved_second[j],
            agency_grade: self.agency_grade[j],
            contacts: self.contacts[j],
            agencies: self.agencies[j],
            complaint: self.complaint[j],
        }
    }

    /// Classifies the block in three passes: the calendar's lookups, then the checks, then
    /// the grades — the last two compile to vector code. A dossier the block cannot classify exactly
    /// as [`classify_class`](crate::classify::classify_class) would is left to the row path ([`SLOW`]).
    pub fn classify(&mut self, cal: &Calendar, k: &Rules, units: usize, officials: usize) {
        self.lookups(cal, k);
        self.check(units, officials);
        self.grade(k);
    }

    /// The calendar's pass: each dossier's computed due date and what the calendar says of
    /// it. Each pass is a function of its own, as profiles name them.
    #[inline(never)]
    fn lookups(&mut self, cal: &Calendar, k: &Rules) {
        // Vector code first: a select on whether a dossier restarted would be a branch in
        // the loop of lookups.
        for j in 0..self.len {
            let at = anchor(&self.row(j));
            (self.anchor_day[j], self.anchor_second[j]) = (at.day, at.second);
        }
        for j in 0..self.len {
            let r = self.row(j);
            let at = DateTime {
                day: self.anchor_day[j],
                second: self.anchor_second[j],
            };
            let (due, reach) = cal.due_lookup(at, r.limit_halves as u32, k.cutoff);
            let limited = r.limit_halves >= 0;
            let reached = !limited | (reach == Reach::Inside);
            let provisional = cal.is_provisional(at.day) | cal.is_provisional(due);
            let rest_day = (r.due_day != NONE) & cal.is_rest_day(r.due_day);
            self.computed[j] = if limited { due } else { NONE };
            self.calendar[j] =
                u8::from(reached) | u8::from(provisional) << 1 | u8::from(rest_day) << 2;
        }
    }

    /// The checks: whether the block path may classify each dossier (bit 0 of `calendar`
    /// kept only then). A loop apart from the grades, so that each fits the registers.
    #[inline(never)]
    fn check(&mut self, units: usize, officials: usize) {
        for j in 0..self.len {
            let r = self.row(j);
            let official = self.official[j];
            let known = ((self.unit[j] as usize) < units)
                & ((official == NO_OFFICIAL) | ((official as usize) < officials));
            let ok = known & in_range(&r) & (order_faults(&r) == 0);
            self.calendar[j] &= 0xfe | u8::from(ok);
        }
    }

    /// The grades, which compile to vector code.
    #[inline(never)]
    fn grade(&mut self, k: &Rules) {
        for j in 0..self.len {
            let r = self.row(j);
            let cal = self.calendar[j];
            let (period, computed) = (k.period(&r), self.computed[j]);
            let class = class_bits(&r, period, computed, cal & 2 != 0, cal & 4 != 0, k);
            let class = if class & Class::PERIOD != 0 { class } else { 0 };
            self.class[j] = if cal & 1 == 1 { class } else { SLOW };
        }
    }
}
