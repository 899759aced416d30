//! How far the current load is, for the front ends' progress displays (the explorer's loading screen,
//! `ipec present`'s line on standard error): a large knowledge base takes seconds to load from its files.
//!
//! The loader calls `begin` as it enters each stage and `advance` as it finishes each unit of work; a
//! display calls `snapshot` as often as it likes. Everything is a plain atomic: no lock is taken, so
//! reporting costs the loader nothing measurable. There is one load in progress per process that
//! anybody watches (the first); a later one (a live reload) reports here too, which is harmless because
//! nobody shows it.
//!
//! A leaf (it knows no record): the loader in `kb`, the cache reader in `cache` and the explorer's
//! lists report to it, and the loading screens read it.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// The stages of a load, in the order they can happen. Which of them a load goes through depends on
/// the source and the cache: a warm start hashes the files and reads the cache; a cold one reads,
/// parses and checks the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stage {
    /// Nothing reported yet.
    Starting,
    /// Walking a `--data` folder for its files (how many there are is not known yet).
    FindingFiles,
    /// Reading and hashing every file, to compare with the key of the cache file.
    HashingFiles,
    /// Reading the cache file, one section at a time (reported by the cache reader).
    ReadingCache,
    /// Reading every file's text.
    ReadingFiles,
    /// Parsing and deserializing every file.
    Parsing,
    /// Checking the records against each other (references, duplicates, the rules); one step.
    Checking,
    /// Decoding the records a cache file holds, on every core.
    ReadingRecords,
    /// Building the explorer's lists; one step.
    PreparingViews,
}

impl Stage {
    /// Every stage, in order.
    pub const ALL: [Stage; 9] = [
        Stage::Starting,
        Stage::FindingFiles,
        Stage::HashingFiles,
        Stage::ReadingCache,
        Stage::ReadingFiles,
        Stage::Parsing,
        Stage::Checking,
        Stage::ReadingRecords,
        Stage::PreparingViews,
    ];

    /// What the stage does, as a display says it while it runs.
    pub fn doing(self) -> &'static str {
        match self {
            Stage::Starting => "starting",
            Stage::FindingFiles => "finding files",
            Stage::HashingFiles => "comparing files with the cache",
            Stage::ReadingCache => "reading the cache",
            Stage::ReadingFiles => "reading files",
            Stage::Parsing => "parsing files",
            Stage::Checking => "checking records",
            Stage::ReadingRecords => "reading records from the cache",
            Stage::PreparingViews => "preparing the lists",
        }
    }

    /// What its counts count, after "12/100": "files parsed".
    pub fn counted(self) -> &'static str {
        match self {
            Stage::Starting => "steps",
            Stage::FindingFiles => "files found",
            Stage::HashingFiles => "files hashed",
            Stage::ReadingCache => "cache sections read",
            Stage::ReadingFiles => "files read",
            Stage::Parsing => "files parsed",
            Stage::Checking => "records checked",
            Stage::ReadingRecords => "records read",
            Stage::PreparingViews => "lists",
        }
    }

    fn code(self) -> u64 {
        Stage::ALL.iter().position(|&s| s == self).unwrap_or(0) as u64
    }

    fn from_code(code: u64) -> Stage {
        Stage::ALL.get(code as usize).copied().unwrap_or(Stage::Starting)
    }
}

/// How far a load is: its stage, and how much of that stage's work is done. `total` is 0 when the
/// stage cannot count its work (finding files, checking).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Snapshot {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
    /// The stages entered before this one since the load began, even those too quick to be seen.
    earlier: u32,
}

impl Snapshot {
    /// A snapshot of a load (for tests and previews): `earlier` are the stages it went through.
    pub fn new(stage: Stage, done: usize, total: usize, earlier: &[Stage]) -> Snapshot {
        let earlier = earlier.iter().fold(0, |bits, s| bits | 1 << s.code());
        Snapshot {
            stage,
            done: done.min(total),
            total,
            earlier,
        }
    }

