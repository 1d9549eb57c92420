//! `gene/symbol-case`: a human gene symbol written in the wrong case (C19ORF12 for C19orf12).

use super::{describe, is_lower_case_species_name, rodent_finding, rodent_reading};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::entity::{Case, WrittenAs};
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct SymbolCase;

static INFO: RuleInfo = RuleInfo {
    id: "gene/symbol-case",
    default_severity: Severity::Warning,
    summary: "a human gene symbol in the wrong case, unless a mouse or rat symbol explains it in a paper about rodents",
    example: "C19ORF12 → C19orf12; Tfam → TFAM in a paper about human cells only",
    explanation: "Human gene symbols are written in capitals (with a few lower-case parts: \
C19orf12, MT-ND4 stays as it is); mouse and rat symbols start with a capital and continue in \
lower case (Pink1, Prkn). A symbol in another case is either a slip or a rodent gene.\n\n\
Flagged: a human symbol in another case that no mouse or rat symbol and no English word \
explains (C19ORF12), and a rodent-case symbol (Tfam) in a document whose species are human only \
(it names humans or patients and no mouse or rat, or biolint.toml says `species = [\"human\"]`).\n\n\
Not flagged: rodent case in a document about mice or rats, or one that names no species; \
a name without capitals in a paper about fish, frogs, flies, worms or fission yeast, whose \
genes are written so (gata1 in a zebrafish paper; `species = [\"zebrafish\"]` says it where \
the text does not), and a worm's name (spo-11) in a paper that names C. elegans; aliases and \
previous symbols (their own rules apply).\n\n\
In a paper about mice (or about rats and not mice), MGI's (RGD's) names decide: the species' \
symbol is right (Sirt1), and so is the symbol in capitals, as MGI and RGD write the protein \
(SIRT1); a synonym is reported with the MGI symbol as the fix (Mig12 → Mid1ip1), or with the \
protein's symbol for a name in capitals (MCAD → ACADM); a symbol in another case is reported \
with the MGI symbol (SirT1 → Sirt1, MyD88 → Myd88). The message names the authority.",
};

impl Rule for SymbolCase {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        // Every mention, including merely capitalised ones (`Tfam`): the species decides.
        for (entity, gene) in context.entities().iter().filter_map(|e| e.as_gene().map(|g| (e, g)))
        {
            if gene.case != Case::Folded
                || gene.written_as != WrittenAs::Symbol
                || gene.is_composite()
            {
                continue;
            }
            let written = context.written(entity);
            if is_lower_case_species_name(context, written, gene) {
                continue;
            }
            if let Some(reading) = rodent_reading(context, written) {
                out.extend(rodent_finding(&INFO, context, entity, reading));
                continue;
            }
            let dictionary = context.dictionary;
            let rodent = dictionary.is_mouse_symbol(written) || dictionary.is_rat_symbol(written);
            if rodent && !context.is_about_humans_only() {
                continue;
            }
            if dictionary.is_english_word(&written.to_lowercase()) {
                continue;
            }
            let symbol = dictionary.gene(gene.gene).symbol;
            let message = if rodent {
                format!(
                    "{written} is the mouse or rat spelling; this document is about humans, whose \
                     symbol is {}",
                    describe(context, gene.gene)
                )
            } else {
                format!(
                    "{written} is in the wrong case: the HGNC symbol is {}",
                    describe(context, gene.gene)
                )
            };
            out.push(Diagnostic {
                rule: INFO.id,
                reads: None,
                severity: INFO.default_severity,
                message,
                span: entity.span.clone(),
                fixes: vec![Fix::replace(entity.span.clone(), symbol, Applicability::Safe)],
                entity: Some(entity.clone()),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::flagged;

    const RULE: &str = "gene/symbol-case";

    #[test]
    fn flags_a_symbol_in_a_case_no_species_uses() {
        assert_eq!(
            flagged(RULE, "C19ORF12 variants."),
            [("C19ORF12".into(), vec!["C19orf12".into()])]
        );
    }

    #[test]
    fn rodent_case_depends_on_the_species() {
        assert_eq!(
            flagged(RULE, "Fibroblasts from patients lacked Tfam."),
            [("Tfam".into(), vec!["TFAM".into()])]
        );
        assert!(flagged(RULE, "Tfam knockout mice lacked mtDNA.").is_empty());
        assert!(flagged(RULE, "Pink1 and Prkn in rat neurons.").is_empty());
        assert!(flagged(RULE, "Tfam was measured.").is_empty());
    }

    #[test]
    fn the_message_names_the_symbol_once() {
        let found = crate::rules::testing::findings(RULE, "C19ORF12 variants.");
        assert_eq!(
            found[0].message,
            "C19ORF12 is in the wrong case: the HGNC symbol is C19orf12 (chromosome 19 open \
             reading frame 12, NCBI Gene 83636)"
        );
    }

    #[test]
    fn lower_case_is_the_spelling_of_fish_frogs_flies_and_worms() {
        let zebrafish = "In zebrafish embryos, gata1 and rag1 were lost; zebrafish mutants \
                         also lacked gata2.";
        assert!(flagged(RULE, zebrafish).is_empty());
        // The same spelling in a paper about human cells is a slip.
        assert_eq!(
            flagged(RULE, "In human cells, gata1 was lost."),
            [("gata1".into(), vec!["GATA1".into()])]
        );
        // A mouse paper that mentions zebrafish once is still about mice.
        let mouse = "Mice lacked Gata1; mice and mice again; unlike zebrafish, gata2 mice died.";
        assert_eq!(flagged(RULE, mouse).len(), 1);
        // A worm's gene, where the paper names the worm; elsewhere a slip.
        let worm = "Mice lacking Spo11 were sterile, as mice are. In C. elegans, spo-11 mutants \
                    lack crossovers.";
        assert!(flagged(RULE, worm).is_empty());
        assert_eq!(flagged(RULE, "In human cells, spo-11 was lost.").len(), 1);
    }

    #[test]
    fn the_configured_species_decides_where_the_text_names_none() {
        let lint = |toml: &str| {
            let config = crate::Config::parse(toml, "biolint.toml", |_| Err(String::new()))
                .expect("a valid configuration");
            let document = crate::Document {
                text: "The gata1 morphants lacked blood.",
                kind: crate::DocumentKind::Markdown,
            };
            crate::lint(document, &config).into_iter().filter(|d| d.rule == RULE).count()
        };
        assert_eq!(lint("species = [\"zebrafish\"]\n"), 0);
        assert_eq!(lint("species = [\"human\"]\n"), 1);
        assert_eq!(lint(""), 1);
    }

    #[test]
    fn leaves_exact_symbols_alone() {
        assert!(flagged(RULE, "PINK1 and C19orf12 and MT-ND4 in patients.").is_empty());
    }
}
