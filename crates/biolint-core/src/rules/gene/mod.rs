//! Rules about gene symbols: journals ask for the approved symbol of the species' authority:
//! HGNC for human genes (PRKN, not PARK2), MGI and RGD in papers about mice and rats (Sirt1,
//! not SirT1; Mid1ip1, not Mig12), where a gene's protein is written in capitals (SIRT1).

pub mod alias;
pub mod ambiguous_alias;
pub mod excel_mangled;
pub mod previous_symbol;
pub mod symbol_case;
pub mod withdrawn_symbol;

use std::ops::Range;

use super::{LintContext, RuleInfo};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Severity};
use crate::dictionary::{GeneId, ModelGene, ModelName};
use crate::entity::{Case, Entity, GeneMention, WrittenAs};

/// "PRKN (parkin RBR E3 ubiquitin protein ligase, NCBI Gene 5071)"
pub fn describe(context: &LintContext, gene: GeneId) -> String {
    let g = context.dictionary.gene(gene);
    match g.ncbi_gene {
        Some(ncbi) => format!("{} ({}, NCBI Gene {ncbi})", g.symbol, g.name),
        None => format!("{} ({}, {})", g.symbol, g.name, g.hgnc_id),
    }
}

/// "PRKN (...), SEPTIN6 (...)" or "PRKN (...) or SEPTIN6 (...)".
pub fn describe_all(context: &LintContext, genes: &[GeneId], conjunction: &str) -> String {
    let described: Vec<String> = genes.iter().map(|g| describe(context, *g)).collect();
    match described.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("{} {conjunction} {last}", rest.join(", "))
        }
        _ => described.concat(),
    }
}

/// The symbol to write for `gene` where `written` stands: the approved HGNC symbol, or, in a
/// paper about mice or rats (one with a [`LintContext::rodent_authority`], as the messages
/// say) where the author writes a rodent name (`Park2`, an MGI synonym), the rodent symbol of
/// the same spelling (`Prkn`) when MGI or RGD has it. A review about patients that mentions a
/// mouse study gets HGNC's symbols, as its messages name them.
pub fn replacement(context: &LintContext, written: &str, gene: GeneId) -> String {
    let symbol = context.dictionary.gene(gene).symbol;
    let dictionary = context.dictionary;
    let rodent_name = written.chars().any(|c| c.is_ascii_lowercase())
        && (dictionary.is_mouse_symbol(written) || dictionary.is_rat_symbol(written));
    if context.rodent_authority().is_some() && rodent_name {
        let mut chars = symbol.chars();
        let rodent: String =
            chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
        if context.dictionary.is_mouse_symbol(&rodent) || context.dictionary.is_rat_symbol(&rodent)
        {
            return rodent;
        }
    }
    symbol.to_owned()
}

/// What a name is in a paper about mice or rats, for MGI or RGD.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RodentReading {
    /// The species' symbol (`Sirt1`), or the symbol in capitals, as MGI and RGD write the
    /// protein (`SIRT1`): right as it is.
    Right,
    /// A synonym of one gene (`Mig12` for Mid1ip1, `Park2` for Prkn, `MCAD` for Acadm).
    Synonym(ModelGene),
    /// The symbol in another case (`SirT1`, `MyD88` for Sirt1, Myd88).
    Miscased(ModelGene),
}

/// What `written` is for the authority of the document's rodents (see
/// [`LintContext::rodent_authority`]); `None` outside papers about mice or rats, and where the
/// authority does not know the name (HGNC's reading then stands).
pub fn rodent_reading(context: &LintContext, written: &str) -> Option<RodentReading> {
    let authority = context.rodent_authority()?;
    match context.dictionary.model_name(authority, written) {
        Some(ModelName::Symbol(_)) => return Some(RodentReading::Right),
        Some(ModelName::Synonym(gene)) => return Some(RodentReading::Synonym(gene)),
        Some(ModelName::AmbiguousSynonym) => return None,
        None => {}
    }
    // Rodent symbols are capitalised, the rest in lower case (the few that are not are found as
    // written above).
    let mut chars = written.chars();
    let cased: String =
        chars.next().into_iter().chain(chars.flat_map(char::to_lowercase)).collect();
    match context.dictionary.model_name(authority, &cased) {
        Some(ModelName::Symbol(_)) if is_protein_case(written) => Some(RodentReading::Right),
        Some(ModelName::Symbol(gene)) => Some(RodentReading::Miscased(gene)),
        _ => None,
    }
}

/// Written without lower-case letters, as MGI and RGD write a gene's protein (SIRT1).
fn is_protein_case(written: &str) -> bool {
    !written.chars().any(char::is_lowercase)
}

