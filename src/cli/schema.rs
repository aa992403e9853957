//! `claimtrack schema`: print the JSON Schema of one folder's record files, for editors.

use super::Error;
use super::output::{Exit, print};
use claimtrack::input::loader::Folder;
use claimtrack::input::schema::record_file_schema;

#[derive(clap::Args)]
pub struct Args {
    /// Which record files: `claims` ([[figure]] and [[claim]] tables) or `sources` ([[speaker]]
    /// and [[source]] tables).
    #[arg(value_enum)]
    folder: FolderArg,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum FolderArg {
    Claims,
    Sources,
}

pub fn run(args: Args) -> Result<Exit, Error> {
    let folder = match args.folder {
        FolderArg::Claims => Folder::Claims,
        FolderArg::Sources => Folder::Sources,
    };
    print(&record_file_schema(folder))?;
    Ok(Exit::Clean)
}
