//! Writes native outcomes for the wasm parity tests, one JSON object per line:
//!
//! `tthc-score-testgen fixtures DIR` — every fixture of `tests/fixtures/`, with its
//! outcome and its table in every format and language;
//! `tthc-score-testgen generated N SEED [STEP]` — N inputs from the property-test
//! strategies (valid reports and edits of them, mostly invalid), with their outcomes and,
//! for those that score, one table (format and language in turn); with STEP, only every
//! STEP-th of the same N (the browser's sample).
//!
//! `tthc-score-testgen dossiers N SEED UNITS [PERIOD]` — a CSV of N plausible dossiers of
//! UNITS units (the example file, the 10-million-row benchmark);
//! `tthc-score-testgen tally N SEED` — dossier batches for the tally parity test: the CSV
//! (with some corrupted cells), the records and the columns, each with its native outcome.
//!
//! Each line: `{"name", "input", "options"?, "outcome": "<compact JSON>", "tables"?: {...}}`.
//! The JS side parses `input`, calls the wasm package and compares strings byte for byte.

#![forbid(unsafe_code)]

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

/// The table of the `i`-th input in one of the eight formats and languages, picked by a
/// hash of `i` (so that every STEP-th input still covers all eight).
fn table(input: &Value, options: &Options, i: usize) -> Value {
    let formats = [
        ("table", Format::Table),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
        ("csv", Format::Csv),
    ];
    let k = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 61;
    let (fname, format) = formats[(k % 4) as usize];
    let (lname, lang) = if k < 4 {
        ("vi", Lang::Vi)
    } else {
        ("en", Lang::En)
    };
    let ro = RenderOptions {
        format: Some(format),
        lang: Some(lang),
        profile: options.profile.clone(),
        interpretations: options.interpretations,
    };
    match tthc_score::parse_report(&input.to_string())
        .and_then(|r| tthc_score::render_report(&r, &ro))
    {
        Ok(t) => json!({ format!("{fname}/{lname}"): t }),
        Err(_) => Value::Null,
    }
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

/// A seeded runner (`salt` tells apart the streams of one seed), and the strategies of
/// valid reports (as JSON) and of edited ones.
fn reports(
    seed: u64,
    salt: u8,
) -> (
    TestRunner,
    impl Strategy<Value = Value>,
    impl Strategy<Value = Value>,
) {
    let mut seed_bytes = [0u8; 32];
    seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
    seed_bytes[8] = salt;
    let runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
    );
    let valid =
        tthc_score::testing::report().prop_map(|r| serde_json::to_value(r).unwrap_or(Value::Null));
    (runner, valid, tthc_score::testing::edited_report())
}

fn generated(n: usize, seed: u64, step: usize) {
    let (mut runner, valid, edited) = reports(seed, 0);
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
        if i % step != 0 {
            continue;
        }
        let options = Options {
            profile: Some(profile.into_owned().into()),
            interpretations: None,
        };
        let outcome = outcome(&input, &options);
        let mut line = json!({
            "name": format!("generated-{i}"),
            "input": input,
            "options": options,
            "outcome": outcome,
        });
        // One table per input that scores, the format and language in turn.
        if outcome.starts_with(r#"{"scorecard""#) {
            line["tables"] = table(&input, &options, i);
        }
        println!("{line}");
    }
}

const EXAMPLE_UNITS: [&str; 2] = ["UBND xã Thanh Xương", "UBND xã Noong Luống"];

fn unit_names(k: usize) -> Vec<String> {
    if k <= EXAMPLE_UNITS.len() {
        return EXAMPLE_UNITS[..k].iter().map(|s| s.to_string()).collect();
    }
    (1..=k).map(|i| format!("UBND xã số {i:03}")).collect()
}

fn bounds(
    period: &str,
) -> (
    tthc_score::input::Period,
    tthc_score::calendar::CalendarDate,
    tthc_score::calendar::CalendarDate,
) {
    let p: tthc_score::input::Period = period.parse().expect("PERIOD like 2021-Q2");
    let (s, e) = p.bounds().expect("a period that exists");
    (p, s, e)
}

/// Streams the CSV in chunks: 10 million rows never sit in memory at once.
fn dossiers_csv(n: usize, seed: u64, units: usize, period: &str) {
    use std::io::Write;
    use tthc_score::testing::dossiers::{csv_line, generate_from, CSV_HEADER};
    let (_, s, e) = bounds(period);
    let names = unit_names(units);
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let _ = writeln!(out, "{CSV_HEADER}");
    let chunk = 100_000;
    let mut line = String::new();
    for (k, start) in (0..n).step_by(chunk).enumerate() {
        let m = chunk.min(n - start);
        for d in generate_from(start, m, seed.wrapping_add(k as u64), &refs, s, e) {
            line.clear();
            csv_line(&d, &mut line);
            let _ = out.write_all(line.as_bytes());
        }
    }
}

