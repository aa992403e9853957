//! Words after a value's number phrase that would pass for words saying what is counted, yet
//! change what the number says: a scale the grammar does not read ("3 lakh" is 300,000, "12 tsd"
//! 12,000), a period or item that makes it a rate ("5,000 a day", "5,000 each"), a bound, an
//! approximation, a projection, an average or a change ("5,000 people minimum", "5,000-odd",
//! "5,000 expected", "5,000 average", "5,000 additional"). Read as a count, each would be misread
//! in silence; each is refused instead. (Bounds the grammar reads right after the number, "5,000
//! minimum" or "5,000 at most", never reach here.) In quotes, a rate is kept apart from the count
//! of a figure that names no period ("about 400 a day" on "People killed").

use super::counted::Counting;
use super::lexer::{Kind, Token};
use super::units::Unit;
use foldhash::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

/// Why a word after the number is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Refusal {
    /// A scale word of another usage or language, an abbreviation or a misspelling of one.
    Scale,
    /// A number for each period or item.
    Rate,
    /// A word that would change the reading otherwise.
    Reading,
    /// Words that limit the count to a time or a part: refused in values only (see
    /// [`super::scope`]), never by the lists here.
    Scope,
}

/// Scale words the grammar does not read: other usages, languages and abbreviations.
const SCALES: &str = "lakh lakhs lacs crore crores kharab thsd tsd thou thous ks mil \
    mill mm mln mio mn bil bln mld mrd tn trn score myriad myriads quadrillion \
    quadrillions quintillion quintillions zillion zillions gazillion gazillions jillion jillions \
    milliard milliards mille millón millones milhão milhões bilhão bilhões millionen \
    milliarden tausend hundert miljoen miljard miljoner miljoonaa tys tyś tysięcy тыс тысяч млн \
    млрд 万 萬 億 亿 千 百 兆 thsnd tho hund hndrd mils mlns mns bns bill trln trl trill mds kk lkh \
    laks lahk laakh karod cror milioni miliardi milyon miljonen millioner milliarder tusen tusind \
    duizend тысячи миллионов doz grand";

/// Scale words a misspelling is one edit from ("millon", "thousnd").
const SPELLED_SCALES: [&str; 11] = [
    "hundred",
    "thousand",
    "million",
    "billion",
    "trillion",
    "milliard",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
];

/// Words that bound, approximate, project, average or change the number they follow.
const READING: &str = "minimum min maximum max tops floor ceiling cap limit bound counting \
    rising growing climbing mounting increasing upward upwards onward onwards beyond higher lower \
    highest lowest exceeded surpassed topped threshold mark milestone peak conservatively \
    undercount lowball change \
    odd ish approx approximate approximation approximated apprx appr est thereabouts rough \
    ballpark guesstimate estimation estimates projection \
    projected forecast predicted expected potential possible probable feared believed presumed \
    reportedly allegedly unconfirmed unofficially provisional provisionally preliminary tentative \
    initial partial incomplete \
    average median mean increase decrease decreasing declining falling rise drop additional extra \
    down short net fold simultaneously pct bps basis percentage \
    best worst capped height peaked peaking minimally conservative soaring surging swelling \
    escalating spiralling spiraling aprox approximatley approximatly aproximately \
    aproximadamente cca environ etwa zirka rounded something \
    presumably potentially tentatively preliminarily initially supposedly apparently seemingly \
    unverified unofficial purported rumoured rumored anticipated forecasted modelled modeled \
    planned targeted target goal quota capacity projections estimations estd guesstimates \
    avg averaged averaging typical typically usually normally \
    further jump spike surge uptick hike gain loss fall decline reduction cut shortfall deficit \
    growth difference gap surplus increased incremental yoy \
    dropping plummeting plunging dipping slumping ballooning shrinking dwindling multiplying \
    expanding snowballing plunge slump dip climb leap boost bump upturn downturn increment \
    additions shortage margin majority plurality swing delta advantage discrepancy overcount \
    spread bigger larger smaller lesser pledged promised requested sought budgeted proposed \
    earmarked authorised authorized ambition scenario hypothetical simulated baseline benchmark \
    ratio index percentile imputed extrapolated weighted adjusted fte etc unless \
    may might could would";

