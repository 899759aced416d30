//! The key table: the one place where a key is bound. Input handling (`resolve`), the footer hints and the
//! help overlay are all generated from `BINDINGS`, so what the screen says is what the keys do.

use super::action::{Action, Edit, ExportFormat, Key, KeyCode};
use super::tabs::{Tab, TABS};

/// Where a binding applies. The app computes which contexts are active (`App::contexts`), most specific
/// first; the first binding found for the key in those contexts wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, even while typing (Ctrl-C).
    Always,
    /// Whenever no text is being typed and no overlay is open.
    Browse,
    /// The list pane has the focus.
    List,
    /// A list grouped by region (Countries, the map).
    Regions,
    /// The map's list of countries.
    Map,
    /// The timeline.
    Timeline,
    /// The theory-of-change matrix has the focus.
    Matrix,
    /// The detail pane has the focus.
    Detail,
    /// Typing a list filter.
    Filter,
    /// The search palette is open.
    Palette,
    /// Typing into an input line (the search or a filter): the line editor's keys.
    Typing,
    /// The help overlay is open.
    Help,
    /// Presenting slides.
    Present,
    /// The trainer's console (`ipec present --notes`).
    Console,
    /// Asked whether to follow a tour another projector already shows.
    Follow,
    /// The problems of the edited knowledge base.
    Problems,
    /// The overlay of a link just opened or copied.
    Link,
}

impl Context {
    /// The heading of the context's section in the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Always => "Anywhere",
            Context::Browse => "Browsing",
            Context::List => "In a list",
            Context::Regions => "Lists by region",
            Context::Map => "Map",
            Context::Timeline => "Timeline",
            Context::Matrix => "Theory of change matrix",
            Context::Detail => "In the detail pane",
            Context::Filter => "Typing a filter",
            Context::Palette => "Search palette",
            Context::Typing => "Editing the search or a filter",
            Context::Help => "This help",
            Context::Present => "Presenting",
            Context::Console => "The trainer's console",
            Context::Follow => "A tour already presented",
            Context::Problems => "Problems of the edited data",
            Context::Link => "A link opened or copied",
        }
    }
}

pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub context: Context,
    /// The help overlay's description.
    pub help: &'static str,
    /// The footer's one-word hint, if the binding deserves footer space.
    pub hint: Option<&'static str>,
}

const fn k(code: KeyCode) -> Key {
    Key::plain(code)
}

const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        keys,
        action,
        context,
        help,
        hint,
    }
}

/// Every digit key: each selects the tab it is the digit of (`Tab::digit`), if there is one.
const DIGITS: &[Key] = &[
    Key::ch('1'),
    Key::ch('2'),
    Key::ch('3'),
    Key::ch('4'),
    Key::ch('5'),
    Key::ch('6'),
    Key::ch('7'),
    Key::ch('8'),
    Key::ch('9'),
    Key::ch('0'),
];

use Context::*;
use KeyCode::*;

