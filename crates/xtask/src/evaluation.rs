//! Measuring biolint against annotated corpora (PubTator files such as NCBI's BioRED, NLM-Gene,
//! GNormPlus, tmVar3 and BC5CDR): how right the entities are, and how right the gene findings
//! are. `cargo xtask eval` prints the figures; `tests/corpus.rs` holds them to the targets.
//!
//! Entities: a prediction is right when its span is exactly a gold mention's span (strict) or
//! overlaps it (overlap) and its identifier is one of the gold mention's. Each corpus is scored
//! on the types it annotates throughout (genes: BioRED, NLM-Gene, GNormPlus, tmVar3; diseases
//! and chemicals: BioRED, BC5CDR). Genes are scored on
//! human genes (a gold gene is human when one of its NCBI Gene IDs belongs to an approved HGNC
//! gene); gold mentions of other species' genes and of gene families, and gold MeSH IDs the
//! embedded MeSH no longer has, are not scored, and neither are predictions that fall on them.
//!
//! Gene findings: flag precision is the share of `gene/*` findings that fall on a span the gold
//! marks as a gene (of any species, or a gene family); flag recall is the share of gold
//! human-gene mentions written as a symbol-like previous symbol or alias of their gene (not an
//! approved symbol of any gene) that get a `gene/*` finding.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use biolint_core::entity::{Entity, EntityType};
use biolint_core::pubtator::{self, PubtatorAnnotation, PubtatorDocument};
use biolint_core::text::LineIndex;
use biolint_core::{Config, Dictionary, Document, DocumentKind, analyze};

/// A corpus: its name (`BioRED`) and documents.
pub struct Corpus {
    pub name: String,
    pub documents: Vec<PubtatorDocument>,
}

/// The training corpora in `dir`, in a fixed order; an error names the file.
pub fn load_corpora(dir: &Path) -> Result<Vec<Corpus>, String> {
    ["BioRED", "NLMgene", "GNormPlus", "tmVar3", "BC5CDR"]
        .iter()
        .map(|name| load_corpus(&dir.join(format!("{name}_Train.PubTator"))))
        .collect()
}

pub fn load_corpus(path: &Path) -> Result<Corpus, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let documents = pubtator::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let name =
        path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().replace("_Train", ""));
    Ok(Corpus { name, documents })
}

/// Counts for one corpus and entity type.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub gold: usize,
    pub predicted: usize,
    pub strict_correct: usize,
    pub overlap_correct_predictions: usize,
    pub overlap_found_gold: usize,
    /// Predictions on gold mentions that are not scored.
    pub unscored: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        ratio(self.strict_correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.strict_correct, self.gold)
    }
    pub fn overlap_precision(&self) -> f64 {
        ratio(self.overlap_correct_predictions, self.predicted)
    }
    pub fn overlap_recall(&self) -> f64 {
        ratio(self.overlap_found_gold, self.gold)
    }
    fn add(&mut self, o: &Score) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.strict_correct += o.strict_correct;
        self.overlap_correct_predictions += o.overlap_correct_predictions;
        self.overlap_found_gold += o.overlap_found_gold;
        self.unscored += o.unscored;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Gene-finding counts.
#[derive(Clone, Copy, Debug, Default)]
pub struct FlagScore {
    /// `gene/*` findings.
    pub findings: usize,
    /// ... of which on a gold gene span.
    pub on_genes: usize,
    /// Gold human-gene mentions written as a symbol-like alias or previous symbol.
    pub nonstandard_gold: usize,
    /// ... of which got a `gene/*` finding.
    pub flagged_gold: usize,
}

impl FlagScore {
    pub fn precision(&self) -> f64 {
        ratio(self.on_genes, self.findings)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.flagged_gold, self.nonstandard_gold)
    }
}

/// Everything one run measures.
#[derive(Default)]
pub struct Report {
    /// (corpus, entity type) → score; corpus "all" sums the others.
    pub entities: BTreeMap<(String, EntityType), Score>,
    /// corpus → gene-finding score, for the corpora that annotate genes; "all" sums them.
    pub flags: BTreeMap<String, FlagScore>,
    /// One line per error, tab-separated, for reading.
    pub log: String,
}

impl Report {
    pub fn entity(&self, corpus: &str, entity_type: EntityType) -> Score {
        self.entities.get(&(corpus.to_owned(), entity_type)).copied().unwrap_or_default()
    }

