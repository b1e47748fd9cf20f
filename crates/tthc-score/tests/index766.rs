//! The ratio-index model (Decision 766): hand-computed cases for each conversion, the
//! threshold edges, zero denominators under each treatment, totals on each band edge, a
//! corrected profile loaded from JSON, bad profiles and bad inputs (fixtures under
//! `tests/fixtures/index-766/`), the golden result of the example, and properties.

use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{json, Value};
use std::path::PathBuf;
use tthc_score::index766::{
    find_index, render_index, score_index, CheckedIndexProfile, IndexInput, IndexOptions,
    IndexResult, IndicatorStatus, PartRounding, ZeroDenominator, VN_766,
};
use tthc_score::{parse_json, Code, Errors, Format, Lang};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo().join(rel)).unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Every scored indicator of vn-766 at full points: 10 / 10 (payment parts too), the
/// complement 0 / 10.
fn full() -> Value {
    full_for(&VN_766)
}

fn full_for(p: &CheckedIndexProfile) -> Value {
    let mut ind = serde_json::Map::new();
    for (_, i) in p.indicators() {
        let v = match &i.conversion {
            tthc_score::index766::Conversion::ShownOnly => continue,
            tthc_score::index766::Conversion::WeightedSum { parts } => json!({
                "parts": parts.iter().map(|p| (p.id.to_string(), json!({"numerator": 10, "denominator": 10}))).collect::<serde_json::Map<_, _>>()
            }),
            tthc_score::index766::Conversion::Complement { .. } => {
                json!({"numerator": 0, "denominator": 10})
            }
            _ => json!({"numerator": 10, "denominator": 10}),
        };
        ind.insert(i.id.to_string(), v);
    }
    json!({
        "period": {"year": 2026, "quarter": 3},
        "unit": {"name": "UBND xã A", "level": "commune"},
        "indicators": ind,
    })
}

fn with(mut v: Value, id: &str, n: u64, den: u64) -> Value {
    v["indicators"][id] = json!({"numerator": n, "denominator": den});
    v
}

fn parts(mut v: Value, p: [(u64, u64); 3]) -> Value {
    v["indicators"]["3.6"] = json!({"parts": {
        "a": {"numerator": p[0].0, "denominator": p[0].1},
        "b": {"numerator": p[1].0, "denominator": p[1].1},
        "c": {"numerator": p[2].0, "denominator": p[2].1},
    }});
    v
}

fn score_on(v: &Value, p: &CheckedIndexProfile, o: IndexOptions) -> Result<IndexResult, Errors> {
    let input: IndexInput = parse_json(&v.to_string()).map_err(Errors::one)?;
    score_index(&input, p, &o)
}

fn score(v: &Value) -> IndexResult {
    score_on(v, &VN_766, IndexOptions::default()).unwrap()
}

fn points(r: &IndexResult, id: &str) -> Option<Decimal> {
    r.indicators.iter().find(|i| i.id == id).unwrap().points
}

/// Zero denominators not applicable (excluded, the maximum reduced).
fn not_applicable() -> IndexOptions {
    IndexOptions {
        zero_denominator: Some(ZeroDenominator::NotApplicable),
        ..IndexOptions::default()
    }
}

/// The payment's parts each rounded as an indicator.
fn each_part() -> IndexOptions {
    IndexOptions {
        part_rounding: Some(PartRounding::EachPart),
        ..IndexOptions::default()
    }
}

#[test]
fn all_full_is_100() {
    let r = score(&full());
    assert_eq!(r.total.points, d("100.00"));
    assert_eq!(r.total.points.to_string(), "100.00");
    let groups: Vec<_> = r.groups.iter().map(|g| g.points.to_string()).collect();
    assert_eq!(groups, ["18.00", "20.00", "22.00", "22.00", "18.00"]);
    assert!(r.total.band.is_none());
    assert!(r.notes.iter().any(|n| n.code == "noBands"));
    assert!(r.notes.iter().any(|n| n.code == "rounding"));
}

#[test]
fn linear_by_hand() {
    // 1.2 (4 points): 1/3 = 33.33 % → 4 × 1/3 = 1.333… → 1.33.
    let r = score(&with(full(), "1.2", 1, 3));
    assert_eq!(points(&r, "1.2"), Some(d("1.33")));
    assert_eq!(r.total.points, d("97.33"));
    let i = &r.indicators[1];
    assert_eq!(i.ratio.unwrap().to_string(), "33.3333333333333333333333333");
    assert_eq!(i.ratio_rounded.unwrap().to_string(), "33.33");
    assert_eq!(
        i.derivation.vi,
        "R = 1 / 3 = 33,33 %; điểm = R × 4 / 100 = 1,33"
    );
    assert_eq!(
        i.derivation.en,
        "R = 1 / 3 = 33.33 %; points = R × 4 / 100 = 1.33"
    );
    // 2.1 (20 points): 1150 / 1200 → 19.1666… → 19.17.
    assert_eq!(
        points(&score(&with(full(), "2.1", 1150, 1200)), "2.1"),
        Some(d("19.17"))
    );
}

