//! `ipec search` as scripts use it: JSON in rank order with id, kind, title and score; aligned text.

use std::process::Command;

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

fn ipec(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(args)
        .output()
        .expect("ipec runs");
    assert!(out.status.success(), "ipec {args:?} failed");
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

#[test]
fn json_is_an_array_in_rank_order() {
    let text = ipec(&["search", "ghana", "fishing", "--format", "json"]);
    let hits: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let hits = hits.as_array().expect("an array");
    assert!(hits.len() >= 2);
    for hit in hits {
        for key in ["id", "kind", "title", "score"] {
            assert!(hit.get(key).is_some(), "{key} missing in {hit}");
        }
    }
    let scores: Vec<i64> = hits.iter().filter_map(|h| h["score"].as_i64()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(hits[0]["id"].as_str().is_some_and(|id| id.starts_with("gha-fishing")));
}

#[test]
fn text_is_one_aligned_line_per_result() {
    let text = ipec(&["search", "cote", "--limit", "5"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("Country") && lines[0].contains("CIV"));
    // The id column starts at the same display column on every line.
    let id_column = |line: &str| {
        line.find(char::is_whitespace)
            .map(|i| i + line[i..].find(|c: char| !c.is_whitespace()).unwrap_or(0))
    };
    let first = id_column(lines[0]);
    assert!(lines.iter().all(|l| id_column(l) == first), "{text}");
}

#[test]
fn kind_and_limit_are_applied() {
    let text = ipec(&[
        "search",
        "cotton",
        "--kind",
        "achievements",
        "--limit",
        "2",
        "--format",
        "json",
    ]);
    let hits: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let hits = hits.as_array().expect("an array");
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["kind"] == "achievement"));
}

#[test]
fn no_match_says_so_and_exits_1_as_grep_does() {
    let out = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(["search", "zzqqxx"])
        .output()
        .expect("ipec runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no record matches"));
}

#[test]
fn a_question_finds_records_matching_most_words_and_says_which_they_miss() {
    let text = ipec(&["search", "mica", "mining", "madagascar", "children", "--format", "json"]);
    let hits: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    let hits = hits.as_array().expect("an array");
    assert!(hits.iter().all(|h| h["missing"].is_array()), "{text}");
    let survey = hits
        .iter()
        .find(|h| h["id"] == "mdg-mica-vanilla-survey")
        .expect("the mica survey");
    assert_eq!(survey["missing"], serde_json::json!(["mining"]));

    let text = ipec(&["search", "mica", "mining", "madagascar", "children"]);
    let line = text
        .lines()
        .find(|l| l.contains("mdg-mica-vanilla-survey"))
        .expect("the mica survey");
    assert!(line.ends_with("· missing: mining"), "{line}");

    let full = ipec(&["search", "ghana", "fishing", "--format", "json"]);
    let full: serde_json::Value = serde_json::from_str(&full).expect("valid JSON");
    assert_eq!(full[0]["missing"], serde_json::json!([]));
}

#[test]
fn a_figure_s_line_gives_the_answer_first() {
    let text = ipec(&["search", "how", "many", "children", "are", "in", "child", "labour"]);
    let first = text.lines().next().expect("a result");
    assert!(first.contains("child-labour-2020-total"), "{text}");
    assert!(
        first.contains("160 million children — in child labour in 2020"),
        "{first}"
    );
}
