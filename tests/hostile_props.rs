//! A hostile contributor's edits of the shipped data files, at random: bytes flipped, lines shuffled or
//! duplicated, records shuffled or duplicated, values moved between fields, huge and non-finite numbers,
//! deep nesting, control characters (raw or escaped) in every position, Windows line endings and a
//! byte-order mark. Whatever the edit, loading the folder must not panic or hang, must give the right
//! verdict where the edit decides it, must locate every problem in a real file, line and column, and must
//! print no raw control character.
//!
//! `cargo test` runs a bounded number of cases; `IPEC_PROPTEST_CASES=5000 cargo test --release --test
//! hostile_props` runs many more.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::OnceLock;
use std::time::Duration;

use ipec::kb::text::needs_escape;
use ipec::kb::{DataSource, KnowledgeBase, Problems};
use proptest::prelude::*;
use proptest::sample::Index;

/// Cases per `cargo test` run, unless IPEC_PROPTEST_CASES says otherwise.
const DEFAULT_CASES: u32 = 128;
/// A load that takes longer than this has hung (the shipped data loads in milliseconds).
const HANG: Duration = Duration::from_secs(30);

/// The shipped files: (path below data/, text).
fn shipped() -> &'static [(PathBuf, String)] {
    static FILES: OnceLock<Vec<(PathBuf, String)>> = OnceLock::new();
    FILES.get_or_init(|| {
        let mut files = Vec::new();
        collect(Path::new("data"), &mut files);
        files.sort();
        assert!(files.len() > 10, "the shipped data files are found");
        files
    })
}

fn collect(dir: &Path, files: &mut Vec<(PathBuf, String)>) {
    for entry in std::fs::read_dir(dir).expect("data/ is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            collect(&path, files);
        } else if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path).expect("shipped files are UTF-8");
            let relative = path.strip_prefix("data").expect("below data/").to_path_buf();
            files.push((relative, text));
        }
    }
}

/// What an edit means for the verdict.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    /// The knowledge base must still load.
    Valid,
    /// It must not, with a problem in this file (at this 1-based line, when the edit decides it).
    Invalid { line: Option<usize> },
    /// It depends on where the edit fell; only the other properties are checked.
    Either,
}

#[derive(Debug, Clone)]
enum Edit {
    FlipByte(Index, u8),
    SwapLines(Index, Index),
    DuplicateLine(Index),
    ShuffleRecords(u64),
    DuplicateRecord(Index),
    /// The value of one `key = value` line written into another key.
    MoveValue(Index, Index),
    /// A number replaced by this literal.
    Number(Index, &'static str),
    /// A key with deeply nested values added to a record.
    Nest(Index, Nesting, usize),
    /// A raw character inserted at any position.
    Raw(Index, char),
    /// A character, raw or as a TOML `\uXXXX` escape, inserted at the start of a one-line string value.
    InString(Index, char, bool),
    Crlf,
    Bom,
    /// No edit at all (not generated: the harness's own check).
    Nothing,
}

#[derive(Debug, Clone, Copy)]
enum Nesting {
    Arrays,
    InlineTables,
    DottedKeys,
    /// Inline tables whose keys are dotted: the deepest TOML the parser's limits allow.
    Both,
}

#[derive(Debug, Clone)]
struct Case {
    file: Index,
    edit: Edit,
    /// Another file saved with CRLF line endings and a byte-order mark, which must change nothing.
    windows: Option<Index>,
}

const NON_FINITE: &[&str] = &["nan", "+nan", "-nan", "inf", "+inf", "-inf", "1e999", "-1e999"];
const HUGE: &[&str] = &["99999999999999999999", "-99999999999999999999"];
const LARGE: &[&str] = &[
    "1e308",
    "-1.7976931348623157e308",
    "9223372036854775807",
    "-9223372036854775808",
    "4294967296",
    "0",
    "-1",
    "0.5",
];

/// Control characters of every class: C0, DEL, C1, bidirectional overrides and isolates, separators.
const CONTROLS: &[char] = &[
    '\u{0}', '\u{1}', '\u{7}', '\u{8}', '\u{b}', '\u{c}', '\u{1b}', '\u{1f}', '\u{7f}', '\u{80}', '\u{85}', '\u{9b}',
    '\u{9f}', '\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\r',
];

fn edit() -> impl Strategy<Value = Edit> {
    let control = prop::sample::select(CONTROLS);
    prop_oneof![
        3 => (any::<Index>(), 1u8..=255).prop_map(|(i, mask)| Edit::FlipByte(i, mask)),
        2 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::SwapLines(a, b)),
        2 => any::<Index>().prop_map(Edit::DuplicateLine),
        2 => any::<u64>().prop_map(Edit::ShuffleRecords),
        2 => any::<Index>().prop_map(Edit::DuplicateRecord),
        3 => (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Edit::MoveValue(a, b)),
        3 => (any::<Index>(), prop::sample::select([NON_FINITE, HUGE, LARGE].concat()))
            .prop_map(|(i, n)| Edit::Number(i, n)),
        2 => (
            any::<Index>(),
            prop::sample::select(vec![Nesting::Arrays, Nesting::InlineTables, Nesting::DottedKeys, Nesting::Both]),
            prop_oneof![1usize..20, Just(79), Just(80), Just(81), Just(1_000), Just(100_000)],
        )
            .prop_map(|(i, n, d)| Edit::Nest(i, n, d)),
        4 => (any::<Index>(), control.clone()).prop_map(|(i, c)| Edit::Raw(i, c)),
        3 => (any::<Index>(), control, any::<bool>()).prop_map(|(i, c, e)| Edit::InString(i, c, e)),
        1 => Just(Edit::Crlf),
        1 => Just(Edit::Bom),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (any::<Index>(), edit(), prop::option::weighted(0.3, any::<Index>())).prop_map(|(file, edit, windows)| Case {
        file,
        edit,
        windows,
    })
}

/// The lines of a file that are `key = value` outside any multi-line string, as (line index, key, value).
fn value_lines(text: &str) -> Vec<(usize, String, String)> {
    let mut inside: Option<&str> = None;
    let mut found = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if inside.is_none() {
            if let Some((key, value)) = line.split_once(" = ") {
                if !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
                    found.push((i, key.to_string(), value.to_string()));
                }
            }
        }
        for quote in ["\"\"\"", "'''"] {
            if inside.is_none_or(|q| q == quote) && line.matches(quote).count() % 2 == 1 {
                inside = if inside.is_some() { None } else { Some(quote) };
            }
        }
    }
    found
}

