//! What a gene-shaped token can be besides a gene: a Roman numeral or a label ("complex II",
//! "Figure S1"), an ion (`Ca2+`), a codon, a dose, a compound code, a unit, a chromosome band,
//! a developmental stage, a cell line, a citation. Each is recognised from the token and the
//! text around it; a token any of them explains is no gene, whatever the dictionaries say.

use std::ops::Range;

/// Whether `word` is one of the words before a symbol-shaped token that make it a label, not
/// a gene: "complex IV", "type II", "Figure S1", "stage III".
fn is_label_word(word: &str) -> bool {
    const LABEL_WORDS: &[&str] = &[
        "complex",
        "complexes",
        "type",
        "types",
        "class",
        "grade",
        "stage",
        "phase",
        "figure",
        "fig",
        "figs",
        "table",
        "tables",
        "supplementary",
        "lane",
        "lanes",
        "group",
        "groups",
        "cohort",
        "patient",
        "patients",
        "case",
        "subject",
        "panel",
        "step",
        "section",
        "chapter",
        "appendix",
    ];
    word.len() <= 13 && LABEL_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The word just before byte `at` (letters and digits), skipping spaces and `~`.
fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end_matches([' ', '\u{a0}', '~']);
    let start = crate::text::after_last(before, |c| !c.is_alphanumeric());
    &before[start..]
}

/// Whether the context of a span rules out a gene: a Roman numeral, or a label such as
/// "complex II".
pub fn is_excluded_by_context(span: &Range<usize>, text: &str) -> bool {
    let written = &text[span.clone()];
    let (before, after) = (&text[..span.start], &text[span.end..]);
    is_roman_numeral(written)
        || is_ion(written, after)
        || is_cell_line(written, before, after)
        || is_codon(written, before, after)
        || is_dosing(written, before)
        || is_compound_code(after)
        || is_unit_exponent(written)
        || is_chromosome_band(written, before)
        || is_postnatal_day(written, before, after)
        || is_in_citation(written, before, after)
        || is_numbered_member(written, after)
        || (before.ends_with([' ', '\u{a0}', '~']) && is_label_word(word_before(text, span.start)))
}

/// `matriptase-2`, `PRIP-1`, `c-IAP-2`, `Kit-8`: a name followed by a number is another
/// protein (or a kit) than the name alone, one the dictionaries do not list under this
/// spelling; it is not the gene the bare name stands for (matriptase is ST14, matriptase-2
/// TMPRSS6). Not after a symbol with a number of its own: `IL1B-31` is a promoter position,
/// `Mcm2-7` a range of genes (a composite mention).
fn is_numbered_member(written: &str, after: &str) -> bool {
    let Some(rest) = after.strip_prefix('-') else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && !rest[digits..].starts_with(|c: char| c.is_alphanumeric())
        && !written.contains(|c: char| c.is_ascii_digit() || c.is_whitespace())
}

/// `Proc. Natl. Acad. Sci.`, `Nat. Neurosci.`, `Ren, H.`: a capitalised word in a reference
/// cited in the running text, an abbreviated journal title or an author's surname before the
/// initials, not the genes PROC, NAT1 or REN.
fn is_in_citation(written: &str, before: &str, after: &str) -> bool {
    if !is_abbreviated_word(written) {
        return false;
    }
    let next_abbreviated = after.strip_prefix(". ").is_some_and(|rest| {
        let word = &rest[..rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len())];
        rest[word.len()..].starts_with('.') && is_abbreviated_word(word)
    });
    // Two abbreviated words before (`Natl. Acad. Sci`): one alone may end a sentence ("in
    // Drosophila. Notch ...").
    let previous_abbreviated =
        abbreviated_word_before(before).and_then(abbreviated_word_before).is_some();
    let initials = after.strip_prefix(", ").is_some_and(|rest| {
        let bytes = rest.as_bytes();
        bytes.first().is_some_and(u8::is_ascii_uppercase) && bytes.get(1) == Some(&b'.')
    });
    next_abbreviated || previous_abbreviated || initials
}

