//! A knowledge base edited while the explorer shows it: valid data replaces the old in place (the same
//! tab, the same record by id, the same scroll when the record is still there); a broken edit keeps the
//! last good data on screen, browsable and searchable, and its problems show in a banner and, on
//! demand, in an overlay.

use std::sync::Arc;

use crate::kb::{Kind, KnowledgeBase, Problems};

use super::matrix::Matrix;
use super::rows::{self, RowKey};
use super::tabs::Tab;
use super::views::View;
use super::{App, Mode, Rows};

/// A row's key that survives a reload: records by kind and id (their positions may change).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stable {
    Record(Kind, String),
    Other(RowKey),
}

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
        let before: Vec<Option<Stable>> = Tab::ALL.iter().map(|&t| self.stable_selection(t)).collect();
        let shown = self.detail_key().map(|k| self.stable(k));
        self.kb = kb;
        self.matrix = Matrix::new(&self.kb);
        self.index = None;
        self.problems = None;
        self.cache.borrow_mut().take();
        // Places remembered by position may name other records now.
        self.history.clear();
        for tab in Tab::ALL {
            self.rows[tab.index()] = Rows::Built(self.build_rows(tab));
            let row = before[tab.index()].as_ref().and_then(|s| self.find_row(tab, s));
            if let Some(list) = self.states[tab.index()].list_mut() {
                list.selected = row.or(list.selected);
            }
            self.refilter(tab);
        }
        if let Mode::Search(palette) = &mut self.mode {
            palette.hits.clear();
            palette.stale = true;
        }
        // Another record now: its detail starts at the top.
        let now = self.detail_key().map(|k| self.stable(k));
        if now != shown {
            self.current_mut().reset_detail();
        }
        self.fix();
    }

    /// The rows of a tab as its view shows them now (the timeline in its chosen order).
    fn build_rows(&self, tab: Tab) -> Vec<rows::Row> {
        match &self.states[tab.index()].view {
            View::Timeline(t) => rows::timeline(&self.kb, t.newest_first),
            View::List(_) | View::Map(_) | View::Matrix(_) => (tab.spec().rows)(&self.kb),
        }
    }

    fn stable(&self, key: RowKey) -> Stable {
        match key {
            RowKey::Record(r) => Stable::Record(r.kind, self.kb.id(r).to_lowercase()),
            other => Stable::Other(other),
        }
    }

    fn stable_selection(&self, tab: Tab) -> Option<Stable> {
        let row = self.states[tab.index()].selected()?;
        self.rows(tab).get(row).map(|r| self.stable(r.key))
    }

    fn find_row(&self, tab: Tab, stable: &Stable) -> Option<usize> {
        let key = match stable {
            Stable::Record(kind, id) => RowKey::Record(self.kb.find_kind(*kind, id)?),
            Stable::Other(key) => *key,
        };
        self.rows(tab).iter().position(|r| r.key == key)
    }
}
