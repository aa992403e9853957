//! Reading revisions from temporary git repositories, and the errors met when that cannot be done.

use super::*;
use std::error::Error as _;
use tempfile::TempDir;

/// Run git in `dir` for the test's own set-up, away from the user's and the system's settings.
fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A repository with a claim base below `desk/`, committed once.
fn repository(files: &[(&str, &str)]) -> TempDir {
    let repo = TempDir::new().unwrap();
    for (path, text) in files {
        write(&repo.path().join("desk").join(path), text);
    }
    git(repo.path(), &["init", "-q"]);
    git(repo.path(), &["config", "user.name", "Test"]);
    git(
        repo.path(),
        &["config", "user.email", "test@example.invalid"],
    );
    git(repo.path(), &["config", "commit.gpgsign", "false"]);
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "first"]);
    repo
}

/// The error of a read expected to fail (the files read are not `Debug`).
fn failure(read: Result<(Vec<FileInput>, ConfigText), GitError>) -> GitError {
    match read {
        Ok((inputs, _)) => panic!("read {} files, expected an error", inputs.len()),
        Err(error) => error,
    }
}

fn sorted(inputs: Vec<FileInput>) -> Vec<(String, Result<String, String>)> {
    let mut files: Vec<_> = inputs
        .into_iter()
        .map(|input| {
            let text = input.content.map(|bytes| String::from_utf8(bytes).unwrap());
            (input.path, text)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn non_ascii_file_names_are_read_unquoted() {
    let repo = repository(&[
        ("claims/doc004-é.toml", "[[claim]]\nid = \"é\"\n"),
        ("sources/wire.toml", "[[speaker]]\n"),
        ("claims/notes.md", "not a record file"),
        ("claimtrack.toml", "[severity]\n"),
    ]);
    let (inputs, config) = read_revision(&repo.path().join("desk"), "HEAD").unwrap();
    assert_eq!(
        sorted(inputs),
        [
            (
                "claims/doc004-é.toml".to_string(),
                Ok("[[claim]]\nid = \"é\"\n".to_string())
            ),
            (
                "sources/wire.toml".to_string(),
                Ok("[[speaker]]\n".to_string())
            ),
        ]
    );
    assert_eq!(config, Ok(Some("[severity]\n".to_string())));
}

#[test]
fn the_revision_is_read_and_the_working_tree_left_alone() {
    let repo = repository(&[("claims/a.toml", "old"), ("sources/s.toml", "s")]);
    let desk = repo.path().join("desk");
    write(&desk.join("claims/a.toml"), "new");
    write(&desk.join("claims/untracked.toml"), "draft");
    git(repo.path(), &["commit", "-qam", "second"]);

    let (at_first, config) = read_revision(&desk, "HEAD~1").unwrap();
    assert_eq!(
        sorted(at_first),
        [
            ("claims/a.toml".to_string(), Ok("old".to_string())),
            ("sources/s.toml".to_string(), Ok("s".to_string())),
        ]
    );
    assert_eq!(config, Ok(None));
    assert_eq!(
        std::fs::read_to_string(desk.join("claims/a.toml")).unwrap(),
        "new"
    );
}

/// Settings that are not UTF-8 are refused with the reason, as on disk, rather than read with
/// their bad bytes replaced or taken as absent.
#[test]
fn settings_that_are_not_utf8_are_refused_with_the_reason() {
    let repo = repository(&[("claims/a.toml", "a"), ("sources/s.toml", "s")]);
    let desk = repo.path().join("desk");
    std::fs::write(desk.join("claimtrack.toml"), b"[severity]\n# caf\xe9\n").unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "settings"]);
    let (_, config) = read_revision(&desk, "HEAD").unwrap();
    let reason = "is not valid UTF-8 (the first invalid byte is at offset 16)";
    assert_eq!(config, Err(reason.to_string()));
}

#[test]
fn files_at_hand_are_taken_by_their_blob_ids_and_the_rest_read_from_git() {
    let repo = repository(&[
        ("claims/a.toml", "a"),
        ("sources/s.toml", "s"),
        ("claimtrack.toml", "[severity]\n"),
    ]);
    let desk = repo.path().join("desk");
    let asked = std::sync::Mutex::new(Vec::new());
    let at_hand = |path: &str, object: &str| {
        asked
            .lock()
            .unwrap()
            .push((path.to_string(), object.to_string()));
        (path == "claims/a.toml").then(|| b"held".to_vec())
    };
    let (inputs, config) = read_revision_reusing(&desk, "HEAD", &at_hand).unwrap();
    assert_eq!(
        sorted(inputs),
        [
            ("claims/a.toml".to_string(), Ok("held".to_string())),
            ("sources/s.toml".to_string(), Ok("s".to_string())),
        ]
    );
    assert_eq!(config, Ok(Some("[severity]\n".to_string())));
    let mut asked = asked.into_inner().unwrap();
    asked.sort();
    assert_eq!(
        asked,
        [
            ("claims/a.toml".to_string(), blob_id(&desk, "claims/a.toml")),
            (
                "sources/s.toml".to_string(),
                blob_id(&desk, "sources/s.toml")
            ),
        ]
    );
}

/// The id of the blob at `path` in HEAD, as git names it.
fn blob_id(desk: &Path, path: &str) -> String {
    let output = Command::new("git")
        .args(["rev-parse", &format!("HEAD:./{path}")])
        .current_dir(desk)
        .output()
        .expect("git runs");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

#[test]
fn links_and_folders_named_like_record_files_are_reported_not_read() {
    let repo = repository(&[
        ("claims/a.toml", "a"),
        ("claims/nested.toml/inner.toml", "inner"),
        ("claims/deeper/b.toml", "b"),
        ("sources/s.toml", "s"),
    ]);
    let desk = repo.path().join("desk");
    std::os::unix::fs::symlink("../sources/s.toml", desk.join("claims/link.toml")).unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "a link"]);

    let files = sorted(read_revision(&desk, "HEAD").unwrap().0);
    let paths: Vec<&str> = files.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "claims/a.toml",
            "claims/deeper/b.toml",
            "claims/link.toml",
            "claims/nested.toml",
            "sources/s.toml"
        ]
    );
    assert!(files[2].1.as_ref().unwrap_err().contains("symbolic link"));
    assert!(files[3].1.as_ref().unwrap_err().contains("directory"));
}

