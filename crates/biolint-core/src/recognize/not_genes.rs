//! What a gene-shaped token can be besides a gene: a Roman numeral or a label ("complex II",
//! "Figure S1"), an ion (`Ca2+`), a codon or a primer, a dose, a compound code, a unit, a
//! chemical formula, a chromosome band, a developmental stage, a cell line, a mouse strain, a
//! restriction enzyme, a file type, a grant or clone number, an assay, a citation, an author's
//! initials, a company or a place, or the name of a family, domain or complex. Each is
//! recognised from the token and the text around it (and, for stages, from how the document
//! writes them); a token any of them explains is no gene, whatever the dictionaries say.
//!
//! Whole papers are full of these: figure legends, methods, primers, strains, grants and
//! author contributions are where a linter that reads only dictionaries goes wrong.

use std::ops::Range;

use memchr::memmem;

use super::context::Context;
use crate::dictionary::Dictionary;
use crate::markup::DocumentKind;

/// What the whole document says that a token alone does not.
#[derive(Clone, Copy, Debug, Default)]
pub struct DocumentFacts {
    /// It writes embryonic days (`E14.5`, "embryonic day"): `E12` is a day there.
    pub embryonic_days: bool,
    /// It speaks of postnatal days ("postnatal", `P0`): `P30` is a day there.
    pub postnatal_days: bool,
}

impl DocumentFacts {
    /// Reads the facts off the document's prose (a scan for a few bytes).
    pub fn of(text: &str) -> DocumentFacts {
        let bytes = text.as_bytes();
        let embryonic_fraction = memchr::memchr_iter(b'E', bytes).any(|at| {
            let rest = &bytes[at + 1..];
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            (1..=2).contains(&digits)
                && rest.get(digits) == Some(&b'.')
                && rest.get(digits + 1).is_some_and(u8::is_ascii_digit)
                && (at == 0 || !bytes[at - 1].is_ascii_alphanumeric())
        });
        let mentions =
            |words: &[&str]| words.iter().any(|w| memmem::find(bytes, w.as_bytes()).is_some());
        DocumentFacts {
            embryonic_days: embryonic_fraction || mentions(&["embryonic day", "Embryonic day"]),
            postnatal_days: mentions(&["postnatal", "Postnatal", " P0 ", " P0,", "(P0"]),
        }
    }
}

/// Whether `word` is one of the words before a symbol-shaped token that make it a label, not
/// a gene: "complex IV", "type II", "Figure S1", "stage III".
fn is_label_word(word: &str) -> bool {
    crate::text::lowercase_is(word, |word| {
        matches!(
            word,
            b"complex"
                | b"complexes"
                | b"type"
                | b"types"
                | b"class"
                | b"grade"
                | b"stage"
                | b"phase"
                | b"figure"
                | b"fig"
                | b"figs"
                | b"table"
                | b"tables"
                | b"supplementary"
                | b"lane"
                | b"lanes"
                | b"group"
                | b"groups"
                | b"cohort"
                | b"patient"
                | b"patients"
                | b"case"
                | b"subject"
                | b"panel"
                | b"step"
                | b"section"
                | b"chapter"
                | b"appendix"
        )
    })
}

/// The word just before byte `at` (letters and digits), skipping spaces and `~`.
fn word_before(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end_matches([' ', '\u{a0}', '~']);
    let start = crate::text::after_last(before, |c| !c.is_alphanumeric());
    &before[start..]
}

