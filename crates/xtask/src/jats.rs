//! The CRAFT papers as PubMed Central's JATS XML against the same papers as CRAFT's plain text:
//! how many gene findings the two give word for word. CRAFT's text leaves out the reference
//! lists and most table cells, which the XML has; the rest should agree.

use std::collections::BTreeMap;
use std::path::Path;

use biolint_core::{Config, Document, DocumentKind};

/// The gene findings (`gene/*`) of one article in each form, by the words flagged.
pub struct Article {
    pub id: String,
    pub text: BTreeMap<String, usize>,
    pub jats: BTreeMap<String, usize>,
}

impl Article {
    /// Findings both give (the smaller count of each word) and either gives (the larger).
    pub fn shared_and_union(&self) -> (usize, usize) {
        let words = self.text.keys().chain(self.jats.keys());
        let (mut shared, mut union) = (0, 0);
        let mut seen = std::collections::BTreeSet::new();
        for word in words.filter(|w| seen.insert(*w)) {
            let (a, b) = (
                self.text.get(word).copied().unwrap_or(0),
                self.jats.get(word).copied().unwrap_or(0),
            );
            shared += a.min(b);
            union += a.max(b);
        }
        (shared, union)
    }
}

/// Every article of `craft` (PMID.txt) with its JATS file in `nxml` (PMID.nxml), compared.
pub fn compare(craft: &Path, nxml: &Path, config: &Config) -> Result<Vec<Article>, String> {
    let mut articles = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(nxml)
        .map_err(|e| format!("{}: {e}", nxml.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "nxml"))
        .collect();
    paths.sort();
    for path in paths {
        let id = path.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let read =
            |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
        let text = read(&craft.join(format!("{id}.txt")))?;
        let xml = read(&path)?;
        let article =
            biolint_formats::jats::read(&xml).map_err(|e| format!("{}: {e}", path.display()))?;
        let count = |findings: Vec<biolint_core::Diagnostic>, text: &str| {
            let mut words = BTreeMap::new();
            for d in findings.iter().filter(|d| d.rule.starts_with("gene/")) {
                *words.entry(d.text(text).to_owned()).or_insert(0) += 1;
            }
            words
        };
        let plain = |text| Document { text, kind: DocumentKind::Plain };
        let from_text = biolint_core::lint(plain(&text), config);
        let from_jats =
            biolint_core::analyze_structured(plain(&article.text), &article.structure, config)
                .diagnostics;
        articles.push(Article {
            id,
            text: count(from_text, &text),
            jats: count(from_jats, &article.text),
        });
    }
    Ok(articles)
}

/// The table for EVALUATION.md, and the articles that differ most.
pub fn report(articles: &[Article]) -> String {
    let total = |f: fn(&Article) -> usize| articles.iter().map(f).sum::<usize>();
    let text = total(|a| a.text.values().sum());
    let jats = total(|a| a.jats.values().sum());
    let (shared, union) = articles
        .iter()
        .map(Article::shared_and_union)
        .fold((0, 0), |(s, u), (a, b)| (s + a, u + b));
    let mut out = format!(
        "| articles | gene findings, text | gene findings, JATS | both | either | agreement |\n|---|---|---|---|---|---|\n| {} | {text} | {jats} | {shared} | {union} | {:.3} |\n\nMost different:\n",
        articles.len(),
        shared as f64 / union.max(1) as f64
    );
    let mut differing: Vec<_> = articles.iter().map(|a| (a.shared_and_union(), a)).collect();
    differing.sort_by_key(|((s, u), _)| std::cmp::Reverse(u - s));
    for ((s, u), article) in differing.iter().take(8).filter(|((s, u), _)| u > s) {
        let only = |a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>| {
            a.iter()
                .filter_map(|(w, n)| {
                    let extra = n.saturating_sub(b.get(w).copied().unwrap_or(0));
                    (extra > 0).then(|| format!("{w} ×{extra}"))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!(
            "- {}: {} differ; only in the text: {}; only in the JATS: {}\n",
            article.id,
            u - s,
            only(&article.text, &article.jats),
            only(&article.jats, &article.text)
        ));
    }
    out
}

/// The share of gene findings the two forms give alike, over all articles.
pub fn agreement(articles: &[Article]) -> f64 {
    let (shared, union) = articles
        .iter()
        .map(Article::shared_and_union)
        .fold((0, 0), |(s, u), (a, b)| (s + a, u + b));
    shared as f64 / union.max(1) as f64
}
