//! Builds the embedded match tables from the text dictionaries in `dictionaries/`.
//!
//! Every term of every dictionary is folded (see `src/dictionary/keys.rs`) and stored in one
//! double-array trie whose value points at the list of entries (source table, row, spelling) the
//! folded term stands for. The trie and the tables are written to `OUT_DIR` and embedded with
//! `include_bytes!`, and are used in place, without any load step: that is what keeps start-up
//! at a few milliseconds with ~500,000 terms.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

#[path = "src/dictionary/keys.rs"]
#[allow(dead_code)]
mod keys;

use keys::{
    Entry, FLAG_DISEASE, FLAG_EXACT_CASE, FLAG_GENERATED_SPELLING, FLAG_NOT_REPORTED, Source, fold,
    is_acronym, mesh_spellings, symbol_spellings,
};

/// The tables whose rows entries point into, with the file they are read from.
const TABLES: &[(&str, &str)] = &[
    ("genes", "hgnc_genes.tsv"),
    ("mesh_descriptors", "mesh_descriptors.tsv"),
    ("mesh_supplementary", "mesh_supplementary.tsv"),
    ("mesh_human_proteins", "mesh_human_proteins.tsv"),
    ("disease_acronyms", "curated/disease_acronyms.tsv"),
    ("species", "curated/species.tsv"),
    ("not_genes", "curated/not_genes.tsv"),
    ("english_words", "curated/english_words.tsv"),
    ("too_general", "curated/too_general.tsv"),
    ("mesh_synonyms", "curated/mesh_synonyms.tsv"),
    ("mt_loci", "mt_loci.tsv"),
    ("clinvar", "clinvar_mt.tsv"),
    ("mgi", "mgi_genes.tsv"),
    ("rgd", "rgd_genes.tsv"),
];

