//! Rules about gene symbols: journals ask for the approved HGNC symbol (PRKN, not PARK2).

pub mod alias;
pub mod ambiguous_alias;
pub mod excel_mangled;
pub mod previous_symbol;
pub mod symbol_case;
pub mod withdrawn_symbol;

use std::ops::Range;

use super::{LintContext, RuleInfo};
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::dictionary::GeneId;
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
/// paper about mice or rats where the author writes a rodent name (`Park2`, an MGI synonym),
/// the rodent symbol of the same spelling (`Prkn`) when MGI or RGD has it.
pub fn replacement(context: &LintContext, written: &str, gene: GeneId) -> String {
    let symbol = context.dictionary.gene(gene).symbol;
    let dictionary = context.dictionary;
    let rodent_name = written.chars().any(|c| c.is_ascii_lowercase())
        && (dictionary.is_mouse_symbol(written) || dictionary.is_rat_symbol(written));
    if context.is_about_rodents() && rodent_name {
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

/// One "Replace with ..." fix per gene.
pub fn fixes(context: &LintContext, span: &Range<usize>, genes: &[GeneId]) -> Vec<Fix> {
    let written = &context.text[span.clone()];
    let mut fixes: Vec<Fix> = Vec::new();
    for gene in genes {
        let fix = Fix::replace(span.clone(), replacement(context, written, *gene));
        if !fixes.iter().any(|f| f.replacement == fix.replacement) {
            fixes.push(fix);
        }
    }
    fixes
}

/// A finding about a gene mention, with one "Replace with ..." fix per gene.
pub fn finding(
    info: &RuleInfo,
    severity: Severity,
    context: &LintContext,
    entity: &Entity,
    message: String,
    genes: &[GeneId],
) -> Diagnostic {
    Diagnostic {
        rule: info.id,
        severity,
        message,
        span: entity.span.clone(),
        fixes: fixes(context, &entity.span, genes),
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
    context.entities().iter().filter_map(|e| e.as_gene().map(|g| (e, g))).filter(|(e, g)| {
        let written = context.written(e);
        // Nor is an approved symbol, even where the document uses it for another gene
        // ("IGF2BP3, also known as IMP3"): IMP3 is a gene's name of its own.
        if g.is_composite()
            || (g.written_as != WrittenAs::Symbol
                && context.dictionary.approved_gene(written).is_some())
        {
            return false;
        }
        g.case == Case::Exact
            || written.chars().any(|c| c.is_ascii_digit())
            || written.chars().skip(1).any(|c| c.is_uppercase())
    })
}
