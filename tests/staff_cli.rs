//! What programme staff do from the shell (issue 12): names instead of ids, filters, CSV and Markdown,
//! grep-like exit codes, links, settings, completions and the man page. Each test runs the real binary
//! with a config folder of its own and without IPEC_THEME or IPEC_DATA from the caller's environment.

use std::path::Path;
use std::process::{Command, Output};

/// The cache of the commands run here: the tests' own, never the user's (a test build's file would
/// replace the one the user's ipec wrote).
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

/// A fresh, empty folder for one test, removed when it is dropped.
fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("ipec-staff-{name}-"))
        .tempdir()
        .expect("creates a temp folder")
}

/// `ipec ARGS` with `home` as HOME and XDG_CONFIG_HOME=home/.config (IPEC_CONFIG_DIR on Windows), and the
/// given environment.
fn ipec_in(home: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ipec"));
    command.env("IPEC_CACHE_DIR", TEST_CACHE);
    command
        .args(args)
        .env("NO_COLOR", "1")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env_remove("IPEC_THEME")
        .env_remove("IPEC_DATA")
        .env_remove("IPEC_CONFIG_DIR");
    // Windows takes the config folder from its known folders, which no variable moves: there
    // IPEC_CONFIG_DIR puts it where XDG_CONFIG_HOME puts it on Linux.
    if cfg!(windows) {
        command.env("IPEC_CONFIG_DIR", home.join(".config").join("ipec"));
    }
    for (var, value) in env {
        command.env(var, value);
    }
    command.output().expect("the ipec binary runs")
}

