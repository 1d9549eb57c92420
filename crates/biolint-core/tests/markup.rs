//! Real-world LaTeX and Markdown (as pandoc writes them from JATS): a marked-up word is read as
//! a reader sees it, its span and fixes map back to the source exactly, identifiers in
//! commands are no prose, and superscripts after a gene are its alleles. Each construct is
//! checked in both formats.

use biolint_core::{Config, Dictionary, Document, DocumentKind, annotate, lint};

/// Entities of `text`: (source text of the span, what a reader sees, type).
fn entities(text: &str, kind: DocumentKind) -> Vec<(String, String, &'static str)> {
    annotate(Document { text, kind }, &Config::default())
        .iter()
        .map(|e| {
            (
                text[e.span.clone()].to_owned(),
                e.text(text).to_owned(),
                e.entity_type(Dictionary::embedded()).name(),
            )
        })
        .collect()
}

/// Gene findings of `text`: (source text of the span, what a reader sees, the first fix as
/// (source text it replaces, replacement, title)).
type Finding = (String, String, Option<(String, String, String)>);

fn findings(text: &str, kind: DocumentKind) -> Vec<Finding> {
    lint(Document { text, kind }, &Config::default())
        .into_iter()
        .filter(|d| d.rule.starts_with("gene/"))
        .map(|d| {
            let fix = d
                .fixes
                .first()
                .map(|f| (text[f.span.clone()].to_owned(), f.replacement.clone(), f.title.clone()));
            (text[d.span.clone()].to_owned(), d.text(text).to_owned(), fix)
        })
        .collect()
}

/// The entity whose reader's text is `seen`.
#[track_caller]
fn entity<'a>(
    found: &'a [(String, String, &'static str)],
    seen: &str,
) -> &'a (String, String, &'static str) {
    found.iter().find(|(_, s, _)| s == seen).unwrap_or_else(|| panic!("{seen} in {found:?}"))
}

