//! Composite mentions: `ERK1/2`, `Smad1/5/8`, `S100A8/A9`, `caspase-3, -7 and -9`, `Mcm2-7`
//! name several genes of one family at once, sharing the words before the number.
//!
//! Read one number at a time, `ERK1/2` would be ERK1 followed by a stray `/2`, and a fix
//! replacing ERK1 with MAPK3 would leave `MAPK3/2`. So the whole span becomes one mention of its
//! first gene, listing the others (as NCBI's corpora annotate it); no single symbol can replace
//! it, and the gene rules leave it alone.

use crate::dictionary::GeneId;
use crate::dictionary::keys::same_surface;
use crate::entity::{Case, Entity, Meaning};

use super::context::Context;

/// Joins each gene mention with the parts that follow it and complete its name to other
/// genes (`ERK1/2`: ERK2 is MAPK1), into one composite mention.
pub(super) fn join(entities: &mut Vec<Entity>, masked: &str, context: &Context) {
    let mut joined: Vec<Entity> = Vec::with_capacity(entities.len());
    let mut swallowed_until = 0;
    for mut entity in std::mem::take(entities) {
        if entity.span.start < swallowed_until {
            continue;
        }
        if let Some((end, others)) = composite(&entity, masked, context) {
            if let Meaning::Gene(mention) = &mut entity.meaning {
                mention.also_names = others;
            }
            entity.span.end = end;
            swallowed_until = end;
            // Anything already taken inside the new span (never more than a stray number) goes.
            while joined.last().is_some_and(|e| e.span.end > entity.span.start) {
                joined.pop();
            }
        }
        joined.push(entity);
    }
    *entities = joined;
}

/// The end of the composite mention starting with `entity`, and the genes its other parts name.
///
/// Two shapes. A part after a slash replaces as many of the mention's final runs of letters
/// and digits as it has, of the same kinds: `ERK1/2`, `Ku70/80`, `S100A8/A9`, `CDKN2A/B`,
/// `IL-1alpha/beta`. A hyphenated part after "and", "or", "&" or a comma replaces what follows
/// the mention's last hyphen: `hMAD-3 and -4`, `GalNAc-T1 and -T2`, `caspase-3, -7 and -9`. A
/// bare number after "and" is not taken: "IL-6 and 10 patients" holds no IL-10.
fn composite(entity: &Entity, masked: &str, context: &Context) -> Option<(usize, Vec<GeneId>)> {
    const JOINERS: &[&str] = &[", and -", ", or -", " and -", " or -", " & -", ", -"];
    let mention = entity.as_gene()?;
    let written = &context.text[entity.span.clone()];
    if let Some(range) = range(mention.gene, written, entity.span.end, masked, context) {
        return Some(range);
    }
    let before_hyphen = written.rfind('-').map(|i| &written[..=i]).filter(|p| p.len() > 1);
    let rest = |at: usize| &masked[at..];
    let alphanumeric = |at: usize| rest(at).bytes().take_while(u8::is_ascii_alphanumeric).count();
    let mut end = entity.span.end;
    let mut others = Vec::new();
    loop {
        let (form, part_end) = if rest(end).starts_with('/') {
            let part = &rest(end + 1)[..alphanumeric(end + 1)];
            let Some(form) = replace_tail(written, part) else { break };
            (form, end + 1 + part.len())
        } else if let (Some(prefix), Some(joiner)) =
            (before_hyphen, JOINERS.iter().find(|j| rest(end).starts_with(**j)))
        {
            let at = end + joiner.len();
            let part = alphanumeric(at);
            if part == 0 {
                break;
            }
            (format!("{prefix}{}", &rest(at)[..part]), at + part)
        } else {
            break;
        };
        // Every part must name a gene, or this is no composite.
        let gene = gene_named(&form, context)?;
        if gene != mention.gene && !others.contains(&gene) {
            others.push(gene);
        }
        end = part_end;
    }
    // A composite ends where the word ends: `ERK1/2-dependent`, not `1/2a` or `3/4.5`.
    let bytes = masked.as_bytes();
    let decimal =
        bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
    let ends_word = bytes.get(end).is_none_or(|b| !b.is_ascii_alphanumeric()) && !decimal;
    (!others.is_empty() && ends_word).then_some((end, others))
}

/// A range of numbered genes, `Mcm2-7` (MCM2 to MCM7), `NPHP1-9`, `CXCL9-11`: the genes of
/// each number the dictionaries know, the last one included.
fn range(
    first_gene: GeneId,
    written: &str,
    end: usize,
    masked: &str,
    context: &Context,
) -> Option<(usize, Vec<GeneId>)> {
    let prefix = written.trim_end_matches(|c: char| c.is_ascii_digit());
    let first: u32 = written[prefix.len()..].parse().ok()?;
    let rest = masked[end..].strip_prefix('-')?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let last: u32 = rest[..digits].parse().ok()?;
    if prefix.is_empty()
        || last <= first
        || last - first > 20
        || rest[digits..].starts_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    gene_named(&format!("{prefix}{last}"), context)?;
    let mut others = Vec::new();
    for number in first + 1..=last {
        if let Some(gene) = gene_named(&format!("{prefix}{number}"), context)
            && gene != first_gene
            && !others.contains(&gene)
        {
            others.push(gene);
        }
    }
    Some((end + 1 + digits, others))
}

