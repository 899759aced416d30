//! The filters of `ipec list` and `ipec search`: `--country`, `--region`, `--priority`, `--area`,
//! `--sector`, `--convention`, `--partnership`, `--source` and `--year`: different filters combine with
//! AND, the values of one filter given twice with OR.
//!
//! Each filter's value is resolved once, before any record is looked at, so that a value naming nothing
//! is reported as such ("did you mean"), rather than silently matching no record. A filter applies to
//! the kinds of record that carry what it names (a sector only to results, a country to results,
//! partnerships, events, figures and countries...); `ipec list` of another kind is a usage error, and a
//! search keeps only records of the kinds every filter applies to.

use std::fmt;

use clap::Args;

use crate::kb::dates::parse_period;
use crate::kb::resolve::name_key;
use crate::kb::text::closest;
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef, Region};

use super::complete;

/// The filter flags as typed. A flag given twice or more keeps the records that match any of its
/// values (`--country GHA --country CIV`); different flags must all match.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Filters (a filter given twice: either value; different filters: all of them)")]
pub struct Filters {
    /// Only records in this country: an id or a name (GHA, Ghana, "ivory coast", "cote d'ivoire").
    #[arg(long, value_name = "COUNTRY", add = complete::countries())]
    pub country: Vec<String>,
    /// Only records in this ILO region: Africa, Americas, "Arab States", "Asia and the Pacific", "Europe and
    /// Central Asia" (or the start of one: asia, europe).
    #[arg(long, value_name = "REGION", add = complete::regions())]
    pub region: Vec<String>,
    /// Only records of this thematic priority: an id, a number or a title.
    #[arg(long, value_name = "PRIORITY", add = complete::records(Kind::Priority))]
    pub priority: Vec<String>,
    /// Only records of this theory-of-change area: an id, a number or a title.
    #[arg(long, value_name = "AREA", add = complete::records(Kind::Area))]
    pub area: Vec<String>,
    /// Only results in this sector: cocoa, cotton, mining, fishing...
    #[arg(long, value_name = "SECTOR", add = complete::sectors())]
    pub sector: Vec<String>,
    /// Only records citing this convention or protocol: an id, a number or a NORMLEX code (C182, 182, C029).
    #[arg(long, value_name = "CONVENTION", add = complete::records(Kind::Convention))]
    pub convention: Vec<String>,
    /// Only records of this partnership: an id or a name.
    #[arg(long, value_name = "PARTNERSHIP", add = complete::records(Kind::Partnership))]
    pub partnership: Vec<String>,
    /// Only records citing this source document: an id or a title.
    #[arg(long, value_name = "SOURCE", add = complete::records(Kind::Source))]
    pub source: Vec<String>,
    /// Only records dated in this year or range of years (2019, 2015-2018), by their dates and periods.
    #[arg(long, value_name = "YEAR|FROM-TO", value_parser = parse_years)]
    pub year: Vec<Years>,
}

/// A year or an inclusive range of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

impl Years {
    fn overlaps(self, first: i32, last: i32) -> bool {
        first <= self.last && self.first <= last
    }
}

fn parse_years(text: &str) -> Result<Years, String> {
    parse_period(text.trim())
        .map(|(first, last)| Years { first, last })
        .map_err(|_| format!("`{text}` is neither a year (2019) nor a range of years (2015-2018)"))
}

/// A filter value that names nothing, or a filter that cannot apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilterError {
    /// The flag at fault: `--country`.
    pub flag: &'static str,
    pub message: String,
    /// A usage error (a filter that does not apply to the kind asked for), rather than a value that
    /// names nothing.
    pub usage: bool,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.flag, self.message)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Condition {
    /// The id of a record of the kind the flag names.
    Record(Kind, String),
    Region(Region),
    /// A sector's `name_key`.
    Sector(String),
    Years(Years),
}

/// The resolved filters: for every flag, one of its conditions must hold.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Per flag given, its values' conditions (any of them).
    conditions: Vec<(&'static str, Vec<Condition>)>,
}

