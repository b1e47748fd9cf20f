//! Regression tests for the defects an independent review found (issue #8), each as the
//! reviewer reproduced it.

use serde_json::{json, Value};
use tthc_score::{
    evaluate_json, parse_report, profile, render, score_report, Code, FindingCode, Format,
    IndicatorId, InterpretationOverrides, Lang, Options, Outcome, Problem, Scorecard,
};

mod common;
use common::seed;

fn options(profile: &str, set: &[(&str, &str)]) -> Options {
    let mut o = InterpretationOverrides::default();
    for (k, v) in set {
        o.set(k, v).unwrap();
    }
    Options {
        profile: Some(profile.into()),
        interpretations: Some(o),
    }
}

fn card_of(text: &str, o: &Options) -> Scorecard {
    match evaluate_json(text, o) {
        Outcome::Scorecard(c) => *c,
        Outcome::Errors(e) => panic!("expected a scorecard, got {e:?}"),
    }
}

fn card(v: &Value, o: &Options) -> Scorecard {
    card_of(&v.to_string(), o)
}

fn errors_of(text: &str) -> Vec<Problem> {
    match evaluate_json(text, &Options::default()) {
        Outcome::Errors(e) => e,
        Outcome::Scorecard(c) => panic!("expected errors, got {}", c.total.value),
    }
}

fn codes(c: &Scorecard) -> Vec<&'static str> {
    c.findings.iter().map(|f| f.code.as_str()).collect()
}

fn levels(c: &Scorecard, id: IndicatorId) -> Vec<u8> {
    let s = c.indicator(id).unwrap();
    s.possible_levels
        .unwrap()
        .iter()
        .map(|l| l.points())
        .collect()
}

/// Defect 1: A prolonged item implies feedback was received: level 0, counted, not undetermined.
#[test]
fn feedback_with_partial_facts() {
    let mut v = seed();
    v["perUnit"]["feedback"] = json!({"facts": {"prolonged": 1}});
    let c = card(&v, &Options::default());
    let fb = c.indicator(IndicatorId::Feedback).unwrap();
    assert_eq!(
        (fb.applicable, fb.level.map(|l| l.points())),
        (true, Some(0))
    );
    assert!(
        !codes(&c).contains(&"LEVEL_UNDETERMINED"),
        "{:?}",
        codes(&c)
    );
    // 16,74 − 2 (feedback now 0 instead of 2): rated on the full 18, not a reduced maximum.
    assert_eq!(c.total.display().vi, "14,74");
    assert_eq!(c.total.maximum_display().vi, "18,0");

    v["perUnit"]["feedback"] = json!({"level": 2, "facts": {"prolonged": 1}});
    let c = card(&v, &Options::default());
    assert!(codes(&c).contains(&"DECLARED_LEVEL_CONTRADICTED"));
    v["perUnit"]["feedback"] = json!({"level": 2, "facts": {"handledOnTime": 3, "prolonged": 0}});
    assert_eq!(
        levels(&card(&v, &Options::default()), IndicatorId::Feedback),
        [0, 2]
    );
}

/// Defect 2: Possible levels are a set: "0 or 2" rules out a declared 1.
#[test]
fn impossible_middle_levels() {
    let mut v = seed();
    v["perUnit"]["oneStop"] = json!({"level": 1, "facts": {"receivedAtDeskPercent": 95}});
    let c = card(&v, &options("tt01-2018", &[]));
    assert_eq!(levels(&c, IndicatorId::OneStop), [0, 2]);
    let f = c
        .findings
        .iter()
        .find(|f| f.code == FindingCode::DeclaredLevelContradicted)
        .expect("the declared 1 is contradicted");
    assert_eq!(f.path, "perUnit.oneStop.level");
    assert!(
        f.message().vi.contains("mức 0 hoặc 2"),
        "{}",
        f.message().vi
    );

    // 35 % online, no facts, declared 1, with the literal reading of the 1-point band.
    let mut v = seed();
    v["dossiers"]["received"] = json!({"online": 35, "direct": 65, "carriedOver": 0});
    v["dossiers"]["resolved"] = json!({"early": 85, "onTime": 0, "late": 0});
    v["dossiers"]["pending"] = json!({"withinDeadline": 15, "overdue": 0});
    v["perDossier"] = json!({
        "agencyTime": {"two": 85, "one": 0, "zero": 0}, "contacts": {"two": 85, "one": 0, "zero": 0},
        "agencies": {"two": 85, "one": 0, "zero": 0}, "attitude": {"two": 85, "one": 0, "zero": 0}});
    v.as_object_mut().unwrap().remove("declared");
    let c = card(
        &v,
        &options(
            "dien-bien-2019",
            &[("onlineHighShareLowDeployment", "levelZero")],
        ),
    );
    assert_eq!(levels(&c, IndicatorId::OnlineServices), [0, 2]);
    assert!(codes(&c).contains(&"DECLARED_LEVEL_CONTRADICTED"));
    let c = card(&v, &Options::default());
    assert_eq!(levels(&c, IndicatorId::OnlineServices), [0, 1, 2]);
    assert!(!codes(&c).contains(&"DECLARED_LEVEL_CONTRADICTED"));
}