/// Whether the context of a span rules out a gene: a Roman numeral, or a label such as
/// "complex II".
pub fn is_excluded_by_context(span: &Range<usize>, context: &Context) -> bool {
    let (text, dictionary) = (context.text, context.dictionary);
    let written = &text[span.clone()];
    let (before, after) = (&text[..span.start], &text[span.end..]);
    is_roman_numeral(written)
        || is_ion(written, after)
        || is_cell_line(written, before, after)
        || is_codon(written, before, after)
        || is_nucleotide_run(written, before, after)
        || is_sequence_end(written, after)
        || is_answer_alone_in_a_cell(written, before, after)
        || is_dosing(written, before)
        || is_compound_code(after)
        || is_unit(written)
        || is_chemical_formula(written)
        || is_subscripted(after, context.kind)
        || is_superscript_or_subscript(before, context.kind)
        || is_chromosome_band(written, before)
        || is_developmental_stage(written, before, after, || *context.facts())
        || is_strain(written, before, after)
        || is_restriction_enzyme(written)
        || is_file_type(before, after)
        || is_grant_or_clone_number(written, after)
        || is_assay(after)
        || is_antibody_name(before, after)
        || is_construct_part(after)
        || is_strain_before_animals(written, after)
        || is_allele_designation(after)
        || is_in_citation(written, before, after)
        || is_numbered_member(written, after)
        || is_primer_name(after)
        || is_part_of_a_name(written, before, after, dictionary)
        || is_initials_or_affiliation(written, span, text)
        || (before.ends_with([' ', '\u{a0}', '~']) && is_label_word(word_before(text, span.start)))
        || is_labelled_range_end(written, before)
        || is_label_range(written, before, after)
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

/// `TRP3-6F`, `Gapdh-R`, `Actb_F2`: a primer named after the gene it amplifies, forward or
/// reverse, in a methods section or a table of primers; the name is a label, not a mention of
/// the gene to advise on. (`TNF-R1`, `VEGF-R2` are receptors, not TNF or VEGF, either way.)
fn is_primer_name(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(['-', '_']) else { return false };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 2 {
        return false;
    }
    let Some(rest) = rest[digits..].strip_prefix(['F', 'R']) else { return false };
    let rest = rest.strip_prefix(|c: char| c.is_ascii_digit()).unwrap_or(rest);
    !rest.starts_with(|c: char| c.is_alphanumeric())
}

/// `Proc. Natl. Acad. Sci.`, `Nat. Neurosci.`, `Ren, H.`: a capitalised word in a reference
/// cited in the running text, an abbreviated journal title or an author's surname before the
/// initials, not the genes PROC, NAT1 or REN.
fn is_in_citation(written: &str, before: &str, after: &str) -> bool {
    if !is_abbreviated_word(written) {
        return false;
    }
    // `Lobe et al. 1999`: an author.
    if after.starts_with(" et al") {
        return true;
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
        |s: &str| s.as_bytes().windows(2).any(|w| w[0] == b'-' && w[1].is_ascii_digit());
    if !(hyphen_digit(written) || hyphen_digit(&after[..rest_len])) {
        return false;
    }
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
    !modified && (cells_follow(after) || (listed && follows_cell_lines(before)))
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

/// `μL`, `µm2`, `μg`, and `min-1`, `kg−1` (see [`is_unit_exponent`]): a unit, not the genes
/// MUL or MIN.
fn is_unit(written: &str) -> bool {
    let micro = !written.is_ascii()
        && written.strip_prefix(['\u{3bc}', '\u{b5}']).is_some_and(|unit| {
            let letters = unit.bytes().take_while(u8::is_ascii_alphabetic).count();
            (1..=3).contains(&letters) && unit[letters..].bytes().all(|b| b.is_ascii_digit())
        });
    micro || is_unit_exponent(written)
}

/// `min-1`, `ml-1`, `kg-1`: a unit to the power -1, as in "10 ml kg-1 min-1".
fn is_unit_exponent(written: &str) -> bool {
    // The longest is `mol\u{2212}1`.
    written.len() <= 7
        && written.rsplit_once(['-', '\u{2212}', '\u{2013}']).is_some_and(|(unit, power)| {
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

/// `E14.5`, `E12`, `P30`, `P10–P13`, `at P25`: embryonic and postnatal days, not the
/// proteins E12 (TCF3) or P30. A day with a fraction is always one; a bare `E12` or `P30` is
/// one next to another day or a word of time ("at", "from", "until"...), or anywhere in a
/// document that writes such days.
fn is_developmental_stage(
    written: &str,
    before: &str,
    after: &str,
    facts: impl FnOnce() -> DocumentFacts,
) -> bool {
    let is_day = |s: &str, letter: char| {
        s.len() >= 2
            && s.len() <= 3
            && s.starts_with(letter)
            && s[1..].bytes().all(|b| b.is_ascii_digit())
    };
    let letter = match written.chars().next() {
        Some(letter @ ('E' | 'P' | 'e')) if is_day(written, letter) => letter,
        _ => return false,
    };
    let fraction = after.strip_prefix('.').is_some_and(|rest| {
        rest.starts_with(|c: char| c.is_ascii_digit())
            && !rest[1..].starts_with(|c: char| c.is_alphanumeric())
    });
    let next_word = after.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.').trim_start();
    let embryo = ["embryo", "embryos", "embryonic"].iter().any(|w| {
        next_word
            .strip_prefix(w)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    });
    // The document's own days, read last: it takes a scan of the whole document.
    let in_document = || match letter {
        'E' => facts().embryonic_days,
        'P' => facts().postnatal_days,
        _ => false,
    };
    let next_day = after
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
        .trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}')
        })
        .trim_start_matches("or ")
        .trim_start_matches("and ")
        .trim_start_matches("to ")
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| is_day(w, letter));
    let previous = word_before(before, before.len());
    let day_before = is_day(previous, letter)
        || matches!(
            previous,
            "at" | "on" | "from" | "until" | "by" | "day" | "days" | "to" | "through" | "between"
        );
    fraction || embryo || next_day || day_before || in_document()
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

/// `AD1 anti-Sam68 antibody`, `the peptide antibody AD1`, `clone 6E10`: the name of an
/// antibody clone, before what it binds or after the word for it.
fn is_antibody_name(before: &str, after: &str) -> bool {
    let before_binding = after
        .strip_prefix(' ')
        .is_some_and(|rest| rest.starts_with("anti-") || rest.starts_with("anti "));
    before_binding
        || (before.ends_with(' ') && {
            let previous = before.trim_end();
            let word = &previous[crate::text::after_last(previous, |c| !c.is_alphanumeric())..];
            matches!(word, "antibody" | "antibodies" | "clone" | "mAb")
        })
}

/// `PGK-neo`, `MC1-Neo`, `Pro1.2k`: a part of a construct, a promoter driving a selection
/// cassette or a fragment named with its size in kilobases.
fn is_construct_part(after: &str) -> bool {
    const MARKERS: &[&str] = &[
        "neo", "Neo", "NEO", "neomycin", "Neomycin", "puro", "Puro", "hygro", "Hygro", "bsd", "zeo",
    ];
    let word_ends = |rest: &str| !rest.starts_with(|c: char| c.is_ascii_alphabetic());
    let cassette = after
        .strip_prefix('-')
        .is_some_and(|rest| MARKERS.iter().any(|m| rest.strip_prefix(m).is_some_and(word_ends)));
    let size = after.strip_prefix('.').is_some_and(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && rest[digits..].strip_prefix('k').is_some_and(word_ends)
    });
    cassette || size
}

/// `CD1 mice`, `CD-1 foster mothers`, `SCID mice`, `E14-1 ES cells`: a stock, strain or cell
/// line in capitals, before the animals or cells it names.
fn is_strain_before_animals(written: &str, after: &str) -> bool {
    // Past a clone number (`E14–1`).
    let rest = after
        .strip_prefix(['-', '\u{2013}'])
        .map_or(after, |r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
    let Some(rest) = rest.strip_prefix(' ') else { return false };
    let word = &rest[..rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len())];
    let animals =
        matches!(word, "mice" | "females" | "males" | "foster" | "strain" | "strains" | "stock");
    if !animals && word != "ES" {
        return false;
    }
    // `PS1 mice` carry the gene PS1: a number belongs to a stock's name only after a hyphen
    // (`CD-1`), or before ES cells.
    let letters = written.bytes().all(|b| b.is_ascii_uppercase());
    let hyphen_number = written.split_once('-').is_some_and(|(name, number)| {
        name.bytes().all(|b| b.is_ascii_uppercase()) && number.bytes().all(|b| b.is_ascii_digit())
    });
    let capitals = written.bytes().any(|b| b.is_ascii_uppercase())
        && written.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
    (word == "ES" && capitals) || ((letters || hyphen_number) && animals)
}

/// `TgN(ActbEYFP)1Nagy`, `Gt(ROSA)26Sor`: a transgene or allele designation, a symbol with a
/// parenthesis and a laboratory code joined to it.
fn is_allele_designation(after: &str) -> bool {
    after.strip_prefix('(').is_some_and(|rest| {
        rest.find(')').is_some_and(|close| {
            let inside = &rest[..close];
            inside.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !inside.contains(char::is_whitespace)
                && rest[close + 1..].starts_with(|c: char| c.is_ascii_alphanumeric())
        })
    })
}

/// `G1–G13`, `U42–U48`, `S15–S17`: a range of labels, a letter with numbers at both ends.
fn is_label_range(written: &str, before: &str, after: &str) -> bool {
    let label = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && w.len() >= 2
            && chars.all(|c| c.is_ascii_digit())
    };
    if !label(written) {
        return false;
    }
    let letter = &written[..1];
    let next = after
        .strip_prefix('\u{2013}')
        .map(|r| &r[..r.find(|c: char| !c.is_alphanumeric()).unwrap_or(r.len())]);
    let previous = before
        .strip_suffix('\u{2013}')
        .map(|r| &r[crate::text::after_last(r, |c| !c.is_alphanumeric())..]);
    [next, previous].into_iter().flatten().any(|other| label(other) && other.starts_with(letter))
}

/// `Tables S15–S17`, `Figures 2A–2D`: the end of a range of labels.
fn is_labelled_range_end(written: &str, before: &str) -> bool {
    let Some(start) = before.strip_suffix(['\u{2013}', '-']) else { return false };
    let first = &start[crate::text::after_last(start, |c| !c.is_alphanumeric())..];
    let shape =
        |w: &str| w.chars().next().map(|c| c.is_ascii_uppercase()) == Some(true) && w.len() >= 2;
    let same_letter = first.chars().next() == written.chars().next();
    let before_first = start[..start.len() - first.len()].trim_end_matches([' ', '\u{a0}', '~']);
    shape(first)
        && same_letter
        && start.len() > first.len()
        && is_label_word(
            &before_first[crate::text::after_last(before_first, |c| !c.is_alphanumeric())..],
        )
}

/// Whether every character of `word` is a nucleotide letter (`ACGTU`, `N` for any, `I` for
/// inosine), three or more of them.
fn is_bases(word: &str) -> bool {
    word.len() >= 3 && word.bytes().all(|b| b"ACGTUNI".contains(&b))
}

/// `GGC TAT TC`, `5'-TTG AAT TCG CCA-3'`, `(GCC:CGG)10`, `CCT or CCA`: bases of a primer or a
/// repeat, not the genes GCC or TAT. A run of bases next to another run is a sequence.
fn is_nucleotide_run(written: &str, before: &str, after: &str) -> bool {
    if !is_bases(written) {
        return false;
    }
    let separators = |c: char| c.is_whitespace() || matches!(c, ':' | '(' | ')');
    let next = after.trim_start_matches(separators);
    let next = next.strip_prefix("or ").unwrap_or(next);
    let next = &next[..next.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(next.len())];
    let previous = before.trim_end_matches(separators);
    let previous = previous.strip_suffix(" or").unwrap_or(previous);
    let previous = &previous[crate::text::after_last(previous, |c| !c.is_ascii_alphanumeric())..];
    let primer_start = ["5'-", "5\u{2032}-", "5\u{2019}-", "5'", "5\u{2032}"]
        .iter()
        .any(|start| before.trim_end().ends_with(start));
    let other_bases = |w: &str| is_bases(w) && w != written;
    other_bases(next) || other_bases(previous) || primer_start
}

/// `TAC CC 3'`, `TA 3′`: the last bases of a primer and its 3′ end, not the genes CC3 or TA3.
fn is_sequence_end(written: &str, after: &str) -> bool {
    let Some(bases) = written.strip_suffix(" 3").or_else(|| written.strip_suffix(" 5")) else {
        return false;
    };
    !bases.is_empty()
        && bases.bytes().all(|b| b"ACGTUN".contains(&b))
        && after.trim_start_matches('\\').starts_with(['\'', '\u{2032}', '\u{2019}'])
}

/// `& Yes &`, `| No |`, `2.9   Yes`: an answer that is a whole table cell, not the mouse gene
/// Yes1 written by its synonym. (Other words alone in a cell stay genes: a table of genes lists
/// `Nix` and `minK`.)
fn is_answer_alone_in_a_cell(written: &str, before: &str, after: &str) -> bool {
    // Cells end at `&`, `|`, a tab, a line end, or three spaces (Pandoc's simple tables).
    let is_cell_edge = |c: char| matches!(c, '&' | '|' | '\t' | '\n');
    let starts_cell =
        before.ends_with("   ") || before.trim_end_matches(' ').ends_with(is_cell_edge);
    let ends_cell = after.starts_with("   ") || {
        let after = after.trim_start_matches(' ');
        after.is_empty() || after.starts_with(is_cell_edge) || after.starts_with("\\\\")
    };
    let answer = || {
        crate::text::lowercase_is(written, |word| {
            matches!(
                word,
                b"yes"
                    | b"no"
                    | b"none"
                    | b"present"
                    | b"absent"
                    | b"positive"
                    | b"negative"
                    | b"normal"
                    | b"unknown"
                    | b"high"
                    | b"low"
                    | b"mild"
                    | b"severe"
            )
        })
    };
    starts_cell && ends_cell && answer() && !written.chars().all(|c| c.is_ascii_uppercase())
}

/// `PaO~2~`, `FiO<sub>2</sub>`, `PaO₂`: a token with a subscript is part of a formula or a
/// measurement; no gene symbol is written with one.
fn is_subscripted(after: &str, kind: DocumentKind) -> bool {
    let pandoc = kind == DocumentKind::Markdown
        && after.strip_prefix('~').is_some_and(|rest| {
            let inside = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
            inside > 0 && rest[inside..].starts_with('~')
        });
    pandoc
        || after.starts_with("<sub>")
        || after.starts_with("_{")
        || after.starts_with(|c: char| ('\u{2080}'..='\u{2089}').contains(&c))
}

/// `Pten\textsuperscript{pc1}`, `Cdkn2a<sup>P19ARF</sup>`, `Pten^pc1^`, `β\textsubscript{3}`,
/// `Xpd\textsuperscript{TTD/TTD}`: the text of a superscript or a subscript, an allele or an isoform of the gene before it (or
/// a charge, an exponent, a footnote mark), never a gene of its own.
fn is_superscript_or_subscript(before: &str, kind: DocumentKind) -> bool {
    if !before.ends_with(['{', '>', '^', '~', '*', '_', '/', ',', ';']) {
        return false;
    }
    // Past what the script says before the token (`\textsuperscript{TTD/TTD}`) and emphasis
    // inside it (`\textsuperscript{\emph{P19ARF}}`, `^*pc1*^`).
    let before = before.trim_end_matches(|c: char| {
        !c.is_whitespace() && !matches!(c, '{' | '}' | '<' | '>' | '^' | '~' | '\\')
    });
    let before = before.trim_end_matches(['*', '_']);
    let before = before
        .strip_suffix("\\emph{")
        .or_else(|| before.strip_suffix("\\textit{"))
        .unwrap_or(before);
    let opens = ["\\textsuperscript{", "\\textsubscript{", "<sup>", "<sub>"];
    // Pandoc's `^sup^` and `~sub~` (in LaTeX `~` is a non-breaking space: `BRCA1~and~BRCA2`).
    // The closing mark may be cut out of the reading where the script's end joins the word
    // after it (`*Xpd^TTD^*-associated`), so only the opening one after a word is asked for.
    let pandoc = |mark: char| {
        kind == DocumentKind::Markdown
            && before
                .strip_suffix(mark)
                .is_some_and(|word| word.ends_with(|c: char| c.is_alphanumeric() || c == '*'))
    };
    opens.iter().any(|open| before.ends_with(open)) || pandoc('^') || pandoc('~')
}

/// `NaCl`, `MgCl2`, `NaCa2`, `CaCl2`, `NaF`: a chemical formula, element symbols with
/// counts, not a gene. At least one element has two letters, and a count, a third element, two
/// two-letter elements or a halide, oxide, sulfide or hydride make it a formula (`KCNQ1` is
/// none: Q is no element; `CaN` is calcineurin).
fn is_chemical_formula(written: &str) -> bool {
    // A formula has a two-letter element: a capital and a lower-case letter, and never two
    // lower-case letters in a row (most symbols are capitals and digits, and stop here).
    let bytes = written.as_bytes();
    let two_lower =
        bytes.windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_lowercase());
    if two_lower || !bytes.iter().any(u8::is_ascii_lowercase) {
        return false;
    }
    let (mut at, mut elements, mut two_letter, mut digits) = (0, 0, 0, false);
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            if elements == 0 {
                return false;
            }
            digits = true;
            at += 1;
            continue;
        }
        let two = written.get(at..at + 2).filter(|e| is_element(e));
        let one = written.get(at..at + 1).filter(|e| is_element(e));
        let next_lower = bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase);
        match (two, one) {
            (Some(_), _) => {
                two_letter += 1;
                at += 2;
            }
            // An element of one letter is not followed by a lower-case letter.
            (None, Some(_)) if !next_lower => at += 1,
            _ => return false,
        }
        elements += 1;
    }
    let salt = elements == 2
        && ["F", "Cl", "Br", "I", "O", "S", "H"].iter().any(|partner| written.ends_with(partner));
    elements >= 2 && two_letter >= 1 && (digits || elements >= 3 || two_letter >= 2 || salt)
}

