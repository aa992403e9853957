//! What happened to those a number counts, as the words after it say ("5,000 injured", "300
//! arrested", "1,200 dead and wounded") and as a figure's label or unit says ("People killed").
//! A number of the injured read as a value of a figure of the dead would be compared with its
//! death tolls as one of them, in silence; casualties (the dead and the injured together) read
//! as deaths are the classic case. Such words are read only on a figure that names what they
//! name, or names no outcome at all (then nothing says they differ). A figure whose label joins
//! outcomes with "or" or "and" ("People killed or injured") counts them together, so words naming
//! only one of them count a part. A quote is held to this only where the outcome follows its
//! number right away (see `counted::outcome_in_quote`): further on, a quote's words are as often
//! one step of what happened ("thousands forcibly disappeared and extrajudicially executed") or
//! say who ("thousands of imprisoned dissidents").

use super::counted::Counting;
use foldhash::HashMap;
use std::sync::LazyLock;

/// Outcomes, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Outcomes(u16);

const DEATH: u16 = 1;
const INJURY: u16 = 1 << 1;
const CASUALTY: u16 = 1 << 2;
const MISSING: u16 = 1 << 3;
const DETENTION: u16 = 1 << 4;
const DISPLACEMENT: u16 = 1 << 5;
const SURVIVAL: u16 = 1 << 6;
const SENTENCE: u16 = 1 << 7;
const RELEASE: u16 = 1 << 8;
const AFFECTED: u16 = 1 << 9;
const ILLNESS: u16 = 1 << 10;
const RETURN: u16 = 1 << 11;
const TRAPPED: u16 = 1 << 12;
const TREATMENT: u16 = 1 << 13;
const TESTING: u16 = 1 << 14;

/// The words that name each outcome, as words after a number and in labels.
const WORDS: [(u16, &str); 15] = [
    (
        DEATH,
        "killed dead death deaths died dying deceased fatalities fatality fatal executed \
         execution executions murdered murders slain massacred perished lives bodies corpses \
         hanged beheaded drowned slaughtered lynched",
    ),
    (INJURY, "injured injuries injury wounded wounds hurt maimed"),
    (CASUALTY, "casualties casualty"),
    (
        MISSING,
        "missing disappeared disappearances disappearance unaccounted",
    ),
    (
        DETENTION,
        "arrested arrests detained detainees detention detentions imprisoned jailed \
         incarcerated",
    ),
    (
        DISPLACEMENT,
        "displaced displacement evacuated evacuees fled uprooted relocated refugees homeless",
    ),
    (SURVIVAL, "survivors survived rescued recovered"),
    (SENTENCE, "sentenced condemned sentences"),
    (RELEASE, "released freed pardoned spared acquitted escaped"),
    (AFFECTED, "affected"),
    (ILLNESS, "infected sick ill hospitalised hospitalized"),
    (RETURN, "returned returnees resettled"),
    (TRAPPED, "trapped stranded"),
    (TREATMENT, "treated vaccinated inoculated"),
    (TESTING, "tested screened"),
];

/// Each listed word and its outcome.
static OUTCOME_OF: LazyLock<HashMap<&str, u16>> = LazyLock::new(|| {
    (WORDS.iter())
        .flat_map(|&(bit, words)| words.split_whitespace().map(move |word| (word, bit)))
        .collect()
});

/// The words that may stand between outcomes a label joins into one count.
const JOINING: [&str; 3] = [",", "or", "and"];

/// How each outcome is named in a message.
const WHO: [(u16, &str); 15] = [
    (DEATH, "the dead"),
    (INJURY, "the injured"),
    (CASUALTY, "casualties (the dead and the injured)"),
    (MISSING, "the missing"),
    (DETENTION, "the detained"),
    (DISPLACEMENT, "the displaced"),
    (SURVIVAL, "survivors"),
    (SENTENCE, "the sentenced"),
    (RELEASE, "the released"),
    (AFFECTED, "those affected"),
    (ILLNESS, "the sick"),
    (RETURN, "those who returned"),
    (TRAPPED, "the trapped or stranded"),
    (TREATMENT, "those treated or vaccinated"),
    (TESTING, "those tested"),
];

/// Words after "death" that make it name a sentence, not a death: "death sentences", "death row".
const SENTENCE_AFTER_DEATH: [&str; 3] = ["sentence", "sentences", "row"];

