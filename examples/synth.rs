//! Synthetic claim bases for benchmarks and stress tests.
//!
//! ```text
//! cargo run --release --example synth -- --claims 10000 --out /tmp/base [--seed 1] [--per-file 200] [--force]
//! ```
//!
//! Writes `OUT/claims/part-NNNNN.toml` (figures and claims) and `OUT/sources/part-NNNNN.toml`
//! (speakers and sources), about `--per-file` claims (or sources) per file, with N claims,
//! about N/10 sources, N/20 speakers and N/50 figures. Values use every form of the value grammar,
//! and each quote contains its value's number (as digits or the same words), so the base passes
//! `claimtrack check` with info findings only (conflicts, divergences, unsupported assertions,
//! unverified attributions, single origins). The output is a pure function of the arguments: the
//! PRNG is a hand-written splitmix64, so no dependency and no platform difference.
//!
//! Without `--force`, an OUT that already holds `claims/` or `sources/` is refused; with it, those
//! two folders (and nothing else) are removed first. `OUT/.synth-stamp` records the arguments.

use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Bump when the generated text changes, so cached bases are regenerated.
const GENERATOR_VERSION: u32 = 1;

struct Args {
    claims: usize,
    out: PathBuf,
    seed: u64,
    per_file: usize,
    force: bool,
}

const USAGE: &str = "usage: synth --claims N --out DIR [--seed S] [--per-file K] [--force]";

fn parse_args() -> Result<Args, String> {
    let mut claims = None;
    let mut out = None;
    let mut seed = 1u64;
    let mut per_file = 200usize;
    let mut force = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_string(), Some(value.to_string()))
            }
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        let number = |text: String, name: &str| {
            text.replace('_', "")
                .parse::<u64>()
                .map_err(|_| format!("{name}: `{text}` is not a whole number\n{USAGE}"))
        };
        match name.as_str() {
            "--claims" | "-n" => claims = Some(number(value("--claims")?, "--claims")? as usize),
            "--out" | "-o" => out = Some(PathBuf::from(value("--out")?)),
            "--seed" => seed = number(value("--seed")?, "--seed")?,
            "--per-file" => per_file = number(value("--per-file")?, "--per-file")?.max(1) as usize,
            "--force" => force = true,
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    Ok(Args {
        claims: claims.ok_or_else(|| format!("--claims is required\n{USAGE}"))?,
        out: out.ok_or_else(|| format!("--out is required\n{USAGE}"))?,
        seed,
        per_file,
        force,
    })
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// PRNG

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5851_f42d_4c95_7f2d)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    fn range(&mut self, low: u64, high_inclusive: u64) -> u64 {
        low + self.next_u64() % (high_inclusive - low + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next_u64() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.below(items.len())]
    }

    /// A stream of its own, so adding draws to one record kind does not reshuffle the others.
    fn fork(&mut self, salt: u64) -> Rng {
        Rng(self.next_u64() ^ salt.wrapping_mul(0x2545_f491_4f6c_dd1d))
    }
}

// ---------------------------------------------------------------------------------------------
// Word lists

