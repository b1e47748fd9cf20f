//! The columnar API: one batch of dossiers as slices of numbers and small codes (the
//! WebAssembly package passes typed arrays), with no per-dossier object.

use super::Tally;
use crate::calendar::DAY_SECONDS;
use crate::classify::{classify_class, Class, Fault, Row, NONE};
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

#[inline]
fn at<T: Copy>(c: Option<&[T]>, i: usize, absent: T) -> T {
    c.map_or(absent, |c| c[i])
}

fn invalid(code: Code, what: &str, v: i64) -> Fault {
    (
        code,
        format!("Giá trị không hợp lệ ở cột {what}: {v}"),
        format!("invalid value in column {what}: {v}"),
    )
}

/// Checks the values of one row that the classification does not check itself.
#[inline]
fn check(r: &Row) -> Result<(), Fault> {
    let day = |what, d: i32, required: bool| {
        if (required && d == NONE) || (d != NONE && !(-719_000..=3_000_000).contains(&d)) {
            Err(invalid(Code::DateTimeInvalid, what, i64::from(d)))
        } else {
            Ok(())
        }
    };
    let second = |what, s: i32, optional: bool| {
        let ok = (0..DAY_SECONDS as i32).contains(&s) || (optional && s == -1);
        if ok {
            Ok(())
        } else {
            Err(invalid(Code::DateTimeInvalid, what, i64::from(s)))
        }
    };
    day("receivedDay", r.received_day, true)?;
    second("receivedSecond", r.received_second, false)?;
    day("dueDay", r.due_day, false)?;
    day("originalDueDay", r.original_due_day, false)?;
    day("restartDay", r.restart_day, false)?;
    day("resolvedDay", r.resolved_day, false)?;
    if r.restart_day != NONE {
        second("restartSecond", r.restart_second, false)?;
    }
    second("resolvedSecond", r.resolved_second, true)?;
    if r.channel > Row::POST {
        return Err(invalid(Code::ValueUnknown, "channel", r.channel.into()));
    }
    if !(-1..=2 * MAX_TIME_LIMIT_DAYS as i32).contains(&r.limit_halves) {
        return Err(invalid(
            Code::TimeLimitInvalid,
            "limitHalves",
            r.limit_halves.into(),
        ));
    }
    if r.contacts < -1 {
        return Err(invalid(Code::CountNegative, "contacts", r.contacts.into()));
    }
    for (what, v) in [
        ("agencyGrade", r.agency_grade),
        ("agencies", r.agencies),
        ("complaint", r.complaint),
    ] {
        if v > 3 {
            return Err(invalid(Code::ValueUnknown, what, v.into()));
        }
    }
    Ok(())
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

    /// The slot of a pair in the table (no official: the last column).
    #[inline]
    fn slot(stride: usize, unit: u32, official: u32) -> usize {
        let o = if official == NO_OFFICIAL {
            stride - 1
        } else {
            official as usize
        };
        unit as usize * stride + o
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
/// histograms: per dossier one counter for where it stands and one for its five grades,
/// added into the unit's and official's counters once at the end of the call (fewer
/// than 100 counters a group are touched per dossier otherwise: about 20 adds).
const HISTOGRAM_ROWS: usize = 1 << 16;
/// How many groups have histograms (4.4 KB each); the others are counted directly.
const HISTOGRAM_GROUPS: usize = 512;

/// The histograms of a call, by group.
#[derive(Default)]
struct Histograms {
    status: Vec<u32>,
    grades: Vec<u32>,
}

impl Histograms {
    /// Counts a dossier of group `k` (below 2^31 per call: no overflow).
    #[inline]
    fn add(&mut self, k: usize, class: Class) {
        let s = &mut self.status[k * Class::STATUSES + class.status()];
        *s = s.wrapping_add(1);
        let g = &mut self.grades[k * Class::GRADES + class.grades()];
        *g = g.wrapping_add(1);
    }

    fn add_group(&mut self) {
        self.status.resize(self.status.len() + Class::STATUSES, 0);
        self.grades.resize(self.grades.len() + Class::GRADES, 0);
    }
}

/// What the batch knows of a group: the tally's unit and official, and whether it has
/// histograms.
#[derive(Clone, Copy)]
struct Group {
    unit: u32,
    official: u32,
    histogram: bool,
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

    fn add_rows(&mut self, first_row: u64, c: &Columns<'_>, rows: std::ops::Range<usize>) {
        let units: Vec<u32> = c.units.iter().map(|u| self.unit(u)).collect();
        let mut index = GroupIndex::new(c.units.len(), c.officials.len());
        let mut groups: Vec<Group> = Vec::new();
        let mut hist = Histograms::default();
        let histograms = rows.len() >= HISTOGRAM_ROWS;
        let calendar = Arc::clone(&self.calendar);
        let (start, end, policy) = (self.start, self.end, self.policy);
        for i in rows {
            let row_number = first_row + i as u64;
            let r = Row {
                channel: c.channel[i],
                received_day: c.received_day[i],
                received_second: c.received_second[i],
                limit_halves: at(c.limit_halves, i, -1),
                due_day: at(c.due_day, i, NONE),
                original_due_day: at(c.original_due_day, i, NONE),
                restart_day: at(c.restart_day, i, NONE),
                restart_second: at(c.restart_second, i, -1),
                resolved_day: at(c.resolved_day, i, NONE),
                resolved_second: at(c.resolved_second, i, -1),
                agency_grade: at(c.agency_grade, i, Row::UNKNOWN),
                contacts: at(c.contacts, i, -1),
                agencies: at(c.agencies, i, Row::UNKNOWN),
                complaint: at(c.complaint, i, Row::UNKNOWN),
            };
            let Some(&unit) = units.get(c.unit[i] as usize) else {
                self.reject(
                    row_number,
                    None,
                    invalid(Code::CodeUnknown, "unit", c.unit[i].into()),
                );
                continue;
            };
            if let Err(f) = check(&r) {
                self.reject(row_number, None, f);
                continue;
            }
            let code = at(c.official, i, NO_OFFICIAL);
            let name = c.officials.get(code as usize);
            if code != NO_OFFICIAL && name.is_none() {
                self.reject(
                    row_number,
                    None,
                    invalid(Code::CodeUnknown, "official", code.into()),
                );
                continue;
            }
            // The official is registered with its first valid dossier, counted or not.
            let (k, g) = match index.get(c.unit[i], code) {
                Some(k) => (k as usize, groups[k as usize]),
                None => {
                    let official = name.map_or(NO_OFFICIAL, |name| self.official(unit, name));
                    let histogram = histograms && groups.len() < HISTOGRAM_GROUPS;
                    if histogram {
                        hist.add_group();
                    }
                    let g = Group {
                        unit,
                        official,
                        histogram,
                    };
                    index.set(c.unit[i], code, groups.len() as u32);
                    groups.push(g);
                    (groups.len() - 1, g)
                }
            };
            match classify_class(&r, &calendar, start, end, &policy) {
                // Groups with histograms are numbered first: `k` is also the histogram's.
                Ok(Some(class)) if g.histogram => {
                    hist.add(k, class);
                    self.counted(row_number, None, class);
                }
                Ok(Some(class)) => {
                    self.count(g.unit, g.official, class.status(), class.grades(), 1);
                    self.counted(row_number, None, class);
                }
                Ok(None) => self.outside(),
                Err(e) => self.reject(row_number, None, e.fault(&r, &calendar)),
            }
        }
        // Each histogram's counts, added as many dossiers at once.
        for (k, g) in groups.iter().enumerate().filter(|(_, g)| g.histogram) {
            let status = &hist.status[k * Class::STATUSES..][..Class::STATUSES];
            for (s, &n) in status.iter().enumerate().filter(|(_, &n)| n > 0) {
                self.count(g.unit, g.official, s, 0, u64::from(n));
            }
            let grades = &hist.grades[k * Class::GRADES..][..Class::GRADES];
            for (x, &n) in grades.iter().enumerate().filter(|(_, &n)| n > 0) {
                self.count(g.unit, g.official, 0, x, u64::from(n));
            }
        }
    }
}
