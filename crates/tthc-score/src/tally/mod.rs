//! The tally: dossier records of one period → per unit, a report input in exactly the
//! core's format (dossiers.md §8), plus what was rejected and noted.
//!
//! Streaming with constant memory per group: each unit and each of its officials holds a
//! few counters; rows are classified one by one and never kept (only the first rows of
//! each note and rejection, by row number). Tallies of parts of the same records for the
//! same period merge into the tally of the whole, in any order ([`Tally::merge`]): every
//! counter adds up and every sample keeps the smallest row numbers.

mod block;
mod columns;
mod counters;
mod facts;
mod ids;
mod options;
mod records;
mod summary;

pub use columns::{Columns, OwnedColumns, NO_OFFICIAL};
pub use facts::{UnitFacts, UnitFactsEntry, UnitIndicatorFacts};
pub use ids::RunStore;
pub use options::{parse_close, CalendarChanges, TallyOptions, PROVISIONAL_YEARS};
pub use records::row_of;
pub use summary::{RejectedRow, TallyCode, TallyNote, TallySummary};

use crate::base::bounded;
use crate::calendar::{Calendar, DayNumber};
use crate::classify::{classify_class, slots_of, Class, Fault, Policy, Row, Rules};
use crate::error::{Code, Problem};
use crate::input::{Period, Report};
use counters::{add_slots, merge_grades, Counters, GradeCounts, Sample};
use ids::IdSet;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// What a tally gives: one report input per unit, sorted by unit name, and the summary.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct TallyOutcome {
    /// The report inputs.
    pub reports: Vec<Report>,
    /// What was read, rejected and noted.
    pub summary: TallySummary,
}

/// How many rejected rows a tally lists (all are counted).
pub const REJECTED_LISTED: usize = 1000;
/// How many rows a note names (all are counted).
pub const NOTE_ROWS: usize = 5;

/// A unit or official name as the tally compares it: trimmed and, with the `nfc` feature,
/// in Unicode NFC (dossiers.md §5). The WebAssembly package normalizes in JavaScript.
pub fn normalize_name(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    #[cfg(feature = "nfc")]
    {
        use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};
        if is_nfc_quick(t.chars()) != IsNormalized::Yes {
            return Cow::Owned(t.nfc().collect());
        }
    }
    Cow::Borrowed(t)
}

/// Characters of an id the tally keeps for a rejected or noted row.
pub const KEPT_ID_CHARS: usize = 100;

/// An id as the tally keeps it for a rejected or noted row: at most [`KEPT_ID_CHARS`]
/// characters (an unbalanced quote can make a cell of the rest of a file).
fn kept_id(id: &str) -> String {
    crate::base::cut(id, KEPT_ID_CHARS).into_owned()
}

/// The fault of a dossier whose unit is empty or blank (`unit` is required, dossiers.md §7),
/// in every entry: records, columns and CSV.
#[cold]
pub(crate) fn unit_missing() -> crate::classify::Fault {
    (
        Code::ValueMissing,
        "Thiếu đơn vị (unit)".to_string(),
        "the unit is empty".to_string(),
    )
}

