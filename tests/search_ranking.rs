//! What a person typing a half-remembered country, sector, convention or figure, or asking a whole
//! question, must land on: realistic queries built from the shipped knowledge base, each with the record
//! that must come first or be in the first three. All cases run, and every failure is reported at once
//! with the results actually given.

use ipec::kb::{Kind, KnowledgeBase};
use ipec::search::SearchIndex;

#[derive(Clone, Copy)]
enum Want {
    First,
    Top3,
}
use Want::{First, Top3};

const CASES: &[(&str, &str, Want)] = &[
    // Countries by name, code, alias, prefix, typo; case and diacritics never matter.
    ("ghana", "GHA", First),
    ("GHA", "GHA", First),
    ("gha", "GHA", First),
    ("Ghanna", "GHA", First),
    ("cote", "CIV", First),
    ("Côte d’Ivoire", "CIV", First),
    ("cote d'ivoire", "CIV", First),
    ("COTE DIVOIRE", "CIV", Top3),
    ("Ivory Coast", "CIV", First),
    ("DRC", "COD", First),
    ("congo", "COD", First),
    ("Burma", "MMR", First),
    ("Vietnam", "VNM", First),
    ("viet nam", "VNM", First),
    ("Tanzania", "TZA", First),
    ("UAE", "ARE", First),
    ("holland", "NLD", First),
    ("Brasil", "BRA", First),
    ("madag", "MDG", First),
    ("Madagaskar", "MDG", First),
    ("Uzbekistn", "UZB", First),
    ("ugand", "UGA", First),
    ("Burkina", "BFA", First),
    // Typos and diacritics in the words of results.
    ("Telengana", "ind-telangana-cotton-dialogue-platform", Top3),
    ("Telengana", "ind-telangana-integrated-fprw", Top3),
    ("telangana cotton", "ind-telangana-cotton-dialogue-platform", First),
    ("carnauba", "bra-supply-chain-decent-work-guidelines", First),
    ("carnaúba", "bra-supply-chain-decent-work-guidelines", First),
    ("soubre mars", "civ-soubre-mars-cocoa-agronomy-training", First),
    // Several words, in any order, across title, labels and linked records.
    ("ghana fishing", "gha-fishing-tripartite-committee", Top3),
    ("ghana fishing", "gha-fishing-shipping-notices", Top3),
    ("fishing ghana", "gha-fishing-tripartite-committee", Top3),
    ("cocoa insurance", "civ-cocoa-health-insurance", First),
    ("ivory coast cocoa insurance", "civ-cocoa-health-insurance", First),
    (
        "cocoa ghana social security",
        "gha-cocoa-farmers-social-security",
        First,
    ),
    ("nepal bonded", "npl-bridge-former-bonded-labourers-livelihoods", Top3),
    ("cotton mali", "mli-cotton-cooperatives-roadmap", First),
    ("cobalt drc", "cod-cobalt-survey-feasibility", First),
    ("mica madagascar", "mdg-mica-vanilla-survey", Top3),
    ("vanilla", "mdg-mica-vanilla-survey", First),
    ("sugar mexico", "mex-sugar-industry-value-chain-action-plan", First),
    ("garment nepal fees", "npl-garment-recruitment-fees", First),
    ("fair recruitment malaysia", "mys-fair-recruitment-toolkit", First),
    ("syria yemen", "scream-syria-yemen", First),
    ("refugees jordan", "jor-refugee-vulnerability-child-labour", First),
    ("electronics viet nam", "vnm-electronics-dw-scs", First),
    ("argentina firewood", "arg-rural-domestic-child-labour-reduction", First),
    ("uzbek cotton harvest", "uzb-cotton-harvest-ilo-monitoring", First),
    (
        "mato grosso",
        "bra-mato-grosso-combatting-slave-labour-smart-lab",
        First,
    ),
    ("myanmar action plan", "mmr-national-action-plan-child-labour", First),
    ("humanitarian toolkit", "acpha-child-labour-humanitarian-toolkit", First),
    // Conventions by id, title, and words of the title.
    ("C182", "C182", First),
    ("c182", "C182", First),
    ("worst forms", "C182", First),
    ("worst forms of child labour", "C182", First),
    ("minimum age", "C138", First),
    ("C29", "C29", First),
    ("P29", "P29", First),
    ("protocol forced labour", "P29", First),
    ("work in fishing", "C188", First),
    ("freedom of association", "C87", First),
    ("Uzbekistan C87", "uzb-c87-ratification-december-2017", First),
    ("madagascar mining code", "mdg-mining-code-c182", First),
    // By the bare number, as people say it.
    ("182", "C182", First),
    ("138", "C138", First),
    ("29", "C29", First),
    ("convention 182", "C182", First),
    // Figures remembered with or without separators.
    ("4690", "cod-clmrs-mine-sites", First),
    ("4,690", "cod-clmrs-mine-sites", First),
    ("6091", "civ-cocoa-health-insurance", First),
    ("6,091", "civ-cocoa-health-insurance", First),
    ("11000", "uzb-cotton-harvest-ilo-monitoring", First),
    (
        "6,100 children",
        "mex-stop-child-labour-agriculture-6100-children",
        First,
    ),
    ("152 million", "global-estimates-2017-40-million-152-million", First),
    // Priorities, areas, partnerships, resources, the programme.
    ("enterprises supply chains", "enterprises-supply-chains", First),
    ("crisis fragility", "crisis-fragility", First),
    ("rural informal", "rural-informal-economy", First),
    ("knowledge data", "knowledge-data", First),
    ("Alliance 8.7", "alliance-8-7", First),
    ("8.7 accelerator lab", "accelerator-lab-8-7", First),
    ("impact bond", "civ-cocoa-impact-bond", Top3),
    ("impact bond", "civ-cocoa-impact-bond", Top3),
    ("ILO USDOL", "ilo-usdol-partnership", First),
    ("CLP", "child-labour-platform", First),
    ("ACPHA", "acpha", First),
    ("child labour platform", "child-labour-platform", First),
    ("Guatemla", "GTM", First),
    ("Phillipines", "PHL", First),
    ("ivory cost", "CIV", First),
    ("2,500 municipalities", "mirti-at-risk-municipalities", First),
    ("78 countries", "global-reduction-support-78-countries", First),
    ("modern slavery 2022", "global-estimates-modern-slavery-2022", First),
    ("CLMRS", "cod-clmrs-mine-sites", First),
    ("durban call to action", "durban-call-to-action", First),
    ("forced labour observatory", "forced-labour-observatory", First),
    ("global estimates 2020", "child-labour-global-estimates-2020", First),
    ("IPEC+", "ipec-plus", First),
    (
        "world day against child labour",
        "global-world-day-against-child-labour",
        Top3,
    ),
    ("buenos aires", "arg-buenos-aires-global-conference-2017", First),
    // Things the sources name only in passing, each a record of its own (issue 14): a convention, programmes,
    // projects and campaigns, publications and declarations, and figures quoted in running text.
    ("domestic workers convention", "C189", First),
    ("C189", "C189", First),
    (
        "music against child labour",
        "music-against-child-labour-initiative",
        First,
    ),
    ("TACKLE", "tackle", First),
    ("red card", "red-card-to-child-labour-campaign", First),
    ("ACCEL Africa", "accel-africa", First),
    ("MyPEC", "mypec", First),
    ("bridge project", "bridge-project", First),
    ("time-bound programmes", "time-bound-programmes", First),
    ("smart lab", "decent-work-smart-lab", Top3),
    ("good harvest", "good-harvest-program", First),
    ("priority action programme supply chains", "pap-supply-chains", Top3),
    ("HDPN paper", "child-labour-hdpn-paper", Top3),
    ("UNGPs", "un-guiding-principles-business-human-rights", First),
    ("paris principles", "paris-principles-children-armed-conflict", Top3),
    ("2017 global estimates", "global-estimates-2017", First),
    (
        "one in every four children",
        "children-in-conflict-fragility-disaster",
        First,
    ),
    ("168 million", "child-labour-168-million-2014", First),
    // Questions as staff and trainers type them (issue 13): question words never make a query fail, the
    // shape of the question leads to the kind that answers it, word forms and synonyms meet the knowledge
    // base's own words. Each expected record was read to check that it answers the question.
    // The issue's own examples.
    (
        "how many children are in child labour",
        "child-labour-2020-total",
        First,
    ),
    (
        "how many people are in forced labour",
        "forced-labour-global-total",
        First,
    ),
    (
        "what did the ilo do in myanmar",
        "mmr-national-action-plan-child-labour",
        Top3,
    ),
    ("who funds ipec", "funding-partners", First),
    ("mica mining madagascar children", "mdg-mica-vanilla-survey", Top3),
    (
        "which countries have laws against child labour usdol",
        "partnership-report-legislation-laws-by-region",
        Top3,
    ),
    // How many, how much, what share: figures and tables first.
    (
        "how many children are in hazardous work",
        "child-labour-2020-total",
        Top3,
    ),
    ("how many children are in child labor", "child-labour-2020-total", Top3),
    (
        "how many girls and boys are in child labour",
        "child-labour-2020-by-sex",
        Top3,
    ),
    (
        "what share of child labour is in agriculture",
        "child-labour-2020-by-sector",
        Top3,
    ),
    (
        "how many children work in agriculture",
        "child-labour-2020-by-sector",
        Top3,
    ),
    (
        "how many people are in modern slavery",
        "modern-slavery-child-labour-2017-estimates",
        Top3,
    ),
    ("how many children are in forced labour", "forced-labour-children", Top3),
    (
        "how many migrant workers are in forced labour",
        "forced-labour-migrant-workers",
        Top3,
    ),
    (
        "what share of forced labour is in the private economy",
        "forced-labour-private-economy-share",
        Top3,
    ),
    (
        "ninety per cent of forced labour private economy",
        "forced-labour-private-economy-share",
        Top3,
    ),
    ("how many countries does ipec work in", "ipec-plus-countries-2024", Top3),
    ("how many member states does the ilo have", "ilo-member-states", Top3),
    (
        "how many children live in countries affected by conflict",
        "children-in-conflict-fragility-disaster",
        Top3,
    ),
    ("what is the financing gap for the sdgs", "sdg-financing-gap", Top3),
    ("how many informal workers are there", "informal-workers-2022", Top3),
    (
        "what is the prevalence of child labour in africa",
        "child-labour-2020-regional-prevalence",
        Top3,
    ),
    (
        "how many children are in child labour in latin america",
        "lac-child-labour-2000-2020",
        Top3,
    ),
    (
        "how many children were withdrawn from child labour",
        "partnership-report-children-withdrawn-prevented",
        Top3,
    ),
    (
        "how much did usdol give in 1995",
        "partnership-report-first-agreement-funding-1995",
        Top3,
    ),
    (
        "how many projects has the ilo usdol partnership implemented",
        "partnership-report-projects-since-1995",
        Top3,
    ),
    (
        "how many countries has usdol supported",
        "partnership-report-countries-supported-2004-2018",
        Top3,
    ),
    (
        "how many countries ratified convention 182",
        "partnership-report-child-labour-convention-ratifications",
        Top3,
    ),
    (
        "how many ratifications does the protocol on forced labour have",
        "partnership-report-forced-labour-convention-ratifications",
        Top3,
    ),
    (
        "how many laws were adopted",
        "partnership-report-legislation-laws-by-region",
        Top3,
    ),
    (
        "how many people pick cotton in uzbekistan",
        "partnership-report-uzbekistan-cotton-pickers",
        Top3,
    ),
    (
        "what share of the world's cocoa comes from ghana and cote d'ivoire",
        "partnership-report-cocoa-share-civ-gha",
        Top3,
    ),
    (
        "how many cocoa producers got health insurance in cote d'ivoire",
        "civ-cocoa-health-insurance",
        Top3,
    ),
    (
        "how many children were found at mine sites in the drc",
        "cod-clmrs-mine-sites",
        Top3,
    ),
    (
        "how many partners does alliance 8.7 have",
        "alliance-8-7-partner-organizations",
        Top3,
    ),
    (
        "how many pathfinder countries are there",
        "alliance-8-7-pathfinder-countries",
        Top3,
    ),
    (
        "how many businesses use the child labour platform",
        "clp-guidance-tool-businesses",
        Top3,
    ),
    (
        "how many municipalities are at risk in latin america",
        "mirti-at-risk-municipalities",
        Top3,
    ),
    (
        "how many SMEs did the business network train",
        "gbn-forced-labour-fair-recruitment-training",
        Top3,
    ),
    (
        "how many people were trained in fair recruitment in mexico",
        "mex-fair-recruitment-training",
        Top3,
    ),
    (
        "how many fishing vessels were detained in ghana",
        "gha-fishing-shipping-notices",
        Top3,
    ),
    // Who funds, donors, partners: partnerships and funders.
    ("who are ipec's donors", "funding-partners", Top3),
    ("which companies fund ipec", "funding-partners", Top3),
    ("does the european union fund ipec", "european-union", Top3),
    ("who funds tackle", "european-union", Top3),
    (
        "who paid for the first cooperative agreement",
        "partnership-report-first-agreement-funding-1995",
        Top3,
    ),
    // Where: countries.
    ("where does ipec work on mica", "MDG", Top3),
    ("where is gold mining done by cooperatives", "MLI", Top3),
    ("where did the ilo monitor the cotton harvest", "UZB", Top3),
    ("where was the smart lab created", "BRA", Top3),
    // When: events.
    (
        "when is the world day against child labour",
        "wdacl-2023-side-event",
        Top3,
    ),
    (
        "when was the red card campaign launched in japan",
        "japan-red-card-campaign-launch-2013",
        Top3,
    ),
    (
        "when was the third global conference on child labour",
        "third-global-conference-child-labour-2013",
        Top3,
    ),
    (
        "when was the global conference in buenos aires",
        "arg-buenos-aires-global-conference-2017",
        Top3,
    ),
    (
        "when did myanmar adopt its child labour action plan",
        "mmr-national-action-plan-child-labour",
        Top3,
    ),
    // What did the ILO do, what is: results and the records named.
    (
        "what did the ilo do in uzbekistan cotton",
        "uzb-cotton-harvest-ilo-monitoring",
        Top3,
    ),
    (
        "what has the ilo done in nepal on bonded labour",
        "npl-bridge-former-bonded-labourers-livelihoods",
        Top3,
    ),
    (
        "what did the ilo do on climate change",
        "climate-change-child-labour-issue-paper",
        Top3,
    ),
    (
        "what is the ilo doing about forced labor in brazil",
        "forced-labour-brazil-peru-project",
        Top3,
    ),
    ("what is the worst forms of child labour convention", "C182", First),
    ("which convention is about the minimum age", "C138", Top3),
    ("what is alliance 8.7", "alliance-8-7", First),
    ("what is the accelerator lab", "accelerator-lab-8-7", Top3),
    ("what is the durban call to action", "durban-call-to-action", First),
    (
        "how do i measure forced labour",
        "icls-forced-labour-measurement-guidelines",
        Top3,
    ),
    (
        "what toolkit is there for child labour in humanitarian crises",
        "acpha-child-labour-humanitarian-toolkit",
        Top3,
    ),
    (
        "who are the members of the global business network on forced labour",
        "gbn-forced-labour-membership",
        Top3,
    ),
    (
        "which organisations are in the supply chains action group",
        "supply-chains-action-group-membership",
        Top3,
    ),
    // Word forms, synonyms and spellings.
    ("child labour in mines in the drc", "cod-clmrs-mine-sites", Top3),
    (
        "children harvesting cotton in uzbekistan",
        "uzb-cotton-harvest-ilo-monitoring",
        Top3,
    ),
    (
        "what laws did madagascar change on mining",
        "mdg-mining-code-c182",
        Top3,
    ),
    (
        "how did mexico raise the minimum age",
        "mex-constitution-minimum-age-15-c138-ratification",
        Top3,
    ),
    (
        "is there a survey on forced labour in nepal",
        "npl-labour-force-survey-forced-labour-component",
        Top3,
    ),
    (
        "how many former bonded labourers got support in nepal",
        "npl-bridge-former-bonded-labourers-livelihoods",
        Top3,
    ),
];

