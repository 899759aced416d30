//! The static Linux build (issue 21): `x86_64-unknown-linux-musl`, built here with cargo, links nothing at
//! run time, and runs `check`, `search` and the explorer with an empty environment (as `env -i` gives it:
//! no HOME, no PATH, no TERM, no locale), as on a locked-down server with an old glibc or none.
//!
//! Linux x86_64 only: that is the build it tests. It is skipped, saying so, where the musl target is not
//! installed (`scripts/install-cross.sh` installs it); it builds the binary when it is.
#![cfg(all(target_os = "linux", target_arch = "x86_64"))]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const MUSL: &str = "x86_64-unknown-linux-musl";

/// The static binary, built for the test (cargo builds nothing when it is up to date), or why not.
fn static_binary() -> Result<PathBuf, String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("rustup cannot be run ({e}), so the {MUSL} target cannot be found"))?;
    if !String::from_utf8_lossy(&installed.stdout).lines().any(|t| t == MUSL) {
        return Err(format!("the {MUSL} target is not installed (scripts/install-cross.sh)"));
    }
    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp is in the target folder");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    // Its output is kept, and shown only if it fails: it would fall in the middle of the tests' own.
    let built = Command::new(cargo)
        .args(["build", "--release", "--locked", "--target", MUSL])
        .env("CARGO_TARGET_DIR", target)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    let said = String::from_utf8_lossy(&built.stderr);
    assert!(built.status.success(), "the static build failed:\n{said}");
    Ok(target.join(MUSL).join("release").join("ipec"))
}

/// Whether an ELF file asks for a program interpreter (the dynamic loader): a static binary does not.
fn has_interpreter(elf: &[u8]) -> bool {
    let word = |at: usize, n: usize| -> u64 {
        elf.get(at..at + n)
            .map_or(0, |b| b.iter().rev().fold(0, |v, &byte| (v << 8) | u64::from(byte)))
    };
    assert_eq!(&elf[..4], b"\x7fELF", "an ELF file");
    let (table, size, count) = (word(0x20, 8) as usize, word(0x36, 2) as usize, word(0x38, 2) as usize);
    const PT_INTERP: u64 = 3;
    (0..count).any(|i| word(table + i * size, 4) == PT_INTERP)
}

/// `env -i BINARY ARGS`: the binary with no environment at all.
fn bare(binary: &Path, args: &[&str]) -> Output {
    Command::new("env")
        .arg("-i")
        .arg(binary)
        .args(args)
        .output()
        .expect("env runs")
}

#[test]
fn the_static_binary_needs_no_libraries_and_runs_with_an_empty_environment() {
    let binary = match static_binary() {
        Ok(binary) => binary,
        Err(why) => {
            eprintln!("skipped: {why}");
            return;
        }
    };
    let elf = std::fs::read(&binary).expect("the static binary was built");
    assert!(!has_interpreter(&elf), "{} asks for a dynamic loader", binary.display());

    let check = bare(&binary, &["check"]);
    let text = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && text.starts_with("built-in knowledge base: ok"),
        "{text}"
    );
    let search = bare(&binary, &["search", "cocoa"]);
    let found = String::from_utf8_lossy(&search.stdout);
    assert!(search.status.success() && found.contains("Ghana"), "{found}");
    explorer_opens_and_quits(&binary);
}

/// The explorer in a pseudo-terminal, with no environment either: it draws the Overview, and `q` quits.
fn explorer_opens_and_quits(binary: &Path) {
    let pty = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = portable_pty::CommandBuilder::new(binary);
    command.env_clear();
    let mut child = pty.slave.spawn_command(command).expect("the explorer starts");
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let screen = Arc::new(Mutex::new(vt100::Parser::new(30, 100, 0)));
    let feed = Arc::clone(&screen);
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut parser) = feed.lock() {
                parser.process(&buf[..n]);
            }
        }
    });
    let shows = |needle: &str| {
        screen
            .lock()
            .map(|p| p.screen().contents().contains(needle))
            .unwrap_or(false)
    };
    let start = Instant::now();
    while !shows("Overview") {
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the explorer never showed its Overview");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    writer.write_all(b"q").expect("q reaches the explorer");
    writer.flush().expect("flush");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("the explorer did not quit on q");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "the explorer exited with {status:?}");
}
