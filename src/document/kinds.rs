//! How each kind of record is shown: its document (subtitle and blocks), the line that tells it apart
//! in a list, and its table's columns. One `impl Shown` per kind, in the order of the `kinds!` table;
//! `for_record!` and `for_kind!` dispatch to it, so a new kind's missing impl is a compile error here.
//!
//! What every record's document has besides (its title, note, web links and citation) is added by
//! `KnowledgeBase::document_with`.

use super::table::{list, num, opt, Column, JOIN};
use super::*;
use crate::kb::text::plain_number;
use crate::kb::{Area, Convention, Country, Event, Figure, Partnership, Priority, Programme, Resource, Source, Tour};

/// How a kind of record is shown.
pub(crate) trait Shown: Sized + 'static {
    /// Its subtitle and blocks, between its title and what every record ends with.
    fn document(&self, kb: &KnowledgeBase, r: RecordRef, extent: Extent, doc: &mut Document);

    /// One line that tells records of its kind apart in a list: "Africa · 7 results".
    fn brief(&self, kb: &KnowledgeBase, r: RecordRef) -> String;

    /// The line beside it as an entry of a document's list: its brief, unless it says more there.
    fn item_detail(&self, kb: &KnowledgeBase, r: RecordRef) -> String {
        self.brief(kb, r)
    }

    /// The short line beside it on a shelf of the Library: a year, a length.
    fn shelf(&self) -> String {
        String::new()
    }

    /// Its table's columns, in order: name, whether the compact (Markdown) table keeps it, its cell.
    const COLUMNS: &'static [Column<Self>];
}

impl Shown for Programme {
    fn document(&self, kb: &KnowledgeBase, _: RecordRef, _: Extent, doc: &mut Document) {
        let p = self;
        let b = &mut doc.blocks;
        doc.subtitle = p.full_name.clone();
        // Headline figures first: the global estimates, then where IPEC+ works.
        let mut headlines: Vec<Stat> = kb
            .figures
            .iter()
            .filter_map(|f| {
                Some(Stat {
                    value: Qualifier::apply(f.qualifier, format_number(f.value?)),
                    unit: f.unit.clone(),
                    label: f.headline.clone()?,
                })
            })
            .collect();
        if let Some(count) = p.country_count {
            let label = match p.country_count_as_of.as_deref() {
                Some(as_of) => format!("where IPEC+ works, as of {}", display_date(as_of)),
                None => "where IPEC+ works".into(),
            };
            headlines.push(Stat {
                value: count.to_string(),
                unit: "countries".into(),
                label,
            });
        }
        if !headlines.is_empty() {
            b.push(Block::figures(headlines));
        }
        b.push(Block::Paragraph {
            text: p.summary.clone(),
        });
        heading(b, "Goals");
        b.push(Block::items(
            p.goals
                .iter()
                .map(|g| Item {
                    link: plain(g, "goal"),
                    detail: String::new(),
                })
                .collect(),
        ));
        heading(b, "Where it works");
        b.push(Block::Paragraph {
            text: p.where_it_works.clone(),
        });
        heading(b, "Focus");
        kb.push_items(
            b,
            p.focus.iter().filter_map(|id| kb.find_kind(Kind::Priority, id)),
            Extent::Whole,
        );
        heading(b, "Normative framework");
        b.push(Block::Paragraph {
            text: p.normative_framework.clone(),
        });
        kb.push_items(
            b,
            p.conventions.iter().filter_map(|id| kb.find_kind(Kind::Convention, id)),
            Extent::Whole,
        );
        heading(b, "Theory of change");
        b.push(Block::Paragraph {
            text: p.theory_of_change.clone(),
        });
        kb.push_items(b, kb.refs(Kind::Area), Extent::Whole);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        self.full_name.clone()
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |p, _| p.id.clone()),
        ("name", true, |p, _| p.name.clone()),
        ("full_name", true, |p, _| p.full_name.clone()),
        ("country_count", true, |p, _| {
            p.country_count.map(|n| n.to_string()).unwrap_or_default()
        }),
        ("country_count_as_of", false, |p, _| opt(&p.country_count_as_of)),
        ("focus", false, |p, _| list(&p.focus)),
        ("conventions", false, |p, _| list(&p.conventions)),
        ("goals", false, |p, _| list(&p.goals)),
        ("links", false, |_, at| at.web()),
        ("source", false, |p, _| p.source.clone()),
        ("section", false, |p, _| p.section.clone()),
        ("summary", false, |p, _| p.summary.clone()),
        ("note", false, |p, _| opt(&p.note)),
    ];
}

