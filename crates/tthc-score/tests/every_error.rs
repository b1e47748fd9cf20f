//! `check_json` reports every problem of a report at once (a form marks every bad field in
//! one pass), and none that the clerk did not make.

use serde_json::{json, Value};
use tthc_score::check_json;

const SEED: &str = include_str!("../../../examples/dien-bien-2021-q2-district.json");

fn seed() -> Value {
    serde_json::from_str(SEED).unwrap()
}

fn problems(v: &Value) -> Vec<(String, String)> {
    check_json(&v.to_string())
        .into_iter()
        .map(|p| (p.code.to_string(), p.path))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect()
}

#[test]
fn a_valid_report_has_no_problem() {
    assert_eq!(problems(&seed()), vec![]);
}

#[test]
fn every_missing_part_is_named() {
    let v = json!({ "period": { "year": 2021, "quarter": 2 } });
    assert_eq!(
        problems(&v),
        pairs(&[
            ("MISSING_FIELD", "unit"),
            ("MISSING_FIELD", "dossiers"),
            ("MISSING_FIELD", "perDossier"),
            ("MISSING_FIELD", "perUnit"),
        ])
    );
}

#[test]
fn four_bad_values_in_four_fields_are_four_problems() {
    let mut v = seed();
    v["dossiers"]["received"]["online"] = json!(-1);
    v["dossiers"]["pending"]["overdue"] = json!(1.5);
    v["perDossier"]["contacts"]["one"] = json!("NaN");
    v["perUnit"]["oneStop"] = json!({ "facts": { "receivedAtDeskPercent": "9,5" } });
    let mut got = problems(&v);
    got.sort();
    assert_eq!(
        got,
        pairs(&[
            ("COUNT_FRACTIONAL", "dossiers.pending.overdue"),
            ("COUNT_NEGATIVE", "dossiers.received.online"),
            ("NOT_FINITE", "perDossier.contacts.one"),
            (
                "PERCENT_NOT_A_NUMBER",
                "perUnit.oneStop.facts.receivedAtDeskPercent"
            ),
        ])
    );
}

#[test]
fn unknown_and_wrong_typed_fields_at_several_depths() {
    let mut v = seed();
    v["unit"]["level"] = json!("town");
    v["unit"]["nme"] = json!("x");
    v["perDossier"]["attitude"]["extra"] = json!(1);
    v["perUnit"]["publicity"]["level"] = json!(3);
    v["officials"] = json!([{ "name": "A" }]);
    let mut got = problems(&v);
    got.sort();
    assert_eq!(
        got,
        pairs(&[
            ("INVALID_VALUE", "unit.level"),
            ("LEVEL_OUT_OF_RANGE", "perUnit.publicity.level"),
            ("MISSING_FIELD", "officials[0].agencies"),
            ("MISSING_FIELD", "officials[0].agencyTime"),
            ("MISSING_FIELD", "officials[0].attitude"),
            ("MISSING_FIELD", "officials[0].contacts"),
            ("MISSING_FIELD", "officials[0].totalTime"),
            ("UNKNOWN_FIELD", "perDossier.attitude.extra"),
            ("UNKNOWN_FIELD", "unit.nme"),
        ])
    );
}

#[test]
fn checks_between_fields_run_where_nothing_was_mended() {
    let mut v = seed();
    // Read problems in the unit and the contacts indicator…
    v["unit"]["level"] = json!(7);
    v["perDossier"]["contacts"]["one"] = json!(-2);
    // …and mistakes between fields elsewhere: both are reported.
    v["period"]["quarter"] = json!(5);
    v["perDossier"]["agencies"]["two"] = json!(5);
    let got = problems(&v);
    assert!(
        got.contains(&("PERIOD_INVALID".into(), "period.quarter".into())),
        "{got:?}"
    );
    assert!(
        got.iter()
            .any(|(c, p)| c == "INDICATOR_COUNTS_MISMATCH" && p.starts_with("perDossier.agencies")),
        "{got:?}"
    );
    // The mended contacts count (set to the template's 0) adds no count mismatch there.
    assert!(
        !got.iter()
            .any(|(c, p)| c == "INDICATOR_COUNTS_MISMATCH" && p.starts_with("perDossier.contacts")),
        "{got:?}"
    );
    assert_eq!(got.len(), 4, "{got:?}");
}