#[test]
fn half_up_not_bankers() {
    // 1.1 (6 points): 1/48 → 0.125 exactly → 0.13 (banker's rounding would give 0.12).
    let r = score(&with(full(), "1.1", 1, 48));
    assert_eq!(r.indicators[0].points_exact, Some(d("0.125")));
    assert_eq!(points(&r, "1.1"), Some(d("0.13")));
}

#[test]
fn saturating_at_the_threshold_and_just_below() {
    // 3.1 (2 points, T = 80 %).
    assert_eq!(
        points(&score(&with(full(), "3.1", 80, 100)), "3.1"),
        Some(d("2.00"))
    );
    assert_eq!(
        points(&score(&with(full(), "3.1", 4, 5)), "3.1"),
        Some(d("2.00"))
    );
    // 79 % → 79 × 2 / 80 = 1.975 → 1.98 (half-up).
    let r = score(&with(full(), "3.1", 79, 100));
    assert_eq!(points(&r, "3.1"), Some(d("1.98")));
    let i = r.indicators.iter().find(|i| i.id == "3.1").unwrap();
    assert_eq!(
        i.derivation.vi,
        "R = 79 / 100 = 79,00 % < 80 %; điểm = R × 2 / 80 = 1,98"
    );
    // 3.3 (6 points, T = 50 %): exactly 50 % is full; 49 % → 5.88.
    assert_eq!(
        points(&score(&with(full(), "3.3", 50, 100)), "3.3"),
        Some(d("6.00"))
    );
    assert_eq!(
        points(&score(&with(full(), "3.3", 49, 100)), "3.3"),
        Some(d("5.88"))
    );
    // 4.3 (2 points, T = 80 %): 79.99 % → 1.99975 → 2.00 after rounding, yet below T.
    let r = score(&with(full(), "4.3", 7999, 10000));
    assert_eq!(points(&r, "4.3"), Some(d("2.00")));
    let i = r.indicators.iter().find(|i| i.id == "4.3").unwrap();
    assert_eq!(i.points_exact, Some(d("1.99975")));
    assert!(i.derivation.en.contains("< 80 %"));
    // Above the threshold it stays at the maximum.
    assert_eq!(
        points(&score(&with(full(), "4.3", 99, 100)), "4.3"),
        Some(d("2.00"))
    );
}

#[test]
fn complement_by_hand() {
    // 5.4 (6 points): 100 % − R, saturating at 90 %.
    assert_eq!(
        points(&score(&with(full(), "5.4", 10, 100)), "5.4"),
        Some(d("6.00"))
    );
    // 11 % → 89 % → 89 × 6 / 90 = 5.9333… → 5.93.
    let r = score(&with(full(), "5.4", 11, 100));
    assert_eq!(points(&r, "5.4"), Some(d("5.93")));
    let i = r.indicators.iter().find(|i| i.id == "5.4").unwrap();
    assert_eq!(
        i.derivation.en,
        "R = 11 / 100 = 11.00 %; 100 % − R = 89.00 %; points = (100 % − R) × 6 / 90 = 5.93"
    );
    // The two rates may add up beyond 100 %: the complement is 0 %, and a note says so.
    let r = score(&with(full(), "5.4", 150, 100));
    assert_eq!(points(&r, "5.4"), Some(d("0.00")));
    let i = r.indicators.iter().find(|i| i.id == "5.4").unwrap();
    assert_eq!(
        i.derivation.en,
        "R = 150 / 100 = 150.00 %; 100 % − R = −50.00 % → 0 %; points = (100 % − R) × 6 / 90 = 0.00"
    );
    assert!(r
        .notes
        .iter()
        .any(|n| n.code == "numeratorAboveDenominator"));
    // But each of the two counts is at most the denominator: beyond twice it, or above 0
    // over 0, the input is refused.
    for (n, den) in [(201, 100), (5, 0)] {
        let text = with(full(), "5.4", n, den).to_string();
        let e = parse_json::<IndexInput>(&text)
            .map_err(Errors::one)
            .and_then(|i| score_index(&i, &VN_766, &IndexOptions::default()))
            .unwrap_err();
        assert_eq!(e.0[0].code, Code::NumeratorExceedsDenominator, "{n}/{den}");
        assert_eq!(e.0[0].path, "indicators.5.4.numerator", "{n}/{den}");
    }
    assert_eq!(
        points(&score(&with(full(), "5.4", 200, 100)), "5.4"),
        Some(d("0.00"))
    );
    // 2.2 is a total time over the resolved dossiers: above them is an average of days.
    assert_eq!(
        points(&score(&with(full(), "2.2", 4380, 1100)), "2.2"),
        Some(d("0.00"))
    );
}