impl Shown for Priority {
    fn document(&self, kb: &KnowledgeBase, _: RecordRef, extent: Extent, doc: &mut Document) {
        let p = self;
        let b = &mut doc.blocks;
        doc.subtitle = format!("Thematic priority {}", p.number);
        heading(b, "The challenge");
        b.push(Block::Paragraph {
            text: p.challenge.clone(),
        });
        if let Some(approach) = &p.approach {
            heading(b, "What IPEC+ does");
            b.push(Block::Paragraph { text: approach.clone() });
        }
        kb.push_results_by(b, |a| eq(&a.priority, &p.id), Kind::Area, extent);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        format!("Thematic priority {}", self.number)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |p, _| p.id.clone()),
        ("number", true, |p, _| p.number.to_string()),
        ("title", true, |p, _| p.title.clone()),
        ("results", true, |_, at| at.results()),
        ("links", false, |_, at| at.web()),
        ("source", false, |p, _| p.source.clone()),
        ("section", false, |p, _| p.section.clone()),
        ("challenge", false, |p, _| p.challenge.clone()),
        ("approach", false, |p, _| opt(&p.approach)),
        ("note", false, |p, _| opt(&p.note)),
    ];
}

impl Shown for Area {
    fn document(&self, kb: &KnowledgeBase, _: RecordRef, extent: Extent, doc: &mut Document) {
        let a = self;
        let b = &mut doc.blocks;
        doc.subtitle = format!("Theory of change, category {}", a.number);
        b.push(Block::Paragraph {
            text: a.summary.clone(),
        });
        kb.push_results_by(b, |x| eq(&x.area, &a.id), Kind::Priority, extent);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        format!("Category of change {}", self.number)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |a, _| a.id.clone()),
        ("number", true, |a, _| a.number.to_string()),
        ("title", true, |a, _| a.title.clone()),
        ("results", true, |_, at| at.results()),
        ("links", false, |_, at| at.web()),
        ("source", false, |a, _| a.source.clone()),
        ("section", false, |a, _| a.section.clone()),
        ("summary", false, |a, _| a.summary.clone()),
        ("note", false, |a, _| opt(&a.note)),
    ];
}

impl Shown for Convention {
    fn document(&self, kb: &KnowledgeBase, r: RecordRef, extent: Extent, doc: &mut Document) {
        let c = self;
        let b = &mut doc.blocks;
        let instrument = match (c.instrument, c.year) {
            (crate::kb::Instrument::Convention, _) => format!("Convention No. {}", c.number),
            (crate::kb::Instrument::Protocol, Some(year)) => {
                format!("Protocol of {year} to Convention No. {}", c.number)
            }
            (crate::kb::Instrument::Protocol, None) => format!("Protocol to Convention No. {}", c.number),
        };
        let mut parts = vec![instrument];
        parts.extend(c.year.map(|y| y.to_string()));
        parts.push(c.subject.clone());
        if c.fundamental {
            parts.push("fundamental".into());
        }
        doc.subtitle = parts.join(" · ");
        b.push(Block::Paragraph {
            text: c.summary.clone(),
        });
        if !c.ratifications.is_empty() {
            heading(b, "Ratifications");
            b.push(Block::items(
                c.ratifications
                    .iter()
                    .map(|rat| {
                        let source = kb.find_kind(Kind::Source, &rat.source);
                        let source_title = source.map_or(rat.source.as_str(), |s| kb.title(s));
                        let mut detail = cited(source_title, &rat.section);
                        if let Some(note) = &rat.note {
                            detail.push_str(&format!(" ({note})"));
                        }
                        Item {
                            link: Link {
                                label: ratification_label(rat),
                                role: "source".into(),
                                target: source,
                                id: Some(rat.source.clone()),
                                url: None,
                            },
                            detail,
                        }
                    })
                    .collect(),
            ));
        }
        kb.push_backlinks(b, r, Kind::Achievement, "Results that cite it", extent);
        kb.push_backlinks(b, r, Kind::Event, "Events", extent);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        convention_detail(self)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |c, _| c.id.clone()),
        ("number", false, |c, _| c.number.to_string()),
        ("instrument", false, |c, _| c.instrument.key().to_string()),
        ("title", true, |c, _| c.title.clone()),
        ("year", true, |c, _| c.year.map(|y| y.to_string()).unwrap_or_default()),
        ("subject", true, |c, _| c.subject.clone()),
        ("fundamental", false, |c, _| c.fundamental.to_string()),
        ("ratifications", false, |c, _| {
            c.ratifications
                .iter()
                .map(|x| {
                    let what = match (x.count, x.status.as_deref()) {
                        (Some(n), Some(status)) => format!("{n} ({status})"),
                        (Some(n), None) => n.to_string(),
                        (None, Some(status)) => status.to_string(),
                        (None, None) => "ratifications".to_string(),
                    };
                    format!("{what} as of {} ({})", x.as_of, x.source)
                })
                .collect::<Vec<_>>()
                .join(JOIN)
        }),
        ("links", true, |_, at| at.web()),
        ("source", false, |c, _| c.source.clone()),
        ("section", false, |c, _| c.section.clone()),
        ("summary", false, |c, _| c.summary.clone()),
        ("note", false, |c, _| opt(&c.note)),
    ];
}

