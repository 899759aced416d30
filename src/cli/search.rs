//! `ipec search`: the index's ranked hits, plus the countries whose results match, then the filters.
//!
//! A country's own text is its names and region; what people search a country by is what happened
//! there ("cocoa", "fishing"). The index scores records by their own text only, so here a country also
//! matches through its results: it is ranked just below its best-matching result, and says how many of
//! its results matched.

use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use serde_json::{json, Value};

use super::filter::Filter;
use super::output::{self, Cell, Style};
use super::render::pretty;
use super::Format;
use crate::document::table::Table;
use crate::kb::{Kind, KnowledgeBase, RecordRef};
use crate::search::answer::{answer, missing_note, AFTER_TITLE};
use crate::search::{Hit, SearchIndex};

/// How many results `ipec search` prints unless `--limit` says.
pub const DEFAULT_LIMIT: usize = 20;

/// How the hits are printed: the format, the style of text output, and the query and the index that
/// find the words to highlight.
pub struct Shown<'a> {
    pub format: Format,
    pub style: &'a Style,
    pub query: &'a str,
    pub index: &'a SearchIndex,
    /// CSV's header row (not with --no-headers).
    pub csv_headers: bool,
}

/// The hits of one search, best first, and for the countries that matched only through their results,
/// how many of those results matched.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub hits: Vec<Hit>,
    pub through_results: HashMap<RecordRef, usize>,
}

/// Searches `query` among records of `kind` (all kinds if `None`) that pass `filter`; at most `limit`.
pub fn find(
    kb: &KnowledgeBase,
    index: &SearchIndex,
    query: &str,
    kind: Option<Kind>,
    filter: &Filter,
    limit: usize,
) -> Found {
    // Every hit, not just `limit`: the filters and the countries come after the ranking.
    let mut hits = index.search_all(kb, query, kind);
    // Best first already; a stable sort keeps equal scores in the index's order.
    if !hits.is_sorted_by_key(|h| std::cmp::Reverse(h.score)) {
        hits.sort_by_key(|h| std::cmp::Reverse(h.score));
    }
    let mut through_results = HashMap::new();
    let mut countries = Vec::new();
    if kind.is_none_or(|k| k == Kind::Country) {
        // Borrowed, not copied: "child labour" matches nearly every one of 100,000 results.
        let searched;
        let results: Vec<&Hit> = match kind {
            None => hits.iter().filter(|h| h.record.kind == Kind::Achievement).collect(),
            Some(_) => {
                searched = index.search_all(kb, query, Some(Kind::Achievement));
                searched.iter().collect()
            }
        };
        let matched_by_name: HashSet<RecordRef> = hits
            .iter()
            .filter(|h| h.record.kind == Kind::Country)
            .map(|h| h.record)
            .collect();
        countries = countries_of_results(kb, &results)
            .into_iter()
            .filter(|(country, _, _)| !matched_by_name.contains(country))
            .map(|(country, best, n)| {
                through_results.insert(country, n);
                // A country misses what its best result misses.
                Hit {
                    record: country,
                    score: best.score - 1,
                    title_matches: Vec::new(),
                    missing: best.missing.clone(),
                }
            })
            .collect();
        // Stable: countries with equal scores keep their order of first appearance.
        countries.sort_by_key(|h: &Hit| std::cmp::Reverse(h.score));
    }
    // The countries merged in by score, after the hits of the same score (each country comes after its
    // best result), the filters applied, until `limit`: the other hits are never copied nor sorted.
    let hits: Vec<Hit> = merge_by_score(hits, countries)
        .filter(|h| filter.matches(kb, h.record))
        .take(limit)
        .collect();
    through_results.retain(|r, _| hits.iter().any(|h| h.record == *r));
    Found { hits, through_results }
}

/// Two lists of hits, each best first, as one: on equal scores, those of `first` come first.
fn merge_by_score(first: Vec<Hit>, second: Vec<Hit>) -> impl Iterator<Item = Hit> {
    let (mut first, mut second) = (first.into_iter().peekable(), second.into_iter().peekable());
    std::iter::from_fn(move || match (first.peek(), second.peek()) {
        (Some(a), Some(b)) if b.score > a.score => second.next(),
        (Some(_), _) => first.next(),
        (None, _) => second.next(),
    })
}

