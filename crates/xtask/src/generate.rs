//! `cargo xtask dictionaries`: cuts the upstream data in `../shared/data` down to the compact TSV files
//! committed in `dictionaries/`.
//!
//! The generated files are the only dictionary input of the build (biolint-core's `build.rs` reads them), so a
//! clone builds without the upstream data. They are plain sorted text so that a data update is a
//! readable diff. A test (`tests/dictionaries.rs`) regenerates them and compares byte for byte.
//!
//! What is kept, and why, is documented in `dictionaries/README.md`; keep the two in step.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// The files this generator writes, relative to the output directory.
pub const GENERATED_FILES: &[&str] = &[
    "hgnc_genes.tsv",
    "mgi_genes.tsv",
    "rgd_genes.tsv",
    "mesh_descriptors.tsv",
    "mesh_supplementary.tsv",
    "mesh_human_proteins.tsv",
    "rcrs.fasta",
    "mt_loci.tsv",
    "clinvar_mt.tsv",
];

/// Longest MeSH term kept for matching, in characters: longer ones are systematic chemical names
/// that nobody types into a manuscript.
pub const MAX_TERM_CHARS: usize = 60;
/// Shortest MeSH term kept: one- and two-letter terms ("Ca", "NO") are mostly noise in prose.
pub const MIN_TERM_CHARS: usize = 3;

/// An error that names the file (and line) it comes from.
#[derive(Debug)]
pub struct GenerateError(pub String);

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GenerateError {}

type Result<T> = std::result::Result<T, GenerateError>;

/// Generated file name → contents.
pub type Generated = BTreeMap<&'static str, String>;

/// Reads the upstream files in `from` and returns every generated file's contents.
pub fn generate(from: &Path) -> Result<Generated> {
    let mut out = Generated::new();
    let hgnc = read_table(&from.join("hgnc_entries.tsv"))?;
    out.insert("hgnc_genes.tsv", hgnc_genes(&hgnc)?);
    out.insert(
        "mgi_genes.tsv",
        model_organism_genes(&read_table(&from.join("mgi_entries.tsv"))?, '|', "mgi_id")?,
    );
    out.insert(
        "rgd_genes.tsv",
        model_organism_genes(&read_table(&from.join("rgd_entries.tsv"))?, ';', "rgd_id")?,
    );
    let descriptors = read_headerless(&from.join("mesh_descriptors.tsv"), 5)?;
    let (descriptor_file, categories) = mesh_descriptors(&descriptors);
    out.insert("mesh_descriptors.tsv", descriptor_file);
    let supplementary = read_headerless(&from.join("mesh_supplementary.tsv"), 4)?;
    out.insert("mesh_supplementary.tsv", mesh_supplementary(&supplementary, &categories));
    out.insert(
        "mesh_human_proteins.tsv",
        mesh_human_proteins(&supplementary, &descriptors, &hgnc)?,
    );
    out.insert("rcrs.fasta", rcrs(&from.join("NC_012920.1.fasta"))?);
    out.insert("mt_loci.tsv", mt_loci(&read_table(&from.join("mt_genome_loci.tsv"))?, &hgnc)?);
    out.insert(
        "clinvar_mt.tsv",
        clinvar(&read_table(&from.join("clinvar_chrMT_snv_2022-05-25.tsv"))?)?,
    );
    Ok(out)
}

/// Writes the generated files into `to`, creating it if needed.
pub fn write(generated: &Generated, to: &Path) -> Result<()> {
    fs::create_dir_all(to).map_err(|e| GenerateError(format!("{}: {e}", to.display())))?;
    for (name, contents) in generated {
        let path = to.join(name);
        fs::write(&path, contents)
            .map_err(|e| GenerateError(format!("{}: {e}", path.display())))?;
    }
    Ok(())
}

