//! Bad input never panics and never yields a number: each case gets its stable code, the
//! path of the offending field and a message in both languages.

use serde_json::{json, Value};
use tthc_score::{check_json, evaluate_json, Code, Options, Outcome, Problem};

mod common;
use common::seed;

fn problems(v: &Value) -> Vec<Problem> {
    match evaluate_json(&v.to_string(), &Options::default()) {
        Outcome::Errors(e) => e,
        Outcome::Scorecard(c) => panic!("expected errors, got total {}", c.total.value),
    }
}

#[track_caller]
fn expect(v: Value, code: Code, path: &str) {
    let p = problems(&v);
    assert!(
        p.iter().any(|p| p.code == code && p.path == path),
        "want {code} at {path}, got {p:?}"
    );
    for p in &p {
        assert!(!p.message.vi.is_empty() && !p.message.en.is_empty());
    }
}

fn with(path: &[&str], value: Value) -> Value {
    let mut v = seed();
    let mut cur = &mut v;
    for k in &path[..path.len() - 1] {
        cur = &mut cur[*k];
    }
    cur[path[path.len() - 1]] = value;
    v
}

#[test]
fn counts() {
    let at = ["perDossier", "contacts", "one"];
    expect(
        with(&at, json!(-1)),
        Code::CountNegative,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!(-0.5)),
        Code::CountNegative,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!(1.5)),
        Code::CountFractional,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!(9_007_199_254_740_992u64)),
        Code::CountTooLarge,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!(1e300)),
        Code::CountTooLarge,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!("3")),
        Code::CountNotANumber,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!("abc")),
        Code::CountNotANumber,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!(true)),
        Code::WrongType,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!(null)),
        Code::WrongType,
        "perDossier.contacts.one",
    );
    expect(
        with(&at, json!([1])),
        Code::WrongType,
        "perDossier.contacts.one",
    );
}

#[test]
fn integral_floats_are_counts() {
    // JavaScript has no integer type: 1132.0 is 1132.
    let v = with(&["dossiers", "pending", "withinDeadline"], json!(15.0));
    assert!(matches!(
        evaluate_json(&v.to_string(), &Options::default()),
        Outcome::Scorecard(_)
    ));
}

#[test]
fn sums_that_do_not_add_up() {
    expect(
        with(&["perDossier", "contacts", "two"], json!(1131)),
        Code::IndicatorCountsMismatch,
        "perDossier.contacts",
    );
    expect(
        with(&["perDossier", "totalTime", "zero"], json!(1)),
        Code::IndicatorCountsMismatch,
        "perDossier.totalTime",
    );
    expect(
        with(&["dossiers", "resolved", "total"], json!(1)),
        Code::ResolvedTotalMismatch,
        "dossiers.resolved.total",
    );
    let big = json!(4_503_599_627_370_495u64);
    let mut v = with(&["dossiers", "resolved", "early"], big.clone());
    v["dossiers"]["resolved"]["onTime"] = big;
    v["dossiers"]["resolved"]
        .as_object_mut()
        .unwrap()
        .remove("total");
    expect(v, Code::CountTooLarge, "dossiers.resolved");
}

