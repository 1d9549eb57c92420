//! The embedded dictionaries: HGNC genes, MeSH diseases and chemicals, curated species, disease
//! acronyms and non-gene terms, mouse and rat symbols, and the mitochondrial genome.
//!
//! Everything here is built by `build.rs` from the TSV files in `dictionaries/` and embedded in
//! the binary. Nothing is parsed or copied at start-up: the trie, the entry tables and the TSV
//! rows are read in place, so the first lookup costs what every other lookup costs.

mod authority;
pub mod folded;
pub mod keys;
mod records;
mod table;
mod trie;
pub mod user;

use std::sync::LazyLock;

pub use trie::Node;
use trie::Trie;

pub use authority::{Authority, ModelGene, ModelName};
pub use keys::{Entry, Source};
pub use records::{
    ClinvarRecord, Gene, GeneId, GeneStatus, MeshCategory, MeshId, MeshRecord, MitoLocus, Species,
    SpeciesId, VariantFacts,
};
pub use table::Table;

/// A file build.rs wrote into `OUT_DIR`.
macro_rules! embedded {
    ($file:expr) => {
        include_bytes!(concat!(env!("OUT_DIR"), "/", $file))
    };
}

/// A TSV file of `dictionaries/` with the row offsets build.rs computed for it.
macro_rules! embedded_table {
    ($name:literal, $file:literal) => {
        Table::new(
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../dictionaries/", $file)),
            include_bytes!(concat!(env!("OUT_DIR"), "/", $name, ".rows")),
        )
    };
}

/// The dictionaries compiled into biolint.
pub struct Dictionary {
    terms: Trie,
    entry_starts: &'static [u8],
    entries: &'static [u8],
    forms: &'static [u8],
    pub(crate) genes: Table,
    pub(crate) mesh_descriptors: Table,
    pub(crate) mesh_supplementary: Table,
    pub(crate) species: Table,
    pub(crate) not_genes: Table,
    english_words: Table,
    /// 8 bytes per HGNC row: status, flags, NCBI Gene ID (see build.rs).
    gene_facts: &'static [u8],
    gene_merged_starts: &'static [u8],
    gene_merged: &'static [u8],
    /// MGI's and RGD's gene tables, and their symbols and synonyms, exact case (see build.rs
    /// `write_model_names`).
    mgi: Table,
    rgd: Table,
    mouse_names: Trie,
    rat_names: Trie,
    pub(crate) mt_loci: Table,
    /// `mt_loci` read into records on first use (77 rows, asked about for every variant).
    mt_loci_parsed: std::sync::OnceLock<Vec<MitoLocus>>,
    pub(crate) clinvar: Table,
    /// The rCRS, NC_012920.1: position p is `rcrs[p - 1]`.
    pub rcrs: &'static [u8],
}

/// A term of the dictionaries, as found by a walk of the term trie.
#[derive(Clone, Copy, Debug)]
pub struct Term(u32);

impl Term {
    /// Whether some entry of the term may match text without capitals or digits
    /// ([`Entry::may_match_lowercase`]): when not, such text need not be checked entry by entry.
    pub fn matches_lowercase(self) -> bool {
        keys::term_matches_lowercase(self.0)
    }
}

static EMBEDDED: LazyLock<Dictionary> = LazyLock::new(|| Dictionary {
    terms: Trie::new(embedded!("trie.bin")),
    entry_starts: embedded!("entry_starts.bin"),
    entries: embedded!("entries.bin"),
    forms: embedded!("forms.bin"),
    genes: embedded_table!("genes", "hgnc_genes.tsv"),
    mesh_descriptors: embedded_table!("mesh_descriptors", "mesh_descriptors.tsv"),
    mesh_supplementary: embedded_table!("mesh_supplementary", "mesh_supplementary.tsv"),
    species: embedded_table!("species", "curated/species.tsv"),
    not_genes: embedded_table!("not_genes", "curated/not_genes.tsv"),
    english_words: embedded_table!("english_words", "curated/english_words.tsv"),
    gene_facts: embedded!("gene_facts.bin"),
    gene_merged_starts: embedded!("gene_merged_starts.bin"),
    gene_merged: embedded!("gene_merged.bin"),
    mgi: embedded_table!("mgi", "mgi_genes.tsv"),
    rgd: embedded_table!("rgd", "rgd_genes.tsv"),
    mouse_names: Trie::new(embedded!("mouse_names.bin")),
    rat_names: Trie::new(embedded!("rat_names.bin")),
    mt_loci: embedded_table!("mt_loci", "mt_loci.tsv"),
    mt_loci_parsed: std::sync::OnceLock::new(),
    clinvar: embedded_table!("clinvar", "clinvar_mt.tsv"),
    rcrs: embedded!("rcrs.bin"),
});