pub const BINDINGS: &[Binding] = &[
    bind(Always, &[Key::ctrl('c')], Action::Quit, "quit", None),
    bind(
        Always,
        &[Key::ctrl('z')],
        Action::Suspend,
        "suspend to the shell (fg comes back)",
        None,
    ),
    // The problems overlay.
    bind(
        Problems,
        &[Key::ch('!'), k(Esc), Key::ch('q')],
        Action::Back,
        "close the problems",
        Some("close"),
    ),
    bind(Problems, &[Key::ch('j'), k(Down)], Action::Down, "next problem", None),
    bind(Problems, &[Key::ch('k'), k(Up)], Action::Up, "previous problem", None),
    // The overlay of a link opened or copied.
    bind(
        Link,
        &[k(Esc), k(Enter), Key::ch('q'), Key::ch('o')],
        Action::Back,
        "close the link",
        Some("close"),
    ),
    bind(
        Link,
        &[Key::ch('y')],
        Action::Copy,
        "copy the link again (OSC 52)",
        Some("copy"),
    ),
    // Help overlay.
    bind(
        Help,
        &[Key::ch('?'), k(Esc), Key::ch('q')],
        Action::ToggleHelp,
        "close this help",
        Some("close"),
    ),
    bind(Help, &[Key::ch('j'), k(Down)], Action::Down, "scroll down", None),
    bind(Help, &[Key::ch('k'), k(Up)], Action::Up, "scroll up", None),
    // Asked whether to follow a show another projector already shows.
    bind(
        Follow,
        &[Key::ch('y'), k(Enter)],
        Action::Follow,
        "follow the show already on the projector",
        Some("follow"),
    ),
    bind(
        Follow,
        &[Key::ch('n'), Key::ch('q'), k(Esc)],
        Action::Back,
        "leave",
        Some("leave"),
    ),
    // The trainer's console: the notes scroll without changing the slide.
    bind(
        Console,
        &[Key::ch('j'), k(Down)],
        Action::Down,
        "scroll the notes down",
        Some("notes"),
    ),
    bind(Console, &[Key::ch('k'), k(Up)], Action::Up, "scroll the notes up", None),
    // Present mode, keys as on a presentation remote.
    bind(
        Present,
        &[k(Right), Key::ch(' '), k(PageDown), Key::ch('l'), Key::ch('j'), k(Down)],
        Action::Right,
        "next slide",
        Some("next"),
    ),
    bind(
        Present,
        &[k(Left), k(Backspace), k(PageUp), Key::ch('h'), Key::ch('k'), k(Up)],
        Action::Left,
        "previous slide",
        Some("back"),
    ),
    bind(Present, &[k(Home), Key::ch('g')], Action::Top, "first slide", None),
    bind(Present, &[k(End), Key::ch('G')], Action::Bottom, "last slide", None),
    bind(Present, DIGITS, Action::Input('0'), "type a step number…", None),
    bind(Present, &[k(Enter)], Action::Open, "… and go to that step", Some("go")),
    bind(
        Present,
        &[Key::ch('b'), Key::ch('.')],
        Action::Blank,
        "blank the screen, again to restore",
        Some("blank"),
    ),
    bind(
        Present,
        &[Key::ch('n')],
        Action::ToggleNotes,
        "show or hide the speaker notes",
        Some("notes"),
    ),
    bind(
        Present,
        &[Key::ch('q'), k(Esc)],
        Action::Back,
        "leave the presentation",
        Some("leave"),
    ),
    // Search palette.
    bind(
        Palette,
        &[k(Enter)],
        Action::Open,
        "jump to the result in its tab (Back returns here)",
        Some("open"),
    ),
    bind(
        Palette,
        &[k(Esc)],
        Action::CloseSearch,
        "close the search",
        Some("close"),
    ),
    bind(
        Palette,
        &[k(Down), Key::ctrl('n'), Key::ctrl('j')],
        Action::Down,
        "next result",
        Some("next"),
    ),
    bind(Palette, &[k(Up), Key::ctrl('p')], Action::Up, "previous result", None),
    bind(Palette, &[k(PageDown)], Action::PageDown, "page down the results", None),
    bind(Palette, &[k(PageUp)], Action::PageUp, "page up the results", None),
    // The line editor, in the search and in a filter, as in a shell.
    bind(Typing, &[k(Left)], Action::Edit(Edit::Left), "cursor left", None),
    bind(Typing, &[k(Right)], Action::Edit(Edit::Right), "cursor right", None),
    bind(
        Typing,
        &[k(Home), Key::ctrl('a')],
        Action::Edit(Edit::Start),
        "to the start of the line",
        None,
    ),
    bind(
        Typing,
        &[k(End), Key::ctrl('e')],
        Action::Edit(Edit::End),
        "to the end of the line",
        None,
    ),
    bind(
        Typing,
        &[Key::alt(Char('b'))],
        Action::Edit(Edit::WordLeft),
        "a word left",
        None,
    ),
    bind(
        Typing,
        &[Key::alt(Char('f'))],
        Action::Edit(Edit::WordRight),
        "a word right",
        None,
    ),
    bind(
        Typing,
        &[k(Backspace)],
        Action::Edit(Edit::DeleteBack),
        "delete the character before the cursor",
        None,
    ),
    bind(
        Typing,
        &[k(Delete)],
        Action::Edit(Edit::DeleteForward),
        "delete the character under the cursor",
        None,
    ),
    bind(
        Typing,
        &[Key::ctrl('w'), Key::alt(Backspace)],
        Action::Edit(Edit::DeleteWordBack),
        "delete the word before the cursor",
        None,
    ),
    bind(
        Typing,
        &[Key::ctrl('u')],
        Action::Edit(Edit::DeleteToStart),
        "delete to the start of the line",
        Some("erase"),
    ),
    bind(
        Typing,
        &[Key::ctrl('k')],
        Action::Edit(Edit::DeleteToEnd),
        "delete to the end of the line",
        None,
    ),
    // Typing a list filter.
    bind(
        Filter,
        &[k(Enter)],
        Action::AcceptFilter,
        "keep the filter and browse the matches",
        Some("done"),
    ),
    bind(
        Filter,
        &[k(Esc)],
        Action::ClearFilter,
        "clear the filter",
        Some("clear"),
    ),
    bind(Filter, &[k(Down)], Action::Down, "next match", None),
    bind(Filter, &[k(Up)], Action::Up, "previous match", None),
    // The matrix.
    bind(
        Matrix,
        &[Key::ch('j'), k(Down)],
        Action::Down,
        "cell below",
        Some("move"),
    ),
    bind(Matrix, &[Key::ch('k'), k(Up)], Action::Up, "cell above", None),
    bind(Matrix, &[Key::ch('h'), k(Left)], Action::Left, "cell to the left", None),
    bind(
        Matrix,
        &[Key::ch('l'), k(Right)],
        Action::Right,
        "cell to the right",
        None,
    ),
    bind(
        Matrix,
        &[k(Enter)],
        Action::Open,
        "browse the cell's results",
        Some("results"),
    ),
    // A list.
    bind(List, &[Key::ch('j'), k(Down)], Action::Down, "next row", Some("move")),
    bind(List, &[Key::ch('k'), k(Up)], Action::Up, "previous row", None),
    bind(
        List,
        &[k(Enter), Key::ch('l'), k(Right)],
        Action::Open,
        "open the row: focus its detail and links",
        Some("open"),
    ),
    bind(
        List,
        &[Key::ch('f')],
        Action::StartFilter,
        "filter this list: type, Enter keeps, Esc clears",
        Some("filter"),
    ),
    bind(
        List,
        &[Key::ch('e')],
        Action::Export(ExportFormat::Csv),
        "export the list as filtered to a CSV file here",
        None,
    ),
    bind(
        List,
        &[Key::ch('E')],
        Action::Export(ExportFormat::Markdown),
        "export the list as filtered to a Markdown file here",
        None,
    ),
    bind(
        Regions,
        &[Key::ch('r')],
        Action::CycleRegion,
        "show one region, then the next, then all",
        Some("region"),
    ),
    // The map.
    bind(
        Map,
        &[k(Enter), Key::ch('l'), k(Right)],
        Action::Open,
        "open the country in the Countries tab (Back returns)",
        Some("open"),
    ),
    // The timeline.
    bind(
        Timeline,
        &[Key::ch('s')],
        Action::FlipOrder,
        "newest first, or oldest first",
        Some("order"),
    ),
    // The detail pane.
    bind(
        Detail,
        &[Key::ch('j'), k(Down)],
        Action::Down,
        "next link (scrolls when none is in view)",
        Some("links"),
    ),
    bind(
        Detail,
        &[Key::ch('k'), k(Up)],
        Action::Up,
        "previous link (scrolls when none is in view)",
        None,
    ),
    bind(
        Detail,
        &[k(Enter)],
        Action::Open,
        "follow the focused link to its record",
        Some("follow"),
    ),
    bind(
        Detail,
        &[Key::ch('h'), k(Left)],
        Action::FocusList,
        "back to the list",
        None,
    ),
    // Both panes.
    bind(Browse, &[Key::ch('g'), k(Home)], Action::Top, "to the top", None),
    bind(Browse, &[Key::ch('G'), k(End)], Action::Bottom, "to the bottom", None),
    bind(
        Browse,
        &[Key::ctrl('d')],
        Action::HalfPageDown,
        "half a page down",
        None,
    ),
    bind(Browse, &[Key::ctrl('u')], Action::HalfPageUp, "half a page up", None),
    bind(Browse, &[k(PageDown)], Action::PageDown, "a page down", None),
    bind(Browse, &[k(PageUp)], Action::PageUp, "a page up", None),
    bind(
        Browse,
        &[k(Esc), k(Backspace)],
        Action::Back,
        "back: clear the filter, or return where you were",
        Some("back"),
    ),
    bind(
        Browse,
        &[Key::ch('/'), Key::ctrl('k')],
        Action::OpenSearch,
        "search every record",
        Some("search"),
    ),
    bind(Browse, &[k(Tab)], Action::NextTab, "next tab", Some("tabs")),
    bind(Browse, &[k(BackTab)], Action::PrevTab, "previous tab", None),
    bind(
        Browse,
        DIGITS,
        Action::GoTab(0),
        "the tab of that digit (again: the next with it)",
        None,
    ),
    bind(
        Browse,
        &[Key::ch('o')],
        Action::OpenSource,
        "open the focused web link, or the first, in the browser; over SSH, copy it",
        None,
    ),
    bind(
        Browse,
        &[Key::ch('y')],
        Action::Copy,
        "copy the record as text (OSC 52, works over SSH)",
        None,
    ),
    bind(
        Browse,
        &[Key::ch('p')],
        Action::Present,
        "present the tour or record shown, full screen",
        Some("present"),
    ),
    bind(
        Browse,
        &[Key::ch('!')],
        Action::ShowProblems,
        "the problems of the edited data (when it has some)",
        None,
    ),
    bind(
        Browse,
        &[Key::ch('t')],
        Action::CycleTheme,
        "next colour theme (dark, light, high contrast)",
        None,
    ),
    bind(
        Browse,
        &[Key::ch('m')],
        Action::ToggleMouse,
        "mouse on or off (off: the terminal selects text)",
        None,
    ),
    bind(Browse, &[Key::ch('?')], Action::ToggleHelp, "this help", Some("help")),
    bind(Browse, &[Key::ch('q')], Action::Quit, "quit", Some("quit")),
];

