//! The other words a query word may appear as in the knowledge base: its forms (children for child,
//! mining for mines), its synonyms there (legislation for laws, funding for donors), its other spelling
//! (labor for labour, organization for organisation) and, for small numbers, the digits or the word.
//!
//! This only proposes words; the query side keeps those the vocabulary holds, so a rule that proposes a
//! word no record uses costs one binary search and matches nothing. The rules are kept narrow all the same
//! (short stems are left alone: "paper" is not a form of "pap", the supply-chain programme's id), and
//! the groups below are the knowledge base's own vocabulary for the things people ask about.

use super::matcher::EXACT;

/// Another form of the same word: "children" for "child", "harvesting" for "harvest".
pub const FORM: u32 = 900;
/// Another word the knowledge base uses for the same thing: "legislation" for "laws".
pub const SYNONYM: u32 = 800;

/// Words the knowledge base uses for one thing, as families of forms: a word finds the other forms of
/// its family as forms, and the other families as synonyms.
const GROUPS: &[&[&[&str]]] = &[
    &[&["child", "children"], &["kid", "kids"]],
    &[
        &["fund", "funds", "funding", "funded", "funder", "funders"],
        &["donor", "donors"],
        &["financing", "financed"],
    ],
    &[&["mine", "mines", "mining", "mined", "miner", "miners"]],
    &[&["law", "laws"], &["legislation", "legislations", "legislative"]],
    &[&[
        "harvest",
        "harvests",
        "harvesting",
        "harvested",
        "harvester",
        "harvesters",
    ]],
    &[&["person", "persons", "people"]],
    &[&["woman", "women"]],
    &[&["man", "men"]],
    &[&[
        "fishing",
        "fishers",
        "fisher",
        "fisheries",
        "fishery",
        "fishermen",
        "fisherman",
        "fish",
    ]],
    &[&["pick", "picks", "picking", "picked", "picker", "pickers"]],
    &[&["farm", "farms", "farming", "farmer", "farmers"]],
    &[&[
        "ratify",
        "ratifies",
        "ratified",
        "ratifying",
        "ratification",
        "ratifications",
    ]],
    &[&[
        "recruit",
        "recruits",
        "recruiting",
        "recruited",
        "recruitment",
        "recruiters",
    ]],
    &[&["traffic", "trafficking", "trafficked", "traffickers"]],
    &[&["slave", "slaves", "slavery"]],
    &[&["work", "works", "working"]],
    &[&["trade", "trades", "trading", "traders"]],
    &[&["garment", "garments"], &["textile", "textiles", "apparel"]],
    &[
        &["company", "companies"],
        &["business", "businesses"],
        &["enterprise", "enterprises"],
    ],
];

/// Spellings that differ between British and American English and that no rule below derives safely.
const SPELLINGS: &[(&str, &str)] = &[
    ("centre", "center"),
    ("centres", "centers"),
    ("defence", "defense"),
    ("licence", "license"),
    ("programme", "program"),
    ("programmes", "programs"),
    ("enrolment", "enrollment"),
    ("travelling", "traveling"),
];

/// British and American endings, longest first so that "organisation" is not read as "organis" + "ation".
const ISE_IZE: [(&str, &str); 16] = [
    ("isations", "izations"),
    ("ysations", "yzations"),
    ("isation", "ization"),
    ("ysation", "yzation"),
    ("ising", "izing"),
    ("ysing", "yzing"),
    ("isers", "izers"),
    ("ysers", "yzers"),
    ("ises", "izes"),
    ("yses", "yzes"),
    ("ised", "ized"),
    ("ysed", "yzed"),
    ("iser", "izer"),
    ("yser", "yzer"),
    ("ise", "ize"),
    ("yse", "yze"),
];

