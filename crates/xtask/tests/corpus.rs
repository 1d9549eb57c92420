//! Accuracy on the annotated training corpora in ../shared/corpora, held to the figures in
//! EVALUATION.md: the targets of the `core:` and `genes:` issues, and for chemicals (above their
//! target) a floor a little under today's figures, so that a change that makes recognition
//! worse fails here.

mod common;

use biolint_core::entity::{EntityType, Meaning};
use biolint_core::text::LineIndex;
use biolint_core::{Config, Dictionary};
use biolint_core::{Document, DocumentKind};
use xtask::evaluation::{Knowledge, evaluate, load_corpora};
use xtask::fulltext::{evaluate_articles, load_articles};

#[test]
fn accuracy_on_the_training_corpora() {
    let Some(shared) = common::shared_dir("accuracy_on_the_training_corpora") else { return };
    let corpora = load_corpora(&shared.join("corpora")).unwrap();
    let knowledge = Knowledge::new(Dictionary::embedded(), Some(&shared.join("data")));
    let report = evaluate(&corpora, &knowledge, &Config::default());
    println!("{}", report.tables());

    let flags = report.flags["all"];
    assert!(flags.precision() >= 0.95, "gene finding precision {:.3}", flags.precision());
    assert!(flags.recall() >= 0.85, "gene finding recall {:.3}", flags.recall());

    for (entity_type, precision, recall) in [
        (EntityType::Gene, 0.90, 0.75),
        (EntityType::Disease, 0.85, 0.65),
        (EntityType::Chemical, 0.88, 0.78),
    ] {
        let score = report.entity("all", entity_type);
        let name = entity_type.name();
        assert!(score.precision() >= precision, "{name} precision {:.3}", score.precision());
        assert!(score.recall() >= recall, "{name} recall {:.3}", score.recall());
    }
}

/// Gene findings on whole papers (the CRAFT articles) fall on gene mentions: the `fulltext:`
/// issue's target of 0.95, with a floor a little under today's count of findings on genes, so
/// that precision is not bought by flagging nothing. (The articles are mostly about mice: a
/// mouse symbol written right, which HGNC would call an alias, is rightly no finding; nor is a
/// zebrafish's or a worm's gene, though it lies on a gene mention: 2,671 became 2,583 when they
/// stopped being reported.)
#[test]
fn gene_findings_on_full_text() {
    let Some(shared) = common::shared_dir("gene_findings_on_full_text") else { return };
    let articles = load_articles(&shared.join("corpora/craft")).unwrap();
    let mut log = String::new();
    let score = evaluate_articles(&articles, &Config::default(), &mut log);
    println!("{}", score.table());
    assert!(score.precision() >= 0.95, "full-text gene finding precision {:.3}", score.precision());
    assert!(score.on_genes() >= 2550, "gene findings on gene mentions {}", score.on_genes());
}

/// A protein change or a nuclear gene's variant (`A467T` in POLG, `C677T` in MTHFR) is never
/// taken for an mtDNA variant: no variant entity or finding falls on a gold protein or nuclear
/// DNA variant (the corpora's variants are nuclear, but for `m.` descriptions).
#[test]
fn protein_changes_are_never_mtdna_variants() {
    let Some(shared) = common::shared_dir("protein_changes_are_never_mtdna_variants") else {
        return;
    };
    let corpora = load_corpora(&shared.join("corpora")).unwrap();
    let mut wrong = Vec::new();
    for corpus in &corpora {
        for document in &corpus.documents {
            let text = document.text();
            let analysis = biolint_core::analyze(
                Document { text: &text, kind: DocumentKind::Plain },
                &Config::default(),
            );
            let lines = LineIndex::new(&text);
            let spans = analysis
                .entities
                .iter()
                .filter(|e| matches!(e.meaning, Meaning::Variant(_)))
                .map(|e| e.span.clone())
                .chain(
                    analysis
                        .diagnostics
                        .iter()
                        .filter(|d| d.rule.starts_with("variant/"))
                        .map(|d| d.span.clone()),
                );
            for span in spans {
                let (start, end) = (lines.char_offset(span.start), lines.char_offset(span.end));
                let on_protein_change = document.annotations.iter().any(|a| {
                    a.start < end
                        && start < a.end
                        && matches!(
                            a.entity_type.as_str(),
                            "ProteinMutation" | "ProteinAllele" | "AcidChange" | "DNAMutation" | "DNAAllele" | "SNP" | "SequenceVariant"
                        )
                        // an mtDNA variant the gold annotates too would be right
                        && !a.text.starts_with("m.")
                });
                if on_protein_change {
                    wrong.push(format!("{} {}: {}", corpus.name, document.id, &text[span]));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