fn main() {
    // The dictionaries sit at the top of the repository, beside the crates that use them.
    let dictionaries = &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dictionaries");
    println!("cargo::rerun-if-changed=../../dictionaries");
    println!("cargo::rerun-if-changed=src/dictionary/keys.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));

    let mut tables = HashMap::new();
    for (name, file) in TABLES {
        let text = read(&dictionaries.join(file));
        write(&out.join(format!("{name}.rows")), &row_starts(&text));
        tables.insert(*name, text);
    }

    let english: HashSet<&str> = rows(&tables["english_words"]).map(|r| r[0]).collect();
    let too_general: HashSet<String> = rows(&tables["too_general"]).map(|r| fold(r[0])).collect();
    let mut builder = Builder::default();
    let families =
        family_names(&tables["genes"], &tables["mesh_human_proteins"], &tables["mesh_descriptors"]);
    add_genes(&mut builder, &tables["genes"], &english, &families);
    add_mesh_protein_names(
        &mut builder,
        &tables["genes"],
        &tables["mesh_human_proteins"],
        &english,
        &families,
    );
    add_mesh(&mut builder, &tables["mesh_descriptors"], Source::MeshDescriptor, &too_general);
    add_mesh(&mut builder, &tables["mesh_supplementary"], Source::MeshSupplementary, &too_general);
    // A curated disease acronym (`LHON`) is one more term of its MeSH record.
    let mesh_rows = mesh_rows(&tables["mesh_descriptors"], &tables["mesh_supplementary"]);
    for row in rows(&tables["disease_acronyms"]) {
        let (source, record, flags) = *mesh_rows
            .get(row[1])
            .unwrap_or_else(|| panic!("disease_acronyms.tsv: {} is no kept MeSH record", row[1]));
        builder.add(row[0], source, flags | FLAG_EXACT_CASE, record, row[0]);
    }
    // Curated synonyms MeSH (as packaged) lacks. One with a capital after its first character
    // (`cAMP`, `CCl4`) matches only in its own case, so as not to match genes (CAMP, CCL4).
    for row in rows(&tables["mesh_synonyms"]) {
        let (source, record, flags) = *mesh_rows
            .get(row[1])
            .unwrap_or_else(|| panic!("mesh_synonyms.tsv: {} is no kept MeSH record", row[1]));
        let inner_capital = row[0].chars().skip(1).any(char::is_uppercase);
        let case = if inner_capital || is_acronym(row[0]) { FLAG_EXACT_CASE } else { 0 };
        builder.add(row[0], source, flags | case, record, row[0]);
    }
    for (record, row) in rows(&tables["species"]).enumerate() {
        for term in list(row[2]) {
            // Names with a capital (`Homo sapiens`, `C. elegans`) are case-sensitive; common
            // names (`mice`) are not.
            let flags = if term.chars().any(char::is_uppercase) { FLAG_EXACT_CASE } else { 0 };
            builder.add(term, Source::Species, flags, record, term);
        }
    }
    for (record, row) in rows(&tables["not_genes"]).enumerate() {
        builder.add(row[0], Source::NotGene, FLAG_EXACT_CASE, record, row[0]);
    }
    builder.write(&out);
    write_model_names(&tables["mgi"], &out.join("mouse_names.bin"));
    write_model_names(&tables["rgd"], &out.join("rat_names.bin"));
    write_gene_facts(&tables["genes"], &out);

    // The rCRS without its FASTA header and line breaks: position p is byte p - 1.
    let fasta = read(&dictionaries.join("rcrs.fasta"));
    let sequence: Vec<u8> = fasta.lines().skip(1).flat_map(|l| l.trim().bytes()).collect();
    assert_eq!(sequence.len(), 16_569, "rcrs.fasta must hold the 16,569 bases of NC_012920.1");
    write(&out.join("rcrs.bin"), &sequence);
}

/// The symbols and synonyms of a model organism's genes (MGI's or RGD's table), exact case, in a
/// trie of their own: the value is the gene's row times 4, plus 0 for its symbol, 1 for a
/// synonym of this gene alone, 2 for a synonym of several genes (the first one's row). A symbol
/// of one gene that is another's synonym is the symbol.
fn write_model_names(table: &str, out: &Path) {
    let mut names: BTreeMap<&str, u32> = BTreeMap::new();
    for (row, fields) in rows(table).enumerate() {
        let row = row as u32;
        names.insert(fields[1], row * 4);
        for synonym in list(fields[2]).filter(|s| !s.contains('\0')) {
            let value = names.entry(synonym).or_insert(row * 4 + 1);
            let symbol = value.is_multiple_of(4);
            if !symbol && *value / 4 != row {
                *value = *value / 4 * 4 + 2;
            }
        }
    }
    let keys: Vec<(&[u8], u32)> = names.iter().map(|(k, v)| (k.as_bytes(), *v)).collect();
    let trie = yada::builder::DoubleArrayBuilder::build(&keys).expect("trie builds");
    write(out, &trie);
}

/// What deciding between genes needs, without parsing rows: per HGNC row, 8 bytes (status,
/// flags, two spare bytes, NCBI Gene ID or 0); and, for withdrawn symbols, the rows they were
/// merged into (`u32` offsets per row, then the rows).
fn write_gene_facts(genes: &str, out: &Path) {
    let rows: Vec<Vec<&str>> = rows(genes).collect();
    let row_of: HashMap<&str, u32> =
        rows.iter().enumerate().map(|(i, r)| (r[0], i as u32)).collect();
    let mut facts = Vec::with_capacity(rows.len() * 8);
    let mut merged_starts = Vec::new();
    let mut merged = Vec::new();
    for row in &rows {
        let status = match row[2] {
            "approved" => keys::GENE_APPROVED,
            "withdrawn" => keys::GENE_WITHDRAWN,
            _ => keys::GENE_ENTRY_WITHDRAWN,
        };
        let mut flags = 0;
        if row[5] == "gene with protein product" {
            flags |= keys::GENE_PROTEIN_CODING;
        }
        if row[5] == "phenotype only" {
            flags |= keys::GENE_PHENOTYPE_ONLY;
        }
        if row[1].starts_with("MT-") {
            flags |= keys::GENE_MITOCHONDRIAL;
        }
        facts.extend_from_slice(&[status, flags, 0, 0]);
        facts.extend_from_slice(&row[4].parse::<u32>().unwrap_or(0).to_le_bytes());
        merged_starts.extend_from_slice(&((merged.len() / 4) as u32).to_le_bytes());
        for target in list(row[8]) {
            if let Some(&target_row) = row_of.get(target) {
                merged.extend_from_slice(&target_row.to_le_bytes());
            }
        }
    }
    merged_starts.extend_from_slice(&((merged.len() / 4) as u32).to_le_bytes());
    write(&out.join("gene_facts.bin"), &facts);
    write(&out.join("gene_merged_starts.bin"), &merged_starts);
    write(&out.join("gene_merged.bin"), &merged);
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The data rows of a TSV file (the header skipped), split into fields.
fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines().skip(1).map(|l| l.split('\t').collect())
}

fn list(field: &str) -> impl Iterator<Item = &str> {
    field.split('|').filter(|s| !s.is_empty())
}

/// Byte offset of each data row, as little-endian `u32`s, then the text length.
fn row_starts(text: &str) -> Vec<u8> {
    let mut starts = Vec::new();
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if i > 0 {
            starts.extend_from_slice(&(offset as u32).to_le_bytes());
        }
        offset += line.len();
    }
    starts.extend_from_slice(&(text.len() as u32).to_le_bytes());
    starts
}