/// Words that, after "a", "each", "every" or "per", make a number one for each period or item:
/// "a day", "every year" ("at a time" too).
const PERIODS: &str = "second minute hour day night shift week weekend fortnight month quarter \
    term semester session season year yr decade generation century time head person capita \
    piece pop family household village";

/// Words that say a number is one for each period or item on their own.
const RATES: &str = "hourly daily nightly weekly fortnightly biweekly monthly quarterly yearly \
    annually annual annualized annualised biannually semiannually bimonthly everyday each apiece";

/// Every listed word with why it is refused, looked up for the word after every number phrase of
/// every value and quote.
static REFUSED: LazyLock<HashMap<&str, Refusal>> = LazyLock::new(|| {
    let listed = |list: &'static str, refusal| list.split_whitespace().map(move |w| (w, refusal));
    // A word in two lists keeps the later: a scale over a rate over another word.
    (listed(READING, Refusal::Reading))
        .chain(listed(RATES, Refusal::Rate))
        .chain(listed(SCALES, Refusal::Scale))
        .collect()
});

static PERIOD_WORDS: LazyLock<HashSet<&str>> =
    LazyLock::new(|| PERIODS.split_whitespace().collect());

static RATE_WORDS: LazyLock<HashSet<&str>> = LazyLock::new(|| RATES.split_whitespace().collect());

/// Whether `word` names a period ("day", "year") or an item a number may be given for ("head").
pub(super) fn is_period(word: &str) -> bool {
    PERIOD_WORDS.contains(word)
}

/// Whether `text` (a figure's label or unit) names a period or a rate, in the singular or the
/// plural: "Deaths a day", "Daily deaths", "Deaths in the first weeks". A figure naming none
/// counts a whole, not a number for each period.
pub(super) fn names_a_period(text: &str) -> bool {
    let text = text.to_lowercase();
    (text.split(|c: char| !c.is_alphanumeric())).any(|word| {
        let singular = word.strip_suffix('s').unwrap_or(word);
        PERIOD_WORDS.contains(word) || PERIOD_WORDS.contains(singular) || RATE_WORDS.contains(word)
    })
}

/// Why the word opening `tail` (a word after the number phrase, `previous` the token before it)
/// is refused, if it is.
pub(super) fn refusal(previous: Option<&Token>, tail: &[Token]) -> Option<Refusal> {
    refused_words(previous, tail).map(|(refusal, _)| refusal)
}

/// [`refusal`], with how many tokens of `tail` the refused words take: "a day" two.
pub(super) fn refused_words(previous: Option<&Token>, tail: &[Token]) -> Option<(Refusal, usize)> {
    let first = tail.first().and_then(Token::word)?;
    let previous = previous.and_then(Token::word);
    // A letter is a scale only right after the number ("12 B"), not in a name ("hepatitis B",
    // "G7", "T-72").
    if previous.is_none() && matches!(first, "b" | "g" | "t") && !joined_to_number(tail, 0) {
        return Some((Refusal::Scale, 1));
    }
    // "65 and older", "5,000 and over": a bound written after the number.
    let bound = [
        "older", "younger", "over", "above", "under", "below", "up", "upwards",
    ];
    if first == "and"
        && tail
            .get(1)
            .and_then(Token::word)
            .is_some_and(|w| bound.contains(&w))
    {
        return Some((Refusal::Reading, 2));
    }
    match REFUSED.get(first) {
        None if misspelt_scale(first) => Some((Refusal::Scale, 1)),
        Some(&refusal @ (Refusal::Scale | Refusal::Rate)) => Some((refusal, 1)),
        listed => match per_period(previous, first, &tail[1..]) {
            Some(length) => Some((Refusal::Rate, 1 + length)),
            None => listed.map(|&refusal| (refusal, 1)),
        },
    }
}

