//! Bench shapes: the ways a base is bent away from the normal one to reproduce what real desks
//! meet (one agency quoted by everyone, a deleted sources file) and the pathological inputs no
//! command may be quadratic on (one huge figure, long chains, many aliases). `normal` changes
//! nothing and draws nothing, so its output stays what it was.

use crate::at_least_one;
use crate::rng::Rng;
use crate::values::{Stated, exact};
use crate::world::{Figure, FigureKind, World, make_speakers};

#[derive(Clone, Copy, PartialEq, Eq, Debug, clap::ValueEnum)]
pub enum Shape {
    /// The base every other shape bends
    Normal,
    /// One figure; half the claims by one speaker, and ~15% of claims according to it
    WireAgency,
    /// The normal base with its first `--missing-files` sources files not written
    DeletedSources,
    /// One figure with `--figure-claims` claims holding `--distinct-values` exact values (at
    /// most one per claim)
    OneFigure,
    /// The first `--chain` claims each rest on the one before and are by a speaker according to
    /// the next speaker of the chain
    LongChain,
    /// `--chain` + 1 extra speakers, each affiliated with the next
    ChainedAffiliations,
    /// One speaker with `--aliases` aliases
    ManyAliases,
    /// `--figures` figures, the claims spread over them: a desk tracking many small figures
    ManyFigures,
    /// One figure, dated claims; every other claim is one agency's running toll, each update
    /// replacing the one before, and ~30% of the rest according to the agency
    RunningToll,
}

impl Shape {
    /// The name `--shape` takes.
    fn name(self) -> String {
        clap::ValueEnum::to_possible_value(&self)
            .map_or_else(String::new, |value| value.get_name().to_string())
    }
}

/// The flags that choose a shape and its counts.
#[derive(clap::Args)]
pub struct ShapeArgs {
    /// Bend the base into a shape that stresses one part of claimtrack
    #[arg(long, value_enum, default_value_t = Shape::Normal)]
    pub shape: Shape,
    /// deleted-sources: how many sources files are left out [default: 1]
    #[arg(long, value_parser = at_least_one)]
    missing_files: Option<u64>,
    /// one-figure: claims on the one figure [default: half the claims]
    #[arg(long, value_parser = at_least_one)]
    figure_claims: Option<u64>,
    /// one-figure: distinct values among them [default: a fifth of the claims]
    #[arg(long, value_parser = at_least_one)]
    distinct_values: Option<u64>,
    /// long-chain, chained-affiliations: links in the chain [default: as many as claims]
    #[arg(long, value_parser = at_least_one)]
    chain: Option<u64>,
    /// many-aliases: aliases of the one speaker [default: a tenth of the claims]
    #[arg(long, value_parser = at_least_one)]
    aliases: Option<u64>,
    /// many-figures: how many figures [default: half the claims]
    #[arg(long, value_parser = at_least_one)]
    figures: Option<u64>,
}

impl ShapeArgs {
    /// The shape with its counts; a count given for another shape is refused, not ignored.
    pub fn plan(&self, claims: usize) -> Result<Plan, String> {
        let count = |value: Option<u64>, flag: &str, shapes: &[Shape], default: usize| match value {
            Some(_) if !shapes.contains(&self.shape) => Err(format!(
                "{flag} applies to --shape {}",
                shapes
                    .iter()
                    .map(|shape| shape.name())
                    .collect::<Vec<_>>()
                    .join(" or ")
            )),
            Some(n) => usize::try_from(n).map_err(|_| format!("{flag} is too large")),
            None => Ok(default.max(1)),
        };
        let plan = Plan {
            shape: self.shape,
            claims,
            missing_files: count(
                self.missing_files,
                "--missing-files",
                &[Shape::DeletedSources],
                1,
            )?,
            figure_claims: count(
                self.figure_claims,
                "--figure-claims",
                &[Shape::OneFigure],
                claims / 2,
            )?,
            distinct_values: count(
                self.distinct_values,
                "--distinct-values",
                &[Shape::OneFigure],
                claims / 5,
            )?,
            chain: count(
                self.chain,
                "--chain",
                &[Shape::LongChain, Shape::ChainedAffiliations],
                claims,
            )?,
            aliases: count(
                self.aliases,
                "--aliases",
                &[Shape::ManyAliases],
                claims / 10,
            )?,
            figures: count(self.figures, "--figures", &[Shape::ManyFigures], claims / 2)?,
        };
        if plan.figure_claims > claims {
            return Err("--figure-claims cannot exceed --claims".to_string());
        }
        if self.shape == Shape::LongChain && plan.chain > claims {
            return Err("--chain cannot exceed --claims for --shape long-chain".to_string());
        }
        Ok(plan)
    }
}

