//! Helpers shared by the explorer's tests: an app on the built-in knowledge base, keys, and a render to
//! text through ratatui's TestBackend.

#![allow(dead_code)]

#[cfg(unix)]
pub mod pty;

use ipec::app::{App, Key, KeyCode};
use ipec::kb::KnowledgeBase;
use ipec::ui::{self, Theme};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

pub fn app(width: u16, height: u16) -> App {
    App::new(
        KnowledgeBase::builtin().expect("the built-in knowledge base loads"),
        width,
        height,
    )
}

/// Presses each key of a vim-like description: plain characters, or `<Enter>`, `<Esc>`, `<Tab>`,
/// `<S-Tab>`, `<Down>`, `<Up>`, `<BS>`, `<C-x>`.
pub fn press(app: &mut App, keys: &str) {
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                app.key(named(&rest[1..end]));
                app.refresh();
                rest = &rest[end + 1..];
                continue;
            }
        }
        app.key(Key::ch(c));
        app.refresh();
        rest = &rest[c.len_utf8()..];
    }
}

fn named(name: &str) -> Key {
    match name {
        "Enter" => Key::plain(KeyCode::Enter),
        "Esc" => Key::plain(KeyCode::Esc),
        "Tab" => Key::plain(KeyCode::Tab),
        "S-Tab" => Key::plain(KeyCode::BackTab),
        "Down" => Key::plain(KeyCode::Down),
        "Right" => Key::plain(KeyCode::Right),
        "Left" => Key::plain(KeyCode::Left),
        "Up" => Key::plain(KeyCode::Up),
        "BS" => Key::plain(KeyCode::Backspace),
        "PgDn" => Key::plain(KeyCode::PageDown),
        "PgUp" => Key::plain(KeyCode::PageUp),
        other => match other.strip_prefix("C-").and_then(|c| c.chars().next()) {
            Some(c) => Key::ctrl(c),
            None => panic!("unknown key <{other}>"),
        },
    }
}

/// The screen as text, one line per row.
pub fn render(app: &App) -> String {
    render_with(app, &Theme::dark())
}

/// The screen as text in a theme (the text is the same in every theme; the projector's is checked too).
pub fn render_with(app: &App, theme: &Theme) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).expect("test terminal");
    terminal.draw(|frame| ui::draw(frame, app, theme)).expect("draw");
    // The backend's text view cannot show a zero-width screen (it panics); there is nothing to show.
    if app.width == 0 {
        return String::new();
    }
    terminal.backend().to_string()
}

/// The screen as text with the tab bar's row replaced by a fixed line: the tab bar has its own
/// snapshot (`tab_bar`, every width and theme), so that a new tab changes that one, not every view's.
pub fn render_view(app: &App) -> String {
    mask_tab_bar(app, &render(app), '"')
}

/// The line that stands for the tab bar in a view's snapshot, `width` columns wide.
pub fn tab_bar_stand_in(width: u16) -> String {
    "┄┄ the tab bar: see the tab_bar snapshot "
        .chars()
        .chain(std::iter::repeat('┄'))
        .take(usize::from(width))
        .collect()
}

/// `text` (a line per screen row, each between `quote`s if any) with the tab bar's row replaced by
/// `tab_bar_stand_in`; as it is when the screen has no tab bar (too small, presenting).
pub fn mask_tab_bar(app: &App, text: &str, quote: char) -> String {
    let row = app
        .screen()
        .filter(|_| app.show().is_none())
        .map(|s| usize::from(s.tabs.y));
    let mut out = String::new();
    for (y, line) in text.lines().enumerate() {
        match (Some(y) == row, quote) {
            (true, '"') => out.push_str(&format!("\"{}\"", tab_bar_stand_in(app.width))),
            (true, _) => out.push_str(&tab_bar_stand_in(app.width)),
            (false, _) => out.push_str(line),
        }
        out.push('\n');
    }
    out
}

/// The screen as lines of styled runs: `[fg bg +mods]text`, a run per change of style.
pub fn styled(buffer: &ratatui::buffer::Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut last = None;
        for x in 0..area.width {
            let Some(cell) = buffer.cell((x, y)) else { continue };
            let style = (cell.fg, cell.bg, cell.modifier);
            if last != Some(style) {
                out.push_str(&format!("[{}]", describe(style.0, style.1, style.2)));
                last = Some(style);
            }
            out.push_str(cell.symbol());
        }
        out.push('\n');
    }
    out
}

fn describe(fg: ratatui::style::Color, bg: ratatui::style::Color, m: ratatui::style::Modifier) -> String {
    use ratatui::style::{Color, Modifier};
    let mut parts = Vec::new();
    if fg != Color::Reset {
        parts.push(format!("{fg:?}"));
    }
    if bg != Color::Reset {
        parts.push(format!("on {bg:?}"));
    }
    for (flag, name) in [
        (Modifier::BOLD, "b"),
        (Modifier::UNDERLINED, "u"),
        (Modifier::REVERSED, "rev"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "i"),
    ] {
        if m.contains(flag) {
            parts.push(name.to_string());
        }
    }
    parts.join(" ")
}

/// Copies a folder and everything in it (a knowledge base to edit in a test).
pub fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read fixture") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy");
        }
    }
}
