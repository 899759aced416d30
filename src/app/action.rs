//! What can happen to the app (actions, from keys, the mouse and resizes) and what the app asks the terminal
//! layer to do for it (effects). Keys and mouse events are the app's own plain types, so the state can be
//! driven in tests without a terminal.

/// A key, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Backspace,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
}

/// A key press with the modifiers the key table cares about (Shift is folded into the character).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    pub const fn alt(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: true,
        }
    }

    /// How the footer and the help overlay write the key.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Backspace => "Bksp".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Delete => "Del".into(),
        };
        match (self.ctrl, self.alt) {
            (true, _) => format!("C-{base}"),
            (false, true) => format!("M-{base}"),
            (false, false) => base,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    ScrollUp,
    ScrollDown,
}

/// A mouse event at a screen cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// Everything the state can be asked to do. Keys become actions through the key table (`keys.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    NextTab,
    PrevTab,
    /// Tabs numbered from 0.
    GoTab(usize),
    Up,
    Down,
    Left,
    Right,
    Top,
    Bottom,
    HalfPageDown,
    HalfPageUp,
    PageDown,
    PageUp,
    /// Enter: open the selected row in the detail pane, or follow the focused link.
    Open,
    /// Esc or Backspace: clear the filter, or return to where the last link was followed from.
    Back,
    FocusList,
    ToggleHelp,
    OpenSearch,
    CloseSearch,
    StartFilter,
    AcceptFilter,
    ClearFilter,
    CycleRegion,
    /// The timeline: newest first, or oldest first.
    FlipOrder,
    OpenSource,
    Copy,
    Input(char),
    /// Text pasted into the input line (bracketed paste).
    Paste(String),
    /// Editing the input line (search or filter).
    Edit(Edit),
    Resize(u16, u16),
    Mouse(Mouse),
    /// Present mode: start presenting the tour or record shown; blank the screen; the speaker notes.
    Present,
    /// The problems of the edited knowledge base, in an overlay.
    ShowProblems,
    /// The current list, as filtered, to a file in the current folder.
    Export(ExportFormat),
    Blank,
    ToggleNotes,
    /// Present mode: another instance of the same show moved, revealed or blanked.
    Synced(super::present::ShowState),
    /// Present mode: the show as it was when this instance joined it.
    Welcomed(super::present::ShowState),
    /// Present mode: another projector already shows this tour.
    AlreadyPresented,
    /// Present mode: follow the show another projector already shows.
    Follow,
    /// The time now, from the event loop's clock.
    Tick(std::time::SystemTime),
    /// What the terminal layer did with an effect, or why it could not: shown in the status line.
    Report(String),
    /// What the terminal layer did with a link (opened it, copied it, or could not): shown with the
    /// whole URL in an overlay, where the terminal's own selection can take it.
    LinkShown {
        url: String,
        said: String,
    },
    /// The next theme; mouse capture on or off (for the terminal's own text selection); Ctrl-Z.
    CycleTheme,
    ToggleMouse,
    Suspend,
}

