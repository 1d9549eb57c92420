//! Typed views of dictionary rows: genes, MeSH records, species, disease acronyms, mtDNA loci.

use super::{Dictionary, Entry, Source, Table, keys};

/// A row of `hgnc_genes.tsv`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GeneId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneStatus {
    Approved,
    /// The symbol was withdrawn; the gene lives on under the symbols in `merged_into`.
    Withdrawn,
    /// The whole entry was withdrawn (it was not a gene, or a duplicate); nothing replaces it.
    EntryWithdrawn,
}

/// An HGNC entry.
#[derive(Clone, Copy, Debug)]
pub struct Gene {
    pub id: GeneId,
    /// `HGNC:14581`
    pub hgnc_id: &'static str,
    pub symbol: &'static str,
    pub status: GeneStatus,
    /// The approved name; empty for withdrawn symbols.
    pub name: &'static str,
    /// The NCBI Gene ID, when HGNC gives one.
    pub ncbi_gene: Option<&'static str>,
    /// `gene with protein product`, `pseudogene`, `RNA, long non-coding`, ...
    pub locus_type: &'static str,
    aliases: &'static str,
    previous_symbols: &'static str,
}

impl Gene {
    pub fn aliases(&self) -> impl Iterator<Item = &'static str> {
        split_list(self.aliases)
    }

    pub fn previous_symbols(&self) -> impl Iterator<Item = &'static str> {
        split_list(self.previous_symbols)
    }

    pub fn is_approved(&self) -> bool {
        self.status == GeneStatus::Approved
    }

    pub fn is_protein_coding(&self) -> bool {
        self.locus_type == "gene with protein product"
    }
}

fn split_list(field: &'static str) -> impl Iterator<Item = &'static str> {
    field.split('|').filter(|s| !s.is_empty())
}

/// What deciding between candidate genes needs, read without parsing the row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GeneFacts {
    pub status: GeneStatus,
    pub protein_coding: bool,
    /// HGNC's "phenotype only" entries name a locus known from a phenotype, not a gene.
    pub phenotype_only: bool,
    /// An `MT-` gene of the mitochondrial genome.
    pub mitochondrial: bool,
    pub ncbi_gene: Option<u32>,
}

/// Whether a MeSH record is a disease (trees C and F03), a chemical (tree D), or a protein,
/// nucleic acid or pharmacological class (reported as nothing: see `dictionaries/README.md`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MeshCategory {
    Disease,
    Chemical,
    Protein,
}

/// A MeSH descriptor or supplementary concept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MeshId {
    pub supplementary: bool,
    pub row: u32,
}

