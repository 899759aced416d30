//! Handouts: each step as its slide shows it, in Markdown, in HTML (parsed as a browser would: one
//! self-contained file that prints a step per page, the map drawn from country shapes) and in PDF (parsed:
//! its pages, their size, their running header and text); never a keepers' note in any of them; the
//! records in full only with --full; the sources at the end with their addresses; and an existing file
//! never overwritten without --force.

use std::path::Path;
use std::process::Command;

use ipec::kb::{Kind, KnowledgeBase, Record};
use scraper::{Html, Selector};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

const TOURS: [&str; 3] = ["ipec-in-ten-minutes", "forced-labour", "supply-chains"];

fn ipec(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(args)
        .output()
        .expect("ipec runs")
}

fn text_of(args: &[&str]) -> String {
    let out = ipec(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    doc.select(&selector).collect()
}

fn kb() -> KnowledgeBase {
    KnowledgeBase::builtin().expect("the built-in knowledge base loads")
}

fn steps(kb: &KnowledgeBase, tour: &str) -> Vec<ipec::kb::TourStep> {
    let r = kb.find_kind(Kind::Tour, tour).expect("the tour");
    kb.tours[r.index].steps.clone()
}

/// Text as a reader compares it: accents and case folded, curly apostrophes straight, spaces single.
fn norm(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .replace('’', "'")
        .to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first 40 characters of every sentence of 40 or more in a keepers' note (a record's `note`, and
/// a ratification count's), folded.
fn notes(kb: &KnowledgeBase) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for kind in Kind::ALL {
        for r in kb.refs(kind) {
            let record = kb.record(r);
            all.extend(record.note().map(String::from));
            if let Record::Convention(c) = record {
                all.extend(c.ratifications.iter().filter_map(|rat| rat.note.clone()));
            }
        }
    }
    let mut starts = Vec::new();
    for note in all {
        // A sentence ends at a full stop, semicolon or colon before a space ("3.5 people" goes on).
        let mut sentence = String::new();
        let mut chars = note.chars().peekable();
        while let Some(c) = chars.next() {
            sentence.push(c);
            if matches!(c, '.' | ';' | ':') && chars.peek().is_some_and(|n| n.is_whitespace()) {
                starts.extend(start_of(&sentence));
                sentence.clear();
            }
        }
        starts.extend(start_of(&sentence));
    }
    starts
}

fn start_of(sentence: &str) -> Option<String> {
    let sentence = norm(sentence);
    (sentence.chars().count() >= 40).then(|| sentence.chars().take(40).collect())
}

/// The text of a PDF, page by page, read in the test itself (pdf-extract, pure Rust), so that it is
/// read the same way on every platform the suite runs on, the Windows build under Wine included.
fn pdf_pages(path: &Path) -> Vec<String> {
    let bytes = std::fs::read(path).expect("the PDF");
    let pages = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("a PDF whose text reads");
    pages.iter().map(|page| unspaced(page)).collect()
}

/// pdf-extract puts a space after every glyph of a line ipec writes glyph by glyph, so a word's
/// letters stand one space apart and words three: this gives the words back.
fn unspaced(page: &str) -> String {
    let lines = page.lines().map(|line| {
        line.split("   ")
            .map(|word| word.replace(' ', ""))
            .collect::<Vec<_>>()
            .join(" ")
    });
    lines.collect::<Vec<_>>().join("\n")
}

/// How many pages a PDF has, and the size of each, read from its page objects.
fn pdf_layout(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.match_indices("/MediaBox [")
        .map(|(i, _)| {
            let rest = &text[i + "/MediaBox [".len()..];
            rest[..rest.find(']').expect("a closed box")].to_string()
        })
        .collect()
}

#[test]
fn the_html_handout_is_self_contained_and_prints_a_step_per_page() {
    let kb = kb();
    let html = text_of(&["handout", "forced-labour", "--format", "html"]);
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
    assert!(style.contains("counter(page)"), "printed pages are numbered");
    // A section per step, each with its heading and points, then the sources.
    let steps = steps(&kb, "forced-labour");
    let sections = select(&doc, "section.step");
    assert_eq!(sections.len(), steps.len());
    for (section, step) in sections.iter().zip(&steps) {
        let text = section.text().collect::<String>();
        assert!(text.contains(&step.heading), "{}", step.heading);
        for point in step.all_points() {
            assert!(text.contains(&point), "{point}");
        }
        assert!(text.contains("Source:"), "{} cites its source", step.heading);
    }
    let all = select(&doc, "section");
    assert_eq!(all.len(), steps.len() + 1, "no appendix without --full");
    assert!(all
        .last()
        .is_some_and(|s| s.text().collect::<String>().contains("Sources")));
    // The chart steps are the scene's bar charts.
    assert!(
        select(&doc, "section.step figure svg").len() >= 3,
        "two charts and the timeline"
    );
    assert!(select(&doc, "svg rect").len() >= 8, "bars");
}

/// (x0, y0, x1, y1).
type Box = (f64, f64, f64, f64);

/// A box for each text of a picture, as wide as 0.55 em a character (what a reader's font may take),
/// with its text, and one for each mark.
fn boxes(svg: scraper::ElementRef) -> (Vec<(Box, String)>, Vec<Box>) {
    let attr = |e: &scraper::ElementRef, name: &str| -> f64 {
        e.value().attr(name).and_then(|v| v.parse().ok()).unwrap_or(0.0)
    };
    let texts = svg
        .select(&Selector::parse("text").expect("selector"))
        .map(|t| {
            let text: String = t.text().collect::<String>().trim().to_string();
            let (x, y, size) = (attr(&t, "x"), attr(&t, "y"), attr(&t, "font-size"));
            let w = 0.55 * size * text.chars().count() as f64;
            let x0 = match t.value().attr("text-anchor") {
                Some("end") => x - w,
                Some("middle") => x - w / 2.0,
                _ => x,
            };
            ((x0, y - size * 0.8, x0 + w, y + size * 0.2), text)
        })
        .collect();
    let marks = svg
        .select(&Selector::parse("circle").expect("selector"))
        .map(|c| {
            let (x, y, r) = (attr(&c, "cx"), attr(&c, "cy"), attr(&c, "r"));
            (x - r, y - r, x + r, y + r)
        })
        .collect();
    (texts, marks)
}

#[test]
fn the_map_step_is_one_svg_of_country_shapes_with_labels_that_never_collide() {
    for tour in ["supply-chains", "ipec-in-ten-minutes"] {
        let html = text_of(&["handout", tour, "--format", "html"]);
        let doc = Html::parse_document(&html);
        let maps: Vec<_> = select(&doc, "figure > svg")
            .into_iter()
            .filter(|svg| svg.select(&Selector::parse("path").expect("selector")).count() >= 120)
            .collect();
        assert_eq!(maps.len(), 1, "{tour}: one map, of country shapes");
        let map = maps[0];
        let inner = |css: &str| map.select(&Selector::parse(css).expect("selector")).count();
        assert_eq!(inner("svg"), 0, "{tour}: one element, no picture nested in it");
        assert!(inner("circle") >= 20, "{tour}: a mark per country");
        let (texts, marks) = boxes(map);
        let over = |a: Box, b: Box| a.0 < b.2 - 0.5 && b.0 < a.2 - 0.5 && a.1 < b.3 - 0.5 && b.1 < a.3 - 0.5;
        for (i, (a, text)) in texts.iter().enumerate() {
            for (b, other) in &texts[i + 1..] {
                assert!(!over(*a, *b), "{tour}: {text} / {other}");
            }
            for m in &marks {
                assert!(!over(*a, *m), "{tour}: {text} covers a mark");
            }
        }
        if tour == "supply-chains" {
            assert!(
                texts.iter().any(|(_, t)| t.starts_with("Ghana")),
                "the step names Ghana"
            );
        }
    }
}

#[test]
fn the_markdown_handout_has_every_step_its_points_its_visual_and_sources() {
    let kb = kb();
    for tour in TOURS {
        let md = text_of(&["handout", tour]);
        let steps = steps(&kb, tour);
        assert!(md.starts_with("# "));
        assert_eq!(
            md.matches("\n## ").count(),
            steps.len() + 1,
            "{tour}: a heading per step and the sources"
        );
        for step in &steps {
            assert!(md.contains(&step.heading), "{tour}: {}", step.heading);
        }
        assert!(md.contains("*Source: "), "{tour}: source lines");
        let tail = &md[md.len() * 7 / 10..];
        assert!(
            tail.contains("## Sources") && tail.contains("https://"),
            "{tour}: the sources and their addresses at the end"
        );
        assert!(!md.contains("Appendix"), "{tour}: no appendix without --full");
    }
    let md = text_of(&["handout", "ipec-in-ten-minutes"]);
    assert!(md.contains("|---"), "the matrix as a table");
    assert!(
        md.contains("3 to 9 results: Nepal 9"),
        "the map as a list of its shades"
    );
    assert!(
        md.contains("**160 million** children in child labour"),
        "the headline number"
    );
}

#[test]
fn full_adds_the_records_in_an_appendix() {
    for tour in TOURS {
        let md = text_of(&["handout", tour]);
        let full = text_of(&["handout", tour, "--full"]);
        assert!(
            full.len() * 10 >= md.len() * 13,
            "{tour}: {} against {}",
            full.len(),
            md.len()
        );
        let appendix = full.find("## Appendix: the records in full").expect("an appendix");
        assert!(
            full[appendix..].contains("## Sources"),
            "{tour}: the sources still last"
        );
    }
    let html = text_of(&["handout", "ipec-in-ten-minutes", "--format", "html", "--full"]);
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "section.appendix article").len() >= 8);
}

