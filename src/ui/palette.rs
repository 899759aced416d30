//! The search palette, in place of the list: the query, then the ranked results, each with its kind and
//! the matched characters of its title highlighted. The detail pane previews the selected one.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use crate::app::{layout, App};
use crate::search::{answer, Hit};

use super::{truncate, Theme};

const KIND_WIDTH: usize = 13;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let Some(palette) = app.palette() else {
        return;
    };
    let count = match palette.hits.len() {
        0 if palette.query().trim().is_empty() => String::new(),
        0 if !app.search_ready() => " indexing… ".to_string(),
        n if n >= crate::app::palette::LIMIT => format!(" top {n} "),
        n => format!(" {} found ", crate::document::format::thousands(n)),
    };
    let block = Block::bordered()
        .border_style(theme.border_focus)
        .title(Span::styled(" Search every record ", theme.pane_title))
        .title_top(Line::styled(count, theme.count).right_aligned());
    frame.render_widget(block, area);
    let inner = layout::inner(area);
    let width = usize::from(inner.width);
    let mut prompt = vec![Span::styled(" › ", theme.prompt)];
    prompt.extend(crate::ui::input_line(
        &palette.input,
        width.saturating_sub(4),
        theme.text,
        theme.selected,
    ));
    let mut lines = vec![Line::from(prompt), Line::styled("─".repeat(width), theme.border)];
    if palette.query().trim().is_empty() {
        let keys: Vec<String> = app
            .keymap
            .hints(&app.contexts())
            .into_iter()
            .map(|(key, word)| format!("{key} {word}"))
            .collect();
        lines.extend(
            [
                "Type a country, a sector, a convention or a number:".to_string(),
                "  ghana · cocoa · C182 · forced labour · 4,690".to_string(),
                "or ask: how many children are in child labour?".to_string(),
                keys.join(" · "),
            ]
            .map(|t| Line::styled(truncate(&t, width), theme.dim)),
        );
    } else if !app.search_ready() {
        lines.push(Line::styled(truncate("Indexing the knowledge base…", width), theme.dim));
    } else if palette.hits.is_empty() {
        lines.push(Line::styled("No record matches", theme.dim));
    }
    let height = usize::from(inner.height.saturating_sub(2));
    for (i, hit) in palette.hits.iter().enumerate().skip(palette.offset).take(height) {
        let selected = i == palette.selected;
        lines.push(hit_line(app, hit, selected, width, theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// "Country     Ghana" with the matched characters of the title emphasised; a figure with its answer
/// first ("160 million children — in child labour in 2020, ..."), and a result that matched only most of
/// the query with the words it missed, dimmed at the end.
fn hit_line(app: &App, hit: &Hit, selected: bool, width: usize, theme: &Theme) -> Line<'static> {
    let base = if selected { theme.selected } else { theme.item };
    let kind_style = if selected { theme.selected } else { theme.dim };
    let matched = if selected {
        theme
            .selected
            .add_modifier(ratatui::style::Modifier::UNDERLINED | ratatui::style::Modifier::BOLD)
    } else {
        theme.matched
    };
    // Peeked, not kept: a hit may be any of 100,000 results.
    let title = app.kb.peek(hit.record, |r| r.title().to_string()).unwrap_or_default();
    let title = title.as_str();
    let (text, positions) = match answer::answer(&app.kb, hit.record) {
        Some(a) => {
            let positions = match a.title_offset() {
                Some(at) => hit.title_matches.iter().map(|i| i + at).collect(),
                None => Vec::new(),
            };
            (a.line(title), positions)
        }
        None => (title.to_string(), hit.title_matches.clone()),
    };
    let room = width.saturating_sub(KIND_WIDTH + 2);
    // The missing words keep their place at the end, unless the line is too narrow to say anything else.
    let missing = answer::missing_note(&hit.missing)
        .map(|note| format!("{}{note}", answer::AFTER_TITLE))
        .filter(|note| note.width() + 12 <= room);
    let missing_width = missing.as_ref().map_or(0, |m| m.width());
    let text = truncate(&text, room - missing_width);
    // The kind never runs into the title, however long its label ("Partnership").
    let kind = truncate(hit.record.kind.label(), KIND_WIDTH - 2);
    let mut spans = vec![Span::styled(format!(" {kind:<w$} ", w = KIND_WIDTH - 2), kind_style)];
    spans.extend(highlight(&text, &positions, base, matched));
    let mut used = KIND_WIDTH + text.width();
    if let Some(missing) = missing {
        used += missing.width();
        spans.push(Span::styled(missing, if selected { theme.selected } else { theme.dim }));
    }
    spans.push(Span::styled(" ".repeat(width.saturating_sub(used)), base));
    Line::from(spans)
}

/// Splits a title into runs of matched and unmatched characters (positions are char indices).
fn highlight(title: &str, positions: &[usize], base: Style, matched: Style) -> Vec<Span<'static>> {
    let mut spans: Vec<Span> = Vec::new();
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in title.chars().enumerate() {
        let m = positions.contains(&i);
        if m != run_matched && !run.is_empty() {
            let style = if run_matched { matched } else { base };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        run_matched = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}
