//! Unit tests of resolving: references, suggestions, duplicate and NFC ids, inherited dates.

use crate::finding::Code;
use crate::testing::{FIGURE, SOURCES, checked, claim};
use crate::value::Measure;

#[test]
fn a_misspelt_reference_is_an_unknown_reference_with_a_suggestion() {
    let claims = [FIGURE.to_string(), claim("c", "5", "watchdgo", "")].concat();
    let checked = checked(SOURCES, &claims);
    let finding = checked
        .findings
        .iter()
        .find(|f| f.code == Code::UnknownReference)
        .expect("unknown reference");
    assert_eq!(
        &*finding.message,
        "`speaker` names unknown speaker `watchdgo`"
    );
    assert_eq!(finding.help.as_deref(), Some("did you mean `watchdog`?"));
    assert_eq!(checked.base.claims[0].speaker, None);
}

#[test]
fn a_reference_to_the_wrong_kind_says_what_it_names() {
    let claims = [FIGURE.to_string(), claim("c", "5", "article", "")].concat();
    let checked = checked(SOURCES, &claims);
    assert!(
        checked
            .findings
            .iter()
            .any(|f| f.code == Code::UnknownReference
                && &*f.message == "`speaker` names `article`, which is a source, not a speaker")
    );
}

#[test]
fn an_id_is_unique_across_record_kinds() {
    let claims = [FIGURE.to_string(), claim("article", "5", "outlet", "")].concat();
    let checked = checked(SOURCES, &claims);
    let duplicate = checked
        .findings
        .iter()
        .find(|f| f.code == Code::DuplicateId)
        .expect("duplicate");
    assert_eq!(
        &*duplicate.related[0].message,
        "first used here by a source"
    );
}

#[test]
fn ids_are_compared_in_nfc_so_a_decomposed_accent_names_the_same_record() {
    let composed = "chercheur-\u{e9}";
    let decomposed = "chercheur-e\u{301}";
    let sources = format!(
        "{SOURCES}\n[[speaker]]\nid = \"{composed}\"\nname = \"Chercheur\"\nkind = \"person\"\n"
    );
    let claims = [FIGURE.to_string(), claim("c", "5", decomposed, "")].concat();
    let resolved = checked(&sources, &claims);
    assert!(
        resolved
            .findings
            .iter()
            .all(|f| f.code != Code::UnknownReference)
    );
    assert!(resolved.base.claims[0].speaker.is_some());

    let twice = format!(
        "{sources}\n[[speaker]]\nid = \"{decomposed}\"\nname = \"Chercheur\"\nkind = \"person\"\n"
    );
    let checked = checked(&twice, FIGURE);
    let duplicate = checked
        .findings
        .iter()
        .find(|f| f.code == Code::DuplicateId)
        .expect("duplicate");
    assert!(
        duplicate.message.contains("other Unicode code points"),
        "{}",
        duplicate.message
    );
}

#[test]
fn a_claim_without_as_of_takes_its_source_date() {
    let claims = [FIGURE.to_string(), claim("c", "5", "outlet", "")].concat();
    let checked = checked(SOURCES, &claims);
    assert_eq!(
        checked.base.claims[0].as_of.map(|d| d.to_string()),
        Some("2020-01-02".to_string())
    );
}

