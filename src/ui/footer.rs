//! The footer: the status message when there is one, else the key hints of the active contexts, taken
//! from the key table, as many as fit.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::App;

use super::{truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = usize::from(area.width);
    if let Some(status) = &app.status {
        let line = Line::styled(format!(" {}", truncate(status, width.saturating_sub(1))), theme.status);
        frame.render_widget(line, area);
        return;
    }
    let mut spans = vec![Span::raw(" ")];
    let mut used = 1;
    for (keys, word) in app.keymap.hints(&app.contexts()) {
        let need = keys.width() + 1 + word.width() + 2;
        if used + need > width {
            break;
        }
        used += need;
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::styled(format!(" {word}  "), theme.dim));
    }
    frame.render_widget(Line::from(spans), area);
}
