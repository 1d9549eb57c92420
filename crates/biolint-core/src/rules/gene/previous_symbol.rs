//! `gene/previous-symbol`: a symbol HGNC has replaced (PARK2 is now PRKN).

use super::{describe_all, finding, gene_mentions, rodent_finding, rodent_reading};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::entity::WrittenAs;
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct PreviousSymbol;

static INFO: RuleInfo = RuleInfo {
    id: "gene/previous-symbol",
    default_severity: Severity::Warning,
    summary: "a previous HGNC symbol; the gene has a new approved symbol",
    example: "PARK2 → PRKN, C10orf2 → TWNK, GRP78 → HSPA5, MTTL1 → MT-TL1",
    explanation: "HGNC renames genes when a better symbol is agreed (PARK2 became PRKN in 2016). \
Journals ask for the current approved symbol, and readers and search engines find the gene under \
it. The finding names the approved symbol, the gene's name and its NCBI Gene ID, with one fix per \
current gene (a previous symbol that two genes share gets two).\n\n\
Not flagged: a symbol that is also some gene's approved symbol today (approved wins), disease \
acronyms HGNC once used as symbols (LHON, MELAS), and text the document defines otherwise.\n\n\
In a paper about mice (or about rats and not mice), MGI's (RGD's) names decide: the species' \
symbol is right (Sirt1), and so is the symbol in capitals, as MGI and RGD write the protein \
(SIRT1); a synonym is reported with the MGI symbol as the fix (Mig12 → Mid1ip1), or with the \
protein's symbol for a name in capitals (MCAD → ACADM); a symbol in another case is reported \
with the MGI symbol (SirT1 → Sirt1, MyD88 → Myd88). The message names the authority.",
};

impl Rule for PreviousSymbol {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for (entity, gene) in gene_mentions(context) {
            if gene.written_as != WrittenAs::PreviousSymbol {
                continue;
            }
            let written = context.written(entity);
            if let Some(reading) = rodent_reading(context, written) {
                out.extend(rodent_finding(&INFO, context, entity, reading));
                continue;
            }
            let message = format!(
                "{written} is a previous HGNC symbol of {}",
                describe_all(context, &gene.candidates, "and of")
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

    const RULE: &str = "gene/previous-symbol";

    #[test]
    fn flags_previous_symbols_with_the_approved_one() {
        assert_eq!(
            flagged(RULE, "Loss of PARK2 in neurons."),
            [("PARK2".into(), vec!["PRKN".into()])]
        );
        assert_eq!(flagged(RULE, "C10orf2 variants."), [("C10orf2".into(), vec!["TWNK".into()])]);
        assert_eq!(flagged(RULE, "GRP78 rose."), [("GRP78".into(), vec!["HSPA5".into()])]);
        assert_eq!(flagged(RULE, "TTC11 binds."), [("TTC11".into(), vec!["FIS1".into()])]);
        assert_eq!(flagged(RULE, "MTTL1 mutations."), [("MTTL1".into(), vec!["MT-TL1".into()])]);
        let d = &findings(RULE, "PARK2 was lost.")[0];
        assert_eq!(
            d.message,
            "PARK2 is a previous HGNC symbol of PRKN (parkin RBR E3 ubiquitin protein ligase, NCBI Gene 5071)"
        );
    }

    #[test]
    fn leaves_approved_symbols_and_disease_acronyms_alone() {
        assert!(flagged(RULE, "PRKN and PINK1 in LHON and MELAS.").is_empty());
        assert!(flagged(RULE, "`PARK2` in code, $PARK2$ in math.").is_empty());
    }

    #[test]
    fn rodent_case_in_a_mouse_paper_gets_the_mouse_symbol() {
        assert_eq!(
            flagged(RULE, "Park2 knockout mice were used."),
            [("Park2".into(), vec!["Prkn".into()])]
        );
    }
}
