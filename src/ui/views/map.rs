//! The world map: ratatui's canvas map in braille, every country of the knowledge base marked at its
//! coordinates, the more results the bigger the mark; the selected country highlighted and named, and on
//! wide screens the countries with most results labelled.

use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::Block;
use ratatui::Frame;

use crate::app::rows::RowKey;
use crate::app::App;
use crate::document::format::{count, thousands};
use crate::kb::{Kind, KnowledgeBase, RecordRef, Region};
use crate::ui::Theme;

/// One country on the map.
pub struct Mark {
    pub country: RecordRef,
    pub lon: f64,
    pub lat: f64,
    pub results: usize,
}

/// Every country with its results, most results first (so the labels go to the biggest marks).
pub fn marks(kb: &KnowledgeBase, region: Option<Region>) -> Vec<Mark> {
    let mut marks: Vec<Mark> = kb
        .refs(Kind::Country)
        .filter(|r| region.is_none_or(|g| kb.countries[r.index].region == g))
        .map(|r| {
            let c = &kb.countries[r.index];
            Mark {
                country: r,
                lon: c.lon,
                lat: c.lat,
                results: kb.backlinks_of(r, Kind::Achievement).count(),
            }
        })
        .collect();
    marks.sort_by(|a, b| b.results.cmp(&a.results).then(a.country.cmp(&b.country)));
    marks
}

/// The glyph of a mark: bigger for more results.
fn glyph(results: usize) -> &'static str {
    match results {
        0 => "·",
        1..=2 => "•",
        3..=9 => "●",
        _ => "⬤",
    }
}

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let selected = match app.detail_key() {
        Some(RowKey::Record(r)) if r.kind == Kind::Country => Some(r),
        _ => None,
    };
    let region = app.current().region();
    let title = match selected {
        Some(r) => format!(
            " {} · {} ",
            app.kb.title(r),
            count(app.kb.backlinks_of(r, Kind::Achievement).count(), "result")
        ),
        None => " Where the results are ".to_string(),
    };
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(title, theme.pane_title))
        .title_bottom(Line::styled(" ● more results · • fewer · · none ", theme.dim).right_aligned());
    draw_map(frame, &app.kb, theme, area, block, region, selected, area.width >= 100);
}

/// The map alone, for the Map tab and for a slide: `labels` names the countries with most results.
#[allow(clippy::too_many_arguments)]
pub fn draw_map(
    frame: &mut Frame,
    kb: &KnowledgeBase,
    theme: &Theme,
    area: Rect,
    block: Block,
    region: Option<Region>,
    selected: Option<RecordRef>,
    labels: bool,
) {
    let marks = marks(kb, None);
    let (x, y) = bounds(kb, region);
    let land = theme.border.fg.unwrap_or(Color::DarkGray);
    let mark = theme.figure_value;
    let highlight = theme.selected;
    let labelled = if labels { 8 } else { 0 };
    // Which marks get a label: the biggest first, skipping one that would run into a label already
    // placed (Ghana and Côte d'Ivoire are neighbours).
    let inner = block.inner(area);
    let cell = |lon: f64, lat: f64| {
        let cx = (lon - x[0]) / (x[1] - x[0]) * f64::from(inner.width);
        let cy = (y[1] - lat) / (y[1] - y[0]) * f64::from(inner.height);
        (cx as i32, cy as i32)
    };
    let mut placed: Vec<(i32, i32, i32)> = Vec::new();
    let mut label_of = vec![false; marks.len()];
    for (i, m) in marks.iter().enumerate().take(labelled) {
        let (cx, cy) = cell(m.lon, m.lat);
        let width = kb.title(m.country).chars().count() as i32 + 2;
        let clear = placed
            .iter()
            .all(|&(x0, y0, w0)| cy != y0 || cx + width < x0 || x0 + w0 < cx);
        if clear {
            placed.push((cx, cy, width));
            label_of[i] = true;
        }
    }
    let canvas = Canvas::default()
        .block(block)
        .marker(Marker::Braille)
        .x_bounds(x)
        .y_bounds(y)
        .paint(|ctx| {
            ctx.draw(&Map {
                color: land,
                resolution: MapResolution::High,
            });
            ctx.layer();
            for (i, m) in marks.iter().enumerate() {
                if Some(m.country) == selected {
                    continue;
                }
                let text = if label_of[i] {
                    format!("{} {}", glyph(m.results), kb.title(m.country))
                } else {
                    glyph(m.results).to_string()
                };
                ctx.print(m.lon, m.lat, Span::styled(text, mark));
            }
            if let Some(s) = marks.iter().find(|m| Some(m.country) == selected) {
                let name = format!("◉ {} ({})", kb.title(s.country), thousands(s.results));
                ctx.print(s.lon, s.lat, Span::styled(name, highlight));
            }
        });
    frame.render_widget(canvas, area);
}

/// The part of the world in view: all of it, or a region (or a country) with a margin.
fn bounds(kb: &KnowledgeBase, region: Option<Region>) -> ([f64; 2], [f64; 2]) {
    let Some(region) = region else {
        return ([-180.0, 180.0], [-60.0, 85.0]);
    };
    let points: Vec<(f64, f64)> = kb
        .countries
        .iter()
        .filter(|c| c.region == region)
        .map(|c| (c.lon, c.lat))
        .collect();
    if points.is_empty() {
        return ([-180.0, 180.0], [-60.0, 85.0]);
    }
    let (mut x0, mut x1, mut y0, mut y1) = (180.0f64, -180.0f64, 90.0f64, -90.0f64);
    for (x, y) in points {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let margin = 12.0;
    (
        [(x0 - margin).max(-180.0), (x1 + margin).min(180.0)],
        [(y0 - margin).max(-90.0), (y1 + margin).min(90.0)],
    )
}
