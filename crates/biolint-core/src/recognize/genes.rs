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

/// Whether `written` is, in any case, an approved symbol with a number in it (`DISC1`,
/// `Sox2`): such a symbol is not an abbreviation an author coins for something else.
pub fn is_numbered_symbol(written: &str, dictionary: &Dictionary) -> bool {
    written.chars().any(|c| c.is_ascii_digit())
        && dictionary.lookup(written).any(|e| {
            e.source == Source::GeneSymbol && dictionary.form(e).eq_ignore_ascii_case(written)
        })
}

/// Words after a symbol that say it is a gene: "MEN1 mutations", "NF1 gene", "PINK1 mRNA".
fn is_gene_word_after(word: &str) -> bool {
    crate::text::lowercase_is(word, |word| {
        matches!(
            word,
            b"gene"
                | b"genes"
                | b"mutation"
                | b"mutations"
                | b"mutant"
                | b"mutants"
                | b"mutated"
                | b"protein"
                | b"proteins"
                | b"mrna"
                | b"mrnas"
                | b"transcript"
                | b"transcripts"
                | b"transcription"
                | b"expression"
                | b"expressed"
                | b"promoter"
                | b"promoters"
                | b"locus"
                | b"loci"
                | b"allele"
                | b"alleles"
                | b"variant"
                | b"variants"
                | b"knockout"
                | b"knockdown"
                | b"deficient"
                | b"deficiency"
                | b"polymorphism"
                | b"polymorphisms"
                | b"snp"
                | b"snps"
                | b"deletion"
                | b"deletions"
                | b"exon"
                | b"exons"
                | b"intron"
                | b"introns"
                | b"sequencing"
                | b"haplotype"
                | b"haplotypes"
                | b"genotype"
                | b"genotypes"
                | b"sirna"
                | b"shrna"
                | b"overexpression"
                | b"isoform"
                | b"isoforms"
                | b"coding"
                | b"encoding"
                | b"encodes"
                | b"encoded"
                | b"null"
                | b"carriers"
        )
    })
}

/// Words before a symbol that say it is a gene: "the gene NF1", "anti-PINK1".
fn is_gene_word_before(word: &str) -> bool {
    crate::text::lowercase_is(word, |word| {
        matches!(
            word,
            b"gene"
                | b"genes"
                | b"anti"
                | b"encoding"
                | b"mutant"
                | b"mutated"
                | b"sequencing"
                | b"knockout"
        )
    })
}

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
    is_gene_word_after(next) || is_gene_word_before(previous)
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
        let name_words = words(dictionary.gene_name(*gene));
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
        let name = words(dictionary.gene_name(*gene));
        let shared = long_words.iter().filter(|w| name.binary_search(w).is_ok()).count();
        shared * 2 > long_words.len()
    })
}

/// Whether an ambiguous form stands for the members of one group: every candidate's name is
/// the same but for its member's number or letter ("general transcription factor IIH subunit
/// 1" to "5" for `TFIIH`; "H3 clustered histone 1" to "12" for `H3.1`). The form names the
/// complex or the family as a whole, which no one symbol replaces.
pub fn names_one_group(written: &str, candidates: &[GeneId], dictionary: &Dictionary) -> bool {
    if candidates.len() < 2 {
        return false;
    }
    // A number in the form may pick the member (`IL-20` for IL20, not IL17B), unless the
    // members are subunits or copies.
    let numbered = written.contains(|c: char| c.is_ascii_digit());
    let of_parts = |gene: &GeneId| {
        let name = dictionary.gene_name(*gene);
        name.contains("subunit") || name.contains("clustered")
    };
    if numbered && !candidates.iter().all(of_parts) {
        return false;
    }
    let stem = |gene: &GeneId| -> Vec<String> {
        words(dictionary.gene_name(*gene))
            .into_iter()
            .filter(|w| !is_member_designator(w))
            .collect()
    };
    let Some((first, rest)) = candidates.split_first() else { return false };
    let first = stem(first);
    !rest.is_empty() && !first.is_empty() && rest.iter().all(|gene| stem(gene) == first)
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

/// Whether a long form names some gene or protein (an enzyme, a receptor, a factor...):
/// whether a word of it does ("nuclear factor erythroid 2-related factor 2 (NRF2)") even where
/// biolint cannot tell which one.
pub fn sounds_like_a_gene(long: &str) -> bool {
    let names_a_protein = |word: &[u8]| {
        let singular = word.strip_suffix(b"s").unwrap_or(word);
        // Enzymes, but not the words in -ase that name none (nor `metaphase`, `pulse-chase`,
        // `uppercase`).
        let enzyme = singular.ends_with(b"ase")
            && !singular.ends_with(b"phase")
            && !singular.ends_with(b"case")
            && !singular.ends_with(b"chase")
            && !matches!(
                singular,
                b"base"
                    | b"case"
                    | b"cease"
                    | b"database"
                    | b"decrease"
                    | b"disease"
                    | b"ease"
                    | b"erase"
                    | b"increase"
                    | b"lease"
                    | b"phase"
                    | b"phrase"
                    | b"please"
                    | b"purchase"
                    | b"release"
                    | b"showcase"
                    | b"unease"
            );
        enzyme
            || matches!(
                singular,
                b"protein"
                    | b"gene"
                    | b"receptor"
                    | b"factor"
                    | b"ligand"
                    | b"enzyme"
                    | b"channel"
                    | b"transporter"
                    | b"antigen"
                    | b"subunit"
                    | b"homolog"
                    | b"homologue"
                    | b"regulator"
                    | b"hormone"
                    | b"cytokine"
                    | b"interleukin"
                    | b"chemokine"
                    | b"activator"
                    | b"inhibitor"
                    | b"binding"
                    | b"domain"
                    | b"member"
                    | b"peptide"
                    | b"glycoprotein"
                    | b"lipoprotein"
                    | b"isoform"
                    | b"oncogene"
                    | b"suppressor"
                    | b"mitofusin"
                    | b"globin"
                    | b"collagen"
                    | b"keratin"
            )
    };
    long.split(|c: char| !c.is_alphabetic())
        .any(|word| crate::text::lowercase_is(word, names_a_protein))
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
    fn plural_acronyms() {
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
        assert!(sounds_like_a_gene("Matrix Metalloproteinases"));
        assert!(sounds_like_a_gene("Hypoxanthine-guanine phosphoribosyltransferase"));
        assert!(!sounds_like_a_gene("Alzheimer's disease"));
        assert!(!sounds_like_a_gene("S phase"));
        assert!(!sounds_like_a_gene("pulse-chase"));
        assert!(!sounds_like_a_gene("metaphase arrest"));
        assert!(!sounds_like_a_gene("mesenchymal stromal cells"));
    }
}
