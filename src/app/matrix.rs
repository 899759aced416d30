//! The theory-of-change matrix: thematic priorities (rows) × areas of change (columns), with a row and a
//! column for results the source does not place, and an "all" row and column whose cells are the priority
//! and area records themselves.

pub use crate::kb::theory::{placements, results_among, results_in, Axis, Cell};
use crate::kb::KnowledgeBase;

/// The matrix's axes and the number of results in each cell, computed once.
#[derive(Debug, Clone, Default)]
pub struct Matrix {
    pub rows: Vec<Axis>,
    pub cols: Vec<Axis>,
    /// counts[row][col].
    pub counts: Vec<Vec<usize>>,
}

impl Matrix {
    pub fn new(kb: &KnowledgeBase) -> Matrix {
        let axes = |n: usize| (0..n).map(Axis::Is).chain([Axis::None, Axis::All]).collect::<Vec<_>>();
        let rows = axes(kb.priorities.len());
        let cols = axes(kb.areas.len());
        let mut counts = vec![vec![0; cols.len()]; rows.len()];
        // One pass over the results, so that a base of 100,000 results opens instantly.
        for (_, priority, area) in placements(kb) {
            for (ri, row) in rows.iter().enumerate() {
                if !row.accepts(priority) {
                    continue;
                }
                for (ci, col) in cols.iter().enumerate() {
                    if col.accepts(area) {
                        counts[ri][ci] += 1;
                    }
                }
            }
        }
        Matrix { rows, cols, counts }
    }

    pub fn cell(&self, row: usize, col: usize) -> Option<Cell> {
        Some(Cell {
            priority: *self.rows.get(row)?,
            area: *self.cols.get(col)?,
        })
    }

    pub fn count(&self, row: usize, col: usize) -> usize {
        self.counts.get(row).and_then(|r| r.get(col)).copied().unwrap_or(0)
    }

    /// Where a cell is: (row, col).
    pub fn position(&self, cell: Cell) -> Option<(usize, usize)> {
        let row = self.rows.iter().position(|&a| a == cell.priority)?;
        let col = self.cols.iter().position(|&a| a == cell.area)?;
        Some((row, col))
    }
}

/// How the matrix is laid out in the pane, shared by the drawing and by mouse clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Screen position of the first cell.
    pub x: u16,
    pub y: u16,
    pub label_width: u16,
    pub cell_width: u16,
}

/// Rows of text above the first matrix row (the column numbers).
pub const HEADER_ROWS: u16 = 1;

impl Geometry {
    /// `area` is the pane's inner area; the row labels take what the cells leave.
    pub fn new(area: ratatui::layout::Rect, cols: usize) -> Geometry {
        let cols = cols.max(1) as u16;
        let cell_width = if area.width >= 30 + cols * 6 { 6 } else { 5 };
        let label_width = area.width.saturating_sub(cols * cell_width).clamp(4, 40);
        Geometry {
            x: area.x,
            y: area.y + HEADER_ROWS,
            label_width,
            cell_width,
        }
    }

    /// The cell under a screen position.
    pub fn hit(&self, column: u16, row: u16, rows: usize, cols: usize) -> Option<(usize, usize)> {
        let r = usize::from(row.checked_sub(self.y)?);
        let c = usize::from(column.checked_sub(self.x + self.label_width)? / self.cell_width.max(1));
        (r < rows && c < cols).then_some((r, c))
    }
}