/// The symbols of the elements that formulas in papers use.
fn is_element(symbol: &str) -> bool {
    matches!(
        symbol,
        "H" | "He"
            | "Li"
            | "Be"
            | "B"
            | "C"
            | "N"
            | "O"
            | "F"
            | "Ne"
            | "Na"
            | "Mg"
            | "Al"
            | "Si"
            | "P"
            | "S"
            | "Cl"
            | "Ar"
            | "K"
            | "Ca"
            | "Sc"
            | "Ti"
            | "V"
            | "Cr"
            | "Mn"
            | "Fe"
            | "Co"
            | "Ni"
            | "Cu"
            | "Zn"
            | "Ga"
            | "Ge"
            | "As"
            | "Se"
            | "Br"
            | "Kr"
            | "Rb"
            | "Sr"
            | "Y"
            | "Zr"
            | "Nb"
            | "Mo"
            | "Tc"
            | "Ru"
            | "Rh"
            | "Pd"
            | "Ag"
            | "Cd"
            | "In"
            | "Sn"
            | "Sb"
            | "Te"
            | "I"
            | "Xe"
            | "Cs"
            | "Ba"
            | "La"
            | "Ce"
            | "Gd"
            | "Pt"
            | "Au"
            | "Hg"
            | "Tl"
            | "Pb"
            | "Bi"
            | "U"
    )
}