/// The figures of `results`, as many as `extent` holds, and how many there are: peeked at, not kept
/// (a country of a 100,000-result knowledge base has thousands of results).
fn figures_of_results(kb: &KnowledgeBase, results: &[RecordRef], extent: Extent) -> (Vec<Stat>, usize) {
    let stats = kb.peek_many(results, |_, record| {
        <Achievement as crate::kb::OfKind>::of(record).map(|a| a.figures.iter().map(stat).collect::<Vec<Stat>>())
    });
    let mut stats: Vec<Stat> = stats.into_iter().flatten().flatten().flatten().collect();
    let total = stats.len();
    stats.truncate(extent.of(total));
    (stats, total)
}

impl Shown for Country {
    fn document(&self, kb: &KnowledgeBase, r: RecordRef, extent: Extent, doc: &mut Document) {
        let c = self;
        let b = &mut doc.blocks;
        let results: Vec<RecordRef> = kb.backlinks_of(r, Kind::Achievement).collect();
        doc.subtitle = format!("{} · {}", c.region, count(results.len(), "result"));
        let (stats, total) = figures_of_results(kb, &results, extent);
        if total > 0 {
            b.push(Block::Figures {
                more: total - stats.len(),
                figures: stats,
            });
        }
        let mut facts = vec![("Region".to_string(), c.region.to_string())];
        if !c.aliases.is_empty() {
            facts.push(("Also known as".into(), c.aliases.join(", ")));
        }
        b.push(Block::Facts { facts });
        kb.push_backlinks(b, r, Kind::Achievement, "Results", extent);
        kb.push_backlinks(b, r, Kind::Partnership, "Initiatives and partnerships", extent);
        kb.push_backlinks(b, r, Kind::Event, "Events", extent);
        kb.push_backlinks(b, r, Kind::Figure, "Figures", extent);
    }

    fn brief(&self, kb: &KnowledgeBase, r: RecordRef) -> String {
        format!(
            "{} · {}",
            self.region,
            count(kb.backlinks_of(r, Kind::Achievement).count(), "result")
        )
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |c, _| c.id.clone()),
        ("name", true, |c, _| c.name.clone()),
        ("aliases", false, |c, _| list(&c.aliases)),
        ("region", true, |c, _| c.region.name().to_string()),
        ("results", true, |_, at| at.results()),
        ("lat", false, |c, _| c.lat.to_string()),
        ("lon", false, |c, _| c.lon.to_string()),
        ("links", true, |_, at| at.web()),
        ("source", false, |c, _| c.source.clone()),
        ("section", false, |c, _| c.section.clone()),
        ("note", false, |c, _| opt(&c.note)),
    ];
}

