//! `variant/locus-mismatch`: the gene in parentheses does not contain the position.

use super::{descriptions, finding};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct LocusMismatch;

static INFO: RuleInfo = RuleInfo {
    id: "variant/locus-mismatch",
    default_severity: Severity::Hint,
    summary: "the gene named with NC_012920.1 does not contain the position",
    example: "NC_012920.1(MT-ND1):m.3243A>G: 3243 lies in MT-TL1",
    explanation: "A description may name the gene it lies in: NC_012920.1(MT-TL1):m.3243A>G. \
When the position is not in that gene (the mtDNA loci table of the rCRS), either the gene or \
the position is wrong. The fix names the gene the position lies in.",
};

impl Rule for LocusMismatch {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context) {
            let Some(variant) = &found.variant else { continue };
            let Some(gene) = &variant.gene else { continue };
            let positions: Vec<u32> =
                variant.spans().iter().flat_map(|s| [*s.start(), *s.end()]).collect();
            let loci: Vec<_> =
                positions.iter().flat_map(|p| context.dictionary.mito_loci_at(*p)).collect();
            if loci.iter().any(|l| l.name.eq_ignore_ascii_case(gene)) {
                continue;
            }
            let Some(first) = variant.first_position() else { continue };
            let right = context.dictionary.mito_loci_at(first).into_iter().find(|l| l.is_gene());
            let message = match right {
                Some(locus) => {
                    format!("{}: {first} lies in {}, not {gene}", found.written, locus.name)
                }
                None => format!(
                    "{}: {first} lies in no gene (it is in the control region), not in {gene}",
                    found.written
                ),
            };
            let fix = right.map(|locus| {
                let mut fixed = variant.clone();
                fixed.gene = Some(locus.name.to_owned());
                fixed.to_string()
            });
            out.push(finding(&INFO, found, message, fix, Applicability::Suggestion));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "variant/locus-mismatch";

    #[test]
    fn a_gene_that_does_not_hold_the_position() {
        let text = "We found NC_012920.1(MT-ND1):m.3243A>G.";
        assert_eq!(
            flagged(RULE, text),
            [(
                "NC_012920.1(MT-ND1):m.3243A>G".into(),
                vec!["NC_012920.1(MT-TL1):m.3243A>G".into()]
            )]
        );
        let d = &findings(RULE, text)[0];
        assert_eq!(d.severity, Severity::Hint);
        assert_eq!(d.message, "NC_012920.1(MT-ND1):m.3243A>G: 3243 lies in MT-TL1, not MT-ND1");
        assert!(flagged(RULE, "We found NC_012920.1(MT-TL1):m.3243A>G.").is_empty());
    }
}