const HOSTILE: [&str; 9] = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "A & B",
    "a | b | c",
    "`code`",
    "line\n# injected heading",
    "=cmd|' /C calc'!A0",
    "+1 -1",
    "@SUM(A1:A9)",
];

fn hostile_report(name: &str) -> Value {
    let mut v = seed();
    v["unit"]["name"] = json!(name);
    v["unit"]["organization"] = json!(name);
    let g = json!({"two": 1, "one": 0, "zero": 0});
    v["officials"] = json!([{ "name": name, "totalTime": g, "agencyTime": g, "contacts": g, "agencies": g, "attitude": g }]);
    v
}

/// Defect 3: Every user text is escaped in every format.
#[test]
fn hostile_names_in_every_format() {
    let p = profile::find("dien-bien-2019").unwrap();
    for name in HOSTILE {
        let r = parse_report(&hostile_report(name).to_string()).unwrap();
        let c = score_report(&r, &Options::default()).unwrap();
        for lang in [Lang::Vi, Lang::En] {
            let md = render(&c, p, Format::Markdown, lang).unwrap();
            let html = render(&c, p, Format::Html, lang).unwrap();
            let text = render(&c, p, Format::Table, lang).unwrap();
            let csv = render(&c, p, Format::Csv, lang).unwrap();
            assert!(
                !html.contains("<script") && !html.contains("<img"),
                "{name}: {html}"
            );
            // In Markdown every `<` of a name is backslash-escaped (no raw HTML).
            let raw_lt = md.match_indices('<').any(|(i, _)| !md[..i].ends_with('\\'));
            assert!(!raw_lt, "{name}: {md}");
            assert!(
                !md.contains("\n#") && !md.contains("\n# "),
                "{name}: a heading was injected"
            );
            assert!(
                !text.contains("\n# injected"),
                "{name}: a line was injected"
            );
            assert!(!md.contains(" & B") && !html.contains(" & B"), "{name}");
            // Every Markdown table row keeps its six cells.
            for line in md.lines().filter(|l| l.starts_with("| ")) {
                assert_eq!(
                    line.matches(" | ").count() - line.matches("\\| ").count(),
                    5,
                    "{line}"
                );
            }
            // No CSV cell starts with a formula character.
            for cell in csv
                .split([',', '\n'])
                .map(|c| c.trim_start_matches('"').trim())
            {
                assert!(
                    !cell.starts_with(['=', '+', '@']),
                    "{name}: CSV cell {cell:?}"
                );
                assert!(
                    !cell.starts_with('-') || cell.starts_with("--"),
                    "{name}: CSV cell {cell:?}"
                );
            }
        }
    }
}

