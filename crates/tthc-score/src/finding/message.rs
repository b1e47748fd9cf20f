//! The words of each finding, derived from its facts on demand.

use super::{Finding, FindingFacts};
use crate::base::number::{self, count};
use crate::base::{Lang, Localized, NOT_APPLICABLE};
use crate::calendar::CalendarDate;
use crate::input::Grades;
use crate::rules::{describe_levels, share_note};
use rust_decimal::Decimal;

impl Finding {
    /// The message, in both languages.
    pub fn message(&self) -> Localized {
        Localized::each(|lang| self.text(lang))
    }

    fn text(&self, lang: Lang) -> String {
        let c = |n: u64| count(n, lang);
        let d = |x: Decimal| number::decimal(x, lang);
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
            FindingFacts::AttitudeVsTimeliness {
                attitude: a,
                early,
                early_or_on_time,
            } => {
                // Name each comparison that fails, with its own numbers.
                let (two, both) = (a.two.get(), a.two.get() + a.one.get());
                let mut parts = Vec::new();
                if two > *early {
                    parts.push(if vi {
                        format!("{} hồ sơ đạt 2 điểm về thái độ, nhiều hơn số hồ sơ đạt 2 điểm (trước hạn) ở chỉ số tổng thời gian giải quyết ({})", c(two), c(*early))
                    } else {
                        format!("{} dossiers at 2 points on attitude, more than the total-time indicator's dossiers at 2 points, early ({})", c(two), c(*early))
                    });
                }
                if both > *early_or_on_time {
                    parts.push(if vi {
                        format!("{} + {} = {} hồ sơ đạt 2 hoặc 1 điểm về thái độ, nhiều hơn số hồ sơ đạt 2 hoặc 1 điểm (trước hạn hoặc đúng hạn) ở chỉ số tổng thời gian giải quyết ({})", c(two), c(a.one.get()), c(both), c(*early_or_on_time))
                    } else {
                        format!("{} + {} = {} dossiers at 2 or 1 points on attitude, more than the total-time indicator's dossiers at 2 or 1 points, early or on time ({})", c(two), c(a.one.get()), c(both), c(*early_or_on_time))
                    });
                }
                parts.join("; ")
            }
            FindingFacts::LevelContradicted {
                indicator,
                declared,
                possible_levels,
                online_share,
                total,
                corrected_total,
                corrected_rating,
            } => {
                let range = describe_levels(*possible_levels);
                let rating = corrected_rating
                    .as_ref()
                    .map(|r| r.label.get(lang).to_string())
                    .unwrap_or_default();
                let corrected = corrected_total.map(|t| {
                    // Several contradicted levels may cancel out: "12.50 instead of 12.50"
                    // would read as a slip.
                    if t == *total {
                        return if vi {
                            format!("; theo số liệu (sửa mọi mức sai), tổng điểm vẫn là {} ({rating})", d(t))
                        } else {
                            format!("; by the facts (every contradicted level corrected) the total is still {} ({rating})", d(t))
                        };
                    }
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
                        share_note(online_share, lang)
                    )
                } else {
                    format!(
                        "{}: declared level {}, but the facts give {}{}{corrected}",
                        title.en,
                        declared.points(),
                        range.en,
                        share_note(online_share, lang)
                    )
                }
            }
            FindingFacts::LevelUndetermined {
                indicator,
                possible_levels,
                online_share,
            } => {
                let range = describe_levels(*possible_levels);
                if vi {
                    format!(
                        "{}: Số liệu không đủ để xác định mức ({}){}",
                        indicator.title().vi,
                        range.vi,
                        share_note(online_share, lang)
                    )
                } else {
                    format!(
                        "{}: the facts do not determine the level ({}){}",
                        indicator.title().en,
                        range.en,
                        share_note(online_share, lang)
                    )
                }
            }
            FindingFacts::DossiersUndetermined {
                indicator,
                unknown,
                dossiers,
            } => {
                if vi {
                    format!(
                        "{}: {}/{} hồ sơ chưa có số liệu để chấm điểm; chỉ số không được tính",
                        indicator.title().vi,
                        c(*unknown),
                        c(*dossiers)
                    )
                } else {
                    format!(
                        "{}: {} of {} dossiers have no data to grade them; the indicator is not counted",
                        indicator.title().en,
                        c(*unknown),
                        c(*dossiers)
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
                let got = computed
                    .map(d)
                    .unwrap_or_else(|| NOT_APPLICABLE.get(lang).to_string());
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
