//! Many units scored at once: one result per unit, in input order, and the units that
//! scored ranked in one province table.

use super::rank::{rank_rows, ProvinceRow, ProvinceTable, RankOptions};
use crate::error::{Code, Errors, Problem};
use crate::input::Report;
use crate::profile::{CheckedProfile, InterpretationOverrides, Interpretations, ProfileChoice};
use crate::scoring::Scorecard;
use crate::{audit, scoring};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;

/// A unit of a batch scored under a profile of its own, not the batch's. JSON
/// `{ "report": {…}, "profile": "tt01-2018" }` (or a profile object) beside bare reports:
/// a province whose units answer to different scoring decisions ranks them in one table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields, remote = "Self")]
pub struct BatchItem {
    /// The unit's report.
    pub report: Report,
    /// Its profile: a built-in profile's identifier or a profile object (none: the
    /// batch's, as for a bare report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", tsify(type = "string | Profile", optional))]
    pub profile: Option<ProfileChoice>,
}

crate::base::objects_only!(BatchItem);

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

/// The profile and interpretations one unit is scored under.
pub type Scoring<'p> = (&'p CheckedProfile, &'p Interpretations);

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
    let units = reports.into_iter().map(|r| r.map(|r| (r, None)));
    batch_mixed(units, profile, interp, options, scorecards)
}

/// [`batch`] where a unit may bring its own profile (`Some`), the others taking the
/// batch's. Units under other profiles rank in the same table by the same figure (every
/// profile scores out of 18 on the nine indicators); their rows name their profile, give
/// the scores in the table profile's order, and their bands are counted after the table
/// profile's own \[D\] (no text ranks units of different scoring decisions together).
///
/// Profiles are told apart by their ids: a unit whose profile differs from the built-in
/// profile of its id, or from another of the batch with the same id (the first unit that
/// scores under an id claims it), gets `PROFILE_MISMATCH` at `profile` instead of a row.
pub fn batch_mixed<'p, R: Borrow<Report>>(
    units: impl IntoIterator<Item = Result<(R, Option<Scoring<'p>>), Errors>>,
    profile: &'p CheckedProfile,
    interp: &'p Interpretations,
    options: RankOptions,
    scorecards: bool,
) -> Batch {
    let mut results = Vec::new();
    let mut rows = Vec::new();
    let mut seen: Vec<Scoring<'p>> = vec![(profile, interp)];
    // The table is of one period: the first unit that scores sets it.
    let mut period = None;
    for u in units {
        let card = u.and_then(|(r, own)| {
            let (p, i) = own.unwrap_or((profile, interp));
            let card = scoring::compute(r.borrow(), p, i)?;
            if let Some(first) = period.filter(|f| *f != card.period) {
                return Err(Errors::one(other_period(&card.period, &first)));
            }
            // Only a unit that scores claims its profile's id, and sets the period.
            if own.is_some() {
                known(&mut seen, (p, i)).map_err(Errors::one)?;
            }
            period = Some(card.period);
            Ok((r, p, i, card))
        });
        results.push(match card {
            Err(e) => UnitResult::Errors(e.0),
            Ok((r, p, i, mut card)) => {
                let mut row = ProvinceRow::of(&card, options.basis, &profile.order);
                if p.id != profile.id {
                    row.profile = Some(p.id.clone());
                }
                rows.push(row);
                if scorecards {
                    card.findings = audit::findings(r.borrow(), p, i, &card);
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

/// A unit of another period than the table's (`INVALID_VALUE` at `period`): a province
/// table ranks the units of one period (a rollup combines periods).
fn other_period(p: &crate::input::Period, table: &crate::input::Period) -> Problem {
    Problem::new(
        Code::InvalidValue,
        "period",
        format!("Kỳ {p} khác kỳ của bảng ({table}): bảng xếp hạng chỉ gồm một kỳ"),
        format!("period {p} is not the table's ({table}): a province table ranks one period"),
    )
}

/// A unit as read: its report and, when it brings one, its own profile.
pub type Item = (Report, Option<ProfileChoice>);

/// [`batch_mixed`] of units as read (bare reports or [`BatchItem`]s, or the problems of
/// reading them): each profile of a unit's own is resolved (`UNKNOWN_PROFILE` at
/// `profile` is that unit's error), and `overrides` apply to every unit's interpretations,
/// the batch profile's and the units' own alike.
pub fn batch_items(
    items: &[Result<Item, Errors>],
    profile: &CheckedProfile,
    overrides: InterpretationOverrides,
    options: RankOptions,
    scorecards: bool,
) -> Batch {
    // Each unit's own scoring first: the units below borrow it.
    let own: Vec<Option<Result<_, Problem>>> = items
        .iter()
        .map(|u| {
            let choice = u.as_ref().ok()?.1.as_ref()?;
            Some(match ProfileChoice::resolve(Some(choice)) {
                Ok(p) => {
                    let i = overrides.apply(p.interpretations);
                    Ok((p, i))
                }
                Err(mut e) => {
                    e.path = "profile".into();
                    Err(e)
                }
            })
        })
        .collect();
    let units = items.iter().zip(&own).map(|(u, own)| {
        let (report, _) = u.as_ref().map_err(Clone::clone)?;
        match own {
            None => Ok((report, None)),
            Some(Ok((q, i))) => Ok((report, Some((&**q, i)))),
            Some(Err(e)) => Err(Errors::one(e.clone())),
        }
    });
    let interp = overrides.apply(profile.interpretations);
    batch_mixed(units, profile, &interp, options, scorecards)
}

/// Remembers `s` among the batch's scorings; an id already taken by another profile, or
/// by the same profile under other interpretations, is refused: one id, one scale. A
/// built-in id belongs to the built-in profile, whatever the order of the units.
fn known<'p>(seen: &mut Vec<Scoring<'p>>, s: Scoring<'p>) -> Result<(), Problem> {
    let same_profile = |a: &CheckedProfile, b: &CheckedProfile| std::ptr::eq(a, b) || a == b;
    let same =
        |a: &Scoring, b: &Scoring| same_profile(a.0, b.0) && (std::ptr::eq(a.1, b.1) || a.1 == b.1);
    let clash = |why_vi: &str, why_en: &str| {
        Problem::new(
            Code::ProfileMismatch,
            "profile",
            format!(
                "Bộ quy tắc mang mã {} {why_vi}: hãy đặt mã riêng cho bộ này",
                s.0.id
            ),
            format!(
                "the profile with the id {} {why_en}: give it an id of its own",
                s.0.id
            ),
        )
    };
    if let Ok(builtin) = crate::profile::find(&s.0.id) {
        if !same_profile(builtin, s.0) {
            return Err(clash(
                "khác bộ có sẵn cùng mã",
                "differs from the built-in profile of that id",
            ));
        }
    }
    match seen.iter().find(|t| t.0.id == s.0.id) {
        Some(t) if same(t, &s) => Ok(()),
        Some(_) => Err(clash(
            "khác một bộ cùng mã đã dùng trong lần chấm này (các quy tắc hoặc cách hiểu)",
            "differs from another of this batch with that id (in its rules or its interpretations)",
        )),
        None => {
            seen.push(s);
            Ok(())
        }
    }
}
