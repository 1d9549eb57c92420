//! `gene/ambiguous-alias`: an alias that several genes share (NRF2: NFE2L2 or GABPA).

use crate::diagnostic::Applicability;
use rustc_hash::FxHashSet;

use super::{describe_all, finding, gene_mentions, rodent_finding, rodent_reading};
use crate::diagnostic::{Diagnostic, Severity};
use crate::dictionary::GeneId;
use crate::entity::{Meaning, WrittenAs};
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct AmbiguousAlias;

static INFO: RuleInfo = RuleInfo {
    id: "gene/ambiguous-alias",
    default_severity: Severity::Info,
    summary: "an alias of several genes; the approved symbol says which one is meant",
    example: "NRF2 → NFE2L2 or GABPA, DRP1 → DNM1L, DENR or UTRN, COX2 → PTGS2 or MT-CO2",
    explanation: "Some aliases belong to several genes: NRF2 is both NFE2L2 (nuclear factor \
erythroid 2-related factor 2) and GABPA (nuclear respiratory factor 2). A reader, or a text-mining \
tool, cannot tell which one the author means. The finding lists every candidate with its name \
and NCBI Gene ID and offers one fix per candidate; a candidate the same document already writes \
by its approved symbol comes first, and the message says so.\n\n\
Not flagged: a form that is some gene's approved symbol (AVP), and abbreviations the document \
defines as something else.",
};

impl Rule for AmbiguousAlias {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        let written_symbols: FxHashSet<GeneId> = context
            .entities()
            .iter()
            .filter_map(|e| match &e.meaning {
                Meaning::Gene(g) if g.written_as == WrittenAs::Symbol => Some(g.gene),
                _ => None,
            })
            .collect();
        for (entity, gene) in gene_mentions(context) {
            if !matches!(gene.written_as, WrittenAs::Alias) || !gene.is_ambiguous() {
                continue;
            }
            let written = context.written(entity);
            if let Some(reading) = rodent_reading(context, written) {
                out.extend(rodent_finding(&INFO, context, entity, reading));
                continue;
            }
            // Candidates the document names by their symbol first, in the order recognition
            // ranked them.
            let mut candidates = gene.candidates.clone();
            candidates.sort_by_key(|g| !written_symbols.contains(g));
            let named: Vec<GeneId> =
                candidates.iter().copied().filter(|g| written_symbols.contains(g)).collect();
            let mut message = format!(
                "{written} is an HGNC alias of several genes: {}",
                describe_all(context, &candidates, "or")
            );
            if let [one] = named[..] {
                let symbol = context.dictionary.gene(one).symbol;
                message.push_str(&format!("; this document also names {symbol}"));
            }
            out.push(finding(
                &INFO,
                INFO.default_severity,
                context,
                entity,
                message,
                &candidates,
                Applicability::Suggestion,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "gene/ambiguous-alias";

    #[test]
    fn lists_every_candidate() {
        let found = flagged(RULE, "NRF2 activation protects cells.");
        assert_eq!(found.len(), 1);
        let (text, fixes) = &found[0];
        assert_eq!(text, "NRF2");
        assert_eq!(fixes.len(), 2);
        assert!(fixes.contains(&"NFE2L2".to_owned()) && fixes.contains(&"GABPA".to_owned()));
        let drp1 = &flagged(RULE, "DRP1 recruitment to mitochondria.")[0].1;
        for symbol in ["DNM1L", "DENR", "UTRN"] {
            assert!(drp1.contains(&symbol.to_owned()), "{drp1:?}");
        }
    }

    #[test]
    fn a_candidate_the_document_names_comes_first() {
        let text = "GABPA binds DNA. NRF2 then activates transcription.";
        let d = &findings(RULE, text)[0];
        assert_eq!(d.fixes[0].replacement, "GABPA");
        assert!(d.message.ends_with("; this document also names GABPA"), "{}", d.message);
    }

    #[test]
    fn leaves_approved_symbols_alone() {
        assert!(flagged(RULE, "AVP and NFE2L2 rose.").is_empty());
    }
}
