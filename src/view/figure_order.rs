//! The order a report lists its figures in: the busiest first, each whole followed by its parts.

use super::report::{FigureView, Report};
use foldhash::{HashMap, HashSet};

impl<'a> Report<'a> {
    /// Figures with the most claims first, then by id: what a fact-checker opens a report for.
    /// Each whole is followed by its parts (busiest first too), so parts read under their whole.
    pub fn figures_busiest_first(&self) -> Vec<&FigureView<'a>> {
        let mut busiest: Vec<&FigureView> = self.figures.iter().collect();
        busiest.sort_by(|a, b| b.claims.cmp(&a.claims).then_with(|| a.id.cmp(b.id)));
        let listed: HashSet<&str> = busiest.iter().map(|f| f.id).collect();
        let mut parts: HashMap<&str, Vec<&FigureView>> = HashMap::default();
        let mut tops = Vec::new();
        for figure in busiest {
            match figure.part_of.filter(|whole| listed.contains(whole)) {
                Some(whole) => parts.entry(whole).or_default().push(figure),
                None => tops.push(figure),
            }
        }
        let mut ordered = Vec::with_capacity(self.figures.len());
        let mut stack: Vec<&FigureView> = tops.into_iter().rev().collect();
        while let Some(figure) = stack.pop() {
            ordered.push(figure);
            if let Some(children) = parts.remove(figure.id) {
                stack.extend(children.into_iter().rev());
            }
        }
        // Parts on a loop of `part_of` reach no top; they are listed after the rest.
        let mut rest: Vec<&FigureView> = parts.into_values().flatten().collect();
        rest.sort_by(|a, b| a.id.cmp(b.id));
        ordered.extend(rest);
        ordered
    }
}
