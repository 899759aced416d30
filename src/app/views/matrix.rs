//! The theory-of-change view: a cell of the matrix selected, moved in two dimensions.

use ratatui::layout::Rect;

use crate::app::matrix::Geometry;
use crate::app::{layout, Action, App, Mouse, MouseKind};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixView {
    /// The selected cell (row, column).
    pub cell: (usize, usize),
}

impl App {
    pub(in crate::app) fn matrix_action(&mut self, action: Action) {
        let rows = self.matrix.rows.len();
        let (r, c) = self.current().cell();
        let cell = match action {
            Action::Down => (r + 1, c),
            Action::Up => (r.saturating_sub(1), c),
            Action::Right => (r, c + 1),
            Action::Left => (r, c.saturating_sub(1)),
            // The matrix is on screen whole: a page is all of it.
            Action::Bottom | Action::PageDown | Action::HalfPageDown => (rows.saturating_sub(1), c),
            Action::Top | Action::PageUp | Action::HalfPageUp => (0, c),
            Action::Open => return self.focus_detail(),
            // Not keys of the matrix (`browse_action` takes those of every view).
            Action::Quit
            | Action::NextTab
            | Action::PrevTab
            | Action::GoTab(_)
            | Action::Back
            | Action::FocusList
            | Action::ToggleHelp
            | Action::OpenSearch
            | Action::CloseSearch
            | Action::StartFilter
            | Action::AcceptFilter
            | Action::ClearFilter
            | Action::CycleRegion
            | Action::FlipOrder
            | Action::OpenSource
            | Action::Copy
            | Action::Input(_)
            | Action::Paste(_)
            | Action::Edit(_)
            | Action::Resize(..)
            | Action::Mouse(_)
            | Action::Present
            | Action::ShowProblems
            | Action::Export(_)
            | Action::Blank
            | Action::ToggleNotes
            | Action::Synced(_)
            | Action::Welcomed(_)
            | Action::AlreadyPresented
            | Action::Follow
            | Action::Tick(_)
            | Action::Report(_)
            | Action::LinkShown { .. }
            | Action::CycleTheme
            | Action::ToggleMouse
            | Action::Suspend => return,
        };
        self.select_cell(cell);
    }

    /// Selects a cell, clamped to the matrix; its detail starts at the top.
    pub(in crate::app) fn select_cell(&mut self, cell: (usize, usize)) {
        let (rows, cols) = (self.matrix.rows.len(), self.matrix.cols.len());
        let clamped = (cell.0.min(rows.saturating_sub(1)), cell.1.min(cols.saturating_sub(1)));
        let state = self.current_mut();
        if let super::View::Matrix(m) = &mut state.view {
            if m.cell != clamped {
                m.cell = clamped;
                state.reset_detail();
            }
        }
    }

    pub(in crate::app) fn matrix_mouse(&mut self, m: Mouse, area: Rect) {
        match m.kind {
            MouseKind::ScrollDown => self.matrix_action(Action::Down),
            MouseKind::ScrollUp => self.matrix_action(Action::Up),
            MouseKind::Click => {
                let g = Geometry::new(layout::inner(area), &self.matrix);
                let (rows, cols) = (self.matrix.rows.len(), self.matrix.cols.len());
                if let Some(cell) = g.hit(m.column, m.row, rows, cols) {
                    self.select_cell(cell);
                }
            }
        }
    }
}
