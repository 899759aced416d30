//! Where a warm start of the explorer goes, phase by phase, at any size of knowledge base:
//!
//!     cargo run --release --example startup_phases -- DIR
//!
//! Fills the cache for DIR (a cache file is the build's own, so this example's is not ipec's: set
//! IPEC_CACHE_DIR to keep them apart), then loads DIR through it as `ipec check`, `ipec show` and
//! `list`, `ipec search` and the explorer do, and builds the explorer's lists. Not a test: figures for
//! BENCHMARKS.md.

use std::sync::Arc;
use std::time::Instant;

use ipec::app::Lists;
use ipec::cache::Need;
use ipec::kb::DataSource;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: startup_phases DIR");
        std::process::exit(2);
    };
    let source = DataSource::Dir(dir.into());
    if let Ok(loaded) = ipec::cache::load(&source, true, Need::AllRecords) {
        if let Some(store) = &loaded.store {
            store.save(&loaded.kb, Some(&ipec::search::SearchIndex::build(&loaded.kb)));
        }
    }
    for need in [Need::Counts, Need::Records, Need::SomeRecords, Need::AllRecords] {
        let start = Instant::now();
        let loaded = ipec::cache::load(&source, true, need).unwrap_or_else(|problems| {
            eprintln!("{problems}");
            std::process::exit(1)
        });
        let load = start.elapsed();
        let fingerprint = Instant::now();
        let _ = ipec::cache::key(&source);
        let fingerprint = fingerprint.elapsed();
        let lists = Instant::now();
        if need == Need::AllRecords {
            let kb = Arc::new(loaded.kb);
            for tab in ipec::app::tabs::Tab::ALL {
                let start = Instant::now();
                let rows = ipec::app::rows::build(&kb, tab);
                println!(
                    "  {tab:?}: {} rows in {:.0} ms",
                    rows.len(),
                    start.elapsed().as_secs_f64() * 1e3
                );
                std::mem::forget(rows);
            }
            let lists = Instant::now();
            let built = Lists::build(kb);
            println!(
                "  all lists, on every core: {:.0} ms",
                lists.elapsed().as_secs_f64() * 1e3
            );
            std::mem::forget(built);
        } else {
            std::mem::forget(loaded);
        }
        println!(
            "{need:?}: load {:.0} ms (of which the files' key {:.0} ms), lists {:.0} ms",
            load.as_secs_f64() * 1e3,
            fingerprint.as_secs_f64() * 1e3,
            lists.elapsed().as_secs_f64() * 1e3
        );
    }
}
