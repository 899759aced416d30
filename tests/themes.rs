//! Every theme on one screen, with its styles: each run of text is written with the colours and emphasis
//! it is drawn in, so a theme that loses a style (a selection that no longer shows, a link that looks like
//! text) changes its snapshot.

mod common;

use common::{app, press};
use ipec::ui::{self, Theme};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

/// The screen as lines of styled runs: `[fg bg +mods]text`, a run per change of style.
fn styled(buffer: &Buffer) -> String {
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

fn describe(fg: Color, bg: Color, m: Modifier) -> String {
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

#[test]
fn every_theme_on_ghana_with_its_links() {
    for (name, theme) in [
        ("dark", Theme::dark()),
        ("light", Theme::light()),
        ("high_contrast", Theme::high_contrast()),
        ("mono", Theme::mono()),
    ] {
        let mut app = app(100, 30);
        press(&mut app, "5fghana<Enter><Enter>j");
        let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("test terminal");
        terminal.draw(|frame| ui::draw(frame, &app, &theme)).expect("draw");
        insta::assert_snapshot!(format!("theme_{name}_100x30"), styled(terminal.backend().buffer()));
    }
}
