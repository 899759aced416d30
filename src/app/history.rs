//! Back: the places links and search results were followed from, to return to exactly.

use super::palette::Palette;
use super::tabs::Tab;
use super::views::TabState;
use super::{App, Mode};

/// History is a convenience, not an archive.
const MAX_HISTORY: usize = 200;

/// A place to come back to: the tab, every tab's state, and the search if it was open.
#[derive(Debug, Clone)]
pub(super) struct Location {
    tab: Tab,
    states: Vec<TabState>,
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
            let (old, new) = (&self.states[tab.index()], &location.states[tab.index()]);
            let refilter = old.filter() != new.filter() || old.region() != new.region();
            self.states[tab.index()] = new.clone();
            if refilter {
                self.refilter(tab);
                // Refiltering may move the selection; the saved one is exactly where we were.
                self.states[tab.index()] = new.clone();
            }
        }
        self.tab = location.tab;
        self.mode = match location.search {
            Some((query, selected)) => Mode::Search(Palette::new(query, selected)),
            None => Mode::Browse,
        };
        self.refresh();
        true
    }
}
