//! What has the keyboard: browsing the tabs, typing a filter, the search palette, the help overlay. One
//! enum, so that two of them can never be open at once; the precedence of their keys is `App::contexts`,
//! and `App::update`, the mouse and the drawing all dispatch on it once.

use super::palette::Palette;
use super::present::Show;

#[derive(Debug, Clone, Default)]
pub enum Mode {
    #[default]
    Browse,
    /// Typing into the current tab's list filter, with its cursor.
    Filter(tui_input::Input),
    Search(Palette),
    /// The help overlay, scrolled to this line.
    Help {
        scroll: usize,
    },
    /// The problems of an edited knowledge base, in an overlay, scrolled to this one.
    Problems {
        scroll: usize,
    },
    /// Full-screen slides (boxed: a show is much bigger than the other modes).
    Present(Box<Show>),
    /// A link just opened or copied: what was done, and the whole URL to read or select.
    Link(LinkNote),
}

/// What the link overlay shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkNote {
    pub url: String,
    /// What was done with it, in words.
    pub said: String,
}
