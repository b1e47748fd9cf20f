//! Bytes → the profile loader: a custom profile as JSON, then `Profile::check`; when it
//! loads, the fixtures' reports are scored with it and rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tthc_score::{parse_json, score, CheckedProfile, Profile};
use tthc_score_fuzz::{check_card, check_card_json, check_problem, check_renderings, SEED_REPORTS};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let checked = match parse_json::<Profile>(text) {
        Ok(p) => p.check(),
        Err(e) => {
            check_problem(&e);
            // Deserializing a checked profile parses the same text first.
            assert!(parse_json::<CheckedProfile>(text).is_err());
            return;
        }
    };
    // Deserializing as a CheckedProfile runs the same check.
    let direct = parse_json::<CheckedProfile>(text);
    assert_eq!(checked.is_ok(), direct.is_ok(), "{checked:?} / {direct:?}");
    let profile = match checked {
        Ok(p) => p,
        Err(e) => {
            check_problem(&e);
            assert!(e.path.starts_with("profile"), "path {:?}", e.path);
            return;
        }
    };
    assert_eq!(direct.as_ref().ok(), Some(&profile));
    // A checked profile round-trips through its JSON form.
    let json = serde_json::to_string(&profile).expect("a profile serializes");
    let back: CheckedProfile = parse_json(&json).expect("a checked profile reads back");
    assert_eq!(back, profile);

    for report in SEED_REPORTS.iter() {
        match score(report, &profile) {
            Ok(card) => {
                check_card(&card, &profile);
                check_card_json(&card);
                check_renderings(&card, &profile);
            }
            // The fixtures are valid: any error is the profile's doing.
            Err(e) => panic!("a valid report fails under a checked profile: {:?}", e.0),
        }
    }
});
