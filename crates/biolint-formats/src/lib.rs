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