impl Outcomes {
    /// The outcome `word` (lowercase) names, as listed.
    pub(super) fn of_word(word: &str) -> Option<(Outcomes, &'static str)> {
        let (&listed, &bit) = OUTCOME_OF.get_key_value(word)?;
        Some((Outcomes(bit), listed))
    }

    /// The outcome `word` names where `next` follows it: "death" before "sentences" names a
    /// sentence.
    pub(super) fn of_words(word: &str, next: Option<&str>) -> Option<(Outcomes, &'static str)> {
        if Outcomes::named_by_two(word, next) {
            return Some((Outcomes(SENTENCE), "sentences"));
        }
        Outcomes::of_word(word)
    }

    /// Whether `word` and `next` name one outcome together: "death sentences", "death row".
    pub(super) fn named_by_two(word: &str, next: Option<&str>) -> bool {
        word == "death" && next.is_some_and(|next| SENTENCE_AFTER_DEATH.contains(&next))
    }

    /// The outcomes `text` (a label or a unit) names anywhere in its words, and those among them
    /// it joins into one count: with a comma, "or" or "and" between them ("killed, injured or
    /// missing", "Deaths and injuries"), not side by side ("Detainees executed").
    fn named_in(text: &str) -> (Outcomes, Outcomes) {
        let text = text.to_lowercase().replace(',', " , ");
        let words: Vec<&str> = (text.split(|c: char| !c.is_alphanumeric() && c != ','))
            .filter(|w| !w.is_empty())
            .collect();
        let (mut all, mut joined) = (0, 0);
        // The outcome named last, and whether a joining word has followed it since.
        let mut open: Option<(u16, bool)> = None;
        for (k, &word) in words.iter().enumerate() {
            match (
                Outcomes::of_words(word, words.get(k + 1).copied()),
                &mut open,
            ) {
                (Some((Outcomes(bit), _)), _) => {
                    if let Some((before, true)) = open {
                        joined |= before | bit;
                    }
                    all |= bit;
                    open = Some((bit, false));
                }
                (None, Some((_, join))) if JOINING.contains(&word) => *join = true,
                (None, _) => open = None,
            }
        }
        let joined = Outcomes(joined);
        (Outcomes(all).together(), joined.together())
    }

    /// The outcomes a figure counting `counting` names in its label and unit, and those it joins
    /// into one count.
    fn of_figure(counting: Counting) -> (Outcomes, Outcomes) {
        let (unit, unit_joined) = counting.unit.map_or(Default::default(), Outcomes::named_in);
        let (label, label_joined) = Outcomes::named_in(counting.label);
        (label.with(unit), label_joined.with(unit_joined))
    }

    pub(super) fn with(self, other: Outcomes) -> Outcomes {
        Outcomes(self.0 | other.0)
    }

    /// The dead and the injured together are casualties.
    pub(super) fn together(self) -> Outcomes {
        if self.0 & (DEATH | INJURY) == DEATH | INJURY {
            Outcomes(self.0 | CASUALTY)
        } else {
            self
        }
    }

    /// Whether a figure counting `counting` names these outcomes, or names none; a figure that
    /// joins outcomes into one count counts these only when they are the same count.
    pub(super) fn counted_by(self, counting: Counting) -> bool {
        let (named, joined) = Outcomes::of_figure(counting);
        let wanted = self.counted();
        if joined.0 != 0 {
            return joined.counted() == wanted;
        }
        named.0 == 0 || named.0 & wanted == wanted
    }

    /// What a figure counting `counting` counts, in words ("the dead and the missing"): the
    /// outcomes it joins into one count, or else every one it names.
    pub(super) fn figure_counts(counting: Counting) -> String {
        let (named, joined) = Outcomes::of_figure(counting);
        if joined.0 != 0 { joined } else { named }.who()
    }

    /// The outcomes that say what is counted: casualties for the dead and the injured together,
    /// since a figure of casualties does not count the dead alone.
    fn counted(self) -> u16 {
        if self.0 & CASUALTY != 0 {
            self.0 & !(DEATH | INJURY)
        } else {
            self.0
        }
    }

