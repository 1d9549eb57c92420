//! Gene findings on whole papers: the CRAFT articles in `../shared/corpora/craft`, where every
//! gene and gene-product mention is marked (see that folder's README).
//!
//! CRAFT gives no NCBI Gene IDs, so it scores where findings fall, not which gene they name: a
//! `gene/*` finding is on a gene when it overlaps a `gene` span of the article's `.tsv`. Papers
//! are not abstracts (figure legends, methods, primers, strains, grants, author lists), and
//! this is the measure of how much of what biolint flags there a reader can trust.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use biolint_core::{Config, Document, DocumentKind, lint};

/// One article: its text and the byte spans of its gene mentions.
pub struct Article {
    pub pmid: String,
    pub text: String,
    pub genes: Vec<Range<usize>>,
}

/// The articles in `dir` (`PMID.txt` with `PMID.tsv`), sorted by PMID; an error names the file.
pub fn load_articles(dir: &Path) -> Result<Vec<Article>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut pmids: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".txt").map(str::to_owned))
        .collect();
    pmids.sort();
    pmids.into_iter().map(|pmid| load_article(dir, pmid)).collect()
}

fn load_article(dir: &Path, pmid: String) -> Result<Article, String> {
    let read = |name: String| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let text = read(format!("{pmid}.txt"))?;
    let mut genes = Vec::new();
    for (number, line) in read(format!("{pmid}.tsv"))?.lines().enumerate().skip(1) {
        let bad = || format!("{pmid}.tsv:{}: not start, end, kind, concept, text", number + 1);
        let mut fields = line.split('\t');
        let (Some(start), Some(end), Some(kind)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(bad());
        };
        let (Ok(start), Ok(end)) = (start.parse(), end.parse()) else { return Err(bad()) };
        if kind == "gene" {
            genes.push(start..end);
        }
    }
    Ok(Article { pmid, text, genes })
}

/// Gene findings on full text, in all and rule by rule.
#[derive(Clone, Debug, Default)]
pub struct FullTextScore {
    pub articles: usize,
    pub bytes: usize,
    /// rule → (findings, of which on a gene mention).
    pub rules: BTreeMap<&'static str, (usize, usize)>,
}

impl FullTextScore {
    pub fn findings(&self) -> usize {
        self.rules.values().map(|(all, _)| all).sum()
    }

    pub fn on_genes(&self) -> usize {
        self.rules.values().map(|(_, on)| on).sum()
    }

    /// The share of gene findings that fall on a gene mention.
    pub fn precision(&self) -> f64 {
        self.on_genes() as f64 / self.findings().max(1) as f64
    }

    /// Gene findings per 100 KB of text.
    pub fn per_100_kb(&self) -> f64 {
        self.findings() as f64 * 100_000.0 / self.bytes.max(1) as f64
    }

    /// The score as a Markdown table, a row per rule.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| rule | gene findings | on a gene mention | precision |\n|---|---|---|---|\n",
        );
        let row = |out: &mut String, name: &str, all: usize, on: usize| {
            let precision = on as f64 / all.max(1) as f64;
            writeln!(out, "| {name} | {all} | {on} | {precision:.3} |").unwrap();
        };
        for (rule, (all, on)) in &self.rules {
            row(&mut out, &format!("`{rule}`"), *all, *on);
        }
        row(&mut out, "**all**", self.findings(), self.on_genes());
        writeln!(
            out,
            "\n{} articles, {:.1} MB: {:.1} gene findings per 100 KB.",
            self.articles,
            self.bytes as f64 / 1e6,
            self.per_100_kb()
        )
        .unwrap();
        out
    }
}

/// Lints every article as plain text and scores its gene findings; each finding on no gene
/// mention is logged (`FULLTEXT-FP`, with its context) for reading.
pub fn evaluate_articles(articles: &[Article], config: &Config, log: &mut String) -> FullTextScore {
    let mut score = FullTextScore { articles: articles.len(), ..FullTextScore::default() };
    for article in articles {
        score.bytes += article.text.len();
        let findings = lint(Document { text: &article.text, kind: DocumentKind::Plain }, config);
        for finding in findings.iter().filter(|f| f.rule.starts_with("gene/")) {
            let span = &finding.span;
            let on_gene = article.genes.iter().any(|g| g.start < span.end && span.start < g.end);
            let counts = score.rules.entry(finding.rule).or_default();
            counts.0 += 1;
            counts.1 += usize::from(on_gene);
            if !on_gene {
                writeln!(
                    log,
                    "FULLTEXT-FP\t{}\t{}\t{}\t{}",
                    finding.rule,
                    article.pmid,
                    &article.text[span.clone()],
                    crate::evaluation::context(&article.text, span)
                )
                .unwrap();
            }
        }
    }
    score
}
