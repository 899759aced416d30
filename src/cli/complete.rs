//! Completion of values, asked of ipec by the shell as they are typed (clap_complete's dynamic
//! completion): record ids, country names and aliases, tab names and filter values, from the knowledge
//! base the commands would read (IPEC_DATA, or the config file's `data`, else the built-in one).
//!
//! A completer never prints and never fails: a knowledge base that cannot be read completes nothing.

use std::ffi::OsStr;
use std::sync::OnceLock;

use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};

use crate::app::tabs::TABS;
use crate::cache::Need;
use crate::config::{Flags, Settings, Uses};
use crate::kb::resolve::name_key;
use crate::kb::{DataSource, Kind, KnowledgeBase, Region};

/// The knowledge base, read once per completion (a completer may run several times in one).
fn knowledge_base() -> Option<&'static KnowledgeBase> {
    static KB: OnceLock<Option<KnowledgeBase>> = OnceLock::new();
    KB.get_or_init(|| {
        let data = Settings::load(&Flags::default(), Uses::DataOnly).ok()?.data.value;
        let loaded = crate::cache::load(&DataSource::from_option(data), true, Need::Records).ok()?;
        Some(loaded.kb)
    })
    .as_ref()
}

/// Whether `name` completes what was typed: the same start, with case, accents and punctuation
/// folded ("cote" completes "Côte d'Ivoire").
fn starts(name: &str, typed: &str) -> bool {
    typed.is_empty() || name_key(name).starts_with(&name_key(typed))
}

/// A word a shell can insert as it is: no spaces or quotes to escape.
fn plain(word: &str) -> bool {
    !word.is_empty() && !word.chars().any(|c| c.is_whitespace() || "'\"\\$`;&|<>()".contains(c))
}

/// The records of these kinds (all kinds when empty) that what was typed starts: by id, or by a name
/// or an alias, offered as itself when the shell can insert it whole (`Ghana`), else as the id it
/// stands for (`ivory` gives CIV). Each with its title, which zsh, fish and PowerShell show.
pub fn record_candidates(kb: &KnowledgeBase, kinds: &[Kind], typed: &str) -> Vec<CompletionCandidate> {
    let refs: Vec<_> = if kinds.is_empty() {
        kb.all_refs().collect()
    } else {
        kinds.iter().flat_map(|&k| kb.refs(k)).collect()
    };
    let mut out: Vec<(String, String)> = Vec::new();
    let mut offer = |value: &str, help: &str| {
        if !out.iter().any(|(v, _)| v == value) {
            out.push((value.to_string(), help.to_string()));
        }
    };
    let lower = typed.to_lowercase();
    for r in refs {
        let (id, title) = (kb.id(r), kb.title(r));
        let by_id = id.to_lowercase().starts_with(&lower);
        if by_id {
            offer(id, title);
        }
        let names = kb.typed_names(r);
        let Some(name) = names.iter().find(|n| *n != id && starts(n, typed)) else {
            continue;
        };
        if plain(name) && name.to_lowercase().starts_with(&lower) {
            offer(name, title);
        } else if !by_id {
            offer(id, title);
        }
    }
    out.into_iter()
        .map(|(value, help)| CompletionCandidate::new(value).help(Some(help.into())))
        .collect()
}

fn typed(current: &OsStr) -> String {
    current.to_string_lossy().into_owned()
}

/// Any record, by id or name (`ipec show`).
pub fn any_record() -> ArgValueCompleter {
    records_of(Vec::new())
}

/// Records of one kind (`--convention`, `--partnership`...).
pub fn records(kind: Kind) -> ArgValueCompleter {
    records_of(vec![kind])
}

fn records_of(kinds: Vec<Kind>) -> ArgValueCompleter {
    ArgValueCompleter::new(move |current: &OsStr| match knowledge_base() {
        Some(kb) => record_candidates(kb, &kinds, &typed(current)),
        None => Vec::new(),
    })
}

/// Countries by ISO code, name or alias (`--country`).
pub fn countries() -> ArgValueCompleter {
    records(Kind::Country)
}

/// Tours (`ipec present`, `ipec handout`).
pub fn tours() -> ArgValueCompleter {
    records(Kind::Tour)
}

/// Candidates among fixed words, with what each is.
fn words(list: Vec<(String, String)>, typed: &str) -> Vec<CompletionCandidate> {
    list.into_iter()
        .filter(|(word, _)| starts(word, typed))
        .map(|(word, help)| CompletionCandidate::new(word).help(Some(help.into())))
        .collect()
}

/// The ILO regions (`--region`): one word each, as the filter takes them (`asia`, `arab`).
pub fn regions() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let list = Region::ALL
            .into_iter()
            .map(|r| {
                let word = r.name().split_whitespace().next().unwrap_or_default().to_lowercase();
                (word, r.name().to_string())
            })
            .collect();
        words(list, &typed(current))
    })
}

/// The sectors the results name (`--sector`).
pub fn sectors() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let Some(kb) = knowledge_base() else {
            return Vec::new();
        };
        let mut sectors: Vec<&str> = kb
            .achievements
            .iter()
            .flat_map(|a| a.sectors.iter().map(String::as_str))
            .filter(|s| plain(s))
            .collect();
        sectors.sort_unstable();
        sectors.dedup();
        let list = sectors
            .into_iter()
            .map(|s| (s.to_string(), "sector".to_string()))
            .collect();
        words(list, &typed(current))
    })
}

/// The explorer's tabs (`--tab`), by every name it takes.
pub fn tabs() -> ArgValueCompleter {
    ArgValueCompleter::new(|current: &OsStr| {
        let list = TABS
            .iter()
            .flat_map(|spec| spec.names.iter().map(|n| (n.to_string(), spec.title.to_string())))
            .collect();
        words(list, &typed(current))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(candidates: Vec<CompletionCandidate>) -> Vec<String> {
        candidates
            .iter()
            .map(|c| c.get_value().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn records_complete_by_id_and_by_name() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base");
        let ids = values(record_candidates(&kb, &[], "GH"));
        assert!(ids.contains(&"GHA".to_string()), "{ids:?}");
        let names = values(record_candidates(&kb, &[Kind::Country], "Gha"));
        assert_eq!(names, vec!["GHA".to_string(), "Ghana".to_string()]);
        // An alias of several words completes to the id, which the shell can insert.
        let ivory = values(record_candidates(&kb, &[Kind::Country], "ivory"));
        assert_eq!(ivory, vec!["CIV".to_string()]);
        assert!(values(record_candidates(&kb, &[Kind::Country], "C182")).is_empty());
    }
}
