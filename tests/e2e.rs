//! The real binary in a pseudo-terminal: open Countries, filter to Ghana, see its fishing results, follow
//! one to the convention it cites, quit with q, and exit cleanly with the terminal restored.
//!
//! Unix only: these tests need a Unix pseudo-terminal (and send SIGHUP, SIGINT). Windows has ConPTY
//! instead, which Wine, where the Windows build's tests run, does not provide.
#![cfg(unix)]

mod common;

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use common::pty::{ipec, read_screen, spawn, KillOnDrop, Screen, DEADLINE};
use portable_pty::CommandBuilder;

const WIDTH: u16 = 120;
const HEIGHT: u16 = 40;

/// Starts the real binary in a pseudo-terminal of the given size.
fn spawn_ipec(rows: u16, cols: u16) -> (KillOnDrop, Box<dyn portable_pty::MasterPty + Send>) {
    spawn_ipec_with(rows, cols, &[])
}

/// The same with arguments.
fn spawn_ipec_with(rows: u16, cols: u16, args: &[&str]) -> (KillOnDrop, Box<dyn portable_pty::MasterPty + Send>) {
    spawn_in(&std::env::temp_dir(), rows, cols, args)
}

/// The same, the presenter link's socket in `runtime` (a test's own, so that shows do not meet).
fn spawn_in(
    runtime: &std::path::Path,
    rows: u16,
    cols: u16,
    args: &[&str],
) -> (KillOnDrop, Box<dyn portable_pty::MasterPty + Send>) {
    let mut cmd = ipec(args);
    // The presenter link's socket goes to a folder of the test's own.
    cmd.env("XDG_RUNTIME_DIR", runtime);
    spawn(cmd, rows, cols)
}

/// The binary running in a pseudo-terminal, its screen read by a terminal emulator (vt100) as it draws.
fn start(rows: u16, cols: u16, args: &[&str]) -> (KillOnDrop, Screen, Box<dyn Write + Send>) {
    start_in(&std::env::temp_dir(), rows, cols, args)
}

/// The same, linked to the shows of `runtime` only.
fn start_in(
    runtime: &std::path::Path,
    rows: u16,
    cols: u16,
    args: &[&str],
) -> (KillOnDrop, Screen, Box<dyn Write + Send>) {
    let (child, master) = spawn_in(runtime, rows, cols, args);
    read_screen(child, master, rows, cols)
}

#[test]
fn ghana_fishing_results_then_quit() {
    let (mut child, screen, mut writer) = start(HEIGHT, WIDTH, &[]);
    screen.wait_for("Overview");

    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).expect("keys reach ipec");
        writer.flush().expect("flush");
    };
    send("5");
    screen.wait_for("Countries");
    send("fghana\r");
    screen.wait_for("Country GHA");
    screen.wait_for("Ghana's shipping notices enforce the Work in Fishing Convention");
    screen.wait_for("Tripartite Committee against forced labour");
    assert!(screen.text().contains("1 of 54"), "the match count shows");
    // Into the detail pane, to the second result, and follow it: the convention it cites shows.
    send("\rj\r");
    screen.wait_for("Result gha-fishing-shipping-notices");
    screen.wait_for("C188 Work in Fishing Convention");

    send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "ipec did not quit on q");
        std::thread::sleep(Duration::from_millis(30));
    };
    assert!(status.success(), "ipec exited with {status:?}");
    // Leaving the alternate screen brings back the (empty) main screen: the explorer is gone from it.
    screen.wait_gone("Country GHA");
}

#[test]
fn a_hung_up_terminal_ends_the_explorer() {
    // Closing the pseudo-terminal is what a dropped SSH connection looks like: ipec gets SIGHUP and must
    // exit, not spin on a dead terminal.
    let (mut child, master) = spawn_ipec(24, 80);
    let mut reader = master.try_clone_reader().expect("reader");
    // Wait until the first screen is drawn: from then on the explorer is reading its terminal (its key
    // reader blocks on it from the first frame), whatever else it is doing, and a hang-up must end it.
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Overview") {
        let n = reader.read(&mut buf).expect("ipec draws its first screen");
        assert!(n > 0, "ipec closed its terminal before drawing");
        seen.extend_from_slice(&buf[..n]);
    }
    drop(reader);
    drop(master);
    let start = Instant::now();
    while start.elapsed() < DEADLINE {
        if let Some(status) = child.0.try_wait().expect("wait") {
            assert!(!status.success(), "a hang-up is not a clean quit: {status:?}");
            return;
        }
        std::thread::sleep(Duration::from_millis(30));
    }
    panic!("ipec was still running 10 s after its terminal hung up");
}