    /// The stages gone through before the current one, in order.
    pub fn earlier(&self) -> impl Iterator<Item = Stage> + '_ {
        Stage::ALL
            .into_iter()
            .filter(move |&s| s != self.stage && self.earlier & (1 << s.code()) != 0)
    }

    /// The fraction done, when the stage counts its work.
    pub fn ratio(&self) -> Option<f64> {
        (self.total > 0).then(|| self.done.min(self.total) as f64 / self.total as f64)
    }
}

// The stage and both counts live in one word, so that a display never sees the counts of one stage
// with the name of another: the stage in the top 8 bits, the total in the next 28, done in the last
// 28 (counts saturate at 268 million, far beyond any knowledge base).
const COUNT_BITS: u32 = 28;
const COUNT_MAX: u64 = (1 << COUNT_BITS) - 1;
static CURRENT: AtomicU64 = AtomicU64::new(0);
/// A bit for every stage entered since `reset`.
static ENTERED: AtomicU32 = AtomicU32::new(0);

fn pack(stage: Stage, done: u64, total: u64) -> u64 {
    stage.code() << (2 * COUNT_BITS) | total.min(COUNT_MAX) << COUNT_BITS | done.min(COUNT_MAX)
}

/// A new load begins: no stage entered yet.
pub fn reset() {
    ENTERED.store(0, Ordering::Relaxed);
    CURRENT.store(pack(Stage::Starting, 0, 0), Ordering::Relaxed);
}

/// The load enters a stage with `total` units of work (0 if it cannot count them).
pub fn begin(stage: Stage, total: usize) {
    // The stage first, then its mark among those entered: a display that looks in between must
    // not see the new stage as one already done.
    CURRENT.store(pack(stage, 0, total as u64), Ordering::Relaxed);
    ENTERED.fetch_or(1 << stage.code(), Ordering::Relaxed);
}

/// `n` more units of the current stage's work are done.
pub fn advance(n: usize) {
    let _ = CURRENT.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |word| {
        let done = (word & COUNT_MAX).saturating_add(n as u64).min(COUNT_MAX);
        Some(word & !COUNT_MAX | done)
    });
}

/// How far the load is now.
pub fn snapshot() -> Snapshot {
    let word = CURRENT.load(Ordering::Relaxed);
    let stage = Stage::from_code(word >> (2 * COUNT_BITS));
    let total = ((word >> COUNT_BITS) & COUNT_MAX) as usize;
    let done = (word & COUNT_MAX) as usize;
    Snapshot {
        stage,
        done: done.min(total),
        total,
        earlier: ENTERED.load(Ordering::Relaxed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snapshot_keeps_its_stage_and_counts_together() {
        let packed = pack(Stage::Parsing, 12, 100);
        assert_eq!(Stage::from_code(packed >> (2 * COUNT_BITS)), Stage::Parsing);
        assert_eq!((packed >> COUNT_BITS) & COUNT_MAX, 100);
        assert_eq!(packed & COUNT_MAX, 12);
        // Counts too large saturate instead of spilling into the stage.
        let huge = pack(Stage::Checking, u64::MAX, u64::MAX);
        assert_eq!(Stage::from_code(huge >> (2 * COUNT_BITS)), Stage::Checking);
    }

    #[test]
    fn earlier_stages_come_in_order_without_the_current_one() {
        let snapshot = Snapshot::new(
            Stage::Checking,
            0,
            0,
            &[Stage::Parsing, Stage::ReadingFiles, Stage::Checking],
        );
        let earlier: Vec<Stage> = snapshot.earlier().collect();
        assert_eq!(earlier, [Stage::ReadingFiles, Stage::Parsing]);
        assert_eq!(snapshot.ratio(), None);
        assert_eq!(Snapshot::new(Stage::Parsing, 30, 20, &[]).ratio(), Some(1.0));
    }
}
