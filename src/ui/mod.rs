//! The views: each draws one part of the screen from `&App` and the theme, and changes nothing.
//!
//! - `tabs`: the tab bar.            - `views/`: each kind of tab view (list, matrix, map, timeline).
//! - `detail`: the detail pane (a laid-out `Document`).
//! - `palette`: the search palette.  - `footer`: key hints and status, from the key table.
//! - `help`: the help overlay.       - `too_small`: below 40×12.
//! - `loading`: the loading screen, before there is an `App`.
//! - `present`: a slide (`SlideLayout` says where its parts go); `console`: the trainer's console;
//!   `slide_map`, `slide_timeline`, `map_cells`: the visuals drawn in cells.
//! - `theme`: colours.

mod console;
mod detail;
mod footer;
mod help;
mod link;
pub mod loading;
mod map_cells;
mod palette;
pub mod present;
mod problems;
mod slide_map;
mod slide_timeline;
mod tabs;
pub mod theme;
mod too_small;
mod views;

use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};
use ratatui::Frame;

use crate::app::{App, Mode};
pub use theme::{Theme, ThemeName};

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    frame.buffer_mut().set_style(area, theme.base);
    // Slides take the whole screen, at any size.
    if let Some(show) = app.show() {
        present::draw(frame, app, show, theme);
        return;
    }
    let Some(screen) = app.screen() else {
        too_small::draw(frame, app, theme, area);
        return;
    };
    tabs::draw(frame, app, theme, screen.tabs);
    match &app.mode {
        Mode::Search(_) => {
            palette::draw(frame, app, theme, screen.list);
            detail::draw(frame, app, theme, screen.detail);
        }
        Mode::Browse
        | Mode::Filter(_)
        | Mode::Help { .. }
        | Mode::Present(_)
        | Mode::Problems { .. }
        | Mode::Link(_) => views::draw(frame, app, theme, &screen),
    }
    if let Some(banner) = screen.banner {
        problems::banner(frame, app, theme, banner);
    }
    footer::draw(frame, app, theme, screen.footer);
    match &app.mode {
        Mode::Help { .. } => help::draw(frame, app, theme, area),
        Mode::Problems { .. } => problems::overlay(frame, app, theme, area),
        Mode::Link(note) => link::draw(frame, note, theme, area),
        Mode::Browse | Mode::Filter(_) | Mode::Search(_) | Mode::Present(_) => {}
    }
}

pub use crate::kb::text::cut as truncate;

/// An input line in `width` columns: the part of the text around the cursor (the end of a long paste
/// stays in view), the cursor shown on the character it is before, or after the last one.
pub fn input_line(input: &tui_input::Input, width: usize, text: Style, cursor: Style) -> Vec<Span<'static>> {
    use unicode_width::UnicodeWidthChar;
    let width = width.max(1);
    // One column is kept for the cursor after the end.
    let scroll = input.visual_scroll(width.saturating_sub(1).max(1));
    let at = input.visual_cursor();
    let mut spans = Vec::new();
    let mut column = 0;
    let mut shown = 0;
    let mut cursor_drawn = false;
    for c in input.value().chars() {
        let w = c.width().unwrap_or(0);
        if column >= scroll && shown + w < width {
            let c = if c.is_control() { '?' } else { c };
            if column == at {
                spans.push(Span::styled(c.to_string(), cursor));
                cursor_drawn = true;
            } else {
                spans.push(Span::styled(c.to_string(), text));
            }
            shown += w;
        }
        column += w;
    }
    if !cursor_drawn {
        spans.push(Span::styled(" ", cursor));
    }
    spans
}

/// A scrollbar on the right border of a bordered pane, drawn only when its `total` lines do not fit in
/// the `height` shown; `offset` is the first line shown.
pub(crate) fn scrollbar(frame: &mut Frame, theme: &Theme, area: Rect, total: usize, height: usize, offset: usize) {
    if total <= height {
        return;
    }
    let mut bar = ScrollbarState::new(total.saturating_sub(height)).position(offset);
    frame.render_stateful_widget(
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .style(theme.border),
        area.inner(Margin::new(0, 1)),
        &mut bar,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_columns_not_bytes() {
        assert_eq!(truncate("Côte d’Ivoire", 20), "Côte d’Ivoire");
        assert_eq!(truncate("Côte d’Ivoire", 6), "Côte …");
        assert_eq!(truncate("日本語", 4), "日…");
        assert_eq!(truncate("abc", 0), "");
    }
}