const FIRST_NAMES: &[&str] = &[
    "Raha",
    "Masoud",
    "Hossein",
    "Ahmad",
    "Maryam",
    "Leila",
    "Reza",
    "Shirin",
    "Kaveh",
    "Nasrin",
    "Amir",
    "Parisa",
    "Dariush",
    "Elham",
    "Farid",
    "Golnar",
    "Hamid",
    "Iraj",
    "Jaleh",
    "Kamran",
    "Laleh",
    "Mehdi",
    "Nima",
    "Omid",
    "Pouya",
    "Roya",
    "Sara",
    "Taher",
    "Yasmin",
    "Zahra",
    "Anna",
    "Bruno",
    "Claire",
    "Daniel",
    "Émilie",
    "François",
    "Greta",
    "Hugo",
    "Inès",
    "Jonas",
];
const LAST_NAMES: &[&str] = &[
    "Bahreini",
    "Dalvand",
    "Fathi",
    "Ebrahimi",
    "Rajavi",
    "Moradi",
    "Karimi",
    "Hosseini",
    "Tehrani",
    "Sadeghi",
    "Rostami",
    "Azadi",
    "Ghorbani",
    "Jafari",
    "Kazemi",
    "Mousavi",
    "Najafi",
    "Rahimi",
    "Shahidi",
    "Vaziri",
    "Yazdani",
    "Zand",
    "Lambert",
    "Moreau",
    "Schneider",
    "Fischer",
    "Rossi",
    "Bianchi",
    "García",
    "Fernández",
    "O'Neill",
    "Novak",
    "Lindqvist",
    "Haddad",
    "Khalil",
    "Sato",
];
const ORG_WORDS: &[&str] = &[
    "Justice",
    "Truth",
    "Human Rights",
    "Memory",
    "Accountability",
    "Families",
    "Survivors",
    "Documentation",
    "Research",
    "Democracy",
    "Freedom",
    "Witness",
    "Archive",
    "Monitoring",
];
const ORG_KINDS: &[&str] = &[
    "Committee",
    "Centre",
    "Foundation",
    "Association",
    "Network",
    "Coalition",
    "Institute",
    "Project",
    "Council",
    "Campaign",
];
const PLACES: &[&str] = &[
    "Tehran",
    "Mashhad",
    "Isfahan",
    "Tabriz",
    "Shiraz",
    "Karaj",
    "Ahvaz",
    "Qom",
    "Kermanshah",
    "Rasht",
    "Zahedan",
    "Hamadan",
    "Yazd",
    "Ardabil",
    "Sanandaj",
    "Urmia",
    "Arak",
    "Qazvin",
];
const PRISONS: &[&str] = &[
    "Evin prison",
    "Gohardasht prison",
    "Qezel Hesar prison",
    "Vakilabad prison",
    "Adelabad prison",
    "Dizelabad prison",
    "Lakan prison",
    "Tabriz central prison",
];
const OUTLETS: &[&str] = &[
    "Daily",
    "Herald",
    "Observer",
    "Tribune",
    "Gazette",
    "Courier",
    "Review",
    "Chronicle",
    "Post",
    "Monitor",
];
const EVENTS: &[&str] = &[
    "the prison massacres",
    "the crackdown on protesters",
    "the mass arrests",
    "the executions",
    "the disappearances",
    "the trials before the commission",
    "the raids on opposition offices",
    "the purge of the universities",
    "the deportations",
    "the hunger strikes",
];
const SUBJECTS: &[&str] = &[
    "political prisoners executed",
    "people arrested",
    "detainees held",
    "protesters killed",
    "families displaced",
    "mass graves identified",
    "prisoners transferred",
    "journalists detained",
    "students expelled",
    "death sentences issued",
    "people injured",
    "bodies returned to families",
];
const NOUNS: &[&str] = &[
    "people",
    "prisoners",
    "political dissidents",
    "detainees",
    "protesters",
    "families",
    "victims",
    "students",
    "workers",
    "members of the opposition",
];
const VERBS: &[&str] = &[
    "were executed in secret",
    "were arrested in the first weeks",
    "were held without trial",
    "were killed by the security forces",
    "disappeared after their transfer",
    "were buried in unmarked graves",
    "were sentenced by the commission",
    "lost their lives",
    "were taken to interrogation rooms",
    "were never seen again",
];
const LEADS: &[&str] = &[
    "The report states that",
    "According to the testimony gathered by the researchers,",
    "Over the following weeks",
    "Survivors and relatives told the committee that",
    "In its statement the organisation said that",
    "Our own investigation established that",
    "Records seen by this newspaper show that",
    "Speaking at the press conference, the spokesperson said that",
    "The findings of the inquiry indicate that",
    "Witnesses interviewed in exile recalled that",
    "By the end of that summer",
    "The letter to the special rapporteur says that",
];
const TAILS: &[&str] = &[
    "across the provinces named in the annex.",
    "according to lists compiled by families of the victims.",
    "while the authorities continued to deny that anything had happened.",
    "and their relatives were never told where they were buried.",
    "in what the organisation describes as a crime against humanity.",
    "before the news reached the outside world.",
    "though the true figure may never be known.",
    "as documented in the appendix to this report.",
    "in the prisons of the capital and in the provinces.",
    "and the officials responsible still hold positions of power.",
];
const NOTES: &[&str] = &[
    "Date inferred from the embargo line of the press release.",
    "The passage is repeated almost verbatim in a later statement.",
    "Translated from the Persian original by the editors of this base.",
    "The figure is given without naming its source; recorded as stated.",
    "The source corrects an earlier version that gave another number.",
    "Paragraph numbers count from the first paragraph after the byline.",
    "Quoted from the English edition; the Persian edition words it slightly differently.",
];
// The grammar's own number words, so generated values are always ones it reads.
use claimtrack::value::{SMALL_NUMBERS as SMALL, TENS};