/// `ipec ARGS` with no config file and no settings in the environment.
fn ipec(args: &[&str]) -> Output {
    let home = temp_dir("empty-home");
    ipec_in(home.path(), &[], args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn json(output: &Output) -> serde_json::Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_str(&stdout(output)).expect("valid JSON")
}

/// The CSV output as records keyed by column, read by the csv crate.
fn csv_rows(output: &Output) -> (Vec<String>, Vec<std::collections::HashMap<String, String>>) {
    assert!(output.status.success(), "{}", stderr(output));
    let text = stdout(output);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.expect("a well-formed CSV record");
            header.iter().cloned().zip(r.iter().map(String::from)).collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn show_takes_names_and_aliases_folded() {
    for (typed, id) in [
        ("Ghana", "GHA"),
        ("ivory coast", "CIV"),
        ("cote d'ivoire", "CIV"),
        ("COTE D’IVOIRE", "CIV"),
        ("viet nam", "VNM"),
        ("Vietnam", "VNM"),
        ("c029", "C29"),
    ] {
        let value = json(&ipec(&["show", typed, "--format", "json"]));
        assert_eq!(value["id"], id, "{typed}");
    }
}

#[test]
fn an_unknown_or_ambiguous_name_lists_the_candidates_and_exits_1() {
    let typo = ipec(&["show", "Ghanna"]);
    assert_eq!(typo.status.code(), Some(1));
    assert!(stdout(&typo).is_empty());
    let err = stderr(&typo);
    assert!(err.contains("did you mean") && err.contains("GHA (Ghana)"), "{err}");

    let ambiguous = ipec(&["show", "29"]);
    assert_eq!(ambiguous.status.code(), Some(1));
    let err = stderr(&ambiguous);
    assert!(err.contains("C29 (") && err.contains("P29 ("), "{err}");
}

#[test]
fn filters_take_names_and_combine_with_and() {
    let by_id = json(&ipec(&["list", "achievements", "--country", "CIV", "--format", "json"]));
    let by_alias = json(&ipec(&[
        "list",
        "achievements",
        "--country",
        "ivory coast",
        "--format",
        "json",
    ]));
    assert_eq!(by_id, by_alias);
    let civ = by_id.as_array().expect("an array");
    assert!(civ.len() >= 3);
    assert!(civ
        .iter()
        .all(|a| a["countries"].as_array().expect("countries").contains(&"CIV".into())));

    let civ_cocoa = json(&ipec(&[
        "list",
        "achievements",
        "--country",
        "CIV",
        "--sector",
        "cocoa",
        "--format",
        "json",
    ]));
    let civ_cocoa = civ_cocoa.as_array().expect("an array");
    assert!(!civ_cocoa.is_empty() && civ_cocoa.len() < civ.len());
    for a in civ_cocoa {
        assert!(a["countries"].as_array().expect("countries").contains(&"CIV".into()));
        assert!(a["sectors"].as_array().expect("sectors").contains(&"cocoa".into()));
    }
}

#[test]
fn region_and_year_filters_match_countries_and_periods() {
    let africa = json(&ipec(&["list", "countries", "--region", "africa", "--format", "json"]));
    let africa = africa.as_array().expect("an array");
    assert!(africa.len() >= 5 && africa.iter().all(|c| c["region"] == "Africa"));

    let years = json(&ipec(&[
        "list",
        "achievements",
        "--year",
        "2016-2017",
        "--format",
        "json",
    ]));
    let years = years.as_array().expect("an array");
    assert!(!years.is_empty());
    for a in years {
        let period = a["period"].as_str().expect("a dated result has a period");
        let (first, last) = period.split_once('-').unwrap_or((period, period));
        let (first, last): (i32, i32) = (first.parse().expect("year"), last.parse().expect("year"));
        assert!(first <= 2017 && last >= 2016, "{period} is outside 2016-2017");
    }

    let events = json(&ipec(&["list", "events", "--year", "2023", "--format", "json"]));
    let events = events.as_array().expect("an array");
    assert!(!events.is_empty());
    assert!(events
        .iter()
        .all(|e| e["date"].as_str().is_some_and(|d| d.starts_with("2023"))));
}

#[test]
fn a_filter_that_names_nothing_or_does_not_apply_is_a_clear_error() {
    let nowhere = ipec(&["list", "achievements", "--country", "Atlantis"]);
    assert_eq!(nowhere.status.code(), Some(1));
    assert!(stdout(&nowhere).is_empty());
    assert!(
        stderr(&nowhere).contains("--country: no country has the id `Atlantis`"),
        "{}",
        stderr(&nowhere)
    );

    let typo = ipec(&["list", "achievements", "--sector", "cocao"]);
    assert_eq!(typo.status.code(), Some(1));
    assert!(stderr(&typo).contains("did you mean") && stderr(&typo).contains("cocoa"));

    let wrong_kind = ipec(&["list", "countries", "--sector", "cocoa"]);
    assert_eq!(wrong_kind.status.code(), Some(2));
    assert!(stderr(&wrong_kind).contains("--sector"), "{}", stderr(&wrong_kind));

    let bad_year = ipec(&["list", "achievements", "--year", "recently"]);
    assert_eq!(bad_year.status.code(), Some(2));
    assert!(stderr(&bad_year).contains("--year"));
}

#[test]
fn csv_has_a_header_and_one_row_per_record() {
    let (header, rows) = csv_rows(&ipec(&["list", "achievements", "--country", "GHA", "--format", "csv"]));
    assert_eq!(&header[..2], ["id", "title"]);
    assert!(header.contains(&"countries".to_string()) && header.contains(&"summary".to_string()));
    let listed = json(&ipec(&["list", "achievements", "--country", "GHA", "--format", "json"]));
    let ids: Vec<&str> = listed
        .as_array()
        .expect("an array")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    let csv_ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str()).collect();
    assert_eq!(csv_ids, ids);
    for row in &rows {
        assert!(row["countries"].split("; ").any(|c| c == "GHA"), "{row:?}");
    }
    // Several values in one field, joined with "; ".
    assert!(rows
        .iter()
        .any(|r| r["countries"] == "CIV; GHA" && r["country_names"].contains("; Ghana")));
    // Summaries with commas and quotes survive the round trip, on one line each.
    assert!(rows
        .iter()
        .all(|r| !r["summary"].is_empty() && !r["summary"].contains('\n')));
}

#[test]
fn every_kind_exports_as_csv_and_markdown() {
    for kind in [
        "priorities",
        "areas",
        "conventions",
        "countries",
        "figures",
        "events",
        "sources",
        "programme",
    ] {
        let count = json(&ipec(&["list", kind, "--format", "json"]))
            .as_array()
            .expect("an array")
            .len();
        let (_, rows) = csv_rows(&ipec(&["list", kind, "--format", "csv"]));
        assert_eq!(rows.len(), count, "{kind}");

        let md = ipec(&["list", kind, "--format", "markdown"]);
        assert!(md.status.success());
        let text = stdout(&md);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("| Id |"), "{kind}: {text}");
        assert!(lines[1].starts_with("|---|"), "{kind}: {text}");
        assert_eq!(
            lines.len(),
            count + 2,
            "{kind}: a header, a rule and one line per record"
        );
        let columns = lines[0].matches(" | ").count();
        assert!(lines.iter().skip(2).all(|l| l.starts_with("| ") && l.ends_with(" |")));
        assert!(lines
            .iter()
            .skip(2)
            .all(|l| l.replace("\\|", "").matches(" | ").count() == columns));
    }
}

#[test]
fn show_exports_one_record_as_csv() {
    let (header, rows) = csv_rows(&ipec(&["show", "C182", "--format", "csv"]));
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["id"], "C182");
    assert!(header.contains(&"links".to_string()));
    assert!(rows[0]["links"].starts_with("https://normlex.ilo.org/"));
}

