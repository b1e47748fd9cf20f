//! What the fuzz targets share: the invariants of a scorecard, of its four renderings and of
//! a problem, and the seed reports of the repository's fixtures.

use rust_decimal::Decimal;
use std::sync::LazyLock;
use tthc_score::{
    format, rounding, Format, IndicatorKind, Lang, Localized, Outcome, Problem, Profile, Report,
    Scorecard,
};

/// Every format, in every language.
pub const FORMATS: [Format; 4] = [Format::Table, Format::Markdown, Format::Html, Format::Csv];
/// Both languages.
pub const LANGS: [Lang; 2] = [Lang::Vi, Lang::En];

/// A hard error: a stable code, and a message in both languages.
pub fn check_problem(p: &Problem) {
    let code = p.code.to_string();
    assert!(
        !code.is_empty()
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_'),
        "code {code:?}"
    );
    assert!(
        !p.message.vi.is_empty() && !p.message.en.is_empty(),
        "{p:?}"
    );
}

/// The bounds and the arithmetic of a scorecard (as `tests/props.rs` states them for
/// generated reports), and its findings' messages.
pub fn check_card(card: &Scorecard, profile: &Profile) {
    let (zero, two, ten) = (Decimal::ZERO, Decimal::TWO, Decimal::TEN);
    let rp = &profile.rounding;
    let mut applicable = 0u8;
    for s in &card.indicators {
        assert_eq!(s.maximum, 2, "{:?}", s.id);
        for v in [s.exact, s.rounded, s.counted].into_iter().flatten() {
            assert!(v >= zero && v <= two, "{:?}: {v} outside 0..=2", s.id);
        }
        assert_eq!(s.applicable, s.counted.is_some(), "{:?}", s.id);
        if s.applicable {
            applicable += 1;
            let exact = s.exact.expect("a counted indicator has an exact value");
            let dp = if s.kind == IndicatorKind::PerDossier {
                rp.indicator_decimals
            } else {
                0
            };
            assert_eq!(
                s.rounded,
                Some(rounding::round(exact, dp, rp.strategy)),
                "{:?}",
                s.id
            );
            assert_eq!(
                s.display().vi,
                format::decimal(s.rounded.unwrap(), Lang::Vi)
            );
        }
        if let (Some(n), Some(d)) = (s.numerator, s.denominator) {
            assert!(d > 0 && n <= 2 * d, "{:?}: {n}/{d}", s.id);
        }
        if let (Some(level), Some(e)) = (s.level, s.exact) {
            assert_eq!(Decimal::from(level.points()), e, "{:?}", s.id);
        }
    }
    let t = &card.total;
    assert_eq!(t.applicable, applicable);
    assert_eq!(t.maximum, Decimal::from(2 * u32::from(applicable)));
    assert!(t.maximum <= Decimal::from(18));
    assert!(t.value >= zero && t.value <= t.maximum, "total {}", t.value);
    assert!(t.exact >= zero && t.exact <= t.maximum, "exact {}", t.exact);
    assert!(
        t.rating_basis >= zero && t.rating_basis <= Decimal::from(18),
        "basis {}",
        t.rating_basis
    );
    // The total is the rounding of the exact sum: TT01 adds the rounded indicators (exact
    // decimals); otherwise the quotients p / n, which share the denominator n (every
    // per-dossier group adds up to the resolved dossiers), in integers.
    let value = if rp.total_of_rounded_indicators {
        let summed: Decimal = card.indicators.iter().filter_map(|s| s.counted).sum();
        rounding::round(summed, rp.total_decimals, rp.strategy)
    } else {
        let applicable = card.indicators.iter().filter(|s| s.applicable);
        let dens: Vec<u64> = applicable.clone().filter_map(|s| s.denominator).collect();
        assert!(dens.windows(2).all(|w| w[0] == w[1]), "{dens:?}");
        let n = u128::from(dens.first().copied().unwrap_or(1));
        let num: u128 = applicable
            .filter_map(|s| match s.numerator {
                Some(p) => Some(u128::from(p)),
                None => Some(u128::try_from(s.exact?.mantissa()).ok()? * n),
            })
            .sum();
        let q = (2 * num * 10u128.pow(rp.total_decimals) + n) / (2 * n);
        Decimal::from_i128_with_scale(q as i128, rp.total_decimals)
    };
    assert_eq!(t.value, value);
    if let Some(r) = &t.rating {
        assert!(
            profile.unit_bands.iter().any(|b| b.code == r.code),
            "rating {:?} is no band of the profile",
            r.code
        );
    }
    let o = &card.officials;
    for s in std::iter::once(&o.unit).chain(&o.individuals) {
        if let Some(v) = s.value {
            assert!(v >= zero && v <= ten, "official {v}");
            assert_eq!(s.maximum, 10);
        }
    }
    for f in &card.findings {
        let m = f.message();
        assert!(!m.vi.is_empty() && !m.en.is_empty(), "{:?}", f.code);
    }
}

/// The JSON form of a scorecard reads back as the same scorecard.
pub fn check_card_json(card: &Scorecard) {
    // The JSON form (what the CLI and the wasm package give) serializes and reads back.
    let outcome = Outcome::Scorecard(Box::new(card.clone()));
    let text = serde_json::to_string(&outcome).expect("a scorecard serializes");
    let back: Outcome = serde_json::from_str(&text).expect("a scorecard reads back");
    assert_eq!(back, outcome, "JSON round trip");
}

