//! Soft findings: inconsistencies that still allow scoring, such as the two defects of the
//! seed report (a received breakdown that does not add up; a declared level the facts contradict).

use crate::error::Localized;
use crate::format::{self, count, Lang};
use crate::indicator::{IndicatorId, IndicatorKind};
use crate::model::{Count, Grades, Level, Report};
use crate::profile::{CalendarDate, Interpretations, LateAttitude, LevelSource, Profile};
use crate::rules::{self, LevelRange};
use crate::score::{self, Rating, Scorecard, Share, Total};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How serious a finding is. `audit` exits non-zero on `error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// For information.
    Info,
    /// Suspicious, possibly legitimate.
    Warning,
    /// The published figures are wrong.
    Error,
}

crate::error::stable_codes! {
    /// Stable codes of soft findings.
    pub enum FindingCode {
        /// (error) received ≠ online + direct + carried over.
        ReceivedBreakdownMismatch = "RECEIVED_BREAKDOWN_MISMATCH",
        /// (warning) received ≠ resolved + pending.
        ReceivedNotResolvedPlusPending = "RECEIVED_NOT_RESOLVED_PLUS_PENDING",
        /// (error) the total-time counts differ from the resolved breakdown (early / on time / late).
        TotalTimeDiffersFromResolved = "TOTAL_TIME_DIFFERS_FROM_RESOLVED",
        /// (warning) more dossiers at 2 (1) points on attitude than resolved early (early or on time).
        AttitudeExceedsTimeliness = "ATTITUDE_EXCEEDS_TIMELINESS",
        /// (error) a declared per-unit level that the facts contradict.
        DeclaredLevelContradicted = "DECLARED_LEVEL_CONTRADICTED",
        /// (warning) a per-unit indicator whose facts do not determine a level, and no level declared.
        LevelUndetermined = "LEVEL_UNDETERMINED",
        /// (error) a declared indicator score that differs from the computed one.
        DeclaredScoreMismatch = "DECLARED_SCORE_MISMATCH",
        /// (error) a declared total that differs from the computed one.
        DeclaredTotalMismatch = "DECLARED_TOTAL_MISMATCH",
        /// (warning) the period is not (wholly) within the profile's validity.
        PeriodOutsideProfile = "PERIOD_OUTSIDE_PROFILE",
        /// (info) an indicator is not counted; the total has a reduced maximum.
        IndicatorNotApplicable = "INDICATOR_NOT_APPLICABLE",
        /// (warning) dossiers still pending past their deadline.
        PendingOverdue = "PENDING_OVERDUE",
    }
}

impl FindingCode {
    /// The severity a finding of this code has.
    pub const fn severity(self) -> Severity {
        match self {
            FindingCode::ReceivedBreakdownMismatch
            | FindingCode::TotalTimeDiffersFromResolved
            | FindingCode::DeclaredLevelContradicted
            | FindingCode::DeclaredScoreMismatch
            | FindingCode::DeclaredTotalMismatch => Severity::Error,
            FindingCode::IndicatorNotApplicable => Severity::Info,
            _ => Severity::Warning,
        }
    }
}

/// What a finding found, as data: the numbers its message is made of. Portals can use them
/// directly (e.g. `expectedDirect` to correct a field, `correctedTotal` to show the effect).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
#[allow(missing_docs)]
pub enum FindingFacts {
    /// Received total vs its channels; `expectedDirect` makes them add up.
    ReceivedBreakdown {
        total: u64,
        online: u64,
        direct: u64,
        carried_over: u64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        expected_direct: Option<u64>,
    },
    /// Received vs resolved + pending.
    ReceivedVsResolved {
        received: u64,
        resolved: u64,
        pending: u64,
    },
    /// Pending past the deadline.
    PendingOverdue { overdue: u64 },
    /// Total-time counts vs the resolved breakdown (as 2/1/0-point counts).
    TotalTimeVsResolved {
        total_time: Grades,
        resolved: Grades,
    },
    /// Attitude counts vs the dossiers resolved early.
    AttitudeVsTimeliness { attitude: Grades, early: u64 },
    /// A declared level outside the range the facts allow; the total with the facts' levels.
    LevelContradicted {
        indicator: IndicatorId,
        declared: Level,
        facts_range: LevelRange,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        online_share: Option<Share>,
        total: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corrected_total: Option<Decimal>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corrected_rating: Option<Rating>,
    },
    /// Facts that leave a range of levels, and no declared level.
    LevelUndetermined {
        indicator: IndicatorId,
        facts_range: LevelRange,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        online_share: Option<Share>,
    },
    /// An indicator not counted; the reduced maximum.
    NotApplicable {
        indicator: IndicatorId,
        position: u8,
        maximum: Decimal,
    },
    /// A declared indicator score vs the computed one (absent when not applicable).
    DeclaredScore {
        indicator: IndicatorId,
        position: u8,
        declared: Decimal,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        computed: Option<Decimal>,
    },
    /// A declared total vs the computed one.
    DeclaredTotal {
        declared: Decimal,
        computed: Decimal,
    },
    /// The period and the time the profile governs.
    PeriodOutsideProfile {
        start: CalendarDate,
        end: CalendarDate,
        profile: std::borrow::Cow<'static, str>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_from: Option<CalendarDate>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        valid_until: Option<CalendarDate>,
    },
}

/// One soft finding. Its message is derived from its facts on demand
/// ([`Finding::message`]) and written into the JSON form, so scoring formats no text.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// Severity.
    pub severity: Severity,
    /// Path of the field concerned.
    pub path: String,
    /// The numbers behind the finding.
    pub facts: FindingFacts,
}

/// The JSON form of [Finding] (with its derived message).
#[derive(Serialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
#[doc(hidden)]
pub struct FindingJson<'a> {
    code: FindingCode,
    severity: Severity,
    path: &'a str,
    facts: &'a FindingFacts,
    message: Localized,
}

impl Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        FindingJson {
            code: self.code,
            severity: self.severity,
            path: &self.path,
            facts: &self.facts,
            message: self.message(),
        }
        .serialize(s)
    }
}

fn finding(code: FindingCode, path: impl Into<String>, facts: FindingFacts) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        path: path.into(),
        facts,
    }
}

impl Finding {
    /// The message, in both languages.
    pub fn message(&self) -> Localized {
        Localized {
            vi: self.text(Lang::Vi).into(),
            en: self.text(Lang::En).into(),
        }
    }

    fn text(&self, lang: Lang) -> String {
        let c = |n: u64| count(n, lang);
        let d = |x: Decimal| format::decimal(x, lang);
        let vi = lang == Lang::Vi;
        match &self.facts {
            FindingFacts::ReceivedBreakdown {
                total,
                online,
                direct,
                carried_over,
                expected_direct,
            } => {
                let sum = online + direct + carried_over;
                let fit = expected_direct.map(|x| {
                    if vi {
                        format!("; khớp nếu số tiếp nhận trực tiếp là {}", c(x))
                    } else {
                        format!("; it adds up if direct is {}", c(x))
                    }
                });
                let fit = fit.unwrap_or_default();
                if vi {
                    format!("Tổng số hồ sơ tiếp nhận {} khác trực tuyến + trực tiếp + kỳ trước = {} + {} + {} = {}{fit}", c(*total), c(*online), c(*direct), c(*carried_over), c(sum))
                } else {
                    format!("received total {} differs from online + direct + carried over = {} + {} + {} = {}{fit}", c(*total), c(*online), c(*direct), c(*carried_over), c(sum))
                }
            }
            FindingFacts::ReceivedVsResolved {
                received,
                resolved,
                pending,
            } => {
                let sum = resolved + pending;
                if vi {
                    format!(
                        "Số tiếp nhận {} khác đã giải quyết + đang giải quyết = {} + {} = {}",
                        c(*received),
                        c(*resolved),
                        c(*pending),
                        c(sum)
                    )
                } else {
                    format!(
                        "received {} differs from resolved + pending = {} + {} = {}",
                        c(*received),
                        c(*resolved),
                        c(*pending),
                        c(sum)
                    )
                }
            }
            FindingFacts::PendingOverdue { overdue } => {
                if vi {
                    format!("{} hồ sơ đang giải quyết đã quá hạn", c(*overdue))
                } else {
                    format!("{} pending dossiers are past their deadline", c(*overdue))
                }
            }
            FindingFacts::TotalTimeVsResolved {
                total_time: t,
                resolved: r,
            } => {
                let g = |g: &Grades| {
                    format!("{}/{}/{}", c(g.two.get()), c(g.one.get()), c(g.zero.get()))
                };
                if vi {
                    format!(
                        "Chỉ số tổng thời gian ({}) khác số hồ sơ trước hạn/đúng hạn/quá hạn ({})",
                        g(t),
                        g(r)
                    )
                } else {
                    format!(
                        "total-time counts ({}) differ from early/on time/late ({})",
                        g(t),
                        g(r)
                    )
                }
            }
            FindingFacts::AttitudeVsTimeliness { attitude: a, early } => {
                if vi {
                    format!("Chỉ số thái độ có {} hồ sơ đạt 2 điểm và {} đạt 1 điểm, nhiều hơn số hồ sơ trước hạn ({}) hoặc đúng hạn", c(a.two.get()), c(a.one.get()), c(*early))
                } else {
                    format!("attitude has {} dossiers at 2 points and {} at 1, more than resolved early ({}) or on time", c(a.two.get()), c(a.one.get()), c(*early))
                }
            }
            FindingFacts::LevelContradicted {
                indicator,
                declared,
                facts_range,
                online_share,
                total,
                corrected_total,
                corrected_rating,
            } => {
                let range = rules::describe_range(*facts_range);
                let rating = corrected_rating
                    .as_ref()
                    .map(|r| r.label.get(lang).to_string())
                    .unwrap_or_default();
                let corrected = corrected_total.map(|t| {
                    if vi {
                        format!(
                            "; theo số liệu, tổng điểm là {} ({rating}) thay vì {}",
                            d(t),
                            d(*total)
                        )
                    } else {
                        format!(
                            "; by the facts the total is {} ({rating}) instead of {}",
                            d(t),
                            d(*total)
                        )
                    }
                });
                let (title, corrected) = (indicator.title(), corrected.unwrap_or_default());
                if vi {
                    format!(
                        "{}: đơn vị tự đánh giá mức {}, nhưng số liệu cho {}{}{corrected}",
                        title.vi,
                        declared.points(),
                        range.vi,
                        score::share_note(online_share, lang)
                    )
                } else {
                    format!(
                        "{}: declared level {}, but the facts give {}{}{corrected}",
                        title.en,
                        declared.points(),
                        range.en,
                        score::share_note(online_share, lang)
                    )
                }
            }
            FindingFacts::LevelUndetermined {
                indicator,
                facts_range,
                online_share,
            } => {
                let range = rules::describe_range(*facts_range);
                if vi {
                    format!(
                        "{}: Số liệu không đủ để xác định mức ({}){}",
                        indicator.title().vi,
                        range.vi,
                        score::share_note(online_share, lang)
                    )
                } else {
                    format!(
                        "{}: the facts do not determine the level ({}){}",
                        indicator.title().en,
                        range.en,
                        score::share_note(online_share, lang)
                    )
                }
            }
            FindingFacts::NotApplicable {
                position, maximum, ..
            } => {
                if vi {
                    format!(
                        "Chỉ số {position} không được tính; tổng điểm tính trên tối đa {}",
                        d(*maximum)
                    )
                } else {
                    format!(
                        "indicator {position} is not counted; the total is out of {}",
                        d(*maximum)
                    )
                }
            }
            FindingFacts::DeclaredScore {
                position,
                declared,
                computed,
                ..
            } => {
                let got = computed.map(d).unwrap_or_else(|| {
                    if vi {
                        "Không áp dụng".into()
                    } else {
                        "N/A".into()
                    }
                });
                if vi {
                    format!(
                        "Điểm công bố của chỉ số {position} là {}, điểm tính được là {got}",
                        d(*declared)
                    )
                } else {
                    format!(
                        "indicator {position} is declared as {}, computed {got}",
                        d(*declared)
                    )
                }
            }
            FindingFacts::DeclaredTotal { declared, computed } => {
                if vi {
                    format!(
                        "Tổng điểm công bố {} khác tổng điểm tính được {}",
                        d(*declared),
                        d(*computed)
                    )
                } else {
                    format!(
                        "declared total {} differs from the computed total {}",
                        d(*declared),
                        d(*computed)
                    )
                }
            }
            FindingFacts::PeriodOutsideProfile {
                start,
                end,
                profile,
                valid_from,
                valid_until,
            } => {
                let day = |x: &Option<CalendarDate>| {
                    x.map(|d| d.to_string()).unwrap_or_else(|| "…".into())
                };
                let (f, u) = (day(valid_from), day(valid_until));
                if vi {
                    format!("Kỳ báo cáo ({start} – {end}) không nằm trọn trong thời gian áp dụng của bộ quy tắc {profile} ({f} – {u})")
                } else {
                    format!("the period ({start} – {end}) is not wholly within the time profile {profile} applies ({f} – {u})")
                }
            }
        }
    }
}

/// The first and last day of a period.
pub fn period_bounds(p: &crate::model::Period) -> Option<(CalendarDate, CalendarDate)> {
    let (m1, m2) = match (p.quarter, p.month) {
        (Some(q), None) => (3 * q - 2, 3 * q),
        (None, Some(m)) => (m, m),
        _ => (1, 12),
    };
    Some((
        CalendarDate::new(p.year, m1, 1)?,
        CalendarDate::new(p.year, m2, crate::profile::days_in_month(p.year, m2))?,
    ))
}

/// Every finding on `report` scored as `card`. The two defects of the seed report \[R\]
/// (rules.md) are `RECEIVED_BREAKDOWN_MISMATCH` and `DECLARED_LEVEL_CONTRADICTED`.
pub fn findings(
    report: &Report,
    profile: &Profile,
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
        out.push(finding(
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
        out.push(finding(
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
        out.push(finding(
            FindingCode::PendingOverdue,
            "dossiers.pending.overdue",
            FindingFacts::PendingOverdue {
                overdue: d.pending.overdue.get(),
            },
        ));
    }

    let by_timeliness = Grades {
        two: d.resolved.early,
        one: d.resolved.on_time,
        zero: d.resolved.late,
    };
    if let Some(tt) = report
        .per_dossier
        .total_time
        .filter(|tt| *tt != by_timeliness)
    {
        out.push(finding(
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
        out.push(finding(
            FindingCode::AttitudeExceedsTimeliness,
            "perDossier.attitude",
            FindingFacts::AttitudeVsTimeliness {
                attitude: a,
                early: t.two.get(),
            },
        ));
    }

    for s in &card.indicators {
        let path = || match s.kind {
            IndicatorKind::PerDossier => format!("perDossier.{}", s.id.key()),
            IndicatorKind::PerUnit => format!("perUnit.{}", s.id.key()),
        };
        if let (Some(declared), Some(range)) = (s.declared_level, s.facts_range) {
            if !range.allows(declared) {
                let corrected = corrected_total(profile, interp, card, range);
                out.push(finding(
                    FindingCode::DeclaredLevelContradicted,
                    format!("{}.level", path()),
                    FindingFacts::LevelContradicted {
                        indicator: s.id,
                        declared,
                        facts_range: range,
                        online_share: s.online_share,
                        total: card.total.value,
                        corrected_rating: corrected.as_ref().and_then(|t| t.rating.clone()),
                        corrected_total: corrected.map(|t| t.value),
                    },
                ));
            }
        }
        if !s.applicable {
            if s.kind == IndicatorKind::PerUnit && s.declared_level.is_none() {
                if let Some(range) = s.facts_range {
                    out.push(finding(
                        FindingCode::LevelUndetermined,
                        path(),
                        FindingFacts::LevelUndetermined {
                            indicator: s.id,
                            facts_range: range,
                            online_share: s.online_share,
                        },
                    ));
                }
            }
            out.push(finding(
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
                    out.push(finding(
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
            out.push(finding(
                FindingCode::DeclaredTotalMismatch,
                "declared.total",
                FindingFacts::DeclaredTotal {
                    declared: t.get(),
                    computed: card.total.value,
                },
            ));
        }
    }

    if let Some((start, end)) = period_bounds(&report.period) {
        let before = profile.valid_from.is_some_and(|f| start < f);
        let after = profile.valid_until.is_some_and(|u| end > u);
        if before || after {
            out.push(finding(
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
    profile: &Profile,
    interp: &Interpretations,
    card: &Scorecard,
    range: LevelRange,
) -> Option<Total> {
    if interp.level_source != LevelSource::Declared || range.exact().is_none() {
        return None;
    }
    let parts = card.indicators.iter().filter_map(|s| {
        let by_facts = s.facts_range.and_then(LevelRange::exact);
        match (s.kind, by_facts) {
            (IndicatorKind::PerUnit, Some(l)) if s.applicable => {
                let d = Decimal::from(l.points());
                Some((d, d))
            }
            _ => s.exact.zip(s.counted),
        }
    });
    score::total(parts, profile, interp).ok()
}
