//! The words of a scorecard, derived on demand: displayed numbers and how each score was
//! computed. Scoring itself formats nothing.

use super::card::{IndicatorScore, LevelOrigin, OfficialScore, Total};
use crate::base::number::count;
use crate::base::{Lang, Localized, NOT_APPLICABLE};
use crate::indicator::IndicatorKind;
use crate::input::Grades;
use crate::rules::{describe_levels, share_note};
use rust_decimal::Decimal;

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
        if let Some(g) = self.grades.filter(|g| !g.unknown.is_zero()) {
            return Localized::each(|lang| {
                let (u, n) = (count(g.unknown.get(), lang), count(g.dossiers(), lang));
                match lang {
                    Lang::Vi => format!("Không đủ số liệu: {u}/{n} hồ sơ chưa có thông tin"),
                    Lang::En => format!("not determined: {u} of {n} dossiers have no data"),
                }
            });
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
                    .possible_levels
                    .map(describe_levels)
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

fn display_of(v: Option<Decimal>) -> Localized {
    match v {
        Some(d) => Localized::decimal(d),
        None => NOT_APPLICABLE,
    }
}

impl Total {
    /// "16,74" / "16.74".
    pub fn display(&self) -> Localized {
        Localized::decimal(self.value)
    }

    /// "18,0" / "18.0".
    pub fn maximum_display(&self) -> Localized {
        Localized::decimal(self.maximum)
    }
}

impl OfficialScore {
    /// As printed ("9,74"), or "Không áp dụng" / "N/A".
    pub fn display(&self) -> Localized {
        display_of(self.value)
    }
}

/// "(1.033×2 + 99×1 + 0×0) / 1.132".
fn derivation(g: &Grades, lang: Lang) -> String {
    let c = |n: u64| count(n, lang);
    format!(
        "({}×2 + {}×1 + {}×0) / {}",
        c(g.two.get()),
        c(g.one.get()),
        c(g.zero.get()),
        c(g.dossiers())
    )
}
