//! The province view, on hand-computed cases: ranking with ties, groups and bands, pooled
//! and mean rollups that disagree, a year with a missing quarter.

use serde_json::{json, Value};
use tthc_score::profile::{find, Interpretations};
use tthc_score::province::{
    consolidate, province_table, LevelGroup, RankBasis, RankOptions, RollupMethod, TiePolicy,
};
use tthc_score::{parse_report, score, Scorecard};

fn seed(which: &str) -> Value {
    let text = match which {
        "district" => include_str!("../../../examples/dien-bien-2021-q2-district.json"),
        _ => include_str!("../../../examples/dien-bien-2021-q2-commune.json"),
    };
    serde_json::from_str(text).unwrap()
}

/// A unit whose five per-dossier indicators all have the grades early / on time / late
/// (2, 1, 0 points), and the four per-unit levels given.
fn unit(
    name: &str,
    level: &str,
    quarter: u8,
    (e, o, l): (u64, u64, u64),
    levels: [u8; 4],
) -> Value {
    let g = json!({ "two": e, "one": o, "zero": l });
    json!({
        "period": { "year": 2021, "quarter": quarter },
        "unit": { "name": name, "level": level },
        "dossiers": {
            "received": { "online": 0, "direct": e + o + l, "carriedOver": 0 },
            "resolved": { "early": e, "onTime": o, "late": l },
            "pending": { "withinDeadline": 0, "overdue": 0 }
        },
        "perDossier": { "agencyTime": g, "contacts": g, "agencies": g, "attitude": g },
        "perUnit": {
            "oneStop": { "level": levels[0] }, "publicity": { "level": levels[1] },
            "feedback": { "level": levels[2] }, "onlineServices": { "level": levels[3] }
        }
    })
}

fn card(v: &Value) -> Scorecard {
    let r = parse_report(&v.to_string()).unwrap();
    score(&r, find("dien-bien-2019").unwrap()).unwrap()
}

fn s(d: impl ToString) -> String {
    d.to_string()
}

#[test]
fn the_province_table_ranks_ties_groups_and_bands() {
    let mut twin = seed("district");
    twin["unit"]["name"] = json!("Z huyện song sinh");
    let cards = [
        card(&unit("A xã", "commune", 2, (1000, 0, 0), [2, 2, 2, 2])),
        card(&seed("district")),
        card(&seed("commune")),
        card(&twin),
        card(&unit("B xã", "commune", 2, (0, 0, 10), [0, 0, 0, 0])),
    ];
    let p = find("dien-bien-2019").unwrap();
    let t = province_table(&cards, p, RankOptions::default()).unwrap();
    let rows: Vec<(String, String, u32, u32)> = t
        .rows
        .iter()
        .map(|r| (r.unit.clone(), s(r.total), r.rank, r.rank_in_group))
        .collect();
    assert_eq!(
        rows,
        [
            ("A xã".into(), "18.00".into(), 1, 1),
            ("UBND cấp huyện".into(), "16.74".into(), 2, 1),
            ("Z huyện song sinh".into(), "16.74".into(), 2, 1),
            ("UBND cấp xã".into(), "15.74".into(), 4, 2),
            ("B xã".into(), "0.00".into(), 5, 3),
        ]
    );
    let dense = RankOptions {
        ties: TiePolicy::Dense,
        ..Default::default()
    };
    let ranks: Vec<u32> = province_table(&cards, p, dense)
        .unwrap()
        .rows
        .iter()
        .map(|r| r.rank)
        .collect();
    assert_eq!(ranks, [1, 2, 2, 3, 4]);
    // Groups in order, with the units per band (best first).
    let g: Vec<(LevelGroup, u32, Vec<u32>)> = t
        .groups
        .iter()
        .map(|g| (g.group, g.units, g.bands.iter().map(|b| b.units).collect()))
        .collect();
    assert_eq!(
        g,
        [
            (LevelGroup::Districts, 2, vec![2, 0, 0, 0, 0]),
            (LevelGroup::Communes, 3, vec![2, 0, 0, 0, 1]),
        ]
    );
    assert_eq!(t.rows[0].scores.len(), 9);
    assert_eq!(t.rows[1].scores[0].map(s).as_deref(), Some("1.91"));
    // A scorecard of another profile cannot join the table.
    let tt01 = score(
        &parse_report(&seed("district").to_string()).unwrap(),
        find("tt01-2018").unwrap(),
    )
    .unwrap();
    let e = province_table(&[cards[0].clone(), tt01], p, RankOptions::default()).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("PROFILE_MISMATCH", "[1].profile")
    );
}

