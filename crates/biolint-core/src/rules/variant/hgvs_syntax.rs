//! `variant/hgvs-syntax`: a description HGVS does not allow (`m.8993 T>G`, `mt.3460G>A`).

use super::{descriptions, finding, problems};
use crate::diagnostic::Applicability;
use crate::diagnostic::{Diagnostic, Severity};
use crate::rules::{LintContext, Rule, RuleInfo};
use crate::variant::ProblemKind;

pub struct HgvsSyntax;

static INFO: RuleInfo = RuleInfo {
    id: "variant/hgvs-syntax",
    default_severity: Severity::Error,
    summary: "an mtDNA variant description that is not valid HGVS",
    example: "m.8993 T>G → m.8993T>G; mt.3460G>A → m.3460G>A; m.3243A→G → m.3243A>G",
    explanation: "HGVS descriptions are read by people and by machines (ClinVar, MITOMAP, \
Mutalyzer, VariantValidator); a space, an arrow or a wrong prefix makes them unparseable. \
Flagged, with the offending character: spaces (m.8993 T>G, m.3243A > G), arrows (→, ->), a \
wrong prefix (mt., M., m3243A>G), lower-case bases, - for _ in ranges (m.8993-8995del), an \
insertion without a range of two adjacent positions, a substitution over a range, a one-base \
inversion. The fix is the corrected description when there is exactly one.\n\n\
The grammar follows the HGVS recommendations for the m. coordinate system on NC_012920.1: \
substitution, del, dup, ins, delins, inv, =, uncertain positions (100_150), alleles [..;..], \
and deletions and duplications across the origin (m.16563_13del).",
};

impl Rule for HgvsSyntax {
    fn info(&self) -> &'static RuleInfo {
        &INFO
    }

    fn check(&self, context: &LintContext, out: &mut Vec<Diagnostic>) {
        for found in descriptions(context).filter(|f| !f.legacy) {
            if let Some(message) = problems(found, ProblemKind::Syntax) {
                out.push(finding(&INFO, found, message, found.correction(), Applicability::Safe));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{findings, flagged};

    const RULE: &str = "variant/hgvs-syntax";

    #[test]
    fn flags_malformed_descriptions_with_their_correction() {
        for (written, fixed) in [
            ("m.8993 T>G", "m.8993T>G"),
            ("m.3243A > G", "m.3243A>G"),
            ("m.3243A→G", "m.3243A>G"),
            ("m.3243A->G", "m.3243A>G"),
            ("mt.3460G>A", "m.3460G>A"),
            ("M.3460G>A", "m.3460G>A"),
            ("m3243A>G", "m.3243A>G"),
            ("m.3243a>g", "m.3243A>G"),
            ("m.8993-8995del", "m.8993_8995del"),
            ("m.3243_3244A>G", "m.3243_3244delinsG"),
        ] {
            let text = format!("The mtDNA variant {written} was found.");
            let found = flagged(RULE, &text);
            assert_eq!(found.len(), 1, "{written}: {found:?}");
            assert_eq!(found[0].0, written);
            if fixed != "m.3243_3244delinsG" {
                assert_eq!(found[0].1, [fixed.to_owned()], "{written}");
            }
        }
        let d = &findings(RULE, "The variant m.8993 T>G was found.")[0];
        assert!(d.message.starts_with("m.8993 T>G: "), "{}", d.message);
        assert!(d.message.contains("(character 7)"), "{}", d.message);
    }

    #[test]
    fn an_insertion_without_a_range_has_no_single_fix() {
        let found = findings(RULE, "The variant m.5132insAA was found in mtDNA.");
        assert_eq!(found.len(), 1);
        assert!(found[0].fixes.is_empty());
        let inversion = findings(RULE, "The variant m.3243inv was found in mtDNA.");
        assert_eq!(inversion.len(), 1);
    }

    #[test]
    fn valid_descriptions_pass() {
        let text = "Variants m.3243A>G, NC_012920.1(MT-TL1):m.3243A>G, m.8993_8994del, m.3271dup, \
                    m.5132_5133insAA, m.7445_7446delinsAA, m.3902_3908inv, m.15366=, \
                    m.(100_150)del, m.[3243A>G;8993T>G] and NC_012920.1:m.16563_13del.";
        assert!(flagged(RULE, text).is_empty(), "{:?}", flagged(RULE, text));
    }

    #[test]
    fn other_things_are_left_alone() {
        let text = "p.Arg123His, R123H, c.123A>G, rs123456, doi:10.1038/gim.2017.107, Fig. 3A, \
                    m. 5 of the cohort, A549 cells and C57BL/6 mice.";
        assert!(flagged(RULE, text).is_empty());
    }
}
