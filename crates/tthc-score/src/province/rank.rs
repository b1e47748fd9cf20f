//! The province table: one row per unit with its nine scores, total, rating and rank,
//! grouped by level with the count of units in each band.

use crate::base::Localized;
use crate::error::{Code, Problem};
use crate::indicator::IndicatorId;
use crate::input::UnitLevel;
use crate::profile::{CheckedProfile, Rating};
use crate::scoring::Scorecard;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::borrow::Cow;

/// How units with the same figure rank \[D\]: no text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum TiePolicy {
    /// Default: tied units share the best rank and the next rank skips (1, 2, 2, 4), as
    /// published league tables do — a unit's rank says how many units did better.
    #[default]
    Competition,
    /// Tied units share a rank and the next follows (1, 2, 2, 3).
    Dense,
}

/// Which figure ranks the units \[D\].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum RankBasis {
    /// Default: the figure the rating bands apply to (`total.ratingBasis`) — the total,
    /// scaled to 18 when indicators are not applicable — so that a unit with a missing
    /// indicator is compared on the same scale as the others.
    #[default]
    RatingBasis,
    /// The total as printed.
    Total,
}

/// The choices of a province table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RankOptions {
    /// How ties rank.
    #[serde(default)]
    pub ties: TiePolicy,
    /// Which figure ranks.
    #[serde(default)]
    pub basis: RankBasis,
}

/// The groups of the province table, as provincial reports list them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelGroup {
    /// Provincial departments (sở, ban, ngành) and ministries.
    Departments,
    /// District People's Committees.
    Districts,
    /// Commune People's Committees.
    Communes,
    /// The province itself, and units of unknown level.
    Others,
}

impl LevelGroup {
    /// The group of a unit at `level`.
    pub const fn of(level: Option<UnitLevel>) -> LevelGroup {
        match level {
            Some(UnitLevel::Department | UnitLevel::Ministry) => LevelGroup::Departments,
            Some(UnitLevel::District) => LevelGroup::Districts,
            Some(UnitLevel::Commune) => LevelGroup::Communes,
            Some(UnitLevel::Province) | None => LevelGroup::Others,
        }
    }

    /// The group's heading.
    pub const fn label(self) -> Localized {
        match self {
            LevelGroup::Departments => Localized::fixed("Sở, ban, ngành", "Departments"),
            LevelGroup::Districts => Localized::fixed("UBND cấp huyện", "Districts"),
            LevelGroup::Communes => Localized::fixed("UBND cấp xã", "Communes"),
            LevelGroup::Others => Localized::fixed("Đơn vị khác", "Other units"),
        }
    }
}

/// One unit of the province table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProvinceRow {
    /// The unit's name.
    pub unit: String,
    /// Its level, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<UnitLevel>,
    /// Its group.
    pub group: LevelGroup,
    /// The nine scores as printed, in the table profile's order; `None` where not
    /// applicable.
    pub scores: Vec<Option<Decimal>>,
    /// The total as printed.
    pub total: Decimal,
    /// The maximum over the applicable indicators.
    pub maximum: Decimal,
    /// The figure the unit is ranked by.
    pub ranked_by: Decimal,
    /// The rating.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Rank among all units (1 is best).
    pub rank: u32,
    /// Rank within its group.
    pub rank_in_group: u32,
    /// The profile the unit was scored under, when not the table's (a batch whose units
    /// bring their own profiles).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<Cow<'static, str>>,
}

/// The number of units of a group in one band.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct BandCount {
    /// The band's code (`excellent`, …).
    pub code: Cow<'static, str>,
    /// Its label.
    pub label: Localized,
    /// Units in it.
    pub units: u32,
}

/// A group's line: how many units, in which bands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct GroupSummary {
    /// The group.
    pub group: LevelGroup,
    /// Its heading.
    pub label: Localized,
    /// Units in it.
    pub units: u32,
    /// Units per band, in the profile's band order (best first); then any band of units
    /// under other profiles, in the order the ranked table first meets them.
    pub bands: Vec<BandCount>,
    /// Units without a rating (no indicator applies).
    pub unrated: u32,
}

/// The province table of one period under one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ProvinceTable {
    /// The profile of the table: every unit's, but those whose rows name their own.
    pub profile: Cow<'static, str>,
    /// The choices made.
    pub options: RankOptions,
    /// The units, best first (ties in name order).
    pub rows: Vec<ProvinceRow>,
    /// The groups that have units, in group order.
    pub groups: Vec<GroupSummary>,
}

/// Ranks of `figures` (already sorted best first) under `ties`.
fn ranks(figures: &[Decimal], ties: TiePolicy) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::with_capacity(figures.len());
    for (i, f) in figures.iter().enumerate() {
        let rank = match (i, out.last()) {
            (0, _) | (_, None) => 1,
            (_, Some(&prev)) if figures[i - 1] == *f => prev,
            (_, Some(&prev)) => match ties {
                TiePolicy::Competition => i as u32 + 1,
                TiePolicy::Dense => prev + 1,
            },
        };
        out.push(rank);
    }
    out
}

