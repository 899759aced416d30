//! Links staff can follow from a terminal, over SSH too (issue 23): the detail pane shows every link's
//! URL (shortened in the middle, whole when focused), the terminal gets them as OSC 8 hyperlinks, `o`
//! opens or copies and says which in an overlay with the whole URL, the copy takes the form tmux lets
//! through (asked of a fake `tmux` first on PATH), a failed browser is said in words, and exports say
//! their full path. The app is driven in memory; the sequences are checked byte for byte on the real
//! binary in a pseudo-terminal.

mod common;

use common::{app, press, render};
use ipec::app::{Action, Effect, Mode};

const C182: &str = "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182";

/// C182 in its tab, its detail focused on its NORMLEX link.
fn c182_link_focused(width: u16, height: u16) -> ipec::app::App {
    let mut app = app(width, height);
    press(&mut app, "/C182<Enter><Enter>G");
    for _ in 0..6 {
        let view = app.detail_view();
        let on_normlex = app
            .detail_link()
            .and_then(|l| view.link_targets.get(l))
            .is_some_and(|t| matches!(t, ipec::app::detail::LinkTarget::Web(url) if url == C182));
        if on_normlex {
            return app;
        }
        press(&mut app, "k");
    }
    panic!("the NORMLEX link never got the focus:\n{}", render(&app));
}

#[test]
fn the_detail_pane_shows_each_url_shortened_and_the_focused_one_whole() {
    let mut app = app(120, 40);
    // The detail pane scrolled to its end, no link focused: the NORMLEX URL, shortened to its line.
    press(&mut app, "/C182<Enter><Enter>G");
    assert_eq!(app.detail_link(), None);
    let screen = render(&app);
    let short = screen
        .lines()
        .find(|l| l.contains("https://normlex.ilo.org/"))
        .unwrap_or_else(|| panic!("no URL on screen:\n{screen}"));
    assert!(short.contains('…') && short.contains("ILO_CODE:C182"), "{short}");

    let app = c182_link_focused(80, 24);
    let screen = render(&app);
    let joined: String = screen
        .lines()
        .map(|l| {
            l.trim_matches('"')
                .trim_start_matches('│')
                .trim_end_matches(['│', '┃'])
                .trim()
        })
        .collect();
    assert!(joined.contains(C182), "the focused link's URL whole:\n{screen}");
}

#[test]
fn the_urls_on_screen_are_hyperlinks_where_they_are_drawn() {
    let app = c182_link_focused(120, 40);
    let links = app.hyperlinks();
    assert!(!links.is_empty(), "no hyperlink on screen");
    let screen = render(&app);
    let rows: Vec<Vec<char>> = screen.lines().map(|l| l.trim_matches('"').chars().collect()).collect();
    let mut shown = String::new();
    for link in links.iter().filter(|l| l.url == C182) {
        let row = &rows[usize::from(link.y)];
        let start = usize::from(link.x);
        shown.extend(&row[start..start + usize::from(link.width)]);
    }
    assert_eq!(shown, C182, "the pieces drawn are the URL, whole while focused");
    // Under the help overlay, nothing: it covers the pane.
    let mut helped = app;
    press(&mut helped, "?");
    assert!(helped.hyperlinks().is_empty());
}

#[test]
fn o_asks_to_open_and_the_outcome_shows_with_the_whole_url_in_an_overlay() {
    let mut app = c182_link_focused(80, 24);
    press(&mut app, "o");
    let effects = app.take_effects();
    assert_eq!(effects, vec![Effect::OpenUrl(C182.to_string())]);
    // What the terminal layer says it did comes back as an action.
    app.update(Action::LinkShown {
        url: C182.to_string(),
        said: "Over SSH, a browser would open on the remote machine, not yours. The link was sent to your \
               terminal's clipboard (OSC 52)."
            .to_string(),
    });
    assert!(matches!(app.mode, Mode::Link(_)));
    assert!(
        app.selecting_text(),
        "the mouse is left to the terminal, to select the URL"
    );
    let screen = render(&app);
    let lines: Vec<&str> = screen.lines().map(|l| l.trim_matches('"')).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("https://normlex"))
        .unwrap_or_else(|| panic!("{screen}"));
    // At the left edge, nothing beside it: a terminal's selection takes the URL alone.
    let url: String = lines[at..]
        .iter()
        .take_while(|l| !l.trim().is_empty())
        .map(|l| l.trim_end())
        .collect();
    assert_eq!(url, C182, "{screen}");
    assert!(screen.contains("Over SSH"), "{screen}");
    let links = app.hyperlinks();
    assert_eq!(links.len(), 2, "the URL's two lines, each a hyperlink: {links:?}");
    assert!(links.iter().all(|l| l.url == C182 && l.x == 0));
    press(&mut app, "y");
    assert_eq!(
        app.take_effects(),
        vec![Effect::Copy {
            text: C182.to_string(),
            what: "the link".to_string()
        }]
    );
    press(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Browse));
    assert!(!app.selecting_text());
}