/// Every other word `word` may appear as, with how well it stands for it (`EXACT` for another spelling,
/// `FORM`, `SYNONYM`); `word` itself is not included. A few dozen at most, without duplicates.
pub fn variants(word: &str) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    if word.len() < 3 || super::tokens::has_digit(word) {
        return out;
    }
    let mut bases = vec![(word.to_string(), EXACT)];
    bases.extend(spellings(word).into_iter().map(|s| (s, EXACT)));
    for (base, quality) in bases {
        for (other, q) in group(&base) {
            add(&mut out, word, other.to_string(), q.min(quality));
        }
        for form in forms(&base) {
            add(&mut out, word, form, FORM.min(quality));
        }
        add(&mut out, word, base, quality);
    }
    // The other spelling of every form found: "labourers" for "laborers".
    for i in 0..out.len() {
        let (found, quality) = out[i].clone();
        for s in spellings(&found) {
            add(&mut out, word, s, quality);
        }
    }
    out
}

/// Adds `other` to `out` unless it is `word`, keeping the better quality of a word proposed twice.
fn add(out: &mut Vec<(String, u32)>, word: &str, other: String, quality: u32) {
    if other == word {
        return;
    }
    match out.iter_mut().find(|(o, _)| *o == other) {
        Some((_, q)) => *q = (*q).max(quality),
        None => out.push((other, quality)),
    }
}

/// The ids a bare number may stand for: a convention's or protocol's number is how people name it ("182"
/// is C182, "29" C29 and P29), as the names of `ipec show` and the filters already accept.
pub fn convention_ids(word: &str) -> Vec<String> {
    if (1..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit()) && !word.starts_with('0') {
        vec![format!("c{word}"), format!("p{word}")]
    } else {
        Vec::new()
    }
}

/// The members of `word`'s group: its own family at `FORM`, the others at `SYNONYM`.
fn group(word: &str) -> Vec<(&'static str, u32)> {
    let mut out = Vec::new();
    for group in GROUPS {
        let Some(own) = group.iter().position(|family| family.contains(&word)) else {
            continue;
        };
        for (i, family) in group.iter().enumerate() {
            let quality = if i == own { FORM } else { SYNONYM };
            out.extend(family.iter().filter(|w| **w != word).map(|w| (*w, quality)));
        }
    }
    out
}

/// The other spelling of a word: British and American, in both directions.
fn spellings(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (british, american) in SPELLINGS {
        if word == *british {
            out.push(american.to_string());
        } else if word == *american {
            out.push(british.to_string());
        }
    }
    // -our / -or, as a suffix only and not in short words ("four" is not "for", "tour" not "tor").
    const ENDINGS: [&str; 8] = ["", "s", "er", "ers", "ed", "ing", "ism", "al"];
    for ending in ENDINGS {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        if let Some(root) = stem.strip_suffix("our").filter(|r| r.len() >= 3) {
            out.push(format!("{root}or{ending}"));
        } else if let Some(root) = stem.strip_suffix("or").filter(|r| r.len() >= 3) {
            out.push(format!("{root}our{ending}"));
        }
    }
    // -ise / -ize and -isation / -ization, -yse / -yze.
    for (british, american) in ISE_IZE {
        if let Some(root) = word.strip_suffix(british).filter(|r| r.len() >= 3) {
            out.push(format!("{root}{american}"));
        } else if let Some(root) = word.strip_suffix(american).filter(|r| r.len() >= 3) {
            out.push(format!("{root}{british}"));
        }
    }
    out
}