/// An id as a line of text shows it: control characters, line and paragraph separators,
/// bidirectional overrides and backslashes escaped as Rust writes them (`A\nB`), so that
/// a quoted line break cannot forge a line of a report.
pub fn shown_id(id: &str) -> String {
    let hidden = |c: char| c == '\\' || crate::base::hidden(c);
    let mut out = String::with_capacity(id.len());
    for c in id.chars() {
        if hidden(c) {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct UnitTally {
    name: String,
    counters: Counters,
    officials: Vec<(String, [GradeCounts; 5])>,
    /// Whether each official has a dossier counted in the period: an official is named by
    /// a rejected row or one outside the period too, and listed only with one in it (as a
    /// unit is).
    in_period: Vec<bool>,
    official_index: HashMap<String, u32, FxBuild>,
}

/// The indexes of `names` in name order (the one sort of the tally: each distinct sort
/// would add its own copy of the sorting code to the WebAssembly module).
pub(crate) fn by_name(names: &[&str]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..names.len()).collect();
    idx.sort_unstable_by(|&a, &b| names[a].cmp(names[b]));
    idx
}

/// A rejected row: its id, code and message.
type Rejection = (Option<String>, Code, String, String);

/// The tally of one period.
#[derive(Debug, Clone)]
pub struct Tally {
    period: Period,
    start: DayNumber,
    end: DayNumber,
    policy: Policy,
    calendar: Arc<Calendar>,
    units: Vec<UnitTally>,
    index: HashMap<String, u32, FxBuild>,
    rows: u64,
    outside: u64,
    rejected: Sample<Rejection>,
    rejected_by_code: HashMap<Code, u64>,
    mismatch: Sample<Option<String>>,
    rest_day: Sample<Option<String>>,
    provisional: Sample<Option<String>>,
    check_ids: bool,
    ids: IdSet,
    unknown_columns: Vec<String>,
}

/// A fast, fixed hash (FxHash, as in rustc) for the tally's maps of names: the same text
/// hashes the same in every part of a file, and short keys hash in a few instructions (not
/// for fingerprints: see `ids::fingerprint`).
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl Fx {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type FxBuild = BuildHasherDefault<Fx>;

impl Tally {
    /// A tally of `period`, classifying with `policy` against `calendar`.
    ///
    /// # Errors
    /// `PERIOD_INVALID` for a period that does not exist (the first problem, with the
    /// path of its field, as for a report's period).
    pub fn new(period: Period, policy: Policy, calendar: Arc<Calendar>) -> Result<Tally, Problem> {
        let mut problems = Vec::new();
        crate::input::period_problems(&period, &mut problems);
        if let Some(p) = problems.into_iter().next() {
            return Err(p);
        }
        let (start, end) = period.bounds().ok_or_else(|| {
            Problem::new(
                Code::PeriodInvalid,
                "period",
                "Kỳ báo cáo không tồn tại",
                "no such period",
            )
        })?;
        Ok(Tally {
            period,
            start: start.to_days(),
            end: end.to_days(),
            policy,
            calendar,
            units: Vec::new(),
            index: HashMap::default(),
            rows: 0,
            outside: 0,
            rejected: Sample::default(),
            rejected_by_code: HashMap::new(),
            mismatch: Sample::default(),
            rest_day: Sample::default(),
            provisional: Sample::default(),
            check_ids: true,
            ids: IdSet::default(),
            unknown_columns: Vec::new(),
        })
    }

    /// A tally of `period` with the default [`Policy`] and the official
    /// calendar ([`Calendar::vietnam`]).
    ///
    /// # Errors
    /// `PERIOD_INVALID` for a period that does not exist.
    pub fn vietnam(period: Period) -> Result<Tally, Problem> {
        Tally::new(
            period,
            Policy::default(),
            Arc::new(Calendar::vietnam().clone()),
        )
    }

    /// The period.
    pub fn period(&self) -> Period {
        self.period
    }

    /// The classification policy.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The index of a unit (registered on first use).
    pub fn unit(&mut self, name: &str) -> u32 {
        // A name already known is in NFC (the keys are): it needs no normalizing.
        if let Some(&i) = self.index.get(name.trim()) {
            return i;
        }
        let name = normalize_name(name);
        if let Some(&i) = self.index.get(name.as_ref()) {
            return i;
        }
        let i = self.units.len() as u32;
        self.units.push(UnitTally {
            name: name.to_string(),
            ..UnitTally::default()
        });
        self.index.insert(name.into_owned(), i);
        i
    }

    /// The index of an official of `unit` (registered on first use); an empty name is
    /// nobody ([`NO_OFFICIAL`]): the dossier counts for the unit only.
    pub fn official(&mut self, unit: u32, name: &str) -> u32 {
        if let Some(&i) = self.units[unit as usize].official_index.get(name.trim()) {
            return i;
        }
        let name = normalize_name(name);
        if name.is_empty() {
            return NO_OFFICIAL;
        }
        let u = &mut self.units[unit as usize];
        if let Some(&i) = u.official_index.get(name.as_ref()) {
            return i;
        }
        let i = u.officials.len() as u32;
        u.officials.push((name.to_string(), [[0; 4]; 5]));
        u.in_period.push(false);
        u.official_index.insert(name.into_owned(), i);
        i
    }

    /// Keeps the fingerprints of the ids (the check for repeated ids, 8 bytes an id) in
    /// `store` instead of memory, from now on and those already noted; the count is the
    /// same. After the summary, [`Tally::id_store_failure`] says whether the store failed.
    pub fn keep_ids_in(&mut self, store: Box<dyn RunStore>) {
        self.ids.keep_in(store);
    }

    /// Why the store of [`Tally::keep_ids_in`] failed to keep or read back the ids, if it
    /// did: then the count of repeated ids is not to be trusted.
    pub fn id_store_failure(&self) -> Option<String> {
        self.ids.failure()
    }

    /// Notes a dossier id, for `DUPLICATE_ID`.
    pub fn note_id(&mut self, id: &str) {
        let id = id.trim();
        if self.check_ids && !id.is_empty() {
            self.ids.insert(ids::fingerprint(id));
        }
    }

    /// Notes columns of a file that the tally does not read.
    pub fn note_unknown_columns(&mut self, names: impl IntoIterator<Item = String>) {
        for n in names {
            if let Err(at) = self.unknown_columns.binary_search(&n) {
                self.unknown_columns.insert(at, n);
            }
        }
    }

    /// Counts a row that could not be read (a CSV cell, a record's field).
    pub fn reject(&mut self, row: u64, id: Option<&str>, (code, vi, en): Fault) {
        self.rows += 1;
        *self.rejected_by_code.entry(code).or_default() += 1;
        let (vi, en) = (
            bounded(vi.into()).into_owned(),
            bounded(en.into()).into_owned(),
        );
        self.rejected
            .add(row, (id.map(kept_id), code, vi, en), REJECTED_LISTED);
    }

    /// Classifies and counts one dossier of `unit` (and `official`, or [`NO_OFFICIAL`]).
    #[inline]
    pub fn add(&mut self, row_number: u64, id: Option<&str>, unit: u32, official: u32, r: &Row) {
        match classify_class(r, &self.calendar, &self.rules()) {
            Ok(Some(c)) => {
                self.count(unit, official, c.status(), c.grades(), 1);
                self.counted(row_number, id, c);
            }
            Ok(None) => self.outside(),
            Err(e) => {
                let f = e.fault(r, &self.calendar);
                self.reject(row_number, id, f);
            }
        }
    }

    /// The period and policy as the classification reads them.
    fn rules(&self) -> Rules {
        Rules::new(self.start, self.end, &self.policy)
    }

    /// Adds `k` dossiers of one [`Class::status`] and one [`Class::grades`] to the
    /// counters of `unit` and `official` (status 0 and grades 0 add nothing).
    #[inline]
    fn count(&mut self, unit: u32, official: u32, status: usize, grades: usize, k: u64) {
        let u = &mut self.units[unit as usize];
        u.counters.add_status(status, k);
        if let (true, Some(seen)) = (status > 0, u.in_period.get_mut(official as usize)) {
            *seen = true;
        }
        if grades > 0 {
            self.count_slots(unit, official, 0, &slots_of(grades), k);
        }
    }

    /// Adds `k` resolved dossiers of `unit` and `official` with the grade `slots` of the
    /// indicators from `first` on (a histogram's marginal).
    fn count_slots(&mut self, unit: u32, official: u32, first: usize, slots: &[usize], k: u64) {
        let u = &mut self.units[unit as usize];
        u.counters.add_resolved(first, slots, k);
        if let Some(o) = u.officials.get_mut(official as usize) {
            add_slots(&mut o.1, first, slots, k);
        }
    }

    /// A row counted in the period (its counters apart) and its notes.
    #[inline]
    fn counted(&mut self, row: u64, id: Option<&str>, c: Class) {
        self.rows += 1;
        if c.noted() {
            self.note(row, id, c);
        }
    }

    /// A row that touches the period in none of the ways that count.
    #[inline]
    fn outside(&mut self) {
        self.rows += 1;
        self.outside += 1;
    }

    /// Counts a dossier's notes.
    #[cold]
    fn note(&mut self, row: u64, id: Option<&str>, c: Class) {
        if c.due_date_mismatch() {
            self.mismatch.add(row, id.map(kept_id), NOTE_ROWS);
        }
        if c.due_date_on_rest_day() {
            self.rest_day.add(row, id.map(kept_id), NOTE_ROWS);
        }
        if c.provisional() {
            self.provisional.add(row, id.map(kept_id), NOTE_ROWS);
        }
    }

    /// Adds the tally of other records of the same period (the parts of one file, in any
    /// order): the result is the tally of all of them.
    ///
    /// # Errors
    /// `INVALID_VALUE` when the period, policy or calendar differ.
    pub fn merge(&mut self, other: &Tally) -> Result<(), Problem> {
        if self.period != other.period
            || self.policy != other.policy
            || self.calendar != other.calendar
        {
            return Err(Problem::new(
                Code::InvalidValue,
                "tally",
                "Chỉ gộp được các bảng đếm cùng kỳ, cùng cách hiểu và cùng lịch",
                "only tallies of the same period, policy and calendar can be merged",
            ));
        }
        for u in &other.units {
            let i = self.unit(&u.name) as usize;
            self.units[i].counters.merge(&u.counters);
            for ((name, g), &seen) in u.officials.iter().zip(&u.in_period) {
                let o = self.official(i as u32, name) as usize;
                merge_grades(&mut self.units[i].officials[o].1, g);
                self.units[i].in_period[o] |= seen;
            }
        }
        self.rows += other.rows;
        self.outside += other.outside;
        self.rejected.merge(&other.rejected, REJECTED_LISTED);
        for (c, n) in &other.rejected_by_code {
            *self.rejected_by_code.entry(*c).or_default() += n;
        }
        self.mismatch.merge(&other.mismatch, NOTE_ROWS);
        self.rest_day.merge(&other.rest_day, NOTE_ROWS);
        self.provisional.merge(&other.provisional, NOTE_ROWS);
        self.ids.merge(&other.ids);
        self.note_unknown_columns(other.unknown_columns.iter().cloned());
        Ok(())
    }

    /// One report input per unit, sorted by unit name, completed with the per-unit facts
    /// the dossiers cannot give; what the facts do not give stays undetermined.
    ///
    /// # Errors
    /// `COUNT_TOO_LARGE` when a count exceeds 2^53 − 1.
    pub fn reports(&self, facts: &UnitFacts) -> Result<Vec<Report>, Problem> {
        let units: Vec<&UnitTally> = self.counted_units().collect();
        let names: Vec<&str> = units.iter().map(|u| u.name.as_str()).collect();
        by_name(&names)
            .into_iter()
            .map(|i| units[i])
            .map(|u| {
                let officials: Vec<_> = (u.officials.iter().zip(&u.in_period))
                    .filter(|(_, &seen)| seen)
                    .map(|(o, _)| o.clone())
                    .collect();
                facts::report(self.period, &u.name, &u.counters, &officials, facts)
            })
            .collect()
    }

    /// The dossiers of `unit` (the name its report carries) pending at the period's end
    /// and due on its last day: overdue in the report (dossiers.md §4), within the deadline
    /// for the 766 index ([`index_input_from_report`](crate::index766::index_input_from_report)).
    pub fn pending_due_on_last_day(&self, unit: &str) -> u64 {
        // By the tally's own index of names (a report's name is its key): a scan of the
        // units for each unit would be quadratic over a province.
        self.index.get(unit).map_or(0, |&i| {
            self.units[i as usize].counters.pending_due_on_last_day
        })
    }

    /// The units with at least one dossier that counts in the period.
    fn counted_units(&self) -> impl Iterator<Item = &UnitTally> {
        self.units.iter().filter(|u| !u.counters.is_empty())
    }

    /// The reports and the summary.
    ///
    /// # Errors
    /// `COUNT_TOO_LARGE` when a count exceeds 2^53 − 1.
    pub fn outcome(&self, facts: &UnitFacts) -> Result<TallyOutcome, Problem> {
        Ok(TallyOutcome {
            reports: self.reports(facts)?,
            summary: self.summary(facts),
        })
    }

    /// What was read, rejected and noted.
    pub fn summary(&self, facts: &UnitFacts) -> TallySummary {
        summary::summary(self, facts)
    }
}

#[cfg(test)]
mod tests;
