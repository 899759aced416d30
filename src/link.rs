//! The presenter link: the `ipec present TOUR` processes of one user (the projected slides, the
//! trainer's `--notes` console, a show started with `p` in the explorer) share one show state (the
//! step, its reveals, whether the projector is blank, the clock) over a local socket, never a network
//! port: a Unix socket in the user's runtime folder on Unix, a named pipe that only the user can open on
//! Windows (both through `interprocess`, so the code below is the same on both).
//!
//! One process is the hub: it holds a lock file for as long as it lives, listens on the socket and
//! passes every change on to the others. The others connect to it; when the hub goes (quits, crashes),
//! the first to take the lock becomes the hub and the rest reconnect to it, each keeping the show where
//! it was. A newcomer starts where the show is, unless it is the only one that has moved. A second
//! projector of the same show is told it is already presented.
//!
//! The protocol is one line per message: `hello ROLE STATE` from a newcomer, `welcome STATE` back,
//! then `state STATE` either way, and `already` from the hub to a second projector. STATE is `STEP REVEAL
//! BLANK STARTED_MS FRESH`. An instance that leaves says `bye`, and the other end closes the connection:
//! that ends the reading threads of both ends on every system, where closing one's own end does not
//! wake a thread blocked reading a named pipe.

use std::ffi::{OsStr, OsString};
use std::io::{self, BufRead, BufReader, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use interprocess::local_socket::prelude::*;
use interprocess::local_socket::{ConnectOptions, Listener, ListenerOptions, Name, Stream};
use interprocess::{ConnectWaitMode, TryClone};

use crate::app::present::{Screen, ShowState};

/// What another instance said.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkEvent {
    /// The show moved, revealed, blanked or unblanked.
    State(ShowState),
    /// The show as it was when this instance joined it.
    Welcome(ShowState),
    /// Another projector already shows this tour.
    AlreadyPresented,
}

/// Where what other instances say goes, as it arrives: the caller's channel, in the caller's terms.
pub type Sink = Box<dyn Fn(LinkEvent) + Send + Sync>;

/// One process's end of the link.
pub struct Link {
    shared: Arc<Shared>,
    /// What other instances said, when joined with `join` (with `join_with`, it goes to the sink).
    events: Option<mpsc::Receiver<LinkEvent>>,
}

struct Shared {
    role: Screen,
    state: Mutex<ShowState>,
    /// The other instances, when this one is the hub; the hub, when it is not.
    peers: Mutex<Vec<Peer>>,
    next_id: AtomicU64,
    hub: AtomicBool,
    closed: AtomicBool,
    events: Sink,
    place: Place,
}

/// Where a show's instances meet.
struct Place {
    /// The lock file that the hub holds, in a folder of the user's own.
    lock: PathBuf,
    /// The socket: its file's path on Unix, the pipe's name on Windows.
    socket: OsString,
}

struct Peer {
    id: u64,
    role: Screen,
    stream: Stream,
}

impl Link {
    /// What the other instances said since the last call, in order.
    pub fn try_recv(&self) -> Vec<LinkEvent> {
        self.events.iter().flat_map(|events| events.try_iter()).collect()
    }

    /// Tells every other instance that the show changed.
    pub fn send(&self, state: ShowState) {
        if let Ok(mut mine) = self.shared.state.lock() {
            *mine = state;
        }
        broadcast(&self.shared, &format!("state {}\n", encode(&state)), None);
    }
}

impl Drop for Link {
    fn drop(&mut self) {
        self.shared.closed.store(true, Ordering::Relaxed);
        // The other ends close their connections on `bye`, which ends this instance's reading threads.
        broadcast(&self.shared, "bye\n", None);
        if let Ok(mut peers) = self.shared.peers.lock() {
            peers.clear();
        }
        if self.shared.hub.load(Ordering::Relaxed) {
            // Wakes the accepting thread, which sees the link closed, removes the socket and lets go
            // of the lock, for another instance to take over.
            let _ = connect(&self.shared.place);
        }
    }
}