// ---------------------------------------------------------------------------------------------
// Numbers

/// `30000` -> `30,000`.
fn with_separators(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Words for 1..=99: `forty-two`.
fn words_below_100(n: u64) -> String {
    if n < 20 {
        SMALL[n as usize].to_string()
    } else if n.is_multiple_of(10) {
        TENS[(n / 10 - 2) as usize].to_string()
    } else {
        format!(
            "{}-{}",
            TENS[(n / 10 - 2) as usize],
            SMALL[(n % 10) as usize]
        )
    }
}

/// Round to two significant digits, as sources round.
fn round2(n: u64) -> u64 {
    if n < 100 {
        return n.max(1);
    }
    let mut scale = 1u64;
    while n / scale >= 100 {
        scale *= 10;
    }
    ((n + scale / 2) / scale) * scale
}

/// A number near `n`, within ±`spread` (0.2 = ±20%), rounded.
fn near(rng: &mut Rng, n: u64, spread: f64) -> u64 {
    let factor = 1.0 + spread * (2.0 * (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 - 1.0);
    round2(((n as f64) * factor).max(1.0) as u64)
}

// ---------------------------------------------------------------------------------------------
// Values

enum Value {
    Integer(u64),
    Text(String),
}

/// A value and the words the quote uses for it.
struct Stated {
    value: Value,
    in_quote: String,
}

fn text(value: String) -> Stated {
    Stated {
        in_quote: value.clone(),
        value: Value::Text(value),
    }
}

/// A value on a count figure whose sources state the numbers `canon` (one or two), in one of the
/// grammar's forms. Bounds, approximations, ranges and vague words are chosen to hold the stated
/// numbers, so the only conflicts are between different exact numbers and from
/// [`conflicting_value`].
fn count_value(rng: &mut Rng, canon: &[u64]) -> Stated {
    let n = canon[rng.below(canon.len())];
    let lo = *canon.iter().min().unwrap_or(&n);
    let hi = *canon.iter().max().unwrap_or(&n);
    let digits = |n: u64| text(with_separators(n));
    match rng.below(22) {
        0 | 1 => Stated {
            value: Value::Integer(n),
            in_quote: with_separators(n),
        },
        2 | 3 => digits(n),
        4 => {
            // "1.5 million" / "12k"
            if n >= 1_000_000 && n.is_multiple_of(100_000) {
                let tenths = n / 100_000;
                if tenths.is_multiple_of(10) {
                    text(format!("{} million", tenths / 10))
                } else {
                    text(format!("{}.{} million", tenths / 10, tenths % 10))
                }
            } else if n >= 1_000 && n.is_multiple_of(1_000) {
                text(format!("{}k", n / 1_000))
            } else {
                digits(n)
            }
        }
        5 => {
            // number words: "thirty thousand", "forty-two", "three hundred", "two million"
            if n.is_multiple_of(1_000_000) && (1..100).contains(&(n / 1_000_000)) {
                text(format!("{} million", words_below_100(n / 1_000_000)))
            } else if n.is_multiple_of(1_000) && (1..100).contains(&(n / 1_000)) {
                text(format!("{} thousand", words_below_100(n / 1_000)))
            } else if n.is_multiple_of(100) && (1..10).contains(&(n / 100)) {
                text(format!("{} hundred", words_below_100(n / 100)))
            } else if (1..100).contains(&n) {
                text(words_below_100(n))
            } else {
                digits(n)
            }
        }
        // Bounds sit beyond the stated numbers, so they agree with them.
        6..=8 => {
            let low = with_separators(near(rng, lo * 7 / 10, 0.1));
            let word = ["at least", "more than", "over"][rng.below(3)];
            text(format!("{word} {low}"))
        }
        9..=11 => {
            let high = with_separators(near(rng, hi * 14 / 10, 0.1));
            let word = ["at most", "up to", "fewer than"][rng.below(3)];
            text(format!("{word} {high}"))
        }
        12 => text(format!("about {}", with_separators(n))),
        13 => text(format!("roughly {}", with_separators(n))),
        14 => text(format!("nearly {}", with_separators(n))),
        15 => text(format!("around {}", with_separators(n))),
        16 | 17 => {
            let low = near(rng, lo * 8 / 10, 0.05).max(1);
            let high = near(rng, hi * 5 / 4, 0.05).max(low + 1);
            let (low, high) = (with_separators(low), with_separators(high));
            match rng.below(3) {
                0 => text(format!("{low} to {high}")),
                1 => text(format!("between {low} and {high}")),
                _ => text(format!("{low}–{high}")),
            }
        }
        _ => {
            // A vague word whose interval holds the stated numbers with some room.
            const VAGUE: &[(&str, u64, u64)] = &[
                ("dozens", 24, 199),
                ("hundreds", 200, 9_999),
                ("thousands", 2_000, 99_999),
                ("tens of thousands", 20_000, 99_999),
                ("hundreds of thousands", 200_000, 999_999),
                ("millions", 2_000_000, 99_999_999),
            ];
            let fits = VAGUE
                .iter()
                .filter(|(_, low, high)| lo * 3 / 4 >= *low && hi * 5 / 4 <= *high)
                .map(|(word, ..)| *word)
                .collect::<Vec<_>>();
            if fits.is_empty() {
                text(format!("approximately {}", with_separators(n)))
            } else {
                let word = fits[rng.below(fits.len())];
                Stated {
                    value: Value::Text(word.to_string()),
                    in_quote: format!("{word} of"),
                }
            }
        }
    }
}

/// A value that overlaps none of the stated numbers `canon`: a conflict on the figure.
fn conflicting_value(rng: &mut Rng, canon: &[u64]) -> Stated {
    let lo = *canon.iter().min().unwrap_or(&1);
    let hi = *canon.iter().max().unwrap_or(&1);
    if lo >= 40 && rng.chance(0.5) {
        text(format!("at most {}", with_separators(round2(lo / 4))))
    } else {
        let n = round2(hi.saturating_mul(4));
        if rng.chance(0.5) {
            text(format!("at least {}", with_separators(n)))
        } else {
            Stated {
                value: Value::Integer(n),
                in_quote: with_separators(n),
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Records

#[derive(Clone, Copy, PartialEq)]
enum SpeakerKind {
    Person,
    Organisation,
    Government,
    Outlet,
}

struct Speaker {
    id: String,
    name: String,
    kind: SpeakerKind,
    aliases: Vec<String>,
    affiliations: Vec<usize>,
    note: Option<&'static str>,
}

struct Source {
    id: String,
    title: String,
    publisher: usize,
    kind: &'static str,
    published: String,
    url: Option<String>,
    sha256: Option<String>,
    note: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq)]
enum FigureKind {
    Count,
    Label,
    Varies,
}

struct Figure {
    id: String,
    label: String,
    unit: Option<&'static str>,
    subject: Option<usize>,
    kind: FigureKind,
    /// The numbers the figure's sources state: one, or two that disagree.
    canon: Vec<u64>,
    /// Whether some claims give values that conflict with `canon`.
    disputed: bool,
    /// First year of the as_of dates of a varying figure.
    year: u64,
    note: Option<&'static str>,
}

fn toml_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
}

fn field(out: &mut String, key: &str, value: &str) {
    out.push_str(key);
    out.push_str(" = ");
    toml_string(out, value);
    out.push('\n');
}

fn list(out: &mut String, key: &str, values: &[&str]) {
    out.push_str(key);
    out.push_str(" = [");
    for (i, value) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        toml_string(out, value);
    }
    out.push_str("]\n");
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn make_speakers(rng: &mut Rng, count: usize) -> Vec<Speaker> {
    let mut speakers: Vec<Speaker> = Vec::with_capacity(count);
    let mut organisations: Vec<usize> = Vec::new();
    for i in 0..count {
        let kind = match rng.below(10) {
            0..=4 => SpeakerKind::Person,
            5..=6 => SpeakerKind::Organisation,
            7 => SpeakerKind::Government,
            _ => SpeakerKind::Outlet,
        };
        let (name, alias) = match kind {
            SpeakerKind::Person => {
                let first = rng.pick(FIRST_NAMES);
                let last = rng.pick(LAST_NAMES);
                (
                    format!("{first} {last}"),
                    format!("{}. {last}", first.chars().next().unwrap_or('X')),
                )
            }
            SpeakerKind::Organisation => {
                let word = rng.pick(ORG_WORDS);
                let kind = rng.pick(ORG_KINDS);
                let place = rng.pick(PLACES);
                let name = format!("{place} {kind} for {word}");
                let initials: String = name
                    .split(' ')
                    .filter(|w| w.len() > 3)
                    .filter_map(|w| w.chars().next())
                    .collect();
                (name, initials)
            }
            SpeakerKind::Government => {
                let place = rng.pick(PLACES);
                (
                    format!("Provincial Governorate of {place}"),
                    format!("{place} governorate"),
                )
            }
            SpeakerKind::Outlet => {
                let place = rng.pick(PLACES);
                let outlet = rng.pick(OUTLETS);
                (format!("The {place} {outlet}"), format!("{place} {outlet}"))
            }
        };
        let id = format!("spk-{i:06}-{}", slug(&name));
        let aliases = if rng.chance(0.3) {
            vec![alias]
        } else {
            Vec::new()
        };
        // Persons sometimes speak for an organisation declared before them (no cycles).
        let mut affiliations = Vec::new();
        if kind == SpeakerKind::Person && !organisations.is_empty() && rng.chance(0.3) {
            affiliations.push(organisations[rng.below(organisations.len())]);
        }
        if matches!(kind, SpeakerKind::Organisation | SpeakerKind::Government) {
            organisations.push(i);
        }
        let note = rng.chance(0.25).then(|| rng.pick(NOTES));
        speakers.push(Speaker {
            id,
            name,
            kind,
            aliases,
            affiliations,
            note,
        });
    }
    speakers
}

fn date(rng: &mut Rng, first_year: u64, last_year: u64) -> String {
    let year = rng.range(first_year, last_year);
    match rng.below(4) {
        0 => format!("{year}"),
        1 => format!("{year}-{:02}", rng.range(1, 12)),
        _ => format!("{year}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28)),
    }
}

fn make_sources(rng: &mut Rng, count: usize, speakers: &[Speaker]) -> Vec<Source> {
    const KINDS: &[&str] = &[
        "report",
        "press-release",
        "news",
        "news",
        "news",
        "statement",
        "transcript",
        "event",
        "other",
    ];
    (0..count)
        .map(|i| {
            // Every speaker publishes at least one source, so none is unused.
            let publisher = if i < speakers.len() {
                i
            } else {
                rng.below(speakers.len())
            };
            let event = rng.pick(EVENTS);
            let place = rng.pick(PLACES);
            let title = match rng.below(4) {
                0 => format!(
                    "New evidence on {event} in {place} and the fate of those who disappeared"
                ),
                1 => format!(
                    "{}: families demand answers about {event}",
                    speakers[publisher].name
                ),
                2 => format!("Blood-soaked secrets: {event} in {place} revisited"),
                _ => {
                    format!("Statement on {event} and the continuing impunity of those responsible")
                }
            };
            let id = format!("src-{i:06}");
            let url = rng.chance(0.7).then(|| {
                format!(
                    "https://example.org/{}/{id}",
                    slug(&speakers[publisher].name)
                )
            });
            let sha256 = rng.chance(0.2).then(|| {
                let mut hex = String::with_capacity(64);
                for _ in 0..4 {
                    let _ = write!(hex, "{:016x}", rng.next_u64());
                }
                hex
            });
            Source {
                id,
                title,
                publisher,
                kind: rng.pick(KINDS),
                published: date(rng, 1989, 2024),
                url,
                sha256,
                note: rng.chance(0.15).then(|| rng.pick(NOTES)),
            }
        })
        .collect()
}

fn make_figures(rng: &mut Rng, count: usize, speakers: &[Speaker]) -> Vec<Figure> {
    (0..count)
        .map(|i| {
            let kind = match rng.below(100) {
                0..=5 => FigureKind::Label,
                6..=13 => FigureKind::Varies,
                _ => FigureKind::Count,
            };
            let place = rng.pick(PLACES);
            let event = rng.pick(EVENTS);
            let subject_text = rng.pick(SUBJECTS);
            let (label, unit) = match kind {
                FigureKind::Count => (
                    format!("Number of {subject_text} in {place} during {event}"),
                    Some("people"),
                ),
                FigureKind::Varies => (
                    format!("Number of {subject_text} in {place}, as counted at the time"),
                    Some("people"),
                ),
                FigureKind::Label => (
                    format!("Where most of those held in {place} were taken during {event}"),
                    None,
                ),
            };
            let id = format!("fig-{i:05}/{}", slug(subject_text));
            // Magnitudes from a dozen to a few million, log-uniform.
            let exponent = rng.range(1, 6) as u32;
            let magnitude = round2(rng.range(12, 99) * 10u64.pow(exponent) / 10);
            let mut canon = vec![magnitude];
            if rng.chance(0.25) {
                canon.push(round2(magnitude * 13 / 10));
            }
            let subject =
                (kind == FigureKind::Label && rng.chance(0.5)).then(|| rng.below(speakers.len()));
            Figure {
                id,
                label,
                unit,
                subject,
                kind,
                canon,
                disputed: rng.chance(0.3),
                year: rng.range(1988, 2020),
                note: rng.chance(0.2).then(|| rng.pick(NOTES)),
            }
        })
        .collect()
}

fn write_speaker(out: &mut String, s: &Speaker, speakers: &[Speaker]) {
    out.push_str("[[speaker]]\n");
    field(out, "id", &s.id);
    field(out, "name", &s.name);
    let kind = match s.kind {
        SpeakerKind::Person => "person",
        SpeakerKind::Organisation => "organisation",
        SpeakerKind::Government => "government",
        SpeakerKind::Outlet => "outlet",
    };
    field(out, "kind", kind);
    if !s.aliases.is_empty() {
        let aliases: Vec<&str> = s.aliases.iter().map(String::as_str).collect();
        list(out, "aliases", &aliases);
    }
    if !s.affiliations.is_empty() {
        let ids: Vec<&str> = s
            .affiliations
            .iter()
            .map(|&a| speakers[a].id.as_str())
            .collect();
        list(out, "affiliations", &ids);
    }
    if let Some(note) = s.note {
        field(out, "note", note);
    }
    out.push('\n');
}

fn write_source(out: &mut String, s: &Source, speakers: &[Speaker]) {
    out.push_str("[[source]]\n");
    field(out, "id", &s.id);
    field(out, "title", &s.title);
    field(out, "publisher", &speakers[s.publisher].id);
    field(out, "kind", s.kind);
    field(out, "published", &s.published);
    if let Some(url) = &s.url {
        field(out, "url", url);
    }
    if let Some(sha) = &s.sha256 {
        field(out, "sha256", sha);
    }
    if let Some(note) = s.note {
        field(out, "note", note);
    }
    out.push('\n');
}

fn write_figure(out: &mut String, f: &Figure, speakers: &[Speaker]) {
    out.push_str("[[figure]]\n");
    field(out, "id", &f.id);
    field(out, "label", &f.label);
    if let Some(unit) = f.unit {
        field(out, "unit", unit);
    }
    if let Some(subject) = f.subject {
        field(out, "subject", &speakers[subject].id);
    }
    match f.kind {
        FigureKind::Label => field(out, "values", "label"),
        FigureKind::Varies => {
            out.push_str("varies = true\n");
            field(out, "window", "year");
        }
        FigureKind::Count => {}
    }
    if let Some(note) = f.note {
        field(out, "note", note);
    }
    out.push('\n');
}

struct World {
    speakers: Vec<Speaker>,
    sources: Vec<Source>,
    figures: Vec<Figure>,
}

/// Write claim `i` as TOML.
fn write_claim(out: &mut String, rng: &mut Rng, i: usize, world: &World) {
    let sources = &world.sources;
    let speakers = &world.speakers;
    // Consecutive claims come from one source, as when a document is read claim by claim; every
    // source gets claims.
    let source_index = (i / 10) % sources.len();
    let source = &sources[source_index];
    let speaker = if rng.chance(0.5) {
        source.publisher
    } else {
        rng.below(speakers.len())
    };
    let figure = (!rng.chance(0.05)).then(|| rng.below(world.figures.len()));

    let noun = rng.pick(NOUNS);
    let verb = rng.pick(VERBS);
    let lead = rng.pick(LEADS);
    let tail = rng.pick(TAILS);
    let place = rng.pick(PLACES);

    let mut value: Option<Stated> = None;
    let mut as_of: Option<String> = None;
    let mut figure_id = None;
    if let Some(f) = figure.map(|f| &world.figures[f]) {
        figure_id = Some(f.id.as_str());
        value = Some(match f.kind {
            FigureKind::Label => text(rng.pick(PRISONS).to_string()),
            FigureKind::Count | FigureKind::Varies => {
                if f.disputed && rng.chance(0.1) {
                    conflicting_value(rng, &f.canon)
                } else {
                    count_value(rng, &f.canon)
                }
            }
        });
        if f.kind == FigureKind::Varies {
            // Three years, so each window holds several claims.
            let year = f.year + rng.range(0, 2);
            as_of = Some(if rng.chance(0.5) {
                format!("{year}")
            } else {
                format!("{year}-{:02}", rng.range(1, 12))
            });
        } else if rng.chance(0.1) {
            as_of = Some(format!("{}", rng.range(1988, 1990)));
        }
    }

    let (quote, statement) = match (&value, figure.map(|f| world.figures[f].kind)) {
        (Some(stated), Some(FigureKind::Label)) => (
            format!(
                "{lead} most of those detained in {place} were taken to {} {tail}",
                stated.in_quote
            ),
            format!(
                "The speaker says that most detainees from {place} were taken to {}.",
                stated.in_quote
            ),
        ),
        (Some(stated), _) => (
            format!("{lead} {} {noun} {verb} in {place} {tail}", stated.in_quote),
            format!(
                "The speaker says that {} {noun} {verb} in {place}.",
                stated.in_quote
            ),
        ),
        (None, _) => (
            format!("{lead} the {noun} of {place} {verb} {tail}"),
            format!("The speaker describes how the {noun} of {place} {verb}."),
        ),
    };

    out.push_str("[[claim]]\n");
    let _ = writeln!(out, "id = \"clm-{i:07}\"");
    if let Some(id) = figure_id {
        field(out, "figure", id);
    }
    if let Some(stated) = &value {
        match &stated.value {
            Value::Integer(n) => {
                let _ = writeln!(out, "value = {n}");
            }
            Value::Text(t) => field(out, "value", t),
        }
    }
    if rng.chance(0.6) {
        field(out, "statement", &statement);
    }
    field(out, "speaker", &speakers[speaker].id);
    field(out, "source", &source.id);
    // A few claims are cited by locator alone.
    let has_quote = !rng.chance(0.03);
    if has_quote {
        field(out, "quote", &quote);
    }
    if !has_quote || rng.chance(0.8) {
        let locator = if rng.chance(0.8) {
            format!("paragraph {}", rng.range(1, 40))
        } else {
            format!("page {}", rng.range(1, 300))
        };
        field(out, "locator", &locator);
    }
    if let Some(as_of) = &as_of {
        field(out, "as_of", as_of);
    }
    if rng.chance(0.15) {
        let other = rng.below(speakers.len());
        field(out, "according_to", &speakers[other].id);
    }
    if rng.chance(0.3) {
        let mut basis: Vec<String> = Vec::new();
        for _ in 0..rng.range(1, 2) {
            let entry = match rng.below(6) {
                0 => "witness".to_string(),
                1 => "own-research".to_string(),
                2 => ["own-count", "official-records"][rng.below(2)].to_string(),
                3 => sources[rng.below(sources.len())].id.clone(),
                // Only earlier claims, so basis never forms a cycle.
                _ if i > 0 => format!("clm-{:07}", i - 1 - rng.below(i.min(500))),
                _ => "witness".to_string(),
            };
            if !basis.contains(&entry) {
                basis.push(entry);
            }
        }
        let basis: Vec<&str> = basis.iter().map(String::as_str).collect();
        list(out, "basis", &basis);
    }
    if rng.chance(0.2) {
        field(out, "note", rng.pick(NOTES));
    }
    out.push('\n');
}

fn write_file(path: &Path, text: &str) -> io::Result<()> {
    let mut file = BufWriter::new(fs::File::create(path)?);
    file.write_all(text.as_bytes())?;
    file.flush()
}

fn run(args: &Args) -> Result<(), String> {
    let out = &args.out;
    let claims_dir = out.join("claims");
    let sources_dir = out.join("sources");
    for dir in [&claims_dir, &sources_dir] {
        if dir.exists() {
            if !args.force {
                return Err(format!(
                    "`{}` already exists; pass --force to replace claims/ and sources/",
                    dir.display()
                ));
            }
            fs::remove_dir_all(dir)
                .map_err(|e| format!("cannot remove `{}`: {e}", dir.display()))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    }

    let n = args.claims.max(1);
    let mut rng = Rng::new(args.seed);
    let mut speaker_rng = rng.fork(1);
    let mut source_rng = rng.fork(2);
    let mut figure_rng = rng.fork(3);
    let mut claim_rng = rng.fork(4);

    let speakers = make_speakers(&mut speaker_rng, (n / 20).max(3));
    let sources = make_sources(&mut source_rng, (n / 10).max(speakers.len()), &speakers);
    let figures = make_figures(&mut figure_rng, (n / 50).max(2), &speakers);
    let world = World {
        speakers,
        sources,
        figures,
    };

    let header = format!(
        "# Synthetic claim base: examples/synth.rs v{GENERATOR_VERSION}, --claims {} --seed {}\n\n",
        args.claims, args.seed
    );
    let per_file = args.per_file;

    // sources/: sources in runs of `per_file`, speakers spread evenly over the same files.
    let source_parts = world.sources.len().div_ceil(per_file);
    let mut files = 0usize;
    let mut bytes = 0usize;
    for part in 0..source_parts {
        let mut text = header.clone();
        let speaker_range = world.speakers.len() * part / source_parts
            ..world.speakers.len() * (part + 1) / source_parts;
        for s in &world.speakers[speaker_range] {
            write_speaker(&mut text, s, &world.speakers);
        }
        let end = ((part + 1) * per_file).min(world.sources.len());
        for s in &world.sources[part * per_file..end] {
            write_source(&mut text, s, &world.speakers);
        }
        let path = sources_dir.join(format!("part-{:05}.toml", part + 1));
        write_file(&path, &text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
        files += 1;
        bytes += text.len();
    }

    // claims/: claims in runs of `per_file`, figures spread evenly over the same files.
    let claim_parts = n.div_ceil(per_file);
    for part in 0..claim_parts {
        let mut text = header.clone();
        let figure_range = world.figures.len() * part / claim_parts
            ..world.figures.len() * (part + 1) / claim_parts;
        for f in &world.figures[figure_range] {
            write_figure(&mut text, f, &world.speakers);
        }
        for i in part * per_file..((part + 1) * per_file).min(n) {
            write_claim(&mut text, &mut claim_rng, i, &world);
        }
        let path = claims_dir.join(format!("part-{:05}.toml", part + 1));
        write_file(&path, &text).map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
        files += 1;
        bytes += text.len();
    }

    let stamp = format!(
        "version={GENERATOR_VERSION} claims={} seed={} per_file={}\n",
        args.claims, args.seed, args.per_file
    );
    fs::write(out.join(".synth-stamp"), stamp).map_err(|e| format!("cannot write stamp: {e}"))?;
    eprintln!(
        "wrote {} claims, {} figures, {} sources, {} speakers in {files} files ({:.1} MB) to {}",
        n,
        world.figures.len(),
        world.sources.len(),
        world.speakers.len(),
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
