//! Hover cards: what biolint knows about the entity under the cursor, with links to the records
//! a reader would check (NCBI Gene, HGNC, MeSH, NCBI Taxonomy, ClinVar), and what is wrong with
//! the way it is written, if anything.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind};

use super::position::Encoding;
use super::worker::Analyzed;
use biolint_core::diagnostic::Diagnostic;
use biolint_core::dictionary::{Dictionary, GeneId, MeshCategory, MeshId, SpeciesId};
use biolint_core::entity::{CustomTerm, Entity, GeneMention, Meaning, WrittenAs};
use biolint_core::variant::Variant;

/// The card for the entity (or finding) at byte `offset`, if there is one.
pub fn hover(analyzed: &Analyzed, offset: usize, encoding: Encoding) -> Option<Hover> {
    let at = |span: &std::ops::Range<usize>| span.start <= offset && offset < span.end;
    let entity = analyzed.entities.iter().find(|e| at(&e.span)).or_else(|| {
        analyzed.findings.iter().filter(|f| at(&f.span)).find_map(|f| f.entity.as_ref())
    });
    let document = analyzed.text.as_str();
    let (span, written) = match entity {
        Some(entity) => (entity.span.clone(), entity.text(document)),
        None => {
            let finding = analyzed.findings.iter().find(|f| at(&f.span))?;
            (finding.span.clone(), finding.text(document))
        }
    };
    let written = one_line(written);
    let mut card = match entity {
        Some(entity) => card(entity, &written, Dictionary::embedded()),
        None => code(&written),
    };
    let findings: Vec<&Diagnostic> = analyzed
        .findings
        .iter()
        .filter(|f| f.span.start < span.end && span.start < f.span.end)
        .collect();
    if !findings.is_empty() {
        card.push_str("\n\n---\n");
        for finding in findings {
            let _ = write!(
                card,
                "\n**{}** ({}): {}\n",
                finding.rule,
                finding.severity.name(),
                escape(&finding.message)
            );
        }
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: card }),
        range: Some(analyzed.text.range(&span, encoding)),
    })
}

/// The Markdown card of an entity written as `written`.
pub fn card(entity: &Entity, written: &str, dictionary: &Dictionary) -> String {
    match &entity.meaning {
        Meaning::Gene(mention) => gene_card(mention, written, dictionary),
        Meaning::Mesh(id) => mesh_card(*id, dictionary),
        Meaning::Species(id) => species_card(*id, dictionary),
        Meaning::Variant(variant) => variant_card(variant, dictionary),
        Meaning::Custom(term) => custom_card(term),
    }
}

fn gene_card(mention: &GeneMention, written: &str, dictionary: &Dictionary) -> String {
    let gene = dictionary.gene(mention.gene);
    let symbol = escape(gene.symbol);
    let mut card = format!("**{symbol}** — {}\n\n", escape(gene.name));
    let written_code = code(written);
    let stands_for = match mention.written_as {
        _ if mention.is_ambiguous() && mention.confident => Some(format!(
            "{written_code} can stand for several genes; here it is most likely {symbol}."
        )),
        _ if mention.is_ambiguous() => Some(format!(
            "{written_code} can stand for several genes, and nothing in this document says \
             which; the most likely in general is {symbol}."
        )),
        WrittenAs::Symbol if written != gene.symbol => {
            Some(format!("Written here as {written_code}."))
        }
        WrittenAs::Symbol => None,
        WrittenAs::Alias => Some(format!("{written_code} is an alias of {symbol}.")),
        WrittenAs::PreviousSymbol => {
            Some(format!("{written_code} is a previous symbol of {symbol}."))
        }
        WrittenAs::WithdrawnSymbol(old) => Some(format!(
            "{written_code} is a withdrawn HGNC symbol ({}); the gene is now {symbol}.",
            dictionary.gene(old).hgnc_id
        )),
        WrittenAs::Name => Some(format!("{written_code} names {symbol}.")),
        WrittenAs::DefinedAbbreviation => {
            Some(format!("{written_code} is defined in this document as {symbol}."))
        }
    };
    if let Some(stands_for) = stands_for {
        let _ = write!(card, "{stands_for}\n\n");
    }
    if mention.is_composite() {
        let others: Vec<String> =
            mention.also_names.iter().map(|g| escape(dictionary.gene(*g).symbol)).collect();
        let _ = write!(
            card,
            "{written_code} names several genes: {symbol} and {}.\n\n",
            others.join(", ")
        );
    }
    let mut ids = Vec::new();
    if let Some(ncbi) = gene.ncbi_gene {
        ids.push(format!("NCBI Gene {}", ncbi_gene_link(ncbi)));
    }
    ids.push(format!(
        "[{0}](https://www.genenames.org/data/gene-symbol-report/#!/hgnc_id/{0})",
        gene.hgnc_id
    ));
    ids.push(escape(gene.locus_type));
    card.push_str(&ids.join(" · "));
    let aliases: Vec<String> = gene.aliases().map(escape).collect();
    if !aliases.is_empty() {
        let _ = write!(card, "\n\nAliases: {}", aliases.join(", "));
    }
    let previous: Vec<String> = gene.previous_symbols().map(escape).collect();
    if !previous.is_empty() {
        let _ = write!(card, "\n\nPrevious symbols: {}", previous.join(", "));
    }
    let others: Vec<&GeneId> = mention.candidates.iter().filter(|g| **g != mention.gene).collect();
    if !others.is_empty() {
        card.push_str("\n\nAlso possible:\n");
        for other in others {
            let gene = dictionary.gene(*other);
            let _ = write!(card, "\n- **{}** — {}", escape(gene.symbol), escape(gene.name));
            if let Some(ncbi) = gene.ncbi_gene {
                let _ = write!(card, " · NCBI Gene {}", ncbi_gene_link(ncbi));
            }
        }
    }
    card
}