#[test]
fn a_marked_up_word_reads_as_a_reader_sees_it() {
    let latex = "Ca\\textsuperscript{2+} influx and CO\\textsubscript{2} rose; \\uline{M}id1, \
                 \\emph{Nxf}2, \\emph{VEGF}-\\emph{A} and D\\textsubscript{2}R in mice.";
    let markdown =
        "Ca^2+^ influx and CO~2~ rose; <u>M</u>id1, *Nxf*2, *VEGF*-*A* and D~2~R in mice.";
    let plain = "Ca2+ influx and CO2 rose; Mid1, Nxf2, VEGF-A and D2R in mice.";
    let seen = |found: &[(String, String, &'static str)]| -> Vec<(String, &'static str)> {
        found.iter().map(|(_, s, t)| (s.clone(), *t)).collect()
    };
    let expected = seen(&entities(plain, DocumentKind::Plain));
    assert_eq!(expected.len(), 7, "{expected:?}");
    for (text, kind) in [(latex, DocumentKind::Latex), (markdown, DocumentKind::Markdown)] {
        let found = entities(text, kind);
        assert_eq!(seen(&found), expected, "{kind:?}");
    }
    // The span covers the whole marked-up word, markup included.
    let found = entities(latex, DocumentKind::Latex);
    assert_eq!(entity(&found, "Ca2+").0, "Ca\\textsuperscript{2+}");
    assert_eq!(entity(&found, "CO2").0, "CO\\textsubscript{2}");
    assert_eq!(entity(&found, "Mid1").0, "\\uline{M}id1");
    assert_eq!(entity(&found, "Nxf2").0, "\\emph{Nxf}2");
    assert_eq!(entity(&found, "VEGF-A").0, "\\emph{VEGF}-\\emph{A}");
    assert_eq!(entity(&found, "D2R").0, "D\\textsubscript{2}R");
    let found = entities(markdown, DocumentKind::Markdown);
    assert_eq!(entity(&found, "Ca2+").0, "Ca^2+^");
    assert_eq!(entity(&found, "Mid1").0, "<u>M</u>id1");
    assert_eq!(entity(&found, "Nxf2").0, "*Nxf*2");
    assert_eq!(entity(&found, "VEGF-A").0, "*VEGF*-*A*");
    assert_eq!(entity(&found, "D2R").0, "D~2~R");
}

#[test]
fn a_fix_keeps_the_markup_where_the_change_leaves_it_alone() {
    // In a mouse paper SirT1 is Sirt1: only the `T` changes, and the emphasis stays.
    for (text, kind) in [
        ("In mice, \\emph{SirT}1 rose.", DocumentKind::Latex),
        ("In mice, *SirT*1 rose.", DocumentKind::Markdown),
    ] {
        let found = findings(text, kind);
        let (span, seen, fix) = &found[0];
        assert_eq!(seen, "SirT1", "{kind:?}");
        assert!(span.ends_with("SirT}1") || span.ends_with("SirT*1"), "{kind:?}: {span}");
        let (replaced, replacement, title) = fix.as_ref().unwrap();
        assert_eq!((replaced.as_str(), replacement.as_str()), ("T", "t"), "{kind:?}");
        assert_eq!(title, "Replace with Sirt1");
    }
}

#[test]
fn a_fix_that_cannot_keep_the_markup_replaces_the_whole_word_and_says_so() {
    for (text, kind, word) in [
        ("Loss of \\emph{PARK}2 in neurons.", DocumentKind::Latex, "\\emph{PARK}2"),
        ("Loss of *PARK*2 in neurons.", DocumentKind::Markdown, "*PARK*2"),
    ] {
        let found = findings(text, kind);
        assert_eq!(found.len(), 1, "{kind:?}: {found:?}");
        let (span, seen, fix) = &found[0];
        assert_eq!((span.as_str(), seen.as_str()), (word, "PARK2"), "{kind:?}");
        let (replaced, replacement, title) = fix.as_ref().unwrap();
        assert_eq!((replaced.as_str(), replacement.as_str()), (word, "PRKN"), "{kind:?}");
        assert_eq!(title, "Replace with PRKN (drops the formatting inside the word)");
    }
}

#[test]
fn superscripts_after_a_gene_are_its_alleles() {
    for (text, kind) in [
        (
            "\\emph{Pten}\\textsuperscript{pc1} and \\emph{Xpd\\textsuperscript{TTD/TTD}} and \
             Cdkn2a$^{P19ARF}$ mice; PARK2.",
            DocumentKind::Latex,
        ),
        (
            "*Pten*^pc1^ and *Xpd^TTD/TTD^*-associated and Cdkn2a<sup>P19ARF</sup> mice; PARK2.",
            DocumentKind::Markdown,
        ),
    ] {
        let flagged: Vec<String> = findings(text, kind).into_iter().map(|f| f.1).collect();
        assert_eq!(flagged, ["PARK2"], "{kind:?}");
    }
}

#[test]
fn identifiers_in_commands_and_links_are_no_prose() {
    let latex = "\\documentclass{article}\n\\newcommand{\\gene}[1]{\\emph{PARK2}#1}\n\
        \\begin{document}\n\\section{Intro}\\label{sec:PARK2}\n\
        See \\ref{fig:PARK2}, \\eqref{PARK2}, \\autoref{PARK2}, \\cref{PARK2}, \
        \\pageref{PARK2} and \\url{http://x.org/PARK2}.\n\
        \\href{http://x.org/PARK2}{the site}; \\cite*{PARK2}; \\citep[p.~2]{PARK2}.\n\
        \\includegraphics[width=PARK2]{PARK2.png}\n\\input{PARK2} \\include{PARK2}\n\
        \\begin{figure}[PARK2]\\protect\\hyperlink{PARK2}{Fig} \\hypertarget{PARK2}{x}\\end{figure}\n\
        \\begin{PARK2}x\\end{PARK2}\nReal: NRF2 here.\n\
        \\begin{thebibliography}{9}\n\\bibitem{PARK2} Smith.\n\\end{thebibliography}\n\
        \\end{document}\n";
    let markdown = "---\ntitle: NRF2 in mice\nauthor:\n- PARK2 Smith\n---\n\n\
        See [the site](http://x.org/PARK2), [ref][PARK2] and ![img](PARK2.png){#fig:PARK2 .PARK2}.\n\n\
        [PARK2]: http://example.org/PARK2 \"title\"\n\n# Intro {#sec:PARK2}\n\n\
        As shown [@PARK2; @doi:10.1/PARK2].\n\n<!-- PARK2 -->\n\n\
        \\begin{PARK2}\nx\n\\end{PARK2}\n\nRaw `\\cite{PARK2}`, $PARK2$ and \\ref{PARK2}.\n\n\
        ::: {#PARK2 .note}\nReal: NRF2 here.\n:::\n";
    for (text, kind, expected) in [
        (latex, DocumentKind::Latex, &["NRF2"][..]),
        (markdown, DocumentKind::Markdown, &["NRF2", "NRF2"][..]),
    ] {
        let flagged: Vec<String> = findings(text, kind).into_iter().map(|f| f.1).collect();
        assert_eq!(flagged, expected, "{kind:?}");
    }
}

#[test]
fn markup_that_prints_something_or_breaks_a_line_separates_words() {
    // `\_`, `&amp;`, `<br>` and `\textless{}` print something: no term reads across them.
    for (text, kind) in [
        ("The PARK2\\_KO line and p \\textless{} 2 here.", DocumentKind::Latex),
        ("The PARK2\\_KO line, PARK2&amp;x and PARK<br>2 here.", DocumentKind::Markdown),
    ] {
        let found = findings(text, kind);
        assert!(found.iter().all(|(span, _, _)| !span.contains(['\\', '&', '<'])), "{found:?}");
    }
    let found = entities("p \\textless{} 2 and P2 rose.", DocumentKind::Latex);
    assert!(found.iter().all(|(span, _, _)| span != "p \\textless{} 2"), "{found:?}");
}

/// A whole-word fix replaces the word's own formatting and nothing of its neighbours: a
/// non-breaking space, an escaped sign, math, a table's bars, code, a quote.
#[test]
fn a_whole_word_fix_leaves_the_neighbours_alone() {
    for (text, kind, word) in [
        ("Loss of~\\emph{PARK}2 in neurons.", DocumentKind::Latex, "\\emph{PARK}2"),
        ("Loss of 50\\%\\emph{PARK}2 here.", DocumentKind::Latex, "\\emph{PARK}2"),
        ("In \\emph{Park}2$^{-/-}$ mice.", DocumentKind::Latex, "\\emph{Park}2"),
        ("a &\\emph{Park}2& b \\\\\n", DocumentKind::Latex, "\\emph{Park}2"),
        ("|x|*Park*2|\n|-|-|\n", DocumentKind::Markdown, "*Park*2"),
        ("Loss of `x`*PARK*2 here.", DocumentKind::Markdown, "*PARK*2"),
        ("In *Park*2^−/−^ mice.", DocumentKind::Markdown, "*Park*2"),
        ("---\ntitle: \"*Park*2 in mice\"\n---\n\nText.\n", DocumentKind::Markdown, "*Park*2"),
    ] {
        let found = findings(text, kind);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let (span, _, fix) = &found[0];
        assert_eq!(span, word, "{text:?}");
        assert_eq!(fix.as_ref().map(|f| f.0.as_str()), Some(word), "{text:?}");
    }
}

/// A number in a superscript is a citation or a footnote, not part of the word before it.
#[test]
fn a_superscript_number_is_no_part_of_the_word() {
    for (text, kind) in [
        ("Patients with PD\\textsuperscript{1} were seen.", DocumentKind::Latex),
        ("Patients with PD^1^ and PD<sup>1</sup> were seen.", DocumentKind::Markdown),
    ] {
        assert_eq!(findings(text, kind), [], "{text:?}");
    }
    let found = entities("Patients with ALS^2^ were seen.", DocumentKind::Markdown);
    assert_eq!(entity(&found, "ALS").0, "ALS", "{found:?}");
}

/// No fix edits markup between words, and a word whose markup does not close in it gets no
/// whole-word fix: the finding stays, without the fix.
#[test]
fn no_fix_edits_markup_it_cannot_keep() {
    let text = "Loss of m.3243**A**<i>>G</i> here.";
    let found = lint(Document { text, kind: DocumentKind::Markdown }, &Config::default());
    let syntax = found.iter().find(|d| d.rule == "variant/hgvs-syntax").expect("a finding");
    assert!(syntax.fixes.is_empty(), "{:?}", syntax.fixes);
    let found = findings("In mice, [Par](#x)k2 too.", DocumentKind::Markdown);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].2, None);
}

/// The front matter's abstract is read however it is indented.
#[test]
fn an_abstract_indented_like_code_is_still_read() {
    let text = "---\nabstract: >\n    Loss of PARK2\n    in flies.\n---\n\nText.\n";
    let found = findings(text, DocumentKind::Markdown);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "PARK2");
}