#[test]
fn help_lists_every_tab_by_number_and_name() {
    let mut app = app(60, 24);
    press(&mut app, "?");
    let screen = render(&app);
    for (digit, title) in [
        ("1", "Overview"),
        ("3", "Theory of change"),
        ("7", "Partnerships"),
        ("0", "Library"),
    ] {
        assert!(
            screen
                .lines()
                .any(|l| l.contains(&format!(" {digit} ")) && l.contains(title)),
            "{digit} {title}:\n{screen}"
        );
    }
}

/// The real binary in a pseudo-terminal. Unix only: Windows has ConPTY instead, which Wine, where the
/// Windows build's tests run, does not provide; the fake programs on PATH are shell scripts too.
#[cfg(unix)]
mod in_a_pty {
    use super::C182;
    use std::io::Write;
    use std::path::Path;

    use crate::common::pty::{ipec, read_screen, spawn, KillOnDrop, Screen};

    /// ipec in a pseudo-terminal with this environment (and no SSH, tmux or display from the caller's).
    fn start(env: &[(&str, String)], args: &[&str], home: &Path) -> (KillOnDrop, Screen, Box<dyn Write + Send>) {
        let (rows, cols) = (40, 120);
        let mut cmd = ipec(args);
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join(".config"));
        cmd.env("XDG_RUNTIME_DIR", home);
        cmd.cwd(home);
        for var in [
            "SSH_CONNECTION",
            "SSH_TTY",
            "TMUX",
            "STY",
            "DISPLAY",
            "WAYLAND_DISPLAY",
            "BROWSER",
            "NO_COLOR",
        ] {
            cmd.env_remove(var);
        }
        for (var, value) in env {
            cmd.env(var, value);
        }
        let (child, master) = spawn(cmd, rows, cols);
        read_screen(child, master, rows, cols)
    }

    fn send(writer: &mut Box<dyn Write + Send>, keys: &str) {
        writer.write_all(keys.as_bytes()).expect("keys reach ipec");
        writer.flush().expect("flush");
    }

    /// A folder of fake programs first on PATH: `tmux` answering `show -gv OPTION` as given, and browser
    /// openers that all fail.
    fn fake_path(dir: &Path, set_clipboard: &str, passthrough: &str) -> String {
        use std::os::unix::fs::PermissionsExt;
        let bin = dir.join("bin");
        std::fs::create_dir_all(&bin).expect("a folder");
        let tmux = format!(
            "#!/bin/sh\n\
         [ \"$1 $2\" = \"show -gv\" ] || exit 1\n\
         case \"$3\" in\n\
           set-clipboard) echo {set_clipboard} ;;\n\
           allow-passthrough) echo {passthrough} ;;\n\
           *) exit 1 ;;\n\
         esac\n"
        );
        let mut scripts = vec![("tmux".to_string(), tmux)];
        for opener in [
            "xdg-open",
            "gio",
            "gnome-open",
            "kde-open",
            "kde-open5",
            "wslview",
            "sensible-browser",
        ] {
            scripts.push((opener.to_string(), "#!/bin/sh\nexit 3\n".to_string()));
        }
        for (name, script) in scripts {
            let path = bin.join(name);
            std::fs::write(&path, script).expect("writes a fake program");
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("executable");
        }
        format!("{}:/usr/bin:/bin", bin.display())
    }

    fn base64(text: &str) -> String {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(text)
    }

    /// C182 found and the NORMLEX link focused in the real explorer, then `o`.
    fn open_c182(writer: &mut Box<dyn Write + Send>, screen: &Screen) {
        screen.wait_for("Overview");
        send(writer, "/C182");
        screen.wait_for("Worst Forms");
        send(writer, "\r");
        screen.wait_for("Convention C182");
        // Into the detail pane, to its end, then up to the NORMLEX link: keys are taken in order, so
        // they need no pause between them.
        send(writer, "\rGkko");
    }

    #[test]
    fn the_explorer_writes_its_urls_as_osc_8_hyperlinks() {
        let home = tempfile::tempdir().expect("a home");
        let (_child, screen, mut writer) = start(&[], &[], home.path());
        screen.wait_for("Overview");
        send(&mut writer, "/C182");
        screen.wait_for("Worst Forms");
        send(&mut writer, "\r\rG");
        screen.wait_for("https://normlex.ilo.org/");
        // The shortened URL opens the whole one, and the link is closed after it.
        let open = format!("\x1b]8;;{C182}\x1b\\");
        screen.wait_for_bytes(open.as_bytes());
        let written = screen.written();
        let at = written
            .windows(open.len())
            .position(|w| w == open.as_bytes())
            .unwrap_or(0);
        let rest = &written[at + open.len()..];
        let close = b"\x1b]8;;\x1b\\";
        let closed = rest
            .windows(close.len())
            .position(|w| w == close)
            .expect("the hyperlink is closed");
        let text = String::from_utf8_lossy(&rest[..closed]);
        assert!(
            text.contains("https://normlex.ilo.org/") && text.contains('…'),
            "{text:?}"
        );
        send(&mut writer, "q");
    }

    #[test]
    fn over_ssh_inside_tmux_the_copy_takes_the_form_tmux_lets_through() {
        let text_of = |set_clipboard: &str, passthrough: &str| {
            let home = tempfile::tempdir().expect("a home");
            let env = [
                ("PATH", fake_path(home.path(), set_clipboard, passthrough)),
                ("TMUX", "/tmp/tmux-1000/default,4242,0".to_string()),
                ("SSH_CONNECTION", "10.0.0.1 50000 10.0.0.2 22".to_string()),
            ];
            let (_child, screen, mut writer) = start(&env, &["tui", "--no-mouse"], home.path());
            open_c182(&mut writer, &screen);
            let shown = screen.wait_for("Over SSH");
            send(&mut writer, "\x1b");
            send(&mut writer, "q");
            (screen.written(), shown)
        };
        let osc52 = format!("\x1b]52;c;{}\x07", base64(C182));
        let passthrough = format!("\x1bPtmux;\x1b{osc52}\x1b\\");
        let contains = |all: &[u8], needle: &str| all.windows(needle.len()).any(|w| w == needle.as_bytes());

        let (written, shown) = text_of("on", "off");
        assert!(
            contains(&written, &osc52) && !contains(&written, "\x1bPtmux;"),
            "set-clipboard on: plain"
        );
        assert!(
            shown.contains("set-clipboard on") && shown.contains("NORMLEXPUB"),
            "{shown}"
        );

        let (written, shown) = text_of("external", "on");
        assert!(contains(&written, &passthrough), "allow-passthrough on: wrapped");
        assert!(shown.contains("allow-passthrough on"), "{shown}");

        let (written, shown) = text_of("external", "off");
        assert!(!contains(&written, "\x1b]52;"), "tmux would drop it: nothing sent");
        assert!(
            shown.contains("not copied") && shown.contains("set-clipboard on"),
            "{shown}"
        );
    }

    #[test]
    fn a_browser_that_fails_is_said_in_words_with_the_url() {
        let home = tempfile::tempdir().expect("a home");
        let env = [
            ("PATH", fake_path(home.path(), "on", "off")),
            ("BROWSER", "false".to_string()),
        ];
        let (_child, screen, mut writer) = start(&env, &["tui", "--no-mouse"], home.path());
        open_c182(&mut writer, &screen);
        let shown = screen.wait_for("No browser");
        assert!(
            !shown.contains("ExitStatus") && !shown.contains("wait_status"),
            "{shown}"
        );
        assert!(shown.contains("NORMLEXPUB:12100"), "the URL shows: {shown}");
        let osc52 = format!("\x1b]52;c;{}\x07", base64(C182));
        screen.wait_for_bytes(osc52.as_bytes());
        send(&mut writer, "\x1bq");
    }

    #[test]
    fn an_export_says_its_full_path_in_the_configured_folder() {
        let home = tempfile::tempdir().expect("a home");
        let config = home.path().join(".config").join("ipec");
        std::fs::create_dir_all(&config).expect("a config folder");
        std::fs::write(config.join("config.toml"), "export_folder = \"~/exports\"\n").expect("a config file");
        let (_child, screen, mut writer) = start(&[], &["tui"], home.path());
        screen.wait_for("Overview");
        send(&mut writer, "5e");
        let expected = home.path().join("exports").join("ipec-countries.csv");
        screen.wait_for(&format!("Exported 54 countries to {}", expected.display()));
        let csv = std::fs::read_to_string(&expected).expect("the export is there");
        assert!(csv.starts_with("id,name"), "{csv}");
        send(&mut writer, "q");
    }
}
