//! Golden fixtures shared with the Node and browser tests: `tests/fixtures/*.json` at the
//! repository root, each `{ description, input, options?, expected }`. The expected
//! outcome is compared as JSON; `UPDATE_FIXTURES=1 cargo test --test fixtures` rewrites it
//! (review the diff: the values are also pinned by explicit tests in `seed.rs`).

use serde_json::Value;
use std::path::PathBuf;
use tthc_score::{evaluate_json, Options};

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

#[test]
fn every_fixture_matches() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut names: Vec<_> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "fixtures missing: {}", names.len());
    let mut failures = Vec::new();
    for path in &names {
        let text = std::fs::read_to_string(path).unwrap();
        let mut fx: serde_json::Map<String, Value> = serde_json::from_str(&text).unwrap();
        let options: Options = match fx.get("options") {
            Some(o) => serde_json::from_value(o.clone()).unwrap(),
            None => Options::default(),
        };
        let input = fx["input"].to_string();
        let got = serde_json::to_value(evaluate_json(&input, &options)).unwrap();
        if update {
            fx.insert("expected".into(), got);
            let mut s = serde_json::to_string_pretty(&fx).unwrap();
            s.push('\n');
            std::fs::write(path, s).unwrap();
        } else if fx.get("expected") != Some(&got) {
            failures.push(path.file_name().unwrap().to_string_lossy().to_string());
        }
    }
    assert!(failures.is_empty(), "fixtures differ: {failures:?}");
}
