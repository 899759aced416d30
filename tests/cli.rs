//! The `ipec` binary as scripts use it: exit codes, output formats, errors.

use std::path::Path;
use std::process::{Command, Output};

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

fn ipec(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the ipec binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

#[test]
fn check_counts_every_kind_of_the_builtin_knowledge_base() {
    let out = ipec(&["check"]);
    assert!(out.status.success(), "{}", stdout(&out));
    let text = stdout(&out);
    assert!(text.starts_with("built-in knowledge base: ok"), "{text}");
    for kind in [
        "priorities",
        "areas",
        "conventions",
        "countries",
        "achievements",
        "figures",
        "partnerships",
        "events",
        "resources",
        "sources",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_end().ends_with(kind))
            .unwrap_or_else(|| panic!("no {kind} line"));
        let count: usize = line
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("a count");
        assert!(count > 0, "no {kind}");
    }
}

/// `ipec --version` names the knowledge base it carries, as `check` counts it; `check` ends on the same.
#[test]
fn the_version_names_the_built_in_knowledge_base_as_check_counts_it() {
    let version = stdout(&ipec(&["--version"]));
    let check = stdout(&ipec(&["check"]));
    let total = check
        .lines()
        .next()
        .and_then(|l| l.strip_prefix("built-in knowledge base: ok, "))
        .expect("a count")
        .replace(',', "");
    assert!(
        version.contains(&format!("knowledge base: {total}, data/ last changed ")),
        "{version}"
    );
    let date = version.split("last changed ").nth(1).expect("a date");
    let digits = |range: std::ops::Range<usize>| date[range].bytes().all(|b| b.is_ascii_digit());
    assert!(
        digits(0..4) && digits(5..7) && digits(8..10) && &date[4..5] == "-",
        "{date}"
    );
    assert!(
        version.contains("IPEC+ brochure, 2024"),
        "each source with its date: {version}"
    );
    let short = stdout(&ipec(&["-V"]));
    assert!(
        short.starts_with("ipec ") && short.contains(&format!(": {total}, content ")),
        "{short}"
    );
    assert!(check.trim_end().ends_with(short.trim_end()), "{check}");
}

