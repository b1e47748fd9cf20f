//! The counters of one unit or official, and the row samples of the notes: both merge by
//! addition, in any order.

use crate::classify::status_bits;
use crate::input::{Count, Grades, MAX_COUNT};

/// The per-dossier grades of one indicator: dossiers at 2, 1 and 0 points, and unknown.
pub(super) type GradeCounts = [u64; 4];

/// What one dossier adds to its unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Counters {
    pub received_online: u64,
    pub received_direct: u64,
    pub carried_over: u64,
    /// Early, on time, late.
    pub resolved: [u64; 3],
    pub pending_within: u64,
    pub pending_overdue: u64,
    /// Of `pending_overdue`, those due on the period's last day (within the deadline for
    /// the 766 index).
    pub pending_due_on_last_day: u64,
    pub online_unresolved_or_late: u64,
    /// The five per-dossier indicators.
    pub grades: [GradeCounts; 5],
}

/// Adds `k` dossiers with the grade `slots` of the indicators from `first` on: all five,
/// or a histogram's first three or last two (each indicator's grades count apart).
#[inline]
pub(super) fn add_slots(counts: &mut [GradeCounts; 5], first: usize, slots: &[usize], k: u64) {
    for (g, &slot) in counts[first..].iter_mut().zip(slots) {
        g[slot] += k;
    }
}

pub(super) fn merge_grades(a: &mut [GradeCounts; 5], b: &[GradeCounts; 5]) {
    for (x, y) in a.iter_mut().zip(b) {
        for (p, q) in x.iter_mut().zip(y) {
            *p += q;
        }
    }
}

impl Counters {
    /// Adds `k` dossiers of one [`Class::status`](crate::classify::Class::status).
    #[inline]
    pub fn add_status(&mut self, status: usize, k: u64) {
        let [received, online, carried_over, pending, overdue, online_late, last_day] =
            status_bits(status).map(u64::from);
        self.received_online += k * (received & online);
        self.received_direct += k * (received & (1 - online));
        self.carried_over += k * carried_over;
        self.pending_overdue += k * (pending & overdue);
        self.pending_within += k * (pending & (1 - overdue));
        self.pending_due_on_last_day += k * last_day;
        self.online_unresolved_or_late += k * online_late;
    }

    /// Adds `k` resolved dossiers with the grade `slots` of the indicators from `first` on.
    #[inline]
    pub fn add_resolved(&mut self, first: usize, slots: &[usize], k: u64) {
        if first == 0 {
            // The total-time slot says early, on time or late.
            self.resolved[slots[0].min(2)] += k;
        }
        add_slots(&mut self.grades, first, slots, k);
    }

    /// No dossier of the unit counts in the period.
    pub fn is_empty(&self) -> bool {
        self.received_online
            + self.received_direct
            + self.carried_over
            + self.pending_within
            + self.pending_overdue
            == 0
            && self.resolved == [0; 3]
    }

    pub fn merge(&mut self, o: &Counters) {
        self.received_online += o.received_online;
        self.received_direct += o.received_direct;
        self.carried_over += o.carried_over;
        for (a, b) in self.resolved.iter_mut().zip(o.resolved) {
            *a += b;
        }
        self.pending_within += o.pending_within;
        self.pending_overdue += o.pending_overdue;
        self.pending_due_on_last_day += o.pending_due_on_last_day;
        self.online_unresolved_or_late += o.online_unresolved_or_late;
        merge_grades(&mut self.grades, &o.grades);
    }
}

/// A count as the core's input wants it; `None` beyond [`MAX_COUNT`].
pub(super) fn count(n: u64) -> Option<Count> {
    Count::new(n).filter(|_| n <= MAX_COUNT)
}

pub(super) fn grades(g: &GradeCounts) -> Option<Grades> {
    Some(Grades {
        two: count(g[0])?,
        one: count(g[1])?,
        zero: count(g[2])?,
        unknown: count(g[3])?,
    })
}

/// A count of rows and the first few of them (the smallest row numbers), so that merging
/// the parts of a file in any order gives the whole file's sample.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Sample<T> {
    pub count: u64,
    pub first: Vec<(u64, T)>,
}

impl<T> Default for Sample<T> {
    fn default() -> Self {
        Sample {
            count: 0,
            first: Vec::new(),
        }
    }
}

impl<T: Clone> Sample<T> {
    pub fn add(&mut self, row: u64, item: T, keep: usize) {
        self.count += 1;
        if self.first.len() == keep && self.first.last().is_some_and(|l| l.0 <= row) {
            return;
        }
        let at = self.first.partition_point(|x| x.0 <= row);
        self.first.insert(at, (row, item));
        self.first.truncate(keep);
    }

    pub fn merge(&mut self, o: &Sample<T>, keep: usize) {
        self.count += o.count;
        // Both lists are sorted by row: merge them (rows are unique across parts).
        let mine = std::mem::take(&mut self.first);
        let (mut a, mut b) = (
            mine.into_iter().peekable(),
            o.first.iter().cloned().peekable(),
        );
        while self.first.len() < keep {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x.0 <= y.0 => a.next(),
                (Some(_), Some(_)) | (None, Some(_)) => b.next(),
                (Some(_), None) => a.next(),
                (None, None) => None,
            };
            match next {
                Some(x) => self.first.push(x),
                None => break,
            }
        }
    }
}
