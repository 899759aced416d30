//! The presenter link: two or more `ipec present TOUR` processes of one user (the projected slides and
//! the trainer's `--notes` view) follow each other's step over a Unix socket in the user's runtime
//! folder, never a network port. The first to start listens; the others connect. Either side closing
//! leaves the other working: a closed peer is forgotten.
//!
//! The protocol is one line per move: `step N` (0-based).

use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

#[cfg(unix)]
use std::os::unix::net::{UnixListener, UnixStream};

/// One process's end of the link: moves to send, and the moves of the others to follow.
pub struct Link {
    peers: Arc<Mutex<Vec<Peer>>>,
    current: Arc<AtomicUsize>,
    moves: mpsc::Receiver<usize>,
    /// The socket file, removed on drop when this process is the one that listens.
    listening: Option<PathBuf>,
}

#[cfg(unix)]
type Peer = UnixStream;
#[cfg(not(unix))]
type Peer = std::fs::File;

impl Link {
    /// The step another instance moved to, if any arrived.
    pub fn try_recv(&self) -> Option<usize> {
        let mut last = None;
        while let Ok(step) = self.moves.try_recv() {
            last = Some(step);
        }
        if let Some(step) = last {
            self.current.store(step, Ordering::Relaxed);
        }
        last
    }

    /// Tells every other instance that this one moved.
    pub fn send(&self, step: usize) {
        self.current.store(step, Ordering::Relaxed);
        broadcast(&self.peers, step, None);
    }

    /// Where the socket of a show lives: `$XDG_RUNTIME_DIR/ipec/` (only its user can enter it), else
    /// a folder of the user's own under the temporary folder, checked to be theirs.
    pub fn socket_path(show: &str) -> io::Result<PathBuf> {
        let name: String = show
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
            .take(64)
            .collect();
        Ok(private_dir()?.join(format!("present-{name}.sock")))
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        if let Some(path) = &self.listening {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn broadcast(peers: &Mutex<Vec<Peer>>, step: usize, except: Option<usize>) {
    let Ok(mut peers) = peers.lock() else { return };
    let line = format!("step {step}\n");
    let mut i = 0;
    // A peer that cannot be written to has gone: forget it.
    peers.retain_mut(|p| {
        let keep = Some(i) == except || p.write_all(line.as_bytes()).is_ok();
        i += 1;
        keep
    });
}

#[cfg(unix)]
fn private_dir() -> io::Result<PathBuf> {
    use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
    let dir = match std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from) {
        Some(runtime) if runtime.is_dir() => runtime.join("ipec"),
        // SAFETY: getuid has no preconditions and cannot fail.
        _ => std::env::temp_dir().join(format!("ipec-{}", unsafe { libc::getuid() })),
    };
    match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
        Err(e) => return Err(e),
    }
    let meta = std::fs::symlink_metadata(&dir)?;
    // SAFETY: as above.
    let mine = meta.uid() == unsafe { libc::getuid() };
    if !meta.is_dir() || !mine {
        return Err(io::Error::other(format!(
            "{} is not a folder of this user's",
            dir.display()
        )));
    }
    if meta.permissions().mode() & 0o077 != 0 {
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700))?;
    }
    Ok(dir)
}

#[cfg(not(unix))]
fn private_dir() -> io::Result<PathBuf> {
    Err(io::Error::other("the presenter view needs Unix sockets"))
}

/// Joins the show's link: connects to the instance already listening, or listens if there is none.
#[cfg(unix)]
pub fn join(show: &str, step: usize) -> io::Result<Link> {
    let path = Link::socket_path(show)?;
    let peers = Arc::new(Mutex::new(Vec::new()));
    let current = Arc::new(AtomicUsize::new(step));
    let (sender, moves) = mpsc::channel();
    if let Ok(stream) = UnixStream::connect(&path) {
        read_moves(stream.try_clone()?, sender, Arc::clone(&peers), None);
        if let Ok(mut peers) = peers.lock() {
            peers.push(stream);
        }
        return Ok(Link {
            peers,
            current,
            moves,
            listening: None,
        });
    }
    // Nobody listens: a socket file left by a process that died is stale.
    let _ = std::fs::remove_file(&path);
    let listener = UnixListener::bind(&path)?;
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    let (accept_peers, accept_current) = (Arc::clone(&peers), Arc::clone(&current));
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            // A newcomer starts where the show is.
            let step = accept_current.load(Ordering::Relaxed);
            if stream.write_all(format!("step {step}\n").as_bytes()).is_err() {
                continue;
            }
            let Ok(reader) = stream.try_clone() else { continue };
            let index = accept_peers.lock().map(|mut p| {
                p.push(stream);
                p.len() - 1
            });
            if let Ok(index) = index {
                read_moves(reader, sender.clone(), Arc::clone(&accept_peers), Some(index));
            }
        }
    });
    Ok(Link {
        peers,
        current,
        moves,
        listening: Some(path),
    })
}

#[cfg(not(unix))]
pub fn join(_show: &str, _step: usize) -> io::Result<Link> {
    Err(io::Error::other("the presenter view needs Unix sockets"))
}

/// Reads a peer's moves until it closes. The listening side passes each move on to the other peers,
/// so that any number of views follow one another.
#[cfg(unix)]
fn read_moves(
    stream: UnixStream,
    sender: mpsc::Sender<usize>,
    peers: Arc<Mutex<Vec<Peer>>>,
    relay_from: Option<usize>,
) {
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines() {
            let Ok(line) = line else { break };
            let Some(step) = line.strip_prefix("step ").and_then(|n| n.trim().parse::<usize>().ok()) else {
                continue;
            };
            if relay_from.is_some() {
                broadcast(&peers, step, relay_from);
            }
            if sender.send(step).is_err() {
                break;
            }
        }
    });
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn wait(link: &Link) -> Option<usize> {
        let end = Instant::now() + Duration::from_secs(3);
        while Instant::now() < end {
            if let Some(step) = link.try_recv() {
                return Some(step);
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        None
    }

    #[test]
    fn two_instances_follow_each_other_and_survive_each_other() {
        let show = format!("test-{}", std::process::id());
        let projector = join(&show, 3).expect("listen");
        let notes = join(&show, 0).expect("connect");
        assert_eq!(wait(&notes), Some(3), "a newcomer starts where the show is");
        notes.send(4);
        assert_eq!(wait(&projector), Some(4));
        projector.send(5);
        assert_eq!(wait(&notes), Some(5));
        drop(notes);
        projector.send(6);
        projector.send(7);
        assert!(
            projector.try_recv().is_none(),
            "a closed peer is forgotten, not an error"
        );
    }
}
