//! `App::update`: what each action does, by mode (help, search, filter typing, browsing), and in the
//! detail pane. What the views do with their keys is in `views/`.

use crate::document::render::document_text;
use crate::kb::RecordRef;

use super::detail::LinkTarget;
use super::matrix::{Axis, Cell};
use super::palette::Palette;
use super::rows::RowKey;
use super::tabs::Tab;
use super::views::View;
use super::{layout, Action, App, Effect, Focus, Mode, Mouse, MouseKind};
use tui_input::InputRequest;

impl App {
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => {
                self.width = w;
                self.height = h;
            }
            Action::Mouse(m) => self.mouse(m),
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Report(message) => self.status = Some(message),
            Action::LinkShown { url, said } => {
                self.status = None;
                self.mode = Mode::Link(super::LinkNote { url, said });
            }
            Action::Tick(now) => {
                self.now = now;
                if let Mode::Present(_) = self.mode {
                    self.present_action(Action::Tick(now));
                }
            }
            action => match &self.mode {
                Mode::Help { .. } => self.help_action(action),
                Mode::Search(_) => self.palette_action(action),
                Mode::Filter(_) => self.filter_action(action),
                Mode::Present(_) => self.present_action(action),
                Mode::Problems { .. } => self.problems_action(action),
                Mode::Link(_) => self.link_action(action),
                Mode::Browse => self.browse_action(action),
            },
        }
        self.fix();
    }

    fn help_action(&mut self, action: Action) {
        let lines = self.keymap.help_lines().len();
        let Mode::Help { scroll } = self.mode else { return };
        self.mode = match overlay_scroll(&action, scroll, lines) {
            Some(scroll) => Mode::Help { scroll },
            None => Mode::Browse,
        };
    }

    fn problems_action(&mut self, action: Action) {
        let count = self.problems.as_ref().map_or(0, |p| p.len());
        let Mode::Problems { scroll } = self.mode else { return };
        self.mode = match overlay_scroll(&action, scroll, count) {
            Some(scroll) => Mode::Problems { scroll },
            None => Mode::Browse,
        };
    }

    /// The link overlay: closed by its keys, or the link copied again.
    fn link_action(&mut self, action: Action) {
        let Mode::Link(note) = &self.mode else { return };
        match action {
            Action::Copy => {
                let url = note.url.clone();
                self.effects.push(Effect::Copy {
                    text: url,
                    what: "the link".into(),
                });
            }
            Action::Back => self.mode = Mode::Browse,
            // Not keys of the link overlay.
            Action::Quit
            | Action::NextTab
            | Action::PrevTab
            | Action::GoTab(_)
            | Action::Up
            | Action::Down
            | Action::Left
            | Action::Right
            | Action::Top
            | Action::Bottom
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::PageDown
            | Action::PageUp
            | Action::Open
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
            | Action::Suspend => {}
        }
    }

    fn palette_action(&mut self, action: Action) {
        let page = self.palette_rows() as isize;
        let Mode::Search(palette) = &mut self.mode else {
            return;
        };
        match action {
            Action::Input(c) => palette.edit(InputRequest::InsertChar(c)),
            Action::Paste(text) => {
                for c in text.chars().filter(|c| !c.is_control()) {
                    palette.edit(InputRequest::InsertChar(c));
                }
            }
            Action::Edit(edit) => palette.edit(edit.request()),
            Action::Down => palette.move_by(1),
            Action::Up => palette.move_by(-1),
            Action::PageDown => palette.move_by(page),
            Action::PageUp => palette.move_by(-page),
            Action::CloseSearch | Action::Back => self.mode = Mode::Browse,
            Action::Open => self.open_hit(),
            // Not keys of the search palette.
            Action::Quit
            | Action::NextTab
            | Action::PrevTab
            | Action::GoTab(_)
            | Action::Left
            | Action::Right
            | Action::Top
            | Action::Bottom
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::FocusList
            | Action::ToggleHelp
            | Action::OpenSearch
            | Action::StartFilter
            | Action::AcceptFilter
            | Action::ClearFilter
            | Action::CycleRegion
            | Action::FlipOrder
            | Action::OpenSource
            | Action::Copy
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
            | Action::Suspend => {}
        }
    }

    /// Enter in the search: the result opens in its own tab; Back comes back to the search as it was.
    fn open_hit(&mut self) {
        let Some(hit) = self.palette().and_then(|p| p.selected_hit().cloned()) else {
            self.status = Some("No result to open: type a few letters of a name".into());
            return;
        };
        self.remember();
        self.mode = Mode::Browse;
        self.jump(hit.record);
    }

    fn browse_action(&mut self, action: Action) {
        match action {
            Action::NextTab => self.go_tab((self.tab.index() + 1) % Tab::ALL.len()),
            Action::PrevTab => self.go_tab((self.tab.index() + Tab::ALL.len() - 1) % Tab::ALL.len()),
            Action::GoTab(n) => self.go_tab(n),
            Action::Back => self.back(),
            Action::ToggleHelp => self.mode = Mode::Help { scroll: 0 },
            Action::OpenSearch => self.mode = Mode::Search(Palette::new(String::new(), 0)),
            Action::OpenSource => self.open_source(),
            Action::Copy => self.copy(),
            Action::Present => self.present_current(),
            Action::ShowProblems => match &self.problems {
                Some(_) => self.mode = Mode::Problems { scroll: 0 },
                None => self.status = Some("The data has no problems".into()),
            },
            Action::CycleTheme => self.effects.push(Effect::CycleTheme),
            Action::ToggleMouse => self.effects.push(Effect::ToggleMouse),
            Action::FocusList => self.current_mut().focus = Focus::List,
            action => match self.current().focus {
                Focus::Detail => self.detail_action(action),
                Focus::List => self.view_action(action),
            },
        }
    }

    fn go_tab(&mut self, n: usize) {
        if let Some(&tab) = Tab::ALL.get(n) {
            self.tab = tab;
        }
    }

    /// Enter on a row: the detail pane takes the keys, its first link in view focused.
    pub(super) fn focus_detail(&mut self) {
        if self.detail_key().is_none() {
            return;
        }
        // Focus first: stacked, the detail pane grows with the focus, and more links are in view.
        self.current_mut().focus = Focus::Detail;
        let view = self.detail_view();
        let (_, h) = self.detail_size();
        let state = self.current_mut();
        if state.link.is_none() {
            let end = state.scroll + usize::from(h);
            state.link = view.link_lines.iter().position(|&l| l >= state.scroll && l < end);
        }
    }

    fn detail_action(&mut self, action: Action) {
        let (_, h) = self.detail_size();
        let h = usize::from(h).max(1);
        match action {
            Action::Down => self.step_link(true),
            Action::Up => self.step_link(false),
            Action::HalfPageDown => self.scroll_by((h / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((h / 2).max(1) as isize)),
            Action::PageDown => self.scroll_by(h.saturating_sub(1).max(1) as isize),
            Action::PageUp => self.scroll_by(-(h.saturating_sub(1).max(1) as isize)),
            Action::Top => self.scroll_by(isize::MIN / 2),
            Action::Bottom => self.scroll_by(isize::MAX / 2),
            Action::Open => self.follow(),
            Action::Left => self.current_mut().focus = Focus::List,
            // Not keys of the detail pane (`browse_action` takes the keys of both panes).
            Action::Quit
            | Action::NextTab
            | Action::PrevTab
            | Action::GoTab(_)
            | Action::Right
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
            | Action::Suspend => {}
        }
    }

    /// Scrolls the detail pane; a focused link scrolled out of view loses the focus, so the next j/k
    /// starts from what is on screen.
    fn scroll_by(&mut self, delta: isize) {
        let view = self.detail_view();
        let h = usize::from(self.detail_size().1);
        let max = view.lines.len().saturating_sub(h);
        let state = self.current_mut();
        state.scroll = state.scroll.saturating_add_signed(delta).min(max);
        let in_view = |l: usize| l >= state.scroll && l < state.scroll + h;
        if state
            .link
            .is_some_and(|i| !view.link_lines.get(i).is_some_and(|&l| in_view(l)))
        {
            state.link = None;
        }
    }

    /// j/k in the detail pane: the next (previous) link if it is in view or just beyond, else a line of
    /// scrolling; long text without links still reads with j/k.
    fn step_link(&mut self, forward: bool) {
        let view = self.detail_view();
        let h = usize::from(self.detail_size().1).max(1);
        let state = self.current().clone();
        let lines = &view.link_lines;
        let candidate = match (state.link, forward) {
            (Some(i), true) => Some(i + 1).filter(|&n| n < lines.len()),
            (Some(i), false) => i.checked_sub(1),
            (None, true) => lines.iter().position(|&l| l >= state.scroll),
            (None, false) => lines.iter().rposition(|&l| l < state.scroll + h),
        };
        let reachable = |l: usize| l + 1 >= state.scroll && l <= state.scroll + h;
        match candidate {
            Some(n) if reachable(lines[n]) => {
                let line = lines[n];
                let s = self.current_mut();
                s.link = Some(n);
                if line < s.scroll {
                    s.scroll = line;
                } else if line >= s.scroll + h {
                    s.scroll = line + 1 - h;
                }
            }
            _ => self.scroll_by(if forward { 1 } else { -1 }),
        }
    }

    /// Enter on a focused link: remember where we are, then open the record in its tab with its detail
    /// focused, so that the next hop along a chain of links is one Enter; a web link opens in the browser.
    fn follow(&mut self) {
        let view = self.detail_view();
        let Some(target) = self.current().link.and_then(|i| view.link_targets.get(i).cloned()) else {
            let keys = format!("{}/{}", self.key_for(Action::Down), self.key_for(Action::Up));
            self.status = Some(format!("No link focused: {keys} move between the links"));
            return;
        };
        match target {
            LinkTarget::Record(record) => {
                self.remember();
                self.jump(record);
                self.focus_detail();
            }
            LinkTarget::Web(url) => self.effects.push(Effect::OpenUrl(url)),
        }
    }

    /// Shows a record in its tab: its row selected in the unfiltered list (or its column of the
    /// matrix), the list focused.
    pub fn jump(&mut self, target: RecordRef) {
        let tab = Tab::for_kind(target.kind);
        self.tab = tab;
        self.mode = Mode::Browse;
        if let View::Matrix(_) = self.current().view {
            let cell = Cell {
                priority: Axis::All,
                area: Axis::Is(target.index),
            };
            let pos = self.matrix.position(cell).unwrap_or((0, 0));
            self.select_cell(pos);
            let state = self.current_mut();
            state.focus = Focus::List;
            state.reset_detail();
            return;
        }
        // A record followed into a list still being built: the list is built now (a fraction of a
        // second at 100,000 results), so that the record is where the user lands; the copy on its way
        // is then older, and ignored.
        if self.building(tab) {
            self.build_now(tab);
        }
        let key = RowKey::Record(target);
        let Some(row) = self.row_of(tab, Some(key), None) else {
            return;
        };
        // The record shows in the whole list: a filter left from before would hide its neighbours, and
        // would make the next Esc clear it instead of going back. Back restores it anyway.
        let state = self.current_mut();
        if !state.filter().is_empty() || state.region().is_some() {
            if let Some(list) = state.list_mut() {
                list.filter.clear();
                list.region = None;
            }
            self.refilter(tab);
        }
        let state = self.current_mut();
        if let Some(list) = state.list_mut() {
            list.selected = Some(row);
        }
        state.focus = Focus::List;
        state.reset_detail();
    }

    /// Esc: the nearest thing to undo. A filter first, then the last followed link, then the pane focus.
    fn back(&mut self) {
        let state = self.current().clone();
        if state.focus == Focus::List && !state.filter().is_empty() {
            if let Some(list) = self.current_mut().list_mut() {
                list.filter.clear();
            }
            self.refilter(self.tab);
        } else if self.go_back() {
        } else if state.focus == Focus::Detail {
            self.current_mut().focus = Focus::List;
        } else if state.region().is_some() {
            if let Some(list) = self.current_mut().list_mut() {
                list.region = None;
            }
            self.refilter(self.tab);
        } else {
            let quit = self.key_for(Action::Quit);
            self.status = Some(format!("Nothing to go back to ({quit} quits)"));
        }
    }

    /// o: the focused web link, else the record's first page on the web (its NORMLEX or ILOSTAT page,
    /// its site), else its source's. The terminal layer opens it, or copies it over SSH.
    fn open_source(&mut self) {
        let view = self.detail_view();
        let focused = self.detail_link().and_then(|i| match view.link_targets.get(i) {
            Some(LinkTarget::Web(url)) => Some(url.clone()),
            _ => None,
        });
        let first = || {
            view.link_targets.iter().find_map(|t| match t {
                LinkTarget::Web(url) => Some(url.clone()),
                LinkTarget::Record(_) => None,
            })
        };
        let url = focused.or_else(first).or_else(|| {
            // The record's own address: its lists are not needed.
            let doc = self.detail_document_to(crate::document::Extent::SCREEN);
            doc.and_then(|d| d.url().map(String::from))
        });
        match url {
            Some(url) => self.effects.push(Effect::OpenUrl(url)),
            None => self.status = Some("This has no link to open".into()),
        }
    }

    fn copy(&mut self) {
        let Some(doc) = self.detail_document() else {
            self.status = Some("Nothing selected to copy".into());
            return;
        };
        let text = document_text(&doc);
        self.effects.push(Effect::Copy {
            text,
            what: format!("“{}”", doc.title),
        });
    }

    /// The mouse, by mode: the help overlay takes every event; otherwise a click or the wheel goes to
    /// the pane under it.
    fn mouse(&mut self, m: Mouse) {
        let Some(screen) = self.screen() else {
            return;
        };
        let at = |r: ratatui::layout::Rect| {
            m.column >= r.x && m.column < r.x + r.width && m.row >= r.y && m.row < r.y + r.height
        };
        let detail_clicks = self.current().view.shape().has_detail();
        match &mut self.mode {
            Mode::Present(_) => self.present_action(match m.kind {
                MouseKind::Click | MouseKind::ScrollDown => Action::Right,
                MouseKind::ScrollUp => Action::Left,
            }),
            Mode::Problems { .. } => self.problems_action(match m.kind {
                MouseKind::Click => Action::Back,
                MouseKind::ScrollDown => Action::Down,
                MouseKind::ScrollUp => Action::Up,
            }),
            // The mouse is the terminal's while a link is shown (to select it); a click closes it.
            Mode::Link(_) => {
                if m.kind == MouseKind::Click {
                    self.mode = Mode::Browse;
                }
            }
            Mode::Help { .. } => self.help_action(match m.kind {
                MouseKind::Click => Action::ToggleHelp,
                MouseKind::ScrollDown => Action::Down,
                MouseKind::ScrollUp => Action::Up,
            }),
            _ if at(screen.tabs) && m.kind == MouseKind::Click => self.click_tab(m.column),
            Mode::Search(palette) if at(screen.list) => palette_mouse(palette, m, screen.list),
            Mode::Search(_) => {}
            Mode::Browse | Mode::Filter(_) if at(screen.list) => self.view_mouse(m, screen.list),
            Mode::Browse | Mode::Filter(_) if at(screen.detail) && detail_clicks => self.mouse_detail(m, screen.detail),
            Mode::Browse | Mode::Filter(_) => {}
        }
    }

    fn click_tab(&mut self, column: u16) {
        if let Some(tab) = layout::tab_bar(self.width, self.tab).tab_at(column) {
            self.mode = Mode::Browse;
            self.tab = tab;
        }
    }

    /// A click on a link focuses it; a click on the focused link follows it. The wheel scrolls.
    fn mouse_detail(&mut self, m: Mouse, area: ratatui::layout::Rect) {
        match m.kind {
            MouseKind::ScrollDown => self.scroll_by(3),
            MouseKind::ScrollUp => self.scroll_by(-3),
            MouseKind::Click => {
                self.mode = Mode::Browse;
                self.current_mut().focus = Focus::Detail;
                let text = layout::detail_text(area);
                if m.row < text.y || m.column < text.x {
                    return;
                }
                let line = self.detail_scroll() + usize::from(m.row - text.y);
                let link = self.link_at(line, usize::from(m.column - text.x));
                if link.is_some() && link == self.current().link {
                    self.follow();
                } else if link.is_some() {
                    self.current_mut().link = link;
                }
            }
        }
    }

    fn link_at(&self, line: usize, column: usize) -> Option<usize> {
        use unicode_width::UnicodeWidthStr;
        let view = self.detail_view();
        let mut x = 0;
        for seg in view.lines.get(line)? {
            let w = seg.text.width();
            if column >= x && column < x + w {
                return match seg.role {
                    super::detail::Role::Link(i) | super::detail::Role::LinkUrl(i) => Some(i),
                    _ => None,
                };
            }
            x += w;
        }
        None
    }
}

