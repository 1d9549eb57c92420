//! `variant/redundant-bases`: bases or counts HGVS leaves out (`m.8993delT`, `m.3243del6`).

use super::{descriptions, finding, mismatches_reference, problems};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};
use crate::variant::ProblemKind;

pub struct RedundantBases;

static INFO: RuleInfo = RuleInfo {
    id: "variant/redundant-bases",
    default_severity: Severity::Warning,
    summary: "deleted or duplicated bases (or a count) that HGVS leaves out",
    example: "m.8993delT → m.8993del; m.3271dupT → m.3271dup; m.8993delTinsGA → m.8993delinsGA",
    explanation: "HGVS does not list the bases of a deletion or duplication: the positions say \
which they are, and a listed base can only disagree with them. A count (m.3243del6) is not \
allowed either. The listed bases are checked against the rCRS before they are dropped: if they \
disagree, the finding is a variant/reference-mismatch instead.",
};

impl Rule for RedundantBases {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context) {
            let Some(message) = problems(found, ProblemKind::RedundantBases) else { continue };
            if found.variant.as_ref().is_some_and(|v| mismatches_reference(context, v)) {
                continue;
            }
            out.push(finding(&INFO, found, message, found.correction(), Applicability::Safe));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::flagged;

    const RULE: &str = "variant/redundant-bases";

    #[test]
    fn listed_bases_and_counts() {
        for (written, fixed) in [
            ("m.8993delT", "m.8993del"),
            ("m.3271dupT", "m.3271dup"),
            ("m.8993delTinsGA", "m.8993delinsGA"),
            ("m.3243del6", "m.3243_3248del"),
        ] {
            let text = format!("We found {written} in mtDNA.");
            assert_eq!(
                flagged(RULE, &text),
                [(written.to_owned(), vec![fixed.to_owned()])],
                "{written}"
            );
        }
    }

    #[test]
    fn bases_that_disagree_with_the_reference_are_a_mismatch_instead() {
        assert!(flagged(RULE, "We found m.8993delA in mtDNA.").is_empty());
    }
}
