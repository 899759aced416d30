//! The loader and validator on the fixture knowledge bases of `tests/fixtures`: the valid one loads, and
//! each invalid one reports exactly the problems listed in its `expected.txt`, at their FILE:LINE:COLUMN.

use std::path::{Path, PathBuf};

use ipec::kb::{DataSource, Kind, KnowledgeBase};

fn load(dir: &str) -> Result<KnowledgeBase, ipec::kb::Problems> {
    KnowledgeBase::load(&DataSource::Dir(PathBuf::from(dir)))
}

#[test]
fn the_valid_fixture_loads_with_every_kind() {
    let kb = load("tests/fixtures/valid").unwrap_or_else(|p| panic!("valid fixture has problems:\n{p}"));
    for kind in Kind::ALL {
        assert!(kb.len(kind) > 0, "no {kind} in the valid fixture");
    }
    let ghana = kb.find("gha").expect("ids ignore case");
    let results: Vec<&str> = kb.backlinks_of(ghana, Kind::Achievement).map(|r| kb.id(r)).collect();
    assert_eq!(results, ["gha-fishing"]);
    let civ = kb.find("CIV").expect("CIV is defined");
    assert_eq!(kb.title(civ), "Côte d’Ivoire");
}

#[test]
fn every_invalid_fixture_reports_exactly_its_expected_problems() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir("tests/fixtures/invalid")
        .expect("the invalid fixtures folder exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(
        dirs.len() >= 12,
        "expected at least 12 invalid fixtures, found {}",
        dirs.len()
    );
    for dir in dirs {
        let name = dir.to_string_lossy().to_string();
        let expected = std::fs::read_to_string(Path::new(&dir).join("expected.txt"))
            .unwrap_or_else(|e| panic!("{name}/expected.txt: {e}"));
        let problems = match load(&name) {
            Ok(_) => panic!("{name} loaded, but it is meant to be invalid"),
            Err(problems) => problems,
        };
        let actual: Vec<String> = problems.0.iter().map(|p| p.to_string()).collect();
        let expected: Vec<&str> = expected.lines().collect();
        assert_eq!(actual, expected, "problems reported for {name}");
    }
}

#[test]
fn a_missing_folder_is_one_clear_problem() {
    let problems = load("tests/fixtures/does-not-exist").expect_err("a missing folder cannot load");
    assert_eq!(problems.0.len(), 1);
    assert_eq!(
        problems.0[0].to_string(),
        "tests/fixtures/does-not-exist:1:1: knowledge-base folder does not exist"
    );
}

#[test]
fn the_shipped_knowledge_base_passes_check() {
    let kb = KnowledgeBase::builtin().unwrap_or_else(|p| panic!("data/ has problems:\n{p}"));
    assert!(
        kb.len(Kind::Achievement) > 50,
        "the issue expects well over fifty achievements"
    );
    for kind in Kind::ALL {
        assert!(kb.len(kind) > 0, "the shipped knowledge base has no {}", kind.plural());
    }
}

#[test]
fn the_shipped_files_are_the_ones_in_data() {
    // The binary embeds data/ at build time; loading the folder itself must give the same records.
    let embedded = KnowledgeBase::builtin().expect("shipped data is valid");
    let folder = load("data").expect("data/ is valid");
    for kind in Kind::ALL {
        assert_eq!(embedded.len(kind), folder.len(kind), "{} differ", kind.plural());
    }
}