/// `EcoRI`, `BamHI`, `HindIII`, `PstI`, `SacI`, `BbvCI`: a restriction enzyme (genus, species,
/// strain and a Roman number), not the protein PSTI.
fn is_restriction_enzyme(written: &str) -> bool {
    let bytes = written.as_bytes();
    if bytes.len() < 4
        || !bytes[0].is_ascii_uppercase()
        || !bytes[1..3].iter().all(u8::is_ascii_lowercase)
    {
        return false;
    }
    let rest = &written[3..];
    let numeral = rest.trim_start_matches(|c: char| c.is_ascii_uppercase() && c != 'I' && c != 'V');
    rest.len() - numeral.len() <= 1 && matches!(numeral, "I" | "II" | "III" | "IV" | "V" | "VI")
}

/// `DBA/2J`, `C57BL/6J`, `ARK/J`, `NZB/W`, `BALB/c`, `B10.Q`: a mouse strain (a name and a
/// substrain code after a slash, or a congenic `.Q`), not the genes DBA or B10.
fn is_strain(written: &str, before: &str, after: &str) -> bool {
    let letters_only = written.len() >= 2 && written.bytes().all(|b| b.is_ascii_uppercase());
    let ends = |rest: &str| !rest.starts_with(|c: char| c.is_alphanumeric());
    let slash_code = after.strip_prefix('/').is_some_and(|code| {
        let digits = code.bytes().take_while(u8::is_ascii_digit).count();
        let rest = &code[digits..];
        if digits > 0 {
            // `2J`, `6J`, `10ScN`; a bare number only after a name (`DBA/2`, not `ERK1/2`).
            let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            let suffix_ok =
                letters == 0 || rest.as_bytes()[0].is_ascii_uppercase() && ends(&rest[letters..]);
            suffix_ok && (letters > 0 || letters_only && written.len() >= 3)
        } else {
            // `J`, `Mp`, `Sv`, `Ola`, `W`, `c`: a laboratory code after a name in capitals.
            let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            let code = &rest[..letters];
            letters_only
                && (1..=3).contains(&letters)
                && ends(&rest[letters..])
                && (code == "c"
                    || code.as_bytes()[0].is_ascii_uppercase()
                        && code[1..].bytes().all(|b| b.is_ascii_lowercase()))
        }
    });
    let congenic = after.strip_prefix('.').is_some_and(|rest| {
        let code = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
        (1..=2).contains(&code)
            && rest.as_bytes()[0].is_ascii_uppercase()
            && written.bytes().any(|b| b.is_ascii_digit())
    });
    let after_strain = before.ends_with("C57BL/") || before.ends_with("BALB/");
    slash_code || congenic || after_strain
}