impl Shown for Achievement {
    /// Every result in a list says where it comes from, so a list can be quoted as it stands.
    fn item_detail(&self, kb: &KnowledgeBase, _: RecordRef) -> String {
        let figures: Vec<String> = self.figures.iter().map(|f| stat(f).short()).collect();
        let context = kb.achievement_context(self);
        let source = kb
            .find_kind(Kind::Source, &self.source)
            .map(|s| format!("cited: {}", kb.short_title(s)));
        [context, figures.join(", "), source.unwrap_or_default()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ")
    }

    fn document(&self, kb: &KnowledgeBase, _: RecordRef, _: Extent, doc: &mut Document) {
        let a = self;
        let b = &mut doc.blocks;
        doc.subtitle = kb.achievement_context(a);
        if !a.figures.is_empty() {
            b.push(Block::figures(a.figures.iter().map(stat).collect()));
        }
        b.push(Block::Paragraph {
            text: a.summary.clone(),
        });
        b.push(Block::Tags {
            tags: kb.achievement_tags(a),
        });
    }

    fn brief(&self, kb: &KnowledgeBase, _: RecordRef) -> String {
        kb.achievement_context(self)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |a, _| a.id.clone()),
        ("title", true, |a, _| a.title.clone()),
        ("countries", false, |a, _| list(&a.countries)),
        ("country_names", true, |a, at| at.names(&a.countries)),
        ("priority", false, |a, _| opt(&a.priority)),
        ("area", false, |a, _| opt(&a.area)),
        ("sectors", true, |a, _| list(&a.sectors)),
        ("conventions", false, |a, _| list(&a.conventions)),
        ("partnerships", false, |a, _| list(&a.partnerships)),
        ("period", true, |a, _| opt(&a.period)),
        ("figures", true, |a, _| {
            a.figures
                .iter()
                .map(|f| {
                    let value = Qualifier::apply(f.qualifier, format_number(f.value));
                    format!("{value} {}: {}", f.unit, f.label)
                })
                .collect::<Vec<_>>()
                .join(JOIN)
        }),
        ("links", false, |_, at| at.web()),
        ("source", false, |a, _| a.source.clone()),
        ("section", false, |a, _| a.section.clone()),
        ("summary", false, |a, _| a.summary.clone()),
        ("note", false, |a, _| opt(&a.note)),
    ];
}

impl Shown for Figure {
    fn document(&self, kb: &KnowledgeBase, _: RecordRef, _: Extent, doc: &mut Document) {
        let f = self;
        let b = &mut doc.blocks;
        doc.subtitle = [f.topic.as_str(), f.period.as_deref().unwrap_or(""), f.unit.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" · ");
        if let Some(value) = f.value {
            b.push(Block::figures(vec![Stat {
                value: Qualifier::apply(f.qualifier, format_number(value)),
                unit: f.unit.clone(),
                // A headline says what the number is in words ("in child labour in 2020").
                label: f.headline.clone().unwrap_or_else(|| f.title.clone()),
            }]));
        }
        if let Some(chart) = figure_chart(f) {
            b.push(Block::Chart { chart });
        }
        let countries: Vec<Link> = f
            .rows
            .iter()
            .filter_map(|row| kb.find_kind(Kind::Country, row.country.as_deref()?))
            .map(|c| kb.link(c, "country"))
            .collect();
        if !countries.is_empty() {
            b.push(Block::Tags { tags: countries });
        }
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        self.period.clone().unwrap_or_default()
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |f, _| f.id.clone()),
        ("title", true, |f, _| f.title.clone()),
        ("topic", false, |f, _| f.topic.clone()),
        ("qualifier", true, |f, _| {
            f.qualifier.map(|q| q.words().to_string()).unwrap_or_default()
        }),
        ("value", true, |f, _| num(f.value)),
        ("total", true, |f, _| num(f.total)),
        ("unit", true, |f, _| f.unit.clone()),
        ("period", true, |f, _| opt(&f.period)),
        ("rows", false, |f, _| {
            f.rows
                .iter()
                .map(|row| {
                    let value = Qualifier::apply(row.qualifier, plain_number(row.value));
                    format!("{}: {value}", row.label)
                })
                .collect::<Vec<_>>()
                .join(JOIN)
        }),
        ("links", false, |_, at| at.web()),
        ("source", false, |f, _| f.source.clone()),
        ("section", false, |f, _| f.section.clone()),
        ("note", false, |f, _| opt(&f.note)),
    ];
}

