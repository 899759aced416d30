//! The commands keepers of the data use while editing it: `check`'s notes on files it does not read,
//! `schema`, `fmt` and `new`, through the real binary.

use std::path::Path;
use std::process::{Command, Output};

/// The tests' own cache, never the user's.
const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");

fn ipec(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("the ipec binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// A copy of a fixture folder in a temporary folder, and the copy's path as text.
fn copy_of(fixture: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("temporary folder");
    copy_dir(Path::new(fixture), dir.path());
    let path = dir.path().display().to_string();
    (dir, path)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("a fixture folder") {
        let path = entry.expect("an entry").path();
        let target = to.join(path.file_name().expect("a name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy a file");
        }
    }
}

#[test]
fn check_names_the_files_it_does_not_read() {
    let (_dir, data) = copy_of("tests/fixtures/valid");
    std::fs::copy(format!("{data}/countries.toml"), format!("{data}/more.TOML")).expect("copy");
    std::fs::write(format!("{data}/notes.txt"), "to do\n").expect("write");
    std::fs::write(format!("{data}/.hidden.swp"), "").expect("write");
    let out = ipec(&["check", "--no-cache", "--data", &data]);
    assert!(out.status.success(), "notes are not problems: {}", text(&out.stdout));
    assert_eq!(
        text(&out.stderr),
        "ipec: note: `more.TOML` is not read: only names ending in `.toml`, in lower case, are; rename it `more.toml`\n\
         ipec: note: not read (only `.toml` files are): `notes.txt`\n"
    );
}

#[test]
fn schema_prints_the_json_schema_the_data_files_name() {
    let out = ipec(&["schema"]);
    assert!(out.status.success());
    let shipped = std::fs::read_to_string("data/schema/ipec.schema.json").expect("the shipped schema");
    assert!(
        text(&out.stdout) == shipped,
        "`ipec schema` is not data/schema/ipec.schema.json: `cargo test --test schema` regenerates it"
    );
}

#[test]
fn fmt_check_passes_on_the_shipped_data() {
    let out = ipec(&["fmt", "--check", "--data", "data"]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn fmt_names_a_file_out_of_its_layout_then_rewrites_it_keeping_its_comments() {
    let (_dir, data) = copy_of("tests/fixtures/valid");
    let events = format!("{data}/events.toml");
    let before = std::fs::read_to_string(&events).expect("read");
    let shuffled = before.replacen(
        "date = \"2023-11-30\"\nend_date = \"2023-12-01\"",
        "end_date   =  \"2023-12-01\"\ndate=\"2023-11-30\"",
        1,
    );
    assert_ne!(shuffled, before, "the fixture has the lines this test moves");
    std::fs::write(&events, &shuffled).expect("write");
    let check = ipec(&["fmt", "--check", "--data", &data]);
    assert_eq!(check.status.code(), Some(1));
    assert!(text(&check.stdout).contains("events.toml"), "{}", text(&check.stdout));
    assert_eq!(
        std::fs::read_to_string(&events).expect("read"),
        shuffled,
        "--check changes nothing"
    );
    let fmt = ipec(&["fmt", "--data", &data]);
    assert_eq!(fmt.status.code(), Some(0), "{}", text(&fmt.stderr));
    let after = std::fs::read_to_string(&events).expect("read");
    assert!(
        after.contains("date = \"2023-11-30\"\nend_date = \"2023-12-01\""),
        "{after}"
    );
    assert!(
        after.contains("# A news item posted on 7 November"),
        "comments are kept:\n{after}"
    );
    assert_eq!(ipec(&["fmt", "--check", "--data", &data]).status.code(), Some(0));
    assert!(ipec(&["check", "--no-cache", "--data", &data]).status.success());
}

#[test]
fn fmt_leaves_a_file_that_does_not_parse_alone_and_says_so() {
    let (_dir, data) = copy_of("tests/fixtures/invalid/thousands-separator");
    let figures = format!("{data}/figures.toml");
    let before = std::fs::read_to_string(&figures).expect("read");
    let out = ipec(&["fmt", "--data", &data]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("figures.toml: not formatted: it is not valid TOML"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&figures).expect("read"), before);
}

#[test]
fn fmt_needs_a_folder() {
    let out = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .env("XDG_CONFIG_HOME", env!("CARGO_TARGET_TMPDIR"))
        .env_remove("IPEC_DATA")
        .args(["fmt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--data DIR"), "{}", text(&out.stderr));
}

/// A template's placeholders filled as a keeper would, for the valid fixture: `key = "‹...›"` lines get a
/// value of the right kind for `key` in a record of `kind`.
fn fill_in(template: &str, kind: &str) -> String {
    let value = |key: &str| -> String {
        let text = |s: &str| format!("\"{s}\"");
        match (kind, key) {
            ("country", "id") => text("SLE"),
            ("convention", "id") => text("C999"),
            ("convention", "number") => "999".into(),
            ("convention", "instrument") => text("convention"),
            (_, "id") => text(&format!("new-{kind}")),
            ("source", "kind") => text("report"),
            ("resource", "kind") => text("guide"),
            ("partnership", "kind") => text("initiative"),
            (_, "subject" | "topic") => text("child labour"),
            (_, "region") => text("Africa"),
            (_, "source") => text("brochure"),
            (_, "record") => text("gha-fishing"),
            (_, "figure") => text("child-labour-by-sex"),
            (_, "date" | "as_of") => text("2020-01-01"),
            (_, "number") => "4".into(),
            (_, "year") => "2020".into(),
            (_, "lat") => "8.5".into(),
            (_, "lon") => "-11.8".into(),
            (_, "duration_minutes") => "10".into(),
            (_, "value" | "count") => "5".into(),
            _ => text("Some plain words"),
        }
    };
    template
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some((key, rest)) if !line.starts_with('#') && rest.starts_with("\"‹") => {
                format!("{key} = {}", value(key))
            }
            _ if line.trim_start().starts_with("\"‹") => "  \"A point\",".to_string(),
            _ => line.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn new_prints_a_template_that_passes_check_once_its_placeholders_are_filled() {
    for kind in [
        "achievement",
        "figure",
        "event",
        "country",
        "convention",
        "partnership",
        "resource",
        "source",
        "priority",
        "area",
        "tour",
    ] {
        let (_dir, data) = copy_of("tests/fixtures/valid");
        let file = format!("{data}/new-{kind}.toml");
        let out = ipec(&["new", kind, "--data", &data, "--country", "GHA", "--source", "brochure"]);
        assert!(out.status.success(), "{kind}: {}", text(&out.stderr));
        let template = text(&out.stdout);
        assert!(template.contains(&format!("[[{kind}]]")), "{kind}:\n{template}");
        // Unfilled, it cannot pass for a record: every placeholder is a problem.
        std::fs::write(&file, &template).expect("write");
        let unfilled = ipec(&["check", "--no-cache", "--data", &data]);
        assert_eq!(
            unfilled.status.code(),
            Some(1),
            "{kind}: an unfilled template passed check"
        );
        let problems = text(&unfilled.stdout);
        assert!(
            problems
                .lines()
                .filter(|l| l.contains(".toml:"))
                .all(|l| l.contains("fill in `‹")),
            "{kind}: problems other than placeholders:\n{problems}"
        );
        std::fs::write(&file, fill_in(&template, kind)).expect("write");
        let filled = ipec(&["check", "--no-cache", "--data", &data]);
        assert!(
            filled.status.success(),
            "{kind}:\n{}\n{}",
            fill_in(&template, kind),
            text(&filled.stdout)
        );
    }
}

#[test]
fn new_appends_to_a_file_and_never_overwrites_it() {
    let (_dir, data) = copy_of("tests/fixtures/valid");
    let events = format!("{data}/events.toml");
    let before = std::fs::read_to_string(&events).expect("read");
    let out = ipec(&["new", "event", "--data", &data, "--country", "GHA", "-o", &events]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "", "appended, not printed");
    let after = std::fs::read_to_string(&events).expect("read");
    assert!(after.starts_with(&before), "what was in the file is kept as it was");
    assert!(
        after[before.len()..].starts_with("\n[[event]]\n"),
        "{}",
        &after[before.len()..]
    );
    assert!(
        text(&out.stderr).contains("appended a new event"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn new_says_which_file_a_record_belongs_in() {
    let out = ipec(&["new", "achievement", "--country", "GHA", "--source", "ilo-usdol-2019"]);
    let said = text(&out.stderr);
    assert!(said.contains("data/achievements/usdol-case-studies.toml"), "{said}");
    assert!(said.contains("data/achievements/usdol-results.toml"), "{said}");
    assert!(!said.contains("brochure-"), "only the files of that source: {said}");
    let out = ipec(&["new", "event", "--source", "ilo-events-2017"]);
    assert!(
        text(&out.stderr).contains("a new event goes in data/events/events-2017.toml"),
        "{}",
        text(&out.stderr)
    );
    let out = ipec(&["new", "tour", "--title", "Cocoa in Ghana"]);
    assert!(
        text(&out.stderr).contains("data/tours/cocoa-ghana.toml"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        text(&out.stdout).matches("[[tour.step]]").count(),
        5,
        "one step of each kind"
    );
}

#[test]
fn new_takes_a_country_by_its_name_and_warns_of_one_it_does_not_know() {
    let out = ipec(&[
        "new",
        "achievement",
        "--country",
        "cote d'ivoire",
        "--country",
        "Narnia",
        "--title",
        "Cocoa",
    ]);
    assert!(out.status.success());
    assert!(
        text(&out.stdout).contains("countries = [\"CIV\", \"Narnia\"]"),
        "{}",
        text(&out.stdout)
    );
    assert!(text(&out.stdout).contains("id = \"civ-cocoa"), "{}", text(&out.stdout));
    let said = text(&out.stderr);
    assert!(said.contains("`cote d'ivoire` is country `CIV`"), "{said}");
    assert!(said.contains("`Narnia` is not a country"), "{said}");
}

#[test]
fn new_asks_when_appending_to_a_file_of_another_kind() {
    let (_dir, data) = copy_of("tests/fixtures/valid");
    let countries = format!("{data}/countries.toml");
    let out = ipec(&["new", "event", "--data", &data, "-o", &countries]);
    assert!(out.status.success());
    assert!(
        text(&out.stderr).contains("holds no `[[event]]` records yet"),
        "{}",
        text(&out.stderr)
    );
}

#[cfg(unix)]
#[test]
fn check_watch_names_files_it_does_not_read_in_every_check() {
    use std::io::{BufRead, BufReader};
    let (_dir, data) = copy_of("tests/fixtures/valid");
    std::fs::copy(format!("{data}/countries.toml"), format!("{data}/more.TOML")).expect("copy");
    let mut child = Command::new(env!("CARGO_BIN_EXE_ipec"))
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(["check", "--watch", "--no-cache", "--data", &data])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("ipec runs");
    let stdout = child.stdout.take().expect("stdout");
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    // Up to the first check's verdict, `HH:MM:SS  ok: ...`; a watch that says nothing fails, not hangs.
    while let Ok(line) = lines.recv_timeout(std::time::Duration::from_secs(30)) {
        let verdict = line.len() > 10 && line.as_bytes()[2] == b':' && line.contains("ok:");
        seen.push(line);
        if verdict {
            break;
        }
    }
    // SAFETY: kill only signals the child this test started.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGINT);
    }
    let _ = child.wait();
    assert!(
        seen.iter().any(|l| l.starts_with("note: `more.TOML` is not read")),
        "{seen:#?}"
    );
}

#[test]
fn new_shows_a_records_sub_tables_commented_out() {
    let out = ipec(&["new", "figure", "--country", "GHA"]);
    let template = text(&out.stdout);
    assert!(template.contains("\n# [[figure.rows]]\n"), "{template}");
    assert!(template.contains("\n# country = \"GHA\"\n"), "{template}");
    let out = ipec(&["new", "achievement"]);
    assert!(
        text(&out.stdout).contains("\n# [[achievement.figures]]\n"),
        "{}",
        text(&out.stdout)
    );
}
