//! Links to the authoritative pages on the web: a record's own address where the data gives one, and
//! addresses built from documented patterns for conventions (NORMLEX) and countries (ILOSTAT). Every front
//! end shows the same list: `ipec show` (text, Markdown, JSON `"links"`), CSV exports, and the explorer.

use super::{Convention, Kind, KnowledgeBase, Record, RecordRef};

/// NORMLEX, the ILO's information system on international labour standards: one page per instrument,
/// addressed by its ILO code (`C182`, `C029`, `P029`).
const NORMLEX_INSTRUMENT: &str = "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:";

/// ILOSTAT's country profiles, addressed by the ISO 3166-1 alpha-3 code in lower case
/// (`https://ilostat.ilo.org/data/country-profiles/gha/`). The ILO's own country pages
/// (www.ilo.org/regions-and-countries/...) are addressed by region and a name slug, not by code, so they
/// cannot be built reliably from the knowledge base.
const ILOSTAT_COUNTRY: &str = "https://ilostat.ilo.org/data/country-profiles/";

/// The record's links, each with a label for people, most specific first: its authoritative page
/// (NORMLEX for a convention or protocol, ILOSTAT for a country), its own `url` (partnerships,
/// resources, sources), then the `url` of the source it cites. No address appears twice.
pub fn links(kb: &KnowledgeBase, r: RecordRef) -> Vec<(String, String)> {
    let record = kb.record(r);
    let mut links: Vec<(String, String)> = Vec::new();
    match record {
        Record::Convention(c) => links.push((format!("NORMLEX: {} {}", c.id, c.title), normlex_url(c))),
        Record::Country(c) => links.extend(ilostat_url(&c.id).map(|url| (format!("ILOSTAT: {}", c.name), url))),
        _ => {}
    }
    if let Some(url) = record.url() {
        let label = match record {
            Record::Source(_) => "Source document",
            _ => "Website",
        };
        links.push((label.to_string(), url.to_string()));
    }
    if !matches!(record, Record::Source(_)) {
        let source = record.citation().and_then(|(id, _)| kb.find_kind(Kind::Source, id));
        if let Some((s, url)) = source.and_then(|s| Some((s, kb.record(s).url()?))) {
            links.push((format!("Source: {}", kb.short_title(s)), url.to_string()));
        }
    }
    let mut seen = Vec::new();
    links.retain(|(_, url)| {
        let new = !seen.contains(url);
        seen.push(url.clone());
        new
    });
    links
}

/// Only the addresses of `links`, as the JSON `"links"` array gives them.
pub fn urls(kb: &KnowledgeBase, r: RecordRef) -> Vec<String> {
    links(kb, r).into_iter().map(|(_, url)| url).collect()
}

/// The ILO code of an instrument, as NORMLEX writes it: `C` or `P` and the number on three digits
/// (`C182`, `C029`, `P029`).
pub fn normlex_code(c: &Convention) -> String {
    format!("{}{:03}", c.instrument.letter(), c.number)
}

/// The NORMLEX page of a convention or protocol.
pub fn normlex_url(c: &Convention) -> String {
    format!("{NORMLEX_INSTRUMENT}{}", normlex_code(c))
}

/// The ILOSTAT country profile of an ISO 3166-1 alpha-3 code; `None` for anything else.
pub fn ilostat_url(iso3: &str) -> Option<String> {
    (iso3.len() == 3 && iso3.bytes().all(|b| b.is_ascii_alphabetic()))
        .then(|| format!("{ILOSTAT_COUNTRY}{}/", iso3.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().expect("the built-in knowledge base loads")
    }

    #[test]
    fn conventions_link_to_normlex_by_their_three_digit_code() {
        let kb = kb();
        let c182 = kb.find("C182").expect("C182");
        assert_eq!(
            urls(&kb, c182),
            ["https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182"]
        );
        let p29 = kb.find("P29").expect("P29");
        assert!(urls(&kb, p29)[0].ends_with("P12100_ILO_CODE:P029"));
        let c29 = kb.find("C29").expect("C29");
        assert!(urls(&kb, c29)[0].ends_with("P12100_ILO_CODE:C029"));
    }

    #[test]
    fn countries_link_to_their_ilostat_profile() {
        let kb = kb();
        let gha = kb.find("GHA").expect("GHA");
        assert_eq!(
            links(&kb, gha)[0].1,
            "https://ilostat.ilo.org/data/country-profiles/gha/"
        );
        assert_eq!(ilostat_url("G1A"), None);
    }

    #[test]
    fn a_record_with_a_url_keeps_it() {
        let kb = kb();
        let with_url = kb
            .all_refs()
            .find(|&r| kb.record(r).url().is_some())
            .expect("some partnership or resource has a url");
        let url = kb.record(with_url).url().expect("a url");
        assert!(urls(&kb, with_url).iter().any(|u| u == url));
    }
}