/// Top-level `[[kind]]` records as (start line, end line) ranges, and the preamble's end.
fn records(lines: &[&str]) -> (usize, Vec<(usize, usize)>) {
    let starts: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("[[") && !lines[i].contains('.'))
        .collect();
    let preamble = starts.first().copied().unwrap_or(lines.len());
    let ranges = starts
        .iter()
        .enumerate()
        .map(|(k, &s)| (s, starts.get(k + 1).copied().unwrap_or(lines.len())))
        .collect();
    (preamble, ranges)
}

fn join(lines: &[&str]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Applies an edit to one file's text: the new bytes and what they mean for the verdict.
fn apply(text: &str, edit: &Edit) -> (Vec<u8>, Verdict) {
    let lines: Vec<&str> = text.lines().collect();
    match edit {
        Edit::FlipByte(i, mask) => {
            let mut bytes = text.as_bytes().to_vec();
            let at = i.index(bytes.len());
            bytes[at] ^= mask;
            (bytes, Verdict::Either)
        }
        Edit::SwapLines(a, b) => {
            let mut lines = lines.clone();
            let (a, b) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(a, b);
            let verdict = if lines[a] == lines[b] {
                Verdict::Valid
            } else {
                Verdict::Either
            };
            (join(&lines).into_bytes(), verdict)
        }
        Edit::DuplicateLine(i) => {
            let mut lines = lines.clone();
            let at = i.index(lines.len());
            lines.insert(at, lines[at]);
            (join(&lines).into_bytes(), Verdict::Either)
        }
        Edit::ShuffleRecords(seed) => {
            let (preamble, mut ranges) = records(&lines);
            let mut rng = ipec::synth::Rng::new(*seed);
            for k in (1..ranges.len()).rev() {
                ranges.swap(k, rng.below(k + 1));
            }
            let mut out: Vec<&str> = lines[..preamble].to_vec();
            for (s, e) in ranges {
                out.extend(&lines[s..e]);
            }
            (join(&out).into_bytes(), Verdict::Valid)
        }
        Edit::DuplicateRecord(i) => {
            let (_, ranges) = records(&lines);
            let Some(&(s, e)) = ranges.get(i.index(ranges.len().max(1))) else {
                return (text.as_bytes().to_vec(), Verdict::Valid);
            };
            let mut out = lines.clone();
            out.extend(&lines[s..e]);
            let verdict = Verdict::Invalid { line: None };
            (join(&out).into_bytes(), verdict)
        }
        Edit::MoveValue(a, b) => {
            let values = value_lines(text);
            if values.is_empty() {
                return (text.as_bytes().to_vec(), Verdict::Valid);
            }
            let (_, _, value) = &values[a.index(values.len())];
            let (line, key, _) = &values[b.index(values.len())];
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            out[*line] = format!("{key} = {value}");
            let out: Vec<&str> = out.iter().map(String::as_str).collect();
            (join(&out).into_bytes(), Verdict::Either)
        }
        Edit::Number(i, literal) => {
            let numbers: Vec<(usize, String, String)> = value_lines(text)
                .into_iter()
                .filter(|(_, _, v)| v.starts_with(|c: char| c.is_ascii_digit() || c == '-'))
                .filter(|(_, _, v)| !v.contains('"'))
                .collect();
            if numbers.is_empty() {
                return (text.as_bytes().to_vec(), Verdict::Valid);
            }
            let (line, key, _) = &numbers[i.index(numbers.len())];
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            out[*line] = format!("{key} = {literal}");
            let out: Vec<&str> = out.iter().map(String::as_str).collect();
            let verdict = if NON_FINITE.contains(literal) || HUGE.contains(literal) {
                Verdict::Invalid { line: Some(line + 1) }
            } else {
                Verdict::Either
            };
            (join(&out).into_bytes(), verdict)
        }
        Edit::Nest(i, nesting, depth) => {
            let (_, ranges) = records(&lines);
            if ranges.is_empty() {
                return (text.as_bytes().to_vec(), Verdict::Valid);
            }
            let (start, _) = ranges[i.index(ranges.len())];
            let d = *depth;
            let deep = match nesting {
                Nesting::Arrays => format!("deep = {}1{}", "[".repeat(d), "]".repeat(d)),
                Nesting::InlineTables => format!("deep = {}1{}", "{ a = ".repeat(d), " }".repeat(d)),
                Nesting::DottedKeys => format!("deep{} = 1", ".a".repeat(d)),
                Nesting::Both => {
                    let key = format!("a{}", ".a".repeat(d.min(100)));
                    format!(
                        "deep = {}1{}",
                        format!("{{ {key} = ").repeat(d.min(100)),
                        " }".repeat(d.min(100))
                    )
                }
            };
            let mut out = lines.clone();
            out.insert(start + 1, &deep);
            (join(&out).into_bytes(), Verdict::Invalid { line: None })
        }
        Edit::Raw(i, c) => {
            let boundaries: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
            let at = boundaries[i.index(boundaries.len())];
            let mut out = String::with_capacity(text.len() + 4);
            out.push_str(&text[..at]);
            out.push(*c);
            out.push_str(&text[at..]);
            let verdict = match c {
                // TOML refuses C0 controls other than tab and newline, and DEL, everywhere.
                '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}' => {
                    Verdict::Invalid { line: None }
                }
                // CR before LF is a Windows line ending.
                '\r' if text[at..].starts_with('\n') => Verdict::Valid,
                // C1 controls and bidi characters are TOML-legal in comments; ipec refuses them in text.
                _ => Verdict::Either,
            };
            (out.into_bytes(), verdict)
        }
        Edit::InString(i, c, escaped) => {
            let strings: Vec<(usize, String, String)> = value_lines(text)
                .into_iter()
                .filter(|(_, _, v)| v.starts_with('"') && !v.starts_with("\"\"\""))
                .collect();
            if strings.is_empty() {
                return (text.as_bytes().to_vec(), Verdict::Valid);
            }
            let (line, key, value) = &strings[i.index(strings.len())];
            let inserted = if *escaped {
                format!("\\u{:04X}", *c as u32)
            } else {
                c.to_string()
            };
            let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
            out[*line] = format!("{key} = \"{inserted}{}", &value[1..]);
            let out: Vec<&str> = out.iter().map(String::as_str).collect();
            // A raw CR inside a string is a TOML error; escaped, a control character in text: either way
            // the line is wrong.
            (join(&out).into_bytes(), Verdict::Invalid { line: Some(line + 1) })
        }
        Edit::Crlf => (text.replace('\n', "\r\n").into_bytes(), Verdict::Valid),
        Edit::Bom => {
            let mut bytes = b"\xEF\xBB\xBF".to_vec();
            bytes.extend(text.as_bytes());
            (bytes, Verdict::Valid)
        }
        Edit::Nothing => (text.as_bytes().to_vec(), Verdict::Valid),
    }
}

/// Loads a folder on a thread of the default (small) stack size, as the watcher or the explorer might,
/// and fails on a panic or a hang.
fn load_in_time(dir: PathBuf) -> Result<Result<KnowledgeBase, Problems>, TestCaseError> {
    let (tx, rx) = mpsc::channel();
    let thread = std::thread::spawn(move || {
        let result = KnowledgeBase::load(&DataSource::Dir(dir));
        let _ = tx.send(result);
    });
    match rx.recv_timeout(HANG) {
        Ok(result) => {
            thread
                .join()
                .map_err(|_| TestCaseError::fail("the loader panicked after answering"))?;
            Ok(result)
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(TestCaseError::fail("the loader panicked")),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(TestCaseError::fail(format!("the load took more than {HANG:?}"))),
    }
}

fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| c != '\n' && needs_escape(c))
}

