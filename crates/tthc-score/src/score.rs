//! Scoring: from a validated [`Report`] and a [`Profile`] to a [`Scorecard`].

use crate::audit::{self, Finding};
use crate::error::{Code, Errors, Localized, Problem};
use crate::format::{self, Lang};
use crate::indicator::{IndicatorId, IndicatorKind, PER_DOSSIER};
use crate::model::{Grades, Level, Official, Period, Report, Unit, UnitIndicator};
use crate::profile::{
    band_of, Band, Interpretations, LevelSource, NotApplicablePolicy, Profile, RatingBasis,
};
use crate::rounding::round;
use crate::rules::{self, LevelRange};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};
use std::borrow::Cow;

/// Where a per-unit level came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum LevelOrigin {
    /// The level the unit declared.
    Declared,
    /// The level derived from the facts.
    Facts,
}

/// An online share as (online dossiers, all dossiers of the base).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Share {
    /// Dossiers received online.
    pub online: u64,
    /// Dossiers of the base (see interpretation `onlineShareBase`).
    pub of: u64,
}

/// The score of one indicator. The display text and the derivation in words are derived
/// on demand ([`IndicatorScore::display`], [`IndicatorScore::derivation`]) and written
/// into the JSON form, so scoring itself formats nothing.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
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
    /// Per-unit: marked not applicable in the input.
    #[serde(default)]
    pub marked_not_applicable: bool,
    /// Per-dossier: dossiers at 2, 1 and 0 points.
    #[serde(default)]
    pub grades: Option<Grades>,
    /// Per-dossier: sum of points.
    #[serde(default)]
    pub numerator: Option<u64>,
    /// Per-dossier: resolved dossiers.
    #[serde(default)]
    pub denominator: Option<u64>,
    /// Per-unit: the level that counts.
    #[serde(default)]
    pub level: Option<Level>,
    /// Per-unit: where the level came from.
    #[serde(default)]
    pub level_origin: Option<LevelOrigin>,
    /// Per-unit: the level declared by the unit.
    #[serde(default)]
    pub declared_level: Option<Level>,
    /// Per-unit: the levels the known facts allow.
    #[serde(default)]
    pub facts_range: Option<LevelRange>,
    /// Online services: the online share the level rests on.
    #[serde(default)]
    pub online_share: Option<Share>,
    /// The score at full precision.
    #[serde(default)]
    pub exact: Option<Decimal>,
    /// The score rounded for display, at the profile's fixed scale.
    #[serde(default)]
    pub rounded: Option<Decimal>,
    /// What enters the total: exact (Điện Biên) or rounded (TT01).
    #[serde(default)]
    pub counted: Option<Decimal>,
}

impl IndicatorScore {
    /// The score as printed: "1,91" / "1.91", or "Không áp dụng" / "N/A".
    pub fn display(&self) -> Localized {
        display_of(self.rounded)
    }

    /// How the score was computed, in words ("(1.033×2 + 99×1 + 0×0) / 1.132").
    pub fn derivation(&self) -> Localized {
        if let (Some(g), true) = (self.grades, self.applicable) {
            return Localized {
                vi: derivation(&g, Lang::Vi).into(),
                en: derivation(&g, Lang::En).into(),
            };
        }
        if self.kind == IndicatorKind::PerDossier {
            return Localized::new(
                "Không có hồ sơ đã giải quyết trong kỳ",
                "no dossier resolved in the period",
            );
        }
        if self.marked_not_applicable {
            return Localized::new(
                "Không áp dụng cho đơn vị trong kỳ",
                "not applicable to the unit in the period",
            );
        }
        let share = |lang: Lang| share_note(&self.online_share, lang);
        match (self.level, self.level_origin) {
            (Some(l), Some(LevelOrigin::Declared)) => Localized {
                vi: format!("Tự đánh giá: mức {}", l.points()).into(),
                en: format!("declared: level {}", l.points()).into(),
            },
            (Some(l), _) => Localized {
                vi: format!("Theo số liệu: mức {}{}", l.points(), share(Lang::Vi)).into(),
                en: format!("from the facts: level {}{}", l.points(), share(Lang::En)).into(),
            },
            (None, _) => {
                let r = self
                    .facts_range
                    .map(rules::describe_range)
                    .unwrap_or_else(|| Localized::new("mức 0–2", "level 0–2"));
                Localized {
                    vi: format!(
                        "Số liệu không đủ để xác định mức ({}){}",
                        r.vi,
                        share(Lang::Vi)
                    )
                    .into(),
                    en: format!(
                        "the facts do not determine the level ({}){}",
                        r.en,
                        share(Lang::En)
                    )
                    .into(),
                }
            }
        }
    }
}

