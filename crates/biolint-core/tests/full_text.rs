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
        "We cloned CIKS (connection to IKK and SAPK/JNK). CIKS binds NEMO.",
        &["CIKS", "CIKS"],
    );
}

#[test]
fn developmental_stages() {
    // A document that writes E14.5 writes embryonic days; E12 (TCF3's alias) is one there.
    assert_flags(
        "Tbx15 expression extends ventrally by E14.5. Clones giving fluorescent E12 embryos \
         and E16 littermates were kept. PARK2 was absent.",
        &["PARK2"],
    );
    // Postnatal days, next to another day or after a word of time.
    assert_flags("By P16–P17 they were lethargic. Sections of P30 skin at postnatal day 30.", &[]);
    // Elsewhere E12 is still TCF3's alias.
    assert_flags("The E12 protein binds DNA as a dimer.", &["E12"]);
}

#[test]
fn primers_codons_and_repeats() {
    assert_flags(
        "Primers were GFP-L (5'-TTG AAT TCG CCA CCA TGG TGA GC) and IMR0014, AGG TGA GAT GAC AGG \
         AGA TC; repeats of CCT or CCA; the (GCC:CGG)10 duplex.",
        &[],
    );
}

#[test]
fn strains_clones_grants_and_supplementary_files() {
    assert_flags(
        "The glaucomatous DBA/2J and ARK/J strains, B10.Q mice, and BAC clone RP23-410I12 were \
         used. Funded by NIH P30 CA46592 and NIH-P20-RR017686. Table S1 (26 KB XLS) and \
         Figure S2 (878 KB PPT).",
        &[],
    );
}

#[test]
fn units_formulas_enzymes_and_assays() {
    assert_flags(
        "Add 100 μL of 0.8 M NaCa2 at 2.0 ml O2 kg−1 min−1; digest with PstI and SacI; map \
         binding sites by CLIP-seq.",
        &[],
    );
    // Subscripts make a formula or a measurement.
    assert_flags("The PaO~2~/FiO~2~ ratio, PaO<sub>2</sub> and PaO₂ fell.", &[]);
}

#[test]
fn people_places_companies_and_named_things() {
    assert_flags(
        "Mice were a gift of Paul Sieving; images were taken with Adobe software (San Jose, \
         California) and a kit from PTC Therapeutics, as in Lobe et al. 1999, for the \
         ENCODE-DREAM challenge. Paul-Michael Agapow wrote the code.",
        &[],
    );
}

#[test]
fn author_initials_and_affiliations() {
    assert_flags(
        "Author contributions. TCL, JJL, BNF, PJS, and DPK conceived and designed the \
         experiments. STC carried out the analyses. We thank Manfred Rohde (GBF) for help and \
         (TB and ATS, unpublished data) for sharing.",
        &[],
    );
    // A gene is still a gene in such a sentence.
    assert_flags("STC carried out the PARK2 sequencing.", &["PARK2"]);
}

#[test]
fn a_form_in_capitals_is_a_gene_where_the_document_uses_it_as_one() {
    // Acronyms of reagents, instruments and software: no gene words, no genes beside them.
    assert_flags(
        "Blots were developed with ECL (Pierce) and imaged with a cooled CCD camera; the data \
         were analysed with SAS 8.1.",
        &[],
    );
    assert_flags("CBP was measured in all samples.", &[]);
    // The same form next to gene words, in a list with genes, or defined as a protein.
    assert_flags("CBP binds p53 in the nucleus.", &["CBP", "p53"]);
    assert_flags("Foci of RAD51, BLM, and RPA formed.", &["RPA"]);
    assert_flags("Protein kinase R (PKR) was high. PKR was measured.", &["PKR", "PKR"]);
    // After a word naming the class of protein, and across a whole list with one plain gene.
    assert_flags(
        "The S100 proteins CAPL and CACY were purified. CACY binds calcium.",
        &["CAPL", "CACY", "CACY"],
    );
    assert_flags(
        "Overexpression led to upregulation of RANKL, OCN, OPG and RUNX2.",
        &["RANKL", "OCN", "OPG"],
    );
    // A list of acronyms with no gene in it is no evidence.
    assert_flags("Images were taken with ECL, CCD and SAS.", &[]);
}

