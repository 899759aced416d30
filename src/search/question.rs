//! Reading a query as the question a person typed: which of its words carry its meaning, which only give
//! it its shape, and what kind of record the shape asks for.
//!
//! "how many children are in child labour" means `children child labour`, asked for a number: "how",
//! "many", "are" and "in" match nothing useful (or, worse, every record), so they must never make a query
//! fail; "how many" says that a figure answers it. Numbers written as words are read as numbers, so
//! "ninety per cent" finds the 90 of a figure and "one in four" the 1 in 4.
//!
//! Nothing here knows the index: the words come in folded (`tokens::query_words`) and go out classified.

use crate::kb::Kind;

/// What a word does in the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A word the answer must contain: a record that lacks it is missing part of what was asked.
    Meaning,
    /// A word that helps when a record has it and costs nothing when it does not: "share" in "what share
    /// of", "per cent".
    Optional,
    /// A word that carries no meaning in a question ("how", "the", "did"): dropped.
    Stop,
}

/// One word of the question as it will be searched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word as folded, or the number words it stands for joined by spaces ("one hundred").
    pub text: String,
    pub role: Role,
    /// The number a run of number words spells, as digits: "90" for "ninety".
    pub number: Option<String>,
    /// A word of the knowledge base's own that this one stands for here: "who paid" asks who funded.
    pub stands_for: Option<&'static str>,
    /// The word is (the start of) the last word typed, which may still be growing.
    pub typing: bool,
}

/// What kind of answer the question's shape asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// "how many", "how much", "number of", "what share", "per cent": figures and tables.
    Amount,
    /// "who funds", "funders", "donors", "partners": partnerships and funders.
    Funders,
    /// "where": countries.
    Place,
    /// "when", "what year": events.
    Time,
    /// "what did ... do", "results": results (achievements).
    Results,
}

impl Shape {
    /// The kind of record that answers a question of this shape.
    pub fn kind(self) -> Kind {
        match self {
            Shape::Amount => Kind::Figure,
            Shape::Funders => Kind::Partnership,
            Shape::Place => Kind::Country,
            Shape::Time => Kind::Event,
            Shape::Results => Kind::Achievement,
        }
    }
}

/// A query read as a question.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Question {
    pub words: Vec<Word>,
    pub shape: Option<Shape>,
}

impl Question {
    /// The words a record must contain (or most of them).
    pub fn meaning(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().filter(|w| w.role == Role::Meaning)
    }

    pub fn optional(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().filter(|w| w.role == Role::Optional)
    }
}

/// Words that carry no meaning in a question: question words, auxiliaries and light verbs ("comes
/// from"), pronouns, articles and prepositions. Not "us" (US$, the US Department of Labor), "no" ("No.
/// 182") or "d" ("Côte d'Ivoire"). Sorted, for the binary search.
const STOP: &[&str] = &[
    "a", "about", "against", "all", "am", "among", "an", "and", "any", "are", "as", "at", "be", "been", "being", "but",
    "by", "came", "can", "come", "comes", "could", "did", "do", "does", "doing", "done", "for", "from", "gets", "go",
    "goes", "had", "has", "have", "having", "he", "her", "here", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "know", "ll", "many", "may", "me", "might", "much", "must", "my", "not", "of", "on", "onto", "or", "our",
    "please", "re", "s", "shall", "she", "should", "so", "some", "t", "tell", "than", "that", "the", "their", "them",
    "there", "these", "they", "this", "those", "to", "use", "uses", "ve", "was", "we", "went", "were", "what", "when",
    "where", "which", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
];

pub fn is_stop(word: &str) -> bool {
    STOP.binary_search(&word).is_ok()
}

/// Words that cannot tell the records of this knowledge base apart: the organisation and the programme
/// every record is about, and "work" (as in "where does IPEC work", "how many children work"). They count
/// when a record has them (and in phrases: "work in fishing"), and never make one miss.
const WEAK: &[&str] = &["ilo", "ipec", "work", "worked", "working", "works"];
/// The verbs of "how much did USDOL give": in a question of amount, the amount is the meaning.
const AMOUNT_VERBS: &[&str] = &[
    "contribute",
    "contributed",
    "cost",
    "gave",
    "get",
    "give",
    "given",
    "got",
    "invest",
    "invested",
    "receive",
    "received",
    "spend",
    "spent",
];
/// The words that make a question ask for an amount when they follow "what" or stand on their own.
const AMOUNT_WORDS: &[&str] = &["number", "percent", "percentage", "proportion", "share"];
/// The verbs of "who funds ...".
const FUNDING_VERBS: &[&str] = &[
    "finance",
    "finances",
    "financed",
    "fund",
    "funded",
    "funds",
    "pay",
    "paid",
    "pays",
    "sponsor",
    "sponsored",
    "sponsors",
    "support",
    "supported",
    "supports",
];
/// Words that ask for partnerships on their own.
const FUNDER_WORDS: &[&str] = &[
    "donor", "donors", "funder", "funders", "partner", "partners", "sponsors",
];

