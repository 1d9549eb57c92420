//! `gene/withdrawn-symbol`: a symbol HGNC has withdrawn.

use super::{describe_all, finding, gene_mentions, rodent_finding, rodent_reading};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::entity::WrittenAs;
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct WithdrawnSymbol;

static INFO: RuleInfo = RuleInfo {
    id: "gene/withdrawn-symbol",
    default_severity: Severity::Warning,
    summary: "a symbol HGNC has withdrawn; the gene it was merged into",
    example: "DYRK1AIP3 → PHYHIP",
    explanation: "HGNC withdraws a symbol when its entry turns out to be part of another gene (it \
is merged) or not to be a gene at all. A withdrawn symbol in a manuscript points readers to an \
entry that no longer exists. The finding names the gene the symbol was merged into, with a fix.\n\n\
Not flagged: a withdrawn symbol that is some gene's approved symbol, alias or previous symbol \
today (those rules apply instead), and the symbols of entries withdrawn without a successor \
(they were never genes, and in prose are mostly other words).",
};

impl Rule for WithdrawnSymbol {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for (entity, gene) in gene_mentions(context) {
            if !matches!(gene.written_as, WrittenAs::WithdrawnSymbol(_)) {
                continue;
            }
            let written = context.written(entity);
            if let Some(reading) = rodent_reading(context, written) {
                out.extend(rodent_finding(&INFO, context, entity, reading));
                continue;
            }
            let message = format!(
                "{written} is a withdrawn HGNC symbol; it was merged into {}",
                describe_all(context, &gene.candidates, "and")
            );
            out.push(finding(
                &INFO,
                INFO.default_severity,
                context,
                entity,
                message,
                &gene.candidates,
                Applicability::Safe,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "gene/withdrawn-symbol";

    #[test]
    fn flags_a_withdrawn_symbol_with_its_successor() {
        let text = "DYRK1AIP3 was expressed.";
        assert_eq!(flagged(RULE, text), [("DYRK1AIP3".into(), vec!["PHYHIP".into()])]);
        let d = &findings(RULE, text)[0];
        assert!(
            d.message
                .starts_with("DYRK1AIP3 is a withdrawn HGNC symbol; it was merged into PHYHIP ("),
            "{}",
            d.message
        );
        // A withdrawn symbol that the gene lists as its previous symbol is reported as that.
        assert!(flagged(RULE, "A2MRAP binds LRP.").is_empty());
    }

    #[test]
    fn leaves_current_symbols_alone() {
        assert!(flagged(RULE, "LRPAP1 binds LRP.").is_empty());
    }
}