/// " (tỷ lệ hồ sơ trực tuyến 99/1.147 = 8,63 %)", or nothing without a share.
pub(crate) fn share_note(share: &Option<Share>, lang: Lang) -> String {
    share
        .map(|s| match lang {
            Lang::Vi => format!(
                " (tỷ lệ hồ sơ trực tuyến {})",
                rules::describe_share(s.online, s.of, lang)
            ),
            Lang::En => format!(
                " (online share {})",
                rules::describe_share(s.online, s.of, lang)
            ),
        })
        .unwrap_or_default()
}

fn display_of(v: Option<Decimal>) -> Localized {
    match v {
        Some(d) => localized_decimal(d),
        None => not_applicable_text(),
    }
}

/// The JSON form of [IndicatorScore] (with its derived display fields).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename = "IndicatorScore", rename_all = "camelCase")]
#[doc(hidden)]
pub struct IndicatorScoreJson<'a> {
    id: IndicatorId,
    position: u8,
    kind: IndicatorKind,
    maximum: u8,
    applicable: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "ts", tsify(optional))]
    marked_not_applicable: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    grades: &'a Option<Grades>,
    #[serde(skip_serializing_if = "Option::is_none")]
    numerator: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    denominator: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    level_origin: Option<LevelOrigin>,
    #[serde(skip_serializing_if = "Option::is_none")]
    declared_level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts_range: Option<LevelRange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    online_share: Option<Share>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rounded: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    counted: Option<Decimal>,
    display: Localized,
    derivation: Localized,
}

impl Serialize for IndicatorScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        IndicatorScoreJson {
            id: self.id,
            position: self.position,
            kind: self.kind,
            maximum: self.maximum,
            applicable: self.applicable,
            marked_not_applicable: self.marked_not_applicable,
            grades: &self.grades,
            numerator: self.numerator,
            denominator: self.denominator,
            level: self.level,
            level_origin: self.level_origin,
            declared_level: self.declared_level,
            facts_range: self.facts_range,
            online_share: self.online_share,
            exact: self.exact,
            rounded: self.rounded,
            counted: self.counted,
            display: self.display(),
            derivation: self.derivation(),
        }
        .serialize(s)
    }
}

/// A rating: a band's code and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Rating {
    /// Stable code, e.g. `excellent`.
    pub code: Cow<'static, str>,
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
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Total {
    /// Sum of the exact indicator scores.
    pub exact: Decimal,
    /// The total as the profile reports it.
    pub value: Decimal,
    /// Maximum over the applicable indicators (18 when all apply).
    pub maximum: Decimal,
    /// Number of applicable indicators.
    pub applicable: u8,
    /// The figure the rating bands are applied to (see `notApplicable` and `ratingBasis`).
    pub rating_basis: Decimal,
    /// The rating; absent when no indicator applies.
    #[serde(default)]
    pub rating: Option<Rating>,
}

impl Total {
    /// "16,74" / "16.74".
    pub fn display(&self) -> Localized {
        localized_decimal(self.value)
    }

    /// "18,0" / "18.0".
    pub fn maximum_display(&self) -> Localized {
        localized_decimal(self.maximum)
    }
}

/// The JSON form of [Total] (with its derived display fields).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename = "Total", rename_all = "camelCase")]
#[doc(hidden)]
pub struct TotalJson<'a> {
    exact: Decimal,
    value: Decimal,
    display: Localized,
    maximum: Decimal,
    maximum_display: Localized,
    applicable: u8,
    rating_basis: Decimal,
    #[serde(skip_serializing_if = "Option::is_none")]
    rating: &'a Option<Rating>,
}

