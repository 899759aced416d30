//! The app's effects carried out: links opened or copied, exports written, the show's link joined and
//! left, the theme and the mouse changed, Ctrl-Z. What came of each goes back to the app as an action.

use std::io::{self, Write};
use std::sync::mpsc::Sender;

use ratatui::backend::Backend;
use ratatui::Terminal;

use crate::app::present::{Screen, ShowState};
use crate::app::{Action, App, Effect};
use crate::link::Link;
use crate::ui::{Theme, ThemeName};

use super::draw::clear_screen;
use super::messages::Message;
use super::{lock_output, looks_theme, set_mouse, suspend, Looks};

/// The presenter link of the show being presented, joined and left through the app's effects; its
/// messages come into the loop's channel marked with the link they came from, so that a link left
/// says nothing more.
pub(super) struct Linked {
    pub link: Option<Link>,
    pub generation: u64,
    pub messages: Sender<Message>,
}

/// Carries out the effects the app asked for, and tells it what came of them.
pub(super) fn perform_all<B: Backend>(
    app: &mut App,
    terminal: &mut Terminal<B>,
    looks: &mut Looks,
    linked: &mut Linked,
) -> io::Result<()>
where
    B::Error: Send + Sync + 'static,
{
    for effect in app.take_effects() {
        if let Some(report) = perform(effect, terminal, looks, linked)? {
            app.update(report);
        }
    }
    Ok(())
}

/// Carries out an effect. What the user should know of it comes back as an action for the app to
/// show, so this layer never writes the app's state.
fn perform<B: Backend>(
    effect: Effect,
    terminal: &mut Terminal<B>,
    looks: &mut Looks,
    linked: &mut Linked,
) -> io::Result<Option<Action>>
where
    B::Error: Send + Sync + 'static,
{
    let report = |text: String| Ok(Some(Action::Report(text)));
    match effect {
        Effect::OpenUrl(url) => {
            let said = open_url(&url, looks.tty);
            Ok(Some(Action::LinkShown { url, said }))
        }
        Effect::Copy { text, what } => report(format!("{what} {}", copy(&text, looks.tty))),
        Effect::JoinShow { show, screen, state } => Ok(join_show(&show, screen, state, linked)),
        Effect::SyncShow(state) => {
            linked.link.iter().for_each(|l| l.send(state));
            Ok(None)
        }
        Effect::LeaveShow => {
            linked.link = None;
            Ok(None)
        }
        Effect::CycleTheme => {
            looks.name = next_theme(looks.name);
            looks.theme = looks_theme(looks.name, looks.graphics);
            let note = if Theme::no_color_env() {
                " (NO_COLOR is set: no colours)"
            } else {
                ""
            };
            report(format!("Theme: {}{note}", crate::config::theme_name(looks.name)))
        }
        Effect::ToggleMouse => {
            let on = !looks.mouse;
            looks.mouse = on;
            if looks.tty {
                set_mouse(on);
            }
            report(if on {
                "Mouse on: click and scroll in ipec".to_string()
            } else {
                "Mouse off: the terminal selects text again".to_string()
            })
        }
        Effect::Suspend => {
            if looks.tty {
                suspend()?;
            }
            // The screen is drawn again from nothing, hyperlinks and all.
            clear_screen(terminal, looks)?;
            Ok(None)
        }
        Effect::Export {
            stem,
            extension,
            content,
            what,
        } => report(export(looks.export_dir.as_deref(), &stem, extension, &content, &what)),
    }
}

/// Joins the show's link; what the other views say comes into the loop's channel marked with this
/// link's number. Without the link the slides still work; the console is what needs it.
fn join_show(show: &str, screen: Screen, state: ShowState, linked: &mut Linked) -> Option<Action> {
    linked.generation += 1;
    let (generation, messages) = (linked.generation, linked.messages.clone());
    let sink = move |event| {
        let _ = messages.send(Message::Link(generation, event));
    };
    match crate::link::join_with(show, screen, state, Box::new(sink)) {
        Ok(joined) => {
            linked.link = Some(joined);
            None
        }
        Err(e) => Some(Action::Report(format!("Not linked to other views of this show: {e}"))),
    }
}

