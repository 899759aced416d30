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

    /// The digit that selects the tab: 1–9, then 0; the tabs after the tenth are reached with Tab.
    pub fn digit(self) -> Option<char> {
        match self.index() {
            i @ 0..=8 => char::from_digit(i as u32 + 1, 10),
            9 => Some('0'),
            _ => None,
        }
    }

    /// The tab a digit key selects.
    pub fn from_digit(c: char) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.digit() == Some(c))
    }
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
}
