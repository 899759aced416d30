//! The kinds of record, with the names people and files use for them.

use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Programme,
    Priority,
    Area,
    Convention,
    Country,
    Achievement,
    Figure,
    Partnership,
    Event,
    Resource,
    Source,
}

impl Kind {
    pub const ALL: [Kind; 11] = [
        Kind::Programme,
        Kind::Priority,
        Kind::Area,
        Kind::Convention,
        Kind::Country,
        Kind::Achievement,
        Kind::Figure,
        Kind::Partnership,
        Kind::Event,
        Kind::Resource,
        Kind::Source,
    ];

    /// The TOML table-array name: `[[achievement]]`.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Programme => "programme",
            Kind::Priority => "priority",
            Kind::Area => "area",
            Kind::Convention => "convention",
            Kind::Country => "country",
            Kind::Achievement => "achievement",
            Kind::Figure => "figure",
            Kind::Partnership => "partnership",
            Kind::Event => "event",
            Kind::Resource => "resource",
            Kind::Source => "source",
        }
    }

    /// The plural used on the command line: `ipec list achievements`.
    pub fn plural(self) -> &'static str {
        match self {
            Kind::Programme => "programme",
            Kind::Priority => "priorities",
            Kind::Area => "areas",
            Kind::Convention => "conventions",
            Kind::Country => "countries",
            Kind::Achievement => "achievements",
            Kind::Figure => "figures",
            Kind::Partnership => "partnerships",
            Kind::Event => "events",
            Kind::Resource => "resources",
            Kind::Source => "sources",
        }
    }

    /// A human label, as shown beside search results.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Programme => "Programme",
            Kind::Priority => "Priority",
            Kind::Area => "Area",
            Kind::Convention => "Convention",
            Kind::Country => "Country",
            Kind::Achievement => "Result",
            Kind::Figure => "Figure",
            Kind::Partnership => "Partnership",
            Kind::Event => "Event",
            Kind::Resource => "Resource",
            Kind::Source => "Source",
        }
    }

    pub fn from_key(key: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.key() == key)
    }
}

impl serde::Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

impl FromStr for Kind {
    type Err = String;

    /// Accepts the plural (`countries`) or the singular (`country`), in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().to_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.plural() == wanted || k.key() == wanted)
            .ok_or_else(|| {
                let names: Vec<&str> = Kind::ALL.iter().map(|k| k.plural()).collect();
                let s = super::text::escape(s);
                format!("unknown kind `{s}`; expected one of {}", names.join(", "))
            })
    }
}