/// The finding for a synonym or a miscased symbol in a paper about mice or rats, named for
/// its authority, with the authority's symbol as the fix: the gene's (`Mid1ip1` for Mig12), or
/// its protein's for a name in capitals (`ACADM` for MCAD).
pub fn rodent_finding(
    info: &RuleInfo,
    context: &LintContext,
    entity: &Entity,
    reading: RodentReading,
) -> Option<Diagnostic> {
    let written = context.written(entity);
    // A synonym may stand for the protein; a symbol's case, or a protein's name in capitals
    // given its protein's symbol, says the same thing.
    let (replacement, message, applicability) = match reading {
        RodentReading::Right => return None,
        RodentReading::Synonym(gene) => {
            let authority = gene.authority.name();
            let named =
                format!("{written} is an {authority} synonym of {} ({})", gene.symbol, gene.id());
            if is_protein_case(written) {
                let protein = gene.symbol.to_uppercase();
                (
                    protein.clone(),
                    format!("{named}; its protein is written {protein}"),
                    Applicability::Unsafe,
                )
            } else {
                (
                    gene.symbol.to_owned(),
                    format!("{named}; the {authority} symbol is {}", gene.symbol),
                    Applicability::Unsafe,
                )
            }
        }
        RodentReading::Miscased(gene) => (
            gene.symbol.to_owned(),
            format!(
                "{written} is in the wrong case: the {} symbol is {} ({})",
                gene.authority.name(),
                gene.symbol,
                gene.id()
            ),
            Applicability::Safe,
        ),
    };
    Some(Diagnostic {
        rule: info.id,
        reads: None,
        severity: info.default_severity,
        message,
        span: entity.span.clone(),
        fixes: vec![Fix::replace(entity.span.clone(), replacement, applicability)],
        entity: Some(entity.clone()),
    })
}

/// One "Replace with ..." fix per gene: `one_gene` says how applicable the fix is when there
/// is one gene; among several, each is a suggestion.
pub fn fixes(
    context: &LintContext,
    span: &Range<usize>,
    genes: &[GeneId],
    one_gene: Applicability,
) -> Vec<Fix> {
    let written = &context.text[span.clone()];
    let applicability = if genes.len() == 1 { one_gene } else { Applicability::Suggestion };
    let mut fixes: Vec<Fix> = Vec::new();
    for gene in genes {
        let fix = Fix::replace(span.clone(), replacement(context, written, *gene), applicability);
        if !fixes.iter().any(|f| f.replacement == fix.replacement) {
            fixes.push(fix);
        }
    }
    fixes
}

/// A finding about a gene mention, with one "Replace with ..." fix per gene (see [`fixes`]).
pub fn finding(
    info: &RuleInfo,
    severity: Severity,
    context: &LintContext,
    entity: &Entity,
    message: String,
    genes: &[GeneId],
    one_gene: Applicability,
) -> Diagnostic {
    Diagnostic {
        rule: info.id,
        reads: None,
        severity,
        message,
        span: entity.span.clone(),
        fixes: fixes(context, &entity.span, genes, one_gene),
        entity: Some(entity.clone()),
    }
}

/// The gene mentions of the document that a finding may be about: a mention in another case
/// than HGNC's counts only when it still plainly reads as a symbol (a digit or an inner capital:
/// `Nrf2`, `mTOR`), not when it is merely capitalised (`Sep`, `Bax`). A composite mention
/// (`ERK1/2`) is not: no one symbol replaces it.
pub fn gene_mentions<'a>(
    context: &'a LintContext,
) -> impl Iterator<Item = (&'a Entity, &'a GeneMention)> {
    let entities = context.entities();
    let reportable = context.gene_mentions.get_or_init(|| {
        (0..entities.len())
            .filter(|&i| {
                let entity = &entities[i];
                entity.as_gene().is_some_and(|g| may_be_reported(context, entity, g))
            })
            .collect()
    });
    reportable.iter().filter_map(|&i| entities[i].as_gene().map(|g| (&entities[i], g)))
}

fn may_be_reported(context: &LintContext, entity: &Entity, gene: &GeneMention) -> bool {
    let written = context.written(entity);
    if is_lower_case_species_name(context, written, gene) {
        return false;
    }
    // Nor is an approved symbol, even where the document uses it for another gene
    // ("IGF2BP3, also known as IMP3"): IMP3 is a gene's name of its own.
    if gene.is_composite()
        || (gene.written_as != WrittenAs::Symbol
            && context.dictionary.approved_gene(written).is_some())
    {
        return false;
    }
    gene.case == Case::Exact
        || written.chars().any(|c| c.is_ascii_digit())
        || written.chars().skip(1).any(|c| c.is_uppercase())
}

/// Whether the mention `written` is how a species with lower-case gene names writes its gene,
/// on which HGNC, MGI and RGD say nothing: a name without capitals that HGNC spells otherwise,
/// in a paper about fish, frogs, flies, worms or fission yeast (`gata1`, `tif1γ` in a zebrafish
/// paper), or shaped as a worm's name (`spo-11`: lower-case letters, a hyphen and a number) in
/// one that names the worm. A name HGNC spells the same way (`p53`) is still the human one.
pub fn is_lower_case_species_name(
    context: &LintContext,
    written: &str,
    gene: &GeneMention,
) -> bool {
    if gene.case != Case::Folded || written.chars().any(char::is_uppercase) {
        return false;
    }
    if context.is_about_lower_case_species() {
        return true;
    }
    let worm_shaped = written.split_once('-').is_some_and(|(name, number)| {
        !name.is_empty()
            && name.bytes().all(|b| b.is_ascii_lowercase())
            && !number.is_empty()
            && number.bytes().all(|b| b.is_ascii_digit())
    });
    worm_shaped && context.names_the_worm()
}
