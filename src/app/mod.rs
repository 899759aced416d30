//! The explorer's state and everything that changes it. Nothing here knows the terminal: keys and mouse
//! events arrive as the app's own types (`action`), become actions through the key table (`keys`), and
//! `App::update` applies them. The views in `crate::ui` only read an `App`.
//!
//! - `tabs`: the tabs and the rows of their lists.  - `matrix`: the theory-of-change matrix.
//! - `docs`: what the detail pane shows for each row. - `detail`: that document laid out in lines.
//! - `palette`: the search palette.                   - `layout`: where each pane is on the screen.

pub mod action;
pub mod detail;
mod docs;
#[cfg(test)]
mod handled;
mod history;
pub mod keys;
pub mod layout;
pub mod matrix;
mod mode;
pub mod palette;
pub mod present;
mod reload;
pub mod rows;
pub mod tabs;
mod update;
pub mod views;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::document::{Document, Extent};
use crate::kb::KnowledgeBase;
use crate::search::SearchIndex;

pub use action::{Action, Effect, Key, KeyCode, Mouse, MouseKind};
use detail::DocView;
use history::Location;
use keys::Context;
use layout::Screen;
use matrix::Matrix;
pub use mode::{LinkNote, Mode};
use palette::Palette;
use rows::{Row, RowKey};
use tabs::{ListSize, Tab};
pub use views::{TabState, View};

/// A hyperlink on the screen: where its text is drawn, and the whole URL it goes to, for the terminal
/// layer to write as OSC 8 over the cells drawn there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlink {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub url: String,
}

/// Which pane of a tab has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    List,
    Detail,
}

pub struct App {
    /// Shared, so that the search index can be built on another thread while the app already runs.
    pub kb: Arc<KnowledgeBase>,
    /// `None` until the index is ready: at 100,000 records building it takes seconds, and the explorer
    /// is usable meanwhile (the palette says it is indexing).
    index: Option<SearchIndex>,
    pub matrix: Matrix,
    rows: Vec<Rows>,
    /// Per tab, the rows that pass the filter and region, in order.
    visible: Vec<Vec<usize>>,
    /// Per tab, (rows matching the filter themselves, rows that could).
    counts: Vec<(usize, usize)>,
    pub tab: Tab,
    states: Vec<TabState>,
    /// What has the keyboard.
    pub mode: Mode,
    /// The key table in force (the defaults, or with the config file's keys).
    pub keymap: keys::Keymap,
    /// The dialect of the CSV `e` exports (Excel's where the config file says so, and on Windows).
    pub csv_dialect: crate::document::table::CsvDialect,
    history: Vec<Location>,
    pub width: u16,
    pub height: u16,
    pub status: Option<String>,
    effects: Vec<Effect>,
    pub quit: bool,
    /// The time now, as the event loop last told it (`Action::Tick`): the show's clock reads it.
    pub now: std::time::SystemTime,
    /// The problems of the last reload of an edited knowledge base, while the last good data shows.
    problems: Option<crate::kb::Problems>,
    /// The detail pane's last layout (of a record, at a width, with a focused link): laying out a long
    /// document on every frame would be wasted work.
    cache: RefCell<Option<LaidOut>>,
    /// The records' titles, folded, for the list filter: gathered when a filter first needs them.
    titles: rows::FoldedTitles,
}

/// A layout of the detail pane: of which row, at which width, with which link focused.
type LaidOut = (RowKey, u16, Option<usize>, Rc<DocView>);

/// A tab's list: built, or being built in the background (`ListSize::PerResult`).
#[derive(Debug, Clone)]
pub enum Rows {
    /// On its way; when it comes, the row of this key is selected (the record a reload kept), else the
    /// first.
    Building(Option<RowKey>),
    Built(Vec<Row>),
}

impl Rows {
    /// The rows; none while they are being built.
    pub fn as_slice(&self) -> &[Row] {
        match self {
            Rows::Building(_) => &[],
            Rows::Built(rows) => rows,
        }
    }
}

/// How one tab's list is built, on any thread: from its tab, or the timeline in the order its view
/// shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListJob {
    Tab(Tab),
    Timeline { newest_first: bool },
}