/// Defect 4: The CSV carries the table's identity like the other formats.
#[test]
fn csv_identifies_the_sheet() {
    let v = seed();
    let r = parse_report(&v.to_string()).unwrap();
    let c = score_report(&r, &Options::default()).unwrap();
    let csv = render(
        &c,
        profile::find("dien-bien-2019").unwrap(),
        Format::Csv,
        Lang::Vi,
    )
    .unwrap();
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[0], "ĐÁNH GIÁ VIỆC GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH");
    assert_eq!(lines[1], "\"CỦA UBND HUYỆN ĐIỆN BIÊN, TỈNH ĐIỆN BIÊN\"");
    assert_eq!(lines[2], "Kỳ đánh giá,\"Quý II, Năm 2021\"");
    assert_eq!(lines[3], "Đơn vị,UBND CẤP HUYỆN");
    assert_eq!(lines[4], "Tổng số hồ sơ đã tiếp nhận trong kỳ,1.147");
    assert_eq!(lines[5], "Tổng hồ sơ đã giải quyết trong kỳ,1.132");
    assert!(csv.contains("\r\n,TỔNG ĐIỂM,\"18,0\",,\"16,74\",\r\n"));
    assert!(csv.contains("\r\nXếp loại,\"Xuất sắc (16,74/18,0 điểm)\"\r\n"));
    assert!(csv.contains(
        "\r\n\"Đánh giá công chức, viên chức\",\"9,74/10 điểm – Hoàn thành 100% nhiệm vụ\"\r\n"
    ));
}

fn one_stop_text(percent: &str) -> String {
    let mut v = seed();
    v["unit"]["level"] = json!("province");
    v["perUnit"]["oneStop"] =
        json!({"facts": {"receivedAtDeskPercent": 100, "approvedAtDeskPercent": "PCT"}});
    v.to_string().replace("\"PCT\"", percent)
}

/// Defect 5: Percentages are exact decimals from their text, never binary floats.
#[test]
fn percentages_are_read_exactly() {
    let tt01 = options("tt01-2018", &[]);
    for text in ["19.999999999999999", "\"19.999999999999999\""] {
        let c = card_of(&one_stop_text(text), &tt01);
        let l = c.indicator(IndicatorId::OneStop).unwrap().level.unwrap();
        assert_eq!(l.points(), 1, "{text} is below 20 %");
    }
    assert_eq!(
        card_of(&one_stop_text("20.000000000000000000"), &tt01)
            .indicator(IndicatorId::OneStop)
            .unwrap()
            .level
            .unwrap()
            .points(),
        2
    );
    let mut v = seed();
    v["perUnit"]["oneStop"] = json!({"facts": {"receivedAtDeskPercent": "X"}});
    let text = v.to_string().replace("\"X\"", "99.99999999999999999");
    let c = card_of(&text, &Options::default());
    assert_eq!(
        c.indicator(IndicatorId::OneStop)
            .unwrap()
            .level
            .unwrap()
            .points(),
        1
    );
}

fn count_text(n: &str) -> String {
    let mut v = seed();
    v["dossiers"]["pending"]["withinDeadline"] = json!("N");
    v.to_string().replace("\"N\"", n)
}

/// Defect 6: Whether a count is whole is decided from its text; the echo is the text.
#[test]
fn counts_near_2_pow_53() {
    for (n, code) in [
        ("4503599627370495.5", Code::CountFractional),
        ("9007199254740991.5", Code::CountFractional),
        ("1125899906842623.5", Code::CountFractional),
        ("9007199254740992", Code::CountTooLarge),
        ("1e400", Code::CountTooLarge),
        ("-0.5", Code::CountNegative),
    ] {
        let e = errors_of(&count_text(n));
        assert_eq!(
            (e[0].code, e[0].path.as_str()),
            (code, "dossiers.pending.withinDeadline"),
            "{n}"
        );
        let echo = n.replace("e4", "e+4");
        assert!(e[0].message.en.ends_with(&echo), "{n}: {}", e[0].message.en);
    }
    // Whole values written as decimals or exponents are whole.
    for n in ["15", "15.0", "1.5e1", "150e-1"] {
        let c = card_of(&count_text(n), &Options::default());
        assert_eq!(c.dossiers.pending_within_deadline, 15, "{n}");
    }
}