/// Aliases and previous symbols that name a family: HGNC or MeSH qualify them with Greek
/// letters for two genes or more (`PKCalpha`, `PKC-beta`; `PI3Kdelta`, `PI3Kgamma`;
/// `AMPK alpha1`, `AMPK beta1`), or MeSH names two protein descriptors or more as its subunits
/// (`NF-kappa B p50`, `NF-kappa B p65`; `TNF-R p55`, `TNF-R p75`), so the bare form (`PKC`,
/// `PI3K`, `AMPK`, `NF-kappaB`, `TNF-R`) means the family or complex, not the one gene HGNC
/// happens to list it under. (A number after a name is no such sign: `Somatostatin-28` and
/// `Neurofibromin 2` leave somatostatin and neurofibromin one gene's.) They are left out of the match tables: a mention is no gene, and
/// no finding suggests replacing it with one.
fn family_names<'a>(genes: &'a str, proteins: &'a str, descriptors: &str) -> HashSet<&'a str> {
    const GREEK: &[&str] = &[
        "epsilon", "upsilon", "lambda", "omicron", "alpha", "gamma", "delta", "theta", "kappa",
        "sigma", "omega", "beta", "zeta", "iota", "α", "β", "γ", "δ", "ε", "ζ", "η", "θ", "ι", "κ",
        "λ", "μ", "ν", "ξ", "π", "ρ", "σ", "τ", "υ", "φ", "χ", "ψ", "ω",
    ];
    // Every alias, previous symbol and MeSH protein name, with the approved symbols it belongs to.
    let mut forms: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    let mut approved: HashSet<&str> = HashSet::new();
    for row in rows(genes).filter(|r| r[2] == "approved") {
        approved.insert(row[1]);
        for form in list(row[6]).chain(list(row[7])) {
            forms.entry(form).or_default().insert(row[1]);
        }
    }
    for row in rows(proteins) {
        for form in list(row[2]) {
            forms.entry(form).or_default().insert(row[0]);
        }
    }
    // "PKC" → every gene with a form "PKC" + Greek letter + anything alphanumeric.
    let mut members: HashMap<&str, BTreeSet<&str>> = HashMap::new();
    for (form, genes) in &forms {
        for (i, _) in form.char_indices().skip(1) {
            let stem = &form[..i];
            let rest = form[i..].strip_prefix(['-', ' ']).unwrap_or(&form[i..]);
            let lower = rest.to_lowercase();
            let qualified = GREEK.iter().any(|g| {
                lower.starts_with(g) && lower[g.len()..].chars().all(|c| c.is_ascii_alphanumeric())
            });
            if qualified && forms.contains_key(stem) && !approved.contains(stem) {
                members.entry(stem).or_default().extend(genes);
            }
        }
    }
    let mut families: HashSet<&str> =
        members.into_iter().filter(|(_, genes)| genes.len() >= 2).map(|(stem, _)| stem).collect();
    let complexes = mesh_complexes(descriptors);
    families.extend(forms.keys().filter(|form| complexes.contains(&family_key(form))));
    families
}

