//! Dictionaries a project adds through its configuration: a lab's construct names, an
//! in-house compound, a species the curated table lacks.
//!
//! A user dictionary is a TSV file with a header and the columns `term`, `type` (gene, disease,
//! chemical or species), `id` (reported as is, e.g. `NCBIGene:12345` or `LAB:0042`) and `name`.
//! Like the curated species table, a term with a capital letter matches with its exact case and
//! an all-lower-case term in any case. They are few, so they are matched with an Aho-Corasick
//! automaton built when the configuration is read, over the same folded text as the embedded
//! dictionaries.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use super::folded::FoldedText;
use super::keys::{fold, is_word_byte, same_surface};
use crate::entity::{CustomTerm, EntityType};

#[derive(Clone)]
pub struct UserDictionary {
    automaton: AhoCorasick,
    terms: Vec<UserTerm>,
}

#[derive(Clone)]
struct UserTerm {
    written: String,
    exact_case: bool,
    term: CustomTerm,
}

/// A problem in a user dictionary, naming the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserDictionaryError(pub String);

impl std::fmt::Display for UserDictionaryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl UserDictionary {
    /// Parses dictionary files given as (name for messages, contents).
    pub fn parse(files: &[(String, String)]) -> Result<UserDictionary, UserDictionaryError> {
        let mut terms = Vec::new();
        for (name, text) in files {
            let mut lines = text.lines().enumerate();
            match lines.next() {
                Some((_, header)) if header.trim_end() == "term\ttype\tid\tname" => {}
                _ => {
                    return Err(UserDictionaryError(format!(
                        "{name}:1: the first line must be the header `term<TAB>type<TAB>id<TAB>name`"
                    )));
                }
            }
            for (i, line) in lines {
                if line.trim().is_empty() {
                    continue;
                }
                let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
                let [written, kind, id, term_name] = fields[..] else {
                    return Err(UserDictionaryError(format!(
                        "{name}:{}: expected 4 tab-separated columns (term, type, id, name), found {}",
                        i + 1,
                        fields.len()
                    )));
                };
                let entity_type = EntityType::from_name(kind)
                    .filter(|t| *t != EntityType::Variant)
                    .ok_or_else(|| {
                        UserDictionaryError(format!(
                            "{name}:{}: unknown type {kind:?} (expected gene, disease, chemical or species)",
                            i + 1
                        ))
                    })?;
                if fold(written).chars().count() < 2 {
                    return Err(UserDictionaryError(format!(
                        "{name}:{}: the term {written:?} is shorter than two characters",
                        i + 1
                    )));
                }
                terms.push(UserTerm {
                    written: written.to_owned(),
                    exact_case: written.chars().any(char::is_uppercase),
                    term: CustomTerm { entity_type, id: id.to_owned(), name: term_name.to_owned() },
                });
            }
        }
        let automaton = AhoCorasick::new(terms.iter().map(|t| fold(&t.written)))
            .map_err(|e| UserDictionaryError(format!("user dictionaries: {e}")))?;
        Ok(UserDictionary { automaton, terms })
    }

    pub fn len(&self) -> usize {
        self.terms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every term found in the folded text, at token boundaries and with the right case.
    pub(crate) fn find<'a, 't>(
        &'a self,
        text: &'t str,
        folded: &'t FoldedText,
    ) -> impl Iterator<Item = (Range<usize>, &'a CustomTerm)> + 't
    where
        'a: 't,
    {
        let bytes = &folded.bytes;
        let origins = folded.origins();
        self.automaton.find_overlapping_iter(&bytes[..]).filter_map(move |m| {
            let (start, end) = (m.start(), m.end());
            let starts =
                start == 0 || !is_word_byte(bytes[start - 1]) || !is_word_byte(bytes[start]);
            let ends =
                end == bytes.len() || !is_word_byte(bytes[end]) || !is_word_byte(bytes[end - 1]);
            let term = &self.terms[m.pattern().as_usize()];
            let span = origins.original_range(start, end, text);
            let case_ok = !term.exact_case || same_surface(&text[span.clone()], &term.written);
            (starts && ends && case_ok).then_some((span, &term.term))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dictionary(text: &str) -> Result<UserDictionary, UserDictionaryError> {
        UserDictionary::parse(&[("lab.tsv".to_owned(), text.to_owned())])
    }

    #[test]
    fn finds_terms_with_their_case_rules() {
        let d = dictionary("term\ttype\tid\tname\nMitoTimer\tgene\tLAB:1\tMitoTimer reporter\nmitoquinone\tchemical\tMESH:C476756\tmitoquinone\n").unwrap();
        let text = "MitoTimer and mitotimer and Mitoquinone; xMitoTimer";
        let folded = FoldedText::new(text);
        let found: Vec<&str> = d.find(text, &folded).map(|(s, _)| &text[s]).collect();
        assert_eq!(found, ["MitoTimer", "Mitoquinone"]);
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let e = dictionary("term\ttype\tid\tname\nfoo\tprotein\tX:1\tfoo\n").err().unwrap();
        assert_eq!(
            e.0,
            "lab.tsv:2: unknown type \"protein\" (expected gene, disease, chemical or species)"
        );
        let e = dictionary("term\ttype\nfoo\tgene\n").err().unwrap();
        assert!(e.0.starts_with("lab.tsv:1: the first line must be the header"));
        let e = dictionary("term\ttype\tid\tname\nfoo\tgene\n").err().unwrap();
        assert_eq!(
            e.0,
            "lab.tsv:2: expected 4 tab-separated columns (term, type, id, name), found 2"
        );
    }
}