#[test]
fn a_unit_with_a_missing_indicator_ranks_on_the_scaled_total() {
    // Feedback not applicable: 16 of 16 points, scaled to 18; the printed total is 16.
    let mut v = unit("C xã", "commune", 2, (10, 0, 0), [2, 2, 2, 2]);
    v["perUnit"]["feedback"] = json!({ "notApplicable": true });
    let c = card(&v);
    let d = card(&unit("D xã", "commune", 2, (10, 0, 0), [2, 2, 2, 1]));
    let p = find("dien-bien-2019").unwrap();
    let t = province_table(&[d.clone(), c.clone()], p, RankOptions::default()).unwrap();
    assert_eq!(
        (t.rows[0].unit.as_str(), s(t.rows[0].ranked_by)),
        ("C xã", "18".into())
    );
    assert_eq!(
        (t.rows[1].unit.as_str(), s(t.rows[1].ranked_by)),
        ("D xã", "17.00".into())
    );
    let by_total = RankOptions {
        basis: RankBasis::Total,
        ..Default::default()
    };
    let t = province_table(&[d, c], p, by_total).unwrap();
    assert_eq!(t.rows[0].unit, "D xã"); // 17 printed beats 16 printed
}

#[test]
fn pooled_and_mean_give_different_totals() {
    let a = card(&unit("A xã", "commune", 2, (1000, 0, 0), [2, 2, 2, 2]));
    let b = card(&unit("B xã", "commune", 2, (0, 0, 10), [0, 0, 0, 0]));
    let p = find("dien-bien-2019").unwrap();
    let i = Interpretations::default();
    let pooled = consolidate(&[a.clone(), b.clone()], p, &i, RollupMethod::Pooled).unwrap();
    // (1000 × 2) / 1010 for each per-dossier indicator; the levels' mean 1.
    assert_eq!(
        s(pooled.indicators[0].exact.unwrap()),
        "1.980198019801980198019802"
    );
    assert_eq!(s(pooled.indicators[0].value.unwrap()), "1.98");
    assert_eq!(pooled.indicators[0].grades.unwrap().dossiers(), 1010);
    assert_eq!(s(pooled.indicators[5].value.unwrap()), "1.00");
    assert_eq!(s(pooled.total.value), "13.90");
    assert_eq!(pooled.total.rating.as_ref().unwrap().code, "good");
    let mean = consolidate(&[a, b], p, &i, RollupMethod::Mean).unwrap();
    assert_eq!(s(mean.indicators[0].value.unwrap()), "1.00");
    assert_eq!(s(mean.total.value), "9.00");
    assert_eq!(mean.total.rating.as_ref().unwrap().code, "fair");
    assert_eq!(mean.units, ["A xã", "B xã"]);
    assert!(
        mean.note.en.contains("2 units combined"),
        "{}",
        mean.note.en
    );
}

