//! Every ClinVar chrM record named in HGVS parses, matches the rCRS, and raises no error or
//! warning (the hint that ClinVar's own gene label does not contain the position is allowed).

use biolint_core::{Config, Dictionary, Document, DocumentKind, Severity};

#[test]
fn clinvar_hgvs_names_are_valid_and_match_the_reference() {
    let dictionary = Dictionary::embedded();
    // The other records are named "Single allele" or by a protein change (T89S).
    let names: Vec<&str> = dictionary
        .clinvar_names()
        .filter(|n| n.starts_with("NC_012920") || n.starts_with("m."))
        .collect();
    assert_eq!(names.len(), 2742);
    let mut problems = Vec::new();
    for name in &names {
        match biolint_core::variant::parse(name) {
            Err(e) => problems.push(format!("{name}: does not parse: {e}")),
            Ok(variant) => {
                let mismatches = biolint_core::variant::check_reference(&variant, dictionary.rcrs);
                if !mismatches.is_empty() {
                    problems.push(format!("{name}: {mismatches:?}"));
                }
            }
        }
        let text = format!("The mtDNA variant {name} was reported.\n");
        for d in biolint_core::lint(
            Document { text: &text, kind: DocumentKind::Plain },
            &Config::default(),
        ) {
            if d.rule.starts_with("variant/") && d.severity <= Severity::Warning {
                problems.push(format!("{name}: {} {}", d.rule, d.message));
            }
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn a_variant_in_clinvar_carries_its_record() {
    let dictionary = Dictionary::embedded();
    let record = dictionary.clinvar("NC_012920.1:m.3243A>G").expect("m.3243A>G is in ClinVar");
    assert!(record.accession.starts_with("VCV"));
    assert!(record.clinical_significance.to_lowercase().contains("pathogenic"));
    // The ClinVar table holds single-nucleotide variants only.
    assert!(dictionary.clinvar("NC_012920.1:m.3243del").is_none());
}