impl Serialize for Total {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        TotalJson {
            exact: self.exact,
            value: self.value,
            display: self.display(),
            maximum: self.maximum,
            maximum_display: self.maximum_display(),
            applicable: self.applicable,
            rating_basis: self.rating_basis,
            rating: &self.rating,
        }
        .serialize(s)
    }
}

/// The officials' evaluation on the five per-dossier indicators (maximum 10).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OfficialScore {
    /// The official's name; absent for the unit as a whole.
    #[serde(default)]
    pub name: Option<String>,
    /// Dossiers evaluated.
    pub dossiers: u64,
    /// Sum of the exact scores.
    #[serde(default)]
    pub exact: Option<Decimal>,
    /// The score as the profile reports it.
    #[serde(default)]
    pub value: Option<Decimal>,
    /// 10.
    pub maximum: u8,
    /// The band; absent without dossiers.
    #[serde(default)]
    pub band: Option<Rating>,
}

impl OfficialScore {
    /// As printed ("9,74"), or "Không áp dụng" / "N/A".
    pub fn display(&self) -> Localized {
        display_of(self.value)
    }
}

/// The JSON form of [OfficialScore] (with its derived display fields).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename = "OfficialScore", rename_all = "camelCase")]
#[doc(hidden)]
pub struct OfficialScoreJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: &'a Option<String>,
    dossiers: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Decimal>,
    display: Localized,
    maximum: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    band: &'a Option<Rating>,
}

impl Serialize for OfficialScore {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        OfficialScoreJson {
            name: &self.name,
            dossiers: self.dossiers,
            exact: self.exact,
            value: self.value,
            display: self.display(),
            maximum: self.maximum,
            band: &self.band,
        }
        .serialize(s)
    }
}

/// The officials' evaluation: the unit as a whole and each official given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
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
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Scorecard {
    /// Profile identifier.
    pub profile: Cow<'static, str>,
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
    pub fn indicator(&self, id: IndicatorId) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|s| s.id == id)
    }

    /// Whether a finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.findings
            .iter()
            .any(|f| f.severity == audit::Severity::Error)
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
        vi: format::decimal(d, Lang::Vi).into(),
        en: format::decimal(d, Lang::En).into(),
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
    crate::rounding::quotient(p, n).map(|d| (p, n, d))
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

/// Sums what enters a total and rounds it to the total scale: TT01 Art. 15 (sum of the
/// indicators, maximum 18); Điện Biên rounds the exact sum to 2 decimals ("16,74", seed \[R\]).
fn total_of(
    parts: impl Iterator<Item = (Decimal, Decimal)>,
    profile: &Profile,
) -> Option<(Decimal, Decimal)> {
    let mut exact = Decimal::ZERO;
    let mut sum = Decimal::ZERO;
    for (e, c) in parts {
        exact = exact.checked_add(e)?;
        sum = sum.checked_add(c)?;
    }
    let r = &profile.rounding;
    Some((exact.normalize(), round(sum, r.total_decimals, r.strategy)))
}