impl Shown for Partnership {
    fn document(&self, kb: &KnowledgeBase, r: RecordRef, extent: Extent, doc: &mut Document) {
        let p = self;
        let b = &mut doc.blocks;
        doc.subtitle = p.kind.clone();
        b.push(Block::Paragraph {
            text: p.summary.clone(),
        });
        if let Some(url) = &p.url {
            b.push(Block::Facts {
                facts: vec![("Website".into(), url.clone())],
            });
        }
        if !p.countries.is_empty() {
            heading(b, p.countries_role.as_deref().unwrap_or("Countries"));
            let tags = p
                .countries
                .iter()
                .filter_map(|id| kb.find_kind(Kind::Country, id))
                .map(|c| kb.link(c, "country"))
                .collect();
            b.push(Block::Tags { tags });
        }
        let mut kinds: Vec<&str> = Vec::new();
        for component in &p.components {
            if !kinds.contains(&component.kind.as_str()) {
                kinds.push(&component.kind);
            }
        }
        for kind in kinds {
            heading(b, &plural_heading(kind));
            let items = p
                .components
                .iter()
                .filter(|c| c.kind == kind)
                .map(|c| Item {
                    link: plain(&c.name, kind),
                    detail: c.text.clone().unwrap_or_default(),
                })
                .collect();
            b.push(Block::items(items));
        }
        kb.push_backlinks(b, r, Kind::Achievement, "Results", extent);
        kb.push_backlinks(b, r, Kind::Event, "Events", extent);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        self.kind.clone()
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |p, _| p.id.clone()),
        ("name", true, |p, _| p.name.clone()),
        ("kind", true, |p, _| p.kind.clone()),
        ("countries", false, |p, _| list(&p.countries)),
        ("country_names", true, |p, at| at.names(&p.countries)),
        ("countries_role", false, |p, _| opt(&p.countries_role)),
        ("components", false, |p, _| {
            p.components
                .iter()
                .map(|c| format!("{}: {}", c.kind, c.name))
                .collect::<Vec<_>>()
                .join(JOIN)
        }),
        ("links", true, |_, at| at.web()),
        ("source", false, |p, _| p.source.clone()),
        ("section", false, |p, _| p.section.clone()),
        ("summary", false, |p, _| p.summary.clone()),
        ("note", false, |p, _| opt(&p.note)),
    ];
}

impl Shown for Event {
    fn document(&self, kb: &KnowledgeBase, _: RecordRef, _: Extent, doc: &mut Document) {
        let e = self;
        let b = &mut doc.blocks;
        let mut when = display_date(&e.date);
        if let Some(end) = &e.end_date {
            when = format!("{when} – {}", display_date(end));
        }
        doc.subtitle = match &e.place {
            Some(place) => format!("{when} · {place}"),
            None => when,
        };
        b.push(Block::Paragraph {
            text: e.summary.clone(),
        });
        if let Some(listed) = &e.listed {
            b.push(Block::Facts {
                facts: vec![("Listed on".into(), display_date(listed))],
            });
        }
        let tags = kb.event_tags(e);
        if !tags.is_empty() {
            b.push(Block::Tags { tags });
        }
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        display_date(&self.date)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |e, _| e.id.clone()),
        ("title", true, |e, _| e.title.clone()),
        ("date", true, |e, _| e.date.clone()),
        ("end_date", false, |e, _| opt(&e.end_date)),
        ("listed", false, |e, _| opt(&e.listed)),
        ("place", true, |e, _| opt(&e.place)),
        ("countries", false, |e, _| list(&e.countries)),
        ("country_names", true, |e, at| at.names(&e.countries)),
        ("about_countries", false, |e, _| list(&e.about_countries)),
        ("about_country_names", false, |e, at| at.names(&e.about_countries)),
        ("partnerships", false, |e, _| list(&e.partnerships)),
        ("conventions", false, |e, _| list(&e.conventions)),
        ("resources", false, |e, _| list(&e.resources)),
        ("links", false, |_, at| at.web()),
        ("source", false, |e, _| e.source.clone()),
        ("section", false, |e, _| e.section.clone()),
        ("summary", false, |e, _| e.summary.clone()),
        ("note", false, |e, _| opt(&e.note)),
    ];
}

