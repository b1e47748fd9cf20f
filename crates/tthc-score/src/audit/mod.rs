//! The audit: every soft finding on a report, read off its finished scorecard. Scoring
//! never calls back into it; the crate's entry points score first, then audit.

use crate::base::rounding::Exact;
use crate::finding::{Finding, FindingCode, FindingFacts};
use crate::indicator::IndicatorKind;
use crate::input::{Count, Report};
use crate::profile::{CheckedProfile, Interpretations, LateAttitude, LevelSource};
use crate::rules::LevelSet;
use crate::scoring::{part_of, total, Scorecard, Total};
use rust_decimal::Decimal;

/// Every finding on `report` scored as `card`. The two defects of the seed report \[R\]
/// (rules.md) are `RECEIVED_BREAKDOWN_MISMATCH` and `DECLARED_LEVEL_CONTRADICTED`.
pub fn findings(
    report: &Report,
    profile: &CheckedProfile,
    interp: &Interpretations,
    card: &Scorecard,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let d = &report.dossiers;
    let rc = &d.received;
    let (online, direct, carried_over) = (rc.online.get(), rc.direct.get(), rc.carried_over.get());
    if let Some(total) = rc
        .total
        .map(Count::get)
        .filter(|&t| t != rc.sum_of_channels())
    {
        out.push(Finding::new(
            FindingCode::ReceivedBreakdownMismatch,
            "dossiers.received",
            FindingFacts::ReceivedBreakdown {
                total,
                online,
                direct,
                carried_over,
                expected_direct: total.checked_sub(online + carried_over),
            },
        ));
    }

    let received = report.received_total();
    let resolved = report.resolved_total();
    let pending = d.pending.total();
    if received != resolved + pending {
        out.push(Finding::new(
            FindingCode::ReceivedNotResolvedPlusPending,
            "dossiers",
            FindingFacts::ReceivedVsResolved {
                received,
                resolved,
                pending,
            },
        ));
    }
    if d.pending.overdue.get() > 0 {
        out.push(Finding::new(
            FindingCode::PendingOverdue,
            "dossiers.pending.overdue",
            FindingFacts::PendingOverdue {
                overdue: d.pending.overdue.get(),
            },
        ));
    }

    let by_timeliness = d.resolved.as_grades();
    if let Some(tt) = report
        .per_dossier
        .total_time
        .filter(|tt| *tt != by_timeliness)
    {
        out.push(Finding::new(
            FindingCode::TotalTimeDiffersFromResolved,
            "perDossier.totalTime",
            FindingFacts::TotalTimeVsResolved {
                total_time: tt,
                resolved: by_timeliness,
            },
        ));
    }

    // Attitude earns 2 only when resolved early and 1 only when on time (TT01 Art. 13.7);
    // a late dossier without complaint earns 0 under \[D\] `lateAttitude`.
    let a = report.per_dossier.attitude;
    let t = report.total_time_grades();
    let one_cap = match interp.late_attitude {
        LateAttitude::Zero => t.two.get() + t.one.get(),
        LateAttitude::One => t.dossiers(),
    };
    if a.two > t.two || a.two.get() + a.one.get() > one_cap {
        out.push(Finding::new(
            FindingCode::AttitudeExceedsTimeliness,
            "perDossier.attitude",
            FindingFacts::AttitudeVsTimeliness {
                attitude: a,
                early: t.two.get(),
                early_or_on_time: one_cap,
            },
        ));
    }

    for s in &card.indicators {
        let path = || match s.kind {
            IndicatorKind::PerDossier => format!("perDossier.{}", s.id.key()),
            IndicatorKind::PerUnit => format!("perUnit.{}", s.id.key()),
        };
        if let (Some(declared), Some(range)) = (s.declared_level, s.possible_levels) {
            if !range.contains(declared) {
                let corrected = corrected_total(profile, interp, card, range);
                out.push(Finding::new(
                    FindingCode::DeclaredLevelContradicted,
                    format!("{}.level", path()),
                    FindingFacts::LevelContradicted {
                        indicator: s.id,
                        declared,
                        possible_levels: range,
                        online_share: s.online_share,
                        total: card.total.value,
                        corrected_rating: corrected.as_ref().and_then(|t| t.rating.clone()),
                        corrected_total: corrected.map(|t| t.value),
                    },
                ));
            }
        }
        if let Some(g) = s.grades.filter(|g| !g.unknown.is_zero()) {
            out.push(Finding::new(
                FindingCode::DossiersUndetermined,
                path(),
                FindingFacts::DossiersUndetermined {
                    indicator: s.id,
                    unknown: g.unknown.get(),
                    dossiers: g.dossiers(),
                },
            ));
        }
        if !s.applicable {
            if s.kind == IndicatorKind::PerUnit && s.declared_level.is_none() {
                if let Some(range) = s.possible_levels {
                    out.push(Finding::new(
                        FindingCode::LevelUndetermined,
                        path(),
                        FindingFacts::LevelUndetermined {
                            indicator: s.id,
                            possible_levels: range,
                            online_share: s.online_share,
                        },
                    ));
                }
            }
            out.push(Finding::new(
                FindingCode::IndicatorNotApplicable,
                path(),
                FindingFacts::NotApplicable {
                    indicator: s.id,
                    position: s.position,
                    maximum: card.total.maximum,
                },
            ));
        }
    }

    if let Some(decl) = &report.declared {
        if let Some(scores) = &decl.scores {
            for s in &card.indicators {
                let Some(ds) = scores.get(s.id) else { continue };
                if s.rounded != Some(ds.get()) {
                    out.push(Finding::new(
                        FindingCode::DeclaredScoreMismatch,
                        format!("declared.scores.{}", s.id.key()),
                        FindingFacts::DeclaredScore {
                            indicator: s.id,
                            position: s.position,
                            declared: ds.get(),
                            computed: s.rounded,
                        },
                    ));
                }
            }
        }
        if let Some(t) = decl.total.filter(|t| t.get() != card.total.value) {
            out.push(Finding::new(
                FindingCode::DeclaredTotalMismatch,
                "declared.total",
                FindingFacts::DeclaredTotal {
                    declared: t.get(),
                    computed: card.total.value,
                },
            ));
        }
    }

    if let Some((start, end)) = report.period.bounds() {
        let before = profile.valid_from.is_some_and(|f| start < f);
        let after = profile.valid_until.is_some_and(|u| end > u);
        if before || after {
            out.push(Finding::new(
                FindingCode::PeriodOutsideProfile,
                "period",
                FindingFacts::PeriodOutsideProfile {
                    start,
                    end,
                    profile: profile.id.clone(),
                    valid_from: profile.valid_from,
                    valid_until: profile.valid_until,
                },
            ));
        }
    }
    out
}

/// The total with the facts' level wherever the facts decide one: what the scorecard would
/// show under `levelSource = facts`. Only meaningful when the declared level counted and
/// the facts decide this indicator.
fn corrected_total(
    profile: &CheckedProfile,
    interp: &Interpretations,
    card: &Scorecard,
    range: LevelSet,
) -> Option<Total> {
    if interp.level_source != LevelSource::Declared || range.exact().is_none() {
        return None;
    }
    let parts = card.indicators.iter().filter_map(|s| {
        let by_facts = s.possible_levels.and_then(LevelSet::exact);
        match (s.kind, by_facts) {
            (IndicatorKind::PerUnit, Some(l)) if s.applicable => {
                let d = Exact::decimal(Decimal::from(l.points()))?;
                Some((d.clone(), d))
            }
            _ => part_of(s),
        }
    });
    total(parts, profile, interp).ok()
}
