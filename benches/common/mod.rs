//! Shared by the search and reload benchmarks and the `keystroke_latency` and `reload_latency` examples:
//! the knowledge bases measured, the queries typed, and the per-keystroke timing that criterion (which
//! reports means) does not give.

#![allow(dead_code)] // each user needs a different part

use std::path::PathBuf;
use std::time::{Duration, Instant};

use ipec::kb::{DataSource, KnowledgeBase};
use ipec::search::SearchIndex;

/// What people type, as the ranking tests do: countries, aliases, typos, sectors, conventions, figures.
pub const QUERIES: &[&str] = &[
    "ghana fishing",
    "cote d'ivoire cocoa",
    "ivory coast",
    "Telengana cotton",
    "madagaskar mica",
    "4,690",
    "worst forms of child labour",
    "C182",
    "forced labour survey nepal",
    "uzbekistan cotton harvest",
    "drc cobalt",
    "alliance 8.7 pathfinder",
    "child labour monitoring",
    "due diligence toolkit",
];

/// Whole questions, as staff and trainers type them (issue 13): most of their words are dropped or only
/// add points, and the records that match most of the rest are ranked too.
pub const QUESTIONS: &[&str] = &[
    "how many children are in child labour",
    "how many people are in forced labour",
    "what did the ilo do in myanmar",
    "who funds ipec",
    "mica mining madagascar children",
    "which countries have laws against child labour usdol",
    "where does ipec work on mica",
    "ninety per cent of forced labour private economy",
];

/// Every prefix of every query: one search per keystroke.
pub fn keystrokes() -> Vec<String> {
    keystrokes_of(QUERIES)
}

/// Every prefix of every question.
pub fn question_keystrokes() -> Vec<String> {
    keystrokes_of(QUESTIONS)
}

fn keystrokes_of(queries: &[&str]) -> Vec<String> {
    queries
        .iter()
        .flat_map(|q| {
            let chars: Vec<char> = q.chars().collect();
            (1..=chars.len()).map(move |n| chars[..n].iter().collect::<String>())
        })
        .collect()
}

/// The shipped knowledge base.
pub fn shipped() -> KnowledgeBase {
    KnowledgeBase::builtin().expect("the built-in knowledge base is valid")
}

/// The shipped reference records with `n` generated achievements, written to a temporary folder and
/// loaded back the way `ipec --data` would load them.
pub fn synthetic(n: usize) -> KnowledgeBase {
    let dir = synthetic_dir(n);
    let kb = KnowledgeBase::load(&DataSource::Dir(dir.clone()));
    let _ = std::fs::remove_dir_all(&dir);
    kb.expect("the generated knowledge base is valid")
}

/// The folder `synthetic` loads, left for the caller to load (and remove).
pub fn synthetic_dir(n: usize) -> PathBuf {
    let base = shipped();
    let dir: PathBuf = std::env::temp_dir().join(format!("ipec-bench-{n}-{}", std::process::id()));
    let achievements = ipec::synth::achievements(&base, n, 1);
    ipec::synth::write_dir(&base, &achievements, &dir).expect("can write the temporary folder");
    dir
}

/// The time of each keystroke's search, `rounds` times over, sorted.
pub fn latencies(index: &SearchIndex, kb: &KnowledgeBase, rounds: usize) -> Vec<Duration> {
    latencies_of(&keystrokes(), index, kb, rounds)
}

/// The time of each of `keys`' searches, `rounds` times over, sorted.
pub fn latencies_of(keys: &[String], index: &SearchIndex, kb: &KnowledgeBase, rounds: usize) -> Vec<Duration> {
    let mut times: Vec<Duration> = per_keystroke_of(keys, index, kb, rounds, Instant::now, |s| s.elapsed())
        .into_iter()
        .flat_map(|(_, t)| t)
        .collect();
    times.sort_unstable();
    times
}

/// Each keystroke with its `rounds` timings, measured by `start`/`stop` (wall clock or CPU clock).
pub fn per_keystroke<T>(
    index: &SearchIndex,
    kb: &KnowledgeBase,
    rounds: usize,
    start: impl Fn() -> T,
    stop: impl Fn(T) -> Duration,
) -> Vec<(String, Vec<Duration>)> {
    per_keystroke_of(&keystrokes(), index, kb, rounds, start, stop)
}

/// `per_keystroke` for the keystrokes `keys`.
pub fn per_keystroke_of<T>(
    keys: &[String],
    index: &SearchIndex,
    kb: &KnowledgeBase,
    rounds: usize,
    start: impl Fn() -> T,
    stop: impl Fn(T) -> Duration,
) -> Vec<(String, Vec<Duration>)> {
    let mut times: Vec<(String, Vec<Duration>)> = keys.iter().map(|k| (k.clone(), Vec::new())).collect();
    for _ in 0..rounds {
        for (key, t) in &mut times {
            let began = start();
            let hits = index.search(kb, key, None, 50);
            t.push(stop(began));
            std::hint::black_box(hits);
        }
    }
    times
}

/// The `p`-th percentile (0-100) of sorted durations.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1000.0)
}

/// The load average, to print beside every figure: the machine is shared.
pub fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
