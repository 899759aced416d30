//! The conventions of the command-line tools staff already use (issue 23): output that fits the
//! terminal and stays as it was when piped, colour as rg does it, CSV for Excel, repeated filters,
//! limits, short flags, a man page per subcommand, settings a command does not use, did-you-mean, and
//! completion of values, run in bash as a shell would. Each test runs the real binary.
// The helpers of the Unix-only tests below are unused elsewhere.
#![cfg_attr(not(unix), allow(dead_code, unused_imports))]

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

const TEST_CACHE: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/ipec-cache");
const BIN: &str = env!("CARGO_BIN_EXE_ipec");

fn temp_dir(name: &str) -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix(&format!("ipec-conventions-{name}-"))
        .tempdir()
        .expect("creates a temp folder")
}

/// `ipec ARGS`, piped, with a config folder of its own and no colour or width from the caller.
fn ipec_with(env: &[(&str, &str)], args: &[&str]) -> Output {
    let home = temp_dir("home");
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("TERM", "xterm-256color")
        .env_remove("IPEC_THEME")
        .env_remove("IPEC_DATA")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS");
    for (var, value) in env {
        command.env(var, value);
    }
    command.output().expect("the ipec binary runs")
}

fn ipec(args: &[&str]) -> Output {
    ipec_with(&[], args)
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn count(output: &Output) -> usize {
    assert!(output.status.success(), "{}", stderr(output));
    let value: serde_json::Value = serde_json::from_str(&stdout(output)).expect("JSON");
    value.as_array().map_or(0, Vec::len)
}

/// `ipec ARGS` on a pseudo-terminal `cols` wide: everything it wrote, until it exits.
fn on_terminal(cols: u16, env: &[(&str, &str)], args: &[&str]) -> String {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(BIN);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env("IPEC_CACHE_DIR", TEST_CACHE);
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("COLUMNS");
    for (var, value) in env {
        cmd.env(var, value);
    }
    let mut child = pty.slave.spawn_command(cmd).expect("ipec starts");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let reading = std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        all
    });
    let status = child.wait().expect("ipec ends");
    assert!(status.success(), "ipec {args:?} failed");
    drop(pty.master);
    let bytes = reading.join().expect("the reader ends");
    String::from_utf8(bytes).expect("UTF-8")
}

/// The lines as a person reads them: without colours.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' && chars.peek() == Some(&'[') {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c == '\x1b' && chars.peek() == Some(&']') {
            // An OSC (a hyperlink), to its terminator: ESC \ or BEL.
            while let Some(c) = chars.next() {
                if c == '\x07' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                    break;
                }
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

#[test]
fn text_output_wraps_to_columns_then_the_terminal_then_a_hundred() {
    let narrow = ipec_with(&[("COLUMNS", "60")], &["show", "GHA"]);
    assert!(narrow.status.success(), "{}", stderr(&narrow));
    let text = stdout(&narrow);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(widest <= 60, "a line of {widest} columns:\n{text}");
    assert!(text.contains("ilostat.ilo.org/data/country-profiles/gha/"), "{text}");
    let piped = stdout(&ipec(&["show", "GHA"]));
    assert!(piped.lines().all(|l| l.chars().count() <= 100), "{piped}");
    assert!(
        piped.lines().any(|l| l.chars().count() > 60),
        "piped output keeps its 100 columns"
    );
    let terminal = plain(&on_terminal(72, &[], &["show", "GHA"]));
    let widest = terminal.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(
        widest <= 72,
        "a line of {widest} columns on a 72-column terminal:\n{terminal}"
    );
}