/// "3 0 1 1733580000000 0".
fn encode(s: &ShowState) -> String {
    format!(
        "{} {} {} {} {}",
        s.step,
        s.reveal,
        u8::from(s.blank),
        s.started_ms,
        u8::from(s.fresh)
    )
}

fn decode(words: &[&str]) -> Option<ShowState> {
    let [step, reveal, blank, started, fresh] = words else {
        return None;
    };
    Some(ShowState {
        step: step.parse().ok()?,
        reveal: reveal.parse().ok()?,
        blank: *blank == "1",
        started_ms: started.parse().ok()?,
        fresh: *fresh == "1",
    })
}

fn role_name(role: Screen) -> &'static str {
    match role {
        Screen::Projected => "projector",
        Screen::Presenter => "console",
    }
}

/// Writes a line to every peer but one; a peer that cannot be written to has gone, and is forgotten.
fn broadcast(shared: &Shared, line: &str, except: Option<u64>) {
    let Ok(mut peers) = shared.peers.lock() else { return };
    peers.retain_mut(|p| Some(p.id) == except || (&p.stream).write_all(line.as_bytes()).is_ok());
}

/// Joins the show's link as `role`, with this instance's state: connects to the hub, or becomes it.
/// What the others say is kept for `Link::try_recv`.
pub fn join(show: &str, role: Screen, state: ShowState) -> io::Result<Link> {
    let (sender, events) = mpsc::channel();
    let sink = move |event| {
        let _ = sender.send(event);
    };
    let mut link = join_with(show, role, state, Box::new(sink))?;
    link.events = Some(events);
    Ok(link)
}

/// The same, what the others say handed to `sink` as it arrives (the explorer's event loop puts it
/// on its one channel of messages).
pub fn join_with(show: &str, role: Screen, state: ShowState, sink: Sink) -> io::Result<Link> {
    let place = place(show)?;
    let shared = Arc::new(Shared {
        role,
        state: Mutex::new(state),
        peers: Mutex::new(Vec::new()),
        next_id: AtomicU64::new(1),
        hub: AtomicBool::new(false),
        closed: AtomicBool::new(false),
        events: sink,
        place,
    });
    // The first connection (or the hub's place) is made here, so that a show that cannot link says so.
    let first = attach(&shared)?;
    if let Attached::Client(stream) = &first {
        // Moves made before the link's thread starts go to the hub too.
        let stream = stream.try_clone()?;
        if let Ok(mut peers) = shared.peers.lock() {
            peers.push(Peer {
                id: 0,
                role: Screen::Projected,
                stream,
            });
        }
    }
    let manager = Arc::clone(&shared);
    std::thread::spawn(move || keep_linked(&manager, first));
    Ok(Link { shared, events: None })
}

/// How this instance is attached to the show.
enum Attached {
    Hub(Listener, std::fs::File),
    Client(Stream),
}

