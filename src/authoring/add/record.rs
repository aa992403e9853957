//! The text of a new record, written by `fmt` so that it stands exactly as `fmt` would leave it,
//! the value a quote states as the grammar reads it, and a proposed id that says what the claim
//! holds.

use super::AddError;
use crate::Checked;
use crate::authoring::fmt;
use crate::input::records::ValueKind;
use crate::model::ClaimBase;
use crate::value::{
    Counted, Counting, Measure, QuotePhrase, QuoteReader, QuoteSays, Unit, ValueSettings,
    read_value, read_value_counting,
};
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, value};

/// A field value of a new record.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Field {
    Text(String),
    Integer(i64),
    List(Vec<String>),
}

impl Field {
    /// A value as the user or the quote writes it: plain digits are an integer, as curators write
    /// a bare count (`value = 14`); anything else is text for the grammar.
    pub(super) fn of_value(text: &str) -> Field {
        let plain = !text.is_empty()
            && text.chars().all(|c| c.is_ascii_digit())
            && (text == "0" || !text.starts_with('0'));
        match text.parse::<i64>() {
            Ok(n) if plain => Field::Integer(n),
            _ => Field::Text(text.to_string()),
        }
    }
}

/// The canonical text of one `[[kind]]` table with `fields`, ending in a newline.
pub(super) fn canonical(kind: &str, fields: &[(&str, Field)]) -> Result<String, AddError> {
    let mut table = Table::new();
    for (name, field) in fields {
        let item = match field {
            Field::Text(text) => value(text.as_str()),
            Field::Integer(n) => value(*n),
            Field::List(items) => value(items.iter().map(String::as_str).collect::<Array>()),
        };
        table.insert(name, item);
    }
    let mut tables = ArrayOfTables::new();
    tables.push(table);
    let mut doc = DocumentMut::new();
    doc.insert(kind, Item::ArrayOfTables(tables));
    fmt::format(&doc.to_string(), fmt::Options::default()).map_err(|error| AddError {
        message: format!("the new record cannot be written in the canonical style: {error}"),
        help: "this is a bug in `claimtrack add`; please report it with the command".to_string(),
    })
}

