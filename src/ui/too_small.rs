//! Below 40×12 the panes cannot be read: say so, and what size is needed.

use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;

use crate::app::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::app::App;

use super::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let lines = vec![
        Line::styled("Terminal too small", theme.heading),
        Line::raw(format!(
            "{}×{}: ipec needs {MIN_WIDTH}×{MIN_HEIGHT}",
            app.width, app.height
        )),
        Line::styled(
            format!(
                "Enlarge the window, or {} to quit",
                app.key_for(crate::app::Action::Quit)
            ),
            theme.dim,
        ),
    ];
    let height = (lines.len() as u16).min(area.height);
    let top = area.y + area.height.saturating_sub(height) / 2;
    let text_area = Rect::new(area.x, top, area.width, area.height.saturating_sub(top - area.y));
    let text = Paragraph::new(Text::from(lines)).centered().wrap(Wrap { trim: true });
    frame.render_widget(text, text_area);
}