impl Filter {
    /// Resolves every filter value against the knowledge base; the first that names nothing is the error.
    pub fn resolve(kb: &KnowledgeBase, filters: &Filters) -> Result<Filter, FilterError> {
        let mut conditions = Vec::new();
        let records = [
            ("--country", Kind::Country, &filters.country),
            ("--priority", Kind::Priority, &filters.priority),
            ("--area", Kind::Area, &filters.area),
            ("--convention", Kind::Convention, &filters.convention),
            ("--partnership", Kind::Partnership, &filters.partnership),
            ("--source", Kind::Source, &filters.source),
        ];
        for (flag, kind, values) in records {
            let any = values
                .iter()
                .map(|value| {
                    let r = kb.resolve(value, Some(kind)).map_err(|e| FilterError {
                        flag,
                        message: e.message(kb),
                        usage: false,
                    })?;
                    Ok(Condition::Record(kind, kb.id(r).to_string()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            conditions.push((flag, any));
        }
        let regions = filters.region.iter().map(|v| region(v).map(Condition::Region));
        conditions.push(("--region", regions.collect::<Result<_, _>>()?));
        let sectors = filters.sector.iter().map(|v| sector(kb, v).map(Condition::Sector));
        conditions.push(("--sector", sectors.collect::<Result<_, _>>()?));
        conditions.push(("--year", filters.year.iter().map(|&y| Condition::Years(y)).collect()));
        conditions.retain(|(_, any)| !any.is_empty());
        Ok(Filter { conditions })
    }

    pub fn is_empty(&self) -> bool {
        self.conditions.is_empty()
    }

    /// An error unless every filter applies to records of `kind`.
    pub fn check_applies(&self, kind: Kind) -> Result<(), FilterError> {
        let mut each = self
            .conditions
            .iter()
            .flat_map(|(flag, any)| any.iter().map(move |c| (flag, c)));
        match each.find(|(_, c)| !c.applies(kind)) {
            None => Ok(()),
            Some((flag, c)) => {
                let kinds: Vec<&str> = Kind::ALL
                    .into_iter()
                    .filter(|&k| c.applies(k))
                    .map(Kind::plural)
                    .collect();
                Err(FilterError {
                    flag,
                    message: format!(
                        "{} have no {}; it filters {}",
                        kind.plural(),
                        c.what(),
                        kinds.join(", ")
                    ),
                    usage: true,
                })
            }
        }
    }

    /// Whether the record passes every filter, one of each filter's values (a record of a kind a filter
    /// does not apply to does not).
    pub fn matches(&self, kb: &KnowledgeBase, r: RecordRef) -> bool {
        self.conditions
            .iter()
            .all(|(_, any)| any.iter().any(|c| c.matches(kb, r)))
    }
}

impl Condition {
    /// What the filter is about, for messages: "sector", "country".
    fn what(&self) -> &'static str {
        match self {
            Condition::Record(kind, _) => kind.word(),
            Condition::Region(_) => "region",
            Condition::Sector(_) => "sector",
            Condition::Years(_) => "date or period",
        }
    }

    /// Whether records of `kind` can match: those of the kind a filter names and those that link to
    /// it (the `links` of the `kinds!` table), a source's records and those that cite one (every
    /// kind), a sector's results, and the kinds that are dated.
    fn applies(&self, kind: Kind) -> bool {
        match self {
            Condition::Record(Kind::Source, _) => true,
            Condition::Record(target, _) => kind == *target || kind.links_to(*target),
            Condition::Region(_) => kind == Kind::Country || kind.links_to(Kind::Country),
            Condition::Sector(_) => kind == Kind::Achievement,
            Condition::Years(_) => kind.dated(),
        }
    }

    fn matches(&self, kb: &KnowledgeBase, r: RecordRef) -> bool {
        if !self.applies(r.kind) {
            return false;
        }
        let record = kb.record(r);
        let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        // The ids of one kind it links to (its citation's source among them).
        let links = |kind: Kind| {
            let mut ids: Vec<&str> = Vec::new();
            record.each_link(&mut |k, id| {
                if k == Some(kind) {
                    ids.push(id);
                }
            });
            ids.into_iter()
        };
        match self {
            Condition::Record(kind, id) if *kind == r.kind => is(record.id(), id),
            Condition::Record(kind, id) => links(*kind).any(|x| is(x, id)),
            Condition::Region(region) => {
                let in_region = |id: &str| {
                    kb.find_kind(Kind::Country, id)
                        .is_some_and(|c| kb.countries[c.index].region == *region)
                };
                // "What did we do in Africa": a record that also spans other regions is a multi-region
                // programme, not an African result; --country finds it in each of its countries. An
                // event is where it took place and what it is about: an event on Jordan is an Arab
                // States event.
                record.fields().in_region(*region, &in_region).unwrap_or_else(|| {
                    let mut countries = links(Kind::Country).peekable();
                    countries.peek().is_some() && countries.all(in_region)
                })
            }
            // Sectors are a result's own field.
            Condition::Sector(key) => {
                matches!(record, Record::Achievement(a) if a.sectors.iter().any(|s| name_key(s) == *key))
            }
            Condition::Years(years) => record
                .fields()
                .years()
                .into_iter()
                .any(|(first, last)| years.overlaps(first, last)),
        }
    }
}

/// An ILO region by its name folded, without "and"/"the" ("Asia Pacific"), or by the start of one name.
fn region(wanted: &str) -> Result<Region, FilterError> {
    let key = name_key(wanted);
    let short = |r: Region| {
        let words: Vec<&str> = r
            .name()
            .split_whitespace()
            .filter(|w| !matches!(*w, "and" | "the"))
            .collect();
        name_key(&words.join(" "))
    };
    let exact = Region::ALL
        .into_iter()
        .find(|&r| name_key(r.name()) == key || short(r) == key);
    let prefixed: Vec<Region> = Region::ALL
        .into_iter()
        .filter(|&r| !key.is_empty() && name_key(r.name()).starts_with(&key))
        .collect();
    match (exact, prefixed.as_slice()) {
        (Some(r), _) | (None, &[r]) => Ok(r),
        _ => {
            let names: Vec<&str> = Region::ALL.iter().map(|r| r.name()).collect();
            let wanted = crate::kb::text::escape(wanted);
            let hint = match crate::kb::text::did_you_mean(&wanted, &names) {
                Some(name) => format!("did you mean {name}? The regions are"),
                None => "the regions are".to_string(),
            };
            Err(FilterError {
                flag: "--region",
                message: format!("no ILO region is called `{wanted}`; {hint} {}", names.join(", ")),
                usage: false,
            })
        }
    }
}

/// A sector some result names, by its folded name.
fn sector(kb: &KnowledgeBase, wanted: &str) -> Result<String, FilterError> {
    let key = name_key(wanted);
    let mut sectors: Vec<&str> = kb
        .achievements
        .iter()
        .flat_map(|a| a.sectors.iter().map(String::as_str))
        .collect();
    sectors.sort_unstable();
    sectors.dedup();
    if !key.is_empty() && sectors.iter().any(|s| name_key(s) == key) {
        return Ok(key);
    }
    let close = closest(wanted, sectors.iter().map(|s| (s.to_string(), s.to_string())), 3);
    let message = match close.as_slice() {
        [] => format!(
            "no result has the sector `{wanted}`; the sectors are {}",
            sectors.join(", ")
        ),
        [one] => format!("no result has the sector `{wanted}`; did you mean {one}?"),
        many => format!(
            "no result has the sector `{wanted}`; did you mean one of: {}?",
            many.join(", ")
        ),
    };
    Err(FilterError {
        flag: "--sector",
        message,
        usage: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().expect("the built-in knowledge base loads")
    }

    #[test]
    fn regions_resolve_by_name_short_name_or_prefix() {
        assert_eq!(region("africa"), Ok(Region::Africa));
        assert_eq!(region("Asia Pacific"), Ok(Region::AsiaPacific));
        assert_eq!(region("asia"), Ok(Region::AsiaPacific));
        assert_eq!(region("europe"), Ok(Region::EuropeCentralAsia));
        assert!(
            region("a").is_err(),
            "Africa, Americas, Arab States and Asia start with a"
        );
        assert!(region("oceania").is_err_and(|e| e.message.contains("the regions are Africa")));
        assert!(region("afrika").is_err_and(|e| e.message.contains("did you mean Africa?")));
    }

    #[test]
    fn years_overlap_periods() {
        assert_eq!(
            parse_years("2015-2018"),
            Ok(Years {
                first: 2015,
                last: 2018
            })
        );
        assert!(parse_years("15").is_err());
        let y = Years {
            first: 2015,
            last: 2018,
        };
        assert!(y.overlaps(2009, 2015) && y.overlaps(2018, 2020) && !y.overlaps(2019, 2020));
    }

    #[test]
    fn filters_combine_with_and() {
        let kb = kb();
        let resolve = |filters: Filters| Filter::resolve(&kb, &filters).expect("resolves");
        let ghana = resolve(Filters {
            country: vec!["Ghana".into()],
            ..Filters::default()
        });
        let ghana_cocoa = resolve(Filters {
            country: vec!["Ghana".into()],
            sector: vec!["Cocoa".into()],
            ..Filters::default()
        });
        let count = |f: &Filter| kb.refs(Kind::Achievement).filter(|&r| f.matches(&kb, r)).count();
        assert!(count(&ghana) > count(&ghana_cocoa) && count(&ghana_cocoa) > 0);
        for r in kb.refs(Kind::Achievement).filter(|&r| ghana_cocoa.matches(&kb, r)) {
            let a = &kb.achievements[r.index];
            assert!(a.countries.iter().any(|c| c == "GHA") && a.sectors.iter().any(|s| s == "cocoa"));
        }
    }

    #[test]
    fn a_filter_given_twice_takes_either_value() {
        let kb = kb();
        let resolve = |filters: Filters| Filter::resolve(&kb, &filters).expect("resolves");
        let count = |f: &Filter| kb.refs(Kind::Achievement).filter(|&r| f.matches(&kb, r)).count();
        let one = |c: &str| {
            count(&resolve(Filters {
                country: vec![c.into()],
                ..Filters::default()
            }))
        };
        let both = resolve(Filters {
            country: vec!["GHA".into(), "CIV".into()],
            ..Filters::default()
        });
        let both_cocoa = resolve(Filters {
            country: vec!["GHA".into(), "CIV".into()],
            sector: vec!["cocoa".into()],
            ..Filters::default()
        });
        let (gha, civ) = (one("GHA"), one("CIV"));
        assert!(count(&both) > gha.max(civ) && count(&both) <= gha + civ);
        assert!(count(&both_cocoa) > 0 && count(&both_cocoa) < count(&both));
    }

    #[test]
    fn a_value_naming_nothing_is_an_error_with_candidates() {
        let kb = kb();
        let err = Filter::resolve(
            &kb,
            &Filters {
                sector: vec!["cocao".into()],
                ..Filters::default()
            },
        )
        .expect_err("a typo");
        let message = err.to_string();
        assert!(
            message.starts_with("--sector: no result has the sector `cocao`; did you mean"),
            "{message}"
        );
        assert!(message.contains("cocoa"), "{message}");
        let filter = Filter::resolve(
            &kb,
            &Filters {
                sector: vec!["cocoa".into()],
                ..Filters::default()
            },
        )
        .expect("resolves");
        let err = filter
            .check_applies(Kind::Country)
            .expect_err("countries have no sector");
        assert!(err.usage && err.message.contains("it filters achievements"), "{err}");
    }
}
