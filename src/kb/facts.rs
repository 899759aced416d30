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
    /// The last year of the period it reports (`None`: no period, or not one).
    last_year: Option<i16>,
    /// How many columns the period's text takes (its characters: digits and a hyphen).
    period_width: u8,
}

impl ResultFacts {
    fn of(kb: &KnowledgeBase, a: &Achievement) -> ResultFacts {
        let place = |kind: Kind, id: Option<&str>| {
            let index = id.and_then(|id| kb.find_kind(kind, id)).map(|r| r.index);
            index.and_then(|i| u16::try_from(i + 1).ok()).unwrap_or(0)
        };
        let period = a.period.as_deref();
        let last_year = period
            .and_then(|p| parse_period(p).ok())
            .and_then(|(_, last)| i16::try_from(last).ok());
        ResultFacts {
            priority: place(Kind::Priority, a.priority.as_deref()),
            area: place(Kind::Area, a.area.as_deref()),
            last_year,
            period_width: period.map_or(0, |p| u8::try_from(p.chars().count()).unwrap_or(u8::MAX)),
        }
    }

    pub fn priority(self) -> Axis {
        axis(self.priority)
    }

    pub fn area(self) -> Axis {
        axis(self.area)
    }

    /// The last year of the period it reports, and how wide the period's text is.
    pub fn period(self) -> Option<(i32, u8)> {
        self.last_year.map(|year| (i32::from(year), self.period_width))
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
            let period = a
                .period
                .as_deref()
                .and_then(|p| Some((parse_period(p).ok()?.1, p.len() as u8)));
            assert_eq!(f.period(), period, "{}", a.id);
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
