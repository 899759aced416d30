//! A list view: rows in a tree (headings with their records under them), a filter typed in place, an
//! optional region, and a selection that always sits on a visible row.

use ratatui::layout::Rect;

use crate::app::rows::Row;
use crate::app::tabs::Tab;
use crate::app::{layout, palette, Action, App, Mode, Mouse, MouseKind};
use crate::kb::text::fold;
use crate::kb::Region;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// The selected row, as an index into the tab's rows; always one of the visible rows, or None when
    /// none is visible.
    pub selected: Option<usize>,
    /// The first visible row of the list (an index into the visible rows).
    pub offset: usize,
    pub filter: String,
    /// Only the rows of one region (lists grouped by region).
    pub region: Option<Region>,
}

/// Rows the mouse wheel moves.
const WHEEL: isize = 3;

impl App {
    pub(in crate::app) fn list_action(&mut self, action: Action) {
        let page = self.list_height() as isize;
        match action {
            Action::Down => self.move_selection(1),
            Action::Up => self.move_selection(-1),
            Action::HalfPageDown => self.move_selection(page / 2),
            Action::HalfPageUp => self.move_selection(-page / 2),
            Action::PageDown => self.move_selection(page),
            Action::PageUp => self.move_selection(-page),
            Action::Top => self.move_selection(isize::MIN / 2),
            Action::Bottom => self.move_selection(isize::MAX / 2),
            Action::Open | Action::Right => self.focus_detail(),
            Action::StartFilter => {
                let text = self.current().filter().to_string();
                self.mode = Mode::Filter(tui_input::Input::new(text));
            }
            Action::CycleRegion => self.cycle_region(),
            Action::Export(format) => self.export(format),
            // Not keys of a list (`browse_action` takes those of every view).
            Action::Quit
            | Action::NextTab
            | Action::PrevTab
            | Action::GoTab(_)
            | Action::Left
            | Action::Back
            | Action::FocusList
            | Action::ToggleHelp
            | Action::OpenSearch
            | Action::CloseSearch
            | Action::AcceptFilter
            | Action::ClearFilter
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

    /// Keys while typing a filter: the text changes the list at once.
    pub(in crate::app) fn filter_action(&mut self, action: Action) {
        use tui_input::InputRequest;
        let tab = self.tab;
        let Mode::Filter(input) = &mut self.mode else { return };
        let changed = match action {
            Action::Input(c) => input.handle(InputRequest::InsertChar(c)),
            Action::Paste(text) => text
                .chars()
                .filter(|c| !c.is_control())
                .filter_map(|c| input.handle(InputRequest::InsertChar(c)))
                .last(),
            Action::Edit(edit) => input.handle(edit.request()),
            Action::AcceptFilter => {
                self.mode = Mode::Browse;
                return;
            }
            Action::ClearFilter | Action::Back => {
                self.mode = Mode::Browse;
                if let Some(list) = self.current_mut().list_mut() {
                    list.filter.clear();
                }
                return self.refilter(tab);
            }
            Action::Down => return self.move_selection(1),
            Action::Up => return self.move_selection(-1),
            // Not keys of a filter being typed.
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
            | Action::ToggleHelp
            | Action::OpenSearch
            | Action::CloseSearch
            | Action::StartFilter
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
            | Action::Suspend => return,
        };
        if changed.is_some_and(|c| c.value) {
            let text = input.value().to_string();
            if let Some(list) = self.current_mut().list_mut() {
                list.filter = text;
            }
            self.refilter(tab);
        }
    }

    /// Moves the list selection by `delta` visible rows, stopping at either end.
    pub(in crate::app) fn move_selection(&mut self, delta: isize) {
        let i = self.tab.index();
        let visible = &self.visible[i];
        let Some(last) = visible.len().checked_sub(1) else {
            return;
        };
        let state = &mut self.states[i];
        let Some(list) = state.list_mut() else { return };
        let pos = list.selected.and_then(|s| visible.binary_search(&s).ok()).unwrap_or(0);
        let new = pos.saturating_add_signed(delta).min(last);
        if Some(visible[new]) != list.selected {
            list.selected = Some(visible[new]);
            state.reset_detail();
        }
    }

    /// The list's records as they are filtered, as a table file: the kind most rows show (the results
    /// of Priorities, the countries of Countries), every field of it in CSV, the compact ones in Markdown.
    fn export(&mut self, format: crate::app::action::ExportFormat) {
        use crate::app::action::ExportFormat;
        use crate::app::rows::RowKey;
        use crate::kb::Kind;
        // What is asked for is the whole list: it is built now rather than exported empty.
        self.build_now(self.tab);
        let rows = self.rows(self.tab);
        let records: Vec<crate::kb::RecordRef> = self
            .visible(self.tab)
            .iter()
            .filter_map(|&i| match rows[i].key {
                RowKey::Record(r) => Some(r),
                _ => None,
            })
            .collect();
        let kind = Kind::ALL
            .into_iter()
            .max_by_key(|&k| records.iter().filter(|r| r.kind == k).count())
            .filter(|&k| records.iter().any(|r| r.kind == k));
        let Some(kind) = kind else {
            self.status = Some("Nothing to export: no record in this list".into());
            return;
        };
        let refs: Vec<_> = records.into_iter().filter(|r| r.kind == kind).collect();
        let table = crate::document::table::Table::records(&self.kb, kind, &refs, format == ExportFormat::Markdown);
        let mut content = Vec::new();
        let written = match format {
            ExportFormat::Csv => table.write_csv_as(&mut content, self.csv_dialect, true),
            ExportFormat::Markdown => table.write_markdown(&mut content),
        };
        if written.is_err() {
            self.status = Some("Could not make the table".into());
            return;
        }
        let filtered = !self.current().filter().is_empty() || self.current().region().is_some();
        let stem = format!("ipec-{}{}", kind.plural(), if filtered { "-filtered" } else { "" });
        self.effects.push(crate::app::Effect::Export {
            stem,
            extension: format.extension(),
            content: String::from_utf8_lossy(&content).into_owned(),
            what: crate::document::format::count(refs.len(), kind.label().to_lowercase().as_str()),
        });
    }

    fn cycle_region(&mut self) {
        let tab = self.tab;
        let Some(list) = self.current_mut().list_mut() else {
            return;
        };
        list.region = match list.region {
            None => Some(Region::ALL[0]),
            Some(r) => Region::ALL
                .iter()
                .position(|&x| x == r)
                .and_then(|i| Region::ALL.get(i + 1).copied()),
        };
        let label = list.region.map_or("all regions".to_string(), |r| r.name().to_string());
        self.refilter(tab);
        let key = self.key_for(Action::CycleRegion);
        self.status = Some(format!("Showing {label} ({key} for the next)"));
    }

    pub(in crate::app) fn list_mouse(&mut self, m: Mouse, area: Rect) {
        match m.kind {
            MouseKind::ScrollDown => self.move_selection(WHEEL),
            MouseKind::ScrollUp => self.move_selection(-WHEEL),
            MouseKind::Click => {
                let rows = layout::list_rows(area, self.filter_line());
                if m.row < rows.y {
                    return;
                }
                let tab = self.tab;
                let Some(offset) = self.current().list().map(|l| l.offset) else {
                    return;
                };
                let pos = offset + usize::from(m.row - rows.y);
                if let Some(&row) = self.visible(tab).get(pos) {
                    let state = self.current_mut();
                    if let Some(list) = state.list_mut() {
                        if list.selected != Some(row) {
                            list.selected = Some(row);
                            state.reset_detail();
                        }
                    }
                }
            }
        }
    }

    /// Recomputes a tab's visible rows from its filter and region, and keeps its selection on a visible
    /// row (the same one if it still shows, else the first match).
    pub(in crate::app) fn refilter(&mut self, tab: Tab) {
        let i = tab.index();
        let Some(list) = self.states[i].list() else { return };
        let words: Vec<String> = fold(&list.filter).split_whitespace().map(String::from).collect();
        let rows = self.rows[i].as_slice();
        let in_region = |r: &Row| list.region.is_none() || r.region() == list.region;
        let direct: Vec<bool> = rows
            .iter()
            .map(|r| in_region(r) && (words.is_empty() || r.matches(&words, &self.titles, &self.kb)))
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
        let selected = match list.selected {
            // Keep the selection while it still matches; a heading shown only as context does not. (A
            // selection past the rows is one a reload left while the new rows are on their way.)
            Some(s) if direct.get(s) == Some(&true) && visible.binary_search(&s).is_ok() => Some(s),
            _ => visible
                .iter()
                .copied()
                .find(|&n| direct[n] && countable(n))
                .or_else(|| visible.first().copied()),
        };
        self.counts[i] = (matched, total);
        self.visible[i] = visible;
        if let Some(list) = self.states[i].list_mut() {
            list.selected = selected;
        }
    }

    /// The list keeps its selection on a visible row and in view.
    pub(in crate::app) fn fix_list(&mut self) {
        let height = self.list_height();
        let i = self.tab.index();
        let visible = &self.visible[i];
        let Some(list) = self.states[i].list_mut() else { return };
        if list.selected.is_some_and(|s| visible.binary_search(&s).is_err()) {
            list.selected = visible.first().copied();
        }
        let pos = list.selected.and_then(|s| visible.binary_search(&s).ok()).unwrap_or(0);
        list.offset = palette::keep_in_view(list.offset, pos, height, visible.len());
    }
}