/// A TSV file with a header row: rows as column-name → value maps are too slow for MeSH, so
/// this keeps rows as vectors and looks columns up by name once.
struct Table {
    path: PathBuf,
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn column(&self, name: &str) -> Result<usize> {
        self.header.iter().position(|h| h == name).ok_or_else(|| {
            GenerateError(format!("{}: no column named {name:?}", self.path.display()))
        })
    }
}

fn read_text(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|e| GenerateError(format!("{}: {e}", path.display())))
}

fn read_table(path: &Path) -> Result<Table> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .ok_or_else(|| GenerateError(format!("{}: empty file", path.display())))?
        .split('\t')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut row: Vec<String> = l.split('\t').map(str::to_owned).collect();
            row.resize(header.len().max(row.len()), String::new());
            row
        })
        .collect();
    Ok(Table { path: path.to_owned(), header, rows })
}

fn read_headerless(path: &Path, min_columns: usize) -> Result<Vec<Vec<String>>> {
    let text = read_text(path)?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.is_empty() {
            continue;
        }
        let row: Vec<String> = line.split('\t').map(str::to_owned).collect();
        if row.len() < min_columns {
            return Err(GenerateError(format!(
                "{}:{}: expected {min_columns} tab-separated columns, found {}",
                path.display(),
                i + 1,
                row.len()
            )));
        }
        rows.push(row);
    }
    Ok(rows)
}

/// Splits a multi-valued upstream field and drops empty items.
fn split_list(field: &str, separator: char) -> Vec<&str> {
    field.split(separator).map(str::trim).filter(|s| !s.is_empty()).collect()
}

/// TSV cells must not contain the separators this format uses.
fn clean(value: &str) -> String {
    value.replace(['\t', '\n', '\r'], " ").replace('|', "/")
}

fn hgnc_genes(table: &Table) -> Result<String> {
    let id = table.column("HGNC ID")?;
    let symbol = table.column("Approved symbol")?;
    let name = table.column("Approved name")?;
    let status = table.column("Status")?;
    let aliases = table.column("Alias symbols")?;
    let ncbi = table.column("NCBI Gene ID(supplied by NCBI)")?;
    let previous = table.column("Previous symbols")?;
    let locus = table.column("Locus type")?;
    let mut out = String::from(
        "hgnc_id\tsymbol\tstatus\tname\tncbi_gene\tlocus_type\taliases\tprevious_symbols\tmerged_into\n",
    );
    let mut rows: Vec<&Vec<String>> = table.rows.iter().collect();
    rows.sort_by_key(|r| hgnc_number(&r[id]));
    for row in rows {
        let (status_text, display_name, merged) = match row[status].as_str() {
            "Approved" => ("approved", clean(&row[name]), String::new()),
            // "symbol withdrawn, see [HGNC:12469](/data/...)": the entry was merged or renamed.
            "Symbol Withdrawn" => {
                let targets: Vec<String> = hgnc_references(&row[name]);
                ("withdrawn", String::new(), targets.join("|"))
            }
            "Entry Withdrawn" => ("entry-withdrawn", clean(&row[name]), String::new()),
            other => {
                return Err(GenerateError(format!(
                    "{}: unknown status {other:?} for {}",
                    table.path.display(),
                    row[id]
                )));
            }
        };
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            row[id],
            clean(&row[symbol]),
            status_text,
            display_name,
            row[ncbi].trim(),
            clean(&row[locus]),
            split_list(&row[aliases], ',').join("|"),
            split_list(&row[previous], ',').join("|"),
            merged
        )
        .unwrap();
    }
    Ok(out)
}

fn hgnc_number(id: &str) -> u32 {
    id.trim_start_matches("HGNC:").parse().unwrap_or(u32::MAX)
}

/// The HGNC IDs named in a withdrawn entry's "see [HGNC:x](...)" text, in order, deduplicated.
/// Upstream occasionally writes "HGNC: 4741" with a space.
fn hgnc_references(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("[HGNC:") {
        rest = &rest[at + "[HGNC:".len()..];
        let digits: String = rest.trim_start().chars().take_while(char::is_ascii_digit).collect();
        let id = format!("HGNC:{digits}");
        if !digits.is_empty() && !found.contains(&id) {
            found.push(id);
        }
    }
    found
}

