//! Reading a claim base as it was at a git revision, straight from the object store, without
//! touching the working tree.

use crate::input::config::{self, ConfigText};
use crate::input::files::MAX_TEXT_LEN;
use crate::input::loader::FileInput;
use crate::input::loader::confined::{DEFAULT_MAX_FILE_SIZE, Refusal};
use rayon::prelude::*;
use std::ffi::OsString;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, ExitStatus, Stdio};

mod object;
mod tree;

pub use object::is_blob;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "`{program}` was not found on PATH, so revisions cannot be read; install git, or give a \
         folder holding a claim base instead"
    )]
    NotFound {
        program: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot run `{program}`")]
    Run {
        program: String,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "`{path}` is not inside a git repository, so `{revision}` cannot be read as a revision; \
         give a folder holding a claim base instead"
    )]
    NotARepository {
        path: String,
        revision: String,
        #[source]
        source: CommandFailed,
    },
    #[error("`{0}` is neither a folder nor a revision known to git")]
    UnknownRevision(String),
    #[error("revision `{0}` has no claim base (no `claims/` folder) at this path")]
    NoClaimBase(String),
    #[error(
        "`{0}` at `{1}` is a symbolic link, which cannot be followed inside a git revision; \
         commit the file itself"
    )]
    LinkedConfig(&'static str, String),
    #[error(transparent)]
    Failed(#[from] CommandFailed),
    #[error("cannot read the output of `{command}`")]
    Output {
        command: String,
        #[source]
        source: std::io::Error,
    },
    #[error("`{command}` gave output claimtrack does not understand: `{line}`")]
    Unexpected { command: String, line: String },
}

/// A git command that ran and exited with an error, with what it said on stderr.
#[derive(Debug, thiserror::Error)]
#[error("`{command}` failed ({status}): {stderr}")]
pub struct CommandFailed {
    pub command: String,
    pub status: ExitStatus,
    pub stderr: String,
}

/// The record files and `claimtrack.toml` of the claim base at `root` as of `revision`, read with
/// the `git` found on PATH.
pub fn read_revision(
    root: &Path,
    revision: &str,
) -> Result<(Vec<FileInput>, ConfigText), GitError> {
    Git::default().read_revision(root, revision, &|_, _| None)
}

/// The bytes of a record file already at hand, given its path and the id of the blob a revision
/// holds there; `None` when they are not that blob.
pub type AtHand<'a> = dyn Fn(&str, &str) -> Option<Vec<u8>> + Sync + 'a;

/// As [`read_revision`], but the record files `at_hand` holds are taken from it: only the others
/// are read from the object store.
pub fn read_revision_reusing(
    root: &Path,
    revision: &str,
    at_hand: &AtHand,
) -> Result<(Vec<FileInput>, ConfigText), GitError> {
    Git::default().read_revision(root, revision, at_hand)
}

/// How git is run: the program, and environment variables set for it on top of the inherited ones.
#[derive(Debug, Clone)]
pub struct Git {
    program: OsString,
    env: Vec<(OsString, OsString)>,
}

impl Default for Git {
    fn default() -> Self {
        Self::new("git")
    }
}

impl Git {
    /// Run `program` (a name looked up on PATH, or a path) as git.
    pub fn new(program: impl Into<OsString>) -> Self {
        // Messages in English, so "not a git repository" can be told apart from other failures.
        let env = vec![("LC_ALL".into(), "C".into())];
        Self {
            program: program.into(),
            env,
        }
    }

    /// Set an environment variable for every git command run.
    pub fn env(mut self, key: impl Into<OsString>, value: impl Into<OsString>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// The record files and `claimtrack.toml` of the claim base at `root` as of `revision`, those
    /// `at_hand` holds taken from it.
    pub fn read_revision(
        &self,
        root: &Path,
        revision: &str,
        at_hand: &AtHand,
    ) -> Result<(Vec<FileInput>, ConfigText), GitError> {
        self.output(root, &["rev-parse", "--show-toplevel"])
            .map_err(|error| match error {
                GitError::Failed(failed) if failed.stderr.contains("not a git repository") => {
                    GitError::NotARepository {
                        path: root.display().to_string(),
                        revision: revision.to_string(),
                        source: failed,
                    }
                }
                other => other,
            })?;
        let commit = self.commit(root, revision)?;
        // Run from `root`, ls-tree takes these paths and prints what it lists relative to `root`.
        let listing = self.output(
            root,
            &[
                "ls-tree",
                "-r",
                "-z",
                &commit,
                "--",
                "claims",
                "sources",
                config::FILE_NAME,
            ],
        )?;
        let tree = tree::RecordFiles::from_listing(&listing)?;
        if !tree.has_claims {
            return Err(GitError::NoClaimBase(revision.to_string()));
        }
        if tree.config.as_ref().is_some_and(tree::TreeEntry::is_link) {
            return Err(GitError::LinkedConfig(
                config::FILE_NAME,
                revision.to_string(),
            ));
        }
        // Telling a file at hand from its blob id costs a hash; reading the blob costs git
        // finding, inflating and piping it.
        let held: Vec<Option<Vec<u8>>> = (tree.blobs.par_iter())
            .map(|entry| at_hand(&entry.path, &entry.object))
            .collect();
        // The revision's own settings hold its record files to its size limit, as on disk.
        // Settings that cannot be read are an error, as on disk: never the defaults in silence.
        let config = match &tree.config {
            Some(entry) => {
                match (self.cat_blobs(root, &[&entry.object], DEFAULT_MAX_FILE_SIZE)?).pop() {
                    Some(Ok(bytes)) => config::text_of(bytes).map(Some),
                    Some(Err(why)) => Err(why),
                    None => Err(NOT_IN_STORE.to_string()),
                }
            }
            None => Ok(None),
        };
        let limit = config::max_file_size(&config);
        let objects: Vec<&str> = (tree.blobs.iter().zip(&held))
            .filter(|(_, held)| held.is_none())
            .map(|(entry, _)| entry.object.as_str())
            .collect();
        let contents = if objects.is_empty() {
            Vec::new()
        } else {
            self.cat_blobs(root, &objects, limit)?
        };
        let mut read = contents.into_iter();
        let mut inputs = tree.unreadable;
        inputs.extend(tree.blobs.into_iter().zip(held).map(|(entry, held)| {
            let content = match held {
                Some(bytes) => Ok(bytes),
                None => (read.next()).unwrap_or_else(|| Err(NOT_IN_STORE.to_string())),
            };
            FileInput {
                path: entry.path,
                content,
            }
        }));
        Ok((inputs, config))
    }

    /// The commit id `revision` names; `--end-of-options` keeps a revision such as `--all` from
    /// being read as an option.
    fn commit(&self, root: &Path, revision: &str) -> Result<String, GitError> {
        let spec = format!("{revision}^{{commit}}");
        let args = [
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ];
        match self.output(root, &args) {
            Ok(commit) => Ok(String::from_utf8_lossy(&commit).trim().to_string()),
            // `--quiet` keeps git silent when the revision is unknown; anything it says is another failure.
            Err(GitError::Failed(failed)) if failed.stderr.is_empty() => {
                Err(GitError::UnknownRevision(revision.to_string()))
            }
            Err(other) => Err(other),
        }
    }

    fn command(&self, dir: &Path) -> Command {
        let mut command = Command::new(&self.program);
        command.arg("-C").arg(dir).envs(self.env.iter().cloned());
        command
    }

    fn describe(&self, args: &[&str]) -> String {
        format!("{} {}", self.program.to_string_lossy(), args.join(" "))
    }

    fn spawn_error(&self, source: std::io::Error) -> GitError {
        let program = self.program.to_string_lossy().into_owned();
        if source.kind() == std::io::ErrorKind::NotFound {
            GitError::NotFound { program, source }
        } else {
            GitError::Run { program, source }
        }
    }

    /// Run git in `dir` and return its stdout, or what it said on stderr when it fails.
    fn output(&self, dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
        let output = self
            .command(dir)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|source| self.spawn_error(source))?;
        if !output.status.success() {
            return Err(GitError::Failed(CommandFailed {
                command: self.describe(args),
                status: output.status,
                stderr: String::from_utf8_lossy(&output.stderr).trim().to_string(),
            }));
        }
        Ok(output.stdout)
    }

    /// Read many blobs with one `git cat-file --batch`; an object missing from the store, or
    /// longer than `limit` bytes (or the ceiling of every file), gives why.
    fn cat_blobs(&self, dir: &Path, objects: &[&str], limit: u64) -> Result<Vec<Blob>, GitError> {
        let args = ["cat-file", "--batch"];
        let mut child = self
            .command(dir)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| self.spawn_error(source))?;
        let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(GitError::Run {
                program: self.program.to_string_lossy().into_owned(),
                source: std::io::Error::other("its standard input or output was not connected"),
            });
        };
        let requests: String = objects.iter().map(|object| format!("{object}\n")).collect();
        // Written from a thread so a large batch cannot deadlock against git's full stdout pipe.
        let writer = std::thread::spawn(move || stdin.write_all(requests.as_bytes()));
        let command = self.describe(&args);
        let limit = limit.min(MAX_TEXT_LEN);
        let blobs = read_batch(BufReader::new(stdout), objects.len(), limit, &command);
        // Dropping the reader (inside `read_batch`) ends git even when the answer was cut short.
        let _ = writer.join();
        let status = child.wait();
        let blobs = blobs?;
        match status {
            Ok(status) if !status.success() => Err(GitError::Failed(CommandFailed {
                command,
                status,
                stderr: String::new(),
            })),
            _ => Ok(blobs),
        }
    }
}

