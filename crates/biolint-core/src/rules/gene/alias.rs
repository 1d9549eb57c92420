//! `gene/alias`: an alias of exactly one gene (CX43 is GJA1).

use super::{describe, finding, gene_mentions, rodent_finding, rodent_reading};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::entity::WrittenAs;
use crate::recognize::genes::has_gene_context;
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct Alias;

static INFO: RuleInfo = RuleInfo {
    id: "gene/alias",
    default_severity: Severity::Info,
    summary: "an alias of one gene; the approved HGNC symbol is clearer (a warning where the text clearly means the gene: italics, gene, mRNA, knockout, -/-)",
    example: "CX43 → GJA1, HSP60 → HSPD1, TOM20 → TOMM20, MIRO1 → RHOT1, DJ-1 → PARK7, HO-1 → HMOX1",
    explanation: "Many genes are known by aliases (CX43 for GJA1, HO-1 for HMOX1). Journals ask \
for the approved symbol, at least once, and readers search by it. The finding names the approved \
symbol, the gene's name and its NCBI Gene ID, with a fix.\n\n\
Severity: info by default, and warning where the text clearly means the gene: the alias is \
italicised, or next to gene, mRNA, transcript, promoter, knockout, knockdown, allele, variant, \
-/- or +/-. A severity set in biolint.toml replaces both.\n\n\
Not flagged: an alias that is another gene's approved symbol (AVP is the gene AVP), an alias \
of several genes (see gene/ambiguous-alias), an alias that is an ordinary word or a protein \
name (ghrelin, survivin), and an abbreviation the document defines as something else.\n\n\
In a paper about mice (or about rats and not mice), MGI's (RGD's) names decide: the species' \
symbol is right (Sirt1), and so is the symbol in capitals, as MGI and RGD write the protein \
(SIRT1); a synonym is reported with the MGI symbol as the fix (Mig12 → Mid1ip1), or with the \
protein's symbol for a name in capitals (MCAD → ACADM); a symbol in another case is reported \
with the MGI symbol (SirT1 → Sirt1, MyD88 → Myd88). The message names the authority.",
};

impl Rule for Alias {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for (entity, gene) in gene_mentions(context) {
            if gene.written_as != WrittenAs::Alias || gene.is_ambiguous() {
                continue;
            }
            let written = context.written(entity);
            if let Some(reading) = rodent_reading(context, written) {
                out.extend(rodent_finding(&INFO, context, entity, reading));
                continue;
            }
            let italic = &context.recognized.prose.italic;
            let severity = if has_gene_context(&entity.span, context.text, italic) {
                Severity::Warning
            } else {
                INFO.default_severity
            };
            let symbol = context.dictionary.gene(gene.gene).symbol;
            let message = format!(
                "{written} is an alias of {}; the approved HGNC symbol is {symbol}",
                describe(context, gene.gene)
            );
            out.push(finding(
                &INFO,
                severity,
                context,
                entity,
                message,
                &gene.candidates,
                Applicability::Unsafe,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Severity;
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "gene/alias";

    #[test]
    fn flags_aliases_of_one_gene() {
        for (alias, symbol) in [
            ("CX43", "GJA1"),
            ("HSP60", "HSPD1"),
            ("TOM20", "TOMM20"),
            ("MIRO1", "RHOT1"),
            ("DJ-1", "PARK7"),
            ("HO-1", "HMOX1"),
        ] {
            let text = format!("We measured {alias} levels.");
            assert_eq!(
                flagged(RULE, &text),
                [(alias.to_owned(), vec![symbol.to_owned()])],
                "{alias}"
            );
        }
        let d = &findings(RULE, "CX43 levels rose.")[0];
        assert_eq!(
            d.message,
            "CX43 is an alias of GJA1 (gap junction protein alpha 1, NCBI Gene 2697); the approved HGNC symbol is GJA1"
        );
        assert_eq!(d.severity, Severity::Info);
    }

    #[test]
    fn the_fix_names_the_symbol_the_message_names() {
        // A review about patients that mentions a mouse study: HGNC's symbol, in message and
        // fix alike (TNF-alpha is also an MGI synonym, of Tnf).
        let text = "In patients and in human cells TNF-alpha rose, as in one mouse study.";
        let d = &findings(RULE, text)[0];
        assert!(d.message.ends_with("the approved HGNC symbol is TNF"), "{}", d.message);
        assert_eq!(d.fixes[0].replacement, "TNF");
        // In a paper about mice, MGI's.
        let mice = "Mice lacking TNF-alpha, and their littermate mice, lived.";
        assert_eq!(findings(RULE, mice)[0].fixes[0].replacement, "Tnf");
    }

    #[test]
    fn a_zebrafish_or_worm_name_is_not_a_human_alias() {
        // ZFIN writes tif1g in lower case; HGNC's TIF1G is an alias of TRIM33.
        let zebrafish = "Zebrafish tif1γ mutants lack blood; zebrafish embryos were injected.";
        assert!(flagged(RULE, zebrafish).is_empty());
        // The same spelling about human cells is the human alias.
        assert_eq!(flagged(RULE, "In human cells, tif1γ binds SMAD4.").len(), 1);
        // p53 is spelt so by HGNC too: the human protein, whatever else the paper is about.
        assert_eq!(flagged(RULE, "Zebrafish p53 mutants; zebrafish embryos.").len(), 1);
    }

    #[test]
    fn warns_where_the_text_clearly_means_the_gene() {
        assert_eq!(findings(RULE, "The CX43 gene was deleted.")[0].severity, Severity::Warning);
        assert_eq!(findings(RULE, "*CX43* was deleted.")[0].severity, Severity::Warning);
        assert_eq!(findings(RULE, "CX43-/- mice.")[0].severity, Severity::Warning);
    }

    #[test]
    fn leaves_approved_symbols_words_and_defined_abbreviations_alone() {
        assert!(flagged(RULE, "AVP and GJA1 and ghrelin and survivin.").is_empty());
        // IMP3 means IGF2BP3 here, but is a gene's approved symbol of its own.
        assert!(flagged(RULE, "IGF2BP3, also known as IMP3, rose. IMP3 fell.").is_empty());
        assert!(
            flagged(RULE, "Reactive oxygen species (ROS) rose; ROS levels doubled.").is_empty()
        );
    }

    #[test]
    fn leaves_family_names_alone_but_not_their_members() {
        // HGNC lists PKC under PRKCA and PI3K under PIK3CA, but both name families.
        assert!(flagged(RULE, "PKC, PI3K, AMPK and p38 signalling; composite ERK1/2.").is_empty());
        assert_eq!(
            flagged(RULE, "PKCalpha levels rose."),
            [("PKCalpha".to_owned(), vec!["PRKCA".to_owned()])]
        );
    }
}