#[test]
fn a_year_with_a_missing_quarter() {
    let q = |quarter, grades, levels| card(&unit("A xã", "commune", quarter, grades, levels));
    let parts = [
        q(4, (1000, 0, 0), [2, 2, 2, 2]),
        q(1, (1000, 0, 0), [2, 2, 2, 2]),
        q(2, (0, 0, 10), [2, 2, 2, 2]),
    ];
    let p = find("dien-bien-2019").unwrap();
    let i = Interpretations::default();
    let mean = consolidate(&parts, p, &i, RollupMethod::Mean).unwrap();
    assert_eq!(
        mean.periods
            .iter()
            .map(|p| p.quarter.unwrap())
            .collect::<Vec<_>>(),
        [1, 2, 4]
    );
    assert_eq!(mean.missing_periods.len(), 1);
    assert_eq!(mean.missing_periods[0].quarter, Some(3));
    // (2 + 0 + 2) / 3 per dossier indicator; levels 2: 5 × 1,333… + 8.
    assert_eq!(s(mean.indicators[0].value.unwrap()), "1.33");
    assert_eq!(s(mean.total.value), "14.67");
    assert!(
        mean.note.vi.contains("không có số liệu: quý 3"),
        "{}",
        mean.note.vi
    );
    let pooled = consolidate(&parts, p, &i, RollupMethod::Pooled).unwrap();
    // 4000 / 2010 per dossier indicator.
    assert_eq!(s(pooled.indicators[0].value.unwrap()), "1.99");
    assert_eq!(s(pooled.total.value), "17.95");
    assert_eq!(pooled.total.rating.as_ref().unwrap().code, "excellent");
    // The same quarter twice, or quarters of two years, are refused.
    let twice = [parts[0].clone(), parts[0].clone()];
    assert_eq!(
        consolidate(&twice, p, &i, RollupMethod::Mean)
            .unwrap_err()
            .0[0]
            .code
            .as_str(),
        "INVALID_VALUE"
    );
}

#[test]
fn a_pooled_rollup_of_one_unit_is_that_unit() {
    let p = find("dien-bien-2019").unwrap();
    for v in [seed("district"), seed("commune")] {
        let c = card(&v);
        let one = consolidate(
            std::slice::from_ref(&c),
            p,
            &Interpretations::default(),
            RollupMethod::Pooled,
        )
        .unwrap();
        assert_eq!(one.total, c.total);
        for (a, b) in one.indicators.iter().zip(&c.indicators) {
            assert_eq!(
                (a.id, a.exact, a.value),
                (b.id, b.counted.or(b.exact), b.rounded)
            );
        }
    }
}

