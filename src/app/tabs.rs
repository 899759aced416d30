//! The tab table: every tab, its titles, the names `--tab` accepts, the kind of view it shows and the
//! records that open in it. Adding a tab is an entry of `tabs!` here (and its view, if it is a new kind of
//! view); the tab bar, the tab keys, `--tab` and following a link all read this table.

use crate::kb::{Kind, KnowledgeBase};

use super::rows;
pub use super::rows::{Row, RowKey};
use super::views::ViewKind;

/// How long a tab's list grows with the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListSize {
    /// A row per record of a small kind (priorities, countries, conventions): built before the first
    /// frame.
    Small,
    /// A row per result: 100,000 rows at scale, built in the background while the explorer already
    /// answers (the list says it is being prepared meanwhile).
    PerResult,
}

/// What the table says of one tab.
pub struct TabSpec {
    pub tab: Tab,
    pub title: &'static str,
    /// For narrower terminals.
    pub short: &'static str,
    /// For the narrowest: three or four letters that still say which tab it is.
    pub tiny: &'static str,
    /// What `ipec tui --tab NAME` accepts, besides the title.
    pub names: &'static [&'static str],
    pub view: ViewKind,
    /// The rows of its list (empty for a view without one).
    pub rows: fn(&KnowledgeBase) -> Vec<Row>,
    /// How long its list grows, which decides whether the explorer waits for it.
    pub size: ListSize,
    /// A record of these kinds opens in this tab when a link or a search result is followed.
    pub opens: &'static [Kind],
}

/// Declares `Tab`, `TABS` and `Tab::ALL` from one list, so that the enum, its table and the tab order
/// cannot disagree: a tab is one entry of `tabs!` below, its variant named first.
macro_rules! tabs {
    ($($tab:ident { $($field:ident: $value:expr,)* })*) => {
        /// A tab of the explorer, in tab order (`Tab::index`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Tab {
            $($tab,)*
        }

        /// What the table says of each tab, in tab order.
        pub const TABS: [TabSpec; Tab::COUNT] = [$(TabSpec { tab: Tab::$tab, $($field: $value,)* },)*];

        impl Tab {
            /// How many tabs there are.
            pub const COUNT: usize = [$(Tab::$tab,)*].len();
            /// Every tab, in tab order.
            pub const ALL: [Tab; Tab::COUNT] = [$(Tab::$tab,)*];
        }
    };
}

// In tab order; each tab's key is `TabKey::of` its position (1–9, 0, then the digits again).
tabs! {
    Overview {
        title: "Overview",
        short: "Overview",
        tiny: "Over",
        names: &["overview", "home"],
        view: ViewKind::List,
        rows: rows::overview,
        size: ListSize::Small,
        opens: &[Kind::Programme],
    }
    Priorities {
        title: "Priorities",
        short: "Priorities",
        tiny: "Prio",
        names: &["priorities", "results"],
        view: ViewKind::List,
        rows: rows::priorities,
        size: ListSize::PerResult,
        opens: &[Kind::Priority, Kind::Achievement],
    }
    Change {
        title: "Theory of change",
        short: "Change",
        tiny: "Change",
        names: &["change", "matrix", "theory-of-change"],
        view: ViewKind::Matrix,
        rows: rows::none,
        size: ListSize::Small,
        opens: &[Kind::Area],
    }
    Conventions {
        title: "Conventions",
        short: "Conventions",
        tiny: "Conv",
        names: &["conventions"],
        view: ViewKind::List,
        rows: rows::conventions,
        size: ListSize::Small,
        opens: &[Kind::Convention],
    }
    Countries {
        title: "Countries",
        short: "Countries",
        tiny: "Ctry",
        names: &["countries"],
        view: ViewKind::List,
        rows: rows::countries,
        size: ListSize::Small,
        opens: &[Kind::Country],
    }
    Map {
        title: "Map",
        short: "Map",
        tiny: "Map",
        names: &["map", "world"],
        view: ViewKind::Map,
        rows: rows::countries,
        size: ListSize::Small,
        opens: &[],
    }
    Partnerships {
        title: "Partnerships",
        short: "Partners",
        tiny: "Part",
        names: &["partnerships", "partners"],
        view: ViewKind::List,
        rows: rows::partnerships,
        size: ListSize::Small,
        opens: &[Kind::Partnership],
    }
    Timeline {
        title: "Timeline",
        short: "Timeline",
        tiny: "Time",
        names: &["timeline", "events"],
        view: ViewKind::Timeline,
        rows: rows::timeline_oldest_first,
        size: ListSize::PerResult,
        opens: &[Kind::Event],
    }
    Figures {
        title: "Figures",
        short: "Figures",
        tiny: "Fig",
        names: &["figures", "charts"],
        view: ViewKind::List,
        rows: rows::figures,
        size: ListSize::Small,
        opens: &[Kind::Figure],
    }
    Library {
        title: "Library",
        short: "Library",
        tiny: "Lib",
        names: &["library", "sources", "resources", "tours"],
        view: ViewKind::List,
        rows: rows::library,
        size: ListSize::Small,
        opens: &[Kind::Resource, Kind::Source, Kind::Tour],
    }
}

