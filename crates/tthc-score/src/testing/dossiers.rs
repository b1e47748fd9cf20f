//! Plausible dossier records, generated deterministically: the example file, the 10-million-
//! row benchmark file, the parity tests and the property tests all use them.

use crate::calendar::{Calendar, CalendarDate, Cutoff, DateTime, DayNumber, DAY_SECONDS};
use crate::input::{
    AgenciesContacted, At, Channel, Complaint, Count, Day, DayOrAt, Dossier, TimeLimit, Timeliness,
};
use std::fmt::Write;

/// A small, fast, deterministic generator (xorshift64*): the same seed gives the same file
/// on every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True with probability `per_mille` / 1000.
    pub fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }
}

const OFFICIALS: [&str; 6] = [
    "Nguyễn Thị Lan",
    "Trần Văn Hùng",
    "Lò Thị Xuân",
    "Quàng Văn Minh",
    "Lê Thị Thu",
    "Vì Văn Đức",
];

/// Limits in half-days, as often as one-stop lists have them (many 0, 1 and 3-day items).
const LIMITS: [u32; 12] = [0, 0, 1, 2, 2, 4, 6, 6, 10, 14, 20, 30];

/// `n` dossiers of `units` received around the period `start..=end` (some before it, to be
/// carried over), with the mix one-stop desks see: mostly direct, some online and by post,
/// mostly early, some on time, a few late or pending, some given due dates (a few that
/// disagree), restarts and re-appointments.
pub fn generate(
    n: usize,
    seed: u64,
    units: &[&str],
    start: CalendarDate,
    end: CalendarDate,
) -> Vec<Dossier> {
    generate_from(0, n, seed, units, start, end)
}

/// [`generate`], the ids numbered from `first + 1` (for a file written in chunks).
pub fn generate_from(
    first: usize,
    n: usize,
    seed: u64,
    units: &[&str],
    start: CalendarDate,
    end: CalendarDate,
) -> Vec<Dossier> {
    let cal = Calendar::vietnam();
    let mut rng = Rng::new(seed);
    let (s, e) = (start.to_days() - 20, end.to_days());
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let unit = units[rng.below(units.len() as u64) as usize];
        let channel = match rng.below(100) {
            0..=24 => Channel::Online,
            25..=94 => Channel::Direct,
            _ => Channel::Post,
        };
        // Desks work in office hours; online dossiers come at any hour and any day.
        let (day, second) = loop {
            let d = s + rng.below((e - s + 1) as u64) as DayNumber;
            let working = cal.is_working(d).unwrap_or(false);
            if channel == Channel::Online || working || rng.chance(30) {
                let sec = if channel == Channel::Online {
                    rng.below(u64::from(DAY_SECONDS))
                } else {
                    7 * 3600 + 1800 + rng.below(10 * 3600)
                };
                break (d, sec as u32);
            }
        };
        let received = DateTime { day, second };
        let halves = LIMITS[rng.below(LIMITS.len() as u64) as usize];
        let computed = cal.due_day(received, halves, Cutoff::SameDay).ok();
        let mut d = Dossier {
            id: Some(format!(
                "{:03}.{}.{:08}",
                unit.len() % 1000,
                start.year,
                first + i + 1
            )),
            unit: unit.to_string(),
            official: (!rng.chance(100))
                .then(|| OFFICIALS[rng.below(OFFICIALS.len() as u64) as usize].to_string()),
            channel,
            received_at: At(received),
            time_limit_days: TimeLimit::from_halves(halves),
            due_date: None,
            original_due_date: None,
            restarted_at: None,
            resolved_at: None,
            agency_grade: None,
            agency_steps: Vec::new(),
            contacts: match rng.below(100) {
                0..=84 => Count::new(0),
                85..=96 => Count::new(1),
                _ => Count::new(2),
            },
            agencies_contacted: match rng.below(100) {
                0..=84 => Some(AgenciesContacted::None),
                85..=96 => Some(AgenciesContacted::Desk),
                _ => Some(AgenciesContacted::Several),
            },
            complaint: match rng.below(1000) {
                0..=9 => Some(Complaint::Upheld),
                10..=29 => Some(Complaint::Unfounded),
                _ => Some(Complaint::None),
            },
        };
        let Some(due) = computed else {
            out.push(d);
            continue;
        };
        let date = |x: DayNumber| CalendarDate::from_days(x).map(Day);
        match rng.below(1000) {
            0..=299 => d.due_date = date(due),
            300..=309 => d.due_date = date(due + 1),
            310..=314 => {
                d.original_due_date = date(due);
                d.due_date = date(due + 3);
            }
            _ => {}
        }
        // Resolution: most early, some on time, a few late; one in ten still pending.
        if !rng.chance(100) {
            let r = match rng.below(100) {
                0..=69 => due - 1 - rng.below(u64::from(halves / 2 + 1)) as DayNumber,
                70..=91 => due,
                _ => due + 1 + rng.below(5) as DayNumber,
            }
            .max(day);
            let sec = if r == day {
                second.max(8 * 3600) + 60
            } else {
                8 * 3600 + rng.below(8 * 3600) as u32
            };
            let sec = sec.min(DAY_SECONDS - 1);
            d.resolved_at = Some(DayOrAt {
                day: r,
                second: (!rng.chance(200)).then_some(sec),
            });
            // A restart after supplements, the day after receipt, before the resolution.
            if rng.chance(20) && r > day + 1 {
                d.restarted_at = Some(At(DateTime {
                    day: day + 1,
                    second: 9 * 3600,
                }));
            }
            if rng.chance(200) {
                d.agency_grade = Some(if r <= due {
                    Timeliness::Early
                } else {
                    Timeliness::Late
                });
            }
        }
        out.push(d);
    }
    out
}

