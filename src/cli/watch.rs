//! `ipec check --watch --data DIR`: the check again on every change, for an editor in a split terminal.
//!
//! Each check prints what `ipec check` prints (the counts, or the problems, the first 200 of them), then
//! one last line with the time of the check and its verdict: `14:02:31  ok: 306 records` or
//! `14:02:35  2 problems`. On a terminal the screen is cleared first, so it always shows the latest
//! check from its top; piped, the checks follow one another. Ctrl-C (or SIGTERM, SIGHUP; Ctrl-Break on
//! Windows) ends it.

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::Arc;
use std::time::Duration;

use crate::kb::text::escape;
use crate::kb::DataSource;
use crate::watch::{Reload, Watcher};

/// How often the loop looks whether Ctrl-C was pressed.
const TICK: Duration = Duration::from_millis(100);

pub(super) fn check_watch(dir: &Path, use_cache: bool, out: &mut impl Write) -> io::Result<ExitCode> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGINT,
        signal_hook::consts::SIGTERM,
        #[cfg(unix)]
        signal_hook::consts::SIGHUP,
        #[cfg(windows)]
        signal_hook::consts::SIGBREAK,
    ] {
        if let Err(e) = signal_hook::flag::register(signal, Arc::clone(&stop)) {
            eprintln!("ipec: cannot catch Ctrl-C ({e}); it will end ipec abruptly");
        }
    }
    let (watcher, reloads) = match Watcher::spawn(dir.to_path_buf(), use_cache) {
        Ok(watching) => watching,
        Err(e) => {
            eprintln!("ipec: {e:#}");
            return Ok(ExitCode::FAILURE);
        }
    };
    watcher.reload_now();
    let clear = io::stdout().is_terminal();
    let source = DataSource::Dir(dir.to_path_buf());
    let shown = escape(&dir.display().to_string()).into_owned();
    let mut first = true;
    while !stop.load(Ordering::Relaxed) {
        let reload = match reloads.recv_timeout(TICK) {
            Ok(reload) => reload,
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => {
                eprintln!("ipec: stopped watching {shown}: the watcher ended");
                return Ok(ExitCode::FAILURE);
            }
        };
        if clear {
            // Home and clear: the latest check, from the top of the screen.
            write!(out, "\x1b[H\x1b[2J")?;
        } else if !first {
            writeln!(out)?;
        }
        first = false;
        print_check(&source, &shown, &reload, out)?;
        out.flush()?;
        // After the verdict is out: the next edit then parses only the files it touches.
        if let (Some(store), Ok(kb)) = (&reload.store, &reload.result) {
            store.save(kb, None);
        }
    }
    drop(watcher);
    writeln!(out, "stopped watching {shown}")?;
    Ok(ExitCode::SUCCESS)
}

fn print_check(source: &DataSource, shown: &str, reload: &Reload, out: &mut impl Write) -> io::Result<()> {
    writeln!(
        out,
        "ipec check --watch {shown}: checking on every change, Ctrl-C to stop"
    )?;
    writeln!(out)?;
    // On every check, as the screen is cleared: a file saved as `new.TOML` meanwhile is named at once.
    if let DataSource::Dir(dir) = source {
        for note in crate::kb::load::unread_notes(dir) {
            writeln!(out, "note: {note}")?;
        }
    }
    super::report(source, &reload.result, out)?;
    let verdict = match &reload.result {
        Ok(kb) => format!("ok: {} records", crate::document::format::thousands(kb.total_records())),
        Err(problems) => problems.count(),
    };
    writeln!(out)?;
    writeln!(
        out,
        "{}  {verdict}  (checked in {} ms)",
        reload.clock(),
        reload.took.as_millis()
    )
}