#[test]
fn stepping_through_a_tour_on_a_projector_then_leaving() {
    let runtime = tempfile::tempdir().expect("a runtime folder");
    let (mut child, screen, mut writer) = start_in(runtime.path(), 40, 120, &["present", "ipec-in-ten-minutes"]);
    let mut send = |keys: &str| {
        writer.write_all(keys.as_bytes()).expect("keys reach ipec");
        writer.flush().expect("flush");
    };
    screen.wait_for("1/11");
    screen.wait_for("How many children are in child labour?");
    // The first step holds its number back: Right reveals it, without moving on.
    send("\x1b[C");
    screen.wait_for("79 million");
    assert!(screen.text().contains("1/11"), "a reveal is not a new slide");
    // Then Space goes on.
    send(" ");
    screen.wait_for("2/11");
    // A step number and Enter jump there; b blanks the screen and b again restores it.
    send("8\r");
    screen.wait_for("8/11");
    screen.wait_for("Where IPEC+ works");
    send("b");
    let start = Instant::now();
    while screen.text().contains("Where IPEC+ works") {
        assert!(start.elapsed() < DEADLINE, "b did not blank the screen");
        std::thread::sleep(Duration::from_millis(30));
    }
    send("b");
    screen.wait_for("Where IPEC+ works");
    send("q");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.0.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < DEADLINE, "ipec present did not end on q");
        std::thread::sleep(Duration::from_millis(30));
    };
    assert!(status.success(), "ipec present exited with {status:?}");
}

/// Waits for the binary to exit, for at most 10 s.
fn wait_exit(child: &mut KillOnDrop, what: &str) -> portable_pty::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.0.try_wait().expect("wait") {
            return status;
        }
        assert!(start.elapsed() < DEADLINE, "ipec did not end: {what}");
        std::thread::sleep(Duration::from_millis(30));
    }
}

/// A knowledge base that takes a debug build a good while to load: the built-in one with `results`
/// synthetic results (5,000 take about 2 s, 20,000 about 7 s on a 2-core machine).
fn large_kb(results: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let base = ipec::kb::KnowledgeBase::builtin().expect("the built-in knowledge base loads");
    let achievements = ipec::synth::achievements(&base, results, 1);
    ipec::synth::write_dir(&base, &achievements, dir.path()).expect("the synthetic knowledge base is written");
    dir
}

#[test]
fn what_is_typed_while_loading_is_kept() {
    let kb = large_kb(5_000);
    let path = kb.path().display().to_string();
    let (mut child, screen, mut writer) = start(HEIGHT, WIDTH, &["--data", &path, "--no-cache"]);
    // At once, before ipec has drawn anything: a trainer who knows what they want.
    writer.write_all(b"/ghana").expect("keys reach ipec");
    writer.flush().expect("flush");
    screen.wait_for("Country GHA");
    assert!(
        screen.text().contains("› ghana"),
        "the search palette has the query:\n{}",
        screen.text()
    );
    // The keys went through the loading screen, not straight to an explorer that was already open.
    assert!(
        screen.ever_showed("what you type now is kept"),
        "the loading screen was never drawn"
    );
    // Esc leaves the search, q quits (sent apart: Esc then q at once reads as Alt-q).
    writer.write_all(b"\x1b").expect("keys reach ipec");
    writer.flush().expect("flush");
    let start = Instant::now();
    while screen.text().contains("› ghana") {
        assert!(start.elapsed() < DEADLINE, "Esc did not close the search");
        std::thread::sleep(Duration::from_millis(30));
    }
    writer.write_all(b"q").expect("keys reach ipec");
    writer.flush().expect("flush");
    let status = wait_exit(&mut child, "on Esc q");
    assert!(status.success(), "ipec exited with {status:?}");
}

#[test]
fn ctrl_c_while_loading_quits_at_once() {
    // Large enough that it is still loading long after its loading screen shows: Ctrl-C reaches the
    // loading screen, not an explorer that is already open (where it would quit too).
    let kb = large_kb(20_000);
    let path = kb.path().display().to_string();
    let (mut child, screen, mut writer) = start(24, 80, &["--data", &path, "--no-cache"]);
    screen.wait_for("Ctrl-C cancels");
    writer.write_all(b"\x03").expect("Ctrl-C reaches ipec");
    writer.flush().expect("flush");
    let status = wait_exit(&mut child, "on Ctrl-C while loading");
    assert!(status.success(), "Ctrl-C is a normal quit: {status:?}");
    // The terminal was restored: the loading screen is gone with the alternate screen.
    screen.wait_gone("Ctrl-C cancels");
    // And it was the loading screen that was cancelled: the explorer never drew its first tab.
    assert!(
        !screen.ever_showed("Overview"),
        "the knowledge base had loaded before Ctrl-C came: the cancel path was not reached"
    );
}

#[test]
fn a_broken_file_is_reported_after_the_terminal_is_restored() {
    let broken = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/invalid/not-toml");
    let (mut child, screen, _writer) = start(24, 120, &["--data", broken, "--no-cache"]);
    let status = wait_exit(&mut child, "with a broken knowledge base");
    assert_eq!(status.exit_code(), 1, "{status:?}");
    // Printed on the main screen, after the alternate one was left: printed before, it would be gone.
    screen.wait_for("not-toml/countries.toml:3:14: this text has no closing quote");
    screen.wait_for("the knowledge base has problems; run `ipec check` for the full list");
    assert!(!screen.text().contains("Ctrl-C cancels"), "the loading screen is gone");
}