impl Tab {
    pub fn spec(self) -> &'static TabSpec {
        &TABS[self.index()]
    }

    /// Its position in tab order: `tabs!` declares the variants in that order.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn title(self) -> &'static str {
        self.spec().title
    }

    pub fn short(self) -> &'static str {
        self.spec().short
    }

    pub fn tiny(self) -> &'static str {
        self.spec().tiny
    }

    /// A stable name for files and snapshots: "theory_of_change".
    pub fn slug(self) -> String {
        self.title().replace(' ', "_").to_lowercase()
    }

    /// The tab `--tab NAME` names: its title or one of its names, in any case.
    pub fn from_name(name: &str) -> Option<Tab> {
        let wanted = name.trim().to_lowercase().replace([' ', '_'], "-");
        TABS.iter()
            .find(|s| s.names.contains(&wanted.as_str()) || s.title.to_lowercase().replace(' ', "-") == wanted)
            .map(|s| s.tab)
    }

    /// Every name `--tab` accepts, for its error message.
    pub fn names() -> Vec<&'static str> {
        TABS.iter().map(|s| s.names[0]).collect()
    }

    /// The tab a record opens in when a link or a search result is followed.
    pub fn for_kind(kind: Kind) -> Tab {
        TABS.iter()
            .find(|s| s.opens.contains(&kind))
            .map_or(Tab::Overview, |s| s.tab)
    }

    /// The key that reaches the tab: its digit, pressed as many times as `TabKey` says.
    pub fn key(self) -> TabKey {
        TabKey::of(self.index())
    }

    /// The tab a digit key selects from a tab without that digit: the first one with it.
    pub fn from_digit(c: char) -> Option<Tab> {
        Tab::for_digit(c, None)
    }

    /// The tab a digit key selects from `current` (see `tab_for_digit`).
    pub fn for_digit(c: char, current: Option<Tab>) -> Option<Tab> {
        tab_for_digit(c, current.map(Tab::index), Tab::COUNT).and_then(|i| Tab::ALL.get(i).copied())
    }
}

/// The digits that select tabs, in tab order: the first tab is 1, the tenth 0.
pub const DIGITS: [char; 10] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/// How a tab is reached by key, for any number of tabs: the digits go round the tabs in tens (the
/// first and the eleventh tab are 1, the tenth and the twentieth 0), and a digit pressed on a tab that
/// has it goes on to the next tab with it. So the first ten tabs are one press away, as always, the
/// next ten two (the eleventh is 1 twice), and so on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TabKey {
    pub digit: char,
    /// From a tab without that digit.
    pub presses: usize,
}

impl TabKey {
    /// The key of the tab at `index` (from 0).
    pub fn of(index: usize) -> TabKey {
        TabKey {
            digit: DIGITS[index % DIGITS.len()],
            presses: index / DIGITS.len() + 1,
        }
    }

    /// How the tab bar and the help write it: "5", and "22" for 2 twice.
    pub fn label(self) -> String {
        std::iter::repeat_n(self.digit, self.presses).collect()
    }
}

