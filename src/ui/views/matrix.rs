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
    let g = Geometry::new(inner, m);
    let mut lines = header(app, &g, theme);
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
    if !g.spelled {
        lines.extend(legend(app, theme, inner.width));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The column headings: A1–A4, or on a wide screen the areas' names on two lines.
fn header(app: &App, g: &Geometry, theme: &Theme) -> Vec<Line<'static>> {
    let mut spans = vec![Span::raw(" ".repeat(usize::from(g.label_width)))];
    let mut second = spans.clone();
    for &area in &app.matrix.cols {
        let name = match (area, g.spelled) {
            (Axis::Is(i), false) => app.kb.areas.get(i).map_or(String::new(), |a| format!("A{}", a.number)),
            (Axis::Is(i), true) => app.kb.areas.get(i).map_or(String::new(), |a| a.title.clone()),
            (Axis::None, false) => "none".into(),
            (Axis::None, true) => "No area given".into(),
            (Axis::All, false) => "all".into(),
            (Axis::All, true) => "All areas".into(),
        };
        let w = usize::from(g.cell_width) - 1;
        let (top, bottom) = if g.spelled {
            two_lines(&name, w)
        } else {
            (String::new(), name)
        };
        spans.push(Span::styled(format!("{:>w$} ", truncate(&top, w)), theme.fact_key));
        second.push(Span::styled(format!("{:>w$} ", truncate(&bottom, w)), theme.fact_key));
    }
    if g.spelled {
        vec![Line::from(spans), Line::from(second)]
    } else {
        vec![Line::from(second)]
    }
}

/// A name in two lines of `width`, broken between words: ("Public policies", "and governance").
pub(crate) fn two_lines(name: &str, width: usize) -> (String, String) {
    use unicode_width::UnicodeWidthStr;
    if name.width() <= width {
        return (String::new(), name.to_string());
    }
    let mut top = String::new();
    let mut words = name.split_whitespace().peekable();
    while let Some(word) = words.peek() {
        let need = top.width() + usize::from(!top.is_empty()) + word.width();
        if need > width && !top.is_empty() {
            break;
        }
        if !top.is_empty() {
            top.push(' ');
        }
        top.push_str(word);
        words.next();
    }
    (top, words.collect::<Vec<_>>().join(" "))
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
    let keys: Vec<String> = app
        .keymap
        .hints(&[crate::app::keys::Context::Matrix])
        .into_iter()
        .map(|(key, word)| format!("{key} {word}"))
        .collect();
    lines.push(Line::styled(truncate(&keys.join(" · "), usize::from(width)), theme.dim));
    lines
}
