//! Per-keystroke search latency (p50, p95, max), index build time, and the naive baseline, on the shipped
//! knowledge base and generated ones: `cargo run --release --example keystroke_latency [SIZES...]`
//! (default sizes: 10000 100000). Prints one Markdown table row per measurement.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use ipec::kb::KnowledgeBase;
use ipec::search::SearchIndex;

const ROUNDS: usize = 20;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![10_000, 100_000]
    } else {
        sizes
    };
    println!("| what | p50 | p95 | max | load |\n|---|---|---|---|---|");
    measure("shipped kb", &common::shipped());
    for n in sizes {
        let kb = common::synthetic(n);
        measure(&format!("{n} achievements"), &kb);
        if n <= 10_000 {
            naive_baseline(&format!("{n} achievements"), &kb);
        }
    }
}

fn measure(name: &str, kb: &KnowledgeBase) {
    let start = Instant::now();
    let index = SearchIndex::build(kb);
    let build = start.elapsed();
    println!(
        "| index build, {name} ({} records, {} words) | {} | | | {} |",
        kb.total_records(),
        index.vocabulary_len(),
        common::ms(build),
        common::load()
    );
    let times = common::latencies(&index, kb, ROUNDS);
    println!(
        "| keystroke, {name} ({} searches) | {} | {} | {} | {} |",
        times.len(),
        common::ms(common::percentile(&times, 50.0)),
        common::ms(common::percentile(&times, 95.0)),
        common::ms(common::percentile(&times, 100.0)),
        common::load()
    );
}

/// What the index replaces: fuzzy-matcher over each record's id, title and text joined, per keystroke.
fn naive_baseline(name: &str, kb: &KnowledgeBase) {
    let texts: Vec<String> = kb
        .all_refs()
        .map(|r| {
            let record = kb.record(r);
            format!("{} {} {}", record.id(), record.title(), record.body())
        })
        .collect();
    let matcher = SkimMatcherV2::default();
    let mut times = Vec::new();
    for key in common::keystrokes() {
        let start = Instant::now();
        let mut scored: Vec<(i64, usize)> = texts
            .iter()
            .enumerate()
            .filter_map(|(i, t)| matcher.fuzzy_match(t, &key).map(|s| (s, i)))
            .collect();
        scored.sort_unstable_by(|a, b| b.cmp(a));
        times.push(start.elapsed());
        std::hint::black_box(scored);
    }
    times.sort_unstable();
    println!(
        "| naive fuzzy-matcher over whole records, {name} | {} | {} | {} | {} |",
        common::ms(common::percentile(&times, 50.0)),
        common::ms(common::percentile(&times, 95.0)),
        common::ms(common::percentile(&times, 100.0)),
        common::load()
    );
}
