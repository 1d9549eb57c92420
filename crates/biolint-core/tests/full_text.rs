//! What whole papers hold besides genes, each class of false gene finding once seen on full
//! text (CRAFT articles, reviews, GeneReviews chapters), and the definitions authors write in
//! every form: none of it is flagged, while the real nomenclature errors beside it still are.

use biolint_core::{Config, Document, DocumentKind, lint};

/// The gene findings of `text` (Markdown): (rule, flagged text).
fn gene_findings(text: &str, kind: DocumentKind) -> Vec<(&'static str, String)> {
    lint(Document { text, kind }, &Config::default())
        .into_iter()
        .filter(|d| d.rule.starts_with("gene/"))
        .map(|d| (d.rule, text[d.span].to_owned()))
        .collect()
}

/// Asserts that the only gene findings of `text` are on `expected` (texts, in order).
#[track_caller]
fn assert_flags(text: &str, expected: &[&str]) {
    assert_flags_in(text, DocumentKind::Markdown, expected);
}

#[track_caller]
fn assert_flags_in(text: &str, kind: DocumentKind, expected: &[&str]) {
    let found = gene_findings(text, kind);
    let flagged: Vec<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
    assert_eq!(flagged, expected, "{found:?} in {text:?}");
}

#[test]
fn abbreviations_defined_in_parentheses_either_way() {
    assert_flags(
        "We used **CCA** (Canonical Correlation Analysis) to align the data. CCA found PARK2.",
        &["PARK2"],
    );
    assert_flags(
        "Starburst amacrine cells (SACs) were counted. Rb controls SAC differentiation.",
        &[],
    );
    assert_flags("Cytochrome c oxidase (COX) activity was low. COX deficiency.", &[]);
}

#[test]
fn abbreviations_defined_in_lists_and_footnotes() {
    assert_flags(
        "Abbreviations  COX - cytochrome c oxidase  TIF - transcriptional intermediary factor  \
         ANA - anti-nuclear antibody\n\nCOX and ANA levels; TIF staining.",
        &[],
    );
    assert_flags("| drug | dose |\n|---|---|\n| ASM | 2 |\n\nASM = anti-seizure medication\n", &[]);
    assert_flags(
        "(E) AU, arbitrary unit; ROS, rod outer segment; RIS, rod inner segment.\n\nThe RIS was thin.",
        &[],
    );
}

#[test]
fn a_renamed_symbol_is_flagged_beside_its_familys_name() {
    // VEGF is the previous symbol of VEGFA, whatever the long form.
    assert_flags(
        "Vascular endothelial growth factor (VEGF) was high. VEGF levels rose.",
        &["VEGF", "VEGF"],
    );
    // A gloss that names other genes is about the gene.
    assert_flags(
        "We cloned CIKS (connection to IKK and SAPK/JNK). CIKS was high.",
        &["CIKS", "SAPK", "JNK", "CIKS"],
    );
}