impl Entry {
    /// The MeSH record of a MeSH entry.
    pub fn mesh_id(self) -> Option<MeshId> {
        match self.source {
            Source::MeshDescriptor => Some(MeshId { supplementary: false, row: self.record }),
            Source::MeshSupplementary => Some(MeshId { supplementary: true, row: self.record }),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct MeshRecord {
    pub id: MeshId,
    /// `D007888`, `C036619`
    pub mesh_id: &'static str,
    pub category: MeshCategory,
    pub name: &'static str,
    /// Tree numbers (`C10.228.140.163.100.435|...`) of a descriptor; for a supplementary concept,
    /// the descriptors it is mapped to.
    pub trees_or_mapped: &'static str,
}

impl MeshRecord {}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SpeciesId(pub u32);

#[derive(Clone, Copy, Debug)]
pub struct Species {
    pub id: SpeciesId,
    /// NCBI Taxonomy ID, e.g. `9606`.
    pub taxon_id: &'static str,
    pub scientific_name: &'static str,
}

/// A ClinVar record of an mtDNA variant.
#[derive(Clone, Copy, Debug)]
pub struct ClinvarRecord {
    /// ClinVar's name for it, e.g. `NC_012920.1(MT-TL1):m.3243A>G`.
    pub name: &'static str,
    pub clinical_significance: &'static str,
    pub review_status: &'static str,
    pub condition: &'static str,
    /// The VCV accession, e.g. `VCV000009589`.
    pub accession: &'static str,
}

/// What the dictionaries know about an mtDNA variant, for hover cards and `annotate`.
#[derive(Clone, Debug)]
pub struct VariantFacts {
    /// The loci at its first position, genes first (3243: MT-TL1, then MT-TER).
    pub loci: Vec<MitoLocus>,
    /// The rCRS bases its first edit spans (`A` for m.3243A>G).
    pub reference: Option<String>,
    /// The ClinVar record of exactly this variant.
    pub clinvar: Option<ClinvarRecord>,
}

impl VariantFacts {
    /// The gene the variant lies in, when it lies in one.
    pub fn gene(&self) -> Option<&MitoLocus> {
        self.loci.iter().find(|l| l.is_gene())
    }
}

/// A feature of the mitochondrial genome; `start > end` for features that cross the origin.
#[derive(Clone, Copy, Debug)]
pub struct MitoLocus {
    pub name: &'static str,
    pub start: u32,
    pub end: u32,
    pub shorthand: &'static str,
    pub description: &'static str,
    pub ncbi_gene: Option<&'static str>,
}

impl MitoLocus {
    pub fn contains(&self, position: u32) -> bool {
        if self.start <= self.end {
            (self.start..=self.end).contains(&position)
        } else {
            position >= self.start || position <= self.end
        }
    }

    /// Whether this is a gene (MT-ND4, MT-TL1) rather than a control-region feature.
    pub fn is_gene(&self) -> bool {
        self.ncbi_gene.is_some()
    }
}

fn non_empty(s: &'static str) -> Option<&'static str> {
    (!s.is_empty()).then_some(s)
}

impl Dictionary {
    pub fn gene(&self, id: GeneId) -> Gene {
        // One pass over the row's tabs (rules read records by the thousand).
        let row = self.genes.row(id.0 as usize);
        let mut fields = [""; 8];
        let mut start = 0;
        let ends = memchr::memchr_iter(b'\t', row.as_bytes()).chain(std::iter::once(row.len()));
        for (field, end) in fields.iter_mut().zip(ends) {
            *field = &row[start..end];
            start = end + 1;
        }
        let mut f = fields.into_iter();
        let mut next = || f.next().unwrap_or("");
        let hgnc_id = next();
        let symbol = next();
        let status = match next() {
            "approved" => GeneStatus::Approved,
            "withdrawn" => GeneStatus::Withdrawn,
            _ => GeneStatus::EntryWithdrawn,
        };
        Gene {
            id,
            hgnc_id,
            symbol,
            status,
            name: next(),
            ncbi_gene: non_empty(next()),
            locus_type: next(),
            aliases: next(),
            previous_symbols: next(),
        }
    }

    /// A gene's approved name alone, without reading the rest of its record.
    pub fn gene_name(&self, id: GeneId) -> &'static str {
        self.genes.field(id.0 as usize, 3)
    }

    /// The gene with this HGNC ID (`HGNC:14581`).
    pub fn gene_by_hgnc_id(&self, hgnc_id: &str) -> Option<GeneId> {
        let number = |id: &str| id.trim_start_matches("HGNC:").parse::<u32>().ok();
        let wanted = number(hgnc_id)?;
        self.genes
            .binary_search_by(0, |id| number(id).unwrap_or(u32::MAX).cmp(&wanted))
            .map(|row| GeneId(row as u32))
    }

    pub fn gene_facts(&self, id: GeneId) -> GeneFacts {
        let at = id.0 as usize * 8;
        let bytes = &self.gene_facts[at..at + 8];
        let flags = bytes[1];
        let ncbi = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
        GeneFacts {
            status: match bytes[0] {
                keys::GENE_APPROVED => GeneStatus::Approved,
                keys::GENE_WITHDRAWN => GeneStatus::Withdrawn,
                _ => GeneStatus::EntryWithdrawn,
            },
            protein_coding: flags & keys::GENE_PROTEIN_CODING != 0,
            phenotype_only: flags & keys::GENE_PHENOTYPE_ONLY != 0,
            mitochondrial: flags & keys::GENE_MITOCHONDRIAL != 0,
            ncbi_gene: (ncbi != 0).then_some(ncbi),
        }
    }

    /// The approved genes a symbol's entry stands for today: itself when approved, what a
    /// withdrawn symbol was merged into (followed through later withdrawals), none for a
    /// withdrawn entry.
    pub fn current_genes(&self, id: GeneId) -> Vec<GeneId> {
        if self.gene_facts(id).status == GeneStatus::Approved {
            return vec![id];
        }
        let mut current = Vec::new();
        let mut pending = vec![id];
        let mut seen = Vec::new();
        while let Some(id) = pending.pop() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
            match self.gene_facts(id).status {
                GeneStatus::Approved => current.push(id),
                GeneStatus::Withdrawn => pending.extend(self.merged_into(id)),
                GeneStatus::EntryWithdrawn => {}
            }
        }
        current.sort();
        current.dedup();
        current
    }

    /// The rows a withdrawn symbol was merged into.
    fn merged_into(&self, id: GeneId) -> impl Iterator<Item = GeneId> + '_ {
        let start = keys::u32_at(self.gene_merged_starts, id.0 as usize) as usize;
        let end = keys::u32_at(self.gene_merged_starts, id.0 as usize + 1) as usize;
        (start..end).map(|i| GeneId(keys::u32_at(self.gene_merged, i)))
    }

    /// The approved gene whose symbol is exactly `symbol` (not a spelling biolint generated
    /// from it: `MTTL1` is MT-TL1's previous symbol, not its approved one).
    pub fn approved_gene(&self, symbol: &str) -> Option<GeneId> {
        self.lookup(symbol)
            .find(|e| {
                e.source == Source::GeneSymbol
                    && e.flags & keys::FLAG_GENERATED_SPELLING == 0
                    && self.form(*e) == symbol
            })
            .map(|e| GeneId(e.record))
    }

    pub fn mesh(&self, id: MeshId) -> MeshRecord {
        let mut fields = self.mesh_table(id.supplementary).row(id.row as usize).split('\t');
        let mut next = || fields.next().unwrap_or("");
        MeshRecord {
            id,
            mesh_id: next(),
            category: match next() {
                "disease" => MeshCategory::Disease,
                "chemical" => MeshCategory::Chemical,
                _ => MeshCategory::Protein,
            },
            name: next(),
            trees_or_mapped: next(),
        }
    }

    /// Every MeSH descriptor biolint keeps, in ID order (the language server names tree
    /// categories from them).
    pub fn mesh_descriptors(&self) -> impl Iterator<Item = MeshRecord> + '_ {
        (0..self.mesh_descriptors.len())
            .map(|row| self.mesh(MeshId { supplementary: false, row: row as u32 }))
    }