impl Shown for Resource {
    fn shelf(&self) -> String {
        self.year.map(|y| y.to_string()).unwrap_or_default()
    }

    fn document(&self, kb: &KnowledgeBase, r: RecordRef, extent: Extent, doc: &mut Document) {
        let res = self;
        let b = &mut doc.blocks;
        doc.subtitle = match res.year {
            Some(year) => format!("{} · {year}", res.kind),
            None => res.kind.clone(),
        };
        b.push(Block::Paragraph {
            text: res.summary.clone(),
        });
        if let Some(url) = &res.url {
            b.push(Block::Facts {
                facts: vec![("Link".into(), url.clone())],
            });
        }
        kb.push_backlinks(b, r, Kind::Event, "Events", extent);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        match self.year {
            Some(year) => format!("{} · {year}", self.kind),
            None => self.kind.clone(),
        }
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |x, _| x.id.clone()),
        ("title", true, |x, _| x.title.clone()),
        ("year", true, |x, _| x.year.map(|y| y.to_string()).unwrap_or_default()),
        ("kind", true, |x, _| x.kind.clone()),
        ("links", true, |_, at| at.web()),
        ("source", false, |x, _| x.source.clone()),
        ("section", false, |x, _| x.section.clone()),
        ("summary", false, |x, _| x.summary.clone()),
        ("note", false, |x, _| opt(&x.note)),
    ];
}

impl Shown for Source {
    fn shelf(&self) -> String {
        self.year.to_string()
    }

    fn document(&self, kb: &KnowledgeBase, r: RecordRef, extent: Extent, doc: &mut Document) {
        let s = self;
        let b = &mut doc.blocks;
        doc.subtitle = format!("{} · {} · {}", s.publisher, s.year, s.kind);
        b.push(Block::Paragraph {
            text: s.summary.clone(),
        });
        let facts: Vec<(String, String)> = Kind::ALL
            .into_iter()
            .filter_map(|k| {
                let n = kb.backlinks_of(r, k).count();
                (n > 0).then(|| (format!("Cites it: {}", k.plural()), n.to_string()))
            })
            .collect();
        if !facts.is_empty() {
            b.push(Block::Facts { facts });
        }
        kb.push_backlinks(b, r, Kind::Achievement, "Results from this source", extent);
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        format!("{} · {}", self.publisher, self.year)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |s, _| s.id.clone()),
        ("title", true, |s, _| s.title.clone()),
        ("short_title", false, |s, _| opt(&s.short_title)),
        ("publisher", true, |s, _| s.publisher.clone()),
        ("year", true, |s, _| s.year.to_string()),
        ("kind", true, |s, _| s.kind.clone()),
        ("links", true, |_, at| at.web()),
        ("summary", false, |s, _| s.summary.clone()),
        ("note", false, |s, _| opt(&s.note)),
    ];
}

impl Shown for Tour {
    fn shelf(&self) -> String {
        format!("{} steps · {} min", self.steps.len(), self.duration_minutes)
    }

    fn document(&self, kb: &KnowledgeBase, _: RecordRef, _: Extent, doc: &mut Document) {
        let t = self;
        let b = &mut doc.blocks;
        doc.subtitle = format!(
            "{} · {} min · {}",
            count(t.steps.len(), "step"),
            t.duration_minutes,
            t.audience
        );
        b.push(Block::Paragraph {
            text: t.summary.clone(),
        });
        heading(b, "Steps");
        let items = t
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| kb.step_item(i, step))
            .collect();
        b.push(Block::items(items));
        b.push(Block::Paragraph {
            text: "Every step shows records of the knowledge base, each with its own citation.".into(),
        });
    }

    fn brief(&self, _: &KnowledgeBase, _: RecordRef) -> String {
        format!("{} · {} min", count(self.steps.len(), "step"), self.duration_minutes)
    }

    const COLUMNS: &'static [Column<Self>] = &[
        ("id", true, |t, _| t.id.clone()),
        ("title", true, |t, _| t.title.clone()),
        ("audience", true, |t, _| t.audience.clone()),
        ("duration_minutes", true, |t, _| t.duration_minutes.to_string()),
        ("steps", true, |t, _| t.steps.len().to_string()),
        ("summary", false, |t, _| t.summary.clone()),
        ("note", false, |t, _| opt(&t.note)),
    ];
}
