//! Analysis: what the engine works out from the resolved model before any check runs — where each
//! claim comes from (origins), which claims are compared with which (windows and values), and where
//! compared values disagree. Checks word these results as findings; views show them.

pub mod compare;
pub mod disagreement;
pub mod origins;

/// What the engine works out from the resolved claim base.
pub struct Analysis {
    pub origins: origins::Origins,
    /// One per figure, in the model's figure order.
    pub comparisons: Vec<compare::FigureComparison>,
}

impl Analysis {
    pub fn of(base: &crate::model::ClaimBase) -> Analysis {
        let origins = origins::Origins::find(base);
        let comparisons = compare::compare(base, &origins);
        Analysis {
            origins,
            comparisons,
        }
    }
}
