//! Work spread over every core, for the few steps that dominate a large knowledge base's start-up:
//! parsing its files, building the search index, reading the cache.

use std::sync::atomic::{AtomicUsize, Ordering};

/// The stack of each worker: reserved, not committed, so it costs only what a deep TOML document uses
/// (the parser and serde recurse as deep as the document nests).
pub const STACK: usize = 64 << 20;

/// How many threads are worth starting for `jobs` jobs.
pub fn workers(jobs: usize) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    cores.min(jobs).max(1)
}

/// Work below this size (bytes to read, hash or decode) is done on the calling thread: starting a worker
/// costs a few hundred microseconds, and a whole search of the built-in knowledge base takes four
/// milliseconds.
const SMALL_WORK: usize = 1 << 20;

/// `map`, on the calling thread alone when the items' total `size` is small.
pub fn map_sized<T: Sync, R: Send>(
    items: &[T],
    size: impl Fn(&T) -> usize,
    f: impl Fn(usize, &T) -> R + Sync,
) -> Vec<R> {
    if items.iter().map(size).sum::<usize>() < SMALL_WORK {
        return items.iter().enumerate().map(|(i, item)| f(i, item)).collect();
    }
    map(items, f)
}

/// `f` applied to every item, on every core, in the items' order. Workers take the next item as they
/// finish one, so a few large files do not leave a core idle. Without threads (a process limit) the work
/// is done here.
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(usize, &T) -> R + Sync) -> Vec<R> {
    let workers = workers(items.len());
    if workers <= 1 {
        return items.iter().enumerate().map(|(i, item)| f(i, item)).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(i, item)));
        }
        done
    };
    let mut results: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|scope| {
        let threads: Vec<_> = (1..workers)
            .filter_map(|n| {
                std::thread::Builder::new()
                    .name(format!("ipec-work-{n}"))
                    .stack_size(STACK)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        // This thread works too, and takes whatever the others did not.
        for (i, r) in work() {
            results[i] = Some(r);
        }
        for thread in threads {
            let done = thread.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, r) in done {
                results[i] = Some(r);
            }
        }
    });
    results
        .into_iter()
        .map(|r| r.expect("every item was worked on"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<usize> = (0..1000).collect();
        assert_eq!(
            super::map(&items, |i, x| i + x),
            (0..1000).map(|x| 2 * x).collect::<Vec<_>>()
        );
        assert!(super::map(&[] as &[u8], |_, x| *x).is_empty());
    }

    #[test]
    fn small_work_stays_on_this_thread_and_large_work_does_not() {
        let here = std::thread::current().id();
        let items: Vec<usize> = (0..64).collect();
        let threads = |size: usize| {
            let ids = super::map_sized(
                &items,
                |_| size,
                |_, _| {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                    std::thread::current().id()
                },
            );
            ids.into_iter().filter(|id| *id != here).count()
        };
        assert_eq!(threads(10), 0, "64 items of 10 bytes are done here");
        if super::workers(2) > 1 {
            assert!(threads(1 << 20) > 0, "64 MiB of work is shared");
        }
    }
}