fn model_organism_genes(table: &Table, separator: char, id_name: &str) -> Result<String> {
    let id = table.column("ID")?;
    let symbol = table.column("symbol")?;
    let synonyms = table.column("synonyms")?;
    let mut out = format!("{id_name}\tsymbol\tsynonyms\n");
    let mut rows: Vec<(u64, &Vec<String>)> =
        table.rows.iter().map(|r| (r[id].parse().unwrap_or(u64::MAX), r)).collect();
    rows.sort_by_key(|(n, _)| *n);
    for (_, row) in rows {
        let synonyms: Vec<String> =
            split_list(&row[synonyms], separator).into_iter().map(clean).collect();
        writeln!(out, "{}\t{}\t{}", row[id], clean(&row[symbol]), synonyms.join("|")).unwrap();
    }
    Ok(out)
}

/// The MeSH category biolint gives a descriptor from its tree numbers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum MeshCategory {
    Disease,
    Chemical,
    /// Enzymes, proteins, peptides, nucleic acids and biological factors (`NO synthase`,
    /// `siRNA`, `biomarkers`): tree D, but gene products and molecule classes, not the chemicals
    /// and drugs authors mean by the word. Matched, so they take their span, but not reported.
    Protein,
    /// Pharmacological classes, nothing but tree D27 (`calcium channel blockers`,
    /// `antipsychotics`): what a drug does, not a substance. Matched, not reported.
    Class,
}

/// Branches of tree D that hold gene products and molecule classes rather than chemicals.
const PROTEIN_TREES: &[&str] = &["D05.750.078", "D08.811", "D12.644", "D12.776", "D13", "D23"];

/// "Chemical Actions and Uses": roles of substances, not substances.
const ROLE_TREE: &str = "D27";

impl MeshCategory {
    fn of_trees<'a>(trees: impl IntoIterator<Item = &'a str> + Clone) -> Option<Self> {
        let is_protein = |t: &str| PROTEIN_TREES.iter().any(|p| t.starts_with(p));
        let substance = |t: &str| t.starts_with('D') && !t.starts_with(ROLE_TREE);
        // A descriptor in both trees (e.g. a poisoning) is written about as a disease.
        if trees.clone().into_iter().any(|t| t.starts_with('C') || t.starts_with("F03")) {
            Some(MeshCategory::Disease)
        } else if trees.clone().into_iter().any(|t| substance(t) && !is_protein(t)) {
            Some(MeshCategory::Chemical)
        } else if trees.clone().into_iter().any(substance) {
            Some(MeshCategory::Protein)
        } else if trees.into_iter().any(|t| t.starts_with(ROLE_TREE)) {
            Some(MeshCategory::Class)
        } else {
            None
        }
    }

    fn name(self) -> &'static str {
        match self {
            MeshCategory::Disease => "disease",
            MeshCategory::Chemical => "chemical",
            MeshCategory::Protein => "protein",
            MeshCategory::Class => "class",
        }
    }
}

/// Whether a MeSH name or entry term is something an author writes in running text.
///
/// Drops one- and two-character terms, systematic names longer than [`MAX_TERM_CHARS`], and
/// MeSH's permuted entry terms ("Leukemia Virus, Abelson"; "Diabetes Mellitus, Type 2"), which
/// are index forms, not prose.
pub fn is_prose_term(term: &str) -> bool {
    let chars = term.chars().count();
    (MIN_TERM_CHARS..=MAX_TERM_CHARS).contains(&chars) && !term.contains(", ")
}

/// The prose terms of a record: its name and entry terms, filtered, deduplicated ignoring case,
/// in upstream order.
fn prose_terms<'a>(name: &'a str, entries: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = BTreeSet::new();
    std::iter::once(name)
        .chain(entries)
        .filter(|t| is_prose_term(t))
        .filter(|t| seen.insert(t.to_lowercase()))
        .map(clean)
        .collect()
}