    fn mesh_table(&self, supplementary: bool) -> &Table {
        if supplementary { &self.mesh_supplementary } else { &self.mesh_descriptors }
    }

    /// The MeSH record with this ID (`D007888`, `C036619`), if biolint keeps it.
    pub fn mesh_by_id(&self, mesh_id: &str) -> Option<MeshId> {
        let supplementary = mesh_id.starts_with('C');
        self.mesh_table(supplementary)
            .binary_search_by(0, |id| id.cmp(mesh_id))
            .map(|row| MeshId { supplementary, row: row as u32 })
    }

    pub fn species(&self, id: SpeciesId) -> Species {
        let row = id.0 as usize;
        Species {
            id,
            taxon_id: self.species.field(row, 0),
            scientific_name: self.species.field(row, 1),
        }
    }

    /// The ClinVar record of a variant, by its normalised description
    /// (`NC_012920.1:m.3243A>G`), when ClinVar has exactly that variant.
    pub fn clinvar(&self, normalized: &str) -> Option<ClinvarRecord> {
        static INDEX: std::sync::OnceLock<std::collections::HashMap<String, usize>> =
            std::sync::OnceLock::new();
        let index = INDEX.get_or_init(|| {
            (0..self.clinvar.len())
                .filter_map(|row| {
                    let name = self.clinvar.field(row, 0);
                    let variant = crate::variant::parse(name).ok()?;
                    Some((variant.normalized(), row))
                })
                .collect()
        });
        let row = *index.get(normalized)?;
        let t = &self.clinvar;
        Some(ClinvarRecord {
            name: t.field(row, 0),
            clinical_significance: t.field(row, 2),
            review_status: t.field(row, 3),
            condition: t.field(row, 4),
            accession: t.field(row, 5),
        })
    }

    pub fn variant_facts(&self, variant: &crate::variant::Variant) -> VariantFacts {
        let loci = variant.first_position().map(|p| self.mito_loci_at(p)).unwrap_or_default();
        let reference = variant
            .edits
            .first()
            .and_then(|edit| crate::variant::reference_bases(&edit.location, self.rcrs));
        VariantFacts { loci, reference, clinvar: self.clinvar(&variant.normalized()) }
    }

    /// The ClinVar names of every record, with their row order (for tests and measurements).
    pub fn clinvar_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.clinvar.len()).map(|row| self.clinvar.field(row, 0))
    }

    /// The mtDNA loci that contain `position`, genes first.
    pub fn mito_loci_at(&self, position: u32) -> Vec<MitoLocus> {
        let all = self
            .mt_loci_parsed
            .get_or_init(|| (0..self.mt_loci.len()).map(|row| self.mito_locus(row)).collect());
        let mut loci: Vec<MitoLocus> =
            all.iter().filter(|l| l.contains(position)).copied().collect();
        loci.sort_by_key(|l| !l.is_gene());
        loci
    }

    fn mito_locus(&self, row: usize) -> MitoLocus {
        let t = &self.mt_loci;
        MitoLocus {
            name: t.field(row, 0),
            start: t.field(row, 1).parse().unwrap_or(0),
            end: t.field(row, 2).parse().unwrap_or(0),
            shorthand: t.field(row, 3),
            description: t.field(row, 4),
            ncbi_gene: non_empty(t.field(row, 5)),
        }
    }
}
