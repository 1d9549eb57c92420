//! `biolint annotate` output: entities as JSON objects or PubTator annotation lines.

use serde::Serialize;

use crate::dictionary::Dictionary;
use crate::entity::{Entity, Meaning, WrittenAs};
use crate::text::LineIndex;

/// One entity as `biolint annotate --format json` prints it.
#[derive(Serialize, Debug, PartialEq)]
pub struct EntityJson {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub entity_type: &'static str,
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hgnc: Option<String>,
    /// How a gene is written when it is not its approved symbol: `alias`, `previous symbol`, ...
    #[serde(skip_serializing_if = "Option::is_none")]
    pub written_as: Option<&'static str>,
    /// The approved symbols an ambiguous gene mention may stand for, most likely first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<String>,
    /// The other genes a composite gene mention names (`ERK1/2`: `symbol` MAPK3, also MAPK1).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// The mitochondrial gene a variant lies in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gene: Option<String>,
    /// That gene's NCBI Gene ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gene_id: Option<String>,
    /// Every locus at the variant's position, the gene first (`MT-TL1`, `MT-TER`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub loci: Vec<String>,
    /// The rCRS base(s) at the variant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    /// The ClinVar record of exactly this variant.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clinvar: Option<ClinvarJson>,
}

#[derive(Serialize, Debug, PartialEq)]
pub struct ClinvarJson {
    pub accession: String,
    pub significance: String,
    pub condition: String,
}

pub fn entity_json(
    entity: &Entity,
    text: &str,
    lines: &LineIndex,
    dictionary: &Dictionary,
) -> EntityJson {
    let (line, column) = lines.line_column(entity.span.start);
    let mut json = EntityJson {
        start: entity.span.start,
        end: entity.span.end,
        line,
        column,
        text: entity.text(text).to_owned(),
        entity_type: entity.entity_type(dictionary).name(),
        id: entity.id(dictionary),
        symbol: None,
        name: None,
        hgnc: None,
        written_as: None,
        candidates: Vec::new(),
        also: Vec::new(),
        gene: None,
        gene_id: None,
        loci: Vec::new(),
        reference: None,
        clinvar: None,
    };
    match &entity.meaning {
        Meaning::Gene(mention) => {
            let gene = dictionary.gene(mention.gene);
            json.symbol = Some(gene.symbol.to_owned());
            json.name = Some(gene.name.to_owned());
            json.hgnc = Some(gene.hgnc_id.to_owned());
            json.written_as = match mention.written_as {
                WrittenAs::Symbol => None,
                WrittenAs::Alias => Some("alias"),
                WrittenAs::PreviousSymbol => Some("previous symbol"),
                WrittenAs::WithdrawnSymbol(_) => Some("withdrawn symbol"),
                WrittenAs::Name => Some("name"),
                WrittenAs::DefinedAbbreviation => Some("defined abbreviation"),
            };
            if mention.is_ambiguous() {
                json.candidates = mention
                    .candidates
                    .iter()
                    .map(|g| dictionary.gene(*g).symbol.to_owned())
                    .collect();
            }
            json.also =
                mention.also_names.iter().map(|g| dictionary.gene(*g).symbol.to_owned()).collect();
        }
        Meaning::Mesh(id) => json.name = Some(dictionary.mesh(*id).name.to_owned()),
        Meaning::Species(id) => {
            json.name = Some(dictionary.species(*id).scientific_name.to_owned())
        }
        Meaning::Variant(variant) => {
            let facts = dictionary.variant_facts(variant);
            json.gene = facts.gene().map(|l| l.name.to_owned());
            json.gene_id =
                facts.gene().and_then(|l| l.ncbi_gene).map(|id| format!("NCBIGene:{id}"));
            json.loci = facts.loci.iter().map(|l| l.name.to_owned()).collect();
            json.reference = facts.reference;
            json.clinvar = facts.clinvar.map(|c| ClinvarJson {
                accession: c.accession.to_owned(),
                significance: c.clinical_significance.to_owned(),
                condition: c.condition.to_owned(),
            });
        }
        Meaning::Custom(term) => json.name = (!term.name.is_empty()).then(|| term.name.clone()),
    }
    json
}

/// A PubTator annotation line: `document start end text Type id`, offsets in characters; a
/// composite gene mention lists every gene's ID (`ERK1/2`: `5595;5594`).
pub fn pubtator_line(
    document: &str,
    entity: &Entity,
    text: &str,
    lines: &LineIndex,
    dictionary: &Dictionary,
) -> String {
    // PubTator writes bare identifiers: 65018, D007888, 9606.
    let bare = |id: String| {
        ["NCBIGene:", "MESH:", "NCBITaxon:"]
            .iter()
            .find_map(|prefix| id.strip_prefix(prefix).map(str::to_owned))
            .unwrap_or(id)
    };
    let ids: Vec<String> = std::iter::once(entity.id(dictionary))
        .chain(entity.also_ids(dictionary))
        .map(bare)
        .collect();
    let ids = ids.join(";");
    let entity_type = entity.entity_type(dictionary).name();
    let mut type_name = entity_type[..1].to_uppercase();
    type_name.push_str(&entity_type[1..]);
    format!(
        "{document}\t{}\t{}\t{}\t{type_name}\t{ids}",
        lines.char_offset(entity.span.start),
        lines.char_offset(entity.span.end),
        entity.text(text).replace(['\t', '\n'], " ")
    )
}