#[test]
fn a_published_table_with_each_kind_of_discrepancy() {
    use tthc_score::province::audit_table;
    let text = include_str!("../../../tests/fixtures/province/published-q2.csv");
    let p = find("dien-bien-2019").unwrap();
    let q2: tthc_score::input::Period = "2021-Q2".parse().unwrap();
    let a = audit_table(text, p, Some(&q2)).unwrap();
    assert_eq!(a.rows, 9);
    assert!(a.grid_checked);
    let got: Vec<(u64, &str, &str)> = a
        .findings
        .iter()
        .map(|f| (f.row, f.unit.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            // 2 + … + 1 = 17, printed 16: off by exactly 1,000.
            (3, "UBND huyện B", "TABLE_TOTAL_MISMATCH"),
            // 14,50 is Tốt, printed Xuất sắc.
            (4, "UBND xã C", "TABLE_RATING_MISMATCH"),
            (5, "UBND xã D", "TABLE_OFF_GRID"),
            (6, "UBND xã E", "TABLE_SCORE_OUT_OF_RANGE"),
            (7, "UBND huyện A", "TABLE_DUPLICATE_UNIT"),
            (8, "UBND xã G", "TABLE_CELL_UNREADABLE"),
            // Online services not applicable: 8 of 16 points, rated on 8 × 18 / 16 = 9 → Khá.
            // K: 18 printed with Tốt.
            (10, "UBND xã K", "TABLE_RATING_MISMATCH"),
        ]
    );
    let b = &a.findings[0].facts;
    assert_eq!(
        (b.printed.map(s), b.recomputed.map(s), b.difference.map(s)),
        (
            Some("16.00".into()),
            Some("17.00".into()),
            Some("-1.00".into())
        )
    );
    let c = &a.findings[1].facts;
    assert_eq!(c.rating_of_printed_total.as_deref(), Some("good"));
    assert_eq!(a.findings[4].facts.first_row, Some(2));
    assert!(
        a.findings[1]
            .message
            .vi
            .contains("Xếp loại in \"Xuất sắc\" không khớp"),
        "{}",
        a.findings[1].message.vi
    );
    assert!(a.has_errors());
    // A yearly table may hold means off the grid.
    let y: tthc_score::input::Period = "2021".parse().unwrap();
    let year = audit_table(text, p, Some(&y)).unwrap();
    assert!(!year
        .findings
        .iter()
        .any(|f| f.code.as_str() == "TABLE_OFF_GRID"));
    // The same table comma-separated, decimals quoted: the same findings.
    let comma: String = text
        .lines()
        .map(|l| {
            l.split(';')
                .map(|c| {
                    if c.contains(',') {
                        format!("\"{c}\"")
                    } else {
                        c.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let b = audit_table(&comma, p, Some(&q2)).unwrap();
    assert_eq!(b.findings, a.findings);
    // A missing column refuses the file.
    let e = audit_table("unit;c1;total\nX;1;1", p, None).unwrap_err();
    assert_eq!(e.code.as_str(), "COLUMN_MISSING");
}

/// The independent check's cases: a total is flagged exactly when no true scores within
/// the rounding of the printed cells add up to it (a year's per-unit means are rounded
/// cells too), a row with a missing or extra cell or without a total is never passed over.
#[test]
fn a_published_total_is_checked_by_what_rounding_allows() {
    use tthc_score::province::audit_table;
    let p = find("dien-bien-2019").unwrap();
    let q2: tthc_score::input::Period = "2021-Q2".parse().unwrap();
    let y: tthc_score::input::Period = "2021".parse().unwrap();
    let head = "unit,c1,c2,c3,c4,c5,c6,c7,c8,c9,total,rating\n";
    // Each finding as "unit: code".
    let codes = |text: &str, period| -> Vec<String> {
        audit_table(&format!("{head}{text}"), p, Some(period))
            .unwrap()
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.unit, f.code.as_str()))
            .collect()
    };
    // One row per printed total, each unit named by its letter and total.
    let totals = |unit: &str, cells: &str, totals: [&str; 4]| -> String {
        totals
            .iter()
            .map(|t| format!("{unit}{t},{cells},{t},Xuất sắc\n"))
            .collect()
    };
    // The seed's scores (Σ 16,73): each averaged cell within ±0,005 and 2,00 at most 2, so
    // the true sum lies in [16,705; 16,745): 16,71 … 16,74 are possible, 16,70 and 16,75
    // are not.
    let seed = totals(
        "S",
        "1.91,1.91,2.00,2.00,1.91,2,2,2,1",
        ["16.70", "16.71", "16.74", "16.75"],
    );
    assert_eq!(
        codes(&seed, &q2),
        [
            "S16.70: TABLE_TOTAL_MISMATCH",
            "S16.75: TABLE_TOTAL_MISMATCH"
        ]
    );
    // 2,00 cannot round up: five of them and 7 make 16,98 … 17,00, not 17,01.
    let full = totals(
        "F",
        "2.00,2.00,2.00,2.00,2.00,2,2,2,1",
        ["16.97", "16.98", "17.00", "17.01"],
    );
    assert_eq!(
        codes(&full, &q2),
        [
            "F16.97: TABLE_TOTAL_MISMATCH",
            "F17.01: TABLE_TOTAL_MISMATCH"
        ]
    );
    // A year's means of the per-unit levels (2, 2, 1 → 1,67): 3 × 5/3 + 2 = 7,00.
    // Rated on total × 18 / 8: 15,75 and 11,99.
    let year = ",,,,,,1.67,1.67,1.67,2,7.00,Xuất sắc\nZ,,,,,,1.33,1.33,1.33,1.33,5.33,Khá\n";
    assert!(codes(&format!("Y{year}"), &y).is_empty());
    // Broken rows: a missing cell, an extra one, an open quote; an empty total is a finding
    // and the rating is still checked against the scores (9,00 is Khá, not Yếu).
    let broken = "A,2.00,2.00\nB,2.00,2.00,2.00,2.00,2.00,2,2,2,2,18.00,Xuất sắc,x\n\
                  C,1.00,1.00,1.00,1.00,1.00,1,1,1,1,,Yếu\nD,\"2,1\n";
    assert_eq!(
        codes(broken, &q2),
        [
            "A: TABLE_ROW_MALFORMED",
            "B: TABLE_ROW_MALFORMED",
            "C: TABLE_CELL_UNREADABLE",
            "C: TABLE_RATING_MISMATCH",
            "D: TABLE_ROW_MALFORMED",
        ]
    );
    // The rating, too, by what the cells allow: 4/3 × 3 + 2 + 2 + 7 is exactly 15, though
    // the printed cells add up to 14,99 (the review's case), with or without a total.
    let thirds = "1.33,1.33,1.33,2.00,2.00,2,2,2,1";
    let rows = format!("T,{thirds},15.00,Xuất sắc\nU,{thirds},,Xuất sắc\nV,{thirds},,Khá\n");
    assert_eq!(
        codes(&rows, &q2),
        [
            "U: TABLE_CELL_UNREADABLE",
            "V: TABLE_CELL_UNREADABLE",
            "V: TABLE_RATING_MISMATCH",
        ]
    );
    // Figures of 28 digits are out of range, and no sum of them is attempted.
    let huge = "79228162514264337593543950335";
    let rows = format!("H,{huge},{huge},,,,,,,,1,Yếu\nK,1,,,,,,,,,{huge},Yếu\n");
    assert_eq!(codes(&rows, &q2).len(), 3);
}

/// A province table is of one period: a unit of another is its own error (the first unit
/// that scores sets the period), and the others rank.
#[test]
fn a_batch_ranks_one_period() {
    use tthc_score::province::{batch, UnitResult};
    let reports = [
        unit("A", "commune", 2, (10, 0, 0), [2, 2, 2, 2]),
        unit("B", "commune", 1, (10, 0, 0), [2, 2, 2, 2]),
        unit("C", "commune", 2, (5, 5, 0), [2, 2, 2, 2]),
    ]
    .map(|v| parse_report(&v.to_string()));
    let p = find("dien-bien-2019").unwrap();
    let b = batch(
        reports,
        p,
        &Interpretations::default(),
        RankOptions::default(),
        false,
    );
    assert!(matches!(b.results[0], UnitResult::Row(_)));
    let UnitResult::Errors(e) = &b.results[1] else {
        panic!("{:?}", b.results[1])
    };
    assert_eq!(
        (e[0].code.as_str(), e[0].path.as_str()),
        ("INVALID_VALUE", "period")
    );
    assert!(
        e[0].message
            .en
            .contains("2021-Q1 is not the table's (2021-Q2)"),
        "{}",
        e[0].message.en
    );
    assert_eq!(b.table.rows.len(), 2);
    // A unit refused for its profile does not set the period (the review's case): a
    // profile object taking a built-in id, in Q1, then a unit of Q2.
    use tthc_score::parse_batch_item;
    use tthc_score::province::batch_items;
    let fixture: Value = serde_json::from_str(include_str!(
        "../../../tests/fixtures/province/batch-own-profiles.json"
    ))
    .unwrap();
    let impostor = fixture["input"][3]["profile"].clone();
    assert_eq!(impostor["id"], "dien-bien-2019");
    let q1 = unit("Q", "commune", 1, (10, 0, 0), [2, 2, 2, 2]);
    let items = [
        parse_batch_item(&json!({ "report": q1, "profile": impostor }).to_string()),
        parse_batch_item(&unit("R", "commune", 2, (10, 0, 0), [2, 2, 2, 2]).to_string()),
    ];
    let p = find("dien-bien-2019").unwrap();
    let b = batch_items(&items, p, Default::default(), RankOptions::default(), false);
    let UnitResult::Errors(e) = &b.results[0] else {
        panic!("{:?}", b.results[0])
    };
    assert_eq!(e[0].code.as_str(), "PROFILE_MISMATCH");
    assert!(
        matches!(b.results[1], UnitResult::Row(0)),
        "{:?}",
        b.results[1]
    );
    let p: tthc_score::input::Period = "2021-06".parse().unwrap();
    assert_eq!(p.to_string(), "2021-06");
    for text in ["2021-Q2", "2021"] {
        assert_eq!(
            text.parse::<tthc_score::input::Period>()
                .unwrap()
                .to_string(),
            text
        );
    }
}

/// Options take a province's own profile as an object wherever they take a profile id
/// (the JavaScript API's `{ profile: {...} }`); it is checked as it is read, and its
/// problems are placed under `profile`.
#[test]
fn options_take_a_profile_object() {
    let example: Value = serde_json::from_str(include_str!(
        "../../../examples/profile-province-example.json"
    ))
    .unwrap();
    let text = seed("district").to_string();
    let options: tthc_score::Options =
        tthc_score::parse_json(&json!({ "profile": example }).to_string()).unwrap();
    let card = match tthc_score::evaluate_json(&text, &options) {
        tthc_score::Outcome::Scorecard(c) => c,
        tthc_score::Outcome::Errors(e) => panic!("{e:?}"),
    };
    assert_eq!(card.profile, "example-province-2020");
    assert_eq!(s(card.total.value), "16.73");
    // The same with the id of a built-in profile, and with none (the default).
    for (o, total) in [
        (json!({ "profile": "tt01-2018" }), "16.7"),
        (json!({}), "16.74"),
    ] {
        let options: tthc_score::Options = tthc_score::parse_json(&o.to_string()).unwrap();
        match tthc_score::evaluate_json(&text, &options) {
            tthc_score::Outcome::Scorecard(c) => assert_eq!(s(c.total.value), total, "{o}"),
            tthc_score::Outcome::Errors(e) => panic!("{e:?}"),
        }
    }
    // A profile object that fails its check: the problem names the field under `profile`.
    let mut bad = example.clone();
    bad["order"][1] = bad["order"][0].clone();
    let e = tthc_score::parse_json::<tthc_score::Options>(&json!({ "profile": bad }).to_string())
        .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.path.as_str()),
        ("INVALID_VALUE", "profile.order")
    );
    let mut bad = example.clone();
    bad["unitBands"][0]["min"] = json!("abc");
    let e = tthc_score::parse_json::<tthc_score::Options>(&json!({ "profile": bad }).to_string())
        .unwrap_err();
    assert_eq!(e.path, "profile.unitBands[0].min", "{e:?}");
    let e = tthc_score::parse_json::<tthc_score::Options>(r#"{"profile": 5}"#).unwrap_err();
    assert_eq!(e.path, "profile", "{e:?}");
    assert_eq!(e.code.as_str(), "WRONG_TYPE", "{e:?}");
    // An unknown id is refused when the options are resolved.
    let options: tthc_score::Options = tthc_score::parse_json(r#"{"profile": "nowhere"}"#).unwrap();
    assert_eq!(
        options.resolve().unwrap_err().code.as_str(),
        "UNKNOWN_PROFILE"
    );
}

/// A batch of units each under its own profile: every unit's row is its own scorecard
/// under its profile (the figures, the rating), the scores moved into the table's order
/// by indicator; the same report under the batch's profile keeps its own figures.
#[test]
fn units_with_their_own_profiles_rank_by_their_own_scorecards() {
    use tthc_score::batch_json;
    use tthc_score::province::{BatchOptions, UnitResult};
    let district = seed("district");
    let commune = seed("commune");
    let mut tt01 = district.clone();
    tt01["unit"]["name"] = json!("Huyện theo TT01");
    let items = json!([
        district,
        { "report": tt01, "profile": "tt01-2018" },
        { "report": commune, "profile": "dien-bien-2019" },
    ]);
    let b = batch_json(&items.to_string(), &BatchOptions::default()).unwrap();
    let own = |v: &Value, id: &str| {
        score(&parse_report(&v.to_string()).unwrap(), find(id).unwrap()).unwrap()
    };
    let cards = [
        own(&seed("district"), "dien-bien-2019"),
        own(&items[1]["report"], "tt01-2018"),
        own(&seed("commune"), "dien-bien-2019"),
    ];
    let table_order = find("dien-bien-2019").unwrap().order;
    assert_ne!(table_order, find("tt01-2018").unwrap().order);
    for (k, (res, c)) in b.results.iter().zip(&cards).enumerate() {
        let UnitResult::Scorecard(got) = res else {
            panic!("unit {k} did not score: {res:?}")
        };
        assert_eq!(**got, *c, "unit {k}");
        let row = b.table.rows.iter().find(|r| r.unit == c.unit.name).unwrap();
        assert_eq!((row.total, &row.rating), (c.total.value, &c.total.rating));
        let by_id: Vec<_> = table_order
            .iter()
            .map(|id| c.indicators.iter().find(|s| s.id == *id).unwrap().rounded)
            .collect();
        assert_eq!(row.scores, by_id, "unit {k}");
        let named = (k == 1).then(|| "tt01-2018".into());
        assert_eq!(row.profile, named, "unit {k}");
    }
    // TT01 rounds each indicator first: the seed district is 16.7 there, 16.74 here.
    assert_eq!(s(cards[0].total.value), "16.74");
    assert_eq!(s(cards[1].total.value), "16.7");
    let ranked: Vec<_> = b
        .table
        .rows
        .iter()
        .map(|r| (r.unit.as_str(), r.rank))
        .collect();
    assert_eq!(ranked[0].1, 1);
    assert_eq!(b.table.profile, "dien-bien-2019");
}

/// A unit with its own profile that cannot be read: its problems carry the wrapper's
/// paths (`report.…`, `profile.…`), named as a bare report's are; an unknown key of the
/// wrapper is refused; the other units still score, a wrapped one without a profile under
/// the batch's.
#[test]
fn a_unit_with_its_own_profile_reports_its_problems_on_its_paths() {
    use tthc_score::batch_json;
    use tthc_score::province::{BatchOptions, UnitResult};
    let mut bad = seed("district");
    bad["dossiers"]["received"]["direct"] = json!(-1);
    let mut band = serde_json::from_str::<Value>(include_str!(
        "../../../examples/profile-province-example.json"
    ))
    .unwrap();
    band["unitBands"][0]["min"] = json!("x");
    let items = json!([
        { "report": bad, "profile": "tt01-2018" },
        { "report": seed("district"), "profile": band },
        { "report": seed("district"), "profile": "tt01-2018", "note": 1 },
        { "report": seed("district") },
        seed("commune"),
    ]);
    let b = batch_json(&items.to_string(), &BatchOptions::default()).unwrap();
    let problems: Vec<_> = b
        .results
        .iter()
        .map(|r| match r {
            UnitResult::Errors(e) => e
                .iter()
                .map(|p| (p.code.to_string(), p.path.clone(), p.message.en.clone()))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let (code, path, en) = &problems[0][0];
    assert_eq!(
        (code.as_str(), path.as_str()),
        ("COUNT_NEGATIVE", "report.dossiers.received.direct")
    );
    assert!(
        en.starts_with("Dossiers received in person or by post: "),
        "{en}"
    );
    assert_eq!(problems[1][0].1, "profile.unitBands[0].min");
    assert_eq!(
        (problems[2][0].0.as_str(), problems[2][0].1.as_str()),
        ("UNKNOWN_FIELD", "note")
    );
    // Without a profile, a wrapped report is under the batch's, as a bare one.
    assert!(problems[3].is_empty() && problems[4].is_empty());
    assert_eq!(b.table.rows.len(), 2);
    assert!(b.table.rows.iter().all(|r| r.profile.is_none()));
}

/// Found by review: a profile object that takes a built-in id is refused whatever the
/// order (the genuine built-in never is); a unit that fails to score claims no id; an
/// item that is an array, or a wrapper without a report, is told so.
#[test]
fn ids_items_and_bands_of_a_batch_with_own_profiles() {
    use tthc_score::batch_json;
    use tthc_score::province::{BatchOptions, UnitResult};
    let example: Value = serde_json::from_str(include_str!(
        "../../../examples/profile-province-example.json"
    ))
    .unwrap();
    let mut impostor = example.clone();
    impostor["id"] = json!("tt01-2018");
    let district = seed("district");
    let codes = |items: Value| -> Vec<String> {
        let b = batch_json(&items.to_string(), &BatchOptions::default()).unwrap();
        b.results
            .iter()
            .map(|r| match r {
                UnitResult::Errors(e) => format!("{} {}", e[0].code, e[0].path),
                _ => "ok".into(),
            })
            .collect()
    };
    let genuine = json!({ "report": district, "profile": "tt01-2018" });
    let fake = json!({ "report": district, "profile": impostor });
    assert_eq!(
        codes(json!([genuine, fake])),
        ["ok", "PROFILE_MISMATCH profile"]
    );
    assert_eq!(
        codes(json!([fake, genuine])),
        ["PROFILE_MISMATCH profile", "ok"]
    );
    // A unit whose report fails claims nothing: the next one's profile of that id scores.
    let mut bad = district.clone();
    bad["dossiers"]["received"]["direct"] = json!(-1);
    let mut other = example.clone();
    other["unitBands"][0]["min"] = json!("17");
    assert_eq!(
        codes(
            json!([{ "report": bad, "profile": example }, { "report": district, "profile": other }])
        ),
        ["COUNT_NEGATIVE report.dossiers.received.direct", "ok"]
    );
    assert_eq!(
        codes(json!([[district], { "profile": "tt01-2018" }, { "report": null }])),
        ["WRONG_TYPE ", "MISSING_FIELD report", "WRONG_TYPE report"]
    );

    // Another profile's "good" with its own label is a band of its own; the table's own
    // "good" counts only the units rated so by it (the commune is 15,74 there: "good").
    let mut very_good = example.clone();
    very_good["unitBands"][1]["label"] = json!({ "vi": "Khá tốt", "en": "Fairly good" });
    let items = json!([district, { "report": seed("commune"), "profile": very_good }]);
    let b = batch_json(&items.to_string(), &BatchOptions::default()).unwrap();
    let all: Vec<(String, String, u32)> = b
        .table
        .groups
        .iter()
        .flat_map(|g| {
            g.bands
                .iter()
                .map(|x| (x.code.to_string(), x.label.en.to_string(), x.units))
        })
        .filter(|x| x.2 > 0)
        .collect();
    assert_eq!(
        all,
        [
            ("excellent".into(), "Excellent".into(), 1),
            ("good".into(), "Fairly good".into(), 1)
        ]
    );
}

/// Found by review: a rendered table printed a unit under another profile with the table
/// profile's decimals (16.74 as 16.7 in a TT01 table); each row keeps its own.
#[test]
fn a_rendered_table_prints_each_unit_as_its_profile_rounded_it() {
    use tthc_score::province::{batch_items, RankOptions};
    use tthc_score::render::province_sheet;
    use tthc_score::{parse_batch_item, Lang};
    let item = json!({ "report": seed("district"), "profile": "dien-bien-2019" });
    let units = [
        parse_batch_item(&seed("commune").to_string()),
        parse_batch_item(&item.to_string()),
    ];
    let tt01 = find("tt01-2018").unwrap();
    let b = batch_items(
        &units,
        tt01,
        Default::default(),
        RankOptions::default(),
        false,
    );
    let sheet = province_sheet(&b.table, tt01, None, Lang::En);
    let text: Vec<Vec<&str>> = sheet
        .rows
        .iter()
        .map(|r| r.iter().map(|c| c.text.as_str()).collect())
        .collect();
    // Rank, unit, group, rank in group, C1…C9, total, maximum, rating, profile.
    assert_eq!(text[0][4], "1.91");
    assert_eq!(text[0][13], "16.74");
    assert_eq!(text[0][16], "dien-bien-2019");
    assert_eq!(text[1][4], "1.2");
    assert_eq!(text[1][13], "15.6");
    assert_eq!(text[1][16], "tt01-2018");
}

/// A profile of the wrong type is told what a profile is, in both languages (the
/// Vietnamese used to ask for "an object" only).
#[test]
fn a_profile_of_the_wrong_type_is_told_an_id_or_an_object() {
    use tthc_score::batch_json;
    use tthc_score::province::{BatchOptions, UnitResult};
    let items = json!([{ "report": seed("district"), "profile": 5 }]);
    let b = batch_json(&items.to_string(), &BatchOptions::default()).unwrap();
    let UnitResult::Errors(e) = &b.results[0] else {
        panic!("{:?}", b.results[0])
    };
    assert_eq!(
        (e[0].code.to_string().as_str(), e[0].path.as_str()),
        ("WRONG_TYPE", "profile")
    );
    assert!(
        e[0].message.vi.contains("mã của một bộ quy tắc có sẵn"),
        "{}",
        e[0].message.vi
    );
    assert!(
        e[0].message.en.contains("a profile id or a profile object"),
        "{}",
        e[0].message.en
    );
}