/// Becomes the hub if nobody holds the lock, else connects to the hub (which may be starting up, or
/// handing over as the last hub quits: tried again for up to five seconds, since on a loaded machine
/// one second was not always enough for a hand-over).
fn attach(shared: &Shared) -> io::Result<Attached> {
    for _ in 0..500 {
        if let Some(lock) = try_lock(&shared.place.lock)? {
            let listener = listen(&shared.place)?;
            shared.hub.store(true, Ordering::Relaxed);
            return Ok(Attached::Hub(listener, lock));
        }
        if let Ok(stream) = connect(&shared.place) {
            let state = shared
                .state
                .lock()
                .map(|s| *s)
                .map_err(|_| io::Error::other("link state poisoned"))?;
            (&stream).write_all(format!("hello {} {}\n", role_name(shared.role), encode(&state)).as_bytes())?;
            return Ok(Attached::Client(stream));
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Err(io::Error::other("another instance holds the show but does not answer"))
}

/// A connection to the hub, given up after a second (a pipe whose every instance is busy would wait).
fn connect(place: &Place) -> io::Result<Stream> {
    ConnectOptions::new()
        .name(socket_name(&place.socket)?)
        .wait_mode(ConnectWaitMode::Timeout(std::time::Duration::from_secs(1)))
        .connect_sync()
}

/// Serves as the hub, or follows it, until the link is dropped; when the hub goes, attaches again.
fn keep_linked(shared: &Arc<Shared>, first: Attached) {
    let mut attached = Some(first);
    while !shared.closed.load(Ordering::Relaxed) {
        let current = match attached.take() {
            Some(a) => a,
            None => match attach(shared) {
                Ok(a) => a,
                Err(_) => {
                    std::thread::sleep(std::time::Duration::from_millis(100));
                    continue;
                }
            },
        };
        match current {
            Attached::Hub(listener, lock) => {
                serve(shared, &listener);
                drop(listener);
                unlisten(&shared.place);
                drop(lock);
                return;
            }
            Attached::Client(stream) => follow_hub(shared, stream),
        }
    }
}

/// The hub: takes newcomers until the link is dropped, each read on a thread of its own.
fn serve(shared: &Arc<Shared>, listener: &Listener) {
    for stream in listener.incoming() {
        if shared.closed.load(Ordering::Relaxed) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let shared = Arc::clone(shared);
        std::thread::spawn(move || hub_reads(&shared, stream));
    }
}

/// The hub reads one peer: its hello, then its changes, each passed on to the others.
fn hub_reads(shared: &Shared, stream: Stream) {
    let Ok(reader) = stream.try_clone() else { return };
    let mut lines = BufReader::new(reader).lines();
    let Some(Ok(hello)) = lines.next() else { return };
    let words: Vec<&str> = hello.split_whitespace().collect();
    let (role, theirs) = match words.as_slice() {
        ["hello", role, rest @ ..] => (
            if *role == "console" {
                Screen::Presenter
            } else {
                Screen::Projected
            },
            decode(rest),
        ),
        _ => return,
    };
    let id = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let already = role == Screen::Projected && projectors(shared) > 0;
    let Ok(writer) = stream.try_clone() else { return };
    // Registered before anything is said, so that a move made from now on reaches it too.
    if let Ok(mut peers) = shared.peers.lock() {
        peers.push(Peer {
            id,
            role,
            stream: writer,
        });
    }
    let Some(state) = welcome(shared, theirs, id) else {
        return;
    };
    let mut greeting = format!("welcome {}\n", encode(&state));
    if already {
        greeting.push_str("already\n");
    }
    if (&stream).write_all(greeting.as_bytes()).is_ok() {
        pass_on(shared, lines, id);
    }
    if let Ok(mut peers) = shared.peers.lock() {
        peers.retain(|p| p.id != id);
    }
}

/// The hub passes a peer's changes on to the others, until the peer says `bye` or goes.
fn pass_on(shared: &Shared, lines: io::Lines<BufReader<Stream>>, id: u64) {
    for line in lines {
        let Ok(line) = line else { break };
        let words: Vec<&str> = line.split_whitespace().collect();
        if words == ["bye"] {
            break;
        }
        let Some(state) = words.strip_prefix(&["state"]).and_then(decode) else {
            continue;
        };
        if let Ok(mut mine) = shared.state.lock() {
            *mine = state;
        }
        broadcast(shared, &format!("{line}\n"), Some(id));
        (shared.events)(LinkEvent::State(state));
    }
}

/// The state a newcomer starts from: the show's, unless the show has not moved and the newcomer has
/// (a hub started fresh while an instance that was presenting reconnects).
fn welcome(shared: &Shared, theirs: Option<ShowState>, newcomer: u64) -> Option<ShowState> {
    let mut mine = shared.state.lock().ok()?;
    if let Some(theirs) = theirs.filter(|t| mine.fresh && !t.fresh) {
        *mine = theirs;
        drop(mine);
        broadcast(shared, &format!("state {}\n", encode(&theirs)), Some(newcomer));
        (shared.events)(LinkEvent::State(theirs));
        return Some(theirs);
    }
    Some(*mine)
}

/// Projectors on the link besides a newcomer: the hub itself and its projector peers.
fn projectors(shared: &Shared) -> usize {
    let peers = shared
        .peers
        .lock()
        .map_or(0, |p| p.iter().filter(|p| p.role == Screen::Projected).count());
    peers + usize::from(shared.role == Screen::Projected)
}

/// A peer follows the hub until it goes (or says `bye`).
fn follow_hub(shared: &Shared, stream: Stream) {
    let Ok(reader) = stream.try_clone() else { return };
    if let Ok(mut peers) = shared.peers.lock() {
        peers.clear();
        peers.push(Peer {
            id: 0,
            role: Screen::Projected,
            stream,
        });
    }
    for line in BufReader::new(reader).lines() {
        let Ok(line) = line else { break };
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["bye"] => break,
            ["already"] => {
                (shared.events)(LinkEvent::AlreadyPresented);
            }
            [kind @ ("state" | "welcome"), rest @ ..] => {
                if let Some(state) = decode(rest) {
                    if let Ok(mut mine) = shared.state.lock() {
                        *mine = state;
                    }
                    let event = if *kind == "welcome" {
                        LinkEvent::Welcome(state)
                    } else {
                        LinkEvent::State(state)
                    };
                    (shared.events)(event);
                }
            }
            _ => {}
        }
    }
    if let Ok(mut peers) = shared.peers.lock() {
        peers.clear();
    }
}

/// The lock file and socket of a show: `$XDG_RUNTIME_DIR/ipec/present-NAME.{lock,sock}` on Unix
/// (a folder only its user can enter, else one of the user's own under the temporary folder), and on
/// Windows the lock in the user's local application data and a pipe named for the user and the show.
fn place(show: &str) -> io::Result<Place> {
    let name: String = show
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' })
        .take(64)
        .collect();
    let dir = private_dir()?;
    Ok(Place {
        lock: dir.join(format!("present-{name}.lock")),
        socket: socket_for(&dir, &name)?,
    })
}

#[cfg(unix)]
fn socket_for(dir: &std::path::Path, name: &str) -> io::Result<OsString> {
    Ok(dir.join(format!("present-{name}.sock")).into_os_string())
}

/// `\\.\pipe\ipec-present-SID-NAME`: the user's security identifier keeps two users' shows of the
/// same tour apart on one machine.
#[cfg(windows)]
fn socket_for(_dir: &std::path::Path, name: &str) -> io::Result<OsString> {
    Ok(format!("ipec-present-{}-{name}", windows::user_sid()?).into())
}

#[cfg(unix)]
fn socket_name(socket: &OsStr) -> io::Result<Name<'_>> {
    socket.to_fs_name::<interprocess::local_socket::GenericFilePath>()
}

