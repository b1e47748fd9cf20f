//! Scoring: from a validated [`Report`] and a [`Profile`] to a [`Scorecard`].

use crate::audit::{self, Finding};
use crate::error::{Code, Errors, Localized, Problem};
use crate::format::{self, Lang};
use crate::indicator::{IndicatorId, IndicatorKind, PER_DOSSIER};
use crate::model::{Grades, Level, Official, Period, Report, Unit, UnitIndicator};
use crate::profile::{band_of, Band, Interpretations, LevelSource, NotApplicablePolicy, Profile, RatingBasis};
use crate::rounding::round;
use crate::rules::{self, LevelRange};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Where a per-unit level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum LevelOrigin {
    /// The level the unit declared.
    Declared,
    /// The level derived from the facts.
    Facts,
}

/// The score of one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorScore {
    /// Which indicator.
    pub id: IndicatorId,
    /// Row number (STT) on the form, 1–9, in the profile's order.
    pub position: u8,
    /// Per dossier or per unit.
    pub kind: IndicatorKind,
    /// Maximum points (2).
    pub maximum: u8,
    /// False when the indicator is not counted (missing data, TT01 Art. 15).
    pub applicable: bool,
    /// Per-dossier: dossiers at 2, 1 and 0 points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grades: Option<Grades>,
    /// Per-dossier: sum of points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numerator: Option<u64>,
    /// Per-dossier: resolved dossiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub denominator: Option<u64>,
    /// Per-unit: the level that counts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    /// Per-unit: where the level came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_origin: Option<LevelOrigin>,
    /// Per-unit: the level declared by the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_level: Option<Level>,
    /// Per-unit: the levels the known facts allow.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts_range: Option<LevelRange>,
    /// The score at full precision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<Decimal>,
    /// The score rounded for display, at the profile's fixed scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounded: Option<Decimal>,
    /// What enters the total: exact (Điện Biên) or rounded (TT01).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<Decimal>,
    /// The score as printed: "1,91" / "1.91", or "Không áp dụng" / "N/A".
    pub display: Localized,
    /// How it was computed, in words.
    pub derivation: Localized,
}

/// A rating: a band's code and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    /// Stable code, e.g. `excellent`.
    pub code: String,
    /// Label, e.g. "Xuất sắc".
    pub label: Localized,
}

impl From<&Band> for Rating {
    fn from(b: &Band) -> Self {
        Rating {
            code: b.code.clone(),
            label: b.label.clone(),
        }
    }
}

/// The total score and the unit's rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Total {
    /// Sum of the exact indicator scores.
    pub exact: Decimal,
    /// The total as the profile reports it.
    pub value: Decimal,
    /// "16,74" / "16.74".
    pub display: Localized,
    /// Maximum over the applicable indicators (18 when all apply).
    pub maximum: Decimal,
    /// "18,0" / "18.0".
    pub maximum_display: Localized,
    /// Number of applicable indicators.
    pub applicable: u8,
    /// The figure the rating bands are applied to (see `notApplicable` and `ratingBasis`).
    pub rating_basis: Decimal,
    /// The rating; absent when no indicator applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
}

/// The officials' evaluation on the five per-dossier indicators (maximum 10).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfficialScore {
    /// The official's name; absent for the unit as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Dossiers evaluated.
    pub dossiers: u64,
    /// Sum of the exact scores.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exact: Option<Decimal>,
    /// The score as the profile reports it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Decimal>,
    /// As printed.
    pub display: Localized,
    /// 10.
    pub maximum: u8,
    /// The band; absent without dossiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub band: Option<Rating>,
}

/// The officials' evaluation: the unit as a whole and each official given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Officials {
    /// All the unit's resolved dossiers.
    pub unit: OfficialScore,
    /// Each official, in input order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub individuals: Vec<OfficialScore>,
}

/// The dossier figures of the report header, with totals resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(missing_docs)]
pub struct DossierFigures {
    pub received: u64,
    pub received_online: u64,
    pub received_direct: u64,
    pub carried_over: u64,
    pub resolved: u64,
    pub early: u64,
    pub on_time: u64,
    pub late: u64,
    pub pending_within_deadline: u64,
    pub pending_overdue: u64,
}

