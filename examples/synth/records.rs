//! TOML text of records: each field written as `key = value`, strings escaped by the `toml` crate.

use crate::world::{Figure, FigureKind, Source, Speaker, SpeakerKind};
use serde::Serialize;
use toml::ser::{Error, ValueSerializer};

/// `key = "value"`, the string escaped as TOML requires.
pub fn field(out: &mut String, key: &str, value: &str) -> Result<(), Error> {
    out.push_str(key);
    out.push_str(" = ");
    value.serialize(ValueSerializer::new(out))?;
    out.push('\n');
    Ok(())
}

/// `key = ["a", "b"]`.
pub fn list(out: &mut String, key: &str, values: &[&str]) -> Result<(), Error> {
    out.push_str(key);
    out.push_str(" = [");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        value.serialize(ValueSerializer::new(out))?;
    }
    out.push_str("]\n");
    Ok(())
}

pub fn write_speaker(out: &mut String, s: &Speaker, speakers: &[Speaker]) -> Result<(), Error> {
    out.push_str("[[speaker]]\n");
    field(out, "id", &s.id)?;
    field(out, "name", &s.name)?;
    let kind = match s.kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::Government => "government",
        SpeakerKind::Outlet => "outlet",
    };
    field(out, "kind", kind)?;
    if !s.aliases.is_empty() {
        let aliases: Vec<&str> = s.aliases.iter().map(String::as_str).collect();
        list(out, "aliases", &aliases)?;
    }
    if !s.affiliations.is_empty() {
        let ids: Vec<&str> = s
            .affiliations
            .iter()
            .map(|&a| speakers[a].id.as_str())
            .collect();
        list(out, "affiliations", &ids)?;
    }
    if let Some(note) = s.note {
        field(out, "note", note)?;
    }
    out.push('\n');
    Ok(())
}

pub fn write_source(out: &mut String, s: &Source, speakers: &[Speaker]) -> Result<(), Error> {
    out.push_str("[[source]]\n");
    field(out, "id", &s.id)?;
    field(out, "title", &s.title)?;
    field(out, "publisher", &speakers[s.publisher].id)?;
    field(out, "kind", s.kind)?;
    field(out, "published", &s.published)?;
    if let Some(url) = &s.url {
        field(out, "url", url)?;
    }
    if let Some(sha) = &s.sha256 {
        field(out, "sha256", sha)?;
    }
    if let Some(note) = s.note {
        field(out, "note", note)?;
    }
    out.push('\n');
    Ok(())
}

pub fn write_figure(out: &mut String, f: &Figure, speakers: &[Speaker]) -> Result<(), Error> {
    out.push_str("[[figure]]\n");
    field(out, "id", &f.id)?;
    field(out, "label", &f.label)?;
    if let Some(unit) = f.unit {
        field(out, "unit", unit)?;
    }
    if let Some(subject) = f.subject {
        field(out, "subject", &speakers[subject].id)?;
    }
    match f.kind {
        FigureKind::Label => field(out, "values", "label")?,
        FigureKind::Varies => {
            out.push_str("varies = true\n");
            field(out, "window", "year")?;
        }
        FigureKind::Count => {}
    }
    if let Some(note) = f.note {
        field(out, "note", note)?;
    }
    out.push('\n');
    Ok(())
}
