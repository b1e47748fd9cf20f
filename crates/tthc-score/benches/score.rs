//! Scorecard latency on the seed report: `cargo bench -p tthc-score`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use tthc_score::{parse_report, profile, render, score, Format, Lang};

fn seed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/dien-bien-2021-q2-district.json"
    ))
    .unwrap()
}

/// `n` valid reports from the property-test strategy, with a fixed seed.
fn generated(n: usize) -> Vec<tthc_score::Report> {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let strategy = tthc_score::testing::report();
    (0..n)
        .map(|i| {
            let mut r = strategy.new_tree(&mut runner).unwrap().current();
            r.unit.name = format!("Đơn vị {i}");
            r
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = seed();
    let report = parse_report(&text).unwrap();
    let p = profile::find("dien-bien-2019").unwrap();
    c.bench_function("score_seed", |b| {
        b.iter(|| score(black_box(&report), p).unwrap())
    });
    c.bench_function("score_seed_tt01", |b| {
        let t = profile::find("tt01-2018").unwrap();
        b.iter(|| score(black_box(&report), t).unwrap())
    });
    c.bench_function("score_and_render_html", |b| {
        b.iter(|| {
            let card = score(black_box(&report), p).unwrap();
            render(&card, p, Format::Html, Lang::Vi).unwrap()
        })
    });
    let mut clean = report.clone();
    clean.per_unit.online_services.level = tthc_score::input::Level::new(0);
    clean.declared = None;
    c.bench_function("score_seed_without_findings", |b| {
        b.iter(|| score(black_box(&clean), p).unwrap())
    });
    c.bench_function("parse_and_score_json", |b| {
        b.iter(|| score(&parse_report(black_box(&text)).unwrap(), p).unwrap())
    });
    // A province's batch: 10,000 generated units scored one after another, then ranked.
    let units = generated(10_000);
    let mut g = c.benchmark_group("batch");
    g.throughput(criterion::Throughput::Elements(units.len() as u64));
    g.sample_size(20);
    g.bench_function("score_10k_units", |b| {
        b.iter(|| {
            units
                .iter()
                .map(|r| score(black_box(r), p).unwrap())
                .collect::<Vec<_>>()
        })
    });
    // The same number of units shaped like the seed's district (no officials listed).
    let seeds: Vec<_> = (0..units.len())
        .map(|i| {
            let mut r = report.clone();
            r.unit.name = format!("Đơn vị {i}");
            r
        })
        .collect();
    g.bench_function("score_10k_seed_units", |b| {
        b.iter(|| {
            seeds
                .iter()
                .map(|r| score(black_box(r), p).unwrap())
                .collect::<Vec<_>>()
        })
    });
    // A province's batch of parsed reports: scored and ranked in one table, each result
    // the unit's row (the lean batch) or its whole scorecard.
    let interp = p.interpretations;
    for (name, scorecards) in [
        ("batch_10k_seed_units_rows", false),
        ("batch_10k_seed_units_scorecards", true),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| {
                tthc_score::province::batch(
                    black_box(&seeds).iter().map(Ok),
                    p,
                    &interp,
                    Default::default(),
                    scorecards,
                )
            })
        });
    }
    // The work of the wasm package's batch(): a JSON array in, every unit scored and
    // ranked, the batch out as JSON (benches/batch.mjs compares the two).
    let array = format!("[{}]", vec![text.as_str(); units.len()].join(","));
    for (name, scorecards) in [
        ("batch_json_10k_seed_units_rows", false),
        ("batch_json_10k_seed_units", true),
    ] {
        let options = tthc_score::province::BatchOptions {
            scorecards: Some(scorecards),
            ..Default::default()
        };
        g.bench_function(name, |b| {
            b.iter(|| {
                let batch = tthc_score::batch_json(black_box(&array), &options).unwrap();
                serde_json::to_string(&batch).unwrap()
            })
        });
    }
    let cards: Vec<_> = units.iter().map(|r| score(r, p).unwrap()).collect();
    g.bench_function("rank_10k_units", |b| {
        b.iter(|| {
            tthc_score::province::province_table(black_box(&cards), p, Default::default()).unwrap()
        })
    });
    g.finish();
    // The work a wasm score() call does: JSON text in, scored, serialized out.
    c.bench_function("json_in_json_out", |b| {
        let options = tthc_score::Options::default();
        b.iter(|| {
            serde_json::to_string(&tthc_score::evaluate_json(black_box(&text), &options)).unwrap()
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