/// The key table in force: the defaults of `BINDINGS`, with the keys the user's config file gives
/// some actions instead. Input, the footer and the help all read this one table.
#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<Bound>,
}

/// One binding, its keys owned (the user's may replace the default ones).
#[derive(Debug, Clone)]
struct Bound {
    keys: Vec<Key>,
    action: Action,
    context: Context,
    help: &'static str,
    hint: Option<&'static str>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: BINDINGS
                .iter()
                .map(|b| Bound {
                    keys: b.keys.to_vec(),
                    action: b.action.clone(),
                    context: b.context,
                    help: b.help,
                    hint: b.hint,
                })
                .collect(),
        }
    }
}

/// The actions a config file can give keys to, by the names it uses (`[keys] search = "C-f"`), in the order
/// the key table first binds them: derived from `BINDINGS` and `Action::name`, so that an action bound to
/// a key can be given another (a test checks that every bound action has a name, or is one of those
/// that are not the user's to move).
pub fn action_names() -> Vec<(&'static str, Action)> {
    let mut names: Vec<(&'static str, Action)> = Vec::new();
    for b in BINDINGS {
        if let Some(name) = b.action.name() {
            if !names.iter().any(|(n, _)| *n == name) {
                names.push((name, b.action.clone()));
            }
        }
    }
    names
}

/// A key as a config file writes it: `q`, `Q`, `C-f`, `M-b`, `Enter`, `Esc`, `Tab`, `S-Tab`, `Space`,
/// `Up`, `PgDn`, `Home`, `Del`, `Bksp`... (the names the help shows, and a few more).
pub fn parse_key(text: &str) -> Result<Key, String> {
    let text = text.trim();
    let (ctrl, alt, rest) = match (text.strip_prefix("C-"), text.strip_prefix("M-")) {
        (Some(rest), _) if !rest.is_empty() => (true, false, rest),
        (_, Some(rest)) if !rest.is_empty() => (false, true, rest),
        _ => (false, false, text),
    };
    let code = match rest.to_lowercase().as_str() {
        "enter" | "return" => Enter,
        "esc" | "escape" => Esc,
        "tab" => Tab,
        "s-tab" | "backtab" => BackTab,
        "space" => Char(' '),
        "up" | "↑" => Up,
        "down" | "↓" => Down,
        "left" | "←" => Left,
        "right" | "→" => Right,
        "pgup" | "pageup" => PageUp,
        "pgdn" | "pagedown" => PageDown,
        "home" => Home,
        "end" => End,
        "del" | "delete" => Delete,
        "bksp" | "backspace" => Backspace,
        _ => {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                // Control keys are letters: C-F is C-f.
                (Some(c), None) if ctrl => Char(c.to_ascii_lowercase()),
                (Some(c), None) if !c.is_control() => Char(c),
                _ => {
                    return Err(format!(
                        "`{text}` is not a key: write a character (`q`), C- or M- and one (`C-f`), or a name (Enter, Esc, Tab, Space, Up, PgDn, Home, Del...)"
                    ))
                }
            }
        }
    };
    Ok(Key { code, ctrl, alt })
}