fn run(case: &Case) -> Result<(), TestCaseError> {
    let n = shipped().len();
    edit_and_load(case.file.index(n), &case.edit, case.windows.map(|w| w.index(n)))
}

/// Edits shipped file `target` (and saves file `windows` the Windows way), writes them all to a
/// temporary folder, loads it and checks every property.
fn edit_and_load(target: usize, edit: &Edit, windows: Option<usize>) -> Result<(), TestCaseError> {
    let files = shipped();
    let (bytes, verdict) = apply(&files[target].1, edit);
    let windows = windows.filter(|&w| w != target);

    let tmp = tempfile::tempdir().expect("temporary folder");
    let root = tmp.path().to_path_buf();
    let mut texts: Vec<(String, String)> = Vec::new();
    for (k, (relative, text)) in files.iter().enumerate() {
        let path = root.join(relative);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("create folder");
        let written = if k == target {
            bytes.clone()
        } else if Some(k) == windows {
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend(text.replace('\n', "\r\n").bytes());
            b
        } else {
            text.clone().into_bytes()
        };
        std::fs::write(&path, &written).expect("write file");
        // What the loader sees: lossy only matters for the not-UTF-8 case, where problems stop early.
        let seen = String::from_utf8_lossy(&written);
        let seen = seen.strip_prefix('\u{FEFF}').unwrap_or(&seen).replace("\r\n", "\n");
        texts.push((path.display().to_string(), seen));
    }
    let target_name = texts[target].0.clone();

    let result = load_in_time(root.clone())?;
    let problems = match (&result, &verdict) {
        (Ok(_), Verdict::Invalid { .. }) => {
            return Err(TestCaseError::fail(format!(
                "{target_name} loaded, but the edit makes it invalid"
            )));
        }
        (Err(p), Verdict::Valid) => {
            return Err(TestCaseError::fail(format!("the edit keeps the data valid, yet:\n{p}")));
        }
        (Ok(_), _) => return Ok(()),
        (Err(p), _) => p,
    };

    prop_assert!(!problems.is_empty(), "an error with no problem in it");
    let shown = problems.to_string();
    prop_assert!(
        raw_control(&shown).is_none(),
        "raw {:?} in:\n{shown}",
        raw_control(&shown)
    );
    let lines: Vec<&str> = shown.lines().collect();
    prop_assert_eq!(
        lines.len(),
        problems.len().min(200) + 1 + usize::from(problems.len() > 200)
    );
    for (problem, line) in problems.0.iter().zip(&lines).take(200) {
        prop_assert!(line.starts_with(&format!("{}:", problem.file)), "{line}");
    }
    for problem in &problems.0 {
        prop_assert!(raw_control(&problem.file).is_none() && raw_control(&problem.message).is_none());
        prop_assert!(!problem.message.contains('\n'), "{problem}");
        // Located: a real file (or the folder, or one inside it) and, for a file, a position in its text.
        let Some((_, text)) = texts.iter().find(|(name, _)| *name == problem.file) else {
            prop_assert!(problem.file.starts_with(&root.display().to_string()), "{problem}");
            continue;
        };
        if problem.line == 0 {
            prop_assert_eq!(problem.column, 0, "{}", problem);
            continue;
        }
        let file_lines: Vec<&str> = text.split('\n').collect();
        prop_assert!(problem.line <= file_lines.len(), "{problem}: past the end of the file");
        let length = file_lines[problem.line - 1].chars().count();
        prop_assert!(
            problem.column >= 1 && problem.column <= length + 1,
            "{problem}: column past the end of its line of {length} characters"
        );
    }
    if let Verdict::Invalid { line } = verdict {
        let here = problems
            .0
            .iter()
            .any(|p| p.file == target_name && line.is_none_or(|l| p.line == l));
        prop_assert!(here, "no problem in {target_name} at line {line:?}:\n{shown}");
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("IPEC_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_CASES)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn hostile_edits_of_the_shipped_files_are_located_escaped_and_judged_right(case in case()) {
        run(&case)?;
    }
}

#[test]
fn the_unedited_files_load() {
    // The harness itself: the shipped files written out as they are must pass, also the Windows way.
    edit_and_load(0, &Edit::Nothing, Some(1)).expect("the shipped files load from a temporary folder");
}