#[test]
fn search_exits_1_when_nothing_matches() {
    for format in ["text", "json", "csv", "markdown"] {
        let none = ipec(&["search", "zzqqxx", "--format", format]);
        assert_eq!(none.status.code(), Some(1), "{format}");
        assert!(stderr(&none).contains("no record matches"), "{format}");
    }
    let filtered_away = ipec(&["search", "cocoa", "--country", "Nepal"]);
    assert_eq!(filtered_away.status.code(), Some(1));
    let some = ipec(&["search", "cocoa"]);
    assert_eq!(some.status.code(), Some(0));
}

#[test]
fn search_finds_countries_through_their_results() {
    let hits = json(&ipec(&["search", "cocoa", "--kind", "country", "--format", "json"]));
    let ids: Vec<&str> = hits
        .as_array()
        .expect("an array")
        .iter()
        .map(|h| h["id"].as_str().expect("id"))
        .collect();
    assert!(ids.contains(&"GHA") && ids.contains(&"CIV"), "{ids:?}");
    assert!(!ids.contains(&"NPL"), "{ids:?}");
}

#[test]
fn search_filters_csv_and_figures_with_their_unit() {
    let (header, rows) = csv_rows(&ipec(&["search", "cocoa", "--country", "Ghana", "--format", "csv"]));
    assert_eq!(header, ["kind", "id", "title", "detail", "score"]);
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|r| r["id"] == "GHA" || r["detail"].contains("Ghana")),
        "{rows:?}"
    );

    let text = stdout(&ipec(&["search", "child", "labour", "2020", "--kind", "figures"]));
    let line = text
        .lines()
        .find(|l| l.contains("child-labour-2020-total"))
        .expect("the 2020 total");
    assert!(line.contains("160 million children"), "{line}");
}

#[test]
fn show_json_links_to_the_authoritative_pages() {
    let c182 = json(&ipec(&["show", "C182", "--format", "json"]));
    assert_eq!(
        c182["links"][0],
        "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182"
    );
    assert!(c182["links_to"].as_array().is_some_and(|l| !l.is_empty()));
    let p29 = json(&ipec(&["show", "P29", "--format", "json"]));
    assert!(p29["links"][0]
        .as_str()
        .is_some_and(|u| u.ends_with("P12100_ILO_CODE:P029")));
    let gha = json(&ipec(&["show", "Ghana", "--format", "json"]));
    assert_eq!(gha["links"][0], "https://ilostat.ilo.org/data/country-profiles/gha/");
    let text = stdout(&ipec(&["show", "GHA"]));
    assert!(
        text.contains("\nLinks\n") && text.contains("country-profiles/gha/"),
        "{text}"
    );
}

#[test]
fn completions_for_every_shell_and_a_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ipec(&["completions", shell]);
        assert!(out.status.success(), "{shell}");
        let script = stdout(&out);
        assert!(script.len() > 500 && script.contains("ipec"), "{shell}");
        // Dynamic: the script asks ipec itself, by its full path (tests/conventions.rs runs it in
        // bash). Under Wine that path is the Windows one of the same file (Z:\...\ipec.exe).
        let program = env!("CARGO_BIN_EXE_ipec");
        let windows_path = format!("\\{}", program.rsplit(['/', '\\']).next().unwrap_or(program));
        assert!(
            script.contains("COMPLETE")
                && (script.contains(program) || cfg!(windows) && script.contains(&windows_path)),
            "{shell}"
        );
        // The release archives' scripts ask the ipec on PATH.
        let on_path = stdout(&ipec(&["completions", shell, "--program", "ipec"]));
        assert!(
            !on_path.contains(program) && !on_path.contains(&windows_path),
            "{shell}"
        );
    }

    let man = ipec(&["man"]);
    assert!(man.status.success());
    let page = stdout(&man);
    assert!(page.contains(".TH ipec 1"), "{page}");
    for section in [
        ".SH NAME",
        ".SH SYNOPSIS",
        ".SH SUBCOMMANDS",
        ".SH ENVIRONMENT",
        ".SH FILES",
    ] {
        assert!(page.contains(section), "{section}");
    }
    assert!(page.contains("IPEC_THEME") && page.contains("IPEC_DATA"));
}