/// Returns the descriptor file and each kept descriptor's category and trees (for supplementary
/// records, which inherit the category of the descriptor they are mapped to).
fn mesh_descriptors(rows: &[Vec<String>]) -> (String, HashMap<String, (MeshCategory, bool)>) {
    let mut out = String::from("mesh_id\tcategory\tname\ttree_numbers\tterms\n");
    let mut categories = HashMap::new();
    let mut rows: Vec<&Vec<String>> = rows.iter().collect();
    rows.sort_by(|a, b| a[0].cmp(&b[0]));
    for row in rows {
        let trees = split_list(&row[3], '|');
        let Some(category) = MeshCategory::of_trees(trees.iter().copied()) else {
            continue;
        };
        // Supplementary records of proteins are gene products ("ST3GAL3 protein, human"),
        // which the gene dictionary covers.
        categories.insert(row[0].clone(), (category, category == MeshCategory::Protein));
        let terms = prose_terms(&row[1], split_list(&row[2], '|').into_iter());
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            row[0],
            category.name(),
            clean(&row[1]),
            trees.join("|"),
            terms.join("|")
        )
        .unwrap();
    }
    (out, categories)
}

/// Supplementary concept records that are chemicals or diseases, with their prose terms.
fn mesh_supplementary(
    rows: &[Vec<String>],
    descriptors: &HashMap<String, (MeshCategory, bool)>,
) -> String {
    let mut out = String::from("mesh_id\tcategory\tname\tmapped_to\tterms\n");
    let mut rows: Vec<&Vec<String>> = rows.iter().collect();
    rows.sort_by(|a, b| a[0].cmp(&b[0]));
    for row in rows {
        let mapped = split_list(&row[3], '|');
        let targets: Vec<&(MeshCategory, bool)> =
            mapped.iter().filter_map(|d| descriptors.get(*d)).collect();
        if targets.is_empty() || targets.iter().all(|(_, proteins_only)| *proteins_only) {
            continue;
        }
        let category = if targets.iter().any(|(c, _)| *c == MeshCategory::Disease) {
            MeshCategory::Disease
        } else if targets.iter().any(|(c, _)| *c == MeshCategory::Chemical) {
            MeshCategory::Chemical
        } else if targets.iter().any(|(c, _)| *c == MeshCategory::Protein) {
            MeshCategory::Protein
        } else {
            MeshCategory::Class
        };
        let terms = prose_terms(&row[1], split_list(&row[2], '|').into_iter());
        if terms.is_empty() {
            continue;
        }
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}",
            row[0],
            category.name(),
            clean(&row[1]),
            mapped.join("|"),
            terms.join("|")
        )
        .unwrap();
    }
    out
}

