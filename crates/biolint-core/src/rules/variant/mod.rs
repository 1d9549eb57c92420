//! Rules about mtDNA variant descriptions: HGVS `m.` nomenclature on the rCRS (NC_012920.1).
//!
//! Every finding's span is the whole description as written (all of `m.8993 T>G`), and its fix
//! replaces that whole span with the corrected description, keeping the reference sequence and
//! gene the author wrote.

pub mod coordinate_system;
pub mod hgvs_syntax;
pub mod legacy_notation;
pub mod locus_mismatch;
pub mod position_out_of_range;
pub mod redundant_bases;
pub mod reference_mismatch;

use super::{LintContext, RuleInfo};
use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::entity::{Entity, Meaning};
use crate::variant::{Found, ProblemKind, Variant};

/// A finding about `found`, with the whole description as its span, and `fix`, if any, as a
/// fix of that `applicability`.
pub fn finding(
    info: &RuleInfo,
    found: &Found,
    message: String,
    fix: Option<String>,
    applicability: Applicability,
) -> Diagnostic {
    Diagnostic {
        rule: info.id,
        reads: None,
        severity: info.default_severity,
        message,
        span: found.span.clone(),
        fixes: fix
            .map(|f| vec![Fix::replace(found.span.clone(), f, applicability)])
            .unwrap_or_default(),
        entity: found.variant.clone().map(|v| Entity::new(found.span.clone(), Meaning::Variant(v))),
    }
}

/// "m.8993 T>G: space after the position (character 7): HGVS descriptions contain no spaces",
/// for the problems of one kind; `None` when there are none.
pub fn problems(found: &Found, kind: ProblemKind) -> Option<String> {
    let described: Vec<String> = found
        .problems
        .iter()
        .filter(|p| p.kind == kind)
        .map(|p| {
            let character = found.written[..p.offset.min(found.written.len())].chars().count() + 1;
            // "space after the position (character 7): HGVS descriptions contain no spaces"
            match p.message.split_once(": ") {
                Some((what, why)) => format!("{what} (character {character}): {why}"),
                None => format!("{} (character {character})", p.message),
            }
        })
        .collect();
    (!described.is_empty()).then(|| format!("{}: {}", found.written, described.join("; ")))
}

/// The descriptions found in the document.
pub fn descriptions<'a>(context: &'a LintContext) -> impl Iterator<Item = &'a Found> {
    context.recognized.variants.iter()
}

/// Whether the bases a description states disagree with the rCRS (then the reference-mismatch
/// rule speaks, not the rules about its form).
pub fn mismatches_reference(context: &LintContext, variant: &Variant) -> bool {
    !crate::variant::check_reference(variant, context.dictionary.rcrs).is_empty()
}

#[cfg(test)]
mod round_trip {
    //! Applying a finding's fix leaves no variant finding behind.

    use crate::markup::DocumentKind;
    use crate::{Config, Document};

    fn variant_findings(text: &str) -> Vec<crate::Diagnostic> {
        crate::lint(Document { text, kind: DocumentKind::Markdown }, &Config::default())
            .into_iter()
            .filter(|d| d.rule.starts_with("variant/"))
            .collect()
    }

    #[test]
    fn every_fix_leaves_a_clean_description() {
        for written in [
            "m.8993 T>G",
            "m.3243A > G",
            "m.3243A→G",
            "m.3243A->G",
            "mt.3460G>A",
            "M.3460G>A",
            "m3243A>G",
            "m.3243a>g",
            "m.8993_8995del",
            "m.8993-8995del",
            "NC_012920.1:g.3243A>G",
            "m.8993delT",
            "m.3271dupT",
            "m.8993delTinsGA",
            "m.11778A>G",
            "m.11778 A>G",
            "NC_012920.1(MT-ND1):m.3243A>G",
            "A3243G",
            "3243A>G",
        ] {
            // Each finding's fix corrects what that finding is about: one application per
            // finding leaves the description clean.
            let mut text = format!("Mitochondrial DNA carried {written} in muscle.");
            let rounds = variant_findings(&text).len();
            for _ in 0..rounds {
                let findings = variant_findings(&text);
                let Some(fix) = findings.iter().find_map(|d| d.fixes.first()) else { break };
                text = format!(
                    "{}{}{}",
                    &text[..fix.span.start],
                    fix.replacement,
                    &text[fix.span.end..]
                );
            }
            let (fixed, left) = (&text, variant_findings(&text));
            assert!(left.is_empty(), "{written} -> {fixed}: {left:?}");
        }
    }
}