/// Why an override cannot be taken, said for the config file's line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError {
    /// Which override (its position in the list given).
    pub index: usize,
    pub message: String,
}

impl Keymap {
    /// The defaults with `overrides` applied: each (action name, key) gives the action that key in
    /// every context it has, instead of its default keys. An unknown action, a key that does not
    /// parse, and a key then bound twice in one context are errors, all reported at once.
    pub fn with_overrides(overrides: &[(String, String)]) -> Result<Keymap, Vec<KeyError>> {
        let mut map = Keymap::default();
        let mut errors = Vec::new();
        let mut given: Vec<(usize, Action, Key)> = Vec::new();
        let known = action_names();
        for (index, (name, key)) in overrides.iter().enumerate() {
            let Some((_, action)) = known.iter().find(|(n, _)| n == name) else {
                let names = known.iter().map(|(n, _)| (n.to_string(), n.to_string()));
                let hint = crate::kb::text::closest(name, names, 1)
                    .first()
                    .map(|n| format!("; did you mean `{n}`?"))
                    .unwrap_or_default();
                let name = crate::kb::text::escape(name);
                errors.push(KeyError {
                    index,
                    message: format!("no action is called `{name}`{hint}"),
                });
                continue;
            };
            match parse_key(key) {
                Ok(key) => given.push((index, action.clone(), key)),
                Err(message) => errors.push(KeyError {
                    index,
                    message: crate::kb::text::escape(&message).into_owned(),
                }),
            }
        }
        for (_, action, key) in &given {
            for b in map.bindings.iter_mut().filter(|b| &b.action == action) {
                b.keys = vec![*key];
            }
        }
        for (index, action, key) in &given {
            for b in map.bindings.iter().filter(|b| &b.action == action) {
                let clash = map
                    .bindings
                    .iter()
                    .find(|o| o.context == b.context && o.action != b.action && o.keys.contains(key));
                if let Some(other) = clash {
                    errors.push(KeyError {
                        index: *index,
                        message: format!(
                            "{} is already the key for \"{}\" ({}); choose another, or give that action another key too",
                            key.label(),
                            other.help,
                            b.context.title()
                        ),
                    });
                    break;
                }
            }
        }
        if errors.is_empty() {
            Ok(map)
        } else {
            Err(errors)
        }
    }