// Unix only: it reads ipec's output through a Unix pseudo-terminal, which Wine does not provide.
#[cfg(unix)]
#[test]
fn show_on_a_terminal_writes_osc_8_hyperlinks_and_a_pipe_gets_none() {
    let url = "https://normlex.ilo.org/dyn/normlex/en/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:C182";
    let terminal = on_terminal(120, &[], &["show", "C182"]);
    let link = format!("\x1b]8;;{url}\x1b\\");
    assert!(terminal.contains(&link), "{terminal:?}");
    assert!(terminal.contains("\x1b]8;;\x1b\\"), "the link is closed");
    let off = on_terminal(120, &[("IPEC_HYPERLINKS", "0")], &["show", "C182"]);
    assert!(!off.contains("\x1b]8;") && off.contains(url));
    let piped = stdout(&ipec(&["show", "C182"]));
    assert!(!piped.contains('\x1b') && piped.contains(url), "{piped}");
}

// Unix only: it reads ipec's output through a Unix pseudo-terminal, which Wine does not provide.
#[cfg(unix)]
#[test]
fn lists_have_a_header_and_fit_on_a_terminal_and_are_unchanged_when_piped() {
    let terminal = plain(&on_terminal(80, &[], &["list", "countries"]));
    let first = terminal.lines().next().unwrap_or_default();
    assert!(first.starts_with("ID") && first.contains("NAME"), "{terminal}");
    assert!(terminal.lines().all(|l| l.chars().count() <= 80), "{terminal}");
    let bare = plain(&on_terminal(80, &[], &["list", "countries", "--no-headers"]));
    assert!(!bare.starts_with("ID"), "{bare}");
    let piped = stdout(&ipec(&["list", "countries"]));
    assert!(piped.starts_with("ARG  Argentina"), "{piped}");
    assert!(!piped.contains('\x1b'));
    let csv = stdout(&ipec(&["list", "countries", "-f", "csv", "--no-headers"]));
    assert!(csv.starts_with("ARG,"), "{csv}");
}

// Unix only: it reads ipec's output through a Unix pseudo-terminal, which Wine does not provide.
#[cfg(unix)]
#[test]
fn search_paints_its_matches_only_when_colour_is_on() {
    let always = stdout(&ipec(&["search", "cocoa", "--color", "always"]));
    assert!(always.contains("\x1b[1;31mcocoa\x1b[0m"), "{always:?}");
    let piped = stdout(&ipec(&["search", "cocoa"]));
    assert!(!piped.contains('\x1b'), "{piped:?}");
    let forced = stdout(&ipec_with(&[("CLICOLOR_FORCE", "1")], &["search", "cocoa"]));
    assert!(forced.contains("\x1b["), "CLICOLOR_FORCE colours a pipe");
    let terminal = on_terminal(120, &[], &["search", "cocoa"]);
    assert!(terminal.contains("\x1b[1;31mcocoa"), "{terminal:?}");
    let no_color = on_terminal(120, &[("NO_COLOR", "1")], &["search", "cocoa"]);
    assert!(!no_color.contains("\x1b[1;31m"), "NO_COLOR is respected");
}

#[test]
fn csv_for_excel_has_a_byte_order_mark_and_crlf() {
    for args in [
        &["list", "countries", "--format", "csv", "--excel"][..],
        &["list", "countries", "-f", "csv-excel"][..],
        &["list", "countries", "--excel"][..],
    ] {
        let out = ipec(args);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(out.stdout.starts_with(b"\xef\xbb\xbfid,"), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
            "{args:?}"
        );
        assert!(text.contains("Côte d’Ivoire"), "names as written");
    }
    let search = ipec(&["search", "cocoa", "--excel"]);
    assert!(search.stdout.starts_with(b"\xef\xbb\xbfkind,"), "{}", stderr(&search));
    let wrong = ipec(&["list", "countries", "--format", "json", "--excel"]);
    assert_eq!(wrong.status.code(), Some(2), "{}", stderr(&wrong));
    assert!(stderr(&wrong).contains("--excel"));
    let plain_csv = ipec(&["list", "countries", "-f", "csv"]);
    assert!(!plain_csv.stdout.starts_with(b"\xef\xbb\xbf") && !plain_csv.stdout.contains(&b'\r'));
}