impl ProvinceRow {
    /// The row of a scorecard, not ranked yet (ranks 0), its scores in `order` (the
    /// table's).
    pub(crate) fn of(c: &Scorecard, basis: RankBasis, order: &[IndicatorId; 9]) -> ProvinceRow {
        let score = |id: &IndicatorId| {
            c.indicators
                .iter()
                .find(|s| s.id == *id)
                .and_then(|s| s.rounded)
        };
        ProvinceRow {
            unit: c.unit.name.clone(),
            level: c.unit.level,
            group: LevelGroup::of(c.unit.level),
            scores: order.iter().map(score).collect(),
            total: c.total.value,
            maximum: c.total.maximum,
            ranked_by: match basis {
                RankBasis::RatingBasis => c.total.rating_basis,
                RankBasis::Total => c.total.value,
            },
            rating: c.total.rating.clone(),
            rank: 0,
            rank_in_group: 0,
            profile: None,
        }
    }
}

/// The province table of `cards`, all scored under `profile`.
///
/// # Errors
/// `PROFILE_MISMATCH` at `[i].profile` for a scorecard scored under another profile (a
/// table compares units on one scale).
pub fn province_table<C: Borrow<Scorecard>>(
    cards: &[C],
    profile: &CheckedProfile,
    options: RankOptions,
) -> Result<ProvinceTable, Problem> {
    if let Some(i) = cards.iter().position(|c| c.borrow().profile != profile.id) {
        return Err(Problem::new(
            Code::ProfileMismatch,
            format!("[{i}].profile"),
            format!(
                "Đơn vị {} được chấm theo bộ quy tắc {}, khác bộ {} của bảng",
                cards[i].borrow().unit.name,
                cards[i].borrow().profile,
                profile.id
            ),
            format!(
                "unit {} was scored under {}, not the table's {}",
                cards[i].borrow().unit.name,
                cards[i].borrow().profile,
                profile.id
            ),
        ));
    }
    let rows = cards
        .iter()
        .map(|c| ProvinceRow::of(c.borrow(), options.basis, &profile.order))
        .collect();
    Ok(rank_rows(rows, profile, options).0)
}

/// Ranks `rows` (all of units scored under `profile`) into the province table, best first
/// and ties in name order; also gives, for each row as given, its position in the table.
pub(crate) fn rank_rows(
    rows: Vec<ProvinceRow>,
    profile: &CheckedProfile,
    options: RankOptions,
) -> (ProvinceTable, Vec<u32>) {
    // Sort positions, not rows: the rows move once, into their place.
    let mut order: Vec<u32> = (0..rows.len() as u32).collect();
    order.sort_unstable_by(|&i, &j| {
        let (a, b) = (&rows[i as usize], &rows[j as usize]);
        b.ranked_by
            .cmp(&a.ranked_by)
            .then_with(|| a.unit.cmp(&b.unit))
            .then(i.cmp(&j))
    });
    let mut place = vec![0u32; rows.len()];
    for (k, &i) in order.iter().enumerate() {
        place[i as usize] = k as u32;
    }
    let mut slots: Vec<Option<ProvinceRow>> = rows.into_iter().map(Some).collect();
    let mut rows: Vec<ProvinceRow> = order
        .iter()
        .filter_map(|&i| slots[i as usize].take())
        .collect();
    let figures: Vec<Decimal> = rows.iter().map(|r| r.ranked_by).collect();
    for (r, rank) in rows.iter_mut().zip(ranks(&figures, options.ties)) {
        r.rank = rank;
    }
    // The table profile's bands, then the other ratings the units got (under profiles of
    // their own), in the order the ranked table first meets them. A rating is a band of
    // the table only if code and labels agree: another profile's "excellent" labelled
    // otherwise is a band of its own.
    let mut bands: Vec<Rating> = profile.unit_bands.iter().map(Rating::from).collect();
    for r in rows.iter().filter_map(|r| r.rating.as_ref()) {
        if !bands.contains(r) {
            bands.push(r.clone());
        }
    }
    let mut groups = Vec::new();
    for group in [
        LevelGroup::Departments,
        LevelGroup::Districts,
        LevelGroup::Communes,
        LevelGroup::Others,
    ] {
        let members: Vec<usize> = (0..rows.len())
            .filter(|&i| rows[i].group == group)
            .collect();
        if members.is_empty() {
            continue;
        }
        let within: Vec<Decimal> = members.iter().map(|&i| rows[i].ranked_by).collect();
        for (&i, r) in members.iter().zip(ranks(&within, options.ties)) {
            rows[i].rank_in_group = r;
        }
        let in_band = |band: &Rating| {
            members
                .iter()
                .filter(|&&i| rows[i].rating.as_ref() == Some(band))
                .count() as u32
        };
        groups.push(GroupSummary {
            group,
            label: group.label(),
            units: members.len() as u32,
            bands: bands
                .iter()
                .map(|b| BandCount {
                    code: b.code.clone(),
                    label: b.label.clone(),
                    units: in_band(b),
                })
                .collect(),
            unrated: members
                .iter()
                .filter(|&&i| rows[i].rating.is_none())
                .count() as u32,
        });
    }
    let table = ProvinceTable {
        profile: profile.id.clone(),
        options,
        rows,
        groups,
    };
    (table, place)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_under_both_policies() {
        let d = |v: i64| Decimal::from(v);
        let f = [d(17), d(16), d(16), d(15), d(15), d(15), d(9)];
        assert_eq!(ranks(&f, TiePolicy::Competition), [1, 2, 2, 4, 4, 4, 7]);
        assert_eq!(ranks(&f, TiePolicy::Dense), [1, 2, 2, 3, 3, 3, 4]);
        assert_eq!(ranks(&[], TiePolicy::Dense), Vec::<u32>::new());
    }
}
