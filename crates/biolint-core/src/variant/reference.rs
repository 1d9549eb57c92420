//! Checks a description against the reference sequence: the bases it states (the reference
//! base of a substitution, or deleted and duplicated bases listed redundantly) must be those of
//! NC_012920.1 at its positions. A mismatch is usually a typo or a substitution written the
//! wrong way round (`m.11778A>G` for `m.11778G>A`); when swapping the two bases of a
//! substitution matches the reference, the swapped description is offered as the fix.
//!
//! The caller passes the sequence (loaded once, no I/O here). Position 3107 of the rCRS is
//! `N`, a placeholder that keeps the historical numbering; `N` matches any base.

use super::hgvs::{EditKind, Location, MT_LENGTH, Position, Variant};

/// Bases a description states that the reference does not have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mismatch {
    /// The (first) position of the edit.
    pub position: u32,
    /// The bases as written.
    pub stated: String,
    /// The bases of the reference sequence there.
    pub reference: String,
    /// For a substitution whose new base is the reference base: the description with the two
    /// bases swapped, which matches the reference.
    pub swapped: Option<Variant>,
}

/// The mismatches of `variant` with `sequence`, the 16,569 bases of NC_012920.1 (`b"GATCACAGG…"`,
/// position p at `sequence[p - 1]`). Edits at uncertain positions, or beyond the end of
/// `sequence`, are not checked.
pub fn check_reference(variant: &Variant, sequence: &[u8]) -> Vec<Mismatch> {
    (0..variant.edits.len()).filter_map(|index| mismatch(variant, index, sequence)).collect()
}

fn mismatch(variant: &Variant, index: usize, sequence: &[u8]) -> Option<Mismatch> {
    let edit = &variant.edits[index];
    let Position::Exact(position) = edit.location.start else {
        return None;
    };
    if let EditKind::Substitution { reference, alternative } = edit.kind {
        let actual = base_at(sequence, position)?;
        if same_base(reference.as_char(), actual) {
            return None;
        }
        let swapped = (alternative.as_char() == actual).then(|| {
            let mut swapped = variant.clone();
            swapped.edits[index].kind =
                EditKind::Substitution { reference: alternative, alternative: reference };
            swapped
        });
        return Some(Mismatch {
            position,
            stated: reference.to_string(),
            reference: actual.to_string(),
            swapped,
        });
    }
    let stated = edit.stated_reference.as_ref()?;
    let actual = reference_bases(&edit.location, sequence)?;
    let agree = stated.chars().count() == actual.chars().count()
        && stated.chars().zip(actual.chars()).all(|(stated, actual)| same_base(stated, actual));
    (!agree).then(|| Mismatch {
        position,
        stated: stated.clone(),
        reference: actual,
        swapped: None,
    })
}

/// The reference bases at `location` (capitals), across the origin for a range such as
/// `16563_13`; `None` for uncertain positions or positions beyond `sequence`.
pub fn reference_bases(location: &Location, sequence: &[u8]) -> Option<String> {
    let Position::Exact(first) = location.start else {
        return None;
    };
    let last = match location.end {
        None => first,
        Some(Position::Exact(last)) => last,
        Some(Position::Uncertain(..)) => return None,
    };
    let index = |position: u32| (position as usize).checked_sub(1);
    let bases = if first <= last {
        sequence.get(index(first)?..=index(last)?)?.to_vec()
    } else {
        // To the end of the genome, then on from its start.
        let to_end = sequence.get(index(first)?..MT_LENGTH as usize)?;
        let from_start = sequence.get(..=index(last)?)?;
        [to_end, from_start].concat()
    };
    Some(bases.iter().map(|b| char::from(b.to_ascii_uppercase())).collect())
}

fn base_at(sequence: &[u8], position: u32) -> Option<char> {
    let byte = sequence.get((position as usize).checked_sub(1)?)?;
    Some(char::from(byte.to_ascii_uppercase()))
}