#[test]
fn check_of_a_folder_says_it_is_not_the_built_in_knowledge_base() {
    let out = ipec(&["check", "--data", "tests/fixtures/valid"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let last = stdout(&out).lines().last().unwrap_or_default().to_string();
    assert!(last.contains("not the one built into ipec"), "{last}");
}

#[test]
fn check_reports_a_broken_file_at_its_line_and_exits_1() {
    let out = ipec(&["check", "--data", "tests/fixtures/invalid/unknown-reference"]);
    assert_eq!(out.status.code(), Some(1));
    // The folder as given, then the file in the system's own way (a backslash on Windows).
    let file = Path::new("tests/fixtures/invalid/unknown-reference").join("achievements.toml");
    assert_eq!(
        stdout(&out),
        format!(
            "{}:5:14: achievement `gha-fishing`: unknown country `GHN`; did you mean `GHA`?\n1 problem\n",
            file.display()
        )
    );
}

#[test]
fn show_ghana_gives_its_fishing_results_with_their_citation() {
    let out = ipec(&["show", "GHA"]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.starts_with("Ghana\n"), "{text}");
    assert!(text.contains("gha-fishing-shipping-notices"), "{text}");
    assert!(text.to_lowercase().contains("fishing"), "{text}");
    assert!(text.contains("Source: IPEC+ Global Flagship Programme"), "{text}");
}

#[test]
fn show_accepts_any_case_and_every_format() {
    let json = ipec(&["show", "c182", "--format", "json"]);
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("valid JSON");
    assert_eq!(value["id"], "C182");
    assert_eq!(value["kind"], "convention");
    assert!(value["record"]["ratifications"]
        .as_array()
        .is_some_and(|r| !r.is_empty()));
    assert!(
        value["linked_from"].as_array().is_some_and(|l| !l.is_empty()),
        "results cite C182"
    );

    let md = ipec(&["show", "GHA", "--format", "markdown"]);
    assert!(md.status.success());
    assert!(stdout(&md).starts_with("# Ghana\n"));
}

#[test]
fn show_an_unknown_id_names_the_closest_ids_and_exits_1() {
    let out = ipec(&["show", "GHN"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("no record has the id `GHN`"), "{err}");
    assert!(err.contains("GHA"), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn list_text_is_one_aligned_line_per_record() {
    let out = ipec(&["list", "countries"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let json = ipec(&["list", "countries", "--format", "json"]);
    let records: Vec<serde_json::Value> = serde_json::from_str(&stdout(&json)).expect("a JSON array");
    assert_eq!(text.lines().count(), records.len());
    // Every title starts in the same display column, whatever the width of the ids before it.
    let columns: Vec<usize> = text
        .lines()
        .map(|l| {
            let id_end = l.find(' ').expect("id then spaces");
            id_end + l[id_end..].find(|c: char| c != ' ').expect("a title")
        })
        .collect();
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{text}");
    assert!(records.iter().any(|r| r["id"] == "CIV" && r["region"] == "Africa"));
}

#[test]
fn list_rejects_an_unknown_kind() {
    let out = ipec(&["list", "planets"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown kind `planets`"));
}

#[test]
fn search_json_is_ranked_with_id_kind_title_and_score() {
    let out = ipec(&["search", "ghana", "--format", "json", "--limit", "5"]);
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = serde_json::from_str(&stdout(&out)).expect("a JSON array");
    assert!(!hits.is_empty() && hits.len() <= 5);
    assert_eq!(hits[0]["id"], "GHA");
    for hit in &hits {
        for field in ["id", "kind", "title", "score"] {
            assert!(!hit[field].is_null(), "{field} missing in {hit}");
        }
    }
}

#[test]
fn help_and_version_come_from_clap() {
    let help = ipec(&["--help"]);
    assert!(help.status.success());
    for command in ["check", "list", "show", "search", "tui"] {
        assert!(stdout(&help).contains(command), "--help lists {command}");
    }
    let version = ipec(&["--version"]);
    let first = stdout(&version).lines().next().map(str::to_string);
    assert_eq!(first, Some(format!("ipec {}", env!("CARGO_PKG_VERSION"))));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(["list", "achievements"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    drop(child.stdout.take());
    let status = child.wait().expect("exits");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("reads");
    assert!(status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn check_prints_hostile_text_escaped_one_problem_a_line() {
    let out = ipec(&["check", "--data", "tests/fixtures/invalid/hostile-text"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    let raw = text.chars().find(|&c| c != '\n' && ipec::kb::text::needs_escape(c));
    assert!(raw.is_none(), "raw {raw:?} reached the terminal:\n{text}");
    assert!(text.contains("unknown country `GH\\u{1b}[2JA`"), "{text}");
    // The newline inside a value cannot forge a problem line of its own.
    let folder = format!("tests/fixtures/invalid/hostile-text{}", std::path::MAIN_SEPARATOR);
    let forged = text
        .lines()
        .filter(|l| l.starts_with(&format!("{folder}achievements.toml:1:1")));
    assert_eq!(forged.count(), 0, "{text}");
    assert!(text.lines().all(|l| l.starts_with(&folder) || l.ends_with("problems")));
}

#[test]
fn show_escapes_an_id_typed_with_control_characters() {
    let out = ipec(&["show", "G\u{1b}[2JH"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("`G\\u{1b}[2JH`"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
}

#[test]
fn an_unknown_kind_typed_with_an_escape_is_echoed_escaped() {
    let out = ipec(&["list", "pla\u{1b}[2Jnets"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("unknown kind `pla\\u{1b}[2Jnets`"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err}");
}