/// The names, as [`family_key`]s, that MeSH gives two protein descriptors or more with a
/// subunit after them: a molecular weight (`NF-kappa B p50`, `NF-kappa B p65`) or the word
/// (`Interleukin-12 Subunit p35`).
fn mesh_complexes(descriptors: &str) -> HashSet<String> {
    let mut members: HashMap<String, HashSet<&str>> = HashMap::new();
    for row in rows(descriptors) {
        // Proteins (D12.776) and enzymes (D08.811).
        if !list(row[3]).any(|tree| tree.starts_with("D12.776") || tree.starts_with("D08.811")) {
            continue;
        }
        for term in list(row[4]) {
            let Some((stem, member)) = term.rsplit_once([' ', '-']) else { continue };
            let weight = member.strip_prefix('p').is_some_and(|n| {
                (2..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
            });
            if weight || stem.to_lowercase().ends_with(" subunit") {
                let stem = stem.trim_end_matches(" Subunit").trim_end_matches(" subunit");
                members.entry(family_key(stem)).or_default().insert(row[0]);
            }
        }
    }
    members.into_iter().filter(|(_, ids)| ids.len() >= 2).map(|(key, _)| key).collect()
}

/// A name folded (case, hyphens, Greek letters spelt out) and without its spaces:
/// `NF-kappaB`, `NF-κB` and `NF-kappa B` are one.
fn family_key(name: &str) -> String {
    fold(name).replace(' ', "")
}

fn add_genes(
    builder: &mut Builder,
    table: &str,
    english: &HashSet<&str>,
    families: &HashSet<&str>,
) {
    for (record, row) in rows(table).enumerate() {
        let (symbol, status, name, aliases, previous) = (row[1], row[2], row[3], row[6], row[7]);
        if status != "approved" {
            builder.add_symbol(symbol, Source::GeneWithdrawn, record);
            continue;
        }
        builder.add_symbol(symbol, Source::GeneSymbol, record);
        for alias in list(aliases).filter(|a| !families.contains(a)) {
            if alias.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
                builder.add_symbol(alias, Source::GeneAlias, record);
            } else if is_protein_name(alias, english) {
                // A lower-case alias is a protein name ("parkin", "survivin"): matched like the
                // approved name, in any case.
                builder.add_name(alias, record);
            }
        }
        for old in list(previous).filter(|p| !families.contains(p)) {
            builder.add_symbol(old, Source::GenePrevious, record);
        }
        if name.chars().count() >= 4 {
            builder.add_name(name, record);
        }
    }
}

/// The flags that say a MeSH record's category (see `keys::FLAG_DISEASE`).
fn category_flags(category: &str) -> u8 {
    match category {
        "disease" => FLAG_DISEASE,
        "protein" | "class" => FLAG_NOT_REPORTED,
        _ => 0,
    }
}

/// MeSH ID → (source, row, category flags), for the curated tables that refer to MeSH records.
fn mesh_rows<'a>(
    descriptors: &'a str,
    supplementary: &'a str,
) -> HashMap<&'a str, (Source, usize, u8)> {
    let mut ids = HashMap::new();
    for (table, source) in
        [(descriptors, Source::MeshDescriptor), (supplementary, Source::MeshSupplementary)]
    {
        for (record, row) in rows(table).enumerate() {
            ids.insert(row[0], (source, record, category_flags(row[1])));
        }
    }
    ids
}

/// MeSH terms, without the ones too general to report (`disease`, `drug`), and with the
/// spellings authors use for MeSH's "Neoplasms".
/// Whether a lower-case alias reads as a protein name rather than an English word ("solo") or
/// a lower-cased acronym ("gep", "umat"): six letters or more, or a protein-like ending.
fn is_protein_name(alias: &str, english: &HashSet<&str>) -> bool {
    let shaped = alias.chars().count() >= 6 || ["in", "ase"].iter().any(|s| alias.ends_with(s));
    shaped && !english.contains(alias)
}

