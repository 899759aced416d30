//! A tab's list: the filter line when filtering, then the rows in view, indented as a tree, each with its
//! lead column, label and a dim detail on the right.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::rows::Shown;
use crate::app::views::ListView;
use crate::app::{layout, App, Focus, Mode};
use crate::document::format::thousands;
use crate::ui::{scrollbar, truncate, Theme};

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(state) = app.current().list() else { return };
    let focused = app.current().focus == Focus::List;
    let (matched, total) = app.match_count(app.tab);
    let building = app.building(app.tab);
    let count = if building {
        " preparing… ".to_string()
    } else if state.filter.is_empty() && state.region.is_none() {
        format!(" {} ", thousands(total))
    } else {
        format!(" {} of {} ", thousands(matched), thousands(total))
    };
    let block = Block::bordered()
        .border_style(if focused { theme.border_focus } else { theme.border })
        .title(Span::styled(format!(" {} ", app.tab.title()), theme.pane_title))
        .title_top(Line::styled(count, theme.count).right_aligned());
    frame.render_widget(block, area);
    if app.filter_line() {
        let inner = layout::inner(area);
        let line = Rect::new(inner.x, inner.y, inner.width, inner.height.min(1));
        frame.render_widget(filter_line(app, state, theme, inner.width), line);
    }
    let rows_area = layout::list_rows(area, app.filter_line());
    let visible = app.visible(app.tab);
    if visible.is_empty() {
        let text = if building {
            let results = app.kb.len(crate::kb::Kind::Achievement);
            format!("Preparing the list of {} results…", thousands(results))
        } else if state.filter.is_empty() {
            "Nothing here".to_string()
        } else {
            format!(
                "No match: {} clears the filter",
                app.key_for(crate::app::Action::ClearFilter)
            )
        };
        frame.render_widget(Line::styled(text, theme.dim), rows_area);
        return;
    }
    let rows = app.rows(app.tab);
    let lead_width = rows.iter().map(|r| r.lead_width(&app.kb)).max().unwrap_or(0);
    let lines: Vec<Line> = visible
        .iter()
        .skip(state.offset)
        .take(usize::from(rows_area.height))
        .map(|&i| {
            let header = rows.get(i + 1).is_some_and(|next| next.depth > rows[i].depth);
            let style = match (state.selected == Some(i), focused) {
                (true, true) => Some(theme.selected),
                (true, false) => Some(theme.selected_unfocused),
                _ => None,
            };
            row_line(
                rows[i].shown(&app.kb),
                rows[i].depth,
                header,
                lead_width,
                usize::from(rows_area.width),
                style,
                theme,
            )
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), rows_area);
    let height = usize::from(rows_area.height);
    scrollbar(frame, theme, area, visible.len(), height, state.offset);
}

fn filter_line(app: &App, state: &ListView, theme: &Theme, width: u16) -> Line<'static> {
    let editing = match &app.mode {
        Mode::Filter(input) => Some(input),
        _ => None,
    };
    let typing = editing.is_some();
    let mut spans = vec![Span::styled(" Filter ", theme.prompt)];
    let room = usize::from(width).saturating_sub(30).max(8);
    match editing {
        Some(input) => spans.extend(crate::ui::input_line(input, room, theme.text, theme.selected)),
        None => spans.push(Span::raw(truncate(&state.filter, room))),
    }
    if let Some(region) = state.region {
        spans.push(Span::styled(format!("  region: {}", region.name()), theme.dim));
    }
    use crate::app::Action;
    let clear = app.key_for(Action::ClearFilter);
    if typing {
        let keep = app.key_for(Action::AcceptFilter);
        spans.push(Span::styled(format!("  {keep} keeps · {clear} clears"), theme.dim));
    } else {
        spans.push(Span::styled(
            format!("  {} clears", app.key_for(Action::Back)),
            theme.dim,
        ));
    }
    Line::from(spans)
}

/// One row: indent, lead, label (cut to fit), detail right-aligned; highlighted across the whole width
/// when selected.
fn row_line(
    row: Shown,
    depth: u8,
    header: bool,
    lead_width: usize,
    width: usize,
    selected: Option<Style>,
    theme: &Theme,
) -> Line<'static> {
    let indent = "  ".repeat(usize::from(depth));
    let lead = if lead_width > 0 && !row.lead.is_empty() {
        format!(
            "{}{} ",
            row.lead,
            " ".repeat(lead_width.saturating_sub(row.lead.width()))
        )
    } else {
        String::new()
    };
    let left = indent.width() + lead.width() + 1;
    let detail = truncate(&row.detail, (width / 3).max(4));
    let room = width.saturating_sub(left + detail.width() + 2);
    let label = truncate(&row.label, room);
    let gap = width.saturating_sub(left + label.width() + detail.width() + 1);
    // A selected row is one style throughout: a coloured label on the selection colour can vanish.
    let (lead_style, label_style, detail_style) = match selected {
        Some(sel) if header => (sel, sel.add_modifier(ratatui::style::Modifier::BOLD), sel),
        Some(sel) => (sel, sel, sel),
        None if header => (theme.lead, theme.group, theme.detail),
        None => (theme.lead, theme.item, theme.detail),
    };
    let fill = selected.unwrap_or_default();
    Line::from(vec![
        Span::styled(format!(" {indent}"), fill),
        Span::styled(lead, lead_style),
        Span::styled(label, label_style),
        Span::styled(" ".repeat(gap), fill),
        Span::styled(detail, detail_style),
        Span::styled(" ", fill),
    ])
}