#[test]
fn one_value_text_is_read_for_each_figure_by_that_figure_s_measure() {
    let share = "\n[[figure]]\nid = \"turnout\"\nlabel = \"Turnout\"\nunit = \"percent\"\n";
    // The same words on a count, a share and the count again: each read by its own figure, so
    // the share figure refuses a count rather than taking the reading the words had before.
    let claims = [
        FIGURE.to_string(),
        share.to_string(),
        claim("count", "about 40", "watchdog", ""),
        claim("share", "about 40", "watchdog", "").replace("\"killed\"", "\"turnout\""),
        claim("count-again", "about 40", "watchdog", ""),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let measure = |id: &str| {
        let claim = &checked.base.claims[crate::testing::claim_index(&checked, id)];
        claim
            .value
            .as_ref()
            .and_then(|v| v.reading.as_ref())
            .map(|r| r.measure)
    };
    assert_eq!(
        [measure("count"), measure("share"), measure("count-again")],
        [Some(Measure::Count), None, Some(Measure::Count)]
    );
    let refused = checked
        .findings
        .iter()
        .find(|f| f.code == Code::UnreadableValue)
        .expect("the count on the share figure refused");
    assert!(
        refused.message.contains("this figure holds shares"),
        "{refused:?}"
    );
}

#[test]
fn a_claims_locator_and_note_read_as_written_with_or_without_escapes() {
    let claim = |id: &str, locator: &str, note: &str| {
        format!(
            "\n[[claim]]\nid = \"{id}\"\nfigure = \"killed\"\nvalue = \"5\"\nspeaker = \"watchdog\"\nsource = \"article\"\nlocator = {locator}\nnote = {note}\n"
        )
    };
    let claims = [
        FIGURE.to_string(),
        claim("plain", "\"paragraph 4\"", "'''\nsays \"many\"'''"),
        claim("escaped", "\"\\u00a7 4\"", "\"two\\nlines\""),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let files = &checked.base.files;
    let read: Vec<(Option<&str>, Option<&str>)> = (checked.base.claims.iter())
        .map(|claim| (claim.locator_text(files), claim.note_text(files)))
        .collect();
    assert_eq!(
        read,
        [
            (Some("paragraph 4"), Some("says \"many\"")),
            (Some("§ 4"), Some("two\nlines")),
        ]
    );
}

#[test]
fn an_unreadable_value_is_pointed_at_where_the_file_writes_its_words() {
    let claim = |id: &str, value: &str| {
        format!(
            "\n[[claim]]\nid = \"{id}\"\nfigure = \"killed\"\nvalue = {value}\nspeaker = \"watchdog\"\nsource = \"article\"\nlocator = \"p. 1\"\n"
        )
    };
    let claims = [
        FIGURE.to_string(),
        claim("plain", "\"about 5.000 dead\""),
        claim("multi-line", "'''\nabout 5.000 dead'''"),
        // With escapes, the words read are not the bytes written: the whole string is shown.
        claim("escaped", "\"about 5.000 de\\u0061d\""),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let text = &checked.base.files.get(crate::input::files::FileId(0)).text;
    let pointed: Vec<&str> = (checked.findings.iter())
        .filter(|f| f.code == Code::UnreadableValue)
        .map(|f| &text[f.location.span()])
        .collect();
    assert_eq!(pointed.len(), 3, "{:?}", checked.findings);
    assert_eq!(pointed[0], pointed[1]);
    assert!(!pointed[0].contains(['"', '\'']), "{pointed:?}");
    assert!(pointed[0].contains("5.000"), "{pointed:?}");
    assert_eq!(pointed[2], "\"about 5.000 de\\u0061d\"");
}

#[test]
fn claims_that_write_the_same_words_share_one_reading() {
    let claims = [
        FIGURE.to_string(),
        claim("first", "about 5,000", "watchdog", ""),
        claim("again", "about 5,000", "outlet", ""),
        claim("other", "about 6,000", "watchdog", ""),
        claim("bound", "about 5,000", "outlet", "measure = \"documented\""),
    ]
    .concat();
    let checked = checked(SOURCES, &claims);
    let value = |id: &str| {
        let claim = &checked.base.claims[crate::testing::claim_index(&checked, id)];
        claim.value.clone().expect("a value")
    };
    let reading = |id: &str| value(id).reading.expect("read");
    assert!(std::sync::Arc::ptr_eq(&reading("first"), &reading("again")));
    assert!(!std::sync::Arc::ptr_eq(
        &reading("first"),
        &reading("other")
    ));
    // A lower bound is compared as read upwards, its words kept as they read.
    let bound = value("bound");
    assert_eq!(bound.reading.as_ref().unwrap().high, None);
    assert!(std::sync::Arc::ptr_eq(
        bound.worded.as_ref().unwrap(),
        &reading("first")
    ));
}

#[test]
fn a_quote_continued_past_a_line_ending_backslash_reads_as_toml_reads_it() {
    // The parser hands over what is left after the backslash in place, not inside the quotes.
    let quote = "quote = \"\"\"\\\n      The toll was 5,000.\"\"\"";
    let claims = [FIGURE.to_string(), claim("c", "5,000", "watchdog", quote)].concat();
    let checked = checked(SOURCES, &claims);
    let files = &checked.base.files;
    let read = checked.base.claims[0].quote_text(files);
    assert_eq!(read, Some("The toll was 5,000."));
}

proptest::proptest! {
    // Most strings drawn are not TOML at all (a line break in a one-line string, a stray quote):
    // enough are drawn that each kind of string is read some hundreds of times.
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// Whatever a file writes in any of TOML's four kinds of string (with quotes, backslashes,
    /// line breaks and accents inside), a claim's id, quote, statement and value read as the TOML
    /// parser reads them, whether held in the file or copied.
    #[test]
    fn a_claims_strings_read_as_toml_reads_them(
        text in "([a-z5,é ]{1,4}|[\"'\\\\\n\r\t]){0,6}",
        kind in 0..4usize,
    ) {
        let written = match kind {
            0 => format!("\"{text}\""),
            1 => format!("'{text}'"),
            2 => format!("\"\"\"{text}\"\"\""),
            _ => format!("'''{text}'''"),
        };
        let toml_reads = |field: &str| -> Option<String> {
            let table: toml::Table = toml::from_str(&format!("{field} = {written}")).ok()?;
            Some(table[field].as_str()?.to_string())
        };
        // Only strings TOML accepts, and, for the id, only ids the id rules accept.
        let Some(expected) = toml_reads("quote") else {
            return Ok(());
        };
        let claims = format!(
            "{FIGURE}\n[[claim]]\nid = {written}\nfigure = \"killed\"\nvalue = {written}\nstatement = {written}\nspeaker = \"watchdog\"\nsource = \"article\"\nquote = {written}\n"
        );
        let checked = checked(SOURCES, &claims);
        let files = &checked.base.files;
        let claim = &checked.base.claims[0];
        proptest::prop_assert_eq!(claim.quote_text(files), Some(expected.as_str()));
        proptest::prop_assert_eq!(claim.statement_text(files), Some(expected.as_str()));
        proptest::prop_assert_eq!(&*claim.id, expected.as_str());
        let value = claim.value.as_ref().map(|v| &*v.written);
        proptest::prop_assert_eq!(value, Some(expected.as_str()));
    }
}