#[test]
fn no_handout_carries_a_keepers_note() {
    let kb = kb();
    let notes = notes(&kb);
    assert!(notes.len() > 100, "the knowledge base has notes to look for");
    let dir = tempfile::tempdir().expect("temp dir");
    for tour in TOURS {
        let mut text = text_of(&["handout", tour]);
        let html = text_of(&["handout", tour, "--format", "html"]);
        text.push_str(&Html::parse_document(&html).root_element().text().collect::<String>());
        let pdf = dir.path().join(format!("{tour}.pdf"));
        let p = pdf.to_str().expect("UTF-8 path");
        assert!(ipec(&["handout", tour, "--format", "pdf", "-o", p]).status.success());
        text.extend(pdf_pages(&pdf));
        let text = norm(&text);
        let leaks: Vec<&String> = notes.iter().filter(|n| text.contains(n.as_str())).collect();
        assert!(leaks.is_empty(), "{tour}: {leaks:?}");
        // The records in full quote their sources, and so do some notes: what --full must never hold
        // is a note's own block (the library's unit tests check every record's document for it).
        let full = text_of(&["handout", tour, "--full"]);
        for noted in ["Note:", "Ambiguous:", "gives no date for the count"] {
            assert!(!full.contains(noted), "{tour}: {noted}");
        }
    }
}