fn ncbi_gene_link(id: &str) -> String {
    format!("[{id}](https://www.ncbi.nlm.nih.gov/gene/{id})")
}

fn mesh_card(id: MeshId, dictionary: &Dictionary) -> String {
    let record = dictionary.mesh(id);
    let kind = match record.category {
        MeshCategory::Disease => "disease",
        MeshCategory::Chemical | MeshCategory::Protein => "chemical",
    };
    let mut card = format!("**{}** — {kind}\n\n", escape(record.name));
    let mut parts = Vec::new();
    // A supplementary concept has no tree numbers of its own: those of the descriptors it is
    // mapped to stand for it.
    let mut trees = Vec::new();
    if id.supplementary {
        parts.push(format!("MeSH supplementary concept {}", mesh_link(record.mesh_id)));
        for mapped in record.trees_or_mapped.split('|').map(|m| m.trim_start_matches('*')) {
            if let Some(descriptor) = dictionary.mesh_by_id(mapped).map(|d| dictionary.mesh(d)) {
                parts.push(format!(
                    "mapped to [{}]({})",
                    escape(descriptor.name),
                    mesh_url(mapped)
                ));
                trees.extend(descriptor.trees_or_mapped.split('|'));
            }
        }
    } else {
        parts.push(format!("MeSH {}", mesh_link(record.mesh_id)));
        trees.extend(record.trees_or_mapped.split('|'));
    }
    let mut categories: Vec<&str> = Vec::new();
    for tree in trees {
        let top = tree.split('.').next().unwrap_or(tree);
        if !top.is_empty() && !categories.contains(&top) {
            categories.push(top);
        }
    }
    for top in categories {
        match tree_categories().get(top) {
            Some(name) => parts.push(format!("{} ({top})", escape(name))),
            None => parts.push(top.to_owned()),
        }
    }
    card.push_str(&parts.join(" · "));
    card
}

fn mesh_link(mesh_id: &str) -> String {
    format!("[{mesh_id}]({})", mesh_url(mesh_id))
}

fn mesh_url(mesh_id: &str) -> String {
    format!("https://meshb.nlm.nih.gov/record/ui?ui={mesh_id}")
}

/// The names of MeSH's top-level tree categories (`C10` → Nervous System Diseases), read once
/// from the descriptors that head them.
pub fn tree_categories() -> &'static HashMap<&'static str, &'static str> {
    static CATEGORIES: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    CATEGORIES.get_or_init(|| {
        let mut categories = HashMap::new();
        for descriptor in Dictionary::embedded().mesh_descriptors() {
            for tree in descriptor.trees_or_mapped.split('|').filter(|t| !t.contains('.')) {
                categories.insert(tree, descriptor.name);
            }
        }
        categories
    })
}

fn species_card(id: SpeciesId, dictionary: &Dictionary) -> String {
    let species = dictionary.species(id);
    let id = species.taxon_id;
    let link = format!("https://www.ncbi.nlm.nih.gov/Taxonomy/Browser/wwwtax.cgi?id={id}");
    format!("**{}** — species\n\nNCBI Taxonomy [{id}]({link})", escape(species.scientific_name))
}