/// An overlay of `lines` lines scrolled by an action: its new first line, or None when it closes.
fn overlay_scroll(action: &Action, scroll: usize, lines: usize) -> Option<usize> {
    match action {
        Action::ToggleHelp | Action::Back => None,
        Action::Down => Some((scroll + 1).min(lines.saturating_sub(1))),
        Action::Up => Some(scroll.saturating_sub(1)),
        // Not keys of an overlay: it stays as it is.
        Action::Quit
        | Action::NextTab
        | Action::PrevTab
        | Action::GoTab(_)
        | Action::Left
        | Action::Right
        | Action::Top
        | Action::Bottom
        | Action::HalfPageDown
        | Action::HalfPageUp
        | Action::PageDown
        | Action::PageUp
        | Action::Open
        | Action::FocusList
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
        | Action::Suspend => Some(scroll),
    }
}

/// The wheel moves the search's selection; a click selects the result under it.
fn palette_mouse(palette: &mut Palette, m: Mouse, area: ratatui::layout::Rect) {
    const WHEEL: isize = 3;
    match m.kind {
        MouseKind::ScrollDown => palette.move_by(WHEEL),
        MouseKind::ScrollUp => palette.move_by(-WHEEL),
        MouseKind::Click => {
            let rows = layout::inner(area);
            let top = rows.y + 2;
            if m.row >= top {
                palette.selected = palette.offset + usize::from(m.row - top);
                palette.move_by(0);
            }
        }
    }
}
