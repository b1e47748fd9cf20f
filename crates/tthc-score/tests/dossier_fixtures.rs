//! The shared dossier fixtures (`tests/fixtures/dossiers/*.json`), also run by the Node
//! tests through the WebAssembly package: `{ description, options, csv: [lines],
//! unitFacts?, expected }`, where `expected` is the tally's outcome (reports and summary).
//! `UPDATE_FIXTURES=1 cargo test --test dossier_fixtures` rewrites `expected` (review the
//! diff against the hand-worked description).

use serde_json::Value;
use std::path::PathBuf;
use tthc_score::dossier_csv::read_csv;
use tthc_score::tally::{Tally, TallyOptions, UnitFacts};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/dossiers")
}

/// The outcome of one fixture, as JSON.
fn outcome(fx: &serde_json::Map<String, Value>) -> Value {
    let options: TallyOptions = serde_json::from_value(fx["options"].clone()).unwrap();
    let facts: UnitFacts = fx
        .get("unitFacts")
        .map(|f| serde_json::from_value(f.clone()).unwrap())
        .unwrap_or_default();
    let csv: Vec<&str> = fx["csv"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    let text = csv.join("\n") + "\n";
    let mut t = Tally::with_options(&options).unwrap();
    read_csv(&mut t, text.as_bytes(), &mut |_| {}).unwrap();
    serde_json::to_value(t.outcome(&facts).unwrap()).unwrap()
}

#[test]
fn every_dossier_fixture_matches() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut paths: Vec<_> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 9);
    let mut failures = Vec::new();
    for p in &paths {
        let mut fx: serde_json::Map<String, Value> =
            serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap();
        let got = outcome(&fx);
        if update {
            fx.insert("expected".into(), got);
            std::fs::write(p, serde_json::to_string_pretty(&fx).unwrap() + "\n").unwrap();
        } else if fx.get("expected") != Some(&got) {
            failures.push(p.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    assert!(failures.is_empty(), "dossier fixtures differ: {failures:?}");
}
