//! `variant/legacy-notation`: pre-HGVS mtDNA notation (`A3243G`, `3243A>G`).

use super::{descriptions, finding};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct LegacyNotation;

static INFO: RuleInfo = RuleInfo {
    id: "variant/legacy-notation",
    default_severity: Severity::Warning,
    summary: "legacy mtDNA variant notation in a document about mtDNA, when its first base is the rCRS base; HGVS writes m.3243A>G",
    example: "A3243G → m.3243A>G; G11778A → m.11778G>A; 3243A>G, 3243A/G, mtDNA 3243A>G → m.3243A>G",
    explanation: "Mitochondrial papers long wrote variants as A3243G or 3243A>G. Journals and \
databases now ask for HGVS (m.3243A>G), which says which sequence the position is on. A bare \
A3243G can also be a protein change (an alanine at 3243), so it is taken for an mtDNA variant \
only where the document is about mitochondrial DNA (it names mtDNA or mitochondria, or writes m. \
variants), the position lies in 1..16569 and the first letter is the rCRS base at that position.",
};

impl Rule for LegacyNotation {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context).filter(|f| f.legacy) {
            let Some(fix) = found.correction() else { continue };
            let message = format!("{} is legacy notation; HGVS writes {fix}", found.written);
            out.push(finding(&INFO, found, message, Some(fix), Applicability::Safe));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::flagged;

    const RULE: &str = "variant/legacy-notation";

    #[test]
    fn legacy_shapes_in_a_paper_about_mtdna() {
        for (written, fixed) in [
            ("A3243G", "m.3243A>G"),
            ("T8993G", "m.8993T>G"),
            ("G11778A", "m.11778G>A"),
            ("3243A>G", "m.3243A>G"),
            ("3243A/G", "m.3243A>G"),
        ] {
            let text = format!("Mitochondrial DNA of the proband carried {written}.");
            assert_eq!(
                flagged(RULE, &text),
                [(written.to_owned(), vec![fixed.to_owned()])],
                "{written}"
            );
        }
    }

    #[test]
    fn not_without_mtdna_context_or_with_another_base() {
        assert!(flagged(RULE, "The enzyme carried A3243G.").is_empty());
        // The rCRS has A at 3243, not G: G3243A is no mtDNA variant.
        assert!(flagged(RULE, "Mitochondrial DNA carried G3243A.").is_empty());
        assert!(flagged(RULE, "Mitochondrial DNA and the MTHFR C677T polymorphism.").is_empty());
        assert!(flagged(RULE, "Mitochondrial DNA depletion from POLG A467T.").is_empty());
        assert!(flagged(RULE, "Mitochondrial disease: the G1681A mutation in exon 7.").is_empty());
        assert!(flagged(RULE, "Mitochondrial genes and the R123H protein change.").is_empty());
    }
}
