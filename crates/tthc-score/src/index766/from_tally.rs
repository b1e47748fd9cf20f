//! From dossier records to the ratio index: the indicators of Decision 766 that the
//! tally's per-unit figures carry (index-766.md rows 2.1 and 3.3, and the October 2026
//! update), so that one pass over the records feeds both models.
//!
//! The tally gives, per unit, a report input whose [`Dossiers`] hold the dossiers received
//! online, direct (post included) and carried over, resolved early, on time and late, and
//! pending within the deadline or overdue at the period's end (dossiers.md §4, §8). From
//! these, [`dossier_indicators`] gives:
//!
//! - **2.1** (on time or early): numerator = resolved early + resolved on time + pending
//!   within the deadline at the period's end; denominator = resolved in the period +
//!   pending at its end. A dossier pending at the end and due on the period's last day is
//!   within the deadline here (index-766.md 2.1: "end time ≤ appointment date", and "an
//!   unfinished dossier uses the period end"), though the tally's report counts it overdue
//!   (dossiers.md §4 says so, and that the 766 index counts it within the deadline): the
//!   tally counts those dossiers apart ([`Tally::pending_due_on_last_day`]) and they are
//!   added back here.
//!
//! [`Tally::pending_due_on_last_day`]: crate::tally::Tally::pending_due_on_last_day
//! - **3.3** (submitted online): numerator = received online in the period; denominator =
//!   received in the period (online + direct + post).
//!
//! What a record does not hold cannot come from it: payment (3.6), digitised components and
//! electronic results (4.1–4.5), synchronisation with the national portal (1.4), the
//! applicants' feedback (5.x) and the per-procedure figures (1.x, 3.1, 3.2) are the caller's,
//! given with [`merge_dossier_indicators`] or [`index_input_from_report`].
//!
//! A named interpretation, documented here (not switchable):
//!
//! - `receivedInPeriod` — 3.3's "received in the period" excludes the dossiers carried over
//!   from the previous period (they were received, and counted, then); 2.1's "received or
//!   processed in the period" includes them when they were resolved or still pending.

use super::input::{IndexInput, IndicatorCounts, Ratio};
use crate::error::{Code, Problem};
use crate::input::{Count, Dossiers, Report, MAX_COUNT};
use std::collections::BTreeMap;

/// The id of the on-time indicator in the `vn-766` profile.
pub const ON_TIME_ID: &str = "2.1";
/// The id of the online-submission indicator in the `vn-766` profile.
pub const ONLINE_ID: &str = "3.3";

/// The indicators of the ratio index that a tally's dossier figures give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierIndicators {
    /// 2.1 "Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn" (index-766.md row 2.1; the October 2026
    /// update: linear, 20 × on time ÷ received): dossiers finished early or on time, or
    /// still in progress within the deadline at the period's end, ÷ dossiers resolved in
    /// the period or pending at its end ("received or processed in the period").
    pub on_time: Ratio,
    /// 3.3 "Tỷ lệ hồ sơ nộp trực tuyến" (index-766.md row 3.3; the October 2026 update:
    /// saturating at 50 %, × 6): dossiers received online in the period ÷ dossiers
    /// received in the period (online, direct and post; not those carried over).
    pub online: Ratio,
}

fn count(n: u64, id: &str) -> Result<Count, Problem> {
    Count::new(n).filter(|_| n <= MAX_COUNT).ok_or_else(|| {
        Problem::new(
            Code::CountTooLarge,
            format!("indicators.{id}.denominator"),
            format!("Chỉ số {id}: mẫu số {n} vượt quá 2^53 − 1"),
            format!("indicator {id}: denominator {n} above 2^53 − 1"),
        )
    })
}

