//! The CRAFT papers in three renderings: plain text (`craft/*.txt`), and LaTeX and Markdown
//! converted by pandoc from their JATS XML (`craft_nxml/*.nxml`). What biolint reports on the
//! LaTeX and the Markdown should be what it reports on the plain text: no finding or entity
//! whose text holds markup, and the same gene findings where the text is the same.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use biolint_core::{Config, Document, DocumentKind, annotate, lint};

/// Characters of markup. A gene is never written with them; a few chemicals are (`[3H]`,
/// `[Ca2+]i`), which the plain text shows as they are.
pub const MARKUP: &[char] = &['\\', '{', '}', '*', '_', '^', '[', ']'];

/// One paper in one rendering.
pub struct Rendering {
    pub paper: String,
    pub kind: DocumentKind,
    pub text: String,
}

/// Converts every `.nxml` paper of `nxml_dir` to LaTeX and Markdown with pandoc (into
/// `out_dir`, once: existing conversions are reused), and reads the plain text of each from
/// `txt_dir`. Err when pandoc cannot be run.
pub fn renderings(
    nxml_dir: &Path,
    txt_dir: &Path,
    out_dir: &Path,
) -> Result<Vec<Rendering>, String> {
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let mut papers: Vec<PathBuf> = std::fs::read_dir(nxml_dir)
        .map_err(|e| format!("{}: {e}", nxml_dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "nxml"))
        .collect();
    papers.sort();
    let mut renderings = Vec::new();
    for nxml in papers {
        let paper = nxml.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let txt = txt_dir.join(format!("{paper}.txt"));
        let Ok(plain) = std::fs::read_to_string(&txt) else { continue };
        renderings.push(Rendering { paper: paper.clone(), kind: DocumentKind::Plain, text: plain });
        for (kind, extension, args) in [
            (DocumentKind::Latex, "tex", &["-t", "latex", "-s"][..]),
            (DocumentKind::Markdown, "md", &["-t", "markdown", "-s"][..]),
        ] {
            let out = out_dir.join(format!("{paper}.{extension}"));
            if !out.exists() {
                let status = Command::new("pandoc")
                    .args(["-f", "jats"])
                    .args(args)
                    .arg(&nxml)
                    .arg("-o")
                    .arg(&out)
                    .status()
                    .map_err(|e| {
                        format!(
                            "pandoc could not be run ({e}); install it (apt-get install pandoc)"
                        )
                    })?;
                if !status.success() {
                    return Err(format!("pandoc failed on {}", nxml.display()));
                }
            }
            let text =
                std::fs::read_to_string(&out).map_err(|e| format!("{}: {e}", out.display()))?;
            renderings.push(Rendering { paper: paper.clone(), kind, text });
        }
    }
    Ok(renderings)
}

/// What the three renderings give.
#[derive(Default)]
pub struct Report {
    /// Per rendering (plain, LaTeX, Markdown): findings, and those whose text holds markup.
    pub findings: BTreeMap<&'static str, (usize, Vec<String>)>,
    /// Per rendering: entities, and those whose text holds markup.
    pub entities: BTreeMap<&'static str, (usize, Vec<String>)>,
    /// Per rendering (LaTeX, Markdown): the plain text's gene findings (rule and text, counted
    /// per paper) that the rendering gives too, and how many the plain text gives.
    pub agreement: BTreeMap<&'static str, (usize, usize)>,
    /// Per rendering: the gene findings it gives more or fewer times than the plain text, as
    /// `paper  +/-count  rule  text`.
    pub differences: BTreeMap<&'static str, Vec<String>>,
}

fn name(kind: DocumentKind) -> &'static str {
    match kind {
        DocumentKind::Plain => "plain text",
        DocumentKind::Latex => "LaTeX",
        DocumentKind::Markdown => "Markdown",
    }
}

/// Lints and annotates every rendering.
pub fn check(renderings: &[Rendering], config: &Config) -> Report {
    let mut report = Report::default();
    // Per paper and rendering: gene findings as (rule, text) with their counts.
    type Counts = BTreeMap<(String, String), usize>;
    let mut genes: BTreeMap<(&str, &'static str), Counts> = BTreeMap::new();
    for rendering in renderings {
        let document = Document { text: &rendering.text, kind: rendering.kind };
        let kind = name(rendering.kind);
        let findings = report.findings.entry(kind).or_default();
        let paper_genes = genes.entry((&rendering.paper, kind)).or_default();
        for finding in lint(document, config) {
            let text = finding.text(&rendering.text);
            findings.0 += 1;
            if text.contains(MARKUP) {
                findings.1.push(format!("{}\t{}\t{text}", rendering.paper, finding.rule));
            }
            if finding.rule.starts_with("gene/") {
                *paper_genes.entry((finding.rule.to_owned(), text.to_owned())).or_default() += 1;
            }
        }
        let entities = report.entities.entry(kind).or_default();
        for entity in annotate(document, config) {
            let text = entity.text(&rendering.text);
            entities.0 += 1;
            if text.contains(MARKUP) {
                entities.1.push(format!("{}\t{text}", rendering.paper));
            }
        }
    }
    for ((paper, kind), findings) in &genes {
        if *kind == name(DocumentKind::Plain) {
            continue;
        }
        let Some(plain) = genes.get(&(*paper, name(DocumentKind::Plain))) else { continue };
        let agreement = report.agreement.entry(kind).or_default();
        for (finding, count) in plain {
            agreement.0 += (*count).min(findings.get(finding).copied().unwrap_or(0));
            agreement.1 += count;
        }
        let differences = report.differences.entry(kind).or_default();
        for finding in plain.keys().chain(findings.keys().filter(|f| !plain.contains_key(*f))) {
            let in_plain = plain.get(finding).copied().unwrap_or(0) as i64;
            let here = findings.get(finding).copied().unwrap_or(0) as i64;
            if here != in_plain {
                let (rule, text) = finding;
                differences.push(format!("{paper}\t{:+}\t{rule}\t{text}", here - in_plain));
            }
        }
    }
    report
}

impl Report {
    /// Every gene finding a rendering gives more or fewer times than the plain text.
    pub fn differences(&self) -> String {
        let mut out = String::new();
        for (kind, lines) in &self.differences {
            for line in lines {
                let _ = writeln!(out, "{kind}\t{line}");
            }
        }
        out
    }

    /// The table `cargo xtask markup` prints, and the findings and entities with markup.
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| rendering | findings | with markup | entities | with markup | gene findings of the plain text also found |\n|---|---|---|---|---|---|\n",
        );
        for (kind, (findings, marked)) in &self.findings {
            let (entities, marked_entities) = &self.entities[kind];
            let agreement = self.agreement.get(kind).map_or("".to_owned(), |(same, of)| {
                format!("{same} of {of} ({:.3})", *same as f64 / (*of).max(1) as f64)
            });
            let _ = writeln!(
                out,
                "| {kind} | {findings} | {} | {entities} | {} | {agreement} |",
                marked.len(),
                marked_entities.len()
            );
        }
        for (kind, (_, marked)) in &self.findings {
            for line in marked {
                let _ = writeln!(out, "finding with markup ({kind}): {line}");
            }
        }
        for (kind, (_, marked)) in &self.entities {
            for line in marked {
                let _ = writeln!(out, "entity with markup ({kind}): {line}");
            }
        }
        out
    }
}
