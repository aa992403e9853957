//! What happened to those a number counts, as the words after it say ("5,000 injured", "300
//! arrested", "1,200 dead and wounded") and as a figure's label or unit says ("People killed").
//! A number of the injured read as a value of a figure of the dead would be compared with its
//! death tolls as one of them, in silence; casualties (the dead and the injured together) read
//! as deaths are the classic case. Such words are read only on a figure that names what they
//! name, or names no outcome at all (then nothing says they differ). Quotes are not held to this:
//! a quote's words are as often one step of what happened ("thousands forcibly disappeared and
//! extrajudicially executed") or say who ("thousands of imprisoned dissidents").

use super::counted::Counting;
use foldhash::HashMap;
use std::sync::LazyLock;

/// Outcomes, one bit each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Outcomes(u8);

const DEATH: u8 = 1;
const INJURY: u8 = 1 << 1;
const CASUALTY: u8 = 1 << 2;
const MISSING: u8 = 1 << 3;
const DETENTION: u8 = 1 << 4;
const DISPLACEMENT: u8 = 1 << 5;
const SURVIVAL: u8 = 1 << 6;

/// The words that name each outcome, as words after a number and in labels.
const WORDS: [(u8, &str); 7] = [
    (
        DEATH,
        "killed dead death deaths died dying deceased fatalities fatality fatal executed \
         execution executions murdered murders slain massacred perished lives bodies corpses",
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
        "displaced displacement evacuated evacuees fled uprooted refugees homeless",
    ),
    (SURVIVAL, "survivors survived rescued"),
];

/// Each listed word and its outcome.
static OUTCOME_OF: LazyLock<HashMap<&str, u8>> = LazyLock::new(|| {
    (WORDS.iter())
        .flat_map(|&(bit, words)| words.split_whitespace().map(move |word| (word, bit)))
        .collect()
});

/// How each outcome is named in a message.
const WHO: [(u8, &str); 7] = [
    (DEATH, "the dead"),
    (INJURY, "the injured"),
    (CASUALTY, "casualties (the dead and the injured)"),
    (MISSING, "the missing"),
    (DETENTION, "the detained"),
    (DISPLACEMENT, "the displaced"),
    (SURVIVAL, "survivors"),
];

impl Outcomes {
    /// The outcome `word` (lowercase) names, as listed.
    pub(super) fn of_word(word: &str) -> Option<(Outcomes, &'static str)> {
        let (&listed, &bit) = OUTCOME_OF.get_key_value(word)?;
        Some((Outcomes(bit), listed))
    }

    /// The outcomes `text` (a label or a unit) names anywhere in its words.
    fn named_in(text: &str) -> Outcomes {
        let text = text.to_lowercase();
        let words = text.split(|c: char| !c.is_alphanumeric());
        let bits = words.filter_map(|word| Some(Outcomes::of_word(word)?.0.0));
        Outcomes(bits.fold(0, |all, bit| all | bit)).together()
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

    /// The outcomes a figure counting `counting` names in its label and unit.
    pub(super) fn of_figure(counting: Counting) -> Outcomes {
        let unit = counting
            .unit
            .map_or(Outcomes::default(), Outcomes::named_in);
        Outcomes::named_in(counting.label).with(unit).together()
    }

    /// Whether a figure counting `counting` names these outcomes, or names none.
    pub(super) fn counted_by(self, counting: Counting) -> bool {
        let named = Outcomes::of_figure(counting);
        let wanted = self.counted();
        named.0 == 0 || named.0 & wanted == wanted
    }

    /// The outcomes that say what is counted: casualties for the dead and the injured together,
    /// since a figure of casualties does not count the dead alone.
    fn counted(self) -> u8 {
        if self.0 & CASUALTY != 0 {
            CASUALTY
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
}