fn variant_card(variant: &Variant, dictionary: &Dictionary) -> String {
    let facts = dictionary.variant_facts(variant);
    let mut card = format!("**{}** — mtDNA variant\n\n", escape(&variant.normalized()));
    let loci: Vec<String> = facts
        .loci
        .iter()
        .map(|locus| {
            let mut text = format!("{} ({})", escape(locus.name), escape(locus.description));
            if let Some(ncbi) = locus.ncbi_gene {
                let _ = write!(text, ", NCBI Gene {}", ncbi_gene_link(ncbi));
            }
            text
        })
        .collect();
    match &loci[..] {
        [] => card.push_str("Locus: none (between annotated features)"),
        [one] => {
            let _ = write!(card, "Locus: {one}");
        }
        many => {
            let _ = write!(card, "Loci: {}", many.join("; "));
        }
    }
    if let Some(reference) = &facts.reference {
        let _ = write!(card, "\n\nrCRS (NC\\_012920.1): {}", escape(reference));
    }
    match facts.clinvar {
        Some(record) => {
            let number = record.accession.trim_start_matches("VCV").trim_start_matches('0');
            let _ = write!(
                card,
                "\n\nClinVar [{}](https://www.ncbi.nlm.nih.gov/clinvar/variation/{number}/): {}",
                record.accession,
                escape(record.clinical_significance)
            );
            let conditions = conditions(record.condition);
            if !conditions.is_empty() {
                let _ = write!(card, " — {}", escape(&conditions));
            }
        }
        None => card.push_str("\n\nNot in ClinVar"),
    }
    card
}

/// ClinVar's conditions (`/`-separated, with repeats and "not provided"), the first few.
fn conditions(field: &str) -> String {
    const SHOWN: usize = 6;
    let mut conditions: Vec<&str> = Vec::new();
    for condition in field.split('/').map(str::trim) {
        let uninformative = condition.is_empty() || condition.starts_with("not ");
        if !uninformative && !conditions.contains(&condition) {
            conditions.push(condition);
        }
    }
    let mut shown = conditions.iter().take(SHOWN).copied().collect::<Vec<_>>().join("; ");
    if conditions.len() > SHOWN {
        let _ = write!(shown, "; and {} more", conditions.len() - SHOWN);
    }
    shown
}

fn custom_card(term: &CustomTerm) -> String {
    let name = if term.name.is_empty() { &term.id } else { &term.name };
    format!(
        "**{}** — {}\n\n{} (the project's dictionary)",
        escape(name),
        term.entity_type.name(),
        escape(&term.id)
    )
}

/// Text as an inline code span.
fn code(text: &str) -> String {
    if text.contains('`') { format!("`` {text} ``") } else { format!("`{text}`") }
}

/// Text with the characters Markdown would read as markup escaped.
fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

/// A term written across a line break, on one line.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tree_categories_come_from_the_descriptors_that_head_them() {
        let categories = tree_categories();
        assert_eq!(categories.get("C10"), Some(&"Nervous System Diseases"));
        assert_eq!(categories.get("D02"), Some(&"Organic Chemicals"));
    }

    #[test]
    fn a_composite_mention_names_all_its_genes() {
        let dictionary = Dictionary::embedded();
        let text = "Phosphorylation of ERK1/2 rose.";
        let entities = biolint_core::annotate(
            biolint_core::Document { text, kind: biolint_core::DocumentKind::Plain },
            &biolint_core::Config::default(),
        );
        let erk = entities.iter().find(|e| &text[e.span.clone()] == "ERK1/2").unwrap();
        let card = card(erk, "ERK1/2", dictionary);
        assert!(card.starts_with("**MAPK3**"), "{card}");
        assert!(card.contains("`ERK1/2` names several genes: MAPK3 and MAPK1."), "{card}");
    }

    #[test]
    fn markdown_is_escaped_and_code_spans_survive_backticks() {
        assert_eq!(escape("m.3243A>G *x*"), "m.3243A\\>G \\*x\\*");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(one_line("Leigh\n  syndrome"), "Leigh syndrome");
        assert_eq!(conditions("A/not provided/B/A"), "A; B");
        assert_eq!(conditions("1/2/3/4/5/6/7/8"), "1; 2; 3; 4; 5; 6; and 2 more");
    }
}