fn tally_parity(n: usize, seed: u64) {
    use tthc_score::tally::{OwnedColumns, Tally, TallyOptions, UnitFacts};
    use tthc_score::testing::dossiers::{generate, to_csv, Rng};
    let periods = ["2021-Q2", "2024-Q2", "2021-02", "2025"];
    for i in 0..n {
        let period = periods[i % periods.len()];
        let (p, s, e) = bounds(period);
        let names = unit_names(1 + i % 4);
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let ds = generate(20 + i % 180, seed.wrapping_add(i as u64), &refs, s, e);
        let mut csv = to_csv(&ds);
        // Corrupt a few cells: a bad channel, a bad date, a bad limit, a missing unit.
        let mut rng = Rng::new(seed ^ i as u64);
        let mut lines: Vec<String> = csv.lines().map(str::to_string).collect();
        for l in lines.iter_mut().skip(1) {
            match rng.below(200) {
                0 => *l = l.replacen(",direct,", ",fax,", 1),
                1 => *l = l.replacen(":00,", ":00Z,", 1),
                2 => *l = l.replacen(",1,", ",1.25,", 1),
                _ => {}
            }
        }
        csv = lines.join("\n") + "\n";
        let options = TallyOptions {
            period: p,
            policy: Default::default(),
            calendar: Default::default(),
            check_ids: true,
        };
        let facts = UnitFacts::default();
        let outcome = |t: &Tally| {
            serde_json::to_string(&t.outcome(&facts).expect("counts within range"))
                .unwrap_or_default()
        };
        let mut by_csv = Tally::with_options(&options).expect("options");
        tthc_score::dossier_csv::read_csv(&mut by_csv, csv.as_bytes(), &mut |_| {})
            .expect("header");
        let mut by_records = Tally::with_options(&options).expect("options");
        for (k, d) in ds.iter().enumerate() {
            by_records.add_record(k as u64 + 1, d);
        }
        let mut cols = OwnedColumns::default();
        for d in &ds {
            let r = tthc_score::tally::row_of(d, by_records.calendar(), by_records.policy())
                .expect("no agency steps");
            cols.push(&d.unit, d.official.as_deref(), &r);
        }
        let mut by_columns = Tally::with_options(&options).expect("options");
        by_columns
            .add_columns(1, &cols.as_columns())
            .expect("equal lengths");
        let line = json!({
            "name": format!("tally-{i}"),
            "options": options,
            "csv": csv,
            "records": ds,
            "columns": cols,
            "outcomeCsv": outcome(&by_csv),
            "outcomeRecords": outcome(&by_records),
            "outcomeColumns": outcome(&by_columns),
        });
        println!("{line}");
    }
}

