//! A knowledge base edited while the explorer shows it: valid data replaces the old in place (the same
//! tab, the same record by id, the same scroll when the record is still there); a broken edit keeps the
//! last good data on screen, browsable and searchable, and its problems show in a banner and, on
//! demand, in an overlay.

use std::sync::Arc;

use crate::kb::{Kind, KnowledgeBase, Problems};

use super::matrix::Matrix;
use super::rows::{RowKey, StableKey};
use super::tabs::{ListSize, Tab};
use super::{App, Mode, Rows};

/// From this many results on, a reload builds the lists of every result in the background (about
/// 20 ms of work at 5,000): below it they are built at once, with no "Preparing" frame between.
const BACKGROUND_LISTS_FROM: usize = 5_000;

impl App {
    /// The problems of the last reload, while the data on screen is the last good one.
    pub fn problems(&self) -> Option<&Problems> {
        self.problems.as_ref()
    }

    /// A reload found problems: the data stays, the banner says what is wrong.
    pub fn reload_failed(&mut self, problems: Problems) {
        self.problems = Some(problems);
    }

    /// A reload gave a valid knowledge base: it replaces the old one where the user is. The search index
    /// is the caller's to rebuild (`set_index`); until then the search says it is indexing.
    pub fn reloaded(&mut self, kb: Arc<KnowledgeBase>) {
        let before: Vec<Option<StableKey>> = Tab::ALL.iter().map(|&t| self.stable_selection(t)).collect();
        let shown = if self.building(self.tab) {
            before[self.tab.index()].clone()
        } else {
            self.detail_key().map(|k| StableKey::of(&self.kb, k))
        };
        self.kb = kb;
        self.matrix = Matrix::new(&self.kb);
        self.index = None;
        self.problems = None;
        self.cache.borrow_mut().take();
        self.titles = super::rows::FoldedTitles::default();
        for tab in Tab::ALL {
            let keep = before[tab.index()].as_ref().and_then(|s| s.key_in(&self.kb));
            self.rebuild_list(tab, keep);
        }
        if let Mode::Search(palette) = &mut self.mode {
            palette.hits.clear();
            palette.stale = true;
        }
        // Another record now: its detail starts at the top. (A list on its way says when it comes.)
        let now = self.detail_key().map(|k| StableKey::of(&self.kb, k));
        if now != shown && !self.building(self.tab) {
            self.current_mut().reset_detail();
        }
        self.fix();
    }

    /// A tab's list for the data loaded now, the row of `keep` selected. The lists of every result of a
    /// large knowledge base are built off the input thread, as at start-up (`App::pending_lists`):
    /// building them here froze the explorer for a third of a second at 100,000 results, on every save.
    fn rebuild_list(&mut self, tab: Tab, keep: Option<RowKey>) {
        let in_background = self.kb.len(Kind::Achievement) >= BACKGROUND_LISTS_FROM;
        if in_background && tab.spec().size == ListSize::PerResult {
            self.rows[tab.index()] = Rows::Building(keep);
        } else {
            self.rows[tab.index()] = Rows::Built(self.list_job(tab).build(&self.kb));
            let row = self.row_of(tab, keep, None);
            if let Some(list) = self.states[tab.index()].list_mut() {
                list.selected = row.or(list.selected);
            }
        }
        self.refilter(tab);
    }

    /// The row selected in a tab, by what it shows; for a list still on its way, the row it will
    /// select (a second save before the first reload's lists came).
    pub(super) fn stable_selection(&self, tab: Tab) -> Option<StableKey> {
        let key = match self.rows[tab.index()] {
            Rows::Building(keep) => keep?,
            Rows::Built(ref rows) => rows.get(self.states[tab.index()].selected()?)?.key,
        };
        Some(StableKey::of(&self.kb, key))
    }
}
