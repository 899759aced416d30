//! Where the memory of a warm `ipec search` and of the explorer's load goes, at any size of knowledge
//! base:
//!
//!     IPEC_CACHE_DIR=/tmp/phases cargo run --release --example memory_phases -- DIR [QUERY]
//!
//! Fills the cache for DIR (a cache file is the build's own, so this example's is not ipec's: set
//! IPEC_CACHE_DIR to keep them apart), then loads it as each command does and prints, per step, the
//! heap held after it and the heap's peak during it (counted by a wrapper around mimalloc, ipec's
//! allocator), and the process's resident set (VmRSS, VmHWM). Not a test: figures for BENCHMARKS.md.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};

use ipec::cache::Need;
use ipec::kb::DataSource;

struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            let held = HELD.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(held, Ordering::Relaxed);
        } else {
            HELD.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

/// VmRSS, VmHWM and RssFile (mapped files: the binary, the index's postings) of this process, in MiB
/// (Linux; zeros elsewhere).
fn resident() -> (f64, f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmRSS:"), field("VmHWM:"), field("RssFile:"))
}

/// Runs one step, printing the heap it left held and the heap's peak while it ran.
fn step<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let value = work();
    let held = HELD.load(Ordering::Relaxed);
    let (rss, hwm, file) = resident();
    println!(
        "{name:<32} heap held {:+6.1} MiB (now {:5.1}), peak {:5.1}; VmRSS {rss:5.1} (files {file:4.1}), VmHWM {hwm:5.1}",
        mib(held) - mib(before),
        mib(held),
        mib(PEAK.load(Ordering::Relaxed)),
    );
    value
}

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: memory_phases DIR [QUERY]");
        std::process::exit(2);
    };
    let query = args.next().unwrap_or_else(|| "cocoa".to_string());
    let source = DataSource::Dir(dir.into());
    if let Some(loaded) = std::env::var_os("FILL").and_then(|_| ipec::cache::load(&source, true, Need::AllRecords).ok())
    {
        if let Some(store) = &loaded.store {
            store.save(&loaded.kb, Some(&ipec::search::SearchIndex::build(&loaded.kb)));
        }
        return;
    }
    let need = match std::env::var("NEED").as_deref() {
        Ok("records") => Need::Records,
        Ok("all") => Need::AllRecords,
        Ok("counts") => Need::Counts,
        _ => Need::SomeRecords,
    };
    let _ = step("the files' key", || ipec::cache::key(&source));
    let loaded = step(&format!("load ({need:?})"), || ipec::cache::load(&source, true, need));
    let Ok(loaded) = loaded else {
        eprintln!("the knowledge base has problems");
        std::process::exit(1)
    };
    if let Some(index) = &loaded.index {
        println!("  index: {:.1} MiB by its own estimate", mib(index.memory_bytes()));
        let hits = step(&format!("search_all {query:?}"), || {
            index.search_all(&loaded.kb, &query, None)
        });
        println!("  {} hits", hits.len());
    }
    if need == Need::AllRecords {
        let kb = std::sync::Arc::new(loaded.kb);
        let lists = step("the explorer's lists", || ipec::app::Lists::build(kb));
        std::mem::forget(lists);
    }
}
