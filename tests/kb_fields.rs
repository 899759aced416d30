//! The fields of issue 14, parts 2 and 3, through the real binary on the valid fixture: what an event links
//! to (where it took place, what it is about, its partnerships, conventions and resources), the listing's
//! own date beside the day it happened, and the qualifier of a number ("more than 100"), as `ipec show`
//! prints them (text and JSON), as the CSV exports give them, and in a handout.

use std::collections::HashMap;
use std::process::{Command, Output};

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

const VALID: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/valid");

fn ipec(args: &[&str]) -> Output {
    let temp = tempfile::Builder::new()
        .prefix("ipec-fields-home-")
        .tempdir()
        .expect("creates a temp folder");
    let home = temp.path();
    let output = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(args)
        .args(["--data", VALID])
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("IPEC_THEME")
        .env_remove("IPEC_DATA")
        .output()
        .expect("the ipec binary runs");
    assert!(
        output.status.success(),
        "ipec {args:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn text(args: &[&str]) -> String {
    String::from_utf8(ipec(args).stdout).expect("UTF-8")
}

fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&text(args)).expect("valid JSON")
}

/// The CSV rows of `ipec list KIND --format csv`, keyed by id, each a map of column to cell.
fn csv(kind: &str) -> (Vec<String>, HashMap<String, HashMap<String, String>>) {
    let out = text(&["list", kind, "--format", "csv"]);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header").iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|r| {
            let row: HashMap<String, String> = header
                .iter()
                .cloned()
                .zip(r.expect("a CSV record").iter().map(String::from))
                .collect();
            (row["id"].clone(), row)
        })
        .collect();
    (header, rows)
}

#[test]
fn an_event_shows_where_it_took_place_what_it_is_about_and_its_listing_date() {
    let shown = text(&["show", "ghana-conference-2017"]);
    assert!(
        shown.contains("Event ghana-conference-2017 · 14 November 2017 – 16 November 2017 · Accra"),
        "the date is the day it happened:\n{shown}"
    );
    assert!(shown.contains("Listed on  7 November 2017"), "{shown}");
    for tag in [
        "took place in: Ghana",
        "about: Ghana",
        "about: Côte d’Ivoire",
        "partnership: Alliance 8.7",
        "convention: C182 Worst Forms of Child Labour Convention",
        "resource: Toolkit for National Action Plans",
    ] {
        assert!(shown.contains(tag), "missing `{tag}`:\n{shown}");
    }
}

