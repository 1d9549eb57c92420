//! What biolint recognises in a document: genes, diseases, chemicals, species and mtDNA
//! variants, each with the identifiers users look up (NCBI Gene, MeSH, NCBI Taxonomy, HGVS).

use std::ops::Range;

use crate::dictionary::{Dictionary, GeneId, MeshCategory, MeshId, SpeciesId};
use crate::variant::Variant;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Gene,
    Disease,
    Chemical,
    Species,
    Variant,
}

impl EntityType {
    pub fn name(self) -> &'static str {
        match self {
            EntityType::Gene => "gene",
            EntityType::Disease => "disease",
            EntityType::Chemical => "chemical",
            EntityType::Species => "species",
            EntityType::Variant => "variant",
        }
    }

    pub fn from_name(name: &str) -> Option<EntityType> {
        [
            EntityType::Gene,
            EntityType::Disease,
            EntityType::Chemical,
            EntityType::Species,
            EntityType::Variant,
        ]
        .into_iter()
        .find(|t| t.name() == name)
    }
}

/// A recognised mention: where it is, and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Byte range in the document.
    pub span: Range<usize>,
    pub meaning: Meaning,
    /// What a reader sees where the span holds formatting inside a word (`*Nxf*2` reads
    /// "Nxf2"); `None` where it is the span's own text.
    pub reads: Option<String>,
}

impl Entity {
    pub fn new(span: Range<usize>, meaning: Meaning) -> Entity {
        Entity { span, meaning, reads: None }
    }

    /// The mention as a reader sees it in `document`.
    pub fn text<'a>(&'a self, document: &'a str) -> &'a str {
        self.reads.as_deref().unwrap_or(&document[self.span.clone()])
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Meaning {
    Gene(GeneMention),
    /// A disease or chemical.
    Mesh(MeshId),
    Species(SpeciesId),
    Variant(Variant),
    /// A term of a project's own dictionary.
    Custom(CustomTerm),
}

/// How a gene mention is written, relative to the gene it stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WrittenAs {
    /// The approved HGNC symbol.
    Symbol,
    /// An alias symbol of the gene.
    Alias,
    /// A previous HGNC symbol of the gene.
    PreviousSymbol,
    /// A withdrawn HGNC symbol; the gene is the one it was merged into.
    WithdrawnSymbol(GeneId),
    /// The approved name, or a protein name ("parkin").
    Name,
    /// A short form the document defines ("heme oxygenase-1 (HO-1)") that is no HGNC symbol.
    DefinedAbbreviation,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Case {
    /// Written exactly as the dictionary spells it (up to hyphens and Greek letters).
    Exact,
    /// Written in another case: `Pink1`, `C19ORF12`, `Nrf2`.
    Folded,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GeneMention {
    /// The approved gene this mention most likely stands for.
    pub gene: GeneId,
    pub written_as: WrittenAs,
    pub case: Case,
    /// Every approved gene the written form can stand for, `gene` first; more than one means
    /// the form is ambiguous (NRF2: NFE2L2 or GABPA).
    pub candidates: Vec<GeneId>,
    /// False when the form is ambiguous and nothing in the document says which gene it means
    /// (`p50`, `Nrf2` alone): `annotate` does not name such a gene, the rules still flag the form.
    pub confident: bool,
    /// The other genes of a composite mention, which names several at once: `ERK1/2` is ERK1
    /// (`gene`, MAPK3) and ERK2 (MAPK1). Empty for a mention of one gene.
    pub also_names: Vec<GeneId>,
}

impl GeneMention {
    pub fn is_ambiguous(&self) -> bool {
        self.candidates.len() > 1
    }

    pub fn is_composite(&self) -> bool {
        !self.also_names.is_empty()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomTerm {
    pub entity_type: EntityType,
    pub id: String,
    pub name: String,
}

impl Entity {
    pub fn entity_type(&self, dictionary: &Dictionary) -> EntityType {
        match &self.meaning {
            Meaning::Gene(_) => EntityType::Gene,
            Meaning::Mesh(id) => match dictionary.mesh(*id).category {
                MeshCategory::Disease => EntityType::Disease,
                // Protein records are never reported (see `recognize`), so never reach here.
                MeshCategory::Chemical | MeshCategory::Protein => EntityType::Chemical,
            },
            Meaning::Species(_) => EntityType::Species,
            Meaning::Variant(_) => EntityType::Variant,
            Meaning::Custom(term) => term.entity_type,
        }
    }

    /// The identifier reported for the entity: `NCBIGene:65018`, `MESH:D007888`,
    /// `NCBITaxon:9606`, `NC_012920.1:m.3243A>G`, or a project dictionary's own ID.
    pub fn id(&self, dictionary: &Dictionary) -> String {
        match &self.meaning {
            Meaning::Gene(mention) => gene_id(mention.gene, dictionary),
            Meaning::Mesh(id) => format!("MESH:{}", dictionary.mesh(*id).mesh_id),
            Meaning::Species(id) => format!("NCBITaxon:{}", dictionary.species(*id).taxon_id),
            Meaning::Variant(variant) => variant.normalized(),
            Meaning::Custom(term) => term.id.clone(),
        }
    }

    /// [`Entity::id`] of each gene a composite mention names besides its first (`ERK1/2`:
    /// MAPK1's); none for any other entity.
    pub fn also_ids<'a>(&'a self, dictionary: &'a Dictionary) -> impl Iterator<Item = String> + 'a {
        let also = self.as_gene().map_or(&[][..], |g| &g.also_names);
        also.iter().map(|gene| gene_id(*gene, dictionary))
    }

    pub fn as_gene(&self) -> Option<&GeneMention> {
        match &self.meaning {
            Meaning::Gene(g) => Some(g),
            _ => None,
        }
    }

    /// Whether biolint can say what this entity is: all but a gene mention whose form is
    /// ambiguous with nothing in the document to choose between its genes (`p50`, `Nrf2`
    /// alone). `annotate`, the outline and the evaluation report only these.
    pub fn is_identified(&self) -> bool {
        self.as_gene().is_none_or(|g| g.confident)
    }
}

/// A gene's identifier: `NCBIGene:65018`, or its HGNC ID when it has no NCBI Gene ID.
fn gene_id(gene: GeneId, dictionary: &Dictionary) -> String {
    let gene = dictionary.gene(gene);
    match gene.ncbi_gene {
        Some(ncbi) => format!("NCBIGene:{ncbi}"),
        None => gene.hgnc_id.to_owned(),
    }
}
