//! The block path of the columnar API: dossiers a block at a time, column by column, in
//! passes that compile to tight loops — the calendar's lookups, then the checks and the
//! grades as vector code. A dossier a block cannot classify exactly as the row path would
//! (a value out of range, dates out of order, a calendar that does not reach) is left to
//! the row path ([`SLOW`]); the test `blocks_equal_rows` holds the two paths equal.

use super::columns::{in_range, Columns, NO_OFFICIAL};
use crate::calendar::{Calendar, DateTime, Reach};
use crate::classify::{anchor, class_bits, order_faults, used_rule_days, Class, Row, Rules, NONE};
use std::ops::Range;

/// Dossiers per block: a block's columns and results (about 33 KB) stay in the first-level
/// cache between its passes (256 and 2,048 measured no better).
pub(super) const BLOCK: usize = 512;

/// A block's class of a dossier left to the row path.
pub(super) const SLOW: u32 = u32::MAX;

/// One block of dossiers, column by column (absent columns filled with their "unknown"),
/// as a [`Stage`] holds it.
#[derive(Clone)]
pub(super) struct Inputs {
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
}

impl Inputs {
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
}

/// The dossiers of a call being classified, up to [`STAGE`] at a time, copied from its
/// columns one column after the other into blocks: memory streams one column at a time
/// faster than sixteen columns by blocks (this machine: 3.6 against 8.1 ns a dossier to
/// copy them), and 8,192 dossiers (430 KB) stay in the second-level cache for the passes.
/// Each dossier is copied once; the passes read the blocks where they are.
pub(super) struct Stage {
    blocks: Vec<Inputs>,
    /// The blocks that hold the rows of the last `load`.
    used: usize,
}

/// Dossiers a stage holds.
pub(super) const STAGE: usize = 8192;
const _: () = assert!(STAGE % BLOCK == 0, "a stage holds whole blocks");

/// Copies `rows` of a column into consecutive blocks, or its "unknown" when the column is
/// absent.
#[inline(always)]
fn fill<T: Copy>(
    blocks: &mut [Inputs],
    to: impl Fn(&mut Inputs) -> &mut [T; BLOCK],
    from: Option<&[T]>,
    rows: &Range<usize>,
    absent: T,
) {
    for (b, block) in blocks.iter_mut().enumerate() {
        let first = rows.start + b * BLOCK;
        let n = BLOCK.min(rows.end - first);
        match from {
            Some(c) => to(block)[..n].copy_from_slice(&c[first..first + n]),
            None => to(block)[..n].fill(absent),
        }
    }
}

impl Stage {
    /// A stage for a call of `rows` dossiers.
    pub fn new(rows: usize) -> Self {
        let empty = Inputs {
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
        };
        Stage {
            blocks: vec![empty; rows.min(STAGE).div_ceil(BLOCK)],
            used: 0,
        }
    }

    /// Copies `rows` (at most [`STAGE`]) of the columns; an absent column gives each dossier
    /// its value of [`Row::empty`] (unknown).
    pub fn load(&mut self, c: &Columns<'_>, rows: Range<usize>) {
        const E: Row = Row::empty();
        self.used = rows.len().div_ceil(BLOCK);
        let (b, r) = (&mut self.blocks[..self.used], &rows);
        fill(b, |b| &mut b.unit, Some(c.unit), r, 0);
        fill(b, |b| &mut b.official, c.official, r, NO_OFFICIAL);
        fill(b, |b| &mut b.channel, Some(c.channel), r, 0);
        fill(b, |b| &mut b.received_day, Some(c.received_day), r, 0);
        fill(b, |b| &mut b.received_second, Some(c.received_second), r, 0);
        fill(
            b,
            |b| &mut b.limit_halves,
            c.limit_halves,
            r,
            E.limit_halves,
        );
        fill(b, |b| &mut b.due_day, c.due_day, r, E.due_day);
        let original = c.original_due_day;
        fill(
            b,
            |b| &mut b.original_due_day,
            original,
            r,
            E.original_due_day,
        );
        fill(b, |b| &mut b.restart_day, c.restart_day, r, E.restart_day);
        let restart = c.restart_second;
        fill(b, |b| &mut b.restart_second, restart, r, E.restart_second);
        fill(
            b,
            |b| &mut b.resolved_day,
            c.resolved_day,
            r,
            E.resolved_day,
        );
        let resolved = c.resolved_second;
        fill(
            b,
            |b| &mut b.resolved_second,
            resolved,
            r,
            E.resolved_second,
        );
        fill(
            b,
            |b| &mut b.agency_grade,
            c.agency_grade,
            r,
            E.agency_grade,
        );
        fill(b, |b| &mut b.contacts, c.contacts, r, E.contacts);
        fill(b, |b| &mut b.agencies, c.agencies, r, E.agencies);
        fill(b, |b| &mut b.complaint, c.complaint, r, E.complaint);
    }

