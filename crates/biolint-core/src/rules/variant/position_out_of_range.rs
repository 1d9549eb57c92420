//! `variant/position-out-of-range`: a position outside the mitochondrial genome.

use super::{descriptions, finding, problems};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};
use crate::variant::ProblemKind;

pub struct PositionOutOfRange;

static INFO: RuleInfo = RuleInfo {
    id: "variant/position-out-of-range",
    default_severity: Severity::Error,
    summary: "an mtDNA position outside 1..16569",
    example: "m.17001A>G: the rCRS has 16,569 positions",
    explanation: "The human mitochondrial genome (rCRS, NC_012920.1) has 16,569 positions, \
numbered from 1. A position outside 1..16569 is a typo, or a position on another sequence.",
};

impl Rule for PositionOutOfRange {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context) {
            if let Some(message) = problems(found, ProblemKind::PositionOutOfRange) {
                out.push(finding(&INFO, found, message, None, Applicability::Safe));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "variant/position-out-of-range";

    #[test]
    fn flags_positions_beyond_the_genome() {
        assert_eq!(
            flagged(RULE, "The variant m.17001A>G was found."),
            [("m.17001A>G".into(), vec![])]
        );
        assert_eq!(flagged(RULE, "The variant m.0A>G was found.").len(), 1);
        assert!(
            findings(RULE, "The variant m.17001A>G was found.")[0]
                .message
                .starts_with("m.17001A>G: ")
        );
        assert!(flagged(RULE, "The variant m.16569A>G was found.").is_empty());
    }
}