#[test]
fn percentages_and_levels() {
    let one_stop = ["perUnit", "oneStop"];
    expect(
        with(
            &one_stop,
            json!({"facts": {"receivedAtDeskPercent": 100.5}}),
        ),
        Code::PercentOutOfRange,
        "perUnit.oneStop.facts.receivedAtDeskPercent",
    );
    expect(
        with(&one_stop, json!({"facts": {"receivedAtDeskPercent": -1}})),
        Code::PercentOutOfRange,
        "perUnit.oneStop.facts.receivedAtDeskPercent",
    );
    expect(
        with(
            &one_stop,
            json!({"facts": {"receivedAtDeskPercent": "9,5"}}),
        ),
        Code::PercentNotANumber,
        "perUnit.oneStop.facts.receivedAtDeskPercent",
    );
    expect(
        with(
            &one_stop,
            json!({"facts": {"receivedAtDeskPercent": "1e2"}}),
        ),
        Code::PercentNotANumber,
        "perUnit.oneStop.facts.receivedAtDeskPercent",
    );
    expect(
        with(&one_stop, json!({"level": 3})),
        Code::LevelOutOfRange,
        "perUnit.oneStop.level",
    );
    expect(
        with(&one_stop, json!({"level": 1.5})),
        Code::LevelOutOfRange,
        "perUnit.oneStop.level",
    );
    expect(
        with(&one_stop, json!({"level": -1})),
        Code::LevelOutOfRange,
        "perUnit.oneStop.level",
    );
    expect(
        with(&one_stop, json!({})),
        Code::UnitIndicatorEmpty,
        "perUnit.oneStop",
    );
    expect(
        with(&one_stop, json!({"level": 2, "notApplicable": true})),
        Code::UnitIndicatorConflict,
        "perUnit.oneStop",
    );
    expect(
        with(
            &["perUnit", "feedback"],
            json!({"facts": {"received": 3, "handledOnTime": 4, "prolonged": 0}}),
        ),
        Code::FeedbackExceedsTotal,
        "perUnit.feedback.facts.handledOnTime",
    );
    expect(
        with(&["declared", "total"], json!("19")),
        Code::ScoreInvalid,
        "declared.total",
    );
    expect(
        with(&["declared", "total"], json!("x")),
        Code::ScoreInvalid,
        "declared.total",
    );
}

#[test]
fn structure() {
    expect(
        with(&["dossiers", "received", "carriedOvr"], json!(1)),
        Code::UnknownField,
        "dossiers.received.carriedOvr",
    );
    let mut v = seed();
    v["perDossier"].as_object_mut().unwrap().remove("agencies");
    expect(v, Code::MissingField, "perDossier.agencies");
    expect(
        with(&["unit", "level"], json!("hamlet")),
        Code::InvalidValue,
        "unit.level",
    );
    expect(
        with(&["period", "quarter"], json!(0)),
        Code::PeriodInvalid,
        "period.quarter",
    );
    expect(
        with(&["period", "year"], json!(1999)),
        Code::PeriodInvalid,
        "period.year",
    );
    // One policy for whole-number fields: a JSON number with a whole value, never a string.
    expect(
        with(&["period", "year"], json!("2021")),
        Code::PeriodInvalid,
        "period.year",
    );
    expect(
        with(&["period", "year"], json!(true)),
        Code::WrongType,
        "period.year",
    );
    expect(
        with(&["period", "quarter"], json!(2.5)),
        Code::PeriodInvalid,
        "period.quarter",
    );
    expect(
        with(&["period", "quarter"], json!(300)),
        Code::PeriodInvalid,
        "period.quarter",
    );
    expect(
        with(&["perDossier"], json!([])),
        Code::WrongType,
        "perDossier",
    );
}

#[test]
fn officials() {
    let v = with(
        &["officials"],
        json!([{ "name": "A", "totalTime": {"two": 1, "one": 0, "zero": 0}, "agencyTime": {"two": 1, "one": 0, "zero": 0},
                 "contacts": {"two": 2, "one": 0, "zero": 0}, "agencies": {"two": 1, "one": 0, "zero": 0}, "attitude": {"two": 1, "one": 0, "zero": 0} }]),
    );
    expect(v, Code::OfficialCountsMismatch, "officials[0].contacts");
}

#[test]
fn text_that_is_not_a_report() {
    for (text, code) in [
        ("", Code::InvalidJson),
        ("{", Code::InvalidJson),
        ("[]", Code::WrongType),
        ("null", Code::WrongType),
        // Not JSON at all: INVALID_JSON before any field it lacks.
        ("{} trailing", Code::InvalidJson),
        ("{\"period\": NaN}", Code::InvalidJson),
    ] {
        let p = check_json(text);
        assert_eq!(p.first().map(|p| p.code), Some(code), "{text:?}: {p:?}");
    }
    let p = check_json(&format!("{} x", seed()));
    assert_eq!(p[0].code, Code::InvalidJson, "{p:?}");
}

