//! The Rust interface by the API guidelines: parse errors are real errors, codes parse
//! from their text, a scorecard knows its library version and its profile.

use std::error::Error;
use tthc_score::profile;
use tthc_score::tally::TallyCode;
use tthc_score::{
    parse_report, render, score, Code, FindingCode, Format, Lang, ParseNameError, VERSION,
};

const SEED: &str = include_str!("../../../examples/dien-bien-2021-q2-district.json");

#[test]
fn names_parse_with_a_real_error() {
    assert_eq!("md".parse::<Format>(), Ok(Format::Markdown));
    assert_eq!("csv".parse::<Format>(), Ok(Format::Csv));
    let e: ParseNameError = "xml".parse::<Format>().unwrap_err();
    assert_eq!(e.kind(), "format");
    assert_eq!(e.given(), "xml");
    assert_eq!(e.expected(), ["table", "markdown", "html", "csv"]);
    assert_eq!(
        e.to_string(),
        r#"unknown format "xml" (expected one of: table, markdown, html, csv)"#
    );
    let boxed: Box<dyn Error + Send + Sync> = Box::new(e);
    assert!(boxed.source().is_none());
    assert_eq!("en".parse::<Lang>(), Ok(Lang::En));
    assert_eq!("fr".parse::<Lang>().unwrap_err().expected(), ["vi", "en"]);
}

#[test]
fn codes_parse_from_their_text() {
    for c in Code::ALL {
        assert_eq!(c.as_str().parse::<Code>(), Ok(*c));
    }
    for c in FindingCode::ALL {
        assert_eq!(c.to_string().parse::<FindingCode>(), Ok(*c));
    }
    assert_eq!(
        "DUPLICATE_ID".parse::<TallyCode>(),
        Ok(TallyCode::DuplicateId)
    );
    let e = "count_negative".parse::<Code>().unwrap_err();
    assert_eq!(e.kind(), "code");
    assert!(e.expected().contains(&"COUNT_NEGATIVE"));
}

#[test]
fn a_scorecard_carries_the_library_version() {
    let report = parse_report(SEED).unwrap();
    let card = score(&report, profile::find("dien-bien-2019").unwrap()).unwrap();
    assert_eq!(card.library_version, VERSION);
    assert_eq!(VERSION, env!("CARGO_PKG_VERSION"));
    let json = serde_json::to_value(&card).unwrap();
    assert_eq!(json["libraryVersion"], VERSION);
}

#[test]
fn rendering_with_another_profile_is_an_error() {
    let report = parse_report(SEED).unwrap();
    let dien_bien = profile::find("dien-bien-2019").unwrap();
    let tt01 = profile::find("tt01-2018").unwrap();
    let card = score(&report, dien_bien).unwrap();
    let e = render(&card, tt01, Format::Table, Lang::Vi).unwrap_err();
    assert_eq!(e.code, Code::ProfileMismatch);
    assert_eq!(e.path, "profile");
    assert!(e.message.en.contains("dien-bien-2019"), "{}", e.message.en);
    assert!(render(&card, dien_bien, Format::Table, Lang::Vi)
        .unwrap()
        .contains("16,74"));
}

#[test]
fn labels_are_the_words_of_the_rendered_table() {
    use tthc_score::input::UnitLevel;
    use tthc_score::rules::labels;
    let report = parse_report(SEED).unwrap();
    for id in ["dien-bien-2019", "tt01-2018"] {
        let p = profile::find(id).unwrap();
        let l = labels(p, Some(UnitLevel::District));
        assert_eq!(l.profile, id);
        assert_eq!(l.indicators.len(), 9);
        assert_eq!(
            l.indicators.iter().map(|i| i.position).collect::<Vec<_>>(),
            (1..=9).collect::<Vec<u8>>()
        );
        let card = score(&report, p).unwrap();
        let table = render(&card, p, Format::Table, Lang::Vi).unwrap();
        let english = render(&card, p, Format::Table, Lang::En).unwrap();
        for i in &l.indicators {
            assert!(table.contains(&*i.title.vi), "{id}: {}", i.title.vi);
            assert!(english.contains(&*i.title.en), "{id}: {}", i.title.en);
            for row in &i.levels {
                assert!(table.contains(&*row.vi), "{id}: {}", row.vi);
            }
        }
        assert_eq!(l.unit_bands[0].label.vi, "Xuất sắc");
    }
    let tt01 = labels(profile::find("tt01-2018").unwrap(), None);
    assert_eq!(tt01.indicators[4].id, tthc_score::IndicatorId::OneStop);
    assert!(tt01.indicators[4].title.vi.contains("Bộ phận Một cửa"));
    let json = serde_json::to_value(&tt01).unwrap();
    assert_eq!(json["unitLevels"][4]["level"], "commune");
    assert_eq!(json["unitLevels"][4]["label"]["vi"], "UBND cấp xã");
    assert_eq!(json["indicators"][0]["kind"], "perDossier");
}