/// The tab (by index) a digit goes to, among `count` tabs, from tab `current`: the first tab with that
/// digit, or, from a tab that has it, the next one with it, round to the first after the last. None
/// when no tab has the digit.
pub fn tab_for_digit(digit: char, current: Option<usize>, count: usize) -> Option<usize> {
    let first = DIGITS.iter().position(|&d| d == digit).filter(|&i| i < count)?;
    let next = current
        .filter(|&c| c < count && c % DIGITS.len() == first)
        .map(|c| c + DIGITS.len())
        .filter(|&n| n < count);
    Some(next.unwrap_or(first))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tab_list_follows_the_table() {
        let table: Vec<Tab> = TABS.iter().map(|s| s.tab).collect();
        assert_eq!(table, Tab::ALL.to_vec());
        for (i, tab) in Tab::ALL.into_iter().enumerate() {
            assert_eq!(tab.index(), i, "{tab:?}");
            assert_eq!(tab.spec().tab, tab);
        }
    }

    #[test]
    fn every_kind_opens_in_exactly_one_tab() {
        for kind in Kind::ALL {
            let tabs = TABS.iter().filter(|s| s.opens.contains(&kind)).count();
            assert_eq!(tabs, 1, "{kind:?} opens in {tabs} tabs");
        }
    }

    #[test]
    fn digits_go_one_to_nine_then_zero() {
        assert_eq!(Tab::from_digit('1'), Some(Tab::Overview));
        assert_eq!(Tab::from_digit('5'), Some(Tab::Countries));
        assert_eq!(Tab::from_digit('0'), Tab::ALL.get(9).copied());
        for tab in Tab::ALL {
            assert_eq!(Tab::from_name(tab.title()), Some(tab));
        }
        assert_eq!(Tab::from_name("events"), Some(Tab::Timeline));
    }

    #[test]
    fn every_name_names_one_tab() {
        let mut names: Vec<String> = TABS
            .iter()
            .flat_map(|s| {
                s.names
                    .iter()
                    .map(|n| n.to_string())
                    .chain([s.title.to_lowercase().replace(' ', "-")])
            })
            .collect();
        // A tab's title may be one of its own names.
        for spec in &TABS {
            let title = spec.title.to_lowercase().replace(' ', "-");
            if spec.names.contains(&title.as_str()) {
                let at = names.iter().rposition(|n| *n == title).expect("the title");
                names.remove(at);
            }
        }
        let count = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), count, "a name --tab gives two tabs");
    }

    #[test]
    fn any_number_of_tabs_gets_keys() {
        assert_eq!(TabKey::of(0).label(), "1");
        assert_eq!(TabKey::of(9).label(), "0");
        assert_eq!(TabKey::of(10).label(), "11", "the eleventh tab is 1 twice");
        assert_eq!(TabKey::of(11).label(), "22");
        assert_eq!(TabKey::of(29).label(), "000");
        // Twelve tabs, and more: every tab is reached by its key from every tab without its digit, and
        // from a tab with it the digit goes on to the next one, then round.
        for count in [1, 9, 10, 11, 12, 25, 40] {
            let labels: Vec<String> = (0..count).map(|i| TabKey::of(i).label()).collect();
            let mut distinct = labels.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), count, "{labels:?}");
            for target in 0..count {
                let key = TabKey::of(target);
                for start in (0..count).map(Some).chain([None]) {
                    if start.is_some_and(|s| TabKey::of(s).digit == key.digit) {
                        continue;
                    }
                    let mut at = start;
                    for _ in 0..key.presses {
                        at = tab_for_digit(key.digit, at, count);
                    }
                    assert_eq!(at, Some(target), "{} from {start:?} of {count}", key.label());
                }
            }
        }
        assert_eq!(
            tab_for_digit('2', Some(1), 12),
            Some(11),
            "2 on the second tab: the twelfth"
        );
        assert_eq!(tab_for_digit('2', Some(11), 12), Some(1), "and round");
        assert_eq!(
            tab_for_digit('3', Some(2), 12),
            Some(2),
            "a digit only one tab has stays there"
        );
        assert_eq!(tab_for_digit('3', Some(2), 2), None, "no third tab");
        assert_eq!(tab_for_digit('x', None, 12), None);
        assert_eq!(Tab::for_digit('5', Some(Tab::Countries)), Some(Tab::Countries));
    }
}
