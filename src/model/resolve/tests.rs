//! Unit tests of resolving: references, suggestions, duplicate and NFC ids, inherited dates.

use crate::finding::Code;
use crate::testing::{FIGURE, SOURCES, checked, claim};

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
        finding.message,
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
                && f.message == "`speaker` names `article`, which is a source, not a speaker")
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
    assert_eq!(duplicate.related[0].message, "first used here by a source");
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
