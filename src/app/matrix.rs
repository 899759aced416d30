//! The theory-of-change matrix: thematic priorities (rows) × areas of change (columns), with a row and a
//! column for results the source does not place, and an "all" row and column whose cells are the priority
//! and area records themselves.

pub use crate::kb::theory::{placements, results_among, results_in, Axis, Cell, Matrix};

/// How the matrix is laid out in the pane, shared by the drawing and by mouse clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Screen position of the first cell.
    pub x: u16,
    pub y: u16,
    pub label_width: u16,
    pub cell_width: u16,
    /// The columns are wide enough to name the areas instead of numbering them (A1–A4).
    pub spelled: bool,
}

/// Rows of text above the first matrix row (the column numbers).
pub const HEADER_ROWS: u16 = 1;

impl Geometry {
    /// `area` is the pane's inner area; the row labels take what the cells leave. A cell is as wide as
    /// the longest count with its separators ("25,042"), and on a wide screen wide enough for a name.
    pub fn new(area: ratatui::layout::Rect, matrix: &Matrix) -> Geometry {
        let cols = matrix.cols.len().max(1) as u16;
        let widest = matrix
            .counts
            .iter()
            .flatten()
            .map(|&n| crate::document::format::thousands(n).len() as u16)
            .max()
            .unwrap_or(1);
        let narrow = if area.width >= 30 + cols * (widest + 3) {
            widest + 3
        } else {
            widest + 2
        };
        let narrow = narrow.max(5);
        // Room for 30 columns of labels and 13 per area: spell the areas out, on two lines.
        let spelled = area.width >= 30 + cols * 13;
        let cell_width = if spelled {
            ((area.width - 30) / cols).clamp(narrow, 26)
        } else {
            narrow
        };
        let label_width = area.width.saturating_sub(cols * cell_width).clamp(4, 40);
        Geometry {
            x: area.x,
            y: area.y + if spelled { 2 } else { HEADER_ROWS },
            label_width,
            cell_width,
            spelled,
        }
    }

    /// The cell under a screen position.
    pub fn hit(&self, column: u16, row: u16, rows: usize, cols: usize) -> Option<(usize, usize)> {
        let r = usize::from(row.checked_sub(self.y)?);
        let c = usize::from(column.checked_sub(self.x + self.label_width)? / self.cell_width.max(1));
        (r < rows && c < cols).then_some((r, c))
    }
}
