//! Ending the process from deep inside a command, where there is nothing left to return an error to
//! (a cache file changed under a reader that had lent its records out): the front end that holds the
//! terminal says how to give it back first, so the message is seen and the shell is left usable.

use std::sync::OnceLock;

static BEFORE_EXIT: OnceLock<fn()> = OnceLock::new();

/// What to run before `exit` prints: the explorer's terminal restore. Set once; later calls are
/// ignored (there is one terminal).
pub fn before_exit(restore: fn()) {
    let _ = BEFORE_EXIT.set(restore);
}

/// Gives the terminal back (where a front end took it), prints `message` on standard error and ends
/// the process with status 1.
pub fn exit(message: &str) -> ! {
    if let Some(restore) = BEFORE_EXIT.get() {
        restore();
    }
    eprintln!("{message}");
    std::process::exit(1)
}
