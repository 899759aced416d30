//! Per-keystroke search latency (p50, p95, max), index build time, and the naive baseline, on the shipped
//! knowledge base and generated ones: `cargo run --release --example keystroke_latency [SIZES...]`
//! (default sizes: 10000 100000). Prints one Markdown table row per measurement: the keyword queries of
//! `common::QUERIES`, then the whole questions of `common::QUESTIONS`.

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

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
    let sizes = if sizes.is_empty() { vec![10_000, 100_000] } else { sizes };
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
    let (start, cpu_start) = (Instant::now(), thread_cpu());
    let index = SearchIndex::build(kb);
    let (build, cpu) = (start.elapsed(), thread_cpu().saturating_sub(cpu_start));
    println!(
        "| index build, {name} ({} records, {} words, index {:.1} MiB): wall, CPU | {} | {} | | {} |",
        kb.total_records(),
        index.vocabulary_len(),
        index.memory_bytes() as f64 / (1024.0 * 1024.0),
        common::ms(build),
        common::ms(cpu),
        common::load()
    );
    for (what, keys) in [
        (name.to_string(), common::keystrokes()),
        (format!("questions, {name}"), common::question_keystrokes()),
    ] {
        let times = common::latencies_of(&keys, &index, kb, ROUNDS);
        println!(
            "| keystroke, {what} ({} searches) | {} | {} | {} | {} |",
            times.len(),
            common::ms(common::percentile(&times, 50.0)),
            common::ms(common::percentile(&times, 95.0)),
            common::ms(common::percentile(&times, 100.0)),
            common::load()
        );
        cpu_times(&what, &keys, &index, kb);
    }
}

/// The same keystrokes timed by this thread's CPU clock, which leaves out the time the thread waited
/// for a core: on a shared machine under load, the figure that says what one core needs. Also names the
/// slowest keystrokes.
fn cpu_times(name: &str, keys: &[String], index: &SearchIndex, kb: &KnowledgeBase) {
    let per_key = common::per_keystroke_of(keys, index, kb, ROUNDS, thread_cpu, |began| {
        thread_cpu().saturating_sub(began)
    });
    let mut all: Vec<Duration> = per_key.iter().flat_map(|(_, t)| t.clone()).collect();
    all.sort_unstable();
    println!(
        "| keystroke CPU time, {name} | {} | {} | {} | {} |",
        common::ms(common::percentile(&all, 50.0)),
        common::ms(common::percentile(&all, 95.0)),
        common::ms(common::percentile(&all, 100.0)),
        common::load()
    );
    let mut medians: Vec<(Duration, &str)> = per_key
        .iter()
        .map(|(key, t)| {
            let mut t = t.clone();
            t.sort_unstable();
            (common::percentile(&t, 50.0), key.as_str())
        })
        .collect();
    medians.sort_unstable_by(|a, b| b.cmp(a));
    let slowest: Vec<String> = medians
        .iter()
        .take(5)
        .map(|(t, k)| format!("`{k}` {}", common::ms(*t)))
        .collect();
    eprintln!("slowest keystrokes (median CPU), {name}: {}", slowest.join(", "));
}

/// CPU time consumed by the calling thread.
#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; CLOCK_THREAD_CPUTIME_ID is supported on Linux.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Elsewhere (Windows) libc has no thread CPU clock: wall time from the first call, which counts what
/// other programs take of the cores too, so measure on an idle machine there.
#[cfg(not(unix))]
fn thread_cpu() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
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
    // Every 8th keystroke: at ~0.5 s each, all of them would take minutes.
    for key in common::keystrokes().into_iter().step_by(8) {
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