#[test]
fn complexes_clusters_and_construct_parts() {
    // The subunits of one complex, the copies of one histone cluster.
    assert_flags("TFIIH levels were reduced; H3.1 was deposited into chromatin.", &[]);
    // Complexes MeSH names by their subunits (NF-kappa B p50, p65; TNF-R p55, p75); a subunit
    // is still its gene, and a name with numbered members (somatostatin-28) still one gene's.
    assert_flags(
        "NF-κB and NF-kappaB were activated through TNF-R; MAP3K14 and PARK2 were not.",
        &["PARK2"],
    );
    // A promoter in a selection cassette, an antibody clone, a construct named by its size.
    assert_flags(
        "A PGK-neo cassette replaced exon 2. Blots were probed with the AD1 anti-Sam68 antibody \
         and the peptide antibody AD1; Pro1.2k was co-transfected.",
        &["Sam68"],
    );
    // Stocks, ES cell lines, allele designations and ranges of labels.
    assert_flags(
        "Embryos came from CD-1 foster mothers and SCID mice; E14-1 ES cells; Stock \
         TgN(ActbECFP)1Nagy; images for G1\u{2013}G13 and U42\u{2013}U48.",
        &[],
    );
    // A number keeps a transgene's gene: PS1 mice carry PSEN1.
    assert_flags("APP/PS1 mice were used.", &["PS1"]);
}

#[test]
fn tools_challenges_assays_and_people_in_a_review() {
    assert_flags(
        "---\ntitle: Deep learning in biology\nauthor: Paul-Michael Agapow\n---\n\n\
         Methods such as SCOT align single-cell data, and scAI integrates profiles. We used \
         LIME to explain predictions. Reads from the MinION were assembled, and ViPAR \
         reconstructed haplotypes. The ENCODE-DREAM challenge and CASP benchmark prediction; \
         CLIP-seq, NET-seq and sci-CAR measure binding.\n\n\
         | Author | Conflicts |\n|---|---|\n| Paul-Michael Agapow | none |\n\n\
         Mutations in PARK2 were discussed.\n",
        &["PARK2"],
    );
}

#[test]
fn degrees_companies_and_table_cells_in_a_clinical_chapter() {
    assert_flags(
        "Cytochrome c oxidase (COX) deficiency. The authors hold a BSc. PTC Therapeutics \
         sponsored the trial.\n\n| Gene | MOI |\n|---|---|\n| COX10 | AD 1 |\n\n\
         ASM = anti-seizure medication; AD = autosomal dominant\n\n\
         Treatment with an ASM is recommended. PARK2 is not.\n",
        &["PARK2"],
    );
}

/// All findings of `text` (Markdown): (rule, flagged text, message, first fix).
fn findings_with_fixes(text: &str) -> Vec<(&'static str, String, String, Option<String>)> {
    lint(Document { text, kind: DocumentKind::Markdown }, &Config::default())
        .into_iter()
        .filter(|d| d.rule.starts_with("gene/"))
        .map(|d| {
            let fix = d.fixes.first().map(|f| f.replacement.clone());
            (d.rule, text[d.span].to_owned(), d.message, fix)
        })
        .collect()
}

#[test]
fn a_paper_about_mice_follows_mgi() {
    let found = findings_with_fixes(
        "In mice, *SirT1*-deficient cells and MyD88 mRNA; Mig12 binds Mid1. SIRT1 protein \
         and Sirt1 mRNA; Pink1 and Park2 knockout mice.",
    );
    let summary: Vec<(&str, &str, Option<&str>)> =
        found.iter().map(|(r, t, _, f)| (*r, t.as_str(), f.as_deref())).collect();
    assert_eq!(
        summary,
        [
            ("gene/symbol-case", "SirT1", Some("Sirt1")),
            ("gene/symbol-case", "MyD88", Some("Myd88")),
            ("gene/alias", "Mig12", Some("Mid1ip1")),
            ("gene/previous-symbol", "Park2", Some("Prkn")),
        ],
        "{found:#?}"
    );
    assert!(found[0].2.contains("the MGI symbol is Sirt1 (MGI:"), "{}", found[0].2);
    assert!(found[2].2.starts_with("Mig12 is an MGI synonym of Mid1ip1 (MGI:"), "{}", found[2].2);
}

#[test]
fn a_paper_about_rats_follows_rgd_and_a_human_paper_hgnc() {
    let rat = findings_with_fixes("In rats, MyD88 was induced.");
    assert!(rat[0].2.contains("the RGD symbol is Myd88 (RGD:"), "{rat:?}");
    let human = findings_with_fixes("In patients, MyD88 was induced and Mig12 bound.");
    let messages: Vec<&str> = human.iter().map(|(_, _, m, _)| m.as_str()).collect();
    assert!(messages[0].contains("the HGNC symbol is MYD88"), "{messages:?}");
    assert!(messages[1].contains("the approved HGNC symbol is MID1IP1"), "{messages:?}");
}