#[test]
fn an_events_links_are_in_its_json_and_can_be_followed_back() {
    let value = json(&["show", "ghana-conference-2017", "--format", "json"]);
    let record = &value["record"];
    assert_eq!(record["date"], "2017-11-14");
    assert_eq!(record["listed"], "2017-11-07");
    assert_eq!(record["countries"], serde_json::json!(["GHA"]));
    assert_eq!(record["about_countries"], serde_json::json!(["GHA", "CIV"]));
    assert_eq!(record["partnerships"], serde_json::json!(["alliance"]));
    assert_eq!(record["conventions"], serde_json::json!(["C182"]));
    assert_eq!(record["resources"], serde_json::json!(["nap-toolkit"]));
    let links_to: Vec<(String, String)> = value["links_to"]
        .as_array()
        .expect("links_to")
        .iter()
        .map(|l| {
            (
                l["kind"].as_str().unwrap_or("").into(),
                l["id"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    for (kind, id) in [
        ("country", "GHA"),
        ("country", "CIV"),
        ("partnership", "alliance"),
        ("convention", "C182"),
        ("resource", "nap-toolkit"),
    ] {
        assert!(
            links_to.contains(&(kind.into(), id.into())),
            "{kind} {id}: {links_to:?}"
        );
    }
    // An event without any of the new fields writes none of them but `countries` and the link lists.
    let plain = json(&["show", "platform-meeting", "--format", "json"]);
    assert!(plain["record"].get("listed").is_none());

    // The records it is about list it among their events.
    for id in ["alliance", "C182", "nap-toolkit", "CIV"] {
        let shown = text(&["show", id]);
        assert!(
            shown.contains("Events (1)") && shown.contains("Ghana to host a conference on child labour in cocoa"),
            "{id} does not list the event:\n{shown}"
        );
    }
}

#[test]
fn the_events_csv_has_a_column_per_new_field() {
    let (header, rows) = csv("events");
    for column in [
        "listed",
        "about_countries",
        "about_country_names",
        "partnerships",
        "conventions",
        "resources",
    ] {
        assert!(header.iter().any(|h| h == column), "no `{column}` column: {header:?}");
    }
    let row = &rows["ghana-conference-2017"];
    assert_eq!(row["date"], "2017-11-14");
    assert_eq!(row["listed"], "2017-11-07");
    assert_eq!(row["countries"], "GHA");
    assert_eq!(row["about_countries"], "GHA; CIV");
    assert_eq!(row["about_country_names"], "Ghana; Côte d’Ivoire");
    assert_eq!(row["partnerships"], "alliance");
    assert_eq!(row["conventions"], "C182");
    assert_eq!(row["resources"], "nap-toolkit");
    assert_eq!(rows["platform-meeting"]["listed"], "");
}

#[test]
fn filters_find_events_by_what_they_are_about() {
    for args in [
        ["--partnership", "alliance 8.7"],
        ["--convention", "182"],
        ["--country", "ivory coast"],
    ] {
        let mut all = vec!["list", "events", "--format", "json"];
        all.extend(args);
        let found = json(&all);
        let ids: Vec<&str> = found
            .as_array()
            .expect("an array")
            .iter()
            .filter_map(|e| e["id"].as_str())
            .collect();
        assert_eq!(ids, ["ghana-conference-2017"], "{args:?}");
    }
}

#[test]
fn a_figures_qualifier_is_shown_before_its_number_everywhere() {
    let shown = text(&["show", "projects-since-1995"]);
    assert!(shown.contains("▸ more than 100 projects"), "{shown}");
    let value = json(&["show", "projects-since-1995", "--format", "json"]);
    assert_eq!(value["record"]["qualifier"], "more than");
    assert_eq!(value["record"]["value"], 100.0);
    assert_eq!(value["document"]["blocks"][0]["figures"][0]["value"], "more than 100");

    // A row's qualifier is in the chart.
    let chart = text(&["show", "informal-employment"]);
    assert!(chart.contains("Global employment     about 58 per cent"), "{chart}");

    let (header, rows) = csv("figures");
    assert!(header.iter().any(|h| h == "qualifier"));
    assert_eq!(rows["projects-since-1995"]["qualifier"], "more than");
    assert_eq!(rows["projects-since-1995"]["value"], "100");
    assert_eq!(rows["child-labour-by-sex"]["qualifier"], "");
    assert_eq!(
        rows["informal-employment"]["rows"],
        "Global employment: about 58; Low-income countries: 89"
    );

    // Markdown keeps it beside the value.
    let markdown = text(&["list", "figures", "--format", "markdown"]);
    assert!(markdown.contains("| more than | 100 |"), "{markdown}");
}

#[test]
fn a_headline_figures_qualifier_and_the_older_approximate_flag() {
    let shown = text(&["show", "gha-fishing"]);
    assert!(shown.contains("▸ nearly 80 per cent  vessels detained"), "{shown}");
    // `approximate = true` in the file loads as "about".
    let shown = text(&["show", "civ-cocoa"]);
    // The label starts with the unit, which is not repeated before it.
    assert!(shown.contains("▸ about 50  communities reached"), "{shown}");
    assert!(shown.contains("▸ 6,091 cocoa producers"), "{shown}");
    let value = json(&["show", "civ-cocoa", "--format", "json"]);
    let figures = value["record"]["figures"].as_array().expect("figures");
    assert!(figures[0].get("qualifier").is_none());
    assert_eq!(figures[1]["qualifier"], "about");
    assert!(figures[1].get("approximate").is_none(), "written only as a qualifier");

    let (_, rows) = csv("achievements");
    assert_eq!(rows["gha-fishing"]["figures"], "nearly 80 per cent: vessels detained");
    assert_eq!(
        rows["civ-cocoa"]["figures"],
        "6,091 cocoa producers: enrolled in health insurance; about 50 communities: communities reached"
    );
}

#[test]
fn a_handout_says_the_qualifier_too() {
    let markdown = text(&["handout", "short-tour"]);
    assert!(markdown.contains("**more than 100** Projects"), "{markdown}");
    assert!(markdown.contains("about 58"), "{markdown}");
    let html = text(&["handout", "short-tour", "--format", "html"]);
    assert!(html.contains(">more than 100<"), "{html}");
    assert!(html.contains(">about 58 per cent</text>"), "{html}");
}
