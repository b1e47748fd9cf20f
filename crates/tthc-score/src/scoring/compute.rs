//! Scoring: from a validated report and a checked profile to a scorecard without findings
//! (the audit adds them). TT01 Art. 14–15: averages, totals, rating, officials.

use super::card::{
    DossierFigures, IndicatorScore, LevelOrigin, OfficialScore, Officials, Scorecard, Total,
};
use crate::base::rounding::{quotient, round, Exact};
use crate::error::{Code, Errors, Problem};
use crate::indicator::{IndicatorId, IndicatorKind, PER_DOSSIER};
use crate::input::{validate, Grades, Level, Official, Report, UnitIndicator};
use crate::profile::{
    Band, CheckedProfile, Interpretations, LevelSource, NotApplicablePolicy, Rating, RatingBasis,
};
use crate::rules::{self, online_share, LevelSet, Share};
use rust_decimal::Decimal;

fn overflow(path: &str) -> Problem {
    Problem::new(
        Code::ArithmeticOverflow,
        path,
        "Tràn số khi tính toán",
        "arithmetic overflow",
    )
}

/// The score of a per-dossier indicator (TT01 Art. 15): sum of points / resolved dossiers,
/// as (numerator, denominator, exact); `None` without resolved dossiers, or when some
/// could not be graded (missing data: the indicator is not counted).
pub fn average(g: &Grades) -> Option<(u64, u64, Decimal)> {
    let n = g.dossiers();
    if n == 0 || !g.unknown.is_zero() {
        return None;
    }
    let p = g.points();
    quotient(p, n).map(|d| (p, n, d))
}

/// What an indicator brings to a total, exactly: its exact score (p / n of a per-dossier
/// indicator, a level's points) and what is counted (the same, or under TT01 the score
/// rounded to the indicator scale). `None` when not applicable.
pub(crate) fn part_of(s: &IndicatorScore) -> Option<(Exact, Exact)> {
    let (e, c) = (s.exact?, s.counted?);
    let exact = match (s.numerator, s.denominator) {
        (Some(p), Some(n)) => Exact::ratio(p, n)?,
        _ => Exact::decimal(e)?,
    };
    // A counted score equal to the 25-place exact one is the quotient itself (a rounded
    // p / n with n < 2^53 that equals its 25-place form is p / n exactly).
    let counted = if c == e {
        exact.clone()
    } else {
        Exact::decimal(c)?
    };
    Some((exact, counted))
}

/// An exact score and what a total counts of it: the same, or under TT01 the score rounded
/// to the indicator scale (Art. 15).
pub(crate) fn counted_part(whole: Exact, profile: &CheckedProfile) -> Option<(Exact, Exact)> {
    let r = &profile.rounding;
    let counted = if r.total_of_rounded_indicators {
        Exact::decimal(whole.round(r.indicator_decimals, r.strategy)?)?
    } else {
        whole.clone()
    };
    Some((whole, counted))
}

/// Sums what enters a total, exactly, and rounds it to the total scale: TT01 Art. 15 (sum
/// of the indicators, maximum 18); Điện Biên rounds the exact sum to 2 decimals ("16,74",
/// seed \[R\]). Returns the exact sum, the counted sum, and the latter rounded.
fn total_of(
    parts: impl Iterator<Item = (Exact, Exact)>,
    profile: &CheckedProfile,
) -> Option<(Exact, Decimal)> {
    let mut exact = Exact::zero();
    let mut sum = Exact::zero();
    for (e, c) in parts {
        exact = exact.add(&e);
        sum = sum.add(&c);
    }
    let r = &profile.rounding;
    Some((exact, sum.round(r.total_decimals, r.strategy)?))
}

/// The first of `bands` (by descending bound) that `value` reaches.
fn band_at<'a>(bands: &'a [Band], value: &Exact) -> Option<&'a Band> {
    bands.iter().find(|b| value.at_least(b.min))
}

/// A per-dossier indicator (TT01 Art. 14–15): the average of the dossiers' points, rounded
/// for display at the profile's scale; not applicable without resolved dossiers.
pub(crate) fn per_dossier(id: IndicatorId, g: Grades, profile: &CheckedProfile) -> IndicatorScore {
    let base = IndicatorScore {
        id,
        position: 0,
        kind: IndicatorKind::PerDossier,
        maximum: 2,
        applicable: false,
        grades: Some(g),
        numerator: None,
        denominator: None,
        level: None,
        level_origin: None,
        declared_level: None,
        possible_levels: None,
        exact: None,
        rounded: None,
        counted: None,
        marked_not_applicable: false,
        online_share: None,
    };
    match average(&g) {
        None => base,
        Some((num, den, exact)) => {
            let rounded = round(
                exact,
                profile.rounding.indicator_decimals,
                profile.rounding.strategy,
            );
            IndicatorScore {
                applicable: true,
                numerator: Some(num),
                denominator: Some(den),
                exact: Some(exact),
                rounded: Some(rounded),
                counted: Some(if profile.rounding.total_of_rounded_indicators {
                    rounded
                } else {
                    exact
                }),
                ..base
            }
        }
    }
}