#[test]
fn payment_formula_by_hand() {
    // 6 × 1/2 + min(2, 2.5 × 1) + 2.5 × 0 = 3 + 2 + 0 = 5.
    let r = score(&parts(full(), [(1, 2), (1, 1), (0, 1)]));
    assert_eq!(points(&r, "3.6"), Some(d("5.00")));
    // 2.5 × 0.8 = 2 = the cap; 6 × 0.75 = 4.5; 2.5 × 0.95 = 2.375: 8.875 → 8.88.
    let r = score(&parts(full(), [(3, 4), (4, 5), (19, 20)]));
    assert_eq!(points(&r, "3.6"), Some(d("8.88")));
    // All full: 6 + 2 + 2.5 = 10.5, capped at the maximum 10, with a note.
    let r = score(&full());
    assert_eq!(points(&r, "3.6"), Some(d("10.00")));
    assert!(r.notes.iter().any(|n| n.code == "cappedAtMaximum"));
    assert!(r.notes.iter().any(|n| n.code == "roundedOnce"));
    let i = r.indicators.iter().find(|i| i.id == "3.6").unwrap();
    assert!(
        i.derivation
            .en
            .ends_with("sum (added exactly) = 10.50, above the maximum: 10 counted"),
        "{}",
        i.derivation.en
    );
    assert_eq!(i.parts.len(), 3);
    assert_eq!(i.parts[1].points_exact, d("2"));
}

/// The payment's rounding is a named switch: once (default) or each part as an indicator.
#[test]
fn payment_rounded_once_or_each_part() {
    let each = each_part();
    // 6 × 0.75 = 4.5; min(2, 2.5 × 0.75) = 1.875; 2.5 × 0.95 = 2.375.
    let v = parts(full(), [(300, 400), (30, 40), (38, 40)]);
    // Once: 8.75 exactly → 8.75. Each part: 4.50 + 1.88 + 2.38 = 8.76.
    let once = score(&v);
    assert_eq!(points(&once, "3.6"), Some(d("8.75")));
    let r = score_on(&v, &VN_766, each).unwrap();
    assert_eq!(points(&r, "3.6"), Some(d("8.76")));
    assert_eq!(r.total.points - once.total.points, d("0.01"));
    assert!(r.notes.iter().any(|n| n.code == "roundedEachPart"));
    assert!(!r.notes.iter().any(|n| n.code == "roundedOnce"));
    let i = r.indicators.iter().find(|i| i.id == "3.6").unwrap();
    assert!(
        i.derivation
            .en
            .ends_with("sum (of the rounded parts) = 8.76 (at most 10)"),
        "{}",
        i.derivation.en
    );
    // The same from a profile that says so, and the option overrides the profile.
    let mut p = serde_json::to_value(&*VN_766).unwrap();
    p["partRounding"] = json!("eachPart");
    let p: CheckedIndexProfile = parse_json(&p.to_string()).unwrap();
    assert_eq!(
        points(&score_on(&v, &p, IndexOptions::default()).unwrap(), "3.6"),
        Some(d("8.76"))
    );
    let back = IndexOptions {
        part_rounding: Some(PartRounding::Once),
        ..IndexOptions::default()
    };
    assert_eq!(
        points(&score_on(&v, &p, back).unwrap(), "3.6"),
        Some(d("8.75"))
    );
    // By name, as --set does; an unknown value is refused.
    let mut o = IndexOptions::default();
    o.set("partRounding", "eachPart").unwrap();
    assert_eq!(o, each);
    assert_eq!(
        o.set("partRounding", "perPart").unwrap_err().code,
        Code::UnknownInterpretation
    );
}