impl ListJob {
    pub fn build(self, kb: &KnowledgeBase) -> Vec<Row> {
        match self {
            ListJob::Tab(tab) => rows::build(kb, tab),
            ListJob::Timeline { newest_first } => rows::timeline(kb, newest_first),
        }
    }

    /// Several lists, on every core: at 100,000 results each list of every result takes 0.1-0.2 s.
    pub fn build_all(jobs: &[(Tab, ListJob)], kb: &KnowledgeBase) -> Vec<BuiltList> {
        let built = crate::par::map(jobs, |_, (_, job)| job.build(kb));
        jobs.iter()
            .zip(built)
            .map(|(&(tab, job), rows)| BuiltList { tab, job, rows })
            .collect()
    }
}

/// A tab's list built elsewhere, and how: the view may have changed its order meanwhile.
pub struct BuiltList {
    pub tab: Tab,
    pub job: ListJob,
    pub rows: Vec<Row>,
}

/// What an app shows that takes long to build at 100,000 records: every tab's list and the
/// theory-of-change matrix, built on any thread before the app that shows them.
pub struct Lists {
    kb: Arc<KnowledgeBase>,
    matrix: Matrix,
    rows: Vec<Rows>,
}

impl Lists {
    /// Every list, built now, on every core.
    pub fn build(kb: Arc<KnowledgeBase>) -> Lists {
        let mut lists = Lists::small(kb);
        let jobs: Vec<(Tab, ListJob)> = Tab::ALL
            .into_iter()
            .filter(|t| t.spec().size == ListSize::PerResult)
            .map(|t| (t, ListJob::Tab(t)))
            .collect();
        for built in ListJob::build_all(&jobs, &lists.kb) {
            lists.rows[built.tab.index()] = Rows::Built(built.rows);
        }
        lists
    }