/// Keys to one process of a show.
fn send(writer: &mut Box<dyn Write + Send>, keys: &str) {
    writer.write_all(keys.as_bytes()).expect("keys reach ipec");
    writer.flush().expect("flush");
}

/// Waits until `screen` shows almost nothing: a blank projector.
fn wait_blank(screen: &Screen) {
    let start = Instant::now();
    while screen.text().chars().filter(|c| !c.is_whitespace()).count() > 0 {
        assert!(
            start.elapsed() < DEADLINE,
            "the projector never blanked:\n{}",
            screen.text()
        );
        std::thread::sleep(Duration::from_millis(30));
    }
}

#[test]
fn the_projector_and_the_console_share_one_show_whatever_restarts() {
    let runtime = tempfile::tempdir().expect("a runtime folder");
    let dir = runtime.path();
    let (mut projector, slides, mut remote) = start_in(dir, 40, 120, &["present", "supply-chains"]);
    slides.wait_for("1/13");
    let (_console, notes, mut trainer) = start_in(dir, 40, 120, &["present", "supply-chains", "--notes"]);
    notes.wait_for("Console");
    send(&mut remote, "5\r");
    notes.wait_for("5/13");
    notes.wait_for(" left");
    // Blanking from the console blanks the projector, and the console says so.
    send(&mut trainer, "b");
    wait_blank(&slides);
    notes.wait_for("BLANK");
    // The remote's next key brings the slide back where it was.
    send(&mut remote, "\x1b[C");
    slides.wait_for("5/13");
    // The projector quits and starts again: it rejoins at the show's step, and both follow again.
    send(&mut remote, "q");
    wait_exit(&mut projector, "the projector");
    let (_again, slides, mut remote) = start_in(dir, 40, 120, &["present", "supply-chains"]);
    slides.wait_for("5/13");
    send(&mut trainer, "7\r");
    slides.wait_for("7/13");
    send(&mut remote, "9\r");
    notes.wait_for("9/13");
    // A second projector of the same tour is asked, not silently mirrored.
    let (mut second, other, mut keys) = start_in(dir, 40, 120, &["present", "supply-chains"]);
    other.wait_for("is already being");
    send(&mut keys, "n");
    wait_exit(&mut second, "the second projector");
}

#[test]
fn a_show_started_with_p_in_the_explorer_joins_the_console() {
    let runtime = tempfile::tempdir().expect("a runtime folder");
    let dir = runtime.path();
    let (_console, notes, _trainer) = start_in(dir, 40, 120, &["present", "ipec-in-ten-minutes", "--notes"]);
    notes.wait_for("Console");
    let (_explorer, screen, mut keys) = start_in(dir, 40, 120, &[]);
    screen.wait_for("Overview");
    send(&mut keys, "/IPEC+ in ten minutes");
    screen.wait_for("Tour ipec-in-ten-minutes");
    send(&mut keys, "\r");
    let start = Instant::now();
    while screen.text().contains("Search every record") {
        assert!(start.elapsed() < DEADLINE, "the search did not open the tour");
        std::thread::sleep(Duration::from_millis(30));
    }
    send(&mut keys, "p");
    screen.wait_for("1/11");
    send(&mut keys, "4\r");
    screen.wait_for("4/11");
    notes.wait_for("4/11");
}

/// Ctrl-Z in an interactive shell with job control, as a user presses it: the shell gets its
/// terminal back, and `fg` brings the explorer back, drawn again whole and answering keys.
#[cfg(unix)]
#[test]
fn ctrl_z_stops_the_explorer_and_fg_brings_it_back() {
    let mut shell = CommandBuilder::new("bash");
    shell.args(["--norc", "--noprofile", "-i"]);
    shell.env("PS1", "shell> ");
    let (child, master) = spawn(shell, HEIGHT, WIDTH);
    let (_shell, screen, mut keys) = read_screen(child, master, HEIGHT, WIDTH);
    screen.wait_for("shell>");
    send(&mut keys, &format!("{}\r", env!("CARGO_BIN_EXE_ipec")));
    screen.wait_for("Overview");
    send(&mut keys, "\x1a");
    screen.wait_for("Stopped");
    screen.wait_gone("Overview");
    send(&mut keys, "fg\r");
    screen.wait_for("Overview");
    send(&mut keys, "?");
    screen.wait_for("Keys and how ipec works");
    send(&mut keys, "?");
    screen.wait_gone("Keys and how ipec works");
    send(&mut keys, "q");
    screen.wait_gone("Overview");
    send(&mut keys, "echo \"ipec said $?\"\r");
    screen.wait_for("ipec said 0");
}