/// `(878 KB PPT)`, `(26 KB XLS)`, `(4.9 MB TIF)`: the file type of a supplementary file.
fn is_file_type(before: &str, after: &str) -> bool {
    if !after.starts_with(')') {
        return false;
    }
    let Some(size) = before.strip_suffix(' ') else { return false };
    let Some(number) =
        ["KB", "MB", "GB", "kB", "Kb"].iter().find_map(|unit| size.strip_suffix(unit))
    else {
        return false;
    };
    number.trim_end().ends_with(|c: char| c.is_ascii_digit())
}

/// `P30 CA46592`, `NIH-P20-RR017686`, `2 P01 DC00215`: an NIH grant (activity code, institute,
/// serial); `RP23-410I12`, `RP-23-316F3`: a BAC clone (library and plate address).
fn is_grant_or_clone_number(written: &str, after: &str) -> bool {
    let rest = after.strip_prefix([' ', '-']).unwrap_or(after);
    let institute = rest.len() >= 6
        && rest.as_bytes()[..2].iter().all(u8::is_ascii_uppercase)
        && rest[2..].trim_start_matches([' ', '-']).bytes().take_while(u8::is_ascii_digit).count()
            >= 4;
    let activity_code = written.len() == 3
        && written.as_bytes()[0].is_ascii_uppercase()
        && written[1..].bytes().all(|b| b.is_ascii_digit());
    let clone_address = after.strip_prefix('-').is_some_and(|rest| {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let letter = rest.as_bytes().get(digits).is_some_and(u8::is_ascii_uppercase);
        let well =
            rest.get(digits + 1..).map_or(0, |w| w.bytes().take_while(u8::is_ascii_digit).count());
        digits >= 1 && letter && well >= 1
    });
    (activity_code && institute) || clone_address
}

