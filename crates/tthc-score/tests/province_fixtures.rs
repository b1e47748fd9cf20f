//! The province fixtures (`tests/fixtures/province/*.json`), shared with the wasm package's
//! tests: `{ description, call, input, options, expected }`, where `call` is `batch`,
//! `consolidate` or `auditTable`, and `expected` is `{"batch": …}`, `{"consolidated": …}`,
//! `{"audit": …}` or `{"errors": […]}` — what the JavaScript API returns, the problems of
//! the options led by `options.` as JavaScript names the argument.
//! `UPDATE_FIXTURES=1 cargo test -p tthc-score --test province_fixtures` rewrites
//! `expected` after an intended change (the key values are pinned in `tests/province.rs`).

use serde_json::{json, Value};
use std::path::Path;
use tthc_score::province::{audit_table, BatchOptions, ConsolidateOptions, TableAuditOptions};
use tthc_score::{batch_json, consolidate_json, parse_json, Errors, Problem};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/province");

/// A problem of the options, as the JavaScript API places it.
fn in_options(mut p: Problem) -> Problem {
    p.path = if p.path.is_empty() {
        "options".into()
    } else {
        format!("options.{}", p.path)
    };
    p
}

fn errors(e: Errors) -> Value {
    json!({ "errors": e.0 })
}

/// What the call of a fixture returns.
fn run(call: &str, input: &Value, options: &Value) -> Value {
    let options = options.to_string();
    let text = input.to_string();
    match call {
        "batch" => match parse_json::<BatchOptions>(&options) {
            Err(p) => errors(Errors::one(in_options(p))),
            Ok(o) => match o.resolve() {
                Err(p) => errors(Errors::one(in_options(p))),
                Ok(_) => match batch_json(&text, &o) {
                    Ok(b) => json!({ "batch": b }),
                    Err(e) => errors(e),
                },
            },
        },
        "consolidate" => match parse_json::<ConsolidateOptions>(&options) {
            Err(p) => errors(Errors::one(in_options(p))),
            Ok(o) => match o.resolve() {
                Err(p) => errors(Errors::one(in_options(p))),
                Ok(_) => match consolidate_json(&text, &o) {
                    Ok(c) => json!({ "consolidated": c }),
                    Err(e) => errors(e),
                },
            },
        },
        "auditTable" => {
            let csv = input
                .as_str()
                .expect("the input of auditTable is the CSV text");
            match parse_json::<TableAuditOptions>(&options) {
                Err(p) => errors(Errors::one(in_options(p))),
                Ok(o) => match o.resolve() {
                    Err(p) => errors(Errors::one(in_options(p))),
                    Ok(p) => match audit_table(csv, &p, o.period.as_ref()) {
                        Ok(a) => json!({ "audit": a }),
                        Err(p) => errors(Errors::one(p)),
                    },
                },
            }
        }
        other => panic!("unknown call {other}"),
    }
}

#[test]
fn every_province_fixture() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension() == Some("json".as_ref()))
        .collect();
    files.sort();
    assert!(files.len() >= 10, "{}", files.len());
    let mut calls = std::collections::BTreeSet::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut f: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let call = f["call"].as_str().unwrap().to_string();
        let got = run(&call, &f["input"], &f["options"]);
        calls.insert((
            call,
            got.as_object().unwrap().keys().next().unwrap().clone(),
        ));
        if update {
            f["expected"] = got;
            let text = serde_json::to_string_pretty(&f).unwrap() + "\n";
            std::fs::write(&path, text).unwrap();
        } else {
            assert_eq!(got, f["expected"], "{name}: {}", f["description"]);
        }
    }
    // Every call, with a result and with errors.
    let want: Vec<(&str, &str)> = vec![
        ("auditTable", "audit"),
        ("batch", "batch"),
        ("batch", "errors"),
        ("consolidate", "consolidated"),
        ("consolidate", "errors"),
    ];
    let got: Vec<(&str, &str)> = calls
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(got, want);
    let _ = Path::new(DIR);
}