/// The value a quote states for a figure of `measure`: the one number phrase of the quote that
/// the grammar reads as a figure of that measure, as the quote writes it.
pub(super) fn figure_in_quote(
    quote: &str,
    (measure, unit): (Measure, Option<Unit>),
    settings: &ValueSettings,
) -> Result<String, AddError> {
    let numbers = QuoteReader::new(settings).numbers_in(quote, unit);
    let help = "give the value this claim records with `--value`, as the quote writes it";
    if let Some(doubtful) = numbers.doubtful.first() {
        return Err(AddError {
            message: format!(
                "the value grammar does not read {:?} in the quote as a value",
                &quote[doubtful.clone()]
            ),
            help: help.to_string(),
        });
    }
    let phrases: Vec<String> = numbers
        .figures
        .into_iter()
        .filter(|phrase| phrase.reading.measure == measure)
        .map(|phrase| lowercase_first(&phrase.text))
        .collect();
    match phrases.as_slice() {
        [phrase] => Ok(phrase.clone()),
        [] => Err(AddError {
            message: "the value grammar reads no figure in the quote (dates, years, times and \
                      ordinals are not figures)"
                .to_string(),
            help: help.to_string(),
        }),
        several => Err(AddError {
            message: format!(
                "the quote states several figures: {}",
                several
                    .iter()
                    .map(|phrase| format!("{phrase:?}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            help: help.to_string(),
        }),
    }
}

/// The value of a claim on figure `f`: the label given, or the count or share given or stated
/// by the quote, read by the grammar.
pub(super) fn figure_value(
    checked: &Checked,
    f: usize,
    given: Option<&str>,
    quote: &str,
) -> Result<String, AddError> {
    let figure = &checked.base.figures[f];
    let settings = &checked.base.config.values;
    if figure.values == ValueKind::Label {
        return given.map(str::to_string).ok_or_else(|| {
            super::refuse(
                format!(
                    "figure `{}` holds labels, which the quote cannot give",
                    figure.id
                ),
                "give the label with --value",
            )
        });
    }
    let read_as = (Measure::of_unit(figure.unit.as_deref()), figure.measured_in);
    let value = match given {
        Some(value) => value.trim().to_string(),
        None => {
            let value = figure_in_quote(quote, read_as, settings)?;
            refuse_other_count(&value, quote, read_as, settings, figure.counting())?;
            value
        }
    };
    let counted = check_value(&value, read_as, settings)?;
    let refused = (counted.iter()).find_map(|c| c.refusal(&value, figure.counting()));
    match refused {
        Some(refusal) => Err(super::refuse(refusal.message, refusal.help)),
        None => Ok(value),
    }
}

/// Refuse `value`, taken from `quote`, when the quote's phrase counts groups or an increase the
/// figure does not say it counts: "more than 4,000" from "More than 4,000 families" is no count
/// of people.
fn refuse_other_count(
    value: &str,
    quote: &str,
    (measure, unit): (Measure, Option<Unit>),
    settings: &ValueSettings,
    counting: Counting,
) -> Result<(), AddError> {
    let Ok(reading) = read_value(value, settings, measure, unit) else {
        return Ok(());
    };
    let phrase = QuoteReader::new(settings).differs(&reading, quote, unit, Some(counting));
    match phrase {
        Some(QuotePhrase {
            text,
            says: QuoteSays::CountsOther(why),
            ..
        }) => Err(super::refuse(
            format!("the quote's {text:?} {why}"),
            "give the value this claim records with `--value`, or add the claim to a figure that \
             counts what the quote counts",
        )),
        _ => Ok(()),
    }
}

/// Check that the grammar reads `text` for a figure of `measure`, measured in `unit`; returns
/// what it counts when its words count other than a figure's whole ("5,000 families").
pub(super) fn check_value(
    text: &str,
    (measure, unit): (Measure, Option<Unit>),
    settings: &ValueSettings,
) -> Result<Vec<Counted>, AddError> {
    if let Field::Integer(_) = Field::of_value(text) {
        if measure == Measure::Share {
            return Err(AddError {
                message: format!("{text} is a count, but the figure holds shares"),
                help: format!("write it as a share, such as `--value \"{text}%\"`"),
            });
        }
        return Ok(Vec::new());
    }
    read_value_counting(text, settings, measure, unit)
        .map(|(_, counted)| counted)
        .map_err(|error| AddError {
            message: format!("the value grammar cannot read {text:?}: {}", error.message),
            help: "give the value with `--value` in a form the grammar reads (see \
                   docs/report.md), or say what the quote states in `--statement` without a \
                   figure"
                .to_string(),
        })
}

/// "Thirty thousand" at the start of a sentence is the value "thirty thousand"; a capital inside
/// a word ("MEK") stays.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if chars.clone().all(|c| !c.is_uppercase()) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// How many words of a value or quote go into a proposed id.
const ID_WORDS: usize = 6;

/// `source/what-value`: the figure's last id segment and the value, or the quote's first words
/// for a claim without a figure; `-2`, `-3` … when the base has the id already.
pub(super) fn propose_id(
    base: &ClaimBase,
    source: &str,
    figure: Option<&str>,
    value: Option<&str>,
    quote: &str,
) -> String {
    let stem = match (figure, value) {
        (Some(figure), Some(value)) => {
            let tail = figure.rsplit('/').next().unwrap_or(figure);
            format!("{}-{}", slug(tail), slug(value))
        }
        _ => slug(quote),
    };
    let stem = stem.trim_matches('-');
    let stem = if stem.is_empty() { "claim" } else { stem };
    let base_id = format!("{source}/{stem}");
    let mut id = base_id.clone();
    let mut n = 2;
    while base.lookup(&id).is_some() {
        id = format!("{base_id}-{n}");
        n += 1;
    }
    id
}

/// Lower-case words joined by hyphens, group separators and apostrophes dropped: "at least 5,000"
/// becomes "at-least-5000".
fn slug(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .filter(|c| !matches!(c, ',' | '\'' | '’'))
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let words: Vec<&str> = cleaned.split_whitespace().take(ID_WORDS).collect();
    words.join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_integers_only_when_written_as_plain_digits() {
        assert_eq!(Field::of_value("14"), Field::Integer(14));
        assert_eq!(Field::of_value("0"), Field::Integer(0));
        for text in ["30,000", "007", "at least 5", "99999999999999999999", ""] {
            assert_eq!(Field::of_value(text), Field::Text(text.to_string()));
        }
    }

    #[test]
    fn the_quote_gives_its_one_figure_as_written() {
        let settings = ValueSettings::default();
        let value = |quote: &str| figure_in_quote(quote, (Measure::Count, None), &settings);
        assert_eq!(
            value("Thirty thousand people were murdered in 1988").unwrap(),
            "thirty thousand"
        );
        assert_eq!(
            value("Over the following weeks at least 5,000 political dissidents").unwrap(),
            "at least 5,000"
        );
        assert_eq!(value("the PMOI/MEK said 12 MEK").unwrap(), "12");
        // A measure ("30 years") is no figure of a figure that counts.
        assert_eq!(
            value("thousands executed in prison 30 years ago").unwrap(),
            "thousands"
        );
        let several = value("thousands executed in prison, 30 survivors").unwrap_err();
        assert_eq!(
            several.message,
            "the quote states several figures: \"thousands\", \"30\""
        );
        assert!(value("executed in the summer of 1988").is_err());
        let shares = figure_in_quote(
            "one in five of 30 people",
            (Measure::Share, None),
            &settings,
        );
        assert_eq!(shares.unwrap(), "one in five");
    }

    /// A figure the grammar would refuse as a value is not replaced by a part of it: "40,000" of
    /// "30-40,000", "3" of "3 lakh", "5,000" of "5,000 a day".
    #[test]
    fn a_quote_whose_figure_the_grammar_refuses_gives_no_part_of_it() {
        let settings = ValueSettings::default();
        let value = |quote: &str| figure_in_quote(quote, (Measure::Count, None), &settings);
        for (quote, refused) in [
            ("some 30-40,000 prisoners were killed", "30-40,000"),
            ("3 lakh people were displaced", "3 lakh"),
            ("up to 5,000 a day crossed the border", "up to 5,000 a day"),
        ] {
            let message = value(quote).unwrap_err().message;
            assert_eq!(
                message,
                format!("the value grammar does not read {refused:?} in the quote as a value"),
            );
        }
        assert_eq!(value("5,000 a day's walk away").unwrap(), "5,000");
    }

    #[test]
    fn a_value_the_grammar_refuses_is_refused_with_its_reason() {
        let settings = ValueSettings::default();
        let refused =
            check_value("dozens of thousands", (Measure::Count, None), &settings).unwrap_err();
        assert!(
            refused
                .message
                .starts_with("the value grammar cannot read \"dozens of thousands\": "),
            "{}",
            refused.message
        );
        assert!(check_value("14", (Measure::Share, None), &settings).is_err());
        assert!(check_value("about 1,500", (Measure::Count, None), &settings).is_ok());
    }

    #[test]
    fn slugs_keep_words_and_digits() {
        assert_eq!(slug("at least 5,000"), "at-least-5000");
        assert_eq!(
            slug("Shari'a judge in the Tehran \"death commission\""),
            "sharia-judge-in-the-tehran-death"
        );
        assert_eq!(slug("--"), "");
    }

    #[test]
    fn the_record_is_written_in_the_canonical_style() {
        let record = canonical(
            "claim",
            &[
                ("quote", Field::Text("said \"no\"".into())),
                ("id", Field::Text("a/b".into())),
                ("value", Field::Integer(14)),
                ("basis", Field::List(vec!["witness".into()])),
            ],
        )
        .unwrap();
        assert_eq!(
            record,
            "[[claim]]\nid = \"a/b\"\nvalue = 14\nquote = 'said \"no\"'\nbasis = [\"witness\"]\n"
        );
    }
}
