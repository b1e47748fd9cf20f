//! Soft findings: inconsistencies that still allow scoring, such as the two defects of the
//! seed report (a received breakdown that does not add up; a declared level the facts contradict).

use crate::error::Localized;
use crate::format::{self, count, Lang};
use crate::indicator::IndicatorId;
use crate::model::Report;
use crate::profile::{CalendarDate, Interpretations, LateAttitude, LevelSource, Profile};
use crate::rules;
use crate::score::{self, Scorecard};
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

macro_rules! finding_codes {
    ($( $(#[$doc:meta])* $name:ident = $text:literal, )*) => {
        /// Stable codes of soft findings.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "ts", derive(tsify::Tsify))]
        #[non_exhaustive]
        pub enum FindingCode {
            $( $(#[$doc])* #[serde(rename = $text)] $name, )*
        }
        impl FindingCode {
            /// Every code, in documentation order.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$name),*];
            /// The stable string form.
            pub const fn as_str(self) -> &'static str {
                match self { $(FindingCode::$name => $text,)* }
            }
        }
    };
}

finding_codes! {
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

/// One soft finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Stable code.
    pub code: FindingCode,
    /// Severity.
    pub severity: Severity,
    /// Path of the field concerned.
    pub path: String,
    /// Message.
    pub message: Localized,
}

fn finding(code: FindingCode, path: impl Into<String>, vi: String, en: String) -> Finding {
    Finding {
        code,
        severity: code.severity(),
        path: path.into(),
        message: Localized { vi, en },
    }
}

/// Both languages of a count.
fn c2(n: u64) -> (String, String) {
    (count(n, Lang::Vi), count(n, Lang::En))
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
    let (on, dir, co) = (rc.online.get(), rc.direct.get(), rc.carried_over.get());
    let sum = on + dir + co;
    if let Some(total) = rc.total.map(|t| t.get()).filter(|&t| t != sum) {
        let (tv, te) = c2(total);
        let (sv, se) = c2(sum);
        let fit = total.checked_sub(on + co).map(|x| {
            let (v, e) = c2(x);
            (
                format!("; khớp nếu số tiếp nhận trực tiếp là {v}"),
                format!("; it adds up if direct is {e}"),
            )
        });
        let (fv, fe) = fit.unwrap_or_default();
        out.push(finding(
            FindingCode::ReceivedBreakdownMismatch,
            "dossiers.received",
            format!(
                "Tổng số hồ sơ tiếp nhận {tv} khác trực tuyến + trực tiếp + kỳ trước = {} + {} + {} = {sv}{fv}",
                c2(on).0, c2(dir).0, c2(co).0
            ),
            format!(
                "received total {te} differs from online + direct + carried over = {} + {} + {} = {se}{fe}",
                c2(on).1, c2(dir).1, c2(co).1
            ),
        ));
    }

    let received = report.received_total();
    let resolved = report.resolved_total();
    let pending = d.pending.within_deadline.get() + d.pending.overdue.get();
    if received != resolved + pending {
        let (r, rs, p, rp) = (
            c2(received),
            c2(resolved),
            c2(pending),
            c2(resolved + pending),
        );
        out.push(finding(
            FindingCode::ReceivedNotResolvedPlusPending,
            "dossiers",
            format!(
                "Số tiếp nhận {} khác đã giải quyết + đang giải quyết = {} + {} = {}",
                r.0, rs.0, p.0, rp.0
            ),
            format!(
                "received {} differs from resolved + pending = {} + {} = {}",
                r.1, rs.1, p.1, rp.1
            ),
        ));
    }
    if d.pending.overdue.get() > 0 {
        let n = c2(d.pending.overdue.get());
        out.push(finding(
            FindingCode::PendingOverdue,
            "dossiers.pending.overdue",
            format!("{} hồ sơ đang giải quyết đã quá hạn", n.0),
            format!("{} pending dossiers are past their deadline", n.1),
        ));
    }

    if let Some(tt) = report.per_dossier.total_time {
        let r = &d.resolved;
        if (tt.two, tt.one, tt.zero) != (r.early, r.on_time, r.late) {
            out.push(finding(
                FindingCode::TotalTimeDiffersFromResolved,
                "perDossier.totalTime",
                format!(
                    "Chỉ số tổng thời gian ({}/{}/{}) khác số hồ sơ trước hạn/đúng hạn/quá hạn ({}/{}/{})",
                    c2(tt.two.get()).0, c2(tt.one.get()).0, c2(tt.zero.get()).0,
                    c2(r.early.get()).0, c2(r.on_time.get()).0, c2(r.late.get()).0
                ),
                format!(
                    "total-time counts ({}/{}/{}) differ from early/on time/late ({}/{}/{})",
                    c2(tt.two.get()).1, c2(tt.one.get()).1, c2(tt.zero.get()).1,
                    c2(r.early.get()).1, c2(r.on_time.get()).1, c2(r.late.get()).1
                ),
            ));
        }
    }

    // Attitude earns 2 only when resolved early and 1 only when on time (TT01 Art. 13.7);
    // a late dossier without complaint earns 0 under \[D\] `lateAttitude`.
    let a = &report.per_dossier.attitude;
    let t = report.total_time_grades();
    let one_cap = match interp.late_attitude {
        LateAttitude::Zero => t.two.get() + t.one.get(),
        LateAttitude::One => t.dossiers(),
    };
    if a.two > t.two || a.two.get() + a.one.get() > one_cap {
        out.push(finding(
            FindingCode::AttitudeExceedsTimeliness,
            "perDossier.attitude",
            format!(
                "Chỉ số thái độ có {} hồ sơ đạt 2 điểm và {} đạt 1 điểm, nhiều hơn số hồ sơ trước hạn ({}) hoặc đúng hạn",
                c2(a.two.get()).0, c2(a.one.get()).0, c2(t.two.get()).0
            ),
            format!(
                "attitude has {} dossiers at 2 points and {} at 1, more than resolved early ({}) or on time",
                c2(a.two.get()).1, c2(a.one.get()).1, c2(t.two.get()).1
            ),
        ));
    }

    for s in &card.indicators {
        let path = match s.kind {
            crate::indicator::IndicatorKind::PerDossier => format!("perDossier.{}", s.id.key()),
            crate::indicator::IndicatorKind::PerUnit => format!("perUnit.{}", s.id.key()),
        };
        if let (Some(declared), Some(range)) = (s.declared_level, s.facts_range) {
            if !range.allows(declared) {
                out.push(contradiction(
                    report, profile, interp, card, s.id, declared, range, &path,
                ));
            }
        }
        if !s.applicable {
            let undetermined = s.kind == crate::indicator::IndicatorKind::PerUnit
                && s.facts_range.is_some()
                && s.declared_level.is_none();
            if undetermined {
                out.push(finding(
                    FindingCode::LevelUndetermined,
                    path.clone(),
                    format!("{}: {}", s.id.title().vi, s.derivation().vi),
                    format!("{}: {}", s.id.title().en, s.derivation().en),
                ));
            }
            out.push(finding(
                FindingCode::IndicatorNotApplicable,
                path,
                format!(
                    "Chỉ số {} không được tính; tổng điểm tính trên tối đa {}",
                    s.position,
                    card.total.maximum_display().vi
                ),
                format!(
                    "indicator {} is not counted; the total is out of {}",
                    s.position,
                    card.total.maximum_display().en
                ),
            ));
        }
    }

    if let Some(decl) = &report.declared {
        if let Some(scores) = &decl.scores {
            for s in &card.indicators {
                let Some(ds) = scores.get(s.id) else { continue };
                if s.rounded != Some(ds.get()) {
                    let got = s.display();
                    out.push(finding(
                        FindingCode::DeclaredScoreMismatch,
                        format!("declared.scores.{}", s.id.key()),
                        format!(
                            "Điểm công bố của chỉ số {} là {}, điểm tính được là {}",
                            s.position,
                            format::decimal(ds.get(), Lang::Vi),
                            got.vi
                        ),
                        format!(
                            "indicator {} is declared as {}, computed {}",
                            s.position,
                            format::decimal(ds.get(), Lang::En),
                            got.en
                        ),
                    ));
                }
            }
        }
        if let Some(t) = decl.total.filter(|t| t.get() != card.total.value) {
            out.push(finding(
                FindingCode::DeclaredTotalMismatch,
                "declared.total",
                format!(
                    "Tổng điểm công bố {} khác tổng điểm tính được {}",
                    format::decimal(t.get(), Lang::Vi),
                    card.total.display().vi
                ),
                format!(
                    "declared total {} differs from the computed total {}",
                    format::decimal(t.get(), Lang::En),
                    card.total.display().en
                ),
            ));
        }
    }

    if let Some((start, end)) = period_bounds(&report.period) {
        let before = profile.valid_from.is_some_and(|f| start < f);
        let after = profile.valid_until.is_some_and(|u| end > u);
        if before || after {
            let range = |lang: Lang| {
                let f = profile
                    .valid_from
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "…".into());
                let u = profile
                    .valid_until
                    .map(|d| d.to_string())
                    .unwrap_or_else(|| "…".into());
                let _ = lang;
                format!("{f} – {u}")
            };
            out.push(finding(
                FindingCode::PeriodOutsideProfile,
                "period",
                format!("Kỳ báo cáo ({start} – {end}) không nằm trọn trong thời gian áp dụng của bộ quy tắc {} ({})", profile.id, range(Lang::Vi)),
                format!("the period ({start} – {end}) is not wholly within the time profile {} applies ({})", profile.id, range(Lang::En)),
            ));
        }
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn contradiction(
    report: &Report,
    profile: &Profile,
    interp: &Interpretations,
    card: &Scorecard,
    id: IndicatorId,
    declared: crate::model::Level,
    range: rules::LevelRange,
    path: &str,
) -> Finding {
    let r = rules::describe_range(range);
    // With the facts' level wherever the facts decide one, what would the total be?
    let corrected = (interp.level_source == LevelSource::Declared && range.exact().is_some())
        .then(|| {
            let parts = card.indicators.iter().filter_map(|s| {
                let by_facts = s.facts_range.and_then(rules::LevelRange::exact);
                match (s.kind, by_facts) {
                    (crate::indicator::IndicatorKind::PerUnit, Some(l)) if s.applicable => {
                        let d = rust_decimal::Decimal::from(l.points());
                        Some((d, d))
                    }
                    _ => s.exact.zip(s.counted),
                }
            });
            score::total(parts, profile, interp).ok()
        })
        .flatten()
        .map(|t| (t.display(), t.rating.map(|r| r.label)));
    let detail = |lang: Lang| -> String {
        match &corrected {
            Some((total, rating)) => {
                let rating = rating
                    .as_ref()
                    .map(|l| l.get(lang).to_string())
                    .unwrap_or_default();
                match lang {
                    Lang::Vi => format!(
                        "; theo số liệu, tổng điểm là {} ({rating}) thay vì {}",
                        total.vi,
                        card.total.display().vi
                    ),
                    Lang::En => format!(
                        "; by the facts the total is {} ({rating}) instead of {}",
                        total.en,
                        card.total.display().en
                    ),
                }
            }
            None => String::new(),
        }
    };
    let share = match score::online_share(report, interp) {
        Some(sh) if id == IndicatorId::OnlineServices => (
            format!(
                " (tỷ lệ hồ sơ trực tuyến {})",
                rules::describe_share(sh.online, sh.of, Lang::Vi)
            ),
            format!(
                " (online share {})",
                rules::describe_share(sh.online, sh.of, Lang::En)
            ),
        ),
        _ => Default::default(),
    };
    finding(
        FindingCode::DeclaredLevelContradicted,
        format!("{path}.level"),
        format!(
            "{}: đơn vị tự đánh giá mức {}, nhưng số liệu cho {}{}{}",
            id.title().vi,
            declared.points(),
            r.vi,
            share.0,
            detail(Lang::Vi)
        ),
        format!(
            "{}: declared level {}, but the facts give {}{}{}",
            id.title().en,
            declared.points(),
            r.en,
            share.1,
            detail(Lang::En)
        ),
    )
}
