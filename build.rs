//! Build-time facts about the built-in knowledge base (`data/`, compiled in by `include_dir!`).
//!
//! `$OUT_DIR/builtin_key.rs`: a hash of every file's path and bytes. The built-in knowledge base cannot change
//! without a new build, so its cache key is known before ipec runs: a warm `ipec search` on it neither
//! reads nor hashes the embedded files (they are read only when the cache must be written again).
//! Cargo runs this again whenever a file in `data/` changes, which also rebuilds the embedded copy.
//!
//! `$OUT_DIR/version.txt` and `long_version.txt`: what `ipec -V` and `ipec --version` say of the knowledge base
//! they carry: its records, the date of the last change to `data/`, a short hash of its content and its
//! sources with their dates. The date is the same for every build of the same commit (see `data_changed`).

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
    let digest = hasher.digest128();
    let literal = format!("0x{digest:032x}_u128\n");
    std::fs::write(out.join("builtin_key.rs"), literal).expect("the build script can write to OUT_DIR");
    versions(&out, &root, &files, digest);
    world_shapes(&out);
}

/// The version texts: `0.1.0 (knowledge base of 2025-12-06: 370 records, content 1a2b3c4d5e6f)` for `-V`,
/// and for `--version` the same on lines of their own with the sources and their dates.
fn versions(out: &Path, root: &Path, files: &[PathBuf], digest: u128) {
    let mut records = 0;
    let mut sources = Vec::new();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "toml")) {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        // A file that does not parse is left to `ipec check` to report, with its line and column.
        let Ok(table) = text.parse::<toml::Table>() else {
            continue;
        };
        records += record_count(&table);
        sources.extend(source_dates(&table));
    }
    let date = civil_date(data_changed(root, files));
    let hash = format!("{digest:032x}");
    let short = &hash[..12];
    let package = env!("CARGO_PKG_VERSION");
    let version = format!("{package} (knowledge base of {date}: {records} records, content {short})");
    let long = format!(
        "{package}\nknowledge base: {records} records, data/ last changed {date}, content {short}\nsources: {}",
        sources.join("; ")
    );
    std::fs::write(out.join("version.txt"), version).expect("the build script can write to OUT_DIR");
    std::fs::write(out.join("long_version.txt"), long).expect("the build script can write to OUT_DIR");
}

/// A file's records: each entry of a top-level array of tables (`[[country]]`) is one; tables nested in
/// them (`[[tour.step]]`) are parts of their record. `ipec check` counts the same (a test compares them).
fn record_count(table: &toml::Table) -> usize {
    table
        .values()
        .filter_map(toml::Value::as_array)
        .filter(|items| items.iter().all(toml::Value::is_table))
        .map(Vec::len)
        .sum()
}

/// `IPEC+ brochure, 2024`: each source's short title, which carries its year, else its title and year.
fn source_dates(table: &toml::Table) -> Vec<String> {
    let Some(sources) = table.get("source").and_then(toml::Value::as_array) else {
        return Vec::new();
    };
    sources
        .iter()
        .filter_map(|source| {
            let year = source.get("year").and_then(toml::Value::as_integer)?;
            let name = source.get("short_title").or_else(|| source.get("title"))?.as_str()?;
            Some(if name.contains(&year.to_string()) {
                name.to_string()
            } else {
                format!("{name}, {year}")
            })
        })
        .collect()
}

/// When `data/` last changed, in seconds since 1970, the same for every build of one commit:
/// `SOURCE_DATE_EPOCH` when set (the reproducible-builds convention); else the date of the newest
/// commit that touched `data/`, when git can tell and nothing in `data/` is uncommitted; else the
/// newest file's modification time (a crate downloaded from crates.io, or a folder being edited).
fn data_changed(root: &Path, files: &[PathBuf]) -> u64 {
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    if let Some(epoch) = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse().ok())
    {
        return epoch;
    }
    let git = |args: &[&str]| {
        let output = std::process::Command::new("git")
            .arg("-C")
            .arg(root)
            .args(args)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    };
    let committed = git(&["log", "-1", "--format=%ct", "--", "."]).and_then(|s| s.parse().ok());
    let clean = git(&["status", "--porcelain", "--", "."]).is_some_and(|s| s.is_empty());
    match committed {
        Some(secs) if clean => secs,
        _ => files
            .iter()
            .filter_map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
            .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs())
            .max()
            .unwrap_or(0),
    }
}

/// `YYYY-MM-DD` (UTC) of seconds since 1970: Howard Hinnant's days-to-civil algorithm.
fn civil_date(secs: u64) -> String {
    let days = (secs / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
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
