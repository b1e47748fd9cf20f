//! The scoring rules as small pure functions.
//!
//! Per-unit levels are derived from facts that may be partly unknown: each condition is
//! evaluated in three-valued logic ([`Tri`]), and a rule yields the range of levels the
//! known facts allow ([`LevelRange`]). A complete set of facts gives a single level; the
//! online share alone, always known from the dossier summary, can already cap a level.

use crate::format::{self, Lang};
use crate::indicator::Label;
use crate::model::{FeedbackFacts, Level, OneStopFacts, OnlineFacts, PublicityFacts, UnitLevel};
use crate::profile::{Interpretations, OnlineHighShareLowDeployment};
use crate::rounding::{round, Rounding};
use crate::Localized;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A truth value that may be unknown (Kleene logic).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tri {
    /// Known true.
    True,
    /// Known false.
    False,
    /// Not known from the facts given.
    Unknown,
}

impl Tri {
    fn of(b: Option<bool>) -> Tri {
        match b {
            Some(true) => Tri::True,
            Some(false) => Tri::False,
            None => Tri::Unknown,
        }
    }

    fn and(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::False, _) | (_, Tri::False) => Tri::False,
            (Tri::True, Tri::True) => Tri::True,
            _ => Tri::Unknown,
        }
    }

    fn or(self, o: Tri) -> Tri {
        match (self, o) {
            (Tri::True, _) | (_, Tri::True) => Tri::True,
            (Tri::False, Tri::False) => Tri::False,
            _ => Tri::Unknown,
        }
    }
}

fn at_least(v: Option<Decimal>, bound: u32) -> Tri {
    Tri::of(v.map(|v| v >= Decimal::from(bound)))
}

/// Whether a share given as (part, whole) is at least `bound` percent, exactly in integers.
fn share_at_least(share: Option<(u64, u64)>, bound: u32) -> Tri {
    Tri::of(
        share.map(|(part, whole)| u128::from(part) * 100 >= u128::from(bound) * u128::from(whole)),
    )
}

/// The levels that the known facts allow, `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
pub struct LevelRange {
    /// Lowest level possible.
    pub min: Level,
    /// Highest level possible.
    pub max: Level,
}

impl LevelRange {
    /// The single level, when the facts determine it.
    pub fn exact(self) -> Option<Level> {
        (self.min == self.max).then_some(self.min)
    }

    /// Whether `level` is possible.
    pub fn allows(self, level: Level) -> bool {
        self.min <= level && level <= self.max
    }

    /// The range of "2 if `two`, else 1 if `one`, else 0".
    fn of(two: Tri, one: Tri) -> LevelRange {
        let mut possible = [false; 3];
        for (level, cond) in [(2usize, two), (1, one), (0, Tri::True)] {
            match cond {
                Tri::True => {
                    possible[level] = true;
                    break;
                }
                Tri::Unknown => possible[level] = true,
                Tri::False => {}
            }
        }
        let lo = possible.iter().position(|&p| p).unwrap_or(0);
        let hi = possible.iter().rposition(|&p| p).unwrap_or(0);
        // lo and hi are 0..=2 by construction.
        LevelRange {
            min: Level::new(lo as u8).unwrap_or(Level::ZERO),
            max: Level::new(hi as u8).unwrap_or(Level::ZERO),
        }
    }
}

/// The one-stop desk rule: where the two profiles differ most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OneStopRule {
    /// Điện Biên (seed report \[R\]): 2 if 100 % of procedures are received and returned at the
    /// desk, 1 from 90 % to under 100 %, 0 under 90 %.
    DienBienShareAtDesk,
    /// TT01 Art. 13.5: 2 if the desk itself receives, appraises and approves at least 20 %
    /// (ministry, province, department), 50 % (district) or 100 % (commune) of the procedures;
    /// 1 if 100 % of non-exempt procedures are received and returned at the desk; 0 otherwise.
    Tt01ApprovedAtDesk,
}

impl OneStopRule {
    /// TT01 Art. 13.5 thresholds for level 2. \[D\] a department (sở) counts as provincial level.
    pub fn approved_threshold(unit: UnitLevel) -> u32 {
        match unit {
            UnitLevel::Ministry | UnitLevel::Province | UnitLevel::Department => 20,
            UnitLevel::District => 50,
            UnitLevel::Commune => 100,
        }
    }

    /// Derives the level range from the facts.
    pub fn derive(self, f: &OneStopFacts, unit: UnitLevel) -> LevelRange {
        let received = f.received_at_desk_percent.map(|p| p.get());
        match self {
            OneStopRule::DienBienShareAtDesk => {
                LevelRange::of(at_least(received, 100), at_least(received, 90))
            }
            OneStopRule::Tt01ApprovedAtDesk => {
                let approved = f.approved_at_desk_percent.map(|p| p.get());
                LevelRange::of(
                    at_least(approved, Self::approved_threshold(unit)),
                    at_least(received, 100),
                )
            }
        }
    }