/// The header of the dossier CSV (dossiers.md §7).
pub const CSV_HEADER: &str = "id,unit,official,channel,received_at,time_limit_days,due_date,original_due_date,restarted_at,resolved_at,agency_grade,contacts,agencies_contacted,complaint";

fn cell(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&s.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// One dossier as a CSV line (with its line break).
pub fn csv_line(d: &Dossier, out: &mut String) {
    let opt = |out: &mut String, v: Option<String>| {
        if let Some(v) = v {
            cell(out, &v);
        }
        out.push(',');
    };
    opt(out, d.id.clone());
    opt(out, Some(d.unit.clone()));
    opt(out, d.official.clone());
    opt(out, Some(d.channel.as_str().to_string()));
    opt(out, Some(d.received_at.to_string()));
    opt(
        out,
        d.time_limit_days.map(|l| {
            let h = l.halves();
            if h % 2 == 0 {
                (h / 2).to_string()
            } else {
                format!("{}.5", h / 2)
            }
        }),
    );
    opt(out, d.due_date.map(|x| x.to_string()));
    opt(out, d.original_due_date.map(|x| x.to_string()));
    opt(out, d.restarted_at.map(|x| x.to_string()));
    opt(out, d.resolved_at.map(|x| x.to_string()));
    opt(out, d.agency_grade.map(|x| x.as_str().to_string()));
    opt(out, d.contacts.map(|c| c.get().to_string()));
    opt(out, d.agencies_contacted.map(|x| x.as_str().to_string()));
    // An empty complaint cell is "none" (dossiers.md §6).
    let complaint = d
        .complaint
        .filter(|c| *c != Complaint::None)
        .map(|c| c.as_str());
    let _ = write!(out, "{}", complaint.unwrap_or(""));
    out.push('\n');
}

/// Dossiers as a CSV file.
pub fn to_csv(ds: &[Dossier]) -> String {
    let mut out = String::with_capacity(ds.len() * 130 + 200);
    out.push_str(CSV_HEADER);
    out.push('\n');
    for d in ds {
        csv_line(d, &mut out);
    }
    out
}

/// The benchmark batch: `n` dossiers of 50 units in Q2 2021 (seed 20261127) as columns,
/// the same for the criterion bench and the WebAssembly bench.
pub fn bench_columns(n: usize) -> crate::tally::OwnedColumns {
    let units: Vec<String> = (1..=50).map(|i| format!("UBND xã số {i:02}")).collect();
    let refs: Vec<&str> = units.iter().map(String::as_str).collect();
    let (s, e) = (
        CalendarDate::new(2021, 4, 1).unwrap_or(CalendarDate {
            year: 2021,
            month: 4,
            day: 1,
        }),
        CalendarDate::new(2021, 6, 30).unwrap_or(CalendarDate {
            year: 2021,
            month: 6,
            day: 30,
        }),
    );
    let cal = Calendar::vietnam();
    let p = crate::classify::Policy::default();
    let mut cols = crate::tally::OwnedColumns::default();
    for d in generate(n, 20261127, &refs, s, e) {
        // Generated dossiers have no agency steps: the row always exists.
        if let Ok(r) = crate::tally::row_of(&d, cal, &p) {
            cols.push(&d.unit, d.official.as_deref(), &r);
        }
    }
    cols
}