/// `CLIP-seq`, `NET-seq`, `ChIP-Seq`: an assay named after what it sequences.
fn is_assay(after: &str) -> bool {
    ["-seq", "-Seq", "-SEQ"].iter().any(|s| {
        after.strip_prefix(s).is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// A token that is part of a longer name: a place or a person (`San Diego`, `Paul Sieving`,
/// `Paul-Michael`: a capitalised word next to another that is no English word), a company
/// (`PTC Therapeutics`, `SAS Institute`), or a name in capitals hyphenated to a word no
/// dictionary knows (`ENCODE-DREAM`, `RMCE-ASAP`; `SYT-SSX` is two genes).
fn is_part_of_a_name(written: &str, before: &str, after: &str, dictionary: &Dictionary) -> bool {
    let title_case = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && chars.all(char::is_lowercase)
    };
    fn next_word(s: &str) -> &str {
        let s = s.trim_start_matches([' ', '-']);
        &s[..s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len())]
    }
    // The next word, where a space or hyphen joins it.
    let next = if after.starts_with([' ', '-']) { next_word(after) } else { "" };
    let proper_name = after.starts_with([' ', '-'])
        && title_case(next)
        && written.chars().count() >= 3
        && title_case(written)
        && !dictionary.is_english_word(&next.to_lowercase());
    const COMPANY_WORDS: &[&str] = &[
        "Inc",
        "Ltd",
        "GmbH",
        "Corp",
        "Corporation",
        "Company",
        "Pharmaceuticals",
        "Pharma",
        "Therapeutics",
        "Biosciences",
        "Bioscience",
        "Biotechnology",
        "Biotech",
        "Instruments",
        "Institute",
        "Laboratories",
        "Technologies",
        "Scientific",
        "Diagnostics",
        "Biosystems",
        "Biomedical",
        "Chemicals",
        "Healthcare",
        "Software",
    ];
    let company = after.starts_with(' ')
        && next.starts_with(|c: char| c.is_ascii_uppercase())
        && COMPANY_WORDS.contains(&next);
    let capitals = |w: &str| w.len() >= 3 && w.bytes().all(|b| b.is_ascii_uppercase());
    let unknown_capitals = |w: &str| capitals(w) && dictionary.term(w).is_none();
    let hyphenated = capitals(written)
        && (after.strip_prefix('-').is_some_and(|rest| unknown_capitals(next_word(rest)))
            || before.strip_suffix('-').is_some_and(|rest| {
                unknown_capitals(
                    &rest[crate::text::after_last(rest, |c| !c.is_ascii_alphanumeric())..],
                )
            }));
    proper_name || company || hyphenated
}

/// Author initials in contributions, acknowledgements and funding (`TCL, JJL and BNF conceived
/// the experiments`, `STC carried out the analyses`, `(TB and ATS, unpublished data)`), and
/// affiliations in parentheses after a person's name (`Manfred Rohde (GBF)`): capitals that
/// stand for people and institutions. The token stands in a list of initials, or is the
/// subject of an author's verb, in a sentence about authors, funding or thanks.
fn is_initials_or_affiliation(written: &str, span: &Range<usize>, text: &str) -> bool {
    let initials =
        |w: &str| (2..=4).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_uppercase());
    if !initials(written) {
        return false;
    }
    // The shape first, in the few bytes around the token; the sentence's words only then.
    let near_start = floor_char_boundary(text, span.start.saturating_sub(60));
    let near_end = ceil_char_boundary(text, (span.end + 60).min(text.len()));
    let before = text[near_start..span.start].trim_end();
    let after = text[span.end..near_end].trim_start();
    // The initials before and after, across a comma or "and": `BNF, PJS, and DPK`.
    let neighbour_before = {
        let rest = before.trim_end_matches([',', ' ']);
        let rest = rest.strip_suffix(" and").unwrap_or(rest).trim_end_matches([',', ' ']);
        &rest[crate::text::after_last(rest, |c| !c.is_alphanumeric())..]
    };
    let neighbour_after = {
        let rest = after.trim_start_matches([',', ' ']);
        let rest = rest.strip_prefix("and ").unwrap_or(rest);
        &rest[..rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len())]
    };
    let listed = (before.ends_with(',') || before.ends_with(" and")) && initials(neighbour_before)
        || (after.starts_with(',') || after.starts_with("and ")) && initials(neighbour_after);
    // What authors did, as contribution statements say it: after the initials, or anywhere in
    // the sentence.
    const CONTRIBUTIONS: &[&str] = &[
        "conceived",
        "designed",
        "performed",
        "carried out",
        "wrote",
        "drafted",
        "contributed",
        "participated",
        "supervised",
        "coordinated",
        "helped",
        "revised",
    ];
    const AUTHOR_VERBS: &[&str] = &[
        "edited",
        "developed",
        "analyzed",
        "analysed",
        "collected",
        "prepared",
        "received",
        "was a recipient",
        "is a recipient",
        "each have",
        "has significant",
        "holds",
    ];
    let subject = CONTRIBUTIONS.iter().chain(AUTHOR_VERBS).any(|verb| {
        after.starts_with(verb)
            || ["also ", "both "]
                .iter()
                .any(|f| after.strip_prefix(f).is_some_and(|r| r.starts_with(verb)))
    });
    // `Manfred Rohde (GBF)`, `the Hearst Foundation (KGA)`: after a capitalised word.
    let in_parentheses = before.ends_with('(')
        && after.starts_with([')', ',', ';'])
        && before[..before.len() - 1]
            .trim_end()
            .rsplit(' ')
            .next()
            .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
    if !(listed || subject || in_parentheses) {
        return false;
    }
    const ABOUT_AUTHORS: &[&str] = &[
        "read and approved",
        "recipient",
        "equity",
        "salary",
        "fellowship",
        "unpublished",
        "personal communication",
        "thank",
        "grateful",
        "acknowledge",
        "supported by",
        "funded by",
        "author",
    ];
    let (start, end) = sentence(text, span);
    let sentence = &text[start..end];
    CONTRIBUTIONS.iter().chain(ABOUT_AUTHORS).any(|w| sentence.contains(w))
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The byte range of the sentence around `span`: back to a full stop, a line break or a
/// barrier, and on to the next.
fn sentence(text: &str, span: &Range<usize>) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_sentence = |i: usize| match bytes[i] {
        b'\n' | 0 => true,
        b'.' | b'!' | b'?' => bytes.get(i + 1).is_some_and(|b| *b == b' '),
        _ => false,
    };
    let start = (span.start.saturating_sub(400)..span.start)
        .rev()
        .find(|&i| ends_sentence(i))
        .map_or(span.start.saturating_sub(400), |i| i + 1);
    let end = (span.end..(span.end + 400).min(bytes.len()))
        .find(|&i| ends_sentence(i))
        .unwrap_or((span.end + 400).min(bytes.len()));
    let start = (start..=span.start).find(|&i| text.is_char_boundary(i)).unwrap_or(span.start);
    let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first occurrence of `word` in `text` is excluded.
    fn excluded_first(word: &str, text: &str) -> bool {
        let start = text.find(word).expect("the word is in the text");
        excluded(&(start..start + word.len()), text)
    }

    fn excluded(span: &Range<usize>, text: &str) -> bool {
        let context = Context {
            text,
            dictionary: Dictionary::embedded(),
            written_symbols: Default::default(),
            italic: &[],
            mitochondrial: false,
            kind: DocumentKind::Plain,
            prose: text,
            facts: Default::default(),
            evidence: Default::default(),
        };
        is_excluded_by_context(span, &context)
    }

    #[test]
    fn labels_and_numerals_are_no_genes() {
        let text = "Complex II and type IV and Figure S1 but PINK1";
        assert!(excluded_first("II", text));
        assert!(excluded_first("S1", text));
        assert!(!excluded_first("PINK1", text));
        let ions = "Ca2+ influx, Mg2+ and CD4+ cells";
        assert!(excluded_first("Ca2", ions));
        assert!(excluded_first("Mg2", ions));
        assert!(excluded(&(0..3), "Ca2 + transients"));
        assert!(!excluded_first("CD4", ions));
        assert!(excluded(&(0..3), "GDC-0941 inhibits"));
        assert!(!excluded(&(0..4), "IL-6 rose"));
        assert!(excluded(&(16..19), "chromosome 2p15-p16 region"));
        assert!(excluded(&(19..22), "isochromosome i(7)(q10)"));
        assert!(excluded(&(15..18), "pilocarpine on P20 or P45"));
        assert!(excluded(&(3..6), "at P25-P26"));
        assert!(!excluded(&(0..3), "p16 was lost"));
        assert!(excluded(&(7..11), "0.5 ml kg-1 min-1"));
        assert!(excluded(&(12..17), "0.5 ml kg-1 min-1"));
        let codons = "(GCG)6 and the CAG repeat";
        assert!(excluded(&(1..4), codons));
        assert!(excluded(&(15..18), codons));
        assert!(!excluded(&(0..3), "GCG levels rose"));
        assert!(excluded(&(10..13), "codon 29, GGC-->AGC"));
        assert!(excluded(&(16..19), "codon 29, GGC-->AGC"));
        assert!(excluded(&(8..11), "at 5 mg BID daily"));
        assert!(!excluded(&(4..7), "the BID protein"));
        let cells = "PC-3 cells and MMP-2 levels";
        assert!(excluded(&(0..4), cells));
        assert!(!excluded(&(15..20), cells));
        let listed =
            "in PC-3 and C4-2B, but not LNCaP, cells; the cell lines HepG2, HuH-7 and Li-7";
        assert!(excluded_first("PC-3", listed));
        assert!(excluded_first("HuH-7", listed));
        let not_cells = "IL-6 and IL-8 in macrophage cells; IL-2 and MMP-9 and cell migration";
        assert!(!excluded_first("IL-6", not_cells));
        assert!(!excluded_first("IL-2", not_cells));
        let cited = "(Zapata et al. 2004. Proc. Natl. Acad. Sci. USA) and Li, M., Ren, H., and REN";
        for word in ["Proc", "Natl", "Sci", "Ren"] {
            assert!(excluded_first(word, cited), "{word}");
        }
        assert!(!excluded_first("REN", cited));
        assert!(!excluded(&(20..25), "It is in Drosophila. Notch signalling"));
        assert!(excluded(&(4..14), "the matriptase-2 gene"));
        assert!(excluded(&(14..17), "Cell Counting Kit-8 assay"));
        assert!(!excluded(&(4..14), "the matriptase gene"));
        assert!(!excluded(&(0..5), "GSTA4-4 enzyme"));
        let primers = "primers 5'-GCACC-3' (TRP3-6F) and (TRP3-6R), Gapdh_F2: and CX43-R.";
        assert!(excluded_first("TRP3", primers));
        assert!(excluded_first("Gapdh", primers));
        assert!(excluded_first("CX43", primers));
        assert!(!excluded(&(0..5), "PARK2-R275W carriers"));
        assert!(!excluded(&(0..4), "CX43-Fc fusion"));
        assert!(!excluded(&(0..4), "CX43-123F probe"));
    }
}