/// 1.4 at 0/0 with last year's total: the total ÷ 12 (month) or ÷ 4 (quarter) is the
/// denominator, so the unit scores 0, not the zero-denominator treatment.
#[test]
fn last_years_total_stands_in_for_a_zero_denominator() {
    let full_points = IndexOptions {
        zero_denominator: Some(ZeroDenominator::Full),
        ..IndexOptions::default()
    };
    let mut v = full();
    v["indicators"]["1.4"] = json!({"numerator": 0, "denominator": 0});
    // Without it, 0/0 follows the treatment: full gives 6.
    let r = score_on(&v, &VN_766, full_points).unwrap();
    assert_eq!(points(&r, "1.4"), Some(d("6.00")));
    v["indicators"]["1.4"]["lastYearTotal"] = json!(1000);
    let r = score_on(&v, &VN_766, full_points).unwrap();
    assert_eq!(points(&r, "1.4"), Some(d("0.00")));
    let i = r.indicators.iter().find(|i| i.id == "1.4").unwrap();
    assert_eq!(i.status, IndicatorStatus::Scored);
    assert!(
        i.derivation
            .en
            .contains("R = 0 / (1,000 ÷ 4 = 250.00) = 0.00 %"),
        "{}",
        i.derivation.en
    );
    assert!(r.notes.iter().any(|n| n.code == "lastYearStandIn"));
    // A month divides by 12; a year by 1 (inferred, said so).
    v["period"] = json!({"year": 2026, "month": 8});
    let r = score_on(&v, &VN_766, full_points).unwrap();
    let i = r.indicators.iter().find(|i| i.id == "1.4").unwrap();
    assert!(
        i.derivation.vi.contains("(1.000 ÷ 12 = 83,33)"),
        "{}",
        i.derivation.vi
    );
    v["period"] = json!({"year": 2026});
    let r = score_on(&v, &VN_766, full_points).unwrap();
    let n = r
        .notes
        .iter()
        .find(|n| n.code == "lastYearStandIn")
        .unwrap();
    assert!(
        n.text.en.ends_with("(÷ 1 for a year is inferred)"),
        "{}",
        n.text.en
    );
    // A total of 0 stands in for nothing; a denominator above 0 needs no stand-in.
    v["indicators"]["1.4"] = json!({"numerator": 0, "denominator": 0, "lastYearTotal": 0});
    assert_eq!(
        points(&score_on(&v, &VN_766, full_points).unwrap(), "1.4"),
        Some(d("6.00"))
    );
    v["indicators"]["1.4"] = json!({"numerator": 5, "denominator": 10, "lastYearTotal": 1000});
    let r = score_on(&v, &VN_766, full_points).unwrap();
    assert_eq!(points(&r, "1.4"), Some(d("3.00")));
    assert!(!r.notes.iter().any(|n| n.code == "lastYearStandIn"));
}

#[test]
fn shown_only_gives_no_points() {
    let mut v = full();
    v["indicators"]["2.2"] = json!({"numerator": 4380, "denominator": 1100});
    let r = score(&v);
    let i = r.indicators.iter().find(|i| i.id == "2.2").unwrap();
    assert_eq!(i.status, IndicatorStatus::ShownOnly);
    assert_eq!(i.ratio_rounded, Some(d("3.98")));
    assert_eq!(i.points, Some(d("0.00")));
    assert!(!i.counted);
    assert_eq!(r.total.points, d("100.00"));
    // Left out: not given.
    let i = r.indicators.iter().find(|i| i.id == "5.1").unwrap();
    assert_eq!(i.status, IndicatorStatus::NotGiven);
    // A ratio too large for 25 places (40,000 / 3) is still shown, with the places that fit
    // (it was silently empty before the review).
    v["indicators"]["2.2"] = json!({"numerator": 40000, "denominator": 3});
    let r = score(&v);
    let i = r.indicators.iter().find(|i| i.id == "2.2").unwrap();
    assert_eq!(i.ratio, Some(d("13333.333333333333333333333333")));
    assert_eq!(i.ratio_rounded, Some(d("13333.33")));
    assert_eq!(r.total.points, d("100.00"));
}

/// The payment's rounding note is given only when the payment counts: all its parts over 0
/// under "not applicable" leave it out, and its note with it.
#[test]
fn payment_rounding_said_only_when_it_counts() {
    let na = not_applicable();
    let v = parts(full(), [(0, 0), (0, 0), (0, 0)]);
    let r = score_on(&v, &VN_766, na).unwrap();
    assert_eq!(points(&r, "3.6"), None);
    let codes: Vec<&str> = r.notes.iter().map(|n| n.code.as_ref()).collect();
    assert!(!codes.contains(&"roundedOnce"), "{codes:?}");
    assert!(codes.contains(&"reducedMaximum"), "{codes:?}");
    // Scored at 0 under the default, the payment counts and its rounding is said.
    let r = score(&v);
    assert_eq!(points(&r, "3.6"), Some(d("0.00")));
    assert!(r.notes.iter().any(|n| n.code == "roundedOnce"));
}