/// The words giving the number phrase ending at `end` for each period or item: right after it
/// ("5,000 a day") or after one or two words saying what is counted ("300 people a day", "5,000
/// died every week"). After such words, "each" gives a rate only before a period ("each week",
/// not "the 5,000 victims each had a name").
pub(super) fn rate_after(tokens: &[Token], end: usize) -> Option<Range<usize>> {
    (0..=2).find_map(|skip| {
        let between = tokens.get(end..end + skip)?;
        if !between.iter().all(|token| token.kind == Kind::Word) {
            return None;
        }
        // Most words after a number open no rate: passed over before the lists are read.
        let first = tokens.get(end + skip)?.text.as_ref();
        let opens_rate = matches!(first, "a" | "an" | "each" | "per" | "every" | "at");
        if !opens_rate && !RATE_WORDS.contains(first) {
            return None;
        }
        let previous = skip.checked_sub(1).map(|k| &tokens[end + k]);
        let (refusal, words) = refused_words(previous, &tokens[end + skip..])?;
        let period_next = (tokens.get(end + skip + 1)).is_some_and(|next| is_period(&next.text));
        let distributive = skip > 0 && matches!(first, "each" | "apiece") && !period_next;
        // "each week" whole, where the word alone is the rate.
        let words = words + usize::from(first == "each" && words == 1 && period_next);
        (refusal == Refusal::Rate && !distributive).then(|| end + skip..end + skip + words)
    })
}

/// Whether the figure counting `counting` names a period or a rate in its label or unit ("Deaths a
/// day"): a quote's number for each period is then its value.
pub(super) fn counts_per_period(counting: Counting) -> bool {
    names_a_period(counting.label) || counting.unit.is_some_and(names_a_period)
}

/// Whether the token at `k` is joined to a number that follows it, directly or by a hyphen:
/// "G7", "H1N1", "COVID-19", "T-72".
pub(super) fn joined_to_number(tokens: &[Token], k: usize) -> bool {
    let number_at =
        |at: usize| (tokens.get(at)).is_some_and(|t| t.glued && matches!(t.kind, Kind::Number(_)));
    let hyphen = tokens.get(k + 1).is_some_and(|t| t.glued && t.text == "-");
    number_at(k + 1) || (hyphen && number_at(k + 2))
}

/// Whether `word` is one edit from a scale word after its first letter ("millon", "thousnd"),
/// looked at only when its length could be: "pillion" and "Hilliard" are words of their own.
fn misspelt_scale(word: &str) -> bool {
    let length = word.chars().count();
    length >= 5
        && SPELLED_SCALES.iter().any(|scale| {
            scale.len().abs_diff(length) <= 1
                && word.as_bytes()[0] == scale.as_bytes()[0]
                && strsim::osa_distance(word, scale) == 1
        })
}