/// A per-dossier indicator (TT01 Art. 14–15): the average of the dossiers' points, rounded
/// for display at the profile's scale; not applicable without resolved dossiers.
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
fn facts_range(
    id: IndicatorId,
    report: &Report,
    profile: &Profile,
    interp: &Interpretations,
) -> (Option<LevelRange>, Option<Share>) {
    let pu = &report.per_unit;
    match id {
        IndicatorId::OneStop => (
            pu.one_stop
                .facts
                .map(|f| profile.one_stop_rule.derive(&f, report.unit.level)),
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

/// The online share of `report`; `None` when no dossier was received.
pub(crate) fn online_share(report: &Report, interp: &Interpretations) -> Option<Share> {
    let rc = &report.dossiers.received;
    let online = rc.online.get();
    let of = match interp.online_share_base {
        rules::OnlineShareBase::AllReceived => report.received_total(),
        rules::OnlineShareBase::NewlyReceived => online + rc.direct.get(),
    };
    (of > 0).then_some(Share { online, of })
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
    profile: &Profile,
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
        facts_range(id, report, profile, interp)
    };
    let from_facts = range.and_then(LevelRange::exact);
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
        facts_range: range,
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
/// (TT01 Art. 15; the seed's section 2.2 reports the unit as a whole).
fn official_score(
    name: Option<String>,
    parts: &[Option<(Decimal, Decimal)>; 5],
    dossiers: u64,
    profile: &Profile,
) -> OfficialScore {
    // All five must apply: an official without dossiers has no evaluation.
    let summed = parts
        .iter()
        .all(Option::is_some)
        .then(|| total_of(parts.iter().flatten().copied(), profile));
    let summed = summed.flatten();
    match summed {
        Some((exact, value)) if dossiers > 0 => OfficialScore {
            name,
            dossiers,
            exact: Some(exact),
            value: Some(value),
            maximum: 10,
            band: band_of(&profile.official_bands, value).map(Rating::from),
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

fn individual(o: &Official, profile: &Profile) -> OfficialScore {
    let parts = PER_DOSSIER.map(|id| {
        o.grades(id)
            .and_then(average)
            .map(|(_, _, e)| (e, counted(e, profile)))
    });
    official_score(
        Some(o.name.clone()),
        &parts,
        o.total_time.dossiers(),
        profile,
    )
}

/// The total of the applicable indicators' (exact, counted) scores, and the rating
/// (TT01 Art. 15 bands; not-applicable indicators per interpretation `notApplicable` \[D\]).
pub(crate) fn total(
    parts: impl Iterator<Item = (Decimal, Decimal)>,
    profile: &Profile,
    interp: &Interpretations,
) -> Result<Total, Errors> {
    let mut applicable = 0u8;
    let (exact, value) =
        total_of(parts.inspect(|_| applicable += 1), profile).ok_or_else(|| overflow("total"))?;
    let maximum = Decimal::from(2 * u32::from(applicable));
    let reported = match interp.rating_basis {
        RatingBasis::ReportedTotal => value,
        RatingBasis::ExactTotal => exact,
    };
    // The rating is taken on total × 18 / maximum; bands compare by cross-multiplication
    // so that a basis such as 14,99…(repeating) never rounds into the next band.
    let (rating_basis, band) = match interp.not_applicable {
        NotApplicablePolicy::ScaleToMaximum if applicable > 0 && applicable < 9 => {
            let scaled = reported
                .checked_mul(Decimal::from(18))
                .ok_or_else(|| overflow("total"))?;
            let basis = scaled
                .checked_div(maximum)
                .ok_or_else(|| overflow("total"))?
                .normalize();
            let band = profile
                .unit_bands
                .iter()
                .find(|b| b.min.checked_mul(maximum).is_some_and(|m| scaled >= m));
            (basis, band)
        }
        _ => (reported, band_of(&profile.unit_bands, reported)),
    };
    let maximum = round(
        maximum,
        profile.rounding.maximum_decimals,
        profile.rounding.strategy,
    );
    Ok(Total {
        exact,
        value,
        maximum,
        applicable,
        rating_basis,
        rating: band.filter(|_| applicable > 0).map(Rating::from),
    })
}

/// Checks `report` and computes its scorecard without findings.
pub(crate) fn compute(
    report: &Report,
    profile: &Profile,
    interp: &Interpretations,
) -> Result<Scorecard, Errors> {
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

    let total = total(
        indicators.iter().filter_map(|s| s.exact.zip(s.counted)),
        profile,
        interp,
    )?;

    // The unit's evaluation reuses its indicator scores.
    let unit_parts = PER_DOSSIER.map(|id| {
        indicators
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.exact.zip(s.counted))
    });
    let officials = Officials {
        unit: official_score(None, &unit_parts, report.resolved_total(), profile),
        individuals: report
            .officials
            .iter()
            .map(|o| individual(o, profile))
            .collect(),
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
pub fn score_with(
    report: &Report,
    profile: &Profile,
    interp: &Interpretations,
) -> Result<Scorecard, Errors> {
    // A profile is data and may come from a file: check it like any other input.
    profile.check()?;
    let mut card = compute(report, profile, interp)?;
    card.findings = audit::findings(report, profile, interp, &card);
    Ok(card)
}