#[cfg(windows)]
fn socket_name(socket: &OsStr) -> io::Result<Name<'_>> {
    socket.to_ns_name::<interprocess::local_socket::GenericNamespaced>()
}

/// The hub's listener, which only this user can reach: the socket file is the user's alone (in a
/// folder of theirs); the pipe has a security descriptor that grants this user and no one else.
fn listen(place: &Place) -> io::Result<Listener> {
    let options = ListenerOptions::new().name(socket_name(&place.socket)?);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // The lock is ours: any socket file left is a dead hub's.
        let _ = std::fs::remove_file(&place.socket);
        let listener = options.create_sync()?;
        std::fs::set_permissions(&place.socket, std::fs::Permissions::from_mode(0o600))?;
        Ok(listener)
    }
    #[cfg(windows)]
    {
        use interprocess::os::windows::local_socket::ListenerOptionsExt;
        options.security_descriptor(windows::only_this_user()?).create_sync()
    }
}

/// After the hub's listener is closed: a socket file it left goes (a pipe goes with its last handle).
fn unlisten(place: &Place) {
    #[cfg(unix)]
    let _ = std::fs::remove_file(&place.socket);
    #[cfg(windows)]
    let _ = place;
}

/// An exclusive lock on the file, held until the file is closed (or the process ends), if free.
#[cfg(unix)]
fn try_lock(path: &std::path::Path) -> io::Result<Option<std::fs::File>> {
    use std::os::unix::fs::OpenOptionsExt;
    use std::os::unix::io::AsRawFd;
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .mode(0o600)
        .open(path)?;
    // SAFETY: flock on a descriptor this function owns; it has no other preconditions.
    let taken = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0;
    Ok(taken.then_some(file))
}