/// A shape with its counts resolved.
pub struct Plan {
    pub shape: Shape,
    pub claims: usize,
    pub missing_files: usize,
    pub figure_claims: usize,
    pub distinct_values: usize,
    pub chain: usize,
    pub aliases: usize,
    pub figures: usize,
}

impl Plan {
    /// The words added to the stamp and the file headers, so bases of different shapes are never
    /// taken for one another; nothing for `normal`.
    pub fn describe(&self) -> String {
        let counts = match self.shape {
            Shape::Normal => return String::new(),
            Shape::WireAgency => String::new(),
            Shape::DeletedSources => format!(" missing_files={}", self.missing_files),
            Shape::OneFigure => format!(
                " figure_claims={} distinct_values={}",
                self.figure_claims, self.distinct_values
            ),
            Shape::LongChain | Shape::ChainedAffiliations => format!(" chain={}", self.chain),
            Shape::ManyAliases => format!(" aliases={}", self.aliases),
            Shape::ManyFigures => format!(" figures={}", self.figures),
            Shape::RunningToll => String::new(),
        };
        format!(" shape={}{counts}", self.shape.name())
    }

    /// The number of figures the base holds: one for `wire-agency` and `running-toll`,
    /// `--figures` for `many-figures`.
    pub fn figure_count(&self, normal: usize) -> usize {
        match self.shape {
            Shape::WireAgency | Shape::RunningToll => 1,
            Shape::ManyFigures => self.figures,
            _ => normal,
        }
    }

    /// Bend the normal records, and say what each claim must change.
    pub fn shape_world(&self, world: &mut World, rng: &mut Rng) -> ClaimTwist {
        match self.shape {
            Shape::Normal | Shape::DeletedSources | Shape::ManyFigures => ClaimTwist::None,
            Shape::WireAgency => {
                count_figure(&mut world.figures[0]);
                ClaimTwist::WireAgency { agency: 0 }
            }
            Shape::RunningToll => {
                count_figure(&mut world.figures[0]);
                ClaimTwist::RunningToll { agency: 0 }
            }
            Shape::OneFigure => {
                count_figure(&mut world.figures[0]);
                ClaimTwist::OneFigure {
                    on_figure: self.figure_claims,
                    distinct: self.distinct_values,
                    claims: self.claims,
                }
            }
            Shape::LongChain => {
                count_figure(&mut world.figures[0]);
                world.figures[0].disputed = false;
                let first = world.speakers.len();
                world
                    .speakers
                    .extend(make_speakers(rng, first, self.chain + 1));
                ClaimTwist::LongChain {
                    length: self.chain,
                    first_speaker: first,
                }
            }
            Shape::ChainedAffiliations => {
                let first = world.speakers.len();
                let mut chain = make_speakers(rng, first, self.chain + 1);
                for (k, speaker) in chain.iter_mut().enumerate() {
                    speaker.affiliations.clear();
                    if k < self.chain {
                        speaker.affiliations.push(first + k + 1);
                    }
                }
                world.speakers.extend(chain);
                // The head of the chain speaks, so no speaker of the chain is unused.
                ClaimTwist::FirstSpeaker { speaker: first }
            }
            Shape::ManyAliases => {
                let speaker = &mut world.speakers[0];
                speaker.aliases = (1..=self.aliases)
                    .map(|k| format!("{} ({k})", speaker.name))
                    .collect();
                ClaimTwist::None
            }
        }
    }
}

/// Make `figure` a plain count, so every value on it is compared with every other.
fn count_figure(figure: &mut Figure) {
    figure.kind = FigureKind::Count;
    figure.unit = Some("people");
    figure.subject = None;
    figure.label = "Number of people counted across all sources".to_string();
}

/// What a shape changes in a claim; each answer is `None` where the claim is drawn as normal.
pub enum ClaimTwist {
    None,
    WireAgency {
        agency: usize,
    },
    OneFigure {
        on_figure: usize,
        distinct: usize,
        claims: usize,
    },
    LongChain {
        length: usize,
        first_speaker: usize,
    },
    FirstSpeaker {
        speaker: usize,
    },
    /// The even claims are the agency's.
    RunningToll {
        agency: usize,
    },
}

