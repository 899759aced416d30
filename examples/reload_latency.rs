//! How long a live reload takes, end to end and in parts, at the shipped size and at 10,000
//! achievements (or the sizes given): `cargo run --release --example reload_latency [N...]`.
//!
//! For each knowledge base, in a temporary folder: the load and validation alone (what the watcher does
//! after a change), then the whole path the issue bounds at one second: a file saved, the watcher's
//! debounce and quiet time, the reload, the result received.

#[path = "../benches/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ipec::kb::{DataSource, KnowledgeBase};
use ipec::watch::Watcher;

const LOADS: usize = 20;
const SAVES: usize = 10;

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let sizes = if sizes.is_empty() { vec![0, 10_000] } else { sizes };
    println!("load average {}", common::load());
    for n in sizes {
        let (name, dir) = if n == 0 {
            let dir = std::env::temp_dir().join(format!("ipec-reload-shipped-{}", std::process::id()));
            copy_dir(Path::new("data"), &dir);
            ("shipped".to_string(), dir)
        } else {
            (format!("{n} achievements"), common::synthetic_dir(n))
        };
        measure(&name, &dir);
        let _ = std::fs::remove_dir_all(&dir);
    }
    println!("load average {}", common::load());
}

fn measure(name: &str, dir: &Path) {
    let source = DataSource::Dir(dir.to_path_buf());
    let mut loads = Vec::new();
    let mut records = 0;
    for _ in 0..LOADS {
        let start = Instant::now();
        let kb = KnowledgeBase::load(&source).expect("the knowledge base is valid");
        loads.push(start.elapsed());
        records = kb.total_records();
    }
    loads.sort_unstable();
    println!(
        "{name} ({records} records): load + validate  p50 {}  p95 {}  max {}  ({LOADS} loads)",
        common::ms(common::percentile(&loads, 50.0)),
        common::ms(common::percentile(&loads, 95.0)),
        common::ms(common::percentile(&loads, 100.0)),
    );

    let (_watcher, reloads) = Watcher::spawn(dir.to_path_buf(), false).expect("the folder can be watched");
    let file = first_toml(dir);
    let original = std::fs::read_to_string(&file).expect("readable");
    let mut latencies = Vec::new();
    for i in 0..SAVES {
        let saved = Instant::now();
        std::fs::write(&file, format!("{original}\n# save {i}\n")).expect("writable");
        let reload = reloads
            .recv_timeout(Duration::from_secs(10))
            .expect("a reload within 10 s");
        latencies.push(saved.elapsed());
        assert!(reload.result.is_ok(), "the saved folder is valid");
        // Let the watcher settle so that each save is measured on its own.
        while reloads.recv_timeout(Duration::from_millis(400)).is_ok() {}
    }
    std::fs::write(&file, original).expect("writable");
    latencies.sort_unstable();
    println!(
        "{name}: save to reload received  p50 {}  max {}  ({SAVES} saves)",
        common::ms(common::percentile(&latencies, 50.0)),
        common::ms(common::percentile(&latencies, 100.0)),
    );
}

fn first_toml(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files.into_iter().next().expect("a .toml file at the top of the folder")
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("readable") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}
