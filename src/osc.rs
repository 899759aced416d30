//! The terminal's own escape sequences for links and the clipboard, built as bytes and nothing else:
//! OSC 8 makes text a hyperlink (most terminals make it clickable, over SSH too), OSC 52 asks the
//! terminal to set the clipboard. Inside tmux an OSC 52 reaches the outer terminal only in the form
//! tmux's settings let through, which `copy_route` chooses from what tmux says of them.
//!
//! No other module of ipec: the command line and the explorer both use it.

use base64::Engine;

/// The end of an OSC 8 hyperlink: what follows is plain text again.
pub const HYPERLINK_CLOSE: &str = "\x1b]8;;\x1b\\";

/// A URL as OSC 8 carries it: only printable ASCII, every other byte percent-encoded, so that nothing
/// in a URL from the data can end the sequence or drive the terminal.
pub fn uri(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for b in url.bytes() {
        if (0x21..=0x7e).contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The start of an OSC 8 hyperlink to `url`. An `id` ties the pieces of one link that is drawn on
/// several lines together, so that the terminal underlines them all on hover.
pub fn hyperlink_open(url: &str, id: Option<&str>) -> String {
    let params = id
        .map(|id| format!("id={}", uri(id).replace([':', ';'], "-")))
        .unwrap_or_default();
    format!("\x1b]8;{params};{}\x1b\\", uri(url))
}

/// `text` as a hyperlink to `url`.
pub fn hyperlink(url: &str, text: &str) -> String {
    format!("{}{text}{HYPERLINK_CLOSE}", hyperlink_open(url, None))
}

/// Whether to write hyperlinks to this terminal: IPEC_HYPERLINKS=0 (or never) and =1 (or always)
/// decide; otherwise every terminal but the Linux console and a dumb one, which may show the sequence
/// as text (the others ignore what they do not support).
pub fn hyperlinks_wanted(env: impl Fn(&str) -> Option<String>) -> bool {
    match env("IPEC_HYPERLINKS").as_deref().map(str::trim) {
        Some("0" | "never" | "no" | "off") => return false,
        Some("1" | "always" | "yes" | "on") => return true,
        _ => {}
    }
    !matches!(env("TERM").as_deref(), Some("dumb" | "linux") | None)
}

/// OSC 52: set the clipboard to `text`, as the terminal itself reads it.
pub fn clipboard(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// A sequence wrapped for tmux to pass through to the terminal it runs in (every ESC doubled).
pub fn tmux_passthrough(sequence: &str) -> String {
    format!("\x1bPtmux;{}\x1b\\", sequence.replace('\x1b', "\x1b\x1b"))
}

/// A sequence wrapped for GNU screen to pass through.
pub fn screen_passthrough(sequence: &str) -> String {
    format!("\x1bP{sequence}\x1b\\")
}

/// How a copy reaches the terminal the user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopyRoute {
    /// Straight to the terminal (no multiplexer).
    Terminal,
    /// tmux takes a plain OSC 52 (`set-clipboard on`) and sets the outer terminal's clipboard.
    TmuxClipboard,
    /// tmux passes the wrapped sequence through (`allow-passthrough on`).
    TmuxPassthrough,
    /// tmux's settings could not be read: both forms are sent, whichever it takes.
    TmuxUnknown,
    /// GNU screen passes it through.
    Screen,
    /// tmux drops both forms; what it says of its settings.
    Blocked { set_clipboard: String, passthrough: String },
}

impl CopyRoute {
    /// The bytes that ask for `text` to be copied this way (nothing when tmux would drop them).
    pub fn sequence(&self, text: &str) -> String {
        let osc = clipboard(text);
        match self {
            CopyRoute::Terminal | CopyRoute::TmuxClipboard => osc,
            CopyRoute::TmuxPassthrough => tmux_passthrough(&osc),
            CopyRoute::TmuxUnknown => format!("{osc}{}", tmux_passthrough(&osc)),
            CopyRoute::Screen => screen_passthrough(&osc),
            CopyRoute::Blocked { .. } => String::new(),
        }
    }

    /// What was done, honestly, to follow "the link was": the terminal is asked, and most set the
    /// clipboard, but none says whether it did.
    pub fn said(&self) -> String {
        match self {
            CopyRoute::Terminal => "sent to your terminal's clipboard (OSC 52)".into(),
            CopyRoute::TmuxClipboard => "sent to your terminal's clipboard through tmux (set-clipboard on)".into(),
            CopyRoute::TmuxPassthrough => {
                "sent to your terminal's clipboard through tmux (allow-passthrough on)".into()
            }
            CopyRoute::TmuxUnknown => {
                "sent to your terminal's clipboard in both of tmux's forms (its settings could not be read)".into()
            }
            CopyRoute::Screen => "sent to your terminal's clipboard through screen (OSC 52)".into(),
            CopyRoute::Blocked {
                set_clipboard,
                passthrough,
            } => format!(
                "not copied: tmux has set-clipboard {set_clipboard} and allow-passthrough {passthrough}, and \
                 drops the copy (`tmux set -g set-clipboard on` lets ipec copy)"
            ),
        }
    }

    /// Whether anything is sent.
    pub fn copies(&self) -> bool {
        !matches!(self, CopyRoute::Blocked { .. })
    }
}

/// The route of a copy, from the environment (TMUX, TERM) and, inside tmux, what `tmux show -gv
/// OPTION` answers (`ask`; `None` when tmux cannot be asked).
pub fn copy_route(env: impl Fn(&str) -> Option<String>, ask: impl Fn(&str) -> Option<String>) -> CopyRoute {
    if env("TMUX").is_some_and(|t| !t.is_empty()) {
        let set_clipboard = ask("set-clipboard");
        let passthrough = ask("allow-passthrough");
        return match (set_clipboard.as_deref(), passthrough.as_deref()) {
            (Some("on"), _) => CopyRoute::TmuxClipboard,
            (_, Some("on" | "all")) => CopyRoute::TmuxPassthrough,
            (Some(clipboard), Some(passthrough)) => CopyRoute::Blocked {
                set_clipboard: clipboard.to_string(),
                passthrough: passthrough.to_string(),
            },
            _ => CopyRoute::TmuxUnknown,
        };
    }
    if env("TERM").is_some_and(|t| t.starts_with("screen")) || env("STY").is_some() {
        return CopyRoute::Screen;
    }
    CopyRoute::Terminal
}

/// What `tmux show -gv OPTION` prints, trimmed, from the tmux on PATH; `None` when it cannot run or
/// fails (an option this tmux does not have: `allow-passthrough` came with tmux 3.3).
pub fn ask_tmux(option: &str) -> Option<String> {
    let output = std::process::Command::new("tmux")
        .args(["show", "-gv", option])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let value = String::from_utf8_lossy(&output.stdout).trim().to_string();
    (output.status.success() && !value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn hyperlinks_are_byte_for_byte_osc_8() {
        assert_eq!(
            hyperlink("https://ilo.org/a b", "ILO"),
            "\x1b]8;;https://ilo.org/a%20b\x1b\\ILO\x1b]8;;\x1b\\"
        );
        assert_eq!(
            hyperlink_open("https://ilo.org/\x1b]evil", Some("l:1")),
            "\x1b]8;id=l-1;https://ilo.org/%1B]evil\x1b\\"
        );
        assert_eq!(uri("https://x.org/Côte"), "https://x.org/C%C3%B4te");
    }

    #[test]
    fn clipboard_sequences_are_byte_for_byte_osc_52() {
        assert_eq!(clipboard("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            tmux_passthrough("\x1b]52;c;aGk=\x07"),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        assert_eq!(
            screen_passthrough("\x1b]52;c;aGk=\x07"),
            "\x1bP\x1b]52;c;aGk=\x07\x1b\\"
        );
    }

    #[test]
    fn inside_tmux_the_route_follows_what_tmux_says() {
        let tmux = [("TMUX", "/tmp/tmux-0/default,1,0")];
        let answers = |clipboard: &'static str, passthrough: &'static str| {
            move |option: &str| match option {
                "set-clipboard" => Some(clipboard.to_string()),
                "allow-passthrough" => Some(passthrough.to_string()),
                _ => None,
            }
        };
        assert_eq!(copy_route(env(&tmux), answers("on", "off")), CopyRoute::TmuxClipboard);
        assert_eq!(
            copy_route(env(&tmux), answers("external", "on")),
            CopyRoute::TmuxPassthrough
        );
        assert_eq!(
            copy_route(env(&tmux), answers("external", "off")),
            CopyRoute::Blocked {
                set_clipboard: "external".into(),
                passthrough: "off".into()
            }
        );
        assert_eq!(copy_route(env(&tmux), |_| None), CopyRoute::TmuxUnknown);
        assert_eq!(copy_route(env(&[("TERM", "xterm")]), |_| None), CopyRoute::Terminal);
        assert_eq!(copy_route(env(&[("TERM", "screen")]), |_| None), CopyRoute::Screen);
        assert_eq!(CopyRoute::TmuxClipboard.sequence("hi"), "\x1b]52;c;aGk=\x07");
        assert_eq!(
            CopyRoute::TmuxPassthrough.sequence("hi"),
            "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
        assert!(!CopyRoute::Blocked {
            set_clipboard: "off".into(),
            passthrough: "off".into()
        }
        .copies());
    }

    #[test]
    fn hyperlinks_are_left_out_where_they_may_show_as_text() {
        assert!(hyperlinks_wanted(env(&[("TERM", "xterm-256color")])));
        assert!(!hyperlinks_wanted(env(&[("TERM", "linux")])));
        assert!(!hyperlinks_wanted(env(&[("TERM", "dumb")])));
        assert!(!hyperlinks_wanted(env(&[("TERM", "xterm"), ("IPEC_HYPERLINKS", "0")])));
        assert!(hyperlinks_wanted(env(&[
            ("TERM", "dumb"),
            ("IPEC_HYPERLINKS", "always")
        ])));
    }
}
