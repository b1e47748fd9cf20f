//! Many units scored at once: one result per unit, in input order, and the units that
//! scored ranked in one province table.

use super::rank::{rank_rows, ProvinceRow, ProvinceTable, RankOptions};
use crate::error::{Errors, Problem};
use crate::input::Report;
use crate::profile::{CheckedProfile, Interpretations};
use crate::scoring::Scorecard;
use crate::{audit, scoring};
use serde::Serialize;
use std::borrow::Borrow;

/// What a batch gives for one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum UnitResult {
    /// The unit's whole scorecard, findings included (a batch with scorecards).
    Scorecard(Box<Scorecard>),
    /// The position of the unit's row in the table's `rows`, from 0 (a batch without
    /// scorecards; the row's `rank` counts from 1).
    Row(u32),
    /// The problems that kept the unit from scoring: it has no row.
    Errors(Vec<Problem>),
}

/// Many units scored at once, and their province table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Batch {
    /// One result per input, in input order: a unit's errors never lose the others.
    pub results: Vec<UnitResult>,
    /// The units that scored, ranked in one table.
    pub table: ProvinceTable,
}

/// Scores every report under `profile` and ranks those that score in one table. With
/// `scorecards`, each result is the unit's whole scorecard with its findings; without, it
/// is the position of the unit's row in the table, and no scorecard outlives its row (the
/// audit, which only adds findings, is not run): what a province table needs, at a
/// fraction of the time and memory.
pub fn batch<R: Borrow<Report>>(
    reports: impl IntoIterator<Item = Result<R, Errors>>,
    profile: &CheckedProfile,
    interp: &Interpretations,
    options: RankOptions,
    scorecards: bool,
) -> Batch {
    let mut results = Vec::new();
    let mut rows = Vec::new();
    for r in reports {
        let card = r.and_then(|r| scoring::compute(r.borrow(), profile, interp).map(|c| (r, c)));
        results.push(match card {
            Err(e) => UnitResult::Errors(e.0),
            Ok((r, mut card)) => {
                rows.push(ProvinceRow::of(&card, options.basis));
                if scorecards {
                    card.findings = audit::findings(r.borrow(), profile, interp, &card);
                    UnitResult::Scorecard(Box::new(card))
                } else {
                    UnitResult::Row(0)
                }
            }
        });
    }
    let (table, place) = rank_rows(rows, profile, options);
    if !scorecards {
        let mut place = place.into_iter();
        for res in &mut results {
            if let UnitResult::Row(k) = res {
                *k = place.next().unwrap_or_default();
            }
        }
    }
    Batch { results, table }
}
