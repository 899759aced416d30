//! Synthetic knowledge bases for measuring search at scale: the shipped reference records (countries,
//! priorities, areas, conventions, partnerships, sources) and N achievements recombined from the shipped
//! ones (titles, summaries, sectors, countries, figures), with a seeded generator so the same N and seed
//! always give the same folder.
//!
//! Used by `cargo run --release --example synth -- N DIR` and by the search benchmark.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::Path;

use serde::Serialize;

use crate::kb::{Achievement, HeadlineFigure, KnowledgeBase};

/// Achievements per generated file, so that no file approaches the loader's size limit.
const PER_FILE: usize = 1_000;

/// A small deterministic generator (SplitMix64): enough for recombining text, and no new dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.below(items.len()))
    }
}

/// `n` achievements built from the shipped ones; empty if `base` has none to recombine.
pub fn achievements(base: &KnowledgeBase, n: usize, seed: u64) -> Vec<Achievement> {
    let mut rng = Rng::new(seed);
    let country_ids: Vec<&str> = base.countries.iter().map(|c| c.id.as_str()).collect();
    (0..n)
        .map_while(|i| {
            let a = base.achievements.get(rng.below(base.achievements.len()))?;
            let b = base.achievements.get(rng.below(base.achievements.len()))?;
            Some(recombine(i, a, b, &country_ids, &mut rng))
        })
        .collect()
}

/// One new achievement: the start of `a`'s title and the end of `b`'s, `a`'s summary with a sentence
/// of `b`'s and a made-up figure, `a`'s links with a country added now and then.
fn recombine(i: usize, a: &Achievement, b: &Achievement, countries: &[&str], rng: &mut Rng) -> Achievement {
    let value = (rng.below(99_990) + 10) as f64;
    let unit = rng.pick(&b.figures).map_or("children".to_string(), |f| f.unit.clone());
    let mut out = a.clone();
    out.id = format!("synth-{i:06}");
    out.title = join_halves(&a.title, &b.title);
    out.summary = format!(
        "{} {} Some {} {unit} were reached.",
        a.summary,
        first_sentence(&b.summary),
        spell(value, rng.chance(50))
    );
    if rng.chance(30) {
        if let Some(c) = rng.pick(countries) {
            if !out.countries.iter().any(|x| x == c) {
                out.countries.push(c.to_string());
            }
        }
    }
    if rng.chance(50) {
        out.priority = b.priority.clone();
        out.area = b.area.clone();
    }
    for s in &b.sectors {
        if !out.sectors.contains(s) {
            out.sectors.push(s.clone());
        }
    }
    out.period = Some(period(rng));
    out.figures.push(HeadlineFigure {
        value,
        unit,
        label: format!("reached, from {}", b.id),
        qualifier: None,
    });
    out
}

fn join_halves(a: &str, b: &str) -> String {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    let mut words = a[..a.len().div_ceil(2)].to_vec();
    words.extend(&b[b.len() / 2..]);
    words.join(" ")
}

fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |end| &text[..=end])
}

/// A whole number, with thousands separators ("4,690") or without ("4690").
fn spell(value: f64, separators: bool) -> String {
    let digits = format!("{}", value as u64);
    if !separators {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn period(rng: &mut Rng) -> String {
    let start = 1995 + rng.below(28);
    if rng.chance(50) {
        start.to_string()
    } else {
        format!("{start}-{}", start + 1 + rng.below(4))
    }
}

/// Writes a valid knowledge-base folder: `base`'s reference records and `achievements`.
pub fn write_dir(base: &KnowledgeBase, achievements: &[Achievement], dir: &Path) -> io::Result<()> {
    fs::create_dir_all(dir.join("achievements"))?;
    write_table(&dir.join("sources.toml"), "source", &base.sources)?;
    write_table(&dir.join("priorities.toml"), "priority", &base.priorities)?;
    write_table(&dir.join("areas.toml"), "area", &base.areas)?;
    write_table(&dir.join("conventions.toml"), "convention", &base.conventions)?;
    write_table(&dir.join("countries.toml"), "country", &base.countries)?;
    write_table(&dir.join("partnerships.toml"), "partnership", &base.partnerships)?;
    for (n, chunk) in achievements.chunks(PER_FILE).enumerate() {
        let path = dir.join("achievements").join(format!("synth-{n:03}.toml"));
        write_table(&path, "achievement", chunk)?;
    }
    Ok(())
}

/// One file of `[[key]]` tables, written by the toml serializer so that any text is escaped correctly.
fn write_table<T: Serialize + ?Sized>(path: &Path, key: &str, records: &T) -> io::Result<()> {
    let table = BTreeMap::from([(key, records)]);
    let text = toml::to_string(&table).map_err(io::Error::other)?;
    fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_unique() {
        let kb = KnowledgeBase::builtin().expect("built-in kb is valid");
        let one = achievements(&kb, 50, 7);
        let two = achievements(&kb, 50, 7);
        assert_eq!(one.len(), 50);
        let titles = |v: &[Achievement]| v.iter().map(|a| a.title.clone()).collect::<Vec<_>>();
        assert_eq!(titles(&one), titles(&two));
        let mut ids: Vec<&str> = one.iter().map(|a| a.id.as_str()).collect();
        ids.dedup();
        assert_eq!(ids.len(), 50);
    }

    #[test]
    fn an_empty_base_gives_nothing() {
        assert!(achievements(&KnowledgeBase::default(), 10, 1).is_empty());
    }

    #[test]
    fn numbers_are_spelled_both_ways() {
        assert_eq!(spell(4690.0, true), "4,690");
        assert_eq!(spell(4690.0, false), "4690");
        assert_eq!(spell(123.0, true), "123");
        assert_eq!(spell(100000.0, true), "100,000");
    }

    #[test]
    fn the_written_folder_loads() {
        let kb = KnowledgeBase::builtin().expect("built-in kb is valid");
        let dir = std::env::temp_dir().join(format!("ipec-synth-test-{}", std::process::id()));
        let generated = achievements(&kb, 200, 3);
        write_dir(&kb, &generated, &dir).expect("can write to the temp dir");
        let loaded = KnowledgeBase::load(&crate::kb::DataSource::Dir(dir.clone()));
        let _ = fs::remove_dir_all(&dir);
        let loaded = loaded.map_err(|p| p.to_string()).expect("generated kb is valid");
        assert_eq!(loaded.achievements.len(), 200);
        assert_eq!(loaded.countries.len(), kb.countries.len());
    }
}
