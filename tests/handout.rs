//! Handouts: the Markdown has every step and its sources; the HTML, parsed as a browser would, is one
//! self-contained file (nothing to fetch) with SVG charts and map, that prints a step per page; and an
//! existing file is never overwritten without --force.

use std::process::Command;

use scraper::{Html, Selector};

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

fn ipec(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(args)
        .output()
        .expect("ipec runs")
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    doc.select(&selector).collect()
}

#[test]
fn the_html_handout_is_self_contained_and_prints_a_step_per_page() {
    let out = ipec(&["handout", "forced-labour", "--format", "html"]);
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "the HTML parses cleanly: {:?}", doc.errors);
    for tag in ["script", "link", "img", "iframe", "object", "embed", "video", "audio"] {
        assert!(select(&doc, tag).is_empty(), "a <{tag}> would fetch or run something");
    }
    assert!(select(&doc, "[src]").is_empty(), "nothing has a src to fetch");
    let style: String = select(&doc, "style").iter().map(|s| s.inner_html()).collect();
    assert!(
        !style.contains("@import") && !style.contains("url("),
        "the style sheet fetches nothing"
    );
    assert!(
        style.contains("@media print") && style.contains("page-break-before"),
        "a print style"
    );
    // A section per step, then the sources.
    let sections = select(&doc, "section");
    assert_eq!(sections.len(), 13 + 1);
    assert!(sections
        .last()
        .is_some_and(|s| s.text().collect::<String>().contains("Sources")));
    // The chart steps are SVG bar charts; the whole file has no other kind of picture.
    let svgs = select(&doc, "svg");
    assert!(svgs.len() >= 2, "{} svgs", svgs.len());
    assert!(select(&doc, "svg rect").len() >= 3, "bars");
    // Every step that shows a record cites its source.
    let cited = sections
        .iter()
        .filter(|s| s.text().collect::<String>().contains("Source:"))
        .count();
    assert!(cited >= 10, "{cited} steps cite their source");
}

#[test]
fn the_map_step_is_an_svg_map_of_the_countries() {
    let out = ipec(&["handout", "ipec-in-ten-minutes", "--format", "html"]);
    let doc = Html::parse_document(&String::from_utf8(out.stdout).expect("UTF-8"));
    let circles = select(&doc, "svg circle");
    assert!(circles.len() >= 40, "a mark per country: {}", circles.len());
    let outline = select(&doc, "svg path");
    assert!(
        outline
            .iter()
            .any(|p| p.value().attr("d").is_some_and(|d| d.len() > 10_000)),
        "coastlines"
    );
}

#[test]
fn the_markdown_handout_has_every_step_tables_and_sources() {
    let out = ipec(&["handout", "supply-chains"]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.starts_with("# "));
    assert_eq!(
        md.matches("\n## ").count(),
        13 + 1,
        "a heading per step and the sources"
    );
    assert!(md.contains("|---"), "tables");
    assert!(md.contains("## Sources") && md.contains("IPEC+ Global Flagship Programme"));
}

#[test]
fn an_existing_file_is_kept_unless_forced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("handout.html");
    std::fs::write(&path, "mine").expect("write");
    let p = path.to_str().expect("UTF-8 path");
    let out = ipec(&["handout", "supply-chains", "--format", "html", "-o", p]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "mine", "untouched");
    let out = ipec(&["handout", "supply-chains", "--format", "html", "-o", p, "--force"]);
    assert!(out.status.success());
    assert!(std::fs::read_to_string(&path).expect("read").contains("<svg"));
}

#[test]
fn an_unknown_tour_is_an_error_that_lists_the_tours() {
    let out = ipec(&["handout", "no-such-tour"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("ipec-in-ten-minutes") && err.contains("forced-labour"),
        "{err}"
    );
}