/// The dossier-based indicators of one unit from its tally figures: the `dossiers` of the
/// report the tally gives for it (or of any report), and of its dossiers counted there as
/// pending overdue, those due on the period's last day
/// ([`Tally::pending_due_on_last_day`](crate::tally::Tally::pending_due_on_last_day); 0
/// when not known), which are within the deadline for 2.1.
///
/// Source: index-766.md rows 2.1 and 3.3 and its October 2026 update; dossiers.md §4; the
/// interpretation `receivedInPeriod` of this module. A numerator is never above its
/// denominator.
///
/// # Errors
/// `COUNT_TOO_LARGE` when a denominator (a sum of counts) exceeds 2^53 − 1.
pub fn dossier_indicators(
    d: &Dossiers,
    pending_due_on_last_day: u64,
) -> Result<DossierIndicators, Problem> {
    let r = &d.resolved;
    let p = &d.pending;
    let last_day = pending_due_on_last_day.min(p.overdue.get());
    // Each count is below 2^53: the sums cannot overflow a u64.
    let on_time_n = r.early.get() + r.on_time.get() + p.within_deadline.get() + last_day;
    let on_time_d = r.sum_of_breakdown() + p.total();
    let online_n = d.received.online.get();
    let online_d = d.received.online.get() + d.received.direct.get();
    Ok(DossierIndicators {
        on_time: Ratio {
            numerator: count(on_time_n, ON_TIME_ID)?,
            denominator: count(on_time_d, ON_TIME_ID)?,
        },
        online: Ratio {
            numerator: count(online_n, ONLINE_ID)?,
            denominator: count(online_d, ONLINE_ID)?,
        },
    })
}

/// Adds the dossier-based indicators to `input`'s other indicators.
///
/// The caller's figures are never overwritten: an indicator the input already gives is
/// `DUPLICATE_FIELD` at `indicators.<id>`, and `input` is left unchanged (a caller who
/// prefers its own figure leaves the tally out; one who prefers the tally's removes its
/// own first).
///
/// # Errors
/// `DUPLICATE_FIELD` for 2.1 or 3.3 already in the input (both reported).
pub fn merge_dossier_indicators(
    input: &mut IndexInput,
    from_dossiers: &DossierIndicators,
) -> Result<(), Vec<Problem>> {
    let pairs = [
        (ON_TIME_ID, from_dossiers.on_time),
        (ONLINE_ID, from_dossiers.online),
    ];
    let clashes: Vec<Problem> = pairs
        .iter()
        .filter(|(id, _)| input.indicators.contains_key(*id))
        .map(|(id, _)| {
            Problem::new(
                Code::DuplicateField,
                format!("indicators.{id}"),
                format!("Chỉ số {id} đã có trong số liệu nhập; số liệu từ hồ sơ không ghi đè"),
                format!(
                    "indicator {id} is already given; the dossiers' figures do not overwrite it"
                ),
            )
        })
        .collect();
    if !clashes.is_empty() {
        return Err(clashes);
    }
    for (id, r) in pairs {
        input.indicators.insert(
            id.to_string(),
            IndicatorCounts {
                numerator: Some(r.numerator),
                denominator: Some(r.denominator),
                last_year_total: None,
                parts: None,
            },
        );
    }
    Ok(())
}

/// The ratio-index input of the unit of `report` (one the tally gives): its period, its
/// unit, the indicators `others` (those the dossiers cannot give), and 2.1 and 3.3 from
/// its dossiers, of which `pending_due_on_last_day` counted overdue in the report are
/// within the deadline here ([`dossier_indicators`]).
///
/// # Errors
/// As [`dossier_indicators`] and [`merge_dossier_indicators`].
pub fn index_input_from_report(
    report: &Report,
    pending_due_on_last_day: u64,
    others: BTreeMap<String, IndicatorCounts>,
) -> Result<IndexInput, Vec<Problem>> {
    let counts =
        dossier_indicators(&report.dossiers, pending_due_on_last_day).map_err(|p| vec![p])?;
    let mut input = IndexInput {
        period: report.period,
        unit: report.unit.clone(),
        indicators: others,
    };
    merge_dossier_indicators(&mut input, &counts)?;
    Ok(input)
}
