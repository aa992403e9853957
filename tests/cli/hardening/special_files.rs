//! Files that are not plain text files: devices, FIFOs, directories and files past the size limit
//! are refused by name, without blocking or reading them whole.

use super::{check, clean_base, symlink};
use crate::support::with_code;
use std::process::Command;

#[test]
fn a_record_file_linked_to_dev_zero_is_refused_without_reading_it() {
    let base = clean_base();
    symlink("/dev/zero", base.path().join("claims/x.toml"));
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    assert_eq!(refused.len(), 1, "{findings:#?}");
    assert_eq!(refused[0].file, "claims/x.toml");
    assert_eq!(
        refused[0].message,
        "`claims/x.toml` is a symbolic link to `/dev/zero`, outside the claim base: it is not followed"
    );
}

#[test]
fn a_fifo_named_like_a_record_file_does_not_block() {
    let base = clean_base();
    let fifo = base.path().join("claims/pipe.toml");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    assert_eq!(refused.len(), 1, "{findings:#?}");
    assert_eq!(
        refused[0].message,
        "`claims/pipe.toml` is a FIFO (named pipe), not a regular file"
    );
    // A link to the FIFO from inside the base is refused the same way.
    std::fs::remove_file(base.path().join("claims/pipe.toml")).unwrap();
    Command::new("mkfifo")
        .arg(base.path().join("pipe"))
        .status()
        .unwrap();
    symlink("../pipe", base.path().join("sources/pipe.toml"));
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    assert!(
        findings[0]
            .message
            .starts_with("`sources/pipe.toml` is a FIFO"),
        "{findings:#?}"
    );
}

#[test]
fn a_file_past_the_default_limit_is_refused_by_its_size() {
    let base = clean_base();
    let big = std::fs::File::create(base.path().join("claims/big.toml")).unwrap();
    // A sparse file: its size says 64 MiB and a byte, without writing them.
    big.set_len(64 * 1024 * 1024 + 1).unwrap();
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    assert_eq!(refused.len(), 1, "{findings:#?}");
    assert_eq!(
        refused[0].message,
        "`claims/big.toml` is larger than the limit of 67108864 bytes (`[input] max-file-size` in \
         claimtrack.toml)"
    );
    assert!(refused[0].help.contains("max-file-size"), "{refused:?}");
}

#[test]
fn the_size_limit_is_set_in_claimtrack_toml() {
    let base = clean_base();
    let claims = std::fs::metadata(base.path().join("claims/claims.toml"))
        .unwrap()
        .len();
    let sources = std::fs::metadata(base.path().join("sources/sources.toml"))
        .unwrap()
        .len();
    assert!(claims > sources, "the test needs claims.toml to be larger");
    std::fs::write(
        base.path().join("claimtrack.toml"),
        format!("[input]\nmax-file-size = {sources}\n"),
    )
    .unwrap();
    let (exit, findings) = check(base.path(), &[]);
    assert_eq!(exit, 1, "{findings:#?}");
    let refused = with_code(&findings, "unreadable-file");
    let files: Vec<&str> = refused.iter().map(|f| f.file.as_str()).collect();
    assert_eq!(files, ["claims/claims.toml"], "{findings:#?}");
    assert!(
        refused[0]
            .message
            .contains(&format!("the limit of {sources} bytes")),
        "{refused:?}"
    );
}

#[test]
fn a_size_limit_of_zero_or_past_4_gib_is_a_configuration_error() {
    for (limit, expected) in [
        (
            0_u64,
            Some("`[input] max-file-size` must be at least 1 byte"),
        ),
        (
            4_294_967_295,
            Some("`[input] max-file-size` must be at most 4294967294 bytes (4 GiB)"),
        ),
        (4_294_967_294, None),
    ] {
        let base = clean_base();
        std::fs::write(
            base.path().join("claimtrack.toml"),
            format!("[input]\nmax-file-size = {limit}\n"),
        )
        .unwrap();
        let (exit, findings) = check(base.path(), &[]);
        let invalid = with_code(&findings, "invalid-config");
        let messages: Vec<&str> = invalid.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(messages, Vec::from_iter(expected), "{limit}: {findings:#?}");
        assert_eq!(
            exit,
            i32::from(expected.is_some()),
            "{limit}: {findings:#?}"
        );
    }
}