fn same_base(stated: char, actual: char) -> bool {
    stated == actual || actual == 'N' || stated == 'N'
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::variant::hgvs::parse;
    use crate::variant::scan::scan;

    /// A genome of `C`s with the rCRS bases at the positions the tests use.
    fn synthetic() -> Vec<u8> {
        let mut sequence = vec![b'C'; MT_LENGTH as usize];
        for (position, base) in [
            (1, b'G'),
            (3107, b'N'),
            (3243, b'A'),
            (3460, b'G'),
            (8993, b'T'),
            (11778, b'G'),
            (14484, b'T'),
            (16569, b'T'),
        ] {
            sequence[position - 1] = base;
        }
        sequence
    }

    fn mismatches(description: &str, sequence: &[u8]) -> Vec<Mismatch> {
        check_reference(&parse(description).unwrap(), sequence)
    }

    /// The variant of the one description that `text` is, slips and all.
    fn scanned(text: &str) -> Variant {
        scan(text).remove(0).variant.unwrap()
    }

    #[test]
    fn matching_substitutions_have_no_mismatch() {
        let sequence = synthetic();
        for description in [
            "m.3243A>G",
            "m.8993T>G",
            "m.11778G>A",
            "m.3460G>A",
            "m.14484T>C",
            "m.[3243A>G;8993T>C]",
        ] {
            assert_eq!(mismatches(description, &sequence), Vec::new(), "{description}");
        }
    }

    #[test]
    fn a_swapped_substitution_is_offered_as_the_fix() {
        let sequence = synthetic();
        let found = mismatches("NC_012920.1(MT-ND4):m.11778A>G", &sequence);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].position, found[0].stated.as_str(), found[0].reference.as_str()),
            (11778, "A", "G")
        );
        assert_eq!(
            found[0].swapped.as_ref().map(Variant::to_string).as_deref(),
            Some("NC_012920.1(MT-ND4):m.11778G>A")
        );

        let found = mismatches("m.[3243A>G;8993C>T]", &sequence);
        assert_eq!(
            found[0].swapped.as_ref().map(Variant::to_string).as_deref(),
            Some("m.[3243A>G;8993T>C]")
        );

        let found = mismatches("m.3243G>C", &sequence);
        assert_eq!(
            (found[0].stated.as_str(), found[0].reference.as_str(), found[0].swapped.is_none()),
            ("G", "A", true)
        );
    }

    #[test]
    fn position_3107_matches_any_base() {
        let sequence = synthetic();
        for description in ["m.3107A>G", "m.3107C>T", "m.3107T>C"] {
            assert_eq!(mismatches(description, &sequence), Vec::new(), "{description}");
        }
        assert_eq!(check_reference(&scanned("m.3107delC"), &sequence), Vec::new());
    }

    #[test]
    fn listed_bases_are_compared() {
        let sequence = synthetic();
        assert_eq!(check_reference(&scanned("m.8993delT"), &sequence), Vec::new());
        assert_eq!(check_reference(&scanned("m.3243A>A"), &sequence), Vec::new());
        assert_eq!(check_reference(&scanned("m.8992_8994dupctc"), &sequence), Vec::new());
        assert_eq!(check_reference(&scanned("m.8993delTinsGA"), &sequence), Vec::new());
        let found = check_reference(&scanned("m.8993delG"), &sequence);
        assert_eq!(
            found,
            vec![Mismatch {
                position: 8993,
                stated: "G".into(),
                reference: "T".into(),
                swapped: None
            }]
        );
        let found = check_reference(&scanned("m.8993_8994delT"), &sequence);
        assert_eq!((found[0].stated.as_str(), found[0].reference.as_str()), ("T", "TC"));
    }

    #[test]
    fn reference_bases_run_across_the_origin() {
        let sequence = synthetic();
        let location = |description: &str| parse(description).unwrap().edits[0].location;
        assert_eq!(reference_bases(&location("m.16569_1del"), &sequence).as_deref(), Some("TG"));
        assert_eq!(
            reference_bases(&location("m.16563_13del"), &sequence).map(|b| b.len()),
            Some(20)
        );
        assert_eq!(reference_bases(&location("m.3242_3244del"), &sequence).as_deref(), Some("CAC"));
        assert_eq!(reference_bases(&location("m.5132_5133insA"), &sequence).as_deref(), Some("CC"));
        assert_eq!(reference_bases(&location("m.(100_150)del"), &sequence), None);
        assert_eq!(reference_bases(&location("m.100_(150_160)del"), &sequence), None);
    }

    #[test]
    fn a_short_or_odd_sequence_does_not_panic() {
        for sequence in [&b""[..], b"GATC", &[0xFF; 20_000]] {
            for description in ["m.3243A>G", "m.16563_13del", "m.16569_1del", "m.1A>G"] {
                let _ = mismatches(description, sequence);
                let _ = reference_bases(&parse(description).unwrap().edits[0].location, sequence);
            }
            let _ = check_reference(&scanned("m.16563_13delTTTTTTTTTTTTTTTTTTTT"), sequence);
        }
    }

    /// The real rCRS, as embedded in biolint.
    #[test]
    fn the_rcrs_has_the_expected_bases() {
        let sequence = crate::Dictionary::embedded().rcrs;
        assert_eq!(sequence.len(), MT_LENGTH as usize);
        assert!(sequence.starts_with(b"GATCACAGG"));
        for (position, base) in
            [(3243, "A"), (8993, "T"), (11778, "G"), (3460, "G"), (14484, "T"), (3107, "N")]
        {
            let location = Location { start: Position::Exact(position), end: None };
            assert_eq!(reference_bases(&location, sequence).as_deref(), Some(base), "m.{position}");
        }
        for description in
            ["m.3243A>G", "m.8993T>G", "m.11778G>A", "m.3460G>A", "m.14484T>C", "m.3107C>T"]
        {
            assert_eq!(mismatches(description, sequence), Vec::new(), "{description}");
        }
        let found = mismatches("m.11778A>G", sequence);
        assert_eq!(
            found[0].swapped.as_ref().map(Variant::to_string).as_deref(),
            Some("m.11778G>A")
        );
    }
}