/// `written` with its final runs of letters and digits replaced by `part`'s, when `part` has
/// fewer runs and they are of the same kinds: (`ERK1`, `2`) → `ERK2`, (`S100A8`, `A9`) →
/// `S100A9`, (`IL-1alpha`, `beta`) → `IL-1beta`; not (`PINK1`, `PRKN`).
fn replace_tail(written: &str, part: &str) -> Option<String> {
    /// Where each run of letters, of digits or of other characters starts, and its kind.
    fn runs(s: &str) -> Vec<(u8, usize)> {
        let mut runs: Vec<(u8, usize)> = Vec::new();
        for (i, c) in s.char_indices() {
            let kind = match c {
                _ if c.is_ascii_digit() => 1,
                _ if c.is_alphabetic() => 0,
                _ => 2,
            };
            if runs.last().is_none_or(|(k, _)| *k != kind) {
                runs.push((kind, i));
            }
        }
        runs
    }
    if part.is_empty() || part.len() > 5 || !part.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let (theirs, ours) = (runs(part), runs(written));
    if theirs.len() >= ours.len() {
        return None;
    }
    let tail = &ours[ours.len() - theirs.len()..];
    let same_kinds = tail.iter().zip(&theirs).all(|(a, b)| a.0 == b.0);
    let prefix = &written[..tail[0].1];
    (same_kinds && prefix.bytes().any(|b| b.is_ascii_alphabetic()))
        .then(|| format!("{prefix}{part}"))
}

/// The gene a form stands for (`ERK2`, `Smad8`, `caspase-7`), in any case.
fn gene_named(form: &str, context: &Context) -> Option<GeneId> {
    let dictionary = context.dictionary;
    let entries = dictionary.lookup(form).filter(|e| e.source.is_gene()).map(|e| {
        let exact = same_surface(form, dictionary.form(e));
        (e, if exact { Case::Exact } else { Case::Folded })
    });
    let mention = super::genes::resolve(
        form,
        entries.collect::<Vec<_>>().into_iter(),
        &context.written_symbols,
        context.mitochondrial,
        dictionary,
    )?;
    Some(mention.gene)
}

#[cfg(test)]
mod tests {
    use crate::dictionary::Dictionary;
    use crate::entity::EntityType;
    use crate::markup::DocumentKind;
    use crate::recognize::recognize;

    /// (written, symbol of the gene, symbols of the other genes) of every gene entity.
    fn genes(text: &str) -> Vec<(String, String, Vec<String>)> {
        let dictionary = Dictionary::embedded();
        recognize(text, DocumentKind::Plain, dictionary, None)
            .entities
            .iter()
            .filter(|e| e.entity_type(dictionary) == EntityType::Gene)
            .map(|e| {
                let g = e.as_gene().unwrap();
                let symbol = |id| dictionary.gene(id).symbol.to_owned();
                (
                    text[e.span.clone()].to_owned(),
                    symbol(g.gene),
                    g.also_names.iter().map(|id| symbol(*id)).collect(),
                )
            })
            .collect()
    }

    fn one(written: &str, gene: &str, others: &[&str]) -> (String, String, Vec<String>) {
        (written.to_owned(), gene.to_owned(), others.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn slashed_numbers_join_the_mention_before_them() {
        assert_eq!(
            genes("Phosphorylation of ERK1/2 rose."),
            vec![one("ERK1/2", "MAPK3", &["MAPK1"])]
        );
        assert_eq!(
            genes("Smad1/5/8 and MEK1/2-dependent signalling."),
            vec![
                one("Smad1/5/8", "SMAD1", &["SMAD5", "SMAD9"]),
                one("MEK1/2", "MAP2K1", &["MAP2K2"])
            ]
        );
        assert_eq!(genes("Ku70/80 binds DNA ends."), vec![one("Ku70/80", "XRCC6", &["XRCC5"])]);
        assert_eq!(
            genes("Mcm2-7 and GINS."),
            vec![one("Mcm2-7", "MCM2", &["MCM3", "MCM4", "MCM5", "MCM6", "MCM7"])]
        );
        assert_eq!(
            genes("S100A8/A9 and CDKN2A/B and IL-1alpha/beta"),
            vec![
                one("S100A8/A9", "S100A8", &["S100A9"]),
                one("CDKN2A/B", "CDKN2A", &["CDKN2B"]),
                one("IL-1alpha/beta", "IL1A", &["IL1B"])
            ]
        );
    }

    #[test]
    fn hyphenated_parts_after_and_join_the_mention_before_them() {
        assert_eq!(
            genes("Notch-1 & -3 are expressed."),
            vec![one("Notch-1 & -3", "NOTCH1", &["NOTCH3"])]
        );
        assert_eq!(
            genes("caspase-3, -7 and -9 were active."),
            vec![one("caspase-3, -7 and -9", "CASP3", &["CASP7", "CASP9"])]
        );
        // A bare number is no part: IL-10 is not named here.
        assert_eq!(genes("IL-6 and 10 patients"), vec![one("IL-6", "IL6", &[])]);
        // A part that names no gene leaves the mention alone.
        assert_eq!(genes("IL-6 and -treated cells"), vec![one("IL-6", "IL6", &[])]);
    }

    #[test]
    fn other_slashes_stay_apart() {
        // Two symbols, not one prefix with two numbers.
        assert_eq!(
            genes("PINK1/PRKN signalling."),
            vec![one("PINK1", "PINK1", &[]), one("PRKN", "PRKN", &[])]
        );
        // A number that makes no gene with the prefix, a ratio, a fraction.
        assert_eq!(genes("TP53/20 cells."), vec![one("TP53", "TP53", &[])]);
        assert_eq!(genes("ERK1/2.5 ratio"), vec![one("ERK1", "MAPK3", &[])]);
        assert_eq!(genes("ERK1/2a"), vec![one("ERK1", "MAPK3", &[])]);
    }
}