fn add_mesh(builder: &mut Builder, table: &str, source: Source, too_general: &HashSet<String>) {
    for (record, row) in rows(table).enumerate() {
        let disease = row[1] == "disease";
        let category = category_flags(row[1]);
        for term in list(row[4]) {
            let spellings = mesh_spellings(term, disease);
            for (i, spelling) in spellings.iter().enumerate() {
                if too_general.contains(&fold(spelling)) {
                    continue;
                }
                let mut flags = category | if is_acronym(spelling) { FLAG_EXACT_CASE } else { 0 };
                if i > 0 {
                    flags |= FLAG_GENERATED_SPELLING;
                }
                builder.add(spelling, source, flags, record, spelling);
            }
        }
    }
}

/// The names MeSH gives human proteins, as entries of the genes they belong to.
fn add_mesh_protein_names(
    builder: &mut Builder,
    genes: &str,
    proteins: &str,
    english: &HashSet<&str>,
    families: &HashSet<&str>,
) {
    let record_of: HashMap<&str, usize> = rows(genes)
        .enumerate()
        .filter(|(_, r)| r[2] == "approved")
        .map(|(i, r)| (r[1], i))
        .collect();
    for row in rows(proteins) {
        let Some(&record) = record_of.get(row[0]) else { continue };
        for term in list(row[2]) {
            if !english.contains(term.to_lowercase().as_str()) && !families.contains(term) {
                builder.add(term, Source::GeneMeshName, 0, record, term);
            }
        }
    }
}

#[derive(Default)]
struct Builder {
    /// Folded term → what it stands for.
    patterns: BTreeMap<String, BTreeSet<Entry>>,
    /// Each spelling once, as a length byte and the bytes.
    forms: Vec<u8>,
    form_offsets: HashMap<String, u32>,
}

impl Builder {
    fn add(&mut self, term: &str, source: Source, flags: u8, record: usize, form: &str) {
        let key = fold(term);
        // One-character terms are noise; terms with a byte the trie cannot hold are skipped.
        if key.chars().count() < 2 || key.contains('\0') {
            return;
        }
        let form = self.form(form);
        let entry = Entry { source, flags, record: record as u32, form };
        self.patterns.entry(key).or_default().insert(entry);
    }

    fn add_symbol(&mut self, symbol: &str, source: Source, record: usize) {
        for (i, spelling) in symbol_spellings(symbol).iter().enumerate() {
            let flags = if i == 0 { 0 } else { FLAG_GENERATED_SPELLING };
            self.add(spelling, source, flags, record, spelling);
        }
    }

    fn add_name(&mut self, name: &str, record: usize) {
        self.add(name, Source::GeneName, 0, record, name);
    }

    fn form(&mut self, form: &str) -> u32 {
        if let Some(&offset) = self.form_offsets.get(form) {
            return offset;
        }
        let offset = self.forms.len() as u32;
        // Forms longer than 255 bytes are cut; they are only compared with short symbols.
        let bytes = &form.as_bytes()[..form.len().min(255)];
        self.forms.push(bytes.len() as u8);
        self.forms.extend_from_slice(bytes);
        self.form_offsets.insert(form.to_owned(), offset);
        offset
    }

    fn write(self, out: &Path) {
        let mut keys: Vec<(&[u8], u32)> = Vec::with_capacity(self.patterns.len());
        let mut entry_starts = Vec::with_capacity(4 * (self.patterns.len() + 1));
        let mut entries = Vec::new();
        let mut count = 0u32;
        for (i, (key, set)) in self.patterns.iter().enumerate() {
            let lowercase =
                set.iter().any(|e| e.may_match_lowercase(keys::form_at(&self.forms, e.form)));
            keys.push((key.as_bytes(), keys::term_value(i, lowercase)));
            entry_starts.extend_from_slice(&count.to_le_bytes());
            for entry in set {
                entry.encode(&mut entries);
                count += 1;
            }
        }
        entry_starts.extend_from_slice(&count.to_le_bytes());
        let trie = yada::builder::DoubleArrayBuilder::build(&keys).expect("trie builds");
        write(&out.join("trie.bin"), &trie);
        write(&out.join("entry_starts.bin"), &entry_starts);
        write(&out.join("entries.bin"), &entries);
        write(&out.join("forms.bin"), &self.forms);
    }
}
