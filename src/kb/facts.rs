//! What the explorer's views need of every result, gathered once: its place in the theory of change
//! (the matrix, Priorities, a cell's page) and the period it reports (the timeline). At 100,000
//! results read from the cache, each gathering decodes every part of records (0.11 s on two cores);
//! once is enough, and 8 bytes a result is all that is kept.

use super::dates::parse_period;
use super::theory::Axis;
use super::{Achievement, Kind, KnowledgeBase};

/// One result's facts, packed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultFacts {
    /// The priority's position plus one; 0 when the source gives none (or past what 16 bits hold).
    priority: u16,
    area: u16,
    /// The period it reports, first and last year (`None`: no period, or not one).
    period: Option<(i16, i16)>,
}

impl ResultFacts {
    fn of(kb: &KnowledgeBase, a: &Achievement) -> ResultFacts {
        let place = |kind: Kind, id: Option<&str>| {
            let index = id.and_then(|id| kb.find_kind(kind, id)).map(|r| r.index);
            index.and_then(|i| u16::try_from(i + 1).ok()).unwrap_or(0)
        };
        let years = a.period.as_deref().and_then(|p| parse_period(p).ok());
        let small = |year: i32| i16::try_from(year).ok();
        ResultFacts {
            priority: place(Kind::Priority, a.priority.as_deref()),
            area: place(Kind::Area, a.area.as_deref()),
            period: years.and_then(|(first, last)| Some((small(first)?, small(last)?))),
        }
    }

    pub fn priority(self) -> Axis {
        axis(self.priority)
    }

    pub fn area(self) -> Axis {
        axis(self.area)
    }

    /// The period it reports, without reading the record.
    pub fn period(self) -> Option<Period> {
        self.period.map(|(first, last)| Period { first, last })
    }
}

/// A result's period: one year, or a range of years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    first: i16,
    last: i16,
}

impl Period {
    pub fn first(self) -> i32 {
        i32::from(self.first)
    }

    /// The year it was reported: its last.
    pub fn last(self) -> i32 {
        i32::from(self.last)
    }

    /// How many columns its text takes, without writing it (the explorer measures every row of the
    /// timeline on every frame).
    pub fn width(self) -> usize {
        let digits =
            |year: i16| year.unsigned_abs().checked_ilog10().map_or(1, |d| d as usize + 1) + usize::from(year < 0);
        if self.first == self.last {
            digits(self.last)
        } else {
            digits(self.first) + 1 + digits(self.last)
        }
    }

    /// Its text as the record writes it (`2023`, `2009-2018`: the only forms a period takes), on the
    /// stack: a list filter asks it of 100,000 rows on every key.
    pub fn text(self) -> PeriodText {
        use std::io::Write;
        let mut bytes = [0u8; 16];
        let mut out = &mut bytes[..];
        let written = if self.first == self.last {
            write!(out, "{}", self.last)
        } else {
            write!(out, "{}-{}", self.first, self.last)
        };
        let len = if written.is_ok() { 16 - out.len() } else { 0 };
        PeriodText { bytes, len }
    }
}

/// A period's text, held without allocating.
pub struct PeriodText {
    bytes: [u8; 16],
    len: usize,
}

impl PeriodText {
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..self.len]).unwrap_or_default()
    }
}

fn axis(place: u16) -> Axis {
    match place.checked_sub(1) {
        Some(index) => Axis::Is(usize::from(index)),
        None => Axis::None,
    }
}

impl KnowledgeBase {
    /// Every result's facts, in order: gathered the first time they are asked for (the records read
    /// part by part and dropped again), then kept.
    pub fn result_facts(&self) -> &[ResultFacts] {
        self.facts
            .get_or_init(|| self.achievements.gather(|a| ResultFacts::of(self, a)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_facts_are_those_of_each_result() {
        let kb = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let facts = kb.result_facts();
        assert_eq!(facts.len(), kb.len(Kind::Achievement));
        let place = |kind, id: &Option<String>| {
            id.as_deref()
                .and_then(|id| kb.find_kind(kind, id))
                .map_or(Axis::None, |r| Axis::Is(r.index))
        };
        for (a, f) in kb.achievements.iter().zip(facts) {
            assert_eq!(f.priority(), place(Kind::Priority, &a.priority), "{}", a.id);
            assert_eq!(f.area(), place(Kind::Area, &a.area), "{}", a.id);
            let period = f.period().map(|p| p.text().as_str().to_string());
            assert_eq!(period.as_deref(), a.period.as_deref(), "{}", a.id);
            assert_eq!(
                f.period().map(Period::width),
                a.period.as_ref().map(String::len),
                "{}",
                a.id
            );
            let last = a
                .period
                .as_deref()
                .and_then(|p| parse_period(p).ok())
                .map(|(_, last)| last);
            assert_eq!(f.period().map(Period::last), last, "{}", a.id);
        }
        assert!(facts.iter().any(|f| f.period().is_some() && f.priority() != Axis::None));
    }

    #[test]
    fn changing_the_records_gathers_the_facts_again() {
        let base = KnowledgeBase::builtin().expect("the built-in knowledge base loads");
        let mut kb = base.clone();
        let before = kb.result_facts().len();
        kb.achievements.extend(base.achievements.iter().take(10).cloned());
        assert_eq!(kb.result_facts().len(), before + 10);
    }
}
