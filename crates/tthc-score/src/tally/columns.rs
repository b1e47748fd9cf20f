//! The columnar API: one batch of dossiers as slices of numbers and small codes (the
//! WebAssembly package passes typed arrays), with no per-dossier object.

use super::block::{Block, Stage, BLOCK, SLOW, STAGE};
use super::Tally;
use crate::calendar::DAY_SECONDS;
use crate::classify::{classify_class, Class, Fault, Row, Rules, NONE};
use crate::error::{Code, Problem};
use crate::input::MAX_TIME_LIMIT_DAYS;
use std::collections::HashMap;
use std::sync::Arc;

/// "No official" in the official column.
pub const NO_OFFICIAL: u32 = u32::MAX;

/// One batch of dossiers, a value per dossier in each column (see [`Row`] for the units and
/// codes). Optional columns may be absent: their values are then unknown (a dossier
/// without a limit must have a due date).
#[derive(Debug, Clone, Copy, Default)]
pub struct Columns<'a> {
    /// Unit names; `unit` holds indexes into it.
    pub units: &'a [String],
    /// The unit of each dossier.
    pub unit: &'a [u32],
    /// Official names; `official` holds indexes into it (an official is per unit).
    pub officials: &'a [String],
    /// The official of each dossier, or [`NO_OFFICIAL`].
    pub official: Option<&'a [u32]>,
    /// Channel codes.
    pub channel: &'a [u8],
    /// Day numbers of receipt.
    pub received_day: &'a [i32],
    /// Seconds of receipt.
    pub received_second: &'a [i32],
    /// Time limits in half-days, or −1.
    pub limit_halves: Option<&'a [i32]>,
    /// Given due dates, or [`NONE`].
    pub due_day: Option<&'a [i32]>,
    /// Original due dates, or [`NONE`].
    pub original_due_day: Option<&'a [i32]>,
    /// Restart days, or [`NONE`].
    pub restart_day: Option<&'a [i32]>,
    /// Restart seconds, or −1.
    pub restart_second: Option<&'a [i32]>,
    /// Resolution days, or [`NONE`].
    pub resolved_day: Option<&'a [i32]>,
    /// Resolution seconds, or −1.
    pub resolved_second: Option<&'a [i32]>,
    /// Agency grade codes.
    pub agency_grade: Option<&'a [u8]>,
    /// Contacts, or −1.
    pub contacts: Option<&'a [i32]>,
    /// Agencies-contacted codes.
    pub agencies: Option<&'a [u8]>,
    /// Complaint codes.
    pub complaint: Option<&'a [u8]>,
}

/// Columns that own their values: built from records (for tests, parity and benchmarks),
/// lent out as [`Columns`].
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct OwnedColumns {
    pub units: Vec<String>,
    pub unit: Vec<u32>,
    pub officials: Vec<String>,
    pub official: Vec<u32>,
    pub channel: Vec<u8>,
    pub received_day: Vec<i32>,
    pub received_second: Vec<i32>,
    pub limit_halves: Vec<i32>,
    pub due_day: Vec<i32>,
    pub original_due_day: Vec<i32>,
    pub restart_day: Vec<i32>,
    pub restart_second: Vec<i32>,
    pub resolved_day: Vec<i32>,
    pub resolved_second: Vec<i32>,
    pub agency_grade: Vec<u8>,
    pub contacts: Vec<i32>,
    pub agencies: Vec<u8>,
    pub complaint: Vec<u8>,
}

impl OwnedColumns {
    /// Adds a dossier (its unit and official by name).
    pub fn push(&mut self, unit: &str, official: Option<&str>, r: &Row) {
        fn code(table: &mut Vec<String>, name: &str) -> u32 {
            match table.iter().position(|n| n == name) {
                Some(i) => i as u32,
                None => {
                    table.push(name.to_string());
                    table.len() as u32 - 1
                }
            }
        }
        let u = code(&mut self.units, unit);
        self.unit.push(u);
        let o = official.map_or(NO_OFFICIAL, |o| code(&mut self.officials, o));
        self.official.push(o);
        self.channel.push(r.channel);
        self.received_day.push(r.received_day);
        self.received_second.push(r.received_second);
        self.limit_halves.push(r.limit_halves);
        self.due_day.push(r.due_day);
        self.original_due_day.push(r.original_due_day);
        self.restart_day.push(r.restart_day);
        self.restart_second.push(r.restart_second);
        self.resolved_day.push(r.resolved_day);
        self.resolved_second.push(r.resolved_second);
        self.agency_grade.push(r.agency_grade);
        self.contacts.push(r.contacts);
        self.agencies.push(r.agencies);
        self.complaint.push(r.complaint);
    }