/// Reads the folded words of a query. The last word is marked `typing`: it may still be growing (in a
/// search box it always may; the command line passes whole words, and is treated alike).
pub fn read(words: &[String]) -> Question {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    let mut shape = None;
    let mut i = 0;
    while i < words.len() {
        if let Some((number, len)) = number_words(&words[i..]) {
            out.push(Word {
                text: words[i..i + len].join(" "),
                role: Role::Meaning,
                number: Some(number.to_string()),
                stands_for: None,
                typing: i + len == words.len(),
            });
            i += len;
            continue;
        }
        let (role, asks) = role_of(words, i);
        shape = shape.or(asks);
        out.push(Word {
            text: words[i].clone(),
            role,
            number: None,
            stands_for: (i > 0 && words[i - 1] == "who" && FUNDING_VERBS.contains(&words[i].as_str()))
                .then_some("fund"),
            typing: i + 1 == words.len(),
        });
        i += 1;
    }
    if !out.iter().any(|w| w.role == Role::Meaning) {
        // Nothing but question words ("who", "in" while typing "india"): search them as typed.
        for word in &mut out {
            word.role = Role::Meaning;
        }
        shape = None;
    }
    Question { words: out, shape }
}

/// The role of word `i` of `words`, and the shape it gives the question if any.
fn role_of(words: &[String], i: usize) -> (Role, Option<Shape>) {
    let word = words[i].as_str();
    let before = |w: &str| i > 0 && words[i - 1] == w;
    let after = |w: &str| words.get(i + 1).is_some_and(|next| next == w);
    match word {
        "how" if after("many") || after("much") => (Role::Stop, Some(Shape::Amount)),
        "per" if after("cent") => (Role::Optional, Some(Shape::Amount)),
        "cent" if before("per") => (Role::Optional, Some(Shape::Amount)),
        "percent" | "percentage" => (Role::Optional, Some(Shape::Amount)),
        "number" if after("of") => (Role::Optional, Some(Shape::Amount)),
        w if before("what") && AMOUNT_WORDS.contains(&w) => (Role::Optional, Some(Shape::Amount)),
        "who"
            if words
                .get(i + 1)
                .is_some_and(|next| FUNDING_VERBS.contains(&next.as_str())) =>
        {
            (Role::Stop, Some(Shape::Funders))
        }
        w if FUNDER_WORDS.contains(&w) => (Role::Meaning, Some(Shape::Funders)),
        "where" => (Role::Stop, Some(Shape::Place)),
        "when" => (Role::Stop, Some(Shape::Time)),
        "year" | "date" if before("what") || before("which") => (Role::Optional, Some(Shape::Time)),
        "what"
            if words[i + 1..].iter().any(|w| w == "did" || w == "has" || w == "have")
                && words[i + 1..]
                    .iter()
                    .any(|w| w == "do" || w == "done" || w == "achieve" || w == "achieved") =>
        {
            (Role::Stop, Some(Shape::Results))
        }
        "results" | "achievements" => (Role::Optional, Some(Shape::Results)),
        w if is_stop(w) => (Role::Stop, None),
        w if WEAK.contains(&w) => (Role::Optional, None),
        w if AMOUNT_VERBS.contains(&w) && asks_amount(words) => (Role::Optional, None),
        _ => (Role::Meaning, None),
    }
}

/// Whether the question asks "how many" or "how much".
fn asks_amount(words: &[String]) -> bool {
    words
        .windows(2)
        .any(|w| w[0] == "how" && (w[1] == "many" || w[1] == "much"))
}

/// The numbers below twenty as words, at their value.
const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Twenty to ninety.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Numbers as words, up to the thousands: "ninety" is 90, "one hundred and sixty" 160, "twenty five" 25.
/// "million" and "billion" stay words: the knowledge base writes "160 million".
fn number_value(word: &str) -> Option<u64> {
    if let Some(n) = SMALL.iter().position(|w| *w == word) {
        return Some(n as u64);
    }
    TENS.iter().position(|w| *w == word).map(|n| (n as u64 + 2) * 10)
}

