//! Classification and tally of dossiers from columns (the volume path):
//! `cargo bench -p tthc-score --bench tally`. Throughput is reported in dossiers per second.
//!
//! Besides the whole path, two parts of it on the same dossiers, so that the cost can be
//! attributed: the due date alone (`Calendar::due_day`) and `classify` alone.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::sync::Arc;
use tthc_score::calendar::{Calendar, CalendarDate, DateTime};
use tthc_score::classify::{classify, Policy, Row};
use tthc_score::tally::{OwnedColumns, Tally};
use tthc_score::testing::dossiers::bench_columns;

fn rows(c: &OwnedColumns) -> Vec<Row> {
    (0..c.unit.len())
        .map(|i| Row {
            channel: c.channel[i],
            received_day: c.received_day[i],
            received_second: c.received_second[i],
            limit_halves: c.limit_halves[i],
            due_day: c.due_day[i],
            original_due_day: c.original_due_day[i],
            restart_day: c.restart_day[i],
            restart_second: c.restart_second[i],
            resolved_day: c.resolved_day[i],
            resolved_second: c.resolved_second[i],
            agency_grade: c.agency_grade[i],
            contacts: c.contacts[i],
            agencies: c.agencies[i],
            complaint: c.complaint[i],
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let n = 1_000_000;
    let cols = bench_columns(n);
    let cal = Arc::new(Calendar::vietnam().clone());
    let policy = Policy::default();
    let mut g = c.benchmark_group("tally");
    g.throughput(Throughput::Elements(n as u64));
    g.sample_size(20);
    g.bench_function("classify_and_tally_1m_columns", |b| {
        b.iter(|| {
            let mut t = Tally::new("2021-Q2".parse().unwrap(), policy, cal.clone()).unwrap();
            t.add_columns(1, black_box(&cols.as_columns())).unwrap();
            t
        })
    });
    // The same work on a batch that stays in the cache between calls (65,536 dossiers, 3.4
    // MB): what the classification costs when the columns were just written (a CSV reader's
    // batches, the package's typed arrays), apart from the memory's bandwidth.
    let small = bench_columns(1 << 16);
    g.throughput(Throughput::Elements(1 << 16));
    g.bench_function("classify_and_tally_64k_columns_in_cache", |b| {
        b.iter(|| {
            let mut t = Tally::new("2021-Q2".parse().unwrap(), policy, cal.clone()).unwrap();
            t.add_columns(1, black_box(&small.as_columns())).unwrap();
            t
        })
    });
    g.throughput(Throughput::Elements(n as u64));
    let rows = rows(&cols);
    g.bench_function("classify_only_1m", |b| {
        let start = CalendarDate::new(2021, 4, 1).unwrap().to_days();
        let end = CalendarDate::new(2021, 6, 30).unwrap().to_days();
        b.iter(|| {
            let mut k = 0u64;
            for r in &rows {
                if let Ok(Some(c)) = classify(black_box(r), &cal, start, end, &policy) {
                    k += u64::from(c.received_in)
                        + c.resolved.map_or(0, |p| p[0].map_or(0, u64::from));
                }
            }
            k
        })
    });
    g.bench_function("due_day_only_1m", |b| {
        b.iter(|| {
            let mut k = 0i64;
            for r in &rows {
                let at = DateTime {
                    day: r.received_day,
                    second: r.received_second as u32,
                };
                if let Ok(d) =
                    cal.due_day(black_box(at), r.limit_halves.max(0) as u32, policy.cutoff)
                {
                    k += i64::from(d);
                }
            }
            k
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
