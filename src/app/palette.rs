//! The search palette's state: the query, its ranked hits and the selected one. The search itself runs in
//! `App::refresh`, once per frame, not per key: typing fast never queues searches behind each other.

use crate::search::Hit;

/// How many results the palette asks for; enough to scroll, small enough to rank and draw in no time.
pub const LIMIT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct Palette {
    pub query: String,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    /// The query changed since the hits were computed.
    pub stale: bool,
}

impl Palette {
    pub fn new(query: String, selected: usize) -> Palette {
        Palette {
            query,
            hits: Vec::new(),
            selected,
            offset: 0,
            stale: true,
        }
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Keeps the selection on a hit and in view of `height` rows.
    pub fn fix(&mut self, height: usize) {
        self.selected = self.selected.min(self.hits.len().saturating_sub(1));
        self.offset = keep_in_view(self.offset, self.selected, height, self.hits.len());
    }
}

/// The first row to show so that `selected` is visible among `height` rows of `len`.
pub fn keep_in_view(offset: usize, selected: usize, height: usize, len: usize) -> usize {
    let height = height.max(1);
    let mut offset = offset.min(len.saturating_sub(height));
    if selected < offset {
        offset = selected;
    } else if selected >= offset + height {
        offset = selected + 1 - height;
    }
    offset
}
