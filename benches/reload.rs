//! What a live reload costs: loading and validating a knowledge-base folder from disk, as the watcher
//! does after every change, at the shipped size and at 10,000 achievements.
//! Run: `CARGO_TARGET_DIR=... cargo bench --bench reload`. `cargo run --release --example
//! reload_latency` measures the whole path, from a save to the reload received.

mod common;

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use ipec::kb::{DataSource, KnowledgeBase};

fn reload(c: &mut Criterion) {
    let mut group = c.benchmark_group("reload");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let shipped = DataSource::Dir(PathBuf::from("data"));
    group.bench_function("shipped", |b| b.iter(|| load(&shipped)));
    let dir = common::synthetic_dir(10_000);
    let synthetic = DataSource::Dir(dir.clone());
    group.bench_function("10k", |b| b.iter(|| load(&synthetic)));
    group.finish();
    let _ = std::fs::remove_dir_all(dir);
    println!("load average: {}", common::load());
}

fn load(source: &DataSource) -> KnowledgeBase {
    KnowledgeBase::load(source).expect("the knowledge base is valid")
}

criterion_group!(benches, reload);
criterion_main!(benches);