/// Defect 7: One policy for every whole-number field: a JSON number with a whole value.
#[test]
fn one_policy_for_whole_numbers() {
    let level_text = |l: &str| {
        let mut v = seed();
        v["perUnit"]["publicity"] = json!({"level": "L"});
        v.to_string().replace("\"L\"", l)
    };
    for ok in ["2", "2.0", "2e0", "-0"] {
        let c = card_of(&level_text(ok), &Options::default());
        let want = if ok == "-0" { 0 } else { 2 };
        assert_eq!(
            c.indicator(IndicatorId::Publicity)
                .unwrap()
                .level
                .unwrap()
                .points(),
            want
        );
    }
    for (bad, words) in [
        ("\"2\"", "not the string \"2\""),
        ("\"2.0\"", "not the string"),
        ("\"-0\"", "not the string"),
        ("\"abc\"", "not the string \"abc\""),
        ("1.5", "must be 0, 1 or 2, got 1.5"),
        ("3", "must be 0, 1 or 2, got 3"),
    ] {
        let e = errors_of(&level_text(bad));
        assert_eq!(
            (e[0].code, e[0].path.as_str()),
            (Code::LevelOutOfRange, "perUnit.publicity.level"),
            "{bad}"
        );
        // The field by its name, then what a level must be.
        assert!(
            e[0].message
                .en
                .starts_with("Level the unit declares (publicity of procedures): level "),
            "{bad}: {}",
            e[0].message.en
        );
        assert!(
            e[0].message.en.contains(words),
            "{bad}: {}",
            e[0].message.en
        );
    }
    let e = errors_of(&count_text("\"2\""));
    assert_eq!(e[0].code, Code::CountNotANumber);
    assert!(
        e[0].message.en.contains(": count must be a number"),
        "{}",
        e[0].message.en
    );
    let mut v = seed();
    v["period"]["quarter"] = json!(2.0);
    assert_eq!(card(&v, &Options::default()).period.quarter, Some(2));
    v["period"]["quarter"] = json!("2");
    let e = errors_of(&v.to_string());
    assert_eq!(
        (e[0].code, e[0].path.as_str()),
        (Code::PeriodInvalid, "period.quarter")
    );
    assert!(
        e[0].message
            .en
            .starts_with("Quarter of the period: quarter must be a number"),
        "{}",
        e[0].message.en
    );
}

/// Defect 8: The officials' bands follow `ratingBasis` like the unit's rating.
#[test]
fn officials_bands_follow_the_rating_basis() {
    let mut v = seed();
    let g = |two, one, zero| json!({"two": two, "one": one, "zero": zero});
    v["officials"] = json!([{ "name": "A", "totalTime": g(200, 0, 0), "agencyTime": g(200, 0, 0),
        "contacts": g(0, 199, 1), "agencies": g(0, 0, 200), "attitude": g(0, 0, 200) }]);
    let reported = card(&v, &Options::default());
    let o = &reported.officials.individuals[0];
    assert_eq!(
        (
            o.exact.unwrap().to_string().as_str(),
            o.display().vi.as_ref()
        ),
        ("4.995", "5,00")
    );
    assert_eq!(o.band.as_ref().unwrap().code, "completed100");
    let exact = card(
        &v,
        &options("dien-bien-2019", &[("ratingBasis", "exactTotal")]),
    );
    assert_eq!(
        exact.officials.individuals[0].band.as_ref().unwrap().code,
        "completed70"
    );
}

/// Defect 9: Messages: no "N/A/10 points"; the attitude finding names the comparison that
/// fails; the TT01 one-stop row uses TT01's words.
#[test]
fn messages() {
    let mut v = seed();
    v["dossiers"]["resolved"] = json!({"early": 0, "onTime": 0, "late": 0});
    v["dossiers"]["pending"] = json!({"withinDeadline": 1147, "overdue": 0});
    let z = json!({"two": 0, "one": 0, "zero": 0});
    v["perDossier"] =
        json!({"totalTime": z, "agencyTime": z, "contacts": z, "agencies": z, "attitude": z});
    v.as_object_mut().unwrap().remove("declared");
    let c = card(&v, &Options::default());
    let p = profile::find("dien-bien-2019").unwrap();
    let vi = render(&c, p, Format::Table, Lang::Vi).unwrap();
    let en = render(&c, p, Format::Table, Lang::En).unwrap();
    assert!(
        vi.contains(
            "Đánh giá công chức, viên chức: Không áp dụng (không có hồ sơ đã giải quyết)\n"
        ),
        "{vi}"
    );
    assert!(
        en.contains("Officials' evaluation: N/A (no dossier resolved)\n"),
        "{en}"
    );
    assert!(!vi.contains("/10 điểm") && !en.contains("N/A/10"));

    let mut v = seed();
    v["dossiers"]["resolved"] = json!({"early": 60, "onTime": 30, "late": 10});
    v["dossiers"]["received"] = json!({"online": 0, "direct": 115, "carriedOver": 0});
    let g = |two, one, zero| json!({"two": two, "one": one, "zero": zero});
    v["perDossier"] = json!({"agencyTime": g(60, 30, 10), "contacts": g(100, 0, 0),
        "agencies": g(100, 0, 0), "attitude": g(50, 45, 5)});
    v.as_object_mut().unwrap().remove("declared");
    let c = card(&v, &Options::default());
    let f = c
        .findings
        .iter()
        .find(|f| f.code == FindingCode::AttitudeExceedsTimeliness)
        .unwrap();
    let m = f.message();
    assert_eq!(m.en, "50 + 45 = 95 dossiers at 2 or 1 points on attitude, more than the total-time indicator's dossiers at 2 or 1 points, early or on time (90)");
    assert!(
        !m.vi.contains("ở chỉ số tổng thời gian giải quyết (60)"),
        "{}",
        m.vi
    );

    let r = parse_report(&seed().to_string()).unwrap();
    let c = score_report(&r, &options("tt01-2018", &[])).unwrap();
    let t = render(
        &c,
        profile::find("tt01-2018").unwrap(),
        Format::Table,
        Lang::Vi,
    )
    .unwrap();
    assert!(t.contains("\tTổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Một cửa\t"));
    let c = score_report(&r, &Options::default()).unwrap();
    let t = render(
        &c,
        profile::find("dien-bien-2019").unwrap(),
        Format::Table,
        Lang::Vi,
    )
    .unwrap();
    assert!(t.contains(
        "\tTổ chức tiếp nhận hồ sơ, giải quyết, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả\t"
    ));
}