    /// The action a key triggers in the active contexts (most specific first), from no tab in
    /// particular (a digit goes to the first tab with it).
    pub fn resolve(&self, contexts: &[Context], key: Key) -> Option<Action> {
        self.resolve_at(contexts, key, None)
    }

    /// The action a key triggers in the active contexts (most specific first), on tab `current`: a
    /// digit goes to its tab (`Tab::for_digit`). While text is typed, a printable key that no binding
    /// claims becomes input.
    pub fn resolve_at(&self, contexts: &[Context], key: Key, current: Option<Tab>) -> Option<Action> {
        let bound = contexts.iter().find_map(|&context| {
            self.bindings
                .iter()
                .find(|b| b.context == context && b.keys.contains(&key))
                .map(|b| b.action.clone())
        });
        match (bound, key.code) {
            // A digit goes to its tab; a digit with no tab does nothing.
            (Some(Action::GoTab(_)), Char(c)) => return Tab::for_digit(c, current).map(|t| Action::GoTab(t.index())),
            // A digit typed as a step number is that digit.
            (Some(Action::Input(_)), Char(c)) => return Some(Action::Input(c)),
            (Some(action), _) => return Some(action),
            (None, _) => {}
        }
        let typing = contexts.contains(&Typing);
        match key.code {
            Char(c) if typing && !key.ctrl && !key.alt && !c.is_control() => Some(Action::Input(c)),
            _ => None,
        }
    }

    /// How the screen names the key of an action: the first key of the first binding that has it in
    /// the contexts given (most specific first), else in any context.
    pub fn key_in(&self, contexts: &[Context], action: &Action) -> Option<String> {
        let bound = |b: &&Bound| &b.action == action && !b.keys.is_empty();
        contexts
            .iter()
            .find_map(|&c| self.bindings.iter().filter(bound).find(|b| b.context == c))
            .or_else(|| self.bindings.iter().find(bound))
            .and_then(|b| b.keys.first())
            .map(Key::label)
    }

