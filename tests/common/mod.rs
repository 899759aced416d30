//! Helpers shared by the explorer's tests: an app on the built-in knowledge base, keys, and a render to
//! text through ratatui's TestBackend.

#![allow(dead_code)]

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
