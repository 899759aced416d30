//! The tab bar: the brand when there is room, then the numbered tabs (see `layout::tab_labels`).

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::Frame;

use crate::app::layout::{brand_width, tab_labels};
use crate::app::App;

use super::Theme;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let mut spans = Vec::new();
    let brand = brand_width(area.width);
    if brand > 0 {
        spans.push(Span::styled(" IPEC+ ", theme.brand));
        spans.push(Span::raw(" ".repeat(usize::from(brand) - 7)));
    }
    let mut x = brand;
    for (tab, label, start, width) in tab_labels(area.width, app.tab) {
        if start > x {
            spans.push(Span::raw(" ".repeat(usize::from(start - x))));
        }
        let style = if tab == app.tab { theme.tab_active } else { theme.tab };
        spans.push(Span::styled(label, style));
        x = start + width;
    }
    frame.render_widget(Line::from(spans), area);
}
