//! Scores `biolint annotate` against the annotated corpora in ../shared/corpora.
//!
//! cargo run --release --example eval -- [--details DIR] [CORPUS.PubTator ...]
//!
//! A predicted mention is right when its span is exactly a gold mention's span (strict) or
//! overlaps it (overlap) and its identifier is one of the gold mention's identifiers. Genes are
//! scored on human genes only (a gold gene is human when one of its NCBI Gene IDs belongs to an
//! approved HGNC gene); predictions that fall on gold mentions of other species' genes or of gene
//! families are not counted either way. Diseases and chemicals are scored by MeSH ID, in the
//! corpora that annotate them.

use std::collections::{BTreeMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use biolint::entity::EntityType;
use biolint::pubtator::{self, PubtatorAnnotation};
use biolint::text::LineIndex;
use biolint::{Config, Dictionary, Document, DocumentKind};

#[derive(Default, Clone, Copy)]
struct Score {
    predicted: usize,
    gold: usize,
    strict_tp: usize,
    overlap_tp_pred: usize,
    overlap_tp_gold: usize,
    uncounted: usize,
}

impl Score {
    fn add(&mut self, o: &Score) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.strict_tp += o.strict_tp;
        self.overlap_tp_pred += o.overlap_tp_pred;
        self.overlap_tp_gold += o.overlap_tp_gold;
        self.uncounted += o.uncounted;
    }
    fn ratio(a: usize, b: usize) -> f64 {
        if b == 0 { 0.0 } else { a as f64 / b as f64 }
    }
    fn row(&self, corpus: &str, what: &str) -> String {
        format!(
            "| {corpus} | {what} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
            self.gold,
            self.predicted,
            Self::ratio(self.strict_tp, self.predicted),
            Self::ratio(self.strict_tp, self.gold),
            Self::ratio(self.overlap_tp_pred, self.predicted),
            Self::ratio(self.overlap_tp_gold, self.gold),
        )
    }
}