    /// The small lists, built now; the lists of every result are left `Building`, for
    /// `App::pending_lists` to say how to build them elsewhere and `App::set_rows` to take.
    pub fn small(kb: Arc<KnowledgeBase>) -> Lists {
        let matrix = Matrix::new(&kb);
        let rows = Tab::ALL
            .iter()
            .map(|t| match t.spec().size {
                ListSize::Small => Rows::Built(rows::build(&kb, *t)),
                ListSize::PerResult => Rows::Building(None),
            })
            .collect();
        Lists { kb, matrix, rows }
    }
}

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
        App::with_lists(Lists::build(kb), width, height)
    }

    /// An app of lists built beforehand (on the loader's thread: the app itself stays on the
    /// terminal's), its search index still to come.
    pub fn with_lists(lists: Lists, width: u16, height: u16) -> App {
        let Lists { kb, matrix, rows } = lists;
        let index = None;
        let mut app = App {
            kb,
            index,
            matrix,
            visible: vec![Vec::new(); rows.len()],
            counts: vec![(0, 0); rows.len()],
            rows,
            tab: Tab::Overview,
            states: Tab::ALL.iter().map(|t| TabState::new(t.spec().view)).collect(),
            mode: Mode::Browse,
            keymap: keys::Keymap::default(),
            csv_dialect: crate::document::table::CsvDialect::Standard,
            history: Vec::new(),
            width,
            height,
            status: None,
            effects: Vec::new(),
            quit: false,
            now: std::time::UNIX_EPOCH,
            problems: None,
            cache: RefCell::new(None),
            titles: rows::FoldedTitles::default(),
        };
        for tab in Tab::ALL {
            app.select_first(tab);
        }
        app
    }

    /// A list built in the background arrives: it replaces the tab's `Building` list, in the order its
    /// view shows now (a timeline turned meanwhile is turned here, from its rows), with the row it was
    /// waiting for selected, else its first. A list built here meanwhile is newer, and stays.
    pub fn set_rows(&mut self, built: BuiltList) {
        let tab = built.tab;
        let Rows::Building(keep) = self.rows[tab.index()] else {
            return;
        };
        let rows = match (built.job, self.list_job(tab)) {
            (ListJob::Timeline { newest_first: was }, ListJob::Timeline { newest_first: now }) if was != now => {
                rows::timeline_reversed(built.rows)
            }
            _ => built.rows,
        };
        self.rows[tab.index()] = Rows::Built(rows);
        match self.row_of(tab, keep, None) {
            Some(row) => {
                if let Some(list) = self.states[tab.index()].list_mut() {
                    list.selected = Some(row);
                }
                self.refilter(tab);
            }
            None => {
                self.select_first(tab);
                self.states[tab.index()].reset_detail();
            }
        }
        self.fix();
    }

    /// Builds a tab's list here, now, if it is still being built elsewhere.
    pub(crate) fn build_now(&mut self, tab: Tab) {
        if self.building(tab) {
            let job = self.list_job(tab);
            let rows = job.build(&self.kb);
            self.set_rows(BuiltList { tab, job, rows });
        }
    }

    /// Where the row of `key` is in a tab's list: at `hint` still (nothing moved), or found.
    pub(crate) fn row_of(&self, tab: Tab, key: Option<RowKey>, hint: Option<usize>) -> Option<usize> {
        let key = key?;
        let rows = self.rows(tab);
        match hint {
            Some(at) if rows.get(at).is_some_and(|r| r.key == key) => Some(at),
            _ => rows.iter().position(|r| r.key == key),
        }
    }

    /// Whether a tab's list is still being built.
    pub fn building(&self, tab: Tab) -> bool {
        matches!(self.rows[tab.index()], Rows::Building(_))
    }

    /// The lists still to build, and how: for a thread of their own (`ListJob::build_all`).
    pub fn pending_lists(&self) -> Vec<(Tab, ListJob)> {
        Tab::ALL
            .into_iter()
            .filter(|&t| self.building(t))
            .map(|t| (t, self.list_job(t)))
            .collect()
    }

    /// How a tab's list is built now: the timeline in the order its view shows.
    fn list_job(&self, tab: Tab) -> ListJob {
        match &self.states[tab.index()].view {
            View::Timeline(t) => ListJob::Timeline {
                newest_first: t.newest_first,
            },
            View::List(_) | View::Map(_) | View::Matrix(_) => ListJob::Tab(tab),
        }
    }

    /// Shows a tab's rows as its filter and region say, the first one selected.
    fn select_first(&mut self, tab: Tab) {
        self.refilter(tab);
        let first = self.visible[tab.index()].first().copied();
        if let Some(list) = self.states[tab.index()].list_mut() {
            list.selected = first;
        }
    }

    pub fn rows(&self, tab: Tab) -> &[Row] {
        self.rows[tab.index()].as_slice()
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

    /// The search palette, while it is open.
    pub fn palette(&self) -> Option<&Palette> {
        match &self.mode {
            Mode::Search(palette) => Some(palette),
            Mode::Browse
            | Mode::Filter(_)
            | Mode::Help { .. }
            | Mode::Present(_)
            | Mode::Problems { .. }
            | Mode::Link(_) => None,
        }
    }

    pub fn screen(&self) -> Option<Screen> {
        let searching = self.palette().is_some();
        let shape = if searching {
            layout::Shape::Search
        } else {
            self.current().view.shape()
        };
        let reading = self.current().focus == Focus::Detail && !searching;
        Screen::new(self.width, self.height, shape, reading, self.problems.is_some())
    }

    /// Whether the list pane shows a filter line.
    pub fn filter_line(&self) -> bool {
        matches!(self.mode, Mode::Filter(_)) || !self.current().filter().is_empty() || self.current().region().is_some()
    }

    /// Takes the effects queued for the terminal layer.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The key contexts in force, most specific first (see `keys::Context`). The one place where the
    /// precedence of the modes is decided.
    pub fn contexts(&self) -> Vec<Context> {
        let mut contexts = vec![Context::Always];
        match &self.mode {
            Mode::Help { .. } => contexts.push(Context::Help),
            Mode::Search(_) => contexts.extend([Context::Palette, Context::Typing]),
            Mode::Filter(_) => contexts.extend([Context::Filter, Context::Typing]),
            Mode::Present(show) if show.asked_to_follow => contexts.push(Context::Follow),
            Mode::Present(show) => {
                if show.screen == present::Screen::Presenter {
                    contexts.push(Context::Console);
                }
                contexts.push(Context::Present);
            }
            Mode::Problems { .. } => contexts.push(Context::Problems),
            Mode::Link(_) => contexts.push(Context::Link),
            Mode::Browse => {
                match self.current().focus {
                    Focus::Detail => contexts.push(Context::Detail),
                    Focus::List => contexts.extend(self.view_contexts()),
                }
                contexts.push(Context::Browse);
            }
        }
        contexts
    }

    /// A key press: looked up in the key table, then applied.
    pub fn key(&mut self, key: Key) {
        self.status = None;
        match self.keymap.resolve_at(&self.contexts(), key, Some(self.tab)) {
            // "Terminal too small" hides the panes: keys must not move what nobody can see.
            Some(action) if self.screen().is_none() && self.show().is_none() => {
                if matches!(action, Action::Quit | Action::Suspend) {
                    self.update(action);
                }
            }
            Some(action) => self.update(action),
            None => {
                if !matches!(self.mode, Mode::Help { .. }) {
                    let help = self.key_for(Action::ToggleHelp);
                    self.status = Some(format!("{} does nothing here; {help} shows the keys", key.label()));
                }
            }
        }
    }

    /// How the footer names the key bound to an action (the first one, in any context).
    pub fn key_for(&self, action: Action) -> String {
        // Esc is Back while browsing, ! in the problems overlay: the key of the contexts in force.
        let mut contexts = self.contexts();
        contexts.extend([Context::List, Context::Browse]);
        self.keymap.key_in(&contexts, &action).unwrap_or_else(|| "?".into())
    }

    /// What the detail pane shows: the search's selected result while searching, else the selected row or
    /// matrix cell.
    pub fn detail_key(&self) -> Option<RowKey> {
        if let Some(palette) = self.palette() {
            return palette.selected_hit().map(|h| RowKey::Record(h.record));
        }
        self.view_detail_key()
    }

    /// The document the detail pane shows, whole (every entry of its lists): what a copy takes.
    pub fn detail_document(&self) -> Option<Document> {
        self.detail_document_to(Extent::Whole)
    }

    /// The document the detail pane shows, its lists cut to `extent`.
    pub(crate) fn detail_document_to(&self, extent: Extent) -> Option<Document> {
        self.detail_key()
            .map(|key| docs::document(&self.kb, self.rows(self.tab), key, extent))
    }

    /// The detail pane's text laid out for its current width.
    pub fn detail_view(&self) -> Rc<DocView> {
        let Some(key) = self.detail_key() else {
            return Rc::new(DocView::default());
        };
        let width = self.detail_size().0;
        let focused = self.detail_link();
        if let Some((k, w, f, view)) = self.cache.borrow().as_ref() {
            if *k == key && *w == width && *f == focused {
                return view.clone();
            }
        }
        let doc = docs::document(&self.kb, self.rows(self.tab), key, Extent::SCREEN);
        // The focused link's URL is shown whole, the others' shortened to a line.
        let view = Rc::new(DocView::new(&doc, width, focused));
        *self.cache.borrow_mut() = Some((key, width, focused, view.clone()));
        view
    }

    /// (width, height) of the detail pane's text.
    pub fn detail_size(&self) -> (u16, u16) {
        self.screen()
            .map(|s| layout::detail_text(s.detail))
            .map_or((0, 0), |r| (r.width, r.height))
    }

    /// The hyperlinks on the screen as drawn now: the URLs of the detail pane in view, or the link
    /// overlay's; none under the other overlays, which cover the pane.
    pub fn hyperlinks(&self) -> Vec<Hyperlink> {
        match &self.mode {
            Mode::Link(note) => layout::link_overlay(self.width, self.height, note)
                .url
                .into_iter()
                .map(|(at, _piece)| Hyperlink {
                    x: at.x,
                    y: at.y,
                    width: at.width,
                    url: note.url.clone(),
                })
                .filter(|h| !h.url.trim().is_empty() && h.width > 0)
                .collect(),
            Mode::Help { .. } | Mode::Problems { .. } | Mode::Present(_) => Vec::new(),
            Mode::Browse | Mode::Filter(_) | Mode::Search(_) => self.detail_hyperlinks(),
        }
    }

    /// The URLs of the detail pane, where they are drawn.
    fn detail_hyperlinks(&self) -> Vec<Hyperlink> {
        let Some(screen) = self.screen() else {
            return Vec::new();
        };
        let shape = match self.palette() {
            Some(_) => layout::Shape::Search,
            None => self.current().view.shape(),
        };
        if !shape.has_detail() {
            return Vec::new();
        }
        let text = layout::detail_text(screen.detail);
        let (scroll, height, width) = (self.detail_scroll(), usize::from(text.height), usize::from(text.width));
        let view = self.detail_view();
        view.hrefs
            .iter()
            .filter(|h| h.line >= scroll && h.line < scroll + height && h.column < width)
            .map(|h| Hyperlink {
                x: text.x + h.column as u16,
                y: text.y + (h.line - scroll) as u16,
                width: h.width.min(width - h.column) as u16,
                url: h.url.clone(),
            })
            .collect()
    }

    /// Whether the terminal's own text selection is wanted now (the mouse left to it): while a link
    /// is shown to be selected.
    pub fn selecting_text(&self) -> bool {
        matches!(self.mode, Mode::Link(_))
    }

    /// The scroll position the detail pane shows: the tab's, or the top while previewing a search result.
    pub fn detail_scroll(&self) -> usize {
        if self.palette().is_some() {
            0
        } else {
            self.current().scroll
        }
    }

    /// The focused link, unless the search is previewing.
    pub fn detail_link(&self) -> Option<usize> {
        if self.palette().is_some() {
            None
        } else {
            self.current().link
        }
    }

    /// The search index is ready: searches typed while it was being built run now.
    pub fn set_index(&mut self, index: SearchIndex) {
        self.index = Some(index);
        if let Mode::Search(palette) = &mut self.mode {
            palette.stale = true;
        }
    }

    /// False while the search index is still being built.
    pub fn search_ready(&self) -> bool {
        self.index.is_some()
    }

    /// Runs the search if the query changed. The event loop calls this once per frame, after draining
    /// every pending key, so typing never waits for searches of intermediate queries.
    pub fn refresh(&mut self) {
        let rows = self.palette_rows();
        if let Mode::Search(palette) = &mut self.mode {
            if palette.stale {
                let query = palette.query().to_string();
                match &self.index {
                    _ if query.trim().is_empty() => palette.hits = Vec::new(),
                    Some(index) => palette.hits = index.search(&self.kb, &query, None, palette::LIMIT),
                    // No index yet (a start, a reload): the hits and the selected one (as Back
                    // restored it) wait for it.
                    None => {
                        palette.hits = Vec::new();
                        return;
                    }
                }
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

    /// Re-establishes what must always hold, whatever happened: a selection on a visible row, the
    /// selection in view, the detail scroll and focused link within the document.
    fn fix(&mut self) {
        self.fix_list();
        let cell = self.current().cell();
        self.select_cell(cell);
        let view = self.detail_view();
        let (_, h) = self.detail_size();
        let state = self.current_mut();
        if state.link.is_some_and(|l| l >= view.link_targets.len()) {
            state.link = None;
        }
        // The focused link whole in view, its URL (shown whole now) included, when it fits.
        if let Some((start, end)) = state
            .link
            .and_then(|l| Some((*view.link_lines.get(l)?, view.link_end(l)?)))
        {
            let h = usize::from(h).max(1);
            if end >= state.scroll + h {
                state.scroll = (end + 1).saturating_sub(h).min(start);
            }
            if start < state.scroll {
                state.scroll = start;
            }
        }
        state.scroll = state.scroll.min(view.lines.len().saturating_sub(usize::from(h)));
        let palette_rows = self.palette_rows();
        if let Mode::Search(p) = &mut self.mode {
            p.fix(palette_rows);
        }
    }
}
