//! The level rules of the four per-unit indicators (TT01 Art. 13.5, 13.6, 13.8, 13.9).
//!
//! Each rule is first a plain function of complete facts (`*_level`); the public function
//! takes the facts as given, some possibly unknown, and returns every level a completion of
//! them can give (see `levels.rs` for why the candidate values suffice).

use super::levels::{known_or, possible, LevelSet};
use crate::input::{FeedbackFacts, Level, OneStopFacts, OnlineFacts, PublicityFacts, UnitLevel};
use crate::profile::{Interpretations, OneStopRule, OnlineHighShareLowDeployment};
use rust_decimal::Decimal;

/// "2 if `two`, else 1 if `one`, else 0": the shape of every per-unit rule.
fn first(two: bool, one: bool) -> Level {
    if two {
        Level::TWO
    } else if one {
        Level::ONE
    } else {
        Level::ZERO
    }
}

fn pct(n: u32) -> Decimal {
    Decimal::from(n)
}

/// Whether a share given as (part, whole) is at least `bound` percent, exactly in integers.
fn share_at_least((part, whole): (u64, u64), bound: u32) -> bool {
    u128::from(part) * 100 >= u128::from(bound) * u128::from(whole)
}

/// TT01 Art. 13.5 thresholds for level 2. \[D\] a department (sở) counts as provincial level.
pub fn approved_threshold(unit: UnitLevel) -> u32 {
    match unit {
        UnitLevel::Ministry | UnitLevel::Province | UnitLevel::Department => 20,
        UnitLevel::District => 50,
        UnitLevel::Commune => 100,
    }
}

/// The one-stop desk with complete facts: the Điện Biên rule \[R\] on the share received at
/// the desk (2: 100 %, 1: 90 % to < 100 %), or TT01 Art. 13.5 (2: the desk approves at least
/// `threshold` %, see [`approved_threshold`]; 1: 100 % received at the desk).
pub fn one_stop_level(
    rule: OneStopRule,
    threshold: u32,
    received: Decimal,
    approved: Decimal,
) -> Level {
    match rule {
        OneStopRule::DienBienShareAtDesk => first(received >= pct(100), received >= pct(90)),
        OneStopRule::Tt01ApprovedAtDesk => first(approved >= pct(threshold), received >= pct(100)),
    }
}

/// The one-stop desk: the levels the facts allow under the profile's `rule`. The two
/// shares are independent facts (they are measured against different lists). When the
/// unit's level is unknown, every level's threshold is possible.
pub fn one_stop(rule: OneStopRule, f: &OneStopFacts, unit: Option<UnitLevel>) -> LevelSet {
    let thresholds = match unit {
        Some(u) => vec![approved_threshold(u)],
        None => vec![20, 50, 100],
    };
    let received = known_or(
        f.received_at_desk_percent.map(|p| p.get()),
        &[pct(0), pct(90), pct(100)],
    );
    let mut approved_candidates = vec![pct(0)];
    approved_candidates.extend(thresholds.iter().map(|&t| pct(t)));
    let approved = known_or(
        f.approved_at_desk_percent.map(|p| p.get()),
        &approved_candidates,
    );
    let mut all = Vec::new();
    for &t in &thresholds {
        for &r in &received {
            for &a in &approved {
                all.push((t, r, a));
            }
        }
    }
    possible(all, |(t, r, a)| one_stop_level(rule, t, r, a))
}

/// Publicity with complete facts (TT01 Art. 13.6): 2 if published both by posting and
/// electronically, 1 if by one of the two, 0 if by neither.
pub fn publicity_level(posted: bool, electronic: bool) -> Level {
    first(posted && electronic, posted || electronic)
}

/// Publicity: the levels the facts allow.
pub fn publicity(f: &PublicityFacts) -> LevelSet {
    let posted = known_or(f.posted, &[false, true]);
    let electronic = known_or(f.electronic, &[false, true]);
    let all = posted
        .iter()
        .flat_map(|&p| electronic.iter().map(move |&e| (p, e)));
    possible(all, |(p, e)| publicity_level(p, e))
}