#[test]
fn the_pdf_handout_is_a4_numbered_and_about_a_page_per_step() {
    let kb = kb();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("handout.pdf");
    let p = path.to_str().expect("UTF-8 path");
    let out = ipec(&["handout", "ipec-in-ten-minutes", "--format", "pdf", "-o", p]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bytes = std::fs::read(&path).expect("the PDF");
    assert!(bytes.starts_with(b"%PDF"));
    let boxes = pdf_layout(&bytes);
    let steps = steps(&kb, "ipec-in-ten-minutes");
    assert!(
        !boxes.is_empty() && boxes.len() <= steps.len() + 2,
        "{} pages for {} steps",
        boxes.len(),
        steps.len()
    );
    assert!(boxes.iter().all(|b| b == "0 0 595 842"), "A4: {boxes:?}");
    let pages = pdf_pages(&path);
    assert_eq!(pages.len(), boxes.len());
    for (i, page) in pages.iter().enumerate() {
        let number = format!("Page {} of {}", i + 1, pages.len());
        let head = page.lines().find(|l| l.contains(&number));
        assert!(
            head.is_some_and(|l| l.contains("IPEC+ in ten minutes")),
            "page {}: no running head with the tour and {number} in {page}",
            i + 1
        );
    }
    let text = norm(&pages.join(" "));
    for step in &steps {
        assert!(text.contains(&norm(&step.heading)), "{}", step.heading);
    }
    assert!(text.contains("sources") && text.contains("https://"), "the sources");
}

#[test]
fn the_pdf_handout_comes_on_letter_paper_and_through_a_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("letter.pdf");
    let p = path.to_str().expect("UTF-8 path");
    let out = ipec(&[
        "handout",
        "forced-labour",
        "--format",
        "pdf",
        "--paper",
        "letter",
        "-o",
        p,
    ]);
    assert!(out.status.success());
    let boxes = pdf_layout(&std::fs::read(&path).expect("the PDF"));
    assert!(boxes.iter().all(|b| b == "0 0 612 792"), "Letter: {boxes:?}");
    // Standard output that is not a terminal takes the PDF as it is.
    let out = ipec(&["handout", "forced-labour", "--format", "pdf"]);
    assert!(out.status.success() && out.stdout.starts_with(b"%PDF"));
    // An existing file is kept.
    let out = ipec(&["handout", "forced-labour", "--format", "pdf", "-o", p]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
}

#[test]
fn paper_sets_the_page_of_an_html_handout_and_is_refused_for_markdown() {
    let html = |extra: &[&str]| {
        let mut args = vec!["handout", "forced-labour", "--format", "html"];
        args.extend_from_slice(extra);
        let out = ipec(&args);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(html(&["--paper", "letter"]).contains("@page { size: letter;"));
    assert!(html(&["--paper", "a4"]).contains("@page { size: A4;"));
    assert!(
        html(&[]).contains("@page { margin"),
        "without --paper, the browser's own page"
    );
    let out = ipec(&["handout", "forced-labour", "--paper", "letter"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Markdown has no pages"), "{err}");
    assert!(out.stdout.is_empty());
}

// Unix only: it needs a Unix pseudo-terminal, which Wine does not provide.
#[cfg(unix)]
#[test]
fn a_pdf_is_never_written_to_a_terminal() {
    use portable_pty::{native_pty_system, CommandBuilder, PtySize};
    use std::io::Read;
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let size = PtySize {
        rows: 24,
        cols: 100,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pty = native_pty_system().openpty(size).expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ipec"));
    cmd.args(["handout", "ipec-in-ten-minutes", "--format", "pdf"]);
    cmd.env("IPEC_CACHE_DIR", TEST_CACHE);
    let mut child = pty.slave.spawn_command(cmd).expect("ipec starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let seen = Arc::new(Mutex::new(Vec::new()));
    let feed = Arc::clone(&seen);
    // It reads until ipec has ended: the slave end is ipec's alone, so its exit ends the reading.
    let reading = std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            feed.lock().expect("the transcript").extend_from_slice(&buf[..n]);
        }
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "ipec did not end");
        std::thread::sleep(Duration::from_millis(30));
    };
    reading.join().expect("the transcript is read to its end");
    let seen = String::from_utf8_lossy(&seen.lock().expect("the transcript")).to_string();
    assert!(!status.success());
    assert!(!seen.contains("%PDF") && seen.contains("-o FILE"), "{seen}");
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
