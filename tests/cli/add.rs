//! `claimtrack add`: claims made from quotes found in the archived copy, and figures declared,
//! written as `fmt` writes them into the right file with every byte already there kept.

use crate::support::{fixture, manifest_dir, run_in, seeds, temp_copy};
use std::path::Path;

fn read(dir: &Path, path: &str) -> String {
    std::fs::read_to_string(dir.join(path)).unwrap()
}

/// `add` in `dir` with the coverage fixture's archive.
fn add(dir: &Path, args: &[&str]) -> crate::support::Run {
    let archive = fixture("coverage-texts");
    let mut all = vec!["add", "--archive", archive.to_str().unwrap()];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// `check --archive` on `dir` against `archive` exits with 0 and finds every quote.
fn assert_checks_clean(dir: &Path, archive: &Path) {
    let run = run_in(dir, &["check", "--archive", archive.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(!run.stdout.contains("quote-not-found"), "{}", run.stdout);
    let run = run_in(dir, &["fmt", "--check"]);
    assert_eq!(run.code, 0, "fmt would change: {}", run.stdout);
}

const COMMENTED: &str = "# Claims of the commission's report.\n\n\
    [[figure]]\nid = \"executed\"\nlabel = \"Prisoners executed in 1988\"\nunit = \"people\"\n\n\
    # The report's own count.\n[[claim]]\nid = \"report/executed-at-least-1200\"\n\
    figure = \"executed\" # as printed\nvalue = \"at least 1,200\"\nspeaker = \"commission\"\n\
    source = \"report\"\nquote = \"At least 1,200 prisoners were executed\"\nlocator = \"paragraph 3\"\n\
    basis = [\"own-research\"]\n\n# Nothing after this.\n";

#[test]
fn a_figure_and_a_claim_are_added_where_they_belong_with_every_comment_kept() {
    let dir = temp_copy(&fixture("coverage"));
    std::fs::write(dir.path().join("claims/claims.toml"), COMMENTED).unwrap();
    let run = run_in(
        dir.path(),
        &[
            "add",
            "--figure",
            "witnesses",
            "--label",
            "Witnesses the commission heard",
            "--unit",
            "people",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stderr
            .contains("added `witnesses` to claims/claims.toml"),
        "{}",
        run.stderr
    );
    let figure = "[[figure]]\nid = \"witnesses\"\nlabel = \"Witnesses the commission heard\"\nunit = \"people\"\n\n";
    let at = COMMENTED.find("# The report's own count.").unwrap();
    let expected = format!("{}{figure}{}", &COMMENTED[..at], &COMMENTED[at..]);
    assert_eq!(read(dir.path(), "claims/claims.toml"), expected);

    let run = add(
        dir.path(),
        &[
            "--source",
            "report",
            "--quote",
            "The commission heard 40 witnesses",
            "--figure",
            "witnesses",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    let claim = "[[claim]]\nid = \"report/witnesses-40\"\nfigure = \"witnesses\"\nvalue = 40\n\
        speaker = \"commission\"\nsource = \"report\"\nquote = \"The commission heard 40 witnesses\"\n\
        locator = \"paragraph 2\"\n\n";
    let at = expected.find("# Nothing after this.").unwrap();
    let expected = format!("{}{claim}{}", &expected[..at], &expected[at..]);
    assert_eq!(read(dir.path(), "claims/claims.toml"), expected);
    assert_checks_clean(dir.path(), &fixture("coverage-texts"));
}

#[test]
fn a_quote_not_in_the_document_is_refused_with_the_closest_passage() {
    let dir = temp_copy(&fixture("coverage"));
    let before = read(dir.path(), "claims/claims.toml");
    let args = [
        "--source",
        "report",
        "--quote",
        "The commission heard 45 witnesses",
        "--figure",
        "executed",
    ];
    let run = add(dir.path(), &args);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(
            "closest passage (paragraph 2, 80% alike): \"The commission heard 40 witnesses\""
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--accept-closest"), "{}", run.stderr);
    assert_eq!(
        read(dir.path(), "claims/claims.toml"),
        before,
        "nothing written"
    );

    // Accepted, the document's own words are quoted.
    let mut accepted = args.to_vec();
    accepted.extend(["--accept-closest", "--dry-run"]);
    let run = add(dir.path(), &accepted);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout
            .contains("quote = \"The commission heard 40 witnesses\"\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("value = 40\n"), "{}", run.stdout);
    assert_eq!(
        read(dir.path(), "claims/claims.toml"),
        before,
        "a dry run writes nothing"
    );
}

#[test]
fn unknown_records_and_unreadable_values_are_refused() {
    let dir = temp_copy(&fixture("coverage"));
    let before = read(dir.path(), "claims/claims.toml");
    let cases: [(&[&str], &str); 7] = [
        (
            &["--source", "reprot", "--quote", "x", "--figure", "executed"],
            "no source `reprot` in the claim base\n  help: did you mean `report`?",
        ),
        (
            &[
                "--source",
                "report",
                "--quote",
                "40 witnesses",
                "--figure",
                "executd",
            ],
            "no figure `executd` in the claim base\n  help: did you mean `executed`?",
        ),
        (
            &[
                "--source",
                "report",
                "--quote",
                "40 witnesses",
                "--figure",
                "executed",
                "--speaker",
                "nobody",
            ],
            "--speaker: no speaker `nobody`",
        ),
        (
            &[
                "--source",
                "report",
                "--quote",
                "At least 1,200 prisoners were executed, the 96-page report says",
                "--figure",
                "executed",
            ],
            "the quote states several figures: \"at least 1,200\", \"96\"",
        ),
        (
            &[
                "--source",
                "report",
                "--quote",
                "heard 40 witnesses",
                "--figure",
                "executed",
                "--value",
                "dozens of thousands",
            ],
            "the value grammar cannot read \"dozens of thousands\"",
        ),
        (
            &[
                "--source",
                "report",
                "--quote",
                "heard 40 witnesses",
                "--figure",
                "executed",
                "--value",
                "some 1,200 families",
            ],
            "\"some 1,200 families\" counts families, but the figure counts people",
        ),
        (
            &[
                "--source",
                "report",
                "--quote",
                "heard 40 witnesses",
                "--figure",
                "executed",
                "--id",
                "report/executed-at-least-1200",
            ],
            "has a record `report/executed-at-least-1200` already",
        ),
    ];
    for (args, message) in cases {
        let run = add(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {run:?}");
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
    }
    let run = add(
        dir.path(),
        &[
            "--source",
            "report",
            "--quote",
            "40 witnesses",
            "--figure",
            "executed",
            "--to",
            "sources/x.toml",
        ],
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is not a record file below `claims/`"),
        "{}",
        run.stderr
    );
    assert_eq!(read(dir.path(), "claims/claims.toml"), before);
    assert!(!dir.path().join("sources/x.toml").exists());
}

/// A value taken from a quote's number of families is refused on a figure counting people, and
/// one taken from a number of the wounded or of women and children on a figure of the executed:
/// the quote states no count of them.
#[test]
fn a_quote_counting_families_the_wounded_or_a_part_gives_no_count_of_the_figure() {
    use sha2::{Digest, Sha256};
    let cases = [
        (
            "More than 4,000 families were moved to shelters.",
            "the quote's \"More than 4,000 families\" counts families, not what the figure counts \
             (`unit = \"people\"`",
        ),
        (
            "Guards carried 96 wounded from the courtyard.",
            "the quote's \"96 wounded\" counts the injured, not what the figure counts \
             (`unit = \"people\"`",
        ),
        (
            "Guards led 40 women and children from the courtyard.",
            "the quote's \"40 women and children\" counts women and children, not what the \
             figure counts (`unit = \"people\"`",
        ),
    ];
    for (sentence, refusal) in cases {
        let dir = temp_copy(&fixture("coverage"));
        let texts = tempfile::tempdir().unwrap();
        let report = read(&fixture("coverage-texts"), "report.txt") + sentence + "\n";
        std::fs::write(texts.path().join("report.txt"), &report).unwrap();
        let sources = read(dir.path(), "sources/sources.toml");
        let pinned = sources
            .lines()
            .find(|line| line.starts_with("sha256 = "))
            .unwrap();
        let sha256 = format!("sha256 = \"{:x}\"", Sha256::digest(report.as_bytes()));
        let sources = sources.replace(pinned, &sha256);
        std::fs::write(dir.path().join("sources/sources.toml"), sources).unwrap();
        let before = read(dir.path(), "claims/claims.toml");
        let archive = texts.path().to_str().unwrap();
        let args = [
            "--source", "report", "--quote", sentence, "--figure", "executed",
        ];
        let run = run_in(
            dir.path(),
            &[&["add", "--archive", archive][..], &args].concat(),
        );
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.contains(refusal), "{}", run.stderr);
        assert_eq!(read(dir.path(), "claims/claims.toml"), before);
    }
}

#[test]
fn a_refusal_never_passes_control_characters_to_the_terminal() {
    let dir = temp_copy(&fixture("coverage"));
    let args = [
        "--source",
        "report",
        "--quote",
        "heard 40 witnesses",
        "--figure",
        "executed",
    ];
    let run = add(
        dir.path(),
        &[&args[..], &["--value", "\u{1b}[2J40\n::error::x"]].concat(),
    );
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!run.stderr.contains('\u{1b}'), "{:?}", run.stderr);
    assert!(
        run.stderr
            .contains("cannot read \"\\u{1b}[2J40\\n::error::x\": "),
        "{:?}",
        run.stderr
    );
}

#[test]
fn a_claim_goes_to_a_new_file_when_asked() {
    let dir = temp_copy(&fixture("coverage"));
    let run = add(
        dir.path(),
        &[
            "--source",
            "report",
            "--quote",
            "heard 40 witnesses",
            "--figure",
            "executed",
            "--value",
            "40",
            "--statement",
            "The commission heard 40 witnesses.",
            "--basis",
            "own-count,own-research",
            "--to",
            "claims/new/witnesses.toml",
        ],
    );
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        read(dir.path(), "claims/new/witnesses.toml"),
        "[[claim]]\nid = \"report/executed-40\"\nfigure = \"executed\"\nvalue = 40\n\
         statement = \"The commission heard 40 witnesses.\"\nspeaker = \"commission\"\n\
         source = \"report\"\nquote = \"heard 40 witnesses\"\nlocator = \"paragraph 2\"\n\
         basis = [\"own-count\", \"own-research\"]\n"
    );
}

#[test]
fn a_quote_from_each_seed_document_gives_the_record_a_desk_writes() {
    let Some(seeds) = seeds("add with the seed documents") else {
        return;
    };
    let dir = temp_copy(&manifest_dir());
    let archive = seeds.to_str().unwrap();
    let cases: [(&[&str], &str, &str); 6] = [
        (
            &[
                "--source",
                "doc000",
                "--quote",
                "The 201-page report explains",
                "--figure",
                "amnesty-2018-report/pages",
            ],
            "claims/doc000.toml",
            "[[claim]]\nid = \"doc000/pages-201\"\nfigure = \"amnesty-2018-report/pages\"\nvalue = 201\nspeaker = \"outlet-doc000\"\nsource = \"doc000\"\nquote = \"The 201-page report explains\"\nlocator = \"paragraph 3\"\n",
        ),
        (
            &[
                "--source",
                "doc001",
                "--quote",
                "identifying at least 32 cities across Iran where these atrocities took place",
                "--figure",
                "iran-1988/cities",
                "--basis",
                "own-research",
            ],
            "claims/doc001.toml",
            "[[claim]]\nid = \"doc001/cities-at-least-32-2\"\nfigure = \"iran-1988/cities\"\nvalue = \"at least 32\"\nspeaker = \"amnesty\"\nsource = \"doc001\"\nquote = \"identifying at least 32 cities across Iran where these atrocities took place\"\nlocator = \"paragraph 16\"\nbasis = [\"own-research\"]\n",
        ),
        (
            &[
                "--source",
                "doc002",
                "--quote",
                "The regime has never been held accountable for the tragedy",
                "--statement",
                "The outlet states that the Iranian state has never been held accountable for the 1988 killings.",
            ],
            "claims/doc002.toml",
            "[[claim]]\nid = \"doc002/the-regime-has-never-been-held\"\nstatement = \"The outlet states that the Iranian state has never been held accountable for the 1988 killings.\"\nspeaker = \"outlet-doc002\"\nsource = \"doc002\"\nquote = \"The regime has never been held accountable for the tragedy\"\nlocator = \"paragraph 2\"\n",
        ),
        (
            &[
                "--figure",
                "iran-1988/survivors",
                "--label",
                "Prisoners who survived the 1988 prison massacres",
                "--unit",
                "people",
            ],
            "claims/figures.toml",
            "[[figure]]\nid = \"iran-1988/survivors\"\nlabel = \"Prisoners who survived the 1988 prison massacres\"\nunit = \"people\"\n",
        ),
        (
            &[
                "--source",
                "doc003",
                "--quote",
                "Only a handful of prisoners survived the 1988 massacre.",
                "--figure",
                "iran-1988/survivors",
                "--speaker",
                "participant-doc003-eyewitness",
            ],
            "claims/doc003.toml",
            "[[claim]]\nid = \"doc003/survivors-only-a-handful\"\nfigure = \"iran-1988/survivors\"\nvalue = \"only a handful\"\nspeaker = \"participant-doc003-eyewitness\"\nsource = \"doc003\"\nquote = \"Only a handful of prisoners survived the 1988 massacre.\"\nlocator = \"paragraph 14\"\n",
        ),
        (
            &[
                "--source",
                "doc004",
                "--quote",
                "the MEK were given five-minute trials",
                "--figure",
                "iran-1988/trial-duration",
                "--according-to",
                "amnesty",
            ],
            "claims/doc004.toml",
            "[[claim]]\nid = \"doc004/trial-duration-five\"\nfigure = \"iran-1988/trial-duration\"\nvalue = \"five\"\nspeaker = \"outlet-doc004\"\nsource = \"doc004\"\nquote = \"the MEK were given five-minute trials\"\nlocator = \"paragraph 2\"\naccording_to = \"amnesty\"\n",
        ),
    ];
    for (args, file, record) in cases {
        let before = read(dir.path(), file);
        let mut all = vec!["add"];
        if !args.contains(&"--label") {
            all.extend(["--archive", archive]);
        }
        all.extend_from_slice(args);
        let dry = run_in(dir.path(), &[all.as_slice(), &["--dry-run"]].concat());
        assert_eq!(dry.code, 0, "{args:?}: {dry:?}");
        assert_eq!(dry.stdout, record, "{args:?}");
        let run = run_in(dir.path(), &all);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        // The file is what it was, byte for byte, with one blank line and the record after it.
        assert_eq!(
            read(dir.path(), file),
            format!("{before}\n{record}"),
            "{file}"
        );
    }
    assert_checks_clean(dir.path(), &seeds);
}