/// How many tokens after `first` say with it "for each period" or unit, if they do: "a day",
/// "a km", "a-year",
/// "every single day", "an average year", "at a time"; not "in a single day", "for a year",
/// "a year ago" or "a day of fighting", which name one period. `previous` is the word before.
fn per_period(previous: Option<&str>, first: &str, after: &[Token]) -> Option<usize> {
    const KIND: [&str; 6] = ["single", "other", "typical", "average", "normal", "given"];
    /// Words before "a day" that make it the period counted in, not a rate.
    const WITHIN: [&str; 16] = [
        "in",
        "within",
        "for",
        "over",
        "during",
        "after",
        "before",
        "of",
        "on",
        "by",
        "from",
        "into",
        "throughout",
        "across",
        "under",
        "than",
    ];
    /// Words after "a day" that make it a point in time or an occasion.
    const POINT: [&str; 8] = [
        "ago", "after", "later", "earlier", "before", "of", "when", "since",
    ];
    let mut words = (after.iter().enumerate())
        .filter(|(_, token)| token.text != "-")
        .map_while(|(k, token)| Some((k, token.word()?)));
    match first {
        "at" => {
            let (a, time) = (words.next()?, words.next()?);
            (a.1 == "a" && time.1 == "time").then_some(time.0 + 1)
        }
        // "every Friday", "in every camp": each of them; "every one of them" counts them all.
        "every" => match words.next()? {
            (_, "one") => None,
            (k, kind) if KIND.contains(&kind) => Some(words.next().map_or(k, |(k, _)| k) + 1),
            (k, _) => Some(k + 1),
        },
        "a" | "an" | "each" | "per" => {
            let (k, period) = match words.next()? {
                (_, kind) if KIND.contains(&kind) => words.next()?,
                next => next,
            };
            let named = matches!(first, "a" | "an")
                && (previous.is_some_and(|word| WITHIN.contains(&word))
                    || words.next().is_some_and(|(_, next)| POINT.contains(&next)));
            let each = PERIOD_WORDS.contains(period) || Unit::is_word(period);
            (each && !named).then_some(k + 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::lexer::tokenize;
    use crate::value::settings::DecimalMark;

    fn refused(text: &str) -> Option<Refusal> {
        refusal(None, &tokenize(text, DecimalMark::Point))
    }

    #[test]
    fn scale_words_rates_and_reading_words_are_refused() {
        for scale in [
            "lakh",
            "tsd people",
            "millon",
            "thousnd",
            "milliarden",
            "万",
        ] {
            assert_eq!(refused(scale), Some(Refusal::Scale), "{scale}");
        }
        for rate in [
            "a day",
            "every single day",
            "an average year",
            "annually",
            "each",
        ] {
            assert_eq!(refused(rate), Some(Refusal::Rate), "{rate}");
        }
        for reading in ["minimum", "odd", "expected deaths", "believed dead", "peak"] {
            assert_eq!(refused(reading), Some(Refusal::Reading), "{reading}");
        }
    }

    #[test]
    fn a_rate_takes_the_words_that_say_it() {
        let words = |text: &str| refused_words(None, &tokenize(text, DecimalMark::Point));
        assert_eq!(words("each"), Some((Refusal::Rate, 1)));
        assert_eq!(words("a day in the camps"), Some((Refusal::Rate, 2)));
        assert_eq!(words("a-year"), Some((Refusal::Rate, 3)));
        assert_eq!(words("a km"), Some((Refusal::Rate, 2)));
        assert_eq!(words("per tonne"), Some((Refusal::Rate, 2)));
        assert_eq!(words("every single day"), Some((Refusal::Rate, 3)));
        assert_eq!(words("lakh people"), Some((Refusal::Scale, 1)));
    }

    #[test]
    fn a_period_named_rather_than_repeated_passes() {
        let after = |previous: &str, text: &str| {
            let previous = tokenize(previous, DecimalMark::Point);
            refusal(previous.first(), &tokenize(text, DecimalMark::Point))
        };
        assert_eq!(after("killed", "a day"), Some(Refusal::Rate));
        assert_eq!(after("in", "a single day"), None);
        assert_eq!(after("for", "a year"), None);
        assert_eq!(after("people", "a year ago"), None);
        assert_eq!(after("dead", "a day of fighting"), None);
        assert_eq!(after("arrested", "at night"), None);
        assert_eq!(after("hepatitis", "b"), None);
        assert_eq!(refused("b"), Some(Refusal::Scale));
    }

    #[test]
    fn words_saying_what_is_counted_pass() {
        for counted in [
            "political dissidents",
            "mission staff",
            "a day's walk away",
            "pillion riders",
            "Arab civilians",
            "people every",
            "a",
        ] {
            assert_eq!(refused(counted), None, "{counted}");
        }
    }
}