/// The facts range of a per-unit indicator, and the online share where it applies.
fn possible_levels(
    id: IndicatorId,
    report: &Report,
    profile: &CheckedProfile,
    interp: &Interpretations,
) -> (Option<LevelSet>, Option<Share>) {
    let pu = &report.per_unit;
    match id {
        IndicatorId::OneStop => (
            pu.one_stop
                .facts
                .map(|f| rules::one_stop(profile.one_stop_rule, &f, report.unit.level)),
            None,
        ),
        IndicatorId::Publicity => (pu.publicity.facts.map(|f| rules::publicity(&f)), None),
        IndicatorId::Feedback => (pu.feedback.facts.map(|f| rules::feedback(&f)), None),
        IndicatorId::OnlineServices => {
            // The online share is always known from the dossier summary, facts or not.
            let share = online_share(report, interp);
            let facts = pu.online_services.facts.unwrap_or_default();
            (
                Some(rules::online(
                    &facts,
                    share.map(|s| (s.online, s.of)),
                    interp,
                )),
                share,
            )
        }
        _ => (None, None),
    }
}

fn unit_flags<F>(u: &UnitIndicator<F>) -> (Option<Level>, bool) {
    (u.level, u.not_applicable)
}

/// A per-unit indicator (TT01 Art. 14): the declared level or the level the facts decide,
/// per interpretation `levelSource` \[D\]; not applicable when marked so or undetermined
/// (TT01 Art. 15, missing data).
fn per_unit(
    id: IndicatorId,
    report: &Report,
    profile: &CheckedProfile,
    interp: &Interpretations,
) -> IndicatorScore {
    let pu = &report.per_unit;
    let (declared, na) = match id {
        IndicatorId::OneStop => unit_flags(&pu.one_stop),
        IndicatorId::Publicity => unit_flags(&pu.publicity),
        IndicatorId::Feedback => unit_flags(&pu.feedback),
        _ => unit_flags(&pu.online_services),
    };
    let (range, share) = if na {
        (None, None)
    } else {
        possible_levels(id, report, profile, interp)
    };
    let from_facts = range.and_then(LevelSet::exact);
    let chosen = match interp.level_source {
        LevelSource::Declared => declared
            .map(|l| (l, LevelOrigin::Declared))
            .or(from_facts.map(|l| (l, LevelOrigin::Facts))),
        LevelSource::Facts => from_facts
            .map(|l| (l, LevelOrigin::Facts))
            .or(declared.map(|l| (l, LevelOrigin::Declared))),
    };
    let base = IndicatorScore {
        id,
        position: 0,
        kind: IndicatorKind::PerUnit,
        maximum: 2,
        applicable: false,
        grades: None,
        numerator: None,
        denominator: None,
        level: None,
        level_origin: None,
        declared_level: declared,
        possible_levels: range,
        exact: None,
        rounded: None,
        counted: None,
        marked_not_applicable: na,
        online_share: share,
    };
    let Some((level, origin)) = chosen else {
        return base;
    };
    // A level is a whole number: its rounded form is itself.
    let exact = Decimal::from(level.points());
    let rounded = exact;
    IndicatorScore {
        applicable: true,
        level: Some(level),
        level_origin: Some(origin),
        exact: Some(exact),
        rounded: Some(rounded),
        counted: Some(exact),
        ..base
    }
}

/// The officials' evaluation: the five per-dossier indicators, maximum 10, and its band
/// (TT01 Art. 15; the seed's section 2.2 reports the unit as a whole). The band is taken on
/// the same basis as the unit's rating (interpretation `ratingBasis` \[D\]).
fn official_score(
    name: Option<String>,
    parts: [Option<(Exact, Exact)>; 5],
    dossiers: u64,
    profile: &CheckedProfile,
    interp: &Interpretations,
) -> OfficialScore {
    // All five must apply: an official without dossiers has no evaluation.
    let summed = parts
        .iter()
        .all(Option::is_some)
        .then(|| total_of(parts.into_iter().flatten(), profile));
    let scored = summed.flatten().and_then(|(exact, value)| {
        let basis = match interp.rating_basis {
            RatingBasis::ReportedTotal => Exact::decimal(value)?,
            RatingBasis::ExactTotal => exact.clone(),
        };
        Some((
            exact.to_decimal()?,
            value,
            band_at(&profile.official_bands, &basis),
        ))
    });
    match scored {
        Some((exact, value, band)) if dossiers > 0 => OfficialScore {
            name,
            dossiers,
            exact: Some(exact),
            value: Some(value),
            maximum: 10,
            band: band.map(Rating::from),
        },
        _ => OfficialScore {
            name,
            dossiers,
            exact: None,
            value: None,
            maximum: 10,
            band: None,
        },
    }
}

