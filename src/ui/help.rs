//! The help overlay: how the app works in a few lines, then every binding of the key table by context.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use ratatui::Frame;

use crate::app::keys::HelpLine;
use crate::app::Mode;
use crate::app::{layout, App};

use super::{truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let width = area.width.saturating_sub(4).min(100);
    let height = area.height.saturating_sub(2);
    let overlay = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    frame.render_widget(Clear, overlay);
    let all = app.keymap.help_lines();
    let scroll = match app.mode {
        Mode::Help { scroll } => scroll.min(all.len().saturating_sub(1)),
        _ => 0,
    };
    let hint = app
        .keymap
        .hints(&app.contexts())
        .into_iter()
        .map(|(keys, word)| format!("{keys} {word}"))
        .collect::<Vec<_>>()
        .join(" · ");
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .style(theme.base)
        .title(Span::styled(" Keys and how ipec works ", theme.pane_title))
        .title_bottom(Line::styled(format!(" {hint} "), theme.count).right_aligned());
    frame.render_widget(block, overlay);
    let inner = layout::inner(overlay);
    let w = usize::from(inner.width.saturating_sub(1));
    let lines: Vec<Line> = all
        .iter()
        .skip(scroll)
        .map(|line| match line {
            HelpLine::Heading(h) => Line::styled(format!(" {h}"), theme.heading),
            HelpLine::Note(n) => Line::styled(format!(" {}", truncate(n, w)), theme.text),
            HelpLine::Key(keys, what) => Line::from(vec![
                Span::styled(format!("   {:<16}", truncate(keys, 15)), theme.key),
                Span::styled(truncate(what, w.saturating_sub(19)), theme.text),
            ]),
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