    /// The outcomes in words: "the injured", "the missing and the detained", "casualties (the
    /// dead and the injured)".
    pub(super) fn who(self) -> String {
        let names: Vec<&str> = (WHO.iter())
            .filter(|(bit, _)| self.counted() & bit != 0)
            .map(|&(_, name)| name)
            .collect();
        names.join(" and ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn on(label: &str) -> Counting<'_> {
        Counting {
            unit: Some("people"),
            label,
        }
    }

    fn of(word: &str) -> Outcomes {
        Outcomes::of_word(word).unwrap().0
    }

    #[test]
    fn an_outcome_reads_on_a_figure_naming_it_or_naming_none() {
        assert!(of("dead").counted_by(on("People killed in the protests")));
        assert!(of("killed").counted_by(on("People executed in 1988")));
        assert!(of("killed").counted_by(on("Death toll of the earthquake")));
        assert!(of("injured").counted_by(on("Victims of the flood")));
        assert!(of("casualties").counted_by(on("Casualties of the strike")));
        assert!(of("casualties").counted_by(on("People killed or injured")));
        assert!(of("arrested").counted_by(on("Protesters arrested or detained")));
    }

    #[test]
    fn an_outcome_the_figure_does_not_name_is_told_apart() {
        assert!(!of("injured").counted_by(on("People killed in the protests")));
        assert!(!of("casualties").counted_by(on("Deaths in the earthquake")));
        assert!(!of("killed").counted_by(on("Casualties of the strike")));
        assert!(!of("missing").counted_by(on("People killed")));
        assert!(!of("displaced").counted_by(on("Deaths in the floods")));
        let dead_and_wounded = of("dead").with(of("wounded")).together();
        assert!(!dead_and_wounded.counted_by(on("People killed")));
        assert!(dead_and_wounded.counted_by(on("Casualties")));
        assert_eq!(
            dead_and_wounded.who(),
            "casualties (the dead and the injured)"
        );
        assert_eq!(of("wounded").who(), "the injured");
    }

    #[test]
    fn a_figure_joining_outcomes_counts_them_together_not_one_alone() {
        let casualties = on("People killed or injured in the strike");
        assert!(!of("killed").counted_by(casualties));
        assert!(!of("injured").counted_by(casualties));
        assert!(of("casualties").counted_by(casualties));
        assert!(
            of("dead")
                .with(of("wounded"))
                .together()
                .counted_by(casualties)
        );
        let missing = on("People killed, injured or missing");
        assert!(!of("casualties").counted_by(missing));
        let all_three = of("casualties").with(of("missing"));
        assert!(all_three.counted_by(missing));
        assert_eq!(
            Outcomes::figure_counts(missing),
            "casualties (the dead and the injured) and the missing"
        );
        assert!(!of("executed").counted_by(on("Prisoners executed and disappeared")));
        // Side by side, one word says who, the other what happened to them.
        let detainees = on("Detainees executed in 1988");
        assert!(of("killed").counted_by(detainees));
        // Joined across words that are neither outcomes nor joining words, nothing is.
        assert!(of("killed").counted_by(on("People killed and their families displaced")));
    }

    #[test]
    fn the_sentenced_and_the_released_are_not_the_dead() {
        let executed = on("People executed in 1988");
        for word in [
            "sentenced",
            "condemned",
            "released",
            "freed",
            "pardoned",
            "spared",
        ] {
            assert!(!of(word).counted_by(executed), "{word}");
        }
        assert!(of("hanged").counted_by(executed));
        // "Death" before "sentences" or "row" names a sentence, in a value and in a label.
        let (sentences, _) = Outcomes::of_words("death", Some("sentences")).unwrap();
        assert_eq!(sentences.who(), "the sentenced");
        assert!(!sentences.counted_by(executed));
        let issued = on("Death sentences issued in 1988");
        assert!(sentences.counted_by(issued));
        assert!(!of("executed").counted_by(issued));
        assert_eq!(
            Outcomes::of_words("death", Some("toll")),
            Outcomes::of_word("death")
        );
    }

    #[test]
    fn those_affected_sick_returned_or_trapped_are_told_apart() {
        let displaced = on("People displaced by the floods");
        let cholera = on("Deaths in the cholera outbreak");
        for (word, who) in [
            ("affected", "those affected"),
            ("infected", "the sick"),
            ("returned", "those who returned"),
            ("stranded", "the trapped or stranded"),
        ] {
            assert!(!of(word).counted_by(displaced), "{word}");
            assert!(!of(word).counted_by(cholera), "{word}");
            assert_eq!(of(word).who(), who);
        }
        assert!(of("relocated").counted_by(displaced));
        assert!(of("hospitalised").counted_by(on("People taken ill with cholera")));
        // Displaced people are a part of those affected, not all of them.
        assert!(!of("displaced").counted_by(on("People affected by the floods")));
    }
}
