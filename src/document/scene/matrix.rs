//! The theory-of-change matrix as a picture: priorities by areas of change, with the row and column of
//! results the sources do not place, so that the totals add up across and down.

use super::fonts;
use super::svg::{Anchor, Svg, TextStyle};
use super::Palette;
use crate::kb::theory::{Axis, Matrix};
use crate::kb::KnowledgeBase;

/// What a row (`rows`) or column of the matrix is called: a priority or area, or the rows that add up.
pub fn axis_name(kb: &KnowledgeBase, axis: &Axis, rows: bool) -> String {
    match (axis, rows) {
        (Axis::Is(n), true) => kb.priorities.get(*n).map_or(String::new(), |x| x.title.clone()),
        (Axis::Is(n), false) => kb.areas.get(*n).map_or(String::new(), |x| x.title.clone()),
        (Axis::None, true) => "No priority given".into(),
        (Axis::None, false) => "No area given".into(),
        (Axis::All, true) => "All priorities".into(),
        (Axis::All, false) => "All areas".into(),
    }
}

pub fn matrix_svg(kb: &KnowledgeBase, width: f64, height: f64, palette: Palette) -> Svg {
    let m = Matrix::new(kb);
    let size = (width / 75.0).max(9.0);
    let mut svg = Svg::new(width, height, palette.background);
    let label_w = (width * 0.26).max(120.0);
    let col_w = (width - label_w) / m.cols.len().max(1) as f64;
    let line_h = size * 1.3;
    let head_h = line_h * 3.0;
    for (c, axis) in m.cols.iter().enumerate() {
        let cx = label_w + col_w * (c as f64 + 0.5);
        for (i, line) in fonts::wrap_at_most(&axis_name(kb, axis, false), size, true, col_w - 6.0, 3)
            .iter()
            .enumerate()
        {
            let style = TextStyle {
                size,
                fill: palette.dim,
                bold: true,
                anchor: Anchor::Middle,
            };
            svg.text(cx, line_h * (i as f64 + 1.0), line, style);
        }
    }
    let row_h = ((height - head_h - line_h * 2.0) / m.rows.len().max(1) as f64).max(line_h * 2.0);
    for (r, axis) in m.rows.iter().enumerate() {
        let y = head_h + row_h * r as f64;
        let all = *axis == Axis::All;
        if all {
            svg.line(0.0, y, width, y, palette.dim, 1.0);
        }
        for (i, line) in fonts::wrap_at_most(&axis_name(kb, axis, true), size, all, label_w - 8.0, 2)
            .iter()
            .enumerate()
        {
            let style = TextStyle {
                size,
                fill: palette.text,
                bold: all,
                anchor: Anchor::Start,
            };
            svg.text(0.0, y + line_h * (i as f64 + 1.0), line, style);
        }
        for c in 0..m.cols.len() {
            let n = m.count(r, c);
            let fill = if n == 0 { palette.dim } else { palette.text };
            let style = TextStyle {
                size: size + 3.0,
                fill,
                bold: true,
                anchor: Anchor::Middle,
            };
            svg.text(
                label_w + col_w * (c as f64 + 0.5),
                y + line_h,
                &crate::document::format::thousands(n),
                style,
            );
        }
    }
    let note = "Each cell: the results placed under that priority and area.";
    let style = TextStyle {
        size: size - 1.0,
        fill: palette.dim,
        bold: false,
        anchor: Anchor::Start,
    };
    svg.text(0.0, height - 4.0, note, style);
    svg
}