/// "Xxx": an abbreviated word of a journal title, when a full stop follows.
fn is_abbreviated_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.as_str().len() >= 2
        && chars.all(|c| c.is_ascii_lowercase())
}

/// The text before "Xxx. " at the end of `text`, if it ends so.
fn abbreviated_word_before(text: &str) -> Option<&str> {
    let rest = text.strip_suffix(". ")?;
    let start = crate::text::after_last(rest, |c| !c.is_ascii_alphabetic());
    is_abbreviated_word(&rest[start..]).then(|| &rest[..start])
}

/// `PC-3 cells`, `HuH-7 cell line`, `BRL-3A cells`: a name with a hyphen and a number next to
/// "cells" or "cell line", maybe across a list of other cell lines (`PC-3 and DU145 cells`,
/// `the cell lines HepG2, HuH-7 and PLC/PRF/5`), is a cell line.
fn is_cell_line(written: &str, before: &str, after: &str) -> bool {
    if !written.contains('-') && !after.starts_with('-') {
        return false;
    }
    // The rest of a hyphenated name: `Mz-ChA-1 cells` is one cell line.
    let rest_len = after.find(|c: char| !(c.is_alphanumeric() || c == '-')).unwrap_or(after.len());
    // A hyphen before a digit, in the name or the rest of it.
    let hyphen_digit =
        |s: &str| s.split('-').skip(1).any(|p| p.starts_with(|c: char| c.is_ascii_digit()));
    let numbered = hyphen_digit(written) || hyphen_digit(&after[..rest_len]);
    // `HER-2-overexpressing cells` are cells of some line, HER-2 the gene.
    let modified = after[..rest_len]
        .split('-')
        .any(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase()));
    let after = &after[rest_len..];
    // Before, "cell lines" counts only when the name stands in the list on its own: "cell
    // lines, LAF-4 expression was ..." speaks of the gene.
    let listed = after.is_empty()
        || after.starts_with([',', ')', ';', '.'])
        || after.starts_with(" and ")
        || after.starts_with(" or ");
    numbered && !modified && (cells_follow(after) || (listed && follows_cell_lines(before)))
}

/// Whether "cells" or "cell line" comes next, after nothing but other cell-line names.
fn cells_follow(after: &str) -> bool {
    let mut rest = after;
    for _ in 0..6 {
        rest = rest.trim_start_matches([',', ' ']);
        for joiner in ["and ", "or ", "but not ", "as well as "] {
            rest = rest.strip_prefix(joiner).unwrap_or(rest);
        }
        let word = &rest[..rest.find([' ', ',', ')', ';', '.']).unwrap_or(rest.len())];
        if word == "cells" || (word == "cell" && rest[4..].starts_with(" line")) {
            return true;
        }
        if !is_cell_line_like(word) {
            return false;
        }
        rest = &rest[word.len()..];
    }
    false
}

/// Whether "cell line(s)" comes before, followed by nothing but other cell-line names.
fn follows_cell_lines(before: &str) -> bool {
    let words = before.rsplit([' ', ',', '(', ':']).filter(|w| !w.is_empty()).take(8);
    for word in words {
        match word {
            "line" | "lines" => return before.contains("cell line"),
            "and" | "or" => {}
            _ if is_cell_line_like(word) => {}
            _ => return false,
        }
    }
    false
}

/// `DU145`, `LNCaP`, `C4-2B`, `PLC/PRF/5`: shaped like a cell line's name.
fn is_cell_line_like(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    word.len() >= 3
        && capitals >= 1
        && (capitals >= 2 || word.chars().any(|c| c.is_ascii_digit()))
        && word.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '/'))
}

/// `(GCG)6`, `CAG repeat`, `codon CGA`, `GGC-->AGC`: a base triplet written as a codon, not the genes GCG
/// (glucagon) or CGA.
fn is_codon(written: &str, before: &str, after: &str) -> bool {
    if written.len() != 3 || !written.bytes().all(|b| b"ACGTU".contains(&b)) {
        return false;
    }
    let next = after.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let previous = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let codon_word = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "codon" | "codons" | "repeat" | "repeats" | "triplet" | "triplets"
        )
    };
    let arrow = |s: &str| ["-->", "->", "→", ">"].iter().any(|a| s.starts_with(a));
    let changed = arrow(after.trim_start()) || before.trim_end().ends_with(['>', '→']);
    (before.ends_with('(') && after.starts_with(')'))
        || changed
        || codon_word(next)
        || codon_word(previous)
}