/// Which gold types count for which of our entity types.
fn gold_type(t: &str) -> Option<EntityType> {
    match t {
        "Gene" | "GeneOrGeneProduct" => Some(EntityType::Gene),
        "Disease" | "DiseaseOrPhenotypicFeature" => Some(EntityType::Disease),
        "Chemical" | "ChemicalEntity" => Some(EntityType::Chemical),
        _ => None,
    }
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

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let details = args.iter().position(|a| a == "--details").map(|i| {
        args.remove(i);
        PathBuf::from(args.remove(i))
    });
    if args.is_empty() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
        for name in ["BioRED", "NLMgene", "GNormPlus", "tmVar3", "BC5CDR"] {
            args.push(dir.join(format!("{name}_Train.PubTator")).display().to_string());
        }
    }
    let dictionary = Dictionary::embedded();
    let human: HashSet<String> = dictionary
        .genes()
        .filter(|g| g.is_approved())
        .filter_map(|g| g.ncbi_gene.map(str::to_owned))
        .collect();
    let config = Config::default();
    let current_mesh = current_mesh_ids();
    let mut totals: BTreeMap<&str, Score> = BTreeMap::new();
    let mut table = String::from(
        "| corpus | type | gold | predicted | precision (strict) | recall (strict) | precision (overlap) | recall (overlap) |\n|---|---|---|---|---|---|---|---|\n",
    );
    let mut log = String::new();
    for path in &args {
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let documents = pubtator::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let corpus = Path::new(path).file_stem().unwrap().to_string_lossy().replace("_Train", "");
        let annotated: HashSet<EntityType> = documents
            .iter()
            .flat_map(|d| d.annotations.iter())
            .filter_map(|a| gold_type(&a.entity_type))
            .collect();
        let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
        for document in &documents {
            let text = document.text();
            let entities =
                biolint::annotate(Document { text: &text, kind: DocumentKind::Plain }, &config);
            let lines = LineIndex::new(&text);
            let gold: Vec<(&PubtatorAnnotation, EntityType, HashSet<String>)> = document
                .annotations
                .iter()
                .filter_map(|a| gold_type(&a.entity_type).map(|t| (a, t, ids(&a.id))))
                .collect();
            // Gold spans that are neither right nor wrong for us: other species' genes, families,
            // and MeSH records that the current MeSH no longer has (merged or promoted to a
            // descriptor since the corpus was annotated: sevoflurane was C009250).
            let uncounted: Vec<(usize, usize)> = document
                .annotations
                .iter()
                .filter(|a| match gold_type(&a.entity_type) {
                    Some(EntityType::Gene) => ids(&a.id).is_disjoint(&human),
                    Some(_) => {
                        ids(&a.id).is_empty()
                            || current_mesh
                                .as_ref()
                                .is_some_and(|m| ids(&a.id).iter().all(|i| !m.contains(i)))
                    }
                    None => matches!(a.entity_type.as_str(), "FamilyName" | "DomainMotif"),
                })
                .map(|a| (a.start, a.end))
                .collect();
            for t in [EntityType::Gene, EntityType::Disease, EntityType::Chemical] {
                if !annotated.contains(&t) {
                    continue;
                }
                let score = scores.entry(t.name()).or_default();
                let gold_t: Vec<&(&PubtatorAnnotation, EntityType, HashSet<String>)> = gold
                    .iter()
                    .filter(|(a, gt, ids)| {
                        *gt == t && !uncounted.contains(&(a.start, a.end)) && !ids.is_empty()
                    })
                    .collect();
                score.gold += gold_t.len();
                let mut matched_gold = vec![false; gold_t.len()];
                for e in entities.iter().filter(|e| e.entity_type(dictionary) == t) {
                    let (s, en) = (lines.char_offset(e.span.start), lines.char_offset(e.span.end));
                    if uncounted.iter().any(|&(us, ue)| us < en && s < ue) {
                        score.uncounted += 1;
                        continue;
                    }
                    score.predicted += 1;
                    let id = bare(&e.id(dictionary));
                    let mut strict = false;
                    let mut overlap = false;
                    for (i, (a, _, gids)) in gold_t.iter().enumerate() {
                        if a.start < en && s < a.end && gids.contains(&id) {
                            overlap = true;
                            matched_gold[i] = true;
                            if a.start == s && a.end == en {
                                strict = true;
                            }
                        }
                    }
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
                    score.strict_tp += strict as usize;
                    if strict {
                        writeln!(
                            log,
                            "TP\t{corpus}\t{}\t{}\t{}\t{id}\t\t\t{how}",
                            t.name(),
                            document.id,
                            &text[e.span.clone()]
                        )
                        .unwrap();
                    }
                    score.overlap_tp_pred += overlap as usize;
                    if !strict {
                        let at_gold = gold_t.iter().find(|(a, _, _)| a.start == s && a.end == en);
                        let why = match at_gold {
                            Some((a, _, _)) => format!("wrong id, gold {}", a.id),
                            None => "no gold".to_owned(),
                        };
                        writeln!(
                            log,
                            "FP\t{corpus}\t{}\t{}\t{}\t{id}\t{why}\t{}\t{how}",
                            t.name(),
                            document.id,
                            &text[e.span.clone()],
                            context(&text, e.span.clone())
                        )
                        .unwrap();
                    }
                }
                score.overlap_tp_gold += matched_gold.iter().filter(|m| **m).count();
                for (i, (a, _, _)) in gold_t.iter().enumerate() {
                    let strict_hit = entities.iter().any(|e| {
                        lines.char_offset(e.span.start) == a.start
                            && lines.char_offset(e.span.end) == a.end
                            && ids(&a.id).contains(&bare(&e.id(dictionary)))
                    });
                    if !strict_hit {
                        writeln!(
                            log,
                            "FN\t{corpus}\t{}\t{}\t{}\t{}\t{}",
                            t.name(),
                            document.id,
                            a.text,
                            a.id,
                            if matched_gold[i] { "overlap" } else { "missed" }
                        )
                        .unwrap();
                    }
                }
            }
        }
        for (t, s) in &scores {
            table.push_str(&s.row(&corpus, t));
            table.push('\n');
            totals.entry(t).or_default().add(s);
        }
    }
    for (t, s) in &totals {
        table.push_str(&s.row("**all**", t));
        table.push('\n');
    }
    print!("{table}");
    for (t, s) in &totals {
        println!(
            "{t}: {} predictions fell on gold mentions that are not scored (other species' genes, gene families, MeSH IDs no longer in MeSH)",
            s.uncounted
        );
    }
    if let Some(dir) = details {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("errors.tsv"), log).unwrap();
    }
}

/// Every MeSH ID of the release biolint embeds, read from the upstream files (which hold the
/// records biolint filters out too).
fn current_mesh_ids() -> Option<HashSet<String>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut ids = HashSet::new();
    for file in ["mesh_descriptors.tsv", "mesh_supplementary.tsv"] {
        let text = std::fs::read_to_string(data.join(file)).ok()?;
        ids.extend(text.lines().filter_map(|l| l.split('\t').next()).map(str::to_owned));
    }
    Some(ids)
}

fn context(text: &str, span: std::ops::Range<usize>) -> String {
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
