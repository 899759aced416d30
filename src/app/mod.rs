//! The explorer's state and everything that changes it. Nothing here knows the terminal: keys and mouse
//! events arrive as the app's own types (`action`), become actions through the key table (`keys`), and
//! `App::update` applies them. The views in `crate::ui` only read an `App`.
//!
//! - `tabs`: the tabs and the rows of their lists.  - `matrix`: the theory-of-change matrix.
//! - `docs`: what the detail pane shows for each row. - `detail`: that document laid out in lines.
//! - `palette`: the search palette.                   - `layout`: where each pane is on the screen.

pub mod action;
pub mod detail;
pub mod docs;
pub mod keys;
pub mod layout;
pub mod matrix;
pub mod palette;
pub mod tabs;
mod update;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::kb::document::Document;
use crate::kb::text::fold;
use crate::kb::{KnowledgeBase, Region};
use crate::search::SearchIndex;

pub use action::{Action, Effect, Key, KeyCode, Mouse, MouseKind};
use detail::DocView;
use keys::Context;
use layout::Screen;
use matrix::Matrix;
use palette::Palette;
use tabs::{Row, RowKey, Tab};

/// Which pane of a tab has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

/// Everything that makes up where one is in a tab; a history entry keeps one per tab.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabState {
    /// The selected row, as an index into the tab's rows; always one of the visible rows, or None when
    /// none is visible.
    pub selected: Option<usize>,
    /// The first visible row of the list (an index into the visible rows).
    pub offset: usize,
    pub filter: String,
    /// Countries only: show one region.
    pub region: Option<Region>,
    /// Theory of change only: the selected matrix cell (row, column).
    pub cell: (usize, usize),
    /// The first line of the detail pane in view.
    pub scroll: usize,
    /// The focused link of the detail pane (`Document::links` order).
    pub link: Option<usize>,
    pub focus: Focus,
}

impl TabState {
    /// Another row or cell is shown: its detail starts at the top, with no link focused.
    fn reset_detail(&mut self) {
        self.scroll = 0;
        self.link = None;
    }
}

/// A place to come back to: the tab, every tab's state, and the search if it was open.
#[derive(Debug, Clone)]
struct Location {
    tab: Tab,
    states: Vec<TabState>,
    palette: Option<(String, usize)>,
}

pub struct App {
    /// Shared, so that the search index can be built on another thread while the app already runs.
    pub kb: Arc<KnowledgeBase>,
    /// `None` until the index is ready: at 100,000 records building it takes seconds, and the explorer
    /// is usable meanwhile (the palette says it is indexing).
    index: Option<SearchIndex>,
    pub matrix: Matrix,
    rows: Vec<Vec<Row>>,
    /// Per tab, the rows that pass the filter and region, in order.
    visible: Vec<Vec<usize>>,
    /// Per tab, (rows matching the filter themselves, rows that could).
    counts: Vec<(usize, usize)>,
    pub tab: Tab,
    states: Vec<TabState>,
    /// Typing into the current tab's filter.
    pub filtering: bool,
    pub palette: Option<Palette>,
    /// The help overlay, with its scroll position.
    pub help: Option<usize>,
    history: Vec<Location>,
    pub width: u16,
    pub height: u16,
    pub status: Option<String>,
    effects: Vec<Effect>,
    pub quit: bool,
    /// The detail pane's last layout: laying out a long document on every frame would be wasted work.
    cache: RefCell<Option<(RowKey, u16, Rc<DocView>)>>,
}

/// History is a convenience, not an archive.
const MAX_HISTORY: usize = 200;

impl App {
    /// An app with its search index, built here (fine for the shipped knowledge base and for tests).
    pub fn new(kb: KnowledgeBase, width: u16, height: u16) -> App {
        let index = SearchIndex::build(&kb);
        let mut app = App::without_index(Arc::new(kb), width, height);
        app.set_index(index);
        app
    }

    /// An app whose search index is still being built elsewhere; hand it over with `set_index`.
    pub fn without_index(kb: Arc<KnowledgeBase>, width: u16, height: u16) -> App {
        let index = None;
        let matrix = Matrix::new(&kb);
        let rows: Vec<Vec<Row>> = Tab::ALL.iter().map(|&t| tabs::rows(&kb, t)).collect();
        let mut app = App {
            kb,
            index,
            matrix,
            visible: vec![Vec::new(); rows.len()],
            counts: vec![(0, 0); rows.len()],
            rows,
            tab: Tab::Overview,
            states: vec![TabState::default(); Tab::ALL.len()],
            filtering: false,
            palette: None,
            help: None,
            history: Vec::new(),
            width,
            height,
            status: None,
            effects: Vec::new(),
            quit: false,
            cache: RefCell::new(None),
        };
        for tab in Tab::ALL {
            app.refilter(tab);
            let first = app.visible[tab.index()].first().copied();
            app.states[tab.index()].selected = first;
        }
        app
    }

