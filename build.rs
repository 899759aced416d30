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
    world_shapes(&out);
}

/// `$OUT_DIR/world.bin`: Natural Earth's country shapes (assets/natural-earth) as rings of points, each
/// `u16` country number, `u32` point count, then (longitude, latitude) in centi-degrees as `i16` pairs,
/// all little-endian. TopoJSON's shared arcs are joined into whole rings here, once.
fn world_shapes(out: &Path) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/natural-earth/countries-110m.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).unwrap_or_else(|e| panic!("cannot read {}: {e}", source.display()));
    let topo: serde_json::Value = serde_json::from_str(&text).expect("countries-110m.json is TopoJSON");
    let number = |v: &serde_json::Value| v.as_f64().expect("a number");
    let scale = &topo["transform"]["scale"];
    let shift = &topo["transform"]["translate"];
    let (sx, sy, tx, ty) = (
        number(&scale[0]),
        number(&scale[1]),
        number(&shift[0]),
        number(&shift[1]),
    );
    let arcs: Vec<Vec<(i16, i16)>> = topo["arcs"]
        .as_array()
        .expect("arcs")
        .iter()
        .map(|arc| {
            let (mut x, mut y) = (0.0, 0.0);
            arc.as_array()
                .expect("an arc")
                .iter()
                .map(|p| {
                    x += number(&p[0]);
                    y += number(&p[1]);
                    (
                        ((x * sx + tx) * 100.0).round() as i16,
                        ((y * sy + ty) * 100.0).round() as i16,
                    )
                })
                .collect()
        })
        .collect();
    let mut bytes = Vec::new();
    for geometry in topo["objects"]["countries"]["geometries"]
        .as_array()
        .expect("geometries")
    {
        let id: u16 = geometry["id"].as_str().and_then(|s| s.parse().ok()).unwrap_or(0);
        let polygons = match geometry["type"].as_str() {
            Some("Polygon") => vec![geometry["arcs"].clone()],
            Some("MultiPolygon") => geometry["arcs"].as_array().expect("polygons").clone(),
            _ => continue,
        };
        for polygon in &polygons {
            for ring in polygon.as_array().expect("rings") {
                let mut points: Vec<(i16, i16)> = Vec::new();
                for index in ring.as_array().expect("arc indexes") {
                    let i = index.as_i64().expect("an arc index");
                    let arc = if i >= 0 {
                        arcs[i as usize].clone()
                    } else {
                        arcs[(!i) as usize].iter().rev().copied().collect()
                    };
                    let skip = usize::from(!points.is_empty());
                    points.extend(arc.into_iter().skip(skip));
                }
                bytes.extend(id.to_le_bytes());
                bytes.extend((points.len() as u32).to_le_bytes());
                for (x, y) in points {
                    bytes.extend(x.to_le_bytes());
                    bytes.extend(y.to_le_bytes());
                }
            }
        }
    }
    std::fs::write(out.join("world.bin"), bytes).expect("the build script can write to OUT_DIR");
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