    /// The results as Markdown tables.
    pub fn tables(&self) -> String {
        let mut out = String::from(
            "| corpus | type | gold | predicted | precision (strict) | recall (strict) | precision (overlap) | recall (overlap) |\n|---|---|---|---|---|---|---|---|\n",
        );
        let mut rows: Vec<(&(String, EntityType), &Score)> = self.entities.iter().collect();
        rows.sort_by_key(|((corpus, t), _)| (corpus == "all", corpus_order(corpus), *t));
        for ((corpus, t), s) in rows {
            let corpus = if corpus == "all" { "**all**" } else { corpus };
            writeln!(
                out,
                "| {corpus} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
                t.name(),
                s.gold,
                s.predicted,
                s.precision(),
                s.recall(),
                s.overlap_precision(),
                s.overlap_recall()
            )
            .unwrap();
        }
        out.push_str("\n| corpus | gene findings | on a gold gene | flag precision | gold aliases and previous symbols | flagged | flag recall |\n|---|---|---|---|---|---|---|\n");
        let mut rows: Vec<(&String, &FlagScore)> = self.flags.iter().collect();
        rows.sort_by_key(|(corpus, _)| (*corpus == "all", corpus_order(corpus)));
        for (corpus, f) in rows {
            let corpus = if corpus == "all" { "**all**" } else { corpus };
            writeln!(
                out,
                "| {corpus} | {} | {} | {:.3} | {} | {} | {:.3} |",
                f.findings,
                f.on_genes,
                f.precision(),
                f.nonstandard_gold,
                f.flagged_gold,
                f.recall()
            )
            .unwrap();
        }
        out
    }
}

fn corpus_order(name: &str) -> usize {
    ["BioRED", "NLMgene", "GNormPlus", "tmVar3", "BC5CDR"]
        .iter()
        .position(|n| *n == name)
        .unwrap_or(9)
}

/// The entity types a corpus sets out to annotate exhaustively (its documentation, as quoted in
/// `../shared/corpora/README.md`): tmVar3 carries some disease mentions but does not annotate
/// diseases throughout, so its diseases are not scored; an unknown corpus is scored on every
/// type it has.
fn scored_types(corpus: &str) -> HashSet<EntityType> {
    let types: &[EntityType] = match corpus {
        "BioRED" => &[EntityType::Gene, EntityType::Disease, EntityType::Chemical],
        "NLMgene" | "GNormPlus" | "tmVar3" => &[EntityType::Gene],
        "BC5CDR" => &[EntityType::Disease, EntityType::Chemical],
        _ => &[EntityType::Gene, EntityType::Disease, EntityType::Chemical],
    };
    types.iter().copied().collect()
}

/// Which of our entity types a gold type is scored as.
fn gold_type(t: &str) -> Option<EntityType> {
    match t {
        "Gene" | "GeneOrGeneProduct" => Some(EntityType::Gene),
        "Disease" | "DiseaseOrPhenotypicFeature" => Some(EntityType::Disease),
        "Chemical" | "ChemicalEntity" => Some(EntityType::Chemical),
        _ => None,
    }
}

fn is_gene_type(t: &str) -> bool {
    matches!(t, "Gene" | "GeneOrGeneProduct" | "FamilyName")
}

fn ids(id: &str) -> HashSet<String> {
    id.split([',', ';', '|'])
        .map(|s| s.trim().trim_start_matches("MESH:").to_owned())
        .filter(|s| !s.is_empty() && s != "-")
        .collect()
}

fn bare(id: &str) -> String {
    ["NCBIGene:", "MESH:", "NCBITaxon:"]
        .iter()
        .fold(id.to_owned(), |s, p| s.trim_start_matches(p).to_owned())
}

/// What the scorer needs to know besides the corpora.
pub struct Knowledge {
    /// NCBI Gene IDs of approved HGNC genes.
    human: HashSet<String>,
    /// Every MeSH ID of the embedded release (upstream files), when they are at hand.
    current_mesh: Option<HashSet<String>>,
    /// NCBI Gene ID → the symbol-like aliases and previous symbols HGNC lists for it.
    nonstandard: BTreeMap<String, HashSet<String>>,
    /// Every approved symbol.
    approved: HashSet<String>,
}