#[test]
fn an_unknown_revision_is_named() {
    let repo = repository(&[("claims/a.toml", "a")]);
    let error = failure(read_revision(&repo.path().join("desk"), "no-such-branch"));
    assert!(
        matches!(&error, GitError::UnknownRevision(rev) if rev == "no-such-branch"),
        "{error:?}"
    );
}

#[test]
fn revisions_that_look_like_options_are_revisions() {
    let repo = repository(&[("claims/a.toml", "a")]);
    for revision in ["--all", "-h", "--git-dir=/", "--end-of-options"] {
        let error = failure(read_revision(&repo.path().join("desk"), revision));
        assert!(
            matches!(&error, GitError::UnknownRevision(rev) if rev == revision),
            "{revision}: {error:?}"
        );
    }
}

#[test]
fn a_revision_without_claims_is_not_a_claim_base() {
    let repo = repository(&[("sources/s.toml", "s")]);
    let error = failure(read_revision(&repo.path().join("desk"), "HEAD"));
    assert!(matches!(error, GitError::NoClaimBase(_)), "{error:?}");
}

#[test]
fn a_folder_outside_any_repository_says_so_and_keeps_gits_words() {
    let outside = TempDir::new().unwrap();
    let desk = outside.path().join("desk");
    std::fs::create_dir(&desk).unwrap();
    let error = failure(
        Git::default()
            .env("GIT_CEILING_DIRECTORIES", outside.path())
            .read_revision(&desk, "HEAD", &|_, _| None),
    );
    assert!(
        matches!(error, GitError::NotARepository { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("not inside a git repository"));
    let cause = error.source().expect("git's failure is the cause");
    assert!(
        cause.to_string().contains("not a git repository"),
        "{cause}"
    );
}

#[test]
fn git_missing_from_path_is_named_as_such() {
    let repo = repository(&[("claims/a.toml", "a")]);
    let desk = repo.path().join("desk");
    let errors = [
        Git::default()
            .env("PATH", "")
            .read_revision(&desk, "HEAD", &|_, _| None),
        Git::new("/nonexistent/git").read_revision(&desk, "HEAD", &|_, _| None),
    ];
    for error in errors {
        let error = failure(error);
        assert!(matches!(error, GitError::NotFound { .. }), "{error:?}");
        assert!(error.to_string().contains("not found on PATH"), "{error}");
        let cause = error.source().expect("the spawn error is the cause");
        assert!(cause.downcast_ref::<std::io::Error>().is_some());
    }
}

#[test]
fn a_batch_cut_short_is_an_error_not_fewer_files() {
    let answer = b"0123 blob 3\nabc\n0456 missing\n0789 blob 10\nshort";
    let error = read_batch(&answer[..], 3, 100, "git cat-file --batch").unwrap_err();
    assert!(matches!(error, GitError::Output { .. }), "{error:?}");
    // Passed over unread, a blob cut short is still an error.
    let error = read_batch(&answer[..], 3, 5, "git cat-file --batch").unwrap_err();
    assert!(matches!(error, GitError::Output { .. }), "{error:?}");

    let blobs = read_batch(&answer[..], 2, 100, "git cat-file --batch").unwrap();
    assert_eq!(
        blobs,
        [Ok(b"abc".to_vec()), Err("cannot be read from git".into())]
    );

    // A size no answer can hold is an answer cut short, not an overflow.
    let answer = format!("0123 blob {}\nabc\n", u64::MAX);
    let error = read_batch(answer.as_bytes(), 1, 5, "git cat-file --batch").unwrap_err();
    assert!(matches!(error, GitError::Output { .. }), "{error:?}");

    let error = read_batch(&b"fatal: bad\n"[..], 1, 100, "git cat-file --batch").unwrap_err();
    assert!(matches!(error, GitError::Unexpected { .. }), "{error:?}");
}

#[test]
fn tree_listings_keep_tabs_and_newlines_in_paths() {
    let listing = b"100644 blob 0a1\tclaims/a\tb\nc.toml\x00120000 blob 0b2\tclaims/l.toml\0";
    let entries = tree::parse_listing(listing).unwrap();
    let paths: Vec<&str> = entries.iter().map(|entry| entry.path.as_str()).collect();
    assert_eq!(paths, ["claims/a\tb\nc.toml", "claims/l.toml"]);
    assert_eq!(entries[1].mode, "120000");
    assert!(tree::parse_listing(b"garbage\0").is_err());
}

#[test]
fn a_blob_past_the_limit_is_refused_unread_and_the_next_one_read() {
    let answer = b"0123 blob 10\n0123456789\n0456 blob 3\nabc\n";
    let blobs = read_batch(&answer[..], 2, 5, "git cat-file --batch").unwrap();
    assert_eq!(
        blobs,
        [
            Err(
                "is larger than the limit of 5 bytes (`[input] max-file-size` in claimtrack.toml)"
                    .into()
            ),
            Ok(b"abc".to_vec())
        ]
    );
}
