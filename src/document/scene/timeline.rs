//! A timeline as a picture, laid out by `TimelineLayout` on a grid of virtual cells: the axis of the
//! step's years, results as bars over their years, milestones as diamonds, listings as dots.

use super::svg::{Anchor, Svg, TextStyle};
use super::Palette;
use crate::document::visual::timeline::{Entry, Row, TimelineLayout};
use crate::kb::KnowledgeBase;

/// The rows a timeline takes besides its entries: the years, the axis and the foot.
const ROWS_AROUND: usize = 4;

/// The virtual cells of a timeline `width` wide: about 130 columns across, whatever the size, so that text
/// keeps its size relative to the picture, but never narrower than 5 units. (cell width, cell height, columns.)
fn cells(width: f64) -> (f64, f64, u16) {
    let cell_w = (width / 130.0).max(5.0);
    (cell_w, cell_w * 2.4, (width / cell_w).floor().max(16.0) as u16)
}

/// The height of a timeline `width` wide with room for `entries` rows of entries.
pub fn timeline_height(entries: usize, width: f64) -> f64 {
    cells(width).1 * (entries + ROWS_AROUND) as f64
}

pub fn timeline_svg(
    kb: &KnowledgeBase,
    from: Option<i32>,
    to: Option<i32>,
    width: f64,
    height: f64,
    palette: Palette,
) -> Svg {
    let (cell_w, cell_h, cols) = cells(width);
    let grid = Grid {
        cell_w,
        size: cell_h * 0.7,
    };
    let rows = (height / cell_h).floor().max(4.0) as usize;
    let layout = TimelineLayout::new(kb, from, to, cols, rows.saturating_sub(ROWS_AROUND));
    let mut svg = Svg::new(width, height, palette.background);
    svg.line(0.0, cell_h * 1.5, width, cell_h * 1.5, palette.dim, 1.0);
    for &(c, year) in &layout.ticks {
        svg.line(grid.x(c), cell_h * 1.2, grid.x(c), cell_h * 1.8, palette.dim, 1.0);
        svg.text(grid.x(c), cell_h, &year.to_string(), grid.style(palette.text, true));
    }
    for (i, row) in layout.rows.iter().enumerate() {
        draw_row(&mut svg, kb, grid, row, cell_h * (2.5 + i as f64), palette);
    }
    let mut foot = vec!["● milestone · bar: a result over its years · small dot: a listing".to_string()];
    if layout.running > 0 {
        foot.push(format!("{} results begun earlier still running", layout.running));
    }
    svg.text(0.0, height - 4.0, &foot.join(" · "), grid.style(palette.dim, false));
    svg
}

/// The width of the virtual cells in points, and the size of the text in them.
#[derive(Debug, Clone, Copy)]
struct Grid {
    cell_w: f64,
    size: f64,
}

impl Grid {
    fn x(self, column: u16) -> f64 {
        f64::from(column) * self.cell_w
    }

    fn style(self, fill: &'static str, bold: bool) -> TextStyle<'static> {
        TextStyle {
            size: self.size,
            fill,
            bold,
            anchor: Anchor::Start,
        }
    }
}

/// One entry at baseline `y`: its bar or dot, and its title beside the mark or, when there is no room
/// either side, inside its bar.
fn draw_row(svg: &mut Svg, kb: &KnowledgeBase, grid: Grid, row: &Row, y: f64, palette: Palette) {
    let (fill, text) = match row.item.entry {
        Entry::Listing => (palette.dim, palette.dim),
        Entry::Result | Entry::Convention | Entry::Event => (palette.bar, palette.text),
    };
    let (x, size, cell_w) = (|c| grid.x(c), grid.size, grid.cell_w);
    let on_bar = row.x1 > row.x0 && row.label_x > row.x0 && row.label_x <= row.x1;
    let bar_end = x(row.x1) + cell_w;
    if on_bar {
        svg.rect(x(row.x0), y - size * 0.95, bar_end - x(row.x0), size * 1.2, fill);
    } else if row.x1 > row.x0 {
        svg.rect(x(row.x0), y - size * 0.75, bar_end - x(row.x0), size * 0.65, fill);
    } else {
        let radius = if row.item.entry.is_milestone() {
            size * 0.38
        } else {
            size * 0.2
        };
        svg.circle(x(row.x0) + cell_w / 2.0, y - size * 0.4, radius, fill, None);
    }
    let title = kb.title(row.item.record);
    if on_bar {
        let room = bar_end - x(row.label_x) - cell_w * 0.5;
        let label = super::fonts::wrap_at_most(title, size, false, room, 1).join("");
        svg.text(x(row.label_x), y, &label, grid.style(palette.background, false));
        return;
    }
    let room = f64::from(row.label_width) * cell_w;
    let label = super::fonts::wrap_at_most(title, size, false, room.max(cell_w * 8.0), 1).join("");
    let (lx, anchor) = if row.label_x == 0 {
        (x(row.x0) - cell_w * 0.6, Anchor::End)
    } else {
        (x(row.label_x), Anchor::Start)
    };
    let style = TextStyle {
        anchor,
        ..grid.style(text, false)
    };
    svg.halo_text(lx, y, &label, style, palette.background);
}