#[test]
fn several_problems_are_all_reported() {
    let mut v = with(&["perDossier", "contacts", "two"], json!(1));
    v["perUnit"]["feedback"] = json!({});
    v["period"]["quarter"] = json!(7);
    let p = problems(&v);
    let codes: Vec<_> = p.iter().map(|p| p.code).collect();
    assert_eq!(
        codes,
        [
            Code::PeriodInvalid,
            Code::IndicatorCountsMismatch,
            Code::UnitIndicatorEmpty
        ]
    );
}

#[test]
fn unknown_profile_and_interpretation() {
    let opts: Options = serde_json::from_value(json!({"profile": "hanoi"})).unwrap();
    match evaluate_json(&seed().to_string(), &opts) {
        Outcome::Errors(e) => assert_eq!(
            (e[0].code, e[0].path.as_str()),
            (Code::UnknownProfile, "profile")
        ),
        Outcome::Scorecard(_) => panic!("scored with an unknown profile"),
    }
    assert!(serde_json::from_value::<Options>(
        json!({"interpretations": {"levelSource": "guess"}})
    )
    .is_err());
}

#[test]
fn codes_are_stable_strings() {
    for c in Code::ALL {
        assert_eq!(Code::from_str_code(c.as_str()), Some(*c));
        assert_eq!(
            serde_json::to_string(c).unwrap(),
            format!("\"{}\"", c.as_str())
        );
    }
}

#[test]
fn a_malformed_custom_profile_is_refused() {
    // A profile is checked once, when it becomes a `CheckedProfile`: scoring cannot even
    // be called with an unchecked one.
    let mut p = tthc_score::profile::find("dien-bien-2019")
        .unwrap()
        .clone()
        .into_inner();
    p.order[8] = p.order[0];
    let e = p.check().unwrap_err();
    assert_eq!(
        (e.code, e.path.as_str()),
        (Code::InvalidValue, "profile.order")
    );
    let mut p = tthc_score::profile::find("tt01-2018")
        .unwrap()
        .clone()
        .into_inner();
    p.unit_bands.reverse();
    assert_eq!(p.check().unwrap_err().path, "profile.unitBands");
}

/// Paths come from the error position in the text: pretty-printed, CRLF and compact JSON
/// with Vietnamese text before the error all give the same path.
#[test]
fn paths_do_not_depend_on_layout() {
    let mut v = seed();
    v["unit"]["name"] = json!("Ủy ban nhân dân huyện Điện Biên Đông");
    v["officials"] = json!([
        { "name": "Nguyễn Thị Ánh", "totalTime": {"two": 1, "one": 0, "zero": 0}, "agencyTime": {"two": 1, "one": 0, "zero": 0},
          "contacts": {"two": 1, "one": 0, "zero": 0}, "agencies": {"two": 1, "one": 0, "zero": 0}, "attitude": {"two": 1, "one": 0, "zero": 0} },
        { "name": "Lê Văn Bình", "totalTime": {"two": 1, "one": 0, "zero": 0}, "agencyTime": {"two": 1, "one": 0, "zero": 0},
          "contacts": {"two": 1, "one": 0, "zero": 0}, "agencies": {"two": 1, "one": 0, "zero": 0}, "attitude": {"two": 1, "one": -2, "zero": 0} }
    ]);
    let pretty = serde_json::to_string_pretty(&v).unwrap();
    for text in [v.to_string(), pretty.clone(), pretty.replace('\n', "\r\n")] {
        let p = check_json(&text);
        assert_eq!(
            (p[0].code, p[0].path.as_str()),
            (Code::CountNegative, "officials[1].attitude.one"),
            "{p:?}"
        );
    }
}