/// The number a run of number words at the start of `words` spells, and how many words it took: at
/// least one, never ending on "and".
fn number_words(words: &[String]) -> Option<(u64, usize)> {
    let (mut total, mut current, mut len, mut used) = (0u64, 0u64, 0usize, 0usize);
    for (i, word) in words.iter().enumerate() {
        match word.as_str() {
            "hundred" if used > 0 => current = current.max(1) * 100,
            "thousand" if used > 0 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            "and" if used > 0 => continue,
            w => match number_value(w) {
                // "twenty five", "hundred and six": a smaller number adds; "one two" are two numbers.
                Some(n) if used == 0 || current % 100 == 0 || (current % 10 == 0 && n < 10) => current += n,
                _ => break,
            },
        }
        used += 1;
        len = i + 1;
    }
    (used > 0).then_some((total + current, len))
}

/// Digits as the word people also write: "4" and "four". Only the small numbers, which texts spell out.
pub fn number_word(digits: &str) -> Option<&'static str> {
    match digits.parse::<usize>().ok()? {
        20 => Some(TENS[0]),
        n => SMALL.get(n).copied(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(text: &str) -> Question {
        read(&crate::search::query_words(text))
    }

    fn meaning(text: &str) -> Vec<String> {
        question(text).meaning().map(|w| w.text.clone()).collect()
    }

    #[test]
    fn stop_words_are_sorted() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]), "STOP must be sorted");
    }

    #[test]
    fn question_words_carry_no_meaning() {
        assert_eq!(
            meaning("how many children are in child labour"),
            ["children", "child", "labour"]
        );
        assert_eq!(meaning("what did the ilo do in myanmar"), ["myanmar"]);
        assert_eq!(meaning("who funds ipec"), ["funds"]);
        assert_eq!(meaning("how much did usdol give in 1995"), ["usdol", "1995"]);
        assert_eq!(meaning("give"), ["give"]);
        assert_eq!(meaning("ghana fishing"), ["ghana", "fishing"]);
    }

    #[test]
    fn a_query_of_only_question_words_is_searched_as_typed() {
        assert_eq!(meaning("in"), ["in"]);
        assert_eq!(meaning("who"), ["who"]);
        assert_eq!(meaning("the ilo"), ["the", "ilo"]);
        assert_eq!(question("in").shape, None);
    }

    #[test]
    fn the_shape_names_the_kind() {
        let shape = |q: &str| question(q).shape;
        assert_eq!(shape("how many people are in forced labour"), Some(Shape::Amount));
        assert_eq!(shape("how much did usdol give"), Some(Shape::Amount));
        assert_eq!(shape("number of children in hazardous work"), Some(Shape::Amount));
        assert_eq!(
            shape("what share of forced labour is in the private economy"),
            Some(Shape::Amount)
        );
        assert_eq!(shape("ninety per cent"), Some(Shape::Amount));
        assert_eq!(
            shape("who paid for the first cooperative agreement"),
            Some(Shape::Funders)
        );
        assert_eq!(question("who paid for it").words[1].stands_for, Some("fund"));
        assert_eq!(question("paid work").words[0].stands_for, None);
        assert_eq!(shape("who funds ipec"), Some(Shape::Funders));
        assert_eq!(shape("ipec donors"), Some(Shape::Funders));
        assert_eq!(shape("where does ipec work on cocoa"), Some(Shape::Place));
        assert_eq!(shape("when was the durban conference"), Some(Shape::Time));
        assert_eq!(shape("what did the ilo do in myanmar"), Some(Shape::Results));
        assert_eq!(shape("ghana fishing"), None);
        assert_eq!(shape("market share"), None);
        assert_eq!(Shape::Amount.kind(), Kind::Figure);
    }

    #[test]
    fn shape_words_are_optional() {
        let q = question("what share of forced labour");
        let optional: Vec<&str> = q.optional().map(|w| w.text.as_str()).collect();
        assert_eq!(optional, ["share"]);
        assert_eq!(meaning("world cocoa share"), ["world", "cocoa", "share"]);
    }

    #[test]
    fn numbers_written_as_words() {
        let numbers = |q: &str| -> Vec<Option<String>> { question(q).meaning().map(|w| w.number.clone()).collect() };
        assert_eq!(numbers("ninety per cent"), [Some("90".to_string())]);
        assert_eq!(
            numbers("one hundred and sixty million"),
            [Some("160".to_string()), None]
        );
        assert_eq!(numbers("twenty five"), [Some("25".to_string())]);
        assert_eq!(numbers("one in four"), [Some("1".to_string()), Some("4".to_string())]);
        assert_eq!(numbers("two thousand"), [Some("2000".to_string())]);
        assert_eq!(numbers("one two"), [Some("1".to_string()), Some("2".to_string())]);
        assert_eq!(question("one hundred").words[0].text, "one hundred");
        assert_eq!(number_word("4"), Some("four"));
        assert_eq!(number_word("160"), None);
    }
}
