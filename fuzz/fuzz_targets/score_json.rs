//! Bytes → the JSON entry points: parse a report (and options), validate, score, audit,
//! render every format in both languages.
//!
//! Input: one selector byte, then the report's JSON text, optionally followed by a NUL and
//! the options' JSON text. The selector picks the profile (bits 0–1: the default,
//! dien-bien-2019, tt01-2018, an unknown one) and which interpretations take their
//! alternative (bits 2–7); options given as text replace it when they parse.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc_score::{
    check_json, evaluate_json, parse_json, parse_report, render_report, score_with, validate,
    InterpretationOverrides, Options, Outcome, RenderOptions,
};
use tthc_score_fuzz::{
    check_card, check_card_json, check_problem, check_renderings, FORMATS, LANGS,
};

const ALTERNATIVES: [(&str, &str); 6] = [
    ("levelSource", "facts"),
    ("onlineShareBase", "newlyReceived"),
    ("onlineHighShareLowDeployment", "levelZero"),
    ("notApplicable", "unscaled"),
    ("ratingBasis", "exactTotal"),
    ("lateAttitude", "one"),
];

fn options_of(selector: u8) -> Options {
    let profile = match selector & 3 {
        0 => None,
        1 => Some("dien-bien-2019".to_string()),
        2 => Some("tt01-2018".to_string()),
        _ => Some("no-such-profile".to_string()),
    };
    let mut o = InterpretationOverrides::default();
    for (i, (name, value)) in ALTERNATIVES.iter().enumerate() {
        if selector >> (2 + i) & 1 == 1 {
            o.set(name, value).expect("a known interpretation");
        }
    }
    Options {
        profile: profile.map(Into::into),
        interpretations: (selector >> 2 != 0).then_some(o),
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let (report_text, options_text) = match text.split_once('\0') {
        Some((r, o)) => (r, Some(o)),
        None => (text, None),
    };
    let mut options = options_of(selector);
    let mut render_options = None;
    if let Some(o) = options_text {
        match parse_json::<Options>(o) {
            Ok(o) => options = o,
            Err(p) => check_problem(&p),
        }
        match parse_json::<RenderOptions>(o) {
            Ok(o) => render_options = Some(o),
            Err(p) => check_problem(&p),
        }
    }

    // The wire entry points: every problem has a code and a message.
    let problems = check_json(report_text);
    problems.iter().for_each(check_problem);
    let outcome = evaluate_json(report_text, &options);
    if let Outcome::Errors(e) = &outcome {
        assert!(!e.is_empty(), "an error outcome without errors");
        e.iter().for_each(check_problem);
    }
    let report = match parse_report(report_text) {
        Ok(r) => r,
        Err(e) => {
            // check_json gives the parse error first (then what it finds past it).
            let key = |p: &tthc_score::Problem| (p.code, p.path.clone());
            assert_eq!(
                problems.first().map(key),
                e.0.first().map(key),
                "check_json reports the parse error first"
            );
            assert!(matches!(outcome, Outcome::Errors(_)));
            return;
        }
    };
    assert_eq!(
        problems,
        validate(&report),
        "check_json = validate after parsing"
    );

    let resolved = options.resolve();
    let Ok((profile, interp)) = resolved else {
        assert!(matches!(outcome, Outcome::Errors(_)));
        return;
    };
    let scored = score_with(&report, &profile, &interp);
    match (&scored, &outcome) {
        (Ok(a), Outcome::Scorecard(b)) => assert_eq!(a, &**b),
        (Err(a), Outcome::Errors(b)) => assert_eq!(&a.0, b),
        _ => panic!("score_with and evaluate_json disagree"),
    }
    // A report that validates scores; one with hard errors does not.
    match &scored {
        Ok(_) => assert!(problems.is_empty(), "scored despite {problems:?}"),
        Err(e) => assert!(
            !problems.is_empty(),
            "validates, yet scoring fails: {:?}",
            e.0
        ),
    }
    let Ok(card) = scored else {
        return;
    };
    check_card(&card, &profile);
    check_card_json(&card);
    check_renderings(&card, &profile);

    // The rendering entry point, as the wasm package calls it.
    let ro = render_options.unwrap_or_else(|| RenderOptions {
        format: Some(FORMATS[usize::from(selector) % 4]),
        lang: Some(LANGS[usize::from(selector >> 2) % 2]),
        profile: options.profile.clone(),
        interpretations: options.interpretations,
    });
    match render_report(&report, &ro) {
        Ok(t) => assert!(!t.is_empty()),
        Err(e) => e.0.iter().for_each(check_problem),
    }
});
