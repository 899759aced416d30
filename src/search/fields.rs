//! What text of each record is searched, and how much a match in it counts.
//!
//! A record is split into four fields by how telling a match in them is: its id, its names (title,
//! aliases), the short labels it is tagged with (sectors, countries, conventions, priority...), and its
//! running text, with the short title of the source it cites. Linked records lend their names, so "ivory
//! coast cocoa" finds a cocoa result in Côte d'Ivoire although the result's own text never says "Ivory
//! Coast".

use crate::kb::fields::Name;
use crate::kb::{Kind, KnowledgeBase, Record, RecordRef};

/// Where in a record a word was found. The order is the ranking order: lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Id = 0,
    Name = 1,
    Short = 2,
    Body = 3,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Id, Field::Name, Field::Short, Field::Body];

    /// The points an exact match of one query word earns in this field. The gaps are wide so that the
    /// field decides before the match quality does: a typo in a name still beats a word in the text.
    pub fn weight(self) -> u32 {
        match self {
            Field::Id => 1000,
            Field::Name => 1000,
            Field::Short => 400,
            Field::Body => 100,
        }
    }

    pub fn from_bits(bits: u32) -> Field {
        Field::ALL[(bits & 3) as usize]
    }
}

/// The record's own texts, each with its field; several texts may share a field. The names of linked
/// records (`linked`) count as `Field::Short` too: they are added by the index, which tokenizes each
/// linked record once rather than once per record linking to it.
pub fn record_texts(kb: &KnowledgeBase, r: RecordRef) -> Vec<(Field, String)> {
    let record = kb.record(r);
    let mut texts = vec![(Field::Id, record.id().to_string())];
    texts.extend(names(kb, r).into_iter().skip(1).map(|n| (Field::Name, n)));
    // Its own short labels: sectors, years, kinds, numbers.
    record.fields().labels(&mut |s: String| texts.push((Field::Short, s)));
    texts.push((Field::Body, record.body().to_string()));
    texts.extend(record.note().map(|n| (Field::Body, n.to_string())));
    texts.extend(cited_as(kb, record).map(|c| (Field::Body, c.to_string())));
    // Running text beyond `body()` and `note`: the rest of what `ipec show` displays.
    texts.extend(record.fields().more_text().into_iter().map(|b| (Field::Body, b)));
    texts
}

/// The source a record cites, as its citation line names it ("ILO–USDOL partnership report, 2019"): what
/// tells the USDOL report's tables from the brochure's, since their own text rarely says. As running text,
/// because every record of the source shares it.
fn cited_as<'a>(kb: &'a KnowledgeBase, record: Record<'_>) -> Option<&'a str> {
    let (source, _) = record.citation()?;
    let r = kb.find_kind(Kind::Source, source)?;
    match kb.record(r) {
        Record::Source(s) if s.id != record.id() => Some(s.short_title.as_deref().unwrap_or(&s.title)),
        _ => None,
    }
}

/// The whole names a person may type for a record (id first): `kb.names`, plus its full names (the
/// programme's). A query equal to one of these is the strongest match there is.
pub fn names(kb: &KnowledgeBase, r: RecordRef) -> Vec<String> {
    let mut names = kb.names(r);
    let full = kb.record(r).fields().other_names().into_iter();
    names.extend(full.filter(|(use_, _)| *use_ == Name::Full).map(|(_, name)| name));
    let acronyms: Vec<String> = names.iter().flat_map(|n| acronyms(n)).collect();
    names.extend(acronyms);
    names
}

/// The short forms a title spells out in brackets, "ILO Child Labour Platform (CLP)" → "CLP": people type
/// them as names of their own, so they should rank like an alias.
fn acronyms(name: &str) -> Vec<String> {
    name.split('(')
        .skip(1)
        .filter_map(|rest| rest.split_once(')'))
        .map(|(inside, _)| inside.trim())
        .filter(|inside| (2..=12).contains(&inside.len()) && !inside.contains(' '))
        .filter(|inside| inside.chars().any(|c| c.is_ascii_uppercase()))
        .map(String::from)
        .collect()
}

/// The records whose ids and names count as this one's labels: its countries (with their aliases),
/// priority, area, conventions, partnerships. The source is left out: every record of a source would
/// match its title words, which says nothing about them.
pub fn linked(kb: &KnowledgeBase, r: RecordRef) -> Vec<RecordRef> {
    let mut links = kb.links(r);
    links.retain(|target| target.kind != Kind::Source);
    links
}

/// Ties between equally good matches go to the kinds people most often look for by name (the `kinds!`
/// table's rank).
pub fn kind_rank(kind: Kind) -> u8 {
    kind.rank()
}

#[cfg(test)]
mod tests {
    use super::acronyms;

    #[test]
    fn bracketed_short_forms_become_names() {
        assert_eq!(acronyms("ILO Child Labour Platform (CLP)"), ["CLP"]);
        assert_eq!(
            acronyms("Decent Work Supply Chain Survey (DW-SCS) methodology"),
            ["DW-SCS"]
        );
        assert!(acronyms("Minimum Age Convention (1973)").is_empty());
        assert!(acronyms("a (long explanation in brackets)").is_empty());
        assert!(acronyms("unbalanced (CLP").is_empty());
    }
}