/// `min-1`, `ml-1`, `kg-1`: a unit to the power -1, as in "10 ml kg-1 min-1".
fn is_unit_exponent(written: &str) -> bool {
    written.rsplit_once('-').is_some_and(|(unit, power)| {
        matches!(power, "1" | "2" | "3")
            && matches!(
                unit,
                "min"
                    | "ml"
                    | "mL"
                    | "l"
                    | "L"
                    | "h"
                    | "s"
                    | "g"
                    | "mg"
                    | "kg"
                    | "cm"
                    | "mm"
                    | "mol"
                    | "d"
            )
    })
}

/// `2p15-p16`, `i(7)(q10)`: a chromosome band, not the protein p16.
fn is_chromosome_band(written: &str, before: &str) -> bool {
    let band = written.len() >= 2
        && written.starts_with(['p', 'q'])
        && written[1..].bytes().all(|b| b.is_ascii_digit() || b == b'.');
    if !band {
        return false;
    }
    let before_dash = before.strip_suffix(['-', '\u{2013}']).unwrap_or("");
    let after_band = before_dash
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == '.')
        .ends_with(['p', 'q'])
        && before_dash.ends_with(|c: char| c.is_ascii_digit());
    after_band || before.ends_with(")(")
}

/// `P20 or P45`, `at P25-P26`: postnatal days, not the proteins P20 or P25.
fn is_postnatal_day(written: &str, before: &str, after: &str) -> bool {
    let is_day = |s: &str| {
        s.len() >= 2
            && s.len() <= 3
            && s.starts_with('P')
            && s[1..].bytes().all(|b| b.is_ascii_digit())
    };
    if !is_day(written) {
        return false;
    }
    let next_day = after
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '\u{2013}')
        .trim_start_matches("or ")
        .trim_start_matches("and ")
        .trim_start_matches("to ")
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(is_day);
    let previous = word_before(before, before.len());
    let day_before = is_day(previous)
        || matches!(previous, "at" | "on" | "from" | "until" | "by" | "day" | "days");
    next_day || day_before
}

