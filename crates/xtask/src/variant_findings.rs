//! `cargo xtask variant-findings`: every variant entity and `variant/*` finding biolint reports
//! on the training corpora, with the gold annotations at the same place, for reading.

use biolint_core::entity::Meaning;
use biolint_core::text::LineIndex;
use biolint_core::{Config, Document, DocumentKind};
use xtask::evaluation::load_corpora;
use xtask::shared;

pub fn run() -> Result<(), String> {
    for corpus in load_corpora(&shared().join("corpora"))? {
        for document in &corpus.documents {
            let text = document.text();
            let analysis = biolint_core::analyze(
                Document { text: &text, kind: DocumentKind::Plain },
                &Config::default(),
            );
            let lines = LineIndex::new(&text);
            let gold = |span: &std::ops::Range<usize>| {
                let (s, e) = (lines.char_offset(span.start), lines.char_offset(span.end));
                document
                    .annotations
                    .iter()
                    .filter(|a| a.start < e && s < a.end)
                    .map(|a| format!("{}:{}", a.entity_type, a.id))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            for e in analysis.entities.iter().filter(|e| matches!(e.meaning, Meaning::Variant(_))) {
                println!(
                    "ENTITY\t{}\t{}\t{}\t{}",
                    corpus.name,
                    document.id,
                    &text[e.span.clone()],
                    gold(&e.span)
                );
            }
            for d in analysis.diagnostics.iter().filter(|d| d.rule.starts_with("variant/")) {
                println!(
                    "FINDING\t{}\t{}\t{}\t{}\t{}\t{}",
                    corpus.name,
                    document.id,
                    d.rule,
                    &text[d.span.clone()],
                    gold(&d.span),
                    d.message
                );
            }
        }
    }
    Ok(())
}