    pub fn rows(&self, tab: Tab) -> &[Row] {
        &self.rows[tab.index()]
    }

    pub fn visible(&self, tab: Tab) -> &[usize] {
        &self.visible[tab.index()]
    }

    pub fn state(&self, tab: Tab) -> &TabState {
        &self.states[tab.index()]
    }

    pub fn current(&self) -> &TabState {
        self.state(self.tab)
    }

    fn current_mut(&mut self) -> &mut TabState {
        &mut self.states[self.tab.index()]
    }

    /// (rows matching the filter, rows that can match) in a tab.
    pub fn match_count(&self, tab: Tab) -> (usize, usize) {
        self.counts[tab.index()]
    }

    pub fn has_history(&self) -> bool {
        !self.history.is_empty()
    }

    pub fn screen(&self) -> Option<Screen> {
        let matrix = self.tab == Tab::Change && self.palette.is_none();
        let reading = self.current().focus == Focus::Detail && self.palette.is_none();
        Screen::new(self.width, self.height, matrix, reading)
    }

    /// Whether the list pane shows a filter line.
    pub fn filter_line(&self) -> bool {
        self.filtering || !self.current().filter.is_empty() || self.current().region.is_some()
    }

    /// Takes the effects queued for the terminal layer.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The key contexts in force, most specific first (see `keys::Context`).
    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = vec![Context::Always];
        if self.help.is_some() {
            contexts.push(Context::Help);
        } else if self.palette.is_some() {
            contexts.push(Context::Palette);
        } else if self.filtering {
            contexts.push(Context::Filter);
        } else {
            match (self.current().focus, self.tab) {
                (Focus::Detail, _) => contexts.push(Context::Detail),
                (Focus::List, Tab::Change) => contexts.push(Context::Matrix),
                (Focus::List, Tab::Countries) => contexts.extend([Context::List, Context::Countries]),
                (Focus::List, _) => contexts.push(Context::List),
            }
            contexts.push(Context::Browse);
        }
        contexts
    }

    /// A key press: looked up in the key table, then applied.
    pub fn key(&mut self, key: Key) {
        self.status = None;
        match keys::resolve(&self.contexts(), key) {
            Some(action) => self.update(action),
            None => {
                if self.help.is_none() {
                    self.status = Some(format!("{} does nothing here; ? shows the keys", key.label()));
                }
            }
        }
    }

    /// What the detail pane shows: the search's selected result while searching, else the selected row or
    /// matrix cell.
    pub fn detail_key(&self) -> Option<RowKey> {
        if let Some(palette) = &self.palette {
            return palette.selected_hit().map(|h| RowKey::Record(h.record));
        }
        if self.tab == Tab::Change {
            let (row, col) = self.current().cell;
            return self.matrix.cell(row, col).map(RowKey::Cell);
        }
        let rows = self.rows(self.tab);
        self.current().selected.and_then(|i| rows.get(i)).map(|r| r.key)
    }

    pub fn detail_document(&self) -> Option<Document> {
        self.detail_key().map(|key| docs::document(&self.kb, key))
    }

    /// The detail pane's text laid out for its current width.
    pub fn detail_view(&self) -> Rc<DocView> {
        let Some(key) = self.detail_key() else {
            return Rc::new(DocView::default());
        };
        let width = self.detail_size().0;
        if let Some((k, w, view)) = self.cache.borrow().as_ref() {
            if *k == key && *w == width {
                return view.clone();
            }
        }
        let view = Rc::new(DocView::new(&docs::document(&self.kb, key), width));
        *self.cache.borrow_mut() = Some((key, width, view.clone()));
        view
    }

    /// (width, height) of the detail pane's text.
    pub fn detail_size(&self) -> (u16, u16) {
        self.screen()
            .map(|s| layout::detail_text(s.detail))
            .map_or((0, 0), |r| (r.width, r.height))
    }

    /// The scroll position the detail pane shows: the tab's, or the top while previewing a search result.
    pub fn detail_scroll(&self) -> usize {
        if self.palette.is_some() {
            0
        } else {
            self.current().scroll
        }
    }

    /// The focused link, unless the search is previewing.
    pub fn detail_link(&self) -> Option<usize> {
        if self.palette.is_some() {
            None
        } else {
            self.current().link
        }
    }

    /// Runs the search if the query changed. The event loop calls this once per frame, after draining
    /// every pending key, so typing never waits for searches of intermediate queries.
    /// The search index is ready: searches typed while it was being built run now.
    pub fn set_index(&mut self, index: SearchIndex) {
        self.index = Some(index);
        if let Some(palette) = &mut self.palette {
            palette.stale = true;
        }
    }

    /// False while the search index is still being built.
    pub fn search_ready(&self) -> bool {
        self.index.is_some()
    }

    pub fn refresh(&mut self) {
        let rows = self.palette_rows();
        if let Some(palette) = &mut self.palette {
            if palette.stale {
                palette.hits = if palette.query.trim().is_empty() {
                    Vec::new()
                } else {
                    match &self.index {
                        Some(index) => index.search(&self.kb, &palette.query, None, palette::LIMIT),
                        None => Vec::new(),
                    }
                };
                palette.stale = false;
                palette.fix(rows);
            }
        }
    }

    fn palette_rows(&self) -> usize {
        self.screen()
            .map_or(1, |s| usize::from(layout::inner(s.list).height.saturating_sub(2)))
    }

    fn list_height(&self) -> usize {
        self.screen().map_or(1, |s| {
            usize::from(layout::list_rows(s.list, self.filter_line()).height).max(1)
        })
    }

    /// Recomputes a tab's visible rows from its filter and region, and keeps its selection on a visible
    /// row (the same one if it still shows, else the first match).
    fn refilter(&mut self, tab: Tab) {
        let i = tab.index();
        let state = &self.states[i];
        let words: Vec<String> = fold(&state.filter).split_whitespace().map(String::from).collect();
        let rows = &self.rows[i];
        let in_region = |r: &Row| state.region.is_none() || r.region == state.region;
        let direct: Vec<bool> = rows
            .iter()
            .map(|r| in_region(r) && words.iter().all(|w| r.folded.contains(w.as_str())))
            .collect();
        // A match shows with the rows it sits under (its priority and area, its region), for context.
        let mut keep = direct.clone();
        let mut ancestors: Vec<usize> = Vec::new();
        for (n, row) in rows.iter().enumerate() {
            while ancestors.last().is_some_and(|&a| rows[a].depth >= row.depth) {
                ancestors.pop();
            }
            if direct[n] && !words.is_empty() {
                for &a in &ancestors {
                    keep[a] = true;
                }
            }
            ancestors.push(n);
        }
        let visible: Vec<usize> = (0..rows.len()).filter(|&n| keep[n]).collect();
        let records = rows.iter().any(Row::is_record);
        let countable = |n: usize| !records || rows[n].is_record();
        let matched = (0..rows.len()).filter(|&n| direct[n] && countable(n)).count();
        let total = (0..rows.len()).filter(|&n| countable(n) && in_region(&rows[n])).count();
        let selected = match state.selected {
            // Keep the selection while it still matches; a heading shown only as context does not.
            Some(s) if direct[s] && visible.binary_search(&s).is_ok() => Some(s),
            _ => visible
                .iter()
                .copied()
                .find(|&n| direct[n] && countable(n))
                .or_else(|| visible.first().copied()),
        };
        self.counts[i] = (matched, total);
        self.visible[i] = visible;
        self.states[i].selected = selected;
    }

    /// Re-establishes what must always hold, whatever happened: a selection on a visible row, the
    /// selection in view, the detail scroll and focused link within the document.
    fn fix(&mut self) {
        let height = self.list_height();
        let i = self.tab.index();
        let visible = &self.visible[i];
        let state = &mut self.states[i];
        if state.selected.is_some_and(|s| visible.binary_search(&s).is_err()) {
            state.selected = visible.first().copied();
        }
        let pos = state.selected.and_then(|s| visible.binary_search(&s).ok()).unwrap_or(0);
        state.offset = palette::keep_in_view(state.offset, pos, height, visible.len());
        let (rows, cols) = (self.matrix.rows.len(), self.matrix.cols.len());
        state.cell = (
            state.cell.0.min(rows.saturating_sub(1)),
            state.cell.1.min(cols.saturating_sub(1)),
        );
        let view = self.detail_view();
        let (_, h) = self.detail_size();
        let state = &mut self.states[i];
        state.scroll = state.scroll.min(view.lines.len().saturating_sub(usize::from(h)));
        if state.link.is_some_and(|l| l >= view.link_targets.len()) {
            state.link = None;
        }
        let palette_rows = self.palette_rows();
        if let Some(p) = &mut self.palette {
            p.fix(palette_rows);
        }
    }

    fn location(&self) -> Location {
        Location {
            tab: self.tab,
            states: self.states.clone(),
            palette: self.palette.as_ref().map(|p| (p.query.clone(), p.selected)),
        }
    }

    fn remember(&mut self) {
        self.history.push(self.location());
        if self.history.len() > MAX_HISTORY {
            self.history.remove(0);
        }
    }

    fn restore(&mut self, location: Location) {
        for tab in Tab::ALL {
            let (old, new) = (&self.states[tab.index()], &location.states[tab.index()]);
            let refilter = old.filter != new.filter || old.region != new.region;
            self.states[tab.index()] = new.clone();
            if refilter {
                self.refilter(tab);
                // Refiltering may move the selection; the saved one is exactly where we were.
                self.states[tab.index()].selected = new.selected;
            }
        }
        self.tab = location.tab;
        self.filtering = false;
        self.palette = location.palette.map(|(query, selected)| Palette::new(query, selected));
        self.refresh();
    }
}