/// Regular forms: the singular and plural, and for stems of five letters or more the -ing, -ed and -er
/// forms ("harvesting", "monitored"). Shorter stems are too often other words ("united" is not "unit").
fn forms(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Singular and plural.
    if let Some(stem) = word.strip_suffix("ies").filter(|s| s.len() >= 2) {
        out.push(format!("{stem}y"));
    } else if let Some(stem) = word.strip_suffix("es") {
        out.push(stem.to_string());
        out.push(format!("{stem}e"));
    } else if let Some(stem) = word.strip_suffix('s') {
        let not_plural = ["ss", "us", "is"].iter().any(|e| word.ends_with(e)) || ["news", "mars"].contains(&word);
        if !not_plural {
            out.push(stem.to_string());
        }
    } else {
        out.push(format!("{word}s"));
        if word.ends_with(['s', 'x', 'z']) || word.ends_with("ch") || word.ends_with("sh") {
            out.push(format!("{word}es"));
        }
        if let Some(stem) = word
            .strip_suffix('y')
            .filter(|s| !s.ends_with(['a', 'e', 'i', 'o', 'u']))
        {
            out.push(format!("{stem}ies"));
        }
    }
    // The verb and its doer.
    let stem = verb_stem(word);
    if stem.len() >= 5 {
        let e_less = stem.strip_suffix('e').unwrap_or(&stem);
        for ending in ["ing", "ed", "er", "ers"] {
            out.push(format!("{e_less}{ending}"));
        }
        out.push(format!("{stem}s"));
        out.push(stem.clone());
    }
    out.retain(|w| w != word && w.len() >= 3);
    out
}

/// The stem of a verb form: "harvest" for "harvesting", "harvested" and "harvesters"; "trade" for
/// "trading"; the word itself when it has no such ending.
fn verb_stem(word: &str) -> String {
    for ending in ["ing", "ed", "ers", "er"] {
        let Some(stem) = word.strip_suffix(ending) else {
            continue;
        };
        let bytes = stem.as_bytes();
        let n = bytes.len();
        // "controlling" → "control".
        if n >= 6 && bytes[n - 1] == bytes[n - 2] && !b"aeiouls".contains(&bytes[n - 1]) {
            return stem[..n - 1].to_string();
        }
        return stem.to_string();
    }
    word.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, other: &str) -> bool {
        variants(word).iter().any(|(w, _)| w == other)
    }

    #[test]
    fn the_issue_s_word_forms() {
        for (a, b) in [
            ("child", "children"),
            ("funds", "funding"),
            ("funds", "funders"),
            ("funds", "donors"),
            ("donors", "funding"),
            ("mines", "mining"),
            ("mining", "mine"),
            ("laws", "legislation"),
            ("law", "laws"),
            ("harvest", "harvesting"),
            ("harvesting", "harvest"),
            ("labour", "labor"),
            ("labor", "labour"),
            ("labourers", "laborers"),
            ("organisation", "organization"),
            ("organizations", "organisations"),
            ("programme", "program"),
            ("countries", "country"),
            ("country", "countries"),
            ("monitoring", "monitored"),
        ] {
            assert!(has(a, b), "{a} → {b}: {:?}", variants(a));
            assert!(has(b, a), "{b} → {a}: {:?}", variants(b));
        }
    }

    #[test]
    fn short_stems_and_look_alikes_are_left_alone() {
        assert!(!has("paper", "pap"));
        assert!(!has("united", "unit"));
        assert!(!has("four", "for"));
        assert!(!has("tour", "tor"));
        assert!(!has("news", "new"));
        assert!(!has("mars", "mar"));
        assert!(!has("status", "statu"));
        assert!(!has("former", "forming"));
        assert!(variants("us").is_empty());
        assert!(variants("c182").is_empty());
    }

    #[test]
    fn convention_numbers_stand_for_their_ids() {
        assert_eq!(convention_ids("182"), ["c182", "p182"]);
        assert!(convention_ids("4690").is_empty());
        assert!(convention_ids("029").is_empty());
        assert!(convention_ids("c182").is_empty());
    }

    #[test]
    fn spellings_are_as_good_as_the_word() {
        let q = variants("labour")
            .into_iter()
            .find(|(w, _)| w == "labor")
            .map(|(_, q)| q);
        assert_eq!(q, Some(EXACT));
        let q = variants("laws")
            .into_iter()
            .find(|(w, _)| w == "legislation")
            .map(|(_, q)| q);
        assert_eq!(q, Some(SYNONYM));
        assert!(variants("children").iter().all(|(w, _)| w != "children"));
    }
}
