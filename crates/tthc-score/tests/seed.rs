//! The seed report 205/BC-UBND (Điện Biên district, Q2 2021), reproduced figure by figure.

use tthc_score::{
    parse_report, profile, render, score, score_with, FindingCode, Format, IndicatorId, Lang,
    Report, Scorecard, Severity,
};

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn example(name: &str) -> Report {
    let text = std::fs::read_to_string(format!("{ROOT}/examples/{name}.json")).unwrap();
    parse_report(&text).unwrap()
}

fn district() -> Report {
    example("dien-bien-2021-q2-district")
}

fn dien_bien(r: &Report) -> Scorecard {
    score(r, profile::find("dien-bien-2019").unwrap()).unwrap()
}

fn displays(card: &Scorecard, lang: Lang) -> Vec<String> {
    card.indicators
        .iter()
        .map(|s| s.display().get(lang).to_string())
        .collect()
}

#[test]
fn district_scores_match_the_seed() {
    let card = dien_bien(&district());
    assert_eq!(
        displays(&card, Lang::Vi),
        ["1,91", "1,91", "2,00", "2,00", "1,91", "2", "2", "2", "1"]
    );
    assert_eq!(
        displays(&card, Lang::En),
        ["1.91", "1.91", "2.00", "2.00", "1.91", "2", "2", "2", "1"]
    );
    let tt = card.indicator(IndicatorId::TotalTime).unwrap();
    assert_eq!((tt.numerator, tt.denominator), (Some(2165), Some(1132)));
    assert_eq!(tt.exact.unwrap().to_string(), "1.9125441696113074204946996");
    assert_eq!(tt.rounded.unwrap().to_string(), "1.91");
    assert_eq!(tt.derivation().vi, "(1.033×2 + 99×1 + 0×0) / 1.132");
    assert_eq!(tt.derivation().en, "(1,033×2 + 99×1 + 0×0) / 1,132");
    assert_eq!(card.total.value.to_string(), "16.74");
    assert_eq!(card.total.display().vi, "16,74");
    assert_eq!(card.total.maximum_display().vi, "18,0");
    assert_eq!(card.total.rating.as_ref().unwrap().label.vi, "Xuất sắc");
    // 16,74 is the exact sum rounded, not the sum of the rounded scores (16,73).
    assert!(card.total.exact.to_string().starts_with("16.7376"));
    assert_eq!(card.officials.unit.display().vi, "9,74");
    assert_eq!(
        card.officials.unit.band.as_ref().unwrap().code,
        "completed100"
    );
}

/// Every row of the seed's annex table appears in the rendered text, tab for tab. The seed
/// misspells "nhũng nhiễu" as "những nhiều" in row 5; we print the legal wording.
#[test]
fn district_table_reproduces_every_seed_row() {
    let seed = std::fs::read_to_string(format!("{ROOT}/../shared/spec/000_1190d90055d5923e.txt"))
        .or_else(|_| std::fs::read_to_string(format!("{ROOT}/tests/seed/000_1190d90055d5923e.txt")))
        .unwrap()
        .replace("những nhiều", "nhũng nhiễu");
    let card = dien_bien(&district());
    let table = render(
        &card,
        profile::find("dien-bien-2019").unwrap(),
        Format::Table,
        Lang::Vi,
    )
    .unwrap();
    let rows: Vec<&str> = seed.lines().filter(|l| l.contains('\t')).collect();
    assert_eq!(
        rows.len(),
        3 + 1 + 1 + 9 * 4,
        "seed rows: 3 headers, (1)–(6), total, 9 × 4"
    );
    for row in rows {
        assert!(table.lines().any(|l| l == row), "missing row: {row:?}");
    }
    for line in [
        "Kỳ đánh giá: Quý II, Năm 2021",
        "Tổng số hồ sơ đã tiếp nhận trong kỳ: 1.147",
        "Tổng hồ sơ đã giải quyết trong kỳ: 1.132",
        "Đơn vị: UBND CẤP HUYỆN",
        "CỦA UBND HUYỆN ĐIỆN BIÊN, TỈNH ĐIỆN BIÊN",
    ] {
        assert!(table.lines().any(|l| l == line), "missing {line:?}");
    }
}

#[test]
fn district_table_in_english() {
    let card = dien_bien(&district());
    let t = render(
        &card,
        profile::find("dien-bien-2019").unwrap(),
        Format::Table,
        Lang::En,
    )
    .unwrap();
    assert!(t.contains("\tTOTAL SCORE\t18.0\t\t16.74\t\n"));
    assert!(t.contains("1\tTotal time to resolve the administrative procedure dossier\t2\t1,132\t1.91\t15 dossiers pending within the deadline\n"));
    assert!(t.contains("\tEarlier than the regulated time\t2\t1,033\t\t\n"));
    assert!(t.contains("Period: Quarter II, 2021"));
    assert!(t.contains("Dossiers received in the period: 1,147"));
    assert!(t.contains("Rating: Excellent (16.74/18.0 points)"));
    assert!(t.contains(
        "9\tProgress and quality of the competent agency's online public services\t2\t\t1\t\n"
    ));
}

#[test]
fn national_profile_on_the_seed() {
    let card = score(&district(), profile::find("tt01-2018").unwrap()).unwrap();
    let order: Vec<_> = card.indicators.iter().map(|s| s.id).collect();
    assert_eq!(order[4], IndicatorId::OneStop);
    assert_eq!(order[6], IndicatorId::Attitude);
    assert_eq!(
        displays(&card, Lang::Vi),
        ["1,9", "1,9", "2,0", "2,0", "2", "2", "1,9", "2", "1"]
    );
    assert_eq!(card.total.display().vi, "16,7");
    assert_eq!(card.total.value.to_string(), "16.7");
    assert_eq!(card.officials.unit.display().vi, "9,7");
}

