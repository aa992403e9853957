//! Reading a claim base as it was at a git revision, straight from the object store, without
//! touching the working tree.

use crate::input::loader::FileInput;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("`{0}` is not inside a git repository, so revisions cannot be read")]
    NotARepository(String),
    #[error("`{0}` is neither a folder nor a git revision")]
    UnknownRevision(String),
    #[error("revision `{0}` has no claim base (no `claims/` folder) at this path")]
    NoClaimBase(String),
    #[error("git failed: {0}")]
    Failed(String),
}

/// The record files and `claimtrack.toml` of the claim base at `root` as of `revision`.
pub fn read_revision(
    root: &Path,
    revision: &str,
) -> Result<(Vec<FileInput>, Option<String>), GitError> {
    let toplevel = git(root, &["rev-parse", "--show-toplevel"])
        .map_err(|_| GitError::NotARepository(root.display().to_string()))?;
    let prefix = git(root, &["rev-parse", "--show-prefix"])?;
    let commit = git(
        root,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{revision}^{{commit}}"),
        ],
    )
    .map_err(|_| GitError::UnknownRevision(revision.to_string()))?;
    let toplevel = Path::new(&toplevel);
    let listing = git(
        toplevel,
        &[
            "ls-tree",
            "-r",
            "--name-only",
            &commit,
            "--",
            &format!("{prefix}claims"),
            &format!("{prefix}sources"),
        ],
    )?;
    let paths: Vec<&str> = listing
        .lines()
        .filter(|path| path.ends_with(".toml"))
        .collect();
    if !paths
        .iter()
        .any(|path| path.starts_with(&format!("{prefix}claims/")))
    {
        return Err(GitError::NoClaimBase(revision.to_string()));
    }
    let config_path = format!("{prefix}{}", crate::input::config::FILE_NAME);
    let mut wanted: Vec<&str> = paths.clone();
    wanted.push(&config_path);
    let mut blobs = cat_files(toplevel, &commit, &wanted)?;
    let config = blobs
        .pop()
        .flatten()
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
    let inputs = paths
        .iter()
        .zip(blobs)
        .map(|(path, bytes)| FileInput {
            path: path
                .strip_prefix(prefix.as_str())
                .unwrap_or(path)
                .to_string(),
            content: bytes.ok_or_else(|| "cannot be read from git".to_string()),
        })
        .collect();
    Ok((inputs, config))
}

fn git(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(GitError::Spawn)?;
    if !output.status.success() {
        return Err(GitError::Failed(
            String::from_utf8_lossy(&output.stderr).trim().to_string(),
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout)
        .trim_end_matches('\n')
        .to_string())
}

/// Read many blobs with one `git cat-file --batch`; a path missing at the commit gives `None`.
fn cat_files(
    toplevel: &Path,
    commit: &str,
    paths: &[&str],
) -> Result<Vec<Option<Vec<u8>>>, GitError> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(toplevel)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(GitError::Spawn)?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or_else(|| GitError::Failed("no stdin".into()))?;
    let requests: String = paths
        .iter()
        .map(|path| format!("{commit}:{path}\n"))
        .collect();
    // Written from a thread so a large batch cannot deadlock against git's full stdout pipe.
    let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
    let stdout = child
        .stdout
        .take()
        .ok_or_else(|| GitError::Failed("no stdout".into()))?;
    let mut reader = BufReader::new(stdout);
    let mut blobs = Vec::with_capacity(paths.len());
    for _ in paths {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(GitError::Spawn)?;
        let mut fields = header.split_whitespace();
        let size = match (fields.next(), fields.next(), fields.next()) {
            (Some(_), Some("blob"), Some(size)) => size.parse::<usize>().ok(),
            _ => None,
        };
        match size {
            Some(size) => {
                let mut content = vec![0; size + 1];
                reader.read_exact(&mut content).map_err(GitError::Spawn)?;
                content.pop();
                blobs.push(Some(content));
            }
            None => blobs.push(None),
        }
    }
    let _ = writer.join();
    let _ = child.wait();
    Ok(blobs)
}