impl Knowledge {
    /// From the embedded dictionaries, and the upstream MeSH files in `shared_data` if given.
    pub fn new(dictionary: &Dictionary, shared_data: Option<&Path>) -> Knowledge {
        let mut human = HashSet::new();
        let mut nonstandard: BTreeMap<String, HashSet<String>> = BTreeMap::new();
        let mut approved = HashSet::new();
        for gene in dictionary.genes().filter(|g| g.is_approved()) {
            approved.insert(gene.symbol.to_owned());
            let Some(ncbi) = gene.ncbi_gene else { continue };
            human.insert(ncbi.to_owned());
            let symbol_like =
                |s: &&str| s.chars().any(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
            nonstandard.entry(ncbi.to_owned()).or_default().extend(
                gene.aliases()
                    .chain(gene.previous_symbols())
                    .filter(symbol_like)
                    .map(str::to_owned),
            );
        }
        let current_mesh = shared_data.and_then(|dir| {
            let mut ids = HashSet::new();
            for file in ["mesh_descriptors.tsv", "mesh_supplementary.tsv"] {
                let text = std::fs::read_to_string(dir.join(file)).ok()?;
                ids.extend(text.lines().filter_map(|l| l.split('\t').next()).map(str::to_owned));
            }
            Some(ids)
        });
        Knowledge { human, current_mesh, nonstandard, approved }
    }
}

/// Annotates and lints every document and scores the results.
pub fn evaluate(corpora: &[Corpus], knowledge: &Knowledge, config: &Config) -> Report {
    let dictionary = Dictionary::embedded();
    let mut report = Report::default();
    for corpus in corpora {
        let annotated = scored_types(&corpus.name);
        for document in &corpus.documents {
            let text = document.text();
            let analysis = analyze(Document { text: &text, kind: DocumentKind::Plain }, config);
            let entities: Vec<Entity> = analysis.identified_entities().cloned().collect();
            let lines = LineIndex::new(&text);
            let chars =
                |span: &Range<usize>| lines.char_offset(span.start)..lines.char_offset(span.end);
            let scored_types = [EntityType::Gene, EntityType::Disease, EntityType::Chemical];
            for t in scored_types.into_iter().filter(|t| annotated.contains(t)) {
                let score = score_type(
                    t,
                    document,
                    &entities,
                    &text,
                    &chars,
                    knowledge,
                    dictionary,
                    &corpus.name,
                    &mut report.log,
                );
                report.entities.entry((corpus.name.clone(), t)).or_default().add(&score);
                report.entities.entry(("all".to_owned(), t)).or_default().add(&score);
            }
            if annotated.contains(&EntityType::Gene) {
                let gene_findings: Vec<Range<usize>> = analysis
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule.starts_with("gene/"))
                    .map(|d| chars(&d.span))
                    .collect();
                let flags = score_flags(
                    document,
                    &gene_findings,
                    &text,
                    knowledge,
                    &corpus.name,
                    &mut report.log,
                );
                for key in [corpus.name.clone(), "all".to_owned()] {
                    let f = report.flags.entry(key).or_default();
                    f.findings += flags.findings;
                    f.on_genes += flags.on_genes;
                    f.nonstandard_gold += flags.nonstandard_gold;
                    f.flagged_gold += flags.flagged_gold;
                }
            }
        }
    }
    report
}