#[test]
fn audit_reports_both_seed_defects() {
    let card = dien_bien(&district());
    let f: Vec<_> = card
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].code, FindingCode::DeclaredLevelContradicted);
    assert_eq!(f[0].path, "perUnit.onlineServices.level");
    assert!(
        f[0].message().vi.contains("99/1.147 = 8,63 %"),
        "{}",
        f[0].message().vi
    );
    assert!(f[0].message().vi.contains("15,74"), "{}", f[0].message().vi);
    assert!(
        f[0].message()
            .en
            .contains("15.74 (Excellent) instead of 16.74"),
        "{}",
        f[0].message().en
    );

    let commune = dien_bien(&example("dien-bien-2021-q2-commune"));
    assert_eq!(commune.total.display().vi, "15,74");
    let breakdown = commune
        .findings
        .iter()
        .find(|f| f.code == FindingCode::ReceivedBreakdownMismatch)
        .unwrap();
    assert_eq!(breakdown.severity, Severity::Error);
    assert!(
        breakdown
            .message()
            .vi
            .contains("36 + 115.213 + 1 = 115.250"),
        "{}",
        breakdown.message().vi
    );
    assert!(breakdown.message().vi.contains("15.213"));
    // The numbers behind the message are data too.
    match &breakdown.facts {
        tthc_score::finding::FindingFacts::ReceivedBreakdown {
            expected_direct,
            total,
            ..
        } => {
            assert_eq!((*expected_direct, *total), (Some(15_213), 15_250));
        }
        other => panic!("unexpected facts {other:?}"),
    }
    match &f[0].facts {
        tthc_score::finding::FindingFacts::LevelContradicted {
            corrected_total,
            total,
            ..
        } => {
            assert_eq!(corrected_total.map(|d| d.to_string()), Some("15.74".into()));
            assert_eq!(total.to_string(), "16.74");
        }
        other => panic!("unexpected facts {other:?}"),
    }
}

#[test]
fn level_source_facts_gives_the_corrected_total() {
    let p = profile::find("dien-bien-2019").unwrap();
    let mut i = p.interpretations;
    i.level_source = tthc_score::profile::LevelSource::Facts;
    let card = score_with(&district(), p, &i).unwrap();
    assert_eq!(card.total.display().vi, "15,74");
    assert_eq!(
        card.indicator(IndicatorId::OnlineServices)
            .unwrap()
            .display()
            .vi,
        "0"
    );
}

#[test]
fn markdown_html_csv() {
    let card = dien_bien(&district());
    let p = profile::find("dien-bien-2019").unwrap();
    let md = render(&card, p, Format::Markdown, Lang::Vi).unwrap();
    assert!(
        md.contains("|  | **TỔNG ĐIỂM** | 18,0 |  | **16,74** |  |"),
        "{md}"
    );
    assert!(md.contains("| 9 | **Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến của cơ quan có thẩm quyền** | 2 |  | **1** |  |"));
    let html = render(&card, p, Format::Html, Lang::Vi).unwrap();
    assert!(html.contains("<tr class=\"total\"><td></td><th scope=\"row\">TỔNG ĐIỂM</th><td class=\"num\">18,0</td><td class=\"num\"></td><td class=\"num\">16,74</td><td></td></tr>"), "{html}");
    assert_eq!(html.matches("class=\"sub chosen\"").count(), 4);
    let csv = render(&card, p, Format::Csv, Lang::Vi).unwrap();
    assert!(csv.contains(
        "\r\n\r\nSTT,Tiêu chí/Tiêu chí thành phần,Điểm tối đa,Số lượng hồ sơ,Điểm tự đánh giá,Ghi chú\r\n"
    ));
    assert!(csv.contains(",TỔNG ĐIỂM,\"18,0\",,\"16,74\",\r\n"), "{csv}");
    // Title (2), header (4), blank, columns, total and 9 × 4 rows, blank, rating, officials.
    assert_eq!(csv.lines().count(), 2 + 4 + 1 + 1 + 1 + 9 * 4 + 1 + 1 + 1);
    let csv_en = render(&card, p, Format::Csv, Lang::En).unwrap();
    assert!(csv_en.contains(",TOTAL SCORE,18.0,,16.74,\r\n"));
}

#[test]
fn html_escapes_user_text() {
    let mut r = district();
    r.unit.name = "<script>alert(1)</script> & co".into();
    let card = dien_bien(&r);
    let html = render(
        &card,
        profile::find("dien-bien-2019").unwrap(),
        Format::Html,
        Lang::Vi,
    )
    .unwrap();
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt; &amp; CO"));
}

#[test]
fn officials_in_the_table_summary() {
    let fx: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{ROOT}/tests/fixtures/officials.json")).unwrap(),
    )
    .unwrap();
    let report = parse_report(&fx["input"].to_string()).unwrap();
    let card = dien_bien(&report);
    let p = profile::find("dien-bien-2019").unwrap();
    let vi = render(&card, p, Format::Table, Lang::Vi).unwrap();
    assert!(vi.contains("Đánh giá công chức, viên chức: 9,74/10 điểm – Hoàn thành 100% nhiệm vụ\n"));
    assert!(vi.contains("\n  Trần Thị B: 3,20/10 điểm – Hoàn thành dưới 70% nhiệm vụ\n"));
    let en = render(&card, p, Format::Markdown, Lang::En).unwrap();
    assert!(
        en.contains("Nguyễn Văn A: 9.88/10 points – Completed 100% of duties  \n"),
        "{en}"
    );
}