/// A blob as `git cat-file --batch` answered: its bytes, or why a reader does not get them.
type Blob = Result<Vec<u8>, String>;

/// Why a file of a revision whose object git does not have is not read.
const NOT_IN_STORE: &str = "cannot be read from git";

/// The `count` answers of `git cat-file --batch`; a blob longer than `limit` bytes is passed over
/// unread and refused, as such a file on disk is, so a huge committed file costs no memory.
fn read_batch(
    mut reader: impl BufRead,
    count: usize,
    limit: u64,
    command: &str,
) -> Result<Vec<Blob>, GitError> {
    let output_error = |source| GitError::Output {
        command: command.to_string(),
        source,
    };
    let mut blobs = Vec::with_capacity(count);
    for _ in 0..count {
        let mut header = String::new();
        reader.read_line(&mut header).map_err(output_error)?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        match fields.as_slice() {
            [_, "blob", size] => {
                let size: u64 = size.parse().map_err(|_| GitError::Unexpected {
                    command: command.to_string(),
                    line: header.trim_end().to_string(),
                })?;
                // The blob, then the newline that ends every answer.
                let answer = size.saturating_add(1);
                if size > limit {
                    let skipped = io::copy(&mut (&mut reader).take(answer), &mut io::sink())
                        .map_err(output_error)?;
                    if skipped < answer {
                        return Err(output_error(io::ErrorKind::UnexpectedEof.into()));
                    }
                    blobs.push(Err(Refusal::TooLarge { limit }.to_string()));
                    continue;
                }
                let mut content = vec![0; answer as usize];
                reader.read_exact(&mut content).map_err(output_error)?;
                content.pop();
                blobs.push(Ok(content));
            }
            [_, "missing"] => blobs.push(Err(NOT_IN_STORE.to_string())),
            _ => {
                return Err(GitError::Unexpected {
                    command: command.to_string(),
                    line: header.trim_end().to_string(),
                });
            }
        }
    }
    Ok(blobs)
}

#[cfg(test)]
mod tests;
