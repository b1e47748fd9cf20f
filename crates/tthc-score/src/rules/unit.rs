//! The level rules of the four per-unit indicators (TT01 Art. 13.5, 13.6, 13.8, 13.9), over
//! facts that may be partly unknown.

use super::levels::{LevelRange, Tri};
use crate::input::{FeedbackFacts, OneStopFacts, OnlineFacts, PublicityFacts, UnitLevel};
use crate::profile::{Interpretations, OneStopRule, OnlineHighShareLowDeployment};
use rust_decimal::Decimal;

fn at_least(v: Option<Decimal>, bound: u32) -> Tri {
    Tri::of(v.map(|v| v >= Decimal::from(bound)))
}

/// Whether a share given as (part, whole) is at least `bound` percent, exactly in integers.
fn share_at_least(share: Option<(u64, u64)>, bound: u32) -> Tri {
    Tri::of(
        share.map(|(part, whole)| u128::from(part) * 100 >= u128::from(bound) * u128::from(whole)),
    )
}

/// TT01 Art. 13.5 thresholds for level 2. \[D\] a department (sở) counts as provincial level.
pub fn approved_threshold(unit: UnitLevel) -> u32 {
    match unit {
        UnitLevel::Ministry | UnitLevel::Province | UnitLevel::Department => 20,
        UnitLevel::District => 50,
        UnitLevel::Commune => 100,
    }
}

/// The one-stop desk (TT01 Art. 13.5, or the Điện Biên rule \[R\]): the levels the facts
/// allow under the profile's `rule` (see [`OneStopRule`] for both rules).
pub fn one_stop(rule: OneStopRule, f: &OneStopFacts, unit: UnitLevel) -> LevelRange {
    let received = f.received_at_desk_percent.map(|p| p.get());
    match rule {
        OneStopRule::DienBienShareAtDesk => {
            LevelRange::of(at_least(received, 100), at_least(received, 90))
        }
        OneStopRule::Tt01ApprovedAtDesk => {
            let approved = f.approved_at_desk_percent.map(|p| p.get());
            LevelRange::of(
                at_least(approved, approved_threshold(unit)),
                at_least(received, 100),
            )
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
/// [`crate::profile::OnlineShareBase`].
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Count, Level, Percent};

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
            one_stop(
                OneStopRule::DienBienShareAtDesk,
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
        assert_eq!(one_stop(rule, &f, UnitLevel::District).exact(), Some(lv(2)));
        assert_eq!(one_stop(rule, &f, UnitLevel::Commune).exact(), Some(lv(1)));
        let partial = OneStopFacts {
            received_at_desk_percent: pct(100),
            approved_at_desk_percent: None,
        };
        let r = one_stop(rule, &partial, UnitLevel::Province);
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
