//! Per-keystroke search latency: every prefix of every query in `common::QUERIES` is one search (and, as
//! `keystroke/<size>-questions`, of every question in `common::QUESTIONS`), on the shipped knowledge base
//! and on generated ones of 10,000 and 100,000 achievements.
//!
//! Criterion reports the mean per keystroke; the p50/p95 the targets are stated in are measured first and
//! printed, since criterion does not give percentiles of individual calls.
//! Run: `CARGO_TARGET_DIR=... cargo bench --bench search`.

mod common;

use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use ipec::kb::KnowledgeBase;
use ipec::search::SearchIndex;

fn keystroke(c: &mut Criterion) {
    let sizes: [(&str, Option<usize>); 3] = [("shipped", None), ("10k", Some(10_000)), ("100k", Some(100_000))];
    let mut group = c.benchmark_group("keystroke");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    for (name, size) in sizes {
        let kb = size.map_or_else(common::shipped, common::synthetic);
        let index = build(name, &kb);
        for (what, keys) in [
            (name.to_string(), common::keystrokes()),
            (format!("{name}-questions"), common::question_keystrokes()),
        ] {
            report_percentiles(&what, &keys, &index, &kb);
            let mut next = 0;
            group.bench_function(&what, |b| {
                b.iter(|| {
                    next = (next + 1) % keys.len();
                    index.search(&kb, &keys[next], None, 50)
                })
            });
        }
    }
    group.finish();
}

fn build(name: &str, kb: &KnowledgeBase) -> SearchIndex {
    let start = Instant::now();
    let index = SearchIndex::build(kb);
    println!(
        "index build {name}: {} ({} records)",
        common::ms(start.elapsed()),
        kb.total_records()
    );
    index
}

fn report_percentiles(name: &str, keys: &[String], index: &SearchIndex, kb: &KnowledgeBase) {
    let times = common::latencies_of(keys, index, kb, 10);
    println!(
        "keystroke {name}: p50 {}  p95 {}  max {}  ({} searches, load {})",
        common::ms(common::percentile(&times, 50.0)),
        common::ms(common::percentile(&times, 95.0)),
        common::ms(common::percentile(&times, 100.0)),
        times.len(),
        common::load()
    );
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
