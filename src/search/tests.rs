//! Unit tests of the index over the built-in knowledge base. Ranking expectations on realistic queries
//! live in `tests/search_ranking.rs`; these check the mechanics.

use super::*;
use std::sync::OnceLock;

fn kb() -> &'static KnowledgeBase {
    static KB: OnceLock<KnowledgeBase> = OnceLock::new();
    KB.get_or_init(|| KnowledgeBase::builtin().expect("the built-in knowledge base is valid"))
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(kb()))
}

fn ids(query: &str, kind: Option<Kind>, limit: usize) -> Vec<String> {
    index()
        .search(kb(), query, kind, limit)
        .iter()
        .map(|h| kb().id(h.record).to_string())
        .collect()
}

fn first(query: &str) -> String {
    ids(query, None, 1).pop().unwrap_or_default()
}

#[test]
fn case_and_diacritics_do_not_matter() {
    assert_eq!(first("CÔTE D’IVOIRE"), "CIV");
    assert_eq!(first("cote d'ivoire"), "CIV");
    assert_eq!(ids("carnaúba", None, 5), ids("CARNAUBA", None, 5));
}

#[test]
fn numbers_match_with_or_without_separators() {
    assert_eq!(first("4690"), "cod-clmrs-mine-sites");
    assert_eq!(first("4,690"), "cod-clmrs-mine-sites");
    assert_eq!(ids("4.690", None, 3), ids("4690", None, 3));
}

#[test]
fn prefixes_match_while_typing() {
    assert_eq!(first("madag"), "MDG");
    assert_eq!(first("telang"), "ind-telangana-cotton-dialogue-platform");
}

#[test]
fn typos_in_names_still_match() {
    assert_eq!(first("Madagaskar"), "MDG");
    assert!(first("Telengana").starts_with("ind-telangana"));
}

#[test]
fn every_word_must_match_somewhere() {
    let hits = ids("ghana fishing", None, 50);
    assert!(!hits.is_empty());
    assert!(hits[..2].iter().all(|id| id.starts_with("gha-fishing")), "{hits:?}");
    // The Work in Fishing Convention's summary names Ghana: it qualifies, below the two titles.
    assert!(hits.contains(&"C188".to_string()));
    assert!(ids("ghana zzzzqqq", None, 10).is_empty());
}

#[test]
fn words_match_across_fields_in_any_order() {
    // "cotton" is a sector and in the title, "india" is the linked country's name.
    assert_eq!(ids("cotton india", None, 3), ids("india cotton", None, 3));
    assert!(ids("india cotton", None, 3).contains(&"ind-cotton-farmers-trade-union".to_string()));
}

#[test]
fn kind_filter_keeps_only_that_kind() {
    let hits = index().search(kb(), "ghana", Some(Kind::Achievement), 100);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.record.kind == Kind::Achievement));
    assert!(index().search(kb(), "telangana", Some(Kind::Convention), 10).is_empty());
}

#[test]
fn limit_caps_results_and_keeps_the_best() {
    let all = ids("child", None, 1000);
    assert!(all.len() > 5);
    assert_eq!(ids("child", None, 5), all[..5]);
    assert!(ids("child", None, 0).is_empty());
}

#[test]
fn empty_query_matches_nothing() {
    assert!(ids("", None, 10).is_empty());
    assert!(ids("  ,;- ", None, 10).is_empty());
}

#[test]
fn results_are_in_descending_score_order() {
    let hits = index().search(kb(), "child labour", None, 200);
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn title_matches_are_char_indices_of_the_title() {
    let hits = index().search(kb(), "cote", None, 1);
    let title = kb().title(hits[0].record);
    let chars: Vec<char> = title.chars().collect();
    let marked: String = hits[0].title_matches.iter().map(|&i| chars[i]).collect();
    assert_eq!(marked, "Côte");
}

#[test]
fn exact_name_beats_prefix_beats_body() {
    let hits = index().search(kb(), "ghana", None, 10);
    assert_eq!(kb().id(hits[0].record), "GHA");
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn an_empty_knowledge_base_finds_nothing() {
    let kb = KnowledgeBase::default();
    let index = SearchIndex::build(&kb);
    assert!(index.search(&kb, "ghana", None, 10).is_empty());
}

#[test]
fn very_short_prefixes_skip_running_text() {
    // "Lualaba" is only in the running text of the DRC mine-sites result.
    let with = |q: &str| ids(q, None, 300).contains(&"cod-clmrs-mine-sites".to_string());
    assert!(!with("lu"));
    assert!(with("lua"));
    assert!(with("lualaba"));
}

#[test]
fn pasted_walls_of_text_are_cheap_and_harmless() {
    let long_word = "a".repeat(5000);
    assert!(ids(&long_word, None, 10).is_empty());
    // 4,000 words still find what they name (how fast lives in the keystroke benchmarks).
    let many_words = "child labour ".repeat(2000);
    let found = ids(&many_words, None, 10);
    assert!(found.contains(&"child-labour-platform".to_string()), "{found:?}");
}
