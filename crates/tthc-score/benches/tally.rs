//! Classification and tally of dossiers from columns (the volume path):
//! `cargo bench -p tthc-score --bench tally`. Throughput is reported in dossiers per second.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::sync::Arc;
use tthc_score::calendar::Calendar;
use tthc_score::classify::Policy;
use tthc_score::tally::Tally;
use tthc_score::testing::dossiers::bench_columns;

fn bench(c: &mut Criterion) {
    let n = 1_000_000;
    let cols = bench_columns(n);
    let cal = Arc::new(Calendar::vietnam().clone());
    let mut g = c.benchmark_group("tally");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(20);
    g.bench_function("classify_and_tally_1m_columns", |b| {
        b.iter(|| {
            let mut t =
                Tally::new("2021-Q2".parse().unwrap(), Policy::default(), cal.clone()).unwrap();
            t.add_columns(1, black_box(&cols.as_columns())).unwrap();
            t
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