fn check(index: &SearchIndex, kb: &KnowledgeBase, query: &str, want: &str, how: Want) -> bool {
    let got: Vec<&str> = index
        .search(kb, query, None, 3)
        .iter()
        .map(|h| kb.id(h.record))
        .collect();
    let ok = match how {
        First => got.first() == Some(&want),
        Top3 => got.contains(&want),
    };
    if !ok {
        eprintln!("`{query}`: wanted {want} ({}), got {got:?}", label(how));
    }
    ok
}

fn label(how: Want) -> &'static str {
    match how {
        First => "first",
        Top3 => "in the first three",
    }
}

#[test]
fn realistic_queries_land_on_the_right_record() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let index = SearchIndex::build(&kb);
    let failures = CASES
        .iter()
        .filter(|(q, want, how)| !check(&index, &kb, q, want, *how))
        .count();
    assert_eq!(failures, 0, "{failures} of {} ranking cases failed", CASES.len());
}

#[test]
fn every_expected_record_exists() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    for (_, want, _) in CASES {
        assert!(kb.find(want).is_some(), "no record `{want}`");
    }
}

#[test]
fn kind_filter_ranks_within_the_kind() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let index = SearchIndex::build(&kb);
    let hits = index.search(&kb, "cote", Some(Kind::Achievement), 3);
    assert!(hits.iter().all(|h| h.record.kind == Kind::Achievement));
    assert!(kb.id(hits[0].record).starts_with("civ-"));
}