    /// The blocks of the last `load`, in order (the last one may be partly used).
    pub fn blocks(&self) -> &[Inputs] {
        &self.blocks[..self.used]
    }
}

/// What the passes compute of a block's dossiers.
pub(super) struct Block {
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
}

impl Default for Block {
    fn default() -> Self {
        Block {
            anchor_day: [0; BLOCK],
            anchor_second: [0; BLOCK],
            computed: [0; BLOCK],
            calendar: [0; BLOCK],
            class: [0; BLOCK],
        }
    }
}

impl Block {
    /// Classifies the block in three passes: the calendar's lookups, then the checks, then
    /// the grades — the last two compile to vector code. A dossier the block cannot classify exactly
    /// as [`classify_class`](crate::classify::classify_class) would is left to the row path ([`SLOW`]).
    pub fn classify(
        &mut self,
        d: &Inputs,
        len: usize,
        cal: &Calendar,
        k: &Rules,
        (units, officials): (usize, usize),
    ) {
        let len = len.min(BLOCK);
        self.lookups(d, len, cal, k);
        self.check(d, len, units, officials);
        self.grade(d, len, k);
    }

    /// The calendar's pass: each dossier's computed due date and what the calendar says of
    /// it. Each pass is a function of its own, as profiles name them.
    #[inline(never)]
    fn lookups(&mut self, d: &Inputs, len: usize, cal: &Calendar, k: &Rules) {
        // Vector code first: a select on whether a dossier restarted would be a branch in
        // the loop of lookups.
        for j in 0..len {
            let at = anchor(&d.row(j));
            (self.anchor_day[j], self.anchor_second[j]) = (at.day, at.second);
        }
        for j in 0..len {
            let r = d.row(j);
            let at = DateTime {
                day: self.anchor_day[j],
                second: self.anchor_second[j],
            };
            let (due, reach) = cal.due_lookup(at, r.limit_halves as u32, k.cutoff);
            let limited = r.limit_halves >= 0;
            let reached = !limited | (reach == Reach::Inside);
            let rest_day = (r.due_day != NONE) & cal.is_rest_day(r.due_day);
            let provisional = used_rule_days(cal, &r, limited, at.day, due, rest_day);
            self.computed[j] = if limited { due } else { NONE };
            self.calendar[j] =
                u8::from(reached) | u8::from(provisional) << 1 | u8::from(rest_day) << 2;
        }
    }

    /// The checks: whether the block path may classify each dossier (bit 0 of `calendar`
    /// kept only then). A loop apart from the grades, so that each fits the registers.
    #[inline(never)]
    fn check(&mut self, d: &Inputs, len: usize, units: usize, officials: usize) {
        for j in 0..len {
            let r = d.row(j);
            let official = d.official[j];
            let known = ((d.unit[j] as usize) < units)
                & ((official == NO_OFFICIAL) | ((official as usize) < officials));
            let ok = known & in_range(&r) & (order_faults(&r) == 0);
            self.calendar[j] &= 0xfe | u8::from(ok);
        }
    }

    /// The grades, which compile to vector code.
    #[inline(never)]
    fn grade(&mut self, d: &Inputs, len: usize, k: &Rules) {
        for j in 0..len {
            let r = d.row(j);
            let cal = self.calendar[j];
            let (period, computed) = (k.period(&r), self.computed[j]);
            let class = class_bits(&r, period, computed, cal & 2 != 0, cal & 4 != 0, k);
            let class = if class & Class::PERIOD != 0 { class } else { 0 };
            self.class[j] = if cal & 1 == 1 { class } else { SLOW };
        }
    }
}
