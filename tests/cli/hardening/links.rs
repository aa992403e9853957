//! Symbolic links: followed inside the claim base only, loops named once, and the contents of a
//! file outside the base never shown by any command.

use super::{check, clean_base, run_bounded, symlink};
use crate::support::with_code;
use tempfile::TempDir;

const SECRET: &str = "hunter2";

/// A folder outside every claim base holding a fake secret, as a CI runner's environment might.
fn secret_outside() -> TempDir {
    let dir = TempDir::new().unwrap();
    std::fs::write(
        dir.path().join("token.txt"),
        format!("SECRET_TOKEN={SECRET}\n"),
    )
    .unwrap();
    dir
}

/// Every command that reads the base, with the secret also in claimtrack's own environment.
fn assert_no_command_shows_the_secret(base: &std::path::Path) {
    let commands: [&[&str]; 6] = [
        &["check"],
        &["check", "--format", "json"],
        &["check", "--format", "github"],
        &["report"],
        &["report", "--format", "json"],
        &["snapshot"],
    ];
    for args in commands {
        let run = run_bounded(base, args, &[("SECRET_TOKEN", SECRET)]);
        assert!(
            !run.stdout.contains(SECRET) && !run.stderr.contains(SECRET),
            "{args:?} shows the secret:\n{}\n{}",
            run.stdout,
            run.stderr
        );
    }
}

#[test]
fn a_file_outside_the_base_is_shown_by_no_command() {
    let outside = secret_outside();
    let secret = outside.path().join("token.txt");
    let base = clean_base();
    symlink(&secret, base.path().join("claims/leak.toml"));
    symlink(&secret, base.path().join("sources/leak.toml"));
    symlink(&secret, base.path().join("claimtrack.toml"));
    symlink(
        "/proc/self/environ",
        base.path().join("claims/environ.toml"),
    );
    assert_no_command_shows_the_secret(base.path());

    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    let files: Vec<&str> = refused.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(
        files,
        [
            "claims/environ.toml",
            "claims/leak.toml",
            "claimtrack.toml",
            "sources/leak.toml"
        ],
        "{findings:#?}"
    );
    let leak = refused[1];
    assert!(
        leak.message
            .starts_with("`claims/leak.toml` is a symbolic link to `")
            && leak.message.contains(&secret.display().to_string())
            && leak
                .message
                .ends_with("outside the claim base: it is not followed"),
        "{leak:?}"
    );
    assert!(
        refused[2]
            .message
            .starts_with("`claimtrack.toml` is a symbolic link")
    );
}

/// The same secret in a plain record file is shown in the syntax error's snippet: the test above
/// would see a leak.
#[test]
fn the_secret_shows_when_it_is_inside_the_base() {
    let outside = secret_outside();
    let base = clean_base();
    std::fs::copy(
        outside.path().join("token.txt"),
        base.path().join("claims/plain.toml"),
    )
    .unwrap();
    let run = run_bounded(base.path(), &["check"], &[]);
    assert!(run.stdout.contains(SECRET), "{}", run.stdout);
}

#[test]
fn a_link_to_a_folder_holding_it_is_named_once_as_a_loop() {
    let base = clean_base();
    symlink(".", base.path().join("claims/self"));
    std::fs::create_dir(base.path().join("claims/nested")).unwrap();
    symlink("../..", base.path().join("claims/nested/up"));
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let loops: Vec<(&str, &str)> = with_code(&findings, "unreadable-file")
        .iter()
        .map(|f| (f.file.as_str(), f.message.as_str()))
        .collect();
    assert_eq!(
        loops,
        [
            (
                "claims/nested/up",
                "`claims/nested/up` is a symbolic link to `../..`, a folder that holds the link \
                 itself: following it would loop"
            ),
            (
                "claims/self",
                "`claims/self` is a symbolic link to `.`, a folder that holds the link itself: \
                 following it would loop"
            ),
        ]
    );
    // The records were read once: nothing else is found.
    assert_eq!(findings.len(), 2, "{findings:#?}");
}

#[test]
fn a_chain_of_links_back_to_itself_and_a_link_to_nothing_are_named() {
    let base = clean_base();
    symlink("b.toml", base.path().join("claims/a.toml"));
    symlink("a.toml", base.path().join("claims/b.toml"));
    symlink("gone.toml", base.path().join("sources/dangling.toml"));
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    assert_eq!(refused.len(), 3, "{findings:#?}");
    assert!(
        refused[0].message.contains("cannot be followed"),
        "{refused:?}"
    );
    assert_eq!(
        refused[2].message,
        "`sources/dangling.toml` is a symbolic link to `gone.toml`, which does not exist"
    );
}

#[test]
fn a_link_to_a_folder_outside_is_not_walked() {
    let base = clean_base();
    symlink("/", base.path().join("claims/everything"));
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        findings[0].message,
        "`claims/everything` is a symbolic link to `/`, outside the claim base: it is not followed"
    );
}

#[test]
fn links_inside_the_base_are_followed_and_each_file_read_once() {
    let base = clean_base();
    let extra = base.path().join("extra");
    std::fs::create_dir(&extra).unwrap();
    std::fs::write(
        extra.join("more.toml"),
        "[[figure]]\nid = \"released\"\nlabel = \"People released\"\n",
    )
    .unwrap();
    symlink("../extra/more.toml", base.path().join("claims/more.toml"));
    symlink("../extra", base.path().join("claims/extra"));
    symlink("claims.toml", base.path().join("claims/again.toml"));
    let run = run_bounded(base.path(), &["report", "--format", "json"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let report = run.json();
    let figures: Vec<&str> = report["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["id"].as_str().unwrap())
        .collect();
    assert_eq!(figures, ["detained", "released"]);
    // Three ways to two files, and not one duplicate id.
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!((exit, findings), (0, Vec::new()));
}