#[test]
fn typing_a_country_keeps_it_first_from_the_third_letter() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let index = SearchIndex::build(&kb);
    for (word, id) in [("madagascar", "MDG"), ("uzbekistan", "UZB"), ("guatemala", "GTM")] {
        for n in 3..=word.len() {
            let hits = index.search(&kb, &word[..n], None, 1);
            assert_eq!(kb.id(hits[0].record), id, "after typing `{}`", &word[..n]);
        }
    }
}

#[test]
fn question_words_never_make_a_query_fail() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let index = SearchIndex::build(&kb);
    for query in [
        "how many children are in child labour",
        "how many people are in forced labour",
        "what did the ilo do in myanmar",
        "who funds ipec",
    ] {
        assert!(
            !index.search(&kb, query, None, 10).is_empty(),
            "`{query}` found nothing"
        );
    }
    // A query of nothing but such words is searched as typed: "in" is the start of "India".
    let hits = index.search(&kb, "in", None, 3);
    assert!(hits.iter().any(|h| kb.id(h.record) == "IND"));
}

#[test]
fn partial_matches_come_below_full_ones_and_name_the_words_they_miss() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let index = SearchIndex::build(&kb);
    let hits = index.search(&kb, "mica mining madagascar children", None, 50);
    let survey = hits
        .iter()
        .find(|h| kb.id(h.record) == "mdg-mica-vanilla-survey")
        .expect("the mica survey");
    assert_eq!(survey.missing, ["mining"]);
    assert!(hits.windows(2).all(|w| w[0].missing.len() <= w[1].missing.len()));
    // Every hit of a query whose words all match somewhere together misses none.
    let full = index.search(&kb, "ghana fishing", None, 50);
    assert!(full.iter().all(|h| h.missing.is_empty()));
    // One or two words must all match.
    assert!(index.search(&kb, "ghana zzzzqqq", None, 10).is_empty());
}

#[test]
fn the_shape_of_a_question_leads_to_its_kind() {
    let kb = KnowledgeBase::builtin().expect("the built-in knowledge base is valid");
    let index = SearchIndex::build(&kb);
    let first_kind = |q: &str| index.search(&kb, q, None, 1).first().map(|h| h.record.kind);
    assert_eq!(first_kind("how many children are in child labour"), Some(Kind::Figure));
    assert_eq!(first_kind("number of children in child labour"), Some(Kind::Figure));
    assert_eq!(first_kind("how much did usdol give in 1995"), Some(Kind::Figure));
    assert_eq!(first_kind("who funds ipec"), Some(Kind::Partnership));
    assert_eq!(first_kind("ipec donors"), Some(Kind::Partnership));
    assert_eq!(first_kind("where is cocoa"), Some(Kind::Country));
    assert_eq!(first_kind("when was the red card campaign launched"), Some(Kind::Event));
    // Without a shape, the same words lead elsewhere.
    assert_ne!(first_kind("red card campaign"), Some(Kind::Event));
}
