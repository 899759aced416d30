//! A chart as a picture, laid out by `ChartLayout` on a grid of virtual cells: labels left, each value
//! beside its bar, the whole first when the rows are parts of it, the scale said at the foot.

use super::svg::{Anchor, Svg, TextStyle};
use super::Palette;
use crate::document::visual::chart::ChartLayout;
use crate::document::Chart;

/// The virtual cells of a chart `width` wide: about 100 columns across, whatever the size, so that text
/// keeps its size relative to the picture, but never narrower than 6 units. (cell width, cell height, columns.)
fn cells(width: f64) -> (f64, f64, u16) {
    let cell_w = (width / 100.0).max(6.0);
    (cell_w, cell_w * 2.2, (width / cell_w).floor().max(10.0) as u16)
}

/// The height that shows every row of `chart` at `width`, with a blank line between rows, and the foot
/// where the chart has one.
pub fn chart_height(chart: &Chart, width: f64) -> f64 {
    let (_, cell_h, cols) = cells(width);
    let layout = ChartLayout::new(chart, cols, u16::MAX);
    let lines: usize = layout.rows.iter().map(|r| r.label.len()).sum::<usize>() + layout.rows.len().saturating_sub(1);
    // The layout keeps its last row for the foot whether or not there is one.
    let foot = if layout.scale.note(&chart.unit).is_some() { 2 } else { 1 };
    cell_h * (lines + foot) as f64
}

pub fn chart_svg(chart: &Chart, width: f64, height: f64, palette: Palette) -> Svg {
    let (cell_w, cell_h, cols) = cells(width);
    let size = cell_h * 0.7;
    let rows = (height / cell_h).floor().max(2.0) as u16;
    let layout = ChartLayout::new(chart, cols, rows);
    let mut svg = Svg::new(width, height, palette.background);
    let bar_x = f64::from(layout.label_width + 2) * cell_w;
    let text = |fill| TextStyle {
        size,
        fill,
        bold: false,
        anchor: Anchor::Start,
    };
    let mut y = 0.0;
    for (i, row) in layout.rows.iter().enumerate() {
        if i > 0 && layout.gap {
            y += cell_h;
        }
        for (j, line) in row.label.iter().enumerate() {
            svg.text(0.0, y + size + j as f64 * cell_h, line, text(palette.text));
        }
        let w = f64::from(row.cells) * cell_w;
        svg.rect(
            bar_x,
            y + cell_h * 0.15,
            w,
            cell_h * 0.7,
            if row.whole { palette.land } else { palette.bar },
        );
        svg.text(
            bar_x + w + cell_w * 0.6,
            y + size,
            &row.value,
            TextStyle {
                bold: true,
                ..text(palette.text)
            },
        );
        y += cell_h * row.label.len() as f64;
    }
    let foot = match layout.hidden {
        0 => layout.scale.note(&chart.unit),
        n => Some(format!("and {n} more rows: ipec show lists them all")),
    };
    if let Some(foot) = foot {
        svg.text(0.0, y + cell_h + size, &foot, text(palette.dim));
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Bar;

    #[test]
    fn a_chart_as_tall_as_it_needs_shows_every_row() {
        let bars = (1..=9)
            .map(|i| Bar {
                label: format!("A label long enough to take two lines of the chart's labels, row {i}"),
                value: f64::from(i),
                text: i.to_string(),
            })
            .collect();
        let chart = Chart {
            unit: "people".into(),
            bars,
            total: None,
            whole: None,
        };
        let height = chart_height(&chart, 480.0);
        let out = chart_svg(&chart, 480.0, height, Palette::PRINT).finish();
        assert!(out.contains(">9 people<") && !out.contains("more rows"), "{out}");
    }
}