#[test]
fn a_filter_given_twice_is_or_and_different_filters_are_and() {
    let json = |args: &[&str]| count(&ipec(&[&["list", "achievements", "-f", "json"], args].concat()));
    let (gha, civ) = (json(&["--country", "GHA"]), json(&["--country", "CIV"]));
    let both = json(&["--country", "GHA", "--country", "CIV"]);
    assert!(both > gha.max(civ) && both <= gha + civ, "{both} {gha} {civ}");
    let cocoa = json(&["--country", "GHA", "--country", "CIV", "--sector", "cocoa"]);
    assert!(cocoa > 0 && cocoa < both, "{cocoa} {both}");
    let regions = json(&["--region", "africa", "--region", "americas"]);
    assert!(regions > json(&["--region", "africa"]));
}

#[test]
fn limit_and_short_flags() {
    let three = ipec(&["list", "achievements", "-n", "3"]);
    assert!(three.status.success(), "{}", stderr(&three));
    assert_eq!(stdout(&three).lines().count(), 3);
    let all = count(&ipec(&["list", "achievements", "-f", "json"]));
    assert_eq!(
        count(&ipec(&["list", "achievements", "-f", "json", "--limit", "0"])),
        all
    );
    let zero = ipec(&["search", "child", "labour", "-n", "0", "-f", "json"]);
    assert!(count(&zero) > 20, "0 is no limit, not no match");
    let countries = stdout(&ipec(&["search", "cocoa", "-k", "country", "-f", "csv"]));
    assert!(
        countries.lines().skip(1).all(|l| l.starts_with("country,")),
        "{countries}"
    );
    assert!(countries.contains("GHA") && countries.contains("CIV"), "{countries}");
    assert_eq!(count(&ipec(&["search", "child", "-n", "5", "-f", "json"])), 5);
}