#[test]
fn a_protein_in_capitals_gets_the_protein_symbol_in_a_mouse_paper() {
    let found = findings_with_fixes("MCAD activity in mice.");
    assert_eq!(found[0].3.as_deref(), Some("ACADM"), "{found:?}");
    assert!(found[0].2.ends_with("its protein is written ACADM"), "{found:?}");
    // A mouse paper that names rats for its antibodies keeps MGI.
    let found = findings_with_fixes("Mouse tissue was stained with a rat antibody; MyD88 rose.");
    assert!(found[0].2.contains("the MGI symbol is Myd88"), "{found:?}");
}

#[test]
fn abbreviation_lists_in_latex_and_tables() {
    // The acronym packages' definitions, in the preamble.
    assert_flags_in(
        "\\documentclass{article}\n\\usepackage{glossaries}\n\\newacronym{cca}{CCA}{canonical correlation analysis}\n\\acro{ASM}{anti-seizure medication}\n\\begin{document}\nWe used \\gls{cca}; CCA and an ASM; PARK2 too.\n\\end{document}\n",
        DocumentKind::Latex,
        &["PARK2"],
    );
    // A gene the list defines stays a gene.
    assert_flags_in(
        "\\documentclass{article}\n\\acrodef{PINK1}{PTEN-induced kinase 1}\n\\begin{document}\nPINK1 and PARK2.\n\\end{document}\n",
        DocumentKind::Latex,
        &["PARK2"],
    );
    // A table of abbreviations, in Markdown and in LaTeX.
    assert_flags(
        "## Abbreviations\n\n| Abbreviation | Meaning |\n|---|---|\n| CCA | canonical correlation analysis |\n| SAC | starburst amacrine cell |\n\nCCA and SAC counts.\n",
        &[],
    );
    assert_flags_in(
        "\\begin{tabular}{ll}\nCCA & canonical correlation analysis \\\\\nSAC & starburst amacrine cell \\\\\n\\end{tabular}\nCCA and SAC counts.\n",
        DocumentKind::Latex,
        &[],
    );
}

/// Markup inside a word (a superscript, a subscript, emphasis on part of it, a link right
/// after it) leaves no finding on a piece of the word (the word is read whole: see
/// `tests/markup.rs`). Markup between words still lets a term go on (`\emph{Leigh} syndrome`).
#[test]
fn markup_inside_a_word_leaves_no_finding_on_a_piece_of_it() {
    let latex =
        "Ca\\textsuperscript{2+} influx and CO\\textsubscript{2} rose; \\emph{Gli}3 and PARK2.";
    assert_flags_in(latex, DocumentKind::Latex, &["PARK2"]);
    let markdown = "The *Nxf*2 gene, Figure [2](#f2){ref-type=\"fig\"}A--[2](#f2)C and PARK2.";
    assert_flags_in(markdown, DocumentKind::Markdown, &["PARK2"]);
    // The disease's span runs from `Leigh` to `syndrome`, over the closing brace.
    let text = "Patients with \\emph{Leigh} syndrome.";
    let entities =
        biolint_core::annotate(Document { text, kind: DocumentKind::Latex }, &Config::default());
    let leigh = entities.iter().find(|e| text[e.span.clone()].starts_with("Leigh")).unwrap();
    assert_eq!(&text[leigh.span.clone()], "Leigh} syndrome");
    // A non-breaking space before markup is a space between words: the term goes on.
    let text = "Patients with breast~\\emph{cancer}.";
    let entities =
        biolint_core::annotate(Document { text, kind: DocumentKind::Latex }, &Config::default());
    assert!(entities.iter().any(|e| text[e.span.clone()].starts_with("breast")), "{entities:?}");
}

/// Superscripts and subscripts are allele or isoform designations (or charges, exponents,
/// footnote marks), never genes of their own; anchors of links are identifiers.
#[test]
fn superscripts_subscripts_and_anchors_are_no_genes() {
    let latex = "\\emph{Pten}\\textsuperscript{pc1} and \\emph{Cdkn2a}\\textsuperscript{\\emph{P19ARF}} \
                 mice; see \\hyperlink{S1}{Figure S1} and \\hypertarget{s3a}{PARK2}.";
    assert_flags_in(latex, DocumentKind::Latex, &["PARK2"]);
    let markdown = "Pten^pc1^ and Cdkn2a<sup>P19ARF</sup> mice; PARK2.";
    assert_flags_in(markdown, DocumentKind::Markdown, &["PARK2"]);
    // In LaTeX `~` is a non-breaking space, not Pandoc's subscript: the genes stay.
    let latex = "Loss of~PARK2~\\cite{smith} and C10orf2~and~PARK2 in the cells.";
    assert_flags_in(latex, DocumentKind::Latex, &["PARK2", "C10orf2", "PARK2"]);
}
