//! The real binary in a pseudo-terminal, its screen read by a terminal emulator (vt100) as it draws,
//! for the tests that drive it as a user would (`e2e.rs`, `links.rs`). Unix only: Windows has ConPTY
//! instead, which Wine, where the Windows build's tests run, does not provide.

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, MasterPty, PtySize};

/// How long a test waits for what it expects before it fails: long enough for a debug build on a
/// loaded two-core machine; a test that gets what it waits for goes on at once.
pub const DEADLINE: Duration = Duration::from_secs(30);

/// The screen as a terminal emulator shows it, and everything the binary wrote to it, in order.
pub struct Screen(Arc<Mutex<vt100::Parser>>, Arc<Mutex<Vec<u8>>>);

impl Screen {
    pub fn text(&self) -> String {
        self.0.lock().map(|p| p.screen().contents()).unwrap_or_default()
    }

    /// Every byte written to the terminal so far.
    pub fn written(&self) -> Vec<u8> {
        self.1.lock().map(|w| w.clone()).unwrap_or_default()
    }

    /// Whether the binary ever wrote `needle` (as one run of text), even if it is no longer shown.
    pub fn ever_showed(&self, needle: &str) -> bool {
        String::from_utf8_lossy(&self.written()).contains(needle)
    }

    /// Waits until the screen shows `needle`, and returns the screen; or fails with what it shows.
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            let text = self.text();
            if text.contains(needle) {
                return text;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("the screen never showed {needle:?}; it shows:\n{}", self.text());
    }

    /// Waits until the screen no longer shows `needle` (the output that removes it may still be on its
    /// way through the pty), or fails with what it shows.
    pub fn wait_gone(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if !self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("the screen still shows {needle:?}:\n{}", self.text());
    }

    /// Waits until the bytes written contain `needle`.
    pub fn wait_for_bytes(&self, needle: &[u8]) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if self.written().windows(needle.len()).any(|w| w == needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!(
            "ipec never wrote {:?}; the screen:\n{}",
            String::from_utf8_lossy(needle),
            self.text()
        );
    }
}

/// A failed assertion must not leave the binary running behind the test.
pub struct KillOnDrop(pub Box<dyn portable_pty::Child + Send + Sync>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

/// ipec with `args`, to be started by `spawn`.
pub fn ipec(args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ipec"));
    cmd.args(args);
    cmd
}

/// Any command in a pseudo-terminal of the given size, with the tests' terminal and cache.
pub fn spawn(mut cmd: CommandBuilder, rows: u16, cols: u16) -> (KillOnDrop, Box<dyn MasterPty + Send>) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    cmd.env("TERM", "xterm-256color");
    // The tests' own cache, never the user's (a test build's file would replace the one their ipec wrote).
    cmd.env("IPEC_CACHE_DIR", concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache"));
    let child = KillOnDrop(pty.slave.spawn_command(cmd).expect("the command starts"));
    (child, pty.master)
}

/// A command's screen read by a terminal emulator as it draws, and the keys for it.
pub fn read_screen(
    child: KillOnDrop,
    master: Box<dyn MasterPty + Send>,
    rows: u16,
    cols: u16,
) -> (KillOnDrop, Screen, Box<dyn Write + Send>) {
    let mut reader = master.try_clone_reader().expect("reader");
    let writer = master.take_writer().expect("writer");
    let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
    let transcript = Arc::new(Mutex::new(Vec::new()));
    let (feed, record) = (Arc::clone(&parser), Arc::clone(&transcript));
    std::thread::spawn(move || {
        // The master end lives as long as this thread reads from it.
        let _master = master;
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            if let Ok(mut p) = feed.lock() {
                p.process(&buf[..n]);
            }
            if let Ok(mut written) = record.lock() {
                written.extend_from_slice(&buf[..n]);
            }
        }
    });
    (child, Screen(parser, transcript), writer)
}