impl Dictionary {
    /// The embedded dictionaries (built on first use, in well under a millisecond).
    pub fn embedded() -> &'static Dictionary {
        &EMBEDDED
    }

    /// The node of the term trie reached from `node` by the folded text `folded` (see
    /// [`keys::fold`]), if some term begins that way.
    pub fn walk(&self, node: Node, folded: &[u8]) -> Option<Node> {
        self.terms.walk(node, folded)
    }

    /// The term that ends at `node`, if one does.
    pub fn term_at(&self, node: Node) -> Option<Term> {
        self.terms.value(node).map(Term)
    }

    /// Every term that continues from `node` along a prefix of the folded text `folded`,
    /// shortest first, with how many bytes of `folded` it took.
    pub fn terms_along<'a>(
        &'a self,
        node: Node,
        folded: &'a [u8],
    ) -> impl Iterator<Item = (usize, Term)> + 'a {
        self.terms.keys_along(node, folded).map(|(length, value)| (length, Term(value)))
    }

    /// The term `term` (any case, any hyphenation), if the dictionaries have it.
    pub fn term(&self, term: &str) -> Option<Term> {
        self.terms.get(keys::fold(term).as_bytes()).map(Term)
    }

    /// Every entry of the term `term` (any case, any hyphenation).
    pub fn lookup(&self, term: &str) -> impl Iterator<Item = Entry> + '_ {
        self.term(term).into_iter().flat_map(|term| self.entries(term))
    }

    /// What a term stands for. The entries are read only when iterated, so a caller can skip a
    /// term it has no use for without touching the entry tables (large, and seldom in cache).
    pub fn entries(&self, term: Term) -> impl Iterator<Item = Entry> + '_ {
        let index = keys::term_index(term.0);
        let start = keys::u32_at(self.entry_starts, index) as usize;
        let end = keys::u32_at(self.entry_starts, index + 1) as usize;
        (start..end)
            .map(|i| Entry::decode(&self.entries[i * keys::ENTRY_SIZE..(i + 1) * keys::ENTRY_SIZE]))
    }

    /// The spelling an entry was made from, e.g. `IL-1beta` for an entry of IL1B.
    pub fn form(&self, entry: Entry) -> &'static str {
        keys::form_at(self.forms, entry.form)
    }

    /// Whether `word` (lower case) is an ordinary English word that is also some gene symbol.
    pub fn is_english_word(&self, word: &str) -> bool {
        self.english_words.binary_search_by(0, |w| w.cmp(word)).is_some()
    }

    /// Whether `symbol` is, with exactly this case, a mouse (MGI) gene symbol or synonym.
    pub fn is_mouse_symbol(&self, symbol: &str) -> bool {
        self.model_name(Authority::Mgi, symbol).is_some()
    }

    /// Whether `symbol` is, with exactly this case, a rat (RGD) gene symbol or synonym.
    pub fn is_rat_symbol(&self, symbol: &str) -> bool {
        self.model_name(Authority::Rgd, symbol).is_some()
    }

    /// What `written`, with exactly this case, is for the model organism's authority (MGI or
    /// RGD): a gene's symbol, one gene's synonym, or a synonym of several genes.
    pub fn model_name(&self, authority: Authority, written: &str) -> Option<ModelName> {
        let (names, table) = match authority {
            Authority::Mgi => (&self.mouse_names, &self.mgi),
            Authority::Rgd => (&self.rat_names, &self.rgd),
            Authority::Hgnc => return None,
        };
        let value = names.get(written.as_bytes())?;
        let mut fields = table.row((value / 4) as usize).split('\t');
        let gene = ModelGene {
            authority,
            number: fields.next().unwrap_or(""),
            symbol: fields.next().unwrap_or(""),
        };
        Some(match value % 4 {
            0 => ModelName::Symbol(gene),
            1 => ModelName::Synonym(gene),
            _ => ModelName::AmbiguousSynonym,
        })
    }

    /// Every HGNC entry, approved or withdrawn.
    pub fn genes(&self) -> impl Iterator<Item = Gene> + '_ {
        (0..self.genes.len() as u32).map(|i| self.gene(GeneId(i)))
    }

    /// Number of rows of each table, for `biolint dict stats` and tests.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("HGNC genes (all statuses)", self.genes.len()),
            ("MeSH descriptors", self.mesh_descriptors.len()),
            ("MeSH supplementary concepts", self.mesh_supplementary.len()),
            ("species", self.species.len()),
            ("non-gene terms", self.not_genes.len()),
            ("mtDNA loci", self.mt_loci.len()),
            ("ClinVar chrM variants", self.clinvar.len()),
            ("folded terms", self.entry_starts.len() / 4 - 1),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_tries_are_valid() {
        assert!(yada::DoubleArray::new(&embedded!("trie.bin")[..]).is_ok());
        assert!(yada::DoubleArray::new(&embedded!("mouse_names.bin")[..]).is_ok());
        assert!(yada::DoubleArray::new(&embedded!("rat_names.bin")[..]).is_ok());
    }

    #[test]
    fn looking_up_masked_text_finds_nothing() {
        assert_eq!(Dictionary::embedded().lookup("\0\0x").count(), 0);
    }

    #[test]
    fn mouse_and_rat_symbols_are_case_sensitive() {
        let d = Dictionary::embedded();
        assert!(d.is_mouse_symbol("Pink1"));
        assert!(!d.is_mouse_symbol("PINK1"));
        assert!(d.is_rat_symbol("Pink1"));
    }

    #[test]
    fn model_names_tell_symbols_from_synonyms() {
        let d = Dictionary::embedded();
        let Some(ModelName::Symbol(sirt1)) = d.model_name(Authority::Mgi, "Sirt1") else {
            panic!("Sirt1 is an MGI symbol")
        };
        assert_eq!((sirt1.symbol, sirt1.authority), ("Sirt1", Authority::Mgi));
        assert!(sirt1.id().starts_with("MGI:"));
        let Some(ModelName::Synonym(mid1ip1)) = d.model_name(Authority::Mgi, "Mig12") else {
            panic!("Mig12 is an MGI synonym")
        };
        assert_eq!(mid1ip1.symbol, "Mid1ip1");
        assert_eq!(d.model_name(Authority::Mgi, "SirT1"), None);
        assert!(matches!(d.model_name(Authority::Rgd, "Sirt1"), Some(ModelName::Symbol(_))));
        assert_eq!(d.model_name(Authority::Hgnc, "SIRT1"), None);
    }

    #[test]
    fn rcrs_has_the_reference_length_and_known_bases() {
        let rcrs = Dictionary::embedded().rcrs;
        assert_eq!(rcrs.len(), 16_569);
        assert_eq!(rcrs[3243 - 1], b'A');
        assert_eq!(rcrs[11778 - 1], b'G');
        assert_eq!(rcrs[3107 - 1], b'N');
    }

    #[test]
    fn lookup_finds_symbols_names_and_terms() {
        let d = Dictionary::embedded();
        let sources = |t: &str| d.lookup(t).map(|e| e.source).collect::<Vec<_>>();
        assert!(sources("PINK1").contains(&Source::GeneSymbol));
        assert!(sources("PARK2").contains(&Source::GenePrevious));
        assert!(sources("IL-6").contains(&Source::GeneSymbol));
        assert!(sources("Leigh syndrome").contains(&Source::MeshDescriptor));
        assert!(sources("idebenone").contains(&Source::MeshSupplementary));
        assert!(sources("no such term at all").is_empty());
    }
}
