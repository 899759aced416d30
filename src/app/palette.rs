//! The search palette's state: the query, its ranked hits and the selected one. The search itself runs in
//! `App::refresh`, once per frame, not per key: typing fast never queues searches behind each other.

use tui_input::{Input, InputRequest};

use crate::search::Hit;

/// How many results the palette asks for; enough to scroll, small enough to rank and draw in no time.
pub const LIMIT: usize = 200;

#[derive(Debug, Clone, Default)]
pub struct Palette {
    /// The query as typed, with its cursor (tui-input does the line editing).
    pub input: Input,
    pub hits: Vec<Hit>,
    pub selected: usize,
    pub offset: usize,
    /// The query changed since the hits were computed.
    pub stale: bool,
}

impl Palette {
    pub fn new(query: String, selected: usize) -> Palette {
        Palette {
            input: Input::new(query),
            hits: Vec::new(),
            selected,
            offset: 0,
            stale: true,
        }
    }

    pub fn query(&self) -> &str {
        self.input.value()
    }

    /// Edits the query; a changed text searches again, from the first result.
    pub fn edit(&mut self, request: InputRequest) {
        if self.input.handle(request).is_some_and(|changed| changed.value) {
            self.selected = 0;
            self.stale = true;
        }
    }

    pub fn selected_hit(&self) -> Option<&Hit> {
        self.hits.get(self.selected)
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
    }

    /// Keeps the selection on a hit and in view of `height` rows; once there are hits to keep it on.
    pub fn fix(&mut self, height: usize) {
        if self.stale {
            return;
        }
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