    /// The columns, lent.
    pub fn as_columns(&self) -> Columns<'_> {
        Columns {
            units: &self.units,
            unit: &self.unit,
            officials: &self.officials,
            official: Some(&self.official),
            channel: &self.channel,
            received_day: &self.received_day,
            received_second: &self.received_second,
            limit_halves: Some(&self.limit_halves),
            due_day: Some(&self.due_day),
            original_due_day: Some(&self.original_due_day),
            restart_day: Some(&self.restart_day),
            restart_second: Some(&self.restart_second),
            resolved_day: Some(&self.resolved_day),
            resolved_second: Some(&self.resolved_second),
            agency_grade: Some(&self.agency_grade),
            contacts: Some(&self.contacts),
            agencies: Some(&self.agencies),
            complaint: Some(&self.complaint),
        }
    }
}

fn invalid(code: Code, what: &str, v: i64) -> Fault {
    (
        code,
        format!("Giá trị không hợp lệ ở cột {what}: {v}"),
        format!("invalid value in column {what}: {v}"),
    )
}

/// The checks of a row's values that the classification does not make itself, in the
/// order they are reported: whether each fails, and its fault. Without branches — the
/// columnar path tests them all at once for a block of dossiers ([`in_range`]), the row
/// path names the first that fails ([`check`]).
#[inline(always)]
fn range_checks(r: &Row) -> [(bool, Code, &'static str, i64); 14] {
    const DAYS: std::ops::RangeInclusive<i32> = -719_000..=3_000_000;
    const SECONDS: std::ops::Range<i32> = 0..DAY_SECONDS as i32;
    let day = |d: i32| (d != NONE) & !DAYS.contains(&d);
    let (time, unknown) = (Code::DateTimeInvalid, Code::ValueUnknown);
    [
        (
            (r.received_day == NONE) | day(r.received_day),
            time,
            "receivedDay",
            r.received_day.into(),
        ),
        (
            !SECONDS.contains(&r.received_second),
            time,
            "receivedSecond",
            r.received_second.into(),
        ),
        (day(r.due_day), time, "dueDay", r.due_day.into()),
        (
            day(r.original_due_day),
            time,
            "originalDueDay",
            r.original_due_day.into(),
        ),
        (day(r.restart_day), time, "restartDay", r.restart_day.into()),
        (
            day(r.resolved_day),
            time,
            "resolvedDay",
            r.resolved_day.into(),
        ),
        // A second needs its day: given alone, it is not silently dropped.
        (
            ((r.restart_day != NONE) & !SECONDS.contains(&r.restart_second))
                | ((r.restart_day == NONE) & (r.restart_second != -1)),
            time,
            "restartSecond",
            r.restart_second.into(),
        ),
        (
            (!SECONDS.contains(&r.resolved_second) | (r.resolved_day == NONE))
                & (r.resolved_second != -1),
            time,
            "resolvedSecond",
            r.resolved_second.into(),
        ),
        (r.channel > Row::POST, unknown, "channel", r.channel.into()),
        (
            !(-1..=2 * MAX_TIME_LIMIT_DAYS as i32).contains(&r.limit_halves),
            Code::TimeLimitInvalid,
            "limitHalves",
            r.limit_halves.into(),
        ),
        (
            r.contacts < -1,
            Code::CountNegative,
            "contacts",
            r.contacts.into(),
        ),
        (
            r.agency_grade > 3,
            unknown,
            "agencyGrade",
            r.agency_grade.into(),
        ),
        (r.agencies > 3, unknown, "agencies", r.agencies.into()),
        (r.complaint > 3, unknown, "complaint", r.complaint.into()),
    ]
}

/// Whether every [`range_checks`] passes.
#[inline(always)]
pub(super) fn in_range(r: &Row) -> bool {
    range_checks(r).iter().fold(true, |ok, c| ok & !c.0)
}

/// The first of [`range_checks`] that fails.
fn check(r: &Row) -> Result<(), Fault> {
    let alone = |what: &str, day: &str| {
        (
            Code::DateTimeInvalid,
            format!("Cột {what} có giá trị nhưng {day} không có (NONE): giờ không có ngày"),
            format!("column {what} has a value but {day} is NONE: a time without its day"),
        )
    };
    match range_checks(r).into_iter().find(|c| c.0) {
        Some((_, _, what @ "restartSecond", _)) if r.restart_day == NONE => {
            Err(alone(what, "restartDay"))
        }
        Some((_, _, what @ "resolvedSecond", _)) if r.resolved_day == NONE => {
            Err(alone(what, "resolvedDay"))
        }
        Some((_, code, what, v)) => Err(invalid(code, what, v)),
        None => Ok(()),
    }
}

/// The groups of a batch: each (unit, official) code pair of the columns, numbered on
/// first use (a table when it is small — a lookup per dossier without hashing —, a map
/// otherwise).
enum GroupIndex {
    Table { stride: usize, index: Vec<u32> },
    Map(HashMap<(u32, u32), u32>),
}

impl GroupIndex {
    fn new(units: usize, officials: usize) -> Self {
        let stride = officials + 1;
        match units.checked_mul(stride).filter(|&n| n <= 1 << 20) {
            Some(n) => GroupIndex::Table {
                stride,
                index: vec![u32::MAX; n],
            },
            None => GroupIndex::Map(HashMap::new()),
        }
    }

    /// The slot of a valid pair in the table (no official: the last column). Without
    /// branches or overflow checks: it runs for every dossier, and the table has fewer than
    /// 2^20 slots.
    #[inline]
    fn slot(stride: usize, unit: u32, official: u32) -> usize {
        let o = (official as usize).min(stride - 1);
        (unit as usize).wrapping_mul(stride).wrapping_add(o)
    }

    #[inline]
    fn get(&self, unit: u32, official: u32) -> Option<u32> {
        match self {
            GroupIndex::Table { stride, index } => {
                Some(index[Self::slot(*stride, unit, official)]).filter(|&g| g != u32::MAX)
            }
            GroupIndex::Map(m) => m.get(&(unit, official)).copied(),
        }
    }

    fn set(&mut self, unit: u32, official: u32, g: u32) {
        match self {
            GroupIndex::Table { stride, index } => index[Self::slot(*stride, unit, official)] = g,
            GroupIndex::Map(m) => {
                m.insert((unit, official), g);
            }
        }
    }
}

/// From this many dossiers in one call, the first [`HISTOGRAM_GROUPS`] groups are counted in
/// histograms (three counters a dossier), added into the unit's and official's counters
/// once at the end of the call (about 20 counters are touched per dossier otherwise).
const HISTOGRAM_ROWS: usize = 1 << 16;
/// How many groups have histograms (832 bytes each); the others are counted directly.
const HISTOGRAM_GROUPS: usize = 1024;

/// A group's histogram: its dossiers by [`Class::status`] (0: outside the period), then
/// those resolved in the period by the grade slots of the first three indicators, and by
/// those of the last two — each indicator's grades are counted apart, never their joint.
type Histogram = [u32; HIGH + 16];
const LOW: usize = Class::STATUSES;
const HIGH: usize = LOW + 64;

/// Counts a dossier of a class in a histogram (below 2^31 per call: no overflow).
#[inline(always)]
fn histogram_add(h: &mut Histogram, class: Class) {
    let resolved = class.resolved_in();
    let [status, low, high] = [
        class.status(),
        LOW + class.low_slots(),
        HIGH + class.high_slots(),
    ];
    h[status] = h[status].wrapping_add(1);
    h[low] = h[low].wrapping_add(resolved);
    h[high] = h[high].wrapping_add(resolved);
}

/// The grade slots of `n` indicators packed 2 bits each in `x`.
fn unpack<const N: usize>(x: usize) -> [usize; N] {
    std::array::from_fn(|i| (x >> (2 * i)) & 3)
}

/// A unit code whose name is empty or blank: no unit of the tally.
const NO_UNIT: u32 = u32::MAX;

/// The group of the dossiers of a unit code with an empty name (rejected).
const BLANK: usize = usize::MAX;

/// What the batch knows of a group: the tally's unit and official.
#[derive(Clone, Copy)]
struct Group {
    unit: u32,
    official: u32,
}

impl Tally {
    /// Classifies and counts a batch of dossiers, numbered from `first_row`.
    ///
    /// # Errors
    /// `COLUMN_LENGTHS_DIFFER` when the columns do not all have one value per dossier
    /// (nothing is counted); bad values of single dossiers reject those rows only.
    pub fn add_columns(&mut self, first_row: u64, c: &Columns<'_>) -> Result<(), Problem> {
        let n = c.unit.len();
        let lens = [
            Some(c.channel.len()),
            Some(c.received_day.len()),
            Some(c.received_second.len()),
            c.official.map(<[u32]>::len),
            c.limit_halves.map(<[i32]>::len),
            c.due_day.map(<[i32]>::len),
            c.original_due_day.map(<[i32]>::len),
            c.restart_day.map(<[i32]>::len),
            c.restart_second.map(<[i32]>::len),
            c.resolved_day.map(<[i32]>::len),
            c.resolved_second.map(<[i32]>::len),
            c.agency_grade.map(<[u8]>::len),
            c.contacts.map(<[i32]>::len),
            c.agencies.map(<[u8]>::len),
            c.complaint.map(<[u8]>::len),
        ];
        if lens.iter().flatten().any(|&l| l != n) {
            return Err(Problem::new(
                Code::ColumnLengthsDiffer,
                "columns",
                format!("Các cột phải có cùng số phần tử ({n}, như cột unit)"),
                format!("every column must have one value per dossier ({n}, like unit)"),
            ));
        }
        // A histogram's u32 counters hold any call: it is added up every 2^31 dossiers.
        for from in (0..n).step_by(1 << 31) {
            self.add_rows(first_row, c, from..n.min(from + (1 << 31)));
        }
        Ok(())
    }

    /// Classifies and counts `rows` by blocks.
    fn add_rows(&mut self, first_row: u64, c: &Columns<'_>, rows: std::ops::Range<usize>) {
        let mut batch = Batch::new(self, c, rows.len());
        let calendar = Arc::clone(&self.calendar);
        let rules = self.rules();
        let codes = (c.units.len(), c.officials.len());
        let mut stage = Stage::new(rows.len());
        let mut block = Block::default();
        for from in rows.clone().step_by(STAGE) {
            stage.load(c, from..rows.end.min(from + STAGE));
            for (b, d) in stage.blocks().iter().enumerate() {
                let from = from + b * BLOCK;
                let len = BLOCK.min(rows.end - from);
                block.classify(d, len, &calendar, &rules, codes);
                for (j, &class) in block.class[..len].iter().enumerate() {
                    let row_number = first_row + (from + j) as u64;
                    let (unit, official) = (d.unit[j], d.official[j]);
                    if class == SLOW {
                        let r = d.row(j);
                        self.add_row(&mut batch, row_number, c, (unit, official), &r, &rules);
                        continue;
                    }
                    let k = batch.group(self, c, unit, official);
                    if k == BLANK {
                        self.reject(row_number, None, super::unit_missing());
                        continue;
                    }
                    self.add_class(&mut batch, k, row_number, Class(class));
                }
            }
        }
        self.add_histograms(&batch);
    }

    /// Adds each histogram's counts, as many dossiers at once.
    fn add_histograms(&mut self, batch: &Batch) {
        for (g, h) in batch.groups.iter().zip(&batch.hist) {
            self.outside += u64::from(h[0]);
            for (s, &n) in h[..LOW].iter().enumerate().skip(1).filter(|(_, &n)| n > 0) {
                self.count(g.unit, g.official, s, 0, u64::from(n));
            }
            for (x, &n) in h[LOW..HIGH].iter().enumerate().filter(|(_, &n)| n > 0) {
                self.count_slots(g.unit, g.official, 0, &unpack::<3>(x), u64::from(n));
            }
            for (x, &n) in h[HIGH..].iter().enumerate().filter(|(_, &n)| n > 0) {
                self.count_slots(g.unit, g.official, 3, &unpack::<2>(x), u64::from(n));
            }
        }
    }

    /// Counts a dossier of group `k` classified as `class` (0: outside the period).
    #[inline(always)]
    fn add_class(&mut self, batch: &mut Batch, k: usize, row: u64, class: Class) {
        // Groups with histograms are numbered first: `k` is also the histogram's.
        match batch.hist.get_mut(k) {
            // Outside the period, status 0: added up with the histogram.
            Some(h) => {
                histogram_add(h, class);
                self.counted(row, None, class);
            }
            None if class.0 == 0 => self.outside(),
            None => {
                let g = batch.groups[k];
                self.count(g.unit, g.official, class.status(), class.grades(), 1);
                self.counted(row, None, class);
            }
        }
    }

    /// A dossier the block left to the row path (a value out of range, dates out of order,
    /// a calendar that does not reach): checked and classified one by one, each fault
    /// named.
    #[cold]
    #[inline(never)]
    fn add_row(
        &mut self,
        batch: &mut Batch,
        row_number: u64,
        c: &Columns<'_>,
        (unit, official): (u32, u32),
        r: &Row,
        rules: &Rules,
    ) {
        if batch.units.get(unit as usize).is_none() {
            let f = invalid(Code::CodeUnknown, "unit", unit.into());
            return self.reject(row_number, None, f);
        }
        if batch.blank(unit) {
            return self.reject(row_number, None, super::unit_missing());
        }
        if let Err(f) = check(r) {
            return self.reject(row_number, None, f);
        }
        if official != NO_OFFICIAL && c.officials.get(official as usize).is_none() {
            let f = invalid(Code::CodeUnknown, "official", official.into());
            return self.reject(row_number, None, f);
        }
        let k = batch.group(self, c, unit, official);
        let calendar = Arc::clone(&self.calendar);
        match classify_class(r, &calendar, rules) {
            Ok(Some(class)) => self.add_class(batch, k, row_number, class),
            Ok(None) => self.outside(),
            Err(e) => self.reject(row_number, None, e.fault(r, &calendar)),
        }
    }
}

#[cfg(test)]
impl Tally {
    /// [`Tally::add_columns`] with every dossier through the row path, read straight from
    /// the columns: the reference the block path is tested against.
    pub(super) fn add_columns_row_by_row(&mut self, first_row: u64, c: &Columns<'_>) {
        const E: Row = Row::empty();
        let mut batch = Batch::new(self, c, c.unit.len());
        let rules = self.rules();
        for i in 0..c.unit.len() {
            let at = |col: Option<&[i32]>, absent: i32| col.map_or(absent, |v| v[i]);
            let code = |col: Option<&[u8]>, absent: u8| col.map_or(absent, |v| v[i]);
            let r = Row {
                channel: c.channel[i],
                received_day: c.received_day[i],
                received_second: c.received_second[i],
                limit_halves: at(c.limit_halves, E.limit_halves),
                due_day: at(c.due_day, E.due_day),
                original_due_day: at(c.original_due_day, E.original_due_day),
                restart_day: at(c.restart_day, E.restart_day),
                restart_second: at(c.restart_second, E.restart_second),
                resolved_day: at(c.resolved_day, E.resolved_day),
                resolved_second: at(c.resolved_second, E.resolved_second),
                agency_grade: code(c.agency_grade, E.agency_grade),
                contacts: at(c.contacts, E.contacts),
                agencies: code(c.agencies, E.agencies),
                complaint: code(c.complaint, E.complaint),
            };
            let official = c.official.map_or(NO_OFFICIAL, |o| o[i]);
            let row = first_row + i as u64;
            self.add_row(&mut batch, row, c, (c.unit[i], official), &r, &rules);
        }
        self.add_histograms(&batch);
    }
}

/// What a call keeps of its groups.
struct Batch {
    /// The tally's unit of each unit code, or [`NO_UNIT`].
    units: Vec<u32>,
    index: GroupIndex,
    groups: Vec<Group>,
    hist: Vec<Histogram>,
    /// Whether the call is long enough for histograms.
    histograms: bool,
}

impl Batch {
    fn new(t: &mut Tally, c: &Columns<'_>, rows: usize) -> Self {
        Batch {
            // A blank name is not made a unit of the tally: its dossiers are rejected.
            units: (c.units.iter())
                .map(|u| match super::normalize_name(u).is_empty() {
                    true => NO_UNIT,
                    false => t.unit(u),
                })
                .collect(),
            index: GroupIndex::new(c.units.len(), c.officials.len()),
            groups: Vec::new(),
            hist: Vec::new(),
            histograms: rows >= HISTOGRAM_ROWS,
        }
    }

    /// Whether a valid unit code names no unit (an empty or blank name): its dossiers are
    /// rejected, as an empty `unit` is in a record or a CSV row.
    fn blank(&self, unit: u32) -> bool {
        self.units[unit as usize] == NO_UNIT
    }

    /// The group of a valid (unit, official) code pair, numbered on first use. The
    /// official is registered with its first valid dossier, counted or not (a report lists
    /// it only once one counts in the period).
    #[inline(always)]
    fn group(&mut self, t: &mut Tally, c: &Columns<'_>, unit: u32, official: u32) -> usize {
        match self.index.get(unit, official) {
            Some(k) => k as usize,
            None => self.new_group(t, c, unit, official),
        }
    }

    #[cold]
    fn new_group(&mut self, t: &mut Tally, c: &Columns<'_>, unit: u32, official: u32) -> usize {
        if self.blank(unit) {
            // Not cached: each of its dossiers comes here and is rejected.
            return BLANK;
        }
        let u = self.units[unit as usize];
        if self.histograms && self.groups.len() < HISTOGRAM_GROUPS {
            self.hist.push([0; HIGH + 16]);
        }
        self.groups.push(Group {
            unit: u,
            official: c
                .officials
                .get(official as usize)
                .map_or(NO_OFFICIAL, |name| t.official(u, name)),
        });
        self.index.set(unit, official, self.groups.len() as u32 - 1);
        self.groups.len() - 1
    }
}
