//! The outline: the genes, diseases and mtDNA variants a document mentions, one entry each under
//! a heading per kind. An entry spans its first to its last mention and selects the first, so
//! the outline jumps to where the document introduces it.

#![allow(deprecated)] // `DocumentSymbol::deprecated` must be written, as `None`.

use std::collections::HashMap;
use std::ops::Range;

use tower_lsp_server::ls_types::{
    DocumentSymbol, DocumentSymbolResponse, Location, SymbolInformation, SymbolKind, Uri,
};

use super::position::Encoding;
use super::worker::Analyzed;
use biolint_core::dictionary::Dictionary;
use biolint_core::entity::{EntityType, Meaning};

/// The headings, in the outline's order.
const GROUPS: [(EntityType, &str, SymbolKind); 3] = [
    (EntityType::Gene, "Genes", SymbolKind::CLASS),
    (EntityType::Disease, "Diseases", SymbolKind::STRUCT),
    (EntityType::Variant, "mtDNA variants", SymbolKind::CONSTANT),
];

/// One distinct entity of the outline.
struct Entry {
    name: String,
    id: String,
    mentions: usize,
    first: Range<usize>,
    last_end: usize,
}

/// The outline, nested when the client shows nested outlines, else flat with container names.
pub fn document_symbols(
    analyzed: &Analyzed,
    uri: &Uri,
    encoding: Encoding,
    hierarchical: bool,
) -> DocumentSymbolResponse {
    let dictionary = Dictionary::embedded();
    let mut groups: Vec<Vec<Entry>> = GROUPS.iter().map(|_| Vec::new()).collect();
    let mut index: HashMap<(usize, String), usize> = HashMap::new();
    for entity in &analyzed.entities {
        if !entity.is_identified() {
            continue;
        }
        let entity_type = entity.entity_type(dictionary);
        let Some(group) = GROUPS.iter().position(|(t, _, _)| *t == entity_type) else { continue };
        let id = entity.id(dictionary);
        let entries = &mut groups[group];
        let at = *index.entry((group, id.clone())).or_insert_with(|| {
            let name = match &entity.meaning {
                Meaning::Gene(mention) => dictionary.gene(mention.gene).symbol.to_owned(),
                Meaning::Mesh(mesh) => dictionary.mesh(*mesh).name.to_owned(),
                Meaning::Variant(variant) => variant.normalized(),
                Meaning::Custom(term) if !term.name.is_empty() => term.name.clone(),
                _ => id.clone(),
            };
            entries.push(Entry { name, id, mentions: 0, first: entity.span.clone(), last_end: 0 });
            entries.len() - 1
        });
        entries[at].mentions += 1;
        entries[at].last_end = entity.span.end;
    }
    let range = |span: &Range<usize>| analyzed.text.range(span, encoding);
    let detail = |entry: &Entry| match entry.mentions {
        1 => entry.id.clone(),
        n => format!("{} · {n} mentions", entry.id),
    };
    let present = GROUPS.iter().zip(groups).filter(|(_, entries)| !entries.is_empty());
    if hierarchical {
        let symbols = present
            .map(|((_, heading, kind), entries)| {
                let start = entries.iter().map(|e| e.first.start).min().unwrap_or(0);
                let end = entries.iter().map(|e| e.last_end).max().unwrap_or(0);
                let children = entries
                    .iter()
                    .map(|entry| DocumentSymbol {
                        name: entry.name.clone(),
                        detail: Some(detail(entry)),
                        kind: *kind,
                        tags: None,
                        deprecated: None,
                        range: range(&(entry.first.start..entry.last_end)),
                        selection_range: range(&entry.first),
                        children: None,
                    })
                    .collect();
                DocumentSymbol {
                    name: (*heading).to_owned(),
                    detail: None,
                    kind: SymbolKind::NAMESPACE,
                    tags: None,
                    deprecated: None,
                    range: range(&(start..end)),
                    selection_range: range(&(start..start)),
                    children: Some(children),
                }
            })
            .collect();
        DocumentSymbolResponse::Nested(symbols)
    } else {
        let symbols = present
            .flat_map(|((_, heading, kind), entries)| {
                entries.into_iter().map(move |entry| SymbolInformation {
                    name: entry.name,
                    kind: *kind,
                    tags: None,
                    deprecated: None,
                    location: Location::new(uri.clone(), range(&entry.first)),
                    container_name: Some((*heading).to_owned()),
                })
            })
            .collect();
        DocumentSymbolResponse::Flat(symbols)
    }
}
