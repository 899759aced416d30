//! Build-time facts about the built-in knowledge base (`data/`, compiled in by `include_dir!`).
//!
//! `$OUT_DIR/builtin_key.rs`: a hash of every file's path and bytes. The built-in knowledge base cannot change
//! without a new build, so its cache key is known before ipec runs: a warm `ipec search` on it neither
//! reads nor hashes the embedded files (they are read only when the cache must be written again).
//! Cargo runs this again whenever a file in `data/` changes, which also rebuilds the embedded copy.

use std::path::{Path, PathBuf};

use xxhash_rust::xxh3::Xxh3;

fn main() {
    println!("cargo:rerun-if-changed=data");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut hasher = Xxh3::new();
    for path in &files {
        let name = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        // A file that cannot be read fails the build: the embedded copy would fail the same way.
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        hasher.update(&(name.len() as u64).to_le_bytes());
        hasher.update(name.as_bytes());
        hasher.update(&(bytes.len() as u64).to_le_bytes());
        hasher.update(&bytes);
    }
    // A Rust literal, included where it is used: a constant checked by the compiler, never parsed.
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts"));
    let literal = format!("0x{:032x}_u128\n", hasher.digest128());
    std::fs::write(out.join("builtin_key.rs"), literal).expect("the build script can write to OUT_DIR");
}

/// Every file under `dir`, in any order.
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
