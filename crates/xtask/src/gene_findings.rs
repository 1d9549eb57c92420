//! `cargo xtask gene-findings`: every gene finding on the training abstracts and the CRAFT
//! articles, one a line (TSV), with whether it falls on a gold gene mention and the text
//! around it: the material to read, or to fit the evidence rules on.

use biolint_core::text::LineIndex;
use biolint_core::{Config, Document, DocumentKind, lint};
use xtask::evaluation::load_corpora;
use xtask::fulltext::load_articles;
use xtask::shared;

pub fn run() -> Result<(), String> {
    let config = Config::default();
    println!("source\tdocument\trule\ttext\ton_gene\tbefore\tafter");
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let window = |text: &str, start: usize, end: usize| {
        let mut from = start.saturating_sub(120);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + 120).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        (clean(&text[from..start]), clean(&text[end..to]))
    };
    for corpus in load_corpora(&shared().join("corpora"))? {
        if corpus.name == "BC5CDR" {
            continue;
        }
        for document in &corpus.documents {
            let text = document.text();
            let lines = LineIndex::new(&text);
            for f in lint(Document { text: &text, kind: DocumentKind::Plain }, &config) {
                if !f.rule.starts_with("gene/") {
                    continue;
                }
                let (s, e) = (lines.char_offset(f.span.start), lines.char_offset(f.span.end));
                let on = document.annotations.iter().any(|a| {
                    matches!(a.entity_type.as_str(), "Gene" | "GeneOrGeneProduct" | "FamilyName")
                        && a.start < e
                        && s < a.end
                });
                let (before, after) = window(&text, f.span.start, f.span.end);
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{before}\t{after}",
                    corpus.name,
                    document.id,
                    f.rule,
                    &text[f.span.clone()],
                    u8::from(on)
                );
            }
        }
    }
    for article in load_articles(&shared().join("corpora/craft"))? {
        for f in lint(Document { text: &article.text, kind: DocumentKind::Plain }, &config) {
            if !f.rule.starts_with("gene/") {
                continue;
            }
            let on = article.genes.iter().any(|g| g.start < f.span.end && f.span.start < g.end);
            let (before, after) = window(&article.text, f.span.start, f.span.end);
            println!(
                "CRAFT\t{}\t{}\t{}\t{}\t{before}\t{after}",
                article.pmid,
                f.rule,
                &article.text[f.span.clone()],
                u8::from(on)
            );
        }
    }
    Ok(())
}
