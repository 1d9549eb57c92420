//! Deciding whether a matched gene symbol is a gene, and which one.

use rustc_hash::FxHashSet;
use std::ops::Range;

use crate::dictionary::keys::{FLAG_GENERATED_SPELLING, fold, same_surface};
use crate::dictionary::{Dictionary, Entry, GeneId, GeneStatus, Source};
use crate::entity::{Case, GeneMention, WrittenAs};

/// Whether a form written in another case than the dictionary's still reads as a gene symbol:
/// it holds a digit (`Nrf2`, `C19ORF12`), or a capital after the first letter (`mTOR`,
/// `apoE`), or it is capitalised like a mouse symbol and is no English word (`Bax`, but not
/// `Was` or `Set`). All-lower-case words (`bax`, `set`) are not symbols.
pub fn is_symbol_like(written: &str, dictionary: &Dictionary) -> bool {
    if written.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let mut chars = written.chars();
    let first = chars.next().unwrap_or(' ');
    if chars.any(|c| c.is_uppercase()) {
        return true;
    }
    first.is_uppercase()
        && written.chars().count() >= 3
        && !dictionary.is_english_word(&written.to_lowercase())
}

/// `NETs`, `MSCs`, `GSTs`: capitals and a plural `s`.
pub fn is_plural_acronym(written: &str) -> bool {
    written.strip_suffix('s').is_some_and(|stem| {
        stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

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

/// Whether `written` is, in any case, an approved symbol with a number in it (`DISC1`,
/// `Sox2`): such a symbol is not an abbreviation an author coins for something else.
pub fn is_numbered_symbol(written: &str, dictionary: &Dictionary) -> bool {
    written.chars().any(|c| c.is_ascii_digit())
        && dictionary.lookup(written).any(|e| {
            e.source == Source::GeneSymbol && dictionary.form(e).eq_ignore_ascii_case(written)
        })
}

/// Words after a symbol that say it is a gene: "MEN1 mutations", "NF1 gene", "PINK1 mRNA".
const GENE_CONTEXT_AFTER: &[&str] = &[
    "gene",
    "genes",
    "mutation",
    "mutations",
    "mutant",
    "mutants",
    "mutated",
    "protein",
    "proteins",
    "mrna",
    "mrnas",
    "transcript",
    "transcripts",
    "transcription",
    "expression",
    "expressed",
    "promoter",
    "promoters",
    "locus",
    "loci",
    "allele",
    "alleles",
    "variant",
    "variants",
    "knockout",
    "knockdown",
    "deficient",
    "deficiency",
    "polymorphism",
    "polymorphisms",
    "snp",
    "snps",
    "deletion",
    "deletions",
    "exon",
    "exons",
    "intron",
    "introns",
    "sequencing",
    "haplotype",
    "haplotypes",
    "genotype",
    "genotypes",
    "sirna",
    "shrna",
    "overexpression",
    "isoform",
    "isoforms",
    "coding",
    "encoding",
    "encodes",
    "encoded",
    "null",
    "carriers",
];

/// Words before a symbol that say it is a gene: "the gene NF1", "anti-PINK1".
const GENE_CONTEXT_BEFORE: &[&str] =
    &["gene", "genes", "anti", "encoding", "mutant", "mutated", "sequencing", "knockout"];

/// Whether the text around `span` makes it a gene: it is italicised, followed by a word such as
/// gene, mutation, mRNA or knockout or by a genotype (`-/-`, `+/-`), or preceded by "gene".
pub fn has_gene_context(span: &Range<usize>, text: &str, italic: &[Range<usize>]) -> bool {
    // Italic ranges are sorted and disjoint.
    let at = italic.partition_point(|r| r.end < span.end);
    if italic.get(at).is_some_and(|r| r.start <= span.start && span.end <= r.end) {
        return true;
    }
    let after = &text[span.end..];
    let after_trimmed = after.trim_start_matches(['*', '_', '}']);
    if ["-/-", "+/-", "+/+", "−/−", "+/−", "–/–"].iter().any(|g| after_trimmed.starts_with(g))
    {
        return true;
    }
    let next = after_trimmed
        .trim_start_matches(|c: char| c.is_whitespace() || c == '-' || c == '~')
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let before = text[..span.start].trim_end_matches(|c: char| {
        c.is_whitespace() || c == '-' || c == '~' || c == '*' || c == '_'
    });
    let previous = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let one_of = |word: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    one_of(next, GENE_CONTEXT_AFTER) || one_of(previous, GENE_CONTEXT_BEFORE)
}

/// The gene a span stands for, from the gene entries that matched it.
///
/// Exact-case matches beat other-case ones; an approved symbol beats aliases and previous
/// symbols (AVP is the gene AVP, though it is also an alias of another); among equals, a gene
/// the document writes by its approved symbol comes first, then the gene MeSH gives the name
/// to, then a current alias over an old symbol, then mitochondrial genes in a paper about mitochondria and nuclear ones elsewhere, then
/// protein-coding genes, then the lowest NCBI Gene ID (the longest-known gene).
pub fn resolve(
    written: &str,
    entries: impl Iterator<Item = (Entry, Case)> + Clone,
    written_symbols: &FxHashSet<GeneId>,
    mitochondrial: bool,
    dictionary: &Dictionary,
) -> Option<GeneMention> {
    let case =
        if entries.clone().any(|(_, c)| c == Case::Exact) { Case::Exact } else { Case::Folded };
    // A form HGNC lists as written (the alias `IL-6`, the previous symbol `MTTL1`) says how the
    // author wrote the gene better than a spelling biolint generated from another entry (`IL-6`
    // from IL6, `MTTL1` from MT-TL1): where both match, only the listed ones count.
    let generated = |e: &Entry| e.flags & FLAG_GENERATED_SPELLING != 0;
    let listed = entries.clone().any(|(e, c)| c == case && !generated(&e));
    let tier = move || {
        entries
            .clone()
            .filter(move |(e, c)| *c == case && !(listed && generated(e)))
            .map(|(e, _)| e)
    };
    // A "phenotype only" entry (ERK, erythrokeratoderma) is a locus, not a gene: its symbol
    // does not outrank another gene's alias.
    let is_gene_symbol = |e: &Entry| {
        e.source == Source::GeneSymbol && !dictionary.gene_facts(GeneId(e.record)).phenotype_only
    };
    let symbol_matched = tier().any(|e| is_gene_symbol(&e));
    let mesh_named =
        |gene: GeneId| tier().any(|e| e.source == Source::GeneMeshName && e.record == gene.0);

    // (gene, how the span writes it, how good that reading is)
    let mut candidates: Vec<(GeneId, WrittenAs, u8)> = Vec::with_capacity(4);
    for entry in tier().filter(|e| !symbol_matched || is_gene_symbol(e)) {
        let record = GeneId(entry.record);
        let written_as = match entry.source {
            Source::GeneSymbol => WrittenAs::Symbol,
            Source::GeneAlias => WrittenAs::Alias,
            Source::GenePrevious => WrittenAs::PreviousSymbol,
            Source::GeneWithdrawn => WrittenAs::WithdrawnSymbol(record),
            _ => WrittenAs::Name,
        };
        let key = rank(written_as);
        let mut add = |gene: GeneId| match candidates.iter_mut().find(|(g, _, _)| *g == gene) {
            Some((_, existing, existing_key)) if key < *existing_key => {
                *existing = written_as;
                *existing_key = key;
            }
            Some(_) => {}
            None => candidates.push((gene, written_as, key)),
        };
        if dictionary.gene_facts(record).status == GeneStatus::Approved {
            add(record);
        } else {
            dictionary.current_genes(record).into_iter().for_each(add);
        }
    }
    if candidates.len() > 1 {
        candidates.sort_by_cached_key(|(gene, written_as, _)| {
            let g = dictionary.gene_facts(*gene);
            // Outside a paper about mitochondria, COX2 is the nuclear PTGS2, not MT-CO2.
            let out_of_place = g.mitochondrial != mitochondrial;
            let renumbered = *written_as == WrittenAs::PreviousSymbol
                && is_numbered_rename(written, dictionary.gene(*gene).symbol);
            (
                !written_symbols.contains(gene),
                !mesh_named(*gene),
                usage_rank(*written_as, renumbered),
                out_of_place,
                !g.protein_coding,
                g.ncbi_gene.unwrap_or(u32::MAX),
            )
        });
    }
    let (gene, written_as, _) = *candidates.first()?;
    // An ambiguous form with nothing in the document to choose between its genes names no gene
    // biolint can vouch for when it is written in another case than HGNC's (`Nrf2` could be a
    // dozen things) or is a molecular-weight name (`p50`, `p27`, shared by many proteins).
    let evidence = written_symbols.contains(&gene) || mesh_named(gene);
    let weight_name = is_molecular_weight_name(written);
    let confident = candidates.len() == 1 || evidence || (case == Case::Exact && !weight_name);
    Some(GeneMention {
        gene,
        written_as,
        case,
        candidates: candidates.iter().map(|(g, _, _)| *g).collect(),
        confident,
        also_names: Vec::new(),
    })
}

/// How current a reading is, when a form is an alias of one gene and a previous symbol of
/// another: authors write what is in use now (`CBP` is CREBBP's alias, OPN1LW's old symbol).
/// But a previous symbol HGNC only numbered (`ABL` → ABL1, see [`is_numbered_rename`]) is
/// still the gene's everyday name, ahead of another gene's alias (`ABL` for MTTP).
fn usage_rank(written_as: WrittenAs, renumbered: bool) -> u8 {
    match written_as {
        WrittenAs::PreviousSymbol if renumbered => 0,
        WrittenAs::Symbol | WrittenAs::Alias | WrittenAs::Name | WrittenAs::DefinedAbbreviation => {
            0
        }
        WrittenAs::PreviousSymbol => 1,
        WrittenAs::WithdrawnSymbol(_) => 2,
    }
}

/// Whether `symbol` is the previous symbol `old` with a number added (`ABL` → `ABL1`).
fn is_numbered_rename(old: &str, symbol: &str) -> bool {
    symbol.strip_prefix(old).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether a form is a molecular-weight name: `p50`, `p27`, `P21`, `p16a`.
fn is_molecular_weight_name(written: &str) -> bool {
    written.strip_prefix(['p', 'P']).is_some_and(|rest| {
        let digits = rest.trim_end_matches(|c: char| c.is_ascii_lowercase());
        !digits.is_empty()
            && digits.len() + 1 >= rest.len()
            && digits.bytes().all(|b| b.is_ascii_digit())
    })
}

fn rank(written_as: WrittenAs) -> u8 {
    match written_as {
        WrittenAs::Symbol => 0,
        WrittenAs::PreviousSymbol => 1,
        WrittenAs::Alias => 2,
        WrittenAs::WithdrawnSymbol(_) => 3,
        WrittenAs::Name => 4,
        WrittenAs::DefinedAbbreviation => 5,
    }
}

/// How `written` relates to `gene`: its symbol, an alias, a previous symbol, or none of these.
pub fn written_as(written: &str, gene: GeneId, dictionary: &Dictionary) -> WrittenAs {
    let g = dictionary.gene(gene);
    let same = |s: &str| same_surface(s, written);
    if same(g.symbol) {
        WrittenAs::Symbol
    } else if g.previous_symbols().any(same) {
        WrittenAs::PreviousSymbol
    } else if g.aliases().any(same) {
        WrittenAs::Alias
    } else {
        WrittenAs::DefinedAbbreviation
    }
}

/// The words of a name, lower case, with letters and digits apart (`b245` → `b`, `245`), so
/// that "cytochrome b245 alpha" and "cytochrome b-245 alpha chain" share their words.
/// Sorted, each once.
fn words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut previous_digit = None;
    for c in fold(s).chars() {
        let digit = c.is_ascii_digit();
        let boundary = !c.is_alphanumeric() || previous_digit.is_some_and(|d| d != digit);
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.push(c);
            previous_digit = Some(digit);
        } else {
            previous_digit = None;
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words.sort_unstable();
    words.dedup();
    words
}

/// What the long form of a definition names, among the genes its short form may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    /// The gene whose approved name the long form spells, allowing for small differences
    /// ("PTEN-induced putative kinase 1" for "PTEN induced kinase 1").
    Gene(GeneId),
    /// A family or complex the gene belongs to: the long form is the gene's name without the
    /// words that tell its members apart ("uncoupling protein" of "uncoupling protein 1",
    /// "cytochrome c oxidase" of "cytochrome c oxidase subunit 8A"). No one gene is meant.
    Family,
}

pub fn named_by(long: &str, candidates: &[GeneId], dictionary: &Dictionary) -> Option<Named> {
    let long_words = words(long);
    let mut family = false;
    for gene in candidates {
        let name_words = words(dictionary.gene(*gene).name);
        let shared = name_words.iter().filter(|w| long_words.binary_search(w).is_ok()).count();
        let all = long_words.len() + name_words.len() - shared;
        let missing: Vec<&String> =
            name_words.iter().filter(|w| long_words.binary_search(w).is_err()).collect();
        // Every word of the long form is in the name, and what the name adds only numbers a
        // member.
        let member_of = shared == long_words.len()
            && shared >= 2
            && !missing.is_empty()
            && missing.iter().all(|w| is_member_designator(w));
        if member_of {
            family = true;
        } else if all > 0 && shared * 2 >= all {
            return Some(Named::Gene(*gene));
        }
    }
    family.then_some(Named::Family)
}

/// Whether most of the words of `long` (of three letters or more) are in the name of one of
/// `genes`: "H.20-like homeobox 1" for HLX ("H2.0 like homeobox"), not "anti-nuclear antibody"
/// for BTG3 ("BTG anti-proliferation factor 3").
pub fn shares_name_words(long: &str, genes: &[GeneId], dictionary: &Dictionary) -> bool {
    let long_words: Vec<String> = words(long).into_iter().filter(|w| w.len() >= 3).collect();
    genes.iter().any(|gene| {
        let name = words(dictionary.gene(*gene).name);
        let shared = long_words.iter().filter(|w| name.binary_search(w).is_ok()).count();
        shared * 2 > long_words.len()
    })
}

/// Words of a gene's name that tell the members of a family or complex apart: a number, a
/// letter, a Greek letter, "subunit", "member", "type" or "isoform".
fn is_member_designator(word: &str) -> bool {
    const DESIGNATORS: &[&str] = &[
        "subunit", "member", "type", "isoform", "alpha", "beta", "gamma", "delta", "epsilon",
        "zeta", "eta", "theta", "kappa", "lambda",
    ];
    word.len() == 1 || word.bytes().all(|b| b.is_ascii_digit()) || DESIGNATORS.contains(&word)
}

/// Words that make a long form a gene or protein even when biolint cannot tell which one
/// ("nuclear factor erythroid 2-related factor 2 (NRF2)").
const GENE_WORDS: &[&str] = &[
    "protein",
    "proteins",
    "gene",
    "genes",
    "kinase",
    "receptor",
    "factor",
    "ligand",
    "enzyme",
    "channel",
    "transporter",
    "antigen",
    "subunit",
    "homolog",
    "homologue",
    "regulator",
    "hormone",
    "cytokine",
    "interleukin",
    "chemokine",
    "activator",
    "inhibitor",
    "binding",
    "domain",
    "member",
    "polymerase",
    "helicase",
    "nuclease",
    "peptide",
    "glycoprotein",
    "lipoprotein",
    "isoform",
    "oncogene",
    "suppressor",
    "mitofusin",
    "translocase",
    "globin",
    "collagen",
    "keratin",
];

/// Whether a long form names some gene or protein (an enzyme, a receptor, a factor...).
pub fn sounds_like_a_gene(long: &str) -> bool {
    words(long)
        .iter()
        .any(|w| GENE_WORDS.contains(&w.as_str()) || w.ends_with("ase") || w.ends_with("ases"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbol_like_forms() {
        let d = Dictionary::embedded();
        assert!(is_symbol_like("Nrf2", d));
        assert!(is_symbol_like("mTOR", d));
        assert!(is_symbol_like("apoE", d));
        assert!(is_symbol_like("Bax", d));
        assert!(!is_symbol_like("bax", d));
        assert!(!is_symbol_like("Was", d));
    }

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
        assert!(is_plural_acronym("NETs"));
        assert!(!is_plural_acronym("Nets"));
        assert!(!is_plural_acronym("NRF2"));
    }

    #[test]
    fn a_numbered_previous_symbol_beats_another_genes_alias() {
        let d = Dictionary::embedded();
        let text = "Imatinib inhibits the ABL kinase.";
        let recognized = crate::recognize::recognize(text, crate::DocumentKind::Plain, d, None);
        let abl = recognized.entities.iter().find_map(|e| e.as_gene()).unwrap();
        assert_eq!(d.gene(abl.gene).symbol, "ABL1");
    }

    #[test]
    fn gene_context_words() {
        let text = "MEN1 mutations and MEN1 patients and Pink1-/- mice and the gene NF1 and *SOD1*";
        let at = |s: &str, n: usize| {
            let i = text.match_indices(s).nth(n).unwrap().0;
            i..i + s.len()
        };
        let sod1 = text.find("SOD1").unwrap();
        let italic: Vec<Range<usize>> = std::iter::once(sod1..sod1 + 4).collect();
        assert!(has_gene_context(&at("MEN1", 0), text, &[]));
        assert!(!has_gene_context(&at("MEN1", 1), text, &[]));
        assert!(has_gene_context(&at("Pink1", 0), text, &[]));
        assert!(has_gene_context(&at("NF1", 0), text, &[]));
        assert!(has_gene_context(&at("SOD1", 0), text, &italic));
    }

    #[test]
    fn long_forms_that_name_genes() {
        let d = Dictionary::embedded();
        let hmox1 = d.approved_gene("HMOX1").unwrap();
        let ros1 = d.approved_gene("ROS1").unwrap();
        assert_eq!(named_by("heme oxygenase-1", &[hmox1], d), Some(Named::Gene(hmox1)));
        assert_eq!(named_by("heme oxygenase", &[hmox1], d), Some(Named::Family));
        assert_eq!(named_by("reactive oxygen species", &[ros1], d), None);
        assert!(sounds_like_a_gene("nuclear factor erythroid 2-related factor 2"));
        assert!(sounds_like_a_gene("superoxide dismutase"));
        assert!(!sounds_like_a_gene("reactive oxygen species"));
        assert!(!sounds_like_a_gene("mesenchymal stromal cells"));
    }
}