/// The whole scorecard of one report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// Profile identifier.
    pub profile: String,
    /// The interpretations in force.
    pub interpretations: Interpretations,
    /// Period.
    pub period: Period,
    /// Unit.
    pub unit: Unit,
    /// Dossier figures.
    pub dossiers: DossierFigures,
    /// The nine indicators in the profile's order.
    pub indicators: Vec<IndicatorScore>,
    /// Total and rating.
    pub total: Total,
    /// Officials' evaluation.
    pub officials: Officials,
    /// Soft findings (inconsistencies that still allow scoring).
    pub findings: Vec<Finding>,
}

impl Scorecard {
    /// The score of one indicator.
    pub fn indicator(&self, id: IndicatorId) -> &IndicatorScore {
        // Every scorecard holds all nine (the profile's order is a permutation).
        self.indicators.iter().find(|s| s.id == id).unwrap_or(&self.indicators[0])
    }

    /// Whether a finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == audit::Severity::Error)
    }
}

fn overflow(path: &str) -> Problem {
    Problem::new(
        Code::ArithmeticOverflow,
        path,
        "Tràn số khi tính toán",
        "arithmetic overflow",
    )
}

fn localized_decimal(d: Decimal) -> Localized {
    Localized {
        vi: format::decimal(d, Lang::Vi),
        en: format::decimal(d, Lang::En),
    }
}

fn not_applicable_text() -> Localized {
    Localized::new("Không áp dụng", "N/A")
}

/// The score of a per-dossier indicator (TT01 Art. 15): sum of points / resolved dossiers,
/// as (numerator, denominator, exact); `None` without resolved dossiers.
pub fn average(g: &Grades) -> Option<(u64, u64, Decimal)> {
    let n = g.dossiers();
    if n == 0 {
        return None;
    }
    let p = g.points();
    crate::rounding::quotient(p, n).map(|d| (p, n, d.normalize()))
}

/// "(1.033×2 + 99×1 + 0×0) / 1.132".
fn derivation(g: &Grades, lang: Lang) -> String {
    let c = |n: u64| format::count(n, lang);
    format!(
        "({}×2 + {}×1 + {}×0) / {}",
        c(g.two.get()),
        c(g.one.get()),
        c(g.zero.get()),
        c(g.dossiers())
    )
}

/// What enters a total: the exact score, or (TT01) the score rounded to the indicator scale.
fn counted(exact: Decimal, profile: &Profile) -> Decimal {
    let r = &profile.rounding;
    if r.total_of_rounded_indicators {
        round(exact, r.indicator_decimals, r.strategy)
    } else {
        exact
    }
}

/// Sums what enters a total and rounds it to the total scale.
fn total_of(parts: impl Iterator<Item = (Decimal, Decimal)>, profile: &Profile) -> Option<(Decimal, Decimal)> {
    let mut exact = Decimal::ZERO;
    let mut sum = Decimal::ZERO;
    for (e, c) in parts {
        exact = exact.checked_add(e)?;
        sum = sum.checked_add(c)?;
    }
    let r = &profile.rounding;
    Some((exact.normalize(), round(sum, r.total_decimals, r.strategy)))
}

fn per_dossier(id: IndicatorId, g: Grades, profile: &Profile) -> IndicatorScore {
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
        facts_range: None,
        exact: None,
        rounded: None,
        counted: None,
        display: not_applicable_text(),
        derivation: Localized::new(
            "Không có hồ sơ đã giải quyết trong kỳ",
            "no dossier resolved in the period",
        ),
    };
    match average(&g) {
        None => base,
        Some((num, den, exact)) => {
            let rounded = round(exact, profile.rounding.indicator_decimals, profile.rounding.strategy);
            IndicatorScore {
                applicable: true,
                numerator: Some(num),
                denominator: Some(den),
                exact: Some(exact),
                rounded: Some(rounded),
                counted: Some(counted(exact, profile)),
                display: localized_decimal(rounded),
                derivation: Localized {
                    vi: derivation(&g, Lang::Vi),
                    en: derivation(&g, Lang::En),
                },
                ..base
            }
        }
    }
}