/// Feedback handling with complete facts (TT01 Art. 13.8): 2 if none received, or 100 %
/// handled on time and none prolonged; 1 if at least 90 % on time and none prolonged;
/// 0 otherwise. `received` ≥ `on_time` and ≥ `prolonged` (checked by validation).
pub fn feedback_level(received: u64, on_time: u64, prolonged: u64) -> Level {
    let none_prolonged = prolonged == 0;
    // o / r ≥ 90 % ⇔ 10·o ≥ 9·r, in integers (counts are below 2^53: no overflow in u128).
    let ninety = 10 * u128::from(on_time) >= 9 * u128::from(received);
    first(
        received == 0 || (on_time >= received && none_prolonged),
        ninety && none_prolonged,
    )
}

/// Feedback handling: the levels the facts allow. Partial facts imply others: a prolonged
/// or an on-time item means at least that many were received, so `{prolonged: 1}` alone
/// gives level 0, not "undetermined".
pub fn feedback(f: &FeedbackFacts) -> LevelSet {
    let (r, o, p) = (
        f.received.map(|c| c.get()),
        f.handled_on_time.map(|c| c.get()),
        f.prolonged.map(|c| c.get()),
    );
    // An unknown total: none, exactly the items known, one more, or many more.
    let floor = o.unwrap_or(0).max(p.unwrap_or(0));
    let received = known_or(r, &[0, floor, floor + 1, 10 * floor + 10]);
    let mut all = Vec::new();
    for &r in &received {
        // An unknown on-time count: none, all, the least that reaches 90 %, one short of all.
        let on_time = known_or(o, &[0, r, (9 * r).div_ceil(10), r.saturating_sub(1)]);
        let prolonged = known_or(p, &[0, 1]);
        for &o in &on_time {
            for &p in &prolonged {
                if o <= r && p <= r {
                    all.push((r, o, p));
                }
            }
        }
    }
    possible(all, |(r, o, p)| feedback_level(r, o, p))
}

/// Online public services with complete facts (TT01 Art. 13.9): 2 if ≥ 20 % of eligible
/// procedures are deployed at level 3–4 and online dossiers are ≥ 30 % and none is
/// unresolved or late; 1 if level 3–4 services are deployed, online dossiers are 15 % to
/// under 30 % and none unresolved or late; 0 otherwise. `share` is (online dossiers, all
/// dossiers of the base), see [`crate::profile::OnlineShareBase`].
///
/// \[D\] `onlineHighShareLowDeployment`: with ≥ 30 % online dossiers but < 20 % deployed, the
/// 1-point band's "under 30 %" is read as only separating it from band 2, so the unit earns 1.
pub fn online_level(
    deployed: Decimal,
    clean: bool,
    share: (u64, u64),
    interp: &Interpretations,
) -> Level {
    let share30 = share_at_least(share, 30);
    let band1_share = match interp.online_high_share_low_deployment {
        OnlineHighShareLowDeployment::LevelOne => share_at_least(share, 15),
        OnlineHighShareLowDeployment::LevelZero => share_at_least(share, 15) && !share30,
    };
    first(
        deployed >= pct(20) && share30 && clean,
        deployed > Decimal::ZERO && band1_share && clean,
    )
}

