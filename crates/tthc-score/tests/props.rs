//! Invariants that must hold for every valid report.

use proptest::prelude::*;
use rust_decimal::Decimal;
use tthc_score::input::{Grades, Report};
use tthc_score::testing::{edited_report, profiles, report};
use tthc_score::{format, rounding, score, CheckedProfile, IndicatorKind, Lang, Scorecard};

fn card(r: &Report, p: &CheckedProfile) -> Scorecard {
    score(r, p).expect("generated reports are valid")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn scores_within_bounds(r in report(), p in profiles()) {
        let k = card(&r, p);
        for s in &k.indicators {
            if let Some(e) = s.exact {
                prop_assert!(e >= Decimal::ZERO && e <= Decimal::TWO, "{:?} = {}", s.id, e);
                prop_assert!(s.rounded.unwrap() >= Decimal::ZERO && s.rounded.unwrap() <= Decimal::TWO);
            }
        }
        prop_assert!(k.total.value >= Decimal::ZERO && k.total.value <= k.total.maximum);
        prop_assert!(k.total.rating_basis <= Decimal::from(18));
        let o = &k.officials.unit;
        if let Some(v) = o.value { prop_assert!(v >= Decimal::ZERO && v <= Decimal::TEN); }
        for i in &k.officials.individuals {
            prop_assert!(i.value.unwrap() <= Decimal::TEN);
        }
    }

    /// Moving one dossier from 0 to 1 point, or from 1 to 2, never lowers a score.
    #[test]
    fn a_better_grade_never_lowers_a_score(r in report(), p in profiles(), which in 0usize..5, up in any::<bool>()) {
        let before = card(&r, p);
        let mut better = r.clone();
        let pd = &mut better.per_dossier;
        let g = match which {
            0 => pd.total_time.as_mut().unwrap(),
            1 => &mut pd.agency_time,
            2 => &mut pd.contacts,
            3 => &mut pd.agencies,
            _ => &mut pd.attitude,
        };
        let moved = if up && g.one.get() > 0 {
            *g = Grades::of(g.two.get() + 1, g.one.get() - 1, g.zero.get());
            true
        } else if g.zero.get() > 0 {
            *g = Grades::of(g.two.get(), g.one.get() + 1, g.zero.get() - 1);
            true
        } else {
            false
        };
        let after = card(&better, p);
        for (a, b) in before.indicators.iter().zip(&after.indicators) {
            prop_assert!(b.exact >= a.exact);
            prop_assert!(b.rounded >= a.rounded);
        }
        prop_assert!(after.total.value >= before.total.value);
        prop_assert!(after.total.exact >= before.total.exact);
        if moved {
            prop_assert!(after.total.exact > before.total.exact);
        }
        let code = |k: &Scorecard| p.unit_bands.iter().position(|b| Some(&b.code) == k.total.rating.as_ref().map(|r| &r.code));
        prop_assert!(code(&after) <= code(&before), "rating went down");
    }

    /// What is displayed is the profile's rounding of the exact value.
    #[test]
    fn display_is_the_rounding_of_the_exact_value(r in report(), p in profiles()) {
        let k = card(&r, p);
        let rp = &p.rounding;
        for s in &k.indicators {
            let Some(exact) = s.exact else { continue };
            let dp = if s.kind == IndicatorKind::PerDossier { rp.indicator_decimals } else { 0 };
            let rounded = rounding::round(exact, dp, rp.strategy);
            prop_assert_eq!(s.rounded, Some(rounded));
            prop_assert_eq!(&s.display().vi, &format::decimal(rounded, Lang::Vi));
            prop_assert_eq!(&s.display().en, &format::decimal(rounded, Lang::En));
        }
        // The total is the rounding of the exact sum: TT01 adds the rounded indicators
        // (exact decimals); otherwise the quotients p / n, which share the denominator n
        // (every per-dossier group adds up to the resolved dossiers), in integers.
        let value = if rp.total_of_rounded_indicators {
            let summed: Decimal = k.indicators.iter().filter_map(|s| s.rounded).sum();
            rounding::round(summed, rp.total_decimals, rp.strategy)
        } else {
            let applicable = k.indicators.iter().filter(|s| s.exact.is_some());
            let dens: Vec<u64> = applicable.clone().filter_map(|s| s.denominator).collect();
            prop_assert!(dens.windows(2).all(|w| w[0] == w[1]), "{:?}", dens);
            let n = u128::from(dens.first().copied().unwrap_or(1));
            let num: u128 = applicable
                .map(|s| match s.numerator {
                    Some(p) => u128::from(p),
                    None => u128::try_from(s.exact.unwrap().mantissa()).unwrap() * n,
                })
                .sum();
            let scale = 10u128.pow(rp.total_decimals);
            let q = (2 * num * scale + n) / (2 * n);
            Decimal::from_i128_with_scale(q as i128, rp.total_decimals)
        };
        prop_assert_eq!(k.total.value, value);
        prop_assert_eq!(&k.total.display().vi, &format::decimal(k.total.value, Lang::Vi));
    }

    #[test]
    fn serialization_round_trips(r in report(), p in profiles()) {
        let text = serde_json::to_string(&r).unwrap();
        let back = tthc_score::parse_report(&text).unwrap();
        prop_assert_eq!(&back, &r);
        let k = card(&r, p);
        let k2: Scorecard = serde_json::from_str(&serde_json::to_string(&k).unwrap()).unwrap();
        prop_assert_eq!(k2, k);
    }

    /// The order in which officials are listed changes nothing but the order of their results.
    #[test]
    fn officials_order_independent(r in report(), p in profiles()) {
        let k = card(&r, p);
        let mut rev = r.clone();
        rev.officials.reverse();
        let k2 = card(&rev, p);
        prop_assert_eq!(&k.officials.unit, &k2.officials.unit);
        let mut a = k.officials.individuals.clone();
        a.reverse();
        prop_assert_eq!(a, k2.officials.individuals);
        prop_assert_eq!(k.total, k2.total);
    }

    /// Any edit of a valid report's JSON yields a scorecard or errors, never a panic.
    #[test]
    fn arbitrary_edits_never_panic(j in edited_report()) {
        let _ = tthc_score::evaluate_json(&j.to_string(), &Default::default());
    }

    /// Any text at all, or a valid report's JSON with bytes cut out or changed: errors with
    /// a code and a path, never a panic (the path scanner reads arbitrary text).
    #[test]
    fn arbitrary_text_never_panics(
        r in report(),
        noise in ".{0,40}",
        cut in any::<proptest::sample::Index>(),
        len in 0usize..8,
        byte in any::<u8>(),
    ) {
        let _ = tthc_score::check_json(&noise);
        let mut text = serde_json::to_string_pretty(&r).unwrap().into_bytes();
        let at = cut.index(text.len());
        text.splice(at..(at + len).min(text.len()), [byte]);
        let text = String::from_utf8_lossy(&text);
        let problems = tthc_score::check_json(&text);
        for p in &problems {
            prop_assert!(!p.message.vi.is_empty() && !p.message.en.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// A pooled rollup of one unit is that unit: its scores, total and rating.
    #[test]
    fn a_pooled_rollup_of_one_unit_is_the_unit(r in report(), p in profiles()) {
        use tthc_score::province::{consolidate, RollupMethod};
        let c = card(&r, p);
        let one = consolidate(std::slice::from_ref(&c), p, &p.interpretations, RollupMethod::Pooled).unwrap();
        prop_assert_eq!(&one.total, &c.total);
        for (a, b) in one.indicators.iter().zip(&c.indicators) {
            prop_assert_eq!(a.value, b.rounded, "{:?}", a.id);
        }
        // So is a mean of one.
        let mean = consolidate(std::slice::from_ref(&c), p, &p.interpretations, RollupMethod::Mean).unwrap();
        prop_assert_eq!(&mean.total.value, &c.total.value);
    }

    /// Ranks follow the ranked figures: a better figure never ranks below a worse one, ties
    /// share a rank, and ranks start at 1.
    #[test]
    fn rank_order_agrees_with_totals(rs in proptest::collection::vec(report(), 1..12), dense in any::<bool>()) {
        use tthc_score::province::{province_table, RankOptions, TiePolicy};
        let p = tthc_score::profile::find("dien-bien-2019").unwrap();
        let mut cards: Vec<Scorecard> = rs.iter().map(|r| card(r, p)).collect();
        for (i, c) in cards.iter_mut().enumerate() {
            c.unit.name = format!("U{i}");
        }
        let ties = if dense { TiePolicy::Dense } else { TiePolicy::Competition };
        let t = province_table(&cards, p, RankOptions { ties, ..Default::default() }).unwrap();
        prop_assert_eq!(t.rows.len(), cards.len());
        prop_assert_eq!(t.rows[0].rank, 1);
        for w in t.rows.windows(2) {
            prop_assert!(w[0].ranked_by >= w[1].ranked_by);
            if w[0].ranked_by == w[1].ranked_by {
                prop_assert_eq!(w[0].rank, w[1].rank);
            } else {
                prop_assert!(w[0].rank < w[1].rank);
            }
        }
        let units: u32 = t.groups.iter().map(|g| g.units).sum();
        prop_assert_eq!(units as usize, cards.len());
    }

    /// A batch without scorecards gives the same table as one with, and each unit's result
    /// is the position of its own row; a unit that does not score is an error in both.
    #[test]
    fn a_batch_without_scorecards_points_each_unit_to_its_row(
        rs in proptest::collection::vec(report(), 0..12),
        broken in proptest::collection::vec(any::<bool>(), 12),
        p in profiles(),
    ) {
        use tthc_score::province::{batch, UnitResult};
        use tthc_score::{Code, Errors, Problem};
        let inputs = || rs.iter().enumerate().map(|(i, r)| {
            let mut r = r.clone();
            r.unit.name = format!("U{}", i % 5); // some names shared: ties in name order
            if broken[i] {
                Err(Errors::one(Problem::new(Code::WrongType, "x", "x", "x")))
            } else {
                Ok(r)
            }
        });
        let i = p.interpretations;
        let full = batch(inputs(), p, &i, Default::default(), true);
        let lean = batch(inputs(), p, &i, Default::default(), false);
        prop_assert_eq!(&full.table, &lean.table);
        prop_assert_eq!(full.results.len(), rs.len());
        let mut seen = vec![false; lean.table.rows.len()];
        for (f, l) in full.results.iter().zip(&lean.results) {
            match (f, l) {
                (UnitResult::Scorecard(c), UnitResult::Row(k)) => {
                    let row = &lean.table.rows[*k as usize];
                    prop_assert_eq!(&row.unit, &c.unit.name);
                    prop_assert_eq!(row.total, c.total.value);
                    let scores: Vec<_> = c.indicators.iter().map(|s| s.rounded).collect();
                    prop_assert_eq!(&row.scores, &scores);
                    prop_assert!(!seen[*k as usize], "two units on one row");
                    seen[*k as usize] = true;
                }
                (UnitResult::Errors(a), UnitResult::Errors(b)) => prop_assert_eq!(a, b),
                _ => prop_assert!(false, "the modes disagree on whether a unit scored"),
            }
        }
        prop_assert!(seen.iter().all(|&s| s));
    }
}
