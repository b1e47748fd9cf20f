//! Invariants that must hold for every valid report.

use proptest::prelude::*;
use rust_decimal::Decimal;
use tthc_score::model::{
    Count, Dossiers, Grades, Level, Official, Pending, PerDossier, PerUnit, Period, Received,
    Report, Resolved, Unit, UnitIndicator, UnitLevel,
};
use tthc_score::{format, profile, rounding, score, IndicatorKind, Lang, Profile, Scorecard};

fn c(n: u64) -> Count {
    Count::new(n).unwrap()
}

/// Splits `n` dossiers into 2/1/0-point counts.
fn grades(n: u64) -> impl Strategy<Value = Grades> {
    (0..=n).prop_flat_map(move |a| (0..=n - a).prop_map(move |b| Grades::of(a, b, n - a - b)))
}

fn level() -> impl Strategy<Value = UnitIndicator<()>> {
    (0u8..=2).prop_map(|l| UnitIndicator::declared(Level::new(l).unwrap()))
}

fn declared<F>(u: UnitIndicator<()>) -> UnitIndicator<F> {
    UnitIndicator::declared(u.level.unwrap())
}

fn official(n: u64) -> impl Strategy<Value = Official> {
    (grades(n), grades(n), grades(n), grades(n), grades(n)).prop_map(|(t, a, c, g, at)| Official {
        name: format!("official-{}", t.two.get()),
        total_time: t,
        agency_time: a,
        contacts: c,
        agencies: g,
        attitude: at,
    })
}

fn report() -> impl Strategy<Value = Report> {
    (0u64..3000, 0u64..50, 0u64..3)
        .prop_flat_map(|(n, pending, officials)| {
            (
                Just(n),
                Just(pending),
                grades(n),
                [grades(n), grades(n), grades(n), grades(n)],
                [level(), level(), level(), level()],
                0..=n + pending,
                proptest::collection::vec((1u64..40).prop_flat_map(official), officials as usize),
                prop_oneof![
                    Just(UnitLevel::District),
                    Just(UnitLevel::Commune),
                    Just(UnitLevel::Province)
                ],
            )
        })
        .prop_map(
            |(n, pending, tt, [a, co, ag, at], [l1, l2, l3, l4], online, officials, unit_level)| {
                Report {
                    period: Period {
                        year: 2021,
                        quarter: Some(2),
                        month: None,
                    },
                    unit: Unit {
                        name: "Đơn vị".into(),
                        level: unit_level,
                        organization: None,
                    },
                    dossiers: Dossiers {
                        received: Received {
                            online: c(online),
                            direct: c(n + pending - online),
                            carried_over: c(0),
                            total: None,
                        },
                        resolved: Resolved {
                            early: tt.two,
                            on_time: tt.one,
                            late: tt.zero,
                            total: Some(c(n)),
                        },
                        pending: Pending {
                            within_deadline: c(pending),
                            overdue: c(0),
                        },
                    },
                    per_dossier: PerDossier {
                        total_time: Some(tt),
                        agency_time: a,
                        contacts: co,
                        agencies: ag,
                        attitude: at,
                    },
                    per_unit: PerUnit {
                        one_stop: declared(l1),
                        publicity: declared(l2),
                        feedback: declared(l3),
                        online_services: declared(l4),
                    },
                    officials,
                    declared: None,
                }
            },
        )
}

fn profiles() -> impl Strategy<Value = &'static Profile> {
    prop_oneof![
        Just(profile::find("dien-bien-2019").unwrap()),
        Just(profile::find("tt01-2018").unwrap())
    ]
}

fn card(r: &Report, p: &Profile) -> Scorecard {
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
        let summed: Decimal = if rp.total_of_rounded_indicators {
            k.indicators.iter().filter_map(|s| s.rounded).sum()
        } else {
            k.indicators.iter().filter_map(|s| s.exact).sum()
        };
        prop_assert_eq!(k.total.value, rounding::round(summed, rp.total_decimals, rp.strategy));
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
    fn arbitrary_edits_never_panic(r in report(), key in "[a-zA-Z]{1,12}", v in prop_oneof![
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>().prop_map(serde_json::Value::from),
        ".{0,8}".prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
    ], depth in 0usize..4) {
        let mut j = serde_json::to_value(&r).unwrap();
        let mut cur = &mut j;
        for _ in 0..depth {
            let next = cur.as_object().and_then(|o| o.keys().next().cloned());
            match next { Some(k) => cur = &mut cur[k], None => break }
        }
        if let Some(o) = cur.as_object_mut() { o.insert(key, v); }
        let _ = tthc_score::evaluate_json(&j.to_string(), &Default::default());
    }
}
