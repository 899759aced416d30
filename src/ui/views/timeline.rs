//! The timeline: a bar per year on an axis of years (how many events and dated results each has), and
//! under it the list of them, grouped by year.

use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Block};
use ratatui::Frame;

use crate::app::App;
use crate::ui::Theme;

/// Rows the year chart takes when there is room for it.
const CHART_HEIGHT: u16 = 8;

pub fn draw(frame: &mut Frame, app: &App, theme: &Theme, area: Rect) {
    let years = app.year_counts(app.tab);
    // No chart of a list still being built: it would say there are no dated records.
    let chart_height = if area.height >= CHART_HEIGHT + 8 && !app.building(app.tab) {
        CHART_HEIGHT
    } else {
        0
    };
    let chart = Rect::new(area.x, area.y, area.width, chart_height);
    let list = Rect::new(area.x, area.y + chart_height, area.width, area.height - chart_height);
    if chart_height > 0 {
        draw_years(frame, theme, chart, &years, None);
    }
    super::list::draw(frame, app, theme, list);
}

/// Bars for the years on an axis, each labelled with its year; `range` dims the years outside it.
pub fn draw_years(frame: &mut Frame, theme: &Theme, area: Rect, years: &[(i32, usize)], range: Option<(i32, i32)>) {
    let inner_width = area.width.saturating_sub(2);
    let n = years.len().max(1) as u16;
    // Each bar at least as wide as its year label ("2017" is 4 columns), if the years fit.
    // No gap between bars when a gap each would not leave every year a column.
    let gap = u16::from(n * 2 <= inner_width);
    let bar_width = (inner_width.saturating_sub(n * gap) / n).clamp(1, 8);
    let labels_fit = bar_width >= 4;
    let bars: Vec<Bar> = years
        .iter()
        .map(|&(year, n)| {
            let inside = range.is_none_or(|(a, b)| year >= a && year <= b);
            let style: Style = if inside { theme.bar } else { theme.dim };
            let label = if labels_fit { year.to_string() } else { String::new() };
            Bar::default()
                .value(n as u64)
                .label(Line::from(label))
                .style(style)
                .value_style(theme.selected)
        })
        .collect();
    let title = match (years.first(), years.last()) {
        (Some(a), Some(b)) => format!(" {}–{} · entries per year ", a.0, b.0),
        _ => " No dated records ".to_string(),
    };
    let chart = BarChart::default()
        .block(
            Block::bordered()
                .border_style(theme.border)
                .title(Span::styled(title, theme.pane_title)),
        )
        .data(BarGroup::default().bars(&bars))
        .bar_width(bar_width)
        .bar_gap(gap);
    frame.render_widget(chart, area);
    // Too many years for a label each: the first and the last under the ends of the axis.
    if !labels_fit && area.height >= 3 && inner_width >= 10 {
        if let (Some(first), Some(last)) = (years.first(), years.last()) {
            let used = n * (bar_width + gap);
            let axis = Rect::new(area.x + 1, area.y + area.height - 2, used.min(inner_width), 1);
            let (a, b) = (first.0.to_string(), last.0.to_string());
            let gap = usize::from(axis.width).saturating_sub(a.len() + b.len());
            let line = Line::styled(format!("{a}{}{b}", " ".repeat(gap)), theme.fact_key);
            frame.render_widget(line, axis);
        }
    }
}
