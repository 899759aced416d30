//! The answer first: what a result line shows of a figure, so that "how many children are in child labour"
//! is answered without opening it ("160 million children — in child labour in 2020, ..."), and the words
//! of the question a result did not match. The palette and `ipec search` both write their lines from
//! here, so that they say the same.

use crate::document::format::format_number;
use crate::kb::text::sanitize;
use crate::kb::{Figure, KnowledgeBase, Record, RecordRef};

/// Between a figure's value and its headline or title.
pub const SEPARATOR: &str = " — ";
/// Between a title and what follows it (a table's size, the missing words).
pub const AFTER_TITLE: &str = " · ";

/// What a result line says of a figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// "160 million children", "total 160 million children", "5 values in per cent".
    pub value: String,
    /// The text the figure is headlined with ("in child labour in 2020, ..."), which reads after the value.
    pub headline: Option<String>,
    /// Whether the value is the answer and leads the line: a figure with a value or a total does; a table
    /// of rates without a total follows its title with its size.
    pub leads: bool,
}

impl Answer {
    /// The figure's whole line: "160 million children — in child labour in 2020, ...",
    /// "12 countries — Countries where TACKLE aims to fight child labour", "Regional prevalence of child
    /// labour, 2020 · 5 values in per cent".
    pub fn line(&self, title: &str) -> String {
        match (&self.headline, self.leads) {
            (Some(headline), true) => format!("{}{SEPARATOR}{headline}", self.value),
            (None, true) => format!("{}{SEPARATOR}{title}", self.value),
            (_, false) => format!("{title}{AFTER_TITLE}{}", self.value),
        }
    }

    /// Where the title starts in `line`, in characters, if the line shows it: for highlighting.
    pub fn title_offset(&self) -> Option<usize> {
        match (&self.headline, self.leads) {
            (Some(_), true) => None,
            (None, true) => Some(self.value.chars().count() + SEPARATOR.chars().count()),
            (_, false) => Some(0),
        }
    }
}

/// The answer a figure gives, or `None` for a record of another kind.
pub fn answer(kb: &KnowledgeBase, r: RecordRef) -> Option<Answer> {
    // Peeked, not kept: the explorer draws hits from anywhere among 100,000 results.
    kb.peek(r, |record| match record {
        Record::Figure(f) => Some(figure_answer(f)),
        _ => None,
    })
    .flatten()
}

fn figure_answer(f: &Figure) -> Answer {
    let headline = f
        .headline
        .as_deref()
        .map(|h| sanitize(h).into_owned())
        .filter(|h| !h.is_empty());
    match (f.value, f.total) {
        // "more than 100 countries": the source's own wording of a bound or an approximation.
        (Some(v), _) => Answer {
            value: with_unit(&crate::kb::Qualifier::apply(f.qualifier, format_number(v)), &f.unit),
            headline,
            leads: true,
        },
        (None, Some(t)) => Answer {
            value: with_unit(&format!("total {}", format_number(t)), &f.unit),
            headline: None,
            leads: true,
        },
        (None, None) => Answer {
            value: format!("{} values in {}", f.rows.len(), sanitize(&f.unit)),
            headline: None,
            leads: false,
        },
    }
}

fn with_unit(value: &str, unit: &str) -> String {
    let unit = sanitize(unit);
    if unit.is_empty() {
        value.to_string()
    } else {
        format!("{value} {unit}")
    }
}

/// The words a result did not match, as its line ends: "missing: mining, usdol"; `None` when it matched
/// them all.
pub fn missing_note(missing: &[String]) -> Option<String> {
    (!missing.is_empty()).then(|| format!("missing: {}", missing.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kb() -> KnowledgeBase {
        KnowledgeBase::builtin().expect("the built-in knowledge base is valid")
    }

    fn line(kb: &KnowledgeBase, id: &str) -> String {
        let r = kb.find(id).expect("the record exists");
        answer(kb, r).expect("a figure").line(kb.title(r))
    }

    #[test]
    fn a_figure_s_line_leads_with_its_value() {
        let kb = kb();
        assert_eq!(
            line(&kb, "child-labour-2020-total"),
            "160 million children — in child labour in 2020, 79 million of them in hazardous work"
        );
        assert_eq!(
            line(&kb, "tackle-countries"),
            "12 countries — Countries where TACKLE aims to fight child labour"
        );
        assert!(line(&kb, "child-labour-2020-by-sex").starts_with("total 160 million children — Children"));
        assert_eq!(
            line(&kb, "child-labour-2020-regional-prevalence"),
            "Regional prevalence of child labour, 2020 · 5 values in per cent"
        );
    }

    #[test]
    fn the_title_offset_points_at_the_title() {
        let kb = kb();
        for id in ["tackle-countries", "child-labour-2020-regional-prevalence"] {
            let r = kb.find(id).expect("the record exists");
            let a = answer(&kb, r).expect("a figure");
            let at = a.title_offset().expect("the title is shown");
            let shown: String = a.line(kb.title(r)).chars().skip(at).collect();
            assert!(shown.starts_with(kb.title(r)), "{shown}");
        }
        assert!(answer(&kb, kb.find("GHA").expect("Ghana")).is_none());
    }

    #[test]
    fn missing_words_are_named() {
        assert_eq!(missing_note(&[]), None);
        assert_eq!(
            missing_note(&["mining".to_string(), "usdol".to_string()]),
            Some("missing: mining, usdol".to_string())
        );
    }
}