impl Action {
    /// The name a config file gives the action (`[keys] next-tab = "n"`), for those a user may give keys
    /// to. Exhaustive, so that a new action is named, or said not to be the user's to move, where it is
    /// declared; `keys::action_names` lists the named ones the key table binds.
    pub fn name(&self) -> Option<&'static str> {
        match self {
            Action::Quit => Some("quit"),
            Action::NextTab => Some("next-tab"),
            Action::PrevTab => Some("previous-tab"),
            Action::Up => Some("up"),
            Action::Down => Some("down"),
            Action::Left => Some("left"),
            Action::Right => Some("right"),
            Action::Top => Some("top"),
            Action::Bottom => Some("bottom"),
            Action::HalfPageDown => Some("half-page-down"),
            Action::HalfPageUp => Some("half-page-up"),
            Action::PageDown => Some("page-down"),
            Action::PageUp => Some("page-up"),
            Action::Open => Some("open"),
            Action::Back => Some("back"),
            Action::ToggleHelp => Some("help"),
            Action::OpenSearch => Some("search"),
            Action::StartFilter => Some("filter"),
            Action::CycleRegion => Some("region"),
            Action::FlipOrder => Some("order"),
            Action::OpenSource => Some("open-link"),
            Action::Copy => Some("copy"),
            Action::Present => Some("present"),
            Action::ShowProblems => Some("problems"),
            Action::CycleTheme => Some("theme"),
            Action::ToggleMouse => Some("mouse"),
            Action::Export(ExportFormat::Csv) => Some("export-csv"),
            Action::Export(ExportFormat::Markdown) => Some("export-markdown"),
            Action::Blank => Some("blank"),
            Action::ToggleNotes => Some("notes"),
            Action::Follow => Some("follow"),
            Action::Suspend => Some("suspend"),
            // Keys with a meaning of their own (digits, the line editor's), the keys of one place that
            // share a name with those above (Enter keeps a filter as `open` would not), and what is not a
            // key at all.
            Action::GoTab(_)
            | Action::Input(_)
            | Action::Edit(_)
            | Action::FocusList
            | Action::CloseSearch
            | Action::AcceptFilter
            | Action::ClearFilter
            | Action::Paste(_)
            | Action::Resize(..)
            | Action::Mouse(_)
            | Action::Synced(_)
            | Action::Welcomed(_)
            | Action::AlreadyPresented
            | Action::Tick(_)
            | Action::Report(_)
            | Action::LinkShown { .. } => None,
        }
    }
}

/// The formats a list can be exported to from the explorer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Csv,
    Markdown,
}

impl ExportFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Markdown => "md",
        }
    }
}

/// What the input line's editing keys do, as a shell's line editor does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Left,
    Right,
    WordLeft,
    WordRight,
    Start,
    End,
    DeleteBack,
    DeleteForward,
    DeleteWordBack,
    DeleteToStart,
    DeleteToEnd,
}

impl Edit {
    /// The request that does it, for the line editor (tui-input).
    pub fn request(self) -> tui_input::InputRequest {
        use tui_input::InputRequest as R;
        match self {
            Edit::Left => R::GoToPrevChar,
            Edit::Right => R::GoToNextChar,
            Edit::WordLeft => R::GoToPrevWord,
            Edit::WordRight => R::GoToNextWord,
            Edit::Start => R::GoToStart,
            Edit::End => R::GoToEnd,
            Edit::DeleteBack => R::DeletePrevChar,
            Edit::DeleteForward => R::DeleteNextChar,
            Edit::DeleteWordBack => R::DeletePrevWord,
            Edit::DeleteToStart => R::DeleteFromStart,
            Edit::DeleteToEnd => R::DeleteTillEnd,
        }
    }
}

/// Something only the terminal layer can do; the app queues it and the event loop carries it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open a web page in the browser, or where that cannot work, copy its address.
    OpenUrl(String),
    /// Copy text to the clipboard of the terminal the user sees (OSC 52); `what` names it for the
    /// status line ("“Ghana”", "the link").
    Copy {
        text: String,
        what: String,
    },
    /// Present mode began: join the presenter link of the show, as a projector or a console.
    JoinShow {
        show: String,
        screen: super::present::Screen,
        state: super::present::ShowState,
    },
    /// Present mode moved, revealed or blanked: tell the other instances of the show.
    SyncShow(super::present::ShowState),
    /// Present mode ended: leave the presenter link.
    LeaveShow,
    CycleTheme,
    ToggleMouse,
    /// Give the terminal back to the shell until `fg`.
    Suspend,
    /// Write a new file in the export folder (the config file's `export_folder`, else the current
    /// one), named `{stem}.{extension}` (or `{stem}-2...` when that is taken): nothing is overwritten.
    /// `what` says what it holds ("37 results").
    Export {
        stem: String,
        extension: &'static str,
        content: String,
        what: String,
    },
}