/// The same scorecard with every text that comes from the input or the profile replaced by
/// a plain word: its renderings must have the same structure as the real ones.
fn with_plain_text(card: &Scorecard) -> Scorecard {
    let mut c = card.clone();
    let plain = |l: &mut Localized| {
        l.vi = "X".into();
        l.en = "X".into();
    };
    c.unit.name = "X".into();
    if let Some(o) = &mut c.unit.organization {
        *o = "X".into();
    }
    if let Some(r) = &mut c.total.rating {
        plain(&mut r.label);
    }
    for s in std::iter::once(&mut c.officials.unit).chain(&mut c.officials.individuals) {
        if let Some(n) = &mut s.name {
            *n = "X".into();
        }
        if let Some(b) = &mut s.band {
            plain(&mut b.label);
        }
    }
    c
}

/// The markup of a rendering, which no user text may change: the lines and their cells in
/// text; the lines, their unescaped markup characters and block markers in Markdown; the
/// tags in HTML; the records and their cells in CSV (and no cell a spreadsheet would
/// read as a formula).
fn structure(format: Format, s: &str) -> Vec<String> {
    match format {
        Format::Table => s
            .split('\n')
            .map(|l| l.matches('\t').count().to_string())
            .collect(),
        Format::Markdown => s.split('\n').map(markdown_line).collect(),
        Format::Html => html_tags(s),
        Format::Csv => csv_records(s)
            .into_iter()
            .map(|r| {
                for c in &r {
                    assert!(
                        !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "a CSV cell read as a formula: {c:?}"
                    );
                }
                r.len().to_string()
            })
            .collect(),
    }
}

/// A Markdown line as its markup: the characters that are not backslash-escaped among
/// those that open markup, and whether it opens a list item.
fn markdown_line(l: &str) -> String {
    let mut markup = String::new();
    let mut it = l.chars();
    while let Some(c) = it.next() {
        match c {
            '\\' => {
                it.next();
            }
            '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '#' | '~' | '!' => markup.push(c),
            _ => {}
        }
    }
    let t = l.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    let after = |i: usize| matches!(t.as_bytes().get(i), None | Some(b' ' | b'\t'));
    let list = (t.starts_with(['-', '+', '*']) && after(1))
        || ((1..=9).contains(&digits)
            && matches!(t.as_bytes().get(digits), Some(b'.' | b')'))
            && after(digits + 1));
    format!("{markup} list={list}")
}

fn html_tags(s: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find(['<', '>']) {
        let (open, tail) = rest[i..].split_at(1);
        if open == ">" {
            tags.push("stray >".to_string());
            rest = tail;
            continue;
        }
        match tail.find('>') {
            Some(j) => {
                tags.push(tail[..j].to_string());
                rest = &tail[j + 1..];
            }
            None => {
                tags.push("unclosed <".to_string());
                break;
            }
        }
    }
    tags
}

/// RFC 4180 records (CRLF or LF), each as its unquoted cells.
fn csv_records(s: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut cell = String::new();
    let (mut quoted, mut started) = (false, false);
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if quoted {
            match c {
                '"' if it.peek() == Some(&'"') => {
                    it.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if !started => {
                quoted = true;
                started = true;
            }
            ',' => {
                record.push(std::mem::take(&mut cell));
                started = false;
            }
            '\r' if it.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut cell));
                records.push(std::mem::take(&mut record));
                started = false;
            }
            _ => {
                cell.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "the CSV ends inside a quoted cell");
    if started || !record.is_empty() {
        record.push(cell);
        records.push(record);
    }
    records
}

/// Renders `card` in every format and language; no text of the input or the profile may
/// change the structure of the output.
pub fn check_renderings(card: &Scorecard, profile: &Profile) {
    let plain = with_plain_text(card);
    for f in FORMATS {
        for l in LANGS {
            let out = tthc_score::render(card, profile, f, l).expect("scored with this profile");
            let reference = tthc_score::render(&plain, profile, f, l).expect("the same profile");
            let (a, b) = (structure(f, &out), structure(f, &reference));
            if a != b {
                panic!(
                    "{f:?}/{l:?}: user text changed the structure of the output\n{out}\n--- with plain text ---\n{reference}"
                );
            }
        }
    }
}

/// The report inputs of the repository's fixtures: `(file, JSON text)`.
pub static FIXTURE_REPORTS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    macro_rules! fixtures {
        ($($f:literal),*) => {
            [$(($f, include_str!(concat!("../../tests/fixtures/", $f)))),*]
        };
    }
    fixtures!(
        "seed-district.json",
        "seed-commune.json",
        "seed-district-facts.json",
        "officials.json",
        "facts-tt01.json",
        "zero-resolved.json"
    )
    .into_iter()
    .map(|(f, text)| {
        let v: serde_json::Value = serde_json::from_str(text).expect("a fixture is JSON");
        (f, v["input"].to_string())
    })
    .collect()
});

/// The fixtures' reports, parsed.
pub static SEED_REPORTS: LazyLock<Vec<Report>> = LazyLock::new(|| {
    FIXTURE_REPORTS
        .iter()
        .map(|(f, t)| tthc_score::parse_report(t).unwrap_or_else(|e| panic!("{f}: {e:?}")))
        .collect()
});