    /// The form's sub-rows; for TT01 the threshold of `unit` is named where known.
    pub fn sub_rows(self, unit: Option<UnitLevel>) -> [Label; 3] {
        match self {
            OneStopRule::DienBienShareAtDesk => [
                Label {
                    vi: "100% TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả",
                    en: "100% of procedures received and returned at the one-stop desk",
                },
                Label {
                    vi: "Từ 90 % đến dưới 100% TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả",
                    en: "From 90% to under 100% of procedures received and returned at the one-stop desk",
                },
                Label {
                    vi: "Dưới 90% TTHC thực hiện tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả",
                    en: "Under 90% of procedures received and returned at the one-stop desk",
                },
            ],
            OneStopRule::Tt01ApprovedAtDesk => [
                match unit.map(Self::approved_threshold) {
                    Some(20) => Label {
                        vi: "Tối thiểu 20% TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa",
                        en: "At least 20% of procedures received, appraised and approved at the one-stop desk",
                    },
                    Some(50) => Label {
                        vi: "Tối thiểu 50% TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa",
                        en: "At least 50% of procedures received, appraised and approved at the one-stop desk",
                    },
                    Some(_) => Label {
                        vi: "100% TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa",
                        en: "100% of procedures received, appraised and approved at the one-stop desk",
                    },
                    None => Label {
                        vi: "Tối thiểu 20% (cấp tỉnh, bộ), 50% (cấp huyện), 100% (cấp xã) TTHC được tiếp nhận, thẩm định, phê duyệt tại Bộ phận Một cửa",
                        en: "At least 20% (province, ministry), 50% (district) or 100% (commune) of procedures received, appraised and approved at the one-stop desk",
                    },
                },
                Label {
                    vi: "100% TTHC không thuộc trường hợp loại trừ được tiếp nhận, trả kết quả tại Bộ phận Một cửa",
                    en: "100% of non-exempt procedures received and returned at the one-stop desk",
                },
                Label {
                    vi: "Không đáp ứng các yêu cầu trên",
                    en: "Neither of the above",
                },
            ],
        }
    }
}

/// Publicity (TT01 Art. 13.6): 2 if published both by posting and electronically, 1 if by
/// one of the two, 0 if by neither.
pub fn publicity(f: &PublicityFacts) -> LevelRange {
    let (p, e) = (Tri::of(f.posted), Tri::of(f.electronic));
    LevelRange::of(p.and(e), p.or(e))
}

/// Feedback handling (TT01 Art. 13.8): 2 if none received, or 100 % handled on time and none
/// prolonged; 1 if at least 90 % on time and none prolonged; 0 otherwise.
pub fn feedback(f: &FeedbackFacts) -> LevelRange {
    let received = f.received.map(|c| c.get());
    let on_time = f.handled_on_time.map(|c| c.get());
    let none_prolonged = Tri::of(f.prolonged.map(|c| c.get() == 0));
    let none_received = Tri::of(received.map(|n| n == 0));
    let all_on_time = Tri::of(received.zip(on_time).map(|(r, o)| o >= r));
    // o / r ≥ 90 % ⇔ 10·o ≥ 9·r, in integers (counts are below 2^53, so no overflow in u128).
    let ninety = Tri::of(
        received
            .zip(on_time)
            .map(|(r, o)| 10 * u128::from(o) >= 9 * u128::from(r)),
    );
    LevelRange::of(
        none_received.or(all_on_time.and(none_prolonged)),
        none_received.or(ninety.and(none_prolonged)),
    )
}

/// Online public services (TT01 Art. 13.9): 2 if ≥ 20 % of eligible procedures are deployed
/// at level 3–4 and online dossiers are ≥ 30 % and none is unresolved or late; 1 if level 3–4
/// services are deployed, online dossiers are 15 % to under 30 % and none unresolved or late;
/// 0 otherwise. `share` is the online share as (online dossiers, all dossiers), see
/// [`OnlineShareBase`].
///
/// \[D\] `onlineHighShareLowDeployment`: with ≥ 30 % online dossiers but < 20 % deployed, the
/// 1-point band's "under 30 %" is read as only separating it from band 2, so the unit earns 1.
pub fn online(f: &OnlineFacts, share: Option<(u64, u64)>, interp: &Interpretations) -> LevelRange {
    let deployed = f.deployed_percent.map(|p| p.get());
    let clean = Tri::of(f.online_unresolved_or_late.map(|c| c.get() == 0));
    let any_deployed = Tri::of(deployed.map(|d| d > Decimal::ZERO));
    let share30 = share_at_least(share, 30);
    let share15 = share_at_least(share, 15);
    let band1_share = match interp.online_high_share_low_deployment {
        OnlineHighShareLowDeployment::LevelOne => share15,
        OnlineHighShareLowDeployment::LevelZero => share15.and(match share30 {
            Tri::True => Tri::False,
            Tri::False => Tri::True,
            Tri::Unknown => Tri::Unknown,
        }),
    };
    LevelRange::of(
        at_least(deployed, 20).and(share30).and(clean),
        any_deployed.and(band1_share).and(clean),
    )
}

