//! Synonyms a document gives for a gene: "IGF2BP3, also known as IMP3", "AP4/TFAP4/AP-4".
//!
//! IMP3 is the approved symbol of another gene, and AP4 an alias of several; but where the
//! author sets the form beside an approved symbol it is listed under, it means that gene, in
//! the whole document.

use crate::dictionary::{Dictionary, GeneId};
use crate::entity::{Case, GeneMention};

use super::genes;
use crate::text::after_last;

/// Each form the document gives as a synonym of an approved symbol, with that gene.
pub(super) fn find(masked: &str, dictionary: &Dictionary) -> Vec<(String, GeneMention)> {
    let mut found: Vec<(String, GeneMention)> = Vec::new();
    // `synonym` means `gene`, written `symbol`, if HGNC lists it for that gene.
    let mut add = |synonym: &str, symbol: &str, gene: GeneId| {
        if synonym == symbol || found.iter().any(|(s, _)| s == synonym) {
            return;
        }
        let listed = dictionary
            .lookup(synonym)
            .filter(|e| e.source.is_gene() && dictionary.form(*e) == synonym)
            .any(|e| dictionary.current_genes(GeneId(e.record)).contains(&gene));
        if listed {
            let mention = GeneMention {
                gene,
                written_as: genes::written_as(synonym, gene, dictionary),
                case: Case::Exact,
                candidates: vec![gene],
                confident: true,
                also_names: Vec::new(),
            };
            found.push((synonym.to_owned(), mention));
        }
    };
    // "A, also known as B", "A (also called B)".
    for also in memchr::memmem::find_iter(masked.as_bytes(), "also ") {
        if !masked[..also].ends_with([' ', '(']) {
            continue;
        }
        let after_also = &masked[also + "also ".len()..];
        let Some(after) =
            after_also.strip_prefix("known as ").or_else(|| after_also.strip_prefix("called "))
        else {
            continue;
        };
        let before = masked[..also].trim_end_matches([',', '(', ' ']);
        let symbol = &before[after_last(before, |c| !is_symbol_char(c))..];
        let synonym = after[..after.find(|c: char| !is_symbol_char(c)).unwrap_or(after.len())]
            .trim_end_matches(['.', '-']);
        if let Some(gene) = dictionary.approved_gene(symbol) {
            add(synonym, symbol, gene);
        }
    }
    // "AP4/TFAP4/AP-4": every form of a slashed chain beside the chain's approved symbols.
    let mut chain_end = 0;
    for slash in memchr::memchr_iter(b'/', masked.as_bytes()) {
        if slash < chain_end {
            continue;
        }
        let is_chain_char = |c: char| is_symbol_char(c) || c == '/';
        let start = after_last(&masked[..slash], |c| !is_chain_char(c));
        chain_end =
            masked[slash..].find(|c: char| !is_chain_char(c)).map_or(masked.len(), |i| slash + i);
        // Gene symbols have a capital or a digit: `mg/kg` and `and/or` are no chain of genes.
        let forms: Vec<&str> = masked[start..chain_end]
            .split('/')
            .filter(|f| {
                f.len() >= 2 && f.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            })
            .collect();
        if forms.len() < 2 {
            continue;
        }
        for symbol in &forms {
            let Some(gene) = dictionary.approved_gene(symbol) else { continue };
            for synonym in &forms {
                add(synonym, symbol, gene);
            }
        }
    }
    found
}

fn is_symbol_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '.'
}

#[cfg(test)]
mod tests {
    use crate::dictionary::Dictionary;
    use crate::markup::DocumentKind;
    use crate::recognize::recognize;

    /// (written, approved symbol) of every gene mention.
    fn genes(text: &str) -> Vec<(String, String)> {
        let dictionary = Dictionary::embedded();
        recognize(text, DocumentKind::Plain, dictionary, None)
            .entities
            .iter()
            .filter_map(|e| {
                let g = e.as_gene()?;
                Some((text[e.span.clone()].to_owned(), dictionary.gene(g.gene).symbol.to_owned()))
            })
            .collect()
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect()
    }

    #[test]
    fn a_synonym_the_document_gives_means_that_gene_throughout() {
        assert_eq!(
            genes("IGF2BP3, also known as IMP3, is oncofetal. IMP3 rose."),
            pairs(&[("IGF2BP3", "IGF2BP3"), ("IMP3", "IGF2BP3"), ("IMP3", "IGF2BP3")])
        );
        assert_eq!(
            genes("IGF2BP3 (also called IMP3) rose."),
            pairs(&[("IGF2BP3", "IGF2BP3"), ("IMP3", "IGF2BP3")])
        );
        assert_eq!(
            genes("The factor AP4/TFAP4 binds DNA; AP4 rose."),
            pairs(&[("AP4", "TFAP4"), ("TFAP4", "TFAP4"), ("AP4", "TFAP4")])
        );
    }

    #[test]
    fn chains_after_multibyte_characters() {
        // Found by the fuzz test: a chain right after a three-byte character panicked.
        assert!(genes("﹨AP4/TFAP4 binds.").contains(&("TFAP4".to_owned(), "TFAP4".to_owned())));
        assert!(genes("λ also known as ﹨IMP3").len() <= 1);
    }

    #[test]
    fn two_genes_side_by_side_stay_two_genes() {
        assert_eq!(genes("PINK1/PRKN signalling."), pairs(&[("PINK1", "PINK1"), ("PRKN", "PRKN")]));
        assert_eq!(genes("IMP3 rose."), pairs(&[("IMP3", "IMP3")]));
    }
}
