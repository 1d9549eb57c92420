//! Manuscripts that come in containers: Word (`.docx`) and JATS XML.
//!
//! The engine checks text. A container holds more than its text (styles, fields, tracked
//! changes) and less (a Word paragraph is XML runs, a JATS Greek letter an entity), so each
//! format here reads out the text a reader sees, what the container says of its structure
//! (italics, citations, the reference list, tables; [`biolint_core::Structure`]) and the way back
//! from each byte of that text to the container, for positions users can find and for edits
//! written back in the container's own terms (Word comments and tracked changes).

pub mod docx;
pub mod jats;

/// The character of one of XML's five predefined entities (`amp`, `lt`, `gt`, `quot`, `apos`).
pub(crate) fn predefined_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => return None,
    })
}

/// Whether the text of a superscript is a citation or note mark (`2,3`, `12–15`, `4`): numbers,
/// commas and ranges. Read into the word before it, `C10orf2<sup>2,3</sup>` would be the gene
/// C10orf22; it is no prose. A charge (`2+`) or an allele (`−/−`, `flox`) is not a mark.
pub(crate) fn is_note_mark(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(|c: char| c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | ' ' | '-' | '\u{2013}'))
        && !text.ends_with('-')
}

#[doc(hidden)]
pub mod properties;
