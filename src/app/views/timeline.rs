//! The timeline view: dated records grouped by year, oldest or newest first.

use crate::app::rows::{self, RowKey};
use crate::app::Rows;
use crate::app::{Action, App};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TimelineView {
    pub list: super::ListView,
    pub newest_first: bool,
}

impl App {
    pub(in crate::app) fn timeline_action(&mut self, action: Action) {
        match action {
            Action::FlipOrder => self.flip_timeline(),
            other => self.list_action(other),
        }
    }

    /// Reverses the order, keeping the selected record selected.
    fn flip_timeline(&mut self) {
        let tab = self.tab;
        // The row shown, or the one a list still on its way will select.
        let key = match self.rows[tab.index()] {
            Rows::Building(keep) => keep,
            Rows::Built(_) => self.view_detail_key(),
        };
        let newest_first = match &mut self.current_mut().view {
            super::View::Timeline(t) => {
                t.newest_first = !t.newest_first;
                t.newest_first
            }
            super::View::List(_) | super::View::Matrix(_) | super::View::Map(_) => return,
        };
        self.reverse_timeline_rows(tab);
        let row = self.row_of(tab, key, None);
        if let Some(list) = self.current_mut().list_mut() {
            list.selected = row;
        }
        self.refilter(tab);
        self.status = Some(if newest_first { "Newest first" } else { "Oldest first" }.into());
    }

    /// Puts a timeline's rows in the other order, which its view now says. A list still on its way is
    /// turned when it comes (`App::set_rows`): nothing is built here.
    pub(in crate::app) fn reverse_timeline_rows(&mut self, tab: crate::app::tabs::Tab) {
        if let Rows::Built(rows) = &mut self.rows[tab.index()] {
            *rows = rows::timeline_reversed(std::mem::take(rows));
        }
    }

    /// The years of a timeline's rows, oldest first, with how many records each holds.
    pub fn year_counts(&self, tab: crate::app::tabs::Tab) -> Vec<(i32, usize)> {
        // Only the rows the filter and region let through count; every year between the first and
        // the last gets its bar, empty or not, so that the axis is proportional (a gap of twelve years
        // looks like twelve).
        let visible = self.visible(tab);
        let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
        let mut year = None;
        for (i, row) in self.rows(tab).iter().enumerate() {
            match row.key {
                RowKey::Year(y) => year = Some(y),
                _ if visible.binary_search(&i).is_ok() => {
                    if let Some(y) = year {
                        *counts.entry(y).or_insert(0) += 1;
                    }
                }
                _ => {}
            }
        }
        let (Some(&first), Some(&last)) = (counts.keys().next(), counts.keys().next_back()) else {
            return Vec::new();
        };
        (first..=last)
            .map(|y| (y, counts.get(&y).copied().unwrap_or(0)))
            .collect()
    }
}