/// Defect 10: A byte-order mark is accepted; profiles round to at most 8 decimals.
#[test]
fn minor() {
    let text = format!("\u{feff}{}", seed());
    assert_eq!(
        card_of(&text, &Options::default()).total.display().vi,
        "16,74"
    );
    let e = errors_of("\u{feff}{\"period\": 1}");
    assert_eq!(e[0].path, "period");
    let mut p = profile::find("dien-bien-2019")
        .unwrap()
        .clone()
        .into_inner();
    p.rounding.indicator_decimals = 9;
    assert_eq!(
        p.clone().check().unwrap_err().path,
        "profile.rounding.indicatorDecimals"
    );
    p.rounding.indicator_decimals = 8;
    assert!(p.check().is_ok());
}

/// Contradicted levels that cancel out (+1, +1, −2) leave the total as it is: the message
/// says so, not "12.50 instead of 12.50" (found by an independent check of `audit`).
#[test]
fn contradicted_levels_that_cancel_out_say_the_total_stands() {
    let mut v = seed();
    v["dossiers"]["received"] = json!({"online": 4, "direct": 17, "carriedOver": 11});
    v["dossiers"]["resolved"] = json!({"early": 1, "onTime": 3, "late": 0});
    v["dossiers"]["pending"] = json!({"withinDeadline": 23, "overdue": 5});
    v["perDossier"] = json!({
        "agencyTime": {"two": 4, "one": 0, "zero": 0}, "contacts": {"two": 1, "one": 2, "zero": 1},
        "agencies": {"two": 2, "one": 1, "zero": 1}, "attitude": {"two": 0, "one": 4, "zero": 0}});
    v["perUnit"] = json!({
        "oneStop": {"level": 1, "facts": {"receivedAtDeskPercent": "100", "approvedAtDeskPercent": 99}},
        "publicity": {"level": 1, "facts": {"posted": true, "electronic": true}},
        "feedback": {"facts": {"received": 182, "handledOnTime": 182, "prolonged": 0}},
        "onlineServices": {"level": 2}});
    v.as_object_mut().unwrap().remove("declared");
    let c = card(&v, &options("dien-bien-2019", &[]));
    assert_eq!(c.total.value.to_string(), "12.50");
    let messages: Vec<_> = c
        .findings
        .iter()
        .filter(|f| f.code == FindingCode::DeclaredLevelContradicted)
        .map(|f| f.message())
        .collect();
    assert_eq!(messages.len(), 3);
    for m in messages {
        assert!(
            m.en.ends_with("the total is still 12.50 (Good)"),
            "{}",
            m.en
        );
        assert!(m.vi.ends_with("tổng điểm vẫn là 12,50 (Tốt)"), "{}", m.vi);
        assert!(!m.en.contains("instead of"), "{}", m.en);
    }
}