/// The facts range of a per-unit indicator, and words on the facts where they say more.
fn facts_range(id: IndicatorId, report: &Report, profile: &Profile, interp: &Interpretations) -> (Option<LevelRange>, Option<Localized>) {
    let pu = &report.per_unit;
    match id {
        IndicatorId::OneStop => (pu.one_stop.facts.map(|f| profile.one_stop_rule.derive(&f, report.unit.level)), None),
        IndicatorId::Publicity => (pu.publicity.facts.map(|f| rules::publicity(&f)), None),
        IndicatorId::Feedback => (pu.feedback.facts.map(|f| rules::feedback(&f)), None),
        IndicatorId::OnlineServices => {
            // The online share is always known from the dossier summary, facts or not.
            let (share, words) = online_share(report, interp);
            let facts = pu.online_services.facts.unwrap_or_default();
            (Some(rules::online(&facts, share, interp)), words)
        }
        _ => (None, None),
    }
}

/// The online share of `report` as (online, denominator), and its description ("tỷ lệ hồ sơ trực tuyến
/// 99/1.147 = 8,63 %"); `None` when no dossier was received.
pub(crate) fn online_share(report: &Report, interp: &Interpretations) -> (Option<(u64, u64)>, Option<Localized>) {
    let rc = &report.dossiers.received;
    let online = rc.online.get();
    let denominator = match interp.online_share_base {
        rules::OnlineShareBase::AllReceived => report.received_total(),
        rules::OnlineShareBase::NewlyReceived => online + rc.direct.get(),
    };
    let share = (denominator > 0).then_some((online, denominator));
    let words = share.map(|(o, d)| Localized {
        vi: format!("tỷ lệ hồ sơ trực tuyến {}", rules::describe_share(o, d, Lang::Vi)),
        en: format!("online share {}", rules::describe_share(o, d, Lang::En)),
    });
    (share, words)
}

fn unit_flags<F>(u: &UnitIndicator<F>) -> (Option<Level>, bool) {
    (u.level, u.not_applicable)
}

fn per_unit(id: IndicatorId, report: &Report, profile: &Profile, interp: &Interpretations) -> IndicatorScore {
    let pu = &report.per_unit;
    let (declared, na) = match id {
        IndicatorId::OneStop => unit_flags(&pu.one_stop),
        IndicatorId::Publicity => unit_flags(&pu.publicity),
        IndicatorId::Feedback => unit_flags(&pu.feedback),
        _ => unit_flags(&pu.online_services),
    };
    let (range, words) = if na { (None, None) } else { facts_range(id, report, profile, interp) };
    let from_facts = range.and_then(LevelRange::exact);
    let chosen = match interp.level_source {
        LevelSource::Declared => declared.map(|l| (l, LevelOrigin::Declared)).or(from_facts.map(|l| (l, LevelOrigin::Facts))),
        LevelSource::Facts => from_facts.map(|l| (l, LevelOrigin::Facts)).or(declared.map(|l| (l, LevelOrigin::Declared))),
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
        facts_range: range,
        exact: None,
        rounded: None,
        counted: None,
        display: not_applicable_text(),
        derivation: if na {
            Localized::new("Không áp dụng cho đơn vị trong kỳ", "not applicable to the unit in the period")
        } else {
            let r = range.map(rules::describe_range).unwrap_or_else(|| Localized::new("mức 0–2", "level 0–2"));
            Localized {
                vi: format!("Số liệu không đủ để xác định mức ({})", r.vi),
                en: format!("the facts do not determine the level ({})", r.en),
            }
        },
    };
    let Some((level, origin)) = chosen else { return base };
    let exact = Decimal::from(level.points());
    let rounded = round(exact, 0, profile.rounding.strategy);
    let extra = |lang: Lang| {
        words.as_ref().map(|w| format!(" ({})", w.get(lang))).unwrap_or_default()
    };
    let derivation = match origin {
        LevelOrigin::Declared => Localized {
            vi: format!("Tự đánh giá: mức {}", level.points()),
            en: format!("declared: level {}", level.points()),
        },
        LevelOrigin::Facts => Localized {
            vi: format!("Theo số liệu: mức {}{}", level.points(), extra(Lang::Vi)),
            en: format!("from the facts: level {}{}", level.points(), extra(Lang::En)),
        },
    };
    IndicatorScore {
        applicable: true,
        level: Some(level),
        level_origin: Some(origin),
        exact: Some(exact),
        rounded: Some(rounded),
        counted: Some(exact),
        display: localized_decimal(rounded),
        derivation,
        ..base
    }
}

