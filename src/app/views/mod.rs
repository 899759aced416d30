//! The kinds of view a tab can show, each a type with its own state, and the one place that dispatches
//! on them: key contexts, actions, mouse clicks, what the detail pane shows and the pane layout. A new
//! kind of view is a variant here, its state and update in a file of this folder, its drawing in
//! `ui/views/`, and a line in the tab table that uses it.

pub mod list;
pub mod map;
pub mod matrix;
pub mod timeline;

use ratatui::layout::Rect;

use super::keys::Context;
use super::layout::Shape;
use super::rows::RowKey;
use super::{Action, App, Focus, Mouse};
use crate::kb::Region;

pub use list::ListView;
pub use matrix::MatrixView;
pub use timeline::TimelineView;

/// What the tab table asks for; `View::new` makes its starting state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewKind {
    /// A list of rows, the selected one in the detail pane.
    List,
    /// The theory-of-change matrix, the selected cell in the detail pane.
    Matrix,
    /// The world map with a list of its countries beside it.
    Map,
    /// Dated records grouped by year under a chart of the years.
    Timeline,
}

/// A tab's view with its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum View {
    List(ListView),
    Matrix(MatrixView),
    Map(ListView),
    Timeline(TimelineView),
}

/// Everything that makes up where one is in a tab; a history entry keeps one per tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabState {
    pub view: View,
    /// The first line of the detail pane in view.
    pub scroll: usize,
    /// The focused link of the detail pane (`Document::links` order).
    pub link: Option<usize>,
    pub focus: Focus,
}

impl TabState {
    pub fn new(kind: ViewKind) -> TabState {
        TabState {
            view: View::new(kind),
            scroll: 0,
            link: None,
            focus: Focus::List,
        }
    }

    /// Another row or cell is shown: its detail starts at the top, with no link focused.
    pub(super) fn reset_detail(&mut self) {
        self.scroll = 0;
        self.link = None;
    }

    /// The list of a view that has one.
    pub fn list(&self) -> Option<&ListView> {
        match &self.view {
            View::List(list) | View::Map(list) => Some(list),
            View::Timeline(t) => Some(&t.list),
            View::Matrix(_) => None,
        }
    }

    pub(super) fn list_mut(&mut self) -> Option<&mut ListView> {
        match &mut self.view {
            View::List(list) | View::Map(list) => Some(list),
            View::Timeline(t) => Some(&mut t.list),
            View::Matrix(_) => None,
        }
    }

    /// The selected row of the list (None without a list or with no row visible).
    pub fn selected(&self) -> Option<usize> {
        self.list().and_then(|l| l.selected)
    }

    pub fn filter(&self) -> &str {
        self.list().map_or("", |l| l.filter.as_str())
    }

    pub fn region(&self) -> Option<Region> {
        self.list().and_then(|l| l.region)
    }

    /// The selected cell of the matrix, (0, 0) elsewhere.
    pub fn cell(&self) -> (usize, usize) {
        match &self.view {
            View::Matrix(m) => m.cell,
            View::List(_) | View::Map(_) | View::Timeline(_) => (0, 0),
        }
    }
}

impl View {
    pub fn new(kind: ViewKind) -> View {
        match kind {
            ViewKind::List => View::List(ListView::default()),
            ViewKind::Matrix => View::Matrix(MatrixView::default()),
            ViewKind::Map => View::Map(ListView::default()),
            ViewKind::Timeline => View::Timeline(TimelineView::default()),
        }
    }

    /// How the screen is divided for this view.
    pub fn shape(&self) -> Shape {
        match self {
            View::List(_) | View::Timeline(_) => Shape::ListAndDetail,
            View::Matrix(_) => Shape::WideList,
            View::Map(_) => Shape::Map,
        }
    }
}

impl App {
    /// The key contexts of the current view, most specific first, when its list (not the detail pane)
    /// has the keys. `regions`: the list's rows are grouped by region, so `r` can pick one.
    pub(super) fn view_contexts(&self) -> Vec<Context> {
        let regions = self.rows(self.tab).iter().any(|r| r.region().is_some());
        let mut contexts = match &self.current().view {
            View::Matrix(_) => return vec![Context::Matrix],
            View::List(_) => vec![Context::List],
            View::Map(_) => vec![Context::Map, Context::List],
            View::Timeline(_) => vec![Context::Timeline, Context::List],
        };
        if regions {
            contexts.push(Context::Regions);
        }
        contexts
    }

    /// An action for the current view (its list or matrix has the keys).
    pub(super) fn view_action(&mut self, action: Action) {
        match &self.current().view {
            View::List(_) => self.list_action(action),
            View::Matrix(_) => self.matrix_action(action),
            View::Map(_) => self.map_action(action),
            View::Timeline(_) => self.timeline_action(action),
        }
    }

    /// What the detail pane shows for the current view's selection.
    pub(super) fn view_detail_key(&self) -> Option<RowKey> {
        match &self.current().view {
            View::Matrix(m) => self.matrix.cell(m.cell.0, m.cell.1).map(RowKey::Cell),
            View::List(_) | View::Map(_) | View::Timeline(_) => {
                let rows = self.rows(self.tab);
                self.current().selected().and_then(|i| rows.get(i)).map(|r| r.key)
            }
        }
    }

    /// A click or the wheel in the view's own pane.
    pub(super) fn view_mouse(&mut self, m: Mouse, area: Rect) {
        self.mode = super::Mode::Browse;
        self.current_mut().focus = Focus::List;
        match &self.current().view {
            View::Matrix(_) => self.matrix_mouse(m, area),
            View::List(_) | View::Map(_) | View::Timeline(_) => self.list_mouse(m, area),
        }
    }
}