/// The file opened with no sharing: no one else can open it until it is closed (or the process ends).
#[cfg(windows)]
fn try_lock(path: &std::path::Path) -> io::Result<Option<std::fs::File>> {
    use std::os::windows::fs::OpenOptionsExt;
    /// ERROR_SHARING_VIOLATION: another process has the file open.
    const IN_USE: i32 = 32;
    let opened = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .share_mode(0)
        .open(path);
    match opened {
        Ok(file) => Ok(Some(file)),
        Err(e) if e.raw_os_error() == Some(IN_USE) => Ok(None),
        Err(e) => Err(e),
    }
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

/// `%LOCALAPPDATA%\ipec\data\present`: in the user's profile, which only they (and administrators) can open.
#[cfg(windows)]
fn private_dir() -> io::Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "ipec")
        .ok_or_else(|| io::Error::other("Windows did not say where this user's local application data is"))?;
    let dir = dirs.data_local_dir().join("present");
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

#[cfg(windows)]
mod windows {
    //! The current user's identity, and a security descriptor for a pipe that grants only them.

    use std::io;

    use interprocess::os::windows::security_descriptor::SecurityDescriptor;
    use windows_sys::Win32::Foundation::{CloseHandle, LocalFree, HANDLE};
    use windows_sys::Win32::Security::Authorization::ConvertSidToStringSidW;
    use windows_sys::Win32::Security::{GetTokenInformation, TokenUser, TOKEN_QUERY, TOKEN_USER};
    use windows_sys::Win32::System::Threading::{GetCurrentProcess, OpenProcessToken};

    /// "D:P(A;;GA;;;SID)": a protected DACL with one entry, all access for this user.
    pub fn only_this_user() -> io::Result<SecurityDescriptor> {
        let sddl = format!("D:P(A;;GA;;;{})", user_sid()?);
        let wide = widestring::U16CString::from_str(&sddl).map_err(io::Error::other)?;
        SecurityDescriptor::deserialize(&wide)
    }

