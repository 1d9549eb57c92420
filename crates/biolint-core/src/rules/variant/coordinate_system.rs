//! `variant/coordinate-system`: `g.`, `c.` or `o.` on NC_012920.1, whose system is `m.`.

use super::{descriptions, finding, problems};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};
use crate::variant::ProblemKind;

pub struct CoordinateSystem;

static INFO: RuleInfo = RuleInfo {
    id: "variant/coordinate-system",
    default_severity: Severity::Error,
    summary: "NC_012920.1 with g., c. or o.: the mitochondrial genome uses m.",
    example: "NC_012920.1:g.3243A>G → NC_012920.1:m.3243A>G",
    explanation: "HGVS gives each kind of reference sequence its own prefix: m. for the \
mitochondrial genome, g. for nuclear genomic sequences, c. for coding DNA, o. for circular \
genomes other than mitochondria. A description on NC_012920.1 uses m.; the fix changes the prefix.",
};

impl Rule for CoordinateSystem {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context) {
            if let Some(message) = problems(found, ProblemKind::CoordinateSystem) {
                out.push(finding(&INFO, found, message, found.correction(), Applicability::Safe));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::flagged;

    const RULE: &str = "variant/coordinate-system";

    #[test]
    fn other_prefixes_on_the_mitochondrial_genome() {
        for prefix in ["g", "c", "o"] {
            let written = format!("NC_012920.1:{prefix}.3243A>G");
            let text = format!("We found {written}.");
            assert_eq!(
                flagged(RULE, &text),
                [(written.clone(), vec!["NC_012920.1:m.3243A>G".to_owned()])]
            );
        }
        assert!(flagged(RULE, "A coding variant c.3243A>G of MTHFR.").is_empty());
    }
}
