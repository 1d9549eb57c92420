//! `gene/excel-mangled`: gene symbols a spreadsheet turned into dates (SEPT2 → 2-Sep).
//!
//! Spreadsheet programs read `SEPT2`, `MARCH1` or `DEC1` as dates and display them as `2-Sep`,
//! `1-Mar`, `1-Dec` (Zeeberg et al. 2004; Ziemann et al. 2016). The date forms are derived from
//! the dictionary, not listed: for `<day>-<Mon>`, every HGNC symbol, previous symbol or alias
//! spelled as a prefix of the month's name (three letters or more) followed by the day
//! (`SEP2`, `SEPT2`, `MAR1`, `MARC1`, `MARCH1`) is a candidate.

use crate::diagnostic::Applicability;
use std::ops::Range;

use super::{describe_all, fixes};
use crate::diagnostic::{Diagnostic, Severity};
use crate::dictionary::{GeneId, Source};
use crate::entity::Meaning;
use crate::rules::{LintContext, Rule, RuleInfo};

pub struct ExcelMangled;

static INFO: RuleInfo = RuleInfo {
    id: "gene/excel-mangled",
    default_severity: Severity::Warning,
    summary: "a gene symbol a spreadsheet turned into a date, in a table, a list or a list of genes",
    example: "2-Sep → SEPTIN2 (was SEPT2); 1-Mar → MARCHF1 or MTARC1; 1-Dec → BHLHE40",
    explanation: "Spreadsheets read some gene symbols as dates: SEPT2 becomes 2-Sep, MARCH1 and \
MARC1 both become 1-Mar, DEC1 becomes 1-Dec. Gene lists pasted from a spreadsheet carry the \
dates into the manuscript. HGNC has since renamed most of these genes (SEPTIN2, MARCHF1, \
MTARC1) to stop it. The finding lists every gene the date can come from, with its current \
symbol as the fix.\n\n\
Flagged only where the date stands in a table, a list, or a sentence listing genes (two or more \
other genes in it): elsewhere 1-Mar is a date.",
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Rule for ExcelMangled {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for (span, day, month) in dates(&context.recognized.masked) {
            if !in_gene_list(context, &span) {
                continue;
            }
            let genes = candidates(context, day, month);
            if genes.is_empty() {
                continue;
            }
            let written = &context.text[span.clone()];
            out.push(Diagnostic {
                rule: INFO.id,
                reads: None,
                severity: INFO.default_severity,
                message: format!(
                    "{written} looks like a gene symbol a spreadsheet turned into a date: {}",
                    describe_all(context, &genes, "or")
                ),
                span: span.clone(),
                fixes: fixes(context, &span, &genes, Applicability::Safe),
                entity: None,
            });
        }
    }
}

/// `<day>-<Mon>` tokens (`1-Mar`, `02-Sep`): span, day, month index.
fn dates(text: &str) -> Vec<(Range<usize>, u32, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    for (dash, _) in text.match_indices('-') {
        let digits = bytes[..dash].iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let start = dash - digits;
        let month_end =
            dash + 1 + bytes[dash + 1..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let word_start = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
        let word_end = month_end == bytes.len() || !bytes[month_end].is_ascii_alphanumeric();
        if !(1..=2).contains(&digits) || !word_start || !word_end || month_end - dash - 1 != 3 {
            continue;
        }
        let month = &text[dash + 1..month_end];
        let Some(index) = MONTHS.iter().position(|m| m[..3].eq_ignore_ascii_case(month)) else {
            continue;
        };
        let day: u32 = text[start..dash].parse().unwrap_or(0);
        if (1..=31).contains(&day) {
            found.push((start..month_end, day, index));
        }
    }
    found
}

/// Whether the date stands in a table or list, or in a sentence that lists other genes.
fn in_gene_list(context: &LintContext, span: &Range<usize>) -> bool {
    let prose = &context.recognized.prose;
    if prose.tables.iter().any(|t| t.start <= span.start && span.end <= t.end) {
        return true;
    }
    let text = context.text;
    let start = text[..span.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
    let end = text[span.end..].find(['.', '\n']).map_or(text.len(), |i| span.end + i);
    // Entities are sorted by start.
    let entities = context.entities();
    let first = entities.partition_point(|e| e.span.start < start);
    let genes = entities[first..]
        .iter()
        .take_while(|e| e.span.start < end)
        .filter(|e| matches!(e.meaning, Meaning::Gene(_)) && e.span.end <= end)
        .count();
    genes >= 2
}

/// The current genes whose symbol, previous symbol or alias reads as this date.
fn candidates(context: &LintContext, day: u32, month: usize) -> Vec<GeneId> {
    let dictionary = context.dictionary;
    let name = MONTHS[month].to_uppercase();
    let mut genes = Vec::new();
    for length in 3..=name.len() {
        let symbol = format!("{}{day}", &name[..length]);
        for entry in dictionary.lookup(&symbol) {
            let is_symbol = matches!(
                entry.source,
                Source::GeneSymbol
                    | Source::GenePrevious
                    | Source::GeneAlias
                    | Source::GeneWithdrawn
            );
            if is_symbol && dictionary.form(entry) == symbol {
                for gene in dictionary.current_genes(GeneId(entry.record)) {
                    if !genes.contains(&gene) {
                        genes.push(gene);
                    }
                }
            }
        }
    }
    genes
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "gene/excel-mangled";

    #[test]
    fn dates_in_a_gene_table_name_every_candidate() {
        let table = "| gene | fold change |\n|---|---|\n| 2-Sep | 2.1 |\n| 1-Mar | 0.4 |\n";
        let found = flagged(RULE, table);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].0, "2-Sep");
        assert!(found[0].1.contains(&"SEPTIN2".to_owned()), "{:?}", found[0].1);
        assert_eq!(found[1].0, "1-Mar");
        assert!(
            found[1].1.contains(&"MARCHF1".to_owned()) && found[1].1.contains(&"MTARC1".to_owned())
        );
        let message = &findings(RULE, table)[1].message;
        assert!(
            message
                .starts_with("1-Mar looks like a gene symbol a spreadsheet turned into a date: ")
        );
    }

    #[test]
    fn a_sentence_listing_genes_counts_as_a_list() {
        let found = flagged(RULE, "Hits included PINK1, 1-Dec, MFN2 and OPA1.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "1-Dec");
    }

    #[test]
    fn a_date_in_prose_is_a_date() {
        assert!(flagged(RULE, "Samples were collected on 1-Mar and 2-Sep.").is_empty());
        assert!(flagged(RULE, "The 12-Mar meeting discussed PINK1.").is_empty());
    }
}
