//! Diseases a document says a drug caused: after "levodopa-induced dyskinesia", the
//! dyskinesia the whole document speaks of is MeSH's "Dyskinesia, Drug-Induced" (D004409), not
//! the general "Dyskinesias" (D020820); after "ticlopidine-induced hepatitis", hepatitis is
//! "Chemical and Drug Induced Liver Injury".
//!
//! Only where MeSH has a drug-induced form of the very term written ("drug-induced
//! dyskinesia"), and the word before "-induced" is a chemical the document names (or "drug").

use crate::dictionary::{MeshCategory, MeshId};
use crate::entity::{Entity, Meaning};

use super::context::Context;

/// Gives every mention of a disease the document says a chemical induced the MeSH record of
/// its drug-induced form.
pub(super) fn specialise(entities: &mut [Entity], context: &Context) {
    // (general record, drug-induced record); a document names few such diseases.
    let mut induced: Vec<(MeshId, MeshId)> = Vec::new();
    for at in memchr::memmem::find_iter(context.text.as_bytes(), "-induced ") {
        // The first disease within the next few words.
        let after = at + "-induced ".len();
        let next = entities.partition_point(|e| e.span.start < after);
        let Some((i, general)) =
            entities[next..].iter().take(3).enumerate().find_map(|(k, e)| match e.meaning {
                Meaning::Mesh(id) if is_disease(id, context) => Some((next + k, id)),
                _ => None,
            })
        else {
            continue;
        };
        if induced.iter().any(|(g, _)| *g == general)
            || !induced_by_a_chemical(entities[i].span.start, &entities[..i], context)
        {
            continue;
        }
        let written = &context.text[entities[i].span.clone()];
        let specific = context
            .dictionary
            .lookup(&format!("drug-induced {written}"))
            .filter_map(crate::dictionary::Entry::mesh_id)
            .find(|id| *id != general && is_disease(*id, context));
        if let Some(specific) = specific {
            induced.push((general, specific));
        }
    }
    if induced.is_empty() {
        return;
    }
    for entity in entities {
        if let Meaning::Mesh(id) = &mut entity.meaning
            && let Some((_, specific)) = induced.iter().find(|(general, _)| general == id)
        {
            *id = *specific;
        }
    }
}

fn is_disease(id: MeshId, context: &Context) -> bool {
    context.dictionary.mesh(id).category == MeshCategory::Disease
}

/// Whether the text before `at` reads "`<chemical>`-induced " or "drug-induced ", maybe with one
/// or two adjectives between ("clotiazepam-induced acute hepatitis").
fn induced_by_a_chemical(at: usize, entities_before: &[Entity], context: &Context) -> bool {
    let text = context.text;
    let mut end = text[..at].trim_end_matches(' ').len();
    for _ in 0..3 {
        let start = text[..end].rfind([' ', '\n', '(']).map_or(0, |i| i + 1);
        let word = &text[start..end];
        if let Some(cause) = word.strip_suffix("-induced") {
            let cause_span = start..start + cause.len();
            return cause.eq_ignore_ascii_case("drug")
                || entities_before.iter().rev().take(4).any(|e| {
                    e.span == cause_span
                        && matches!(e.meaning, Meaning::Mesh(id)
                            if context.dictionary.mesh(id).category == MeshCategory::Chemical)
                });
        }
        // Only lower-case adjectives may stand between.
        if start == 0 || !word.chars().all(|c| c.is_ascii_lowercase()) {
            return false;
        }
        end = text[..start].trim_end_matches(' ').len();
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::dictionary::Dictionary;
    use crate::markup::DocumentKind;
    use crate::recognize::recognize;

    /// (written, MeSH ID) of every disease.
    fn diseases(text: &str) -> Vec<(String, String)> {
        let dictionary = Dictionary::embedded();
        recognize(text, DocumentKind::Plain, dictionary, None)
            .entities
            .iter()
            .filter(|e| e.entity_type(dictionary) == crate::entity::EntityType::Disease)
            .map(|e| (text[e.span.clone()].to_owned(), e.id(dictionary)))
            .collect()
    }

    #[test]
    fn a_disease_a_chemical_induced_is_the_drug_induced_one_throughout() {
        assert_eq!(
            diseases("Patients with dyskinesia were seen. Levodopa-induced dyskinesia is common."),
            [
                ("dyskinesia".to_owned(), "MESH:D004409".to_owned()),
                ("dyskinesia".to_owned(), "MESH:D004409".to_owned())
            ]
        );
        assert_eq!(
            diseases("Clotiazepam-induced acute hepatitis."),
            [("hepatitis".to_owned(), "MESH:D056486".to_owned())]
        );
    }

    #[test]
    fn other_causes_and_plain_mentions_keep_the_general_record() {
        assert_eq!(
            diseases("Patients with dyskinesia were seen."),
            [("dyskinesia".to_owned(), "MESH:D020820".to_owned())]
        );
        assert_eq!(
            diseases("Stress-induced dyskinesia."),
            [("dyskinesia".to_owned(), "MESH:D020820".to_owned())]
        );
    }
}