/// A group whose indicators are all not applicable shows its points with 2 decimals, like
/// every other group (the review saw "0").
#[test]
fn a_group_not_applicable_shows_two_decimals() {
    let na = not_applicable();
    let mut v = full();
    let group = VN_766.groups[1].indicators.iter().map(|i| i.id.to_string());
    for id in group.collect::<Vec<_>>() {
        if v["indicators"]
            .get(&id)
            .is_some_and(|x| x.get("parts").is_none())
        {
            v = with(v, &id, 0, 0);
        }
    }
    let r = score_on(&v, &VN_766, na).unwrap();
    assert_eq!(r.groups[1].applicable_maximum, d("0"));
    assert_eq!(r.groups[1].points.to_string(), "0.00");
}

#[test]
fn zero_denominators_under_each_treatment() {
    let v = with(full(), "1.1", 0, 0);
    // The profile's default: 0 points, maximum unchanged.
    let r = score(&v);
    assert_eq!(points(&r, "1.1"), Some(d("0.00")));
    assert_eq!(
        (r.total.points, r.total.applicable_maximum),
        (d("94.00"), d("100"))
    );
    assert!(r.notes.iter().any(|n| n.code == "zeroDenominator"));
    // Not applicable: excluded, the maximum reduced; bands apply to total × 100 / 94.
    let na = not_applicable();
    let r = score_on(&v, &VN_766, na).unwrap();
    assert_eq!(points(&r, "1.1"), None);
    assert!(!r.indicators[0].counted);
    assert_eq!(r.total.points, d("94.00"));
    assert_eq!(r.total.applicable_maximum, d("94"));
    assert_eq!(r.total.band_basis, d("100.00"));
    assert_eq!(r.groups[0].applicable_maximum, d("12"));
    assert!(r.notes.iter().any(|n| n.code == "reducedMaximum"));
    let text = render_index(&r, Format::Table, Lang::En);
    assert!(
        text.contains("1.1\tProcedures announced on time\t0 / 0\t\tN/A\t6\t"),
        "{text}"
    );
    // Full points.
    let mut o = IndexOptions::default();
    o.set("zeroDenominator", "full").unwrap();
    let r = score_on(&v, &VN_766, o).unwrap();
    assert_eq!(points(&r, "1.1"), Some(d("6.00")));
    assert_eq!(
        o.clone().set("zeroDenominator", "half").unwrap_err().code,
        Code::UnknownInterpretation
    );
    assert_eq!(
        o.clone().set("nope", "x").unwrap_err().code,
        Code::UnknownInterpretation
    );
    // Feedback: no feedback at all (0/0) gives the full 6 points, whatever the default.
    let fb = with(with(full(), "5.2", 0, 0), "5.3", 0, 0);
    for o in [IndexOptions::default(), na] {
        let r = score_on(&fb, &VN_766, o).unwrap();
        assert_eq!(points(&r, "5.2"), Some(d("6.00")));
        assert_eq!(points(&r, "5.3"), Some(d("6.00")));
        assert_eq!(r.total.points, d("100.00"));
    }
    // A weighted sum with no denominator at all: not applicable, or 0.
    let none = parts(full(), [(0, 0), (0, 0), (0, 0)]);
    assert_eq!(points(&score_on(&none, &VN_766, na).unwrap(), "3.6"), None);
    assert_eq!(points(&score(&none), "3.6"), Some(d("0.00")));
    // One part without a denominator: that part gives 0 (or, under `full`, its points).
    let one = parts(full(), [(1, 2), (0, 0), (1, 1)]);
    let r = score_on(&one, &VN_766, na).unwrap();
    assert_eq!(points(&r, "3.6"), Some(d("5.50")));
    assert!(r
        .notes
        .iter()
        .any(|n| n.code == "zeroDenominator" && n.text.en.contains("part b")));
    let mut o = IndexOptions::default();
    o.set("zeroDenominator", "full").unwrap();
    assert_eq!(
        points(&score_on(&one, &VN_766, o).unwrap(), "3.6"),
        Some(d("7.50"))
    );
}

fn corrected() -> CheckedIndexProfile {
    parse_json(&read("tests/fixtures/index-766/corrected-profile.json")).unwrap()
}

fn province_bands() -> CheckedIndexProfile {
    parse_json(&read("examples/index-766-province-bands.json")).unwrap()
}