/// An export written, said with its full path (the folder may be the config file's, or the current
/// one on a remote machine, and a relative name tells neither).
fn export(dir: Option<&std::path::Path>, stem: &str, extension: &str, content: &str, what: &str) -> String {
    let folder = match dir {
        Some(dir) => dir.to_path_buf(),
        None => std::env::current_dir().unwrap_or_else(|_| std::path::PathBuf::from(".")),
    };
    let shown = crate::kb::text::escape(&folder.display().to_string()).into_owned();
    if let Err(e) = std::fs::create_dir_all(&folder) {
        return format!("Could not export to {shown}: {e}");
    }
    match write_new(&folder, stem, extension, content) {
        Ok(path) => format!(
            "Exported {what} to {}",
            crate::kb::text::escape(&path.display().to_string())
        ),
        Err(e) => format!("Could not export to {shown}: {e}"),
    }
}

/// Writes a new file in `folder`: `stem.ext`, else `stem-2.ext` and on, never over a file that exists
/// (create_new checks and creates in one step). Returns its full path.
fn write_new(folder: &std::path::Path, stem: &str, extension: &str, content: &str) -> io::Result<std::path::PathBuf> {
    let folder = std::path::absolute(folder)?;
    for n in 1..100 {
        let name = match n {
            1 => format!("{stem}.{extension}"),
            n => format!("{stem}-{n}.{extension}"),
        };
        let path = folder.join(&name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                file.write_all(content.as_bytes())?;
                return Ok(path);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{stem}.{extension} and 98 others like it exist already"
    )))
}

fn next_theme(theme: ThemeName) -> ThemeName {
    match theme {
        ThemeName::Dark => ThemeName::Light,
        ThemeName::Light => ThemeName::HighContrast,
        ThemeName::HighContrast => ThemeName::Dark,
    }
}

/// Opens a link in the browser, or, where that cannot work, copies it; says in words what was done.
/// Over SSH the opener would start a browser on the remote machine, which nobody sees; without a
/// graphical session there is no browser to start.
fn open_url(url: &str, tty: bool) -> String {
    let env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
    let remote = env("SSH_CONNECTION").is_some() || env("SSH_TTY").is_some();
    let why = if remote {
        "Over SSH, a browser would open on the remote machine, not yours"
    } else if !graphical(&env) {
        "No browser can open here: there is no graphical session (DISPLAY is not set)"
    } else {
        match open::that_detached(url) {
            Ok(()) => return "Opened in your browser.".to_string(),
            // The opener's own error (an exit status) means nothing to a person.
            Err(e) if e.kind() == io::ErrorKind::NotFound => "No browser found",
            Err(_) => "No browser could open it: the opener gave up",
        }
    };
    format!("{why}. The link was {}.", copy(url, tty))
}

/// Whether a browser can open here: a desktop session, WSL, or a BROWSER named. macOS and Windows
/// always have one.
fn graphical(env: &impl Fn(&str) -> Option<String>) -> bool {
    cfg!(any(target_os = "macos", windows))
        || ["DISPLAY", "WAYLAND_DISPLAY", "WSL_DISTRO_NAME", "BROWSER"]
            .iter()
            .any(|var| env(var).is_some())
}

/// Copies text with OSC 52, in the form that reaches the terminal the user sees (inside tmux, as
/// tmux's settings let it through); says what was done, to follow "was".
fn copy(text: &str, tty: bool) -> String {
    if !tty {
        return "not copied: there is no terminal to copy through".to_string();
    }
    let route = crate::osc::copy_route(|var| std::env::var(var).ok(), crate::osc::ask_tmux);
    if !route.copies() {
        return route.said();
    }
    let _output = lock_output();
    let mut out = io::stdout();
    match out.write_all(route.sequence(text).as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => route.said(),
        Err(e) => format!("not copied: the terminal could not be written to ({e})"),
    }
}
