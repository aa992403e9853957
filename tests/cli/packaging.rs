//! What packagers install: shell completions that bash runs, and manual pages for every command.
//! `scripts/man.sh` runs `mandoc -T lint` on the pages.

use crate::support::{manifest_dir, run_in};
use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str]) -> crate::support::Run {
    let out = run_in(&manifest_dir(), args);
    assert_eq!(out.code, 0, "claimtrack {args:?}: {}", out.stderr);
    out
}

/// The commands `claimtrack --help` lists, but `help`.
fn commands() -> Vec<String> {
    let help = run(&["--help"]).stdout;
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .expect("--help lists the commands")
        .lines()
        .take_while(|line| !line.is_empty())
        // A command's line starts with its name; a wrapped summary goes on further indented.
        .filter_map(|line| {
            line.strip_prefix("  ")
                .filter(|rest| !rest.starts_with(' '))
        })
        .filter_map(|rest| rest.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(String::from)
        .collect::<Vec<_>>();
    assert!(listed.len() >= 9, "{listed:?}");
    listed
}

/// Run `script` in a bash that has loaded claimtrack's bash completion; its stdout.
fn bash_with_completion(script: &str) -> String {
    let completion = run(&["completions", "bash"]).stdout;
    let mut bash = Command::new("bash")
        .arg("-s")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("bash runs");
    let mut stdin = bash.stdin.take().unwrap();
    write!(stdin, "{completion}\n{script}\n").unwrap();
    drop(stdin);
    let output = bash.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn bash_completion_parses() {
    let completion = run(&["completions", "bash"]).stdout;
    let path = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(path.path(), &completion).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(path.path())
        .output()
        .expect("bash runs");
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
fn bash_completes_commands_and_their_values() {
    let complete = |words: &str| {
        bash_with_completion(&format!(
            "COMP_WORDS=({words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _claimtrack claimtrack \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\""
        ))
    };
    assert_eq!(complete("claimtrack sch"), "schema\n");
    let all = complete("claimtrack ''");
    for command in commands() {
        assert!(
            all.lines().any(|word| word == command),
            "{command} in {all}"
        );
    }
    let folders = complete("claimtrack schema ''");
    assert!(folders.lines().any(|word| word == "claims"), "{folders}");
    assert!(folders.lines().any(|word| word == "sources"), "{folders}");
}

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]).stdout;
        for command in commands() {
            assert!(script.contains(&command), "{shell}: no {command}");
        }
    }
    let out = run_in(&manifest_dir(), &["completions", "tcsh"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn man_page_lists_every_command_under_a_dated_title() {
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .arg("man")
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.contains(".TH CLAIMTRACK 1 2023-11-14 \"claimtrack "),
        "{page}"
    );
    for command in commands() {
        assert!(
            page.contains(&format!("claimtrack\\-{command}(1)")),
            "{command}"
        );
    }
}

#[test]
fn man_out_dir_writes_a_page_per_command() {
    let dir = tempfile::TempDir::new().unwrap();
    run(&["man", "--out-dir", &dir.path().to_string_lossy()]);
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected: Vec<String> = commands()
        .iter()
        .map(|command| format!("claimtrack-{command}.1"))
        .chain(["claimtrack.1".to_string()])
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let check = std::fs::read_to_string(dir.path().join("claimtrack-check.1")).unwrap();
    assert!(check.contains(".TH CLAIMTRACK-CHECK 1 "), "{check}");
    assert!(check.contains("\\-\\-deny"), "{check}");
}

#[test]
fn man_of_a_command_and_an_unknown_command() {
    let page = run(&["man", "fmt"]).stdout;
    assert!(page.contains(".TH CLAIMTRACK-FMT 1 "), "{page}");
    let out = run_in(&manifest_dir(), &["man", "frobnicate"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no command `frobnicate`"),
        "{}",
        out.stderr
    );
    let out = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .arg("man")
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("SOURCE_DATE_EPOCH"));
}