#[test]
fn a_total_exactly_on_each_band_edge() {
    let p = province_bands();
    // 2.1 over 2000 dossiers gives n / 100 points; zeroing other indicators moves the base.
    let case = |zeros: &[&str], n: u64| {
        let mut v = with(full(), "2.1", n, 2000);
        for z in zeros {
            v = with(v, z, 0, 10);
        }
        let r = score_on(&v, &p, IndexOptions::default()).unwrap();
        (
            r.total.points.to_string(),
            r.total.band.map(|b| b.code.to_string()).unwrap(),
        )
    };
    assert_eq!(case(&[], 1000), ("90.00".into(), "excellent".into()));
    assert_eq!(case(&[], 999), ("89.99".into(), "good".into()));
    assert_eq!(case(&[], 0), ("80.00".into(), "good".into()));
    assert_eq!(case(&["1.1", "1.4"], 1199), ("79.99".into(), "fair".into()));
    assert_eq!(case(&["1.1", "1.4"], 200), ("70.00".into(), "fair".into()));
    assert_eq!(
        case(&["1.1", "1.4"], 199),
        ("69.99".into(), "average".into())
    );
    let fifty = ["1.1", "1.4", "4.1", "5.2", "3.3", "1.2"];
    assert_eq!(case(&fifty, 400), ("50.00".into(), "average".into()));
    assert_eq!(case(&fifty, 399), ("49.99".into(), "weak".into()));
    assert_eq!(case(&fifty, 0), ("46.00".into(), "weak".into()));
    let r = score_on(&full(), &p, IndexOptions::default()).unwrap();
    assert!(r.notes.iter().any(|n| n.code == "bands"));
    let md = render_index(&r, Format::Markdown, Lang::Vi);
    assert!(md.contains("**Xếp loại: Xuất sắc**"), "{md}");
}

#[test]
fn a_corrected_profile_loaded_from_json() {
    let p = corrected();
    assert_eq!(p.id, "province-766-corrected-example");
    assert_eq!(p.groups[3].maximum, d("22"));
    // 2.1 saturates at 95 % there: 1150 / 1200 = 95.83 % is full; 90 % → 90 × 20 / 95.
    let r = score_on(
        &with(full_for(&p), "2.1", 1150, 1200),
        &p,
        IndexOptions::default(),
    )
    .unwrap();
    assert_eq!(points(&r, "2.1"), Some(d("20.00")));
    let r = score_on(
        &with(full_for(&p), "2.1", 90, 100),
        &p,
        IndexOptions::default(),
    )
    .unwrap();
    assert_eq!(points(&r, "2.1"), Some(d("18.95")));
    // 4.6 is gone: giving it is an error; 4.2 is worth 6.
    let e = score_on(&full(), &p, IndexOptions::default()).unwrap_err();
    assert_eq!(
        (e.0[0].code, e.0[0].path.as_str()),
        (Code::IndicatorUnknown, "indicators.4.6")
    );
    let mut v = full();
    v["indicators"].as_object_mut().unwrap().remove("4.6");
    let r = score_on(&with(v, "4.2", 1, 2), &p, IndexOptions::default()).unwrap();
    assert_eq!(points(&r, "4.2"), Some(d("3.00")));
    assert_eq!(r.total.points, d("97.00"));
    assert_eq!(r.total.band.unwrap().code, "excellent");
    // Its default is not applicable: a zero denominator reduces the maximum.
    let mut v = full();
    v["indicators"].as_object_mut().unwrap().remove("4.6");
    let r = score_on(&with(v, "1.4", 0, 0), &p, IndexOptions::default()).unwrap();
    assert_eq!(r.total.applicable_maximum, d("94"));
    // It round-trips.
    let back: CheckedIndexProfile = parse_json(&serde_json::to_string(&p).unwrap()).unwrap();
    assert_eq!(back, p);
    // The built-in round-trips through JSON too.
    let back: CheckedIndexProfile = parse_json(&serde_json::to_string(&*VN_766).unwrap()).unwrap();
    assert_eq!(&back, &*VN_766);
}

/// Applies a fixture edit ({pointer, value} or {pointer, remove: true}) to `v`.
fn edit(v: &mut Value, case: &Value) {
    let ptr = case["pointer"].as_str().unwrap();
    let (parent, key) = ptr.rsplit_once('/').unwrap();
    let target = v.pointer_mut(parent).unwrap_or_else(|| panic!("{ptr}"));
    if case.get("remove").is_some() {
        target.as_object_mut().unwrap().remove(key);
    } else if let Some(o) = target.as_object_mut() {
        o.insert(key.to_string(), case["value"].clone());
    } else {
        target[key.parse::<usize>().unwrap()] = case["value"].clone();
    }
}