fn individual(o: &Official, profile: &CheckedProfile, interp: &Interpretations) -> OfficialScore {
    let parts = PER_DOSSIER.map(|id| {
        let (p, n, _) = average(o.grades(id)?)?;
        counted_part(Exact::ratio(p, n)?, profile)
    });
    official_score(
        Some(o.name.clone()),
        parts,
        o.total_time.dossiers(),
        profile,
        interp,
    )
}

/// The total of the applicable indicators' (exact, counted) scores, and the rating
/// (TT01 Art. 15 bands; not-applicable indicators per interpretation `notApplicable` \[D\]).
pub(crate) fn total(
    parts: impl Iterator<Item = (Exact, Exact)>,
    profile: &CheckedProfile,
    interp: &Interpretations,
) -> Result<Total, Errors> {
    let mut applicable = 0u8;
    let (exact, value) =
        total_of(parts.inspect(|_| applicable += 1), profile).ok_or_else(|| overflow("total"))?;
    let maximum = 2 * u64::from(applicable);
    let shown = exact.to_decimal().ok_or_else(|| overflow("total"))?;
    // The figure the bands apply to, exactly and as shown.
    let (reported, reported_shown) = match interp.rating_basis {
        RatingBasis::ReportedTotal => (Exact::decimal(value), value),
        RatingBasis::ExactTotal => (Some(exact), shown),
    };
    let reported = reported.ok_or_else(|| overflow("total"))?;
    // The rating is taken on total × 18 / maximum, compared exactly with the bands, so that
    // a basis such as 14,99…(repeating) never rounds into the next band.
    let (rating_basis, band) = match interp.not_applicable {
        NotApplicablePolicy::ScaleToMaximum if applicable > 0 && applicable < 9 => {
            let scaled = reported
                .scale(18, maximum)
                .ok_or_else(|| overflow("total"))?;
            let basis = scaled.to_decimal().ok_or_else(|| overflow("total"))?;
            (basis, band_at(&profile.unit_bands, &scaled))
        }
        _ => (reported_shown, band_at(&profile.unit_bands, &reported)),
    };
    let maximum = round(
        Decimal::from(maximum),
        profile.rounding.maximum_decimals,
        profile.rounding.strategy,
    );
    Ok(Total {
        exact: shown,
        value,
        maximum,
        applicable,
        rating_basis,
        rating: band.filter(|_| applicable > 0).map(Rating::from),
    })
}

/// Checks `report` and computes its scorecard without findings.
///
/// # Errors
/// A period outside the profile's validity, and every problem of the report that
/// prevents scoring.
pub fn compute(
    report: &Report,
    profile: &CheckedProfile,
    interp: &Interpretations,
) -> Result<Scorecard, Errors> {
    let problems = validate(report);
    if !problems.is_empty() {
        return Err(Errors(problems));
    }
    let d = &report.dossiers;
    let received = report.received_total();

    let mut indicators: Vec<IndicatorScore> = profile
        .order
        .iter()
        .map(|&id| match report.grades(id) {
            Some(g) => per_dossier(id, g, profile),
            None => per_unit(id, report, profile, interp),
        })
        .collect();
    for (i, s) in indicators.iter_mut().enumerate() {
        s.position = i as u8 + 1;
    }

    let total = total(indicators.iter().filter_map(part_of), profile, interp)?;

    // The unit's evaluation reuses its indicator scores.
    let unit_parts = PER_DOSSIER.map(|id| indicators.iter().find(|s| s.id == id).and_then(part_of));
    let officials = Officials {
        unit: official_score(None, unit_parts, report.resolved_total(), profile, interp),
        individuals: report
            .officials
            .iter()
            .map(|o| individual(o, profile, interp))
            .collect(),
    };

    Ok(Scorecard {
        library_version: std::borrow::Cow::Borrowed(crate::base::VERSION),
        profile: profile.id.clone(),
        interpretations: *interp,
        period: report.period,
        unit: report.unit.clone(),
        dossiers: DossierFigures {
            received,
            received_online: d.received.online.get(),
            received_direct: d.received.direct.get(),
            carried_over: d.received.carried_over.get(),
            resolved: report.resolved_total(),
            early: d.resolved.early.get(),
            on_time: d.resolved.on_time.get(),
            late: d.resolved.late.get(),
            pending_within_deadline: d.pending.within_deadline.get(),
            pending_overdue: d.pending.overdue.get(),
        },
        indicators,
        total,
        officials,
        findings: Vec::new(),
    })
}