impl ClaimTwist {
    /// The speaker of claim `i`.
    pub fn speaker(&self, i: usize, rng: &mut Rng) -> Option<usize> {
        match *self {
            ClaimTwist::WireAgency { agency } => rng.chance(0.5).then_some(agency),
            ClaimTwist::LongChain {
                length,
                first_speaker,
            } => (i < length).then_some(first_speaker + i),
            ClaimTwist::FirstSpeaker { speaker } => (i == 0).then_some(speaker),
            ClaimTwist::RunningToll { agency } => (i.is_multiple_of(2)).then_some(agency),
            ClaimTwist::None | ClaimTwist::OneFigure { .. } => None,
        }
    }

    /// The figure of claim `i`, when the shape puts it on the first figure.
    pub fn figure(&self, i: usize) -> Option<usize> {
        match *self {
            ClaimTwist::OneFigure {
                on_figure, claims, ..
            } => one_figure_slot(i, on_figure, claims).map(|_| 0),
            ClaimTwist::LongChain { length, .. } => (i < length).then_some(0),
            ClaimTwist::RunningToll { .. } => Some(0),
            _ => None,
        }
    }

    /// The date of claim `i`, when the shape dates it: on a running toll, a day after every two
    /// claims (28-day months), so updates and attributions alternate.
    pub fn as_of(&self, i: usize) -> Option<String> {
        let ClaimTwist::RunningToll { .. } = self else {
            return None;
        };
        let day = i / 2;
        let (year, month, day) = (1988 + day / 336, day / 28 % 12 + 1, day % 28 + 1);
        Some(format!("{year}-{month:02}-{day:02}"))
    }

    /// The claim claim `i` replaces: on a running toll, the agency's update before it.
    pub fn supersedes(&self, i: usize) -> Option<String> {
        match self {
            ClaimTwist::RunningToll { .. } if i.is_multiple_of(2) && i >= 2 => {
                Some(format!("clm-{:07}", i - 2))
            }
            _ => None,
        }
    }

    /// The value of claim `i`: on the one figure, exact numbers that repeat every `distinct`
    /// claims, so the figure holds exactly that many distinct values; on a running toll, one
    /// more each day, and the others repeating a toll of the last month (one already replaced
    /// contradicts what the agency says by then).
    pub fn value(&self, i: usize, rng: &mut Rng) -> Option<Stated> {
        match *self {
            ClaimTwist::OneFigure {
                on_figure,
                distinct,
                claims,
            } => {
                let slot = one_figure_slot(i, on_figure, claims)?;
                Some(exact(10_000 + (slot % distinct) as u64, rng.chance(0.5)))
            }
            ClaimTwist::RunningToll { .. } => {
                let days_back = if i.is_multiple_of(2) {
                    0
                } else {
                    rng.below(30)
                };
                let day = (i / 2).saturating_sub(days_back);
                Some(exact(1_000 + day as u64, rng.chance(0.5)))
            }
            _ => None,
        }
    }

    /// The party claim `i` says it speaks according to: `Some(None)` for nobody.
    pub fn according_to(&self, i: usize, speaker: usize, rng: &mut Rng) -> Option<Option<usize>> {
        match *self {
            ClaimTwist::WireAgency { agency } | ClaimTwist::RunningToll { agency }
                if speaker != agency =>
            {
                Some(rng.chance(0.3).then_some(agency))
            }
            // The agency's updates are its own count.
            ClaimTwist::RunningToll { .. } => Some(None),
            ClaimTwist::LongChain {
                length,
                first_speaker,
            } => (i < length).then_some(Some(first_speaker + i + 1)),
            _ => None,
        }
    }

    /// The basis of claim `i`: on a long chain, the claim before it; the agency's own count on a
    /// running toll.
    pub fn basis(&self, i: usize) -> Option<Vec<String>> {
        match *self {
            ClaimTwist::RunningToll { .. } if i.is_multiple_of(2) => {
                Some(vec!["own-count".to_string()])
            }
            ClaimTwist::LongChain { length, .. } if i < length => Some(
                i.checked_sub(1)
                    .map(|previous| format!("clm-{previous:07}"))
                    .into_iter()
                    .collect(),
            ),
            _ => None,
        }
    }
}

/// Which of the one figure's claims claim `i` is, if it is one: `on_figure` of `claims` claims,
/// spread evenly.
fn one_figure_slot(i: usize, on_figure: usize, claims: usize) -> Option<usize> {
    let slot = |i: usize| i * on_figure / claims;
    (slot(i + 1) > slot(i)).then(|| slot(i))
}