#[test]
fn bad_profiles_are_refused_with_codes() {
    let base = serde_json::to_value(&*VN_766).unwrap();
    let cases: Vec<Value> =
        serde_json::from_str(&read("tests/fixtures/index-766/bad-profiles.json")).unwrap();
    assert!(cases.len() >= 15);
    for case in cases {
        let mut v = base.clone();
        edit(&mut v, &case);
        let e = parse_json::<CheckedIndexProfile>(&v.to_string())
            .expect_err(case["description"].as_str().unwrap());
        assert_eq!(
            (e.code.as_str(), e.path.as_str()),
            (
                case["code"].as_str().unwrap(),
                case["path"].as_str().unwrap()
            ),
            "{}: {}",
            case["description"],
            e
        );
        assert!(!e.message.vi.is_empty() && !e.message.en.is_empty());
    }
}

#[test]
fn bad_inputs_are_refused_with_codes_and_paths() {
    let base: Value = serde_json::from_str(&read("examples/index-766-example.json")).unwrap();
    let cases: Vec<Value> =
        serde_json::from_str(&read("tests/fixtures/index-766/bad-inputs.json")).unwrap();
    assert!(cases.len() >= 12);
    for case in cases {
        let mut v = base.clone();
        edit(&mut v, &case);
        let e = score_on(&v, &VN_766, IndexOptions::default())
            .expect_err(case["description"].as_str().unwrap());
        let p = &e.0[0];
        assert_eq!(
            (p.code.as_str(), p.path.as_str()),
            (
                case["code"].as_str().unwrap(),
                case["path"].as_str().unwrap()
            ),
            "{}: {}",
            case["description"],
            e
        );
    }
    // A repeated indicator is refused, not silently replaced.
    let text = r#"{"period": {"year": 2026}, "unit": {"name": "A"}, "indicators": {"1.1": {"numerator": 1, "denominator": 2}, "1.1": {"numerator": 2, "denominator": 2}}}"#;
    let e = parse_json::<IndexInput>(text).unwrap_err();
    assert_eq!(e.code, Code::DuplicateField);
    assert!(e.path.starts_with("indicators"), "{}", e.path);
    // Several problems at once.
    let mut v = with(with(full(), "1.1", 7, 6), "1.2", 5, 4);
    v["indicators"].as_object_mut().unwrap().remove("2.1");
    let e = score_on(&v, &VN_766, IndexOptions::default()).unwrap_err();
    let codes: Vec<_> = e.0.iter().map(|p| (p.code, p.path.as_str())).collect();
    assert_eq!(
        codes,
        [
            (
                Code::NumeratorExceedsDenominator,
                "indicators.1.1.numerator"
            ),
            (
                Code::NumeratorExceedsDenominator,
                "indicators.1.2.numerator"
            ),
            (Code::MissingField, "indicators.2.1"),
        ]
    );
}

/// The example's result, byte for byte (`UPDATE_FIXTURES=1` rewrites it after an intended
/// change), and its key figures by hand.
#[test]
fn the_example_golden() {
    let input: IndexInput = parse_json(&read("examples/index-766-example.json")).unwrap();
    let r = score_index(
        &input,
        find_index("vn-766").unwrap(),
        &IndexOptions::default(),
    )
    .unwrap();
    // 17.54 + 19.17 + 18.45 + 14.05 + 18.00 (hand-computed in the README).
    assert_eq!(r.total.points.to_string(), "87.21");
    assert_eq!(r.total.display.vi, "87,21");
    let got = serde_json::to_string_pretty(&r).unwrap() + "\n";
    let path = repo().join("tests/fixtures/index-766/example-result.json");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    if let Some((i, (g, w))) = got
        .lines()
        .zip(want.lines())
        .enumerate()
        .find(|(_, (g, w))| g != w)
    {
        panic!("example-result.json line {}: got {g:?}, expected {w:?} (UPDATE_FIXTURES=1 rewrites it)", i + 1);
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "example-result.json length"
    );
    for f in [Format::Table, Format::Markdown, Format::Html, Format::Csv] {
        for l in [Lang::Vi, Lang::En] {
            let t = render_index(&r, f, l);
            assert!(
                t.contains(if l == Lang::Vi { "87,21" } else { "87.21" }),
                "{f:?} {l:?}"
            );
        }
    }
}

