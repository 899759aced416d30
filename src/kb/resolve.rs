//! From what a person types to one record: an exact id, else a name or an alias compared with case,
//! accents and punctuation folded away ("ivory coast", "cote d'ivoire", "Viet Nam"), else the closest
//! candidates for a "did you mean". The command line uses it for `ipec show` and for every filter that
//! names a record; the explorer can use it wherever a person types a name.

use std::fmt;

use super::fields::Name;
use super::text::{closest, fold};
use super::{Kind, KnowledgeBase, RecordRef};

/// Why a name did not resolve to exactly one record, with what to offer instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unresolved {
    /// What was typed.
    pub wanted: String,
    /// The kind that was looked for, if only one was.
    pub kind: Option<Kind>,
    /// When `ambiguous`, every record with that name; otherwise the closest names, best first.
    pub candidates: Vec<RecordRef>,
    /// Several records have this name: the person must pick one by id.
    pub ambiguous: bool,
    /// The id exists, but names a record of another kind (`--country C182`).
    pub other_kind: Option<RecordRef>,
}

/// The comparison key of a name: folded (case, accents, quote style), then letters and digits only, so
/// that "Côte d’Ivoire", "cote d'ivoire" and "Cote dIvoire" are one key, and "Viet Nam" is "Vietnam".
pub fn name_key(text: &str) -> String {
    fold(text).chars().filter(|c| c.is_alphanumeric()).collect()
}

impl KnowledgeBase {
    /// The record `wanted` names, of `kind` if given: an exact id (any case), else a record one of whose
    /// names (`typed_names`) has the same `name_key`. Several records of one name are `ambiguous`; no
    /// record at all gives the closest candidates.
    pub fn resolve(&self, wanted: &str, kind: Option<Kind>) -> Result<RecordRef, Unresolved> {
        let mut other_kind = None;
        if let Some(r) = self.find(wanted) {
            if kind.is_none_or(|k| k == r.kind) {
                return Ok(r);
            }
            other_kind = Some(r);
        }
        let key = name_key(wanted);
        let refs: Vec<RecordRef> = match kind {
            Some(k) => self.refs(k).collect(),
            None => self.all_refs().collect(),
        };
        let mut named: Vec<RecordRef> = Vec::new();
        if !key.is_empty() {
            for &r in &refs {
                if self.typed_names(r).iter().any(|n| name_key(n) == key) && !named.contains(&r) {
                    named.push(r);
                }
            }
        }
        match named.len() {
            1 => Ok(named[0]),
            0 => {
                let candidates = closest(
                    wanted,
                    refs.iter().flat_map(|&r| {
                        let id = self.id(r).to_string();
                        self.typed_names(r).into_iter().map(move |n| (n, id.clone()))
                    }),
                    5,
                )
                .iter()
                .filter_map(|id| self.find(id))
                .collect();
                Err(Unresolved {
                    wanted: wanted.to_string(),
                    kind,
                    candidates,
                    ambiguous: false,
                    other_kind,
                })
            }
            _ => Err(Unresolved {
                wanted: wanted.to_string(),
                kind,
                candidates: named,
                ambiguous: true,
                other_kind,
            }),
        }
    }

    /// Every name a person may type for a record: its id, title and aliases (`names`), and the other
    /// names the sources use (`Fields::other_names`): a programme's full name, a source's short title, a
    /// priority's or an area's number, a convention's NORMLEX code (`C029`) and its number ("182"; "29"
    /// names both C29 and P29, which `resolve` reports).
    pub fn typed_names(&self, r: RecordRef) -> Vec<String> {
        let mut names = self.names(r);
        let others = self.record(r).fields().other_names().into_iter();
        names.extend(others.filter(|(use_, _)| *use_ != Name::Alias).map(|(_, name)| name));
        names
    }
}

impl Unresolved {
    /// The message for a person: what was not found and what to type instead. `kb` describes the
    /// candidates ("GHA (Ghana)").
    /// The error for people, one line; what was typed is shown escaped, so no control character it
    /// holds reaches the terminal.
    pub fn message(&self, kb: &KnowledgeBase) -> String {
        let what = self.kind.map_or("record", kind_word);
        let wanted = super::text::escape(&self.wanted);
        let listed = |refs: &[RecordRef]| {
            refs.iter()
                .map(|&r| format!("{} ({})", kb.id(r), kb.title(r)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if self.ambiguous {
            return format!(
                "`{}` names {} {}s: {}; give one of these ids",
                wanted,
                self.candidates.len(),
                what,
                listed(&self.candidates)
            );
        }
        let mut message = format!("no {what} has the id `{wanted}` or that name");
        if let Some(r) = self.other_kind {
            message.push_str(&format!(" (`{}` is a {})", kb.id(r), kind_word(r.kind)));
        }
        match self.candidates.as_slice() {
            [] => {}
            [one] => message.push_str(&format!("; did you mean {}?", listed(&[*one]))),
            many => message.push_str(&format!("; did you mean one of: {}?", listed(many))),
        }
        message
    }
}

impl fmt::Display for Unresolved {
    /// Without a knowledge base at hand: the ids only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` does not name one record", super::text::escape(&self.wanted))
    }
}

/// "country", "convention", "result": a kind as it reads inside a sentence (the `kinds!` table's word).
pub fn kind_word(kind: Kind) -> &'static str {
    kind.word()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().expect("the built-in knowledge base loads")
    }

    #[test]
    fn keys_fold_case_accents_and_punctuation() {
        assert_eq!(name_key("Côte d’Ivoire"), name_key("cote d'ivoire"));
        assert_eq!(name_key("Viet Nam"), name_key("vietnam"));
        assert_eq!(name_key("DR Congo"), "drcongo");
    }

    #[test]
    fn names_and_aliases_resolve() {
        let kb = kb();
        for (typed, id) in [
            ("Ghana", "GHA"),
            ("gha", "GHA"),
            ("ivory coast", "CIV"),
            ("cote d'ivoire", "CIV"),
            ("Côte d’Ivoire", "CIV"),
            ("viet nam", "VNM"),
            ("C029", "C29"),
            ("182", "C182"),
        ] {
            let r = kb
                .resolve(typed, None)
                .unwrap_or_else(|e| panic!("{typed}: {}", e.message(&kb)));
            assert_eq!(kb.id(r), id, "{typed}");
        }
    }

    #[test]
    fn a_name_of_two_records_is_ambiguous() {
        let kb = kb();
        let err = kb.resolve("29", Some(Kind::Convention)).expect_err("C29 and P29");
        assert!(err.ambiguous);
        let ids: Vec<&str> = err.candidates.iter().map(|&r| kb.id(r)).collect();
        assert!(ids.contains(&"C29") && ids.contains(&"P29"), "{ids:?}");
    }

    #[test]
    fn an_unknown_name_offers_the_closest() {
        let kb = kb();
        let err = kb.resolve("Ghanna", Some(Kind::Country)).expect_err("a typo");
        assert!(!err.ambiguous);
        assert_eq!(err.candidates.first().map(|&r| kb.id(r)), Some("GHA"));
        let message = err.message(&kb);
        assert!(
            message.contains("did you mean") && message.contains("GHA (Ghana)"),
            "{message}"
        );
        let wrong_kind = kb.resolve("C182", Some(Kind::Country)).expect_err("not a country");
        assert!(wrong_kind.message(&kb).contains("is a convention"));
    }
}