#[test]
fn config_path_is_under_xdg_config_home_and_init_never_overwrites() {
    let temp = temp_dir("init");
    let home = temp.path();
    let path = home.join(".config").join("ipec").join("config.toml");
    let out = ipec_in(home, &[], &["config", "path"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).trim(), path.display().to_string());

    let first = ipec_in(home, &[], &["config", "init"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let written = std::fs::read_to_string(&path).expect("init wrote the file");
    assert!(written.contains("# theme = \"dark\"") && written.contains("[keys]"));
    // The default, commented as it is, is a valid config that changes nothing.
    let shown = stdout(&ipec_in(home, &[], &["config", "show"]));
    assert!(shown.contains("theme = \"dark\"  # default"), "{shown}");

    std::fs::write(&path, "theme = \"light\"\n").expect("edits the file");
    let again = ipec_in(home, &[], &["config", "init"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("exists already"));
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), "theme = \"light\"\n");
}

#[test]
fn the_environment_beats_the_file_and_a_flag_beats_the_environment() {
    let temp = temp_dir("order");
    let home = temp.path();
    let dir = home.join(".config").join("ipec");
    std::fs::create_dir_all(&dir).expect("config folder");
    let valid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let invalid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/unknown-reference");
    // The file names a broken knowledge base and a theme.
    std::fs::write(
        dir.join("config.toml"),
        format!(
            "theme = \"high-contrast\"\ndata = {:?}\n",
            invalid.display().to_string()
        ),
    )
    .expect("writes the config");

    let from_file = ipec_in(home, &[], &["check"]);
    assert_eq!(from_file.status.code(), Some(1), "the file's data folder is used");

    let valid_text = valid.display().to_string();
    let env = [("IPEC_DATA", valid_text.as_str()), ("IPEC_THEME", "light")];
    let from_env = ipec_in(home, &env, &["check"]);
    assert!(from_env.status.success(), "{}", stdout(&from_env));
    assert!(stdout(&from_env).starts_with(&format!("{valid_text}: ok")));
    let shown = stdout(&ipec_in(home, &env, &["config", "show"]));
    assert!(
        shown.contains("theme = \"light\"  # environment: IPEC_THEME"),
        "{shown}"
    );

    let invalid_text = invalid.display().to_string();
    let from_flag = ipec_in(home, &env, &["check", "--data", &invalid_text]);
    assert_eq!(from_flag.status.code(), Some(1), "--data beats IPEC_DATA");
    let shown = stdout(&ipec_in(home, &env, &["config", "show", "--data", "/somewhere"]));
    assert!(shown.contains("data = \"/somewhere\"  # flag: --data"), "{shown}");
}

#[test]
fn a_broken_config_file_is_reported_at_its_line_and_column() {
    let temp = temp_dir("broken");
    let home = temp.path();
    let dir = home.join(".config").join("ipec");
    std::fs::create_dir_all(&dir).expect("config folder");
    let path = dir.join("config.toml");
    std::fs::write(&path, "mouse = false\ncolour = \"red\"\n").expect("writes");
    let out = ipec_in(home, &[], &["list", "areas"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("{}:2:1: unknown field `colour`", path.display())),
        "{err}"
    );
    let bad_env = ipec_in(home, &[("IPEC_THEME", "neon")], &["config", "show"]);
    assert_eq!(bad_env.status.code(), Some(1));
}

#[test]
fn key_overrides_are_checked_against_the_key_table() {
    let temp = temp_dir("keys");
    let home = temp.path();
    let dir = home.join(".config").join("ipec");
    std::fs::create_dir_all(&dir).expect("config folder");
    let path = dir.join("config.toml");
    std::fs::write(&path, "[keys]\nserch = \"C-f\"\nquit = \"?\"\nhelp = \"C-\"\n").expect("writes");
    let out = ipec_in(home, &[], &["config", "show"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let at = |line: usize, col: usize| format!("{}:{line}:{col}: ", path.display());
    assert!(
        err.contains(&format!(
            "{}no action is called `serch`; did you mean `search`?",
            at(2, 9)
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!("{}? is already the key for", at(3, 8))),
        "a clash: {err}"
    );
    std::fs::write(&path, "[keys]\nsearch = \"C-f\"\n").expect("writes");
    let out = ipec_in(home, &[], &["config", "show"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("search = \"C-f\""));
}

#[test]
fn explorer_options_belong_to_the_explorer_only() {
    for args in [
        &["list", "areas", "--theme", "light"][..],
        &["show", "GHA", "--no-mouse"],
        &["--theme", "light", "search", "ghana"],
        &["--no-mouse", "check"],
    ] {
        let out = ipec(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty(), "{args:?}");
    }
    let help = stdout(&ipec(&["tui", "--help"]));
    assert!(help.contains("--theme") && help.contains("--no-mouse"));
    let list_help = stdout(&ipec(&["list", "--help"]));
    assert!(!list_help.contains("--theme") && list_help.contains("--country"));
}