    /// The key of an action as the help names it: browsing first (Esc is Back there, not the `!` that
    /// also closes the problems overlay), then the other contexts in the help's order.
    pub fn key_for(&self, action: &Action) -> Option<String> {
        self.key_in(&HELP_ORDER, action)
    }

    /// The footer hints for the active contexts: (keys, word), in context order, without duplicates.
    pub fn hints(&self, contexts: &[Context]) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for &context in contexts {
            for b in self.bindings.iter().filter(|b| b.context == context) {
                if let Some(word) = b.hint {
                    if !out.iter().any(|(_, w)| *w == word) {
                        let keys = b.keys.first().map(Key::label).unwrap_or_default();
                        out.push((keys, word));
                    }
                }
            }
        }
        out
    }

    /// How the app works, in a few lines naming the keys in force, then every binding by context.
    pub fn help_lines(&self) -> Vec<HelpLine> {
        let key = |a: Action| self.key_for(&a).unwrap_or_else(|| "?".into());
        let (open, back, down, up) = (key(Action::Open), key(Action::Back), key(Action::Down), key(Action::Up));
        let mut lines = vec![
            HelpLine::Note("Lists on the left (top when narrow), the selected record on the right.".into()),
            HelpLine::Note(format!(
                "{open} opens a row, {down}/{up} walk its links, {open} follows one, {back} goes back."
            )),
            HelpLine::Note(format!(
                "{} filters a list as you type; {} keeps the filter, {} clears it.",
                key(Action::StartFilter),
                key(Action::AcceptFilter),
                key(Action::ClearFilter)
            )),
            HelpLine::Note(format!(
                "{} searches everything; {open} opens a result, {} returns.",
                key(Action::OpenSearch),
                key(Action::CloseSearch)
            )),
            HelpLine::Note("Mouse: click a tab or row; click a link twice to follow; wheel scrolls.".into()),
            HelpLine::Note(String::new()),
            HelpLine::Heading("Tabs: the digit goes there"),
        ];
        lines.extend(
            TABS.iter()
                .map(|spec| tab_line(spec.tab.index(), spec.title, spec.names[0])),
        );
        for context in HELP_ORDER {
            lines.push(HelpLine::Note(String::new()));
            lines.push(HelpLine::Heading(context.title()));
            lines.extend(
                self.bindings
                    .iter()
                    .filter(|b| b.context == context && !b.help.is_empty())
                    .map(|b| HelpLine::Key(label(b), b.help.to_string())),
            );
        }
        // The tabs last: the tab bar already shows their keys, and the help's first screen stays the same
        // whatever tabs there are.
        lines.push(HelpLine::Note(String::new()));
        lines.push(HelpLine::Heading(
            "Tabs: the digit goes there, again to the next with it",
        ));
        lines.extend(
            TABS.iter()
                .map(|spec| tab_line(spec.tab.index(), spec.title, spec.names[0])),
        );
        lines
    }
}

/// A tab's line of the help: its key, its title, and the name `--tab` takes when it is not the title.
fn tab_line(index: usize, title: &str, name: &str) -> HelpLine {
    let key = super::tabs::TabKey::of(index).label();
    match name == title.to_lowercase() {
        true => HelpLine::Key(key, title.to_string()),
        false => HelpLine::Key(key, format!("{title}  (--tab {name})")),
    }
}

/// The contexts in the order the help lists them, the everyday ones first.
const HELP_ORDER: [Context; 17] = [
    Browse, List, Regions, Map, Timeline, Detail, Matrix, Filter, Palette, Typing, Follow, Console, Present, Problems,
    Link, Help, Always,
];

/// The keys of a binding as the help writes them: the tab digits as one range.
fn label(b: &Bound) -> String {
    match b.action {
        Action::GoTab(_) => {
            let digits = &super::tabs::DIGITS[..Tab::COUNT.min(super::tabs::DIGITS.len())];
            match digits {
                [] => String::new(),
                [one] => one.to_string(),
                [first, .., '0'] => format!("{first}–9 0"),
                [first, .., last] => format!("{first}–{last}"),
            }
        }
        _ => b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" "),
    }
}