/// `GDC-0941`, `LY-294002`, `MK-2206`: a company's compound code, not the gene GDC.
fn is_compound_code(after: &str) -> bool {
    after.strip_prefix('-').is_some_and(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits >= 3 && !rest[digits..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// `10 mg BID`: dosing frequency (twice daily), not the gene BID.
fn is_dosing(written: &str, before: &str) -> bool {
    if !matches!(written, "BID" | "TID" | "QID" | "QD" | "QOD") {
        return false;
    }
    let previous =
        before.trim_end().rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    previous.starts_with(|c: char| c.is_ascii_digit())
        || ["mg", "mg/kg", "g", "µg", "μg", "ml", "daily", "iu"]
            .iter()
            .any(|u| u.eq_ignore_ascii_case(previous))
}

/// `Ca2+`, `Mg2+`, `Fe3+`: an element symbol with a charge is an ion, not the gene CA2.
fn is_ion(written: &str, after: &str) -> bool {
    let bytes = written.as_bytes();
    let letters = if bytes.get(1).is_some_and(u8::is_ascii_lowercase) { 2 } else { 1 };
    let element = bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.len() > letters
        && bytes[letters..].iter().all(u8::is_ascii_digit);
    // `Ca2 +` too: tokenised text (NCBI's corpora) parts the charge from the element.
    let after = after.strip_prefix(" +").map_or(after, |_| &after[1..]);
    let charged =
        after.starts_with('+') || after.starts_with("(+)") || after.starts_with('\u{207a}');
    element && charged
}

fn is_roman_numeral(s: &str) -> bool {
    if !s.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return false;
    }
    const NUMERALS: &[&str] = &[
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV",
        "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
    ];
    NUMERALS.contains(&s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_numerals_are_no_genes() {
        let text = "Complex II and type IV and Figure S1 but PINK1";
        let at = |s: &str| {
            let i = text.find(s).unwrap();
            i..i + s.len()
        };
        assert!(is_excluded_by_context(&at("II"), text));
        assert!(is_excluded_by_context(&at("S1"), text));
        assert!(!is_excluded_by_context(&at("PINK1"), text));
        let ions = "Ca2+ influx, Mg2+ and CD4+ cells";
        let at = |s: &str| {
            let i = ions.find(s).unwrap();
            i..i + s.len()
        };
        assert!(is_excluded_by_context(&at("Ca2"), ions));
        assert!(is_excluded_by_context(&at("Mg2"), ions));
        assert!(is_excluded_by_context(&(0..3), "Ca2 + transients"));
        assert!(!is_excluded_by_context(&at("CD4"), ions));
        assert!(is_excluded_by_context(&(0..3), "GDC-0941 inhibits"));
        assert!(!is_excluded_by_context(&(0..4), "IL-6 rose"));
        assert!(is_excluded_by_context(&(16..19), "chromosome 2p15-p16 region"));
        assert!(is_excluded_by_context(&(19..22), "isochromosome i(7)(q10)"));
        assert!(is_excluded_by_context(&(15..18), "pilocarpine on P20 or P45"));
        assert!(is_excluded_by_context(&(3..6), "at P25-P26"));
        assert!(!is_excluded_by_context(&(0..3), "p16 was lost"));
        assert!(is_excluded_by_context(&(7..11), "0.5 ml kg-1 min-1"));
        assert!(is_excluded_by_context(&(12..17), "0.5 ml kg-1 min-1"));
        let codons = "(GCG)6 and the CAG repeat";
        assert!(is_excluded_by_context(&(1..4), codons));
        assert!(is_excluded_by_context(&(15..18), codons));
        assert!(!is_excluded_by_context(&(0..3), "GCG levels rose"));
        assert!(is_excluded_by_context(&(10..13), "codon 29, GGC-->AGC"));
        assert!(is_excluded_by_context(&(16..19), "codon 29, GGC-->AGC"));
        assert!(is_excluded_by_context(&(8..11), "at 5 mg BID daily"));
        assert!(!is_excluded_by_context(&(4..7), "the BID protein"));
        let cells = "PC-3 cells and MMP-2 levels";
        assert!(is_excluded_by_context(&(0..4), cells));
        assert!(!is_excluded_by_context(&(15..20), cells));
        let listed =
            "in PC-3 and C4-2B, but not LNCaP, cells; the cell lines HepG2, HuH-7 and Li-7";
        let at = |s: &str| {
            let i = listed.find(s).unwrap();
            i..i + s.len()
        };
        assert!(is_excluded_by_context(&at("PC-3"), listed));
        assert!(is_excluded_by_context(&at("HuH-7"), listed));
        let not_cells = "IL-6 and IL-8 in macrophage cells; IL-2 and MMP-9 and cell migration";
        let at = |s: &str| {
            let i = not_cells.find(s).unwrap();
            i..i + s.len()
        };
        assert!(!is_excluded_by_context(&at("IL-6"), not_cells));
        assert!(!is_excluded_by_context(&at("IL-2"), not_cells));
        let cited = "(Zapata et al. 2004. Proc. Natl. Acad. Sci. USA) and Li, M., Ren, H., and REN";
        let at = |s: &str| {
            let i = cited.find(s).unwrap();
            i..i + s.len()
        };
        for word in ["Proc", "Natl", "Sci", "Ren"] {
            assert!(is_excluded_by_context(&at(word), cited), "{word}");
        }
        assert!(!is_excluded_by_context(&at("REN"), cited));
        assert!(!is_excluded_by_context(&(20..25), "It is in Drosophila. Notch signalling"));
        assert!(is_excluded_by_context(&(4..14), "the matriptase-2 gene"));
        assert!(is_excluded_by_context(&(14..17), "Cell Counting Kit-8 assay"));
        assert!(!is_excluded_by_context(&(4..14), "the matriptase gene"));
        assert!(!is_excluded_by_context(&(0..5), "GSTA4-4 enzyme"));
    }
}
