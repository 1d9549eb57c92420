//! `variant/reference-mismatch`: stated reference bases that are not the rCRS's.

use super::{descriptions, finding};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};
use crate::variant::check_reference;

pub struct ReferenceMismatch;

static INFO: RuleInfo = RuleInfo {
    id: "variant/reference-mismatch",
    default_severity: Severity::Error,
    summary: "the reference base of an mtDNA variant is not the rCRS base",
    example: "m.11778A>G: the rCRS (NC_012920.1) has G at 11778, not A → m.11778G>A",
    explanation: "The m. coordinate system numbers the revised Cambridge Reference Sequence \
(NC_012920.1). A description whose reference base differs from the rCRS at that position is a \
typo, a different reference, or a change written the wrong way round (m.11778A>G for the LHON \
variant m.11778G>A). When swapping the two bases of a substitution matches the rCRS, the \
swapped description is the fix. Deleted or duplicated bases that a description lists \
(m.8993delA) are checked too. Position 3107 is N in the rCRS (a placeholder that keeps the \
historical numbering): never a mismatch there.",
};

impl Rule for ReferenceMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context) {
            let Some(variant) = &found.variant else { continue };
            for mismatch in check_reference(variant, context.dictionary.rcrs) {
                let message = format!(
                    "{}: the rCRS (NC_012920.1) has {} at {}, not {}",
                    found.written, mismatch.reference, mismatch.position, mismatch.stated
                );
                let fix = mismatch.swapped.map(|v| v.to_string());
                out.push(finding(&INFO, found, message, fix, Applicability::Suggestion));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "variant/reference-mismatch";

    #[test]
    fn a_swapped_substitution_gets_the_swap_as_fix() {
        let text = "The LHON variant m.11778A>G was found.";
        assert_eq!(flagged(RULE, text), [("m.11778A>G".into(), vec!["m.11778G>A".into()])]);
        assert_eq!(
            findings(RULE, text)[0].message,
            "m.11778A>G: the rCRS (NC_012920.1) has G at 11778, not A"
        );
    }

    #[test]
    fn other_mismatches_have_no_fix_and_3107_never_mismatches() {
        let found = findings(RULE, "The variant m.3243C>G was found.");
        assert_eq!(found.len(), 1);
        assert!(found[0].fixes.is_empty());
        assert!(flagged(RULE, "The variant m.3107C>T and m.3243A>G.").is_empty());
        assert_eq!(flagged(RULE, "The variant m.8993delA in mtDNA.").len(), 1);
    }
}