/// A line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Note(String),
    /// Keys, and what they do.
    Key(String, String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn typing_claims_letters_but_not_bound_keys() {
        let map = Keymap::default();
        let typing = [Filter, Typing, Always];
        assert_eq!(map.resolve(&typing, Key::ch('q')), Some(Action::Input('q')));
        assert_eq!(map.resolve(&typing, Key::ctrl('c')), Some(Action::Quit));
        assert_eq!(map.resolve(&[List, Browse], Key::ch('q')), Some(Action::Quit));
        assert_eq!(map.resolve(&[List, Browse], Key::ch('x')), None);
    }

    #[test]
    fn digits_select_the_tabs_of_the_tab_table() {
        let map = Keymap::default();
        assert_eq!(map.resolve(&[List, Browse], Key::ch('1')), Some(Action::GoTab(0)));
        assert_eq!(map.resolve(&[List, Browse], Key::ch('0')), Some(Action::GoTab(9)));
        let line = map.bindings.iter().find(|b| matches!(b.action, Action::GoTab(_)));
        assert_eq!(line.map(label).as_deref(), Some("1–9 0"));
        let countries = Some(Tab::Countries);
        assert_eq!(
            map.resolve_at(&[List, Browse], Key::ch('5'), countries),
            Some(Action::GoTab(4))
        );
        assert_eq!(
            map.resolve_at(&[List, Browse], Key::ch('1'), countries),
            Some(Action::GoTab(0))
        );
    }

    #[test]
    fn the_help_names_the_key_of_a_twelfth_tab() {
        assert_eq!(
            tab_line(11, "Twelfth", "twelfth"),
            HelpLine::Key("22".into(), "Twelfth".into())
        );
        assert_eq!(
            tab_line(2, "Theory of change", "change"),
            HelpLine::Key("3".into(), "Theory of change  (--tab change)".into())
        );
        let lines = Keymap::default().help_lines();
        let tabs = lines
            .iter()
            .filter(|l| matches!(l, HelpLine::Key(_, text) if TABS.iter().any(|s| text.starts_with(s.title))));
        assert!(tabs.count() >= Tab::COUNT, "every tab in the help");
    }

    #[test]
    fn the_action_names_are_derived_from_the_key_table_and_listed_in_the_readme() {
        let names: Vec<&str> = action_names().iter().map(|(n, _)| *n).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), names.len(), "a name twice: {names:?}");
        // Every name a config file could use before they were derived, and no other.
        let mut before = vec![
            "quit",
            "next-tab",
            "previous-tab",
            "up",
            "down",
            "left",
            "right",
            "top",
            "bottom",
            "half-page-down",
            "half-page-up",
            "page-down",
            "page-up",
            "open",
            "back",
            "help",
            "search",
            "filter",
            "region",
            "order",
            "open-link",
            "copy",
            "present",
            "problems",
            "theme",
            "mouse",
            "export-csv",
            "export-markdown",
            "blank",
            "notes",
            "follow",
            "suspend",
        ];
        before.sort_unstable();
        assert_eq!(sorted, before);
        let readme = include_str!("../../README.md");
        let listed = readme
            .split("The actions: `")
            .nth(1)
            .and_then(|rest| rest.split('`').next())
            .expect("README.md lists the actions");
        let mut listed: Vec<&str> = listed.split_whitespace().collect();
        listed.sort_unstable();
        assert_eq!(listed, sorted, "README.md's list of actions");
    }

    #[test]
    fn overrides_replace_keys_and_unknown_names_and_clashes_are_errors() {
        let map = Keymap::with_overrides(&[("search".into(), "C-f".into())]).expect("a free key");
        assert_eq!(map.resolve(&[Browse], Key::ctrl('f')), Some(Action::OpenSearch));
        assert_eq!(
            map.resolve(&[Browse], Key::ch('/')),
            None,
            "the default key is replaced"
        );
        assert_eq!(
            map.key_for(&Action::OpenSearch).as_deref(),
            Some("C-f"),
            "the footer follows"
        );
        let errors = Keymap::with_overrides(&[("serch".into(), "C-f".into()), ("quit".into(), "?".into())])
            .expect_err("two mistakes");
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("did you mean `search`"), "{errors:?}");
        assert!(errors[1].message.contains("already the key for"), "{errors:?}");
        assert_eq!(parse_key("M-b"), Ok(Key::alt(Char('b'))));
        assert_eq!(parse_key("PgDn"), Ok(Key::plain(PageDown)));
        assert!(parse_key("C-").is_err() || parse_key("C-") == Ok(Key::ch('C')));
        assert!(parse_key("ab").is_err());
    }
}