/// The names MeSH gives each human protein, by approved HGNC symbol.
///
/// MeSH records a supplementary concept "PTGS2 protein, human" for most human proteins, with
/// the names the literature uses ("COX-2 prostaglandin synthase", "NRF2 protein"), mapped to a
/// descriptor ("Cyclooxygenase 2", entry term "COX-2"). These names tell which gene an
/// ambiguous alias usually means (NRF2 is NFE2L2, not GABPA) and are names authors write. A
/// descriptor's terms are used only when it is the descriptor of exactly one human protein and
/// it is anchored to the gene: one of its terms is a symbol, alias or previous symbol of the
/// gene, or its name shares at least half of its words with the gene's approved name.
fn mesh_human_proteins(
    supplementary: &[Vec<String>],
    descriptors: &[Vec<String>],
    hgnc: &Table,
) -> Result<String> {
    const SUFFIX: &str = " protein, human";
    let symbol_col = hgnc.column("Approved symbol")?;
    let status_col = hgnc.column("Status")?;
    let name_col = hgnc.column("Approved name")?;
    let alias_col = hgnc.column("Alias symbols")?;
    let previous_col = hgnc.column("Previous symbols")?;
    // Approved symbol → (approved name, every symbol of the gene, folded).
    let mut genes: HashMap<&str, (&str, BTreeSet<String>)> = HashMap::new();
    let mut previous_owner: HashMap<&str, Vec<&str>> = HashMap::new();
    for row in hgnc.rows.iter().filter(|r| r[status_col] == "Approved") {
        let symbol = row[symbol_col].as_str();
        let mut symbols: BTreeSet<String> = BTreeSet::new();
        symbols.insert(fold_words(symbol));
        for other in
            split_list(&row[alias_col], ',').into_iter().chain(split_list(&row[previous_col], ','))
        {
            symbols.insert(fold_words(other));
        }
        for old in split_list(&row[previous_col], ',') {
            previous_owner.entry(old).or_default().push(symbol);
        }
        genes.insert(symbol, (row[name_col].as_str(), symbols));
    }
    let gene_of = |scr_name: &str| -> Option<&str> {
        let written = scr_name.strip_suffix(SUFFIX)?;
        if genes.contains_key(written) {
            return genes.get_key_value(written).map(|(k, _)| *k);
        }
        match previous_owner.get(written).map(Vec::as_slice) {
            Some([only]) => Some(*only),
            _ => None,
        }
    };
    let human: Vec<(&str, &Vec<String>)> =
        supplementary.iter().filter_map(|r| gene_of(&r[1]).map(|g| (g, r))).collect();
    let mut proteins_per_descriptor: HashMap<&str, usize> = HashMap::new();
    for (_, row) in &human {
        for d in split_list(&row[3], '|') {
            *proteins_per_descriptor.entry(d).or_default() += 1;
        }
    }
    let descriptor_rows: HashMap<&str, &Vec<String>> =
        descriptors.iter().map(|r| (r[0].as_str(), r)).collect();

    let mut by_symbol: BTreeMap<&str, (Vec<&str>, Vec<String>)> = BTreeMap::new();
    for (symbol, row) in human {
        let (approved_name, symbols) = &genes[symbol];
        let (ids, terms) = by_symbol.entry(symbol).or_default();
        ids.push(&row[0]);
        for synonym in split_list(&row[2], '|') {
            let name = synonym.strip_suffix(", human").unwrap_or(synonym);
            terms.push(without_protein(name).to_owned());
        }
        for d in split_list(&row[3], '|') {
            let Some(descriptor) = descriptor_rows.get(d) else { continue };
            if proteins_per_descriptor[d] != 1 {
                continue;
            }
            let descriptor_terms: Vec<&str> = std::iter::once(descriptor[1].as_str())
                .chain(split_list(&descriptor[2], '|'))
                .collect();
            let anchored = descriptor_terms.iter().any(|t| symbols.contains(&fold_words(t)))
                || word_overlap(&descriptor[1], approved_name) >= 0.5;
            if anchored {
                terms.extend(descriptor_terms.iter().map(|t| (*t).to_owned()));
            }
        }
    }
    let mut out = String::from("symbol\tmesh_ids\tterms\n");
    for (symbol, (ids, terms)) in by_symbol {
        let mut seen = BTreeSet::new();
        let kept: Vec<String> = terms
            .iter()
            .filter(|t| is_prose_term(t) && !t.contains(['(', ')', '[', ']']) && *t != symbol)
            .filter(|t| is_protein_name(t))
            .filter(|t| seen.insert(fold_words(t)))
            .map(|t| clean(t))
            .collect();
        if !kept.is_empty() {
            writeln!(out, "{symbol}\t{}\t{}", ids.join("|"), kept.join("|")).unwrap();
        }
    }
    Ok(out)
}