#[test]
fn a_man_page_per_subcommand_that_names_only_pages_that_exist() {
    let dir = temp_dir("man");
    let out = ipec(&["man", "--dir", &dir.path().display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pages: Vec<String> = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect();
    for page in [
        "ipec.1",
        "ipec-list.1",
        "ipec-show.1",
        "ipec-search.1",
        "ipec-config-path.1",
    ] {
        assert!(pages.iter().any(|p| p == page), "{page} in {pages:?}");
    }
    let top = std::fs::read_to_string(dir.path().join("ipec.1")).expect("ipec.1");
    let named: Vec<&str> = top
        .split("\\fB")
        .filter_map(|piece| piece.split("\\fR(1)").next().filter(|_| piece.contains("\\fR(1)")))
        .collect();
    assert!(named.len() >= 8, "{named:?}");
    for name in named {
        let file = format!("{}.1", name.replace("\\-", "-"));
        assert!(
            pages.contains(&file) || file == "ipec.1",
            "SEE ALSO names {file}, not written"
        );
    }
    for var in [
        "IPEC_THEME",
        "IPEC_DATA",
        "IPEC_CACHE_DIR",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "COLUMNS",
    ] {
        assert!(top.contains(var), "{var}");
    }
    let list = std::fs::read_to_string(dir.path().join("ipec-list.1")).expect("ipec-list.1");
    assert!(list.contains("\\-\\-limit") && list.contains("ipec\\fR(1)"), "{list}");
}

#[test]
fn a_setting_a_command_does_not_use_never_makes_it_fail() {
    let out = ipec_with(&[("IPEC_THEME", "purple")], &["show", "GHA"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: IPEC_THEME=purple"), "{}", stderr(&out));
    let home = temp_dir("bad-file-theme");
    let config = home.path().join(".config").join("ipec");
    std::fs::create_dir_all(&config).expect("the folder");
    std::fs::write(config.join("config.toml"), "theme = \"neon\"\n").expect("writes");
    let out = Command::new(BIN)
        .args(["list", "countries"])
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path().join(".config"))
        .env("IPEC_CONFIG_DIR", &config)
        .env_remove("IPEC_THEME")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("config.toml:1:9: unknown theme `neon`"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn did_you_mean_for_every_value_that_names_something() {
    for (args, hint) in [
        (
            &["list", "achievements", "--region", "afrika"][..],
            "did you mean Africa?",
        ),
        (&["list", "achievments"][..], "did you mean achievements?"),
        (&["handout", "forced-labor"][..], "did you mean forced-labour?"),
        (
            &["list", "achievements", "--sector", "cocao"][..],
            "did you mean one of: cocoa",
        ),
        (&["show", "Ghanna"][..], "did you mean one of: GHA (Ghana)"),
    ] {
        let out = ipec(args);
        assert!(!out.status.success(), "{args:?}");
        assert!(stderr(&out).contains(hint), "{args:?}: {}", stderr(&out));
    }
    let tab = ipec(&["tui", "--tab", "timelin"]);
    assert_eq!(tab.status.code(), Some(2));
    assert!(stderr(&tab).contains("did you mean timeline?"), "{}", stderr(&tab));
}

/// What bash offers after `words` (the last one being completed), from the script `ipec completions
/// bash` prints, run as bash runs a completion function.
fn bash_completes(words: &[&str]) -> Vec<String> {
    let script = stdout(&ipec(&["completions", "bash"]));
    let dir = temp_dir("bash");
    let file = dir.path().join("ipec.bash");
    std::fs::write(&file, script).expect("writes the script");
    let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
    let probe = format!(
        "source '{}'\n\
         fn=$(complete -p ipec | sed -E 's/.*-F ([^ ]+).*/\\1/')\n\
         COMP_WORDS=({})\n\
         COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 ))\n\
         COMP_LINE=\"${{COMP_WORDS[*]}}\"; COMP_POINT=${{#COMP_LINE}}\n\
         \"$fn\" ipec \"${{COMP_WORDS[-1]}}\" \"${{COMP_WORDS[-2]}}\"\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        file.display(),
        quoted.join(" ")
    );
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &probe])
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .env_remove("IPEC_DATA")
        .output()
        .expect("bash runs");
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

// Unix only: it runs the completion in bash, which a Windows test under Wine does not have.
#[cfg(unix)]
#[test]
fn bash_completes_ids_names_tabs_and_filter_values() {
    let has = |words: &[&str], want: &str| {
        let offered = bash_completes(words);
        assert!(
            offered.iter().any(|o| o == want),
            "{words:?} offers {offered:?}, not {want}"
        );
    };
    has(&["ipec", "show", "GH"], "GHA");
    has(&["ipec", "show", "C18"], "C182");
    has(&["ipec", "list", "achievements", "--country", "Gha"], "Ghana");
    has(&["ipec", "list", "achievements", "--country", "ivory"], "CIV");
    has(&["ipec", "tui", "--tab", "ti"], "timeline");
    has(&["ipec", "--tab", "fig"], "figures");
    has(&["ipec", "list", "ach"], "achievements");
    has(&["ipec", "list", "achievements", "--region", "af"], "africa");
    has(&["ipec", "list", "achievements", "--sector", "coc"], "cocoa");
    has(&["ipec", "search", "x", "--convention", "C0"], "C029");
    has(&["ipec", "present", "supp"], "supply-chains");
    let nothing = bash_completes(&["ipec", "show", "zzzz"]);
    assert!(nothing.is_empty(), "{nothing:?}");
}

#[test]
fn the_data_folder_is_where_completion_looks() {
    let kb = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let out = Command::new(BIN)
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("IPEC_DATA", &kb)
        .env("IPEC_CACHE_DIR", TEST_CACHE)
        .args(["--", "ipec", "show", "VN"])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("VNM"), "{}", stdout(&out));
}
