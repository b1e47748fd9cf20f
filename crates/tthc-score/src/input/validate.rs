//! Semantic hard errors: inputs that parse but from which no correct score can be computed.
//! All of them are collected, so a form can show every field at once.

use super::{Grades, Period, Report, UnitIndicator, MAX_COUNT};
use crate::base::{number::count, Lang};
use crate::error::{Code, Problem};
use crate::indicator::{IndicatorId, PER_DOSSIER};

/// The largest sum of counts in one group (received, resolved, pending, one official's dossiers):
/// half of [`MAX_COUNT`], so that points (up to 2 per dossier) stay exact in JavaScript.
pub const MAX_TOTAL: u64 = MAX_COUNT / 2;

fn too_large(path: &str, sum: u64) -> Option<Problem> {
    (sum > MAX_TOTAL).then(|| {
        Problem::new(
            Code::CountTooLarge,
            path,
            format!(
                "Tổng các số lượng ({}) vượt quá {}",
                count(sum, Lang::Vi),
                count(MAX_TOTAL, Lang::Vi)
            ),
            format!(
                "the counts add up to {}, above the limit of {}",
                count(sum, Lang::En),
                count(MAX_TOTAL, Lang::En)
            ),
        )
    })
}

/// Checks `report`; returns every problem found (empty when the report can be scored).
pub fn validate(report: &Report) -> Vec<Problem> {
    let mut out = Vec::new();
    period(&report.period, &mut out);

    let d = &report.dossiers;
    out.extend(too_large(
        "dossiers.received",
        d.received.sum_of_channels().max(report.received_total()),
    ));
    let r = &d.resolved;
    let sum = r.sum_of_breakdown();
    out.extend(too_large("dossiers.resolved", sum));
    out.extend(too_large("dossiers.pending", d.pending.total()));
    if let Some(total) = r.total.filter(|t| t.get() != sum) {
        out.push(Problem::new(
            Code::ResolvedTotalMismatch,
            "dossiers.resolved.total",
            format!(
                "Tổng hồ sơ đã giải quyết ({}) khác trước hạn + đúng hạn + quá hạn ({})",
                count(total.get(), Lang::Vi),
                count(sum, Lang::Vi)
            ),
            format!(
                "resolved total ({}) differs from early + on time + late ({})",
                count(total.get(), Lang::En),
                count(sum, Lang::En)
            ),
        ));
    }

    // Against the breakdown, so that a wrong declared total is reported once, not six times.
    let resolved = sum;
    for id in PER_DOSSIER {
        // A derived total-time breakdown always matches; only a given one is checked.
        if id == IndicatorId::TotalTime && report.per_dossier.total_time.is_none() {
            continue;
        }
        if let Some(g) = report.grades(id) {
            sum_matches(
                Code::IndicatorCountsMismatch,
                &g,
                resolved,
                || format!("perDossier.{}", id.key()),
                "số hồ sơ đã giải quyết",
                "resolved dossiers",
                &mut out,
            );
        }
    }

    let pu = &report.per_unit;
    unit_indicator(&pu.one_stop, IndicatorId::OneStop, &mut out);
    unit_indicator(&pu.publicity, IndicatorId::Publicity, &mut out);
    unit_indicator(&pu.feedback, IndicatorId::Feedback, &mut out);
    unit_indicator(&pu.online_services, IndicatorId::OnlineServices, &mut out);
    if let Some(f) = &pu.feedback.facts {
        if let Some(received) = f.received {
            for (name, v) in [
                ("handledOnTime", f.handled_on_time),
                ("prolonged", f.prolonged),
            ] {
                if let Some(v) = v.filter(|v| *v > received) {
                    out.push(Problem::new(
                        Code::FeedbackExceedsTotal,
                        format!("perUnit.feedback.facts.{name}"),
                        format!(
                            "Số phản ánh, kiến nghị ({}) lớn hơn tổng số đã tiếp nhận ({})",
                            count(v.get(), Lang::Vi),
                            count(received.get(), Lang::Vi)
                        ),
                        format!(
                            "{name} ({}) exceeds the feedback received ({})",
                            count(v.get(), Lang::En),
                            count(received.get(), Lang::En)
                        ),
                    ));
                }
            }
        }
    }

    for (i, o) in report.officials.iter().enumerate() {
        let n = o.total_time.dossiers();
        out.extend(too_large(&format!("officials[{i}]"), n));
        for id in PER_DOSSIER.into_iter().skip(1) {
            if let Some(g) = o.grades(id) {
                sum_matches(
                    Code::OfficialCountsMismatch,
                    g,
                    n,
                    || format!("officials[{i}].{}", id.key()),
                    "số hồ sơ của chỉ số tổng thời gian giải quyết",
                    "the dossiers counted for total time",
                    &mut out,
                );
            }
        }
    }
    out
}