/// A MeSH protein synonym without its trailing " protein", unless what is left ends in a
/// modifier or a word for a place: "NRF2 protein" is NRF2 and "parkin protein" parkin, but
/// "lens epithelial", "dexamethasone-induced" and "heart muscle" name no protein, and as names
/// they would match "lens epithelial cells" and "heart muscle".
fn without_protein(name: &str) -> &str {
    const MODIFIER_ENDINGS: &[&str] =
        &["ing", "ed", "like", "al", "ic", "ory", "ive", "ent", "ant", "ar", "ous", "ible", "able"];
    const PLACES: &[&str] =
        &["muscle", "gland", "cell", "cells", "tissue", "membrane", "finger", "repeat", "domain"];
    let Some(head) = name.strip_suffix(" protein") else { return name };
    let last = head.rsplit([' ', '-']).next().unwrap_or(head);
    let symbol = last.chars().any(|c| c.is_uppercase() || c.is_ascii_digit() || !c.is_ascii());
    let modifier = MODIFIER_ENDINGS.iter().any(|e| last.ends_with(e)) || PLACES.contains(&last);
    if symbol || !modifier { head } else { name }
}

/// Whether a MeSH synonym of a human protein reads as its name. MeSH lists some odd ones: plain
/// words ("spindle" for SPAG5, "finger" for ZFY) and the disease a gene is named after ("Norrie
/// disease" for NDP). A single lower-case word is kept only when it is shaped like a protein name
/// (`norrin`, `matriptase`).
fn is_protein_name(term: &str) -> bool {
    let lower = term.to_lowercase();
    let disease =
        ["disease", "syndrome", "deficiency", "disorder"].iter().any(|d| lower.ends_with(d));
    let plain_word = !term.contains(' ')
        && term.chars().all(|c| c.is_ascii_lowercase())
        && !["in", "ase", "ins", "ases"].iter().any(|s| term.ends_with(s));
    !disease && !plain_word
}

/// Lower case, words separated by single spaces: for comparing names.
fn fold_words(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Shared words over all words (Jaccard) of two names.
fn word_overlap(a: &str, b: &str) -> f64 {
    let a: BTreeSet<String> = fold_words(a).split(' ').map(str::to_owned).collect();
    let b: BTreeSet<String> = fold_words(b).split(' ').map(str::to_owned).collect();
    let all = a.union(&b).count();
    if all == 0 { 0.0 } else { a.intersection(&b).count() as f64 / all as f64 }
}

/// Checks the rCRS and writes it back as FASTA with 70 bases a line.
fn rcrs(path: &Path) -> Result<String> {
    let text = read_text(path)?;
    let mut lines = text.lines();
    let header = lines.next().unwrap_or_default();
    if !header.starts_with(">NC_012920.1") {
        return Err(GenerateError(format!(
            "{}: expected a FASTA header for NC_012920.1, found {header:?}",
            path.display()
        )));
    }
    let sequence: String = lines.flat_map(|l| l.trim().chars()).collect();
    if sequence.len() != 16_569 || !sequence.bytes().all(|b| b"ACGTN".contains(&b)) {
        return Err(GenerateError(format!(
            "{}: expected 16569 bases of A, C, G, T or N, found {} characters",
            path.display(),
            sequence.len()
        )));
    }
    let mut out = format!("{header}\n");
    for chunk in sequence.as_bytes().chunks(70) {
        out.push_str(std::str::from_utf8(chunk).unwrap());
        out.push('\n');
    }
    Ok(out)
}

fn mt_loci(loci: &Table, hgnc: &Table) -> Result<String> {
    let symbol = hgnc.column("Approved symbol")?;
    let ncbi = hgnc.column("NCBI Gene ID(supplied by NCBI)")?;
    let status = hgnc.column("Status")?;
    let mt_genes: HashMap<&str, &str> = hgnc
        .rows
        .iter()
        .filter(|r| r[status] == "Approved" && r[symbol].starts_with("MT-"))
        .map(|r| (r[symbol].as_str(), r[ncbi].as_str()))
        .collect();
    let locus = loci.column("Map_Locus")?;
    let start = loci.column("Starting")?;
    let end = loci.column("Ending")?;
    let shorthand = loci.column("Shorthand")?;
    let description = loci.column("Description")?;
    let mut out = String::from("locus\tstart\tend\tshorthand\tdescription\tncbi_gene\n");
    for (i, row) in loci.rows.iter().enumerate() {
        for column in [start, end] {
            let position: u32 = row[column].parse().map_err(|_| {
                GenerateError(format!(
                    "{}:{}: {:?} is not a position",
                    loci.path.display(),
                    i + 2,
                    row[column]
                ))
            })?;
            if !(1..=16_569).contains(&position) {
                return Err(GenerateError(format!(
                    "{}:{}: position {position} is outside 1..16569",
                    loci.path.display(),
                    i + 2
                )));
            }
        }
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            row[locus],
            row[start],
            row[end],
            clean(&row[shorthand]),
            clean(row[description].trim()),
            mt_genes.get(row[locus].as_str()).copied().unwrap_or("")
        )
        .unwrap();
    }
    Ok(out)
}