#[allow(clippy::too_many_arguments)]
fn score_type(
    t: EntityType,
    document: &PubtatorDocument,
    entities: &[Entity],
    text: &str,
    chars: &dyn Fn(&Range<usize>) -> Range<usize>,
    knowledge: &Knowledge,
    dictionary: &Dictionary,
    corpus: &str,
    log: &mut String,
) -> Score {
    let mut score = Score::default();
    let unscored: Vec<&PubtatorAnnotation> = document
        .annotations
        .iter()
        .filter(|a| match gold_type(&a.entity_type) {
            Some(EntityType::Gene) => ids(&a.id).is_disjoint(&knowledge.human),
            Some(_) => {
                ids(&a.id).is_empty()
                    || knowledge
                        .current_mesh
                        .as_ref()
                        .is_some_and(|m| ids(&a.id).iter().all(|i| !m.contains(i)))
            }
            None => matches!(a.entity_type.as_str(), "FamilyName" | "DomainMotif"),
        })
        .collect();
    let gold: Vec<(&PubtatorAnnotation, HashSet<String>)> = document
        .annotations
        .iter()
        .filter(|a| gold_type(&a.entity_type) == Some(t) && !unscored.contains(a))
        .map(|a| (a, ids(&a.id)))
        .collect();
    score.gold = gold.len();
    let mut found = vec![false; gold.len()];
    for e in entities.iter().filter(|e| e.entity_type(dictionary) == t) {
        let span = chars(&e.span);
        if unscored.iter().any(|a| a.start < span.end && span.start < a.end) {
            score.unscored += 1;
            continue;
        }
        score.predicted += 1;
        let id = bare(&e.id(dictionary));
        let (mut strict, mut overlap) = (false, false);
        for (i, (a, gold_ids)) in gold.iter().enumerate() {
            if a.start < span.end && span.start < a.end && gold_ids.contains(&id) {
                overlap = true;
                found[i] = true;
                strict |= a.start == span.start && a.end == span.end;
            }
        }
        score.strict_correct += usize::from(strict);
        score.overlap_correct_predictions += usize::from(overlap);
        let how = e
            .as_gene()
            .map(|g| {
                format!(
                    "{:?}/{:?}{}",
                    g.written_as,
                    g.case,
                    if g.is_ambiguous() { "/ambiguous" } else { "" }
                )
            })
            .unwrap_or_default();
        if strict {
            writeln!(
                log,
                "TP\t{corpus}\t{}\t{}\t{}\t{id}\t\t\t{how}",
                t.name(),
                document.id,
                &text[e.span.clone()]
            )
            .unwrap();
        } else {
            let why = gold
                .iter()
                .find(|(a, _)| a.start == span.start && a.end == span.end)
                .map(|(a, _)| format!("wrong id, gold {}", a.id))
                .or_else(|| {
                    gold.iter()
                        .find(|(a, _)| a.start < span.end && span.start < a.end)
                        .map(|(a, _)| format!("other span, gold {} {}", a.text, a.id))
                })
                .unwrap_or_else(|| "no gold".to_owned());
            writeln!(
                log,
                "FP\t{corpus}\t{}\t{}\t{}\t{id}\t{why}\t{}\t{how}",
                t.name(),
                document.id,
                &text[e.span.clone()],
                context(text, &e.span)
            )
            .unwrap();
        }
    }
    score.overlap_found_gold = found.iter().filter(|f| **f).count();
    for (i, (a, gold_ids)) in gold.iter().enumerate() {
        let strict = entities.iter().any(|e| {
            chars(&e.span) == (a.start..a.end) && gold_ids.contains(&bare(&e.id(dictionary)))
        });
        if !strict {
            writeln!(
                log,
                "FN\t{corpus}\t{}\t{}\t{}\t{}\t{}",
                t.name(),
                document.id,
                a.text,
                a.id,
                if found[i] { "overlap" } else { "missed" }
            )
            .unwrap();
        }
    }
    score
}

fn score_flags(
    document: &PubtatorDocument,
    findings: &[Range<usize>],
    text: &str,
    knowledge: &Knowledge,
    corpus: &str,
    log: &mut String,
) -> FlagScore {
    let genes: Vec<&PubtatorAnnotation> =
        document.annotations.iter().filter(|a| is_gene_type(&a.entity_type)).collect();
    let mut score = FlagScore { findings: findings.len(), ..FlagScore::default() };
    for span in findings {
        if genes.iter().any(|a| a.start < span.end && span.start < a.end) {
            score.on_genes += 1;
        } else {
            let written: String =
                text.chars().skip(span.start).take(span.end - span.start).collect();
            writeln!(log, "FLAG-FP\t{corpus}\t{}\t{written}", document.id).unwrap();
        }
    }
    for a in genes.iter().filter(|a| a.entity_type != "FamilyName") {
        let nonstandard = ids(&a.id)
            .iter()
            .any(|id| knowledge.nonstandard.get(id).is_some_and(|forms| forms.contains(&a.text)))
            && !knowledge.approved.contains(&a.text);
        if !nonstandard {
            continue;
        }
        score.nonstandard_gold += 1;
        if findings.iter().any(|s| s.start < a.end && a.start < s.end) {
            score.flagged_gold += 1;
        } else {
            writeln!(log, "FLAG-FN\t{corpus}\t{}\t{}\t{}", document.id, a.text, a.id).unwrap();
        }
    }
    score
}

/// The text around `span`, the span in brackets, on one line.
pub(crate) fn context(text: &str, span: &Range<usize>) -> String {
    let mut start = span.start.saturating_sub(40);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + 40).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}[{}]{}", &text[start..span.start], &text[span.clone()], &text[span.end..end])
        .replace(['\t', '\n'], " ")
}