fn sum_matches(
    code: Code,
    g: &Grades,
    expected: u64,
    path: impl FnOnce() -> String,
    vi_what: &str,
    en_what: &str,
    out: &mut Vec<Problem>,
) {
    let n = g.dossiers();
    if n != expected {
        out.push(Problem::new(
            code,
            path(),
            format!(
                "Tổng số hồ sơ ở 3 mức ({} + {} + {} = {}) khác {} ({})",
                count(g.two.get(), Lang::Vi),
                count(g.one.get(), Lang::Vi),
                count(g.zero.get(), Lang::Vi),
                count(n, Lang::Vi),
                vi_what,
                count(expected, Lang::Vi)
            ),
            format!(
                "the counts at 2, 1 and 0 points ({} + {} + {} = {}) differ from {} ({})",
                count(g.two.get(), Lang::En),
                count(g.one.get(), Lang::En),
                count(g.zero.get(), Lang::En),
                count(n, Lang::En),
                en_what,
                count(expected, Lang::En)
            ),
        ));
    }
}

fn unit_indicator<F>(u: &UnitIndicator<F>, id: IndicatorId, out: &mut Vec<Problem>) {
    let path = || format!("perUnit.{}", id.key());
    if u.not_applicable && (u.level.is_some() || u.facts.is_some()) {
        out.push(Problem::new(
            Code::UnitIndicatorConflict,
            path(),
            format!(
                "Chỉ số “{}” được đánh dấu không áp dụng nhưng vẫn có mức tự đánh giá hoặc số liệu",
                super::indicator_name(id).vi
            ),
            format!(
                "indicator “{}” is marked not applicable but also given a level or facts",
                super::indicator_name(id).en
            ),
        ));
    } else if !u.not_applicable && u.level.is_none() && u.facts.is_none() {
        out.push(Problem::new(
            Code::UnitIndicatorEmpty,
            path(),
            format!(
                "Chỉ số “{}”: cần mức đơn vị tự đánh giá, số liệu để xác định mức, hoặc đánh dấu không áp dụng (level, facts hoặc notApplicable)",
                super::indicator_name(id).vi
            ),
            format!(
                "indicator “{}”: give the level the unit declares, the facts that give it, or mark it not applicable (level, facts or notApplicable)",
                super::indicator_name(id).en
            ),
        ));
    }
}

/// The problems of a period (a report's, or a tally's): a year outside 2000–2100, a
/// quarter or month that does not exist, both a quarter and a month.
pub(crate) fn period(p: &Period, out: &mut Vec<Problem>) {
    let mut bad = |field: &str, vi: String, en: String| {
        let path = if field.is_empty() {
            "period".into()
        } else {
            format!("period.{field}")
        };
        out.push(Problem::new(Code::PeriodInvalid, path, vi, en));
    };
    if !(2000..=2100).contains(&p.year) {
        bad(
            "year",
            format!("Năm {} ngoài khoảng 2000–2100", p.year),
            format!("year {} outside 2000–2100", p.year),
        );
    }
    if let Some(q) = p.quarter.filter(|q| !(1..=4).contains(q)) {
        bad(
            "quarter",
            format!("Quý {q} không tồn tại (1–4)"),
            format!("quarter {q} does not exist (1–4)"),
        );
    }
    if let Some(m) = p.month.filter(|m| !(1..=12).contains(m)) {
        bad(
            "month",
            format!("Tháng {m} không tồn tại (1–12)"),
            format!("month {m} does not exist (1–12)"),
        );
    }
    if p.quarter.is_some() && p.month.is_some() {
        bad(
            "",
            "Chỉ ghi quý hoặc tháng, không ghi cả hai".into(),
            "give a quarter or a month, not both".into(),
        );
    }
}
