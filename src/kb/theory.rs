//! Where each result sits in the theory of change: its thematic priority and its area of change, either
//! of which the source may not give. The explorer's matrix and its group documents are built on this.

use super::{Kind, KnowledgeBase, RecordRef};

/// One coordinate of a cell: a given priority (or area), none given, or all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Axis {
    Is(usize),
    None,
    All,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Cell {
    pub priority: Axis,
    pub area: Axis,
}

impl Axis {
    /// Whether a result placed at `placed` on this axis belongs under it.
    pub fn accepts(self, placed: Axis) -> bool {
        self == Axis::All || self == placed
    }
}

/// Where every result sits in the matrix, in knowledge-base order: (result, priority, area), with
/// `Axis::None` where the source gives none. Ids are resolved once here, so that grouping results by cell
/// compares small values instead of ids.
pub fn placements(kb: &KnowledgeBase) -> Vec<(RecordRef, Axis, Axis)> {
    // From the facts gathered once: the records are not read again.
    kb.refs(Kind::Achievement)
        .zip(kb.result_facts())
        .map(|(r, f)| (r, f.priority(), f.area()))
        .collect()
}

/// The results in a cell, in knowledge-base order, out of `placements`.
pub fn results_among(placements: &[(RecordRef, Axis, Axis)], cell: Cell) -> Vec<RecordRef> {
    placements
        .iter()
        .filter(|(_, p, a)| cell.priority.accepts(*p) && cell.area.accepts(*a))
        .map(|(r, ..)| *r)
        .collect()
}

/// The results in a cell, in knowledge-base order.
pub fn results_in(kb: &KnowledgeBase, cell: Cell) -> Vec<RecordRef> {
    results_among(&placements(kb), cell)
}

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
        for (priority, area) in kb.result_facts().iter().map(|f| (f.priority(), f.area())) {
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