    /// The security identifier of the user this process runs as, as text: "S-1-5-21-…".
    pub fn user_sid() -> io::Result<String> {
        let mut token: HANDLE = std::ptr::null_mut();
        // SAFETY: the pseudo-handle of the current process needs no closing; `token` is written on success.
        if unsafe { OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &mut token) } == 0 {
            return Err(io::Error::last_os_error());
        }
        let sid = token_user_sid(token);
        // SAFETY: `token` was opened above and is closed once.
        unsafe { CloseHandle(token) };
        sid
    }

    fn token_user_sid(token: HANDLE) -> io::Result<String> {
        let mut needed = 0u32;
        // SAFETY: a first call with no buffer only writes the size it needs.
        unsafe { GetTokenInformation(token, TokenUser, std::ptr::null_mut(), 0, &mut needed) };
        // u64s, for the alignment of the TOKEN_USER at its start.
        let mut buffer = vec![0u64; (needed as usize).div_ceil(8).max(1)];
        let size = u32::try_from(buffer.len() * 8).map_err(io::Error::other)?;
        // SAFETY: the buffer is `size` bytes long and aligned for TOKEN_USER.
        if unsafe { GetTokenInformation(token, TokenUser, buffer.as_mut_ptr().cast(), size, &mut needed) } == 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: on success the buffer starts with a TOKEN_USER whose SID points into the buffer.
        let sid = unsafe { (*buffer.as_ptr().cast::<TOKEN_USER>()).User.Sid };
        let mut text: *mut u16 = std::ptr::null_mut();
        // SAFETY: `sid` is valid while `buffer` lives; `text` is allocated by the call and freed below.
        if unsafe { ConvertSidToStringSidW(sid, &mut text) } == 0 {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: on success `text` is a NUL-terminated UTF-16 string.
        let owned = unsafe { widestring::U16CStr::from_ptr_str(text) }.to_string_lossy();
        // SAFETY: `text` was allocated with LocalAlloc by ConvertSidToStringSidW.
        unsafe { LocalFree(text.cast()) };
        Ok(owned)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn state(step: usize, fresh: bool) -> ShowState {
        ShowState {
            step,
            reveal: 0,
            blank: false,
            started_ms: 1000,
            fresh,
        }
    }

    /// The next state event, waiting for it (the link's threads deliver it).
    fn next_state(link: &Link) -> ShowState {
        loop {
            match link
                .events
                .as_ref()
                .expect("joined with `join`")
                .recv_timeout(Duration::from_secs(10))
            {
                Ok(LinkEvent::State(s) | LinkEvent::Welcome(s)) => return s,
                Ok(LinkEvent::AlreadyPresented) => continue,
                Err(e) => panic!("no state came: {e}"),
            }
        }
    }

    /// Waits for a state the test expects, past any the link passed on before it (the show's state as
    /// a reconnection repeats it).
    fn state_where(link: &Link, wanted: impl Fn(&ShowState) -> bool) -> ShowState {
        loop {
            let state = next_state(link);
            if wanted(&state) {
                return state;
            }
        }
    }

    fn show_name(what: &str) -> String {
        format!("test-{what}-{}", std::process::id())
    }

    #[test]
    fn a_newcomer_starts_where_the_show_is_and_both_follow_each_other() {
        let show = show_name("follow");
        let projector = join(&show, Screen::Projected, state(3, false)).expect("hub");
        let console = join(&show, Screen::Presenter, state(0, true)).expect("peer");
        assert_eq!(next_state(&console).step, 3, "a newcomer starts where the show is");
        console.send(state(4, false));
        assert_eq!(next_state(&projector).step, 4);
        projector.send(ShowState {
            blank: true,
            ..state(4, false)
        });
        assert!(next_state(&console).blank, "blanking is shared");
    }

    #[test]
    fn when_the_hub_quits_the_others_carry_on_and_a_restart_rejoins() {
        let show = show_name("restart");
        let projector = join(&show, Screen::Projected, state(0, true)).expect("hub");
        let console = join(&show, Screen::Presenter, state(0, true)).expect("peer");
        next_state(&console);
        console.send(state(5, false));
        assert_eq!(next_state(&projector).step, 5);
        drop(projector);
        let again = join(&show, Screen::Projected, state(0, true)).expect("rejoin");
        assert_eq!(
            next_state(&again).step,
            5,
            "the restarted projector rejoins at the show's step"
        );
        again.send(state(6, false));
        assert_eq!(
            state_where(&console, |s| s.step == 6).step,
            6,
            "and the console follows it again"
        );
    }

    #[test]
    fn a_second_projector_is_told_the_show_is_already_presented() {
        let show = show_name("second");
        let _first = join(&show, Screen::Projected, state(0, true)).expect("hub");
        let console = join(&show, Screen::Presenter, state(0, true)).expect("console");
        let second = join(&show, Screen::Projected, state(0, true)).expect("second");
        let told = |link: &Link| loop {
            match link
                .events
                .as_ref()
                .expect("joined with `join`")
                .recv_timeout(Duration::from_secs(10))
            {
                Ok(LinkEvent::AlreadyPresented) => return true,
                Ok(LinkEvent::State(_) | LinkEvent::Welcome(_)) => continue,
                Err(_) => return false,
            }
        };
        assert!(told(&second));
        next_state(&console);
        assert!(console.try_recv().is_empty(), "a console is never told so");
    }
}