fn official_score(name: Option<String>, exacts: &[Option<Decimal>; 5], dossiers: u64, profile: &Profile) -> OfficialScore {
    let parts: Option<Vec<Decimal>> = exacts.iter().copied().collect();
    let summed = parts.and_then(|p| total_of(p.into_iter().map(|e| (e, counted(e, profile))), profile));
    match summed {
        Some((exact, value)) if dossiers > 0 => OfficialScore {
            name,
            dossiers,
            exact: Some(exact),
            value: Some(value),
            display: localized_decimal(value),
            maximum: 10,
            band: band_of(&profile.official_bands, value).map(Rating::from),
        },
        _ => OfficialScore {
            name,
            dossiers,
            exact: None,
            value: None,
            display: not_applicable_text(),
            maximum: 10,
            band: None,
        },
    }
}

fn individual(o: &Official, profile: &Profile) -> OfficialScore {
    let exacts = PER_DOSSIER.map(|id| o.grades(id).and_then(average).map(|(_, _, e)| e));
    official_score(Some(o.name.clone()), &exacts, o.total_time.dossiers(), profile)
}

/// Checks `report` and computes its scorecard without findings.
pub(crate) fn compute(report: &Report, profile: &Profile, interp: &Interpretations) -> Result<Scorecard, Errors> {
    let problems = crate::validate::validate(report);
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

    let applicable = indicators.iter().filter(|s| s.applicable).count() as u8;
    let (exact, value) = total_of(
        indicators.iter().filter_map(|s| s.exact.zip(s.counted)),
        profile,
    )
    .ok_or_else(|| overflow("total"))?;
    let maximum = Decimal::from(2 * u32::from(applicable));
    let reported = match interp.rating_basis {
        RatingBasis::ReportedTotal => value,
        RatingBasis::ExactTotal => exact,
    };
    // The rating is taken on total × 18 / maximum; bands compare by cross-multiplication
    // so that a basis such as 14,99…(repeating) never rounds into the next band.
    let (rating_basis, band) = match interp.not_applicable {
        NotApplicablePolicy::ScaleToMaximum if applicable > 0 && applicable < 9 => {
            let scaled = reported.checked_mul(Decimal::from(18)).ok_or_else(|| overflow("total"))?;
            let basis = scaled.checked_div(maximum).ok_or_else(|| overflow("total"))?.normalize();
            let band = profile.unit_bands.iter().find(|b| b.min.checked_mul(maximum).is_some_and(|m| scaled >= m));
            (basis, band)
        }
        _ => (reported, band_of(&profile.unit_bands, reported)),
    };
    let maximum = round(maximum, profile.rounding.maximum_decimals, profile.rounding.strategy);
    let total = Total {
        exact,
        value,
        display: localized_decimal(value),
        maximum,
        maximum_display: localized_decimal(maximum),
        applicable,
        rating_basis,
        rating: band.filter(|_| applicable > 0).map(Rating::from),
    };

    let unit_exacts = PER_DOSSIER.map(|id| indicators.iter().find(|s| s.id == id).and_then(|s| s.exact));
    let officials = Officials {
        unit: official_score(None, &unit_exacts, report.resolved_total(), profile),
        individuals: report.officials.iter().map(|o| individual(o, profile)).collect(),
    };

    Ok(Scorecard {
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

/// Scores `report` under `profile` with the profile's own interpretations.
pub fn score(report: &Report, profile: &Profile) -> Result<Scorecard, Errors> {
    score_with(report, profile, &profile.interpretations)
}

/// Scores `report` under `profile` with the interpretations `interp`.
pub fn score_with(report: &Report, profile: &Profile, interp: &Interpretations) -> Result<Scorecard, Errors> {
    let mut card = compute(report, profile, interp)?;
    card.findings = audit::findings(report, profile, interp, &card);
    Ok(card)
}