/// `n` province batches of generated reports (valid and edited), about two thirds of the
/// items wrapped with a profile of their own (a built-in id, a province's profile object,
/// an unknown id, the batch's own id, a profile object that takes a built-in id), under
/// varied options; each line's `outcome` is the native `batch_json` as JSON text.
fn batches(n: usize, seed: u64) {
    let (mut runner, valid, edited) = reports(seed, 0xba);
    let example: Value = serde_json::from_str(include_str!(
        "../../../examples/profile-province-example.json"
    ))
    .expect("example profile");
    let mut pass_fail = example.clone();
    pass_fail["id"] = json!("province-pass-fail");
    pass_fail["unitBands"] = json!([
        { "min": "12", "code": "pass", "label": { "vi": "Đạt", "en": "Pass" } },
        { "min": "0", "code": "excellent", "label": { "vi": "Không đạt", "en": "Fail" } }
    ]);
    let mut impostor = example.clone();
    impostor["id"] = json!("tt01-2018");
    let own = [
        json!("tt01-2018"),
        json!("dien-bien-2019"),
        example,
        pass_fail,
        json!("no-such-profile"),
        impostor,
    ];
    let pick = |runner: &mut TestRunner, k: u64| {
        (0..=k)
            .new_tree(runner)
            .map(|t| t.current() as usize)
            .unwrap_or(0)
    };
    let mut k = 0usize;
    for i in 0..n {
        let size = 1 + pick(&mut runner, 24);
        let items: Vec<Value> = (0..size)
            .map(|_| {
                k += 1;
                let tree = if k % 2 == 0 {
                    valid.new_tree(&mut runner).map(|t| t.current())
                } else {
                    edited.new_tree(&mut runner).map(|t| t.current())
                };
                let mut report = tree.unwrap_or(Value::Null);
                js_representable(&mut report);
                match pick(&mut runner, 8) {
                    w @ 0..=5 => json!({ "report": report, "profile": own[w] }),
                    _ => report,
                }
            })
            .collect();
        let (profile, scorecards) = (
            ["dien-bien-2019", "tt01-2018"][pick(&mut runner, 1)],
            pick(&mut runner, 1) == 0,
        );
        let (ties, rank_by) = (
            ["competition", "dense"][pick(&mut runner, 1)],
            ["ratingBasis", "total"][pick(&mut runner, 1)],
        );
        let options = json!({
            "profile": profile,
            "scorecards": scorecards,
            "ties": ties,
            "rankBy": rank_by,
        });
        let input = Value::Array(items);
        let o: tthc_score::province::BatchOptions =
            serde_json::from_value(options.clone()).expect("options");
        let outcome = match tthc_score::batch_json(&input.to_string(), &o) {
            Ok(b) => serde_json::to_string(&b).expect("batch as JSON"),
            Err(e) => serde_json::to_string(&json!({ "errors": e.0 })).expect("errors"),
        };
        let line = json!({ "name": format!("batch-{i}"), "input": input, "options": options, "outcome": outcome });
        println!("{line}");
    }
}

/// The benchmark batch as little-endian binary files, one per column (`DIR/unit.bin`, …),
/// with the name tables in `DIR/names.json`: Node reads them into typed arrays directly.
fn columns_bin(n: usize, dir: &str) {
    let c = tthc_score::testing::dossiers::bench_columns(n);
    std::fs::create_dir_all(dir).expect("output directory");
    let w = |name: &str, bytes: Vec<u8>| {
        std::fs::write(format!("{dir}/{name}.bin"), bytes).expect("write")
    };
    let le32 = |v: &[i32]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
    let leu32 = |v: &[u32]| v.iter().flat_map(|x| x.to_le_bytes()).collect::<Vec<u8>>();
    w("unit", leu32(&c.unit));
    w("official", leu32(&c.official));
    w("channel", c.channel.clone());
    for (name, v) in [
        ("receivedDay", &c.received_day),
        ("receivedSecond", &c.received_second),
        ("limitHalves", &c.limit_halves),
        ("dueDay", &c.due_day),
        ("originalDueDay", &c.original_due_day),
        ("restartDay", &c.restart_day),
        ("restartSecond", &c.restart_second),
        ("resolvedDay", &c.resolved_day),
        ("resolvedSecond", &c.resolved_second),
        ("contacts", &c.contacts),
    ] {
        w(name, le32(v));
    }
    w("agencyGrade", c.agency_grade.clone());
    w("agencies", c.agencies.clone());
    w("complaint", c.complaint.clone());
    let names = json!({ "units": c.units, "officials": c.officials, "count": c.unit.len() });
    std::fs::write(format!("{dir}/names.json"), names.to_string()).expect("write");
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
        ["generated", n, seed] => generated(n.parse().expect("N"), seed.parse().expect("SEED"), 1),
        ["generated", n, seed, step] => generated(
            n.parse().expect("N"),
            seed.parse().expect("SEED"),
            step.parse().expect("STEP"),
        ),
        ["dossiers", n, seed, units] => dossiers_csv(
            n.parse().expect("N"),
            seed.parse().expect("SEED"),
            units.parse().expect("UNITS"),
            "2021-Q2",
        ),
        ["dossiers", n, seed, units, period] => dossiers_csv(
            n.parse().expect("N"),
            seed.parse().expect("SEED"),
            units.parse().expect("UNITS"),
            period,
        ),
        ["tally", n, seed] => tally_parity(n.parse().expect("N"), seed.parse().expect("SEED")),
        ["batches", n, seed] => batches(n.parse().expect("N"), seed.parse().expect("SEED")),
        ["columns", n, dir] => columns_bin(n.parse().expect("N"), dir),
        _ => {
            eprintln!("usage: tthc-score-testgen fixtures DIR | generated N SEED [STEP] | dossiers N SEED UNITS [PERIOD] | tally N SEED | batches N SEED | columns N DIR");
            std::process::exit(3);
        }
    }
}
