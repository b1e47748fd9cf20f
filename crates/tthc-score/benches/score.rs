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
