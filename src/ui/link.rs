//! The overlay of a link opened or copied: what was done, then the whole URL across the screen's width
//! (see `layout::link_overlay`), where the terminal's own selection can take it.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear};
use ratatui::Frame;

use crate::app::layout::link_overlay;
use crate::app::LinkNote;

use super::Theme;

pub fn draw(frame: &mut Frame, note: &LinkNote, theme: &Theme, area: Rect) {
    let overlay = link_overlay(area.width, area.height, note);
    frame.render_widget(Clear, overlay.area);
    let block = Block::default()
        .borders(Borders::TOP | Borders::BOTTOM)
        .border_style(theme.border_focus)
        .style(theme.base)
        .title(Span::styled(" Link ", theme.pane_title))
        .title_bottom(
            Line::styled(" Esc close · y copy again · select it with the mouse ", theme.count).right_aligned(),
        );
    frame.render_widget(block, overlay.area);
    for (at, text) in overlay.said {
        frame.render_widget(Line::styled(text, theme.text), at);
    }
    for (at, text) in overlay.url {
        frame.render_widget(Line::styled(text, theme.url), at);
    }
}