/// What the online share is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub enum OnlineShareBase {
    /// \[D\] default: received online / all dossiers received in the period (carried over included).
    AllReceived,
    /// Received online / (online + direct), leaving out dossiers carried over.
    NewlyReceived,
}

/// Explains an online share: "99/1.147 = 8,63 %".
pub fn describe_share(online: u64, denominator: u64, lang: Lang) -> String {
    let pct =
        crate::rounding::quotient(online.saturating_mul(100), denominator).unwrap_or_default();
    format!(
        "{}/{} = {} %",
        format::count(online, lang),
        format::count(denominator, lang),
        format::decimal(round(pct, 2, Rounding::HalfUp), lang)
    )
}

/// The words for a level range, for findings.
pub fn describe_range(r: LevelRange) -> Localized {
    match r.exact() {
        Some(l) => Localized::new(
            format!("mức {}", l.points()),
            format!("level {}", l.points()),
        ),
        None => Localized::new(
            format!("mức {}–{}", r.min.points(), r.max.points()),
            format!("level {}–{}", r.min.points(), r.max.points()),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Count, Percent};

    fn pct(n: u32) -> Option<Percent> {
        Percent::new(Decimal::from(n))
    }
    fn c(n: u64) -> Option<Count> {
        Count::new(n)
    }
    fn lv(n: u8) -> Level {
        Level::new(n).unwrap()
    }

    #[test]
    fn dien_bien_one_stop_bands() {
        let r = |p| {
            OneStopRule::DienBienShareAtDesk.derive(
                &OneStopFacts {
                    received_at_desk_percent: pct(p),
                    approved_at_desk_percent: None,
                },
                UnitLevel::District,
            )
        };
        assert_eq!(r(100).exact(), Some(lv(2)));
        assert_eq!(r(90).exact(), Some(lv(1)));
        assert_eq!(r(89).exact(), Some(lv(0)));
    }

    #[test]
    fn tt01_one_stop_thresholds_by_level() {
        let f = OneStopFacts {
            received_at_desk_percent: pct(100),
            approved_at_desk_percent: pct(50),
        };
        let rule = OneStopRule::Tt01ApprovedAtDesk;
        assert_eq!(rule.derive(&f, UnitLevel::District).exact(), Some(lv(2)));
        assert_eq!(rule.derive(&f, UnitLevel::Commune).exact(), Some(lv(1)));
        let partial = OneStopFacts {
            received_at_desk_percent: pct(100),
            approved_at_desk_percent: None,
        };
        let r = rule.derive(&partial, UnitLevel::Province);
        assert_eq!((r.min, r.max), (lv(1), lv(2)));
    }

    #[test]
    fn feedback_bands() {
        let f = |r, o, p| {
            feedback(&FeedbackFacts {
                received: c(r),
                handled_on_time: c(o),
                prolonged: c(p),
            })
        };
        assert_eq!(f(0, 0, 0).exact(), Some(lv(2)));
        assert_eq!(f(10, 10, 0).exact(), Some(lv(2)));
        assert_eq!(f(10, 9, 0).exact(), Some(lv(1)));
        assert_eq!(f(10, 8, 0).exact(), Some(lv(0)));
        assert_eq!(f(10, 10, 1).exact(), Some(lv(0)));
    }

    #[test]
    fn online_share_caps_a_declared_level() {
        assert_eq!(describe_share(99, 1147, Lang::Vi), "99/1.147 = 8,63 %");
        let r = online(
            &OnlineFacts::default(),
            Some((99, 1147)),
            &Interpretations::default(),
        );
        assert_eq!(r.exact(), Some(lv(0)));
        // Exactly 15 % reaches the floor; one dossier less does not.
        let r = online(
            &OnlineFacts::default(),
            Some((15, 100)),
            &Interpretations::default(),
        );
        assert_eq!((r.min, r.max), (lv(0), lv(1)));
        let r = online(
            &OnlineFacts::default(),
            Some((14, 100)),
            &Interpretations::default(),
        );
        assert_eq!(r.exact(), Some(lv(0)));
    }

    #[test]
    fn online_high_share_low_deployment_is_switchable() {
        let f = OnlineFacts {
            deployed_percent: pct(10),
            online_unresolved_or_late: c(0),
        };
        let share = Some((40, 100));
        let mut i = Interpretations::default();
        assert_eq!(online(&f, share, &i).exact(), Some(lv(1)));
        i.online_high_share_low_deployment = OnlineHighShareLowDeployment::LevelZero;
        assert_eq!(online(&f, share, &i).exact(), Some(lv(0)));
    }

    #[test]
    fn publicity_partial_facts() {
        let r = publicity(&PublicityFacts {
            posted: Some(true),
            electronic: None,
        });
        assert_eq!((r.min, r.max), (lv(1), lv(2)));
    }
}