/// Per country with matching results, in order of first appearance (a result's countries in the order
/// it lists them): its best result and how many matched. Read from the countries' backlinks, so that
/// the results themselves, most of them still in the cache file at 100,000, are not read.
fn countries_of_results<'h>(kb: &KnowledgeBase, results: &[&'h Hit]) -> Vec<(RecordRef, &'h Hit, usize)> {
    // Per result, its position in `results`: an array, not a map, as "child labour" matches nearly all
    // of 100,000 (a map of them was 3 MiB of the search's peak memory, this is 0.4).
    let mut position = vec![u32::MAX; kb.len(Kind::Achievement)];
    for (i, hit) in results.iter().enumerate() {
        if let Some(at) = position.get_mut(hit.record.index) {
            *at = i as u32;
        }
    }
    let position_of = |index: usize| position.get(index).filter(|&&at| at != u32::MAX).map(|&at| at as usize);
    // (country, first appearance, best, how many), positions in `results`.
    let mut countries: Vec<(RecordRef, usize, usize, usize)> = kb
        .refs(Kind::Country)
        .filter_map(|country| {
            let mut matched = kb
                .backlinks_of(country, Kind::Achievement)
                .filter_map(|r| position_of(r.index));
            let at = matched.next()?;
            let better = |a: usize, b: usize| {
                (results[a].score, std::cmp::Reverse(a)) > (results[b].score, std::cmp::Reverse(b))
            };
            let (first, best, n) = matched.fold((at, at, 1), |(first, best, n), at| {
                (first.min(at), if better(at, best) { at } else { best }, n + 1)
            });
            Some((country, first, best, n))
        })
        .collect();
    // Countries that first appear in the same result keep that result's order of countries.
    countries.sort_by_cached_key(|&(country, first, _, _)| {
        let listed = &kb.achievements[results[first].record.index].countries;
        (
            first,
            listed
                .iter()
                .position(|id| kb.find_kind(Kind::Country, id) == Some(country)),
        )
    });
    countries
        .into_iter()
        .map(|(country, _, best, n)| (country, results[best], n))
        .collect()
}

impl Found {
    /// What a hit's title alone does not say: a figure's value and unit, or how many of a country's
    /// results matched when the country itself did not.
    pub fn extra(&self, kb: &KnowledgeBase, r: RecordRef) -> Option<String> {
        if let Some(n) = self.through_results.get(&r) {
            return Some(crate::document::format::count(*n, "matching result"));
        }
        answer(kb, r).map(|a| a.value)
    }

    /// A hit's line as `ipec search` prints it, the answer first as in the explorer's palette: a figure's
    /// value and unit, then its headline or title ("160 million children — in child labour in 2020, ..."),
    /// a country found through its results with how many, and the words of the query it did not match.
    pub fn line(&self, kb: &KnowledgeBase, hit: &Hit) -> String {
        let title = kb.title(hit.record);
        let mut line = match (self.through_results.get(&hit.record), answer(kb, hit.record)) {
            (None, Some(answer)) => answer.line(title),
            _ => match self.extra(kb, hit.record) {
                Some(extra) => format!("{title}{AFTER_TITLE}{extra}"),
                None => title.to_string(),
            },
        };
        if let Some(note) = missing_note(&hit.missing) {
            line.push_str(AFTER_TITLE);
            line.push_str(&note);
        }
        line
    }

    /// `extra`, or the line that tells records of a kind apart.
    fn detail(&self, kb: &KnowledgeBase, r: RecordRef) -> String {
        self.extra(kb, r).unwrap_or_else(|| kb.brief(r))
    }

    /// The rows of text output: kind, id and line, the words of the query in each line marked when
    /// they are to be painted.
    fn text_rows(&self, kb: &KnowledgeBase, shown: &Shown) -> Vec<Vec<Cell>> {
        let lines: Vec<String> = self.hits.iter().map(|hit| self.line(kb, hit)).collect();
        let marks = if shown.style.color {
            let texts: Vec<&str> = lines.iter().map(String::as_str).collect();
            shown.index.highlights(shown.query, &texts)
        } else {
            vec![Vec::new(); lines.len()]
        };
        self.hits
            .iter()
            .zip(lines)
            .zip(marks)
            .map(|((hit, line), marks)| {
                vec![
                    Cell::painted(hit.record.kind.label(), output::sgr::DIM),
                    Cell::painted(kb.id(hit.record), output::sgr::ID),
                    Cell {
                        text: line,
                        marks,
                        paint: None,
                    },
                ]
            })
            .collect()
    }

    pub fn write(&self, kb: &KnowledgeBase, shown: &Shown, out: &mut impl Write) -> io::Result<()> {
        let format = shown.format;
        match format {
            Format::Json => {
                let results: Vec<Value> = self
                    .hits
                    .iter()
                    .map(|hit| {
                        json!({
                            "id": kb.id(hit.record),
                            "kind": hit.record.kind.key(),
                            "title": kb.title(hit.record),
                            "detail": self.detail(kb, hit.record),
                            "missing": hit.missing,
                            "score": hit.score,
                        })
                    })
                    .collect();
                writeln!(out, "{}", pretty(&Value::Array(results)))
            }
            Format::Text => output::write_table(out, &["kind", "id", "name"], &self.text_rows(kb, shown), shown.style),
            Format::Csv | Format::CsvExcel | Format::Markdown => {
                let mut table = Table {
                    columns: vec!["kind", "id", "title", "detail", "score"],
                    rows: self
                        .hits
                        .iter()
                        .map(|hit| {
                            vec![
                                hit.record.kind.key().to_string(),
                                kb.id(hit.record).to_string(),
                                kb.title(hit.record).to_string(),
                                self.detail(kb, hit.record),
                                hit.score.to_string(),
                            ]
                        })
                        .collect(),
                };
                use crate::document::table::CsvDialect;
                if format == Format::Csv {
                    table.write_csv_as(out, CsvDialect::Standard, shown.csv_headers)
                } else if format == Format::CsvExcel {
                    table.write_csv_as(out, CsvDialect::Excel, shown.csv_headers)
                } else {
                    // A handout has no use for scores.
                    table.columns.pop();
                    table.rows.iter_mut().for_each(|row| {
                        row.pop();
                    });
                    table.write_markdown(out)
                }
            }
        }
    }
}