#[test]
fn a_count_mismatch_on_a_mended_group_is_not_reported() {
    let mut v = seed();
    v["dossiers"]["resolved"]["early"] = json!("1033");
    let got = problems(&v);
    assert_eq!(
        got,
        pairs(&[("COUNT_NOT_A_NUMBER", "dossiers.resolved.early")])
    );
}

#[test]
fn text_that_is_not_json_or_not_a_report_has_one_problem() {
    assert_eq!(check_json("{").len(), 1);
    assert_eq!(
        check_json("{").first().unwrap().code.to_string(),
        "INVALID_JSON"
    );
    assert_eq!(
        check_json("[]").first().unwrap().code.to_string(),
        "WRONG_TYPE"
    );
    assert_eq!(check_json("[]").len(), 1);
    assert_eq!(check_json("5").len(), 1);
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert_eq!(check_json(&deep).len(), 1);
}

#[test]
fn at_most_two_hundred_problems() {
    let mut v = seed();
    let officials: Vec<Value> = (0..100).map(|i| json!({ "name": i.to_string() })).collect();
    v["officials"] = Value::Array(officials);
    let got = problems(&v);
    assert_eq!(got.len(), 200);
    assert_eq!(
        got[0],
        ("MISSING_FIELD".into(), "officials[0].totalTime".into())
    );
}

/// Every leaf path of a JSON value.
fn leaves(v: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                path.push(k.clone());
                leaves(x, path, out);
                path.pop();
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                path.push(i.to_string());
                leaves(x, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn at<'v>(v: &'v mut Value, path: &[String]) -> &'v mut Value {
    path.iter().fold(v, |v, k| match v {
        Value::Array(a) => &mut a[k.parse::<usize>().unwrap()],
        _ => &mut v[k.as_str()],
    })
}

/// For every leaf of the seed (district and commune sections, with officials) and every
/// kind of bad value, and for pairs of leaves far apart: the first problem is the one the
/// typed reader finds, mending never breaks the text, and two bad leaves give at least
/// two problems.
#[test]
fn every_leaf_and_every_bad_value() {
    let commune: Value = serde_json::from_str(include_str!(
        "../../../examples/dien-bien-2021-q2-commune.json"
    ))
    .unwrap();
    let bad = [
        json!(-1),
        json!(1.5),
        json!("x"),
        json!(null),
        json!([]),
        json!({}),
        json!(true),
    ];
    for base in [seed(), commune] {
        let mut paths = Vec::new();
        leaves(&base, &mut Vec::new(), &mut paths);
        for (n, p) in paths.iter().enumerate() {
            for b in &bad {
                let mut v = base.clone();
                let old = std::mem::replace(at(&mut v, p), b.clone());
                if &old == b {
                    continue;
                }
                let text = v.to_string();
                let all = check_json(&text);
                let first = tthc_score::parse_report(&text)
                    .err()
                    .map(|e| e.0[0].clone());
                if let Some(first) = first {
                    assert_eq!(all[0], first, "{p:?} = {b}");
                }
                assert!(
                    all.iter().all(|q| q.code.as_str() != "INVALID_JSON"),
                    "{p:?} = {b}: {all:?}"
                );
                // A second bad leaf far away adds a problem.
                let q = &paths[(n + paths.len() / 2) % paths.len()];
                if q[0] != p[0] && !all.is_empty() {
                    let mut w = v.clone();
                    *at(&mut w, q) = json!({ "bad": 1 });
                    let two = check_json(&w.to_string());
                    assert!(two.len() >= 2, "{p:?} = {b} and {q:?}: {two:?}");
                }
            }
        }
    }
}
