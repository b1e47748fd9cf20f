//! Test data shared by the property tests, the parity generator and the benchmarks:
//! proptest strategies for reports (valid ones, and JSON edits of them that are mostly
//! invalid), and generated dossier records (`dossiers`).

pub mod dossiers;

use crate::input::{
    Count, Dossiers, Grades, Level, Official, Pending, PerDossier, PerUnit, Period, Received,
    Report, Resolved, Unit, UnitIndicator, UnitLevel,
};
use crate::profile::{self, CheckedProfile};
use proptest::prelude::*;
use serde_json::Value;

fn c(n: u64) -> Count {
    // Generated counts stay far below MAX_COUNT.
    Count::new(n).unwrap_or(Count::ZERO)
}

/// Splits `n` dossiers into 2/1/0-point counts.
pub fn grades(n: u64) -> impl Strategy<Value = Grades> {
    (0..=n).prop_flat_map(move |a| (0..=n - a).prop_map(move |b| Grades::of(a, b, n - a - b)))
}

fn level() -> impl Strategy<Value = UnitIndicator<()>> {
    (0u8..=2).prop_map(|l| UnitIndicator::declared(Level::new(l).unwrap_or(Level::ZERO)))
}

fn declared<F>(u: UnitIndicator<()>) -> UnitIndicator<F> {
    UnitIndicator::declared(u.level.unwrap_or(Level::ZERO))
}

/// One official who handled `n` dossiers.
pub fn official(n: u64) -> impl Strategy<Value = Official> {
    (grades(n), grades(n), grades(n), grades(n), grades(n)).prop_map(|(t, a, c, g, at)| Official {
        name: format!("official-{}", t.two.get()),
        total_time: t,
        agency_time: a,
        contacts: c,
        agencies: g,
        attitude: at,
    })
}

/// A valid report: consistent counts, declared levels, up to two officials.
pub fn report() -> impl Strategy<Value = Report> {
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
                    Just(Some(UnitLevel::District)),
                    Just(Some(UnitLevel::Commune)),
                    Just(Some(UnitLevel::Province)),
                    Just(None)
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

/// One of the built-in profiles.
///
/// # Panics
/// Never: the identifiers are those of the built-in profiles.
pub fn profiles() -> impl Strategy<Value = &'static CheckedProfile> {
    prop_oneof![
        Just(profile::find("dien-bien-2019").unwrap()),
        Just(profile::find("tt01-2018").unwrap())
    ]
}

/// A JSON value that is no valid count or percentage, or is one: the edge cases of the input.
pub fn odd_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i64>().prop_map(Value::from),
        (-5i64..5).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        prop_oneof![
            Just(0.5),
            Just(1.5),
            Just(-0.0),
            Just(1e300),
            Just(9007199254740992.0),
            Just(99.999)
        ]
        .prop_map(Value::from),
        Just(Value::from(9_007_199_254_740_991u64)),
        Just(Value::from(9_007_199_254_740_992u64)),
        "[0-9]{0,3}(\\.[0-9]{1,2})?".prop_map(Value::from),
        ".{0,6}".prop_map(Value::from),
        any::<bool>().prop_map(Value::from),
        Just(Value::Null),
        Just(Value::Array(vec![])),
        Just(serde_json::json!({})),
    ]
}

/// The JSON of a valid report with one leaf replaced by [`odd_value`], or one key added or
/// removed: most are invalid, some stay valid.
pub fn edited_report() -> impl Strategy<Value = Value> {
    (
        report(),
        proptest::collection::vec(any::<proptest::sample::Index>(), 1..6),
        odd_value(),
        0u8..4,
        "[a-zA-Z]{1,10}",
    )
        .prop_map(|(r, path, v, action, key)| {
            let mut j = serde_json::to_value(&r).unwrap_or(Value::Null);
            let mut cur = &mut j;
            for (depth, ix) in path.iter().enumerate() {
                let next = match cur {
                    Value::Object(o) if !o.is_empty() => {
                        let k = o.keys().nth(ix.index(o.len())).cloned().unwrap_or_default();
                        if depth + 1 == path.len() || !(o[&k].is_object() || o[&k].is_array()) {
                            match action {
                                0 => {
                                    o.remove(&k);
                                }
                                1 => {
                                    o.insert(key.clone(), v.clone());
                                }
                                _ => {
                                    o.insert(k, v.clone());
                                }
                            }
                            return j;
                        }
                        k
                    }
                    _ => break,
                };
                cur = &mut cur[next];
            }
            j
        })
}