/// Online public services: the levels the facts allow. The online share comes from the
/// dossier summary; it is unknown only when no dossier was received.
pub fn online(f: &OnlineFacts, share: Option<(u64, u64)>, interp: &Interpretations) -> LevelSet {
    let deployed = known_or(
        f.deployed_percent.map(|p| p.get()),
        &[pct(0), pct(10), pct(20)],
    );
    let clean = known_or(
        f.online_unresolved_or_late.map(|c| c.get() == 0),
        &[false, true],
    );
    let shares = known_or(share, &[(0, 100), (15, 100), (30, 100)]);
    let mut all = Vec::new();
    for &d in &deployed {
        for &c in &clean {
            for &s in &shares {
                all.push((d, c, s));
            }
        }
    }
    possible(all, |(d, c, s)| online_level(d, c, s, interp))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Count, Percent};

    fn pc(n: u32) -> Option<Percent> {
        Percent::new(Decimal::from(n))
    }
    fn c(n: u64) -> Option<Count> {
        Count::new(n)
    }
    /// Whether a known value (if any) is `v`.
    fn fits<T: PartialEq>(known: Option<T>, v: T) -> bool {
        known.map_or(true, |k| k == v)
    }
    fn set(levels: &[u8]) -> LevelSet {
        levels.iter().map(|&l| Level::new(l).unwrap()).collect()
    }

    #[test]
    fn dien_bien_one_stop_bands() {
        let r = |p| {
            one_stop(
                OneStopRule::DienBienShareAtDesk,
                &OneStopFacts {
                    received_at_desk_percent: pc(p),
                    approved_at_desk_percent: None,
                },
                Some(UnitLevel::District),
            )
        };
        assert_eq!(r(100), set(&[2]));
        assert_eq!(r(90), set(&[1]));
        assert_eq!(r(89), set(&[0]));
    }

    #[test]
    fn tt01_one_stop_thresholds_by_level() {
        let f = OneStopFacts {
            received_at_desk_percent: pc(100),
            approved_at_desk_percent: pc(50),
        };
        let rule = OneStopRule::Tt01ApprovedAtDesk;
        assert_eq!(one_stop(rule, &f, Some(UnitLevel::District)), set(&[2]));
        assert_eq!(one_stop(rule, &f, Some(UnitLevel::Commune)), set(&[1]));
        let partial = OneStopFacts {
            received_at_desk_percent: pc(100),
            approved_at_desk_percent: None,
        };
        assert_eq!(
            one_stop(rule, &partial, Some(UnitLevel::Province)),
            set(&[1, 2])
        );
        // 95 % received: level 1 needs 100 %, so only 0 or 2 (by the approved share).
        let ninety_five = OneStopFacts {
            received_at_desk_percent: pc(95),
            approved_at_desk_percent: None,
        };
        assert_eq!(
            one_stop(rule, &ninety_five, Some(UnitLevel::District)),
            set(&[0, 2])
        );
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
        assert_eq!(f(0, 0, 0), set(&[2]));
        assert_eq!(f(10, 10, 0), set(&[2]));
        assert_eq!(f(10, 9, 0), set(&[1]));
        assert_eq!(f(10, 8, 0), set(&[0]));
        assert_eq!(f(10, 10, 1), set(&[0]));
    }

    #[test]
    fn feedback_partial_facts_imply_others() {
        let f = |r: Option<u64>, o: Option<u64>, p: Option<u64>| {
            feedback(&FeedbackFacts {
                received: r.and_then(Count::new),
                handled_on_time: o.and_then(Count::new),
                prolonged: p.and_then(Count::new),
            })
        };
        // A prolonged item means some feedback was received: level 0.
        assert_eq!(f(None, None, Some(1)), set(&[0]));
        assert_eq!(f(None, None, Some(0)), set(&[0, 1, 2]));
        // 5 received, none prolonged: 90 % of 5 needs all 5, so 1 is impossible.
        assert_eq!(f(Some(5), None, Some(0)), set(&[0, 2]));
        assert_eq!(f(Some(10), None, Some(0)), set(&[0, 1, 2]));
        // 3 handled on time, total unknown: 1 needs ≥ 10 received with ≥ 9 on time.
        assert_eq!(f(None, Some(3), Some(0)), set(&[0, 2]));
        assert_eq!(f(None, Some(9), Some(0)), set(&[0, 1, 2]));
        assert_eq!(f(Some(0), None, None), set(&[2]));
    }

    /// The candidate values reach exactly what every completion in a bounded domain reaches.
    #[test]
    fn feedback_candidates_are_exact() {
        let n = 24u64;
        let opts = |k: u64| std::iter::once(None).chain((0..=k).map(Some));
        for r in opts(n) {
            for o in opts(n) {
                for p in opts(3) {
                    if r.is_some_and(|r| o.is_some_and(|o| o > r) || p.is_some_and(|p| p > r)) {
                        continue; // refused by validation
                    }
                    let mut brute = LevelSet::EMPTY;
                    for rr in 0..=3 * n {
                        for oo in 0..=rr {
                            for pp in 0..=rr.min(4) {
                                if fits(r, rr) && fits(o, oo) && fits(p, pp) {
                                    brute = brute.with(feedback_level(rr, oo, pp));
                                }
                            }
                        }
                    }
                    let got = feedback(&FeedbackFacts {
                        received: r.and_then(Count::new),
                        handled_on_time: o.and_then(Count::new),
                        prolonged: p.and_then(Count::new),
                    });
                    assert_eq!(got, brute, "r={r:?} o={o:?} p={p:?}");
                }
            }
        }
    }

    #[test]
    fn one_stop_and_online_candidates_are_exact() {
        let pcts = || std::iter::once(None).chain((0..=100).step_by(5).map(|n| Some(pct(n))));
        for rule in [
            OneStopRule::DienBienShareAtDesk,
            OneStopRule::Tt01ApprovedAtDesk,
        ] {
            let units = [
                Some(UnitLevel::Province),
                Some(UnitLevel::District),
                Some(UnitLevel::Commune),
                None,
            ];
            for unit in units {
                // An unknown unit level may be any of them.
                let levels: Vec<UnitLevel> = match unit {
                    Some(u) => vec![u],
                    None => vec![UnitLevel::Province, UnitLevel::District, UnitLevel::Commune],
                };
                for r in pcts() {
                    for a in pcts() {
                        let mut brute = LevelSet::EMPTY;
                        for &u in &levels {
                            for rr in (0..=100).map(pct) {
                                for aa in (0..=100).map(pct) {
                                    if fits(r, rr) && fits(a, aa) {
                                        let t = approved_threshold(u);
                                        brute = brute.with(one_stop_level(rule, t, rr, aa));
                                    }
                                }
                            }
                        }
                        let f = OneStopFacts {
                            received_at_desk_percent: r.and_then(Percent::new),
                            approved_at_desk_percent: a.and_then(Percent::new),
                        };
                        assert_eq!(
                            one_stop(rule, &f, unit),
                            brute,
                            "{rule:?} {unit:?} {r:?} {a:?}"
                        );
                    }
                }
            }
        }
        for hi in [
            OnlineHighShareLowDeployment::LevelOne,
            OnlineHighShareLowDeployment::LevelZero,
        ] {
            let i = Interpretations {
                online_high_share_low_deployment: hi,
                ..Interpretations::default()
            };
            let shares = std::iter::once(None).chain((0..=40).map(|k| Some((k, 40))));
            for s in shares {
                for d in pcts() {
                    for clean in [None, Some(0), Some(1)] {
                        let mut brute = LevelSet::EMPTY;
                        for dd in (0..=100).map(pct) {
                            for cc in [true, false] {
                                for ss in (0..=40).map(|k| (k, 40)) {
                                    if fits(d, dd) && fits(clean.map(|x| x == 0), cc) && fits(s, ss)
                                    {
                                        brute = brute.with(online_level(dd, cc, ss, &i));
                                    }
                                }
                            }
                        }
                        let f = OnlineFacts {
                            deployed_percent: d.and_then(Percent::new),
                            online_unresolved_or_late: clean.and_then(Count::new),
                        };
                        assert_eq!(online(&f, s, &i), brute, "{d:?} {clean:?} {s:?} {hi:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn online_share_caps_a_declared_level() {
        let i = Interpretations::default();
        assert_eq!(
            online(&OnlineFacts::default(), Some((99, 1147)), &i),
            set(&[0])
        );
        // Exactly 15 % reaches the floor; one dossier less does not.
        assert_eq!(
            online(&OnlineFacts::default(), Some((15, 100)), &i),
            set(&[0, 1])
        );
        assert_eq!(
            online(&OnlineFacts::default(), Some((14, 100)), &i),
            set(&[0])
        );
        // Deployed and share known, cleanliness unknown: 2 or 0, never 1.
        let f = OnlineFacts {
            deployed_percent: pc(25),
            online_unresolved_or_late: None,
        };
        assert_eq!(online(&f, Some((35, 100)), &i), set(&[0, 2]));
    }

    #[test]
    fn online_high_share_low_deployment_is_switchable() {
        let f = OnlineFacts {
            deployed_percent: pc(10),
            online_unresolved_or_late: c(0),
        };
        let share = Some((40, 100));
        let mut i = Interpretations::default();
        assert_eq!(online(&f, share, &i), set(&[1]));
        i.online_high_share_low_deployment = OnlineHighShareLowDeployment::LevelZero;
        assert_eq!(online(&f, share, &i), set(&[0]));
        // 35 % online, nothing else known: 2 or 0 when the high share cannot earn 1.
        assert_eq!(
            online(&OnlineFacts::default(), Some((35, 100)), &i),
            set(&[0, 2])
        );
    }

    #[test]
    fn publicity_partial_facts() {
        let r = publicity(&PublicityFacts {
            posted: Some(true),
            electronic: None,
        });
        assert_eq!(r, set(&[1, 2]));
        assert_eq!(publicity(&PublicityFacts::default()), set(&[0, 1, 2]));
    }
}