fn clinvar(table: &Table) -> Result<String> {
    let name = table.column("Name")?;
    let condition = table.column("Condition(s)")?;
    let significance = table.column("Clinical significance (Last reviewed)")?;
    let review = table.column("Review status")?;
    let accession = table.column("Accession")?;
    let position = table.column("GRCh38Location")?;
    let mut out = String::from(
        "name\tposition\tclinical_significance\treview_status\tcondition\taccession\n",
    );
    for row in &table.rows {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            clean(&row[name]),
            row[position].trim(),
            clean(&row[significance]),
            clean(&row[review]),
            clean(&row[condition]),
            row[accession].trim()
        )
        .unwrap();
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn withdrawn_references_are_parsed_with_or_without_a_space() {
        assert_eq!(
            hgnc_references("symbol withdrawn, see [HGNC:12469](/data/#!/hgnc_id/HGNC:12469)"),
            ["HGNC:12469"]
        );
        assert_eq!(hgnc_references("see [HGNC: 4741](/x)"), ["HGNC:4741"]);
        assert_eq!(hgnc_references("see [HGNC:1](/a) and [HGNC:2](/b)"), ["HGNC:1", "HGNC:2"]);
    }

    #[test]
    fn prose_terms_drop_permuted_short_and_systematic_names() {
        assert!(is_prose_term("Leigh Disease"));
        assert!(is_prose_term("1,2-Dimethylhydrazine"));
        assert!(!is_prose_term("Leukemia Virus, Abelson"));
        assert!(!is_prose_term("Ca"));
        assert!(!is_prose_term(&"x".repeat(61)));
    }

    #[test]
    fn protein_names_are_not_plain_words_or_diseases() {
        assert!(is_protein_name("matriptase"));
        assert!(is_protein_name("NRF2"));
        assert!(is_protein_name("dynamin-related protein 1"));
        assert!(!is_protein_name("spindle"));
        assert!(!is_protein_name("Norrie disease"));
    }

    #[test]
    fn mesh_category_prefers_disease() {
        assert_eq!(MeshCategory::of_trees(["D02.1", "C21.2"]), Some(MeshCategory::Disease));
        assert_eq!(MeshCategory::of_trees(["F03.1"]), Some(MeshCategory::Disease));
        assert_eq!(MeshCategory::of_trees(["D02.1"]), Some(MeshCategory::Chemical));
        assert_eq!(MeshCategory::of_trees(["D08.811.1", "D12.776.2"]), Some(MeshCategory::Protein));
        assert_eq!(MeshCategory::of_trees(["D12.776.2", "D06.3"]), Some(MeshCategory::Chemical));
        assert_eq!(MeshCategory::of_trees(["D27.505.519"]), Some(MeshCategory::Class));
        assert_eq!(MeshCategory::of_trees(["D27.505.519", "D03.1"]), Some(MeshCategory::Chemical));
        assert_eq!(MeshCategory::of_trees(["F01.1"]), None);
    }
}
