//! Analysis: what the engine works out from the resolved model before any check runs — where each
//! claim comes from (origins), which claims are compared with which (windows and values), and where
//! compared values disagree. Checks word these results as findings; views show them.

pub mod attributed;
pub mod compare;
pub mod disagreement;
pub mod lists;
pub mod membership;
pub mod origins;
pub mod own_words;

/// What the engine works out from the resolved claim base.
pub struct Analysis {
    /// Each party's own claims per figure and window.
    pub own_words: own_words::OwnWords,
    /// The claims attributing a value to each party, per figure and window.
    pub attributed: attributed::Attributed,
    pub origins: origins::Origins,
    /// One per figure, in the model's figure order.
    pub comparisons: Vec<compare::FigureComparison>,
}

impl Analysis {
    pub fn of(base: &crate::model::ClaimBase) -> Analysis {
        let own_words = own_words::OwnWords::file(base);
        let attributed = attributed::Attributed::of(base);
        let origins = origins::Origins::find(base, &own_words, &attributed);
        let comparisons = compare::compare(base, &origins);
        Analysis {
            own_words,
            attributed,
            origins,
            comparisons,
        }
    }
}
