//! Writes native outcomes for the wasm parity tests, one JSON object per line:
//!
//! `tthc-score-testgen fixtures DIR` — every fixture of `tests/fixtures/`, with its
//! outcome and its table in every format and language;
//! `tthc-score-testgen generated N SEED` — N inputs from the property-test strategies
//! (valid reports and edits of them, mostly invalid), with their outcomes.
//!
//! Each line: `{"name", "input", "options"?, "outcome": "<compact JSON>", "tables"?: {...}}`.
//! The JS side parses `input`, calls the wasm package and compares strings byte for byte.

use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use tthc_score::{evaluate_json, Format, Lang, Options, RenderOptions};

/// Rewrites numbers as JavaScript holds and prints them, so that both sides parse the same
/// text: integers beyond ±(2^53 − 1) become floats, and integral floats below 1e21 print
/// as integers (`JSON.stringify(4.0)` is `"4"`, of `-0` is `"0"`).
fn js_representable(v: &mut Value) {
    match v {
        Value::Number(n) => {
            let f = n.as_f64().unwrap_or(0.0);
            let exact_int = !n.is_f64()
                && n.as_i64()
                    .map(|i| i.unsigned_abs())
                    .or(n.as_u64())
                    .is_some_and(|e| e < (1 << 53));
            if exact_int {
                return;
            }
            // Rust prints the same shortest digits as JavaScript, zero-padded: "-7987100233946687000".
            *v = if f.fract() == 0.0 && f.abs() < 1e21 {
                serde_json::from_str(&format!("{}", if f == 0.0 { 0.0 } else { f }))
                    .unwrap_or(Value::from(f))
            } else {
                Value::from(f)
            };
        }
        Value::Array(a) => a.iter_mut().for_each(js_representable),
        Value::Object(o) => o.values_mut().for_each(js_representable),
        _ => {}
    }
}

fn outcome(input: &Value, options: &Options) -> String {
    serde_json::to_string(&evaluate_json(&input.to_string(), options)).unwrap_or_default()
}

fn tables(input: &Value, options: &Options) -> Value {
    let report = match tthc_score::parse_report(&input.to_string()) {
        Ok(r) => r,
        Err(_) => return Value::Null,
    };
    let mut out = Map::new();
    for (fname, format) in [
        ("table", Format::Table),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("csv", Format::Csv),
    ] {
        for (lname, lang) in [("vi", Lang::Vi), ("en", Lang::En)] {
            let ro = RenderOptions {
                format: Some(format),
                lang: Some(lang),
                profile: options.profile.clone(),
                interpretations: options.interpretations,
            };
            if let Ok(t) = tthc_score::render_report(&report, &ro) {
                out.insert(format!("{fname}/{lname}"), Value::from(t));
            }
        }
    }
    Value::Object(out)
}

fn fixtures(dir: &str) {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let fx: Value =
            serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("fixture JSON");
        let options: Options = fx
            .get("options")
            .map(|o| serde_json::from_value(o.clone()).expect("options"))
            .unwrap_or_default();
        let input = &fx["input"];
        let line = json!({
            "name": p.file_stem().map(|s| s.to_string_lossy().to_string()),
            "input": input,
            "options": fx.get("options"),
            "outcome": outcome(input, &options),
            "tables": tables(input, &options),
        });
        println!("{line}");
    }
}

fn generated(n: usize, seed: u64) {
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    let valid =
        tthc_score::testing::report().prop_map(|r| serde_json::to_value(r).unwrap_or(Value::Null));
    let edited = tthc_score::testing::edited_report();
    let profiles = tthc_score::testing::profiles();
    for i in 0..n {
        let mut input = if i % 3 == 0 {
            valid
                .new_tree(&mut runner)
                .map(|t| t.current())
                .unwrap_or(Value::Null)
        } else {
            edited
                .new_tree(&mut runner)
                .map(|t| t.current())
                .unwrap_or(Value::Null)
        };
        js_representable(&mut input);
        let profile = profiles
            .new_tree(&mut runner)
            .map(|t| t.current().id.clone())
            .unwrap_or_default();
        let options = Options {
            profile: Some(profile.into_owned()),
            interpretations: None,
        };
        let line = json!({
            "name": format!("generated-{i}"),
            "input": input,
            "options": options,
            "outcome": outcome(&input, &options),
        });
        println!("{line}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["fixtures", dir] => fixtures(dir),
        ["generated", n, seed] => generated(n.parse().expect("N"), seed.parse().expect("SEED")),
        _ => {
            eprintln!("usage: tthc-score-testgen fixtures DIR | generated N SEED");
            std::process::exit(3);
        }
    }
}
