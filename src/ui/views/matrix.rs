//! The theory-of-change matrix: priorities down, areas across, the number of results in each cell, and
//! under it, when there is room, the key to the column numbers.

use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;

use crate::app::matrix::{Axis, Geometry};
use crate::app::{layout, App, Focus};
use crate::ui::{truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let focused = app.current().focus == Focus::List;
    let block = Block::bordered()
        .border_style(if focused { theme.border_focus } else { theme.border })
        .title(Span::styled(
            " Theory of change: results by priority × area ",
            theme.pane_title,
        ));
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    let m = &app.matrix;
    let g = Geometry::new(inner, m.cols.len());
    let mut lines = vec![header(app, &g, theme)];
    for (r, &priority) in m.rows.iter().enumerate() {
        let label = match priority {
            Axis::Is(i) => app.kb.priorities.get(i).map_or(String::new(), |p| p.title.clone()),
            Axis::None => "No priority given".into(),
            Axis::All => "All priorities".into(),
        };
        let label_style = if priority == Axis::All { theme.group } else { theme.item };
        let mut spans = vec![Span::styled(
            format!(
                "{:<w$}",
                truncate(&label, usize::from(g.label_width) - 1),
                w = usize::from(g.label_width)
            ),
            label_style,
        )];
        for c in 0..m.cols.len() {
            let n = m.count(r, c);
            let text = if n == 0 {
                "·".to_string()
            } else {
                crate::document::format::thousands(n)
            };
            let cell = format!("{text:>w$} ", w = usize::from(g.cell_width) - 1);
            let style = if app.current().cell() == (r, c) {
                if focused {
                    theme.selected
                } else {
                    theme.selected_unfocused
                }
            } else if n == 0 {
                theme.zero
            } else if m.rows[r] == Axis::All || m.cols[c] == Axis::All {
                theme.group
            } else {
                theme.figure_value
            };
            spans.push(Span::styled(cell, style));
        }
        lines.push(Line::from(spans));
    }
    lines.push(Line::raw(""));
    lines.extend(legend(app, theme, inner.width));
    frame.render_widget(Paragraph::new(lines), inner);
}

fn header(app: &App, g: &Geometry, theme: &Theme) -> Line<'static> {
    let mut spans = vec![Span::raw(" ".repeat(usize::from(g.label_width)))];
    for &area in &app.matrix.cols {
        let name = match area {
            Axis::Is(i) => app.kb.areas.get(i).map_or(String::new(), |a| format!("A{}", a.number)),
            Axis::None => "none".into(),
            Axis::All => "all".into(),
        };
        spans.push(Span::styled(
            format!("{name:>w$} ", w = usize::from(g.cell_width) - 1),
            theme.fact_key,
        ));
    }
    Line::from(spans)
}

fn legend(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = app
        .kb
        .areas
        .iter()
        .map(|a| {
            Line::from(vec![
                Span::styled(format!("A{}  ", a.number), theme.fact_key),
                Span::styled(truncate(&a.title, usize::from(width).saturating_sub(5)), theme.dim),
            ])
        })
        .collect();
    lines.push(Line::raw(""));
    let keys: Vec<String> = crate::app::keys::hints(&[crate::app::keys::Context::Matrix])
        .into_iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect();
    lines.push(Line::styled(truncate(&keys.join(" · "), usize::from(width)), theme.dim));
    lines
}
