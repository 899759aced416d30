//! Back: the places links and search results were followed from, to return to exactly.

use super::palette::Palette;
use super::rows::StableKey;
use super::tabs::Tab;
use super::views::{TabState, View};
use super::{App, Mode, Rows};

/// History is a convenience, not an archive.
const MAX_HISTORY: usize = 200;

/// A place to come back to: the tab, every tab's state, and the search if it was open.
#[derive(Debug, Clone)]
pub(super) struct Location {
    tab: Tab,
    states: Vec<TabState>,
    /// Each tab's selected row by what it shows (a record by kind and id), not only by position: the
    /// data may be reloaded, or the timeline turned, before going back, and every row move.
    selected: Vec<Option<StableKey>>,
    search: Option<(String, usize)>,
}

impl App {
    pub fn has_history(&self) -> bool {
        !self.history.is_empty()
    }

    fn location(&self) -> Location {
        Location {
            tab: self.tab,
            states: self.states.clone(),
            selected: Tab::ALL.iter().map(|&t| self.stable_selection(t)).collect(),
            search: self.palette().map(|p| (p.query().to_string(), p.selected)),
        }
    }

    pub(super) fn remember(&mut self) {
        self.history.push(self.location());
        if self.history.len() > MAX_HISTORY {
            self.history.remove(0);
        }
    }

    /// Goes back to the last place remembered; false when there is none.
    pub(super) fn go_back(&mut self) -> bool {
        let Some(location) = self.history.pop() else {
            return false;
        };
        for tab in Tab::ALL {
            let remembered = location.selected[tab.index()].as_ref();
            self.restore(tab, &location.states[tab.index()], remembered);
        }
        self.tab = location.tab;
        self.mode = match location.search {
            Some((query, selected)) => Mode::Search(Palette::new(query, selected)),
            None => Mode::Browse,
        };
        // The search first (its hits), then the selection kept in view.
        self.refresh();
        self.fix();
        true
    }

    /// Puts a tab back as it was remembered: its state, its timeline's order, and the row it showed
    /// (`remembered`), wherever that row is now.
    fn restore(&mut self, tab: Tab, state: &TabState, remembered: Option<&StableKey>) {
        let turned = timeline_order(&self.states[tab.index()]) != timeline_order(state);
        self.states[tab.index()] = state.clone();
        if turned {
            self.reverse_timeline_rows(tab);
        }
        // A list still on its way selects the row when it comes.
        let key = remembered.and_then(|s| s.key_in(&self.kb));
        if let Rows::Building(keep) = &mut self.rows[tab.index()] {
            *keep = key;
        }
        let row = self.row_of(tab, key, state.selected());
        if let Some(list) = self.states[tab.index()].list_mut() {
            list.selected = row;
        }
        // The record is gone (a reload removed it): another row is shown, from its top.
        if remembered.is_some() && row.is_none() && !self.building(tab) {
            self.states[tab.index()].reset_detail();
        }
        // The rows, the filter or the region may differ from those the list was last shown with;
        // refiltering also picks a row when the remembered one is gone or filtered out.
        self.refilter(tab);
    }
}

/// A timeline's order, for the tabs that have one.
fn timeline_order(state: &TabState) -> Option<bool> {
    match &state.view {
        View::Timeline(t) => Some(t.newest_first),
        View::List(_) | View::Map(_) | View::Matrix(_) => None,
    }
}