#[test]
fn hostile_names_stay_in_their_cell() {
    let mut v = full();
    v["unit"]["name"] = json!("A\tB\n| <b>x</b>");
    let r = score(&v);
    let t = render_index(&r, Format::Table, Lang::Vi);
    assert!(t.contains("Đơn vị: A B | <b>x</b>\n"));
    let h = render_index(&r, Format::Html, Lang::Vi);
    assert!(h.contains("&lt;b&gt;x&lt;/b&gt;") && !h.contains("<b>x"));
    let m = render_index(&r, Format::Markdown, Lang::Vi);
    assert!(m.contains("\\| \\<b\\>x\\</b\\>"));
}

#[cfg(feature = "schema")]
#[test]
fn schemas_exist() {
    let s = serde_json::to_value(tthc_score::index766::index_input_schema()).unwrap();
    assert!(s["properties"]["indicators"].is_object());
    let s = serde_json::to_value(tthc_score::index766::index_profile_schema()).unwrap();
    assert!(s["properties"]["groups"].is_object());
}

fn ids() -> Vec<String> {
    VN_766
        .indicators()
        .filter(|(_, i)| {
            !matches!(
                i.conversion,
                tthc_score::index766::Conversion::ShownOnly
                    | tthc_score::index766::Conversion::WeightedSum { .. }
            )
        })
        .map(|(_, i)| i.id.to_string())
        .collect()
}

proptest! {
    /// Points stay within [0, max] and rise with the numerator for a fixed denominator;
    /// the total stays within 0–100.
    #[test]
    fn points_bounded_and_monotone(k in 0usize..18, den in 1u64..5000, a in 0u64..5000, b in 0u64..5000) {
        let ids = ids();
        let id = &ids[k % ids.len()];
        let (lo, hi) = (a.min(b) % (den + 1), a.max(b) % (den + 1));
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        let low = score(&with(full(), id, lo, den));
        let high = score(&with(full(), id, hi, den));
        let max = VN_766.indicators().find(|(_, i)| i.id == id.as_str()).unwrap().1.maximum;
        for r in [&low, &high] {
            let p = points(r, id).unwrap();
            prop_assert!(p >= Decimal::ZERO && p <= max);
            prop_assert!(r.total.points <= Decimal::ONE_HUNDRED && r.total.points >= Decimal::ZERO);
        }
        let (pl, ph) = (points(&low, id).unwrap(), points(&high, id).unwrap());
        // The complement counts what is wrong: more of it gives fewer points.
        if id == "5.4" { prop_assert!(pl >= ph) } else { prop_assert!(pl <= ph) }
    }

    /// The payment formula stays within [0, 10] and rises with each part's numerator.
    #[test]
    fn payment_bounded_and_monotone(n in proptest::array::uniform3(0u64..100), den in proptest::array::uniform3(1u64..100), part in 0usize..3) {
        let p: [(u64, u64); 3] = std::array::from_fn(|i| (n[i] % (den[i] + 1), den[i]));
        let r = score(&parts(full(), p));
        let v = points(&r, "3.6").unwrap();
        prop_assert!(v >= Decimal::ZERO && v <= Decimal::TEN);
        let mut more = p;
        more[part].0 = (more[part].0 + 1).min(more[part].1);
        prop_assert!(points(&score(&parts(full(), more)), "3.6").unwrap() >= v);
    }

    /// Rounding the payment's parts one by one moves it by at most 0.01 from rounding
    /// their exact sum once: the parts' rounding errors add up to at most 0.015.
    #[test]
    fn payment_roundings_differ_by_at_most_a_hundredth(n in proptest::array::uniform3(0u64..1000), den in proptest::array::uniform3(1u64..1000)) {
        let p: [(u64, u64); 3] = std::array::from_fn(|i| (n[i] % (den[i] + 1), den[i]));
        let v = parts(full(), p);
        let once = points(&score(&v), "3.6").unwrap();
        let each = each_part();
        let each = points(&score_on(&v, &VN_766, each).unwrap(), "3.6").unwrap();
        prop_assert!((once - each).abs() <= d("0.01"), "{} vs {}", once, each);
        prop_assert!(each >= Decimal::ZERO && each <= Decimal::TEN);
    }

    /// Any counts at all (valid or not, up to 2^53 − 1) give a result or coded errors, never
    /// a panic, and a total within 0–100.
    #[test]
    fn never_panics(counts in proptest::collection::vec(
        prop_oneof![(0u64..50, 0u64..50), (0u64..(1 << 53), 0u64..(1 << 53))], 21)) {
        let mut v = full();
        for ((n, den), id) in counts.iter().zip(ids()) {
            v = with(v, &id, *n, *den);
        }
        if let Ok(r) = score_on(&v, &VN_766, IndexOptions::default()) {
            prop_assert!(r.total.points <= Decimal::ONE_HUNDRED);
        }
    }
}
