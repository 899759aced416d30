//! The layers of the README's "How the code is organised", checked: a module never imports one of a
//! higher layer (kb → search, document → cache → app → ui → tui, cli → main). A new module gets a
//! layer here, or this test names it.

use std::path::Path;

/// Each top-level module of `src/` and its layer, lowest first.
const LAYERS: &[(&str, u8)] = &[
    // Leaves that know no record: the binary encoding, mapped files, work on every core.
    ("codec", 0),
    ("mapped", 0),
    ("par", 0),
    ("progress", 0),
    ("osc", 0),
    ("fatal", 0),
    ("kb", 1),
    ("search", 2),
    ("document", 2),
    ("synth", 2),
    ("cache", 3),
    ("app", 4),
    ("ui", 5),
    ("tui", 6),
    ("cli", 6),
    ("config", 6),
    ("link", 6),
    ("watch", 6),
    ("graphics", 6),
    ("images", 6),
    ("main", 7),
    ("lib", 7),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

/// The top-level modules a line of code names as `crate::X` (also inside `use crate::{X, Y::Z}`).
fn named(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in line.match_indices("crate::") {
        let rest = &line[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut word = String::new();
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        out.push(std::mem::take(&mut word));
                    }
                    c => word.push(c),
                }
            }
            out.push(word);
        } else {
            out.push(rest.to_string());
        }
    }
    out.iter()
        .map(|w| {
            w.trim()
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .filter(|w| !w.is_empty() && w != "self")
        .collect()
}

fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_a_higher_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    files(&src, &mut all);
    let mut wrong = Vec::new();
    for path in all {
        let relative = path.strip_prefix(&src).expect("under src");
        let module = relative
            .components()
            .next()
            .expect("a file")
            .as_os_str()
            .to_string_lossy();
        let module = module.trim_end_matches(".rs").to_string();
        let Some(own) = layer(&module) else {
            wrong.push(format!(
                "{}: module `{module}` has no layer in tests/layers.rs",
                relative.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&path).expect("a source file");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for other in named(line) {
                match layer(&other) {
                    Some(l) if l > own => wrong.push(format!(
                        "{}:{}: `{module}` (layer {own}) imports `{other}` (layer {l})",
                        relative.display(),
                        n + 1
                    )),
                    Some(_) | None => {}
                }
            }
        }
    }
    assert!(wrong.is_empty(), "layers reached back:\n{}", wrong.join("\n"));
}

#[test]
fn the_parser_sees_grouped_imports() {
    assert_eq!(named("use crate::{kb::Kind, app::App};"), ["kb", "app"]);
    assert_eq!(named("let x = crate::ui::draw();"), ["ui"]);
}
